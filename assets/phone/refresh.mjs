// Keeping the phone's page up to date without loading it again. The page (fetched as a fragment,
// without base.html) is swapped in where it differs: its [data-refresh] lists when only they
// changed (the state's `version`), its whole #phone-layout when the section, phase or lock
// changed (the `fingerprint`), but not in the middle of a sentence. The socket, the outbox and
// the live region stay as they are. A "changed" event that names another layout than this
// page's (its `layout`) fetches the page at once; any other asks the small state first.

export const POLL_MS = 4000;

function typing() {
  const active = document.activeElement;
  return active && active.tagName === "TEXTAREA" && active.value.trim() !== "";
}

// A region with a choice or a text not yet sent: swapping it now would lose that.
function busy(region) {
  return Array.from(region.querySelectorAll("textarea, select")).some((field) => {
    if (field.tagName === "SELECT") {
      // Without a `selected` option the first one is shown: that is no change either.
      const shown = Array.from(field.options).find((option) => option.defaultSelected) || field.options[0];
      return shown ? field.value !== shown.value : false;
    }
    return field.value !== field.defaultValue;
  });
}

// Where a button sends: its own address (the vote list's buttons) or its form's.
function target(button) {
  return button.hasAttribute("formaction") ? button.formAction : button.form ? button.form.action : null;
}

// Swap in the fresh region, keeping which forms were open and where the focus was.
function swap(region, fresh) {
  const openForms = Array.from(region.querySelectorAll("details[open] form"), (form) => form.action);
  const active = region.contains(document.activeElement) ? document.activeElement : null;
  const focusTarget = active && active.form ? target(active) : null;
  region.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
  for (const attribute of ["data-by-votes"]) {
    if (fresh.hasAttribute(attribute)) {
      region.setAttribute(attribute, fresh.getAttribute(attribute));
    }
  }
  for (const form of region.querySelectorAll("details form")) {
    if (openForms.includes(form.action)) {
      form.closest("details").open = true;
    }
  }
  if (focusTarget) {
    const again = Array.from(region.querySelectorAll("button:not([disabled]):not([hidden])")).find((button) => target(button) === focusTarget);
    if (again) {
      again.focus();
    }
  }
}

// The attributes of #phone that follow the page fetched (the others name the workshop).
const FOLLOWED = ["fingerprint", "version", "section", "seq"];

// `seq(page)`: the last number of the workshop's sequence this phone has applied (assets/live.js)
// that the fetched page `page` must include to be up to date.
export function pageKeeper(root, { afterSwap, seq = () => 0 }) {
  let fingerprint = root.dataset.fingerprint;
  let version = root.dataset.version;
  let shownSeq = Number(root.dataset.seq || 0); // the newest page shown: its number in the workshop's sequence
  let waiting = null; // a layout to swap in once the person has finished typing

  // Swap in the new layout: what the section shows. The text being typed is kept as a draft
  // (afterSwap puts it back), but the keyboard would close in the middle of a sentence: wait.
  function swapLayout(fresh) {
    const layout = fresh.querySelector("#phone-layout");
    const here = root.querySelector("#phone-layout");
    if (!layout || !here) {
      window.location.reload(); // not a phone page as this script knows it (a new version of the app)
      return;
    }
    if (typing()) {
      if (waiting === null) {
        document.activeElement.addEventListener("blur", () => {
          const latest = waiting;
          waiting = null;
          swapLayout(latest);
        }, { once: true });
      }
      waiting = fresh;
      return;
    }
    here.replaceWith(document.importNode(layout, true));
    for (const name of FOLLOWED) {
      root.dataset[name] = fresh.dataset[name] || "";
    }
    fingerprint = fresh.dataset.fingerprint;
    version = fresh.dataset.version;
    afterSwap();
    if (window.SamskabLive) {
      window.SamskabLive.updateTimers();
    }
  }

  async function refresh() {
    let html;
    try {
      const response = await fetch(root.dataset.pageUrl, { credentials: "same-origin", headers: { Accept: "text/html", "HX-Request": "true" }, cache: "no-store" });
      if (response.status === 403) {
        window.location.href = root.dataset.joinUrl;
        return;
      }
      if (!response.ok) {
        version = null; // the next poll tries again
        return;
      }
      html = await response.text();
    } catch (error) {
      version = null;
      return;
    }
    const page = new DOMParser().parseFromString(html, "text/html");
    const fresh = page.getElementById("phone");
    if (!fresh) {
      version = null;
      return;
    }
    const freshSeq = Number(fresh.dataset.seq || 0);
    if (freshSeq < shownSeq) {
      return; // two fetches crossed, and this older page came last: the newer one stays
    }
    shownSeq = freshSeq;
    if (freshSeq < seq(fresh)) {
      // Events came while the page was on its way, and were shown on what is swapped out now.
      window.setTimeout(() => refresh(), 0);
    }
    if (fresh.dataset.fingerprint !== fingerprint) {
      swapLayout(fresh);
      return;
    }
    let skipped = false;
    for (const region of root.querySelectorAll("[data-refresh][id]")) {
      const replacement = page.getElementById(region.id);
      if (!replacement) {
        continue;
      }
      if (busy(region)) {
        skipped = true;
        continue;
      }
      swap(region, replacement);
    }
    version = skipped ? null : fresh.dataset.version;
    afterSwap();
  }

  async function checkState() {
    const response = await fetch(root.dataset.stateUrl, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.status === 403) {
      window.location.href = root.dataset.joinUrl;
      return;
    }
    const state = response.ok ? await response.json() : null;
    if (!state) {
      return;
    }
    if (state.fingerprint !== fingerprint || state.version !== version) {
      await refresh();
    }
  }

  // A "changed" event: another layout is news enough to fetch the page; else ask the state.
  function changed(layout) {
    return layout && layout !== fingerprint ? refresh() : checkState();
  }

  function poll() {
    const next = () => window.setTimeout(poll, POLL_MS);
    if (document.hidden) {
      next();
      return;
    }
    checkState().catch(() => { /* no connection: ask again next time */ }).then(next);
  }

  return { refresh, checkState, changed, poll };
}

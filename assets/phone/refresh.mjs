// Keeping the phone's page up to date. The small state endpoint tells whether anything changed:
// if the lists changed, the page is fetched again and its [data-refresh] regions swapped in;
// if the section, phase or lock changed (the fingerprint), the page reloads, but not in the
// middle of a sentence.

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

// Swap in the fresh region, keeping which forms were open and where the focus was.
function swap(region, fresh) {
  const openForms = Array.from(region.querySelectorAll("details[open] form"), (form) => form.action);
  const active = region.contains(document.activeElement) ? document.activeElement : null;
  const focusForm = active && active.form ? active.form.action : null;
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
  if (focusForm) {
    const again = Array.from(region.querySelectorAll("form")).find((form) => form.action === focusForm);
    const target = again && again.querySelector("button:not([disabled])");
    if (target) {
      target.focus();
    }
  }
}

export function pageKeeper(root, { afterSwap }) {
  const fingerprint = root.dataset.fingerprint;
  let version = root.dataset.version;
  let reloading = false;

  function reloadWhenIdle() {
    if (reloading) {
      return;
    }
    reloading = true;
    if (typing()) {
      // The text is kept as a draft, but the keyboard would close in the middle of a sentence.
      document.activeElement.addEventListener("blur", () => window.location.reload(), { once: true });
      return;
    }
    window.location.reload();
  }

  async function refresh() {
    let html;
    try {
      const response = await fetch(root.dataset.pageUrl, { credentials: "same-origin", headers: { Accept: "text/html" }, cache: "no-store" });
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
    if (!fresh || fresh.dataset.fingerprint !== fingerprint) {
      reloadWhenIdle();
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
    if (state.fingerprint !== fingerprint) {
      reloadWhenIdle();
    } else if (state.version !== version) {
      await refresh();
    }
  }

  function poll() {
    const next = () => window.setTimeout(poll, POLL_MS);
    if (document.hidden) {
      next();
      return;
    }
    checkState().catch(() => { /* no connection: ask again next time */ }).then(next);
  }

  return { refresh, checkState, poll };
}

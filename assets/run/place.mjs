// Keeping the facilitator's place when HTMX swaps the run page: the focused control (found again
// by its form's action and its own name and value, or its id), the open card menus, and links
// to other pages, which are followed as ordinary links.

// The parts HTMX swaps: the whole page's part, or (for the board's own forms) just the board.
const SWAPPED = ["run-page", "run-board"];

// What identifies a control across a swap: [form action, name, value] or its id.
export function controlKey(element) {
  if (!element || element === document.body) {
    return null;
  }
  if (element.id) {
    return { id: element.id };
  }
  const form = element.form || (element.closest && element.closest("form"));
  return form ? { action: form.getAttribute("action"), name: element.name || "", value: element.value || "" } : null;
}

function findControl(root, key) {
  if (!key) {
    return null;
  }
  if (key.id) {
    return document.getElementById(key.id);
  }
  for (const form of root.querySelectorAll("form")) {
    if (form.getAttribute("action") === key.action) {
      const controls = Array.from(form.querySelectorAll("button, input:not([type=hidden]), select, textarea"));
      return controls.find((control) => control.name === key.name && control.value === key.value) || form.querySelector("button");
    }
  }
  return null;
}

export function keepPlace(page) {
  let focused = null;
  let openMenus = [];

  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const xhr = event.detail.xhr;
    const target = event.detail.target;
    if (!target || !SWAPPED.includes(target.id)) {
      return;
    }
    // An answer without the part it is for (a link to another page): follow it as a link.
    if (xhr && !(xhr.responseText || "").includes('id="' + target.id + '"')) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL || window.location.href);
      return;
    }
    focused = controlKey(document.activeElement);
    openMenus = Array.from(target.querySelectorAll("details[open][id], details[open] > summary + form[action]"), (element) =>
      element.id ? "#" + element.id : element.getAttribute("action"),
    );
  });

  document.body.addEventListener("htmx:afterSettle", (event) => {
    // With an outerHTML swap the event's target is the old element, no longer in the document.
    const swapped = event.detail.target && SWAPPED.includes(event.detail.target.id) ? event.detail.target.id : null;
    const root = swapped && document.getElementById(swapped);
    if (!root) {
      return;
    }
    for (const key of openMenus) {
      const details = key.startsWith("#") ? document.querySelector(key) : root.querySelector('form[action="' + key + '"]');
      const menu = details && details.closest("details");
      if (menu) {
        menu.open = true;
      }
    }
    const control = findControl(root, focused);
    if (control) {
      const menu = control.closest("details");
      if (menu) {
        menu.open = true;
      }
      control.focus({ preventScroll: true });
    }
    focused = null;
    openMenus = [];
  });

  // Links to other pages are ordinary links: HTMX does not fetch them into the run page.
  document.body.addEventListener("htmx:beforeProcessNode", (event) => {
    const node = event.detail && event.detail.elt;
    if (node && node.querySelectorAll) {
      for (const link of node.querySelectorAll("a[href]:not([hx-boost])")) {
        link.setAttribute("hx-boost", "false");
      }
    }
  });
  for (const link of page().querySelectorAll("a[href]:not([hx-boost])")) {
    link.setAttribute("hx-boost", "false");
  }
}

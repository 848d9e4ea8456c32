// Merging a card into another by choosing the other card on the board. "Merge with another card"
// (a link to the merge page, which works without JavaScript) starts the choosing: every other
// card shows "Merge into this card", which sends the merge of the first card into that one.
// Escape or "Cancel" stops it.

export function mergeMode(page, words) {
  let source = null;
  let bar = null;

  const board = () => document.getElementById("run-board");

  function stop() {
    const current = board();
    if (current) {
      current.classList.remove("samskab-merging");
      current.querySelectorAll(".samskab-merge-source").forEach((card) => card.classList.remove("samskab-merge-source"));
    }
    if (bar) {
      bar.remove();
      bar = null;
    }
    const back = source && document.querySelector('[data-merge-start="' + source.id + '"]');
    source = null;
    if (back) {
      back.focus();
    }
  }

  function begin(link) {
    const card = link.closest("[data-card]");
    source = { id: link.dataset.mergeStart, url: link.getAttribute("href") };
    const current = board();
    current.classList.add("samskab-merging");
    card.classList.add("samskab-merge-source");
    card.querySelector("details").open = false;
    for (const form of current.querySelectorAll("form[data-merge-into]")) {
      form.setAttribute("action", source.url);
      form.setAttribute("hx-post", source.url); // HTMX read the form's address when it set it up
      form.hidden = form.dataset.mergeInto === source.id; // not into itself
      if (window.htmx) {
        window.htmx.process(form);
      }
    }
    bar = document.createElement("div");
    bar.className = "samskab-merge-bar";
    bar.setAttribute("role", "status");
    const text = document.createElement("p");
    const shown = card.querySelector(".samskab-pre").textContent;
    text.textContent = words.merge_choose.replace("%(text)s", shown.length > 60 ? shown.slice(0, 59) + "\u2026" : shown);
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button button-tertiary";
    cancel.textContent = words.merge_cancel;
    cancel.addEventListener("click", stop);
    bar.append(text, cancel);
    current.prepend(bar);
    const first = current.querySelector("form[data-merge-into]:not([hidden]) button");
    if (first) {
      first.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("[data-merge-start]") : null;
    if (!link || !page().contains(link)) {
      return;
    }
    event.preventDefault();
    begin(link);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && source) {
      stop();
    }
  });

  // A new board (a swap, a live update) ends the choosing.
  document.body.addEventListener("htmx:afterSettle", () => {
    if (source) {
      source = null;
      bar = null;
    }
  });
}

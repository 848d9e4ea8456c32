// The facilitator's run page without reloads. HTMX sends the page's forms (hx-boost on #run-page)
// and swaps #run-page in place; this module keeps the place: the scroll position, the focus on
// the control that was used, and which card menus were open. Also: merging a card by choosing
// the other card on the board.

import { mergeMode } from "./merge.mjs";
import { keepPlace } from "./place.mjs";

const page = () => document.getElementById("run-page");

function start() {
  const words = JSON.parse(document.getElementById("run-messages").textContent);
  if (window.htmx) {
    window.htmx.config.scrollIntoViewOnBoost = false; // the facilitator stays where they were
    window.htmx.config.historyEnabled = false; // one page, no history of its states (nor a copy in localStorage)
  }
  keepPlace(page);
  // How many answers have been swapped in: tests (and anyone curious) can wait for the next one.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && ["run-page", "run-board"].includes(event.detail.target.id)) {
      document.documentElement.dataset.runSwaps = String(Number(document.documentElement.dataset.runSwaps || 0) + 1);
    }
  });
  mergeMode(page, words);
}

if (page()) {
  start();
}

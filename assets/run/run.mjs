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
  }
  keepPlace(page);
  mergeMode(page, words);
}

if (page()) {
  start();
}

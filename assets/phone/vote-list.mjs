// The cards to vote on (#phone-vote), kept up to date from live card events without asking the
// server: a card taken away (hidden, deleted) leaves the list, a card whose text changed shows the
// new text. A card the list does not have yet, or one moved to another group or column (the list
// names them), needs the list fetched again (returns false).

import { shortened } from "./words.mjs";

// Whether the list item `shown` (its data attributes) still says what the card `event` says, but for the text.
export function samePlace(shown, event) {
  return shown.group === String(event.group || "") && shown.column === String(event.column || "");
}

// The take-back button of a card in the vote list (`item`). The page has one only where this
// phone has voted; after a first vote it is added here as the server writes it, from the address
// and words the list's form names. Null when the item is not in such a list.
export function takeBack(item) {
  const shown = item.querySelector('button[data-outbox="unvote"]');
  const form = item.closest("form[data-take-back-url]");
  if (shown || !form) {
    return shown;
  }
  const button = document.createElement("button");
  button.type = "submit";
  button.setAttribute("formaction", form.dataset.takeBackUrl.replace(form.dataset.takeBackMark, item.dataset.cardId));
  button.dataset.outbox = "unvote";
  button.className = "button button-tertiary";
  button.textContent = form.dataset.takeBack;
  const label = item.querySelector('button[data-outbox="vote"] .sr-only');
  if (label) {
    button.appendChild(label.cloneNode(true));
  }
  item.querySelector(".samskab-actions").appendChild(button);
  return button;
}

export function voteList() {
  const list = () => document.getElementById("phone-vote");
  const item = (id) => list() && list().querySelector('[data-card-id="' + id + '"]');

  // A card event (type "card"): true when the list shows it as it is now, or there is no list.
  function card(event) {
    if (!list()) {
      return true;
    }
    const shown = item(event.id);
    if (!shown || event.text === null || !samePlace(shown.dataset, event)) {
      return false;
    }
    shown.querySelector(".samskab-pre").textContent = event.text;
    for (const label of shown.querySelectorAll(".sr-only")) {
      label.textContent = ": " + shortened(event.text, 60);
    }
    return true;
  }

  // A card taken away: true when the list is still right without it.
  function removed(id) {
    const shown = item(id);
    if (!shown) {
      return true;
    }
    const rest = shown.parentElement;
    shown.remove();
    return rest.querySelector("[data-card-id]") !== null; // the last one gone: the page says "none"
  }

  return { card, removed };
}

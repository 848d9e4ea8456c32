// What the phone has not got through yet: the texts waiting in the outbox ("Waiting to be sent")
// and the texts the server refused or a reload left behind ("Not sent"), kept until removed.

import { listItem } from "./forms.mjs";
import { UNSENT, load, newId, store } from "./storage.mjs";

export function waitingLists(code, words, outbox) {
  function showOutbox() {
    const list = document.getElementById("phone-outbox-list");
    const items = outbox().mine();
    list.replaceChildren(...items.map((item) => listItem(item.text, words.pending)));
    document.getElementById("phone-outbox").hidden = items.length === 0;
  }

  function showUnsent() {
    const entries = load(UNSENT).filter((entry) => entry.code === code);
    const list = document.getElementById("phone-unsent-list");
    list.replaceChildren(...entries.map((entry) => {
      const li = listItem(entry.text, entry.message);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button-tertiary";
      button.textContent = words.remove;
      button.addEventListener("click", () => {
        store(UNSENT, load(UNSENT).filter((other) => other.id !== entry.id));
        showUnsent();
      });
      li.appendChild(button);
      return li;
    }));
    document.getElementById("phone-unsent").hidden = entries.length === 0;
  }

  function keepUnsent(text, message) {
    const unsent = load(UNSENT);
    unsent.push({ id: newId(), code, text, message });
    store(UNSENT, unsent);
    showUnsent();
  }

  return { showOutbox, showUnsent, keepUnsent };
}

// The participant's own cards and votes, updated from the server's answer to a send (the card,
// the votes left) without fetching the page. Each function returns false where that cannot be
// done on this page: then the page is fetched instead.

import { takeBack } from "./vote-list.mjs";
import { counted, shortened } from "./words.mjs";

function optionText(item, name, value) {
  const option = item.querySelector("select[name=" + name + '] option[value="' + value + '"]');
  return value && option ? option.textContent : "";
}

function fill(item, card, words) {
  item.querySelector(".samskab-pre").textContent = card.text;
  item.classList.toggle("is-hidden", card.hidden);
  const meta = [optionText(item, "column", card.column), optionText(item, "theme", card.theme)].filter(Boolean);
  if (card.hidden) {
    meta.push(words.hidden);
  }
  item.querySelector(".samskab-meta").textContent = meta.join(" \u00b7 ");
  for (const label of item.querySelectorAll(".sr-only")) {
    label.textContent = ": " + shortened(card.text);
  }
  for (const select of item.querySelectorAll("select")) {
    const chosen = String(card[select.name] || "");
    for (const option of select.options) {
      option.defaultSelected = option.value === chosen;
    }
    select.value = chosen;
  }
  const field = item.querySelector("textarea[name=text]");
  if (field) {
    field.defaultValue = card.text;
    field.value = card.text;
  }
}

function count(region, words) {
  const shown = region.querySelectorAll("[data-mine]").length;
  region.querySelector("h3").textContent = counted(words.my_cards_one, words.my_cards_many, shown);
  return shown;
}

export function myCards(words) {
  const region = () => document.getElementById("phone-my-cards");

  function show(card) {
    const mine = region();
    const template = document.getElementById("phone-my-card-template");
    if (!mine || !template) {
      return false;
    }
    let item = mine.querySelector('[data-mine][data-card-id="' + card.id + '"]');
    if (!item) {
      const box = document.createElement("ul");
      box.innerHTML = template.innerHTML.split(template.dataset.placeholder).join(card.id);
      item = box.firstElementChild;
      mine.querySelector("ul").appendChild(item);
      mine.querySelectorAll("[data-no-cards]").forEach((none) => none.remove());
      count(mine, words);
    }
    fill(item, card, words);
    return true;
  }

  // What a delete needs to be undone: the card as it is shown now.
  function snapshot(id) {
    const item = region() && region().querySelector('[data-mine][data-card-id="' + id + '"]');
    if (!item) {
      return null;
    }
    const value = (name) => {
      const select = item.querySelector("select[name=" + name + "]");
      return select ? select.value : "";
    };
    return { text: item.querySelector(".samskab-pre").textContent, column: value("column"), theme: value("theme") };
  }

  function remove(id) {
    const mine = region();
    const item = mine && mine.querySelector('[data-mine][data-card-id="' + id + '"]');
    if (item) {
      item.remove();
    }
    return mine !== null && count(mine, words) > 0; // the last one gone: the page says "none yet"
  }

  // My votes on a card and the votes I have left, as the server counted them.
  function votes(cardId, left, mine) {
    const line = document.getElementById("phone-votes-left");
    const item = document.querySelector('#phone-vote [data-card-id="' + cardId + '"]');
    if (!line || !item || typeof left !== "number" || typeof mine !== "number") {
      return false;
    }
    line.textContent = counted(words.votes_left_one, words.votes_left_many, left);
    for (const button of document.querySelectorAll('#phone-vote button[data-outbox="vote"]')) {
      button.disabled = left === 0;
    }
    item.dataset.myVotes = mine;
    item.querySelector("[data-my-votes]").textContent = mine ? " \u00b7 " + counted(words.my_votes_one, words.my_votes_many, mine) : "";
    const unvote = mine > 0 ? takeBack(item) : item.querySelector('button[data-outbox="unvote"]');
    if (unvote) {
      unvote.hidden = mine === 0;
    }
    return true;
  }

  return { show, snapshot, remove, votes };
}

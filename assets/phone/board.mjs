// The board on the phone, as the room sees it: the cards by group and column (the groups first,
// as on the projector), in vote order while discussing. Live card and vote events are placed here
// without asking the server; a card whose group or column is not on the phone yet (a new group)
// makes the page fetch the board again (returns false).

// Which list a card belongs in: its group's if shown, else its column's, else the cards without
// a column. `lists`: the keys on the page, like "group:4", "column:7", "column:".
export function listKey(card, lists) {
  if (card.group && lists.includes("group:" + card.group)) {
    return "group:" + card.group;
  }
  if (card.group) {
    return null; // a group the phone does not show yet
  }
  const column = "column:" + (card.column || "");
  return lists.includes(column) ? column : null;
}

// Most votes first; equal votes keep the order they had.
export function byVotes(cards) {
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => (b.card.votes - a.card.votes) || (a.index - b.index))
    .map((entry) => entry.card);
}

export function phoneBoard(root, words) {
  const board = () => root.querySelector("#phone-board");

  function lists() {
    const found = {};
    for (const list of board().querySelectorAll("[data-board-list]")) {
      found[list.dataset.boardList] = list;
    }
    return found;
  }

  function votesText(votes) {
    if (!votes) {
      return "";
    }
    return votes === 1 ? words.votes_one : words.votes_many.replace("%(count)s", votes);
  }

  function newItem(id) {
    const li = document.createElement("li");
    li.className = "samskab-postit";
    li.dataset.cardId = id;
    const text = document.createElement("p");
    text.className = "samskab-pre";
    const meta = document.createElement("p");
    meta.className = "samskab-meta";
    meta.setAttribute("data-card-votes", "");
    li.append(text, meta);
    return li;
  }

  function sortList(list) {
    if (board().dataset.byVotes !== "1") {
      return;
    }
    const items = Array.from(list.querySelectorAll(":scope > [data-card-id]"));
    const sorted = byVotes(items.map((item) => ({ item, votes: Number(item.dataset.votes || 0) })));
    sorted.forEach((entry) => list.appendChild(entry.item));
  }

  function emptied(list) {
    if (list && !list.querySelector("[data-card-id]") && !list.querySelector("[data-board-empty]")) {
      const none = document.createElement("li");
      none.className = "samskab-meta";
      none.setAttribute("data-board-empty", "");
      none.textContent = words.no_cards;
      list.appendChild(none);
    }
  }

  // A card event (type "card"): true when shown, false when the board must be fetched again.
  function card(event) {
    if (!board() || event.text === null) {
      return true;
    }
    const found = lists();
    const key = listKey(event, Object.keys(found));
    if (key === null) {
      return false;
    }
    let item = board().querySelector('[data-card-id="' + event.id + '"]');
    const before = item ? item.parentElement : null;
    if (!item) {
      item = newItem(event.id);
    }
    item.querySelector(".samskab-pre").textContent = event.text;
    item.dataset.votes = event.votes || 0;
    item.querySelector("[data-card-votes]").textContent = votesText(event.votes);
    const list = found[key];
    if (item.parentElement !== list) {
      list.appendChild(item);
      list.querySelectorAll("[data-board-empty]").forEach((none) => none.remove());
      emptied(before);
    }
    sortList(list);
    return true;
  }

  function removed(id) {
    const item = board() && board().querySelector('[data-card-id="' + id + '"]');
    if (item) {
      const list = item.parentElement;
      item.remove();
      emptied(list);
    }
  }

  function votes(id, count) {
    const item = board() && board().querySelector('[data-card-id="' + id + '"]');
    if (item) {
      item.dataset.votes = count;
      item.querySelector("[data-card-votes]").textContent = votesText(count);
      sortList(item.parentElement);
    }
  }

  return { card, removed, votes, shown: () => board() !== null };
}

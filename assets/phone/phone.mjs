// Samskab, the participant's phone in a workshop: nothing written is lost.
//
// Every form marked data-outbox works without JavaScript (a plain POST and a redirect). With
// JavaScript, a submit puts the item, with a fresh client_id, into the outbox (outbox.mjs) and
// sends it from there. Texts being written are kept as drafts, so that a reload does not lose
// them either. A stored send is shown from the server's answer (my-cards.mjs) without fetching
// the page. Changes by others arrive over a WebSocket (assets/live.js): cards and votes are
// placed on the board (board.mjs); a new phase or section swaps in the page's new layout, and
// anything else makes the page ask the small state endpoint, as it does every few seconds where
// WebSockets are blocked (refresh.mjs). Neither loads the page again nor opens a new socket.

import { phoneBoard } from "./board.mjs";
import { formMessage, hideWarning, showWarning } from "./forms.mjs";
import { myCards } from "./my-cards.mjs";
import { createOutbox } from "./outbox.mjs";
import { privacyCheck } from "./privacy.mjs";
import { pageKeeper, POLL_MS } from "./refresh.mjs";
import { statusLine } from "./status.mjs";
import { OUTBOX, UNSENT, drafts, newId } from "./storage.mjs";
import { voteList } from "./vote-list.mjs";
import { waitingLists } from "./waiting.mjs";

const root = document.getElementById("phone");

function json(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

function csrfToken() {
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (field) {
    return field.value;
  }
  try {
    return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
  } catch (error) {
    return "";
  }
}

function start() {
  const words = json("phone-messages");
  const sensitive = privacyCheck(json("privacy-patterns"));
  const code = root.dataset.code;
  const draft = drafts(code);
  const status = statusLine(document.getElementById("phone-outbox-status"));
  const mine = myCards(words);
  const board = phoneBoard(root, words);
  const voting = voteList();
  const sentHere = new Set(); // ids of cards sent from this phone: not news to its owner
  const seen = new Set(Array.from(root.querySelectorAll("[data-card-id]"), (item) => item.dataset.cardId));
  const deleted = {}; // a card deleted from this phone, until its delete is stored: for "Undo"

  // --- Waiting and not-sent texts (waiting.mjs); `outbox` is made below.

  const { showOutbox, showUnsent, keepUnsent } = waitingLists(code, words, () => outbox);

  function formOf(item) {
    return item.code === code && item.draft ? document.querySelector('form[data-draft="' + item.draft + '"]') : null;
  }

  // Give a refused text back: into its field if the field is still here, else into "Not sent".
  function giveBack(item, message, confirm) {
    const form = formOf(item);
    const field = form && form.querySelector("textarea[name=text]");
    if (field && (!field.value.trim() || field.value === item.text)) {
      field.value = item.text;
      draft.save(item.draft, item.text);
      const details = form.closest("details");
      if (details) {
        details.open = true;
      }
      if (confirm) {
        status.say(words.held_back, "held");
        showWarning(form, message);
      } else {
        status.say(message, "error");
        formMessage(form, message);
        field.focus();
      }
    } else {
      status.say(message, "error");
      if (item.text || form || item.code === code) {
        keepUnsent(item.text || "", message);
      }
    }
  }

  // --- Undoing a delete: the card is sent again as it was.

  const undo = document.getElementById("phone-undo");

  function offerUndo(card) {
    if (!undo || !card || !root.dataset.cardAddUrl) {
      return;
    }
    undo.hidden = false;
    undo.querySelector("button").onclick = () => {
      undo.hidden = true;
      const fields = { section: root.dataset.section, text: card.text, column: card.column, theme: card.theme, confirmed: "1" };
      enqueueFields(root.dataset.cardAddUrl, "card", fields, card.text, "");
    };
  }

  // --- What a stored send changes here.

  function showAnswer(item, body) {
    if ((item.kind === "card" || item.kind === "edit") && body.card) {
      seen.add(body.card.id);
      return mine.show(body.card);
    }
    if (item.kind === "delete" && body.card) {
      offerUndo(deleted[body.card.id]);
      delete deleted[body.card.id];
      return mine.remove(body.card.id);
    }
    if ((item.kind === "vote" || item.kind === "unvote") && body.card) {
      return mine.votes(body.card.id, body.votes_left, body.my_votes);
    }
    if (item.kind === "rating") {
      // The chosen value is on the screen already: say it is saved, beside it and beside the button.
      for (const name of Object.keys(item.fields)) {
        const line = document.querySelector('[data-rating-saved="' + name + '"]');
        if (line) {
          line.textContent = words.rating_saved;
        }
      }
      const beside = document.querySelector("[data-rating-status]");
      if (beside) {
        beside.textContent = words.rating_saved;
      }
      return true;
    }
    return false;
  }

  const outbox = createOutbox({
    code,
    failed: words.failed,
    csrf: csrfToken,
    storage: globalThis.localStorage,
    events: {
      stored(item, body) {
        if (outbox.empty()) {
          status.say(item.kind === "delete" ? words.deleted : item.kind === "rating" ? words.rating_saved : words.sent, "ok");
        }
        if (!showAnswer(item, body)) {
          keeper.refresh();
        }
      },
      refused(item, body) {
        giveBack(item, body.message || words.failed, body.confirm);
      },
      waiting() {
        status.say(words.waiting, "waiting");
      },
      changed: showOutbox,
    },
  });

  // --- Sending a form.

  function enqueueFields(url, kind, fields, text, draftName) {
    fields.client_id = newId();
    if (undo) {
      undo.hidden = true; // something new is sent: the last delete is no longer the thing to undo
    }
    if (kind === "card") {
      sentHere.add(fields.client_id);
    }
    status.say(words.sending, "waiting");
    return outbox.add({ id: fields.client_id, url, kind, fields, text, draft: draftName });
  }

  // `button`: the submit button, which names its own address and kind in the vote list
  // (one form, a vote and a take-back button per card).
  function enqueue(form, data, button) {
    const fields = {};
    data.forEach((value, name) => {
      if (name !== "csrfmiddlewaretoken") {
        fields[name] = value;
      }
    });
    const field = form.querySelector("textarea[name=text]");
    const kind = (button && button.dataset.outbox) || form.dataset.outbox;
    const url = button && button.hasAttribute("formaction") ? button.formAction : form.action;
    formMessage(form, "");
    hideWarning(form);
    if (form.dataset.draft) {
      draft.save(form.dataset.draft, "");
    }
    if (kind === "delete") {
      const id = form.closest("[data-card-id]").dataset.cardId;
      deleted[id] = mine.snapshot(id);
    }
    const text = field ? field.value : "";
    if (kind === "card" && field) {
      field.value = ""; // the text waits in the outbox, shown under "Waiting to be sent"
    }
    if (kind === "edit") {
      field.defaultValue = field.value; // not "being edited" any more: the list may refresh
      const details = form.closest("details");
      if (details) {
        details.open = false;
      }
    }
    enqueueFields(url, kind, fields, text, form.dataset.draft || "");
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("form[data-outbox]") || !root.contains(form)) {
      return;
    }
    event.preventDefault();
    const confirmed = event.submitter && event.submitter.name === "confirmed";
    const field = form.querySelector("textarea[name=text]");
    if (field) {
      const text = field.value.trim();
      const limit = Number(field.dataset.maxLength || 0);
      if (limit && text.length > limit) {
        formMessage(form, words.too_long.replace("%(limit)d", limit).replace("%(count)d", text.length));
        field.focus();
        return;
      }
      const reason = text && !confirmed ? sensitive(text) : null;
      if (reason) {
        status.say(words.held_back, "held"); // not sent, and nothing before it says otherwise
        showWarning(form, words["privacy_" + reason]);
        return;
      }
    }
    const data = new FormData(form);
    if (confirmed) {
      data.set("confirmed", "1");
    }
    enqueue(form, data, event.submitter);
  });

  // A rating is sent as soon as it is chosen.
  document.addEventListener("change", (event) => {
    const input = event.target;
    const form = input.closest && input.closest("form[data-outbox=rating]");
    if (!form || input.type !== "radio") {
      return;
    }
    const data = new FormData();
    data.set(input.name, input.value);
    enqueue(form, data, event.submitter);
  });

  document.addEventListener("input", (event) => {
    const form = event.target.form;
    if (form && form.dataset.draft && event.target.name === "text") {
      draft.save(form.dataset.draft, event.target.value);
      hideWarning(form);
    }
  });

  // Drafts whose form is still on the page go back into it; the others are shown as not sent.
  function restoreDrafts() {
    for (const name of draft.names()) {
      const text = draft.get(name);
      const form = document.querySelector('form[data-draft="' + name + '"]');
      const field = form && form.querySelector("textarea[name=text]");
      if (field) {
        field.value = text;
        const details = form.closest("details");
        if (details && text !== field.defaultValue) {
          details.open = true;
        }
      } else {
        draft.save(name, "");
        keepUnsent(text, words.not_sent);
      }
    }
  }

  let live = null; // the socket's follower (assets/live.js), once started
  let lastNotVote = 0; // the number of the last event applied that was not a vote
  const keeper = pageKeeper(root, {
    afterSwap() {
      for (const item of root.querySelectorAll("[data-card-id]")) {
        seen.add(item.dataset.cardId); // on the page fetched: not news when its event comes
      }
      restoreDrafts();
    },
    // A page without the board may be older than the last votes: a vote changes only the board's counts.
    seq: (page) => (!live ? 0 : page.querySelector("#phone-board") ? live.seq() : lastNotVote),
  });

  // --- Live events (assets/live.js): others' cards and votes, as they happen.

  function applyEvents(events) {
    if (live && events.some((event) => event.type !== "vote")) {
      lastNotVote = live.seq(); // live.js numbers the events before it hands them over
    }
    const section = Number(root.dataset.section || 0);
    let lists = false;
    let changed = null; // the layout the last "changed" event names
    let fresh = 0;
    for (const event of events) {
      if (event.type === "changed") {
        changed = event.layout || "";
        continue;
      }
      if (event.section !== section) {
        continue;
      }
      const id = event.type === "vote" ? event.card : event.id;
      // My own cards (the board and the vote list take care of theirs).
      const shown = Array.from(root.querySelectorAll('#phone-my-cards [data-card-id="' + id + '"]'));
      if (event.type === "card") {
        if (!seen.has(id) && !sentHere.has(id)) {
          fresh += 1;
        }
        seen.add(id);
        // A card of mine whose text the facilitator changed.
        const changedHere = shown.some((item) => {
          const text = item.querySelector(".samskab-pre");
          return event.text !== null && (!text || text.textContent !== event.text);
        });
        lists = lists || !board.card(event) || !voting.card(event) || changedHere;
      } else if (event.type === "card_removed") {
        board.removed(id);
        lists = lists || !voting.removed(id) || shown.length > 0;
      } else if (event.type === "vote") {
        board.votes(id, event.votes);
      }
    }
    if (fresh && window.SamskabLive) {
      window.SamskabLive.newCards(fresh);
    }
    if (changed !== null) {
      keeper.changed(changed).catch(() => { /* the next event or poll asks again */ });
    } else if (lists) {
      keeper.refresh();
    }
  }

  window.addEventListener("online", () => outbox.now());
  // Another tab of the same workshop changed the outbox.
  window.addEventListener("storage", (event) => {
    if (event.key === OUTBOX) {
      showOutbox();
    } else if (event.key === UNSENT) {
      showUnsent();
    }
  });

  for (const item of outbox.mine()) {
    sentHere.add(item.id);
  }
  restoreDrafts();
  showOutbox();
  showUnsent();
  if (outbox.retrying()) {
    status.say(words.waiting, "waiting");
  }
  outbox.drain();
  if (window.SamskabLive && root.dataset.liveSocket) {
    live = window.SamskabLive.start({ socket: root.dataset.liveSocket, seq: root.dataset.seq, onEvents: applyEvents, refetch: keeper.checkState });
  } else {
    window.setTimeout(keeper.poll, POLL_MS);
  }
}

if (root) {
  start();
}

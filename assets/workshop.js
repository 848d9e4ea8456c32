// Samskab, the participant's phone in a workshop: nothing written is lost.
//
// Every form marked data-outbox works without JavaScript (a plain POST and a redirect). With
// JavaScript, a submit puts the item, with a fresh client_id, into an outbox in localStorage
// and sends it with fetch, one item at a time, oldest first:
// - a JSON answer with a 2xx status: stored (a repeat with the same client_id stores nothing new);
// - a definitive 4xx: the server's message is shown and the text goes back into its field;
// - no connection, a 5xx, or an answer that is not ours (a Wi-Fi login page): the item stays,
//   and is sent again later, with a growing pause, also after the page is reloaded.
// Texts being written are kept as drafts, so that a reload does not lose them either.
// A stored send is shown from the server's answer (the card, the votes left), without fetching
// the page. Changes by others arrive over a WebSocket (assets/live.js): cards and votes are applied
// to the lists shown; anything else makes the page ask the small state endpoint, as it does every
// few seconds where WebSockets are blocked: if the lists changed it fetches the page again and
// swaps them in; if the section, phase or lock changed it reloads.
(function () {
  "use strict";

  var root = document.getElementById("phone");
  if (!root) {
    return;
  }
  var words = JSON.parse(document.getElementById("phone-messages").textContent);
  var code = root.dataset.code;
  var OUTBOX = "samskab-outbox";
  var UNSENT = "samskab-unsent";
  var DRAFT = "samskab-draft:" + code + ":";
  var POLL_MS = 4000;
  var FIRST_RETRY_MS = 1000;
  var LAST_RETRY_MS = 30000;

  // --- Storage. localStorage may be full or switched off; the forms still work then.

  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key)) || [];
    } catch (error) {
      return [];
    }
  }

  function store(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // Nothing to do: the item is still sent from memory this time.
    }
  }

  function saveDraft(name, text) {
    try {
      if (text) {
        localStorage.setItem(DRAFT + name, text);
      } else {
        localStorage.removeItem(DRAFT + name);
      }
    } catch (error) {
      // As above.
    }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // crypto.randomUUID needs HTTPS; getRandomValues does not.
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) {
      return field.value;
    }
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
    } catch (error) {
      return "";
    }
  }

  // --- The privacy check, the same patterns as samskab/workshops/privacy.py.

  var NAME = "[A-ZÆØÅ][a-zæøåäöüé]+";
  var BEFORE = "(?:^|[^\\wæøåÆØÅ])";
  var CPR = /(^|\D)(\d{2})(\d{2})(\d{2})[ -]?\d{4}(?!\d)/g;
  var CITIZEN = new RegExp(
    BEFORE + "(?:[Bb]orger(?:en|e|ne)?|[Bb]eboer(?:en|e|ne)?|[Pp]atient(?:en|er|erne)?|[Kk]lient(?:en|er|erne)?)" +
    "\\s*:?\\s+" + NAME
  );
  var TITLE = new RegExp(BEFORE + "(?:[Ff]ru|[Hh]r\\.?|[Hh]err)\\s+" + NAME);

  function isDate(day, month, year) {
    var date = new Date(2000 + year, month - 1, day);
    return date.getMonth() === month - 1 && date.getDate() === day;
  }

  function sensitive(text) {
    var match;
    CPR.lastIndex = 0;
    while ((match = CPR.exec(text)) !== null) {
      if (isDate(Number(match[2]), Number(match[3]), Number(match[4]))) {
        return "cpr";
      }
    }
    return CITIZEN.test(text) || TITLE.test(text) ? "citizen" : null;
  }

  // --- What the participant sees: status, pending and unsent texts, messages in forms.

  var statusLine = document.getElementById("phone-outbox-status");

  function say(text) {
    if (statusLine.textContent === text) {
      statusLine.textContent = "";  // so that the same words are announced again
    }
    window.setTimeout(function () { statusLine.textContent = text; }, 50);
  }

  function listItem(text, note) {
    var li = document.createElement("li");
    li.className = "samskab-postit";
    if (text) {
      var p = document.createElement("p");
      p.className = "samskab-pre";
      p.textContent = text;
      li.appendChild(p);
    }
    var meta = document.createElement("p");
    meta.className = "samskab-meta";
    meta.textContent = note;
    li.appendChild(meta);
    return li;
  }

  function showOutbox() {
    var mine = load(OUTBOX).filter(function (item) { return item.code === code; });
    var list = document.getElementById("phone-outbox-list");
    list.replaceChildren();
    mine.forEach(function (item) {
      list.appendChild(listItem(item.text, words.pending));
    });
    document.getElementById("phone-outbox").hidden = mine.length === 0;
  }

  function showUnsent() {
    var mine = load(UNSENT).filter(function (entry) { return entry.code === code; });
    var list = document.getElementById("phone-unsent-list");
    list.replaceChildren();
    mine.forEach(function (entry) {
      var li = listItem(entry.text, entry.message);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-tertiary";
      button.textContent = words.remove;
      button.addEventListener("click", function () {
        store(UNSENT, load(UNSENT).filter(function (other) { return other.id !== entry.id; }));
        showUnsent();
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    document.getElementById("phone-unsent").hidden = mine.length === 0;
  }

  function keepUnsent(text, message) {
    var unsent = load(UNSENT);
    unsent.push({ id: newId(), code: code, text: text, message: message });
    store(UNSENT, unsent);
    showUnsent();
  }

  function formMessage(form, text) {
    var box = form.querySelector("[data-form-message]");
    if (!box) {
      box = document.createElement("div");
      box.className = "alert alert-error";
      box.setAttribute("role", "alert");
      box.setAttribute("data-form-message", "");
      box.innerHTML = '<div class="alert-body"><p class="alert-text"></p></div>';
      form.insertBefore(box, form.firstChild);
    }
    box.querySelector("p").textContent = text || "";
    box.hidden = !text;
  }

  function showWarning(form, message) {
    var box = form.querySelector("[data-privacy-warning]");
    if (!box) {
      formMessage(form, message);
      return;
    }
    box.querySelector("[data-privacy-message]").textContent = message;
    box.hidden = false;
    box.focus();
  }

  function hideWarning(form) {
    var box = form.querySelector("[data-privacy-warning]");
    if (box) {
      box.hidden = true;
    }
  }

  function formOf(item) {
    return item.code === code && item.draft ? document.querySelector('form[data-draft="' + item.draft + '"]') : null;
  }

  // Give a refused text back: into its field if the field is still here, else into "Not sent".
  function giveBack(item, message, confirm) {
    var form = formOf(item);
    var field = form && form.querySelector("textarea[name=text]");
    if (field && (!field.value.trim() || field.value === item.text)) {
      field.value = item.text;
      saveDraft(item.draft, item.text);
      var details = form.closest("details");
      if (details) {
        details.open = true;
      }
      if (confirm) {
        showWarning(form, message);
      } else {
        formMessage(form, message);
        field.focus();
      }
    } else if (item.text) {
      keepUnsent(item.text, message);
    } else if (form || item.code === code) {
      keepUnsent("", message);
    }
  }

  // --- The outbox.

  var sending = false;
  var timer = null;

  function later(ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(drain, ms);
  }

  function remove(item) {
    store(OUTBOX, load(OUTBOX).filter(function (other) { return other.id !== item.id; }));
    showOutbox();
  }

  function retryLater(item) {
    var box = load(OUTBOX);
    box.forEach(function (other) {
      if (other.id === item.id) {
        other.attempts = (other.attempts || 0) + 1;
        var pause = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, other.attempts - 1));
        other.due = Date.now() + pause * (0.75 + Math.random() * 0.5);
      }
    });
    store(OUTBOX, box);
    say(words.waiting);
  }

  function send(item) {
    return fetch(item.url, {
      method: "POST",
      body: new URLSearchParams(item.fields),
      credentials: "same-origin",
      redirect: "manual",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      if (response.type === "opaqueredirect") {
        return { definitive: true, body: { ok: false, message: words.failed } };
      }
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        return { definitive: false };
      }
      return response.json().then(function (body) {
        // A 2xx that is not our JSON is someone else's page (a Wi-Fi login, a proxy): try again.
        var ours = body && typeof body.ok === "boolean";
        return ours ? { definitive: true, body: body, status: response.status } : { definitive: false };
      }, function () {
        return response.ok ? { definitive: false } : { definitive: true, body: { ok: false, message: words.failed } };
      });
    }, function () {
      return { definitive: false };
    });
  }

  function drain() {
    if (sending) {
      return;
    }
    var box = load(OUTBOX);
    if (!box.length) {
      return;
    }
    var item = box[0];
    var wait = (item.due || 0) - Date.now();
    if (wait > 0) {
      later(wait);
      return;
    }
    sending = true;
    send(item).then(function (outcome) {
      sending = false;
      if (!outcome.definitive) {
        retryLater(item);
      } else {
        remove(item);
        if (outcome.body.ok) {
          if (!load(OUTBOX).length) {
            say(words.sent);
          }
          if (!showAnswer(item, outcome.body)) {
            refresh(true);
          }
        } else {
          giveBack(item, outcome.body.message || words.failed, outcome.body.confirm);
        }
      }
      drain();
    });
  }

  function enqueue(form, data) {
    var fields = {};
    data.forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") {
        fields[name] = value;
      }
    });
    fields.client_id = newId();
    var field = form.querySelector("textarea[name=text]");
    if (form.dataset.outbox === "card") {
      sentHere[fields.client_id] = true;
    }
    var item = {
      id: fields.client_id,
      code: code,
      url: form.action,
      kind: form.dataset.outbox,
      fields: fields,
      text: field ? field.value : "",
      draft: form.dataset.draft || "",
      attempts: 0,
      due: 0,
    };
    var box = load(OUTBOX);
    box.push(item);
    store(OUTBOX, box);
    formMessage(form, "");
    hideWarning(form);
    if (item.draft) {
      saveDraft(item.draft, "");
    }
    if (item.kind === "card" && field) {
      field.value = "";  // the text waits in the outbox, shown under "Waiting to be sent"
    }
    if (item.kind === "edit") {
      field.defaultValue = field.value;  // not "being edited" any more: the list may refresh
      var details = form.closest("details");
      if (details) {
        details.open = false;
      }
    }
    showOutbox();
    drain();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-outbox]") || !root.contains(form)) {
      return;
    }
    event.preventDefault();
    var confirmed = event.submitter && event.submitter.name === "confirmed";
    var field = form.querySelector("textarea[name=text]");
    if (field) {
      var text = field.value.trim();
      var limit = Number(field.dataset.maxLength || 0);
      if (limit && text.length > limit) {
        formMessage(form, words.too_long.replace("%(limit)d", limit).replace("%(count)d", text.length));
        field.focus();
        return;
      }
      var reason = text && !confirmed ? sensitive(text) : null;
      if (reason) {
        showWarning(form, words["privacy_" + reason]);
        return;
      }
    }
    var data = new FormData(form);
    if (confirmed) {
      data.set("confirmed", "1");
    }
    enqueue(form, data);
  });

  // A rating is sent as soon as it is chosen.
  document.addEventListener("change", function (event) {
    var input = event.target;
    var form = input.closest && input.closest("form[data-outbox=rating]");
    if (!form || input.type !== "radio") {
      return;
    }
    var data = new FormData();
    data.set(input.name, input.value);
    enqueue(form, data);
  });

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.dataset.draft && event.target.name === "text") {
      saveDraft(form.dataset.draft, event.target.value);
      hideWarning(form);
    }
  });

  // Drafts whose form is still on the page go back into it; the others are shown as not sent.
  function restoreDrafts() {
    var names = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(DRAFT) === 0) {
        names.push(key.slice(DRAFT.length));
      }
    }
    names.forEach(function (name) {
      var text = localStorage.getItem(DRAFT + name);
      var form = document.querySelector('form[data-draft="' + name + '"]');
      var field = form && form.querySelector("textarea[name=text]");
      if (field) {
        field.value = text;
        var details = form.closest("details");
        if (details && text !== field.defaultValue) {
          details.open = true;
        }
      } else {
        saveDraft(name, "");
        keepUnsent(text, words.not_sent);
      }
    });
  }

  // --- Keeping the page up to date.

  var fingerprint = root.dataset.fingerprint;
  var version = root.dataset.version;

  function typing() {
    var active = document.activeElement;
    return active && active.tagName === "TEXTAREA" && active.value.trim() !== "";
  }

  var reloading = false;

  function reloadWhenIdle() {
    if (reloading) {
      return;
    }
    reloading = true;
    if (typing()) {
      // Not in the middle of a sentence: the text is kept as a draft, but the keyboard would close.
      document.activeElement.addEventListener("blur", function () { window.location.reload(); }, { once: true });
      return;
    }
    window.location.reload();
  }

  function busy(region) {
    return Array.prototype.some.call(region.querySelectorAll("textarea, select"), function (field) {
      if (field.tagName === "SELECT") {
        // Without a `selected` option the first one is shown: that is no change either.
        var shown = Array.prototype.find.call(field.options, function (option) { return option.defaultSelected; }) || field.options[0];
        return shown ? field.value !== shown.value : false;
      }
      return field.value !== field.defaultValue;
    });
  }

  // Swap in the fresh lists, keeping which forms were open and where the focus was.
  function swap(region, fresh) {
    var openForms = Array.prototype.map.call(region.querySelectorAll("details[open] form"), function (form) { return form.action; });
    var active = region.contains(document.activeElement) ? document.activeElement : null;
    var focusForm = active && active.form ? active.form.action : null;
    region.innerHTML = fresh.innerHTML;
    Array.prototype.forEach.call(region.querySelectorAll("details form"), function (form) {
      if (openForms.indexOf(form.action) !== -1) {
        form.closest("details").open = true;
      }
    });
    if (focusForm) {
      var again = Array.prototype.find.call(region.querySelectorAll("form"), function (form) { return form.action === focusForm; });
      var target = again && again.querySelector("button:not([disabled])");
      if (target) {
        target.focus();
      }
    }
  }

  // --- What a stored send changes on this phone, shown from the server's answer (the card, the
  // votes left) without fetching the page; where that cannot be done here, the page is fetched.

  function counted(one, many, count) {
    return (count === 1 ? one : many).replace(/%\((count|votes)\)s/, count);
  }

  function shortened(text) {
    return text.length > 40 ? text.slice(0, 39) + "\u2026" : text;  // as the page's truncatechars:40
  }

  function optionText(item, name, value) {
    var option = item.querySelector("select[name=" + name + "] option[value=\"" + value + "\"]");
    return value && option ? option.textContent : "";
  }

  function fillMyCard(item, card) {
    item.querySelector(".samskab-pre").textContent = card.text;
    item.classList.toggle("is-hidden", card.hidden);
    var meta = [optionText(item, "column", card.column), optionText(item, "theme", card.theme)].filter(Boolean);
    if (card.hidden) {
      meta.push(words.hidden);
    }
    item.querySelector(".samskab-meta").textContent = meta.join(" \u00b7 ");
    Array.prototype.forEach.call(item.querySelectorAll(".sr-only"), function (label) {
      label.textContent = ": " + shortened(card.text);
    });
    Array.prototype.forEach.call(item.querySelectorAll("select"), function (select) {
      var chosen = String(card[select.name] || "");
      Array.prototype.forEach.call(select.options, function (option) {
        option.defaultSelected = option.value === chosen;
      });
      select.value = chosen;
    });
    var field = item.querySelector("textarea[name=text]");
    if (field) {
      field.defaultValue = card.text;
      field.value = card.text;
    }
  }

  function countMyCards(region) {
    var count = region.querySelectorAll("[data-mine]").length;
    region.querySelector("h3").textContent = counted(words.my_cards_one, words.my_cards_many, count);
    return count;
  }

  function showMyCard(card) {
    var region = document.getElementById("phone-my-cards");
    var template = document.getElementById("phone-my-card-template");
    if (!region || !template) {
      return false;
    }
    var item = region.querySelector('[data-mine][data-card-id="' + card.id + '"]');
    if (!item) {
      var box = document.createElement("ul");
      box.innerHTML = template.innerHTML.split(template.dataset.placeholder).join(card.id);
      item = box.firstElementChild;
      region.querySelector("ul").appendChild(item);
      Array.prototype.forEach.call(region.querySelectorAll("[data-no-cards]"), function (none) { none.remove(); });
      countMyCards(region);
    }
    fillMyCard(item, card);
    seen[card.id] = true;
    return true;
  }

  function removeMyCard(card) {
    var region = document.getElementById("phone-my-cards");
    var item = region && region.querySelector('[data-mine][data-card-id="' + card.id + '"]');
    if (item) {
      item.remove();
    }
    return region !== null && countMyCards(region) > 0;  // the last one gone: the page says "none yet"
  }

  function showMyVote(cardId, left) {
    var line = document.getElementById("phone-votes-left");
    var item = document.querySelector('#phone-vote [data-card-id="' + cardId + '"]');
    if (!line || !item || typeof left !== "number") {
      return false;
    }
    line.textContent = counted(words.votes_left_one, words.votes_left_many, left);
    Array.prototype.forEach.call(document.querySelectorAll('#phone-vote form[data-outbox="vote"] button'), function (button) {
      button.disabled = left === 0;
    });
    var mine = Number(item.dataset.myVotes || 0) + 1;
    item.dataset.myVotes = mine;
    item.querySelector("[data-my-votes]").textContent = " \u00b7 " + counted(words.my_votes_one, words.my_votes_many, mine);
    return true;
  }

  // True when the answer has been shown; false: fetch the page instead.
  function showAnswer(item, body) {
    if ((item.kind === "card" || item.kind === "edit") && body.card) {
      return showMyCard(body.card);
    }
    if (item.kind === "delete" && body.card) {
      return removeMyCard(body.card);
    }
    if (item.kind === "vote" && body.card) {
      return showMyVote(body.card.id, body.votes_left);
    }
    return item.kind === "rating";  // the chosen value is on the screen already
  }

  function refresh(afterSend) {
    return fetch(root.dataset.pageUrl, { credentials: "same-origin", headers: { "Accept": "text/html" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("phone");
        if (!fresh || fresh.dataset.fingerprint !== fingerprint) {
          reloadWhenIdle();
          return;
        }
        var skipped = false;
        Array.prototype.forEach.call(root.querySelectorAll("[data-refresh][id]"), function (region) {
          var replacement = page.getElementById(region.id);
          if (!replacement) {
            return;
          }
          if (busy(region)) {
            skipped = true;
            return;
          }
          swap(region, replacement);
        });
        version = skipped ? null : fresh.dataset.version;
        restoreDrafts();
      })
      .catch(function () {
        if (afterSend) {
          version = null;  // the next poll tries again
        }
      });
  }

  function checkState() {
    return fetch(root.dataset.stateUrl, { credentials: "same-origin", headers: { "Accept": "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (response.status === 403) {
          window.location.href = root.dataset.joinUrl;
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state) {
          return null;
        }
        if (state.fingerprint !== fingerprint) {
          reloadWhenIdle();
          return null;
        }
        if (state.version !== version) {
          return refresh(false);
        }
        return null;
      });
  }

  function poll() {
    if (document.hidden) {
      window.setTimeout(poll, POLL_MS);
      return;
    }
    checkState()
      .catch(function () { /* no connection: ask again next time */ })
      .then(function () { window.setTimeout(poll, POLL_MS); });
  }

  // --- Live events (assets/live.js): others' cards and votes, as they happen.

  var sentHere = {};  // ids of cards sent from this phone: not news to its owner
  load(OUTBOX).forEach(function (item) { sentHere[item.id] = true; });
  var seen = {};
  Array.prototype.forEach.call(root.querySelectorAll("[data-card-id]"), function (item) {
    seen[item.dataset.cardId] = true;
  });

  function onPage(id) {
    return root.querySelectorAll('[data-card-id="' + id + '"]');
  }

  function showVotes(item, votes) {
    var meta = item.querySelector("[data-card-votes]");
    if (meta) {
      meta.textContent = votes ? (votes === 1 ? words.votes_one : words.votes_many.replace("%(count)s", votes)) : "";
    }
  }

  function onBoard(event) {
    var list = document.getElementById("phone-board-list");
    if (!list || event.text === null) {
      return;
    }
    var item = list.querySelector('[data-card-id="' + event.id + '"]');
    if (!item) {
      item = listItem(event.text, "");
      item.dataset.cardId = event.id;
      item.querySelector(".samskab-meta").setAttribute("data-card-votes", "");
      list.appendChild(item);
      var empty = list.querySelector("[data-board-empty]");
      if (empty) {
        empty.remove();
      }
    }
    item.querySelector(".samskab-pre").textContent = event.text;
    showVotes(item, event.votes);
  }

  // A card of mine whose text changed (the facilitator edited it). My own edits and new cards are
  // shown from the answer to the send already; before "vis" the text is not sent to the room at all.
  function changedOnPage(item, event) {
    var text = item.querySelector(".samskab-pre");
    return event.text !== null && (!text || text.textContent !== event.text);
  }

  function applyEvents(events) {
    var section = Number(root.dataset.section || 0);
    var lists = false;
    var state = false;
    var fresh = 0;
    events.forEach(function (event) {
      if (event.type === "changed") {
        state = true;
        return;
      }
      if (event.section !== section) {
        return;
      }
      var id = event.type === "vote" ? event.card : event.id;
      var shown = Array.prototype.filter.call(onPage(id), function (item) { return !item.closest("#phone-board"); });
      if (event.type === "card") {
        if (!seen[id] && !sentHere[id]) {
          fresh += 1;
        }
        seen[id] = true;
        onBoard(event);
        lists = lists || shown.some(function (item) { return changedOnPage(item, event); }) ||
          document.getElementById("phone-vote") !== null;
      } else if (event.type === "card_removed") {
        Array.prototype.forEach.call(onPage(id), function (item) {
          if (item.closest("#phone-board")) {
            item.remove();
          }
        });
        lists = lists || shown.length > 0;
      } else if (event.type === "vote") {
        Array.prototype.forEach.call(document.querySelectorAll('#phone-board [data-card-id="' + id + '"]'), function (item) {
          showVotes(item, event.votes);
        });
      }
    });
    if (fresh && window.SamskabLive) {
      window.SamskabLive.newCards(fresh);
    }
    if (state) {
      checkState().catch(function () { /* the next event or poll asks again */ });
    } else if (lists) {
      refresh(false);
    }
  }

  window.addEventListener("online", function () {
    var box = load(OUTBOX);
    if (box.length) {
      box[0].due = 0;
      store(OUTBOX, box);
    }
    drain();
  });
  // Another tab of the same workshop changed the outbox.
  window.addEventListener("storage", function (event) {
    if (event.key === OUTBOX) {
      showOutbox();
    } else if (event.key === UNSENT) {
      showUnsent();
    }
  });

  restoreDrafts();
  showOutbox();
  showUnsent();
  if (load(OUTBOX).some(function (item) { return item.attempts; })) {
    say(words.waiting);
  }
  drain();
  if (window.SamskabLive && root.dataset.liveSocket) {
    window.SamskabLive.start({
      socket: root.dataset.liveSocket,
      seq: root.dataset.seq,
      onEvents: applyEvents,
      refetch: checkState,
    });
  } else {
    window.setTimeout(poll, POLL_MS);
  }
})();

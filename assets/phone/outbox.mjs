// The outbox: every write of the phone waits here (in localStorage) until the server has answered.
//
// Items are sent one at a time, oldest first:
// - a JSON answer of ours with a 2xx status: stored (a repeat with the same client_id stores nothing new);
// - a definitive 4xx: refused, with the server's message;
// - no connection, a 5xx, or an answer that is not ours (a Wi-Fi login page): the item stays, and
//   is sent again later, with a growing pause, also after the page is reloaded.

import { OUTBOX, load, store } from "./storage.mjs";

export const FIRST_RETRY_MS = 1000;
export const LAST_RETRY_MS = 30000;

// The pause before the next try, after `attempts` failed ones, spread by ±25 %.
export function retryPause(attempts, random = Math.random) {
  const pause = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, Math.max(attempts - 1, 0)));
  return pause * (0.75 + random() * 0.5);
}

// What an answer means: {definitive: false} to try again, else {definitive: true, body}.
export async function outcomeOf(response, failed) {
  if (response.type === "opaqueredirect") {
    return { definitive: true, body: { ok: false, message: failed } };
  }
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { definitive: false };
  }
  let body;
  try {
    body = await response.json();
  } catch (error) {
    return response.ok ? { definitive: false } : { definitive: true, body: { ok: false, message: failed } };
  }
  // A 2xx that is not our JSON is someone else's page (a Wi-Fi login, a proxy): try again.
  const ours = body && typeof body.ok === "boolean";
  return ours ? { definitive: true, body, status: response.status } : { definitive: false };
}

// The phone's outbox. `events`: stored(item, body), refused(item, body), waiting(), changed().
export function createOutbox({ code, failed, csrf, events, fetch = globalThis.fetch, storage, timers = globalThis }) {
  let sending = false;
  let timer = null;

  const items = () => load(OUTBOX, storage);
  const save = (box) => store(OUTBOX, box, storage);

  function later(ms) {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(drain, ms);
  }

  function remove(item) {
    save(items().filter((other) => other.id !== item.id));
    events.changed();
  }

  function retryLater(item) {
    const box = items();
    for (const other of box) {
      if (other.id === item.id) {
        other.attempts = (other.attempts || 0) + 1;
        other.due = Date.now() + retryPause(other.attempts);
      }
    }
    save(box);
    events.waiting();
  }

  function send(item) {
    return fetch(item.url, {
      method: "POST",
      body: new URLSearchParams(item.fields),
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json", "X-CSRFToken": csrf() },
    }).then((response) => outcomeOf(response, failed), () => ({ definitive: false }));
  }

  async function drain() {
    if (sending) {
      return;
    }
    const box = items();
    if (!box.length) {
      return;
    }
    const item = box[0];
    const wait = (item.due || 0) - Date.now();
    if (wait > 0) {
      later(wait);
      return;
    }
    sending = true;
    const outcome = await send(item);
    sending = false;
    if (!outcome.definitive) {
      retryLater(item);
    } else {
      remove(item);
      if (outcome.body.ok) {
        events.stored(item, outcome.body);
      } else {
        events.refused(item, outcome.body);
      }
    }
    return drain();
  }

  function add(item) {
    const box = items();
    box.push({ ...item, code, attempts: 0, due: 0 });
    save(box);
    events.changed();
    return drain();
  }

  // The connection is back: try the oldest item at once.
  function now() {
    const box = items();
    if (box.length) {
      box[0].due = 0;
      save(box);
    }
    return drain();
  }

  return {
    add,
    drain,
    now,
    mine: () => items().filter((item) => item.code === code),
    empty: () => items().length === 0,
    retrying: () => items().some((item) => item.attempts),
  };
}

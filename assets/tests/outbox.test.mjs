// The outbox keeps every write until the server has answered it, whatever the network does.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LAST_RETRY_MS, createOutbox, outcomeOf, retryPause } from "../phone/outbox.mjs";
import { memoryStorage } from "./memory-storage.mjs";

function answer(status, body, type = "basic") {
  return {
    type,
    status,
    ok: status >= 200 && status < 300,
    json: async () => (typeof body === "string" ? JSON.parse(body) : body),
  };
}

function recorder() {
  const seen = { stored: [], refused: [], waiting: 0 };
  return {
    seen,
    events: {
      stored: (item, body) => seen.stored.push([item.id, body]),
      refused: (item, body) => seen.refused.push([item.id, body]),
      waiting: () => { seen.waiting += 1; },
      changed: () => {},
    },
  };
}

const noTimers = { setTimeout: () => 0, clearTimeout: () => {} };

test("the pause grows with each failed try, up to the last", () => {
  const half = () => 0.5;
  assert.equal(retryPause(1, half), 1000);
  assert.equal(retryPause(3, half), 4000);
  assert.equal(retryPause(20, half), LAST_RETRY_MS);
  assert.ok(retryPause(1, () => 0) >= 750 && retryPause(1, () => 0.999) < 1250);
});

test("a 2xx that is not ours (a Wi-Fi login page) is tried again; our 4xx is definitive", async () => {
  assert.deepEqual(await outcomeOf(answer(200, "<html>"), "x").catch(() => "thrown"), { definitive: false });
  assert.equal((await outcomeOf(answer(200, { ok: true }), "x")).definitive, true);
  assert.equal((await outcomeOf(answer(503, {}), "x")).definitive, false);
  assert.equal((await outcomeOf(answer(429, { ok: false }), "x")).definitive, false);
  const refused = await outcomeOf(answer(422, { ok: false, message: "For lang" }), "x");
  assert.deepEqual([refused.definitive, refused.body.message], [true, "For lang"]);
  const redirected = await outcomeOf(answer(0, null, "opaqueredirect"), "Kunne ikke sendes");
  assert.equal(redirected.body.message, "Kunne ikke sendes");
});

test("an item stays in the outbox while the network fails, and is stored once it answers", async () => {
  const storage = memoryStorage();
  const { seen, events } = recorder();
  let online = false;
  const sent = [];
  const fetch = async (url, options) => {
    sent.push(options.body.get("client_id"));
    if (!online) {
      throw new TypeError("offline");
    }
    return answer(201, { ok: true, card: { id: "k1" } });
  };
  const outbox = createOutbox({ code: "ABC", failed: "x", csrf: () => "t", events, fetch, storage, timers: noTimers });
  await outbox.add({ id: "k1", url: "/w/ABC/kort/", kind: "card", fields: { text: "Hej", client_id: "k1" } });
  assert.equal(seen.waiting, 1);
  assert.equal(outbox.mine().length, 1);
  assert.ok(outbox.retrying());
  online = true;
  await outbox.now();
  assert.equal(outbox.mine().length, 0);
  assert.deepEqual(seen.stored.map(([id]) => id), ["k1"]);
  assert.deepEqual(sent, ["k1", "k1"]); // the same client_id both times: the server stores it once
});

test("a refused item leaves the outbox with the server's message", async () => {
  const storage = memoryStorage();
  const { seen, events } = recorder();
  const fetch = async () => answer(409, { ok: false, message: "Tavlen er låst", confirm: null });
  const outbox = createOutbox({ code: "ABC", failed: "x", csrf: () => "t", events, fetch, storage, timers: noTimers });
  await outbox.add({ id: "k2", url: "/w/ABC/kort/", kind: "card", fields: { client_id: "k2" } });
  assert.equal(outbox.mine().length, 0);
  assert.equal(seen.refused[0][1].message, "Tavlen er låst");
});

test("items are sent oldest first, and another workshop's are not counted as mine", async () => {
  const storage = memoryStorage();
  const { seen, events } = recorder();
  const order = [];
  const fetch = async (url, options) => {
    order.push(options.body.get("client_id"));
    return answer(200, { ok: true });
  };
  const offline = async () => { throw new TypeError("offline"); };
  const other = createOutbox({ code: "XYZ", failed: "x", csrf: () => "t", events, fetch: offline, storage, timers: noTimers });
  await other.add({ id: "o1", url: "/w/XYZ/kort/", kind: "card", fields: { client_id: "o1" } });
  await other.add({ id: "o2", url: "/w/XYZ/kort/", kind: "card", fields: { client_id: "o2" } });
  const outbox = createOutbox({ code: "ABC", failed: "x", csrf: () => "t", events, fetch, storage, timers: noTimers });
  assert.equal(outbox.mine().length, 0);
  await outbox.now(); // the connection is back: the oldest is sent first, then the next
  assert.deepEqual(order, ["o1", "o2"]);
  assert.deepEqual(seen.stored.map(([id]) => id), ["o1", "o2"]);
});

import assert from "node:assert/strict";
import { test } from "node:test";

import { drafts, load, newId, store } from "../phone/storage.mjs";
import { memoryStorage } from "./memory-storage.mjs";

test("what is stored is loaded again; nothing stored is an empty list", () => {
  const storage = memoryStorage();
  assert.deepEqual(load("x", storage), []);
  store("x", [{ id: 1 }], storage);
  assert.deepEqual(load("x", storage), [{ id: 1 }]);
});

test("a full or switched-off storage loses nothing on the page and throws nothing", () => {
  const broken = { getItem() { throw new Error("off"); }, setItem() { throw new Error("full"); } };
  assert.deepEqual(load("x", broken), []);
  store("x", [1], broken);
});

test("drafts are kept per workshop; an empty text removes the draft", () => {
  const storage = memoryStorage();
  const mine = drafts("ABC123", storage);
  const other = drafts("XYZ789", storage);
  mine.save("card-1", "halvt skrevet");
  other.save("card-1", "andet sted");
  assert.deepEqual(mine.names(), ["card-1"]);
  assert.equal(mine.get("card-1"), "halvt skrevet");
  mine.save("card-1", "");
  assert.deepEqual(mine.names(), []);
  assert.deepEqual(other.names(), ["card-1"]);
});

test("an id is a version 4 UUID, also without crypto.randomUUID (plain HTTP)", () => {
  const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newId({ getRandomValues: (bytes) => bytes.fill(255) }), pattern);
  assert.match(newId(globalThis.crypto), pattern);
});

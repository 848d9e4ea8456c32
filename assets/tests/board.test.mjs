import assert from "node:assert/strict";
import { test } from "node:test";

import { byVotes, listKey } from "../phone/board.mjs";

test("a card in a group shown on the phone goes into the group", () => {
  assert.equal(listKey({ group: 4, column: 7 }, ["group:4", "column:7"]), "group:4");
});

test("a card without a group goes into its column, or among the cards without one", () => {
  assert.equal(listKey({ group: null, column: 7 }, ["group:4", "column:7"]), "column:7");
  assert.equal(listKey({ group: null, column: null }, ["column:7", "column:"]), "column:");
});

test("a group or column the phone does not show yet asks for the board again", () => {
  assert.equal(listKey({ group: 9, column: 7 }, ["group:4", "column:7"]), null);
  assert.equal(listKey({ group: null, column: 8 }, ["column:7"]), null);
});

test("vote order puts most votes first and keeps the order of equals", () => {
  const cards = [{ id: "a", votes: 1 }, { id: "b", votes: 3 }, { id: "c", votes: 1 }, { id: "d", votes: 0 }];
  assert.deepEqual(byVotes(cards).map((card) => card.id), ["b", "a", "c", "d"]);
});

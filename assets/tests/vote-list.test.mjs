import assert from "node:assert/strict";
import { test } from "node:test";

import { samePlace } from "../phone/vote-list.mjs";

test("a card in the same group and column keeps its place in the vote list", () => {
  assert.ok(samePlace({ group: "4", column: "7" }, { group: 4, column: 7 }));
  assert.ok(samePlace({ group: "", column: "" }, { group: null, column: null }));
});

test("a card moved to another group or column makes the list be fetched again", () => {
  assert.ok(!samePlace({ group: "", column: "7" }, { group: 4, column: 7 }));
  assert.ok(!samePlace({ group: "4", column: "7" }, { group: 4, column: 8 }));
});

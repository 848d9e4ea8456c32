import assert from "node:assert/strict";
import { test } from "node:test";

import { counted, shortened } from "../phone/words.mjs";

test("counted picks the singular for one and fills in the number", () => {
  assert.equal(counted("%(count)s stemme", "%(count)s stemmer", 1), "1 stemme");
  assert.equal(counted("%(count)s stemme", "%(count)s stemmer", 0), "0 stemmer");
  assert.equal(counted("Du har %(votes)s stemme tilbage.", "Du har %(votes)s stemmer tilbage.", 3), "Du har 3 stemmer tilbage.");
});

test("shortened cuts as the page's truncatechars does", () => {
  assert.equal(shortened("kort"), "kort");
  const long = "x".repeat(41);
  assert.equal(shortened(long).length, 40);
  assert.ok(shortened(long).endsWith("\u2026"));
});

// The phone's privacy check uses the server's own patterns (samskab/workshops/privacy.py), and
// warns about the same texts as the server.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";

import { privacyCheck } from "../phone/privacy.mjs";

const python = existsSync(".venv/bin/python") ? ".venv/bin/python" : "python3";
const patterns = JSON.parse(execFileSync(python, ["-m", "samskab.workshops.privacy"], { encoding: "utf8" }));
const sensitive = privacyCheck(patterns);

test("a CPR number is found, with or without its dash", () => {
  assert.equal(sensitive("Hun har cpr 010203-1234"), "cpr");
  assert.equal(sensitive("0102031234 ringede"), "cpr");
  assert.equal(sensitive("290200 1234"), "cpr"); // 29 February 2000
});

test("ten digits that are no date, or part of a longer number, are not a CPR number", () => {
  assert.equal(sensitive("Sagsnummer 3213451234"), null); // no 32nd day
  assert.equal(sensitive("290201-1234"), null); // 2001 had no 29 February
  assert.equal(sensitive("Telefon 120102031234"), null);
});

test("a named citizen is found, also after a Danish letter ends a sentence", () => {
  assert.equal(sensitive("Borgeren Jens fik ikke svar"), "citizen");
  assert.equal(sensitive("Vi talte med fru Jensen"), "citizen");
  assert.equal(sensitive("Mødet med beboer: Hansen gik godt"), "citizen");
  assert.equal(sensitive("Klientens ønske"), null);
  assert.equal(sensitive("borgerne ventede længe"), null);
});

test("a letter before the word keeps it from being a word of its own", () => {
  // "medborger Jens": not the word "borger" (JavaScript's \\b would have said it was after "æ").
  assert.equal(sensitive("Medborger Jens"), null);
  assert.equal(sensitive("Læborger Jens"), null);
});

test("the server says the same about each text", () => {
  const texts = ["Borgeren Jens", "fru Jensen", "010203-1234", "Læborger Jens", "Ingen navne her", "hr. Hansen"];
  const server = JSON.parse(
    execFileSync(python, ["-c", "import json,sys; from samskab.workshops.privacy import sensitive; print(json.dumps([sensitive(t) for t in json.loads(sys.argv[1])]))", JSON.stringify(texts)], { encoding: "utf8" }),
  );
  assert.deepEqual(texts.map(sensitive), server);
});

// The privacy check before a card leaves the phone: does the text look like a CPR number, or name
// a citizen? The patterns come from the server (samskab/workshops/privacy.py, PATTERNS, given to
// the page as JSON), so that the phone and the server warn about the same texts.

function isDate(day, month, year) {
  // Year 2000 + yy covers every century's 29 February, as on the server.
  const date = new Date(2000 + year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day;
}

// A check made from the server's patterns: text → "cpr", "citizen" or null.
export function privacyCheck(patterns) {
  const cpr = new RegExp(patterns.cpr, "g");
  const names = [new RegExp(patterns.citizen), new RegExp(patterns.title)];
  return function sensitive(text) {
    for (const match of text.matchAll(cpr)) {
      if (isDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
        return "cpr";
      }
    }
    return names.some((pattern) => pattern.test(text)) ? "citizen" : null;
  };
}

// The phone's one status line (#phone-outbox-status): what happened to what was sent, in the
// colour that says it. "ok" (green) only for what the server has stored; "waiting" and "held"
// (nothing sent yet, dark amber) and "error" (red) otherwise.

const KINDS = ["ok", "waiting", "held", "error"];

export function statusLine(element) {
  return {
    say(text, kind) {
      for (const other of KINDS) {
        element.classList.toggle("is-" + other, other === kind);
      }
      if (element.textContent === text) {
        element.textContent = ""; // so that the same words are announced again
      }
      window.setTimeout(() => { element.textContent = text; }, 50);
    },
    clear() {
      element.textContent = "";
      for (const other of KINDS) {
        element.classList.remove("is-" + other);
      }
    },
  };
}

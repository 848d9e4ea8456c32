// Small text helpers for the words the server translated (views/phone.py, _js_messages).

// "%(count)s card" or "%(count)s cards", as ngettext chose them on the server for 1 and for 2.
export function counted(one, many, count) {
  return (count === 1 ? one : many).replace(/%\((count|votes)\)s/, String(count));
}

// As the page's truncatechars:40.
export function shortened(text, length = 40) {
  return text.length > length ? text.slice(0, length - 1) + "\u2026" : text;
}

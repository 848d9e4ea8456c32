// What the phone keeps in localStorage: the outbox, texts not sent, and drafts being written.
// localStorage may be full or switched off; the forms still work then (sent from memory).

export const OUTBOX = "samskab-outbox";
export const UNSENT = "samskab-unsent";

export function load(key, storage = globalThis.localStorage) {
  try {
    return JSON.parse(storage.getItem(key)) || [];
  } catch (error) {
    return [];
  }
}

export function store(key, value, storage = globalThis.localStorage) {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch (error) {
    // Nothing to do: the item is still sent from memory this time.
  }
}

// Drafts: one text per form (data-draft) of one workshop (its code).
export function drafts(code, storage = globalThis.localStorage) {
  const prefix = "samskab-draft:" + code + ":";
  return {
    save(name, text) {
      try {
        if (text) {
          storage.setItem(prefix + name, text);
        } else {
          storage.removeItem(prefix + name);
        }
      } catch (error) {
        // As above.
      }
    },
    get(name) {
      try {
        return storage.getItem(prefix + name);
      } catch (error) {
        return null;
      }
    },
    names() {
      const names = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key && key.startsWith(prefix)) {
            names.push(key.slice(prefix.length));
          }
        }
      } catch (error) {
        // No storage: no drafts.
      }
      return names;
    },
  };
}

export function newId(crypto = globalThis.crypto) {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  // crypto.randomUUID needs HTTPS; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b + 0x100).toString(16).slice(1)).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

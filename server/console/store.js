// What the console keeps in the browser: the outbox in IndexedDB (a reply typed while the relay
// is down survives a reload and is sent once, with its client_msg_id), and the session token in
// sessionStorage, or in localStorage when the agent ticked "remember me". Never a cookie.

const DB_NAME = "jivo-console";
const STORE = "outbox";
const TOKEN_KEY = "jivo.console.token";
const LANG_KEY = "jivo.console.lang";

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export class Outbox {
  constructor() {
    this._db = null;
  }

  async _open() {
    if (this._db) return this._db;
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "client_msg_id" });
    };
    this._db = await promised(request);
    return this._db;
  }

  async _store(mode) {
    const db = await this._open();
    return db.transaction(STORE, mode).objectStore(STORE);
  }

  async put(item) {
    await promised((await this._store("readwrite")).put(item));
  }

  async remove(clientMsgId) {
    await promised((await this._store("readwrite")).delete(clientMsgId));
  }

  /** Every waiting message, oldest first. */
  async all() {
    const items = await promised((await this._store("readonly")).getAll());
    return items.sort((a, b) => a.created - b.created);
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN_KEY) || localStorage.getItem(TOKEN_KEY);
  },
  save(token, remember) {
    this.forget();
    (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
  },
  /** The relay gave a new token on a resume: keep it where the old one was. */
  refresh(token) {
    if (localStorage.getItem(TOKEN_KEY)) localStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.setItem(TOKEN_KEY, token);
  },
  forget() {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
  },
};

/** C2: the reply being written in each chat, kept for this tab (a reload keeps it). */
export const drafts = {
  key: (chatId) => `jivo.console.draft.${chatId}`,
  get(chatId) {
    return sessionStorage.getItem(this.key(chatId)) || "";
  },
  set(chatId, text) {
    try {
      if (text) sessionStorage.setItem(this.key(chatId), text);
      else sessionStorage.removeItem(this.key(chatId));
    } catch {
      // storage full: the draft lives until the tab closes only
    }
  },
};

export const prefs = {
  language() {
    return localStorage.getItem(LANG_KEY);
  },
  setLanguage(code) {
    localStorage.setItem(LANG_KEY, code);
  },
};

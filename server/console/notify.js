// New chats announced outside the page: the browser's notification (with Accept / Ignore
// buttons where the browser has them, through sw.js) and a short sound made with Web Audio (no
// file to fetch). The tab title counts the waiting chats (app.js). Visitor text goes in the
// notification's body, which browsers show as plain text.

import { t } from "./i18n.js";

/** The registration once its worker is active (``ready`` would wait for a worker controlling
 * this page, and /agent is outside the worker's /agent/ scope). */
function activated(registration) {
  if (registration.active) return registration;
  const worker = registration.installing || registration.waiting;
  return new Promise((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(registration);
    });
  });
}

export class Announcer {
  constructor(onAction) {
    this.onAction = onAction;
    this.registration = null;
    this.audio = null;
    // Shows and closes in the order they were asked: a "done" still looking up the old
    // notification must not close the one shown for the chat's next round.
    this._queue = Promise.resolve();
    if ("serviceWorker" in navigator && window.isSecureContext) {
      navigator.serviceWorker.addEventListener("message", (ev) => {
        if (ev.data && ev.data.kind === "jivo-notification") this.onAction(ev.data.action, ev.data.chat_id);
      });
      // The first notification waits for the worker (its buttons need it).
      this._queue = navigator.serviceWorker.register("/agent/sw.js", { scope: "/agent/" })
        .then(activated)
        .then((registration) => { this.registration = registration; })
        .catch(() => { this.registration = null; });
    }
  }

  /** Called from a click (sign-in): browsers allow sound and the permission prompt then. */
  unlock() {
    if ("Notification" in window && Notification.permission === "default") {
      Notification.requestPermission().catch(() => {});
    }
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context && !this.audio) {
      try {
        this.audio = new Context();
      } catch {
        this.audio = null;
      }
    }
  }

  _then(job) {
    this._queue = this._queue.then(job).catch(() => {});
    return this._queue;
  }

  chatOffered(chatId, name, preview) {
    this.beep();
    return this._then(() => this._show(chatId, name, preview));
  }

  async _show(chatId, name, preview) {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const title = t("offeredNote");
    const body = preview ? `${name}: ${preview}` : name;
    const tag = `chat-${chatId}`;
    try {
      if (this.registration) {
        await this.registration.showNotification(title, {
          body, tag, data: { chat_id: chatId },
          actions: [{ action: "accept", title: t("accept") }, { action: "ignore", title: t("ignore") }],
        });
        return;
      }
      const n = new Notification(title, { body, tag });
      n.onclick = () => { window.focus(); this.onAction("open", chatId); };
    } catch {
      // the tab title still counts the waiting chat
    }
  }

  /** The chat was answered (here or elsewhere): its notification goes. */
  done(chatId) {
    return this._then(() => this._close(chatId));
  }

  async _close(chatId) {
    if (!this.registration) return;
    try {
      for (const n of await this.registration.getNotifications({ tag: `chat-${chatId}` })) n.close();
    } catch {
      // nothing to close
    }
  }

  beep() {
    const ctx = this.audio;
    if (!ctx || ctx.state === "closed") return;
    try {
      const now = ctx.currentTime;
      for (const [at, freq] of [[0, 880], [0.18, 1175]]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + at);
        gain.gain.exponentialRampToValueAtTime(0.2, now + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.16);
        osc.connect(gain).connect(ctx.destination);
        osc.start(now + at);
        osc.stop(now + at + 0.17);
      }
    } catch {
      // no sound device
    }
  }
}

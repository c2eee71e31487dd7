// The console's connection to the relay: the desktop app's rules (jivo_desktop/net/connection.py)
// in a browser. The token goes in the first frame (never in the URL or a cookie); every push is
// handed on once (events deduplicated by their global cursor, and the newest cursor sent again on
// every reconnect); a lost connection is retried with a doubling, jittered delay, forever, until
// the agent signs out or the relay refuses the session; the outbox (store.js, IndexedDB) is sent
// again after every welcome with the same client_msg_id, which the relay deduplicates.

import * as P from "./protocol.js";

const FINAL_CODES = new Set(["bad_credentials", "unauthenticated", "version_mismatch"]);
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5000;
const MAX_SEND_RETRIES = 5;
const REQUEST_TIMEOUT_MS = 30000;
const WELCOME_TIMEOUT_MS = 15000;
const HEARTBEAT_MS = 25000;
const HEARTBEAT_TIMEOUT_MS = 10000;

/** A frame an agent may send, checked against the protocol (protocol.js, generated). */
export function frame(type, fields) {
  const spec = P.AGENT_FRAMES[type];
  if (!spec) throw new Error(`not an agent frame: ${type}`);
  const allowed = new Set([...spec.required, ...spec.optional]);
  for (const name of Object.keys(fields)) {
    if (!allowed.has(name)) throw new Error(`${type} has no field ${name}`);
  }
  for (const name of spec.required) {
    if (!(name in fields)) throw new Error(`${type} needs ${name}`);
  }
  return { type, ...fields };
}

export class RelayError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export class Connection {
  /**
   * url: the relay's WebSocket; outbox: store.js's Outbox; handlers: onFrame(frame),
   * onState(state, detail), onEnded(code) when the session cannot go on.
   */
  constructor(url, outbox, handlers) {
    this.url = url;
    this.outbox = outbox;
    this.handlers = handlers;
    this.state = "disconnected";
    this.token = null;
    this.agentId = null;
    this.cursor = null;
    this.status = "online";
    this.welcome = null;
    this.reconnects = 0;
    this._ws = null;
    this._nextId = 1;
    this._pending = new Map(); // request id -> {resolve, reject, timer, parts}
    this._sends = new Map(); // request id -> client_msg_id of an outbox send
    this._retries = new Map(); // client_msg_id -> retries after rate_limited/internal
    this._closing = false;
    this._timer = null;
  }

  _id() {
    return this._nextId++;
  }

  /** Sign in with e-mail and password; resolves with the welcome or rejects (RelayError). */
  signIn(email, password, status = "online") {
    this.status = status;
    return this._open((id) =>
      frame("sign_in", { id, email, password, cursor: this.cursor, status: this.status }),
    );
  }

  /** Resume with a saved token. */
  authenticate(token, status = "online") {
    this.status = status;
    this.token = token;
    return this._open((id) => this._authFrame(id));
  }

  _authFrame(id) {
    return frame("authenticate", { id, token: this.token, cursor: this.cursor, status: this.status });
  }

  _open(first) {
    this._closing = false;
    return this._connect(first);
  }

  _setState(state, detail = "") {
    this.state = state;
    this.handlers.onState?.(state, detail);
  }

  /** One connection attempt: resolves with the welcome once the relay answered the first frame. */
  _connect(makeFirst) {
    this._setState("connecting");
    return new Promise((resolve, reject) => {
      let ws;
      try {
        ws = new WebSocket(this.url);
      } catch (err) {
        this._setState("disconnected");
        reject(err);
        return;
      }
      let welcomed = false;
      const parts = [];
      const firstId = this._id();
      // A relay that accepts the socket but never answers must not stall the reconnects.
      const giveUp = setTimeout(() => {
        ws.onclose = null;
        ws.close();
        this._setState("disconnected", "timeout");
        reject(new RelayError("timeout", "no welcome from the relay"));
      }, WELCOME_TIMEOUT_MS);
      ws.onopen = () => ws.send(JSON.stringify(makeFirst(firstId)));
      ws.onmessage = (msg) => {
        let data;
        try {
          data = JSON.parse(msg.data);
        } catch {
          return; // an undecodable frame is dropped, as the desktop app does
        }
        if (welcomed) {
          this._onFrame(data);
          return;
        }
        if (data.type === "error") {
          clearTimeout(giveUp);
          reject(new RelayError(data.code, data.message));
          ws.onclose = null;
          ws.close();
          this._setState("disconnected", data.code);
          return;
        }
        if (data.type !== "welcome") return;
        parts.push(data);
        if (data.continued) return; // issue 12 item 6: a big welcome comes in parts
        welcomed = true;
        clearTimeout(giveUp);
        const welcome = joinParts(parts);
        this.token = welcome.token;
        this.agentId = welcome.agent.id;
        this.welcome = welcome;
        this._ws = ws;
        this._setState("connected");
        this.handlers.onFrame?.(welcome);
        resolve(welcome);
        this._flushOutbox();
        this._heartbeat(ws);
      };
      ws.onclose = (ev) => {
        if (!welcomed) {
          clearTimeout(giveUp);
          this._setState("disconnected", String(ev.code));
          reject(new RelayError("closed", ev.reason || `closed ${ev.code}`));
          return;
        }
        this._dropped(ev);
      };
    });
  }

  /** A browser cannot send WebSocket pings: an application ping now and then finds a link
   * that died silently (a laptop's Wi-Fi gone), and the console reconnects at once. */
  _heartbeat(ws) {
    clearInterval(this._beat);
    this._beat = setInterval(async () => {
      if (this._ws !== ws) {
        clearInterval(this._beat);
        return;
      }
      try {
        await Promise.race([
          this.request("ping", {}),
          new Promise((_, reject) => setTimeout(() => reject(new RelayError("timeout", "")),
            HEARTBEAT_TIMEOUT_MS)),
        ]);
      } catch (err) {
        if (this._ws !== ws || err.code !== "timeout") return;
        ws.onclose = null;
        ws.onmessage = null;
        ws.close();
        this._dropped({ code: 1006, reason: "no answer to ping" });
      }
    }, HEARTBEAT_MS);
  }

  _dropped(ev) {
    clearInterval(this._beat);
    this._ws = null;
    for (const [id, pending] of this._pending) {
      clearTimeout(pending.timer);
      pending.reject(new RelayError("connection_lost", "the connection was lost"));
      this._pending.delete(id);
    }
    this._sends.clear();
    if (ev.code === P.CLOSE_SIGNED_OUT && !this._closing) {
      this.token = null;
      this._setState("closed", ev.reason || "signed_out");
      this.handlers.onEnded?.(ev.reason || "signed_out");
      return;
    }
    if (this._closing || this.token === null) {
      this._setState("closed");
      return;
    }
    this._setState("disconnected");
    this._reconnect(MIN_BACKOFF_MS);
  }

  _reconnect(delay) {
    const wait = delay * (0.8 + Math.random() * 0.4);
    this._timer = setTimeout(async () => {
      if (this._closing) return;
      try {
        await this._connect((id) => this._authFrame(id));
        this.reconnects += 1;
      } catch (err) {
        if (err instanceof RelayError && FINAL_CODES.has(err.code)) {
          this.token = null;
          this._setState("closed", err.code);
          this.handlers.onEnded?.(err.code);
          return;
        }
        this._reconnect(Math.min(delay * 2, MAX_BACKOFF_MS));
      }
    }, wait);
  }

  _onFrame(data) {
    const id = data.id;
    if (data.type === "message_acked" && this._sends.has(id) && !this._pending.has(id)) {
      this._sends.delete(id);
      this._retries.delete(data.client_msg_id);
      this.outbox.remove(data.client_msg_id).finally(() => this.handlers.onFrame?.(data));
      return;
    }
    if (data.type === "error" && this._sends.has(id)) {
      const cmid = this._sends.get(id);
      this._sends.delete(id);
      const tries = this._retries.get(cmid) || 0;
      if ((data.code === "rate_limited" || data.code === "internal") && tries < MAX_SEND_RETRIES) {
        this._retries.set(cmid, tries + 1);
        setTimeout(() => this._resend(cmid), 1000 * 2 ** tries);
        return;
      }
      this._retries.delete(cmid);
      this.outbox.remove(cmid).finally(() =>
        this.handlers.onFrame?.({ type: "send_failed", client_msg_id: cmid, code: data.code }),
      );
      return;
    }
    if (id !== undefined && id !== null && this._pending.has(id)) {
      const pending = this._pending.get(id);
      pending.parts.push(data);
      if (data.continued) return;
      this._pending.delete(id);
      clearTimeout(pending.timer);
      const answer = pending.parts.length > 1 ? joinParts(pending.parts) : data;
      if (answer.type === "error") pending.reject(new RelayError(answer.code, answer.message));
      else pending.resolve(answer);
      return;
    }
    if (data.type === "event_push") {
      if (this.cursor !== null && data.event.cursor <= this.cursor) return; // seen already
      this.cursor = data.event.cursor;
    } else if (data.type === "sync_done") {
      this.cursor = Math.max(this.cursor || 0, data.cursor);
    }
    this.handlers.onFrame?.(data);
  }

  /** A request answered by a frame with its id; rejects with RelayError on an error frame.
   * ``fields.id`` may be given (newId()) when a second answer with that id is awaited too. */
  request(type, fields = {}) {
    if (!this._ws) return Promise.reject(new RelayError("connection_lost", "not connected"));
    const data = frame(type, { id: this._id(), ...fields });
    const answer = this.expect(data.id);
    this._ws.send(JSON.stringify(data));
    return answer;
  }

  newId() {
    return this._id();
  }

  /** The next frame with this request id (C14: file_stored after upload_ready). */
  expect(id, timeoutMs = REQUEST_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._pending.delete(id);
        reject(new RelayError("timeout", "no answer"));
      }, timeoutMs);
      this._pending.set(id, { resolve, reject, timer, parts: [] });
    });
  }

  /** C14: a chunk of an upload, as a binary frame; false when the connection is gone. */
  sendBinary(bytes) {
    if (!this._ws) return false;
    this._ws.send(bytes);
    return true;
  }

  buffered() {
    return this._ws ? this._ws.bufferedAmount : 0;
  }

  /** A frame without an answer (typing, receipt); dropped while disconnected. */
  notify(type, fields) {
    if (this._ws) this._ws.send(JSON.stringify(frame(type, fields)));
  }

  /** Keep the message in the outbox (IndexedDB) and send it; it goes again after a reconnect. */
  async sendMessage(chatId, text, comment = false) {
    const item = {
      client_msg_id: crypto.randomUUID(),
      agent_id: this.agentId,
      chat_id: chatId,
      text,
      comment,
      created: Date.now(),
    };
    await this.outbox.put(item);
    this._send(item);
    return item;
  }

  _send(item) {
    if (!this._ws) return;
    const id = this._id();
    this._sends.set(id, item.client_msg_id);
    const fields = { id, client_msg_id: item.client_msg_id, text: item.text, chat_id: item.chat_id };
    if (item.comment) fields.comment = true;
    this._ws.send(JSON.stringify(frame("send_message", fields)));
  }

  async _resend(cmid) {
    const item = (await this.outbox.all()).find((it) => it.client_msg_id === cmid);
    if (item) this._send(item);
  }

  async _flushOutbox() {
    for (const item of await this.outbox.all()) {
      if (item.agent_id === this.agentId) this._send(item);
    }
  }

  async signOut() {
    this._closing = true;
    clearTimeout(this._timer);
    try {
      if (this._ws) await this.request("sign_out", {});
    } catch {
      // signed out locally whatever the relay answered
    }
    this.token = null;
    this._ws?.close();
    this._setState("closed", "signed_out");
  }
}

/** Issue 12 item 6: the parts of a list answer joined (lists concatenated in order). */
export function joinParts(parts) {
  if (parts.length === 1) return parts[0];
  const joined = { ...parts[parts.length - 1] };
  for (const [key, value] of Object.entries(parts[0])) {
    if (Array.isArray(value)) joined[key] = parts.flatMap((part) => part[key] || []);
  }
  joined.continued = false;
  return joined;
}

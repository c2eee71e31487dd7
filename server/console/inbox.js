// Centro de Atención: the chat list (waiting chats with Accept / Ignore, then the agent's own),
// the conversation and the composer (Enter sends, Shift+Enter a new line). Visitor text goes in
// through textContent only (dom.js). A reply is kept in the outbox (IndexedDB) until the relay
// acknowledges it: typed while the relay is down, it shows as sending and goes once.

import { ChatActions } from "./chat_actions.js";
import { clear, el, safeLink } from "./dom.js";
import { Files } from "./files.js";
import { bubble, chatRow, eventRow } from "./rows.js";
import { drafts } from "./store.js";
import { t } from "./i18n.js";
import { MAX_MESSAGE_CHARS } from "./protocol.js";

const TYPING_IDLE_MS = 4000;
const HISTORY_PAGE = 50;

export function visitorName(chat) {
  const v = chat.visitor;
  if (!v) return chat.site_name || t("client", { id: chat.id });
  if (v.name) return v.name;
  return v.city ? `${v.city} ${v.id}` : t("client", { id: v.id });
}

export class Inbox {
  constructor(conn, outbox, changed, announcer) {
    this.conn = conn;
    this.announcer = announcer;
    this.outbox = outbox;
    this.changed = changed;
    this.chats = new Map(); // id -> ChatInfo
    this.events = new Map(); // chat id -> Map(seq -> event)
    this.pending = new Map(); // client_msg_id -> {chat_id, text, state, code}
    this.loaded = new Set(); // chats whose history was fetched
    this.older = new Map(); // chat id -> seq before which older events remain (history "more")
    this.typing = new Map(); // chat id -> name
    this.ignored = new Map(); // chat id -> the ladder round it was ignored in (N3)
    this.agents = new Map();
    this.selected = null;
    this.node = null;
    this._typingSent = 0;
    this.actions = new ChatActions(conn, this);
    this.files = new Files(conn);
  }

  waitingCount() {
    return [...this.chats.values()].filter((c) => c.state === "offered").length;
  }

  // ---------------------------------------------------------------- frames

  onFrame(f) {
    const handled = this.actions.onFrame(f);
    switch (f.type) {
      case "welcome":
        this.welcomed(f);
        break;
      case "chat_offered":
        this.offered(f.chat);
        break;
      case "chat_opened":
      case "chat_state_changed":
        this.upsert(f.chat);
        break;
      case "chat_taken":
        this.taken(f);
        break;
      case "event_push":
        this.addEvent(f.event);
        break;
      case "message_acked":
        this.acked(f);
        break;
      case "send_failed":
        this.failed(f);
        break;
      case "typing_changed":
        if (f.who === "visitor" || f.agent_id !== this.conn.agentId) {
          const chat = this.chats.get(f.chat_id);
          if (f.active) this.typing.set(f.chat_id, f.name || (chat ? this.chatName(chat) : ""));
          else this.typing.delete(f.chat_id);
          if (f.chat_id === this.selected) this.renderTyping();
        }
        break;
      case "agent_presence":
        this.agents.set(f.agent.id, f.agent);
        break;
      case "receipt_changed":
        this.receipt(f);
        break;
      default:
        if (!handled) return;
    }
    this.render();
  }

  receipt(f) {
    const chat = this.chats.get(f.chat_id);
    if (!chat || f.reader !== "visitor") return;
    chat.visitor_delivered_seq = Math.max(chat.visitor_delivered_seq || 0, f.delivered_seq);
    chat.visitor_read_seq = Math.max(chat.visitor_read_seq || 0, f.read_seq);
  }

  welcomed(w) {
    for (const a of w.agents) this.agents.set(a.id, a);
    this.agents.set(w.agent.id, w.agent);
    const fresh = new Set(w.chats.map((c) => c.id));
    for (const [id, chat] of this.chats) {
      // An offer that went to someone else while this console was away is gone.
      if (chat.state === "offered" && !fresh.has(id)) this.chats.delete(id);
    }
    for (const chat of w.chats) {
      if (chat.state === "offered") this.offered(chat);
      else this.upsert(chat);
    }
    this.outbox.all().then((items) => {
      for (const item of items) {
        if (item.agent_id !== w.agent.id || this.pending.has(item.client_msg_id)) continue;
        this.pending.set(item.client_msg_id, { ...item, state: "pending" });
      }
      this.render();
    });
    if (this.selected !== null) this.loadHistory(this.selected, true);
  }

  offered(chat) {
    // N3, as the desktop app: an ignored offer comes back only in a later round of the ladder.
    const round = this.ignored.get(chat.id);
    if (round !== undefined && chat.offer_round <= round) return;
    this.ignored.delete(chat.id);
    const known = this.chats.get(chat.id);
    if (!known || known.state !== "offered" || round !== undefined) this.announce(chat);
    this.upsert(chat);
  }

  upsert(chat) {
    const me = this.conn.agentId;
    const theirs = chat.state === "active" && chat.kind !== "direct" && chat.agent_id !== me &&
      !(chat.members || []).includes(me);
    const over = chat.state === "closed" || chat.state === "missed";
    if (over && !this.chats.has(chat.id)) return; // one this agent left or ignored: not back
    if (theirs) {
      // a colleague's chat now (this agent transferred it or left): off this agent's list
      this.chats.delete(chat.id);
      if (this.selected === chat.id) this.selected = null;
      this.changed();
      return;
    }
    if (chat.state !== "offered" && this.chats.get(chat.id)?.state === "offered") {
      this.announcer.done(chat.id);
    }
    this.chats.set(chat.id, { ...(this.chats.get(chat.id) || {}), ...chat });
    this.changed();
  }

  taken(f) {
    this.announcer.done(f.chat_id);
    const chat = this.chats.get(f.chat_id);
    if (!chat) return;
    if (f.agent_id === this.conn.agentId) {
      chat.state = "active";
      chat.agent_id = f.agent_id;
    } else if (chat.state === "offered") {
      this.chats.delete(f.chat_id);
      if (this.selected === f.chat_id) this.selected = null;
    }
    this.changed();
  }

  addEvent(ev) {
    let map = this.events.get(ev.chat_id);
    if (!map) this.events.set(ev.chat_id, (map = new Map()));
    map.set(ev.seq, ev);
    if (ev.client_msg_id && this.pending.has(ev.client_msg_id)) {
      this.pending.delete(ev.client_msg_id);
    }
    const chat = this.chats.get(ev.chat_id);
    if (chat) {
      chat.last_seq = Math.max(chat.last_seq || 0, ev.seq);
      if (ev.author === "visitor" && ev.kind === "message") chat.preview = ev.text;
      if (ev.kind === "closed" || ev.kind === "missed") chat.state = ev.kind === "closed" ? "closed" : "missed";
    }
    if (ev.author === "visitor") this.typing.delete(ev.chat_id);
    if (ev.kind === "left" && ev.author_id === this.conn.agentId && chat && chat.kind !== "direct") {
      // C7: this agent left (a transfer went through, or it left a colleague's chat)
      this.chats.delete(ev.chat_id);
      if (this.selected === ev.chat_id) this.selected = null;
    }
  }

  acked(f) {
    const item = this.pending.get(f.client_msg_id);
    if (item) item.state = "sent";
  }

  failed(f) {
    const item = this.pending.get(f.client_msg_id);
    if (item) Object.assign(item, { state: "failed", code: f.code });
  }

  announce(chat) {
    this.announcer.chatOffered(chat.id, visitorName(chat), chat.preview || "");
  }

  connectionChanged(state) {
    // A reply typed while the relay is down waits in the outbox: the composer stays usable.
    if (this.conv) this.conv.dataset.connection = state;
  }

  // ---------------------------------------------------------------- actions

  async accept(chatId) {
    try {
      await this.conn.request("accept_chat", { chat_id: chatId });
      const chat = this.chats.get(chatId);
      if (chat) Object.assign(chat, { state: "active", agent_id: this.conn.agentId });
      await this.select(chatId);
    } catch (err) {
      if (err.code === "chat_taken" || err.code === "chat_closed") this.chats.delete(chatId);
    }
    this.changed();
    this.render();
    this.composer?.focus();
  }

  async quickReply(chatId, text) {
    await this.accept(chatId);
    const chat = this.chats.get(chatId);
    if (!chat || chat.state !== "active") return;
    const item = await this.conn.sendMessage(chatId, text);
    if (!this.sentAlready(item)) this.pending.set(item.client_msg_id, { ...item, state: "pending" });
    this.render();
  }

  async ignore(chatId) {
    this.announcer.done(chatId);
    this.ignored.set(chatId, this.chats.get(chatId)?.offer_round ?? 0);
    this.chats.delete(chatId);
    if (this.selected === chatId) this.selected = null;
    this.changed();
    this.render();
    try {
      await this.conn.request("ignore_chat", { chat_id: chatId });
    } catch {
      // refused: it was taken or closed meanwhile; it is off the list either way
    }
  }

  async leave(chatId) {
    try {
      await this.conn.request("leave_chat", { chat_id: chatId }); // C3: the last one closes it
    } catch {
      return;
    }
    this.chats.delete(chatId);
    if (this.selected === chatId) this.selected = null;
    this.render();
  }

  async openDirect(agentId) {
    try {
      const answer = await this.conn.request("open_direct_chat", { agent_id: agentId });
      this.upsert(answer.chat);
      await this.select(answer.chat.id);
    } catch {
      // not connected: the Equipo page stays as it was
    }
  }

  async select(chatId) {
    if (this.selected !== chatId) {
      if (this.selected !== null) this.conn.notify("view_chat", { chat_id: this.selected, viewing: false });
      if (chatId !== null) this.conn.notify("view_chat", { chat_id: chatId, viewing: true });
    }
    if (this.composer && this.selected !== chatId) {
      if (this.selected !== null) drafts.set(this.selected, this.composer.value);
      this.composer.value = chatId === null ? "" : drafts.get(chatId);
    }
    this.selected = chatId;
    this.render();
    await this.loadHistory(chatId, false);
    this.render();
  }

  async loadHistory(chatId, again) {
    const chat = this.chats.get(chatId);
    if (!chat || chat.state === "offered" || (this.loaded.has(chatId) && !again)) return;
    try {
      const page = await this.conn.request("history", { chat_id: chatId, limit: HISTORY_PAGE });
      for (const ev of page.events) this.addEvent(ev);
      this.loaded.add(chatId);
      if (page.more && page.events.length) this.older.set(chatId, page.events[0].seq);
      else this.older.delete(chatId);
    } catch {
      // shown again on the next welcome
    }
  }

  /** The page of events before the oldest shown ("Earlier messages"). */
  async loadOlder(chatId) {
    const before = this.older.get(chatId);
    if (before === undefined) return;
    try {
      const page = await this.conn.request("history", { chat_id: chatId, before_seq: before,
        limit: HISTORY_PAGE });
      for (const ev of page.events) this.addEvent(ev);
      if (page.more && page.events.length) this.older.set(chatId, page.events[0].seq);
      else this.older.delete(chatId);
    } catch {
      return;
    }
    this.render({ keepScroll: true });
  }

  async send() {
    const text = this.composer.value;
    if (!text.trim() || this.selected === null) return;
    if (text.length > MAX_MESSAGE_CHARS) {
      this.composer.setCustomValidity(t("tooLong", { n: MAX_MESSAGE_CHARS }));
      this.composer.reportValidity();
      return;
    }
    this.composer.setCustomValidity("");
    const chatId = this.selected;
    this.composer.value = "";
    drafts.set(chatId, "");
    const comment = this.commentBox.checked;
    this.commentBox.checked = false;
    const item = await this.conn.sendMessage(chatId, text, comment);
    if (!this.pending.has(item.client_msg_id) && !this.sentAlready(item)) {
      this.pending.set(item.client_msg_id, { ...item, state: "pending" });
    }
    this.conn.notify("typing", { active: false, chat_id: chatId });
    this._typingSent = 0;
    this.render();
  }

  async attach() {
    const file = this.fileInput.files[0];
    this.fileInput.value = "";
    if (!file || this.selected === null) return;
    this.fileNote.textContent = t("uploading", { name: file.name });
    try {
      await this.files.upload(this.selected, file);
      this.fileNote.textContent = "";
    } catch (err) {
      this.fileNote.textContent = err.message;
    }
  }

  /** A quick phrase into the composer, where the cursor is. */
  insert(text) {
    const c = this.composer;
    const at = c.selectionStart ?? c.value.length;
    c.value = c.value.slice(0, at) + text + c.value.slice(c.selectionEnd ?? at);
    c.focus();
    c.selectionStart = c.selectionEnd = at + text.length;
  }

  sentAlready(item) {
    const map = this.events.get(item.chat_id);
    return !!map && [...map.values()].some((ev) => ev.client_msg_id === item.client_msg_id);
  }

  typed() {
    const now = Date.now();
    if (this.selected !== null && now - this._typingSent > TYPING_IDLE_MS / 2) {
      this._typingSent = now;
      this.conn.notify("typing", { active: true, chat_id: this.selected });
    }
  }

  // ---------------------------------------------------------------- rendering

  mount(node) {
    this.node = node;
    this.list = el("div", { class: "chats", "data-testid": "chat-list" });
    this.head = el("div", { class: "conv-head", "data-testid": "conv-head" });
    this.log = el("ol", { class: "log", "data-testid": "messages", "aria-live": "polite" });
    this.typingLine = el("p", { class: "typing", "data-testid": "typing" });
    this.composer = el("textarea", {
      "data-testid": "composer", rows: 3, maxlength: MAX_MESSAGE_CHARS,
      placeholder: t("placeholder"), "aria-label": t("placeholder"),
    });
    this.composer.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        this.send();
      }
    });
    this.composer.addEventListener("input", () => {
      this.typed();
      if (this.selected !== null) drafts.set(this.selected, this.composer.value);
    });
    this.sendButton = el("button", { "data-testid": "send", text: t("send"),
      onclick: () => this.send() });
    this.commentBox = el("input", { type: "checkbox", "data-testid": "comment" });
    this.fileInput = el("input", { type: "file", "data-testid": "file-input", hidden: true });
    this.fileInput.addEventListener("change", () => this.attach());
    this.fileNote = el("p", { class: "file-note", "data-testid": "file-note", role: "status" });
    this.composeRow = el("div", { class: "compose" }, this.composer,
      el("div", { class: "compose-side" }, this.sendButton,
        el("button", { "data-testid": "attach", text: t("attach"),
          onclick: () => this.fileInput.click() }), this.fileInput,
        el("label", { class: "check", title: t("commentHint") }, this.commentBox, " ", t("comment"))));
    this.tools = el("div", { class: "tools", "data-testid": "tools" });
    this.conv = el("div", { class: "conv", "data-testid": "conversation" },
      this.head, this.tools, this.log, this.typingLine, this.fileNote, this.composeRow);
    node.append(el("div", { class: "inbox" }, this.list, this.conv));
    this.render();
  }

  render(opts = {}) {
    if (!this.node || !this.node.isConnected) return;
    this.renderList();
    this.renderConversation(opts);
  }

  renderList() {
    clear(this.list);
    this.actions.renderOffers(this.list);
    const chats = [...this.chats.values()].filter((c) => c.state !== "missed");
    const waiting = chats.filter((c) => c.state === "offered");
    const mine = chats.filter((c) => c.state !== "offered");
    if (!chats.length) this.list.append(el("p", { class: "empty", text: t("noChats") }));
    if (waiting.length) this.list.append(el("h3", { text: t("waiting") }));
    for (const chat of waiting) this.list.append(chatRow(this, chat, true));
    if (mine.length) this.list.append(el("h3", { text: t("myChats") }));
    for (const chat of mine) this.list.append(chatRow(this, chat, false));
  }

  chatName(chat) {
    if (chat.kind === "direct") {
      const other = chat.members.find((id) => id !== this.conn.agentId);
      return this.agents.get(other)?.name || t("team");
    }
    return visitorName(chat);
  }

  renderConversation(opts = {}) {
    const chat = this.chats.get(this.selected);
    const log = this.log;
    const sameChat = this._shown === this.selected;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this._shown = this.selected;
    clear(this.head);
    clear(this.log);
    this.conv.dataset.chatId = chat ? chat.id : "";
    this.composeRow.hidden = !chat || chat.state !== "active";
    this.actions.renderTools(this.tools, chat);
    if (!chat) {
      this.head.append(el("p", { class: "empty", text: t("pickChat") }));
      this.typingLine.textContent = "";
      return;
    }
    const v = chat.visitor;
    this.head.append(el("h2", { "data-testid": "conv-name", text: this.chatName(chat) }));
    if (v && (v.page_title || v.page_url)) {
      this.head.append(el("p", { class: "page-info" },
        el("span", { "data-testid": "page-title", text: v.page_title }), " ",
        safeLink(v.page_url, v.page_url, { "data-testid": "page-url", class: "url" })));
    }
    if (chat.state === "active" && chat.kind !== "direct") {
      this.head.append(el("button", { "data-testid": "leave", text: t("closeChat"),
        onclick: () => this.leave(chat.id) }));
    }
    if (chat.state === "offered") {
      this.log.append(el("li", { class: "sys", text: t("offeredNote") }));
      if (chat.preview) {
        this.log.append(bubble(this, "visitor", this.chatName(chat), chat.preview, { side: "left" }));
      }
    }
    const events = [...(this.events.get(chat.id)?.values() || [])].sort((a, b) => a.seq - b.seq);
    if (this.older.has(chat.id)) {
      this.log.append(el("li", { class: "sys" }, el("button", { class: "link",
        "data-testid": "earlier", text: t("earlier"), onclick: () => this.loadOlder(chat.id) })));
    }
    for (const ev of events) {
      const row = eventRow(this, ev);
      if (row) this.log.append(row);
    }
    for (const [cmid, item] of this.pending) {
      if (item.chat_id !== chat.id) continue;
      if (this.sentAlready(item)) {
        // acknowledged as a duplicate of a message the history already shows (a reload)
        this.pending.delete(cmid);
        continue;
      }
      this.log.append(bubble(this, "agent", "", item.text, { cmid, state: item.state,
        note: item.state === "failed" ? t("notSent", { code: item.code }) : t("sending") }));
    }
    if (chat.state === "closed" && !events.some((ev) => ev.kind === "closed")) {
      this.log.append(el("li", { class: "sys", text: t("chatClosedState") }));
    }
    this.renderTyping();
    // New lines keep the view at the bottom; reading earlier ones, the view stays put.
    log.scrollTop = sameChat && (opts.keepScroll || !atBottom)
      ? log.scrollHeight - fromBottom : log.scrollHeight;
    this.sendReceipt(chat, events);
  }

  renderTyping() {
    const name = this.typing.get(this.selected);
    this.typingLine.textContent = name ? t("typing", { name }) : "";
  }

  sendReceipt(chat, events) {
    if (chat.state !== "active" || document.visibilityState === "hidden") return;
    const last = events.filter((ev) => ev.author !== "agent").at(-1);
    if (!last || (chat._readSent || 0) >= last.seq) return;
    chat._readSent = last.seq;
    this.conn.notify("receipt", { seq: last.seq, read: true, chat_id: chat.id });
  }
}

// The rows of the chats page: a chat in the list (with Accept / Ignore / quick reply while it
// waits) and a chat's events as bubbles and system lines. Text only through dom.js (textContent).

import { el } from "./dom.js";
import { t } from "./i18n.js";
import { MAX_MESSAGE_CHARS } from "./protocol.js";

export function chatRow(inbox, chat, offered) {
  const row = el("div", {
    class: `chat${chat.id === inbox.selected ? " on" : ""}`,
    "data-testid": "chat", "data-chat-id": chat.id, "data-state": chat.state,
    "data-offer-round": chat.offer_round,
  },
  el("button", { class: "pick", "data-testid": "chat-open", onclick: () => inbox.select(chat.id) },
    el("span", { class: "name", "data-testid": "chat-name", text: inbox.chatName(chat) }),
    el("span", { class: "preview", "data-testid": "chat-preview", text: chat.preview || "" })));
  if (offered) {
    // N2: a quick reply takes the chat and answers in one go, from the list.
    const quick = el("input", { class: "quick", "data-testid": "quick-reply",
      maxlength: MAX_MESSAGE_CHARS, placeholder: t("quickReply"), title: t("quickReplyHint"),
      "aria-label": `${t("quickReply")} ${t("quickReplyHint")}` });
    quick.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && quick.value.trim()) {
        ev.preventDefault();
        inbox.quickReply(chat.id, quick.value);
      }
    });
    row.append(quick);
    row.append(el("div", { class: "offer" },
      el("button", { class: "primary", "data-testid": "accept", text: t("accept"),
        onclick: () => inbox.accept(chat.id) }),
      el("button", { "data-testid": "ignore", text: t("ignore"),
        onclick: () => inbox.ignore(chat.id) })));
  }
  return row;
}

export function eventRow(inbox, ev) {
  const who = ev.author_name || (ev.author === "visitor" ? inbox.chatName(inbox.chats.get(ev.chat_id) || {}) : "");
  if (ev.kind === "message" || ev.kind === "comment" || ev.kind === "file") {
    const mine = ev.author === "agent" && ev.author_id === inbox.conn.agentId;
    const direct = inbox.chats.get(ev.chat_id)?.kind === "direct";
    const chat = inbox.chats.get(ev.chat_id) || {};
    let receipt = null; // C19: how far the visitor has the agent's messages
    if (mine && ev.kind === "message" && chat.kind !== "direct") {
      if (ev.seq <= (chat.visitor_read_seq || 0)) receipt = "read";
      else if (ev.seq <= (chat.visitor_delivered_seq || 0)) receipt = "delivered";
    }
    const note = ev.kind === "comment" ? t("comment") : receipt && t(receipt);
    return bubble(inbox, ev.author === "visitor" ? "visitor" : "agent", who, ev.text, {
      seq: ev.seq, state: mine ? "sent" : null, receipt, note, comment: ev.kind === "comment",
      file: ev.kind === "file", fileInfo: ev.kind === "file" ? ev.file : null, side: ev.author === "visitor" || (direct && !mine) ? "left" : "right",
    });
  }
  const text = { joined: t("joined", { name: who }), left: t("left", { name: who }),
    closed: t("closed"), transfer: t("transferred", { name: who }) }[ev.kind];
  return text ? el("li", { class: "sys", "data-testid": "system", text }) : null;
}

export function bubble(inbox, author, who, text, opts) {
  const download = opts.fileInfo
    ? el("button", { class: "link", "data-testid": "download", text: t("download"),
      onclick: () => inbox.files.download(opts.fileInfo).catch(() => {}) })
    : null;
  return el("li", {
    class: `msg ${opts.side || "right"}${opts.comment ? " comment" : ""}${opts.file ? " file" : ""}`,
    "data-testid": "message", "data-author": author, "data-seq": opts.seq,
    "data-state": opts.state, "data-client-msg-id": opts.cmid, "data-receipt": opts.receipt,
  },
  who ? el("span", { class: "who", "data-testid": "author", text: who }) : null,
  el("span", { class: "bub", "data-testid": "text", text }),
  download,
  opts.note ? el("span", { class: "note", "data-testid": "note", text: opts.note }) : null);
}

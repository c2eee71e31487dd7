// What an agent does with an open chat besides writing (C7/C8/C9/C12/C18): transfer it to a
// colleague with a note, invite a colleague into it, block the visitor, quick phrases into the
// composer, and the answers to a colleague's transfer or invitation. Who else has the chat open
// (collision) shows in the toolbar. Every name and note is text (dom.js).

import { clear, el } from "./dom.js";
import { t } from "./i18n.js";

const MAX_NOTE = 200; // InviteColleague.note is Short; TransferChat.note allows 1000

export class ChatActions {
  constructor(conn, inbox) {
    this.conn = conn;
    this.inbox = inbox;
    this.phrases = [];
    this.offers = new Map(); // invitation id -> Invitation offered to this agent
    this.viewers = new Map(); // chat id -> agent ids with the chat open
    this.form = null; // {kind: "transfer"|"invite"|"block", chatId}
    this.notice = "";
    this.noticeChat = null;
  }

  onFrame(f) {
    switch (f.type) {
      case "welcome":
        this.loadPhrases();
        return true;
      case "phrases_changed":
        if (f.reload) this.loadPhrases();
        else this.phrases = f.phrases;
        return true;
      case "invitation_offered":
        this.offers.set(f.invitation.id, f.invitation);
        return true;
      case "invitation_answered":
        this.offers.delete(f.invitation_id);
        if (f.agent_id !== this.conn.agentId) {
          this.notice = t(f.outcome === "accepted" ? "offerAccepted" : "offerDeclined",
            { name: f.agent_name });
          this.noticeChat = f.chat_id;
        }
        return true;
      case "chat_viewers":
        this.viewers.set(f.chat_id, f.agent_ids);
        return true;
      default:
        return false;
    }
  }

  async loadPhrases() {
    try {
      const list = await this.conn.request("list_phrases", {});
      this.phrases = list.phrases;
      this.inbox.render();
    } catch {
      // the next welcome asks again
    }
  }

  colleagues() {
    return [...this.inbox.agents.values()]
      .filter((a) => a.id !== this.conn.agentId && a.status !== "offline")
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---------------------------------------------------------------- the toolbar of a chat

  renderTools(node, chat) {
    clear(node);
    if (this.notice && chat && chat.id === this.noticeChat) {
      node.append(el("p", { class: "notice", "data-testid": "notice", text: this.notice }));
    }
    if (!chat || chat.state !== "active") return;
    const others = (this.viewers.get(chat.id) || []).filter((id) => id !== this.conn.agentId);
    if (others.length) {
      const names = others.map((id) => this.inbox.agents.get(id)?.name || "").filter(Boolean);
      node.append(el("p", { class: "viewers", "data-testid": "viewers",
        text: t("viewing", { names: names.join(", ") }) }));
    }
    if (chat.kind !== "direct") {
      node.append(
        el("button", { "data-testid": "transfer", text: t("transfer"),
          onclick: () => this.open("transfer", chat.id) }),
        el("button", { "data-testid": "invite-colleague", text: t("inviteColleague"),
          onclick: () => this.open("invite", chat.id) }),
        el("button", { "data-testid": "block", text: t("block"),
          onclick: () => this.open("block", chat.id) }));
    }
    if (this.phrases.length) node.append(this.phrasePicker());
    if (this.form && this.form.chatId === chat.id) node.append(this.renderForm(chat));
  }

  open(kind, chatId) {
    this.form = this.form?.kind === kind && this.form.chatId === chatId ? null : { kind, chatId };
    this.notice = "";
    this.inbox.render();
    this.inbox.tools.querySelector("select, input")?.focus();
  }

  phrasePicker() {
    const select = el("select", { "data-testid": "phrases", "aria-label": t("phrases") },
      el("option", { value: "", text: t("phrases") }),
      this.phrases.map((ph) => el("option", { value: String(ph.id),
        text: ph.label ? `${ph.shortcut} · ${ph.label}` : `${ph.shortcut} · ${ph.text}` })));
    select.addEventListener("change", () => {
      const phrase = this.phrases.find((ph) => String(ph.id) === select.value);
      if (phrase) this.inbox.insert(phrase.text);
      select.value = "";
    });
    return select;
  }

  renderForm(chat) {
    const { kind } = this.form;
    const form = el("form", { class: "action-form", "data-testid": `${kind}-form` });
    const note = el("input", { "data-testid": "action-note", maxlength: MAX_NOTE,
      placeholder: kind === "block" ? t("blockReason") : t("note"),
      "aria-label": kind === "block" ? t("blockReason") : t("note") });
    let who = null;
    if (kind !== "block") {
      const people = this.colleagues();
      if (!people.length) {
        form.append(el("p", { class: "muted", text: t("noColleagueOnline") }));
        return form;
      }
      who = el("select", { "data-testid": "action-colleague", "aria-label": t("chooseColleague") },
        people.map((a) => el("option", { value: String(a.id), text: a.name })));
      form.append(who);
    }
    const submit = el("button", { class: "primary", type: "submit", "data-testid": "action-send",
      text: { transfer: t("transfer"), invite: t("inviteColleague"), block: t("blockConfirm") }[kind] });
    form.append(note, submit);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      const fields = { chat_id: chat.id };
      if (note.value.trim()) fields[kind === "block" ? "reason" : "note"] = note.value.trim();
      if (who) fields.agent_id = Number(who.value);
      const type = { transfer: "transfer_chat", invite: "invite_colleague", block: "block_client" }[kind];
      try {
        await this.conn.request(type, fields);
        this.form = null;
        this.notice = t({ transfer: "transferAsked", invite: "inviteAsked", block: "blocked" }[kind]);
        this.noticeChat = chat.id;
      } catch (err) {
        this.notice = t("actionFailed", { code: err.code || "" });
        this.noticeChat = chat.id;
        submit.disabled = false;
      }
      this.inbox.render();
    });
    return form;
  }

  // ---------------------------------------------------------------- offers to this agent

  renderOffers(node) {
    for (const inv of this.offers.values()) {
      if (inv.to_agent_id !== this.conn.agentId) continue;
      const key = inv.kind === "transfer" ? "transferOffer" : "inviteOffer";
      node.append(el("div", { class: "offer-box", "data-testid": "colleague-offer",
        "data-invitation-id": inv.id },
        el("p", { text: t(key, { name: inv.from_name }) }),
        el("p", { class: "who", text: this.inbox.chatName(inv.chat) }),
        inv.note ? el("p", { class: "note", "data-testid": "offer-note", text: inv.note }) : null,
        el("div", { class: "offer" },
          el("button", { class: "primary", "data-testid": "offer-accept", text: t("accept"),
            onclick: () => this.answer(inv, true) }),
          el("button", { "data-testid": "offer-decline", text: t("decline"),
            onclick: () => this.answer(inv, false) }))));
    }
  }

  async answer(inv, accept) {
    this.offers.delete(inv.id);
    try {
      await this.conn.request("answer_invitation", { invitation_id: inv.id, accept });
      if (accept) {
        const me = this.conn.agentId;
        this.inbox.upsert({ ...inv.chat, state: "active", members: [...inv.chat.members, me],
          agent_id: inv.kind === "transfer" ? me : inv.chat.agent_id });
        await this.inbox.select(inv.chat.id);
      }
    } catch {
      // it expired or was cancelled meanwhile
    }
    this.inbox.render();
  }
}

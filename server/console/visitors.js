// Visitantes (V1/V2): the visitors on the sites now, live (watch_visitors, then visitors_delta
// pushes), and a manual invitation with a message. Watching is per connection: after a
// reconnect the page asks again; it stops when the agent leaves the page.

import { clear, el, safeLink } from "./dom.js";
import { t } from "./i18n.js";

const MAX_INVITE_CHARS = 1000; // InviteVisitor.text in server/protocol/visitors.py

export class Visitors {
  constructor(conn) {
    this.conn = conn;
    this.rows = new Map(); // visitor id -> VisitorInfo
    this.node = null;
    this.watching = false;
    this.inviting = null; // visitor id whose invitation form is open
  }

  onFrame(f) {
    if (f.type === "welcome" && this.node?.isConnected) {
      this.watch(true); // a new connection: ask again
      return;
    }
    if (f.type !== "visitors_delta") return;
    if (f.reset) this.rows.clear();
    for (const v of f.updated) this.rows.set(v.id, v);
    for (const id of f.gone) this.rows.delete(id);
    this.render();
  }

  async watch(on) {
    if (this.watching === on && on === false) return;
    this.watching = on;
    try {
      await this.conn.request("watch_visitors", { watch: on });
    } catch {
      // not connected: the next welcome asks again while the page is shown
    }
  }

  mount(node) {
    this.list = el("ul", { class: "visitors", "data-testid": "visitors" });
    this.node = el("div", { class: "visitors-page" }, el("h2", { text: t("visitors") }), this.list);
    node.append(this.node);
    this.render();
    this.watch(true);
  }

  unmount() {
    if (!this.node) return;
    this.node = null;
    this.watch(false);
  }

  render() {
    if (!this.node?.isConnected) return;
    clear(this.list);
    if (!this.rows.size) this.list.append(el("li", { class: "empty", text: t("noVisitors") }));
    for (const v of this.rows.values()) this.list.append(this.row(v));
  }

  row(v) {
    const name = v.name || (v.city ? `${v.city} ${v.id}` : t("client", { id: v.id }));
    const where = [v.city, v.country].filter(Boolean).join(", ");
    const item = el("li", { class: "visitor", "data-testid": "visitor", "data-visitor-id": v.id },
      el("div", { class: "who" },
        el("strong", { "data-testid": "visitor-name", text: name }),
        where ? el("span", { class: "muted", text: ` · ${where}` }) : null,
        v.chat_state ? el("span", { class: "tag", "data-testid": "visitor-chat",
          text: t("inChat") }) : null),
      el("div", { class: "where" },
        el("span", { "data-testid": "visitor-title", text: v.page_title }), " ",
        safeLink(v.page_url, v.page_url, { "data-testid": "visitor-url", class: "url" })));
    if (this.inviting === v.id) {
      const text = el("input", { "data-testid": "invite-text", maxlength: MAX_INVITE_CHARS,
        "aria-label": t("inviteText"), placeholder: t("inviteText") });
      text.value = t("inviteDefault");
      const form = el("form", { class: "invite-form" }, text,
        el("button", { class: "primary", type: "submit", "data-testid": "invite-send",
          text: t("inviteSend") }));
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const message = text.value.trim();
        if (!message) return;
        try {
          await this.conn.request("invite_visitor", { visitor_id: v.id, text: message });
          this.inviting = null;
          this.render();
        } catch {
          text.setCustomValidity(t("inviteFailed"));
          text.reportValidity();
        }
      });
      item.append(form);
      queueMicrotask(() => text.focus());
    } else if (!v.chat_state) {
      item.append(el("button", { "data-testid": "invite", text: t("invite"),
        onclick: () => { this.inviting = v.id; this.render(); } }));
    }
    return item;
  }
}

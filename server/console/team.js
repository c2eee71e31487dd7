// Equipo: the colleagues and their status (green online, yellow away, grey offline), as the
// guide describes it; a click on a name opens the chat with that colleague (T2).

import { clear, el } from "./dom.js";
import { t } from "./i18n.js";

export class Team {
  constructor(conn, open) {
    this.conn = conn;
    this.open = open;
    this.agents = new Map();
    this.node = null;
  }

  onFrame(f) {
    if (f.type === "welcome") {
      for (const a of f.agents) this.agents.set(a.id, a);
    } else if (f.type === "agent_presence") {
      this.agents.set(f.agent.id, f.agent);
    } else {
      return;
    }
    this.render();
  }

  mount(node) {
    this.node = el("ul", { class: "team", "data-testid": "team" });
    node.append(el("h2", { text: t("team") }), this.node);
    this.render();
  }

  render() {
    if (!this.node || !this.node.isConnected) return;
    clear(this.node);
    const others = [...this.agents.values()].filter((a) => a.id !== this.conn.agentId);
    if (!others.length) this.node.append(el("li", { class: "empty", text: t("teamEmpty") }));
    for (const a of others.sort((x, y) => x.name.localeCompare(y.name))) {
      const label = { online: t("online"), away: t("away") }[a.status] || t("statusOffline");
      this.node.append(el("li", {},
        el("button", { class: "colleague", "data-testid": "colleague", "data-agent-id": a.id,
          onclick: () => this.open(a.id) },
          el("span", { class: `dot ${a.status}`, title: label, "aria-label": label }),
          el("span", { class: "name", text: a.name }),
          el("span", { class: "status", text: label }))));
    }
  }
}

// The agent console (X5): sign-in, the frame of the page (sidebar in the guide's order, the
// connection state always visible, the away switch, the language), and the pages. The chats
// page is inbox.js; pages the console does not have yet say so and point to the desktop app.

import { Connection, RelayError } from "./conn.js";
import { byId, clear, el } from "./dom.js";
import { LANGUAGES, language, pickLanguage, setLanguage, t } from "./i18n.js";
import { Inbox } from "./inbox.js";
import { Announcer } from "./notify.js";
import { Outbox, prefs, session } from "./store.js";
import { Team } from "./team.js";
import { Visitors } from "./visitors.js";

const PAGES = ["inbox", "crm", "team", "phone", "visitors", "statistics", "settings"];
const BUILT = new Set(["inbox", "team", "visitors"]);
const FINAL = new Set(["unauthenticated", "bad_credentials", "version_mismatch"]);

class App {
  constructor(root) {
    this.root = root;
    this.outbox = new Outbox();
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    this.conn = new Connection(`${scheme}//${location.host}/ws`, this.outbox, {
      onFrame: (f) => this.onFrame(f),
      onState: (state) => this.onState(state),
      onEnded: (code) => this.ended(code),
    });
    this.page = "inbox";
    this.announcer = new Announcer((action, chatId) => this.notificationAction(action, chatId));
    this.inbox = new Inbox(this.conn, this.outbox, () => this.updateTitle(), this.announcer);
    // Sound needs a user gesture first: the sign-in click, or any click after a resume.
    document.addEventListener("pointerdown", () => this.announcer.unlock(), { once: true });
    this.team = new Team(this.conn, (agentId) => this.openColleague(agentId));
    this.visitors = new Visitors(this.conn);
    setLanguage(pickLanguage(prefs.language(), navigator.language));
  }

  async start() {
    const token = session.token();
    if (!token) {
      this.showSignIn("");
      return;
    }
    this.showShell();
    try {
      await this.conn.authenticate(token);
    } catch (err) {
      if (err instanceof RelayError && FINAL.has(err.code)) {
        session.forget();
        this.showSignIn(t("sessionEnded"));
      } else {
        // The relay is down: the saved session is tried again and again, as after a drop.
        this.conn._reconnect(500);
      }
    }
  }

  // ------------------------------------------------------------------ sign-in

  showSignIn(message) {
    document.title = t("title");
    clear(this.root);
    const email = el("input", {
      id: "email", type: "email", autocomplete: "username", required: true,
      "data-testid": "email",
    });
    const password = el("input", {
      id: "password", type: "password", autocomplete: "current-password", required: true,
      "data-testid": "password",
    });
    const remember = el("input", { id: "remember", type: "checkbox", "data-testid": "remember" });
    const error = el("p", { class: "error", role: "alert", "data-testid": "sign-in-error",
      text: message });
    const button = el("button", { type: "submit", "data-testid": "sign-in", text: t("signIn") });
    const form = el(
      "form",
      { class: "sign-in", "data-testid": "sign-in-form" },
      el("h1", { text: t("signInTitle") }),
      el("label", { for: "email", text: t("email") }), email,
      el("label", { for: "password", text: t("password") }), password,
      el("label", { class: "check" }, remember, " ", t("remember")),
      error,
      button,
      this.languagePicker(() => this.showSignIn(error.textContent)),
    );
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      this.announcer.unlock();
      button.disabled = true;
      error.textContent = "";
      try {
        const welcome = await this.conn.signIn(email.value.trim(), password.value);
        session.save(welcome.token, remember.checked);
        this.showShell();
        this.onFrame(welcome);
      } catch (err) {
        button.disabled = false;
        error.textContent =
          err instanceof RelayError && err.code === "bad_credentials"
            ? t("badCredentials")
            : t("signInFailed");
      }
    });
    this.root.append(el("main", { class: "center" }, form));
    email.focus();
  }

  ended(code) {
    session.forget();
    this.showSignIn(code === "signed_out" ? "" : t("sessionEnded"));
  }

  // ------------------------------------------------------------------ the shell

  showShell() {
    clear(this.root);
    this.stateBadge = el("span", { class: "conn", "data-testid": "conn-state", role: "status" });
    this.status = el(
      "select",
      { "data-testid": "status", "aria-label": t("online") },
      el("option", { value: "online", text: t("online") }),
      el("option", { value: "away", text: t("away") }),
    );
    this.status.value = this.conn.status;
    this.status.addEventListener("change", () => this.setStatus(this.status.value));
    this.me = el("span", { class: "me", "data-testid": "me" });
    const signOut = el("button", { "data-testid": "sign-out", text: t("signOut"),
      onclick: () => this.signOut() });
    const header = el(
      "header",
      { class: "top" },
      this.stateBadge,
      el("span", { class: "grow" }),
      this.me,
      this.status,
      this.languagePicker(() => this.rerender()),
      signOut,
    );
    this.nav = el("nav", { class: "side", "aria-label": "pages" });
    this.main = el("section", { class: "page", "data-testid": "page" });
    this.root.append(header, el("div", { class: "body" }, this.nav, this.main));
    this.renderNav();
    this.renderPage();
    this.onState(this.conn.state);
    this.updateMe();
  }

  rerender() {
    if (!this.main) return;
    this.showShell();
  }

  languagePicker(after) {
    const select = el("select", { "data-testid": "language", "aria-label": t("language") },
      LANGUAGES.map((code) => el("option", { value: code, text: code.toUpperCase() })));
    select.value = language();
    select.addEventListener("change", () => {
      prefs.setLanguage(select.value);
      setLanguage(select.value);
      after();
      this.updateTitle();
    });
    return select;
  }

  renderNav() {
    clear(this.nav);
    for (const page of PAGES) {
      const button = el("button", {
        class: page === this.page ? "on" : "",
        "data-testid": `nav-${page}`,
        "aria-current": page === this.page ? "page" : null,
        onclick: () => this.go(page),
      }, t(page));
      if (page === "inbox") {
        this.waitingBadge = el("span", { class: "badge", "data-testid": "waiting-count" });
        button.append(this.waitingBadge);
      }
      this.nav.append(button);
    }
    this.updateTitle();
  }

  go(page) {
    this.page = page;
    this.renderNav();
    this.renderPage();
  }

  renderPage() {
    if (this.page !== "visitors") this.visitors.unmount();
    clear(this.main);
    this.main.dataset.page = this.page;
    if (this.page === "inbox") this.inbox.mount(this.main);
    else if (this.page === "team") this.team.mount(this.main);
    else if (this.page === "visitors") this.visitors.mount(this.main);
    else if (!BUILT.has(this.page)) {
      this.main.append(el("div", { class: "not-here", "data-testid": "not-here" },
        el("h2", { text: t(this.page) }),
        el("p", { text: t("notHere", { page: t(this.page) }) }),
        el("p", { text: t("useDesktop") })));
    }
  }

  notificationAction(action, chatId) {
    if (this.page !== "inbox") this.go("inbox");
    if (action === "accept") this.inbox.accept(chatId);
    else if (action === "ignore") this.inbox.ignore(chatId);
    else this.inbox.select(chatId);
  }

  openColleague(agentId) {
    this.go("inbox");
    this.inbox.openDirect(agentId);
  }

  onState(state) {
    if (!this.stateBadge) return;
    const key = {
      connected: "stateConnected", connecting: "stateConnecting",
      disconnected: "stateDisconnected", closed: "stateClosed",
    }[state];
    this.stateBadge.textContent = t(key);
    this.stateBadge.dataset.state = state;
    this.inbox.connectionChanged(state);
  }

  onFrame(f) {
    if (f.type === "welcome") {
      session.refresh(f.token);
      this.welcome = f;
      this.updateMe();
    }
    this.inbox.onFrame(f);
    this.team.onFrame(f);
    this.visitors.onFrame(f);
  }

  updateMe() {
    if (!this.me || !this.welcome) return;
    this.me.textContent = this.welcome.agent.name;
  }

  updateTitle() {
    const n = this.inbox.waitingCount();
    document.title = n > 0 ? t("waitingTitle", { n }) : t("title");
    if (this.waitingBadge) this.waitingBadge.textContent = n > 0 ? String(n) : "";
  }

  async setStatus(status) {
    this.conn.status = status;
    try {
      await this.conn.request("set_status", { status });
    } catch {
      // sent again with the next authenticate (conn.status)
    }
  }

  async signOut() {
    await this.conn.signOut();
    session.forget();
    this.main = null;
    this.showSignIn("");
  }
}

const app = new App(byId("root"));
window.jivoConsole = app; // for a person at the browser's devtools; tests do not need it
app.start();

/*! Jivo live chat widget: <script src="https://RELAY/widget.js" data-site="SITE_KEY" async>.
 * Open Shadow DOM on #jivo-chat-widget; all data rendered as text; protocol: docs/protocol.md */
(() => {
  'use strict';
  if (typeof document === 'undefined' || document.getElementById('jivo-chat-widget')) return;

  // -- configuration
  var script = document.currentScript;
  if (!script || !script.getAttribute('data-site')) {
    script = null;
    var all = document.querySelectorAll('script[data-site]');
    for (var i = 0; i < all.length; i++) {
      if (/\/widget\.js([?#].*)?$/.test(all[i].src)) { script = all[i]; break; }
    }
  }
  if (!script) return;
  var SITE = script.getAttribute('data-site');
  var SRC = new URL(script.src, location.href);
  var WS_URL = (SRC.protocol === 'https:' ? 'wss://' : 'ws://') + SRC.host + '/ws';
  var MAX_HISTORY = 300;

  // -- strings (en, es, pt, ru)
  var STRINGS = {
    en: {
      title: 'Chat with us', online: 'Online', leave: 'Leave us a message', offline: 'Offline: leave us a message',
      connecting: 'Connecting…', unavailable: 'Unavailable', placeholder: 'Type a message…', send: 'Send',
      close: 'Close chat', typing: 'Agent is typing…', typingName: '{name} is typing…',
      joined: '{name} joined the chat', left: '{name} left the chat', closed: 'The chat has ended',
      agent: 'Agent', sending: 'Sending…', failed: 'Not sent', retry: 'Retry',
      kept: 'Your message was not delivered. It is kept here: press Retry to send it again.',
      blocked_send: 'The chat refused your message. It is kept here: press Retry to send it later.',
      offlineIntro: 'Nobody is online now. Leave a message and we will answer by e-mail.', name: 'Name',
      missed: 'Sorry, nobody could answer in time. Leave a message and we will answer by e-mail.',
      email: 'E-mail', phone: 'Phone', message: 'Message', sendOffline: 'Send message',
      offlineThanks: 'Thank you! We will answer by e-mail.', backToChat: 'Back to the conversation',
      another: 'Write another message', contact: 'Contact details', save: 'Save', cancel: 'Cancel',
      saved: 'Thank you, your details are saved.', needEmail: 'Please enter a valid e-mail.',
      blocked: 'The chat is not available on this page.',
      rate_limited: 'You are sending too fast. Please wait a moment.',
      message_too_long: 'That message is too long. Please shorten it.',
      empty_message: 'The message is empty.', generic: 'Something went wrong. Please try again.', emoji: 'Emoji'
    }
  };
  // B4: data-lang, else the browser's language if the widget speaks it, else the site's (K1, kept
  // from the last welcome), else English; the same on every page.
  var siteLang = null, LANGS = /^(en|es|pt|ru)$/;
  try { siteLang = localStorage.getItem('jivo:' + SITE + ':lang'); } catch (e) { /* no storage */ }
  var lang = [script.getAttribute('data-lang'), navigator.language, siteLang]
    .map((l) => String(l || '').slice(0, 2).toLowerCase()).filter((l) => LANGS.test(l))[0] || 'en';
  var T = STRINGS.en;

  // -- modules: server/widget/mod/NAME.js, fetched from the relay on first need so that the core
  // stays under 40 KB. A module runs window['jivo_NAME']((api) => ({ frame(f), event(ev) })).
  var ROUTE = { visitor_invitation: 'invite', visitor_blocked: 'block', requeued: 'departments', pointer: 'pointer', callback_requested: 'callback' }; // frame type or event kind -> module name
  // C14 files, C17 sneak peek: server/widget/mod/files.js (loaded at welcome).
  'file upload_ready file_stored file_link_granted'.split(' ').forEach((k) => { ROUTE[k] = 'files'; });
  var mods = {};
  var api;
  function mod(name) {
    return mods[name] || (mods[name] = new Promise((ok, fail) => {
      window['jivo_' + name] = (fn) => { delete window['jivo_' + name]; ok(fn(api)); };
      var s = document.createElement('script');
      s.src = SRC.origin + '/widget/' + name + '.js';
      s.onerror = () => { delete mods[name]; fail(new Error(name)); };
      document.head.appendChild(s);
    }));
  }
  // The stylesheet (mod/style.js) and the strings come first; without its styles the widget stays away.
  var CSS = '';
  Promise.all([mod('style').then((c) => { CSS = c; }, () => {}),
    lang !== 'en' && mod('lang-' + lang).then((t) => { T = t; }, () => {})]).then(() => { if (CSS) boot(); });

  function boot() {
  // -- storage (localStorage or memory)
  var mem = {};
  function key(k) { return 'jivo:' + SITE + ':' + k; }
  function sget(k) {
    try { return window.localStorage.getItem(key(k)); } catch (e) { return mem.hasOwnProperty(k) ? mem[k] : null; }
  }
  function sset(k, v) {
    try {
      if (v === null) window.localStorage.removeItem(key(k)); else window.localStorage.setItem(key(k), v);
    } catch (e) { if (v === null) delete mem[k]; else mem[k] = v; }
  }
  function jget(k, dflt) {
    try { var v = JSON.parse(sget(k)); return v == null ? dflt : v; } catch (e) { return dflt; }
  }
  function jset(k, v) { sset(k, JSON.stringify(v)); }

  // The outbox lives in storage only (read-modify-write), so tabs of one visitor do not
  // overwrite each other's unsent messages.
  function outbox() { var o = jget('outbox', []); return Array.isArray(o) ? o : []; }
  function outboxAdd(entry) { var o = outbox(); o.push(entry); jset('outbox', o); }
  function outboxDrop(mid) { jset('outbox', outbox().filter((e) => e.m !== mid)); }
  // Item 3, B5: an entry counts its sends (n) and keeps the refusal (f) that stopped it, so a
  // message that fails stays here, after a reload too, until the visitor retries it.
  function outboxSet(mid, v) { jset('outbox', outbox().map((e) => e.m === mid ? Object.assign(e, v) : e)); }

  function uuid() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') { try { return c.randomUUID(); } catch (e) { /* insecure context */ } }
    var b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (var j = 0; j < 16; j++) b[j] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(b, (x) => (x + 256).toString(16).slice(1)).join('');
  }

  // -- state
  var hist = jget('history', []);
  if (!Array.isArray(hist)) hist = [];
  var known = new Set(hist.map((e) => e.cursor));
  var cursor = parseInt(sget('cursor'), 10) || null;
  var ws = null, ready = false, fatal = false, attempt = 0, timer = null, conn = 0;
  var rid = 0, reqs = {}, lastFrameAt = 0, pingTimer = null;
  var agentsOnline = null, view = 'chat', userChat = false, offlineSent = false;
  // Whether a chat is in progress: then the offline form must not push the conversation away.
  // N3: a missed chat ends like a closed one, on the offline form.
  var lastEv = hist.length ? hist[hist.length - 1] : { kind: 'closed' };
  var missed = plainMiss(lastEv), chatOpen = !/^(closed|missed)$/.test(lastEv.kind);
  // P2: a missed callback request (text "callback") is a task for the agents, not the offline form.
  function plainMiss(e) { return e.kind === 'missed' && e.text !== 'callback'; }
  var isOpen = sget('open') === '1', unread = 0, lastPV = null;
  var typingSentAt = 0, typingActive = false, typingIdle = null, agentTypingTimer = null;
  var noticeTimer = null, retryTimer = null, synced = false, shown = false;
  var sent = {}; // client_msg_id -> connection serial it was sent on
  var tries = {}; // client_msg_id -> sends that the relay refused for a passing reason

  // -- DOM helpers (text only)
  function h(tag, cls, attrs, kids) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    Object.keys(attrs || {}).forEach((k) => e.setAttribute(k, attrs[k]));
    (kids || []).forEach((c) => { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  // The sentence's parts as nodes ("$&" in a name stays literal text); item 7: the name is in
  // a <bdi>, so a bidi override in it cannot reorder the sentence around it.
  function fmt(key, name) {
    var parts = T[key].split('{name}');
    return [parts[0], h('bdi', null, null, [String(name)])].concat(parts.slice(1));
  }
  var ICONS = {
    chat: 'M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z',
    close: 'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
    send: 'M2.01 21 23 12 2.01 3 2 10l15 2-15 2z',
    person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z'
  };
  function icon(name) {
    var ns = 'http://www.w3.org/2000/svg';
    var s = document.createElementNS(ns, 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('data-icon', name);
    var p = document.createElementNS(ns, 'path');
    p.setAttribute('d', ICONS[name]);
    s.appendChild(p);
    return s;
  }
  function clockText(ts) {
    try { return new Date(ts * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); } catch (e) { return ''; }
  }
  // Message text: plain text nodes, and http(s) links as anchors whose href is parsed and checked.
  function richText(parent, text) {
    var re = /\bhttps?:\/\/[^\s<>"']+/gi, at = 0, m;
    text = String(text);
    while ((m = re.exec(text))) {
      var raw = m[0].replace(/[.,;:!?)\]]+$/, ''), href = null;
      try { var u = new URL(raw); if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href; } catch (e) { href = null; }
      if (!href) continue;
      parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      var a = h('a', null, { href: href, target: '_blank', rel: 'noopener noreferrer nofollow', 'data-link': '' });
      a.textContent = raw;
      parent.appendChild(a);
      at = m.index + raw.length;
      re.lastIndex = at;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // -- building the UI
  var host = h('div', null, { id: 'jivo-chat-widget' });
  var root = host.attachShadow({ mode: 'open' });
  // Item 1: a constructed sheet, which a page's CSP (style-src) does not block, as it blocks a
  // <style> element or a style attribute; old browsers get the <style> element.
  function css(text) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
    } catch (e) { root.appendChild(h('style', null, null, [text])); }
  }
  css(CSS);

  var badge = h('span', 'badge', { 'data-testid': 'badge', hidden: '' });
  var launcher = h('button', 'launcher', { type: 'button', 'data-testid': 'launcher', 'aria-label': T.title }, [icon('chat'), badge]);
  var hName = h('div', 'hn', { 'data-testid': 'site-name', dir: 'auto' });
  var hStatusText = h('span', null, { 'data-testid': 'status' });
  var hStatus = h('div', 'hs', null, [h('span', 'dot'), hStatusText]);
  var contactBtn = h('button', 'ib', { type: 'button', 'data-testid': 'contact-open', 'aria-label': T.contact, title: T.contact }, [icon('person')]);
  var closeBtn = h('button', 'ib', { type: 'button', 'data-testid': 'close', 'aria-label': T.close, title: T.close }, [icon('close')]);
  var header = h('div', 'hd', null, [h('div', 'ht', null, [hName, hStatus]), contactBtn, closeBtn]);
  var notice = h('div', 'notice', { 'data-testid': 'notice', role: 'status', 'aria-live': 'polite', hidden: '' });
  var list = h('div', 'list', { 'data-testid': 'messages', role: 'log', 'aria-live': 'polite' });
  var typingEl = h('div', 'typing', { 'data-testid': 'typing', hidden: '' });
  var input = h('textarea', 'in', { 'data-testid': 'input', rows: '1', placeholder: T.placeholder, 'aria-label': T.placeholder });
  var sendBtn = h('button', 'sb', { type: 'button', 'data-testid': 'send', 'aria-label': T.send, title: T.send }, [icon('send')]);
  // C13: the emoji picker (mod/emoji.js) loads on the first click.
  var emojiBtn = h('button', 'ib eb', { type: 'button', 'data-testid': 'emoji-open', 'aria-label': T.emoji, title: T.emoji }, ['\u263a']);
  var composer = h('div', 'comp', null, [input, emojiBtn, sendBtn]);
  var chatPane = h('div', 'dc', null, [list, typingEl, composer]);

  function field(label, tag, attrs) {
    var f = h(tag, 'fi', attrs);
    return { input: f, el: h('label', 'lbl', null, [label, f]) };
  }
  var offIntro = h('p', 'intro', { 'data-testid': 'offline-intro' });
  var offName = field(T.name, 'input', { 'data-testid': 'offline-name', type: 'text', maxlength: '200', autocomplete: 'name' });
  var offEmail = field(T.email, 'input', { 'data-testid': 'offline-email', type: 'email', maxlength: '200', autocomplete: 'email' });
  var offText = field(T.message, 'textarea', { 'data-testid': 'offline-text', maxlength: '5000' });
  var offErr = h('div', 'err', { 'data-testid': 'offline-error' });
  var offSend = h('button', 'btn', { type: 'submit', 'data-testid': 'offline-send' }, [T.sendOffline]);
  var offBack = h('button', 'lnk', { type: 'button', 'data-testid': 'offline-back' }, [T.backToChat]);
  var offForm = h('form', 'dc', { novalidate: '' },
    [offIntro, offName.el, offEmail.el, offText.el, offErr, offSend]);
  var offThanks = h('div', 'dc', { hidden: '' }, [
    h('div', 'ok', { 'data-testid': 'offline-thanks' }, [T.offlineThanks]),
    h('button', 'lnk', { type: 'button', 'data-testid': 'offline-again' }, [T.another])]);
  var offlinePane = h('div', 'form', { 'data-testid': 'offline-form' }, [offForm, offThanks, offBack]);

  var cName = field(T.name, 'input', { 'data-testid': 'contact-name', type: 'text', maxlength: '200', autocomplete: 'name' });
  var cEmail = field(T.email, 'input', { 'data-testid': 'contact-email', type: 'email', maxlength: '200', autocomplete: 'email' });
  var cPhone = field(T.phone, 'input', { 'data-testid': 'contact-phone', type: 'tel', maxlength: '200', autocomplete: 'tel' });
  var cErr = h('div', 'err', { 'data-testid': 'contact-error' });
  var cSave = h('button', 'btn', { type: 'submit', 'data-testid': 'contact-save' }, [T.save]);
  var cCancel = h('button', 'lnk', { type: 'button', 'data-testid': 'contact-cancel' }, [T.cancel]);
  var contactPane = h('form', 'form', { 'data-testid': 'contact-form', novalidate: '' },
    [cName.el, cEmail.el, cPhone.el, cErr, cSave, cCancel]);

  var win = h('div', 'win', { 'data-testid': 'window', role: 'dialog', 'aria-label': T.title, hidden: '' },
    [header, notice, chatPane, offlinePane, contactPane]);
  var shell = h('div', 'w', null, [win, launcher]);
  root.appendChild(shell);

  // -- rendering
  function siteName() { return sget('site_name') || T.title; }

  function render() {
    hName.textContent = siteName();
    // A conversation in progress keeps its agent (away agents keep their chats): never "offline".
    var v = view === 'contact' ? 'contact' : ((agentsOnline === false || missed) && !chatOpen && !userChat) ? 'offline' : 'chat';
    // B9: never "Online" beside "nobody could answer in time" or the offline form.
    var live = (agentsOnline || chatOpen) && v !== 'offline';
    hStatusText.textContent = fatal ? T.unavailable : !ready ? T.connecting : live ? T.online : agentsOnline ? T.leave : T.offline;
    hStatus.className = 'hs' + (ready && live && !fatal ? ' on' : '');
    shell.className = 'w' + (isOpen ? ' open' : '');
    shell.hidden = !shown;
    win.hidden = !isOpen;
    launcher.setAttribute('aria-label', isOpen ? T.close : T.title);
    badge.hidden = isOpen || !unread;
    badge.textContent = unread > 9 ? '9+' : String(unread);
    chatPane.hidden = v !== 'chat';
    offlinePane.hidden = v !== 'offline';
    contactPane.hidden = v !== 'contact';
    offForm.hidden = offlineSent;
    offThanks.hidden = !offlineSent;
    offIntro.textContent = missed ? T.missed : T.offlineIntro;
    offBack.hidden = !hist.length;
    contactBtn.hidden = fatal;
    input.disabled = sendBtn.disabled = fatal;
  }

  function showNotice(text, sticky) {
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    if (!sticky) noticeTimer = setTimeout(() => { notice.hidden = true; }, 8000);
  }

  function nearBottom() { return list.scrollHeight - list.scrollTop - list.clientHeight < 80; }
  function scrollDown() { list.scrollTop = list.scrollHeight; }

  // Sent and received rows are ordered by cursor; rows still sending stay below them.
  function place(el) {
    var stick = nearBottom(), c = +el.getAttribute('data-cursor');
    var ref = list.querySelector('[data-state="sending"]'), prev = ref ? ref.previousSibling : list.lastChild;
    while (prev && +prev.getAttribute('data-cursor') > c) { ref = prev; prev = prev.previousSibling; }
    list.insertBefore(el, ref);
    if (stick) scrollDown();
  }

  function msgRow(author, name, text, ts, state, mid) {
    var me = author === 'visitor';
    var bub = h('div', 'bub', { dir: 'auto' }); // item 7: visitor and agent text isolated
    richText(bub, text);
    var meta = h('div', 'meta', { 'data-testid': 'meta' });
    var row = h('div', 'row ' + (me ? 'me' : 'them'), { 'data-testid': 'message', 'data-author': author, 'data-state': state });
    if (mid) row.setAttribute('data-client-msg-id', mid);
    if (!me) row.appendChild(h('div', 'who', { 'data-testid': 'author', dir: 'auto' }, [name || T.agent]));
    row.appendChild(bub);
    row.appendChild(meta);
    setState(row, state, ts);
    return row;
  }
  function setState(row, state, ts) {
    row.setAttribute('data-state', state);
    var meta = row.lastChild;
    meta.textContent = state === 'sending' ? T.sending : state === 'failed' ? T.failed + ' · ' : clockText(ts);
    if (state === 'failed') meta.appendChild(h('button', 'lnk rt', { type: 'button', 'data-testid': 'retry' }, [T.retry]));
  }
  function rowFor(mid) {
    var rows = list.querySelectorAll('[data-client-msg-id]');
    for (var j = 0; j < rows.length; j++) if (rows[j].getAttribute('data-client-msg-id') === mid) return rows[j];
    return null;
  }

  function renderEvent(ev) {
    var row;
    if (ev.kind === 'message') {
      var existing = ev.client_msg_id && rowFor(ev.client_msg_id);
      if (existing) {
        setState(existing, 'sent', ev.ts);
        existing.setAttribute('data-cursor', ev.cursor);
        existing.remove();
        place(existing);
        return;
      }
      row = msgRow(ev.author, ev.author_name, ev.text, ev.ts, 'sent', ev.client_msg_id);
    } else {
      var text = ev.kind === 'joined' ? fmt('joined', ev.author_name || T.agent)
        : ev.kind === 'left' ? fmt('left', ev.author_name || T.agent)
          : ev.kind === 'closed' ? [T.closed] : '';
      var r = plainMiss(ev) ? '' : ev.kind === 'missed' ? 'callback' : ROUTE[ev.kind];
      if (!text) return r && mod(r).then((m) => m.event(ev));
      row = h('div', 'sys', { 'data-testid': 'system', 'data-kind': ev.kind }, text);
    }
    row.setAttribute('data-cursor', ev.cursor);
    place(row);
  }

  function renderAll() {
    while (list.firstChild) list.removeChild(list.firstChild);
    hist.forEach(renderEvent);
    outbox().forEach((o) => { if (!rowFor(o.m)) list.appendChild(msgRow('visitor', '', o.t, o.ts, o.f ? 'failed' : 'sending', o.m)); });
    if (outbox().some((o) => o.f)) showNotice(T.kept, true);
    scrollDown();
  }

  // -- history
  function saveHistory() {
    // Merge with what another tab of this visitor may have stored meanwhile.
    var stored = jget('history', []), byCursor = {};
    (Array.isArray(stored) ? stored : []).concat(hist).forEach((e) => { if (e && e.cursor) byCursor[e.cursor] = e; });
    var merged = Object.keys(byCursor).map((c) => byCursor[c])
      .sort((a, b) => a.cursor - b.cursor).slice(-MAX_HISTORY);
    jset('history', merged);
  }
  function addEvent(ev, live) {
    if (typeof ev.cursor !== 'number') return;
    if (!cursor || ev.cursor > cursor) { cursor = ev.cursor; sset('cursor', String(cursor)); }
    if (known.has(ev.cursor)) return;
    known.add(ev.cursor);
    hist.push(ev);
    if (hist.length > MAX_HISTORY) hist = hist.slice(-MAX_HISTORY);
    saveHistory();
    if (ev.client_msg_id && ev.author === 'visitor') outboxDrop(ev.client_msg_id);
    renderEvent(ev);
    missed = plainMiss(ev);
    chatOpen = !/^(closed|missed)$/.test(ev.kind);
    if (missed) userChat = offlineSent = false;
    if (ev.author === 'agent' && ev.kind === 'message') {
      if (ev.chat_id !== rChat) { rChat = ev.chat_id; rSeq = 0; }
      rSeq = Math.max(rSeq, ev.seq);
      receipt();
      showTyping(false);
      if (live && !isOpen) { unread++; render(); }
    }
    render();
  }

  // C19: tell the agents what arrived here, and what the visitor has in front of them.
  var rChat = 0, rSeq = 0;
  function receipt() { if (rSeq) send({ type: 'receipt', seq: rSeq, read: isOpen && !document.hidden }); }
  document.addEventListener('visibilitychange', () => { receipt(); send({ type: 'page_hidden', hidden: document.hidden }); });

  // -- connection
  function send(frame) {
    if (!ws || ws.readyState !== 1) return false;
    try { ws.send(JSON.stringify(frame)); return true; } catch (e) { return false; }
  }
  function request(frame, meta) { frame.id = ++rid; reqs[frame.id] = meta || {}; return send(frame); }

  function connect() {
    if (ws || fatal) return;
    clearTimeout(timer);
    timer = null;
    var sock;
    try { sock = new WebSocket(WS_URL); } catch (e) { scheduleReconnect(); return; }
    ws = sock;
    conn++;
    sock.onopen = function () {
      if (ws !== sock) return;
      lastFrameAt = Date.now();
      var token = sget('token');
      request({
        type: 'visitor_hello', site_key: SITE, visitor_token: token || null, protocol: 1, cursor: cursor,
        page_url: location.href.slice(0, 2048), page_title: String(document.title).slice(0, 200)
      });
      clearInterval(pingTimer);
      pingTimer = setInterval(heartbeat, 25000);
    };
    sock.onmessage = function (e) {
      if (ws !== sock) return;
      lastFrameAt = Date.now();
      var f;
      try { f = JSON.parse(e.data); } catch (err) { return; }
      if (f && typeof f.type === 'string') onFrame(f);
    };
    sock.onerror = function () { /* a close event follows */ };
    sock.onclose = function (e) {
      if (ws !== sock) return;
      ws = null;
      ready = false;
      reqs = {};
      clearInterval(pingTimer);
      showTyping(false);
      stopTyping(true);
      // Refused for good (origin not allowed, unknown site, old protocol): retrying cannot help.
      // (An unknown visitor token is not one of these: the relay makes a new visitor.)
      if (e.code === 4401 || e.code === 4403 || e.code === 4426) return refused('', e.reason);
      shown = true; // the relay may be down for a while: the visitor still sees the chat
      render();
      scheduleReconnect();
    };
  }

  // Item 2: the relay refused this page for good. Tell the site's owner in the console, once, and
  // show no launcher: it could never work.
  function refused(code, why) {
    var o = location.origin;
    console.warn(code === 'origin_not_allowed'
      ? 'Jivo chat: this page\'s origin ' + o + ' is not allowed for the site "' + SITE + '", so the chat is hidden. ' +
        'Allow it in the desktop app (Ajustes \u2192 Canales \u2192 the site \u2192 Allowed origins) or on the relay with: jivo-relay add-site NAME --origin ' + o
      : 'Jivo chat: the relay ' + SRC.origin + ' refused the site "' + SITE + '" (' + (why || code) + '), so the chat is hidden. ' +
        'Check the snippet\'s data-site and that the site\'s chat is on (Ajustes \u2192 Canales).');
    stopForGood();
    observer.disconnect();
    host.remove();
  }

  function stopForGood() {
    fatal = true;
    ready = false;
    clearTimeout(timer);
    clearInterval(pingTimer);
    if (ws) { var s = ws; ws = null; try { s.close(1000); } catch (e) { /* closed */ } }
    showNotice(T.blocked, true);
    render();
  }

  function scheduleReconnect() {
    if (fatal || timer) return;
    // Exponential backoff from 0.5 s doubling to 15 s, with jitter so that a relay restart
    // is not met by every visitor at the same instant.
    var base = Math.min(15000, 500 * Math.pow(2, attempt++));
    timer = setTimeout(() => { timer = null; connect(); }, base / 2 + Math.random() * base / 2);
  }

  function heartbeat() {
    if (!ws) return;
    if (Date.now() - lastFrameAt > 70000) { try { ws.close(4000, 'no answer'); } catch (e) { /* closed */ } return; }
    request({ type: 'ping' });
  }

  window.addEventListener('online', () => { if (!ws && !fatal) { attempt = 0; connect(); } });

  // -- frames from the relay
  function onFrame(f) {
    var meta = typeof f.id === 'number' ? reqs[f.id] : null;
    if (typeof f.id === 'number' && f.type !== 'error') delete reqs[f.id];
    switch (f.type) {
      case 'visitor_welcome': return onWelcome(f);
      case 'event_push': return f.event && addEvent(f.event, synced);
      case 'sync_done':
        synced = true;
        if (f.cursor > (cursor || 0)) { cursor = f.cursor; sset('cursor', String(cursor)); }
        return flushOutbox();
      case 'message_acked': return onAck(f);
      case 'agents_available':
        agentsOnline = !!f.online;
        if (agentsOnline) userChat = false;
        return render();
      case 'typing_changed':
        if (f.who === 'agent') showTyping(!!f.active, f.name);
        return;
      case 'ok':
        if (meta && meta.kind === 'offline') { offlineSent = true; offText.input.value = ''; render(); }
        if (meta && meta.kind === 'contact') { view = 'chat'; showNotice(T.saved); render(); }
        if (meta && meta.done) meta.done(); // a module's request (C15 pointer_pick)
        return;
      case 'error': return onError(f, meta);
      default: if (ROUTE[f.type]) mod(ROUTE[f.type]).then((m) => m.frame(f));
    }
  }
  function onWelcome(f) {
    var prevVisitor = sget('visitor');
    if (prevVisitor && String(f.visitor_id) !== prevVisitor) {
      // Not the visitor the stored history belongs to (the relay made a new one): forget it.
      hist = [];
      known = new Set();
      cursor = null;
      sset('cursor', null);
      jset('history', []);
      renderAll();
    }
    sset('token', f.visitor_token);
    sset('visitor', String(f.visitor_id));
    if (f.site_name) sset('site_name', f.site_name);
    if (f.language) sset('lang', f.language);
    agentsOnline = !!f.agents_online;
    chatOpen = !!f.chat && (f.chat.state === 'offered' || f.chat.state === 'active');
    ready = shown = true;
    synced = false;
    attempt = 0;
    mod('files').then((m) => m.welcome(f), () => {});
    // C15: the agent's own browser, opened by the app with a one-time token: pick mode.
    if (/[#&]jivo-pointer=/.test(location.hash)) mod('pointer').then((m) => m.pick(), () => {});
    if ((f.departments || []).length > 1) mod('departments').then((m) => m.frame(f), () => {}); // T4
    if (f.callbacks) mod('callback').catch(() => {}); // P2: the phone button
    render();
    pageView();
  }

  function onAck(f) {
    var mid = f.client_msg_id;
    outboxDrop(mid);
    delete sent[mid];
    delete tries[mid];
    var row = rowFor(mid);
    if (row && typeof f.cursor === 'number' && !known.has(f.cursor)) {
      known.add(f.cursor);
      hist.push({
        cursor: f.cursor, chat_id: f.chat_id, seq: f.seq, kind: 'message', author: 'visitor',
        author_name: '', text: row.querySelector('.bub').textContent, client_msg_id: mid, ts: f.ts
      });
      hist.sort((a, b) => a.cursor - b.cursor);
      saveHistory();
    }
    if (row) {
      setState(row, 'sent', f.ts);
      row.setAttribute('data-cursor', f.cursor);
      row.remove();
      place(row);
    }
    render();
  }

  function onError(f, meta) {
    if (typeof f.id === 'number') delete reqs[f.id];
    if (meta && meta.done) return meta.done(f.code);
    if (api.onError && api.onError(f)) return;
    var code = f.code;
    if (!ready && /^(origin_not_allowed|unknown_site|version_mismatch|forbidden)$/.test(code)) return refused(code, f.message);
    if (meta && meta.kind === 'send') {
      var mid = meta.m, row = rowFor(mid);
      delete sent[mid];
      if (code === 'no_agents_online') {
        outboxDrop(mid);
        if (row) row.remove();
        offText.input.value = meta.t;
        agentsOnline = false;
        chatOpen = userChat = false;
        offlineSent = false;
        return render();
      }
      if (/^(rate_limited|internal|chat_closed)$/.test(code) && (tries[mid] || 0) < RETRIES) {
        // A passing refusal: the message stays in the outbox and goes again after 1, 2, 4 s.
        clearTimeout(retryTimer);
        tries[mid] = (tries[mid] || 0) + 1;
        retryTimer = setTimeout(flushOutbox, 500 * Math.pow(2, tries[mid]));
        return code === 'rate_limited' && showNotice(T.rate_limited);
      }
      // Not sent, and kept (outbox, row) with a Retry button; the visitor is told why.
      return failed(mid, code);
    }
    if (meta && meta.kind === 'offline') offErr.textContent = T[code] || T.generic;
    if (meta && meta.kind === 'contact') cErr.textContent = T[code] || T.generic;
    if (meta && meta.kind === 'ping') return;
    showNotice(T[code] || T.generic);
  }

  // -- sending
  var RETRIES = 3;
  function failed(mid, code) {
    var row = rowFor(mid);
    outboxSet(mid, { f: code });
    if (row) setState(row, 'failed');
    showNotice(T[/^(ip_)?blocked$/.test(code) ? 'blocked_send' : code] || T.kept, true);
  }
  function sendOne(o) {
    if (!ready || sent[o.m] === conn || o.f) return;
    // A message the relay never answers (a connection that drops on it) is not sent for ever.
    if (o.n > RETRIES + 3) return failed(o.m, 'internal');
    outboxSet(o.m, { n: (o.n || 0) + 1 });
    if (request({ type: 'send_message', client_msg_id: o.m, text: o.t }, { kind: 'send', m: o.m, t: o.t })) sent[o.m] = conn;
  }
  function flushOutbox() { if (ready) outbox().forEach(sendOne); }

  function submit() {
    var text = input.value.replace(/\u0000/g, ''); // NUL: never stored, on any database
    if (!text.trim() || fatal) return;
    input.value = '';
    grow();
    stopTyping();
    var o = { m: uuid(), t: text, ts: Date.now() / 1000 };
    outboxAdd(o);
    var row = msgRow('visitor', '', text, o.ts, 'sending', o.m);
    list.appendChild(row);
    scrollDown();
    if (synced) sendOne(o);
  }

  // Typing: at most one {active:true} per 2 s while typing, {active:false} after 3 s idle or on send.
  function onTyping() {
    grow();
    if (!ready) return;
    var now = Date.now();
    if (input.value && (!typingActive || now - typingSentAt >= 2000)) {
      typingActive = true;
      typingSentAt = now;
      send({ type: 'typing', active: true });
    }
    clearTimeout(typingIdle);
    typingIdle = setTimeout(() => { stopTyping(); }, 3000);
  }
  function stopTyping(silent) {
    clearTimeout(typingIdle);
    if (typingActive && !silent) send({ type: 'typing', active: false });
    typingActive = false;
  }
  function showTyping(on, name) {
    clearTimeout(agentTypingTimer);
    typingEl.textContent = '';
    if (on) (name ? fmt('typingName', name) : [T.typing]).forEach((c) => { typingEl.append(c); });
    typingEl.hidden = !on;
    // A lost {active:false} must not leave the indicator on forever.
    if (on) agentTypingTimer = setTimeout(() => { showTyping(false); }, 15000);
  }
  function grow() {
    input.style.height = '40px';
    input.style.height = Math.min(120, Math.max(40, input.scrollHeight + 2)) + 'px';
  }

  // -- page views (also SPA navigation)
  function utm() {
    var out = {}, q;
    try { q = new URL(location.href).searchParams; } catch (e) { return out; }
    ['source', 'medium', 'campaign', 'term', 'content'].forEach((k) => {
      out[k] = String(q.get('utm_' + k) || '').slice(0, 200);
    });
    return out;
  }
  function pageView() {
    if (!ready) return;
    var url = location.href;
    if (url === lastPV) return;
    var referrer = lastPV === null ? document.referrer : lastPV;
    lastPV = url;
    send({
      type: 'page_view', url: url.slice(0, 2048), title: String(document.title).slice(0, 200),
      referrer: String(referrer || '').slice(0, 2048), utm: utm()
    });
  }
  var pvTimer = null;
  // A short delay lets the single-page app set the new title first.
  function schedulePV() { clearTimeout(pvTimer); pvTimer = setTimeout(pageView, 50); }
  ['pushState', 'replaceState'].forEach((name) => {
    var orig = window.history[name];
    if (typeof orig !== 'function') return;
    window.history[name] = function () {
      var result = orig.apply(this, arguments);
      schedulePV();
      return result;
    };
  });
  window.addEventListener('popstate', schedulePV);
  window.addEventListener('hashchange', schedulePV);

  // -- UI events
  function setOpen(open) {
    isOpen = open;
    if (!open && api.closed) api.closed();
    sset('open', open ? '1' : '0');
    if (open) { unread = 0; receipt(); }
    render();
    if (open) {
      scrollDown();
      if (!chatPane.hidden && window.innerWidth >= 480) try { input.focus({ preventScroll: true }); } catch (e) { /* old browser */ }
    }
  }
  launcher.addEventListener('click', () => { setOpen(!isOpen); });
  closeBtn.addEventListener('click', () => { setOpen(false); });
  contactBtn.addEventListener('click', () => { view = view === 'contact' ? 'chat' : 'contact'; cErr.textContent = ''; render(); });
  cCancel.addEventListener('click', () => { view = 'chat'; render(); });
  sendBtn.addEventListener('click', () => { submit(); input.focus(); });
  emojiBtn.addEventListener('click', () => { mod('emoji').then((m) => m.toggle(), () => {}); });
  input.addEventListener('input', onTyping);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); submit(); }
  });
  list.addEventListener('click', (e) => {
    var row = e.target.closest('[data-testid=retry]') && e.target.closest('[data-client-msg-id]');
    if (!row || fatal) return;
    var mid = row.getAttribute('data-client-msg-id');
    outboxSet(mid, { f: 0, n: 0 });
    tries[mid] = 0;
    notice.hidden = true;
    setState(row, 'sending');
    row.remove();
    list.appendChild(row);
    flushOutbox();
  });
  offBack.addEventListener('click', () => { userChat = true; view = 'chat'; render(); });
  offThanks.lastChild.addEventListener('click', () => { offlineSent = false; render(); });

  function validEmail(s) { return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s); }
  offForm.addEventListener('submit', (e) => {
    e.preventDefault();
    var email = offEmail.input.value.trim(), text = offText.input.value;
    offErr.textContent = !validEmail(email) ? T.needEmail : !text.trim() ? T.empty_message : '';
    if (offErr.textContent) return;
    if (!ready) { offErr.textContent = T.connecting; return; }
    request({ type: 'offline_message', email: email, text: text, name: offName.input.value.trim() }, { kind: 'offline' });
  });
  contactPane.addEventListener('submit', (e) => {
    e.preventDefault();
    var email = cEmail.input.value.trim();
    cErr.textContent = email && !validEmail(email) ? T.needEmail : '';
    if (cErr.textContent) return;
    if (!ready) { cErr.textContent = T.connecting; return; }
    if (!offName.input.value) offName.input.value = cName.input.value.trim();
    if (!offEmail.input.value) offEmail.input.value = email;
    request({ type: 'set_contact', name: cName.input.value.trim(), email: email, phone: cPhone.input.value.trim() }, { kind: 'contact' });
  });
  // Keys typed in the widget are the widget's: keep page-wide shortcuts from reacting to them.
  shell.addEventListener('keydown', (e) => { e.stopPropagation(); });

  api = { h: h, css: css, icon: icon, T: T, lang: lang, fmt: fmt, send: send, request: request, place: place,
    showNotice: showNotice, render: render, shell: shell, list: list, base: SRC.origin, site: SITE,
    composer: composer, input: input, win: win, header: header, ws: () => ws, scrollDown: scrollDown, open: setOpen, stop: stopForGood };

  // -- start
  function attach() {
    if (host.isConnected || !document.body) return;
    document.body.appendChild(host);
    // The top layer is above any z-index of the page (and immune to a transformed <body>).
    if (host.showPopover) try { host.setAttribute('popover', 'manual'); host.showPopover(); } catch (e) { host.removeAttribute('popover'); }
    observer.observe(document.body, { childList: true });
  }
  // A page that rewrites its <body> (some single-page apps do) would take the widget with it.
  var observer = new MutationObserver(attach);
  function mount() {
    attach();
    observer.observe(document.documentElement, { childList: true });
    renderAll();
    render();
    connect();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
}
})();

/* Jivo widget module: the emoji picker (C13). Loaded by widget.js on the first click on the
 * composer's emoji button. A small set of common emoji in four tabs (the app has the full
 * picker with search); a click inserts at the cursor, Escape closes. Renders text nodes only. */
window['jivo_emoji']((api) => {
  'use strict';
  var SETS = [
    '😀 😃 😄 😁 😆 😅 😂 🙂 😉 😊 😇 🥰 😍 😘 😋 😎 🤩 🤔 😐 🙄 😌 😴 😢 😭 😮 😱 😡 🥳 😬 🤗 🙃 😏',
    '👍 👎 👌 ✌️ 🤞 👏 🙌 🙏 💪 👋 🤝 ✍️ 👀 🤷 🙋 💁',
    '❤️ 🧡 💛 💚 💙 💜 🖤 💔 💕 💯 ✨ ⭐ 🔥 🌹 🌞 🌈',
    '🎉 🎁 ☕ 🍕 🍰 🛒 📦 🚚 ✈️ 🏠 💡 📞 ✉️ 💳 ✅ ❌ ❓ ⏰'
  ].map((s) => s.split(' '));
  var STRINGS = {
    en: { title: 'Emoji', tabs: ['Smileys', 'Hands', 'Hearts', 'Things'] },
    es: { title: 'Emojis', tabs: ['Caras', 'Manos', 'Corazones', 'Cosas'] },
    pt: { title: 'Emojis', tabs: ['Carinhas', 'Mãos', 'Corações', 'Coisas'] },
    ru: { title: 'Эмодзи', tabs: ['Смайлики', 'Руки', 'Сердца', 'Разное'] }
  };
  var S = STRINGS[api.lang] || STRINGS.en;
  var h = api.h;
  api.css(
    '.emo{flex:none;background:#fff;border-top:1px solid #e1e7e4;padding:4px 8px 6px}' +
    '.emt{display:flex;gap:2px;margin-bottom:4px}.emg{display:grid;grid-template-columns:repeat(8,1fr);max-height:132px;overflow-y:auto}' +
    '.emo button{background:none;border:0;cursor:pointer;border-radius:6px;padding:2px;font-size:20px;line-height:28px;' +
    "font-family:'Noto Color Emoji','Apple Color Emoji','Segoe UI Emoji',sans-serif}" +
    '.emo button:hover,.emo button:focus-visible{background:#eef6f2;outline:none}.emt button{font-size:16px;opacity:.6}.emt button[aria-selected=true]{opacity:1;background:#eef6f2}'
  );
  var tabs = h('div', 'emt', { role: 'tablist' });
  var grid = h('div', 'emg', { 'data-testid': 'emoji-grid' });
  var panel = h('div', 'emo', { 'data-testid': 'emoji-picker', role: 'dialog', 'aria-label': S.title, hidden: '' }, [tabs, grid]);
  api.composer.parentNode.insertBefore(panel, api.composer);

  function show(n) {
    Array.prototype.forEach.call(tabs.children, (t, i) => t.setAttribute('aria-selected', String(i === n)));
    grid.textContent = '';
    SETS[n].forEach((e) => grid.appendChild(h('button', null, { type: 'button', 'data-emoji': e, 'aria-label': e }, [e])));
  }
  SETS.forEach((set, i) => {
    var t = h('button', null, { type: 'button', role: 'tab', title: S.tabs[i], 'aria-label': S.tabs[i] }, [set[0]]);
    t.addEventListener('click', () => show(i));
    tabs.appendChild(t);
  });
  show(0);

  function insert(e) {
    var el = api.input, at = el.selectionStart == null ? el.value.length : el.selectionStart;
    var end = el.selectionEnd == null ? at : el.selectionEnd;
    el.value = el.value.slice(0, at) + e + el.value.slice(end);
    el.selectionStart = el.selectionEnd = at + e.length;
    el.dispatchEvent(new Event('input')); // typing indicator and height, as if typed
    el.focus();
  }
  grid.addEventListener('click', (ev) => {
    var b = ev.target.closest('[data-emoji]');
    if (!b) return;
    insert(b.getAttribute('data-emoji'));
    panel.hidden = true;
  });
  panel.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { panel.hidden = true; api.input.focus(); } });
  return {
    toggle() {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) grid.firstChild.focus();
    },
    frame() {},
    event() {}
  };
});

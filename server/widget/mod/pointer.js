/* Jivo widget module: the pointer (C15). Loaded for `pointer` events (the visitor's side: the
 * agent's comment with a View button that scrolls to the element and outlines it) and, in the
 * agent's own browser, when the page's fragment carries a one-time `jivo-pointer` token (pick
 * mode: hovering outlines elements, a click selects one, then a comment and Send). The outline
 * is a box of the widget's own, over the element: the page's elements are never restyled.
 * Renders text nodes only. */
window['jivo_pointer']((api) => {
  'use strict';
  var STRINGS = {
    en: {
      pick: 'Pointer: click the element you want to show the visitor', comment: 'A comment for the visitor',
      send: 'Send', cancel: 'Cancel', sent: 'Sent to the visitor.', view: 'View',
      used: 'This pointer link was used already or has expired: press Pointer in the app again.',
      failed: 'Not sent. Try again.', other: 'This is on another page:', missing: 'That element is not on this page any more.',
      pointed: 'Points at something on the page'
    },
    es: {
      pick: 'Puntero: haga clic en el elemento que quiere mostrar al visitante', comment: 'Un comentario para el visitante',
      send: 'Enviar', cancel: 'Cancelar', sent: 'Enviado al visitante.', view: 'Ver',
      used: 'Este enlace del puntero ya se usó o caducó: pulse Puntero en la aplicación otra vez.',
      failed: 'No se envió. Inténtelo de nuevo.', other: 'Está en otra página:', missing: 'Ese elemento ya no está en esta página.',
      pointed: 'Le señala algo en la página'
    },
    pt: {
      pick: 'Ponteiro: clique no elemento que deseja mostrar ao visitante', comment: 'Um comentário para o visitante',
      send: 'Enviar', cancel: 'Cancelar', sent: 'Enviado ao visitante.', view: 'Ver',
      used: 'Este link do ponteiro já foi usado ou expirou: pressione Ponteiro no aplicativo de novo.',
      failed: 'Não enviado. Tente de novo.', other: 'Está em outra página:', missing: 'Esse elemento não está mais nesta página.',
      pointed: 'Aponta algo na página'
    },
    ru: {
      pick: 'Указатель: нажмите на элемент, который хотите показать посетителю', comment: 'Комментарий для посетителя',
      send: 'Отправить', cancel: 'Отмена', sent: 'Отправлено посетителю.', view: 'Показать',
      used: 'Эта ссылка указателя уже использована или устарела: нажмите «Указатель» в приложении ещё раз.',
      failed: 'Не отправлено. Попробуйте ещё раз.', other: 'Это на другой странице:', missing: 'Этого элемента больше нет на странице.',
      pointed: 'Показывает что-то на странице'
    }
  };
  var S = STRINGS[api.lang] || STRINGS.en;
  var h = api.h;
  var host = api.shell.getRootNode().host;
  api.css(
    '.pbox{position:fixed;pointer-events:none;border:3px solid #e8590c;border-radius:4px;z-index:2147483647}' +
    '.pbar{position:fixed;left:50%;top:12px;transform:translateX(-50%);pointer-events:auto;background:#1d2b25;color:#fff;border-radius:10px;padding:10px 14px;font:14px/20px system-ui,sans-serif;max-width:480px;display:flex;flex-direction:column;gap:8px;z-index:2147483647}' +
    '.pbar textarea{font:14px/20px system-ui,sans-serif;border-radius:6px;border:0;padding:6px;min-height:48px;resize:vertical;color:#1d2b25;background:#fff}' +
    '.pbar .pbtns{display:flex;gap:8px;justify-content:flex-end}.pbar button{border:0;border-radius:6px;padding:6px 12px;cursor:pointer;color:#1d2b25;background:#fff}.pbar button[data-testid=pointer-send]{background:#e8590c;color:#fff}' +
    '.pcard{display:flex;flex-direction:column;gap:6px;padding:8px 12px;border-radius:12px;background:#fff;border:1px solid #e1e7e4;color:#1d2b25;max-width:240px}' +
    '.pview{align-self:flex-start;border:0;border-radius:6px;padding:4px 12px;background:#1a7f5a;color:#fff;cursor:pointer}.pnote{font-size:12px;color:#5f6b66;overflow-wrap:anywhere}'
  );
  function box(el, attrs) {
    var b = h('div', 'pbox', attrs);
    api.shell.getRootNode().appendChild(b);
    function follow() {
      var r = el.getBoundingClientRect();
      b.style.left = (r.left - 3) + 'px'; b.style.top = (r.top - 3) + 'px';
      b.style.width = (r.width + 6) + 'px'; b.style.height = (r.height + 6) + 'px';
    }
    follow();
    return { el: b, follow: follow, remove: () => b.remove() };
  }
  function page(u) { try { var x = new URL(u, location.href); return x.origin + x.pathname + x.search; } catch (e) { return ''; } }

  // -- the visitor's side: the agent's comment and View
  function event(ev) {
    var d = {};
    try { d = JSON.parse(ev.text) || {}; } catch (e) { d = {}; }
    var note = h('div', 'pnote', { 'data-testid': 'pointer-note', hidden: '' });
    var view = h('button', 'pview', { type: 'button', 'data-testid': 'pointer-view' }, [S.view]);
    var kids = [h('div', null, { dir: 'auto', 'data-testid': 'pointer-comment' }, [String(d.comment || S.pointed)]), view, note];
    var row = h('div', 'row them', { 'data-testid': 'pointer', 'data-cursor': ev.cursor });
    row.appendChild(h('div', 'who', { dir: 'auto' }, [ev.author_name || api.T.agent]));
    row.appendChild(h('div', 'pcard', null, kids));
    api.place(row);
    view.addEventListener('click', () => {
      note.hidden = true;
      note.textContent = '';
      if (page(d.url) !== page(location.href)) {
        var href = null;
        try { var u = new URL(d.url); if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href; } catch (e) { href = null; }
        note.appendChild(document.createTextNode(S.other + ' '));
        var a = h('a', null, { target: '_blank', rel: 'noopener noreferrer nofollow', 'data-testid': 'pointer-link' });
        if (href) a.setAttribute('href', href);
        a.textContent = String(d.url || '');
        note.appendChild(a);
        note.hidden = false;
        return;
      }
      var el = null;
      try { el = document.querySelector(String(d.selector)); } catch (e) { el = null; }
      if (!el || host.contains(el)) { note.textContent = S.missing; note.hidden = false; return; }
      el.scrollIntoView({ block: 'center' });
      var b = box(el, { 'data-testid': 'pointer-highlight', 'data-selector': String(d.selector) });
      var t = setInterval(b.follow, 100);
      setTimeout(() => { clearInterval(t); b.remove(); }, 6000);
    });
  }

  // -- the agent's browser: pick mode
  function selectorOf(el) {
    var parts = [];
    while (el && el.nodeType === 1 && el !== document.documentElement) {
      if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) { parts.unshift('#' + el.id); break; }
      var n = 1, sib = el;
      while ((sib = sib.previousElementSibling)) if (sib.tagName === el.tagName) n++;
      parts.unshift(el.tagName.toLowerCase() + ':nth-of-type(' + n + ')');
      el = el.parentElement;
    }
    return parts.join(' > ');
  }
  function pick() {
    var m = /[#&]jivo-pointer=([\w-]{1,100})/.exec(location.hash);
    if (!m) return;
    var token = m[1];
    try { history.replaceState(null, '', location.pathname + location.search); } catch (e) { /* sandboxed */ }
    var root = api.shell.getRootNode(), hover = null, chosen = null;
    var text = h('div', null, { 'data-testid': 'pointer-status' }, [S.pick]);
    var comment = h('textarea', null, { 'data-testid': 'pointer-comment-input', placeholder: S.comment, maxlength: '2000', hidden: '' });
    var send = h('button', null, { type: 'button', 'data-testid': 'pointer-send', hidden: '' }, [S.send]);
    var cancel = h('button', null, { type: 'button', 'data-testid': 'pointer-cancel' }, [S.cancel]);
    var bar = h('div', 'pbar', { 'data-testid': 'pointer-bar', role: 'dialog' }, [text, comment, h('div', 'pbtns', null, [cancel, send])]);
    root.appendChild(bar);
    function target(e) { var t = e.target; return t && t.nodeType === 1 && t !== host && !host.contains(t) ? t : null; }
    function onMove(e) {
      if (chosen) return;
      var t = target(e);
      if (!t) return;
      if (hover) hover.remove();
      hover = box(t, { 'data-testid': 'pointer-hover' });
    }
    function onClick(e) {
      if (chosen) return;
      var t = target(e);
      if (!t) return;
      e.preventDefault(); e.stopPropagation();
      if (hover) hover.remove();
      chosen = { el: t, sel: selectorOf(t), box: box(t, { 'data-testid': 'pointer-chosen' }) };
      comment.hidden = send.hidden = false;
      comment.focus();
    }
    function stop() {
      document.removeEventListener('mousemove', onMove, true);
      document.removeEventListener('click', onClick, true);
      if (hover) hover.remove();
      if (chosen) chosen.box.remove();
    }
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    cancel.addEventListener('click', () => { stop(); bar.remove(); });
    send.addEventListener('click', () => {
      if (!chosen) return;
      var frame = { type: 'pointer_pick', token: token, selector: chosen.sel, comment: comment.value.slice(0, 2000), page_url: location.href };
      send.disabled = true;
      var ok = api.request(frame, { done: (code) => {
        send.disabled = false;
        if (!code) { stop(); text.textContent = S.sent; comment.hidden = send.hidden = true; cancel.textContent = 'OK'; return; }
        text.textContent = code === 'not_found' ? S.used : S.failed;
      } });
      if (!ok) { send.disabled = false; text.textContent = S.failed; }
    });
  }
  return { event: event, pick: pick, frame() {} };
});

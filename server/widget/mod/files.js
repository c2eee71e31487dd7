/* Jivo widget module: files (C14) and the sneak-peek notice and drafts (C17).
 * Loaded by widget.js when the relay welcomes the widget, and for `file` events in the history.
 * Uploads: `upload_file`, then the bytes as binary WebSocket frames of at most `chunk_bytes`,
 * then the relay's `file_stored` (see docs/protocol.md). Renders text nodes only. */
window['jivo_files']((api) => {
  'use strict';
  var MAX = 10 * 1024 * 1024; // 10 MiB, as the relay: server/protocol/files.py MAX_FILE_BYTES
  var STRINGS = {
    en: {
      attach: 'Attach a file', tooBig: 'The file is larger than 10 MB and was not sent',
      empty: 'The file is empty and was not sent', badName: 'This file name cannot be used: rename the file',
      failed: 'The file could not be sent', sending: 'Sending', download: 'Download',
      peek: 'The agent can see what you type before you send it', chat: 'Write a message first, then attach files'
    },
    es: {
      attach: 'Adjuntar un archivo', tooBig: 'El archivo pesa más de 10 MB y no se envió',
      empty: 'El archivo está vacío y no se envió', badName: 'Este nombre de archivo no se puede usar: cámbielo',
      failed: 'No se pudo enviar el archivo', sending: 'Enviando', download: 'Descargar',
      peek: 'El agente puede ver lo que escribe antes de que lo envíe', chat: 'Escriba un mensaje primero y luego adjunte archivos'
    },
    pt: {
      attach: 'Anexar um arquivo', tooBig: 'O arquivo tem mais de 10 MB e não foi enviado',
      empty: 'O arquivo está vazio e não foi enviado', badName: 'Este nome de arquivo não pode ser usado: renomeie-o',
      failed: 'Não foi possível enviar o arquivo', sending: 'Enviando', download: 'Baixar',
      peek: 'O agente pode ver o que você digita antes de enviar', chat: 'Escreva uma mensagem primeiro e depois anexe arquivos'
    },
    ru: {
      attach: 'Прикрепить файл', tooBig: 'Файл больше 10 МБ и не был отправлен',
      empty: 'Файл пустой и не был отправлен', badName: 'Такое имя файла нельзя использовать: переименуйте файл',
      failed: 'Не удалось отправить файл', sending: 'Отправка', download: 'Скачать',
      peek: 'Оператор видит, что вы печатаете, ещё до отправки', chat: 'Сначала напишите сообщение, затем прикрепляйте файлы'
    }
  };
  var S = STRINGS[api.lang] || STRINGS.en;
  var CODES = { file_too_large: S.tooBig, empty_file: S.empty, bad_file_name: S.badName, not_found: S.chat };
  var h = api.h;
  // Item 12.7: a file's name shows its real extension: bidi controls (U+202E makes
  // "photo\u202Egnp.exe" read "photoexe.png") are dropped from what is shown, and it is isolated.
  function shown(name) { return String(name).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''); }
  function nameEl(name, attrs) { return h('div', 'fname', Object.assign({ dir: 'auto' }, attrs), [shown(name)]); }
  var css = (
    '.fcard{display:flex;flex-direction:column;gap:4px;padding:8px 12px;border-radius:12px;background:#fff;border:1px solid #e1e7e4;color:#1d2b25;max-width:240px}' +
    '.me .fcard{border-color:#1a7f5a}' +
    '.fname{font-weight:600;overflow-wrap:anywhere}.fsize{font-size:12px;color:#5f6b66}' +
    '.fdl{font-size:13px;color:#1a7f5a;text-decoration:underline;cursor:pointer}' +
    '.fimg{display:block;max-width:216px;max-height:180px;border-radius:8px;background:#f0f3f2}' +
    '.fprog{height:4px;background:#e1e7e4;border-radius:2px;overflow:hidden}.fprog>div{height:100%;width:0;background:#1a7f5a}' +
    '.peek{font-size:12px;line-height:16px;padding:4px 16px;background:#eef6f2;color:#1d4d3a;flex:none}' +
    '.at{color:#5f6b66;width:40px;height:40px;flex:none}.at:hover{color:#1a7f5a}'
  );
  api.css(css); // a constructed sheet: a page's CSP (style-src) does not block it

  // -- the attach button (paperclip) and the hidden file input, in the composer
  var ns = 'http://www.w3.org/2000/svg';
  var clip = document.createElementNS(ns, 'svg');
  clip.setAttribute('viewBox', '0 0 24 24');
  clip.setAttribute('width', '22');
  clip.setAttribute('height', '22');
  clip.setAttribute('aria-hidden', 'true');
  clip.setAttribute('data-icon', 'clip');
  var path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z');
  clip.appendChild(path);
  var btn = h('button', 'ib at', { type: 'button', 'data-testid': 'attach', 'aria-label': S.attach, title: S.attach }, [clip]);
  var picker = h('input', null, { type: 'file', 'data-testid': 'file-input', hidden: '', tabindex: '-1' });
  api.composer.insertBefore(btn, api.composer.firstChild);
  api.composer.appendChild(picker);
  btn.addEventListener('click', () => { picker.click(); });
  picker.addEventListener('change', () => {
    var file = picker.files && picker.files[0];
    picker.value = '';
    if (file) upload(file);
  });

  // -- the sneak-peek notice (C17), above the composer, and the drafts it announces
  var peekOn = false, peekTimer = null, peekSent = '';
  var peekEl = h('div', 'peek', { 'data-testid': 'peek-notice', role: 'note', hidden: '' }, [S.peek]);
  api.composer.parentNode.insertBefore(peekEl, api.composer);
  function sendDraft() {
    peekTimer = null;
    var text = api.input.value.slice(0, 5000);
    if (peekOn && text !== peekSent && api.send({ type: 'draft', text: text })) peekSent = text;
  }
  function onInput() {
    // At most one draft every 300 ms while typing; the last state always goes.
    if (peekOn && !peekTimer) peekTimer = setTimeout(sendDraft, 300);
  }
  api.input.addEventListener('input', onInput);
  api.input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) setTimeout(onInput, 0); });

  // -- uploads
  var pending = {}; // request id -> upload
  var links = {}; // file id -> {url, exp, waiters: [fn]}
  var linkReq = {}; // request id -> file id
  var ready = false;

  function fmtSize(n) {
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(n < 10240 ? 1 : 0) + ' KB';
    return (n / 1048576).toFixed(1) + ' MB';
  }
  function fail(text, row) {
    if (row) row.remove();
    api.showNotice(text);
  }
  function upload(file) {
    if (file.size === 0) return fail(S.empty);
    if (file.size > MAX) return fail(S.tooBig);
    var bar = h('div');
    var row = h('div', 'row me', { 'data-testid': 'file-progress', 'data-state': 'sending' }, [
      h('div', 'fcard', null, [nameEl(file.name), h('div', 'fsize', null, [S.sending + ' · ' + fmtSize(file.size)]), h('div', 'fprog', null, [bar])])
    ]);
    api.list.appendChild(row);
    api.scrollDown();
    file.arrayBuffer().then((buf) => digest(buf).then((hex) => {
      var up = { buf: buf, row: row, bar: bar, name: file.name };
      var frame = { type: 'upload_file', client_msg_id: uid(), name: file.name, size: buf.byteLength, sha256: hex, content_type: String(file.type || '').slice(0, 200) };
      if (!api.request(frame, { kind: 'file' })) return fail(S.failed, row);
      pending[frame.id] = up;
    })).catch(() => fail(S.failed, row));
  }
  function uid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return Array.prototype.map.call(b, (x) => (x + 256).toString(16).slice(1)).join('');
  }
  function pump(up, step) {
    var ws = api.ws(), size = up.buf.byteLength;
    if (!ws || ws.readyState !== 1) return fail(S.failed, up.row);
    // Keep at most ~1 MB in the socket's buffer, so the bar shows what has really gone.
    while (up.sent < size && ws.bufferedAmount < 1048576) {
      ws.send(up.buf.slice(up.sent, up.sent + step));
      up.sent = Math.min(size, up.sent + step);
    }
    up.bar.style.width = Math.round(100 * (up.sent - ws.bufferedAmount) / size) + '%';
    if (up.sent < size || ws.bufferedAmount > 0) setTimeout(() => { pump(up, step); }, 30);
  }

  // SHA-256 of the bytes: WebCrypto where the page is a secure context, else a small fallback.
  function digest(buf) {
    var subtle = window.crypto && window.crypto.subtle;
    if (subtle) return subtle.digest('SHA-256', buf).then(hex);
    return Promise.resolve(sha256(new Uint8Array(buf)));
  }
  function hex(buf) {
    return Array.prototype.map.call(new Uint8Array(buf), (x) => (x + 256).toString(16).slice(1)).join('');
  }
  function sha256(bytes) {
    var K = [], H = [], i, j, p = 2;
    function frac(x) { return (x - Math.floor(x)) * 4294967296 | 0; }
    for (i = 0; i < 64; p++) {
      for (j = 2; j * j <= p && p % j; j++);
      if (j * j > p) { if (i < 8) H[i] = frac(Math.pow(p, 1 / 2)); K[i++] = frac(Math.pow(p, 1 / 3)); }
    }
    var n = bytes.length, total = ((n + 9 + 63) >> 6) << 6, m = new Uint8Array(total);
    m.set(bytes);
    m[n] = 0x80;
    var dv = new DataView(m.buffer);
    dv.setUint32(total - 8, Math.floor(n / 536870912));
    dv.setUint32(total - 4, (n << 3) >>> 0);
    var w = new Int32Array(64);
    for (var o = 0; o < total; o += 64) {
      for (i = 0; i < 16; i++) w[i] = dv.getInt32(o + i * 4);
      for (i = 16; i < 64; i++) {
        var a = w[i - 15], b = w[i - 2];
        w[i] = (((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)) +
          (((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10)) + w[i - 7] + w[i - 16] | 0;
      }
      var s = H.slice();
      for (i = 0; i < 64; i++) {
        var e = s[4], x = s[0];
        var t1 = s[7] + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          ((e & s[5]) ^ (~e & s[6])) + K[i] + w[i] | 0;
        var t2 = (((x >>> 2) | (x << 30)) ^ ((x >>> 13) | (x << 19)) ^ ((x >>> 22) | (x << 10))) +
          ((x & s[1]) ^ (x & s[2]) ^ (s[1] & s[2])) | 0;
        s.pop();
        s.unshift(t1 + t2 | 0);
        s[4] = s[4] + t1 | 0;
      }
      for (i = 0; i < 8; i++) H[i] = H[i] + s[i] | 0;
    }
    return H.map((v) => ('0000000' + (v >>> 0).toString(16)).slice(-8)).join('');
  }

  // -- download links (asked for over the socket; each is for this visitor only)
  function link(fileId, then) {
    var l = links[fileId] || (links[fileId] = { waiters: [] });
    if (l.url && l.exp * 1000 > Date.now() + 60000) return then(l.url);
    l.waiters.push(then);
    if (ready && !l.asked) ask(fileId);
  }
  function ask(fileId) {
    var frame = { type: 'file_link', file_id: fileId };
    if (api.request(frame, { kind: 'file' })) { links[fileId].asked = true; linkReq[frame.id] = fileId; }
  }

  var IMAGE = /^image\/(png|jpeg|gif|webp)$/;
  var IMAGE_NAME = /\.(png|jpe?g|gif|webp)$/i;
  function card(ev) {
    var f = ev.file || {};
    var me = ev.author === 'visitor';
    var dl = h('a', 'fdl', { 'data-testid': 'file-download', rel: 'noopener noreferrer' }, [S.download]);
    var kids = [nameEl(f.name || ev.text, { 'data-testid': 'file-name' }), h('div', 'fsize', null, [fmtSize(f.size || 0)]), dl];
    var img = null;
    if (IMAGE.test(f.content_type || '') || IMAGE_NAME.test(f.name || '')) {
      img = h('img', 'fimg', { 'data-testid': 'file-image', alt: shown(f.name || '') });
      img.onerror = () => { img.remove(); };
      img.onload = () => { api.scrollDown(); };
      kids.unshift(img);
    }
    var row = h('div', 'row ' + (me ? 'me' : 'them'), { 'data-testid': 'file', 'data-author': ev.author, 'data-cursor': ev.cursor, 'data-state': 'sent' });
    if (!me) row.appendChild(h('div', 'who', { dir: 'auto' }, [ev.author_name || api.T.agent]));
    row.appendChild(h('div', 'fcard', null, kids));
    api.place(row);
    if (!f.id) return;
    link(f.id, (url) => {
      dl.setAttribute('href', api.base + url);
      if (img) img.setAttribute('src', api.base + url);
    });
    dl.addEventListener('click', (e) => {
      var l = links[f.id];
      if (l && l.url && l.exp * 1000 > Date.now() + 5000) return;
      e.preventDefault(); // expired (or not there yet): a fresh link, then the download
      if (l) { l.url = null; l.asked = false; }
      link(f.id, (url) => { dl.setAttribute('href', api.base + url); dl.click(); });
    });
  }

  api.onError = (f) => {
    var up = pending[f.id];
    if (up) {
      delete pending[f.id];
      fail(CODES[f.code] || S.failed, up.row);
      return true;
    }
    if (linkReq[f.id]) {
      var l = links[linkReq[f.id]];
      delete linkReq[f.id];
      if (l) { l.asked = false; l.waiters = []; }
      return true;
    }
    return false;
  };

  return {
    welcome(f) {
      ready = true;
      peekOn = !!f.sneak_peek;
      peekEl.hidden = !peekOn;
      if (!peekOn) { clearTimeout(peekTimer); peekTimer = null; }
      Object.keys(links).forEach((id) => { links[id].asked = false; if (links[id].waiters.length) ask(id); });
      // Uploads cut by a reconnect are gone on the relay too: say so, the visitor sends again.
      Object.keys(pending).forEach((id) => { fail(S.failed, pending[id].row); });
      pending = {};
    },
    event(ev) { if (ev.kind === 'file') card(ev); },
    frame(f) {
      if (f.type === 'file_link_granted') {
        var id = linkReq[f.id] || f.file_id, l = links[id];
        delete linkReq[f.id];
        if (!l) return;
        l.url = f.url;
        l.exp = f.expires_at;
        l.asked = false;
        var waiters = l.waiters;
        l.waiters = [];
        waiters.forEach((fn) => { fn(f.url); });
      } else if (f.type === 'upload_ready') {
        var up = pending[f.id];
        if (!up) return;
        up.sent = 0;
        pump(up, f.chunk_bytes);
      } else if (f.type === 'file_stored') {
        var done = pending[f.id];
        delete pending[f.id];
        if (done) done.row.remove();
      }
    }
  };
});

/* Jivo widget module: invitations (V2 manual, V3 automatic). The relay decides when; this shows
 * the message (with the agent's name and photo) and opens the chat. Closing it tells the relay,
 * which does not show that invitation again in this visit. Text only; the photo is a data: URL. */
window['jivo_invite']((api) => {
  var S = {
    en: { close: 'Close invitation' },
    es: { close: 'Cerrar invitación' },
    pt: { close: 'Fechar convite' },
    ru: { close: 'Закрыть приглашение' }
  };
  var L = S[api.lang] || S.en;
  var cur = null;
  api.css(
    '.inv{position:relative;padding-right:22px}.inv .who{display:flex;align-items:center;gap:6px}' +
    '.inv img{width:28px;height:28px;border-radius:14px;object-fit:cover}' +
    '.inv .x{position:absolute;top:0;right:0;width:22px;height:22px;border:0;background:none;color:#5f6b66;cursor:pointer;padding:0}' +
    '.inv .x svg{width:16px;height:16px}'
  );

  function dismiss(tell) {
    if (!cur) return;
    if (tell) api.send({ type: 'invitation_closed', invitation_id: cur.id });
    cur.row.remove();
    cur = null;
  }
  api.closed = () => { dismiss(true); };

  return {
    frame(f) {
      dismiss(false);
      var who = api.h('div', 'who', { 'data-testid': 'invitation-agent', dir: 'auto' });
      var photo = String(f.agent_photo || '');
      if (/^data:image\/(png|jpeg|gif|webp);base64,/.test(photo)) {
        who.appendChild(api.h('img', null, { src: photo, alt: '' }));
      }
      who.appendChild(document.createTextNode(f.agent_name || api.T.agent));
      var close = api.h('button', 'x', { type: 'button', 'data-testid': 'invitation-close', 'aria-label': L.close, title: L.close }, [api.icon('close')]);
      var row = api.h('div', 'row them inv', { 'data-testid': 'invitation', 'data-invitation': String(f.invitation_id) },
        [who, api.h('div', 'bub', { 'data-testid': 'invitation-text', dir: 'auto' }, [String(f.text || '')]), close]);
      close.addEventListener('click', () => { dismiss(true); });
      cur = { id: f.invitation_id, row: row };
      api.list.appendChild(row);
      api.open(true);
      api.list.scrollTop = api.list.scrollHeight;
    },
    event() {}
  };
});

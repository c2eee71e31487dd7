/* Jivo widget module "block" (C8): the relay says this visitor is blocked. The widget stops
 * writing and says so politely, in the visitor's language. */
window['jivo_block']((api) => {
  var S = {
    en: 'Sorry, you can no longer send messages in this chat.',
    es: 'Lo sentimos, ya no puede enviar mensajes en este chat.',
    pt: 'Desculpe, você não pode mais enviar mensagens neste chat.',
    ru: 'К сожалению, вы больше не можете отправлять сообщения в этом чате.'
  };
  return {
    frame(f) {
      if (f.type !== 'visitor_blocked') return;
      api.stop();
      api.showNotice(S[api.lang] || S.en, true);
    },
    event() {}
  };
});

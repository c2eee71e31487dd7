/* Jivo widget module "block" (C8): the relay says this visitor is blocked. The widget stops
 * writing and says so politely, in the visitor's language. B5: when only the network address
 * was blocked (``by_ip``: another visitor on a shared IP), it says that instead; unsent
 * messages stay in the outbox either way. */
window['jivo_block']((api) => {
  var S = {
    en: 'Sorry, you can no longer send messages in this chat.',
    es: 'Lo sentimos, ya no puede enviar mensajes en este chat.',
    pt: 'Desculpe, você não pode mais enviar mensagens neste chat.',
    ru: 'К сожалению, вы больше не можете отправлять сообщения в этом чате.'
  };
  var IP = {
    en: 'The site has blocked chats from your network address. Your unsent messages are kept here.',
    es: 'El sitio ha bloqueado los chats desde su dirección de red. Sus mensajes sin enviar se guardan aquí.',
    pt: 'O site bloqueou os chats do seu endereço de rede. Suas mensagens não enviadas ficam guardadas aqui.',
    ru: 'Сайт заблокировал чаты с вашего сетевого адреса. Неотправленные сообщения сохранены здесь.'
  };
  return {
    frame(f) {
      if (f.type !== 'visitor_blocked') return;
      api.stop();
      var t = f.by_ip ? IP : S;
      api.showNotice(t[api.lang] || t.en, true);
    },
    event() {}
  };
});

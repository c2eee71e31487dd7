/* Jivo widget module "callback" (P2). On a site that takes callback requests (the welcome's
 * `callbacks`), a phone button in the header opens a small form: the visitor's number and, if
 * it likes, when to call. The relay reads the number in the site's country and refuses what it
 * never calls (premium rate, emergency); its answer is shown plainly. The request becomes the
 * conversation's first line, offered to the agents like a chat. All text is set as text. */
window['jivo_callback']((api) => {
  var S = {
    en: { open: 'Request a call', intro: 'Leave your number and we will call you back.', number: 'Phone number',
      time: 'When suits you (optional)', timeHint: 'e.g. today after 5 pm', send: 'Call me back',
      thanks: 'Thank you! We will call you at {number}.', needNumber: 'Please enter your phone number.',
      invalid_number: 'That does not look like a phone number. Check it and try again.',
      number_refused: 'We cannot call that number (premium-rate and emergency numbers are not called back).',
      rate_limited: 'You have asked for several calls already. Please try again later.',
      chat_open: 'You have a conversation open: ask for the call there.',
      callbacks_off: 'Callback requests are not available now.', offline: 'Not connected. Try again in a moment.',
      later: 'Nobody could answer right now: we will call you back as soon as we can.' },
    es: { open: 'Solicitar una llamada', intro: 'Déjenos su número y le llamaremos.', number: 'Número de teléfono',
      time: 'Cuándo le viene bien (opcional)', timeHint: 'p. ej., hoy después de las 17:00', send: 'Llámenme',
      thanks: '¡Gracias! Le llamaremos al {number}.', needNumber: 'Escriba su número de teléfono.',
      invalid_number: 'Eso no parece un número de teléfono. Revíselo e inténtelo de nuevo.',
      number_refused: 'No podemos llamar a ese número (no devolvemos llamadas a números de tarificación adicional ni de emergencia).',
      rate_limited: 'Ya ha solicitado varias llamadas. Inténtelo más tarde.',
      chat_open: 'Tiene una conversación abierta: solicite la llamada allí.',
      callbacks_off: 'Las solicitudes de llamada no están disponibles ahora.', offline: 'Sin conexión. Inténtelo de nuevo en un momento.',
      later: 'Nadie pudo atenderle ahora: le llamaremos en cuanto podamos.' },
    pt: { open: 'Pedir uma ligação', intro: 'Deixe seu número e ligaremos para você.', number: 'Número de telefone',
      time: 'Melhor horário (opcional)', timeHint: 'ex.: hoje depois das 17h', send: 'Liguem para mim',
      thanks: 'Obrigado! Ligaremos para {number}.', needNumber: 'Digite seu número de telefone.',
      invalid_number: 'Isso não parece um número de telefone. Confira e tente de novo.',
      number_refused: 'Não podemos ligar para esse número (números de tarifa especial e de emergência não recebem retorno).',
      rate_limited: 'Você já pediu várias ligações. Tente novamente mais tarde.',
      chat_open: 'Você tem uma conversa aberta: peça a ligação por lá.',
      callbacks_off: 'Pedidos de ligação não estão disponíveis agora.', offline: 'Sem conexão. Tente de novo em instantes.',
      later: 'Ninguém pôde atender agora: ligaremos para você assim que possível.' },
    ru: { open: 'Заказать звонок', intro: 'Оставьте номер, и мы вам перезвоним.', number: 'Номер телефона',
      time: 'Когда вам удобно (необязательно)', timeHint: 'например, сегодня после 17:00', send: 'Перезвоните мне',
      thanks: 'Спасибо! Мы позвоним вам на номер {number}.', needNumber: 'Введите номер телефона.',
      invalid_number: 'Это не похоже на номер телефона. Проверьте его и попробуйте снова.',
      number_refused: 'Мы не можем позвонить на этот номер (платные и экстренные номера не перезваниваем).',
      rate_limited: 'Вы уже заказали несколько звонков. Попробуйте позже.',
      chat_open: 'У вас открыт разговор: попросите звонок там.',
      callbacks_off: 'Заказ звонка сейчас недоступен.', offline: 'Нет соединения. Попробуйте через минуту.',
      later: 'Сейчас никто не смог ответить: мы перезвоним вам, как только сможем.' }
  };
  var L = S[api.lang] || S.en, h = api.h, T = api.T;
  api.css('.win.cbo>.dc,.win.cbo>.form:not(.cbf){display:none!important}' +
    '.cbf .fi::placeholder{color:#8a9590}');

  function phoneIcon() {
    var ns = 'http://www.w3.org/2000/svg', s = document.createElementNS(ns, 'svg'), p = document.createElementNS(ns, 'path');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    p.setAttribute('d', 'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z');
    s.appendChild(p);
    return s;
  }
  function field(label, attrs) {
    var f = h('input', 'fi', attrs);
    return { input: f, el: h('label', 'lbl', null, [label, f]) };
  }
  var btn = h('button', 'ib', { type: 'button', 'data-testid': 'callback-open', 'aria-label': L.open, title: L.open }, [phoneIcon()]);
  var num = field(L.number, { 'data-testid': 'callback-number', type: 'tel', maxlength: '40', autocomplete: 'tel', inputmode: 'tel' });
  var when = field(L.time, { 'data-testid': 'callback-time', type: 'text', maxlength: '80', placeholder: L.timeHint });
  var err = h('div', 'err', { 'data-testid': 'callback-error', role: 'alert' });
  var sendBtn = h('button', 'btn', { type: 'submit', 'data-testid': 'callback-send' }, [L.send]);
  var form = h('form', 'dc', { novalidate: '' }, [h('p', 'intro', null, [L.intro]), num.el, when.el, err, sendBtn]);
  var thanks = h('div', 'ok', { 'data-testid': 'callback-thanks', hidden: '' });
  var back = h('button', 'lnk', { type: 'button', 'data-testid': 'callback-back' }, [T.backToChat]);
  var pane = h('div', 'form cbf', { 'data-testid': 'callback-form', hidden: '' }, [form, thanks, back]);
  var win = api.win, pending = 0;
  win.appendChild(pane);
  api.header.insertBefore(btn, api.header.children[1]);

  function show(open) {
    pane.hidden = !open;
    win.classList.toggle('cbo', open);
    if (open) { form.hidden = false; thanks.hidden = true; err.textContent = ''; num.input.focus(); }
  }
  btn.addEventListener('click', () => { show(pane.hidden); });
  back.addEventListener('click', () => { show(false); api.render(); });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    var number = num.input.value.trim();
    err.textContent = number ? '' : L.needNumber;
    if (!number || pending) return;
    var frame = { type: 'request_callback', number: number, time: when.input.value.trim() };
    sendBtn.disabled = true;
    var ok = api.request(frame, { done: (code) => { pending = 0; sendBtn.disabled = false; err.textContent = L[code] || T.generic; } });
    if (ok) pending = frame.id; else { sendBtn.disabled = false; err.textContent = L.offline; }
  });

  return {
    event(ev) { // the request nobody took in time: the agents have it as a task
      if (ev.kind !== 'missed') return;
      api.place(h('div', 'sys', { 'data-testid': 'system', 'data-kind': 'missed', 'data-cursor': String(ev.cursor) }, [L.later]));
    },
    frame(f) {
      if (f.type !== 'callback_requested' || f.id !== pending) return;
      pending = 0;
      sendBtn.disabled = false;
      form.hidden = true;
      thanks.textContent = L.thanks.replace('{number}', () => String(f.number));
      thanks.hidden = false;
    }
  };
});

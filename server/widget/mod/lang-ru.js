/* Jivo widget strings: ru. Loaded by widget.js before it draws. */
window['jivo_lang-ru'](() => ({
    title: 'Напишите нам', online: 'В сети', offline: 'Не в сети: оставьте сообщение',
    connecting: 'Подключение…', unavailable: 'Недоступен', placeholder: 'Введите сообщение…',
    send: 'Отправить', close: 'Закрыть чат', typing: 'Оператор печатает…', typingName: '{name} печатает…',
    joined: '{name} присоединился к чату', left: '{name} покинул чат', closed: 'Чат завершён',
    agent: 'Оператор', sending: 'Отправка…', failed: 'Не отправлено',
    missed: 'Извините, никто не успел ответить. Оставьте сообщение, и мы ответим по e-mail.',
    offlineIntro: 'Сейчас никого нет. Оставьте сообщение, и мы ответим по e-mail.', name: 'Имя',
    email: 'E-mail', phone: 'Телефон', message: 'Сообщение', sendOffline: 'Отправить сообщение',
    offlineThanks: 'Спасибо! Мы ответим по e-mail.', backToChat: 'Вернуться к переписке',
    another: 'Написать ещё', contact: 'Контактные данные', save: 'Сохранить', cancel: 'Отмена',
    saved: 'Спасибо, данные сохранены.', needEmail: 'Введите корректный e-mail.',
    blocked: 'Чат недоступен на этой странице.',
    rate_limited: 'Вы отправляете слишком часто. Подождите немного.',
    message_too_long: 'Сообщение слишком длинное. Сократите его.', empty_message: 'Сообщение пустое.',
    generic: 'Что-то пошло не так. Попробуйте ещё раз.'
}));

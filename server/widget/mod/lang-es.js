/* Jivo widget strings: es. Loaded by widget.js before it draws. */
window['jivo_lang-es'](() => ({
    leave: 'Déjenos un mensaje', retry: 'Reintentar',
    kept: 'Su mensaje no se entregó. Lo guardamos aquí: pulse Reintentar para enviarlo de nuevo.',
    blocked_send: 'El chat rechazó su mensaje. Lo guardamos aquí: pulse Reintentar para enviarlo más tarde.',
    title: 'Chatea con nosotros', online: 'En línea', offline: 'Fuera de línea: déjenos un mensaje',
    connecting: 'Conectando…', unavailable: 'No disponible', placeholder: 'Escriba un mensaje…',
    send: 'Enviar', close: 'Cerrar chat', typing: 'El agente está escribiendo…',
    typingName: '{name} está escribiendo…', joined: '{name} se unió al chat', left: '{name} salió del chat',
    closed: 'El chat ha terminado', agent: 'Agente', sending: 'Enviando…', failed: 'No enviado',
    missed: 'Lo sentimos, nadie pudo responder a tiempo. Déjenos un mensaje y le responderemos por correo.',
    offlineIntro: 'No hay nadie en línea. Déjenos un mensaje y le responderemos por correo.',
    name: 'Nombre', email: 'Correo electrónico', phone: 'Teléfono', message: 'Mensaje',
    sendOffline: 'Enviar mensaje', offlineThanks: '¡Gracias! Le responderemos por correo.',
    backToChat: 'Volver a la conversación', another: 'Escribir otro mensaje', contact: 'Datos de contacto',
    save: 'Guardar', cancel: 'Cancelar', saved: 'Gracias, sus datos se guardaron.',
    needEmail: 'Escriba un correo válido.', blocked: 'El chat no está disponible en esta página.',
    rate_limited: 'Está enviando demasiado rápido. Espere un momento.',
    message_too_long: 'El mensaje es demasiado largo. Acórtelo, por favor.',
    empty_message: 'El mensaje está vacío.', generic: 'Algo salió mal. Inténtelo de nuevo.', emoji: 'Emojis'
}));

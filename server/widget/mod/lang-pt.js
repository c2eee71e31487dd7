/* Jivo widget strings: pt. Loaded by widget.js before it draws. */
window['jivo_lang-pt'](() => ({
    leave: 'Deixe-nos uma mensagem', retry: 'Tentar de novo',
    kept: 'Sua mensagem não foi entregue. Ela fica guardada aqui: toque em Tentar de novo para reenviá-la.',
    blocked_send: 'O chat recusou sua mensagem. Ela fica guardada aqui: toque em Tentar de novo para enviá-la mais tarde.',
    title: 'Fale conosco', online: 'Online', offline: 'Offline: deixe uma mensagem',
    connecting: 'Conectando…', unavailable: 'Indisponível', placeholder: 'Digite uma mensagem…',
    send: 'Enviar', close: 'Fechar chat', typing: 'O atendente está digitando…',
    typingName: '{name} está digitando…', joined: '{name} entrou no chat', left: '{name} saiu do chat',
    closed: 'O chat terminou', agent: 'Atendente', sending: 'Enviando…', failed: 'Não enviada',
    missed: 'Desculpe, ninguém conseguiu responder a tempo. Deixe uma mensagem e responderemos por e-mail.',
    offlineIntro: 'Ninguém está online. Deixe uma mensagem e responderemos por e-mail.', name: 'Nome',
    email: 'E-mail', phone: 'Telefone', message: 'Mensagem', sendOffline: 'Enviar mensagem',
    offlineThanks: 'Obrigado! Responderemos por e-mail.', backToChat: 'Voltar à conversa',
    another: 'Escrever outra mensagem', contact: 'Dados de contato', save: 'Salvar', cancel: 'Cancelar',
    saved: 'Obrigado, seus dados foram salvos.', needEmail: 'Digite um e-mail válido.',
    blocked: 'O chat não está disponível nesta página.',
    rate_limited: 'Você está enviando rápido demais. Aguarde um momento.',
    message_too_long: 'A mensagem é longa demais. Encurte-a, por favor.',
    empty_message: 'A mensagem está vazia.', generic: 'Algo deu errado. Tente novamente.', emoji: 'Emojis'
}));

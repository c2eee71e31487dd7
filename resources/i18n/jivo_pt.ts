<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AttachButton</name>
    <message>
        <source>Attach a file (up to 10 MB); you can also drop files here</source>
        <translation>Anexar um arquivo (até 10 MB); você também pode soltar arquivos aqui</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Anexar um arquivo</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Enviar um arquivo</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Sending {0} ({1})…</source>
        <translation>Enviando {0} ({1})…</translation>
    </message>
</context>
<context>
    <name>ChatToast</name>
    <message>
        <source>NEW CHAT</source>
        <translation>NOVO CHAT</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Quick reply</source>
        <translation>Resposta rápida</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Type a reply…</source>
        <translation>Digite uma resposta…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Enter sends · Esc cancels · the chat becomes yours</source>
        <translation>Enter envia · Esc cancela · o chat passa a ser seu</translation>
    </message>
</context>
<context>
    <name>ChatsService</name>
    <message>
        <source>Colleague</source>
        <translation>Colega</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>The chat with your colleague could not be opened: {0}</source>
        <translation>Não foi possível abrir o chat com seu colega: {0}</translation>
    </message>
    <message>
        <source>Another agent has already accepted this chat.</source>
        <translation>Outro agente já aceitou este chat.</translation>
    </message>
    <message>
        <source>The chat could not be accepted: {0}</source>
        <translation>Não foi possível aceitar o chat: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sem conexão com o servidor: tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The chat could not be closed: {0}</source>
        <translation>Não foi possível encerrar o chat: {0}</translation>
    </message>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Uma mensagem não foi enviada: {0}</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>digitando…</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Arquivo: {0}</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <source>Colleague</source>
        <translation>Colega</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem da visita</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tempo no site</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Página atual</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <source>Internet provider</source>
        <translation>Provedor de internet</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Endereço IP</translation>
    </message>
    <message>
        <source>{0} pages this visit</source>
        <translation>{0} páginas nesta visita</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>saiu do site</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site</translation>
    </message>
</context>
<context>
    <name>FilesService</name>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Não é possível ler {0}: {1}</translation>
    </message>
    <message>
        <source>{0} is not a file</source>
        <translation>{0} não é um arquivo</translation>
    </message>
    <message>
        <source>{0} is empty and was not sent</source>
        <translation>{0} está vazio e não foi enviado</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB ({1}) and was not sent</source>
        <translation>{0} tem mais de 10 MB ({1}) e não foi enviado</translation>
    </message>
    <message>
        <source>Not connected: the file was not sent</source>
        <translation>Sem conexão: o arquivo não foi enviado</translation>
    </message>
    <message>
        <source>{0} was not sent: {1}</source>
        <translation>{0} não foi enviado: {1}</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB and was not sent</source>
        <translation>{0} tem mais de 10 MB e não foi enviado</translation>
    </message>
    <message>
        <source>The name {0} cannot be used: rename the file</source>
        <translation>O nome {0} não pode ser usado: renomeie o arquivo</translation>
    </message>
    <message>
        <source>{0} arrived damaged: send it again</source>
        <translation>{0} chegou danificado: envie novamente</translation>
    </message>
    <message>
        <source>The chat has ended: {0} was not sent</source>
        <translation>O chat terminou: {0} não foi enviado</translation>
    </message>
    <message>
        <source>Not connected: {0} was not saved</source>
        <translation>Sem conexão: {0} não foi salvo</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>{0} não foi salvo: {1}</translation>
    </message>
</context>
<context>
    <name>HistoryPopup</name>
    <message>
        <source>Navigation history</source>
        <translation>Histórico de navegação</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>An agent</source>
        <translation>Um agente</translation>
    </message>
    <message>
        <source>{0} joined the chat</source>
        <translation>{0} entrou no chat</translation>
    </message>
    <message>
        <source>{0} left the chat</source>
        <translation>{0} saiu do chat</translation>
    </message>
    <message>
        <source>The chat has ended</source>
        <translation>O chat foi encerrado</translation>
    </message>
    <message>
        <source>Click to save</source>
        <translation>Clique para salvar</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>No chats yet.
New chats appear here.</source>
        <translation>Ainda não há chats.
Os novos chats aparecem aqui.</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Leave chat</source>
        <translation>Sair do chat</translation>
    </message>
    <message>
        <source>This visitor is waiting for an answer.</source>
        <translation>Este visitante está aguardando uma resposta.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Type a message… (Enter sends, Shift+Enter: new line)</source>
        <translation>Digite uma mensagem… (Enter envia, Shift+Enter: nova linha)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Escolha um chat à esquerda.
Os chats aguardando estão marcados em laranja.</translation>
    </message>
    <message>
        <source>Chat with a colleague</source>
        <translation>Chat com um colega</translation>
    </message>
    <message>
        <source>Visitor is typing: {0}</source>
        <translation>O visitante está digitando: {0}</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} está digitando…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Salvar arquivo</translation>
    </message>
</context>
<context>
    <name>InvitationsSection</name>
    <message>
        <source>Automatic invitations</source>
        <translation>Convites automáticos</translation>
    </message>
    <message>
        <source>The widget invites a visitor to chat when every condition of a rule holds. An invitation the visitor closed does not come back in the same visit.</source>
        <translation>O chat convida o visitante quando todas as condições de uma regra são atendidas. Um convite que o visitante fechou não volta na mesma visita.</translation>
    </message>
    <message>
        <source>Hello! Can I help you find something?</source>
        <translation>Olá! Posso ajudar a encontrar algo?</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Escolher foto…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>e.g. */pricing* (empty: any page)</source>
        <translation>ex.: */precos* (vazio: qualquer página)</translation>
    </message>
    <message>
        <source>e.g. google (empty: any)</source>
        <translation>ex.: google (vazio: qualquer)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativa</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Agent name shown</source>
        <translation>Nome do agente exibido</translation>
    </message>
    <message>
        <source>Agent photo</source>
        <translation>Foto do agente</translation>
    </message>
    <message>
        <source>Time on the page</source>
        <translation>Tempo na página</translation>
    </message>
    <message>
        <source>Page URL</source>
        <translation>URL da página</translation>
    </message>
    <message>
        <source>At least visits</source>
        <translation>Mínimo de visitas</translation>
    </message>
    <message>
        <source>Referrer contains</source>
        <translation>A origem contém</translation>
    </message>
    <message>
        <source>UTM source</source>
        <translation>UTM source</translation>
    </message>
    <message>
        <source>UTM campaign</source>
        <translation>UTM campaign</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Nova regra</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Salvar regra</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Excluir regra</translation>
    </message>
    <message>
        <source>Write the invitation&apos;s message.</source>
        <translation>Escreva a mensagem do convite.</translation>
    </message>
    <message>
        <source>Choose a website.</source>
        <translation>Escolha um site.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Imagens (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Choose a PNG, JPEG, GIF or WebP image of at most 28 KB.</source>
        <translation>Escolha uma imagem PNG, JPEG, GIF ou WebP de no máximo 28 KB.</translation>
    </message>
    <message>
        <source>after {0} s on the page</source>
        <translation>após {0} s na página</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>página {0}</translation>
    </message>
    <message>
        <source>from visit {0}</source>
        <translation>a partir da visita {0}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>vindo de {0}</translation>
    </message>
    <message>
        <source>every visitor, at once</source>
        <translation>todos os visitantes, na hora</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipe</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estatísticas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Clients, reminders and the sales funnel.</source>
        <translation>Clientes, lembretes e funil de vendas.</translation>
    </message>
    <message>
        <source>The dialer and the call log.</source>
        <translation>O discador e o histórico de chamadas.</translation>
    </message>
    <message>
        <source>Who is on your website right now.</source>
        <translation>Quem está no seu site agora.</translation>
    </message>
    <message>
        <source>Chats, missed chats and reply times.</source>
        <translation>Chats, chats perdidos e tempos de resposta.</translation>
    </message>
    <message>
        <source>The app&apos;s and the account&apos;s settings.</source>
        <translation>As configurações do aplicativo e da conta.</translation>
    </message>
    <message>
        <source>Jivo Live</source>
        <translation>Jivo Live</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Away</source>
        <translation>● Ausente</translation>
    </message>
    <message>
        <source>Online: you get new chats.</source>
        <translation>Online: você recebe novos chats.</translation>
    </message>
    <message>
        <source>Away: no new chats; you keep your current ones.</source>
        <translation>Ausente: nenhum chat novo; você continua com os atuais.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sem conexão</translation>
    </message>
    <message>
        <source>Connection to the relay lost. Reconnecting by itself; what you write is kept and sent as soon as it is back.</source>
        <translation>A conexão com o servidor caiu. O app se reconecta sozinho; o que você escrever fica guardado e é enviado assim que ela voltar.</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>{0}

This page is not built yet: it comes in a later version.</source>
        <translation>{0}

Esta página ainda não está pronta: ela chega em uma versão futura.</translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>New chat: {0}</source>
        <translation>Novo chat: {0}</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>no system keychain</source>
        <translation>não há chaveiro de senhas do sistema</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>Enter the relay address, your e-mail and password.</source>
        <translation>Informe o endereço do servidor, seu e-mail e sua senha.</translation>
    </message>
    <message>
        <source>Cannot reach the relay at {0}. Check the address and your connection.</source>
        <translation>Não foi possível acessar o servidor {0}. Verifique o endereço e sua conexão.</translation>
    </message>
    <message>
        <source>Cannot sign in: {0}</source>
        <translation>Não foi possível entrar: {0}</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>Este computador não tem um chaveiro de senhas: seu login não será lembrado.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>E-mail ou senha incorretos.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app. ({0})</source>
        <translation>Este servidor usa outra versão do serviço. Atualize o aplicativo. ({0})</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Sua sessão expirou. Entre novamente.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — Jivo Live</source>
        <translation>Entrar — Jivo Live</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Use the e-mail and password of your account.</source>
        <translation>Use o e-mail e a senha da sua conta.</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Lembrar de mim neste computador</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the password cannot be remembered.</source>
        <translation>Este computador não tem um chaveiro de senhas, então a senha não pode ser lembrada.</translation>
    </message>
    <message>
        <source>Remember me (no keychain on this computer)</source>
        <translation>Lembrar de mim (sem chaveiro neste computador)</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Equipe</translation>
    </message>
    <message>
        <source>Green: online · Yellow: away · Empty: offline. Click a colleague to chat.</source>
        <translation>Verde: online · Amarelo: ausente · Vazio: offline. Clique em um colega para conversar.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agente</translation>
    </message>
</context>
<context>
    <name>ToastManager</name>
    <message>
        <source>Opening the chat…</source>
        <translation>Abrindo o chat…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <source>+%n more waiting</source>
        <translation>
            <numerusform>+%n aguardando</numerusform>
            <numerusform>+%n aguardando</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sem conexão</translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) waiting</source>
        <translation>
            <numerusform>%n chat aguardando</numerusform>
            <numerusform>%n chats aguardando</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitorsModel</name>
    <message>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Página atual</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tempo no site</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>The page is in a background tab</source>
        <translation>A página está em uma aba em segundo plano</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direto</translation>
    </message>
    <message>
        <source>Search: {0}</source>
        <translation>Busca: {0}</translation>
    </message>
    <message>
        <source>Social: {0}</source>
        <translation>Rede social: {0}</translation>
    </message>
    <message>
        <source>Link: {0}</source>
        <translation>Link: {0}</translation>
    </message>
    <message>
        <source>Campaign: {0}</source>
        <translation>Campanha: {0}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>Chatting with {0}</source>
        <translation>Conversando com {0}</translation>
    </message>
    <message>
        <source>Chatting</source>
        <translation>Conversando</translation>
    </message>
</context>
<context>
    <name>VisitorsPage</name>
    <message>
        <source>Hello! Can I help you with anything?</source>
        <translation>Olá! Posso ajudar em algo?</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message>
        <source>Filter by name, page, source or place…</source>
        <translation>Filtrar por nome, página, origem ou local…</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Convite:</translation>
    </message>
    <message>
        <source>Invite to chat</source>
        <translation>Convidar para o chat</translation>
    </message>
    <message>
        <source>Automatic invitations…</source>
        <translation>Convites automáticos…</translation>
    </message>
    <message>
        <source>Automatic invitations</source>
        <translation>Convites automáticos</translation>
    </message>
    <message>
        <source>{0} on the site</source>
        <translation>{0} no site</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Convite enviado para {0}.</translation>
    </message>
</context>
<context>
    <name>VisitorsService</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>The visitor has left the site.</source>
        <translation>O visitante saiu do site.</translation>
    </message>
    <message>
        <source>The invitation was not sent: {0}</source>
        <translation>O convite não foi enviado: {0}</translation>
    </message>
    <message>
        <source>The invitation was not sent: no connection to the relay.</source>
        <translation>O convite não foi enviado: sem conexão com o relay.</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sem conexão com o relay.</translation>
    </message>
    <message>
        <source>Only administrators can change the invitation rules.</source>
        <translation>Somente administradores podem alterar as regras de convite.</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>idle time is not available on Wayland; auto-away is off</source>
        <translation>o tempo de inatividade não está disponível no Wayland; o modo ausente automático está desligado</translation>
    </message>
    <message>
        <source>no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)</source>
        <translation>não há sessão gráfica (nem DISPLAY nem WAYLAND_DISPLAY estão definidos)</translation>
    </message>
    <message>
        <source>global hotkeys are not possible on Wayland; bind a desktop shortcut to `jivo-desktop --accept`</source>
        <translation>atalhos globais não são possíveis no Wayland; associe um atalho da área de trabalho a `jivo-desktop --accept`</translation>
    </message>
    <message>
        <source>allow this app under System Settings &gt; Privacy &amp; Security &gt; Accessibility (and Input Monitoring), then restart it</source>
        <translation>permita este app em Ajustes do Sistema &gt; Privacidade e Segurança &gt; Acessibilidade (e Monitoramento de Entrada) e depois reinicie-o</translation>
    </message>
    <message>
        <source>global hotkeys need the Accessibility permission: {0}</source>
        <translation>atalhos globais precisam da permissão de Acessibilidade: {0}</translation>
    </message>
    <message>
        <source>pynput is not usable here: {0}</source>
        <translation>o pynput não pode ser usado aqui: {0}</translation>
    </message>
    <message>
        <source>pynput&apos;s backend for {0} cannot run on {1}</source>
        <translation>o módulo do pynput para {0} não funciona em {1}</translation>
    </message>
    <message>
        <source>the keyboard listener could not start: {0}</source>
        <translation>não foi possível iniciar a escuta do teclado: {0}</translation>
    </message>
    <message>
        <source>the keyboard listener did not start</source>
        <translation>a escuta do teclado não foi iniciada</translation>
    </message>
    <message>
        <source>the keyboard listener did not start (does the X server have the RECORD extension?)</source>
        <translation>a escuta do teclado não foi iniciada (o servidor X tem a extensão RECORD?)</translation>
    </message>
    <message>
        <source>idle time is not available on this system</source>
        <translation>o tempo de inatividade não está disponível neste sistema</translation>
    </message>
    <message>
        <source>no X display (DISPLAY is not set)</source>
        <extracomment>Short backend name for logs and the diagnostics page (&quot;x11&quot;, &quot;windows&quot;, &quot;macos&quot;, &quot;unknown&quot;).</extracomment>
        <translation>não há tela X (DISPLAY não está definido)</translation>
    </message>
    <message>
        <source>libX11 is not installed ({0})</source>
        <translation>a libX11 não está instalada ({0})</translation>
    </message>
    <message>
        <source>libXss (XScreenSaver) is not installed ({0}); install libxss1</source>
        <translation>a libXss (XScreenSaver) não está instalada ({0}); instale a libxss1</translation>
    </message>
    <message>
        <source>cannot open X display {0}</source>
        <translation>não foi possível abrir a tela X {0}</translation>
    </message>
    <message>
        <source>the X server at {0} has no MIT-SCREEN-SAVER extension</source>
        <translation>o servidor X em {0} não tem a extensão MIT-SCREEN-SAVER</translation>
    </message>
    <message>
        <source>{0} idle time failed: {1}</source>
        <translation>falha no tempo de inatividade do {0}: {1}</translation>
    </message>
    <message>
        <source>GetLastInputInfo needs Windows (ctypes.WinDLL is missing)</source>
        <translation>GetLastInputInfo precisa do Windows (ctypes.WinDLL não existe)</translation>
    </message>
    <message>
        <source>GetLastInputInfo is not available ({0})</source>
        <translation>GetLastInputInfo não está disponível ({0})</translation>
    </message>
    <message>
        <source>CoreGraphics is not available (macOS only): {0}</source>
        <translation>CoreGraphics não está disponível (somente macOS): {0}</translation>
    </message>
</context>
</TS>

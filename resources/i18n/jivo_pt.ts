<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutSection</name>
    <message>
        <source>Jivo Live {0}</source>
        <translation>Jivo Live {0}</translation>
    </message>
    <message>
        <source>Something wrong? Send the app&apos;s log files to your administrators: they go to your relay only, and help them find the cause.</source>
        <translation>Algo errado? Envie os registros do aplicativo aos seus administradores: eles vão apenas para o seu servidor e os ajudam a encontrar a causa.</translation>
    </message>
    <message>
        <source>Send logs</source>
        <translation>Enviar registros</translation>
    </message>
    <message>
        <source>Logs sent by your team</source>
        <translation>Registros enviados pela sua equipe</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Salvar…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent. Your administrators can read them now.</source>
        <translation>Enviados. Seus administradores já podem lê-los.</translation>
    </message>
    <message>
        <source>Could not load the list: {0}</source>
        <translation>Não foi possível carregar a lista: {0}</translation>
    </message>
    <message>
        <source>Nobody has sent logs yet.</source>
        <translation>Ninguém enviou registros ainda.</translation>
    </message>
    <message>
        <source>Save the logs</source>
        <translation>Salvar os registros</translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation>Não foi possível salvar: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Salvo em {0}</translation>
    </message>
</context>
<context>
    <name>AccountChannels</name>
    <message>
        <source>Phone button in the widget</source>
        <translation>Botão de telefone no widget</translation>
    </message>
    <message>
        <source>The widget language&apos;s country</source>
        <translation>O país do idioma do widget</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Pedidos de ligação</translation>
    </message>
    <message>
        <source>Their numbers without + are in</source>
        <translation>Seus números sem + são de</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canais</translation>
    </message>
    <message>
        <source>Your websites. Paste a site&apos;s snippet into every page of it.</source>
        <translation>Seus sites. Cole o código de um site em todas as páginas dele.</translation>
    </message>
    <message>
        <source>Add a website</source>
        <translation>Adicionar um site</translation>
    </message>
    <message>
        <source>My shop</source>
        <translation>Minha loja</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglês</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espanhol</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Português</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russo</translation>
    </message>
    <message>
        <source>Chat switched on for this site</source>
        <translation>Chat ativado neste site</translation>
    </message>
    <message>
        <source>Every online agent at once</source>
        <translation>Todos os agentes online de uma vez</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sem limite</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>See the visitor typing</source>
        <translation>Ver o visitante digitando</translation>
    </message>
    <message>
        <source>One agent first, then everyone</source>
        <translation>Primeiro um agente, depois todos</translation>
    </message>
    <message>
        <source>One agent first: the client&apos;s assigned agent or the least busy one; if they ignore it, every online agent.</source>
        <translation>Primeiro um agente: o agente atribuído ao cliente ou o menos ocupado; se ele ignorar, todos os agentes online.</translation>
    </message>
    <message>
        <source>No departments yet. Make them in Team: right-click an agent → Settings…</source>
        <translation>Ainda não há departamentos. Crie-os em Equipe: clique com o botão direito num agente → Configurações…</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Widget language</source>
        <translation>Idioma do widget</translation>
    </message>
    <message>
        <source>Allowed origins
(one a line)</source>
        <translation>Origens permitidas
(uma por linha)</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>New chats go to</source>
        <translation>Novos chats vão para</translation>
    </message>
    <message>
        <source>Open chats per agent</source>
        <translation>Chats abertos por agente</translation>
    </message>
    <message>
        <source>Offer time-out</source>
        <translation>Tempo limite da oferta</translation>
    </message>
    <message>
        <source>Departments first</source>
        <translation>Departamentos primeiro</translation>
    </message>
    <message>
        <source>Sneak peek</source>
        <translation>Espiar</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (desativado)</translation>
    </message>
    <message>
        <source>Snippet copied.</source>
        <translation>Código copiado.</translation>
    </message>
</context>
<context>
    <name>AccountIntegrations</name>
    <message>
        <source>Callback request</source>
        <translation>Pedido de ligação</translation>
    </message>
    <message>
        <source>Chat accepted</source>
        <translation>Chat aceito</translation>
    </message>
    <message>
        <source>Chat finished</source>
        <translation>Chat encerrado</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Mensagem offline</translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation>Cliente atualizado</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrações</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Adicionar webhook</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Excluir webhook</translation>
    </message>
    <message>
        <source>Refresh log</source>
        <translation>Atualizar registro</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Registro de entregas</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Tokens de API</translation>
    </message>
    <message>
        <source>A script sends the token in an authenticate frame over the WebSocket and acts as you, an administrator.</source>
        <translation>Um script envia o token em uma mensagem authenticate pelo WebSocket e age como você, um administrador.</translation>
    </message>
    <message>
        <source>What uses it, e.g. nightly export</source>
        <translation>O que o usa, ex.: exportação noturna</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Criar token</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revogar</translation>
    </message>
    <message>
        <source>Copy it now: it is not shown again.</source>
        <translation>Copie agora: ele não será mostrado de novo.</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Tentando de novo</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revogado</translation>
    </message>
    <message>
        <source>Deal changed</source>
        <translation>Negócio alterado</translation>
    </message>
    <message>
        <source>Task due</source>
        <translation>Prazo da tarefa</translation>
    </message>
</context>
<context>
    <name>AccountProfile</name>
    <message>
        <source>My account</source>
        <translation>Minha conta</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Não definido</translation>
    </message>
    <message>
        <source>Leave empty to keep it</source>
        <translation>Deixe vazio para mantê-la</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Sign out on other devices</source>
        <translation>Sair nos outros dispositivos</translation>
    </message>
    <message>
        <source>Ends every other session of your account: other computers, browsers</source>
        <translation>Encerra todas as outras sessões da sua conta: outros computadores, navegadores</translation>
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
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Senha atual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nova senha</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horário de trabalho</translation>
    </message>
    <message>
        <source>Outside these hours visitors see the offline form</source>
        <translation>Fora deste horário os visitantes veem o formulário offline</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Segunda-feira</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Terça-feira</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Quarta-feira</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Quinta-feira</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Sexta-feira</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>Save working hours</source>
        <translation>Salvar horário</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sem conexão com o servidor.</translation>
    </message>
    <message>
        <source>The relay did not answer. Try again.</source>
        <translation>O servidor não respondeu. Tente de novo.</translation>
    </message>
    <message>
        <source>The account exists, but the invitation e-mail could not be sent. Check the relay&apos;s SMTP settings, then invite again to send a new link.</source>
        <translation>A conta existe, mas não foi possível enviar o e-mail de convite. Verifique as configurações de SMTP do servidor e convide novamente para enviar um novo link.</translation>
    </message>
    <message>
        <source>Site saved.</source>
        <translation>Site salvo.</translation>
    </message>
    <message>
        <source>No e-mail was sent: the relay has no SMTP server set (JIVO_RELAY_SMTP_HOST). Give {0} this link to set a password; it works once.</source>
        <translation>Nenhum e-mail foi enviado: o servidor não tem um servidor SMTP configurado (JIVO_RELAY_SMTP_HOST). Entregue a {0} este link para definir uma senha; ele funciona uma única vez.</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Convite enviado para {0}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message>
        <source>Department removed.</source>
        <translation>Departamento removido.</translation>
    </message>
    <message>
        <source>Department saved.</source>
        <translation>Departamento salvo.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Senha alterada.</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>Conta salva.</translation>
    </message>
    <message>
        <source>Signed out on every other device.</source>
        <translation>Sessão encerrada em todos os outros dispositivos.</translation>
    </message>
    <message>
        <source>Working hours saved.</source>
        <translation>Horário salvo.</translation>
    </message>
</context>
<context>
    <name>AccountTeam</name>
    <message>
        <source>Teammates</source>
        <translation>Colegas</translation>
    </message>
    <message>
        <source>Invite a colleague by e-mail: they get a link to set their password and the link to install the app.</source>
        <translation>Convide um colega por e-mail: ele recebe um link para definir a senha e o link para instalar o aplicativo.</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>colega@example.com</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Convidar</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar link</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Convidado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Make agent</source>
        <translation>Tornar agente</translation>
    </message>
    <message>
        <source>Make administrator</source>
        <translation>Tornar administrador</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Ativar</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desativar</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <source>Settings of {0}</source>
        <translation>Configurações de {0}</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>The site&apos;s limit</source>
        <translation>O limite do site</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Novo departamento</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Remove the selected department</source>
        <translation>Remover o departamento selecionado</translation>
    </message>
    <message>
        <source>Removes it for every agent and site</source>
        <translation>Remove-o para todos os agentes e sites</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Open chats at most</source>
        <translation>Chats abertos no máximo</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departamentos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ArchivePanel</name>
    <message>
        <source>Words in the conversation</source>
        <translation>Palavras da conversa</translation>
    </message>
    <message>
        <source>Visitor: name, e-mail, phone or number</source>
        <translation>Visitante: nome, e-mail, telefone ou número</translation>
    </message>
    <message>
        <source>Closed and missed</source>
        <translation>Encerrados e perdidos</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Encerrado</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Próxima página</translation>
    </message>
    <message>
        <source>Archived chats are read-only.</source>
        <translation>Os chats arquivados são somente leitura.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar novamente</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Qualquer agente</translation>
    </message>
    <message>
        <source>Chat {0}</source>
        <translation>Chat {0}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>{0}–{1} of {2}</source>
        <translation>{0}–{1} de {2}</translation>
    </message>
    <message>
        <source>No archived chats match.</source>
        <translation>Nenhum chat arquivado corresponde.</translation>
    </message>
    <message>
        <source>Choose a chat to read it.</source>
        <translation>Escolha um chat para lê-lo.</translation>
    </message>
</context>
<context>
    <name>ArchiveService</name>
    <message>
        <source>The archive could not be searched: {0}</source>
        <translation>Não foi possível buscar no arquivo: {0}</translation>
    </message>
    <message>
        <source>The conversation could not be loaded: {0}</source>
        <translation>Não foi possível carregar a conversa: {0}</translation>
    </message>
</context>
<context>
    <name>AssignedAgentBox</name>
    <message>
        <source>Assigned agent</source>
        <translation>Agente atribuído</translation>
    </message>
    <message>
        <source>The client&apos;s next chats go first to this agent while they are online</source>
        <translation>Os próximos chats do cliente vão primeiro para este agente enquanto estiver online</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Ninguém</translation>
    </message>
</context>
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
    <name>AudioSection</name>
    <message>
        <source>Speak after pressing the button: {0} seconds are recorded, then played back.</source>
        <translation>Fale depois de clicar no botão: {0} segundos são gravados e depois reproduzidos.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect one: it appears here by itself.</source>
        <translation>Nenhum microfone foi encontrado. Conecte um: ele aparece aqui sozinho.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>Test the microphone</source>
        <translation>Testar o microfone</translation>
    </message>
    <message>
        <source>Recording… speak now.</source>
        <translation>Gravando… fale agora.</translation>
    </message>
    <message>
        <source>Playing back what was recorded…</source>
        <translation>Reproduzindo o que foi gravado…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself? If not, choose another microphone.</source>
        <translation>Pronto. Você se ouviu? Se não, escolha outro microfone.</translation>
    </message>
    <message>
        <source>The microphone could not be used. Choose another one.</source>
        <translation>Não foi possível usar o microfone. Escolha outro.</translation>
    </message>
</context>
<context>
    <name>AutostartSetting</name>
    <message>
        <source>Start Jivo Live when I log in</source>
        <translation>Iniciar o Jivo Live quando eu entrar no sistema</translation>
    </message>
    <message>
        <source>Not available on this system: {0}</source>
        <translation>Não disponível neste sistema: {0}</translation>
    </message>
    <message>
        <source>Could not change it: {0}</source>
        <translation>Não foi possível alterar: {0}</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>Block the client</source>
        <translation>Bloquear o cliente</translation>
    </message>
    <message>
        <source>Block {0}? They will not be able to write again from this browser. The chat is closed. An admin can unblock them.</source>
        <translation>Bloquear {0}? Não poderá voltar a escrever a partir deste navegador. O chat é fechado. Um administrador pode desbloqueá-lo.</translation>
    </message>
    <message>
        <source>Reason (shown in the blocked clients list)</source>
        <translation>Motivo (mostrado na lista de clientes bloqueados)</translation>
    </message>
    <message>
        <source>Also block the IP address</source>
        <translation>Bloquear também o endereço IP</translation>
    </message>
    <message>
        <source>Looking up the client&apos;s IP address…</source>
        <translation>A procurar o endereço IP do cliente…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Block as spam</source>
        <translation>Bloquear como spam</translation>
    </message>
    <message>
        <source>The client&apos;s IP address is not known.</source>
        <translation>O endereço IP do cliente não é conhecido.</translation>
    </message>
    <message>
        <source>Also block the IP address {0}</source>
        <translation>Bloquear também o endereço IP {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n other visitor(s) on the site share this address now (an office or a mobile network): blocking the address blocks them too.</source>
        <translation>
            <numerusform>%n outro visitante do site partilha agora este endereço (um escritório ou uma rede móvel): bloquear o endereço também o bloqueia.</numerusform>
            <numerusform>%n outros visitantes do site partilham agora este endereço (um escritório ou uma rede móvel): bloquear o endereço também os bloqueia.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other visitor on the site shares this address now.</source>
        <translation>Nenhum outro visitante do site partilha agora este endereço.</translation>
    </message>
</context>
<context>
    <name>BlockedClientsList</name>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Ninguém está bloqueado.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Cliente {0}</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sem motivo</translation>
    </message>
    <message>
        <source>the IP address {0} is blocked too</source>
        <translation>o endereço IP {0} também está bloqueado</translation>
    </message>
    <message>
        <source>IP {0} (not blocked)</source>
        <translation>IP {0} (não bloqueado)</translation>
    </message>
    <message>
        <source>{0} · {1}: {2}
{3} · blocked by {4}, {5}</source>
        <translation>{0} · {1}: {2}
{3} · bloqueado por {4}, {5}</translation>
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked clients</source>
        <translation>Clientes bloqueados</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>ChatActionsBar</name>
    <message>
        <source>Invite a colleague into this chat (you stay in it)</source>
        <translation>Convidar um colega para este chat (você continua nele)</translation>
    </message>
    <message>
        <source>Transfer the chat to a colleague ({0})</source>
        <translation>Transferir o chat para um colega ({0})</translation>
    </message>
    <message>
        <source>Block the client / mark as spam ({0})</source>
        <translation>Bloquear o cliente / marcar como spam ({0})</translation>
    </message>
    <message>
        <source>Leave the chat ({0})</source>
        <translation>Sair do chat ({0})</translation>
    </message>
    <message>
        <source>More: quick phrases, blocked clients</source>
        <translation>Mais: frases rápidas, clientes bloqueados</translation>
    </message>
    <message>
        <source>Quick phrases…</source>
        <translation>Frases rápidas…</translation>
    </message>
    <message>
        <source>Blocked clients…</source>
        <translation>Clientes bloqueados…</translation>
    </message>
</context>
<context>
    <name>ChatActionsService</name>
    <message>
        <source>The colleague could not be invited: {0}</source>
        <translation>Não foi possível convidar o colega: {0}</translation>
    </message>
    <message>
        <source>{0} is invited; you stay in the chat.</source>
        <translation>{0} foi convidado; você continua no chat.</translation>
    </message>
    <message>
        <source>The chat could not be transferred: {0}</source>
        <translation>Não foi possível transferir o chat: {0}</translation>
    </message>
    <message>
        <source>Waiting for {0} to accept the chat; it stays yours until then.</source>
        <translation>Aguardando {0} aceitar o chat; até lá ele continua sendo seu.</translation>
    </message>
    <message>
        <source>The invitation could not be answered: {0}</source>
        <translation>Não foi possível responder ao convite: {0}</translation>
    </message>
    <message>
        <source>You could not leave the chat: {0}</source>
        <translation>Não foi possível sair do chat: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sem conexão com o servidor: tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The client could not be blocked: {0}</source>
        <translation>Não foi possível bloquear o cliente: {0}</translation>
    </message>
    <message>
        <source>The blocked clients could not be listed: {0}</source>
        <translation>Não foi possível listar os clientes bloqueados: {0}</translation>
    </message>
    <message>
        <source>The client could not be unblocked: {0}</source>
        <translation>Não foi possível desbloquear o cliente: {0}</translation>
    </message>
    <message>
        <source>The comment was not saved: {0}</source>
        <translation>O comentário não foi salvo: {0}</translation>
    </message>
    <message>
        <source>{0} is viewing</source>
        <translation>{0} está vendo o chat</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} está digitando…</translation>
    </message>
    <message>
        <source>An invitation to a chat timed out.</source>
        <translation>Um convite para um chat expirou.</translation>
    </message>
    <message>
        <source>{0} accepted the chat.</source>
        <translation>{0} aceitou o chat.</translation>
    </message>
    <message>
        <source>{0} declined the transfer; the chat stays yours.</source>
        <translation>{0} recusou a transferência; o chat continua sendo seu.</translation>
    </message>
    <message>
        <source>{0} did not answer the transfer in time; the chat stays yours.</source>
        <translation>{0} não respondeu à transferência a tempo; o chat continua sendo seu.</translation>
    </message>
    <message>
        <source>{0} joined the chat.</source>
        <translation>{0} entrou no chat.</translation>
    </message>
    <message>
        <source>{0} declined the invitation.</source>
        <translation>{0} recusou o convite.</translation>
    </message>
    <message>
        <source>{0} did not answer the invitation in time.</source>
        <translation>{0} não respondeu ao convite a tempo.</translation>
    </message>
</context>
<context>
    <name>ChatToast</name>
    <message>
        <source>CALLBACK REQUEST</source>
        <translation>PEDIDO DE LIGAÇÃO</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
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
    <name>ChatsChart</name>
    <message>
        <source>Chats per period</source>
        <translation>Chats por período</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atendidos</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Sem atendimento</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
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
        <source>The agent could not be assigned: {0}</source>
        <translation>Não foi possível atribuir o agente: {0}</translation>
    </message>
    <message>
        <source>The chat could not be closed: {0}</source>
        <translation>Não foi possível encerrar o chat: {0}</translation>
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
        <source>1 page this visit</source>
        <translation>1 página nesta visita</translation>
    </message>
    <message numerus="yes">
        <source>%n pages this visit</source>
        <translation>
            <numerusform>%n página nesta visita</numerusform>
            <numerusform>%n páginas nesta visita</numerusform>
        </translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>Read this chat in the archive</source>
        <translation>Ler este chat no arquivo</translation>
    </message>
    <message>
        <source>Earlier chats ({0})</source>
        <translation>Chats anteriores ({0})</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>saiu do site</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
</context>
<context>
    <name>ColleagueDialog</name>
    <message>
        <source>Transfer chat</source>
        <translation>Transferir chat</translation>
    </message>
    <message>
        <source>Invite a colleague</source>
        <translation>Convidar um colega</translation>
    </message>
    <message>
        <source>Choose a colleague. The chat moves when they accept; until then it is yours.</source>
        <translation>Escolha um colega. O chat passa para ele quando aceitar; até lá é seu.</translation>
    </message>
    <message>
        <source>Choose a colleague to join this chat. You stay in it.</source>
        <translation>Escolha um colega para entrar neste chat. Você continua nele.</translation>
    </message>
    <message>
        <source>A note for your colleague (the visitor never sees it)</source>
        <translation>Uma nota para o colega (o visitante nunca a vê)</translation>
    </message>
    <message>
        <source>Note for the colleague</source>
        <translation>Nota para o colega</translation>
    </message>
    <message>
        <source>No colleague is online right now.</source>
        <translation>Nenhum colega está online agora.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Convidar</translation>
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
        <source>No department</source>
        <translation>Sem departamento</translation>
    </message>
    <message>
        <source>1 open chat</source>
        <translation>1 chat aberto</translation>
    </message>
    <message>
        <source>{0} open chats</source>
        <translation>{0} chats abertos</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Comment, only agents see it</source>
        <translation>Comentário, só os agentes veem</translation>
    </message>
    <message>
        <source>Click to save</source>
        <translation>Clique para salvar</translation>
    </message>
    <message>
        <source>not sent · Retry</source>
        <translation>não enviada · Tentar de novo</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>não entregue</translation>
    </message>
    <message>
        <source>not delivered: {0}</source>
        <translation>não entregue: {0}</translation>
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
        <source>Retry</source>
        <translation>Tentar novamente</translation>
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
        <source>The conversation could not be loaded. {0}</source>
        <translation>Não foi possível carregar a conversa. {0}</translation>
    </message>
    <message>
        <source>Original · click for the translation</source>
        <translation>Original · clique para ver a tradução</translation>
    </message>
    <message>
        <source>Translated from {0} · click for the original</source>
        <translation>Traduzido de {0} · clique para ver o original</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is open in your browser: click the element there, add a comment and send. Pages behind a sign-in cannot show it.</source>
        <translation>A página do visitante está aberta no seu navegador: clique no elemento, escreva um comentário e envie. Páginas que exigem login não podem mostrá-lo.</translation>
    </message>
    <message>
        <source>The visitor will read: {0}</source>
        <translation>O visitante lerá: {0}</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Uma mensagem não foi enviada: {0}</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sem conexão com o servidor.</translation>
    </message>
    <message>
        <source>The connection dropped while loading the conversation.</source>
        <translation>A conexão caiu enquanto a conversa era carregada.</translation>
    </message>
    <message>
        <source>The relay did not answer in time.</source>
        <translation>O servidor não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The relay refused: {0}</source>
        <translation>O servidor recusou: {0}</translation>
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
        <source>Not connected: {0} was not saved</source>
        <translation>Sem conexão: {0} não foi salvo</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>{0} não foi salvo: {1}</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>Sidebar colour</source>
        <translation>Cor da barra lateral</translation>
    </message>
    <message>
        <source>Typing hints</source>
        <translation>Sugestões de digitação</translation>
    </message>
    <message>
        <source>Away when idle</source>
        <translation>Ausente por inatividade</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificações</translation>
    </message>
    <message>
        <source>Spell check</source>
        <translation>Corretor ortográfico</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Inicialização</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Suggest my frequent phrases while I type (Tab)</source>
        <translation>Sugerir minhas frases frequentes enquanto digito (Tab)</translation>
    </message>
    <message>
        <source>The phrases are kept on this computer only.</source>
        <translation>As frases ficam apenas neste computador.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>After {0} minutes</source>
        <translation>Após {0} minutos</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>Não é possível neste computador: {0}</translation>
    </message>
    <message>
        <source>This computer does not tell the app how long you have been idle.</source>
        <translation>Este computador não informa ao aplicativo há quanto tempo você está inativo.</translation>
    </message>
    <message>
        <source>Jivo Live pop-up</source>
        <translation>Janela do Jivo Live</translation>
    </message>
    <message>
        <source>The system&apos;s notifications</source>
        <translation>Notificações do sistema</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <source>Check my spelling in</source>
        <translation>Verificar minha ortografia em</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <source>Mon</source>
        <translation>Seg</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Ter</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Qua</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>Busiest hours: chats started per weekday and hour</source>
        <translation>Horários de pico: chats iniciados por dia da semana e hora</translation>
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
    <name>HotkeysSection</name>
    <message>
        <source>Accept the chat</source>
        <translation>Aceitar o chat</translation>
    </message>
    <message>
        <source>Previous chat in the list</source>
        <translation>Chat anterior da lista</translation>
    </message>
    <message>
        <source>Next chat in the list</source>
        <translation>Próximo chat da lista</translation>
    </message>
    <message>
        <source>Close the chat</source>
        <translation>Fechar o chat</translation>
    </message>
    <message>
        <source>Block the client</source>
        <translation>Bloquear o cliente</translation>
    </message>
    <message>
        <source>Transfer the chat</source>
        <translation>Transferir o chat</translation>
    </message>
    <message>
        <source>Accept also works while the app is in the background (global shortcut)</source>
        <translation>Aceitar também funciona com o aplicativo em segundo plano (atalho global)</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>Não é possível neste computador: {0}</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Restaurar padrões</translation>
    </message>
    <message>
        <source>{0} is already the shortcut for “{1}”. Choose another one.</source>
        <translation>{0} já é o atalho de “{1}”. Escolha outro.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
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
        <source>Archive</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Escolha um chat à esquerda.
Os chats aguardando estão marcados em laranja.</translation>
    </message>
    <message>
        <source>Offline messages</source>
        <translation>Mensagens offline</translation>
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
    <name>InvitationCard</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>{0} wants to transfer the chat with {1} to you</source>
        <translation>{0} quer transferir para você o chat com {1}</translation>
    </message>
    <message>
        <source>{0} invites you into the chat with {1}</source>
        <translation>{0} convida você para o chat com {1}</translation>
    </message>
    <message>
        <source>Only agents see this note</source>
        <translation>Só os agentes veem esta nota</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceitar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Recusar</translation>
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
    <name>LeaveConfirm</name>
    <message>
        <source>Leave the chat?</source>
        <translation>Sair do chat?</translation>
    </message>
    <message>
        <source>Leave the chat with {0}?</source>
        <translation>Sair do chat com {0}?</translation>
    </message>
    <message>
        <source>Better wait until the visitor has left the site: they may have more questions. If they write again after you leave, it starts a new chat.</source>
        <translation>Melhor esperar até o visitante sair do site: ele pode ter novas perguntas. Se escrever de novo depois que você sair, será um novo chat.</translation>
    </message>
    <message>
        <source>Leave chat</source>
        <translation>Sair do chat</translation>
    </message>
</context>
<context>
    <name>LogService</name>
    <message>
        <source>Not connected to the relay: try again when connected.</source>
        <translation>Sem conexão com o servidor: tente novamente quando conectado.</translation>
    </message>
    <message>
        <source>The connection dropped while sending: try again.</source>
        <translation>A conexão caiu durante o envio: tente novamente.</translation>
    </message>
    <message>
        <source>The relay refused the logs: {0}</source>
        <translation>O servidor recusou os registros: {0}</translation>
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
        <source>Who is on your website right now.</source>
        <translation>Quem está no seu site agora.</translation>
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
    <message>
        <source>The call did not start</source>
        <translation>A chamada não começou</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Missed callback request: it is a CRM task now</source>
        <translation>Pedido de ligação perdido: agora é uma tarefa do CRM</translation>
    </message>
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
        <source>Missed: nobody answered; the visitor saw the offline form</source>
        <translation>Perdido: ninguém respondeu; o visitante viu o formulário offline</translation>
    </message>
    <message>
        <source>{0} went offline: the chat went back to the queue</source>
        <translation>{0} ficou offline: o chat voltou para a fila</translation>
    </message>
    <message>
        <source>{0} transferred the chat: {1}</source>
        <translation>{0} transferiu o chat: {1}</translation>
    </message>
    <message>
        <source>{0} pointed at the page: {1}</source>
        <translation>{0} destacou um elemento da página: {1}</translation>
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
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Callback request: {0}</source>
        <translation>Pedido de ligação: {0}</translation>
    </message>
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
    <name>OfflineMessagesPanel</name>
    <message>
        <source>Show handled ones too</source>
        <translation>Mostrar também os tratados</translation>
    </message>
    <message>
        <source>No offline messages. What visitors leave in the offline form appears here.</source>
        <translation>Nenhuma mensagem offline. O que os visitantes deixam no formulário offline aparece aqui.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Endereço IP</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>Enviado em</translation>
    </message>
    <message>
        <source>Your answer: it goes to the visitor by e-mail</source>
        <translation>Sua resposta: vai para o visitante por e-mail</translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation>Enviar por e-mail</translation>
    </message>
    <message>
        <source>Choose a message on the left.</source>
        <translation>Escolha uma mensagem à esquerda.</translation>
    </message>
    <message>
        <source>Answered by e-mail by {0}</source>
        <translation>Respondido por e-mail por {0}</translation>
    </message>
    <message>
        <source>Handled by {0}</source>
        <translation>Tratado por {0}</translation>
    </message>
    <message>
        <source>Not handled yet</source>
        <translation>Ainda não tratado</translation>
    </message>
    <message>
        <source>Mark as not handled</source>
        <translation>Marcar como não tratado</translation>
    </message>
    <message>
        <source>Mark as handled</source>
        <translation>Marcar como tratado</translation>
    </message>
</context>
<context>
    <name>OfflineMessagesService</name>
    <message>
        <source>The e-mail was not sent: the relay cannot send e-mail now (its SMTP server is not set or did not answer). Your text is kept.</source>
        <translation>O e-mail não foi enviado: o servidor não consegue enviar e-mail agora (o servidor SMTP não está configurado ou não respondeu). Seu texto foi mantido.</translation>
    </message>
    <message>
        <source>The answer was not sent: {0}</source>
        <translation>A resposta não foi enviada: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sem conexão com o servidor: tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The message could not be marked: {0}</source>
        <translation>Não foi possível marcar a mensagem: {0}</translation>
    </message>
    <message>
        <source>The offline messages could not be loaded: {0}</source>
        <translation>Não foi possível carregar as mensagens offline: {0}</translation>
    </message>
</context>
<context>
    <name>OnlineChart</name>
    <message>
        <source>Agents&apos; time per period</source>
        <translation>Tempo dos agentes por período</translation>
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
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <source>Edit quick phrase</source>
        <translation>Editar frase rápida</translation>
    </message>
    <message>
        <source>New quick phrase</source>
        <translation>Nova frase rápida</translation>
    </message>
    <message>
        <source>Greeting, Delivery times…</source>
        <translation>Saudação, Prazos de entrega…</translation>
    </message>
    <message>
        <source>hi  (type /hi in a chat)</source>
        <translation>oi  (digite /oi em um chat)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Frase</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atalho</translation>
    </message>
</context>
<context>
    <name>PhraseManager</name>
    <message>
        <source>Quick phrases</source>
        <translation>Frases rápidas</translation>
    </message>
    <message>
        <source>Search by label, shortcut or text</source>
        <translation>Buscar por etiqueta, atalho ou texto</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Inserir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the phrase</source>
        <translation>Editar a frase</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>PhrasesService</name>
    <message>
        <source>The quick phrase was not saved: {0}</source>
        <translation>A frase rápida não foi salva: {0}</translation>
    </message>
</context>
<context>
    <name>RelayErrors</name>
    <message>
        <source>The relay could not read what the app sent. Update the app; if it happens again, send your logs to an administrator (Settings → About).</source>
        <translation>O servidor não conseguiu ler o que o aplicativo enviou. Atualize o aplicativo; se acontecer de novo, envie seus registros a um administrador (Configurações → Sobre).</translation>
    </message>
    <message>
        <source>The relay does not know this request: the app and the relay are of different versions. Update the app or ask an administrator to update the relay.</source>
        <translation>O servidor não conhece este pedido: o aplicativo e o servidor são de versões diferentes. Atualize o aplicativo ou peça a um administrador que atualize o servidor.</translation>
    </message>
    <message>
        <source>The relay refused the request: something in it is not valid. Check what you entered and try again.</source>
        <translation>O servidor recusou o pedido: algo nele não é válido. Verifique o que você digitou e tente de novo.</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Ask an administrator.</source>
        <translation>Você não tem permissão para fazer isto. Fale com um administrador.</translation>
    </message>
    <message>
        <source>This is too large for the relay. Make it shorter and try again.</source>
        <translation>É grande demais para o servidor. Encurte e tente de novo.</translation>
    </message>
    <message>
        <source>The message is longer than {0} characters. Shorten it or send it in parts.</source>
        <translation>A mensagem tem mais de {0} caracteres. Encurte-a ou envie em partes.</translation>
    </message>
    <message>
        <source>The message is empty. Write something first.</source>
        <translation>A mensagem está vazia. Escreva algo primeiro.</translation>
    </message>
    <message>
        <source>You are doing this too often. Wait a moment and try again.</source>
        <translation>Você está fazendo isto com frequência demais. Aguarde um momento e tente de novo.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>E-mail ou senha incorretos.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Sua sessão expirou. Entre novamente.</translation>
    </message>
    <message>
        <source>The relay knows no site with this key. Check the site&apos;s key in the code on the website.</source>
        <translation>O servidor não conhece nenhum site com esta chave. Verifique a chave do site no código da página.</translation>
    </message>
    <message>
        <source>This web page&apos;s address is not among the site&apos;s allowed addresses. An administrator can add it in Settings → Channels.</source>
        <translation>O endereço desta página não está entre os endereços permitidos do site. Um administrador pode adicioná-lo em Configurações → Canais.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app.</source>
        <translation>Este servidor executa outra versão do serviço. Atualize o aplicativo.</translation>
    </message>
    <message>
        <source>This no longer exists, or you may not see it (it may have been deleted).</source>
        <translation>Isto não existe mais ou você não pode vê-lo (talvez tenha sido excluído).</translation>
    </message>
    <message>
        <source>A colleague accepted this chat first.</source>
        <translation>Um colega aceitou este chat antes.</translation>
    </message>
    <message>
        <source>The chat has ended.</source>
        <translation>O chat terminou.</translation>
    </message>
    <message>
        <source>You are no longer a participant of this chat.</source>
        <translation>Você não participa mais deste chat.</translation>
    </message>
    <message>
        <source>No agent is online to answer now.</source>
        <translation>Nenhum agente está online para responder agora.</translation>
    </message>
    <message>
        <source>The relay had a problem and could not do this. Try again in a moment.</source>
        <translation>O servidor teve um problema e não conseguiu fazer isto. Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>This visitor is blocked: the chat cannot go on.</source>
        <translation>Este visitante está bloqueado: o chat não pode continuar.</translation>
    </message>
    <message>
        <source>This visitor&apos;s network address is blocked, so the visitor cannot write. Unblock the address in the blocked clients list if this is a mistake.</source>
        <translation>O endereço de rede deste visitante está bloqueado, por isso ele não pode escrever. Se for um engano, desbloqueie o endereço na lista de clientes bloqueados.</translation>
    </message>
    <message>
        <source>The relay is busy. Try again in a moment.</source>
        <translation>O servidor está ocupado. Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>Only administrators may do this.</source>
        <translation>Somente administradores podem fazer isto.</translation>
    </message>
    <message>
        <source>Another quick phrase already has this shortcut, or this was already sent.</source>
        <translation>Outra frase rápida já tem este atalho, ou isto já foi enviado.</translation>
    </message>
    <message>
        <source>The e-mail could not be sent: the relay&apos;s mail server (SMTP) is not set or did not answer. An administrator can check it; then try again.</source>
        <translation>Não foi possível enviar o e-mail: o servidor de e-mail (SMTP) do servidor não está configurado ou não respondeu. Um administrador pode verificar; depois, tente de novo.</translation>
    </message>
    <message>
        <source>The file is larger than 10 MB.</source>
        <translation>O arquivo tem mais de 10 MB.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>O arquivo está vazio.</translation>
    </message>
    <message>
        <source>The file&apos;s name cannot be used. Rename the file and send it.</source>
        <translation>O nome do arquivo não pode ser usado. Renomeie o arquivo e envie.</translation>
    </message>
    <message>
        <source>The file arrived damaged. Send it again.</source>
        <translation>O arquivo chegou danificado. Envie de novo.</translation>
    </message>
    <message>
        <source>The chat has reached its limit of files. Send a link to the file instead.</source>
        <translation>O chat atingiu o limite de arquivos. Envie um link para o arquivo.</translation>
    </message>
    <message>
        <source>The relay has no room for files now. Try later, and tell an administrator.</source>
        <translation>O servidor não tem espaço para arquivos agora. Tente mais tarde e avise um administrador.</translation>
    </message>
    <message numerus="yes">
        <source>The relay is busy. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>O servidor está ocupado. Aguarde %n segundo e tente de novo.</numerusform>
            <numerusform>O servidor está ocupado. Aguarde %n segundos e tente de novo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Tentativas demais. Aguarde %n segundo e tente de novo.</numerusform>
            <numerusform>Tentativas demais. Aguarde %n segundos e tente de novo.</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed out of this session.</source>
        <translation>Você saiu desta sessão.</translation>
    </message>
    <message>
        <source>Your session reached its time limit. Sign in again.</source>
        <translation>Sua sessão atingiu o limite de tempo. Entre de novo.</translation>
    </message>
    <message>
        <source>Your password was changed in another session. Sign in with the new password.</source>
        <translation>Sua senha foi alterada em outra sessão. Entre com a nova senha.</translation>
    </message>
    <message>
        <source>An administrator disabled your account. Ask an administrator to enable it.</source>
        <translation>Um administrador desativou sua conta. Peça a um administrador que a ative.</translation>
    </message>
    <message>
        <source>You signed out on every other device from another session. Sign in again to use this one.</source>
        <translation>Você encerrou a sessão em todos os outros dispositivos a partir de outra sessão. Entre novamente para usar este.</translation>
    </message>
    <message>
        <source>The relay refused the request (code {0}). Try again later.</source>
        <translation>O servidor recusou o pedido (código {0}). Tente mais tarde.</translation>
    </message>
    <message>
        <source>The relay ended your session. Sign in again.</source>
        <translation>O servidor encerrou sua sessão. Entre de novo.</translation>
    </message>
    <message>
        <source>The relay did not answer. Check your connection and try again.</source>
        <translation>O servidor não respondeu. Verifique sua conexão e tente de novo.</translation>
    </message>
    <message>
        <source>This stage or funnel still has deals. Move them to another stage first.</source>
        <translation>Esta etapa ou funil ainda tem negócios. Mova-os primeiro para outra etapa.</translation>
    </message>
    <message>
        <source>That due time has already passed. Choose a later time.</source>
        <translation>Esse prazo já passou. Escolha um horário posterior.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can add one in Settings → Integrations.</source>
        <translation>Nenhum tradutor está configurado. Um administrador pode adicioná-lo em Configurações → Integrações.</translation>
    </message>
    <message>
        <source>The translator did not answer. Try again, or send without translating.</source>
        <translation>O tradutor não respondeu. Tente novamente ou envie sem traduzir.</translation>
    </message>
    <message>
        <source>GIFs are not set up. An administrator can add a provider in Settings → Integrations.</source>
        <translation>Os GIFs não estão configurados. Um administrador pode adicionar um provedor em Configurações → Integrações.</translation>
    </message>
    <message>
        <source>The GIF service did not answer. Try again later.</source>
        <translation>O serviço de GIF não respondeu. Tente mais tarde.</translation>
    </message>
    <message>
        <source>The client cannot be reached on that channel. Choose another one above.</source>
        <translation>Não é possível contatar o cliente por esse canal. Escolha outro acima.</translation>
    </message>
    <message>
        <source>This site does not take callback requests.</source>
        <translation>Este site não aceita pedidos de retorno de chamada.</translation>
    </message>
    <message>
        <source>That does not read as a phone number. Check the digits.</source>
        <translation>Isso não parece um número de telefone. Verifique os dígitos.</translation>
    </message>
    <message>
        <source>Premium-rate and emergency numbers are never called back. Give another number.</source>
        <translation>Nunca retornamos chamadas para números de tarifa especial ou de emergência. Informe outro número.</translation>
    </message>
    <message>
        <source>There is already a chat open. Ask in that chat.</source>
        <translation>Já há um chat aberto. Pergunte nesse chat.</translation>
    </message>
</context>
<context>
    <name>ReplyChannel</name>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>An internal note: only agents see it</source>
        <translation>Uma nota interna: só os agentes veem</translation>
    </message>
    <message>
        <source>More than 24 hours since the client&apos;s last WhatsApp message: WhatsApp only allows an approved template now. Answer by another channel.</source>
        <translation>Passaram mais de 24 horas desde a última mensagem de WhatsApp do cliente: agora o WhatsApp só permite um modelo aprovado. Responda por outro canal.</translation>
    </message>
    <message>
        <source>The client cannot be reached on this channel now.</source>
        <translation>Agora não é possível contatar o cliente por este canal.</translation>
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
        <source>{0} is not a relay address. It looks like wss://chat.example.com.</source>
        <translation>{0} não é um endereço de servidor. Ele tem a forma wss://chat.example.com.</translation>
    </message>
    <message>
        <source>The address {0} answered, but not as a relay. Check the address, or ask an administrator.</source>
        <translation>O endereço {0} respondeu, mas não como um servidor do serviço. Verifique o endereço ou fale com um administrador.</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>Este computador não tem um chaveiro de senhas: seu login não será lembrado.</translation>
    </message>
    <message>
        <source>You were signed out: {0}</source>
        <translation>Sua sessão foi encerrada: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>No settings yet.</source>
        <translation>Ainda não há configurações.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Áudio</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sons</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>Teclas de atalho</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Minha conta</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canais</translation>
    </message>
    <message>
        <source>Teammates</source>
        <translation>Colegas</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrações</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Convites</translation>
    </message>
    <message>
        <source>Blocked clients</source>
        <translation>Clientes bloqueados</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>CRM settings</source>
        <translation>Configurar CRM</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Canais de resposta</translation>
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
    <name>SoundsSection</name>
    <message>
        <source>Chime</source>
        <translation>Carrilhão</translation>
    </message>
    <message>
        <source>Blip</source>
        <translation>Bipe</translation>
    </message>
    <message>
        <source>Bell</source>
        <translation>Sino</translation>
    </message>
    <message>
        <source>Knock</source>
        <translation>Batida</translation>
    </message>
    <message>
        <source>Pop</source>
        <translation>Estalo</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>New message in my chats</source>
        <translation>Nova mensagem nos meus chats</translation>
    </message>
    <message>
        <source>New visitor on the site</source>
        <translation>Novo visitante no site</translation>
    </message>
    <message>
        <source>Play notification sounds</source>
        <translation>Tocar sons de notificação</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Tocar</translation>
    </message>
    <message>
        <source>Play this sound now</source>
        <translation>Tocar este som agora</translation>
    </message>
    <message>
        <source>No audio output device was found: the app stays silent until there is one.</source>
        <translation>Nenhum dispositivo de saída de áudio foi encontrado: o aplicativo fica em silêncio até haver um.</translation>
    </message>
</context>
<context>
    <name>SpellCheckAssist</name>
    <message>
        <source>No suggestions</source>
        <translation>Sem sugestões</translation>
    </message>
    <message>
        <source>Add “{0}” to the dictionary</source>
        <translation>Adicionar “{0}” ao dicionário</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Chats started in the range (by the visitor&apos;s first message).</source>
        <translation>Chats iniciados no período (pela primeira mensagem do visitante).</translation>
    </message>
    <message>
        <source>Chats an agent accepted.</source>
        <translation>Chats que um agente aceitou.</translation>
    </message>
    <message>
        <source>Chats nobody took after the full ignore ladder: the visitor got the offline form.</source>
        <translation>Chats que ninguém pegou após todas as rodadas de ignorar: o visitante viu o formulário offline.</translation>
    </message>
    <message>
        <source>Messages visitors left in the offline form.</source>
        <translation>Mensagens que os visitantes deixaram no formulário offline.</translation>
    </message>
    <message>
        <source>Transfers a colleague accepted.</source>
        <translation>Transferências que um colega aceitou.</translation>
    </message>
    <message>
        <source>First agent message minus the visitor&apos;s first message, credited to the agent who sent it. Median; mean and p90 (90% of chats were answered faster) below.</source>
        <translation>Primeira mensagem do agente menos a primeira mensagem do visitante, creditada ao agente que a enviou. Mediana; abaixo, média e p90 (90% dos chats foram respondidos antes).</translation>
    </message>
    <message>
        <source>From the offer to the agent&apos;s Accept. Median; mean and p90.</source>
        <translation>Da oferta até o agente clicar em Aceitar. Mediana; média e p90.</translation>
    </message>
    <message>
        <source>From the visitor&apos;s first message to the close, for answered chats that closed.</source>
        <translation>Da primeira mensagem do visitante até o encerramento, nos chats atendidos e encerrados.</translation>
    </message>
    <message>
        <source>Invitations answered / sent (conversion).</source>
        <translation>Convites respondidos / enviados (conversão).</translation>
    </message>
    <message>
        <source>Time agents were online; away time below.</source>
        <translation>Tempo online dos agentes; abaixo, o tempo ausente.</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atendidos</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidos</translation>
    </message>
    <message>
        <source>Offline messages</source>
        <translation>Mensagens offline</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferências</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Primeira resposta</translation>
    </message>
    <message>
        <source>Reaction time</source>
        <translation>Tempo de reação</translation>
    </message>
    <message>
        <source>Chat duration</source>
        <translation>Duração do chat</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Convites</translation>
    </message>
    <message>
        <source>Online time</source>
        <translation>Tempo online</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estatísticas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Por dia</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Por semana</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Por mês</translation>
    </message>
    <message>
        <source>Working hours only</source>
        <translation>Só horário comercial</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Export chats (CSV)</source>
        <translation>Exportar chats (CSV)</translation>
    </message>
    <message>
        <source>Export chart (CSV)</source>
        <translation>Exportar gráfico (CSV)</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Tempos de resposta</translation>
    </message>
    <message>
        <source>Agents&apos; time</source>
        <translation>Tempo dos agentes</translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation>Horários de pico</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Chats list</source>
        <translation>Lista de chats</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorados</translation>
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
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>atendido</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>sem atendimento</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Todos os agentes</translation>
    </message>
    <message>
        <source>Team totals</source>
        <translation>Totais da equipe</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Só eu</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Todos os canais</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Todos os departamentos</translation>
    </message>
    <message>
        <source>Time zone: {0}</source>
        <translation>Fuso horário: {0}</translation>
    </message>
    <message>
        <source>{0} answered of {1}</source>
        <translation>{0} respondidos de {1}</translation>
    </message>
    <message>
        <source>away {0}</source>
        <translation>ausente {0}</translation>
    </message>
    <message>
        <source>mean {0} · p90 {1}</source>
        <translation>média {0} · p90 {1}</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exportar como CSV</translation>
    </message>
</context>
<context>
    <name>StatisticsService</name>
    <message>
        <source>The statistics could not be loaded: {0}</source>
        <translation>Não foi possível carregar as estatísticas: {0}</translation>
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
        <source>Right-click an agent to change their settings.</source>
        <translation>Clique com o botão direito em um agente para alterar as configurações dele.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configurações…</translation>
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
    <name>TimesChart</name>
    <message>
        <source>First response time per period</source>
        <translation>Tempo de primeira resposta por período</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
</context>
<context>
    <name>ToastManager</name>
    <message>
        <source>Calling…</source>
        <translation>Ligando…</translation>
    </message>
    <message>
        <source>when: {0}</source>
        <translation>quando: {0}</translation>
    </message>
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
<context>
    <name>ComposerTools</name>
    <message>
        <source>Translator</source>
        <translation>Tradutor</translation>
    </message>
    <message>
        <source>Translate this chat: the visitor&apos;s messages into your language, your replies into theirs ({0})</source>
        <translation>Traduzir este chat: as mensagens do visitante para o seu idioma e as suas respostas para o dele ({0})</translation>
    </message>
    <message>
        <source>Quick phrases</source>
        <translation>Frases rápidas</translation>
    </message>
    <message>
        <source>Search the team&apos;s quick phrases (or type /)</source>
        <translation>Buscar nas frases rápidas da equipe (ou digite /)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emojis</translation>
    </message>
    <message>
        <source>Insert an emoji ({0})</source>
        <translation>Inserir um emoji ({0})</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Ponteiro</translation>
    </message>
    <message>
        <source>Open the visitor&apos;s page in your browser, pick an element and send it with a comment ({0}). It does not work on pages behind a sign-in.</source>
        <translation>Abrir a página do visitante no seu navegador, escolher um elemento e enviá-lo com um comentário ({0}). Não funciona em páginas que exigem login.</translation>
    </message>
    <message>
        <source>Search a GIF and send it ({0})</source>
        <translation>Buscar um GIF e enviá-lo ({0})</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji by name</source>
        <translation>Buscar emojis pelo nome</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Usados recentemente</translation>
    </message>
    <message>
        <source>Smileys and emotion</source>
        <translation>Carinhas e emoções</translation>
    </message>
    <message>
        <source>People and body</source>
        <translation>Pessoas e corpo</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animais e natureza</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Comida e bebida</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Viagens e lugares</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Atividades</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objetos</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Símbolos</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Bandeiras</translation>
    </message>
    <message>
        <source>No emoji used yet: they will show here.</source>
        <translation>Nenhum emoji usado ainda: eles aparecerão aqui.</translation>
    </message>
    <message>
        <source>No emoji is called that.</source>
        <translation>Nenhum emoji tem esse nome.</translation>
    </message>
</context>
<context>
    <name>GifPicker</name>
    <message>
        <source>Search GIFs, then Enter</source>
        <translation>Busque GIFs e tecle Enter</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No GIFs found.</source>
        <translation>Nenhum GIF encontrado.</translation>
    </message>
</context>
<context>
    <name>GifProviderBox</name>
    <message>
        <source>GIFs</source>
        <translation>GIFs</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>GIF service</source>
        <translation>Serviço de GIFs</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Endereço da API</translation>
    </message>
    <message>
        <source>The service&apos;s own (leave empty)</source>
        <translation>O do serviço (deixe vazio)</translation>
    </message>
    <message>
        <source>Save GIF service</source>
        <translation>Salvar serviço de GIFs</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Há uma chave: deixe vazio para mantê-la</translation>
    </message>
    <message>
        <source>From the service&apos;s developer dashboard</source>
        <translation>Do painel de desenvolvedores do serviço</translation>
    </message>
</context>
<context>
    <name>GifService</name>
    <message>
        <source>GIF provider saved.</source>
        <translation>Serviço de GIFs salvo.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sem conexão com o servidor: tente mais tarde.</translation>
    </message>
    <message>
        <source>GIFs are off. An administrator can choose a GIF service in Settings → Integrations.</source>
        <translation>Os GIFs estão desligados. Um administrador pode escolher um serviço de GIFs em Configurações → Integrações.</translation>
    </message>
    <message>
        <source>This GIF is larger than 10 MB: choose another.</source>
        <translation>Este GIF tem mais de 10 MB: escolha outro.</translation>
    </message>
    <message>
        <source>The GIF service failed: {0}</source>
        <translation>O serviço de GIFs falhou: {0}</translation>
    </message>
</context>
<context>
    <name>PointerService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sem conexão com o servidor: tente mais tarde.</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is not known, so it cannot be opened.</source>
        <translation>A página do visitante não é conhecida, então não pode ser aberta.</translation>
    </message>
    <message>
        <source>The pointer could not start: {0}</source>
        <translation>O ponteiro não pôde iniciar: {0}</translation>
    </message>
    <message>
        <source>No web browser could be opened.</source>
        <translation>Nenhum navegador pôde ser aberto.</translation>
    </message>
</context>
<context>
    <name>TranslatorAdmin</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sem conexão com o servidor: tente mais tarde.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Não salvo: {0}</translation>
    </message>
    <message>
        <source>Translator saved.</source>
        <translation>Tradutor salvo.</translation>
    </message>
</context>
<context>
    <name>TranslatorBox</name>
    <message>
        <source>Translator</source>
        <translation>Tradutor</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>LibreTranslate-compatible server</source>
        <translation>Servidor compatível com LibreTranslate</translation>
    </message>
    <message>
        <source>Argos Translate on the relay</source>
        <translation>Argos Translate no servidor</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (não instalado)</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Mecanismo</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL do servidor</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Agents switch the translator on per chat. The key stays on the relay: the apps never receive it.</source>
        <translation>Os agentes ligam o tradutor em cada chat. A chave fica no servidor: os aplicativos nunca a recebem.</translation>
    </message>
    <message>
        <source>Save translator</source>
        <translation>Salvar tradutor</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Há uma chave: deixe vazio para mantê-la</translation>
    </message>
    <message>
        <source>If the server needs one</source>
        <translation>Se o servidor precisar</translation>
    </message>
</context>
<context>
    <name>TranslatorService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sem conexão com o servidor: tente mais tarde.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can set one in Settings → Integrations.</source>
        <translation>Nenhum tradutor configurado. Um administrador pode configurar um em Configurações → Integrações.</translation>
    </message>
    <message>
        <source>The translation failed: {0}</source>
        <translation>A tradução falhou: {0}</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Board</source>
        <translation>Quadro</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Novo negócio</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add deal</source>
        <translation>Adicionar negócio</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Ainda não há funil de vendas. Um administrador cria um em Configurações → Configurar CRM.</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Negócio</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Fechamento previsto</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganho</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>{0} · deals: {1} · {2}</source>
        <translation>{0} · negócios: {1} · {2}</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Parado</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Negócio perdido</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>Por que o negócio foi perdido?</translation>
    </message>
    <message>
        <source>Give the deal a title, a value such as 1250.00 and a three-letter currency such as EUR.</source>
        <translation>Dê ao negócio um título, um valor como 1250.00 e uma moeda de três letras como EUR.</translation>
    </message>
</context>
<context>
    <name>ClientCardView</name>
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
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Assigned agent</source>
        <translation>Agente atribuído</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linha do tempo</translation>
    </message>
    <message>
        <source>Choose a client on the left.</source>
        <translation>Escolha um cliente à esquerda.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Mensagem offline</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Negócio</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Cliente criado</translation>
    </message>
    <message>
        <source>Merged with client {0}</source>
        <translation>Unido ao cliente {0}</translation>
    </message>
    <message>
        <source>Merge with client {0} undone</source>
        <translation>União com o cliente {0} desfeita</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>{0} kept on merge (old → kept): {1}</source>
        <translation>{0} ao unir (anterior → mantido): {1}</translation>
    </message>
    <message>
        <source>{0} changed: {1}</source>
        <translation>{0} alterado: {1}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Cliente {0}</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Ninguém</translation>
    </message>
    <message>
        <source>Double-click to open the chat</source>
        <translation>Clique duas vezes para abrir o chat</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Search by name, e-mail, phone or company</source>
        <translation>Pesquisar por nome, e-mail, telefone ou empresa</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Por nome</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Mais novos primeiro</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Alterados recentemente</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Adicionar cliente</translation>
    </message>
    <message>
        <source>More clients</source>
        <translation>Mais clientes</translation>
    </message>
    <message>
        <source>No clients yet. Visitors who chat, leave an offline message or give their contact details appear here.</source>
        <translation>Ainda não há clientes. Aqui aparecem os visitantes que conversam, deixam uma mensagem offline ou informam seus contatos.</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Cliente {0}</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Qualquer agente</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meus</translation>
    </message>
    <message>
        <source>Nobody&apos;s</source>
        <translation>Sem agente</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Qualquer etapa</translation>
    </message>
</context>
<context>
    <name>CrmPage</name>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tarefas</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>Funil de vendas</translation>
    </message>
</context>
<context>
    <name>CrmService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sem conexão com o servidor: tente novamente em instantes.</translation>
    </message>
</context>
<context>
    <name>CrmSettingsSection</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Caixa de seleção</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Who sees the clients</source>
        <translation>Quem vê os clientes</translation>
    </message>
    <message>
        <source>Every agent sees every client</source>
        <translation>Cada agente vê todos os clientes</translation>
    </message>
    <message>
        <source>Agents see their own clients and unassigned ones</source>
        <translation>Os agentes veem os seus clientes e os sem agente atribuído</translation>
    </message>
    <message>
        <source>Sales funnels</source>
        <translation>Funis de vendas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Negócios</translation>
    </message>
    <message>
        <source>Every agent sees every deal</source>
        <translation>Cada agente vê todos os negócios</translation>
    </message>
    <message>
        <source>Agents see their own deals</source>
        <translation>Os agentes veem só os seus negócios</translation>
    </message>
    <message>
        <source>Stages, in order (time limit in hours, 0: none)</source>
        <translation>Etapas, em ordem (limite de tempo em horas, 0: nenhum)</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>Nome da etapa</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Every funnel ends with Won and Lost; they cannot be removed.</source>
        <translation>Cada funil termina em Ganho e Perdido; eles não podem ser removidos.</translation>
    </message>
    <message>
        <source>Save funnel</source>
        <translation>Salvar funil</translation>
    </message>
    <message>
        <source>New funnel</source>
        <translation>Novo funil</translation>
    </message>
    <message>
        <source>Delete funnel</source>
        <translation>Excluir funil</translation>
    </message>
    <message>
        <source>Custom client fields</source>
        <translation>Campos personalizados dos clientes</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Nome do campo</translation>
    </message>
    <message>
        <source>List options, separated by commas</source>
        <translation>Opções da lista, separadas por vírgulas</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Adicionar campo</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Excluir campo</translation>
    </message>
    <message>
        <source>A funnel needs a name and at least one stage.</source>
        <translation>Um funil precisa de um nome e de pelo menos uma etapa.</translation>
    </message>
</context>
<context>
    <name>DealsTasksBox</name>
    <message>
        <source>Deals</source>
        <translation>Negócios</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tarefas</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Novo negócio</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nova tarefa</translation>
    </message>
    <message>
        <source>in 15 minutes</source>
        <translation>em 15 minutos</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>em 1 hora</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>amanhã</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasada</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Ainda não há funil de vendas. Um administrador cria um em Configurações → Configurar CRM.</translation>
    </message>
    <message>
        <source>Task with assignee, note and reminder…</source>
        <translation>Tarefa com agente, nota e lembrete…</translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <source>Reminder</source>
        <translation>Lembrete</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>Prazo {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Adiar</translation>
    </message>
    <message>
        <source>Remind me again in {0} minutes</source>
        <translation>Lembrar de novo em {0} minutos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>New task: call the client back…</source>
        <translation>Nova tarefa: ligar de volta para o cliente…</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Avisar-me</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Adicionar tarefa</translation>
    </message>
    <message>
        <source>No tasks. Add one above or from a chat&apos;s client panel.</source>
        <translation>Não há tarefas. Adicione uma acima ou no painel do cliente de um chat.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasada</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Editar tarefa</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Editar tarefa</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nova tarefa</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Eu</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Avisar-me</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prazo</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Atribuída a</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>CallingService</name>
    <message>
        <source>Type a phone number.</source>
        <translation>Digite um número de telefone.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Isto não é um número de telefone.</translation>
    </message>
    <message>
        <source>This number is too long.</source>
        <translation>Este número é longo demais.</translation>
    </message>
    <message>
        <source>This is not a valid number in {0}: check it, or write it with + and the country code.</source>
        <translation>Não é um número válido em {0}: confira ou escreva com + e o código do país.</translation>
    </message>
    <message>
        <source>This is an emergency number: call it from a phone, not through the app (the softphone cannot tell them where you are).</source>
        <translation>É um número de emergência: ligue de um telefone, não pelo aplicativo (o softphone não consegue informar onde você está).</translation>
    </message>
    <message>
        <source>The SIP address is too long.</source>
        <translation>O endereço SIP é longo demais.</translation>
    </message>
    <message>
        <source>The SIP address must start with sip: or sips:.</source>
        <translation>O endereço SIP deve começar com sip: ou sips:.</translation>
    </message>
    <message>
        <source>The SIP address needs {number} where the number goes.</source>
        <translation>O endereço SIP precisa de {number} onde vai o número.</translation>
    </message>
    <message>
        <source>The SIP address cannot contain spaces.</source>
        <translation>O endereço SIP não pode conter espaços.</translation>
    </message>
    <message>
        <source>No program on this computer opens {0}: links, so the call cannot start.</source>
        <translation>Nenhum programa deste computador abre links {0}:, então a chamada não pode começar.</translation>
    </message>
    <message>
        <source>Install a softphone (MicroSIP, Zoiper, Linphone...) and choose it in Windows Settings &gt; Apps &gt; Default apps &gt; Choose defaults by link type, for {0}.</source>
        <translation>Instale um softphone (MicroSIP, Zoiper, Linphone...) e escolha-o em Configurações do Windows &gt; Aplicativos &gt; Aplicativos padrão &gt; Escolher padrões por tipo de link, para {0}.</translation>
    </message>
    <message>
        <source>Install a softphone (Zoiper, Linphone, Telephone...) and make it the default for {0}: links in its own preferences.</source>
        <translation>Instale um softphone (Zoiper, Linphone, Telephone...) e torne-o o padrão para links {0}: nas preferências dele.</translation>
    </message>
    <message>
        <source>Install a softphone (Linphone, Zoiper, Jami...) and make it the default for {0}: links in your desktop&apos;s Default applications, or run: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</source>
        <translation>Instale um softphone (Linphone, Zoiper, Jami...) e torne-o o padrão para links {0}: nos Aplicativos padrão da sua área de trabalho, ou execute: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</translation>
    </message>
    <message>
        <source>Or choose another way to call in Settings &gt; Calls.</source>
        <translation>Ou escolha outra forma de ligar em Configurações &gt; Chamadas.</translation>
    </message>
    <message>
        <source>{0} is a premium-rate number: the call may cost a lot. To call it anyway, type it on the Phone page.</source>
        <translation>{0} é um número de tarifa premium: a chamada pode custar caro. Para ligar mesmo assim, digite-o na página Telefone.</translation>
    </message>
</context>
<context>
    <name>CallsSection</name>
    <message>
        <source>Calls go out through</source>
        <translation>As chamadas saem por</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Endereço SIP</translation>
    </message>
    <message>
        <source>Numbers without + are in</source>
        <translation>Números sem + são de</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Neste computador</translation>
    </message>
    <message>
        <source>The system&apos;s phone app (tel: links)</source>
        <translation>O aplicativo de telefone do sistema (links tel:)</translation>
    </message>
    <message>
        <source>A SIP softphone or PBX (sip: address below)</source>
        <translation>Um softphone SIP ou PABX (endereço sip: abaixo)</translation>
    </message>
    <message>
        <source>callto: links (Skype and others)</source>
        <translation>Links callto: (Skype e outros)</translation>
    </message>
    <message>
        <source>{number} becomes the number with + and country code, {digits} the same without the +.</source>
        <translation>{number} vira o número com + e código do país, {digits} o mesmo sem o +.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>{0}: links open with {1}.</source>
        <translation>Links {0}: abrem com {1}.</translation>
    </message>
    <message>
        <source>This system cannot tell which program opens {0}: links.</source>
        <translation>Este sistema não consegue dizer qual programa abre links {0}:.</translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Apagar o último dígito</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Chamadas recentes</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatos</translation>
    </message>
    <message>
        <source>Search clients by name, phone or company</source>
        <translation>Buscar clientes por nome, telefone ou empresa</translation>
    </message>
    <message>
        <source>No calls from this computer yet.</source>
        <translation>Ainda não há chamadas deste computador.</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Fixo</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Celular</translation>
    </message>
    <message>
        <source>Landline or mobile</source>
        <translation>Fixo ou celular</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gratuito</translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation>Custo compartilhado</translation>
    </message>
    <message>
        <source>Internet phone</source>
        <translation>Telefone pela internet</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de telefone</translation>
    </message>
    <message>
        <source>Numbers without + are read as {0} numbers.</source>
        <translation>Números sem + são lidos como números de {0}.</translation>
    </message>
    <message>
        <source>Premium-rate number: the call may cost a lot.</source>
        <translation>Número de tarifa premium: a chamada pode custar caro.</translation>
    </message>
    <message>
        <source>Double-click to call again</source>
        <translation>Clique duas vezes para ligar de novo</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Cliente {0}</translation>
    </message>
    <message>
        <source>Double-click to call</source>
        <translation>Clique duas vezes para ligar</translation>
    </message>
    <message>
        <source>The CRM is not available.</source>
        <translation>O CRM não está disponível.</translation>
    </message>
    <message>
        <source>Loading the clients…</source>
        <translation>Carregando os clientes…</translation>
    </message>
    <message>
        <source>No client with a phone number matches.</source>
        <translation>Nenhum cliente com telefone corresponde.</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Registro de chamadas</translation>
    </message>
    <message>
        <source>No calls logged yet.</source>
        <translation>Ainda não há chamadas registradas.</translation>
    </message>
    <message>
        <source>Double-click to change how it went</source>
        <translation>Clique duas vezes para mudar como foi</translation>
    </message>
</context>
<context>
    <name>CallLogService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sem conexão com o servidor: tente novamente em instantes.</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Log call</source>
        <translation>Registrar chamada</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direção</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Not told</source>
        <translation>Não informado</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sem resposta</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Número errado</translation>
    </message>
</context>
<context>
    <name>ChannelNames</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>You can answer the client&apos;s e-mail: your reply goes to their inbox</source>
        <translation>Você pode responder ao e-mail do cliente: sua resposta chega à caixa de entrada dele</translation>
    </message>
    <message>
        <source>Your reply goes to the client on {0}</source>
        <translation>Sua resposta chega ao cliente por {0}</translation>
    </message>
    <message>
        <source>A message the visitor sees</source>
        <translation>Uma mensagem que o visitante vê</translation>
    </message>
    <message>
        <source>You can continue the conversation with the client on WhatsApp</source>
        <translation>Você pode continuar a conversa com o cliente pelo WhatsApp</translation>
    </message>
    <message>
        <source>You can answer the client by SMS</source>
        <translation>Você pode responder ao cliente por SMS</translation>
    </message>
</context>
<context>
    <name>ChannelAdmin</name>
    <message>
        <source>Channel saved.</source>
        <translation>Canal salvo.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sem conexão com o servidor: tente mais tarde.</translation>
    </message>
</context>
<context>
    <name>ReplyChannelsSection</name>
    <message>
        <source>Add a channel</source>
        <translation>Adicionar um canal</translation>
    </message>
    <message>
        <source>Add a website first (Settings → Channels).</source>
        <translation>Adicione primeiro um site (Configurações → Canais).</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Token do bot</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Endereço de e-mail</translation>
    </message>
    <message>
        <source>From @BotFather</source>
        <translation>Do @BotFather</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>Porta IMAP</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>Servidor IMAP (entrada)</translation>
    </message>
    <message>
        <source>Last error ({0}): {1}</source>
        <translation>Último erro ({0}): {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Sem erros.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Canais de resposta</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>Porta SMTP</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>Servidor SMTP (saída)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Enviar uma mensagem de teste</translation>
    </message>
    <message>
        <source>Set: leave empty to keep it</source>
        <translation>Definida: deixe vazio para mantê-la</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>Ativado</translation>
    </message>
    <message>
        <source>Test message sent.</source>
        <translation>Mensagem de teste enviada.</translation>
    </message>
    <message>
        <source>The test message failed: {0}</source>
        <translation>A mensagem de teste falhou: {0}</translation>
    </message>
    <message>
        <source>This channel fetches its messages itself: there is no webhook address to give the provider.</source>
        <translation>Este canal busca as mensagens por conta própria: não há endereço de webhook para informar ao provedor.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (desligado)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>SID da conta</translation>
    </message>
    <message>
        <source>An e-mail address, a phone number or a Telegram chat id</source>
        <translation>Um e-mail, um telefone ou um id de chat do Telegram</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Chave secreta do app</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Token de autenticação</translation>
    </message>
    <message>
        <source>Clients who write by e-mail, WhatsApp, SMS or Telegram get a chat like the website&apos;s visitors; your answer goes back the way they wrote.</source>
        <translation>Os clientes que escrevem por e-mail, WhatsApp, SMS ou Telegram têm um chat como os visitantes do site; sua resposta volta pelo mesmo caminho.</translation>
    </message>
    <message>
        <source>Give the provider this webhook address:</source>
        <translation>Informe ao provedor este endereço de webhook:</translation>
    </message>
    <message>
        <source>Phone number ID</source>
        <translation>ID do número de telefone</translation>
    </message>
    <message>
        <source>Sending number</source>
        <translation>Número de envio</translation>
    </message>
    <message>
        <source>The relay&apos;s webhook endpoint is off: ask whoever runs the relay.</source>
        <translation>O endpoint de webhook do servidor está desligado: fale com quem administra o servidor.</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Token de verificação</translation>
    </message>
    <message>
        <source>Webhook secret (optional)</source>
        <translation>Segredo do webhook (opcional)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AttachButton</name>
    <message>
        <source>Attach a file (up to 10 MB); you can also drop files here</source>
        <translation>Adjuntar un archivo (hasta 10 MB); también puede soltar archivos aquí</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Adjuntar un archivo</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Enviar un archivo</translation>
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
        <translation>NUEVO CHAT</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Quick reply</source>
        <translation>Respuesta rápida</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Type a reply…</source>
        <translation>Escriba una respuesta…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Enter sends · Esc cancels · the chat becomes yours</source>
        <translation>Intro envía · Esc cancela · el chat pasa a ser suyo</translation>
    </message>
</context>
<context>
    <name>ChatsService</name>
    <message>
        <source>Colleague</source>
        <translation>Compañero</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>The chat with your colleague could not be opened: {0}</source>
        <translation>No se pudo abrir el chat con su compañero: {0}</translation>
    </message>
    <message>
        <source>Another agent has already accepted this chat.</source>
        <translation>Otro agente ya aceptó este chat.</translation>
    </message>
    <message>
        <source>The chat could not be accepted: {0}</source>
        <translation>No se pudo aceptar el chat: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The chat could not be closed: {0}</source>
        <translation>No se pudo cerrar el chat: {0}</translation>
    </message>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Un mensaje no se envió: {0}</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>escribiendo…</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Archivo: {0}</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <source>Colleague</source>
        <translation>Compañero</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente de la visita</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tiempo en el sitio web</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Página actual</translation>
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
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Internet provider</source>
        <translation>Proveedor de Internet</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Dirección IP</translation>
    </message>
    <message>
        <source>{0} pages this visit</source>
        <translation>{0} páginas en esta visita</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>salió del sitio</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
</context>
<context>
    <name>FilesService</name>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>No se puede leer {0}: {1}</translation>
    </message>
    <message>
        <source>{0} is not a file</source>
        <translation>{0} no es un archivo</translation>
    </message>
    <message>
        <source>{0} is empty and was not sent</source>
        <translation>{0} está vacío y no se envió</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB ({1}) and was not sent</source>
        <translation>{0} pesa más de 10 MB ({1}) y no se envió</translation>
    </message>
    <message>
        <source>Not connected: the file was not sent</source>
        <translation>Sin conexión: el archivo no se envió</translation>
    </message>
    <message>
        <source>{0} was not sent: {1}</source>
        <translation>{0} no se envió: {1}</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB and was not sent</source>
        <translation>{0} pesa más de 10 MB y no se envió</translation>
    </message>
    <message>
        <source>The name {0} cannot be used: rename the file</source>
        <translation>El nombre {0} no se puede usar: cambie el nombre del archivo</translation>
    </message>
    <message>
        <source>{0} arrived damaged: send it again</source>
        <translation>{0} llegó dañado: envíelo de nuevo</translation>
    </message>
    <message>
        <source>The chat has ended: {0} was not sent</source>
        <translation>El chat ha terminado: {0} no se envió</translation>
    </message>
    <message>
        <source>Not connected: {0} was not saved</source>
        <translation>Sin conexión: {0} no se guardó</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>{0} no se guardó: {1}</translation>
    </message>
</context>
<context>
    <name>HistoryPopup</name>
    <message>
        <source>Navigation history</source>
        <translation>Historial de navegación</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>An agent</source>
        <translation>Un agente</translation>
    </message>
    <message>
        <source>{0} joined the chat</source>
        <translation>{0} se unió al chat</translation>
    </message>
    <message>
        <source>{0} left the chat</source>
        <translation>{0} abandonó el chat</translation>
    </message>
    <message>
        <source>The chat has ended</source>
        <translation>El chat ha terminado</translation>
    </message>
    <message>
        <source>Click to save</source>
        <translation>Clic para guardar</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>No chats yet.
New chats appear here.</source>
        <translation>Todavía no hay chats.
Los nuevos chats aparecen aquí.</translation>
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
        <translation>Abandonar el chat</translation>
    </message>
    <message>
        <source>This visitor is waiting for an answer.</source>
        <translation>Este visitante espera una respuesta.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Type a message… (Enter sends, Shift+Enter: new line)</source>
        <translation>Escriba un mensaje… (Intro envía, Mayús+Intro: nueva línea)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Elija un chat a la izquierda.
Los chats en espera están marcados en naranja.</translation>
    </message>
    <message>
        <source>Chat with a colleague</source>
        <translation>Chat con un compañero</translation>
    </message>
    <message>
        <source>Visitor is typing: {0}</source>
        <translation>El visitante escribe: {0}</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} está escribiendo…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
</context>
<context>
    <name>InvitationsSection</name>
    <message>
        <source>Automatic invitations</source>
        <translation>Invitaciones automáticas</translation>
    </message>
    <message>
        <source>The widget invites a visitor to chat when every condition of a rule holds. An invitation the visitor closed does not come back in the same visit.</source>
        <translation>El chat invita al visitante cuando se cumplen todas las condiciones de una regla. Una invitación que el visitante cerró no vuelve en la misma visita.</translation>
    </message>
    <message>
        <source>Hello! Can I help you find something?</source>
        <translation>¡Hola! ¿Le ayudo a encontrar algo?</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Elegir foto…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>e.g. */pricing* (empty: any page)</source>
        <translation>p. ej. */precios* (vacío: cualquier página)</translation>
    </message>
    <message>
        <source>e.g. google (empty: any)</source>
        <translation>p. ej. google (vacío: cualquiera)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Agent name shown</source>
        <translation>Nombre del agente que se muestra</translation>
    </message>
    <message>
        <source>Agent photo</source>
        <translation>Foto del agente</translation>
    </message>
    <message>
        <source>Time on the page</source>
        <translation>Tiempo en la página</translation>
    </message>
    <message>
        <source>Page URL</source>
        <translation>URL de la página</translation>
    </message>
    <message>
        <source>At least visits</source>
        <translation>Visitas mínimas</translation>
    </message>
    <message>
        <source>Referrer contains</source>
        <translation>La referencia contiene</translation>
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
        <translation>Nueva regla</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Guardar regla</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Eliminar regla</translation>
    </message>
    <message>
        <source>Write the invitation&apos;s message.</source>
        <translation>Escriba el mensaje de la invitación.</translation>
    </message>
    <message>
        <source>Choose a website.</source>
        <translation>Elija un sitio web.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Choose a PNG, JPEG, GIF or WebP image of at most 28 KB.</source>
        <translation>Elija una imagen PNG, JPEG, GIF o WebP de 28 KB como máximo.</translation>
    </message>
    <message>
        <source>after {0} s on the page</source>
        <translation>tras {0} s en la página</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>página {0}</translation>
    </message>
    <message>
        <source>from visit {0}</source>
        <translation>desde la visita {0}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>desde {0}</translation>
    </message>
    <message>
        <source>every visitor, at once</source>
        <translation>todos los visitantes, enseguida</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chats</source>
        <translation>Centro de Atención</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Clients, reminders and the sales funnel.</source>
        <translation>Lista de clientes, recordatorios y embudo de ventas.</translation>
    </message>
    <message>
        <source>The dialer and the call log.</source>
        <translation>El marcador y el registro de llamadas.</translation>
    </message>
    <message>
        <source>Who is on your website right now.</source>
        <translation>Quién está en su sitio web ahora mismo.</translation>
    </message>
    <message>
        <source>Chats, missed chats and reply times.</source>
        <translation>Chats, chats perdidos y tiempos de respuesta.</translation>
    </message>
    <message>
        <source>The app&apos;s and the account&apos;s settings.</source>
        <translation>Configure su cuenta y también la aplicación.</translation>
    </message>
    <message>
        <source>Jivo Live</source>
        <translation>Jivo Live</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <source>● Away</source>
        <translation>● Ausente</translation>
    </message>
    <message>
        <source>Online: you get new chats.</source>
        <translation>En línea: recibe chats nuevos.</translation>
    </message>
    <message>
        <source>Away: no new chats; you keep your current ones.</source>
        <translation>Ausente: no recibe chats nuevos, pero continúa con los actuales.</translation>
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
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Connection to the relay lost. Reconnecting by itself; what you write is kept and sent as soon as it is back.</source>
        <translation>Se perdió la conexión con el servidor. La aplicación se reconectará sola; lo que escriba se guarda y se enviará en cuanto vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>{0}

This page is not built yet: it comes in a later version.</source>
        <translation>{0}

Esta página aún no está disponible: llegará en una versión posterior.</translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>New chat: {0}</source>
        <translation>Nuevo chat: {0}</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>no system keychain</source>
        <translation>no hay llavero de contraseñas del sistema</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>Enter the relay address, your e-mail and password.</source>
        <translation>Ingrese la dirección del servidor, su correo electrónico y su contraseña.</translation>
    </message>
    <message>
        <source>Cannot reach the relay at {0}. Check the address and your connection.</source>
        <translation>No se puede conectar con el servidor {0}. Compruebe la dirección y su conexión.</translation>
    </message>
    <message>
        <source>Cannot sign in: {0}</source>
        <translation>No se puede iniciar sesión: {0}</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>Este dispositivo no tiene llavero de contraseñas: su inicio de sesión no se recordará.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>Correo electrónico o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app. ({0})</source>
        <translation>Este servidor usa otra versión del servicio. Actualice la aplicación. ({0})</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Su sesión ha caducado. Vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — Jivo Live</source>
        <translation>Iniciar sesión — Jivo Live</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Use the e-mail and password of your account.</source>
        <translation>Use el correo electrónico y la contraseña de su cuenta.</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Recordarme en este dispositivo</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the password cannot be remembered.</source>
        <translation>Este dispositivo no tiene llavero de contraseñas, así que la contraseña no se puede recordar.</translation>
    </message>
    <message>
        <source>Remember me (no keychain on this computer)</source>
        <translation>Recordarme (este dispositivo no tiene llavero)</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Green: online · Yellow: away · Empty: offline. Click a colleague to chat.</source>
        <translation>Verde: en línea · Amarillo: ausente · Sin color: desconectado. Haga clic en un compañero para chatear.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
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
        <translation>Abriendo el chat…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <source>+%n more waiting</source>
        <translation>
            <numerusform>+%n más en espera</numerusform>
            <numerusform>+%n más en espera</numerusform>
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
        <translation>En línea</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) waiting</source>
        <translation>
            <numerusform>%n chat en espera</numerusform>
            <numerusform>%n chats en espera</numerusform>
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
        <translation>Página actual</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Tiempo en el sitio</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>The page is in a background tab</source>
        <translation>La página está en una pestaña en segundo plano</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Directo</translation>
    </message>
    <message>
        <source>Search: {0}</source>
        <translation>Búsqueda: {0}</translation>
    </message>
    <message>
        <source>Social: {0}</source>
        <translation>Red social: {0}</translation>
    </message>
    <message>
        <source>Link: {0}</source>
        <translation>Enlace: {0}</translation>
    </message>
    <message>
        <source>Campaign: {0}</source>
        <translation>Campaña: {0}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Chatting with {0}</source>
        <translation>En chat con {0}</translation>
    </message>
    <message>
        <source>Chatting</source>
        <translation>En chat</translation>
    </message>
</context>
<context>
    <name>VisitorsPage</name>
    <message>
        <source>Hello! Can I help you with anything?</source>
        <translation>¡Hola! ¿Puedo ayudarle en algo?</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message>
        <source>Filter by name, page, source or place…</source>
        <translation>Filtrar por nombre, página, fuente o lugar…</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Invitación:</translation>
    </message>
    <message>
        <source>Invite to chat</source>
        <translation>Invitar al chat</translation>
    </message>
    <message>
        <source>Automatic invitations…</source>
        <translation>Invitaciones automáticas…</translation>
    </message>
    <message>
        <source>Automatic invitations</source>
        <translation>Invitaciones automáticas</translation>
    </message>
    <message>
        <source>{0} on the site</source>
        <translation>{0} en el sitio</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Invitación enviada a {0}.</translation>
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
        <translation>El visitante salió del sitio.</translation>
    </message>
    <message>
        <source>The invitation was not sent: {0}</source>
        <translation>La invitación no se envió: {0}</translation>
    </message>
    <message>
        <source>The invitation was not sent: no connection to the relay.</source>
        <translation>La invitación no se envió: no hay conexión con el relay.</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sin conexión con el relay.</translation>
    </message>
    <message>
        <source>Only administrators can change the invitation rules.</source>
        <translation>Solo los administradores pueden cambiar las reglas de invitación.</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>idle time is not available on Wayland; auto-away is off</source>
        <translation>el tiempo de inactividad no está disponible en Wayland; el modo ausente automático está desactivado</translation>
    </message>
    <message>
        <source>no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)</source>
        <translation>no hay sesión gráfica (no está definido ni DISPLAY ni WAYLAND_DISPLAY)</translation>
    </message>
    <message>
        <source>global hotkeys are not possible on Wayland; bind a desktop shortcut to `jivo-desktop --accept`</source>
        <translation>los atajos globales no son posibles en Wayland; asigne un atajo del escritorio a `jivo-desktop --accept`</translation>
    </message>
    <message>
        <source>allow this app under System Settings &gt; Privacy &amp; Security &gt; Accessibility (and Input Monitoring), then restart it</source>
        <translation>permita esta aplicación en Ajustes del Sistema &gt; Privacidad y seguridad &gt; Accesibilidad (y Monitorización de entrada) y después reiníciela</translation>
    </message>
    <message>
        <source>global hotkeys need the Accessibility permission: {0}</source>
        <translation>los atajos globales necesitan el permiso de Accesibilidad: {0}</translation>
    </message>
    <message>
        <source>pynput is not usable here: {0}</source>
        <translation>pynput no se puede usar aquí: {0}</translation>
    </message>
    <message>
        <source>pynput&apos;s backend for {0} cannot run on {1}</source>
        <translation>el módulo de pynput para {0} no puede funcionar en {1}</translation>
    </message>
    <message>
        <source>the keyboard listener could not start: {0}</source>
        <translation>no se pudo iniciar la escucha del teclado: {0}</translation>
    </message>
    <message>
        <source>the keyboard listener did not start</source>
        <translation>la escucha del teclado no se inició</translation>
    </message>
    <message>
        <source>the keyboard listener did not start (does the X server have the RECORD extension?)</source>
        <translation>la escucha del teclado no se inició (¿tiene el servidor X la extensión RECORD?)</translation>
    </message>
    <message>
        <source>idle time is not available on this system</source>
        <translation>el tiempo de inactividad no está disponible en este sistema</translation>
    </message>
    <message>
        <source>no X display (DISPLAY is not set)</source>
        <extracomment>Short backend name for logs and the diagnostics page (&quot;x11&quot;, &quot;windows&quot;, &quot;macos&quot;, &quot;unknown&quot;).</extracomment>
        <translation>no hay pantalla X (DISPLAY no está definido)</translation>
    </message>
    <message>
        <source>libX11 is not installed ({0})</source>
        <translation>libX11 no está instalada ({0})</translation>
    </message>
    <message>
        <source>libXss (XScreenSaver) is not installed ({0}); install libxss1</source>
        <translation>libXss (XScreenSaver) no está instalada ({0}); instale libxss1</translation>
    </message>
    <message>
        <source>cannot open X display {0}</source>
        <translation>no se puede abrir la pantalla X {0}</translation>
    </message>
    <message>
        <source>the X server at {0} has no MIT-SCREEN-SAVER extension</source>
        <translation>el servidor X en {0} no tiene la extensión MIT-SCREEN-SAVER</translation>
    </message>
    <message>
        <source>{0} idle time failed: {1}</source>
        <translation>falló el tiempo de inactividad de {0}: {1}</translation>
    </message>
    <message>
        <source>GetLastInputInfo needs Windows (ctypes.WinDLL is missing)</source>
        <translation>GetLastInputInfo necesita Windows (falta ctypes.WinDLL)</translation>
    </message>
    <message>
        <source>GetLastInputInfo is not available ({0})</source>
        <translation>GetLastInputInfo no está disponible ({0})</translation>
    </message>
    <message>
        <source>CoreGraphics is not available (macOS only): {0}</source>
        <translation>CoreGraphics no está disponible (solo macOS): {0}</translation>
    </message>
</context>
</TS>

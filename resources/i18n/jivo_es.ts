<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutSection</name>
    <message>
        <source>Jivo Live {0}</source>
        <translation>Jivo Live {0}</translation>
    </message>
    <message>
        <source>Something wrong? Send the app&apos;s log files to your administrators: they go to your relay only, and help them find the cause.</source>
        <translation>¿Algo no funciona? Envíe los registros de la aplicación a sus administradores: solo van a su servidor y les ayudan a encontrar la causa.</translation>
    </message>
    <message>
        <source>Send logs</source>
        <translation>Enviar registros</translation>
    </message>
    <message>
        <source>Logs sent by your team</source>
        <translation>Registros enviados por su equipo</translation>
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
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent. Your administrators can read them now.</source>
        <translation>Enviados. Sus administradores ya pueden leerlos.</translation>
    </message>
    <message>
        <source>Could not load the list: {0}</source>
        <translation>No se pudo cargar la lista: {0}</translation>
    </message>
    <message>
        <source>Nobody has sent logs yet.</source>
        <translation>Nadie ha enviado registros todavía.</translation>
    </message>
    <message>
        <source>Save the logs</source>
        <translation>Guardar los registros</translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation>No se pudo guardar: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
</context>
<context>
    <name>AccountChannels</name>
    <message>
        <source>Phone button in the widget</source>
        <translation>Botón de teléfono en el widget</translation>
    </message>
    <message>
        <source>The widget language&apos;s country</source>
        <translation>El país del idioma del widget</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Solicitudes de llamada</translation>
    </message>
    <message>
        <source>Their numbers without + are in</source>
        <translation>Sus números sin + son de</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Your websites. Paste a site&apos;s snippet into every page of it.</source>
        <translation>Sus sitios web. Pegue el código de un sitio en todas sus páginas.</translation>
    </message>
    <message>
        <source>Add a website</source>
        <translation>Añadir un sitio web</translation>
    </message>
    <message>
        <source>My shop</source>
        <translation>Mi tienda</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Chat switched on for this site</source>
        <translation>Chat activado en este sitio</translation>
    </message>
    <message>
        <source>Every online agent at once</source>
        <translation>Todos los agentes en línea a la vez</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>See the visitor typing</source>
        <translation>Ver lo que escribe el visitante</translation>
    </message>
    <message>
        <source>One agent first, then everyone</source>
        <translation>Primero un agente, luego todos</translation>
    </message>
    <message>
        <source>One agent first: the client&apos;s assigned agent or the least busy one; if they ignore it, every online agent.</source>
        <translation>Primero un agente: el agente asignado del cliente o el menos ocupado; si lo ignora, todos los agentes en línea.</translation>
    </message>
    <message>
        <source>No departments yet. Make them in Team: right-click an agent → Settings…</source>
        <translation>Aún no hay departamentos. Créelos en Equipo: clic derecho en un agente → Configuraciones…</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Widget language</source>
        <translation>Idioma del widget</translation>
    </message>
    <message>
        <source>Allowed origins
(one a line)</source>
        <translation>Orígenes permitidos
(uno por línea)</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>New chats go to</source>
        <translation>Los chats nuevos van a</translation>
    </message>
    <message>
        <source>Open chats per agent</source>
        <translation>Chats abiertos por agente</translation>
    </message>
    <message>
        <source>Offer time-out</source>
        <translation>Tiempo de espera de la oferta</translation>
    </message>
    <message>
        <source>Departments first</source>
        <translation>Primero los departamentos</translation>
    </message>
    <message>
        <source>Sneak peek</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (desactivado)</translation>
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
        <translation>Solicitud de llamada</translation>
    </message>
    <message>
        <source>Chat accepted</source>
        <translation>Chat aceptado</translation>
    </message>
    <message>
        <source>Chat finished</source>
        <translation>Chat terminado</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Mensaje fuera de línea</translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation>Cliente actualizado</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Añadir webhook</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Eliminar webhook</translation>
    </message>
    <message>
        <source>Refresh log</source>
        <translation>Actualizar registro</translation>
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
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Registro de envíos</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Tokens de API</translation>
    </message>
    <message>
        <source>A script sends the token in an authenticate frame over the WebSocket and acts as you, an administrator.</source>
        <translation>Un script envía el token en un mensaje authenticate por el WebSocket y actúa como usted, un administrador.</translation>
    </message>
    <message>
        <source>What uses it, e.g. nightly export</source>
        <translation>Qué lo usa, p. ej. exportación nocturna</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Crear token</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Copy it now: it is not shown again.</source>
        <translation>Cópielo ahora: no se volverá a mostrar.</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>Deal changed</source>
        <translation>Trato cambiado</translation>
    </message>
    <message>
        <source>Task due</source>
        <translation>Tarea vencida</translation>
    </message>
</context>
<context>
    <name>AccountProfile</name>
    <message>
        <source>My account</source>
        <translation>Mi cuenta</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Sin definir</translation>
    </message>
    <message>
        <source>Leave empty to keep it</source>
        <translation>Déjelo vacío para mantenerla</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Sign out on other devices</source>
        <translation>Cerrar sesión en otros dispositivos</translation>
    </message>
    <message>
        <source>Ends every other session of your account: other computers, browsers</source>
        <translation>Cierra todas las demás sesiones de su cuenta: otros ordenadores, navegadores</translation>
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
        <source>Time zone</source>
        <translation>Huso horario</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horario de trabajo</translation>
    </message>
    <message>
        <source>Outside these hours visitors see the offline form</source>
        <translation>Fuera de este horario los visitantes ven el formulario fuera de línea</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
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
        <translation>Guardar horario</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sin conexión con el servidor.</translation>
    </message>
    <message>
        <source>The relay did not answer. Try again.</source>
        <translation>El servidor no respondió. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The account exists, but the invitation e-mail could not be sent. Check the relay&apos;s SMTP settings, then invite again to send a new link.</source>
        <translation>La cuenta existe, pero no se pudo enviar el correo de invitación. Revise la configuración SMTP del servidor y vuelva a invitar para enviar un enlace nuevo.</translation>
    </message>
    <message>
        <source>Site saved.</source>
        <translation>Sitio guardado.</translation>
    </message>
    <message>
        <source>No e-mail was sent: the relay has no SMTP server set (JIVO_RELAY_SMTP_HOST). Give {0} this link to set a password; it works once.</source>
        <translation>No se envió ningún correo: el servidor no tiene configurado un servidor SMTP (JIVO_RELAY_SMTP_HOST). Entregue a {0} este enlace para elegir su contraseña; funciona una sola vez.</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Invitación enviada a {0}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Department removed.</source>
        <translation>Departamento eliminado.</translation>
    </message>
    <message>
        <source>Department saved.</source>
        <translation>Departamento guardado.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Contraseña cambiada.</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>Cuenta guardada.</translation>
    </message>
    <message>
        <source>Signed out on every other device.</source>
        <translation>Se cerró la sesión en todos los demás dispositivos.</translation>
    </message>
    <message>
        <source>Working hours saved.</source>
        <translation>Horario guardado.</translation>
    </message>
</context>
<context>
    <name>AccountTeam</name>
    <message>
        <source>Teammates</source>
        <translation>Compañeros</translation>
    </message>
    <message>
        <source>Invite a colleague by e-mail: they get a link to set their password and the link to install the app.</source>
        <translation>Invite a un colega por correo: recibirá un enlace para elegir su contraseña y el enlace para instalar la aplicación.</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>colega@example.com</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
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
        <translation>Invitar</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invitado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Make agent</source>
        <translation>Hacer agente</translation>
    </message>
    <message>
        <source>Make administrator</source>
        <translation>Hacer administrador</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <source>Settings of {0}</source>
        <translation>Configuración de {0}</translation>
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
        <translation>El límite del sitio</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Nuevo departamento</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove the selected department</source>
        <translation>Eliminar el departamento seleccionado</translation>
    </message>
    <message>
        <source>Removes it for every agent and site</source>
        <translation>Lo elimina para todos los agentes y sitios</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Open chats at most</source>
        <translation>Chats abiertos como máximo</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departamentos</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
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
        <translation>Palabras de la conversación</translation>
    </message>
    <message>
        <source>Visitor: name, e-mail, phone or number</source>
        <translation>Visitante: nombre, e-mail, teléfono o número</translation>
    </message>
    <message>
        <source>Closed and missed</source>
        <translation>Cerrados y perdidos</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
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
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Archived chats are read-only.</source>
        <translation>Los chats archivados son de solo lectura.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Cualquier agente</translation>
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
        <translation>Ningún chat archivado coincide.</translation>
    </message>
    <message>
        <source>Choose a chat to read it.</source>
        <translation>Elija un chat para leerlo.</translation>
    </message>
</context>
<context>
    <name>ArchiveService</name>
    <message>
        <source>The archive could not be searched: {0}</source>
        <translation>No se pudo buscar en el archivo: {0}</translation>
    </message>
    <message>
        <source>The conversation could not be loaded: {0}</source>
        <translation>No se pudo cargar la conversación: {0}</translation>
    </message>
</context>
<context>
    <name>AssignedAgentBox</name>
    <message>
        <source>Assigned agent</source>
        <translation>Agente asignado</translation>
    </message>
    <message>
        <source>The client&apos;s next chats go first to this agent while they are online</source>
        <translation>Los próximos chats del cliente van primero a este agente mientras esté en línea</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
</context>
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
    <name>AudioSection</name>
    <message>
        <source>Speak after pressing the button: {0} seconds are recorded, then played back.</source>
        <translation>Hable después de pulsar el botón: se graban {0} segundos y luego se reproducen.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect one: it appears here by itself.</source>
        <translation>No se encontró ningún micrófono. Conecte uno: aparecerá aquí solo.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>Test the microphone</source>
        <translation>Probar el micrófono</translation>
    </message>
    <message>
        <source>Recording… speak now.</source>
        <translation>Grabando… hable ahora.</translation>
    </message>
    <message>
        <source>Playing back what was recorded…</source>
        <translation>Reproduciendo lo grabado…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself? If not, choose another microphone.</source>
        <translation>Listo. ¿Se escuchó? Si no, elija otro micrófono.</translation>
    </message>
    <message>
        <source>The microphone could not be used. Choose another one.</source>
        <translation>No se pudo usar el micrófono. Elija otro.</translation>
    </message>
</context>
<context>
    <name>AutostartSetting</name>
    <message>
        <source>Start Jivo Live when I log in</source>
        <translation>Abrir Jivo Live al iniciar el sistema</translation>
    </message>
    <message>
        <source>Not available on this system: {0}</source>
        <translation>No disponible en este sistema: {0}</translation>
    </message>
    <message>
        <source>Could not change it: {0}</source>
        <translation>No se pudo cambiar: {0}</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>Block the client</source>
        <translation>Bloquear al cliente</translation>
    </message>
    <message>
        <source>Block {0}? They will not be able to write again from this browser. The chat is closed. An admin can unblock them.</source>
        <translation>¿Bloquear a {0}? No podrá volver a escribir desde este navegador. El chat se cierra. Un administrador puede desbloquearlo.</translation>
    </message>
    <message>
        <source>Reason (shown in the blocked clients list)</source>
        <translation>Motivo (se muestra en la lista de clientes bloqueados)</translation>
    </message>
    <message>
        <source>Also block the IP address</source>
        <translation>Bloquear también la dirección IP</translation>
    </message>
    <message>
        <source>Looking up the client&apos;s IP address…</source>
        <translation>Buscando la dirección IP del cliente…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Block as spam</source>
        <translation>Bloquear o Spam</translation>
    </message>
    <message>
        <source>The client&apos;s IP address is not known.</source>
        <translation>No se conoce la dirección IP del cliente.</translation>
    </message>
    <message>
        <source>Also block the IP address {0}</source>
        <translation>Bloquear también la dirección IP {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n other visitor(s) on the site share this address now (an office or a mobile network): blocking the address blocks them too.</source>
        <translation>
            <numerusform>%n visitante más del sitio comparte ahora esta dirección (una oficina o una red móvil): al bloquear la dirección también se le bloquea.</numerusform>
            <numerusform>%n visitantes más del sitio comparten ahora esta dirección (una oficina o una red móvil): al bloquear la dirección también se les bloquea.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other visitor on the site shares this address now.</source>
        <translation>Ningún otro visitante del sitio comparte ahora esta dirección.</translation>
    </message>
</context>
<context>
    <name>BlockedClientsList</name>
    <message>
        <source>Nobody is blocked.</source>
        <translation>No hay nadie bloqueado.</translation>
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
        <translation>sin motivo</translation>
    </message>
    <message>
        <source>the IP address {0} is blocked too</source>
        <translation>la dirección IP {0} también está bloqueada</translation>
    </message>
    <message>
        <source>IP {0} (not blocked)</source>
        <translation>IP {0} (no bloqueada)</translation>
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
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ChatActionsBar</name>
    <message>
        <source>Invite a colleague into this chat (you stay in it)</source>
        <translation>Invitar a un compañero a este chat (usted sigue en él)</translation>
    </message>
    <message>
        <source>Transfer the chat to a colleague ({0})</source>
        <translation>Transferir el chat a un compañero ({0})</translation>
    </message>
    <message>
        <source>Block the client / mark as spam ({0})</source>
        <translation>Bloquear al cliente / marcar como spam ({0})</translation>
    </message>
    <message>
        <source>Leave the chat ({0})</source>
        <translation>Abandonar el chat ({0})</translation>
    </message>
    <message>
        <source>More: quick phrases, blocked clients</source>
        <translation>Más: frases rápidas, clientes bloqueados</translation>
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
        <translation>No se pudo invitar al compañero: {0}</translation>
    </message>
    <message>
        <source>{0} is invited; you stay in the chat.</source>
        <translation>{0} está invitado; usted sigue en el chat.</translation>
    </message>
    <message>
        <source>The chat could not be transferred: {0}</source>
        <translation>No se pudo transferir el chat: {0}</translation>
    </message>
    <message>
        <source>Waiting for {0} to accept the chat; it stays yours until then.</source>
        <translation>Esperando a que {0} acepte el chat; hasta entonces sigue siendo suyo.</translation>
    </message>
    <message>
        <source>The invitation could not be answered: {0}</source>
        <translation>No se pudo responder a la invitación: {0}</translation>
    </message>
    <message>
        <source>You could not leave the chat: {0}</source>
        <translation>No pudo abandonar el chat: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The client could not be blocked: {0}</source>
        <translation>No se pudo bloquear al cliente: {0}</translation>
    </message>
    <message>
        <source>The blocked clients could not be listed: {0}</source>
        <translation>No se pudo obtener la lista de clientes bloqueados: {0}</translation>
    </message>
    <message>
        <source>The client could not be unblocked: {0}</source>
        <translation>No se pudo desbloquear al cliente: {0}</translation>
    </message>
    <message>
        <source>The comment was not saved: {0}</source>
        <translation>El comentario no se guardó: {0}</translation>
    </message>
    <message>
        <source>{0} is viewing</source>
        <translation>{0} está viendo el chat</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} está escribiendo…</translation>
    </message>
    <message>
        <source>An invitation to a chat timed out.</source>
        <translation>Una invitación a un chat caducó.</translation>
    </message>
    <message>
        <source>{0} accepted the chat.</source>
        <translation>{0} aceptó el chat.</translation>
    </message>
    <message>
        <source>{0} declined the transfer; the chat stays yours.</source>
        <translation>{0} rechazó la transferencia; el chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>{0} did not answer the transfer in time; the chat stays yours.</source>
        <translation>{0} no respondió a tiempo a la transferencia; el chat sigue siendo suyo.</translation>
    </message>
    <message>
        <source>{0} joined the chat.</source>
        <translation>{0} se unió al chat.</translation>
    </message>
    <message>
        <source>{0} declined the invitation.</source>
        <translation>{0} rechazó la invitación.</translation>
    </message>
    <message>
        <source>{0} did not answer the invitation in time.</source>
        <translation>{0} no respondió a tiempo a la invitación.</translation>
    </message>
</context>
<context>
    <name>ChatToast</name>
    <message>
        <source>CALLBACK REQUEST</source>
        <translation>SOLICITUD DE LLAMADA</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
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
        <translation>Sin atender</translation>
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
        <source>The agent could not be assigned: {0}</source>
        <translation>No se pudo asignar el agente: {0}</translation>
    </message>
    <message>
        <source>The chat could not be closed: {0}</source>
        <translation>No se pudo cerrar el chat: {0}</translation>
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
        <source>1 page this visit</source>
        <translation>1 página en esta visita</translation>
    </message>
    <message numerus="yes">
        <source>%n pages this visit</source>
        <translation>
            <numerusform>%n página en esta visita</numerusform>
            <numerusform>%n páginas en esta visita</numerusform>
        </translation>
    </message>
    <message>
        <source>missed</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>Read this chat in the archive</source>
        <translation>Leer este chat en el archivo</translation>
    </message>
    <message>
        <source>Earlier chats ({0})</source>
        <translation>Chats anteriores ({0})</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>salió del sitio</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
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
        <translation>Invitar a un compañero</translation>
    </message>
    <message>
        <source>Choose a colleague. The chat moves when they accept; until then it is yours.</source>
        <translation>Elija un compañero. El chat pasa a él cuando lo acepte; hasta entonces es suyo.</translation>
    </message>
    <message>
        <source>Choose a colleague to join this chat. You stay in it.</source>
        <translation>Elija un compañero para que se una a este chat. Usted sigue en él.</translation>
    </message>
    <message>
        <source>A note for your colleague (the visitor never sees it)</source>
        <translation>Un mensaje para su compañero (el visitante no lo verá)</translation>
    </message>
    <message>
        <source>Note for the colleague</source>
        <translation>Mensaje para el compañero</translation>
    </message>
    <message>
        <source>No colleague is online right now.</source>
        <translation>Ningún compañero está en línea ahora.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Invitar</translation>
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
        <source>No department</source>
        <translation>Sin departamento</translation>
    </message>
    <message>
        <source>1 open chat</source>
        <translation>1 chat abierto</translation>
    </message>
    <message>
        <source>{0} open chats</source>
        <translation>{0} chats abiertos</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Comment, only agents see it</source>
        <translation>Comentario, solo lo ven los agentes</translation>
    </message>
    <message>
        <source>Click to save</source>
        <translation>Haga clic para guardar</translation>
    </message>
    <message>
        <source>not sent · Retry</source>
        <translation>no enviado · Reintentar</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>no entregado</translation>
    </message>
    <message>
        <source>not delivered: {0}</source>
        <translation>no entregado: {0}</translation>
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
        <source>Retry</source>
        <translation>Reintentar</translation>
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
        <source>The conversation could not be loaded. {0}</source>
        <translation>No se pudo cargar la conversación. {0}</translation>
    </message>
    <message>
        <source>Original · click for the translation</source>
        <translation>Original · clic para ver la traducción</translation>
    </message>
    <message>
        <source>Translated from {0} · click for the original</source>
        <translation>Traducido del {0} · clic para ver el original</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is open in your browser: click the element there, add a comment and send. Pages behind a sign-in cannot show it.</source>
        <translation>La página del visitante está abierta en su navegador: haga clic en el elemento, escriba un comentario y pulse Enviar. Las páginas con autorización no pueden mostrarlo.</translation>
    </message>
    <message>
        <source>The visitor will read: {0}</source>
        <translation>El visitante leerá: {0}</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Un mensaje no se envió: {0}</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Sin conexión con el servidor.</translation>
    </message>
    <message>
        <source>The connection dropped while loading the conversation.</source>
        <translation>Se perdió la conexión mientras se cargaba la conversación.</translation>
    </message>
    <message>
        <source>The relay did not answer in time.</source>
        <translation>El servidor no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The relay refused: {0}</source>
        <translation>El servidor lo rechazó: {0}</translation>
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
        <source>Not connected: {0} was not saved</source>
        <translation>Sin conexión: {0} no se guardó</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>{0} no se guardó: {1}</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>Sidebar colour</source>
        <translation>Color de la barra lateral</translation>
    </message>
    <message>
        <source>Typing hints</source>
        <translation>Sugerencias al escribir</translation>
    </message>
    <message>
        <source>Away when idle</source>
        <translation>Ausente por inactividad</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Spell check</source>
        <translation>Corrector ortográfico</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Inicio automático</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Suggest my frequent phrases while I type (Tab)</source>
        <translation>Sugerir mis frases frecuentes mientras escribo (Tab)</translation>
    </message>
    <message>
        <source>The phrases are kept on this computer only.</source>
        <translation>Las frases se guardan solo en este dispositivo.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>After {0} minutes</source>
        <translation>Tras {0} minutos</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>No es posible en este dispositivo: {0}</translation>
    </message>
    <message>
        <source>This computer does not tell the app how long you have been idle.</source>
        <translation>Este dispositivo no informa a la aplicación cuánto tiempo lleva inactivo.</translation>
    </message>
    <message>
        <source>Jivo Live pop-up</source>
        <translation>Ventana de Jivo Live</translation>
    </message>
    <message>
        <source>The system&apos;s notifications</source>
        <translation>Notificaciones del sistema operativo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Check my spelling in</source>
        <translation>Revisar mi ortografía en</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
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
        <translation>Horas de más actividad: chats iniciados por día de la semana y hora</translation>
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
    <name>HotkeysSection</name>
    <message>
        <source>Accept the chat</source>
        <translation>Aceptar el chat</translation>
    </message>
    <message>
        <source>Previous chat in the list</source>
        <translation>Ir al chat anterior de la lista</translation>
    </message>
    <message>
        <source>Next chat in the list</source>
        <translation>Ir al chat siguiente de la lista</translation>
    </message>
    <message>
        <source>Close the chat</source>
        <translation>Cerrar el chat</translation>
    </message>
    <message>
        <source>Block the client</source>
        <translation>Bloquear al cliente</translation>
    </message>
    <message>
        <source>Transfer the chat</source>
        <translation>Transferir el chat</translation>
    </message>
    <message>
        <source>Accept also works while the app is in the background (global shortcut)</source>
        <translation>Aceptar también funciona con la aplicación en segundo plano (atajo global)</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>No es posible en este dispositivo: {0}</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Restablecer valores predeterminados</translation>
    </message>
    <message>
        <source>{0} is already the shortcut for “{1}”. Choose another one.</source>
        <translation>{0} ya es el atajo de «{1}». Elija otro.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
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
        <source>Archive</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Elija un chat a la izquierda.
Los chats en espera están marcados en naranja.</translation>
    </message>
    <message>
        <source>Offline messages</source>
        <translation>Mensajes fuera de línea</translation>
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
    <name>InvitationCard</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>{0} wants to transfer the chat with {1} to you</source>
        <translation>{0} quiere transferirle el chat con {1}</translation>
    </message>
    <message>
        <source>{0} invites you into the chat with {1}</source>
        <translation>{0} le invita al chat con {1}</translation>
    </message>
    <message>
        <source>Only agents see this note</source>
        <translation>Solo los agentes ven este mensaje</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
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
    <name>LeaveConfirm</name>
    <message>
        <source>Leave the chat?</source>
        <translation>¿Abandonar el chat?</translation>
    </message>
    <message>
        <source>Leave the chat with {0}?</source>
        <translation>¿Abandonar el chat con {0}?</translation>
    </message>
    <message>
        <source>Better wait until the visitor has left the site: they may have more questions. If they write again after you leave, it starts a new chat.</source>
        <translation>Mejor espere a que el visitante salga del sitio: puede tener nuevas preguntas. Si vuelve a escribir después de que usted abandone el chat, se contará como un chat nuevo.</translation>
    </message>
    <message>
        <source>Leave chat</source>
        <translation>Abandonar el chat</translation>
    </message>
</context>
<context>
    <name>LogService</name>
    <message>
        <source>Not connected to the relay: try again when connected.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo al conectarse.</translation>
    </message>
    <message>
        <source>The connection dropped while sending: try again.</source>
        <translation>La conexión se cortó durante el envío: inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The relay refused the logs: {0}</source>
        <translation>El servidor rechazó los registros: {0}</translation>
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
        <source>Who is on your website right now.</source>
        <translation>Quién está en su sitio web ahora mismo.</translation>
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
    <message>
        <source>The call did not start</source>
        <translation>La llamada no empezó</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Missed callback request: it is a CRM task now</source>
        <translation>Solicitud de llamada perdida: ahora es una tarea del CRM</translation>
    </message>
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
        <source>Missed: nobody answered; the visitor saw the offline form</source>
        <translation>Perdido: nadie respondió; el visitante vio el formulario fuera de línea</translation>
    </message>
    <message>
        <source>{0} went offline: the chat went back to the queue</source>
        <translation>{0} se desconectó: el chat volvió a la cola</translation>
    </message>
    <message>
        <source>{0} transferred the chat: {1}</source>
        <translation>{0} transfirió el chat: {1}</translation>
    </message>
    <message>
        <source>{0} pointed at the page: {1}</source>
        <translation>{0} resaltó un elemento de la página: {1}</translation>
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
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Callback request: {0}</source>
        <translation>Solicitud de llamada: {0}</translation>
    </message>
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
    <name>OfflineMessagesPanel</name>
    <message>
        <source>Show handled ones too</source>
        <translation>Mostrar también los atendidos</translation>
    </message>
    <message>
        <source>No offline messages. What visitors leave in the offline form appears here.</source>
        <translation>No hay mensajes fuera de línea. Lo que los visitantes dejan en el formulario fuera de línea aparece aquí.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Dirección IP</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>Enviado el</translation>
    </message>
    <message>
        <source>Your answer: it goes to the visitor by e-mail</source>
        <translation>Su respuesta: le llegará al visitante por correo</translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation>Enviar por correo</translation>
    </message>
    <message>
        <source>Choose a message on the left.</source>
        <translation>Elija un mensaje a la izquierda.</translation>
    </message>
    <message>
        <source>Answered by e-mail by {0}</source>
        <translation>Respondido por correo por {0}</translation>
    </message>
    <message>
        <source>Handled by {0}</source>
        <translation>Atendido por {0}</translation>
    </message>
    <message>
        <source>Not handled yet</source>
        <translation>Aún sin atender</translation>
    </message>
    <message>
        <source>Mark as not handled</source>
        <translation>Marcar como no atendido</translation>
    </message>
    <message>
        <source>Mark as handled</source>
        <translation>Marcar como atendido</translation>
    </message>
</context>
<context>
    <name>OfflineMessagesService</name>
    <message>
        <source>The e-mail was not sent: the relay cannot send e-mail now (its SMTP server is not set or did not answer). Your text is kept.</source>
        <translation>El correo no se envió: el servidor no puede enviar correo ahora (no tiene servidor SMTP configurado o no respondió). Su texto se conserva.</translation>
    </message>
    <message>
        <source>The answer was not sent: {0}</source>
        <translation>La respuesta no se envió: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The message could not be marked: {0}</source>
        <translation>No se pudo marcar el mensaje: {0}</translation>
    </message>
    <message>
        <source>The offline messages could not be loaded: {0}</source>
        <translation>No se pudieron cargar los mensajes fuera de línea: {0}</translation>
    </message>
</context>
<context>
    <name>OnlineChart</name>
    <message>
        <source>Agents&apos; time per period</source>
        <translation>Tiempo de los agentes por período</translation>
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
        <translation>Nueva frase rápida</translation>
    </message>
    <message>
        <source>Greeting, Delivery times…</source>
        <translation>Saludo, Plazos de envío…</translation>
    </message>
    <message>
        <source>hi  (type /hi in a chat)</source>
        <translation>hola  (escriba /hola en un chat)</translation>
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
        <translation>Atajo</translation>
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
        <translation>Buscar por etiqueta, atajo o texto</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insertar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the phrase</source>
        <translation>Editar la frase</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PhrasesService</name>
    <message>
        <source>The quick phrase was not saved: {0}</source>
        <translation>La frase rápida no se guardó: {0}</translation>
    </message>
</context>
<context>
    <name>RelayErrors</name>
    <message>
        <source>The relay could not read what the app sent. Update the app; if it happens again, send your logs to an administrator (Settings → About).</source>
        <translation>El servidor no pudo leer lo que envió la aplicación. Actualice la aplicación; si vuelve a ocurrir, envíe sus registros a un administrador (Ajustes → Acerca de).</translation>
    </message>
    <message>
        <source>The relay does not know this request: the app and the relay are of different versions. Update the app or ask an administrator to update the relay.</source>
        <translation>El servidor no conoce esta solicitud: la aplicación y el servidor son de versiones distintas. Actualice la aplicación o pida a un administrador que actualice el servidor.</translation>
    </message>
    <message>
        <source>The relay refused the request: something in it is not valid. Check what you entered and try again.</source>
        <translation>El servidor rechazó la solicitud: algo en ella no es válido. Revise lo que escribió e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Ask an administrator.</source>
        <translation>No tiene permiso para hacer esto. Consulte a un administrador.</translation>
    </message>
    <message>
        <source>This is too large for the relay. Make it shorter and try again.</source>
        <translation>Es demasiado grande para el servidor. Acórtelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The message is longer than {0} characters. Shorten it or send it in parts.</source>
        <translation>El mensaje tiene más de {0} caracteres. Acórtelo o envíelo en varias partes.</translation>
    </message>
    <message>
        <source>The message is empty. Write something first.</source>
        <translation>El mensaje está vacío. Escriba algo primero.</translation>
    </message>
    <message>
        <source>You are doing this too often. Wait a moment and try again.</source>
        <translation>Lo está haciendo con demasiada frecuencia. Espere un momento e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>Correo electrónico o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Su sesión ha caducado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The relay knows no site with this key. Check the site&apos;s key in the code on the website.</source>
        <translation>El servidor no conoce ningún sitio con esta clave. Compruebe la clave del sitio en el código de la página web.</translation>
    </message>
    <message>
        <source>This web page&apos;s address is not among the site&apos;s allowed addresses. An administrator can add it in Settings → Channels.</source>
        <translation>La dirección de esta página web no está entre las direcciones permitidas del sitio. Un administrador puede añadirla en Ajustes → Canales.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app.</source>
        <translation>Este servidor ejecuta otra versión del servicio. Actualice la aplicación.</translation>
    </message>
    <message>
        <source>This no longer exists, or you may not see it (it may have been deleted).</source>
        <translation>Ya no existe o no puede verlo (quizá se eliminó).</translation>
    </message>
    <message>
        <source>A colleague accepted this chat first.</source>
        <translation>Un compañero aceptó este chat antes.</translation>
    </message>
    <message>
        <source>The chat has ended.</source>
        <translation>El chat ha terminado.</translation>
    </message>
    <message>
        <source>You are no longer a participant of this chat.</source>
        <translation>Ya no participa en este chat.</translation>
    </message>
    <message>
        <source>No agent is online to answer now.</source>
        <translation>No hay ningún agente en línea para responder ahora.</translation>
    </message>
    <message>
        <source>The relay had a problem and could not do this. Try again in a moment.</source>
        <translation>El servidor tuvo un problema y no pudo hacerlo. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>This visitor is blocked: the chat cannot go on.</source>
        <translation>Este visitante está bloqueado: el chat no puede continuar.</translation>
    </message>
    <message>
        <source>This visitor&apos;s network address is blocked, so the visitor cannot write. Unblock the address in the blocked clients list if this is a mistake.</source>
        <translation>La dirección de red de este visitante está bloqueada, así que no puede escribir. Si es un error, desbloquee la dirección en la lista de clientes bloqueados.</translation>
    </message>
    <message>
        <source>The relay is busy. Try again in a moment.</source>
        <translation>El servidor está ocupado. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>Only administrators may do this.</source>
        <translation>Solo los administradores pueden hacer esto.</translation>
    </message>
    <message>
        <source>Another quick phrase already has this shortcut, or this was already sent.</source>
        <translation>Otra frase rápida ya tiene este atajo, o esto ya se envió.</translation>
    </message>
    <message>
        <source>The e-mail could not be sent: the relay&apos;s mail server (SMTP) is not set or did not answer. An administrator can check it; then try again.</source>
        <translation>No se pudo enviar el correo electrónico: el servidor de correo (SMTP) del servidor no está configurado o no respondió. Un administrador puede revisarlo; después, inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file is larger than 10 MB.</source>
        <translation>El archivo ocupa más de 10 MB.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The file&apos;s name cannot be used. Rename the file and send it.</source>
        <translation>El nombre del archivo no se puede usar. Cambie el nombre del archivo y envíelo.</translation>
    </message>
    <message>
        <source>The file arrived damaged. Send it again.</source>
        <translation>El archivo llegó dañado. Envíelo de nuevo.</translation>
    </message>
    <message>
        <source>The chat has reached its limit of files. Send a link to the file instead.</source>
        <translation>El chat alcanzó su límite de archivos. Envíe un enlace al archivo en su lugar.</translation>
    </message>
    <message>
        <source>The relay has no room for files now. Try later, and tell an administrator.</source>
        <translation>El servidor no tiene espacio para archivos ahora. Inténtelo más tarde y avise a un administrador.</translation>
    </message>
    <message numerus="yes">
        <source>The relay is busy. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>El servidor está ocupado. Espere %n segundo e inténtelo de nuevo.</numerusform>
            <numerusform>El servidor está ocupado. Espere %n segundos e inténtelo de nuevo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Demasiados intentos. Espere %n segundo e inténtelo de nuevo.</numerusform>
            <numerusform>Demasiados intentos. Espere %n segundos e inténtelo de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed out of this session.</source>
        <translation>Cerró la sesión.</translation>
    </message>
    <message>
        <source>Your session reached its time limit. Sign in again.</source>
        <translation>Su sesión llegó a su límite de tiempo. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your password was changed in another session. Sign in with the new password.</source>
        <translation>Su contraseña se cambió en otra sesión. Inicie sesión con la nueva contraseña.</translation>
    </message>
    <message>
        <source>An administrator disabled your account. Ask an administrator to enable it.</source>
        <translation>Un administrador desactivó su cuenta. Pida a un administrador que la active.</translation>
    </message>
    <message>
        <source>You signed out on every other device from another session. Sign in again to use this one.</source>
        <translation>Cerró la sesión en todos los demás dispositivos desde otra sesión. Inicie sesión de nuevo para usar este.</translation>
    </message>
    <message>
        <source>The relay refused the request (code {0}). Try again later.</source>
        <translation>El servidor rechazó la solicitud (código {0}). Inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The relay ended your session. Sign in again.</source>
        <translation>El servidor cerró su sesión. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The relay did not answer. Check your connection and try again.</source>
        <translation>El servidor no respondió. Compruebe su conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This stage or funnel still has deals. Move them to another stage first.</source>
        <translation>Esta etapa o embudo todavía tiene tratos. Muévalos primero a otra etapa.</translation>
    </message>
    <message>
        <source>That due time has already passed. Choose a later time.</source>
        <translation>Esa hora de vencimiento ya pasó. Elija una hora posterior.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can add one in Settings → Integrations.</source>
        <translation>No hay ningún traductor configurado. Un administrador puede añadirlo en Ajustes → Integraciones.</translation>
    </message>
    <message>
        <source>The translator did not answer. Try again, or send without translating.</source>
        <translation>El traductor no respondió. Inténtelo de nuevo o envíe sin traducir.</translation>
    </message>
    <message>
        <source>GIFs are not set up. An administrator can add a provider in Settings → Integrations.</source>
        <translation>Los GIF no están configurados. Un administrador puede añadir un proveedor en Ajustes → Integraciones.</translation>
    </message>
    <message>
        <source>The GIF service did not answer. Try again later.</source>
        <translation>El servicio de GIF no respondió. Inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The client cannot be reached on that channel. Choose another one above.</source>
        <translation>No se puede contactar al cliente por ese canal. Elija otro en la parte superior.</translation>
    </message>
    <message>
        <source>This site does not take callback requests.</source>
        <translation>Este sitio no acepta solicitudes de devolución de llamada.</translation>
    </message>
    <message>
        <source>That does not read as a phone number. Check the digits.</source>
        <translation>Eso no parece un número de teléfono. Revise los dígitos.</translation>
    </message>
    <message>
        <source>Premium-rate and emergency numbers are never called back. Give another number.</source>
        <translation>Nunca se devuelven llamadas a números de tarificación especial ni de emergencia. Indique otro número.</translation>
    </message>
    <message>
        <source>There is already a chat open. Ask in that chat.</source>
        <translation>Ya hay un chat abierto. Pregunte en ese chat.</translation>
    </message>
</context>
<context>
    <name>ReplyChannel</name>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>An internal note: only agents see it</source>
        <translation>Una nota interna: solo la ven los agentes</translation>
    </message>
    <message>
        <source>More than 24 hours since the client&apos;s last WhatsApp message: WhatsApp only allows an approved template now. Answer by another channel.</source>
        <translation>Han pasado más de 24 horas desde el último mensaje de WhatsApp del cliente: WhatsApp solo permite ahora una plantilla aprobada. Responda por otro canal.</translation>
    </message>
    <message>
        <source>The client cannot be reached on this channel now.</source>
        <translation>Ahora no se puede contactar al cliente por este canal.</translation>
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
        <source>{0} is not a relay address. It looks like wss://chat.example.com.</source>
        <translation>{0} no es una dirección de servidor. Tiene la forma wss://chat.example.com.</translation>
    </message>
    <message>
        <source>The address {0} answered, but not as a relay. Check the address, or ask an administrator.</source>
        <translation>La dirección {0} respondió, pero no como un servidor del servicio. Compruebe la dirección o consulte a un administrador.</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>Este dispositivo no tiene llavero de contraseñas: su inicio de sesión no se recordará.</translation>
    </message>
    <message>
        <source>You were signed out: {0}</source>
        <translation>Se cerró su sesión: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>No settings yet.</source>
        <translation>Todavía no hay ajustes.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sonidos</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>Teclas de acceso rápido</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Mi cuenta</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Teammates</source>
        <translation>Compañeros</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraciones</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitaciones</translation>
    </message>
    <message>
        <source>Blocked clients</source>
        <translation>Clientes bloqueados</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>CRM settings</source>
        <translation>Configurar CRM</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Canales de respuesta</translation>
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
    <name>SoundsSection</name>
    <message>
        <source>Chime</source>
        <translation>Campanilla</translation>
    </message>
    <message>
        <source>Blip</source>
        <translation>Bip</translation>
    </message>
    <message>
        <source>Bell</source>
        <translation>Campana</translation>
    </message>
    <message>
        <source>Knock</source>
        <translation>Toque en la puerta</translation>
    </message>
    <message>
        <source>Pop</source>
        <translation>Pop</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>New message in my chats</source>
        <translation>Nuevo mensaje en mis chats</translation>
    </message>
    <message>
        <source>New visitor on the site</source>
        <translation>Nuevo visitante en el sitio</translation>
    </message>
    <message>
        <source>Play notification sounds</source>
        <translation>Reproducir sonidos de notificación</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Reproducir</translation>
    </message>
    <message>
        <source>Play this sound now</source>
        <translation>Reproducir este sonido ahora</translation>
    </message>
    <message>
        <source>No audio output device was found: the app stays silent until there is one.</source>
        <translation>No se encontró ningún dispositivo de salida de audio: la aplicación no sonará hasta que haya uno.</translation>
    </message>
</context>
<context>
    <name>SpellCheckAssist</name>
    <message>
        <source>No suggestions</source>
        <translation>Sin sugerencias</translation>
    </message>
    <message>
        <source>Add “{0}” to the dictionary</source>
        <translation>Añadir «{0}» al diccionario</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Chats started in the range (by the visitor&apos;s first message).</source>
        <translation>Chats iniciados en el período (por el primer mensaje del visitante).</translation>
    </message>
    <message>
        <source>Chats an agent accepted.</source>
        <translation>Chats que un agente aceptó.</translation>
    </message>
    <message>
        <source>Chats nobody took after the full ignore ladder: the visitor got the offline form.</source>
        <translation>Chats que nadie tomó tras todas las rondas de ignorar: el visitante vio el formulario fuera de línea.</translation>
    </message>
    <message>
        <source>Messages visitors left in the offline form.</source>
        <translation>Mensajes que los visitantes dejaron en el formulario fuera de línea.</translation>
    </message>
    <message>
        <source>Transfers a colleague accepted.</source>
        <translation>Transferencias que un compañero aceptó.</translation>
    </message>
    <message>
        <source>First agent message minus the visitor&apos;s first message, credited to the agent who sent it. Median; mean and p90 (90% of chats were answered faster) below.</source>
        <translation>Primer mensaje del agente menos el primer mensaje del visitante, atribuido al agente que lo envió. Mediana; debajo, media y p90 (el 90 % de los chats se respondió antes).</translation>
    </message>
    <message>
        <source>From the offer to the agent&apos;s Accept. Median; mean and p90.</source>
        <translation>Desde la oferta hasta que el agente pulsa Aceptar. Mediana; media y p90.</translation>
    </message>
    <message>
        <source>From the visitor&apos;s first message to the close, for answered chats that closed.</source>
        <translation>Desde el primer mensaje del visitante hasta el cierre, en los chats atendidos y cerrados.</translation>
    </message>
    <message>
        <source>Invitations answered / sent (conversion).</source>
        <translation>Invitaciones respondidas / enviadas (conversión).</translation>
    </message>
    <message>
        <source>Time agents were online; away time below.</source>
        <translation>Tiempo en línea de los agentes; debajo, el tiempo ausente.</translation>
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
        <translation>Mensajes fuera de línea</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Primera respuesta</translation>
    </message>
    <message>
        <source>Reaction time</source>
        <translation>Tiempo de reacción</translation>
    </message>
    <message>
        <source>Chat duration</source>
        <translation>Duración del chat</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitaciones</translation>
    </message>
    <message>
        <source>Online time</source>
        <translation>Tiempo en línea</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Por semana</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Por mes</translation>
    </message>
    <message>
        <source>Working hours only</source>
        <translation>Solo horario laboral</translation>
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
        <translation>Tiempos de respuesta</translation>
    </message>
    <message>
        <source>Agents&apos; time</source>
        <translation>Tiempo de agentes</translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation>Horas pico</translation>
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
        <translation>En línea</translation>
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
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
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
        <translation>sin atender</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Todos los agentes</translation>
    </message>
    <message>
        <source>Team totals</source>
        <translation>Totales del equipo</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Solo yo</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Todos los departamentos</translation>
    </message>
    <message>
        <source>Time zone: {0}</source>
        <translation>Zona horaria: {0}</translation>
    </message>
    <message>
        <source>{0} answered of {1}</source>
        <translation>{0} respondidas de {1}</translation>
    </message>
    <message>
        <source>away {0}</source>
        <translation>ausente {0}</translation>
    </message>
    <message>
        <source>mean {0} · p90 {1}</source>
        <translation>media {0} · p90 {1}</translation>
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
        <translation>No se pudieron cargar las estadísticas: {0}</translation>
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
        <source>Right-click an agent to change their settings.</source>
        <translation>Haga clic derecho en un agente para cambiar sus configuraciones.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuraciones…</translation>
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
    <name>TimesChart</name>
    <message>
        <source>First response time per period</source>
        <translation>Tiempo de primera respuesta por período</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
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
        <translation>Llamando…</translation>
    </message>
    <message>
        <source>when: {0}</source>
        <translation>cuándo: {0}</translation>
    </message>
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
<context>
    <name>ComposerTools</name>
    <message>
        <source>Translator</source>
        <translation>Traductor</translation>
    </message>
    <message>
        <source>Translate this chat: the visitor&apos;s messages into your language, your replies into theirs ({0})</source>
        <translation>Traducir este chat: los mensajes del visitante a su idioma y sus respuestas al del visitante ({0})</translation>
    </message>
    <message>
        <source>Quick phrases</source>
        <translation>Frases rápidas</translation>
    </message>
    <message>
        <source>Search the team&apos;s quick phrases (or type /)</source>
        <translation>Buscar en las frases rápidas del equipo (o escriba /)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emojis</translation>
    </message>
    <message>
        <source>Insert an emoji ({0})</source>
        <translation>Insertar un emoji ({0})</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Puntero</translation>
    </message>
    <message>
        <source>Open the visitor&apos;s page in your browser, pick an element and send it with a comment ({0}). It does not work on pages behind a sign-in.</source>
        <translation>Abrir la página del visitante en su navegador, resaltar un elemento y enviarlo con un comentario ({0}). No funciona en las páginas con autorización.</translation>
    </message>
    <message>
        <source>Search a GIF and send it ({0})</source>
        <translation>Buscar un GIF y enviarlo ({0})</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji by name</source>
        <translation>Buscar emojis por nombre</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Usados recientemente</translation>
    </message>
    <message>
        <source>Smileys and emotion</source>
        <translation>Caras y emociones</translation>
    </message>
    <message>
        <source>People and body</source>
        <translation>Personas y cuerpo</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animales y naturaleza</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Comida y bebida</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Viajes y lugares</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Actividades</translation>
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
        <translation>Banderas</translation>
    </message>
    <message>
        <source>No emoji used yet: they will show here.</source>
        <translation>Aún no ha usado emojis: aparecerán aquí.</translation>
    </message>
    <message>
        <source>No emoji is called that.</source>
        <translation>Ningún emoji se llama así.</translation>
    </message>
</context>
<context>
    <name>GifPicker</name>
    <message>
        <source>Search GIFs, then Enter</source>
        <translation>Buscar GIFs y pulsar Intro</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No GIFs found.</source>
        <translation>No se encontraron GIFs.</translation>
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
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>GIF service</source>
        <translation>Servicio de GIFs</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>The service&apos;s own (leave empty)</source>
        <translation>La del servicio (déjelo vacío)</translation>
    </message>
    <message>
        <source>Save GIF service</source>
        <translation>Guardar servicio de GIFs</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Hay una clave: déjelo vacío para mantenerla</translation>
    </message>
    <message>
        <source>From the service&apos;s developer dashboard</source>
        <translation>Del panel de desarrolladores del servicio</translation>
    </message>
</context>
<context>
    <name>GifService</name>
    <message>
        <source>GIF provider saved.</source>
        <translation>Servicio de GIFs guardado.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sin conexión con el servidor: inténtelo más tarde.</translation>
    </message>
    <message>
        <source>GIFs are off. An administrator can choose a GIF service in Settings → Integrations.</source>
        <translation>Los GIFs están desactivados. Un administrador puede elegir un servicio de GIFs en Ajustes → Integraciones.</translation>
    </message>
    <message>
        <source>This GIF is larger than 10 MB: choose another.</source>
        <translation>Este GIF pesa más de 10 MB: elija otro.</translation>
    </message>
    <message>
        <source>The GIF service failed: {0}</source>
        <translation>El servicio de GIFs falló: {0}</translation>
    </message>
</context>
<context>
    <name>PointerService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sin conexión con el servidor: inténtelo más tarde.</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is not known, so it cannot be opened.</source>
        <translation>No se conoce la página del visitante, así que no se puede abrir.</translation>
    </message>
    <message>
        <source>The pointer could not start: {0}</source>
        <translation>El puntero no pudo iniciarse: {0}</translation>
    </message>
    <message>
        <source>No web browser could be opened.</source>
        <translation>No se pudo abrir ningún navegador.</translation>
    </message>
</context>
<context>
    <name>TranslatorAdmin</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sin conexión con el servidor: inténtelo más tarde.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <source>Translator saved.</source>
        <translation>Traductor guardado.</translation>
    </message>
</context>
<context>
    <name>TranslatorBox</name>
    <message>
        <source>Translator</source>
        <translation>Traductor</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>LibreTranslate-compatible server</source>
        <translation>Servidor compatible con LibreTranslate</translation>
    </message>
    <message>
        <source>Argos Translate on the relay</source>
        <translation>Argos Translate en el servidor</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (no instalado)</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Agents switch the translator on per chat. The key stays on the relay: the apps never receive it.</source>
        <translation>Los agentes activan el traductor en cada chat. La clave se queda en el servidor: las aplicaciones nunca la reciben.</translation>
    </message>
    <message>
        <source>Save translator</source>
        <translation>Guardar traductor</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Hay una clave: déjelo vacío para mantenerla</translation>
    </message>
    <message>
        <source>If the server needs one</source>
        <translation>Si el servidor la necesita</translation>
    </message>
</context>
<context>
    <name>TranslatorService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sin conexión con el servidor: inténtelo más tarde.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can set one in Settings → Integrations.</source>
        <translation>No hay ningún traductor configurado. Un administrador puede configurarlo en Ajustes → Integraciones.</translation>
    </message>
    <message>
        <source>The translation failed: {0}</source>
        <translation>La traducción falló: {0}</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Board</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Nuevo trato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add deal</source>
        <translation>Añadir trato</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Todavía no hay embudo de ventas. Un administrador lo crea en Ajustes → Configurar CRM.</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Trato</translation>
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
        <translation>Cierre previsto</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Ganado</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>{0} · deals: {1} · {2}</source>
        <translation>{0} · tratos: {1} · {2}</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Estancado</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Trato perdido</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>¿Por qué se perdió el trato?</translation>
    </message>
    <message>
        <source>Give the deal a title, a value such as 1250.00 and a three-letter currency such as EUR.</source>
        <translation>Dé al trato un título, un valor como 1250.00 y una moneda de tres letras como EUR.</translation>
    </message>
</context>
<context>
    <name>ClientCardView</name>
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
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Assigned agent</source>
        <translation>Agente asignado</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Choose a client on the left.</source>
        <translation>Elija un cliente a la izquierda.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Mensaje fuera de línea</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Trato</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Cliente creado</translation>
    </message>
    <message>
        <source>Merged with client {0}</source>
        <translation>Unido con el cliente {0}</translation>
    </message>
    <message>
        <source>Merge with client {0} undone</source>
        <translation>Unión con el cliente {0} deshecha</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>{0} kept on merge (old → kept): {1}</source>
        <translation>{0} al unir (anterior → conservado): {1}</translation>
    </message>
    <message>
        <source>{0} changed: {1}</source>
        <translation>{0} cambiado: {1}</translation>
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
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Double-click to open the chat</source>
        <translation>Doble clic para abrir el chat</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Search by name, e-mail, phone or company</source>
        <translation>Buscar por nombre, correo, teléfono o empresa</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Por nombre</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Los más nuevos primero</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Cambiados hace poco</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Añadir cliente</translation>
    </message>
    <message>
        <source>More clients</source>
        <translation>Más clientes</translation>
    </message>
    <message>
        <source>No clients yet. Visitors who chat, leave an offline message or give their contact details appear here.</source>
        <translation>Todavía no hay clientes. Aquí aparecen los visitantes que chatean, dejan un mensaje fuera de línea o dan sus datos de contacto.</translation>
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
        <translation>Cualquier agente</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Míos</translation>
    </message>
    <message>
        <source>Nobody&apos;s</source>
        <translation>Sin agente</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Cualquier etapa</translation>
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
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>Embudo de ventas</translation>
    </message>
</context>
<context>
    <name>CrmService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo en un momento.</translation>
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
        <translation>Fecha</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Casilla</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Who sees the clients</source>
        <translation>Quién ve a los clientes</translation>
    </message>
    <message>
        <source>Every agent sees every client</source>
        <translation>Cada agente ve a todos los clientes</translation>
    </message>
    <message>
        <source>Agents see their own clients and unassigned ones</source>
        <translation>Los agentes ven sus clientes y los que no tienen agente asignado</translation>
    </message>
    <message>
        <source>Sales funnels</source>
        <translation>Embudos de ventas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Tratos</translation>
    </message>
    <message>
        <source>Every agent sees every deal</source>
        <translation>Cada agente ve todos los tratos</translation>
    </message>
    <message>
        <source>Agents see their own deals</source>
        <translation>Los agentes ven solo sus tratos</translation>
    </message>
    <message>
        <source>Stages, in order (time limit in hours, 0: none)</source>
        <translation>Etapas, en orden (límite de tiempo en horas, 0: ninguno)</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>Nombre de la etapa</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Every funnel ends with Won and Lost; they cannot be removed.</source>
        <translation>Cada embudo termina en Ganado y Perdido; no se pueden quitar.</translation>
    </message>
    <message>
        <source>Save funnel</source>
        <translation>Guardar embudo</translation>
    </message>
    <message>
        <source>New funnel</source>
        <translation>Nuevo embudo</translation>
    </message>
    <message>
        <source>Delete funnel</source>
        <translation>Eliminar embudo</translation>
    </message>
    <message>
        <source>Custom client fields</source>
        <translation>Campos propios de los clientes</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Nombre del campo</translation>
    </message>
    <message>
        <source>List options, separated by commas</source>
        <translation>Opciones de la lista, separadas por comas</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Añadir campo</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Eliminar campo</translation>
    </message>
    <message>
        <source>A funnel needs a name and at least one stage.</source>
        <translation>Un embudo necesita un nombre y al menos una etapa.</translation>
    </message>
</context>
<context>
    <name>DealsTasksBox</name>
    <message>
        <source>Deals</source>
        <translation>Tratos</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Nuevo trato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <source>in 15 minutes</source>
        <translation>en 15 minutos</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>en 1 hora</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Todavía no hay embudo de ventas. Un administrador lo crea en Ajustes → Configurar CRM.</translation>
    </message>
    <message>
        <source>Task with assignee, note and reminder…</source>
        <translation>Tarea con agente, nota y aviso…</translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>Vence {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Remind me again in {0} minutes</source>
        <translation>Recordármelo de nuevo en {0} minutos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>New task: call the client back…</source>
        <translation>Nueva tarea: devolver la llamada al cliente…</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Avisarme</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Añadir tarea</translation>
    </message>
    <message>
        <source>No tasks. Add one above or from a chat&apos;s client panel.</source>
        <translation>No hay tareas. Añada una arriba o desde el panel del cliente de un chat.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Editar tarea</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Editar tarea</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Avisarme</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignada a</translation>
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
        <translation>Escriba un número de teléfono.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Esto no es un número de teléfono.</translation>
    </message>
    <message>
        <source>This number is too long.</source>
        <translation>Este número es demasiado largo.</translation>
    </message>
    <message>
        <source>This is not a valid number in {0}: check it, or write it with + and the country code.</source>
        <translation>No es un número válido en {0}: revíselo o escríbalo con + y el código del país.</translation>
    </message>
    <message>
        <source>This is an emergency number: call it from a phone, not through the app (the softphone cannot tell them where you are).</source>
        <translation>Es un número de emergencias: llame desde un teléfono, no desde la aplicación (el softphone no puede decirles dónde está usted).</translation>
    </message>
    <message>
        <source>The SIP address is too long.</source>
        <translation>La dirección SIP es demasiado larga.</translation>
    </message>
    <message>
        <source>The SIP address must start with sip: or sips:.</source>
        <translation>La dirección SIP debe empezar por sip: o sips:.</translation>
    </message>
    <message>
        <source>The SIP address needs {number} where the number goes.</source>
        <translation>La dirección SIP necesita {number} donde va el número.</translation>
    </message>
    <message>
        <source>The SIP address cannot contain spaces.</source>
        <translation>La dirección SIP no puede contener espacios.</translation>
    </message>
    <message>
        <source>No program on this computer opens {0}: links, so the call cannot start.</source>
        <translation>Ningún programa de este ordenador abre los enlaces {0}:, así que la llamada no puede empezar.</translation>
    </message>
    <message>
        <source>Install a softphone (MicroSIP, Zoiper, Linphone...) and choose it in Windows Settings &gt; Apps &gt; Default apps &gt; Choose defaults by link type, for {0}.</source>
        <translation>Instale un softphone (MicroSIP, Zoiper, Linphone...) y elíjalo en Configuración de Windows &gt; Aplicaciones &gt; Aplicaciones predeterminadas &gt; Elegir valores predeterminados por tipo de vínculo, para {0}.</translation>
    </message>
    <message>
        <source>Install a softphone (Zoiper, Linphone, Telephone...) and make it the default for {0}: links in its own preferences.</source>
        <translation>Instale un softphone (Zoiper, Linphone, Telephone...) y hágalo predeterminado para los enlaces {0}: en sus propias preferencias.</translation>
    </message>
    <message>
        <source>Install a softphone (Linphone, Zoiper, Jami...) and make it the default for {0}: links in your desktop&apos;s Default applications, or run: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</source>
        <translation>Instale un softphone (Linphone, Zoiper, Jami...) y hágalo predeterminado para los enlaces {0}: en las Aplicaciones predeterminadas de su escritorio, o ejecute: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</translation>
    </message>
    <message>
        <source>Or choose another way to call in Settings &gt; Calls.</source>
        <translation>O elija otra forma de llamar en Ajustes &gt; Llamadas.</translation>
    </message>
    <message>
        <source>{0} is a premium-rate number: the call may cost a lot. To call it anyway, type it on the Phone page.</source>
        <translation>{0} es un número de tarificación adicional: la llamada puede costar mucho. Para llamarlo de todos modos, escríbalo en la página Teléfono.</translation>
    </message>
</context>
<context>
    <name>CallsSection</name>
    <message>
        <source>Calls go out through</source>
        <translation>Las llamadas salen por</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Dirección SIP</translation>
    </message>
    <message>
        <source>Numbers without + are in</source>
        <translation>Los números sin + son de</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>En este ordenador</translation>
    </message>
    <message>
        <source>The system&apos;s phone app (tel: links)</source>
        <translation>La aplicación de teléfono del sistema (enlaces tel:)</translation>
    </message>
    <message>
        <source>A SIP softphone or PBX (sip: address below)</source>
        <translation>Un softphone SIP o centralita (dirección sip: abajo)</translation>
    </message>
    <message>
        <source>callto: links (Skype and others)</source>
        <translation>Enlaces callto: (Skype y otros)</translation>
    </message>
    <message>
        <source>{number} becomes the number with + and country code, {digits} the same without the +.</source>
        <translation>{number} se convierte en el número con + y código de país, {digits} en lo mismo sin el +.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>{0}: links open with {1}.</source>
        <translation>Los enlaces {0}: se abren con {1}.</translation>
    </message>
    <message>
        <source>This system cannot tell which program opens {0}: links.</source>
        <translation>Este sistema no puede decir qué programa abre los enlaces {0}:.</translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Borrar la última cifra</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Llamadas recientes</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Search clients by name, phone or company</source>
        <translation>Buscar clientes por nombre, teléfono o empresa</translation>
    </message>
    <message>
        <source>No calls from this computer yet.</source>
        <translation>Todavía no hay llamadas desde este ordenador.</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Fijo</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Landline or mobile</source>
        <translation>Fijo o móvil</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gratuito</translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation>Coste compartido</translation>
    </message>
    <message>
        <source>Internet phone</source>
        <translation>Teléfono por internet</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Numbers without + are read as {0} numbers.</source>
        <translation>Los números sin + se leen como números de {0}.</translation>
    </message>
    <message>
        <source>Premium-rate number: the call may cost a lot.</source>
        <translation>Número de tarificación adicional: la llamada puede costar mucho.</translation>
    </message>
    <message>
        <source>Double-click to call again</source>
        <translation>Doble clic para volver a llamar</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Cliente {0}</translation>
    </message>
    <message>
        <source>Double-click to call</source>
        <translation>Doble clic para llamar</translation>
    </message>
    <message>
        <source>The CRM is not available.</source>
        <translation>El CRM no está disponible.</translation>
    </message>
    <message>
        <source>Loading the clients…</source>
        <translation>Cargando los clientes…</translation>
    </message>
    <message>
        <source>No client with a phone number matches.</source>
        <translation>Ningún cliente con teléfono coincide.</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Registro de llamadas</translation>
    </message>
    <message>
        <source>No calls logged yet.</source>
        <translation>Todavía no hay llamadas registradas.</translation>
    </message>
    <message>
        <source>Double-click to change how it went</source>
        <translation>Doble clic para cambiar cómo fue</translation>
    </message>
</context>
<context>
    <name>CallLogService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Sin conexión con el servidor: inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Log call</source>
        <translation>Registrar llamada</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Saliente</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Entrante</translation>
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
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Contestada</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Número equivocado</translation>
    </message>
</context>
<context>
    <name>ChannelNames</name>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
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
        <translation>Puede responder al correo del cliente: su respuesta llega a su bandeja de entrada</translation>
    </message>
    <message>
        <source>Your reply goes to the client on {0}</source>
        <translation>Su respuesta llega al cliente por {0}</translation>
    </message>
    <message>
        <source>A message the visitor sees</source>
        <translation>Un mensaje que el visitante ve</translation>
    </message>
    <message>
        <source>You can continue the conversation with the client on WhatsApp</source>
        <translation>Puede continuar la conversación con el cliente vía WhatsApp</translation>
    </message>
    <message>
        <source>You can answer the client by SMS</source>
        <translation>Puede responder vía SMS al cliente</translation>
    </message>
</context>
<context>
    <name>ChannelAdmin</name>
    <message>
        <source>Channel saved.</source>
        <translation>Canal guardado.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Sin conexión con el servidor: inténtelo más tarde.</translation>
    </message>
</context>
<context>
    <name>ReplyChannelsSection</name>
    <message>
        <source>Add a channel</source>
        <translation>Añadir un canal</translation>
    </message>
    <message>
        <source>Add a website first (Settings → Channels).</source>
        <translation>Añada primero un sitio web (Ajustes → Canales).</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Token del bot</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>From @BotFather</source>
        <translation>De @BotFather</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>Puerto IMAP</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>Servidor IMAP (entrante)</translation>
    </message>
    <message>
        <source>Last error ({0}): {1}</source>
        <translation>Último error ({0}): {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Sin errores.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Canales de respuesta</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>Puerto SMTP</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>Servidor SMTP (saliente)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Enviar un mensaje de prueba</translation>
    </message>
    <message>
        <source>Set: leave empty to keep it</source>
        <translation>Guardada: déjela vacía para conservarla</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Test message sent.</source>
        <translation>Mensaje de prueba enviado.</translation>
    </message>
    <message>
        <source>The test message failed: {0}</source>
        <translation>El mensaje de prueba falló: {0}</translation>
    </message>
    <message>
        <source>This channel fetches its messages itself: there is no webhook address to give the provider.</source>
        <translation>Este canal recoge sus mensajes por sí mismo: no hay dirección de webhook que dar al proveedor.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (desactivado)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>SID de la cuenta</translation>
    </message>
    <message>
        <source>An e-mail address, a phone number or a Telegram chat id</source>
        <translation>Un correo electrónico, un teléfono o un id de chat de Telegram</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Clave secreta de la app</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Token de autenticación</translation>
    </message>
    <message>
        <source>Clients who write by e-mail, WhatsApp, SMS or Telegram get a chat like the website&apos;s visitors; your answer goes back the way they wrote.</source>
        <translation>Los clientes que escriben por correo electrónico, WhatsApp, SMS o Telegram tienen un chat como los visitantes del sitio web; su respuesta vuelve por donde escribieron.</translation>
    </message>
    <message>
        <source>Give the provider this webhook address:</source>
        <translation>Dé al proveedor esta dirección de webhook:</translation>
    </message>
    <message>
        <source>Phone number ID</source>
        <translation>ID del número de teléfono</translation>
    </message>
    <message>
        <source>Sending number</source>
        <translation>Número de envío</translation>
    </message>
    <message>
        <source>The relay&apos;s webhook endpoint is off: ask whoever runs the relay.</source>
        <translation>El punto de webhook del servidor está apagado: consulte a quien administra el servidor.</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Token de verificación</translation>
    </message>
    <message>
        <source>Webhook secret (optional)</source>
        <translation>Secreto del webhook (opcional)</translation>
    </message>
</context>
</TS>

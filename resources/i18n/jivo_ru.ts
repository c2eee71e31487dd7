<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutSection</name>
    <message>
        <source>Jivo Live {0}</source>
        <translation>Jivo Live {0}</translation>
    </message>
    <message>
        <source>Something wrong? Send the app&apos;s log files to your administrators: they go to your relay only, and help them find the cause.</source>
        <translation>Что-то не так? Отправьте журналы приложения администраторам: они попадут только на ваш сервер и помогут найти причину.</translation>
    </message>
    <message>
        <source>Send logs</source>
        <translation>Отправить журналы</translation>
    </message>
    <message>
        <source>Logs sent by your team</source>
        <translation>Журналы, отправленные вашей командой</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Сохранить…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Sent. Your administrators can read them now.</source>
        <translation>Отправлено. Администраторы уже могут их прочитать.</translation>
    </message>
    <message>
        <source>Could not load the list: {0}</source>
        <translation>Не удалось загрузить список: {0}</translation>
    </message>
    <message>
        <source>Nobody has sent logs yet.</source>
        <translation>Пока никто не отправлял журналы.</translation>
    </message>
    <message>
        <source>Save the logs</source>
        <translation>Сохранить журналы</translation>
    </message>
    <message>
        <source>Could not save: {0}</source>
        <translation>Не удалось сохранить: {0}</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Сохранено в {0}</translation>
    </message>
</context>
<context>
    <name>AccountChannels</name>
    <message>
        <source>Phone button in the widget</source>
        <translation>Кнопка телефона в виджете</translation>
    </message>
    <message>
        <source>The widget language&apos;s country</source>
        <translation>Страна языка виджета</translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation>Заказ звонка</translation>
    </message>
    <message>
        <source>Their numbers without + are in</source>
        <translation>Номера без + — из страны</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Your websites. Paste a site&apos;s snippet into every page of it.</source>
        <translation>Ваши сайты. Вставьте код сайта на каждую его страницу.</translation>
    </message>
    <message>
        <source>Add a website</source>
        <translation>Добавить сайт</translation>
    </message>
    <message>
        <source>My shop</source>
        <translation>Мой магазин</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Испанский</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Португальский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Chat switched on for this site</source>
        <translation>Чат включён на этом сайте</translation>
    </message>
    <message>
        <source>Every online agent at once</source>
        <translation>Всем операторам в сети сразу</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>See the visitor typing</source>
        <translation>Видеть, что печатает посетитель</translation>
    </message>
    <message>
        <source>One agent first, then everyone</source>
        <translation>Сначала одному оператору, затем всем</translation>
    </message>
    <message>
        <source>One agent first: the client&apos;s assigned agent or the least busy one; if they ignore it, every online agent.</source>
        <translation>Сначала одному оператору: закреплённому за клиентом или наименее занятому; если он проигнорирует, всем операторам в сети.</translation>
    </message>
    <message>
        <source>No departments yet. Make them in Team: right-click an agent → Settings…</source>
        <translation>Отделов пока нет. Создайте их в разделе «Команда»: щёлкните оператора правой кнопкой → Настройки…</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Widget language</source>
        <translation>Язык виджета</translation>
    </message>
    <message>
        <source>Allowed origins
(one a line)</source>
        <translation>Разрешённые источники
(по одному в строке)</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>New chats go to</source>
        <translation>Новые чаты получает</translation>
    </message>
    <message>
        <source>Open chats per agent</source>
        <translation>Открытых чатов на оператора</translation>
    </message>
    <message>
        <source>Offer time-out</source>
        <translation>Время на ответ</translation>
    </message>
    <message>
        <source>Departments first</source>
        <translation>Сначала отделы</translation>
    </message>
    <message>
        <source>Sneak peek</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (выключен)</translation>
    </message>
    <message>
        <source>Snippet copied.</source>
        <translation>Код скопирован.</translation>
    </message>
</context>
<context>
    <name>AccountIntegrations</name>
    <message>
        <source>Callback request</source>
        <translation>Заказ звонка</translation>
    </message>
    <message>
        <source>Chat accepted</source>
        <translation>Чат принят</translation>
    </message>
    <message>
        <source>Chat finished</source>
        <translation>Чат завершён</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Офлайн-сообщение</translation>
    </message>
    <message>
        <source>Client updated</source>
        <translation>Клиент обновлён</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Интеграции</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Вебхуки</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Добавить вебхук</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Удалить вебхук</translation>
    </message>
    <message>
        <source>Refresh log</source>
        <translation>Обновить журнал</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Delivery log</source>
        <translation>Журнал доставки</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API-токены</translation>
    </message>
    <message>
        <source>A script sends the token in an authenticate frame over the WebSocket and acts as you, an administrator.</source>
        <translation>Скрипт отправляет токен в сообщении authenticate по WebSocket и действует от вашего имени как администратор.</translation>
    </message>
    <message>
        <source>What uses it, e.g. nightly export</source>
        <translation>Кто его использует, например ночной экспорт</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Создать токен</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Copy it now: it is not shown again.</source>
        <translation>Скопируйте сейчас: он больше не будет показан.</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>отозван</translation>
    </message>
    <message>
        <source>Deal changed</source>
        <translation>Сделка изменена</translation>
    </message>
    <message>
        <source>Task due</source>
        <translation>Срок задачи</translation>
    </message>
</context>
<context>
    <name>AccountProfile</name>
    <message>
        <source>My account</source>
        <translation>Моя учётная запись</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задан</translation>
    </message>
    <message>
        <source>Leave empty to keep it</source>
        <translation>Оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Sign out on other devices</source>
        <translation>Выйти на других устройствах</translation>
    </message>
    <message>
        <source>Ends every other session of your account: other computers, browsers</source>
        <translation>Завершает все остальные сеансы вашей учётной записи: другие компьютеры, браузеры</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Рабочие часы</translation>
    </message>
    <message>
        <source>Outside these hours visitors see the offline form</source>
        <translation>В нерабочее время посетители видят офлайн-форму</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <source>Save working hours</source>
        <translation>Сохранить рабочие часы</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>The relay did not answer. Try again.</source>
        <translation>Сервер не ответил. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The account exists, but the invitation e-mail could not be sent. Check the relay&apos;s SMTP settings, then invite again to send a new link.</source>
        <translation>Учётная запись создана, но письмо с приглашением отправить не удалось. Проверьте настройки SMTP сервера и пригласите снова, чтобы отправить новую ссылку.</translation>
    </message>
    <message>
        <source>Site saved.</source>
        <translation>Сайт сохранён.</translation>
    </message>
    <message>
        <source>No e-mail was sent: the relay has no SMTP server set (JIVO_RELAY_SMTP_HOST). Give {0} this link to set a password; it works once.</source>
        <translation>Письмо не отправлено: на сервере не настроен SMTP-сервер (JIVO_RELAY_SMTP_HOST). Передайте {0} эту ссылку, чтобы задать пароль; она действует один раз.</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Приглашение отправлено на {0}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Department removed.</source>
        <translation>Отдел удалён.</translation>
    </message>
    <message>
        <source>Department saved.</source>
        <translation>Отдел сохранён.</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <source>Account saved.</source>
        <translation>Учётная запись сохранена.</translation>
    </message>
    <message>
        <source>Signed out on every other device.</source>
        <translation>Выполнен выход на всех остальных устройствах.</translation>
    </message>
    <message>
        <source>Working hours saved.</source>
        <translation>Рабочие часы сохранены.</translation>
    </message>
</context>
<context>
    <name>AccountTeam</name>
    <message>
        <source>Teammates</source>
        <translation>Коллеги</translation>
    </message>
    <message>
        <source>Invite a colleague by e-mail: they get a link to set their password and the link to install the app.</source>
        <translation>Пригласите коллегу по почте: он получит ссылку для установки пароля и ссылку на приложение.</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>kollega@example.com</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Пригласить</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Копировать ссылку</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Приглашён</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <source>Make agent</source>
        <translation>Сделать оператором</translation>
    </message>
    <message>
        <source>Make administrator</source>
        <translation>Сделать администратором</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <source>Settings of {0}</source>
        <translation>Настройки: {0}</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>The site&apos;s limit</source>
        <translation>Лимит сайта</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>Новый отдел</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove the selected department</source>
        <translation>Удалить выбранный отдел</translation>
    </message>
    <message>
        <source>Removes it for every agent and site</source>
        <translation>Удаляет его для всех операторов и сайтов</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Open chats at most</source>
        <translation>Не больше открытых чатов</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Отделы</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ArchivePanel</name>
    <message>
        <source>Words in the conversation</source>
        <translation>Слова из переписки</translation>
    </message>
    <message>
        <source>Visitor: name, e-mail, phone or number</source>
        <translation>Посетитель: имя, e-mail, телефон или номер</translation>
    </message>
    <message>
        <source>Closed and missed</source>
        <translation>Закрытые и пропущенные</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>Archived chats are read-only.</source>
        <translation>Архивные чаты доступны только для чтения.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Любой оператор</translation>
    </message>
    <message>
        <source>Chat {0}</source>
        <translation>Чат {0}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>{0}–{1} of {2}</source>
        <translation>{0}–{1} из {2}</translation>
    </message>
    <message>
        <source>No archived chats match.</source>
        <translation>Нет подходящих архивных чатов.</translation>
    </message>
    <message>
        <source>Choose a chat to read it.</source>
        <translation>Выберите чат, чтобы прочитать его.</translation>
    </message>
</context>
<context>
    <name>ArchiveService</name>
    <message>
        <source>The archive could not be searched: {0}</source>
        <translation>Не удалось выполнить поиск в архиве: {0}</translation>
    </message>
    <message>
        <source>The conversation could not be loaded: {0}</source>
        <translation>Не удалось загрузить переписку: {0}</translation>
    </message>
</context>
<context>
    <name>AssignedAgentBox</name>
    <message>
        <source>Assigned agent</source>
        <translation>Закреплённый оператор</translation>
    </message>
    <message>
        <source>The client&apos;s next chats go first to this agent while they are online</source>
        <translation>Следующие чаты клиента сначала получает этот оператор, пока он в сети</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Никто</translation>
    </message>
</context>
<context>
    <name>AttachButton</name>
    <message>
        <source>Attach a file (up to 10 MB); you can also drop files here</source>
        <translation>Прикрепить файл (до 10 МБ); файлы можно и перетащить сюда</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Прикрепить файл</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Отправить файл</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Sending {0} ({1})…</source>
        <translation>Отправка {0} ({1})…</translation>
    </message>
</context>
<context>
    <name>AudioSection</name>
    <message>
        <source>Speak after pressing the button: {0} seconds are recorded, then played back.</source>
        <translation>Говорите после нажатия кнопки: запишется {0} с, затем запись прозвучит.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect one: it appears here by itself.</source>
        <translation>Микрофон не найден. Подключите его — он появится здесь сам.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Test the microphone</source>
        <translation>Проверить микрофон</translation>
    </message>
    <message>
        <source>Recording… speak now.</source>
        <translation>Идёт запись… говорите.</translation>
    </message>
    <message>
        <source>Playing back what was recorded…</source>
        <translation>Воспроизводится запись…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself? If not, choose another microphone.</source>
        <translation>Готово. Вы себя услышали? Если нет, выберите другой микрофон.</translation>
    </message>
    <message>
        <source>The microphone could not be used. Choose another one.</source>
        <translation>Не удалось использовать микрофон. Выберите другой.</translation>
    </message>
</context>
<context>
    <name>AutostartSetting</name>
    <message>
        <source>Start Jivo Live when I log in</source>
        <translation>Запускать Jivo Live при входе в систему</translation>
    </message>
    <message>
        <source>Not available on this system: {0}</source>
        <translation>Недоступно в этой системе: {0}</translation>
    </message>
    <message>
        <source>Could not change it: {0}</source>
        <translation>Не удалось изменить: {0}</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>Block the client</source>
        <translation>Заблокировать клиента</translation>
    </message>
    <message>
        <source>Block {0}? They will not be able to write again from this browser. The chat is closed. An admin can unblock them.</source>
        <translation>Заблокировать {0}? Клиент больше не сможет писать из этого браузера. Чат будет закрыт. Администратор может снять блокировку.</translation>
    </message>
    <message>
        <source>Reason (shown in the blocked clients list)</source>
        <translation>Причина (видна в списке заблокированных клиентов)</translation>
    </message>
    <message>
        <source>Also block the IP address</source>
        <translation>Заблокировать и IP-адрес</translation>
    </message>
    <message>
        <source>Looking up the client&apos;s IP address…</source>
        <translation>Определяем IP-адрес клиента…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Block as spam</source>
        <translation>Заблокировать как спам</translation>
    </message>
    <message>
        <source>The client&apos;s IP address is not known.</source>
        <translation>IP-адрес клиента неизвестен.</translation>
    </message>
    <message>
        <source>Also block the IP address {0}</source>
        <translation>Заблокировать и IP-адрес {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n other visitor(s) on the site share this address now (an office or a mobile network): blocking the address blocks them too.</source>
        <translation>
            <numerusform>Ещё %n посетитель сайта сейчас использует этот адрес (офис или мобильная сеть): блокировка адреса заблокирует и его.</numerusform>
            <numerusform>Ещё %n посетителя сайта сейчас используют этот адрес (офис или мобильная сеть): блокировка адреса заблокирует и их.</numerusform>
            <numerusform>Ещё %n посетителей сайта сейчас используют этот адрес (офис или мобильная сеть): блокировка адреса заблокирует и их.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other visitor on the site shares this address now.</source>
        <translation>Сейчас ни один другой посетитель сайта не использует этот адрес.</translation>
    </message>
</context>
<context>
    <name>BlockedClientsList</name>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Никто не заблокирован.</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Клиент {0}</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Спам</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирован</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>the IP address {0} is blocked too</source>
        <translation>IP-адрес {0} тоже заблокирован</translation>
    </message>
    <message>
        <source>IP {0} (not blocked)</source>
        <translation>IP {0} (не заблокирован)</translation>
    </message>
    <message>
        <source>{0} · {1}: {2}
{3} · blocked by {4}, {5}</source>
        <translation>{0} · {1}: {2}
{3} · заблокировал(а) {4}, {5}</translation>
    </message>
</context>
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked clients</source>
        <translation>Заблокированные клиенты</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ChatActionsBar</name>
    <message>
        <source>Invite a colleague into this chat (you stay in it)</source>
        <translation>Пригласить коллегу в этот чат (вы остаётесь в нём)</translation>
    </message>
    <message>
        <source>Transfer the chat to a colleague ({0})</source>
        <translation>Передать чат коллеге ({0})</translation>
    </message>
    <message>
        <source>Block the client / mark as spam ({0})</source>
        <translation>Заблокировать клиента / отметить как спам ({0})</translation>
    </message>
    <message>
        <source>Leave the chat ({0})</source>
        <translation>Покинуть чат ({0})</translation>
    </message>
    <message>
        <source>More: quick phrases, blocked clients</source>
        <translation>Ещё: быстрые фразы, заблокированные клиенты</translation>
    </message>
    <message>
        <source>Quick phrases…</source>
        <translation>Быстрые фразы…</translation>
    </message>
    <message>
        <source>Blocked clients…</source>
        <translation>Заблокированные клиенты…</translation>
    </message>
</context>
<context>
    <name>ChatActionsService</name>
    <message>
        <source>The colleague could not be invited: {0}</source>
        <translation>Не удалось пригласить коллегу: {0}</translation>
    </message>
    <message>
        <source>{0} is invited; you stay in the chat.</source>
        <translation>{0} приглашён(а); вы остаётесь в чате.</translation>
    </message>
    <message>
        <source>The chat could not be transferred: {0}</source>
        <translation>Не удалось передать чат: {0}</translation>
    </message>
    <message>
        <source>Waiting for {0} to accept the chat; it stays yours until then.</source>
        <translation>Ждём, пока {0} примет чат; до тех пор он остаётся за вами.</translation>
    </message>
    <message>
        <source>The invitation could not be answered: {0}</source>
        <translation>Не удалось ответить на приглашение: {0}</translation>
    </message>
    <message>
        <source>You could not leave the chat: {0}</source>
        <translation>Не удалось покинуть чат: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Нет связи с сервером: повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The client could not be blocked: {0}</source>
        <translation>Не удалось заблокировать клиента: {0}</translation>
    </message>
    <message>
        <source>The blocked clients could not be listed: {0}</source>
        <translation>Не удалось получить список заблокированных клиентов: {0}</translation>
    </message>
    <message>
        <source>The client could not be unblocked: {0}</source>
        <translation>Не удалось разблокировать клиента: {0}</translation>
    </message>
    <message>
        <source>The comment was not saved: {0}</source>
        <translation>Комментарий не сохранён: {0}</translation>
    </message>
    <message>
        <source>{0} is viewing</source>
        <translation>{0} смотрит чат</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} печатает…</translation>
    </message>
    <message>
        <source>An invitation to a chat timed out.</source>
        <translation>Время приглашения в чат истекло.</translation>
    </message>
    <message>
        <source>{0} accepted the chat.</source>
        <translation>{0} принял(а) чат.</translation>
    </message>
    <message>
        <source>{0} declined the transfer; the chat stays yours.</source>
        <translation>{0} отклонил(а) передачу; чат остаётся за вами.</translation>
    </message>
    <message>
        <source>{0} did not answer the transfer in time; the chat stays yours.</source>
        <translation>{0} не ответил(а) на передачу вовремя; чат остаётся за вами.</translation>
    </message>
    <message>
        <source>{0} joined the chat.</source>
        <translation>{0} присоединился(-ась) к чату.</translation>
    </message>
    <message>
        <source>{0} declined the invitation.</source>
        <translation>{0} отклонил(а) приглашение.</translation>
    </message>
    <message>
        <source>{0} did not answer the invitation in time.</source>
        <translation>{0} не ответил(а) на приглашение вовремя.</translation>
    </message>
</context>
<context>
    <name>ChatToast</name>
    <message>
        <source>CALLBACK REQUEST</source>
        <translation>ЗАКАЗ ЗВОНКА</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>NEW CHAT</source>
        <translation>НОВЫЙ ЧАТ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Quick reply</source>
        <translation>Быстрый ответ</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Игнорировать</translation>
    </message>
    <message>
        <source>Type a reply…</source>
        <translation>Введите ответ…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Enter sends · Esc cancels · the chat becomes yours</source>
        <translation>Enter — отправить · Esc — отмена · чат перейдёт к вам</translation>
    </message>
</context>
<context>
    <name>ChatsChart</name>
    <message>
        <source>Chats per period</source>
        <translation>Чаты по периодам</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Принятые</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Без ответа</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
</context>
<context>
    <name>ChatsService</name>
    <message>
        <source>Colleague</source>
        <translation>Коллега</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>The chat with your colleague could not be opened: {0}</source>
        <translation>Не удалось открыть чат с коллегой: {0}</translation>
    </message>
    <message>
        <source>Another agent has already accepted this chat.</source>
        <translation>Этот чат уже принял другой оператор.</translation>
    </message>
    <message>
        <source>The chat could not be accepted: {0}</source>
        <translation>Не удалось принять чат: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Нет связи с сервером: повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The agent could not be assigned: {0}</source>
        <translation>Не удалось закрепить оператора: {0}</translation>
    </message>
    <message>
        <source>The chat could not be closed: {0}</source>
        <translation>Не удалось закрыть чат: {0}</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>печатает…</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Файл: {0}</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <source>Colleague</source>
        <translation>Коллега</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Время на сайте</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Текущая страница</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Internet provider</source>
        <translation>Интернет-провайдер</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>1 page this visit</source>
        <translation>1 страница за этот визит</translation>
    </message>
    <message numerus="yes">
        <source>%n pages this visit</source>
        <translation>
            <numerusform>%n страница за этот визит</numerusform>
            <numerusform>%n страницы за этот визит</numerusform>
            <numerusform>%n страниц за этот визит</numerusform>
        </translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>Read this chat in the archive</source>
        <translation>Открыть этот чат в архиве</translation>
    </message>
    <message>
        <source>Earlier chats ({0})</source>
        <translation>Прошлые чаты ({0})</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>покинул сайт</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
</context>
<context>
    <name>ColleagueDialog</name>
    <message>
        <source>Transfer chat</source>
        <translation>Передать чат</translation>
    </message>
    <message>
        <source>Invite a colleague</source>
        <translation>Пригласить коллегу</translation>
    </message>
    <message>
        <source>Choose a colleague. The chat moves when they accept; until then it is yours.</source>
        <translation>Выберите коллегу. Чат перейдёт к нему, когда он примет его; до тех пор он ваш.</translation>
    </message>
    <message>
        <source>Choose a colleague to join this chat. You stay in it.</source>
        <translation>Выберите коллегу, который присоединится к чату. Вы остаётесь в нём.</translation>
    </message>
    <message>
        <source>A note for your colleague (the visitor never sees it)</source>
        <translation>Заметка для коллеги (посетитель её не увидит)</translation>
    </message>
    <message>
        <source>Note for the colleague</source>
        <translation>Заметка для коллеги</translation>
    </message>
    <message>
        <source>No colleague is online right now.</source>
        <translation>Сейчас никого из коллег нет в сети.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Передать</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Пригласить</translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>away</source>
        <translation>нет на месте</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>Без отдела</translation>
    </message>
    <message>
        <source>1 open chat</source>
        <translation>1 открытый чат</translation>
    </message>
    <message>
        <source>{0} open chats</source>
        <translation>открытых чатов: {0}</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Comment, only agents see it</source>
        <translation>Комментарий, его видят только операторы</translation>
    </message>
    <message>
        <source>Click to save</source>
        <translation>Нажмите, чтобы сохранить</translation>
    </message>
    <message>
        <source>not sent · Retry</source>
        <translation>не отправлено · Повторить</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>не доставлено</translation>
    </message>
    <message>
        <source>not delivered: {0}</source>
        <translation>не доставлено: {0}</translation>
    </message>
    <message>
        <source>This visitor is waiting for an answer.</source>
        <translation>Этот посетитель ждёт ответа.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Type a message… (Enter sends, Shift+Enter: new line)</source>
        <translation>Введите сообщение… (Enter — отправить, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Chat with a colleague</source>
        <translation>Чат с коллегой</translation>
    </message>
    <message>
        <source>Visitor is typing: {0}</source>
        <translation>Посетитель печатает: {0}</translation>
    </message>
    <message>
        <source>{0} is typing…</source>
        <translation>{0} печатает…</translation>
    </message>
    <message>
        <source>The conversation could not be loaded. {0}</source>
        <translation>Не удалось загрузить разговор. {0}</translation>
    </message>
    <message>
        <source>Original · click for the translation</source>
        <translation>Оригинал · нажмите, чтобы увидеть перевод</translation>
    </message>
    <message>
        <source>Translated from {0} · click for the original</source>
        <translation>Переведено с {0} · нажмите, чтобы увидеть оригинал</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is open in your browser: click the element there, add a comment and send. Pages behind a sign-in cannot show it.</source>
        <translation>Страница посетителя открыта в вашем браузере: нажмите на элемент, добавьте комментарий и отправьте. Страницы, требующие входа, показать его не могут.</translation>
    </message>
    <message>
        <source>The visitor will read: {0}</source>
        <translation>Посетитель прочитает: {0}</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Сообщение не отправлено: {0}</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>The connection dropped while loading the conversation.</source>
        <translation>Связь оборвалась во время загрузки разговора.</translation>
    </message>
    <message>
        <source>The relay did not answer in time.</source>
        <translation>Сервер не ответил вовремя.</translation>
    </message>
    <message>
        <source>The relay refused: {0}</source>
        <translation>Сервер отказал: {0}</translation>
    </message>
</context>
<context>
    <name>FilesService</name>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Не удаётся прочитать {0}: {1}</translation>
    </message>
    <message>
        <source>{0} is not a file</source>
        <translation>{0} — не файл</translation>
    </message>
    <message>
        <source>{0} is empty and was not sent</source>
        <translation>Файл {0} пустой и не был отправлен</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB ({1}) and was not sent</source>
        <translation>Файл {0} больше 10 МБ ({1}) и не был отправлен</translation>
    </message>
    <message>
        <source>Not connected: the file was not sent</source>
        <translation>Нет подключения: файл не отправлен</translation>
    </message>
    <message>
        <source>{0} was not sent: {1}</source>
        <translation>Файл {0} не отправлен: {1}</translation>
    </message>
    <message>
        <source>Not connected: {0} was not saved</source>
        <translation>Нет подключения: файл {0} не сохранён</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>Файл {0} не сохранён: {1}</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>Sidebar colour</source>
        <translation>Цвет боковой панели</translation>
    </message>
    <message>
        <source>Typing hints</source>
        <translation>Подсказки при наборе</translation>
    </message>
    <message>
        <source>Away when idle</source>
        <translation>«Нет на месте» при бездействии</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>Spell check</source>
        <translation>Проверка орфографии</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Автозапуск</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмный</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлый</translation>
    </message>
    <message>
        <source>Suggest my frequent phrases while I type (Tab)</source>
        <translation>Подсказывать мои частые фразы при наборе (Tab)</translation>
    </message>
    <message>
        <source>The phrases are kept on this computer only.</source>
        <translation>Фразы хранятся только на этом компьютере.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>After {0} minutes</source>
        <translation>Через {0} мин</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>Невозможно на этом компьютере: {0}</translation>
    </message>
    <message>
        <source>This computer does not tell the app how long you have been idle.</source>
        <translation>Этот компьютер не сообщает приложению, как долго вы бездействуете.</translation>
    </message>
    <message>
        <source>Jivo Live pop-up</source>
        <translation>Окно Jivo Live</translation>
    </message>
    <message>
        <source>The system&apos;s notifications</source>
        <translation>Уведомления системы</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Без уведомлений</translation>
    </message>
    <message>
        <source>Check my spelling in</source>
        <translation>Проверять орфографию:</translation>
    </message>
</context>
<context>
    <name>Heatmap</name>
    <message>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <source>Busiest hours: chats started per weekday and hour</source>
        <translation>Самые загруженные часы: начатые чаты по дням недели и часам</translation>
    </message>
</context>
<context>
    <name>HistoryPopup</name>
    <message>
        <source>Navigation history</source>
        <translation>История переходов</translation>
    </message>
</context>
<context>
    <name>HotkeysSection</name>
    <message>
        <source>Accept the chat</source>
        <translation>Принять чат</translation>
    </message>
    <message>
        <source>Previous chat in the list</source>
        <translation>Предыдущий чат в списке</translation>
    </message>
    <message>
        <source>Next chat in the list</source>
        <translation>Следующий чат в списке</translation>
    </message>
    <message>
        <source>Close the chat</source>
        <translation>Закрыть чат</translation>
    </message>
    <message>
        <source>Block the client</source>
        <translation>Заблокировать клиента</translation>
    </message>
    <message>
        <source>Transfer the chat</source>
        <translation>Передать чат</translation>
    </message>
    <message>
        <source>Accept also works while the app is in the background (global shortcut)</source>
        <translation>«Принять» работает и в фоновом режиме (глобальная клавиша)</translation>
    </message>
    <message>
        <source>Not possible on this computer: {0}</source>
        <translation>Невозможно на этом компьютере: {0}</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Сбросить по умолчанию</translation>
    </message>
    <message>
        <source>{0} is already the shortcut for “{1}”. Choose another one.</source>
        <translation>{0} уже назначено на «{1}». Выберите другое сочетание.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>No chats yet.
New chats appear here.</source>
        <translation>Чатов пока нет.
Новые чаты появятся здесь.</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Выберите чат слева.
Ожидающие чаты отмечены оранжевым.</translation>
    </message>
    <message>
        <source>Offline messages</source>
        <translation>Офлайн-сообщения</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Нет на месте</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Сохранить файл</translation>
    </message>
</context>
<context>
    <name>InvitationCard</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>{0} wants to transfer the chat with {1} to you</source>
        <translation>{0} хочет передать вам чат с {1}</translation>
    </message>
    <message>
        <source>{0} invites you into the chat with {1}</source>
        <translation>{0} приглашает вас в чат с {1}</translation>
    </message>
    <message>
        <source>Only agents see this note</source>
        <translation>Эту заметку видят только операторы</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Отклонить</translation>
    </message>
</context>
<context>
    <name>InvitationsSection</name>
    <message>
        <source>Automatic invitations</source>
        <translation>Автоматические приглашения</translation>
    </message>
    <message>
        <source>The widget invites a visitor to chat when every condition of a rule holds. An invitation the visitor closed does not come back in the same visit.</source>
        <translation>Виджет приглашает посетителя в чат, когда выполнены все условия правила. Закрытое посетителем приглашение не появится снова в этом визите.</translation>
    </message>
    <message>
        <source>Hello! Can I help you find something?</source>
        <translation>Здравствуйте! Помочь вам что-нибудь найти?</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Выбрать фото…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>e.g. */pricing* (empty: any page)</source>
        <translation>напр. */pricing* (пусто: любая страница)</translation>
    </message>
    <message>
        <source>e.g. google (empty: any)</source>
        <translation>напр. google (пусто: любой)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Включено</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Agent name shown</source>
        <translation>Показываемое имя оператора</translation>
    </message>
    <message>
        <source>Agent photo</source>
        <translation>Фото оператора</translation>
    </message>
    <message>
        <source>Time on the page</source>
        <translation>Время на странице</translation>
    </message>
    <message>
        <source>Page URL</source>
        <translation>URL страницы</translation>
    </message>
    <message>
        <source>At least visits</source>
        <translation>Не меньше визитов</translation>
    </message>
    <message>
        <source>Referrer contains</source>
        <translation>Источник перехода содержит</translation>
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
        <translation>Новое правило</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Сохранить правило</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Удалить правило</translation>
    </message>
    <message>
        <source>Write the invitation&apos;s message.</source>
        <translation>Напишите текст приглашения.</translation>
    </message>
    <message>
        <source>Choose a website.</source>
        <translation>Выберите сайт.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Choose a PNG, JPEG, GIF or WebP image of at most 28 KB.</source>
        <translation>Выберите изображение PNG, JPEG, GIF или WebP не больше 28 КБ.</translation>
    </message>
    <message>
        <source>after {0} s on the page</source>
        <translation>через {0} с на странице</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>страница {0}</translation>
    </message>
    <message>
        <source>from visit {0}</source>
        <translation>с визита {0}</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>переход с {0}</translation>
    </message>
    <message>
        <source>every visitor, at once</source>
        <translation>все посетители, сразу</translation>
    </message>
</context>
<context>
    <name>LeaveConfirm</name>
    <message>
        <source>Leave the chat?</source>
        <translation>Покинуть чат?</translation>
    </message>
    <message>
        <source>Leave the chat with {0}?</source>
        <translation>Покинуть чат с {0}?</translation>
    </message>
    <message>
        <source>Better wait until the visitor has left the site: they may have more questions. If they write again after you leave, it starts a new chat.</source>
        <translation>Лучше дождитесь, пока посетитель уйдёт с сайта: у него могут появиться вопросы. Если он напишет после того, как вы покинете чат, начнётся новый чат.</translation>
    </message>
    <message>
        <source>Leave chat</source>
        <translation>Покинуть чат</translation>
    </message>
</context>
<context>
    <name>LogService</name>
    <message>
        <source>Not connected to the relay: try again when connected.</source>
        <translation>Нет связи с сервером: повторите, когда соединение восстановится.</translation>
    </message>
    <message>
        <source>The connection dropped while sending: try again.</source>
        <translation>Соединение оборвалось во время отправки: попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The relay refused the logs: {0}</source>
        <translation>Сервер отклонил журналы: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Who is on your website right now.</source>
        <translation>Кто сейчас на вашем сайте.</translation>
    </message>
    <message>
        <source>Jivo Live</source>
        <translation>Jivo Live</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти из аккаунта</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>● Away</source>
        <translation>● Нет на месте</translation>
    </message>
    <message>
        <source>Online: you get new chats.</source>
        <translation>В сети: вам поступают новые чаты.</translation>
    </message>
    <message>
        <source>Away: no new chats; you keep your current ones.</source>
        <translation>Нет на месте: новые чаты не поступают, текущие остаются у вас.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Нет подключения</translation>
    </message>
    <message>
        <source>Connection to the relay lost. Reconnecting by itself; what you write is kept and sent as soon as it is back.</source>
        <translation>Связь с сервером потеряна. Приложение переподключится само; всё, что вы напишете, сохранится и уйдёт, как только связь вернётся.</translation>
    </message>
    <message>
        <source>The call did not start</source>
        <translation>Звонок не начался</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Missed callback request: it is a CRM task now</source>
        <translation>Пропущенный заказ звонка: теперь это задача в CRM</translation>
    </message>
    <message>
        <source>An agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>{0} joined the chat</source>
        <translation>{0} присоединился к чату</translation>
    </message>
    <message>
        <source>{0} left the chat</source>
        <translation>{0} покинул чат</translation>
    </message>
    <message>
        <source>The chat has ended</source>
        <translation>Чат завершён</translation>
    </message>
    <message>
        <source>Missed: nobody answered; the visitor saw the offline form</source>
        <translation>Пропущен: никто не ответил; посетитель увидел офлайн-форму</translation>
    </message>
    <message>
        <source>{0} went offline: the chat went back to the queue</source>
        <translation>{0} вышел из сети: чат вернулся в очередь</translation>
    </message>
    <message>
        <source>{0} transferred the chat: {1}</source>
        <translation>{0} передал(а) чат: {1}</translation>
    </message>
    <message>
        <source>{0} pointed at the page: {1}</source>
        <translation>{0} указал(а) на элемент страницы: {1}</translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>{0}

This page is not built yet: it comes in a later version.</source>
        <translation>{0}

Этот раздел ещё не готов: он появится в следующей версии.</translation>
    </message>
</context>
<context>
    <name>NotificationService</name>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Callback request: {0}</source>
        <translation>Заказ звонка: {0}</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Игнорировать</translation>
    </message>
    <message>
        <source>New chat: {0}</source>
        <translation>Новый чат: {0}</translation>
    </message>
</context>
<context>
    <name>OfflineMessagesPanel</name>
    <message>
        <source>Show handled ones too</source>
        <translation>Показывать и обработанные</translation>
    </message>
    <message>
        <source>No offline messages. What visitors leave in the offline form appears here.</source>
        <translation>Нет офлайн-сообщений. Здесь появляется то, что посетители оставляют в офлайн-форме.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>Left at</source>
        <translation>Оставлено</translation>
    </message>
    <message>
        <source>Your answer: it goes to the visitor by e-mail</source>
        <translation>Ваш ответ: посетитель получит его по почте</translation>
    </message>
    <message>
        <source>Send by e-mail</source>
        <translation>Отправить по почте</translation>
    </message>
    <message>
        <source>Choose a message on the left.</source>
        <translation>Выберите сообщение слева.</translation>
    </message>
    <message>
        <source>Answered by e-mail by {0}</source>
        <translation>{0} ответил(а) по эл. почте</translation>
    </message>
    <message>
        <source>Handled by {0}</source>
        <translation>Обработано: {0}</translation>
    </message>
    <message>
        <source>Not handled yet</source>
        <translation>Ещё не обработано</translation>
    </message>
    <message>
        <source>Mark as not handled</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Mark as handled</source>
        <translation>Отметить как обработанное</translation>
    </message>
</context>
<context>
    <name>OfflineMessagesService</name>
    <message>
        <source>The e-mail was not sent: the relay cannot send e-mail now (its SMTP server is not set or did not answer). Your text is kept.</source>
        <translation>Письмо не отправлено: сервер сейчас не может отправлять почту (SMTP-сервер не настроен или не ответил). Ваш текст сохранён.</translation>
    </message>
    <message>
        <source>The answer was not sent: {0}</source>
        <translation>Ответ не отправлен: {0}</translation>
    </message>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Нет связи с сервером: попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>The message could not be marked: {0}</source>
        <translation>Не удалось отметить сообщение: {0}</translation>
    </message>
    <message>
        <source>The offline messages could not be loaded: {0}</source>
        <translation>Не удалось загрузить офлайн-сообщения: {0}</translation>
    </message>
</context>
<context>
    <name>OnlineChart</name>
    <message>
        <source>Agents&apos; time per period</source>
        <translation>Время агентов по периодам</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Отошёл</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <source>Edit quick phrase</source>
        <translation>Изменить быструю фразу</translation>
    </message>
    <message>
        <source>New quick phrase</source>
        <translation>Новая быстрая фраза</translation>
    </message>
    <message>
        <source>Greeting, Delivery times…</source>
        <translation>Приветствие, Сроки доставки…</translation>
    </message>
    <message>
        <source>hi  (type /hi in a chat)</source>
        <translation>привет  (наберите /привет в чате)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Фраза</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Сокращение</translation>
    </message>
</context>
<context>
    <name>PhraseManager</name>
    <message>
        <source>Quick phrases</source>
        <translation>Быстрые фразы</translation>
    </message>
    <message>
        <source>Search by label, shortcut or text</source>
        <translation>Поиск по метке, сокращению или тексту</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Edit the phrase</source>
        <translation>Изменить фразу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>PhrasesService</name>
    <message>
        <source>The quick phrase was not saved: {0}</source>
        <translation>Быстрая фраза не сохранена: {0}</translation>
    </message>
</context>
<context>
    <name>RelayErrors</name>
    <message>
        <source>The relay could not read what the app sent. Update the app; if it happens again, send your logs to an administrator (Settings → About).</source>
        <translation>Сервер не смог прочитать то, что отправило приложение. Обновите приложение; если это повторится, отправьте журналы администратору (Настройки → О программе).</translation>
    </message>
    <message>
        <source>The relay does not know this request: the app and the relay are of different versions. Update the app or ask an administrator to update the relay.</source>
        <translation>Сервер не знает этот запрос: версии приложения и сервера различаются. Обновите приложение или попросите администратора обновить сервер.</translation>
    </message>
    <message>
        <source>The relay refused the request: something in it is not valid. Check what you entered and try again.</source>
        <translation>Сервер отклонил запрос: в нём что-то неверно. Проверьте введённые данные и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>You are not allowed to do this. Ask an administrator.</source>
        <translation>У вас нет прав на это действие. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>This is too large for the relay. Make it shorter and try again.</source>
        <translation>Это слишком велико для сервера. Сократите и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The message is longer than {0} characters. Shorten it or send it in parts.</source>
        <translation>Сообщение длиннее {0} символов. Сократите его или отправьте частями.</translation>
    </message>
    <message>
        <source>The message is empty. Write something first.</source>
        <translation>Сообщение пустое. Сначала напишите что-нибудь.</translation>
    </message>
    <message>
        <source>You are doing this too often. Wait a moment and try again.</source>
        <translation>Вы делаете это слишком часто. Подождите немного и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>Неверная эл. почта или пароль.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Срок сеанса истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>The relay knows no site with this key. Check the site&apos;s key in the code on the website.</source>
        <translation>Сервер не знает сайта с таким ключом. Проверьте ключ сайта в коде на веб-сайте.</translation>
    </message>
    <message>
        <source>This web page&apos;s address is not among the site&apos;s allowed addresses. An administrator can add it in Settings → Channels.</source>
        <translation>Адреса этой веб-страницы нет среди разрешённых адресов сайта. Администратор может добавить его в разделе Настройки → Каналы.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app.</source>
        <translation>На этом сервере другая версия сервиса. Обновите приложение.</translation>
    </message>
    <message>
        <source>This no longer exists, or you may not see it (it may have been deleted).</source>
        <translation>Этого больше нет, или у вас нет доступа (возможно, удалено).</translation>
    </message>
    <message>
        <source>A colleague accepted this chat first.</source>
        <translation>Коллега принял этот чат раньше.</translation>
    </message>
    <message>
        <source>The chat has ended.</source>
        <translation>Чат завершён.</translation>
    </message>
    <message>
        <source>You are no longer a participant of this chat.</source>
        <translation>Вы больше не участник этого чата.</translation>
    </message>
    <message>
        <source>No agent is online to answer now.</source>
        <translation>Сейчас нет операторов в сети, чтобы ответить.</translation>
    </message>
    <message>
        <source>The relay had a problem and could not do this. Try again in a moment.</source>
        <translation>На сервере произошла ошибка, действие не выполнено. Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <source>This visitor is blocked: the chat cannot go on.</source>
        <translation>Этот посетитель заблокирован: чат не может продолжаться.</translation>
    </message>
    <message>
        <source>This visitor&apos;s network address is blocked, so the visitor cannot write. Unblock the address in the blocked clients list if this is a mistake.</source>
        <translation>Сетевой адрес этого посетителя заблокирован, поэтому он не может писать. Если это ошибка, разблокируйте адрес в списке заблокированных клиентов.</translation>
    </message>
    <message>
        <source>The relay is busy. Try again in a moment.</source>
        <translation>Сервер занят. Попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <source>Only administrators may do this.</source>
        <translation>Это могут делать только администраторы.</translation>
    </message>
    <message>
        <source>Another quick phrase already has this shortcut, or this was already sent.</source>
        <translation>У другой быстрой фразы уже есть такое сокращение, или это уже отправлено.</translation>
    </message>
    <message>
        <source>The e-mail could not be sent: the relay&apos;s mail server (SMTP) is not set or did not answer. An administrator can check it; then try again.</source>
        <translation>Не удалось отправить письмо: почтовый сервер (SMTP) сервера не настроен или не ответил. Администратор может это проверить; затем попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The file is larger than 10 MB.</source>
        <translation>Файл больше 10 МБ.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пустой.</translation>
    </message>
    <message>
        <source>The file&apos;s name cannot be used. Rename the file and send it.</source>
        <translation>Такое имя файла нельзя использовать. Переименуйте файл и отправьте его.</translation>
    </message>
    <message>
        <source>The file arrived damaged. Send it again.</source>
        <translation>Файл пришёл повреждённым. Отправьте его ещё раз.</translation>
    </message>
    <message>
        <source>The chat has reached its limit of files. Send a link to the file instead.</source>
        <translation>В чате достигнут предел файлов. Отправьте ссылку на файл.</translation>
    </message>
    <message>
        <source>The relay has no room for files now. Try later, and tell an administrator.</source>
        <translation>На сервере сейчас нет места для файлов. Попробуйте позже и сообщите администратору.</translation>
    </message>
    <message numerus="yes">
        <source>The relay is busy. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Сервер занят. Подождите %n секунду и попробуйте ещё раз.</numerusform>
            <numerusform>Сервер занят. Подождите %n секунды и попробуйте ещё раз.</numerusform>
            <numerusform>Сервер занят. Подождите %n секунд и попробуйте ещё раз.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Слишком много попыток. Подождите %n секунду и попробуйте ещё раз.</numerusform>
            <numerusform>Слишком много попыток. Подождите %n секунды и попробуйте ещё раз.</numerusform>
            <numerusform>Слишком много попыток. Подождите %n секунд и попробуйте ещё раз.</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed out of this session.</source>
        <translation>Вы вышли из этого сеанса.</translation>
    </message>
    <message>
        <source>Your session reached its time limit. Sign in again.</source>
        <translation>Срок вашего сеанса истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>Your password was changed in another session. Sign in with the new password.</source>
        <translation>Ваш пароль изменён в другом сеансе. Войдите с новым паролем.</translation>
    </message>
    <message>
        <source>An administrator disabled your account. Ask an administrator to enable it.</source>
        <translation>Администратор отключил вашу учётную запись. Попросите администратора включить её.</translation>
    </message>
    <message>
        <source>You signed out on every other device from another session. Sign in again to use this one.</source>
        <translation>Вы вышли на всех остальных устройствах из другого сеанса. Войдите снова, чтобы работать здесь.</translation>
    </message>
    <message>
        <source>The relay refused the request (code {0}). Try again later.</source>
        <translation>Сервер отклонил запрос (код {0}). Попробуйте позже.</translation>
    </message>
    <message>
        <source>The relay ended your session. Sign in again.</source>
        <translation>Сервер завершил ваш сеанс. Войдите снова.</translation>
    </message>
    <message>
        <source>The relay did not answer. Check your connection and try again.</source>
        <translation>Сервер не ответил. Проверьте подключение и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This stage or funnel still has deals. Move them to another stage first.</source>
        <translation>На этом этапе или в этой воронке ещё есть сделки. Сначала перенесите их на другой этап.</translation>
    </message>
    <message>
        <source>That due time has already passed. Choose a later time.</source>
        <translation>Этот срок уже прошёл. Выберите более позднее время.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can add one in Settings → Integrations.</source>
        <translation>Переводчик не настроен. Администратор может добавить его в разделе «Настройки → Интеграции».</translation>
    </message>
    <message>
        <source>The translator did not answer. Try again, or send without translating.</source>
        <translation>Переводчик не ответил. Попробуйте ещё раз или отправьте без перевода.</translation>
    </message>
    <message>
        <source>GIFs are not set up. An administrator can add a provider in Settings → Integrations.</source>
        <translation>GIF не настроены. Администратор может добавить провайдера в разделе «Настройки → Интеграции».</translation>
    </message>
    <message>
        <source>The GIF service did not answer. Try again later.</source>
        <translation>Сервис GIF не ответил. Попробуйте позже.</translation>
    </message>
    <message>
        <source>The client cannot be reached on that channel. Choose another one above.</source>
        <translation>С клиентом нельзя связаться по этому каналу. Выберите другой вверху.</translation>
    </message>
    <message>
        <source>This site does not take callback requests.</source>
        <translation>Этот сайт не принимает заявки на обратный звонок.</translation>
    </message>
    <message>
        <source>That does not read as a phone number. Check the digits.</source>
        <translation>Это не похоже на номер телефона. Проверьте цифры.</translation>
    </message>
    <message>
        <source>Premium-rate and emergency numbers are never called back. Give another number.</source>
        <translation>На платные и экстренные номера мы не перезваниваем. Укажите другой номер.</translation>
    </message>
    <message>
        <source>There is already a chat open. Ask in that chat.</source>
        <translation>Чат уже открыт. Спросите в нём.</translation>
    </message>
</context>
<context>
    <name>ReplyChannel</name>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>An internal note: only agents see it</source>
        <translation>Внутренняя заметка: её видят только операторы</translation>
    </message>
    <message>
        <source>More than 24 hours since the client&apos;s last WhatsApp message: WhatsApp only allows an approved template now. Answer by another channel.</source>
        <translation>С последнего сообщения клиента в WhatsApp прошло больше 24 часов: теперь WhatsApp разрешает только одобренный шаблон. Ответьте по другому каналу.</translation>
    </message>
    <message>
        <source>The client cannot be reached on this channel now.</source>
        <translation>Сейчас с клиентом нельзя связаться по этому каналу.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>no system keychain</source>
        <translation>нет системного хранилища паролей</translation>
    </message>
</context>
<context>
    <name>SessionService</name>
    <message>
        <source>Enter the relay address, your e-mail and password.</source>
        <translation>Укажите адрес сервера, свою эл. почту и пароль.</translation>
    </message>
    <message>
        <source>Cannot reach the relay at {0}. Check the address and your connection.</source>
        <translation>Сервер {0} недоступен. Проверьте адрес и подключение к сети.</translation>
    </message>
    <message>
        <source>{0} is not a relay address. It looks like wss://chat.example.com.</source>
        <translation>{0} — не адрес сервера. Адрес выглядит так: wss://chat.example.com.</translation>
    </message>
    <message>
        <source>The address {0} answered, but not as a relay. Check the address, or ask an administrator.</source>
        <translation>Адрес {0} ответил, но не как сервер сервиса. Проверьте адрес или обратитесь к администратору.</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>На этом компьютере нет хранилища паролей: вход не будет запомнен.</translation>
    </message>
    <message>
        <source>You were signed out: {0}</source>
        <translation>Вы вышли из системы: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>No settings yet.</source>
        <translation>Настроек пока нет.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Звуки</translation>
    </message>
    <message>
        <source>Hotkeys</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Моя учётная запись</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>Teammates</source>
        <translation>Коллеги</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Интеграции</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Приглашения</translation>
    </message>
    <message>
        <source>Blocked clients</source>
        <translation>Чёрный список</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>CRM settings</source>
        <translation>Настройки CRM</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Каналы ответа</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in — Jivo Live</source>
        <translation>Вход — Jivo Live</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Use the e-mail and password of your account.</source>
        <translation>Используйте эл. почту и пароль своей учётной записи.</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Запомнить меня на этом компьютере</translation>
    </message>
    <message>
        <source>This computer has no keychain, so the password cannot be remembered.</source>
        <translation>На этом компьютере нет хранилища паролей, поэтому пароль нельзя запомнить.</translation>
    </message>
    <message>
        <source>Remember me (no keychain on this computer)</source>
        <translation>Запомнить меня (нет хранилища паролей)</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
</context>
<context>
    <name>SoundsSection</name>
    <message>
        <source>Chime</source>
        <translation>Перезвон</translation>
    </message>
    <message>
        <source>Blip</source>
        <translation>Сигнал</translation>
    </message>
    <message>
        <source>Bell</source>
        <translation>Колокол</translation>
    </message>
    <message>
        <source>Knock</source>
        <translation>Стук</translation>
    </message>
    <message>
        <source>Pop</source>
        <translation>Щелчок</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>New message in my chats</source>
        <translation>Новое сообщение в моих чатах</translation>
    </message>
    <message>
        <source>New visitor on the site</source>
        <translation>Новый посетитель на сайте</translation>
    </message>
    <message>
        <source>Play notification sounds</source>
        <translation>Воспроизводить звуки уведомлений</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Прослушать</translation>
    </message>
    <message>
        <source>Play this sound now</source>
        <translation>Прослушать этот звук</translation>
    </message>
    <message>
        <source>No audio output device was found: the app stays silent until there is one.</source>
        <translation>Устройство вывода звука не найдено: приложение будет молчать, пока оно не появится.</translation>
    </message>
</context>
<context>
    <name>SpellCheckAssist</name>
    <message>
        <source>No suggestions</source>
        <translation>Нет вариантов</translation>
    </message>
    <message>
        <source>Add “{0}” to the dictionary</source>
        <translation>Добавить «{0}» в словарь</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Chats started in the range (by the visitor&apos;s first message).</source>
        <translation>Чаты, начатые в этом периоде (по первому сообщению посетителя).</translation>
    </message>
    <message>
        <source>Chats an agent accepted.</source>
        <translation>Чаты, которые принял агент.</translation>
    </message>
    <message>
        <source>Chats nobody took after the full ignore ladder: the visitor got the offline form.</source>
        <translation>Чаты, которые никто не принял после всех кругов «Игнорировать»: посетитель увидел офлайн-форму.</translation>
    </message>
    <message>
        <source>Messages visitors left in the offline form.</source>
        <translation>Сообщения, оставленные посетителями в офлайн-форме.</translation>
    </message>
    <message>
        <source>Transfers a colleague accepted.</source>
        <translation>Передачи, которые принял коллега.</translation>
    </message>
    <message>
        <source>First agent message minus the visitor&apos;s first message, credited to the agent who sent it. Median; mean and p90 (90% of chats were answered faster) below.</source>
        <translation>Первое сообщение агента минус первое сообщение посетителя, засчитывается агенту, который его отправил. Медиана; ниже среднее и p90 (90% чатов получили ответ быстрее).</translation>
    </message>
    <message>
        <source>From the offer to the agent&apos;s Accept. Median; mean and p90.</source>
        <translation>От предложения до нажатия агентом «Принять». Медиана; среднее и p90.</translation>
    </message>
    <message>
        <source>From the visitor&apos;s first message to the close, for answered chats that closed.</source>
        <translation>От первого сообщения посетителя до закрытия, для принятых и закрытых чатов.</translation>
    </message>
    <message>
        <source>Invitations answered / sent (conversion).</source>
        <translation>Отвеченные / отправленные приглашения (конверсия).</translation>
    </message>
    <message>
        <source>Time agents were online; away time below.</source>
        <translation>Время агентов в сети; ниже — время «Отошёл».</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Принятые</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <source>Offline messages</source>
        <translation>Офлайн-сообщения</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Передачи</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>Первый ответ</translation>
    </message>
    <message>
        <source>Reaction time</source>
        <translation>Время реакции</translation>
    </message>
    <message>
        <source>Chat duration</source>
        <translation>Длительность чата</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Приглашения</translation>
    </message>
    <message>
        <source>Online time</source>
        <translation>Время в сети</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>По часам</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>Working hours only</source>
        <translation>Только рабочие часы</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Export chats (CSV)</source>
        <translation>Экспорт чатов (CSV)</translation>
    </message>
    <message>
        <source>Export chart (CSV)</source>
        <translation>Экспорт графика (CSV)</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Время ответа</translation>
    </message>
    <message>
        <source>Agents&apos; time</source>
        <translation>Время агентов</translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation>Пиковые часы</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Агенты</translation>
    </message>
    <message>
        <source>Chats list</source>
        <translation>Список чатов</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Игнорировано</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Отошёл</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} с</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} мин {1} с</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} ч {1} мин</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>без ответа</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Все агенты</translation>
    </message>
    <message>
        <source>Team totals</source>
        <translation>Итоги команды</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Только я</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Все отделы</translation>
    </message>
    <message>
        <source>Time zone: {0}</source>
        <translation>Часовой пояс: {0}</translation>
    </message>
    <message>
        <source>{0} answered of {1}</source>
        <translation>отвечено {0} из {1}</translation>
    </message>
    <message>
        <source>away {0}</source>
        <translation>отошёл {0}</translation>
    </message>
    <message>
        <source>mean {0} · p90 {1}</source>
        <translation>среднее {0} · p90 {1}</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
</context>
<context>
    <name>StatisticsService</name>
    <message>
        <source>The statistics could not be loaded: {0}</source>
        <translation>Не удалось загрузить статистику: {0}</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Green: online · Yellow: away · Empty: offline. Click a colleague to chat.</source>
        <translation>Зелёный — в сети · жёлтый — нет на месте · пустой — не в сети. Нажмите на коллегу, чтобы написать ему.</translation>
    </message>
    <message>
        <source>Right-click an agent to change their settings.</source>
        <translation>Щёлкните оператора правой кнопкой, чтобы изменить его настройки.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>away</source>
        <translation>нет на месте</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>не в сети</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>оператор</translation>
    </message>
</context>
<context>
    <name>TimesChart</name>
    <message>
        <source>First response time per period</source>
        <translation>Время первого ответа по периодам</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Медиана</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Среднее</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Секунды</translation>
    </message>
</context>
<context>
    <name>ToastManager</name>
    <message>
        <source>Calling…</source>
        <translation>Звоним…</translation>
    </message>
    <message>
        <source>when: {0}</source>
        <translation>когда: {0}</translation>
    </message>
    <message>
        <source>Opening the chat…</source>
        <translation>Открываем чат…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message numerus="yes">
        <source>+%n more waiting</source>
        <translation>
            <numerusform>+%n ждёт</numerusform>
            <numerusform>+%n ждут</numerusform>
            <numerusform>+%n ждут</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Нет на месте</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти из аккаунта</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Нет подключения</translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) waiting</source>
        <translation>
            <numerusform>%n чат ждёт</numerusform>
            <numerusform>%n чата ждут</numerusform>
            <numerusform>%n чатов ждут</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitorsModel</name>
    <message>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Текущая страница</translation>
    </message>
    <message>
        <source>Time on site</source>
        <translation>Время на сайте</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>The page is in a background tab</source>
        <translation>Страница открыта в фоновой вкладке</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Прямой заход</translation>
    </message>
    <message>
        <source>Search: {0}</source>
        <translation>Поиск: {0}</translation>
    </message>
    <message>
        <source>Social: {0}</source>
        <translation>Соцсеть: {0}</translation>
    </message>
    <message>
        <source>Link: {0}</source>
        <translation>Ссылка: {0}</translation>
    </message>
    <message>
        <source>Campaign: {0}</source>
        <translation>Кампания: {0}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Chatting with {0}</source>
        <translation>В чате с {0}</translation>
    </message>
    <message>
        <source>Chatting</source>
        <translation>В чате</translation>
    </message>
</context>
<context>
    <name>VisitorsPage</name>
    <message>
        <source>Hello! Can I help you with anything?</source>
        <translation>Здравствуйте! Чем могу помочь?</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Посетители</translation>
    </message>
    <message>
        <source>Filter by name, page, source or place…</source>
        <translation>Фильтр по имени, странице, источнику или месту…</translation>
    </message>
    <message>
        <source>Invitation:</source>
        <translation>Приглашение:</translation>
    </message>
    <message>
        <source>Invite to chat</source>
        <translation>Пригласить в чат</translation>
    </message>
    <message>
        <source>Automatic invitations…</source>
        <translation>Автоматические приглашения…</translation>
    </message>
    <message>
        <source>{0} on the site</source>
        <translation>На сайте: {0}</translation>
    </message>
    <message>
        <source>Invitation sent to {0}.</source>
        <translation>Приглашение отправлено: {0}.</translation>
    </message>
</context>
<context>
    <name>VisitorsService</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>The visitor has left the site.</source>
        <translation>Посетитель покинул сайт.</translation>
    </message>
    <message>
        <source>The invitation was not sent: {0}</source>
        <translation>Приглашение не отправлено: {0}</translation>
    </message>
    <message>
        <source>The invitation was not sent: no connection to the relay.</source>
        <translation>Приглашение не отправлено: нет связи с сервером.</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>Only administrators can change the invitation rules.</source>
        <translation>Правила приглашений могут менять только администраторы.</translation>
    </message>
</context>
<context>
    <name>platform</name>
    <message>
        <source>idle time is not available on Wayland; auto-away is off</source>
        <translation>время бездействия недоступно в Wayland; автоматический статус «Нет на месте» отключён</translation>
    </message>
    <message>
        <source>no graphical session (neither DISPLAY nor WAYLAND_DISPLAY is set)</source>
        <translation>нет графического сеанса (не заданы ни DISPLAY, ни WAYLAND_DISPLAY)</translation>
    </message>
    <message>
        <source>global hotkeys are not possible on Wayland; bind a desktop shortcut to `jivo-desktop --accept`</source>
        <translation>глобальные горячие клавиши в Wayland невозможны; назначьте сочетание клавиш рабочего стола на `jivo-desktop --accept`</translation>
    </message>
    <message>
        <source>allow this app under System Settings &gt; Privacy &amp; Security &gt; Accessibility (and Input Monitoring), then restart it</source>
        <translation>разрешите это приложение в разделе «Системные настройки» &gt; «Конфиденциальность и безопасность» &gt; «Универсальный доступ» (и «Мониторинг ввода»), затем перезапустите его</translation>
    </message>
    <message>
        <source>global hotkeys need the Accessibility permission: {0}</source>
        <translation>для глобальных горячих клавиш нужно разрешение «Универсальный доступ»: {0}</translation>
    </message>
    <message>
        <source>pynput is not usable here: {0}</source>
        <translation>pynput здесь не работает: {0}</translation>
    </message>
    <message>
        <source>pynput&apos;s backend for {0} cannot run on {1}</source>
        <translation>модуль pynput для {0} не может работать в {1}</translation>
    </message>
    <message>
        <source>the keyboard listener could not start: {0}</source>
        <translation>не удалось запустить перехват клавиатуры: {0}</translation>
    </message>
    <message>
        <source>the keyboard listener did not start</source>
        <translation>перехват клавиатуры не запустился</translation>
    </message>
    <message>
        <source>the keyboard listener did not start (does the X server have the RECORD extension?)</source>
        <translation>перехват клавиатуры не запустился (есть ли у X-сервера расширение RECORD?)</translation>
    </message>
    <message>
        <source>idle time is not available on this system</source>
        <translation>время бездействия в этой системе недоступно</translation>
    </message>
    <message>
        <source>no X display (DISPLAY is not set)</source>
        <extracomment>Short backend name for logs and the diagnostics page (&quot;x11&quot;, &quot;windows&quot;, &quot;macos&quot;, &quot;unknown&quot;).</extracomment>
        <translation>нет X-дисплея (DISPLAY не задан)</translation>
    </message>
    <message>
        <source>libX11 is not installed ({0})</source>
        <translation>libX11 не установлена ({0})</translation>
    </message>
    <message>
        <source>libXss (XScreenSaver) is not installed ({0}); install libxss1</source>
        <translation>libXss (XScreenSaver) не установлена ({0}); установите libxss1</translation>
    </message>
    <message>
        <source>cannot open X display {0}</source>
        <translation>не удаётся открыть X-дисплей {0}</translation>
    </message>
    <message>
        <source>the X server at {0} has no MIT-SCREEN-SAVER extension</source>
        <translation>у X-сервера {0} нет расширения MIT-SCREEN-SAVER</translation>
    </message>
    <message>
        <source>{0} idle time failed: {1}</source>
        <translation>ошибка определения времени бездействия ({0}): {1}</translation>
    </message>
    <message>
        <source>GetLastInputInfo needs Windows (ctypes.WinDLL is missing)</source>
        <translation>GetLastInputInfo требует Windows (нет ctypes.WinDLL)</translation>
    </message>
    <message>
        <source>GetLastInputInfo is not available ({0})</source>
        <translation>GetLastInputInfo недоступна ({0})</translation>
    </message>
    <message>
        <source>CoreGraphics is not available (macOS only): {0}</source>
        <translation>CoreGraphics недоступна (только macOS): {0}</translation>
    </message>
</context>
<context>
    <name>ComposerTools</name>
    <message>
        <source>Translator</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Translate this chat: the visitor&apos;s messages into your language, your replies into theirs ({0})</source>
        <translation>Переводить этот чат: сообщения посетителя на ваш язык, ваши ответы на его язык ({0})</translation>
    </message>
    <message>
        <source>Quick phrases</source>
        <translation>Быстрые фразы</translation>
    </message>
    <message>
        <source>Search the team&apos;s quick phrases (or type /)</source>
        <translation>Искать в быстрых фразах команды (или наберите /)</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Эмодзи</translation>
    </message>
    <message>
        <source>Insert an emoji ({0})</source>
        <translation>Вставить эмодзи ({0})</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Указатель</translation>
    </message>
    <message>
        <source>Open the visitor&apos;s page in your browser, pick an element and send it with a comment ({0}). It does not work on pages behind a sign-in.</source>
        <translation>Открыть страницу посетителя в вашем браузере, выбрать элемент и отправить его с комментарием ({0}). Не работает на страницах, требующих входа.</translation>
    </message>
    <message>
        <source>Search a GIF and send it ({0})</source>
        <translation>Найти GIF и отправить ({0})</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Search emoji by name</source>
        <translation>Поиск эмодзи по названию</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Недавние</translation>
    </message>
    <message>
        <source>Smileys and emotion</source>
        <translation>Смайлики и эмоции</translation>
    </message>
    <message>
        <source>People and body</source>
        <translation>Люди и тело</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Животные и природа</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Еда и напитки</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Путешествия и места</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Занятия</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Предметы</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Символы</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
    <message>
        <source>No emoji used yet: they will show here.</source>
        <translation>Вы ещё не использовали эмодзи: они появятся здесь.</translation>
    </message>
    <message>
        <source>No emoji is called that.</source>
        <translation>Эмодзи с таким названием нет.</translation>
    </message>
</context>
<context>
    <name>GifPicker</name>
    <message>
        <source>Search GIFs, then Enter</source>
        <translation>Поиск GIF, затем Enter</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No GIFs found.</source>
        <translation>GIF не найдены.</translation>
    </message>
</context>
<context>
    <name>GifProviderBox</name>
    <message>
        <source>GIFs</source>
        <translation>GIF</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>GIF service</source>
        <translation>Сервис GIF</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Адрес API</translation>
    </message>
    <message>
        <source>The service&apos;s own (leave empty)</source>
        <translation>Собственный адрес сервиса (оставьте пустым)</translation>
    </message>
    <message>
        <source>Save GIF service</source>
        <translation>Сохранить сервис GIF</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Ключ задан: оставьте поле пустым, чтобы сохранить его</translation>
    </message>
    <message>
        <source>From the service&apos;s developer dashboard</source>
        <translation>Из панели разработчика сервиса</translation>
    </message>
</context>
<context>
    <name>GifService</name>
    <message>
        <source>GIF provider saved.</source>
        <translation>Сервис GIF сохранён.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Нет связи с сервером: повторите попытку позже.</translation>
    </message>
    <message>
        <source>GIFs are off. An administrator can choose a GIF service in Settings → Integrations.</source>
        <translation>GIF выключены. Администратор может выбрать сервис GIF в разделе Настройки → Интеграции.</translation>
    </message>
    <message>
        <source>This GIF is larger than 10 MB: choose another.</source>
        <translation>Этот GIF больше 10 МБ: выберите другой.</translation>
    </message>
    <message>
        <source>The GIF service failed: {0}</source>
        <translation>Сбой сервиса GIF: {0}</translation>
    </message>
</context>
<context>
    <name>PointerService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Нет связи с сервером: повторите попытку позже.</translation>
    </message>
    <message>
        <source>The visitor&apos;s page is not known, so it cannot be opened.</source>
        <translation>Страница посетителя неизвестна, поэтому её нельзя открыть.</translation>
    </message>
    <message>
        <source>The pointer could not start: {0}</source>
        <translation>Не удалось запустить указатель: {0}</translation>
    </message>
    <message>
        <source>No web browser could be opened.</source>
        <translation>Не удалось открыть браузер.</translation>
    </message>
</context>
<context>
    <name>TranslatorAdmin</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Нет связи с сервером: повторите попытку позже.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Не сохранено: {0}</translation>
    </message>
    <message>
        <source>Translator saved.</source>
        <translation>Переводчик сохранён.</translation>
    </message>
</context>
<context>
    <name>TranslatorBox</name>
    <message>
        <source>Translator</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>LibreTranslate-compatible server</source>
        <translation>Сервер, совместимый с LibreTranslate</translation>
    </message>
    <message>
        <source>Argos Translate on the relay</source>
        <translation>Argos Translate на сервере</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (не установлен)</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Движок</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL сервера</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Ключ API</translation>
    </message>
    <message>
        <source>Agents switch the translator on per chat. The key stays on the relay: the apps never receive it.</source>
        <translation>Операторы включают переводчик в каждом чате. Ключ остаётся на сервере: приложения его никогда не получают.</translation>
    </message>
    <message>
        <source>Save translator</source>
        <translation>Сохранить переводчик</translation>
    </message>
    <message>
        <source>A key is set: leave empty to keep it</source>
        <translation>Ключ задан: оставьте поле пустым, чтобы сохранить его</translation>
    </message>
    <message>
        <source>If the server needs one</source>
        <translation>Если он нужен серверу</translation>
    </message>
</context>
<context>
    <name>TranslatorService</name>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Нет связи с сервером: повторите попытку позже.</translation>
    </message>
    <message>
        <source>No translator is set up. An administrator can set one in Settings → Integrations.</source>
        <translation>Переводчик не настроен. Администратор может настроить его в разделе Настройки → Интеграции.</translation>
    </message>
    <message>
        <source>The translation failed: {0}</source>
        <translation>Не удалось перевести: {0}</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Add deal</source>
        <translation>Добавить сделку</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Воронки продаж пока нет. Администратор создаёт её в разделе Настройки → Настройки CRM.</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Ожидаемое закрытие</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграна</translation>
    </message>
    <message>
        <source>{0} · deals: {1} · {2}</source>
        <translation>{0} · сделок: {1} · {2}</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Застряла</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>Why was the deal lost?</source>
        <translation>Почему сделка проиграна?</translation>
    </message>
    <message>
        <source>Give the deal a title, a value such as 1250.00 and a three-letter currency such as EUR.</source>
        <translation>Укажите название сделки, сумму, например 1250.00, и трёхбуквенный код валюты, например EUR.</translation>
    </message>
</context>
<context>
    <name>ClientCardView</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Assigned agent</source>
        <translation>Закреплённый оператор</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Choose a client on the left.</source>
        <translation>Выберите клиента слева.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Офлайн-сообщение</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Клиент создан</translation>
    </message>
    <message>
        <source>Merged with client {0}</source>
        <translation>Объединён с клиентом {0}</translation>
    </message>
    <message>
        <source>Merge with client {0} undone</source>
        <translation>Объединение с клиентом {0} отменено</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>{0} kept on merge (old → kept): {1}</source>
        <translation>{0} при объединении (прежнее → оставлено): {1}</translation>
    </message>
    <message>
        <source>{0} changed: {1}</source>
        <translation>{0} изменено: {1}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Клиент {0}</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Никто</translation>
    </message>
    <message>
        <source>Double-click to open the chat</source>
        <translation>Дважды щёлкните, чтобы открыть чат</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>Search by name, e-mail, phone or company</source>
        <translation>Поиск по имени, почте, телефону или компании</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>По имени</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Недавно изменённые</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Добавить клиента</translation>
    </message>
    <message>
        <source>More clients</source>
        <translation>Ещё клиенты</translation>
    </message>
    <message>
        <source>No clients yet. Visitors who chat, leave an offline message or give their contact details appear here.</source>
        <translation>Клиентов пока нет. Здесь появляются посетители, которые пишут в чат, оставляют офлайн-сообщение или свои контакты.</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Клиент {0}</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Любой оператор</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <source>Nobody&apos;s</source>
        <translation>Без оператора</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Любой этап</translation>
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
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>Воронка продаж</translation>
    </message>
</context>
<context>
    <name>CrmService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Нет связи с сервером: попробуйте чуть позже.</translation>
    </message>
</context>
<context>
    <name>CrmSettingsSection</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Checkbox</source>
        <translation>Флажок</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Who sees the clients</source>
        <translation>Кто видит клиентов</translation>
    </message>
    <message>
        <source>Every agent sees every client</source>
        <translation>Каждый оператор видит всех клиентов</translation>
    </message>
    <message>
        <source>Agents see their own clients and unassigned ones</source>
        <translation>Операторы видят своих клиентов и клиентов без оператора</translation>
    </message>
    <message>
        <source>Sales funnels</source>
        <translation>Воронки продаж</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Every agent sees every deal</source>
        <translation>Каждый оператор видит все сделки</translation>
    </message>
    <message>
        <source>Agents see their own deals</source>
        <translation>Операторы видят только свои сделки</translation>
    </message>
    <message>
        <source>Stages, in order (time limit in hours, 0: none)</source>
        <translation>Этапы по порядку (предел времени в часах, 0 — нет)</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>Название этапа</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Every funnel ends with Won and Lost; they cannot be removed.</source>
        <translation>Каждая воронка заканчивается этапами «Выиграна» и «Проиграна»; их нельзя убрать.</translation>
    </message>
    <message>
        <source>Save funnel</source>
        <translation>Сохранить воронку</translation>
    </message>
    <message>
        <source>New funnel</source>
        <translation>Новая воронка</translation>
    </message>
    <message>
        <source>Delete funnel</source>
        <translation>Удалить воронку</translation>
    </message>
    <message>
        <source>Custom client fields</source>
        <translation>Свои поля клиентов</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Название поля</translation>
    </message>
    <message>
        <source>List options, separated by commas</source>
        <translation>Варианты списка через запятую</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Удалить поле</translation>
    </message>
    <message>
        <source>A funnel needs a name and at least one stage.</source>
        <translation>У воронки должно быть название и хотя бы один этап.</translation>
    </message>
</context>
<context>
    <name>DealsTasksBox</name>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>in 15 minutes</source>
        <translation>через 15 минут</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>через 1 час</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочена</translation>
    </message>
    <message>
        <source>No sales funnel yet. An administrator makes one in Settings → CRM.</source>
        <translation>Воронки продаж пока нет. Администратор создаёт её в разделе Настройки → Настройки CRM.</translation>
    </message>
    <message>
        <source>Task with assignee, note and reminder…</source>
        <translation>Задача с исполнителем, заметкой и напоминанием…</translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>Срок {0}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <source>Remind me again in {0} minutes</source>
        <translation>Напомнить снова через {0} мин.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>New task: call the client back…</source>
        <translation>Новая задача: перезвонить клиенту…</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Напомнить мне</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Добавить задачу</translation>
    </message>
    <message>
        <source>No tasks. Add one above or from a chat&apos;s client panel.</source>
        <translation>Задач нет. Добавьте задачу выше или из панели клиента в чате.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочена</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Изменить задачу</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Изменить задачу</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Я</translation>
    </message>
    <message>
        <source>Notify me</source>
        <translation>Напомнить мне</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>CallingService</name>
    <message>
        <source>Type a phone number.</source>
        <translation>Введите номер телефона.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Это не номер телефона.</translation>
    </message>
    <message>
        <source>This number is too long.</source>
        <translation>Номер слишком длинный.</translation>
    </message>
    <message>
        <source>This is not a valid number in {0}: check it, or write it with + and the country code.</source>
        <translation>Это не действительный номер для {0}: проверьте его или наберите с + и кодом страны.</translation>
    </message>
    <message>
        <source>This is an emergency number: call it from a phone, not through the app (the softphone cannot tell them where you are).</source>
        <translation>Это номер экстренной службы: звоните с телефона, а не через приложение (софтфон не сообщит им, где вы находитесь).</translation>
    </message>
    <message>
        <source>The SIP address is too long.</source>
        <translation>SIP-адрес слишком длинный.</translation>
    </message>
    <message>
        <source>The SIP address must start with sip: or sips:.</source>
        <translation>SIP-адрес должен начинаться с sip: или sips:.</translation>
    </message>
    <message>
        <source>The SIP address needs {number} where the number goes.</source>
        <translation>В SIP-адресе нужно {number} на месте номера.</translation>
    </message>
    <message>
        <source>The SIP address cannot contain spaces.</source>
        <translation>SIP-адрес не может содержать пробелы.</translation>
    </message>
    <message>
        <source>No program on this computer opens {0}: links, so the call cannot start.</source>
        <translation>На этом компьютере нет программы, открывающей ссылки {0}:, поэтому звонок не может начаться.</translation>
    </message>
    <message>
        <source>Install a softphone (MicroSIP, Zoiper, Linphone...) and choose it in Windows Settings &gt; Apps &gt; Default apps &gt; Choose defaults by link type, for {0}.</source>
        <translation>Установите софтфон (MicroSIP, Zoiper, Linphone...) и выберите его в Параметры Windows &gt; Приложения &gt; Приложения по умолчанию &gt; Выбор стандартных приложений для протоколов, для {0}.</translation>
    </message>
    <message>
        <source>Install a softphone (Zoiper, Linphone, Telephone...) and make it the default for {0}: links in its own preferences.</source>
        <translation>Установите софтфон (Zoiper, Linphone, Telephone...) и сделайте его программой по умолчанию для ссылок {0}: в его настройках.</translation>
    </message>
    <message>
        <source>Install a softphone (Linphone, Zoiper, Jami...) and make it the default for {0}: links in your desktop&apos;s Default applications, or run: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</source>
        <translation>Установите софтфон (Linphone, Zoiper, Jami...) и сделайте его программой по умолчанию для ссылок {0}: в «Приложениях по умолчанию» вашего рабочего стола или выполните: xdg-mime default SOFTPHONE.desktop x-scheme-handler/{0}</translation>
    </message>
    <message>
        <source>Or choose another way to call in Settings &gt; Calls.</source>
        <translation>Или выберите другой способ звонить в Настройки &gt; Звонки.</translation>
    </message>
    <message>
        <source>{0} is a premium-rate number: the call may cost a lot. To call it anyway, type it on the Phone page.</source>
        <translation>{0} — платный номер: звонок может стоить дорого. Чтобы всё равно позвонить, наберите его на странице «Телефон».</translation>
    </message>
</context>
<context>
    <name>CallsSection</name>
    <message>
        <source>Calls go out through</source>
        <translation>Звонки идут через</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>SIP-адрес</translation>
    </message>
    <message>
        <source>Numbers without + are in</source>
        <translation>Номера без + — из страны</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>На этом компьютере</translation>
    </message>
    <message>
        <source>The system&apos;s phone app (tel: links)</source>
        <translation>Приложение телефона в системе (ссылки tel:)</translation>
    </message>
    <message>
        <source>A SIP softphone or PBX (sip: address below)</source>
        <translation>SIP-софтфон или АТС (адрес sip: ниже)</translation>
    </message>
    <message>
        <source>callto: links (Skype and others)</source>
        <translation>Ссылки callto: (Skype и другие)</translation>
    </message>
    <message>
        <source>{number} becomes the number with + and country code, {digits} the same without the +.</source>
        <translation>{number} заменяется номером с + и кодом страны, {digits} — тем же без +.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>{0}: links open with {1}.</source>
        <translation>Ссылки {0}: открываются в {1}.</translation>
    </message>
    <message>
        <source>This system cannot tell which program opens {0}: links.</source>
        <translation>Эта система не может сказать, какая программа открывает ссылки {0}:.</translation>
    </message>
</context>
<context>
    <name>PhonePage</name>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Недавние звонки</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Search clients by name, phone or company</source>
        <translation>Поиск клиентов по имени, телефону или компании</translation>
    </message>
    <message>
        <source>No calls from this computer yet.</source>
        <translation>С этого компьютера ещё не звонили.</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Стационарный</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <source>Landline or mobile</source>
        <translation>Стационарный или мобильный</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Бесплатный</translation>
    </message>
    <message>
        <source>Shared cost</source>
        <translation>С разделением оплаты</translation>
    </message>
    <message>
        <source>Internet phone</source>
        <translation>Интернет-телефония</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
    <message>
        <source>Numbers without + are read as {0} numbers.</source>
        <translation>Номера без + читаются как номера страны {0}.</translation>
    </message>
    <message>
        <source>Premium-rate number: the call may cost a lot.</source>
        <translation>Платный номер: звонок может стоить дорого.</translation>
    </message>
    <message>
        <source>Double-click to call again</source>
        <translation>Дважды щёлкните, чтобы позвонить снова</translation>
    </message>
    <message>
        <source>Client {0}</source>
        <translation>Клиент {0}</translation>
    </message>
    <message>
        <source>Double-click to call</source>
        <translation>Дважды щёлкните, чтобы позвонить</translation>
    </message>
    <message>
        <source>The CRM is not available.</source>
        <translation>CRM недоступна.</translation>
    </message>
    <message>
        <source>Loading the clients…</source>
        <translation>Загрузка клиентов…</translation>
    </message>
    <message>
        <source>No client with a phone number matches.</source>
        <translation>Нет подходящих клиентов с телефоном.</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Журнал звонков</translation>
    </message>
    <message>
        <source>No calls logged yet.</source>
        <translation>Звонков в журнале пока нет.</translation>
    </message>
    <message>
        <source>Double-click to change how it went</source>
        <translation>Дважды щёлкните, чтобы изменить результат</translation>
    </message>
</context>
<context>
    <name>CallLogService</name>
    <message>
        <source>No connection to the relay: try again in a moment.</source>
        <translation>Нет связи с сервером: повторите попытку чуть позже.</translation>
    </message>
</context>
<context>
    <name>LogCallDialog</name>
    <message>
        <source>Log call</source>
        <translation>Записать звонок</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>s</source>
        <translation>с</translation>
    </message>
    <message>
        <source>Not told</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Занято</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Неверный номер</translation>
    </message>
</context>
<context>
    <name>ChannelNames</name>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
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
        <translation>Чат</translation>
    </message>
    <message>
        <source>You can answer the client&apos;s e-mail: your reply goes to their inbox</source>
        <translation>Вы можете ответить на письмо клиента: ответ придёт в его почтовый ящик</translation>
    </message>
    <message>
        <source>Your reply goes to the client on {0}</source>
        <translation>Ответ уйдёт клиенту через {0}</translation>
    </message>
    <message>
        <source>A message the visitor sees</source>
        <translation>Сообщение, которое видит посетитель</translation>
    </message>
    <message>
        <source>You can continue the conversation with the client on WhatsApp</source>
        <translation>Вы можете продолжить разговор с клиентом в WhatsApp</translation>
    </message>
    <message>
        <source>You can answer the client by SMS</source>
        <translation>Вы можете ответить клиенту по SMS</translation>
    </message>
</context>
<context>
    <name>ChannelAdmin</name>
    <message>
        <source>Channel saved.</source>
        <translation>Канал сохранён.</translation>
    </message>
    <message>
        <source>No connection to the relay: try again later.</source>
        <translation>Нет связи с сервером: попробуйте позже.</translation>
    </message>
</context>
<context>
    <name>ReplyChannelsSection</name>
    <message>
        <source>Add a channel</source>
        <translation>Добавить канал</translation>
    </message>
    <message>
        <source>Add a website first (Settings → Channels).</source>
        <translation>Сначала добавьте сайт (Настройки → Каналы).</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Токен бота</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Адрес почты</translation>
    </message>
    <message>
        <source>From @BotFather</source>
        <translation>От @BotFather</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>Порт IMAP</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>Сервер IMAP (входящие)</translation>
    </message>
    <message>
        <source>Last error ({0}): {1}</source>
        <translation>Последняя ошибка ({0}): {1}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Ошибок нет.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Reply channels</source>
        <translation>Каналы ответа</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>Порт SMTP</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>Сервер SMTP (исходящие)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Отправить тестовое сообщение</translation>
    </message>
    <message>
        <source>Set: leave empty to keep it</source>
        <translation>Задан: оставьте пустым, чтобы сохранить</translation>
    </message>
    <message>
        <source>Switched on</source>
        <translation>Включён</translation>
    </message>
    <message>
        <source>Test message sent.</source>
        <translation>Тестовое сообщение отправлено.</translation>
    </message>
    <message>
        <source>The test message failed: {0}</source>
        <translation>Тестовое сообщение не отправлено: {0}</translation>
    </message>
    <message>
        <source>This channel fetches its messages itself: there is no webhook address to give the provider.</source>
        <translation>Этот канал сам забирает сообщения: адрес вебхука провайдеру давать не нужно.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>{0} (off)</source>
        <translation>{0} (выключен)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Токен доступа</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>SID аккаунта</translation>
    </message>
    <message>
        <source>An e-mail address, a phone number or a Telegram chat id</source>
        <translation>Адрес почты, телефон или id чата в Telegram</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Секрет приложения</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Токен авторизации</translation>
    </message>
    <message>
        <source>Clients who write by e-mail, WhatsApp, SMS or Telegram get a chat like the website&apos;s visitors; your answer goes back the way they wrote.</source>
        <translation>Клиенты, которые пишут по почте, в WhatsApp, по SMS или в Telegram, получают чат, как посетители сайта; ответ уходит туда, откуда они написали.</translation>
    </message>
    <message>
        <source>Give the provider this webhook address:</source>
        <translation>Укажите провайдеру этот адрес вебхука:</translation>
    </message>
    <message>
        <source>Phone number ID</source>
        <translation>ID номера телефона</translation>
    </message>
    <message>
        <source>Sending number</source>
        <translation>Номер отправителя</translation>
    </message>
    <message>
        <source>The relay&apos;s webhook endpoint is off: ask whoever runs the relay.</source>
        <translation>Приём вебхуков на сервере выключен: обратитесь к администратору сервера.</translation>
    </message>
    <message>
        <source>Verify token</source>
        <translation>Токен проверки</translation>
    </message>
    <message>
        <source>Webhook secret (optional)</source>
        <translation>Секрет вебхука (необязательно)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
    <name>ChatToast</name>
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
        <source>The chat could not be closed: {0}</source>
        <translation>Не удалось закрыть чат: {0}</translation>
    </message>
    <message>
        <source>A message was not sent: {0}</source>
        <translation>Сообщение не отправлено: {0}</translation>
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
        <source>{0} pages this visit</source>
        <translation>страниц за визит: {0}</translation>
    </message>
    <message>
        <source>left the site</source>
        <translation>покинул сайт</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
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
        <translation>Нет соединения: файл не отправлен</translation>
    </message>
    <message>
        <source>{0} was not sent: {1}</source>
        <translation>Файл {0} не отправлен: {1}</translation>
    </message>
    <message>
        <source>{0} is larger than 10 MB and was not sent</source>
        <translation>Файл {0} больше 10 МБ и не был отправлен</translation>
    </message>
    <message>
        <source>The name {0} cannot be used: rename the file</source>
        <translation>Имя {0} использовать нельзя: переименуйте файл</translation>
    </message>
    <message>
        <source>{0} arrived damaged: send it again</source>
        <translation>Файл {0} повреждён при передаче: отправьте его снова</translation>
    </message>
    <message>
        <source>The chat has ended: {0} was not sent</source>
        <translation>Чат завершён: файл {0} не отправлен</translation>
    </message>
    <message>
        <source>Not connected: {0} was not saved</source>
        <translation>Нет соединения: файл {0} не сохранён</translation>
    </message>
    <message>
        <source>{0} was not saved: {1}</source>
        <translation>Файл {0} не сохранён: {1}</translation>
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
    <name>InboxPage</name>
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
        <source>Click to save</source>
        <translation>Нажмите, чтобы сохранить</translation>
    </message>
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
        <source>Leave chat</source>
        <translation>Покинуть чат</translation>
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
        <source>Type a message… (Enter sends, Shift+Enter: new line)</source>
        <translation>Введите сообщение… (Enter — отправить, Shift+Enter — новая строка)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Choose a chat on the left.
Waiting chats are marked in orange.</source>
        <translation>Выберите чат слева.
Ожидающие чаты отмечены оранжевым.</translation>
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
        <translation>Показываемое имя агента</translation>
    </message>
    <message>
        <source>Agent photo</source>
        <translation>Фото агента</translation>
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
        <source>Clients, reminders and the sales funnel.</source>
        <translation>Клиенты, напоминания и воронка продаж.</translation>
    </message>
    <message>
        <source>The dialer and the call log.</source>
        <translation>Набор номера и журнал звонков.</translation>
    </message>
    <message>
        <source>Who is on your website right now.</source>
        <translation>Кто сейчас на вашем сайте.</translation>
    </message>
    <message>
        <source>Chats, missed chats and reply times.</source>
        <translation>Чаты, пропущенные чаты и время ответа.</translation>
    </message>
    <message>
        <source>The app&apos;s and the account&apos;s settings.</source>
        <translation>Настройки приложения и учётной записи.</translation>
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
        <source>Cannot sign in: {0}</source>
        <translation>Не удалось войти: {0}</translation>
    </message>
    <message>
        <source>This computer has no keychain: your sign-in will not be remembered.</source>
        <translation>На этом компьютере нет хранилища паролей: вход не будет запомнен.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>Неверная эл. почта или пароль.</translation>
    </message>
    <message>
        <source>This relay runs another version of the service. Update the app. ({0})</source>
        <translation>На сервере другая версия сервиса. Обновите приложение. ({0})</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again.</source>
        <translation>Срок сеанса истёк. Войдите снова.</translation>
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
    <name>ToastManager</name>
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
        <source>Automatic invitations</source>
        <translation>Автоматические приглашения</translation>
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
</TS>

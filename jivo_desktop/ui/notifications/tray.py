"""The tray icon (N6): the agent's status in colour, the number of waiting chats as a badge, and
a menu (Open, Online, Away, Sign out, Quit).

The icon is painted at run time (no image files): a speech bubble, green online, yellow away,
grey when not connected, with a red badge counting the offers nobody here has ignored.

Where the desktop has no tray (``available`` is False: a bare X server, some Wayland desktops,
the tests' offscreen platform) everything is still built, so it can be inspected, but the app
must not hide its window on close: nothing would bring it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.session import SessionService
from jivo_desktop.ui.common import style

STATE_COLOURS = {"online": style.ONLINE, "away": style.AWAY, "offline": style.OFFLINE}
BADGE = "#e5484d"
ICON_SIZES = (16, 20, 22, 24, 32, 40, 48, 64)
# Where the bubble's own colour shows (no dot, no badge), as a fraction of the icon's size.
COLOUR_PROBE = (0.12, 0.42)
BADGE_PROBE = (0.60, 0.28)


def paint_tray_pixmap(state: str, count: int, size: int) -> QPixmap:
    """The tray icon at ``size`` pixels: a bubble in the state's colour, three white dots, and
    a red badge with ``count`` (9+ above nine) when chats wait."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    colour = QColor(STATE_COLOURS.get(state, style.OFFLINE))

    bubble = QPainterPath()
    body = QRectF(0.04 * s, 0.14 * s, 0.76 * s, 0.56 * s)
    bubble.addRoundedRect(body, 0.16 * s, 0.16 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(0.18 * s, 0.62 * s))
    tail.lineTo(QPointF(0.12 * s, 0.92 * s))
    tail.lineTo(QPointF(0.42 * s, 0.66 * s))
    tail.closeSubpath()
    bubble = bubble.united(tail)
    painter.setPen(QPen(colour.darker(135), max(1.0, s / 32)))
    painter.setBrush(colour)
    painter.drawPath(bubble)

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    radius = 0.055 * s
    for x in (0.24, 0.42, 0.60):
        painter.drawEllipse(QPointF(x * s, 0.42 * s), radius, radius)

    if count > 0:
        centre = QPointF(0.74 * s, 0.28 * s)
        r = 0.26 * s
        painter.setPen(QPen(QColor("white"), max(1.0, s / 24)))
        painter.setBrush(QColor(BADGE))
        painter.drawEllipse(centre, r, r)
        font = QFont()
        font.setBold(True)
        text = str(count) if count < 10 else "9+"
        font.setPixelSize(max(6, round(r * (1.2 if len(text) == 1 else 0.95))))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(
            QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r),
            Qt.AlignmentFlag.AlignCenter,
            text,
        )
    painter.end()
    return pixmap


def tray_icon(state: str, count: int) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(paint_tray_pixmap(state, count, size))
    return icon


class TrayController(QObject):
    """The tray icon and its menu. Callbacks are the app's: ``on_open()`` shows the main
    window, ``on_sign_out()`` and ``on_quit()`` do what they say; Online and Away go to
    ``session.set_status``. Clicking the icon opens the window.

    Signals: ``state_changed(str, int)``: the icon now shows this state (online / away /
    offline) and this many waiting chats."""

    state_changed = Signal(str, int)

    def __init__(
        self,
        session: SessionService,
        chats: ChatsService,
        *,
        on_open: Callable[[], None],
        on_sign_out: Callable[[], None],
        on_quit: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.chats = chats
        self.on_open = on_open
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.state = ""
        self.count = -1

        self.menu = QMenu()
        self.open_action = QAction(self)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.online_action = QAction(self)
        self.online_action.setCheckable(True)
        self.online_action.triggered.connect(self._on_online_action_triggered)
        self.away_action = QAction(self)
        self.away_action.setCheckable(True)
        self.away_action.triggered.connect(self._on_away_action_triggered)
        group = QActionGroup(self)
        group.addAction(self.online_action)
        group.addAction(self.away_action)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(lambda _checked=False: on_sign_out())
        self.quit_action = QAction(self)
        self.quit_action.triggered.connect(lambda _checked=False: on_quit())
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.online_action)
        self.menu.addAction(self.away_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sign_out_action)
        self.menu.addAction(self.quit_action)

        self.tray = QSystemTrayIcon(self)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._on_tray_activated)
        self.retranslate()
        # G6: the menu (a top-level widget) gets Qt's LanguageChange; this object does not.
        self.menu.installEventFilter(self)

        session.status_changed.connect(self._refresh)
        session.connection_changed.connect(self._refresh)
        session.signed_in.connect(self._refresh)
        session.signed_out.connect(self._refresh)
        for signal in (chats.chats_changed, chats.offered, chats.offer_gone, chats.chat_changed):
            signal.connect(self._refresh)
        self._refresh()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.open_action.setText(self.tr("Open"))
        self.online_action.setText(self.tr("Online"))
        self.away_action.setText(self.tr("Away"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.quit_action.setText(self.tr("Quit"))
        if self.state:
            self._set_tooltip(self.state, self.count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def show(self) -> None:
        if self.available:
            self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def icon(self) -> QIcon:
        return self.tray.icon()

    # -------------------------------------------------------------- internals

    def _current_state(self) -> str:
        if self.session.welcome is None or self.session.connection != "connected":
            return "offline"
        return self.session.status

    def _refresh(self, *_args: object) -> None:
        state = self._current_state()
        count = len(self.chats.waiting()) if self.session.welcome is not None else 0
        signed_in = self.session.welcome is not None
        self.online_action.setChecked(self.session.status == "online")
        self.away_action.setChecked(self.session.status == "away")
        for action in (self.online_action, self.away_action, self.sign_out_action):
            action.setEnabled(signed_in)
        if (state, count) == (self.state, self.count):
            return
        self.state, self.count = state, count
        self.tray.setIcon(tray_icon(state, count))
        self._set_tooltip(state, count)
        self.state_changed.emit(state, count)

    def _set_tooltip(self, state: str, count: int) -> None:
        words = {
            "online": self.tr("Online"),
            "away": self.tr("Away"),
            "offline": self.tr("Not connected"),
        }
        tip = f"Jivo Live — {words.get(state, state)}"
        if count:
            tip += " · " + self.tr("%n chat(s) waiting", "", count)
        self.tray.setToolTip(tip)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.on_open()

    def _on_open_action_triggered(self, _checked: bool = False) -> None:
        self.on_open()

    def _on_online_action_triggered(self, _checked: bool = False) -> None:
        self.session.set_status("online")

    def _on_away_action_triggered(self, _checked: bool = False) -> None:
        self.session.set_status("away")

"""The pointer in the app (C15): ask the relay for the visitor's page with a one-time token and
open it in the agent's own browser, where the widget lets the agent pick an element and comment
on it. The app holds no token: the relay checks it (once, for this agent and chat, for ten
minutes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class PointerService(QObject):
    """Signals: ``opened(int, str)`` (chat id, the page opened); ``problem(int, str)``."""

    opened = Signal(int, str)
    problem = Signal(int, str)

    def __init__(
        self,
        session: SessionService,
        opener: Callable[[str], bool] = open_in_browser,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.opener = opener
        """Opens a URL in the agent's browser (tests put their own browser here)."""

    def point(self, chat_id: int) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(chat_id, self.tr("No connection to the relay: try again later."))
            return

        async def run() -> None:
            try:
                made = await client.create_pointer(chat_id)
            except RelayError as exc:
                if exc.code == "not_found":
                    text = self.tr("The visitor's page is not known, so it cannot be opened.")
                else:
                    text = self.tr("The pointer could not start: {0}").format(exc.message)
                self.problem.emit(chat_id, text)
                return
            except (ConnectionLost, TimeoutError):
                self.problem.emit(chat_id, self.tr("No connection to the relay: try again later."))
                return
            if not self.opener(made.url):
                self.problem.emit(chat_id, self.tr("No web browser could be opened."))
                return
            self.opened.emit(chat_id, made.url)

        spawn(run(), "pointer")

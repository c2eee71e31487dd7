"""One running app per user, and a channel for later launches to talk to it.

The first instance listens on a ``QLocalServer`` (a Unix socket; a named pipe on Windows). A
second launch connects, sends one message ("activate" to raise the window, "accept" from
``jivo-desktop --accept``, the Wayland stand-in for the global hotkey) and exits.

Wire format: UTF-8 text, one message per line. Messages are short commands; anything longer than
:data:`MAX_MESSAGE_BYTES` closes the connection.

The server name carries the user (uid on Unix, user name on Windows), so two users on one
machine each get their own instance, and the socket is made accessible to its user only, so
another user cannot send "accept" to somebody else's app. On Unix the socket lives in
``$XDG_RUNTIME_DIR`` when there is one (a per-user, 0700 folder), else in Qt's temp folder.
"""

from __future__ import annotations

import getpass
import logging
import os
import re
import sys

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

__all__ = ["MAX_MESSAGE_BYTES", "SingleInstance", "default_server_name"]

APP_ID = "jivo-desktop"
MAX_MESSAGE_BYTES = 4096
_CONNECT_TIMEOUT_MS = 1000
_WRITE_TIMEOUT_MS = 1000


def _user_tag() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    try:
        user = getpass.getuser()
    except Exception:
        user = os.environ.get("USERNAME", "user")
    # Pipe names may not hold backslashes; keep it to a safe alphabet.
    return re.sub(r"[^A-Za-z0-9_.-]", "_", user) or "user"


def default_server_name(app_id: str = APP_ID) -> str:
    """The per-user server name (or, on Unix, socket path) for ``app_id``."""
    name = f"{app_id}-{_user_tag()}"
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform != "win32" and runtime_dir and os.path.isdir(runtime_dir):
        path = os.path.join(runtime_dir, f"{name}.sock")
        if len(path.encode()) < 100:  # sun_path holds 108 bytes
            return path
    return name


class SingleInstance(QObject):
    """Claims the per-user instance slot, or passes a message to the instance that holds it.

    Signals:
        message_received(str): another launch sent a message (e.g. "activate", "accept").
    """

    message_received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None
        self._name = ""
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def name(self) -> str:
        return self._name

    @property
    def is_primary(self) -> bool:
        """True while this object holds the instance slot."""
        return self._server is not None and self._server.isListening()

    def claim(self, name: str | None = None, message: str = "activate") -> bool:
        """Become the running instance under ``name`` (default :func:`default_server_name`).

        Returns True when this process is now the instance. If another instance holds the name,
        ``message`` is sent to it and False is returned: the caller should exit.
        """
        if self.is_primary:
            return True
        self._name = name or default_server_name()
        # Connect first: on Windows two servers may listen on one pipe name, so a successful
        # listen() alone proves nothing.
        if self._send(self._name, message):
            return False
        server = QLocalServer(self)
        if sys.platform == "win32":
            # Restricts the pipe to this user. Not on Unix: there Qt then binds a temporary
            # path and renames it over the name, which silently replaces a live instance's
            # socket, so two quick launches would both "win". Unix uses _make_private().
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_server_new_connection)
        if server.listen(self._name):
            return self._claimed(server)
        if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Either an instance started between our connect and listen, or a crashed one left
            # its socket file behind. Only a live server answers a connect.
            if self._send(self._name, message):
                server.deleteLater()
                return False
            log.info("removing the stale instance socket %s", self._name)
            QLocalServer.removeServer(self._name)
            if server.listen(self._name):
                return self._claimed(server)
        log.warning(
            "cannot listen as the single instance %s: %s; running without",
            self._name,
            server.errorString(),
        )
        server.deleteLater()
        # Better two windows than none: the caller runs as if it were the only instance.
        return True

    def _claimed(self, server: QLocalServer) -> bool:
        self._server = server
        if sys.platform != "win32":
            self._make_private(server.fullServerName())
        return True

    @staticmethod
    def _make_private(path: str) -> None:
        # Connecting to a Unix socket needs write permission on it: 0600 keeps other users out
        # even when the socket sits in the shared temp folder (no XDG_RUNTIME_DIR).
        try:
            os.chmod(path, 0o600)
        except OSError:
            log.warning("cannot restrict the instance socket %s to this user", path)

    def send(self, message: str, name: str | None = None) -> bool:
        """Send ``message`` to the instance listening under ``name`` (default: the name of the
        last claim). True when it was delivered to a live server."""
        return self._send(name or self._name or default_server_name(), message)

    @staticmethod
    def _send(name: str, message: str) -> bool:
        data = (message.replace("\n", " ").strip() + "\n").encode()
        if len(data) > MAX_MESSAGE_BYTES:
            raise ValueError(f"message longer than {MAX_MESSAGE_BYTES} bytes")
        socket = QLocalSocket()
        socket.connectToServer(name)
        if not socket.waitForConnected(_CONNECT_TIMEOUT_MS):
            return False
        socket.write(data)
        ok = socket.waitForBytesWritten(_WRITE_TIMEOUT_MS) or socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(_WRITE_TIMEOUT_MS)
        return ok

    def close(self) -> None:
        """Give up the instance slot (removes the socket file)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()

    # ------------------------------------------------------------------ receiving

    @Slot()
    def _on_server_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_socket_disconnected(s))
            # Data (and even the disconnect) may have arrived before we connected the signals.
            self._on_socket_ready_read(socket)
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._on_socket_disconnected(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        buffer = self._buffers[socket] + bytes(socket.readAll().data())
        *lines, rest = buffer.split(b"\n")
        if len(rest) > MAX_MESSAGE_BYTES:
            log.warning("single-instance peer sent an over-long message; dropping it")
            self._drop(socket)
            return
        self._buffers[socket] = rest
        for line in lines:
            text = line.decode("utf-8", errors="replace").strip()
            if text:
                self.message_received.emit(text)

    def _on_socket_disconnected(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        self._on_socket_ready_read(socket)  # whatever was written just before the close
        rest = self._buffers.pop(socket, b"")
        text = rest.decode("utf-8", errors="replace").strip()
        if text:
            self.message_received.emit(text)  # a sender that did not end with a newline
        socket.deleteLater()

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.abort()
        socket.deleteLater()

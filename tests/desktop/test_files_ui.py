"""The agent's side of files (C14) and sneak peek (C17): the app offscreen, a real relay and a
scripted visitor."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from server import protocol as p
from tests.desktop.test_windows import _signed_in_app
from tests.e2e.test_widget_files import make_png
from tests.server.test_files import http_get, visitor_upload
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

MB = 1024 * 1024


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _chat_with_visitor(app: DesktopApp, relay: RelayHandle) -> tuple[Visitor, int]:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.answer(visitor.send_frame(lambda i: p.SetContact(id=i, name="Marta")))
    await visitor.say("Hola, ¿me ayudan?")
    await until(lambda: len(app.chats.order) == 1)
    chat_id = app.chats.order[0]
    await app.chats.accept_async(chat_id)
    await until(lambda: app.main_window.inbox.conversation.composer.isEnabled())
    return visitor, chat_id


async def test_files_in_the_app_both_ways(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path, tmp_path: Path
) -> None:
    """C14: a visitor's image and 9.9 MB file show as file bubbles (the image with a thumbnail);
    a click saves the file (downloaded off the UI thread, same SHA-256). The agent sends a
    9.9 MB file with the paperclip (progress shown) and another by drag and drop; the visitor
    downloads them intact. Screenshot desktop-files.png."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 760)
    inbox = window.inbox
    visitor, chat_id = await _chat_with_visitor(app, relay)

    png = make_png(200, 120)
    big = os.urandom(int(9.9 * MB))
    assert isinstance(await visitor_upload(visitor, "sofa.png", png), p.FileStored)
    assert isinstance(await visitor_upload(visitor, "measurements.pdf", big), p.FileStored)
    await until(lambda: sum(1 for m in app.chats.chat(chat_id).messages if m.file) == 2)  # type: ignore[union-attr]
    image_message = next(
        m for m in app.chats.chat(chat_id).messages if m.file and m.text == "sofa.png"
    )  # type: ignore[union-attr]
    await until(lambda: app.files.thumbnail(image_message.file) is not None)  # type: ignore[arg-type]
    assert app.chats.chat(chat_id).info.preview == "File: measurements.pdf"  # type: ignore[union-attr]

    # Click the 9.9 MB file's bubble: a save dialog, then the file on disk.
    rows = [
        i for i, m in enumerate(app.chats.chat(chat_id).messages) if m.text == "measurements.pdf"
    ]  # type: ignore[union-attr]
    index = inbox.conversation.messages_model.index(rows[0])
    inbox.conversation.messages.scrollTo(index)
    rect = inbox.conversation.messages.visualRect(index)
    QTest.mouseClick(
        inbox.conversation.messages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    await until(lambda: getattr(inbox.conversation, "save_dialog", None) is not None)
    target = tmp_path / "saved.pdf"
    inbox.conversation.save_dialog.fileSelected.emit(str(target))
    inbox.conversation.save_dialog.close()
    await until(lambda: target.exists() and target.stat().st_size == len(big))
    assert sha(target.read_bytes()) == sha(big)

    # The paperclip: a dialog, then the upload with progress.
    outgoing = tmp_path / "invoice.bin"
    outgoing.write_bytes(os.urandom(int(9.9 * MB)))
    progress: list[int] = []
    app.files.upload_progress.connect(lambda _c, _n, sent, _t: progress.append(sent))
    QTest.mouseClick(inbox.conversation.attach_button, Qt.MouseButton.LeftButton)
    assert inbox.conversation.attach_button.dialog is not None
    inbox.conversation.attach_button.dialog.fileSelected.emit(str(outgoing))
    inbox.conversation.attach_button.dialog.close()
    got = await visitor.wait_for(
        lambda f: (
            isinstance(f, p.EventPush) and f.event.kind == "file" and f.event.author == "agent"
        )
    )
    assert got.event.file.name == "invoice.bin" and progress[-1] == outgoing.stat().st_size
    link = await visitor.answer(
        visitor.send_frame(lambda i: p.FileLink(id=i, file_id=got.event.file.id))
    )
    status, _, body = await __import__("asyncio").to_thread(http_get, relay.http_url + link.url)
    assert status == 200 and sha(body) == sha(outgoing.read_bytes())
    await until(lambda: not inbox.conversation.attachment_bar.isVisible())

    # Drag and drop onto the conversation.
    dropped = tmp_path / "photo.png"
    dropped.write_bytes(make_png(120, 90))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    viewport = inbox.conversation.messages.viewport()
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # QApplication does not deliver drag events that no drag started (sendEvent drops them),
    # so the events go to the drop target's filter as Qt would hand them over.
    assert inbox.conversation.drop_target.eventFilter(viewport, enter) and enter.isAccepted()
    drop = QDropEvent(
        QPointF(QPoint(50, 50)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert inbox.conversation.drop_target.eventFilter(viewport, drop)
    await visitor.wait_for(
        lambda f: (
            isinstance(f, p.EventPush) and f.event.kind == "file" and f.event.text == "photo.png"
        )
    )
    await until(lambda: sum(1 for m in app.chats.chat(chat_id).messages if m.file) == 4)  # type: ignore[union-attr]
    await until(
        lambda: all(
            app.files.thumbnail(m.file) is not None
            for m in app.chats.chat(chat_id).messages
            if m.file and m.text.endswith(".png")
        )
    )  # type: ignore[union-attr]
    inbox.conversation.messages.scrollToBottom()
    window.grab().save(str(artifacts / "desktop-files.png"))
    await visitor.close()
    await app.shutdown()


async def test_app_refuses_big_and_empty_files_clearly(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path, tmp_path: Path
) -> None:
    """C14: a 10.1 MB file and an empty one are refused in the app with a clear message; a
    device name is refused by the relay and the message says so. Nothing reaches the relay."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 760)
    visitor, _chat_id = await _chat_with_visitor(app, relay)
    big = tmp_path / "movie.mp4"
    big.write_bytes(bytes(int(10.1 * MB)))
    assert app.main_window.inbox.files is not None
    window.inbox.conversation._on_files_dropped([str(big)])
    await until(lambda: window.problem.isVisible())
    assert window.problem.text() == "movie.mp4 is larger than 10 MB (10.1 MB) and was not sent"
    window.grab().save(str(artifacts / "desktop-file-too-big.png"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.inbox.conversation._on_files_dropped([str(empty)])
    await until(lambda: window.problem.text() == "empty.txt is empty and was not sent")
    device = tmp_path / "aux.txt"
    device.write_bytes(b"data")
    window.inbox.conversation._on_files_dropped([str(device)])
    await until(
        lambda: (
            window.problem.text()
            == "aux.txt was not sent: The file's name cannot be used. Rename the file and send it."
        )
    )
    assert relay.relay.files.stored_files() == []
    assert not [e for e in visitor.events() if e.kind == "file"]
    await visitor.close()
    await app.shutdown()


async def test_sneak_peek_shows_the_visitors_draft(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C17: with sneak peek on for the site, the agent sees "Visitor is typing: ..." under the
    conversation as the visitor types; the line goes when the message is sent. Off: no line.
    Screenshot desktop-sneak-peek.png."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 760)
    inbox = window.inbox
    visitor, chat_id = await _chat_with_visitor(app, relay)
    await visitor.send_raw(p.encode(p.Draft(text="no peeking")))
    await visitor.say("first")
    await until(lambda: app.chats.chat(chat_id).info.preview == "first")  # type: ignore[union-attr]
    assert "Visitor is typing:" not in inbox.conversation.typing_label.text()

    site_id = app.chats.chat(chat_id).info.site_id  # type: ignore[union-attr]
    assert site_id is not None
    await relay.relay.set_sneak_peek(site_id, True)
    await visitor.send_raw(p.encode(p.Draft(text="I would like the green sofa, but")))
    await until(
        lambda: (
            inbox.conversation.typing_label.text()
            == "Visitor is typing: I would like the green sofa, but"
        )
    )
    window.grab().save(str(artifacts / "desktop-sneak-peek.png"))
    await visitor.say("I would like the green sofa, but cheaper")
    await until(lambda: inbox.conversation.typing_label.text() == "")
    await visitor.close()
    await app.shutdown()

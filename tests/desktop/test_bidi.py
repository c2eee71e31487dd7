"""Issue 12 item 7 (Qt side): bidi overrides in visitor text cannot spoof names or file names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from jivo_desktop.bidi import FSI, PDI, file_display_name, isolate
from jivo_desktop.platform.notify import notify_call
from jivo_desktop.services.conversations import Message
from jivo_desktop.ui.inbox.attachments import paint_file_bubble
from server import protocol as p
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

RLO = "\u202e"
SPOOF = f"invoice{RLO}gnp.exe"  # reads "invoiceexe.png" when rendered


class RecordingPainter(QPainter):
    """A real painter on an image that also keeps every string it was asked to draw."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args: Any) -> None:
        self.texts += [a for a in args if isinstance(a, str)]
        super().drawText(*args)


def _painted(paint: Any) -> list[str]:
    image = QImage(QSize(900, 300), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    try:
        paint(painter)
    finally:
        painter.end()
    return painter.texts


def _isolated(text: str) -> bool:
    return all(line.startswith(FSI) and line.endswith(PDI) for line in text.split("\n"))


def test_isolate_and_file_names() -> None:
    """Issue 12 item 7: visitor text is wrapped in FSI…PDI; a file name shows its controls as
    U+FFFD, so its real extension (.exe) reads last; plain left-to-right text is unchanged."""
    assert isolate(SPOOF) == f"{FSI}{SPOOF}{PDI}"
    assert isolate("Marta") == "Marta" and isolate("") == ""
    assert isolate(f"a{RLO}b\nc{RLO}d") == f"{FSI}a{RLO}b{PDI}\n{FSI}c{RLO}d{PDI}"
    shown = file_display_name(SPOOF)
    assert RLO not in shown and shown.endswith("gnp.exe") and "\ufffd" in shown


def test_file_bubble_paints_the_real_extension(qapp: Any) -> None:
    """Issue 12 item 7: the painted file card never carries the override: "….exe" is seen."""
    info = p.FileInfo(id="f1", name=SPOOF, size=2048)
    message = Message("file", "visitor", "Ann", SPOOF, 0.0, False, file=info)
    texts = _painted(
        lambda painter: paint_file_bubble(
            painter, QRect(0, 0, 800, 120), QFont(), message, None, "Save…", "10:00"
        )
    )
    names = [t for t in texts if "invoice" in t]
    assert names and all(RLO not in t and t.rstrip(PDI).endswith(".exe") for t in names)


def test_notification_summary_is_plain_and_isolated() -> None:
    """Finding 21 / issue 12 item 7: the freedesktop summary holds no markup characters (any
    server may render it) and the visitor's override cannot run past the name."""
    message = notify_call(
        "Jivo Live",
        0,
        f"New chat: <b>Ann</b> & {SPOOF}",
        "<b>x</b>",
        [],
        markup=True,
        persistent=False,
    )
    summary = message.body[3]
    assert not set("<>&") & set(summary)
    assert summary == isolate(f"New chat: \u2039b\u203aAnn\u2039/b\u203a \uff06 {SPOOF}")
    assert message.body[4] == "&lt;b&gt;x&lt;/b&gt;"


async def test_visitor_overrides_stay_inside_the_name_in_the_app(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """Issue 12 item 7: a visitor named and writing with U+202E: the header, client panel,
    toast, chat list row and bubbles show the text isolated (FSI…PDI) so it cannot reorder
    what is around it."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 760)
    inbox = window.inbox
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.answer(visitor.send_frame(lambda i: p.SetContact(id=i, name=SPOOF)))
    await visitor.say(f"see {SPOOF}")
    chat_id = await until(lambda: app.chats.waiting() and app.chats.waiting()[0].id)
    toast = await until(lambda: app.toasts.toasts.get(chat_id))
    assert _isolated(toast.name.text()) and _isolated(toast.message.text())

    row = inbox.chat_model.index(inbox.chat_model.row_of(chat_id), 0)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 300, 60)
    option.font = QFont()
    texts = _painted(lambda painter: inbox.chat_delegate.paint(painter, option, row))
    spoofed = [t for t in texts if RLO in t]
    assert len(spoofed) == 2 and all(_isolated(t) for t in spoofed)  # name and preview

    assert await app.chats.accept_async(chat_id)
    await until(lambda: inbox.conversation.composer.isEnabled())
    assert inbox.conversation.header_name.text() == isolate(SPOOF)
    assert inbox.client_panel.fields["name"].text() == isolate(SPOOF)
    await until(lambda: inbox.conversation.messages_model.rowCount() >= 1)
    bubble = inbox.conversation.messages_model.index(0, 0)
    option.rect = QRect(0, 0, 800, 80)
    texts = _painted(lambda painter: inbox.conversation.delegate.paint(painter, option, bubble))
    spoofed = [t for t in texts if RLO in t]
    assert spoofed and all(_isolated(t) for t in spoofed)
    window.grab().save(str(artifacts / "desktop-bidi.png"))
    await visitor.close()
    await app.shutdown()


def test_save_dialog_proposes_the_name_without_overrides(qapp: Any) -> None:
    """Issue 12 item 7: "Save…" proposes the file's name without its bidi controls, so the
    file on disk is what it is (invoicegnp.exe), not a spoofed ".png"."""
    from PySide6.QtWidgets import QWidget

    from jivo_desktop.ui.inbox.attachments import ask_save_path

    parent = QWidget()
    dialog = ask_save_path(parent, SPOOF, lambda _path: None)
    try:
        chosen = dialog.selectedFiles()
        assert chosen and chosen[0].endswith("/invoicegnp.exe") and RLO not in chosen[0]
    finally:
        dialog.close()
        parent.deleteLater()

"""Finding 1: no visitor or colleague text is ever rendered as Qt rich text in the app.

Markup goes in through every visitor field (name, e-mail, phone, page URL and title, referrer,
UTM, draft, message preview, file name) and a colleague's name, invitation note and quick
phrase; then every QLabel, QMessageBox and tooltip (widgets and models' ToolTipRole) of every
window is walked generically, so a label added later without the helper fails here too."""

from __future__ import annotations

import contextlib
import html
import re
import resource
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QToolTip

from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.common.plain import RICH_PROPERTY, plain_tooltip
from jivo_desktop.ui.notifications.invitation_toast import visible_cards
from server import protocol as p
from tests.desktop.test_windows import _signed_in_app
from tests.server.test_files import visitor_upload
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

MARKUP = (
    '<img src="/dev/zero"><h1>H</h1><font size=6 color=red>F</font>'
    '<a href="https://evil.example">A</a>'
)
# File names may not hold "/": the same tags without it.
FILE_MARKUP = "<img src=zero><h1>H<font color=red>F<a href=x>A.txt"
RAW_TAGS = ("<img", "<h1", "<font", "<a href")
TIP_PREFIX = "<p style='white-space:pre-wrap'>"


@contextlib.contextmanager
def address_space_cap(extra: int = 1536 * 1024 * 1024) -> Iterator[None]:
    """An ``<img src="/dev/zero">`` that Qt renders reads memory until an allocation fails:
    cap this process so that it aborts the test instead of eating the shared machine."""
    status = Path("/proc/self/status").read_text()
    vm_kib = int(next(line for line in status.splitlines() if line.startswith("VmSize")).split()[1])
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = vm_kib * 1024 + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def tooltip_is_plain(tip: str) -> bool:
    """Qt shows a tooltip as rich text when ``mightBeRichText``; then it must be the helper's
    escaped form (no tag of ours inside)."""
    if not tip or not GuiQt.mightBeRichText(tip):
        return True
    if not (tip.startswith(TIP_PREFIX) and tip.endswith("</p>")):
        return False
    return "<" not in tip[len(TIP_PREFIX) : -len("</p>")]


def model_tooltips(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    tips = []
    root = QModelIndex()
    columns = 1  # list models keep columnCount private
    while columns < 64 and model.index(0, columns, root).isValid():
        columns += 1
    for row in range(model.rowCount(root)):
        for column in range(columns):
            tip = model.index(row, column, root).data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                tips.append(str(tip))
    return tips


def walk_everything() -> tuple[list[str], list[str], list[str]]:
    """Every label and tooltip of every widget that exists: (problems, tooltips, label texts)."""
    problems: list[str] = []
    tips: list[str] = []
    labels: list[str] = []
    for widget in QApplication.allWidgets():
        where = f"{type(widget).__name__}#{widget.objectName()} in {type(widget.window()).__name__}"
        if isinstance(widget, QLabel) and widget.text():
            labels.append(widget.text())
            if widget.property(RICH_PROPERTY):  # one link of ours around escaped text, or none
                text = widget.text()
                if "<" in text and not re.fullmatch(r'<a href="[^"<>]*">[^<>]*</a>', text):
                    problems.append(f"rich label with raw markup: {where}: {widget.text()!r}")
            elif widget.textFormat() != Qt.TextFormat.PlainText:
                problems.append(f"label not plain: {where}: {widget.text()[:80]!r}")
        if isinstance(widget, QMessageBox) and widget.textFormat() != Qt.TextFormat.PlainText:
            problems.append(f"message box not plain: {where}")
        own = [widget.toolTip()] if widget.toolTip() else []
        if isinstance(widget, QAbstractItemView):
            own += model_tooltips(widget)  # item widgets' tooltips too (their models)
        for tip in own:
            tips.append(tip)
            if not tooltip_is_plain(tip):
                problems.append(f"tooltip rich: {where}: {tip[:80]!r}")
    return problems, tips, labels


def test_plain_tooltip_escapes_only_what_qt_would_render() -> None:
    """Finding 1: the tooltip helper: text Qt would take for HTML comes back escaped."""
    assert plain_tooltip("https://shop.example/?a=1&b=2") == "https://shop.example/?a=1&b=2"
    tip = plain_tooltip(MARKUP)
    assert tooltip_is_plain(tip) and html.unescape(tip[len(TIP_PREFIX) : -4]) == MARKUP


async def test_markup_in_every_field_stays_plain_in_every_window(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """Finding 1: markup fed through every visitor field and a colleague's name, note and
    quick phrase shows as plain text in every QLabel, QMessageBox and tooltip of the main
    window (inbox, client panel, archive, visitors and team pages), the chat toast, the
    invitation toast and the leave/block dialogs; the app renders all of it and survives."""
    colleague_name = "Eve " + MARKUP
    await relay.add_agent("eve@example.com", "colleague-pass-1", colleague_name)
    eve = AgentClient(relay.ws_url)
    await eve.sign_in("eve@example.com", "colleague-pass-1")
    await eve.save_phrase("evil", MARKUP)
    # Eve's own chat, taken before Ana comes online, to invite Ana into later.
    other = Visitor(relay.ws_url, relay.site_key)
    await other.connect()
    await other.answer(other.send_frame(lambda i: p.SetContact(id=i, name="Bo " + MARKUP)))
    await other.say("hi " + MARKUP)
    offered = await eve.wait_for_type(p.ChatOffered)
    await eve.accept(offered.chat.id)
    await eve.set_status("away")  # Ana's visitors are offered to Ana alone

    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 760)
    inbox = window.inbox
    ana_id = app.session.agent.id  # type: ignore[union-attr]

    # A visitor with markup everywhere.
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/?q=" + MARKUP)
    assert visitor.ws is not None
    await visitor.ws.send(
        p.encode(
            p.PageView(
                url="https://shop.example/item?q=" + MARKUP,
                title=MARKUP,
                referrer="https://ref.example/?q=" + MARKUP,
                utm=p.Utm(source=MARKUP, campaign=MARKUP),
            )
        )
    )
    contact = p.SetContact
    await visitor.answer(
        visitor.send_frame(
            lambda i: contact(
                id=i, name="Ann " + MARKUP, email="ann@example.com " + MARKUP, phone="+44 " + MARKUP
            )
        )
    )
    await visitor.say("preview " + MARKUP)
    await until(lambda: app.chats.waiting())
    chat_id = app.chats.waiting()[0].id
    toast = await until(lambda: app.toasts.toasts.get(chat_id))
    await until(lambda: toast.isVisible())

    with address_space_cap():
        toast.grab()
        problems, _tips, _labels = walk_everything()
        assert problems == []
        assert any(t in toast.name.text() for t in RAW_TAGS)  # shown, literally

        assert await app.chats.accept_async(chat_id)
        await until(lambda: inbox.conversation.composer.isEnabled())
        site_id = app.chats.chat(chat_id).info.site_id  # type: ignore[union-attr]
        assert site_id is not None
        await relay.relay.set_sneak_peek(site_id, True)
        await visitor.send_raw(p.encode(p.Draft(text="draft " + MARKUP)))
        # Elided on the left when long: its end shows, literally.
        await until(lambda: 'evil.example">A</a>' in inbox.conversation.typing_label.text())
        assert isinstance(await visitor_upload(visitor, FILE_MARKUP, b"hello"), p.FileStored)
        await until(lambda: any(m.file for m in app.chats.chat(chat_id).messages))  # type: ignore[union-attr]
        await until(lambda: "<h1>" in inbox.client_panel.fields["email"].text())
        inbox.client_panel.fields["page"].linkActivated.emit("history")  # navigation history

        # A file that cannot be saved: the problem banner names it.
        file_message = next(m for m in app.chats.chat(chat_id).messages if m.file)  # type: ignore[union-attr]
        assert file_message.file is not None
        app.files.save_file(file_message.file, data_dir / "missing-folder" / "x.txt")
        await until(lambda: window.problem.isVisible())

        # The colleague invites Ana into her chat: the invitation toast.
        await eve.invite(offered.chat.id, ana_id, note="note " + MARKUP)
        await until(lambda: visible_cards(app.invitation_toasts))

        # Quick phrase popup and manager, leave and block questions.
        inbox.conversation.composer.setFocus()
        inbox.conversation.composer.setPlainText("/evi")
        cursor = inbox.conversation.composer.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        inbox.conversation.composer.setTextCursor(cursor)
        await until(lambda: inbox.findChild(QAbstractItemView, "PhrasePopup").count() > 0)
        inbox.conversation.chat_actions_bar.open_phrases()
        inbox.conversation.leave.click()
        await until(
            lambda: (
                inbox.conversation.leave_dialog is not None
                and inbox.conversation.leave_dialog.isVisible()
            )
        )
        inbox.conversation.chat_actions_bar.confirm_block()
        await until(lambda: inbox.conversation.chat_actions_bar.block_box.isVisible())
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.grab()
        problems, tips, labels = walk_everything()
        assert problems == []
        inbox.conversation.chat_actions_bar.block_box.reject()
        inbox.conversation.leave_dialog.reject()  # type: ignore[union-attr]
        inbox.conversation.chat_actions_bar.open_invite()  # the colleagues, Eve among them

        # A closed chat in the archive, the visitors page (V1) and an invitation (V2).
        inbox.conversation.composer.clear()
        closed = Visitor(relay.ws_url, relay.site_key)
        await closed.connect()
        await closed.answer(closed.send_frame(lambda i: p.SetContact(id=i, name="Cy " + MARKUP)))
        await closed.say("bye " + MARKUP)
        closed_id = await until(lambda: [c.id for c in app.chats.waiting()][:1])
        assert await app.chats.accept_async(closed_id[0])
        app.chats.close_chat(closed_id[0])
        await until(lambda: closed_id[0] not in app.chats.chats)
        inbox.show_archive.setChecked(True)
        inbox.archive.search()
        await until(lambda: any(c.id == closed_id[0] for c in inbox.archive.results))
        inbox.archive.open(closed_id[0])
        await until(lambda: "<h1>" in inbox.archive_panel.header.text())
        window.grab().save(str(artifacts / "desktop-plain-archive.png"))

        window.nav.setCurrentRow(window.PAGES.index("visitors"))
        page = window.visitors_page
        await until(lambda: page.row_of(visitor.visitor_id or 0) >= 0)
        page.visitors.invite(visitor.visitor_id or 0, "Hello")
        await until(lambda: "<h1>" in page.note.text())
        window.grab().save(str(artifacts / "desktop-plain-visitors.png"))
        window.nav.setCurrentRow(window.PAGES.index("team"))
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.grab()

        problems, more_tips, more_labels = walk_everything()
        assert problems == []
        tips += more_tips
        labels += more_labels
        for tip in tips:  # every tooltip rendered once: nothing of ours loads or aborts
            QToolTip.showText(QPoint(20, 20), tip, window)
            qapp.processEvents()
        QToolTip.hideText()

    shown = set(labels)
    # The markup did reach every field, and shows literally (the test is not vacuous).
    for wanted in ("Ann ", "ann@example.com ", "+44 ", "note ", "Eve ", "Cy "):
        assert any(wanted in text and "<h1>" in text for text in shown), wanted
    assert any("<h1>H<font" in text for text in shown)  # the file name (problem banner)
    assert any(MARKUP in tooltip_text_of(tip) for tip in tips)  # page URL, referrer, phrase
    window.grab().save(str(artifacts / "desktop-plain-text.png"))
    for v in (visitor, other, closed):
        await v.close()
    await eve.close()
    await app.shutdown()


def tooltip_text_of(tip: str) -> str:
    if tip.startswith(TIP_PREFIX) and tip.endswith("</p>"):
        return html.unescape(tip[len(TIP_PREFIX) : -len("</p>")])
    return tip

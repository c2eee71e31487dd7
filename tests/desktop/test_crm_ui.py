"""Issue 17 in the app, against a real relay: the CRM page (Clientes with the card, Tareas
with overdue marked, Embudo de ventas as a board with the sum and count per column), the
reminder toast (Open / Snooze / Done; Open brings up the chat), Tratos/Tareas in the client
panel, and Ajustes → Configurar CRM. Screenshots of the list, the card, the board and the
toast in the four languages go to tests/artifacts/."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.crm.task_form import TaskDialog
from server import protocol as p
from tests.desktop.test_i18n import translations  # noqa: F401 - the fixture
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

TAB_TITLE = {"en": "Clients", "es": "Clientes", "pt": "Clientes", "ru": "Клиенты"}


async def _boss(relay: RelayHandle) -> AgentClient:
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await boss.wait_synced()
    return boss


async def _funnel(boss: AgentClient) -> p.FunnelInfo:
    answer = await boss.request(
        lambda i: p.SaveFunnel(
            id=i,
            name="Ventas",
            stages=[p.StageEdit(name="Nuevo"), p.StageEdit(name="Propuesta")],
        )
    )
    assert isinstance(answer, p.CrmSettings)
    return answer.funnels[-1]


def _choose(combo: Any, data: object) -> None:
    """Pick a filter as a click does (``activated``)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


async def _filters_by_owner_tag_and_stage(boss: AgentClient, clients: Any, client_id: int) -> None:
    """R1: Clientes filters by owner (anyone / mine / nobody's / a colleague), tag (set on the
    card) and funnel stage, each answered by the relay (ListClients)."""
    other = await boss.request(lambda i: p.SaveFunnel(
        id=i, name="Mayorista", stages=[p.StageEdit(name="Contacto"), p.StageEdit(name="Oferta")],
    ))  # fmt: skip
    assert isinstance(other, p.CrmSettings)
    contact, offer = other.funnels[-1].stages[:2]
    card = clients.card  # the tag typed on the card (Lucía's, open)
    assert card.card is not None and card.card.client.id == client_id
    card.tags.setText(" vip, vip ,")
    assert card.tag_list() == ["vip"]
    QTest.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: [c.tags for c in clients.crm.clients if c.id == client_id] == [["vip"]])
    deal = await boss.request(lambda i: p.SaveDeal(
        id=i, title="Pedido", funnel_id=other.funnels[-1].id, stage_id=offer.id,
        client_id=client_id,
    ))  # fmt: skip
    assert isinstance(deal, p.DealSaved)
    await until(lambda: clients.stage.findData(offer.id) >= 0)
    assert clients.stage.itemText(clients.stage.findData(offer.id)) == "Mayorista · Oferta"
    assert boss.welcome is not None
    boss_id = boss.welcome.agent.id
    await until(lambda: clients.owner.findData(boss_id) >= 0)  # a colleague to choose
    for owner, count in (("me", 0), (boss_id, 0), (0, 1), ("any", 1)):
        _choose(clients.owner, owner)  # Lucía is nobody's
        await until(lambda count=count: clients.list.count() == count)
    clients.tag.setText("otro")
    await until(lambda: clients.list.count() == 0)
    clients.tag.setText("vip")
    await until(lambda: clients.list.count() == 1)
    clients.tag.clear()
    for stage, count in ((contact.id, 0), (offer.id, 1), (None, 1)):
        _choose(clients.stage, stage)
        await until(lambda count=count: clients.list.count() == count)


async def test_r1_r2_r3_crm_page_board_drag_and_reminder_toast_in_four_languages(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path,
    translations: Path,  # noqa: F811
) -> None:  # fmt: skip
    """R1: a visitor who gave its contact is in Clientes, found by search; its card shows the
    details and the timeline (plain text). R3: a deal added on the board shows in the first
    column with the count and the sum; dropped on "Won" it moves there on the relay and the
    admin's second session gets it live. R2: a task due in a moment shows the reminder toast
    on time; overdue tasks stand out in Tareas; Open brings up the client's card. Pictures
    of the list, card, board and toast in en, es, pt, ru."""
    boss = await _boss(relay)
    funnel = await _funnel(boss)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    request_id = visitor.send_frame(
        lambda i: p.SetContact(id=i, name="Lucía <b>Pérez</b>", email="lucia@shop.example",
                               phone="+34 600 111 222")
    )  # fmt: skip
    assert isinstance(await visitor.answer(request_id), p.Ok)
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    crm, page = app.crm, window.crm_page
    try:
        window.nav.setCurrentRow(1)
        assert window.pages.currentWidget() is page
        clients = page.clients
        clients.search.setText("lucí")
        await until(lambda: clients.list.count() == 1)
        assert clients.list.item(0).text().startswith("Lucía <b>Pérez</b>")  # plain text
        clients.list.setCurrentRow(0)
        card = clients.card
        await until(lambda: card.card is not None)
        assert card.edits["email"].text() == "lucia@shop.example"
        assert card.title.textFormat() == Qt.TextFormat.PlainText
        client_id = crm.clients[0].id
        await _filters_by_owner_tag_and_stage(boss, clients, client_id)
        clients.list.setCurrentRow(0)

        # R3: the board.
        await until(lambda: crm.funnel() is not None and crm.funnel().id == funnel.id)  # type: ignore[union-attr]
        page.show_tab("board")
        board = page.board
        await until(lambda: len(board.columns) == 4)
        board.new_title.setText("Tienda online")
        board.new_value.setText("1250,50")
        QTest.mouseClick(board.add_button, Qt.MouseButton.LeftButton)
        new, _offer, won, _lost = funnel.stages
        await until(lambda: board.columns[new.id].count() == 1)
        assert "deals: 1 ·" in board.headers[new.id].text()
        assert "1 250.50 EUR" in board.headers[new.id].text()
        (deal,) = crm.deals.values()
        board.columns[won.id].drop_deal(deal.id)  # what a drop on the column calls
        await until(lambda: board.columns[won.id].count() == 1)
        pushed = await boss.wait_for(
            lambda f: isinstance(f, p.DealChanged) and f.deal.stage_id == won.id
        )
        assert pushed.deal.value_minor == 125050
        lost = funnel.stages[3]
        board.columns[lost.id].drop_deal(deal.id)  # "lost" asks why first
        dialog = await until(lambda: board.lost_dialog)
        dialog.setTextValue("Eligió otra tienda")
        dialog.accept()
        await until(lambda: board.columns[lost.id].count() == 1)
        assert crm.deals[deal.id].lost_reason == "Eligió otra tienda"
        board.columns[won.id].drop_deal(deal.id)
        await until(lambda: board.columns[won.id].count() == 1)

        # R2: a reminder on time, overdue marked, Open shows the client.
        crm.save_task(title="Llamar a Lucía", due_at=time.time() + 1.0, client_id=client_id)
        crm.save_task(title="Escribir a Lucía", due_at=time.time() + 0.5, client_id=client_id,
                      notify=False)  # fmt: skip
        toasts = app.reminder_toasts
        await until(lambda: len(toasts.cards) == 1, timeout=15)
        (toast,) = toasts.cards.values()
        assert toast.title.text() == "Llamar a Lucía" and toast.isVisible()
        page.show_tab("tasks")
        tasks = page.tasks
        tasks.fill()
        await until(lambda: tasks.list.count() == 2)
        assert all(tasks.list.item(i).text().startswith("Overdue") for i in range(2))

        crm.open_client(client_id)  # the card again: its timeline has the tasks now
        await until(lambda: card.card is not None and len(card.card.timeline) >= 3)
        shots = {"list": 0, "card": 0, "board": 2, "tasks": 1}
        for language in ("en", "es", "pt", "ru"):
            app.settings.set_language(language)
            title = TAB_TITLE[language]
            await until(lambda title=title: page.tabs.tabText(0) == title)
            qapp.processEvents()
            for name, tab in shots.items():
                page.tabs.setCurrentIndex(tab)
                if name == "card":
                    clients.list.setCurrentRow(0)
                qapp.processEvents()
                window.grab().save(str(artifacts / f"crm-{name}-{language}.png"))
            task = toast.task
            toasts._on_crm_reminder_due(task)  # the card again, in this language
            toast = toasts.cards[task.id]
            qapp.processEvents()
            toast.grab().save(str(artifacts / f"crm-reminder-toast-{language}.png"))
        app.settings.set_language("en")
        await until(lambda: page.tabs.tabText(2) == "Sales funnel")

        QTest.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
        assert not toasts.cards
        # Lucía never chatted: Open shows her card.
        await until(lambda: window.pages.currentWidget() is page and page.tabs.currentIndex() == 0)
        await until(lambda: card.card is not None and card.card.client.id == client_id)
    finally:
        await visitor.close()
        await boss.close()
        await app.shutdown()


async def test_c6_deal_and_task_from_the_client_panel_and_reminder_opens_the_chat(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C6: in a chat, the client panel's Tratos/Tareas make a deal and a task in one step
    with the client (and the chat) filled in; R2: a task on the chat due in a moment fires
    its reminder, and Open brings that chat up in Centro de Atención."""
    boss = await _boss(relay)
    await _funnel(boss)
    await boss.close()
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    try:
        await visitor.say("Quiero un presupuesto")
        await until(lambda: app.chats.waiting())
        chat = app.chats.waiting()[0]
        app.chats.accept(chat.id)
        await until(lambda: app.chats.current == chat.id)
        box = window.inbox.client_panel.crm_box
        assert box is not None
        await until(lambda: box.client is not None and box.add_deal.isEnabled())
        await until(lambda: app.crm.funnel() is not None)
        problems: list[str] = []
        app.crm.problem.connect(problems.append)
        box.deal_title.setText("Presupuesto")
        box.deal_value.setText("300")
        QTest.mouseClick(box.add_deal, Qt.MouseButton.LeftButton)
        await until(lambda: box.deals.count() == 1 or problems)
        assert not problems
        box.task_title.setText("Enviar presupuesto")
        QTest.mouseClick(box.add_task, Qt.MouseButton.LeftButton)
        await until(lambda: box.tasks.count() == 1)
        client_id = box.client.id
        box.task_title.setText("Revisar pedido")  # the whole form: the one Tareas edits with
        QTest.mouseClick(box.task_more, Qt.MouseButton.LeftButton)
        form = box.task_dialog
        assert isinstance(form, TaskDialog) and form.title.text() == "Revisar pedido"
        form.note.setPlainText("Con IVA")
        form.accept()
        await until(lambda: box.tasks.count() == 2)
        (noted,) = [t for t in app.crm.tasks.values() if t.title == "Revisar pedido"]
        assert (noted.note, noted.client_id, noted.chat_id) == ("Con IVA", client_id, chat.id)
        app.crm.complete_task(noted.id)
        await until(lambda: box.tasks.count() == 1)
        (deal,) = [d for d in app.crm.deals.values() if d.client_id == client_id]
        assert deal.value_minor == 30000
        (task,) = [t for t in app.crm.tasks.values() if t.client_id == client_id and not t.done]
        assert task.chat_id == chat.id
        window.grab().save(str(artifacts / "crm-client-panel.png"))

        window.nav.setCurrentRow(1)  # somewhere else when the reminder comes
        app.crm.save_task(title="Llamar ya", due_at=time.time() + 1.0, client_id=client_id,
                          chat_id=chat.id)  # fmt: skip
        await until(lambda: len(app.reminder_toasts.cards) == 1, timeout=15)
        (toast,) = app.reminder_toasts.cards.values()
        QTest.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
        await until(lambda: window.pages.currentWidget() is window.inbox)
        assert app.chats.current == chat.id

        # R2: a task on the client alone: Open brings up the client's newest chat, not the
        # card (as JivoChat: the chat opens by itself); once closed, in the archive.
        toasts, archive = app.reminder_toasts, window.inbox.archive
        for closed in (False, True):
            window.nav.setCurrentRow(1)
            app.chats.select(0)
            app.crm.save_task(title=f"Sin chat {closed}", due_at=time.time() + 1.0,
                              client_id=client_id)  # fmt: skip
            await until(lambda: len(toasts.cards) == 1, timeout=15)
            (toast,) = toasts.cards.values()
            assert toast.task.chat_id is None
            QTest.mouseClick(toast.open_button, Qt.MouseButton.LeftButton)
            await until(lambda: window.pages.currentWidget() is window.inbox)
            if not closed:
                await until(lambda: app.chats.current == chat.id)
                assert window.crm_page.clients.card.card is None  # not the card
                app.chats.close_chat(chat.id)
                await until(lambda: app.chats.chat(chat.id) is None)
            else:
                await until(lambda: archive.chat_id == chat.id and archive.messages)
                assert window.inbox.views.currentWidget() is window.inbox.archive_panel
    finally:
        await visitor.close()
        await app.shutdown()


async def test_r2_task_edited_from_tareas_in_the_client_panels_task_form(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """R2: in Tareas an agent changes a task (title, due, assignee, note, notify) in the same
    task form the client panel makes tasks with (double-click or Edit); the relay has it."""
    boss = await _boss(relay)
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    try:
        due = time.time() + 3600
        app.crm.save_task(title="Llamar", due_at=due, note="")
        page = window.crm_page
        window.nav.setCurrentRow(1)
        page.show_tab("tasks")
        tasks = page.tasks
        await until(lambda: tasks.list.count() == 1)
        (task,) = app.crm.tasks.values()
        assert not tasks.edit_button.isEnabled()
        tasks.list.setCurrentRow(0)
        QTest.mouseClick(tasks.edit_button, Qt.MouseButton.LeftButton)
        form = tasks.edit_dialog
        assert isinstance(form, TaskDialog) and form.isVisible()
        assert (form.title.text(), form.notify.isChecked()) == ("Llamar", True)
        assert form.fields()["due_at"] == task.due_at  # unchanged: kept to the second
        qapp.processEvents()
        form.grab().save(str(artifacts / "crm-task-form.png"))
        form.title.setText("Llamar a Lucía")
        form.note.setPlainText("Pregunta por el <b>envío</b>")
        form.notify.setChecked(False)
        form.due.setDateTime(form.due.dateTime().addDays(1))
        assert boss.welcome is not None
        boss_id = boss.welcome.agent.id
        form.assignee.setCurrentIndex(form.assignee.findData(boss_id))
        saved: list[Any] = []
        app.crm.saved.connect(lambda _kind, record: saved.append(record))
        QTest.mouseClick(
            form.buttons.button(form.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        await until(lambda: saved)
        listed = await boss.request(lambda i: p.ListTasks(id=i))  # on the relay
        assert isinstance(listed, p.TaskList)
        (changed,) = [t for t in listed.tasks if t.id == task.id]
        assert (changed.title, changed.note) == ("Llamar a Lucía", "Pregunta por el <b>envío</b>")
        assert (changed.notify, changed.assignee_id) == (False, boss_id)
        assert abs(changed.due_at - (task.due_at + 86400)) < 60
    finally:
        await boss.close()
        await app.shutdown()


async def test_k4_configure_crm_funnel_stages_fields_and_visibility(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """K4: Ajustes → Configurar CRM (an admin): a funnel made with two stages (reordered) and
    a time limit, a list custom field (then a row of the client card, saved with it), and
    "agents see their own clients" all reach the relay; the section is hidden for agents."""
    from PySide6.QtWidgets import QComboBox

    from jivo_desktop.app import DesktopApp
    from jivo_desktop.ui.settings.crm_settings import CrmSettingsSection

    app = DesktopApp(qapp, data_dir)
    app.start()
    sign_in = app.sign_in_window
    sign_in.relay.setText(relay.http_url)
    sign_in.email.setText(relay.admin_email)
    sign_in.password.setText(relay.admin_password)
    QTest.mouseClick(sign_in.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    window = app.main_window
    try:
        settings = window.settings_page
        window.nav.setCurrentRow(window.pages.indexOf(settings))
        await until(lambda: app.account.is_admin)
        settings.show_section("crm")
        section = await until(lambda: settings.sections.get("crm"))
        assert isinstance(section, CrmSettingsSection)
        section.funnel_name.setText("Ventas")
        for name in ("Propuesta", "Nuevo"):
            section.stage_name.setText(name)
            QTest.mouseClick(section.add_stage, Qt.MouseButton.LeftButton)
        section.stages.setCurrentRow(1)
        QTest.mouseClick(section.up, Qt.MouseButton.LeftButton)  # Nuevo first
        section.stage_limit.setValue(48)
        QTest.mouseClick(section.save_funnel, Qt.MouseButton.LeftButton)
        await until(lambda: app.crm.funnels)
        (funnel,) = app.crm.funnels
        assert [(s.name, s.kind, s.time_limit_hours) for s in funnel.stages] == [
            ("Nuevo", "open", 48), ("Propuesta", "open", 0), ("Won", "won", 0),
            ("Lost", "lost", 0),
        ]  # fmt: skip
        section.field_label.setText("Plan")
        section.field_kind.setCurrentIndex(section.field_kind.findData("list"))
        section.field_options.setText("Básico, Pro")
        QTest.mouseClick(section.add_field, Qt.MouseButton.LeftButton)
        await until(lambda: app.crm.fields)
        assert app.crm.fields[0].options == ["Básico", "Pro"]
        # R1/K4: the field is a row of the client card, saved with the client.
        app.crm.save_client(None, name="Eva")
        await until(lambda: app.crm.clients)
        eva = app.crm.clients[0]
        card = window.crm_page.clients.card
        app.crm.open_client(eva.id)
        await until(lambda: card.card is not None and card.card.client.id == eva.id)
        field_id = app.crm.fields[0].id
        plan = card.custom[field_id]
        assert isinstance(plan, QComboBox)
        plan.setCurrentIndex(plan.findData("Pro"))
        QTest.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: app.crm.clients[0].custom.get(field_id) == "Pro")
        section.visibility.setCurrentIndex(1)
        section.visibility.activated.emit(1)
        await until(lambda: app.crm.clients_visibility == "own")
        qapp.processEvents()
        window.grab().save(str(artifacts / "crm-settings.png"))
        app.account.admin_changed.emit(False)  # as for an agent: the section goes
        crm_row = settings._keys.index("crm")
        assert settings.nav.item(crm_row).isHidden()
    finally:
        await app.shutdown()

"""The desktop side of routing: the Agents list of Centro de Atención (C1), Equipo's admin menu
(T3/T4) and the site's routing settings in Ajustes → Canales (K1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.waiting import until


async def _signed_in_app(
    qapp: Any, relay: RelayHandle, data_dir: Path, *, admin: bool = False
) -> DesktopApp:
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    window.relay.setText(relay.http_url)
    window.email.setText(relay.admin_email if admin else relay.agent_email)
    window.password.setText(relay.admin_password if admin else relay.agent_password)
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    return app


async def test_c1_agents_list_in_inbox_opens_a_chat_with_the_colleague(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """C1: clicking a colleague in the Agents list on the left of Centro de Atención opens a
    chat with them ("Puede chatear con sus colegas al igual que con sus visitantes"), as the
    team page does."""
    app = await _signed_in_app(qapp, relay, data_dir)
    inbox = app.main_window.inbox
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await until(
        lambda: any("Boss" in inbox.agents.item(i).text() for i in range(inbox.agents.count()))
    )
    row = next(i for i in range(inbox.agents.count()) if "Boss" in inbox.agents.item(i).text())
    inbox.agents.itemClicked.emit(inbox.agents.item(row))
    await until(lambda: app.chats.current and app.chats.chat(app.chats.current).direct)
    assert inbox.conversation.header_name.text() == "Boss"
    opened = await boss.wait_for_type(p.ChatOpened)
    assert opened.chat.kind == "direct"
    await boss.close()
    await app.shutdown()


async def _sites(client: AgentClient) -> list[p.SiteInfo]:
    answer = await client.request(lambda i: p.ListSites(id=i))
    assert isinstance(answer, p.SitesList)
    return answer.sites


async def _teammate(client: AgentClient, email: str) -> p.TeammateInfo:
    answer = await client.request(lambda i: p.ListTeammates(id=i))
    assert isinstance(answer, p.TeammatesList)
    return next(m for m in answer.teammates if m.email == email)


async def test_k1_site_routing_is_set_in_ajustes_channels(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """K1: the routing rule, the per-agent limit, the offer time-out, sneak peek and (T4) the
    departments a site routes to are set per site in Ajustes → Canales, not only with
    `jivo-relay site-settings` / `sneak-peek`; the relay stores them."""
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await boss.request(lambda i: p.SaveDepartment(id=i, name="Soporte"))
    app = await _signed_in_app(qapp, relay, data_dir, admin=True)
    window = app.main_window
    window.resize(1180, 740)
    window.nav.setCurrentRow(6)
    settings = window.settings_page
    settings.show_section("channels")
    channels = settings.sections["channels"]
    await until(lambda: channels.list.count() == 1 and channels.departments.count() == 1)
    assert channels.rule.currentData() == "least_busy"  # N3's default
    channels.rule.setCurrentIndex(channels.rule.findData("all"))
    channels.chat_limit.setValue(4)
    channels.offer_timeout.setValue(45)
    channels.sneak_peek.setChecked(True)
    channels.set_department_checked("Soporte", True)
    channels.save_button.click()

    async def stored() -> p.SiteInfo:
        return (await _sites(boss))[0]

    await until(lambda: "saved" in channels.status.text().lower())
    site = await stored()
    assert (site.routing_rule, site.chat_limit, site.offer_timeout, site.sneak_peek) == (
        "all", 4, 45.0, True
    )  # fmt: skip
    assert len(site.department_ids) == 1
    window.grab().save(str(artifacts / "channels-routing.png"))
    await boss.close()
    await app.shutdown()


async def test_t3_admin_changes_an_agents_role_departments_and_limit_from_equipo(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """T3: on Equipo an admin opens an agent's settings from the row's menu ("Si es
    administrador podrá cambiar las configuraciones de sus agentes en este menú") and changes
    the role, the departments (adding one) and the personal chat limit; the relay stores them
    and the row shows the department. T4: a department is removed there too."""
    app = await _signed_in_app(qapp, relay, data_dir, admin=True)
    page = app.main_window.team_page
    await until(lambda: any(m.email == relay.agent_email for m in app.account.team))
    ana_id = next(m.id for m in app.account.team if m.email == relay.agent_email)
    menu = page.menu_for(ana_id)
    assert menu is not None and menu.actions()
    menu.actions()[0].trigger()
    dialog = page.agent_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.new_department.setText("Ventas")
    dialog.add_button.click()
    await until(lambda: dialog.departments.count() == 1)
    dialog.set_department_checked("Ventas", True)
    dialog.limit.setValue(3)
    dialog.role.setCurrentIndex(dialog.role.findData("admin"))
    dialog.grab().save(str(artifacts / "team-agent-settings.png"))
    dialog.buttons.accepted.emit()
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)

    async def saved() -> bool:
        mate = await _teammate(boss, relay.agent_email)
        return mate.role == "admin" and mate.chat_limit == 3 and len(mate.department_ids) == 1

    await until(lambda: "Ventas" in page.list.item(
        next(i for i in range(page.list.count()) if "Ana" in page.list.item(i).text())
    ).text())  # fmt: skip
    assert await saved()
    # A department is removed from the same dialog.
    menu = page.menu_for(ana_id)
    assert menu is not None
    menu.actions()[0].trigger()
    dialog = page.agent_dialog
    assert dialog is not None
    dialog.departments.setCurrentRow(0)
    dialog.remove_button.click()
    await until(lambda: dialog.departments.count() == 0)
    assert (await _teammate(boss, relay.agent_email)).department_ids == []
    dialog.reject()
    await boss.close()
    await app.shutdown()


async def test_t3_an_agents_equipo_has_no_settings_menu(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """T3: only admins get the agent settings menu on Equipo (the relay refuses the change to
    agents anyway, tests/server/test_departments.py)."""
    app = await _signed_in_app(qapp, relay, data_dir)
    page = app.main_window.team_page
    await until(lambda: app.team.agents)
    boss_id = next(a.id for a in app.team.agents.values() if a.name == "Boss")
    assert page.menu_for(boss_id) is None
    assert page.edit_agent(boss_id) is None
    await app.shutdown()


async def test_t4_transfer_lists_colleagues_by_department(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """T4: the transfer dialog lists the colleagues under their departments, so "un compañero
    de otro departamento" is found by department."""
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    answer = await boss.request(lambda i: p.SaveDepartment(id=i, name="Ventas"))
    assert isinstance(answer, p.DepartmentsList)
    sales = answer.departments[0].id
    assert boss.welcome is not None
    boss_id = boss.welcome.agent.id
    await boss.request(lambda i: p.UpdateAgent(id=i, agent_id=boss_id, department_ids=[sales]))
    app = await _signed_in_app(qapp, relay, data_dir)
    await until(lambda: app.team.departments_of(boss_id))
    from jivo_desktop.ui.inbox.colleague_dialog import ColleagueDialog

    dialog = ColleagueDialog("transfer", app.actions, app.team)
    dialog.show()
    await until(lambda: dialog.department_titles() == ["Ventas"])
    assert dialog.selected_agent() == boss_id
    dialog.grab().save(str(artifacts / "transfer-by-department.png"))
    dialog.close()
    await boss.close()
    await app.shutdown()


async def test_t4_canales_says_where_departments_are_made(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """T4 (found trying the product): with no department yet, Ajustes → Canales showed an
    empty box under "Departments first"; it now says where departments are made, and shows
    the list once there is one."""
    app = await _signed_in_app(qapp, relay, data_dir, admin=True)
    window = app.main_window
    window.nav.setCurrentRow(6)
    settings = window.settings_page
    settings.show_section("channels")
    channels = settings.sections["channels"]
    await until(lambda: channels.list.count() == 1)
    assert channels.no_departments.isVisibleTo(channels)
    assert "Team" in channels.no_departments.text()
    assert not channels.departments.isVisibleTo(channels)
    window.resize(1180, 740)
    qapp.processEvents()
    window.grab().save(str(artifacts / "channels-no-departments.png"))
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await boss.request(lambda i: p.SaveDepartment(id=i, name="Soporte"))
    await until(lambda: channels.departments.count() == 1)
    assert channels.departments.isVisibleTo(channels)
    assert not channels.no_departments.isVisibleTo(channels)
    await boss.close()
    await app.shutdown()

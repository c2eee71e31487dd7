"""G6: the interface language switches at run time, every open window follows, and the windows
look right in all four languages (screenshots in tests/artifacts/)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.main_window import MainWindow
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until
from tests.unit.test_i18n_catalogs import TS_DIR, qt_tool

SIDEBAR = {
    "en": ["Chats", "CRM", "Team", "Phone", "Visitors", "Statistics", "Settings"],
    "es": [
        "Centro de Atención",
        "CRM",
        "Equipo",
        "Teléfono",
        "Visitantes",
        "Estadísticas",
        "Ajustes",
    ],
    "pt": ["Chats", "CRM", "Equipe", "Telefone", "Visitantes", "Estatísticas", "Configurações"],
    "ru": ["Чаты", "CRM", "Команда", "Телефон", "Посетители", "Статистика", "Настройки"],
}


@pytest.fixture
def translations(tmp_path_factory: pytest.TempPathFactory, monkeypatch: Any) -> Iterator[Path]:
    """The .qm files built from the .ts sources (as `make translations` does), and English
    again afterwards whatever the test switched to."""
    out = tmp_path_factory.mktemp("qm")
    for ts in sorted(TS_DIR.glob("jivo_*.ts")):
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: out)
    yield out
    i18n.apply_language("en")


def sidebar(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def cut_off(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs (word-wrapped labels and
    labels the code elides on purpose aside), and sidebar entries wider than the sidebar."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            text = widget.text()
            if text and widget.width() < widget.minimumSizeHint().width():
                problems.append(f"{type(widget).__name__} {text!r}: {widget.width()} px")
    if isinstance(root, MainWindow):
        metrics = QFontMetrics(root.nav.font())
        room = root.nav.viewport().width() - 2 * 14  # the items' padding in style.py
        for text in sidebar(root):
            if metrics.horizontalAdvance(text) > room:
                problems.append(f"sidebar {text!r}")
    return problems


async def _signed_in(qapp: Any, relay: RelayHandle, data_dir: Path) -> DesktopApp:
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    window.relay.setText(relay.http_url)
    window.email.setText(relay.agent_email)
    window.password.setText(relay.agent_password)
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    return app


async def test_G6_switching_language_retranslates_open_windows(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, translations: Path
) -> None:
    """G6: switching to Spanish at run time re-translates the open main window (the guide's
    words in the sidebar), the tray menu and the sign-in window; back to English likewise;
    the choice is stored and used at the next start."""
    app = await _signed_in(qapp, relay, data_dir)
    window = app.main_window
    assert sidebar(window) == SIDEBAR["en"]

    assert i18n.set_language(app.store, "es") == "es"
    await until(lambda: sidebar(window) == SIDEBAR["es"])
    assert window.sign_out_button.text() == "Cerrar sesión"
    assert window.status_switch.text() == "● En línea"
    assert window.connection.text() == "Conectado"
    assert window.inbox.conversation.accept_button.text() == "Aceptar"
    assert window.team_page.heading.text() == "Equipo"
    visitors_page = window.pages.widget(4)
    assert visitors_page is window.visitors_page
    assert visitors_page.heading.text() == "Visitantes"
    assert visitors_page.model.headerData(0, Qt.Orientation.Horizontal) == "Visitante"
    assert window.inbox.client_panel.captions["isp"].text() == "Proveedor de Internet"
    assert [a.text() for a in app.tray.menu.actions() if a.text()] == [
        "Abrir",
        "En línea",
        "Ausente",
        "Cerrar sesión",
        "Salir",
    ]
    assert app.sign_in_window.button.text() == "Iniciar sesión"
    assert app.store.get(i18n.SETTING) == "es"

    assert i18n.set_language(app.store, "en") == "en"
    await until(lambda: sidebar(window) == SIDEBAR["en"])
    assert window.sign_out_button.text() == "Sign out"
    assert app.tray.open_action.text() == "Open"
    assert app.sign_in_window.button.text() == "Sign in"

    app.store.set(i18n.SETTING, "ru")
    await app.shutdown()
    again = DesktopApp(qapp, data_dir)
    assert i18n.current_language() == "ru"
    assert sidebar(again.main_window) == SIDEBAR["ru"]
    await again.shutdown()


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_G6_windows_in_each_language_screenshots(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,
    artifacts: Path,
    lang: str,
) -> None:
    """G6: the sign-in window and the main window (a waiting chat open) in each language,
    nothing cut off; screenshots desktop-<lang>-sign-in.png / desktop-<lang>-main.png."""
    store = LocalStore(data_dir / "local.db")
    store.set(i18n.SETTING, lang)  # chosen earlier: the app starts in it
    store.close()
    app = DesktopApp(qapp, data_dir)
    assert i18n.current_language() == lang
    sign_in = app.sign_in_window
    sign_in.resize(sign_in.sizeHint())
    app.start()
    await until(lambda: sign_in.isVisible())
    sign_in_layout = sign_in.layout()
    assert sign_in_layout is not None
    sign_in_layout.activate()
    assert cut_off(sign_in) == []
    sign_in.grab().save(str(artifacts / f"desktop-{lang}-sign-in.png"))
    await app.shutdown()

    app = await _signed_in(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/item/7")
    request_id = visitor.send_frame(lambda rid: p.SetContact(id=rid, name="Marta"))
    await visitor.answer(request_id)
    await visitor.say("Hola, ¿tienen envío a Lima?")
    await until(lambda: len(app.chats.waiting()) == 1)
    app.chats.select(app.chats.waiting()[0].id)
    await until(lambda: window.inbox.conversation.offer_bar.isVisible())
    assert sidebar(window) == SIDEBAR[lang]
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    assert layout is not None
    layout.activate()
    assert cut_off(window) == []
    window.grab().save(str(artifacts / f"desktop-{lang}-main.png"))
    window.nav.setCurrentRow(2)
    assert cut_off(window) == []
    window.grab().save(str(artifacts / f"desktop-{lang}-team.png"))
    await visitor.close()
    await app.shutdown()


def test_G6_platform_reasons_follow_the_language(qapp: Any, translations: Path) -> None:
    """G6: the reasons the settings page shows for unavailable OS features (global hotkeys,
    idle time, keychain) are translated, and follow a switch made after they were created."""
    from jivo_desktop import platform as osp
    from jivo_desktop.platform.reason import Reason

    keys = osp.global_hotkeys("Ctrl+R", platform="linux", display_server="wayland")
    idle = osp.idle_source("linux", display_server="wayland")
    failed = Reason("pynput is not usable here: {0}", "No module named 'Xlib'")
    assert keys.reason.startswith("global hotkeys are not possible on Wayland")
    i18n.apply_language("es")
    assert keys.reason == (
        "los atajos globales no son posibles en Wayland; asigne un atajo del escritorio a "
        "`jivo-desktop --accept`"
    )
    assert idle.reason.startswith("el tiempo de inactividad no está disponible en Wayland")
    assert str(failed) == "pynput no se puede usar aquí: No module named 'Xlib'"
    assert failed.english == "pynput is not usable here: No module named 'Xlib'"
    i18n.apply_language("ru")
    assert keys.reason.startswith("глобальные горячие клавиши в Wayland невозможны")
    i18n.apply_language("en")
    assert idle.reason == "idle time is not available on Wayland; auto-away is off"
    keys.deleteLater()


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
def test_G6_toast_and_tray_menu_in_each_language(
    qapp: Any,
    translations: Path,
    artifacts: Path,
    local_store: LocalStore,
    secrets: Any,
    lang: str,
) -> None:
    """G6: the chat-request toast (buttons, then the quick-reply field) and the tray menu in
    each language, nothing cut off; screenshots desktop-<lang>-toast*.png, -tray-menu.png."""
    from jivo_desktop.ui.notifications.chat_toast import ChatToast
    from jivo_desktop.ui.notifications.tray import TrayController

    i18n.apply_language(lang)
    toast = ChatToast(7)
    client = {"en": "Client", "es": "Cliente", "pt": "Cliente", "ru": "Клиент"}[lang]
    toast.set_info(f"{client} 40", "https://shop.example/item/7", "¿Envían a Lima?", "Demo")
    toast.show()
    for layout in (toast.layout(), toast.buttons_panel.layout()):
        assert layout is not None
        layout.activate()
    assert cut_off(toast) == []
    buttons = (toast.accept_button, toast.quick_button, toast.ignore_button)
    assert sum(b.width() for b in buttons) < toast.width()
    toast.grab().save(str(artifacts / f"desktop-{lang}-toast.png"))
    toast.open_reply()
    reply_layout = toast.reply_panel.layout()
    assert reply_layout is not None
    reply_layout.activate()
    assert cut_off(toast) == []
    toast.grab().save(str(artifacts / f"desktop-{lang}-toast-reply.png"))
    toast.close()
    toast.deleteLater()

    from jivo_desktop.services.chats import ChatsService
    from jivo_desktop.services.session import SessionService

    session = SessionService(local_store, secrets)
    chats = ChatsService(session, local_store)
    tray = TrayController(
        session, chats, on_open=lambda: None, on_sign_out=lambda: None, on_quit=lambda: None
    )
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert len(texts) == 5 and all(texts)
    tray.menu.adjustSize()
    tray.menu.grab().save(str(artifacts / f"desktop-{lang}-tray-menu.png"))
    tray.hide()
    tray.menu.deleteLater()

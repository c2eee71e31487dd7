"""Ajustes → the app: settings stored on this computer, applied at once, kept across restarts
(G1, G6, G9, N4), hotkey conflicts refused (G9), and a screenshot of every section."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.services.hotkeys import DEFAULTS, HotkeyConflict, HotkeyService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.common import style
from jivo_desktop.ui.settings.general import GeneralSection
from jivo_desktop.ui.settings.hotkeys import HotkeysSection
from tests.desktop.test_i18n import translations  # noqa: F401  (the fixture)


def _sidebar_colour(app: DesktopApp) -> str:
    window = app.main_window
    window.resize(1180, 740)
    window.show()
    sidebar = window.centralWidget().layout().itemAt(0).widget()
    image = sidebar.grab().toImage()
    return QColor(image.pixel(sidebar.width() // 2, sidebar.height() // 2)).name()


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _pressed(app: DesktopApp, key: Qt.Key, modifiers: Any) -> list[str]:
    """The in-app shortcuts a real key press on the main window fires."""
    window = app.main_window
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)
    fired: list[str] = []
    window.shortcut_activated.connect(fired.append)
    QTest.keyClick(window, key, modifiers)
    window.shortcut_activated.disconnect(fired.append)
    return fired


def _general(app: DesktopApp) -> GeneralSection:
    section = app.main_window.settings_page.sections["general"]
    assert isinstance(section, GeneralSection)
    return section


def _hotkeys(app: DesktopApp) -> HotkeysSection:
    section = app.main_window.settings_page.sections["hotkeys"]
    assert isinstance(section, HotkeysSection)
    return section


async def test_settings_persist_across_restarts_and_take_effect(
    qapp: Any, data_dir: Path, secrets: Any
) -> None:
    """G1 (sidebar colours), N4 (notification type), G6 (language stored), G9 (a changed
    shortcut): each applies the moment it is changed, and again after a restart."""
    app = DesktopApp(qapp, data_dir)
    dark, light = style.SIDEBAR["dark"]["bg"], style.SIDEBAR["light"]["bg"]
    assert _sidebar_colour(app) == dark
    general = _general(app)
    general.light.click()
    assert _sidebar_colour(app) == light  # applied at once, no restart
    general.notification.setCurrentIndex(general.notification.findData("native"))
    assert app.notifications.kind == "native" and not app.toasts.auto
    general.language.setCurrentIndex(general.language.findData("es"))
    assert app.settings.language == "es"
    general.away.setCurrentIndex(general.away.findData(30))  # G3
    assert app.auto_away.minutes == 30
    general.spelling_language.setCurrentIndex(general.spelling_language.findData("pt"))  # G5
    assert app.spelling.language == "pt" and app.spelling.enabled
    general.typing_hints.setChecked(False)  # G2
    assert not app.typing_hints.enabled
    _hotkeys(app).global_accept.setChecked(False)
    assert not app.hotkeys.global_accept
    assert _hotkeys(app).set_shortcut("accept", "Ctrl+Shift+A")
    accept = app.main_window.shortcuts["accept"]
    assert accept.key() == QKeySequence("Ctrl+Shift+A")
    assert _pressed(app, Qt.Key.Key_R, CTRL) == []  # the old key does nothing now
    assert _pressed(app, Qt.Key.Key_A, CTRL | SHIFT) == ["accept"]
    assert app._global_key == "<ctrl>+<shift>+a"  # the global shortcut follows
    await app.shutdown()

    again = DesktopApp(qapp, data_dir)
    try:
        assert _sidebar_colour(again) == light
        general = _general(again)
        assert general.light.isChecked()
        assert again.notifications.kind == "native" and not again.toasts.auto
        assert general.notification.currentData() == "native"
        assert again.settings.language == "es" and general.language.currentData() == "es"
        assert again.main_window.shortcuts["accept"].key() == QKeySequence("Ctrl+Shift+A")
        assert _pressed(again, Qt.Key.Key_A, CTRL | SHIFT) == ["accept"]
        assert _hotkeys(again).edits["accept"].keySequence() == QKeySequence("Ctrl+Shift+A")
        assert general.away.currentData() == 30 and again.auto_away.minutes == 30
        assert general.spelling_language.currentData() == "pt"
        assert not general.typing_hints.isChecked() and not again.typing_hints.enabled
        assert not _hotkeys(again).global_accept.isChecked()
        general.dark.click()
        assert _sidebar_colour(again) == dark
    finally:
        await again.shutdown()
        i18n.apply_language("en")  # (with built .qm files the app switched to Spanish)


def test_hotkey_conflict_is_refused_with_a_message(qtbot: Any, local_store: LocalStore) -> None:
    """G9: a shortcut that another action has is refused, with a message naming that action;
    nothing changes. Reset brings the guide's defaults back."""
    hotkeys = HotkeyService(local_store)
    section = HotkeysSection(hotkeys)
    qtbot.addWidget(section)
    changes: list[tuple[str, str]] = []
    hotkeys.changed.connect(lambda action, seq: changes.append((action, seq)))

    assert not section.set_shortcut("accept", "Ctrl+W")
    assert section.message.isVisibleTo(section)
    assert "Ctrl+W" in section.message.text() and "Close the chat" in section.message.text()
    assert hotkeys.sequence("accept") == "Ctrl+R" and changes == []
    assert section.edits["accept"].keySequence() == QKeySequence("Ctrl+R")
    try:
        hotkeys.set("next", "ctrl+up")  # the same key in another spelling
    except HotkeyConflict as exc:
        assert exc.action == "previous"
    else:
        raise AssertionError("a conflict in another spelling was accepted")

    assert section.set_shortcut("accept", "Ctrl+Shift+R")
    assert not section.message.isVisibleTo(section)
    assert changes == [("accept", "Ctrl+Shift+R")]
    assert section.set_shortcut("close", "Ctrl+R")  # free now
    section.reset.click()
    assert hotkeys.all() == DEFAULTS
    assert section.edits["close"].keySequence() == QKeySequence("Ctrl+W")
    assert HotkeyService(local_store).all() == DEFAULTS  # stored


def _overlaps(section: Any) -> list[str]:
    """Pairs of visible leaf widgets of a section whose rectangles intersect."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    leaves = [
        w
        for w in section.findChildren(QWidget)
        if w.isVisibleTo(section)
        and not w.findChildren(QWidget)
        and w.width() > 0
        and w.parentWidget() is not None
        and type(w).__name__ not in ("QWidget", "QFrame")
    ]
    rects = [(w, QRect(w.mapTo(section, w.rect().topLeft()), w.size())) for w in leaves]
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if ra.intersects(rb):
                found.append(f"{a.objectName() or type(a).__name__} / {type(b).__name__}")
    return found


def _cut_off(section: Any) -> list[str]:
    """Visible labels, buttons and boxes shorter or narrower than their text needs."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    found = []
    for widget in section.findChildren(QLabel) + section.findChildren(QAbstractButton):
        if not widget.isVisibleTo(section) or not widget.text():
            continue  # (a line edit's own clear button has no text)
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                found.append(f"{widget.text()[:30]!r} {widget.height()} < {needed}")
        elif widget.height() < hint.height() or widget.width() < hint.width():
            found.append(f"{widget.text()[:30]!r} {widget.size()} < {hint}")
    for box in section.findChildren(QComboBox):
        if box.isVisibleTo(section) and box.width() < box.minimumSizeHint().width():
            found.append(f"combo {box.currentText()!r}")
    return found


SECTION_TITLES = {
    "en": ["General", "Audio", "Sounds", "Hotkeys", "About"],
    "es": ["General", "Audio", "Sonidos", "Teclas de acceso rápido", "Acerca de"],
    "pt": ["Geral", "Áudio", "Sons", "Teclas de atalho", "Sobre"],
    "ru": ["Общие", "Аудио", "Звуки", "Горячие клавиши", "О программе"],
}


@pytest.mark.usefixtures("translations")
@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_screenshots_of_every_settings_section(
    qapp: Any, data_dir: Path, secrets: Any, artifacts: Path, lang: str
) -> None:
    """G6 and every section of Ajustes → the app: the language chosen in General switches the
    open page at once (the guide's section names); each section, in each language, fits the
    default window without being cut off (no scrolling, no clipped text) and no two controls
    overlap. Screenshots settings-<section>-<lang>.png for a person to look at."""
    from PySide6.QtWidgets import QScrollArea

    app = DesktopApp(qapp, data_dir)
    try:
        window = app.main_window
        window.resize(1180, 740)
        window.show()
        window.nav.setCurrentRow(window.PAGES.index("settings"))
        page = app.main_window.settings_page
        app_sections = ["general", "audio", "sounds", "hotkeys", "about"]
        assert [k for k in page.sections if k in app_sections] == app_sections
        rows = [list(page.sections).index(k) for k in app_sections]
        general = _general(app)
        general.language.setCurrentIndex(general.language.findData(lang))
        qapp.processEvents()  # Qt posts the LanguageChange events
        assert i18n.current_language() == lang and app.settings.language == lang
        titles = [page.nav.item(row).text() for row in rows]
        assert titles == SECTION_TITLES[lang]
        for key in app_sections:  # the account's sections: tests/desktop/test_account_settings.py
            section = page.sections[key]
            page.show_section(key)
            qapp.processEvents()
            scroll = page.stack.currentWidget()
            assert isinstance(scroll, QScrollArea)
            assert not scroll.horizontalScrollBar().isVisible(), key
            assert not scroll.verticalScrollBar().isVisible(), key
            assert section.width() <= scroll.viewport().width(), key
            assert _overlaps(section) == [], key
            assert _cut_off(section) == [], key
            window.grab().save(str(artifacts / f"settings-{key}-{lang}.png"))
    finally:
        await app.shutdown()

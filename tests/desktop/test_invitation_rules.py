"""Ajustes → Automatic invitations (V3): an admin adds, changes and deletes rules from the
section; the relay uses them; an agent is refused (A3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jivo_desktop.app import DesktopApp
from jivo_desktop.ui.settings.invitations import InvitationsSection
from tests.support.relay import RelayHandle
from tests.support.waiting import until

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
    "49444154789c6390af8af90f0003a601f52192f6400000000049454e44ae426082"
)


async def _app(
    qapp: Any, relay: RelayHandle, folder: Path, email: str, password: str
) -> DesktopApp:
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(relay.http_url, email, password, False)
    return app


async def test_v3_admin_edits_rules_in_the_settings_section(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    app = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    page = app.main_window.visitors_page
    settings = app.main_window.settings_page
    assert not page.rules_button.isHidden()
    await until(lambda: settings.is_section_visible("invitations"))
    page.rules_button.click()  # Visitantes' button shows Ajustes > Invitations
    assert app.main_window.pages.currentWidget() is settings
    assert settings.current == "invitations"
    section = settings.sections["invitations"]
    assert isinstance(section, InvitationsSection)
    await until(lambda: section.site.count() == 1 and section.save_button.isEnabled())
    section.message.setText("Need a hand with your order?")
    section.agent_name.setText("Sofía")
    photo = tmp_path / "sofia.png"
    photo.write_bytes(PNG)
    section.choose_photo(str(photo))
    assert section.photo.startswith("data:image/png;base64,")
    assert (
        section.photo_preview.pixmap() is not None and not section.photo_preview.pixmap().isNull()
    )
    photo_url = section.photo
    section.seconds.setValue(20)
    section.url.setText("*/checkout*")
    section.referrer.setText("google")
    section.save_button.click()
    rules = app.main_window.visitors_page.visitors
    await until(lambda: section.list.count() == 1)
    saved = relay.relay.invitations.rules
    assert len(saved) == 1
    assert (saved[0].message, saved[0].agent_name, saved[0].min_seconds_on_page) == (
        "Need a hand with your order?",
        "Sofía",
        20,
    )
    assert saved[0].url_pattern == "*/checkout*" and saved[0].agent_photo == photo_url
    app.main_window.grab().save(str(artifacts / "settings-invitations.png"))

    # Change it: inactive rules are not evaluated.
    section.list.setCurrentRow(0)
    assert section.message.text() == "Need a hand with your order?"
    section.enabled.setChecked(False)
    section.save_button.click()
    await until(lambda: relay.relay.invitations.rules == [])
    assert section.list.count() == 1

    section.list.setCurrentRow(0)
    section.delete_button.click()
    await until(lambda: section.list.count() == 0)
    assert rules is app.visitors
    await app.shutdown()


async def test_v3_agents_cannot_edit_rules(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any
) -> None:
    app = await _app(qapp, relay, tmp_path / "ana", relay.agent_email, relay.agent_password)
    assert app.main_window.visitors_page.rules_button.isHidden()
    assert not app.main_window.settings_page.is_section_visible("invitations")
    section = InvitationsSection(app.visitors)
    await until(lambda: "Only administrators" in section.note.text())
    assert not section.save_button.isEnabled()
    section.deleteLater()
    await app.shutdown()

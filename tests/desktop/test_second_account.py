"""A4: after sign-out, a second account signs in on the same computer and sees nothing of the
first one's. The local store keeps what belongs to an account keyed by it (``email relay``):
drafts, the outbox and the typing-hint phrases (G2); what lives in memory (chats, the archive's
results and filters) is wiped at sign-out. Interface language, sidebar colour, sounds, hotkeys
and the microphone belong to the computer's user, not to the account, and stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jivo_desktop.app import DesktopApp
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

SENT = "Muchas gracias por esperar, enseguida lo miro."


async def test_a4_second_account_sees_nothing_of_the_first(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """A4: Ana chats, leaves a draft, an unsent message and typing-hint phrases, searches the
    archive, and signs out; the admin then signs in on the same computer: no chat, draft,
    outbox item, phrase suggestion, archive result or filter of Ana's is there."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        assert await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        ana_account = app.session.account
        await visitor.connect()
        await visitor.say("Hola, ¿hay alguien?")
        await until(lambda: len(app.chats.order) == 1)
        chat_id = app.chats.order[0]
        assert await app.chats.accept_async(chat_id)
        for _ in range(2):
            app.chats.send(chat_id, SENT)
        await until(lambda: sum(1 for m in app.chats.chat(chat_id).messages if m.mine) == 2)  # type: ignore[union-attr]
        assert app.typing_hints.suggest("Muchas gra")  # G2 learned Ana's phrase
        app.chats.save_draft(chat_id, "borrador de Ana")
        app.store.queue(ana_account, "ana-unsent-1", chat_id, "mensaje sin enviar")
        # Ana's archive: a closed chat, searched with her filters.
        assert app.session.client is not None
        await app.session.client.close_chat(chat_id)
        inbox = app.main_window.inbox
        inbox.archive_panel.visitor.setText("Cliente")
        inbox.archive.search()
        await until(lambda: inbox.archive.results)

        await app.session.sign_out_async()
        assert await app.session.sign_in_async(
            relay.http_url, relay.admin_email, relay.admin_password, False
        )
        boss_account = app.session.account
        assert boss_account != ana_account
        assert app.chats.order == [] and app.chats.current == 0
        assert inbox.conversation.composer.toPlainText() == ""
        assert app.chats.draft(chat_id) == ""
        assert app.store.pending(boss_account) == []
        assert app.typing_hints.suggest("Muchas gra") == ""
        assert inbox.archive.results == [] and inbox.archive.messages == []
        assert inbox.archive_panel.results_model.rowCount() == 0
        assert inbox.archive_panel.visitor.text() == ""
        # Ana's own data is still hers when she comes back.
        assert [i.client_msg_id for i in app.store.pending(ana_account)] == ["ana-unsent-1"]
        await app.session.sign_out_async()
        assert await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        assert app.typing_hints.suggest("Muchas gra")
        # The outbox of Ana's went out when she came back (the relay refuses or stores it).
        await until(lambda: app.store.pending(ana_account) == [])
    finally:
        await visitor.close()
        await app.shutdown()


def test_a4_typing_phrases_are_kept_per_account(local_store: Any) -> None:
    """A4/G2: the store keeps each account's phrases apart."""
    from jivo_desktop.store.phrases import PhraseStore

    store = PhraseStore(local_store)
    store.save("ana relay", "Buenos días, ¿en qué le ayudo?", 3, 1.0)
    assert store.load("boss relay") == {}
    assert list(store.load("ana relay")) == ["Buenos días, ¿en qué le ayudo?"]
    store.clear("boss relay")
    assert store.load("ana relay")

"""Issue 13: the relay's refusals in the agent's language, never as the relay's raw English.

The relay answers a refused request with an ``error`` frame whose ``code`` is one of
:data:`server.protocol.ErrorCode` and whose ``message`` is English for logs and scripts; it ends
a session with a ``CLOSE_SIGNED_OUT`` close whose reason is one of
:data:`server.protocol.SignOutReason`. This module is the one place that turns either into a
sentence for the agent (``self.tr()``, translated in every catalogue); every service that shows a
relay failure goes through :func:`failure_text` (or :func:`error_text`,
:func:`sign_out_text`). The relay's own text goes to the log only.

``tests/unit/test_relay_errors.py`` fails when a code is added to the protocol without a
sentence here, or a sentence here without its translations.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from server import protocol as p

log = logging.getLogger(__name__)


class RelayErrors(QObject):
    """The sentences (a QObject so ``self.tr()`` and ``pyside6-lupdate`` use the context
    ``RelayErrors``). Built on every call: the text follows a language switch."""

    def texts(self) -> dict[str, str]:
        """A sentence for every :data:`server.protocol.ErrorCode`."""
        return {
            "malformed": self.tr(
                "The relay could not read what the app sent. Update the app; if it happens "
                "again, send your logs to an administrator (Settings → About)."
            ),
            "unknown_type": self.tr(
                "The relay does not know this request: the app and the relay are of different "
                "versions. Update the app or ask an administrator to update the relay."
            ),
            "invalid": self.tr(
                "The relay refused the request: something in it is not valid. Check what you "
                "entered and try again."
            ),
            "forbidden": self.tr("You are not allowed to do this. Ask an administrator."),
            "too_large": self.tr("This is too large for the relay. Make it shorter and try again."),
            "message_too_long": self.tr(
                "The message is longer than {0} characters. Shorten it or send it in parts."
            ).format(p.MAX_MESSAGE_CHARS),
            "empty_message": self.tr("The message is empty. Write something first."),
            "rate_limited": self.tr("You are doing this too often. Wait a moment and try again."),
            "bad_credentials": self.tr("Wrong e-mail or password."),
            "unauthenticated": self.tr("Your session has expired. Sign in again."),
            "unknown_site": self.tr(
                "The relay knows no site with this key. Check the site's key in the code on "
                "the website."
            ),
            "origin_not_allowed": self.tr(
                "This web page's address is not among the site's allowed addresses. An "
                "administrator can add it in Settings → Channels."
            ),
            "version_mismatch": self.tr(
                "This relay runs another version of the service. Update the app."
            ),
            "not_found": self.tr(
                "This no longer exists, or you may not see it (it may have been deleted)."
            ),
            "chat_taken": self.tr("A colleague accepted this chat first."),
            "chat_closed": self.tr("The chat has ended."),
            "not_in_chat": self.tr("You are no longer a participant of this chat."),
            "no_agents_online": self.tr("No agent is online to answer now."),
            "internal": self.tr(
                "The relay had a problem and could not do this. Try again in a moment."
            ),
            "blocked": self.tr("This visitor is blocked: the chat cannot go on."),
            "ip_blocked": self.tr(
                "This visitor's network address is blocked, so the visitor cannot write. "
                "Unblock the address in the blocked clients list if this is a mistake."
            ),
            "busy": self.tr("The relay is busy. Try again in a moment."),
            "admin_only": self.tr("Only administrators may do this."),
            "duplicate": self.tr(
                "Another quick phrase already has this shortcut, or this was already sent."
            ),
            "mail_failed": self.tr(
                "The e-mail could not be sent: the relay's mail server (SMTP) is not set or "
                "did not answer. An administrator can check it; then try again."
            ),
            "file_too_large": self.tr("The file is larger than 10 MB."),
            "empty_file": self.tr("The file is empty."),
            "bad_file_name": self.tr(
                "The file's name cannot be used. Rename the file and send it."
            ),
            "file_corrupt": self.tr("The file arrived damaged. Send it again."),
            "quota_exceeded": self.tr(
                "The chat has reached its limit of files. Send a link to the file instead."
            ),
            "storage_full": self.tr(
                "The relay has no room for files now. Try later, and tell an administrator."
            ),
            "in_use": self.tr(
                "This stage or funnel still has deals. Move them to another stage first."
            ),
            "due_in_past": self.tr("That due time has already passed. Choose a later time."),
            "unreachable": self.tr(
                "The client cannot be reached on that channel. Choose another one above."
            ),
            "callbacks_off": self.tr("This site does not take callback requests."),
            "invalid_number": self.tr("That does not read as a phone number. Check the digits."),
            "number_refused": self.tr(
                "Premium-rate and emergency numbers are never called back. Give another number."
            ),
            "chat_open": self.tr("There is already a chat open. Ask in that chat."),
            "translator_off": self.tr(
                "No translator is set up. An administrator can add one in Settings → Integrations."
            ),
            "translator_failed": self.tr(
                "The translator did not answer. Try again, or send without translating."
            ),
            "gifs_off": self.tr(
                "GIFs are not set up. An administrator can add a provider in Settings → "
                "Integrations."
            ),
            "gif_failed": self.tr("The GIF service did not answer. Try again later."),
        }

    def wait(self, code: str, seconds: int) -> str:
        """``rate_limited`` and ``busy`` when the relay said how long to wait."""
        if code == "busy":
            return self.tr("The relay is busy. Wait %n second(s) and try again.", "", seconds)
        return self.tr("Too many attempts. Wait %n second(s) and try again.", "", seconds)

    def sign_out_texts(self) -> dict[str, str]:
        """A sentence for every :data:`server.protocol.SignOutReason`."""
        return {
            "signed_out": self.tr("You signed out of this session."),
            "session_expired": self.tr("Your session reached its time limit. Sign in again."),
            "password_changed": self.tr(
                "Your password was changed in another session. Sign in with the new password."
            ),
            "account_disabled": self.tr(
                "An administrator disabled your account. Ask an administrator to enable it."
            ),
            "signed_out_elsewhere": self.tr(
                "You signed out on every other device from another session. Sign in again to "
                "use this one."
            ),
        }

    def unknown(self, code: str) -> str:
        return self.tr("The relay refused the request (code {0}). Try again later.").format(code)

    def ended(self) -> str:
        return self.tr("The relay ended your session. Sign in again.")

    def no_answer(self) -> str:
        return self.tr("The relay did not answer. Check your connection and try again.")


_errors: RelayErrors | None = None


def _texts() -> RelayErrors:
    global _errors
    if _errors is None:
        _errors = RelayErrors()
    return _errors


def error_text(code: str, retry_after: float | None = None) -> str:
    """The sentence for an error ``code`` (``retry_after``: the seconds the relay asked to
    wait, for ``rate_limited`` and ``busy``)."""
    errors = _texts()
    if retry_after is not None and code in ("rate_limited", "busy"):
        return errors.wait(code, max(1, round(retry_after)))
    return errors.texts().get(code) or errors.unknown(code)


def failure_text(exc: BaseException) -> str:
    """What the agent reads when a request to the relay failed: a :class:`RelayError` by its
    code, a dropped connection or time-out as "no answer"; anything else (a local file that
    cannot be read or written) as the system's own text. The relay's English goes to the log."""
    from jivo_desktop.net.errors import ConnectionLost, RelayError

    if isinstance(exc, RelayError):
        log.info("the relay refused (%s): %s", exc.code, exc.message)
        return error_text(exc.code, exc.retry_after)
    if isinstance(exc, (ConnectionLost, TimeoutError, ConnectionError)):
        log.info("no answer from the relay: %s", exc)
        return _texts().no_answer()
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror  # a local file: the system's words, without Python's "[Errno 2]"
    return str(exc)


def sign_out_text(reason: str) -> str:
    """Why the relay ended the session: a :data:`server.protocol.SignOutReason`, or the error
    code of a refused reconnect (``unauthenticated``...)."""
    errors = _texts()
    return errors.sign_out_texts().get(reason) or errors.texts().get(reason) or errors.ended()

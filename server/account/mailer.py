"""E-mail over SMTP (A2): the invitation with the set-password link and the app's download link.

The standard library's ``smtplib`` runs in a thread (one short conversation per invitation),
with implicit TLS, STARTTLS or plain (a local relay) as the settings say; any other value is
refused when the settings are made, so a typo never sends the password in clear (finding 18)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from server.core.config import SMTP_SECURITY, Settings
from server.core.executors import SMTP, Saturated

SUBJECT = "You have been added to the team"

BODY = """\
Hello {name},

{admin} has added you as {role_text} to the team's live chat.

1. Set your password (this link works once, for {hours} hours):
   {link}

2. Install the desktop app:
   {download}

Then sign in with this e-mail address ({email}) and your new password.
If you did not expect this e-mail, ignore it.
"""


REPLY_SUBJECT = "Re: your message to {site}"

REPLY_BODY = """\
Hello {name},

{text}

{agent}
{site}

---
You wrote on {when}:
{original}
"""


class MailError(Exception):
    """The SMTP server could not be reached or refused the message."""


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.smtp_host)

    def sender(self, relay_host: str) -> str:
        s = self.settings
        return s.smtp_from or (s.smtp_user if "@" in s.smtp_user else f"jivo@{relay_host}")

    def invitation(
        self, *, to: str, name: str, admin: str, role: str, link: str, relay_host: str
    ) -> EmailMessage:
        message = EmailMessage()
        message["Subject"] = SUBJECT
        message["From"] = self.sender(relay_host)
        message["To"] = to
        message.set_content(
            BODY.format(
                name=name or to,
                admin=admin,
                role_text="an administrator" if role == "admin" else "an agent",
                hours=round(self.settings.invite_ttl_hours),
                link=link,
                download=self.settings.app_download_url,
                email=to,
            )
        )
        return message

    def offline_reply(
        self,
        *,
        to: str,
        name: str,
        text: str,
        agent: str,
        site: str,
        original: str,
        when: str,
        relay_host: str,
    ) -> EmailMessage:
        """V6: an agent's answer to what a visitor left in the offline form."""
        message = EmailMessage()
        message["Subject"] = REPLY_SUBJECT.format(site=site or relay_host)
        message["From"] = self.sender(relay_host)
        message["To"] = to
        quoted = "\n".join("> " + line for line in original.splitlines() or [""])
        message.set_content(
            REPLY_BODY.format(
                name=name or to, text=text, agent=agent, site=site, when=when, original=quoted
            )
        )
        return message

    async def send(self, message: EmailMessage) -> None:
        if not self.configured:
            raise MailError("no SMTP server is configured (JIVO_RELAY_SMTP_HOST)")
        try:
            await SMTP.run(self._send, message)
        except Saturated:
            raise MailError("too many e-mails are being sent: try again in a minute") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"{type(exc).__name__}: {exc}") from exc

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        security = s.smtp_security.strip().lower()
        if security == "none":
            security = "plain"
        if security not in SMTP_SECURITY:  # Settings refuse it at start; never plaintext AUTH
            raise MailError(f"unknown JIVO_RELAY_SMTP_SECURITY {s.smtp_security!r}")
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if security == "tls":
            smtp = smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=s.smtp_timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout)
        with smtp:
            if security == "starttls":
                smtp.starttls(context=context)
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password)
            smtp.send_message(message)

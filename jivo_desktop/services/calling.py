"""P1: calls leave the app through the agent's own softphone.

The agent chooses in Ajustes → Calls how a call goes out: the system's ``tel:`` handler, a
``sip:`` URI template (``sip:{number}@pbx.example``) or ``callto:``, and the country a number
without ``+`` belongs to. A call checks the number (``phone_numbers``), builds the URI, asks
the OS whether anything opens that scheme (``platform.url_handlers``, in a thread: it may run
a program) and opens it with ``QDesktopServices.openUrl``. With nothing registered the call is
not silently lost: ``no_handler`` carries a sentence saying how to set a softphone up.

Settings (JSON values in ``LocalStore``): ``calls.method`` ("tel" | "sip" | "callto"),
``calls.sip_template``, ``calls.country`` (ISO 3166 alpha-2). The recent calls started from
this computer: ``calls.recent.<account>`` (newest first, at most :data:`RECENT_MAX`).
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

from PySide6.QtCore import QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication

from jivo_desktop.platform.url_handlers import (
    FOUND,
    MISSING,
    HandlerCheck,
    UrlHandlers,
    url_handlers_for_this_machine,
)
from jivo_desktop.services import phone_numbers
from jivo_desktop.services.phone_numbers import NumberCheck
from jivo_desktop.store import LocalStore
from jivo_desktop.tasks import spawn

METHOD = "calls.method"
SIP_TEMPLATE = "calls.sip_template"
COUNTRY = "calls.country"
RECENT = "calls.recent"
METHODS = ("tel", "sip", "callto")
RECENT_MAX = 50
TEMPLATE_MAX = 200


@dataclass(frozen=True)
class RecentCall:
    """A call started from this computer (the dialer's Recent list)."""

    number: str  # E.164
    name: str = ""
    client_id: int = 0
    at: float = 0.0


def system_country() -> str:
    """The country of the system's locale (``es_AR`` → ``AR``), "" when it names none."""
    code = QLocale.territoryToCode(QLocale.system().territory())
    return code if phone_numbers.known_country(code) else ""


def template_problem(template: str) -> str:
    """ "" when ``template`` is a usable SIP URI template, else why not (in English, for
    :meth:`CallingService.template_text`)."""
    text = template.strip()
    if len(text) > TEMPLATE_MAX:
        return "too_long"
    if not text.lower().startswith(("sip:", "sips:")):
        return "scheme"
    if "{number}" not in text and "{digits}" not in text:
        return "placeholder"
    if any(c.isspace() for c in text):
        return "space"
    return ""


HEADLESS = ("offscreen", "minimal", "vnc")


def open_uri(uri: str) -> bool:
    """Hand ``uri`` to the OS: ``QDesktopServices.openUrl`` (on X11 and Wayland that runs
    ``xdg-open`` or asks the desktop portal). A Qt platform without a desktop (offscreen: a
    server session, the tests) cannot open anything; on Linux and the BSDs ``xdg-open`` is then
    run directly, as Qt itself would."""
    platform = QGuiApplication.platformName()
    if platform not in HEADLESS and QDesktopServices.openUrl(QUrl(uri)):
        return True
    if sys.platform.startswith(("win", "darwin")) or not shutil.which("xdg-open"):
        return False
    try:
        subprocess.Popen(
            ["xdg-open", uri],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


class CallingService(QObject):
    """Signals: ``settings_changed()``; ``dialed(str, object)`` (the URI opened and the
    ``RecentCall``); ``no_handler(str, str)`` (the scheme nothing opens, and the sentence that
    says how to set one up); ``problem(str)`` (a number or setting that cannot be dialled, in
    words); ``recent_changed()``."""

    settings_changed = Signal()
    dialed = Signal(str, object)
    no_handler = Signal(str, str)
    problem = Signal(str)
    recent_changed = Signal()

    def __init__(
        self,
        store: LocalStore,
        parent: QObject | None = None,
        *,
        handlers: UrlHandlers | None = None,
        account: object = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.handlers = handlers or url_handlers_for_this_machine()
        # The signed-in account's key (recent calls are per account, A4): a function.
        self._account = account if callable(account) else (lambda: "")

    # -------------------------------------------------------------- settings

    @property
    def method(self) -> str:
        value = self.store.get(METHOD, "tel")
        return value if value in METHODS else "tel"

    @property
    def sip_template(self) -> str:
        return str(self.store.get(SIP_TEMPLATE, "") or "")

    @property
    def country(self) -> str:
        value = str(self.store.get(COUNTRY, "") or "")
        return value if phone_numbers.known_country(value) else (system_country() or "US")

    def set_method(self, method: str, sip_template: str | None = None) -> None:
        if method not in METHODS:
            raise ValueError(f"call method must be one of {METHODS}, not {method!r}")
        if sip_template is not None:
            if template_problem(sip_template) and sip_template.strip():
                raise ValueError(template_problem(sip_template))
            self.store.set(SIP_TEMPLATE, sip_template.strip())
        self.store.set(METHOD, method)
        self.settings_changed.emit()

    def set_country(self, country: str) -> None:
        if not phone_numbers.known_country(country):
            raise ValueError(f"unknown country {country!r}")
        self.store.set(COUNTRY, country.upper())
        self.settings_changed.emit()

    @property
    def scheme(self) -> str:
        return "sip" if self.method == "sip" else self.method

    # -------------------------------------------------------------- numbers

    def check(self, text: str) -> NumberCheck:
        return phone_numbers.check(text, self.country)

    def display(self, number: str) -> str:
        return phone_numbers.display(number, self.country)

    def uri_for(self, found: NumberCheck) -> str:
        """The URI of a checked number: ``tel:+34911234567`` (RFC 3966's global number),
        ``callto:+34911234567``, or the SIP template with ``{number}`` (E.164) / ``{digits}``
        (E.164 without the +) filled in."""
        if self.method == "sip":
            template = self.sip_template
            return template.replace("{number}", found.e164).replace("{digits}", found.e164[1:])
        return f"{self.method}:{found.e164}"

    def problem_text(self, found: NumberCheck) -> str:
        """Why ``found`` cannot be dialled, in the interface language ("" when it can)."""
        texts = {
            "empty": self.tr("Type a phone number."),
            "not_a_number": self.tr("This is not a phone number."),
            "too_long": self.tr("This number is too long."),
            "invalid": self.tr(
                "This is not a valid number in {0}: check it, or write it with + and the "
                "country code."
            ).format(found.region or found.country),
            "emergency": self.tr(
                "This is an emergency number: call it from a phone, not through the app "
                "(the softphone cannot tell them where you are)."
            ),
        }
        return texts.get(found.problem, "")

    def template_text(self, problem: str) -> str:
        return {
            "too_long": self.tr("The SIP address is too long."),
            "scheme": self.tr("The SIP address must start with sip: or sips:."),
            "placeholder": self.tr("The SIP address needs {number} where the number goes."),
            "space": self.tr("The SIP address cannot contain spaces."),
        }.get(problem, "")

    def how_to_set_handler(self, scheme: str) -> str:
        """What the agent can do when nothing on this computer opens ``scheme:`` links."""
        first = self.tr(
            "No program on this computer opens {0}: links, so the call cannot start."
        ).format(scheme)
        platform = self.handlers.platform
        if platform == "windows":
            how = self.tr(
                "Install a softphone (MicroSIP, Zoiper, Linphone...) and choose it in Windows "
                "Settings > Apps > Default apps > Choose defaults by link type, for {0}."
            ).format(scheme.upper())
        elif platform == "macos":
            how = self.tr(
                "Install a softphone (Zoiper, Linphone, Telephone...) and make it the default "
                "for {0}: links in its own preferences."
            ).format(scheme)
        else:
            how = self.tr(
                "Install a softphone (Linphone, Zoiper, Jami...) and make it the default for "
                "{0}: links in your desktop's Default applications, or run: xdg-mime default "
                "SOFTPHONE.desktop x-scheme-handler/{0}"
            ).format(scheme)
        other = self.tr("Or choose another way to call in Settings > Calls.")
        return f"{first}\n\n{how}\n\n{other}"

    # -------------------------------------------------------------- calling

    def call(
        self, text: str, *, name: str = "", client_id: int = 0, allow_premium: bool = False
    ) -> bool:
        """Start a call to ``text`` (a number as typed). False, with ``problem`` emitted, when
        the number or the setting cannot be dialled; otherwise the URI opens in the background
        (``dialed`` or ``no_handler`` follows). A premium-rate number is dialled only with
        ``allow_premium`` (the dialer, where the agent typed it and saw the warning): one
        click on a number a visitor gave must not cost the company a premium call."""
        found = self.check(text)
        if not found.ok:
            self.problem.emit(self.problem_text(found))
            return False
        if found.premium and not allow_premium:
            self.problem.emit(
                self.tr(
                    "{0} is a premium-rate number: the call may cost a lot. To call it anyway, "
                    "type it on the Phone page."
                ).format(found.international)
            )
            return False
        if self.method == "sip" and template_problem(self.sip_template):
            self.problem.emit(self.template_text(template_problem(self.sip_template)))
            return False
        uri = self.uri_for(found)
        recent = RecentCall(found.e164, name[:200], int(client_id), time.time())
        spawn(self._open(uri, recent), "call")
        return True

    async def handler(self, scheme: str | None = None) -> HandlerCheck:
        """Which program opens calls now (asked in a thread: it may run ``xdg-mime``)."""
        return await asyncio.to_thread(self.handlers.check, scheme or self.scheme)

    async def _open(self, uri: str, recent: RecentCall) -> None:
        scheme = uri.split(":", 1)[0].lower()
        found = await self.handler(scheme)
        if found.state == MISSING:
            self.no_handler.emit(scheme, self.how_to_set_handler(scheme))
            return
        if not open_uri(uri) and found.state != FOUND:
            self.no_handler.emit(scheme, self.how_to_set_handler(scheme))
            return
        self._remember(recent)
        self.dialed.emit(uri, recent)

    # -------------------------------------------------------------- recent calls

    def _recent_key(self) -> str:
        return f"{RECENT}.{self._account()}"

    def recent(self) -> list[RecentCall]:
        rows = self.store.get(self._recent_key(), []) or []
        out = []
        for row in rows[:RECENT_MAX]:
            try:
                out.append(RecentCall(**row))
            except TypeError:
                continue  # a row of another version: skipped
        return out

    def _remember(self, call: RecentCall) -> None:
        rows = [asdict(call)] + [asdict(c) for c in self.recent()]
        self.store.set(self._recent_key(), rows[:RECENT_MAX])
        self.recent_changed.emit()

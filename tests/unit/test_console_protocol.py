"""X5: the browser console's protocol module is generated from server/protocol/ (no drift), and
its string tables are complete in the four languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from server.protocol.js import render_js

CONSOLE = Path(__file__).resolve().parents[2] / "server" / "console"


def test_x5_console_protocol_js_matches_the_protocol() -> None:
    """X5: server/console/protocol.js is what `python -m server.protocol --js` prints; after a
    protocol change regenerate it (PYTHONPATH=. python -m server.protocol --js >
    server/console/protocol.js)."""
    committed = (CONSOLE / "protocol.js").read_text(encoding="utf-8")
    assert committed == render_js(), "server/console/protocol.js is stale: regenerate it"


def test_x5_console_protocol_js_names_every_agent_frame_and_its_fields() -> None:
    from server import protocol as p

    js = render_js()
    for cls in p.AGENT_FRAMES:
        assert f'"{p.tag_of(cls)}": ' in js
    found = re.search(r'"send_message": (\{[^}]*\})', js)
    assert found, "send_message is missing from protocol.js"
    spec = json.loads(found.group(1))
    assert {"chat_id", "comment"} <= set(spec["optional"])
    assert {"client_msg_id", "text"} <= set(spec["required"])
    assert f"export const PROTOCOL_VERSION = {p.PROTOCOL_VERSION};" in js


def test_x5_console_strings_are_complete_in_four_languages() -> None:
    """X5: every key of the English table is in the Spanish, Portuguese and Russian ones."""
    text = (CONSOLE / "i18n.js").read_text(encoding="utf-8")
    tables = dict(re.findall(r"\n  (en|es|pt|ru): \{\n(.*?)\n  \},", text, re.S))
    assert set(tables) == {"en", "es", "pt", "ru"}
    keys = {code: re.findall(r"^    (\w+): ", body, re.M) for code, body in tables.items()}
    assert len(keys["en"]) > 30
    for code in ("es", "pt", "ru"):
        assert keys[code] == keys["en"], code


def test_x5_console_never_uses_inner_html_or_inline_script() -> None:
    """X5: visitor text goes in through textContent only; the page has no inline script or
    style (the CSP would refuse them)."""
    for path in CONSOLE.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{path.name} uses {sink}"
    page = (CONSOLE / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<script(?![^>]*\bsrc=)", page) is None
    assert "style=" not in page and "<style" not in page


def test_x5_console_handles_only_frames_the_relay_sends() -> None:
    """X5: every frame type the console's modules switch on is one the relay sends (the first
    run showed chat events arrive as ``event_push``, not ``event``); ``send_failed`` is the
    console's own."""
    from server import protocol as p

    sent_by_relay = {p.tag_of(cls) for cls in p.SERVER_FRAMES}
    used: set[str] = set()
    for path in CONSOLE.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'case "([a-z_]+)":', code))
        used |= set(re.findall(r'\.type (?:===|!==) "([a-z_]+)"', code))
    assert {"event_push", "welcome", "chat_offered", "message_acked"} <= used
    assert used - sent_by_relay == {"send_failed"}


def test_x5_console_requests_name_agent_frames() -> None:
    """X5: every request the console makes names an agent frame (conn.js's frame() checks the
    fields at run time against protocol.js)."""
    from server import protocol as p

    agent = {p.tag_of(cls) for cls in p.AGENT_FRAMES}
    used: set[str] = set()
    for path in CONSOLE.glob("*.js"):
        code = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:request|notify|frame)\("([a-z_]+)"', code))
    assert {"sign_in", "authenticate", "send_message", "accept_chat", "ignore_chat"} <= used
    assert used <= agent, used - agent

"""The protocol module: one definition, strict validation, and a generated doc kept fresh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from server import protocol as p

ROOT = Path(__file__).resolve().parents[2]


def test_protocol_doc_is_current() -> None:
    """docs/protocol.md is generated from server/protocol/: regenerate with `make docs`."""
    doc = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")
    assert doc == p.render_doc(), "docs/protocol.md is stale: run `make docs`"


def test_every_frame_is_documented() -> None:
    doc = p.render_doc()
    for cls in (*p.AGENT_FRAMES, *p.VISITOR_FRAMES, *p.SERVER_FRAMES):
        assert f"### `{p.tag_of(cls)}`" in doc


def test_protocol_imports_nothing_of_the_relay() -> None:
    """The desktop app imports server.protocol without the relay's dependencies."""
    code = (
        "import sys; import server.protocol; "
        "bad = [m for m in ('websockets', 'sqlalchemy', 'argon2', 'alembic') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_round_trip_and_tags() -> None:
    frame = p.SendMessage(id=3, client_msg_id="c1", text="hola", chat_id=9)
    text = p.encode(frame)
    assert '"type":"send_message"' in text
    assert p.decode_client(text, p.agent_decoder) == frame
    assert p.decode_server(p.encode(p.Ok(id=1))) == p.Ok(id=1)


@pytest.mark.parametrize(
    ("raw", "code", "request_id"),
    [
        ("{", "malformed", None),
        ("[]", "malformed", None),
        ("null", "malformed", None),
        ('{"id": 4}', "invalid", 4),
        ('{"type": "warp", "id": 5}', "unknown_type", 5),
        ('{"type": "accept_chat", "id": 6, "chat_id": 1}', "forbidden", 6),
        ('{"type": "send_message", "id": 7, "client_msg_id": "", "text": "x"}', "invalid", 7),
        ('{"type": "page_view", "url": "x", "extra": 1}', "invalid", None),
        ('{"type": "ping", "id": -1}', "invalid", -1),  # echoed so the client can match it
    ],
)
def test_visitor_decoder_rejections(raw: str, code: str, request_id: int | None) -> None:
    with pytest.raises(p.FrameRejected) as info:
        p.decode_client(raw, p.visitor_decoder)
    assert info.value.code == code
    assert info.value.request_id == request_id

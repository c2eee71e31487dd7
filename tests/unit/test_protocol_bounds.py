"""The protocol's own bounds (issue 12 items 3, 4, 5, 6, 8; security review finding 14)."""

from __future__ import annotations

import pytest

from server import protocol as p


def _refusal(raw: str | bytes, decoder: object = p.visitor_decoder) -> p.FrameRejected:
    with pytest.raises(p.FrameRejected) as caught:
        p.decode_client(raw, decoder)  # type: ignore[arg-type]
    return caught.value


def test_deep_nesting_is_malformed_not_a_recursion_error() -> None:
    """Finding 14: 5,000 nested arrays in an unknown field (or in the id) raised
    RecursionError out of decode_client; now they are refused as malformed."""
    deep = "[" * 5000 + "]" * 5000
    assert _refusal('{"type": "ping", "id": 1, "x": ' + deep + "}").code == "malformed"
    assert _refusal('{"id": ' + deep + "}").code == "malformed"
    assert _refusal(deep).code == "malformed"


def test_nul_is_refused_and_an_escaped_backslash_is_not() -> None:
    """Issue 12 item 3: U+0000 in any string is `invalid` (PostgreSQL cannot store it, SQLite
    did: the rule is now the same everywhere); the text `\\u0000` typed by a person is fine."""
    err = _refusal('{"type":"send_message","id":4,"client_msg_id":"a","text":"a\\u0000b"}')
    assert (err.code, err.request_id) == ("invalid", 4) and "U+0000" in err.message
    err = _refusal('{"type":"page_view","url":"x","\\u0000":1}')
    assert err.code in {"invalid", "malformed"}
    ok = p.decode_client(
        '{"type":"send_message","id":4,"client_msg_id":"a","text":"a\\\\u0000b"}',
        p.visitor_decoder,
    )
    assert isinstance(ok, p.SendMessage) and ok.text == "a\\u0000b"
    assert _refusal('{"type":"send_message","id":4,"client_msg_id":"a","text":"\\ud800"}').code == (
        "malformed"
    )


def test_integers_are_bounded_to_their_columns() -> None:
    """Issue 12 item 4."""
    for value in (0, -1, 2**31, 2**63, 2**64):
        err = _refusal(f'{{"type":"accept_chat","id":1,"chat_id":{value}}}', p.agent_decoder)
        assert err.code == "invalid", value
    frame = p.decode_client('{"type":"accept_chat","id":1,"chat_id":2147483647}', p.agent_decoder)
    assert isinstance(frame, p.AcceptChat)
    assert isinstance(
        p.decode_client('{"type":"invitation_closed","invitation_id":-5}', p.visitor_decoder),
        p.InvitationClosed,
    )


def test_close_reason_fits_on_a_character_boundary() -> None:
    """Issue 12 item 5."""
    assert p.close_reason("short") == "short"
    for text in ("x" * 500, "é" * 100, "€" * 50, "😀" * 40):
        cut = p.close_reason(text)
        assert len(cut.encode()) <= p.MAX_CLOSE_REASON_BYTES and text.startswith(cut)


def test_pages_fit_the_frame_budget() -> None:
    """Issue 12 item 6: fit_page keeps what fits in MAX_PAGE_BYTES (the newest for history)."""
    events = [
        p.Event(cursor=n, chat_id=1, seq=n, kind="message", author="visitor", text="x" * 5000, ts=0)
        for n in range(1, 301)
    ]
    keep = p.fit_page(events, keep_last=True)
    assert 0 < keep < 300
    page = p.HistoryPage(id=1, chat_id=1, events=events[-keep:], more=True)
    assert len(p.encode(page).encode()) < p.MAX_CLIENT_FRAME_BYTES
    assert p.fit_page(events[:3], keep_last=False) == 3

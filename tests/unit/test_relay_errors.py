"""Issue 13: the app has one sentence for every error code and sign-out reason of the protocol,
translated in every catalogue, so it never shows the relay's raw English."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop import i18n
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import (
    RelayErrors,
    error_text,
    failure_text,
    sign_out_text,
)
from server import protocol as p
from tests.unit.test_i18n_catalogs import LANGS, TS_DIR, qt_tool

CODES: tuple[str, ...] = p.ErrorCode.__args__  # type: ignore[attr-defined]
REASONS: tuple[str, ...] = p.SignOutReason.__args__  # type: ignore[attr-defined]


def everything(errors: RelayErrors) -> dict[str, str]:
    """Every sentence the mapping can give, by a name for the failure message."""
    return {
        **{f"code {code}": text for code, text in errors.texts().items()},
        **{f"sign-out {reason}": text for reason, text in errors.sign_out_texts().items()},
        "rate_limited, 1 s": errors.wait("rate_limited", 1),
        "rate_limited, 5 s": errors.wait("rate_limited", 5),
        "busy, 1 s": errors.wait("busy", 1),
        "busy, 5 s": errors.wait("busy", 5),
        "unknown code": errors.unknown("new_code"),
        "ended": errors.ended(),
        "no answer": errors.no_answer(),
    }


@pytest.fixture
def qm_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The .qm files built from today's .ts sources; English again afterwards."""
    for ts in sorted(TS_DIR.glob("jivo_*.ts")):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    yield tmp_path
    i18n.apply_language("en")


def test_every_protocol_code_and_sign_out_reason_has_a_sentence() -> None:
    """Issue 13: each code of ``ErrorCode`` and each ``SignOutReason`` has its own sentence (a
    code added to the protocol without one fails here), and the lookups use them."""
    errors = RelayErrors()
    texts, reasons = errors.texts(), errors.sign_out_texts()
    assert sorted(texts) == sorted(CODES)
    assert sorted(reasons) == sorted(REASONS)
    assert all(text.strip() for text in (*texts.values(), *reasons.values()))
    assert len(set(texts.values())) == len(texts), "two codes share a sentence"
    for code in CODES:
        assert error_text(code) == texts[code]
        assert sign_out_text(code) == texts[code]  # a refused reconnect names an error code
    for reason in REASONS:
        assert sign_out_text(reason) == reasons[reason]
    assert error_text("rate_limited", retry_after=2.6) == errors.wait("rate_limited", 3)
    assert error_text("no_such_code") == errors.unknown("no_such_code")
    assert sign_out_text("") == errors.ended()
    refused = RelayError("quota_exceeded", "this chat has 200 MB of files already")
    assert failure_text(refused) == texts["quota_exceeded"]
    waited = RelayError("rate_limited", "too many sign-ins", retry_after=30.0)
    assert failure_text(waited) == errors.wait("rate_limited", 30)
    assert failure_text(ConnectionLost("the connection dropped; retry")) == errors.no_answer()
    assert failure_text(TimeoutError()) == errors.no_answer()


@pytest.mark.parametrize("lang", LANGS)
def test_every_sentence_is_translated(qapp: Any, qm_dir: Path, lang: str) -> None:
    """Issue 13: every sentence of the mapping reads differently in es/pt/ru than in English
    (a sentence added without its translations fails here)."""
    english = everything(RelayErrors())
    assert i18n.apply_language(lang) == lang
    translated = everything(RelayErrors())
    same = [name for name, text in english.items() if translated[name] == text]
    assert not same, f"{lang}: not translated: {same}"
    assert str(p.MAX_MESSAGE_CHARS) in translated["code message_too_long"]
    assert "5" in translated["busy, 5 s"] and "5" in translated["rate_limited, 5 s"]

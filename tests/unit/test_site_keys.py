"""K1: a generated site key or password never starts with ``-`` or ``_``: admins paste them into
``jivo-relay`` commands, where a leading ``-`` is read as an option (a flaky CLI test found it)."""

from __future__ import annotations

import secrets

import pytest

from server.account import auth


def test_generated_keys_and_passwords_never_start_like_an_option(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = iter(["-Abc123def456", "_Abc123def456", "Abc123def456"] * 2)
    monkeypatch.setattr(secrets, "token_urlsafe", lambda n: next(drawn))
    assert auth.new_site_key() == "Abc123def456"  # the first two were drawn again
    assert auth.new_password() == "Abc123def456"

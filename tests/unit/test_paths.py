"""Resources are found in a checkout and in a PyInstaller bundle (X1)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jivo_desktop import paths

ROOT = Path(__file__).resolve().parents[2]


def test_resources_of_the_checkout() -> None:
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.resource("sounds", "new_chat.wav").is_file()
    assert paths.resource("icons", "jivo-desktop-256.png").is_file()


def test_resources_inside_a_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """X1: PyInstaller unpacks data beside the code and names the folder in sys._MEIPASS."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource("sounds", "new_chat.wav") == tmp_path / "resources" / "sounds" / (
        "new_chat.wav"
    )

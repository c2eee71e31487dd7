"""Where the app keeps its data and finds its resources (checkout or PyInstaller bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "jivo-desktop"


def data_dir() -> Path:
    """The user-data folder (``JIVO_DESKTOP_DATA`` overrides it, as the tests do)."""
    override = os.environ.get("JIVO_DESKTOP_DATA")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` of the checkout, or the copy PyInstaller unpacked (``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)

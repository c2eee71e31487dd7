"""Desktop fixtures: an Xvfb per module for the tests that need a real X server.

(The data folder, local store and keychain fixtures live in tests/conftest.py: the end-to-end
tests use them too.)"""

from __future__ import annotations

from tests.desktop.xvfb import other_app_focused, x11_session, xvfb_display  # noqa: F401

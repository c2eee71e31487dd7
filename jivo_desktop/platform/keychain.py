"""Which keychain keyring talks to: the one of this OS, named, instead of keyring's discovery.

``keyring.get_keyring()`` with nothing configured imports and probes every backend it knows
(D-Bus ones, KWallet, libsecret, the chainer...): about 7 MiB and a tenth of a second at the
app's start (issue 15). The app knows which keychain each OS has, so ``__main__`` calls
:func:`use_os_keychain` once, before the app is built:

* Linux and the BSDs: the Secret Service (``keyring.backends.SecretService.Keyring``);
* macOS: ``keyring.backends.macOS.Keyring``;
* Windows: ``keyring.backends.Windows.WinVaultKeyring``.

What the user or a test chose wins: ``PYTHON_KEYRING_BACKEND`` (the tests set it) and keyring's
own config file are honoured. If this OS's backend cannot run here (no D-Bus session, no Secret
Service daemon), nothing is set and keyring discovers as before: never worse than discovery.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

OS_BACKENDS = {
    "darwin": "keyring.backends.macOS.Keyring",
    "win32": "keyring.backends.Windows.WinVaultKeyring",
}
FREEDESKTOP = "keyring.backends.SecretService.Keyring"
"""Linux and the BSDs (GNOME Keyring, KeePassXC, KWallet 5.97+ all serve it)."""


def os_backend(platform: str = sys.platform) -> str | None:
    """The keyring backend class (dotted name) of ``platform``, or None if there is none."""
    if platform in OS_BACKENDS:
        return OS_BACKENDS[platform]
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return FREEDESKTOP
    return None


def use_os_keychain(platform: str = sys.platform) -> str:
    """Give keyring this OS's backend; returns what decides the keychain: ``"environment"``
    (``PYTHON_KEYRING_BACKEND``), ``"config"`` (keyring's config file), the backend's dotted
    name, or ``"discovery"`` (this OS's backend is not usable here: keyring looks for one)."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return "environment"  # keyring.get_keyring() loads exactly that one
    import keyring
    import keyring.core

    try:
        configured = keyring.core.load_config()
    except Exception:  # a broken config file: let keyring deal with it as it always did
        log.exception("keyring's config file could not be read")
        return "discovery"
    if configured is not None:
        keyring.set_keyring(configured)
        return "config"
    name = os_backend(platform)
    if name is None:
        return "discovery"
    try:
        # load_keyring imports the one module and asks the class's priority, which raises
        # when the backend cannot work here (SecretService: no bus, no daemon).
        backend = keyring.core.load_keyring(name)
        usable = float(backend.priority) > 0
    except Exception as exc:
        log.info("keychain %s not usable here (%s): keyring discovers one", name, exc)
        return "discovery"
    if not usable:
        log.info("keychain %s not usable here: keyring discovers one", name)
        return "discovery"
    keyring.set_keyring(backend)
    return name

"""Helpers the test suite shares: throwaway servers and browsers that tests start themselves.

- :mod:`tests.support.postgres`: a PostgreSQL cluster in a temporary folder on a free port.
- :mod:`tests.support.browser`: headless Debian Chromium driven through Playwright's async API.

Nothing here downloads anything: the programs come from Debian packages that
``scripts/install-system-deps.sh`` installs (``make test`` runs it first).
"""

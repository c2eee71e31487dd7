"""A throwaway PostgreSQL cluster for tests: own folder under /tmp, free port, stopped at the end.

Usage::

    with PostgresCluster() as pg:
        url = pg.create_database("relay_test")  # postgresql+asyncpg://postgres@127.0.0.1:PORT/relay_test

PostgreSQL refuses to run as root. As root the cluster folder is given to the ``postgres`` user
and ``initdb``/``pg_ctl`` run through ``runuser -u postgres --``; as an ordinary user they run
directly. The folder sits directly under /tmp because pytest's ``tmp_path`` lies under folders
that the ``postgres`` user cannot enter.

Tests that need PostgreSQL must fail, not skip, under CI (``CI=true``); locally they may skip
with a clear reason: call :func:`skip_unless_postgres` at the top of a test or fixture.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import weakref
from pathlib import Path
from types import TracebackType

INSTALL_HINT = (
    "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin "
    "or on PATH. Install them with `sudo scripts/install-system-deps.sh` "
    "(Debian/Ubuntu package `postgresql`); `make test` runs that script first."
)

_SYSTEM_ROOT = Path("/usr/lib/postgresql")
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
_PORT_IN_USE = ("could not bind", "address already in use", "could not create any tcp/ip sockets")
_START_ATTEMPTS = 5
_TIMEOUT_S = 60

# Clusters that were started and not stopped yet: stopped at interpreter exit if a test leaked one.
_LIVE: weakref.WeakSet[PostgresCluster] = weakref.WeakSet()


class PostgresError(RuntimeError):
    """The cluster could not be created, started, used or stopped."""


class PostgresUnavailable(PostgresError):
    """PostgreSQL is not installed on this machine (or cannot be run as the current user)."""


def _version_key(path: Path) -> tuple[int, ...]:
    parts = re.findall(r"\d+", path.parent.name)
    return tuple(int(p) for p in parts) or (0,)


def find_bin_dir() -> Path:
    """The folder with ``initdb`` and ``pg_ctl``: the newest under /usr/lib/postgresql, else PATH.

    ``JIVO_PG_BIN`` overrides the search. Raises :class:`PostgresUnavailable` when none is found.
    """
    override = os.environ.get("JIVO_PG_BIN")
    candidates: list[Path] = []
    if override:
        candidates.append(Path(override))
    candidates.extend(sorted(_SYSTEM_ROOT.glob("*/bin"), key=_version_key, reverse=True))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for directory in candidates:
        if all(os.access(directory / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return directory
    raise PostgresUnavailable(INSTALL_HINT)


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _postgres_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresUnavailable(
            "Running as root, PostgreSQL must run as another user, but there is no `postgres` "
            "user. Installing the `postgresql` package creates it: "
            "`scripts/install-system-deps.sh`."
        ) from None


def postgres_available() -> bool:
    """Whether a cluster can be started here (binaries found; as root, a `postgres` user too)."""
    try:
        find_bin_dir()
        if _running_as_root():
            _postgres_user()
            if shutil.which("runuser") is None:
                return False
    except PostgresUnavailable:
        return False
    return True


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_unless_postgres() -> None:
    """Skip the calling test when PostgreSQL is missing, except under CI, where it must run.

    Under CI this returns and the test goes on to fail with the clear error of
    :meth:`PostgresCluster.start`: a missing install step must not pass as a skipped test.
    """
    if postgres_available() or running_under_ci():
        return
    import pytest

    pytest.skip(f"PostgreSQL is not installed: {INSTALL_HINT}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the caller retries on a race)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresCluster:
    """One PostgreSQL cluster in ``/tmp/jivo-pg-*`` listening on 127.0.0.1 and a private socket."""

    host = "127.0.0.1"
    user = "postgres"

    def __init__(self) -> None:
        self.bin_dir: Path | None = None
        self.base_dir: Path | None = None
        self.port: int | None = None
        self._as_postgres = False
        self._down = False
        """Stopped by :meth:`stop_server` (its port kept for :meth:`start_server`)."""

    # -- paths ---------------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self._base() / "data"

    @property
    def log_file(self) -> Path:
        return self._base() / "log"

    @property
    def running(self) -> bool:
        return self.port is not None

    def _base(self) -> Path:
        if self.base_dir is None:
            raise PostgresError("the cluster has not been started")
        return self.base_dir

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> PostgresCluster:
        """Create the folder, run initdb and start the server on a free port. Returns self."""
        if self.running:
            return self
        self.bin_dir = find_bin_dir()
        self._as_postgres = _running_as_root()
        if self._as_postgres:
            owner = _postgres_user()
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("running as root needs `runuser` (package util-linux)")
        self.base_dir = Path(tempfile.mkdtemp(prefix="jivo-pg-", dir="/tmp"))
        try:
            if self._as_postgres:
                os.chown(self.base_dir, owner.pw_uid, owner.pw_gid)
            self._run_server_tool(
                "initdb",
                *("-D", str(self.data_dir), "-A", "trust", "-U", self.user),
                *("-E", "UTF8", "--locale=C", "--no-sync"),
            )
            self._start_on_free_port()
        except BaseException:
            self._remove_folder()
            raise
        _LIVE.add(self)
        return self

    def _start_on_free_port(self) -> None:
        last_log = ""
        for _ in range(_START_ATTEMPTS):
            port = free_port()
            options = f"-p {port} -k {self._base()} -c listen_addresses={self.host} -c fsync=on"
            try:
                self._run_server_tool(
                    "pg_ctl",
                    *("-D", str(self.data_dir), "-o", options, "-l", str(self.log_file)),
                    *("-t", str(_TIMEOUT_S), "-w", "start"),
                )
            except PostgresError:
                last_log = self._log_tail()
                if any(marker in last_log.lower() for marker in _PORT_IN_USE):
                    self._stop_server(quiet=True)  # in case a postmaster is half up
                    continue  # another program took the port between our probe and the bind
                raise
            self.port = port
            return
        raise PostgresError(
            f"PostgreSQL could not bind a free port in {_START_ATTEMPTS} tries; last log:\n"
            f"{last_log}"
        )

    def stop_server(self, mode: str = "fast") -> None:
        """An outage (X4 chaos tests): stop the server, keeping its folder and port for
        :meth:`start_server`. ``fast`` ends every session; ``immediate`` is a crash (recovery
        at the next start)."""
        self._require_running()
        self._run_server_tool(
            "pg_ctl",
            *("-D", str(self.data_dir), "-m", mode, "-t", str(_TIMEOUT_S), "-w", "stop"),
        )
        self._down = True

    def start_server(self) -> None:
        """Start the server again after :meth:`stop_server`, on the same port (clients
        reconnect to the URL they had)."""
        self._require_running()
        options = f"-p {self.port} -k {self._base()} -c listen_addresses={self.host} -c fsync=on"
        self._run_server_tool(
            "pg_ctl",
            *("-D", str(self.data_dir), "-o", options, "-l", str(self.log_file)),
            *("-t", str(_TIMEOUT_S), "-w", "start"),
        )
        self._down = False

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder. Safe to call twice."""
        if self.base_dir is None:
            return
        try:
            if self.running and not self._down:
                self._stop_server(quiet=False)
        finally:
            self.port = None
            self._remove_folder()
            _LIVE.discard(self)

    def _stop_server(self, *, quiet: bool) -> None:
        try:
            self._run_server_tool(
                "pg_ctl",
                *("-D", str(self.data_dir), "-m", "fast", "-t", str(_TIMEOUT_S), "-w", "stop"),
            )
        except PostgresError:
            if not quiet:
                raise

    def _remove_folder(self) -> None:
        if self.base_dir is not None:
            shutil.rmtree(self.base_dir, ignore_errors=True)
            self.base_dir = None

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- databases -----------------------------------------------------------------------------
    def create_database(self, name: str) -> str:
        """Create database ``name`` and return its SQLAlchemy URL (asyncpg driver)."""
        if not _DB_NAME.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        self._require_running()
        # Over TCP as user `postgres` with trust auth: no OS user switch needed for a client.
        self._run(
            [
                str(self._tool("createdb")),
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                self.user,
                name,
            ],
            as_postgres=False,
        )
        return self.url(name)

    def url(self, name: str = "postgres", driver: str = "asyncpg") -> str:
        """SQLAlchemy URL of database ``name``, e.g. ``postgresql+asyncpg://postgres@127.0.0.1:5999/x``."""
        self._require_running()
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        return f"{scheme}://{self.user}@{self.host}:{self.port}/{name}"

    def dsn(self, name: str = "postgres") -> str:
        """A libpq/asyncpg DSN (``postgresql://...``) of database ``name``."""
        return self.url(name, driver="")

    # -- plumbing ------------------------------------------------------------------------------
    def _require_running(self) -> None:
        if not self.running:
            raise PostgresError("the cluster is not running: call start() first")

    def _tool(self, name: str) -> Path:
        assert self.bin_dir is not None
        return self.bin_dir / name

    def _run_server_tool(self, name: str, *args: str) -> None:
        self._run([str(self._tool(name)), *args], as_postgres=self._as_postgres)

    def _run(self, argv: list[str], *, as_postgres: bool) -> None:
        if as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        try:
            result = subprocess.run(
                argv,
                # The postgres user may not be able to enter the caller's working folder.
                cwd=self.base_dir or "/",
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=_TIMEOUT_S + 30,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgresError(f"{' '.join(argv)} failed: {exc}") from exc
        if result.returncode != 0:
            raise PostgresError(
                f"{' '.join(argv)} exited {result.returncode}\n"
                f"stdout: {result.stdout.strip()}\nstderr: {result.stderr.strip()}\n"
                f"server log (tail):\n{self._log_tail()}"
            )

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except (OSError, PostgresError):
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


@atexit.register
def _stop_leaked_clusters() -> None:
    for cluster in list(_LIVE):
        with contextlib.suppress(Exception):
            cluster.stop()

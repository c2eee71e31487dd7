"""Desktop app benchmark: start time, memory and memory growth against a bare PySide6 window
measured in the same run (issue targets: start <= 2x, memory <= 1.5x, growth < 10% after
1,000 chat switches), and the conversation view with 10,000 messages.

    python bench/desktop.py            # prints Markdown and writes it into docs/performance.md
    python bench/desktop.py --rounds 5 --profile /tmp/desk --no-write   # + cProfile of a round

The app runs offscreen in a child process, signed in to a relay (a child process too) seeded
with 50 chats of 100 messages each. Times are taken by the parent, from starting the child to
reading its "shown" line, so the interpreter's and Qt's own start are included for both. Ratios
are taken within a round (a bare window, then the app), then the median of the rounds.

The app's child also reports where its start went (issue 15), part by part, each with the RSS
it added: the interpreter, Qt, each library group the app imports (timed one by one, and only
the groups that importing the app loads: a probe child says which), the app's own modules, the
local store, building the services and windows, the first paint of the main window, and the
session restored with every chat listed. A child of its own measures finding the keychain.
``--profile`` adds one more round under cProfile (start, and the 1,000 switches) and prints it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import write_section  # noqa: E402

CHATS = 50
MESSAGES = 100
SWITCHES = 1000
ROUNDS = 3
MARK_START = "<!-- bench:desktop:start -->"
MARK_END = "<!-- bench:desktop:end -->"


# ------------------------------------------------------------------ child side


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def child_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1180, 740)
    window.show()

    def shown() -> None:
        print(json.dumps({"event": "shown", "rss_kib": rss_kib()}), flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


# The libraries the app loads, in the order they are imported below: each group is timed and
# its RSS taken on its own, so the report can say what each one adds. A group the app no longer
# imports at start (the probe child says which) is skipped, never loaded for the measurement.
IMPORT_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("asyncio + qasync", ("asyncio", "qasync")),
    ("msgspec + the protocol", ("msgspec", "server.protocol")),
    ("websockets", ("websockets.asyncio.client",)),
    ("SQLAlchemy", ("sqlalchemy",)),
    ("keyring", ("keyring",)),
    ("QtMultimedia", ("PySide6.QtMultimedia",)),
    ("QtNetwork + QtSvg", ("PySide6.QtNetwork", "PySide6.QtSvg")),
    ("pyspellchecker", ("spellchecker",)),
    ("pynput", ("pynput",)),
    ("jeepney", ("jeepney",)),
]
APP_MODULE = "jivo_desktop.app"


def _since(t0: float) -> float:
    return time.time() - t0


def child_probe() -> None:
    """Which groups importing the app (and qasync, which runs it) loads; nothing is built."""
    import importlib

    importlib.import_module("qasync")
    importlib.import_module(APP_MODULE)
    loaded = [name for name, mods in IMPORT_GROUPS if all(m in sys.modules for m in mods)]
    print(json.dumps({"event": "probed", "groups": loaded}), flush=True)


def child_app(relay: str, email: str, password: str) -> None:
    import importlib

    t0 = float(os.environ.get("BENCH_T0", time.time()))
    marks: list[dict] = []

    def mark(name: str, since: float, rss_before: int) -> None:
        marks.append({"name": name, "s": time.time() - since, "rss_kib": rss_kib() - rss_before})

    # the interpreter's own start, this script included (the bare window pays it too)
    marks.append({"name": "interpreter", "s": _since(t0), "rss_kib": rss_kib()})
    started, rss0 = time.time(), rss_kib()
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv)
    mark("Qt widgets + QApplication", started, rss0)
    wanted = set(json.loads(os.environ.get("BENCH_GROUPS", "[]")))
    for name, modules in IMPORT_GROUPS:
        if name in wanted:
            started, rss0 = time.time(), rss_kib()
            for module in modules:
                importlib.import_module(module)
            mark(f"import {name}", started, rss0)
    started, rss0 = time.time(), rss_kib()
    import qasync

    from jivo_desktop import app as app_module
    from jivo_desktop.paths import data_dir

    mark("import the app's own modules", started, rss0)
    profile = _profiler()

    real_store = app_module.LocalStore
    store_cost: dict = {}

    def timed_store(path: Path) -> Any:
        t, r = time.time(), rss_kib()
        store = real_store(path)
        store_cost.update(s=time.time() - t, rss_kib=rss_kib() - r)
        return store

    app_module.LocalStore = timed_store  # type: ignore[assignment,misc]

    async def run() -> None:
        from PySide6.QtCore import QEvent, QObject

        started, rss0 = time.time(), rss_kib()
        app = app_module.DesktopApp(qapp, data_dir())
        built = time.time() - started
        marks.append({"name": "store open", **store_cost})
        marks.append(
            {
                "name": "window build (services, windows)",
                "s": built - store_cost["s"],
                "rss_kib": rss_kib() - rss0 - store_cost["rss_kib"],
            }
        )
        painted: list[float] = []

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if (
                    not painted
                    and event.type() == QEvent.Type.Paint
                    and watched.isWidgetType()
                    and watched.window() is app.main_window  # type: ignore[attr-defined]
                ):
                    painted.append(time.time())
                return False

        spy = FirstPaint()
        qapp.installEventFilter(spy)  # any widget of the main window painting
        started, rss0 = time.time(), rss_kib()
        app.start()  # as every morning: the remembered session, no password typed
        app.main_window.resize(1180, 740)
        while not painted:  # noqa: ASYNC110
            await asyncio.sleep(0.001)
        mark("first paint", started, rss0)
        qapp.removeEventFilter(spy)
        started, rss0 = time.time(), rss_kib()
        while len(app.main_window.inbox.chat_model._rows) < CHATS:  # noqa: ASYNC110
            await asyncio.sleep(0.005)
        await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        mark(f"session restored, {CHATS} chats listed", started, rss0)
        if profile is not None:
            profile.disable()
            profile.dump_stats(os.environ["BENCH_PROFILE"] + ".start")
        print(
            json.dumps({"event": "shown", "rss_kib": rss_kib(), "marks": marks, "t": _since(t0)}),
            flush=True,
        )
        order = list(app.chats.order)
        for chat_id in order:  # open every chat once: all histories in memory
            app.chats.select(chat_id)
            chat = app.chats.chat(chat_id)
            while chat is not None and not chat.loaded:  # noqa: ASYNC110
                await asyncio.sleep(0.002)
            await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        loaded = rss_kib()
        switch_profile = _profiler()
        started = time.perf_counter()
        for i in range(SWITCHES):
            app.chats.select(order[i % len(order)])
            await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        switch_ms = (time.perf_counter() - started) * 1000 / SWITCHES
        if switch_profile is not None:
            switch_profile.disable()
            switch_profile.dump_stats(os.environ["BENCH_PROFILE"] + ".switch")
        print(
            json.dumps(
                {
                    "event": "switched",
                    "rss_loaded_kib": loaded,
                    "rss_switched_kib": rss_kib(),
                    "switch_ms": switch_ms,
                }
            ),
            flush=True,
        )
        await app.shutdown()
        qapp.quit()

    qasync.run(run())


def _profiler() -> Any:
    """cProfile when ``BENCH_PROFILE`` names a file prefix (``--profile``), else None."""
    if not os.environ.get("BENCH_PROFILE"):
        return None
    import cProfile

    profile = cProfile.Profile()
    profile.enable()
    return profile


def child_scroll(kind: str) -> None:
    """Paint a 10,000-message conversation while scrolling through it; ms per frame."""
    from PySide6.QtWidgets import QApplication, QListView

    qapp = QApplication(sys.argv)
    if kind == "app":
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        from jivo_desktop.services.conversations import Chat, Message
        from jivo_desktop.ui.inbox.delegates import MessageDelegate
        from jivo_desktop.ui.inbox.models import MessageRole
        from server import protocol as p

        chat = Chat(p.ChatInfo(id=1, state="active"))
        for i in range(10_000):
            chat.messages.append(
                Message(
                    "message",
                    "visitor" if i % 2 else "agent",
                    "Ana",
                    f"Message {i}: " + "lorem ipsum " * (i % 7 + 1),
                    time.time(),
                    i % 2 == 0,
                )
            )
        model: Any = QStandardItemModel()
        for message in chat.messages:
            item = QStandardItem()
            item.setData(message, MessageRole)
            model.appendRow(item)
        view = QListView()
        view.setModel(model)
        view.setItemDelegate(MessageDelegate(view))
        view.setLayoutMode(QListView.LayoutMode.Batched)
        view.setBatchSize(200)
    else:
        from PySide6.QtCore import QStringListModel

        model = QStringListModel([f"Message {i}" for i in range(10_000)])
        view = QListView()
        view.setModel(model)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.resize(600, 700)
    view.show()
    qapp.processEvents()
    view.scrollToBottom()
    qapp.processEvents()
    bar = view.verticalScrollBar()
    frames = []
    for step in range(200):
        bar.setValue(bar.maximum() - step * max(1, bar.maximum() // 200))
        started = time.perf_counter()
        view.viewport().repaint()
        frames.append((time.perf_counter() - started) * 1000)
    print(
        json.dumps(
            {
                "event": "scrolled",
                "frame_ms": statistics.median(frames),
                "frame_p99_ms": sorted(frames)[int(len(frames) * 0.99) - 1],
            }
        ),
        flush=True,
    )


# ------------------------------------------------------------------ parent side


def _run_child(args: list[str], env: dict[str, str], expect: str) -> tuple[float, dict]:
    env = {**env, "BENCH_T0": repr(time.time())}
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    first_at = None
    result: dict = {}
    for line in proc.stdout:
        data = json.loads(line)
        if data["event"] == "shown" and first_at is None:
            first_at = time.monotonic() - started
        result.update(data)
        if data["event"] == expect:
            break
    proc.wait(120)
    return (first_at or 0.0), result


async def _seed(ws_url: str, site_key: str, email: str, password: str) -> None:
    from jivo_desktop.net.client import AgentClient
    from server import protocol as p
    from tests.support.visitor import Visitor

    agent = AgentClient(ws_url, keep_frames=10_000)  # wait_for looks back at earlier frames
    await agent.sign_in(email, password)
    visitors = [Visitor(ws_url, site_key) for _ in range(CHATS)]
    chat_ids = []
    for v in visitors:
        await v.connect()
        await v.say("hola")
        wanted = v.visitor_id

        def is_offer(f: Any, wanted: int | None = wanted) -> bool:
            return (
                isinstance(f, p.ChatOffered)
                and f.chat.visitor is not None
                and f.chat.visitor.id == wanted
            )

        offer = await agent.wait_for(is_offer)
        await agent.accept(offer.chat.id)
        chat_ids.append(offer.chat.id)

    async def talk(v: Visitor, chat_id: int) -> None:
        for i in range((MESSAGES - 2) // 2):
            await v.say(f"Pregunta {i} sobre el pedido")
            await agent.send_message(chat_id, f"Respuesta {i}: claro que sí")

    await asyncio.gather(*(talk(v, c) for v, c in zip(visitors, chat_ids, strict=True)))
    for v in visitors:
        await v.close()
    await agent.close()


async def _token(ws_url: str) -> str:
    from jivo_desktop.net.client import AgentClient
    from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD

    agent = AgentClient(ws_url, keep_frames=10_000)  # wait_for looks back at earlier frames
    welcome = await agent.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
    await agent.close()
    return welcome.token


def _remember(env: dict[str, str], relay: str, token: str) -> None:
    """What "remember me" left behind: the account in the settings, the token in the
    keychain (here the tests' file keychain)."""
    from jivo_desktop.services.session import LAST_ACCOUNT, account_key
    from jivo_desktop.store import LocalStore
    from tests.support.relay import AGENT_EMAIL

    folder = Path(env["JIVO_DESKTOP_DATA"])
    store = LocalStore(folder / "local.db")
    store.set(LAST_ACCOUNT, {"relay": relay, "email": AGENT_EMAIL, "remember": True})
    store.close()
    account = account_key(relay, AGENT_EMAIL)
    Path(env["JIVO_TEST_KEYRING"]).write_text(json.dumps({f"jivo-desktop\n{account}": token}))


def _byte_compile() -> None:
    """Compile the app's sources to ``__pycache__`` first, as an installed app is (pip and the
    .deb byte-compile; PyInstaller bundles bytecode): with PYTHONDONTWRITEBYTECODE set, as on
    this machine, every start would otherwise compile ~150 modules again (~0.2 s)."""
    import compileall

    for folder in ("jivo_desktop", "server"):
        compileall.compile_dir(ROOT / folder, quiet=1, workers=1)


def measure(rounds: int = ROUNDS, profile: str = "") -> dict:
    from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, RelayProcess

    _byte_compile()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = f"sqlite+aiosqlite:///{folder / 'relay.db'}"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "JIVO_RELAY_CONN_RATE": "100000", "JIVO_RELAY_CONN_BURST": "100000",
            "JIVO_RELAY_IP_RATE": "100000", "JIVO_RELAY_IP_BURST": "100000",
        }  # fmt: skip
        relay = RelayProcess(db, folder, env=env)
        relay.start()
        subprocess.run(
            [sys.executable, "-m", "server", "--db", db, "create-admin", AGENT_EMAIL,
             "--password", AGENT_PASSWORD, "--role", "agent", "--name", "Ana"],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        with sqlite3.connect(folder / "relay.db") as conn:
            (site_key,) = conn.execute("SELECT key FROM sites").fetchone()
        try:
            asyncio.run(_seed(relay.ws_url, site_key, AGENT_EMAIL, AGENT_PASSWORD))
            token = asyncio.run(_token(relay.ws_url))
            _, probe = _run_child(["--child", "probe"], env, "probed")
            groups = json.dumps(probe["groups"])
            rows = []
            for round_ in range(rounds + (1 if profile else 0)):
                app_env = {
                    **env,
                    "JIVO_DESKTOP_DATA": str(folder / f"app-{round_}"),
                    "PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
                    "JIVO_TEST_KEYRING": str(folder / f"keyring-{round_}.json"),
                    "BENCH_GROUPS": groups,
                }
                if round_ == rounds:  # one more round under cProfile, left out of the figures
                    app_env["BENCH_PROFILE"] = profile
                _remember(app_env, relay.http_url, token)
                bare_s, bare = _run_child(["--child", "bare"], env, "shown")
                app_s, app = _run_child(
                    ["--child", "app", relay.http_url, AGENT_EMAIL, AGENT_PASSWORD],
                    app_env,
                    "switched",
                )
                if round_ < rounds:
                    rows.append((bare_s, bare["rss_kib"], app_s, app))
            keychain = {}
            for how in ("discovery", "app", "os-backend"):  # the median of three runs
                runs = [
                    _run_child(["--child", "keyring", how], _no_keyring_env(env), "keyring")[1]
                    for _ in range(3)
                ]
                keychain[how] = sorted(runs, key=lambda k: k["s"])[1]
            _, plain = _run_child(["--child", "scroll", "plain"], env, "scrolled")
            _, fancy = _run_child(["--child", "scroll", "app"], env, "scrolled")
        finally:
            relay.stop()
    med = statistics.median
    names = [mark["name"] for mark in rows[0][3]["marks"]]
    parts = {
        name: (
            med(next(m["s"] for m in r[3]["marks"] if m["name"] == name) for r in rows),
            med(next(m["rss_kib"] for m in r[3]["marks"] if m["name"] == name) for r in rows)
            / 1024,
        )
        for name in names
    }
    return {
        "bare_start_s": med(r[0] for r in rows),
        "app_start_s": med(r[2] for r in rows),
        "start_ratio": med(r[2] / r[0] for r in rows),
        "bare_rss_mib": med(r[1] for r in rows) / 1024,
        "app_rss_shown_mib": med(r[3]["rss_kib"] for r in rows) / 1024,
        "app_rss_loaded_mib": med(r[3]["rss_loaded_kib"] for r in rows) / 1024,
        "mem_ratio": med(r[3]["rss_loaded_kib"] / r[1] for r in rows),
        "app_rss_switched_mib": med(r[3]["rss_switched_kib"] for r in rows) / 1024,
        "switch_ms": med(r[3]["switch_ms"] for r in rows),
        "parts": parts,
        "keyring": keychain,
        "plain_frame_ms": plain["frame_ms"],
        "app_frame_ms": fancy["frame_ms"],
        "app_frame_p99_ms": fancy["frame_p99_ms"],
        "rounds": rounds,
    }


def _no_keyring_env(env: dict[str, str]) -> dict[str, str]:
    """No PYTHON_KEYRING_BACKEND, and a HOME without a keyringrc: what a user's machine has."""
    home = tempfile.mkdtemp(prefix="bench-keyring-")
    out = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
    out.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
    return out


def child_keyring(how: str) -> None:
    """What finding the keychain costs, keyring and the app's modules already imported:
    keyring's discovery of every backend; the app's way (``use_os_keychain()`` then
    ``Secrets()``); or only importing this OS's backend module, what the app's way costs where
    that backend is usable (the benchmark's machine has no Secret Service daemon, so there
    the app's way ends in discovery too)."""
    import keyring.core

    from jivo_desktop.services.secrets import Secrets

    try:
        from jivo_desktop.platform.keychain import os_backend, use_os_keychain
    except ImportError:  # before issue 15: the app had no way of its own
        os_backend = use_os_keychain = None  # type: ignore[assignment]
    started, rss0 = time.time(), rss_kib()
    if how == "discovery":
        name = keyring.get_keyring()
        name = type(name).__module__ + "." + type(name).__name__
    elif how == "os-backend" and os_backend is not None:
        backend_name = os_backend() or ""
        name = backend_name + " (class loaded)"
        keyring.core._load_keyring_class(backend_name)
    elif how == "os-backend":
        name = "(no such step before issue 15)"
    else:
        if use_os_keychain is not None:
            use_os_keychain()
        backend = Secrets().backend
        name = type(backend).__module__ + "." + type(backend).__name__
    print(
        json.dumps(
            {
                "event": "keyring",
                "s": time.time() - started,
                "rss_kib": rss_kib() - rss0,
                "backend": name,
            }
        ),
        flush=True,
    )


def report(m: dict) -> str:
    start_ratio = m["start_ratio"]
    mem_ratio = m["mem_ratio"]
    growth = (m["app_rss_switched_mib"] - m["app_rss_loaded_mib"]) / m["app_rss_loaded_mib"]

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    parts = [f"| {name} | {s * 1000:.0f} | {mib:+.1f} |" for name, (s, mib) in m["parts"].items()]
    keyring_steps = {
        "discovery": "keyring's discovery of every backend",
        "app": "the app's way: this OS's backend, else discovery",
        "os-backend": "only loading this OS's backend class",
    }
    keyring_rows = [
        f"| {keyring_steps[how]} (`{k['backend']}`) | {k['s'] * 1000:.0f} | "
        f"{k['rss_kib'] / 1024:+.1f} |"
        for how, k in m["keyring"].items()
    ]
    return "\n".join(
        [
            MARK_START,
            "## Desktop app (issue 3, issue 15)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} with `python bench/desktop.py` "
            f"({os.cpu_count()} cores, Python {sys.version.split()[0]}, offscreen Qt), "
            f"median of {m['rounds']} rounds, ratios taken within a round. The app restores its "
            f"session with a relay seeded with {CHATS} "
            f"chats x {MESSAGES} messages; the baseline is a bare PySide6 window with one label.",
            "",
            "| measure | bare window | app | ratio | target | verdict |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| process start to window shown (s) | {m['bare_start_s']:.2f} | "
            f"{m['app_start_s']:.2f} (session restored, {CHATS} chats listed) | "
            f"{start_ratio:.2f}x | "
            f"<= 2x | {verdict(start_ratio <= 2)} |",
            f"| memory, RSS (MiB) | {m['bare_rss_mib']:.0f} | {m['app_rss_loaded_mib']:.0f} "
            f"(every chat's history loaded; {m['app_rss_shown_mib']:.0f} when shown) | "
            f"{mem_ratio:.2f}x | <= 1.5x | {verdict(mem_ratio <= 1.5)} |",
            f"| growth after {SWITCHES} chat switches | | "
            f"{m['app_rss_loaded_mib']:.0f} -> {m['app_rss_switched_mib']:.0f} MiB | "
            f"{growth:+.1%} | < 10% | {verdict(growth < 0.10)} |",
            f"| one chat switch (ms) | | {m['switch_ms']:.2f} | | | |",
            f"| repaint while scrolling 10,000 messages (ms per frame, median) | "
            f"{m['plain_frame_ms']:.2f} (plain list) | {m['app_frame_ms']:.2f} "
            f"(bubbles; p99 {m['app_frame_p99_ms']:.2f}) | "
            f"{m['app_frame_ms'] / max(m['plain_frame_ms'], 1e-6):.1f}x | under 16 ms | "
            f"{verdict(m['app_frame_p99_ms'] < 16)} |",
            "",
            "Where the start goes, in order (median of the rounds; RSS added by each part; "
            "the interpreter's row is its whole RSS). Imports are timed group by group, each "
            "library only if importing the app loads it:",
            "",
            "| part of the start | ms | RSS MiB |",
            "| --- | --- | --- |",
            *parts,
            "",
            "Finding the keychain on a machine without `PYTHON_KEYRING_BACKEND`, measured in a "
            "child of its own, median of three (the benchmark's app uses the tests' file "
            "keychain):",
            "",
            "| keychain | ms | RSS MiB |",
            "| --- | --- | --- |",
            *keyring_rows,
            "",
            "Peer agent apps built on Electron are reported at 400 MB to over 1 GB.",
            MARK_END,
        ]
    )


def _print_profile(path: str, limit: int = 30) -> None:
    import pstats

    for phase in ("start", "switch"):
        print(f"\n== cProfile, {phase} ({path}.{phase}), by cumulative time")
        stats = pstats.Stats(f"{path}.{phase}")
        stats.sort_stats("cumulative").print_stats(limit)
        stats.sort_stats("tottime").print_stats(limit)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind = sys.argv[2]
        if kind == "bare":
            child_bare()
        elif kind == "probe":
            child_probe()
        elif kind == "app":
            child_app(*sys.argv[3:6])
        elif kind == "keyring":
            child_keyring(sys.argv[3])
        else:
            child_scroll(sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument(
        "--profile", default="", help="file prefix: one more round under cProfile, printed"
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave the doc")
    args = parser.parse_args()
    m = measure(args.rounds, args.profile)
    text = report(m)
    print(text)
    if args.profile:
        _print_profile(args.profile)
    if not args.no_write:
        write_section(text, MARK_START, MARK_END)


if __name__ == "__main__":
    main()

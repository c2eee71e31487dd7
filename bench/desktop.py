"""Desktop app benchmark: start time, memory and memory growth against a bare PySide6 window
measured in the same run (issue targets: start <= 2x, memory <= 1.5x, growth < 10% after
1,000 chat switches), and the conversation view with 10,000 messages.

    python bench/desktop.py            # prints Markdown and writes it into docs/performance.md

The app runs offscreen in a child process, signed in to a relay (a child process too) seeded
with 50 chats of 100 messages each. Times are taken by the parent, from starting the child to
reading its "shown" line, so the interpreter's and Qt's own start are included for both.
"""

from __future__ import annotations

import asyncio
import json
import os
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


def child_app(relay: str, email: str, password: str) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from jivo_desktop.app import DesktopApp
    from jivo_desktop.paths import data_dir

    qapp = QApplication(sys.argv)

    async def run() -> None:
        app = DesktopApp(qapp, data_dir())
        app.start()  # as every morning: the remembered session, no password typed
        app.main_window.resize(1180, 740)
        while len(app.main_window.inbox.chat_model._rows) < CHATS:  # noqa: ASYNC110
            await asyncio.sleep(0.005)
        await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        print(json.dumps({"event": "shown", "rss_kib": rss_kib()}), flush=True)
        order = list(app.chats.order)
        for chat_id in order:  # open every chat once: all histories in memory
            app.chats.select(chat_id)
            chat = app.chats.chat(chat_id)
            while chat is not None and not chat.loaded:  # noqa: ASYNC110
                await asyncio.sleep(0.002)
            await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        loaded = rss_kib()
        started = time.perf_counter()
        for i in range(SWITCHES):
            app.chats.select(order[i % len(order)])
            await asyncio.sleep(0)  # qasync: never processEvents() inside a coroutine
        switch_ms = (time.perf_counter() - started) * 1000 / SWITCHES
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


def measure() -> dict:
    from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, RelayProcess

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
        import sqlalchemy as sa

        engine = sa.create_engine(db.replace("+aiosqlite", ""))
        with engine.connect() as conn:
            site_key = conn.execute(sa.text("SELECT key FROM sites")).scalar_one()
        engine.dispose()
        try:
            asyncio.run(_seed(relay.ws_url, site_key, AGENT_EMAIL, AGENT_PASSWORD))
            token = asyncio.run(_token(relay.ws_url))
            rows = []
            for round_ in range(ROUNDS):
                app_env = {
                    **env,
                    "JIVO_DESKTOP_DATA": str(folder / f"app-{round_}"),
                    "PYTHON_KEYRING_BACKEND": "tests.support.file_keyring.FileKeyring",
                    "JIVO_TEST_KEYRING": str(folder / f"keyring-{round_}.json"),
                }
                _remember(app_env, relay.http_url, token)
                bare_s, bare = _run_child(["--child", "bare"], env, "shown")
                app_s, app = _run_child(
                    ["--child", "app", relay.http_url, AGENT_EMAIL, AGENT_PASSWORD],
                    app_env,
                    "switched",
                )
                rows.append((bare_s, bare["rss_kib"], app_s, app))
            _, plain = _run_child(["--child", "scroll", "plain"], env, "scrolled")
            _, fancy = _run_child(["--child", "scroll", "app"], env, "scrolled")
        finally:
            relay.stop()
    med = statistics.median
    return {
        "bare_start_s": med(r[0] for r in rows),
        "app_start_s": med(r[2] for r in rows),
        "bare_rss_mib": med(r[1] for r in rows) / 1024,
        "app_rss_shown_mib": med(r[3]["rss_kib"] for r in rows) / 1024,
        "app_rss_loaded_mib": med(r[3]["rss_loaded_kib"] for r in rows) / 1024,
        "app_rss_switched_mib": med(r[3]["rss_switched_kib"] for r in rows) / 1024,
        "switch_ms": med(r[3]["switch_ms"] for r in rows),
        "plain_frame_ms": plain["frame_ms"],
        "app_frame_ms": fancy["frame_ms"],
        "app_frame_p99_ms": fancy["frame_p99_ms"],
        "rounds": ROUNDS,
    }


def report(m: dict) -> str:
    start_ratio = m["app_start_s"] / m["bare_start_s"]
    mem_ratio = m["app_rss_loaded_mib"] / m["bare_rss_mib"]
    growth = (m["app_rss_switched_mib"] - m["app_rss_loaded_mib"]) / m["app_rss_loaded_mib"]

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    return "\n".join(
        [
            MARK_START,
            "## Desktop app (issue 3)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} with `python bench/desktop.py` "
            f"({os.cpu_count()} cores, Python {sys.version.split()[0]}, offscreen Qt), "
            f"median of {m['rounds']} rounds. The app restores its session with a relay "
            f"seeded with {CHATS} "
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
            "Peer agent apps built on Electron are reported at 400 MB to over 1 GB.",
            MARK_END,
        ]
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind = sys.argv[2]
        if kind == "bare":
            child_bare()
        elif kind == "app":
            child_app(*sys.argv[3:6])
        else:
            child_scroll(sys.argv[3])
        return
    text = report(measure())
    print(text)
    write_section(text, MARK_START, MARK_END)


if __name__ == "__main__":
    main()

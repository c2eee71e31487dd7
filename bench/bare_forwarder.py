"""The baseline: a bare websockets server (``websockets.asyncio`` API) that forwards each text
frame of a visitor socket to the agent socket and echoes it back to the visitor as its "ack".
No database, no validation, no rate limit, no queue of its own.

    python -m bench.bare_forwarder --ready FILE --stats FILE

The first frame of a socket only decides its role (``sign_in``/``authenticate`` makes it the
agent, anything else a visitor) and is answered with a frame shaped like the relay's
``welcome``/``visitor_welcome``, so the benchmark's clients run the same code against both
servers. The websocket settings that cost memory or CPU are the relay's: no compression, the same
frame limit, the same keepalive pings. ``bench/durable_forwarder.py`` reuses the greeting, the
agent side and the server set-up from here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from bench.common import raise_nofile, write_json_atomic
from server import protocol as p

agents: list[ServerConnection] = []
counters = {"visitors": 0, "forwarded": 0}


async def greet(ws: ServerConnection) -> int | None:
    """Read the first frame and answer it; serve an agent socket until it closes (returns
    None); for a visitor return its number (1, 2, ...), which is its chat too."""
    try:
        first = json.loads(await ws.recv())
    except (ConnectionClosed, ValueError):
        return None
    request_id = first.get("id", 0) if isinstance(first, dict) else 0
    if isinstance(first, dict) and first.get("type") in ("sign_in", "authenticate"):
        await ws.send(json.dumps({"type": "welcome", "id": request_id, "token": "bare"}))
        agents.append(ws)
        try:
            async for _ in ws:
                pass
        except ConnectionClosed:
            pass
        finally:
            agents.remove(ws)
        return None
    counters["visitors"] += 1
    await ws.send(
        json.dumps(
            {
                "type": "visitor_welcome",
                "id": request_id,
                "visitor_token": "bare",
                "visitor_id": counters["visitors"],
                "agents_online": bool(agents),
            }
        )
    )
    return counters["visitors"]


async def forward(raw: str | bytes, ws: ServerConnection) -> None:
    """What a visitor's frame gets: sent to every agent, echoed to the visitor."""
    for agent in agents:
        await agent.send(raw)
    await ws.send(raw)
    counters["forwarded"] += 1


async def handler(ws: ServerConnection) -> None:
    if await greet(ws) is None:
        return
    try:
        async for raw in ws:
            await forward(raw, ws)
    except ConnectionClosed:
        pass


async def run_server(
    args: argparse.Namespace,
    handle: Callable[[ServerConnection], Awaitable[None]],
    stats: Callable[[], dict[str, Any]] = dict,
) -> None:
    """Listen on 127.0.0.1 with the relay's websocket settings, write the ready file, write the
    stats file (``counters`` and ``stats()``) on SIGUSR1, stop on SIGTERM."""
    raise_nofile()
    seq = 0

    def dump_stats() -> None:
        nonlocal seq
        seq += 1
        data = {"seq": seq, "time": time.monotonic(), **counters, **stats()}
        write_json_atomic(args.stats, data)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, dump_stats)
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with serve(
        handle,
        "127.0.0.1",
        0,
        max_size=p.MAX_FRAME_BYTES,
        compression=None,
        ping_interval=20.0,
        ping_timeout=20.0,
    ) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        write_json_atomic(
            args.ready,
            {
                "pid": os.getpid(),
                "port": port,
                "ws_url": f"ws://127.0.0.1:{port}/ws",
                "http_url": f"http://127.0.0.1:{port}",
                "site_key": "bare",
            },
        )
        await stop.wait()


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ready", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    return parser


if __name__ == "__main__":
    asyncio.run(run_server(arguments().parse_args(), handler))

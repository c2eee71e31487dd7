"""The baseline: a bare websockets server (``websockets.asyncio`` API) that forwards each text
frame of a visitor socket to the agent socket and echoes it back to the visitor as its "ack".
No database, no validation, no rate limit, no queue of its own.

    python -m bench.bare_forwarder --ready FILE --stats FILE

The first frame of a socket only decides its role (``sign_in``/``authenticate`` makes it the
agent, anything else a visitor) and is answered with a frame shaped like the relay's
``welcome``/``visitor_welcome``, so the benchmark's clients run the same code against both
servers. The websocket settings that cost memory or CPU are the relay's: no compression, the same
frame limit, the same keepalive pings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import time
from pathlib import Path

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from bench.common import raise_nofile, write_json_atomic
from server import protocol as p

agents: list[ServerConnection] = []
counters = {"visitors": 0, "forwarded": 0}


async def handler(ws: ServerConnection) -> None:
    try:
        first = json.loads(await ws.recv())
    except (ConnectionClosed, ValueError):
        return
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
        return
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
    try:
        async for raw in ws:
            for agent in agents:
                await agent.send(raw)
            await ws.send(raw)
            counters["forwarded"] += 1
    except ConnectionClosed:
        pass


async def main(args: argparse.Namespace) -> None:
    raise_nofile()
    seq = 0

    def dump_stats() -> None:
        nonlocal seq
        seq += 1
        write_json_atomic(args.stats, {"seq": seq, "time": time.monotonic(), **counters})

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, dump_stats)
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with serve(
        handler,
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--ready", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    asyncio.run(main(parser.parse_args()))

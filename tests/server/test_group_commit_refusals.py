"""Finding 9 (security review 1): a refused write does not switch off group commit."""

from __future__ import annotations

import asyncio
from typing import Any

from server import protocol as p
from server.account import agents as agents_repo
from tests.support.relay import running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def test_forty_refused_writes_in_one_batch_cost_one_transaction(db_url: str) -> None:
    """Finding 9: 40 visitors write while no agent is online (each write is refused with
    no_agents_online) in the same batch as one good write: the batch commits in one
    transaction (it took 41 before), the good write is stored, every refusal is answered."""
    async with running_relay(db_url) as relay:
        writer = relay.relay.writer
        visitors = [Visitor(relay.ws_url, relay.site_key) for _ in range(40)]
        for v in visitors:
            assert isinstance(await v.connect(), p.VisitorWelcome)

        transactions = 0
        gate = asyncio.Event()
        original = writer._transaction

        async def counted(writes: list[Any]) -> list[Any]:
            nonlocal transactions
            transactions += 1
            if transactions == 1:
                await gate.wait()  # hold the writer so the next writes gather in one batch
            return await original(writes)

        writer._transaction = counted  # type: ignore[method-assign]
        held = asyncio.create_task(writer.run(agents_repo.create_site("held", "Held", [], "en")))
        await until(lambda: transactions == 1)
        answers = [asyncio.create_task(v.say(f"hello {i}")) for i, v in enumerate(visitors)]
        good = asyncio.create_task(writer.run(agents_repo.create_site("good", "Good", [], "en")))

        def half_done(conn: Any) -> None:
            agents_repo.create_site("half", "Half", [], "en")(conn)
            raise p.FrameRejected("invalid", "refused after a change")

        half = asyncio.create_task(writer.run(half_done))
        await until(lambda: writer._queue.qsize() == 42)
        gate.set()
        await held
        assert await good  # the neighbour of 40 refusals is committed
        for answer in answers:
            refused = await answer
            assert isinstance(refused, p.Error) and refused.code == "no_agents_online"
        try:
            await half
        except p.FrameRejected:
            pass
        else:
            raise AssertionError("the refused write did not raise")
        assert transactions == 2  # the held write, then one for the batch of 42
        async with relay.relay.engine.connect() as db:
            site = await db.run_sync(agents_repo.site_by_key, "good")
            undone = await db.run_sync(agents_repo.site_by_key, "half")
        assert site is not None and site.name == "Good"
        assert undone is None  # only the refused write rolled back, to its savepoint
        for v in visitors:
            await v.close()

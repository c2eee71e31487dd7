"""The call log's frames on the relay (P1). Each handler declares its role next to it: any
agent, with the role read fresh (an admin sees and edits everyone's calls, an agent its own;
the check is in ``calls``, inside the read or write that uses it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core import bus as topics
from server.core.bus import Bus
from server.core.frames import serves
from server.crm import access
from server.phone import calls
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.sessions import AgentSession


class PhoneService:
    """Store, answer, then push: a logged or changed call goes through the bus to its agent's
    devices and to every admin (whose call logs hold everyone's calls); a client's card shows
    it the next time it is read."""

    def __init__(self, engine: AsyncEngine, writer: GroupWriter, bus: Bus) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus

    @serves(p.LogCall, fresh_role=True)
    async def log_call(self, s: AgentSession, frame: p.LogCall) -> None:
        def write(conn: Connection) -> tuple[p.CallInfo, list[int]]:
            info = calls.log_call(conn, s.agent, frame)
            return info, sorted({info.agent_id, *access.admins(conn)})

        info, audience = await self.writer.run(write)
        s.conn.send(p.CallLogged(id=frame.id, call=info))
        text = p.encode(p.CallChanged(call=info))
        for agent_id in audience:
            self.bus.publish(topics.agent_topic(agent_id), text)

    @serves(p.ListCalls, fresh_role=True)
    async def list_calls(self, s: AgentSession, frame: p.ListCalls) -> None:
        found = await read(self.engine, calls.call_list, s.agent, frame)
        s.conn.send(p.CallList(id=frame.id, calls=found))

"""The call log's frames on the relay (P1). Each handler declares its role next to it: any
agent, with the role read fresh (an admin sees and edits everyone's calls, an agent its own;
the check is in ``calls``, inside the read or write that uses it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core.frames import serves
from server.phone import calls
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.sessions import AgentSession


class PhoneService:
    """No pushes: a call is the business of its agent (and the admins, who ask for the list);
    a client's card shows it the next time it is read."""

    def __init__(self, engine: AsyncEngine, writer: GroupWriter) -> None:
        self.engine = engine
        self.writer = writer

    @serves(p.LogCall, fresh_role=True)
    async def log_call(self, s: AgentSession, frame: p.LogCall) -> None:
        info = await self.writer.run(lambda conn: calls.log_call(conn, s.agent, frame))
        s.conn.send(p.CallLogged(id=frame.id, call=info))

    @serves(p.ListCalls, fresh_role=True)
    async def list_calls(self, s: AgentSession, frame: p.ListCalls) -> None:
        found = await read(self.engine, calls.call_list, s.agent, frame)
        s.conn.send(p.CallList(id=frame.id, calls=found))

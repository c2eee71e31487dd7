"""The file frames of agents and visitors (C14): ``upload_file`` starts an upload whose bytes
follow as binary frames (read by the relay's loop into :class:`FileService`), ``file_link`` asks
for a signed download link. Visitors send to their own chat only, and not while blocked (C8, B5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from server import protocol as p
from server.actions.blocks import refusal
from server.actions.service import ActionService
from server.core.frames import serves
from server.files.service import FileService

if TYPE_CHECKING:
    from server.core.sessions import AgentSession, VisitorSession


class FileFrames:
    def __init__(self, files: FileService, actions: ActionService) -> None:
        self.files = files
        self.actions = actions

    @serves(p.UploadFile)
    async def agent_upload(self, s: AgentSession, frame: p.UploadFile) -> None:
        await self.files.begin(s.conn, frame, "agent", s.agent_id, s.agent.name)

    @serves(p.FileLink, fresh_role=True)  # admins may read the files of any visitor chat
    async def agent_link(self, s: AgentSession, frame: p.FileLink) -> None:
        s.conn.send(await self.files.link(frame, "agent", s.agent_id, s.role))

    @serves(p.UploadFile, role="visitor")
    async def visitor_upload(self, s: VisitorSession, frame: p.UploadFile) -> None:
        if frame.chat_id is not None:
            raise p.FrameRejected("forbidden", "visitors send to their own chat", frame.id)
        blocked = await self.actions.block_kind(s.site_id, s.visitor_id, s.conn.ip)
        if blocked is not None:  # C8, B5
            raise refusal(blocked)
        await self.files.begin(s.conn, frame, "visitor", s.visitor_id, "")

    @serves(p.FileLink, role="visitor")
    async def visitor_link(self, s: VisitorSession, frame: p.FileLink) -> None:
        s.conn.send(await self.files.link(frame, "visitor", s.visitor_id))

"""The team: every agent with a live status (T1)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from jivo_desktop.services.session import SessionService
from server import protocol as p


class TeamService(QObject):
    """Signals: ``changed()`` when an agent came, went or changed status, or the departments
    (T4) changed."""

    changed = Signal()

    def __init__(self, session: SessionService) -> None:
        super().__init__()
        self.session = session
        self.agents: dict[int, p.AgentInfo] = {}
        self.departments: list[p.DepartmentInfo] = []
        self._disabled: set[int] = set()
        session.frame_received.connect(self._on_session_frame_received)
        session.signed_out.connect(self._on_session_signed_out)

    def name_of(self, agent_id: int) -> str:
        agent = self.agents.get(agent_id)
        return agent.name if agent else ""

    def departments_of(self, agent_id: int) -> list[p.DepartmentInfo]:
        """T4: the departments the agent belongs to."""
        return [d for d in self.departments if agent_id in d.agent_ids]

    def ordered(self) -> list[p.AgentInfo]:
        rank = {"online": 0, "away": 1, "offline": 2}
        return sorted(self.agents.values(), key=lambda a: (rank[a.status], a.name.lower()))

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.Welcome):
            self.agents = {a.id: a for a in frame.agents}
            self.agents[frame.agent.id] = frame.agent
            self.departments = list(frame.departments)
            self.changed.emit()
        elif isinstance(frame, p.DepartmentsChanged | p.DepartmentsList):
            self.departments = list(frame.departments)
            self.changed.emit()
        elif isinstance(frame, p.AgentPresence):
            if frame.agent.id in self._disabled:
                return  # the disabled agent's connection closing: it stays gone
            self.agents[frame.agent.id] = frame.agent
            self.changed.emit()
        elif isinstance(frame, p.AgentChanged):
            # K2: added, renamed, re-roled or disabled by an admin, pushed to everyone.
            if frame.change == "disabled":
                self._disabled.add(frame.agent.id)
                self.agents.pop(frame.agent.id, None)
            else:
                self._disabled.discard(frame.agent.id)
                known = self.agents.get(frame.agent.id)
                status = known.status if known else frame.agent.status
                self.agents[frame.agent.id] = p.AgentInfo(
                    id=frame.agent.id,
                    name=frame.agent.name,
                    email=frame.agent.email,
                    role=frame.agent.role,
                    status=status,
                )
            self.changed.emit()

    def _on_session_signed_out(self) -> None:
        self.agents.clear()
        self.departments = []
        self.changed.emit()

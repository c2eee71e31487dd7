"""R3/K4: sales funnels and their stages. Every funnel has its open stages in order, then one
``won`` and one ``lost`` stage that cannot be deleted or moved. A stage or funnel that still
has deals is not deleted unless its deals are moved (``in_use``)."""

from __future__ import annotations

import time
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import crm_deals, crm_funnels, crm_stages

DEFAULT_WON = "Won"
DEFAULT_LOST = "Lost"


def funnel_list(conn: Connection) -> list[p.FunnelInfo]:
    stages: dict[int, list[p.StageInfo]] = defaultdict(list)
    for r in conn.execute(sa.select(crm_stages).order_by(crm_stages.c.position, crm_stages.c.id)):
        stages[r.funnel_id].append(
            p.StageInfo(
                id=r.id, name=r.name, kind=r.kind, position=r.position,
                time_limit_hours=r.time_limit_hours,
            )
        )  # fmt: skip
    rows = conn.execute(sa.select(crm_funnels).order_by(crm_funnels.c.position, crm_funnels.c.id))
    return [
        p.FunnelInfo(id=r.id, name=r.name, visibility=r.visibility, stages=stages[r.id])
        for r in rows
    ]


def visibility_of(conn: Connection, funnel_id: int) -> str | None:
    """The funnel's visibility, None when there is no such funnel."""
    found = conn.execute(
        sa.select(crm_funnels.c.visibility).where(crm_funnels.c.id == funnel_id)
    ).scalar()
    return None if found is None else str(found)


def stage(conn: Connection, stage_id: int) -> sa.Row[tuple[object, ...]] | None:
    return conn.execute(sa.select(crm_stages).where(crm_stages.c.id == stage_id)).first()


def first_stage(conn: Connection, funnel_id: int) -> int | None:
    found = conn.execute(
        sa.select(crm_stages.c.id)
        .where(crm_stages.c.funnel_id == funnel_id)
        .order_by(crm_stages.c.position, crm_stages.c.id)
        .limit(1)
    ).scalar()
    return None if found is None else int(found)


def _deals_in(conn: Connection, stage_ids: list[int]) -> int:
    if not stage_ids:
        return 0
    query = sa.select(sa.func.count()).select_from(crm_deals)
    return int(conn.execute(query.where(crm_deals.c.stage_id.in_(stage_ids))).scalar() or 0)


def save_funnel(conn: Connection, frame: p.SaveFunnel) -> int:
    now = time.time()
    if frame.funnel_id is None:
        count = conn.execute(sa.select(sa.func.count()).select_from(crm_funnels)).scalar() or 0
        if count >= p.MAX_FUNNELS:
            raise p.FrameRejected("invalid", "too many funnels", frame.id)
        funnel_id = int(
            conn.execute(
                sa.insert(crm_funnels)
                .values(name=frame.name, visibility=frame.visibility, position=count,
                        created_at=now)
                .returning(crm_funnels.c.id)
            ).scalar_one()
        )  # fmt: skip
        for kind, name in (("won", DEFAULT_WON), ("lost", DEFAULT_LOST)):
            conn.execute(sa.insert(crm_stages).values(funnel_id=funnel_id, name=name, kind=kind))
    else:
        funnel_id = frame.funnel_id
        done = conn.execute(
            sa.update(crm_funnels)
            .where(crm_funnels.c.id == funnel_id)
            .values(name=frame.name, visibility=frame.visibility)
        )
        if not done.rowcount:
            raise p.FrameRejected("not_found", "no such funnel", frame.id)
    rows = conn.execute(sa.select(crm_stages).where(crm_stages.c.funnel_id == funnel_id)).all()
    open_ids = {r.id for r in rows if r.kind == "open"}
    given = [s.stage_id for s in frame.stages if s.stage_id is not None]
    if len(set(given)) != len(given) or not set(given) <= open_ids:
        raise p.FrameRejected("invalid", "a stage of another funnel, or twice", frame.id)
    gone = sorted(open_ids - set(given))
    if _deals_in(conn, gone):
        raise p.FrameRejected("in_use", "a stage to delete still has deals: move them", frame.id)
    if gone:
        conn.execute(sa.delete(crm_stages).where(crm_stages.c.id.in_(gone)))
    for position, edit in enumerate(frame.stages):
        values = {"name": edit.name, "position": position,
                  "time_limit_hours": edit.time_limit_hours}  # fmt: skip
        if edit.stage_id is None:
            conn.execute(sa.insert(crm_stages).values(funnel_id=funnel_id, kind="open", **values))
        else:
            conn.execute(
                sa.update(crm_stages).where(crm_stages.c.id == edit.stage_id).values(**values)
            )
    end = len(frame.stages)
    for offset, (kind, name) in enumerate((("won", frame.won_name), ("lost", frame.lost_name))):
        end_values: dict[str, object] = {"position": end + offset}
        if name:
            end_values["name"] = name
        conn.execute(
            sa.update(crm_stages)
            .where(crm_stages.c.funnel_id == funnel_id, crm_stages.c.kind == kind)
            .values(**end_values)
        )
    return funnel_id


def delete_funnel(conn: Connection, frame: p.DeleteFunnel) -> None:
    stage_ids = [
        int(i)
        for i in conn.execute(
            sa.select(crm_stages.c.id).where(crm_stages.c.funnel_id == frame.funnel_id)
        ).scalars()
    ]
    if not stage_ids:
        raise p.FrameRejected("not_found", "no such funnel", frame.id)
    if _deals_in(conn, stage_ids):
        target = None if frame.move_to_stage_id is None else stage(conn, frame.move_to_stage_id)
        if target is None or target.funnel_id == frame.funnel_id:
            raise p.FrameRejected(
                "in_use", "the funnel still has deals: say which stage they move to", frame.id
            )
        conn.execute(
            sa.update(crm_deals)
            .where(crm_deals.c.funnel_id == frame.funnel_id)
            .values(funnel_id=target.funnel_id, stage_id=target.id, stage_since=time.time())
        )
    conn.execute(sa.delete(crm_stages).where(crm_stages.c.funnel_id == frame.funnel_id))
    conn.execute(sa.delete(crm_funnels).where(crm_funnels.c.id == frame.funnel_id))

"""R3: deals ("Tratos"): a title, a client, a value in minor units with its ISO currency, an
owner, a stage of a funnel, an expected close date, a lost reason. A deal that stays in an open
stage longer than the stage's time limit is ``stale`` (computed as it is read, from
``stage_since``: no timer is needed)."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import access, clients, funnels
from server.integrations import hooks
from server.store.schema import agents, crm_clients, crm_deals, crm_stages, crm_tasks

_SELECT = (
    sa.select(
        crm_deals,
        crm_stages.c.kind.label("stage_kind"),
        crm_stages.c.time_limit_hours,
        crm_clients.c.name.label("client_name"),
    )
    .join(crm_stages, crm_stages.c.id == crm_deals.c.stage_id)
    .outerjoin(crm_clients, crm_clients.c.id == crm_deals.c.client_id)
)


def _info(r: Any, now: float) -> p.DealInfo:
    limit = r.time_limit_hours * 3600
    return p.DealInfo(
        id=r.id, title=r.title, client_id=r.client_id, client_name=r.client_name or "",
        value_minor=r.value_minor, currency=r.currency, owner_id=r.owner_id,
        funnel_id=r.funnel_id, stage_id=r.stage_id, expected_close=r.expected_close,
        lost_reason=r.lost_reason, stage_since=r.stage_since,
        stale=bool(limit) and r.stage_kind == "open" and now - r.stage_since > limit,
        created_at=r.created_at, updated_at=r.updated_at,
    )  # fmt: skip


def deal(conn: Connection, deal_id: int) -> p.DealInfo | None:
    row = conn.execute(_SELECT.where(crm_deals.c.id == deal_id)).first()
    return None if row is None else _info(row, time.time())


def deal_list(
    conn: Connection, agent: p.AgentInfo, funnel_id: int | None, client_id: int | None, limit: int
) -> list[p.DealInfo]:
    query = _SELECT
    if funnel_id is not None:
        query = query.where(crm_deals.c.funnel_id == funnel_id)
    if client_id is not None:
        query = query.where(crm_deals.c.client_id == client_id)
    now = time.time()
    found = []
    visibility = {f.id: f.visibility for f in funnels.funnel_list(conn)}
    rows = conn.execute(
        query.order_by(crm_stages.c.position, crm_deals.c.updated_at.desc()).limit(limit)
    )
    for r in rows:
        if access.may_see_deal(agent, visibility.get(r.funnel_id, "all"), r.owner_id):
            found.append(_info(r, now))
    return found


def check_deal(conn: Connection, agent: p.AgentInfo, deal_id: int, request_id: int) -> p.DealInfo:
    info = deal(conn, deal_id)
    visibility = None if info is None else funnels.visibility_of(conn, info.funnel_id)
    if info is None or not access.may_see_deal(agent, visibility or "all", info.owner_id):
        raise p.FrameRejected("not_found", "no such deal", request_id)
    return info


def audience(conn: Connection, info: p.DealInfo) -> access.Audience:
    return access.deal_audience(conn, funnels.visibility_of(conn, info.funnel_id) or "all",
                                info.owner_id)  # fmt: skip


def save_deal(conn: Connection, agent: p.AgentInfo, frame: p.SaveDeal) -> p.DealInfo:
    visibility = funnels.visibility_of(conn, frame.funnel_id)
    if visibility is None:
        raise p.FrameRejected("not_found", "no such funnel", frame.id)
    before = None if frame.deal_id is None else check_deal(conn, agent, frame.deal_id, frame.id)
    stage_id = frame.stage_id or (before.stage_id if before else None)
    stage_id = stage_id or funnels.first_stage(conn, frame.funnel_id)
    stage = None if stage_id is None else funnels.stage(conn, stage_id)
    if stage is None or stage.funnel_id != frame.funnel_id:
        raise p.FrameRejected("invalid", "not a stage of that funnel", frame.id)
    owner = frame.owner_id or (before.owner_id if before else None) or agent.id
    if agent.role != "admin" and visibility == "own" and owner != agent.id:
        raise p.FrameRejected("forbidden", "in this funnel agents own their deals", frame.id)
    if conn.execute(sa.select(agents.c.id).where(agents.c.id == owner)).first() is None:
        raise p.FrameRejected("invalid", "no such agent", frame.id)
    client_id = None
    if frame.client_id is not None:
        client_id = clients.live_id(conn, frame.client_id)
        if client_id is None:
            raise p.FrameRejected("not_found", "no such client", frame.id)
        access.check_client(conn, agent, client_id, frame.id)
    now = time.time()
    values = {
        "title": frame.title, "funnel_id": frame.funnel_id, "stage_id": stage.id,
        "client_id": client_id, "value_minor": frame.value_minor, "currency": frame.currency,
        "owner_id": owner, "expected_close": frame.expected_close,
        "lost_reason": frame.lost_reason if stage.kind == "lost" else "", "updated_at": now,
    }  # fmt: skip
    if before is None:
        deal_id = int(
            conn.execute(
                sa.insert(crm_deals)
                .values(**values, stage_since=now, created_at=now)
                .returning(crm_deals.c.id)
            ).scalar_one()
        )
    else:
        deal_id = before.id
        if before.stage_id != stage.id:
            values["stage_since"] = now
        conn.execute(sa.update(crm_deals).where(crm_deals.c.id == deal_id).values(**values))
    return _changed(conn, deal_id, "created" if before is None else "updated")


def move_deal(conn: Connection, agent: p.AgentInfo, frame: p.MoveDeal) -> p.DealInfo:
    before = check_deal(conn, agent, frame.deal_id, frame.id)
    stage = funnels.stage(conn, frame.stage_id)
    if stage is None or stage.funnel_id != before.funnel_id:
        raise p.FrameRejected("invalid", "not a stage of the deal's funnel", frame.id)
    if stage.id == before.stage_id:
        return before
    conn.execute(
        sa.update(crm_deals)
        .where(crm_deals.c.id == frame.deal_id)
        .values(
            stage_id=stage.id, stage_since=time.time(), updated_at=time.time(),
            lost_reason=frame.lost_reason if stage.kind == "lost" else "",
        )
    )  # fmt: skip
    return _changed(conn, frame.deal_id, "moved")


def delete_deal(conn: Connection, agent: p.AgentInfo, deal_id: int, request_id: int) -> p.DealInfo:
    info = check_deal(conn, agent, deal_id, request_id)
    conn.execute(sa.update(crm_tasks).where(crm_tasks.c.deal_id == deal_id).values(deal_id=None))
    conn.execute(sa.delete(crm_deals).where(crm_deals.c.id == deal_id))
    hooks.enqueue(conn, "deal_changed", {"change": "deleted", "deal_id": deal_id})
    return info


def _changed(conn: Connection, deal_id: int, change: str) -> p.DealInfo:
    info = deal(conn, deal_id)
    assert info is not None
    stage = funnels.stage(conn, info.stage_id)
    hooks.enqueue(
        conn,
        "deal_changed",
        {"change": change, "deal_id": info.id, "title": info.title, "client_id": info.client_id,
         "value_minor": info.value_minor, "currency": info.currency, "owner_id": info.owner_id,
         "funnel_id": info.funnel_id, "stage_id": info.stage_id,
         "stage_kind": stage.kind if stage is not None else "open"},
    )  # fmt: skip
    return info

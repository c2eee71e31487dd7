"""S1 statistics: a generated history with known answers, written through the relay's real
writes (chat, ladder, transfer, close, offline form, status, invitations) on a clock the test
sets, then every figure checked against numbers computed by hand below from the scenario (not
from the code under test). SQLite and PostgreSQL (the fast message path differs).

The scenario, in Europe/Madrid (the account's time zone), across the spring DST change of
Sunday 2026-03-29 (02:00 CET becomes 03:00 CEST: that day has 23 hours) and across midnight:

* C1 Sat 23:50 CET, offered to Ana (least busy), accepted +30 s, Ana replies +70 s, closed by
  Ana Sun 00:10 CET (+1200 s): 3 messages. Starts on Saturday, ends on Sunday.
* C2 Sun 01:30 CET, the full ladder: Ana ignores round 0, Bea round 1, both rounds 2 and 3:
  missed at round 3 (4 offers, 6 ignores).
* C3 Sun 03:30 CEST (after the jump), offered to Ana, accepted +20 s, transferred to Bea
  (asked +60 s, accepted +90 s), Bea answers first +100 s (credited to Bea), closed +600 s.
* Ana away Mon 09:00-12:00 CEST. C4 Mon 10:00 CEST goes to Bea (Ana away): accepted +40 s,
  reply +55 s, closed +300 s.
* Bea invites a visitor Mon 11:00 CEST; the visitor answers 11:02 (C5, the invitation's text
  stored first as Bea's line, not a reply); Bea's reply +60 s; C5 stays open.
* A rule invitation Mon 15:00 CEST (not answered); an offline message Mon 20:00 CEST.
* Ana and Bea online from Sat 23:00 CET, offline Mon 18:00 CEST.
* Working hours Mon-Sat 09:00-18:00, Sunday closed.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
import pytest

from server import protocol as p
from server.account import agents as agents_repo
from server.account import departments as departments_repo
from server.account import repo as account_repo
from server.actions import repo as actions_repo
from server.chats import fast_messages, ladder
from server.chats import writes as chat_writes
from server.stats import log as stats_log
from server.stats import rollup
from server.stats.recorder import Recorder
from server.stats.service import StatsService
from server.store.db import create_engine, create_writer_engine, migrate, read
from server.store.writer import GroupWriter
from server.visitors import repo as visitors_repo

MADRID = ZoneInfo("Europe/Madrid")
UTC = dt.UTC


def at(y: int, mo: int, d: int, h: int, mi: int = 0, s: int = 0) -> float:
    """A Madrid wall-clock time as UNIX time."""
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=MADRID).timestamp()


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> float:
    return dt.datetime(y, mo, d, h, mi, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def time(self) -> float:
        return self.now


@dataclass
class World:
    writer: GroupWriter
    recorder: Recorder
    clock: Clock
    site: int
    ana: int
    bea: int
    visitors: list[int]

    async def run(self, when: float, write: Any) -> Any:
        self.clock.now = when
        return await self.writer.run(write)


@pytest.fixture
async def world(db_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[World]:
    clock = Clock()
    fake = types.SimpleNamespace(time=clock.time)
    for module in (chat_writes, ladder, fast_messages, actions_repo, visitors_repo, stats_log):
        monkeypatch.setattr(module, "time", fake)
    engine = create_engine(db_url)
    await migrate(engine)
    writer = GroupWriter(engine, sync_engine=create_writer_engine(db_url))
    writer.start()
    try:
        site = await writer.run(agents_repo.create_site("k" * 16, "Tienda", [], "es"))
        ana = await writer.run(agents_repo.create_agent("ana@example.com", "Ana", "x", "agent"))
        bea = await writer.run(agents_repo.create_agent("bea@example.com", "Bea", "x", "agent"))
        visitors = [
            await writer.run(visitors_repo.create_visitor(site, f"t{n}", "203.0.113.9", "", ""))
            for n in range(5)
        ]
        hours = p.WorkingHours(
            enabled=True,
            timezone="Europe/Madrid",
            days=[p.DayHours(open=n < 6, start="09:00", end="18:00") for n in range(7)],
        )
        await writer.run(account_repo.save_setting("working_hours", msgspec.to_builtins(hours)))
        w = World(writer, Recorder(writer), clock, site, ana, bea, visitors)
        w.engine = engine  # type: ignore[attr-defined]
        yield w
    finally:
        await writer.close()
        await engine.dispose()


def visitor_says(
    w: World, n: int, text: str, online: list[int], opening: Any = None, site: int = 0
) -> Any:
    route = None if opening is not None else ladder.route_new(online)
    cmid = f"v{n}-{text}"
    site = site or w.site
    return fast_messages.VisitorMessage(
        plain=chat_writes.visitor_message(
            w.visitors[n], site, cmid, text, True, route, opening=opening
        ),
        client_msg_id=cmid,
        text=text,
        visitor_id=w.visitors[n],
        site_id=site,
        ip="203.0.113.9",
    )


def agent_says(agent_id: int, name: str, chat_id: int, text: str) -> Any:
    cmid = f"a{agent_id}-{chat_id}-{text}"
    return fast_messages.AgentMessage(
        plain=chat_writes.agent_message(agent_id, name, chat_id, cmid, text),
        client_msg_id=cmid,
        text=text,
        agent_id=agent_id,
        agent_name=name,
        chat_id=chat_id,
    )


async def play(w: World) -> dict[str, int]:
    """The scenario of the module's docstring; returns the chat ids."""
    ana, bea = w.ana, w.bea
    both = [ana, bea]
    rec = w.recorder
    w.clock.now = at(2026, 3, 28, 23, 0)
    rec.status(ana, "online")
    rec.status(bea, "online")
    await rec.flush()

    t1 = at(2026, 3, 28, 23, 50)
    c1 = (await w.run(t1, visitor_says(w, 0, "hola", both))).event.chat_id
    await w.run(t1 + 30, chat_writes.accept_chat(ana, "Ana", c1))
    await w.run(t1 + 70, agent_says(ana, "Ana", c1, "hi"))
    await w.run(t1 + 75, agent_says(ana, "Ana", c1, "second line, not a first reply"))
    await w.run(t1 + 1200, chat_writes.close_chat(ana, "Ana", c1))

    t2 = at(2026, 3, 29, 1, 30)
    c2 = (await w.run(t2, visitor_says(w, 1, "anyone?", both))).event.chat_id
    await w.run(t2 + 10, ladder.ignore(ana, "Ana", c2, both))  # round 0
    await w.run(t2 + 20, ladder.ignore(bea, "Bea", c2, both))  # round 1
    for n, round_ in enumerate((2, 3)):
        await w.run(t2 + 30 + 20 * n, ladder.ignore(ana, "Ana", c2, both))
        done = await w.run(t2 + 40 + 20 * n, ladder.ignore(bea, "Bea", c2, both))
        assert done.offer is not None and done.offer.missed == (round_ == 3)

    t3 = at(2026, 3, 29, 3, 30)
    assert t3 - t2 == 3600  # the DST jump: 01:30 CET to 03:30 CEST is one hour
    c3 = (await w.run(t3, visitor_says(w, 2, "pedido", both))).event.chat_id
    await w.run(t3 + 20, chat_writes.accept_chat(ana, "Ana", c3))
    inv = await w.run(t3 + 60, actions_repo.invite("transfer", c3, ana, bea, "yours", 300))
    await w.run(t3 + 90, actions_repo.answer_invitation(inv.id, bea, "Bea", True))
    await w.run(t3 + 100, agent_says(bea, "Bea", c3, "hello from Bea"))
    await w.run(t3 + 600, chat_writes.close_chat(bea, "Bea", c3))

    w.clock.now = at(2026, 3, 30, 9, 0)
    rec.status(ana, "away")
    await rec.flush()
    t4 = at(2026, 3, 30, 10, 0)
    c4 = (await w.run(t4, visitor_says(w, 3, "precio", [bea]))).event.chat_id
    await w.run(t4 + 40, chat_writes.accept_chat(bea, "Bea", c4))
    await w.run(t4 + 55, agent_says(bea, "Bea", c4, "10 euros"))
    await w.run(t4 + 300, chat_writes.close_chat(bea, "Bea", c4))

    w.clock.now = at(2026, 3, 30, 11, 0)
    rec.record("invitation_sent", site_id=w.site, agent_id=bea, detail="manual")
    await rec.flush()
    t5 = at(2026, 3, 30, 11, 2)
    opening = (bea, "Bea", "Can I help?")
    c5 = (await w.run(t5, visitor_says(w, 4, "yes", [bea], opening))).event.chat_id
    await w.run(t5, chat_writes.accept_chat(bea, "Bea", c5))
    await w.run(t5 + 60, agent_says(bea, "Bea", c5, "tell me"))

    w.clock.now = at(2026, 3, 30, 12, 0)
    rec.status(ana, "online")
    w.clock.now = at(2026, 3, 30, 15, 0)
    rec.record("invitation_sent", site_id=w.site, agent_id=None, detail="rule")
    await rec.flush()
    w.clock.now = at(2026, 3, 30, 18, 0)
    rec.status(ana, "offline")
    rec.status(bea, "offline")
    await rec.flush()
    await w.run(
        at(2026, 3, 30, 20, 0),
        visitors_repo.store_offline_message(w.site, w.visitors[0], "Eva", "eva@example.com", "?"),
    )
    return {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5}


async def report(w: World, group: str = "day", **kw: Any) -> p.StatsReport:
    frame = p.GetStats(id=1, date_from="2026-03-28", date_to="2026-03-30", group=group, **kw)  # type: ignore[arg-type]
    service = StatsService(w.engine)  # type: ignore[attr-defined]
    return await service.build(frame, kw.get("agent_id"), None)


def tf(f: p.TimeFigure) -> tuple[int, float | None, float | None, float | None]:
    return (f.count, f.mean, f.median, f.p90)


H = 3600.0


async def test_known_answers_every_figure_grouping_and_time_base(world: World) -> None:
    """S1: every figure, every grouping (hour, day, week, month, weekday x hour), both time
    bases, and the per-agent and per-chat figures, against the scenario's hand-computed
    answers."""
    ids = await play(world)
    # The rollup the writer kept is what the log says, chat by chat (it is derived).
    engine = world.engine  # type: ignore[attr-defined]
    kept, logged = await read(engine, rollup.from_rollup), await read(engine, rollup.from_log)
    assert kept == logged and len(kept) == 5
    r = await report(world)
    assert r.timezone == "Europe/Madrid"
    # The range: Sat 00:00 CET to Tue 00:00 CEST, 24 + 23 + 24 hours.
    assert r.start == utc(2026, 3, 27, 23) and r.end == utc(2026, 3, 30, 22)
    s = r.summary
    assert (s.chats, s.answered, s.missed, s.unanswered, s.offline_messages) == (5, 4, 1, 0, 1)
    # First response: C1 70, C3 100 (Bea's, after the transfer), C4 55, C5 60 (not the
    # invitation's own line).
    assert tf(s.first_response) == (4, 71.25, 65.0, 100.0)
    assert tf(s.reaction) == (3, 30.0, 30.0, 40.0)  # C1 30, C3 20, C4 40; C5 invited: none
    assert tf(s.duration) == (3, 700.0, 600.0, 1200.0)  # C1 1200, C3 600, C4 300
    assert (s.messages, s.transfers, s.offers, s.ignores) == (7, 1, 7, 6)  # C1 3, C3 2, C4 2
    assert s.taken_at_round == [3, 0, 0, 0] and s.missed_at_round == [0, 0, 0, 1]
    assert (s.invitations_sent, s.invitations_answered, s.conversion) == (2, 1, 0.5)
    # Ana 33 h online + 3 h away + 6 h online; Bea 42 h online (Sat 22:00 to Mon 16:00 UTC).
    assert (s.online_seconds, s.away_seconds) == (81 * H, 3 * H)

    # Working hours only (Mon-Sat 09:00-18:00): C4 and C5, the two invitations, Monday's
    # 07:00-16:00 UTC of the agents' time; the offline message (20:00) is outside.
    wk = (await report(world, working_hours=True)).summary
    assert (wk.chats, wk.answered, wk.missed, wk.offline_messages) == (2, 2, 0, 0)
    assert tf(wk.first_response) == (2, 57.5, 57.5, 60.0)
    assert tf(wk.reaction) == (1, 40.0, 40.0, 40.0)
    assert tf(wk.duration) == (1, 300.0, 300.0, 300.0)
    assert (wk.messages, wk.transfers, wk.offers, wk.ignores) == (2, 0, 1, 0)
    assert wk.taken_at_round == [1, 0, 0, 0]
    assert (wk.invitations_sent, wk.invitations_answered) == (2, 1)
    assert (wk.online_seconds, wk.away_seconds) == (15 * H, 3 * H)

    # By day, in Madrid: Sunday is 23 hours long.
    days = r.periods
    assert [d.label for d in days] == ["2026-03-28", "2026-03-29", "2026-03-30"]
    assert [d.start for d in days] == [
        utc(2026, 3, 27, 23),
        utc(2026, 3, 28, 23),
        utc(2026, 3, 29, 22),
    ]
    assert [d.figures.chats for d in days] == [1, 2, 2]
    assert [d.figures.missed for d in days] == [0, 1, 0]
    assert [tf(d.figures.first_response) for d in days] == [
        (1, 70.0, 70.0, 70.0),
        (1, 100.0, 100.0, 100.0),
        (2, 57.5, 57.5, 60.0),
    ]
    assert [d.figures.online_seconds for d in days] == [2 * H, 46 * H, 33 * H]
    assert [d.figures.away_seconds for d in days] == [0, 0, 3 * H]
    assert [d.figures.offline_messages for d in days] == [0, 0, 1]
    assert [d.figures.invitations_sent for d in days] == [0, 0, 2]

    # By hour: 71 local hours; Sunday has no 02:00.
    hours = (await report(world, group="hour")).periods
    assert len(hours) == 71
    sunday = [h.label for h in hours if h.label.startswith("2026-03-29")]
    assert len(sunday) == 23
    assert sunday[1:3] == ["2026-03-29 01:00+01:00", "2026-03-29 03:00+02:00"]
    busy = {h.label: h.figures.chats for h in hours if h.figures.chats}
    assert busy == {
        "2026-03-28 23:00+01:00": 1,
        "2026-03-29 01:00+01:00": 1,
        "2026-03-29 03:00+02:00": 1,
        "2026-03-30 10:00+02:00": 1,
        "2026-03-30 11:00+02:00": 1,
    }
    by_label = {h.label: h.figures for h in hours}
    assert by_label["2026-03-30 09:00+02:00"].away_seconds == H  # Ana away 09:00-10:00
    assert by_label["2026-03-30 09:00+02:00"].online_seconds == H  # Bea
    assert by_label["2026-03-30 18:00+02:00"].online_seconds == 0

    # By week (ISO, Monday first) and month; the first week is cut at the range's start.
    weeks = (await report(world, group="week")).periods
    assert [(x.label, x.figures.chats) for x in weeks] == [("2026-W13", 3), ("2026-W14", 2)]
    assert weeks[0].start == utc(2026, 3, 22, 23)  # Monday 23 March 00:00 CET
    assert weeks[0].figures.online_seconds == 48 * H
    months = (await report(world, group="month")).periods
    assert [(x.label, x.figures.chats, x.figures.answered) for x in months] == [("2026-03", 5, 4)]

    # Weekday x hour, local: Sat 23, Sun 1, Sun 3, Mon 10, Mon 11.
    cells = {(d, h): n for d, row in enumerate(r.heatmap) for h, n in enumerate(row) if n}
    assert cells == {(5, 23): 1, (6, 1): 1, (6, 3): 1, (0, 10): 1, (0, 11): 1}
    wk_cells = (await report(world, working_hours=True)).heatmap
    assert sum(map(sum, wk_cells)) == 2

    # Per agent.
    agents = {a.name: a.figures for a in r.agents}
    ana, bea = agents["Ana"], agents["Bea"]
    assert (ana.chats, ana.transfers, ana.ignores, ana.missed) == (2, 1, 3, 1)
    assert tf(ana.first_response) == (1, 70.0, 70.0, 70.0)
    assert tf(ana.reaction) == (2, 25.0, 25.0, 30.0)
    assert tf(ana.duration) == (2, 900.0, 900.0, 1200.0)
    assert (ana.online_seconds, ana.away_seconds) == (39 * H, 3 * H)
    assert (bea.chats, bea.transfers, bea.ignores) == (3, 0, 3)
    assert tf(bea.first_response) == (3, 215 / 3, 60.0, 100.0)
    assert tf(bea.reaction) == (1, 40.0, 40.0, 40.0)
    assert (bea.invitations_sent, bea.invitations_answered, bea.conversion) == (1, 1, 1.0)
    assert (bea.online_seconds, bea.away_seconds) == (42 * H, 0)

    # One agent's report: only where she is credited.
    only_bea = (await report(world, agent_id=world.bea)).summary
    assert only_bea.chats == 3 and tf(only_bea.first_response) == (3, 215 / 3, 60.0, 100.0)
    assert only_bea.online_seconds == 42 * H

    # Per chat.
    rows = {c.chat_id: c for c in r.chats}
    c1, c2, c3, c4, c5 = (rows[ids[k]] for k in ("c1", "c2", "c3", "c4", "c5"))
    assert (c1.outcome, c1.agent_id, c1.reply_agent_id) == ("answered", world.ana, world.ana)
    assert (c1.first_response, c1.reaction, c1.duration, c1.messages) == (70, 30, 1200, 3)
    assert (c2.outcome, c2.round, c2.agent_id) == ("missed", 3, None)
    assert (c3.agent_id, c3.reply_agent_id, c3.transfers, c3.first_response) == (
        world.ana,
        world.bea,
        1,
        100,
    )
    assert (c4.in_working_hours, c4.reaction, c4.messages) == (True, 40, 2)
    assert (c5.outcome, c5.reaction, c5.first_response, c5.duration) == ("answered", None, 60, None)
    assert not c1.in_working_hours


async def test_known_answers_per_channel_and_department(world: World) -> None:
    """S1 dimensions: a chat on the shop's site (Ana: first response 20 s) and one on a second
    site routed to the department Ventas, whose visitor picked it (Bea: 45 s); each filter
    keeps its own chat; the report names every channel and department for the filters."""
    w = world
    ventas = (await w.writer.run(departments_repo.save_department(None, "Ventas")))[0].id
    other = await w.writer.run(agents_repo.create_site("m" * 16, "Mayorista", [], "es"))

    def route_to_ventas(conn: Any) -> None:
        departments_repo.set_site_departments(conn, other, [ventas])

    await w.writer.run(route_to_ventas)
    buyer = await w.writer.run(visitors_repo.create_visitor(other, "t-b", "203.0.113.9", "", ""))
    await w.writer.run(departments_repo.choose_department(buyer, other, ventas))
    w.visitors.append(buyer)

    t = at(2026, 3, 30, 10, 0)
    x = (await w.run(t, visitor_says(w, 0, "hola", [w.ana]))).event.chat_id
    await w.run(t + 10, chat_writes.accept_chat(w.ana, "Ana", x))
    await w.run(t + 20, agent_says(w.ana, "Ana", x, "hi"))
    t = at(2026, 3, 30, 11, 0)
    y = (await w.run(t, visitor_says(w, 5, "precio", [w.bea], site=other))).event.chat_id
    await w.run(t + 30, chat_writes.accept_chat(w.bea, "Bea", y))
    await w.run(t + 45, agent_says(w.bea, "Bea", y, "10 euros"))

    everything = await report(world)
    assert everything.summary.chats == 2
    assert tf(everything.summary.first_response) == (2, 32.5, 32.5, 45.0)
    assert {c.chat_id: c.department_id for c in everything.chats} == {x: None, y: ventas}
    assert [s.name for s in everything.sites] == ["Mayorista", "Tienda"]
    assert [(d.id, d.name) for d in everything.departments] == [(ventas, "Ventas")]
    shop = await report(world, site_id=w.site)
    assert [c.chat_id for c in shop.chats] == [x]
    assert tf(shop.summary.first_response) == (1, 20.0, 20.0, 20.0)
    wholesale = await report(world, site_id=other)
    assert [c.chat_id for c in wholesale.chats] == [y]
    assert tf(wholesale.summary.reaction) == (1, 30.0, 30.0, 30.0)
    sales = await report(world, department_id=ventas)
    assert [c.chat_id for c in sales.chats] == [y]
    assert [a.name for a in sales.agents if a.figures.chats] == ["Bea"]


async def test_rollup_rebuilt_from_the_log_gives_the_same_report(world: World) -> None:
    """S1: report_chats is derived: rebuilt from report_log it gives the same rows and the same
    report (so a figure can always be recomputed from the log)."""
    await play(world)
    engine = world.engine  # type: ignore[attr-defined]
    before = await report(world, group="hour")
    assert await world.writer.run(rollup.rebuild) == 5
    assert await read(engine, rollup.from_rollup) == await read(engine, rollup.from_log)
    assert await report(world, group="hour") == before


def random_rollup_rows(rng: Any, n: int, start: float, end: float) -> list[dict[str, Any]]:
    """report_chats rows of every shape a chat can take: plain ones (no transfer, no ignore,
    the first reply by who accepted) and told ones, open and closed, missed, invited."""
    rows = []
    for chat_id in range(1, n + 1):
        t = rng.uniform(start, end)
        accepted_by = rng.choice([None, 1, 2, 3])
        accepted = accepted_by is not None or rng.random() < 0.05
        replied = accepted and rng.random() < 0.85
        missed = (not accepted and rng.random() < 0.5) or rng.random() < 0.03
        rows.append(
            {
                "chat_id": chat_id,
                "started_at": t,
                "site_id": rng.choice([1, 2]),
                "department_id": rng.choice([None, 1]),
                "invited": rng.random() < 0.1,
                "offers": rng.randint(0, 5),
                "last_offer_round": rng.choice([None, 0, 1, 2, 3, 4]),
                "accepted_at": t + rng.uniform(1, 90) if accepted else None,
                "accepted_by": accepted_by,
                "taken_round": rng.choice([None, 0, 1, 4]) if accepted else None,
                "replied_at": t + rng.uniform(5, 200) if replied else None,
                "replied_by": (
                    (accepted_by if rng.random() < 0.8 else rng.choice([None, 1, 2, 3]))
                    if replied
                    else None
                ),
                "closed_at": t + rng.uniform(60, 4000) if rng.random() < 0.8 else None,
                "messages": rng.choice([None, 0, 3, 12]),
                "missed_at": t + 120 if missed else None,
                "missed_round": rng.choice([None, 3, 5]) if missed else None,
                "ignores": rng.choice(["", "", "", "1", "2,3,2"]),
                "transfers": rng.choice(["", "", "", "", "1>2", ">3,2>1"]),
            }
        )
    return rows


def slow_chats(stories: list[Any], case: dict[str, Any]) -> list[Any]:
    return [
        s
        for s in stories
        if case.get("site_id") in (None, s.site_id)
        and case.get("department_id") in (None, s.department_id)
    ]


async def test_plain_chats_read_as_values_give_the_report_of_their_stories(
    db_url: str,
) -> None:
    """S1 speed path: the report of chats read as plain values (derived in SQL, never made
    into stories) equals the report of every chat's story, for random chats of every shape,
    every grouping, both time bases, per agent, channel and department; so do the chat rows.
    Fails if a plain value is derived differently from ChatStory (a reaction for an invited
    chat, a duration of a chat never accepted, the round) or a told chat is taken as plain."""
    import random

    from server.stats import figures
    from server.stats import repo as stats_repo
    from server.store.schema import report_chats

    engine = create_engine(db_url)
    await migrate(engine)
    try:
        rng = random.Random(18)
        start, end = figures.range_of("2026-03-01", "2026-04-30", MADRID)
        rows = random_rollup_rows(rng, 1500, start, end)
        async with engine.begin() as conn:
            await conn.execute(report_chats.insert(), rows)
        hours = p.WorkingHours(
            enabled=True,
            timezone="Europe/Madrid",
            days=[p.DayHours(open=n < 6, start="09:10", end="18:00") for n in range(7)],
        )
        cases = [
            {"group": "day"},
            {"group": "week", "working_only": True},
            {"group": "month", "agent_id": 2},
            {"group": "day", "site_id": 2, "department_id": 1},
            {"group": "hour", "agent_id": 3, "working_only": True},
        ]
        told_plain = 0
        for case in cases:
            site_id, department_id = case.get("site_id"), case.get("department_id")
            data = await read(engine, stats_repo.inputs, start, end, site_id, department_id)
            all_told = [figures.story_of_row(types.SimpleNamespace(**r)) for r in rows]
            reference = figures.Inputs(all_told, [], [], {}, {})
            told_plain = max(told_plain, len(data.plain))
            assert data.chats and data.plain
            assert len(data.chats) + len(data.plain) == len(slow_chats(all_told, case))
            stories = {s.chat_id: s for s in all_told}
            assert not any(figures.is_plain(s) for s in data.chats)
            for v in data.plain:
                assert tuple(v) == figures.plain_values(stories[v[0]])
            q = figures.Query(zone=MADRID, start=start, end=end, hours=hours, **case)
            fast = figures.report(q, data)
            slow = figures.report(q, reference)
            assert fast[:4] == slow[:4], case
            by_id = {s.chat_id: s for s in slow[4]}
            assert [figures.listed_id(c) for c in fast[4]] == list(by_id), case
            plain_ids = [int(c[0]) for c in fast[4] if not isinstance(c, figures.ChatStory)]
            again = await read(engine, stats_repo.stories_of, plain_ids)
            for chat_id, story in again.items():
                story.in_working_hours = figures.in_working_hours(hours, story.started_at)
                assert figures.chat_row(story) == figures.chat_row(by_id[chat_id])
        assert told_plain > 100
    finally:
        await engine.dispose()


def test_working_hours_past_midnight_overlapping_the_next_day_count_once() -> None:
    """S1 working-hours base: Monday 20:00-02:00 runs into Tuesday 00:00-08:00; an agent online
    from Monday 19:00 to Tuesday 09:00 spent 12 hours in working time (20:00-08:00), not 14
    (the two hours after midnight inside both days' hours counted twice)."""
    from server.stats import figures

    days = [p.DayHours(open=False, start="09:00", end="18:00") for _ in range(7)]
    days[0] = p.DayHours(open=True, start="20:00", end="02:00")
    days[1] = p.DayHours(open=True, start="00:00", end="08:00")
    hours = p.WorkingHours(enabled=True, timezone="Europe/Madrid", days=days)
    start, end = figures.range_of("2026-04-06", "2026-04-07", MADRID)  # Monday, Tuesday
    spans = figures.working_spans(hours, start, end, MADRID)
    assert spans == [(at(2026, 4, 6, 20), at(2026, 4, 7, 8))]
    online = [(at(2026, 4, 6, 19), at(2026, 4, 7, 9), "online")]
    assert figures.time_in(online, start, end, spans) == (12 * H, 0.0)

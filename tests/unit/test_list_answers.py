"""Issue 12 item 6: list answers are cut by size into parts a client accepts, and joined again."""

from __future__ import annotations

import typing

import msgspec

from server import protocol as p


def _chat(n: int) -> p.ChatInfo:
    visitor = p.VisitorInfo(id=n, name=f"Visitor {n}", page_title="ж" * 200)
    return p.ChatInfo(id=n, state="offered", site_id=1, visitor=visitor, preview="ж" * 5000)


def _size(frame: p.Frame) -> int:
    return len(p.encode(frame).encode())


def test_a_welcome_of_600_long_chats_splits_into_parts_that_fit_and_join_back() -> None:
    """Issue 12 item 6: split_answer cuts a welcome of 600 chats with 5,000-character
    (two bytes each) previews into parts of at most MAX_PAGE_BYTES; every part but the last
    says ``continued``; join_parts gives back the same welcome, chats in order."""
    agents = [
        p.AgentInfo(id=n, name=f"Agent {n}", email=f"a{n}@x.org", role="agent", status="online")
        for n in range(40)
    ]
    me = agents[0]
    welcome = p.Welcome(id=7, token="t" * 40, agent=me, agents=agents, chats=[])
    welcome.chats = [_chat(n) for n in range(1, 601)]
    assert _size(welcome) > p.MAX_CLIENT_FRAME_BYTES  # one frame would drop the app

    parts = p.split_answer(welcome)
    assert len(parts) > 1
    assert all(_size(part) <= p.MAX_PAGE_BYTES for part in parts)
    assert [part.continued for part in parts] == [True] * (len(parts) - 1) + [False]
    assert all(part.id == 7 and part.token == welcome.token for part in parts)
    decoded = [p.server_decoder.decode(text) for text in p.encode_answer(welcome)]
    assert decoded == parts
    joined = p.join_parts(decoded)
    assert joined == welcome
    assert [c.id for c in joined.chats] == list(range(1, 601))


def test_two_lists_share_the_parts_in_order() -> None:
    """Issue 12 item 6: an answer with two lists (webhooks and their deliveries) keeps each
    list's order across the parts."""
    hooks = [
        p.WebhookInfo(id=n, url=f"https://h{n}.example/" + "x" * 900, events=[]) for n in range(300)
    ]
    deliveries = [
        p.DeliveryInfo(
            id=n,
            webhook_id=1,
            event="chat_finished",
            status="failed",
            attempts=8,
            last_error="e" * 1000,
        )
        for n in range(300)
    ]
    whole = p.WebhooksList(id=3, webhooks=hooks, deliveries=deliveries)
    parts = p.split_answer(whole, max_bytes=64 * 1024)
    assert len(parts) > 4
    assert all(_size(part) <= 64 * 1024 for part in parts)
    assert p.join_parts(parts) == whole


def test_a_small_answer_is_one_frame_and_a_huge_item_still_moves_on() -> None:
    """Issue 12 item 6: an answer that fits is sent as before (one frame, not continued);
    chunk_items makes one empty run of nothing and never leaves an item behind."""
    small = p.LogList(id=1, logs=[])
    assert p.split_answer(small) == [small]
    assert p.encode_answer(small) == [p.encode(small)]
    assert p.chunk_items([]) == [[]]
    assert p.chunk_items(["a" * 50, "b", "c"], max_bytes=10) == [["a" * 50], ["b", "c"]]


def test_visitors_delta_is_cut_by_size() -> None:
    """Issue 12 item 6: visitors_delta pushes (no id) are cut by bytes, not by a row count
    that long page titles could push over the client's limit."""
    rows = [
        p.VisitorInfo(id=n, page_url="https://s/" + "u" * 2000, page_title="ж" * 1000)
        for n in range(250)
    ]
    parts = p.split_answer(p.VisitorsDelta(updated=rows, gone=list(range(1000))))
    assert len(parts) > 1 and all(_size(part) <= p.MAX_PAGE_BYTES for part in parts)
    assert [v.id for part in parts for v in part.updated] == list(range(250))
    assert [g for part in parts for g in part.gone] == list(range(1000))


def test_every_answer_with_a_list_is_a_list_answer() -> None:
    """Issue 12 item 6: every frame with an ``id`` whose list grows with the data is a
    ListAnswer (cut into parts); the rest are bounded or cut elsewhere, named here."""
    bounded = {
        p.VisitorWelcome,  # departments: at most MAX_DEPARTMENTS
        p.HistoryPage,  # cut by fit_page with `more`
        p.ArchivePage,  # cut by fit_page, next offset
        p.ChatViewers,  # the agents of one chat
        p.TeamLoads,  # one number per agent
        p.PhrasesChanged,  # a push: `reload` (no list) when over MAX_PAGE_BYTES
        p.DepartmentsChanged,  # at most MAX_DEPARTMENTS
        p.VisitorsDelta,  # a push, cut by the tracker with split_answer
        p.ReplyChannels,  # C10: at most the five reply channels
    }
    for cls in typing.get_args(p.ServerFrame):
        grows = [
            f.name
            for f in msgspec.structs.fields(cls)
            if str(f.type).startswith(("list", "dict")) or "list[" in str(f.type)
        ]
        if grows and cls not in bounded:
            assert issubclass(cls, p.ListAnswer), (cls.__name__, grows)

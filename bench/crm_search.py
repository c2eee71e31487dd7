"""R1: the client search over 100,000 generated clients against 100 (issue 17).

The same queries on two SQLite databases made by the relay's migrations, one with ``--small``
clients and one with ``--large``: a word that finds a handful of clients (a surname), an
e-mail prefix, a phone number, the first page sorted by name, a page further on (keyset), and
an owner filter. Each query runs ``--repeat`` times through :func:`server.crm.search.page` and
:func:`server.crm.clients.infos`, as the relay answers ``list_clients``; the median time of the
large database over the small one is the ratio (1.0: search costs the same at any size). Not
part of the tests: a ratio, no timing assertion.

    .venv/bin/python bench/crm_search.py [--small 100] [--large 100000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server import protocol as p
from server.crm import clients, search
from server.store.db import create_engine, migrate
from server.store.schema import agents, crm_clients, crm_search

FIRST = ["Ana", "Lucía", "Pedro", "María", "Juan", "Sofía", "Diego", "Elena", "Pablo", "Carmen"]
LAST = [f"Apellido{n:05d}" for n in range(20_000)]  # ~5 clients share a surname at 100,000
COMPANIES = [f"Empresa {n}" for n in range(5_000)]


def build(path: Path, count: int) -> None:
    url = f"sqlite+aiosqlite:///{path}"

    async def schema() -> None:
        engine = create_engine(url)
        await migrate(engine)
        await engine.dispose()

    asyncio.run(schema())
    rng = random.Random(17)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            sa.insert(agents).values(id=1, email="a@x", name="A", password_hash="-", created_at=0)
        )
        rows, terms = [], []
        for i in range(1, count + 1):
            name = f"{rng.choice(FIRST)} {LAST[i % len(LAST)]}"  # client 42's in both sizes
            email = f"client{i}@mail{i % 97}.example"
            phone = f"+34 6{i:08d}"
            company = rng.choice(COMPANIES)
            now = float(i)
            rows.append({
                "id": i, "name": name, "email": email, "phone": phone, "company": company,
                "owner_id": 1 if i % 50 == 0 else None, "sort_name": name.casefold(),
                "email_norm": email, "phone_norm": search.digits(phone), "created_at": now,
                "updated_at": now,
            })  # fmt: skip
            for term in search.terms(name, email, phone, company, []):
                terms.append({"client_id": i, "term": term})
            if len(rows) >= 5000:
                conn.execute(sa.insert(crm_clients), rows)
                conn.execute(sa.insert(crm_search), terms)
                rows, terms = [], []
        if rows:
            conn.execute(sa.insert(crm_clients), rows)
            conn.execute(sa.insert(crm_search), terms)
    engine.dispose()


QUERIES: dict[str, dict[str, object]] = {
    "surname word": {"query": "apellido00042"},
    "e-mail prefix": {"query": "client77@"},
    "phone number": {"query": "+34 600000077"},
    "first page by name": {},
    "owner filter": {"owner_id": 1},
}
ADMIN = p.AgentInfo(id=1, name="A", email="a@x", role="admin", status="online")


def measure(path: Path, repeat: int) -> dict[str, float]:
    engine = sa.create_engine(f"sqlite:///{path}")
    out: dict[str, float] = {}
    with engine.connect() as conn:
        for label, fields in QUERIES.items():
            frame = p.ListClients(id=1, limit=50, **fields)  # type: ignore[arg-type]
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                ids, after = search.page(conn, ADMIN, frame)
                clients.infos(conn, ids)
                times.append(time.perf_counter() - start)
            out[label] = statistics.median(times)
        # A page further on: keyset from the tenth page's cursor.
        frame = p.ListClients(id=1, limit=50)
        for _ in range(10):
            _ids, after = search.page(conn, ADMIN, frame)
            frame = p.ListClients(id=1, limit=50, after=after)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            clients.infos(conn, search.page(conn, ADMIN, frame)[0])
            times.append(time.perf_counter() - start)
        out["eleventh page"] = statistics.median(times)
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crm-bench-") as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        started = time.perf_counter()
        build(small, args.small)
        build(large, args.large)
        built = time.perf_counter() - started
        a, b = measure(small, args.repeat), measure(large, args.repeat)
    result = {
        "clients": [args.small, args.large],
        "build_seconds": round(built, 1),
        "queries": {
            k: {
                "small_ms": round(a[k] * 1000, 3),
                "large_ms": round(b[k] * 1000, 3),
                "ratio": round(b[k] / a[k], 2),
            }
            for k in a
        },
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Accounts and sites made from outside the socket: by the command line (``jivo-relay
create-agent``, ``add-site``), by the tests, and the demo set-up of a new relay (its demo site
and, on a relay without agents, a demo admin)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server.account import agents as agents_repo
from server.account import auth
from server.store.schema import sites
from server.store.writer import GroupWriter

DEMO_SITE_NAME = "Demo site"


async def create_agent(
    writer: GroupWriter, email: str, name: str, password: str, role: str = "agent"
) -> int:
    password_hash = await auth.hash_password_async(password)
    return await writer.run(
        agents_repo.create_agent(auth.normalise_email(email), name, password_hash, role)
    )


async def add_site(
    writer: GroupWriter, name: str, origins: list[str] | tuple[str, ...] = (), language: str = "en"
) -> str:
    key = auth.new_site_key()
    await writer.run(agents_repo.create_site(key, name, list(origins), language))
    return key


async def find_demo_site(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        row = (
            await conn.execute(sa.select(sites.c.key).where(sites.c.name == DEMO_SITE_NAME))
        ).first()
    return row.key if row else None


async def demo(engine: AsyncEngine, writer: GroupWriter) -> tuple[str, tuple[str, str] | None]:
    """The demo site's key (made if missing) and, on a relay without agents, a new demo admin's
    e-mail and password (printed once), else None. One write for both: relay nodes started at
    once with ``--demo`` take turns in it (every batch holds PostgreSQL's cursor lock, see
    :mod:`server.store.writer`), so they make one demo site and one admin, and none crashes on
    the admin's e-mail already taken."""
    async with engine.connect() as conn:
        empty = not await conn.run_sync(agents_repo.all_agents)
    email, password = "admin@example.com", auth.new_password()
    # Hashed out of the write (it is slow), only when an admin may be needed.
    password_hash = await auth.hash_password_async(password) if empty else ""
    new_key = auth.new_site_key()

    def write(conn: Connection) -> tuple[str, tuple[str, str] | None]:
        row = conn.execute(sa.select(sites.c.key).where(sites.c.name == DEMO_SITE_NAME)).first()
        if row is None:
            agents_repo.create_site(new_key, DEMO_SITE_NAME, [], "en")(conn)
        key = new_key if row is None else row.key
        if not password_hash or agents_repo.all_agents(conn):
            return key, None
        agents_repo.create_agent(email, "Demo Admin", password_hash, "admin")(conn)
        return key, (email, password)

    return await writer.run(write)

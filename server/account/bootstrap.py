"""Accounts and sites made from outside the socket: by the command line (``jivo-relay
create-agent``, ``add-site``), by the tests, and the demo set-up of a new relay (its demo site
and, on a relay without agents, a demo admin)."""

from __future__ import annotations

import sqlalchemy as sa
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


async def demo_admin(engine: AsyncEngine, writer: GroupWriter) -> tuple[str, str] | None:
    """On a relay without agents, a demo admin: its e-mail and password (printed once); else
    None."""
    async with engine.connect() as conn:
        if await conn.run_sync(agents_repo.all_agents):
            return None
    email, password = "admin@example.com", auth.new_password()
    await create_agent(writer, email, "Demo Admin", password, role="admin")
    return email, password

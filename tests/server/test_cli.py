"""`jivo-relay`: help a newcomer can follow, and the admin subcommands on a real database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from server.store.schema import agents, sites

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_help_lists_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("serve", "create-admin", "add-site", "migrate", "--demo"):
        assert word in result.stdout


async def test_migrate_create_admin_and_add_site(tmp_path: Path) -> None:
    """A1/K1: e-mail stored in lower case; a site prints its one-tag snippet."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    assert run("--db", url, "migrate").returncode == 0
    made = run("--db", url, "create-admin", "Boss@Example.COM", "--password", "s3cret-pass")
    assert made.returncode == 0, made.stderr
    site = run(
        "--db",
        url,
        "add-site",
        "Shop",
        "--origin",
        "https://shop.example",
        "--public-url",
        "https://chat.shop.example",
    )
    assert site.returncode == 0, site.stderr
    assert '<script src="https://chat.shop.example/widget.js" data-site="' in site.stdout
    engine = create_async_engine(url)
    async with engine.connect() as db:
        emails = (await db.execute(sa.select(agents.c.email, agents.c.role))).all()
        origins = (await db.execute(sa.select(sites.c.allowed_origins))).scalar_one()
    await engine.dispose()
    assert [tuple(r) for r in emails] == [("boss@example.com", "admin")]
    assert origins == "https://shop.example"


def test_admin_mistakes_get_one_clear_line(tmp_path: Path) -> None:
    """K2/A3: a taken e-mail, a bad e-mail, a short password, a bad origin: one readable line
    each, no traceback (and so no password hash on the screen)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    assert (
        run("--db", url, "create-admin", "a@example.com", "--password", "long-enough").returncode
        == 0
    )
    again = run("--db", url, "create-admin", "A@example.com", "--password", "long-enough")
    assert again.returncode == 1 and "exists already" in again.stderr
    assert "Traceback" not in again.stderr and "argon2" not in again.stderr
    bad = run("--db", url, "create-admin", "notanemail", "--password", "long-enough")
    assert bad.returncode == 2 and "not an e-mail" in bad.stderr
    short = run("--db", url, "create-admin", "b@example.com", "--password", "x")
    assert short.returncode == 2 and "8 characters" in short.stderr
    site = run("--db", url, "add-site", "Shop", "--origin", "shop.example/path")
    assert site.returncode == 2 and "not an origin" in site.stderr
    ok = run("--db", url, "add-site", "Shop", "--origin", "https://Shop.example/")
    assert ok.returncode == 0 and "https://shop.example" in ok.stdout
    assert "replace https://RELAY" in ok.stdout


def test_site_settings_command_shows_and_changes_routing(tmp_path: Path) -> None:
    """N3/C5 settings: `jivo-relay site-settings` prints a site's rule, limit and offer
    time-out, changes them, and refuses an unknown site or a time-out that is not positive."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    add = run("--db", url, "add-site", "Shop")
    assert add.returncode == 0, add.stdout
    shown = run("--db", url, "site-settings", "Shop")
    # N3: a new site offers a chat to one agent first (the guide's default).
    assert "rule least_busy, chat limit none, offer time-out 60 s" in shown.stdout
    changed = run(
        "--db", url, "site-settings", "Shop", "--rule", "all", "--limit", "3",
        "--offer-timeout", "20",
    )  # fmt: skip
    assert "rule all, chat limit 3, offer time-out 20 s" in changed.stdout
    assert run("--db", url, "site-settings", "Nope").returncode == 1
    assert run("--db", url, "site-settings", "Shop", "--offer-timeout", "0").returncode == 2
    assert run("--db", url, "site-settings", "Shop", "--rule", "random").returncode == 2

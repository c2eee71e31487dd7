"""``jivo-relay``: run and administer the relay from the command line."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import logging
import os
import signal
import sys
from pathlib import Path

from server import __version__
from server.account.service import normalise_origin
from server.core.config import Settings
from server.core.relay import Relay
from server.visitors import invitations_cli

DESCRIPTION = """\
The relay between the website widget and the desktop agent app.

Quick start:
  jivo-relay serve --demo            run on 127.0.0.1:8765 with SQLite, a demo site and admin
  jivo-relay create-admin EMAIL      add an administrator (asks for the password)
  jivo-relay add-site NAME --origin https://shop.example   register a website, print its snippet
  jivo-relay site-settings NAME --rule least_busy --limit 5 --offer-timeout 45   routing

The database is SQLite in the user data folder unless --db (or JIVO_RELAY_DATABASE_URL) names
another, e.g. postgresql+asyncpg://user:pass@host/dbname. Every setting can also be given as
JIVO_RELAY_<NAME> in the environment.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jivo-relay",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"jivo-relay {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("serve", help="run the relay")
    s.add_argument("--host", default=None, help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=None, help="port (default 8765; 0 picks one)")
    s.add_argument(
        "--console-port",
        type=int,
        default=None,
        help="X5: serve the agent console in a browser at /agent on this port (0 picks one; "
        "default off; also JIVO_RELAY_CONSOLE_PORT)",
    )
    s.add_argument("--public-url", help="how browsers reach the relay, e.g. https://chat.shop.com")
    s.add_argument(
        "--demo",
        action="store_true",
        help="create a demo site (page at /demo) and, on an empty relay, a demo admin",
    )
    s.add_argument(
        "--files-store",
        choices=["local", "database"],
        default=None,
        help="where sent files are kept: local (the files folder, the default) or database "
        "(reachable from every node when several share one PostgreSQL)",
    )
    s.add_argument(
        "--redis-url",
        help="Redis for several relay nodes, e.g. redis://127.0.0.1:6379/0 (default: one node, "
        "no Redis; also JIVO_RELAY_REDIS_URL)",
    )
    s.add_argument("--node-id", help="this node's name among the nodes (default host-pid-random)")
    s.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)  # tests: port written here
    s.add_argument("--demo-credentials", type=Path, help=argparse.SUPPRESS)  # `make run`

    a = sub.add_parser(
        "create-admin", help="add an account: an administrator, or an agent with --role agent"
    )
    a.add_argument("email")
    a.add_argument("--name", default="", help="display name (default: the e-mail's user part)")
    a.add_argument(
        "--password",
        help="default: JIVO_RELAY_NEW_PASSWORD, else asked on the terminal (a password given "
        "here shows in the process list)",
    )
    a.add_argument(
        "--role",
        choices=["admin", "agent"],
        default="admin",
        help="admin (default): may change the account's settings; agent: answers chats",
    )

    w = sub.add_parser("add-site", help="register a website and print its widget snippet")
    w.add_argument("name")
    w.add_argument(
        "--origin",
        action="append",
        default=[],
        help="an origin allowed to embed the widget, e.g. https://shop.example (repeatable)",
    )
    w.add_argument(
        "--language",
        default="en",
        choices=["en", "es", "pt", "ru"],
        help="the widget's language when the visitor's browser does not choose one",
    )
    w.add_argument("--public-url", default="", help="the relay's public URL for the snippet")

    sub.add_parser("migrate", help="create or upgrade the database schema, then exit")
    invitations_cli.add_parser(sub)

    r = sub.add_parser(
        "site-settings",
        help="show or change how a site's chats are routed (rule, chat limit, offer time-out)",
    )
    r.add_argument("site", help="the site's key or name")
    r.add_argument(
        "--rule",
        choices=["all", "least_busy"],
        help="least_busy (the default): first to the online agent with the fewest open chats, "
        "then, on Ignore, to every online agent; all: to every online agent at once (a "
        "client's assigned agent always comes first)",
    )
    r.add_argument(
        "--limit", type=int, help="open chats per agent before new ones skip it (0: none)"
    )
    r.add_argument(
        "--offer-timeout",
        type=float,
        help="seconds an offer waits before the ignore ladder moves on (N3)",
    )

    k = sub.add_parser(
        "sneak-peek",
        help="C17: let a site's agents see what visitors type before they send it (the widget "
        "tells the visitor)",
    )
    k.add_argument("site_key", help="the site's key (as printed by add-site)")
    k.add_argument("state", choices=["on", "off"])
    lg = sub.add_parser("logs", help="list the log bundles the agents' apps sent, or save one")
    lg.add_argument("--get", type=int, metavar="ID", help="save the bundle with this id")
    lg.add_argument("--out", type=Path, help="where to save it (default: its own name here)")
    return parser


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # One line per connection or migration step is noise to an admin; -v shows it. Never
    # DEBUG for websockets, even with -v: it would log the head and tail of every frame, and
    # frames carry passwords, session tokens and chat text (finding 20).
    logging.getLogger("websockets").setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_logging(args.verbose)
    # Finding 19: the database (hashes, webhook secrets, chats), uploads and log bundles are
    # for this user only, also outside the systemd unit (which sets UMask=0077 too), whichever
    # command creates them first.
    os.umask(0o077)
    overrides: dict[str, object] = {"database_url": args.db}
    if args.command == "serve":
        overrides.update(
            host=args.host,
            port=args.port,
            console_port=args.console_port,
            public_url=args.public_url,
            redis_url=args.redis_url,
            node_id=args.node_id,
            files_store=args.files_store,
        )
    try:
        settings = Settings.from_env(**overrides)
    except ValueError as exc:
        print(f"jivo-relay: {exc}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_run(args, settings))
    except KeyboardInterrupt:
        return 0


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "serve":
        return await _serve(args, settings)
    relay = Relay(settings)
    from server.store.db import migrate

    await migrate(relay.engine)
    relay.writer.start()
    try:
        if args.command == "create-admin":
            return await _create_account(relay, args)
        elif args.command == "add-site":
            origins = [normalise_origin(o) for o in args.origin]
            if None in origins:
                bad = [o for o, ok in zip(args.origin, origins, strict=True) if ok is None]
                print(
                    f"not an origin: {', '.join(bad)} (write scheme and host, and the port if "
                    "any, e.g. https://shop.example or http://localhost:3000)",
                    file=sys.stderr,
                )
                return 2
            key = await relay.add_site(args.name, [o for o in origins if o], args.language)
            public = args.public_url or settings.public_url
            base = (public or "https://RELAY").rstrip("/")
            print(f"site {args.name!r} created with key {key}")
            allowed = ", ".join(o for o in origins if o) or "none yet: the widget will refuse"
            print(f"pages allowed to use it: {allowed}")
            print("Put this tag on every page of the site:")
            print(f'  <script src="{base}/widget.js" data-site="{key}" async></script>')
            if not public:
                print("(replace https://RELAY with the address browsers reach this relay at)")
        elif args.command == "add-invitation":
            return await invitations_cli.run(relay, args)
        elif args.command == "site-settings":
            return await _site_settings(relay, args)
        elif args.command == "logs":
            return await _logs(relay, args)
        elif args.command == "migrate":
            print(f"database at the newest schema: {settings.database_url}")
        elif args.command == "sneak-peek":
            from server.account import agents as agents_repo
            from server.store.db import read

            site = await read(relay.engine, agents_repo.site_by_key, args.site_key)
            if site is None:
                print(f"no site has the key {args.site_key}", file=sys.stderr)
                return 2
            await relay.set_sneak_peek(site.id, args.state == "on")
            print(f"sneak peek is {args.state} for {site.name!r}")
    finally:
        await relay.writer.close()
        await relay.engine.dispose()
    return 0


async def _logs(relay: Relay, args: argparse.Namespace) -> int:
    from server.ops import logs
    from server.store.db import read

    if args.get is None:
        print(logs.bundles_text(await read(relay.engine, logs.list_bundles)), end="")
        return 0
    found = await read(relay.engine, logs.bundle, args.get)
    if found is None:
        print(f"no log bundle with id {args.get}", file=sys.stderr)
        return 1
    out = args.out or Path(f"{args.get}-{Path(found.name).name or 'logs.zip'}")
    body = logs.bundle_body(relay.logs.root, found)
    data = body.read_bytes() if isinstance(body, Path) else body
    out.write_bytes(data)
    print(f"saved {len(data)} bytes to {out}")
    return 0


async def _create_account(relay: Relay, args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    email = args.email.strip().lower()
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        print(f"not an e-mail address: {args.email}", file=sys.stderr)
        return 2
    password = args.password or os.environ.get("JIVO_RELAY_NEW_PASSWORD", "")
    if not password:
        if not sys.stdin.isatty():
            print(
                "no terminal to ask the password on: set JIVO_RELAY_NEW_PASSWORD "
                "(or --password, which other users of this machine can see in ps)",
                file=sys.stderr,
            )
            return 2
        password = _ask_password()
    if len(password) < 8:
        print("the password needs at least 8 characters", file=sys.stderr)
        return 2
    name = args.name or email.split("@")[0]
    try:
        await relay.create_agent(email, name, password, role=args.role)
    except sa.exc.IntegrityError:
        print(f"an account with the e-mail {email} exists already", file=sys.stderr)
        return 1
    print(f"{args.role} {email} created")
    return 0


async def _site_settings(relay: Relay, args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from server.chats import ladder
    from server.store.schema import sites

    async with relay.engine.connect() as conn:
        site = (
            await conn.execute(
                sa.select(sites).where(sa.or_(sites.c.key == args.site, sites.c.name == args.site))
            )
        ).first()
    if site is None:
        print(f"no site has the key or name {args.site!r}", file=sys.stderr)
        return 1
    if args.offer_timeout is not None and args.offer_timeout <= 0:
        print("the offer time-out must be a positive number of seconds", file=sys.stderr)
        return 2
    await relay.writer.run(ladder.update_site(site.id, args.rule, args.limit, args.offer_timeout))
    async with relay.engine.connect() as conn:
        site = (await conn.execute(sa.select(sites).where(sites.c.id == site.id))).one()
    limit = site.chat_limit or "none"
    print(
        f"site {site.name!r}: rule {site.routing_rule}, chat limit {limit}, "
        f"offer time-out {site.offer_timeout:g} s"
    )
    return 0


def _ask_password() -> str:
    while True:
        first = getpass.getpass("Password: ")
        if len(first) < 8:
            print("Use at least 8 characters.", file=sys.stderr)
            continue
        if getpass.getpass("Again: ") == first:
            return first
        print("The two did not match.", file=sys.stderr)


def _write_credentials(path: Path, email: str, password: str) -> None:
    """For `make run`, which signs the desktop app in: readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(f"{email}\n{password}\n", encoding="utf-8")


async def _serve(args: argparse.Namespace, settings: Settings) -> int:
    relay = Relay(settings)
    await relay.start()
    if args.demo:
        created = await relay.bootstrap_demo()
        if created:
            print("Demo admin created (shown only this once):", flush=True)
            print(f"  e-mail:   {created[0]}", flush=True)
            print(f"  password: {created[1]}", flush=True)
            if args.demo_credentials:
                _write_credentials(args.demo_credentials, *created)
    base = (settings.public_url or f"http://{settings.host}:{relay.port}").rstrip("/")
    print(f"Relay {__version__} listening on {relay.ws_url} ({settings.database_url})", flush=True)
    if relay.demo_site_key:
        print(f"Demo page with the widget: {base}/demo", flush=True)
    if relay.console_port:
        print(f"Agent console: {relay.console_url}", flush=True)
    if args.ready_file:
        if relay.console_port:  # before the port file: a test reading that one finds this too
            args.ready_file.with_suffix(".console").write_text(str(relay.console_port))
        args.ready_file.write_text(str(relay.port))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await relay.stop()
    return 0

"""``jivo-relay add-invitation``: an admin adds an automatic invitation rule (V3) from a shell."""

from __future__ import annotations

import argparse
import base64
import mimetypes
import sys
from pathlib import Path
from typing import Any

import msgspec
import sqlalchemy as sa

from server import protocol as p
from server.store.schema import sites
from server.visitors import repo as visitors_repo


def add_parser(sub: Any) -> None:
    r = sub.add_parser(
        "add-invitation",
        help="add an automatic invitation rule to a site (V3)",
        description="Every condition given must hold for the invitation to show.",
    )
    r.add_argument("site", help="the site's key or name")
    r.add_argument("message", help="what the invitation says")
    r.add_argument("--after-seconds", type=int, default=0, help="time on the page first")
    r.add_argument("--url", default="", help="page URL pattern (* wildcards, else contained)")
    r.add_argument("--min-visits", type=int, default=0, help="at least this many visits")
    r.add_argument("--referrer", default="", help="the visit's referrer contains this")
    r.add_argument("--utm-source", default="", help="the visit's utm_source equals this")
    r.add_argument("--utm-campaign", default="", help="the visit's utm_campaign equals this")
    r.add_argument("--agent-name", default="", help="the name shown with the invitation")
    r.add_argument("--agent-photo", type=Path, help="an image file shown with it (max 28 KB)")


async def run(relay: Any, args: argparse.Namespace) -> int:
    async with relay.engine.connect() as conn:
        found = (
            await conn.execute(
                sa.select(sites.c.id).where(
                    sa.or_(sites.c.key == args.site, sites.c.name == args.site)
                )
            )
        ).first()
    if found is None:
        print(f"no site with the key or name {args.site!r}", file=sys.stderr)
        return 2
    photo = ""
    if args.agent_photo:
        kind = mimetypes.guess_type(args.agent_photo.name)[0] or ""
        data = args.agent_photo.read_bytes()
        photo = f"data:{kind};base64,{base64.b64encode(data).decode()}"
        if not kind.startswith("image/") or len(photo) > p.MAX_PHOTO_CHARS:
            print("the photo must be an image file of at most 28 KB", file=sys.stderr)
            return 2
    try:
        rule = msgspec.convert(
            {
                "site_id": found.id,
                "message": args.message,
                "agent_name": args.agent_name,
                "agent_photo": photo,
                "min_seconds_on_page": args.after_seconds,
                "url_pattern": args.url,
                "min_visits": args.min_visits,
                "referrer_pattern": args.referrer,
                "utm_source": args.utm_source,
                "utm_campaign": args.utm_campaign,
            },
            p.InvitationRule,
        )
    except msgspec.ValidationError as exc:
        print(f"invalid rule: {exc}", file=sys.stderr)
        return 2
    rule_id = await relay.writer.run(visitors_repo.save_invitation_rule(rule))
    print(f"invitation rule {rule_id} added")
    return 0

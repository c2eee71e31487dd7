"""Relay settings: one dataclass, filled from the command line and ``JIVO_RELAY_*`` variables."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import platformdirs

from server import protocol


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("jivo-relay", appauthor=False))


def default_database_url(data_dir: Path | None = None) -> str:
    folder = data_dir or default_data_dir()
    return f"sqlite+aiosqlite:///{folder / 'relay.db'}"


@dataclasses.dataclass
class Settings:
    host: str = "127.0.0.1"
    port: int = 8765
    database_url: str = ""
    """SQLAlchemy URL; empty means SQLite in the platformdirs data folder."""
    public_url: str = ""
    """How browsers reach the relay (for the printed demo URL); empty: http://host:port."""
    sqlite_synchronous: str = "FULL"
    """FULL survives a power cut; NORMAL survives a process crash only (see docs/performance.md)."""
    auth_timeout: float = protocol.AUTH_TIMEOUT_SECONDS
    max_frame_bytes: int = protocol.MAX_FRAME_BYTES
    max_message_chars: int = protocol.MAX_MESSAGE_CHARS
    # Token buckets: a connection may send `rate` frames a second with bursts of `burst`.
    conn_rate: float = 10.0
    conn_burst: float = 40.0
    ip_rate: float = 50.0
    ip_burst: float = 200.0
    rate_strikes_before_close: int = 50
    """Refused frames in a row after which a flooding connection is closed."""
    ping_interval: float | None = 20.0
    ping_timeout: float | None = 20.0
    close_timeout: float = 5.0
    """How long a closing handshake may take; a peer that stopped answering the keepalive is
    dropped (and its agent shown offline) ping_interval + ping_timeout + close_timeout late."""
    max_queued_frames: int = 2000
    """Frames waiting for a slow client before it is disconnected (it resumes from its cursor)."""
    group_commit_max: int = 512
    # Visitors on the site (V1, C4).
    trusted_proxies: str = ""
    """Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For header
    gives the visitor's address; from any other peer the header is ignored."""
    geoip_city_db: str = ""
    """A MaxMind-format city database (.mmdb, e.g. GeoLite2-City) for visitors' cities; country
    and ISP come from the bundled geoip2fast data without it."""
    visitor_linger: float = 10.0
    """Seconds a visitor whose last page closed stays listed (the next page is on its way)."""
    visit_timeout: float = 1800.0
    """Idle seconds after which a visitor's next page starts a new visit."""
    visitors_push_interval: float = 0.5
    """Visitor list changes are sent to agents in one batch at most this often (seconds)."""
    invitation_timeout: float = 60.0
    """C7/C9: seconds a colleague has to answer an invitation or a transfer."""
    orphan_grace: float = 60.0
    """B6: seconds an agent who went offline (quit, dropped off) has to come back before her
    open chats go back to routing (offered to the others)."""
    # ---- account administration (A2, K3, K5)
    smtp_host: str = ""
    """The SMTP server invitations go through; empty: invitations cannot be sent."""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    """starttls (port 587), tls (implicit TLS, port 465) or none (a local relay, tests)."""
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    """The From address; empty: smtp_user, else jivo@<the relay's host>."""
    smtp_timeout: float = 20.0
    app_download_url: str = "https://github.com/jivo-live/jivo-live/releases/latest"
    """Where invitation e-mails send agents to install the desktop app."""
    invite_ttl_hours: float = 72.0
    """How long a set-password link stays valid."""
    webhook_backoff: float = 10.0
    """Seconds before the first retry of a failed webhook; doubled each time."""
    webhook_max_attempts: int = 8
    webhook_timeout: float = 10.0
    hours_check_interval: float = 30.0
    """How often the relay checks whether working hours began or ended (K5)."""
    files_dir: str = ""
    """C14: where sent files are kept; empty: a ``files`` folder beside the SQLite database, or
    in the platformdirs data folder for other databases. Several nodes must share it."""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for field in dataclasses.fields(cls):
            raw = os.environ.get(f"JIVO_RELAY_{field.name.upper()}")
            if raw is None:
                continue
            kind = field.type if isinstance(field.type, str) else field.type.__name__
            if kind.startswith("float"):
                values[field.name] = float(raw)
            elif kind.startswith("int"):
                values[field.name] = int(raw)
            else:
                values[field.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.database_url:
            settings.database_url = default_database_url()
        return settings

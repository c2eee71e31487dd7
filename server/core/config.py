"""Relay settings: one dataclass, filled from the command line and ``JIVO_RELAY_*`` variables."""

from __future__ import annotations

import dataclasses
import os
import secrets
import socket
from pathlib import Path

import platformdirs

from server import protocol

SMTP_SECURITY = ("starttls", "tls", "plain")
FILES_STORES = ("local", "database")

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def default_node_id() -> str:
    """host-pid-random: unique among the nodes, and readable in logs."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


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
    first_frame_rate: float = 5.0
    first_frame_burst: float = 100.0
    """Finding 10: first frames (sign_in, authenticate, visitor_hello, set_password) a client
    IP (an IPv6 /64) may send a second, with bursts (a page with many tabs reconnecting);
    each costs a database lookup, and sign_in an argon2 hash."""
    new_visitors_per_hour: float = 120.0
    """Finding 10: visitor rows (hellos without a known token) one client IP may create an
    hour, in a burst of as many; over it the hello is refused with ``rate_limited``."""
    ping_interval: float | None = 20.0
    ping_timeout: float | None = 20.0
    close_timeout: float = 5.0
    """How long a closing handshake may take; a peer that stopped answering the keepalive is
    dropped (and its agent shown offline) ping_interval + ping_timeout + close_timeout late."""
    max_queued_frames: int = 2000
    """Frames waiting for a slow client before it is disconnected (it resumes from its cursor)."""
    group_commit_max: int = 512
    max_offline_messages: int = 5
    """Offline messages one visitor may have waiting for an agent (V6: anonymous input is
    bounded); the next is refused with ``rate_limited`` until an agent handles one."""
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
    presence_heartbeat: float = 10.0
    """X4: seconds between a node's announcements of its agents' presence to the others."""
    presence_expiry: float = 30.0
    """X4: seconds after its last announcement a silent node's agents are taken offline."""
    # ---- account administration (A2, K3, K5)
    smtp_host: str = ""
    """The SMTP server invitations go through; empty: invitations cannot be sent."""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    """starttls (port 587), tls (implicit TLS, port 465) or plain (``none`` too: a local relay,
    tests); any other value stops the relay at start (finding 18), never means plaintext."""
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
    translator_timeout: float = 10.0
    """C11: seconds the translator may take per request before the agent is told it failed."""
    gif_timeout: float = 10.0
    """C16: seconds the GIF provider may take per request (a search, a preview, a GIF)."""
    channel_lease: float = 120.0
    """C10/K1: seconds a node holds a channel's poll or an outbox send before another node may
    take it over (longer than any provider's time-out)."""
    channel_webhook_port: int = -1
    """C10/K1: the port of the channels' webhook endpoint (WhatsApp POSTs there); -1: off,
    0: any free port (tests)."""
    console_port: int = -1
    """X5: the port of the agent console in a browser (``/agent``, with the WebSocket on the same
    origin); -1: off, 0: any free port (tests)."""
    channel_webhook_url: str = ""
    """The public address of that endpoint (behind a proxy); empty: http://host:port."""
    channel_webhook_rate: float = 20.0
    """C10/K1: webhook requests one client address (an IPv6 /64) may make a second, over all
    nodes, after a burst of ``channel_webhook_burst``; beyond it HTTP 429 with Retry-After,
    the body unread. A provider posts from a few addresses for all of an account's traffic
    (and retries what was refused), so this is generous: it stops a flood, not a busy day."""
    channel_webhook_burst: float = 400.0
    channel_backoff: float = 2.0
    """C10/K1: seconds before a failed reply is sent again; doubled each time."""
    webhook_concurrency: int = 2
    """Finding 5: POSTs in flight at once to one webhook (a hung receiver holds no more)."""
    visitor_form_rate: float = 0.2
    """Finding 5: contact saves and offline messages a visitor may send per second, after a
    burst of ``visitor_form_burst``."""
    visitor_form_burst: float = 5.0
    callbacks_per_visitor_hour: int = 3
    """P2: callback requests one visitor may make in an hour (counted in the database)."""
    callbacks_per_ip_hour: float = 10.0
    """P2: callback requests from one address (an IPv6 /64) an hour, with that burst."""
    # ---- sessions and sign-in (findings 4 and 7)
    session_max_age: float = 30 * 24 * 3600.0
    """Seconds a session (the desktop app's remembered sign-in) lasts at most, used or not."""
    session_idle_timeout: float = 14 * 24 * 3600.0
    """Seconds a session lasts without being used (an authenticate); then sign in again."""
    sign_in_free_failures: int = 5
    """Wrong passwords for one e-mail before each further attempt must wait (1 s, doubling)."""
    sign_in_free_failures_ip: int = 20
    """The same for one client IP (an office shares one: higher than per e-mail)."""
    sign_in_base_delay: float = 1.0
    """The first wait once the free failures are used up; doubled with each further failure."""
    sign_in_max_delay: float = 900.0
    """The longest wait between attempts once the delay has grown."""
    sign_in_window: float = 3600.0
    """Failures older than this are forgotten."""
    hours_check_interval: float = 30.0
    """How often the relay checks whether working hours began or ended (K5)."""
    # ---- retention (finding 10): a job on every node deletes, every ``retention_interval``
    # seconds and at most ``retention_batch`` rows a table per run, what is older than:
    retention_interval: float = 3600.0
    page_view_days: float = 90.0
    """Page views (C4 navigation history); the visitor's counters stay."""
    idle_visitor_days: float = 30.0
    """Visitors never seen again for this long who never chatted, left a message or were
    blocked (their page views and visits go with them)."""
    webhook_delivery_days: float = 14.0
    """Delivered and failed webhook deliveries (pending ones are kept until they finish)."""
    channel_message_days: float = 400.0
    """C10/K1: the provider ids of messages that crossed a reply channel (what makes a retried
    webhook or a mail fetched again one message, and what e-mail replies thread by); at least
    8 days whatever is set (WhatsApp retries a webhook for up to 7), see docs/admin.md."""
    channel_outbox_days: float = 30.0
    """C10/K1: replies the channels' outbox finished sending (at least 8 days: late status
    reports still find them); pending ones are kept."""
    report_log_days: float = 800.0
    """S1: reporting-log rows (the statistics cover at most this far back; two years and a
    little, so a year can be compared with the one before)."""
    retention_batch: int = 5000
    files_dir: str = ""
    """C14: where sent files are kept; empty: a ``files`` folder beside the SQLite database, or
    in the platformdirs data folder for other databases. With the ``local`` store, several
    nodes must share it."""
    # ---- where sent files' bytes are kept (issue 16, X4; server/files/storage.py)
    files_store: str = "local"
    """``local``: the files folder (one node, or a folder every node mounts); ``database``:
    chunks in the database (``file_blobs``/``file_chunks``), reachable from every node."""
    # ---- what uploads may cost (finding 3): bytes are taken when an upload is announced
    upload_conn_rate: float = 1024 * 1024
    """File bytes a second one connection may upload (a byte bucket beside the frame bucket)."""
    upload_conn_burst: float = 30 * 1024 * 1024
    upload_ip_rate: float = 2 * 1024 * 1024
    """File bytes a second all connections of one client address may upload."""
    upload_ip_burst: float = 60 * 1024 * 1024
    chat_files_max_bytes: int = 200 * 1024 * 1024
    """Total size of the files of one chat (visitor's and agents') before uploads are refused."""
    visitor_files_max_bytes_per_day: int = 50 * 1024 * 1024
    """What one visitor may upload in 24 hours, over all its chats."""
    files_min_free_bytes: int = 1024 * 1024 * 1024
    """Uploads are refused (``storage_full``) when the files folder's disk would have less free."""
    downloads_per_ip: int = 6
    """Finding 8: file downloads one client address may have running at once (a browser opens
    up to 6 connections to a host); more wait for one to end, then get 429."""
    download_queue_seconds: float = 5.0
    """How long a download beyond ``downloads_per_ip`` waits for one to end (under the 10 s the
    relay gives any request to be answered)."""
    downloads_max: int = 256
    """File downloads the node serves at once."""
    download_stall_timeout: float = 60.0
    """Seconds a download may wait for a reader that takes no bytes before it is cut."""
    # ---- the apps' log bundles (G10, finding 11)
    logs_per_agent: int = 5
    """Log bundles kept per agent: the newest; older ones are deleted when a new one arrives."""
    logs_max_total_bytes: int = 500 * 1024 * 1024
    """All agents' log bundles together; the oldest go first."""
    logs_retention_days: float = 30.0
    """Log bundles older than this are deleted (checked at start and every hour)."""
    # ---- operations
    health_write_failures: int = 3
    """Finding 16: database writes that fail in a row before ``/healthz`` answers 503; the next
    write that succeeds makes it healthy again."""
    metrics_token: str = ""
    """Finding 21: when set, ``GET /metrics`` needs ``Authorization: Bearer <this>``; when empty
    it answers only to clients on this machine that did not come through a proxy."""
    # ---- several nodes (X4)
    redis_url: str = ""
    """Redis for the bus between relay nodes (redis://host:6379/0); empty: one node, no Redis."""
    node_id: str = ""
    """This node's name among the nodes; empty: host-pid-random."""

    def __post_init__(self) -> None:
        security = self.smtp_security.strip().lower()
        if security == "none":
            security = "plain"
        if security not in SMTP_SECURITY:
            raise ValueError(
                f"JIVO_RELAY_SMTP_SECURITY is {self.smtp_security!r}: use starttls (port 587), "
                "tls (implicit TLS, port 465) or plain (no encryption: a local mail relay only)"
            )
        self.smtp_security = security
        store = self.files_store.strip().lower()
        if store not in FILES_STORES:
            raise ValueError(
                f"JIVO_RELAY_FILES_STORE is {self.files_store!r}: use local (the files folder) "
                "or database (every node reads the files from the database)"
            )
        self.files_store = store
        self.redis_url = self.redis_url.strip()
        if self.redis_url and not self.redis_url.startswith(REDIS_SCHEMES):
            raise ValueError(
                f"JIVO_RELAY_REDIS_URL is {self.redis_url!r}: write redis://HOST:6379/0 "
                "(rediss:// for TLS, unix:///path/redis.sock), or leave it empty for one node"
            )
        self.node_id = self.node_id.strip() or default_node_id()
        if any(c.isspace() for c in self.node_id):
            raise ValueError(f"JIVO_RELAY_NODE_ID is {self.node_id!r}: use no spaces")

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

"""IMAP IDLE (RFC 2177) for the e-mail channel, where the server offers it: between two
fetches the relay waits on the mailbox instead of polling, so a client's mail opens its chat
within a second. Asyncio streams, not the channels' thread pool: a waiting mailbox holds no
thread. The fetch itself stays :mod:`server.channels.email`'s (imaplib); this only says *when*
to fetch again.

One connection per waiting mailbox, on the node that ran its last poll (the poll's timer row
says when the next poll is due; the wait ends before that, so a node that dies mid-wait only
delays the next poll to that time). Anything unexpected (no IDLE after all, credentials that
need a literal, a dropped connection) answers ``failed`` and the channel polls as before."""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from typing import Any, Literal

from server.channels.email import TIMEOUT, _int, _security

log = logging.getLogger(__name__)

Outcome = Literal["changed", "quiet", "failed"]
_EXISTS = re.compile(rb"^\* (\d+) (EXISTS|RECENT|EXPUNGE)\b", re.IGNORECASE)
MAX_LINE = 64 * 1024


def _quoted(value: str) -> bytes | None:
    """An IMAP quoted string, or None when only a literal could carry it."""
    if not value.isascii() or any(ch in value for ch in "\r\n\0"):
        return None
    return b'"' + value.replace("\\", "\\\\").replace('"', '\\"').encode() + b'"'


class _Session:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.n = 0

    async def line(self) -> bytes:
        data = await self.reader.readline()
        if not data or len(data) > MAX_LINE:
            raise ConnectionError("the IMAP server closed the connection")
        literal = re.search(rb"\{(\d+)\}\r\n$", data)
        if literal:  # an untagged response with a literal: read past it
            await self.reader.readexactly(min(int(literal.group(1)), MAX_LINE))
            data += await self.line()
        return data

    def send(self, command: bytes) -> bytes:
        self.n += 1
        tag = b"j%d" % self.n
        self.writer.write(tag + b" " + command + b"\r\n")
        return tag

    async def command(self, command: bytes) -> list[bytes]:
        """Send; the untagged lines until the tagged answer, which must be OK."""
        tag = self.send(command)
        lines: list[bytes] = []
        while True:
            line = await self.line()
            if line.startswith(tag + b" "):
                if not line[len(tag) + 1 :].upper().startswith(b"OK"):
                    raise ConnectionError(f"IMAP refused: {line[:200]!r}")
                return lines
            lines.append(line)


async def _open(config: dict[str, Any]) -> _Session:
    host = str(config.get("imap_host", ""))
    security = _security(config, "imap")
    context = ssl.create_default_context()
    if security == "tls":
        port = _int(config.get("imap_port"), 993)
        reader, writer = await asyncio.open_connection(host, port, ssl=context)
    else:
        port = _int(config.get("imap_port"), 143)
        reader, writer = await asyncio.open_connection(host, port)
    session = _Session(reader, writer)
    await session.line()  # the greeting
    if security == "starttls":
        await session.command(b"STARTTLS")
        await writer.start_tls(context, server_hostname=host)
    return session


async def wait(
    config: dict[str, Any], exists: int, seconds: float, interrupt: asyncio.Event
) -> Outcome:
    """Wait on the mailbox for up to ``seconds``: ``changed`` when it no longer holds
    ``exists`` messages (or reports new ones), ``quiet`` when nothing came (or ``interrupt``
    was set), ``failed`` when IDLE could not be used."""
    user, password = (
        _quoted(str(config.get("imap_user", ""))),
        _quoted(str(config.get("imap_password", ""))),
    )
    folder = _quoted(str(config.get("imap_folder", "")) or "INBOX")
    if user is None or password is None or folder is None:
        return "failed"
    session: _Session | None = None
    try:
        async with asyncio.timeout(TIMEOUT):
            session = await _open(config)
            await session.command(b"LOGIN " + user + b" " + password)
            for line in await session.command(b"EXAMINE " + folder):
                found = _EXISTS.match(line)
                if found and found.group(2).upper() == b"EXISTS" and int(found.group(1)) != exists:
                    return "changed"  # it came between the fetch and now
            tag = session.send(b"IDLE")
            if not (await session.line()).startswith(b"+"):
                return "failed"
        outcome: Outcome = "quiet"
        stop = asyncio.ensure_future(interrupt.wait())
        read: asyncio.Future[bytes] | None = None
        try:
            async with asyncio.timeout(seconds):
                while True:
                    read = asyncio.ensure_future(session.line())
                    done, _ = await asyncio.wait({read, stop}, return_when="FIRST_COMPLETED")
                    if read not in done:
                        break  # interrupted
                    if _EXISTS.match(read.result()):
                        outcome = "changed"
                        break
        except TimeoutError:
            pass
        finally:
            for task in (read, stop):
                if task is not None and not task.done():
                    task.cancel()
                    await asyncio.gather(task, return_exceptions=True)
        async with asyncio.timeout(TIMEOUT):
            session.writer.write(b"DONE\r\n")
            while not (await session.line()).startswith(tag + b" "):
                pass
            session.send(b"LOGOUT")
        return outcome
    except (
        OSError,
        ConnectionError,
        TimeoutError,
        ssl.SSLError,
        asyncio.IncompleteReadError,
        ValueError,  # a line over the reader's limit
    ) as exc:
        log.info("IMAP IDLE on %s: %s", config.get("imap_host"), exc)
        return "failed"
    finally:
        if session is not None:
            session.writer.close()

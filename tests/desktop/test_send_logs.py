"""G10: "Send logs" bundles the app's rotating log files and uploads them to the relay in
parts over the WebSocket; admins list and download them (in the app, over HTTP, with the CLI);
the relay refuses agents."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop.net.errors import RelayError
from jivo_desktop.services.logs import LogService, http_base
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.settings.about import AboutSection
from server import protocol as p
from tests.support.relay import ROOT, RelayHandle
from tests.support.waiting import until


async def _signed_in(relay: RelayHandle, tmp: Path, email: str, password: str) -> Any:
    store = LocalStore(tmp / "local.db")
    session = SessionService(store, Secrets())
    assert await session.sign_in_async(relay.http_url, email, password, False)
    logs_dir = tmp / "logs"
    logs_dir.mkdir(parents=True, exist_ok=True)
    return store, session, LogService(session, logs_dir)


async def test_g10_send_logs_arrives_on_the_relay_and_only_admins_get_it(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """G10: the agent's About page sends the logs (several parts: one file does not compress);
    the admin's About page lists them and saves the zip, byte for byte the agent's files; an
    agent cannot list (relay refuses) nor download (HTTP 403); without a token: 401."""
    store_a, agent, agent_logs = await _signed_in(
        relay, tmp_path / "agent", relay.agent_email, relay.agent_password
    )
    text = "2026-11-25 03:00:00 INFO jivo_desktop.app: something the admin must read\n"
    (agent_logs.log_dir / "jivo-desktop.log").write_text(text * 200, encoding="utf-8")
    noise = os.urandom(3 * p.LOG_PART_BYTES)  # cannot compress: at least 4 parts
    (agent_logs.log_dir / "jivo-desktop.log.1").write_bytes(noise)
    about = AboutSection(agent_logs)
    assert not about.admin.isVisibleTo(about)  # agents see no team list
    progress: list[tuple[int, int]] = []
    agent_logs.progress.connect(lambda done, total: progress.append((done, total)))
    about.send_button.click()
    await until(lambda: "Sent." in about.status.text(), timeout=20)
    assert len(progress) >= 4 and progress[-1][0] == progress[-1][1]

    store_b, admin, admin_logs = await _signed_in(
        relay, tmp_path / "admin", relay.admin_email, relay.admin_password
    )
    admin_about = AboutSection(admin_logs)
    admin_about.resize(720, 520)
    assert admin_about.admin.isVisibleTo(admin_about)
    admin_about.refresh()
    await until(lambda: admin_about.bundles.topLevelItemCount() == 1)
    assert "Ana <ana@example.com>" in admin_about.bundles.topLevelItem(0).text(1)
    admin_about.show()
    admin_about.grab().save(str(artifacts / "settings-about-admin-en.png"))
    [info] = await admin_logs.list_async()
    saved = tmp_path / "saved.zip"
    admin_about.save(info.id, saved)
    await until(lambda: "Saved to" in admin_about.admin_status.text())
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as archive:
        assert archive.read("jivo-desktop.log").decode() == text * 200
        assert archive.read("jivo-desktop.log.1") == noise
        assert "jivo-desktop 0.1.0" in archive.read("about.txt").decode()
    assert info.size == saved.stat().st_size

    # The relay refuses agents: the list on the socket, the file over HTTP.
    with pytest.raises(RelayError) as refused:
        await agent_logs.list_async()
    assert refused.value.code == "forbidden"
    with pytest.raises(RelayError) as refused_file:
        await agent_logs.download_async(info.id, tmp_path / "stolen.zip")
    assert refused_file.value.code == "forbidden"
    assert not (tmp_path / "stolen.zip").exists()

    def status(headers: dict[str, str]) -> int:
        request = urllib.request.Request(
            f"{http_base(relay.http_url)}/logs/{info.id}", headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code

    assert await asyncio.to_thread(status, {}) == 401
    assert await asyncio.to_thread(status, {"Authorization": "Bearer nonsense"}) == 401
    assert admin.welcome is not None
    good = {"Authorization": f"Bearer {admin.welcome.token}"}
    assert await asyncio.to_thread(status, good) == 200

    # The relay's own machine: `jivo-relay logs` lists and saves.
    url = relay.relay.settings.database_url
    listing = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "server", "--db", url, "logs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0 and "Ana <ana@example.com>" in listing.stdout
    out = tmp_path / "cli.zip"
    got = await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            "-m",
            "server",
            "--db",
            url,
            "logs",
            "--get",
            str(info.id),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert got.returncode == 0, got.stderr
    assert out.read_bytes() == saved.read_bytes()

    about.deleteLater()
    admin_about.deleteLater()
    for session, store in ((agent, store_a), (admin, store_b)):
        await session.shutdown()
        store.close()


async def test_g10_out_of_order_and_oversized_parts_are_refused(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """G10: a part out of order, or a bundle over the limit, is refused with a typed error and
    nothing is stored; an unfinished upload goes when its connection closes."""
    monkeypatch.setattr(p, "MAX_LOG_BYTES", 3 * p.LOG_PART_BYTES)  # the relay reads it per part
    store, session, _logs = await _signed_in(
        relay, tmp_path, relay.agent_email, relay.agent_password
    )
    client = session.client
    chunk = "A" * ((p.LOG_PART_BYTES // 3) * 4)
    await client.request(lambda rid: p.UploadLogs(id=rid, upload="u1", part=0, data=chunk))
    with pytest.raises(RelayError) as skipped:
        await client.request(lambda rid: p.UploadLogs(id=rid, upload="u1", part=2, data=chunk))
    assert skipped.value.code == "invalid"
    with pytest.raises(RelayError) as bad:
        await client.request(lambda rid: p.UploadLogs(id=rid, upload="u2", part=0, data="**"))
    assert bad.value.code == "invalid"
    parts = p.MAX_LOG_BYTES // ((p.LOG_PART_BYTES // 3) * 3) + 1
    with pytest.raises(RelayError) as big:
        for part in range(parts + 1):
            await client.request(
                lambda rid, part=part: p.UploadLogs(id=rid, upload="u3", part=part, data=chunk)
            )
    assert big.value.code == "too_large"
    from server.ops.logs import list_bundles
    from server.store.db import read

    assert await read(relay.relay.engine, list_bundles) == []
    await client.request(lambda rid: p.UploadLogs(id=rid, upload="u4", part=0, data=chunk))
    assert len(relay.relay.logs._uploads) == 1
    await session.shutdown()
    await until(lambda: relay.relay.logs._uploads == {})  # dropped with its connection
    store.close()


async def test_g10_a_rate_limited_part_is_sent_again(
    qapp: Any, sqlite_url: str, tmp_path: Path, secrets: Any
) -> None:
    """G10: a bundle of more parts than the connection's burst allows still arrives whole: a
    part refused with ``rate_limited`` is sent again after a pause."""
    from server.ops.logs import bundle, bundle_body
    from server.store.db import read
    from tests.support.relay import running_relay

    async with running_relay(sqlite_url, conn_rate=20.0, conn_burst=2.0) as relay:
        store, session, logs = await _signed_in(
            relay, tmp_path, relay.agent_email, relay.agent_password
        )
        noise = os.urandom(5 * p.LOG_PART_BYTES)
        (logs.log_dir / "jivo-desktop.log").write_bytes(noise)
        log_id = await logs.send_async()
        assert log_id is not None
        assert relay.relay.metrics.errors.labels("rate_limited")._value.get() > 0
        found = await read(relay.relay.engine, bundle, log_id)
        body = bundle_body(relay.relay.logs.root, found)  # a file since finding 11
        data = body.read_bytes() if isinstance(body, Path) else body
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.read("jivo-desktop.log") == noise
        await session.shutdown()
        store.close()


def test_g10_bundle_keeps_the_newest_files_that_fit(tmp_path: Path) -> None:
    """G10: logs bigger than the relay takes lose their oldest files, never get cut mid-zip."""
    from jivo_desktop.services.logs import make_bundle

    for age, name in enumerate(("jivo-desktop.log", "jivo-desktop.log.1", "jivo-desktop.log.2")):
        path = tmp_path / name
        path.write_bytes(os.urandom(40_000))
        os.utime(path, (1_700_000_000 - age * 100, 1_700_000_000 - age * 100))
    whole = make_bundle(tmp_path)
    assert len(zipfile.ZipFile(io.BytesIO(whole)).namelist()) == 4
    small = make_bundle(tmp_path, limit=100_000)
    with zipfile.ZipFile(io.BytesIO(small)) as archive:
        assert archive.namelist() == ["about.txt", "jivo-desktop.log", "jivo-desktop.log.1"]
        assert archive.testzip() is None

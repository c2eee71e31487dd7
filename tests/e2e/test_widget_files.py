"""The widget's files (C14) and sneak peek (C17) in headless Chromium, with the relay and a
scripted agent (the desktop app's AgentClient); the files with each files store (X4)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import struct
import urllib.request
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from server import protocol as p
from tests.e2e.widget_support import (
    WidgetPage,
    accept_next_chat,
    agent_event,
    open_widget_page,
    signed_in_agent,
    wait_until,
)
from tests.support.relay import RelayHandle, running_relay

pytestmark = pytest.mark.browser


@pytest.fixture(params=["local", "database"])
async def relay(request: pytest.FixtureRequest, sqlite_url: str) -> AsyncIterator[RelayHandle]:
    """The conftest relay, with each files store (X4: the database store every node reads)."""
    async with running_relay(sqlite_url, files_store=request.param) as handle:
        yield handle


MB = 1024 * 1024


def make_png(width: int = 160, height: int = 100) -> bytes:
    """A small real PNG (a colour gradient) for the image previews."""
    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 255 // width, 120, y * 255 // height)) for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as r:
        data: bytes = r.read()
    return data


async def start_chat(wp: WidgetPage, agent, text: str = "hola") -> int:  # type: ignore[no-untyped-def]
    await wp.open()
    await wp.wait_ready()
    await wp.say(text)
    offer = await accept_next_chat(agent)
    await wp.page.locator("#jivo-chat-widget [data-testid=system]").first.wait_for()
    return offer.chat.id


async def test_widget_files_both_ways(
    relay: RelayHandle, browser: Browser, artifacts: Path, tmp_path: Path
) -> None:
    """C14: the visitor attaches a 9.9 MB file with the paperclip (progress shown, then a file
    card); the agent downloads it intact (SHA-256). The agent sends a 9.9 MB file and an image:
    the widget shows a file card and an image preview, and its download link gives the same
    bytes. Screenshot widget-files.png."""
    visitor_file = tmp_path / "catalogue.pdf"
    visitor_bytes = os.urandom(int(9.9 * MB))
    visitor_file.write_bytes(visitor_bytes)
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        chat_id = await start_chat(wp, agent)

        await wp.el("file-input").set_input_files(str(visitor_file))
        event = await agent_event(agent, lambda e: e.kind == "file")
        assert event.file is not None and event.file.name == "catalogue.pdf"
        assert event.file.size == len(visitor_bytes) and event.author == "visitor"
        assert sha(await agent.download_file(event.file.id)) == sha(visitor_bytes)
        mine = wp.page.locator("#jivo-chat-widget [data-testid=file][data-author=visitor]")
        await expect(mine).to_contain_text("catalogue.pdf")
        await expect(mine).to_contain_text("9.9 MB")
        await expect(wp.el("file-progress")).to_have_count(0)
        upload = wp.sent_of("upload_file")[0]
        assert upload["sha256"] == sha(visitor_bytes) and upload["size"] == len(visitor_bytes)
        assert len(wp.sent_binary) >= 160 and max(wp.sent_binary) <= p.FILE_CHUNK_BYTES

        agent_bytes = os.urandom(int(9.9 * MB))
        await agent.upload_file(chat_id, "price list.xlsx", agent_bytes)
        png = make_png()
        await agent.upload_file(chat_id, "shoes.png", png, "image/png")
        theirs = wp.page.locator("#jivo-chat-widget [data-testid=file][data-author=agent]")
        await expect(theirs).to_have_count(2)
        await expect(theirs.first).to_contain_text("price list.xlsx")
        image = wp.el("file-image")
        await expect(image).to_have_count(1)
        await wait_until(lambda: image.evaluate("i => i.complete && i.naturalWidth === 160"))

        link = theirs.first.locator("[data-testid=file-download]")
        await expect(link).to_have_attribute("href", re.compile(r"/files/[0-9a-f]{32}\?t="))
        href = await link.get_attribute("href")
        assert href is not None and href.startswith(relay.http_url)
        assert sha(await asyncio.to_thread(fetch, href)) == sha(agent_bytes)
        async with wp.page.expect_download() as info:
            await link.click()
        download = await info.value
        saved = tmp_path / "saved.bin"
        await download.save_as(saved)
        assert sha(saved.read_bytes()) == sha(agent_bytes)
        assert download.suggested_filename == "price list.xlsx"

        await wp.page.evaluate(
            "() => { const l = document.querySelector('#jivo-chat-widget')"
            ".shadowRoot.querySelector('[data-testid=messages]'); l.scrollTop = l.scrollHeight; }"
        )
        # Images come only from the relay's file links; no element carries a handler attribute.
        srcs = await wp.page.evaluate(
            "() => [...document.querySelector('#jivo-chat-widget').shadowRoot"
            ".querySelectorAll('img')].map((i) => i.src)"
        )
        assert srcs and all(s.startswith(relay.http_url + "/files/") for s in srcs)
        await wp.shot(artifacts / "widget-files.png")
        assert wp.errors == []
        await wp.close()


async def test_widget_refuses_big_empty_and_bad_names(
    relay: RelayHandle, browser: Browser, artifacts: Path, tmp_path: Path
) -> None:
    """C14: a 10.1 MB file and an empty one are refused in the widget with a clear message and
    nothing goes to the relay; a Windows device name is refused by the relay (bad_file_name)
    and the widget says so. Nothing is stored. Screenshot widget-file-too-big.png."""
    big = tmp_path / "video.mp4"
    big.write_bytes(bytes(int(10.1 * MB)))
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await start_chat(wp, agent)

        await wp.el("file-input").set_input_files(str(big))
        await expect(wp.el("notice")).to_have_text("The file is larger than 10 MB and was not sent")
        await wp.shot(artifacts / "widget-file-too-big.png")
        await wp.el("file-input").set_input_files(
            files=[{"name": "empty.txt", "mimeType": "text/plain", "buffer": b""}]
        )
        await expect(wp.el("notice")).to_have_text("The file is empty and was not sent")
        assert wp.sent_of("upload_file") == [] and wp.sent_binary == []

        await wp.el("file-input").set_input_files(
            files=[{"name": "nul.txt", "mimeType": "text/plain", "buffer": b"data"}]
        )
        await expect(wp.el("notice")).to_contain_text("This file name cannot be used")
        assert [f["name"] for f in wp.sent_of("upload_file")] == ["nul.txt"]
        await expect(wp.el("file-progress")).to_have_count(0)
        assert relay.relay.files.stored_files() == []
        assert wp.errors == []
        await wp.close()


async def test_widget_sneak_peek_off_then_on(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """C17: with sneak peek off the widget sends no draft frame and shows no notice; typing
    indicators still go. An admin turns it on: after a reload the widget shows "The agent can
    see what you type before you send it" and the agent receives the draft live, throttled
    (fewer draft frames than keystrokes). Screenshot widget-sneak-peek.png."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        chat_id = await start_chat(wp, agent)
        await expect(wp.el("peek-notice")).to_be_hidden()
        await wp.el("input").press_sequentially("not for your eyes", delay=20)
        await agent.wait_for(
            lambda f: isinstance(f, p.TypingChanged) and f.who == "visitor" and f.active
        )
        # Typing took longer than the draft throttle (17 keys x 20 ms > 300 ms), so a draft
        # would have gone before the message does: send it and wait for it to arrive.
        await wp.el("input").press("Enter")
        await agent.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "not for your eyes"
        )
        assert wp.sent_of("draft") == []
        assert not [f for f in agent.received if isinstance(f, p.DraftChanged)]

        offer = next(f for f in agent.received if isinstance(f, p.ChatOffered))
        assert offer.chat.site_id is not None
        await agent.set_sneak_peek(offer.chat.site_id, True)
        await wp.el("input").fill("")
        await wp.page.reload()
        await wp.wait_ready()
        await wp.open()
        await expect(wp.el("peek-notice")).to_have_text(
            "The agent can see what you type before you send it"
        )
        text = "Do you have these in red?"
        await wp.el("input").press_sequentially(text, delay=30)
        await agent.wait_for(
            lambda f: isinstance(f, p.DraftChanged) and f.chat_id == chat_id and f.text == text
        )
        drafts = wp.sent_of("draft")
        assert 1 <= len(drafts) < len(text)
        await wp.shot(artifacts / "widget-sneak-peek.png")
        assert wp.errors == []
        await wp.close()


async def test_widget_sha256_fallback_matches_hashlib(browser: Browser) -> None:
    """C14: pages that are not a secure context have no WebCrypto; the module's own SHA-256
    must give the digest the relay checks."""
    source = (Path(__file__).parents[2] / "server/widget/mod/files.js").read_text("utf-8")
    body = re.search(r"function sha256\(bytes\) \{.*?\n  \}\n", source, re.S)
    assert body is not None
    page = await browser.new_page()
    try:
        for size in (0, 55, 56, 64, 1000, 100_000):
            data = os.urandom(size)
            got = await page.evaluate(
                f"(b) => {{ {body.group(0)} return sha256(new Uint8Array(b)); }}", list(data)
            )
            assert got == sha(data), size
    finally:
        await page.close()

"""The agent's requests to the relay, one method each, grouped as the protocol's domains are:
chats, files and sneak peek, in-chat actions, quick phrases, offline messages and the client's
earlier chats. :class:`AgentClient` is the :class:`RelayConnection` the app and the tests use.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import urllib.request
import uuid
from collections.abc import Callable
from typing import Literal

from websockets.exceptions import ConnectionClosed

from jivo_desktop.net.connection import RelayConnection
from jivo_desktop.net.errors import ConnectionLost, RelayError
from server import protocol as p


class AgentClient(RelayConnection):
    """The agent library: the connection (sign-in, reconnects, pushes, the message outbox) and
    the requests below, each answered by one frame (or raising :class:`RelayError`)."""

    # -------------------------------------------------------------- chats

    async def accept(self, chat_id: int) -> None:
        await self.request(lambda i: p.AcceptChat(id=i, chat_id=chat_id))

    async def close_chat(self, chat_id: int) -> None:
        await self.request(lambda i: p.CloseChat(id=i, chat_id=chat_id))

    async def set_status(self, status: Literal["online", "away"]) -> None:
        await self.request(lambda i: p.SetStatus(id=i, status=status))
        self.status = status

    async def history(
        self, chat_id: int, before_seq: int | None = None, limit: int = 100
    ) -> list[p.Event]:
        """Up to ``limit`` events before ``before_seq``, oldest first. The relay cuts a page
        by size as well (issue 12 item 6): the older rest is fetched page by page."""
        events: list[p.Event] = []
        while len(events) < limit:
            want = limit - len(events)
            page = await self.request(
                functools.partial(
                    _history_frame, chat_id=chat_id, before_seq=before_seq, limit=want
                )
            )
            assert isinstance(page, p.HistoryPage)
            events[:0] = page.events
            if not page.more or not page.events:
                break
            before_seq = page.events[0].seq
        return events

    async def typing(self, chat_id: int, active: bool) -> None:
        await self.send_frame(p.Typing(chat_id=chat_id, active=active))

    async def receipt(self, chat_id: int, seq: int) -> None:
        """C19: tell the visitor the agent has read the chat up to ``seq``."""
        await self.send_frame(p.Receipt(chat_id=chat_id, seq=seq))

    async def open_direct(self, agent_id: int) -> p.ChatInfo:
        """T2: the chat with a colleague."""
        opened = await self.request(lambda i: p.OpenDirectChat(id=i, agent_id=agent_id))
        assert isinstance(opened, p.ChatOpened)
        return opened.chat

    # -------------------------------------------------------------- files (C14), sneak peek (C17)

    async def upload_file(
        self,
        chat_id: int,
        name: str,
        data: bytes,
        content_type: str = "",
        client_msg_id: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> p.FileStored:
        """Send a file to a chat: ``upload_file``, the bytes as binary frames, then the relay's
        ``file_stored`` once it is committed. Raises :class:`RelayError` when refused."""
        ws = self._ws
        if ws is None:
            raise ConnectionLost("not connected")
        request_id = next(self._ids)
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[p.Frame] = loop.create_future()
        self._pending[request_id] = ready
        frame = p.UploadFile(
            id=request_id,
            client_msg_id=client_msg_id or uuid.uuid4().hex,
            name=name,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content_type=content_type,
            chat_id=chat_id,
        )
        try:
            await ws.send(p.encode(frame))
            answer = await ready
            if isinstance(answer, p.Error):
                raise RelayError(answer.code, answer.message)
            assert isinstance(answer, p.UploadReady)
            done: asyncio.Future[p.Frame] = loop.create_future()
            self._pending[request_id] = done
            step = answer.chunk_bytes
            view = memoryview(data)
            for offset in range(0, len(data), step):
                await ws.send(view[offset : offset + step])
                if on_progress is not None:
                    on_progress(min(offset + step, len(data)), len(data))
            result = await done
        except ConnectionClosed as exc:
            raise ConnectionLost(str(exc)) from exc
        finally:
            self._pending.pop(request_id, None)
        if isinstance(result, p.Error):
            raise RelayError(result.code, result.message)
        assert isinstance(result, p.FileStored)
        return result

    async def file_link(self, file_id: str) -> p.FileLinkGranted:
        """A download link (relative URL) for this agent, valid for a while."""
        granted = await self.request(lambda i: p.FileLink(id=i, file_id=file_id))
        assert isinstance(granted, p.FileLinkGranted)
        return granted

    def http_url(self, relative: str) -> str:
        """The relay's HTTP address of ``relative`` (ws://host/ws -> http://host/...)."""
        base = self.url.replace("wss://", "https://", 1).replace("ws://", "http://", 1)
        return base.rsplit("/", 1)[0] + relative

    async def download_file(self, file_id: str, max_bytes: int = p.MAX_FILE_BYTES) -> bytes:
        """The file's bytes, fetched over HTTP in a thread (never blocks the loop)."""
        granted = await self.file_link(file_id)
        return await asyncio.to_thread(_http_get, self.http_url(granted.url), max_bytes)

    async def set_sneak_peek(self, site_id: int, enabled: bool) -> None:
        """Admins: C17 sneak peek for a site."""
        await self.request(lambda i: p.SetSneakPeek(id=i, site_id=site_id, enabled=enabled))

    async def ping(self) -> None:
        await self.request(lambda i: p.Ping(id=i))

    # -------------------------------------------------------------- in-chat actions

    async def invite(self, chat_id: int, agent_id: int, note: str = "") -> None:
        """C7: ask a colleague into the chat."""
        await self.request(
            lambda i: p.InviteColleague(id=i, chat_id=chat_id, agent_id=agent_id, note=note)
        )

    async def transfer(self, chat_id: int, agent_id: int, note: str = "") -> None:
        """C9: offer the chat to a colleague with a note the visitor never sees."""
        await self.request(
            lambda i: p.TransferChat(id=i, chat_id=chat_id, agent_id=agent_id, note=note)
        )

    async def answer_invitation(self, invitation_id: int, accept: bool) -> p.ChatInfo | None:
        """C7/C9: accept (returns the chat, now mine too) or decline."""
        answer = await self.request(
            lambda i: p.AnswerInvitation(id=i, invitation_id=invitation_id, accept=accept)
        )
        return answer.chat if isinstance(answer, p.ChatOpened) else None

    async def leave_chat(self, chat_id: int) -> None:
        """C3: leave; the chat closes when nobody else is in it."""
        await self.request(lambda i: p.LeaveChat(id=i, chat_id=chat_id))

    async def block(
        self, chat_id: int, reason: str = "", *, spam: bool = False, by_ip: bool = False
    ) -> None:
        """C8: block the chat's visitor (B5: and its IP address only with ``by_ip``), and close
        the chat. ``spam``: "Bloquear o Spam"."""
        await self.request(
            lambda i: p.BlockClient(id=i, chat_id=chat_id, reason=reason, spam=spam, by_ip=by_ip)
        )

    async def block_preview(self, chat_id: int) -> p.BlockPreviewInfo:
        """B5: the visitor's IP and how many other live visitors share it."""
        answer = await self.request(lambda i: p.BlockPreview(id=i, chat_id=chat_id))
        assert isinstance(answer, p.BlockPreviewInfo)
        return answer

    async def unblock(self, block_id: int) -> None:
        await self.request(lambda i: p.UnblockClient(id=i, block_id=block_id))

    async def blocked(self) -> list[p.BlockedClient]:
        answer = await self.request(lambda i: p.ListBlocked(id=i))
        assert isinstance(answer, p.BlockedList)
        return answer.clients

    async def phrases(self) -> list[p.Phrase]:
        answer = await self.request(lambda i: p.ListPhrases(id=i))
        assert isinstance(answer, p.PhraseList)
        return answer.phrases

    async def save_phrase(
        self, shortcut: str, text: str, phrase_id: int | None = None, label: str = ""
    ) -> list[p.Phrase]:
        answer = await self.request(
            lambda i: p.SavePhrase(
                id=i, shortcut=shortcut, text=text, phrase_id=phrase_id, label=label
            )
        )
        assert isinstance(answer, p.PhraseList)
        return answer.phrases

    async def delete_phrase(self, phrase_id: int) -> list[p.Phrase]:
        answer = await self.request(lambda i: p.DeletePhrase(id=i, phrase_id=phrase_id))
        assert isinstance(answer, p.PhraseList)
        return answer.phrases

    # V6: offline messages; the client panel's earlier chats.

    async def offline_messages(self, handled: bool = False) -> list[p.OfflineMessageInfo]:
        answer = await self.request(lambda i: p.ListOfflineMessages(id=i, handled=handled))
        assert isinstance(answer, p.OfflineMessageList)
        return answer.messages

    async def mark_offline_handled(self, message_id: int, handled: bool = True) -> None:
        await self.request(
            lambda i: p.MarkOfflineHandled(id=i, message_id=message_id, handled=handled)
        )

    async def reply_offline(self, message_id: int, text: str) -> None:
        await self.request(lambda i: p.ReplyOfflineMessage(id=i, message_id=message_id, text=text))

    async def client_history(self, visitor_id: int) -> list[p.PastChat]:
        answer = await self.request(lambda i: p.ClientHistory(id=i, visitor_id=visitor_id))
        assert isinstance(answer, p.ClientHistoryPage)
        return answer.chats

    async def team_loads(self) -> dict[int, int]:
        answer = await self.request(lambda i: p.TeamLoad(id=i))
        assert isinstance(answer, p.TeamLoads)
        return answer.chats

    async def view_chat(self, chat_id: int, viewing: bool) -> None:
        """C18: tell colleagues this agent has the chat open (or no longer)."""
        await self.send_frame(p.ViewChat(chat_id=chat_id, viewing=viewing))

    # -------------------------------------------------------------- translator (C11)

    async def translator(self) -> p.TranslatorInfo:
        """Admin: the relay's translator settings (never its key)."""
        answer = await self.request(lambda i: p.GetTranslator(id=i))
        assert isinstance(answer, p.TranslatorSettings)
        return answer.translator

    async def save_translator(
        self, backend: p.TranslatorBackend, url: str = "", api_key: str | None = None
    ) -> p.TranslatorInfo:
        answer = await self.request(
            lambda i: p.SaveTranslator(id=i, backend=backend, url=url, api_key=api_key)
        )
        assert isinstance(answer, p.TranslatorSettings)
        return answer.translator

    async def translate_messages(
        self, chat_id: int, seqs: list[int], target: str, stored_only: bool = False
    ) -> list[p.TranslatedMessage]:
        """``stored_only``: what is stored, nothing translated now (the archive)."""
        answer = await self.request(
            lambda i: p.TranslateMessages(
                id=i, chat_id=chat_id, seqs=seqs, target=target, stored_only=stored_only
            )
        )
        assert isinstance(answer, p.MessagesTranslated)
        return answer.messages

    async def translate_text(self, chat_id: int, text: str, target: str = "") -> p.TextTranslated:
        answer = await self.request(
            lambda i: p.TranslateText(id=i, chat_id=chat_id, text=text, target=target)
        )
        assert isinstance(answer, p.TextTranslated)
        return answer

    async def send_translated(
        self, chat_id: int, text: str, source: str, target: str = ""
    ) -> p.MessageAcked:
        """C11: ``text`` (the agent's words, in ``source``) goes to the visitor translated."""
        cmid = uuid.uuid4().hex
        answer = await self.request(
            lambda i: p.SendTranslated(
                id=i, chat_id=chat_id, client_msg_id=cmid, text=text, source=source, target=target
            )
        )
        assert isinstance(answer, p.MessageAcked)
        return answer

    # -------------------------------------------------------------- GIFs (C16)

    async def gif_provider(self) -> p.GifProviderInfo:
        answer = await self.request(lambda i: p.GetGifProvider(id=i))
        assert isinstance(answer, p.GifProviderSettings)
        return answer.provider

    async def save_gif_provider(
        self, provider: p.GifProviderName, api_key: str | None = None, base_url: str = ""
    ) -> p.GifProviderInfo:
        answer = await self.request(
            lambda i: p.SaveGifProvider(id=i, provider=provider, api_key=api_key, base_url=base_url)
        )
        assert isinstance(answer, p.GifProviderSettings)
        return answer.provider

    async def search_gifs(self, query: str, language: str = "en") -> list[p.GifResult]:
        """C16: through the relay ("" : trending); previews are paths on the relay."""
        answer = await self.request(lambda i: p.SearchGifs(id=i, query=query, language=language))
        assert isinstance(answer, p.GifsFound)
        return answer.gifs

    async def send_gif(self, chat_id: int, token: str) -> p.FileStored:
        cmid = uuid.uuid4().hex
        answer = await self.request(
            lambda i: p.SendGif(id=i, chat_id=chat_id, client_msg_id=cmid, token=token)
        )
        assert isinstance(answer, p.FileStored)
        return answer

    async def create_pointer(self, chat_id: int) -> p.PointerCreated:
        """C15: the visitor's page with a one-time pointer token in its fragment."""
        answer = await self.request(lambda i: p.CreatePointer(id=i, chat_id=chat_id))
        assert isinstance(answer, p.PointerCreated)
        return answer

    async def gif_preview(self, path: str) -> bytes:
        """C16: a search result's preview, from the relay (never from the provider)."""
        return await asyncio.to_thread(_http_get, self.http_url(path), 2_000_000)

    # -------------------------------------------------------------- channels (C10/K1, admins)

    async def list_channels(self) -> list[p.ChannelInfo]:
        answer = await self.request(lambda i: p.ListChannels(id=i))
        assert isinstance(answer, p.ChannelsList)
        return answer.channels

    async def save_channel(self, frame: Callable[[int], p.SaveChannel]) -> p.ChannelInfo:
        answer = await self.request(frame)
        assert isinstance(answer, p.ChannelSaved)
        return answer.channel

    async def test_channel(self, channel_id: int, to: str) -> p.ChannelTested:
        answer = await self.request(lambda i: p.TestChannel(id=i, channel_id=channel_id, to=to))
        assert isinstance(answer, p.ChannelTested)
        return answer


def _history_frame(request_id: int, *, chat_id: int, before_seq: int | None, limit: int) -> p.Frame:
    return p.History(id=request_id, chat_id=chat_id, before_seq=before_seq, limit=limit)


def _http_get(url: str, max_bytes: int) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        data: bytes = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise RelayError("file_too_large", "the download is larger than allowed")
    return data

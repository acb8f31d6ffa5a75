"""The 微信客服 (WeCom Kf) channel: customers who message a shop's WeChat customer-service account.

How WeCom talks to us (the callback URL is `/webhooks/wecom/callback`):

- `GET ?msg_signature&timestamp&nonce&echostr`: URL verification when the callback is saved
  in the admin console; we check the signature and answer the decrypted `echostr`.
- `POST ?msg_signature&timestamp&nonce` with an encrypted XML body: the event
  `kf_msg_or_event` says "there are new messages" (with a short-lived sync `Token`). A bad
  signature is refused with 403 and nothing is processed. We answer at once and pull the
  messages with `kf/sync_msg` in the background (WeCom wants an answer within 5 seconds).

Messages are pulled from the saved cursor, each `msgid` is claimed once in the database before
it is handled, and the cursor is saved after every page (`bot.channels.wecom_state`), so a
repeated callback or a restart neither replays nor skips messages. Customer text goes to the
bot; images, videos and files are downloaded with `media/get` into the evidence store (same
checks as the widget's uploads) and reach the bot as `/send_evidence`; an `enter_session`
event is answered with the welcome message through `kf/send_msg_on_event` and its
`welcome_code`, and its `scene_param` gives the live-stream context (see `parse_scene_param`),
which rides along in every later message's metadata as `{"live": {...}}`.

Replies go out with `kf/send_msg`: text, and `msgmenu` menus for buttons (a click comes back
as a text message whose `menu_id` is the button's payload). Crypto is wechatpy's
`WeChatCrypto` (WXBizMsgCrypt-compatible AES-256-CBC), not hand-written.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set
from urllib.parse import unquote

import xmltodict
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from wechatpy.enterprise.crypto import WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.exceptions import InvalidSignatureException

from bot.channels.agent_label import labelled
from bot.channels.text_cards import render_custom
from bot.channels.tracker_scripts import TrackerScripts
from bot.channels.wecom_api import DEFAULT_BASE_URL, WeComApiError, WeComKfApi
from bot.channels.wecom_state import WeComState
from bot.channels.widget_messages import EVIDENCE_INTENT
from bot.evidence.settings import EvidenceSettings
from bot.evidence.store import EvidenceRejected, EvidenceStore
from bot.i18n import ScriptMemory
from bot.notices import default_notices

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

ORIGIN_CUSTOMER = 3
ORIGIN_EVENT = 4
MAX_TEXT_BYTES = 2000  # kf/send_msg allows 2048 bytes of text
MAX_MENU_ID_BYTES = 128
MEDIA_TYPES = ("image", "video", "file")
MEDIA_LABELS = {"image": "[图片]", "video": "[视频]", "file": "[文件]"}
# Handled message ids are kept a little longer than WeCom keeps messages (3 days).
MSGID_RETENTION_SECONDS = 4 * 24 * 3600
PURGE_EVERY_SECONDS = 3600


def parse_scene_param(scene_param: str | None) -> Optional[Dict[str, str]]:
    """The live context in a Kf link's `scene_param`: `room_id|streamer|started_at`.

    Example: `room-8801|小鹿美妆|2024-11-20T20:00` (URL-encoded in the link, at most 128
    bytes there). The streamer and start time may be left empty (`room-8801||`); anything
    without a room id is not a live context.
    """
    if not scene_param:
        return None
    raw = unquote(scene_param) if "%" in scene_param else scene_param
    parts = [part.strip() for part in raw.split("|")]
    if not parts[0]:
        return None
    live = {"room_id": parts[0][:64]}
    if len(parts) > 1 and parts[1]:
        live["streamer"] = parts[1][:64]
    if len(parts) > 2 and parts[2]:
        live["started_at"] = parts[2][:40]
    return live


def message_signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    """WeCom's `msg_signature`: SHA-1 of the four values sorted and joined."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode()).hexdigest()


def _split_utf8(text: str, limit: int) -> List[str]:
    """Pieces of at most `limit` UTF-8 bytes, cut between characters."""
    pieces: List[str] = []
    current: List[str] = []
    size = 0
    for char in text:
        width = len(char.encode("utf-8"))
        if size + width > limit and current:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    if current:
        pieces.append("".join(current))
    return pieces


def _truncate_utf8(text: str, limit: int) -> str:
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


class WeComOutput(OutputChannel):
    """Replies to one Kf account's customers with `kf/send_msg`."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, as in the ticket's `channel` field."""
        return "wecom"

    def __init__(self, api: WeComKfApi, open_kfid: str) -> None:
        self.api = api
        self.open_kfid = open_kfid
        self.sent: List[Dict[str, Any]] = []

    async def _send(self, recipient_id: str, msgtype: str, body: Dict[str, Any]) -> None:
        message = {
            "touser": recipient_id,
            "open_kfid": self.open_kfid,
            "msgtype": msgtype,
            msgtype: body,
        }
        try:
            await self.api.send_msg(message)
        except WeComApiError:
            # Already retried and logged by the client; the next message may still go out.
            logger.error("reply to %s was not delivered: %s", recipient_id, message)
            return
        self.sent.append(message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Text, cut into pieces WeCom accepts."""
        for piece in _split_utf8(text.strip(), MAX_TEXT_BYTES):
            await self._send(recipient_id, "text", {"content": piece})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """A `msgmenu`: the text as its head, one click item per button (id = payload)."""
        items = []
        for button in buttons:
            title = str(button.get("title", ""))
            payload = str(button.get("payload") or title)
            if len(payload.encode("utf-8")) > MAX_MENU_ID_BYTES:
                payload = _truncate_utf8(title, MAX_MENU_ID_BYTES)
            items.append({"type": "click", "click": {"id": payload, "content": title[:128]}})
        if not items:
            await self.send_text_message(recipient_id, text)
            return
        head = _truncate_utf8(text.strip(), 1024)
        await self._send(recipient_id, "msgmenu", {"head_content": head, "list": items})

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Quick replies are buttons here."""
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """An image link as text (uploading images to WeCom is not needed by the bot)."""
        await self.send_text_message(recipient_id, image)

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """Cards the bot sends without text, rendered as text."""
        text = render_custom(json_message)
        if text:
            await self.send_text_message(recipient_id, text)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """As Rasa's, except that a card that came with text is not sent again as text."""
        if message.get("text") and message.get("custom"):
            message = {k: v for k, v in message.items() if k != "custom"}
        await super().send_response(recipient_id, labelled(message))


class WeComKfInput(InputChannel):
    """The 微信客服 callback (`/webhooks/wecom/callback`) and message pull of one Kf account."""

    @classmethod
    def name(cls) -> str:
        """The channel's name: the ticket's `channel` is `wecom`."""
        return "wecom"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> WeComKfInput:
        """Build from `credentials.yml`; every required key must be present."""
        credentials = credentials or {}
        required = ("corp_id", "secret", "token", "encoding_aes_key", "open_kfid")
        missing = [key for key in required if not credentials.get(key)]
        if missing:
            raise ValueError(f"WeCom Kf channel: missing credentials {missing}")
        from bot.settings import Settings

        database_url = str(credentials.get("database_url") or Settings.load().database_url)
        return cls(
            corp_id=str(credentials["corp_id"]),
            secret=str(credentials["secret"]),
            token=str(credentials["token"]),
            encoding_aes_key=str(credentials["encoding_aes_key"]),
            open_kfid=str(credentials["open_kfid"]),
            api_base_url=str(credentials.get("api_base_url") or DEFAULT_BASE_URL),
            state=WeComState.from_url(database_url),
            welcome_text=credentials.get("welcome_text"),
            live_welcome_text=credentials.get("live_welcome_text"),
        )

    def __init__(
        self,
        corp_id: str,
        secret: str,
        token: str,
        encoding_aes_key: str,
        open_kfid: str,
        *,
        api_base_url: str = DEFAULT_BASE_URL,
        state: WeComState,
        evidence: Optional[EvidenceStore] = None,
        api: Optional[WeComKfApi] = None,
        welcome_text: Optional[str] = None,
        live_welcome_text: Optional[str] = None,
    ) -> None:
        if len(encoding_aes_key) != 43:
            raise ValueError("WeCom Kf channel: encoding_aes_key must be the 43-character key")
        self.corp_id = corp_id
        self.open_kfid = open_kfid
        self._token = token
        self.crypto = WeChatCrypto(token, encoding_aes_key, corp_id)
        self.api = api or WeComKfApi(corp_id, secret, base_url=api_base_url)
        self.state = state
        self._evidence = evidence
        self.notices = default_notices()
        # credentials.yml may word the welcomes for this shop; domain.yml's are the default
        self.welcome_text = welcome_text or self.notices.text("welcome")
        self.live_welcome_text = live_welcome_text
        self._sync_lock: Optional[asyncio.Lock] = None
        self._tasks: Set[asyncio.Task] = set()
        self._purged_at = 0.0
        # the channel's own notices in the customer's script, known from their conversation
        self._conversations = TrackerScripts()
        self.scripts = ScriptMemory(recall=self._conversations)

    def __repr__(self) -> str:
        return f"WeComKfInput(corp_id={self.corp_id!r}, open_kfid={self.open_kfid!r})"

    @property
    def evidence(self) -> EvidenceStore:
        """The evidence store, opened on first use with the project's evidence settings."""
        if self._evidence is None:
            self._evidence = EvidenceStore(EvidenceSettings.load())
        return self._evidence

    def get_output_channel(self) -> OutputChannel:
        """Replies to this account's customers (agent messages, proactive turns)."""
        return WeComOutput(self.api, self.open_kfid)

    # --- routes ----------------------------------------------------------------------------

    def _signed(self, request: Request, encrypted: str) -> bool:
        args = request.args
        signature = args.get("msg_signature", "")
        timestamp, nonce = args.get("timestamp", ""), args.get("nonce", "")
        if not (signature and timestamp and nonce and encrypted):
            return False
        expected = message_signature(self._token, timestamp, nonce, encrypted)
        return hmac.compare_digest(expected, signature)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The callback URL: GET for URL verification, POST for events."""
        bp = Blueprint("wecom_kf", __name__)
        self._conversations.attach(bp)

        @bp.listener("after_server_stop")
        async def close_client(*_: Any) -> None:
            await self.drain()
            await self.api.close()

        @bp.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.get("/callback")
        async def verify(request: Request) -> HTTPResponse:
            echostr = request.args.get("echostr", "")
            if not self._signed(request, echostr):
                return response.text("invalid signature", status=403)
            try:
                plain = self.crypto.check_signature(
                    request.args.get("msg_signature"),
                    request.args.get("timestamp"),
                    request.args.get("nonce"),
                    echostr,
                )
            except (InvalidSignatureException, InvalidCorpIdException, ValueError):
                return response.text("invalid echostr", status=403)
            return response.text(plain)

        @bp.post("/callback")
        async def callback(request: Request) -> HTTPResponse:
            try:
                envelope = xmltodict.parse(request.body or b"")["xml"]
                encrypted = str(envelope["Encrypt"])
            except Exception:  # any unreadable body: not WeCom
                return response.text("malformed body", status=400)
            if not self._signed(request, encrypted):
                logger.warning("WeCom callback with a bad signature refused")
                return response.text("invalid signature", status=403)
            try:
                plain = self.crypto.decrypt_message(
                    {"Encrypt": encrypted},
                    request.args.get("msg_signature"),
                    request.args.get("timestamp"),
                    request.args.get("nonce"),
                )
                event = xmltodict.parse(plain)["xml"]
            except (InvalidSignatureException, InvalidCorpIdException):
                return response.text("invalid message", status=403)
            except Exception:
                logger.warning("WeCom callback could not be decrypted", exc_info=True)
                return response.text("invalid message", status=400)
            if event.get("Event") == "kf_msg_or_event":
                open_kfid = str(event.get("OpenKfId") or "")
                if open_kfid == self.open_kfid:
                    self._start_sync(str(event.get("Token") or ""), on_new_message)
                else:
                    logger.warning("WeCom callback for an unknown Kf account %s", open_kfid)
            return response.text("success")

        return bp

    # --- pulling messages ------------------------------------------------------------------

    def _start_sync(self, sync_token: str, on_new_message: OnNewMessage) -> None:
        task = asyncio.get_running_loop().create_task(self.sync(sync_token, on_new_message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Wait until every sync started by a callback has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def sync(self, sync_token: str, on_new_message: OnNewMessage) -> int:
        """Pull and handle every new message; the number handled. One sync at a time."""
        if self._sync_lock is None:
            self._sync_lock = asyncio.Lock()
        handled = 0
        async with self._sync_lock:
            cursor = await asyncio.to_thread(self.state.cursor, self.open_kfid)
            while True:
                try:
                    page = await self.api.sync_msg(self.open_kfid, cursor, sync_token)
                except WeComApiError:
                    logger.error("kf/sync_msg failed; the next callback resumes at the cursor")
                    return handled
                for message in page.get("msg_list") or []:
                    if await self._handle(message, on_new_message):
                        handled += 1
                next_cursor = str(page.get("next_cursor") or cursor)
                if next_cursor == cursor:
                    if page.get("has_more"):
                        logger.warning("kf/sync_msg says has_more without a new cursor")
                    break
                cursor = next_cursor
                await asyncio.to_thread(self.state.save_cursor, self.open_kfid, cursor)
                if not page.get("has_more"):
                    break
        await self._purge_old_msgids()
        return handled

    async def _purge_old_msgids(self) -> None:
        now = time.time()
        if now - self._purged_at < PURGE_EVERY_SECONDS:
            return
        self._purged_at = now
        dropped = await asyncio.to_thread(self.state.forget_before, now - MSGID_RETENTION_SECONDS)
        if dropped:
            logger.info("forgot %d WeCom message ids older than the retention", dropped)

    async def _handle(self, message: Dict[str, Any], on_new_message: OnNewMessage) -> bool:
        msgid = str(message.get("msgid") or "")
        if not msgid or not await asyncio.to_thread(self.state.claim, msgid):
            return False
        try:
            await self._dispatch(message, on_new_message)
        except Exception:
            logger.exception("WeCom message %s could not be handled", msgid)
        await asyncio.to_thread(self.state.done, msgid)
        return True

    async def _dispatch(self, message: Dict[str, Any], on_new_message: OnNewMessage) -> None:
        msgtype = message.get("msgtype")
        if msgtype == "event":
            await self._on_event(message.get("event") or {})
            return
        if message.get("origin") != ORIGIN_CUSTOMER:
            return  # our own and the agents' messages come back too
        user = str(message.get("external_userid") or "")
        if not user:
            return
        output = WeComOutput(self.api, self.open_kfid)
        metadata = await self._metadata(user, message)
        if msgtype == "text":
            text_part = message.get("text") or {}
            content = str(text_part.get("content") or "").strip()
            menu_id = str(text_part.get("menu_id") or "")
            self.scripts.note(user, content)
            if menu_id.startswith("/"):
                metadata["display"] = content
                content = menu_id
            if content:
                await on_new_message(
                    UserMessage(content, output, user, input_channel=self.name(), metadata=metadata)
                )
        elif msgtype in MEDIA_TYPES:
            await self._on_media(user, msgtype, message, metadata, output, on_new_message)
        else:
            notice = await self.scripts.localize(user, self.notices.text("unsupported_message"))
            await output.send_text_message(user, notice)

    async def _metadata(self, user: str, message: Dict[str, Any]) -> Dict[str, Any]:
        metadata: Dict[str, Any] = {
            "wecom": {
                "open_kfid": self.open_kfid,
                "external_userid": user,
                "msgid": message.get("msgid"),
                "send_time": message.get("send_time"),
            }
        }
        lang = await self.scripts.lang(user)
        if lang:
            metadata["lang"] = lang  # a photo before any words: the script they wrote before
        context = await asyncio.to_thread(self.state.session_context, self.open_kfid, user)
        if context:
            metadata["wecom"]["scene"] = context.get("scene")
            if context.get("live"):
                metadata["live"] = context["live"]
        return metadata

    async def _on_media(
        self,
        user: str,
        msgtype: str,
        message: Dict[str, Any],
        metadata: Dict[str, Any],
        output: WeComOutput,
        on_new_message: OnNewMessage,
    ) -> None:
        media_id = str((message.get(msgtype) or {}).get("media_id") or "")
        try:
            media = await self.api.get_media(media_id)
        except WeComApiError:
            notice = await self.scripts.localize(user, self.notices.text("media_failed"))
            await output.send_text_message(user, notice)
            return
        filename = media.filename or f"{msgtype}-{str(message.get('msgid'))[:12]}"
        try:
            item = await asyncio.to_thread(
                self.evidence.save, user, filename, media.data, media.content_type
            )
        except EvidenceRejected as exc:
            await output.send_text_message(user, await self.scripts.localize(user, exc.message))
            return
        metadata["evidence"] = [item["id"]]
        metadata["display"] = MEDIA_LABELS[msgtype]
        await on_new_message(
            UserMessage(EVIDENCE_INTENT, output, user, input_channel=self.name(), metadata=metadata)
        )

    async def _on_event(self, event: Dict[str, Any]) -> None:
        kind = event.get("event_type")
        if kind != "enter_session":
            logger.info("WeCom Kf event %s: %s", kind, event)
            return
        user = str(event.get("external_userid") or "")
        live = parse_scene_param(event.get("scene_param"))
        context: Dict[str, Any] = {"scene": event.get("scene") or "", "live": live}
        if user:
            await asyncio.to_thread(self.state.save_session_context, self.open_kfid, user, context)
        welcome_code = event.get("welcome_code")
        if not welcome_code:
            return  # no code: the customer has written recently, no welcome is due
        text = self.welcome_text
        if live and live.get("streamer"):
            text = self._live_welcome({"room_id": "", "started_at": "", **live})
        # a returning customer who wrote Traditional is welcomed in it; a new one in Simplified
        text = await self.scripts.localize(user, text)
        try:
            await self.api.send_msg_on_event(
                {"code": welcome_code, "msgtype": "text", "text": {"content": text}}
            )
        except WeComApiError:
            logger.error("the welcome message to %s was not delivered", user)

    def _live_welcome(self, live: Dict[str, Any]) -> str:
        """The welcome naming the stream the viewer came from ({streamer}, {room_id} ...)."""
        if self.live_welcome_text:
            return self.live_welcome_text.format(**live)
        return self.notices.text("welcome_live", **live)

"""A signed JSON webhook for live-stream platforms whose DMs or comments a shop forwards.

`POST /webhooks/livestream/webhook` with headers

- `X-Live-Platform`: the platform's name as configured (`douyin`, `kuaishou`, ...);
- `X-Live-Timestamp`: Unix seconds when the request was signed;
- `X-Live-Signature`: `sha256=` + hex HMAC-SHA256 of `"{timestamp}.{raw body}"` with the
  platform's secret;

and a JSON body

    {"platform": "douyin", "type": "dm" | "comment", "room_id": "room-8801",
     "streamer": "小鹿美妆", "started_at": "2024-11-20T20:00+08:00", "user_id": "u123",
     "text": "...", "ts": 1732104000,
     "attachments": [{"type": "image", "filename": "a.jpg", "data": "<base64>"}]}

Answers: 200 `{"status": "accepted" | "ignored"}`; 400 malformed JSON or fields; 403 unknown
platform, bad signature or a timestamp outside the replay window; 409 a request already seen
(its signature is remembered for the window). A direct message goes to the bot; a public
comment only does when it mentions a complaint keyword, and then starts a *private*
conversation with that viewer: the bot never answers in public. Attachments are checked and
stored by the evidence store, like the widget's uploads, and reach the bot as `/send_evidence`.

Replies are POSTed to the platform's `callback_url`, signed the same way with the same secret:
`{"platform", "user_id", "room_id", "visibility": "private", "text", "buttons"}`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
import re
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Tuple

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.agent_label import labelled
from bot.channels.text_cards import render_custom
from bot.channels.tracker_scripts import TrackerScripts
from bot.channels.widget_messages import EVIDENCE_INTENT
from bot.evidence.settings import EvidenceSettings
from bot.evidence.store import EvidenceRejected, EvidenceStore
from bot.i18n import ScriptMemory
from bot.notices import default_notices
from bot.settings import Secret

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

DEFAULT_KEYWORDS = ("投诉", "退款", "假货", "售后", "质量问题", "骗人")
MIN_SECRET_CHARS = 16
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 5000
_PLATFORM = re.compile(r"^[a-z0-9_-]{1,32}$")
_USER_ID = re.compile(r"^[A-Za-z0-9_.@-]{1,96}$")
_UNIX_SECONDS = re.compile(r"^[0-9]{1,12}$")
MEDIA_LABELS = {"image": "[图片]", "video": "[视频]", "file": "[文件]"}


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header value: `sha256=` + HMAC-SHA256 of `"{timestamp}.{body}"`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


@dataclass(frozen=True)
class Platform:
    """One platform's secret and where replies to its viewers go."""

    name: str
    secret: Secret
    callback_url: str


class BadWebhook(Exception):
    """A refused request: HTTP status, error code, message."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


class ReplayCache:
    """Signatures seen within the replay window (one process; use one instance per shop)."""

    def __init__(self, window_seconds: float, clock: Callable[[], float] = time.time) -> None:
        self.window = window_seconds
        self._clock = clock
        self._seen: Dict[str, float] = {}

    def first_time(self, key: str) -> bool:
        """Remember `key`; False when it was seen within the window."""
        now = self._clock()
        if len(self._seen) > 1000:
            self._seen = {k: t for k, t in self._seen.items() if t > now - self.window}
        seen_at = self._seen.get(key)
        if seen_at is not None and seen_at > now - self.window:
            return False
        self._seen[key] = now
        return True

    def forget(self, key: str) -> None:
        """Accept `key` again (its request was not handled)."""
        self._seen.pop(key, None)


def parse_event(body: bytes, platform: str) -> Dict[str, Any]:
    """Validate the JSON body; the event with defaults filled in."""
    try:
        event = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise BadWebhook(400, "malformed_json", "the body must be a JSON object") from None
    if not isinstance(event, dict):
        raise BadWebhook(400, "malformed_json", "the body must be a JSON object")
    if event.get("platform") != platform:
        raise BadWebhook(400, "platform_mismatch", "'platform' must match X-Live-Platform")
    user_id = event.get("user_id")
    if not isinstance(user_id, str) or not _USER_ID.match(user_id):
        raise BadWebhook(400, "bad_user_id", "'user_id' must be 1-96 of A-Z a-z 0-9 _ . @ -")
    kind = event.setdefault("type", "dm")
    if kind not in ("dm", "comment"):
        raise BadWebhook(400, "bad_type", "'type' must be 'dm' or 'comment'")
    text = event.setdefault("text", "")
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        raise BadWebhook(400, "bad_text", f"'text' must be a string of at most {MAX_TEXT_CHARS}")
    attachments = event.setdefault("attachments", [])
    if not isinstance(attachments, list) or not all(isinstance(a, dict) for a in attachments):
        raise BadWebhook(400, "bad_attachments", "'attachments' must be a list of objects")
    for key in ("room_id", "streamer", "started_at"):
        value = event.get(key)
        if value is not None and not isinstance(value, str):
            raise BadWebhook(400, f"bad_{key}", f"'{key}' must be a string")
    if not text.strip() and not attachments:
        raise BadWebhook(400, "empty_message", "'text' or 'attachments' is required")
    return event


def live_context(event: Mapping[str, Any]) -> Optional[Dict[str, str]]:
    """The ticket's `live` fields the platform gave (room, streamer, session start)."""
    if not event.get("room_id"):
        return None
    live = {"room_id": str(event["room_id"])[:64]}
    for key in ("streamer", "started_at"):
        if event.get(key):
            live[key] = str(event[key])[:64]
    return live


class LiveWebhookOutput(OutputChannel):
    """Posts the bot's replies, signed, to the viewer's platform; always privately."""

    @classmethod
    def name(cls) -> str:
        """The channel's name, as in the ticket's `channel` field."""
        return "livestream"

    def __init__(
        self,
        platforms: Mapping[str, Platform],
        room_id: Optional[str] = None,
        *,
        max_attempts: int = 3,
        backoff_seconds: float = 0.5,
    ) -> None:
        self.platforms = platforms
        self.room_id = room_id
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds

    async def _post(self, recipient_id: str, reply: Dict[str, Any]) -> None:
        platform_name, _, user_id = recipient_id.partition(":")
        platform = self.platforms.get(platform_name)
        if platform is None or not user_id:
            logger.error("no platform for conversation %s; reply dropped", recipient_id)
            return
        payload = {
            "platform": platform.name,
            "user_id": user_id,
            "room_id": self.room_id,
            "visibility": "private",
            **reply,
        }
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        for attempt in range(1, self.max_attempts + 1):
            timestamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/json; charset=utf-8",
                "X-Live-Platform": platform.name,
                "X-Live-Timestamp": timestamp,
                "X-Live-Signature": sign(str(platform.secret), timestamp, body),
            }
            problem = ""
            try:
                timeout = aiohttp.ClientTimeout(total=10)
                async with aiohttp.ClientSession(timeout=timeout) as http:
                    async with http.post(platform.callback_url, data=body, headers=headers) as r:
                        if r.status < 300:
                            return
                        problem = f"HTTP {r.status}"
                        if r.status < 500 and r.status != 429:
                            break
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
            if attempt < self.max_attempts:
                delay = self.backoff_seconds * (2 ** (attempt - 1))
                logger.warning(
                    "reply to %s failed (%s), retry in %.2fs", recipient_id, problem, delay
                )
                await asyncio.sleep(delay)
        logger.error("reply to %s was not delivered (%s): %s", recipient_id, problem, payload)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """A text reply."""
        await self._post(recipient_id, {"text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Text with buttons (`title`, `payload`); the platform draws them as it can."""
        items = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in buttons
        ]
        await self._post(recipient_id, {"text": text, "buttons": items})

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Quick replies are buttons here."""
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """An image link."""
        await self._post(recipient_id, {"image": image})

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """A card: passed on as `custom`, with a text rendering for platforms without cards."""
        await self._post(
            recipient_id, {"text": render_custom(json_message), "custom": json_message}
        )

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """As Rasa's, except that a card that came with text is not sent a second time."""
        if message.get("text") and message.get("custom"):
            message = {k: v for k, v in message.items() if k != "custom"}
        await super().send_response(recipient_id, labelled(message))


class LiveWebhookInput(InputChannel):
    """The signed live-stream webhook (`/webhooks/livestream/webhook`)."""

    @classmethod
    def name(cls) -> str:
        """The channel's name: the ticket's `channel` is `livestream`."""
        return "livestream"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> LiveWebhookInput:
        """Build from `credentials.yml`: `platforms`, `complaint_keywords`, `replay_window_seconds`."""
        credentials = credentials or {}
        raw_platforms = credentials.get("platforms") or {}
        if not isinstance(raw_platforms, dict) or not raw_platforms:
            raise ValueError("live-stream webhook: 'platforms' must configure at least one")
        platforms = []
        for name, conf in raw_platforms.items():
            conf = conf or {}
            platforms.append(
                Platform(
                    str(name),
                    Secret(str(conf.get("secret") or "")),
                    str(conf.get("callback_url") or ""),
                )
            )
        keywords = credentials.get("complaint_keywords") or DEFAULT_KEYWORDS
        return cls(
            platforms,
            complaint_keywords=[str(k) for k in keywords],
            replay_window_seconds=float(credentials.get("replay_window_seconds") or 300),
        )

    def __init__(
        self,
        platforms: List[Platform],
        *,
        complaint_keywords: Optional[List[str]] = None,
        replay_window_seconds: float = 300.0,
        evidence: Optional[EvidenceStore] = None,
        clock: Callable[[], float] = time.time,
        reply_backoff_seconds: float = 0.5,
    ) -> None:
        for platform in platforms:
            if not _PLATFORM.match(platform.name):
                raise ValueError(f"live-stream webhook: bad platform name {platform.name!r}")
            if len(platform.secret) < MIN_SECRET_CHARS:
                raise ValueError(
                    f"live-stream webhook: the secret of {platform.name} needs "
                    f"{MIN_SECRET_CHARS}+ characters"
                )
            if not platform.callback_url.startswith(("https://", "http://")):
                raise ValueError(f"live-stream webhook: {platform.name} needs a callback_url")
        self.platforms = {p.name: p for p in platforms}
        self.keywords = tuple(complaint_keywords or DEFAULT_KEYWORDS)
        self.window = replay_window_seconds
        self._clock = clock
        self.replays = ReplayCache(replay_window_seconds, clock)
        # the channel's own notices in the viewer's script, known from their conversation
        self._conversations = TrackerScripts()
        self.scripts = ScriptMemory(recall=self._conversations)
        self.notices = default_notices()
        self._evidence = evidence
        self.reply_backoff_seconds = reply_backoff_seconds

    @property
    def evidence(self) -> EvidenceStore:
        """The evidence store, opened on first use with the project's evidence settings."""
        if self._evidence is None:
            self._evidence = EvidenceStore(EvidenceSettings.load())
        return self._evidence

    def get_output_channel(self) -> OutputChannel:
        """Replies for a conversation id `platform:user_id` (agent messages, proactive turns)."""
        return LiveWebhookOutput(self.platforms, backoff_seconds=self.reply_backoff_seconds)

    def mentions_complaint(self, text: str) -> bool:
        """Whether a public comment asks for a private complaint conversation."""
        return any(keyword in text for keyword in self.keywords)

    def check(self, request: Request) -> Tuple[Platform, Dict[str, Any]]:
        """Authenticate and parse a request, or raise `BadWebhook`."""
        platform = self.platforms.get(request.headers.get("x-live-platform", ""))
        if platform is None:
            raise BadWebhook(403, "unknown_platform", "X-Live-Platform is not configured")
        body = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            raise BadWebhook(413, "too_large", "the body is too large")
        timestamp = request.headers.get("x-live-timestamp", "")
        signature = request.headers.get("x-live-signature", "")
        expected = sign(str(platform.secret), timestamp, body)
        if not timestamp or not hmac.compare_digest(expected, signature):
            raise BadWebhook(403, "bad_signature", "X-Live-Signature does not match")
        # digits only: "nan" or "inf" would never leave the replay window
        if not _UNIX_SECONDS.match(timestamp):
            raise BadWebhook(403, "bad_timestamp", "X-Live-Timestamp must be Unix seconds")
        age = abs(self._clock() - int(timestamp))
        if age > self.window:
            raise BadWebhook(403, "stale_timestamp", "X-Live-Timestamp is outside the window")
        if not self.replays.first_time(f"{platform.name}:{signature}"):
            raise BadWebhook(409, "replayed", "this request was already received")
        return platform, parse_event(body, platform.name)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The webhook route."""
        bp = Blueprint("livestream_webhook", __name__)
        self._conversations.attach(bp)

        @bp.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.post("/webhook")
        async def receive(request: Request) -> HTTPResponse:
            try:
                platform, event = self.check(request)
            except BadWebhook as exc:
                if exc.status == 403:
                    logger.warning("live-stream webhook refused: %s", exc.error)
                return response.json({"error": exc.error, "message": exc.message}, exc.status)
            text = event["text"].strip()
            if event["type"] == "comment" and not self.mentions_complaint(text):
                return response.json({"status": "ignored"})
            try:
                await self._deliver(platform, event, text, on_new_message)
            except Exception:
                logger.exception("handling a live-stream message failed")
                # "try again later" must hold: the same signed request may come back
                self.replays.forget(f"{platform.name}:{request.headers['x-live-signature']}")
                return response.json(
                    {"error": "bot_unavailable", "message": "try again later"}, status=503
                )
            return response.json({"status": "accepted"})

        return bp

    async def _deliver(
        self, platform: Platform, event: Dict[str, Any], text: str, on_new_message: OnNewMessage
    ) -> None:
        sender = f"{platform.name}:{event['user_id']}"
        output = LiveWebhookOutput(
            self.platforms, event.get("room_id"), backoff_seconds=self.reply_backoff_seconds
        )
        metadata: Dict[str, Any] = {
            "livestream": {
                "platform": platform.name,
                "source": event["type"],
                "user_id": event["user_id"],
                "ts": event.get("ts"),
            }
        }
        live = live_context(event)
        if live:
            metadata["live"] = live
        lang = await self.scripts.lang(sender)
        if lang:
            metadata["lang"] = lang  # photos before any words: the script they wrote before
        self.scripts.note(sender, text)
        if text:
            await on_new_message(
                UserMessage(text, output, sender, input_channel=self.name(), metadata=metadata)
            )
        saved: List[str] = []
        for attachment in event["attachments"]:
            item_id = await self._save_attachment(sender, attachment, output)
            if item_id:
                saved.append(item_id)
        if saved:
            kinds = {str(a.get("type")) for a in event["attachments"]}
            label = MEDIA_LABELS.get(kinds.pop(), "[文件]") if len(kinds) == 1 else "[附件]"
            await on_new_message(
                UserMessage(
                    EVIDENCE_INTENT,
                    output,
                    sender,
                    input_channel=self.name(),
                    metadata={**metadata, "evidence": saved, "display": label},
                )
            )

    async def _save_attachment(
        self, sender: str, attachment: Dict[str, Any], output: LiveWebhookOutput
    ) -> Optional[str]:
        filename = str(attachment.get("filename") or attachment.get("type") or "attachment")
        try:
            data = base64.b64decode(str(attachment.get("data") or ""), validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if not data:
            notice = await self.scripts.localize(
                sender, self.notices.text("file_not_received", filename=filename)
            )
            await output.send_text_message(sender, notice)
            return None
        try:
            item = await asyncio.to_thread(
                self.evidence.save, sender, filename, data, attachment.get("content_type")
            )
        except EvidenceRejected as exc:
            await output.send_text_message(sender, await self.scripts.localize(sender, exc.message))
            return None
        return str(item["id"])

"""The REST channel with its input checked: a clear 4xx instead of a crash or a lost message.

Rasa's stock `RestInput` trusts its JSON; a missing sender, a non-string message or a body
that is not JSON ends in a server error. This subclass checks the request first and answers
`{"error", "message"}` with a 4xx; everything valid goes through Rasa's own code path.

It also serves `GET /webhooks/rest/messages`: the lines that reached the conversation between
requests (an agent's reply, the satisfaction question), read from the tracker
(`bot.channels.rest_outbox`), at once or held up to `wait` seconds until one arrives.
"""

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple, cast

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.rest_outbox import (
    BadPullRequest,
    PullQuery,
    parse_pull_query,
    pull_body,
    pushed_lines,
)

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 10_000
MAX_SENDER_CHARS = 128
PULL_INTERVAL_SECONDS = 1.0


class BadChatRequest(Exception):
    """A request the channel refuses, with the HTTP status and a message for the client."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def _printable(text: str) -> str:
    """Drop control characters (binary junk) but keep newlines, emoji and all scripts."""
    return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())


def _sender_id(value: Any) -> str:
    """The conversation id: a string, or a whole number as shops' user ids often are."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise BadChatRequest(
            400, "missing_sender", "'sender' (the conversation id) must be a non-empty string"
        )
    if len(value) > MAX_SENDER_CHARS or not value.isprintable():
        raise BadChatRequest(
            400, "bad_sender", "'sender' must be printable, at most 128 characters"
        )
    return value.strip()


def parse_chat_body(raw: bytes | None) -> Tuple[str, str, Dict[str, Any] | None]:
    """Validate a chat request's body and return (sender, text, metadata)."""
    try:
        body = json.loads(raw or b"")
    except (ValueError, UnicodeDecodeError):
        raise BadChatRequest(400, "malformed_json", "request body must be a JSON object") from None
    if not isinstance(body, dict):
        raise BadChatRequest(400, "malformed_json", "request body must be a JSON object")
    sender = _sender_id(body.get("sender"))
    text = body.get("message")
    if not isinstance(text, str):
        raise BadChatRequest(400, "missing_message", "'message' must be a string")
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadChatRequest(
            413, "message_too_long", f"'message' is limited to {MAX_MESSAGE_CHARS} characters"
        )
    text = _printable(text).strip()
    if not text:
        raise BadChatRequest(400, "empty_message", "'message' is empty")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadChatRequest(400, "bad_metadata", "'metadata' must be an object")
    return sender, text, metadata


async def _pushed_now(app: Any, query: PullQuery) -> Dict[str, Any]:
    """The conversation's pushed lines after the cursor; an unknown sender has none."""
    tracker = await app.ctx.agent.tracker_store.retrieve(query.sender)
    lines = pushed_lines(tracker.events if tracker else [], query.after)
    return pull_body(lines, query)


def _stamp_reader(store: Any) -> Optional[Callable[[str], Awaitable[Any]]]:
    """The store's cheap change stamp (`TunedSQLTrackerStore.conversation_stamp`), if it has one.

    Rasa wraps the configured store (`FailSafeTrackerStore`, `AwaitableTrackerStore`), each
    wrapper keeping the store it wraps as `_tracker_store`.
    """
    while store is not None:
        reader = getattr(store, "conversation_stamp", None)
        if reader is not None:
            return cast(Callable[[str], Awaitable[Any]], reader)
        store = getattr(store, "_tracker_store", None)
    return None


async def pull_messages(app: Any, query: PullQuery) -> Dict[str, Any]:
    """Poll the tracker store until a line arrives or `query.wait` seconds pass.

    The tracker is read again only when the conversation's stamp changed since the last
    read (every poll with a store that has none): a quiet conversation costs one small
    query a second, not a tracker read.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + query.wait
    stamp_of = _stamp_reader(app.ctx.agent.tracker_store)
    read_at: Any = None
    body: Dict[str, Any] = {}
    while True:
        stamp = await stamp_of(query.sender) if stamp_of else None
        if not body or stamp is None or stamp != read_at:
            body, read_at = await _pushed_now(app, query), stamp
        if body["messages"] or loop.time() + PULL_INTERVAL_SECONDS > deadline:
            return body
        await asyncio.sleep(PULL_INTERVAL_SECONDS)


class CheckedRestInput(RestInput):
    """Rasa's REST channel (`/webhooks/rest/webhook`) with request validation."""

    @classmethod
    def name(cls) -> str:
        """Same name as the stock channel: clients and the ticket `channel` say `rest`."""
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        """Health, webhook and pull routes; the webhook answers with the bot's replies to it."""
        webhook = Blueprint("checked_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_chat_body(request.body)
            except BadChatRequest as exc:
                return response.json(
                    {"error": exc.error, "message": exc.message}, status=exc.status
                )
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text, collector, sender, input_channel=self.name(), metadata=metadata
                    )
                )
            except Exception:  # the message is in the tracker; tell the client to retry
                logger.exception("handling a REST message failed")
                return response.json(
                    {
                        "error": "bot_unavailable",
                        "message": "the assistant could not answer, try again",
                    },
                    status=503,
                )
            return response.json(collector.messages)

        @webhook.route("/messages", methods=["GET"])
        async def pull(request: Request) -> HTTPResponse:
            try:
                query = parse_pull_query({key: request.args.get(key) for key in request.args})
            except BadPullRequest as exc:
                return response.json({"error": exc.error, "message": exc.message}, status=400)
            unavailable = response.json(
                {"error": "bot_unavailable", "message": "the conversation cannot be read, try again"},
                status=503,
            )
            if getattr(request.app.ctx, "agent", None) is None:
                return unavailable
            try:
                return response.json(await pull_messages(request.app, query))
            except Exception:  # a tracker store that refuses reads: nothing is lost, retry
                logger.exception("reading a REST conversation's messages failed")
                return unavailable

        return webhook

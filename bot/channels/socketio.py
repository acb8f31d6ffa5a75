"""The shop widget's socket.io channel: Rasa's stock channel, fixed and hardened.

`WidgetSocketIOInput` keeps the stock protocol (`session_request` / `session_confirm`,
`user_uttered` / `bot_uttered`, optional JWT on connect, the metadata key) and changes:

- rasa#13027: the stock `session_request` handler calls `sio.enter_room()` without `await`;
  with python-socketio 5.1x that is a coroutine that never runs, so with
  `session_persistence: true` no reply ever reaches the browser. Here it is awaited.
- A session id is only resumed with the token issued for it (an HMAC of the id); without it
  the client gets a new session. The token is sent in `session_confirm` and also authorises
  the evidence upload routes (`bot.channels.uploads`) for that conversation only. Messages are
  always attributed to the session bound to the socket, never to a `session_id` the client
  writes into a message.
- `user_uttered` is acknowledged (`{"status": "ok" | "duplicate"}`) once the bot has handled
  it; the bot's answers to it are sent just before, once the turn is stored (`TurnOutput`),
  so a server stopped mid-turn shows nothing the conversation does not keep. A message
  carrying `metadata.client_msg_id` is handled once even if the widget sends it again
  after a reconnection.
- A customer message is also sent (`user_echo`) to the session's other open widgets, so
  two tabs of one conversation show the same messages.
- `history_request` returns the conversation from the tracker store, so a reloaded page shows
  it again, agent messages sent while it was closed included.
- Bot messages carry an id and the bot event's timestamp; custom JSON (`json_message`) arrives
  as `{"custom": {...}}` (the stock channel passes it to `emit()` as arguments and fails).

`get_output_channel()` works in the process that serves the sockets, so agent messages posted
to `/conversations/{id}/tracker/events?output_channel=latest` reach the open widget.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Tuple

import rasa.core.channels.channel
import rasa.shared.utils.io
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from rasa.shared.core.events import UserUttered
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.tracker_scripts import agent_tracker_store
from bot.channels.widget_messages import bot_message_parts, echo_item, history_items
from bot.evidence.settings import EvidenceSettings
from bot.evidence.signing import Signer

logger = logging.getLogger(__name__)

CHANNEL_NAME = "widget"
MAX_MESSAGE_CHARS = 4000
MAX_CLIENT_MSG_ID = 64
SEEN_MESSAGES_KEPT = 20_000
# server -> widget: a customer message sent from another widget of the same session
USER_ECHO_EVENT = "user_echo"


class WidgetSocketIOOutput(SocketIOOutput):
    """Sends each bot message as id-stamped `bot_uttered` payloads to the session's room."""

    @classmethod
    def name(cls) -> str:
        """The channel name recorded with the conversation."""
        return CHANNEL_NAME

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Send one bot message (text, buttons, custom JSON, image...) as widget payloads."""
        for payload in bot_message_parts(message):
            await self._send_message(recipient_id, payload)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """Send a text."""
        await self.send_response(recipient_id, {**kwargs, "text": text})

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: List[Dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        """Send a text with quick-reply buttons."""
        await self.send_response(recipient_id, {**kwargs, "text": text, "buttons": buttons})

    async def send_quick_replies(
        self,
        recipient_id: str,
        text: str,
        quick_replies: List[Dict[str, Any]],
        **kwargs: Any,
    ) -> None:
        """Send a text with quick replies."""
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)

    async def send_custom_json(
        self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any
    ) -> None:
        """Send custom JSON as `{"custom": ...}` (read-back cards, ticket banners)."""
        await self.send_response(recipient_id, {**kwargs, "custom": json_message})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        """Send an image link."""
        await self.send_response(recipient_id, {**kwargs, "image": image})

    async def send_attachment(  # type: ignore[override]
        self, recipient_id: str, attachment: Dict[str, Any], **kwargs: Any
    ) -> None:
        """Send an attachment."""
        await self.send_response(recipient_id, {**kwargs, "attachment": attachment})

    async def send_elements(
        self, recipient_id: str, elements: Iterable[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send generic template elements."""
        await self.send_response(recipient_id, {**kwargs, "elements": list(elements)})


class TurnOutput(WidgetSocketIOOutput):
    """The bot's answers to one customer message, sent once the turn is stored.

    Why: Rasa sends each answer as its action runs and stores the conversation at the end of
    the turn. A server stopped in between (kill -9, a crash, a restart whose grace period ran
    out) had shown answers the conversation never held; the widget, never acknowledged, sent
    the message again to the restarted server, which answered it afresh: "提交成功…" twice,
    the tracker and the ticket store holding one (hand test, reproduced by holding the
    tracker's SQLite write lock and killing the server mid-turn). Held until `flush()`, which
    the channel calls when Rasa has handled (and stored) the message, they are shown only if
    the conversation keeps them; the widget's typing indicator covers the wait.
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self._held: List[Tuple[str, Any]] = []

    async def _send_message(self, socket_id: str, payload: Any) -> None:
        self._held.append((socket_id, payload))

    async def flush(self) -> None:
        """Send the turn's answers, in order."""
        held, self._held = self._held, []
        for socket_id, payload in held:
            await WidgetSocketIOOutput._send_message(self, socket_id, payload)


class WidgetSocketIOInput(SocketIOInput):
    """Rasa's socket.io input channel with rasa#13027 fixed, for the shop widget."""

    @classmethod
    def name(cls) -> str:
        """The channel name: conversations started here have `input_channel == "widget"`."""
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> WidgetSocketIOInput:
        """Build the channel from its `credentials.yml` entry (stock keys)."""
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", True),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            history_limit=int(credentials.get("history_limit", 200)),
        )

    def __init__(
        self,
        user_message_evt: str = "user_uttered",
        bot_message_evt: str = "bot_uttered",
        namespace: str | None = None,
        session_persistence: bool = True,
        socketio_path: str | None = "/socket.io",
        jwt_key: str | None = None,
        jwt_method: str | None = "HS256",
        metadata_key: str | None = "metadata",
        *,
        evidence_settings: EvidenceSettings | None = None,
        signer: Signer | None = None,
        history_limit: int = 200,
    ) -> None:
        super().__init__(
            user_message_evt,
            bot_message_evt,
            namespace,
            session_persistence,
            socketio_path,
            jwt_key,
            jwt_method,
            metadata_key,
        )
        self.evidence_settings = evidence_settings or EvidenceSettings.load()
        self.signer = signer or Signer(self.evidence_settings.resolve_secret())
        self.history_limit = history_limit
        self._seen: OrderedDict[Tuple[str, str], None] = OrderedDict()

    def get_output_channel(self) -> OutputChannel | None:
        """The output channel for messages sent later (agents, proactive messages)."""
        if self.sio is None:
            rasa.shared.utils.io.raise_warning(
                "The widget's socket.io output channel exists only in the process that "
                "serves the sockets (one Sanic worker, one Rasa instance)."
            )
            return None
        return WidgetSocketIOOutput(self.sio, self.bot_message_evt)

    def _limits(self) -> Dict[str, int]:
        settings = self.evidence_settings
        return {
            "max_image_bytes": settings.max_image_bytes,
            "max_video_bytes": settings.max_video_bytes,
            "max_files": settings.max_files,
        }

    def _remember(self, key: Tuple[str, str]) -> bool:
        """Record a client message id; False if it was already seen."""
        if key in self._seen:
            return False
        self._seen[key] = None
        while len(self._seen) > SEEN_MESSAGES_KEPT:
            self._seen.popitem(last=False)
        return True

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Define the socket.io server and its health route."""
        # cors_allowed_origins=[]: CORS is left to Rasa's --cors option, as in the stock channel
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        socketio_webhook = SocketBlueprint(
            sio, self.socketio_path, "widget_socketio_webhook", __name__
        )
        self.sio = sio
        namespace = self.namespace

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: Dict, auth: Dict | None) -> bool:
            if self.jwt_key:
                jwt_payload = None
                if auth and auth.get("token"):
                    jwt_payload = rasa.core.channels.channel.decode_bearer_token(
                        auth.get("token"), self.jwt_key, self.jwt_algorithm
                    )
                if not jwt_payload:
                    return False
            logger.debug(f"User {sid} connected to the widget socket.io endpoint.")
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str, *_: Any) -> None:
            logger.debug(f"User {sid} disconnected from the widget socket.io endpoint.")

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            previous = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if self.session_persistence:
                requested = data.get("session_id")
                token = data.get("token")
                if (
                    isinstance(requested, str)
                    and isinstance(token, str)
                    and self.signer.check_conversation_token(requested, token)
                ):
                    session_id, resumed = requested, True
                else:
                    session_id, resumed = uuid.uuid4().hex, False
                if previous and previous != session_id:
                    await sio.leave_room(sid, previous, namespace=namespace)
                # rasa#13027: the stock channel forgets this await
                await sio.enter_room(sid, session_id, namespace=namespace)
            else:
                resumed = False
                session_id = sid
            await sio.save_session(sid, {"session_id": session_id}, namespace=namespace)
            await sio.emit(
                "session_confirm",
                {
                    "session_id": session_id,
                    "token": self.signer.conversation_token(session_id),
                    "resumed": bool(resumed),
                    "limits": self._limits(),
                },
                room=sid,
                namespace=namespace,
            )
            logger.debug(f"User {sid} joined session {session_id} (resumed: {resumed}).")

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> Dict[str, Any]:
            if not isinstance(data, dict):
                return {"status": "error", "error": "bad_message"}
            bound = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if self.session_persistence:
                if not bound:
                    rasa.shared.utils.io.raise_warning(
                        "A message arrived before its socket sent `session_request`; it is ignored."
                    )
                    return {"status": "error", "error": "no_session"}
                claimed = data.get("session_id")
                if claimed and claimed != bound:
                    logger.warning(f"Socket {sid} tried to write into another session.")
                    return {"status": "error", "error": "wrong_session"}
                sender_id = bound
            else:
                sender_id = sid

            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            if not isinstance(metadata, dict):
                metadata = {}
            text = data.get("message", "")
            if not isinstance(text, str):
                return {"status": "error", "error": "bad_message"}
            text = text[:MAX_MESSAGE_CHARS]

            client_msg_id = metadata.get("client_msg_id")
            if isinstance(client_msg_id, str) and 0 < len(client_msg_id) <= MAX_CLIENT_MSG_ID:
                if data.get("retry") and await self._already_in_tracker(
                    sio, sid, sender_id, client_msg_id
                ):
                    self._remember((sender_id, client_msg_id))
                    return {"status": "duplicate", "client_msg_id": client_msg_id}
                if not self._remember((sender_id, client_msg_id)):
                    return {"status": "duplicate", "client_msg_id": client_msg_id}
            else:
                metadata.pop("client_msg_id", None)
                client_msg_id = None

            if self.session_persistence:
                await self._echo_to_other_tabs(sio, sid, sender_id, text, metadata)
            output = TurnOutput(sio, self.bot_message_evt)
            message = UserMessage(
                text, output, sender_id, input_channel=self.name(), metadata=metadata
            )
            await on_new_message(message)  # returns once the turn is stored
            await output.flush()
            return {"status": "ok", "client_msg_id": client_msg_id}

        @sio.on("history_request", namespace=namespace)
        async def history_request(sid: str, data: Any = None) -> Dict[str, Any]:
            bound = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if not bound:
                return {"status": "error", "error": "no_session"}
            events = await self._tracker_events(sio, sid, bound)
            if events is None:
                return {"status": "unavailable", "session_id": bound, "messages": None}
            return {
                "status": "ok",
                "session_id": bound,
                "messages": history_items(events, self.history_limit),
            }

        return socketio_webhook

    async def _echo_to_other_tabs(
        self, sio: AsyncServer, sid: str, session_id: str, text: str, metadata: Dict[str, Any]
    ) -> None:
        """Show the customer's message in the conversation's other open widgets (tabs).

        Every widget of the session is in its room and gets the bot's answer; without this,
        a tab the customer did not type in showed an answer to a message it never showed.
        Sent before the bot handles the message, so it comes before the answer.
        """
        item = echo_item(text, metadata)
        if item is not None:
            await sio.emit(
                USER_ECHO_EVENT, item, room=session_id, skip_sid=sid, namespace=self.namespace
            )

    async def _tracker_events(self, sio: AsyncServer, sid: str, sender_id: str) -> List | None:
        """The conversation's events from the agent's tracker store (None if there is none)."""
        tracker_store = agent_tracker_store(_app_of(sio, sid, self.namespace))
        if tracker_store is None:
            return None
        try:
            tracker = await tracker_store.retrieve(sender_id)
        except Exception:  # the store being down must not break the chat
            logger.exception("Could not read the conversation history.")
            return None
        return list(tracker.events) if tracker is not None else []

    async def _already_in_tracker(
        self, sio: AsyncServer, sid: str, sender_id: str, client_msg_id: str
    ) -> bool:
        """Whether a resent message is already in the conversation (e.g. before a restart)."""
        events = await self._tracker_events(sio, sid, sender_id)
        for event in events or []:
            if isinstance(event, UserUttered) and isinstance(event.metadata, dict):
                if event.metadata.get("client_msg_id") == client_msg_id:
                    return True
        return False


def _app_of(sio: AsyncServer, sid: str, namespace: str | None) -> Sanic | None:
    environ = sio.get_environ(sid, namespace=namespace) or {}
    request = environ.get("sanic.request")
    return getattr(request, "app", None)

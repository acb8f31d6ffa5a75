"""Live pages: server-sent events for the queue and for one ticket.

Why server-sent events: the desk only pushes (the browser acts through the JSON routes), they
pass proxies as plain HTTP, and `EventSource` reconnects by itself, so a stream simply ends
after `STREAM_SECONDS`. An open stream also marks its agent as at the desk (`Presence`), which
the bot reads to tell customers whether a human is there.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from sanic import Sanic
from sanic.request import Request
from sqlalchemy.exc import SQLAlchemyError

from bot.desk.context import Desk, desk_of, in_thread, load_ticket
from bot.desk.rasa_client import RasaUnavailable
from bot.desk.replies import created_timestamp, customer_messages, store_messages

logger = logging.getLogger(__name__)

STREAM_SECONDS = 300  # an event stream ends after this; EventSource reconnects by itself
PRESENCE_BEAT_SECONDS = 20  # an open live page marks its agent as online this often
KEEP_ALIVE_SECONDS = 15  # a comment line when nothing was sent for this long

Events = List[Tuple[str, Any]]


async def event_stream(request: Request, step: Callable[[], Awaitable[Events]]) -> None:
    """Send what `step` finds every half poll interval, until the stream's time is up."""
    desk = desk_of(request)
    response = await request.respond(
        content_type="text/event-stream; charset=utf-8",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
    await response.send("retry: 1000\n\n")
    deadline = time.monotonic() + STREAM_SECONDS
    last_beat = time.monotonic()
    last_presence = 0.0
    while time.monotonic() < deadline:
        if time.monotonic() - last_presence >= PRESENCE_BEAT_SECONDS:
            await in_thread(desk.presence.seen, request.ctx.agent.name)
            last_presence = time.monotonic()
        for name, data in await step():
            payload = json.dumps(data, ensure_ascii=False)
            await response.send(f"event: {name}\ndata: {payload}\n\n")
            last_beat = time.monotonic()
        if time.monotonic() - last_beat > KEEP_ALIVE_SECONDS:
            await response.send(": keep-alive\n\n")
            last_beat = time.monotonic()
        await asyncio.sleep(desk.options.poll_seconds / 2)
    await response.eof()


async def queue_stream(request: Request) -> None:
    """Server-sent `queue` events whenever the queue changes."""
    app = request.app
    seen = {"version": -1}

    async def step() -> Events:
        if not app.ctx.queue_snapshot:
            await app.ctx.poll_once()
        if app.ctx.queue_version == seen["version"]:
            return []
        seen["version"] = app.ctx.queue_version
        return [("queue", app.ctx.queue_snapshot)]

    await event_stream(request, step)


@dataclass
class TicketWatch:
    """What one ticket page has been told: the ticket's state, the newest customer message.

    `since` is the newest message shown, `kept` the newest one copied into the transcript
    (`lines_kept`: the newest bot or agent line merged):
    they differ while the ticket store refuses writes, when messages are shown all the same
    and copied once it accepts them again.
    """

    desk: Desk
    ticket: Dict[str, Any]
    since: float
    kept: float | None = None
    lines_kept: float | None = None
    refused: bool = False
    fingerprint: str | None = None
    next_rasa: float = 0.0

    def _fingerprint(self) -> str:
        ticket_id = self.ticket["id"]
        current = self.desk.store.get_ticket(ticket_id) or {}
        return json.dumps(
            [
                current.get("status"),
                current.get("assignee"),
                len(current.get("transcript") or []),
                len(self.desk.store.get_audit(ticket_id)),
                len(self.desk.accounts.list_notes(ticket_id)),
            ]
        )

    async def changed(self) -> Events:
        """`changed` when the ticket, its history or its notes changed since the last look."""
        mark = await in_thread(self._fingerprint)
        before, self.fingerprint = self.fingerprint, mark
        return [("changed", {})] if before is not None and mark != before else []

    async def customer(self) -> Events:
        """The customer's new messages (Rasa is asked at most once a second)."""
        if time.monotonic() < self.next_rasa:
            return []
        self.next_rasa = time.monotonic() + max(1.0, self.desk.options.poll_seconds * 2)
        try:
            events = await self.desk.rasa.desk_events(self.ticket["conversation_id"])
        except RasaUnavailable:
            return []
        kept = self.since if self.kept is None else self.kept
        # read once: what is still to copy, and what is still to show, are parts of it
        messages = customer_messages(self.ticket, events, min(kept, self.since))
        to_copy = [m for m in messages if m["timestamp"] > kept]
        try:
            self.lines_kept = await store_messages(
                self.desk, self.ticket, events, to_copy, lines_after=self.lines_kept
            )
            self.kept, self.refused = max([kept] + [m["timestamp"] for m in to_copy]), False
        except SQLAlchemyError as error:
            # hand trial ux6: the stream ended here and reopened on the same error every
            # second, so the agent saw nothing the customer wrote while the store refused
            if not self.refused:
                logger.warning("ticket %s: messages not stored: %s", self.ticket["id"], error)
            self.kept, self.refused = kept, True
        out: Events = []
        for message in [m for m in messages if m["timestamp"] > self.since]:
            self.since = max(self.since, message["timestamp"])
            at = datetime.fromtimestamp(message["timestamp"], timezone.utc)
            out.append(("customer", {"text": message["text"], "at": at.isoformat()}))
        return out


async def ticket_stream(request: Request, ticket_id: str) -> None:
    """Server-sent `changed` (ticket or history changed) and `customer` (new messages)."""
    desk = desk_of(request)
    ticket = await load_ticket(desk, ticket_id)
    watch = TicketWatch(desk, ticket, since=created_timestamp(ticket))

    async def step() -> Events:
        return await watch.changed() + await watch.customer()

    await event_stream(request, step)


def add_live_routes(app: Sanic) -> None:
    """`GET /desk/api/queue/stream`, `GET /desk/api/tickets/<id>/stream`."""
    app.add_route(queue_stream, "/desk/api/queue/stream", methods=["GET"])
    app.add_route(ticket_stream, "/desk/api/tickets/<ticket_id>/stream", methods=["GET"])

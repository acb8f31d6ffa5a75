"""What customers write to agents, copied into their claimed tickets in the background.

Why (hand trial trial5): while an agent holds a conversation the bot is paused, so what the
customer writes stays in Rasa's tracker; the desk copied it into the ticket only while that
ticket's page was open, or at the next reply or resolve. After a group reply five viewers
answered with their order numbers, and the group page and the queue said nothing: the agent
learnt that a customer waited only by opening each ticket. The watcher reads the conversations
of claimed tickets every `watch_seconds` and merges what is new into their transcripts (the
same merge the ticket page's stream does, so nothing is copied twice), and the queue marks the
tickets whose customer waits for an answer (`bot.desk.views.unanswered`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Set

from sanic import Sanic
from sqlalchemy.exc import SQLAlchemyError

from bot.desk.context import Desk, in_thread
from bot.desk.rasa_client import RasaUnavailable
from bot.desk.replies import (
    created_timestamp,
    customer_entry,
    customer_messages,
    store_messages,
)
from bot.tickets.draft import transcript_key

logger = logging.getLogger(__name__)


def _new_messages(ticket: Dict[str, Any], events: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The customer's messages since the filing that the transcript does not hold yet.

    Held as the store's merge decides it (`transcript_key`: text with contacts masked, time
    to the second), so what is called new here is what the merge adds.
    """
    held = {
        transcript_key(entry)
        for entry in ticket.get("transcript") or []
        if entry.get("role") == "customer"
    }
    messages = customer_messages(ticket, events, created_timestamp(ticket))
    return [m for m in messages if transcript_key(customer_entry(m)) not in held]


@dataclass
class WatchMarks:
    """What one watcher remembers between rounds, so a round reads only what changed.

    `latest`: by ticket id, the newest event time its conversation had when the watcher last
    read it and left nothing to copy. Why: every round read every claimed conversation in full
    (tens of kilobytes each) and built every claimed ticket with its transcript; with 1000
    claimed tickets a round took longer than `watch_seconds` (docs/desk.md, "The watcher's
    round").
    A conversation whose newest event time is unchanged has nothing new for its ticket: a
    small read of that time (`RasaClient.latest_event_times`) is all its round costs.
    """

    latest: Dict[str, float] = field(default_factory=dict)

    def unchanged(self, ticket_id: str, latest: float | None) -> bool:
        """Whether the conversation is as the watcher last read it (unknown: not)."""
        return latest is not None and self.latest.get(ticket_id) == latest

    def keep_only(self, ticket_ids: Set[str]) -> None:
        """Forget the tickets no longer claimed (a reclaimed ticket is read afresh)."""
        for ticket_id in set(self.latest) - ticket_ids:
            del self.latest[ticket_id]


async def watch_once(desk: Desk, marks: WatchMarks | None = None) -> int:
    """Copy what the customers of claimed tickets wrote since; how many messages were copied.

    `marks`: what this watcher saw in its last round (None: read every conversation).
    Rasa unreachable: nothing more this round (the next one tries again); a ticket the store
    refuses is left for the next round, the others are copied.
    """
    marks = marks if marks is not None else WatchMarks()
    claimed = await in_thread(desk.store.claimed_conversations)
    marks.keep_only({ticket_id for ticket_id, _ in claimed})
    try:
        latest_times = await desk.rasa.latest_event_times([c for _, c in claimed])
    except RasaUnavailable:
        return 0
    copied = 0
    for ticket_id, conversation_id in claimed:
        latest = latest_times.get(conversation_id)
        if marks.unchanged(ticket_id, latest):
            continue
        try:
            events = await desk.rasa.desk_events(conversation_id)
        except RasaUnavailable:
            return copied
        ticket = await in_thread(desk.store.get_ticket, ticket_id)
        if ticket is None or ticket["status"] != "assigned":
            continue  # resolved or released meanwhile
        try:
            copied += await _copy_new(desk, ticket, events)
        except SQLAlchemyError as error:
            logger.warning("ticket %s: customer messages not stored: %s", ticket_id, error)
            continue  # not marked: the next round reads it again
        if latest is not None:
            marks.latest[ticket_id] = latest
    return copied


async def _copy_new(desk: Desk, ticket: Dict[str, Any], events: List[Dict[str, Any]]) -> int:
    """Merge the customer's new messages of `events` into the ticket; how many there were."""
    new = _new_messages(ticket, events)
    if new:
        await store_messages(desk, ticket, events, new)
    return len(new)


async def watch_forever(app: Sanic) -> None:
    """`watch_once` every `watch_seconds`, while the server runs (0: never)."""
    desk: Desk = app.ctx.desk
    marks = WatchMarks()
    while desk.options.watch_seconds > 0:
        try:
            await watch_once(desk, marks)
        except Exception:  # keep watching: one failed round must not stop it
            logger.exception("watching the claimed conversations failed")
        await asyncio.sleep(desk.options.watch_seconds)


async def start_watcher(app: Sanic, _: Any) -> None:
    """Watch while the server runs."""
    app.ctx.watcher = asyncio.ensure_future(watch_forever(app))


async def stop_watcher(app: Sanic, _: Any) -> None:
    """Stop watching."""
    watcher = getattr(app.ctx, "watcher", None)
    if watcher is not None:
        watcher.cancel()


def add_watcher(app: Sanic) -> None:
    """Start and stop the watcher with the server."""
    app.register_listener(start_watcher, "after_server_start")
    app.register_listener(stop_watcher, "before_server_stop")

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
from typing import Any, Dict, List

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
from bot.tickets.store import MAX_LIST_LIMIT

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


async def watch_once(desk: Desk) -> int:
    """Copy what the customers of claimed tickets wrote since; how many messages were copied.

    Rasa unreachable: nothing more this round (the next one tries again); a ticket the store
    refuses is left for the next round, the others are copied.
    """
    tickets = await in_thread(desk.store.list_tickets, status="assigned", limit=MAX_LIST_LIMIT)
    copied = 0
    for ticket in tickets:
        try:
            events = await desk.rasa.desk_events(ticket["conversation_id"])
        except RasaUnavailable:
            return copied
        new = _new_messages(ticket, events)
        if not new:
            continue
        try:
            await store_messages(desk, ticket, events, new)
            copied += len(new)
        except SQLAlchemyError as error:
            logger.warning("ticket %s: customer messages not stored: %s", ticket["id"], error)
    return copied


async def watch_forever(app: Sanic) -> None:
    """`watch_once` every `watch_seconds`, while the server runs (0: never)."""
    desk: Desk = app.ctx.desk
    while desk.options.watch_seconds > 0:
        try:
            await watch_once(desk)
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

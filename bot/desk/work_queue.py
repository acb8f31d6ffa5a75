"""The queue of tickets: the active ones, the latest finished ones, and the poller.

The poller is behind the live queue and the urgent-ticket webhook.

Why a poller: tickets are filed by the action server into the shared database, not through
the desk, so the desk looks for changes every `poll_seconds`; one snapshot serves every open
queue page (`app.ctx.queue_snapshot`, numbered by `app.ctx.queue_version`), and each urgent
open ticket is announced once by the webhook.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.desk.context import Desk, desk_of, in_thread
from bot.desk.responses import json_response
from bot.desk.views import CUSTOMER, customer_filled, queue_item, sort_queue
from bot.taxonomy import TICKET_STATUSES
from bot.tickets.store import MAX_LIST_LIMIT

logger = logging.getLogger(__name__)

FINISHED_STATUSES = ("resolved", "closed")
FINISHED_LIMIT = 200  # the latest finished tickets the queue's status filter lists


def build_queue(desk: Desk) -> Dict[str, Any]:
    """Open and assigned tickets (urgent first, then by deadline) and counts by status.

    Each carries its escalation, if any (the queue marks it 已升级), and what the customer
    added while it waits (`filled`, field names; the queue marks it 客户补充了：订单号): on an
    open ticket only, since whoever claimed one has seen it.
    """
    active: List[Dict[str, Any]] = []
    for status in ("open", "assigned"):
        active += desk.store.list_tickets(status=status, limit=MAX_LIST_LIMIT)
    counts = {status: desk.store.count_tickets(status=status) for status in TICKET_STATUSES}
    items = with_escalations(desk, sort_queue(active, desk.now()))
    waiting = [item["id"] for item in items if item["status"] == "open"]
    filled = desk.store.fields_changed_by(CUSTOMER, waiting)
    for item in items:
        item["filled"] = customer_filled(filled.get(item["id"], []))
    return {"tickets": items, "counts": counts}


def with_escalations(desk: Desk, items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The queue items, each with its escalation (`{by, to, at}`) or None.

    An escalation is kept after a reassignment and after the resolve, until a reopen; the
    finished list carries it too, or a resolved ticket whose page says 已升级 was listed
    without the mark (hand trial ux12).
    """
    escalations = desk.accounts.active_escalations(item["id"] for item in items)
    for item in items:
        item["escalation"] = escalations.get(item["id"])
    return items


async def queue(request: Request) -> HTTPResponse:
    """Active tickets (urgent first, then by deadline) and counts by status."""
    return json_response(await in_thread(build_queue, desk_of(request)))


async def finished(request: Request) -> HTTPResponse:
    """The latest resolved or closed tickets (`?status=`), for the queue's status filter.

    The live queue holds open and assigned tickets only; without this an agent could
    reach a resolved ticket (to reopen it) only by its URL.
    """
    desk = desk_of(request)
    status = request.args.get("status")
    if status not in FINISHED_STATUSES:
        return json_response({"error": f"status must be one of {list(FINISHED_STATUSES)}"}, 400)
    return json_response({"tickets": await in_thread(_finished_items, desk, status)})


def _finished_items(desk: Desk, status: str) -> List[Dict[str, Any]]:
    """The latest finished tickets of `status` as queue items, with their escalation marks."""
    tickets = desk.store.list_tickets(status=status, limit=FINISHED_LIMIT)
    at = desk.now()
    return with_escalations(desk, [queue_item(t, at) for t in tickets])


async def _announce(desk: Desk, ticket: Dict[str, Any]) -> None:
    assert desk.webhook is not None
    delivered = await desk.webhook.announce(ticket)
    outcome = "delivered" if delivered else "failed"
    await in_thread(desk.accounts.set_webhook_outcome, ticket["id"], outcome)


async def _announce_urgent(app: Sanic, desk: Desk, snapshot: Dict[str, Any]) -> None:
    """Start one webhook delivery per urgent open ticket not announced before."""
    for item in snapshot["tickets"]:
        if item["severity"] != "urgent" or item["status"] != "open":
            continue
        if await in_thread(desk.accounts.claim_webhook, item["id"]):
            ticket = await in_thread(desk.store.get_ticket, item["id"])
            task = asyncio.ensure_future(_announce(desk, ticket or item))
            app.ctx.tasks.add(task)
            task.add_done_callback(app.ctx.tasks.discard)


async def poll_once(app: Sanic) -> None:
    """Refresh the queue snapshot (a new version when it changed); announce urgent tickets."""
    desk: Desk = app.ctx.desk
    snapshot = await in_thread(build_queue, desk)
    if snapshot != app.ctx.queue_snapshot:
        app.ctx.queue_snapshot = snapshot
        app.ctx.queue_version += 1
    if desk.webhook is not None:
        await _announce_urgent(app, desk, snapshot)


async def _poll_forever(app: Sanic) -> None:
    while True:
        try:
            await poll_once(app)
        except Exception:  # keep polling: one failed read must not stop the desk
            logger.exception("queue poll failed")
        await asyncio.sleep(app.ctx.desk.options.poll_seconds)


async def start_poller(app: Sanic, _: Any) -> None:
    """Poll while the server runs."""
    app.ctx.poller = asyncio.ensure_future(_poll_forever(app))


async def stop_poller(app: Sanic, _: Any) -> None:
    """Stop polling and any webhook delivery still under way."""
    poller_task = getattr(app.ctx, "poller", None)
    if poller_task is not None:
        poller_task.cancel()
    for task in list(app.ctx.tasks):
        task.cancel()


def add_queue_routes(app: Sanic) -> None:
    """`GET /desk/api/queue`, `GET /desk/api/finished`, and the poller's lifecycle."""
    app.ctx.queue_version = 0
    app.ctx.queue_snapshot = {}
    app.ctx.tasks = set()

    async def poll_app_once() -> None:
        await poll_once(app)

    app.ctx.poll_once = poll_app_once
    app.add_route(queue, "/desk/api/queue", methods=["GET"])
    app.add_route(finished, "/desk/api/finished", methods=["GET"])
    app.register_listener(start_poller, "after_server_start")
    app.register_listener(stop_poller, "before_server_stop")

"""Statistics over every ticket, as JSON for the page and as a CSV export.

The figures themselves are computed in `bot.desk.views`; this module reads what they need:
every ticket, and when each was first resolved (from the audit history, since a reopened
ticket's current status no longer says).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, List, Mapping, Tuple

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, raw
from sqlalchemy import select

from bot.desk.context import desk_of, in_thread
from bot.desk.responses import json_response
from bot.desk.views import compute_stats, stats_csv
from bot.tickets.models import TicketAuditRow
from bot.tickets.store import MAX_LIST_LIMIT, TicketStore


def _every_ticket(store: TicketStore) -> List[Mapping[str, Any]]:
    tickets: List[Mapping[str, Any]] = []
    while True:
        page = store.list_tickets(limit=MAX_LIST_LIMIT, offset=len(tickets))
        tickets += page
        if len(page) < MAX_LIST_LIMIT:
            return tickets


def _first_resolved(store: TicketStore) -> Dict[str, datetime]:
    resolved: Dict[str, datetime] = {}
    # `after` is a JSON column: compare in Python, not in SQL (dialects encode it apart).
    query = (
        select(TicketAuditRow.ticket_id, TicketAuditRow.at, TicketAuditRow.after)
        .where(TicketAuditRow.field == "status")
        .order_by(TicketAuditRow.id)
    )
    with store.session_scope() as session:
        for ticket_id, at, after in session.execute(query):
            if after == "resolved":
                resolved.setdefault(ticket_id, at)
    return resolved


def all_tickets(store: TicketStore) -> Tuple[List[Mapping[str, Any]], Dict[str, datetime]]:
    """Every ticket, and when each one was first resolved."""
    return _every_ticket(store), _first_resolved(store)


async def stats(request: Request) -> HTTPResponse:
    """Counts, times, SLA breach rate and satisfaction over every ticket."""
    desk = desk_of(request)
    tickets, resolved = await in_thread(all_tickets, desk.store)
    return json_response(compute_stats(tickets, resolved, desk.now(), desk.settings.timezone))


async def stats_export(request: Request) -> HTTPResponse:
    """One CSV row per ticket."""
    desk = desk_of(request)
    tickets, resolved = await in_thread(all_tickets, desk.store)
    return raw(
        stats_csv(tickets, resolved, desk.now()).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="tickets.csv"'},
    )


def add_statistics_routes(app: Sanic) -> None:
    """`GET /desk/api/stats`, `GET /desk/stats.csv`."""
    app.add_route(stats, "/desk/api/stats", methods=["GET"])
    app.add_route(stats_export, "/desk/stats.csv", methods=["GET"])

"""A ticket's SLA deadlines: computed at creation, moved up when the ticket becomes urgent.

Why one module: the ticket store (a severity raised while the customer waits) and the
live-stream incident linker (a viewer's ticket joining a group complaint) both move a ticket's
deadlines up to the urgent SLA, and both must record each move in the audit history. They
computed the deadlines each with its own code; a change of the SLA rule now happens here once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Dict, Tuple

from bot.settings import SlaSettings
from bot.tickets.models import TicketRow

DEADLINE_FIELDS = ("first_response_due", "resolution_due")


def deadlines(sla: SlaSettings, created: datetime, urgent: bool) -> Tuple[datetime, datetime]:
    """The first-response and resolution deadlines of a ticket created at `created`."""
    if urgent:
        minutes = (sla.urgent_first_response_minutes, sla.urgent_resolution_minutes)
    else:
        minutes = (sla.normal_first_response_minutes, sla.normal_resolution_minutes)
    return created + timedelta(minutes=minutes[0]), created + timedelta(minutes=minutes[1])


def hasten(row: TicketRow, sla: SlaSettings) -> Dict[str, Tuple[datetime, datetime]]:
    """Move the row's deadlines up to the urgent SLA where that is sooner.

    Returns each move made, field → (before, after), for the caller's audit history; a
    deadline already sooner (an agent's or an earlier move) is left as it is.
    """
    urgent = deadlines(sla, row.created_at, urgent=True)
    moves: Dict[str, Tuple[datetime, datetime]] = {}
    for name, due in zip(DEADLINE_FIELDS, urgent, strict=True):
        before = getattr(row, name)
        if due < before:
            setattr(row, name, due)
            moves[name] = (before, due)
    return moves

"""SLA deadlines at creation, and moved up when a ticket turns urgent (store and incidents)."""

from datetime import datetime, timedelta, timezone

from bot.settings import SlaSettings
from bot.tickets.deadlines import deadlines, hasten
from bot.tickets.models import TicketRow

CREATED = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
SLA = SlaSettings()


def _normal_row() -> TicketRow:
    first, resolution = deadlines(SLA, CREATED, urgent=False)
    return TicketRow(created_at=CREATED, first_response_due=first, resolution_due=resolution)


def test_deadlines_follow_the_sla_of_the_severity():
    assert deadlines(SLA, CREATED, urgent=False) == (
        CREATED + timedelta(minutes=15),
        CREATED + timedelta(hours=24),
    )
    assert deadlines(SLA, CREATED, urgent=True) == (
        CREATED + timedelta(minutes=5),
        CREATED + timedelta(hours=2),
    )


def test_hasten_moves_both_deadlines_up_and_says_from_what():
    row = _normal_row()
    moves = hasten(row, SLA)
    assert moves == {
        "first_response_due": (CREATED + timedelta(minutes=15), CREATED + timedelta(minutes=5)),
        "resolution_due": (CREATED + timedelta(hours=24), CREATED + timedelta(hours=2)),
    }
    assert row.first_response_due == CREATED + timedelta(minutes=5)
    assert row.resolution_due == CREATED + timedelta(hours=2)


def test_a_deadline_already_sooner_is_not_moved_back():
    row = _normal_row()
    row.first_response_due = CREATED + timedelta(minutes=2)
    moves = hasten(row, SLA)
    assert list(moves) == ["resolution_due"]
    assert row.first_response_due == CREATED + timedelta(minutes=2)
    assert hasten(row, SLA) == {}

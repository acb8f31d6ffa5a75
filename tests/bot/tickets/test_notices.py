"""after5 (2): notices the bot owes a ticket's customer are kept in the ticket database until
delivered, retried with a growing delay, given up (audited) after the last attempt, and never
taken twice, on SQLite and PostgreSQL alike."""

import pytest

from bot.settings import Settings
from bot.tickets import TicketStore
from bot.tickets.notices import NoticeOutbox, NoticeSettings
from tests.bot.tickets.conftest import FakeClock

NOTICE = "ticket_prioritised"
POLICY = NoticeSettings(first_delay_seconds=10, max_delay_seconds=60, max_attempts=4)


@pytest.fixture
def outbox(database_url, make_draft):
    clock = FakeClock()
    store = TicketStore.from_url(database_url, Settings(), clock=clock)
    tickets = [store.create_ticket(make_draft(), f"key-{n}")["id"] for n in range(2)]
    yield NoticeOutbox(store, POLICY), store, clock, tickets
    store.close()


def test_a_notice_is_recorded_once_and_taken_once(outbox):
    box, _, _, tickets = outbox
    assert box.record(tickets, NOTICE) == 2
    assert box.record(tickets, NOTICE) == 0  # a deadline moves once: recorded once
    taken = box.take_due()
    assert sorted(n.ticket_id for n in taken) == sorted(tickets)
    assert box.take_due() == []  # in flight: another worker does not take it too
    for notice in taken:
        box.delivered(notice.id)
    assert box.take_due() == [] and box.status(tickets[0], NOTICE) == "delivered"


def test_a_failed_notice_comes_back_later_and_later(outbox):
    box, _, clock, tickets = outbox
    box.record(tickets[:1], NOTICE)
    delays = []
    for _ in range(3):
        (notice,) = box.take_due()
        assert box.failed(notice.id, "Rasa server unreachable") is False
        due = box.next_due()
        delays.append((due - clock.now).total_seconds())
        clock.advance(seconds=delays[-1] - 1)
        assert box.take_due() == []  # not before its time
        clock.advance(seconds=1)
    assert delays == [10, 20, 40]


def test_the_last_failure_gives_up_and_the_history_says_so(outbox):
    box, store, clock, tickets = outbox
    box.record(tickets[:1], NOTICE)
    for attempt in range(1, POLICY.max_attempts + 1):
        (notice,) = box.take_due()
        assert notice.attempts == attempt - 1
        assert box.failed(notice.id, "Rasa answered 500") is (attempt == POLICY.max_attempts)
        clock.advance(minutes=5)
    assert box.take_due() == [] and box.next_due() is None
    assert box.status(tickets[0], NOTICE) == "given_up"
    (entry,) = [a for a in store.get_audit(tickets[0]) if a["field"] == f"notice_{NOTICE}"]
    assert (entry["actor"], entry["before"], entry["after"]) == ("bot", "pending", "given_up")


def test_a_notice_in_flight_too_long_is_taken_again(outbox):
    """A worker that died mid-send leaves its lease; the notice is not lost."""
    box, _, clock, tickets = outbox
    box.record(tickets[:1], NOTICE)
    assert box.take_due()
    clock.advance(seconds=POLICY.lease_seconds - 1)
    assert box.take_due() == []
    clock.advance(seconds=1)
    assert [n.ticket_id for n in box.take_due()] == tickets[:1]


def test_a_notice_no_longer_owed_is_dropped(outbox):
    box, _, clock, tickets = outbox
    box.record(tickets[:1], NOTICE)
    (notice,) = box.take_due()
    box.dropped(notice.id)
    clock.advance(hours=1)
    assert box.take_due() == [] and box.status(tickets[0], NOTICE) == "dropped"

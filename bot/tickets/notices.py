"""Notices the bot owes a ticket's customer, kept in the ticket database until delivered.

Why (task after5): the group "加急" notice (`actions/incident_notices.py`) was sent once, in
a background task; with the Rasa server down for that moment it was lost, and the waiting
viewer kept expecting the old time. Now the notice is recorded first (`ticket_notices`, in the
same database and with the same code on SQLite and PostgreSQL), then sent by whichever worker
takes it; a failure brings it back after a growing delay (`NoticeSettings`), and after the
last attempt it is given up, which the ticket's audit history records (the desk shows it).

Never twice: a notice is recorded once per ticket (a unique key), taken by one worker at a
time (taking it sets a lease: a conditional UPDATE that one process wins, under SQLite's write
lock or PostgreSQL's row lock), and once marked delivered it is never taken again. A worker
that dies mid-send leaves the lease, after which the notice is taken again: delivery is at
least once in that one case (the send succeeded, marking it failed), never otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.tickets.models import TicketAuditRow, TicketNoticeRow
from bot.tickets.store import TicketStore

PENDING = "pending"
DELIVERED = "delivered"
DROPPED = "dropped"
GIVEN_UP = "given_up"
ACTOR = "bot"
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class NoticeSettings:
    """How notices are retried (the `notices:` settings, `COMPLAINTS_NOTICES__<FIELD>`).

    The delay doubles from `first_delay_seconds` up to `max_delay_seconds`; the defaults try
    for about half an hour (12 attempts), long enough for a Rasa restart, short enough that a
    notice about a first-response time is not sent long after the time itself.
    `lease_seconds`: how long a notice being sent is kept from other workers.
    """

    first_delay_seconds: float = 5.0
    max_delay_seconds: float = 300.0
    max_attempts: int = 12
    lease_seconds: float = 60.0

    def __post_init__(self) -> None:
        """Refuse settings that would never retry or never stop."""
        if self.max_attempts < 1:
            raise ValueError(f"notices.max_attempts must be at least 1, not {self.max_attempts}")
        if min(self.first_delay_seconds, self.max_delay_seconds, self.lease_seconds) <= 0:
            raise ValueError("notices delays and lease must be positive")

    def delay_after(self, attempts: int) -> timedelta:
        """The wait before the next attempt, after `attempts` failed ones (1 or more)."""
        seconds = self.first_delay_seconds * 2 ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.max_delay_seconds))


@dataclass(frozen=True)
class PendingNotice:
    """A notice a worker has taken to send: which ticket, which notice, tries before this."""

    id: int
    ticket_id: str
    notice: str
    attempts: int


class NoticeOutbox:
    """Records, hands out and settles the notices owed to tickets' customers."""

    def __init__(self, store: TicketStore, settings: NoticeSettings | None = None) -> None:
        self._store = store
        self.settings = settings or NoticeSettings()

    def record(self, ticket_ids: Sequence[str], notice: str) -> int:
        """Owe `notice` to each ticket's customer, once ever per ticket; how many are new."""
        new = 0
        for ticket_id in ticket_ids:
            now = self._store.now()
            try:
                with self._store.session_scope() as session:
                    if self._row(session, ticket_id, notice) is not None:
                        continue
                    session.add(
                        TicketNoticeRow(
                            ticket_id=ticket_id,
                            notice=notice,
                            status=PENDING,
                            attempts=0,
                            next_attempt_at=now,
                            created_at=now,
                        )
                    )
                new += 1
            except IntegrityError:
                continue  # another process recorded it between our check and our insert
        return new

    def take_due(self, limit: int = 20) -> List[PendingNotice]:
        """The pending notices due now, each leased to this caller (no other worker gets it)."""
        now = self._store.now()
        lease = now + timedelta(seconds=self.settings.lease_seconds)
        due = (
            select(TicketNoticeRow)
            .where(TicketNoticeRow.status == PENDING, TicketNoticeRow.next_attempt_at <= now)
            .order_by(TicketNoticeRow.next_attempt_at, TicketNoticeRow.id)
            .limit(limit)
        )
        taken: List[PendingNotice] = []
        with self._store.session_scope() as session:
            for row in session.execute(due).scalars().all():
                won = session.execute(
                    update(TicketNoticeRow)
                    .where(
                        TicketNoticeRow.id == row.id,
                        TicketNoticeRow.status == PENDING,
                        TicketNoticeRow.next_attempt_at <= now,
                    )
                    .values(next_attempt_at=lease)
                    .execution_options(synchronize_session=False)
                )
                if won.rowcount == 1:
                    taken.append(PendingNotice(row.id, row.ticket_id, row.notice, row.attempts))
        return taken

    def delivered(self, notice_id: int) -> None:
        """The customer was sent it: never taken again."""
        self._settle(notice_id, DELIVERED)

    def dropped(self, notice_id: int) -> None:
        """No longer owed (an agent claimed the ticket meanwhile, or it is gone)."""
        self._settle(notice_id, DROPPED)

    def failed(self, notice_id: int, error: str) -> bool:
        """An attempt failed: due again after the backoff, or given up; whether it was given up.

        Giving up is written to the ticket's audit history (`notice_<name>`: pending →
        given_up), so the desk shows that the customer was not told.
        """
        now = self._store.now()
        with self._store.session_scope() as session:
            row = session.execute(
                select(TicketNoticeRow).where(TicketNoticeRow.id == notice_id).with_for_update()
            ).scalar_one()
            if row.status != PENDING:
                return False  # settled meanwhile (delivered by the attempt that failed after)
            row.attempts += 1
            row.last_error = error[:MAX_ERROR_CHARS]
            if row.attempts < self.settings.max_attempts:
                row.next_attempt_at = now + self.settings.delay_after(row.attempts)
                return False
            row.status = GIVEN_UP
            session.add(
                TicketAuditRow(
                    ticket_id=row.ticket_id,
                    at=now,
                    actor=ACTOR,
                    field=f"notice_{row.notice}",
                    before=PENDING,
                    after=GIVEN_UP,
                )
            )
            return True

    def next_due(self) -> datetime | None:
        """When the soonest pending notice may be taken; None when none is pending."""
        query = select(func.min(TicketNoticeRow.next_attempt_at)).where(
            TicketNoticeRow.status == PENDING
        )
        with self._store.session_scope() as session:
            value: datetime | None = session.execute(query).scalar_one_or_none()
            return value

    def status(self, ticket_id: str, notice: str) -> str | None:
        """Where the ticket's notice stands (pending, delivered, dropped, given_up), or None."""
        with self._store.session_scope() as session:
            row = self._row(session, ticket_id, notice)
            return row.status if row is not None else None

    @staticmethod
    def _row(session: Session, ticket_id: str, notice: str) -> TicketNoticeRow | None:
        query = select(TicketNoticeRow).where(
            TicketNoticeRow.ticket_id == ticket_id, TicketNoticeRow.notice == notice
        )
        row: TicketNoticeRow | None = session.execute(query).scalar_one_or_none()
        return row

    def _settle(self, notice_id: int, status: str) -> None:
        with self._store.session_scope() as session:
            session.execute(
                update(TicketNoticeRow)
                .where(TicketNoticeRow.id == notice_id)
                .values(status=status, last_error=None)
                .execution_options(synchronize_session=False)
            )

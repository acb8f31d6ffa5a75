"""Database tables of the ticket store (SQLAlchemy 1.4 ORM, one schema for SQLite and PostgreSQL).

Four tables:

- `tickets`: one row per handed-over complaint; structured parts (order data, evidence,
  live-stream context, transcript, ...) are JSON columns.
- `ticket_audit`: one row per changed field (who, when, field, before, after), the history the
  agent desk shows.
- `ticket_id_counters`: one row per id prefix and local day holding the last sequence number
  handed out, so ids are allocated in the same transaction that inserts the ticket.
- `ticket_notices`: one row per notice the bot owes a ticket's customer (e.g. that a group
  incident made the ticket urgent), kept until delivered or given up (`bot.tickets.notices`).

Times are stored in UTC; `UTCDateTime` keeps them timezone-aware on both backends.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import declarative_base

Base: Any = declarative_base()

JsonColumn = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UTCDateTime(TypeDecorator):
    """A timezone-aware datetime stored as UTC (SQLite has no zone, so it is stripped there)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Convert an aware datetime to UTC before it is written."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass a timezone-aware one")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Return stored times as aware UTC datetimes."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class TicketRow(Base):
    """A complaint ticket; columns mirror the keys of the ticket JSON in the spec."""

    __tablename__ = "tickets"

    id = Column(String(32), primary_key=True)
    idempotency_key = Column(String(200), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    status = Column(String(16), nullable=False, index=True)
    order_id = Column(String(64), nullable=True, index=True)
    order_verified = Column(Boolean, nullable=True)
    order_data = Column(JsonColumn, nullable=True)
    issue_category = Column(String(64), nullable=False)
    issue_description = Column(Text, nullable=False)
    desired_remedy = Column(String(64), nullable=True)
    evidence = Column(JsonColumn, nullable=False)
    severity = Column(String(16), nullable=False)
    severity_reasons = Column(JsonColumn, nullable=False)
    emotion = Column(String(16), nullable=True)
    contact = Column(Text, nullable=True)
    live = Column(JsonColumn, nullable=True)
    incident_id = Column(String(64), nullable=True)
    evidence_missing = Column(JsonColumn, nullable=False)
    summary = Column(Text, nullable=False)
    first_response_due = Column(UTCDateTime, nullable=False)
    resolution_due = Column(UTCDateTime, nullable=False)
    assignee = Column(String(255), nullable=True)
    resolution = Column(JsonColumn, nullable=True)
    satisfaction = Column(JsonColumn, nullable=True)
    transcript = Column(JsonColumn, nullable=False)
    handoff_reason = Column(String(64), nullable=True)


Index("ix_tickets_created_at_id", TicketRow.created_at, TicketRow.id)


class TicketAuditRow(Base):
    """One changed field of one ticket: who changed it, when, and the values either side."""

    __tablename__ = "ticket_audit"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(String(32), ForeignKey("tickets.id"), nullable=False, index=True)
    at = Column(UTCDateTime, nullable=False)
    actor = Column(String(255), nullable=False)
    field = Column(String(64), nullable=False)
    before = Column(JsonColumn, nullable=True)
    after = Column(JsonColumn, nullable=True)


class TicketIdCounterRow(Base):
    """The last sequence number handed out for one id prefix and local day (`C20261123`)."""

    __tablename__ = "ticket_id_counters"

    day_key = Column(String(48), primary_key=True)
    last_value = Column(Integer, nullable=False)


class TicketNoticeRow(Base):
    """A notice owed to a ticket's customer: pending until delivered, dropped or given up.

    One per ticket and notice (the unique constraint): a notice recorded twice is sent once.
    `next_attempt_at` is when a worker may take it next: after a failure the backoff, while
    a worker sends it a lease, so another process does not send it too.
    """

    __tablename__ = "ticket_notices"
    __table_args__ = (UniqueConstraint("ticket_id", "notice", name="uq_ticket_notices_ticket"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(String(32), ForeignKey("tickets.id"), nullable=False)
    notice = Column(String(64), nullable=False)
    status = Column(String(16), nullable=False)
    attempts = Column(Integer, nullable=False)
    next_attempt_at = Column(UTCDateTime, nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    last_error = Column(Text, nullable=True)


Index("ix_ticket_notices_due", TicketNoticeRow.status, TicketNoticeRow.next_attempt_at)

"""The ticket store: handed-over complaints in SQLite (embedded default) or PostgreSQL.

One code path for both backends (SQLAlchemy 1.4, ORM models in `bot.tickets.models`); only
the engine is set up per dialect. Every public method is one unit of work in its own
session (`session_scope`, as Rasa's `SQLTrackerStore` does). The methods are synchronous:
async callers run them in a thread (`asyncio.to_thread`).

Concurrency:

- Ticket ids (`C20261123-0001`) come from a counter row per prefix and local day, incremented
  in the transaction that inserts the ticket: PostgreSQL serialises writers on the row lock,
  SQLite on the database write lock (every transaction starts with `BEGIN IMMEDIATE`). Ids are
  therefore unique and gap-free per day.
- `create_ticket` is idempotent: the key has a unique constraint; a call that loses a race
  gets an `IntegrityError`, rolls back (its id is not used) and returns the winner's ticket.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, ContextManager, Dict, Iterable, List, Mapping, Tuple
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, event, func, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from bot.log_privacy import mask_these_contacts
from bot.settings import Settings, SlaSettings
from bot.taxonomy import TICKET_STATUSES
from bot.tickets.deadlines import deadlines, hasten
from bot.tickets.draft import (
    InvalidTicketData,
    TicketDraft,
    entry_moment,
    format_time,
    normalize_evidence,
    normalize_satisfaction,
    normalize_transcript,
    transcript_key,
    validated_fields,
)
from bot.tickets.models import Base, TicketAuditRow, TicketIdCounterRow, TicketRow
from bot.tickets.summary import build_summary

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]

TICKET_KEYS = (
    "id",
    "conversation_id",
    "channel",
    "created_at",
    "status",
    "order_id",
    "order_verified",
    "order",
    "issue_category",
    "issue_description",
    "desired_remedy",
    "evidence",
    "severity",
    "severity_reasons",
    "emotion",
    "contact",
    "live",
    "incident_id",
    "evidence_missing",
    "summary",
    "sla",
    "assignee",
    "resolution",
    "satisfaction",
    "transcript",
)
UPDATABLE_FIELDS = ("status", "assignee", "resolution", "satisfaction")
# Facts the customer may still give while their ticket waits for an agent, and the readings
# raised with them (`fill_in_waiting`): the news the desk marks 客户补充 (`bot.desk.views`).
WAITING_FACTS = (
    "order_id",
    "issue_category",
    "issue_description",
    "desired_remedy",
    "severity",
    "severity_reasons",
    "emotion",
)
# Fields that change along with those facts (whether the order was found, its record, the
# evidence the new category still needs): filled too, but no news of their own.
FILLED_ALONG = ("order_verified", "order_data", "evidence_missing")
FILLABLE_FIELDS = WAITING_FACTS + FILLED_ALONG
MAX_LIST_LIMIT = 500
MAX_IDEMPOTENCY_KEY_LENGTH = 200
CREATE_ATTEMPTS = 5


class TicketNotFound(LookupError):
    """No ticket has this id."""


class TicketChanged(Exception):
    """The ticket is no longer as the caller read it (`update_ticket`'s `expect`).

    `ticket` is the ticket as it is now, so the caller can say who took it or that it ended.
    """

    def __init__(self, ticket: Dict[str, Any]) -> None:
        super().__init__(f"ticket {ticket['id']} changed meanwhile")
        self.ticket = ticket


def _in_time_order(transcript: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The transcript sorted by time, entries of the same moment in the order given.

    Why: the desk stores an agent's reply as it is sent and copies the customer's messages
    from the tracker afterwards; a customer who wrote while the agent typed had their earlier
    line shown after the reply (hand test, ux4). A transcript with an unreadable time is
    left as it is.
    """
    moments = [entry_moment(e["at"]) for e in transcript]
    known = [moment for moment in moments if moment is not None]
    if len(known) != len(transcript):
        return transcript
    return [
        entry for _, entry in sorted(zip(known, transcript, strict=True), key=lambda pair: pair[0])
    ]


def _locked_ticket(session: Session, ticket_id: str) -> TicketRow:
    """The ticket's row, locked for this unit of work (`TicketNotFound` if there is none)."""
    row = session.execute(
        select(TicketRow).where(TicketRow.id == ticket_id).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        raise TicketNotFound(ticket_id)
    return row


def _set_audited(
    session: Session, row: TicketRow, values: Mapping[str, Any], *, actor: str, at: datetime
) -> bool:
    """Set each changed field and record it in the audit history; whether any changed.

    The order's data is a copy of the order service's record: the history says it changed,
    not what it held.
    """
    changed = False
    for name, value in values.items():
        before = getattr(row, name)
        if before == value:
            continue
        setattr(row, name, value)
        changed = True
        opaque = name == "order_data"
        session.add(
            TicketAuditRow(
                ticket_id=row.id,
                at=at,
                actor=actor,
                field=name,
                before=None if opaque else before,
                after=None if opaque else value,
            )
        )
    return changed


def _merge_entries(row: TicketRow, new_entries: List[Dict[str, Any]]) -> int:
    """Add to the row's transcript the entries it does not hold yet; how many were added.

    The same message may come with the tracker's precise time or to the second. Texts are
    compared with their contacts masked: a message whose contact the transcript masks since
    (`withdraw_contact`) is the one held, and the tracker's copy must not bring it back.
    """
    present = {transcript_key(e) for e in row.transcript or []}
    added = [e for e in new_entries if transcript_key(e) not in present]
    if added:
        row.transcript = _in_time_order(list(row.transcript or []) + added)
    return len(added)


def _waits(row: TicketRow) -> bool:
    """Whether the ticket waits for an agent (open, unclaimed): only then are facts filled."""
    return row.status == "open" and row.assignee is None


def _check_fillable(values: Mapping[str, Any]) -> None:
    """`InvalidTicketData` unless every field is one a waiting customer may fill."""
    unknown = sorted(set(values) - set(FILLABLE_FIELDS))
    if unknown:
        raise InvalidTicketData(f"cannot fill {unknown}; fillable: {list(FILLABLE_FIELDS)}")


def utc_now() -> datetime:
    """The default clock: the current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions start too late).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_file_on_connect(dbapi_connection: Any, record: Any) -> None:
    _sqlite_on_connect(dbapi_connection, record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # Take the write lock up front: no read-to-write lock upgrade, so no deadlock; the
    # busy timeout makes concurrent writers wait their turn.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


# SQLAlchemy 1.4 opens a new connection to a SQLite file for every session (NullPool): a
# file open, a schema read and the pragmas each time, about a third of a ticket's creation
# and most of a small read. Kept connections instead, as SQLAlchemy 2.0 does by default.
_SQLITE_FILE_POOL: Dict[str, Any] = {"poolclass": QueuePool, "pool_size": 4, "max_overflow": 8}


def create_store_engine(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL; a SQLite file's folder is created.

    A SQLite file keeps its connections in a pool and runs in WAL mode: readers (the desk,
    the API) never wait for a writer, and a commit is one append to the log instead of a
    rollback journal's several flushes. `synchronous` stays at SQLite's default (FULL), so
    a confirmed ticket is on disk when the customer is told its id.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, future=True, pool_pre_ping=True, json_serializer=_dumps)
    database = parsed.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        parsed,
        future=True,
        json_serializer=_dumps,
        connect_args={"timeout": 30, "check_same_thread": False},
        **({"poolclass": StaticPool} if in_memory else _SQLITE_FILE_POOL),
    )
    event.listen(engine, "connect", _sqlite_on_connect if in_memory else _sqlite_file_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


class TicketStore:
    """Creates, reads and updates complaint tickets; returns them as the spec's JSON dicts."""

    def __init__(
        self,
        engine: Engine,
        *,
        timezone_name: str = "Asia/Shanghai",
        id_prefix: str = "C",
        sla: SlaSettings | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.engine = engine
        self._tz = ZoneInfo(timezone_name)
        self._prefix = id_prefix
        self._sla = sla or SlaSettings()
        self._clock: Clock = clock or utc_now
        self._sessionmaker = sessionmaker(bind=engine, future=True, expire_on_commit=False)

    @classmethod
    def from_url(
        cls, url: str, settings: Settings | None = None, clock: Clock | None = None
    ) -> TicketStore:
        """Connect to `url`, create the tables if needed; other options from `settings`."""
        settings = settings or Settings()
        store = cls(
            create_store_engine(url),
            timezone_name=settings.timezone,
            id_prefix=settings.ticket_id_prefix,
            sla=settings.sla,
            clock=clock,
        )
        store.create_tables()
        return store

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock | None = None) -> TicketStore:
        """The store at `settings.database_url`."""
        return cls.from_url(settings.database_url, settings, clock)

    def create_tables(self) -> None:
        """Create missing tables (safe to run from several processes at once)."""
        try:
            Base.metadata.create_all(self.engine)
        except (IntegrityError, ProgrammingError, OperationalError):
            # Another process created them between our check and our CREATE.
            Base.metadata.create_all(self.engine)

    def close(self) -> None:
        """Release the engine's pooled connections."""
        self.engine.dispose()

    def session_scope(self) -> ContextManager[Session]:
        """One session per unit of work: committed on success, rolled back on error, closed."""
        return self._sessionmaker.begin()

    def now(self) -> datetime:
        """The store's clock (what it stamps tickets and audit entries with), timezone-aware.

        For the tables kept beside the tickets (`bot.tickets.notices`): one clock for all.
        """
        return self._now()

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return timezone-aware datetimes")
        return now

    def _fmt(self, value: datetime | None) -> str | None:
        return format_time(value, self._tz) if value is not None else None

    def create_ticket(self, draft: TicketDraft, idempotency_key: str) -> Dict[str, Any]:
        """Store the draft as a new open ticket, or return the ticket already made for this key.

        Raises `InvalidTicketData` when the draft breaks the contract.
        """
        if not isinstance(idempotency_key, str) or not idempotency_key.strip():
            raise InvalidTicketData("idempotency_key must be a non-empty string")
        if len(idempotency_key) > MAX_IDEMPOTENCY_KEY_LENGTH:
            raise InvalidTicketData(
                f"idempotency_key is longer than {MAX_IDEMPOTENCY_KEY_LENGTH} characters"
            )
        for _ in range(CREATE_ATTEMPTS):
            now = self._now()
            fields = validated_fields(draft, now, self._tz)
            fields["summary"] = build_summary(fields)
            try:
                with self.session_scope() as session:
                    existing = self._by_key(session, idempotency_key)
                    if existing is not None:
                        return self._to_dict(existing)
                    row = self._insert(session, fields, idempotency_key, now)
                    return self._to_dict(row)
            except IntegrityError:
                # Lost a race: the same key, or the day's first counter row, was inserted
                # by a concurrent call. Our transaction is rolled back; look for the winner.
                with self.session_scope() as session:
                    existing = self._by_key(session, idempotency_key)
                    if existing is not None:
                        return self._to_dict(existing)
                logger.debug("ticket id allocation conflicted, retrying")
        raise RuntimeError(f"could not create the ticket after {CREATE_ATTEMPTS} attempts")

    @staticmethod
    def _by_key(session: Session, key: str) -> TicketRow | None:
        return session.execute(
            select(TicketRow).where(TicketRow.idempotency_key == key)
        ).scalar_one_or_none()

    def _insert(
        self, session: Session, fields: Dict[str, Any], key: str, now: datetime
    ) -> TicketRow:
        first_response_due, resolution_due = deadlines(
            self._sla, now, fields["severity"] == "urgent"
        )
        row = TicketRow(
            id=self._next_id(session, now),
            idempotency_key=key,
            created_at=now,
            status="open",
            first_response_due=first_response_due,
            resolution_due=resolution_due,
            assignee=None,
            resolution=None,
            satisfaction=None,
            **fields,
        )
        session.add(row)
        session.flush()
        session.add(
            TicketAuditRow(
                ticket_id=row.id, at=now, actor="bot", field="status", before=None, after="open"
            )
        )
        session.flush()
        return row

    def _next_id(self, session: Session, now: datetime) -> str:
        day_key = f"{self._prefix}{now.astimezone(self._tz):%Y%m%d}"
        counter = TicketIdCounterRow
        bumped = session.execute(
            update(counter)
            .where(counter.day_key == day_key)
            .values(last_value=counter.last_value + 1)
            .execution_options(synchronize_session=False)
        )
        if bumped.rowcount == 0:
            session.add(counter(day_key=day_key, last_value=1))
            session.flush()
            value = 1
        else:
            value = session.execute(
                select(counter.last_value).where(counter.day_key == day_key)
            ).scalar_one()
        return f"{day_key}-{value:04d}"

    def get_ticket(self, ticket_id: str) -> Dict[str, Any] | None:
        """The ticket with this id, or None."""
        with self.session_scope() as session:
            row = session.get(TicketRow, ticket_id)
            return self._to_dict(row) if row is not None else None

    @staticmethod
    def _filters(
        status: str | None, conversation_id: str | None, order_id: str | None
    ) -> List[Any]:
        if status is not None and status not in TICKET_STATUSES:
            raise ValueError(f"status must be one of {list(TICKET_STATUSES)}")
        conditions = []
        if status is not None:
            conditions.append(TicketRow.status == status)
        if conversation_id is not None:
            conditions.append(TicketRow.conversation_id == conversation_id)
        if order_id is not None:
            conditions.append(TicketRow.order_id == order_id)
        return conditions

    def list_tickets(
        self,
        status: str | None = None,
        conversation_id: str | None = None,
        order_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> List[Dict[str, Any]]:
        """Tickets matching every given filter, newest first."""
        conditions = self._filters(status, conversation_id, order_id)
        if not 1 <= limit <= MAX_LIST_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIST_LIMIT}")
        if offset < 0:
            raise ValueError("offset must not be negative")
        query = (
            select(TicketRow)
            .where(*conditions)
            .order_by(TicketRow.created_at.desc(), TicketRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self.session_scope() as session:
            return [self._to_dict(row) for row in session.execute(query).scalars()]

    def claimed_conversations(self) -> List[Tuple[str, str]]:
        """`(ticket id, conversation id)` of every claimed (assigned) ticket, oldest first.

        Why not `list_tickets`: the desk's watcher (`bot.desk.conversation_watch`) asks every
        few seconds which conversations to look at, and needs the whole ticket only of those
        where something happened; `list_tickets` built every claimed ticket with its
        transcript each time, and stopped at `MAX_LIST_LIMIT` (the oldest claims unwatched).
        """
        query = (
            select(TicketRow.id, TicketRow.conversation_id)
            .where(TicketRow.status == "assigned")
            .order_by(TicketRow.created_at, TicketRow.id)
        )
        with self.session_scope() as session:
            return [(row.id, row.conversation_id) for row in session.execute(query)]

    def count_tickets(
        self,
        status: str | None = None,
        conversation_id: str | None = None,
        order_id: str | None = None,
    ) -> int:
        """How many tickets match every given filter."""
        conditions = self._filters(status, conversation_id, order_id)
        query = select(func.count()).select_from(TicketRow).where(*conditions)
        with self.session_scope() as session:
            return int(session.execute(query).scalar_one())

    def update_ticket(
        self,
        ticket_id: str,
        *,
        actor: str,
        expect: Mapping[str, Any] | None = None,
        **changes: Any,
    ) -> Dict[str, Any]:
        """Change status, assignee, resolution and/or satisfaction; audit every changed field.

        `expect` (e.g. `{"status": "open", "assignee": None}`): change only if the ticket
        still holds these values, checked under the row's lock; else `TicketChanged`. Why: the
        desk reads a ticket, waits for Rasa, then writes; two agents claiming (or resolving)
        at once both read it free, and the later write took the ticket from the other (desk14).
        Raises `TicketNotFound`, or `InvalidTicketData` for an unknown field or a bad value.
        """
        if not isinstance(actor, str) or not actor.strip():
            raise InvalidTicketData("actor must be a non-empty string")
        values = self._validated_changes(changes)
        if set(expect or {}) - set(UPDATABLE_FIELDS):
            raise InvalidTicketData(f"can expect only {list(UPDATABLE_FIELDS)}")
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            if any(getattr(row, name) != value for name, value in (expect or {}).items()):
                raise TicketChanged(self._to_dict(row))
            _set_audited(session, row, values, actor=actor, at=self._now())
            return self._to_dict(row)

    @staticmethod
    def _validated_changes(changes: Mapping[str, Any]) -> Dict[str, Any]:
        if not changes:
            raise InvalidTicketData("nothing to change")
        unknown = sorted(set(changes) - set(UPDATABLE_FIELDS))
        if unknown:
            raise InvalidTicketData(
                f"cannot change {unknown}; changeable: {list(UPDATABLE_FIELDS)}"
            )
        values: Dict[str, Any] = {}
        for name, value in changes.items():
            if name == "status":
                if value not in TICKET_STATUSES:
                    raise InvalidTicketData(f"status must be one of {list(TICKET_STATUSES)}")
            elif name == "assignee":
                if value is not None and (not isinstance(value, str) or not value.strip()):
                    raise InvalidTicketData("assignee must be a non-empty string or null")
            elif name == "resolution":
                if value is not None and not isinstance(value, (str, dict)):
                    raise InvalidTicketData("resolution must be a string, an object or null")
            else:
                value = normalize_satisfaction(value)
            values[name] = value
        return values

    def append_transcript(self, ticket_id: str, entries: List[Dict[str, Any]]) -> Dict[str, Any]:
        """Add `{role, text, at}` entries to the end of the ticket's transcript."""
        new_entries = normalize_transcript(entries, self._now(), self._tz)
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            row.transcript = list(row.transcript or []) + new_entries
            return self._to_dict(row)

    def merge_transcript(self, ticket_id: str, entries: List[Dict[str, Any]]) -> int:
        """Add the entries the transcript does not hold yet (same role, text and time).

        Why: the desk copies the customer's messages and the agents' lines from Rasa's tracker
        into the ticket from several places (live stream, reply, resolve); calling it twice
        must not duplicate. Texts are compared with their contacts masked: a message whose
        contact the transcript masks since (`withdraw_contact`) is the one held, and the
        tracker's copy must not bring the contact back in clear.
        Returns how many entries were added.
        """
        new_entries = normalize_transcript(entries, self._now(), self._tz)
        with self.session_scope() as session:
            return _merge_entries(_locked_ticket(session, ticket_id), new_entries)

    def withdraw_contact(self, ticket_id: str, *, actor: str) -> Dict[str, Any] | None:
        """Clear the contact the customer took back after filing and mask it in the transcript.

        Why (task after5): before filing a withdrawn contact is not filed and is masked in the
        transcript (`bot.intake.draft.without_withdrawn_contacts`); taken back after filing
        ("别留我电话了") it stayed on the ticket and in clear in the transcript agents and the
        API read. Whoever holds the ticket: consent is the customer's. Audited, the history
        naming the contact masked as logs mask it, never in clear. Returns the ticket, or
        None when it has no contact (nothing to take back).
        """
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            contact = row.contact
            if not contact:
                return None
            row.contact = None
            row.transcript = [
                {**entry, "text": mask_these_contacts(str(entry.get("text") or ""), [contact])}
                for entry in row.transcript or []
            ]
            session.add(
                TicketAuditRow(
                    ticket_id=ticket_id,
                    at=self._now(),
                    actor=actor,
                    field="contact",
                    before=mask_these_contacts(contact, [contact]),
                    after=None,
                )
            )
            return self._with_new_summary(row)  # no time to call once there is no number

    def add_evidence(
        self,
        ticket_id: str,
        items: List[Dict[str, Any]],
        *,
        actor: str,
        still_missing: List[str] | None = None,
    ) -> Dict[str, Any]:
        """Attach files the customer sent after the ticket was filed (new ids only).

        `still_missing` replaces `evidence_missing` (the caller knows the category's set);
        None keeps it.
        """
        new_items = normalize_evidence(items)
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            before = list(row.evidence or [])
            known = {item["id"] for item in before}
            added = [item for item in new_items if item["id"] not in known]
            if added:
                row.evidence = before + added
                session.add(
                    TicketAuditRow(
                        ticket_id=ticket_id,
                        at=self._now(),
                        actor=actor,
                        field="evidence",
                        before=[item["id"] for item in before],
                        after=[item["id"] for item in row.evidence],
                    )
                )
                if still_missing is not None:
                    row.evidence_missing = [str(kind) for kind in still_missing]
                    return self._with_new_summary(row)
            return self._to_dict(row)

    def note_customer_message(
        self,
        ticket_id: str,
        entry: Mapping[str, Any],
        *,
        actor: str,
        kinds_missing: List[str] | None = None,
        facts: Mapping[str, Any] | None = None,
    ) -> Dict[str, Any]:
        """Everything one message written after filing changes in the ticket, in one unit of work.

        Why (task dedupe2): the message joined the transcript, the words typed with files set
        the kinds the ticket lacks, and the facts and raised readings filled it: three units
        of work per message, each locking, reading and writing the row, two rebuilding the
        summary. Now one: the row read and written once, the summary rebuilt at most once,
        the audit entries as before, in the same order.

        - `entry` joins the transcript unless it holds it already (`merge_transcript`).
        - `kinds_missing`: the kinds the ticket lacks as the words typed with files sent after
          filing say (task ev3). Read once: only when the entry is new (words delivered twice
          would count their files twice), and whoever holds the ticket, as for the files.
        - `facts`: what the message tells while the ticket waits (`fill_in_waiting`'s rules),
          set only while it is open and unclaimed; None when the caller fills nothing.

        Returns the ticket as it is now. Raises `TicketNotFound`, `InvalidTicketData`.
        """
        _check_fillable(facts or {})
        new_entries = normalize_transcript([entry], self._now(), self._tz)
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            now = self._now()
            summarise = False
            if _merge_entries(row, new_entries) and kinds_missing is not None:
                kinds = {"evidence_missing": [str(kind) for kind in kinds_missing]}
                summarise = _set_audited(session, row, kinds, actor=actor, at=now)
            if facts is not None and _waits(row):
                self._fill(session, row, facts, actor=actor, at=now)
                summarise = True  # as `fill_in_waiting` does
            return self._with_new_summary(row) if summarise else self._to_dict(row)

    def fill_in_waiting(
        self, ticket_id: str, values: Mapping[str, Any], *, actor: str
    ) -> Dict[str, Any] | None:
        """Set facts the customer wrote while the ticket waits for an agent; audit each.

        Why: after "转人工" the order number, the problem and the remedy written while waiting
        reached the transcript only, and the agent opened a ticket with empty fields (hand
        test ux8). Only while the ticket is open and unclaimed (checked under the row's
        lock): an agent who has claimed it reads the transcript, and fields do not change
        under them. The caller gives only fields that are still empty (`FILLABLE_FIELDS`),
        and severity and emotion only raised; the summary is rebuilt, and a ticket turned
        urgent gets the urgent SLA (never a later one). Returns None when the ticket is no
        longer waiting. A message's facts come with the message (`note_customer_message`).
        """
        _check_fillable(values)
        with self.session_scope() as session:
            row = _locked_ticket(session, ticket_id)
            if not _waits(row):
                return None
            self._fill(session, row, values, actor=actor, at=self._now())
            return self._with_new_summary(row)

    def _fill(
        self,
        session: Session,
        row: TicketRow,
        values: Mapping[str, Any],
        *,
        actor: str,
        at: datetime,
    ) -> None:
        """Set the waiting ticket's facts, audited; one turned urgent gets the urgent SLA."""
        was_urgent = row.severity == "urgent"
        _set_audited(session, row, values, actor=actor, at=at)
        if row.severity == "urgent" and not was_urgent:
            self._hasten(session, row, actor=actor, at=at)

    def _hasten(self, session: Session, row: TicketRow, *, actor: str, at: datetime) -> None:
        """Move the deadlines up to the urgent SLA where that is sooner; audit each move.

        Why (task after5): a deadline that moved with no entry in the history left the agent
        with a sooner time and no cause. The history keeps local times, as the ticket has them.
        """
        for name, (before, due) in hasten(row, self._sla).items():
            session.add(
                TicketAuditRow(
                    ticket_id=row.id,
                    at=at,
                    actor=actor,
                    field=name,
                    before=self._fmt(before),
                    after=self._fmt(due),
                )
            )

    def get_audit(self, ticket_id: str) -> List[Dict[str, Any]]:
        """The ticket's change history, oldest first: `{at, actor, field, before, after}`."""
        query = (
            select(TicketAuditRow)
            .where(TicketAuditRow.ticket_id == ticket_id)
            .order_by(TicketAuditRow.id)
        )
        with self.session_scope() as session:
            return [
                {
                    "ticket_id": row.ticket_id,
                    "at": self._fmt(row.at),
                    "actor": row.actor,
                    "field": row.field,
                    "before": row.before,
                    "after": row.after,
                }
                for row in session.execute(query).scalars()
            ]

    def fields_changed_by(self, actor: str, ticket_ids: Iterable[str]) -> Dict[str, List[str]]:
        """For each of these tickets, the fields `actor` changed (first change first).

        Why: the desk's queue marks what the customer added to each waiting ticket; one
        query for the whole queue, not one history per ticket at every poll.
        """
        ids = list(ticket_ids)
        if not ids:
            return {}
        query = (
            select(TicketAuditRow.ticket_id, TicketAuditRow.field)
            .where(TicketAuditRow.actor == actor, TicketAuditRow.ticket_id.in_(ids))
            .order_by(TicketAuditRow.id)
        )
        changed: Dict[str, List[str]] = {}
        with self.session_scope() as session:
            for ticket_id, name in session.execute(query):
                fields = changed.setdefault(ticket_id, [])
                if name not in fields:
                    fields.append(name)
        return changed

    def _with_new_summary(self, row: TicketRow) -> Dict[str, Any]:
        """The ticket JSON, its summary rebuilt from the row as it is now (and stored).

        Why: a payment screenshot sent after filing emptied `evidence_missing`, but the
        summary agents read still said "缺少凭证：付款/扣款截图" (hand test ux8). The JSON
        the summary is built from is the one returned (built once).
        """
        ticket = self._to_dict(row)
        fields = {**ticket, "order_data": row.order_data, "handoff_reason": row.handoff_reason}
        ticket["summary"] = row.summary = build_summary(fields)
        return ticket

    def _to_dict(self, row: TicketRow) -> Dict[str, Any]:
        """The ticket JSON of the spec, keys in the spec's order."""
        return {
            "id": row.id,
            "conversation_id": row.conversation_id,
            "channel": row.channel,
            "created_at": self._fmt(row.created_at),
            "status": row.status,
            "order_id": row.order_id,
            "order_verified": row.order_verified,
            "order": row.order_data,
            "issue_category": row.issue_category,
            "issue_description": row.issue_description,
            "desired_remedy": row.desired_remedy,
            "evidence": list(row.evidence or []),
            "severity": row.severity,
            "severity_reasons": list(row.severity_reasons or []),
            "emotion": row.emotion,
            "contact": row.contact,
            "live": row.live,
            "incident_id": row.incident_id,
            "evidence_missing": list(row.evidence_missing or []),
            "summary": row.summary,
            "sla": {
                "first_response_due": self._fmt(row.first_response_due),
                "resolution_due": self._fmt(row.resolution_due),
            },
            "assignee": row.assignee,
            "resolution": row.resolution,
            "satisfaction": row.satisfaction,
            "transcript": list(row.transcript or []),
        }

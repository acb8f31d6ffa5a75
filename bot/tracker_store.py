"""Rasa's SQL tracker store, with an embedded SQLite file set up for a chat server.

Configured in `endpoints.yml` as `tracker_store: {type: bot.tracker_store.TunedSQLTrackerStore,
dialect: sqlite, db: ...}`; every other option is Rasa's `SQLTrackerStore`'s, and for any
other dialect (PostgreSQL in production) it is Rasa's store but for the row-only read.

Why: Rasa opens SQLite with the library defaults, a rollback journal and `synchronous=FULL`
with a new connection for every read and write (SQLAlchemy 1.4 uses no pool for SQLite
files). Each turn stores events with a commit that waits for several disk flushes, and
Rasa does that on its event loop, so every other conversation waits too; reading and
writing trackers was about a quarter of the Rasa server's time under load
(docs/performance.md). Here the file runs in WAL mode
(readers never wait for the writer) with `synchronous=NORMAL` (one flush per checkpoint, not
per commit), connections are kept in a small pool, and events are read as plain rows
rather than ORM objects and written with one bulk insert (for every dialect). The trade-off, as SQLite documents
it: after a power cut or OS crash, not a process crash, the last commits may be lost; set
`synchronous: FULL` in `endpoints.yml` to keep every commit.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Sequence

import sqlalchemy as sa
import ujson
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

# how many conversations' read/save marks are kept before they are forgotten (a forgotten one
# only means the next save counts its stored events with a query, as Rasa does)
MAX_MARKED_CONVERSATIONS = 4096
# where a tracker read from this store keeps what it knows of its stored events
STORED_ATTRIBUTE = "_tuned_store_stored_events"

JOURNAL_MODES = ("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF")
SYNCHRONOUS_MODES = ("OFF", "NORMAL", "FULL", "EXTRA")


def _checked(value: str, allowed: tuple[str, ...], name: str) -> str:
    """A PRAGMA value from the configuration, refused unless SQLite knows it."""
    upper = str(value).upper()
    if upper not in allowed:
        raise ValueError(f"tracker store {name} must be one of {allowed}, not {value!r}")
    return upper


def sqlite_engine(
    url: sa.engine.URL, journal_mode: str, synchronous: str, busy_timeout_ms: int
) -> sa.engine.Engine:
    """A pooled engine whose connections all use the given journal and sync modes."""
    engine = sa.create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        # Rasa uses the store from its event loop only; the pool may hand a connection to
        # whichever thread asks, so SQLite's same-thread check must be off.
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000.0},
    )

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA journal_mode={journal_mode}")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    return engine


@dataclass
class StoredEvents:
    """What this store last read or wrote of one tracker's conversation.

    `count` is what Rasa's count before a save would return: the stored rows in the
    latest session (timestamp at or after `session_start`, the latest `SessionStarted`
    timestamp; every row when there is none). `mark` is this store's mark for the
    conversation when it was made: any later read or save of the conversation through
    this store (another tracker object, a copy of this one) makes it stale.
    """

    mark: int
    count: int
    session_start: Optional[float]


class TunedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` reading plain rows; for SQLite: WAL, `synchronous=NORMAL`, a pool."""

    engine: sa.engine.Engine  # set by Rasa's __init__, replaced below for SQLite

    def __init__(
        self,
        *args: Any,
        journal_mode: str = "WAL",
        synchronous: str = "NORMAL",
        busy_timeout_ms: int = 10_000,
        **kwargs: Any,
    ) -> None:
        """Rasa's store; then, for SQLite, swap in the tuned engine (tables already exist)."""
        super().__init__(*args, **kwargs)
        stock_engine = self.engine
        url = stock_engine.url
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return  # a pool of in-memory databases would be several databases
        stock_engine.dispose()
        self.engine = sqlite_engine(
            url,
            _checked(journal_mode, JOURNAL_MODES, "journal_mode"),
            _checked(synchronous, SYNCHRONOUS_MODES, "synchronous"),
            int(busy_timeout_ms),
        )
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    @functools.cached_property
    def _marks(self) -> Dict[str, int]:
        """The latest read or save mark of each conversation (see `StoredEvents`)."""
        return {}

    @functools.cached_property
    def _ticks(self) -> Iterator[int]:
        return itertools.count(1)

    def _mark(self, sender_id: str) -> int:
        """A new mark for this conversation; older `StoredEvents` of it become stale."""
        marks = self._marks
        if len(marks) >= MAX_MARKED_CONVERSATIONS and sender_id not in marks:
            marks.clear()
        marks[sender_id] = mark = next(self._ticks)
        return mark

    @functools.cached_property
    def _statements(self) -> Dict[str, Any]:
        """Rasa's queries for a conversation's events, built once with a bound sender id.

        Rasa builds its ORM query (a subquery for the latest session start, then the
        events after it, ordered by id) anew for every read and for the count before every
        write; building it took longer than running it. Same filters, same order, only the
        serialised event selected (Rasa reads nothing else) and, for the latest session,
        the type and timestamp columns that the count of stored events depends on.
        """
        table = self.SQLEvent.__table__
        sender = sa.bindparam("sender_id")
        session_start = (
            sa.select(sa.func.max(table.c.timestamp).label("session_start"))
            .where(table.c.sender_id == sender, table.c.type_name == SessionStarted.type_name)
            .subquery()
        )
        in_latest_session = sa.or_(
            table.c.timestamp >= session_start.c.session_start,
            session_start.c.session_start.is_(None),
        )
        of_sender = table.c.sender_id == sender
        return {
            "all": sa.select(table.c.data).where(of_sender).order_by(table.c.id),
            "latest": sa.select(table.c.data, table.c.type_name, table.c.timestamp)
            .select_from(table, session_start)
            .where(of_sender, in_latest_session)
            .order_by(table.c.id),
            "count": sa.select(sa.func.count())
            .select_from(table, session_start)
            .where(of_sender, in_latest_session),
        }

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        """Rasa's `_retrieve` with the prepared query, parsing the events with ujson."""
        statement = self._statements["all" if fetch_events_from_all_sessions else "latest"]
        with self.session_scope() as session:
            rows = session.execute(statement, {"sender_id": sender_id}).all()
        # ujson (Sanic's) parses the events' JSON, full parse data included, 2-3x faster
        events = [ujson.loads(row[0]) for row in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:  # the rows are those Rasa's count counts
            starts = [row[2] for row in rows if row[1] == SessionStarted.type_name]
            self._remember(tracker, len(rows), max(starts) if starts else None)
        return tracker

    def _remember(
        self, tracker: DialogueStateTracker, count: int, session_start: Optional[float]
    ) -> None:
        stored = StoredEvents(self._mark(tracker.sender_id), count, session_start)
        tracker.__dict__[STORED_ATTRIBUTE] = stored

    def _known_count(self, tracker: DialogueStateTracker) -> Optional[StoredEvents]:
        """What this tracker knows of its stored events, if it is still exact."""
        stored = tracker.__dict__.get(STORED_ATTRIBUTE)
        if isinstance(stored, StoredEvents) and self._marks.get(tracker.sender_id) == stored.mark:
            return stored
        return None

    def _stored_count(self, session: Any, tracker: DialogueStateTracker) -> int:
        """How many events of the latest session are stored: Rasa's count before a save.

        A tracker this store read (or saved) knows it without a query, as long as the
        conversation was not read or saved through this store since (by another tracker
        object, or a copy of this one); otherwise the count is queried as Rasa does. Writers outside this store between the read
        and the save (Rasa's lock store keeps them out during a turn) are not seen, as they
        are not by Rasa's count either once its islice is taken.
        """
        known = self._known_count(tracker)
        if known is not None:
            return known.count
        stored = session.execute(self._statements["count"], {"sender_id": tracker.sender_id})
        count = int(stored.scalar_one())
        if count == 0:  # no row at all (a session's start is counted): no session start
            self._remember(tracker, 0, None)
        return count

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet (Rasa's, counting as `_stored_count` does)."""
        return itertools.islice(
            tracker.events, self._stored_count(session, tracker), len(tracker.events)
        )

    def _after_save(self, tracker: DialogueStateTracker, rows: Sequence[Dict[str, Any]]) -> None:
        """Carry the count over the rows just written, unless they start a new session."""
        known = self._known_count(tracker)
        tracker.__dict__.pop(STORED_ATTRIBUTE, None)
        self._mark(tracker.sender_id)  # any other tracker object's count is stale now
        if known is None or any(row["type_name"] == SessionStarted.type_name for row in rows):
            return
        start = known.session_start
        added = sum(
            1
            for row in rows
            if start is None or (row["timestamp"] is not None and row["timestamp"] >= start)
        )
        self._remember(tracker, known.count + added, start)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `save`, writing the new events with one bulk insert.

        Rasa adds one ORM object per event and lets the session's unit of work flush them;
        the rows and the columns are the same here, inserted in one statement (about half
        the time of a turn's save).
        """
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows: List[Dict[str, Any]] = [
                _event_row(tracker.sender_id, event)
                for event in self._additional_events(session, tracker)
            ]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()
        self._after_save(tracker, rows)


def _event_row(sender_id: str, event: Event) -> Dict[str, Any]:
    """The columns Rasa's `SQLTrackerStore.save` writes for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


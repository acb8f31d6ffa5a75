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

A turn the database refused to store (locked past the busy timeout, disk full, PostgreSQL
gone) is held in memory and written before the conversation is next read. Rasa's own
fail-safe store keeps it only in a copy it never reads back, so the next turn would start
from the tracker before it: a customer who had just confirmed would be read the facts again.
The hold is per server process (`UnsavedTrackers`).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import logging
import os
import weakref
from collections import OrderedDict
from typing import Any, Dict, Iterator, Optional, Tuple

import orjson
import sqlalchemy as sa
import ujson
from rasa.core.tracker_store import POSTGRESQL_SCHEMA, SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

logger = logging.getLogger(__name__)

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
    def _statements(self) -> Dict[str, Any]:
        """Rasa's queries for a conversation's events, built once with a bound sender id.

        Rasa builds its ORM query (a subquery for the latest session start, then the
        events after it, ordered by id) anew for every read and for the count before every
        write; building it took longer than running it. Same filters, same order, only the
        serialised event selected (Rasa reads nothing else).
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
            "latest": sa.select(table.c.data)
            .select_from(table, session_start)
            .where(of_sender, in_latest_session)
            .order_by(table.c.id),
            "newest": sa.select(sa.func.max(table.c.id)).where(of_sender),
            "count": sa.select(sa.func.count())
            .select_from(table, session_start)
            .where(of_sender, in_latest_session),
        }

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        """Rasa's `_retrieve` with the prepared query, parsing the events with ujson.

        A turn held after a failed save is written first; while it cannot be, it is the
        conversation's newest state and is answered instead of the older stored one.
        """
        held = self._unsaved.get(sender_id)
        if held is not None:
            if not await self._write_held(held):
                return held
        statement = self._statements["all" if fetch_events_from_all_sessions else "latest"]
        with self._transaction() as connection:
            rows = connection.execute(statement, {"sender_id": sender_id}).scalars().all()
        # ujson (Sanic's) parses the events' JSON, full parse data included, 2-3x faster
        events = [ujson.loads(data) for data in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:  # the rows Rasa's count would find
            self._stored_counts.remember(tracker, len(rows))
        return tracker

    async def conversation_stamp(self, sender_id: str) -> Tuple[Optional[int], int]:
        """A stamp that changes whenever the conversation does, far cheaper than reading it.

        The newest stored event's id, and the length of a turn held after a failed save.
        Why: the REST channel's long poll (`bot.channels.rest`) looked for new lines once a
        second by reading the whole tracker, about 10 ms of the server's event loop for a
        hundred events, per waiting client; the stamp is one indexed query (0.1 ms).
        """
        held = self._unsaved.get(sender_id)
        with self._transaction() as connection:
            newest = connection.execute(self._statements["newest"], {"sender_id": sender_id})
            return newest.scalar_one_or_none(), len(held.events) if held is not None else 0

    @functools.cached_property
    def _unsaved(self) -> UnsavedTrackers:
        """Trackers whose latest save the database refused."""
        return UnsavedTrackers()

    async def _write_held(self, tracker: DialogueStateTracker) -> bool:
        """Write a held tracker's events; whether the database took them."""
        try:
            await self._write(tracker)
        except sa.exc.SQLAlchemyError as error:
            logger.warning("conversation %s still not stored: %s", tracker.sender_id, error)
            return False
        self._unsaved.release(tracker.sender_id)
        logger.info("conversation %s stored after an earlier failure", tracker.sender_id)
        return True

    @functools.cached_property
    def _stored_counts(self) -> StoredCounts:
        """The stored-event counts of the trackers this store read or saved."""
        return StoredCounts()

    def _additional_events(self, connection: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet (Rasa's, counting with the prepared query).

        A tracker this store read (latest session) or saved knows how many of its events are
        stored: no one else writes the conversation between Rasa's read and its save (Rasa
        holds the conversation's lock), so the count query would find the same number.
        """
        stored = self._stored_counts.recall(tracker)
        if stored is None:
            result = connection.execute(self._statements["count"], {"sender_id": tracker.sender_id})
            stored = result.scalar_one()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `save`, writing the new events with one bulk insert.

        Rasa adds one ORM object per event and lets the session's unit of work flush them;
        the rows and the columns are the same here, inserted in one statement (about half
        the time of a turn's save). When the database refuses, the tracker is held (see the
        module's docstring) and the error logged, not raised.
        """
        await self.stream_events(tracker)
        try:
            await self._write(tracker)
        except sa.exc.SQLAlchemyError as error:
            self._unsaved.hold(tracker)
            logger.error(
                "conversation %s not stored, held in memory until the database takes it: %s",
                tracker.sender_id,
                error,
            )
        else:
            self._unsaved.release(tracker.sender_id)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Rasa's streaming, except for a held tracker: its events up to the hold went out.

        Rasa finds the new events by reading the stored tracker; for a held conversation
        that read is the held tracker itself, so nothing would look new.
        """
        streamed = self._unsaved.streamed(tracker)
        if streamed is None or self.event_broker is None:
            await super().stream_events(tracker)
            return
        new_events = list(itertools.islice(tracker.events, streamed, None))
        await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)

    async def _write(self, tracker: DialogueStateTracker) -> None:
        """Insert the tracker's events that are not stored yet, in one transaction."""
        with self._transaction() as connection:
            rows = [
                _event_row(tracker.sender_id, event)
                for event in self._additional_events(connection, tracker)
            ]
            if rows:
                connection.execute(self.SQLEvent.__table__.insert(), rows)
        self._stored_counts.remember(tracker, len(tracker.events))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        """A pooled connection in one transaction, committed when the block ends.

        Rasa's reads and writes go through an ORM session (`session_scope`), whose
        bookkeeping took about a third of the store's time per message; these statements
        are plain SQL, so a connection runs them the same. With a PostgreSQL schema
        configured, Rasa's session scope is used, which checks that the schema exists.
        """
        if os.environ.get(POSTGRESQL_SCHEMA):
            with self.session_scope() as session:
                yield session
                session.commit()
            return
        with self.engine.begin() as connection:
            yield connection


class UnsavedTrackers:
    """The newest tracker of each conversation whose save failed, oldest dropped past a cap.

    Why a cap: a database down for hours must not grow the server without bound; a dropped
    conversation goes back to its last stored turn, as with Rasa's own store.
    """

    def __init__(self, limit: int = 10_000) -> None:
        self._limit = limit
        self._held: OrderedDict[str, Tuple[DialogueStateTracker, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._held)

    def get(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The conversation's held tracker, if its last save failed."""
        entry = self._held.get(sender_id)
        return entry[0] if entry else None

    def streamed(self, tracker: DialogueStateTracker) -> Optional[int]:
        """How many of this held tracker's events went to the event broker, else None."""
        entry = self._held.get(tracker.sender_id)
        return entry[1] if entry and entry[0] is tracker else None

    def hold(self, tracker: DialogueStateTracker) -> None:
        """Keep the tracker as its conversation's newest state; all its events streamed."""
        self._held[tracker.sender_id] = (tracker, len(tracker.events))
        self._held.move_to_end(tracker.sender_id)
        while len(self._held) > self._limit:
            dropped, _ = self._held.popitem(last=False)
            logger.error("conversation %s: held turn dropped (too many unsaved)", dropped)

    def release(self, sender_id: str) -> None:
        """The conversation is stored: forget what was held."""
        self._held.pop(sender_id, None)


class StoredCounts:
    """How many of a tracker's events are in the store, while its event list is unchanged.

    Keyed by the tracker's id with a weak reference (trackers are neither changed nor kept
    alive); forgotten when the tracker gets a new event list (Rasa appends to the one it has),
    so a copy, a tracker built elsewhere or one read with all sessions is counted by query.
    """

    def __init__(self) -> None:
        self._counts: Dict[int, Tuple[Any, Any, int]] = {}

    def remember(self, tracker: DialogueStateTracker, stored: int) -> None:
        """`stored` of the tracker's events are in the store (after a read or a save)."""
        key = id(tracker)

        def forget(ref: Any) -> None:
            entry = self._counts.get(key)
            if entry is not None and entry[0] is ref:
                del self._counts[key]

        self._counts[key] = (weakref.ref(tracker, forget), tracker.events, stored)

    def recall(self, tracker: DialogueStateTracker) -> Optional[int]:
        """How many of its events are stored, or None when the store cannot vouch for it."""
        entry = self._counts.get(id(tracker))
        if entry is None or entry[0]() is not tracker or entry[1] is not tracker.events:
            return None
        return entry[2]


def _event_row(sender_id: str, event: Event) -> Dict[str, Any]:
    """The columns Rasa's `SQLTrackerStore.save` writes for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": event_json(data),
    }


def event_json(data: Dict[str, Any]) -> str:
    """An event's JSON as stored: the value Rasa's `json.dumps` stores, written by orjson.

    Why: encoding the events was about a quarter of the store's save time, and Rasa's
    ASCII escapes make every Chinese character six bytes. The text differs (compact,
    UTF-8), the JSON value read back does not. What orjson refuses goes through `json`.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(data)

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

import json
from typing import Any, Dict

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.pool import QueuePool

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

    def _event_query(
        self, session: Any, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Any:
        """Rasa's query for a conversation's events, selecting only the serialised event.

        Rasa reads `.data` of each row and counts rows, nothing else; plain rows instead of
        ORM objects take a third off reading a tracker. Same filters, same order.
        """
        query = super()._event_query(session, sender_id, fetch_events_from_all_sessions)
        return query.with_entities(self.SQLEvent.data)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `save`, writing the new events with one bulk insert.

        Rasa adds one ORM object per event and lets the session's unit of work flush them;
        the rows and the columns are the same here, inserted in one statement (about half
        the time of a turn's save).
        """
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [
                _event_row(tracker.sender_id, event)
                for event in self._additional_events(session, tracker)
            ]
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()


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

"""Our tuned SQL tracker store opened on a test's database URL, as endpoints.yml would open it;
a SQLite tracker file made to refuse new events, and what it holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from rasa.shared.core.domain import Domain

from bot.tracker_store import TunedSQLTrackerStore


def tracker_store_at(database_url: str, domain: Domain) -> TunedSQLTrackerStore:
    """A new store (as a newly started server opens it) on the test's database.

    SQLite: `rasa_tracker.db` beside the URL's file, as `endpoints.yml` keeps it apart from
    the project's database; PostgreSQL: the URL's database and schema.
    """
    url = sa.engine.make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "").parent / "rasa_tracker.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        return TunedSQLTrackerStore(domain, dialect="sqlite", db=str(path))
    return TunedSQLTrackerStore(
        domain,
        dialect="postgresql",
        host=url.host,
        port=url.port,
        db=url.database,
        username=url.username,
        password=url.password,
        query=dict(url.query),
    )


def refuse_event_writes(database: Path) -> None:
    """Make the SQLite file itself refuse new events, as a full disk or a lock would."""
    with sqlite3.connect(database) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON events "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )


def accept_event_writes(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TRIGGER refuse")


def stored_user_texts(database: Path, sender: str) -> list:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (sender,),
        )
        return [json.loads(data)["text"] for (data,) in rows]

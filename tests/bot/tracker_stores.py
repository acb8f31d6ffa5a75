"""Our tuned SQL tracker store opened on a test's database URL, as endpoints.yml would open it."""

from __future__ import annotations

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

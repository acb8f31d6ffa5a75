"""What the WeCom Kf channel must remember across restarts, in SQL (the project's database).

- `wecom_cursors`: the `kf/sync_msg` cursor per `open_kfid`, saved after each page, so a
  restarted connector continues where it stopped (no replay, no gap).
- `wecom_messages`: every `msgid` the channel has taken on, claimed *before* it is handled
  (a unique key, so two deliveries or two workers never both handle it) and marked done
  after. A claim left undone by a crash is taken again once it is older than `stale_seconds`.
- `wecom_sessions`: the live-stream context of each customer from their `enter_session`
  event, attached to their later messages.

Every method is one unit of work on its own connection (blocking; async callers use a thread).
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Dict, Optional

from sqlalchemy import (
    Column,
    Float,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.tickets.store import create_store_engine

_metadata = MetaData()
cursors_table = Table(
    "wecom_cursors",
    _metadata,
    Column("open_kfid", String(64), primary_key=True),
    Column("cursor", String(255), nullable=False),
    Column("updated_at", Float, nullable=False),
)
messages_table = Table(
    "wecom_messages",
    _metadata,
    Column("msgid", String(128), primary_key=True),
    Column("claimed_at", Float, nullable=False),
    Column("done_at", Float, nullable=True),
)
sessions_table = Table(
    "wecom_sessions",
    _metadata,
    Column("open_kfid", String(64), primary_key=True),
    Column("external_userid", String(128), primary_key=True),
    Column("context", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)


class WeComState:
    """Cursor, handled message ids and session context of the WeCom Kf channel."""

    def __init__(
        self,
        engine: Engine,
        *,
        stale_seconds: float = 600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.stale_seconds = stale_seconds
        self._clock = clock
        _metadata.create_all(engine)

    @classmethod
    def from_url(cls, url: str) -> WeComState:
        """The state in the database at `url` (SQLite or PostgreSQL)."""
        return cls(create_store_engine(url))

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def cursor(self, open_kfid: str) -> str:
        """The saved cursor, or "" (start from the oldest message WeCom keeps)."""
        with self.engine.connect() as conn:
            value = conn.execute(
                select(cursors_table.c.cursor).where(cursors_table.c.open_kfid == open_kfid)
            ).scalar()
        return str(value or "")

    def save_cursor(self, open_kfid: str, cursor: str) -> None:
        """Remember the cursor to continue from."""
        now = self._clock()
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(cursors_table)
                .where(cursors_table.c.open_kfid == open_kfid)
                .values(cursor=cursor, updated_at=now)
            ).rowcount
            if not changed:
                conn.execute(
                    insert(cursors_table).values(open_kfid=open_kfid, cursor=cursor, updated_at=now)
                )

    def claim(self, msgid: str) -> bool:
        """Take a message on; False when it is done or another handler holds a fresh claim."""
        now = self._clock()
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(messages_table).values(msgid=msgid, claimed_at=now))
            return True
        except IntegrityError:
            pass
        with self.engine.begin() as conn:
            retaken = conn.execute(
                update(messages_table)
                .where(
                    and_(
                        messages_table.c.msgid == msgid,
                        messages_table.c.done_at.is_(None),
                        messages_table.c.claimed_at < now - self.stale_seconds,
                    )
                )
                .values(claimed_at=now)
            ).rowcount
        return bool(retaken)

    def done(self, msgid: str) -> None:
        """Mark a claimed message handled."""
        with self.engine.begin() as conn:
            conn.execute(
                update(messages_table)
                .where(messages_table.c.msgid == msgid)
                .values(done_at=self._clock())
            )

    def release(self, msgid: str) -> None:
        """Give a claim back (handling failed before anything reached the bot)."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(messages_table).where(
                    and_(messages_table.c.msgid == msgid, messages_table.c.done_at.is_(None))
                )
            )

    def forget_before(self, before: float) -> int:
        """Drop message ids handled before `before` (WeCom keeps messages 3 days)."""
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    delete(messages_table).where(
                        or_(
                            messages_table.c.done_at < before,
                            messages_table.c.claimed_at < before,
                        )
                    )
                ).rowcount
            )

    def session_context(self, open_kfid: str, external_userid: str) -> Optional[Dict[str, Any]]:
        """The context saved from the customer's last `enter_session`, if any."""
        with self.engine.connect() as conn:
            raw = conn.execute(
                select(sessions_table.c.context).where(
                    and_(
                        sessions_table.c.open_kfid == open_kfid,
                        sessions_table.c.external_userid == external_userid,
                    )
                )
            ).scalar()
        if not raw:
            return None
        value = json.loads(raw)
        return value if isinstance(value, dict) else None

    def save_session_context(
        self, open_kfid: str, external_userid: str, context: Dict[str, Any]
    ) -> None:
        """Replace the customer's session context."""
        raw = json.dumps(context, ensure_ascii=False)
        now = self._clock()
        where = and_(
            sessions_table.c.open_kfid == open_kfid,
            sessions_table.c.external_userid == external_userid,
        )
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(sessions_table).where(where).values(context=raw, updated_at=now)
            ).rowcount
            if not changed:
                conn.execute(
                    insert(sessions_table).values(
                        open_kfid=open_kfid,
                        external_userid=external_userid,
                        context=raw,
                        updated_at=now,
                    )
                )

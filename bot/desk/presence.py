"""Which agents have the desk open right now, in the ticket store's database.

Why: when a complaint is filed and nobody is at the desk, the bot tells the customer so (the
SLA time still holds) and invites them to leave more details. The desk marks an agent as seen
while one of their live pages (queue or ticket) is open; the action server reads the same
table. "Online" means seen within `window` (default two minutes).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable, List

from sqlalchemy import Column, String, select
from sqlalchemy.orm import declarative_base

from bot.tickets.models import UTCDateTime
from bot.tickets.store import TicketStore, utc_now

PresenceBase: Any = declarative_base()


class PresenceRow(PresenceBase):
    """When an agent's desk page last reported in."""

    __tablename__ = "desk_presence"

    agent_name = Column(String(64), primary_key=True)
    last_seen = Column(UTCDateTime, nullable=False)


class Presence:
    """Agents seen recently at the desk."""

    def __init__(
        self,
        tickets: TicketStore,
        window: timedelta = timedelta(minutes=2),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._tickets = tickets
        self._window = window
        self._clock = clock or utc_now
        PresenceBase.metadata.create_all(tickets.engine)

    def seen(self, agent_name: str) -> None:
        """Record that this agent has the desk open now."""
        with self._tickets.session_scope() as session:
            row = session.get(PresenceRow, agent_name)
            if row is None:
                session.add(PresenceRow(agent_name=agent_name, last_seen=self._clock()))
            else:
                row.last_seen = self._clock()

    def online(self) -> List[str]:
        """Names of the agents seen within the window, by name."""
        since = self._clock() - self._window
        query = (
            select(PresenceRow.agent_name)
            .where(PresenceRow.last_seen >= since)
            .order_by(PresenceRow.agent_name)
        )
        with self._tickets.session_scope() as session:
            return list(session.execute(query).scalars())

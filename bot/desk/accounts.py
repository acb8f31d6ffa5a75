"""Agent accounts, sessions and private notes of the desk, in the ticket store's database.

Three tables beside the ticket store's (same engine, created on start):

- `desk_agents`: one row per agent: unique name, role (`agent` or `supervisor`), password
  hash (argon2id through argon2-cffi, with its default parameters, as a PHC string).
- `desk_sessions`: one row per signed-in browser; only the SHA-256 of the session id is kept,
  with the session's CSRF token and expiry. Signing out deletes the row.
- `desk_notes`: private notes agents write on tickets (never shown to the customer).
- `desk_webhook_deliveries`: urgent tickets already announced by the webhook (one row each),
  so a restart does not announce them again.
- `desk_escalations`: each escalation of a ticket to a supervisor (who, to whom, when; ended
  when the ticket is reopened), so the queue can mark escalated tickets: an escalation is an
  assignee change plus a note, and neither tells it apart from a reassignment afterwards.

Every method is one unit of work in its own session (the ticket store's `session_scope`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, Iterable, List

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Column, ForeignKey, Integer, String, Text, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base

from bot.tickets.models import UTCDateTime
from bot.tickets.store import TicketStore, utc_now

DeskBase: Any = declarative_base()

ROLES = ("agent", "supervisor")
MIN_PASSWORD_CHARS = 8
MAX_NAME_CHARS = 64
MAX_NOTE_CHARS = 4000


class AgentRow(DeskBase):
    """A desk account."""

    __tablename__ = "desk_agents"

    id = Column(Integer, primary_key=True, autoincrement=True)
    name = Column(String(MAX_NAME_CHARS), nullable=False, unique=True)
    role = Column(String(16), nullable=False)
    password_hash = Column(String(255), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)


class SessionRow(DeskBase):
    """A signed-in browser."""

    __tablename__ = "desk_sessions"

    id_hash = Column(String(64), primary_key=True)
    agent_id = Column(Integer, ForeignKey("desk_agents.id", ondelete="CASCADE"), nullable=False)
    csrf_token = Column(String(64), nullable=False)
    expires_at = Column(UTCDateTime, nullable=False)


class NoteRow(DeskBase):
    """A private note on a ticket."""

    __tablename__ = "desk_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(String(32), nullable=False, index=True)
    author = Column(String(MAX_NAME_CHARS), nullable=False)
    text = Column(Text, nullable=False)
    at = Column(UTCDateTime, nullable=False)


class WebhookDeliveryRow(DeskBase):
    """An urgent ticket the webhook has taken on (delivered or given up)."""

    __tablename__ = "desk_webhook_deliveries"

    ticket_id = Column(String(32), primary_key=True)
    at = Column(UTCDateTime, nullable=False)
    outcome = Column(String(32), nullable=False)


class EscalationRow(DeskBase):
    """A ticket handed to a supervisor (the reason is the note written with it)."""

    __tablename__ = "desk_escalations"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(String(32), nullable=False, index=True)
    by_agent = Column(String(MAX_NAME_CHARS), nullable=False)
    supervisor = Column(String(MAX_NAME_CHARS), nullable=False)
    at = Column(UTCDateTime, nullable=False)
    ended_at = Column(UTCDateTime, nullable=True)


class AccountError(ValueError):
    """A name, role, password or note that cannot be stored."""


@dataclass(frozen=True)
class Agent:
    """A signed-in agent as the desk sees it."""

    id: int
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        """Supervisors may reassign any ticket and take escalations."""
        return self.role == "supervisor"


@dataclass(frozen=True)
class DeskSession:
    """A session: who, its CSRF token."""

    agent: Agent
    csrf_token: str


_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash (PHC string: algorithm, parameters, salt and hash in one)."""
    return _HASHER.hash(password)


def check_password(password: str, stored: str) -> bool:
    """Whether the password matches a hash made by `hash_password` (constant time)."""
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# Compared against when the name is unknown, so both cases take the same time.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


def _escalation_dict(by_agent: str, supervisor: str, at: datetime) -> Dict[str, Any]:
    return {"by": by_agent, "to": supervisor, "at": at.astimezone(timezone.utc).isoformat()}


def _note_text(text: str) -> str:
    """The note as stored (trimmed); `AccountError` when it is empty or too long."""
    text = text.strip()
    if not text or len(text) > MAX_NOTE_CHARS:
        raise AccountError(f"a note must have 1 to {MAX_NOTE_CHARS} characters")
    return text


def _hash_session_id(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


class AccountStore:
    """Agents, sessions, notes and webhook bookkeeping in the ticket store's database."""

    def __init__(
        self,
        tickets: TicketStore,
        session_ttl: timedelta = timedelta(hours=12),
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._tickets = tickets
        self._ttl = session_ttl
        self._clock = clock or utc_now
        DeskBase.metadata.create_all(tickets.engine)

    def create_agent(self, name: str, role: str, password: str) -> Agent:
        """Add an account; raises `AccountError` for a taken name or a weak password."""
        name = name.strip()
        if not name or len(name) > MAX_NAME_CHARS:
            raise AccountError(f"the name must have 1 to {MAX_NAME_CHARS} characters")
        if role not in ROLES:
            raise AccountError(f"the role must be one of {list(ROLES)}")
        if len(password) < MIN_PASSWORD_CHARS:
            raise AccountError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
        row = AgentRow(
            name=name, role=role, password_hash=hash_password(password), created_at=self._clock()
        )
        try:
            with self._tickets.session_scope() as session:
                session.add(row)
                session.flush()
                return Agent(row.id, row.name, row.role)
        except IntegrityError:
            raise AccountError(f"an agent named {name!r} already exists") from None

    def list_agents(self) -> List[Agent]:
        """Every account, by name."""
        with self._tickets.session_scope() as session:
            rows = session.execute(select(AgentRow).order_by(AgentRow.name)).scalars()
            return [Agent(r.id, r.name, r.role) for r in rows]

    def authenticate(self, name: str, password: str) -> Agent | None:
        """The agent if the name and password match, else None."""
        with self._tickets.session_scope() as session:
            row = session.execute(
                select(AgentRow).where(AgentRow.name == name.strip())
            ).scalar_one_or_none()
            agent = Agent(row.id, row.name, row.role) if row is not None else None
            stored = row.password_hash if row is not None else _DUMMY_HASH
        ok = check_password(password, stored)
        return agent if ok and agent is not None else None

    def start_session(self, agent: Agent) -> str:
        """A new session for the agent; returns the session id (goes into the cookie)."""
        session_id = secrets.token_urlsafe(32)
        now = self._clock()
        with self._tickets.session_scope() as session:
            session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
            session.add(
                SessionRow(
                    id_hash=_hash_session_id(session_id),
                    agent_id=agent.id,
                    csrf_token=secrets.token_urlsafe(32),
                    expires_at=now + self._ttl,
                )
            )
        return session_id

    def get_session(self, session_id: str) -> DeskSession | None:
        """The live session with this id, or None (unknown or expired)."""
        with self._tickets.session_scope() as session:
            found = session.execute(
                select(SessionRow, AgentRow)
                .join(AgentRow, AgentRow.id == SessionRow.agent_id)
                .where(SessionRow.id_hash == _hash_session_id(session_id))
            ).one_or_none()
            if found is None:
                return None
            row, agent = found
            if row.expires_at <= self._clock():
                return None
            return DeskSession(Agent(agent.id, agent.name, agent.role), row.csrf_token)

    def end_session(self, session_id: str) -> None:
        """Sign out: the session id stops working."""
        with self._tickets.session_scope() as session:
            session.execute(
                delete(SessionRow).where(SessionRow.id_hash == _hash_session_id(session_id))
            )

    def add_note(self, ticket_id: str, author: str, text: str) -> Dict[str, Any]:
        """Store a private note; returns it as `{author, text, at}`."""
        text = _note_text(text)
        row = NoteRow(ticket_id=ticket_id, author=author, text=text, at=self._clock())
        with self._tickets.session_scope() as session:
            session.add(row)
        return {"author": author, "text": text, "at": row.at.astimezone(timezone.utc).isoformat()}

    def record_escalation(
        self, ticket_id: str, by_agent: str, supervisor: str, note_text: str
    ) -> Dict[str, Any]:
        """Store the escalation and its note in one transaction: both or neither."""
        note_text = _note_text(note_text)
        at = self._clock()
        with self._tickets.session_scope() as session:
            session.add(NoteRow(ticket_id=ticket_id, author=by_agent, text=note_text, at=at))
            session.add(
                EscalationRow(ticket_id=ticket_id, by_agent=by_agent, supervisor=supervisor, at=at)
            )
        return _escalation_dict(by_agent, supervisor, at)

    def end_escalations(self, ticket_id: str) -> None:
        """The ticket's escalations are history (it was reopened: a new round of handling)."""
        with self._tickets.session_scope() as session:
            rows = session.execute(
                select(EscalationRow)
                .where(EscalationRow.ticket_id == ticket_id)
                .where(EscalationRow.ended_at.is_(None))
            ).scalars()
            for row in rows:
                row.ended_at = self._clock()

    def active_escalations(self, ticket_ids: Iterable[str]) -> Dict[str, Dict[str, Any]]:
        """Ticket id → its latest escalation not ended (`{by, to, at}`), for the given tickets."""
        wanted = list(ticket_ids)
        if not wanted:
            return {}
        with self._tickets.session_scope() as session:
            rows = session.execute(
                select(EscalationRow)
                .where(EscalationRow.ticket_id.in_(wanted))
                .where(EscalationRow.ended_at.is_(None))
                .order_by(EscalationRow.id)
            ).scalars()
            return {r.ticket_id: _escalation_dict(r.by_agent, r.supervisor, r.at) for r in rows}

    def list_notes(self, ticket_id: str) -> List[Dict[str, Any]]:
        """A ticket's notes, oldest first."""
        with self._tickets.session_scope() as session:
            rows = session.execute(
                select(NoteRow).where(NoteRow.ticket_id == ticket_id).order_by(NoteRow.id)
            ).scalars()
            return [
                {
                    "author": r.author,
                    "text": r.text,
                    "at": r.at.astimezone(timezone.utc).isoformat(),
                }
                for r in rows
            ]

    def claim_webhook(self, ticket_id: str, outcome: str = "pending") -> bool:
        """Record that the webhook takes this ticket on; False if it already was."""
        try:
            with self._tickets.session_scope() as session:
                session.add(
                    WebhookDeliveryRow(ticket_id=ticket_id, at=self._clock(), outcome=outcome)
                )
            return True
        except IntegrityError:
            return False

    def set_webhook_outcome(self, ticket_id: str, outcome: str) -> None:
        """Record how the announcement ended (`delivered` or `failed`)."""
        with self._tickets.session_scope() as session:
            row = session.get(WebhookDeliveryRow, ticket_id)
            if row is not None:
                row.outcome = outcome

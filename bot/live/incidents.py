"""Group incidents: many complaints about the same thing from the same live session.

When at least `threshold` tickets (default 5) with the same `issue_category` come from the
same live session within `window_hours` (default 24; both in the `incidents:` settings), they are linked into one incident:
each member's `incident_id` is set, its severity becomes `urgent` with the reason `group`
(its first-response and resolution deadlines move up to the urgent SLA if that is sooner), its
summary is rebuilt and every change, the deadlines' old and new times too, is written to the
ticket's audit trail. Later tickets of
the same session and category join the same incident.

A live session is the ticket's `live.room_id` and `live.started_at`; without a start time
the room and the local day of the first complaint stand for it.

Why the key is the session and the category (kept after the hand trial ux6, where two of seven
viewers missing the same gift stayed out): a busy room brings many unrelated complaints in a
day (a slow parcel, a broken item, a missing gift), and grouping a session's complaints of any
kind would mark them all urgent as 群体投诉. The fault was the category: a viewer's missing
gift that the NLU read as logistics or wrong_or_missing_item is, in a live session, the
host's promise (`bot.live.promised_gift`, applied when the complaint is filed), so it joins.

`group_candidates` is the pure rule; `IncidentLinker` applies it to the ticket store's
database (same engine, its own `live_incidents` table; `bot/tickets/store.py` is unchanged).
Call `link(ticket_id)` after a ticket is created; it is idempotent. `link_hastening` also
names the members whose first-response deadline it moved earlier (task wait4: the bot tells
those still waiting the new time, `actions/incident_notices.py`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import (
    Any,
    ContextManager,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
)
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Integer, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, declarative_base, sessionmaker

from bot.settings import SlaSettings
from bot.tickets.deadlines import hasten
from bot.tickets.draft import format_time
from bot.tickets.models import TicketAuditRow, TicketRow, UTCDateTime
from bot.tickets.store import utc_now
from bot.tickets.summary import build_summary

ACTOR = "incident-linker"
GROUP_REASON = "group"

# Its own metadata: importing this module does not change the ticket store's tables.
IncidentBase: Any = declarative_base()


class IncidentRow(IncidentBase):
    """One group incident: a live session, a category, when it was declared."""

    __tablename__ = "live_incidents"

    id = Column(String(64), primary_key=True)
    session_key = Column(String(255), nullable=False, unique=True)
    room_id = Column(String(64), nullable=False)
    streamer = Column(String(64), nullable=True)
    started_at = Column(String(64), nullable=True)
    issue_category = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    member_count = Column(Integer, nullable=False)


MIN_THRESHOLD = 2


@dataclass(frozen=True)
class Linked:
    """What one `link` did: the incident (or None) and the tickets it hastened.

    `hastened`: members whose first-response deadline this call moved earlier, oldest first.
    A deadline moves once (the urgent SLA is a floor), so each member is named once ever.
    """

    incident: Optional[Dict[str, Any]]
    hastened: Tuple[str, ...] = ()


@dataclass(frozen=True)
class IncidentSettings:
    """How many complaints within which time make an incident (the `incidents:` settings).

    Read like every settings group (YAML `incidents:`, `COMPLAINTS_INCIDENTS__THRESHOLD`,
    `COMPLAINTS_INCIDENTS__WINDOW_HOURS`): a shop whose rooms are small may want a group
    sooner, a big one later. The window is in hours, a number a settings file can hold.
    """

    threshold: int = 5
    window_hours: float = 24.0

    def __post_init__(self) -> None:
        """Refuse a threshold below two and a window that holds no time.

        Why: a "group" of one would make every live complaint urgent as 群体投诉.
        """
        if self.threshold < MIN_THRESHOLD:
            raise ValueError(
                f"incidents.threshold must be at least {MIN_THRESHOLD}, not {self.threshold}"
            )
        if self.window_hours <= 0:
            raise ValueError(f"incidents.window_hours must be positive, not {self.window_hours}")

    @property
    def window(self) -> timedelta:
        """The time within which `threshold` complaints of one key make an incident."""
        return timedelta(hours=self.window_hours)


def session_of(live: Any, created_at: datetime, tz: ZoneInfo) -> Optional[str]:
    """The live session a ticket came from, or None when it did not come from one."""
    if not isinstance(live, Mapping) or not live.get("room_id"):
        return None
    started = live.get("started_at")
    if not started:
        return f"{live['room_id']}|day:" + created_at.astimezone(tz).date().isoformat()
    return f"{live['room_id']}|{session_start(str(started), tz)}"


def session_start(started_at: str, tz: ZoneInfo) -> str:
    """A show's start as one string however its source wrote it: the shop's time, to the minute.

    Why (hand trial trial2): the order service writes "2024-11-22T20:00:00+08:00", a WeCom
    link's `scene_param` "2024-11-22T20:00" (docs/wecom.md), the webhook "…T20:00+08:00";
    viewers of one show reached through two of them were two sessions and made no incident.
    A time without an offset is the shop's; text that is no time is kept as it is.
    """
    try:
        moment = datetime.fromisoformat(started_at.strip().replace("Z", "+00:00"))
    except ValueError:
        return started_at.strip()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(tz).isoformat(timespec="minutes")


def incident_key(session: str, category: str) -> str:
    """The unique key of the incident of one session and category."""
    return f"{session}|{category}"


def incident_id_for(key: str) -> str:
    """A short stable id, the same for the same key on every process (`INC-…`)."""
    return "INC-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12].upper()


def group_candidates(
    tickets: Iterable[Mapping[str, Any]],
    settings: IncidentSettings,
    tz: ZoneInfo,
) -> Dict[str, List[str]]:
    """Incident key → ids of the tickets forming an incident (pure; for reports and tests).

    `tickets` are dicts with `id`, `created_at` (aware datetime), `issue_category`, `live`.
    A group forms when `threshold` tickets of one key fall within `window` of each other.
    """
    by_key: Dict[str, List[Mapping[str, Any]]] = {}
    for ticket in tickets:
        session = session_of(ticket.get("live"), ticket["created_at"], tz)
        if session is None:
            continue
        key = incident_key(session, str(ticket["issue_category"]))
        by_key.setdefault(key, []).append(ticket)
    groups: Dict[str, List[str]] = {}
    for key, members in by_key.items():
        members.sort(key=lambda t: t["created_at"])
        for i in range(len(members)):
            span = [
                t
                for t in members[i:]
                if t["created_at"] - members[i]["created_at"] <= settings.window
            ]
            if len(span) >= settings.threshold:
                groups[key] = [str(t["id"]) for t in members[i:]]
                break
    return groups


class IncidentLinker:
    """Links tickets of the ticket store's database into group incidents."""

    def __init__(
        self,
        engine: Engine,
        *,
        settings: Optional[IncidentSettings] = None,
        sla: Optional[SlaSettings] = None,
        timezone_name: str = "Asia/Shanghai",
    ) -> None:
        self.engine = engine
        self.settings = settings or IncidentSettings()
        self._sla = sla or SlaSettings()
        self._tz = ZoneInfo(timezone_name)
        self._sessionmaker = sessionmaker(bind=engine, future=True, expire_on_commit=False)
        try:
            IncidentRow.__table__.create(engine, checkfirst=True)
        except (IntegrityError, OperationalError, ProgrammingError):
            # another process (the action server, the desk) created it between check and CREATE
            IncidentRow.__table__.create(engine, checkfirst=True)

    def session_scope(self) -> ContextManager[Session]:
        """One session per unit of work: committed on success, rolled back on error, closed."""
        return self._sessionmaker.begin()

    def link(self, ticket_id: str) -> Optional[Dict[str, Any]]:
        """Put the ticket into its incident when its session has enough; the incident or None."""
        return self.link_hastening(ticket_id).incident

    def link_hastening(self, ticket_id: str) -> Linked:
        """`link`, and which members' first-response deadlines it moved earlier."""
        for _ in range(3):
            try:
                return self._link(ticket_id)
            except IntegrityError:
                continue  # another process declared the same incident first: join it
        return self._link(ticket_id)

    def _link(self, ticket_id: str) -> Linked:
        with self.session_scope() as session:
            ticket = session.get(TicketRow, ticket_id)
            if ticket is None:
                return Linked(None)
            key_session = session_of(ticket.live, ticket.created_at, self._tz)
            if key_session is None:
                return Linked(None)
            key = incident_key(key_session, ticket.issue_category)
            incident = session.execute(
                select(IncidentRow).where(IncidentRow.session_key == key)
            ).scalar_one_or_none()
            rows = self._same_session(session, ticket, key)
            if incident is None:
                tickets = [
                    {
                        "id": r.id,
                        "created_at": r.created_at,
                        "issue_category": r.issue_category,
                        "live": r.live,
                    }
                    for r in rows
                ]
                group = group_candidates(tickets, self.settings, self._tz).get(key)
                if not group or ticket.id not in group:
                    return Linked(None)
                live = ticket.live or {}
                incident = IncidentRow(
                    id=incident_id_for(key),
                    session_key=key,
                    room_id=str(live.get("room_id")),
                    streamer=live.get("streamer"),
                    started_at=live.get("started_at"),
                    issue_category=ticket.issue_category,
                    created_at=utc_now(),
                    member_count=0,
                )
                session.add(incident)
                session.flush()
                members = [r for r in rows if r.id in set(group)]
            else:
                members = [r for r in rows if r.incident_id in (None, incident.id)]
            hastened = tuple(row.id for row in members if self._join(session, row, incident.id))
            incident.member_count = len([r for r in rows if r.incident_id == incident.id])
            return Linked(self._incident_dict(incident, rows), hastened)

    def _same_session(self, session: Session, ticket: TicketRow, key: str) -> Sequence[TicketRow]:
        since = ticket.created_at - self.settings.window * 2
        query = (
            select(TicketRow)
            .where(TicketRow.issue_category == ticket.issue_category)
            .where(TicketRow.created_at >= since)
            .order_by(TicketRow.created_at, TicketRow.id)
        )
        rows = session.execute(query).scalars().all()
        return [
            r
            for r in rows
            if (s := session_of(r.live, r.created_at, self._tz)) is not None
            and incident_key(s, r.issue_category) == key
        ]

    def _join(self, session: Session, row: TicketRow, incident_id: str) -> bool:
        """Make the row a member; whether its first-response deadline moved earlier."""
        now = utc_now()
        changes: Dict[str, Any] = {}
        if row.incident_id != incident_id:
            changes["incident_id"] = (row.incident_id, incident_id)
            row.incident_id = incident_id
        if row.severity != "urgent":
            changes["severity"] = (row.severity, "urgent")
            row.severity = "urgent"
        reasons = list(row.severity_reasons or [])
        if GROUP_REASON not in reasons:
            changes["severity_reasons"] = (list(reasons), [*reasons, GROUP_REASON])
            row.severity_reasons = [*reasons, GROUP_REASON]
        if not changes:
            return False
        moves = hasten(row, self._sla)
        for name, (before, after) in moves.items():
            changes[name] = self._moved(before, after)
        before_summary = row.summary
        row.summary = build_summary(
            {
                "severity": row.severity,
                "issue_category": row.issue_category,
                "desired_remedy": row.desired_remedy,
                "order_id": row.order_id,
                "order_verified": row.order_verified,
                "order_data": row.order_data,
                "severity_reasons": row.severity_reasons,
                "emotion": row.emotion,
                "live": row.live,
                "incident_id": row.incident_id,
                "evidence_missing": row.evidence_missing,
                "handoff_reason": row.handoff_reason,
                "issue_description": row.issue_description,
                "contact": row.contact,
                "transcript": row.transcript,
            }
        )
        if row.summary != before_summary:
            changes["summary"] = (before_summary, row.summary)
        for field, (before, after) in changes.items():
            session.add(
                TicketAuditRow(
                    ticket_id=row.id, at=now, actor=ACTOR, field=field, before=before, after=after
                )
            )
        return "first_response_due" in moves

    def _moved(self, before: datetime, after: datetime) -> Tuple[str, str]:
        """A deadline's move as the history keeps it: local times, as the ticket JSON has them.

        Why (task after5): the incident moved a member's deadlines up and the desk's history
        did not say so; the agent saw a sooner time with no cause. The entry sits beside the
        same moment's `incident_id` entry, which names the incident.
        """
        return format_time(before, self._tz), format_time(after, self._tz)

    def get_incident(self, incident_id: str) -> Optional[Dict[str, Any]]:
        """The incident and the ids of its member tickets (for the ticket API)."""
        with self.session_scope() as session:
            incident = session.get(IncidentRow, incident_id)
            if incident is None:
                return None
            return self._incident_dict(incident, _member_rows(session, incident_id))

    def member_ids(self, incident_id: str) -> List[str]:
        """The ids of the tickets that carry `incident_id`, oldest first (the desk's group).

        Read from the tickets, not the incident's row: a ticket linked by another process (or
        an older incident table) is still a member.
        """
        with self.session_scope() as session:
            return [row.id for row in _member_rows(session, incident_id)]

    def _incident_dict(self, incident: IncidentRow, rows: Sequence[TicketRow]) -> Dict[str, Any]:
        members = [r.id for r in rows if r.incident_id == incident.id]
        return {
            "id": incident.id,
            "live": {
                k: v
                for k, v in (
                    ("room_id", incident.room_id),
                    ("streamer", incident.streamer),
                    ("started_at", incident.started_at),
                )
                if v
            },
            "issue_category": incident.issue_category,
            "created_at": incident.created_at.astimezone(self._tz).isoformat(),
            "members": members,
        }


def _member_rows(session: Session, incident_id: str) -> Sequence[TicketRow]:
    query = (
        select(TicketRow)
        .where(TicketRow.incident_id == incident_id)
        .order_by(TicketRow.created_at, TicketRow.id)
    )
    return session.execute(query).scalars().all()

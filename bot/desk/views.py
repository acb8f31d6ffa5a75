"""What the desk shows, computed from ticket dicts: the queue and the statistics.

Pure functions over the ticket JSON of the spec (times are ISO 8601 strings with a zone), so
they are tested without a server.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, Iterable, List, Mapping, Tuple
from zoneinfo import ZoneInfo

from bot.taxonomy import CATEGORIES, SEVERITIES, TICKET_STATUSES
from bot.tickets.store import WAITING_FACTS

ACTIVE_STATUSES = ("open", "assigned")
QUEUE_FIELDS = (
    "id",
    "status",
    "severity",
    "severity_reasons",
    "emotion",
    "issue_category",
    "channel",
    "summary",
    "assignee",
    "created_at",
    "order_id",
    "conversation_id",
    "incident_id",
)


# The audit history's name for the customer: facts written while the ticket waits
# (`TicketStore.fill_in_waiting`) and files sent after filing are changed by it.
CUSTOMER = "customer"
# What the desk marks as added by the customer ("客户补充了：订单号"): the facts the store lets
# the customer fill while the ticket waits (one list, the store's: a fact it learns to fill is
# marked without a change here), and files sent after filing (`TicketStore.add_evidence`).
# The fields that change along with the facts (`FILLED_ALONG`) are not named.
MARKED_FILLS = (*WAITING_FACTS, "evidence")


def customer_filled(fields: Iterable[str]) -> List[str]:
    """The fields to mark as added by the customer, of those the customer changed.

    New reasons beside a severity that was raised with them are the same news: only the
    severity is named then.
    """
    marked = [name for name in fields if name in MARKED_FILLS]
    if "severity" in marked and "severity_reasons" in marked:
        marked.remove("severity_reasons")
    return marked


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time of a ticket, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def due_kind(ticket: Mapping[str, Any]) -> str:
    """Which deadline matters now: `first_response` while open, else `resolution`."""
    return "first_response" if ticket.get("status") == "open" else "resolution"


def due_at(ticket: Mapping[str, Any]) -> datetime | None:
    """The deadline that matters now (`due_kind`)."""
    sla = ticket.get("sla") or {}
    return parse_time(sla.get(f"{due_kind(ticket)}_due"))


def unanswered(ticket: Mapping[str, Any]) -> Dict[str, Any] | None:
    """What the customer of a claimed ticket wrote since an agent last answered, if anything.

    `{count, text, at}` (the newest message). Why (trial5): after a group reply five viewers
    answered with their order numbers; the group page and the queue showed nothing, and only a
    ticket page opened by chance showed that a customer waited for an answer. Messages from
    before the filing are the complaint itself, not a wait.
    """
    if ticket.get("status") != "assigned":
        return None
    created = parse_time(ticket.get("created_at"))
    waiting: List[Mapping[str, Any]] = []
    for entry in ticket.get("transcript") or []:
        if entry.get("role") == "agent":
            waiting = []
        elif entry.get("role") == "customer":
            at = parse_time(entry.get("at"))
            if at is not None and created is not None and at > created:
                waiting.append(entry)
    if not waiting:
        return None
    return {"count": len(waiting), "text": waiting[-1].get("text"), "at": waiting[-1].get("at")}


def queue_item(ticket: Mapping[str, Any], now: datetime) -> Dict[str, Any]:
    """The queue's view of one ticket: a few fields, its deadline and whether it is overdue."""
    due = due_at(ticket)
    item = {key: ticket.get(key) for key in QUEUE_FIELDS}
    item["category_label"] = CATEGORIES.get(str(ticket.get("issue_category")), "")
    item["severity_label"] = SEVERITIES.get(str(ticket.get("severity")), "")
    item["due"] = due.isoformat() if due else None
    # the queue says which deadline it shows: they are minutes apart or a day (trial5)
    item["due_kind"] = due_kind(ticket)
    item["unanswered"] = unanswered(ticket)
    # a finished ticket is not late any more, whatever its deadline was
    item["overdue"] = bool(due and due < now and ticket.get("status") in ACTIVE_STATUSES)
    return item


def sort_queue(tickets: Iterable[Mapping[str, Any]], now: datetime) -> List[Dict[str, Any]]:
    """Active tickets, urgent first, then by the deadline that matters now (soonest first)."""
    items = [queue_item(t, now) for t in tickets if t.get("status") in ACTIVE_STATUSES]

    def key(item: Dict[str, Any]) -> Tuple[int, float, str]:
        due = parse_time(item["due"])
        # Compare instants, not strings: deadlines may carry different zones.
        return (
            0 if item["severity"] == "urgent" else 1,
            due.timestamp() if due else float("inf"),
            str(item["id"]),
        )

    return sorted(items, key=key)


def _minutes(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60.0, 1)


def first_response_at(ticket: Mapping[str, Any]) -> datetime | None:
    """When an agent first wrote to the customer (the first `agent` transcript entry)."""
    for entry in ticket.get("transcript") or []:
        if entry.get("role") == "agent":
            return parse_time(entry.get("at"))
    return None


def ticket_metrics(
    ticket: Mapping[str, Any], resolved_at: datetime | None, now: datetime
) -> Dict[str, Any]:
    """Per-ticket times (minutes) and whether an SLA deadline was missed."""
    created = parse_time(ticket.get("created_at"))
    first = first_response_at(ticket)
    sla = ticket.get("sla") or {}
    first_due = parse_time(sla.get("first_response_due"))
    resolution_due = parse_time(sla.get("resolution_due"))
    breached = bool(
        (first_due and (first or now) > first_due)
        or (resolution_due and (resolved_at or now) > resolution_due)
    )
    if ticket.get("status") in ("resolved", "closed") and resolved_at is None:
        breached = bool(first_due and first and first > first_due)
    return {
        "first_response_minutes": _minutes(created, first),
        "resolution_minutes": _minutes(created, resolved_at),
        "sla_breached": breached,
    }


def _average(values: List[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _score(ticket: Mapping[str, Any]) -> int | None:
    satisfaction = ticket.get("satisfaction") or {}
    score = satisfaction.get("score") if isinstance(satisfaction, dict) else None
    return score if isinstance(score, int) else None


@dataclass
class _Tally:
    """Times, SLA misses and ratings of a set of tickets: the whole shop's or one agent's."""

    tickets: int = 0
    resolved: int = 0
    breached: int = 0
    first: List[float] = field(default_factory=list)
    times: List[float] = field(default_factory=list)
    scores: List[int] = field(default_factory=list)

    def add(self, ticket: Mapping[str, Any], metrics: Mapping[str, Any]) -> None:
        self.tickets += 1
        self.resolved += ticket.get("status") in ("resolved", "closed")
        self.breached += metrics["sla_breached"]
        if metrics["first_response_minutes"] is not None:
            self.first.append(metrics["first_response_minutes"])
        if metrics["resolution_minutes"] is not None:
            self.times.append(metrics["resolution_minutes"])
        score = _score(ticket)
        if score is not None:
            self.scores.append(score)

    def rating(self) -> float | None:
        return _average([float(s) for s in self.scores])


def _measured(
    tickets: List[Mapping[str, Any]], resolved: Mapping[str, datetime], now: datetime
) -> List[Tuple[Mapping[str, Any], Dict[str, Any]]]:
    """Each ticket with its `ticket_metrics`, computed once for every figure."""
    return [(t, ticket_metrics(t, resolved.get(str(t.get("id"))), now)) for t in tickets]


def _agent_rows(measured: List[Tuple[Mapping[str, Any], Dict[str, Any]]]) -> List[Dict[str, Any]]:
    tallies: Dict[str, _Tally] = {}
    for ticket, metrics in measured:
        name = str(ticket.get("assignee") or "")
        if name:
            tallies.setdefault(name, _Tally()).add(ticket, metrics)
    return [
        {
            "agent": name,
            "tickets": tally.tickets,
            "resolved": tally.resolved,
            "sla_breached": tally.breached,
            "avg_first_response_minutes": _average(tally.first),
            "avg_resolution_minutes": _average(tally.times),
            "satisfaction_count": len(tally.scores),
            "satisfaction_average": tally.rating(),
        }
        for name, tally in sorted(tallies.items())
    ]


def agent_stats(
    tickets: List[Mapping[str, Any]], resolved: Mapping[str, datetime], now: datetime
) -> List[Dict[str, Any]]:
    """One row per agent holding tickets: the load, times, SLA misses and ratings.

    Why by the current assignee: the agent who holds a ticket answers for it (an escalated
    ticket counts for the supervisor who took it). Unclaimed tickets are nobody's.
    """
    return _agent_rows(_measured(tickets, resolved, now))


def compute_stats(
    tickets: List[Mapping[str, Any]],
    resolved: Mapping[str, datetime],
    now: datetime,
    timezone_name: str,
) -> Dict[str, Any]:
    """Counts by day, month, category, channel, severity, status and agent; times; SLA; ratings."""
    tz = ZoneInfo(timezone_name)
    by_day: Counter = Counter()
    by_month: Counter = Counter()
    shop = _Tally()
    measured = _measured(tickets, resolved, now)
    for ticket, metrics in measured:
        created = parse_time(ticket.get("created_at"))
        if created is not None:
            local = created.astimezone(tz)
            by_day[local.strftime("%Y-%m-%d")] += 1
            by_month[local.strftime("%Y-%m")] += 1
        shop.add(ticket, metrics)

    def counted(key: str, order: Iterable[str] = ()) -> List[List[Any]]:
        counts = Counter(str(t.get(key) or "") for t in tickets)
        keys = [k for k in order if counts.get(k)] + sorted(k for k in counts if k not in order)
        return [[k, counts[k]] for k in keys]

    total = len(tickets)
    return {
        "total": total,
        "by_day": sorted([k, v] for k, v in by_day.items()),
        "by_month": sorted([k, v] for k, v in by_month.items()),
        "by_category": counted("issue_category", CATEGORIES),
        "by_channel": counted("channel"),
        "by_severity": counted("severity", SEVERITIES),
        "by_status": counted("status", TICKET_STATUSES),
        "avg_first_response_minutes": _average(shop.first),
        "avg_resolution_minutes": _average(shop.times),
        "sla_breach_rate": round(shop.breached / total, 3) if total else None,
        "satisfaction": {
            "count": len(shop.scores),
            "average": shop.rating(),
            "distribution": [[s, shop.scores.count(s)] for s in range(1, 6)],
        },
        "by_agent": _agent_rows(measured),
        "labels": {"category": CATEGORIES, "severity": SEVERITIES},
    }


CSV_COLUMNS = (
    "id",
    "created_at",
    "channel",
    "issue_category",
    "severity",
    "status",
    "assignee",
    "first_response_minutes",
    "resolution_minutes",
    "sla_breached",
    "satisfaction",
)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A leading = + - @ makes spreadsheets run the cell as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def stats_csv(
    tickets: List[Mapping[str, Any]], resolved: Mapping[str, datetime], now: datetime
) -> str:
    """One row per ticket with its times and SLA outcome (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for ticket in tickets:
        metrics = ticket_metrics(ticket, resolved.get(str(ticket.get("id"))), now)
        satisfaction = ticket.get("satisfaction") or {}
        row = {**ticket, **metrics, "satisfaction": satisfaction.get("score")}
        writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()

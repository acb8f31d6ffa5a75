"""Queue order and statistics from ticket dicts."""

from datetime import datetime, timedelta, timezone

from bot.desk.views import (
    agent_stats,
    compute_stats,
    customer_filled,
    sort_queue,
    stats_csv,
    ticket_metrics,
)
from bot.tickets.store import FILLABLE_FIELDS, FILLED_ALONG

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=timezone.utc)


def ticket(tid, severity="normal", status="open", created=NOW - timedelta(minutes=30), **extra):
    first_due = created + timedelta(minutes=5 if severity == "urgent" else 15)
    return {
        "id": tid,
        "status": status,
        "severity": severity,
        "channel": "widget",
        "issue_category": "logistics",
        "created_at": created.astimezone(timezone(timedelta(hours=8))).isoformat(),
        "sla": {
            "first_response_due": first_due.isoformat(),
            "resolution_due": (created + timedelta(hours=24)).isoformat(),
        },
        "transcript": [],
        "satisfaction": None,
        **extra,
    }


def test_urgent_first_then_soonest_deadline_and_overdue_flag():
    items = sort_queue(
        [
            ticket("late-normal", created=NOW - timedelta(minutes=1)),
            ticket("early-normal", created=NOW - timedelta(minutes=20)),
            ticket("urgent", "urgent", created=NOW - timedelta(minutes=1)),
            ticket("done", status="resolved"),
        ],
        NOW,
    )
    assert [i["id"] for i in items] == ["urgent", "early-normal", "late-normal"]
    assert [i["overdue"] for i in items] == [False, True, False]


def test_metrics_first_response_resolution_and_sla():
    created = NOW - timedelta(hours=2)
    answered = ticket(
        "a",
        status="resolved",
        created=created,
        transcript=[
            {"role": "agent", "text": "hi", "at": (created + timedelta(minutes=3)).isoformat()}
        ],
        satisfaction={"score": 4, "comment": ""},
    )
    metrics = ticket_metrics(answered, created + timedelta(minutes=90), NOW)
    assert metrics == {
        "first_response_minutes": 3.0,
        "resolution_minutes": 90.0,
        "sla_breached": False,
    }
    waiting = ticket("b", created=created)
    assert ticket_metrics(waiting, None, NOW)["sla_breached"] is True
    stats = compute_stats(
        [answered, waiting], {"a": created + timedelta(minutes=90)}, NOW, "Asia/Shanghai"
    )
    assert stats["total"] == 2
    assert stats["sla_breach_rate"] == 0.5
    assert stats["avg_first_response_minutes"] == 3.0
    assert stats["satisfaction"]["average"] == 4.0
    assert stats["by_day"] == [["2026-11-23", 2]]
    assert stats["by_month"] == [["2026-11", 2]]
    assert dict(stats["by_status"]) == {"open": 1, "resolved": 1}


def test_csv_neutralises_formulas():
    text = stats_csv([ticket("=1+1", assignee="@x")], {}, NOW)
    assert text.startswith("\ufeffid,")
    assert "'=1+1" in text and "'@x" in text


def test_the_customers_additions_are_named_without_the_fields_derived_from_them():
    changed = ["order_id", "order_verified", "order_data", "evidence_missing", "emotion"]
    assert customer_filled(changed) == ["order_id", "emotion"]
    # new reasons raised with the severity are the same news; alone they are news
    assert customer_filled(["severity", "severity_reasons"]) == ["severity"]
    assert customer_filled(["severity_reasons"]) == ["severity_reasons"]
    assert customer_filled(["satisfaction"]) == []  # the rating is no addition to the case


def test_every_field_the_customer_may_fill_is_marked_or_changes_along():
    """The desk's marks come from the store's list: a fillable fact is never left unnamed."""
    assert customer_filled(FILLABLE_FIELDS) == [
        name for name in FILLABLE_FIELDS if name not in FILLED_ALONG + ("severity_reasons",)
    ]
    assert customer_filled(["evidence"]) == ["evidence"]  # files sent after filing


def test_each_queue_item_says_which_deadline_it_carries():
    """trial5: the queue's 时限 mixed first-response and resolution deadlines unnamed."""
    waiting = ticket("waiting", created=NOW - timedelta(minutes=1))
    claimed = ticket("claimed", status="assigned", created=NOW - timedelta(minutes=1))
    items = {i["id"]: i for i in sort_queue([waiting, claimed], NOW)}
    assert items["waiting"]["due_kind"] == "first_response"
    assert items["waiting"]["due"] == waiting["sla"]["first_response_due"]
    assert items["claimed"]["due_kind"] == "resolution"
    assert items["claimed"]["due"] == claimed["sla"]["resolution_due"]


def test_each_agent_is_counted_by_the_tickets_they_hold():
    created = NOW - timedelta(hours=3)

    def answered(tid, agent, minutes, **extra):
        at = (created + timedelta(minutes=minutes)).isoformat()
        transcript = [{"role": "agent", "text": "您好", "at": at, "agent": agent}]
        return ticket(tid, created=created, assignee=agent, transcript=transcript, **extra)

    tickets = [
        answered("a1", "小李", 4, status="resolved", satisfaction={"score": 5, "comment": ""}),
        answered("a2", "小李", 10, status="resolved", satisfaction={"score": 3, "comment": ""}),
        answered("b1", "小王", 30, status="assigned"),  # first answer after its 15-minute SLA
        ticket("nobody", created=created),
    ]
    resolved = {"a1": created + timedelta(hours=1), "a2": created + timedelta(hours=2)}

    rows = agent_stats(tickets, resolved, NOW)

    assert rows == [
        {
            "agent": "小李",
            "tickets": 2,
            "resolved": 2,
            "sla_breached": 0,
            "avg_first_response_minutes": 7.0,
            "avg_resolution_minutes": 90.0,
            "satisfaction_count": 2,
            "satisfaction_average": 4.0,
        },
        {
            "agent": "小王",
            "tickets": 1,
            "resolved": 0,
            "sla_breached": 1,
            "avg_first_response_minutes": 30.0,
            "avg_resolution_minutes": None,
            "satisfaction_count": 0,
            "satisfaction_average": None,
        },
    ]
    assert compute_stats(tickets, resolved, NOW, "Asia/Shanghai")["by_agent"] == rows

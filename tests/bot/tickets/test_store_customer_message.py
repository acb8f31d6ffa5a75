"""One message written after filing, applied to the ticket in one unit of work (dedupe2).

`TicketStore.note_customer_message`: the transcript, the kinds the words typed with files
say, the facts and readings of a waiting ticket, one row read and written, one summary;
on SQLite and PostgreSQL (`database_url`).
"""

from typing import Any, List

import pytest
from sqlalchemy import event

from bot.tickets import InvalidTicketData, TicketNotFound

PARCEL = ["外包装照片", "商品破损照片", "快递面单"]
WORDS = {"role": "customer", "text": "这是快递面单 再不处理我就去12315", "at": 1795399320.0}


@pytest.fixture
def waiting(store, make_draft):
    """A parcel ticket filed on "转人工", every kind missing, no remedy told."""
    return store.create_ticket(
        make_draft(
            issue_category="logistics",
            issue_description="转人工",
            desired_remedy=None,
            evidence=[],
            evidence_missing=PARCEL,
            severity="normal",
            severity_reasons=[],
            emotion="calm",
            handoff_reason="customer_requested",
        ),
        "k",
    )


def _statements(engine: Any) -> List[str]:
    """The first word of every SQL statement `engine` runs from now on."""
    seen: List[str] = []
    event.listen(
        engine, "before_cursor_execute", lambda *args: seen.append(args[2].split()[0].upper())
    )
    return seen


def test_everything_a_message_changes_is_one_row_read_and_written(store, waiting):
    seen = _statements(store.engine)
    facts = {"severity": "urgent", "severity_reasons": ["legal"], "desired_remedy": "refund"}

    ticket = store.note_customer_message(
        waiting["id"], WORDS, actor="customer", kinds_missing=PARCEL[:2], facts=facts
    )

    # the audit rows are one INSERT each on SQLite, one batch on PostgreSQL
    statements = [s for s in seen if s not in ("BEGIN", "INSERT")]
    assert statements == ["SELECT", "UPDATE"] and "INSERT" in seen
    assert ticket == store.get_ticket(waiting["id"])
    assert ticket["transcript"][-1]["text"] == WORDS["text"]
    assert ticket["evidence_missing"] == PARCEL[:2]
    assert (ticket["severity"], ticket["desired_remedy"]) == ("urgent", "refund")
    assert ticket["sla"]["first_response_due"] < waiting["sla"]["first_response_due"]
    assert "缺少凭证：外包装照片、商品破损照片" in ticket["summary"]
    assert "诉求：仅退款" in ticket["summary"]
    audit = [(a["actor"], a["field"]) for a in store.get_audit(waiting["id"])][1:]
    assert audit == [
        ("customer", "evidence_missing"),
        ("customer", "severity"),
        ("customer", "severity_reasons"),
        ("customer", "desired_remedy"),
        # the deadlines the urgent severity moves up (after5)
        ("customer", "first_response_due"),
        ("customer", "resolution_due"),
    ]


def test_the_words_of_files_are_read_once(store, waiting):
    """The same words again (a retried turn) neither repeat in the transcript nor count
    their files twice."""
    store.note_customer_message(waiting["id"], WORDS, actor="customer", kinds_missing=PARCEL[:2])
    again = store.note_customer_message(
        waiting["id"], WORDS, actor="customer", kinds_missing=PARCEL[:1]
    )
    assert again["evidence_missing"] == PARCEL[:2]
    assert [e["text"] for e in again["transcript"]].count(WORDS["text"]) == 1


def test_a_claimed_ticket_keeps_the_message_and_the_kinds_not_the_facts(store, waiting):
    """Task ev3: which kinds the files are changes whoever holds the ticket; the facts do not
    change under the agent who claimed it."""
    store.update_ticket(waiting["id"], actor="小王", status="assigned", assignee="小王")
    ticket = store.note_customer_message(
        waiting["id"],
        WORDS,
        actor="customer",
        kinds_missing=PARCEL[:2],
        facts={"desired_remedy": "refund"},
    )
    assert ticket["evidence_missing"] == PARCEL[:2]
    assert "缺少凭证：外包装照片、商品破损照片" in ticket["summary"]
    assert ticket["desired_remedy"] is None
    assert ticket["transcript"][-1]["text"] == WORDS["text"]


def test_a_message_that_changes_nothing_keeps_the_summary(store, waiting):
    ticket = store.note_customer_message(waiting["id"], {**WORDS, "text": "还在吗"}, actor="x")
    assert ticket["summary"] == waiting["summary"]
    assert len(store.get_audit(waiting["id"])) == 1  # the filing only


def test_only_fields_a_waiting_customer_fills(store, waiting):
    with pytest.raises(InvalidTicketData):
        store.note_customer_message(
            waiting["id"], WORDS, actor="customer", facts={"assignee": "me"}
        )
    with pytest.raises(TicketNotFound):
        store.note_customer_message("nope", WORDS, actor="customer")

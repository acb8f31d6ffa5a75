"""What one message written while the ticket waits costs the ticket store (task dedupe2).

Why: the message joined the transcript, the words typed with files set the missing kinds,
and the facts and the raised severity filled the ticket: three units of work after the
read, each locking and reading the row and writing it, the last two each rebuilding the
summary. They are one now (`TicketStore.note_customer_message`). Counted here as the SQL
statements the action server sends for one message, with a SQLAlchemy event listener on
the store's real SQLite engine.
"""

import time
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import event

from actions import dependencies
from actions.followup import ActionAddTicketDetails
from bot.tickets import TicketDraft
from tests.actions.conftest import make_tracker
from tests.bot.evidence import media_files as files


def _waiting_ticket() -> Dict[str, Any]:
    """A parcel ticket filed on "转人工" (no problem told), its kinds all missing."""
    draft = TicketDraft(
        conversation_id="customer-1",
        channel="widget",
        issue_category="logistics",
        issue_description="转人工",
        emotion="calm",
        handoff_reason="customer_requested",
        evidence_missing=["外包装照片", "商品破损照片", "快递面单"],
        transcript=[{"role": "customer", "text": "转人工", "at": time.time() - 600}],
    )
    return dependencies.ticket_store().create_ticket(draft, "key-1")


class Statements:
    """The SQL statements and transactions an engine runs while it is listened to."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.sql: List[str] = []
        self.transactions = 0

    def _statement(self, _conn, _cursor, statement, *_args) -> None:
        self.sql.append(statement.split()[0].upper())

    def _begin(self, _conn) -> None:
        self.transactions += 1

    def __enter__(self) -> "Statements":
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "begin", self._begin)
        return self

    def __exit__(self, *_exc: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "begin", self._begin)


def _after_a_file(ticket: Dict[str, Any], text: str, captioned: bool) -> Tracker:
    """The customer's message after a file; with `captioned`, the words typed with it."""
    store = dependencies.ticket_store()
    saved = dependencies.evidence_store().save("customer-1", "box.jpg", files.jpeg(40, 30))
    store.add_evidence(ticket["id"], [saved], actor="customer")  # as the widget sent it
    upload = {
        "event": "user",
        "text": "/send_evidence",
        "timestamp": time.time() - 1,
        "metadata": {"evidence": [saved["id"]], "captioned": captioned},
    }
    slots = {"ticket_open": True, "ticket_id": ticket["id"]}
    tracker = make_tracker(text, "complain", slots=slots, history=[upload], extra=_triage())
    tracker.events[-1]["metadata"] = {"with_evidence": captioned}
    return tracker


def _triage() -> Dict[str, Any]:
    block = {"code": "logistics", "confidence": 0.8}
    return {"complaint_triage": {"category": {**block, "ranking": [block]}}}


@pytest.mark.parametrize(
    "text, captioned, audited",
    [
        ("还有人吗", False, 1),
        # the most one message changes: the transcript, the kinds the file just sent is, the
        # problem, the severity raised (a threat) and the deadlines it moves up (after5)
        ("收到的杯子碎了 这是外箱 再不处理我就去12315投诉", True, 7),
    ],
)
async def test_a_waiting_message_is_one_read_and_one_unit_of_work(domain, text, captioned, audited):
    """Before: 3 units of work and 9 statements for "还有人吗", 4 and 16 for the words of a
    file that tell the problem and threaten (the read, then the transcript merge, the
    kinds, the fill: each BEGIN, SELECT ... FOR UPDATE, its INSERTs, UPDATE)."""
    ticket = _waiting_ticket()
    tracker = _after_a_file(ticket, text, captioned)
    store = dependencies.ticket_store()
    history_before = len(store.get_audit(ticket["id"]))

    with Statements(store.engine) as counted:
        await ActionAddTicketDetails().run(CollectingDispatcher(), tracker, domain)

    history = store.get_audit(ticket["id"])[history_before:]
    assert len(history) == audited
    assert counted.transactions == 2  # the read, then everything the message changes
    assert counted.sql == ["BEGIN", "SELECT", "BEGIN", "SELECT"] + ["INSERT"] * audited + ["UPDATE"]
    stored = store.get_ticket(ticket["id"])
    assert stored["transcript"][-1]["text"] == text
    if captioned:
        assert [a["field"] for a in history] == [
            "evidence_missing",
            "issue_description",
            "severity",
            "severity_reasons",
            "emotion",
            "first_response_due",
            "resolution_due",
        ]
        assert stored["evidence_missing"] == ["外包装照片", "快递面单"]
        assert stored["severity"] == "urgent" and "legal" in stored["severity_reasons"]
        assert "缺少凭证：外包装照片、快递面单" in stored["summary"]

"""Task wait4 (a): when the fifth viewer's complaint makes the session's group incident, each
earlier viewer still waiting hears once, in their own script, that their ticket is now urgent
and when a person answers now; the notice is kept in the ticket's transcript as the bot's."""

from datetime import datetime, timezone
from typing import Any, Dict, List

import pytest

from actions import dependencies, incident_notices
from actions.requests import ActionHandoff
from bot.desk.rasa_client import AgentLine, RasaUnavailable
from bot.i18n import localize
from bot.intake.presentation import promised_due_values
from tests.actions.conftest import make_tracker

ROOM = {"room_id": "room-5150", "streamer": "大鹏严选", "started_at": "2026-12-01T20:00"}
SIMPLIFIED = "主播在直播间说买锅送炒铲，我收到根本没有炒铲 转人工"
TRADITIONAL = "主播在直播間說買鍋送炒鏟，我收到根本沒有炒鏟 轉人工"


class FakeRasa:
    """The Rasa HTTP API as the notices use it: what each conversation wrote, what it was sent."""

    def __init__(self) -> None:
        self.written: Dict[str, str] = {}
        self.sent: List[Dict[str, Any]] = []
        self.down = False

    async def desk_events(self, conversation_id: str) -> List[Dict[str, Any]]:
        if self.down:
            raise RasaUnavailable("down")
        return [{"event": "user", "text": self.written[conversation_id], "timestamp": 1.0}]

    async def send_bot_notice(self, conversation_id, text, notice, *, script=None) -> AgentLine:
        shown = str(localize(text, script or "hans"))
        self.sent.append({"to": conversation_id, "text": shown, "notice": notice})
        return AgentLine(shown, datetime.now(timezone.utc).timestamp())


@pytest.fixture
def rasa(monkeypatch) -> FakeRasa:
    fake = FakeRasa()
    monkeypatch.setattr(dependencies, "rasa_client", lambda: fake)
    return fake


async def _viewer(dispatcher, domain, rasa, n: int, text: str = SIMPLIFIED) -> Dict[str, Any]:
    sender = f"viewer-{n}"
    rasa.written[sender] = text
    history = [{"event": "user", "text": "在吗", "timestamp": 1.0, "metadata": {"live": ROOM}}]
    tracker = make_tracker(
        text,
        "handoff",
        slots={
            "issue_category": "livestream_misleading",
            "issue_description": text,
            "intake_id": f"i-{n}",
        },
        history=history,
        sender=sender,
    )
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    ticket_id = next(e["value"] for e in events if e.get("name") == "ticket_id")
    await incident_notices.settle()
    return dependencies.ticket_store().get_ticket(ticket_id)


async def test_waiting_viewers_hear_the_sooner_deadline_once_in_their_script(
    dispatcher, domain, rasa
):
    first = [await _viewer(dispatcher, domain, rasa, n) for n in range(3)]
    first.append(await _viewer(dispatcher, domain, rasa, 3, TRADITIONAL))
    assert {t["severity"] for t in first} == {"normal"} and rasa.sent == []
    fifth = await _viewer(dispatcher, domain, rasa, 4)
    assert fifth["incident_id"] and fifth["severity"] == "urgent"
    store = dependencies.ticket_store()
    assert [s["to"] for s in rasa.sent] == [f"viewer-{n}" for n in range(4)]  # not the fifth
    for before, sent in zip(first, rasa.sent, strict=True):
        now = store.get_ticket(before["id"])
        assert now["sla"]["first_response_due"] < before["sla"]["first_response_due"]
        due = promised_due_values(now, "Asia/Shanghai", datetime.now(timezone.utc))
        assert before["id"] in sent["text"] and due["first_response_at"] in sent["text"]
        assert sent["notice"] == "ticket_prioritised"
        assert now["transcript"][-1] == {
            **now["transcript"][-1],
            "role": "bot",
            "text": sent["text"],
        }
    assert "觀眾" in rasa.sent[3]["text"] and "观众" in rasa.sent[0]["text"]

    # a sixth viewer joins: nobody's deadline moves again, nobody hears it twice
    await _viewer(dispatcher, domain, rasa, 5)
    assert len(rasa.sent) == 4


async def test_a_claimed_ticket_is_not_told(dispatcher, domain, rasa):
    tickets = [await _viewer(dispatcher, domain, rasa, n) for n in range(4)]
    dependencies.ticket_store().update_ticket(
        tickets[1]["id"], actor="小王", status="assigned", assignee="小王"
    )
    await _viewer(dispatcher, domain, rasa, 4)
    assert [s["to"] for s in rasa.sent] == ["viewer-0", "viewer-2", "viewer-3"]


async def test_rasa_down_does_not_hold_up_the_filing(dispatcher, domain, rasa):
    """The notices are retried, then given up (after5, test_incident_notices_durable.py); here
    one attempt each, as the action tests' settings say."""
    tickets = [await _viewer(dispatcher, domain, rasa, n) for n in range(4)]
    rasa.down = True
    fifth = await _viewer(dispatcher, domain, rasa, 4)
    assert fifth["severity"] == "urgent" and rasa.sent == []
    outbox = incident_notices.owed_notices()
    assert {outbox.status(t["id"], incident_notices.NOTICE) for t in tickets} == {"given_up"}

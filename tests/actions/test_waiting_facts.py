"""Hand test ux8: after "转人工", what the customer writes while waiting fills the ticket's
empty fields (order, problem, remedy) until an agent claims it; nothing is asked. Its
severity and emotion are raised by what the customer writes, never lowered."""

from datetime import datetime, timedelta, timezone

import pytest

from actions import dependencies
from actions.followup import ActionAddTicketDetails
from actions.requests import ActionHandoff
from actions.waiting_facts import without_wishes
from bot.intake.presentation import due_values
from tests.actions.conftest import make_tracker, responses

_WAITING = {"ticket_open": True}


def _triage(code: str, confidence: float = 0.8):
    block = {"code": code, "confidence": confidence}
    return {"complaint_triage": {"category": {**block, "ranking": [block]}}}


async def _handed_off(dispatcher, domain, text="转人工！！"):
    """The ticket a handoff filed, and the slots it left (the intake is reset)."""
    await ActionHandoff().run(dispatcher, make_tracker(text, "handoff"), domain)
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    dispatcher.messages.clear()
    return ticket


def _waiting(ticket, text, intent="inform", entities=None, extra=None, order_id=None):
    after = [{"event": "slot", "name": "order_id", "value": order_id}] if order_id else None
    return make_tracker(
        text,
        intent,
        entities=entities,
        slots={**_WAITING, "ticket_id": ticket["id"]},
        extra=extra,
        after_user=after,
    )


async def _say(dispatcher, domain, ticket, text, intent="inform", **kwargs):
    await ActionAddTicketDetails().run(dispatcher, _waiting(ticket, text, intent, **kwargs), domain)
    return dependencies.ticket_store().get_ticket(ticket["id"])


async def test_facts_written_after_a_handoff_fill_the_tickets_empty_fields(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    assert ticket["order_id"] is None and ticket["desired_remedy"] is None
    stored = await _say(
        dispatcher, domain, ticket, "订单号 2026112300123", order_id="2026112300123"
    )
    assert stored["order_id"] == "2026112300123" and stored["order_verified"] is True
    assert stored["order"]["amount"] == 665.0
    stored = await _say(
        dispatcher,
        domain,
        ticket,
        "电热水壶用了两天就烧不开水了",
        "complain",
        extra=_triage("product_quality"),
    )
    assert stored["issue_description"] == "电热水壶用了两天就烧不开水了"
    assert stored["issue_category"] == "product_quality"
    assert stored["evidence_missing"] == ["问题部位近照"]
    stored = await _say(dispatcher, domain, ticket, "我要退货退款")
    assert stored["desired_remedy"] == "return_refund"
    assert "诉求：退货退款" in stored["summary"] and "商品质量" in stored["summary"]
    assert "2026112300123" in stored["summary"]
    # acknowledged each time; no question, no form restarted
    assert responses(dispatcher) == ["utter_details_added"] * 3
    assert [e["field"] for e in dependencies.ticket_store().get_audit(ticket["id"])][1:4] == [
        "order_id",
        "order_verified",
        "order_data",
    ]


async def test_what_the_ticket_already_holds_is_not_overwritten(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain, "水壶烧不开水 我要退款 转人工")
    before = dependencies.ticket_store().get_ticket(ticket["id"])
    stored = await _say(
        dispatcher,
        domain,
        ticket,
        "屏幕也花了 给我换个新的",
        "complain",
        extra=_triage("logistics"),
    )
    for field in ("issue_description", "issue_category", "desired_remedy"):
        assert stored[field] == before[field]
    assert stored["transcript"][-1]["text"] == "屏幕也花了 给我换个新的"


async def test_a_claimed_ticket_keeps_its_fields(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    dependencies.ticket_store().update_ticket(
        ticket["id"], actor="小王", status="assigned", assignee="小王"
    )
    stored = await _say(
        dispatcher, domain, ticket, "订单号 2026112300123 我要退款", order_id="2026112300123"
    )
    assert stored["order_id"] is None and stored["desired_remedy"] is None
    assert stored["transcript"][-1]["text"] == "订单号 2026112300123 我要退款"


async def test_a_threat_written_while_waiting_makes_the_ticket_urgent(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    assert ticket["severity"] == "normal"
    stored = await _say(dispatcher, domain, ticket, "再不处理我就去12315投诉你们", "complain")
    assert stored["severity"] == "urgent" and "legal" in stored["severity_reasons"]
    assert stored["sla"]["first_response_due"] < ticket["sla"]["first_response_due"]
    assert stored["summary"].startswith("【严重】")


async def test_the_goods_named_alone_while_waiting_are_no_description(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain)
    stored = await _say(dispatcher, domain, ticket, "我买的那个电热水壶", "complain")
    assert stored["issue_description"] == ticket["issue_description"]


def test_a_wish_is_not_what_went_wrong():
    assert without_wishes("退钱就行") == ""
    assert without_wishes("杯子碎了 给我退款") == "杯子碎了"


def _learned(calm, upset, angry):
    ranking = [
        {"code": c, "confidence": p}
        for c, p in (("calm", calm), ("upset", upset), ("angry", angry))
    ]
    return {
        "complaint_triage": {"emotion": {"code": "calm", "confidence": calm, "ranking": ranking}}
    }


def _emotion_changes(ticket):
    audit = dependencies.ticket_store().get_audit(ticket["id"])
    return [(a["actor"], a["before"], a["after"]) for a in audit if a["field"] == "emotion"]


async def test_an_angry_message_while_waiting_makes_the_ticket_angry(dispatcher, domain):
    """A calm customer left waiting writes angrily: the ticket said calm, and the agent
    greeted an angry customer as a calm one."""
    ticket = await _handed_off(dispatcher, domain, "转人工")
    assert ticket["emotion"] == "calm"
    stored = await _say(dispatcher, domain, ticket, "还没人理？？什么破店！！", "complain")
    assert stored["emotion"] == "angry"
    assert "情绪：愤怒" in stored["summary"]
    assert _emotion_changes(ticket) == [("customer", "calm", "angry")]
    assert responses(dispatcher) == ["utter_details_added"]


async def test_the_waiting_emotion_is_read_by_the_learned_head_too(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain, "转人工")
    text = "买的时候说得那么好，收到就这"  # no lexicon cue: the bot's head notices it
    stored = await _say(dispatcher, domain, ticket, text, extra=_learned(0.05, 0.25, 0.7))
    assert stored["emotion"] == "angry"


@pytest.mark.parametrize(
    "text, intent", [("你是机器人吗", "bot_challenge"), ("你们几点下班", "out_of_scope")]
)
async def test_small_talk_while_waiting_is_not_judged_by_the_learned_head(
    dispatcher, domain, text, intent
):
    """Lead's hand trial: "你是机器人吗" while waiting made a calm customer's ticket 愤怒 (the
    learned head reads it as angry), as it had at filing before small talk was left out."""
    from actions.waiting_turn import ActionWaitingReply

    ticket = await _handed_off(dispatcher, domain, "转人工")
    tracker = _waiting(ticket, text, intent, extra=_learned(0.3, 0.2, 0.5))
    await ActionWaitingReply().run(dispatcher, tracker, domain)
    assert dependencies.ticket_store().get_ticket(ticket["id"])["emotion"] == "calm"


async def test_the_tickets_emotion_is_never_lowered(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain, "气死了 转人工")
    assert ticket["emotion"] == "angry"
    stored = await _say(
        dispatcher, domain, ticket, "好的 我等一下", extra=_learned(0.9, 0.05, 0.05)
    )
    assert stored["emotion"] == "angry"
    stored = await _say(dispatcher, domain, ticket, "唉 怎么还没人", "complain")
    assert stored["emotion"] == "angry"
    assert _emotion_changes(ticket) == []


async def test_earlier_waiting_messages_count_but_not_those_before_the_filing(dispatcher, domain):
    """A message the desk copied into the transcript (it went to no action that fills)
    counts with the next one; what was said before the ticket was filed was judged then."""
    ticket = await _handed_off(dispatcher, domain, "转人工")
    store = dependencies.ticket_store()
    filed = datetime.fromisoformat(ticket["created_at"])
    store.merge_transcript(
        ticket["id"], [{"role": "customer", "text": "气死了", "at": filed - timedelta(minutes=1)}]
    )
    stored = await _say(dispatcher, domain, ticket, "订单号还没找到")
    assert stored["emotion"] != "angry"
    store.merge_transcript(
        ticket["id"], [{"role": "customer", "text": "什么破店", "at": filed + timedelta(seconds=5)}]
    )
    stored = await _say(dispatcher, domain, ticket, "订单号还没找到")
    assert stored["emotion"] == "angry"


async def test_a_claimed_ticket_keeps_its_emotion(dispatcher, domain):
    ticket = await _handed_off(dispatcher, domain, "转人工")
    dependencies.ticket_store().update_ticket(
        ticket["id"], actor="小王", status="assigned", assignee="小王"
    )
    stored = await _say(dispatcher, domain, ticket, "什么破店！！！", "complain")
    assert stored["emotion"] == "calm"


async def test_the_times_told_after_a_threat_are_the_urgent_ones(dispatcher, domain):
    """The ticket is read once per message: the times promised to "什么时候处理" are those of
    the ticket the same message made urgent, not of the copy read before it was filled."""
    ticket = await _handed_off(dispatcher, domain)
    stored = await _say(
        dispatcher, domain, ticket, "再不处理我就去12315投诉你们 大概什么时候能处理", "complain"
    )
    assert stored["severity"] == "urgent"
    assert stored["sla"]["first_response_due"] < ticket["sla"]["first_response_due"]
    [message] = dispatcher.messages
    assert message["response"] == "utter_details_timing"
    urgent = due_values(stored, dependencies.settings().timezone, datetime.now(timezone.utc))
    assert message["first_response_at"] == urgent["first_response_at"]

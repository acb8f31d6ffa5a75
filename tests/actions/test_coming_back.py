"""Coming back to a complaint after "算了，不投诉了" (hand test ux11).

Withdrawing filed nothing and cleared the form; "还是帮我处理一下吧" a minute later was asked
again for the order number and the problem. Now the facts are kept for the Rasa session and
the next intake brings them back, saying so in one line; what the coming-back message says
anew wins.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk.events import FollowupAction, SlotSet

from actions.coming_back import WITHDRAWN
from actions.intake import ActionStartIntake
from actions.requests import ActionCancelComplaint, ActionTicketStatus
from actions.tickets import announce_ticket
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events

MID_FORM = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "emotion": "upset",
    "intake_id": "intake-1",
    "requested_slot": "evidence_status",
}
KEPT = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "issue_description": "收到的杯子碎了",
    "desired_remedy": "reship",
    "emotion": "upset",
}
FORM_PASS = [{"event": "action", "name": "complaint_form"}]


def _triage(code: str, confidence: float) -> Dict[str, Any]:
    ranking = [{"code": code, "confidence": confidence}]
    return {
        "complaint_triage": {
            "category": {"code": code, "confidence": confidence, "ranking": ranking}
        }
    }


def _opening(
    text: str,
    intent: str,
    set_now: Optional[Dict[str, Any]] = None,
    extra: Optional[Dict[str, Any]] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
):
    """The form's opening pass after a withdrawal: what the message set came before it."""
    set_now = set_now or {}
    return make_tracker(
        text,
        intent,
        entities=entities,
        slots={WITHDRAWN: KEPT, **set_now},
        extra=extra,
        active_loop="complaint_form",
        history=[{"event": "slot", "name": name, "value": None} for name in KEPT],
        after_user=[{"event": "slot", "name": k, "value": v} for k, v in set_now.items()]
        + FORM_PASS,
    )


async def test_withdrawing_keeps_the_facts_for_a_return(dispatcher, domain):
    tracker = make_tracker("算了，不投诉了", "cancel", slots=MID_FORM, active_loop="complaint_form")
    slots = slot_events(await ActionCancelComplaint().run(dispatcher, tracker, domain))
    assert responses(dispatcher) == ["utter_cancelled"]
    assert slots["order_id"] is None  # the form itself starts clean
    assert slots[WITHDRAWN]["order_id"] == "202411235567"
    assert slots[WITHDRAWN]["order_verified"] is True
    assert slots[WITHDRAWN]["issue_description"] == "收到的杯子碎了"
    assert slots[WITHDRAWN]["desired_remedy"] == "reship"


async def test_withdrawing_with_nothing_told_keeps_what_was_kept(dispatcher, domain):
    tracker = make_tracker("算了", "cancel", slots={WITHDRAWN: KEPT, "emotion": "calm"})
    slots = slot_events(await ActionCancelComplaint().run(dispatcher, tracker, domain))
    assert WITHDRAWN not in slots


async def test_coming_back_brings_the_facts_back_and_says_so(dispatcher, domain):
    tracker = _opening("还是帮我处理一下吧", "start_complaint")
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["order_id"] == "202411235567" and slots["order_verified"] is True
    assert slots["issue_category"] == "logistics"
    assert slots["issue_description"] == "收到的杯子碎了"
    assert slots["desired_remedy"] == "reship"
    assert slots[WITHDRAWN] is None  # used up
    assert responses(dispatcher) == ["utter_facts_kept"]
    assert (
        dispatcher.messages[0]["kept_facts"]
        == "订单号：202411235567；问题：物流配送问题；诉求：补发"
    )


async def test_a_coded_remedy_said_when_coming_back_wins(dispatcher, domain):
    """The remedy the NLU reads in the coming-back message wins; "还是帮我处理一下吧" alone
    names none (tests/bot/nlu/test_handle_it.py), so the kept one comes back."""
    tracker = _opening("还是帮我处理一下吧 换货", "correct", set_now={"desired_remedy": "exchange"})
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("desired_remedy", "exchange") == "exchange"


async def test_a_new_order_number_wins_over_the_kept_one(dispatcher, domain):
    tracker = _opening(
        "还是投诉吧 订单号是 2024 1115 0420",
        "inform",
        set_now={"order_id": "202411150420"},
        entities=[{"entity": "order_id", "value": "202411150420"}],
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("order_id", "202411150420") == "202411150420"
    assert slots["issue_category"] == "logistics" and slots["desired_remedy"] == "reship"


async def test_the_same_problem_pointed_back_to_keeps_its_category(dispatcher, domain):
    """ "刚才那个杯子的事还是要退款": the triage reads refund_payment into 退款 and the NLU
    sets it; the problem is the one told before, the remedy the one said now."""
    text = "刚才那个杯子的事还是要退款"
    tracker = _opening(
        text,
        "correct",
        set_now={
            "issue_category": "refund_payment",
            "desired_remedy": "refund",
            "issue_description": text,
        },
        extra=_triage("refund_payment", 0.74),
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["issue_category"] == "logistics"
    assert slots["issue_description"] == f"收到的杯子碎了\n{text}"
    assert slots.get("desired_remedy", "refund") == "refund"
    assert slots["order_id"] == "202411235567"


async def test_a_clearly_different_problem_leaves_the_old_one_behind(dispatcher, domain):
    text = "我买的蓝牙耳机左边完全没有声音"
    tracker = _opening(
        text,
        "complain",
        set_now={"issue_category": "product_quality", "issue_description": text},
        extra=_triage("product_quality", 0.9),
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("issue_category", "product_quality") == "product_quality"
    assert slots.get("issue_description", text) == text
    assert slots.get("desired_remedy") is None  # the cup's reship stays with the cup
    assert slots["order_id"] == "202411235567"


async def test_another_complaint_in_so_many_words_brings_nothing_back(dispatcher, domain):
    tracker = _opening("我还要投诉另一个订单", "start_complaint")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots[WITHDRAWN] is None and slots.get("order_id") is None
    assert "utter_facts_kept" not in responses(dispatcher)


async def test_coming_back_read_as_a_status_question_opens_the_intake(dispatcher, domain):
    """ "还是帮我处理一下吧" is read as status_query: "暂时没有查到您的投诉记录" was the answer."""
    tracker = make_tracker("还是帮我处理一下吧", "status_query", slots={WITHDRAWN: KEPT})
    events = await ActionTicketStatus().run(dispatcher, tracker, domain)
    assert FollowupAction("complaint_form") in events
    assert "utter_status_none" not in responses(dispatcher)
    # and without a withdrawn complaint it is the status question it was
    other = make_tracker("还是帮我处理一下吧", "status_query")
    await ActionTicketStatus().run(dispatcher, other, domain)
    assert responses(dispatcher)[-1] == "utter_status_none"


async def test_a_cantonese_return_opens_the_intake_and_tells_nothing_more(dispatcher, domain):
    """Hand trial (trial, WeCom): "都係幫我跟進下啦" (还是帮我跟进一下吧) after "唔投訴喇" heard
    "暫時沒有查到您的投訴記錄", and the next answer's turn put the words into the problem's
    description ("…訂單 2024 1118 0305 都係幫我跟進下啦")."""
    tracker = make_tracker("都係幫我跟進下啦", "status_query", slots={WITHDRAWN: KEPT})
    events = await ActionTicketStatus().run(dispatcher, tracker, domain)
    assert FollowupAction("complaint_form") in events
    assert "utter_status_none" not in responses(dispatcher)
    opening = _opening(
        "都係幫我跟進下啦", "start_complaint", {"issue_description": "都係幫我跟進下啦"}
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, opening, domain))
    assert slots["issue_description"] == "收到的杯子碎了"


async def test_coming_back_read_as_a_cancel_opens_the_intake(dispatcher, domain):
    """ "算了还是投诉吧" is read as cancel (1.0): it takes the withdrawal back."""
    tracker = make_tracker("算了還是投訴吧", "cancel", slots={WITHDRAWN: KEPT})
    events = await ActionCancelComplaint().run(dispatcher, tracker, domain)
    assert FollowupAction("complaint_form") in events
    assert "utter_cancelled" not in responses(dispatcher)


async def test_a_calm_return_hears_the_kept_facts_not_a_second_acknowledgement(dispatcher, domain):
    tracker = make_tracker("还是帮我处理一下吧", "start_complaint", slots={WITHDRAWN: KEPT})
    await ActionStartIntake().run(dispatcher, tracker, domain)
    assert "utter_empathy_calm" not in responses(dispatcher)


async def test_a_filed_ticket_ends_what_was_kept(dispatcher, domain):
    ticket = {
        "id": "C20261201-0001",
        "severity": "normal",
        "sla": {
            "first_response_due": "2026-12-01T08:00:00+00:00",
            "resolution_due": "2026-12-02T08:00:00+00:00",
        },
    }
    tracker = make_tracker("转人工", "handoff", slots={WITHDRAWN: KEPT})
    events = await announce_ticket(dispatcher, tracker, ticket, "utter_handoff")
    assert SlotSet(WITHDRAWN, None) in events

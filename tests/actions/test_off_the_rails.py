"""Customers off the form's rails (bench/data/dialogues_dev16.yml, hand trial trial4).

Each test is a message that went wrong before: an aside answered as a question the bot could
not answer, a worry beside the order question taken for "no order number", the photo
described twice at the photo question asked for ever, a remedy named as the reason against it
kept as the wish, an order number corrected back changing the category, "1" at the read-back
not understood again and again, and "算了" with a phone number dropping the complaint. Real
rasa-sdk trackers; the validation runs through the SDK's own run().
"""

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import dependencies, form_turn
from actions.asides import ActionAsideInForm
from actions.confirmation import ActionApplyCorrection, ActionCreateTicket
from actions.followup import ActionAddTicketDetails
from actions.intake import ActionOutOfScope
from actions.requests import ActionCancelComplaint
from actions.validation import ValidateComplaintForm
from bot.intake import answers, remedy_answers
from bot.intake.asides import RESPONSES
from tests.actions.conftest import READ_BACK_FACTS, make_tracker, responses, slot_events
from tests.actions.test_facts_restated import Restating

FORM_PASS = {"event": "action", "name": "complaint_form"}
KETTLE = {
    "issue_description": "水壶漏水",
    "issue_category": "product_quality",
    "order_id": "202411191024",
    "order_verified": True,
    "desired_remedy": "return_refund",
    "evidence_status": "none",
    "intake_id": "intake-1",
}
HISTORY = [{"event": "user", "text": "水壶漏水 订单202411191024 退货退款", "timestamp": 1.0}]


def _mid_form(
    text: str,
    intent: str,
    facts: Dict[str, Any],
    asked: str,
    entities: Optional[List[Dict[str, Any]]] = None,
    mapped: Optional[Dict[str, Any]] = None,
    history: Optional[List[Dict[str, Any]]] = None,
):
    """The form's pass of a message at the question for `asked`, the NLU's slots mapped."""
    known = [{"event": "slot", "name": k, "value": v} for k, v in facts.items()]
    return make_tracker(
        text,
        intent,
        entities=entities,
        slots={**facts, "requested_slot": asked, **(mapped or {})},
        history=known + (history or []),
        after_user=[FORM_PASS]
        + [{"event": "slot", "name": k, "value": v} for k, v in (mapped or {}).items()],
        active_loop="complaint_form",
    )


# --- asides ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, response",
    [
        ("哈哈你挺聪明的", "utter_aside_praise"),
        ("哈哈哈哈", "utter_aside_laughter"),
        ("你叫什么名字", "utter_aside_identity"),
        ("你们几点下班啊", "utter_aside_hours"),
        ("給我講個笑話唄", "utter_aside_joke"),
        ("帮我改回分期付款", "utter_out_of_scope_in_form"),
    ],
)
async def test_an_aside_mid_form_is_answered_as_what_it_is(dispatcher, domain, text, response):
    tracker = make_tracker(
        text,
        "out_of_scope",
        slots={"requested_slot": "desired_remedy"},
        active_loop="complaint_form",
    )
    assert await ActionAsideInForm().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == [response]
    assert response in domain["responses"]


def test_every_aside_has_its_response_and_the_rule_runs_the_action(domain):
    for place in RESPONSES.values():
        assert set(place.values()) <= set(domain["responses"])
    assert "action_aside_in_form" in domain["actions"]


@pytest.mark.parametrize(
    "text, response",
    [
        ("你叫什么名字", "utter_iamabot"),
        ("哈哈你挺聪明的", "utter_aside_praise_idle"),
        ("你们几点下班", "utter_aside_hours_idle"),
        ("这个保修几年", "utter_out_of_scope"),
    ],
)
async def test_an_aside_before_any_complaint_is_answered_as_what_it_is(
    dispatcher, domain, text, response
):
    """ "你叫什么名字" as the first message got "这个我暂时帮不上忙"."""
    await ActionOutOfScope().run(dispatcher, make_tracker(text, "out_of_scope"), domain)
    assert responses(dispatcher) == [response]


async def test_an_aside_at_the_read_back_asks_for_the_yes_again(dispatcher, domain):
    tracker = make_tracker("哈哈你挺聪明的", "out_of_scope", slots=READ_BACK_FACTS)
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_aside_praise", "utter_status_not_yet_filed"]


async def test_an_aside_as_the_first_message_is_no_part_of_the_description(dispatcher, domain):
    """The triage read "other" (0.71) into "你叫什么名字": the ticket's description began so."""
    triage = {"category": {"code": "other", "confidence": 0.71, "ranking": []}}
    tracker = make_tracker("你叫什么名字", "out_of_scope", extra={"complaint_triage": triage})
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert "issue_description" not in slots


async def test_an_aside_while_the_ticket_waits_is_answered_not_filed(dispatcher, domain):
    filed = slot_events(
        await ActionCreateTicket().run(
            CollectingDispatcher(),
            make_tracker("确认", "affirm", slots=READ_BACK_FACTS, history=HISTORY),
            domain,
        )
    )
    ticket_id = filed["ticket_id"]
    waiting = {"ticket_id": ticket_id, "ticket_open": True}
    for text, response in (
        ("你们几点下班", "utter_aside_hours_waiting"),
        ("哈哈哈", "utter_aside_laughter_waiting"),
    ):
        dispatcher.messages.clear()
        tracker = make_tracker(text, "out_of_scope", slots=waiting)
        await ActionAddTicketDetails().run(dispatcher, tracker, domain)
        assert responses(dispatcher) == [response]
        assert dispatcher.messages[0]["first_response_at"]
    ticket = dependencies.ticket_store().get_ticket(ticket_id)
    assert ticket["issue_description"] == READ_BACK_FACTS["issue_description"]


def test_a_second_aside_at_the_same_question_is_still_unclear():
    """The new action counts as the old response did: the customer is not asked for ever."""
    asked = {"event": "slot", "name": "requested_slot", "value": "desired_remedy"}
    history = [
        asked,
        {"event": "user", "text": "你叫什么名字", "parse_data": {}},
        {"event": "action", "name": "action_aside_in_form"},
        asked,
    ]
    tracker = make_tracker(
        "哈哈你挺聪明的",
        "out_of_scope",
        slots={"requested_slot": "desired_remedy"},
        history=history,
        after_user=[{"event": "action", "name": "action_aside_in_form"}, FORM_PASS],
        active_loop="complaint_form",
    )
    assert form_turn.aside_again(tracker)


# --- a worry beside the order question ----------------------------------------------------------


async def test_a_worry_about_finding_someone_is_no_missing_order_number(dispatcher, domain):
    facts = {k: KETTLE[k] for k in ("issue_description", "issue_category")}
    tracker = _mid_form("你们几点下班 我怕等下找不到人", "out_of_scope", facts, "order_id")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert not slots.get("order_missing")
    assert answers.has_no_order_number("订单号找不到了")  # the number itself still is


# --- the photo described instead of sent -------------------------------------------------------

DESCRIBED = "照片里能看到杯口碎了一大块 外箱也瘪了"
CUP = {
    "issue_description": "杯子收到碎了",
    "issue_category": "logistics",
    "order_id": "202411235567",
    "order_verified": True,
    "desired_remedy": "reship",
    "intake_id": "intake-1",
}


async def test_the_photo_described_is_asked_with_a_hint_then_moves_on(dispatcher, domain):
    # the triage reads the same category into the description again
    first = _mid_form(
        DESCRIBED, "complain", CUP, "evidence_status", mapped={"issue_category": "logistics"}
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, first, domain))
    assert slots.get("unclear_answer") == "evidence_status"
    assert DESCRIBED in slots["issue_description"]
    again = _mid_form(
        DESCRIBED,
        "complain",
        {
            **CUP,
            "issue_description": slots["issue_description"],
            "unclear_answer": "evidence_status",
        },
        "evidence_status",
        mapped={"issue_category": "logistics"},
        history=[{"event": "slot", "name": "unclear_answer", "value": "evidence_status"}],
    )
    slots = slot_events(await ValidateComplaintForm().run(CollectingDispatcher(), again, domain))
    assert slots["evidence_status"] == "later"


async def test_a_category_changed_beside_the_photo_question_is_no_unclear_answer(
    dispatcher, domain
):
    tracker = _mid_form(
        "其实不是碎了 是你们发错了 我买的是白色发来黑色",
        "correct",
        CUP,
        "evidence_status",
        mapped={"issue_category": "wrong_or_missing_item"},
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["issue_category"] == "wrong_or_missing_item"
    assert slots.get("unclear_answer") is None


async def test_words_read_as_files_at_the_contact_question_keep_the_evidence_answer(
    dispatcher, domain
):
    """ "照片里能看到拉链头掉了" (send_evidence, no file) asked for photos once more."""
    tracker = _mid_form(
        "照片里能看到拉链头掉了",
        "send_evidence",
        {**CUP, "evidence_status": "later"},
        "contact_status",
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("evidence_status", "later") == "later"


# --- a remedy named as the reason against it -----------------------------------------------------


def test_a_remedy_faulted_is_no_wish():
    assert remedy_answers.remedy_mentioned("不对 还是退款吧 补发太慢了") == "refund"
    assert remedy_answers.remedy_mentioned("退款太慢了 换货吧") == "exchange"
    assert remedy_answers.remedy_mentioned("补发太慢了") is None
    assert remedy_answers.remedy_mentioned("维修太麻烦了 改成退货退款吧") == "return_refund"


async def test_a_change_back_with_the_other_remedy_faulted_changes_it(dispatcher, domain):
    """The NLU's remedy entity is the faulted one (reship); the words say refund."""
    facts = {**CUP, "desired_remedy": "reship", "evidence_status": "none"}
    tracker = _mid_form(
        "不对 还是退款吧 补发太慢了",
        "correct",
        facts,
        "contact_status",
        entities=[{"entity": "desired_remedy", "value": "reship"}],
        mapped={"desired_remedy": "reship", "issue_category": "wrong_or_missing_item"},
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["desired_remedy"] == "refund"
    assert slots.get("issue_category", "logistics") == "logistics"
    assert "utter_noted_restated" not in responses(dispatcher)


# --- an order number corrected back -------------------------------------------------------------


async def test_an_order_number_corrected_back_keeps_the_category(dispatcher, domain):
    facts = {
        "issue_description": "围巾勾丝",
        "issue_category": "product_quality",
        "order_id": "202411200012",
        "order_verified": True,
        "desired_remedy": "exchange",
        "evidence_status": "none",
    }
    tracker = _mid_form(
        "哦不对 刚才那个是对的 还是202410301188",
        "correct",
        facts,
        "contact_status",
        entities=[
            {"entity": "order_id", "value": "202410301188"},
            {"entity": "issue_category", "value": "wrong_or_missing_item"},
        ],
        mapped={"order_id": "202410301188", "issue_category": "wrong_or_missing_item"},
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["order_id"] == "202410301188"
    assert slots["issue_category"] == "product_quality"
    assert not answers.corrects_the_problem("不对 还是202410301188")


# --- the read-back ------------------------------------------------------------------------------


async def test_one_at_the_read_back_files_the_ticket(dispatcher, domain):
    tracker = make_tracker("1", "rate", slots=READ_BACK_FACTS, history=HISTORY)
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    tickets = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert len(tickets) == 1 and slots["ticket_id"] == tickets[0]["id"]
    assert responses(dispatcher)[0] == "utter_ticket_created"


async def test_two_at_the_read_back_asks_what_to_change(dispatcher, domain):
    tracker = make_tracker("2", "rate", slots=READ_BACK_FACTS, history=HISTORY)
    assert await ActionApplyCorrection().run(dispatcher, tracker, domain) == []
    assert responses(dispatcher) == ["utter_ask_correction"]
    assert dependencies.ticket_store().list_tickets(conversation_id="customer-1") == []


PHONE = [{"entity": "phone", "value": "13812345678"}]


async def test_a_phone_given_with_suanle_at_the_read_back_is_a_correction(dispatcher, domain):
    facts = {**READ_BACK_FACTS, "contact": None, "contact_status": "declined"}
    tracker = make_tracker("算了还是留吧 13812345678", "cancel", entities=PHONE, slots=facts)
    slots = slot_events(await ActionCancelComplaint().run(dispatcher, tracker, domain))
    assert slots["contact"] == "13812345678" and slots["contact_status"] == "given"
    assert "utter_cancelled" not in responses(dispatcher)
    assert slots.get("order_id", "kept") is not None


async def test_a_phone_given_with_suanle_mid_form_lets_the_form_go_on(dispatcher, domain):
    tracker = make_tracker(
        "算了还是留吧 13812345678",
        "cancel",
        entities=PHONE,
        slots={**KETTLE, "requested_slot": "contact_status", "contact": "13812345678"},
        active_loop="complaint_form",
    )
    events = await ActionCancelComplaint().run(dispatcher, tracker, domain)
    assert events == [{"event": "followup", "name": "complaint_form", "timestamp": None}]
    assert responses(dispatcher) == []


async def test_suanle_alone_still_withdraws(dispatcher, domain):
    tracker = make_tracker(
        "算了 不投诉了 13812345678",
        "cancel",
        entities=PHONE,
        slots={**KETTLE, "requested_slot": "contact_status"},
        active_loop="complaint_form",
    )
    await ActionCancelComplaint().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_cancelled"]


async def test_the_photo_described_again_word_for_word_is_still_unclear(dispatcher, domain):
    """The description already holds the words: only the category is set again."""
    told = {**CUP, "issue_description": f"杯子收到碎了\n{DESCRIBED}"}
    tracker = _mid_form(
        DESCRIBED, "complain", told, "evidence_status", mapped={"issue_category": "logistics"}
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("unclear_answer") == "evidence_status"


# --- facts given under the category question ------------------------------------------------------

AT_TIED_CATEGORY = {
    "issue_description": "我买的杯子到了碎成渣了",
    "category_candidates": ["product_quality", "logistics", "wrong_or_missing_item"],
    "category_tied": ["product_quality", "logistics"],
    "requested_slot": "issue_category",
}


@pytest.mark.parametrize(
    "text, intent, entities, noted",
    [
        ("订单202411235567", "inform", {"order_id": "202411235567"}, "订单号：202411235567"),
        ("给我补发", "inform", {"desired_remedy": "reship"}, "诉求：补发"),
    ],
)
async def test_a_fact_given_under_the_category_question_is_noted(
    domain, text, intent, entities, noted
):
    customer = Restating(domain, AT_TIED_CATEGORY)
    turn = await customer.says_with(text, intent, entities)
    assert customer.said == ["utter_noted_told_early"]
    assert customer.messages[0]["noted_facts"] == noted
    assert turn.get("issue_category") is None  # the category question comes again
    name = next(iter(entities))
    assert customer.slots[name] == entities[name]


async def test_a_fact_given_with_the_category_is_not_noted_apart(domain):
    customer = Restating(domain, AT_TIED_CATEGORY)
    await customer.says_with(
        "物流问题 订单202411235567",
        "inform",
        {"order_id": "202411235567", "issue_category": "logistics"},
    )
    assert "utter_noted_told_early" not in customer.said


# --- a "no" by emoji ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, asked, slot, expected",
    [
        ("🙅", "evidence_status", "evidence_status", "none"),
        ("❌", "evidence_status", "evidence_status", "none"),
        ("🙅\u200d♂️", "contact_status", "contact_status", "declined"),
    ],
)
async def test_a_no_gesture_answers_the_photo_and_contact_questions(
    dispatcher, domain, text, asked, slot, expected
):
    facts = {**CUP, "evidence_status": "none"} if asked == "contact_status" else CUP
    tracker = _mid_form(text, "nlu_fallback", facts, asked)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots[slot] == expected
    assert not slots.get("unclear_answer")
    assert not answers.says_no_by_emoji("👍")

"""Goods named that are not in the order the number refers to: asked once (trial11).

"我买的蓝牙耳机连不上手机" with the number of the demo order of two mugs (202411235567) was
filed under the mugs. The bot now asks whether it is this order, naming its items; a yes keeps
it, another number replaces it, and an order whose goods fit is asked nothing.
"""

import pytest

from actions.form_questions import ActionAskOrderId
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses

MUGS = "202411235567"
EARPHONES = "202411180305"
STORY = "我买的蓝牙耳机连不上手机 想退货退款"


def at_order_question(text, intent="inform", pending=None, story=STORY):
    slots = {"requested_slot": "order_id", "issue_description": story, "pending_order_id": pending}
    history = [{"event": "slot", "name": "pending_order_id", "value": pending}] if pending else []
    return make_tracker(text, intent, slots=slots, history=history)


async def test_goods_not_in_the_order_leave_the_number_waiting_for_a_yes(dispatcher, domain):
    result = await ValidateComplaintForm().validate_order_id(
        MUGS, dispatcher, at_order_question(MUGS), domain
    )
    assert result["order_id"] is None and result["pending_order_id"] == MUGS


async def test_the_question_names_the_orders_items_once(dispatcher, domain):
    await ActionAskOrderId().run(dispatcher, at_order_question(MUGS, pending=MUGS), domain)

    assert responses(dispatcher) == ["utter_order_other_goods"]
    message = dispatcher.messages[0]
    assert "马克杯" in message["order_items"] and message["pending_order_id"] == MUGS
    assert [b["title"] for b in message["buttons"]] == ["是这一单"]


async def test_a_yes_keeps_the_order_verified(dispatcher, domain):
    tracker = at_order_question("对 就是这单", "affirm", pending=MUGS)
    result = await ValidateComplaintForm().validate_order_id(MUGS, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == (MUGS, True)
    assert result["pending_order_id"] is None


async def test_another_number_whose_goods_fit_replaces_it(dispatcher, domain):
    tracker = at_order_question(f"不是 是{EARPHONES}", "inform", pending=MUGS)
    result = await ValidateComplaintForm().validate_order_id(EARPHONES, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == (EARPHONES, True)


async def test_goods_that_fit_are_asked_nothing(dispatcher, domain):
    tracker = at_order_question(MUGS, story="马克杯收到就裂了一道缝 补发一个")
    result = await ValidateComplaintForm().validate_order_id(MUGS, dispatcher, tracker, domain)
    assert (result["order_id"], result["pending_order_id"]) == (MUGS, None)


async def test_an_unknown_number_is_still_checked_as_typed(dispatcher, domain):
    await ActionAskOrderId().run(
        dispatcher, at_order_question("998877665544", pending="998877665544"), domain
    )
    assert responses(dispatcher) == ["utter_order_not_found"]


async def test_a_remedy_told_with_it_does_not_make_the_order_unknown(dispatcher, domain):
    """"保溫杯蓋子漏水 換一個 單號202411180305": the goods question, not "没查到" (h018)."""
    story = "保溫杯蓋子漏水 換一個 單號202411180305 沒拍 不用電話"
    tracker = make_tracker(
        story,
        "complain",
        slots={"requested_slot": "order_id", "issue_description": story,
               "pending_order_id": EARPHONES, "desired_remedy": "exchange"},
        after_user=[
            {"event": "slot", "name": "desired_remedy", "value": "exchange"},
            {"event": "slot", "name": "pending_order_id", "value": EARPHONES},
        ],
    )
    await ActionAskOrderId().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_order_other_goods"]
    assert "耳机" in dispatcher.messages[0]["order_items"]


@pytest.mark.parametrize("text", ["不是", "不是这单", "不對", "唔係呢張單", "哦 搞错了"])
async def test_a_no_drops_the_number_and_asks_for_the_right_one(text, dispatcher, domain):
    tracker = at_order_question(text, "deny", pending=MUGS)
    form = ValidateComplaintForm()
    assert await form.extract_order_id(dispatcher, tracker, domain) == {"order_id": None}
    validated = await form.validate_order_id(None, dispatcher, tracker, domain)
    assert validated == {"order_id": None, "pending_order_id": None}

    asked = at_order_question(text, "deny")
    asked.events.insert(0, {"event": "slot", "name": "pending_order_id", "value": MUGS})
    await ActionAskOrderId().run(dispatcher, asked, domain)
    assert responses(dispatcher) == ["utter_ask_order_id_right_one"]


@pytest.mark.parametrize(
    "text, intent", [("沒有截圖欸", "deny"), ("不用", "deny"), ("補發贈品就好", "inform")]
)
async def test_a_reply_that_passes_the_question_over_keeps_the_known_order(
    text, intent, dispatcher, domain
):
    """Asked "is it this order?" again and again before (hand trial t2): the order stands."""
    form = ValidateComplaintForm()
    tracker = at_order_question(text, intent, pending=MUGS)
    assert await form.extract_order_id(dispatcher, tracker, domain) == {"order_id": MUGS}
    result = await form.validate_order_id(MUGS, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == (MUGS, True)


async def test_an_unknown_number_passed_over_is_still_checked(dispatcher, domain):
    tracker = at_order_question("没有截图", "deny", pending="998877665544")
    assert await ValidateComplaintForm().extract_order_id(dispatcher, tracker, domain) == {}


async def test_a_request_is_no_answer_to_it(dispatcher, domain):
    tracker = at_order_question("转人工", "handoff", pending=MUGS)
    assert await ValidateComplaintForm().extract_order_id(dispatcher, tracker, domain) == {}


async def test_the_whole_form_pass_drops_the_number_said_not_to_be_it(dispatcher, domain):
    """Through rasa_sdk's form run, which keeps only validated slots (hand trial t8)."""
    tracker = at_order_question("不是哦", "deny", pending=MUGS)
    tracker.active_loop = {"name": "complaint_form"}
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("pending_order_id", "kept") is None


async def test_the_form_pass_after_the_mappings_pass_still_asks_for_the_right_one(
    dispatcher, domain
):
    """Rasa runs the validation twice a turn (custom slot mappings, then the form): the
    second pass, with the number already dropped, must not read "不是" as "no order number"."""
    tracker = at_order_question("不是哦", "deny", pending=MUGS)
    tracker.active_loop = {"name": "complaint_form"}
    first = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    tracker.events.extend(first)
    second = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = {e["name"]: e["value"] for e in second if e.get("event") == "slot"}
    assert not slots.get("order_missing")
    assert tracker.get_slot("pending_order_id") is None

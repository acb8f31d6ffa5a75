"""A phone number said once is not asked for again (hand trial 2026-12-01).

"…要么退钱，我电话13812345678" in the opening was met by "要不要留个联系电话" later, and
"可以打这个电话" at that question by "直接发一个手机号给我". A number the customer calls
their phone is consent in the opening too; one said earlier is taken when they point to it.
"""

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, slot_events
from tests.actions.test_confirmation import FACTS

PHONE = {"entity": "phone", "value": "13812345678"}
ORDER = {"entity": "order_id", "value": "LS20241120001"}


async def test_a_phone_named_in_the_opening_is_the_contact(dispatcher, domain):
    tracker = make_tracker(
        "主播说送保温杯结果没送！订单LS20241120001，要么补发要么退钱，我电话13812345678",
        "complain",
        entities=[ORDER, PHONE],
        slots={"requested_slot": None, "contact_status": None},
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["contact_status"] == "given" and slots["contact"] == "13812345678"


async def test_a_bare_number_in_the_opening_is_no_consent(dispatcher, domain):
    tracker = make_tracker(
        "杯子碎了 订单202411235567 13812345678",
        "complain",
        entities=[{"entity": "order_id", "value": "202411235567"}, PHONE],
        slots={"requested_slot": None, "contact_status": None},
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("contact_status") is None and not slots.get("contact")


def _at_contact_question(text, intent="affirm"):
    opening = {
        "event": "user",
        "text": "杯子碎了 订单202411235567 13812345678",
        "parse_data": {
            "text": "杯子碎了 订单202411235567 13812345678",
            "intent": {"name": "complain"},
            "entities": [{"entity": "order_id", "value": "202411235567"}, PHONE],
        },
    }
    return make_tracker(
        text,
        intent,
        slots={
            **FACTS,
            "order_id": "202411235567",
            "awaiting_confirmation": None,
            "requested_slot": "contact_status",
            "contact_status": None,
            "contact": None,
        },
        history=[opening],
        active_loop="complaint_form",
    )


async def test_pointing_to_the_number_said_before_gives_it(dispatcher, domain):
    for text in ["可以打这个电话", "可以，打刚才那个号码", "就用上面嗰個號碼"]:
        tracker = _at_contact_question(text)
        slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
        assert slots["contact_status"] == "given", text
        assert slots["contact"] == "13812345678", text


async def test_a_plain_yes_still_asks_for_the_number(dispatcher, domain):
    """"可以" names no number: which one to call is asked, not guessed."""
    tracker = _at_contact_question("可以")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("contact_status") != "given" and not slots.get("contact")

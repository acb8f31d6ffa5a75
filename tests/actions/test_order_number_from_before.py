"""dialogues_dev26: "就用刚才那个" at the order question.

With no number given in the conversation, nothing is taken and the question says there is
none yet; with one given before (a ticket filed earlier), that number is the answer.
"""

from actions.form_questions import ActionAskOrderId
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events

ASKED_ORDER = [{"event": "slot", "name": "requested_slot", "value": "order_id"}]
MUGS = "202411235567"


def _answer(text, history=()):
    return make_tracker(
        text,
        "inform",
        slots={"requested_slot": "order_id", "issue_category": "service_attitude"},
        history=[*history, *ASKED_ORDER],
    )


async def test_no_number_given_yet_takes_none_and_says_so(dispatcher, domain):
    tracker = _answer("就用刚才那个")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert not slots.get("order_id") and not slots.get("pending_order_id")
    assert not slots.get("order_missing")

    asking = make_tracker(
        "就用刚才那个",
        "inform",
        slots={"requested_slot": "order_id", "unclear_answer": "order_id"},
        history=ASKED_ORDER,
    )
    await ActionAskOrderId().run(dispatcher, asking, domain)
    assert responses(dispatcher) == ["utter_ask_order_id_none_given"]


async def test_the_number_of_a_ticket_filed_before_is_reused(dispatcher, domain):
    filed_before = [
        {"event": "slot", "name": "order_id", "value": MUGS},
        {"event": "slot", "name": "ticket_id", "value": "C20261204-0001"},
        {"event": "slot", "name": "order_id", "value": None},
    ]
    tracker = _answer("还是刚才那个单号", history=filed_before)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["order_id"] == MUGS
    assert slots["order_verified"] is True


async def test_a_number_read_in_an_earlier_message_is_reused(dispatcher, domain):
    earlier = [
        {
            "event": "user",
            "text": f"订单{MUGS}",
            "parse_data": {"entities": [{"entity": "order_id", "value": MUGS}]},
        }
    ]
    tracker = _answer("跟上面一样", history=earlier)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["order_id"] == MUGS

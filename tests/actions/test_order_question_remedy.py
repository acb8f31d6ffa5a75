"""A remedy told at the order question is acknowledged (hand trial, trial4 session).

Asked for the order number, the customer wrote "想换大一码": the remedy was taken, but the
order question came back word for word, which reads as not heard.
"""

from actions.form_questions import ActionAskOrderId
from tests.actions.conftest import make_tracker, responses

ASKED_ORDER = [{"event": "slot", "name": "requested_slot", "value": "order_id"}]
REMEDY_SET = [{"event": "slot", "name": "desired_remedy", "value": "exchange"}]


def _tracker(text, history):
    return make_tracker(
        text,
        "inform",
        slots={"requested_slot": "order_id", "desired_remedy": "exchange"},
        history=history,
        active_loop="complaint_form",
        after_user=REMEDY_SET,
    )


async def test_a_remedy_instead_of_the_number_is_noted_before_asking_again(dispatcher, domain):
    await ActionAskOrderId().run(dispatcher, _tracker("想换大一码", ASKED_ORDER), domain)
    assert responses(dispatcher) == ["utter_ask_order_id_remedy_noted"]
    assert dispatcher.messages[0]["remedy_label"] == "换货"


async def test_a_remedy_in_the_opening_gets_the_plain_question(dispatcher, domain):
    """The first ask, after "裙子小了 想换大一码": nothing was asked yet to answer instead."""
    await ActionAskOrderId().run(dispatcher, _tracker("裙子小了 想换大一码", []), domain)
    assert responses(dispatcher) == ["utter_ask_order_id"]


def test_every_wording_names_the_remedy_and_asks_for_the_number(domain):
    for variant in domain["responses"]["utter_ask_order_id_remedy_noted"]:
        assert "{remedy_label}" in variant["text"] and "订单号" in variant["text"]

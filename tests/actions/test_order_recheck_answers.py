"""Answers to the re-check of an order number we could not find that are no yes or number.

Hand test (ux5): asked to check the number once more, a Cantonese customer said it was a
phone number ("唔係呀 嗰個係電話號碼嚟㗎"), and another wished a remedy instead ("想換過個新嘅");
both were met by the same check again, the first after "已更新", the wish unacknowledged.
"""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.form_questions import ActionAskOrderId
from actions.order_slots import number_called_a_phone
from actions.validation import ValidateComplaintForm
from bot.intake import answers
from tests.actions.conftest import make_tracker, responses, slot_events

PHONE = "91234567"
UNKNOWN = "998877665544"
BEFORE = [
    {"event": "slot", "name": "issue_category", "value": "logistics"},
    {"event": "slot", "name": "requested_slot", "value": "order_id"},
]
FORM_PASS = [{"event": "action", "name": "complaint_form"}]


def at_recheck(text, intent, pending=PHONE, before=(), slots=None, after_user=None):
    """The order question open again for `pending`, which the previous turn could not find."""
    history = BEFORE + list(before) + [{"event": "slot", "name": "pending_order_id", "value": pending}]
    state = {
        "requested_slot": "order_id",
        "issue_category": "logistics",
        "pending_order_id": pending,
        **{e["name"]: e["value"] for e in before},
        **(slots or {}),
    }
    return make_tracker(text, intent, slots=state, history=history, after_user=after_user)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("唔係呀 嗰個係電話號碼嚟㗎", "correct"),
        ("不是 那个是电话号码", "correct"),
        ("那是我手机号", "correct"),
        ("不是 那个是电话号码", "deny"),
        ("頭先嗰個係我手機", "nlu_fallback"),
    ],
)
async def test_a_number_said_to_be_a_phone_is_the_contact_and_no_order(
    dispatcher, domain, text, intent
):
    events = await ValidateComplaintForm().run(dispatcher, at_recheck(text, intent), domain)

    slots = slot_events(events)
    assert not any(e.get("event") == "action_execution_rejected" for e in events)
    assert slots["pending_order_id"] is None and slots["order_id"] is None
    assert slots["contact"] == PHONE and slots["contact_status"] == "given"
    assert "order_missing" not in slots  # the order number is still to be asked for
    assert slots.get("issue_category", "logistics") == "logistics"


async def test_then_the_order_number_is_asked_once_saying_the_phone_was_noted(dispatcher, domain):
    taken = [
        {"event": "slot", "name": "pending_order_id", "value": None},
        {"event": "slot", "name": "contact", "value": PHONE},
        {"event": "slot", "name": "contact_status", "value": "given"},
    ]
    tracker = at_recheck(
        "唔係呀 嗰個係電話號碼嚟㗎",
        "correct",
        slots={"pending_order_id": None, "contact": PHONE, "contact_status": "given"},
        after_user=taken,
    )
    await ActionAskOrderId().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_order_id_phone_noted"]


async def test_a_customer_who_declined_calls_is_not_given_a_contact(dispatcher, domain):
    """Saying what the number was is no consent to be called after "不用留电话"."""
    declined = [{"event": "slot", "name": "contact_status", "value": "declined"}]
    tracker = at_recheck("那是我手机号", "correct", before=declined)

    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))

    assert slots["pending_order_id"] is None
    assert "contact" not in slots and slots.get("contact_status", "declined") == "declined"
    asking = at_recheck(
        "那是我手机号",
        "correct",
        before=declined,
        slots={"pending_order_id": None},
        after_user=[{"event": "slot", "name": "pending_order_id", "value": None}],
    )
    await ActionAskOrderId().run(dispatcher, asking, domain)
    assert responses(dispatcher) == ["utter_ask_order_id_not_phone"]


async def test_a_number_no_phone_has_the_shape_of_is_dropped_but_no_contact(dispatcher, domain):
    """Twelve digits said to be a phone: not the order (the customer says so), not a contact."""
    tracker = at_recheck("那个是电话号码", "correct", pending=UNKNOWN)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["pending_order_id"] is None and "contact" not in slots


@pytest.mark.parametrize(
    "text, pending",
    [
        ("那个不是电话号码", PHONE),  # stands by it as the order
        ("那是电话号码吗", PHONE),  # a question
    ],
)
async def test_what_stays_a_recheck(dispatcher, domain, text, pending):
    tracker = at_recheck(text, "correct", pending=pending)
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events).get("pending_order_id", pending) == pending
    assert "contact" not in slot_events(events)


async def test_at_the_read_back_a_number_said_to_be_a_phone_is_dropped(dispatcher, domain):
    """"單號係 91234567" at the read-back, then "that was a phone": the order read back stays,
    the category the triage read into the message does not replace the one read back."""
    facts = {
        "order_id": "202411235567",
        "order_verified": True,
        "issue_category": "logistics",
        "issue_description": "個杯收到就爛咗",
        "desired_remedy": "refund",
        "evidence_status": "none",
        "contact_status": "declined",
        "awaiting_confirmation": True,
    }
    history = [{"event": "slot", "name": k, "value": v} for k, v in facts.items()]
    history.append({"event": "slot", "name": "pending_order_id", "value": PHONE})
    tracker = make_tracker(
        "唔係呀 嗰個係電話號碼嚟㗎",
        "correct",
        slots={**facts, "pending_order_id": PHONE, "issue_category": "wrong_or_missing_item"},
        history=history,
        after_user=[{"event": "slot", "name": "issue_category", "value": "wrong_or_missing_item"}],
    )

    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)

    slots = slot_events(events)
    assert slots["pending_order_id"] is None and slots["issue_category"] == "logistics"
    assert "contact" not in slots  # calls were declined before
    assert responses(dispatcher) == ["utter_noted_phone_not_order", "utter_read_back"]
    assert dispatcher.messages[1]["order_display"].startswith("202411235567")


@pytest.mark.parametrize(
    "text, intent, before, wished",
    [
        ("想換過個新嘅", "inform", None, "exchange"),
        ("想換過個新嘅", "deny", None, "exchange"),  # no remedy entity, an intent it was lost in
        ("想換過個新嘅", "inform", "refund", "exchange"),  # a wish instead of the one before
        ("还是退款吧", "correct", "exchange", "refund"),
    ],
)
async def test_a_remedy_wished_at_the_recheck_is_taken(
    dispatcher, domain, text, intent, before, wished
):
    known = [{"event": "slot", "name": "desired_remedy", "value": before}] if before else []
    tracker = at_recheck(text, intent, pending=UNKNOWN, before=known, after_user=FORM_PASS)

    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    slots = slot_events(events)
    assert slots["desired_remedy"] == wished
    assert slots.get("pending_order_id", UNKNOWN) == UNKNOWN  # the number still waits for a yes
    said = responses(dispatcher)  # the re-check says it
    assert "utter_noted_correction" not in said and "utter_noted_changes" not in said


async def test_the_recheck_after_a_remedy_says_it_was_noted_in_other_words(dispatcher, domain):
    tracker = at_recheck(
        "想換過個新嘅",
        "inform",
        pending=UNKNOWN,
        slots={"desired_remedy": "exchange"},
        after_user=[{"event": "slot", "name": "desired_remedy", "value": "exchange"}],
    )
    await ActionAskOrderId().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_order_recheck_remedy_noted"]
    message = dispatcher.messages[0]
    assert message["remedy_label"] == "换货" and message["pending_order_id"] == UNKNOWN
    assert message["buttons"]  # the confirm button stays


async def test_the_remedy_stays_once_the_number_is_confirmed(dispatcher, domain):
    known = [{"event": "slot", "name": "desired_remedy", "value": "exchange"}]
    tracker = at_recheck("确认", "affirm", pending=UNKNOWN, before=known, after_user=FORM_PASS)
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["order_id"] == UNKNOWN and slots["order_verified"] is False
    assert slots.get("desired_remedy", "exchange") == "exchange"


async def test_the_message_is_read_once_for_every_step_of_the_form(
    dispatcher, domain, monkeypatch
):
    """Review (rev3): the extraction of the order and of the contact and their validations
    each asked again whether this message calls the number a phone; it is read once now,
    with the same result as before."""
    calls = []
    real = answers.calls_number_a_phone
    monkeypatch.setattr(
        answers, "calls_number_a_phone", lambda text: calls.append(text) or real(text)
    )
    tracker = at_recheck("唔係呀 嗰個係電話號碼嚟㗎", "correct")

    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    assert calls == ["唔係呀 嗰個係電話號碼嚟㗎"]
    slots = slot_events(events)
    assert slots["contact"] == PHONE and slots["pending_order_id"] is None


async def test_each_message_is_read_for_itself(dispatcher, domain):
    """The reading kept for one message (one tracker) is never another's: after a message
    that calls the number a phone, one that does not keeps the check."""
    said = at_recheck("不是 那个是电话号码", "correct")
    assert number_called_a_phone(said) == PHONE
    other = at_recheck("号码没错", "affirm")
    assert number_called_a_phone(other) is None
    assert number_called_a_phone(said) == PHONE
    # the same message away from the re-check (another question open) calls nothing a phone
    said.slots["requested_slot"] = "desired_remedy"
    assert number_called_a_phone(said) is None

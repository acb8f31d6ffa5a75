"""An order number typed over two messages completes the one waiting for a check.

dialogues_dev17 w011-w014: "订单号2024 1123" was checked ("we could not find 20241123"), and
the rest ("还没打完 后面是5567", "200012 刚才没发完", "少打了 后面还有05") was filed as a number
of its own or asked about until the customer gave up.
"""

import pytest

from actions.validation import ValidateComplaintForm
from bot.intake import order_fragments
from tests.actions.conftest import make_tracker, slot_events

PATTERN = r"^[A-Za-z0-9]{6,24}$"


def at_recheck(text, intent="inform", pending="20241123", entities=None, mapped=None):
    """The order question open again for `pending`, which the previous turn could not find.

    `mapped`: the slots the slot mappings' pass set for this message before the form's pass.
    """
    history = [
        {"event": "slot", "name": "issue_category", "value": "logistics"},
        {"event": "slot", "name": "requested_slot", "value": "order_id"},
        {"event": "slot", "name": "pending_order_id", "value": pending},
    ]
    state = {
        "requested_slot": "order_id",
        "issue_category": "logistics",
        "pending_order_id": pending,
    }
    state.update(mapped or {})
    after = [{"event": "slot", "name": k, "value": v} for k, v in (mapped or {}).items()]
    return make_tracker(
        text, intent, entities=entities, slots=state, history=history, after_user=after
    )


def read_as_a_number(rest):
    """The NLU's entity for the rest, and what the mappings' pass made of it: a number to check."""
    return [{"entity": "order_id", "value": rest}], {"order_id": None, "pending_order_id": rest}


@pytest.mark.parametrize(
    "pending, text, rest, whole",
    [
        ("20241123", "还没打完 后面是5567", None, "202411235567"),  # said to go on
        ("2024111803", "少打了 后面还有05", None, "202411180305"),  # too short to be a number
        ("20241123", "5567", None, "202411235567"),
        # six digits and more, read as a number of its own; only the joined one is known
        ("202411", "200012 刚才没发完", "200012", "202411200012"),
        ("DD2024", "1123889 頭先未打完", "1123889", "DD20241123889"),
        ("202411", "200012", "200012", "202411200012"),
    ],
)
async def test_the_rest_of_the_number_completes_the_one_being_checked(
    dispatcher, domain, pending, text, rest, whole
):
    entities, mapped = read_as_a_number(rest) if rest else ([], None)
    tracker = at_recheck(text, pending=pending, entities=entities, mapped=mapped)
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    slots = slot_events(events)
    assert slots["order_id"] == whole
    assert slots["order_verified"] is True
    assert slots.get("pending_order_id") is None


async def test_a_whole_other_number_is_read_as_usual(dispatcher, domain):
    """A known number of its own at the re-check replaces the unknown one, joined with nothing."""
    tracker = at_recheck(
        "202411200012",
        pending="20241123",
        entities=[{"entity": "order_id", "value": "202411200012"}],
        mapped={"order_id": "202411200012", "order_verified": True, "pending_order_id": None},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    assert slot_events(events)["order_id"] == "202411200012"


async def test_an_unknown_rest_said_to_go_on_is_checked_joined(dispatcher, domain):
    """The joined number unknown too: that one is checked with the customer, not the piece."""
    tracker = at_recheck("还没打完 后面是9999", pending="20241123")
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    slots = slot_events(events)
    assert slots.get("order_id") is None
    assert slots["pending_order_id"] == "202411239999"


@pytest.mark.parametrize(
    "text, rest",
    [
        ("还没打完 后面是55 67", "5567"),
        ("确认", None),
        ("5567 电话13812345678", None),
        ("dd2024", "DD2024"),
    ],
)
def test_the_rest_is_one_piece_of_letters_and_digits(text, rest):
    assert order_fragments.rest_of_number(text) == rest


def test_the_same_number_again_or_a_new_whole_one_completes_nothing():
    assert order_fragments.complete("20241123", "20241123 号码没错", PATTERN) is None
    assert order_fragments.complete("20241123", "202411235567", PATTERN) is None


def test_a_phone_said_to_follow_is_no_rest_of_the_number():
    assert not order_fragments.says_number_continues("后面是我的电话 13812345678")
    assert order_fragments.says_number_continues("頭先未打完")


async def test_the_joined_number_is_said_back_and_the_rest_is_no_part_of_the_problem(
    dispatcher, domain
):
    """Lead's hand trial: "还没打完 后面是5567" was answered "补充的情况已经记上了" and the words
    went into the description; the joined number was never said."""
    tracker = at_recheck("还没打完 后面是5567")
    tracker.slots["issue_description"] = "收到货就已经裂开了"
    tracker.events.append({"event": "action", "name": "complaint_form"})  # the form's own pass

    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)

    slots = slot_events(events)
    assert slots["order_id"] == "202411235567"
    assert "issue_description" not in slots
    sent = [(m.get("response"), m.get("order_id")) for m in dispatcher.messages]
    assert ("utter_noted_order_completed", "202411235567") in sent
    assert all(response != "utter_noted_description" for response, _ in sent)


@pytest.mark.parametrize(
    "text, only_the_rest",
    [
        ("还没打完 后面是5567", True),
        ("订单号没打完，后面是5567哦", True),
        ("少打了两位 67", True),
        ("頭先未打完 5567", True),
        ("还没打完 后面是5567 杯子也碎了", False),  # more of the problem too
        ("后面是我的电话 13812345678", False),
        ("5567", False),  # no words saying it goes on: read as a number
    ],
)
def test_only_the_rest_of_a_number(text, only_the_rest):
    assert order_fragments.only_continues_number(text) is only_the_rest


async def test_an_order_said_never_shipped_is_told_what_the_record_says(dispatcher, domain):
    """Lead's hand trial: "四件套一直没发货" with an order shipped a week earlier; the customer
    was never told it left on the 19th with 韵达 (waybill YD3100998877)."""
    tracker = make_tracker(
        "DD20241123889",
        "inform",
        entities=[{"entity": "order_id", "value": "DD20241123889"}],
        slots={
            "requested_slot": "order_id",
            "issue_category": "logistics",
            "issue_description": "我买的四件套一直没发货 都一个礼拜了",
            "order_id": "DD20241123889",
        },
        # the slot mappings' pass filled the number; the form's own pass validates it
        after_user=[
            {"event": "action", "name": "complaint_form"},
            {"event": "slot", "name": "order_id", "value": "DD20241123889"},
        ],
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["order_id"] == "DD20241123889" and slots["order_verified"] is True
    [told] = [m for m in dispatcher.messages if m.get("response") == "utter_order_record_shipped"]
    assert told["tracking_no"] == "YD3100998877" and told["shipped_on"] == "2024年11月19日"

"""Small talk mid-form from Hong Kong, Taiwan and mainland customers (dialogues_dev20, trial9).

Each test is a message that went wrong before: "你哋老細係邊個呀", "今日好熱呀", "你哋做到幾點㗎"
heard "这个我答不上来😅"; "你食咗飯未" read as a complaint went into the description; "你吃飽了
沒" read as a no settled the photo question; "你哋係咪喺深圳㗎" (unplaced) at the phone
question was met by the question's hint. Real rasa-sdk trackers, as in test_off_the_rails.
"""

import pytest

from actions.asides import ActionAsideInForm
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events
from tests.actions.test_off_the_rails import KETTLE, _mid_form


@pytest.mark.parametrize(
    "text, response",
    [
        ("你哋老細係邊個呀", "utter_aside_boss"),
        ("今日好熱呀 十二月仲廿幾度", "utter_aside_weather"),
        ("今天台北下大雨欸", "utter_aside_weather"),
        ("你们公司在哪个城市啊", "utter_aside_where"),
        ("你吃饭了吗", "utter_aside_meal"),
        ("你哋做到幾點㗎", "utter_aside_hours"),
        ("哈哈 你回得好快", "utter_aside_praise"),
    ],
)
async def test_small_talk_mid_form_is_answered_by_its_kind(dispatcher, domain, text, response):
    tracker = make_tracker(
        text, "out_of_scope", slots={"requested_slot": "order_id"}, active_loop="complaint_form"
    )
    await ActionAsideInForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [response]
    assert response in domain["responses"]


async def test_a_meal_greeting_read_as_a_complaint_is_no_part_of_the_description(
    dispatcher, domain
):
    facts = {k: v for k, v in KETTLE.items() if k not in ("desired_remedy", "evidence_status")}
    tracker = _mid_form("你食咗飯未", "complain", facts, "desired_remedy")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert "issue_description" not in slots
    assert "desired_remedy" not in slots
    assert "utter_aside_meal" in responses(dispatcher)
    assert slots.get("unclear_answer") == "desired_remedy:asked"  # asked again plainly


async def test_a_meal_greeting_read_as_a_no_does_not_settle_the_photo_question(dispatcher, domain):
    facts = {k: v for k, v in KETTLE.items() if k != "evidence_status"}
    tracker = _mid_form("你吃飽了沒", "deny", facts, "evidence_status")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert not slots.get("evidence_status")
    assert "utter_aside_meal" in responses(dispatcher)


async def test_where_the_shop_is_unplaced_at_the_phone_question_declines_nothing(
    dispatcher, domain
):
    tracker = _mid_form("你哋係咪喺深圳㗎", "nlu_fallback", KETTLE, "contact_status")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert not slots.get("contact_status")
    assert responses(dispatcher)[:1] == ["utter_aside_where"]

"""A legal or media threat written while a question of the form is open (hand trial trial3).

"我要去微博曝光你们" at the photo question got the question's hint ("有照片、截图或视频的话直接
发给我就行…"), "再不处理我就去12315投诉你们！！" at the contact question the contact hint: the
threat was read as an unclear answer and never acknowledged, although the ticket it makes is
urgent. The threat is apologised for ("已标记为加急") and the question asked once more,
plainly; it is no unclear answer (a second unclear reply moves on with defaults).

Both of the turn's validation passes run as Rasa runs them (`Customer`,
tests/actions/test_evidence_photo_first.py) on real rasa-sdk trackers.
"""

from typing import Any, Dict

import pytest

from actions.form_turn import THREAT
from tests.actions.test_facts_restated import Restating

AT_PHOTOS: Dict[str, Any] = {
    "issue_description": "电热水壶用了一次就坏了",
    "issue_category": "product_quality",
    "order_id": "202411191024",
    "order_verified": True,
    "desired_remedy": "refund",
    "requested_slot": "evidence_status",
}
AT_CONTACT: Dict[str, Any] = {
    **AT_PHOTOS,
    "evidence_status": "none",
    "requested_slot": "contact_status",
}


@pytest.mark.parametrize(
    "facts, text, question",
    [
        (AT_PHOTOS, "我要去微博曝光你们", "evidence_status"),
        (AT_CONTACT, "再不处理我就去12315投诉你们！！", "contact_status"),
    ],
)
async def test_a_threat_at_an_open_question_is_apologised_for_not_hinted_at(
    domain, facts, text, question
):
    customer = Restating(domain, facts)
    await customer.says_with(text, "nlu_fallback")
    assert customer.said[0] == "utter_noted_threat"
    assert "utter_ask_evidence_status_unclear" not in customer.said
    assert customer.slots["unclear_answer"] == f"{question}{THREAT}"
    assert customer.slots.get(question) is None
    assert customer.slots["issue_description"] == "电热水壶用了一次就坏了"  # no fact told


async def test_the_photo_question_after_a_threat_is_asked_plainly(domain):
    customer = Restating(domain, AT_PHOTOS)
    await customer.says_with("我要去微博曝光你们", "nlu_fallback")
    assert customer.said == ["utter_noted_threat", "utter_ask_evidence_status"]


async def test_an_unclear_reply_after_a_threat_is_asked_again_not_moved_on(domain):
    customer = Restating(domain, AT_PHOTOS)
    await customer.says_with("我要去微博曝光你们", "nlu_fallback")
    await customer.says_with("就是那个嘛", "nlu_fallback")
    assert customer.slots.get("evidence_status") is None
    assert customer.slots["unclear_answer"] == "evidence_status"


async def test_a_threat_beside_an_answer_is_acknowledged_and_the_answer_taken(domain):
    customer = Restating(domain, AT_PHOTOS)
    await customer.says_with("没有照片 再拖我就去12315", "complain")
    assert customer.said[0] == "utter_noted_threat"
    assert customer.slots["evidence_status"] == "none"
    assert not customer.slots.get("unclear_answer")


async def test_a_message_without_a_threat_gets_no_apology(domain):
    customer = Restating(domain, AT_PHOTOS)
    await customer.says_with("就是那个嘛", "nlu_fallback")
    assert "utter_noted_threat" not in customer.said


@pytest.mark.parametrize("text", ["再不處理我就去消基會投訴", "再不处理就去黑猫投诉"])
async def test_a_threat_read_as_a_cancel_keeps_the_complaint(domain, text):
    """Hand trial trial3: "再不處理我就去消基會投訴" at the photo question, read as a cancel
    (0.67), dropped the complaint ("好的，這次就先不登記了"): the customer wanted it handled."""
    customer = Restating(domain, AT_PHOTOS)
    turn = await customer.says_with(text, "cancel")
    assert customer.said == ["utter_noted_threat", "utter_ask_evidence_status"]
    assert turn["unclear_answer"] == f"evidence_status{THREAT}"

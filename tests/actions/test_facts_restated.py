"""A fact already known, restated at another question (hand trials, intake9).

The remedy was reship; at the photo question the customer wrote "补发赠品" ("就是要补发",
"我说了要退款" for a refund): the photo question came back word for word, as if nothing had
been said. The restated fact is acknowledged ("好的，补发已记下") and the open question asked
once more; a restated fact that differs from the one kept is a correction.

Each message runs through both of the turn's validation passes as Rasa runs them
(`Customer`, tests/actions/test_evidence_photo_first.py) on real rasa-sdk trackers, with the
entities the NLU finds in it.
"""

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker
from tests.actions.test_evidence_photo_first import FORM_PASS, Customer

RESHIP_AT_PHOTOS: Dict[str, Any] = {
    "issue_description": "快递把杯子压碎了",
    "issue_category": "logistics",
    "order_id": "202411235567",
    "order_verified": True,
    "desired_remedy": "reship",
    "requested_slot": "evidence_status",
}
EVIDENCE_QUESTIONS = ("utter_ask_evidence_status", "utter_ask_more_evidence")


class Restating(Customer):
    """A customer whose messages carry the NLU's entities (`says_with`)."""

    def __init__(self, domain: Dict[str, Any], facts: Dict[str, Any]) -> None:
        super().__init__(domain)
        self.history = [{"event": "slot", "name": k, "value": v} for k, v in facts.items()]
        self.slots.update(facts)
        self.entities: List[Dict[str, Any]] = []

    async def says_with(
        self, text: str, intent: str, entities: Optional[Dict[str, str]] = None
    ) -> Dict[str, Any]:
        """The message with its entities, which the domain's mappings put in their slots."""
        self.entities = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
        try:
            return await self.says(text, intent, mapped=entities)
        finally:
            self.entities = []

    def _tracker(self, text, intent, metadata, after_user):
        tracker = super()._tracker(text, intent, metadata, after_user)
        tracker.latest_message["entities"] = list(self.entities)
        return tracker


@pytest.mark.parametrize(
    "text, intent, remedy, label",
    [
        ("补发赠品", "inform", "reship", "补发"),
        ("就是要补发", "inform", "reship", "补发"),
        ("我说了要退款", "nlu_fallback", "refund", "仅退款"),
        ("不是说了补发吗", "correct", "reship", "补发"),
    ],
)
async def test_a_remedy_restated_at_the_photo_question_is_acknowledged(
    domain, text, intent, remedy, label
):
    customer = Restating(domain, {**RESHIP_AT_PHOTOS, "desired_remedy": remedy})
    await customer.says_with(text, intent, {"desired_remedy": remedy})
    assert customer.said[0] == "utter_noted_restated"
    assert customer.messages[0]["restated_facts"] == label
    # the photo question once more, plainly: nothing was unclear, nothing changed
    assert [r for r in customer.said if r in EVIDENCE_QUESTIONS] == ["utter_ask_evidence_status"]
    assert len(customer.said) == 2
    assert customer.slots["desired_remedy"] == remedy
    assert customer.slots.get("evidence_status") is None
    assert not customer.slots.get("unclear_answer")


async def test_a_remedy_restated_without_an_entity_still_validates_a_slot(domain):
    """No slot mapping set the remedy ("就是要补发" with no entity found): the form's pass must
    still validate a slot, or Rasa rejects the form and the default fallback answers."""
    history = [{"event": "slot", "name": k, "value": v} for k, v in RESHIP_AT_PHOTOS.items()]
    tracker = make_tracker(
        "就是要补发",
        "inform",
        slots=RESHIP_AT_PHOTOS,
        history=history,
        active_loop="complaint_form",
        after_user=[FORM_PASS],
    )
    dispatcher = CollectingDispatcher()
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    validated = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert validated.get("desired_remedy") == "reship"
    assert [m["response"] for m in dispatcher.messages] == ["utter_noted_restated"]


async def test_the_question_is_then_answered_as_usual(domain):
    customer = Restating(domain, RESHIP_AT_PHOTOS)
    await customer.says_with("补发赠品", "inform", {"desired_remedy": "reship"})
    await customer.says("没拍", "deny")
    assert customer.slots["evidence_status"] == "none"
    assert customer.slots["requested_slot"] == "contact_status"
    assert customer.slots["desired_remedy"] == "reship"


async def test_an_order_number_restated_at_the_photo_question_is_acknowledged(domain):
    customer = Restating(domain, RESHIP_AT_PHOTOS)
    await customer.says_with(
        "订单号刚才给过了 202411235567", "inform", {"order_id": "202411235567"}
    )
    assert customer.said[0] == "utter_noted_restated"
    assert customer.messages[0]["restated_facts"] == "订单号 202411235567"
    assert customer.slots["order_id"] == "202411235567"


@pytest.mark.parametrize(
    "text, intent", [("我说了要退款", "nlu_fallback"), ("我要的是退款", "inform")]
)
async def test_a_restated_remedy_that_differs_is_a_correction(domain, text, intent):
    customer = Restating(domain, RESHIP_AT_PHOTOS)
    await customer.says_with(text, intent, {"desired_remedy": "refund"})
    assert customer.slots["desired_remedy"] == "refund"
    assert customer.said[0] == "utter_noted_changes"
    assert "utter_noted_restated" not in customer.said


async def test_an_answer_that_also_restates_the_remedy_is_just_an_answer(domain):
    customer = Restating(domain, RESHIP_AT_PHOTOS)
    await customer.says_with("补发就行 照片没拍", "deny", {"desired_remedy": "reship"})
    assert customer.slots["evidence_status"] == "none"
    assert "utter_noted_restated" not in customer.said


async def test_the_acknowledgement_reads_in_traditional_for_traditional_writers(domain):
    from bot.i18n import localize

    [template] = domain["responses"]["utter_noted_restated"][:1]
    shown = localize(template["text"].format(restated_facts="補發"), "hant")
    assert "記下" in shown

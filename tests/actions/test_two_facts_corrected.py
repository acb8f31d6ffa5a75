"""The problem and the remedy corrected in one message (dialogues_dev13 n061, n064).

"等等 不是品質問題 是寄錯型號了 然後我要換貨不是退款" after the read-back changed the remedy
and kept the category: a message that named another fact counted as no correction of the
problem, so the ticket was filed as a quality problem.
"""

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses, slot_events

TWO_FACTS = "等等 不是品質問題 是寄錯型號了 然後我要換貨不是退款"
BEFORE = {"issue_category": "product_quality", "desired_remedy": "refund"}
SAID = {"issue_category": "wrong_or_missing_item", "desired_remedy": "exchange"}


def _triage():
    ranking = [{"code": "wrong_or_missing_item", "confidence": 0.85}]
    summary = {"code": "wrong_or_missing_item", "confidence": 0.85, "ranking": ranking}
    return {"complaint_triage": {"category": summary, "category_affirmed": summary}}


def _slot_events(values):
    return [{"event": "slot", "name": k, "value": v} for k, v in values.items()]


async def test_both_facts_corrected_at_the_read_back_are_applied(dispatcher, domain):
    tracker = make_tracker(
        TWO_FACTS,
        "correct",
        slots={**FACTS, **SAID},
        history=_slot_events(BEFORE),
        after_user=_slot_events(SAID),
        extra=_triage(),
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert {k: slot_events(events)[k] for k in SAID} == SAID
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]


async def test_both_facts_corrected_mid_form_are_applied(dispatcher, domain):
    slots = {
        "requested_slot": "evidence_status",
        "issue_description": "耳機充不了電",
        "order_id": "202411180305",
        **SAID,
    }
    tracker = make_tracker(
        TWO_FACTS,
        "correct",
        slots=slots,
        history=_slot_events(BEFORE),
        after_user=[{"event": "action", "name": "complaint_form"}, *_slot_events(SAID)],
        extra=_triage(),
        active_loop="complaint_form",
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "wrong_or_missing_item"
    assert slot_events(events)["desired_remedy"] == "exchange"


async def test_an_order_number_corrected_beside_a_denial_keeps_the_category(dispatcher, domain):
    tracker = make_tracker(
        "不对 订单号错了 不是这个 是202411191024",
        "correct",
        slots={**FACTS, "issue_category": "product_quality"},
        history=_slot_events({"issue_category": "wrong_or_missing_item"}),
        after_user=_slot_events({"issue_category": "product_quality", "order_id": "202411191024"}),
        extra=_triage(),
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "wrong_or_missing_item"

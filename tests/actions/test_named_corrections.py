"""A correction is acknowledged by naming what changed and to what (ux10).

"收到，已更新。" after "算了不退了，换一个吧" left the customer guessing what the bot changed.
"""

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses


def _changed_facts(dispatcher):
    return [m.get("changed_facts") for m in dispatcher.messages if m.get("changed_facts")]


async def test_a_remedy_changed_mid_form_is_named_with_its_label(dispatcher, domain):
    tracker = make_tracker(
        "算了不退了，换一个吧",
        "correct",
        slots={"requested_slot": "evidence_status", "desired_remedy": "exchange"},
        history=[{"event": "slot", "name": "desired_remedy", "value": "return_refund"}],
    )
    await ValidateComplaintForm().validate_desired_remedy("exchange", dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_noted_changes"]
    assert _changed_facts(dispatcher) == ["诉求：换货"]  # the label, never "exchange"


async def test_an_order_number_corrected_at_the_read_back_is_named(dispatcher, domain):
    tracker = make_tracker(
        "订单号打错了，是 2024 1115 0420",
        "correct",
        slots=FACTS,
        history=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
        after_user=[{"event": "slot", "name": "order_id", "value": "202411150420"}],
    )
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_noted_changes"
    assert _changed_facts(dispatcher) == ["订单号：202411150420"]


async def test_only_what_changed_is_named_beside_a_repeated_fact(dispatcher, domain):
    tracker = make_tracker(
        "订单号 202411235567 没错 改成退款吧",
        "correct",
        slots=FACTS,
        history=[
            {"event": "slot", "name": "order_id", "value": "202411235567"},
            {"event": "slot", "name": "desired_remedy", "value": "reship"},
        ],
        after_user=[{"event": "slot", "name": "order_id", "value": "202411235567"}],
    )
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert _changed_facts(dispatcher) == ["诉求：仅退款"]


async def test_a_category_corrected_mid_form_is_named_with_its_label(dispatcher, domain):
    tracker = make_tracker(
        "不对，是发错货了",
        "correct",
        slots={"requested_slot": "desired_remedy", "issue_category": "wrong_or_missing_item"},
        history=[{"event": "slot", "name": "issue_category", "value": "logistics"}],
        after_user=[{"event": "action", "name": "complaint_form"}],
        active_loop="complaint_form",
    )
    result = await ValidateComplaintForm().validate_issue_category(
        "wrong_or_missing_item", dispatcher, tracker, domain
    )
    assert result == {"issue_category": "wrong_or_missing_item"}
    assert responses(dispatcher) == ["utter_noted_changes"]
    assert _changed_facts(dispatcher)[0].startswith("问题：") and "wrong" not in str(
        _changed_facts(dispatcher)
    )


async def test_more_of_the_problem_keeps_the_generic_acknowledgment(dispatcher, domain):
    tracker = make_tracker("还有一个杯子把手也是断的", "complain", slots=FACTS)
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_noted_correction"
    assert _changed_facts(dispatcher) == []


def test_the_named_acknowledgment_is_a_domain_response(domain):
    texts = [v["text"] for v in domain["responses"]["utter_noted_changes"]]
    assert texts and all("{changed_facts}" in t for t in texts)

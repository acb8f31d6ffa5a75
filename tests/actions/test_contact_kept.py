"""dialogues_dev25 (trial14): the contact kept at the read-back ("就用刚才那个手机号")."""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.intake import ActionNotUnderstood
from tests.actions.conftest import make_tracker, responses, slot_events
from tests.actions.test_confirmation import FACTS

GIVEN = {**FACTS, "contact": "13812345678", "contact_status": "given"}


async def test_the_contact_read_back_kept_is_no_correction(dispatcher, domain):
    for text in [
        "就用刚才那个手机号",
        "电话就用刚才那个",
        "電話就用剛剛那個就好",
        "手机号没变 就用这个",
    ]:
        dispatcher.messages.clear()
        tracker = make_tracker(text, "inform", slots=GIVEN)
        events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
        assert responses(dispatcher) == ["utter_contact_kept"], text
        assert dispatcher.messages[0]["contact"] == "138****5678"
        assert "contact" not in slot_events(events)


async def test_what_the_triage_read_into_it_is_undone(dispatcher, domain):
    tracker = make_tracker(
        "电话就用刚才那个",
        "correct",
        slots={**GIVEN, "issue_category": "product_quality"},
        after_user=[{"event": "slot", "name": "issue_category", "value": "product_quality"}],
        history=[{"event": "slot", "name": "issue_category", "value": "logistics"}],
    )
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["issue_category"] == "logistics"


async def test_not_understood_at_the_read_back_it_is_still_kept(dispatcher, domain):
    """ "號碼同之前一樣" was nlu_fallback: "没太明白"."""
    tracker = make_tracker("號碼同之前一樣", "nlu_fallback", slots=GIVEN)
    await ActionNotUnderstood().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_contact_kept"]


async def test_a_phone_said_earlier_becomes_the_contact(dispatcher, domain):
    story = "快递员说打我电话13812345678没人接 四件套到现在没收到 退款吧"
    earlier = {"event": "user", "text": story, "parse_data": {"entities": []}}
    tracker = make_tracker(
        "还是留个电话吧 就用刚才那个号", "correct", slots=FACTS, history=[earlier]
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["contact"] == "13812345678" and slots["contact_status"] == "given"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]
    assert dispatcher.messages[1]["contact_display"] == "138****5678"


async def test_a_new_number_is_still_a_change(dispatcher, domain):
    tracker = make_tracker(
        "电话换成13900001111",
        "correct",
        entities=[{"entity": "phone", "value": "13900001111"}],
        slots=GIVEN,
    )
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["contact"] == "13900001111"


@pytest.mark.parametrize("text", ["不用留电话", "电话就不留了", "唔使留電話"])
async def test_no_call_said_again_when_none_is_left_changes_nothing(dispatcher, domain, text):
    """Lead's hand trial (2026-12-04, widget): "不用留电话" with 联系方式：未留 read back was
    asked "哪一项要改？"."""
    slots = {**FACTS, "contact": None, "contact_status": "declined"}
    tracker = make_tracker(
        text,
        "deny",
        slots=slots,
        after_user=[{"event": "slot", "name": "issue_category", "value": "other"}],
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_correction_unchanged"]
    assert slot_events(events).get("contact") is None

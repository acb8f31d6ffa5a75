"""A contact corrected is acknowledged by naming it, masked, as other corrections are (ux11).

"电话打错了，是139 1234 5678" at another question was met by that question alone, and
"联系方式改成微信 abc123" (at the read-back or mid-form) by "请直接告诉我要改的内容"; ux10
named only the order, the problem and the remedy.
"""

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses, slot_events

GIVEN = {**FACTS, "contact": "13812345678", "contact_status": "given"}
FORM_PASS = [{"event": "action", "name": "complaint_form"}]
MID_FORM = {
    **GIVEN,
    "awaiting_confirmation": False,
    "requested_slot": "evidence_status",
    "evidence_status": None,
}
ON_FILE = [{"event": "slot", "name": "contact", "value": "13812345678"}]


def _changed_facts(dispatcher):
    return [m.get("changed_facts") for m in dispatcher.messages if m.get("changed_facts")]


async def test_a_wechat_id_at_the_read_back_is_the_new_contact_named_masked(dispatcher, domain):
    tracker = make_tracker("联系方式改成微信 abc123", "correct", slots=GIVEN, history=ON_FILE)
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["contact"] == "微信 abc123" and slots["contact_status"] == "given"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]
    assert _changed_facts(dispatcher) == ["联系方式：微信 a****23"]


async def test_a_phone_withdrawn_at_the_read_back_is_named_as_not_left(dispatcher, domain):
    tracker = make_tracker("电话还是别留了", "deny", slots=GIVEN, history=ON_FILE)
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert _changed_facts(dispatcher) == ["联系方式：未留"]


async def test_a_phone_corrected_mid_form_is_named_masked(dispatcher, domain):
    text = "电话打错了，是139 1234 5678"
    tracker = make_tracker(
        text,
        "correct",
        entities=[{"entity": "phone", "value": "13912345678"}],
        slots=MID_FORM,
        history=ON_FILE,
        active_loop="complaint_form",
        after_user=FORM_PASS,
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["contact"] == "13912345678"
    assert _changed_facts(dispatcher) == ["联系方式：139****5678"]
    assert "13912345678" not in str(dispatcher.messages)


async def test_a_wechat_id_mid_form_is_the_new_contact(dispatcher, domain):
    tracker = make_tracker(
        "聯絡方式改成微信 abc123",
        "correct",
        slots=MID_FORM,
        history=ON_FILE,
        active_loop="complaint_form",
        after_user=FORM_PASS,
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["contact"] == "微信 abc123"
    assert _changed_facts(dispatcher) == ["联系方式：微信 a****23"]


async def test_the_slot_mappings_pass_names_nothing(dispatcher, domain):
    """The validation runs twice a turn; only the form's pass is sent to the customer."""
    tracker = make_tracker(
        "电话打错了，是13912345678",
        "correct",
        entities=[{"entity": "phone", "value": "13912345678"}],
        slots=MID_FORM,
        history=ON_FILE,
        active_loop="complaint_form",
    )
    await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert _changed_facts(dispatcher) == []

"""Consent to be contacted given, refused and changed (bench/data/dialogues_dev7.yml).

A number given at the read-back is consent; "电话还是别留了" there withdraws it before
anything is filed; an e-mail address offered at the contact question is a contact too. A
reply at the evidence or contact question that only tells more of the story is no answer:
asked again with a hint, the second moves on.
"""

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events
from tests.actions.test_confirmation import FACTS

GIVEN = {**FACTS, "contact": "13912345678", "contact_status": "given"}


async def test_withdrawing_the_phone_at_the_read_back_files_none(dispatcher, domain):
    tracker = make_tracker("电话还是别留了 有事在这里说就行", "deny", slots=GIVEN)
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["contact"] is None and slots["contact_status"] == "declined"
    # named as the read-back shows it (ux11), no longer the generic "已帮您改过来了"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]
    assert dispatcher.messages[0]["changed_facts"] == "联系方式：未留"
    assert dispatcher.messages[1]["contact_display"] == "未留"


async def test_withdrawing_a_wechat_id_at_the_read_back_files_none(dispatcher, domain):
    """Hand trial (trial, WeCom): with "微信 Li_Wei88" read back, "微信还是别留了" heard
    "请直接告诉我要改的内容" and the id stayed for filing."""
    slots = {**FACTS, "contact": "微信 Li_Wei88", "contact_status": "given"}
    for text in ["微信还是别留了", "联系方式不留了，微信别留"]:
        tracker = make_tracker(text, "deny", slots=slots)
        events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
        changed = slot_events(events)
        assert changed["contact"] is None and changed["contact_status"] == "declined"
    assert dispatcher.messages[-2]["changed_facts"] == "联系方式：未留"


async def test_a_decline_without_a_number_on_file_is_no_correction(dispatcher, domain):
    tracker = make_tracker("不用打电话给我", "deny", slots=FACTS)
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert "contact" not in slot_events(events)


async def test_a_phone_given_at_the_read_back_is_consent(dispatcher, domain):
    tracker = make_tracker(
        "还是留个电话吧 13812345678",
        "inform",
        entities=[{"entity": "phone", "value": "13812345678"}],
        slots=FACTS,
    )
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["contact"] == "13812345678" and slots["contact_status"] == "given"


async def test_a_phone_corrected_at_the_read_back_keeps_the_category(dispatcher, domain):
    """dialogues_dev8 r044: the triage read "other" into the correction and filed it."""
    tracker = make_tracker(
        "电话号码写错了 是13912345679",
        "correct",
        entities=[
            {"entity": "phone", "value": "13912345679"},
            {"entity": "issue_category", "value": "other"},
        ],
        slots={**GIVEN, "issue_category": "other"},
        history=[{"event": "slot", "name": "issue_category", "value": "logistics"}],
        after_user=[{"event": "slot", "name": "issue_category", "value": "other"}],
    )
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["issue_category"] == "logistics"
    assert slots["contact"] == "13912345679"


async def test_an_email_address_at_the_read_back_is_consent(dispatcher, domain):
    tracker = make_tracker("留个邮箱吧 li.wei@example.com", "inform", slots=FACTS)
    slots = slot_events(await ActionApplyCorrection().run(dispatcher, tracker, domain))
    assert slots["contact"] == "li.wei@example.com"


async def test_an_email_address_answers_the_contact_question(dispatcher, domain):
    tracker = make_tracker(
        "用email可以嗎 abc123@gmail.com",
        "inform",
        slots={
            **FACTS,
            "awaiting_confirmation": None,
            "requested_slot": "contact_status",
            "contact_status": None,
        },
        active_loop="complaint_form",
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["contact_status"] == "given" and slots["contact"] == "abc123@gmail.com"


def _asked_for_evidence(history=None, unclear=None):
    slots = {
        **FACTS,
        "awaiting_confirmation": None,
        "requested_slot": "evidence_status",
        "evidence_status": None,
        "contact_status": None,
        "unclear_answer": unclear,
    }
    return make_tracker(
        "这是我妈送我的生日礼物 她知道了特别难过",
        "complain",
        slots=slots,
        history=history,
        active_loop="complaint_form",
    )


async def test_more_of_the_story_at_the_evidence_question_is_no_answer(dispatcher, domain):
    slots = slot_events(
        await ValidateComplaintForm().run(dispatcher, _asked_for_evidence(), domain)
    )
    assert slots.get("unclear_answer") == "evidence_status"
    assert slots.get("evidence_status") is None


async def test_a_second_story_at_the_evidence_question_moves_on(dispatcher, domain):
    before = [{"event": "slot", "name": "unclear_answer", "value": "evidence_status"}]
    tracker = _asked_for_evidence(history=before, unclear="evidence_status")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["evidence_status"] == "later"


async def test_the_time_to_call_is_read_back_beside_the_number(dispatcher, domain):
    """Lead's hand trial: "13812345678 晚上打" read back "138****5678" only; the evening was
    heard nowhere. Read back beside the masked number."""
    tracker = make_tracker(
        "还是留个电话吧 13812345678 晚上打",
        "inform",
        entities=[{"entity": "phone", "value": "13812345678"}],
        slots=FACTS,
    )
    await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert dispatcher.messages[-1]["contact_display"] == "138****5678（晚上打）"

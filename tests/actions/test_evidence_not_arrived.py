"""Files said to be sent when none came: the customer is told, not thanked.

Why (hand trial, 2026-12-04): "[图片]", what WeChat's image becomes when a message is copied
and pasted, was read as sending evidence; before filing it was answered as photos promised,
after filing "收到 0 个文件". The customer believed the photo had arrived.
"""

import pytest

from actions.validation import ValidateComplaintForm
from bot.intake.answers import claims_files_sent
from tests.actions.conftest import make_tracker, responses

FORM_PASS = [{"event": "action", "name": "complaint_form"}]


def _at(question, text, before=None):
    slots = {
        "requested_slot": question,
        "issue_category": "logistics",
        "issue_description": "杯子碎了",
        "evidence_status": before,
    }
    history = [{"event": "slot", "name": "evidence_status", "value": before}] if before else []
    return make_tracker(
        text, "send_evidence", slots=slots, history=history, after_user=FORM_PASS
    )


async def test_at_the_photo_question_nothing_came_is_said_and_photos_stay_to_come(
    dispatcher, domain
):
    tracker = _at("evidence_status", "[图片]")
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result == {"evidence_status": "later"}
    assert responses(dispatcher) == ["utter_evidence_not_arrived"]


async def test_said_sent_at_a_later_question_keeps_what_was_settled(dispatcher, domain):
    tracker = _at("contact_status", "发了", before="none")
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result == {"evidence_status": "none"}
    assert responses(dispatcher) == ["utter_evidence_not_arrived"]


@pytest.mark.parametrize(
    "text", ["[图片]", "［圖片］", "[图片][视频]", "发了", "图发你了", "照片已经发了", "已上传"]
)
def test_files_said_sent(text):
    assert claims_files_sent(text)


@pytest.mark.parametrize(
    "text", ["我发你", "发了吗", "快递已发出", "快递发了", "发了两张 看下", "没发", ""]
)
def test_not_files_said_sent(text):
    assert not claims_files_sent(text)

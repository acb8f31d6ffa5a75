"""What to photograph, asked back at the evidence question (dialogues_dev14 q003)."""

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker


async def test_what_to_show_asked_back_leaves_the_evidence_question_open(dispatcher, domain):
    # dialogues_dev14 q003: "照片要拍哪里啊？" (read as evidence_later) settled it as "later"
    tracker = make_tracker(
        "照片要拍哪里啊？拍杯子还是拍箱子？",
        "evidence_later",
        slots={"requested_slot": "evidence_status", "issue_category": "logistics"},
    )
    form = ValidateComplaintForm()
    assert await form.extract_evidence_status(dispatcher, tracker, domain) == {}

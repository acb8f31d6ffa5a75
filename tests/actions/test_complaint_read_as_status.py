"""A complaint the NLU read as a status question opens the intake with the triage's category.

Hand trial (2026-12-04): "我想问下我那个快递怎么三天了还没动" was read as status_query, for which
the triage names no category entity; the intake asked the kind of problem with buttons
although the triage was sure of logistics (0.93).
"""

import pytest

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker

SURE_LOGISTICS = {
    "category": {
        "code": "logistics",
        "confidence": 0.93,
        "ranking": [{"code": "logistics", "confidence": 0.93}],
    }
}


def opening(text, intent="status_query", triage=SURE_LOGISTICS, slots=None):
    return make_tracker(
        text,
        intent,
        slots={"requested_slot": None, **(slots or {})},
        extra={"complaint_triage": triage},
    )


async def test_a_parcel_question_read_as_status_takes_the_triages_category(dispatcher, domain):
    tracker = opening("我想问下我那个快递怎么三天了还没动")
    result = await ValidateComplaintForm().extract_issue_category(dispatcher, tracker, domain)
    assert result == {"issue_category": "logistics"}


@pytest.mark.parametrize(
    "text, intent, triage, slots",
    [
        # a question about the complaint itself names no problem
        ("我的投诉到哪一步了", "status_query", SURE_LOGISTICS, None),
        # an unsure triage is asked with buttons, as before
        (
            "我想问下我那个东西怎么样了",
            "status_query",
            {"category": {"code": "logistics", "confidence": 0.2}},
            None,
        ),
        # a category already known is not replaced
        (
            "我想问下快递怎么还没动",
            "status_query",
            SURE_LOGISTICS,
            {"issue_category": "product_quality"},
        ),
    ],
)
async def test_no_category_taken_otherwise(dispatcher, domain, text, intent, triage, slots):
    tracker = opening(text, intent, triage, slots)
    result = await ValidateComplaintForm().extract_issue_category(dispatcher, tracker, domain)
    assert result.get("issue_category") in (None, (slots or {}).get("issue_category"))

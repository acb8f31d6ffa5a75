"""An answer to the contact question is no part of what went wrong (hand trial wait2).

"可以，加我微信 Li_Wei88" at the contact question went into the ticket's description, the
WeChat id in plain text, read by every agent and shown in the read-back as the problem.
"""

import pytest

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, slot_events

FORM_PASS = [{"event": "action", "name": "complaint_form"}]
AT_CONTACT = {
    **FACTS,
    "awaiting_confirmation": False,
    "requested_slot": "contact_status",
    "contact_status": None,
    "contact": None,
}


def _tracker(text, intent, entities=()):
    return make_tracker(
        text,
        intent,
        entities=list(entities),
        slots=AT_CONTACT,
        active_loop="complaint_form",
        after_user=FORM_PASS,
    )


@pytest.mark.parametrize("intent", ["complain", "inform", "affirm"])
@pytest.mark.parametrize(
    "text, entities, contact",
    [
        ("可以，加我微信 Li_Wei88", [], "微信 Li_Wei88"),
        ("可以 打我电话 138 1234 5678", [{"entity": "phone", "value": "13812345678"}], "13812345678"),
        ("好的 聯絡我微信 abc123 就可以", [], "微信 abc123"),
    ],
)
async def test_a_contact_given_at_its_question_is_not_the_problem(
    dispatcher, domain, text, entities, contact, intent
):
    tracker = _tracker(text, intent, entities)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("contact") == contact
    assert "issue_description" not in slots


async def test_a_problem_told_with_the_contact_still_adds_to_the_description(dispatcher, domain):
    text = "加我微信 Li_Wei88 对了杯子的把手也断了"
    tracker = _tracker(text, "complain")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots.get("contact") == "微信 Li_Wei88"
    assert "把手也断了" in slots["issue_description"]

"""No question after files whose caption comes next (hand trial, trial4 session).

The widget sends the files, then the words typed with them (`captioned` in the files'
metadata). "补发一个吧" sent with a photo at the remedy question was met by the remedy question
after the photo, then by the evidence question after the words: the customer read the bot
asking what they had just told it. Every question now waits for the words.
"""

import pytest

from actions.form_questions import (
    ActionAskContactStatus,
    ActionAskDesiredRemedy,
    ActionAskIssueCategory,
    ActionAskLiveClaim,
    ActionAskLiveSession,
    ActionAskOrderId,
)
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses

QUESTIONS = [
    (ActionAskIssueCategory, "issue_category", "utter_ask_issue_category"),
    (ActionAskOrderId, "order_id", "utter_ask_order_id"),
    (ActionAskDesiredRemedy, "desired_remedy", "utter_ask_desired_remedy"),
    (ActionAskLiveClaim, "live_claim", "utter_ask_live_claim"),
    (ActionAskLiveSession, "live_session", "utter_ask_live_session"),
    (ActionAskContactStatus, "contact_status", "utter_ask_contact_status"),
]


def _files(slot, captioned):
    slots = {**FACTS, "requested_slot": slot, slot: None}
    tracker = make_tracker(
        "/send_evidence", "send_evidence", slots=slots, active_loop="complaint_form"
    )
    tracker.events[-1]["metadata"] = {"evidence": ["ev_1"], "captioned": captioned}
    return tracker


@pytest.mark.parametrize("action, slot, response", QUESTIONS)
async def test_files_with_words_to_come_are_not_asked_the_question(
    dispatcher, domain, action, slot, response
):
    await action().run(dispatcher, _files(slot, captioned=True), domain)
    assert responses(dispatcher) == []


@pytest.mark.parametrize("action, slot, response", QUESTIONS)
async def test_files_alone_are_asked_the_question_again(dispatcher, domain, action, slot, response):
    await action().run(dispatcher, _files(slot, captioned=False), domain)
    assert responses(dispatcher) == [response]


@pytest.mark.parametrize("action, slot, response", QUESTIONS)
def test_the_form_asks_through_the_action(domain, action, slot, response):
    """Rasa runs `action_ask_<slot>` when the domain lists it, else the response itself."""
    assert action().name() == f"action_ask_{slot}"
    assert action().name() in domain["actions"]


def _after_photo_question(text, status):
    return make_tracker(
        text,
        "affirm",
        slots={**FACTS, "requested_slot": "contact_status", "evidence_status": status},
        history=[{"event": "slot", "name": "requested_slot", "value": "evidence_status"}],
        active_loop="complaint_form",
        after_user=[
            {"event": "slot", "name": "evidence_status", "value": status},
            {"event": "slot", "name": "requested_slot", "value": "contact_status"},
        ],
    )


async def test_photos_promised_for_later_are_told_where_to_go(dispatcher, domain):
    """trial4: "嗯" to "please take a photo" was settled "later" without a word of it."""
    await ActionAskContactStatus().run(dispatcher, _after_photo_question("嗯", "later"), domain)
    assert responses(dispatcher) == ["utter_ask_contact_status_photos_later"]


async def test_no_photos_gets_the_plain_contact_question(dispatcher, domain):
    await ActionAskContactStatus().run(dispatcher, _after_photo_question("没有", "none"), domain)
    assert responses(dispatcher) == ["utter_ask_contact_status"]

"""A bare "wrong" at the read-back, and screenshots said to be taken at the evidence question.

Why: "錯了" fell back at the read-back (correct 0.42, deny 0.28), and "截了图的" was read as
send_evidence though nothing was sent (docs/intent_dev.md, fourteenth split). The data now
teaches deny and affirm; these tests pin what the actions do with those intents (and with
the near readings, correct and send_evidence, which give the same outcome).
"""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import BROKEN_CUP_READ_BACK, make_tracker, responses, slot_events

FACTS = BROKEN_CUP_READ_BACK
# what the NLU adds to "错了" when it passes as a correction: the category head reads "错"
# as wrong_or_missing_item (0.83 in main's model)
GUESSED_CATEGORY = [{"entity": "issue_category", "value": "wrong_or_missing_item"}]


@pytest.mark.parametrize("text", ["錯了", "错啦", "錯晒"])
@pytest.mark.parametrize("intent, entities", [("deny", []), ("correct", GUESSED_CATEGORY)])
async def test_bare_wrong_at_the_read_back_asks_what_to_change(
    dispatcher, domain, text, intent, entities
):
    # deny (the label, as a bare "不对" is) or correct: either asks, and the category stays
    tracker = make_tracker(text, intent, entities=entities, slots=FACTS)
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_correction"]
    assert slot_events(events) == {}


@pytest.mark.parametrize("intent", ["affirm", "send_evidence"])
async def test_screenshots_said_taken_wait_for_the_files(dispatcher, domain, intent):
    # "截过图" with no file: the evidence question is settled "later", whichever way it is
    # read; read as affirm it is settled by the extraction, with nothing claimed as sent
    tracker = make_tracker("当时截过图", intent, slots={"requested_slot": "evidence_status"})
    form = ValidateComplaintForm()
    extracted = await form.extract_evidence_status(dispatcher, tracker, domain)
    value = extracted["evidence_status"]
    validated = await form.validate_evidence_status(value, dispatcher, tracker, domain)
    assert validated["evidence_status"] == "later"
    assert "utter_evidence_received" not in responses(dispatcher)

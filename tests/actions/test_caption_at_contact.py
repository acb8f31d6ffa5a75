"""Words typed with files at the contact question are their caption (hand test ux11).

The widget sends the files, then the words (`with_evidence`); at the contact question the
words got the question's hint right after the question asked after the files. The question
now waits for the words (tests/actions/test_caption_follows.py): a caption is no unclear
answer and is followed by the plain question; a number or "不用" typed with the files
answers it.
"""

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from actions.form_questions import ActionAskContactStatus
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses, slot_events

AT_CONTACT = {
    **FACTS,
    "awaiting_confirmation": False,
    "requested_slot": "contact_status",
    "contact_status": None,
    "evidence_status": "provided",
}
UPLOAD = {"event": "user", "text": "/send_evidence", "metadata": {"evidence": ["ev_1"]}}


def _caption(text, intent, with_evidence=True, entities=None):
    tracker = make_tracker(
        text,
        intent,
        entities=entities,
        slots=AT_CONTACT,
        history=[UPLOAD],
        active_loop="complaint_form",
        after_user=[{"event": "action", "name": "complaint_form"}],
    )
    tracker.events[-2]["metadata"] = {"with_evidence": True} if with_evidence else {}
    return tracker


async def test_a_caption_is_no_unclear_answer_and_the_plain_question_follows(dispatcher, domain):
    tracker = _caption("張相喺度", "nlu_fallback")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["unclear_answer"] == "contact_status:caption"
    tracker.slots.update(slots)
    await ActionAskContactStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_contact_status"]


async def test_the_question_after_a_caption_has_no_hint():
    """The mark matches none of the response's conditions: a plain variant, never the hint."""
    rasa_domain = Domain.load("domain.yml")
    marked = [SlotSet("unclear_answer", "contact_status:caption")]
    tracker = DialogueStateTracker.from_events("c", marked, slots=rasa_domain.slots)
    nlg = TemplatedNaturalLanguageGenerator(rasa_domain.responses)
    plain = {
        v["text"]
        for v in rasa_domain.responses["utter_ask_contact_status"]
        if not v.get("condition")
    }
    said = {
        (await nlg.generate("utter_ask_contact_status", tracker, "rest"))["text"] for _ in range(30)
    }
    assert said == plain


async def test_a_caption_telling_more_of_the_problem_is_not_asked_again(dispatcher, domain):
    """ "外箱、杯子和面单都拍了" (complain, logistics): into the description, no question."""
    tracker = _caption(
        "外箱、杯子和面单都拍了",
        "complain",
        entities=[{"entity": "issue_category", "value": "wrong_or_missing_item"}],
    )
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["unclear_answer"] == "contact_status:caption"


async def test_a_phone_typed_with_the_files_answers_the_question(dispatcher, domain):
    tracker = _caption("照片发了 电话139 1234 5678", "inform")
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["contact_status"] == "given" and slots["contact"] == "13912345678"
    assert slots.get("unclear_answer") != "contact_status:caption"


async def test_the_same_words_typed_alone_get_the_hint(dispatcher, domain):
    tracker = _caption("張相喺度", "nlu_fallback", with_evidence=False)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["unclear_answer"] == "contact_status"
    tracker.slots.update(slots)
    await ActionAskContactStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_contact_status"]

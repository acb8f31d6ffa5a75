"""Hand test ux8 (eight customers in the widget): a question repeated word for word after an
aside, a request to wait with the order number named first, "转人工" before any problem, and
what a filed customer hears from "人呢？？？".

The trackers are real rasa-sdk trackers; responses with conditions are rendered by Rasa's
own templated NLG from the project's domain.yml.
"""

import pytest
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from actions import dependencies
from actions.form_questions import ActionAskEvidenceStatus, ActionAskIssueCategory, ActionAskOrderId
from actions.requests import ActionHandoff
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import ROOT, make_tracker, responses, slot_events

# the form resumes after a rule answered the message aside ("你是机器人吗")
_ASIDE = [
    {"event": "action", "name": "utter_iamabot"},
    {"event": "bot", "text": "我是机器人助手哦🤖"},
    {"event": "action", "name": "complaint_form"},
]


async def test_the_order_hint_is_not_repeated_after_an_aside(dispatcher, domain):
    """ "定单号我找一下" (hint: "这条消息里我没找到订单号😅"), then "你是机器人吗": the same
    hint word for word spoke of the robot question as a message without the number."""
    slots = {"requested_slot": "order_id", "unclear_answer": "order_id"}
    tracker = make_tracker("你是机器人吗", "bot_challenge", slots=slots, after_user=_ASIDE)
    await ActionAskOrderId().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_order_id"]


@pytest.mark.parametrize(
    "action, slot, hint",
    [
        (ActionAskOrderId, "order_id", "utter_ask_order_id_unclear"),
        (ActionAskIssueCategory, "issue_category", "utter_ask_issue_category_unclear"),
        (ActionAskEvidenceStatus, "evidence_status", "utter_ask_evidence_status_unclear"),
    ],
)
async def test_the_hint_follows_the_unclear_reply_itself(dispatcher, domain, action, slot, hint):
    unclear = make_tracker(
        "就是上周买的那个", "inform", slots={"requested_slot": slot, "unclear_answer": slot}
    )
    await action().run(dispatcher, unclear, domain)
    aside = make_tracker(
        "你是机器人吗",
        "bot_challenge",
        slots={"requested_slot": slot, "unclear_answer": slot},
        after_user=_ASIDE,
    )
    await action().run(dispatcher, aside, domain)
    said = responses(dispatcher)
    assert said[0] == hint and said[1] != hint


@pytest.mark.parametrize(
    "text", ["定单号我找一下", "订单号我找找", "訂單號我找一下", "单号等我找下"]
)
async def test_looking_for_the_order_number_named_first_is_a_wait(dispatcher, domain, text):
    tracker = make_tracker(text, "inform", slots={"requested_slot": "order_id"})
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots["unclear_answer"] == "order_id:wait"


async def test_a_handoff_before_any_problem_does_not_claim_one_was_summarised(dispatcher, domain):
    tracker = make_tracker("转人工！！", "handoff")
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_handoff_nothing_told_nobody_online"
    [ticket] = dependencies.ticket_store().list_tickets(conversation_id="customer-1")
    assert dispatcher.messages[0]["ticket_id"] == ticket["id"]


async def test_a_handoff_after_the_problem_still_says_it_was_summarised(dispatcher, domain):
    tracker = make_tracker("你们的耳机一只没声音 转人工", "handoff")
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[0] == "utter_handoff_nobody_online"


async def _say(response: str, slots: dict, **values) -> str:
    domain = Domain.from_path(str(ROOT / "domain.yml"))
    tracker = DialogueStateTracker.from_events(
        "c", [SlotSet(name, value) for name, value in slots.items()], slots=domain.slots
    )
    message = await TemplatedNaturalLanguageGenerator(domain.responses).generate(
        response, tracker, "rest", **values
    )
    return str(message["text"])


async def test_asking_for_a_human_after_filing_is_not_told_to_say_zhuanrengong():
    """ "人呢？？？" after "转人工" was told "随时可以说“转人工”"."""
    for _ in range(5):  # the unconditioned variants are picked at random
        assert "转人工" not in await _say("utter_iamabot", {"ticket_open": True})
    assert "转人工" in await _say("utter_iamabot", {"ticket_open": False})


@pytest.mark.parametrize("slot", ["contact_status", "desired_remedy"])
async def test_a_request_to_wait_is_not_met_by_the_same_question(slot):
    """ "等下再发" at the contact question was met by the plain question word for word."""
    plain = {await _say(f"utter_ask_{slot}", {"requested_slot": slot}) for _ in range(8)}
    waiting = await _say(
        f"utter_ask_{slot}", {"requested_slot": slot, "unclear_answer": f"{slot}:wait"}
    )
    assert waiting not in plain and "不着急" in waiting


def _after_upload(text: str, with_evidence: bool):
    upload = {"event": "user", "text": "/send_evidence", "metadata": {"evidence": ["ev_1"]}}
    slots = {
        "requested_slot": "evidence_status",
        "evidence_followup": ["收到的商品照片"],
        "unclear_answer": "evidence_status",
    }
    tracker = make_tracker(text, "nlu_fallback", slots=slots, history=[upload])
    tracker.events[-1]["metadata"] = {"with_evidence": True} if with_evidence else {}
    return tracker


async def test_words_sent_with_the_files_do_not_repeat_the_question_just_asked(dispatcher, domain):
    """ "張相喺度" typed with a photo: the widget sends the photo, then the words; the bot asked
    for the rest after the photo and again, in other words, after the words."""
    await ActionAskEvidenceStatus().run(dispatcher, _after_upload("張相喺度", True), domain)
    assert responses(dispatcher) == []
    await ActionAskEvidenceStatus().run(dispatcher, _after_upload("張相喺度", False), domain)
    assert responses(dispatcher) == ["utter_ask_more_evidence"]

"""The problem questions (`actions/problem_slots.py`): the words, and acknowledging more."""

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker


async def test_description_collects_every_complaint_message_once(dispatcher, domain):
    form = ValidateComplaintForm()
    tracker = make_tracker("盒子压扁了", "complain", slots={"issue_description": "杯子碎了"})
    assert await form.extract_issue_description(dispatcher, tracker, domain) == {
        "issue_description": "杯子碎了\n盒子压扁了"
    }
    again = make_tracker("杯子碎了", "complain", slots={"issue_description": "杯子碎了"})
    assert await form.extract_issue_description(dispatcher, again, domain) == {
        "issue_description": "杯子碎了"
    }


async def test_description_ignores_control_messages_and_keeps_candidates(dispatcher, domain):
    form = ValidateComplaintForm()
    handoff = make_tracker("转人工", "handoff", slots={"requested_slot": "issue_description"})
    assert await form.extract_issue_description(dispatcher, handoff, domain) == {}
    triage = {
        "category": {
            "code": None,
            "confidence": 0.3,
            "ranking": [
                {"code": "logistics", "confidence": 0.3},
                {"code": "product_quality", "confidence": 0.2},
            ],
        }
    }
    vague = make_tracker(
        "东西有问题",
        "nlu_fallback",
        slots={"requested_slot": "issue_description"},
        extra={"complaint_triage": triage},
    )
    assert await form.extract_issue_description(dispatcher, vague, domain) == {
        "issue_description": "东西有问题"
    }
    assert await form.validate_issue_description("东西有问题", dispatcher, vague, domain) == {
        "issue_description": "东西有问题",
        "category_candidates": ["logistics", "product_quality"],
        "category_tied": None,
    }
    # a near tie of sure categories is kept apart, for the question's buttons
    tied = {**triage, "category": {**triage["category"], "tied": ["logistics", "product_quality"]}}
    tie = make_tracker(
        "杯子收到就破了",
        "complain",
        slots={"requested_slot": "issue_description"},
        extra={"complaint_triage": tied},
    )
    slots = await form.validate_issue_description("杯子收到就破了", dispatcher, tie, domain)
    assert slots["category_tied"] == ["logistics", "product_quality"]


def _more_of_the_problem(requested, before="你们这什么破快递", text="花瓶到了直接碎成渣了"):
    """The form's own pass of a message that adds to the description at `requested`."""
    after = [
        {"event": "slot", "name": "issue_description", "value": f"{before} {text}"},
        {"event": "action", "name": "complaint_form"},
    ]
    return make_tracker(
        text,
        "complain",
        slots={"requested_slot": requested, "issue_description": f"{before} {text}"},
        history=[{"event": "slot", "name": "issue_description", "value": before}],
        after_user=after,
        active_loop="complaint_form",
    )


async def test_more_of_the_problem_at_another_question_is_acknowledged(dispatcher, domain):
    tracker = _more_of_the_problem("order_id")
    value = tracker.get_slot("issue_description")
    await ValidateComplaintForm().validate_issue_description(value, dispatcher, tracker, domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_noted_description"]


async def test_the_first_words_of_the_problem_are_not_acknowledged_as_more(dispatcher, domain):
    tracker = make_tracker(
        "花瓶碎了",
        "complain",
        slots={"requested_slot": "order_id", "issue_description": "花瓶碎了"},
        after_user=[{"event": "action", "name": "complaint_form"}],
        active_loop="complaint_form",
    )
    await ValidateComplaintForm().validate_issue_description(
        "花瓶碎了", dispatcher, tracker, domain
    )
    assert "utter_noted_description" not in [m.get("response") for m in dispatcher.messages]


async def test_the_mappings_pass_does_not_acknowledge_twice(dispatcher, domain):
    tracker = _more_of_the_problem("order_id")
    tracker.events.pop()  # no complaint_form event: the slot mappings' pass
    value = tracker.get_slot("issue_description")
    await ValidateComplaintForm().validate_issue_description(value, dispatcher, tracker, domain)
    assert dispatcher.messages == []


async def test_the_same_words_again_add_nothing_so_the_question_stays_open(dispatcher, domain):
    """Repeated, a message read as more of the problem must not count as an answer each time
    (a dialogue dev5 customer was asked for evidence four times)."""
    before = "主播说送十片面膜 一片都没有\n我手上有一段"
    tracker = make_tracker(
        "我手上有一段",
        "complain",
        slots={"requested_slot": "evidence_status", "issue_description": before},
        history=[{"event": "slot", "name": "issue_description", "value": before}],
        active_loop="complaint_form",
    )
    assert (
        await ValidateComplaintForm().extract_issue_description(dispatcher, tracker, domain) == {}
    )

"""Typed answers to the category question fill the category (the buttons are optional)."""

from actions.form_questions import ActionAskIssueCategory
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events

ASKED = {"requested_slot": "issue_category", "issue_description": "东西有问题"}


async def _extract(text, intent, domain, dispatcher, **kwargs):
    tracker = make_tracker(text, intent, slots=ASKED, **kwargs)
    return await ValidateComplaintForm().extract_issue_category(dispatcher, tracker, domain)


async def test_a_typed_category_name_answers_the_question(dispatcher, domain):
    assert await _extract("质量问题", "inform", domain, dispatcher) == {
        "issue_category": "product_quality"
    }
    assert await _extract("是物流的問題吧", "affirm", domain, dispatcher) == {
        "issue_category": "logistics"
    }


async def test_a_typed_category_name_is_not_added_to_the_description(dispatcher, domain):
    """'错发漏发' typed at the question had ended up in the customer's own words (hand test)."""
    triage = {"category": {"code": "wrong_or_missing_item", "confidence": 0.9}}
    tracker = make_tracker("错发漏发", "complain", slots=ASKED, extra={"complaint_triage": triage})
    form = ValidateComplaintForm()
    assert await form.extract_issue_description(dispatcher, tracker, domain) == {}
    described = make_tracker(
        "颜色发错了 要黑色的给了蓝色", "complain", slots=ASKED, extra={"complaint_triage": triage}
    )
    assert await form.extract_issue_description(dispatcher, described, domain) == {
        "issue_description": "东西有问题\n颜色发错了 要黑色的给了蓝色"
    }


async def test_a_description_counts_at_the_triages_lower_bar(dispatcher, domain):
    triage = {"category": {"ranking": [{"code": "logistics", "confidence": 0.41}]}}
    assert await _extract(
        "等了十天还没送到", "inform", domain, dispatcher, extra={"complaint_triage": triage}
    ) == {"issue_category": "logistics"}
    # a denial is no answer, whatever the triage guessed
    assert (
        await _extract("不是这样的", "deny", domain, dispatcher, extra={"complaint_triage": triage})
        == {}
    )


async def test_buttons_requests_and_other_questions_are_left_alone(dispatcher, domain):
    button = [{"entity": "issue_category", "value": "logistics"}]
    assert await _extract("/inform", "inform", domain, dispatcher, entities=button) == {}
    assert await _extract("质量问题 给我转人工", "handoff", domain, dispatcher) == {}


async def test_a_bare_category_name_before_the_question_names_it(dispatcher, domain):
    form = ValidateComplaintForm()
    opening = make_tracker("物流的问题", "complain", slots={"requested_slot": None})
    assert await form.extract_issue_category(dispatcher, opening, domain) == {
        "issue_category": "logistics"
    }
    known = make_tracker(
        "质量问题", "inform", slots={"requested_slot": "order_id", "issue_category": "logistics"}
    )
    assert await form.extract_issue_category(dispatcher, known, domain) == {}


async def test_an_order_number_at_the_question_is_no_category(dispatcher, domain):
    triage = {"category": {"ranking": [{"code": "product_quality", "confidence": 0.6}]}}
    assert (
        await _extract(
            "202411235567", "inform", domain, dispatcher, extra={"complaint_triage": triage}
        )
        == {}
    )


async def test_an_unclear_reply_is_asked_again_with_a_hint_then_the_likeliest_is_taken(
    dispatcher, domain
):
    """'系咩嚟㗎' at the category question (it answers nothing): asked again with a hint, not
    'not understood' over and over; a second such reply files the likeliest category, which
    the read-back shows. ('冇相' there answers the evidence question: test_answers_in_context.)"""
    asked = {**ASKED, "category_candidates": ["product_quality", "logistics"]}
    first = make_tracker("系咩嚟㗎", "nlu_fallback", slots=asked, active_loop="complaint_form")
    events = await ValidateComplaintForm().run(dispatcher, first, domain)
    assert slot_events(events) == {"unclear_answer": "issue_category"}

    asking = make_tracker(slots={**asked, "unclear_answer": "issue_category"})
    await ActionAskIssueCategory().run(dispatcher, asking, domain)
    assert responses(dispatcher) == ["utter_ask_issue_category_unclear"]
    assert dispatcher.messages[0]["buttons"][0]["title"] == "商品质量问题"

    second = _after_an_unclear_reply("唔使", "deny", asked)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, second, domain))
    assert slots["issue_category"] == "product_quality"
    assert slots["unclear_answer"] is None

    no_candidates = _after_an_unclear_reply("唔知", "inform", ASKED)
    slots = slot_events(await ValidateComplaintForm().run(dispatcher, no_candidates, domain))
    assert slots["issue_category"] == "other"


def _after_an_unclear_reply(text, intent, slots):
    """The customer's second reply to the category question, the first one unclear."""
    return make_tracker(
        text,
        intent,
        slots={**slots, "unclear_answer": "issue_category"},
        history=[{"event": "slot", "name": "unclear_answer", "value": "issue_category"}],
        active_loop="complaint_form",
    )

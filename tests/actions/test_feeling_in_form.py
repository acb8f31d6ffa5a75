"""A feeling that rises at an open question is answered first, once per step up."""

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker

FORM_PASS = [{"event": "action", "name": "complaint_form"}]


def _at_order_question(text: str, emotion: str, intent: str = "inform"):
    told = "快递一周没动了"
    return make_tracker(
        text,
        intent,
        slots={
            "requested_slot": "order_id",
            "emotion": emotion,
            "issue_category": "logistics",
            "issue_description": told,
        },
        history=[
            {"event": "slot", "name": "emotion", "value": emotion},
            {"event": "slot", "name": "issue_description", "value": told},
        ],
        active_loop="complaint_form",
        after_user=FORM_PASS,
    )


async def _run(tracker, dispatcher, domain):
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    said = [m.get("response") for m in dispatcher.messages]
    emotion = [e["value"] for e in events if e.get("name") == "emotion"]
    return said, emotion


async def test_anger_after_a_calm_opening_is_apologised_for_first(dispatcher, domain):
    tracker = _at_order_question("气死我了！！你们什么破服务 一个礼拜了", "calm", "complain")
    said, emotion = await _run(tracker, dispatcher, domain)
    assert said[0] == "utter_empathy_rising_angry"
    assert said.count("utter_empathy_rising_angry") == 1
    assert "utter_noted_description" not in said  # the apology says the words are kept
    assert emotion == ["angry"]


async def test_a_sneer_after_an_upset_opening_is_anger(dispatcher, domain):
    said, emotion = await _run(_at_order_question("呵呵", "upset"), dispatcher, domain)
    assert said[0] == "utter_empathy_rising_angry" and emotion == ["angry"]


async def test_the_same_feeling_is_not_apologised_for_again(dispatcher, domain):
    tracker = _at_order_question("气死我了！！你们什么破服务 一个礼拜了", "angry")
    said, emotion = await _run(tracker, dispatcher, domain)
    assert not any(str(r).startswith("utter_empathy") for r in said) and emotion == []


async def test_a_calm_answer_gets_no_apology(dispatcher, domain):
    said, emotion = await _run(_at_order_question("好的 我找一下", "calm"), dispatcher, domain)
    assert not any(str(r).startswith("utter_empathy") for r in said) and emotion == []


async def test_a_threat_is_answered_by_its_own_apology_only(dispatcher, domain):
    tracker = _at_order_question("再不处理我就去12315投诉你们！！", "calm")
    said, _ = await _run(tracker, dispatcher, domain)
    assert "utter_noted_threat" in said
    assert not any(str(r).startswith("utter_empathy") for r in said)


async def test_the_slot_mappings_pass_raising_the_slot_does_not_silence_it(dispatcher, domain):
    """The mappings' pass may set `emotion` this turn without a word; the form's pass answers."""
    tracker = make_tracker(
        "气死我了！！你们什么破服务 一个礼拜了",
        "inform",
        slots={"requested_slot": "order_id", "emotion": "angry", "issue_category": "logistics"},
        history=[{"event": "slot", "name": "emotion", "value": "calm"}],
        active_loop="complaint_form",
        after_user=[{"event": "slot", "name": "emotion", "value": "angry"}] + FORM_PASS,
    )
    said, emotion = await _run(tracker, dispatcher, domain)
    assert said[0] == "utter_empathy_rising_angry" and emotion == ["angry"]


async def test_small_talk_that_reads_negative_gets_no_apology(dispatcher, domain):
    tracker = _at_order_question("今天天气真差", "calm", "out_of_scope")
    said, emotion = await _run(tracker, dispatcher, domain)
    assert not any(str(r).startswith("utter_empathy") for r in said) and emotion == []


async def test_weather_words_in_an_angry_complaint_are_no_small_talk(dispatcher, domain):
    tracker = _at_order_question("下大雨 快递全湿了 气死我了！！", "calm", "complain")
    said, emotion = await _run(tracker, dispatcher, domain)
    assert said[0] == "utter_empathy_rising_angry" and emotion == ["angry"]


def _read_upset(text: str, intent: str):
    """The message as the trained head read "不是" in a hand trial: surely upset."""
    ranking = [
        {"code": "upset", "confidence": 0.9},
        {"code": "calm", "confidence": 0.08},
        {"code": "angry", "confidence": 0.02},
    ]
    tracker = _at_order_question(text, "calm", intent)
    tracker.latest_message["complaint_triage"] = {
        "emotion": {"code": "upset", "confidence": 0.9, "ranking": ranking}
    }
    tracker.events[-2]["parse_data"] = tracker.latest_message
    return tracker


async def test_a_bare_no_read_upset_gets_no_apology(dispatcher, domain):
    said, emotion = await _run(_read_upset("不是", "deny"), dispatcher, domain)
    assert not any(str(r).startswith("utter_empathy") for r in said) and emotion == []


async def test_more_words_read_upset_are_still_apologised_for(dispatcher, domain):
    said, emotion = await _run(_read_upset("不是 都等了一个礼拜了", "deny"), dispatcher, domain)
    assert said[0] == "utter_empathy_rising_upset" and emotion == ["upset"]

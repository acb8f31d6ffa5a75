"""The learned emotion in the parse data reaches the opening empathy and the ticket."""

import pytest

from actions.intake import ActionStartIntake
from bot.intake.draft import IntakeFacts, draft_fields
from bot.triage.emotion import detect_emotion
from tests.actions.conftest import make_tracker, responses

TEXT = "买的时候说得那么好，收到就这"  # no lexicon cue: the head has to notice


def triage(calm, upset, angry):
    ranking = sorted(
        [("calm", calm), ("upset", upset), ("angry", angry)], key=lambda item: -item[1]
    )
    return {
        "complaint_triage": {
            "emotion": {
                "code": ranking[0][0],
                "confidence": ranking[0][1],
                "ranking": [{"code": c, "confidence": p} for c, p in ranking],
            }
        }
    }


def test_the_example_has_no_lexicon_cue():
    assert detect_emotion([TEXT]).emotion == "calm"


@pytest.mark.parametrize(
    "extra, expected",
    [
        (triage(0.1, 0.8, 0.1), "upset"),
        (triage(0.05, 0.25, 0.7), "angry"),
        (triage(0.7, 0.2, 0.1), "calm"),
        ({}, "calm"),  # a model without the emotion head: the lexicon alone
    ],
)
async def test_opening_empathy_follows_the_learned_emotion(dispatcher, domain, extra, expected):
    tracker = make_tracker(TEXT, "complain", extra=extra)
    events = await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [f"utter_empathy_{expected}"]
    assert {e["name"]: e["value"] for e in events}["emotion"] == expected


def user(text, parse_data=None):
    return {"event": "user", "text": text, "parse_data": parse_data or {}, "timestamp": 1.0}


def emotion_of(events, slot=None):
    fields = draft_fields(
        IntakeFacts(emotion=slot),
        conversation_id="c1",
        channel="rest",
        events=events,
        order=None,
        amount_threshold=2000.0,
        handoff_reason="completed",
    )
    return fields["emotion"]


def test_ticket_takes_the_strongest_message():
    events = [
        user("你好", triage(0.9, 0.05, 0.05)),
        {"event": "bot", "text": "请问遇到了什么问题？", "timestamp": 1.0},
        user(TEXT, triage(0.1, 0.8, 0.1)),
        user("2024 1123 5567", triage(0.95, 0.03, 0.02)),
        user('/inform{"desired_remedy":"refund"}', triage(0.1, 0.1, 0.8)),  # a button: ignored
    ]
    assert emotion_of(events) == "upset"
    assert emotion_of(events[:2]) == "calm"
    assert emotion_of(events[:2], slot="angry") == "angry"
    assert emotion_of([user("骗子", triage(0.9, 0.05, 0.05))]) == "angry"


def test_small_talk_is_not_judged_by_the_learned_head():
    """Hand test ux8: "你是机器人吗" (P(angry) 0.43 from the head) filed a calm elderly
    customer as angry; the lexicon still hears small talk that is angry in so many words."""
    asked = {**triage(0.3, 0.27, 0.43), "intent": {"name": "bot_challenge", "confidence": 1.0}}
    events = [
        user("烧水的时候底下漏水", {**triage(0.8, 0.15, 0.05), "intent": {"name": "complain"}}),
        user("你是机器人吗", asked),
    ]
    assert emotion_of(events) == "calm"
    assert emotion_of([user("人呢？？？", asked)]) == "angry"
    complaint = {**triage(0.3, 0.27, 0.43), "intent": {"name": "complain"}}
    assert emotion_of([user(TEXT, complaint)]) == "angry"


def test_an_aside_the_bot_cannot_answer_is_not_judged_by_the_learned_head():
    """Hand trial trial3: "你们今天几点下班呀" mid-form (out_of_scope, P(angry) 0.47 from the
    head) filed a calm customer, who also wrote "哈哈你挺聪明的", as 愤怒."""
    aside = {**triage(0.3, 0.23, 0.47), "intent": {"name": "out_of_scope", "confidence": 1.0}}
    events = [
        user(
            "水杯的盖子拧不紧 一倒就漏", {**triage(0.7, 0.2, 0.1), "intent": {"name": "complain"}}
        ),
        user("你们今天几点下班呀", aside),
    ]
    assert emotion_of(events) == "calm"
    assert emotion_of([user("你们这什么垃圾客服？？？", aside)]) == "angry"  # the lexicon hears it

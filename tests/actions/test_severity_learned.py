"""The learned severity reasons in the parse data reach the opening empathy and the ticket."""

from actions.intake import ActionStartIntake
from bot.intake.draft import IntakeFacts, draft_fields
from bot.triage.severity import assess_severity
from tests.actions.conftest import make_tracker, responses

# no rule fires on these: the head has to notice
HURT = "压力锅盖子冲开了，一锅汤全喷我身上，胳膊上全是红的"
GROUP = "楼上楼下好几家打开都有虫子"


def triage(**probabilities):
    ranking = sorted(probabilities.items(), key=lambda item: -item[1])
    return {
        "complaint_triage": {
            "severity": {
                "code": ranking[0][0],
                "confidence": ranking[0][1],
                "ranking": [{"code": c, "confidence": p} for c, p in ranking],
            }
        }
    }


def test_the_examples_are_normal_for_the_rules():
    assert assess_severity([HURT, GROUP], None, 2000.0).severity == "normal"


async def test_a_learned_injury_opens_with_the_safety_empathy(dispatcher, domain):
    tracker = make_tracker(HURT, "complain", extra=triage(injury=0.9, legal=0.02))
    await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_empathy_safety"]


async def test_an_unsure_head_leaves_the_usual_empathy(dispatcher, domain):
    tracker = make_tracker(HURT, "complain", extra=triage(injury=0.3, legal=0.02))
    await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) != ["utter_empathy_safety"]


def user(text, parse_data=None):
    return {"event": "user", "text": text, "parse_data": parse_data or {}, "timestamp": 1.0}


def severity_of(events):
    fields = draft_fields(
        IntakeFacts(),
        conversation_id="c1",
        channel="rest",
        events=events,
        order=None,
        amount_threshold=2000.0,
        handoff_reason="completed",
    )
    return fields["severity"], fields["severity_reasons"]


def test_the_ticket_takes_the_learned_reasons_of_any_message():
    events = [
        user("你好", triage(group=0.01)),
        {"event": "bot", "text": "请问遇到了什么问题？", "timestamp": 1.0},
        user(GROUP, triage(group=0.8, media=0.1)),
        user('/inform{"desired_remedy":"refund"}', triage(legal=0.99)),  # a button: ignored
    ]
    assert severity_of(events) == ("urgent", ["group"])
    assert severity_of(events[:2]) == ("normal", [])
    assert severity_of([user(GROUP)]) == ("normal", [])  # a model without the head

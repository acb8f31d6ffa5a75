"""Hand trial ux12 (the widget against the real bot): words typed with a photo.

The trackers are real rasa-sdk trackers (tests/actions/conftest.py `make_tracker`).
"""

from actions.form_questions import ActionAskEvidenceStatus, ActionAskIssueDescription
from actions.intake import ActionNotUnderstood
from tests.actions.conftest import make_tracker, responses

_UPLOAD = {"event": "user", "text": "/send_evidence", "metadata": {"evidence": ["ev_1"]}}
_MISSING = ["商品破损照片", "快递面单"]


def _caption_turn(text: str, intent: str, with_evidence: bool, **slots):
    tracker = make_tracker(
        text,
        intent,
        slots={"requested_slot": "evidence_status", "evidence_followup": _MISSING, **slots},
        history=[_UPLOAD],
    )
    tracker.events[-1]["metadata"] = {"with_evidence": True} if with_evidence else {}
    return tracker


async def test_a_caption_that_tells_more_does_not_repeat_the_question_just_asked(
    dispatcher, domain
):
    """A photo with "这是碎掉的杯子，外箱也压扁了" at the evidence question: the bot asked for
    the rest after the photo ("还差商品破损照片、快递面单…"), took the words into the
    description ("补充的情况已经记上了") and asked for the same two again in other words.
    Only a caption the bot could not read was covered (ux8)."""
    caption = _caption_turn("这是碎掉的杯子，外箱也压扁了", "complain", True)
    await ActionAskEvidenceStatus().run(dispatcher, caption, domain)
    assert responses(dispatcher) == []


async def test_the_same_words_sent_on_their_own_hear_the_question_again(dispatcher, domain):
    """Without the files just before them the question is asked as before."""
    alone = _caption_turn("这是碎掉的杯子，外箱也压扁了", "complain", False)
    await ActionAskEvidenceStatus().run(dispatcher, alone, domain)
    assert responses(dispatcher) == ["utter_ask_more_evidence"]


async def test_urging_at_the_read_back_hears_that_it_waits_for_a_yes(dispatcher, domain):
    """ "！！赶紧处理！！" at the read-back (widget, signed webhook and WeCom alike) was not
    placed by the NLU and heard "不好意思，我没太明白。能换个说法再说一次吗？"."""
    tracker = make_tracker("！！赶紧处理！！", "nlu_fallback", slots={"awaiting_confirmation": True})
    await ActionNotUnderstood().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_status_not_yet_filed"]


async def test_words_the_nlu_missed_at_the_read_back_are_still_asked_again(dispatcher, domain):
    tracker = make_tracker("就是上周那个", "nlu_fallback", slots={"awaiting_confirmation": True})
    await ActionNotUnderstood().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_please_rephrase"]


def _files_at_the_opening(captioned: bool):
    metadata = {"evidence": ["ev_1"], **({"captioned": True} if captioned else {})}
    tracker = make_tracker("/send_evidence", "send_evidence", slots={"requested_slot": None})
    tracker.events[-1]["metadata"] = metadata
    return tracker


async def test_files_sent_with_the_complaint_typed_beside_them_wait_for_the_words(
    dispatcher, domain
):
    """A photo with "收到的杯子碎了！订单 2024 1123 5567，给我补发一个" typed beside it, before
    anything was told: the bot asked "麻烦描述一下遇到的问题" after the photo and read the
    description in the next message. The widget marks such files `captioned`."""
    await ActionAskIssueDescription().run(dispatcher, _files_at_the_opening(True), domain)
    assert responses(dispatcher) == []
    await ActionAskIssueDescription().run(dispatcher, _files_at_the_opening(False), domain)
    assert responses(dispatcher) == ["utter_ask_issue_description"]

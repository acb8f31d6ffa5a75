"""Nineteenth round (severity_dev19: the customer's words reported), opened: the evidence
handed to a journalist named by a pronoun. None of these sentences is a dev case."""

import pytest

from bot.triage.severity import assess_severity

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        "我表姐在电视台做记者，聊天记录我已经转给对方了",
        "认识一个报社的人，视频已经发给人家了",
        "买家称有媒体朋友，已经把证据都交给那位了",
    ],
)
def test_evidence_handed_to_a_journalist_named_again_is_media(text):
    assert "media" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "我把照片发给对方了，就是你们客服",  # no journalist named
        "材料已经交给朋友看了，他说是质量问题",
    ],
)
def test_handed_to_someone_who_is_no_journalist_is_no_media(text):
    assert "media" not in reasons(text)

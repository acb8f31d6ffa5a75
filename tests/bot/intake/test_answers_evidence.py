"""Answers to the evidence question in the customer's words."""

import pytest

from bot.intake import answers


@pytest.mark.parametrize("text", ["有录屏", "有錄屏", "有录像的", "有聊天记录"])
def test_having_a_recording_or_a_chat_log_is_evidence_to_come(text):
    """A dialogue dev5 customer said "有录屏" to the evidence question three times, unheard."""
    assert answers.evidence_coming(text)


@pytest.mark.parametrize("text", ["没有录屏", "录屏没了", "有录屏的必要吗"])
def test_no_recording_is_not_evidence_to_come(text):
    assert not answers.evidence_coming(text)

"""A rating's comment that says the problem is still open (hand trial, WeCom)."""

import pytest

from bot.intake.rating_comments import says_still_open


@pytest.mark.parametrize(
    "comment",
    ["小样还没到呢，快递单号发我", "東西到現在都沒收到", "退款什么时候到账？", "问题根本没解决"],
)
def test_still_open(comment):
    assert says_still_open(comment)


@pytest.mark.parametrize(
    "comment", ["很快", "客服给我解决得很快", "客服态度很好，谢谢", "还行吧", "", None]
)
def test_an_ordinary_comment(comment):
    assert not says_still_open(comment)

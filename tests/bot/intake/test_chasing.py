"""A customer pressing for an answer to a filed complaint, told from a calm status question."""

import pytest

from bot.intake.chasing import chases


@pytest.mark.parametrize(
    "text, pressing",
    [
        ("催一下 怎么还没人理我", True),
        ("點解仲未有人覆我", True),
        ("等了一个小时了", True),
        ("到底什么时候处理", True),
        ("为什么还没处理", True),
        ("快點啦", True),
        ("我的投诉到哪一步了", False),
        ("进度怎么样了", False),
        ("多久有人处理", False),
    ],
)
def test_pressing_is_told_from_asking(text, pressing):
    assert chases(text) is pressing

"""trial14: what "地址没变，谢谢" is, and what it is not."""

import pytest

from bot.intake.thanks_closing import confirms_with_thanks


@pytest.mark.parametrize(
    "text",
    [
        "地址没变 谢谢",
        "地址沒變，謝謝",
        "好的 收货地址还是原来那个 谢谢啦",
        "地址冇變 唔該晒",
        "电话没变 地址也没变 谢谢",
    ],
)
def test_something_unchanged_with_thanks(text):
    assert confirms_with_thanks(text)


@pytest.mark.parametrize(
    "text",
    [
        "谢谢",
        "谢谢 那大概多久有人处理",
        "杯子还是坏的 谢谢",
        "鞋底也裂了 谢谢",
        "还是没收到 谢谢",
        "不是物流问题 谢谢",
    ],
)
def test_thanks_beside_a_fact_or_a_question(text):
    assert not confirms_with_thanks(text)

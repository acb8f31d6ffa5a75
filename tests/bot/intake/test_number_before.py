"""dialogues_dev26: "就用刚才那个" at the order question points to a number said before."""

import pytest

from bot.intake.number_before import points_back_to_a_number


@pytest.mark.parametrize(
    "text",
    [
        "就用之前那个",
        "还是上面那个订单号",
        "和刚刚的一样",
        "同頭先個單號一樣",
        "上面發過了",
        "用刚财那个",
    ],
)
def test_pointing_back_to_a_number(text):
    assert points_back_to_a_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "202411235567",  # a number
        "就用刚才那个手机号",  # a phone, not the order
        "刚才那个杯子的事还是要退款",  # the complaint, not a number
        "没有",
        "还是退款吧",
        "刚才说了 杯子碎了",
    ],
)
def test_no_pointing_back(text):
    assert not points_back_to_a_number(text)

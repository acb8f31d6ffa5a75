"""Words that take a withdrawn complaint up again, or open another (hand test ux11)."""

import pytest

from bot.intake.returning import another_complaint, comes_back, only_comes_back, refers_back


@pytest.mark.parametrize(
    "text",
    [
        "还是帮我处理一下吧",
        "算了还是投诉吧",
        "還是幫我處理一下吧",
        "算了還是投訴吧",
        "那还是登记吧",
        "继续投诉",
        # hand trial (trial, WeCom, Cantonese): 都係 is 还是 here; it was read as a status
        # question ("暫時沒有查到您的投訴記錄") and went into the description when answered
        "都係幫我跟進下啦",
        "算啦 都係投訴啦",
        "都係要幫我處理吓",
    ],
)
def test_taking_the_complaint_up_again_tells_nothing_more(text):
    assert comes_back(text) and only_comes_back(text)


@pytest.mark.parametrize("text", ["刚才那个杯子的事还是要退款", "還是幫我處理吧 杯子碎了兩個"])
def test_a_return_that_tells_more_is_a_return_with_a_story(text):
    assert comes_back(text) and not only_comes_back(text)


@pytest.mark.parametrize("text", ["我还要投诉另一个订单", "新投诉", "另外一个问题"])
def test_another_complaint_is_no_return(text):
    assert another_complaint(text) and not comes_back(text)


@pytest.mark.parametrize(
    "text", ["我要投诉", "好的谢谢", "杯子碎了", "都是处理不好的问题", "客服都是这样处理的吗"]
)
def test_an_ordinary_opening_is_no_return(text):
    assert not comes_back(text)


def test_pointing_back_to_the_complaint_told_before():
    assert refers_back("刚才那个杯子的事还是要退款")
    assert not refers_back("我买的蓝牙耳机左边完全没有声音")

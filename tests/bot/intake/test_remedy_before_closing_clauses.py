"""A remedy said mid-message, followed by clauses that settle other questions (trial11).

"杯子碎了 退钱 没照片 不用电话": the photo, the call and the order number settled after the
remedy left it no order said last, and the remedy was asked again (dialogues_dev22).
"""

import pytest

from bot.intake.answers import declines_call
from bot.intake.remedy_answers import remedy_wished


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("收到杯子就碎了 退钱 没照片 不用电话", "refund"),
        ("围巾勾丝了 换一条 没拍 不用回电话", "exchange"),
        ("羽絨服拉鍊壞了 退貨退款 沒拍照 不用回電", "return_refund"),
        ("四件套一直没到 退款 没截图 订单DD20241123889", "refund"),
        ("保溫杯蓋子漏水 換一個 單號202411180305 沒拍 不用電話", "exchange"),
    ],
)
def test_the_remedy_before_settling_clauses_is_wished(text, remedy):
    assert remedy_wished(text) == remedy


@pytest.mark.parametrize("text", ["不用电话", "不用回电话", "不用回電", "别打电话"])
def test_the_call_declined_in_two_words(text):
    assert declines_call(text)


@pytest.mark.parametrize("text", ["退款一直没到账 订单202411235567", "电话费不用"])
def test_no_wish_and_no_call_are_read_into_them(text):
    assert remedy_wished(text) is None
    assert not declines_call(text)

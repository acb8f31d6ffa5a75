"""bot.nlu.promiser: who made the promise a complaint is about, the host or the shop's service."""

import pytest

from bot.nlu.missing_item import MARKS as MISSING_ITEM_MARKS
from bot.nlu.promiser import HOST, MARKS, SERVICE, mark, promiser


@pytest.mark.parametrize(
    "text",
    [
        "客服答应补寄赠品 一直没寄",  # round five's miss: a reship agreed to, not a campaign's gift
        "售后同意给我换新 拖了一个月",
        "客服说给我补一个配件 过了两周还没发出",
        "上次客服話會同我換過件 到而家都冇下文",  # Cantonese: 话会 + 换
        "商家承诺重新寄一个 到现在没寄",
        "CS promised to resend the gift 但系一直冇寄",
    ],
)
def test_a_remedy_the_service_agreed_to(text):
    assert promiser(text) == SERVICE


@pytest.mark.parametrize(
    "text",
    [
        "主播承诺的赠品没给 把送的那个补发过来",  # round five's tie with promotion
        "直播间说下单送面膜 结果啥也没送",
        "主播話買就送多一支 點知冇",
        "the host said 下单就送赠品 but nothing came",
    ],
)
def test_what_the_host_said(text):
    assert promiser(text) == HOST


@pytest.mark.parametrize(
    "text",
    [
        "下单时客服答应送两个发圈 没收到",  # a gift of the sale (promotion), no remedy
        "客服一直說會處理，結果什麼都沒處理",  # a vague promise: the agent's manners
        "客服说好给我补差价 钱一直没到",  # money promised: refund_payment
        "页面写着买就送收纳袋 没收到",  # the shop's page
        "客服态度很差",
        "",
        None,
    ],
)
def test_no_promiser(text):
    assert promiser(text) is None
    assert mark(text) == ""


def test_the_marks_are_private_use_characters_of_their_own():
    marks = list(MARKS.values()) + list(MISSING_ITEM_MARKS.values())
    assert len({m[0] for m in marks}) == len(marks)
    assert all("\ue000" <= m[0] <= "\uf8ff" for m in marks)
    assert mark("客服答应补寄赠品 一直没寄") == MARKS[SERVICE]

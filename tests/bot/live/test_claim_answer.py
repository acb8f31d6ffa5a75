"""Whether a message tells the live-stream host's words (the ticket's claim)."""

import pytest

from bot.live.claim_answer import hosts_words, says_nothing_of_use, tells_hosts_words


@pytest.mark.parametrize(
    "text",
    [
        "直播间主播说下单送发夹 结果啥也没有",
        "阿杰直播的時候說這支手錶可以量血糖 結果根本沒有",
        "直播間說原價599今天只要199",
        "在你们直播间买的精华液 主播一直说是正品保真",
        "直播间买的精华 说好送面膜的 一片都没有",
        "主播在直播间说这表防水五十米",
        "睇直播買嘅精華 主播話用一個禮拜就淡斑",
    ],
)
def test_the_hosts_words_told(text):
    assert tells_hosts_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "在直播间买的精华液 跟主播讲的完全不是一回事",
        "直播间买的精华 主播说的根本不是这样",
        "手表跟主播说的和实际不符",
        "直播间承诺的没兑现",
        "直播間買的手錶 被主播騙了",
        "主播说话不算数",
        "主播虚假宣传",
    ],
)
def test_the_host_named_without_their_words(text):
    assert not tells_hosts_words(text)


@pytest.mark.parametrize("text", ["🙄", "？？", "不知道", "我也不知道啊"])
def test_nothing_of_use(text):
    assert says_nothing_of_use(text)


@pytest.mark.parametrize("text", ["不记得了", "没说什么", "就是主播说的啊", "说送面膜"])
def test_an_answer_all_the_same(text):
    assert not says_nothing_of_use(text)


@pytest.mark.parametrize(
    "text, words",
    [
        ("我要投诉，主播说买面霜送三支小样，我收到只有面霜，赠品呢", "主播说买面霜送三支小样"),
        ("主播昨晚话下单就送化妆包，我等咗一个星期都冇收到赠品😤", "主播昨晚话下单就送化妆包"),
        ("直播间主播说下单送发夹 结果啥也没有", "直播间主播说下单送发夹"),
        ("主播说买二送一，还送面膜，结果只收到一瓶", "主播说买二送一，还送面膜"),
        ("主播说买锅送炒铲，炒铲呢", "主播说买锅送炒铲"),
        ("主播說原價599今天只要199", "主播說原價599今天只要199"),
        # the words split from the host by a comma: the whole message, as before
        ("主播说，买二送一", "主播说，买二送一"),
        # hand trial (trial, WeCom): the customer's verdict after the host's words is not
        # what the host said ("承诺“主播说好的送三支 骗人”" in the desk's summary)
        ("小样没收到！主播说好的送三支 骗人", "主播说好的送三支"),
        ("主播说买一送一 忽悠人呢这是", "主播说买一送一"),
        ("主播說送三支小樣 騙子", "主播說送三支小樣"),
        ("主播说是正品，假一赔十", "主播说是正品，假一赔十"),
    ],
)
def test_the_hosts_words_without_the_customers_story(text, words):
    """ux6: the whole opening was the claim, "我收到只有面霜" included."""
    assert hosts_words(text) == words


def test_the_host_called_by_name_tells_the_hosts_words():
    """Hand trial (ux6): "大鹏说买锅送铲" in 大鹏严选's room is the host's words; without the
    room's host it could be anyone's."""
    text = "大鹏说买锅送铲 我的铲子没有"
    assert not tells_hosts_words(text)
    assert tells_hosts_words(text, "大鹏严选")
    assert hosts_words(text, "大鹏严选") == "大鹏说买锅送铲"

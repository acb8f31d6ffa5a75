"""bot.nlu.missing_item: which thing a complaint says is missing, the gift or the item bought."""

import pytest

from bot.nlu.missing_item import BOUGHT, EVERYTHING, GIFT, IN_TRANSIT, MARKS, mark, missing_item


@pytest.mark.parametrize(
    "text",
    [
        "赠品哪去了 纸箱里只有我买的那条裤子",  # the bought item said present
        "说好送两双袜子 没收到",  # the promise, then the absence in its own clause
        "买烤箱送烤盘 烤箱到了 烤盘连影子都没有",  # nouns of 买…送…, each said of
        "附赠的围裙没看到 锅铲收到了",
        "送嘅雨遮冇收到",  # Cantonese
        "贈品呢？紙箱裡只有我訂的褲子",  # Traditional
        "满两件送的发圈一根都没有",
        "买一送一 只收到一个",  # the free one of a buy-one-get-one
        "说好送一个抱枕 拆开啥也没有",  # nothing of what was promised
    ],
)
def test_the_gift_is_missing(text):
    assert missing_item(text).side == GIFT


@pytest.mark.parametrize(
    "text",
    [
        "纸箱里只有赠品 我买的裤子没有",  # the same characters as the first gift case
        "拆开就一个送的开瓶器 我买的红酒呢",
        "赠品倒是到了 我订的床单没在箱子里",  # the gift said present
        "只收到送的烤盘 烤箱不在里面",  # a thing named once, said missing beside the gift
        "紙箱入面淨係得贈品 我買嗰件外套唔見咗",
        "买烤箱送烤盘 烤箱到现在还没到",  # not arrived (logistics) is the bought side too
    ],
)
def test_the_bought_item_is_missing(text):
    assert missing_item(text).side == BOUGHT


@pytest.mark.parametrize(
    "text",
    ["打开是个空箱子", "收到个空包裹 连赠品都没有", "买的烤箱和送的烤盘都没到"],
)
def test_everything_is_missing(text):
    assert missing_item(text).side == EVERYTHING


def test_the_missing_thing_is_named():
    assert missing_item("买烤箱送烤盘 烤箱到了 烤盘连影子都没有").noun == "烤盘"
    assert missing_item("送的那个小风扇呢").noun == "小风扇"
    assert missing_item("盒子里只有赠品 我买的钢笔没有").noun == "钢笔"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "吹风机用了两天就坏了",
        "说好的送货上门呢 让我自己下楼拿",  # 送 that delivers, not gives
        "显示派送成功 我没收到",
        "买的42码鞋子寄来了40码",  # the bought item came, no gift is named
        "优惠券没用上 多付了二十",
    ],
)
def test_nothing_is_said_missing(text):
    assert missing_item(text) is None


def test_the_mark_is_private_characters_of_its_side():
    assert mark("纸箱里只有赠品 我买的裤子没有") == MARKS[BOUGHT]
    assert mark("赠品哪去了 纸箱里只有我买的那条裤子") == MARKS[GIFT]
    assert mark("吹风机用了两天就坏了") == ""
    assert len(set(MARKS.values())) == 4
    assert all(0xE000 <= ord(ch) <= 0xF8FF for value in MARKS.values() for ch in value)


@pytest.mark.parametrize(
    "text",
    [
        "送的小样都收到了 我买的精华到现在还没到",  # round five's tie: logistics
        "买锅送铲子 锅到现在没收到",
        "買咗個鍋 送嘅鏟到咗 個鍋仲未到",
        "送的发圈单独寄来了 我订的裙子还没到",
    ],
)
def test_the_bought_item_not_arrived_has_a_mark_of_its_own(text):
    # the spec's logistics; the bought item not in the opened box is wrong_or_missing_item
    assert missing_item(text).side == BOUGHT
    assert mark(text) == MARKS[IN_TRANSIT]


@pytest.mark.parametrize(
    "text",
    [
        "快递里就一把送的铲子 锅不在里面",
        "拆开快递 送的贴纸在 主机不在",
        "赠品到了 我买的杯子到现在都没在盒子里",  # the box said: not the transit
    ],
)
def test_the_bought_item_not_in_the_box_keeps_the_bought_mark(text):
    assert mark(text) == MARKS[BOUGHT]

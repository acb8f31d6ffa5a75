"""Messages without words, and the part of a contrast the customer affirms."""

import pytest

from bot.nlu.normalize import affirmed_part, has_words


@pytest.mark.parametrize(
    "text, expected",
    [("😭😭😭", False), ("👍", False), ("？？？", False), ("ok", True), ("好", True), ("１２３", True)],
)
def test_has_words(text, expected):
    assert has_words(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("不对不对 不是少发 是两个都到了 其中一个碎成好几块了", "不对不对 是两个都到了 其中一个碎成好几块了"),
        ("不对 是屏幕裂了不是没电 拆开快递屏幕就是碎的", "不对 是屏幕裂了 拆开快递屏幕就是碎的"),
        ("唔係質量問題 係發錯碼", "是发错码"),
        ("不是质量问题而是跟描述不一样", "是跟描述不一样"),
        # no contrast: nothing denied that was said before
        ("收到的不是我买的那款", None),
        ("是不是坏了", None),
        ("耳机没声音", None),
    ],
)
def test_affirmed_part(text, expected):
    assert affirmed_part(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("颜色那个其实还好，主要是开线", "开线"),
        ("顏色其實還好 主要是開線了", "开线了"),
        ("快递慢点没关系，关键是东西坏了", "东西坏了"),
        ("价格还好，主要问题是尺码偏小", "尺码偏小"),
        # nothing played down before the stress, or nothing stressed
        ("主要是开线", None),
        ("还好你们客服态度好", None),
        ("还好吧", None),
    ],
)
def test_the_stressed_part_after_one_played_down_is_affirmed(text, expected):
    assert affirmed_part(text) == expected

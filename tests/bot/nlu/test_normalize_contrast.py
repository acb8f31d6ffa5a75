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

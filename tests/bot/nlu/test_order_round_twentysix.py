"""Round twenty-six (ord26, dev26): a different number competing with the order id.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change. The legend before a list of
numbers has its own module and tests (`test_number_legend.py`).
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两个号，物流的 75312345678901，订单的 286543219876", "286543219876"),
        ("订单的号码我发你 3721849563028174625，快递的是 SF1234567890123", "3721849563028174625"),
        ("快递的 YT7512345678901，订单的 6938472615038472910", "6938472615038472910"),
        # 的 after a word that names no number, or after one character, changes nothing
        ("我老婆的 3721849563028174625 没到", "3721849563028174625"),
    ],
)
def test_a_word_then_de_names_the_number_after_it(text, expected):
    assert primary(text) == expected


def test_a_parcel_number_named_with_de_is_no_order():
    assert primary("快递的 433098765432101 一直没更新") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 241123 ➖ 123456789012345", "241123123456789012345"),
        ("单号241123👉123456789012345", "241123123456789012345"),
        ("拼多多 241123 ✖️ 123456789012345 没发货", "241123123456789012345"),
    ],
)
def test_an_emoji_between_pinduoduos_date_and_rest_joins_them_as_a_space_does(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a twelve-digit id beside a fifteen-digit one stays apart: only the date part joins
        ("订单号 286543219876 ➖ 123456789012345", "286543219876"),
    ],
)
def test_an_emoji_joins_only_pinduoduos_date_part(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 3721849563028174625 发错了，是这个 3721849563028174652", "3721849563028174652"),
        ("订单号 286543219876 打错了，是这个号 286543219867", "286543219867"),
        ("订单号286543219876 不对，应该是这个 286543219867", "286543219867"),
        (
            "「我：订单号 286543219876」\n- - - - - - - - - -\n写错了，是这个 286543219867",
            "286543219867",
        ),
    ],
)
def test_a_correction_may_point_at_the_right_number(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 是这个 with no mistake said before it picks nothing: the first order stays
        ("订单号 286543219876，是这个 286543219867 吗", "286543219876"),
    ],
)
def test_a_pointer_alone_is_no_correction(text, expected):
    assert primary(text) == expected

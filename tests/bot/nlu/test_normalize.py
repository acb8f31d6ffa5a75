import pytest

from bot.nlu.normalize import (
    detect_script,
    fold_digits,
    normalize,
    to_halfwidth,
    to_simplified,
    to_traditional,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("４５２１－８８７６－０９１２", "4521-8876-0912"),
        ("ＤＤ２０２４", "DD2024"),
        ("订单\u3000２０２４", "订单 2024"),
        ("好的！！？", "好的!!?"),
        ("￥３２８", "¥328"),
    ],
)
def test_halfwidth_maps_fullwidth_ascii_one_for_one(text, expected):
    assert to_halfwidth(text) == expected
    assert len(to_halfwidth(text)) == len(text)


def test_simplified_converts_traditional_and_keeps_plain_text():
    assert to_simplified("我的訂單還沒到，氣死了") == "我的订单还没到，气死了"
    assert to_simplified("好的 OK 123 😡") == "好的 OK 123 😡"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "訂單　ＬＳ－２０２４，氣死了😡！！",
        "İstanbul ǅ ﬁ",  # characters whose str.lower() changes the length
        "\x00\xff\ud800",
        "後來的事" * 2500,
    ],
)
def test_normalize_keeps_the_length_so_offsets_map_back(text):
    assert len(normalize(text)) == len(text)
    assert len(normalize(text, lowercase=False)) == len(text)


def test_normalize_gives_traditional_and_fullwidth_the_simplified_form():
    assert normalize("訂單ＡＢ１２，聯繫電話") == "订单ab12,联系电话"
    assert normalize("訂單ＡＢ１２", lowercase=False) == "订单AB12"
    assert normalize("4521–8876\u00a00912") == "4521-8876 0912"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的訂單還沒到", "hant"),
        ("這個產品壞了，麻煩換貨", "hant"),
        ("我的订单还没到", "hans"),
        ("这个产品坏了，麻烦换货", "hans"),
        ("好的", None),
        ("12345 😡", None),
        ("", None),
        ("\x00\xff", None),
    ],
)
def test_detect_script(text, expected):
    assert detect_script(text) == expected


def test_traditional_uses_taiwan_vocabulary():
    assert to_traditional("请提供订单号") == "請提供訂單號"
    assert to_traditional("视频里的信息") == "影片裡的資訊"
    assert to_traditional("") == ""


def test_fold_digits_keeps_the_shape_of_numbers():
    assert fold_digits("订单2024-1123 花了299元") == "订单0000-0000 花了000元"
    assert fold_digits("") == ""

import pytest

from bot.orders.ids import normalize_order_id


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2024 1123 5567", "202411235567"),
        ("２０２４１１２３５５６７", "202411235567"),
        ("4521-8876-0912", "452188760912"),
        ("dd20241123889", "DD20241123889"),
        ("ＬＳ２０２４－１１２０－００１", "LS20241120001"),
        (" 202411200012 ", "202411200012"),
        ("2024，1123，5567", "202411235567"),
        ("2024、1123、5567", "202411235567"),
        ("二零二四一一二三五五六七", "202411235567"),
        ("二零二四 一一二三 五五六七", "202411235567"),
        ("幺三八幺二三四五六七八", "13812345678"),
        ("②⓪②④①①②③⑤⑤⑥⑦", "202411235567"),
        ("2024112355O7", "202411235507"),
        ("2O24l1235567", "202411235567"),
    ],
)
def test_normalises_the_ways_customers_type_numbers(raw, expected):
    assert normalize_order_id(raw) == expected


@pytest.mark.parametrize("raw", ["", "12345", "abcdefgh", "我的订单", "1" * 25, "\x00\xff"])
def test_rejects_what_is_not_an_order_number(raw):
    assert normalize_order_id(raw) is None


def test_pattern_is_configurable():
    assert normalize_order_id("TB123", r"^TB\d{3}$") == "TB123"
    assert normalize_order_id("202411235567", r"^TB\d{3}$") is None

import pytest

from bot.orders.ids import normalize_order_id, prefix_readings, with_typed_prefix, without_prefix


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


@pytest.mark.parametrize(
    "answer, extracted, expected",
    [
        ("JD 301234567890", "301234567890", "JD301234567890"),
        ("p 758201938475610293", "758201938475610293", "P758201938475610293"),
        ("PO 211 29384756102938475", "29384756102938475", "PO21129384756102938475"),
        ("jd 三零幺九二八三七四六六四", "301928374664", "JD301928374664"),  # voice input
        ("No 301234567890", "301234567890", "301234567890"),  # a label, not a prefix
        ("13812345678 301234567890", "301234567890", "301234567890"),  # no letters in front
        ("好的 JD 301234567890", "301234567890", "301234567890"),  # not only the number
        ("241128-079312846150275", "241128079312846150275", "241128079312846150275"),
    ],
)
def test_a_letter_prefix_typed_at_the_order_question_stays(answer, extracted, expected):
    assert with_typed_prefix(answer, extracted) == expected


def test_letters_alone_only_where_the_caller_vouches_for_them():
    """Typed at the order question "refund" is no order; the NLU's entity after 订单号 is."""
    assert normalize_order_id("refund") is None
    assert normalize_order_id("kxmzqprt", allow_letters_only=True) == "KXMZQPRT"
    assert normalize_order_id("abc", allow_letters_only=True) is None  # too short still


@pytest.mark.parametrize(
    "order_id, digits",
    [
        ("JD286543219876", "286543219876"),
        ("PDD241123081234567890123", "241123081234567890123"),
        ("E2024112312345", "2024112312345"),
        ("286543219876", None),  # no prefix
        ("ABCDE12345678", None),  # five letters: more than a prefix
        ("AB12345", None),  # too few digits behind it
        ("2024AB5567", None),  # letters inside, not in front
    ],
)
def test_the_digits_behind_a_short_letter_prefix(order_id, digits):
    assert without_prefix(order_id) == digits


@pytest.mark.parametrize(
    "order_id, readings",
    [
        # 小红书's own P behind the platform's glued "xhs" (ord31): P7123… among the readings
        ("XHSP71234567890", ["HSP71234567890", "SP71234567890", "P71234567890", "71234567890"]),
        ("JD286543219876", ["D286543219876", "286543219876"]),
        ("E2024112312345", ["2024112312345"]),
        ("286543219876", []),  # no prefix
        ("ABCDE12345678", []),  # five letters: more than a prefix
        ("AB12345", []),  # too few digits behind it
    ],
)
def test_each_shorter_prefix_nearest_first_then_the_digits(order_id, readings):
    assert prefix_readings(order_id) == readings

"""Round twenty-one (ord24, dev21): long messy messages with many numbers.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text",
    [
        # a bracketed area code, then the local number: a landline, named or not
        "座机（0512）6788 1234 白天打",
        "(0571) 8876-5432 这个号一直打给我",
        "电话 (0755)-8765-4321 打不通",
        "公司电话 (010)6543-2100",
        "(+852) 2345 6789 係我公司",
        "(886) 2345 6789",
    ],
)
def test_a_local_number_after_a_bracketed_area_code_is_a_phone(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 2411235566778899 电话(021)62345678", "2411235566778899"),
        ("座机 (020) 8765 4321，订单 241123998877 没到", "241123998877"),
        # what must not change: an order in brackets after its word, a bare eight-digit order
        ("订单号 (2411235566) 谢谢", "2411235566"),
        ("订单号（0123456789）少发了", "0123456789"),
        ("87654321 这个订单没到", "87654321"),
    ],
)
def test_an_order_beside_a_bracketed_landline(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tail named without a count, then said wrong or what it should be
        ("订单号 202411235567 尾号错了，应该是 68", "202411235568"),
        ("订单 202411235567 尾号不对 是 76", "202411235576"),
        ("订单 202411235567 尾數應該係 68", "202411235568"),
        ("订单号 202411235567 后边应该是 5576", "202411235576"),
        ("订单 202411235567 尾数是68 不是67", "202411235568"),
        # in English
        ("order 202411235567, last two digits should be 76", "202411235576"),
        ("order 202411235567 the last digit is 8", "202411235568"),
    ],
)
def test_last_digits_retyped_after_a_tail_word(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what must not change: the tail only repeated, a price, too different, a card's tail
        ("订单 202411235567 尾号 5567", "202411235567"),
        ("订单号 202411235567 尾号不对是1299元", "202411235567"),
        ("订单号 202411235567 尾号不对是9999", "202411235567"),
        ("订单号 202411235567，卡尾号 1234 扣的款", "202411235567"),
        ("订单号是38472619 后面是50384756201", "3847261950384756201"),
        ("订单号 202411235567 最后一位是8", "202411235568"),
    ],
)
def test_what_a_tail_word_does_not_change(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last two digits said to be swapped, with no number after
        ("订单号 202411235567 最后两位写反了", "202411235576"),
        ("订单号 202411235567 尾两位打反了，麻烦查下", "202411235576"),
        ("订单 202411235567 末两位输反了，是76", "202411235576"),
        # a phone or parcel number said later is no retyped order
        ("订单号 202411235567 最后两位写反了，我的手机号是13912345678", "202411235576"),
        # what must not change: the customer looks again, or retypes the whole number, or the
        # swap is said of the number the correction replaced
        ("订单号 202411235576 后两位顺序反了 202411235567", "202411235567"),
        ("订单号是202411235576，哦不是，202411235567，后两位反了", "202411235567"),
    ],
)
def test_last_two_digits_said_swapped(text, expected):
    assert primary(text) == expected


def test_swapped_digits_while_looking_again_still_file_none():
    assert primary("订单号 202411235567 最后两位反了 我再找找") is None


@pytest.mark.parametrize(
    "text",
    [
        # a courier's or the post's SMS: the parcel it addresses
        "您的快件 773012345678901 已到驿站",
        "【邮政】您的邮件 1234567890123 已妥投",
        "【京东物流】你的包裹 JD0098765432101 正在派送",
        # pick-up points' codes and Hong Kong's mobile word
        "取货代码 12345678 无效",
        "驿站货架号 3-2-1147 找不到",
        "我手提 6123 4567，屋企電話 2345 6789",
    ],
)
def test_numbers_a_notice_or_a_pick_up_point_names(text):
    assert primary(text) is None


def test_an_order_after_a_parcel_an_sms_addresses():
    text = "您的包裹 JD0098765432101 已签收 但订单 285736491027 没收到"
    assert primary(text) == "285736491027"


@pytest.mark.parametrize(
    "text, expected",
    [
        # another number tried after one the bot could not find
        ("订单 202411235567 查不到 再试试 202411235576", "202411235576"),
        ("机器人说查无订单 202411235567，那试一下 202411235576", "202411235576"),
        ("你刚才说订单 202411235567 不存在，你再查 202411235576", "202411235576"),
        # what must not change: one number tried is still the order
        ("我试试这个 202411235567 能不能查", "202411235567"),
        ("麻烦再查一下 202411235567", "202411235567"),
    ],
)
def test_a_number_tried_after_one_not_found(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 蚊 is Cantonese for 元: an amount, never the rest of the order on the line above
        ("呢單\n2411230066554433\n300蚊 都未到", "2411230066554433"),
        ("張單 2411230055443322 俾咗 580蚊，得返半份", "2411230055443322"),
    ],
)
def test_a_price_in_man_is_no_part_of_the_order(text, expected):
    assert primary(text) == expected


def test_a_price_in_man_alone_is_no_order():
    assert primary("我俾咗 1299蚊 買部機") is None

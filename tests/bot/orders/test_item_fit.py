"""The goods a customer names against the order their number refers to (trial11)."""

import pytest

from bot.orders.item_fit import item_names, kinds_named, load_kinds, named_goods_not_in_order

MUGS = {"items": [{"name": "手工陶瓷马克杯 (雾蓝)", "qty": 2}]}
KETTLE_AND_TEA = {"items": [{"name": "不锈钢电热水壶 1.7L"}, {"name": "明前龙井 250g 礼盒"}]}
UNKNOWN_KIND = {"items": [{"name": "多肉盆栽组合"}]}


@pytest.mark.parametrize(
    "told, order",
    [
        ("我买的蓝牙耳机连不上手机 想退货退款", MUGS),
        ("羽绒服掉毛很严重", KETTLE_AND_TEA),
        ("圍巾起毛球了 想退貨退款", MUGS),  # Traditional
        ("隻手錶個螢幕刮花咗", KETTLE_AND_TEA),  # Cantonese
        ("我买的吹风机用了两天就冒烟了", MUGS),  # kinds beyond the demo orders' (hand trial)
        ("裤子洗了一次就缩水", {"items": [{"name": "加厚羽绒服 黑色 L"}]}),
    ],
)
def test_goods_of_a_kind_the_order_does_not_hold_do_not_fit(told, order):
    assert named_goods_not_in_order(told, order)


@pytest.mark.parametrize(
    "told, order",
    [
        ("收到杯子就碎了 退钱", MUGS),  # a generic word the item's name holds
        ("茶叶少了一盒", KETTLE_AND_TEA),  # one item of several
        ("东西收到就坏了", MUGS),  # no kind named
        ("快递一直没到", KETTLE_AND_TEA),
        ("耳机坏了", UNKNOWN_KIND),  # the order's goods are of no kind the table knows
        ("耳机连不上手机", {"items": []}),
        ("你們直播間說買就送杯墊，結果什麼都沒收到！！", KETTLE_AND_TEA),  # a gift, and a coaster
        ("赠品围巾没收到", MUGS),
        ("主播答应送的耳机呢", MUGS),
        ("说明书丢了 不会用", {"items": [{"name": "多功能破壁料理机"}]}),  # no book
        ("纸尿裤漏了", {"items": [{"name": "婴儿纸尿裤 L 码"}]}),
    ],
)
def test_what_fits_or_names_nothing_asks_nothing(told, order):
    assert not named_goods_not_in_order(told, order)


def test_the_phone_connected_to_is_no_goods_named():
    assert kinds_named("耳机连不上手机") == {"earphones"}


def test_item_names_as_the_service_gives_them():
    assert item_names(KETTLE_AND_TEA) == ["不锈钢电热水壶 1.7L", "明前龙井 250g 礼盒"]


def test_goods_named_beside_a_gift_still_count():
    assert named_goods_not_in_order("羽绒服买就送围巾 结果羽绒服掉毛", MUGS)


def test_a_coaster_is_no_cup_but_a_cup_sleeve_is():
    assert kinds_named("杯垫") == frozenset()
    assert kinds_named("杯套") == {"cup"}


def test_a_shop_adds_its_own_kinds(tmp_path):
    """A kind the default table lacks names nothing until the shop's file lists it."""
    surfboards = {"items": [{"name": "冲浪板 7尺"}]}
    assert not named_goods_not_in_order("我买的鱼竿断了", surfboards)
    own = tmp_path / "kinds.yml"
    own.write_text('surfboard: ["冲浪板"]\nrod: ["鱼竿", "钓竿"]\n', encoding="utf-8")
    assert named_goods_not_in_order("我买的鱼竿断了", surfboards, load_kinds(str(own)))


def test_a_kinds_file_that_is_no_mapping_is_refused(tmp_path):
    bad = tmp_path / "kinds.yml"
    bad.write_text("- cup\n- kettle\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mapping"):
        load_kinds(str(bad))

"""One item of a several-item order said not received (dialogues_dev14 q011, q019)."""

import pytest

from bot.intake.missing_piece import names_one_missing_item

CUP_AND_SLEEVE = [{"name": "儿童保温水杯 500ml", "price": 89.0}, {"name": "杯套", "price": 0.0}]
KETTLE = [{"name": "电热水壶 1.7L", "price": 139.0}]


@pytest.mark.parametrize(
    "text",
    [
        "杯套没收到",
        "杯子收到了 杯套还没到",
        "杯套到了 保温水杯没收到",  # the dearest item, with something else said to have come
        "交易快照\n儿童保温水杯 500ml ×1 ¥89.00\n杯套 ×1 ¥0.00\n杯套没收到",
    ],
)
def test_a_piece_of_the_order_not_received(text):
    assert names_one_missing_item(text, CUP_AND_SLEEVE)


@pytest.mark.parametrize(
    "text, items",
    [
        ("快递没收到", CUP_AND_SLEEVE),  # the whole parcel
        ("东西一直没到", CUP_AND_SLEEVE),
        ("保温水杯没收到", CUP_AND_SLEEVE),  # the main thing alone: as often the whole parcel
        ("水壶没收到", KETTLE),  # one item: nothing else could have come
        ("茶叶没收到", CUP_AND_SLEEVE),  # not an item of this order
    ],
)
def test_no_piece_of_several_named(text, items):
    assert not names_one_missing_item(text, items)

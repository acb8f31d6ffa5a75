import pytest

from bot.orders.readings import group_readings


@pytest.mark.parametrize(
    "text, order_id, readings",
    [
        # a short group after the number, standing alone
        ("哦找到了 2024112000 12", "2024112000", ["202411200012"]),
        ("２０２４１１２０００ １２。", "2024112000", ["202411200012"]),
        # the number typed in groups: the next group, then without its last or first group
        ("订单 2024 1123 5567 99", "202411235567", ["20241123556799", "20241123", "11235567"]),
        ("订单号 202411235567 99", "20241123556799", ["202411235567"]),
        ("单号 88 202411235567", "88202411235567", ["202411235567"]),
        ("JD-2024-1123-5567", "JD202411235567", ["JD20241123", "202411235567"]),
        # letters typed for digits are found in the typed text too
        ("20241120OO 12", "2024112000", ["202411200012"]),
    ],
)
def test_readings_where_groups_may_or_may_not_belong(text, order_id, readings):
    assert group_readings(text, order_id) == readings


@pytest.mark.parametrize(
    "text, order_id",
    [
        ("2024112000 12件", "2024112000"),  # a count
        ("2024112000 12号到的", "2024112000"),  # a day
        ("2024112000 12345", "2024112000"),  # a group too long to be a tail
        ("我的订单 202411200012", "202411200012"),  # one group, nothing after it
        ("订单号是 998877", "2024112000"),  # the number is not in the text
        ("", "2024112000"),
    ],
)
def test_no_other_reading(text, order_id):
    assert group_readings(text, order_id) == []

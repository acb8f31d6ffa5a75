"""A phone said to be mistyped, then given again: a phone, not the order (ux4 hand test).

"電話打錯咗，係 9123 4576" filed 91234576 as the order: the correction alone called the
number an order, and a Hong Kong number has no mainland phone shape to say otherwise.
"""

import pytest

from bot.nlu.spacy_pipeline import extract
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text",
    [
        "電話打錯咗，係 9123 4576",
        "电话号码刚才打错了 应该是 6123 8890",
        "手机号写错了，是 5512 3098",
        "联系方式不对 是 9876 5432",
    ],
)
def test_the_number_after_a_mistyped_phone_is_a_phone(text):
    assert primary(text) is None
    assert "PHONE" in [found["label"] for found in extract(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号打错了，是 2024 1123 5567", "202411235567"),
        ("我电话是 9123 4567，订单号打错了，是 241120ABCD12FE", "241120ABCD12FE"),
        ("打错了 是 241120ABCD12FE", "241120ABCD12FE"),
    ],
)
def test_an_order_corrected_beside_a_phone_is_still_the_order(text, expected):
    assert primary(text) == expected

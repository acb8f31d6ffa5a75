"""A promised gift that never came, in a live session: the host's promise (hand trial ux6)."""

import pytest

from bot.live.promised_gift import live_category, names_the_host, tells_missing_promised_gift

ROOM = {"room_id": "room-7707", "streamer": "大鹏严选", "started_at": "2024-11-22T20:00+08:00"}


@pytest.mark.parametrize(
    "text, nlu",
    [
        ("买锅说好送铲子的 没收到", "logistics"),  # hand trial ux6: filed as logistics
        ("大鹏说买锅送铲 我的铲子没有", "wrong_or_missing_item"),  # 大鹏 is the host
        ("買鍋說好送鏟子嘅 冇收到", "logistics"),
        ("说好的赠品没收到", "promotion"),
        ("下单就送两双袜子 袜子呢", "wrong_or_missing_item"),
        ("拍了两件送一件 只收到两件", "wrong_or_missing_item"),
        ("买锅送铲子 锅到了铲子没有", "logistics"),
    ],
)
def test_a_missing_promised_gift_in_a_live_session_is_the_hosts_promise(text, nlu):
    assert tells_missing_promised_gift(text)
    assert live_category(nlu, text, ROOM) == "livestream_misleading"


@pytest.mark.parametrize(
    "text, nlu",
    [
        ("买锅送铲子 锅到现在没收到", "logistics"),  # the goods bought did not come
        ("买锅送铲子 锅和铲子都没收到", "logistics"),  # nor did the rest of the order
        ("买锅送铲子 快递一直没发货", "logistics"),
        ("买了两件只收到一件", "wrong_or_missing_item"),  # an item of the order, no gift
        ("锅收到了 少了个锅盖", "wrong_or_missing_item"),
        ("送的小样没有用", "other"),  # a gift that came
        ("直播间买的锅 没收到", "logistics"),
        ("买了个锅 送货的没送到", "logistics"),  # the courier's 送
    ],
)
def test_other_problems_of_a_viewer_keep_their_category(text, nlu):
    assert live_category(nlu, text, ROOM) == nlu


def test_outside_a_live_session_the_nlu_category_stands():
    assert live_category("logistics", "买锅说好送铲子的 没收到", None) == "logistics"
    assert live_category("logistics", "买锅说好送铲子的 没收到", {"streamer": "x"}) == "logistics"


def test_a_gift_the_shop_promised_stays_a_promotion_unless_the_host_is_named():
    shop = "店铺活动说好送赠品 没收到"
    assert live_category("promotion", shop, ROOM) == "promotion"
    both = "大鹏说送铲子 客服说没这回事 铲子没有"
    assert live_category("wrong_or_missing_item", both, ROOM) == "livestream_misleading"


def test_only_categories_a_missing_gift_is_misread_as_are_changed():
    """A host's gift that broke is not a missing one; refunds keep their category."""
    text = "买锅说好送铲子的 没收到"
    assert live_category("refund_payment", text, ROOM) == "refund_payment"
    assert live_category("livestream_misleading", text, ROOM) == "livestream_misleading"
    assert live_category(None, text, ROOM) is None


def test_viewers_call_the_host_by_the_start_of_the_rooms_name():
    assert names_the_host("大鹏说买锅送铲", "大鹏严选")
    assert names_the_host("主播说的", None)
    assert not names_the_host("客服说没这回事", "大鹏严选")

"""Live-stream details told in passing, at any question (intake9): the host and the moment.

"主播是阿杰数码吧，大概晚上9点说的" at the order question, "直播间是XX旗舰店，昨晚八点多" at the
photo question: only what the words clearly give is read (`bot.live.details_told`).
"""

import pytest

from bot.live.details_told import adds_to, live_details_told


@pytest.mark.parametrize(
    "text, details",
    [
        ("主播是阿杰数码吧，大概晚上9点说的", {"streamer": "阿杰数码", "replay_at": "晚上9点"}),
        ("直播间是小鹿美妆旗舰店，昨晚八点多", {"streamer": "小鹿美妆旗舰店", "replay_at": "昨晚八点多"}),
        ("回放1小时05分那里说的", {"replay_at": "1小时05分"}),
        ("大概第47分钟他说的", {"replay_at": "第47分钟"}),
        ("是阿杰数码直播间 20号晚上十点左右说的", {"streamer": "阿杰数码", "replay_at": "20号晚上十点左右"}),
        ("主播係小鹿美妝，大概第30分鐘講嘅", {"streamer": "小鹿美妝", "replay_at": "第30分鐘"}),
        ("主播叫阿杰", {"streamer": "阿杰"}),
        # nothing of the session: a clock time needs a day or a part of the day
        ("一点都不好用", {}),
        ("没拍 扔了", {}),
        ("主播是个骗子", {}),
        ("主播说买二送一", {}),
        ("主播是说送面膜的", {}),
        ("订单LS20241122017", {}),
    ],
)
def test_only_what_the_words_clearly_give_is_read(text, details):
    assert live_details_told(text) == details


@pytest.mark.parametrize(
    "live, key, value, adds",
    [
        ({}, "replay_at", "晚上9点", True),
        ({"replay_at": "昨晚"}, "replay_at", "第47分钟", True),
        ({"replay_at": "昨天晚上"}, "replay_at", "晚上9点", True),
        ({"replay_at": "晚上9点"}, "replay_at", "第47分钟", False),
        ({"replay_at": "第12分钟"}, "replay_at", "晚上9点", False),
        ({"streamer": "小鹿美妆"}, "streamer", "阿杰数码", False),
        ({"streamer": ""}, "streamer", "阿杰数码", True),
    ],
)
def test_a_detail_adds_what_live_lacks_or_a_sharper_moment(live, key, value, adds):
    assert adds_to(live, key, value) is adds

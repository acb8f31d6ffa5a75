import pytest

from bot.triage.severity import REASONS, assess_severity

THRESHOLD = 2000.0


def reasons(*texts, amount=None):
    return assess_severity(list(texts), amount, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text, expected",
    [
        ("充电宝突然炸了 我手被烫起了一串泡", ["injury"]),
        ("熱水壺把手斷掉，整壺滾水倒在我腿上，燙傷了", ["injury"]),
        ("用了面霜整张脸又红又肿 医生说是过敏", ["injury"]),
        ("吹风机漏电 手麻了好久", ["injury"]),
        ("孩子被边角划了个口子 流了好多血", ["injury"]),
        ("再不给我处理 我就打12315", ["legal"]),
        ("我已经咨询过律师了 准备起诉你们", ["legal"]),
        ("再不處理我就去消基會申訴", ["legal"]),
        ("我会向市场监管局举报", ["legal"]),
        ("再不解决我就发微博曝光你们", ["media"]),
        ("我要去爆料給媒體", ["media"]),
        ("我會把整個過程PO上Dcard", ["media"]),
        ("直播间好多人都没收到赠品 不止我一个", ["group"]),
        ("我们小区二十多户都收到坏的", ["group"]),
        ("买家群里好几个人都说是假货", ["group"]),
        ("锅炸裂把我手烫伤了 我要找律师告你们", ["injury", "legal"]),
        ("好多买家都被坑了 我们准备联系媒体", ["media", "group"]),
    ],
)
def test_urgent_reasons(text, expected):
    result = assess_severity([text], None, THRESHOLD)
    assert result.severity == "urgent"
    assert result.reasons == expected
    assert set(result.matches) == set(expected)
    assert 0.5 < result.confidence <= 1


@pytest.mark.parametrize(
    "text",
    [
        "相机拍出来的照片总是曝光不足 是不是坏了",
        "照片全部过曝 白茫茫一片",
        "看这个新品曝光度挺高才买的",
        "相機的自動曝光模式一直不準",
        "我烫完头发用你们的吹风机 风小得可怜",
        "燙衣板收到少了一個腳",
        "气得我肺都要爆炸了 你们怎么回事",
        "等了半个月 我真的要炸了",
        "好多天了还没发货",
        "我买了好多东西 就这一件有问题",
        "帮同事一起下的单 少发了一件",
        "我是在抖音直播间下的单 赠品没收到",
        "上过热搜的那款面膜 我用着一般",
        "去工商银行转的账 退款还没到",
        "全网最低价是假的 券用不了",
        "手机屏幕有划痕 贴膜起泡",
        "花了315元买的",
        "订单2024123156没到",
        "我先告你一声 再不回我就差评了",
        "气死我了！！！垃圾店铺 再也不买了",
    ],
)
def test_not_urgent_although_it_looks_like_it(text):
    result = assess_severity([text], None, THRESHOLD)
    assert result.severity == "normal", result.matches
    assert result.reasons == []
    assert result.matches == {}


def test_threat_counts_even_when_negated():
    assert reasons("我不会去曝光的 但你们要给个说法") == ["media"]


def test_amount_at_or_above_threshold():
    assert reasons("杯子碎了", amount=2000) == ["amount"]
    assert reasons("杯子碎了", amount=1999.99) == []
    assert reasons("杯子碎了", amount=None) == []
    assert assess_severity(["杯子碎了"], 2999.5, THRESHOLD).matches == {"amount": ["2999.5"]}
    assert assess_severity(["杯子碎了"], 10**9, float("inf")).reasons == []


def test_reasons_are_in_spec_order_across_messages():
    result = assess_severity(
        [
            "我们二十几个人一起买的全是假货",
            "金额很大",
            "已经集体打了12315",
            "孩子过敏了",
            "我要曝光",
        ],
        5000,
        THRESHOLD,
    )
    assert result.reasons == list(REASONS)
    assert result.matches["legal"] == ["12315"]
    assert result.confidence > 0.99


def test_confidence_grows_with_reasons():
    one = assess_severity(["我要曝光"], None, THRESHOLD).confidence
    two = assess_severity(["我要曝光 还要起诉"], None, THRESHOLD).confidence
    assert one < two


def test_near_miss_lowers_confidence_of_normal():
    plain = assess_severity(["快递没到"], None, THRESHOLD)
    near = assess_severity(["照片曝光不足"], None, THRESHOLD)
    assert plain.severity == near.severity == "normal"
    assert near.confidence < plain.confidence


@pytest.mark.parametrize("texts", [[], [""], ["😡😡"], ["\x00\xff"], ["\ud800"], ["好的" * 5000]])
def test_odd_input_is_normal(texts):
    result = assess_severity(texts, None, THRESHOLD)
    assert result.severity == "normal"
    assert result.reasons == []


def test_long_text_still_finds_a_late_trigger():
    assert reasons("快递没到。" * 2000 + "我要起诉") == ["legal"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我女儿的嘴被割了个口子", ["injury"]),
        ("充電寶鼓包了 差點燒到沙發", ["injury"]),
        ("用了这个面霜脸上又红又痒", ["injury"]),
        ("吃完肚子疼了一晚上", ["injury"]),
        ("热水袋漏了把腿烫红了", ["injury"]),
        ("我要向市场监督管理局投诉", ["legal"]),
        ("那就走法律程序", ["legal"]),
        ("我會去消委會投訴", ["legal"]),
        ("我会发到小红书上让大家避雷", ["media"]),
        ("不光是我 评论区全是一样的问题", ["group"]),
        ("三千多块的手机用了两天就坏了", ["amount"]),
        ("花了5999买的电脑开不了机", ["amount"]),
        ("1.2萬的包是假的", ["amount"]),
        ("四千五的手机屏幕碎了", ["amount"]),
        ("好几千的东西说丢就丢了", ["amount"]),
    ],
)
def test_more_ways_of_saying_it(text, expected):
    assert reasons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "气炸了 你们怎么回事",
        "吃一口就吐了 太难吃",
        "差价20块退给我",
        "付了八十九块九",
        "订单 202411235567 没发货",
        "千万别买 等了一万年",
        "花了1999买的",
    ],
)
def test_stated_amounts_below_threshold_or_not_money(text):
    assert reasons(text) == []


def test_order_amount_wins_over_stated_amount():
    assert assess_severity(["花了5999买的"], 2500, THRESHOLD).matches["amount"] == ["2500"]
    assert assess_severity(["花了5999买的"], None, THRESHOLD).matches["amount"] == ["5999"]


def test_many_people_count_only_when_they_were_affected():
    assert reasons("很多人都说你们家的客服很好") == []
    assert reasons("好多人推荐我才买的") == []
    assert reasons("很多人都收到了坏的") == ["group"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("牛奶过期了一个月，我妈已经喝了两盒", ["injury"]),
        ("锅柄松了，一锅热油泼到我脚上", ["injury"]),
        ("我会在微博上把这件事说清楚", ["media"]),
        ("买的4999的手机，屏幕碎了", ["amount"]),
        ("我不小心把杯子摔地上了", []),
        ("在小红书上看到推荐买的", []),
        ("气得我要住院了", []),
        ("快递员态度差到爆炸", []),
        ("2024的新款，已经坏了", []),
    ],
)
def test_sentence_rules_and_exaggerations(text, expected):
    assert reasons(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same words, reported or not, depending on the clause around them
        ("朋友都没收到", ["group"]),
        ("我要发朋友圈让所有朋友都别买", ["media"]),
        ("评论区都是说漏水的", ["group"]),
        ("评论区都是夸的", []),
        ("别的买家也有这个问题吗？", []),
        ("不是好多人都没收到吗？", ["group"]),
        ("我们单位集体采购的一百台，一半都开不了机", ["group"]),
        ("我们班集体订的班服，尺码表能发我一下吗", []),
        ("我朋友是记者，她也买了，说挺好用", []),
        ("我朋友是记者，这事你们看着办", ["media"]),
        ("我以前在12315投诉过别家", []),
        ("我之前在小红书发过一篇笔记夸你们", []),
        ("笑死，我还以为会爆炸呢", []),
        ("气得我差点砸了手机", []),
    ],
)
def test_a_hit_counts_only_in_a_clause_that_reports_it(text, expected):
    assert reasons(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("嘴唇肿成香肠了", ["injury"]),
        ("宝宝的脸被玩具划了一道", ["injury"]),
        ("气得我脸都红了", []),
        ("手机屏幕红了一大片", []),
        ("万一孩子把手伸进去怎么办", ["injury"]),
        ("万一孩子不喜欢怎么办", []),
        ("要是下次还发错，我就不买了", []),
        ("微博我已经发了", ["media"]),
        ("微博上发了优惠券我没抢到", []),
    ],
)
def test_injury_and_posting_told_in_a_sentence(text, expected):
    assert reasons(text) == expected


@pytest.mark.parametrize(
    "text, large",
    [
        ("两千整的耳机", True),
        ("两千出头的洗衣机", True),
        ("贰仟伍佰元的吸尘器", True),
        ("不到两千块的手机", False),
        ("充了2000积分用不了", False),
        ("买的2000g猫砂", False),
        ("2000w的吹风机，吹不热", False),
        ("12w的车", True),
    ],
)
def test_amounts_read_as_customers_write_them(text, large):
    assert (reasons(text) == ["amount"]) == large


def test_a_message_judged_again_is_answered_from_memory_with_the_same_verdict():
    """The ticket's draft judges every message again; each text's rule hits are remembered,
    and what one verdict does with them never changes what the next one reads."""
    from bot.triage import severity

    texts = ["孩子被烫伤了 我要去法院起诉你们", "我要曝光你们 已经联系了记者"]
    first = assess_severity(texts, None, 2000)
    hits_before = severity._findings.cache_info().hits
    again = assess_severity(texts, None, 2000)
    assert severity._findings.cache_info().hits == hits_before + len(texts)
    assert again == first
    assert first.reasons == ["injury", "legal", "media"]
    alone = assess_severity(texts[:1], None, 2000)
    assert alone.reasons == ["injury", "legal"]
    assert assess_severity(texts, None, 2000) == first

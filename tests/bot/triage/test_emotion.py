import pytest

from bot.triage.emotion import detect_emotion


@pytest.mark.parametrize(
    "text",
    [
        "垃圾店铺 再也不买了",
        "你们就是骗子",
        "什麼爛東西，收到就壞",
        "气死我了",
        "滚！",
        "这什么破东西",
        "坑人啊",
        "到底什么时候发货！！！",
        "为什么还没发货？？？",
        "我的订单呢😡",
        "快递没到🤬",
        "退款呢💢",
        "你们这是什么玩意",
    ],
)
def test_angry(text):
    result = detect_emotion([text])
    assert result.emotion == "angry"
    assert result.cues
    assert 0.5 < result.confidence <= 1


@pytest.mark.parametrize(
    "text",
    [
        "太让我失望了",
        "无语了",
        "好郁闷",
        "怎么回事啊",
        "快递还没到",
        "到底什么时候发货",
        "等了好久了😭",
        "又是这样🙄",
        "怎么还不发货？？",
        "收到的杯子碎了！！给我补发一个",
        # fright (hand trial 2026-12-04: calm before)
        "吹风机用了两次就冒烟了，吓死我了，差点烧到手",
        "充电器插上就冒火花 好可怕",
        "嚇死我了 個充電器爆咗",
    ],
)
def test_upset(text):
    result = detect_emotion([text])
    assert result.emotion == "upset"
    assert result.cues


@pytest.mark.parametrize(
    "text",
    [
        "你好，我想查一下订单",
        "杯子破了，麻烦补发一个",
        "买的垃圾袋漏了",
        "滚筒洗衣机不脱水",
        "谢谢",
        "好的",
        "",
        "\x00\xff",
        "😊",
    ],
)
def test_calm(text):
    result = detect_emotion([text])
    assert result.emotion == "calm"
    assert result.cues == []


def test_strongest_emotion_over_all_messages_and_cues_strongest_first():
    result = detect_emotion(["你好", "快递还没到", "垃圾！！！"])
    assert result.emotion == "angry"
    assert result.cues[:2] == ["垃圾", "!!!"]
    assert "还没" in result.cues


def test_more_cues_more_confidence():
    assert detect_emotion(["垃圾"]).confidence < detect_emotion(["垃圾骗子！！！😡"]).confidence


def test_fullwidth_punctuation_counts():
    assert detect_emotion(["为什么！！！"]).emotion == "angry"


def test_no_messages_and_long_text():
    assert detect_emotion([]).emotion == "calm"
    assert detect_emotion(["好的" * 5000 + "气死了"]).emotion == "angry"


@pytest.mark.parametrize(
    "text, emotion",
    [
        # a threat is anger, however calmly the rest is told (hand test: a long message with
        # "我要去12315举报" heard the calm acknowledgement)
        ("面膜查了是假货 我要去12315举报 订单 2024 1123 5567", "angry"),
        ("再不给处理我就找律师", "angry"),
        ("不解决就发到网上曝光", "angry"),
        # the same words without a threat
        ("我是律师 想咨询一下退货", "calm"),
        ("订单号 2024123150001", "calm"),
    ],
)
def test_threats_are_anger(text, emotion):
    assert detect_emotion([text]).emotion == emotion


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        # curse-free anger: accusing the shop of fooling or toying with the customer, a bad
        # review as a threat, the Hong Kong consumer council (emotion_dev2's angle)
        ("别拿这种说法糊弄我", "angry"),
        ("少忽悠人 页面上不是这么写的", "angry"),
        ("你們這樣搪塞顧客不太好吧", "angry"),
        ("当我是傻子吗 同样的话说三遍", "angry"),
        ("不退就给差评", "angry"),
        ("我要去消委會投訴", "angry"),
        # the same words without the threat, and 妈妈的 is not the curse 妈的
        ("东西还行，不想给差评，换一个就好", "calm"),
        ("给我妈妈的礼物少了一个盒子", "calm"),
        # worry is upset; reassurance is not
        ("有点担心包裹丢了", "upset"),
        ("不用担心，我在家等着", "calm"),
    ],
)
def test_curse_free_anger_and_worry(text, emotion):
    assert detect_emotion([text]).emotion == emotion


@pytest.mark.parametrize(
    "text",
    ["部耳機用咗兩日左邊就冇聲喇 好嬲", "激嬲我", "真係嬲死", "再不處理我就去消基會投訴"],
)
def test_cantonese_anger_and_taiwans_consumer_foundation(text):
    """Hand trial trial3: "好嬲" (Cantonese: so angry) was filed 平静, and the threat to go to
    Taiwan's consumer foundation (消基會) was heard by the severity rules but not as anger."""
    assert detect_emotion([text]).emotion == "angry"


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        # dialect curses at the bot mid-conversation (emotion_dev3's angle)
        ("on9 機械人，答非所問", "angry"),
        ("仆街，仲要等", "angry"),
        ("靠北喔 又要填表", "angry"),
        ("癡線，叫我自己寄返去", "angry"),
        # scoffing at the bot's request: "V个屁", "屁用"
        ("登记个屁，直接退", "angry"),
        ("说这些有屁用", "angry"),
        # the same characters in their harmless sense
        ("买给我妈的手机壳颜色发错了", "calm"),
        ("宝宝的屁股垫尺寸不对", "calm"),
        ("房间靠北边的窗户漏风", "calm"),
    ],
)
def test_dialect_curses_and_scoffing_but_not_their_harmless_senses(text, emotion):
    """emo3: "送我妈的生日礼物" matched the curse 妈的 (angry); dialect curses were unknown."""
    assert detect_emotion([text]).emotion == emotion


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        # emo4: a review threat in Taiwanese wording (負評), an appeal to the public, an
        # accusation of false advertising, a defiant taunt, blaming 这就是你们的…
        ("再拖下去我就給負評", "angry"),
        ("我把聊天记录发出去让大家评评理", "angry"),
        ("详情页写的加绒，这是虚假宣传", "angry"),
        ("我倒要看看这事怎么收场", "angry"),
        ("这就是你们的售后？", "angry"),
        ("别跟我来模板话术", "angry"),
        # polite sadness and worry (emotion_dev4's angle)
        ("收到的时候挺难过的", "upset"),
        ("我急得团团转", "upset"),
        ("好怕来不及送人", "upset"),
        ("🥲", "upset"),
        # the same words said kindly
        ("不难过，换一个就好", "calm"),
        ("东西不错，不会给负评的，帮我换个颜色", "calm"),
    ],
)
def test_curse_free_anger_and_polite_sadness_emo4(text, emotion):
    assert detect_emotion([text]).emotion == emotion


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        # resignation and one's own loss (emotion_dev5's angle)
        ("算了，这次认栽", "upset"),
        ("只能自认倒霉", "upset"),
        ("几百块打水漂", "upset"),
        ("看着真心疼", "upset"),
        ("求求帮我看看", "upset"),
        ("让我白等三天", "upset"),
        # anger without a swear word
        ("有冇搞錯，又遲", "angry"),
        ("頂你，又話聽日", "angry"),
        ("唔好玩我啦", "angry"),
        ("我的耐心是有限的", "angry"),
        ("你们说话算不算数", "angry"),
        ("反正你们也不会理", "angry"),
        # the same words said kindly
        ("不心疼，换个就行", "calm"),
        ("孩子拿着玩我的手机", "calm"),
    ],
)
def test_resignation_and_curse_free_anger_emo5(text, emotion):
    assert detect_emotion([text]).emotion == emotion


@pytest.mark.parametrize(
    "text, emotion",
    [
        # weariness and resignation (nlu19): the customer's own hurt, aimed at no one: upset
        ("好累啊 折腾一个星期了", "upset"),
        ("真係好攰", "upset"),
        ("我也不想吵了 退钱就行", "upset"),
        ("人都心力交瘁了", "upset"),
        ("冇力再追", "upset"),
        # 累 of 累计 / 积累 and "not tired" are no weariness
        ("累计消费两千", "calm"),
        ("积累了很多积分", "calm"),
        ("不累 你们慢慢查", "calm"),
    ],
)
def test_weariness_is_upset(text, emotion):
    assert detect_emotion([text]).emotion == emotion

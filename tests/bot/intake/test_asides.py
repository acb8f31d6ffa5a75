"""Asides mid-form told apart (dialogues_dev16): praise, laughter, who the bot is, hours."""

import pytest

from bot.intake.asides import aside_kind, only_greets_with_meal


@pytest.mark.parametrize(
    "text, kind",
    [
        ("哈哈你挺聪明的", "praise"),
        ("你真厉害 一下就听懂了", "praise"),
        ("谢谢你啊 你人真好", "praise"),
        ("你们客服都这么幽默吗", "praise"),
        ("哈哈哈哈", "laughter"),
        ("😂😂😂", "laughter"),
        ("hhhh", "laughter"),
        ("你叫什么名字", "identity"),
        ("你叫啥", "identity"),
        ("你是真人還是機器人啊", "identity"),
        ("你们几点下班啊", "hours"),
        ("你们几点下班 我怕等下找不到人", "hours"),
        ("你哋幾點收工㗎", "hours"),
        ("晚上还有客服吗", "hours"),
        ("给我讲个笑话呗 心情太差了", "joke"),
        # asides the bot cannot answer keep the general reply
        ("帮我改回分期付款", None),
        ("这个保修几年", None),
        ("", None),
    ],
)
def test_aside_kinds(text, kind):
    assert aside_kind(text) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("你食咗飯未呀", "meal"),
        ("你吃飽了沒", "meal"),
        ("今天北京下雪了 好冷啊", "weather"),
        ("你們今天有放颱風假嗎", "weather"),
        ("你哋老細係邊個呀", "boss"),
        ("你们老板是谁啊", "boss"),
        ("你哋係咪喺深圳㗎", "where"),
        ("你们公司在哪个城市啊", "where"),
        ("你哋做到幾點㗎", "hours"),
        ("你係咪機械人嚟㗎", "identity"),
        ("哈哈 你说话好有礼貌啊", "praise"),
        # a complaint's own words are no small talk kind
        ("你们在搞什么", None),
        ("快递到了吗", None),
    ],
)
def test_small_talk_kinds_trial9(text, kind):
    """dialogues_dev20: small talk the way Hong Kong, Taiwan and mainland customers make it."""
    assert aside_kind(text) == kind


@pytest.mark.parametrize(
    "text, alone",
    [
        ("你食咗飯未", True),
        ("吃了吗", True),
        ("你吃饭了吗", True),
        ("你好 吃了吗 跟你说个事 耳机坏了", False),
        ("孩子吃了吗", False),
        ("我吃了这个拉肚子", False),
    ],
)
def test_a_meal_greeting_alone(text, alone):
    assert only_greets_with_meal(text) is alone

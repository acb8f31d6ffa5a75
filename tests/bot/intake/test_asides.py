"""Asides mid-form told apart (dialogues_dev16): praise, laughter, who the bot is, hours."""

import pytest

from bot.intake.asides import aside_kind


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

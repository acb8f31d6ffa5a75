"""What kind of aside a customer makes while the complaint form waits for an answer.

Why: every message the NLU read as out of scope mid-form was met by "这个问题我没法直接回答，
稍后售后同事跟进时可以一起问" (or "这个我答不上来"), also a compliment ("哈哈你挺聪明的"),
laughter, "你叫什么名字" and "你们几点下班": a compliment is no question, and the other two
have an answer the bot knows (who it is; that the ticket is answered in its promised time,
whoever is at work). Read on the normalised text, only for messages already placed out of
scope during the form (`actions/asides.py`).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.intake.answers import plain_answer

# laughter only: "哈哈哈", "hhh", "😂😂", "嘿嘿"
_LAUGHTER = re.compile(r"^(哈|呵|嘿|嘻|嘎|h|😂|🤣|😄|😆|😁|😀|😃|😅|lol|xd| )+$")
_PRAISE = re.compile(
    r"聪明|厉害|真棒|好棒|挺棒|很棒|机灵|专业|贴心|靠谱|给力|666|牛啊|真牛|好牛|太牛|可爱|懂我|幽默|"
    r"(你|您)(人)?(真|挺|很|太|好)(好|不错|行|优秀|耐心)|(干|做)得(不错|好|漂亮)|夸(你|您)"
)
_IDENTITY = re.compile(
    r"(你|您)(叫|是)(什么|啥|谁)|(你|您)的名字|叫什么名字|(你|您)(是|系)(不是)?(真人|机器人|ai|人工智能)|"
    r"(真人|机器人)(吗|嘛|么|还是)"
)
_HOURS = re.compile(
    r"几点(下班|上班|关门|收工|休息|有人)|(下班|上班|营业|工作|在线|服务)(时间|时段)|"
    r"(什么时候|啥时候|几点)(下班|上班|收工)|(下班|收工)(了)?(吗|嘛|么)|"
    r"(晚上|半夜|周末|明天)(还)?有(人|客服)(吗|嘛|么)?"
)
_JOKE = re.compile(r"笑话|段子|逗我(笑|开心)|讲个(好玩|有趣)")

KINDS = ("laughter", "praise", "identity", "hours", "joke")
# where the aside is made -> its response for each kind (domain.yml): during the form (the
# question follows), before any complaint ("idle"), while a filed ticket waits ("waiting");
# who the bot is outside the form is `utter_iamabot`, which knows about a waiting ticket
RESPONSES = {
    "form": {kind: f"utter_aside_{kind}" for kind in KINDS},
    "idle": {
        **{kind: f"utter_aside_{kind}_idle" for kind in KINDS},
        "identity": "utter_iamabot",
    },
    "waiting": {
        **{kind: f"utter_aside_{kind}_waiting" for kind in KINDS},
        "identity": "utter_iamabot",
    },
}


def aside_kind(text: str) -> Optional[str]:
    """The kind of aside: laughter, praise, identity, hours, joke, or None for another.

    Hours and identity before praise: "你挺厉害的 你们几点下班" asks something.
    """
    plain = plain_answer(text)
    if not plain:
        return None
    if _LAUGHTER.match(plain):
        return "laughter"
    for kind, pattern in (
        ("hours", _HOURS),
        ("identity", _IDENTITY),
        ("joke", _JOKE),
        ("praise", _PRAISE),
    ):
        if pattern.search(plain.replace(" ", "")):
            return kind
    return None

"""What kind of aside a customer makes while the complaint form waits for an answer.

trial9 (dialogues_dev20): customers chat as they would with a person behind a counter:
"你食咗飯未", "今日好熱呀", "你们老板是谁", "你哋係咪喺深圳㗎", "你哋做到幾點㗎". Each heard
"这个我答不上来😅", which answers a greeting as if it were a hard question; they have kinds of
their own now (meal, weather, boss, whereabouts), answered kindly before the question again.

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

from bot.intake.answers import has_number, plain_answer

# laughter only: "哈哈哈", "hhh", "😂😂", "嘿嘿"
_LAUGHTER = re.compile(r"^(哈|呵|嘿|嘻|嘎|h|😂|🤣|😄|😆|😁|😀|😃|😅|lol|xd| )+$")
_PRAISE = re.compile(
    r"聪明|厉害|真棒|好棒|挺棒|很棒|机灵|专业|贴心|靠谱|给力|666|牛啊|真牛|好牛|太牛|可爱|懂我|幽默|"
    r"(你|您)(人)?(真|挺|很|太|好)(好|不错|行|优秀|耐心)|(干|做)得(不错|好|漂亮)|夸(你|您)|"
    r"礼貌|(回|回复|回得|回的|反应)(得)?(好|真|很|挺|超|蛮)?快"
)
_IDENTITY = re.compile(
    r"(你|您)(叫|是)(什么|啥|谁)|(你|您)的名字|叫什么名字|(你|您)(是|系)(不是)?(真人|机器人|机械人|ai|人工智能)|"
    r"(真人|机器人|机械人)(吗|嘛|么|还是|来)|(你|您)(是|系)不(是)?(真人|机器人|机械人|ai)"
)
_HOURS = re.compile(
    r"几点(下班|上班|关门|收工|休息|有人)|(下班|上班|营业|工作|在线|服务)(时间|时段)|"
    r"(什么时候|啥时候|几点)(下班|上班|收工)|(下班|收工)(了)?(吗|嘛|么)|"
    r"(晚上|半夜|周末|明天)(还)?有(人|客服)(吗|嘛|么)?|(做|开|上班|营业)到几点"
)
_JOKE = re.compile(r"笑话|段子|逗我(笑|开心)|讲个(好玩|有趣)")
# "你吃饭了吗", "吃了没", "你吃饱了没" (Taiwan), "你食咗飯未" (normalised: 你吃了饭没): a greeting
_MEAL = re.compile(
    r"(吃|食)(了|过)?(早|午|晚|中午|早上|晚上)?(饭|餐|宵夜)?(了)?(吗|嘛|么|没|未|没有|咩)|"
    r"吃饱(了)?(吗|嘛|么|没|未|没有)"
)
# a meal greeting and nothing else: an aside however the NLU read it ("你食咗飯未" read as a
# complaint went into the ticket's description; "你吃飽了沒" as a no settled the photo question)
_MEAL_ONLY = re.compile(
    r"^(你|您|亲)?(好)?(呀|啊)?(今天|今日|中午|晚上)?("
    + _MEAL.pattern
    + r")(呀|啊|呢|㗎|喇|哦|啦)?$"
)
# the weather where the customer is (a complaint about rain-soaked parcels reads as one, so
# these are only asides when the NLU already placed the message out of scope)
_WEATHER = re.compile(
    r"天气|下(大|小|暴)?(雨|雪)|落雨|(好|很|真|太|超|蛮|挺)(冷|热|闷)|降温|升温|台风|刮风|气温|"
    r"几度|廿几度|雾霾|回南天|出太阳"
)
# who is behind the shop: the boss, the company
_BOSS = re.compile(r"(老板|老细|老总|boss)(是|系)?(谁|哪个|哪位|叫什么|叫啥|帅|美|漂亮|男|女|多大)")
# where the shop or the company is
_WHERE = re.compile(
    r"(你们|你|公司|店铺|店|仓库|总部)(公司|店铺|店|仓库|总部)?(是不是|是不|是)?(在|系)"
    r"(哪|什么地方|深圳|广州|上海|北京|杭州|义乌|东莞|香港|台湾|国内|大陆|内地)|"
    r"(你们|你)(是)?(哪里|哪儿)的(公司|店|人)?(吗|啊|呀)?$"
)

KINDS = ("laughter", "praise", "identity", "hours", "joke", "meal", "weather", "boss", "where")
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
    """The kind of aside (one of `KINDS`), or None for another.

    Hours and identity before praise: "你挺厉害的 你们几点下班" asks something; a question
    (boss, where, meal) before the weather told beside it ("好冷啊 你吃饭了吗").
    """
    plain = plain_answer(text)
    if not plain or _tells_more_than_small_talk(plain):
        return None
    if _LAUGHTER.match(plain):
        return "laughter"
    for kind, pattern in (
        ("hours", _HOURS),
        ("identity", _IDENTITY),
        ("joke", _JOKE),
        ("boss", _BOSS),
        ("where", _WHERE),
        ("meal", _MEAL),
        ("praise", _PRAISE),
        ("weather", _WEATHER),
    ):
        if pattern.search(plain.replace(" ", "")):
            return kind
    if _LAUGHTER.match(plain.split(" ")[0]):
        return "laughter"  # "哈哈 你哋啲速遞係咪騎蝸牛送貨㗎": a joke, laughed along with
    return None


# small talk is short and carries no order number; "你好 吃了吗 跟你说个事 耳机右边没声音了
# 订单… 给我换个新的" greets first and then complains (trial9)
_SMALL_TALK_MAX_CHARS = 24


def _tells_more_than_small_talk(plain: str) -> bool:
    return has_number(plain) or len(plain.replace(" ", "")) > _SMALL_TALK_MAX_CHARS


def only_greets_with_meal(text: str) -> bool:
    """Whether the message is a meal greeting alone ("你食咗飯未", "吃了吗"), whatever its intent."""
    return bool(_MEAL_ONLY.match(plain_answer(text).replace(" ", "")))

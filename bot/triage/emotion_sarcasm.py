"""Anger without a blaming word: mock praise and polite threats (emotion_dev5's angle).

Mock praise is praise of the shop's speed, service or quality next to the fact that belies it
("你们效率真高啊 一个月了还没到", "好棒哦又坏了", "服务真是一流啊，三天都没人回我"). No word in it
blames anyone, so neither the lexicon nor the head (whose praise n-grams are mostly calm) sees
the sneer; the pair does. Praise alone ("真快，昨天下单今天就到了") and a letdown alone ("又坏了")
are not matched; thanks are left out on purpose, because "谢谢你们让我白等" is upset in
bench/data/emotion_dev.yml (sarcasm about a letdown without an accusation).

A polite threat is a complaint announced as the consequence of not being served ("麻烦你们尽快
不然我只能投诉了"): 麻烦/请 does not cool it. A procedural step with no complaint word ("否则我
会申请平台介入", calm-but-firm in emotion_dev2) is not matched.

Both work on the normalised text (Simplified, half-width; `bot.nlu.normalize`, with
`mainland=False` so Cantonese words stay as written).
"""

from __future__ import annotations

import re
from typing import List

from bot.nlu.normalize import normalize

# Praise of what the shop did: speed, service, care, quality, or a mock "well done".
_PRAISE = re.compile(
    r"效率(?:真|好|太|可真|真是|真系)?高"
    r"|(?:真是|真系|真|可真|好|太)(?:一流|神速|快|贴心|周到|准时|大方|棒|厉害|牛|到位)"
    r"|(?:服务|态度|质量|品控)(?:真是|真系|可真|真)?(?:一流|好得很|绝了|到位)"
    r"|好得很|长见识|开眼界|开了眼|佩服|点赞|点个赞|👍|不愧是|好一个|好嘢|好样的|绝了"
)
# The fact that belies it: again, still not, nobody answered, broken, missing, wrong, the
# n-th time, or a long wait counted in days, weeks or months.
_BELIE = re.compile(
    r"又|还没|还在|都没|没人|不回|冇人|未到|未收|坏|烂|散架|漏|少发|发错|寄错|划痕|掉漆|裂"
    r"|第[一二三四五六七八九十两几\d]+[次回遍]"
    r"|[一二三四五六七八九十两几半\d]+(?:个)?(?:天|日|周|星期|礼拜|个月|月)"
    r"|才(?:隔|过|回)"
)
# A complaint announced as what happens otherwise ("不然我只能投诉了", "唔系我就投诉").
_POLITE_THREAT = re.compile(
    r"(?:不然|否则|要不然|要不|唔系|唔係)[^。.!?！？]{0,8}"
    r"(?:投诉|投訴|消协|消委会|差评|曝光|举报|12315)"
)


def mock_praise(text: str) -> bool:
    """Praise of the shop together with the fact that belies it, in one message."""
    normalized = normalize(text, mainland=False)
    return bool(_PRAISE.search(normalized) and _BELIE.search(normalized))


def polite_threat(text: str) -> bool:
    """A complaint announced as the consequence of not being served."""
    return bool(_POLITE_THREAT.search(normalize(text, mainland=False)))


def sarcasm_cues(texts: List[str]) -> List[str]:
    """The cue names (`mock praise`, `polite threat`) found in any of the texts."""
    cues = []
    if any(mock_praise(text) for text in texts):
        cues.append("mock praise")
    if any(polite_threat(text) for text in texts):
        cues.append("polite threat")
    return cues

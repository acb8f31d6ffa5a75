"""English words inside a Chinese answer, read as the Chinese words they stand for.

Why: Hong Kong customers mix English into Cantonese ("我要refund", "幫我resend過個",
"冇order number", "cancel咗佢啦"; dialogues_dev13 n037-n040). The answer checks of
`bot.intake.answers` and `bot.intake.remedy_answers` are written in Chinese, so such an
answer named no remedy (the ticket said "other") and "冇order number" answered nothing:
the order question was asked until the customer gave up.

Only the few words of this chat that name what the checks look for (an order number, a
remedy, calling the order off): English at large stays as typed. `romanised.py` reads
pinyin for the intent features; this reading is for the answer checks only, which need no
offsets into the original text.
"""

from __future__ import annotations

import re
from typing import Tuple

# Not inside a longer word, nor a code such as "return_refund" in a quick reply's payload.
_BEFORE = r"(?<![a-z_])"
_AFTER = r"(?![a-z_])"

# (pattern on the normalised, lower-case text, its Chinese). Longer phrases first.
_GLOSSARY: Tuple[Tuple[str, str], ...] = (
    (r"order ?(number|no|id|num)|order ?#", "订单号"),
    # the wish itself ("I want return and refund"): what makes a remedy named a request
    (r"i (want|need|would like|'d like)( to| a| an)?|can i (get|have)( a| an)?", "我要"),
    # the order called off ("cancel the order", Cantonese "cancel咗佢" as 了他)
    (r"cancel (the |my |this )?order|cancel ?(了|掉)?(他|它)", "取消订单"),
    (r"full refund|refund in full", "全额退款"),
    # both halves said ("I want return and refund", dialogues_dev14 q050): one remedy
    (r"return (and|&|\+|n) ?refund|refund (and|&|\+) ?return", "退货退款"),
    (r"refund", "退款"),
    (r"re ?-?send|re ?-?ship|send (it |one )?again", "重发"),
    (r"replacement|replace|exchange|swap", "换货"),
    (r"return", "退货"),
    (r"repair|fix", "维修"),
    (r"compensation|compensate", "赔偿"),
    (r"apologi[sz]e|apology|say sorry", "道歉"),
)
_PATTERN = re.compile(
    "|".join(
        f"(?P<w{index}>{_BEFORE}(?:{words}){_AFTER})" for index, (words, _) in enumerate(_GLOSSARY)
    )
)
_LETTER = re.compile(r"[a-z]")


def read_english(text: str) -> str:
    """`text` (normalised) with the glossary's English words replaced by their Chinese."""
    return _PATTERN.sub(_chinese, text) if _LETTER.search(text) else text


def _chinese(match: re.Match[str]) -> str:
    index = int(str(match.lastgroup)[1:])
    return _GLOSSARY[index][1]

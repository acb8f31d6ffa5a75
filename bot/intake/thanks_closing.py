"""A message that confirms something stays as it was and thanks: "地址没变，谢谢".

Why (hand trial trial14): after filing, "地址沒變，謝謝" (read as a no) heard the ticket's
status, and "好的 收货地址还是原来那个 谢谢啦" "已补充到工单": the customer asked nothing and
told no problem, they closed with thanks. They are thanked back. A question beside the thanks
("谢谢 那大概多久有人处理") is still answered as one (no clause here asks).
"""

from __future__ import annotations

import re

from bot.intake.answers import plain_answer

_THANKS = re.compile(
    r"(?:谢谢|多谢|感谢|谢了|辛苦了|辛苦你了|麻烦了|麻烦你了)(?:晒|你|您|你们)?[啦了呀啊哈哦喔]*"
)
_FILLER = re.compile(
    r"(?:好的?|嗯+|哦|噢|收到|知道了|明白了?|ok|okay|行)[啦了呀啊哈哦喔]*", re.IGNORECASE
)
# "地址没变", "电话不用改", "收货地址还是原来那个", "信息都对": a short subject, then unchanged
_UNCHANGED = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:都|也)?"
    r"(?:没变|没有变|没有变化|不变|没改|没有改|不用改|不用换|没换|"
    r"还是原来(?:的|那个|那里|那儿)?|跟之前一样|同之前一样|和之前一样|跟原来一样|"
    r"没问题|是对的|对的|正确|没错)[啦了呀啊哈哦喔]*"
)


def confirms_with_thanks(text: str) -> bool:
    """Whether the message only says something is unchanged (or right) and thanks."""
    thanked, said = False, []
    for clause in plain_answer(text).split():
        rest = re.sub(rf"(?:{_THANKS.pattern})$", "", clause)
        thanked = thanked or rest != clause
        if rest and not _FILLER.fullmatch(rest):
            said.append(rest)
    return thanked and bool(said) and all(_UNCHANGED.fullmatch(c) for c in said)

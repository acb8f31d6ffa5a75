"""What a message written after filing says about the ticket just filed.

Why (trial12, dialogues_dev23): after the read-back, "我想了想还是换货吧 不退了" and "订单号给错了
应该是202411191024" were only added to the ticket's transcript; the ticket the agent opens still
said 退货退款 and the wrong order, and the customer was told "已补充". A customer who changes
their mind while the ticket waits (nobody has claimed it) changes the ticket. And "另外我买的
蓝牙耳机也连不上手机了" about a ticket for mugs is a second complaint, not a detail of the first.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from bot.intake.answers import (
    asks_about_status,
    asks_when,
    names_only_the_goods,
    plain_answer,
    says_what_happened,
    states_no_fact,
    tells_a_problem,
)
from bot.intake.remedy_answers import remedy_wished
from bot.orders.item_fit import Kinds, named_goods_not_in_order

# Words of a change of mind: "还是换货吧", "改成退款", "不退了", "想了想", "算了 换一个".
# Read on the normalised text (Traditional already turned Simplified).
_CHANGE_OF_MIND = re.compile(
    r"还是|改成|改为|换成|改一下|算了|想了想|想了一下|其实|"
    r"不(要|想)?(退|换|补|修)了|唔(要|想)?(退|换)|不要(退|换)"
)
# Words saying a number given before was wrong: "订单号给错了", "單號打錯咗", "应该是…".
_NUMBER_WRONG = re.compile(
    r"(给|打|写|填|输|发|复制|贴|俾|畀)错|错(了|咗)|应该是|正确的是|不是(这|呢)(个|张|单)"
)
# Words that add to what was told: "对了 忘了说…", "补充一下…", "另外/还有/而且…".
_ADDS = re.compile(r"补充|忘了说|忘记说|还有|另外|而且|对了|顺便")
# A question: answered (status, times), not a fact of the problem.
# Files talked about ("我刚发了照片"): the files answer for themselves (`attach_new_files`).
_FILES = re.compile(r"照片|图片|截图|视频|影片|录像")
_QUESTION = re.compile(r"[吗呢嘛]|什么时候|多久|怎么样|点样|几时|[?？]")


def remedy_changed(text: str, filed: Optional[str]) -> Optional[str]:
    """The remedy the customer now wants instead of the one filed, when they say they changed.

    "还是换货吧 不退了" after filing 退货退款: exchange. A remedy named without a change of mind
    ("要是补发不了就退款") is a wish for the agent to read, not a correction.
    """
    plain = plain_answer(text)
    if not _CHANGE_OF_MIND.search(plain):
        return None
    wished = remedy_wished(text)
    return wished if wished and wished != filed else None


def says_number_was_wrong(text: str) -> bool:
    """Whether the message says the order number given before was wrong."""
    return bool(_NUMBER_WRONG.search(plain_answer(text)))


def another_complaint(text: str, ticket: Dict[str, Any], kinds: Kinds) -> bool:
    """Whether the message tells a problem with goods the filed ticket's order does not hold.

    Why: "还有一个问题 之前买的羽绒服掉毛很厉害" after a ticket for a duvet cover was added to
    that ticket; the second problem was never asked about. Only when both the message and the
    order name kinds of goods (`bot.orders.item_fit`): "快递箱也是压扁的" names none and stays
    a detail of the ticket.
    """
    order = ticket.get("order") or {}
    told = tells_a_problem(text) and not names_only_the_goods(text)
    return told and named_goods_not_in_order(text, order, kinds)


def fact_added(text: str) -> bool:
    """Whether a message written after filing adds a fact about what went wrong.

    Why (trial12, dialogues_dev23): "对了 忘了说 鞋底也裂了" went into the transcript only; the
    description and the summary the agent acts on ("without reading the transcript", the
    spec) never had it. Conservative: words that add ("补充", "对了", "另外"), something that
    happened, and no question, urging or thanks alone (those are answered, not facts).
    """
    plain = plain_answer(text)
    if not _ADDS.search(plain) or _QUESTION.search(plain):
        return False
    rest = " ".join(_ADDS.sub(" ", plain).replace("一下", " ").split())  # what is added
    if (
        not rest
        or _FILES.search(rest)
        or states_no_fact(rest)
        or asks_when(rest)
        or asks_about_status(rest)
    ):
        return False
    return tells_a_problem(rest) and says_what_happened(rest)

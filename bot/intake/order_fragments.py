"""An order number typed over two messages ("订单号2024 1123" … "5567").

Why: customers copy a long number in pieces, or press send too early; the first piece is a
number of its own (six to twenty-four characters fit the format), which the order service
does not know, so the bot checks it once more with the customer, who answers with the rest
("还没打完 后面是5567", "200012 刚才没发完"). Read alone, the rest was taken for a new number
(filed as "200012") or was no number at all, and the same check was asked until the customer
gave up (dialogues_dev17 w011-w014). While a number waits for that check, the digits of the
answer complete it when the customer says so, when they are too short to be a number of their
own, or when only the joined number is one the order service knows (`actions/order_slots.py`
asks the service).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.intake.answers import plain_answer
from bot.orders.ids import normalize_order_id

# The shortest number the format takes on its own (spec: 6 to 24 characters).
SHORTEST_ORDER_NUMBER = 6

# "还没打完", "刚才没发完", Cantonese "頭先未打完", "少打了两位", "后面是5567", "后面还有05".
_CONTINUES = re.compile(
    r"(没|未|冇)(有)?(打|输|发|写|填|抄|复制)完|(少|漏)(打|输|写|填|抄|发|复制)(了)?|"
    r"后面(还有|是|的是|那几位|几位)|后(几|两|三|四|五)位|还有(几|两|三|四)位|(接|连)着(前面|上面|刚才)|"
    # sent too early by mistake ("刚才按到发送了", "手滑发出去了", "不小心按了回车", "发快了"):
    # read as more of the problem, its triage filed a lost parcel as a missing item (dev19 v031)
    r"(按|点)(到|错|了)(了)?(发送|回车|enter)|手滑|不小心(按|点|发)(到|了|错)?(了)?(发送|回车|出去)?|(发|按)(得)?(太)?(快|早)了"
)
# A run of letters and digits, spaces and dashes inside it ("55 67", "DD-2024")
_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 \-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class Completion:
    """The number waiting for a check joined with the rest this message gives."""

    whole: str  # the joined, normalised number
    rest: str  # the piece this message gave
    said_to_continue: bool  # the customer said the number went on ("还没打完")

    @property
    def rest_alone_is_no_number(self) -> bool:
        """Too short to be an order number of its own ("05"): only the rest of one."""
        return len(self.rest) < SHORTEST_ORDER_NUMBER


def rest_of_number(text: str) -> Optional[str]:
    """The one piece of letters and digits the message gives, normalised; None if not one.

    Two pieces ("5567 还有 13812345678") are no plain rest of a number.
    """
    runs = [
        re.sub(r"[ \-]", "", run).upper()
        for run in _RUN.findall(plain_answer(text))
        if any(ch.isdigit() for ch in run)
    ]
    return runs[0] if len(runs) == 1 else None


# "后面是我的电话 138…": the rest of the message, not of the number
_OTHER_NUMBER = re.compile(r"电话|手机|联系|微信|快递单|运单|物流单")


def says_number_continues(text: str) -> bool:
    """Whether the customer says the number sent before was not complete."""
    plain = plain_answer(text).replace(" ", "")
    return bool(_CONTINUES.search(plain)) and not _OTHER_NUMBER.search(plain)


# what may stand beside the rest of a number and the words saying it goes on ("还没打完 后面是5567")
_FILLER = re.compile(
    r"刚才|头先|前面|上面|订单|号码|[一二两三四五六七八九几]位|[还才号的是了啊呀呢哦喔嗯哈就再补有:：]"
)


def only_continues_number(text: str) -> bool:
    """Whether the message is only the rest of a number and words saying it goes on.

    Why: "还没打完 后面是5567" completes the order number being checked; read as more of the
    problem it was added to the description and answered "补充的情况已经记上了" (lead's hand
    trial). "后面是5567 杯子也碎了" still says more about the problem.
    """
    if not says_number_continues(text) or rest_of_number(text) is None:
        return False
    plain = plain_answer(text)
    residue = _CONTINUES.sub("", _RUN.sub("", plain).replace(" ", ""))
    return not _FILLER.sub("", residue)


def complete(pending: str, text: str, pattern: str) -> Optional[Completion]:
    """`pending` joined with the piece `text` gives, when the join has the order format."""
    rest = rest_of_number(text)
    if not rest or rest == pending or rest.startswith(pending):
        return None  # the same number again, or a whole number typed anew
    whole = normalize_order_id(pending + rest, pattern)
    if not whole:
        return None
    return Completion(whole=whole, rest=rest, said_to_continue=says_number_continues(text))


def completes(pending: Optional[str], order_id: str) -> bool:
    """Whether `order_id` is the number that waited for a check, completed by more digits."""
    return bool(pending) and order_id != pending and order_id.startswith(str(pending))


"""The order number "from before": "就用刚才那个", "还是刚才那个单号", "跟上面一样".

Why (lead's hand trials, dialogues_dev26): at the order question a customer pointed back to a
number instead of typing one. When no number was ever given the bot answered with the
generic "no number found in this message" hint, as if the words were a mistyped number;
a second complaint after filing, on the same order, asked the number again although it was
on the first ticket. The message is read here (words only, no number in it); which number
it points to is the conversation's business (`actions.order_slots`).
"""

from __future__ import annotations

import re

from bot.intake.answers import has_number, plain_answer

# what a number said before is called: "刚才", "上面", "之前", Cantonese "头先" (normalised from
# 頭先), "刚财" (a common slip for 刚才)
_BEFORE = r"(刚才|刚财|刚刚|之前|上面|前面|头先|先前|原来|上次|上一单|第一单)"
_POINTS_BACK = re.compile(
    # "就用刚才那个", "还是刚才那个单号", "是之前那个订单", "按上面的"
    r"(用|是|还是|就是|照|按|同)(回)?"
    + _BEFORE
    # "跟上面一样", "和之前的一样", "同头先那个一样"
    + r"|(跟|和|同|与)"
    + _BEFORE
    + r".{0,5}(一样|相同|同一个)"
    # "刚才那个单号", "上面发过的"
    + r"|"
    + _BEFORE
    + r"(那个|的|发的|说的|发过的|给的|填的)(订单号|单号|号码|订单|那个|那单)?$"
    # "上面发过了", "刚才发过了"
    + r"|"
    + _BEFORE
    + r"(已经)?(发|给|填)(过)?了"
)
# a phone or a parcel named is not the order number pointed at
_OTHER_NUMBER = re.compile(r"电话|手机|联系方式|快递单|运单|物流单")


def points_back_to_a_number(text: str) -> bool:
    """Whether the message gives no number but points to one said before ("就用刚才那个")."""
    plain = plain_answer(text)
    if has_number(plain) or _OTHER_NUMBER.search(plain) or len(plain) > 20:
        return False
    return any(bool(_POINTS_BACK.search(part)) for part in plain.split())

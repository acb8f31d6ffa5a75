"""Coming back to a complaint withdrawn a moment ago, read from the words of the return.

Hand test (ux8, ux11): "算了，不投诉了", then a minute later "还是帮我处理一下吧", "算了还是投诉
吧" or "刚才那个杯子的事还是要退款"; the bot asked again for the order number and the problem
given just before. The facts of the withdrawn complaint are kept (`actions/coming_back.py`);
these checks tell a return to it from a new complaint. They read the normalised text
(`bot.nlu.normalize`: Simplified script), so Traditional counts the same.
"""

from __future__ import annotations

import re

from bot.intake.answers import plain_answer

# "还是帮我处理一下吧", "算了还是投诉吧", "那还是登记吧", "继续投诉", "刚才那个还是要退款":
# the complaint taken up again, whatever the NLU made of it (a status question, a cancel)
_COMES_BACK = re.compile(
    r"还是(要|得|想|请|麻烦|帮忙)?(你)?(帮我|给我|帮忙)?"
    r"(投诉|处理|登记|提交|办|弄|解决|跟进|受理|退|换|补发|赔|修)|"
    r"(继续|接着|重新|再)(投诉|登记|处理|提交|办)|"
    r"(刚才|刚刚|之前|前面)(那个|那件|说的|的)|"
    # Cantonese 都係 (normalised 都是) is 还是 here: "都係幫我跟進下啦", "算啦 都係投訴啦"
    # (hand trial, WeCom); with 帮我 or the complaint named, not "都是处理不好的问题"
    r"都是(要|想)?((帮我|同我|帮忙)(投诉|处理|登记|跟进|搞|整|办)|(投诉|登记|跟进)(啦|吧|喇))"
)
# "刚才那个杯子的事", "还是那个订单": the message speaks of the complaint told before
_REFERS_BACK = re.compile(r"刚才|刚刚|之前|前面|上面|那个|那件|那单|那笔|还是|继续|接着")
# "我还要投诉另一个订单", "新投诉", "别的问题": a complaint of its own, nothing brought back
_ANOTHER_COMPLAINT = re.compile(
    r"另(外)?(一|的)?(个|件|笔|单|张)|另外(的)?(订单|问题|商品|东西)|"
    r"别的(订单|问题|商品|东西)|新(的)?投诉|再投诉(一|个)|其他(订单|问题)"
)


# what is left of "还是帮我处理一下吧" once the return itself is set aside: nothing told
_FILLER = re.compile(
    r"算了|算啦|好吧|那就|一下|下|吓|麻烦|帮忙|你们|[那就吧啊呀呢哈嘛了你您我的事请啦喇]"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def only_comes_back(text: str) -> bool:
    """Whether the message takes the complaint up again and tells nothing more.

    "还是帮我处理一下吧" is no detail of the problem for the description; "还是帮我处理吧 杯
    子碎了两个" is.
    """
    if not comes_back(text):
        return False
    plain = plain_answer(text).replace(" ", "")
    rest = _FILLER.sub("", _REFERS_BACK.sub("", _COMES_BACK.sub("", plain)))
    return len(_CJK.findall(rest)) < 3


def comes_back(text: str) -> bool:
    """Whether the message takes a complaint up again ("还是帮我处理一下吧")."""
    plain = plain_answer(text).replace(" ", "")
    return bool(_COMES_BACK.search(plain)) and not another_complaint(text)


def refers_back(text: str) -> bool:
    """Whether the message speaks of the complaint told before ("刚才那个杯子的事")."""
    return bool(_REFERS_BACK.search(plain_answer(text).replace(" ", "")))


def another_complaint(text: str) -> bool:
    """Whether the message opens a complaint of its own ("我还要投诉另一个订单", "新投诉")."""
    return bool(_ANOTHER_COMPLAINT.search(plain_answer(text).replace(" ", "")))

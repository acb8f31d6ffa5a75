"""What a message written after filing says about the ticket just filed.

Why (trial12, dialogues_dev23): after the read-back, "我想了想还是换货吧 不退了" and "订单号给错了
应该是202411191024" were only added to the ticket's transcript; the ticket the agent opens still
said 退货退款 and the wrong order, and the customer was told "已补充". A customer who changes
their mind while the ticket waits (nobody has claimed it) changes the ticket. And "另外我买的
蓝牙耳机也连不上手机了" about a ticket for mugs is a second complaint, not a detail of the first.

Trial13 (dialogues_dev24): a second complaint about goods the kinds table does not know, or
about no goods at all ("我另外一单到现在还没发货", "之前申请的退款还没到账"), a fact added
without a word that adds ("外箱也是破的", "盒子里还少了说明书"), and a category corrected
after filing ("不是物流问题，是质量问题").
"""

from __future__ import annotations

import re
from typing import Any, Dict, FrozenSet, List, Optional

from bot.intake.answers import (
    asks_about_status,
    asks_when,
    has_number,
    names_only_the_goods,
    plain_answer,
    says_what_happened,
    states_no_fact,
    tells_a_problem,
)
from bot.intake.category_answers import category_named
from bot.intake.chasing import chases
from bot.intake.remedy_answers import remedy_wished, says_change_of_mind
from bot.orders.item_fit import Kinds, item_names, kinds_named

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
# Something went wrong: a defect, a part missing, money not back, a parcel not sent. What makes
# words about another matter a complaint, and words with no "补充/对了" a fact added ("外箱也是
# 破的", "鞋底也裂了", "还是开不了机"); thanks, urging and small talk name none of it.
_WRONG = re.compile(
    r"坏|破|碎|裂|漏|烂|断|脱|掉|缺|少了|少一|少发|错|脏|臭|味|霉|受潮|返潮|进水|过期|变形|压|扁|瘪|凹|划痕|刮花|"
    r"开胶|开线|起球|褪色|掉色|发黄|生锈|异响|卡顿|死机|黑屏|发烫|差(?!不多)|"
    r"(?<![没冇])(有|出)(了)?(点)?问题|"
    r"(开|连|充|打|用|关|穿|洗)不(了|上|进|开|掉)|不(能|会)(用|开|充|转|动|工作)|"
    r"不(亮|转|响|动|工作|加热|制冷|出水|通电|准|符|合适|灵|好用)|"
    r"没(有)?(反应|声音|声|电|到货|到账|收到|发货|退|用上|效果)|未(到|发|收|退)|多(扣|收|付)"
)
# Words that point at another purchase or another matter than the filed ticket's: "另外一单",
# "另一張單", "还有一单", "之前买的…", "上周买的…", "上次下单领的…", "之前申请的退款".
_ELSEWHERE = re.compile(
    r"另(外)?(一|1)(张|个|笔)?(订单|单)|别的(订单|单)|还有(一|1)(张|个|笔)?单|"
    r"(之前|上次|上回|上周|上个月|前几天|前阵子|前段时间|以前|早前|另外)(我)?(在[^ ]{0,5}?)?"
    r"(买|下单|下的单|订|购买|申请|拍)"
)
# Back to the filed ticket ("这次杯子太让人失望了"): the words about the other matter end there.
_BACK_HERE = re.compile(r"^(但是?|可是|不过)?(这次|这个|这单|这回|这边)")


def remedy_changed(text: str, filed: Optional[str]) -> Optional[str]:
    """The remedy the customer now wants instead of the one filed, when they say they changed.

    "还是换货吧 不退了" after filing 退货退款: exchange. A remedy named without a change of mind
    ("要是补发不了就退款") is a wish for the agent to read, not a correction.
    """
    if not says_change_of_mind(text):  # the words the form and the read-back read too
        return None
    wished = remedy_wished(text)
    return wished if wished and wished != filed else None


def says_number_was_wrong(text: str) -> bool:
    """Whether the message says the order number given before was wrong."""
    return bool(_NUMBER_WRONG.search(plain_answer(text)))


# "还有个事要投诉", "另外再投诉一下快递", "顺便投诉一下客服": a complaint opened in so many
# words, whatever its order (dialogues_dev26: a second matter on the same order was added to
# the first ticket as a detail, and never asked about)
_COMPLAINS_AGAIN = re.compile(
    r"(另外|顺便|同时|还有(个|一个|件|一件)?事(情)?)(也|还|再)?(要|想)?(再)?投诉|再投诉(一下|一个|个)"
)


def complains_again(text: str) -> bool:
    """Whether the message opens another complaint in so many words ("还有个事要投诉")."""
    return bool(_COMPLAINS_AGAIN.search(plain_answer(text).replace(" ", "")))


def another_complaint(text: str, ticket: Dict[str, Any], kinds: Kinds) -> bool:
    """Whether the message tells a problem with something the filed ticket is not about.

    Why: "还有一个问题 之前买的羽绒服掉毛很厉害" after a ticket for a duvet cover was added to
    that ticket; the second problem was never asked about (trial12). Goods of a kind the
    order does not hold name another matter, and so do words pointing at another purchase
    ("另外一单", "上周买的加湿器", "之前申请的退款"), whether the kinds table knows the goods
    or no goods are named (trial13). What is read is the part of the message about that
    other matter, up to words back at this ticket ("这次杯子…"); it must say something went
    wrong: "之前买的耳机就挺好的" is praise, not a complaint. "快递箱也是压扁的" names no other
    matter and stays a detail of the ticket; a ticket that told no problem yet (a handoff)
    takes the problem as its own.
    """
    if not tells_a_problem(str(ticket.get("issue_description") or "")):
        return False
    order = ticket.get("order") or {}
    held = kinds_named(" ".join(item_names(order)), kinds)
    about = _other_matter(plain_answer(text), held, kinds, order)
    return (
        bool(about)
        and tells_a_problem(about)
        and not names_only_the_goods(about)
        and bool(_WRONG.search(about) or remedy_wished(about))
    )


def _other_matter(
    plain: str, held: FrozenSet[str], kinds: Kinds, order: Optional[Dict[str, Any]] = None
) -> str:
    """The clauses about another matter than the ticket's; "" when the message has none.

    They start at the first clause pointing at another purchase or naming goods of a kind
    the order does not hold (when the order's goods are of known kinds), and end before a
    clause back at this ticket: its goods, or "这次/这个".
    """
    clauses = plain.split()
    for start, clause in enumerate(clauses):
        named = kinds_named(clause, kinds)
        if named & held:
            continue  # the ticket's own goods
        if _ELSEWHERE.search(clause) or (held and named) or _appliance_not_held(clause, order):
            about: List[str] = []
            for later in clauses[start:]:
                if about and (kinds_named(later, kinds) & held or _BACK_HERE.match(later)):
                    break
                about.append(later)
            return " ".join(about)
    return ""


# Goods the kinds table does not know, named as the subject of what went wrong by a word for an
# appliance ("加湿器也漏水了", "剃须刀也充不进电"): standalone goods, not a part of the order's.
_APPLIANCE_SUBJECT = re.compile(
    r"^(?:我(?:买)?的|还有|那个|然后)?(?P<goods>[\u4e00-\u9fff]{1,4}?(?:器|机|仪|炉|扇))(?:也|都|又|还)"
)
# Parts and accessories that end like appliances ("遥控器也坏了" belongs to the set ordered).
_PARTS = re.compile(r"遥控器|适配器|控制器|变压器|充电器|加热器|过滤器|感应器|传感器")


def _appliance_not_held(clause: str, order: Optional[Dict[str, Any]]) -> bool:
    """Whether the clause is about an appliance the order (its items known) does not hold.

    Why (hand trial trial14): "加湿器也漏水了" after a ticket for mugs joined the mugs' ticket;
    the kinds table does not know humidifiers, and no word pointed at another order.
    """
    items = " ".join(item_names(order or {}))
    match = _APPLIANCE_SUBJECT.match(clause)
    if not items or not match or _PARTS.search(match.group("goods")):
        return False
    goods = match.group("goods")
    return goods not in items and goods[-2:] not in items


def fact_added(text: str) -> bool:
    """Whether a message written after filing adds a fact about what went wrong.

    Why (trial12, dialogues_dev23): "对了 忘了说 鞋底也裂了" went into the transcript only; the
    description and the summary the agent acts on ("without reading the transcript", the
    spec) never had it. Trial13 (dialogues_dev24): "外箱也是破的", "盒子里还少了说明书" say no
    "补充/对了" and were lost the same way. Words that add ("补充", "对了", "另外"), or words
    saying something went wrong (`_WRONG`: broken, missing, does not work); something that
    happened, and no question, urging or thanks alone (those are answered, not facts).
    """
    plain = plain_answer(text)
    if _QUESTION.search(plain):
        return False
    if not _ADDS.search(plain) and (not _WRONG.search(plain) or chases(plain) or _corrects(plain)):
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


# The filed category said to be wrong: "不是物流问题，是质量问题", "分类选错了 应该是退款问题".
_CATEGORY_WRONG = re.compile(r"不是|错|应该|改成|改为|而是|其实是")
# The category it should be, named after "是/应该是/改成…" (not "不是…"): "是质量问题",
# "应该是退款问题", "是发错了", "是描述不符".
_CATEGORY_SAID = re.compile(
    r"(?<!不)(?:而是|应该是|其实是|改成|改为|属于|是)(?P<name>[^ ]{1,8}?)"
    r"(?:(?:的)?(?:方面的?)?(?P<kind>问题|类|方面)|了?(?= |$))"
)
# Categories named by what happened ("是发错了", "是描述不符") need no "问题" after them; a
# kind named alone may be something else ("我要的是退款" asks for a remedy).
_NAMED_BY_FACT = ("wrong_or_missing_item", "not_as_described")


def category_corrected(text: str, filed: Optional[str]) -> Optional[str]:
    """The category the customer says the ticket should have instead of the filed one.

    Why (trial13, dialogues_dev24): "不是物流问题，是质量问题" after filing was answered "已补
    充" and the ticket stayed under logistics, so it went to the wrong team. Only with words
    saying the filed one is wrong ("不是", "错", "应该"), and only a category named as one
    ("质量问题", "发错了"): "是质量问题 你们一定要给我处理好" restates the filed one, and
    "物流问题是找快递公司还是找你们？" asks a question.
    """
    said = _category_said(plain_answer(text)) if filed else None
    return said if said != filed else None


def _category_said(plain: str) -> Optional[str]:
    """The category named as the right one in words saying another was wrong, else None."""
    if not _CATEGORY_WRONG.search(plain):
        return None
    for match in _CATEGORY_SAID.finditer(plain):
        code = category_named(match.group("name"))
        if code and code != "other" and (match.group("kind") or code in _NAMED_BY_FACT):
            return code
    return None


def _corrects(plain: str) -> bool:
    """Whether the message corrects a filed fact ("订单号给错了", "不是物流问题，是质量问题").

    Its "错" is no fact of the problem: the correction is made and told, and the message
    stays in the transcript (`actions.waiting_corrections`).
    """
    number = has_number(plain) and says_number_was_wrong(plain)
    return number or _category_said(plain) is not None

"""A gift promised in a live session that never came: the spec's live-stream category.

Why (hand trial ux6, 2026-12-01): seven viewers of one live session complained about the same
missing gift; five were filed as 主播误导 and linked into a group incident, two went to other
categories and stayed out of it: "买锅说好送铲子的 没收到" (logistics: "没收到" reads as a parcel
that never came) and "大鹏说买锅送铲 我的铲子没有" (wrong_or_missing_item: the NLU cannot know
that 大鹏 is the host). The NLU reads the words alone; the conversation knows more: the channel
says the customer came from a live session (`live.room_id`) and who the host is.

The spec (shared/spec/complaint-ticket.md): livestream_misleading is "what the live-stream host
claimed (price, gift, effect, authenticity) differs from what was delivered"; promotion's
"promised gift not sent" is the shop's campaign (the labelling rule of the category splits:
the host said it -> livestream_misleading, the shop's page or campaign -> promotion). So in a
live-session conversation, a promised gift that did not come is the host's promise unless the
message names the shop, its pages or its customer service as the one who promised it.

Only a reading the NLU gives such a message by mistake is changed (`MISREAD_AS`): a missing
*item* of the order stays wrong_or_missing_item, the parcel itself not arriving stays
logistics ("买锅送铲子 锅到现在没收到"), a broken gift is not a missing one.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from bot.intake.answers import plain_answer
from bot.live.claim_answer import name_as_called
from bot.live.session_answer import HOST_TITLE
from bot.nlu.normalize import normalize

LIVESTREAM = "livestream_misleading"
# what the NLU makes of a missing promised gift (hand trial ux6, probes of the packaged model)
MISREAD_AS = frozenset({"logistics", "wrong_or_missing_item", "promotion", "other"})

# "送" that gives something, not the courier's delivery (送货, 送到, 配送, 送错 ...)
_GIVES = r"(?<![配派运递])送(?![货到达错来去回上过修])"
_GIFT_WORDS = r"赠品|赠送|小样|礼品|礼物|福袋|试用装"
# the purchase and its gift: "买锅送铲", "下单就送两双袜子", "拍两件送一件"
_PURCHASE = re.compile(
    rf"(?:买|下单|拍)(?:了)?(?P<item>[\u4e00-\u9fff\w]{{0,8}}?)(?:就|再|还|都)?{_GIVES}"
    r"(?P<gift>[\u4e00-\u9fff\w]{1,6})"
)
_PROMISED_GIFT = re.compile(
    rf"{_GIFT_WORDS}|(?:说好|说|讲|承诺|答应|保证|讲好)(?:了|过)?(?:的)?(?:会|要)?{_GIVES}"
    rf"|{_GIVES}的"
)
# the promise's words before the gift's name: "买锅说好送" -> the item is 锅
_PROMISE_TAIL = re.compile(r"(?:说好|说|讲好|讲|承诺|答应|保证|说了)+$")
# not received: 没收到, 没有, 没给, 只收到, 少了, "铲子呢"
_NOT_RECEIVED = re.compile(
    r"没(?:有)?(?:收到|到|给|送|寄|发|见|看到|影)|没有(?=$|\s|啊|呀|了|呢|哦|的)"
    r"|未(?:收到|见|到)|不见|少了|漏了|只收到|只有|呢$"
)
# what a missing parcel is called: the shipment, not the gift
_PARCEL = re.compile(r"快递|包裹|物流|发货|单号|签收|派送|配送|货")
# someone other than the host promised it: the shop's campaign is `promotion`
_OTHER_PROMISER = re.compile(
    r"店铺|店家|商家|客服|详情页|商品页|活动页|页面|官方|平台|优惠券|满减|会员"
)
_HOST = re.compile(rf"{HOST_TITLE}|直播")


def tells_missing_promised_gift(text: str) -> bool:
    """Whether the message says a gift promised with the purchase did not come.

    Read clause by clause: the clause that says something did not come must be about the
    gift ("我的铲子没有", "没收到赠品", or nothing named: "没收到"), not the goods bought or
    the parcel ("锅没收到", "快递还没到").
    """
    plain = plain_answer(text)
    purchase = _PURCHASE.search(plain)
    if not (purchase or _PROMISED_GIFT.search(plain)):
        return False
    item = _PROMISE_TAIL.sub("", purchase.group("item")) if purchase else ""
    gift = purchase.group("gift")[:1] if purchase else ""
    cues = (_NOT_RECEIVED.search(clause) for clause in plain.split(" "))
    return any(_missing_thing_is_the_gift(cue, item, gift) for cue in cues if cue)


def _missing_thing_is_the_gift(cue: re.Match[str], item: str, gift: str) -> bool:
    """The thing named nearest the "not received" words (`cue`) is the gift, or nothing is.

    After them first ("没有铲子"), else before them ("锅没收到", "我的铲子没有"); "只收到两件"
    names what did come.
    """
    clause = cue.string
    after, before = clause[cue.end() :], clause[: cue.start()]
    named_after = _first_named(after, item, gift)
    if cue.group().startswith("只"):
        return named_after in (None, "item")  # "只收到两件": the goods came, the gift did not
    if named_after is not None:
        return named_after == "gift"
    named_before = [kind for _, kind in _mentions(before, item, gift)]
    if "item" in named_before and before.endswith("都"):
        return False  # "锅和铲子都没收到": the whole order did not come
    return not named_before or named_before[-1] == "gift"


def _mentions(text: str, item: str, gift: str) -> list[tuple[int, str]]:
    """Where the gift, the goods bought and the parcel are named in `text`."""
    found = [(m.start(), "gift") for m in re.finditer(_GIFT_WORDS + r"|送的", text)]
    if gift:
        found += [(m.start(), "gift") for m in re.finditer(re.escape(gift), text)]
    if item:
        found += [(m.start(), "item") for m in re.finditer(re.escape(item), text)]
    found += [(m.start(), "parcel") for m in _PARCEL.finditer(text)]
    return sorted(found)


def _first_named(text: str, item: str, gift: str) -> Optional[str]:
    found = _mentions(text, item, gift)
    return found[0][1] if found else None


def names_the_host(text: str, streamer: Optional[str] = None) -> bool:
    """The host named by title or room ("主播", "直播间"), or by (the start of) their name.

    Viewers shorten the room's name: the host of "大鹏严选" is "大鹏" to them.
    """
    plain = normalize(text or "")
    if _HOST.search(plain):
        return True
    return name_as_called(normalize(streamer or ""), plain) is not None


def live_category(category: Optional[str], text: str, live: Any) -> Optional[str]:
    """The category of a complaint in a live-session conversation, read with the session.

    `live`: the ticket's live context (`room_id`, `streamer`), or None outside a live
    session. A missing promised gift the NLU filed elsewhere becomes livestream_misleading,
    unless another promiser (the shop, its pages, its service) is named and the host is not.
    """
    if category in MISREAD_AS and hosts_gift_never_came(text, live):
        return LIVESTREAM
    return category


def hosts_gift_never_came(text: str, live: Any) -> bool:
    """Whether the message tells of a gift the host promised that never came.

    Only in a live session (`live` with a `room_id`), and not when the shop, its pages or its
    service are named as the promiser and the host is not (the shop's campaign: promotion).
    """
    if not isinstance(live, Mapping) or not live.get("room_id"):
        return False
    if not tells_missing_promised_gift(text):
        return False
    return not _OTHER_PROMISER.search(normalize(text)) or names_the_host(text, live.get("streamer"))

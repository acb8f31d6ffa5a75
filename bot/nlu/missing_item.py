"""Which thing a complaint says is missing: the free gift or the thing the customer bought.

Why: the spec (../shared/spec/complaint-ticket.md) files a promised gift that did not come
as promotion and an item paid for that is not in the parcel as wrong_or_missing_item. The
triage head reads character n-grams, and the two messages of such a pair share them all:
"赠品呢 盒子里只有我买的那支笔" and "盒子里只有赠品 我买的笔没有" are the same characters in
another order (docs/category_dev.md, rounds four and five). What tells them apart is which
thing a cue of absence ("没有", "呢", "不在") or of presence ("到了", "只有 …") is said of.

How: spaCy matchers (`bot.triage.lexicon.Lexicon`, one token per character) find the gift
words (赠品, 小样, 送的 …), the bought-item words (我买的, 正品 …), the nouns promised or
bought ("买锅送铲子": 锅 bought, 铲子 the gift) and the cues. Each cue is said of the nearest
mention before it in its clause ("只有" of the one after it), when no other cue stands between
them; an absence that opens its own clause ("说好送铲子 没收到") is said of the previous
clause's last mention, and one after "都" ("买的锅和送的铲子都没到") of every mention of its
clause. Then:

* the gift said missing, or the bought item said present: `gift`;
* the bought item said missing, or the gift said present: `bought`; a thing the message
  names only once said missing beside a gift said present counts as the bought one
  ("赠品倒是到了 面霜没在盒子里");
* both, or an empty box ("空盒子", "连赠品都没有"): `everything`.

The triage classifier adds the answer as a feature (`ComplaintTriageClassifier`,
`missing_item_marks`): a mark of its own, learned with the rest from data/nlu, not a rule
that overrides the model.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from bot.triage.lexicon import Lexicon, LexiconMatch

GIFT = "gift"
BOUGHT = "bought"
EVERYTHING = "everything"
SIDES = (GIFT, BOUGHT, EVERYTHING)

# mention labels
_GIFT_WORD = "gift_word"
_BOUGHT_WORD = "bought_word"
# noun introducers: the characters after them name the gift / the bought item
_GIVE = "give"
_BUY = "buy"
# cues
_ABSENT = "absent"
_PRESENT = "present"
_ONLY = "only"
_EMPTY = "empty"
_NOTHING = "nothing"
_BOGO = "bogo"

_PHRASES: Dict[str, List[str]] = {
    _GIFT_WORD: (
        "赠品 增品 赠送的 附赠的 赠的 送的 送嘅 满赠的 小样 试用装 旅行装 礼品 小礼物 礼物 "
        "赠送嘅 送给我的"
    ).split(),
    _BOUGHT_WORD: (
        "我买的 我买嘅 我买嗰 买的 买嘅 买嗰 我订的 订的 我订嘅 我订嗰 我拍的 拍的 下单的 正品 主商品 本体 正装"
    ).split(),
    _GIVE: "送 赠 赠送 附赠 送埋".split(),
    _BUY: "买 买了 买咗 订了 订咗 拍了 下单了".split(),
    _ABSENT: (
        "呢 没有 没收到 没给 没发 没寄 没到 没见 没看到 没看见 不在 不见 没在 冇 木有 美有 "
        "没得 没放 漏了 漏发 未到 仲未到 还没到 还没发 影子都没有 没影 不见了 没来 缺了 收到冇 "
        "冇收到 未收到 还没收到 都没收到 仲未收到 漏放 漏装 没装 去哪了 去哪儿了 哪去了 去咗边"
    ).split(),
    _PRESENT: "到了 收到了 是到了 到咗 收到咗 来了 在 有了 收到".split(),
    _ONLY: (
        "只有 只剩 只收到 只来了 只到了 就一 就几 就只有 就我 净是 全是 装的是 净系得 "
        "收到得 得个 得支 得件 得一 除了 净系收到 只系收到"
    ).split(),
    _EMPTY: "空盒 空的 空包裹 空箱 吉盒 连赠品都没".split(),
    _NOTHING: "什么都没有 啥都没有 啥也没有 乜都冇 什么也没有".split(),
    _BOGO: [f"买{a}送{b}" for a in "一二两三" for b in "一二两三"],
}

# after a noun introducer: quantities, particles and 那/这 before the noun itself
_NOUN_PREFIX = re.compile(
    r"^(?:的|了|咗|个|嘅)?[那这]?(?:[一两二三四五六七八九十几]?[个把支瓶件盒包只套对副条张台部双根袋罐块本份颗枚片])?"
)
# characters that end a noun read after 送 / 买
_NOUN_STOP = re.compile(
    r"[^\u4e00-\u9fff]|[的了咗嘅和跟与同送赠买说呢没冇不都也就到在是给还收我你一两二三四五六七八九十几]"
)
# 送 that delivers rather than gives ("送货上门", "派送成功", "送到了")
_NOT_GIVING = "送货 送达 派送 配送 运送 送到 送来 送去 送回 寄送 外送 送错 送件 递送".split()
# what a noun read after a gift word may be that names the parcel, not a thing in it
_PARCELS = {"快递", "包裹", "包", "箱子", "盒子", "货"}
_NUMERALS = set("一两二三四五六七八九十几")
MAX_NOUN_CHARS = 4
# how far (characters) a cue may stand from the mention it is said of
MAX_CUE_GAP = 10
MAX_ONLY_GAP = 6
# clause breaks (the lexicon's normalised text: half-width punctuation)
_BREAK = re.compile(r"[\s,.!?;:~、。…，！？；：～]")
# words that may open a clause before a cue said of the previous clause's thing
# ("说好送铲子 结果没收到")
_FILLERS = set("我根本一直到现在都还也却但是可结果就然后啊呀")
# "在" is a presence cue only before the box it is in or at a clause's end ("送的袜子在")
_PLACES = set("箱盒袋包里")
# what may end a clause after the thing a cue names ("没有小样啊", "冇杯喎")
_TRAILING = " ,.!?;:~啊呀喎啦呢吗嘛的了"


@dataclass(frozen=True)
class MissingItem:
    """What is said missing (`side`), and the words of the thing, when named."""

    side: str
    noun: str = ""


@dataclass
class _Mention:
    side: str  # GIFT or BOUGHT
    start: int
    end: int
    noun: str
    said: List[str] = field(default_factory=list)  # _ABSENT / _PRESENT cues said of it


@functools.cache
def _lexicon() -> Lexicon:
    return Lexicon(_PHRASES, exclusions=_NOT_GIVING)


def _noun_after(text: str, end: int, cue_starts: List[int]) -> str:
    """The noun right after a noun introducer ("送一把铲子的" -> 铲子), or "".

    It ends at a stop character or where a cue starts ("袜子木有" -> 袜子); numerals alone
    ("买一送一") name nothing.
    """
    rest = text[end:]
    skip = _NOUN_PREFIX.match(rest).end()  # type: ignore[union-attr]
    rest = rest[skip:]
    stop = _NOUN_STOP.search(rest)
    length = min(stop.start() if stop else len(rest), MAX_NOUN_CHARS)
    for start in cue_starts:
        if end + skip < start < end + skip + length:
            length = start - end - skip
    noun = rest[:length]
    return "" if set(noun) <= _NUMERALS or noun in _PARCELS else noun


def _mentions(text: str, hits: List[LexiconMatch]) -> List[_Mention]:
    """Gift and bought-item mentions: their words, and every later use of their nouns."""
    cue_starts = [h.start for h in hits if h.label in (_ABSENT, _PRESENT, _ONLY)]
    mentions: List[_Mention] = []
    nouns: Dict[str, str] = {}
    for hit in hits:
        if hit.label in (_GIFT_WORD, _BOUGHT_WORD):
            side = GIFT if hit.label == _GIFT_WORD else BOUGHT
            noun = _noun_after(text, hit.end, cue_starts)
            end = hit.end + (text[hit.end :].find(noun) + len(noun) if noun else 0)
            mentions.append(_Mention(side, hit.start, end, noun))
        elif hit.label in (_GIVE, _BUY):
            noun = _noun_after(text, hit.end, cue_starts)
            if noun:
                nouns.setdefault(noun, GIFT if hit.label == _GIVE else BOUGHT)
    covered = [(m.start, m.end) for m in mentions]
    for noun, side in nouns.items():
        for found in re.finditer(re.escape(noun), text):
            start, end = found.span()
            if any(low <= start < high for low, high in covered):
                continue
            mentions.append(_Mention(side, start, end, noun))
    # a noun inside another mention ("手机" in "手机壳", 铲子 in "送的铲子") is that mention
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: List[_Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _cues(text: str, hits: List[LexiconMatch]) -> List[LexiconMatch]:
    """Cues in order, without the presence cues that are none.

    Dropped: a presence cue inside a longer cue ("在" in "不在", "收到" in "收到冇") and a
    "在" that is no place ("现在", "还在路上").
    """
    longer = [(h.start, h.end) for h in hits if h.label in (_ABSENT, _ONLY, _EMPTY, _NOTHING)]
    cues = []
    for hit in hits:
        if hit.label not in (_ABSENT, _PRESENT, _ONLY):
            continue
        if hit.label == _PRESENT:
            if any(
                lo <= hit.start and hit.end <= hi and hi - lo > hit.end - hit.start
                for lo, hi in longer
            ):
                continue
            following = text[hit.end : hit.end + 1]
            if (
                hit.text == "在"
                and following
                and not (following in _PLACES or _BREAK.match(following))
            ):
                continue
        cues.append(hit)
    return sorted(cues, key=lambda h: (h.start, -h.end))


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` starts."""
    breaks = [m.end() for m in _BREAK.finditer(text, 0, position)]
    return breaks[-1] if breaks else 0


def _said_of(text: str, mentions: List[_Mention], cue: LexiconMatch, since: int) -> List[_Mention]:
    """The mentions a cue of absence or presence is said of (see the module docstring)."""
    clause = _clause_start(text, cue.start)
    if cue.label == _ABSENT:
        # "没有小样", "冇杯": the thing named right after the cue, at the clause's end
        after = [m for m in mentions if 0 <= m.start - cue.end <= 1]
        if after and not text[after[0].end : after[0].end + 1].strip(_TRAILING):
            return after[:1]
    low = max(clause, since)
    before = [m for m in mentions if low <= m.start and m.end <= cue.start]
    if not before:
        opening = text[clause : cue.start]
        if cue.label != _ABSENT or set(opening) - _FILLERS or since > clause:
            return []
        # "说好送铲子 没收到": said of the previous clause's last thing
        before = [
            m
            for m in mentions
            if since <= m.start and m.end <= clause and cue.start - m.end <= MAX_CUE_GAP
        ][-1:]
        return before
    if cue.start - before[-1].end > MAX_CUE_GAP:
        return []
    every = text[max(cue.start - 1, 0) : cue.start] == "都"
    return before if every else before[-1:]


def _attach(text: str, mentions: List[_Mention], cues: List[LexiconMatch]) -> int:
    """Say each cue of its mentions; returns how many absence cues were said of none."""
    loose_absent = 0
    since = 0
    for cue in cues:
        if cue.label == _ONLY:
            clause_end = _BREAK.search(text, cue.end)
            limit = clause_end.start() if clause_end else len(text)
            after = [
                m
                for m in mentions
                if cue.end <= m.start < limit and m.start - cue.end <= MAX_ONLY_GAP
            ]
            if after:
                after[0].said.append(_PRESENT)
        else:
            said = _said_of(text, mentions, cue, since)
            for mention in said:
                mention.said.append(cue.label)
            if not said and cue.label == _ABSENT:
                loose_absent += 1
        since = cue.end
    return loose_absent


def missing_item(text: Optional[str]) -> Optional[MissingItem]:
    """What the message says is missing (gift, bought item or everything), or None."""
    if not text:
        return None
    hits = _lexicon().matches(text)
    if not hits:
        return None
    labels = {hit.label for hit in hits}
    if _EMPTY in labels:
        return MissingItem(EVERYTHING)
    normalized = _normalized(text)
    mentions = _mentions(normalized, hits)
    loose_absent = _attach(normalized, mentions, _cues(normalized, hits))
    said = {(m.side, cue): m for m in mentions for cue in m.said}
    gifts = any(m.side == GIFT for m in mentions) or _BOGO in labels
    # the bought item said present tells the gift missing only where a gift is named
    # ("买的42码鞋子寄来了40码" names none)
    gift_missing = (GIFT, _ABSENT) in said or ((BOUGHT, _PRESENT) in said and gifts)
    bought_missing = (BOUGHT, _ABSENT) in said or (GIFT, _PRESENT) in said
    if (GIFT, _PRESENT) in said and loose_absent:
        bought_missing = True  # "赠品倒是到了 面霜没在盒子里"
    if gift_missing and bought_missing:
        both = (GIFT, _ABSENT) in said and (BOUGHT, _ABSENT) in said
        return MissingItem(EVERYTHING) if both else None
    if gift_missing:
        mention = said.get((GIFT, _ABSENT))
        return MissingItem(GIFT, mention.noun if mention else "")
    if bought_missing:
        mention = said.get((BOUGHT, _ABSENT))
        return MissingItem(BOUGHT, mention.noun if mention else "")
    if _BOGO in labels and (loose_absent or _ONLY in labels):
        return MissingItem(GIFT)  # "买一送一 只收到一个": the free one
    if _NOTHING in labels:
        # "说好送围巾 拆开啥也没有": nothing of what was promised; else nothing at all
        bought = any(m.side == BOUGHT for m in mentions)
        return MissingItem(GIFT if gifts and not bought else EVERYTHING)
    return None


def _normalized(text: str) -> str:
    """The text the lexicon matched on (same length as `text`)."""
    from bot.nlu.normalize import normalize

    return normalize(text, mainland=False)


# the bought item still on its way ("到现在还没到", "还在路上", "一直显示待发货") ...
_IN_TRANSIT = re.compile(
    r"到现在|到今天|至今|还没到|还未到|未到|没到|还在路上|在路上|物流|待发货|没发货|还没发|"
    r"还没寄|没动|中转|单独寄|分开寄|先到|没影|还没收到|都没收到|未收到"
)
# ... unless the message is about the box it opened ("拆开只有赠品", "不在里面")
_IN_THE_BOX = re.compile(
    r"箱|盒|袋子里|里面|里头|入面|拆开|打开|只有|只收到|净是|就一|就几|装的是|包裹里|快递里"
)


def in_transit(text: str) -> bool:
    """Whether a message whose bought item is missing says it has not ARRIVED.

    Why: the spec files the bought item not arrived (even with the gift here) as logistics
    and the bought item not in the parcel as wrong_or_missing_item; with one `bought` mark
    for both, "送的小样都收到了 我买的精华到现在还没到" tied the two (docs/category_dev.md,
    round six). Words of the transit without words of an opened box.
    """
    from bot.nlu.normalize import normalize

    normalized = normalize(text)
    return bool(_IN_TRANSIT.search(normalized)) and not _IN_THE_BOX.search(normalized)


def mark(text: Optional[str]) -> str:
    """The feature mark of what the message says is missing, or "" (`missing_item`).

    Private-use characters: no customer types them, so their n-grams are the mark's alone.
    The bought item not arrived has a mark of its own (`in_transit`).
    """
    found = missing_item(text)
    if found is None:
        return ""
    if found.side == BOUGHT and in_transit(text or ""):
        return MARKS[IN_TRANSIT]
    return MARKS[found.side]


IN_TRANSIT = "in_transit"
MARKS = {
    GIFT: "\ue010" * 4,
    BOUGHT: "\ue011" * 4,
    EVERYTHING: "\ue012" * 4,
    IN_TRANSIT: "\ue015" * 4,
}

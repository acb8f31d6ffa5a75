"""The severity lexicon: trigger words, the token patterns beside them, and what a problem is.

`bot.triage.severity` applies these rules. The words are in `bot.triage.severity_words`, the
phrases that mean something harmless in `bot.triage.severity_exclusions`, sentence shapes in
`bot.triage.severity_sentences` and the context vetoes in `bot.triage.severity_context`. This
module adds the entries with variable parts (a count of people, posting to a platform,
"流了好多血") and compiles everything into one `Lexicon`.
"""

from __future__ import annotations

import functools
import re
from typing import FrozenSet, List

from bot.triage.lexicon import Lexicon, TokenPattern, chars, one_of
from bot.triage.severity_exclusions import EXCLUSIONS
from bot.triage.severity_words import MAINSTREAM_PLATFORMS, trigger_words

__all__ = [
    "EXCLUSIONS",
    "PLATFORMS",
    "PROBLEM_CUE",
    "PURCHASE_ONLY",
    "exclusion_lexicon",
    "severity_lexicon",
    "trigger_reasons",
]

# A clause that only tells of the purchase ("我们整个班的家长都买了，都有这个问题"): the
# problem, if any, is in the next clause.
PURCHASE_ONLY = re.compile(
    # ... with a short object: "我们一群宝妈都买了这款奶瓶，每个人的奶嘴都开裂了"
    r"(?:买了|买的|下单了|下了单|拼了|团了|收到了|用了)(?:(?:这|那|同)[款个种批件套瓶台]?[^,。!?;]{0,4})?$"
)
PROBLEM_CUE = re.compile(
    r"没收到|没发|没到|坏|假|问题|漏|破|碎|裂|过敏|拉肚子|吐|差|退|投诉|维权|中招|一样|同样|也是|也有"
    r"|都有|都是|都没|都不|都被|遇到|反映|出现|坑|骗|烂|臭|霉|质量|不能用|用不了|掉色|开线|缩水"
    r"|褪色|异味|虫|少发|错发|不对|不符|不行|受伤|烫|疼|痛|痒|肿|过期|变质|发酸|馊|开胶|脱胶"
    r"|疹|发错|错了|开不了|打不开|不工作|不制冷|没反应|不亮|甲醛|有味|刺鼻|毒"
    r"|仿|山寨|翻新|二手|次品|劣质|不合格|危险|医院|没有一个|没一个"
    r"|都少|冒烟|着火|起火|爆炸|漏电|电到|受伤|中.?招|迟迟|还没|等了[^,。]{0,4}?(?:天|周|星期|个月)"
    # Cantonese: "收唔到货", "用唔到", "冇收到"
    r"|收唔到|用唔到|冇收到|未收到"
)
_PEOPLE = [
    "街坊",
    "住户",
    "用户",
    "人",
    "户",
    "买家",
    "家长",
    "宝妈",
    "顾客",
    "消费者",
    "同事",
    "邻居",
    "家庭",
    "同学",
    "朋友",
    "粉丝",
    "网友",
    "姐妹",
    "人家",
    "客户",
    "单位",
    "公司",
    # people who live, study or work side by side: "我跟几个室友都买了"
    "室友",
    "舍友",
    "业主",
    "学员",
    "工友",
    # older women and men, staff, members, owners of a car: "合唱团的三十位阿姨"
    *("阿姨", "大妈", "大爷", "员工", "职工", "工人", "会员", "车主", "队员", "团员", "宝爸"),
    # (task sev24) friends as brothers: "十来个兄弟都是在你家下单的"
    *("兄弟", "哥们", "球友", "群友", "驴友", "车友"),
]
# Many people/buyers: "不少买家", "一堆网友", "好多粉丝"; a platform posted to: "发到小红书",
# "在微博上曝光", "po上脸书"; a person hurt by a falling or collapsing thing.
_QUANTIFIERS = [
    *("好多", "很多", "不少", "许多", "好些", "一堆", "一群", "一大堆", "大批", "成群"),
    # a share of them: "一半的住户", "大部分买家"
    *("一半的", "一大半", "大部分", "大多数", "多数", "绝大多数"),
    # (twenty-first round) "这么多人被骗"
    *("这么多", "那么多"),
]
PLATFORMS = MAINSTREAM_PLATFORMS + [
    "哔哩哔哩",
    "网络上",
    "网路",
    "fb",
    "ig",
    "instagram",
    "threads",
    "脆",
    "youtube",
    "油管",
    "推特",
    "twitter",
    "dcard",
    "ptt",
    "业主群",
    # "发到各个平台"
    *("各个平台", "各大平台", "各平台", "所有平台", "社交平台", "社交媒体"),
    # nicknames and pinyin initials: 小红薯 (小红书), xhs, dy (抖音), 某音
    *("小红薯", "xhs", "dy", "某音", "抖阴", "斗音", "wb", "ins", "tiktok"),
    # forums: Hong Kong's 連登 (LIHKG) and 高登
    *("连登", "高登", "lihkg", "论坛", "讨论区"),
    # (nineteenth round) in pinyin, whole or spaced: "xiao hong shu 上已经发了"
    *("xiaohongshu", "xiao hong shu", "douyin", "dou yin", "weibo", "wei bo"),
]
_POST_VERBS = [
    *("发", "晒", "挂", "放", "传", "贴", "写", "po", "post", "曝", "爆", "公开", "公布", "上传"),
]
# (nineteenth round) 咗, the Cantonese 了: "放咗上連登"
_POST_LINKS = list("到在上个一条篇段帖子文视频去了咗")
_POST_AFTER = [
    "发",
    "曝",
    "爆",
    "挂",
    "晒",
    "骂",
    "吐槽",
    "避雷",
    "揭",
    "说说",
    "讲讲",
    "评评理",
    "po",
    # (eighteenth round) Cantonese: a thread opened ("喺連登出咗帖")
    *("出帖", "出咗帖", "开帖", "开咗帖"),
]
# 来 only after ten or a hundred: "十来个兄弟" (alone it counts nothing: `_is_many`)
_NUMERALS = list("0123456789零一二两三四五六七八九十百千几多好数来")


def _count(required: int = 1) -> TokenPattern:
    """Up to four numeral characters ("二十多", "好几", "30"), the first `required` of them.

    Bounded on purpose: a "+" would make the matcher quadratic on a long run of digits.
    """
    return [one_of(_NUMERALS, None if k < required else "?") for k in range(4)]


def _group_count_patterns() -> List[TokenPattern]:
    """A count of buyers, checked to be three or more: 二十多户, 好几个人, 十几个宝妈, 5个人."""
    return [
        [*_count(), one_of(["个", "位", "名", "家", "号"], "?"), *chars(noun)]
        for noun in _PEOPLE
        if noun not in ("单位", "公司", "人家")
    ]


def _group_patterns() -> List[TokenPattern]:
    """Many people, however counted in words: 不少买家, 一群家长, 好多粉丝."""
    return [[*chars(many), *chars(noun)] for many in _QUANTIFIERS for noun in _PEOPLE]


def _media_patterns() -> List[TokenPattern]:
    """Posting about it somewhere public ("发到小红书", "在微博上曝光", "去小红书避雷").

    A verb, a few linking characters and a platform; or a platform and then the act.
    """
    patterns: List[TokenPattern] = []
    for platform in PLATFORMS:
        for verb in _POST_VERBS:
            links = [one_of(_POST_LINKS, "?") for _ in range(3)]
            patterns.append([*chars(verb), *links, *chars(platform)])
        for after in _POST_AFTER:
            if after == "发" and platform in ("直播间", "评论区"):
                continue  # "在直播间发的券" is the shop's doing
            patterns.append(
                [one_of("在去到上喺"), *chars(platform), one_of("上里去", "?"), *chars(after)]
            )
    return patterns


def _is_many(numeral: str) -> bool:
    """Whether a count means three or more ("几", "多", "十" ...) rather than one or two."""
    if numeral in ("好", "多", "数", "来"):
        return False
    if any(char in numeral for char in "几多十百千数"):
        return True
    if numeral.isdigit():
        return int(numeral) >= 3
    return numeral in "三四五六七八九"


def _check(label: str, text: str) -> bool:
    if label != "group_count":
        return True
    numeral = ""
    for char in text:
        if char not in _NUMERALS:
            break
        numeral += char
    if "号" in text[len(numeral) :] and not any(char in numeral for char in "几十百千"):
        return False  # "3号人不在家" is a date; "几十号工友" a count
    if numeral == "多" and text[len(numeral) : len(numeral) + 1] in ("位", "名"):
        return True  # (task sev24) "多位客户", "多名员工": several people, as a note says it
    return _is_many(numeral)


@functools.cache
def severity_lexicon() -> Lexicon:
    """The severity lexicon (compiled on first match)."""
    return Lexicon(
        trigger_words(),
        patterns={
            "group_count": _group_count_patterns(),
            "group_weak": _group_patterns(),
            "media": _media_patterns(),
            "injury": [
                # 流了好多血, 流了一地血
                [
                    *chars("流"),
                    *chars("了", True),
                    one_of("好很一", "?"),
                    one_of("多些地", "?"),
                    *chars("血"),
                ],
                # 拉了两天肚子
                [
                    *chars("拉"),
                    *chars("了", True),
                    *_count(required=0),
                    *chars("天", True),
                    *chars("肚子"),
                ],
                # 缝了三针
                [*chars("缝"), *chars("了", True), *_count(), *chars("针")],
            ],
        },
        exclusions=EXCLUSIONS,
        check=_check,
    )


@functools.cache
def trigger_reasons(phrase: str) -> FrozenSet[str]:
    """The reasons whose trigger words an (excluded) phrase contains: "平台仲裁" -> {legal}.

    Tells which reason the rules dismissed when an exclusion swallowed a trigger, so the
    learned head needs more certainty to give that reason back (`combine_severity`).
    """
    by_label = trigger_words()
    lists = {
        "injury": by_label["injury"],
        "legal": by_label["legal"],
        "media": by_label["media"],
        "group": by_label["group"] + by_label["group_weak"] + by_label["group_context"],
    }
    return frozenset(
        reason for reason, entries in lists.items() if any(entry in phrase for entry in entries)
    )


@functools.cache
def exclusion_lexicon() -> Lexicon:
    """Only the exclusion phrases: to tell a near miss ("曝光不足") from plain text."""
    return Lexicon({"excluded": EXCLUSIONS})

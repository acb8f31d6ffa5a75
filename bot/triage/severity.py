"""Severity of a complaint (`urgent` / `normal`) from the customer's words and the amount.

The spec (shared/spec/complaint-ticket.md) makes a complaint urgent on personal injury or a
safety hazard, a threat of legal or regulatory action, a threat of media exposure, a group
complaint, or a large amount. The first four are lexicon rules over the normalised text
(see `bot.triage.lexicon`), so Traditional input ("燙傷", "消基會") matches too.

Rules favour recall on threats: "我不会去曝光，但..." still counts, because an agent must see
any mention of exposure. Words used in another sense are excluded explicitly (照片曝光不足,
烫头发, 气炸了, 工商银行, 好多天); a platform named without a threat ("在抖音直播间下的单")
does not count, only the act of posting ("发抖音", "发到网上").
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Dict, List, Literal, Optional, Sequence

from bot.triage.lexicon import Lexicon, TokenPattern, chars, one_of, words

Severity = Literal["urgent", "normal"]
REASONS = ("injury", "legal", "media", "group", "amount")

# How strongly one fired reason alone supports "urgent" (lexicon hits are not all equal:
# an injury word is rarely used lightly, "大家都" sometimes is).
_WEIGHTS: Dict[str, float] = {
    "injury": 0.9,
    "legal": 0.85,
    "media": 0.8,
    "group": 0.75,
    "amount": 0.95,
}
_NORMAL_CONFIDENCE = 0.8  # no trigger at all
_NORMAL_NEAR_MISS_CONFIDENCE = 0.65  # only excluded senses ("曝光不足") were seen

_INJURY = words(
    """
    受伤 伤到 弄伤 伤着 割伤 割到 划到手 手被划 划了个口子 划了一道口子 划出血 流血 出血 缝针
    烫伤 烫到 烫起 水泡 血泡 烧伤 灼伤 起火 着火 冒火 火花 冒烟 自燃 燃烧 爆炸 炸裂 炸开 炸了
    崩飞 飞出来 砸到 砸伤 触电 漏电 被电到 电到我 电到手 过敏 红肿 疹子 起疹 红疹
    中毒 拉肚子 上吐下泻 腹泻 呕吐 噎住 噎到 卡住喉咙 窒息 误吞 误食 吞下 吞进
    进医院 住院 医院 急诊 送医 骨折 摔伤 摔倒 跌倒 摔了一跤 危险 安全隐患
    """
)
_LEGAL = words(
    """
    律师 起诉 告你们 告你 告到 去告 告他们 打官司 法院 法庭 法律责任 追究
    12315 12345热线 12345市民 打12345 拨打12345 315晚会 打315 去315
    消协 消费者协会 市场监管 监管局 监管部门 工商 消基会 消保官 消保处 举报 报警 仲裁
    """
)
_MEDIA = words(
    """
    曝光 媒体 记者 电视台 报社 民生栏目 爆料 发微博 发小红书 发抖音 拍抖音 发朋友圈
    发到网上 发网上 放到网上 传到网上 网上曝光 发帖 发文 上热搜 全网 让所有人 让大家看看
    让大家评评理 挂出来 挂到网上 挂你们 公之于众 dcard ptt 脸书 黑猫投诉
    """
)
_GROUP = words(
    """
    好多人 很多人 大家都 群里都 不止我一个 不只我一个 不止我 不只我 我们几个 集体 好几个人
    其他买家 别的买家 很多买家 好多买家 买家都 家家都 每家都 维权群 不是个例 不是个别 同一批
    一大片差评 好多差评 很多差评 一堆差评 公司团购 单位团购 小区团购 社区团购
    """
)
# Longer phrases in which a trigger means something harmless.
_EXCLUSIONS = words(
    """
    # photography: exposure
    曝光不足 曝光过度 曝光度 自动曝光 曝光模式 曝光补偿 曝光时间 长曝光 曝光值
    # hair perm, ironing, anger idioms
    烫头 烫发 烫完头 烫衣 气炸 要炸了 快炸了 心态炸 炸毛 要爆炸了 肺都要爆炸了 肺都炸了 爆炸性 爆炸款
    # other senses of a trigger
    工商银行 多媒体 自媒体号 媒体评测 上过热搜 全网最低 全网最便宜 全网独家 全网首发
    律师朋友 告你一声 发文件 火花塞 危险品
    """
)
_PEOPLE = ["人", "户", "买家", "家长", "宝妈", "顾客", "消费者", "同事", "邻居", "家庭", "同学"]
_NUMERALS = list("0123456789零一二两三四五六七八九十百千几多好数")


def _count(required: int = 1) -> TokenPattern:
    """Up to four numeral characters ("二十多", "好几", "30"), the first `required` of them.

    Bounded on purpose: a "+" would make the matcher quadratic on a long run of digits.
    """
    return [one_of(_NUMERALS, None if k < required else "?") for k in range(4)]


def _group_count_patterns() -> List[TokenPattern]:
    """A count of buyers, checked to be three or more: 二十多户, 好几个人, 十几个宝妈, 5个人."""
    return [[*_count(), one_of(["个", "位", "名"], "?"), *chars(noun)] for noun in _PEOPLE]


def _is_many(numeral: str) -> bool:
    """Whether a count means three or more ("几", "多", "十" ...) rather than one or two."""
    if numeral in ("好", "多", "数"):
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
    return _is_many(numeral)


@functools.cache
def severity_lexicon() -> Lexicon:
    """The severity lexicon (compiled on first match)."""
    return Lexicon(
        {"injury": _INJURY, "legal": _LEGAL, "media": _MEDIA, "group": _GROUP},
        patterns={
            "group_count": _group_count_patterns(),
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
        exclusions=_EXCLUSIONS,
        check=_check,
    )


@dataclass(frozen=True)
class SeverityResult:
    """Severity, the reasons that fired (spec order), a confidence and what matched."""

    severity: Severity
    reasons: List[str]
    confidence: float
    matches: Dict[str, List[str]] = field(default_factory=dict)


def assess_severity(
    texts: Sequence[str], amount: Optional[float], threshold: float
) -> SeverityResult:
    """Judge the customer's messages and the order amount (yuan) against the threshold.

    `reasons` lists injury/legal/media/group/amount in that order; `matches` maps each
    reason to the phrases that triggered it (for amount: the amount). `confidence` is
    1 - prod(1 - weight) over the fired reasons, or a fixed value for "normal".
    """
    lexicon = severity_lexicon()
    found = lexicon.find([text for text in texts if text])
    if "group_count" in found:
        group = found.setdefault("group", [])
        group.extend(p for p in found.pop("group_count") if p not in group)
    if amount is not None and math.isfinite(amount) and amount >= threshold:
        found["amount"] = [f"{amount:g}"]
    reasons = [reason for reason in REASONS if found.get(reason)]
    matches = {reason: found[reason] for reason in reasons}
    if reasons:
        doubt = math.prod(1 - _WEIGHTS[reason] for reason in reasons)
        return SeverityResult("urgent", reasons, round(1 - doubt, 4), matches)
    near_miss = any(_has_excluded_trigger(text) for text in texts if text)
    confidence = _NORMAL_NEAR_MISS_CONFIDENCE if near_miss else _NORMAL_CONFIDENCE
    return SeverityResult("normal", [], confidence, {})


@functools.cache
def _exclusion_lexicon() -> Lexicon:
    return Lexicon({"excluded": _EXCLUSIONS})


def _has_excluded_trigger(text: str) -> bool:
    """Whether the text holds a phrase that looks like a trigger but was excluded."""
    return bool(_exclusion_lexicon().matches(text))

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
import re
from dataclasses import dataclass, field
from typing import Dict, List, Literal, Optional, Sequence

from bot.nlu.normalize import normalize
from bot.nlu.spacy_pipeline import parse_chinese_number
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
    割了个口子 割了一道 割破 划破 划伤 刮伤 刮破 扎伤 扎破 扎到手 刺伤 戳伤 夹伤 夹到手 手指被夹
    烫伤 烫到 烫起 水泡 血泡 烧伤 灼伤 起火 着火 冒火 火花 冒烟 自燃 燃烧 爆炸 炸裂 炸开 炸了
    烫了一个 烫出 烫红 烫破 烫亲 起了泡 大泡 泼了一身 泼到身上 溅到身上 溅到脸上 溅到眼睛 进眼睛
    烧到 烧焦 烧糊 烧黑 短路 鼓包 爆了 爆开
    崩飞 飞出来 砸到 砸伤 砸青 淤青 瘀青 青了一块 青紫 肿了 肿得 红肿
    触电 漏电 被电到 电到我 电到手 被电了 电了一下 麻了一下 电麻
    过敏 疹子 起疹 红疹 又红又痒 又痒又红 红痒 烂脸 毁容 刺痛 起痘 长痘 爆痘 瘙痒 痒得
    中毒 拉肚子 上吐下泻 腹泻 呕吐 噎住 噎到 卡住喉咙 窒息 误吞 误食 吞下 吞进 差点吃下去
    肚子疼 肚子痛 胃疼 胃痛 又吐又拉 吐了好几次 吐了一晚 吐了一夜 吐个不停 吃完就吐 宝宝吐 孩子吐 恶心想吐 头晕 咳嗽 喘不上气 喘不过气 闹肚子 拉稀
    拉了一天 拉了一晚 拉了一夜 拉了好几次 玻璃渣 玻璃碴
    疼得厉害 痛得厉害 疼了一晚 疼了一夜 疼了好几天 疼死了 痛死了
    进医院 住院 医院 急诊 送医 骨折 摔伤 摔倒 跌倒 摔了一跤 摔了个跟头 危险 安全隐患
    我摔地上 我摔在地上 摔到地上了 孩子摔 宝宝摔 老人摔
    """
)
_LEGAL = words(
    """
    律师 起诉 告你们 告你 告到 去告 告他们 打官司 法院 法庭 法律责任 追究
    12315 12345热线 12345市民 打12345 拨打12345 315晚会 打315 去315
    消协 消费者协会 市场监管 监管局 监管部门 工商 消基会 消保官 消保处 举报 报警 仲裁
    市场监督 监督管理局 市监局 消保会 消保委 消委会 消费者委员会 消费者权益保护 市长热线 政府热线
    律师函 律师信 法律程序 法律途径 法律手段 走法律 诉讼 上诉 告上法庭 派出所 报案 公安
    """
)
_MEDIA = words(
    """
    曝光 媒体 记者 电视台 报社 民生栏目 爆料 发微博 发小红书 发抖音 拍抖音 发朋友圈
    发到网上 发网上 放到网上 传到网上 网上曝光 发帖 发文 上热搜 全网 让所有人 让大家看看
    让大家评评理 挂出来 挂到网上 挂你们 公之于众 dcard ptt 脸书 黑猫投诉
    到小红书 小红书上 到抖音 抖音上曝 到快手 到微博 微博上 到朋友圈 发个朋友圈 晒到网上 避雷
    上新闻 新闻媒体 找新闻 舆论 po文 po上 po到 公开出来 网友评评理
    """
)
_GROUP = words(
    """
    好多人 很多人 大家都 群里都 不止我一个 不只我一个 不止我 不只我 我们几个 集体 好几个人
    其他买家 别的买家 很多买家 好多买家 买家都 家家都 每家都 维权群 不是个例 不是个别 同一批
    一大片差评 好多差评 很多差评 一堆差评 公司团购 单位团购 小区团购 社区团购
    同事都 邻居都 同学都 亲戚都 朋友们都 不光是我 不光我一个 不仅是我 不只是我 不止是我 不是我一个
    不止一个人 不只一个人 评论区 评论里都 评价里都 好多评论 很多评价 别人也 其他人也 其他人都
    其他顾客 其他消费者 一大批人 一批人 一群人 好几十 几十个 上百个 上百人 都中招 批量采购
    公司采购 单位采购
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
    气炸了 炸了锅 气爆了 火爆了 爆了单 心疼 贴膜起泡 刷爆了
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


# Amounts the customer states ("花了5999", "三千多块的手机", "1.2万的包", "好几千的东西").
# The order's amount is the reliable figure; the customer's words count too, because the
# order may be unknown and a large loss must not wait for it. Only numbers that read as a
# price: a currency sign or unit, a price word before, "买的"/"的" after a magnitude; never a
# bare long number (order and phone numbers).
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,7}(?:\.\d{1,2})?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]{0,7})"
_MAGNITUDE = r"(万|千|w|k)?"
_MONEY_PATTERNS = [
    re.compile(rf"[¥$]\s*{_NUMBER}{_MAGNITUDE}"),
    re.compile(rf"{_NUMBER}\s*{_MAGNITUDE}\s*[多几]?\s*(?:块|元|圆|rmb|人民币|大洋)"),
    re.compile(
        rf"(?:花了|付了|付款|实付|支付了|价值|价格|售价|原价|金额|总价|总共|一共|共计|"
        rf"买了个|买了台|买的时候)\s*{_NUMBER}\s*{_MAGNITUDE}"
    ),
    re.compile(rf"{_NUMBER}\s*{_MAGNITUDE}\s*多?\s*(?:买的|买来的|买了)"),
    re.compile(rf"{_NUMBER}\s*(万|千|w|k)\s*多?\s*的"),
    re.compile(
        r"([一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*[千万][零〇一二两三四五六七八九十百千万]*)()\s*多?\s*的"
    ),
]
# Vague large sums: "好几千", "上万", "几万块".
_VAGUE_AMOUNTS = {
    "好几千": 5000.0,
    "大几千": 7000.0,
    "几千块": 3000.0,
    "几千元": 3000.0,
    "上千块": 1000.0,
    "上万": 10000.0,
    "几万": 30000.0,
    "好几万": 50000.0,
    "十几万": 100000.0,
}
_MAGNITUDES = {"万": 10_000.0, "千": 1_000.0, "w": 10_000.0, "k": 1_000.0}


def stated_amounts(text: str) -> List[float]:
    """Money amounts (yuan) the text states, as far as simple price phrases tell."""
    normalized = normalize(text or "")
    found: List[float] = []
    for pattern in _MONEY_PATTERNS:
        for match in pattern.finditer(normalized):
            number, magnitude = match.group(1), match.group(2)
            value = parse_chinese_number(number.replace(",", ""))
            if value is None:
                continue
            if magnitude and not (number[-1] in "千万" and magnitude == number[-1]):
                value *= _MAGNITUDES[magnitude]
            found.append(value)
    found += [value for word, value in _VAGUE_AMOUNTS.items() if word in normalized]
    return found


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
    elif math.isfinite(threshold):
        stated = [value for text in texts if text for value in stated_amounts(text)]
        large = [value for value in stated if value >= threshold]
        if large:
            found["amount"] = [f"{max(large):g}"]
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

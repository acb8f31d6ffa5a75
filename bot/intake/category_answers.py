"""Reading a typed answer to "which kind of problem is it?" (the category question).

Why: the question comes with quick-reply buttons, but many customers type instead ("质量问题",
"物流的问题", "質量問題"). The NLU reads such a message as `inform` and emits no category (it
gives one for complaints only), so the bot used to say it did not understand and ask again.
Asked this question, a message that names a category in its short name, or one the triage
ranks first at a lower bar than elsewhere, answers it.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from bot.intake.answers import compact, label_parts, says_what_happened, triage_first
from bot.taxonomy import CATEGORIES

# what customers type for each category (Simplified; Traditional is normalised first)
CATEGORY_NAMES: Dict[str, Tuple[str, ...]] = {
    "product_quality": ("商品质量", "质量", "品质", "产品质量", "东西质量"),
    "logistics": ("物流配送", "物流", "配送", "快递", "送货"),
    "wrong_or_missing_item": ("错发漏发", "错发", "漏发", "发错", "少发", "发错货", "少件"),
    "not_as_described": ("描述不符", "货不对板", "与描述不符", "跟描述不符", "和图片不符"),
    "refund_payment": ("付款及退款", "付款", "退款", "支付", "扣款"),
    "after_sales": ("售后服务", "售后"),
    "service_attitude": ("客服服务", "客服", "客服态度", "服务态度", "态度"),
    "promotion": ("营销活动", "活动", "优惠", "优惠券", "促销"),
    "account": ("账户异常", "账户", "账号", "帐号"),
    "livestream_misleading": ("主播误导", "虚假宣传", "主播", "直播"),
    "other": ("其他", "其它", "别的", "都不是"),
}


def _short_names() -> Dict[str, str]:
    """Every short name, and the quick replies' titles whole and in their parts."""
    names = {name: code for code, short in CATEGORY_NAMES.items() for name in short}
    for code, label in CATEGORIES.items():
        for name in (compact(label), compact(label.replace("/", "")), *label_parts(label)):
            names.setdefault(name, code)
    return names


_SHORT_NAMES = _short_names()

# "是质量方面的问题吧" -> "质量"
_FRAME = re.compile(
    r"^(?:是|就是|应该是|算是?|属于)?(?:那个|这个)?(?P<core>.+?)"
    r"(?:的|方面的?|这块的?|那块的?)?(?:问题|类的?|类型|方面|那种)?(?:吧|啊|呀|吗|呢|哦|喔|了)*$"
)

# asked for the category, the triage's best guess for a description is taken at this confidence
IN_CONTEXT_CATEGORY_CONFIDENCE = 0.35


def category_named(text: str) -> Optional[str]:
    """The category whose short name is the whole answer ("质量问题", "是物流的问题吧")."""
    plain = compact(text or "")
    if not plain or len(plain) > 16:
        return None
    if plain in _SHORT_NAMES:
        return _SHORT_NAMES[plain]
    frame = _FRAME.match(plain)
    return _SHORT_NAMES.get(frame.group("core")) if frame else None


def category_in_context(
    text: str, triage: Any, minimum: float = IN_CONTEXT_CATEGORY_CONFIDENCE
) -> Optional[str]:
    """The category the triage ranked first for this message, if it reaches `minimum`.

    Out of context the NLU gives a category only for complaints; as the answer to the
    category question ("东西寄来就是坏的") the message is about the problem's kind. A message
    that says no more than a number or a shrug ("202411235567", "随便吧";
    `answers.says_what_happened`) tells no kind, whatever the triage ranks.
    """
    if not says_what_happened(text or ""):
        return None
    return triage_first(triage, "category", minimum)

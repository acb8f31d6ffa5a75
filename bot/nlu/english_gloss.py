"""The English complaint words of a mixed message in the Chinese the training data uses.

Why: Hong Kong and overseas customers mix English into Chinese ("refund please 仲未ship",
"the free gift wasn't in the box 正品倒係收到", "CS keeps transferring me around"). The triage
heads read character n-grams learned from data/nlu, which is written in Chinese: "ship",
"gift" or "CS" are a few Latin letters whose n-grams say little, so such messages were read
by their Chinese remainder alone ("仲未ship" + "refund" as refund_payment, when not shipped
yet is logistics; docs/category_dev.md, round six).

How: each listed English word or phrase is replaced by the Chinese words the training data
uses for it ("仲未ship" -> "仲未发货"), in place, so the Chinese n-grams form across it ("未发货")
and the remedy head's last-clause features see a request where the customer put it ("pls
refund" ends in 退款). Replaced rather than glossed beside: the few English examples of
data/nlu gave "refund" and "please" a refund_payment weight of their own that outweighed the
gloss ("refund please 仲未ship" stayed refund_payment 0.73 with "ship发货" glued on); and
English complaint examples added to data/nlu moved the intent split intent_dev9 (round six).
The text is the prepared one (lower-case ASCII); Chinese-only text is returned unchanged.
"""

from __future__ import annotations

import functools
import re
from typing import Dict, Tuple

# English (lower-case, a regex; longer phrases first where they overlap) -> Chinese gloss.
GLOSSES: Tuple[Tuple[str, str], ...] = (
    # money
    (r"money back", "退钱"),
    (r"refund(?:ed|s|ing)?", "退款"),
    (r"charged twice|double charged|charged two times", "重复扣款"),
    (r"charged|deducted", "扣款"),
    (r"payment|paid", "付款"),
    (r"price difference", "差价"),
    # shipping
    (r"not (?:yet )?(?:shipped|dispatched|sent out)", "没发货"),
    (r"ship(?:ped|ping)?|dispatch(?:ed)?|send out", "发货"),
    (r"tracking|logistics", "物流"),
    (r"deliver(?:ed)?", "签收"),
    (r"delivery", "配送"),
    (r"courier|delivery ?man|driver", "快递员"),
    (r"parcel|package", "包裹"),
    (r"lost", "丢件"),
    (r"(?:not|never|didn'?t|haven'?t|hasn'?t) (?:yet )?(?:received|arrived|come|came)", "没收到"),
    (r"nothing came|never came|never arrived", "没收到"),
    # the item
    (r"wrong (?:size|colou?r|model|item)|sent the wrong|wrong one", "发错"),
    (r"missing", "少了"),
    (r"scratch(?:ed|es)?", "划痕"),
    (r"broken|smashed|cracked", "碎了"),
    (r"stopped working|not working|doesn'?t work|won'?t turn on|dead", "坏了"),
    (r"defect(?:ive)?|faulty|poor quality", "质量问题"),
    (r"fake|counterfeit", "假货"),
    (r"listing|product page|web ?page|page", "页面"),
    (r"description|described", "描述"),
    (r"photos?|pictures?", "图片"),
    # campaigns and the live stream
    (r"free gifts?|freebies?|gifts?", "赠品"),
    (r"coupons?|vouchers?|promo codes?", "优惠券"),
    (r"discount", "优惠"),
    (r"price drop(?:ped)?|cheaper", "降价"),
    (r"live ?stream(?:ing|er)?|streamer|host|kol", "主播直播间"),
    # service and after-sales
    (r"cs|customer service|agent|support", "客服"),
    (r"rude", "态度差"),
    (r"transferr(?:ing|ed)|passed around|pushed around", "推来推去"),
    (r"ignor(?:ed|ing|e)|no reply|no response|nobody repl(?:ies|ied)", "没人理"),
    (r"return request", "退货申请"),
    (r"return", "退货"),
    (r"exchange", "换货"),
    (r"repair(?:ed)?|fix(?:ed)?", "维修"),
    (r"warranty", "保修"),
    # account
    (r"account", "账号"),
    (r"log ?in|sign ?in", "登录"),
    (r"hacked|stolen", "被盗"),
    (r"password", "密码"),
    (r"verification code|otp", "验证码"),
    (r"points", "积分"),
    (r"banned|suspended|blocked", "封号"),
    (r"invoice|receipt", "发票"),
)


@functools.cache
def _pattern() -> Tuple[re.Pattern[str], Dict[int, str]]:
    """One regex of every gloss (a group each, in table order) and the gloss per group."""
    parts = [f"({english})" for english, _ in GLOSSES]
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(parts) + r")(?![a-z])")
    return pattern, {index + 1: gloss for index, (_, gloss) in enumerate(GLOSSES)}


def gloss(text: str) -> str:
    """`text` with each listed English word replaced by its Chinese (see the module doc)."""
    if not text or not re.search(r"[a-z]{2}", text):
        return text
    pattern, glosses = _pattern()

    def add(match: re.Match[str]) -> str:
        return glosses[match.lastindex or 0]

    return pattern.sub(add, text)

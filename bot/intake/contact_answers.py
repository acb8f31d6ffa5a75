"""A contact given in words other than a phone number or an e-mail address: a WeChat id.

Hand test (ux11): "联系方式改成微信 abc123" at the read-back was met by "请直接告诉我要改的
内容": the bot read phone numbers and e-mail addresses only. The ticket's `contact` is
whatever the customer consented to (spec: "customer-consented contact"), so a WeChat id
named as one is a contact too, filed with its label so that the agent knows where to write.
"""

from __future__ import annotations

import re
from typing import Optional

WECHAT_LABEL = "微信 "
# "微信 abc123", "加我vx：Li_Wei88", "微信号是abc123": a WeChat id (6-20 characters, a letter
# first) right after the word; read on the text as typed, so the id keeps its letters' case.
# A particle may come between ("加微信吧：Li_Wei88", "微信的话 liwei_88": hand trial, WeCom).
_WECHAT = re.compile(
    r"(?:微信|weixin|wechat|wx|vx|v信)(?:号|號)?"
    r"(?:是|为|為|叫|改成|换成|換成|改为|改為|吧|哈|呀|啊|呢|的话|的話|也行|也可以|就行|[:：\s])*"
    r"([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])",
    re.IGNORECASE,
)


def wechat_contact(text: str) -> Optional[str]:
    """The WeChat id named in the message, labelled ("微信 abc123"); None without one."""
    match = _WECHAT.search(text or "")
    return f"{WECHAT_LABEL}{match.group(1)}" if match else None


def mask_wechat(contact: str) -> Optional[str]:
    """`微信 a****23` for a labelled WeChat id; None for any other contact."""
    if not contact.startswith(WECHAT_LABEL):
        return None
    handle = contact[len(WECHAT_LABEL) :]
    return f"{WECHAT_LABEL}{handle[:1]}****{handle[-2:]}"


# A phone (11 digits, however grouped), an e-mail address, and the words around a contact
# given ("可以，加我微信", "打我电话", "聯絡我…就可以").
_PHONE_DIGITS = re.compile(r"\+?\d[\d\s-]{6,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT_WORDS = re.compile(
    r"可以|行|好的?|嗯|就|吧|啦|了|打|加|留|找|联系|聯繫|联络|聯絡|我的?|电话|電話|手机|手機|"
    r"号码|號碼|号|號|微信|邮箱|郵箱|方式|是|用|这个|這個|呢个|呢個|即可|都|随时|隨時|"
    r"[，,。.!！~～\s]"
)


def only_gives_contact(text: str) -> bool:
    """Whether the message is a contact and consent words, nothing said of the problem.

    Why: "可以，加我微信 Li_Wei88" at the contact question went into the ticket's
    description (hand trial wait2), the id in plain text for every agent to read.
    """
    rest = _WECHAT.sub("", text or "")
    rest = _EMAIL.sub("", _PHONE_DIGITS.sub("", rest))
    return bool(rest != (text or "")) and not _CONTACT_WORDS.sub("", rest).strip()


# A phone word right before the number ("我电话13812345678", "手機：138 1234 5678",
# "call me on 138…") or "打我" right after it: the number is offered as the contact.
_PHONE_WORD_BEFORE = re.compile(
    r"(?:电话|電話|手机|手機|联系方式|聯繫方式|聯絡方式|联络方式|call|phone|tel|whatsapp)"
    r"(?:号码|號碼|号|號)?(?:是|為|为|on|me|[:：\s])*$",
    re.IGNORECASE,
)
_CALL_ME_AFTER = re.compile(r"^\s*(?:[，,]\s*)?(?:打我|打給我|打给我|联系我|聯繫我|聯絡我|call me)")


def names_as_phone(text: str, phone: str) -> bool:
    """Whether `phone` is offered in `text` as a number to call, by a word beside it.

    Why: an opening that ends "…要么退钱，我电话13812345678" was asked for a phone number
    again at the contact question (hand trial, 2026-12-01). A bare number in an opening
    may be an order's; one the customer calls their phone is not.
    """
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 7:
        return False
    spread = r"[\s-]*".join(map(re.escape, digits))
    for match in re.finditer(rf"\+?(?:86)?[\s-]*{spread}", text or ""):
        before = text[max(0, match.start() - 12) : match.start()]
        if _PHONE_WORD_BEFORE.search(before) or _CALL_ME_AFTER.match(text[match.end() :]):
            return True
    return False


# "可以打这个电话", "就打我刚才那个号码", "用上面的手机号": the number said earlier.
_THAT_NUMBER = re.compile(
    r"(?:这个|這個|呢个|呢個|嗰个|嗰個|那个|那個|刚才|剛才|頭先|上面|之前|前面|留的|给的|給的|发的|發的|说的|說的)"
    r"(?:的|个|個)?(?:电话|電話|号码|號碼|号|號|手机号?|手機號?|number)"
    r"|same number|that number|this number",
    re.IGNORECASE,
)


def points_to_number_said(text: str) -> bool:
    """Whether the message agrees to be called on a number it does not repeat."""
    return bool(_THAT_NUMBER.search(text or ""))


# Files named, and nothing of a phone or of being contacted: "没有别的照片了" at the contact
# question speaks of the photos (plain answers are normalised to Simplified).
_FILE_WORDS = re.compile(r"照片|相片|图片|图|截图|视频|录像|录屏|证据|凭证|相")
_CONTACT_NAMED = re.compile(r"电话|手机|号码|联系|联络|微信|邮箱|打|留|call|phone", re.IGNORECASE)


def only_files_denied(plain: str) -> bool:
    """Whether a no at the contact question is about files, not the contact.

    Why (hand trial trial3): after a photo sent with the complaint, "没有别的照片了" at the
    contact question (read as deny) filed the contact as declined ("联系方式：未留") though the
    customer said nothing of being called. `plain`: the answer as `answers.plain_answer` gives it.
    """
    return bool(_FILE_WORDS.search(plain)) and not _CONTACT_NAMED.search(plain)


# "就用刚才那个手机号", "电话就用刚才那个", "號碼同之前一樣", "手机号没变": the contact the
# customer gave stays. A contact word must be said (or the message speaks of something else)
# and no order's number ("订单号同之前一样" keeps the order, not the phone).
_KEEP = re.compile(
    r"(?:就|还|還|仲|都)?用(?:回)?(?:刚才|剛才|刚刚|剛剛|之前|上面|原来|原來|前面|頭先|先前|"
    r"那个|那個|这个|這個|呢个|呢個|嗰个|嗰個|同一个|同一個|留的|给的|給的)"
    r"|(?:同|跟|和|與|与)(?:之前|刚才|剛才|刚刚|剛剛|原来|原來|上面|前面|頭先)(?:的|嗰個|嗰个)?"
    r"(?:一样|一樣|相同)"
    r"|(?:没|沒|冇|不|唔)(?:有|用|使|必)?(?:变|變|改|换|換)(?!成|为|為)"
    r"|还是(?:原来|原來|之前|刚才|剛才)|還是(?:原來|之前|剛才)"
)
_CONTACT_WORD = re.compile(
    r"电话|電話|手机|手機|号码|號碼|联系方式|聯繫方式|聯絡方式|联络方式|号|號"
)
_ORDER_WORD = re.compile(r"订单|訂單|单号|單號|运单|運單|快递单|快遞單")


def keeps_contact(text: str) -> bool:
    """Whether the message says the contact already given (or said) stays as it is.

    Why (hand trial trial14): at the read-back, "就用刚才那个手机号" beside the phone read back
    heard "请直接告诉我要改的内容", and "號碼同之前一樣" "没太明白": the customer changes nothing.
    A new number in the message is a change, read elsewhere.
    """
    text = text or ""
    if _PHONE_DIGITS.search(text) or _EMAIL.search(text) or _ORDER_WORD.search(text):
        return False
    return bool(_CONTACT_WORD.search(text) and _KEEP.search(text))

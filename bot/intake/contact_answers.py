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

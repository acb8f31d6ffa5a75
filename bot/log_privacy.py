"""Mask customers' contacts (phones, e-mail, WeChat/QQ ids) in every log line the servers write.

Why: with `--debug`, Rasa and rasa-sdk log whole messages, slots and events, so a contact a
customer leaves ("电话 13812345678") would end up in plain text in log files and log
shipping. A filter on the root logger's handlers rewrites each record before it is formatted,
whatever module emitted it. Order numbers are kept (agents and engineers need them); phone
numbers keep their first three and last four digits, as Chinese shops print them. A WeChat or
QQ id written after its word ("微信 abc123", "加我vx：Li_Wei88", "QQ 123456789") is a contact
too (the bot files it as one, `bot/intake/contact_answers.py`): it keeps its first character
and last two, as the read-back names it.

`install()` is called at start-up by our Rasa plug-ins (`bot.rasa_runtime.install_all`) and
by the action package; it is idempotent.
"""

from __future__ import annotations

import logging
import re
from typing import Iterable

_MOBILE = re.compile(r"(?<!\d)(\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[-\s]?(\d{7,8})(?!\d)")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def _as_logged(*words: str) -> str:
    r"""A pattern for any of the words as typed or as Rasa logs them in JSON ("\u5fae\u4fe1").

    Why: Rasa's debug lines dump events as JSON with `ensure_ascii`, so "微信 abc123" reaches
    the log file as "\u5fae\u4fe1 abc123" (hand test wait2); the word must be found both ways.
    """

    def char(c: str) -> str:
        return re.escape(c) if c.isascii() else rf"(?:{c}|\\{{1,3}}u{ord(c):04x})"

    return "(?:" + "|".join("".join(char(c) for c in word) for word in words) + ")"


# the word (a Latin one not part of a longer word: "wxyz1234" is none), an optional "号/是/：",
# then the id: a WeChat id (a letter first, 6-20 characters) or a QQ number (5-12 digits);
# a number masked already (a phone given as the WeChat id: "138****5678") is left as it is
_IM_WORD = _as_logged("微信", "v信", "扣扣") + (
    r"|(?:(?<![A-Za-z])|(?<=\\u[0-9a-fA-F]{4}))(?:weixin|wechat|wx|vx|qq)(?![A-Za-z])"
)
# the words allowed between, as `bot/intake/contact_answers.py` reads an id ("加微信吧：…")
_IM_LINK = _as_logged(
    "是",
    "为",
    "為",
    "叫",
    "改成",
    "换成",
    "換成",
    "改为",
    "改為",
    "：",
    "吧",
    "哈",
    "呀",
    "啊",
    "呢",
    "的话",
    "的話",
    "也行",
    "也可以",
    "就行",
)
_IM_ID = re.compile(
    rf"((?:{_IM_WORD}){_as_logged('号', '號')}?(?:{_IM_LINK}|[:\s])*)"
    r"([A-Za-z][-_A-Za-z0-9]{5,19}|[1-9]\d{4,11})(?![-_A-Za-z0-9*@.])",
    re.IGNORECASE,
)


def mask_contacts(text: str) -> str:
    """The text with phone numbers, e-mail addresses and WeChat/QQ ids masked."""
    text = _MOBILE.sub(lambda m: f"{m.group(2)}****{m.group(4)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(2)[-2:]}", text)
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***{m.group(2)}", text)
    return _IM_ID.sub(_masked_im_id, text)


def mask_these_contacts(text: str, contacts: Iterable[str]) -> str:
    """The text with these contacts (as the ticket files them) masked as logs mask them.

    Why (task wait4): a contact the customer withdrew at the read-back ("微信还是别留了") is
    not filed, yet the message that gave it stayed in clear in the ticket's transcript, which
    agents and the API read. Only these contacts are masked, however the customer grouped the
    digits ("139 1234 5678"); a contact the ticket keeps stays as typed. `contacts`: phone
    numbers, e-mail addresses and labelled WeChat ids ("微信 Li_Wei88").
    """
    phones = {_phone_key(c) for c in contacts if _phone_key(c)}
    handles = {c.split()[-1].lower() for c in contacts if c.strip() and not _phone_key(c)}

    def phone(match: re.Match[str], masked: str) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return masked if _phone_key(digits) in phones else match.group(0)

    text = _MOBILE.sub(lambda m: phone(m, f"{m.group(2)}****{m.group(4)}"), text)
    text = _LANDLINE.sub(lambda m: phone(m, f"{m.group(1)}-****{m.group(2)[-2:]}"), text)
    text = _EMAIL.sub(
        lambda m: f"{m.group(1)}***{m.group(2)}" if m.group(0).lower() in handles else m.group(0),
        text,
    )
    for handle in sorted(h for h in handles if "@" not in h):
        bare = re.compile(rf"(?<![-_A-Za-z0-9]){re.escape(handle)}(?![-_A-Za-z0-9])", re.I)
        text = bare.sub(lambda m: f"{m.group(0)[:1]}****{m.group(0)[-2:]}", text)
    return text


def _phone_key(contact: str) -> str:
    """A phone number's digits without the country code; empty for another contact."""
    if re.search(r"[A-Za-z@]", contact):
        return ""
    digits = re.sub(r"\D", "", contact)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if len(digits) >= 7 else ""


def _masked_im_id(match: re.Match[str]) -> str:
    """The word kept, the id reduced to its first character and last two ("微信 a****23")."""
    handle = match.group(2)
    return f"{match.group(1)}{handle[:1]}****{handle[-2:]}"


class ContactMaskingFilter(logging.Filter):
    """Rewrites a record's message with `mask_contacts`; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the formatted message in place; always keep the record."""
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the emitter's bug; log it as is
            return True
        masked = mask_contacts(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_FILTER = ContactMaskingFilter()


def install(root: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of the root logger (idempotent)."""
    for handler in (root or logging.getLogger()).handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)

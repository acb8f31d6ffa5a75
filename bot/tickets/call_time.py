"""When the customer would like to be called, as they said it beside the number they gave.

Why: "13812345678 晚上打" filed the number and lost "晚上打"; the agent who calls at ten in
the morning reaches someone at work (lead's hand trial, 2026-12-03). The ticket contract has
no field for it, so it goes into the summary, read from the transcript each time the summary
is built: nothing new is stored, and a contact taken back takes its time with it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

MAX_NOTE_CHARS = 30

_TIME = re.compile(
    r"早上|早晨|上午|中午|午休|下午|傍晚|晚上|晚间|夜里|夜晚|白天|周末|工作日|平日|"
    r"(?:周|星期|礼拜|禮拜)[一二三四五六日天末]|\d{1,2}\s*(?:点|點|[:：]\d{2})|"
    r"[一二三四五六七八九十两兩]{1,3}(?:点|點)|上班|下班|放工|返工|朝早|晏晝|夜晚|"
    r"随时|隨時|任何时间|任何時間|什么时候都|幾時都|几时都|"
    r"\b(?:morning|afternoon|evening|weekend|after\s*\d{1,2}\s*(?:am|pm)?)\b",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"打|联系|聯繫|聯絡|回电|回電|致电|致電|接|找我|方便|有空|得闲|得閒|最好|比较好|比較好|"
    r"call|reach|best|fine|free",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[，,。！!？?；;、~～\n]+|(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_FILLER = re.compile(
    r"^(?:吧|哦|哈|呀|啊|嘛|喔|啦|的|就|可以|好的|好|嗯|电话|電話|手机|手機|号码|號碼|是|我)+|(?:吧|哦|呀|啊|嘛|喔|啦)+$"
)
_SHORT_CLAUSE = 6


def preferred_call_time(
    transcript: Iterable[Mapping[str, Any]], contact: Optional[str]
) -> Optional[str]:
    """The customer's words on when to call, from the message that gave `contact`, if any."""
    if not contact:
        return None
    wanted = _digits_or_text(contact)
    for entry in transcript:
        text = str(entry.get("text") or "")
        if entry.get("role") != "customer" or wanted not in _digits_or_text(text, like=contact):
            continue
        note = call_time_in(text.replace(contact, " "), contact)
        if note:
            return note
    return None


def call_time_in(text: str, contact: str = "") -> Optional[str]:
    """The clauses of `text` that say when to call ("晚上打", "下午三点以后方便")."""
    without = _without_number(text, contact)
    kept = []
    for clause in _CLAUSE_BREAK.split(without):
        clause = _FILLER.sub("", clause.strip(" .\t"))
        if (
            clause
            and _TIME.search(clause)
            and (_CALL.search(clause) or len(clause) <= _SHORT_CLAUSE)
        ):
            kept.append(clause)
    note = "，".join(kept)
    return note[:MAX_NOTE_CHARS] or None


def _digits_or_text(text: str, like: str = "") -> str:
    """Digits only for a phone number (typed with spaces or dashes); the text otherwise."""
    sample = like or text
    if re.fullmatch(r"[+\d\s\-()]{7,}", sample.strip()):
        return re.sub(r"\D", "", text)
    return text


def _without_number(text: str, contact: str) -> str:
    """The text with the phone number (however it was spaced) taken out."""
    digits = re.sub(r"\D", "", contact)
    if len(digits) < 7:
        return text.replace(contact, " ") if contact else text
    spaced = r"[\s\-]*".join(re.escape(d) for d in digits)
    return re.sub(spaced, " ", text)

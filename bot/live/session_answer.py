"""Reading the customer's answer to "which live room, and when?" into the ticket's `live`.

Why: a viewer who comes through the shop widget (not a live-stream channel) and whose order
does not record its live session is asked where they watched; agents need the host's name
to find the replay. Only what the words clearly give is kept: the host's name when the
answer names one ("小鹿美妆的直播间", "主播叫阿杰"), or a short answer that is just a name;
the time comes from the NLU's date entity. The full answer stays in the transcript.
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Tuple

_NAME = r"[A-Za-z0-9\u4e00-\u9fff·_\-]{2,16}"
# what a host does, never the start of a name: "主播話買兩盒送試用裝" tells the host's words
SAYS = (
    r"(?:说|說|讲|講|话|話|讲过|講過|讲咗|講咗|话咗|話咗|承诺|承諾|答应|答應|保证|保證|告诉|告訴"
    r"|介绍|介紹|推荐|推薦|宣传|宣傳|称|稱|讲解|講解|演示|展示|送)"
)
# the host by title (not by name)
HOST_TITLE = r"(?:主播|播主|博主)"
_HOSTS_WORDS = re.compile(rf"{HOST_TITLE}{SAYS}")
_PATTERNS = (
    re.compile(rf"{HOST_TITLE}(?:是|叫|名字叫|名叫)?[：:\s「“\"]*(?P<name>{_NAME})"),
    re.compile(rf"(?:在|是)?[「“\"]?(?P<name>{_NAME}?)[」”\"]?[的嘅]?直播[间間]"),
)
# outside an answer to the room question "主播说下单送发夹" is the host's words, not a name:
# there the host must be called by name ("主播叫阿杰") or the room named ("…的直播间")
_NAMING_PATTERNS = (
    re.compile(rf"{HOST_TITLE}(?:叫|名字叫|名叫|係叫|叫做)[：:\s「“\"]*(?P<name>{_NAME})"),
    _PATTERNS[1],
)
# words before the name in "我是在小鹿美妆直播间买的", "我哋喺阿杰直播间"
_LEADING_WORDS = re.compile(r"^(?:我们|我哋|我|俺)?(?:就是|是)?(?:在|喺|從|从)")
_ROOM_WORD = re.compile(r"[的嘅]?直播[间間]?$")  # "主播发哥的直播间": the name is 发哥
_NOT_NAMES = {"那个", "这个", "你们", "你们家", "你们的", "店铺", "官方", "一个", "他们", "她们"}
_SHORT_ANSWER = re.compile(rf"^[「“\"]?({_NAME})[」”\"]?$")
_NOT_A_NAME = re.compile(
    r"不|没|忘|记得|記得|知道|哪|什么|吗|呢|你们|你們|我们|主播|了$|的$|^" + SAYS
)
_TIME_WORDS = re.compile(
    r"(今天|昨天|前天|昨晚|今晚|前晚|那天|那场|这场|上次|上周|上个月|晚上|早上|中午|下午|凌晨|\d+[点号日月])"
)


def streamer_from_answer(text: str) -> Optional[str]:
    """The host's name the answer gives, if it clearly gives one."""
    plain = (text or "").strip()
    named = _first_name(plain, _PATTERNS)
    if named:
        return named
    short = _SHORT_ANSWER.match(plain)
    if short and plausible_name(short.group(1)):
        return short.group(1)
    return None


def named_streamer(text: str) -> Optional[str]:
    """The host's name when the words call it one ("小鹿美妆的直播间", "主播叫阿杰").

    Unlike `streamer_from_answer`, a bare name is not enough: this reads messages that
    answer other questions, where a short word is no host's name.
    """
    return _first_name(text, _NAMING_PATTERNS)


def _first_name(text: str, patterns: Tuple[re.Pattern[str], ...]) -> Optional[str]:
    plain = (text or "").strip()
    for pattern in patterns:
        for match in pattern.finditer(plain):
            name = _ROOM_WORD.sub("", _LEADING_WORDS.sub("", match.group("name") or ""))
            if plausible_name(name):
                return name
    return None


def plausible_name(name: Optional[str]) -> bool:
    """Whether the words read as a name can be a host's (no time, no "不记得", no "主播说")."""
    return (
        bool(name)
        and name not in _NOT_NAMES
        and not (_TIME_WORDS.search(name or "") or _NOT_A_NAME.search(name or ""))
    )


def live_from_answer(
    text: str, when: Optional[str], known: Optional[Dict[str, str]] = None
) -> Dict[str, str]:
    """The `live` context with what this answer adds (known values are kept)."""
    live = dict(known or {})
    streamer = streamer_from_answer(text)
    if streamer and not live.get("streamer"):
        live["streamer"] = streamer
    if when and not live.get("started_at"):
        live["started_at"] = when
    claim = live.get("claim") or ""
    if _HOSTS_WORDS.search(text) and text not in claim:
        # the host's words told again at the room question: often the exact promise
        live["claim"] = f"{claim} {text}".strip()
    return live


_SESSION_WORDS = re.compile(r"直播|主播|播主|博主|不记得|記唔|记不|忘了|忘记|不知道|唔知|冇印象|没印象")


def tells_the_session(text: str, when: Optional[str]) -> bool:
    """Whether an answer names a host or room, a time, or says the customer does not remember.

    Why: at the room question "要么补发赠品 要么退差价" (what the customer wants) was kept as
    the room and the question never came back (lead's hand trial).
    """
    plain = (text or "").strip()
    return bool(
        when
        or streamer_from_answer(plain)
        or _TIME_WORDS.search(plain)
        or _SESSION_WORDS.search(plain)
    )


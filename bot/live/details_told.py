"""Live-stream details told in passing: the host's name and the moment in the stream (intake9).

Why: a viewer often names the host or says when the host said it while answering something
else ("主播是阿杰数码吧，大概晚上9点说的" at the order question, "直播间是XX旗舰店，昨晚八点多" at
the photo question). Those words reached only the transcript; agents need the host and the
moment to find the replay. Only what the words clearly give is read: the host called by name
("主播是/叫/係 X", "X(的)直播间", "直播间是 X"), and a moment that is an offset in the stream
("第47分钟", "回放1小时05分") or a clock time with its day or part of the day ("晚上9点",
"昨晚八点多", "20号晚上十点左右"). A bare "一点" is no time ("一点都不好用").
"""

from __future__ import annotations

import re
from typing import Dict, Mapping, Optional

from bot.live.session_answer import HOST_TITLE, named_streamer, plausible_name

_NAME = r"[A-Za-z0-9\u4e00-\u9fff·_\-]{2,16}?"
# where a name said in passing ends: a particle, punctuation, a space or the end
_NAME_END = r"(?:吧|啊|呀|嘛|哦|喔|咯|囉|喇)?(?=[，,。.!！?？、；;\s]|$)"
_HOST_IS = re.compile(rf"{HOST_TITLE}(?:是|係|就是|应该是|應該是)[：:\s「“\"]*(?P<name>{_NAME})[」”\"]?{_NAME_END}")
_ROOM_IS = re.compile(rf"直播[间間](?:是|係|叫|叫做)[：:\s「“\"]*(?P<name>{_NAME})[」”\"]?{_NAME_END}")
# words that begin no host's name ("主播是个骗子", "主播是真的坑")
_NOT_A_NAME_START = re.compile(r"^(?:个|個|一个|一個|那个|這個|这个|真|太|不|骗|騙|坑)")

_NUM = r"(?:\d{1,2}|[一二两兩三四五六七八九十]{1,3})"
_OFFSET = re.compile(
    rf"第?{_NUM}(?:个|個)?(?:小时|小時|钟头|鐘頭)(?:{_NUM}(?:分钟|分鐘|分)?)?"
    rf"|第{_NUM}(?:分钟|分鐘|分)|{_NUM}(?:分钟|分鐘)(?=左右|那里|那裡|那|的时候|的時候|说|說|讲|講)"
)
_DAY = r"(?:今天|昨天|前天|昨晚|今晚|前晚|前天晚上|\d{1,2}[号號日])"
_PART = r"(?:早上|上午|中午|下午|傍晚|晚上|夜里|夜裡|凌晨)"
_CLOCK = re.compile(
    rf"(?:{_DAY}\s?{_PART}?|{_PART})\s?{_NUM}[点點](?:半|{_NUM}分?)?(?:多|左右|钟|鐘)?"
)


def live_details_told(text: str) -> Dict[str, str]:
    """The host (`streamer`) and the moment (`replay_at`) the words clearly give, if any."""
    plain = (text or "").strip()
    details: Dict[str, str] = {}
    streamer = _host_named(plain)
    if streamer:
        details["streamer"] = streamer
    moment = _moment(plain)
    if moment:
        details["replay_at"] = moment
    return details


def _host_named(text: str) -> Optional[str]:
    named = named_streamer(text)
    if named:
        return named
    for pattern in (_HOST_IS, _ROOM_IS):
        match = pattern.search(text)
        name = match.group("name") if match else None
        if name and plausible_name(name) and not _NOT_A_NAME_START.match(name):
            return name
    return None


def _moment(text: str) -> Optional[str]:
    for pattern in (_OFFSET, _CLOCK):
        match = pattern.search(text)
        if match:
            return match.group(0).strip()
    return None


def adds_to(live: Mapping[str, object], key: str, value: str) -> bool:
    """Whether a detail told adds to the ticket's `live`: what it lacks, or a sharper moment.

    Why (trial3): the opening's "昨晚" stayed the replay moment when "主播是在第47分钟说的"
    came later; an offset in the stream or a clock time is what finds the replay, so it
    replaces a moment that is neither. A host already known is never replaced in passing.
    """
    known = live.get(key)
    if not known:
        return True
    return key == "replay_at" and _moment(str(known)) is None and _moment(value) == value

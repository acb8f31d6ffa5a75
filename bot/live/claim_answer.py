"""Reading whether a message tells what the live-stream host said (the ticket's `live.claim`).

Why: agents check a "the host misled me" complaint against the replay, so they need the
host's words ("主播说买二送一", "直播間說原價599今天只要199"). A message that only says the goods
differ from them ("跟主播讲的完全不是一回事", "主播说的根本不是这样") or judges the host ("主播
忽悠人", "直播间骗人") tells none; it was taken as the claim all the same (hand test through the
live-stream webhook: the question "主播当时是怎么说的？" was never asked and the ticket's claim
was the opening). And an answer with no words ("🙄") or a bare "不知道" gives the agent
nothing: it is asked once more with the hint before it is taken.
"""

from __future__ import annotations

import re

from bot.intake.answers import only_says_dont_know, plain_answer
from bot.live.session_answer import SAYS

# Who speaks in a live room: the host by title, the room, the time of the stream, she/he.
_SPEAKER = (
    r"(?:主播|播主|博主|直播主|直播间|直播里|直播时|直播中|直播的时候|直播那天|"
    r"她|他|佢)"
)
# What follows a verb of saying that is not what was said: "说的" / "说得" name the words only
# to say they differ ("跟主播说的不一样"), "说话不算数" judges them.
_NOT_THE_WORDS = r"(?![的得话嘅])"
_WORDS = r"[^\s]{2,}"  # what was said: two characters at least, up to the clause's end
_CLAUSE = r"[^\s]{0,4}?"  # a few words between who speaks and the verb ("一直", "在直播间")
_TELLS_WORDS = re.compile(
    rf"(?:{_SPEAKER}{_CLAUSE}|(?:^|\s))(?<![说讲话]){SAYS}(?:过|了|咗|着)?(?:的是)?{_NOT_THE_WORDS}{_WORDS}"
)
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def tells_hosts_words(text: str) -> bool:
    """Whether the message tells what the host (or the live room) said or promised."""
    return bool(_TELLS_WORDS.search(plain_answer(text)))


def says_nothing_of_use(text: str) -> bool:
    """An answer with no words (emoji, punctuation) or only "不知道": nothing to record yet."""
    plain = plain_answer(text)
    return not _WORD_CHARS.search(plain) or only_says_dont_know(plain)

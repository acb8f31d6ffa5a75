"""Reading whether a message tells what the live-stream host said (the ticket's `live.claim`).

Why: agents check a "the host misled me" complaint against the replay, so they need the
host's words ("主播说买二送一", "直播間說原價599今天只要199"). A message that only says the goods
differ from them ("跟主播讲的完全不是一回事", "主播说的根本不是这样") or judges the host ("主播
忽悠人", "直播间骗人") tells none; it was taken as the claim all the same (hand test through the
live-stream webhook: the question "主播当时是怎么说的？" was never asked and the ticket's claim
was the opening). And an answer with no words ("🙄") or a bare "不知道" gives the agent
nothing: it is asked once more with the hint before it is taken.

A message that tells the host's words unasked also tells the customer's own story ("我要投诉，
主播说买面霜送三支小样，我收到只有面霜，赠品呢"): the claim is the part that tells the words
(`hosts_words`). It was the whole message, so the read-back quoted the same sentence twice, as
the problem and as 主播说法, and the ticket's `live.claim` held "我收到只有面霜" as if the host
had said it (hand trials through the webhook and WeCom, ux6).
"""

from __future__ import annotations

import re

from bot.intake.answers import only_says_dont_know, plain_answer
from bot.live.session_answer import HOST_TITLE, SAYS

# Who speaks in a live room: the host by title, the room, the time of the stream, she/he.
_SPEAKER = (
    rf"(?:{HOST_TITLE}|直播主|直播间|直播里|直播时|直播中|直播的时候|直播那天|"
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


def tells_hosts_words(text: str, streamer: str | None = None) -> bool:
    """Whether the message tells what the host (or the live room) said or promised.

    `streamer`: the host's name as the channel gives it; a viewer who calls the host by
    (the start of) that name ("大鹏说买锅送铲" in 大鹏严选's room) tells the host's words too
    (hand trial ux6).
    """
    return bool(_TELLS_WORDS.search(_host_by_title(plain_answer(text), streamer)))


def _host_by_title(plain: str, streamer: str | None) -> str:
    """The host's name, or its first two or more characters, written as 主播."""
    called = name_as_called(plain_answer(streamer or "").replace(" ", ""), plain)
    return plain.replace(called, "主播") if called else plain


def name_as_called(name: str, text: str) -> str | None:
    """The longest start of `name`, two characters or more, that `text` contains.

    Viewers shorten the room's name: the host of "大鹏严选" is "大鹏" to them.
    """
    return next((name[:n] for n in range(len(name), 1, -1) if name[:n] in text), None)


def says_nothing_of_use(text: str) -> bool:
    """An answer with no words (emoji, punctuation) or only "不知道": nothing to record yet."""
    plain = plain_answer(text)
    return not _WORD_CHARS.search(plain) or only_says_dont_know(plain)


# Clauses, with what separates them kept, so the words are returned as the customer wrote them.
_CLAUSES = re.compile(r"([，,。！!？?；;\s]+)")
# A clause that goes on with the customer's own story, not the host's words: what they got
# (我收到, 结果, 到手), what is missing (没/冇/不), a question ("赠品呢").
# Their verdict on it ends the host's words too ("骗人", "忽悠人呢这是": hand trial, WeCom,
# where the desk read the claim as "主播说好的送三支 骗人").
_OWN_STORY = re.compile(
    r"^(?:我|結果|结果|但|可是|却|卻|收到|到手|然后|然後|现在|現在|至今|等了|等咗)"
    r"|[没沒冇不]|[呢吗嗎]$"
    r"|[骗騙][人子]|^[骗騙]|忽悠|坑人|坑爹|离谱|離譜|无语|無語|气死|氣死|垃圾|太过分|太過分"
)


def hosts_words(text: str, streamer: str | None = None) -> str:
    """The part of a message that tells what the host said, as the customer wrote it.

    From the first clause that tells the host's words, with the clauses after it until the
    customer's own story goes on; the whole message when no clause tells them by itself (the
    words split over a comma, "主播说，买二送一").
    """
    parts = _CLAUSES.split(text.strip())
    clauses = parts[0::2]
    start = next(
        (i for i, clause in enumerate(clauses) if tells_hosts_words(clause, streamer)), None
    )
    if start is None:
        return text.strip()
    end = start + 1
    while end < len(clauses) and clauses[end] and not _OWN_STORY.search(clauses[end]):
        end += 1
    return "".join(parts[2 * start : 2 * end - 1])

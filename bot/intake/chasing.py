"""A customer chasing a filed complaint ("催一下", "怎么还没人理我").

Why: "催一下 怎么还没人理我" got the same status line as a calm "到哪一步了", with no word
for the wait and no time; a person at the desk would apologise and say when (lead's hand
trial, 2026-12-03). Read on the Simplified form of the message (`plain_answer`).
"""

from __future__ import annotations

import re

from bot.intake.answers import plain_answer

_CHASE = re.compile(
    r"催|(怎么|咋|为何|为什么)还(没|未|不)|还(没|未)(有)?人|没(有)?人(理|管|回|覆|联系|处理|搭理)|"
    r"等了(半天|好久|很久|这么久|那么久|一天|两天|一上午|一下午|[0-9一二三四五六七八九十两]+)|"
    r"还要等(多久|多长时间|到什么时候)|到底(什么时候|啥时候|几时|要等)|快点|赶紧|抓紧|"
    r"仲未|仲係未|点解仲|等咗|等左|幾時先|几时先"
)


def chases(text: str) -> bool:
    """Whether the message presses for an answer to a complaint already filed."""
    return bool(_CHASE.search(plain_answer(text).replace(" ", "")))

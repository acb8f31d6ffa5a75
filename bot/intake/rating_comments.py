"""A rating's comment that says the problem is still open ("小样还没到呢，快递单号发我").

Why: the rating is asked once the agent resolved the ticket. A viewer of a group incident
rated 2 and wrote "小样还没到呢，快递单号发我" (hand trial, WeCom); the bot thanked them for
the feedback and the question reached nobody, since no person reads a comment as it comes.
Such a comment is stored as any other, and the customer is told how to reach a person.
"""

from __future__ import annotations

import re

from bot.intake.answers import plain_answer

# Not there yet or not solved ("还没到", "都没收到", "根本没解决"), or a question or request to
# the shop ("什么时候到账？", "单号发我").
_STILL_OPEN = re.compile(
    r"还没|还是没|都没|没收到|没到|没解决|没处理|没退|没补|没发|不行|没用|"
    r"什么时候|几时|多久|怎么办|为什么|怎么还|发我|告诉我|[?？]|吗$"
)


def says_still_open(comment: str | None) -> bool:
    """Whether the comment tells that the problem is not over or asks the shop something."""
    return bool(comment) and bool(_STILL_OPEN.search(plain_answer(comment or "")))

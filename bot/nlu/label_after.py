"""A label standing after its number with no 是 between, the clause ending with it (ord34).

"TK88231190045 退款单号⏎289374651028 订单号", "SF… 顺丰的⏎2024… 订单的", "… / SH2024… 售后单号":
customers who list several numbers often put each one's name after it, as a caption. Read
only before the words in `bot.nlu.number_words` were (the words before a number win), such
a label names the number before it, and it does not introduce the number after it, which
the words before that number would otherwise have taken it for (a refund's label read as
the order's on the next line). With 是 ("X 是订单号") `number_words.right_word` reads it.
"""

import re

from bot.nlu.number_shapes import CLOSING_RUN
from bot.nlu.number_words import CONTEXT_KINDS, context_word_at

# Where the caption's clause ends: a line break, the end, or punctuation between list items.
# Not a colon: "SF… 订单号：2024…" introduces the number after it.
_CLAUSE_END = re.compile(r"的?[ \t]*(?:$|[\n,;/|、.!?。~])")
# The number a caption follows on its line: four id characters or more, a digit among them,
# maybe a closing bracket or quote, then spaces or tabs (no line break).
_NUMBER_BEFORE = re.compile(
    r"(?<![0-9a-z])(?=[0-9a-z]*\d)[0-9a-z]{4,}" + CLOSING_RUN.replace(r"\s", "") + r"[ \t]*\Z"
)


# Where a list item begins: a line break or punctuation between items.
_ITEM_BOUNDARY = re.compile(r"[\n,;/|、]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# An interjection or filler opening the item is no word of the number's: "额 SF… 顺丰的⏎…".
_OPENING_FILLER = re.compile(r"\s*(?:额|呃|嗯|哦|噢|喔|啊|诶|欸|喏|那个|这个|就是|然后)?")


def _opens_item(text: str, end: int) -> bool:
    """Whether the number ending at `end` opens its line or list item (no words before it).

    Captions are a list's layout, each item "number label" (ord35): in "电子发票 AB12345678
    订单⏎4172…" the number had a word of its own before it, and the 订单 ending the line is the
    label of the number on the next one.
    """
    boundaries = list(_ITEM_BOUNDARY.finditer(text, 0, end))
    start = boundaries[-1].end() if boundaries else 0
    filler = _OPENING_FILLER.match(text, start)
    start = filler.end() if filler else start
    return _HAN.search(text, start, end) is None


def caption_word(text: str, end: int) -> str:
    """The context word captioning the number ending at `end` ("X 退款单号⏎"), or ""."""
    if not _opens_item(text, end):
        return ""
    position = end
    while position < len(text) and text[position] in " \t":
        position += 1
    word = context_word_at(text, position)
    if not word or not _CLAUSE_END.match(text, position + len(word)):
        return ""
    return word


def caption_context(text: str, end: int) -> str:
    """Kind of `caption_word` ("other", "tracking", "order", "phone"), or ""."""
    return CONTEXT_KINDS.get(caption_word(text, end), "")


def captions_number_before(text: str, position: int, word: str) -> bool:
    """Whether `word`, found at `position`, captions the number right before it on its line.

    Then it names that number, not the one after it: "TK… 退款单号⏎289…" leaves 289… unnamed.
    """
    number = _NUMBER_BEFORE.search(text, 0, position)
    return (
        number is not None
        and _opens_item(text, number.end())
        and context_word_at(text, position) == word
        and _CLAUSE_END.match(text, position + len(word)) is not None
    )

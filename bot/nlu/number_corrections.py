"""How the customer corrects the digits of an order number they just gave, and names one of two.

"X 最后一位是7不是1", "X 第二段是1124不是1123", "X 第三位是6不是5", "X 末两位写反了": the
customer fixes part of the number after it instead of retyping it, and `amended` gives the
number they meant. `picked_by_tail` reads "X Y 应该是68结尾那个" (one of two orders named by
its last digits), `corrects_named_mistake` "X → Y 打反了" (Y is the correction of X).

Why a module of its own: these are readings of the words after an order the entity ruler
already found, grown one pattern per round of development; what kind each token is
(`bot.nlu.number_kinds`) does not depend on them, and `bot.nlu.spacy_pipeline` applies them
when it picks the order to file.
"""

import re
from typing import Optional, Sequence

from spacy.tokens import Token

from bot.nlu.number_shapes import (
    CORRECTION_LEFT,
    MISTAKE_NAMED_RIGHT,
    end_unwrapped,
    words_before,
)

# The customer corrects the last digits of the number just given: "X 最后一位是7不是1",
# "X 最后两位不是01 是07", "X 尾数应该是 7", "X 不对不对 后四位是 5568", "X 后四位错了 应该是
# 6675", "X，最后两位是76".
_COUNT_WORDS = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
# The number said to be wrong, in the words customers use for a slip (ord31): "不对", "错了", and
# "打错了/写错了/输错了/搞错了/弄错了/按错了" (also Cantonese 错咗): "X 哦打错了 最后四位是 5576",
# "X 后四位打错了 应该是3361".
_SAID_WRONG = r"(?:(?:打|写|输|填|搞|弄|按|敲|记)?错(?:了|咗)|不对)"
# The digits counted: "最后四位", "最后四位数字", and in Cantonese "最尾四个字" (字 for a digit,
# as 最尾 for 最后; ord31), "最后两个数字".
_DIGITS_WORD = r"(?:位(?:数字?)?|个(?:数字?|字))"
# Interjections before a correction: "X 哦开头是2024 不是2023".
_INTERJECTION = r"[哦噢喔啊呃嗯额唉哎诶欸]"
_COUNT_WORDS.update({"one": 1, "two": 2, "three": 3, "four": 4})
_TAIL_SAID = (
    # "X。号码不对，最后四位是 2983" (ord25): the sentence ended, the number named as wrong
    rf"[\s,]*(?:[.。][\s,]*(?=(?:这个|那个)?(?:号码|单号|订单号)?{_SAID_WRONG}))?"
    rf"(?:(?:(?:{_INTERJECTION}[\s,]*)*(?:这个|那个)?(?:号码|单号|订单号)?{_SAID_WRONG}|{_INTERJECTION}?不是"
    r"|sorry|不好意思|抱歉|对不起)[\s,]*)*"
    rf"(?:(?:最后|末|末尾|尾|结尾|后|最尾)(?P<count>[一两二三四1234]){_DIGITS_WORD}"
    r"|尾数|尾号|最后一个数字?|最后那个数字?)"
)
_TAIL_RIGHT = (
    rf"[\s,:]*{_SAID_WRONG}?[\s,:]*(?:应该|应)?(?:是|为|系)?[\s:]*(?P<right>[0-9a-z]{{1,4}})"
)
_TAIL_WRONG = r"[\s,:]*(?:而)?不是[\s:]*(?P<wrong>[0-9a-z]{1,4})"
# After a retraction or "最后", the right last digits without a count: as many as are typed.
_TAIL_LOOSE = (
    rf"(?:[\s,]*(?:(?:{_INTERJECTION}[\s,]*)*{_SAID_WRONG}[\s,]*)+(?:最后|末尾|结尾|后面)?(?:应该|应)?(?:是|为)"
    rf"|[\s,]*(?:(?:(?:{_INTERJECTION}[\s,]*)*{_SAID_WRONG}|{_INTERJECTION}?不是)[\s,]*)*"
    r"(?:最后|末尾|结尾)(?:应该|应)?(?:是|为))"
)
# The tail named by a word without a count, then said wrong or what it should be (ord24): "X 尾号
# 不对是68", "X 尾号打错了，应该是 89", "X 尾數應該係 65" (係 is 系 once normalised), "X 后面应该是
# 5545"; a correction word is needed ("X 尾号 5567" only repeats it, "X 后面是 …" continues it).
_TAIL_NAMED_LOOSE = (
    r"[\s,]*(?:尾号|尾数|后面|后边|最后几位)[\s,]*"
    rf"(?:{_SAID_WRONG}[\s,]*(?:应该|应)?(?:是|为|系)?|(?:应该|应)(?:是|为|系)?)"
)
# A retyped tail is a typo's fix: it differs from the digits it replaces in few places.
_LOOSE_TAIL_CHANGES = 2
_TAIL_CORRECTIONS = (
    re.compile(rf"{_TAIL_SAID}{_TAIL_RIGHT}{_TAIL_WRONG}(?![0-9a-z])"),
    re.compile(rf"{_TAIL_SAID}{_TAIL_WRONG}{_TAIL_RIGHT}(?![0-9a-z])"),
    re.compile(rf"{_TAIL_SAID}{_TAIL_RIGHT}(?![0-9a-z])"),  # the right digits alone
    # the last digits retyped with no count (ord23): "X 不对是5576", "X，啊不对，最后是5576"
    # (the digits end there: not the first group of a whole number retyped "是 2024 1126 …")
    re.compile(
        rf"(?:{_TAIL_LOOSE}|{_TAIL_NAMED_LOOSE})[\s:]*(?:\.{{2,}}|…{{1,2}})?[\s:]*(?P<loose>\d{{2,4}})"
        r"(?![\s\-·・/._\u3000]*[0-9a-z])(?![元块件个号日月点:])"
    ),
    # in English (ord24): "X, last 2 digits should be 21", "X last digit is 8"
    re.compile(
        r"[\s,.;]*(?:(?:sorry|oops|wait|no)[\s,.;]*)*(?:the\s+)?last\s+"
        r"(?:(?P<count>[1-4]|one|two|three|four)\s+)?digits?\s+(?:should\s+be|are|is)[\s:]*"
        r"(?P<right>[0-9a-z]{1,4})(?![0-9a-z])"
    ),
)
# Two last digits said to be swapped, no digits or only the right two after it (ord24): "X 末两位
# 写反了", "X 最后两位写反了，是13". Not when the customer goes on to look again or retypes the
# whole number ("X 最后两位反了 我再找找", "X 后两位顺序反了 Y": Y is the correction).
_SWAPPED_TAIL = re.compile(
    rf"[\s,]*(?:最后|末尾?|尾|后面?|后边|最尾)(?:的)?(?:两|二|2){_DIGITS_WORD}(?:的?顺序)?"
    r"(?:(?:写|打|输|填)?反了|调转了|颠倒了|倒过来了)"
)
_SWAP_NOT_MEANT = re.compile(
    r"[\s,.:;。是]*(?:应该是|正确的是|对的是)?[\s:]*[0-9a-z]{5}"  # the number retyped after it
    r"|[^\n]{0,16}?(?:找|等下|等一下|稍等|不确定|不知道)"
)
# A group inside the number corrected by name: "X 第二段是1124不是1123", "X 中间不是1123是1124".
_PART_SAID = r"[\s,]*(?:第[一二三四五六1-6](?:段|组|部分)|中间(?:那段|那几位|几位)?|前面(?:几位)?)"
_PART_CORRECTIONS = (
    re.compile(
        rf"{_PART_SAID}[\s,:]*(?:应该)?是[\s:]*(?P<right>[0-9a-z]{{2,6}})"
        rf"[\s,:]*(?:而)?不是[\s:]*(?P<wrong>[0-9a-z]{{2,6}})(?![0-9a-z])"
    ),
    re.compile(
        rf"{_PART_SAID}[\s,:]*不是[\s:]*(?P<wrong>[0-9a-z]{{2,6}})"
        rf"[\s,:]*(?:应该|而)?是[\s:]*(?P<right>[0-9a-z]{{2,6}})(?![0-9a-z])"
    ),
)


# A part corrected by what it is, not where (ord26): "X 不是SO是SD", "X 开头是2025不是2024", "X，
# SO后面是2025不是2024", "X 中间1123改成1128", "X 的 6 应该是 9", "X，不是A是B". The wrong part
# must be in the number once and the right one as long (a typo's fix, no other number).
_WHERE = r"(?:开头|前面|中间|后面|结尾|最后)"
_NAMED_AT = (
    rf"[\s,]*(?:(?:{_INTERJECTION}+|{_SAID_WRONG})[\s,]*)*"  # "X 哦开头是2024 不是2023" (ord31)
    rf"(?:[0-9a-z]{{1,4}}{_WHERE}|{_WHERE}|这个)?的?[\s,]*"
)
_NAMED_PART = r"(?P<{}>[0-9a-z]{{1,6}})"
_NAMED_CORRECTIONS = (
    re.compile(
        rf"{_NAMED_AT}(?:应该)?是[\s:]*{_NAMED_PART.format('right')}"
        rf"[\s,]*(?:而)?不是[\s:]*{_NAMED_PART.format('wrong')}(?![0-9a-z])"
    ),
    re.compile(
        rf"{_NAMED_AT}不是[\s:]*{_NAMED_PART.format('wrong')}"
        rf"[\s,]*(?:应该|而)?是[\s:]*{_NAMED_PART.format('right')}(?![0-9a-z])"
    ),
    re.compile(
        rf"{_NAMED_AT}{_NAMED_PART.format('wrong')}[\s]*(?:改成|改为|换成|应该是|应该为|应是)"
        rf"[\s:]*{_NAMED_PART.format('right')}(?![0-9a-z]|\s*[号元块件个日月点])"
    ),
)
# One character typed too many at the start or the end: "X 前面多打了个2", "X 最后多打了一个0".
_EXTRA_TYPED = re.compile(
    r"[\s,]*(?P<side>开头|前面|最前面|后面|最后|结尾)(?:多打了|多输了|多写了|多了)(?:一个|个)?"
    r"[\s]*(?P<extra>[0-9a-z])(?![0-9a-z])"
)


# A digit corrected by its place: "X 第三位是6不是5", "X 第3位不是5 是6", "X 倒数第二位是7不是1".
_PLACES = {
    **{str(n): n for n in range(1, 25)},
    **{c: i + 1 for i, c in enumerate("一二三四五六七八九十")},
}
_PLACE_SAID = (
    r"[\s,]*(?:(?:不对|错了|[哦噢啊呃嗯]?不是)[\s,]*)*"
    # "X 这个订单号第十位错了", "X 从左数第八位是 9" (ord25): the number named, the side counted from
    r"(?:(?:这个|那个)?(?:订单号?码?|单号|号码)[\s,]*)?(?:从?(?:左边?|前面?)数(?:起)?[\s,]*)?"
    r"(?P<back>倒数|从?右边?数(?:起)?[\s,]*)?第(?P<place>1\d|2[0-4]|[1-9]|[一二三四五六七八九十])"
    r"(?:位|个数字?|个字|个)(?:数字?)?"
)
_PLACE_CORRECTIONS = (
    re.compile(
        rf"{_PLACE_SAID}[\s,:]*(?:错了|不对)?[\s,:]*(?:应该|应)?(?:是|为)[\s:]*(?P<right>[0-9a-z])"
        rf"[\s,:]*(?:而)?不是[\s:]*(?P<wrong>[0-9a-z])(?![0-9a-z])"
    ),
    re.compile(
        rf"{_PLACE_SAID}[\s,:]*不是[\s:]*(?P<wrong>[0-9a-z])"
        rf"[\s,:]*(?:应该|而)?(?:是|为)[\s:]*(?P<right>[0-9a-z])(?![0-9a-z])"
    ),
    # the right digit alone, after the place said wrong or not (ord25): "X 第5位打错了，应该是7",
    # "X 倒数第三位应该是 5", "X 第一位是6"; a digit with a unit after it is no digit of the id
    re.compile(
        rf"{_PLACE_SAID}[\s,:]*(?:(?:打|写|输|填|记)?错(?:了|咗)?|不对)?[\s,:]*"
        r"(?:应该|应)?(?:是|为)[\s:]*(?P<right>[0-9a-z])(?![0-9a-z]|\s*[号元块件个日月点])"
    ),
    # in English: "X - the 4th digit should be 1 not 0", "X, 2nd digit is 7"
    re.compile(
        r"[\s,.;-]*(?:(?:sorry|oops|wait|no)[\s,.;-]*)*(?:the\s+)?"
        r"(?P<place>1\d|2[0-4]|[1-9])(?:st|nd|rd|th)\s+(?P<back>(?:to\s+)?last\s+)?digit\s+"
        r"(?:should\s+be|is)[\s:]*(?P<right>[0-9a-z])(?:\s+not\s+(?P<wrong>[0-9a-z]))?(?![0-9a-z])"
    ),
)


def amended(token: Token, value: str) -> str:
    """`value` with its last digits (or a named group) as the customer corrects them after it.

    "3847…6201 最后一位是 7 不是 1" is 3847…6207: only when the digits said to be wrong are
    the number's last ones and as many as the count says; "…5567 后四位是 5568" (the right
    digits alone) when they are as many as the count. "2024 1123 5567 第二段是1124不是1123":
    a group said to be wrong that the number holds once is replaced by the right one.
    """
    text = token.doc.text
    after = token.idx + len(token)
    if _swap_meant(token, value):
        return value[:-2] + value[-1] + value[-2]
    matches = [m for m in (regex.match(text, after) for regex in _TAIL_CORRECTIONS) if m]
    if not matches:
        amended_part = _part_amended(text, after, value)
        return _place_amended(text, after, _named_amended(text, after, amended_part))
    # the first reading that changes the number: "尾号不对是68" is no one-digit tail ("尾数是7");
    # one that names the wrong digits is final ("最后一位是 5 不是 9" of …3 changes nothing)
    for match in matches:
        new = _tail_amended(match, value)
        if new != value or match.groupdict().get("wrong"):
            return new
    return value


def _swap_meant(token: Token, value: str) -> bool:
    """Whether the customer says the number's last two digits are swapped (`_SWAPPED_TAIL`).

    Not of a number given as the correction of an earlier one: "X，哦不是，Y，后两位反了" names
    what was wrong with X, and Y is already right.
    """
    swapped = _SWAPPED_TAIL.match(token.doc.text, token.idx + len(token))
    return bool(
        swapped
        and len(value) > 2
        and not _SWAP_NOT_MEANT.match(token.doc.text, swapped.end())
        and not CORRECTION_LEFT.search(words_before(token, 16))
    )


def _tail_amended(match: "re.Match[str]", value: str) -> str:
    """`value` with the last digits one of `_TAIL_CORRECTIONS` matched, see `amended`."""
    if match.groupdict().get("loose"):
        return _loose_tail_amended(value, match.group("loose"))
    right = match.group("right").upper()
    # no count said: as many digits as a wrong tail given with them ("尾数是56 不是55"), or one
    count = _COUNT_WORDS.get(match.group("count") or "", 0) or (
        len(right) if match.groupdict().get("wrong") else 1
    )
    wrong = (match.groupdict().get("wrong") or value[-count:]).upper()
    if not (len(right) == len(wrong) == count < len(value) and value.endswith(wrong)):
        return value
    return value[:-count] + right


def _loose_tail_amended(value: str, right: str) -> str:
    """`value` with its last digits retyped ("…5567 不对是5576"), see `amended`.

    Only as a typo's fix: as many digits as typed, differing from the ones they replace in
    one or two places ("不对是1299" after "…5567" is something else, a price or a count).
    """
    count = len(right)
    wrong = value[-count:]
    changes = sum(1 for old, new in zip(wrong, right, strict=True) if old != new)
    if count >= len(value) or not 0 < changes <= _LOOSE_TAIL_CHANGES:
        return value
    return value[:-count] + right


def _part_amended(text: str, after: int, value: str) -> str:
    """`value` with a group named after it replaced ("第二段是1124不是1123"), see `amended`."""
    match = next(filter(None, (regex.match(text, after) for regex in _PART_CORRECTIONS)), None)
    if match is None:
        return value
    right, wrong = match.group("right").upper(), match.group("wrong").upper()
    if len(right) != len(wrong) or value.count(wrong) != 1:
        return value
    return value.replace(wrong, right)


def _named_amended(text: str, after: int, value: str) -> str:
    """`value` with a part named by what it is replaced, or an extra character taken off.

    "不是SO是SD", "开头是2025不是2024", "前面多打了个2" (`_NAMED_CORRECTIONS`, `_EXTRA_TYPED`):
    round twenty-three's customers (ord26) fixed letters, a year or one digit by quoting them,
    which the tail, group and place readings did not know, so the wrong number was filed.
    """
    extra = _EXTRA_TYPED.match(text, after)
    if extra:
        at_start = extra.group("side") in ("开头", "前面", "最前面")
        char = extra.group("extra").upper()
        if at_start and value.startswith(char):
            return value[1:]
        return value[:-1] if not at_start and value.endswith(char) else value
    match = next(filter(None, (regex.match(text, after) for regex in _NAMED_CORRECTIONS)), None)
    if match is None:
        return value
    right, wrong = match.group("right").upper(), match.group("wrong").upper()
    if len(right) != len(wrong) or right == wrong or value.count(wrong) != 1:
        return value
    return value.replace(wrong, right)


def _place_amended(text: str, after: int, value: str) -> str:
    """`value` with one digit named by its place replaced ("第三位是6不是5"), see `amended`.

    Only when the number holds the digit said to be wrong at that place: a customer who
    counts wrong changes nothing.
    """
    match = next(filter(None, (regex.match(text, after) for regex in _PLACE_CORRECTIONS)), None)
    if match is None:
        return value
    place = _PLACES[match.group("place")]
    if place > len(value):
        return value
    index = len(value) - place if match.group("back") else place - 1
    right = match.group("right").upper()
    wrong = (match.groupdict().get("wrong") or "").upper()
    if value[index] != (wrong or value[index]) or value[index] == right:
        return value  # counted wrong, or the digit already is the right one: nothing to fix
    return value[:index] + right + value[index + 1 :]


# Of two orders, the one the customer names by its last digits: "X Y 应该是68结尾那个", "X 和 Y，
# 尾号是68的那个", "X Y 结尾是68那个有问题".
_TAIL_PICKED = re.compile(
    r"(?:尾号|尾数|结尾|末尾|最后(?:几位|两位|四位)?)(?:是|为)?[\s:]*(?P<said>[0-9a-z]{1,4})(?![0-9a-z])"
    r"[\s]*(?:的)?(?:那个|那单|这个|这单|那笔|这笔)"
    r"|(?<![0-9a-z])(?P<tail>[0-9a-z]{1,4})[\s]*(?:结尾|收尾)(?:的)?(?:那个|那单|这个|这单|那笔|这笔)?"
)


def picked_by_tail(text: str, values: Sequence[str]) -> Optional[str]:
    """The one of several orders whose last digits the customer names (`_TAIL_PICKED`).

    Only when the digits end exactly one of the orders and are said after the first of
    them: "尾号5567的那个订单" alone is part of a number, no choice between two.
    """
    distinct = list(dict.fromkeys(values))
    if len(distinct) < 2:
        return None
    for match in _TAIL_PICKED.finditer(text):
        tail = (match.group("said") or match.group("tail")).upper()
        ending = [value for value in distinct if value.endswith(tail)]
        if len(ending) == 1:
            return ending[0]
    return None


def corrects_named_mistake(token: Token) -> bool:
    """A correction followed by what went wrong with the number before it: "X → Y 打反了".

    The mistake named after the right number is the earlier one's, so the right number is
    the correction, not a number taken back (`MISTAKE_NAMED_RIGHT`).
    """
    return bool(
        CORRECTION_LEFT.search(words_before(token, 16))
        and MISTAKE_NAMED_RIGHT.match(token.doc.text, end_unwrapped(token))
    )

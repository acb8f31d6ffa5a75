"""Length-preserving normalisation of customer text (script, width, case).

Customers write Simplified and Traditional Chinese, full-width digits and letters from their
IME, and odd dashes and spaces. Everything downstream (tokens, features, entity patterns,
lexicons) sees one canonical form: Simplified script, half-width ASCII, lower-case Latin.
Every function here returns a string of the SAME length as its input, character for
character, so offsets found in the normalised text point at the same characters of the
original message (token and entity `start`/`end` must refer to what the customer typed).

OpenCC converters are built lazily, once per process, on first use: building one reads
dictionary files and must not happen at import time.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from typing import Any, Dict, List, Literal, Optional, Tuple

from bot.nlu.number_shapes import ENCLOSED_DIGITS
from bot.nlu.regional import to_mainland

Script = Literal["hant", "hans"]

# U+FF01..U+FF5E are full-width forms of U+0021..U+007E; U+3000 is the ideographic space.
_HALFWIDTH: Dict[int, Any] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = " "
# Full-width currency and sign forms (U+FFE0..U+FFE6), e.g. the IME yuan sign "￥".
_HALFWIDTH.update(
    {0xFFE0: "¢", 0xFFE1: "£", 0xFFE2: "¬", 0xFFE3: "¯", 0xFFE4: "¦", 0xFFE5: "¥", 0xFFE6: "₩"}
)

# Dashes and spaces that IMEs and copy-paste produce, one character each, so "4521–8876"
# and "2024\u00a01123" look like what patterns expect. Zero-width characters become a space
# (not deleted) to keep offsets aligned.
_CANONICAL: Dict[int, Any] = {
    **{code: "-" for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63)},
    **{code: " " for code in (0x00A0, 0x2007, 0x202F, 0x205F, 0x200B, 0x200C, 0x200D, 0xFEFF)},
    **{code: " " for code in range(0x2000, 0x200B)},
    # Middle dots of other scripts, as Japanese and Taiwanese IMEs type them between groups
    # ("3847・2619", "3847‧2619", "3847•2619"): the one middle dot (U+00B7) patterns know.
    **{code: "\u00b7" for code in (0x30FB, 0xFF65, 0x2027, 0x2219, 0x22C5, 0x2022)},
    # Lone surrogates (from a lossy decode) cannot be encoded as UTF-8; spaCy and jieba
    # fail on them. U+FFFD marks the spot and keeps the length.
    **{code: "\ufffd" for code in range(0xD800, 0xE000)},
}
# Hong Kong variant characters t2s leaves as they are (OpenCC's HKVariants that hk2s, but not
# t2s, maps back); hk2s itself is not used because it also turns 抬 into 擡.
_HK_VARIANTS: Dict[int, Any] = str.maketrans("衹粧敍枱糭衞", "只妆叙台粽卫")
# Only ASCII letters: str.lower() changes the length of a few non-ASCII characters ("İ").
_ASCII_LOWER: Dict[int, int] = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}

# Script detection looks at a prefix only: a few hundred characters decide it, and the
# conversion of a 10,000-character message would cost tens of milliseconds per call.
_SCRIPT_SAMPLE = 400


_DIGIT = re.compile(r"[0-9]")


@functools.cache
def _converter(config: str) -> Any:
    """One OpenCC converter per configuration, built on first use."""
    from opencc import OpenCC

    return OpenCC(config)


def _convert_same_length(text: str, config: str) -> str:
    """Convert with OpenCC; if the phrase tables change the length, go character by character.

    The bundled t2s/s2t tables map every entry to a string of the same length, but that is a
    property of the data, not a promise, and offsets depend on it.
    """
    if not text:
        return text
    converter = _converter(config)
    converted = str(converter.convert(text))
    if len(converted) == len(text):
        return converted
    chars = []
    for char in text:
        single = str(converter.convert(char))
        chars.append(single if len(single) == 1 else char)
    return "".join(chars)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms and the ideographic space to half-width, one for one."""
    return text.translate(_HALFWIDTH)


def to_simplified(text: str) -> str:
    """Traditional to Simplified script (OpenCC t2s), keeping the length."""
    return _convert_same_length(text, "t2s")


@functools.lru_cache(maxsize=1024)
def normalize(text: str, lowercase: bool = True, mainland: bool = True) -> str:
    """The canonical form NLU components match against; same length as `text`.

    Half-width, canonical dashes/spaces, Simplified script, mainland words for Cantonese and
    Taiwanese ones (`bot.nlu.regional`: 冇→没, 退費→退款) and, unless `lowercase` is False,
    lower-case ASCII letters. `mainland=False` keeps the regional words: the severity and
    emotion lexicons list Cantonese words of their own (烧咗, 爆咗), which as Mandarin (烧了)
    would also match "发烧了". The tokenizer keeps case because jieba's dictionaries (and the
    project's user dictionary) hold mixed-case words such as "T恤"; the featurizers lower-case
    tokens themselves.

    Remembered for recent texts: every NLU component and the severity and emotion rules
    normalise the same message again, and OpenCC's conversion is pure Python (a tenth of
    the action server's CPU per message before).
    """
    if not text:
        return ""
    canonical = to_halfwidth(text).translate(_CANONICAL)
    result = to_simplified(canonical).translate(_HK_VARIANTS)
    if mainland:
        result = to_mainland(result, canonical)
    return result.translate(_ASCII_LOWER) if lowercase else result


# A whole message of two to four 8s, maybe ending in 6, with only punctuation, spaces or emoji
# around it ("88", "886~", "8888 👋"): chat shorthand for 拜拜 / 拜拜了 (read aloud it sounds
# like it). Longer runs are numbers (an order or phone number of 8s stays one).
_GOODBYE_DIGITS = re.compile(r"^(\W*)(8{2,4}6?)(\W*)$")


def spell_goodbye_digits(text: str) -> str:
    """A message that is only "88" / "886" reads as 拜拜 / 拜拜了, length kept.

    Why: `fold_digits` makes every number look alike to the features, so "88" had the
    features of a bare order number and was read as inform (0.97) however many goodbyes the
    data has; no example can teach it (data/nlu/dialogue_acts.yml). Only a message that is
    nothing else is spelled out: "88块" or "订单 886…" keep their digits.
    """
    match = _GOODBYE_DIGITS.match(text)
    if match is None:
        return text
    head, digits, tail = match.groups()
    return head + digits.replace("8", "拜").replace("6", "了") + tail


# A whole message that is one digit 1-5, with only punctuation, spaces or emoji around it
# ("5", "4!", "3 ⭐"): the only question it can answer is the satisfaction score (order and
# phone numbers are long, the form asks for no small count).
_SCORE_DIGIT = re.compile(r"^(\W*)([1-5])(\W*)$")


def spell_score_digit(text: str) -> str:
    """A message that is only a digit 1-5 reads as 分 (points), length kept.

    Why: `fold_digits` gives "5" the features of a bare order number (inform 0.97 on
    intent_dev5, "2" likewise on intent_dev3), and no example can teach a lone digit apart.
    Spelled as 分, every such score shares the word the typed scores of the data share
    ("5分", "打3分"); its value stays in the text, which is what the actions read. Spelling
    the numeral instead (五) did not work: a lone 五 shares nothing with a lone 四. Only a
    message that is nothing else is spelled: "5分" and "3件" keep their digits.
    """
    match = _SCORE_DIGIT.match(text)
    if match is None:
        return text
    head, _, tail = match.groups()
    return head + "分" + tail


def fold_digits(text: str) -> str:
    """Every ASCII digit becomes `0`: features see the shape of a number, not its value.

    Order numbers, phones and amounts differ in every message; their exact digits only
    add noise to intent and category features ("202411200012" should look like any other
    order number). Length is kept, so token offsets stay valid.
    """
    return _DIGIT.sub("0", text)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


# Characters of written Cantonese, the same in both scripts.
_CANTONESE_CHARS = frozenset("冇咗嘅啲嘢哋佢喺嚟嗰唔乜咩攞睇啱畀俾噉嘥")


@functools.lru_cache(maxsize=8192)
def _s2t_alone(char: str) -> bool:
    """Whether s2t changes the character on its own (a Simplified form, not a phrase variant)."""
    return _convert_same_length(char, "s2t") != char


@functools.lru_cache(maxsize=1024)
def script_evidence(text: str) -> Tuple[int, int]:
    """(Traditional, Simplified) counts of the characters that tell the scripts apart.

    Remembered per text: every response the bot gives reads the script off the customer's
    earlier messages again (`bot.i18n.conversation_script`), two OpenCC passes each.

    A character counts for Traditional when t2s changes it and for Simplified when s2t
    changes it, in the phrase and on its own: s2t's phrase tables also rewrite characters
    Traditional writes too ("扣子" becomes "釦子"), which made "羽絨外套的帽子扣子掉了" a
    tie. Shared characters ("好的", digits, emoji) count for neither. A message whose
    characters are all shared but that is written Cantonese (冇, 咗, 嘅 ...) counts as one
    Traditional character: Hong Kong customers write Traditional, and a Cantonese message in
    Simplified has Simplified characters to say so.
    """
    sample = "".join(char for char in (text or "") if _is_cjk(char))[:_SCRIPT_SAMPLE]
    if not sample:
        return 0, 0
    as_simplified = _convert_same_length(sample, "t2s")
    as_traditional = _convert_same_length(sample, "s2t")
    traditional = sum(1 for a, b in zip(sample, as_simplified, strict=True) if a != b)
    simplified = sum(
        1 for a, b in zip(sample, as_traditional, strict=True) if a != b and _s2t_alone(a)
    )
    if not traditional and not simplified and any(char in _CANTONESE_CHARS for char in sample):
        return 1, 0  # "喂 有冇人呀": written Cantonese, nothing else to go by
    return traditional, simplified


def detect_script(text: str) -> Optional[Script]:
    """`hant`, `hans`, or None when nothing in the text tells the scripts apart.

    The majority of `script_evidence` wins; a tie or no evidence gives None so callers keep
    the conversation's earlier script.
    """
    traditional, simplified = script_evidence(text)
    if traditional > simplified:
        return "hant"
    if simplified > traditional:
        return "hans"
    return None


def to_traditional(text: str) -> str:
    """Simplified to Traditional for customers who write Traditional (OpenCC s2twp).

    s2twp converts characters to the Taiwan standard AND mainland vocabulary to Taiwanese
    usage (视频→影片, 信息→資訊, 软件→軟體, 联系→聯絡). Plain s2t only swaps characters, which
    reads as mainland text in Traditional dress. Taiwan is where most Traditional-writing
    shoppers are; Hong Kong readers read Taiwan-standard characters without trouble, while
    the reverse (s2hk's 説/裏 variants) looks odd in Taiwan. The length may change (phrase
    conversion): this is for outgoing text only, never for offsets. Double quotes become the
    corner brackets Traditional text uses (“确认” → 「確認」), as the widget's own notices
    write them (ux4: the two side by side read as two styles).
    """
    if not text:
        return text
    shielded = _ONLINE_AS_PREDICATE.sub(_SHIELD, text)
    for simplified, (shield, _) in _EVERYDAY_WORDS.items():
        shielded = shielded.replace(simplified, shield)
    converted = str(_converter("s2twp").convert(shielded)).replace(_SHIELD, "在線")
    for shield, traditional in _EVERYDAY_WORDS.values():
        converted = converted.replace(shield, traditional)
    return converted.translate(_CORNER_QUOTES)


_CORNER_QUOTES = str.maketrans({"“": "「", "”": "」"})


# s2twp turns every 在线 into Taiwan's 線上, right for "在线客服" (線上客服) but it drops the
# 在 of "客服都不在线" (are not online), giving "都不線上". As a predicate, before punctuation,
# the end or a particle, it is kept as 在線 (a private-use character shields it from OpenCC).
_SHIELD = "\ue000"
_ONLINE_AS_PREDICATE = re.compile(r"在线(?=$|[\s，。！？、；：…,.!?;:）)]|了|吗|呢|的时候)")

# s2twp's IT phrase table turns everyday words into programmers' ones: 类型 (a kind of
# problem) becomes 型別 (a data type). Shielded the same way and written as plain s2t does.
# 回复 comes out as 回復 or 回覆 by the phrase around it ("尽快回复您" / "回复“确认”"): one
# message said both; Taiwan writes a reply 回覆.
_EVERYDAY_WORDS: Dict[str, Tuple[str, str]] = {
    "类型": ("\ue001", "類型"),
    "回复": ("\ue002", "回覆"),
}


# ------------------------------------------------------------------------ digits in numbers

# Chinese characters customers (and voice input) use for single digits: 幺 for 1 and 洞 for 0
# as digits are read aloud, 拐 for 7 and 勾 for 9 in radio style, 〇/○ for zero, and the
# financial forms (Simplified, as `normalize` leaves them).
_CN_DIGIT_CHARS: Dict[str, str] = {
    **dict.fromkeys("零〇○◯洞", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两贰", "2"),
    **dict.fromkeys("三叁参", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆", "6"),
    **dict.fromkeys("七拐柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九勾玖", "9"),
}
# A run of this many digits (of any form) is a long number: an order, phone or parcel id.
# Shorter runs of Chinese numerals are words and quantities ("一一对应", "三五天").
_LONG_NUMBER = 7
# Up to `_MAX_RUN_GAP` of these between two digits keep them in one run ("二 零 二 四",
# "二零二四，一一二三", "二八五四   一三零九" once a hesitation is blanked, see below); four,
# as between the groups of one number in `bot.nlu.number_merger`.
_RUN_GAP = frozenset(" -_./·,、，\u3000\u2060")
_MAX_RUN_GAP = 4
# Marks a blanked filler word beyond its first and last character (see `_spoken_separators`):
# invisible, and not counted in a gap's length here or in the merger.
_FILLER_MARK = "\u2060"
# A numeral unit next to a run makes it a counted quantity ("一二三四五六七八九十个").
_NUMERAL_UNITS = frozenset("十百千万亿拾佰仟第")
# A last numeral that starts a word is not a digit: "...五六七一直没发货", "两个", "零件".
_WORD_AFTER = {
    "一": frozenset("直下个件天次点共样起定单看把些般句条周位台只双套本张盒瓶包箱份遍模切旦律面边"),
    "两": frozenset("个件天次周位台只双套本张盒瓶包箱份遍"),
    "零": frozenset("件钱食售"),
}
# Letters typed for digits inside a number: O for 0, I and l for 1 ("2024112355O7").
_TYPO_DIGITS: Dict[str, str] = {"o": "0", "O": "0", "i": "1", "I": "1", "l": "1", "L": "1"}
# Groups of one number are split by a space, tab, line break or punctuation mark (pasted
# tables, numbers broken over lines: "2o22\t0216\t9211").
_ALNUM_SPAN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:[ \t\n\-_./·][0-9A-Za-z]+)*")
_TYPO_GROUP = re.compile(r"[0-9oOiIlL]*[0-9][0-9oOiIlL]*")
# An id's letter prefix, then digits with O/I/l typed between them ("DD2O241123889",
# "LS2O24112OOO1", "P7283948572618392O1"): the prefix stays, the letters between digits are
# the digits they look like.
# One look-alike may end it too ("E2024…456789O", ord29): a lone O or l after many digits.
_PREFIXED_TYPO_GROUP = re.compile(r"([A-Za-z]{1,4})([0-9][0-9oOiIlL]*[0-9][oOiIlL]?)")


# Characters a number is read out of: ASCII digits and letters, and the numerals above.
_ID_CHARS = "0-9A-Za-z" + "".join(_CN_DIGIT_CHARS)
# Voice input says the dash of "241126-5382..." and "SO-2024-..." as a word (杠, 横杠, 横线)
# and hesitates between the groups it reads ("二八五四 嗯 一三零九"). Between two characters
# of a number these become a dash and spaces, so the groups stay one number.
_SPOKEN_DASH = re.compile(r"横杠|横线|杠")
# Words a customer dictating a number says between its groups ("2024 然后 1123 然后 5567",
# "2024，那个，1123", "2024，等一下，1123", "2024，然后是幺幺二三", "2024，1123，再就是/还有5567"): only
# between short groups, as dictation reads them.
# Also a pause to look the rest up ("3301 9482 等下我看看 7760", ord36).
_FILLER_WORDS = r"(?:然后|接着|那个|等一下|等下我看看|等下我看下|等等|再就|还有)是?"
_SPOKEN_SEPARATOR = re.compile(
    rf"(?<=[{_ID_CHARS}])[ ,，、]?(?:{_SPOKEN_DASH.pattern}|[嗯呃额唔啊]{{1,2}}"
    rf"|(?P<word>{_FILLER_WORDS}))[ ,，、]?(?=[{_ID_CHARS}])"
)
_DICTATED_GROUP = 6  # a filler word only joins groups this long or shorter


def _group_length(text: str, start: int, step: int) -> int:
    """How many number characters stand next to `start`, going left (-1) or right (+1)."""
    length, index = 0, start
    while 0 <= index < len(text) and _in_number(text, index):
        length += 1
        index += step
    return length


def _in_number(text: str, index: int) -> bool:
    """A digit of any form, or an ASCII letter or digit (an id's prefix)."""
    char = text[index]
    return _digit_at(text, index) is not None or (char.isascii() and char.isalnum())


def _spoken_separators(text: str) -> str:
    """Spoken dashes to "-" and hesitations to spaces between the groups of a number.

    "二四一一二六杠五三八…" reads "241126-538…"; "SO横杠二零二四" reads "SO- 2024";
    "二八五四 嗯 一三零九" reads "二八五四   一三零九"; a filler word between short groups
    ("2024，等一下，1123") reads as one space on each side and invisible marks between, so
    the gap stays as short as a separator. Same length as `text`.
    """

    def blank(match: re.Match[str]) -> str:
        size = len(match.group())
        if match.group("word"):
            if (
                _group_length(text, match.start() - 1, -1) > _DICTATED_GROUP
                or _group_length(text, match.end(), 1) > _DICTATED_GROUP
            ):
                return match.group()
            return " " + _FILLER_MARK * (size - 2) + " "
        dash = _SPOKEN_DASH.search(match.group())
        if dash is None:
            return " " * size
        return " " * dash.start() + "-" + " " * (size - dash.start() - 1)

    return _SPOKEN_SEPARATOR.sub(blank, text)


# Groups dictated with a pause written as an ellipsis ("2024...1123...5567", "2024……1123"):
# three groups or more, so an app's masked number ("381029...9384") stays masked.
_ELLIPSIS = r"(?:\.{2,}|…{1,2}|。{2,})"
# An ellipsis may stand before the first group and after the last ("订单号……2024……1123……5567
# ……你们看着办吧": a sigh, not a hidden digit), but no group may be glued on beyond them.
_ELLIPSIS_GROUPS = re.compile(
    rf"(?<![0-9A-Za-z])(?<![0-9A-Za-z][.…。])[0-9A-Za-z]{{2,6}}"
    rf"(?:{_ELLIPSIS}[0-9A-Za-z]{{2,6}}){{2,}}(?![0-9A-Za-z])(?!{_ELLIPSIS}[0-9A-Za-z])"
)


def _dictation_ellipses(text: str) -> str:
    """Ellipses between three or more short digit groups to spaces (see above); same length."""

    def blank(match: re.Match[str]) -> str:
        if sum(1 for char in match.group() if char.isdigit()) < 8:
            return match.group()
        return re.sub(_ELLIPSIS, lambda dots: " " * len(dots.group()), match.group())

    return _ELLIPSIS_GROUPS.sub(blank, text)


# Dash look-alikes typed between the groups of a number: the katakana long vowel (ー, a
# Japanese IME's dash key) and 一 (the Chinese IME's "yi", one stroke that looks like a dash):
# "2024一1123一5567", "H8725ー0865". Only between groups of two or more letters and digits,
# and only where no Chinese numeral stands next to the number: "2024一一23五五67" is a number
# in numerals, "5567一直" a word after it.
_DASH_LOOKALIKE_SPAN = re.compile(r"[0-9A-Za-z]{2,}(?:[ー一][0-9A-Za-z]{2,})+")


def _dash_lookalikes(text: str) -> str:
    """ー and 一 between the digit groups of one number to "-" (see above); same length."""
    chars = list(text)
    for span in _DASH_LOOKALIKE_SPAN.finditer(text):
        before = text[span.start() - 1] if span.start() else ""
        after = text[span.end()] if span.end() < len(text) else ""
        next_char = text[span.end() + 1] if span.end() + 1 < len(text) else ""
        if before and _is_numeral(before):
            continue
        if after and _is_numeral(after) and (_is_numeral(next_char) or next_char.isdigit()):
            continue  # "…23五五67", "21一6324五66": more digits; "…6282两天了" a word after it
        digits = sum(1 for char in span.group() if char.isdigit())
        if digits < 3 or digits + sum(1 for char in span.group() if char in _TYPO_DIGITS) < 6:
            continue  # "7O8一723": five digits and an O make the six of an id
        for index in range(span.start(), span.end()):
            if chars[index] in "ー一":
                chars[index] = "-"
    return "".join(chars)


def _digit_of(char: str) -> Optional[str]:
    """The ASCII digit `char` stands for: digits of any script, circled digits, numerals."""
    if "0" <= char <= "9":
        return char
    if char in _CN_DIGIT_CHARS:
        return _CN_DIGIT_CHARS[char]
    if char.isascii():
        return None
    value = unicodedata.digit(char, None)  # ２, ②, ❷, ⓪, 𝟐 ...
    return None if value is None else str(value)


def _is_numeral(char: str) -> bool:
    return char in _CN_DIGIT_CHARS or (not char.isascii() and _digit_of(char) is not None)


def _digit_at(text: str, index: int) -> Optional[str]:
    """`_digit_of` the character, and the letter O for zero among numerals ("二O二四")."""
    char = text[index]
    if char in "oO":
        left = index > 0 and _is_numeral(text[index - 1])
        right = index + 1 < len(text) and _is_numeral(text[index + 1])
        return "0" if left or right else None
    return _digit_of(char)


def _digit_runs(text: str) -> List[List[int]]:
    """Positions of digit-like characters, in runs (short gaps of `_RUN_GAP` allowed inside)."""
    runs: List[List[int]] = []
    current: List[int] = []
    for index in range(len(text)):
        if _digit_at(text, index) is not None:
            gap = text[current[-1] + 1 : index] if current else ""
            if len(gap.replace(_FILLER_MARK, "")) > _MAX_RUN_GAP or any(
                char not in _RUN_GAP for char in gap
            ):
                runs.append(current)
                current = []
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _spell_digits(text: str) -> str:
    """Long numbers in Chinese numerals, circled or other non-ASCII digits to ASCII digits.

    "二零二四一一二三五五六七", "2024一一23五五67", "②⓪②④..." (see `normalize_digits`).
    """
    chars = list(text)
    for run in _digit_runs(text):
        after = run[-1] + 1
        if len(run) > 1 and after < len(text) and text[after] in _WORD_AFTER.get(text[run[-1]], ""):
            run = run[:-1]  # "...五六七一直没到": 一直 is a word
        run = _without_festival(text, run)
        run = _without_counters(text, _without_quantities(text, run))
        if len(run) < _LONG_NUMBER:
            continue
        foreign = [i for i in run if not "0" <= text[i] <= "9"]
        if not foreign:
            continue
        if len(foreign) == 1 and foreign[0] in (run[0], run[-1]) and len(run) > 1:
            continue  # "202411235567一...": one numeral at the edge is the next word
        for index in run:
            chars[index] = _digit_at(text, index) or text[index]
        for gap in _script_switches(text, run):
            chars[gap] = _FILLER_MARK
    return "".join(chars)


# Shopping days named by their date in numerals: 六一 (June 1st), 五一, 三八, 六一八 (JD's 618).
_FESTIVALS = ("六一八", "六一", "五一", "三八")


def _without_festival(text: str, run: List[int]) -> List[int]:
    """The run without a shopping day's name glued after its ASCII digits.

    "订单号 202411235567六一活动买的": 六一 (Children's Day's sale) begins the next words, as
    一直 does; only after ASCII digits and before a word, so a number said all in numerals
    ("…五五六七六一") keeps them (ord27).
    """
    after = run[-1] + 1 if run else 0
    if not run or after >= len(text) or not _is_cjk(text[after]) or text[after] in _CN_DIGIT_CHARS:
        return run
    tail = "".join(text[index] for index in run[-3:])
    for festival in _FESTIVALS:
        head = run[: -len(festival)]
        if tail.endswith(festival) and head and _is_ascii_digit(text[head[-1]]):
            if head[-1] + 1 == run[-len(festival)]:
                return head
    return run


# A number by itself has this many digits (as `WHOLE_GROUP` in `bot.nlu.number_shapes`); a
# mainland mobile's shape.
_WHOLE_NUMBER = 10
_MOBILE_DIGITS = re.compile(r"1[3-9]\d{9}")


def _script_switches(text: str, run: List[int]) -> List[int]:
    """The spaces where a number half in numerals goes on in digits: "三八五六一二九四七 0032…".

    The customer said the first part and typed the rest (or the other way round), and the
    rest is long enough to pass for a number by itself, so the merger would cut it off. The
    space at the switch is no gap between two numbers when the part before it is too short
    to be a number by itself and the rest is no mobile: "二零二四一一二三五五六七 138…" stay an
    order and a phone. Only between groups each written in one script ("八4六2 四三幺0" mixes
    them in every group: the merger's own rules join those). Marked with `_FILLER_MARK`, the
    merger glues the two parts.
    """
    switches = []
    for position, (before, after) in enumerate(zip(run, run[1:], strict=False)):
        if text[before + 1 : after] not in (" ", "\u3000"):
            continue
        head_group = _group_at(text, run[position::-1])
        rest = _group_at(text, run[position + 1 :])
        if not (_one_script(head_group) and _one_script(rest)):
            continue
        if _is_ascii_digit(head_group[0]) == _is_ascii_digit(rest[0]):
            continue
        head = _same_script_part(text, run[position::-1])
        if (
            len(rest) >= _WHOLE_NUMBER
            and len(head) < _WHOLE_NUMBER
            and not _MOBILE_DIGITS.fullmatch("".join(_digit_of(c) or c for c in rest))
        ):
            switches.append(before + 1)
    return switches


def _is_ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _one_script(group: str) -> bool:
    return len({_is_ascii_digit(char) for char in group}) == 1


def _group_at(text: str, positions: List[int]) -> str:
    """The characters at `positions` from the first on with no gap between them."""
    group = [text[positions[0]]]
    for previous, index in zip(positions, positions[1:], strict=False):
        if abs(index - previous) != 1:
            break
        group.append(text[index])
    return "".join(group)


def _same_script_part(text: str, positions: List[int]) -> str:
    """The characters at `positions`, from the first on, while they keep its script."""
    ascii_digit = _is_ascii_digit(text[positions[0]])
    part = []
    for index in positions[: _WHOLE_NUMBER + 2]:
        if _is_ascii_digit(text[index]) != ascii_digit:
            break
        part.append(text[index])
    return "".join(part)


_ENCLOSED = re.compile(f"[{ENCLOSED_DIGITS}]")


def _is_enclosed(char: str) -> bool:
    """A digit in a circle, in parentheses or with a full stop (①, ❷, ⑴, ⒉)."""
    return bool(_ENCLOSED.fullmatch(char))


def _without_counters(text: str, run: List[int]) -> List[int]:
    """The run without a list's counter at either end: "订单①2024…", "…0002 ②少了一件".

    An enclosed digit (①, ❷) next to an ASCII digit numbers an item of a list; an id typed
    in enclosed digits has them all through ("②⓪②④①①…"), so the counter is no digit of it.
    """
    while len(run) > 1 and _is_enclosed(text[run[0]]) and _is_ascii_digit(text[run[1]]):
        run = run[1:]
    while len(run) > 1 and _is_enclosed(text[run[-1]]) and _is_ascii_digit(text[run[-2]]):
        run = run[:-1]
    return run


def _without_quantities(text: str, run: List[int]) -> List[int]:
    """The run without a quantity said next to it: "…拐九，一万二千块" ends at 九.

    A numeral unit (十百千万…) right after a run's last clause (the digits after its last
    comma) or before its first makes that clause a counted quantity, not digits of the
    number; a run of one clause next to a unit is all quantity ("一二三四五六七八九十个",
    "一 二 三 四 五 六 七 八 九 十").
    """
    pieces: List[List[int]] = [[run[0]]] if run else []
    for index in run[1:]:
        if text[pieces[-1][-1] + 1 : index].strip(" \u3000" + _FILLER_MARK):
            pieces.append([index])
        else:
            pieces[-1].append(index)
    if pieces and text[pieces[-1][-1] + 1 : pieces[-1][-1] + 2] in _NUMERAL_UNITS:
        pieces.pop()
    if pieces and pieces[0][0] and text[pieces[0][0] - 1] in _NUMERAL_UNITS:
        pieces.pop(0)
    return [index for piece in pieces for index in piece]


def _fix_letter_typos(text: str) -> str:
    """O for 0 and I/l for 1 inside an otherwise numeric id ("2024112355O7", "2O24l123...").

    Only in spans of digit groups with at least six digits, at most two such letters, and
    no other letter: "iPhone15", "LS2024...", "lol" and "500ml" stay as they are. Behind an
    id's letter prefix ("DD2O24...", "LS2O24112OOO1") only letters standing between digits
    are read as digits (see `_prefixed_typos`).
    """
    chars = list(text)
    for span in _ALNUM_SPAN.finditer(text):
        groups = re.split(r"[ \t\n\-_./·]", span.group())
        digits = sum(1 for char in span.group() if char.isdigit())
        typos = [g for g in groups if not g.isdigit() and _TYPO_GROUP.fullmatch(g)]
        offset = span.start()
        run_digits = digits if _typed_in_groups(groups[1:]) else 0
        for position, group in enumerate(groups):
            _prefixed_typos(group, offset, chars, run_digits if position == 0 else 0)
            offset += len(group) + 1
        # five digits and a look-alike make the shortest id ("8I6917"); fewer is no id
        if not typos or digits < 5 or len(span.group().replace(" ", "")) < 6:
            continue
        offset = span.start()
        in_groups = _typed_in_groups(groups)
        for position, group in enumerate(groups):
            letters = sum(1 for char in group if not char.isdigit())
            group_digits = len(group) - letters
            # two letters first are a prefix ("LS…"), but only where an id starts: in the last
            # groups of a number typed in groups they are look-alikes ("5567 OO98", ord25's OCR)
            prefix_like = len(group) > 1 and group[0].isalpha() and group[1].isalpha()
            if (
                group in typos
                and _few_typos(group, letters, position > 0 and groups[position - 1][-1:].isdigit())
                and (letters < group_digits or (in_groups and letters == group_digits))
                and not (prefix_like and not (in_groups and position > 0))
            ):
                for index, char in enumerate(group, start=offset):
                    chars[index] = _TYPO_DIGITS.get(char, char)
            offset += len(group) + 1
    for size in _SIZE_AFTER_NUMBER.finditer(text):
        chars[size.start()] = size.group()  # "…5567L码": the size, no 1 (ord27)
    for start, end in _letter_pairs(text):
        chars[start:end] = text[start:end]
    return "".join(chars)


# Two different look-alikes side by side after a digit, before a digit or at the id's end
# ("2411OL230056", "GZ24IO1123…", "…0087OL"): a letter block of the shop's own (online, IO).
_LOOKALIKE_PAIR = re.compile(r"(?<=[0-9])(?:ol|lo|io|oi)(?![a-z])", re.IGNORECASE)
_PAIR_SPAN_DIGITS = 8


def _letter_pairs(text: str) -> List[Tuple[int, int]]:
    """Spans of look-alike pairs that are an id's own letters, not 0/1 typed as O/I/l (ord29).

    Why: a customer who types O for 0 and l for 1 does it for every 0 and 1 (see
    `_few_typos`); in a number of eight digits or more whose other 0s and 1s are typed as
    digits, "OL" or "IO" is a block the shop prints ("2411OL230056", "…0087OL"). Letters
    read before the pipeline lowers them are gone, so the case cannot tell. Inside a number
    typed in groups ("2Ol4 1123 5567") or beside other look-alikes the typo reading stays;
    at the very end of one ("2411 2300 87OL") the pair is its suffix.
    """
    pairs = []
    for span in _ALNUM_SPAN.finditer(text):
        found = list(_LOOKALIKE_PAIR.finditer(span.group()))
        if len(found) != 1:
            continue
        pair = found[0]
        grouped = bool(re.search(r"[ \t\n\-_./·]", span.group()))
        if grouped and pair.end() != len(span.group()):
            continue
        rest = span.group()[: pair.start()] + span.group()[pair.end() :]
        digits = {char for char in rest if char.isdigit()}
        count = sum(1 for char in rest if char.isdigit())
        body = rest.lstrip(string.ascii_letters)  # a prefix's letters are its own ("GZ24IO…")
        other_typos = any(char in _TYPO_DIGITS for char in body)
        if count >= _PAIR_SPAN_DIGITS and digits & {"0", "1"} and not other_typos:
            pairs.append((span.start() + pair.start(), span.start() + pair.end()))
    return pairs


# A size glued after a long number: L before 码 is large, no typed 1 ("订单号…5567L码太小").
_SIZE_AFTER_NUMBER = re.compile(r"(?<=[0-9]{6})[lL](?=码|碼)")
_DIGIT_GROUPS = 2  # groups of digits alone that make a number typed in groups


# Letters a customer copying by hand or an OCR reads for digits, but only between two digits
# of a long number with nothing else of letters but a short prefix (ord21): "6921…1234S67",
# "2O24ll2355B7". At an edge or beside other letters they may be the shop's own ("…556B",
# "2411A23B0087"), so they stay.
_BETWEEN_DIGITS: Dict[str, str] = {"S": "5", "s": "5", "B": "8", "b": "8", "Z": "2", "z": "2"}
_LOOKALIKE_BODY = re.compile(r"([A-Za-z]{0,4})([0-9oOiIlL][0-9oOiIlLSsBbZz]*[0-9oOiIlL])")
_MIN_BODY_DIGITS = 8


def _between_digit_lookalikes(text: str) -> str:
    """S for 5, B for 8, Z for 2 between the digits of a long number (`_BETWEEN_DIGITS`)."""
    chars = list(text)
    for span in _ALNUM_SPAN.finditer(text):
        offset = span.start()
        previous = ""
        for group in re.split(r"[ \t\n\-_./·]", span.group()):
            if _opens_like_digit(previous, group):
                chars[offset] = _BETWEEN_DIGITS[group[0]]
            previous = group
            match = _LOOKALIKE_BODY.fullmatch(group)
            body = match.group(2) if match else ""
            odd = [i for i, char in enumerate(body) if char in _BETWEEN_DIGITS]
            digits = sum(1 for char in body if char.isdigit())
            if odd and len(odd) <= 2 and digits >= _MIN_BODY_DIGITS and match:
                for i in odd:
                    if body[i - 1].isdigit() and body[i + 1].isdigit():
                        chars[offset + match.start(2) + i] = _BETWEEN_DIGITS[body[i]]
            offset += len(group) + 1
    return "".join(chars)


_MIN_LOOKALIKE_GROUP = 3


def _opens_like_digit(previous: str, group: str) -> bool:
    """A handwriting slip opening a group of a number typed in equal groups (ord32).

    "订单号 2024 1123 S567": the recogniser read the 5 as S; the group has the length of the
    digit group before it and digits after the letter, so it is a group of the same number.
    A prefix ("SO 2024…", "S 2024…") opens the number, never follows its digits.
    """
    return (
        len(group) >= _MIN_LOOKALIKE_GROUP
        and len(group) == len(previous)
        and previous.isdigit()
        and group[0] in _BETWEEN_DIGITS
        and group[1:].isdigit()
    )


def _typed_in_groups(groups: List[str]) -> bool:
    """Two groups or more of three digits or more: a number typed in groups.

    Its short groups at either end may hold as many look-alikes as digits ("订单号 l2O4 5566
    7788 9O": 1204 … 90); alone, "l2O4" or "9O" is no number to read so.
    """
    digit_groups = [_without_prefix(group) for group in groups]
    return sum(1 for group in digit_groups if group.isdigit() and len(group) >= 3) >= _DIGIT_GROUPS


def _without_prefix(group: str) -> str:
    """A group's digits behind a letter prefix of up to four ("SO2024" → "2024"; ord29)."""
    digits = group.lstrip(string.ascii_letters)
    return digits if len(group) - len(digits) <= _MAX_PREFIX_LETTERS else group


_MAX_PREFIX_LETTERS = 4


def _few_typos(group: str, letters: int, after_digits: bool = False) -> bool:
    """Few enough look-alike letters in a digit group to read them as digits.

    Two anywhere ("2024112355O7"); more when the group starts and ends with a digit and holds
    twice as many digits: a customer who types l for 1 does it every time ("2024ll23o0l5").
    After a group of digits ("241l23-l23456789Ol2345", ord27) the group goes on a number, so
    it may start with a look-alike too.
    """
    digits = len(group) - letters
    starts = group[0].isdigit() or after_digits
    return letters <= 2 or (starts and group[-1].isdigit() and digits >= 2 * letters)


def normalize_digits(text: str) -> str:
    """Digits written another way inside long numbers become ASCII digits; same length.

    For number extraction only (order, phone and parcel numbers), on top of `normalize`:
    Chinese numerals read digit by digit (二零二四…, 幺/洞, with or without spaces), circled
    and other non-ASCII digits, mixed with ASCII digits or not, when they form a number of at
    least seven digits; O/I/l typed for 0/1 inside an otherwise numeric id, and S/B/Z for
    5/8/2 between its digits. Words,
    quantities and dates in numerals ("一一对应", "二零二四年", "三五天") are left alone.
    Spoken dashes (杠) and hesitations (嗯) between the groups of a number are a dash and
    spaces first, so voice input reads as one number.
    """
    if not text:
        return ""
    text = _spreadsheet_artefacts(text)
    spoken = _spoken_separators(_dictation_ellipses(_dash_lookalikes(_taiwan_yao(text))))
    spoken = _spoken_thousands(spoken)
    return _fix_letter_typos(_between_digit_lookalikes(_spell_digits(_glued_quantities(spoken))))


# What a spreadsheet does to a long number it stored as a number (ord32): a trailing ".0"
# ("202411235567.0", pandas and some exports) and, past eleven digits, the scientific form
# ("2.02411E+11"), whose lost digits no reader can restore.
_SHEET_DECIMAL = re.compile(r"(?<![\d.])(?<!\d,)(\d{8,24})\.0(?![\d.a-zA-Z]|,\d)")
_SCIENTIFIC = re.compile(r"(?<![\w.])\d\.\d+[eE]\+\d{1,2}(?![\w.])")


def _spreadsheet_artefacts(text: str) -> str:
    """A sheet's ".0" after a whole number, and a number in scientific form, become spaces.

    Why: customers copy the order from the shop's export ("订单号：289374651028.0"); the ".0"
    read as a group made a longer id, and "2.02411E+11" made "202411E". Eight digits or more
    before the ".0": prices are shorter ("¥59.0" stays). Same length, so offsets hold.
    """
    text = _SHEET_DECIMAL.sub(lambda match: match.group(1) + "  ", text)
    return _SCIENTIFIC.sub(lambda match: " " * len(match.group(0)), text)


# A group of four digits voice input writes as the number it reads ("订单号是两千零二十四 一一二三
# 五五六七": the recogniser heard 2024 as a year, ord31).
_SPOKEN_GROUP = re.compile(r"[一二两三四五六七八九]千[零一二两三四五六七八九十百]*")
_DIGIT_NAMES = "零一二三四五六七八九"
# A spoken group shorter than its four digits ("两千") cannot be rewritten in place.
_GROUP_DIGITS = 4


@functools.cache
def _thousands_readings() -> Dict[str, str]:
    """Every way 1000-9999 is said in numerals, to its four digits ("两千零二十四": "2024")."""
    readings: Dict[str, str] = {}
    for number in range(1000, 10000):
        thousands, hundreds, tens, ones = (int(digit) for digit in str(number))
        heads = [_DIGIT_NAMES[thousands] + "千"] + (["两千"] if thousands == 2 else [])
        if hundreds:
            middles = [_DIGIT_NAMES[hundreds] + "百"] + (["两百"] if hundreds == 2 else [])
        else:
            middles = ["零"] if tens or ones else [""]
        if tens:
            # "两千零一十" and "两千零十" after 零; "一千一百一十" after a hundred
            tails = [_DIGIT_NAMES[tens] + "十"] + (["十"] if tens == 1 and not hundreds else [])
        else:
            tails = ["零"] if hundreds and ones else [""]
        end = _DIGIT_NAMES[ones] if ones else ""
        for head in heads:
            for middle in middles:
                for tail in tails:
                    reading = head + middle + tail + end
                    if len(reading) >= _GROUP_DIGITS:
                        readings[reading] = str(number)
    return readings


# A spoken group joins a number whose neighbouring group has this many digits; a neighbour of
# `_WHOLE_NUMBER` digits is a number by itself ("两千零九十九 202411235567": a price beside it).
_NEIGHBOUR_DIGITS = 3
# After a spoken group, a word that makes it a year, an amount or a count ("两千零二十四年").
_AFTER_SPOKEN_GROUP = frozenset("年月日号点块元钱万亿多个件次天岁米")


def _neighbour_digits(text: str, index: int, step: int) -> int:
    """Digits of the group beside `index` (exclusive), across a short gap, going `step`."""
    gap = 0
    while 0 <= index < len(text) and text[index] in _RUN_GAP and gap <= _MAX_RUN_GAP:
        index, gap = index + step, gap + (text[index] != _FILLER_MARK)
    digits = 0
    while 0 <= index < len(text) and _digit_at(text, index) is not None:
        index, digits = index + step, digits + 1
    return digits


def _spoken_thousands(text: str) -> str:
    """Four-digit groups said as numbers ("两千零二十四") inside a longer number, as digits.

    Only next to another group of three to nine digits (ASCII or numerals, a short gap
    between), and not before a word that makes it a year, an amount or a count: "两千零二十四年
    十一月" and "花了两千零九十九" stay words. The digits take the group's first places and
    invisible marks the rest, so the length holds and the merger reads one number.
    """
    if "千" not in text:
        return text
    chars = list(text)
    readings = _thousands_readings()
    for match in _SPOKEN_GROUP.finditer(text):
        said = match.group()
        reading = next(
            (said[:size] for size in range(len(said), _GROUP_DIGITS - 1, -1) if said[:size] in readings),
            None,
        )
        if reading is None:
            continue
        start, end = match.start(), match.start() + len(reading)
        if end < len(text) and text[end] in _AFTER_SPOKEN_GROUP:
            continue
        if start and (text[start - 1] in _NUMERAL_UNITS or text[start - 1] in "第"):
            continue
        neighbours = (_neighbour_digits(text, end, 1), _neighbour_digits(text, start - 1, -1))
        if not any(_NEIGHBOUR_DIGITS <= digits < _WHOLE_NUMBER for digits in neighbours):
            continue
        digits = readings[reading]
        chars[start:end] = list(digits) + [_FILLER_MARK] * (len(reading) - len(digits))
    return "".join(chars)


# "订单号202411231122x2件": an x glued between a long number and a count of pieces is the
# times sign of a quantity (as "×2件" is), not a letter of the id.
_GLUED_QUANTITY = re.compile(r"(?<=[0-9]{6})[xX](?=[0-9]{1,2}[件个只台双套盒瓶包箱份])")


def _glued_quantities(text: str) -> str:
    """A glued "x2件" after a number with its x as ×, so the count is no part of the id."""
    return _GLUED_QUANTITY.sub("×", text)


# 么 is how Taiwan writes the 幺 of spoken digits (OpenCC's s2twp turns 幺 into it): a run of
# 么 next to a digit or numeral is 幺 ("單號么么二三", "2024么么23", "槓 么二三"); after
# 什/怎/这/那/多/要 it is the 么 of a word ("这么二"), and "么么哒" has no digit beside it.
_YAO_RUN = re.compile(r"么+")
_YAO_WORDS = frozenset("什怎这那多要干为甚")


def _taiwan_yao(text: str) -> str:
    """Runs of 么 beside a digit or numeral as 幺, same length."""
    chars = list(text)
    for run in _YAO_RUN.finditer(text):
        start, end = run.span()
        if start and text[start - 1] in _YAO_WORDS:
            continue
        before = text[:start].rstrip(" ")[-1:]  # "九九零 么么么 二三四五": spaced groups
        after = text[end:].lstrip(" ")[:1]
        if any(char and _digit_of(char) is not None for char in (before, after)):
            chars[start:end] = "幺" * (end - start)
    return "".join(chars)


# The order label as a pinyin keyboard mistypes it (ding dan): 定单, 丁单, 订丹.
# 订单好 (hao) for 订单号 only right before a number: "订单好是 2412…", not "订单好像没发".
# 块递/筷递 (kuai di) for 快递: read as 块 the parcel number before it became an amount
# ("订丹号 X 块递单号 Y" filed Y, ord23).
_LABEL_TYPOS = re.compile(r"定单|丁单|订丹|订单好(?=[\s:,是为]*[0-9a-z])|[块筷]递")


def order_label_typos(text: str) -> str:
    """定单/丁单/订丹 read as 订单 (订单好 as 订单号), 块递 as 快递, same length; numbers only.

    Why not in the word lists alone: every rule that names the order (labels before and
    after the number, "旧订单 X 新订单 Y", "这个订单没问题") would need each typo, and only
    some had them ("定单号" was read, "定单ID" was not). The tokenizer keeps the typed word.
    """
    return _LABEL_TYPOS.sub(_label_typo_fixed, text)


def _label_typo_fixed(match: re.Match[str]) -> str:
    """The word a label typo stands for, of the same length."""
    typo = match.group()
    if typo.endswith("递"):
        return "快递"
    return "订单号" if typo.endswith("好") else "订单"


def _prefixed_typos(group: str, offset: int, chars: List[str], run_digits: int = 0) -> None:
    """O for 0 and I/l for 1 between the digits of an id behind a letter prefix, in `chars`.

    Why apart from the digit-only groups: a prefix is letters the id owns ("DD", "LS", "P"),
    so the group is not "otherwise numeric", yet no platform puts an O or an l between the
    digits after it. The letters must stand between digits, the digits (six or more) must
    outnumber them, and the prefix itself is never touched ("lol1234567" is no typo of 1).
    The first group of a number typed in groups counts the digits of the groups after it
    (`run_digits`): "GZ2O24 1123 0078" is GZ2024… (ord29).
    """
    match = _PREFIXED_TYPO_GROUP.fullmatch(group)
    if not match:
        return
    body = match.group(2)
    letters = sum(1 for char in body if not char.isdigit())
    digits = len(body) - letters
    if not letters or max(digits, run_digits) < 6 or letters >= digits:
        return
    start = offset + match.start(2)
    for index, char in enumerate(body, start=start):
        chars[index] = _TYPO_DIGITS.get(char, char)


# A Chinese character, a letter or a digit: a message without any (emoji, punctuation only)
# says how the customer feels, not what happened.
_WORD_CHAR = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
)


def has_words(text: Optional[str]) -> bool:
    """Whether the message has a word in it ("😭😭😭", "？？？" have none)."""
    return bool(_WORD_CHAR.search(text or ""))


# "不是 X 是 Y", "是 Y 不是 X", "不是 X 而是 Y": a contrast that denies one reading.
_CONTRAST = re.compile(r"不是[^ 是]{1,12} ?(而|就)?是|是[^ ]{1,12}?不是")
_DENIED = re.compile(r"(而)?不是[^ 是,，。.!！?？]{1,12}")


# One thing played down, another stressed after it: "颜色那个其实还好，主要是开线".
_PLAYED_DOWN = re.compile(
    r"(还好|还行|没事|没关系|无所谓|不要紧|可以接受|能接受|能忍|不重要|不是重点|不是大问题|问题不大|"
    r"先不说|不说了|算了)"
)
_STRESSED = re.compile(r"(最主要|主要|关键|重点|真正)(的)?(问题)?(还是|就)?(是|在于)")


def stressed_part(plain: str) -> Optional[str]:
    """What follows "主要是" after something played down ("颜色还好，主要是开线" → "开线").

    Hand trial 2026-12-04: at the read-back of a seam that came apart and a colour unlike
    the photo, "颜色那个其实还好，主要是开线" turned the quality complaint into 描述不符:
    the classifier of the whole message read the colour it dismissed.
    """
    played_down = _PLAYED_DOWN.search(plain)
    stressed = _STRESSED.search(plain, played_down.end()) if played_down else None
    if not stressed:
        return None
    rest = plain[stressed.end() :].strip(" ,，。.!！")
    return rest if sum(map(_is_cjk, rest)) >= 2 else None


def affirmed_part(text: Optional[str]) -> Optional[str]:
    """The message without the part it denies, when it contrasts two readings.

    "不对不对 不是少发 是两个都到了 其中一个碎了" → "不对不对 是两个都到了 其中一个碎了":
    what the customer now says went wrong, without the word for what they deny ("少发"),
    which a classifier of the whole message reads as the category. None without a contrast
    (a complaint "收到的不是我买的那款" denies nothing said before). On the normalised text.
    Something played down and another thing stressed is a contrast too (`stressed_part`).
    """
    plain = normalize(text or "")
    if not _CONTRAST.search(plain):
        return stressed_part(plain)
    rest = " ".join(_DENIED.sub(" ", plain).split())
    return rest if sum(map(_is_cjk, rest)) >= 2 and rest != plain else None

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
from typing import Any, Dict, Literal, Optional

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
    # Lone surrogates (from a lossy decode) cannot be encoded as UTF-8; spaCy and jieba
    # fail on them. U+FFFD marks the spot and keeps the length.
    **{code: "\ufffd" for code in range(0xD800, 0xE000)},
}
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


def normalize(text: str, lowercase: bool = True) -> str:
    """The canonical form NLU components match against; same length as `text`.

    Half-width, canonical dashes/spaces, Simplified script and, unless `lowercase` is False,
    lower-case ASCII letters. The tokenizer keeps case because jieba's dictionaries (and the
    project's user dictionary) hold mixed-case words such as "T恤"; the featurizers lower-case
    tokens themselves.
    """
    if not text:
        return ""
    result = to_simplified(to_halfwidth(text).translate(_CANONICAL))
    return result.translate(_ASCII_LOWER) if lowercase else result


def fold_digits(text: str) -> str:
    """Every ASCII digit becomes `0`: features see the shape of a number, not its value.

    Order numbers, phones and amounts differ in every message; their exact digits only
    add noise to intent and category features ("202411200012" should look like any other
    order number). Length is kept, so token offsets stay valid.
    """
    return _DIGIT.sub("0", text)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def detect_script(text: str) -> Optional[Script]:
    """`hant`, `hans`, or None when nothing in the text tells the scripts apart.

    A character counts for Traditional when t2s changes it and for Simplified when s2t
    changes it; shared characters ("好的", digits, emoji) count for neither. The majority
    wins; a tie or no evidence gives None so callers keep the conversation's earlier script.
    """
    sample = "".join(char for char in (text or "") if _is_cjk(char))[:_SCRIPT_SAMPLE]
    if not sample:
        return None
    as_simplified = _convert_same_length(sample, "t2s")
    as_traditional = _convert_same_length(sample, "s2t")
    traditional = sum(1 for a, b in zip(sample, as_simplified, strict=True) if a != b)
    simplified = sum(1 for a, b in zip(sample, as_traditional, strict=True) if a != b)
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
    conversion): this is for outgoing text only, never for offsets.
    """
    if not text:
        return text
    return str(_converter("s2twp").convert(text))

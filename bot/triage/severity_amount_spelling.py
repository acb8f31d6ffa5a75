"""Sums spelled in shorthand or half in pinyin, rewritten as Chinese numerals before parsing.

`bot.triage.severity_amounts` reads "一万二", "两千五百块"; customers also write the leading
一 away in Cantonese ("萬二蚊" = 12,000, "千九蚊" = 1,900) and leave a unit in pinyin when the
IME is in a hurry ("两qian五百块", "3 wan 8"). Both are spelled out here so that the money
patterns need no variant of their own (nineteenth round, severity_dev20).
"""

from __future__ import annotations

import re

# A bare 万 / 千 opening a number, a digit after it: "萬二蚊", "千九蚊" (not 万一 "in case", 千万
# "by all means", nor inside a number: "两万二", "一千九").
_BARE_MAGNITUDE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万\d成上几])([万千])(?=[二两三四五六七八九])"
)
# A unit left in pinyin between numerals or before a currency: "两qian五百块", "3 wan 8",
# "五bai块" (the syllable alone, not inside a word: "qianbao", "wanle").
_NUMERAL = r"[零〇一二两三四五六七八九十\d]"
_PINYIN_UNITS = (("wan", "万"), ("qian", "千"), ("bai", "百"))
_PINYIN_UNIT = {
    pinyin: re.compile(
        rf"(?<={_NUMERAL})\s*{pinyin}(?![a-z])\s*(?={_NUMERAL}|块|元|蚊|多|$|[,。!?;~\s])"
    )
    for pinyin, _ in _PINYIN_UNITS
}


def spell_out(text: str) -> str:
    """`text` (normalised) with bare magnitudes and pinyin units written as Chinese numerals."""
    for pinyin, unit in _PINYIN_UNITS:
        text = _PINYIN_UNIT[pinyin].sub(unit, text)
    return _BARE_MAGNITUDE.sub(r"一\1", text)

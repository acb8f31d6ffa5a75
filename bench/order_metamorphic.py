"""Metamorphic robustness of the order-number extractor on the development splits.

Why: every development split is at 100 %, yet the held-out list still misses two messages.
A hand-written case tests one wording; a rewrite that must not change the answer tests the
rule behind it. If a message's order number is X, a customer writing the same message with
full-width digits, a label typo, a filler word before it or the number on a line of its own
still means X; a message with no order still has none. This script takes every case of the
development splits it is given, applies named rewrites that keep the answer, runs every
variant through the extractor COMPONENT alone (no model, as `bench.order_dev --grammar` does,
so thousands of variants take seconds) and counts the variants whose answer changed, by
rewrite and by the original case's class (the split and its `class=` axis or `# ---` section).

    PYTHONPATH=. .venv/bin/python -m bench.order_metamorphic bench/data/order_numbers_dev*.yml
    PYTHONPATH=. .venv/bin/python -m bench.order_metamorphic bench/data/order_numbers_dev*.yml \
        --errors 3 --json var/metamorphic.json

Only development splits (`*_dev*.yml`) are read; held-out files are refused unopened.

Rewrites of the order number (only where the number stands in the message as one literal
token, its characters being exactly the expected id once folded to half-width upper-case;
spaced, spelt, corrected-by-typo ids are left alone, and so are ids inside a link, where a
customer never retypes them):

- `fullwidth-id`: its digits and letters in full-width (２０２４, ＤＤ).
- `lowercase-id`: its letters in lower case (ids with letters only).
- `split-<n>-<sep>`: the id typed in groups of n = 2, 3, 4 or 5 (a letter prefix of one to
  four letters its own group, a last group of one digit kept with the one before) joined by a
  space, dash, dot, middle dot, slash, ideographic space or a line break. Decisions on where
  the invariance holds: only ids of eight digits or more ("fewer than eight digits in spaced
  groups with no order word are no order", round eleven); only ids typed in ASCII or
  full-width characters (nobody breaks circled or keycap digits into groups); only ids with
  no letter or digit next to them across blanks ("订单号 2893 7461 5023 20241125": grouped,
  the date after it is one more group, and "… 674 x3", "… 023\n2. 问题" likewise); groups
  of 2 joined by a dot are left out ("20.24.11.23" reads as a date or a version number).
- `wrap-<kind>`: the id inside 「」, “”, "", 【】, ``, or between two emoji (👉 … 🙏).
- `own-line`: the id on a line of its own (line breaks instead of the spaces around it).
  Neither this nor the `-newline` splits for an id in a row of a pasted table (a bar or a
  tab on its line): a line break there breaks the table, it keeps no meaning.

Rewrites of the whole message (every case, with or without an order):

- `fullwidth-all` / `lowercase-all`: every ASCII character in full-width (space stays) / every
  letter in lower case: a phone keyboard left in full-width or lower-case mode. Not for
  messages with a link (a full-width link is no link).
- `traditional` / `traditional-tw`: OpenCC s2t / s2twp (Taiwan phrases), the conversions the
  grammar and the bot's script handling use.
- `typo-定单` / `typo-丁单` / `typo-订单好`: 订单 typed 定单 (a homophone, even a real word) or
  丁单 (a pinyin slip), 订单号 typed 订单好. Decision: a misspelt label still labels the order
  (round twelve's header agreed).
- `filler-额` / `filler-那个` / `filler-您好`: 额 , 那个 , 您好， before the message.
- `trailing-！！` / `trailing-？？` / `trailing-~~` / `trailing-emoji`: punctuation or 😭🙏 after it.
- `repeat-newline` / `repeat-space`: the whole message sent twice in one (pasted twice).
- `plus-phone` / `plus-amount` / `plus-date` / `plus-tracking`: a clearly labelled clause
  appended: 我的手机号是13912345678, 一共付了299元, 2024年11月23日买的, 快递单号SF1234567890123.
  Their numbers are labelled or shaped so that no reading of the spec makes them the order.

The variant's expected answer is the original's, and a variant is right when the extractor's
distinct order ids are exactly [expected] (or nothing), as the development test reads them.

Where a rewrite still changes the answer by design (docs/order_numbers.md, "Metamorphic
round"): a stray tail ("订单号为2024112355 67") is only read at the very end of a message,
so anything appended or a repeat cuts it off; a letter prefix "wx" parted from the digits by
a blank is WeChat's label (round eleven), not a prefix; a last group shorter than the others
before a counter ("58392 01746 52 件衫") stays a quantity.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import yaml
from opencc import OpenCC

from bench.order_dev import component_order_ids

_S2T = OpenCC("s2t")
_S2TWP = OpenCC("s2twp")
_ID_CHAR = re.compile(r"[A-Z0-9]")
_PREFIXED_DIGITS = re.compile(r"([A-Z]{0,4})([0-9]+)")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)+/)[!-~]+", re.IGNORECASE)
_BLANKS = " \t\n\r\u3000"
_TYPED = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


@dataclass(frozen=True)
class DevCase:
    """One development case and the class its misses are counted under."""

    split: str
    text: str
    expected: Optional[str]
    klass: str


@dataclass(frozen=True)
class Variant:
    """A rewrite of a case that must keep the case's answer."""

    case: DevCase
    rewrite: str
    text: str


# --- reading the splits


def _section_of(lines: Sequence[str], line_no: int) -> str:
    """The last `# --- section` comment above a line, or "-" when there is none."""
    for line in reversed(lines[:line_no]):
        if line.startswith("# ---"):
            return line[5:].strip() or "-"
    return "-"


def read_cases(path: Path) -> List[DevCase]:
    """The cases of one development split with their class; held-out files are refused."""
    if "_dev" not in path.name:
        raise SystemExit(f"{path.name} is not a development split (*_dev*.yml): refused")
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    split = path.stem.replace("order_numbers_", "")
    node = yaml.compose(source)
    cases = []
    for item in node.value if node is not None else []:
        data = yaml.safe_load(yaml.serialize(item))
        axes = dict(
            part.split("=", 1) for part in str(data.get("axes") or "").split() if "=" in part
        )
        if "class" in axes:
            klass = axes["class"]
        elif axes:
            klass = "grammar"
        else:
            klass = _section_of(lines, item.start_mark.line)
        expected = None if data["expected"] is None else str(data["expected"])
        cases.append(DevCase(split, str(data["text"]), expected, f"{split}:{klass}"))
    return cases


# --- where the order number stands


def _fold(char: str) -> str:
    """One character as the id compares it: half-width, upper-case (if that keeps one char)."""
    folded = unicodedata.normalize("NFKC", char)
    return folded.upper() if len(folded) == 1 else "\0"


def id_spans(text: str, expected: Optional[str]) -> List[Tuple[int, int]]:
    """Where the expected id stands in the text as one literal token (none if it is spaced,
    spelt or typed with look-alikes): the rewrites of the id only touch these spans."""
    if not expected:
        return []
    folded = "".join(_fold(c) for c in text)
    spans = []
    for match in re.finditer(re.escape(expected), folded):
        start, end = match.span()
        before = folded[start - 1] if start else ""
        after = folded[end] if end < len(folded) else ""
        if not _ID_CHAR.fullmatch(before or "-") and not _ID_CHAR.fullmatch(after or "-"):
            spans.append((start, end))
    links = [m.span() for m in _LINK.finditer(text)]
    return [s for s in spans if not any(a <= s[0] < b for a, b in links)]


def _rewrite_ids(
    text: str, spans: Sequence[Tuple[int, int]], rewrite: Callable[[str], Optional[str]]
) -> Optional[str]:
    """The text with every span of the id rewritten, or None when the rewrite does not apply."""
    if not spans:
        return None
    out, last = [], 0
    for start, end in spans:
        new = rewrite(text[start:end])
        if new is None:
            return None
        out += [text[last:start], new]
        last = end
    return "".join(out) + text[last:]


# --- rewrites of the id


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation in full-width; spaces and the rest unchanged."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _lowercase_id(raw: str) -> Optional[str]:
    return raw.lower() if any(c.isalpha() for c in raw) else None


def _grouped(raw: str, size: int, sep: str) -> Optional[str]:
    """The id in groups of `size`: letter prefix apart, a last lone digit kept with its group."""
    if not _TYPED.fullmatch(raw):
        return None
    folded = "".join(_fold(c) for c in raw)
    match = _PREFIXED_DIGITS.fullmatch(folded)
    if match is None or len(match.group(2)) < max(8, 2 * size):
        return None
    prefix_len = len(match.group(1))
    digits = raw[prefix_len:]
    groups = [digits[i : i + size] for i in range(0, len(digits), size)]
    if len(groups[-1]) == 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    if prefix_len:
        groups.insert(0, raw[:prefix_len])
    return sep.join(groups)


def _stands_apart(text: str, span: Tuple[int, int]) -> bool:
    """No letter or digit next to the id across blanks: split in groups, the id would take
    it in as one more group ("订单号 2893 7461 5023 20241125", a date after it)."""
    before = text[: span[0]].rstrip(_BLANKS)[-1:]
    after = text[span[1] :].lstrip(_BLANKS)[:1]
    return not any(c and _ID_CHAR.fullmatch(_fold(c)) for c in (before, after))


def _own_line(text: str, spans: Sequence[Tuple[int, int]]) -> Optional[str]:
    """The id on a line of its own: spaces around it become line breaks, or breaks are added."""
    if len(spans) != 1:
        return None
    start, end = spans[0]
    head = text[:start].rstrip(" \t\u3000")
    tail = text[end:].lstrip(" \t\u3000")
    head = head if not head or head.endswith("\n") else head + "\n"
    tail = tail if not tail or tail.startswith("\n") else "\n" + tail
    return head + text[start:end] + tail


SEPARATORS = {
    "space": " ",
    "dash": "-",
    "dot": ".",
    "middot": "·",
    "slash": "/",
    "ideographic": "\u3000",
    "newline": "\n",
}
WRAPPERS = {
    "「」": ("「", "」"),
    "“”": ("“", "”"),
    '""': ('"', '"'),
    "【】": ("【", "】"),
    "``": ("`", "`"),
    "emoji": ("👉", "🙏"),
}

IdRewrite = Callable[[str], Optional[str]]


def _wrap(left: str, right: str) -> IdRewrite:
    return lambda raw: left + raw + right


def _split(size: int, sep: str) -> IdRewrite:
    return lambda raw: _grouped(raw, size, sep)


def id_rewrites() -> Dict[str, IdRewrite]:
    """The named rewrites of the id itself (see the module docstring)."""
    rewrites: Dict[str, IdRewrite] = {
        "fullwidth-id": fullwidth,
        "lowercase-id": _lowercase_id,
    }
    for size in (2, 3, 4, 5):
        for name, sep in SEPARATORS.items():
            if not (size == 2 and name == "dot"):
                rewrites[f"split-{size}-{name}"] = _split(size, sep)
    for name, (left, right) in WRAPPERS.items():
        rewrites[f"wrap-{name}"] = _wrap(left, right)
    return rewrites


# --- rewrites of the whole message

MessageRewrite = Callable[[str], Optional[str]]


def _if_has(word: str, old: str, new: str) -> MessageRewrite:
    return lambda text: text.replace(old, new) if word in text else None


def _appended(clause: str) -> MessageRewrite:
    def append(text: str) -> str:
        body = text.rstrip()
        return body + ("" if body[-1:] in "，。！？,.!?\n" else "，") + clause

    return append


def _no_link(rewrite: MessageRewrite) -> MessageRewrite:
    return lambda text: None if _URL.search(text) else rewrite(text)


def message_rewrites() -> Dict[str, MessageRewrite]:
    """The named rewrites of the whole message (see the module docstring)."""
    return {
        "fullwidth-all": _no_link(fullwidth),
        "lowercase-all": _no_link(lambda text: text.lower() if text != text.lower() else None),
        "traditional": lambda text: _S2T.convert(text),
        "traditional-tw": lambda text: _S2TWP.convert(text),
        "typo-定单": _if_has("订单", "订单", "定单"),
        "typo-丁单": _if_has("订单", "订单", "丁单"),
        "typo-订单好": _if_has("订单号", "订单号", "订单好"),
        "filler-额": lambda text: "额 " + text,
        "filler-那个": lambda text: "那个 " + text,
        "filler-您好": lambda text: "您好，" + text,
        "trailing-！！": lambda text: text + "！！",
        "trailing-？？": lambda text: text + "？？",
        "trailing-~~": lambda text: text + "~~",
        "trailing-emoji": lambda text: text + "😭🙏",
        "repeat-newline": lambda text: text + "\n" + text,
        "repeat-space": lambda text: text + " " + text,
        "plus-phone": _appended("我的手机号是13912345678"),
        "plus-amount": _appended("一共付了299元"),
        "plus-date": _appended("2024年11月23日买的"),
        "plus-tracking": _appended("快递单号SF1234567890123"),
    }


def _in_table_row(text: str, span: Tuple[int, int]) -> bool:
    """The id stands in a row of a pasted table (a markdown bar or a tab on its line)."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    line = text[start : len(text) if end < 0 else end]
    return "|" in line or "\t" in line


def variants(case: DevCase) -> List[Variant]:
    """Every rewrite of a case that applies to it and changes its text."""
    found = []
    spans = id_spans(case.text, case.expected)
    apart = [span for span in spans if _stands_apart(case.text, span)]
    # a line break inside a table's row breaks the table: no rewrite that keeps its meaning
    unbroken = [span for span in spans if not _in_table_row(case.text, span)]
    for name, rewrite in id_rewrites().items():
        targets = apart if name.startswith("split") else spans
        if name.endswith("-newline"):
            targets = [span for span in targets if span in unbroken]
        text = _rewrite_ids(case.text, targets, rewrite)
        if text is not None and text != case.text:
            found.append(Variant(case, name, text))
    own_line = _own_line(case.text, spans) if unbroken == spans else None
    if own_line is not None and own_line != case.text:
        found.append(Variant(case, "own-line", own_line))
    for name, message_rewrite in message_rewrites().items():
        text = message_rewrite(case.text)
        if text is not None and text != case.text:
            found.append(Variant(case, name, text))
    return found


# --- running and counting


def _answer(case: DevCase) -> List[str]:
    return [] if case.expected is None else [case.expected]


def run(paths: Sequence[Path], only: Optional[str] = None) -> Dict[str, object]:
    """Every variant through the component: totals, misses by rewrite and by class, the misses."""
    cases = [case for path in paths for case in read_cases(path.resolve())]
    originals = component_order_ids([case.text for case in cases])
    passing = [case for case, got in zip(cases, originals, strict=True) if got == _answer(case)]
    all_variants = [
        variant
        for case in passing
        for variant in variants(case)
        if only is None or re.search(only, variant.rewrite)
    ]
    got = component_order_ids([variant.text for variant in all_variants])
    by_rewrite: Counter[str] = Counter()
    by_rewrite_total: Counter[str] = Counter()
    by_class: Counter[str] = Counter()
    by_class_total: Counter[str] = Counter()
    misses = []
    for variant, ids in zip(all_variants, got, strict=True):
        by_rewrite_total[variant.rewrite] += 1
        by_class_total[variant.case.klass] += 1
        if ids != _answer(variant.case):
            by_rewrite[variant.rewrite] += 1
            by_class[variant.case.klass] += 1
            misses.append(
                {
                    "rewrite": variant.rewrite,
                    "class": variant.case.klass,
                    "original": variant.case.text,
                    "text": variant.text,
                    "expected": variant.case.expected,
                    "got": ids,
                }
            )
    return {
        "cases": len(cases),
        "original_misses": len(cases) - len(passing),
        "variants": len(all_variants),
        "misses": len(misses),
        "by_rewrite": {k: [by_rewrite[k], n] for k, n in sorted(by_rewrite_total.items())},
        "by_class": {k: [by_class[k], n] for k, n in sorted(by_class_total.items()) if by_class[k]},
        "errors": misses,
    }


def report(result: Dict[str, object], examples: int) -> None:
    """Print the totals, the rewrites and classes that missed (worst first) and some misses."""
    variants_n, misses_n = int(result["variants"]), int(result["misses"])  # type: ignore[call-overload]
    print(
        f"{result['cases']} cases ({result['original_misses']} missed before any rewrite), "
        f"{variants_n} variants, {misses_n} changed the answer "
        f"({(variants_n - misses_n) / max(variants_n, 1):.4f} kept)"
    )
    by_rewrite: Dict[str, List[int]] = result["by_rewrite"]  # type: ignore[assignment]
    by_class: Dict[str, List[int]] = result["by_class"]  # type: ignore[assignment]
    print("by rewrite (misses/variants):")
    for name, (n, total) in sorted(by_rewrite.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print(f"  {name}: {n}/{total}")
    print("by class of the original case (misses/variants), classes with misses:")
    for name, (n, total) in sorted(by_class.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print(f"  {name}: {n}/{total}")
    shown: Counter[str] = Counter()
    errors: List[Dict[str, object]] = result["errors"]  # type: ignore[assignment]
    for error in errors:
        if shown[str(error["rewrite"])] < examples:
            shown[str(error["rewrite"])] += 1
            print(
                f"  [{error['rewrite']}] {error['text']!r}: expected {error['expected']}, "
                f"got {', '.join(error['got']) or None}"  # type: ignore[arg-type]
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="order_numbers_dev*.yml files")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses per rewrite")
    parser.add_argument("--json", type=Path, help="write the figures and every miss here")
    parser.add_argument("--only", help="a regex: run only the rewrites whose name it finds")
    args = parser.parse_args()
    result = run(args.files, args.only)
    report(result, args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The veto table and its pattern-only rows (`Shape`), split out of severity_context.py."""

import re

import pytest

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_context import CHECKS, RULING_VETOES, VETOES, veto
from bot.triage.severity_words import combos


def _context(text: str, hit: str) -> Context:
    start = text.index(hit)
    return Context.around(text, hit, start, start + len(hit))


def test_every_veto_named_in_the_table_exists_and_every_check_is_used():
    named = {name for names in VETOES.values() for name in names}
    assert named == set(CHECKS)
    assert RULING_VETOES <= named


def test_a_shape_needs_every_pattern_and_none_of_the_unless_patterns():
    shape = Shape(
        "example",
        "for the test",
        needs=(("before", re.compile("没有$")), ("sentence", re.compile("还好"))),
        unless=(("text_without_hit", re.compile("烫")),),
        hits=frozenset({"受伤"}),
    )
    assert shape(_context("还好，没有受伤", "受伤"))
    assert not shape(_context("没有受伤", "受伤"))  # a needed pattern missing
    assert not shape(_context("还好，没有受伤，就是烫红了", "受伤"))  # an unless pattern found
    assert not shape(_context("还好，没有冒烟", "冒烟"))  # not one of its hits
    assert by_name(shape) == {"example": shape}


def test_the_sentence_without_the_hit_does_not_count_the_hit_itself():
    c = _context("烫伤了", "烫伤")
    assert c.part("sentence_without_hit") == "了"
    assert c.part("text_without_hit") == "了"
    assert c.part("before") == ""


@pytest.mark.parametrize(
    ("reason", "text", "hit", "expected"),
    [
        ("injury", "还好没有受伤", "受伤", "negated"),
        ("injury", "孩子受伤了", "受伤", None),
        ("legal", "我朋友是律师，她也买了这个", "律师", "someones_job"),
        ("legal", "我朋友是律师，你们看着办", "律师", None),
        ("group", "我和邻居都买了，都坏了", "邻居都", "pair"),
        ("media", "这个颜色上热搜了吗", "上热搜", "plain_question"),
        ("media", "你们不怕我曝光吗", "曝光", None),
    ],
)
def test_veto_reports_the_first_veto_that_applies(reason, text, hit, expected):
    assert veto(reason, _context(text, hit)) == expected


def test_combos_keeps_the_order_of_nested_loops():
    assert combos(("气得", "气到"), "晕倒") == ["气得晕", "气得倒", "气到晕", "气到倒"]
    assert combos(("", "们"), ("都",)) == ["都", "们都"]

"""The order-number grammar composes what it says: known answers, every axis value, no chance.

Why these: the grammar is a development source whose expected ids are known by construction;
if it drifted (a seed giving other cases, an answer off the contract, an axis never drawn)
the figures measured on it would mean nothing.
"""

import re
from collections import Counter

import yaml

from bench.order_grammar import AXES, NULL_KINDS, SEPARATORS, generate, stratified, to_yaml

CONTRACT = re.compile(r"^(?=.*[0-9])[A-Z0-9]{6,24}$")


def test_the_same_seed_gives_the_same_cases_and_another_seed_others():
    first, again, other = generate(300, 5), generate(300, 5), generate(300, 6)
    assert [c.text for c in first] == [c.text for c in again]
    assert [c.text for c in first] != [c.text for c in other]


def test_every_expected_id_is_of_the_spec_and_a_quarter_have_none():
    cases = generate(2000, 7)
    assert all(CONTRACT.match(c.expected) for c in cases if c.expected is not None)
    share = sum(c.expected is None for c in cases) / len(cases)
    assert 0.2 < share < 0.3


def test_the_stratified_sample_draws_every_value_of_the_main_axes():
    cases = stratified(400, seed=10)
    seen = Counter((k, v) for case in cases for k, v in case.axes.items())
    for axis in ("label_pos", "position", "script", "wrap", "width"):
        assert all(seen[(axis, value)] for value in AXES[axis]), axis
    assert all(seen[("null_kind", kind)] for kind in NULL_KINDS)
    # separators bend to the id's shape, but each is still drawn
    assert sum(1 for sep in SEPARATORS if seen[("sep", sep)]) == len(SEPARATORS)
    assert sum(c.expected is None for c in cases) == 100


def test_the_yaml_reads_back_as_the_cases_invisible_spaces_included():
    cases = generate(200, 3)
    loaded = yaml.safe_load(to_yaml(cases))
    assert [(c["text"], c["expected"]) for c in loaded] == [(c.text, c.expected) for c in cases]


def test_version_one_is_the_default_and_version_two_adds_every_scene():
    """Old seeds keep their cases; version 2 mixes in each whole-message scene."""
    from bench.order_grammar_scenes import SCENES

    assert [c.text for c in generate(300, 11)] == [c.text for c in generate(300, 11, version=1)]
    mixed = generate(3000, 21, version=2)
    scenes = Counter(c.axes.get("scene") for c in mixed)
    assert set(SCENES) <= set(scenes)
    assert 0.3 < sum(scenes[name] for name in SCENES) / len(mixed) < 0.5
    assert all(CONTRACT.match(c.expected) for c in mixed if c.expected is not None)
    assert 0.2 < sum(c.expected is None for c in mixed) / len(mixed) < 0.3


_NUMERAL_DIGITS = {
    **dict.fromkeys("零〇洞", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两兩贰貳", "2"),
    **dict.fromkeys("三叁", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七拐柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九勾玖", "9"),
}


def test_a_numerals_scene_reads_back_as_its_expected_digits():
    """Read independently: from the first numeral, digit by digit, to a comma before words."""
    from bench.order_grammar_scenes import compose_scene

    numeral = "[0-9" + "".join(_NUMERAL_DIGITS) + "]"
    rng = __import__("random").Random(4)
    for _ in range(200):
        case = compose_scene(rng, False, "numerals")
        number = case.text[re.search(numeral, case.text).start() :]
        pieces = number.split("，")
        spoken = [
            p
            for i, p in enumerate(pieces)
            if re.fullmatch(f"(?:{numeral}| )+", "".join(pieces[: i + 1]))
        ]
        digits = "".join(_NUMERAL_DIGITS.get(c, c) for c in "".join(spoken) if c != " ")
        assert digits == case.expected, case.text


def test_a_correction_of_the_last_digits_changes_only_those():
    from bench.order_grammar_scenes import compose_scene

    rng = __import__("random").Random(5)
    seen = 0
    for _ in range(300):
        case = compose_scene(rng, False, "correction")
        if case.axes["variant"] not in ("last-digit", "last-n"):
            continue
        seen += 1
        wrong = re.search(r"[0-9]{12,}", case.text).group()
        assert len(wrong) == len(case.expected) and wrong != case.expected
        assert wrong[:-4] == case.expected[:-4]
    assert seen > 50

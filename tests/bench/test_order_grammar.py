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

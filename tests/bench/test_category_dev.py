"""bench.category_dev: the split is well formed, scored as nlu_eval scores, and never trained on."""

import difflib
from collections import Counter
from pathlib import Path

import pytest

from bench.category_dev import evaluate, load_split
from bench.model_selection import load_examples
from bench.nlu_eval import Example
from bot.nlu.triage_classifier import _prepare
from bot.taxonomy import CATEGORIES, REMEDIES

ROOT = Path(__file__).resolve().parents[2]
# every category development split: each must stay well formed and never trained on
SPLITS = ["category_dev.yml", "category_dev2.yml", "category_dev3.yml"]
# splits on one angle (not every category evenly): never trained on, but not balanced
ANGLE_SPLITS = ["category_dev4.yml", "category_dev5.yml", "category_dev6.yml", "category_dev7.yml",
                 "category_dev8.yml"]


@pytest.fixture(scope="module", params=SPLITS)
def split(request):
    return load_split(ROOT / "bench" / "data" / request.param)


def test_the_split_has_every_category_and_mostly_stated_remedies(split):
    categories = Counter(e.category for e in split)
    assert {e.intent for e in split} == {"complain"}
    assert set(categories) == set(CATEGORIES)
    assert all(25 <= n <= 35 for n in categories.values())
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)
    assert 0.45 <= sum(1 for e in split if e.remedy) / len(split) <= 0.7
    assert len({_prepare(e.text) for e in split}) == len(split)


@pytest.mark.parametrize("name", SPLITS + ANGLE_SPLITS)
def test_no_training_example_is_close_to_a_split_message(name):
    # the split only measures what data/nlu teaches if none of its messages (or a close
    # paraphrase) is trained on: difflib ratio above 0.75 on the normalised texts
    dev = [_prepare(e.text) for e in load_split(ROOT / "bench" / "data" / name)]
    close = []
    for example in load_examples(ROOT / "data" / "nlu"):
        matcher = difflib.SequenceMatcher(None, "", example.key)
        for text in dev:
            matcher.set_seq1(text)
            if (
                matcher.real_quick_ratio() > 0.75
                and matcher.quick_ratio() > 0.75
                and matcher.ratio() > 0.75
            ):
                close.append((example.text, text))
    assert close == []


def parse(intent, category=None, remedy=None, head=None):
    entities = [{"entity": "issue_category", "value": category}] if category else []
    entities += [{"entity": "desired_remedy", "value": remedy}] if remedy else []
    return {
        "intent": {"name": intent},
        "entities": entities,
        "complaint_triage": {"category": {"code": head or category}},
    }


def test_evaluate_counts_a_missing_or_wrong_entity_and_a_false_remedy_as_misses():
    examples = [
        Example("a", "complain", "logistics", "reship"),
        Example("b", "complain", "logistics", None),
        Example("c", "complain", "account", None),
        Example("d", "complain", "account", "apology"),
    ]
    parsed = [
        parse("complain", "logistics", "reship"),
        parse("inform", None, None, head="logistics"),  # no entity: a miss, head right
        parse("complain", "logistics", "refund"),  # wrong category, remedy named for none
        parse("complain", "account", None),  # remedy not found
    ]
    result = evaluate(examples, parsed)
    category, remedy = result["category"], result["remedy"]
    assert category["accuracy"] == 0.5
    assert category["head_accuracy"] == 0.75
    assert category["coverage"] == 0.75
    assert category["intent_complain"] == 0.75
    assert category["per_category"]["logistics"]["precision"] == 0.5
    assert category["per_category"]["account"]["recall"] == 0.5
    assert [(e["text"], e["got"], e["head"]) for e in category["errors"]] == [
        ("b", "(none)", "logistics"),
        ("c", "logistics", "logistics"),
    ]
    assert remedy["accuracy"] == 0.5
    assert remedy["with_remedy"]["accuracy"] == 0.5
    assert remedy["without_remedy"]["accuracy"] == 0.5
    assert dict(result["remedy_confusions"]) == {"(none) -> refund": 1, "apology -> (none)": 1}

"""The order-number development set (bench/data/order_numbers_dev.yml) must be 100% right.

The held-out files (order_numbers*.yml) are for bench/nlu_eval.py only; this runs the
development cases through the Rasa component exactly as the evaluation reads a parse: the
distinct `order_id` values, most confident first, must be the expected id or nothing.
"""

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entity_extractor import ComplaintEntityExtractor

DEV = Path(__file__).resolve().parents[3] / "bench" / "data" / "order_numbers_dev.yml"
CASES = yaml.safe_load(DEV.read_text(encoding="utf-8"))


def order_ids(extractor, text):
    message = Message(data={"text": text})
    extractor.process([message])
    found = [e for e in message.get("entities") or [] if e["entity"] == "order_id"]
    found.sort(key=lambda e: -float(e.get("confidence_entity") or 1.0))
    values = []
    for entity in found:
        if str(entity["value"]) not in values:
            values.append(str(entity["value"]))
    return values


@pytest.fixture(scope="module")
def extractor():
    return ComplaintEntityExtractor({})


def test_the_dev_set_is_large_and_varied():
    assert len(CASES) >= 100
    assert sum(1 for case in CASES if case["expected"] is None) >= 25


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_dev_case(extractor, case):
    want = [] if case["expected"] is None else [str(case["expected"])]
    assert order_ids(extractor, case["text"]) == want, case["text"]


def test_dev_set_accuracy_is_100_percent(extractor):
    wrong = [
        case["text"]
        for case in CASES
        if order_ids(extractor, case["text"])
        != ([] if case["expected"] is None else [str(case["expected"])])
    ]
    assert wrong == []

"""bench.triage_dev: what it refuses to read and how it scores the API's answers."""

from pathlib import Path

import pytest

from bench.common import dev_split_cases
from bench.triage_dev import by_source, got, score


def case(category, remedy, urgent, reasons=(), order=None, source="email"):
    return {
        "text": f"{category}/{remedy}",
        "category": category,
        "remedy": remedy,
        "order": order,
        "urgent": urgent,
        "reasons": list(reasons),
        "source": source,
    }


def answer(category, remedy, urgent, reasons=(), order=None):
    return {
        "issue_category": {"value": category, "confidence": 0.9},
        "desired_remedy": {"value": remedy, "confidence": 0.9},
        "severity": {"value": "urgent" if urgent else "normal", "confidence": 1.0},
        "severity_reasons": list(reasons),
        "emotion": {"value": "calm", "confidence": 0.5},
        "order_id": {"value": order, "confidence": 1.0 if order else 0.0},
    }


def test_held_out_files_are_refused_unread(tmp_path: Path):
    held_out = tmp_path / "severity_eval.yml"  # never created: refused before opening
    with pytest.raises(SystemExit, match="not a development split"):
        dev_split_cases(held_out)


def test_scores_each_field_and_urgent_recall_and_precision():
    cases = [
        case("logistics", "reship", False, order="202411235567"),
        case("product_quality", None, True, ["injury"], source="hotline"),
        case("refund_payment", "refund", False, source="hotline"),
    ]
    results = [
        got(answer("logistics", "reship", False, order="202411235567")),
        got(answer("product_quality", "refund", True, ["injury", "media"])),
        got(answer("other", "refund", True, ["media"])),
    ]

    figures = score(cases, results)

    assert figures["category_accuracy"] == pytest.approx(2 / 3)
    assert figures["remedy_accuracy"] == pytest.approx(2 / 3)
    assert figures["order_accuracy"] == 1.0
    assert (figures["urgent_recall"], figures["urgent_precision"]) == (1.0, 0.5)
    assert figures["urgent_reasons_exact"] == 0.0
    assert [m["wrong"] for m in figures["misses"]] == [["remedy"], ["category", "urgent"]]
    assert {s: f["cases"] for s, f in by_source(cases, results).items()} == {
        "email": 1,
        "hotline": 2,
    }

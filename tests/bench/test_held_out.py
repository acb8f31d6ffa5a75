"""Held-out reports count errors by kind and never carry the held-out text."""

import json

import pytest

from bench import dialogue_sim, held_out, nlu_eval
from bench.nlu_eval import Example

SECRET = "保温杯的盖子拧不紧"


def _parse(intent: str, **entities: str) -> dict:
    return {
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": k, "value": v} for k, v in entities.items()],
    }


def _nlu_results() -> dict:
    examples = [
        Example(SECRET, "complain", "product_quality", None),
        Example("杯子碎了", "complain", "logistics", "reship"),
        Example("好的", "affirm", None, None),
    ]
    parsed = [
        _parse("inform"),
        _parse("complain", issue_category="logistics", desired_remedy="refund"),
        _parse("affirm"),
    ]
    orders = [
        {"text": f"{SECRET} 订单 778899001122", "expected": "778899001122", "file": "a.yml"},
        {"text": "电话 13800138000", "expected": None, "file": "a.yml"},
    ]
    order_parsed = [_parse("complain"), _parse("inform", order_id="13800138000")]
    severity = [
        {"text": SECRET + " 烫伤了", "urgent": True, "reasons": ["injury"], "file": "s.yml"}
    ]
    return nlu_eval.counted_results(examples, parsed, orders, order_parsed, severity)


def test_confusions_count_pairs_most_frequent_first():
    errors = [
        {"text": "a", "expected": "cancel", "got": "deny"},
        {"text": "b", "expected": "handoff", "got": None},
        {"text": "c", "expected": "cancel", "got": "deny"},
    ]
    assert held_out.confusions(errors) == [
        {"expected": "cancel", "got": "deny", "count": 2},
        {"expected": "handoff", "got": "(none)", "count": 1},
    ]


@pytest.mark.parametrize(
    "expected, got, kind",
    [
        ("202411235567", "202411235567, 13800138000", "extracted the right number and another"),
        ("202411235567", "13800138000, 20241123", "extracted several other numbers"),
        ("JD298374651030", "298374651030", "the right digits with other letters"),
        ("202411235567", "2024112355", "cut short (part of the right number)"),
        ("202411235567", "2024112355672", "ran on (the right number and more)"),
        ("202411235567", "SF1402558891", "extracted a different number"),
    ],
)
def test_a_wrong_number_is_classed_by_how_it_relates_to_the_right_one(expected, got, kind):
    assert held_out.order_number_misses([{"expected": expected, "got": got}]) == {kind: 1}


def test_order_number_misses_by_kind():
    errors = [
        {"expected": "A1", "got": None},
        {"expected": None, "got": "13800138000"},
        {"expected": "A1", "got": "A2"},
        {"expected": "B1", "got": None},
    ]
    assert held_out.order_number_misses(errors) == {
        "missed (none extracted)": 2,
        "extracted where there is none": 1,
        "extracted a different number": 1,
    }


def test_nlu_results_keep_figures_and_drop_texts():
    results = _nlu_results()
    assert results["intent"]["errors"] == 1
    assert results["intent"]["confusions"] == [
        {"expected": "complain", "got": "inform", "count": 1}
    ]
    assert results["category"]["accuracy"] == 0.5
    assert results["remedy"]["errors"] == 1
    assert results["order_id"]["misses"] == {
        "missed (none extracted)": 1,
        "extracted where there is none": 1,
    }
    dumped = json.dumps(results, ensure_ascii=False)
    assert SECRET not in dumped and "778899001122" not in dumped and "13800138000" not in dumped


def test_nlu_markdown_shows_counts_not_sentences():
    results = {
        **_nlu_results(),
        "parse_latency_ms": {"p50": 1.0, "p95": 2.0, "messages": 3},
    }
    page = nlu_eval.markdown(results)
    assert "| complain | inform | 1 |" in page
    assert SECRET not in page


def _dialogue_summary() -> dict:
    failed = dialogue_sim.Outcome(id="d042", kind="normal", script="simplified")
    failed.reason, failed.turns = "wrong issue_category", 5
    failed.mismatches = {"issue_category": {"expected": "promotion", "got": "account"}}
    failed.transcript = [f"customer: {SECRET}"]
    passed = dialogue_sim.Outcome(id="d043", kind="cancel", script="traditional")
    passed.success, passed.turns = True, 3
    return dialogue_sim.summarize([failed, passed])


def test_held_out_dialogue_summary_has_no_ids_or_transcripts():
    summary = dialogue_sim.without_scenarios(_dialogue_summary())
    assert summary["task_success"] == 0.5 and summary["failed"] == 1
    assert summary["failure_kinds"] == [
        {
            "kind": "normal",
            "reason": "wrong issue_category",
            "fields": "issue_category",
            "count": 1,
        }
    ]
    for shown in (json.dumps(summary, ensure_ascii=False), dialogue_sim.markdown(summary)):
        assert SECRET not in shown and "d042" not in shown and "promotion" not in shown


def test_development_dialogue_summary_keeps_transcripts():
    page = dialogue_sim.markdown(_dialogue_summary())
    assert "d042" in page and SECRET in page

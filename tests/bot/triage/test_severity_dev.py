"""Severity on the development set (bench/data/severity_dev.yml): urgent recall must be 1.0.

The held-out files (severity_*.yml) are for bench/nlu_eval.py only. Precision and the exact
reasons are checked too, as the evaluation reports them, with the configured threshold.
"""

from pathlib import Path

import pytest
import yaml

from bot.settings import Settings
from bot.triage.severity import assess_severity

DEV = Path(__file__).resolve().parents[3] / "bench" / "data" / "severity_dev.yml"
CASES = yaml.safe_load(DEV.read_text(encoding="utf-8"))
THRESHOLD = Settings.large_amount_threshold  # the default the dev set is written for


def judge(case):
    return assess_severity([case["text"]], None, THRESHOLD)


def test_the_dev_set_covers_every_reason_and_tricky_normals():
    reasons = {reason for case in CASES for reason in case["reasons"]}
    assert reasons == {"injury", "legal", "media", "group", "amount"}
    assert sum(1 for case in CASES if not case["urgent"]) >= 50


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_dev_case(case):
    result = judge(case)
    assert (result.severity == "urgent") == case["urgent"], (case["text"], result.matches)
    assert sorted(result.reasons) == sorted(case["reasons"]), (case["text"], result.matches)


def test_urgent_recall_is_one_and_precision_at_least_0_9():
    tp = fp = fn = 0
    for case in CASES:
        urgent = judge(case).severity == "urgent"
        tp += urgent and case["urgent"]
        fp += urgent and not case["urgent"]
        fn += case["urgent"] and not urgent
    assert fn == 0
    assert tp / (tp + fp) >= 0.9

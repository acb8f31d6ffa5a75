"""The rules combined with the learned head's reasons (`combine_severity`, `learned_severity`)."""

import pytest

from bot.triage.severity import (
    LEARNED_THRESHOLD,
    assess_severity,
    combine_severity,
    learned_severity,
)

THRESHOLD = 2000.0
QUIET = "楼上楼下好几家打开都有虫子"  # no rule fires (好几家 is also shops)


def parse_data(**probabilities):
    ranking = sorted(probabilities.items(), key=lambda item: -item[1])
    return {
        "complaint_triage": {
            "severity": {
                "code": ranking[0][0] if ranking else None,
                "confidence": ranking[0][1] if ranking else 0.0,
                "ranking": [{"code": c, "confidence": p} for c, p in ranking],
            }
        }
    }


def test_the_example_is_normal_for_the_rules():
    assert assess_severity([QUIET], None, THRESHOLD).severity == "normal"


def test_a_sure_head_makes_it_urgent_and_says_why():
    learned = learned_severity(parse_data(group=0.83, injury=0.1, legal=0.05, media=0.02))
    result = assess_severity([QUIET], None, THRESHOLD, [learned])
    assert result.severity == "urgent"
    assert result.reasons == ["group"]
    assert result.matches == {"group": ["learned p=0.83"]}
    assert 0 < result.confidence < 1


def test_below_the_threshold_the_rules_stand():
    learned = {"group": LEARNED_THRESHOLD - 0.01}
    assert assess_severity([QUIET], None, THRESHOLD, [learned]).severity == "normal"
    assert assess_severity([QUIET], None, THRESHOLD, [{"group": LEARNED_THRESHOLD}]).reasons == [
        "group"
    ]


def test_the_head_adds_reasons_and_never_removes_the_rules():
    rules = assess_severity(["孩子被烫伤了"], None, THRESHOLD)
    assert rules.reasons == ["injury"]
    combined = combine_severity(rules, [{"injury": 0.01, "legal": 0.9}, None, {"media": 0.85}])
    assert combined.reasons == ["injury", "legal", "media"]  # spec order
    assert combined.matches["injury"] == rules.matches["injury"]
    assert combined.confidence > rules.confidence
    assert combine_severity(rules, [{"injury": 0.99}]) is rules
    assert combine_severity(rules, []) is rules


def test_the_amount_stays_a_rule():
    result = assess_severity(["三千块的手机坏了"], None, THRESHOLD, [{"amount": 0.1}])
    assert result.reasons == ["amount"]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"complaint_triage": {"category": {"code": "logistics"}}},  # a model without the head
        {"complaint_triage": {"severity": {"code": None, "confidence": 0.0, "ranking": []}}},
        {"complaint_triage": {"severity": {"ranking": [{"code": "fire", "confidence": 0.9}]}}},
        {"complaint_triage": {"severity": {"ranking": [{"code": "legal", "confidence": True}]}}},
    ],
)
def test_parse_data_without_usable_severity_means_rules_alone(data):
    assert learned_severity(data) is None

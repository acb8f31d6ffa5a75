"""bench.compare_models: what counts as a moved prediction."""

from bench.compare_models import compare


def _parsed(intent_confidence, category="logistics", emotion_code="upset"):
    return {
        "intent": {"name": "complain", "confidence": intent_confidence},
        "intent_ranking": [
            {"name": "complain", "confidence": intent_confidence},
            {"name": "deny", "confidence": 1 - intent_confidence},
        ],
        "entities": [{"entity": "issue_category", "value": category}],
        "complaint_triage": {
            "category": {"ranking": [{"code": category, "confidence": 0.9}]},
            "emotion": {"ranking": [{"code": emotion_code, "confidence": 0.7}]},
        },
    }


def test_identical_parses_differ_nowhere():
    result = compare([_parsed(0.8)], [_parsed(0.8)])
    assert result["messages"] == 1
    assert set(result["differ"].values()) == {0}
    assert set(result["max_abs_confidence"].values()) == {0.0}


def test_moved_confidences_and_labels_are_counted():
    result = compare([_parsed(0.8), _parsed(0.8)], [_parsed(0.8), _parsed(0.75, "quality", "calm")])
    assert result["differ"]["intent"] == 0
    assert result["differ"]["entities"] == 1
    assert result["differ"]["category ranking order"] == 1
    assert result["differ"]["emotion ranking order"] == 1
    assert abs(result["max_abs_confidence"]["intent"] - 0.05) < 1e-12
    assert result["max_abs_confidence"]["category"] == 0.9  # its code is not ranked by B

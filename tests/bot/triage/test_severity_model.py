"""The learned severity head: preparation, case files, fitting, storing, predicting."""

from pathlib import Path

import numpy as np
import pytest

from bot.triage.severity_model import (
    LEARNED_REASONS,
    SeverityDataError,
    SeverityHead,
    prepare,
    read_severity_file,
)
from bot.triage.severity_ordinary import ordinary_texts

ROOT = Path(__file__).resolve().parents[3]

CASES = [
    ("孩子被烫伤了", ["injury"]),
    ("手被割破流血了", ["injury"]),
    ("插座冒烟着火了", ["injury"]),
    ("我要去12315投诉", ["legal"]),
    ("找律师起诉你们", ["legal"]),
    ("去消协投诉你们", ["legal"]),
    ("发到微博曝光你们", ["media"]),
    ("找记者曝光", ["media"]),
    ("发抖音让大家看看", ["media"]),
    ("我们小区好多人都买到假货", ["group"]),
    ("群里几十个人都没收到货", ["group"]),
    ("同事们买的全都坏了", ["group"]),
    ("三千块的手机坏了", ["amount"]),
    ("快递三天没更新", []),
    ("颜色发错了想换货", []),
    ("优惠券用不了", []),
    ("退款什么时候到", []),
    ("客服态度太差了", []),
]


@pytest.fixture(scope="module")
def head():
    return SeverityHead.fit([t for t, _ in CASES], [r for _, r in CASES], C=10.0)


def test_prepare_folds_script_digits_and_spaces_between_chinese():
    assert prepare("燙傷 了 12315") == prepare("烫伤了 00000")
    assert prepare("曝 光") == "曝光"
    assert prepare("dy 发视频") == "dy 发视频"  # a space next to Latin text is kept
    assert prepare(None) == ""


def test_ordinary_texts_are_those_without_a_rule_reason_once_each():
    texts = ["撤销投诉", "撤銷投訴", "我要去12315投诉", "掉漆了", "快递三天没更新", ""]
    assert ordinary_texts(texts, known=["快递三天没更新"]) == ["撤销投诉", "掉漆了"]


def test_each_learned_reason_gets_its_own_probability(head):
    legal, injury, calm = head.predict(["我要找律师起诉", "孩子烫伤流血", "想换个颜色"])
    assert set(legal) == set(injury) == set(LEARNED_REASONS)
    assert max(legal, key=legal.__getitem__) == "legal"
    assert max(injury, key=injury.__getitem__) == "injury"
    assert max(calm.values()) < 0.5


def test_text_without_known_ngrams_has_no_verdict(head):
    assert head.predict(["", "zzz"]) == [None, None]
    assert SeverityHead().predict(["律师"]) == [None]


def test_rebuilt_from_its_state_predicts_the_same(head):
    state = {key: np.asarray(value) for key, value in head.state().items()}
    state["reasons"] = [str(r) for r in state["reasons"]]
    state["ngram_range"] = [int(n) for n in state["ngram_range"]]
    text = ["去12315投诉 小区好多人都这样"]
    assert SeverityHead(state).predict(text) == head.predict(text)


def test_sample_weights_change_what_the_head_learns():
    """A case weighted down counts for less (the ordinary pool, bot.triage.severity_ordinary)."""
    texts = [t for t, _ in CASES] + ["孩子烫伤是假的 快递三天没更新"]
    reasons = [r for _, r in CASES] + [[]]
    even = SeverityHead.fit(texts, reasons, C=10.0)
    light = SeverityHead.fit(texts, reasons, C=10.0, weights=[1.0] * len(CASES) + [0.01])
    probe = ["孩子烫伤"]
    assert light.predict(probe)[0]["injury"] > even.predict(probe)[0]["injury"]


def test_every_learned_reason_needs_examples():
    with pytest.raises(SeverityDataError, match="group"):
        SeverityHead.fit(
            [t for t, r in CASES if r != ["group"]], [r for _, r in CASES if r != ["group"]]
        )
    with pytest.raises(ValueError):
        SeverityHead().state()


@pytest.mark.parametrize(
    "body",
    [
        '- {text: "律师", urgent: true, reasons: []}',
        '- {text: "律师", urgent: false, reasons: [legal]}',
        '- {text: "律师", urgent: true, reasons: [lawyer]}',
        "- {urgent: false, reasons: []}",
        "text: not a list",
    ],
)
def test_bad_case_files_are_refused(tmp_path, body):
    path = tmp_path / "cases.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(SeverityDataError):
        read_severity_file(path)


@pytest.mark.parametrize("dev_file", [f"severity_dev{n}.yml" for n in range(4, 22)])
def test_the_dev_split_is_never_training_material(dev_file):
    training = {
        prepare(text)
        for path in sorted((ROOT / "data" / "severity").glob("*.yml"))
        for text, _ in read_severity_file(path)
    }
    dev = [prepare(text) for text, _ in read_severity_file(ROOT / "bench/data" / dev_file)]
    assert training and dev
    assert not training.intersection(dev)

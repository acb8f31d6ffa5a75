"""The compiled triage heads score exactly as scikit-learn does, or are not used."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression

from bot.nlu.fast_head import CharTfidf, compile_head
from bot.nlu.triage_classifier import (
    ComplaintTriageClassifier,
    _features,
    _prepare,
    _scores_as_sklearn,
    last_clause,
)

ROOT = Path(__file__).resolve().parents[3]

# Customer messages unlike the probe texts: Traditional, emoji, long, no known n-gram.
TEXTS = [
    "耳机左边没声音了 要换一个新的",
    "包裹外箱都压扁了，里面的碗碎了两个😭 补发吧",
    "說好的贈品一直沒寄 主播當時明明說有",
    "退款申请了一个星期还没到账？？？",
    "客服爱答不理 问三遍都不回",
    "优惠券没抵扣 差价退我",
    "ＸＹＺ",
    "我" * 300,
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """Both heads trained on the project's own data, as `rasa train` trains them."""
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    data = load_data(str(ROOT / "data" / "nlu"))
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    component = ComplaintTriageClassifier.create(
        {"remedy_tail_weight": 0.5},
        storage,
        Resource("triage"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    component.train(data)
    return component


@pytest.mark.parametrize("name", ["category", "remedy"])
def test_compiled_probabilities_equal_scikit_learns(trained, name):
    head = trained._heads[name]
    compiled = head["compiled"]
    assert compiled is not None
    for text in map(_prepare, TEXTS):
        columns, values = compiled.features(text, last_clause(text))
        features = _features(head, [text])
        assert sorted(columns.tolist()) == sorted(features.indices.tolist()), text
        if not len(columns):
            continue
        expected = head["classifier"].predict_proba(features)[0]
        np.testing.assert_allclose(compiled.probabilities(columns, values), expected, atol=1e-9)


def test_rankings_are_the_same_with_and_without_the_compiled_heads(trained):
    texts = [_prepare(text) for text in TEXTS]
    for name in ("category", "remedy"):
        head = trained._heads[name]
        fast = ComplaintTriageClassifier._rank(head, texts)
        slow = ComplaintTriageClassifier._rank({**head, "compiled": None}, texts)
        assert [[code for code, _ in r] for r in fast] == [[code for code, _ in r] for r in slow]
        for f, s in zip(fast, slow, strict=True):
            np.testing.assert_allclose([p for _, p in f], [p for _, p in s], atol=1e-9)


def test_the_vectoriser_copy_gives_scikit_learns_tfidf(trained):
    vectorizer = trained._heads["category"]["vectorizer"]
    copy = CharTfidf.from_vectorizer(vectorizer)
    for text in map(_prepare, TEXTS):
        columns, values = copy.vector(text)
        expected = vectorizer.transform([text])
        dense = np.zeros(expected.shape[1])
        dense[columns] = values
        np.testing.assert_allclose(dense, expected.toarray()[0], atol=1e-12)


def test_other_models_stay_on_scikit_learn(trained):
    head = dict(trained._heads["category"])
    texts = [(_prepare(t), last_clause(_prepare(t))) for t in TEXTS[:2]]
    features = _features(head, [t for t, _ in texts] * 4)
    logistic = LogisticRegression(max_iter=500).fit(features, head["classes"][:4] * 2)
    assert compile_head({**head, "classifier": logistic}) is None
    isotonic = CalibratedClassifierCV(method="isotonic")
    assert compile_head({**head, "classifier": isotonic}) is None


def test_the_check_against_scikit_learn_catches_a_wrong_copy(trained):
    head = trained._heads["category"]
    compiled = compile_head(head)
    assert compiled is not None and _scores_as_sklearn(compiled, head)
    shifted = dataclasses.replace(compiled, offsets=compiled.offsets + 1e-6)
    assert not _scores_as_sklearn(shifted, head)

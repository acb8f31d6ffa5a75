"""TunableLogisticRegressionClassifier: Rasa's intent classifier with a configurable C."""

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.char_featurizer import MessageCharNgramFeaturizer
from bot.nlu.intent_classifier import TunableLogisticRegressionClassifier
from bot.nlu.tokenizer import NormalizingJiebaTokenizer

EXAMPLES = {
    "greet": ["你好", "在吗", "有人吗", "您好 在不在"],
    "complain": ["快递三天没动了", "耳机右边没声音", "少发了一件", "质量太差了"],
    "send_evidence": ["图片发你了", "照片已经上传了", "截图发过去了", "视频传好了"],
}


def _component(cls, config, model_storage, execution_context, name):
    return cls.create(
        {**cls.get_default_config(), **config}, model_storage, Resource(name), execution_context
    )


def _featurized(examples, model_storage, execution_context, suffix=""):
    """Training data and a featurize(messages) function, through the real components."""
    tokenizer = _component(
        NormalizingJiebaTokenizer, {}, model_storage, execution_context, f"t{suffix}"
    )
    # several featurizers, as config.yml has: the classifier reads their blocks side by side
    featurizers = [
        _component(
            CountVectorsFeaturizer,
            {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
            model_storage,
            execution_context,
            f"f{suffix}",
        ),
        _component(CountVectorsFeaturizer, {}, model_storage, execution_context, f"w{suffix}"),
        _component(MessageCharNgramFeaturizer, {}, model_storage, execution_context, f"m{suffix}"),
    ]
    data = TrainingData(
        [Message(data={"text": t, "intent": i}) for i, texts in examples.items() for t in texts]
    )
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)

    def featurize(texts):
        messages = [Message(data={"text": t}) for t in texts]
        tokenizer.process(messages)
        for featurizer in featurizers:
            featurizer.process(messages)
        return messages

    return data, featurize


@pytest.fixture
def featurized(model_storage, execution_context):
    return _featurized(EXAMPLES, model_storage, execution_context)


def _train(cls, config, data, model_storage, execution_context, name):
    component = _component(cls, config, model_storage, execution_context, name)
    component.train(data)
    return component


def test_default_is_rasas_classifier(featurized, model_storage, execution_context):
    data, featurize = featurized
    ours = _train(
        TunableLogisticRegressionClassifier, {}, data, model_storage, execution_context, "a"
    )
    rasas = _train(LogisticRegressionClassifier, {}, data, model_storage, execution_context, "b")
    assert ours.clf.C == rasas.clf.C == 1.0
    assert ours.clf.class_weight == "balanced"
    np.testing.assert_allclose(ours.clf.coef_, rasas.clf.coef_)


def test_configured_c_is_used_and_sharpens_confidence(featurized, model_storage, execution_context):
    data, featurize = featurized
    soft = _train(
        TunableLogisticRegressionClassifier, {}, data, model_storage, execution_context, "a"
    )
    sharp = _train(
        TunableLogisticRegressionClassifier, {"C": 5}, data, model_storage, execution_context, "b"
    )
    assert sharp.clf.C == 5.0
    texts = ["少发了两件", "照片发你了"]
    low = soft.process(featurize(texts))
    high = sharp.process(featurize(texts))
    for a, b in zip(low, high, strict=True):
        assert a.get("intent")["name"] == b.get("intent")["name"]
        assert b.get("intent")["confidence"] > a.get("intent")["confidence"]


def test_persisted_model_keeps_its_c(featurized, model_storage, execution_context):
    data, featurize = featurized
    trained = _train(
        TunableLogisticRegressionClassifier,
        {"C": 5.0},
        data,
        model_storage,
        execution_context,
        "c",
    )
    loaded = TunableLogisticRegressionClassifier.load(
        {**TunableLogisticRegressionClassifier.get_default_config(), "C": 5.0},
        model_storage,
        Resource("c"),
        execution_context,
    )
    assert loaded.clf.C == 5.0
    message = featurize(["图片发你了"])
    expected = trained.process(featurize(["图片发你了"]))[0].get("intent")
    assert loaded.process(message)[0].get("intent") == expected


# complain has most examples, as in data/nlu; deny and greet a few each
IMBALANCED = {
    "complain": [
        "快递三天没动了",
        "耳机右边没声音",
        "少发了一件",
        "质量太差了",
        "屏幕碎了",
        "充电器坏了",
        "衣服有个洞",
        "收到的杯子裂了",
        "鞋子开胶了",
        "颜色发错了",
        "漏发了配件",
        "商品过期了",
    ],
    "deny": ["不是", "没有", "不对"],
    "greet": ["你好", "在吗", "有人吗"],
}


@pytest.fixture
def imbalanced(model_storage, execution_context):
    """IMBALANCED featurized like `featurized` (own resource names: both may be used)."""
    return _featurized(IMBALANCED, model_storage, execution_context, suffix="2")


def _intents(classifier, featurize, texts):
    return [m.get("intent")["name"] for m in classifier.process(featurize(texts))]


@pytest.mark.parametrize("C", [1.0, 5.0])
def test_unweighted_classes_stop_shrinking_the_large_intent(
    C, imbalanced, model_storage, execution_context
):
    # the colleague's case: a terse negated complaint shares 不/没 with the few denials, and
    # balanced weights (Rasa's) give each denial four times a complaint's weight
    data, featurize = imbalanced
    balanced = _train(
        TunableLogisticRegressionClassifier, {"C": C}, data, model_storage, execution_context, "b"
    )
    plain = _train(
        TunableLogisticRegressionClassifier,
        {"C": C, "class_weight": None},
        data,
        model_storage,
        execution_context,
        "u",
    )
    assert balanced.clf.class_weight == "balanced"
    assert plain.clf.class_weight is None
    assert _intents(balanced, featurize, ["不亮了", "不行", "你好呀"]) == ["deny", "deny", "greet"]
    assert _intents(plain, featurize, ["不亮了", "不行", "你好呀"]) == ["complain", "deny", "greet"]


def test_persisted_model_keeps_its_class_weights(imbalanced, model_storage, execution_context):
    data, featurize = imbalanced
    config = {"C": 5.0, "class_weight": None}
    trained = _train(
        TunableLogisticRegressionClassifier, config, data, model_storage, execution_context, "p"
    )
    loaded = TunableLogisticRegressionClassifier.load(
        {**TunableLogisticRegressionClassifier.get_default_config(), **config},
        model_storage,
        Resource("p"),
        execution_context,
    )
    assert loaded.clf.class_weight is None
    np.testing.assert_allclose(loaded.clf.coef_, trained.clf.coef_)
    expected = trained.process(featurize(["不亮了"]))[0].get("intent")
    assert loaded.process(featurize(["不亮了"]))[0].get("intent") == expected


@pytest.mark.parametrize("value", ["Balanced", "auto", "none", {"complain": 1.0}, 1, True])
def test_invalid_class_weight_is_rejected(value, model_storage, execution_context):
    with pytest.raises(ValueError, match="class_weight must be 'balanced' or null"):
        _component(
            TunableLogisticRegressionClassifier,
            {"class_weight": value},
            model_storage,
            execution_context,
            "x",
        )


@pytest.mark.parametrize("value", [0, -1, "5", None, True])
def test_invalid_c_is_rejected(value, model_storage, execution_context):
    with pytest.raises(ValueError, match="C must be a positive number"):
        _component(
            TunableLogisticRegressionClassifier,
            {"C": value},
            model_storage,
            execution_context,
            "x",
        )


SINGLE = [
    "你好呀",
    "快递到现在都没动",
    "截图发你了",
    "我的耳机没声音了还少发一件",
    "😡😡",
    "ＸＹＺ",
]


def test_one_message_is_scored_as_scikit_learn_scores_it(
    featurized, model_storage, execution_context
):
    data, featurize = featurized
    classifier = _train(
        TunableLogisticRegressionClassifier, {"C": 5.0}, data, model_storage, execution_context, "c"
    )
    for text in SINGLE:
        (message,) = featurize([text])
        assert classifier._single_message_probabilities([message]) is not None
        classifier.process([message])
        (stock,) = featurize([text])
        LogisticRegressionClassifier.process(classifier, [stock])
        assert message.get("intent")["name"] == stock.get("intent")["name"], text
        fast = [(r["name"], r["confidence"]) for r in message.get("intent_ranking")]
        slow = [(r["name"], r["confidence"]) for r in stock.get("intent_ranking")]
        assert [name for name, _ in fast] == [name for name, _ in slow]
        np.testing.assert_allclose([p for _, p in fast], [p for _, p in slow], atol=1e-12)


def test_batches_and_two_class_models_keep_rasas_code(featurized, model_storage, execution_context):
    data, featurize = featurized
    classifier = _train(
        TunableLogisticRegressionClassifier, {}, data, model_storage, execution_context, "b"
    )
    assert classifier._single_message_probabilities(featurize(SINGLE[:2])) is None
    two = TrainingData([m for m in data.training_examples if m.get("intent") != "greet"])
    binary = _train(
        TunableLogisticRegressionClassifier, {}, two, model_storage, execution_context, "2"
    )
    assert binary._single_message_probabilities(featurize(SINGLE[:1])) is None
    (message,) = binary.process(featurize(SINGLE[1:2]))
    assert message.get("intent")["name"] in ("complain", "send_evidence")


MIXED = {"C": 5.0, "complement_nb_weight": 0.2, "complement_nb_alpha": 0.1}


def test_naive_bayes_mixture_is_lr_and_complement_nb_averaged(
    featurized, model_storage, execution_context
):
    from sklearn.naive_bayes import ComplementNB

    data, featurize = featurized
    mixed = _train(
        TunableLogisticRegressionClassifier, MIXED, data, model_storage, execution_context, "n"
    )
    X, y = mixed._create_training_matrix(data)
    nb = ComplementNB(alpha=0.1).fit(X, y)
    batch = mixed.process(featurize(SINGLE))
    for text, message in zip(SINGLE, batch, strict=True):
        (single,) = featurize([text])
        assert mixed._single_message_probabilities([single]) is not None
        mixed.process([single])
        X1 = mixed._create_X(featurize([text]))
        expected = 0.8 * mixed.clf.predict_proba(X1)[0] + 0.2 * nb.predict_proba(X1)[0]
        want = sorted(zip(mixed.clf.classes_, expected, strict=True), key=lambda r: -r[1])
        for got in (single, message):
            ranking = [(r["name"], r["confidence"]) for r in got.get("intent_ranking")]
            assert [n for n, _ in ranking] == [n for n, _ in want], text
            np.testing.assert_allclose([p for _, p in ranking], [p for _, p in want], atol=1e-9)


def test_weight_zero_trains_no_naive_bayes(featurized, model_storage, execution_context):
    data, featurize = featurized
    plain = _train(
        TunableLogisticRegressionClassifier, {"C": 5.0}, data, model_storage, execution_context, "z"
    )
    assert plain.nb_log_prob is None


def test_persisted_mixture_keeps_its_naive_bayes(featurized, model_storage, execution_context):
    data, featurize = featurized
    trained = _train(
        TunableLogisticRegressionClassifier, MIXED, data, model_storage, execution_context, "m"
    )
    loaded = TunableLogisticRegressionClassifier.load(
        {**TunableLogisticRegressionClassifier.get_default_config(), **MIXED},
        model_storage,
        Resource("m"),
        execution_context,
    )
    assert loaded.nb_log_prob is not None
    np.testing.assert_allclose(loaded.nb_log_prob, trained.nb_log_prob)
    for text in SINGLE:
        expected = trained.process(featurize([text]))[0].get("intent_ranking")
        got = loaded.process(featurize([text]))[0].get("intent_ranking")
        assert [r["name"] for r in got] == [r["name"] for r in expected]
        np.testing.assert_allclose(
            [r["confidence"] for r in got], [r["confidence"] for r in expected], atol=1e-12
        )


@pytest.mark.parametrize("value", [-0.1, 1, 1.5, "0.2", True])
def test_invalid_naive_bayes_weight_is_rejected(value, model_storage, execution_context):
    with pytest.raises(ValueError, match="complement_nb_weight must be in"):
        _component(
            TunableLogisticRegressionClassifier,
            {"complement_nb_weight": value},
            model_storage,
            execution_context,
            "x",
        )


SHARP = {**MIXED, "short_message_features": 20, "short_message_sharpening": 2.0}


def test_short_messages_are_sharpened_long_ones_are_not(
    featurized, model_storage, execution_context
):
    # a message with at most short_message_features active features gets p ** power,
    # renormalised, in the single-message and the batch path; a longer one the mixture as is
    data, featurize = featurized
    plain = _train(
        TunableLogisticRegressionClassifier, MIXED, data, model_storage, execution_context, "p"
    )
    sharp = _train(
        TunableLogisticRegressionClassifier, SHARP, data, model_storage, execution_context, "s"
    )
    kinds = set()
    batch = sharp.process(featurize(SINGLE))
    for text, message in zip(SINGLE, batch, strict=True):
        (before,) = plain.process(featurize([text]))
        probabilities = np.array([r["confidence"] for r in before.get("intent_ranking")])
        short = sharp._create_X(featurize([text])).getnnz() <= 20
        kinds.add(short)
        expected = probabilities**2 / (probabilities**2).sum() if short else probabilities
        (single,) = sharp.process(featurize([text]))
        for got in (single, message):
            ranking = got.get("intent_ranking")
            assert [r["name"] for r in ranking] == [r["name"] for r in before.get("intent_ranking")]
            np.testing.assert_allclose([r["confidence"] for r in ranking], expected, atol=1e-9)
        if short:
            assert single.get("intent")["confidence"] > before.get("intent")["confidence"], text
    assert kinds == {True, False}  # the texts cover both sides of the limit


def test_sharpening_works_without_naive_bayes(featurized, model_storage, execution_context):
    data, featurize = featurized
    config = {"C": 5.0, "short_message_features": 1000, "short_message_sharpening": 3.0}
    lr = _train(
        TunableLogisticRegressionClassifier, {"C": 5.0}, data, model_storage, execution_context, "l"
    )
    sharp = _train(
        TunableLogisticRegressionClassifier, config, data, model_storage, execution_context, "k"
    )
    for got in sharp.process(featurize(SINGLE[:3])):
        (before,) = lr.process(featurize([got.get("text")]))
        p = np.array([r["confidence"] for r in before.get("intent_ranking")])
        np.testing.assert_allclose(
            [r["confidence"] for r in got.get("intent_ranking")], p**3 / (p**3).sum(), atol=1e-9
        )


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("short_message_features", -1, "short_message_features must be an integer"),
        ("short_message_features", 2.5, "short_message_features must be an integer"),
        ("short_message_features", True, "short_message_features must be an integer"),
        ("short_message_sharpening", 0.5, "short_message_sharpening must be >= 1"),
        ("short_message_sharpening", "2", "short_message_sharpening must be >= 1"),
    ],
)
def test_invalid_short_message_options_are_rejected(
    option, value, message, model_storage, execution_context
):
    with pytest.raises(ValueError, match=message):
        _component(
            TunableLogisticRegressionClassifier,
            {option: value},
            model_storage,
            execution_context,
            "x",
        )


def test_model_is_stored_as_arrays_not_skops(featurized, model_storage, execution_context):
    data, _ = featurized
    _train(TunableLogisticRegressionClassifier, MIXED, data, model_storage, execution_context, "a")
    with model_storage.read_from(Resource("a")) as model_dir:
        stored = sorted(path.name for path in model_dir.iterdir())
    assert stored == ["complement_nb.npz", "logistic_regression.npz"]


def test_model_stored_by_rasas_code_still_loads(featurized, model_storage, execution_context):
    data, featurize = featurized
    rasas = _train(LogisticRegressionClassifier, {}, data, model_storage, execution_context, "s")
    loaded = TunableLogisticRegressionClassifier.load(
        TunableLogisticRegressionClassifier.get_default_config(),
        model_storage,
        Resource("s"),
        execution_context,
    )
    messages = featurize(["图片发你了", "你好"])
    expected = rasas.process(featurize(["图片发你了", "你好"]))
    for got, want in zip(loaded.process(messages), expected, strict=True):
        assert got.get("intent_ranking") == want.get("intent_ranking")

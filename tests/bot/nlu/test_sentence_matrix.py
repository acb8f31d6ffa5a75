"""sentence_matrix builds exactly the training matrix Rasa's intent classifier builds."""

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.char_featurizer import MessageCharNgramFeaturizer
from bot.nlu.count_vectors import DirectCountVectorsFeaturizer
from bot.nlu.intent_classifier import TunableLogisticRegressionClassifier
from bot.nlu.sentence_matrix import sentence_matrix
from bot.nlu.tokenizer import NormalizingJiebaTokenizer

ODD_TEXTS = ["😡😡😡", "在吗", "訂單 2024 1123 5567 的杯子碎了！！", "zzzz qqqq 未登录词"]


def _component(cls, config, model_storage, execution_context, name):
    return cls.create(
        {**cls.get_default_config(), **config}, model_storage, Resource(name), execution_context
    )


@pytest.fixture
def training_data(model_storage, execution_context):
    """A sixth of data/nlu and odd messages through config.yml's tokenizer and featurizers."""
    examples = load_data("data/nlu").intent_examples[::6]
    messages = [Message(data={TEXT: m.get(TEXT), "intent": m.get("intent")}) for m in examples]
    messages += [Message(data={TEXT: text, "intent": "complain"}) for text in ODD_TEXTS]
    data = TrainingData(messages)
    _component(
        NormalizingJiebaTokenizer, {}, model_storage, execution_context, "t"
    ).process_training_data(data)
    featurizers = [
        _component(
            DirectCountVectorsFeaturizer,
            {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
            model_storage,
            execution_context,
            "f",
        ),
        _component(DirectCountVectorsFeaturizer, {}, model_storage, execution_context, "w"),
        _component(MessageCharNgramFeaturizer, {}, model_storage, execution_context, "m"),
    ]
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)
    return data


def _rasas_matrix(data, model_storage, execution_context):
    rasas = _component(LogisticRegressionClassifier, {}, model_storage, execution_context, "r")
    return rasas._create_training_matrix(data)


def test_matrix_is_rasas_entry_for_entry(training_data, model_storage, execution_context):
    expected, _ = _rasas_matrix(training_data, model_storage, execution_context)
    got = sentence_matrix(training_data.intent_examples)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    # same entries in the same order: the solver's sums then run in the same order
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)


def test_intent_classifier_trains_on_the_same_examples(
    training_data, model_storage, execution_context
):
    expected_X, expected_y = _rasas_matrix(training_data, model_storage, execution_context)
    ours = _component(
        TunableLogisticRegressionClassifier, {}, model_storage, execution_context, "o"
    )
    X, y = ours._create_training_matrix(training_data)
    assert y == expected_y
    assert (X != expected_X).nnz == 0


def test_messages_without_aligned_blocks_are_left_to_rasa(training_data):
    assert sentence_matrix([]) is None
    assert sentence_matrix([Message(data={TEXT: "没有特征"})]) is None
    featurized = training_data.intent_examples[0]
    assert sentence_matrix([featurized, Message(data={TEXT: "没有特征"})]) is None

"""DirectCountVectorsFeaturizer gives exactly the features of Rasa's CountVectorsFeaturizer."""

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.count_vectors import DirectCountVectorsFeaturizer
from bot.nlu.tokenizer import NormalizingJiebaTokenizer

ODD_TEXTS = [
    "",
    "   ",
    "😡😡😡",
    "在吗",
    "訂單 2024 1123 5567 的杯子碎了！！",
    "收到的杯子碎了，订单 2024 1123 5567，给我补发一个" * 40,
    "\x00\x01 binary ÿþ",
    "zzzz qqqq 未登录词",
]
# the configurations config.yml uses, and options that change the counting
CONFIGS = [
    {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3},
    {},
    {"analyzer": "char", "min_ngram": 2, "max_ngram": 4, "use_shared_vocab": True},
    {"analyzer": "word", "max_ngram": 2},
]


@pytest.fixture(scope="module")
def training_messages():
    data = load_data("data/nlu")
    examples = data.intent_examples[::3]  # every third example: varied and quick
    return [Message(data={"text": m.get(TEXT), "intent": m.get("intent")}) for m in examples]


def _tokenized(tokenizer, texts):
    messages = [Message(data={TEXT: text}) for text in texts]
    tokenizer.process(messages)
    return messages


def _features(messages):
    """Every message's features as comparable tuples (type, origin, shape, dtypes, entries)."""
    out = []
    for message in messages:
        for feature in message.features:
            matrix = feature.features
            out.append(
                (
                    feature.type,
                    feature.attribute,
                    matrix.format,
                    matrix.shape,
                    matrix.dtype,
                    matrix.row.tolist(),
                    matrix.col.tolist(),
                    matrix.data.tolist(),
                )
            )
    return out


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: str(c) or "default")
def test_features_equal_rasas_on_training_and_odd_messages(
    config, training_messages, model_storage, execution_context
):
    tokenizer = NormalizingJiebaTokenizer.create(
        NormalizingJiebaTokenizer.get_default_config(),
        model_storage,
        Resource("tok"),
        execution_context,
    )
    training = TrainingData(training_messages)
    tokenizer.process_training_data(training)
    full = {**CountVectorsFeaturizer.get_default_config(), **config}
    resource = Resource("count_vectors")
    CountVectorsFeaturizer.create(full, model_storage, resource, execution_context).train(training)
    stock = CountVectorsFeaturizer.load(full, model_storage, resource, execution_context)
    direct = DirectCountVectorsFeaturizer.load(full, model_storage, resource, execution_context)

    texts = [m.get(TEXT) for m in training_messages[::4]] + ODD_TEXTS
    expected = stock.process(_tokenized(tokenizer, texts))
    got = direct.process(_tokenized(tokenizer, texts))

    assert _features(got) == _features(expected)
    assert len(_features(got)) >= len(texts)  # features were produced, not both empty


def test_a_parsed_message_gets_sequence_and_sentence_counts(model_storage, execution_context):
    tokenizer = NormalizingJiebaTokenizer.create(
        NormalizingJiebaTokenizer.get_default_config(),
        model_storage,
        Resource("tok"),
        execution_context,
    )
    training = TrainingData(_tokenized(tokenizer, ["杯子碎了", "杯子坏了", "快递没到"]))
    config = {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb"}
    direct = DirectCountVectorsFeaturizer.create(
        config, model_storage, Resource("cv"), execution_context
    )
    direct.train(training)
    (message,) = direct.process(_tokenized(tokenizer, ["杯子杯子碎了"]))
    sequence, sentence = message.get_sparse_features(TEXT)
    tokens = message.get("text_tokens")
    assert sequence.features.shape[0] == len(tokens)
    vocabulary = direct.vectorizers[TEXT].vocabulary_
    counts = dict(zip(sentence.features.col.tolist(), sentence.features.data.tolist(), strict=True))
    assert counts[vocabulary["杯"]] == 2  # "杯子" twice
    assert counts[vocabulary["碎"]] == 1
    assert np.all(sentence.features.data > 0)


def test_without_sequence_features_the_sentence_features_are_rasas_alone(
    training_messages, model_storage, execution_context
):
    tokenizer = NormalizingJiebaTokenizer.create(
        NormalizingJiebaTokenizer.get_default_config(),
        model_storage,
        Resource("tok"),
        execution_context,
    )
    training = TrainingData(training_messages)
    tokenizer.process_training_data(training)
    config = {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb"}
    resource = Resource("cv_no_sequence")
    CountVectorsFeaturizer.create(config, model_storage, resource, execution_context).train(
        training
    )
    stock = CountVectorsFeaturizer.load(config, model_storage, resource, execution_context)
    direct = DirectCountVectorsFeaturizer.load(
        {**config, "sequence_features": False}, model_storage, resource, execution_context
    )

    texts = [m.get(TEXT) for m in training_messages[::8]] + ODD_TEXTS
    expected = [f for f in _features(stock.process(_tokenized(tokenizer, texts))) if f[0] == "sentence"]
    got = _features(direct.process(_tokenized(tokenizer, texts)))

    assert got == expected
    assert len(got) >= len(texts) - 3  # sentence features for all but the empty texts

"""MessageCharNgramFeaturizer: character n-grams of the whole normalised message."""

import numpy as np
import pytest
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.char_featurizer import MessageCharNgramFeaturizer
from bot.nlu.intent_classifier import TunableLogisticRegressionClassifier
from bot.nlu.tokenizer import NormalizingJiebaTokenizer

TRAINING = {
    "complain": ["快递三天没动了", "到现在都没收到货", "耳机右边没声音", "少发了一件"],
    "send_evidence": ["图片发你了", "照片已经上传了", "截图发过去了", "视频传好了"],
    "greet": ["你好", "在吗", "有人吗", "您好 在不在"],
}


def _create(cls, config, model_storage, execution_context, name):
    return cls.create(
        {**cls.get_default_config(), **config}, model_storage, Resource(name), execution_context
    )


@pytest.fixture
def tokenizer(model_storage, execution_context):
    return _create(NormalizingJiebaTokenizer, {}, model_storage, execution_context, "tok")


@pytest.fixture
def data(tokenizer):
    training = TrainingData(
        [Message(data={"text": t, "intent": i}) for i, texts in TRAINING.items() for t in texts]
    )
    tokenizer.process_training_data(training)
    return training


@pytest.fixture
def featurizer(data, model_storage, execution_context):
    component = _create(MessageCharNgramFeaturizer, {}, model_storage, execution_context, "chars")
    component.train(data)
    return component


def _parse(texts, tokenizer, *featurizers):
    messages = [Message(data={TEXT: t}) for t in texts]
    tokenizer.process(messages)
    for featurizer in featurizers:
        featurizer.process(messages)
    return messages


def _row(message):
    sequence, sentence = message.get_sparse_features(TEXT)
    assert sequence is None  # sentence features only
    return sentence.features.toarray()[0]


def test_ngrams_span_jieba_word_boundaries(featurizer, tokenizer):
    # jieba reads "没收到" as "没收" + "到": no token holds "收到", the message text does
    [message] = _parse(["我还没收到"], tokenizer, featurizer)
    assert "收到" not in {t.text for t in message.get("text_tokens")}
    column = featurizer._vectorizer.vocabulary_["收到"]
    assert _row(message)[column] == 1


def test_traditional_and_simplified_get_the_same_features(featurizer, tokenizer):
    simplified, traditional = _parse(["照片已经上传了", "照片已經上傳了"], tokenizer, featurizer)
    np.testing.assert_array_equal(_row(simplified), _row(traditional))
    assert _row(simplified).sum() > 0


def test_a_number_counts_once_whatever_its_length(featurizer, tokenizer):
    short, long_ = _parse(["图片 12", "图片 2024112000123456"], tokenizer, featurizer)
    np.testing.assert_array_equal(_row(short), _row(long_))


def test_unknown_ngrams_are_ignored(featurizer, tokenizer):
    [message] = _parse(["☂☂☂"], tokenizer, featurizer)
    assert _row(message).sum() == 0


def test_loaded_featurizer_gives_the_same_features(
    featurizer, tokenizer, model_storage, execution_context
):
    loaded = MessageCharNgramFeaturizer.load(
        MessageCharNgramFeaturizer.get_default_config(),
        model_storage,
        Resource("chars"),
        execution_context,
    )
    [before] = _parse(["快递还没收到 照片发你了"], tokenizer, featurizer)
    [after] = _parse(["快递还没收到 照片发你了"], tokenizer, loaded)
    np.testing.assert_array_equal(_row(before), _row(after))


def test_untrained_featurizer_adds_nothing(tokenizer, model_storage, execution_context):
    loaded = MessageCharNgramFeaturizer.load(
        MessageCharNgramFeaturizer.get_default_config(),
        model_storage,
        Resource("never_trained"),
        execution_context,
    )
    [message] = _parse(["你好"], tokenizer, loaded)
    assert message.get_sparse_features(TEXT) == (None, None)


@pytest.mark.parametrize("low, high", [(0, 3), (3, 2), (1.5, 3)])
def test_bad_ngram_range_is_rejected(low, high, model_storage, execution_context):
    with pytest.raises(ValueError, match="min_ngram"):
        _create(
            MessageCharNgramFeaturizer,
            {"min_ngram": low, "max_ngram": high},
            model_storage,
            execution_context,
            "bad",
        )


def test_intent_classifier_uses_them_next_to_the_token_features(
    data, featurizer, tokenizer, model_storage, execution_context
):
    words = _create(CountVectorsFeaturizer, {}, model_storage, execution_context, "words")
    words.train(data)
    words.process_training_data(data)
    featurizer.process_training_data(data)
    classifier = _create(
        TunableLogisticRegressionClassifier, {"C": 5.0}, model_storage, execution_context, "lr"
    )
    classifier.train(data)
    width = len(words.vectorizers[TEXT].vocabulary_) + len(featurizer._vectorizer.vocabulary_)
    assert classifier.clf.coef_.shape[1] == width
    # one message (the server's fast path) and a batch (Rasa's code) agree
    single = classifier.process(_parse(["照片都发过去了"], tokenizer, words, featurizer))
    batch = classifier.process(_parse(["照片都发过去了", "你好"], tokenizer, words, featurizer))
    assert single[0].get("intent")["name"] == "send_evidence"
    assert single[0].get("intent")["confidence"] == pytest.approx(
        batch[0].get("intent")["confidence"]
    )

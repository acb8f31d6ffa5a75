"""The emotion component trained for real on a tiny emotion file, stored and loaded."""

import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.emotion_classifier import ComplaintEmotionClassifier, data_path
from bot.settings import PROJECT_ROOT

EMOTION_YAML = """
version: "1"
emotion:
  calm: |
    - 快递三天没更新 帮忙查一下
    - 订单号 2024 1123 5567
    - 好的
    - 我要退款
    - 收到的杯子碎了 麻烦补发
    - 颜色发错了 想换一个
  upset: |
    - 怎么还没到啊
    - 又是这样🙄
    - 说好的三天到呢
    - 唉 等了好久
    - 真的很失望…
    - 为什么每次都要我催
  angry: |
    - 垃圾店
    - 骗子！！！
    - 我要去12315投诉你们
    - 滚
    - 你们脑子有病吧
    - 气死我了😡
"""


@pytest.fixture
def emotion_file(tmp_path):
    path = tmp_path / "emotion.yml"
    path.write_text(EMOTION_YAML, encoding="utf-8")
    return path


def train_and_load(config, model_storage, resource, execution_context):
    component = ComplaintEmotionClassifier.create(
        config, model_storage, resource, execution_context
    )
    component.train(TrainingData())
    return ComplaintEmotionClassifier.load(config, model_storage, resource, execution_context)


@pytest.fixture
def classifier(emotion_file, model_storage, resource, execution_context):
    return train_and_load({"data": str(emotion_file)}, model_storage, resource, execution_context)


def process(classifier, text, triage=None):
    message = Message(data={"text": text})
    if triage is not None:
        message.set("complaint_triage", triage, add_to_output=True)
    classifier.process([message])
    return message


def test_emotion_is_added_to_the_triage_output(classifier):
    category = {"code": "logistics", "confidence": 0.9, "ranking": []}
    message = process(classifier, "又是这样 怎么还没到", {"category": category})
    triage = message.get("complaint_triage")
    assert triage["category"] == category  # the triage classifier's output is kept
    emotion = triage["emotion"]
    assert emotion["code"] == "upset"
    assert [r["code"] for r in emotion["ranking"]][0] == "upset"
    assert {r["code"] for r in emotion["ranking"]} == {"calm", "upset", "angry"}
    assert emotion["confidence"] == emotion["ranking"][0]["confidence"]
    assert "complaint_triage" in message.as_dict(only_output_properties=True)


def test_traditional_and_unknown_text(classifier):
    assert process(classifier, "騙子").get("complaint_triage")["emotion"]["code"] == "angry"
    unknown = process(classifier, "zzz").get("complaint_triage")["emotion"]
    assert unknown == {"code": None, "confidence": 0.0, "ranking": []}


def test_stored_as_plain_arrays(classifier, model_storage, resource):
    with model_storage.read_from(resource) as model_dir:
        with np.load(model_dir / ComplaintEmotionClassifier.MODEL_FILE, allow_pickle=False) as f:
            assert set(f.files) >= {"terms", "idf", "coef", "intercept", "classes"}


def test_missing_file_warns_and_leaves_messages_alone(
    tmp_path, model_storage, resource, execution_context
):
    config = {"data": str(tmp_path / "none.yml")}
    with pytest.warns(UserWarning, match="no emotion training file"):
        component = train_and_load(config, model_storage, resource, execution_context)
    assert process(component, "垃圾").get("complaint_triage") is None


def test_fingerprint_follows_the_file(emotion_file):
    config = {"data": str(emotion_file)}
    before = ComplaintEmotionClassifier.fingerprint_addon(config)
    emotion_file.write_text(EMOTION_YAML + "    - 太过分了\n", encoding="utf-8")
    assert before and ComplaintEmotionClassifier.fingerprint_addon(config) != before
    assert ComplaintEmotionClassifier.fingerprint_addon({"data": "no/such.yml"}) is None


def test_default_data_is_the_project_file():
    path = data_path(ComplaintEmotionClassifier.get_default_config())
    assert path == PROJECT_ROOT / "data" / "emotion" / "train.yml" and path.is_file()

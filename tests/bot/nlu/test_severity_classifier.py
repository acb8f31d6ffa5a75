"""The severity component trained for real on a tiny case directory, stored and loaded."""

import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.severity_classifier import ComplaintSeverityClassifier, data_files
from bot.settings import PROJECT_ROOT

CASES_YAML = """
- {text: "孩子被烫伤了", urgent: true, reasons: [injury]}
- {text: "手被割破流血了", urgent: true, reasons: [injury]}
- {text: "我要去12315投诉", urgent: true, reasons: [legal]}
- {text: "找律师起诉你们", urgent: true, reasons: [legal]}
- {text: "发到微博曝光你们", urgent: true, reasons: [media]}
- {text: "找记者曝光", urgent: true, reasons: [media]}
- {text: "我们小区好多人都买到假货", urgent: true, reasons: [group]}
- {text: "群里几十个人都没收到货", urgent: true, reasons: [group]}
- {text: "三千块的手机坏了", urgent: true, reasons: [amount]}
- {text: "快递三天没更新", urgent: false, reasons: []}
- {text: "颜色发错了想换货", urgent: false, reasons: []}
- {text: "优惠券用不了", urgent: false, reasons: []}
"""


@pytest.fixture
def case_dir(tmp_path):
    directory = tmp_path / "severity"
    directory.mkdir()
    (directory / "cases.yml").write_text(CASES_YAML, encoding="utf-8")
    return directory


def train_and_load(config, model_storage, resource, execution_context):
    component = ComplaintSeverityClassifier.create(
        config, model_storage, resource, execution_context
    )
    component.train(TrainingData())
    return ComplaintSeverityClassifier.load(config, model_storage, resource, execution_context)


@pytest.fixture
def classifier(case_dir, model_storage, resource, execution_context):
    config = {"data": str(case_dir), "C": 10.0}
    return train_and_load(config, model_storage, resource, execution_context)


def process(classifier, text, triage=None):
    message = Message(data={"text": text})
    if triage is not None:
        message.set("complaint_triage", triage, add_to_output=True)
    classifier.process([message])
    return message


def test_severity_is_added_to_the_triage_output(classifier):
    category = {"code": "logistics", "confidence": 0.9, "ranking": []}
    message = process(classifier, "我要找律师起诉你们", {"category": category})
    triage = message.get("complaint_triage")
    assert triage["category"] == category  # the triage classifier's output is kept
    severity = triage["severity"]
    assert severity["code"] == "legal"
    assert {r["code"] for r in severity["ranking"]} == {"injury", "legal", "media", "group"}
    assert severity["confidence"] == severity["ranking"][0]["confidence"]
    assert "complaint_triage" in message.as_dict(only_output_properties=True)


def test_traditional_and_unknown_text(classifier):
    assert process(classifier, "燙傷").get("complaint_triage")["severity"]["code"] == "injury"
    unknown = process(classifier, "zzz").get("complaint_triage")["severity"]
    assert unknown == {"code": None, "confidence": 0.0, "ranking": []}


def test_stored_as_plain_arrays(classifier, model_storage, resource):
    with model_storage.read_from(resource) as model_dir:
        with np.load(model_dir / ComplaintSeverityClassifier.MODEL_FILE, allow_pickle=False) as f:
            assert set(f.files) >= {"terms", "idf", "coef", "intercept", "reasons"}


def test_nlu_examples_without_a_rule_reason_teach_what_is_ordinary(
    case_dir, model_storage, resource, execution_context
):
    config = {"data": str(case_dir), "C": 10.0}
    component = ComplaintSeverityClassifier.create(
        config, model_storage, resource, execution_context
    )
    component.train(TrainingData())  # the severity cases alone
    before = process(component, "撤销投诉").get("complaint_triage")["severity"]["confidence"]
    examples = [
        Message(data={"text": text, "intent": "cancel"}) for text in ("撤销投诉", "不投诉了")
    ] + [Message(data={"text": "我要去12315投诉", "intent": "complain"})]  # a rule reason: kept out
    component.train(TrainingData(training_examples=examples))
    after = process(component, "撤销投诉").get("complaint_triage")["severity"]["confidence"]
    assert after < before


def test_missing_data_warns_and_leaves_messages_alone(
    tmp_path, model_storage, resource, execution_context
):
    config = {"data": str(tmp_path / "none")}
    with pytest.warns(UserWarning, match="no severity training files"):
        component = train_and_load(config, model_storage, resource, execution_context)
    assert process(component, "律师").get("complaint_triage") is None


def test_fingerprint_follows_the_files(case_dir):
    config = {"data": str(case_dir)}
    before = ComplaintSeverityClassifier.fingerprint_addon(config)
    (case_dir / "more.yml").write_text('- {text: "好", urgent: false, reasons: []}\n', "utf-8")
    assert before and ComplaintSeverityClassifier.fingerprint_addon(config) != before
    assert ComplaintSeverityClassifier.fingerprint_addon({"data": "no/such/dir"}) is None


def test_default_data_is_the_project_directory():
    files = data_files(ComplaintSeverityClassifier.get_default_config())
    assert files and all(path.parent == PROJECT_ROOT / "data" / "severity" for path in files)

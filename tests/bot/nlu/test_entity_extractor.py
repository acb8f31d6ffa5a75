import re

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entity_extractor import ComplaintEntityExtractor


@pytest.fixture
def extractor(model_storage, resource, execution_context):
    return ComplaintEntityExtractor.create({}, model_storage, resource, execution_context)


def entities(extractor, text):
    message = Message(data={"text": text})
    extractor.process([message])
    return message.get("entities")


def test_adds_rasa_entities_with_offsets_confidence_and_extractor(extractor):
    text = "訂單號 ２０２４ １１２３ ５５６７，電話 138-1234-5678，花了２９９元，11月23號買的"
    found = entities(extractor, text)
    assert [(e["entity"], e["value"]) for e in found] == [
        ("order_id", "202411235567"),
        ("phone", "13812345678"),
        ("amount", 299.0),
        ("date", "11月23號"),
    ]
    for entity in found:
        assert text[entity["start"] : entity["end"]]
        assert 0 < entity["confidence_entity"] <= 1
        assert entity["extractor"] == "ComplaintEntityExtractor"


def test_keeps_entities_of_earlier_components(extractor):
    earlier = {"entity": "x", "value": "y", "start": 0, "end": 1, "extractor": "Other"}
    message = Message(data={"text": "订单202411235567", "entities": [earlier]})
    extractor.process([message])
    assert message.get("entities")[0] == earlier
    assert message.get("entities")[1]["entity"] == "order_id"


def test_numbers_that_are_not_orders_give_no_entity(extractor):
    assert entities(extractor, "快递单号SF1400223344 显示签收了") == []
    assert entities(extractor, "验证码662839") == []


def test_one_order_id_per_message(extractor):
    found = entities(extractor, "订单号不是202411235567，是202411235568，电话13912345678")
    assert [(e["entity"], e["value"]) for e in found] == [
        ("order_id", "202411235568"),
        ("phone", "13912345678"),
    ]


@pytest.mark.parametrize("text", ["", "😡", "\x00\xff", "好" * 10_000])
def test_odd_input(extractor, text):
    assert entities(extractor, text) == []


def test_pattern_from_component_config(model_storage, resource, execution_context):
    config = {"order_id_pattern": r"^\d{12}$"}
    component = ComplaintEntityExtractor.create(config, model_storage, resource, execution_context)
    assert [e["value"] for e in entities(component, "订单 DD20241123889")] == []
    assert [e["value"] for e in entities(component, "订单 2024 1123 5567")] == ["202411235567"]


def test_pattern_from_settings_when_not_configured(
    monkeypatch, tmp_path, model_storage, resource, execution_context
):
    monkeypatch.setenv("COMPLAINTS_SETTINGS", str(tmp_path / "absent.yml"))
    monkeypatch.setenv("COMPLAINTS_ORDER_ID_PATTERN", r"^TB\d{6}$")
    component = ComplaintEntityExtractor.create({}, model_storage, resource, execution_context)
    assert [e["value"] for e in entities(component, "订单 tb-123-456")] == ["TB123456"]


def test_invalid_pattern_fails_at_creation(model_storage, resource, execution_context):
    with pytest.raises(re.error):
        ComplaintEntityExtractor.create(
            {"order_id_pattern": "("}, model_storage, resource, execution_context
        )

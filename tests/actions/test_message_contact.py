"""The contact details of the latest message (`actions/message_contact.py`), on real trackers."""

from actions import message_contact
from tests.actions.conftest import make_tracker


def _said(text: str, phone: str) -> dict:
    entity = {"entity": "phone", "value": phone}
    return {"event": "user", "text": text, "parse_data": {"entities": [entity]}}


def test_a_phone_typed_with_separators_an_email_or_a_wechat_id_is_the_contact():
    assert message_contact.phone(make_tracker("电话 138-1234 5678")) == "13812345678"
    assert message_contact.contact(make_tracker("用email可以吗 abc@example.com")) == (
        "abc@example.com"
    )
    assert message_contact.contact(make_tracker("没有联系方式")) is None


def test_only_a_number_called_the_customers_own_is_offered():
    named = make_tracker(
        "我电话13812345678", "inform", entities=[{"entity": "phone", "value": "13812345678"}]
    )
    bare = make_tracker(
        "13812345678", "inform", entities=[{"entity": "phone", "value": "13812345678"}]
    )
    assert message_contact.phone_offered(named) == "13812345678"
    assert message_contact.phone_offered(bare) is None


def test_a_number_said_earlier_is_the_one_pointed_to():
    history = [_said("杯子碎了 我电话13812345678", "13812345678")]
    assert (
        message_contact.phone_said_before(make_tracker("可以打这个电话", history=history))
        == "13812345678"
    )
    assert message_contact.phone_said_before(make_tracker("好的", history=history)) is None

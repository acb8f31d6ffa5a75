"""A WeChat id given as the contact ("联系方式改成微信 abc123", hand test ux11)."""

import pytest

from bot.intake.contact_answers import keeps_contact, only_gives_contact, wechat_contact
from bot.intake.presentation import changed_facts, mask_phone


@pytest.mark.parametrize(
    "text, contact",
    [
        ("联系方式改成微信 abc123", "微信 abc123"),
        ("聯絡方式改成微信 abc123", "微信 abc123"),
        ("加我vx：Li_Wei88", "微信 Li_Wei88"),
        ("微信号是 wxid-2024ab", "微信 wxid-2024ab"),
        # hand trial (trial, WeCom): a particle between the word and the id was not read
        ("加微信吧：Li_Wei88", "微信 Li_Wei88"),
        ("微信的话 liwei_88", "微信 liwei_88"),
        ("加我微信哈 Li_Wei88", "微信 Li_Wei88"),
        ("微信也行：abc_123", "微信 abc_123"),
    ],
)
def test_a_wechat_id_named_as_such_is_a_contact(text, contact):
    assert wechat_contact(text) == contact


@pytest.mark.parametrize(
    "text",
    ["订单号 2024 1123 5567", "微信支付的 退款没到", "我微信 123456", "abc123", "微信的话 不方便"],
)
def test_no_wechat_id_without_the_word_and_an_id(text):
    assert wechat_contact(text) is None


def test_a_wechat_id_is_masked_like_any_contact():
    assert mask_phone("微信 abc123") == "微信 a****23"
    assert changed_facts({"contact": "微信 Li_Wei88"}) == "联系方式：微信 L****88"


def test_a_withdrawn_contact_is_named_as_the_read_back_shows_it():
    assert changed_facts({"contact": None, "contact_status": "declined"}) == "联系方式：未留"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("可以，加我微信 Li_Wei88", True),
        ("可以 打我电话 138 1234 5678", True),
        ("好的 聯絡我微信 abc123 就可以", True),
        ("邮箱 a@b.com 就行", True),
        ("加微信吧：Li_Wei88", True),
        ("加我微信 Li_Wei88 对了杯子的把手也断了", False),
        ("电话 13812345678 快点处理 气死了", False),
        ("杯子碎了", False),
        ("不用", False),
    ],
)
def test_only_a_contact_and_consent_words(text, expected):
    assert only_gives_contact(text) is expected


def test_a_phone_word_beside_the_number_offers_it():
    from bot.intake.contact_answers import names_as_phone

    phone = "13812345678"
    assert names_as_phone("要么退钱，我电话13812345678", phone)
    assert names_as_phone("有事打我手机 138 1234 5678", phone)
    assert names_as_phone("手機：138-1234-5678", phone)
    assert names_as_phone("13812345678 打我", phone)
    assert names_as_phone("call me on +86 138 1234 5678", phone)
    assert not names_as_phone("杯子碎了 13812345678", phone)
    assert not names_as_phone("订单13812345678", phone)
    assert not names_as_phone("电话", "")


def test_words_pointing_to_a_number_said_before():
    from bot.intake.contact_answers import points_to_number_said

    for text in [
        "可以打这个电话",
        "就打我刚才那个号码",
        "用上面的手机号",
        "打嗰個號碼",
        "same number",
    ]:
        assert points_to_number_said(text), text
    for text in ["可以", "不用", "138 1234 5678", "电话打错了"]:
        assert not points_to_number_said(text), text


@pytest.mark.parametrize(
    "text",
    [
        "就用刚才那个手机号",
        "电话就用刚才那个",
        "號碼同之前一樣",
        "電話就用剛剛那個就好",
        "手机号没变 就用这个",
        "电话不用改",
    ],
)
def test_the_contact_kept(text):
    """trial14: at the read-back the customer keeps the phone read back."""
    assert keeps_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "电话换成13900001111",
        "订单号同之前一样",
        "电话还是别留了",
        "不用留电话",
        "换个号码吧",
        "地址没变 谢谢",
    ],
)
def test_no_contact_kept(text):
    assert not keeps_contact(text)

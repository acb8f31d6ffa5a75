"""Contacts never reach the log files in plain text."""

import io
import json
import logging

import pytest

from bot.log_privacy import ContactMaskingFilter, install, mask_contacts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("电话 13812345678 找我", "电话 138****5678 找我"),
        ("+86 138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("座机 021-62345678", "座机 021-****78"),
        ("邮箱 wang.li@example.com", "邮箱 w***@example.com"),
        # WeChat and QQ ids written after their word (task wait2): first character, last two
        ("联系方式改成微信 abc123", "联系方式改成微信 a****23"),
        ("加我vx：Li_Wei88", "加我vx：L****88"),
        ("微信号是abc123", "微信号是a****23"),
        ("WX: wang_li_2024", "WX: w****24"),
        # a particle between the word and the id, as the bot now files it (hand trial, WeCom)
        ("加微信吧：Li_Wei88", "加微信吧：L****88"),
        ("微信的话 liwei_88", "微信的话 l****88"),
        ("QQ 123456789", "QQ 1****89"),
        ("qq号:12345", "qq号:1****45"),
        # a phone given as the WeChat id is masked as a phone; a QQ mail as a mail
        ("微信 13812345678", "微信 138****5678"),
        ("QQ邮箱 12345@qq.com", "QQ邮箱 1***@qq.com"),
        # an id-like word without the word before it, and Latin words that start alike
        ("型号 abc123 wxyz1234", "型号 abc123 wxyz1234"),
        # order numbers, amounts and longer digit runs are not phone numbers
        ("订单 202411235567 金额 2399", "订单 202411235567 金额 2399"),
        ("LS20241120001 1732104000123", "LS20241120001 1732104000123"),
    ],
)
def test_contacts_are_masked_and_order_numbers_kept(text, expected):
    assert mask_contacts(text) == expected


def test_the_filter_masks_records_from_any_logger_through_the_root_handlers():
    root = logging.getLogger("privacy-test-root")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    child = root.getChild("rasa.core.processor")
    try:
        install(root)
        install(root)
        assert handler.filters.count(handler.filters[0]) == 1
        assert isinstance(handler.filters[0], ContactMaskingFilter)
        child.debug("slot contact=%s, text=%r", "13812345678", "我的电话13912345678")
    finally:
        root.removeHandler(handler)
    logged = stream.getvalue()
    assert "13812345678" not in logged and "13912345678" not in logged
    assert "138****5678" in logged and "139****5678" in logged


def test_wechat_and_qq_ids_never_reach_the_log_file(tmp_path):
    """The lines Rasa writes with --debug (the message, the slots), as a log file holds them."""
    root = logging.getLogger("privacy-test-file")
    path = tmp_path / "rasa.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s - %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        install(root)
        processor = root.getChild("rasa.core.processor")
        processor.debug("Received user message '%s' with intent '%s'", "加我vx：Li_Wei88", "inform")
        processor.debug("Current slot values: \n\tcontact: %s", "微信 abc123")
        root.getChild("rasa_sdk.executor").debug("Finished: %r", {"contact": "QQ 123456789"})
        # events as Rasa dumps them (JSON, ensure_ascii): "\\u5fae\\u4fe1 Li_Wei88"
        event = {"event": "user", "text": "一个微信 Li_Wei88", "slot": "微信號是abc123"}
        processor.debug("Logged UserUtterance: %s", json.dumps(event))
    finally:
        root.removeHandler(handler)
        handler.close()
    logged = path.read_text(encoding="utf-8")
    for plain in ("Li_Wei88", "abc123", "123456789"):
        assert plain not in logged
    assert "vx：L****88" in logged and "微信 a****23" in logged and "QQ 1****89" in logged
    assert "\\u5fae\\u4fe1 L****88" in logged and "\\u865f\\u662fa****23" in logged


def test_only_the_contacts_named_are_masked():
    """Task wait4: a withdrawn contact is masked in the ticket's transcript, as logs mask it;
    another contact in the same text stays as typed."""
    from bot.log_privacy import mask_these_contacts

    text = "微信 Li_Wei88 或者 +86 139-1234-5678，邮箱 lw88@example.com，备用 13800001111"
    masked = mask_these_contacts(text, ["微信 Li_Wei88", "13912345678", "lw88@example.com"])
    assert masked == "微信 L****88 或者 139****5678，邮箱 l***@example.com，备用 13800001111"
    assert mask_these_contacts("就是 li_wei88", ["微信 Li_Wei88"]) == "就是 l****88"
    assert mask_these_contacts(text, []) == text

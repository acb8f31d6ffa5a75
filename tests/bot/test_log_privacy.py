"""Contacts never reach the log files in plain text."""

import io
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

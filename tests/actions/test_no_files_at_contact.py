"""At the contact question, "没有别的照片了" is about the photos, not the phone (trial3).

A photo was sent with the complaint typed beside it, then the contact question came; "没有别的
照片了" (read as deny) filed the contact as declined ("联系方式：未留") although nothing was said
about being called. A no that names files and no contact is asked again with the hint; a no
that names the phone still declines.
"""

from typing import Any, Dict

import pytest

from tests.actions.test_facts_restated import Restating

AT_CONTACT: Dict[str, Any] = {
    "issue_description": "收到的四件套颜色跟图片完全不一样",
    "issue_category": "not_as_described",
    "order_id": "DD20241123889",
    "order_verified": True,
    "desired_remedy": "return_refund",
    "evidence_status": "provided",
    "requested_slot": "contact_status",
}


@pytest.mark.parametrize("text", ["没有别的照片了", "没有其他图片了", "視頻沒有了"])
async def test_a_no_about_the_files_does_not_decline_the_contact(domain, text):
    customer = Restating(domain, AT_CONTACT)
    await customer.says_with(text, "deny")
    assert customer.slots.get("contact_status") is None
    assert customer.slots["requested_slot"] == "contact_status"  # asked again


@pytest.mark.parametrize("text", ["没有", "不用留电话", "照片没有了 电话也不用留"])
async def test_a_no_about_the_phone_still_declines(domain, text):
    customer = Restating(domain, AT_CONTACT)
    await customer.says_with(text, "deny")
    assert customer.slots["contact_status"] == "declined"

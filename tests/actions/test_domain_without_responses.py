"""The form validations decide the same without the domain's responses.

The Rasa server leaves the responses out of the domain it sends them
(`bot.rasa_runtime.action_call_domain`): run each validation on the whole domain and on
the trimmed one and compare what it returns and says.
"""

import copy
from typing import Any, Dict, List

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.resolution import ValidateSatisfactionForm
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker

ORDER_ASKED = {"requested_slot": "order_id", "issue_description": "杯子碎了"}
CASES: List[Dict[str, Any]] = [
    {"text": "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个", "intent": "complain"},
    {"text": "2024 1123 5567", "intent": "inform", "slots": ORDER_ASKED},
    {"text": "没有订单号", "intent": "deny", "slots": ORDER_ASKED},
    {"text": "没拍照片", "intent": "deny", "slots": {"requested_slot": "evidence_status"}},
    {"text": "手机 13800138000", "intent": "inform", "slots": {"requested_slot": "contact_status"}},
    {"text": "算了不投诉了", "intent": "cancel", "slots": ORDER_ASKED},
    {"text": "给我转人工", "intent": "complain", "slots": ORDER_ASKED},
    {"text": "就是上周买的那个", "intent": "inform", "slots": ORDER_ASKED},
]


async def outcome(form: Any, case: Dict[str, Any], domain: Dict[str, Any]) -> tuple:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(case["text"], case["intent"], slots=dict(case.get("slots") or {}))
    events = await form.run(dispatcher, tracker, copy.deepcopy(domain))
    return events, dispatcher.messages


@pytest.mark.parametrize("form", [ValidateComplaintForm(), ValidateSatisfactionForm()])
@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
async def test_same_events_and_messages_without_responses(form, case, domain):
    trimmed = {key: value for key, value in domain.items() if key != "responses"}
    assert "responses" in domain
    assert await outcome(form, case, trimmed) == await outcome(form, case, domain)

"""The remedy question's answers when they are not a clean keyword (dialogues_dev12).

A remedy asked for in so many words answers the question whatever intent the NLU gave the
message ("可以补寄吗" read as out_of_scope, "是不是寄丢了 能退款吗" as bot_challenge), and a
wish beside a question about the process is taken while the question is noted.
"""

import pytest

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker

ASKED = {"requested_slot": "desired_remedy"}


@pytest.mark.parametrize(
    "text, intent, remedy",
    [
        ("那可以补寄吗", "out_of_scope", "reship"),
        ("是不是寄丢了 能退款吗", "bot_challenge", "refund"),
        ("东西还没到 可以退吗", "out_of_scope", "return_refund"),
        ("这个你们不该赔吗？", "out_of_scope", "compensation"),  # dialogues_dev13 n012
        ("換對新嘅啦 唔該晒 辛苦你", "thank", "exchange"),  # dialogues_dev21 g025
    ],
)
async def test_a_remedy_asked_as_a_question_answers_whatever_the_intent(
    dispatcher, domain, text, intent, remedy
):
    tracker = make_tracker(text, intent, slots=ASKED)
    result = await ValidateComplaintForm().extract_desired_remedy(dispatcher, tracker, domain)
    assert result == {"desired_remedy": remedy}


async def test_a_remedy_inside_a_request_for_a_person_answers_nothing(dispatcher, domain):
    tracker = make_tracker("找个人工 可以补寄吗", "handoff", slots=ASKED)
    assert await ValidateComplaintForm().extract_desired_remedy(dispatcher, tracker, domain) == {}


async def test_a_wish_beside_a_process_question_is_the_answer(dispatcher, domain):
    tracker = make_tracker("运费到底谁出 反正我要退货", "inform", slots=ASKED)
    form = ValidateComplaintForm()
    assert await form.extract_desired_remedy(dispatcher, tracker, domain) == {
        "desired_remedy": "return_refund"
    }
    kept = await form.validate_desired_remedy("return_refund", dispatcher, tracker, domain)
    assert kept == {"desired_remedy": "return_refund"}


async def test_a_process_question_alone_still_answers_nothing(dispatcher, domain):
    tracker = make_tracker("退货的话运费谁来出", "inform", slots=ASKED)
    assert await ValidateComplaintForm().extract_desired_remedy(dispatcher, tracker, domain) == {}

"""Questions about the open question, and the other answers dialogues_dev19 found (trial8)."""

import pytest

from bot.intake.answers import asks_what_next
from bot.intake.order_fragments import only_continues_number
from bot.intake.questions_back import question_back
from bot.intake.remedy_answers import remedy_changed


@pytest.mark.parametrize(
    "slot, text, response",
    [
        ("order_id", "订单号在哪看啊？我找不到", "utter_answer_order_where"),
        ("order_id", "订单号在哪里找", "utter_answer_order_where"),
        ("order_id", "单号怎么查", "utter_answer_order_where"),
        ("order_id", "單號係邊度搵", "utter_answer_order_where"),
        ("evidence_status", "拍照干嘛？你们不相信我？", "utter_answer_evidence_why"),
        ("evidence_status", "为什么一定要拍照", "utter_answer_evidence_why"),
        ("evidence_status", "货都没收到要什么证据？", "utter_answer_evidence_why"),
        ("contact_status", "留电话你们会打过来吗？几点打？", "utter_answer_contact_use"),
        ("contact_status", "留了电话会有人打给我吗？", "utter_answer_contact_use"),
        ("contact_status", "为啥要留手机号", "utter_answer_contact_use"),
        ("desired_remedy", "那你们一般怎么弄？", "utter_answer_remedy_options"),
        ("desired_remedy", "有哪些处理方式", "utter_answer_remedy_options"),
    ],
)
def test_a_question_about_the_open_question(slot, text, response):
    assert question_back(slot, text) == response


@pytest.mark.parametrize(
    "slot, text",
    [
        ("order_id", "订单号被我删了 找不到了"),  # nothing to find: an answer
        ("order_id", "是朋友买的 我不知道订单号"),  # someone else's: an answer
        ("order_id", "真的找不到 可以先不填吗"),  # looked already: an answer
        ("order_id", "202411220931"),
        ("order_id", "稍等我找找"),
        ("evidence_status", "没拍"),
        ("evidence_status", "照片等会发"),
        ("contact_status", "不用"),
        ("contact_status", "13812345678 有事打我电话"),
        ("desired_remedy", "你们说怎么办"),  # left to the shop (remedy "other")
        ("desired_remedy", "可以換嗎？"),  # names the remedy
        ("desired_remedy", "退货的话运费谁出"),  # how one remedy works: for the agent
        ("issue_category", "订单号在哪看"),  # another question is open
        ("order_id", "/inform"),
    ],
)
def test_answers_and_other_questions_are_not_questions_back(slot, text):
    assert question_back(slot, text) is None


@pytest.mark.parametrize(
    "text",
    ["订单号找不到了", "订单号我找不到啊", "我不知道訂單編號在哪裡耶", "單號搵唔到喇", "不记得了"],
)
def test_an_order_number_not_found_is_told_where_it_is_once(text):
    """dialogues_dev21 (trial10): where to look, the first time; then it is the answer."""
    assert question_back("order_id", text) == "utter_answer_order_where"
    assert question_back("order_id", text, ["utter_answer_order_where"]) is None


def test_a_question_back_is_answered_once():
    """Asked again after its answer, "订单号我不知道在哪" is the answer (no number at hand)."""
    said = ["utter_ask_order_id", "utter_answer_order_where"]
    assert question_back("order_id", "订单号我不知道在哪", said) is None
    assert question_back("evidence_status", "拍照干嘛", ["utter_answer_evidence_why"]) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("就这样就好了吗？多久有人处理？", True),
        ("就这样就行了吗", True),
        ("然后呢", True),
        ("就这样", False),
        ("就这样吧", False),
        ("好的 多久能处理", False),  # a yes first: filed, the filing tells the times
        ("确认", False),
        ("对的 但是要快点处理", False),
    ],
)
def test_what_next_asked_at_the_read_back(text, expected):
    assert asks_what_next(text) is expected


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("还是退吧 换了估计也一样", "return_refund"),
        ("那就退吧", None),  # no change-of-mind word: read by `remedy_mentioned` alone
        ("还是退款吧", "refund"),
        ("哎 还是换吧", "exchange"),
    ],
)
def test_a_bare_return_as_a_change_of_mind(text, remedy):
    assert remedy_changed(text) == remedy


@pytest.mark.parametrize(
    "text", ["1123889 刚才按到发送了", "1123889 手滑了", "5567 发快了", "0777 不小心按了发送"]
)
def test_the_rest_of_a_number_sent_too_early_is_only_the_rest(text):
    assert only_continues_number(text)


def test_the_rest_with_more_of_the_problem_is_more_than_the_rest():
    assert not only_continues_number("5567 杯子也碎了")

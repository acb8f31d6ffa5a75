"""Two remedies in one answer, and a change of mind about the remedy, in the customer's words."""

import pytest

from bot.intake import answers, remedy_answers


@pytest.mark.parametrize(
    "text, main, extras",
    [
        # a remedy added on to the one that settles the order is an extra wish
        ("退货退款 还要赔偿", "return_refund", ["compensation"]),
        ("补发一个 再给点补偿吧", "reship", ["compensation"]),
        ("退錢 另外要賠返啲俾我 白白等咗成個禮拜", "refund", ["compensation"]),
        ("退货退款，顺便道个歉吧", "return_refund", ["apology"]),
        ("换一台新的 而且要赔偿我的损失", "exchange", ["compensation"]),
        ("退款 再赔我点钱", "refund", ["compensation"]),
        # joined by a bare conjunction (hand trial: "我要退货并赔偿" was filed compensation)
        ("我要退货并赔偿", "return_refund", ["compensation"]),
        ("要求退款並賠償", "refund", ["compensation"]),
        ("我要退款和赔偿", "refund", ["compensation"]),
        # offered as alternatives, the first is asked for and nothing is added
        ("换货和退款都行", "exchange", []),
        # one replacing another is no extra: the last one named is the wish
        ("维修太麻烦了 改成退货退款吧", "return_refund", []),
        ("不要退款 给我补发两个", "reship", []),
        ("东西我寄回去 你们把钱打回来", "return_refund", []),
        ("退货退款", "return_refund", []),
    ],
)
def test_one_remedy_settles_the_order_and_added_ones_are_extras(text, main, extras):
    assert remedy_answers.remedy_mentioned(text) == main
    assert remedy_answers.extra_remedies(text) == extras


@pytest.mark.parametrize(
    "text, remedy",
    [
        # a new one sent is a reship; the right one sent instead of the wrong one an exchange
        ("寄一條新的給我", "reship"),
        ("寄過隻新嘅俾我", "reship"),
        ("寄一个新的吧", "reship"),
        ("麻煩你哋寄返對啱嘅俾我", "exchange"),
        ("发个正确的给我", "exchange"),
        # a request said as an imperative, ending its clause
        ("换一双吧 订单202411220931", "exchange"),
    ],
)
def test_remedies_named_as_a_new_or_the_right_one(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy
    assert remedy_answers.remedy_wished(text) == remedy


def test_an_added_wish_alone_is_not_taken_for_the_remedy_in_a_complaint():
    assert remedy_answers.remedy_wished("我要退货退款 还要赔偿") == "return_refund"


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("还是退款吧", "refund"),
        ("算了算了 还是换货 别退了", "exchange"),
        ("改成換貨好了", "exchange"),
        ("欸 還是退貨退款好了 不想再等", "return_refund"),
        ("我想了想 还是退货退款吧", "return_refund"),
        ("唔係換呀 我想退貨退錢", "return_refund"),
        # no remedy named, or none but the refused one: no change of remedy
        ("算了 不弄了", None),
        ("哎 算了 懒得弄了", None),
        ("算了 不退了", None),
        # a remedy without a change of mind is an answer, not a change
        ("退款", None),
    ],
)
def test_a_change_of_mind_about_the_remedy(text, remedy):
    assert remedy_answers.remedy_changed(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "不对 是屏幕裂了不是没电",
        "不对不对 不是少发 是两个都到了 其中一个碎成好几块了",
        "頭先講得唔清楚 唔係質量問題 係速遞送到嗰陣已經斷咗",
    ],
)
def test_a_contrast_marks_a_correction_of_the_problem(text):
    assert answers.says_correction(text)
    assert answers.corrects_the_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        # the problem and the remedy corrected at once (dialogues_dev13 n061, n064)
        "等等 不是品質問題 是寄錯型號了 然後我要換貨不是退款",
        "类型错了 不是描述不符 是发错货 我买的酒红发来的是黑色 然后我要换货",
    ],
)
def test_the_problem_corrected_beside_another_fact(text):
    assert answers.corrects_the_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "不对 订单号错了 不是这个",  # no problem told beside the order number
        "订单号不对 是202411191024 不是202411235567",
        "不是换 是维修 订单号也写错了 是202411180305",
        "算了不退了，换一个吧",
    ],
)
def test_another_fact_corrected_alone_is_no_correction_of_the_problem(text):
    assert not answers.corrects_the_problem(text)


@pytest.mark.parametrize(
    "text, remedy",
    [
        # refused after it is named ("退款不要了", Cantonese 退款唔要喇)
        ("退款不要了 换一个吧", "exchange"),
        ("退款唔要喇 照寄俾我", None),
        # "就算了" after a remedy settles for it
        ("打个折就算了", "compensation"),
    ],
)
def test_a_remedy_refused_after_it_is_named(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "电话还是别留了",
        "手机号就不用留了",
        "电话不用打了 这里说就行",
        # hand trial (trial, WeCom): a WeChat id at the read-back could not be taken back
        "微信还是别留了",
        "联系方式不留了",
        "微信号就不留了",
        "不用加微信了",
        "邮箱还是别留了",
        "微信都係唔好留喇",  # Cantonese: 都係 is 还是
    ],
)
def test_a_call_declined_with_the_phone_named_first(text):
    assert answers.declines_call(text)


@pytest.mark.parametrize(
    "text", ["订单号码不用给吗", "电话打不通", "号码别打错了", "手机不给退货", "微信不给退款"]
)
def test_no_call_declined(text):
    assert not answers.declines_call(text)


@pytest.mark.parametrize(
    "text, known, withdrawn",
    [
        ("退款唔要喇 照寄俾我 不過要快啲", "refund", True),
        ("不要退款了", "refund", True),
        ("别补发了 我自己买了", "reship", True),
        # another remedy named instead: a change, not a withdrawal
        ("不要退款 换货", "refund", False),
        # a fact about the refund, not a refusal of it
        ("没退款", "refund", False),
        ("退款一直没到", "refund", False),
        # refusing a remedy that is not the known one
        ("退款不要了", "exchange", False),
        ("不要退款了", None, False),
    ],
)
def test_withdraws_remedy(text, known, withdrawn):
    assert remedy_answers.withdraws_remedy(text, known) is withdrawn


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 2024 1123 5567", True),
        ("我的订单号是：202411235567", True),
        ("訂單號碼 2024-1123-5567", True),
        ("DD20241123889", True),
        ("订单 2024 1123 5567 杯子碎了", False),
        ("碎了", False),
        ("我没有订单号", False),
    ],
)
def test_only_gives_order_number(text, expected):
    assert answers.only_gives_order_number(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("转人工", False),
        ("我要投诉 找真人", False),
        ("在吗 转人工", False),
        ("杯子碎了 转人工", True),
        ("東西壞了 轉人工", True),
        ("四件套一周了还不发货 给我转人工", True),
    ],
)
def test_tells_a_problem_besides_asking_for_a_person(text, expected):
    assert answers.tells_a_problem(text) is expected


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("期望：同意退货。订单号 4521 3367 8890 1123", "return_refund"),
        ("投诉类型：物流问题\n买家诉求：取消订单并全额退款", "refund"),
        ("问题描述：退款一直没到账", None),
    ],
)
def test_a_forms_wish_field_names_the_wish(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy

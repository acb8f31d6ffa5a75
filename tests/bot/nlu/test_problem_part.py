"""What the category head reads: the problem, without remedy-only clauses or pasted order
fields (dialogues_dev14 q018, q024, q066)."""

import pytest

from bot.nlu.problem_part import problem_part

PASTED = "订单编号：202411200012\n商品：加厚羽绒服 黑色 L ×1\n实付款：¥699.00\n物流：顺丰速运 SF1400223344\n袖子开线了"


@pytest.mark.parametrize(
    "text, part",
    [
        ("四件套一直不到 订单DD20241123889 退款", "四件套一直不到 订单DD20241123889"),
        (
            "四件套到現在還沒收到 訂單DD20241123889 我要退款",
            "四件套到現在還沒收到 訂單DD20241123889",
        ),
        ("水壶漏水，给我换货吧", "水壶漏水"),
        (PASTED, "袖子开线了"),
    ],
)
def test_the_problem_without_what_is_wanted_or_pasted(text, part):
    assert problem_part(text) == part


@pytest.mark.parametrize(
    "text",
    [
        "退款",  # nothing else: the whole message is what there is
        "订单202411230066 退款",  # an order number is no problem either
        "退款一直没到账 今天必须退给我",  # the refund is the problem, not a clause asking for it
        "杯子碎了",
        "",
        # unlabelled item lines tell that the order holds several things: they stay
        "儿童保温水杯 ×1 ¥89.00\n杯套 ×1 ¥0.00",
    ],
)
def test_messages_read_whole(text):
    assert problem_part(text) is None


def test_the_category_head_reads_the_problem_part(monkeypatch):
    from bot.nlu import triage_classifier

    seen = []
    component = triage_classifier.ComplaintTriageClassifier.__new__(
        triage_classifier.ComplaintTriageClassifier
    )
    component._config = {**triage_classifier.ComplaintTriageClassifier.get_default_config()}
    monkeypatch.setattr(component, "_category_text", lambda raw, prepared: seen.append(raw) or "")
    component._problem_text("四件套一直不到 退款")
    assert seen == ["四件套一直不到"]

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.tickets.draft import validated_fields
from bot.tickets.summary import build_summary, trim

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)
TZ = ZoneInfo("Asia/Shanghai")


def summary_of(draft):
    return build_summary(validated_fields(draft, NOW, TZ))


def test_summary_names_what_an_agent_needs(make_draft):
    summary = summary_of(make_draft())

    assert summary.startswith("【严重】商品质量问题")
    assert "诉求：退货退款" in summary
    assert "订单 202411210777（已核实，已签收）" in summary
    assert "多功能破壁料理机×1" in summary
    assert "¥2399.00" in summary
    assert "严重原因：人身伤害/安全隐患、金额较大" in summary
    assert "情绪：愤怒" in summary
    assert "客户原话：“料理机用了两天就冒烟了，差点起火，我要退货退款”" in summary


def test_summary_without_order_remedy_or_emotion(make_draft):
    summary = summary_of(
        make_draft(
            order_id=None,
            order=None,
            order_verified=None,
            desired_remedy=None,
            emotion=None,
            severity="normal",
            severity_reasons=[],
            issue_category="logistics",
        )
    )

    assert summary.startswith("【一般】物流配送问题")
    assert "诉求：未说明" in summary
    assert "订单：未提供" in summary
    assert "严重原因" not in summary and "情绪" not in summary


def test_summary_shows_unverified_order_live_incident_missing_evidence_and_handoff(make_draft):
    summary = summary_of(
        make_draft(
            issue_category="livestream_misleading",
            order_verified=False,
            order=None,
            live={"room_id": "8812", "streamer": "小美", "claim": "拍下送同款保温杯"},
            incident_id="INC-7",
            evidence_missing=["直播截图"],
            handoff_reason="customer_requested",
        )
    )

    assert "主播误导/虚假宣传" in summary
    assert "订单 202411210777（未核实）" in summary
    assert "直播：直播间 8812，主播 小美，承诺“拍下送同款保温杯”" in summary
    assert "群体事件 INC-7" in summary
    assert "缺少凭证：直播截图" in summary
    assert "客户主动要求转人工" in summary


def test_long_customer_words_are_trimmed(make_draft):
    words = "快递三天没动静，" * 40
    summary = summary_of(make_draft(issue_description=words))

    quote = summary.split("客户原话：“")[1]
    assert quote.endswith("…”。")
    assert len(quote) <= 80 + 3


def test_trim_collapses_whitespace():
    assert trim("  a \n\n b  ") == "a b"
    assert trim("一二三四五", 4) == "一二三…"


def test_summary_says_when_the_customer_would_like_a_call(make_draft):
    """Lead's hand trial: "13812345678 晚上打" filed the number, and the evening was lost."""
    transcript = [
        {"role": "customer", "text": "料理机冒烟了", "at": "2026-11-23T09:58:00+08:00"},
        {"role": "customer", "text": "13812345678 晚上打", "at": "2026-11-23T09:59:00+08:00"},
    ]
    with_time = summary_of(make_draft(contact="13812345678", transcript=transcript))
    assert "联系时间：晚上打" in with_time
    assert with_time.index("联系时间") < with_time.index("客户原话")
    assert "联系时间" not in summary_of(make_draft(contact=None, transcript=transcript))


def test_summary_says_which_other_remedy_would_also_do(make_draft):
    """Lead's hand trial: "要么重新发一个 要么退钱" filed 补发, and the refund was lost."""

    def with_words(text, remedy):
        transcript = [{"role": "customer", "text": text, "at": "2026-11-23T09:59:00+08:00"}]
        return summary_of(make_draft(desired_remedy=remedy, transcript=transcript))

    assert "诉求：补发（也可接受：仅退款）" in with_words("要么重新发一个 要么退钱", "reship")
    assert "诉求：退货退款（也可接受：换货）" in with_words("退货退款吧 换货也行", "return_refund")
    # changed later to the other one: no longer "also"
    assert "也可接受" not in with_words("要么重新发一个 要么退钱", "refund")
    assert "也可接受" not in with_words("维修太麻烦了 改成退货退款吧", "return_refund")


def test_summary_names_a_remedy_asked_on_top_of_the_one_filed(make_draft):
    """Lead's hand trial (2026-12-04): "我要退货退款 还要赔偿" was filed 退货退款, and the
    compensation showed only in the customer's words at the end of the summary."""

    def with_words(text, remedy):
        transcript = [{"role": "customer", "text": text, "at": "2026-11-23T09:59:00+08:00"}]
        return summary_of(make_draft(desired_remedy=remedy, transcript=transcript))

    assert "诉求：退货退款（另要求：赔偿/补偿）" in with_words(
        "我要退货退款 还要赔偿", "return_refund"
    )
    assert "诉求：换货（另要求：赔偿/补偿）" in with_words(
        "给我换一个 另外运费补偿给我", "exchange"
    )
    assert "另要求" not in with_words("退货退款", "return_refund")
    assert "另要求" not in with_words("要么重新发一个 要么退钱", "reship")

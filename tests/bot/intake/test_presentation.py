"""The read-back card: labels in the customer's script, their own words as typed."""

from bot.intake.draft import IntakeFacts
from bot.intake.presentation import read_back_card, read_back_values


def _values(**slots):
    base = {
        "order_id": "202411235567",
        "issue_category": "logistics",
        "issue_description": "杯子碎了，快递员说不关他事",
        "desired_remedy": "reship",
        "evidence_status": "none",
    }
    return read_back_values(IntakeFacts.from_slots({**base, **slots}))


def _fields(card):
    return {row["label"]: row["value"] for row in card["fields"]}


def test_simplified_card_lists_every_fact():
    card = read_back_card(_values())
    assert card["type"] == "read_back"
    fields = _fields(card)
    assert fields["订单号"] == "202411235567"
    assert fields["描述"] == "杯子碎了，快递员说不关他事"
    assert list(fields) == ["订单号", "问题", "描述", "诉求", "凭证", "联系方式"]


def test_traditional_card_converts_labels_but_quotes_the_customer_as_typed():
    # a Traditional customer who typed some Simplified characters: the quote stays theirs
    values = _values(issue_description="杯子碎了，快递员說不關他事")
    fields = _fields(read_back_card(values, "hant"))
    assert "訂單號" in fields and "訂單号" not in fields
    assert fields["描述"] == "杯子碎了，快递员說不關他事"
    assert fields["聯絡方式"] == "未留"  # OpenCC s2twp: Taiwan wording


def test_live_claim_row_is_quoted_verbatim():
    values = _values(live={"claim": "主播说下单送发夹"})
    fields = _fields(read_back_card(values, "hant"))
    assert fields["主播說法"] == "主播说下单送发夹"


def test_a_hong_kong_number_is_masked_as_eight_digits():
    """Hand test (ux4): "9123 4567" was read back as "912****4567", one digit hidden."""
    shown = _values(contact="91234567")["contact_display"]
    assert shown == "91****67"
    assert sum(ch.isdigit() for ch in shown) == 4


def test_a_mainland_mobile_keeps_its_usual_mask():
    assert _values(contact="13812348000")["contact_display"] == "138****8000"


def test_an_email_is_masked_as_an_email():
    shown = _values(contact="chan1234567@gmail.com")["contact_display"]
    assert shown == "c****@gmail.com"


# --- corrections named (ux10) --------------------------------------------------------------------
def test_changed_facts_are_named_as_the_read_back_names_them():
    from bot.intake.presentation import changed_facts

    assert changed_facts({"desired_remedy": "exchange"}) == "诉求：换货"
    assert changed_facts({"desired_remedy": "refund", "order_id": "202411150420"}) == (
        "订单号：202411150420；诉求：仅退款"
    )
    assert changed_facts({"contact": "13800138000"}) == "联系方式：138****8000"
    assert changed_facts({"issue_description": "盖子也裂了", "order_verified": True}) == ""


def test_changed_facts_read_in_traditional():
    from bot.i18n import localize
    from bot.intake.presentation import changed_facts

    assert localize(changed_facts({"desired_remedy": "exchange"}), "hant") == "訴求：換貨"


def test_the_correction_example_is_not_the_remedy_already_read_back():
    """"改成换货" told a customer who asked for an exchange read as not noted (hand trial)."""
    assert _values()["remedy_example"] == "改成换货"
    assert _values(desired_remedy="exchange")["remedy_example"] == "改成退货退款"

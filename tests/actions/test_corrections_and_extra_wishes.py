"""Corrections that could read as complaining more, two remedies in one answer, a change of
mind read as a withdrawal, "订单号没有" before its question, and wordless messages."""

import pytest

from actions.confirmation import ActionApplyCorrection
from actions.intake import ActionNotUnderstood
from actions.requests import ActionCancelComplaint
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import READ_BACK_FACTS as FACTS
from tests.actions.conftest import make_tracker, responses, slot_events


def _triage(category, confidence=0.8, affirmed=None):
    triage = {"category": {"code": category, "ranking": [{"code": category, "confidence": confidence}]}}
    if affirmed:
        triage["category_affirmed"] = {
            "code": affirmed,
            "ranking": [{"code": affirmed, "confidence": confidence}],
        }
    return {"complaint_triage": triage}


def _form_pass(text, intent, slots, set_this_turn=None, extra=None, before=None):
    """The form's own validation pass of a message (after the slot mappings' pass)."""
    after = [{"event": "action", "name": "complaint_form"}]
    after += [{"event": "slot", "name": k, "value": v} for k, v in (set_this_turn or {}).items()]
    return make_tracker(
        text,
        intent,
        slots={**slots, **(set_this_turn or {})},
        history=[{"event": "slot", "name": k, "value": v} for k, v in (before or {}).items()],
        after_user=after,
        extra=extra,
        active_loop="complaint_form",
    )


# --- two remedies in one answer ----------------------------------------------------------------
async def test_an_added_wish_keeps_the_settling_remedy_and_goes_into_the_description(
    dispatcher, domain
):
    slots = {
        "requested_slot": "desired_remedy",
        "issue_description": "料理机用了两次就卡住不转了",
        "issue_category": "product_quality",
        "order_id": "202411210777",
    }
    tracker = _form_pass(
        "退货退款 还要赔偿",
        "inform",
        slots,
        set_this_turn={"desired_remedy": "compensation"},
        before={"issue_category": "product_quality"},
    )
    slots_set = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots_set["desired_remedy"] == "return_refund"
    assert slots_set["issue_description"] == "料理机用了两次就卡住不转了\n退货退款 还要赔偿"


@pytest.mark.parametrize(
    "answer, in_description",
    [
        ("那就帮我催一下快递吧", True),  # a wish with no code: the agent must read it
        ("你们看着办", False),  # left to the shop
        ("嗯", False),
    ],
)
async def test_a_wish_with_no_code_goes_into_the_description(
    dispatcher, domain, answer, in_description
):
    """Lead's hand trial: "那就帮我催一下快递吧" filed "诉求：其他" and nothing else."""
    slots = {
        "requested_slot": "desired_remedy",
        "issue_description": "四件套一直没发货 都一个礼拜了",
        "issue_category": "logistics",
        "order_id": "DD20241123889",
    }
    # the NLU's entity fills it through the slot mapping; the form's pass validates it
    tracker = _form_pass(answer, "inform", slots, set_this_turn={"desired_remedy": "other"})
    slots_set = slot_events(await ValidateComplaintForm().run(dispatcher, tracker, domain))
    assert slots_set["desired_remedy"] == "other"
    expected = f"四件套一直没发货 都一个礼拜了\n{answer}" if in_description else None
    assert slots_set.get("issue_description") == expected


# --- a change of mind about the remedy -----------------------------------------------------------
async def test_a_change_of_mind_at_another_question_changes_the_remedy(dispatcher, domain):
    slots = {
        "requested_slot": "evidence_status",
        "issue_description": "四件套洗了一次就缩水了",
        "issue_category": "product_quality",
        "order_id": "DD20241123889",
        "desired_remedy": "refund",
    }
    tracker = _form_pass(
        "还是退款吧",
        "inform",
        slots,
        set_this_turn={"desired_remedy": "refund"},
        before={"desired_remedy": "exchange", "issue_category": "product_quality"},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "refund"
    assert "utter_noted_changes" in responses(dispatcher)


async def test_a_remedy_taken_back_with_nothing_named_instead_becomes_other(dispatcher, domain):
    """dialogues_dev6 z020: "退款唔要喇 照寄俾我" at the contact question kept the refund."""
    slots = {
        "requested_slot": "contact_status",
        "issue_description": "坚果礼盒付完款四天了还没出货",
        "issue_category": "logistics",
        "order_id": "202411230066",
        "desired_remedy": "refund",
    }
    tracker = _form_pass(
        "退款唔要喇 照寄俾我 不過要快啲",
        "inform",
        slots,
        before={"desired_remedy": "refund", "issue_category": "logistics"},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "other"
    assert "utter_noted_changes" in responses(dispatcher)


async def test_a_remedy_taken_back_at_the_read_back_becomes_other(dispatcher, domain):
    tracker = make_tracker(
        "补发不要了 我自己去买了",
        "correct",
        slots=FACTS,
        history=[{"event": "slot", "name": "desired_remedy", "value": "reship"}],
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "other"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]


async def test_a_change_of_mind_read_as_a_withdrawal_mid_form_is_not_rejected(dispatcher, domain):
    slots = {
        "requested_slot": "evidence_status",
        "issue_description": "四件套洗了一次就缩水了",
        "issue_category": "product_quality",
        "order_id": "DD20241123889",
        "desired_remedy": "return_refund",
    }
    tracker = _form_pass(
        "算了算了 还是换货 别退了",
        "cancel",
        slots,
        set_this_turn={"desired_remedy": "return_refund"},
        before={"desired_remedy": "refund", "issue_category": "product_quality"},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert all(e["event"] != "action_execution_rejected" for e in events)
    assert slot_events(events)["desired_remedy"] == "exchange"


async def test_a_change_of_mind_read_as_a_withdrawal_at_the_read_back_corrects(dispatcher, domain):
    tracker = make_tracker("算了算了 还是换货 别退了", "cancel", slots={**FACTS, "desired_remedy": "refund"})
    events = await ActionCancelComplaint().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "exchange"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]


async def test_a_plain_withdrawal_at_the_read_back_still_cancels(dispatcher, domain):
    tracker = make_tracker("算了 不投诉了", "cancel", slots=FACTS)
    await ActionCancelComplaint().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_cancelled"]


# --- corrections of the problem ------------------------------------------------------------------
async def test_a_contrast_not_placed_by_the_nlu_corrects_the_category_mid_form(dispatcher, domain):
    """ "不对 是屏幕裂了不是没电 …" as nlu_fallback: no category entity, the triage still knows."""
    slots = {
        "requested_slot": "desired_remedy",
        "issue_description": "平板电脑开不了机，好像是没电了",
        "issue_category": "product_quality",
        "order_id": "202411191024",
    }
    tracker = _form_pass(
        "不对 是屏幕裂了不是没电 拆开快递屏幕就是碎的",
        "nlu_fallback",
        slots,
        extra=_triage("logistics", affirmed="logistics"),
        before={"issue_category": "product_quality"},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "logistics"
    assert "utter_noted_changes" in responses(dispatcher)


async def test_the_category_of_a_correction_is_read_without_what_it_denies(dispatcher, domain):
    """At the read-back: "不是少发" made the whole message read as a missing item."""
    tracker = make_tracker(
        "不对不对 不是少发 是两个都到了 其中一个碎成好几块了",
        "correct",
        slots={**FACTS, "issue_category": "wrong_or_missing_item"},
        after_user=[{"event": "slot", "name": "issue_category", "value": "wrong_or_missing_item"}],
        extra=_triage("wrong_or_missing_item", 0.66, affirmed="logistics"),
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "logistics"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]


async def test_a_correction_not_placed_by_the_nlu_at_the_read_back_is_applied(dispatcher, domain):
    tracker = make_tracker(
        "不对 是杯子碎了不是少发",
        "nlu_fallback",
        slots=FACTS,
        extra=_triage("logistics", affirmed="logistics"),
    )
    events = await ActionNotUnderstood().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "logistics"
    assert responses(dispatcher) == ["utter_noted_changes", "utter_read_back"]


async def test_an_unplaced_message_at_the_read_back_without_a_correction_is_asked_again(
    dispatcher, domain
):
    tracker = make_tracker("嗯嗯嗯", "nlu_fallback", slots=FACTS)
    await ActionNotUnderstood().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_please_rephrase"]


# --- "订单号没有" before the order question ----------------------------------------------------------
def _no_order_form_pass(requested, **slots):
    """The form's pass after the slot mappings' pass set `order_missing` (as Rasa runs it)."""
    return make_tracker(
        "订单号没有",
        "deny",
        slots={"requested_slot": requested, "order_missing": True, **slots},
        after_user=[
            {"event": "slot", "name": "order_missing", "value": True},
            {"event": "action", "name": "complaint_form"},
        ],
        active_loop="complaint_form",
    )


async def test_no_order_number_said_at_another_question_is_acknowledged(dispatcher, domain):
    for requested in ("issue_description", "issue_category"):
        dispatcher.messages.clear()
        tracker = _no_order_form_pass(requested, issue_description="你们的客服说话太冲了")
        await ValidateComplaintForm().run(dispatcher, tracker, domain)
        assert responses(dispatcher) == ["utter_noted_no_order"]


async def test_no_order_number_in_the_mappings_pass_is_not_acknowledged_twice(dispatcher, domain):
    """The slot mappings' pass (its messages are not sent) says nothing."""
    tracker = make_tracker(
        "订单号没有",
        "deny",
        slots={"requested_slot": "issue_category", "issue_description": "客服太冲了"},
        active_loop="complaint_form",
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["order_missing"] is True
    assert "utter_noted_no_order" not in responses(dispatcher)


async def test_no_order_number_at_the_order_question_needs_no_acknowledgement(dispatcher, domain):
    tracker = _no_order_form_pass("order_id", issue_category="service_attitude")
    await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert "utter_noted_no_order" not in responses(dispatcher)


# --- messages without words ------------------------------------------------------------------------
async def test_a_wordless_answer_is_no_description_of_the_problem(dispatcher, domain):
    tracker = make_tracker(
        "😭😭😭",
        "complain",
        slots={"requested_slot": "issue_description"},
        active_loop="complaint_form",
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert "issue_description" not in slot_events(events)


async def test_a_remedy_only_mentioned_in_a_status_question_changes_nothing(dispatcher, domain):
    """ "对了 上次那个退款投诉现在什么进度" at the read-back is no change of remedy."""
    tracker = make_tracker("对了 上次那个退款投诉现在什么进度", "status_query", slots=FACTS)
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert "desired_remedy" not in slot_events(events)
    assert responses(dispatcher) == ["utter_status_not_yet_filed"]


async def test_a_remedy_named_after_it_was_left_other_is_taken(dispatcher, domain):
    """Hand test (live-stream webhook): "🤷", "😅" at the remedy question filed "other";
    "退货退款" at the evidence question then was met by the evidence question again and the
    ticket kept "other"."""
    slots = {
        "requested_slot": "evidence_status",
        "issue_description": "直播间买的精华 跟主播讲的不一样",
        "issue_category": "livestream_misleading",
        "order_id": "LS20241120001",
        "desired_remedy": "other",
    }
    tracker = _form_pass(
        "退货退款",
        "inform",
        slots,
        set_this_turn={"desired_remedy": "return_refund"},
        before={"desired_remedy": "other", "issue_category": "livestream_misleading"},
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["desired_remedy"] == "return_refund"
    assert "utter_noted_changes" in responses(dispatcher)


async def test_a_remedy_named_alone_at_its_question_is_no_more_of_the_story(dispatcher, domain):
    """Hand test (widget): "不要了 退钱" at the remedy question, read as a complaint, went into
    the description and was met by "这个情况我也记下了"."""
    slots = {
        "requested_slot": "desired_remedy",
        "issue_description": "买的电热水壶用了一次就坏了，开关按下去不通电",
        "issue_category": "product_quality",
        "order_id": "202411191024",
    }
    tracker = _form_pass(
        "不要了 退钱",
        "complain",
        slots,
        set_this_turn={"desired_remedy": "refund"},
        before={"issue_category": "product_quality"},
    )
    form = ValidateComplaintForm()
    assert await form.extract_issue_description(dispatcher, tracker, domain) == {}
    events = await form.run(dispatcher, tracker, domain)
    assert "issue_description" not in slot_events(events)


# --- one thing played down, another stressed ------------------------------------------------
async def test_the_problem_stressed_after_one_played_down_keeps_its_category(dispatcher, domain):
    """Hand trial 2026-12-04 (REST): a seam come apart and a colour unlike the photo, read back
    as 商品质量问题; "颜色那个其实还好，主要是开线" was applied as 描述不符, the colour it
    dismissed. The stressed part ("开线") is what the customer says went wrong."""
    facts = {
        **FACTS,
        "issue_category": "product_quality",
        "issue_description": "羽绒服袖子那里开线了，而且颜色跟图片差好多",
    }
    tracker = make_tracker(
        "颜色那个其实还好，主要是开线",
        "complain",
        slots={**facts, "issue_category": "not_as_described"},
        history=[{"event": "slot", "name": k, "value": v} for k, v in facts.items()],
        after_user=[{"event": "slot", "name": "issue_category", "value": "not_as_described"}],
        extra=_triage("not_as_described", 0.56, affirmed="product_quality"),
    )
    events = await ActionApplyCorrection().run(dispatcher, tracker, domain)
    assert slot_events(events)["issue_category"] == "product_quality"

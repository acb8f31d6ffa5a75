"""dialogues_dev23 and dev24: what the customer does after the ticket is filed is part of success."""

from bench import after_filing, dialogue_sim

FACTS = {"order_id": "1", "issue_category": "logistics", "desired_remedy": "reship"}


def _ticket(**fields: object) -> dict:
    return {"id": "C20261204-0001", "created_at": "2026-12-04T10:00:00+08:00", **FACTS, **fields}


def _judge(scenario: dict, tickets: list, transcript: list, filed_at: int, after=None):
    out = dialogue_sim.Outcome(id=scenario["id"], kind="normal", script="simplified")
    dialogue_sim.judge(scenario, tickets, out, transcript, filed_at, after or [])
    return out


def test_the_status_reply_must_name_the_ticket_filed() -> None:
    scenario = {"id": "i1", "after": ["怎么样了"], "after_mention": ["{ticket_id}"], "facts": FACTS}
    filing = ["客户: 确认", "机器人: 已登记，工单号 C20261204-0001"]
    asked = ["客户: 怎么样了", "机器人: 您好，请问有什么可以帮您"]
    # the id said at the filing does not answer the later question
    assert not _judge(scenario, [_ticket()], filing + asked, len(filing)).success
    answered = ["客户: 怎么样了", "机器人: 工单 C20261204-0001 处理中"]
    assert _judge(scenario, [_ticket()], filing + answered, len(filing)).success


def test_either_word_of_a_choice_will_do() -> None:
    scenario = {"id": "i2", "after": ["多久"], "after_mention": ["分钟|小时"], "facts": FACTS}
    assert _judge(scenario, [_ticket()], ["机器人: 24 小时内给方案"], 0).success
    assert not _judge(scenario, [_ticket()], ["机器人: 请稍候"], 0).success


def test_thanks_are_not_answered_with_the_order_question() -> None:
    scenario = {"id": "i3", "after": ["谢谢"], "after_excludes": ["订单号"], "facts": FACTS}
    transcript = ["机器人: 请提供订单号", "客户: 谢谢", "机器人: 请提供订单号"]
    out = _judge(scenario, [_ticket()], transcript, 1)
    assert set(out.mismatches) == {"after_excluded"}
    assert _judge(scenario, [_ticket()], transcript[:2] + ["机器人: 不客气"], 1).success


def test_a_photo_or_fact_added_late_must_reach_the_ticket() -> None:
    scenario = {
        "id": "i4",
        "after": [{"photo": True}],
        "ticket_evidence": 1,
        "facts": {**FACTS, "description_includes": ["快递箱"]},
    }
    out = _judge(scenario, [_ticket(issue_description="杯子碎了")], [], 0)
    assert set(out.mismatches) == {"ticket_evidence", "description_includes"}
    late = _ticket(issue_description="杯子碎了；快递箱也压扁了", evidence=[{"id": "e1"}])
    assert _judge(scenario, [late], [], 0).success


def test_problems_met_while_playing_fail_the_scenario() -> None:
    scenario = {"id": "i5", "after": ["谢谢"], "facts": FACTS}
    out = _judge(scenario, [_ticket()], [], 0, ["asked for order_id after filing"])
    assert out.mismatches["after"]["got"] == ["asked for order_id after filing"]


def test_a_second_complaint_files_a_second_ticket_judged_on_its_own_facts() -> None:
    second = {"order_id": "2", "issue_category": "product_quality", "desired_remedy": "exchange"}
    scenario = {"id": "i6", "second": {"opening": "还有", "facts": second}, "facts": FACTS}
    first = _ticket()
    assert _judge(scenario, [first], [], 0).reason == "1 tickets instead of 2"
    later = {**second, "id": "C20261204-0002", "created_at": "2026-12-04T10:05:00+08:00"}
    assert _judge(scenario, [later, first], [], 0).success  # the API's order does not matter
    wrong = {**later, "desired_remedy": "refund"}
    out = _judge(scenario, [first, wrong], [], 0)
    assert set(out.mismatches) == {"second.desired_remedy"}


def test_scenarios_without_an_after_part_are_judged_as_before() -> None:
    scenario = {"id": "i7", "facts": FACTS}
    assert not after_filing.has_after(scenario)
    assert _judge(scenario, [_ticket()], ["机器人: 订单号？"], 0).success


def test_second_complaints_of_the_dev_splits_name_taxonomy_codes() -> None:
    from pathlib import Path

    from bot.taxonomy import CATEGORIES, REMEDIES

    data = Path(__file__).resolve().parents[2] / "bench" / "data"
    seconds = [
        (split.name, scenario["id"], scenario["second"]["facts"])
        for split in sorted(data.glob("dialogues_dev*.yml"))
        for scenario in dialogue_sim.load_scenarios(split)
        if scenario.get("second")
    ]
    assert seconds
    for split, sid, facts in seconds:
        assert facts.get("issue_category") in CATEGORIES, (split, sid)
        assert facts.get("desired_remedy") in REMEDIES, (split, sid)


def test_dev24_keeps_its_angle_after_filing() -> None:
    """dialogues_dev24 (trial13): every scenario goes on after filing, in both scripts; its
    second complaints name goods the kinds table does not know, or none at all."""
    from pathlib import Path

    from bot.orders.item_fit import kinds_named

    split = Path(__file__).resolve().parents[2] / "bench" / "data" / "dialogues_dev24.yml"
    scenarios = dialogue_sim.load_scenarios(split)
    assert 20 <= len(scenarios) <= 30
    assert all(after_filing.has_after(s) for s in scenarios)
    assert {s["script"] for s in scenarios} == {"simplified", "traditional"}
    seconds = [s["second"]["opening"] for s in scenarios if s.get("second")]
    assert len(seconds) >= 5
    assert not any(kinds_named(opening) for opening in seconds)


def test_words_said_after_filing_kept_out_of_the_description_are_judged() -> None:
    """dialogues_dev24: thanks and small talk after filing must not reach the description."""
    facts = {**FACTS, "description_excludes": ["谢谢"]}
    scenario = {"id": "j1", "after": ["谢谢"], "facts": facts}
    thanked = _ticket(issue_description="杯子碎了\n谢谢")
    assert set(_judge(scenario, [thanked], [], 0).mismatches) == {"issue_description"}
    assert _judge(scenario, [_ticket(issue_description="杯子碎了")], [], 0).success

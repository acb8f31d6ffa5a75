"""The simulated customer writes in its own script and checks the bot answers in it."""

import argparse

import pytest

from bench import dialogue_sim


def _customer(script: str, turns: dict | None = None) -> dialogue_sim.Customer:
    scenario = {"id": "t1", "script": script, "opening": "…", "turns": turns or {}}
    return dialogue_sim.Customer(stack=None, scenario=scenario)


def test_default_answers_are_in_the_customer_script():
    assert _customer("traditional")._answer("read_back", {}) == "確認"
    assert _customer("simplified")._answer("read_back", {}) == "确认"
    assert _customer("traditional")._answer("order_id", {"pending_order_id": "1"}) == "確認"
    assert _customer("traditional", {"read_back": "對"})._answer("read_back", {}) == "對"


def test_replies_in_the_other_script_are_listed():
    transcript = [
        "客户: 杯子碎咗",
        "机器人: 跟您核對一下",
        "机器人: 已为您登记，工单号 C1",
        "机器人: 好的 👍",
    ]
    wrong = dialogue_sim.replies_in_other_script({"script": "traditional"}, transcript)
    assert wrong == ["已为您登记，工单号 C1"]
    assert dialogue_sim.replies_in_other_script({"script": "simplified"}, transcript) == [
        "跟您核對一下"
    ]
    assert dialogue_sim.replies_in_other_script({}, transcript) == []


def test_replies_follow_the_script_the_customer_switched_to():
    """Answers follow the customer's latest script (trial7): a switch in "沒有" counts at
    once, "冇" alone (the same in both scripts) switches nothing."""
    transcript = [
        "客户: 羽绒服拉链坏了 订单202411200012 想换货",
        "机器人: 请拍一张问题部位的近照",
        "客户: 沒有",
        "机器人: 要不要留个联系电话",
        "机器人: 要不要留個聯絡電話",
        "客户: 冇",
        "机器人: 跟您核對一下",
    ]
    wrong = dialogue_sim.replies_in_other_script({"script": "simplified"}, transcript)
    assert wrong == ["要不要留个联系电话"]


def test_summary_counts_scenarios_with_every_reply_in_script():
    right = dialogue_sim.Outcome(id="a", kind="normal", script="traditional", success=True)
    wrong = dialogue_sim.Outcome(id="b", kind="normal", script="traditional", success=True)
    wrong.wrong_script = ["已为您登记"]
    summary = dialogue_sim.summarize([right, wrong])
    assert summary["replies_in_customer_script"] == {"checked": 2, "all_replies_right": 0.5}
    assert "b answered in the other script" in dialogue_sim.markdown(summary)
    hidden = dialogue_sim.without_scenarios(summary)
    assert "replies_in_other_script" not in hidden
    assert "已为您登记" not in dialogue_sim.markdown(hidden)


def test_every_dialogue_dev_split_files_taxonomy_codes():
    """The development splits (dev … dev12; never the held-out dialogues.yml) name only the
    spec's codes, so a typo in a label cannot pass for a miss of the bot."""
    from pathlib import Path

    from bot.taxonomy import CATEGORIES, REMEDIES

    data = Path(__file__).resolve().parents[2] / "bench" / "data"
    splits = sorted(data.glob("dialogues_dev*.yml"))
    assert len(splits) >= 12
    for split in splits:
        for scenario in dialogue_sim.load_scenarios(split):
            facts = scenario.get("facts") or {}
            assert facts.get("issue_category") in {*CATEGORIES, None}, (split, scenario["id"])
            assert facts.get("desired_remedy") in {*REMEDIES, None}, (split, scenario["id"])


def test_ports_are_read_in_the_stack_order() -> None:
    assert dialogue_sim.parse_ports("5104,5154,8104,8154") == {
        "rasa_port": 5104,
        "actions_port": 5154,
        "api_port": 8104,
        "desk_port": 8154,
    }


def test_three_ports_are_refused() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        dialogue_sim.parse_ports("5104,5154,8104")


def test_wording_checks_are_part_of_success() -> None:
    """dialogues_dev21: where the order number is must be said; a remedy answer kept out."""
    scenario = {
        "id": "g1",
        "replies_mention": ["我的订单"],
        "facts": {
            "order_id": None,
            "issue_category": "logistics",
            "desired_remedy": "refund",
            "description_excludes": ["等不起"],
        },
    }
    ticket = {
        "order_id": None,
        "issue_category": "logistics",
        "desired_remedy": "refund",
        "issue_description": "四件套还没到；直接退款吧 真的等不起了",
    }
    out = dialogue_sim.Outcome(id="g1", kind="normal", script="simplified")
    dialogue_sim.judge(scenario, [ticket], out, ["客户: 找不到", "机器人: 请提供订单号"])
    assert not out.success
    assert set(out.mismatches) == {"replies", "issue_description"}
    ticket["issue_description"] = "四件套还没到"
    out = dialogue_sim.Outcome(id="g1", kind="normal", script="simplified")
    dialogue_sim.judge(scenario, [ticket], out, ["机器人: 在 App「我的订单」里能看到"])
    assert out.success, out.mismatches


def test_asking_checks_are_part_of_success() -> None:
    """dialogues_dev22: a remedy told is not asked; no question twice back to back."""
    scenario = {
        "id": "h1",
        "max_asks": {"desired_remedy": 0},
        "no_repeated_question": True,
        "facts": {"order_id": None, "issue_category": "logistics", "desired_remedy": "refund"},
    }
    ticket = {"order_id": None, "issue_category": "logistics", "desired_remedy": "refund"}
    transcript = [
        "客户: 订单号我找不到",
        "机器人: 在「我的订单」里",
        "机器人: 请发一下订单号",
        "客户: 还是找不到",
        "机器人: 请发一下订单号",
    ]
    out = dialogue_sim.Outcome(id="h1", kind="normal", script="simplified")
    out.asked = {"desired_remedy": 1}
    dialogue_sim.judge(scenario, [ticket], out, transcript)
    assert set(out.mismatches) == {"asked", "repeated"}
    out = dialogue_sim.Outcome(id="h1", kind="normal", script="simplified")
    dialogue_sim.judge(scenario, [ticket], out, transcript[:2] + ["客户: 没有", "机器人: 好的"])
    assert out.success, out.mismatches


def test_a_line_said_again_later_is_no_back_to_back_repeat() -> None:
    transcript = ["机器人: 订单号？", "客户: a", "机器人: 照片？", "客户: b", "机器人: 订单号？"]
    assert dialogue_sim.repeated_back_to_back(transcript) == []
    assert dialogue_sim.repeated_back_to_back(transcript[:2] + ["机器人: 订单号？"]) == ["订单号？"]


def test_excluded_replies_and_checked_fields_are_part_of_success() -> None:
    """dialogues_dev25: a contact kept at the read-back is not asked to be told again."""
    scenario = {
        "id": "k1",
        "replies_mention": ["退款处理中|退款中"],
        "replies_excludes": ["要改的内容"],
        "checked_fields": ["contact"],
        "facts": {
            "order_id": "1",
            "issue_category": "logistics",
            "desired_remedy": "refund",
            "contact": "13812345678",
        },
    }
    ticket = {"order_id": "1", "issue_category": "logistics", "desired_remedy": "refund"}
    transcript = [
        "机器人: 这单显示已在退款中",
        "客户: 就用刚才那个",
        "机器人: 请直接告诉我要改的内容",
    ]
    out = dialogue_sim.Outcome(id="k1", kind="normal", script="simplified")
    dialogue_sim.judge(scenario, [dict(ticket, contact=None)], out, transcript)
    assert {"replies_excluded", "contact"} <= set(out.mismatches)
    out = dialogue_sim.Outcome(id="k1", kind="normal", script="simplified")
    dialogue_sim.judge(scenario, [dict(ticket, contact="13812345678")], out, transcript[:2])
    assert out.success, out.mismatches

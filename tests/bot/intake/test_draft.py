"""The transcript a ticket stores, read from the conversation's events."""

from bot.intake.draft import transcript_from_events


def test_buttons_and_uploads_read_as_the_customer_saw_them():
    events = [
        {"event": "user", "text": "杯子碎了", "timestamp": 1764400000.0},
        {"event": "user", "text": "/send_evidence", "metadata": {"display": "提交了 1 个证据文件"}},
        {"event": "user", "text": "/affirm", "metadata": {}},
        {"event": "bot", "text": "收到1个文件，谢谢您！"},
        {"event": "slot", "name": "emotion", "value": "calm"},
        {"event": "user", "text": "普通的话", "metadata": {"display": "别的说法"}},
    ]
    transcript = transcript_from_events(events)
    assert [(e["role"], e["text"]) for e in transcript] == [
        ("customer", "杯子碎了"),
        ("customer", "提交了 1 个证据文件"),
        ("customer", "/affirm"),
        ("bot", "收到1个文件，谢谢您！"),
        ("customer", "普通的话"),
    ]
    assert transcript[0]["at"].startswith("2025-11-29")


def test_evidence_kinds_follow_what_happened_to_the_parcel():
    from bot.intake.draft import EVIDENCE_KINDS, IntakeFacts, evidence_kinds, missing_evidence

    damage = EVIDENCE_KINDS["logistics"]
    assert evidence_kinds("logistics", "签收了但我根本没收到") == ["物流详情截图"]
    assert evidence_kinds("logistics", "物流太慢了 一个星期还没到") == ["物流详情截图"]
    assert evidence_kinds("logistics", "箱子被压扁了 里面的碗碎了") == damage
    assert evidence_kinds("logistics", "包裹濕晒") == damage  # Traditional, normalised first
    assert evidence_kinds("logistics", None) == damage
    # a curse on the courier is no damage to the parcel
    assert evidence_kinds("logistics", "你們這什麼破快遞 等了十天還沒到") == ["物流详情截图"]
    assert evidence_kinds("logistics", "垃圾物流，一周了还在路上") == ["物流详情截图"]
    assert evidence_kinds("logistics", "烂快递把箱子压扁了") == damage
    assert evidence_kinds("logistics", "什么破快递 盒子都破了") == damage
    assert evidence_kinds("product_quality", "没收到说明书") == EVIDENCE_KINDS["product_quality"]
    assert evidence_kinds(None, "没收到") == []
    facts = IntakeFacts(issue_category="logistics", issue_description="显示已送达 没见到人")
    assert missing_evidence(facts) == ["物流详情截图"]

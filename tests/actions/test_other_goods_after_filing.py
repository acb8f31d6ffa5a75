"""dialogues_dev25 (trial14): other goods after filing, with no word pointing at another order."""

from tests.actions.test_after_filing_changes import _filed, _say

KETTLE_AND_TEA = {
    "order_id": "2026112300123",
    "items": [{"name": "不锈钢电热水壶 1.7L", "qty": 1}, {"name": "明前龙井 250g 礼盒", "qty": 2}],
}


def _opens_intake(events):
    return {"event": "followup", "name": "complaint_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events
    ]


async def test_an_appliance_the_kinds_table_does_not_know_opens_a_second_complaint(
    dispatcher, domain
):
    ticket = _filed()  # mugs
    text = "加湿器也漏水了 想退货退款"
    events, stored = await _say(dispatcher, domain, ticket, text, "complain")
    assert _opens_intake(events)
    assert "加湿器" not in stored["issue_description"]


async def test_a_part_that_ends_like_an_appliance_stays_a_detail(dispatcher, domain):
    ticket = _filed()
    events, _ = await _say(dispatcher, domain, ticket, "遥控器也坏了", "complain")
    assert not _opens_intake(events)


async def test_other_goods_of_the_same_order_are_a_fact_of_its_ticket(dispatcher, domain):
    ticket = _filed(order=KETTLE_AND_TEA)
    events, stored = await _say(dispatcher, domain, ticket, "茶叶也受潮了", "complain")
    assert not _opens_intake(events)
    assert "茶叶也受潮了" in stored["issue_description"]

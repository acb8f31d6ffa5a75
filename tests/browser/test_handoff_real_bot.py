"""Customer and agent at once: the widget and the desk in two browser contexts, real bot.

The customer asks for a human; the ticket appears in the signed-in agent's queue without a
reload; the agent claims it and writes; the customer reads it and answers; the agent reads
that live; the bot says nothing in between; the agent resolves; the customer rates; the
statistics count it.
"""

import time
from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from bot.desk.presence import Presence
from bot.tickets.store import TicketStore
from tests.browser.conftest import AGENT_PASSWORD

IN_SHADOW = "complaint-widget"
pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _bot_rows(page: Page):
    return page.locator(f"{IN_SHADOW} .log .row.bot")


def _wait_for_ticket(page: Page, stack, wanted: Callable[[dict], bool]) -> dict:
    """The one ticket that satisfies `wanted`, polled through the ticket API for 30 s."""
    for _ in range(60):
        found = [t for t in stack.tickets() if wanted(t)]
        if found:
            [ticket] = found
            return ticket
        page.wait_for_timeout(500)
    raise AssertionError("no such ticket within 30 s")


def _sign_in(page: Page, desk_url: str) -> None:
    page.goto(f"{desk_url}/desk/")
    page.get_by_label("账号").fill("小王")
    page.get_by_label("密码").fill(AGENT_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator("#live-text")).to_have_text("实时更新中", timeout=10_000)


def _eventually(read: Callable[[], list], seconds: float = 10.0) -> list:
    """What `read` gives once it gives something, within `seconds`.

    The live stream shows "实时更新中" as soon as it opens; the desk records the agent as
    online from that stream in a worker thread, a moment later (a busy machine: seconds).
    """
    deadline = time.monotonic() + seconds
    while not (found := read()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def test_agent_takes_over_the_customers_widget_conversation(browser, real_stack):
    desk = browser.new_context(viewport={"width": 1360, "height": 860}, locale="zh-CN")
    agent = desk.new_page()
    _sign_in(agent, real_stack.desk_url)
    # the open queue page marks 小王 as online, for the bot to know someone is at the desk
    store = TicketStore.from_url(real_stack.env()["COMPLAINTS_DATABASE_URL"])
    assert _eventually(lambda: Presence(store).online()) == ["小王"]
    store.close()

    shop = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    customer = shop.new_page()
    customer.goto(f"{real_stack.rasa_url}/widget/demo/")
    customer.get_by_role("button", name="联系客服").click()
    box = customer.get_by_role("textbox", name="输入消息")
    send = customer.get_by_role("button", name="发送", exact=True)

    def say(text: str) -> None:
        box.fill(text)
        send.click()

    say("蓝牙耳机用了两天左边就不响了")
    expect(_bot_rows(customer).last).to_be_visible(timeout=60_000)
    say("转人工")
    ticket = _wait_for_ticket(customer, real_stack, lambda t: "耳机" in t["issue_description"])
    expect(customer.get_by_text(ticket["id"]).first).to_be_visible(timeout=30_000)
    # the ticket arrives in the open queue without a reload
    row = agent.locator(f'tr[data-ticket="{ticket["id"]}"]')
    expect(row).to_be_visible(timeout=5_000)
    row.get_by_role("link").click()
    agent.get_by_role("button", name="认领").click()
    expect(agent.locator("#fields")).to_contain_text("小王")

    bot_lines_before = _bot_rows(customer).count()
    agent.get_by_label("回复客户").fill("您好，我是客服小王，耳机可以直接给您换新")
    agent.get_by_role("button", name="发送", exact=True).click()

    reply = customer.locator(f"{IN_SHADOW} .log .row.agent")
    expect(reply).to_contain_text("直接给您换新", timeout=15_000)
    expect(reply).to_contain_text("小王")

    say("好的 那我等新的 谢谢")
    live = agent.locator(".msg.customer.live")
    expect(live.filter(has_text="那我等新的")).to_have_count(1, timeout=10_000)
    say("转机器人")
    expect(live.filter(has_text="转机器人")).to_have_count(1, timeout=10_000)
    # only the agent's line was added: the paused bot answered neither message
    assert _bot_rows(customer).count() == bot_lines_before + 1

    agent.get_by_label("处理结果").fill("已安排换新，明天发出")
    agent.get_by_role("button", name="结案").click()
    expect(agent.locator("#title")).to_contain_text("已结案", timeout=30_000)

    expect(customer.get_by_text("已安排换新，明天发出", exact=False)).to_be_visible(timeout=30_000)
    customer.get_by_role("button", name="5 非常满意").click()
    expect(customer.get_by_role("button", name="没有了")).to_be_visible(timeout=30_000)
    say("换得很快，满意")
    stored = _wait_for_ticket(
        customer,
        real_stack,
        # the score is kept at once, the comment joins it a turn later
        lambda t: t["id"] == ticket["id"] and bool((t["satisfaction"] or {}).get("comment")),
    )
    assert stored["status"] == "resolved"
    assert stored["satisfaction"] == {"score": 5, "comment": "换得很快，满意"}
    # what the customer wrote to the agent is in the ticket, in order, next to the agent's line
    talk = [(e["role"], e["text"]) for e in stored["transcript"]]
    assert ("agent", "您好，我是客服小王，耳机可以直接给您换新") in talk
    assert talk.index(("customer", "好的 那我等新的 谢谢")) > talk.index(
        ("agent", "您好，我是客服小王，耳机可以直接给您换新")
    )

    agent.get_by_role("link", name="统计").click()
    expect(agent.locator("#kpis")).to_contain_text("满意度5 / 5（1 份）")
    shop.close()
    desk.close()

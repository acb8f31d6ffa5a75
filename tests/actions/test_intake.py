from actions.form_questions import ActionAskIssueCategory, ActionAskOrderId
from actions.intake import ActionStartIntake
from tests.actions.conftest import make_tracker, responses


async def test_angry_customer_gets_an_apology_and_an_intake_id(dispatcher, domain):
    tracker = make_tracker("什么破快递！！！东西全压烂了 垃圾😡", "complain")
    events = await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_empathy_angry"]
    slots = {e["name"]: e["value"] for e in events}
    assert slots["emotion"] == "angry" and slots["intake_id"]


async def test_injury_is_answered_with_safety_first(dispatcher, domain):
    tracker = make_tracker("热水壶漏电，孩子被电了一下", "complain")
    await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_empathy_safety"]


async def test_calm_customer_keeps_their_intake(dispatcher, domain):
    tracker = make_tracker("麻烦看下订单，少发了一件", "complain", slots={"intake_id": "abc"})
    events = await ActionStartIntake().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_empathy_calm"]
    assert all(e["name"] != "intake_id" for e in events)


async def test_category_question_offers_the_best_guesses_first(dispatcher, domain):
    tracker = make_tracker(
        "有问题", "complain", slots={"category_candidates": ["promotion", "livestream_misleading"]}
    )
    await ActionAskIssueCategory().run(dispatcher, tracker, domain)
    [message] = dispatcher.messages
    payloads = [b["payload"] for b in message["buttons"]]
    assert payloads[0] == '/inform{"issue_category":"promotion"}'
    assert payloads[1] == '/inform{"issue_category":"livestream_misleading"}'
    assert payloads[-1] == '/inform{"issue_category":"other"}'
    assert message["buttons"][0]["title"] == "营销活动问题"


async def test_a_near_tie_is_asked_between_the_tied_categories(dispatcher, domain):
    # "杯子收到就破了 …": logistics and product_quality nearly alike, the rest far behind
    slots = {
        "category_candidates": ["logistics", "product_quality", "after_sales"],
        "category_tied": ["logistics", "product_quality"],
    }
    await ActionAskIssueCategory().run(
        dispatcher, make_tracker("杯子收到就破了", "complain", slots=slots), domain
    )
    [message] = dispatcher.messages
    assert [b["payload"] for b in message["buttons"]] == [
        '/inform{"issue_category":"logistics"}',
        '/inform{"issue_category":"product_quality"}',
        '/inform{"issue_category":"other"}',
    ]


async def test_buttons_follow_a_traditional_customer(dispatcher, domain):
    tracker = make_tracker("東西有問題", "complain", slots={"category_candidates": ["logistics"]})
    await ActionAskIssueCategory().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["buttons"][0]["title"] == "物流配送問題"


async def test_order_question_rechecks_an_unknown_number(dispatcher, domain):
    await ActionAskOrderId().run(
        dispatcher, make_tracker("x", "inform", slots={"pending_order_id": "123456789"}), domain
    )
    await ActionAskOrderId().run(dispatcher, make_tracker("x", "inform"), domain)
    assert responses(dispatcher) == ["utter_order_not_found", "utter_ask_order_id"]
    assert dispatcher.messages[0]["pending_order_id"] == "123456789"

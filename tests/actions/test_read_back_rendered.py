"""The read-back and the remedy question as the customer reads them, through the project's NLG.

Review (rev3): the live-stream read-back was a copy of the read-back plus the host's words,
and two variants of the remedy question repeated the remedy buttons. One read-back now has
an optional line (`bot.nlg.OPTIONAL_LINES`) and the buttons are one YAML list; every text
and button below was rendered from the domain before that change, and must stay so, in
Simplified and Traditional, with the customer's words quoted as typed.
"""

from pathlib import Path

import pytest
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.confirmation import ActionReadBack
from bot.nlg import ScriptAwareNLG
from tests.actions.conftest import make_tracker

DOMAIN = Domain.from_path(str(Path(__file__).resolve().parents[2] / "domain.yml"))
FACTS = {
    "order_id": "202411235567",
    "order_verified": True,
    "issue_category": "logistics",
    "desired_remedy": "reship",
    "evidence_status": "none",
    "contact_status": "declined",
    "awaiting_confirmation": True,
}
SIMPLIFIED = "杯子收到就碎了"
TRADITIONAL = "個杯收到就爛咗 喂"
HOST = "主播说下单就送化妆包"
HOST_TRADITIONAL = "主播話下單就送化妝包 喂"


# The read-back as rendered before the change, around its problem line and the host's line;
# since the hand trial of 2026-12-04 with the goods of the order the shop knows.
FRAME = {
    "hans": (
        "跟您核对一下，没问题我就提交给售后同事：\n· 订单号：202411235567\n"
        "· 商品：手工陶瓷马克杯 (雾蓝)\n· 问题：",
        "· 诉求：补发\n· 凭证：暂无\n· 联系方式：未留\n"
        "哪里不对直接告诉我，比如“订单号是……”或“改成换货”。",
    ),
    "hant": (
        "跟您核對一下，沒問題我就提交給售後同事：\n· 訂單號：202411235567\n"
        "· 商品：手工陶瓷馬克杯 (霧藍)\n· 問題：",
        "· 訴求：補發\n· 憑證：暫無\n· 聯絡方式：未留\n"
        "哪裡不對直接告訴我，比如「訂單號是……」或「改成換貨」。",
    ),
}


def _read_back(script: str, problem: str, host_line: str = "") -> str:
    head, tail = FRAME[script]
    return f"{head}{problem}\n{host_line}{tail}"


def _nlg() -> ScriptAwareNLG:
    # without ScriptAwareNLG.__init__, which installs the runtime fixes into Rasa
    nlg = ScriptAwareNLG.__new__(ScriptAwareNLG)
    TemplatedNaturalLanguageGenerator.__init__(nlg, DOMAIN.responses)
    return nlg


async def _as_read(dispatcher, said: str, claim: str):
    """What the action sends, rendered as Rasa renders an action's response."""
    slots = {**FACTS, "issue_description": said}
    if claim:
        live = {"room_id": "r1", "streamer": "小美", "claim": claim}
        slots.update(issue_category="livestream_misleading", live=live)
    await ActionReadBack().run(dispatcher, make_tracker(said, "inform", slots=slots), {})
    [message] = dispatcher.messages
    values = dict(message)
    response = values.pop("response")
    tracker = DialogueStateTracker.from_events("c", [UserUttered(said)], slots=DOMAIN.slots)
    return await _nlg().generate(response, tracker, "rest", **values)


@pytest.mark.parametrize(
    "said, claim, text, buttons",
    [
        (
            SIMPLIFIED,
            "",
            _read_back("hans", "物流配送问题（“杯子收到就碎了”）"),
            ["确认提交", "需要修改"],
        ),
        (
            SIMPLIFIED,
            HOST,
            _read_back(
                "hans",
                "主播误导/虚假宣传（“杯子收到就碎了”）",
                "· 主播说法：“主播说下单就送化妆包”\n",
            ),
            ["确认提交", "需要修改"],
        ),
        (
            SIMPLIFIED,
            HOST_TRADITIONAL,
            _read_back(
                "hans",
                "主播误导/虚假宣传（“杯子收到就碎了”）",
                "· 主播说法：“主播話下單就送化妝包 喂”\n",
            ),
            ["确认提交", "需要修改"],
        ),
        (
            TRADITIONAL,
            "",
            _read_back("hant", "物流配送問題（「個杯收到就爛咗 喂」）"),
            ["確認提交", "需要修改"],
        ),
        (
            TRADITIONAL,
            HOST_TRADITIONAL,
            _read_back(
                "hant",
                "主播誤導/虛假宣傳（「個杯收到就爛咗 喂」）",
                "· 主播說法：「主播話下單就送化妝包 喂」\n",
            ),
            ["確認提交", "需要修改"],
        ),
        (
            # the host's words as the customer typed them, never converted
            TRADITIONAL,
            HOST,
            _read_back(
                "hant",
                "主播誤導/虛假宣傳（「個杯收到就爛咗 喂」）",
                "· 主播說法：「主播说下单就送化妆包」\n",
            ),
            ["確認提交", "需要修改"],
        ),
    ],
)
async def test_the_read_back_reads_as_before(dispatcher, said, claim, text, buttons):
    message = await _as_read(dispatcher, said, claim)
    assert message["text"] == text
    assert [b["title"] for b in message["buttons"]] == buttons
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/correct"]


async def test_the_goods_of_the_order_are_read_back_to_catch_another_orders_number(dispatcher):
    """Hand trial (2026-12-04): "是这一单吗？" about a coat, answered "退货退款吧" by a customer
    complaining of a hair dryer, went on to a read-back showing the number alone; the goods
    now stand beside it, in the text and in the card."""
    message = await _as_read(dispatcher, SIMPLIFIED, "")
    assert "· 订单号：202411235567\n· 商品：手工陶瓷马克杯 (雾蓝)\n" in message["text"]
    card = dispatcher.messages[0]["custom"]
    rows = [(f["label"], f["value"]) for f in card["fields"]][:2]
    assert rows == [("订单号", "202411235567"), ("商品", "手工陶瓷马克杯 (雾蓝)")]


@pytest.mark.parametrize(
    "slots",
    [
        {"order_id": "202499999999", "order_verified": False},  # the shop does not know it
        {"order_id": None, "order_missing": True},
    ],
)
async def test_no_goods_line_for_an_order_the_shop_does_not_know(dispatcher, slots):
    tracker = make_tracker(SIMPLIFIED, "inform", slots={**FACTS, **slots})
    await ActionReadBack().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    values = dict(message)
    response = values.pop("response")
    rendered = await _nlg().generate(
        response, DialogueStateTracker.from_events("c", [], slots=DOMAIN.slots), "rest", **values
    )
    assert "商品" not in rendered["text"]
    assert "\n· 问题：" in rendered["text"]
    assert "商品" not in [f["label"] for f in message["custom"]["fields"]]


REMEDIES = ["refund", "return_refund", "exchange", "reship", "repair", "compensation", "apology"]
TITLES = {
    "hans": ["仅退款", "退货退款", "换货", "补发", "维修", "赔偿/补偿", "给个说法"],
    "hant": ["僅退款", "退貨退款", "換貨", "補發", "維修", "賠償/補償", "給個說法"],
}
OTHER = {"hans": "其他", "hant": "其他"}
QUESTIONS = {
    "hans": {
        None: {"您希望怎么处理呢？", "想要我们怎么处理比较好？可以直接说，也可以点下面的选项。"},
        "desired_remedy:wait": {"好的，不着急😊 想好了直接告诉我希望怎么处理，点下面的选项也行。"},
    },
    "hant": {
        None: {"您希望怎麼處理呢？", "想要我們怎麼處理比較好？可以直接說，也可以點下面的選項。"},
        "desired_remedy:wait": {"好的，不著急😊 想好了直接告訴我希望怎麼處理，點下面的選項也行。"},
    },
}


async def _remedy_questions(said: str, unclear_answer, category=None):
    events = [UserUttered(said), SlotSet("requested_slot", "desired_remedy")]
    if category:
        events.append(SlotSet("issue_category", category))
    if unclear_answer:
        events.append(SlotSet("unclear_answer", unclear_answer))
    tracker = DialogueStateTracker.from_events("c", events, slots=DOMAIN.slots)
    nlg = _nlg()
    # the unconditioned variants are picked at random: enough draws to see both
    return [await nlg.generate("utter_ask_desired_remedy", tracker, "rest") for _ in range(40)]


@pytest.mark.parametrize("said, script", [(SIMPLIFIED, "hans"), (TRADITIONAL, "hant")])
@pytest.mark.parametrize("unclear_answer", [None, "desired_remedy:wait", "desired_remedy"])
async def test_every_remedy_question_shows_the_remedies_as_before(said, script, unclear_answer):
    expected = [
        {"title": title, "payload": f'/inform{{"desired_remedy":"{code}"}}'}
        for title, code in zip(TITLES[script], REMEDIES, strict=True)
    ]
    if unclear_answer == "desired_remedy":  # the hint lets "other" be picked too
        expected.append({"title": OTHER[script], "payload": '/inform{"desired_remedy":"other"}'})
    messages = await _remedy_questions(said, unclear_answer)
    assert all(message["buttons"] == expected for message in messages)
    if unclear_answer != "desired_remedy":
        assert {message["text"] for message in messages} == QUESTIONS[script][unclear_answer]


@pytest.mark.parametrize(
    "said, titles",
    [
        ("退款一个星期了还没到账", ["仅退款", "退货退款", "赔偿/补偿", "给个说法", "其他"]),
        ("退款一個星期了還沒到賬", ["僅退款", "退貨退款", "賠償/補償", "給個說法", "其他"]),
    ],
)
async def test_money_not_back_is_asked_with_the_remedies_that_settle_money(said, titles):
    """Hand trial (2026-12-04): "退款申请了一个星期了还没到账" was asked to choose among 换货,
    补发 and 维修 too; the money's remedies come first, the hint's 其他 for the rest."""
    messages = await _remedy_questions(said, None, category="refund_payment")
    assert all([b["title"] for b in m["buttons"]] == titles for m in messages)
    assert all(("钱" in m["text"] or "錢" in m["text"]) and "退" in m["text"] for m in messages)
    assert len({m["text"] for m in messages}) == 2  # two wordings, for a question asked again
    unclear = await _remedy_questions(said, "desired_remedy", category="refund_payment")
    assert all(len(m["buttons"]) == 8 for m in unclear)  # the hint shows every remedy

"""The NLG answers in the customer's script and quotes the customer's words as typed."""

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlg import ScriptAwareNLG

DOMAIN = Domain.from_dict(
    {
        "responses": {
            "utter_read_back": [
                {
                    "text": "跟您核对一下：{category_label}（“{issue_description}”）",
                    "buttons": [{"title": "确认提交", "payload": "/affirm"}],
                }
            ],
            "utter_ask_evidence_status": [
                {"text": "请拍一张问题部位的近照。"},
                {"text": "方便的话发张照片给我看看？"},
            ],
            "utter_ask_correction": [{"text": "哪一项要改？"}],
            "utter_greet": [
                {"text": "您好，遇到什么问题了？"},
                {"text": "您好😊 我在！哪件商品出了啥事？"},
            ],
        }
    }
)


def _nlg() -> ScriptAwareNLG:
    # without ScriptAwareNLG.__init__, which installs the runtime fixes into Rasa
    nlg = ScriptAwareNLG.__new__(ScriptAwareNLG)
    TemplatedNaturalLanguageGenerator.__init__(nlg, DOMAIN.responses)
    return nlg


def _tracker(*texts: str) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("c", [UserUttered(text) for text in texts])


async def test_traditional_customer_reads_traditional_with_own_words_as_typed():
    words = "喂 你好呀 個水壺个手柄鬆咗"
    message = await _nlg().generate(
        "utter_read_back",
        _tracker(words),
        "rest",
        category_label="商品质量问题",
        issue_description=words,
    )
    assert message["text"] == f"跟您核對一下：商品質量問題（「{words}」）"
    assert message["buttons"] == [{"title": "確認提交", "payload": "/affirm"}]


async def test_simplified_customer_reads_the_response_unchanged():
    message = await _nlg().generate(
        "utter_read_back",
        _tracker("杯子碎了"),
        "rest",
        category_label="物流配送问题",
        issue_description="杯子碎了",
    )
    assert message["text"] == "跟您核对一下：物流配送问题（“杯子碎了”）"
    assert message["buttons"][0]["title"] == "确认提交"


async def test_unknown_response_gives_nothing():
    assert await _nlg().generate("utter_nothing", _tracker("對"), "rest") is None


async def test_a_greeting_that_tells_no_script_is_answered_in_shared_characters():
    """dialogues_dev21 (trial10): "喂" tells no script; the next message may be Traditional."""
    for _ in range(10):
        message = await _nlg().generate("utter_greet", _tracker("喂"), "rest")
        assert message["text"] == "您好😊 我在！哪件商品出了啥事？"
    texts = {
        (await _nlg().generate("utter_greet", _tracker("在嗎"), "rest"))["text"] for _ in range(20)
    }
    assert "您好，遇到什麼問題了？" in texts  # a script known: any variant, converted


async def test_a_question_asked_again_is_worded_differently():
    tracker = _tracker("耳机坏了")
    tracker.update(BotUttered("请拍一张问题部位的近照。"))
    tracker.update(UserUttered("算了不退了，换一个吧"))
    texts = {
        (await _nlg().generate("utter_ask_evidence_status", tracker, "rest"))["text"]
        for _ in range(20)
    }
    assert texts == {"方便的话发张照片给我看看？"}


async def test_a_traditional_question_asked_again_is_worded_differently():
    tracker = _tracker("耳機壞了")
    tracker.update(BotUttered("方便的話發張照片給我看看？"))
    texts = {
        (await _nlg().generate("utter_ask_evidence_status", tracker, "rest"))["text"]
        for _ in range(20)
    }
    assert texts == {"請拍一張問題部位的近照。"}


async def test_a_response_with_one_wording_is_said_again():
    tracker = _tracker("改一下")
    tracker.update(BotUttered("哪一项要改？"))
    message = await _nlg().generate("utter_ask_correction", tracker, "rest")
    assert message["text"] == "哪一项要改？"


async def test_without_a_recent_asking_every_wording_is_used():
    tracker = _tracker("耳机坏了")
    texts = {
        (await _nlg().generate("utter_ask_evidence_status", tracker, "rest"))["text"]
        for _ in range(40)
    }
    assert len(texts) == 2

"""The conversation's script: the customer's own words first, then the chat window's language."""

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.conversation import script
from bot.i18n import (
    ScriptMemory,
    conversation_script,
    customer_script,
    interface_script,
    known_script,
    localize_notice,
)
from bot.nlg import ScriptAwareNLG
from tests.actions.conftest import make_tracker


def test_the_customers_words_decide_before_the_window():
    assert conversation_script(["/send_evidence", "东西碎了"], fallback="hant") == "hans"
    assert conversation_script(["😡", "東西碎咗"], fallback="hans") == "hant"
    assert conversation_script(["/send_evidence", "👍"], fallback="hant") == "hant"


def test_the_window_language_names_the_script():
    assert interface_script([{"lang": "zh-Hant"}]) == "hant"
    assert interface_script([{}, None, {"lang": "zh-HK"}]) == "hant"
    assert interface_script([{"lang": "zh-Hans"}, {"lang": "zh-Hant"}]) == "hans"
    assert interface_script([{"lang": 3}, {}]) == "hans"


async def test_a_photo_from_a_traditional_window_is_answered_in_traditional():
    domain = Domain.from_dict(
        {"responses": {"utter_evidence_received": [{"text": "收到文件，谢谢您！"}]}}
    )
    tracker = DialogueStateTracker.from_events(
        "customer-1",
        [UserUttered("/send_evidence", {"name": "send_evidence"}, metadata={"lang": "zh-Hant"})],
    )
    message = await ScriptAwareNLG(None, domain).generate(
        "utter_evidence_received", tracker, "socketio"
    )
    assert message is not None and message["text"] == "收到檔案，謝謝您！"


async def test_after_a_photo_first_the_answers_follow_the_customers_first_words():
    """WeCom tells no language: the photo's answer is Simplified, the next ones follow the
    Traditional the customer then writes."""
    domain = Domain.from_dict(
        {"responses": {"utter_evidence_received": [{"text": "收到文件，谢谢您！"}]}}
    )
    photo = UserUttered("/send_evidence", {"name": "send_evidence"}, metadata={})
    nlg = ScriptAwareNLG(None, domain)
    tracker = DialogueStateTracker.from_events("customer-1", [photo])
    first = await nlg.generate("utter_evidence_received", tracker, "wecom")
    assert first is not None and first["text"] == "收到文件，谢谢您！"
    words = UserUttered("喇叭收到就壞了，沒有聲音", {"name": "complain"}, metadata={})
    tracker = DialogueStateTracker.from_events("customer-1", [photo, words])
    later = await nlg.generate("utter_evidence_received", tracker, "wecom")
    assert later is not None and later["text"] == "收到檔案，謝謝您！"


async def test_a_channel_passes_the_script_a_customer_wrote_as_a_language():
    memory = ScriptMemory()
    assert await memory.lang("wm1") is None
    memory.note("wm1", "收到就壞了，沒有聲音")
    assert await memory.lang("wm1") == "zh-Hant"
    assert interface_script([{"lang": await memory.lang("wm1")}]) == "hant"


def test_actions_read_the_window_language_too():
    photo = {"event": "user", "text": "/send_evidence", "metadata": {"lang": "zh-Hant"}}
    assert script(make_tracker("/send_evidence", "send_evidence", history=[photo])) == "hant"
    assert script(make_tracker("/send_evidence", "send_evidence")) == "hans"


OPENING = "料理機的蓋子蓋不緊 訂單202411210777 我要換貨"


SIMPLIFIED_OPENING = "我买的羽绒服拉链坏了 订单202411200012 想换货"


def test_a_short_reply_in_the_other_script_switches_at_once():
    """The customer's script is the one they write in now (dialogues_dev18 o045, o046)."""
    assert conversation_script(["确认", "不用", OPENING]) == "hans"
    assert conversation_script(["沒有", SIMPLIFIED_OPENING]) == "hant"
    assert conversation_script(["確認", "不用了 謝謝", "沒有", SIMPLIFIED_OPENING]) == "hant"


def test_a_reply_that_tells_no_script_keeps_the_last_switch():
    assert conversation_script(["好的", "👍", "沒有", SIMPLIFIED_OPENING]) == "hant"
    assert conversation_script(["1", "确认", OPENING]) == "hans"


def test_a_sentence_in_the_other_script_switches_at_once():
    assert conversation_script(["我还是想改成退货退款，谢谢", OPENING]) == "hans"


def test_script_follows_the_customer_and_defaults_to_simplified():
    assert conversation_script(["好的", "12345"]) == "hans"
    assert conversation_script([]) == "hans"
    assert conversation_script(["對"]) == "hant"
    assert conversation_script(["谢谢", "對的 沒錯"]) == "hans"  # the newest words
    assert conversation_script(["對的 沒錯", "谢谢"]) == "hant"


def test_written_cantonese_without_other_evidence_is_traditional():
    assert conversation_script(["喂 有冇人呀"]) == "hant"
    assert conversation_script(["我哋嘅订单冇到"]) == "hans"  # 订 says Simplified


def test_written_cantonese_alone_does_not_switch_a_simplified_conversation():
    """冇 and 唔使 are the same in both scripts: a Guangdong customer writes them too."""
    assert conversation_script(["唔使", "冇", SIMPLIFIED_OPENING]) == "hans"
    assert conversation_script(["冇", "喂 有冇人呀"]) == "hant"
    assert conversation_script(["係", SIMPLIFIED_OPENING]) == "hant"  # 係 is Traditional


async def test_a_channel_remembers_a_short_switch_but_not_cantonese_alone():
    memory = ScriptMemory()
    memory.note("u1", SIMPLIFIED_OPENING)
    memory.note("u1", "冇")
    assert await memory.lang("u1") == "zh-Hans"
    memory.note("u1", "沒有")
    assert await memory.lang("u1") == "zh-Hant"
    memory.note("u2", "唔使")
    assert await memory.lang("u2") == "zh-Hant"  # nothing else known: Cantonese says Traditional


async def test_a_channels_notice_follows_the_script_the_customer_last_wrote_in():
    memory = ScriptMemory(capacity=2)
    notice = "「说明书.jpg」的内容不是图片或视频（与文件名不符），已拒绝上传。"
    assert await memory.localize("u1", notice) == notice  # nothing written yet: Simplified
    memory.note("u1", "我買的喇叭壞了")
    # the quoted file name stays as the customer named it
    assert (
        await memory.localize("u1", notice)
        == "「说明书.jpg」的內容不是圖片或影片（與檔名不符），已拒絕上傳。"
    )
    memory.note("u1", "12345 ok")  # says nothing about the script: unchanged
    assert "圖片" in await memory.localize("u1", notice)
    memory.note("u1", "我买的喇叭坏了")
    assert await memory.localize("u1", notice) == notice
    memory.note("u2", "訂單號")
    memory.note("u3", "訂單號")  # capacity 2: the oldest customer is forgotten
    assert await memory.localize("u1", notice) == notice
    assert "圖片" in await memory.localize("u3", notice)


class Conversations:
    """A recall that counts its look-ups and answers from a dict (None: nothing known)."""

    def __init__(self, scripts) -> None:
        self.scripts = scripts
        self.asked = []

    async def __call__(self, sender):
        self.asked.append(sender)
        return self.scripts.get(sender)


async def test_a_customer_not_in_memory_is_looked_up_once_in_their_conversation():
    conversations = Conversations({"returning": "hant"})
    memory = ScriptMemory(recall=conversations)
    assert await memory.lang("returning") == "zh-Hant"
    assert "圖片" in await memory.localize("returning", "图片")
    assert conversations.asked == ["returning"]  # then from memory: no more reads
    memory.note("noted", "我买的喇叭坏了")
    assert await memory.lang("noted") == "zh-Hans"
    assert conversations.asked == ["returning"]  # what they wrote here needs no read


async def test_a_customer_whose_script_is_unknown_is_looked_up_again():
    """Another server process may have seen their words since: nothing is remembered."""
    conversations = Conversations({})
    memory = ScriptMemory(recall=conversations)
    assert await memory.lang("new") is None
    assert await memory.localize("new", "图片") == "图片"
    conversations.scripts["new"] = "hant"
    assert await memory.lang("new") == "zh-Hant"
    assert conversations.asked == ["new", "new", "new"]


async def test_a_message_noted_during_a_look_up_wins_over_the_older_conversation():
    async def recall_while_they_write(sender):
        memory.note(sender, "我改用简体写了")  # their next message arrives meanwhile
        return "hant"  # what the conversation said before it

    memory = ScriptMemory(recall=recall_while_they_write)
    assert await memory.lang("switcher") == "zh-Hans"


def test_known_script_tells_unknown_from_simplified():
    assert known_script([("/send_evidence", {}), ("👍", None)]) is None
    assert known_script([("/send_evidence", {"lang": "zh-TW"})]) == "hant"
    assert known_script([("好的", {"lang": "zh-Hant"}), ("订单坏了", {})]) == "hans"
    assert customer_script([("/send_evidence", {})]) == "hans"


def test_localize_notice_keeps_quoted_names():
    assert localize_notice("「发票.png」无法读取", "hant") == "「发票.png」無法讀取"
    assert localize_notice("「发票.png」无法读取", "hans") == "「发票.png」无法读取"
    assert localize_notice("没有收到文件", "hant") == "沒有收到檔案"

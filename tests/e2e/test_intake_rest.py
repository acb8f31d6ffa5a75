"""A customer's whole complaint through the REST channel, read back through the ticket API."""

import uuid

import pytest
import requests

from bot.nlu.normalize import detect_script
from tests.bot.tracker_stores import (
    accept_event_writes,
    refuse_event_writes,
    stored_user_texts,
)
from tests.e2e.stack import texts, tracker

pytestmark = [pytest.mark.e2e, pytest.mark.model]


APOLOGY = ("抱歉", "对不起", "不好意思", "理解")


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:10]}"


def requested_slot(stack, sender):
    return tracker(stack, sender)["slots"].get("requested_slot")


def test_all_in_one_opening_reaches_a_ticket(stack):
    sender = new_sender()
    first = texts(stack.say(sender, "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个"))
    assert any(word in first[0] for word in APOLOGY), first
    slots = tracker(stack, sender)["slots"]
    assert slots["order_id"] == "202411235567"
    assert slots["issue_category"] == "logistics"
    assert slots["desired_remedy"] == "reship"
    assert slots["requested_slot"] == "evidence_status"

    stack.say(sender, "没拍照片")
    assert requested_slot(stack, sender) == "contact_status"
    read_back = "\n".join(texts(stack.say(sender, "不用留电话")))
    assert "202411235567" in read_back and "补发" in read_back

    created = "\n".join(texts(stack.say(sender, "确认")))
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["id"] in created
    assert ticket["order_id"] == "202411235567" and ticket["order_verified"] is True
    assert ticket["issue_category"] == "logistics"
    assert ticket["desired_remedy"] == "reship"
    assert ticket["channel"] == "rest"
    assert ticket["order"]["amount"] == 118.0
    assert ticket["evidence_missing"]
    assert ticket["transcript"][0]["role"] == "customer"


def test_confirmation_sent_twice_files_one_ticket(stack):
    sender = new_sender()
    stack.say(sender, "订单202411200012的羽绒服拉链坏了，我要退货退款")
    stack.say(sender, "没有照片")
    stack.say(sender, "不用")
    stack.say(sender, "确认")
    stack.say(sender, "确认")
    assert len(stack.tickets(conversation_id=sender)) == 1


def test_angry_customer_hears_an_apology_before_any_question(stack):
    sender = new_sender()
    replies = texts(stack.say(sender, "你们这什么破快递！！！东西全压烂了 垃圾店😡"))
    assert any(word in replies[0] for word in APOLOGY[:3]), replies
    assert "？" not in replies[0] and "?" not in replies[0]


def test_handoff_mid_form_files_what_is_known(stack):
    sender = new_sender()
    stack.say(sender, "耳机用了两天就不响了")
    reply = "\n".join(texts(stack.say(sender, "转人工")))
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["id"] in reply
    assert ticket["issue_category"] == "product_quality"
    assert "耳机" in ticket["issue_description"]
    assert tracker(stack, sender)["active_loop"] in ({}, None) or not tracker(stack, sender)[
        "active_loop"
    ].get("name")


def test_with_nobody_at_the_desk_details_left_later_go_into_the_ticket(stack):
    sender = new_sender()
    stack.say(sender, "耳机用了两天就不响了")
    reply = "\n".join(texts(stack.say(sender, "转人工")))
    [ticket] = stack.tickets(conversation_id=sender)
    assert "不在线" in reply and ticket["id"] in reply  # no agent has the desk open

    added = "\n".join(texts(stack.say(sender, "对了 充电盒也充不进电，指示灯不亮")))
    assert ticket["id"] in added
    [same] = stack.tickets(conversation_id=sender)  # still one ticket
    assert same["transcript"][-1]["text"] == "对了 充电盒也充不进电，指示灯不亮"

    # a new complaint is still possible, and it is a new intake
    stack.say(sender, "我还要投诉另一个订单")
    assert tracker(stack, sender)["active_loop"].get("name") == "complaint_form"


def test_a_live_stream_complaint_without_a_known_session_asks_for_the_room(stack):
    answers = {
        "issue_category": "主播直播时承诺的赠品没给",
        "live_claim": "主播说下单送两双袜子",
        "order_id": "订单 202411220931",
        "live_session": "阿杰数码的直播间 前天晚上下的单",
        "desired_remedy": "把赠品补发给我",
        "evidence_status": "没有截图",
        "contact_status": "不用留电话",
    }
    sender = new_sender()
    stack.say(sender, "直播间主播说买跑鞋送袜子，结果没有袜子")
    asked = []
    for _ in range(10):
        slot = requested_slot(stack, sender)
        if slot is None:
            break
        asked.append(slot)
        stack.say(sender, answers[slot])
    assert "live_session" in asked and asked.index("live_session") > asked.index("order_id")
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["issue_category"] == "livestream_misleading"
    assert ticket["live"]["streamer"] == "阿杰数码" and "袜" in ticket["live"]["claim"]


def test_cancel_files_nothing(stack):
    sender = new_sender()
    stack.say(sender, "少发了一件")
    stack.say(sender, "算了 不投诉了")
    assert stack.tickets(conversation_id=sender) == []


@pytest.mark.parametrize(
    "opening, cancel, back",
    [
        (
            "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个",
            "算了，不投诉了",
            "还是帮我处理一下吧",
        ),
        ("收到的杯子碎了！！訂單 2024 1123 5567，給我補發一個", "算了，不投訴了", "算了還是投訴吧"),
    ],
)
def test_hand_test_ux11_coming_back_after_a_cancel_asks_only_what_is_missing(
    stack, opening, cancel, back
):
    """ "算了，不投诉了", then "还是帮我处理一下吧" (read as a status question) or "算了還是投訴
    吧" (read as a cancel): the order number and the problem given a minute before were asked
    again; now they are brought back, said in one line, and the read-back still comes."""
    sender = new_sender()
    stack.say(sender, opening)
    stack.say(sender, cancel)
    assert stack.tickets(conversation_id=sender) == []
    replies = texts(stack.say(sender, back))
    assert any("202411235567" in reply for reply in replies), replies
    slots = tracker(stack, sender)["slots"]
    assert slots["order_id"] == "202411235567" and slots["desired_remedy"] == "reship"
    assert slots["requested_slot"] == "evidence_status"  # only what is missing
    stack.say(sender, "没有照片")
    read_back = "\n".join(texts(stack.say(sender, "不用")))
    assert "202411235567" in read_back and "杯子碎了" in read_back
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411235567" and ticket["order_verified"] is True
    assert ticket["issue_category"] == "logistics" and ticket["desired_remedy"] == "reship"


def test_hand_test_ux11_contact_corrections_are_named_masked(stack):
    """ "电话打错了，是139 1234 5678" mid-form and "联系方式改成微信 abc123" at the read-back
    name the contact, masked, like other corrections."""
    sender = new_sender()
    stack.say(sender, "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个")
    stack.say(sender, "电话 13812345678")
    corrected = "\n".join(texts(stack.say(sender, "电话打错了，是139 1234 5678")))
    assert "139****5678" in corrected and "13912345678" not in corrected
    stack.say(sender, "没有照片")
    wechat = "\n".join(texts(stack.say(sender, "联系方式改成微信 abc123")))
    assert "联系方式：微信 a****23" in wechat
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["contact"] == "微信 abc123"


def test_correction_at_read_back(stack):
    sender = new_sender()
    stack.say(sender, "订单 202411180305 耳机坏了 要换货")
    stack.say(sender, "没有")
    stack.say(sender, "不用")
    reply = "\n".join(texts(stack.say(sender, "订单号打错了，是 2024 1115 0420")))
    assert "202411150420" in reply
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411150420"


def test_status_query_reports_the_ticket(stack):
    sender = new_sender()
    stack.say(sender, "退款一直没到账 订单202411220931")
    stack.say(sender, "退款")
    stack.say(sender, "没有")
    stack.say(sender, "不用")
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    reply = "\n".join(texts(stack.say(sender, "我的投诉到哪一步了")))
    assert ticket["id"] in reply


def test_traditional_customer_is_answered_in_traditional(stack):
    sender = new_sender()
    replies = texts(stack.say(sender, "收到的貨物壞了，訂單202411191024，我要退貨"))
    assert replies and all(detect_script(text) == "hant" for text in replies), replies
    simplified = texts(stack.say(new_sender(), "收到的货物坏了，订单202411191024，我要退货"))
    assert all(detect_script(text) != "hant" for text in simplified), simplified


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        (b'{"message": "hi"}', 400),
        (b'{"sender": "x", "message": ""}', 400),
        (b'{"sender": "x", "message": "   "}', 400),
        (b'{"sender": "x", "message": 42}', 400),
        (('{"sender": "x", "message": "' + "长" * 10001 + '"}').encode(), 413),
        (b"\x00\xff\xfe binary", 400),
    ],
)
def test_bad_requests_get_a_clear_4xx(stack, body, status):
    resp = requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", data=body, timeout=30)
    assert resp.status_code == status
    assert resp.json()["message"]


@pytest.mark.parametrize("text", ["😡😡😡", "\x00\x01垃圾\x7f", "长" * 10000, "在吗"])
def test_odd_but_valid_messages_get_a_polite_reply(stack, text):
    replies = stack.say(new_sender(), text)
    assert texts(replies)


def test_triage_api_uses_the_running_model(stack):
    resp = requests.post(
        f"{stack.api_url}/api/triage",
        json={"text": "孩子用你们的水壶烫伤了 订单 2024 1119 1024，我要去12315投诉"},
        headers={"Authorization": f"Bearer {stack.api_token}"},
        timeout=30,
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["severity"]["value"] == "urgent"
    assert {"injury", "legal"} <= set(body["severity_reasons"])
    assert body["order_id"]["value"] == "202411191024"
    assert body["issue_category"]["value"] == "product_quality"


def test_conversation_survives_a_server_restart(stack):
    sender = new_sender()
    stack.say(sender, "订单202411200012的羽绒服拉链坏了，我要退货退款")
    assert requested_slot(stack, sender) == "evidence_status"
    stack.stop("rasa")
    stack.start_rasa()
    stack.wait_ready()
    stack.say(sender, "没有照片")
    assert requested_slot(stack, sender) == "contact_status"
    stack.say(sender, "不用")
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411200012" and ticket["desired_remedy"] == "return_refund"


def test_action_server_restart_loses_no_turn(stack):
    """The Rasa server keeps connections to the action server alive between calls; a
    restarted action server must not cost the customer a turn (no error reply, no lost answer)."""
    sender = new_sender()
    stack.say(sender, "订单202411200012的羽绒服拉链坏了，我要退货退款")
    assert requested_slot(stack, sender) == "evidence_status"
    stack.stop("actions")
    stack.start_actions()
    stack.wait_ready()
    replies = stack.say(sender, "没有照片")  # the first call after the restart, at once
    assert replies and requested_slot(stack, sender) == "contact_status", texts(replies)
    stack.say(sender, "不用")
    stack.say(sender, "确认")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411200012" and ticket["desired_remedy"] == "return_refund"


def test_a_confirmation_the_tracker_database_refused_is_not_asked_again(stack):
    """ux3: the tracker database refused the turn that filed the ticket; Rasa's fail-safe kept
    it where it is never read, so the next message found the read-back still open. The bot
    now carries on from the filed ticket, and the turn reaches the database once it can."""
    sender = new_sender()
    database = stack.workdir / "tracker.db"
    stack.say(sender, "订单202411200012的羽绒服拉链坏了，我要退货退款")
    stack.say(sender, "没有照片")
    stack.say(sender, "不用")
    refuse_event_writes(database)
    try:
        created = "\n".join(texts(stack.say(sender, "确认")))
    finally:
        accept_event_writes(database)
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["id"] in created

    after = "\n".join(texts(stack.say(sender, "好的")))

    slots = tracker(stack, sender)["slots"]
    assert slots["ticket_id"] == ticket["id"] and not slots["awaiting_confirmation"]
    assert created.splitlines()[0] not in after, after  # filed once, announced once
    assert {"确认", "好的"} <= set(stored_user_texts(database, sender))


def test_a_hong_kong_phone_corrected_at_the_read_back_stays_a_phone(stack):
    """ux4: "電話打錯咗，係 9123 4576" was filed as the order number (the correction called
    it one, and an 8-digit number has no mainland phone shape) and the category turned into
    a wrong item (打錯). It corrects the contact only."""
    sender = new_sender()
    stack.say(sender, "訂單202411200012嘅羽絨服拉鏈壞咗，我要退貨退款")
    stack.say(sender, "冇相")
    stack.say(sender, "可以，電話 9123 4567")
    before = tracker(stack, sender)["slots"]
    assert before["awaiting_confirmation"], before

    stack.say(sender, "電話打錯咗，係 9123 4576")

    slots = tracker(stack, sender)["slots"]
    assert slots["contact"] == "91234576"
    assert slots["order_id"] == "202411200012"
    assert slots["issue_category"] == before["issue_category"]


def test_a_number_called_a_phone_at_the_recheck_is_the_contact(stack):
    """ux5: at the re-check of an unknown number, "that was a phone number" got "已更新" and the
    same check again. Now the number is the contact (the customer volunteered it), the order
    number is asked for once, in the customer's script, and nothing asks for a phone again."""
    sender = new_sender()
    stack.say(sender, "杯子收到就碎了 我要退款")
    recheck = "\n".join(texts(stack.say(sender, "13812345678")))
    assert "13812345678" in recheck

    answer = texts(stack.say(sender, "唔係呀 嗰個係電話號碼嚟㗎"))

    assert len(answer) == 1 and "訂單號" in answer[0] and "電話" in answer[0], answer
    assert detect_script(answer[0]) == "hant"
    slots = tracker(stack, sender)["slots"]
    assert slots["pending_order_id"] is None and slots["order_id"] is None
    assert slots["contact"] == "13812345678" and slots["requested_slot"] == "order_id"
    stack.say(sender, "202411235567")
    stack.say(sender, "冇相")
    assert tracker(stack, sender)["slots"]["awaiting_confirmation"] is True
    stack.say(sender, "確認")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411235567" and ticket["contact"] == "13812345678"


def test_a_remedy_wished_at_the_recheck_is_taken_and_never_asked(stack):
    """ux5: "想換過個新嘅" at the re-check was met by the same check, word for word."""
    sender = new_sender()
    stack.say(sender, "部耳機冇聲")
    first = texts(stack.say(sender, "998877665544"))

    again = texts(stack.say(sender, "想換過個新嘅"))

    assert len(again) == 1 and "換貨" in again[0] and "998877665544" in again[0]
    assert again != first
    asked = [requested_slot(stack, sender)]
    for answer in ("確認", "冇相", "唔使"):
        stack.say(sender, answer)
        asked.append(requested_slot(stack, sender))
    assert "desired_remedy" not in asked
    stack.say(sender, "確認")
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["desired_remedy"] == "exchange" and ticket["order_verified"] is False


def test_hand_test_ux8_an_aside_a_wait_and_a_handoff_before_any_problem(stack):
    """The elderly customer: "定单号我找一下" is a wait, and after "你是机器人吗" the order
    question comes back plainly, not as the hint about a message without the number. The
    impatient one: "转人工！！" first is not told its situation was summarised, and "人呢？？？"
    while waiting is not told to say 转人工."""
    sender = new_sender()
    stack.say(sender, "我买的电热水壶烧水的时候底下漏水")
    waited = "\n".join(texts(stack.say(sender, "定单号我找一下")))
    assert "不着急" in waited and "没找到订单号" not in waited
    resumed = texts(stack.say(sender, "你是机器人吗"))
    assert len(resumed) == 2 and "没找到" not in resumed[1] and "订单号" in resumed[1]
    assert requested_slot(stack, sender) == "order_id"

    other = new_sender()
    handed = "\n".join(texts(stack.say(other, "转人工！！")))
    [ticket] = stack.tickets(conversation_id=other)
    assert ticket["id"] in handed and "刚才的情况" not in handed
    waiting = "\n".join(texts(stack.say(other, "人呢？？？")))
    assert "转人工" not in waiting and "人工客服" in waiting


def test_hand_test_ux9_facts_written_after_a_handoff_fill_the_ticket(stack):
    """ "转人工！！" with nobody at the desk is one message (not two both inviting details);
    the order number, the problem and the remedy written while waiting fill the ticket's
    fields, and nothing is asked."""
    sender = new_sender()
    handed = texts(stack.say(sender, "转人工！！"))
    assert len(handed) == 1 and "不在线" in handed[0]
    replies = [
        "\n".join(texts(stack.say(sender, text)))
        for text in ("订单号 2024 1123 5567", "收到的杯子碎了一个", "给我补发一个")
    ]
    assert all("？" not in reply and "?" not in reply for reply in replies), replies
    [ticket] = stack.tickets(conversation_id=sender)
    assert ticket["order_id"] == "202411235567" and ticket["order_verified"] is True
    assert ticket["issue_description"] == "收到的杯子碎了一个"
    assert ticket["issue_category"] in ("logistics", "product_quality")
    assert ticket["desired_remedy"] == "reship"
    assert "诉求：补发" in ticket["summary"]


def test_hand_test_ux9_the_goods_named_alone_are_asked_what_went_wrong(stack):
    """ "我买的那个电热水壶" had opened the intake with a guessed category and no question
    about what went wrong."""
    sender = new_sender()
    stack.say(sender, "我买的那个电热水壶")
    slots = tracker(stack, sender)["slots"]
    assert slots["requested_slot"] == "issue_description"
    assert slots["issue_category"] is None and slots["issue_description"] is None
    stack.say(sender, "烧水的时候底下一直漏水")
    slots = tracker(stack, sender)["slots"]
    assert "漏水" in slots["issue_description"] and slots["issue_category"] == "product_quality"


def test_wait2_a_threat_written_while_waiting_makes_the_ticket_urgent(stack):
    """ "再不处理我就去12315投诉你们" after "转人工" was read as a status question and
    answered with the status report; the ticket stayed normal. It is urgent now (legal, as
    the spec says), and the customer hears an apology and that it is prioritised, in their
    own script."""
    for text, reason, script in (
        ("再不处理我就去12315投诉你们", "legal", "hans"),
        ("再不回我就曝光到微博", "media", "hans"),
        ("我要找律师", "legal", "hans"),
        ("再不處理我就去消基會投訴", "legal", "hant"),
    ):
        sender = new_sender()
        stack.say(sender, "转人工！！" if script == "hans" else "轉人工！！")
        [filed] = stack.tickets(conversation_id=sender)
        assert filed["severity"] == "normal"
        replies = texts(stack.say(sender, text))
        [ticket] = stack.tickets(conversation_id=sender)
        assert ticket["severity"] == "urgent" and reason in ticket["severity_reasons"], text
        assert ticket["issue_description"] == filed["issue_description"]  # not a problem told
        answer = "\n".join(replies)
        assert "抱歉" in answer and "加急" in answer and ticket["id"] in answer, replies
        assert all((detect_script(reply) == "hant") == (script == "hant") for reply in replies)


@pytest.mark.parametrize(
    "turns",
    [
        # before the evidence question: it asks for the new category's kind
        [
            "收到的杯子碎了！订单 2024 1123 5567",
            "不是快递的问题，是东西本身质量有问题",
            "换一个新的",
        ],
        # after it ("没有照片"): the read-back and the ticket name the new category's kind
        [
            "收到的杯子碎了！订单 2024 1123 5567，给我补发一个",
            "没有照片",
            "不是快递的问题，是东西本身质量有问题",
        ],
    ],
)
def test_trial2_a_new_category_mid_form_is_read_back_and_filed_with_its_evidence(stack, turns):
    """Hand trial (trial2) on REST: the parcel complaint said to be the goods' own fault
    before and after the evidence question."""
    sender = new_sender()
    said = []
    for text in turns:
        said += texts(stack.say(sender, text))
    while requested_slot(stack, sender) != "contact_status":
        assert requested_slot(stack, sender) == "evidence_status", said
        said += texts(stack.say(sender, "没有照片"))
    assert not any("快递面单" in line for line in said[2:]), said
    read_back = "\n".join(texts(stack.say(sender, "不用留电话")))
    assert "问题：商品质量问题" in read_back and "凭证：暂无" in read_back, read_back
    stack.say(sender, "确认提交")
    [ticket] = [t for t in stack.tickets() if t["conversation_id"] == sender]
    assert ticket["issue_category"] == "product_quality"
    assert ticket["evidence_missing"] == ["问题部位近照"]

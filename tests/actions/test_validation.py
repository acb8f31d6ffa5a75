import pytest

from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, slot_events


async def test_known_order_is_verified(dispatcher, domain):
    tracker = make_tracker("2024 1123 5567", "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(
        "2024 1123 5567", dispatcher, tracker, domain
    )
    assert result == {
        "order_id": "202411235567",
        "order_verified": True,
        "pending_order_id": None,
        "order_missing": None,
    }


async def test_unknown_order_is_checked_once_more_then_kept_unverified(dispatcher, domain):
    form = ValidateComplaintForm()
    first = make_tracker("998877665544", "inform", slots={"requested_slot": "order_id"})
    assert await form.validate_order_id("998877665544", dispatcher, first, domain) == {
        "order_id": None,
        "order_verified": None,
        "pending_order_id": "998877665544",
        "order_missing": None,
    }

    confirm = make_tracker(
        "确认", "affirm", slots={"requested_slot": "order_id", "pending_order_id": "998877665544"}
    )
    extracted = await form.extract_order_id(dispatcher, confirm, domain)
    assert extracted == {"order_id": "998877665544"}
    validated = await form.validate_order_id(extracted["order_id"], dispatcher, confirm, domain)
    assert validated == {
        "order_id": "998877665544",
        "order_verified": False,
        "pending_order_id": None,
        "order_missing": None,
    }


@pytest.mark.parametrize("typed", ["JD202411235567", "TB 2024 1123 5567", "pdd202411235567"])
async def test_a_platform_prefix_the_shop_does_not_file_is_dropped(dispatcher, domain, typed):
    """"京东订单 JD 2024…": the shop's records know the digits alone, so that is the order."""
    tracker = make_tracker(typed, "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(typed, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == ("202411235567", True)


@pytest.mark.parametrize("typed", ["TBLS20241120001", "xDD20241123889", "jdDD20241123889"])
async def test_a_platform_prefix_glued_before_the_shops_own_letters_is_dropped(
    dispatcher, domain, typed
):
    """"xhsP7123…": the shop files its own letters, so each shorter prefix is tried (ord31)."""
    tracker = make_tracker(typed, "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(typed, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == (typed.upper()[-13:], True)


async def test_an_unknown_prefixed_id_is_checked_as_typed(dispatcher, domain):
    tracker = make_tracker("JD998877665544", "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(
        "JD998877665544", dispatcher, tracker, domain
    )
    assert result["pending_order_id"] == "JD998877665544" and result["order_id"] is None


async def test_bare_number_typed_when_asked_is_taken(dispatcher, domain):
    tracker = make_tracker(
        "２０２４-１１２０-００１２", "nlu_fallback", slots={"requested_slot": "order_id"}
    )
    assert await ValidateComplaintForm().extract_order_id(dispatcher, tracker, domain) == {
        "order_id": "202411200012"
    }


@pytest.mark.parametrize(
    "text, extracted, stored",
    [
        # what the NLU extracts keeps its shape through extraction and validation
        ("拼多多订单号：241128-079312846150275", "241128079312846150275", None),
        ("订单号 PO 211 29384756102938475", "PO21129384756102938475", None),
        ("亚马逊订单号 112-1234567-1234567", "11212345671234567", None),
        ("蝦皮訂單編號 241128ABCD1234", "241128ABCD1234", None),
        ("小红书订单号：P768192837465019283", "P768192837465019283", None),
        # typed alone at the order question, a spaced letter prefix stays
        ("JD 301234567890", "301234567890", "JD301234567890"),
        ("PO 211 29384756102938475", "29384756102938475", "PO21129384756102938475"),
        # letters alone after an order word (dev14): the NLU vouches for it (ord27's review:
        # the form dropped what the NLU filed)
        ("订单号：KXMZQPRT", "KXMZQPRT", None),
    ],
)
async def test_new_order_shapes_typed_at_the_order_question_are_kept(
    dispatcher, domain, text, extracted, stored
):
    form = ValidateComplaintForm()
    tracker = make_tracker(
        text,
        "inform",
        entities=[{"entity": "order_id", "value": extracted}],
        slots={"requested_slot": "order_id"},
    )
    assert await form.extract_order_id(dispatcher, tracker, domain) == (
        {"order_id": stored} if stored else {}
    )
    validated = await form.validate_order_id(stored or extracted, dispatcher, tracker, domain)
    assert validated["pending_order_id"] == (stored or extracted)  # unknown: asked once more


async def test_evidence_answers(dispatcher, domain):
    form = ValidateComplaintForm()
    asked = {"requested_slot": "evidence_status"}
    assert await form.extract_evidence_status(
        dispatcher, make_tracker("没拍", "deny", slots=asked), domain
    ) == {"evidence_status": "none"}
    assert await form.extract_evidence_status(
        dispatcher, make_tracker("晚点发", "evidence_later", slots=asked), domain
    ) == {"evidence_status": "later"}
    assert (
        await form.extract_evidence_status(
            dispatcher, make_tracker("转人工", "handoff", slots=asked), domain
        )
        == {}
    )
    not_asked = make_tracker("没有", "deny", slots={"requested_slot": "order_id"})
    assert await form.extract_evidence_status(dispatcher, not_asked, domain) == {}


async def test_contact_only_with_consent(dispatcher, domain):
    form = ValidateComplaintForm()
    asked = {"requested_slot": "contact_status"}
    given = make_tracker("打我电话 138 0013 8000", "inform", slots=asked)
    assert await form.extract_contact_status(dispatcher, given, domain) == {
        "contact_status": "given"
    }
    assert await form.validate_contact_status("given", dispatcher, given, domain) == {
        "contact_status": "given",
        "contact": "13800138000",
    }
    declined = make_tracker("不用", "deny", slots=asked)
    assert await form.extract_contact_status(dispatcher, declined, domain) == {
        "contact_status": "declined"
    }
    quit_complaint = make_tracker("算了 我不投诉了", "cancel", slots=asked)
    assert await form.extract_contact_status(dispatcher, quit_complaint, domain) == {}


async def test_remedy_change_mid_form_is_acknowledged(dispatcher, domain):
    tracker = make_tracker(
        "算了不退了，换一个吧", "correct", slots={"requested_slot": "evidence_status"}
    )
    result = await ValidateComplaintForm().validate_desired_remedy(
        "exchange", dispatcher, tracker, domain
    )
    assert result == {"desired_remedy": "exchange"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_noted_changes"]


async def test_a_remedy_told_with_the_story_is_no_change(dispatcher, domain):
    """Hand trial: "衣服尺码不对 我要换大一码" at the first question, read as `correct`, was
    answered "收到，已更新【诉求：换货】" although no remedy had been said before."""
    tracker = make_tracker(
        "衣服尺码不对 我要换大一码 单号 2024-1121-0777",
        "correct",
        slots={"requested_slot": "issue_description"},
    )
    result = await ValidateComplaintForm().validate_desired_remedy(
        "exchange", dispatcher, tracker, domain
    )
    assert result == {"desired_remedy": "exchange"}
    assert dispatcher.messages == []


async def test_a_remedy_changed_at_the_story_question_is_acknowledged(dispatcher, domain):
    tracker = make_tracker(
        "杯子碎了 算了不退了 补发一个吧",
        "correct",
        slots={"requested_slot": "issue_description"},
        history=[{"event": "slot", "name": "desired_remedy", "value": "refund"}],
    )
    result = await ValidateComplaintForm().validate_desired_remedy(
        "reship", dispatcher, tracker, domain
    )
    assert result == {"desired_remedy": "reship"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_noted_changes"]


async def test_codes_outside_the_taxonomy_are_dropped(dispatcher, domain):
    form = ValidateComplaintForm()
    tracker = make_tracker("x", "inform")
    assert await form.validate_issue_category("weather", dispatcher, tracker, domain) == {
        "issue_category": None
    }
    assert await form.validate_desired_remedy("free_money", dispatcher, tracker, domain) == {
        "desired_remedy": None
    }


async def test_uploaded_files_answer_the_evidence_question(dispatcher, domain, tmp_path):
    import io

    from PIL import Image

    from actions import dependencies

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    dependencies.evidence_store().save("customer-1", "box.jpg", buffer.getvalue(), "image/jpeg")
    tracker = make_tracker(
        "/send_evidence", "send_evidence", slots={"requested_slot": "evidence_status"}
    )
    form = ValidateComplaintForm()
    assert await form.extract_evidence_status(dispatcher, tracker, domain) == {
        "evidence_status": "provided"
    }
    result = await form.validate_evidence_status("provided", dispatcher, tracker, domain)
    assert result["evidence_status"] == "provided"
    [item] = result["evidence"]
    assert (
        item["filename"] == "box.jpg"
        and item["content_type"] == "image/jpeg"
        and len(item["sha256"]) == 64
    )
    assert dispatcher.messages[0]["response"] == "utter_evidence_received"


async def test_files_sent_at_another_question_or_first_answer_the_evidence_one(
    dispatcher, domain
):
    form = ValidateComplaintForm()
    at_remedy = make_tracker(
        "/send_evidence",
        "send_evidence",
        slots={"requested_slot": "desired_remedy"},
        active_loop="complaint_form",
    )
    opening = make_tracker("/send_evidence", "send_evidence")
    after_filing = make_tracker("/send_evidence", "send_evidence", slots={"ticket_open": True})
    at_read_back = make_tracker(
        "/send_evidence", "send_evidence", slots={"awaiting_confirmation": True}
    )
    for tracker in (at_remedy, opening):
        assert await form.extract_evidence_status(dispatcher, tracker, domain) == {
            "evidence_status": "provided"
        }
    for tracker in (after_filing, at_read_back):
        assert await form.extract_evidence_status(dispatcher, tracker, domain) == {}


async def test_sent_evidence_with_no_file_is_asked_again(dispatcher, domain):
    tracker = make_tracker(
        "/send_evidence", "send_evidence", slots={"requested_slot": "evidence_status"}
    )
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result == {"evidence_status": None}


async def test_form_run_keeps_the_extra_slots(dispatcher, domain):
    """Through the SDK's own run(): slots outside required_slots must survive validation."""
    tracker = make_tracker("手机 13800138000", "inform", slots={"requested_slot": "contact_status"})
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["contact"] == "13800138000" and slots["contact_status"] == "given"


async def test_an_unsure_out_of_scope_opening_is_the_description(dispatcher, domain):
    """ "耳机有杂音" read as out of scope but opening the intake is what went wrong."""
    tracker = make_tracker(
        "耳机有杂音",
        "out_of_scope",
        extra={
            "complaint_triage": {
                "category": {
                    "code": "product_quality",
                    "confidence": 0.9,
                    "ranking": [{"code": "product_quality", "confidence": 0.9}],
                }
            }
        },
        after_user=[{"event": "action", "name": "complaint_form"}],
    )
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    slots = slot_events(events)
    assert slots["issue_description"] == "耳机有杂音"


@pytest.mark.parametrize(
    "typed, extracted, filed",
    [
        ("哦找到了 2024112000 12", "2024112000", "202411200012"),  # the last two digits apart
        ("订单号 202411235567 99", "20241123556799", "202411235567"),  # a count joined on
    ],
)
async def test_a_reading_of_the_groups_the_shop_knows_is_filed(
    dispatcher, domain, typed, extracted, filed
):
    """The shop's records (the demo orders) decide which groups belong to the number; the
    customer is not asked to check a number they typed right."""
    tracker = make_tracker(typed, "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(extracted, dispatcher, tracker, domain)
    assert (result["order_id"], result["order_verified"]) == (filed, True)


async def test_no_reading_the_shop_knows_leaves_the_number_to_check(dispatcher, domain):
    tracker = make_tracker("9988776655 12", "inform", slots={"requested_slot": "order_id"})
    result = await ValidateComplaintForm().validate_order_id(
        "9988776655", dispatcher, tracker, domain
    )
    assert result["pending_order_id"] == "9988776655" and result["order_id"] is None

"""Evidence completeness: what a useful set is per category, asked for once, recorded."""

import pytest

from actions import dependencies
from actions.form_questions import ActionAskEvidenceStatus
from actions.validation import ValidateComplaintForm
from tests.actions.conftest import make_tracker, responses, slot_events
from tests.bot.evidence import media_files as files

ASKED = {"requested_slot": "evidence_status", "issue_category": "logistics"}


def _upload(*names):
    for n, name in enumerate(names):
        dependencies.evidence_store().save("customer-1", name, files.jpeg(40 + n, 30))


def _followup_set_this_turn(missing):
    return [{"event": "slot", "name": "evidence_followup", "value": missing}]


async def test_fewer_files_than_the_set_asks_once_for_the_rest(dispatcher, domain):
    _upload("外箱.jpg")
    form = ValidateComplaintForm()
    tracker = make_tracker("/send_evidence", "send_evidence", slots=ASKED)
    result = await form.validate_evidence_status("provided", dispatcher, tracker, domain)
    assert result["evidence_status"] is None  # the question stays open
    assert result["evidence_followup"] == ["商品破损照片", "快递面单"]
    assert len(result["evidence"]) == 1

    # the form validates a second time in the same turn: still asking
    again = make_tracker(
        "/send_evidence",
        "send_evidence",
        slots={**ASKED, "evidence_followup": result["evidence_followup"]},
        after_user=_followup_set_this_turn(result["evidence_followup"]),
    )
    second = await form.validate_evidence_status("provided", dispatcher, again, domain)
    assert second["evidence_status"] is None

    # the follow-up names what is missing, once
    asking = make_tracker(
        "", None, slots={**ASKED, "evidence_followup": ["商品破损照片", "快递面单"]}
    )
    await ActionAskEvidenceStatus().run(dispatcher, asking, domain)
    assert responses(dispatcher)[-1] == "utter_ask_more_evidence"
    assert dispatcher.messages[-1]["missing"] == "商品破损照片、快递面单"


@pytest.mark.parametrize("answer, intent", [("面单扔了 没有", "deny"), ("拍不了", "nlu_fallback")])
async def test_no_more_files_records_what_is_missing(dispatcher, domain, answer, intent):
    _upload("外箱.jpg")
    form = ValidateComplaintForm()
    slots = {**ASKED, "evidence_followup": ["商品破损照片", "快递面单"]}
    tracker = make_tracker(answer, intent, slots=slots)
    status = await form.extract_evidence_status(dispatcher, tracker, domain)
    assert status == {"evidence_status": "none"}
    result = await form.validate_evidence_status("none", dispatcher, tracker, domain)
    assert result == {
        "evidence_status": "provided",
        "evidence_missing": ["商品破损照片", "快递面单"],
    }


@pytest.mark.parametrize("caption", ["就這張，沒有別的了", "只有这一张", "其他照片都没有"])
async def test_files_said_to_be_all_there_is_are_not_asked_for_again(dispatcher, domain, caption):
    """Hand trial 2026-12-04 (widget, Traditional): one photo captioned "就這張，沒有別的了"
    while the remedy was asked; the next question asked for the damage photo and the waybill."""
    _upload("外箱.jpg")
    slots = {"requested_slot": "desired_remedy", "issue_category": "logistics"}
    form = ValidateComplaintForm()
    for extra in ([], _followup_set_this_turn(None)):  # both of the turn's passes
        tracker = make_tracker(caption, "inform", slots=slots, after_user=extra)
        result = await form.validate_evidence_status("provided", dispatcher, tracker, domain)
        assert result["evidence_status"] == "provided"
        assert result["evidence_missing"] == ["商品破损照片", "快递面单"]
        assert "evidence_followup" not in result


async def test_a_caption_naming_no_limit_still_asks_for_the_rest(dispatcher, domain):
    _upload("外箱.jpg")
    slots = {"requested_slot": "desired_remedy", "issue_category": "logistics"}
    tracker = make_tracker("这张是外箱", "inform", slots=slots)
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result["evidence_status"] is None
    assert result["evidence_followup"] == ["商品破损照片", "快递面单"]


async def test_more_files_after_the_follow_up_complete_the_set(dispatcher, domain):
    _upload("外箱.jpg", "破损.jpg", "面单.jpg")
    slots = {**ASKED, "evidence_followup": ["商品破损照片", "快递面单"]}
    tracker = make_tracker("/send_evidence", "send_evidence", slots=slots)
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result["evidence_status"] == "provided"
    assert result["evidence_missing"] == [] and len(result["evidence"]) == 3


async def test_a_category_needing_one_kind_is_complete_with_one_file(dispatcher, domain):
    _upload("近照.jpg")
    slots = {"requested_slot": "evidence_status", "issue_category": "product_quality"}
    tracker = make_tracker("/send_evidence", "send_evidence", slots=slots)
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result["evidence_status"] == "provided" and result["evidence_missing"] == []


NOT_DELIVERED = [
    "快递显示签收了但我根本没收到包裹",
    "物流三天都不动了，到底发没发",
    "包裹丢了吧 一直显示运输中",
    "顯示已簽收 但我屋企冇人收到",
]
DAMAGED = ["快递把箱子压扁了 杯子也碎了", "外箱濕晒 入面件衫都爛咗", "送来的时候盒子凹进去一块"]


TRACKING_PAGE_IS_ENOUGH = {"evidence_status": "provided", "evidence_missing": []}
DAMAGE_SET_ASKED_ON = {"evidence_status": None, "evidence_followup": ["商品破损照片", "快递面单"]}


@pytest.mark.parametrize(
    "description, question, after_one_file",
    [
        *[(d, "utter_ask_evidence_tracking", TRACKING_PAGE_IS_ENOUGH) for d in NOT_DELIVERED],
        *[(d, "utter_ask_evidence_status", DAMAGE_SET_ASKED_ON) for d in [*DAMAGED, None]],
    ],
)
async def test_a_logistics_complaint_is_asked_for_what_shows_its_problem(
    dispatcher, domain, description, question, after_one_file
):
    """A parcel that never came: its tracking page; a damaged one: box, damage, waybill."""
    slots = {**ASKED, "issue_description": description}
    await ActionAskEvidenceStatus().run(dispatcher, make_tracker("", None, slots=slots), domain)
    assert responses(dispatcher)[-1] == question
    _upload("截图.jpg")
    tracker = make_tracker("/send_evidence", "send_evidence", slots=slots)
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert after_one_file.items() <= result.items()


@pytest.mark.parametrize("text", ["有 我发你", "有銀行的截圖"])
async def test_words_read_as_sending_files_without_a_file_mean_later(dispatcher, domain, text):
    """dialogues_dev2 w067, dev8 r017: the NLU read the answer as send_evidence, no file came,
    and the evidence question was asked four times."""
    tracker = make_tracker(text, "send_evidence", slots=ASKED)
    events = await ValidateComplaintForm().run(dispatcher, tracker, domain)
    assert slot_events(events)["evidence_status"] == "later"


async def test_an_upload_whose_file_is_missing_is_asked_again(dispatcher, domain):
    tracker = make_tracker("/send_evidence", "send_evidence", slots=ASKED)
    result = await ValidateComplaintForm().validate_evidence_status(
        "provided", dispatcher, tracker, domain
    )
    assert result == {"evidence_status": None}

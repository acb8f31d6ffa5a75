"""What one message did within the complaint form's turn, read from the tracker.

The form's validation (`actions/validation.py`) runs twice per message (the slot mappings'
pass, then the form's own); these helpers tell the passes apart, find what the message
changed, and decide when a reply answers nothing, so both passes reach the same verdict.
"""

from typing import Any, Dict, List, Optional, Set

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.asides import asked_back, is_aside
from actions.conversation import (
    CONTROL_INTENTS,
    channel_live_context,
    latest_intent,
    latest_text,
    slot_before_this_turn,
    slots_set_this_turn,
)
from bot.intake import answers

MAX_DESCRIPTION_CHARS = 2000

# Messages a rule answers (a human, stop, status, small talk, "I want to correct something",
# "I want to complain"): never an answer to the open question, however the form reads them.
# A yes or no can be one, so those two control intents are not among them.
NOT_ANSWERS = (CONTROL_INTENTS - {"affirm", "deny"}) | {"start_complaint"}
# what a message is about even when it also answers a question (names the room, the kind)
REQUESTS = frozenset({"handoff", "cancel", "status_query"})
# Questions with a closed answer. A reply that answers none of them and fills nothing else
# ("就是上周买的那个", "不是订单的问题") is asked again with a hint (`unclear_answer`); a
# second such reply moves on with what a person would note: the likeliest category (or
# "other"), no order number, remedy "other", evidence later, no contact.
CLOSED_QUESTIONS = (
    "issue_category",
    "order_id",
    "desired_remedy",
    "evidence_status",
    "contact_status",
)
# Free-text questions (what the live-stream host said, which room): a reply that fills nothing
# ("对", read as a yes) is asked again with a hint like a closed question's, so that the form
# does not reject itself (the default fallback's "没太明白" was no asking, and the customer's
# words were never taken: "stuck: asked for live_claim 4 times"); after two askings the words
# are the answer (`actions/live_slots.py`).
FREE_TEXT_QUESTIONS = ("live_claim", "live_session")
# Questions no part of the story answers: a reply that only adds to the description there
# ("东西我早扔了 …" at the evidence question, read as a complaint) is no answer either, or the
# question would be asked again and again with nothing moving on.
STORY_IS_NO_ANSWER = ("evidence_status", "contact_status")
# what answers an out-of-scope aside during the form (the rule's action; the response before)
ASIDE_ACTIONS = frozenset({"action_aside_in_form", "utter_out_of_scope_in_form"})
# suffix of `unclear_answer` for a reply that asks for a moment ("稍等 我找找")
WAITING = ":wait"
# suffix of `unclear_answer` for words typed with files that answer nothing ("外箱和商品都拍
# 了"): their caption, no unclear answer; the question was asked just now, after the files
CAPTION = ":caption"
# suffix of `unclear_answer` for a legal or media threat that answers nothing ("再不处理我就去
# 12315"): apologised for (`actions/threat_in_form.py`), the question asked again plainly, and
# no unclear answer (a second one would move on with defaults)
THREAT = ":threat"
# suffix of `unclear_answer` for a question about the open question ("订单号在哪看", "拍照干嘛"):
# answered (`bot.intake.questions_back`), the question asked again plainly, no unclear answer
ASKED_BACK = ":asked"
# entities that fill (or answer) a form question through the domain's slot mappings
FORM_ENTITIES = frozenset({"order_id", "desired_remedy", "issue_category", "phone"})


def append(existing: Optional[str], text: str) -> str:
    """Keep every detail the customer gives, in order, without repeating any."""
    if not existing:
        return text[:MAX_DESCRIPTION_CHARS]
    if text in existing:
        return existing
    return f"{existing}\n{text}"[:MAX_DESCRIPTION_CHARS]


def lead_with(existing: Optional[str], text: str) -> str:
    """The description with `text` first: a problem told anew leads, what was said before stays.

    Why first: the read-back shows the description's beginning, and the customer must see
    the correction there; the earlier words stay for the agent (nothing is lost).
    """
    earlier = [line for line in (existing or "").split("\n") if line and line != text]
    return "\n".join([text, *earlier])[:MAX_DESCRIPTION_CHARS]


def live_session_known(tracker: Tracker, before_this_turn: bool = False) -> bool:
    """Whether the channel or the order already said which live session this was.

    `before_this_turn`: as it stood before this message, which may itself name the room.
    """
    own = slot_before_this_turn(tracker, "live") if before_this_turn else tracker.get_slot("live")
    for live in (own, channel_live_context(tracker)):
        if isinstance(live, dict) and (live.get("room_id") or live.get("streamer")):
            return True
    return False


def asked_this_turn(tracker: Tracker, slot: str) -> bool:
    """Whether this message answers the question about `slot`.

    The question open before this message counts too, in case `requested_slot` was set
    again this turn before the form's pass: that pass must still see the answer, or Rasa
    rejects a slot it does not list.
    """
    return slot in (
        tracker.get_slot("requested_slot"),
        slot_before_this_turn(tracker, "requested_slot"),
    )


def times_asked(tracker: Tracker, slot: str) -> int:
    """How often the form has asked about `slot` in this conversation (its `utter_ask_`).

    The form asks by running the response inside its own action, which logs no action
    event, only the bot's message carrying `utter_action` in its metadata: counting action
    events alone found no asking at all, and the guard after two askings never fired
    (dialogues_dev10 t063). A response run as an action of its own logs both.
    """
    question = f"utter_ask_{slot}"
    run_as_actions = sum(
        1 for e in tracker.events if e.get("event") == "action" and e.get("name") == question
    )
    said = sum(
        1
        for e in tracker.events
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == question
    )
    return max(run_as_actions, said)


# Questions a bare "不用了谢谢" answers (no photos, no phone) rather than withdrawing.
_POLITE_NO_ANSWERS = frozenset({"evidence_status", "contact_status"})


def withdraws(tracker: Tracker) -> bool:
    """Whether a message the NLU did not read as a cancel still withdraws the complaint."""
    intent = latest_intent(tracker)
    text = latest_text(tracker)
    if intent in ("cancel", "handoff") or not text:
        return False
    if (tracker.active_loop or {}).get("name") != "complaint_form":
        return False  # the slot mappings run this outside the form too (read-back, after filing)
    if answers.cancels_complaint(text):
        return True
    requested = tracker.get_slot("requested_slot")
    return requested not in _POLITE_NO_ANSWERS and answers.declines_politely(text)


def resuming(tracker: Tracker) -> bool:
    """Whether the form runs again after another action answered this message.

    (After "好的，请直接告诉我要改的内容" the form asks its question again; rejecting it
    then would hand the turn to the default fallback.)
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        name = event.get("name")
        if event.get("event") == "action" and name not in (
            "complaint_form",
            "action_listen",
            "action_extract_slots",
        ):
            return True
    return False


def changes_anything(tracker: Tracker, events: List[EventType]) -> bool:
    """Whether this message changed a slot's value from what it was before it.

    Both validation passes count: by the form's pass, the slot mappings' pass has already
    set what the message said ("订单号找不到了" → order_missing).
    """
    after = dict(slots_set_this_turn(tracker))
    after.update({e.get("name"): e.get("value") for e in events if e.get("event") == "slot"})
    bookkeeping = {"requested_slot", "unclear_answer", "category_candidates"}
    return any(
        value != slot_before_this_turn(tracker, name)
        for name, value in after.items()
        if name not in bookkeeping
    )


# the slots whose setting this turn answers the open question, by question (else its own)
_ANSWERED_BY = {
    "order_id": ("order_id", "pending_order_id", "order_missing"),
    "order_missing": ("order_id", "pending_order_id", "order_missing"),
    "contact_status": ("contact_status", "contact"),
}


def slots_after(tracker: Tracker, events: List[EventType]) -> Dict[str, Any]:
    """The slots this message set, by either validation pass, with their values."""
    after = dict(slots_set_this_turn(tracker))
    after.update({e.get("name"): e.get("value") for e in events if e.get("event") == "slot"})
    return after


def open_question_answered(tracker: Tracker, events: List[EventType]) -> bool:
    """Whether this message answered the open question (a fact said beside it is no aside)."""
    requested = tracker.get_slot("requested_slot")
    after = slots_after(tracker, events)
    return any(after.get(name) is not None for name in _ANSWERED_BY.get(requested, (requested,)))


def acknowledged(dispatcher: CollectingDispatcher) -> bool:
    """Whether this pass already said the message was noted (a correction, more of the story).

    One acknowledgement per message: a second ("已帮您改过来了" then "好的，…已记下") reads
    as not listening.
    """
    return any(str(m.get("response") or "").startswith("utter_noted") for m in dispatcher.messages)


def form_pass(tracker: Tracker) -> bool:
    """Whether this validation is the form's own pass of the turn, not the slot mappings'.

    The form inserts its own execution event after the user's message before calling us.
    """
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "complaint_form":
            return True
    return False


def asked_closed_question(tracker: Tracker) -> bool:
    """Whether the open question has a closed answer (order, remedy, evidence, contact)."""
    return tracker.get_slot("requested_slot") in CLOSED_QUESTIONS


def unclear_again(tracker: Tracker, slot: str) -> bool:
    """Whether this reply to the question about `slot` follows an unclear one to it."""
    return (
        tracker.get_slot("requested_slot") == slot
        and slot_before_this_turn(tracker, "unclear_answer") == slot
        and (latest_intent(tracker) not in NOT_ANSWERS or aside_again(tracker))
        and bool(latest_text(tracker))
        and not answers.asks_to_wait(latest_text(tracker))
    )


def aside_again(tracker: Tracker) -> bool:
    """A second out-of-scope reply to the same open question counts as an unclear answer.

    The first is answered aside and the question repeated; without this, a customer who
    keeps asking what the bot cannot do ("帮我改回分期付款") is asked the same question forever.
    """
    if latest_intent(tracker) != "out_of_scope":
        return False
    before = list(reversed(tracker.events))
    latest_user = next((i for i, e in enumerate(before) if e.get("event") == "user"), None)
    if latest_user is None:
        return False
    aside_open: Optional[bool] = None  # an earlier aside seen: was it at this question?
    for event in before[latest_user + 1 :]:
        if event.get("event") == "action" and event.get("name") in ASIDE_ACTIONS:
            aside_open = True
        elif event.get("event") == "slot" and event.get("name") == "requested_slot":
            if event.get("value") != tracker.get_slot("requested_slot"):
                return False
            if aside_open:
                return True
    return False


def unclear_answer_events(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """Mark a reply that fills nothing as unclear, or clear the mark once one does.

    Marking it (a slot the form sees as validated) keeps the form from rejecting itself
    and handing the turn to the default fallback, which would not repeat the question;
    the form asks again with a hint instead (the ask actions and responses read
    `unclear_answer`). Runs in both of the turn's validation passes with the same result.
    """
    requested = tracker.get_slot("requested_slot")
    ignored = {"requested_slot", "unclear_answer"}
    filled = {e.get("name") for e in events if e.get("event") == "slot"} - ignored
    filled |= set(slots_set_this_turn(tracker)) - ignored
    # slots the NLU's entities fill (in the first pass their mappings are not events yet)
    filled |= {
        e.get("entity") for e in tracker.latest_message.get("entities") or []
    } & FORM_ENTITIES
    text = latest_text(tracker)
    if _caption_at_contact_question(tracker, filled):
        return [SlotSet("unclear_answer", f"{requested}{CAPTION}")]
    story_only = requested in STORY_IS_NO_ANSWER and only_the_story(tracker, events, filled)
    if (
        (requested in CLOSED_QUESTIONS or requested in FREE_TEXT_QUESTIONS)
        and (not filled or story_only)
        and text
        and (latest_intent(tracker) not in NOT_ANSWERS or aside_again(tracker))
    ):
        # "稍等 我找找" is no unclear answer: the question waits (asked as "take your time")
        if answers.asks_to_wait(text):
            return [SlotSet("unclear_answer", f"{requested}{WAITING}")]
        if asked_back(tracker) or is_aside(tracker):
            # answered (a question about the question, or small talk): asked again plainly
            return [SlotSet("unclear_answer", f"{requested}{ASKED_BACK}")]
        return [SlotSet("unclear_answer", requested)]
    if filled and not story_only and tracker.get_slot("unclear_answer"):
        return [SlotSet("unclear_answer", None)]
    return []


# Slots more of the story sets: the description, and the category the triage reads into it
# again (with its candidates), unchanged.
_STORY_SLOTS = frozenset(
    {"issue_description", "issue_category", "category_candidates", "category_tied"}
)


def only_the_story(tracker: Tracker, events: List[EventType], filled: Set[str]) -> bool:
    """Whether the message only told more of the problem, its category unchanged.

    "照片里能看到杯口碎了一大块 外箱也瘪了" at the photo question (the photo described, not
    sent): the triage set the same category again beside the description, the reply counted
    as an answer, and the photo question came back word for word for ever (dialogues_dev16
    s018); said again, the description stays and only the category is set. A category the
    message changes is a correction, not the story alone.
    """
    if not filled or not filled <= _STORY_SLOTS:
        return False  # (the same words again leave the description as it was)
    category = slots_after(tracker, events).get("issue_category")
    return category is None or category == slot_before_this_turn(tracker, "issue_category")


def _caption_at_contact_question(tracker: Tracker, filled: Set[str]) -> bool:
    """Words typed with files at the contact question that give no contact nor refuse one.

    They are the files' caption ("外箱、杯子和面单都拍了", "張相喺度"), told or not more of
    the problem with them: no unclear answer (the hint came right after the question the
    files were answered with, ux11); the plain question follows them
    (`ActionAskContactStatus`, which asks nothing after the files themselves).
    """
    return (
        tracker.get_slot("requested_slot") == "contact_status"
        and captions_the_upload(tracker)
        and not filled & {"contact_status", "contact"}
        and latest_intent(tracker) not in NOT_ANSWERS
    )


def unclear_mark(tracker: Tracker) -> Optional[str]:
    """The `unclear_answer` mark the question's wording should follow, if any.

    None when the form resumes after answering something else ("你是机器人吗"): the mark
    stays (a second unclear reply still moves on), but the hint speaks of the reply before
    the aside ("这条消息里我没找到订单号"), so repeating it word for word read as not heard
    (hand test ux8).
    """
    return None if resuming(tracker) else tracker.get_slot("unclear_answer")


def captions_the_upload(tracker: Tracker) -> bool:
    """Whether the message was typed with the files just sent ("張相喺度" and a photo).

    The widget sends the files, then the words (`with_evidence` in the words' metadata):
    two messages to the bot, one to the customer, who was asked the same question twice in
    one breath, once after the files and once after their caption (hand test ux8).
    """
    users = [e for e in reversed(tracker.events) if e.get("event") == "user"][:2]
    if len(users) < 2 or not (users[0].get("metadata") or {}).get("with_evidence"):
        return False
    return str(users[1].get("text") or "").startswith("/send_evidence")


def caption_follows(tracker: Tracker) -> bool:
    """Whether the message is files whose caption comes next (`captioned` in its metadata).

    A photo sent with the whole complaint typed beside it, before anything was told: the
    bot asked "麻烦描述一下遇到的问题" after the photo, then read the description in the very
    next message (hand trial ux12). The question waits for the words, which answer it.
    """
    users = [e for e in reversed(tracker.events) if e.get("event") == "user"][:1]
    if not users or not str(users[0].get("text") or "").startswith("/send_evidence"):
        return False
    return bool((users[0].get("metadata") or {}).get("captioned"))


def before_any_intake(tracker: Tracker) -> bool:
    """No form running, nothing read back or filed yet: the conversation's opening."""
    return not (
        tracker.active_loop.get("name")
        or tracker.get_slot("awaiting_confirmation")
        or tracker.get_slot("ticket_open")
    )


def intake_collecting(tracker: Tracker) -> bool:
    """A question is open, or the intake is just opening: answers to any question count."""
    return tracker.get_slot("requested_slot") is not None or before_any_intake(tracker)

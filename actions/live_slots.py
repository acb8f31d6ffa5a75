"""The live-stream questions of the complaint form: what the host said, and which room.

Split from `actions/validation.py` (one concern each); `ValidateComplaintForm` mixes these
methods in, and rasa-sdk finds them there by their `extract_<slot>`/`validate_<slot>` names.
"""

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import form_turn
from actions.conversation import (
    CONTROL_INTENTS,
    channel_live_context,
    latest_entity,
    latest_intent,
    latest_text,
    slot_before_this_turn,
)
from bot.intake import answers, remedy_answers
from bot.live.claim_answer import hosts_words, says_nothing_of_use, tells_hosts_words
from bot.live.details_told import adds_to, live_details_told
from bot.live.promised_gift import LIVESTREAM, live_category
from bot.live.session_answer import live_from_answer, named_streamer, tells_the_session


class LiveStreamSlots:
    """The host's claim (主播话术) and the live room, as the customer puts them."""

    async def extract_live_claim(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Whatever the customer answers about the host's words, as they put it.

        A message that itself tells the host's words ("主播说下单送发夹 结果没有") states the
        claim already: those words are taken (`hosts_words`: "主播说下单送发夹"), and the
        question is not asked; an answer to the question is taken whole. One that only says the
        goods differ from them ("跟主播讲的完全不是一回事") does not (`tells_hosts_words`).
        An answer with nothing to write down ("🙄", "不知道") is asked once more with the
        hint, then taken as it comes.
        """
        told = self._claim_told_before(tracker)
        if told:
            return {"live_claim": told[: form_turn.MAX_DESCRIPTION_CHARS]}
        if not (
            form_turn.asked_this_turn(tracker, "live_claim") or self._states_live_claim(tracker)
        ):
            return {}
        text = latest_text(tracker)
        again = _asked_again(tracker, "live_claim")
        if not text or not (_tells_something(tracker) or again):
            return {}
        if answers.only_gives_order_number(text) and not again:
            return {}  # the order number, given first: what the host said is still to come
        if says_nothing_of_use(text) and not again:
            return {}
        if not form_turn.asked_this_turn(tracker, "live_claim"):
            # told unasked, within the customer's own story
            text = hosts_words(text, streamer_of(tracker))
        return {"live_claim": text[: form_turn.MAX_DESCRIPTION_CHARS]}

    async def validate_live_claim(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Record the claim (and when it was said) in the ticket's `live` context."""
        live = dict(tracker.get_slot("live") or channel_live_context(tracker) or {})
        live["claim"] = value
        when = latest_entity(tracker, "date")
        if when:
            live["replay_at"] = str(when)
        return {"live_claim": value, "live": live}

    async def extract_live_session(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Which live room and when, as the customer puts it ("不记得了" answers it too).

        A message that names the room before the question ("我是在小鹿美妆直播间买的" at the
        order question, whatever else the NLU read in it) answers it already, and the
        question is not asked.
        """
        text = latest_text(tracker)
        named = self._names_live_room(tracker)
        if not text or not (named or form_turn.asked_this_turn(tracker, "live_session")):
            return {}
        if latest_intent(tracker) in form_turn.REQUESTS:
            return {}
        again = _asked_again(tracker, "live_session")
        if not (named or _tells_something(tracker) or again):
            return {}
        if answers.only_gives_order_number(text) and not again:
            return {}  # the order number is no room
        if (
            not (named or again)
            and remedy_answers.remedy_mentioned(text)
            and (
                remedy_answers.only_names_a_remedy(text)
                or not tells_the_session(text, latest_entity(tracker, "date"))
            )
        ):
            return {}  # "要么补发赠品 要么退差价": what is wanted, not where they watched
        return {"live_session": text[: form_turn.MAX_DESCRIPTION_CHARS]}

    async def validate_live_session(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Add the host's name and the time the answer gives to the ticket's `live`."""
        known = tracker.get_slot("live") or channel_live_context(tracker) or {}
        live = live_from_answer(str(value), latest_entity(tracker, "date"), known)
        return {"live_session": value, "live": live or None}

    @staticmethod
    def _states_live_claim(tracker: Tracker) -> bool:
        """A misleading-host message that tells the host's words, before the claim is known.

        The category is read with the session (`live_category`): "大鹏说买锅送铲 我的铲子没有"
        in 大鹏严选's room is filed as livestream_misleading though the NLU reads
        wrong_or_missing_item, and was then asked "主播原话是怎么讲的？" for the words it had
        just told (hand trial trial5).
        """
        text = latest_text(tracker) or ""
        category = live_category(
            latest_entity(tracker, "issue_category"), text, live_context(tracker)
        )
        return (
            category == LIVESTREAM
            and not slot_before_this_turn(tracker, "live_claim")
            and tells_hosts_words(text, streamer_of(tracker))
        )

    @staticmethod
    def _claim_told_before(tracker: Tracker) -> Optional[str]:
        """The description, when it told the host's words before the category was known.

        Why: an opening the triage was unsure of ("主播昨晚话下单就送化妆包，我等咗一个星期都冇
        收到赠品") is asked its category first; once the customer picks 主播误导, the
        question "主播原话是怎么讲的？" asked for what the opening had told (hand test through
        the live-stream webhook, ux4).
        """
        if tracker.get_slot("issue_category") != "livestream_misleading":
            return None
        if tracker.get_slot("live_claim") or slot_before_this_turn(tracker, "live_claim"):
            return None
        description = str(tracker.get_slot("issue_description") or "")
        streamer = streamer_of(tracker)
        if not tells_hosts_words(description, streamer):
            return None
        return hosts_words(description, streamer)

    @staticmethod
    def _names_live_room(tracker: Tracker) -> bool:
        """A message naming the host's room while the session was not yet known.

        Known as it stood before this message: the slot mappings' pass records the room, and
        the form's pass must still read the message as the answer, or Rasa rejects the form.
        """
        return (
            named_streamer(latest_text(tracker) or "") is not None
            and not slot_before_this_turn(tracker, "live_session")
            and not form_turn.live_session_known(tracker, before_this_turn=True)
        )


# what the acknowledgement calls each detail told in passing
_DETAIL_LABELS = (("streamer", "主播"), ("replay_at", "时间"))


def details_told_events(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
) -> List[EventType]:
    """The host and the moment told at any question of a live-stream complaint, into `live`.

    Why (intake9): "主播是阿杰数码吧，大概晚上9点说的" at the order question reached only the
    transcript. What `live` lacks is added, and a moment that finds the replay replaces a
    vaguer one (`adds_to`; the channel's or the order's session is kept);
    the answer to the question asked is left as the form reads it. Told at another question
    and answering nothing, the details are acknowledged before it is asked again.
    Not at the room question, whose answer `validate_live_session` reads.
    """
    requested = tracker.get_slot("requested_slot")
    after = form_turn.slots_after(tracker, events)
    category = after.get("issue_category", tracker.get_slot("issue_category"))
    known = after.get("live", live_context(tracker))
    if requested == "live_session" or not (category == LIVESTREAM or known):
        return []
    if latest_intent(tracker) in form_turn.REQUESTS:
        return []
    told = live_details_told(latest_text(tracker))
    # new to the ticket as it stood before this message (the slot mappings' pass of this
    # turn has already added them by the form's pass, which alone speaks)
    before = slot_before_this_turn(tracker, "live") or channel_live_context(tracker) or {}
    new = {k: v for k, v in told.items() if adds_to(before, k, v)}
    if (
        new
        and form_turn.form_pass(tracker)
        and requested not in (None, "live_claim")
        and not form_turn.open_question_answered(tracker, events)
        and not form_turn.acknowledged(dispatcher)
    ):
        shown = "；".join(f"{label}：{new[k]}" for k, label in _DETAIL_LABELS if k in new)
        dispatcher.utter_message(response="utter_noted_live", live_details=shown)
    live = dict(known or {})
    added = {k: v for k, v in told.items() if adds_to(live, k, v)}
    # set again in the form's pass too: a pass that validates no slot is rejected by Rasa's
    # form ("Failed to extract slot order_id"), and the default fallback answered instead
    return [SlotSet("live", {**live, **added})] if added or new else []


def live_context(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The live session of this complaint: as answered, else as the channel reported it."""
    return tracker.get_slot("live") or channel_live_context(tracker)


def streamer_of(tracker: Tracker) -> Optional[str]:
    """The host's name, when the live session is known (viewers call the host by name)."""
    return (live_context(tracker) or {}).get("streamer")


# Never the answer to "what did the host say?" or "which room?": a request, small talk.
_NOT_AN_ANSWER = form_turn.REQUESTS | {"bot_challenge", "greet", "goodbye"}


def _tells_something(tracker: Tracker) -> bool:
    """Whether the message can answer a free-text live-stream question.

    A "no" answers it ("没说什么", "不记得了"). A message the NLU read as a yes, a correction,
    thanks or an aside answers it when it says something ("对 主播说买二送一"): the customer
    is telling what the host said. Taking none of those left the question asked again and
    again; a bare "好的" or "谢谢" still gets it asked again.
    """
    intent = latest_intent(tracker)
    if intent in _NOT_AN_ANSWER:
        return False
    if intent in CONTROL_INTENTS - {"deny"}:
        return answers.says_what_happened(latest_text(tracker) or "")
    return True


def _asked_again(tracker: Tracker, slot: str) -> bool:
    """The free-text question was asked twice already: the customer's words are the answer.

    Why: an answer the checks above turn down ("是的 送赠品", read as a yes with too few
    words) left the question asked four times (benchmark, 2026-11-30: "stuck: asked for
    live_claim 4 times"); a person would write down what the customer said. Requests
    (a person, cancel, status) keep their own flows.
    """
    return (
        form_turn.asked_this_turn(tracker, slot)
        and latest_intent(tracker) not in form_turn.REQUESTS
        and _times_asked_for_an_answer(tracker, slot) >= 2
    )


# responses that answer an aside; the form's question after one is the same question resumed
_ASIDE_ANSWERS = ("utter_aside_", "utter_iamabot", "utter_out_of_scope", "utter_answer_")


def _times_asked_for_an_answer(tracker: Tracker, slot: str) -> int:
    """How often the question was put to the customer, not counting it resumed after an aside.

    Why: "你是机器人吗" at the room question was answered and the question asked again; that
    counted as a second asking, and the next message, a remedy ("补发赠品"), was filed as
    the host's name (lead's hand trial, 2026-12-03). Read like `form_turn.times_asked`: the
    form's questions log bot messages only, a response run as an action logs both.
    """
    return max(
        _askings(tracker.events, f"utter_ask_{slot}", _response_of_bot_message),
        _askings(tracker.events, f"utter_ask_{slot}", _response_of_action),
    )


def _askings(events: Any, question: str, response_of: Any) -> int:
    count, previous = 0, ""
    for event in events:
        if event.get("event") == "user":
            previous = ""
            continue
        name = response_of(event)
        if not name:
            continue
        if name == question and not previous.startswith(_ASIDE_ANSWERS):
            count += 1
        previous = name
    return count


def _response_of_bot_message(event: Dict[str, Any]) -> str:
    if event.get("event") != "bot":
        return ""
    return str((event.get("metadata") or {}).get("utter_action") or "")


def _response_of_action(event: Dict[str, Any]) -> str:
    name = str(event.get("name") or "")
    return name if event.get("event") == "action" and name.startswith("utter_") else ""

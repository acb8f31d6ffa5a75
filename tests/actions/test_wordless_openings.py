"""dialogues_dev26: an opening of emoji or punctuation only tells no problem yet.

"🙂🙂🙂" heard "明白，我这就帮您跟进" (following nothing), "👍" heard "没太明白" and "😭😭😭" an
empathy line that might hold no apology. A hello, or sorry for the feeling; angry emoji keep
the apology; nothing is filed and the complaint said next opens the intake as usual.
"""

import pytest

from actions.intake import ActionNotUnderstood, ActionStartIntake
from tests.actions.conftest import make_tracker, responses


@pytest.mark.parametrize("text", ["🙂🙂🙂", "。。。"])
async def test_a_calm_wordless_opening_is_greeted(dispatcher, domain, text):
    await ActionStartIntake().run(dispatcher, make_tracker(text, "complain"), domain)
    assert responses(dispatcher) == ["utter_empathy_wordless_calm"]


async def test_a_sad_wordless_opening_hears_sorry(dispatcher, domain):
    await ActionStartIntake().run(dispatcher, make_tracker("😭😭😭", "complain"), domain)
    assert responses(dispatcher) == ["utter_empathy_wordless_upset"]


async def test_an_angry_wordless_opening_keeps_the_apology(dispatcher, domain):
    await ActionStartIntake().run(dispatcher, make_tracker("😡😡", "complain"), domain)
    assert responses(dispatcher) == ["utter_empathy_angry"]


async def test_a_thumbs_up_not_understood_at_the_opening_is_a_hello(dispatcher, domain):
    events = await ActionNotUnderstood().run(dispatcher, make_tracker("👍", "nlu_fallback"), domain)
    assert responses(dispatcher) == ["utter_greet"]
    assert not [e for e in events if e.get("event") == "slot"]  # nothing opened nor filed


async def test_words_not_understood_are_still_asked_again(dispatcher, domain):
    await ActionNotUnderstood().run(dispatcher, make_tracker("嗯嗯啊啊", "nlu_fallback"), domain)
    assert responses(dispatcher) == ["utter_please_rephrase"]

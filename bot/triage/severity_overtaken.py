"""Severity vetoes for a step that events made moot, or that is only asked about (round 22).

A step once meant and then overtaken by the shop's fix ("本来想打12315的，后来客服给我换了"),
a step promised on a condition that did not come about ("要是东西丢了我肯定找12315，还好今天到
了"), a customer reported as calmed after an explanation ("…经解释后表示理解"), and a step only
asked about in a hotline note ("顾客询问能否向12315反映", "问消委会的电话是多少"). Each is normal
by the spec's reading (a threat needs the customer's intent to act); recall first: a threat
anywhere after the veto's own words (`THREAT_CUE`, a step said again) keeps the threat.
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, by_name
from bot.triage.severity_cues import THREAT_CUE
from bot.triage.severity_speaker import THREAT_QUESTION

# A step once meant: "本来想打12315的", "原本都打算起诉了".
MEANT_BEFORE = re.compile(
    r"(?:本来|原本|本想|原来|原先)(?:都|还|是)?(?:想|打算|准备|要)[^,。!?;]{0,6}$"
)
# ... then the shop's fix told after it: "后来客服态度挺好给我换了", "结果你们主动退款了".
FIXED_AFTER = re.compile(
    r"(?:后来|结果|不过|但是?|可是|现在|然后)[^。!?;]{0,14}?"
    r"(?:换了|退了|退款了|补发了|补了|解决了|处理好了|处理了|赔了|到了|收到了|态度(?:挺|很|还)好)"
)
# ... unless the step stands after all: "…结果到现在也没退，我还是要去".
STILL = re.compile(r"还是要|还是会|照样|还得|又|依然要|仍然要|已经(?:打|找|去|投诉|报)")
# A condition on the step, and the customer's relief that it did not come about.
IF_BEFORE = re.compile(r"(?:要是|如果|假如|万一|要係)")
RELIEF = re.compile(r"还好|幸好|好在|幸亏|好彩")
# A reported customer calmed after the agent's explanation: "经解释后表示理解，等待补发".
CALMED = re.compile(
    r"(?:经|经过)?(?:解释|沟通|安抚|说明|协商)(?:后|之后|以后)?[^,。!?;]{0,4}?"
    r"(?<![不未没])(?:表示理解|表示接受|情绪平复|情绪稳定|同意|接受)"
)
# A step asked about, as a note reports it or the customer asks it: "顾客询问如果商品有质量问题
# 能否向12315反映", "用户问我们有没有律师可以咨询"; or its number asked: "问消委会的电话是多少".
ASKED_WHETHER_BEFORE = re.compile(
    r"(?:询问|咨询|问|想知道|想了解)[^。!?;]{0,16}?"
    r"(?:能否|能不能|可否|可不可以|是否(?:可以|能)?|有没有|有冇)[^。!?;]{0,6}$"
)
ASKED_BEFORE = re.compile(r"(?:询问|咨询|问|想知道|想了解)(?:一下|下)?$")
NUMBER_AFTER = re.compile(r"^(?:的|嘅)?(?:电话|号码|热线|网址|地址|联系方式)")
# Asking about the shop's terms is no consultation of a lawyer (a threat cue): "可以咨询售后条款".
TERMS_ASKED = re.compile(r"咨询(?:一下)?(?:售后|条款|规定|政策|退货|退换|退款)")


def _overtaken(c: Context) -> bool:
    """A step once meant, then overtaken by the shop's fix, and not said to stand after all."""
    if not MEANT_BEFORE.search(c.before):
        return False
    rest = c.message_after_hit()
    fixed = FIXED_AFTER.search(rest)
    if not fixed:
        return False
    after_fix = rest[fixed.end() :]
    return not (STILL.search(rest) or THREAT_CUE.search(after_fix))


def _averted(c: Context) -> bool:
    """A step promised on a condition, and the customer's relief that it did not come about."""
    if not IF_BEFORE.search(c.sentence_before_hit()):
        return False
    rest = c.message_after_hit()
    relief = RELIEF.search(rest)
    return bool(relief) and not THREAT_CUE.search(rest[relief.end() if relief else 0 :])


def _calmed(c: Context) -> bool:
    """A reported customer calmed after an explanation, with no threat after that."""
    rest = c.message_after_hit()
    calmed = CALMED.search(rest)
    return bool(calmed) and not THREAT_CUE.search(rest[calmed.end() if calmed else 0 :])


def _asked_whether(c: Context) -> bool:
    """A step only asked about ("询问能否向12315反映", "问消委会的电话"), with no threat.

    Not a threat asked as a question ("是不是要我打12315你们才管"), and nothing threatening
    after the hit (the hit itself may be a threat cue: "违法").
    """
    asked = ASKED_WHETHER_BEFORE.search(c.before) or (
        ASKED_BEFORE.search(c.before) and NUMBER_AFTER.search(c.after)
    )
    if not asked or THREAT_QUESTION.search(c.sentence):
        return False
    return not THREAT_CUE.search(TERMS_ASKED.sub("", c.message_after_hit()))


CHECKS = by_name(_overtaken, _averted, _calmed, _asked_whether)

"""Reasons a whole message reads as explicitly absent, whatever its words suggest.

A complaint lodged with the platform, the shop or its staff ("已经投诉到你们总部了"), a threat
whose named consequence is a review or calls ("不处理我就天天打客服电话"), fraud alleged as a
question and nothing more ("你们这是欺诈消费者吗？真是无语"): no legal threat. Only the customer
affected ("拼单的其他人都收到了，就我的没到"): no group. The learned head may not add a reason
ruled out here (`bot.triage.severity.combine_severity`).
"""

from __future__ import annotations

import re
from typing import FrozenSet

from bot.triage.severity_buyers import only_me
from bot.triage.severity_cues import PLATFORM_OR_SHOP, THREAT_CUE

# A complaint lodged with the platform, the shop or its staff ("已经投诉到你们总部了", "向拼多多
# 平台投诉", "投诉你们客服"): the recipient is named, and it is no authority.
PLATFORM_COMPLAINT = re.compile(
    rf"(?:投诉|反映|反馈|申诉|举报|检举)(?:到|给|去)?了?{PLATFORM_OR_SHOP}"
    rf"|(?:向|跟|给|找|到|在|去|打了?){PLATFORM_OR_SHOP}(?:上|那里|那边|那儿|里)?[^,。!?;]{{0,8}}?"
    r"(?:投诉|反映|反馈|申诉|举报|检举)"
    r"|投诉(?:你们的?)?(?:客服|快递员|店员|售后|主播)"
)
# A threat whose consequence is named and is no legal action: a review, calls, blocking the
# shop ("追评里我会如实写的 你们看着办", "不处理我就天天打客服电话").
OWN_CONSEQUENCE = re.compile(
    r"差评|追评|评价|一星|打分|拉黑|黑名单|取关|不续费|不会再买|再也不买|不再买|刷屏"
    r"|(?:天天|一直|每天|反复)打[^,。!?;]{0,4}?电话"
)
# ... said as a threat: "看着办", "再不…", "不退的话…".
OWN_THREAT = re.compile(
    r"看着办|等着|走着瞧|掂量|别怪|不处理|不解决|不给|不退|不换|再不|否则|不然|要是不|如果不"
)


# (sixth round) Fraud alleged as a question, and nothing else: "你们这是欺诈消费者吗？真是无语"
# (not with a threat, an authority or an act: "…吗？我已经咨询了律师", "…吗？再不退款我就告").
FRAUD_QUESTION = re.compile(
    r"(?:欺诈|诈骗|欺骗|坑骗|骗)(?:消费者|顾客|客户|我们|我|人)?(?:吗|嘛|么|吧)"
)
FRAUD_WORDS = re.compile(r"欺诈|诈骗|欺骗|坑骗|骗")
ANY_ACTION = re.compile(
    r"代价|后悔|没完|告|投诉|举报|报警|报案|曝光|起诉|律师|部门|法|维权|12315|12345|消协|监管|媒体|记者"
)


def _fraud_question_only(text: str) -> bool:
    """Fraud alleged as a question, with no threat, authority or act in the message."""
    rest = FRAUD_WORDS.sub("", text)
    return bool(FRAUD_QUESTION.search(text)) and not (
        THREAT_CUE.search(rest) or OWN_THREAT.search(rest) or ANY_ACTION.search(rest)
    )


def ruled_out_by_message(text: str) -> FrozenSet[str]:
    """The reasons a message reads as explicitly absent, whatever its words suggest.

    legal: a complaint lodged with the platform or the shop, or a threat whose named
    consequence is a review or calls (`PLATFORM_COMPLAINT`; `OWN_CONSEQUENCE` with
    `OWN_THREAT`), or fraud alleged as a question and nothing more (`FRAUD_QUESTION`). group:
    only the customer affected or buying (`ONLY_ME`: "拼单的其他人都收到了，就我的没到").
    The caller keeps a reason its rules found anyway.
    """
    threat_of_review = OWN_CONSEQUENCE.search(text) and OWN_THREAT.search(text)
    ruled_out = set()
    if PLATFORM_COMPLAINT.search(text) or threat_of_review or _fraud_question_only(text):
        ruled_out.add("legal")
    if only_me(text):
        ruled_out.add("group")
    return frozenset(ruled_out)

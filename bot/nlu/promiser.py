"""Who made the promise a complaint is about: the live-stream host, or the shop's service.

Why: the spec (../shared/spec/complaint-ticket.md) files the same broken promise under three
codes by who made it: a gift of the shop's page or campaign not sent is promotion, the host's
claim or gift is livestream_misleading, a reship, exchange or compensation that customer
service or after-sales agreed to and did not do is after_sales ("after-sales promise not
kept"). The words of the promised thing are shared ("赠品", "补寄", "送的那个"), and the
missing-item mark (`bot.nlu.missing_item`) says "the gift is missing" for all three, which
the head had learned mostly from the shop's gifts: "客服答应补寄赠品 一直没寄" read as
promotion, "主播承诺的赠品没给 把送的那个补发过来" tied with it (docs/category_dev.md, round
six).

How: on the normalised text (regional words in Mandarin), a host word followed within a few
characters by a verb of saying or promising (主播说 / 直播间承诺 / host said) gives `host`;
a service word (客服, 售后, 商家 ...) followed by a verb of agreeing or promising, itself
followed closely by a remedy verb (补, 换, 修, 赔, 退货, 重新寄 ...) gives `service`. A
promise of money back (退款, 退差价) gives nothing: the spec's refund_payment. The triage
classifier adds the answer as a mark the category head learns with the rest
(`ComplaintTriageClassifier`, `promiser_marks`), as it does the missing-item mark.
"""

from __future__ import annotations

import re
from typing import Optional

HOST = "host"
SERVICE = "service"

# the host and a claim or promise of theirs, a few characters apart
_HOST = re.compile(
    r"(?:主播|直播间|直播时|直播的时候|直播里|直播中|带货的|host|streamer|live ?stream)"
    r"[^,.!?;:~，。！？；：～]{0,6}?"
    r"(?:说|讲|话|承诺|答应|保证|口播|宣传|介绍|展示|声称|号称|挂|said|says|promised|claimed)"
)
# the shop's people, who agree or promise, and the remedy they promised
_SERVICE = re.compile(
    r"(?:客服|售后|商家|卖家|店家|掌柜|小二|cs|customer service|agent)"
    r"[^,.!?;:~，。！？；：～]{0,4}?"
    r"(?:答应|承诺|同意|说好|讲好|话好|说会|话会|讲会|说给|话给|说帮|话帮|保证|表示会|说了会|"
    r"promised|agreed|said they would|said they'd|said they will)"
    r"[^,.!?;:~，。！？；：～]{0,10}?"
    r"(?:补(?!差价)|换|修|赔|退货|重新寄|重新发|再寄|再发|寄个|寄一|寄给|resend|replace|exchange|repair)"
)


def promiser(text: Optional[str]) -> Optional[str]:
    """`host`, `service` or None: who made the promise or claim the message is about."""
    if not text:
        return None
    from bot.nlu.normalize import normalize

    normalized = normalize(text)
    if _HOST.search(normalized):
        return HOST
    if _SERVICE.search(normalized):
        return SERVICE
    return None


def mark(text: Optional[str]) -> str:
    """The feature mark of the promiser, or "" (private-use characters, as missing_item's)."""
    found = promiser(text)
    return MARKS[found] if found else ""


MARKS = {HOST: "\ue013" * 4, SERVICE: "\ue014" * 4}

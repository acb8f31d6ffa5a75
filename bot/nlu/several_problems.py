"""Several problems in one message: the part that tells the first one.

Why: a ticket has one category (../shared/spec/complaint-ticket.md), the problem the
customer wants settled; what else went wrong belongs in the description. Customers tell the
main problem first and add the rest with "而且/另外/还有/然后…" ("尺码发错了 然后问客服 客服
态度超凶", "耳机降噪没效果 而且发票也没开"). A classifier of the whole message weighs every
problem alike and often names the added one (service_attitude, a missing invoice read as a
missing item). The triage classifier ranks this first part on its own too and, when it is
sure of it, files that (`bot.nlu.triage_classifier`).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.nlu.normalize import _is_cjk, normalize

# A clause that adds another problem, at the start of a clause (normalised text: Simplified,
# regional words in Mandarin, so Cantonese 仲有 arrives as 还有).
_ADD_ON = re.compile(
    r"(?:^|[\s,.!?;:~、。…，！？；：～]+)"
    r"(而且|另外|还有|然后|并且|再加上|加上|再说|况且|此外|外加|顺便说一下|同时|"
    # a bare 还 before another thing gone wrong with the order ("杯子收到碎了一个 还少发了
    # 一个杯垫", dialogues_dev13 n031); not "还没到", which goes on about the same problem
    r"还(?=少|漏|缺|多发|多收|多扣|发错|寄错|错发|错寄))"
)
# Fewer Chinese characters than this before the marker tell no problem of their own.
MIN_PART_CHARS = 4


def first_problem(text: Optional[str]) -> Optional[str]:
    """The normalised message up to its first added-on clause, or None without one.

    "羽絨外套尺寸寄錯 我買L結果來了M 然後我去問客服 客服回我的語氣超級兇" → "羽绒外套尺寸寄错
    我买l结果来了m". None when nothing is added on, or when too little comes before it
    ("然后呢 快递还没到" adds nothing to anything).
    """
    plain = normalize(text or "")
    match = _ADD_ON.search(plain)
    if not match:
        return None
    part = plain[: match.start()].strip()
    return part if sum(map(_is_cjk, part)) >= MIN_PART_CHARS else None

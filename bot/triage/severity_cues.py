"""Cues that several severity vetoes share: a threat, a hazard seen, laughter, a cause.

A veto dismisses a trigger only when the rest of the message does not contradict it; these are
the contradictions checked by more than one veto (`bot.triage.severity_context`), kept in one
place so that a new threat word or hazard sign reaches every veto at once.
"""

from __future__ import annotations

import re

# Another shop ("我以前在12315投诉过别家"): no threat to this one.
OTHER_SHOP = re.compile(
    r"别家|别的店|别的商家|其他商家|其他店|其他家|另一家|别人家"
    # (sixteenth round) "隔壁那家被12315投诉过，你们家可别这样"
    r"|隔壁店|隔壁的店|隔壁那家|对面那家|对面店"
)
# Praise ("我之前在小红书发过一篇笔记夸你们"): posting, but no exposure.
PRAISE = re.compile(
    r"夸|好评|推荐|种草|安利|点赞|表扬|五星"
    # "大家都说这家店好", "都说好用" (not "都说不好", "都说好多问题"); Cantonese 话 (eleventh
    # round: "群组入面好多人话好用")
    r"|[说话][^,。!?;]{0,6}?(?<![不太没])(?:好(?![多几像大些久])|不错|靠谱)"
    # (twenty-second round) shown off: "朋友圈好几个人在晒你家的杯子"
    r"|在晒(?!出|伤)"
)
# A threat in the message, which keeps its threat whatever else a veto sees ("我朋友是记者，
# 你们看着办"); having consulted a lawyer ("咨询了") counts.
THREAT_CUE = re.compile(
    r"看着办|等着|走着瞧|后果|小心|掂量|别怪|不客气|不处理|不解决|不给|不退|再不|否则|不然"
    r"|要是不|如果不|说法|负责|违法|违规|欺诈|骗|咨询"
)
# A hazard seen, besides the hit: a burn, smoke, a rash, pain.
OBSERVED_HAZARD = re.compile(r"烫|冒烟|焦|火花|漏电|冒火|烧|异味|刺鼻|红|肿|痒|疼|痛")
# Laughter, which turns a wish into a joke.
LAUGHTER = re.compile(r"哈哈|hhh|笑死|😂|🤣|233|lol|狗头|\[doge\]")
# A question about others, not a report ("别的买家也有这个问题吗？", "有没有其他人也遇到过");
# a rhetorical one ("不是好多人都没收到吗") says 不/没/难道 outside an A-not-A question.
QUESTION = re.compile(r"[吗嘛么][?!]*$|^(?:请问|想问一?下|问一?下|大家)?有没有")
# The product as the cause: "吃了…住院了", "用了以后…进医院", "因为你们的…".
CAUSED = re.compile(
    r"(?:用|吃|喝|戴|涂|抹|擦|穿|闻|玩|坐|泡|敷)(?:了|完|过)|因为(?:你们|这个|它)|害|导致|造成|引起"
)
# A complaint or report lodged with the platform or the shop, not with an authority:
# "我要去平台举报你们刷单", "向天猫官方申诉".
PLATFORM_OR_SHOP = (
    # "你们公司总部", "品牌总部", "京东的客服热线"
    r"(?:你们的?)?(?:公司|品牌|旗舰店|店铺|京东|淘宝|天猫|拼多多|抖音)?的?"
    r"(?:平台|淘宝|天猫|京东|拼多多|抖音|快手|小红书|闲鱼|小二|官方|客服热线|客服|总部|商城|店铺"
    r"|店长|老板|经理|品牌方|售后)"
)

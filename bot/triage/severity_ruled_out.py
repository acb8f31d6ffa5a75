"""Reasons a whole message reads as explicitly absent, whatever its words suggest.

A complaint lodged with the platform, the shop or its staff ("已经投诉到你们总部了"), a threat
whose named consequence is a review or calls ("不处理我就天天打客服电话"), fraud alleged as a
question and nothing more ("你们这是欺诈消费者吗？真是无语"): no legal threat. Only the customer
affected ("拼单的其他人都收到了，就我的没到"), or only a household or two ("我们两个一起下单的"):
no group. Nobody used or ate it, said so, and nothing harmful told ("幸好没给狗吃，罐头一股馊味"):
no injury (fifteenth round). The learned head may not add a reason
ruled out here (`bot.triage.severity.combine_severity`).
"""

from __future__ import annotations

import re
from typing import FrozenSet

from bot.triage.severity_buyers import only_me
from bot.triage.severity_cues import PLATFORM_OR_SHOP, THREAT_CUE
from bot.triage.severity_opinions import others_opinion_only

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


# (seventeenth round) A complaint pressed "to the end" with no authority, lawyer or court named
# anywhere ("我要投诉到底！客服态度太差了", "投訴到底"): a complaint to the shop or the platform.
# (eighteenth round) ... or rights pressed, likewise with no step named ("我一定要维权到底",
# "我會維權到底", "我一定追究到底"): the spec's legal reason wants a legal or regulatory step
# named or threatened, and 维权 names none (docs/severity.md, eighteenth round).
TO_THE_END = re.compile(
    r"投诉到底|一直投诉|天天投诉|投诉下去|投诉到你们|投诉死你们|维权|追究到底|追究下去"
)
AUTHORITY = re.compile(
    r"律师|告|起诉|法院|法律|官司|12315|12345|315|消协|消委|消保|消基|监管|工商|报警|警察|派出所"
    r"|仲裁|政府|依法|诉讼|局|举报"
)


def _complaint_to_the_end(text: str) -> bool:
    """A complaint pressed to the end, with no authority named (`TO_THE_END`, `AUTHORITY`)."""
    return bool(TO_THE_END.search(text)) and not AUTHORITY.search(text)


def _fraud_question_only(text: str) -> bool:
    """Fraud alleged as a question, with no threat, authority or act in the message."""
    rest = FRAUD_WORDS.sub("", text)
    return bool(FRAUD_QUESTION.search(text)) and not (
        THREAT_CUE.search(rest) or OWN_THREAT.search(rest) or ANY_ACTION.search(rest)
    )


# (fifteenth round) Nobody used or ate it, said so: "差点就给孩子吃了，幸好看了一眼日期，已经过期
# 了", "幸好没给狗吃", "木马的腿裂开了，孩子还没骑过", "差点把干燥剂当糖吃了，幸好我拦住了".
NOT_USED = re.compile(
    r"(?:幸好|还好|幸亏|好在|好彩|庆幸)(?:我|孩子|宝宝|狗|猫|家里人|老人)?(?:还)?(?:没|没有|未|冇)"
    r"(?:给[^,。!?;]{0,4})?(?:吃|喝|用|穿|戴|骑|玩|坐|插电|通电|使用|开封|拆)"
    r"|(?:还|都|根本)(?:没|没有|未|冇)(?:吃|喝|用|穿|戴|骑|玩|坐|插电|通电|使用)"
    r"|(?:幸好|还好|幸亏|好在|好彩)(?:我)?(?:拦住|发现得早|及时发现|看了一眼|看了下|看了一下|戴了手套)"
    # "陶瓷碗边缘崩了个小口子，我没用", "猫粮袋破了，猫没吃": who did not, ending the clause
    r"|(?:我们|我|孩子|宝宝|小孩|狗|猫|狗狗|猫咪|家里人|老人|人)(?:还|都|也)?(?:没|没有|未|冇)"
    r"(?:吃|喝|用|穿|戴|骑|玩|坐|碰)(?:过)?(?=[,。!?;~\s]|$)"
    # (seventeenth round) said as a clause of its own: "个煲手柄松咗，未用过，…"
    r"|(?:^|[,。!?;~\s])(?:还|都)?(?:未|没|冇)(?:用|吃|喝|穿|戴|开封|拆)过?(?=[,。!?;~\s]|$)"
    # ... or of the thing, ending its clause: "个风筒未用过"
    r"|(?:未|冇|没)(?:用|开封|拆|穿|戴)过(?=[,。!?;~\s]|$)"
)
# ... and nothing went wrong with anybody or anything dangerous in the message: a hazard event,
# a symptom, a foreign body in food (glass in food is a hazard, eaten or not), a swollen battery.
HARM_OR_HAZARD = re.compile(
    r"血|疼|痛|肿|伤|烫|烧|焦|炸|爆|火|烟|电到|漏电|触电|麻|医|药|吐|呕|拉肚|泻|过敏|疹|痒|晕"
    r"|咳|喘|窒息|卡住|吞|噎|抽搐|玻璃|铁丝|钢丝|针|刀片|金属|铁屑|钉|碎片|渣|电池|鼓包|危险"
)
# (fifteenth round) A household or two people as the buyers, nobody else: "我们两个一起下单的，
# 两个人的都发错了颜色", "我和我老婆一人一双" (a group needs buyers beyond the household).
HOUSEHOLD = re.compile(
    r"我们两个|我们俩|咱俩|咱们俩|我俩|两个人|两人|我们家|我家|全家|一家|家里人|我屋企"
    r"|(?:我和|我跟|我同)(?:我的?)?(?:老婆|老公|妈|爸|姐|哥|弟|妹|女儿|儿子|室友|对象|男朋友|女朋友"
    r"|爱人|媳妇|太太|先生|婆婆|公公|奶奶|爷爷|外婆)"
)
# (task sev24) ... the household counted ("屋企三個人用同一部機"), taken out before looking for
# people beyond it.
HOUSEHOLD_COUNTED = re.compile(
    r"(?:我?屋企|家里|家中|我家|一家|全家)(?:人)?[两三四五六七几]?(?:个人|口人|口)"
)
# (task sev24) Two people said so ("我同事跟我同一天下单的，我俩的风扇都有异响"): a single other
# named beside a count of two is no third buyer.
TWO_PEOPLE = re.compile(r"我们俩|咱们俩|我俩|咱俩|我们两个|我哋两个|两个人|两人")
MANY_PEOPLE = re.compile(
    r"大家|好多|很多|不少|许多|其他人|别人|群|小区|团|拼单|拼团|几个|们"
    r"|[三四五六七八九十百几]+(?:个|位|户|家|口)|\d+\s*(?:个|位|户|家)"
)
BEYOND_HOUSEHOLD = re.compile(
    r"大家|好多人|很多人|不少人|许多人|其他人|别人|邻居|同事|同学|朋友|群|小区|业主|村|团|拼单|拼团"
    r"|[三四五六七八九十百几]+(?:个人|位|户|家|个家庭|口人)|\d+\s*(?:个人|位|户|家)|们"
)


# (fifteenth round) Fire said of a temper, and nothing else harmful: "火大！优惠券用不了", "一肚子
# 火" (not "火大！充电器着火了": the fire is told besides).
TEMPER_FIRE = re.compile(r"火大|恼火|火冒三丈|一肚子火|发火|窝火|火气|无名火|心头火")


def _temper_only(text: str) -> bool:
    """Fire words only in an idiom of anger, and no harm or hazard told besides."""
    return bool(TEMPER_FIRE.search(text)) and not HARM_OR_HAZARD.search(TEMPER_FIRE.sub("", text))


# (sixteenth round) A part that fell with nobody near, said so: "衣柜门板掉下来了，当时房间里没人"
# (dev14's lamp shade: a product fault, no injury and no hazard event).
FELL = re.compile(r"掉下|掉了下来|脱落|跌落")
# ... not a part thrown out with force, a hazard event whoever stood near ("扇叶飞出来").
EJECTED = re.compile(r"飞出|飞了出|弹出|弹了出|崩出|甩出|射出|蹦出")
NOBODY_NEAR = re.compile(
    r"(?:旁边|屋里|家里|房间里?|客厅里?|当时|那会儿?|附近|下面)(?:都|刚好|正好|也)?(?:没人|没有人|冇人)"
    r"|没(?:有)?砸到(?:人|我|孩子|谁)|冇(?:人)?喺度"
)


def nobody_near(text: str) -> bool:
    """A part fell with nobody near, said so, and no harm or hazard is told."""
    fell = FELL.search(text) and not EJECTED.search(text)
    return bool(fell and NOBODY_NEAR.search(text)) and not HARM_OR_HAZARD.search(text)


# (seventeenth round) A harm feared for later, which tells no harm: "还没用，怕用的时候烫到",
# "未用過，驚陣間會燙親" (taken out before looking for harm told).
FEARED_CLAUSE = re.compile(
    r"(?:(?<!可)怕|担心|害怕|生怕|万一|要是|如果|假如|(?<![吃震受])惊)[^,。!?;]*"
)


# (eighteenth round) A harm only imagined, in a condition asked about ("取暖器没有倾倒断电，万一倒了
# 着火怎么办", "假如这个充电器半夜过热怎么办"), and no harm or hazard told outside it.
IMAGINED_CLAUSE = re.compile(
    r"(?:如果|要是|万一|假如|假设|要係|如果係)[^。!?;]*?(?:怎么办|咋办|点算|谁负责|会不会|怎么算)"
)


def only_imagined(text: str) -> bool:
    """Every harm told is in a condition asked about (`IMAGINED_CLAUSE`)."""
    return bool(IMAGINED_CLAUSE.search(text)) and not HARM_OR_HAZARD.search(
        IMAGINED_CLAUSE.sub("", text)
    )


# (twenty-first round) Names that hold a harm word and tell no harm: safety gear as the product
# ("灭火器的压力表在红区，还没用过", "急救包少了纱布") and a gauge's or a clock's hands (指针: 针).
HARMLESS_NAMES = re.compile(
    r"灭火器|灭火毯|灭火弹|烟雾报警器|烟感|烟雾探测器|燃气报警器|急救包|急救箱|医药箱|防火|防烫|防电"
    r"|指针|表针|秒针|分针|时针"
)


def nobody_used(text: str) -> bool:
    """Nobody used or ate the product, said so, and no harm or hazard is told (a fear is none)."""
    told = HARMLESS_NAMES.sub("", FEARED_CLAUSE.sub("", text))
    return bool(NOT_USED.search(text)) and not HARM_OR_HAZARD.search(told)


def _household_only(text: str) -> bool:
    """Only the customer's household or one other person bought or is affected."""
    rest = HOUSEHOLD.sub("", HOUSEHOLD_COUNTED.sub("", text))
    household = HOUSEHOLD.search(text) or HOUSEHOLD_COUNTED.search(text)
    return bool(household) and not BEYOND_HOUSEHOLD.search(rest)


def _two_only(text: str) -> bool:
    """Two people said so, and nobody counted beyond them."""
    rest = TWO_PEOPLE.sub("", text).replace("我们", "")
    return bool(TWO_PEOPLE.search(text)) and not MANY_PEOPLE.search(rest)


def ruled_out_by_message(text: str) -> FrozenSet[str]:
    """The reasons a message reads as explicitly absent, whatever its words suggest.

    legal: a complaint lodged with the platform or the shop, or a threat whose named
    consequence is a review or calls (`PLATFORM_COMPLAINT`; `OWN_CONSEQUENCE` with
    `OWN_THREAT`), or fraud alleged as a question and nothing more (`FRAUD_QUESTION`). group:
    only the customer affected or buying (`ONLY_ME`: "拼单的其他人都收到了，就我的没到"), or
    only a household or two people (`HOUSEHOLD`, `TWO_PEOPLE`), or others named only as sharing
    an opinion (`severity_opinions.others_opinion_only`). injury: nobody used or ate the product and
    nothing harmful is told (`NOT_USED`, `HARM_OR_HAZARD`), or fire only in an idiom of anger
    (`TEMPER_FIRE`), or harm only imagined in a condition asked about (`IMAGINED_CLAUSE`).
    The caller keeps a reason its rules found anyway.
    """
    threat_of_review = OWN_CONSEQUENCE.search(text) and OWN_THREAT.search(text)
    ruled_out = set()
    if PLATFORM_COMPLAINT.search(text) or threat_of_review or _fraud_question_only(text):
        ruled_out.add("legal")
    if _complaint_to_the_end(text):
        ruled_out.add("legal")
    if only_me(text) or _household_only(text) or _two_only(text):
        ruled_out.add("group")
    if others_opinion_only(text):
        ruled_out.add("group")
    if nobody_used(text) or _temper_only(text) or nobody_near(text) or only_imagined(text):
        ruled_out.add("injury")
    return frozenset(ruled_out)

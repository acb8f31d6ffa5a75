"""Severity vetoes for trigger words that name something: a job, an office, a field, a product.

Someone's job ("我朋友是记者"), a law office as the buyer ("律师事务所订的打印纸"), the value of a
form field ("发票抬头：XX律师事务所"), a hotline's digits inside a number ("订单尾号是12315"), a
toy or costume ("律师袍cos服"), fiction or a title ("电视剧里律师穿的西装"), a product's style
("电击枪造型的水枪"), a law's name ("食品安全法"), and the platform's or the shop's own channels
("去平台举报你们刷单"). A message that also threatens (`THREAT_CUE`) keeps its threat.
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_cues import PLATFORM_OR_SHOP, THREAT_CUE

# Someone's job, not a threat ("我朋友是记者，她也买了这个"), unless the message threatens
# (`THREAT_CUE`, which also counts having consulted the lawyer: "咨询了").
PROFESSIONS = frozenset({"律师", "记者", "媒体", "法官", "法务"})
# (twenty-first round) ... with the employer between: "我是公司法务", "她是报社的记者".
IDENTITY = re.compile(
    r"(?:是|当|做|干)(?:过)?(?:个|一个|一名|一位)?(?:做)?"
    r"(?:公司|单位|企业|集团|律所|报社|电视台)?(?:的)?"
    # (twenty-second round) "我做新媒体运营的"
    r"(?:新)?$"
)
# (twenty-first round) ... unless the lawyer acts for the customer: "找了个律师朋友帮忙起草了一份
# 函", "我表哥是律师，已经帮我写好了律师函".
LAWYER_ACTS = re.compile(
    r"起草|拟了?|发函|出函|写(?:了|好)?(?:一份|一封|份|封|个)?(?:函|信)"
    r"|帮(?:我|忙)(?:写|发|起草|看|告|打官司|处理|跟进)|代理|委托"
)
# ... or said of a friend or relative ("律师朋友推荐的这家", "送给法官朋友的茶叶").
RELATION = re.compile(r"^(?:的)?(?:朋友|同学|亲戚|家属|表哥|表姐|老公|老婆)")
# An office as the buyer ("律师事务所订的打印纸"), unless the customer goes to it.
OFFICE_AFTER = re.compile(r"^(?:事务所|楼|行)")  # Hong Kong: 律师楼, 律师行
SEEKING = re.compile(r"(?:去|找|到|请|委托|咨询|联系)了?(?:过)?(?:一家|个|家)?$")
# The value of a form field: "收货地址：人民路110号法院家属院", "发票抬头是XX律师事务所".
FIELD_VALUE = re.compile(
    r"(?:抬头|地址|单位名称|公司名称|公司名|收件人|收货人|寄件人|开票信息)\s*(?:[:是为]|写的?是?)"
    r"[^,。!?;]*$"
)
# A hotline's digits inside another number: "订单尾号是12315", "电话号码是…12345…".
NUMBER_FIELD = re.compile(
    r"(?:尾号|单号|订单号?|号码|编号|电话|手机号?|型号|货号|门牌号?|房号|工号|账号|编码|批号|条码)"
    r"(?:是|为|:|后[四五六]位是?)?\s*\d*$"
)
# A job or authority word naming a toy, a figure or a costume, or a part in a game:
# "记者这个职业的手办", "律师袍cos服", "孩子过家家要当法官".
PLAYTHING = re.compile(
    r"手办|玩偶|公仔|人偶|娃娃|cos|玩具|过家家|角色扮演|扮演|模型|周边|戏服|袍|制服|套装|积木|乐高"
    # (twenty-first round) an ornament or a prop: "法官锤摆件", "律师徽章钥匙扣"
    r"|摆件|摆台|挂件|钥匙扣|徽章|冰箱贴|贴纸|道具|法槌|法锤"
)
# A job or hazard word in fiction: "电视剧里律师穿的那种西装", "电影里爆炸的那个场景的海报".
FICTION_BEFORE = re.compile(
    r"(?:电视剧|连续剧|网剧|短剧|剧|电影|小说|动漫|动画|综艺|漫画|游戏|戏)(?:里面?|中|上)"
    r"(?:的|那个|那种|那位|演的|面的)?[^,。!?;]{0,3}$"
)
# ... or in a title: "这本《急诊科医生》小说" (a programme's title after a verb stays media).
TITLE_OPEN = re.compile(r"《[^》]*$")
TITLE_CLOSE = re.compile(r"^[^《]*》")
# A trigger word naming a product's style: "电击枪造型的水枪", "消防主题的睡衣".
STYLED_AFTER = re.compile(
    r"^[^,。!?;]{0,2}?(?:造型|主题|图案|款式|风格|形状|印花|元素|同款)"
    # (twenty-second round) "上热搜的那个明星同款"
    r"|^的(?:那个|那款|这个|这款)?(?:明星|网红|爆款)?同款"
)
# A law named after what it protects: "食品安全法" is legal, not a food hazard.
LAW_AFTER = re.compile(r"^法")
# A report or appeal lodged with the platform or the shop, not with an authority:
# "我要去平台举报你们刷单", "向天猫官方申诉".
PLATFORM_RECIPIENT = re.compile(
    rf"(?:去|到|向|跟|给|在|找)?{PLATFORM_OR_SHOP}(?:上|那里|那边|那儿|里)?(?:的)?$"
)
# ... named after the act: "我把你们店举报给平台了".
PLATFORM_RECIPIENT_AFTER = re.compile(rf"^(?:给|到|去)了?{PLATFORM_OR_SHOP}")
PLATFORM_CHANNEL_WORDS = frozenset({"举报", "检举", "仲裁", "申诉"})

# (eleventh round) A swollen food package, spoiled (not a battery): "酸奶有两盒鼓包了，没敢喝",
# "零食包装鼓包是因为高原气压吗".
FOOD_PACKAGE = re.compile(
    r"酸奶|牛奶|奶盒|罐头|零食|食品|包装|袋子|饮料|面包|薯片|果冻|肉|奶粉|豆浆|果汁|啤酒|盒子"
)
BATTERY = re.compile(r"电池|充电|电源|手机|电脑|平板|锂|电瓶|电动|手表|耳机|机身|后盖")

# (twenty-first round) A law firm as the buyer: "律所订的文件柜" (unless the customer goes to it).
LAW_FIRM_BUYS = re.compile(r"^(?:里|的)?(?:订|买|采购|团|要|用)")
# (twenty-first round) A court or reporter word naming a genre: "在看一部法庭剧", "记者片".
GENRE_AFTER = re.compile(r"^(?:剧|片|戏|题材|类型|小说|电影|动漫|漫画)")
# (twenty-first round) An authority's standing rule, told as why: "我们这边派出所要求寄快递实名"
# (not "市场监管局要求你们召回": the authority acting on the shop).
AUTHORITY_RULE_AFTER = re.compile(
    r"^(?:这边|那边|那里|这里)?(?:的)?(?:要求|规定|有规定|规矩|提醒大家)"
    r"(?!你们|你|商家|店家|卖家|贵店|贵司|你哋|商户)"
)

SHAPES = (
    Shape(
        "field_value",
        'A name or address in a form field ("发票抬头：XX律师事务所").',
        needs=(("before", FIELD_VALUE),),
    ),
    Shape(
        "styled_after",
        'A trigger word naming a product\'s style ("电击枪造型的玩具", "消防主题的睡衣").',
        needs=(("after", STYLED_AFTER),),
    ),
    Shape(
        "office",
        'A law office as the buyer ("律师事务所订的打印纸"), in a message that threatens nothing.',
        needs=(("after", OFFICE_AFTER),),
        unless=(("before", SEEKING), ("text", THREAT_CUE)),
    ),
    Shape(
        "office_buyer",
        'A law firm as the buyer ("律所订的打印纸"), in a message that threatens nothing.',
        hits=frozenset({"律所"}),
        needs=(("after", LAW_FIRM_BUYS),),
        unless=(("before", SEEKING), ("text", THREAT_CUE)),
    ),
    Shape(
        "genre",
        'A court or reporter word naming a genre ("法庭剧", "记者片"), with no threat.',
        needs=(("after", GENRE_AFTER),),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "authority_rule",
        'An authority\'s standing rule ("派出所要求寄快递实名"), not a step against the shop.',
        needs=(("after", AUTHORITY_RULE_AFTER),),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "law_name",
        'A hazard word inside the name of a law ("食品安全法").',
        hits=frozenset({"食品安全"}),
        needs=(("after", LAW_AFTER),),
    ),
    Shape(
        "plaything",
        'A job word naming a toy, figure or costume ("律师袍cos服"), in a message with no threat.',
        needs=(("sentence", PLAYTHING),),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "swollen_package",
        '鼓包 of a food package ("酸奶鼓包了"): spoiled food, not a swollen battery.',
        hits=frozenset({"鼓包"}),
        needs=(("sentence", FOOD_PACKAGE),),
        unless=(("text", BATTERY),),
    ),
)


def _someones_job(c: Context) -> bool:
    """A friend who is a journalist or lawyer, in a message that threatens nothing.

    Not when the lawyer acts for the customer (`LAWYER_ACTS`): a letter drafted is a step.
    """
    said_of_someone = IDENTITY.search(c.before) or RELATION.search(c.after)
    acts = LAWYER_ACTS.search(c.text)
    return (
        c.hit in PROFESSIONS and bool(said_of_someone) and not (THREAT_CUE.search(c.text) or acts)
    )


# (fifteenth round) A workplace said as one's job: "我是电视台做剪辑的", "她在报社当编辑".
WORKPLACES = frozenset({"电视台", "报社", "电台", "媒体", "法院", "律所", "检察院", "派出所"})
WORKPLACE_BEFORE = re.compile(r"(?:是|在)$")
WORKPLACE_AFTER = re.compile(
    r"^(?:的)?(?:(?:做|当|干|搞)[^,。!?;]{1,4}?(?:的|工作)|上班|工作|实习"
    r"|的?(?:员工|编辑|剪辑|摄像|工作人员|同事"
    # (twenty-first round) a desk job there: "我是律所的前台"
    r"|前台|行政|文员|助理|保安|保洁|实习生|会计|司机))"
)


def _workplace(c: Context) -> bool:
    """Where the customer (or someone) works, in a message that threatens nothing."""
    said = WORKPLACE_BEFORE.search(c.before) and WORKPLACE_AFTER.search(c.after)
    return c.hit in WORKPLACES and bool(said) and not THREAT_CUE.search(c.text)


# (nineteenth round) The customer a lawyer, and court as their work: "我本身是律师，白天开庭接不了
# 电话" (not "我是律师，下周开庭告你们": 告 is a hit of its own).
LAWYER_SELF = re.compile(
    r"我(?:本身|自己|本人)?(?:就|也)?是(?:个|一个|一名|一位|名)?(?:执业)?(?:律师|法官|书记员|法务)"
    r"|我(?:是)?(?:做|当|干)(?:律师|法官|法务)"
)
COURT_WORK = frozenset({"开庭", "法院", "法庭", "法官", "传票", "诉讼", "立案"})


def _lawyers_work(c: Context) -> bool:
    """Court named as the work of a customer who is a lawyer, in a message that threatens nothing."""
    return (
        c.hit in COURT_WORK and bool(LAWYER_SELF.search(c.text)) and not THREAT_CUE.search(c.text)
    )


def _number_field(c: Context) -> bool:
    """A hotline's digits inside an order, phone or model number ("订单尾号是12315")."""
    return c.hit.isdigit() and bool(NUMBER_FIELD.search(c.before))


def _fiction(c: Context) -> bool:
    """A job or hazard word in fiction or a title, in a message with no threat."""
    fiction = FICTION_BEFORE.search(c.before)
    title = TITLE_OPEN.search(c.before) and TITLE_CLOSE.search(c.after)
    return bool(fiction or title) and not THREAT_CUE.search(c.text)


def _platform_channel(c: Context) -> bool:
    """A report or appeal lodged with the platform or the shop ("去平台举报你们刷单")."""
    named = PLATFORM_RECIPIENT.search(c.before) or PLATFORM_RECIPIENT_AFTER.search(c.after)
    return c.hit in PLATFORM_CHANNEL_WORDS and bool(named)


# (sixteenth round) An authority's building as a landmark: "收货地点在法院对面的小区",
# "我屋企喺消委會旁邊" (an address, in a message that threatens nothing).
LANDMARK_AFTER = re.compile(
    r"^[^,。!?;]{0,4}?(?:门口|对面|隔壁|旁边|附近|楼下|隔离嗰|隔离𠮶|隔离个|那栋|𠮶栋|嗰栋|那条街)"
)


def _landmark(c: Context) -> bool:
    """An authority's building named as a place, in a message that threatens nothing."""
    return bool(LANDMARK_AFTER.search(c.after)) and not THREAT_CUE.search(c.text)


CHECKS = by_name(
    *SHAPES,
    _someones_job,
    _number_field,
    _fiction,
    _platform_channel,
    _workplace,
    _landmark,
    _lawyers_work,
)

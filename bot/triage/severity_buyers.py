"""Severity vetoes for group words that tell of one buyer, two, or many who are fine.

A question about others ("别的买家也有这个问题吗？"), two buyers ("我和我邻居都买了，都坏了"), one
buyer shopping for many ("帮十几个同学带的"), a crowd competing for it ("好多人在直播间抢"), only
the customer affected ("拼单的其他人都收到了，就我的没到") or their own share of a group buy, the
others fine ("团长说这批货都没问题"), and a group buy named as the service ("社区团购自提点的老板").
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import CLAUSE_END, Context, Shape, bounds, by_name
from bot.triage.severity_cues import QUESTION
from bot.triage.severity_rules import PROBLEM_CUE

RHETORICAL = re.compile(r"不|没|难道")
A_NOT_A = re.compile(r"有没有|是不是|会不会|能不能|可不可以")
# Two people, not many: "我和我邻居都买了", "我们俩".
PAIR = re.compile(r"(?:我和|我跟|我与)(?:我的?)?$|俩|两个人|两人")
# ... unless the other side is counted as many: "我跟我几个邻居都买了".
COUNTED_MANY = re.compile(r"^(?:好几|几|[三四五六七八九十百]|[3-9]|\d\d)")
# One buyer shopping for many: "帮十几个同学带的笔记本", "我帮全办公室订了下午茶".
ON_BEHALF_BEFORE = re.compile(r"(?:帮|替|为|给)(?:我们|咱们)?$")
ON_BEHALF_AFTER = re.compile(
    r"^(?:的|们)?(?:带|买|订|代购|下单|下了|拼|团|抢|囤|采购|准备|叫|发的|发了)"
)
# A crowd competing for a popular item, not buyers harmed: "好多人在直播间抢，我好不容易抢到".
CROWD_AFTER = re.compile(
    r"^(?:都|也)?(?:在[^,。!?;]{0,6}?)?(?:抢|排队|围观|看直播|蹲|点赞|关注|求购|加购|种草"
    # (nineteenth round) a live stream's chat: "直播间好多人在刷666"
    r"|刷(?:屏|666|礼物|弹幕|评论|火箭|爱心)"
    # (twenty-first round) people gathered, or commenting under a post: "一群人在我家吃饭",
    # "好多人在下面评论"
    r"|吃饭|聚会|聚餐|唱歌|喝酒|打牌|打麻将|开会|过生日|玩|评论|留言|围观"
    # friends asking where it came from: "好多朋友问是哪家" (tenth split)
    r"|问(?:是|在)?哪|问我(?:在)?哪|打听|来问)"
)
# Only the customer affected, the others fine: "拼单的其他人都收到了，就我的没到", "我们宿舍就我
# 一个人买了" (not "不是只有我一个没收到").
ONLY_ME = re.compile(
    r"(?<!不)(?<!不是)(?<!不单是)(?:就|只有|唯独|只|只系|净系|就系)"
    # (twenty-second round) ... the customer in a note: "就他这单发错了"
    r"(?:我|我的|我家|我这|他这|她这|他的|她的)"
    r"(?:一个人|一个|一家|一单|这单|这个|这件|家的|的|个|台|件|嗰件|嗰个|嗰部)?(?:还|都|也)?"
    # (twenty-first round) Cantonese 只係 / 淨係 (just), a flaw had: "只係我件有污漬"
    r"(?:没|买了|买的|不|少|坏|有问题|出问题|有(?!人|其他|别)"
    # (eighteenth round) ... or a fault a few words on: "就我这个开机黑屏"
    r"|[^,。!?;]{0,4}?(?:黑屏|失灵|毛病|异常|开不了|用不了|不亮|坏|发错|错了))"
)
# ... or the customer's own share of a group buy: "班级群里团购的作业本，我家的少了一本"
# (not "我家的也坏了": 也 says the others' are too).
OWN_SHARE = re.compile(
    r"(?<![和跟与])我(?:家(?:孩子)?|们家)?(?:的|那|这)(?:那|这)?(?:份|箱|盒|罐|套|单|本|件|个)?"
    r"(?!也|都)(?:还)?(?:少|没|坏|碎|错|烂|漏|破|发错|压)"
)
GROUP_BUY = re.compile(r"团购|拼单|拼团|团的|拼的|群里|统一订|一起订|一起买|帮大家")
# ... the others bought nothing: "别人都没买" is no problem of theirs.
NOT_BOUGHT = re.compile(r"都没(?:有)?(?:买|下单|下过单|买过|参加|拼|团)")
# (sixth round, severity_dev10) The others fine: "团长说这批货都没问题，就我这份发错了", Cantonese
# "其他人都冇問題" (not "其他人都没收到": that is a problem of theirs).
OTHERS_FINE_AFTER = re.compile(
    r"^(?:的|们)?(?:都|也|全都|全部)?(?:说|反映|觉得|讲|话)?(?:是)?(?:没(?:有)?(?:问题|事|毛病|坏)|正常|好好的|完好|好的|冇(?:问题|事)"
    r"|无问题|挺好|很好|(?:收到了|收到咗|收到晒)(?=$|[,。!?;~]|吧|啊|呢|的?[,。!?;~]))"
)
# (sixteenth round) ... told in a clause of its own, away from the group word: "我和几个同事都买了这款保温杯，
# 他们的都好好的，就我的漏水" (not "别人的都坏了").
OTHERS_FINE_TOLD = re.compile(
    r"(?:别人|其他人|其他的|他们|她们|朋友们?|同事们?|佢哋|佢地|佢们)(?:的|买的|那些|嘅)?"
    r"(?:都|也|全都|全部)"
    # (twenty-first round) ... said by them: "佢哋都話冇問題", "他们都说没事"
    r"(?:说|话|讲|觉得|反映)?(?:好好的|没问题|没事|正常|挺好|好的|冇问题|冇事)"
)
# (twenty-first round) "No problem" is none: taken out before looking for a problem elsewhere
# ("佢哋都話冇問題，只係我件有污漬": only the customer's).
NO_PROBLEM = re.compile(r"(?:没|冇|无|没有)(?:什么|乜)?(?:问题|事|毛病)")
# A group buy named as the service, not as buyers: "社区团购自提点的老板态度很差".
SERVICE_AFTER = re.compile(
    r"^(?:的)?(?:自提点|提货点|取货点|团长|平台|app|小程序|群主|配送员|司机|店)"
)


def only_me(text: str) -> bool:
    """Only the customer affected or buying, and no problem told of anyone else.

    "拼单的其他人都收到了，就我的没到", "公司团购的粽子，我那份少了一个" (not "群里宝妈都说
    开裂了，就我的还没裂").
    """
    own_shares = list(OWN_SHARE.finditer(text)) if GROUP_BUY.search(text) else []
    for match in [*ONLY_ME.finditer(text), *own_shares]:
        low, high = bounds(text, match.start(), match.end(), CLAUSE_END)
        others = NO_PROBLEM.sub("", NOT_BOUGHT.sub("", text[:low] + text[high:]))
        if not PROBLEM_CUE.search(others):
            return True
    return False


# (eleventh round) One person in the reviews, not many: "评论区有人说有异味，我收到的倒是没有"
# (not "评论区好多人说").
SOMEONE_AFTER = re.compile(
    r"^(?:里|上|中)?(?:也)?有(?:个|一个|一位)?(?:人|买家|网友|顾客)(?!都|们)"
)

# (twenty-first round) The customer's own copy of a model seen elsewhere: "在看一部剧，顺手买了
# 同款耳机" (not "好几个人买了同款都坏了": others named in the sentence).
OWN_COPY_BEFORE = re.compile(r"(?:^|我|我也|顺手|顺便|就|跟着|也|刚)$")
OTHERS_NAMED = re.compile(r"人|买家|朋友|同事|邻居|大家|他们|她们|别人|们|都")
# (twenty-first round) A lone buyer in a group buy, no other buyer named: "小区团购我买了一箱牛奶，
# 箱子压坏了" (not "小区团购的都坏了", "团购的邻居也…").
GROUP_BUY_HIT = re.compile(r"团购|拼单|拼团|团的")
ONE_SHARE = re.compile(
    r"(?<![和跟与们])我(?:就|只|自己)?(?:买|订|拼|团|拍|要|抢)了?"
    r"(?:一|两|1|2)?[箱盒份袋件个套桶瓶罐斤提]"
)
OTHER_BUYERS = re.compile(
    r"大家|其他|别人|别的|邻居|团员|团友|团长说|他们|她们|家长|宝妈|同事|朋友|人|户|都"
)

SHAPES = (
    Shape(
        "own_copy",
        'The customer\'s own copy of a model seen elsewhere ("顺手买了同款耳机").',
        hits=frozenset({"买了同款"}),
        needs=(("before", OWN_COPY_BEFORE),),
        unless=(("sentence_without_hit", OTHERS_NAMED),),
    ),
    Shape(
        "pair",
        'Two buyers, the customer and one other ("我和我邻居都买了"), not counted as many.',
        needs=(("before", PAIR),),
        unless=(("hit", COUNTED_MANY),),
    ),
    Shape(
        "on_behalf",
        'One buyer shopping for many ("帮十几个同学带的"), not many buyers.',
        needs=(("before", ON_BEHALF_BEFORE), ("after", ON_BEHALF_AFTER)),
    ),
    Shape(
        "crowd",
        'Many people queueing or competing for it ("好多人在直播间抢"), with no problem told.',
        needs=(("after", CROWD_AFTER),),
        unless=(("clause", PROBLEM_CUE),),
    ),
    Shape(
        "others_fine",
        'The others fine ("其他人都没问题", "这批货都没问题"): no problem of many.',
        needs=(("after", OTHERS_FINE_AFTER),),
    ),
    Shape(
        "others_fine_told",
        'The others\' items fine, told apart ("几个同事都买了，他们的都好好的，就我的漏水").',
        needs=(("text", OTHERS_FINE_TOLD),),
    ),
    Shape(
        "service_named",
        'A group buy named as the service ("社区团购自提点的老板…"), with no one else affected.',
        needs=(("after", SERVICE_AFTER),),
    ),
    Shape(
        "someone_in_reviews",
        'One person in the reviews ("评论区有人说有异味"), not many buyers.',
        needs=(("after", SOMEONE_AFTER),),
    ),
)


def _asks_about_others(c: Context) -> bool:
    """A group asked about, not reported ("别的买家也有这个问题吗", "有没有其他人也…")."""
    plain = A_NOT_A.sub("", c.clause)
    return bool(QUESTION.search(c.clause)) and not RHETORICAL.search(plain)


def _lone_buyer(c: Context) -> bool:
    """One buyer's share of a group buy, with no other buyer named anywhere in the message."""
    if not GROUP_BUY_HIT.search(c.hit) or not ONE_SHARE.search(c.text):
        return False
    rest = c.text.replace(c.hit, "").replace("我们", "")
    return not OTHER_BUYERS.search(rest)


# (twenty-second round) The customer buying in a group buy for others: "小区团购群里我帮邻居代买了
# 两份，其中一份少了个盖子" (one buyer, one problem), unless many are said to be affected.
BOUGHT_FOR = re.compile(r"我(?:帮|替|给)[^,。!?;]{0,6}?(?:代买|代购|代拍|买|带|订|拍)了?")
MANY_AFFECTED = re.compile(r"大家|都|好多|很多|好几|[几多十]户|[几多十]家|[几多十]个人")


def _bought_for_others(c: Context) -> bool:
    """The customer's own purchase in a group buy, for others, with nobody else said affected."""
    if not GROUP_BUY_HIT.search(c.hit) or not BOUGHT_FOR.search(c.text):
        return False
    return not MANY_AFFECTED.search(c.text.replace(c.hit, ""))


def _only_me(c: Context) -> bool:
    """Only the customer affected or buying ("拼单的其他人都收到了，就我的没到")."""
    return only_me(c.text)


CHECKS = by_name(*SHAPES, _asks_about_others, _only_me, _lone_buyer, _bought_for_others)

"""Severity vetoes for real events the product did not cause.

An injury the customer calls unrelated ("宝宝摔了一跤，不过跟你们的东西没关系"), a near fall of
their own haste or of an errand ("手一滑差点摔了，还好接住了"), a hospital stay told as why a
parcel waits or whom it is for ("孩子骨折住院，快递没人签收被退回了"), an allergy the customer has
anyway ("我本身对花生过敏") or a figure of speech about the shop ("对你们的自动回复过敏了"), an
injury long past told as why something is bought ("前几天摔了一跤，想买个防撞帽"), news of another
shop's accident, and a court for a private matter ("跟我上法院离婚").
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_cues import CAUSED, OBSERVED_HAZARD, OTHER_SHOP, THREAT_CUE

# An injury the customer says has nothing to do with the product: "宝宝摔了一跤，不过跟你们
# 的东西没关系".
UNRELATED = re.compile(
    # (twenty-first round) ... or with this order: "上次报过警是因为别的事，跟这次没关系"
    r"(?:跟|和|与)(?:你们|产品|商品|东西|这个|宝贝|快递|这次|这回|这单|这件事"
    # (twenty-second round) "跟我这个事没关系"
    r"|我这个事|我这事|我的事)[^。!?;,]{0,6}?"
    r"(?:没关系|没有关系|没啥关系|没什么关系|无关)"
    # "不关你们的事", Cantonese "唔关你哋事"
    r"|(?:不|唔)关(?:你们|你哋|产品|商品|东西|这个|快递)的?事"
)
# A near fall of the customer's own making, or of the item ("手一滑差点摔了，还好接住了",
# "下楼取快递太急差点摔一跤"), not of a product that gave way.
OWN_SLIP = re.compile(
    r"手一?滑|脚一?滑|太急|着急|急着|赶着|匆忙|没看路|还好接住|接住了"
    # an errand: "去取快递的路上摔了一跤", "搬快递的时候摔了"
    r"|(?:取|拿|搬|接|扛)(?:快递|包裹|件)"
)
FALL = re.compile(r"摔|跌")


# A hospital stay, a fracture or a doctor as the customer's circumstance: why the parcel was
# missed or should wait, where to deliver, whom the order is for ("孩子骨折住院，快递没人签收
# 被退回了", "我在医院陪床，没法取快递", "我妈住院了想给她买个护理床垫").
CIRCUMSTANCE_WORDS = frozenset(
    {"医院", "住院", "进医院", "急诊", "骨折", "看医生", "就医", "输液", "挂水", "打点滴", "吊水"}
)
ERRAND = re.compile(
    r"没法取|取不了|没人签收|没人收|签收不了|收不了|被退回|退回去|退回了|没及时|才看到|错过了?快递"
    r"|晚点(?:再)?发|晚些(?:再)?发|延迟发|推迟发|改个?时间|改地址|陪床|陪护|探望|看望|住院部"
    r"|想给(?:他|她|老人|我妈|我爸|孩子)买|给(?:他|她)买|买[^,。!?;]{0,6}?给(?:他|她|老人)用"
    # the parcel's journey, a shift, a period of time: "我爸住院了，快递能放门卫吗"
    r"|快递|包裹|签收|收货|送货|发货|门卫|驿站|没人在家|上班|值班|夜班|期间"
    # why the order is in a hurry: "家里老人住院了，这个轮椅比较急，能不能快点发"
    r"|快点发|尽快发|早点发|加急|急用|急着用|比较急|着急用|赶紧发"
)
# An allergy as the customer's constitution ("我本身对花生过敏", "过敏体质能用吗").
CONSTITUTION_BEFORE = re.compile(
    r"(?:本身|本来|天生|从小)就?(?:对[^,。!?;]{0,8})?(?:有点|容易|很)?$"
)
CONSTITUTION_AFTER = re.compile(r"^性?体质|^源|^原|^性(?:鼻炎|哮喘|结膜炎)")
# ... or told as the reason for a choice: "我对芒果过敏，所以选了不含芒果的" (an allergen that
# is not the product: not "我对你们的面膜过敏，所以…").
ALLERGEN_BEFORE = re.compile(
    r"对(?![^,。!?;]*(?:你们|这个|这款|这瓶|这支|它|产品|商品))[^,。!?;]{1,8}$"
)
CONSTITUTION_REASONING = re.compile(r"^,?(?:所以|因此|才|特意|特地|一般都|一直都|平时)")
# ... or told before a question about the product's make-up (fourteenth round): "我对花生过敏，
# 想问下这款饼干有没有花生", "我老公对海鲜过敏，这个调料里有虾粉吗？" — an enquiry, nothing eaten.
CONSTITUTION_ENQUIRY = re.compile(
    r"想.{0,2}问|问问|请问|问一?下|咨询|有没有|含不含|含有|能不能|能吃|能用|可以吃|可以用|[?？]|[吗嘛]"
)
# ... or as a figure of speech about the shop ("我对你们这种机器人回复已经过敏了").
SERVICE_ALLERGY = re.compile(
    r"对[^,。!?;]{0,10}?(?:客服|回复|服务|态度|套路|话术|机器人|广告|推销|营销|短信|电话|借口|说辞)"
    r"[^,。!?;]{0,4}$"
)
# An injury long past, told as why something is bought: "宝宝前几天摔了一跤，想买个防撞帽",
# "孩子上次摔破膝盖买的碘伏棉签" (not "孩子用你们的滑板车摔伤了，刚买的").
PAST_BEFORE = re.compile(
    r"(?:前几天|前阵子|前段时间|上次|上回|之前|以前|去年|上个月|小时候|那次|前几年|几年前|那年)"
)
WHY_BOUGHT_AFTER = re.compile(
    r"^[^。!?;]{0,3}?(?:买的|买了|才买|所以买|想买|要买|打算买)|想买|想问|尺码|怎么选|哪个好|推荐"
    # (sixteenth round) "…那个暖宝宝把我烫伤过，所以才选了你们这款"
    r"|所以(?:这次|才|就)?(?:挑|选|换|买)"
)
PRODUCT_BEFORE = re.compile(r"你们|这个|这款|用|骑|玩|坐|穿|戴|吃|喝|涂|抹")
# News of another shop's accident: "新闻上说有别家的充电宝爆炸，你们这个安全吗？".
NEWS_BEFORE = re.compile(r"(?:新闻|报道|网上|听说|据说|看到有人|有人说|视频里)[^。!?;]{0,14}$")
# A court named for a private matter: "跟我上法院离婚", "去法院办遗产".
PRIVATE_MATTER = re.compile(r"离婚|结婚|遗产|继承|抚养|领证|户口|签证|违章|罚单|驾照")

# (sixteenth round) A past hospital stay told as a time: "去年住院时用过这种尿垫".
PAST_STAY_HIT = re.compile(r"住院|医院")
PAST_STAY_BEFORE = re.compile(r"(?:以前|之前|上次|去年|小时候|那年)(?:在)?$")
PAST_STAY_AFTER = re.compile(r"^(?:的时候|时|那会|那阵)")

# (nineteenth round) A harm from another shop's product, told as the past: "上次过敏是用了别家的，
# 这次换你们的" (not "用了别家的没事，用了你们的就过敏": that harm's clause names no other shop).
OTHER_SHOPS_PRODUCT = re.compile(
    r"(?:是|因为|都是)?(?:用|吃|喝|穿|戴|涂|抹|买)(?:了|的|过)?(?:别家|别的店|别的牌子|其他家|其他牌子|别人家|另一家)"
    # (task sev24) the shop named first: "我姐之前在别家买的暖手宝烫伤过"
    r"|(?:在|从)(?:别家|别的店|其他家|别人家|另一家)(?:店)?(?:买|网购|下单)"
)

SHAPES = (
    Shape(
        "other_shops_product",
        'A harm from another shop\'s product ("上次过敏是用了别家的"), told in its clause.',
        needs=(("clause", OTHER_SHOPS_PRODUCT),),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "unrelated",
        "An injury the customer says the product had nothing to do with.",
        needs=(("text", UNRELATED),),
    ),
    Shape(
        "unrelated_matter",
        'A legal step about another matter, said to be unrelated ("…跟这次没关系"), no threat.',
        needs=(("text", UNRELATED),),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "own_slip",
        "A near fall of the customer's own haste, or of the item caught in time.",
        needs=(("hit", FALL), ("clause", OWN_SLIP)),
    ),
    Shape(
        "service_allergy",
        '过敏 said of the shop\'s manners ("对你们的机器人回复过敏了"), a figure of speech.',
        hits=frozenset({"过敏"}),
        needs=(("before", SERVICE_ALLERGY),),
    ),
    Shape(
        "past_stay",
        'A past hospital stay as when a product was known ("去年住院时用过这种尿垫").',
        needs=(("hit", PAST_STAY_HIT), ("before", PAST_STAY_BEFORE), ("after", PAST_STAY_AFTER)),
    ),
    Shape(
        "private_matter",
        'A court named for a private matter ("跟我上法院离婚"), in a message with no threat.',
        needs=(("clause", PRIVATE_MATTER),),
        unless=(("text", THREAT_CUE),),
    ),
)


# (fifteenth round) The goods hurt, not a person: "车漆被洗车泥刮伤了", "苹果磕伤了一大半", "叶子
# 都烧焦了" (a surface, fruit or a plant before the word, no body part or blood in the sentence).
GOODS_SURFACE = re.compile(
    r"车漆|漆面|屏幕|镜面|镜片|镜头|表面|外壳|机身|皮面|桌面|地板|表盘|表镜|鞋面|包包|皮包|箱子"
    r"|箱体|车身|家具|柜子|沙发|叶子|叶片|花瓣|花苞|苹果|水果|果子|果皮|梨|桃子|芒果|橙子|葡萄"
    r"|背包|书包|衣服|羽绒服|外套|裤子|鞋|布料|面料"
)
GOODS_HURT_WORDS = frozenset(
    {"刮伤", "划伤", "磕伤", "擦伤", "碰伤", "刮破", "划破", "烧焦", "划了个口子", "划了一道"}
    # (seventeenth round) pierced, of the packing ("碎片都扎破了箱子")
    | {"扎破", "戳破", "割破", "刺破", "扎穿"}
)
# (seventeenth round) ... the goods or their packing named right after the word: "碎片都扎破了箱子"
GOODS_AFTER = re.compile(
    r"^了?(?:外|快递)?(?:箱子|纸箱|包装|袋子|快递袋|泡沫|盒子|箱|包装袋|塑料袋|气泡膜|膜|纸盒|外壳|布料|面料)"
)
# Words holding a body part's character that name a thing ("戴了手套", "手机").
NOT_BODY = re.compile(r"手套|手机|手柄|手提|手环|手表|手工|手续|头盔|眼镜")
BODY_OR_WOUND = re.compile(
    r"手|脚|脸|腿|臂|皮肤|身上|头|眼|嘴|孩子|宝宝|老人|小孩|血|疼|痛|肿|医|药|烟|火|烫|味|电|热"
)
# ... scorched: only a plant's leaves or flowers ("外壳烧焦" of a charger is a hazard).
PLANT = re.compile(r"叶子|叶片|花瓣|花苞|盆栽|绿植|苗")
# (fifteenth round) Insect bites a repellent did not prevent ("驱蚊手环没用，还是被咬了一身包"):
# the product failed, it hurt nobody (a rash or swelling from the product itself stays injury).
REPELLENT = re.compile(r"驱蚊|防蚊|灭蚊|驱虫|防虫|蚊香|花露水|防叮")
REPELLENT_HARM = re.compile(r"过敏|红肿|肿|疹|医|药|疼|痛|烫|刺痛|头晕|吐")


def _circumstance(c: Context) -> bool:
    """A hospital stay told as why a parcel waits or whom it is for, not caused by the product."""
    named = any(word in c.hit for word in CIRCUMSTANCE_WORDS)  # "腿骨折" too
    return named and bool(ERRAND.search(c.text)) and not CAUSED.search(c.text)


def _constitution(c: Context) -> bool:
    """An allergy the customer (or family) has anyway, told as such or before a question.

    "我本身对花生过敏", "我对芒果过敏，所以选了…", "我对花生过敏，想问下…有没有花生": no reaction
    seen and nothing of the product eaten or used (`CAUSED`).
    """
    rest = c.sentence[c.sentence.find(c.hit) + len(c.hit) :]
    allergen = ALLERGEN_BEFORE.search(c.before)
    reasoning = allergen and CONSTITUTION_REASONING.search(rest)
    enquiry = allergen and CONSTITUTION_ENQUIRY.search(c.message_after_hit())
    if enquiry and CAUSED.search(c.text):  # "我对芒果过敏，吃了你们的…，能退吗": a reaction told
        enquiry = None
    said = (
        CONSTITUTION_BEFORE.search(c.before)
        or CONSTITUTION_AFTER.search(c.after)
        or reasoning
        or enquiry
    )
    seen = OBSERVED_HAZARD.search(c.sentence.replace(c.hit, ""))
    return c.hit == "过敏" and bool(said) and not seen


# (twenty-first round) A past police matter told as why something was bought: "车子被刮过，派出所
# 调监控没看清，于是买了这款行车记录仪", "前年遭过贼报了警，之后就装了你们的门锁".
PAST_MATTER = re.compile(r"过|去年|前年|上次|上回|之前|以前|那次|几年前|前阵子")
BOUGHT_SINCE = re.compile(
    r"(?:于是|所以|才|之后|以后|后来)(?:就|才)?(?:买|装|选|换|入手|下单|安装)"
)


def _report_before_buying(c: Context) -> bool:
    """A past police matter told as why the product was bought, in a message with no threat."""
    past = PAST_MATTER.search(c.sentence_before_hit() + c.clause)
    return (
        bool(past)
        and bool(BOUGHT_SINCE.search(c.message_after_hit()))
        and not THREAT_CUE.search(c.text)
    )


def _why_bought(c: Context) -> bool:
    """An injury long past, told as why something is bought, with nothing the product did."""
    rest = c.message_after_hit()
    told = c.before + c.hit  # a sentence rule's hit may hold the time: "宝宝前几天摔了一跤"
    return (
        bool(PAST_BEFORE.search(told))
        and bool(WHY_BOUGHT_AFTER.search(rest))
        and not PRODUCT_BEFORE.search(told)
        and not CAUSED.search(c.text)
    )


def _news_of_other_shop(c: Context) -> bool:
    """News of another shop's accident ("新闻上说有别家的充电宝爆炸"), asked about."""
    said_before = c.sentence_before_hit()
    return bool(NEWS_BEFORE.search(said_before)) and bool(OTHER_SHOP.search(said_before))


def _goods_hurt(c: Context) -> bool:
    """A scratch, bruise or scorch of the goods ("车漆被刮伤", "苹果磕伤"), nobody hurt."""
    rest = NOT_BODY.sub("", c.sentence.replace(c.hit, ""))
    surface = PLANT if c.hit == "烧焦" else GOODS_SURFACE
    named = surface.search(c.before) or (c.hit != "烧焦" and GOODS_AFTER.search(c.after))
    return c.hit in GOODS_HURT_WORDS and bool(named) and not BODY_OR_WOUND.search(rest)


def _repellent_failed(c: Context) -> bool:
    """Bites a repellent did not keep off, with no harm of its own (see `REPELLENT`)."""
    bite = "咬" in c.hit or "叮" in c.hit
    harm = REPELLENT_HARM.search(c.text.replace(c.hit, ""))
    return bite and bool(REPELLENT.search(c.text)) and not harm


CHECKS = by_name(
    *SHAPES,
    _circumstance,
    _goods_hurt,
    _repellent_failed,
    _constitution,
    _why_bought,
    _news_of_other_shop,
    _report_before_buying,
)

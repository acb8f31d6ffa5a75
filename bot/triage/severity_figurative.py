"""Severity vetoes for figures of speech: harm and fire words that report nothing.

A simile about looks ("涂上像中毒了一样，颜色太丑了"), charm ("颜色直接电到我了"), being hooked
("我已经中毒了，一买再买"), fainting at a price ("看到运费我差点晕过去"), a mouth "on fire" from
spicy food, a headache over a chore, a deal "dangerously" nearly missed, 炸裂 as an interjection,
a tight fit told as choking, and the news that "could" carry the quality ("这质量都可以上新闻了").
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_cues import CAUSED, LAUGHTER, OBSERVED_HAZARD, THREAT_CUE

# A simile about looks, not a symptom: "涂上像中毒了一样，颜色太丑了".
SIMILE = re.compile(r"(?:像|好像|就像|跟|仿佛|如同|宛如)(?:是|被)?$")
LOOKS = re.compile(r"颜色|色号|丑|难看|看起来|看着|显得|妆|样子|效果|上身|显黑|土")
# Charm, not a shock: "这个颜色太好看了，直接电到我了".
SHOCK_WORDS = frozenset({"电到我", "被电到", "电到了"})
CHARM = re.compile(r"好看|漂亮|颜值|帅|美|可爱|心动|眼神|颜色|款式|设计|喜欢|爱了")
# Hooked, not poisoned: "我已经中毒了，你们家的零食一买再买" (not "吃了以后再也不回购了").
HOOKED_WORDS = frozenset({"中毒", "中毒了"})
HOOKED = re.compile(r"(?<![不别])(?:回购|一买再买|买了又买|上瘾|入坑|停不下来|戒不掉|真香|安利)")
# ... or hooked "on" something: "我对你们家的零食已经中毒了" (poison is not "对" anything).
HOOKED_ON = re.compile(r"对[^,。!?;]{1,14}?(?:已经|彻底|完全|深深|早就|早已)?(?:都)?(?:有点)?$")
# Fainting or spitting blood at a price: "看到运费88我差点晕过去", "一看账单差点吐血".
# (fifteenth round) ... or nearly falling off one's chair at it: "我差点从椅子上摔下来——看到
# 账单的时候" (the price told after the fall).
PRICE_SHOCK_WORDS = re.compile(
    r"晕|昏|吐血|要人命|要命|要了我的命|要了老命|从(?:椅子|凳子|沙发)上摔"
)
PRICE_SEEN_AFTER = re.compile(
    r"^[^。!?;]{0,4}?(?:看到|看见|一看|听到|知道)[^,。!?;]{0,8}?(?:价|运费|账单|钱|费|扣款|余额|\d)"
)
PRICE_SEEN = re.compile(
    r"(?:看到|看见|一看|听到|知道)[^,。!?;]{0,8}?(?:价|运费|账单|钱|费|扣款|余额|\d)"
    r"|(?:价格|价钱|运费|账单|扣款|报价|标价)[^。!?;]{0,16}$"
)
# A mouth "on fire" from spicy food: "辣得我嘴都着火了", "辣到喷火".
SPICY_BEFORE = re.compile(r"辣(?:得|到|的)[^,。!?;]{0,6}$")
FIRE_WORDS = frozenset({"着火", "起火", "冒火", "喷火", "烧起来", "火辣辣", "着火了", "烧着了"})
# A headache over a chore, not from the product: "我头疼死了 这个app到底怎么退货".
HEAD_BEFORE = re.compile(r"(?:头|脑袋|脑壳)(?:都|真的|真|好|太)?$")
ACHE_WORDS = frozenset({"疼死了", "痛死了", "疼得厉害", "痛得厉害"})
SMELL = re.compile(r"味|闻|熏|刺鼻")
# A deal "dangerously" nearly missed: "好危险，差点就错过抢购时间".
DEAL = re.compile(r"错过|抢购|抢不到|没抢到|秒杀|买不到|售罄|断货|赶不上|赶上了|差点没抢")
DEAL_WORDS = frozenset({"危险"})
# 炸裂 said alone as an interjection: "炸裂，这么快就到了".
SLANG_WORDS = frozenset({"炸裂"})
# A tight fit told as choking, with a size asked for: "裤子小得勒得我喘不过气😂 换大一码吧".
TIGHT_BEFORE = re.compile(r"(?:勒|紧|小|窄|箍)(?:得|到)[^,。!?;]{0,4}$")
CHOKING_WORDS = frozenset({"喘不过气", "喘不上气", "透不过气", "窒息", "勒死", "憋死"})
SIZE_ASKED = re.compile(r"换(?:个|一个)?(?:大|小)|[大小](?:一|两|半)码|换码|尺码|码数")
# The news "could" carry it, said of the quality: "这质量都可以上新闻了" (not "让这事上个热搜").
EXCLAIMED_BEFORE = re.compile(r"(?:都|真|简直|完全|绝对)?(?:可以|能|够|配|值得)(?:直接)?$")
EXCLAIMED_AFTER = re.compile(r"^了")
# (twelfth round) Anger or impatience told as smoke or choking: "气到我冒烟", "客服慢得我头都
# 冒烟了", "快递慢到我要窒息", "冒烟的是我的心情"; not when a hazard is seen besides the hit.
FUMING_BEFORE = re.compile(
    r"(?:气|急|火大|恼|慢|丑|贵|烂|离谱|无语|等)(?:得|到)[^,。!?;]{0,6}$|(?:头|脑袋|脑壳|心)(?:都|快|要)?$"
)
FUMING_AFTER = re.compile(r"^的?(?:是|只有)(?:我的)?(?:心|心情|脑袋|脑子|头)")
FUMING_WORDS = frozenset({"冒烟", "窒息", "冒火"})
# A hot deal: "这价格简直烫手", "价格烫到不敢信" (烫 said of a price, not of skin).
HOT_DEAL_BEFORE = re.compile(r"(?:价格?|价钱|优惠|折扣|福利|这波|羊毛|券)[^,。!?;]{0,4}$")
HOT_WORDS = frozenset({"烫到", "烫手", "烫嘴", "烫了一下", "烫死人"})
# Food burnt in an oven or a pan: "饼干底烤焦了" (a wrong temperature, not a fire).
FOOD_BEFORE = re.compile(
    r"(?:饼干|面包|吐司|蛋糕|蛋挞|鸡翅|肉|披萨|红薯|米饭)(?![机炉座锅煲])[^,。!?;]{0,2}$"
    # (fifteenth round) a pan's bottom burnt in cooking: "锅底烧糊了一层，洗不掉"
    r"|锅底[^,。!?;]{0,2}$"
)
FOOD_BURNT_WORDS = frozenset({"烤焦", "烤糊", "烧焦", "烧糊", "焦糊"})

# (sixteenth round) 出人命 said in anger at a delay or a fault: "急死了，要出人命了，客服
# 三天不回" (not with a hazard told: "…插座漏电，手被电麻了").
LIFE_WORDS = frozenset({"出人命"})
# (nineteenth round) A stomach ache of anger: "气得我胃疼，三天了还没发货" (not after eating or
# using it: "吃了以后胃疼").
ANGER_ACHE_BEFORE = re.compile(r"(?:气|急|烦|恼|火大)(?:得|到)(?:我|人)?(?:都|快|要)?$")
ANGER_ACHE_WORDS = frozenset({"胃疼", "胃痛", "肚子疼", "肚子痛", "肚痛"})
# (nineteenth round) A legal or media word in a comparison: "客服的回复跟法院传票一样冷冰冰"
# (a likeness, not a step).
LIKENED_BEFORE = re.compile(r"(?:像|好像|就像|跟|和|仿佛|如同|宛如)(?:是|被)?[^,。!?;]{0,4}$")
LIKENED_AFTER = re.compile(r"^[^,。!?;]{0,4}?(?:一样|似的|那样|一般|般的)")
ANGER = re.compile(r"气死|气得|气到|急死|烦死|逼疯|要疯|快疯|崩溃")
# (twenty-second round) A comparison the word loses or wins: "律师都没你们客服能说", "打110都比打你们
# 客服电话快接通", "比法官判案还较真".
OUTDONE_AFTER = re.compile(r"^[^,。!?;]{0,2}?(?:都比|都没(?:你们|你|有)|都不如|也没你们)")
COMPARED_BEFORE = re.compile(r"比[^,。!?;]{0,2}$")
COMPARED_AFTER = re.compile(r"^[^,。!?;]{0,6}?还")

SHAPES = (
    Shape(
        "anger_ache",
        'A stomach ache of anger ("气得我胃疼"), with nothing eaten or used told.',
        hits=ANGER_ACHE_WORDS,
        needs=(("before", ANGER_ACHE_BEFORE),),
        unless=(("text", CAUSED),),
    ),
    Shape(
        "likened",
        'A legal or media word in a comparison ("跟法院传票一样冷冰冰"), with no threat.',
        needs=(("before", LIKENED_BEFORE), ("after", LIKENED_AFTER)),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "fuming_life",
        '出人命 said in anger ("急死了，要出人命了"), with no hazard told.',
        hits=LIFE_WORDS,
        needs=(("sentence", ANGER),),
        unless=(("text_without_hit", OBSERVED_HAZARD),),
    ),
    Shape(
        "simile",
        'A simile about looks ("涂上像中毒了一样，颜色太丑了").',
        needs=(("before", SIMILE), ("sentence", LOOKS)),
    ),
    Shape(
        "charm",
        'Charm, not a shock: 电到我 said of something pretty ("颜色太好看了，直接电到我了").',
        hits=SHOCK_WORDS,
        needs=(("sentence", CHARM),),
    ),
    Shape(
        "spicy",
        'A mouth "on fire" from spicy food ("辣得我嘴都着火了"), a figure of speech.',
        hits=FIRE_WORDS,
        needs=(("before", SPICY_BEFORE),),
    ),
    Shape(
        "chore_headache",
        'A headache over a chore ("我头疼死了 这个app怎么退货"), not from using the product.',
        hits=ACHE_WORDS,
        needs=(("before", HEAD_BEFORE),),
        unless=(("text", CAUSED), ("text", SMELL)),
    ),
    Shape(
        "deal_danger",
        '危险 said of a deal nearly missed ("好危险，差点错过抢购"), not of a hazard.',
        hits=DEAL_WORDS,
        needs=(("sentence", DEAL),),
    ),
    Shape(
        "exclaimed",
        'The news "could" carry it ("可以上新闻了"), said of the quality, with no threat.',
        needs=(("before", EXCLAIMED_BEFORE), ("after", EXCLAIMED_AFTER)),
        unless=(("text", THREAT_CUE),),
    ),
    Shape(
        "fuming",
        'Anger or impatience told as smoke or choking ("气到我冒烟", "慢到我要窒息").',
        hits=FUMING_WORDS,
        needs=(("before", FUMING_BEFORE),),
        unless=(("text_without_hit", OBSERVED_HAZARD), ("text", CAUSED)),
    ),
    Shape(
        "fuming_after",
        'What "smokes" is the writer\'s mood ("冒烟的是我的心情").',
        hits=FUMING_WORDS,
        needs=(("after", FUMING_AFTER),),
        unless=(("text_without_hit", OBSERVED_HAZARD),),
    ),
    Shape(
        "hot_deal",
        '烫 said of a price or a deal ("价格烫到不敢信"), not of skin.',
        hits=HOT_WORDS,
        needs=(("before", HOT_DEAL_BEFORE),),
        unless=(("text", CAUSED),),
    ),
    Shape(
        "food_burnt",
        'Food burnt by a wrong temperature ("饼干底烤焦了"), with no smoke, fire or burn seen.',
        hits=FOOD_BURNT_WORDS,
        needs=(("before", FOOD_BEFORE),),
        unless=(("text_without_hit", re.compile(r"烟|火|味|烫伤|烫到|起泡|漏电|爆|塑料")),),
    ),
)


def _hooked(c: Context) -> bool:
    """中毒 meaning hooked on it ("我已经中毒了，一买再买"), not poisoned."""
    hooked_on = HOOKED_ON.search(c.before) and not OBSERVED_HAZARD.search(c.sentence)
    return c.hit in HOOKED_WORDS and bool(HOOKED.search(c.sentence) or hooked_on)


def _price_shock(c: Context) -> bool:
    """Fainting or spitting blood at a price ("看到运费我差点晕过去"): a figure of speech."""
    said_before = c.sentence_before_hit()
    said_after = c.message_after_hit()
    seen = PRICE_SEEN.search(said_before) or PRICE_SEEN_AFTER.search(said_after)
    return bool(PRICE_SHOCK_WORDS.search(c.hit)) and bool(seen)


def _interjection(c: Context) -> bool:
    """Slang said alone as a clause ("炸裂，这么快就到了"): nothing exploded."""
    return c.hit in SLANG_WORDS and c.clause.strip() == c.hit


def _tight_fit(c: Context) -> bool:
    """A tight fit told as choking, with a size asked for and no mark seen."""
    return (
        c.hit in CHOKING_WORDS
        and bool(TIGHT_BEFORE.search(c.before))
        and bool(SIZE_ASKED.search(c.text) or LAUGHTER.search(c.text))
        and not OBSERVED_HAZARD.search(c.text.replace(c.hit, ""))
    )


def _outdone(c: Context) -> bool:
    """A comparison, not a step ("律师都没你们客服能说", "比法官判案还较真"), no threat in its clause.

    Only the clause: a complaint beside it ("…绕来绕去就是不退") is no threat, and a real step
    elsewhere in the message is a hit of its own.
    """
    compared = OUTDONE_AFTER.search(c.after) or (
        COMPARED_BEFORE.search(c.before) and COMPARED_AFTER.search(c.after)
    )
    return bool(compared) and not THREAT_CUE.search(c.clause)


CHECKS = by_name(*SHAPES, _hooked, _price_shock, _interjection, _tight_fit, _outdone)

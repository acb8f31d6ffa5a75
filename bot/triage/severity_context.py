"""Context vetoes for severity hits: when the words are there but the reason is not.

`bot.triage.severity` finds trigger words (`bot.triage.severity_rules`) and sentence shapes
(`bot.triage.severity_sentences`); this module decides, from the clause and sentence around a hit, whether the customer is
actually reporting an injury or making a threat. Each veto is one named pattern and one
small function, because each covers a family of phrasings, not a single message:

- another shop ("我以前在12315投诉过别家"), praise ("评论区都是夸的"), someone's job
  ("我朋友是记者"), a fear that did not come true ("我还以为会爆炸呢");
- two buyers, not many ("我和我邻居都买了，都坏了");
- a question about others ("有没有其他人也遇到过这个问题啊？"), or a plain question about a
  threat word ("这个颜色上热搜了吗"; but "你们不怕我曝光吗" threatens);
- an injury or hazard negated right before it ("没有受伤", "没人受伤", "没冒烟", "不过敏"), or
  asked about to be reassured ("不会让人过敏吧？");
- a threat disclaimed with nothing to take it back ("我没打算曝光你们，只是想退款"; but
  "我不会去曝光的 但你们要给个说法" still threatens);
- hearsay about other people's actions ("听说有人去消协投诉过你们家");
- a field of an address or invoice ("收货地址：…法院家属院", "发票抬头：…律师事务所");
- a past matter the shop already settled ("上次过敏那件事你们已经赔过了");
- a joke: a wish told with laughter ("快递慢得我都想报警了哈哈哈"), or a threat taken back
  ("律师函警告⚠️ 哈哈开玩笑的");
- the shop's own words, reported ("客服说要等法务部门审核");
- a simile about looks ("涂上像中毒了一样，颜色太丑了") or charm ("颜色直接电到我了");
- a figure of speech: hooked, not poisoned ("我已经中毒了，一买再买"), fainting at a price
  ("看到运费我差点晕过去");
- an injury the customer calls unrelated ("宝宝摔了一跤，不过跟你们的东西没关系"), or a near
  fall of their own haste, of an errand or of the item ("手一滑差点摔了，还好接住了", "去取快递
  的路上摔了一跤");
- a hospital stay told as a circumstance: why a parcel was missed or should wait, where to
  deliver, whom the order is for ("孩子骨折住院，快递没人签收被退回了", "我在医院陪床");
- an allergy as the customer's constitution ("我本身对花生过敏", "过敏体质能用吗") or as a
  figure of speech about the shop ("对你们的自动回复过敏了");
- a trigger word naming a product's style ("电击枪造型的水枪", "消防主题的睡衣");
- an office as the buyer ("律师事务所订的打印纸"), a complaint or report lodged with the
  platform or the shop ("去平台举报你们刷单"), a courier's words reported ("快递员说被市场监管局
  抽检了");
- (2026-11-30) a mouth "on fire" from spicy food, a headache over a chore, a dream, a deal
  "dangerously" nearly missed, 炸裂 as an interjection, a law named after what it protects
  ("食品安全法"); a job word naming a toy, a figure or a costume ("律师袍cos服"); one buyer
  shopping for many ("帮十几个同学带的"), a crowd queueing for it ("好多人在直播间抢").
- (fifth round, precision) a hazard word a product guards against ("防过敏枕头"); a job or
  hazard word in fiction or a title ("电视剧里律师穿的西装", "《急诊科医生》"); a threat
  suggested or intended and then given up ("朋友说可以去找消协，但我觉得没必要", "本来想找律师
  的，想想算了", "小作文我就不写了"), or called words said in anger ("说要曝光是气话"); a hotline's
  digits inside a number ("订单尾号是12315"); news of another shop's accident; hooked "on"
  something ("对你们家的零食已经中毒了"); a tight fit told as choking, with a size asked for;
  "不是安全问题"; "要人命" said of a price; only the customer affected ("就我一个人买了").

Recall comes first (the spec wants every urgent complaint): a veto needs its whole shape,
and a message that also threatens (`THREAT_CUE`) keeps its threat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

from bot.triage.severity_rules import PROBLEM_CUE

# Where a sentence ends, and where a clause does.
SENTENCE_END = re.compile(r"[。!?;\n]")
CLAUSE_END = re.compile(r"[。!?;,，、\n~]")

# Another shop ("我以前在12315投诉过别家"): no threat to this one.
OTHER_SHOP = re.compile(r"别家|别的店|别的商家|其他商家|其他店|其他家|另一家|别人家")
# Praise ("我之前在小红书发过一篇笔记夸你们"): posting, but no exposure.
PRAISE = re.compile(
    r"夸|好评|推荐|种草|安利|点赞|表扬|五星"
    # "大家都说这家店好", "都说好用" (not "都说不好", "都说好多问题")
    r"|说[^,。!?;]{0,6}?(?<![不太没])(?:好(?![多几像大些久])|不错|靠谱)"
)
# A fear that did not come true ("我还以为会爆炸呢").
COUNTERFACTUAL = re.compile(r"以为")
# Someone's job, not a threat ("我朋友是记者，她也买了这个"), unless the message threatens
# (`THREAT_CUE`, which also counts having consulted the lawyer: "咨询了").
PROFESSIONS = frozenset({"律师", "记者", "媒体", "法官"})
IDENTITY = re.compile(r"(?:是|当|做|干)(?:个|一个|一名|一位)?(?:做)?$")
# ... or said of a friend or relative ("律师朋友推荐的这家", "送给法官朋友的茶叶").
RELATION = re.compile(r"^(?:的)?(?:朋友|同学|亲戚|家属|表哥|表姐|老公|老婆)")
THREAT_CUE = re.compile(
    r"看着办|等着|走着瞧|后果|小心|掂量|别怪|不客气|不处理|不解决|不给|不退|再不|否则|不然"
    r"|要是不|如果不|说法|负责|违法|违规|欺诈|骗|咨询"
)
# A question about others, not a report ("别的买家也有这个问题吗？", "有没有其他人也遇到过");
# a rhetorical one ("不是好多人都没收到吗") says 不/没/难道 outside an A-not-A question.
QUESTION = re.compile(r"[吗嘛么][?!]*$|^(?:请问|想问一?下|问一?下|大家)?有没有")
RHETORICAL = re.compile(r"不|没|难道")
# A threat asked as a question ("你们是想让我去12315吗", "你们不怕我曝光吗"), unlike a plain
# question about it ("这个颜色上热搜了吗").
THREAT_QUESTION = re.compile(r"想让|要不要|信不信|不怕|是不是要|非要|是想|逼我|难道")
A_NOT_A = re.compile(r"有没有|是不是|会不会|能不能|可不可以")

# An injury or hazard negated right before it: "没有受伤", "没被烫伤", "没冒烟", "不过敏"
# ("会不会过敏" asks about a hazard, it does not negate one).
NEGATED = re.compile(r"(?:(?<!会)不|没有?|未|并未|无)(?:被|有|什么|啥|人|任何人|谁)?$")
# Asking to be reassured, with nothing seen going wrong: "你们家东西不会让人过敏吧？"
REASSURANCE = re.compile(r"不会[^。!?;,]{0,8}?[吧吗]$")
OBSERVED_HAZARD = re.compile(r"烫|冒烟|焦|火花|漏电|冒火|烧|异味|刺鼻|红|肿|痒|疼|痛")
# A threat disclaimed: "我没打算曝光你们", "我不会去投诉的", "不好意思发朋友圈".
DISCLAIMER = re.compile(
    # (not "不会放过你们", "不会让你们好过": a threat)
    r"(?:不会(?!放过|罢休|善罢甘休|就这么|这么|轻易|饶|让)|没打算|不打算|没想|不想|不好意思|不至于"
    # "算了，不去消协了" (not "要不去消协吧", a proposal)
    r"|(?<![要还])不去|(?<![要还])不找|唔去|唔揾"
    r"|没必要|不是要|不是想|并不想|不准备|没准备"
    # "我不是那种发到网上闹的人"
    r"|不是那种"
    # Cantonese: "唔会揾记者嘅", "冇打算投诉"
    r"|唔会(?!放过|罢休|就咁)|冇打算|唔打算|唔想)"
    # ... governing the threat word: close to it, with no pause or finished thought between
    # ("我不想多说了 直接找消协吧" disclaims nothing)
    r"[^了吧\s]{0,8}$"
)
# A double negative is no disclaimer: "不找律师不行了", "不去12315投诉是不行了".
DOUBLE_NEGATIVE = re.compile(r"^[^,。!?;]{0,8}?(?:不行|不可|没办法|没用|没法|唔得|冇用)")
# What takes a disclaimer back: a "but", a condition, a deadline ("但你们要给个说法").
TURN = re.compile(r"但|可是|不过|然而|除非")
# A modest wish after a disclaimer is no threat cue: "我不会去告你们的，就是想要个说法".
MODEST_WISH = re.compile(r"(?:就是|只是|只|就)(?:想|希望)(?:要|讨)?(?:个|一个)?说法")
# Somebody else's doing, heard of: "听说有人去消协投诉过你们家".
HEARSAY = re.compile(r"听说|据说|听人说|听别人说|有人说|看到有人|看见有人|网上说|新闻说")
# The value of a form field: "收货地址：人民路110号法院家属院", "发票抬头是XX律师事务所".
FIELD_VALUE = re.compile(
    r"(?:抬头|地址|单位名称|公司名称|公司名|收件人|收货人|寄件人|开票信息)\s*(?:[:是为]|写的?是?)"
    r"[^,。!?;]*$"
)
# A past matter, settled: "上次过敏那件事你们已经赔过了，这次是想开个发票".
PAST = re.compile(r"上次|上回|之前|以前|去年|上个月|前段时间")
SETTLED = re.compile(
    r"(?:赔|处理|解决|补偿|退)(?:过|好|完)了|已经(?:赔|处理|解决|补偿|退款)|已经给?(?:我)?(?:赔|补偿)"
)
# A joke: a wish (not an act) with laughter in the sentence ("慢得我都想报警了哈哈哈").
WISH = re.compile(r"(?:想|都想|真想|恨不得|差点就?)$")
LAUGHTER = re.compile(r"哈哈|hhh|笑死|😂|🤣|233|lol|狗头|\[doge\]")
# Two people, not many: "我和我邻居都买了", "我们俩".
PAIR = re.compile(r"(?:我和|我跟|我与)(?:我的?)?$|俩|两个人|两人")
# ... unless the other side is counted as many: "我跟我几个邻居都买了".
COUNTED_MANY = re.compile(r"^(?:好几|几|[三四五六七八九十百]|[3-9]|\d\d)")
# A threat taken back as a joke: "律师函警告⚠️ 哈哈开玩笑的" (not "我不是开玩笑的").
JOKING = re.compile(
    r"(?<!不是)(?<!不)(?:开玩笑的|开个玩笑|逗你们?玩?的|说着玩的)"
    # Cantonese: "讲笑啫", "讲下笑" (not "唔系讲笑")
    r"|(?<!唔系)(?<!唔系同你)(?:讲笑啫|讲笑咋|讲笑嘅|讲下笑|讲吓笑)"
)
# Words said in anger, taken back right after the threat: "之前我说要曝光是气话" (not "我不是说
# 气话，我真的会曝光").
IN_ANGER_AFTER = re.compile(
    r"^[^。!?;]{0,6}?(?<!不是)(?<!不是说)(?<!不)"
    r"(?:是气话|说的气话|说气话|气头上说的|一时气话|说说而已|随口说说|随便说说|讲下啫|讲吓啫)"
    # (tenth split) the internet's "(不是)" / "bushi": "not really", right after the words
    r"|^\s*[(（]\s*(?:不是|bushi)\s*[)）]|^\s*bushi"
)
# The shop's own words reported: "客服说要等法务部门审核", "客服让我去12315投诉".
# ... or the courier's ("快递员说东西被市场监管局抽检扣下了").
SHOP_SAYS = re.compile(
    r"(?:客服|商家|卖家|店家|售后|他们|快递员|快递小哥|快递公司|快递|物流|驿站|司机)"
    r"(?:说|讲|告诉我|回复|让我|叫我|建议我)"
)
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
PRICE_SHOCK_WORDS = re.compile(r"晕|昏|吐血|要人命|要命|要了我的命|要了老命")
PRICE_SEEN = re.compile(
    r"(?:看到|看见|一看|听到|知道)[^,。!?;]{0,8}?(?:价|运费|账单|钱|费|扣款|余额|\d)"
    r"|(?:价格|价钱|运费|账单|扣款|报价|标价)[^。!?;]{0,16}$"
)
# An injury the customer says has nothing to do with the product: "宝宝摔了一跤，不过跟你们
# 的东西没关系".
UNRELATED = re.compile(
    r"(?:跟|和|与)(?:你们|产品|商品|东西|这个|宝贝|快递)[^。!?;,]{0,6}?"
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
# ... unless it says the product caused it ("吃了…住院了", "用了以后…进医院").
CAUSED = re.compile(
    r"(?:用|吃|喝|戴|涂|抹|擦|穿|闻|玩|坐|泡|敷)(?:了|完|过)|因为(?:你们|这个|它)|害|导致|造成|引起"
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
# ... or as a figure of speech about the shop ("我对你们这种机器人回复已经过敏了").
SERVICE_ALLERGY = re.compile(
    r"对[^,。!?;]{0,10}?(?:客服|回复|服务|态度|套路|话术|机器人|广告|推销|营销|短信|电话|借口|说辞)"
    r"[^,。!?;]{0,4}$"
)
# A trigger word naming a product's style: "电击枪造型的水枪", "消防主题的睡衣".
STYLED_AFTER = re.compile(r"^[^,。!?;]{0,2}?(?:造型|主题|图案|款式|风格|形状|印花|元素|同款)")
# An office as the buyer ("律师事务所订的打印纸"), unless the customer goes to it.
OFFICE_AFTER = re.compile(r"^(?:事务所|楼|行)")  # Hong Kong: 律师楼, 律师行
SEEKING = re.compile(r"(?:去|找|到|请|委托|咨询|联系)了?(?:过)?(?:一家|个|家)?$")
# A complaint or report lodged with the platform or the shop, not with an authority:
# "我要去平台举报你们刷单", "向天猫官方申诉".
_PLATFORM_OR_SHOP = (
    # "你们公司总部", "品牌总部", "京东的客服热线"
    r"(?:你们的?)?(?:公司|品牌|旗舰店|店铺|京东|淘宝|天猫|拼多多|抖音)?的?"
    r"(?:平台|淘宝|天猫|京东|拼多多|抖音|快手|小红书|闲鱼|小二|官方|客服热线|客服|总部|商城|店铺"
    r"|店长|老板|经理|品牌方|售后)"
)
PLATFORM_RECIPIENT = re.compile(
    rf"(?:去|到|向|跟|给|在|找)?{_PLATFORM_OR_SHOP}(?:上|那里|那边|那儿|里)?$"
)
# ... named after the act: "我把你们店举报给平台了".
PLATFORM_RECIPIENT_AFTER = re.compile(rf"^(?:给|到|去)了?{_PLATFORM_OR_SHOP}")
PLATFORM_CHANNEL_WORDS = frozenset({"举报", "检举", "仲裁", "申诉"})

# A mouth "on fire" from spicy food: "辣得我嘴都着火了", "辣到喷火".
SPICY_BEFORE = re.compile(r"辣(?:得|到|的)[^,。!?;]{0,6}$")
FIRE_WORDS = frozenset({"着火", "起火", "冒火", "喷火", "烧起来", "火辣辣", "着火了", "烧着了"})
# A headache over a chore, not from the product: "我头疼死了 这个app到底怎么退货".
HEAD_BEFORE = re.compile(r"(?:头|脑袋|脑壳)(?:都|真的|真|好|太)?$")
ACHE_WORDS = frozenset({"疼死了", "痛死了", "疼得厉害", "痛得厉害"})
SMELL = re.compile(r"味|闻|熏|刺鼻")
# A dream, not an event: "我昨天梦见快递被炸了".
DREAM = re.compile(r"梦见|梦到|做梦|梦里|发梦")
# A deal "dangerously" nearly missed: "好危险，差点就错过抢购时间".
DEAL = re.compile(r"错过|抢购|抢不到|没抢到|秒杀|买不到|售罄|断货|赶不上|赶上了|差点没抢")
DEAL_WORDS = frozenset({"危险"})
# 炸裂 said alone as an interjection: "炸裂，这么快就到了".
SLANG_WORDS = frozenset({"炸裂"})
# A law named after what it protects: "食品安全法" is legal, not a food hazard.
LAW_AFTER = re.compile(r"^法")
# A job or authority word naming a toy, a figure or a costume, or a part in a game:
# "记者这个职业的手办", "律师袍cos服", "孩子过家家要当法官".
PLAYTHING = re.compile(
    r"手办|玩偶|公仔|人偶|娃娃|cos|玩具|过家家|角色扮演|扮演|模型|周边|戏服|袍|制服|套装|积木|乐高"
)
# One buyer shopping for many: "帮十几个同学带的笔记本", "我帮全办公室订了下午茶".
ON_BEHALF_BEFORE = re.compile(r"(?:帮|替|为|给)(?:我们|咱们)?$")
ON_BEHALF_AFTER = re.compile(
    r"^(?:的|们)?(?:带|买|订|代购|下单|下了|拼|团|抢|囤|采购|准备|叫|发的|发了)"
)
# A crowd competing for a popular item, not buyers harmed: "好多人在直播间抢，我好不容易抢到".
CROWD_AFTER = re.compile(
    r"^(?:都|也)?(?:在[^,。!?;]{0,4}?)?(?:抢|排队|围观|看直播|蹲|点赞|关注|求购|加购|种草"
    # friends asking where it came from: "好多朋友问是哪家" (tenth split)
    r"|问(?:是|在)?哪|问我(?:在)?哪|打听|来问)"
)

# (fifth round) A hazard a product guards against: "防过敏枕头", "抗过敏的面膜", "防止烫伤".
PROTECTIVE_BEFORE = re.compile(r"(?:防|抗|防止|预防|避免)$")
# A job or hazard word in fiction: "电视剧里律师穿的那种西装", "电影里爆炸的那个场景的海报".
FICTION_BEFORE = re.compile(
    r"(?:电视剧|连续剧|网剧|短剧|剧|电影|小说|动漫|动画|综艺|漫画|游戏|戏)(?:里面?|中|上)"
    r"(?:的|那个|那种|那位|演的|面的)?[^,。!?;]{0,3}$"
)
# ... or in a title: "这本《急诊科医生》小说" (a programme's title after a verb stays media).
TITLE_OPEN = re.compile(r"《[^》]*$")
TITLE_CLOSE = re.compile(r"^[^《]*》")
# A threat suggested by someone, or once intended, then given up: "朋友说可以去找消协，但我觉得
# 没必要", "本来想找律师的，想想算了，不值得", "我朋友话可以去消委会，不过我觉得冇必要".
SUGGESTED = re.compile(
    r"(?:说|话|建议|劝|让|叫|提议|提醒)(?:我|我们)?(?:可以|应该|最好|不如|干脆)"
    r"|建议我?|劝我|叫我|让我|喊我|(?:本来|原本|本想|本打算|原来想|原打算|一度想|还想过|想过|差点就?)"
    # the suggestion inside the hit: "我老婆说可以去告你们" (hit "可以去告"); or told as
    # what to do: "别人说找消协有用"; a wish: "我真想去消协" (tenth split)
    r"|(?:说|话|讲)(?:去|找|打|到|向)?$|(?:真想|好想|都想|恨不得)(?:去|找|打|到|向)?$"
)
RENOUNCED = re.compile(
    r"没必要|没有必要|不至于|算了|不值得|懒得|没那么严重|犯不着|犯不上|不想搞|不想闹"
    r"|冇必要|唔使|唔值得|唔想搞|算数|算吧"
)
# ... or the act named first and then not done: "两千字的小作文我就不写了", "律师我就不找了".
NOT_DONE_AFTER = re.compile(
    r"^(?:的)?(?:我|咱)?(?:就|也|都|还是)?(?:不|没|懒得|不想|不会|唔)"
    r"(?:写|发|去|找|告|打|闹|搞|投诉|曝光|揾|报)了?(?:吧|啦|喇)?$"
)
# A hotline's digits inside another number: "订单尾号是12315", "电话号码是…12345…".
NUMBER_FIELD = re.compile(
    r"(?:尾号|单号|订单号?|号码|编号|电话|手机号?|型号|货号|门牌号?|房号|工号|账号|编码|批号|条码)"
    r"(?:是|为|:|后[四五六]位是?)?\s*\d*$"
)
# News of another shop's accident: "新闻上说有别家的充电宝爆炸，你们这个安全吗？".
NEWS_BEFORE = re.compile(r"(?:新闻|报道|网上|听说|据说|看到有人|有人说|视频里)[^。!?;]{0,14}$")
# A tight fit told as choking, with a size asked for: "裤子小得勒得我喘不过气😂 换大一码吧".
TIGHT_BEFORE = re.compile(r"(?:勒|紧|小|窄|箍)(?:得|到)[^,。!?;]{0,4}$")
CHOKING_WORDS = frozenset({"喘不过气", "喘不上气", "透不过气", "窒息", "勒死", "憋死"})
SIZE_ASKED = re.compile(r"换(?:个|一个)?(?:大|小)|[大小](?:一|两|半)码|换码|尺码|码数")
# "不是安全问题，就是按钮有点松" (but "这难道不是安全问题吗" asserts one).
NOT_A_BEFORE = re.compile(r"(?:(?<![是])不是|不算|算不上|谈不上|并非)(?:什么)?$")
RHETORICAL_ASSERTION = re.compile(r"吗|难道|是什么|还不是|怎么不是|不是.{0,8}是什么")
# Only the customer affected, the others fine: "拼单的其他人都收到了，就我的没到", "我们宿舍就我
# 一个人买了" (not "不是只有我一个没收到").
ONLY_ME = re.compile(
    r"(?<!不)(?<!不是)(?<!不单是)(?:就|只有|唯独|只)(?:我|我的|我家|我这)"
    r"(?:一个人|一个|一家|一单|这单|这个|这件|家的|的)?(?:还|都|也)?"
    r"(?:没|买了|买的|不|少|坏|有问题|出问题)"
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
# A group buy named as the service, not as buyers: "社区团购自提点的老板态度很差".
SERVICE_AFTER = re.compile(
    r"^(?:的)?(?:自提点|提货点|取货点|团长|平台|app|小程序|群主|配送员|司机|店)"
)
# An injury long past, told as why something is bought: "宝宝前几天摔了一跤，想买个防撞帽",
# "孩子上次摔破膝盖买的碘伏棉签" (not "孩子用你们的滑板车摔伤了，刚买的").
PAST_BEFORE = re.compile(r"(?:前几天|前阵子|前段时间|上次|上回|之前|以前|去年|上个月|小时候|那次)")
WHY_BOUGHT_AFTER = re.compile(
    r"^[^。!?;]{0,3}?(?:买的|买了|才买|所以买|想买|要买|打算买)|想买|想问|尺码|怎么选|哪个好|推荐"
)
PRODUCT_BEFORE = re.compile(r"你们|这个|这款|用|骑|玩|坐|穿|戴|吃|喝|涂|抹")
# A reaction feared, not suffered: "孕妇能用吗，怕过敏", "担心会不会过敏".
FEARED_BEFORE = re.compile(
    r"(?:怕|担心|害怕|生怕|以免|免得|就怕|恐怕)(?:会|会不会|宝宝|孩子|皮肤)?$"
)
# A court named for a private matter: "跟我上法院离婚", "去法院办遗产".
PRIVATE_MATTER = re.compile(r"离婚|结婚|遗产|继承|抚养|领证|户口|签证|违章|罚单|驾照")
# The news "could" carry it, said of the quality: "这质量都可以上新闻了" (not "让这事上个热搜").
EXCLAIMED_BEFORE = re.compile(r"(?:都|真|简直|完全|绝对)?(?:可以|能|够|配|值得)(?:直接)?$")
EXCLAIMED_AFTER = re.compile(r"^了")
# A threat-question taken back right after: "不怕上新闻喔？好啦不闹了，退款吧".
CALLED_OFF = re.compile(r"(?:好啦|好了|好吧|行吧|算了)?不(?:闹|吓你们|逗你们|逗你)了")


def only_me(text: str) -> bool:
    """Only the customer affected or buying, and no problem told of anyone else.

    "拼单的其他人都收到了，就我的没到", "公司团购的粽子，我那份少了一个" (not "群里宝妈都说
    开裂了，就我的还没裂").
    """
    own_shares = list(OWN_SHARE.finditer(text)) if GROUP_BUY.search(text) else []
    for match in [*ONLY_ME.finditer(text), *own_shares]:
        low, high = bounds(text, match.start(), match.end(), CLAUSE_END)
        others = NOT_BOUGHT.sub("", text[:low] + text[high:])
        if not PROBLEM_CUE.search(others):
            return True
    return False


def bounds(text: str, start: int, end: int, boundary: re.Pattern[str]) -> Tuple[int, int]:
    """Start and end of the clause (or sentence, by `boundary`) around text[start:end]."""
    low = max((m.end() for m in boundary.finditer(text, 0, start)), default=0)
    after = boundary.search(text, end)
    return low, after.start() if after else len(text)


@dataclass(frozen=True)
class Context:
    """A hit and what surrounds it in one normalised message."""

    text: str  # the whole message
    hit: str  # the matched words
    before: str  # the clause up to the hit
    after: str  # the clause after the hit
    clause: str  # the whole clause, hit included
    sentence: str  # the whole sentence, hit included

    @classmethod
    def around(cls, text: str, hit: str, start: int, end: int) -> Context:
        """The context of text[start:end]."""
        low, high = bounds(text, start, end, CLAUSE_END)
        sentence_low, sentence_high = bounds(text, start, end, SENTENCE_END)
        return cls(
            text,
            hit,
            text[low:start],
            text[end:high],
            text[low:high],
            text[sentence_low:sentence_high],
        )


def _asks_about_others(c: Context) -> bool:
    """A group asked about, not reported ("别的买家也有这个问题吗", "有没有其他人也…")."""
    plain = A_NOT_A.sub("", c.clause)
    return bool(QUESTION.search(c.clause)) and not RHETORICAL.search(plain)


def _plain_question(c: Context) -> bool:
    """A question about it, not a threat asked as one ("这个颜色上热搜了吗")."""
    return bool(QUESTION.search(c.clause)) and not THREAT_QUESTION.search(c.sentence)


def _pair(c: Context) -> bool:
    """Two buyers, the customer and one other ("我和我邻居都买了，都坏了").

    Not when the others are counted as many ("我跟我几个邻居都买了").
    """
    return bool(PAIR.search(c.before)) and not COUNTED_MANY.search(c.hit)


def _negated(c: Context) -> bool:
    """An injury or hazard negated right before it ("没有受伤", "没冒烟")."""
    return bool(NEGATED.search(c.before))


def _reassurance(c: Context) -> bool:
    """A question asking to be reassured ("不会让人过敏吧？"), with no hazard seen."""
    return bool(REASSURANCE.search(c.clause)) and not OBSERVED_HAZARD.search(
        c.sentence.replace(c.hit, "")
    )


def _disclaimed(c: Context) -> bool:
    """A threat disclaimed, and nothing in the message takes it back."""
    rest = MODEST_WISH.sub("", c.text)
    taken_back = THREAT_CUE.search(rest) or TURN.search(rest) or DOUBLE_NEGATIVE.search(c.after)
    return bool(DISCLAIMER.search(c.before)) and not taken_back


def _hearsay(c: Context) -> bool:
    """Other people's complaints, heard of ("听说有人去消协投诉过你们家")."""
    return bool(HEARSAY.search(c.before))


def _field_value(c: Context) -> bool:
    """A name or address in a form field ("发票抬头：XX律师事务所")."""
    return bool(FIELD_VALUE.search(c.before))


def _settled(c: Context) -> bool:
    """A past matter the shop already settled ("上次过敏那件事你们已经赔过了")."""
    return bool(PAST.search(c.before)) and bool(SETTLED.search(c.text))


def _joke(c: Context) -> bool:
    """A wish told with laughter ("快递慢得我都想报警了哈哈哈")."""
    return bool(WISH.search(c.before)) and bool(LAUGHTER.search(c.sentence))


def _taken_back(c: Context) -> bool:
    """A threat the customer calls a joke ("律师函警告⚠️ 哈哈开玩笑的")."""
    sentence_after = c.sentence[c.sentence.find(c.before + c.hit) + len(c.before + c.hit) :]
    return bool(JOKING.search(c.text) or IN_ANGER_AFTER.search(sentence_after))


def _shop_says(c: Context) -> bool:
    """The shop's words, reported ("客服说要等法务部门审核")."""
    return bool(SHOP_SAYS.search(c.before))


def _simile(c: Context) -> bool:
    """A simile about looks ("涂上像中毒了一样，颜色太丑了")."""
    return bool(SIMILE.search(c.before)) and bool(LOOKS.search(c.sentence))


def _charm(c: Context) -> bool:
    """Charm, not a shock: 电到我 said of something pretty ("颜色太好看了，直接电到我了")."""
    return c.hit in SHOCK_WORDS and bool(CHARM.search(c.sentence))


def _other_shop(c: Context) -> bool:
    """A threat against another shop ("我以前在12315投诉过别家")."""
    return bool(OTHER_SHOP.search(c.clause))


def _praise(c: Context) -> bool:
    """Posting or many people, in praise ("评论区都是夸的")."""
    return bool(PRAISE.search(c.clause))


def _fear(c: Context) -> bool:
    """A fear that did not come true ("我还以为会爆炸呢")."""
    return bool(COUNTERFACTUAL.search(c.before))


def _someones_job(c: Context) -> bool:
    """A friend who is a journalist or lawyer, in a message that threatens nothing."""
    said_of_someone = IDENTITY.search(c.before) or RELATION.search(c.after)
    return c.hit in PROFESSIONS and bool(said_of_someone) and not THREAT_CUE.search(c.text)


def _hooked(c: Context) -> bool:
    """中毒 meaning hooked on it ("我已经中毒了，一买再买"), not poisoned."""
    hooked_on = HOOKED_ON.search(c.before) and not OBSERVED_HAZARD.search(c.sentence)
    return c.hit in HOOKED_WORDS and bool(HOOKED.search(c.sentence) or hooked_on)


def _price_shock(c: Context) -> bool:
    """Fainting or spitting blood at a price ("看到运费我差点晕过去"): a figure of speech."""
    said_before = c.sentence[: c.sentence.find(c.hit)]
    return bool(PRICE_SHOCK_WORDS.search(c.hit)) and bool(PRICE_SEEN.search(said_before))


def _unrelated(c: Context) -> bool:
    """An injury the customer says the product had nothing to do with."""
    return bool(UNRELATED.search(c.text))


def _own_slip(c: Context) -> bool:
    """A near fall of the customer's own haste, or of the item caught in time."""
    return bool(FALL.search(c.hit)) and bool(OWN_SLIP.search(c.clause))


def _circumstance(c: Context) -> bool:
    """A hospital stay told as why a parcel waits or whom it is for, not caused by the product."""
    named = any(word in c.hit for word in CIRCUMSTANCE_WORDS)  # "腿骨折" too
    return named and bool(ERRAND.search(c.text)) and not CAUSED.search(c.text)


def _constitution(c: Context) -> bool:
    """An allergy the customer has anyway ("我本身对花生过敏"), with no reaction seen."""
    rest = c.sentence[c.sentence.find(c.hit) + len(c.hit) :]
    reasoning = ALLERGEN_BEFORE.search(c.before) and CONSTITUTION_REASONING.search(rest)
    said = CONSTITUTION_BEFORE.search(c.before) or CONSTITUTION_AFTER.search(c.after) or reasoning
    seen = OBSERVED_HAZARD.search(c.sentence.replace(c.hit, ""))
    return c.hit == "过敏" and bool(said) and not seen


def _service_allergy(c: Context) -> bool:
    """过敏 said of the shop's manners ("对你们的机器人回复过敏了"), a figure of speech."""
    return c.hit == "过敏" and bool(SERVICE_ALLERGY.search(c.before))


def _styled_after(c: Context) -> bool:
    """A trigger word naming a product's style ("电击枪造型的玩具", "消防主题的睡衣")."""
    return bool(STYLED_AFTER.search(c.after))


def _office(c: Context) -> bool:
    """A law office as the buyer ("律师事务所订的打印纸"), in a message that threatens nothing."""
    return (
        bool(OFFICE_AFTER.search(c.after))
        and not SEEKING.search(c.before)
        and not THREAT_CUE.search(c.text)
    )


def _platform_channel(c: Context) -> bool:
    """A report or appeal lodged with the platform or the shop ("去平台举报你们刷单")."""
    named = PLATFORM_RECIPIENT.search(c.before) or PLATFORM_RECIPIENT_AFTER.search(c.after)
    return c.hit in PLATFORM_CHANNEL_WORDS and bool(named)


def _spicy(c: Context) -> bool:
    """A mouth "on fire" from spicy food ("辣得我嘴都着火了"), a figure of speech."""
    return c.hit in FIRE_WORDS and bool(SPICY_BEFORE.search(c.before))


def _chore_headache(c: Context) -> bool:
    """A headache over a chore ("我头疼死了 这个app怎么退货"), not from using the product."""
    return (
        c.hit in ACHE_WORDS
        and bool(HEAD_BEFORE.search(c.before))
        and not CAUSED.search(c.text)
        and not SMELL.search(c.text)
    )


def _dream(c: Context) -> bool:
    """A dream told ("我昨天梦见快递被炸了"): nothing happened."""
    return bool(DREAM.search(c.before))


def _deal_danger(c: Context) -> bool:
    """危险 said of a deal nearly missed ("好危险，差点错过抢购"), not of a hazard."""
    return c.hit in DEAL_WORDS and bool(DEAL.search(c.sentence))


def _interjection(c: Context) -> bool:
    """Slang said alone as a clause ("炸裂，这么快就到了"): nothing exploded."""
    return c.hit in SLANG_WORDS and c.clause.strip() == c.hit


def _law_name(c: Context) -> bool:
    """A hazard word inside the name of a law ("食品安全法")."""
    return c.hit == "食品安全" and bool(LAW_AFTER.search(c.after))


def _plaything(c: Context) -> bool:
    """A job word naming a toy, figure or costume ("律师袍cos服"), in a message with no threat."""
    return bool(PLAYTHING.search(c.sentence)) and not THREAT_CUE.search(c.text)


def _on_behalf(c: Context) -> bool:
    """One buyer shopping for many ("帮十几个同学带的"), not many buyers."""
    return bool(ON_BEHALF_BEFORE.search(c.before)) and bool(ON_BEHALF_AFTER.search(c.after))


def _crowd(c: Context) -> bool:
    """Many people queueing or competing for it ("好多人在直播间抢"), with no problem told."""
    return bool(CROWD_AFTER.search(c.after)) and not PROBLEM_CUE.search(c.clause)


def _protective(c: Context) -> bool:
    """A hazard a product guards against ("防过敏枕头", "防止烫伤"), not one that happened."""
    return bool(PROTECTIVE_BEFORE.search(c.before))


def _fiction(c: Context) -> bool:
    """A job or hazard word in fiction or a title, in a message with no threat."""
    fiction = FICTION_BEFORE.search(c.before)
    title = TITLE_OPEN.search(c.before) and TITLE_CLOSE.search(c.after)
    return bool(fiction or title) and not THREAT_CUE.search(c.text)


def _renounced(c: Context) -> bool:
    """A threat suggested or once intended and then given up, with nothing taking it back."""
    clause_at = c.text.find(c.clause)
    rest = c.text[clause_at + len(c.before) + len(c.hit) :] if clause_at >= 0 else c.after
    if NOT_DONE_AFTER.search(c.after):
        return not THREAT_CUE.search(rest)
    said_before = c.sentence[: c.sentence.find(c.before + c.hit) + len(c.before)]
    given_up = RENOUNCED.search(rest)
    if not (SUGGESTED.search(said_before) and given_up):
        return False
    return not THREAT_CUE.search(rest[given_up.end() :])


def _number_field(c: Context) -> bool:
    """A hotline's digits inside an order, phone or model number ("订单尾号是12315")."""
    return c.hit.isdigit() and bool(NUMBER_FIELD.search(c.before))


def _news_of_other_shop(c: Context) -> bool:
    """News of another shop's accident ("新闻上说有别家的充电宝爆炸"), asked about."""
    said_before = c.sentence[: c.sentence.find(c.hit)]
    return bool(NEWS_BEFORE.search(said_before)) and bool(OTHER_SHOP.search(said_before))


def _tight_fit(c: Context) -> bool:
    """A tight fit told as choking, with a size asked for and no mark seen."""
    return (
        c.hit in CHOKING_WORDS
        and bool(TIGHT_BEFORE.search(c.before))
        and bool(SIZE_ASKED.search(c.text) or LAUGHTER.search(c.text))
        and not OBSERVED_HAZARD.search(c.text.replace(c.hit, ""))
    )


def _not_a(c: Context) -> bool:
    """A hazard denied ("不是安全问题，就是…"), not asserted by a rhetorical question."""
    return bool(NOT_A_BEFORE.search(c.before)) and not RHETORICAL_ASSERTION.search(c.sentence)


def _only_me(c: Context) -> bool:
    """Only the customer affected or buying ("拼单的其他人都收到了，就我的没到")."""
    return only_me(c.text)


def _others_fine(c: Context) -> bool:
    """The others fine ("其他人都没问题", "这批货都没问题"): no problem of many."""
    return bool(OTHERS_FINE_AFTER.search(c.after))


def _service_named(c: Context) -> bool:
    """A group buy named as the service ("社区团购自提点的老板…"), with no one else affected."""
    return bool(SERVICE_AFTER.search(c.after))


def _why_bought(c: Context) -> bool:
    """An injury long past, told as why something is bought, with nothing the product did."""
    rest = c.text[c.text.find(c.before + c.hit) + len(c.before + c.hit) :]
    told = c.before + c.hit  # a sentence rule's hit may hold the time: "宝宝前几天摔了一跤"
    return (
        bool(PAST_BEFORE.search(told))
        and bool(WHY_BOUGHT_AFTER.search(rest))
        and not PRODUCT_BEFORE.search(told)
        and not CAUSED.search(c.text)
    )


def _feared(c: Context) -> bool:
    """A reaction feared ("怕过敏"), with nothing seen going wrong."""
    seen = OBSERVED_HAZARD.search(c.text.replace(c.hit, ""))
    return bool(FEARED_BEFORE.search(c.before)) and not seen


def _private_matter(c: Context) -> bool:
    """A court named for a private matter ("跟我上法院离婚"), in a message with no threat."""
    return bool(PRIVATE_MATTER.search(c.clause)) and not THREAT_CUE.search(c.text)


def _exclaimed(c: Context) -> bool:
    """The news "could" carry it ("可以上新闻了"), said of the quality, with no threat."""
    return (
        bool(EXCLAIMED_BEFORE.search(c.before))
        and bool(EXCLAIMED_AFTER.search(c.after))
        and not THREAT_CUE.search(c.text)
    )


def _called_off(c: Context) -> bool:
    """A threat called off right after ("好啦不闹了"), with no threat after that."""
    rest = c.text[c.text.find(c.before + c.hit) + len(c.before + c.hit) :]
    off = CALLED_OFF.search(rest)
    return bool(off) and not THREAT_CUE.search(rest[off.end() :] if off else "")


Veto = Callable[[Context], bool]
# Which vetoes apply to which reason.
VETOES: Dict[str, List[Veto]] = {
    "injury": [
        *(_fear, _negated, _reassurance, _settled, _joke, _simile, _charm),
        *(_hooked, _price_shock, _unrelated, _own_slip),
        *(_circumstance, _constitution, _service_allergy, _styled_after),
        *(_spicy, _chore_headache, _dream, _deal_danger, _interjection, _law_name),
        *(_protective, _fiction, _news_of_other_shop, _tight_fit, _not_a),
        *(_why_bought, _feared),
    ],
    "legal": [
        *(_other_shop, _disclaimed, _hearsay, _field_value, _settled, _joke, _taken_back),
        *(_shop_says, _someones_job, _plain_question, _styled_after, _office, _platform_channel),
        *(_dream, _plaything, _fiction, _renounced, _number_field),
        *(_private_matter, _called_off),
    ],
    "media": [
        *(_other_shop, _praise, _disclaimed, _hearsay, _field_value, _settled, _joke),
        *(_taken_back, _shop_says, _someones_job, _plain_question, _styled_after),
        *(_dream, _plaything, _renounced, _exclaimed, _called_off),
    ],
    "group": [
        *(_asks_about_others, _praise, _settled, _pair, _on_behalf, _crowd, _only_me),
        *(_others_fine, _service_named),
    ],
}


# Vetoes that read the reason as explicitly absent, not just unproven: a threat renounced, a
# report lodged with the platform. The learned head may not give such a reason back.
RULING_VETOES = frozenset(
    {"disclaimed", "platform_channel", "renounced", "only_me", "others_fine", "called_off"}
)

# A complaint lodged with the platform, the shop or its staff ("已经投诉到你们总部了", "向拼多多
# 平台投诉", "投诉你们客服"): the recipient is named, and it is no authority.
PLATFORM_COMPLAINT = re.compile(
    rf"(?:投诉|反映|反馈|申诉|举报|检举)(?:到|给|去)?了?{_PLATFORM_OR_SHOP}"
    rf"|(?:向|跟|给|找|到|在|去|打了?){_PLATFORM_OR_SHOP}(?:上|那里|那边|那儿|里)?[^,。!?;]{{0,8}}?"
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


def veto(reason: str, context: Context) -> Optional[str]:
    """The name of the first veto that applies to a hit for `reason`, or None."""
    for check in VETOES.get(reason, []):
        if check(context):
            return check.__name__.lstrip("_")
    return None

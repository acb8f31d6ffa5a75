"""Severity vetoes for words that are someone else's, or a question, not the customer's act.

Hearsay about other people's complaints ("听说有人去消协投诉过你们家"), the shop's or the
courier's words reported ("客服说要等法务部门审核"), another shop ("我以前在12315投诉过别家"),
praise ("评论区都是夸的"), and a plain question about a threat word ("这个颜色上热搜了吗"; but
"你们不怕我曝光吗" threatens).
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_cues import OTHER_SHOP, PRAISE, QUESTION, THREAT_CUE

# Somebody else's doing, heard of: "听说有人去消协投诉过你们家".
# (fifteenth round) ... on the news: "新闻上说有人起诉了这个品牌".
HEARSAY = re.compile(
    r"听说|据说|听人说|听别人说|有人说|看到有人|看见有人|网上说|新闻(?:上|里)?说|新闻报道|看新闻"
    # (sixteenth round) "网上看到有律师讲…"
    r"|网上看到|在网上看|网上有人"
    # (eighteenth round) Cantonese hearsay: "聽講有記者報導過呢個牌子"
    r"|听讲|听人讲|听闻|听人话|听朋友讲"
    # (twenty-second round) the news seen: "看到新闻里有人的充电宝爆炸了", "电视新闻里曝光过一家…"
    r"|看到新闻|新闻(?:里|上)有人|电视新闻(?:里|上)"
)
# (sixteenth round) Someone else's incident, told beside the customer's own item being fine:
# "新闻里说有人的电动车电池起火了，我这台倒没事",
# "朋友说她那个烫手，我的还没用" (not "听说有人烫伤了，我也烫伤了": the customer's own).
OTHERS_SAY = re.compile(
    r"(?:同事|朋友|邻居|同学|亲戚|评论区|评论里|群里|网友|别人"
    # (twenty-second round) cousins: "我表姐说她在你们家买的衣服熏得头疼"
    r"|表[哥姐弟妹]|堂[哥姐弟妹])[^,。!?;]{0,4}?(?:说|讲|话|反映)"
)
# (twenty-second round) ... or someone else's own copy named, no 说 needed: "朋友在别家买的同款被
# 烫伤过", "其朋友上个月用同款吹风机烫到手" (not the customer's child or parent: their harm counts).
OTHERS_COPY = re.compile(
    r"(?:朋友|同事|邻居|同学|亲戚|网友|别人|表[哥姐弟妹]|堂[哥姐弟妹])[^,。!?;]{0,12}?"
    r"(?:同款|别家|别的店|她的|他的|她买的|他买的|她那个|他那个)"
)
OWN_FINE = re.compile(
    r"我(?:这[个台只款瓶盒支件包袋双套把块条罐]|的|买的|家的?|家那个|自己的?|用着|用了[^,。!?;]{0,4}?)?"
    r"(?:倒|还|都|暂时|目前)?"
    r"(?:没事|没问题|还好|好好的|挺好|正常|还没用|还没拆|冇事|冇问题)"
    # (seventeenth round) the customer's own not used yet: "评论区有人说吃了拉肚子，我还没吃"
    r"|我(?:的|家的?)?(?:还|都)?(?:没|没有|未|冇)(?:吃|喝|用|穿|戴|拆|开封|试)过?(?=[,。!?;~\s]|$)"
    # (twenty-second round) "本人使用正常", "目前用着没问题", "我买的这件倒是没味道"
    r"|本人(?:使用|用着|用)?(?:都|还)?(?:正常|没事|没问题)"
    r"|(?:目前|暂时|现在)用着(?:都|还)?(?:没事|没问题|正常|挺好)"
    r"|我(?:买的)?这[个台只款瓶盒支件包袋双套把块条罐]倒是?(?:没事|没问题|没味道|没异味|好好的|正常)"
)
# (fifteenth round) Somebody else's past complaint, told as a story: "我朋友上次为了个耳机跑去
# 12315，折腾了一个月，我不想那样" (the customer threatens nothing).
OTHERS_PAST = re.compile(
    r"(?:朋友|同事|邻居|同学|亲戚|表[哥姐弟妹]|堂[哥姐弟妹]|别人|他|她|我[妈爸姐哥弟妹])(?:们)?"
    r"(?:上次|上回|之前|以前|去年|前阵子|曾经)[^。!?;]{0,12}$"
)
OWN_THREAT_AFTER = re.compile(r"我(?:也|就|马上|现在|一定)?(?:要|会|准备|打算|得)(?!不)")
# The shop's own words reported: "客服说要等法务部门审核", "客服让我去12315投诉".
# ... or the courier's ("快递员说东西被市场监管局抽检扣下了").
SHOP_SAYS = re.compile(
    r"(?:客服|商家|卖家|店家|售后|他们|快递员|快递小哥|快递公司|快递|物流|驿站|司机)"
    # (seventeenth round) with an adverb between: "客服居然让我有意见去找消协"
    r"(?:居然|竟然|还|就|直接|只会|一直|老是|总是|反而)?"
    r"(?:说|讲|告诉我|回复|让我|叫我|建议我)"
)
# A threat asked as a question ("你们是想让我去12315吗", "你们不怕我曝光吗"), unlike a plain
# question about it ("这个颜色上热搜了吗").
# (twenty-first round) ... or as what the shop waits for: "是要等到我提告才處理嗎？"
THREAT_QUESTION = re.compile(
    r"想让|要不要|信不信|不怕|是不是要|非要|是想|逼我|难道|等到我|要等我"
    r"|才(?:肯|会|愿意|处理|管|理|退|给|赔)"
)

# (eleventh round) Something shown off, not exposed: "我把开箱视频发朋友圈了，朋友都说好看".
SHOW_OFF_BEFORE = re.compile(r"开箱|晒单|买家秀|好物分享|穿搭|种草|试用视频|试穿")
# A question about the law, said to be only a question: "这算不算违法啊？我就随便问问".
JUST_ASKING = re.compile(r"随便问问|就问问|只是问问|问问而已|好奇问一下|就是问一下|单纯问一下")
# (nineteenth round) What the word is, asked: "12315是什么电话？包装上印着的", "消委会系乜嘢嚟".
WHAT_IS_AFTER = re.compile(
    r"^(?:是|系|係)(?:什么|啥|乜|乜嘢|干嘛|干什么|做什么|哪里)的?"
    r"(?:电话|号码|号|意思|东西|机构|部门|地方|单位|嚟|来的)?(?:啊|呀|呢|嘅)?(?:[?？]|$)"
)
# (nineteenth round) An unboxing posted with a complaint: "开箱视频放上youtube，标题写得很清楚",
# "发了个开箱，评论区都在骂" (not shown off).
COMPLAINT_POSTED = re.compile(r"骂|避雷|吐槽|踩雷|标题|曝|揭|差评|坑|劝退")
# (twenty-second round) ... or with what is to be seen after it: "想发个抖音看看这款衣服上身效果".
SHOW_OFF_AFTER = re.compile(
    r"^[^,。!?;]{0,2}?看看[^,。!?;]{0,10}?(?:效果|好不好看|怎么样|合不合适)|^[^,。!?;]{0,6}?上身效果"
)
A_NOT_A_OR_ASKED = re.compile(r"算不算|是不是|属不属于|有没有|会不会|[吗呢嘛啊]$")

SHAPES = (
    Shape(
        "other_shop",
        'A threat against another shop ("我以前在12315投诉过别家").',
        needs=(("clause", OTHER_SHOP),),
    ),
    Shape(
        "praise",
        'Posting or many people, in praise ("评论区都是夸的").',
        needs=(("clause", PRAISE),),
    ),
    Shape(
        "hearsay",
        'Other people\'s complaints, heard of ("听说有人去消协投诉过你们家").',
        needs=(("before", HEARSAY),),
    ),
    Shape(
        "shop_says",
        'The shop\'s words, reported ("客服说要等法务部门审核").',
        needs=(("before", SHOP_SAYS),),
    ),
    Shape(
        "plain_question",
        'A question about it, not a threat asked as one ("这个颜色上热搜了吗").',
        needs=(("clause", QUESTION),),
        unless=(("sentence", THREAT_QUESTION),),
    ),
    Shape(
        "show_off",
        'An unboxing or outfit posted to show it off ("开箱视频发朋友圈了"), with no threat.',
        needs=(("before", SHOW_OFF_BEFORE),),
        unless=(("text", THREAT_CUE), ("text", COMPLAINT_POSTED)),
    ),
    Shape(
        "show_off_after",
        'Posting to see how it looks ("想发个抖音看看上身效果"), with no threat or complaint.',
        needs=(("after", SHOW_OFF_AFTER),),
        unless=(("text", THREAT_CUE), ("text", COMPLAINT_POSTED)),
    ),
    Shape(
        "what_is",
        'What the word is, asked ("12315是什么电话？"), in a message with no threat.',
        needs=(("after", WHAT_IS_AFTER),),
        unless=(("text", THREAT_CUE),),
    ),
)


def _others_story(c: Context) -> bool:
    """Another person's past complaint told as a story, with no threat of the customer's own."""
    told = OTHERS_PAST.search(c.sentence_before_hit())
    rest = c.message_after_hit()
    return bool(told) and not (THREAT_CUE.search(c.text) or OWN_THREAT_AFTER.search(rest))


# (eighteenth round) ... or followed by the customer's enquiry about their own, with no harm of
# their own told: "新闻上说有个牌子的充电宝爆炸了，你们家的不是那个牌子吧？", "我鄰居話佢喺另一間
# 舖買嘅玩具割親個仔，我想問下你哋嘅有冇安全認證".
ENQUIRY_AFTER = re.compile(
    r"想问|问下|问一下|问问|确认|了解|吧[?？]|吗[?？]|是不是|有没有|有冇|係咪|系咪|会不会"
)
OWN_TOO = re.compile(r"我[^,。!?;]{0,4}?也|我们也|同样|一样")


def _others_incident(c: Context) -> bool:
    """Someone else's incident heard of, and the customer's own item fine, unused or asked about.

    The enquiry counts with no harm of the customer's own told after it (`OWN_TOO`).
    """
    said_before = c.sentence_before_hit()
    heard = HEARSAY.search(said_before) or OTHERS_SAY.search(said_before)
    heard = heard or OTHERS_COPY.search(said_before)
    after = c.message_after_hit()
    asked = ENQUIRY_AFTER.search(after) and not OWN_TOO.search(after)
    return bool(heard) and bool(OWN_FINE.search(after) or asked)


# (twenty-second round) Whether the customer's copy is of the same batch, asked: "我同事说她买的那个
# 漏电，我的还没用，先问一下是不是同一批".
BATCH_ASKED_BEFORE = re.compile(r"(?:是不是|是否|会不会|是)$")


def _others_batch(c: Context) -> bool:
    """Someone else's fault heard of, the customer's own unused or fine, and its batch asked."""
    said_before = c.text[: c.text.find(c.before + c.hit) + len(c.before)]
    heard = HEARSAY.search(said_before) or OTHERS_SAY.search(said_before)
    asked = BATCH_ASKED_BEFORE.search(c.before) or A_NOT_A_OR_ASKED.search(c.clause)
    return bool(heard and OWN_FINE.search(said_before) and asked)


def _just_asking(c: Context) -> bool:
    """A question about the law said to be only a question ("这算不算违法啊？我就随便问问").

    The hit (违法) is itself a threat cue, so only what follows it may not threaten.
    """
    asked = A_NOT_A_OR_ASKED.search(c.clause)
    return bool(asked and JUST_ASKING.search(c.text)) and not THREAT_CUE.search(
        c.message_after_hit()
    )


CHECKS = by_name(*SHAPES, _just_asking, _others_story, _others_incident, _others_batch)

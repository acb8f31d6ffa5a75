"""Severity vetoes for words that are there but negated, feared, imagined or taken back.

An injury negated right before it ("没有受伤"), a hazard denied ("不是安全问题") or guarded
against ("防过敏枕头"), a reaction feared or a fear that did not come true ("怕过敏", "我还以为会
爆炸呢"), a dream; a threat disclaimed ("我没打算曝光你们"), given up ("本来想找律师的，想想
算了"), called off ("好啦不闹了") or called a joke ("哈哈开玩笑的"), a wish told with laughter,
and a past matter the shop already settled. Recall first: a veto needs its whole shape, and a
threat anywhere after (`THREAT_CUE`) keeps the threat.
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name
from bot.triage.severity_cues import CAUSED, LAUGHTER, OBSERVED_HAZARD, THREAT_CUE
from bot.triage.severity_ruled_out import nobody_near, nobody_used

# A fear that did not come true ("我还以为会爆炸呢").
COUNTERFACTUAL = re.compile(r"以为")
# An injury or hazard negated right before it: "没有受伤", "没被烫伤", "没冒烟", "不过敏"
# ("会不会过敏" asks about a hazard, it does not negate one).
# (twelfth round) Cantonese 冇 ("好彩冇𠝹亲")
NEGATED = re.compile(
    r"(?:(?<!会)不|没有?|未|并未|无|冇)(?:被|有|什么|啥|人|任何人|谁)?$"
    # (twenty-second round) not mentioned in a note: "未提及受伤或投诉其他部门"
    r"|(?:未|没有?|并未)(?:提及|提到|说到|谈到|反映)(?:有|过)?(?:人)?$"
)
# Asking to be reassured, with nothing seen going wrong: "你们家东西不会让人过敏吧？"
REASSURANCE = re.compile(r"不会[^。!?;,]{0,8}?[吧吗]$")
# "不是安全问题，就是按钮有点松" (but "这难道不是安全问题吗" asserts one).
NOT_A_BEFORE = re.compile(r"(?:(?<![是])不是|不算|算不上|谈不上|并非)(?:什么)?$")
RHETORICAL_ASSERTION = re.compile(r"吗|难道|是什么|还不是|怎么不是|不是.{0,8}是什么")
# (fifth round) A hazard a product guards against: "防过敏枕头", "抗过敏的面膜", "防止烫伤".
PROTECTIVE_BEFORE = re.compile(r"(?:防|抗|防止|预防|避免)$")
# A reaction feared, not suffered: "孕妇能用吗，怕过敏", "担心会不会过敏".
FEARED_BEFORE = re.compile(
    r"(?:怕|担心|害怕|生怕|以免|免得|就怕|恐怕)(?:会|会不会|宝宝|孩子|皮肤)?$"
)
# (fourteenth round) ... or a fear of what could happen, a few words on: "我怕晚上睡着了会着火",
# "担心放久了会不会爆" (not "怕死了，它真的着火了": the clause ends first).
FEARED_LATER_BEFORE = re.compile(
    r"(?:(?<!可)怕|担心|害怕|生怕|就怕|恐怕|(?<![吃震受惊])惊)[^,。!?;]{1,8}?(?:会|会不会|可能会|万一)$"
    # (sixteenth round) ... or with no modal: "我怕孩子摸到烫伤", "担心狗狗咬着划伤"
    r"|(?:^|我|就|最|很|有点|是)(?:怕|担心|害怕)(?!死|了)[^,。!?;]{1,8}?$"
)
# (fourteenth round) Broken glass or a sharp edge with nobody cut, said so: "杯子寄来就碎了，差点
# 划到手，还好没事", "玻璃渣到处都是，我戴着手套收拾的，没伤到" (the spec's injury needs someone hurt;
# damage found on arrival is the transit-damage category). A near miss of a hazard EVENT (烫, 炸,
# 冒烟, 火) still counts, and any sign of a wound (血, 疼, 肿) keeps the injury.
SHARP_HIT = re.compile(r"划|割|扎|戳|刮|渣|碴|碎片|碎玻璃")
DEBRIS_HIT = re.compile(r"渣|碴|碎片|碎玻璃")
# ... "差点划到手", "差点被碎瓷片割到" (the debris named between)
NEARLY_HIT = re.compile(r"^(?:差点|差一点|险些|差啲)")
NEARLY_BEFORE = re.compile(r"(?:差点|差一点|险些|差啲)(?:就)?(?:被|把|给|俾)?[^,。!?;]{0,5}?$")
UNHURT = re.compile(
    r"没(?:有)?(?:伤到|受伤|伤着|划到|割到|扎到|划伤|割伤|扎伤|划破|割破|碰到)|(?:人|手|我)没事"
    r"|没人受伤|冇(?:人)?受伤|冇整亲|冇𠝹亲|冇事"
)
UNHURT_NEAR_MISS = re.compile(r"没事|冇事")
WOUND_OR_EVENT = re.compile(r"血|疼|痛|肿|红|口子|缝针|烫|炸|爆|烧|冒烟|火|电|医|药|破伤风")
# The modal a rule's hit may begin with ("会不会爆炸"), read with what comes before.
MODAL_HIT = re.compile(r"^(?:会不会|可能会|会)")
# (twelfth round) A hazard asked about before use: "老人用这个会不会有危险，想先问问".
ASKED_BEFORE = re.compile(r"(?:会不会|会|是否|有没有|可能)(?:有)?(?:什么)?$")
ASKING = re.compile(r"想.{0,2}问|问问|请问|咨询|[?？]|吗")
ASKED_WORDS = frozenset({"危险", "安全隐患", "安全问题", "安全风险"})
# A dream, not an event: "我昨天梦见快递被炸了".
DREAM = re.compile(r"梦见|梦到|做梦|梦里|发梦")
# A threat disclaimed: "我没打算曝光你们", "我不会去投诉的", "不好意思发朋友圈".
DISCLAIMER = re.compile(
    # (not "不会放过你们", "不会让你们好过": a threat)
    r"(?:不会(?!放过|罢休|善罢甘休|就这么|这么|轻易|饶|让)|没打算|不打算|没想|不想|不好意思|不至于"
    # "算了，不去消协了" (not "要不去消协吧", a proposal)
    r"|(?<![要还])不去|(?<![要还])不找|唔去|唔揾"
    # (not the A-not-A question "是不是要我发到小红书…你们才管？", eleventh round)
    r"|没必要|(?<!是)不是要|(?<!是)不是想|并不想|不准备|没准备"
    # "我不是那种发到网上闹的人"
    r"|不是那种"
    # Cantonese: "唔会揾记者嘅", "冇打算投诉"
    r"|唔会(?!放过|罢休|就咁)|冇打算|唔打算|唔想"
    # (twenty-second round) "暂时不考虑走法律途径"
    r"|(?:暂时|暂|先|目前)?不考虑)"
    # ... governing the threat word: close to it, with no pause or finished thought between
    # ("我不想多说了 直接找消协吧" disclaims nothing)
    r"[^了吧\s]{0,8}$"
)
# (twenty-first round) ... in pinyin, spaced or not: "bu hui qu 12315 de", "mei da suan zhao lv shi".
PINYIN_DISCLAIMER = re.compile(
    r"(?:^|[^a-z])(?:bu\s*hui|mei\s*da\s*suan|bu\s*da\s*suan|bu\s*xiang|bu\s*qu|bu\s*zhao)"
    r"(?:\s*(?:qu|zhao|da|gao|fa))?\s*$"
)
# A double negative is no disclaimer: "不找律师不行了", "不去12315投诉是不行了".
DOUBLE_NEGATIVE = re.compile(r"^[^,。!?;]{0,8}?(?:不行|不可|没办法|没用|没法|唔得|冇用)")
# What takes a disclaimer back: a "but", a condition, a deadline ("但你们要给个说法").
TURN = re.compile(r"但|可是|不过|然而|除非")
# A modest wish after a disclaimer is no threat cue: "我不会去告你们的，就是想要个说法".
# (twenty-first round) ... with the wish qualified: "只是想要一个合理的说法".
MODEST_WISH = re.compile(
    r"(?:就是|只是|只|就)(?:想|希望)(?:要|讨)?(?:个|一个)?(?:合理|满意|正常|正当)?的?说法"
)
# A past matter, settled: "上次过敏那件事你们已经赔过了，这次是想开个发票".
PAST = re.compile(r"上次|上回|之前|以前|去年|上个月|前段时间")
SETTLED = re.compile(
    r"(?:赔|处理|解决|补偿|退)(?:过|好|完)了|已经(?:赔|处理|解决|补偿|退款)|已经给?(?:我)?(?:赔|补偿)"
    # (eighteenth round) replaced, or a complaint withdrawn: "你哋已經換咗新嘅俾我", "12315…已经撤了"
    r"|已经(?:换|撤|补发|重发)|(?:换|赔|退)咗"
)
# ... unless the harm came back: "上次已经换过了，这次又烫到手" (a new incident).
AGAIN = re.compile(r"又|再次|这次也|这回也|今次又")
# A joke: a wish (not an act) with laughter in the sentence ("慢得我都想报警了哈哈哈").
WISH = re.compile(r"(?:想|都想|真想|恨不得|差点就?)$")
# A threat taken back as a joke: "律师函警告⚠️ 哈哈开玩笑的" (not "我不是开玩笑的").
JOKING = re.compile(
    r"(?<!不是)(?<!不)(?:开玩笑的|开个玩笑|逗你们?玩?的|说着玩的)"
    # Cantonese: "讲笑啫", "讲下笑" (not "唔系讲笑")
    r"|(?<!唔系)(?<!唔系同你)(?:讲笑啫|讲笑咋|讲笑嘅|讲下笑|讲吓笑)"
    # (eleventh round) "哈哈说说而已" after a threat asked as a question (not "不是说说而已")
    r"|(?<!不是)(?<!不)(?:说说而已|随口说说的|随便说说的)"
    # (twenty-second round) in a note: "随后表示是开玩笑"
    r"|(?:表示|称|说)(?:是|只是)(?:在)?开玩笑"
)
# Words said in anger, taken back right after the threat: "之前我说要曝光是气话" (not "我不是说
# 气话，我真的会曝光").
IN_ANGER_AFTER = re.compile(
    r"^[^。!?;]{0,6}?(?<!不是)(?<!不是说)(?<!不)"
    r"(?:是气话|说的气话|说气话|气头上说的|一时气话|说说而已|随口说说|随便说说|讲下啫|讲吓啫)"
    # (tenth split) the internet's "(不是)" / "bushi": "not really", right after the words
    r"|^\s*[(（]\s*(?:不是|bushi)\s*[)）]|^\s*bushi"
)
# A threat suggested by someone, or once intended, then given up: "朋友说可以去找消协，但我觉得
# 没必要", "本来想找律师的，想想算了，不值得", "我朋友话可以去消委会，不过我觉得冇必要".
SUGGESTED = re.compile(
    r"(?:说|话|建议|劝|让|叫|提议|提醒)(?:我|我们)?(?:可以|应该|最好|不如|干脆)"
    r"|建议我?|劝我|叫我|让我|喊我|(?:本来|原本|本想|本打算|原来想|原打算|一度想|还想过|想过|差点就?)"
    # the suggestion inside the hit: "我老婆说可以去告你们" (hit "可以去告"); or told as
    # what to do: "别人说找消协有用"; a wish: "我真想去消协" (tenth split)
    r"|(?:说|话|讲)(?:去|找|打|到|向)?$|(?:真想|好想|都想|恨不得)(?:去|找|打|到|向)?$"
    # (sixteenth round) a relative's intention reported: "我爸说要去告你们" (stopped after);
    # what someone else would have done: "我闺蜜说要是她就去小红书曝光你们"
    r"|(?:说|话|讲)要(?:去|找|打|到|向)?$"
    # (twenty-second round) someone said it could be done: "…说这种情况能起诉，我觉得没必要"
    r"|(?:说|话|讲)(?:这种情况|这样|这个)(?:能|可以)?$|(?:说|话|讲)(?:换(?:是|做|作)?|要是|如果是)(?:她|他|佢)[^,。!?;]{0,8}$"
)
# (sixteenth round) A threat weighed and found not worth it: "打官司的话太费劲了，我也不想".
WEIGHED_AFTER = re.compile(r"^(?:的话|嘅话|呢)")
RENOUNCED = re.compile(
    r"没必要|没有必要|不至于|算了|不值得|懒得|没那么严重|犯不着|犯不上|不想搞|不想闹"
    r"|冇必要|唔使|唔值得|唔想搞|算数|算吧"
    # (sixteenth round) "太麻烦", "被我劝住了", "没那么激进"
    r"|太麻烦|我也不想|拦住|劝住|劝下来|没那么激进|没那么极端|唔使咁激"
    # (seventeenth round) "但係算啦", "罢了"
    r"|算啦|算喇|算罢|罢了"
)
# ... or the act named first and then not done: "两千字的小作文我就不写了", "律师我就不找了".
NOT_DONE_AFTER = re.compile(
    # (nineteenth round) ... or after "那种东西": "律师函那种东西我才懒得弄"
    r"^(?:的)?(?:那种|这种|那些|这些|什么的|之类的?)?(?:东西|事)?(?:我|咱)?(?:就|也|都|还是|才)?"
    r"(?:不|没|懒得|不想|不会|唔)"
    r"(?:写|发|去|找|告|打|闹|搞|弄|整|投诉|曝光|揾|报)了?(?:吧|啦|喇)?$"
    # (nineteenth round) ... in pinyin: "xiao xie na bian wo jiu bu qu le"
    r"|^\s*(?:na ?bian|zhe ?bian)?\s*(?:wo)?\s*(?:jiu|ye|hai ?shi)?\s*(?:bu|mei|bu ?hui|lan ?de)"
    r"\s*(?:qu|zhao|da|gao|fa)\s*(?:le)?\s*$"
)
# A threat-question taken back right after: "不怕上新闻喔？好啦不闹了，退款吧".
CALLED_OFF = re.compile(
    r"(?:好啦|好了|好吧|行吧|算了)?不(?:闹|吓你们|逗你们|逗你)了"
    # (task sev24) a post given up: "要是发到网上肯定被人骂托，算了不发了"
    r"|(?:算了|还是|想想还是)不(?:发|曝光|挂)了"
    # (eleventh round) "…你们才重视？反正我不会去，太麻烦": not going, said as a clause of its
    # own (not "别以为我不会去")
    r"|(?:^|[,。!?;~\s])(?:算了|好啦|好吧)?(?:反正|其实|放心|不过|但)?我?(?:也|才|并)?不会(?:真的?)?去(?:的|啦|了)?"
    r"(?=$|[,。!?;~])"
    # (seventeenth round) not going, said bare: "12315？我才不去，浪费时间"
    r"|(?:^|[,。!?;~\s])我?(?:也|才|并|就)?(?:不|懒得|唔)去(?:的|啦|了|喇)?(?=$|[,。!?;~])"
    # ... a threat broken off by 算了 right after it: "我要曝光你们…算了，跟你们说也没用"
    r"|^[^,。!?;~]{0,4}?(?:\.{2,}|…+|——|,|\s)*算了(?:算了)?(?=$|[,。!?;~\s])"
)

SHAPES = (
    Shape(
        "fear",
        'A fear that did not come true ("我还以为会爆炸呢").',
        needs=(("before", COUNTERFACTUAL),),
    ),
    Shape(
        "negated",
        'An injury or hazard negated right before it ("没有受伤", "没冒烟").',
        needs=(("before", NEGATED),),
    ),
    Shape(
        "reassurance",
        'A question asking to be reassured ("不会让人过敏吧？"), with no hazard seen.',
        needs=(("clause", REASSURANCE),),
        unless=(("sentence_without_hit", OBSERVED_HAZARD),),
    ),
    Shape(
        "not_a",
        'A hazard denied ("不是安全问题，就是…"), not asserted by a rhetorical question.',
        needs=(("before", NOT_A_BEFORE),),
        unless=(("sentence", RHETORICAL_ASSERTION),),
    ),
    Shape(
        "protective",
        'A hazard a product guards against ("防过敏枕头", "防止烫伤"), not one that happened.',
        needs=(("before", PROTECTIVE_BEFORE),),
    ),
    Shape(
        "feared",
        'A reaction feared ("怕过敏"), with nothing seen going wrong.',
        needs=(("before", FEARED_BEFORE),),
        unless=(("text_without_hit", OBSERVED_HAZARD),),
    ),
    Shape(
        "asked_before_use",
        'A hazard asked about ("会不会有危险，想先问问"), with nothing seen going wrong.',
        hits=ASKED_WORDS,
        needs=(("before", ASKED_BEFORE), ("text", ASKING)),
        unless=(("text_without_hit", OBSERVED_HAZARD), ("text", CAUSED)),
    ),
    Shape(
        "dream",
        'A dream told ("我昨天梦见快递被炸了"): nothing happened.',
        needs=(("before", DREAM),),
    ),
    Shape(
        "settled",
        'A past matter the shop already settled ("上次过敏那件事你们已经赔过了").',
        needs=(("before", PAST), ("text", SETTLED)),
        unless=(("text", AGAIN),),
    ),
    Shape(
        "joke",
        'A wish told with laughter ("快递慢得我都想报警了哈哈哈").',
        needs=(("before", WISH), ("sentence", LAUGHTER)),
    ),
)


def _feared_later(c: Context) -> bool:
    """A hazard feared a few words on ("我怕晚上睡着了会着火"), with nothing seen going wrong."""
    modal = MODAL_HIT.search(c.hit)
    before = c.before + (modal.group() if modal else "")
    seen = OBSERVED_HAZARD.search(c.text.replace(c.hit, ""))
    return bool(FEARED_LATER_BEFORE.search(before)) and not seen


def _unhurt(c: Context) -> bool:
    """Broken glass or a sharp edge, and the customer says nobody was cut.

    Debris named ("玻璃渣到处都是…没伤到") or a cut nearly had ("差点划到手，还好没事"); the
    plain 没事 only counts after 差点 (a cut told lightly, "划了一下，没事", stays an injury).
    """
    if not SHARP_HIT.search(c.hit) or WOUND_OR_EVENT.search(c.text.replace(c.hit, "")):
        return False
    rest = c.message_after_hit()
    if NEARLY_BEFORE.search(c.before) or NEARLY_HIT.search(c.hit):
        return bool(UNHURT.search(rest) or UNHURT_NEAR_MISS.search(rest))
    return bool(DEBRIS_HIT.search(c.hit)) and bool(UNHURT.search(rest))


# (fifteenth round) A harm imagined in a condition and asked about: "如果我老婆过敏的话怎么办？",
# "要是孩子拿这个剪刀划到手怎么办", "万一用久了会不会起火？" (not "要是我晚回家十分钟，屋子都烧没
# 了": no question, a counterfactual about what happened; not with a hazard seen elsewhere).
IF_BEFORE = re.compile(r"如果|要是|万一|假如|假设|要係|如果係")
# ... not when a defect that makes the hazard is told: "玩具边缘全是毛刺，跟刀片一样锋利，要是
# 划到孩子怎么办" (a safety hazard of the product itself).
DEFECT_SEEN = re.compile(r"锋利|毛刺|尖锐|刺手|割手|扎手|裸露|露出|漏电|松动|脱落|裂开|变形")
# ... nor a child's reach into the product, asked about ("万一孩子把手伸进去怎么办": a design
# hazard, as the earlier rounds decided; tests/bot/triage/test_severity.py).
CHILD_REACH = re.compile(r"伸进|卡住|夹住|掉进|吞|咬下|误食|放嘴里|塞进嘴")
ASKED_AFTER = re.compile(
    r"怎么办|咋办|点算|谁负责|谁来负责|谁管|会不会|能不能|可不可以|吗|嘛|[?？]"
)


# (sixteenth round) A harm asked about as a question, "这个香水会不会过敏，还没拆", "涂层吃下去会不会
# 中毒？" (not "用了以后脸红了，会不会过敏": a hazard seen, or the product used and then the harm).
HARM_ASKED = re.compile(r"会不会(?:被|有|引起|导致|造成)?$")
# ... "我不敢再用了" says nothing was caused.
NOT_USED_AGAIN = re.compile(r"(?:不敢|不想|没有?|不)(?:再)?(?:用|吃|喝)了")


def _harm_asked(c: Context) -> bool:
    """A harm asked about with 会不会, with nothing seen going wrong and nothing caused."""
    modal = MODAL_HIT.search(c.hit)
    before = c.before + (modal.group() if modal else "")
    if not HARM_ASKED.search(before):
        return False
    used = CAUSED.search(NOT_USED_AGAIN.sub("", c.text))
    return not (OBSERVED_HAZARD.search(c.text.replace(c.hit, "")) or used)


# (sixteenth round) What would have happened had the customer not noticed: "要不是我看了一眼日期，
# 这盒酸奶就给老人喝了，还好" (a near miss, nobody harmed).
UNNOTICED_IF = re.compile(
    r"(?:要是|如果|要不是|若不是|假如)(?:我|我们|家里人)?(?:当时)?(?:没|不|冇)?(?:有)?"
    r"(?:发现|注意|留意|看到|看见|检查|细心|及时)"
)
RELIEF = re.compile(r"后怕|幸好|还好|好在|幸亏|好彩|吓出一身冷汗")


def _would_have(c: Context) -> bool:
    """A harm that would have happened had the customer not noticed, and did not."""
    said_before = c.sentence_before_hit()
    seen = OBSERVED_HAZARD.search(c.text.replace(c.hit, ""))
    return bool(UNNOTICED_IF.search(said_before) and RELIEF.search(c.text)) and not seen


def _imagined(c: Context) -> bool:
    """A harm imagined in a condition and asked about, with nothing seen going wrong."""
    at = c.sentence.find(c.hit)
    condition = IF_BEFORE.search(c.sentence[: at + len(c.hit)])
    rest = c.text.replace(c.hit, "")
    if not condition or CHILD_REACH.search(c.hit):
        return False
    if OBSERVED_HAZARD.search(rest) or DEFECT_SEEN.search(rest):
        return False
    start = c.text.find(c.sentence)
    ended_by = c.text[start + len(c.sentence) : start + len(c.sentence) + 1] if start >= 0 else ""
    return bool(ASKED_AFTER.search(c.sentence[condition.start() :] + ended_by))


def _nearly_used(c: Context) -> bool:
    """Nearly eaten or used ("差点把过期的酸奶给老人喝了，幸好看了一眼"), and nobody did."""
    return bool(NEARLY_BEFORE.search(c.before)) and nobody_used(c.text)


def _fell_near_nobody(c: Context) -> bool:
    """A part that fell with nobody near ("衣柜门板掉下来了，当时房间里没人"), nobody hurt."""
    return nobody_near(c.text)


def _disclaimed(c: Context) -> bool:
    """A threat disclaimed, and nothing in the message takes it back."""
    rest = MODEST_WISH.sub("", c.text)
    taken_back = THREAT_CUE.search(rest) or TURN.search(rest) or DOUBLE_NEGATIVE.search(c.after)
    said = DISCLAIMER.search(c.before) or PINYIN_DISCLAIMER.search(c.before)
    return bool(said) and not taken_back


def _taken_back(c: Context) -> bool:
    """A threat the customer calls a joke ("律师函警告⚠️ 哈哈开玩笑的")."""
    sentence_after = c.sentence[c.sentence.find(c.before + c.hit) + len(c.before + c.hit) :]
    return bool(JOKING.search(c.text) or IN_ANGER_AFTER.search(sentence_after))


def _renounced(c: Context) -> bool:
    """A threat suggested or once intended and then given up, with nothing taking it back."""
    clause_at = c.text.find(c.clause)
    rest = c.text[clause_at + len(c.before) + len(c.hit) :] if clause_at >= 0 else c.after
    if NOT_DONE_AFTER.search(c.after):
        return not THREAT_CUE.search(rest)
    said_before = c.sentence[: c.sentence.find(c.before + c.hit) + len(c.before)]
    given_up = RENOUNCED.search(rest)
    weighed = WEIGHED_AFTER.search(c.after)
    if not ((SUGGESTED.search(said_before) or weighed) and given_up):
        return False
    return not THREAT_CUE.search(rest[given_up.end() :])


def _called_off(c: Context) -> bool:
    """A threat called off right after ("好啦不闹了"), with no threat after that."""
    rest = c.message_after_hit()
    off = CALLED_OFF.search(rest)
    return bool(off) and not THREAT_CUE.search(rest[off.end() :] if off else "")


CHECKS = by_name(
    *SHAPES,
    _feared_later,
    _unhurt,
    _imagined,
    _harm_asked,
    _would_have,
    _nearly_used,
    _fell_near_nobody,
    _disclaimed,
    _taken_back,
    _renounced,
    _called_off,
)

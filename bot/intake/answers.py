"""What a customer's free-text answer means for the question the bot asked.

The NLU names one intent per message, but answers come with extra words ("对 尽快处理",
"不用留了 这里联系就行", "没什么可拍的") that pull a linear classifier towards other
intents. These checks read the answer itself, on the normalised text (`bot.nlu.normalize`:
Simplified script, half-width, lower-case), so Traditional and full-width input count the
same. They are used only where the question gives the answer its meaning (the form's
validation, the read-back), never to classify a message out of context.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional, Set

from bot.nlu.english_glossary import read_english
from bot.nlu.normalize import affirmed_part, normalize

_PUNCT = re.compile(r"[\s,.!?;:~…、，。！？；：～\-—'\"“”‘’()（）\[\]【】]+")
# A run of digits or letters long enough to be an order or phone number.
_NUMBER = re.compile(r"[0-9a-z][0-9a-z \-]{4,}[0-9]")

# "Yes" at the start of an answer: 对/是的/没错/确认/好的/可以/嗯/没问题/就是/ok ...
_AFFIRM_START = re.compile(
    r"^(对|对的|对啊|对呀|是|是的|是啊|是滴|没错|没问题|确认|确定|正确|好|好的|好滴|可以|行|"
    r"嗯|恩|就是|就这样|就这个|提交|ok|okay|yes|yep|👌|👍)"
)
# Words that turn a "yes" into a change or a "no".
_NOT_PLAIN_YES = re.compile(
    r"不对|不是|不行|不要|不用|(?<!没)错|改|换成|但是|不过|除了|还有个|取消|算了"
)
# Polite closings that accept what was read back ("麻烦了", "谢谢").
_THANKS = re.compile(r"^(谢谢|多谢|感谢|麻烦(你|您)?了|辛苦(了|你了|您了)?|拜托了)")

# Not of a person ("我怕等下找不到人", "不知道你们几点下班"): a worry or a question beside the
# order question, which took it for "no order number" and never asked again (dialogues_dev16
# s011).
_NO_ORDER = re.compile(
    r"(没有|没订单|没单号|无订单|找不到|找不着|查不到|看不到|不记得|记不得|记不清|记不住|"
    r"忘了|忘记|忘掉|不知道|不清楚|丢了|删了|没保存|没存)(?!人|客服|你|您|他|她)"
)
_NO_EVIDENCE = re.compile(
    r"(没有|没|无|不用)(什么|啥|任何)?(可以|可|好)?(拍|图|照|相片|截图|截屏|视频|录像|证据|凭证)|"
    r"拍不了|拍不到|拍不出|没法拍|没办法拍|不能拍|不方便拍|不好拍|没拍|没截|"
    r"(发|传|上传)不了|没法(发|传)|"
    r"(扔|丢|删)(掉)?了"
)
_DECLINE_CONTACT = re.compile(
    r"不用|不需要|不要|不必|不留|别留|别打|不方便|不想留|算了|免了|"
    r"(这里|这边|这儿|在这|线上|网上|文字)(联系|说|聊|沟通|回复|回)"
)
# No phone call, said in so many words, so it answers the contact question whichever is
# open ("不用留电话" when asked for photos); a bare "不用" only answers the open one.
_DECLINE_CALL = re.compile(
    r"(不用|不需要|不要|不必|不想|别|唔使|唔洗|唔駛|唔好|唔需要)"
    r"((留|给|打|再打|加)(我)?(的)?(电话|手机号|手机|联系方式|号码|微信号|微信|邮箱)|"
    r"(电话|手机)(联系|沟通|回访)|(打|致电)(电话|给我|俾我|过来)|"
    # the call itself declined in two words ("不用电话", "不用回电话", "不用回電": trial11,
    # dialogues_dev22, after the remedy in a message that says everything at once)
    r"回电(话)?|电话(?![费卡]))|"
    # the phone named first ("电话还是别留了"); not a bare 号码, which may be the order's. A
    # WeChat id or e-mail address taken back too ("微信还是别留了", "联系方式不留了": hand trial,
    # WeCom; Cantonese "微信都係唔好留喇", 唔好 read as 不好); a bare 不 only before 留/加, as
    # "手机不给退货" is about the goods
    r"(电话|手机号|手机|联系方式|微信号|微信|邮箱)(我)?(就|还是|也|都是|都)?"
    r"((别|不用|不要|不必|不想|唔使|唔好)(留|给|打|再打|加)|不(留|加)|不好留)"
)
# Dropping the complaint altogether, not just declining one question.
_CANCEL_COMPLAINT = re.compile(
    r"不投诉|取消投诉|撤销投诉|撤回投诉|投诉取消|不弄了|不处理了|不用处理|不折腾了|不办了|"
    r"不登记了|不提交了|不要投诉|没事了|问题解决了|已经解决了|自己解决了|不麻烦了|不用麻烦了|"
    r"(找到|收到|到|送到|修好)了.{0,6}((不用|不需要)(了|投诉|登记|处理)|不要(投诉|登记|处理))|"
    # where it arrived told between ("快递刚打电话说到楼下了 那不用了", trial9)
    r"(送到|到)(楼下|门口|家门口|家|小区|驿站|快递柜)了.{0,6}((不用|不需要)(了|投诉|登记|处理)|不要(投诉|登记|处理))"
)
# "不用了谢谢": a polite no to the whole thing, when the question is not one it answers
# (at the evidence or contact question it answers that question).
_POLITE_NO = re.compile(
    r"^(那|哦|嗯)?(不用|不需要|不必|不要)(了)?(啊|呢|哈)?(谢谢|谢了|多谢|感谢)(你|您)?(啦|了|哈)?$"
)
_WANTS_HUMAN = re.compile(
    r"(转|接|找|要|换|叫|来|给我)(个|一个|位)?(人工|真人|活人)|人工客服|真人客服|人工服务|"
    r"(叫|找|让|要)(你们)?(的)?(主管|经理|负责人|老板|领导|店长|上级)|"
    r"换(个|一个)?人(来|吧|处理|$)|有没有(人工|真人|活人)|"
    r"(不要|不想|别|不跟|不和)(跟|和|让)?(机器人|机器|ai|自动回复)"
)


# Someone asked to get back to the customer ("安排个人回我", "让负责人联系我", "给我回个电话").
_CONTACT_ME = re.compile(r"(回|联系|回复|答复|打给)我|给我(回|打)(个|一个)?电话|回电")


def asks_to_be_contacted(text: str) -> bool:
    """Whether the message asks that a person get back to the customer."""
    return bool(_CONTACT_ME.search(plain_answer(text)))


def plain_answer(text: str) -> str:
    """The answer normalised, its punctuation turned into single spaces: what the checks read.

    English words that name an order number or a remedy read as their Chinese ("我要refund";
    `bot.nlu.english_glossary`).
    """
    return _PUNCT.sub(" ", read_english(normalize(text or ""))).strip()


def has_number(text: str) -> bool:
    """Whether the message carries something shaped like an order or phone number."""
    return bool(_NUMBER.search(plain_answer(text)))


# "号码没错", "没打错", "确认无误": the number the shop could not find is the right one.
_STANDS_BY_NUMBER = re.compile(
    r"(号码|单号|订单号|订单编号|编号|号|数字)(是|都|就是)?(没错|没有错|对的|正确|没问题|无误)|"
    r"没(有)?(打|输|写|填|抄)错|确认(过)?(了)?(没错|无误)|核对过|查过(了)?(没错|是对的)"
)


def stands_by_number(text: str) -> bool:
    """Whether the customer stands by an order number we could not find."""
    plain = plain_answer(text).replace(" ", "")
    return bool(_STANDS_BY_NUMBER.search(plain)) and not re.search(r"不对|不是|错了", plain)


# The number given before was a phone's, not the order's: "那个是电话号码", "嗰個係我手機號碼嚟㗎"
# (normalised: 那个是我手机号码来), "那是我手机号", "我发成手机号了". Not "那个不是电话号码" (the customer
# stands by the order), nor a question ("那是电话号码吗").
_PHONE_WORD = r"(电话号码|手机号码|联系电话|电话号|手机号|电话|手机|座机)"
_NUMBER_WAS_PHONE = re.compile(
    r"(那|这|刚才|刚刚|头先|上面|前面)(个|串|条)?(号码|号|数字|数)?(就)?是(我|我的|我们的)?(的)?"
    + _PHONE_WORD
    + r"|(发|打|输|写|填)(成|的是|错成)(了)?(我的?)?"
    + _PHONE_WORD
)


def calls_number_a_phone(text: str) -> bool:
    """Whether the customer says the number given before is a phone number, not the order's."""
    plain = plain_answer(text).replace(" ", "")
    return bool(_NUMBER_WAS_PHONE.search(plain)) and "吗" not in plain


def affirms(text: str) -> bool:
    """A "yes" with or without extra words ("对 尽快处理", "没错就是它", "對，麻煩了")."""
    plain = plain_answer(text)
    return bool(_AFFIRM_START.match(plain)) and not _NOT_PLAIN_YES.search(plain)


# "不是这单", "不对", "唔係呢張單": the order number waiting for a yes is not the one meant.
_REJECTS_ORDER = re.compile(
    r"(哦|呃|啊|额|诶)?(不是|不对|错了|搞错了|弄错了|发错了|唔系|唔啱)(的|啊|呀|哦|啦|了|喔)?"
    r"((这|那|呢)(一)?(个|单|笔|张|张单)?(订单|单)?(号)?(啊|呀|哦|啦)?)?"
)


# Files said to be sent, as the whole message: WeChat's placeholder pasted as text ("[图片]"),
# or "发了", "图发你了", "已上传". When no file came, the customer must hear so.
_FILES_SENT = re.compile(
    r"(\[(图片|视频|文件|语音|动画表情|表情)\])+|"
    r"(我|刚刚|刚才|已经|已|都)*(把)?(照片|图片|图|截图|视频|录像|文件)?(我|刚刚|刚才|已经|已|都)*"
    r"(发|传|上传|发送)(给你|给您|你|您)?(了|过了|咗|过)(给你|你|给您|您)?(了|啦|哦|喔|啊)?|"
    r"(照片|图片|图|截图|视频|文件)?(已|已经)(上传|发送|发出)"
)


def claims_files_sent(text: str) -> bool:
    """Whether the whole message says files were sent ("[图片]", "发了", "图发你了")."""
    compact = normalize(text or "").replace(" ", "")
    return bool(compact) and bool(_FILES_SENT.fullmatch(compact))


# A bare yes or no ("不是", "对的", "没有", "不用了"), with no more words and no "！".
_BARE_YES_OR_NO = re.compile(
    r"(是|是的|不是|不是的|对|对的|不对|没有|有|有的|好|好的|不用|不用了|嗯|嗯嗯|行|可以|"
    r"不要|要|没错|不需要|需要|ok|okay|yes|no)[啊呀哦喔啦了的呢哈]?"
)


def bare_yes_or_no(text: str) -> bool:
    """Whether the whole answer is a bare yes or no, which tells the question, not a feeling."""
    if re.search(r"[!！?？]", text or ""):
        return False
    return bool(_BARE_YES_OR_NO.fullmatch(plain_answer(text).replace(" ", "")))


_INTERJECTIONS = frozenset({"哦", "呃", "啊", "额", "诶", "唉", "噢", "喔"})


def rejects_the_order(text: str) -> bool:
    """A "no" to "is it this order?", said as the whole first clause and about nothing else.

    "沒有截圖欸" or "不用" are a no to another question (the photos, a call), not to the
    number: they leave it waiting.
    """
    clauses = [c for c in plain_answer(text).split() if c not in _INTERJECTIONS]
    return bool(clauses) and bool(_REJECTS_ORDER.fullmatch(clauses[0]))


# "Nothing to change" and "but be quick" are no change to the read-back.
_NO_CHANGE = re.compile(
    r"(不用|不需要|无需|没有|没什么|没啥|没事|没东西|不)(要|需要|用|可以)?(改|修改|更改|变)(的|了|啦)?|"
    r"(但是|不过)?(要|请|麻烦|希望)?(快点|尽快|抓紧|赶紧|早点|快些|快一点)(处理|解决|弄|办)?"
)
_ALL_RIGHT = re.compile(
    r"^(都对|全对|都没问题|没有问题|都正确|都没错|(信息|内容)(都)?(对|没错|正确|没问题))"
)


def accepts_read_back(text: str) -> bool:
    """The read-back is accepted: a "yes" or a polite closing with nothing to change.

    "没问题 不用改", "都对 提交吧", "对的 但是要快点处理" accept it too.
    """
    plain = plain_answer(text)
    if has_number(plain):
        return False
    said_no_change = bool(_NO_CHANGE.search(plain))
    rest = _NO_CHANGE.sub(" ", plain).strip()
    if _NOT_PLAIN_YES.search(rest):
        return False
    if said_no_change and not rest:
        return True
    return bool(_AFFIRM_START.match(rest) or _THANKS.match(rest) or _ALL_RIGHT.match(rest)) or (
        said_no_change and bool(_AFFIRM_START.match(rest.split(" ")[-1]))
    )


# The read-back's quick replies by their place ("确认提交", "需要修改"), typed as a number the
# way customers answer numbered menus; "1" read as a rating fell to "没太明白" again and again
# (dialogues_dev16 s028).
_READ_BACK_CHOICES = {"1": "confirm", "2": "change"}


def read_back_choice(text: str) -> Optional[str]:
    """The quick reply ("confirm" or "change") a read-back answered with its number alone picks."""
    return _READ_BACK_CHOICES.get(compact(text).rstrip("."))


def has_no_order_number(text: str) -> bool:
    """The customer cannot give an order number ("没有订单号", "不记得了", "忘了")."""
    plain = plain_answer(text)
    return not has_number(plain) and bool(_NO_ORDER.search(plain))


# No evidence, said in so many words and on its own ("没有照片", "照片没拍", "冇相"), so it
# answers the evidence question whichever is open; inside a description
# ("快递员没拍照就签收了") it is a fact, not an answer.
_DECLINE_EVIDENCE = re.compile(
    r"^(我|我这边|手上|手头|我手上)?(也|都)?(没有|没|无)(任何)?(拍)?"
    r"(照片|相片|图片|图|截图|视频|录像|证据|凭证|照|相)(了|啊|呢|哦|喔|哈|耶|啦)?$|"
    r"^(照片|相片|图片|图|截图|视频|录像|证据)(也|都)?(没有|没拍|没截|没录|拍不了)(了|啊|呢|哦|喔|啦)?$"
)


def declines_evidence(text: str) -> bool:
    """A clause that only says there are no photos ("没有照片 号码没错": the first clause)."""
    return any(_DECLINE_EVIDENCE.match(clause) for clause in plain_answer(text).split())


# Files promised for later, with the files named ("图片我等会发", "晚点补视频"): an answer to
# the evidence question even before it is asked.
_EVIDENCE_LATER_NAMED = re.compile(
    r"(照片|相片|图片|图|截图|视频|录像|凭证)(我)?(等会|等下|等一下|一会|待会|稍后|晚点|晚些|回头|明天)"
    r"(儿)?(再)?(发|传|补|拍|给)|"
    r"(等会|等下|等一下|一会|待会|稍后|晚点|晚些|回头|明天)(儿)?(再)?(发|传|补|拍|给)(你|您)?(们)?"
    r"(照片|相片|图片|图|截图|视频|录像|凭证)"
)


def promises_evidence_later(text: str) -> bool:
    """Files promised for later, named as such, anywhere in a message."""
    return bool(_EVIDENCE_LATER_NAMED.search(plain_answer(text).replace(" ", "")))


# No order number, said with the number named ("订单号没有 是朋友帮我下的"), so it answers the
# order question whichever is open; a bare "没有" only answers the open one.
_NO_ORDER_NAMED = re.compile(
    r"(订单号|单号|订单编号)(我)?(也)?(没有(?!错|问题)|没(?![有错]|问题|打错|写错)|找不到|忘了|忘记了|不记得|不知道|记不得|丢了)|"
    r"(没有|找不到|忘了|不记得|不知道|记不得)(了)?(订单号|单号|订单编号)"
)


def says_no_order_number(text: str) -> bool:
    """No order number to give, with the number named, anywhere in a message."""
    plain = plain_answer(text)
    return not has_number(plain) and bool(_NO_ORDER_NAMED.search(plain.replace(" ", "")))


# The files sent are all there are: "就这张", "没有别的了", "只有这两张图", "其他的都没有".
_NO_MORE_FILES = re.compile(
    r"^(就|只有|只|就只有)(这|这个|这些|这么多|这一|这两|这几)(张|个|段|份|条)?"
    r"(图|照片|相片|图片|截图|视频)?(了|啦|哈|哦|喔)?$|"
    r"^(没有|没|无)(别的|其他|其它|更多|多的)(的)?(图|照片|图片|截图|视频)?(了|啦|哦|喔)?$|"
    r"^(别的|其他|其它)(的)?(图|照片|图片|截图|视频)?(都|也)?(没有|没|无)(了|啦|哦|喔)?$|"
    r"^(就|只)?(这些|这么多)(了|啦)?$|^没了$"
)


def no_more_files(text: str) -> bool:
    """A clause saying the files sent are all there are, so the rest is not asked for."""
    return any(_NO_MORE_FILES.match(clause) for clause in plain_answer(text).split())


def has_no_evidence(text: str) -> bool:
    """Nothing to send as evidence ("没什么可拍的", "拍不了", "没有图").

    A clause that only says so counts too, after a story of why ("东西我早扔了 冇相"):
    the customer answered the question, whatever the rest of the message reads as. So does
    a whole answer saying the customer cannot manage it ("不会弄", "我不会拍照"): an elderly
    customer's "不会弄" was read as a withdrawal (cancel 0.48) and nothing was filed
    (dialogues_dev14 q033).
    """
    plain = plain_answer(text)
    return (
        bool(_NO_EVIDENCE.search(plain))
        or bool(_CANNOT_MANAGE.fullmatch(plain.replace(" ", "")))
        or declines_evidence(text)
        or says_no_by_emoji(text)
    )


# "🙅", "🙅‍♂️", "❌", "🚫" sent alone: a no, as the gesture says (dialogues_dev16 s032 was asked
# again with a hint at the photo and the contact question, then settled "later")
_NO_EMOJI = re.compile(
    "^(?=.*[\U0001f645\u274c\u274e\U0001f6ab\u2716])"
    "[\U0001f645\u274c\u274e\U0001f6ab\u2716\u200d\u2640\u2642\ufe0f\U0001f3fb-\U0001f3ff ]+$"
)


def says_no_by_emoji(text: str) -> bool:
    """Whether the whole answer is a "no" gesture or cross, with nothing else."""
    return bool(_NO_EMOJI.match((text or "").strip()))


# "不会弄", "我不会拍", "弄不来", "搞不懂": the customer cannot send it, said as the whole answer.
_CANNOT_MANAGE = re.compile(
    r"(我|这个|那个|俺)?(不会|不懂|不知道怎么|搞不来|弄不来|整不来|搞不懂|弄不懂)"
    r"(弄|搞|整|操作|用|拍|拍照|发|传|上传|截图)?(啊|呀|哦|了|呢|哈)*"
)


def declines_contact(text: str) -> bool:
    """No phone number wanted ("不用留了 这里联系就行", "🙅")."""
    return bool(_DECLINE_CONTACT.search(plain_answer(text))) or says_no_by_emoji(text)


def declines_call(text: str) -> bool:
    """No phone call wanted, with the phone named ("不用留电话", "唔使打俾我")."""
    return bool(_DECLINE_CALL.search(plain_answer(text).replace(" ", "")))


# "不要联系我微信", "不用再联系我了": the customer takes back being contacted at all.
_NO_CONTACT = re.compile(r"(不要|不用|不必|不想|别|勿|唔好|唔使)(再)?(联系|联络)(我)")


def withdraws_contact(text: str) -> bool:
    """The contact left is taken back ("别留我电话了", "不要联系我微信"), said in so many words.

    Why (task after5): after filing, the customer's "don't call me" must reach the ticket; a
    bare "不用了" there is not about the contact, so the phone or the contacting is named.
    """
    return declines_call(text) or bool(_NO_CONTACT.search(plain_answer(text).replace(" ", "")))


def cancels_complaint(text: str) -> bool:
    """The complaint itself is withdrawn ("不投诉了", "算了不弄了")."""
    return bool(_CANCEL_COMPLAINT.search(plain_answer(text)))


def declines_politely(text: str) -> bool:
    """A bare polite no ("不用了谢谢", "不需要了 谢谢"), nothing else said."""
    return bool(_POLITE_NO.match(plain_answer(text).replace(" ", "")))


def wants_human(text: str) -> bool:
    """An explicit request for a person, wherever it sits in the message."""
    return bool(_WANTS_HUMAN.search(plain_answer(text)))


def compact(text: str) -> str:
    """The message normalised, without punctuation or spaces: how a typed title is compared."""
    return plain_answer(text).replace(" ", "")


def label_parts(label: str) -> Set[str]:
    """The parts of a quick reply's title a customer may type alone ("赔偿/补偿": 赔偿, 补偿)."""
    return {normalize(part) for part in re.split(r"[/（）()]", label) if part}


def triage_first(triage: Any, head: str, minimum: float) -> Optional[str]:
    """The code the triage's `head` ("category", "remedy") ranked first, if it reaches `minimum`.

    Asked a question, the answer is taken at a lower bar than the NLU's own entity needs.
    """
    summary = triage.get(head) if isinstance(triage, Mapping) else None
    ranking = summary.get("ranking") if isinstance(summary, Mapping) else None
    if not ranking or not isinstance(ranking[0], Mapping):
        return None
    best = ranking[0]
    confidence = best.get("confidence")
    if isinstance(confidence, (int, float)) and confidence >= minimum and best.get("code"):
        return str(best["code"])
    return None


_FACT_WORDS = re.compile(
    r"订单号|订单|单号|仅退款|退货退款|退款|退货|换货|补发|维修|赔偿|补偿|我要|想要|给我|麻烦|请|帮我"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def says_what_happened(text: str) -> bool:
    """Whether a message says more than an order number and a wish.

    Five or more Chinese characters once "订单/换货/我要…" are set aside.
    """
    rest = _FACT_WORDS.sub("", plain_answer(text))
    return len(_CJK.findall(rest)) >= 5


_ASKS_TO_COMPLAIN = re.compile(r"(我)?(要|想)?(投诉|举报|反映|申诉)(你们)?")


def tells_a_problem(text: str) -> bool:
    """Whether a message says what went wrong, once a request for a person is set aside.

    Why: the triage head names a category for every message; "转人工" or "我要投诉 找真人"
    before any complaint must not file a handoff ticket under its guess.
    """
    rest = _ASKS_TO_COMPLAIN.sub("", _WANTS_HUMAN.sub("", plain_answer(text)))
    return len(_CJK.findall(_FACT_WORDS.sub("", rest))) >= 3  # "杯子碎了", not "在吗"


# "我买的那个电热水壶", "上周在你们家买了个电饭煲": the goods bought and nothing more.
_BOUGHT_THING = re.compile(
    r"^(?:你好|您好|喂|那个|就是|嗯|哦)*\s*(?:我|俺|我们)?\s*"
    r"(?:之前|上周|上个月|前几天|前天|昨天|刚|刚刚|最近|那天)?\s*"
    r"(?:在(?:你们|贵)?(?:家|店|这|这里|这儿|那|直播间)?)?\s*"
    r"(?:之前|上周|上个月|前几天|前天|昨天)?\s*(?:买|购买|订|下单|拍|网购)(?:的|了|咗)?\s*"
    r"(?:一|那|这|嗰|呢)?(?:个|台|件|双|瓶|套|盒|箱|只|条|把|款|部|支)?\s*"
    r"(?P<thing>\S{1,10})\s*(?:啊|呀|哈|吧|哦)?$"
)
# Anything that could say what is wrong with it (a predicate, a defect, a negation): such a
# message is left to the triage as before; only a plain name of goods is no problem told.
# "一…就…", "都", "还", "又" mark a predicate too ("我買嘅水壺一燒水就跳掣", trial9).
_PROBLEM_HINT = re.compile(
    r"[了着过咗不没冇未无坏破碎裂漏烂错少缺假差慢丢脏臭坑骗贵花开掉停响断松退换有是在要能会"
    r"用到晚丑太卡发怎吗呢啥么问题质量收货寄送就都还又唔闸]"
)


def names_only_the_goods(text: str) -> bool:
    """Whether the message names the goods bought and says nothing about what went wrong.

    Why: "我买的那个电热水壶" opened the intake with a category guessed from the product's
    name and the bot never asked what went wrong (hand test ux8); the question is asked.
    """
    match = _BOUGHT_THING.match(plain_answer(text))
    return match is not None and not _PROBLEM_HINT.search(match.group("thing"))


# What may surround an order number given on its own: "订单号是 2024…", "我的单号：…", "喏 …".
_ORDER_NUMBER_FRAME = re.compile(
    r"订单编号|订单号码|订单号|订单|单号|编号|号码|这个|那个|我的|是|在这|给你|发你|喏|嗯|哦|好的|了|的|号"
)
_ID_RUN = re.compile(r"[A-Za-z0-9]+")


def only_gives_order_number(text: str) -> bool:
    """Whether the message is an order number and nothing more ("订单 2024 1123 5567").

    Why: asked what went wrong, a customer who sends the order number first has not said it
    yet; taking the number as the problem put "订单 2024 1123 5567" into the ticket's
    description (hand test).
    """
    plain = plain_answer(text)
    if not has_number(plain):
        return False
    rest = _ORDER_NUMBER_FRAME.sub("", _ID_RUN.sub("", plain))
    return not _CJK.search(rest)


# A question about the process ("退货的话运费谁出", "换货要多久"), not an answer to one.
_PROCESS_QUESTION = re.compile(
    r"谁(出|付|承担|负责|来出)|多久|多长时间|几天(能|可以|到)|什么时候|啥时候|哪里|哪儿|"
    r"怎么(寄|退|换|操作|弄|办|算|收费|申请)|如何(寄|退|换|操作|申请)"
)


# The question handed back to the shop ("你们说怎么办", "你看咋处理"): it leaves the remedy
# to the shop (`leaves_remedy_open`), it asks nothing about how a remedy works.
_HANDED_BACK = r"(你们|你)(说|看)(该|要)?(怎么|咋)(办|处理|弄|解决)"
# A rhetorical question ("不发货还能怎么办？退钱啊", dialogues_dev14 q006): nothing is asked
# about how a remedy works; the answer beside it is the customer's wish.
_RHETORICAL = r"(还能|还可以|又能)(怎么|咋|怎样)(办|样)"


def asks_about_process(text: str) -> bool:
    """Whether the message asks how something works rather than saying what is wanted."""
    plain = plain_answer(text)
    process = _PROCESS_QUESTION.search(_RHETORICAL_RE.sub(" ", plain))
    return bool(process) and not re.search(_HANDED_BACK, plain)


_RHETORICAL_RE = re.compile(_RHETORICAL)


# Cantonese asks it too ("我嘅投訴去到邊", "搞成點", "有冇人跟進"): read as a change
# at the read-back before (hand test, ux4).
_STATUS_WORDS = re.compile(
    r"进度|到哪|怎么样了|处理(了|好了|得怎么样|没有|了吗|了没)|结果|状态|工单|(查|问)(一下|下)?(我的|之前的|那个)?投诉|"
    r"去到(边|哪)|(搞|处理|跟进|弄)(成|得)(点|怎样)|有没(有)?人(跟进|处理|理)|"
    # "我的投诉呢", "投诉的那个呢": where is it (hand trial: opened a new intake)
    r"(我的|我嘅|那个|之前的?|上次的?|我)投诉(的)?(那个|那单|那件事)?(呢|咧|嘞)"
)


# "大概什么时候能发出", "还要等多久": when something will happen, asked as a question.
_ASKS_WHEN = re.compile(
    r"什么时候|啥时候|多久|多长时间|几天(能|可以|才|会|到)|何时|几时|要等到|还要等"
)


def asks_when(text: str) -> bool:
    """Whether the message asks when something will happen."""
    return bool(_ASKS_WHEN.search(plain_answer(text)))


# At the read-back, what happens after it, asked as a question ("就这样就好了吗？多久有人处理？",
# "然后呢", "提交了多久有结果"): no yes, although "就这样" starts like one (dialogues_dev19 v017
# was filed on it). A yes said first ("好的 多久能处理") still files: the filing tells the times.
_WHAT_NEXT = re.compile(
    r"(就|这样)(这样)?(就)?(可以|行|好|完|结束|提交|完事)(了)?(吗|嘛|么|呢)|"
    r"然后(呢|怎么办|怎么弄|要干嘛|会怎样)|接下来(呢|怎么|要|会)|之后(呢|怎么|会)|下一步|"
    r"(多久|什么时候|啥时候|多长时间|几天|几点)(会|能|才|可以)?(有人)?"
    r"(处理|联系|回复|解决|答复|给结果|有结果|跟进|打给我|找我)"
)
_YES_FIRST = re.compile(r"^(确认|提交|确定|好的|好|可以|行|对|对的|是的|没问题|嗯|ok)(?![吗嘛么])")


def asks_what_next(text: str) -> bool:
    """Whether a message at the read-back asks what happens once it is accepted, saying no yes."""
    plain = plain_answer(text)
    return bool(_WHAT_NEXT.search(plain.replace(" ", ""))) and not _YES_FIRST.match(plain)


def asks_about_status(text: str) -> bool:
    """Whether the message asks how a complaint is getting on ("投诉到哪一步了")."""
    return bool(_STATUS_WORDS.search(plain_answer(text)))


# "稍等", "等一下 我找找", "我看看": the customer is looking for the answer.
# What is being looked for may come first ("订单号我找一下", typed "定单号" by ear): the
# request to wait is the same, and was read as an answer without the number (hand test ux8).
_WAIT_TOPIC = r"((订|定)单(号|编号)?|单号|号码|编号)?(我)?(先|再)?"
_WAIT = re.compile(
    rf"^{_WAIT_TOPIC}"
    r"(等(一)?(下|等|会|会儿)|等我(找|看|查|翻)?|稍等|稍后|请稍等|马上|我(去)?(找|看|查)(一)?(下|找|看|查)|"
    r"(找|看|查)(一)?下|我翻(一)?(下|翻)|让我(找|看|想)|我再(找|看|想)|"
    # someone else asked first ("我要问一下我妈 等等": the order is on her phone, trial10)
    r"(我)?(要|去|得|先)?问(一)?(下|问)(我的?)?"
    r"(妈|妈妈|爸|爸爸|老公|老婆|家里人|家人|朋友|同事|儿子|女儿|孩子|他|她|对象|男朋友|女朋友))"
)


def asks_to_wait(text: str) -> bool:
    """Whether the reply only asks for a moment ("稍等", "我找找", "我再想想")."""
    plain = plain_answer(text)
    return bool(_WAIT.match(plain)) and not has_number(plain)


# Files promised for later ("有的 等会", "等下发你", "有 我发你"), not a no.
_EVIDENCE_COMING = re.compile(
    r"^(有|有的|有啊|有呀|有滴|有(相|图|照片|相片|视频|截图|录屏|录像|聊天记录)(的)?)( |$)|"
    r"(等会|等下|等一下|一会|待会|稍后|晚点|晚些|回头|之后|明天|马上)(儿)?(再)?(发|传|补|拍|给)?|"
    r"我(来|去)?(发|传|拍)(给)?(你|您)"
)


# "照片要拍哪里", "拍什么", "怎么拍", "拍杯子还是拍箱子？": what to show, asked back.
_WHAT_TO_SHOW = re.compile(
    r"(拍|照|截)(哪里|哪儿|哪些|哪个|哪|什么|啥)|(怎么|咋|如何)(拍|截图|发图|发照片|上传)|"
    r"拍[^ ]{1,6}还是(拍)?[^ ]{1,6}"
)


def asks_what_to_show(text: str) -> bool:
    """Whether the answer to the evidence question asks what to photograph or how to send it."""
    raw = text or ""
    plain = plain_answer(raw)
    return bool(_WHAT_TO_SHOW.search(plain)) and (
        "?" in raw or "？" in raw or "吗" in plain or "啊" in plain or "呢" in plain
    )


def evidence_coming(text: str) -> bool:
    """Whether the answer to the evidence question promises files for later."""
    plain = plain_answer(text)
    return bool(_EVIDENCE_COMING.search(plain)) and not has_no_evidence(plain)


# None yet, promised for later ("还没拍 晚上回去拍了再发", "拍不了 明天补", Cantonese "未影 等我
# 返屋企先影俾你"): the no is about now, the files come later (trial10; 影 is Cantonese 拍)
_NOT_YET = re.compile(r"(还)?(没|未)(有)?(拍|影|截)|(拍|影|截)不了|没(法|办法)(拍|影|截)|暂时")
_LATER_AFTER_ALL = re.compile(
    r"(明天|晚上|晚点|晚些|稍后|回头|之后|过两天|下班|回去|回家|到家|等我|有空|改天)"
    r"[^ ]{0,8}?(拍|影|发|补|传|给)|"
    r"(拍|影)(了|好)(再|就|后)(发|传|给)|再(发|补|传)(给)?(你|您)?|(明天|回头|之后)补"
)


def evidence_not_yet(text: str) -> bool:
    """No files now, promised for later: at the evidence question, a later."""
    plain = plain_answer(text)
    return bool(_NOT_YET.search(plain)) and bool(_LATER_AFTER_ALL.search(plain))


# "随便", "你们看着办", "能解决就行": the customer leaves the remedy to the shop; so does one
# who cannot say yet ("说不上来", "不知道要怎么处理") or wants the shop to look first ("你们先查一下").
_REMEDY_LEFT_OPEN = re.compile(
    r"随便|看(着|著)(办|处理|弄)|都行|都可以|无所谓|能解决就行|解决就行|你们定|听你们的|怎么都行"
    r"|说不上来|说不好|不知道(要|该|想)?(怎么|咋)(办|处理|弄)|(先|帮我|你们)查(清楚|一下|查)"
    # the question handed back ("你们说怎么办", "你看咋处理"); no wish beyond telling the shop
    # ("没什么要求 就是反映一下") or beyond the order going its normal way ("尽快发货就行 别的不要")
    rf"|{_HANDED_BACK}|没(有)?(什么|啥)(特别的|特别)?(要求|诉求)"
    r"|(就是|只是|就想|只想)(想)?(反映|反馈)(一下)?|别的(都)?不(要|用)(了)?"
    # the shop asked to propose one, or the customer has not decided ("你们说呢", "没想好")
    r"|(你们|你)(说|觉得|看)呢|(给|出)(个|一个)?(方案|办法)|没想好"
)
# "不知道", "不清楚", "唔知": the whole answer is that the customer does not know.
_DONT_KNOW = re.compile(
    r"^(?:我)?(?:也|真)?(?:不知道|不知|不清楚|不晓得|唔知|不懂)(?:啊|呀|诶|欸|哎|了|呢|耶|喔|哦)?$"
)


def only_says_dont_know(text: str) -> bool:
    """Whether the answer says nothing but "I don't know" (any question's answer).

    Spaces, punctuation and emoji around the words don't count ("不晓得 😂", "不知道。").
    """
    return bool(_DONT_KNOW.match(re.sub(r"[^\w]", "", plain_answer(text))))


def leaves_remedy_open(text: str) -> bool:
    """Whether the answer to the remedy question leaves it to the shop (remedy "other")."""
    return bool(_REMEDY_LEFT_OPEN.search(plain_answer(text))) or only_says_dont_know(text)


# Words about a fact other than the problem itself: order, remedy, evidence, contact.
# A bare number of six digits or more is an order number or a phone, not the problem ("哦不对
# 刚才那个是对的 还是202410301188" turned a defect into a wrong item, dialogues_dev16 s037).
_OTHER_FACT = re.compile(
    r"订单|单号|号码|号是|退|换|补发|补寄|维修|修|赔|补偿|道歉|说法|电话|手机|联系|照片|图片|截图|视频|拍|"
    r"[0-9]{6,}"
)


# The product page's own pictures and words: what the item is compared with, no evidence.
_PAGE_PICTURES = re.compile(
    r"(网页|页面|商品页|详情页|宣传|主图|网上|链接|店铺|商品)(上|里)?(的|写的|放的)?(图片|照片|图|视频)"
)


def corrects_the_problem(text: str) -> bool:
    """A correction that is about what went wrong, not about another fact.

    "其实不是质量问题 是你们发错了 我买的是白色发来黑色" changes the category; "不对 订单号错了"
    and "算了不退了，换一个吧" correct something else. "跟网页上的图片差太多" names the
    product page's pictures, not a photo the customer sends.
    """
    plain = _PAGE_PICTURES.sub(" ", plain_answer(text))
    if not _OTHER_FACT.search(plain):
        return bool(plain.strip())
    return _corrects_the_problem_beside_another_fact(plain)


def _corrects_the_problem_beside_another_fact(plain: str) -> bool:
    """Two facts corrected at once: the problem in clauses of its own, the other fact beside.

    "等等 不是品质问题 是寄错型号了 然后我要换货不是退款" at the read-back corrects the
    problem and the remedy (dialogues_dev13 n061); the remedy was changed and the category
    kept. The clauses that name no other fact must contrast what they deny with what they
    affirm ("不是…问题 是…") and tell what happened: "不对 订单号错了 不是这个" does not.
    """
    rest = " ".join(clause for clause in plain.split() if not _OTHER_FACT.search(clause))
    affirmed = affirmed_part(rest)
    return affirmed is not None and says_what_happened(affirmed)


# Words that mark a message as a correction ("其实不是质量问题", "而是发错了", "选错了").
_CORRECTION_MARK = re.compile(
    # "这不算质量问题吧", "不属于物流问题": the category read back denied in other words
    r"(不是|不算|不属于).{0,8}(问题|的事|这个)|其实(是|不是)|而是|搞错了|说错了|选错了|(类型|分类)不对|"
    # "不是发错了 是颜色跟图片差太多": not this, but that
    r"不是[^ ]{1,8} (就)?是"
)


def says_correction(text: str) -> bool:
    """Whether the message says in words that something said before was wrong.

    A contrast counts too: "不对 是屏幕裂了不是没电" (`bot.nlu.normalize.affirmed_part`).
    """
    return bool(_CORRECTION_MARK.search(plain_answer(text))) or affirmed_part(text) is not None


# The problem said anew at the read-back: "问题是左耳没声音", "描述写错了 应该是…", or what is
# wrong said first and what is not after it ("左耳没声音 不是充电"). "不是X 是Y" and "其实是"
# are `says_correction`'s.
_PROBLEM_IS = re.compile(
    r"(问题|毛病|情况|描述|故障)(其实|应该|主要)?(是|係|系)|"
    r"(描述|问题)(写|说|打|填)错了|"
    r"^\S{2,} ?(不是|唔係)[^ ]{1,10}$"
)
# what stays of the message without the words that mark it a correction: the new problem
_NOT_NEW_WORDS = re.compile(
    r"(问题|毛病|情况|描述|故障)(其实|应该|主要)?(是|係|系)|(描述|问题)(写|说|打|填)错了|"
    r"(不是|唔係)[^ ]{1,10}$|其实|应该是|不对"
)
_NEW_WORDS_MIN_CHARS = 4


def restates_problem(text: str) -> bool:
    """Whether a message at the read-back says what went wrong anew, in words of its own.

    Why (trial8): "問題是左耳沒聲音 不是充電" changed nothing; the description read back kept
    the wrong problem. Another fact corrected ("订单号错了 是…") or a bare "不对" is not this.
    """
    plain = plain_answer(text)
    said = bool(_PROBLEM_IS.search(plain)) or says_correction(text)
    words = re.sub(r"[^\w]", "", _NOT_NEW_WORDS.sub("", plain))
    return said and len(words) >= _NEW_WORDS_MIN_CHARS and corrects_the_problem(text)


# Clauses that state no fact: urging ("赶紧处理", "快点"), thanks ("谢谢", "麻烦了"), or that
# there is nothing more ("没有了", "冇喇" read as "没喇", "得呢张" = only this one). Each
# clause must be one of these whole, so anything about goods, delivery, money or service
# ("赶紧处理 杯子碎了", "快点退款") keeps the message a fact.
_NO_FACT_PHRASE = (
    r"(?:(?:请|麻烦|拜托)?(?:你们)?(?:赶紧|赶快|尽快|快点|快些|快|马上|立刻|抓紧|速度)"
    r"(?:帮我|给我)?(?:处理|解决|搞|弄|跟进|回复)?(?:一下)?|"
    r"速度|急|急死了|很急|着急|"
    r"谢谢|多谢|感谢|谢了|辛苦了|辛苦|麻烦了|麻烦你了|麻烦你们了|拜托了|"
    r"没有了|没了|没喇|没啦|没有别的了|没别的了|就这些|就这样|就这个|就这张|得呢张|得呢个|"
    r"只有这张|只有这个|就这些了|好的|好|嗯|哦|ok)"
)
_NO_FACT_CLAUSE = re.compile(rf"(?:{_NO_FACT_PHRASE}[啊呀吧啦喇了哈哦嘛呀]*)+", re.IGNORECASE)


def states_no_fact(text: str) -> bool:
    """Whether the message, beside any order number, only urges, thanks or says "no more".

    Why: "订单号 2024 1123 5567 ！！赶紧处理！！" added "赶紧处理" to the issue description
    with "这个情况我也记下了", and "冇喇，得呢張" likewise (hand test ux8); neither says
    anything about the problem. Conservative: every clause must be such a phrase whole.
    """
    clauses = [
        clause
        for clause in _ID_RUN.sub(" ", plain_answer(text)).split()
        if _ORDER_NUMBER_FRAME.sub("", clause)  # not "订单号", "单号是": the number's frame
    ]
    return bool(clauses) and all(_NO_FACT_CLAUSE.fullmatch(c) for c in clauses)

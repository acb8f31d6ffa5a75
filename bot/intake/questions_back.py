"""A form question answered with a question about that question, which the bot can answer.

Why (dialogues_dev19, trial8): customers answer "please send the order number" with "订单号在
哪看啊？我找不到", the photo question with "拍照干嘛？你们不相信我？", the phone question with
"留电话你们会打过来吗？几点打？" and the remedy question with "那你们一般怎么弄？". The first
was read as "no order number" and the ticket was filed without one although the customer
had it; the others were written into the ticket's description as more of the problem
("收到，补充的情况已经记上了") or met by "这个我答不上来". Each has an answer the bot knows
(where the number is shown; what the photo is for and that none is needed; what the number is
used for; which remedies there are): it is given, and the question is asked again plainly.
Only for the question that is open, and read on the normalised text.
"""

from __future__ import annotations

import re
from typing import Callable, Collection, Dict, Optional

from bot.intake.answers import has_number, plain_answer
from bot.intake.remedy_answers import remedy_mentioned

# "订单号在哪看", "在哪里找", "去哪查", "怎么查订单号", "订单号在哪啊" (Cantonese 喺邊度 reads as
# 在哪里): where the number is shown, asked at the order question
_WHERE = re.compile(
    r"(在|去|到|从)?(哪里|哪儿|哪|什么地方)(里)?(能|可以|才能)?(看|找|查|显示|有|写|复制)|"
    r"(怎么|如何|咋|怎样)(才能)?(查|找|看)(到)?|"
    r"(在|去)(哪里|哪儿|哪)(呢|啊|呀|哦)?(?= |$)"
)

# "拍照干嘛", "为什么要照片", "你们不相信我", "一定要拍吗", "没照片就不处理吗", "要什么证据":
# what the photo is for, asked at the evidence question
_WHY_EVIDENCE = re.compile(
    r"(拍|发|要|给)(个|张)?(照片|照|相|图片|图|视频|截图)?(干嘛|干什么|做什么|有什么用|有啥用|"
    r"是为了什么|为什么|为啥)|"
    r"为(什么|啥)(还)?(要|得|非要)(我)?(拍|发|给|提供)|"
    r"(不|不相)信(我|我说的)|"
    r"(一定|必须|非)(要|得)(拍|发|有|给)|"
    r"没(有)?(照片|相片|图|图片|视频|证据)(的话)?(就)?(不行|不能|不给|不处理|不管)|"
    r"要(什么|啥)(证据|照片|凭证)"
)

# "留电话会打过来吗", "几点打", "什么时候联系我", "留电话干嘛", "号码会不会泄露": what the
# number is for and when a call comes, asked at the contact question
_ABOUT_THE_CALL = re.compile(
    r"(会|就会|才会)(有人)?[^ ]{0,3}(打|联系|回电|来电)[^ ]{0,5}(吗|嘛|么|不)|"
    r"(几点|什么时候|啥时候|多久)(会)?(给我)?(打|联系|回电|来电)|"
    r"(为什么|为啥|干嘛|干什么)(要|得)?(留)?(电话|手机|号码|联系方式)|"
    r"(电话|手机|号码)(留了)?(有什么用|有啥用|干嘛用)|"
    r"(泄露|外泄|被卖|给别人|骚扰)"
)

# "你们一般怎么处理", "通常怎么弄", "有哪些方式", "能怎么处理": which remedies there are,
# asked at the remedy question. Not "你们说怎么办" / "你们看着办" (the remedy left to the
# shop, `answers.leaves_remedy_open`), nor a question about how one remedy works ("退货运费
# 谁出", written into the ticket for the agent).
_REMEDY_OPTIONS = re.compile(
    r"(一般|通常|平时|平常|正常)(都)?(是)?(怎么|咋|如何|怎样)(处理|弄|办|解决|搞)|"
    r"(有|能|可以)(哪些|什么|啥|几种)(处理)?(方式|办法|方案|选择|选项|处理)|"
    r"(能|可以|会)(怎么|咋|如何|怎样)(处理|弄|办|解决|搞)"
)


def asks_where_order_number(text: str) -> bool:
    """Whether the answer to the order question asks where the order number is shown."""
    plain = plain_answer(text)
    return not has_number(plain) and bool(_WHERE.search(plain.replace(" ", "")))


# "订单号我找不到啊", "我不知道订单编号在哪里耶", "单号搵唔到喇" (normalised 找不到了): the
# customer has an order but cannot find its number (dialogues_dev21, trial10)
_CANNOT_FIND = re.compile(
    r"找不到|找不着|搵不到|看不到|查不到|不知道|不知|不清楚|不记得|记不得|记不清|忘了|忘记"
)
# ... unless telling where would not help: someone else bought it ("是朋友买的", "我妈帮我买的"),
# there is no order to look in ("删了", "还没买", "门店买的"), or the customer asks to go on
# without it or has looked already ("先不填可以吗", "真的找不到", "没单号行不行")
_WHERE_WOULD_NOT_HELP = re.compile(
    r"别人|朋友|同事|家人|亲戚|妈|爸|老公|老婆|对象|儿子|女儿|孩子|家里人|"
    r"送(的|我|给)|帮我(买|下|拍|订)|代(买|购|下)|不是我(买|下|拍|订|付)|他|她|"
    r"删|没(有)?(订单|单号|下单|买)|还没买|线下|门店|实体店|"
    r"先不填|不填|不写|先登记|先处理|没有也|没单号也|(行|可以|能)不(行|可以|能)|"
    r"(可以|行|能)(吗|嘛|么)|得不得|"
    r"真的|实在|确实|还是|已经|翻遍|到处"
)


def cannot_find_order_number(text: str) -> bool:
    """Whether the answer to the order question says the number cannot be found.

    Only where being told where to look helps: not someone else's order, not an order
    deleted, not a customer who has looked already or asks to go on without it.
    """
    plain = plain_answer(text)
    if has_number(plain):
        return False
    compact = plain.replace(" ", "")
    return bool(_CANNOT_FIND.search(compact)) and not _WHERE_WOULD_NOT_HELP.search(compact)


def asks_why_evidence(text: str) -> bool:
    """Whether the answer to the photo question asks what a photo is for."""
    return bool(_WHY_EVIDENCE.search(plain_answer(text).replace(" ", "")))


def asks_about_the_call(text: str) -> bool:
    """Whether the answer to the phone question asks what the number is for or when a call comes."""
    plain = plain_answer(text)
    return not has_number(plain) and bool(_ABOUT_THE_CALL.search(plain.replace(" ", "")))


def asks_remedy_options(text: str) -> bool:
    """Whether the answer to the remedy question asks which remedies there are, naming none."""
    plain = plain_answer(text)
    return remedy_mentioned(plain) is None and bool(_REMEDY_OPTIONS.search(plain.replace(" ", "")))


# the open question -> (the question asked back, its answer in domain.yml)
_QUESTIONS: Dict[str, tuple[Callable[[str], bool], str]] = {
    "order_id": (asks_where_order_number, "utter_answer_order_where"),
    "evidence_status": (asks_why_evidence, "utter_answer_evidence_why"),
    "contact_status": (asks_about_the_call, "utter_answer_contact_use"),
    "desired_remedy": (asks_remedy_options, "utter_answer_remedy_options"),
}


# Answers that end by saying how to answer the open question ("实在找不到也没关系，回复“没有”
# 我先登记", "回复“不用”就行"): the question after them asked it twice back to back
# (trial11, dialogues_dev22: "订单号我找不到" met by where to look, then the order question).
# The remedy's options end with no such line: the question with its quick replies follows.
ANSWERS_THAT_ASK = frozenset(
    {"utter_answer_order_where", "utter_answer_evidence_why", "utter_answer_contact_use"}
)


def question_back(
    requested_slot: Optional[str], text: str, said: Collection[str] = ()
) -> Optional[str]:
    """The response that answers a question about the open question, if the text asks one.

    `said`: the responses the bot gave earlier in the conversation. Each is given once: an
    order number the customer cannot find ("订单号我找不到啊", "订单号我不知道在哪") is answered
    with where it is shown the first time; said again after that, it is no question but the
    answer, there is none at hand (asked again and again, the same answer came three times
    and the customer gave up, trial10). Any other question asked again after its answer is
    read as the answer it is, or asked again with a hint.
    """
    asks, response = _QUESTIONS.get(requested_slot or "", (None, ""))
    if asks is None or not text or text.startswith("/") or response in said:
        return None
    if asks(text):
        return response
    if requested_slot == "order_id" and cannot_find_order_number(text):
        return response
    return None

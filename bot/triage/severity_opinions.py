"""Group words that tell of others' opinions, guesses or reactions, not of buyers affected.

The spec's group reason is several buyers harmed or affected by the same problem. Many people
named beside a complaint are often nothing of the kind (task sev24, severity_dev23):
- others who share a judgement of taste, looks, price or service ("几个朋友尝了都觉得一般般",
  "幾個同事都話件衫顏色冇相入面咁好睇", "好几个同事说味道淡");
- others only guessed or asked about ("好多人跟我一样觉得颜色偏暗吧？", "应该不止我一个吧",
  "是不是很多人都遇到这个问题啊？");
- others reacting to the customer ("同事们都笑我买了个山寨货") or chatting about the product
  ("粉丝群里好多人都在讨论这个新品", "好多人都在问什么时候补货");
- the customer's own party taking turns at the hotline ("我们几个人轮流打电话都冇人接").
Each veto keeps a group whose members are said to have a fault of their own ("几个朋友都觉得
不对劲，一用就过敏", "群里十几个买家都说这批枣子发霉了"). They are ruling vetoes
(`severity_context.RULING_VETOES`): the learned head, which reads "几个朋友都…" as a group,
may not give the reason back for that message.
"""

from __future__ import annotations

import re

from bot.triage.severity_clauses import Context, Shape, by_name

# An opinion said: a verb of judging, then a judgement of taste, looks, price, service or the
# brand's standing within the clause (not colour or fit, which buyers report as a fault).
OPINION = re.compile(
    r"(?:觉得|认为|嫌|说|话|讲)[^,。!?;]{0,14}?"
    r"(?:一般|好吃|难吃|味道|咸|淡|辣|甜|口感|好看|难看|好睇|丑|显老|显胖|显黑|土气|老气"
    r"|贵|不值|唔值|唔抵|不划算|性价比|态度|客服|回得慢|下滑|不如以前|大不如前|像假的|不像正品"
    r"|偏酸|太酸|偏苦|太苦|偏硬|太硬|口味)"
)
# A fault of the product had by those people, which makes them buyers affected, not critics.
HARD_PROBLEM = re.compile(
    r"坏|漏|过敏|拉肚子|吐|没收到|没到|收唔到|冇收到|少了|少发|碎|裂|假货|发霉|霉|虫|疹|痒|伤|烫|疼|痛"
    r"|不能用|用不了|开不了|没反应|不亮|过期|变质|馊|臭|异物|头晕|不舒服|起球|开胶|掉色|褪色|断"
    r"|不对|不符|不一样|错|发酸|变酸"
)
# How far after the group word the opinion may be told: its clause and the next one
# ("我問咗幾個朋友，佢哋都覺得呢個價錢唔抵").
WINDOW = 30


def _window(c: Context) -> str:
    """The group word's clause after it, and what the message says next, up to `WINDOW`."""
    return c.message_after_hit()[:WINDOW]


# Buyers by name report their own experience when they "say" something: no opinion veto.
BUYERS = re.compile(r"买家|顾客|客户|用户|消费者")


def _opinion(c: Context) -> bool:
    """Others share a judgement ("几个朋友尝了都觉得一般般"), and no fault of theirs is told."""
    if BUYERS.search(c.hit):
        return False
    said = c.hit + _window(c)  # the verb may be in the hit: "群里的姐妹都说"
    return bool(OPINION.search(said)) and not HARD_PROBLEM.search(said)


# A guess or a question about others: the clause ends in 吧 / 啩 or a question particle before
# "?", or is put as 是不是 / 应该 / 估计 ("应该不止我一个吧", "是不是很多人都遇到这个问题啊？").
GUESS_END = re.compile(r"(?:吧|啩|罢)\s*(?:\?|$|\s)|(?:啊|呀|吗|嘛|么|呢|咩|未)\s*\?")
GUESS_BEFORE = re.compile(r"是不是|会不会|应该|估计|感觉|可能|大概|怕是|难道只有")
# ... not a rhetorical question, which asserts ("不是好多人都没收到吗？"): a negation left once the
# A-not-A forms and "not only me" are taken out.
NOT_ASKED = re.compile(r"是不是|会不会|有没有|能不能|不止|不只|唔止")
RHETORICAL = re.compile(r"不|没|难道|冇|唔")
# ... not a demand closed with 吧 ("十几个人都坏了，你们处理一下吧").
DEMAND = re.compile(r"处理|解决|看着办|给我|给个|退|赔|换|快点|赶紧|马上")


def _guessed(c: Context) -> bool:
    """Others only guessed or asked about, in the group word's clause, with no demand."""
    told = c.clause + c.text[c.text.find(c.clause) + len(c.clause) :][:2]
    guessed = GUESS_END.search(told) or GUESS_BEFORE.search(c.before)
    rhetorical = RHETORICAL.search(NOT_ASKED.sub("", c.clause))
    return bool(guessed) and not rhetorical and not DEMAND.search(c.clause)


SHAPES = (
    Shape(
        "reacting_to_me",
        'Others reacting to the customer ("同事们都笑我买了个山寨货"), not buyers affected.',
        needs=(
            (
                "after",
                re.compile(
                    r"^(?:们)?(?:都|也|全都)?(?:在)?(?:笑|嘲笑|笑话|取笑|羡慕|夸|劝|骂)(?:我|话我)"
                ),
            ),
        ),
    ),
    Shape(
        "chatter",
        'Others discussing or asking about the product ("好多人都在讨论这个新品").',
        needs=(
            (
                "after",
                re.compile(r"^(?:们)?(?:都|也)?在?(?:讨论|聊|问(?!题)|打听|咨询|议论|种草)"),
            ),
        ),
        unless=(("clause", HARD_PROBLEM),),
    ),
    Shape(
        "in_turn",
        'The customer\'s own party taking turns at the hotline ("我们几个人轮流打电话").',
        needs=(
            (
                "after",
                re.compile(r"^[^,。!?;]{0,3}?(?:轮流|轮着|轮番)(?:打|联系|找|问|催|打电话)"),
            ),
        ),
    ),
)

CHECKS = by_name(*SHAPES, _opinion, _guessed)

# Every veto here rules the group reason out for the learned head too.
RULING = frozenset(CHECKS)

# People named as sharing an opinion anywhere in a message (for the head's sake, where the
# rules found no group word: "买了二十份喜糖分给同事，同事们都说不怎么好吃").
PEOPLE_OPINION = re.compile(
    r"(?:们|大家|朋友|同事|同学|邻居|亲戚|姐妹|网友|人)(?:都|也|全都)?" + OPINION.pattern
)


def others_opinion_only(text: str) -> bool:
    """Others named only as sharing an opinion, and no fault of the product told anywhere."""
    return bool(PEOPLE_OPINION.search(text)) and not HARD_PROBLEM.search(text)

"""Twenty-first round (task sev21, severity_dev21: legal and regulatory steps in unusual words).

Recall: 12315 read aloud in pinyin or typed with a letter for a one, a report to the police
with the verb split (报了警, 报过案), the police's units (经侦, 警署, a statement taken), a law
firm consulted, a lawyer friend who drafts the letter, a step asked as what the shop waits for,
a complaint posted to 黑猫 named first, "这么多人" harmed. Precision: a job word as an ornament,
a genre or a job at a firm, company law (公司法务), equipment named after its users, an
authority's standing rule, a past police matter as why something was bought or said to be
unrelated, a modest wish after a disclaimer, disclaimers in pinyin, crowds gathered or
commenting, a lone buyer in a group buy, others fine in Cantonese, safety gear not used. Each
class with an urgent counterpart. None of these sentences is a dev case.
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_ruled_out import ruled_out_by_message

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        "今天上午打了 yao er san yao wu，说三天内给答复",
        "yi er san yi wu 那边我已经登记了",
        "刚才拨了123l5，把你们店名报上去了",
        "I2315 的工单号我截图了",
        "东西是假的，我昨天去报了案",
        "这事我已经报过警了",
        "我去报了个警，警察说会调查",
        "已经报咗案，等差人联络你哋",
        "材料我交给区里的经侦大队了",
        "我去警署落了口供，佢哋会搵你哋",
        "警察给我做了笔录，说这批货有问题",
        "我下午约了律所的人谈这个事",
        "我有个律师朋友，已经帮我起草了函件",
        "是要等到我去市场监管局你们才处理吗？",
        "你们要等我起诉才肯退款吗？",
        "黑猫投诉上我已经发了投诉，编号给你们",
    ],
)
def test_legal_and_media_steps_in_other_words_are_urgent(text):
    assert reasons(text) in (["legal"], ["media"])


def test_many_people_harmed_said_with_zheme_is_a_group():
    assert "group" in reasons("这么多人都收到了发霉的月饼，你们怎么解释")
    assert reasons("这么多人都说好吃，我也买了一盒试试") == []


@pytest.mark.parametrize(
    "text",
    [
        "律师徽章钥匙扣的扣环松了",
        "送朋友的法官摆件少了个底座",
        "最近看的那部法庭剧里的台灯，我买了同款，灯罩是歪的",
        "我是公司法务，买的打印纸受潮了",
        "执法记录仪的充电线短了一截",
        "我们这里的派出所规定寄件要实名，你们发货要我提供什么",
        "我是律所的前台，麻烦下班后再打给我",
        "律所订的文件夹少了两包",
        "前年车被砸过报了警，所以才买了这个记录仪，现在开不了机",
        "上回报过案是丢了钱包，跟这次没关系，就是想问下怎么退货",
        "不打算起诉，只是想要一个合理的说法",
        "wo bu hui qu gao ni men, huan ge xin de jiu hao",
        "那天一群同学在我家打牌，拆开发现少了一副",
        "好多人在直播间下面评论，我顺手也买了",
        "社区团购我买了一箱橙子，有两个烂了",
    ],
)
def test_legal_and_group_words_in_other_senses_are_normal(text):
    assert reasons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "律师徽章钥匙扣的扣环松了，再不退我就找律师",
        "我是公司法务，你们这批货不合格，我们会起诉",
        "我们这里的派出所要求你们商家配合调查",
        "前年车被砸过报了警，所以才买了这个记录仪，结果它自己冒烟起火",
        "不打算起诉，只是想要一个合理的说法，不然我就去消协",
        "那天一群同学在我家打牌，吃了你们的零食全都拉肚子",
        "社区团购的橙子，团里的邻居们收到的都烂了",
    ],
)
def test_their_urgent_counterparts_stay_urgent(text):
    assert reasons(text) != []


def test_others_fine_in_cantonese_rule_out_a_group_for_the_head():
    assert "group" in ruled_out_by_message("帮几个同事代购咗，佢哋都话冇问题，只系我件有花痕")
    assert "group" not in ruled_out_by_message("帮几个同事代购咗，佢哋都话有问题，件件都有花痕")


def test_safety_gear_not_used_rules_out_injury_for_the_head():
    assert "injury" in ruled_out_by_message("灭火器的指针有点偏，还没用过")
    assert "injury" not in ruled_out_by_message("灭火器一按就漏粉，喷到眼睛好疼")

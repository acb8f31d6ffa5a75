"""Severity recall, fourth round (2026-11-30): the rule gaps closed by class after the fresh
bench/data/severity_dev8.yml (skin reddened all over, weeping or scabbed; too hot to hold;
sparks; stuck in a throat; someone sick over and over; a night of coughing; being told it is
actionable; evidence handed to the authorities; consumer TV programmes by name or title; the
customer's own audience told; the shop tagged in a post; the others of a shared order;
Cantonese dollars), and the near misses they must not catch.

The sentences are written for these tests (classes of dev8's misses, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity
from bot.triage.severity_amounts import stated_amounts

THRESHOLD = 2000.0


def judge(*texts):
    return assess_severity(list(texts), None, THRESHOLD)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("换了新的尿不湿，女儿大腿根红成一大片", "injury"),
        ("用了这个洗发水头皮一直渗液", "injury"),
        ("手背上结了一层痂，就是被那个卷发棒弄的", "injury"),
        ("保温杯装热水烫得握不住，杯套一点用都没有", "injury"),
        ("开关那里冒出火星，赶紧断了电", "injury"),
        ("果冻卡在孙子的喉咙里，拍了半天才吐出来", "injury"),
        ("吃了你们的辅食宝宝反复吐，精神很差", "injury"),
        ("香薰点了一晚，我老婆咳了一整晚", "injury"),
        ("躺椅突然散架，我妈腰现在还直不起来", "injury"),
        ("問過律師朋友，佢話完全可以告", "legal"),
        ("检测报告和照片我会一起提交给有关部门", "legal"),
        ("明天一早我去市场局反映", "legal"),
        ("这件事我已经投稿给《消费主张》了", "media"),
        ("我打算找焦点访谈的记者", "media"),
        ("今晚直播我要跟我的粉丝好好说说这家店", "media"),
        ("微博已经写好了 @你家 官方账号", "media"),
        ("跟我一起拼单的那些人都说是坏的", "group"),
        ("我哋成个群嘅人都话收唔到货", "group"),
    ],
)
def test_subtle_urgent_cases_are_read(text, reason):
    assert reason in judge(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        # 告诉, a shop's own department, an idiom, showing fans, praise of a show, Mars
        "你们可以告诉我大概什么时候发货吗",
        "客服说已经交给相关部门处理了",
        "快递员在门口东张西望的，也不敲门",
        "我是买来给粉丝看看这个包的上身效果",
        "我一直吐槽你们的包装，这次终于改了",
        "火星车模型少了一个轮子",
        # laughing until it hurts, hurt feelings, a judge as a friend
        "笑得我肚子疼，赠品居然是一包纸巾",
        "客服那句话让我心里好受伤",
        "这是送给法官朋友的礼物，麻烦包装好一点",
    ],
)
def test_near_misses_stay_normal(text):
    assert judge(text).severity == "normal"


def test_cantonese_dollars_are_money_and_mosquito_coils_are_not():
    assert stated_amounts("两万三千蚊嘅手机") == [23000.0]
    assert stated_amounts("三千几蚊买嘅") == [3000.0]
    assert stated_amounts("买了3000蚊香片") == []

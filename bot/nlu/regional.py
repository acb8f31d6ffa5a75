"""Cantonese and Taiwanese words to their mainland Mandarin equivalents, same length.

Why: OpenCC's t2s changes the script, not the words. A Hong Kong customer writes "冇收到"
(没收到), "退返啲錢俾我" (把钱退给我), "唔使" (不用), "整返好" (修好); a Taiwanese one "退費"
(退款), "出貨" (发货), "品質" (质量), "已讀不回". The training data, the answer checks of
`bot.intake.answers` and the severity and emotion lexicons are written in mainland Mandarin,
so these words would otherwise be unknown tokens to every one of them. `bot.nlu.normalize`
applies this after t2s, so everything downstream sees one vocabulary as it sees one script.

Every replacement has the length of what it replaces (offsets must stay valid) and is
chosen so that mainland Mandarin text is left alone: the Cantonese characters mapped on
their own (冇, 咗, 啲, 嘅, 佢, 哋 ...) are not used in Mandarin, and the ambiguous ones (唔,
係, 返, 仲, 话, 影, 整) are mapped only where the neighbouring character makes the Cantonese
reading certain.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Dict, Tuple

# Words, written in Simplified (the tables are converted with t2s once, so Traditional
# keys work too). Longer words first where they overlap (`_pattern` sorts by length).
_WORDS: Dict[str, str] = {
    # Cantonese
    "唔该": "谢谢",
    "唔使": "不用",
    "唔驶": "不用",
    "唔紧要": "没关系",
    "冇嘢": "没事",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "点样": "怎样",
    "点算": "怎办",
    "边个": "哪个",
    "边度": "哪里",
    "边间": "哪家",
    "呢个": "这个",
    "呢件": "这件",
    "呢单": "这单",
    "呢度": "这里",
    "呢排": "最近",
    "呢啲": "这些",
    "嗰度": "那里",
    "而家": "现在",
    "琴日": "昨天",
    "寻日": "昨天",
    "听日": "明天",
    "迟啲": "晚点",
    "等阵": "等下",
    "一阵间": "一会儿",
    "阵间": "待会",
    "系咪": "是不",
    "得唔得": "行不行",
    "影相": "拍照",
    "冇影": "没拍",
    "落单": "下单",
    "波鞋": "球鞋",
    "银包": "钱包",
    "雪柜": "冰箱",
    "搞掂": "搞定",
    "整返": "修好",
    "整好": "修好",
    "碌卡": "刷卡",
    # 執 is "pick (from the shelf)": 執錯 is the warehouse sending the wrong one, 執漏 leaving
    # one out ("你哋執錯碼俾我" fell to the fallback, docs/intent_dev.md, seventeenth split)
    "执错": "发错",
    "执漏": "漏发",
    "找数": "付款",
    # 啱啱 is "just now" (啱 alone is "right": "啱啱send咗相" was read as a yes); 細碼 is a
    # small size; 揀 is "choose" (挑拣 and 拣货 stay: only 揀咗 / 揀嘅 are read)
    # (docs/intent_dev.md, eighteenth split)
    "啱啱": "刚刚",
    "细码": "小码",
    "拣咗": "选了",
    "拣嘅": "选的",
    "保养期": "保修期",
    # tired customers and their mismatches (docs/intent_dev.md, nineteenth split): 色水 is
    # the colour (shade) of an item, 屋企 home, 補影 taking the photo later, 當值 on duty,
    # 入數 money reaching the account, 相入面 "in the photo", 著唔落 too small to put on
    "色水": "颜色",
    "屋企": "家里",
    "补影": "补拍",
    "当值": "值班",
    "入数": "到账",
    "相入面": "照片里",
    "著唔落": "穿不下",
    "着唔落": "穿不下",
    "唔郁": "不动",
    "电邮": "邮箱",
    # small talk (trial9): "你食咗飯未" is "你吃了饭没", 機械人 a robot, 老細 the boss;
    # 跳掣 is a tripped breaker ("一燒水就跳掣")
    "食咗": "吃了",
    "食饭": "吃饭",
    "咗未": "了没",
    "机械人": "机器人",
    "老细": "老板",
    "跳掣": "跳闸",
    # 花 is "scratched" after 少少/有啲 and in 花痕 ("個杯有少少花" was read as a wrong item: 少)
    "少少花": "一点划",
    "多多少少": "多多少少",  # Mandarin "more or less" ("多多少少花了点钱") stays
    "有啲花": "有点划",
    "花痕": "划痕",
    # 相 is a photo after 啲 ("同網上啲相差好遠": unlike the photos online)
    "啲相": "照片",
    # Taiwanese
    "退费": "退款",
    "客诉": "投诉",
    "出货": "发货",
    "讯息": "消息",
    "简讯": "短信",
    "影片": "视频",
    "帐号": "账号",
    "帐户": "账户",
    "点数": "积分",
    "快煮壶": "电水壶",
    "床包": "床单",
    "折价券": "优惠券",
    "已读不回": "看了不回",
    "有够": "真是",
    "超扯": "离谱",
    "很扯": "离谱",
}

# Cantonese characters with no Mandarin use of their own.
_CHARS: Dict[str, str] = {
    "冇": "没",
    "咗": "了",
    "啲": "些",
    "嘅": "的",
    "嘢": "物",
    "攞": "拿",
    "睇": "看",
    "佢": "他",
    "哋": "们",
    "喺": "在",
    "嚟": "来",
    "嗰": "那",
    "搵": "找",
    "諗": "想",
    "啱": "对",
    "畀": "给",
    "俾": "给",
    "乜": "啥",
    "咁": "这",
    "嘥": "浪",
    # 攰 is "tired" ("好攰", "真係攰"); 掟 "throw" (the courier threw the box); 撳 "press";
    # 褸 a coat (docs/intent_dev.md, nineteenth split)
    "攰": "累",
    "掟": "扔",
    "撳": "按",
    "褸": "衣",
}

# Ambiguous characters, mapped only in a Cantonese neighbourhood: (pattern, replacement).
_CONTEXTUAL: Tuple[Tuple[str, str], ...] = (
    # 唔 before a verb or adjective is "not"; alone ("唔，我想想") it is a hesitation; 唔同 is
    # "different" ("色水唔同", docs/intent_dev.md, nineteenth split)
    (r"唔(?=[是系好要得识知会想用够见准可明记对开满合收退换理覆回出到识投等买同])", "不"),
    # 返 after a verb is "back": 退返/寄返/换返 ("返现", "返厂" stay)
    (r"(?<=[退寄换补赔拿给还送交拎修])返", "回"),
    # 仲 is "still/also", except in 仲裁 (arbitration) and 仲夏
    (r"(?<![伯])仲(?![裁介夏春秋冬])", "还"),
    # 话 is "says" after a speaker ("主播话", "客服又话"); 电话, 话术, 话费 stay
    (r"(?<=[又都就仲还他她我你播家服员店主])话(?![费题筒术])", "说"),
    # 影 is "take a photo" before 咗/埋/相 ("影咗相"); 影响, 影片, 电影 and the Mandarin 没影了
    # ("vanished") stay
    (r"影(?=[咗了低埋晒相])", "拍"),
    # 埋 after a verb is "as well": 退埋貨退埋錢 is 也退货也退钱 (a remedy, read as a
    # complaint); 埋单 ("pay the bill"), 埋怨 and 掩埋 follow no such verb
    (r"([退寄换补赔给还送交拍])埋(?![单怨])", r"也\1"),
    # 錯咗 + the thing ("錯咗碼", "錯咗色") is "(you sent) the wrong size / colour": Mandarin
    # puts the thing first ("码错了") and a verb before 错了 ("发错了码", "写错了号"), so
    # 错了 followed by the thing with no verb before it is read 发错 (it read "错了", a bare
    # "wrong" = deny at the read-back; docs/intent_dev.md, eighteenth split)
    (r"(?<![发寄打讲说写填搞弄执拣选输记配装给拿买订下拍认看听算改])错了(?=[码色款尺颜型]|[sS][iI][zZ][eE])", "发错"),
    # 啡色 is brown, except inside 咖啡色 (which is brown already)
    (r"(?<!咖)啡色", "棕色"),
    # 嘈 is "argue, make a fuss" ("唔想再嘈"); 嘈杂 ("noisy") stays
    (r"嘈(?!杂)", "吵"),
    # words that also straddle two Mandarin words: 品质 but not the 商品|质量 of "商品质量",
    # 点解 ("why") but not 一点|解释, 成日 ("always") but not 完成|日期
    (r"品质(?!量)", "质量"),
    (r"点解(?![释决])", "为何"),
    (r"(?<!完)成日(?!期)", "总是"),
    # 喇 closing a clause is the Cantonese 了 ("唔退喇", "算數喇"); 喇叭, 喇嘛 stay (trial9)
    (r"(?<=[\u4e00-\u9fff])喇(?=$|[\s，。！？!?,.~～])", "了"),
)


@functools.cache
def _tables() -> Tuple[Dict[str, str], re.Pattern[str]]:
    """The word table with Simplified and Traditional keys, and its regex (longest first)."""
    from bot.nlu.normalize import to_simplified  # the converters are built lazily

    table: Dict[str, str] = {}
    for source, target in {**_WORDS, **_CHARS}.items():
        for key in {source, to_simplified(source)}:
            if len(key) == len(target):
                table[key] = target
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys)))


@functools.cache
def _contextual() -> Tuple[Tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), target) for pattern, target in _CONTEXTUAL)


def _copula(original: str) -> Callable[[re.Match[str]], str]:
    """Cantonese 係 ("is") as 是, but not the 係 of 關係/聯係 or 係數 ("relation", "factor")."""

    def replace(match: re.Match[str]) -> str:
        index = match.start()
        if original[index : index + 1] != "係":
            return match.group()
        before = original[index - 1 : index]
        after = original[index + 1 : index + 2]
        if (before and before in "關关聯联干維维") or (after and after in "數数統统列"):
            return match.group()
        return "是"

    return replace


def to_mainland(text: str, original: str = "") -> str:
    """`text` (already Simplified) with Cantonese and Taiwanese words in mainland Mandarin.

    `original` is the text before t2s, of the same length: 係 ("is") and 系 ("system",
    "relation") are one character after t2s, so only the original tells them apart.
    Same length as `text`, character for character.
    """
    if not text:
        return text
    table, pattern = _tables()
    result = pattern.sub(lambda match: table[match.group()], text)
    for contextual, target in _contextual():
        result = contextual.sub(target, result)
    if original and len(original) == len(result) and "係" in original:
        result = re.sub("系", _copula(original), result)
    return result

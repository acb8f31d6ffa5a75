"""Romanised Chinese (pinyin, pinyin initials, Cantonese romanisation) read as characters.

Why: customers without a Chinese IME at hand, or in a hurry, type "zhuan rengong",
"tuìkuǎn", "woyaotousu", "zrg" or the Cantonese "m goi". The intent features are character
n-grams of the message; "tuikuan" shares none with 退款, so however many Chinese examples
the data has for a request, its romanised form is an unknown string (intent_dev8: 0.77
macro-F1, most errors romanised). Reading such a run as the characters it stands for gives
it the features of the words the data already teaches.

Only a run of Latin words that is romanised Chinese through and through is converted: every
word of the run must split into entries of the lexicon below (domain words first, then single
syllables with their likeliest character in a complaint chat). English ("the cup arrived
broken", "human please") and mixed English and pinyin stay as typed, because a word such as
"the" or "please" is not in the lexicon; so do letters touching digits (the "DD" of an order
number "DD88231907") and single letters ("T恤").

The lexicon values are Simplified, mainland words, since the text is converted after
`bot.nlu.normalize` (Cantonese romanisation maps to the Mandarin it means: "m goi" ->
谢谢, "m sai" -> 不用). The result changes length, so it comes with the span of the original
text every character stands for; the tokenizer reports token offsets through it.
"""

from __future__ import annotations

import functools
import re
from typing import Dict, List, Optional, Sequence, Tuple

Span = Tuple[int, int]

# Romanised words (lower case, no tone marks, no spaces) -> the characters they stand for.
# Domain words of the complaint chat and the dialogue acts around it.
_WORDS: Dict[str, str] = {
    # greetings, thanks, goodbyes
    "nihao": "你好",
    "ninhao": "您好",
    "zaima": "在吗",
    "zaibuzai": "在不在",
    "youren": "有人",
    "zaoshanghao": "早上好",
    "xiexie": "谢谢",
    "xiexieni": "谢谢你",
    "duoxie": "多谢",
    "ganxie": "感谢",
    "xinku": "辛苦",
    "zaijian": "再见",
    "baibai": "拜拜",
    # complaining, handing off, cancelling
    "tousu": "投诉",
    "woyao": "我要",
    "fankui": "反馈",
    "fanying": "反映",
    "zhuan": "转",
    "rengong": "人工",
    "kefu": "客服",
    "zhenren": "真人",
    "jingli": "经理",
    "suanle": "算了",
    "quxiao": "取消",
    "chehui": "撤回",
    "buyong": "不用",
    "buyao": "不要",
    "buxuyao": "不需要",
    # answers
    "duide": "对的",
    "shide": "是的",
    "haode": "好的",
    "keyi": "可以",
    "meiwenti": "没问题",
    "meicuo": "没错",
    "queren": "确认",
    "tijiao": "提交",
    "bushi": "不是",
    "meiyou": "没有",
    "budui": "不对",
    # remedies
    "tuikuan": "退款",
    "tuihuo": "退货",
    "tuiqian": "退钱",
    "huanhuo": "换货",
    "bufa": "补发",
    "peichang": "赔偿",
    "buchang": "补偿",
    "weixiu": "维修",
    "shuofa": "说法",
    "jieshi": "解释",
    "daoqian": "道歉",
    "chajia": "差价",
    # what went wrong
    "zhiliang": "质量",
    "wuliu": "物流",
    "kuaidi": "快递",
    "baoguo": "包裹",
    "fahuo": "发货",
    "shouhuo": "收货",
    "qianshou": "签收",
    "shangpin": "商品",
    "dongxi": "东西",
    "wenti": "问题",
    "taidu": "态度",
    "shouhou": "售后",
    "youhuiquan": "优惠券",
    "zhekou": "折扣",
    "zengpin": "赠品",
    "zhubo": "主播",
    "zhibo": "直播",
    "zhanghao": "账号",
    "zhanghu": "账户",
    "denglu": "登录",
    "mima": "密码",
    "jifen": "积分",
    "yanse": "颜色",
    "chima": "尺码",
    "daxiao": "大小",
    "tupian": "图片",
    "zhaopian": "照片",
    "jietu": "截图",
    "shipin": "视频",
    "miaoshu": "描述",
    "buyiyang": "不一样",
    "jiahuo": "假货",
    "zhengpin": "正品",
    "shaofa": "少发",
    "loufa": "漏发",
    "facuo": "发错",
    "posun": "破损",
    "guoqi": "过期",
    "daozhang": "到账",
    "kouqian": "扣钱",
    "dingdan": "订单",
    "dingdanhao": "订单号",
    "danhao": "单号",
    "shoujihao": "手机号",
    "dianhua": "电话",
    "shouji": "手机",
    "diannao": "电脑",
    "yifu": "衣服",
    "xiezi": "鞋子",
    "beizi": "杯子",
    "erji": "耳机",
    "chongdian": "充电",
    "xingqi": "星期",
    "libai": "礼拜",
    "tianqi": "天气",
    "jiqiren": "机器人",
    "rengongzhineng": "人工智能",
    "zidong": "自动",
    "huifu": "回复",
    "jindu": "进度",
    "chuli": "处理",
    "jieguo": "结果",
    "gongdan": "工单",
    "shaohou": "稍后",
    "dengxia": "等下",
    "daihui": "待会",
    "yihui": "一会",
    "mingtian": "明天",
    "xianzai": "现在",
    "zenme": "怎么",
    "zenmeyang": "怎么样",
    "shenme": "什么",
    "weishenme": "为什么",
    "ruhe": "如何",
    "nali": "哪里",
    "zhege": "这个",
    "nage": "那个",
    "yijing": "已经",
    "haimei": "还没",
    "yizhi": "一直",
    "genben": "根本",
    "feichang": "非常",
    "tebie": "特别",
    "women": "我们",
    "nimen": "你们",
    "gengai": "更改",
    "gaicheng": "改成",
    "xiugai": "修改",
    "dacuo": "打错",
    "xiecuo": "写错",
    "shangchuan": "上传",
    "fenshu": "分数",
    "manyi": "满意",
    "yiban": "一般",
    # Cantonese romanisation (Jyutping and common spellings), as the Mandarin it means
    "mgoi": "谢谢",
    "ngoi": "谢谢",
    "mgoisai": "谢谢了",
    "mgoisaai": "谢谢了",
    "doze": "谢谢",
    "dojeh": "谢谢",
    "leihou": "你好",
    "neihou": "你好",
    "msai": "不用",
    "mhai": "不是",
    "nghai": "不是",
    "mou": "没",
    "moumanti": "没问题",
    "baibaai": "拜拜",
}

# Pinyin initials common in chat (zrg = zhuan ren gong). Only a whole word of a run is read
# as initials, never letters inside a longer word ("charger" is not 差 + rg + 二).
_INITIALS: Dict[str, str] = {
    "zrg": "转人工",
    "rg": "人工",
    "rgkf": "人工客服",
    "kf": "客服",
    "tk": "退款",
    "th": "退货",
    "wl": "物流",
    "ts": "投诉",
    "sh": "售后",
    "xx": "谢谢",
    "xxn": "谢谢你",
    "hd": "好的",
    "bgs": "不高兴",
    "bzd": "不知道",
}

# Single syllables, each with the character it most likely stands for in this chat. Only
# used inside a run that is romanised through and through (see the module docstring).
_SYLLABLES: Dict[str, str] = {
    "a": "啊",
    "ba": "吧",
    "bao": "包",
    "bei": "被",
    "bu": "不",
    "cha": "差",
    "chang": "长",
    "cheng": "成",
    "chong": "充",
    "cuo": "错",
    "da": "大",
    "dai": "带",
    "dan": "单",
    "dao": "到",
    "de": "的",
    "deng": "等",
    "dian": "电",
    "ding": "订",
    "dong": "动",
    "dou": "都",
    "dui": "对",
    "duo": "多",
    "en": "嗯",
    "er": "二",
    "fa": "发",
    "fan": "返",
    "fen": "分",
    "gai": "改",
    "gao": "搞",
    "ge": "个",
    "gei": "给",
    "gen": "跟",
    "guo": "过",
    "hai": "还",
    "hao": "好",
    "hen": "很",
    "hui": "回",
    "huai": "坏",
    "huan": "换",
    "huo": "货",
    "ji": "机",
    "jia": "假",
    "jian": "件",
    "jiu": "就",
    "jin": "进",
    "kai": "开",
    "kan": "看",
    "kuai": "快",
    "kuan": "款",
    "la": "啦",
    "lai": "来",
    "le": "了",
    "li": "里",
    "liang": "两",
    "liao": "了",
    "lou": "漏",
    "ma": "吗",
    "mai": "买",
    "man": "慢",
    "mei": "没",
    "mian": "面",
    "na": "那",
    "ne": "呢",
    "ni": "你",
    "nin": "您",
    "o": "哦",
    "ou": "哦",
    "po": "破",
    "qi": "起",
    "qian": "钱",
    "ren": "人",
    "san": "三",
    "shang": "上",
    "shao": "少",
    "shi": "是",
    "shou": "收",
    "shuo": "说",
    "song": "送",
    "sui": "碎",
    "ta": "他",
    "tai": "太",
    "tian": "天",
    "tu": "图",
    "tui": "退",
    "wan": "晚",
    "wen": "问",
    "wo": "我",
    "wu": "五",
    "xia": "下",
    "xian": "先",
    "xiang": "想",
    "xie": "写",
    "xing": "行",
    "yang": "样",
    "yao": "要",
    "ye": "也",
    "yi": "一",
    "yong": "用",
    "you": "有",
    "zai": "在",
    "zao": "早",
    "zhe": "这",
    "zhen": "真",
    "zhi": "只",
    "zou": "走",
}

# Tone-marked vowels (and ü) to the bare letters typed without an IME.
_TONES = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)
_LETTERS = "A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# A run of Latin words separated by single spaces, touching neither a digit nor a letter, nor
# the characters of an address or id ("li.ming@163.com", "mei_2019", "a/b"): those stay.
_RUN = re.compile(
    rf"(?<![0-9{_LETTERS}@_/\\:.])[{_LETTERS}]+(?: [{_LETTERS}]+)*"
    rf"(?![0-9{_LETTERS}@_/\\:]|\.[0-9A-Za-z])"
)
# Longer runs (a pasted English text, a row of letters) are not read: nobody types that much
# pinyin in a chat message, and the split is not worth its time on them.
_MAX_RUN = 120
_ANY_LETTER = re.compile(f"[{_LETTERS}]")


@functools.cache
def _lexicon() -> Dict[str, str]:
    """Words and syllables in one table (words win where a key is both)."""
    return {**_SYLLABLES, **_WORDS}


@functools.cache
def _readings() -> Dict[str, str]:
    """Every key a split may contain, initials included, with its characters."""
    return {**_lexicon(), **_INITIALS}


@functools.cache
def _longest() -> int:
    """The length of the longest lexicon key: no piece of a split is longer."""
    return max(map(len, _lexicon()))


def _whole_words(run: str) -> Dict[int, int]:
    """Start -> end of every space-separated word of `run`, in letters (spaces not counted)."""
    words: Dict[int, int] = {}
    position = 0
    for word in run.split(" "):
        words[position] = position + len(word)
        position += len(word)
    return words


def _split(word: str, whole_words: Dict[int, int]) -> Optional[List[str]]:
    """The fewest lexicon entries that spell `word` exactly, or None when there are none.

    Fewest pieces prefers the domain words ("tuikuan" 退款, not 退 + 款) and, between two
    syllable readings, the one with longer syllables ("xian" 先, not "xi an"). Initials are
    a piece only where they are a whole typed word (`whole_words`: start -> end). Forward
    from the positions reached so far, with back-pointers: linear in the length of `word`.
    """
    if len(word) > _MAX_RUN:
        return None
    lexicon = _lexicon()
    longest = _longest()
    count: List[Optional[int]] = [None] * (len(word) + 1)
    back = [0] * (len(word) + 1)
    count[0] = 0
    for start in range(len(word)):
        pieces = count[start]
        if pieces is None:
            continue
        for end in range(start + 1, min(len(word), start + longest) + 1):
            known = count[end]
            if known is not None and pieces + 1 >= known:
                continue
            piece = word[start:end]
            if piece in lexicon or (piece in _INITIALS and whole_words.get(start) == end):
                count[end], back[end] = pieces + 1, start
    if count[len(word)] is None:
        return None
    split: List[str] = []
    end = len(word)
    while end:
        split.append(word[back[end] : end])
        end = back[end]
    return split[::-1]


def _convert_run(run: str, offset: int) -> Optional[Tuple[str, List[Span]]]:
    """The characters of a romanised run and their original spans; None if not romanised.

    The run's spaces are dropped before splitting ("zhuan rengong" is 转人工, "m goi" 谢谢),
    so a word may be spelled across them; every letter must belong to a lexicon entry.
    """
    if len(run) > 2 * _MAX_RUN:
        return None
    letters = [(index, char) for index, char in enumerate(run) if char != " "]
    word = "".join(char for _, char in letters).lower().translate(_TONES)
    if len(word) != len(letters):  # a character the tone table would not keep one-for-one
        return None
    pieces = _split(word, _whole_words(run.lower().translate(_TONES)))
    if pieces is None:
        return None
    readings = _readings()
    text: List[str] = []
    spans: List[Span] = []
    position = 0
    for piece in pieces:
        first, last = letters[position][0], letters[position + len(piece) - 1][0]
        span = (offset + first, offset + last + 1)
        for char in readings[piece]:
            text.append(char)
            spans.append(span)
        position += len(piece)
    return "".join(text), spans


def _convert_mostly(run: str, offset: int) -> Optional[Tuple[str, List[Span]]]:
    """A run of four or more words, at least three quarters of them romanised, word by word.

    A pinyin sentence with one word the lexicon lacks ("fa cuo huo le wo yao de shi hongse")
    would otherwise stay Latin entirely; its words that are romanised on their own are read,
    the others kept as typed. English rarely has three quarters of its words spell pinyin
    ("sing a song" has two of three).
    """
    if len(run) > 2 * _MAX_RUN:
        return None
    words: List[Tuple[int, str]] = []
    position = 0
    for word in run.split(" "):
        words.append((position, word))
        position += len(word) + 1
    if len(words) < 4:
        return None
    read = [_convert_run(word, offset + start) for start, word in words]
    if 4 * sum(r is not None for r in read) < 3 * len(words):
        return None
    text: List[str] = []
    spans: List[Span] = []
    previous_read = False
    for (start, word), converted in zip(words, read, strict=True):
        if text and not (previous_read and converted is not None):
            text.append(" ")
            spans.append((offset + start - 1, offset + start))
        if converted is None:
            text.append(word)
            spans.extend((offset + start + i, offset + start + i + 1) for i in range(len(word)))
        else:
            text.append(converted[0])
            spans.extend(converted[1])
        previous_read = converted is not None
    return "".join(text), spans


def romanised_to_hanzi(text: str) -> Tuple[str, Optional[List[Span]]]:
    """`text` with its romanised Chinese runs as characters, and each character's span.

    `spans[i]` is the `(start, end)` of `text` that character `i` of the result stands for:
    `(j, j + 1)` for a character kept as it is, the whole romanised word for a converted one.
    A text without a romanised run comes back unchanged with `spans` None (every character
    stands for itself), the common case, which costs one regex search.
    """
    if _ANY_LETTER.search(text) is None:
        return text, None
    pieces: List[str] = []
    spans: List[Span] = []
    last = 0
    for match in _RUN.finditer(text):
        converted = _convert_run(match.group(), match.start()) or _convert_mostly(
            match.group(), match.start()
        )
        if converted is None:
            continue
        pieces.append(text[last : match.start()])
        spans.extend((index, index + 1) for index in range(last, match.start()))
        pieces.append(converted[0])
        spans.extend(converted[1])
        last = match.end()
    if not pieces:
        return text, None
    pieces.append(text[last:])
    spans.extend((index, index + 1) for index in range(last, len(text)))
    return "".join(pieces), spans


def original_span(spans: Optional[Sequence[Span]], start: int, end: int) -> Span:
    """The span of the original text that characters `start:end` of the result stand for."""
    if spans is None:
        return start, end
    return spans[start][0], spans[end - 1][1]

"""The customer's emotion (`calm` / `upset` / `angry`) from their messages.

Angry customers get an apology and empathy before any question, so the rule leans towards
noticing anger: insults and swearing, threats (12315, a lawyer, exposure), angry emoji, or
runs of three or more !/? make a customer angry; disappointment, frustration and impatience make them upset; anything else
is calm. Matching is on the normalised text (see `bot.triage.lexicon`), so "氣死" and
full-width "！！！" count like "气死" and "!!!".

Words with a harmless second sense are excluded by longer phrases: 垃圾袋 (a product),
滚筒/滚水, 麻烦 (the polite "please"), 我妈的 ("送我妈的礼物" is no curse), 个屁股,
靠北边 (beside the north side); "破" is only counted in insults (破东西, 什么破), never alone,
because "杯子破了" is a description, not anger.

Dialect curses (Cantonese on9 仆街 痴线 收皮 顶你个肺, Taiwanese 靠北 靠腰 北七) and the
scoffing "个屁/屁用" are listed outright: each is unambiguous, rare in any one training file,
and a few such characters in a longer reply are outweighed by its other n-grams in the head.

The lexicon is the high-precision half. The learned head (`bot.nlu.emotion_classifier`, its
verdict in the parse data as `complaint_triage.emotion`) notices what no word list covers
(impatience, sarcasm, "…", 🙄); `combine_emotion` lifts the lexicon's verdict with it and
`detect_emotion_in_messages` takes the strongest over a conversation (docs/emotion.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple

from bot.nlu.normalize import normalize
from bot.triage.emotion_sarcasm import sarcasm_cues
from bot.triage.lexicon import Lexicon, words

Emotion = Literal["calm", "upset", "angry"]

_ANGRY = words(
    """
    垃圾 骗子 骗人 骗钱 坑人 坑爹 坑钱 黑店 黑心 奸商 无耻 不要脸 气死 气炸 气疯 火大 暴怒 愤怒
    滚 什么玩意 什么东西 破东西 破玩意 什么破 破烂 破店 烂透 烂东西 太扯 扯淡 很夸张 欺负人 好欺负
    忍无可忍 太过分 去死 妈的 他妈 tmd 尼玛 卧槽 我靠 傻逼 sb 操你 草泥马 割韭菜
    生气 气人 恼火 发火 诈骗 欺骗 太坑 坑了 受够了
    12315 去消协 找消协 告到消协 消协投诉 投诉到消协 找律师 请律师 律师函 起诉你们 告你们 上法院
    曝光你们 找媒体 找记者 发微博曝光 挂到网上 发到网上曝光
    😡 🤬 💢 👿 😠 😤 🖕
    糊弄 唬弄 忽悠 搪塞 耍我 耍人 当猴耍 拿我开涮 逗我呢 当我傻 当我是傻子 当傻子 水鱼
    呃人 呃钱 推卸责任 装傻 好棒棒 到底想怎样 到底想怎么样
    消委会 消保会 消基会 好嬲 激嬲 嬲死 劲嬲 嬲爆 黑猫投诉 给差评 写差评 打差评 刷差评 打一星 给一星
    wtf scam scammer fraud bullshit fuck unacceptable
    个屁 屁用 屁事 眼瞎 人工智障 on9 仆街 痴线 收皮 顶你个肺 你老味 靠北 靠腰 北七
    给负评 打负评 留负评 写负评 评评理 虚假宣传 欺骗消费者 装聋作哑 把人当什么 把顾客当什么
    把消费者当什么 倒要看看 看你们能拖 这就是你们的服务 这就是你们的售后 这就是你们的态度
    有没有在听 那套话术 模板话术 复制粘贴 各种理由 不认账 不认人
    有冇搞错 顶你 玩我 耐心是有限 耐心有限 算不算数 不作数 说话不算数 有没有在看 反正你们也不
    """
)
# Fright (吓死我了, 好可怕: goods that smoked or sparked) is upset too (hand trial 2026-12-04).
# Weariness and resignation (好累, 折腾, 不想再吵, Cantonese 攰 read 累 by bot.nlu.regional) are
# upset: the hurt is the customer's own, aimed at no one (angry needs hostility), and the SOPs
# want it soothed before any question (calm gets no empathy). docs/emotion.md, nlu19.
_UPSET = words(
    """
    失望 无语 郁闷 怎么回事 还没 到底 难受 崩溃 心累 烦 服了 无奈 搞什么 什么情况 怎么搞的
    太慢 不满 差评 不开心 伤心 糟心 离谱 醉了 唉 哎 说好的 多少次 几次了 为什么 凭什么 敷衍
    推来推去 扯皮 恶心 过分 不靠谱 一直没 等了好久 等了半天 受不了 头疼 闹心 晕
    差劲 太差 真是够了 靠谱点 急死 着急 委屈 寒心 心寒 担心 好慌 睡不着 没睡好
    难过 心急 急得 失落 心慌 怕收不到 怕来不及 怕赶不上
    吓死 吓坏 吓到 吓得 吓一跳 吓了一跳 好可怕 太可怕 后怕 害怕
    认栽 自认倒霉 打水漂 白花了 心疼 求求 认命 白等 白跑
    好累 很累 累了 太累 真累 累死 累到 折腾 没力气 不想吵 不想再吵 懒得吵 没脾气 撑不住
    疲惫 疲倦 心力交瘁 攰 冇力 没力
    😭 😢 😞 🙄 😒 😔 💔 😩 😫 😣 😖 🤦 😓 🤮 🥲 😥 😟 😰 😿
    disappointed disappointing frustrated frustrating annoyed annoying
    """
)
_EXCLUSIONS = words(
    """
    垃圾袋 垃圾桶 垃圾篓 垃圾分类 垃圾处理 垃圾短信 垃圾邮件
    滚筒 滚轮 滚动 滚珠 滚烫 滚水 翻滚 滚刷 滚梳 滚边 滚针 滚雪球
    麻烦 不厌其烦 晕车 晕船 头晕 不生气 别生气
    妈妈的 姨妈的 舅妈的 姑妈的 大妈的 干妈的
    不给差评 不想给差评 不会给差评 不写差评 不想写差评 不打差评 不想打差评
    不用担心 别担心 不担心 不难过 别难过 不给负评 不会给负评 不想给负评
    我妈的 老妈的 咱妈的 俺妈的 屁股 靠北边 靠北面 靠北侧 靠腰部 北七家
    玩我的 不心疼 别心疼
    还没拍 还没截 还没录 还没来得及 还没空
    积累了 不累
    """
)
# Three or more !/? in a row (after normalisation) is shouting; two is exasperation.
_SHOUTING = re.compile(r"[!?]{3,}")
_EXASPERATED = re.compile(r"(?<![!?])[!?]{2}(?![!?])")


@functools.cache
def emotion_lexicon() -> Lexicon:
    """The emotion lexicon (compiled on first match)."""
    return Lexicon({"angry": _ANGRY, "upset": _UPSET}, exclusions=_EXCLUSIONS)


@dataclass(frozen=True)
class EmotionResult:
    """The emotion, a confidence, and the cues that decided it (strongest first)."""

    emotion: Emotion
    confidence: float
    cues: List[str] = field(default_factory=list)


def detect_emotion(texts: Sequence[str]) -> EmotionResult:
    """The strongest emotion over all the customer's messages.

    Confidence grows with the number of distinct cues of the winning level (one insult is
    fairly sure, three are surer); calm has a fixed, lower confidence because it rests on
    the absence of cues.
    """
    texts = [text for text in texts if text]
    cues: Dict[str, List[str]] = emotion_lexicon().find(texts)
    for text in texts:
        normalized = normalize(text, mainland=False)
        for level, regex in (("angry", _SHOUTING), ("upset", _EXASPERATED)):
            for run in regex.findall(normalized):
                found = cues.setdefault(level, [])
                if run not in found:
                    found.append(run)
    if sarcasm := sarcasm_cues(texts):
        cues.setdefault("angry", []).extend(sarcasm)
    angry, upset = cues.get("angry", []), cues.get("upset", [])
    if angry:
        return EmotionResult("angry", round(min(0.95, 0.65 + 0.1 * len(angry)), 2), angry + upset)
    if upset:
        return EmotionResult("upset", round(min(0.9, 0.6 + 0.1 * len(upset)), 2), upset)
    return EmotionResult("calm", 0.6, [])


# ----------------------------------------------------------------- lexicon + learned head

# The learned head (bot.nlu.emotion_classifier, `complaint_triage.emotion` in the parse data)
# lifts the lexicon's verdict, never lowers it: angry when P(angry) reaches the first
# threshold, at least upset when P(upset) + P(angry) reaches the second. Chosen by 5-fold
# cross-validation on data/emotion/train.yml, never on the dev split (docs/emotion.md).
LEARNED_ANGRY_THRESHOLD = 0.4
LEARNED_UPSET_THRESHOLD = 0.6

_RANK = {"calm": 0, "upset": 1, "angry": 2}


_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _mostly_latin(text: str) -> bool:
    """More Latin letters than Chinese characters: outside what the head was trained on.

    The head's data is Chinese, and its few English lines are curses ("WTF", "BULLSHIT"), so
    it read "hi, the jacket arrived with a broken zipper … I want an exchange" as angry (hand
    trial, 2026-12-01). Such a message is judged by the lexicon alone.
    """
    return len(_LATIN.findall(text)) > 2 * len(_CJK.findall(text))


def learned_emotion(parse_data: Optional[Mapping[str, Any]]) -> Optional[Dict[str, float]]:
    """The learned head's probabilities from a message's parse data, if it ran.

    Reads `complaint_triage.emotion.ranking` ([{"code", "confidence"}, ...]); None when the
    model has no emotion head or the message had no known character n-gram.
    """
    if _mostly_latin(str((parse_data or {}).get("text") or "")):
        return None
    triage = (parse_data or {}).get("complaint_triage")
    block = triage.get("emotion") if isinstance(triage, Mapping) else None
    ranking = block.get("ranking") if isinstance(block, Mapping) else None
    if not isinstance(ranking, list):
        return None
    probabilities: Dict[str, float] = {}
    for item in ranking:
        if not isinstance(item, Mapping) or item.get("code") not in _RANK:
            continue
        value = item.get("confidence")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            probabilities[str(item["code"])] = float(value)
    return probabilities or None


# A message of at most this many characters (spaces aside) carries too few n-grams for the
# head to be sure of: "好", "好啊", "没了" at P(upset) 0.6-0.7 are the class priors of the
# training file, not a feeling (emotion_dev3/dev4's terse answers). Such a message is lifted to
# upset by the head only at this higher threshold; the lexicon and the angry threshold stand.
SHORT_MESSAGE_CHARS = 2
SHORT_UPSET_THRESHOLD = 0.75


def _short(text: str) -> bool:
    """At most SHORT_MESSAGE_CHARS characters once normalised, spaces left out."""
    return 0 < len("".join(normalize(text).split())) <= SHORT_MESSAGE_CHARS


def combine_emotion(
    lexicon: EmotionResult,
    learned: Optional[Mapping[str, float]],
    angry_threshold: float = LEARNED_ANGRY_THRESHOLD,
    upset_threshold: float = LEARNED_UPSET_THRESHOLD,
    text: str = "",
) -> EmotionResult:
    """The lexicon's verdict, lifted by the learned head's probabilities when it is sure.

    Lexicon anger is kept as is (high precision: insults, angry emoji, "!!!"). Otherwise the
    head may make the message angry (P(angry) >= `angry_threshold`) or upset (P(upset) +
    P(angry) >= `upset_threshold`, or SHORT_UPSET_THRESHOLD when `text`, the message, is one
    or two characters); it never turns a lexicon cue back into calm.
    """
    if not learned:
        return lexicon
    p_angry, p_upset = learned.get("angry", 0.0), learned.get("upset", 0.0)
    if lexicon.emotion == "angry":
        return EmotionResult("angry", round(max(lexicon.confidence, p_angry), 2), lexicon.cues)
    if p_angry >= angry_threshold:
        return EmotionResult("angry", round(p_angry, 2), lexicon.cues)
    if lexicon.emotion == "upset":
        return EmotionResult("upset", round(max(lexicon.confidence, p_upset), 2), lexicon.cues)
    if _short(text):
        upset_threshold = max(upset_threshold, SHORT_UPSET_THRESHOLD)
    if p_upset + p_angry >= upset_threshold:
        return EmotionResult("upset", round(p_upset + p_angry, 2), lexicon.cues)
    return EmotionResult("calm", round(max(0.6, learned.get("calm", 0.0)), 2), [])


# After an angry or upset turn, a message of nothing but a sneer (呵呵, the 微笑 🙂 and its
# kin) is passive-aggressive: it reads angry by what came before, while alone ("🙂" after a
# calm turn) it is friendly. Punctuation and spaces around it do not matter.
_SNEER_ONLY = re.compile(r"^(?:[呵嗬]{2,}|[🙂🙃😅😊]+)[\s.。,，!！?？~～…]*$")
# After an angry turn, a short question that the customer is asked *again* ("又要照片？",
# "还要等？") keeps the anger: alone it is impatience (upset), after anger it is more of it.
_AGAIN_QUESTION = re.compile(r"^[^?？]{0,6}[又还][^?？]{0,6}[?？]+$")
# After an angry turn, a reply that opens with 呵呵 is the same sneer with words after it.
_SNEER_LEAD = re.compile(r"^[呵嗬]{2,}")
# A reply of nothing but punctuation ("。。。", "？？？！", "…") says no new words: after an
# upset or angry turn it is the same feeling held (speechless, exasperated), not a calm answer
# (emotion_dev5's turns; the head read "。。。" after anger as calm).
_PUNCTUATION_ONLY = re.compile(r"^[\s.。,，!！?？~～…、·]+$")


def emotion_after(previous: Optional[str], text: str, current: EmotionResult) -> EmotionResult:
    """One message's emotion judged after the previous message's (`previous`).

    A plain answer stays what it is on its own — "好的", an order number or "换货吧" after an
    angry opening is calm (the ticket keeps the opening's anger through that message, and the
    customer hears no new apology); only a bare sneer, or after anger a short "又要…？", takes
    its feeling from the turn before (and, after anger, a reply opening with 呵呵), and so does
    a reply of punctuation alone ("。。。" after anger is anger held, not a calm answer).
    """
    stripped = normalize(text or "").strip()
    if current.emotion == "angry" or previous not in ("upset", "angry") or not stripped:
        return current
    if _SNEER_ONLY.match(stripped):
        return EmotionResult("angry", max(current.confidence, 0.6), current.cues + [stripped])
    if _PUNCTUATION_ONLY.match(stripped) and current.emotion == "calm":
        held: Emotion = "angry" if previous == "angry" else "upset"
        return EmotionResult(held, max(current.confidence, 0.6), current.cues + [stripped])
    if previous == "angry" and (
        _SNEER_LEAD.match(stripped)
        or current.emotion == "upset"
        and _AGAIN_QUESTION.match(stripped)
    ):
        return EmotionResult("angry", current.confidence, current.cues)
    return current


def detect_emotion_in_messages(
    messages: Sequence[Tuple[str, Optional[Mapping[str, Any]]]],
    previous: Optional[str] = None,
) -> EmotionResult:
    """The strongest emotion over (text, parse data) pairs, lexicon and learned head combined.

    Each message is judged on its own (the lexicon on its text, the head from its parse
    data), then after the message before it (`emotion_after`; `previous` is the emotion known
    before the first, e.g. a filed ticket's); the conversation takes the most intense
    verdict, the surest one on ties.
    """
    best = EmotionResult("calm", 0.6, [])
    for text, parse_data in messages:
        if not text:
            continue
        result = combine_emotion(detect_emotion([text]), learned_emotion(parse_data), text=text)
        result = emotion_after(previous, text, result)
        previous = result.emotion
        if (_RANK[result.emotion], result.confidence) > (_RANK[best.emotion], best.confidence):
            best = result
    return best

"""A remedy answered with words that tell nothing more of the problem.

Why (dialogues_dev21, trial10): asked how they would like it handled, customers answer with
the remedy and a few words more: thanks ("麻烦补寄一瓶 谢谢你们喔", Cantonese "换对新嘅啦 唔该晒
辛苦你"), why they want it ("退货退款 这种东西我不敢再用了", "直接退款吧 真的等不起了", "换货吧
我也不想再折腾了") or urging. The whole answer went into the ticket's description ("明白，这些
我都记下了"), so the agent read "退货退款 这种东西我不敢再用了" as part of what went wrong.
Such an answer is the remedy and nothing else. Anything beyond these phrases (a new fact,
"换货 另外盖子也裂了"; a second wish, "退款 还要赔偿"; a question, "退货运费谁出") still goes
into the description. On the normalised text (Simplified, Cantonese read as Mandarin).
"""

from __future__ import annotations

import re

from bot.intake.remedy_answers import (
    COLOURS,
    says_nothing_beside_a_remedy,
    words_beside_remedies,
)

_PARTICLES = r"(了|啦|喇|喔|哦|啊|呀|哈|晒|吧|呢|嘛|哟)*"
# thanks and politeness
_POLITE = r"(谢谢|多谢|感谢|谢了|劳驾|拜托|辛苦|麻烦)(你们|您们|你|您|亲)?(了)?" + _PARTICLES
# urging
_URGING = (
    r"(请|麻烦)?(尽快|赶紧|赶快|快点|快些|早点|抓紧|马上)(处理|安排|弄|办|解决)?(一下)?"
    + _PARTICLES
)
# weariness: the customer does not want to wait, go back and forth or use the goods again
_WEARY = (
    r"(我)?(也|真的|实在|真|是)?(不想|不愿意|不愿|懒得|没空|没时间|没精力|没心情)(再)?"
    r"(折腾|等|跑|弄|搞|来回|退来退去|换来换去|修来修去|沟通|扯皮)(下去)?" + _PARTICLES
)
_WONT_USE = (
    r"(这种|这个|这样的|这|你们的|你们家的)?(东西|质量|产品|货|牌子|品牌)?(我)?"
    r"(真的|实在|是|也)?(不敢|不想|不会|再也不|不会再|不想再)(再)?(用|买|穿|吃|喝|碰)" + _PARTICLES
)
_CANT_WAIT = r"(真的|实在|我)?(等不起|等不及|等不了|没法等|不能再等|不想等|不等)" + _PARTICLES
# which one is wanted instead ("换返件黑色嘅", "换个42码的")
_WHICH = rf"(一)?(个|件|双|条|对|只)?(({COLOURS})(色)?|[0-9a-z]{{1,3}}(码|号)|[大小](一)?(码|号))(的)?"
# how many of the goods ("补寄一瓶", "换两个新的")
_HOW_MANY = r"(一|两|二|几|[1-9])(个|件|瓶|盒|支|只|条|套|包|双|份|台|部|对|副|把)(新的)?|新的"
_FED_UP = (
    r"(太|真|好|真的|实在)(麻烦|折腾|失望|累|无语|闹心)" + _PARTICLES + r"|心累|受够了|算了|唉|哎"
)

_NO_FACT = re.compile(
    "|".join(
        f"(?:{p})" for p in (_POLITE, _URGING, _WEARY, _WONT_USE, _CANT_WAIT, _FED_UP, _WHICH, _HOW_MANY)
    )
)


def remedy_with_no_fact(text: str) -> bool:
    """Whether the answer names a remedy and, beside it, only thanks, urges or says why."""
    rest = words_beside_remedies(text)
    if rest is None:
        return False
    return says_nothing_beside_a_remedy(_NO_FACT.sub(" ", rest))

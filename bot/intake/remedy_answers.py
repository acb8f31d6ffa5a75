"""What a customer's free-text answer says about the remedy they want.

Remedies named in so many words ("退货退款", "补发", "俾返錢我"), asked for or only mentioned
("退款一直没到账" is a fact, "我希望能退款" a wish), taken back, changed ("还是退款吧") or
added to ("退货退款 还要赔偿"), and the remedy question's quick replies typed as text. Like
`bot.intake.answers`, on the normalised text and only where a question gives the answer its
meaning.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from bot.intake.answers import (
    asks_about_process,
    compact,
    declines_call,
    evidence_coming,
    has_no_evidence,
    label_parts,
    plain_answer,
    triage_first,
)
from bot.nlu.normalize import normalize

_OTHER_REMEDY = re.compile(r"^(其他|其它|别的|都不是|别的方式|其他方式|其他的|其它的)$")


def remedy_named(text: str, labels: Mapping[str, str]) -> Optional[str]:
    """The remedy whose label (a quick reply's title) is the whole answer.

    "其他/别的" is `other`.
    """
    plain = compact(text)
    if _OTHER_REMEDY.match(plain):
        return "other"
    for code, label in labels.items():
        if plain and plain in label_parts(label):
            return code
    return None


# Asked "how would you like this handled?", the customer is naming a remedy: the triage
# classifier's best remedy other than "none" is taken at this lower confidence.
IN_CONTEXT_REMEDY_CONFIDENCE = 0.3


def remedy_in_context(triage: Any, minimum: float = IN_CONTEXT_REMEDY_CONFIDENCE) -> Optional[str]:
    """The best remedy the triage ranked (ignoring "none"), if it reaches `minimum`.

    Why: out of context "能给我弄个新的吗" may be small talk or a description, so the NLU only
    emits a remedy entity when it is sure; as the answer to the remedy question it is one.
    """
    return triage_first(triage, "remedy", minimum)


# Colours a customer names for the item wanted instead ("换雾蓝的", "重新发个黑的").
COLOURS = "黑|白|红|蓝|绿|黄|灰|粉|紫|棕|咖啡|米|金|银|酒红|藏青"
_COLOURS = COLOURS

# Remedies named in so many words. Order matters where one name contains another:
# "退货退款" before "退款", "退差价" before "退款/退".
_REMEDY_WORDS = (
    # 退活/换活: the pinyin input method's homophone of 货, a common slip; so are 宽 for 款
    # ("退宽") and 陪 for 赔 ("陪偿")
    # the goods sent back ("东西退了 钱退我", "七天无理由退"), not for repair ("寄回去修")
    (
        "return_refund",
        r"退[货活]退[款宽]|退货|退活|退(个|一下|下)[货活]|退掉|退回去|寄回去(?![^ ]{0,3}修)|退了吧|无理由退|"
        r"(东西|货|商品)(我)?退(回去|回|掉|了)?|"
        # asked whether the goods can go back, set against an exchange ("能退吗? 不能就换"):
        # 退 against 换 is 退货 against 换货. Alone ("穿过的还能退吗") it stays the
        # classifier's (dialogues_dev7 q020 says refund), and "能退款吗" is a refund.
        r"((能|可以)退(吗|嘛|么|不)|(能不能|可不可以)退(?![款宽钱]))(?=[^换]{0,8}换)|"
        # the same question as a clause of its own ("能退吗？", "…还没到 能退吗"): the
        # customer's way of asking to give the order up; the order's delivery then settles
        # whether anything goes back (`bot.intake.money_back`). Not "穿过的还能退吗", which
        # asks whether worn goods still may go back.
        r"(?<![^ ])(那|那我|我|这个|这)?(能|可以|能不能|可不可以)退(吗|嘛|么|不)?(?= |$)|"
        # 退 set against a refused exchange ("不要换 就要退", "不换了 直接退")
        r"(不要|不想|不用|别|不)换(货|了|新的)? ?(就|直接)?(要)?退(?![货活款宽钱])"
        # ...not a sum asked back ("不用换了 退我50块就行": part of the price, compensation)
        r"(?!(给|回)?(我)?([0-9]{1,5}|[一两二三四五六七八九十百几半]+(块|元|蚊)))|"
        # the goods to be fetched ("机器你们拉走", "东西你们收回去", "你们自己来拉走")
        r"(你们|你)(自己)?(来)?(拉|收|拿|取)(走|回去)|"
        # the goods sent back to the shop (Cantonese "個壺我寄返俾你哋" → 寄回给你们), not for repair
        r"(寄|退|送)(回|还)给(你们|你|商家|店家|卖家)(?![^ ]{0,3}修)|"
        # a bare 退 as a clause of its own ("退", "退吧"): the goods go back (dev13/dev16 label
        # it 退货退款 with the goods in hand; the remedy head was a coin flip with 仅退款,
        # dialogues_dev13 n048); a parcel that never came is settled to 仅退款 by
        # `bot.intake.money_back`
        r"(?<![^ ])退(吧|呗|啦|了吧)?(?![^ ])|"
        # the same bare 退 as a change of mind ("还是退吧 换了估计也一样", "那就退吧"), as
        # "还是换吧" is an exchange (dialogues_dev19 v012: the exchange was kept)
        r"(还是|那就|那还是)退(吧|呗|啦|了吧)?(?=$| )",
    ),
    (
        "compensation",
        # money made good, with what follows ("赔点钱给我", Cantonese 補返啲錢俾我): not
        # money back, which "钱给我" alone would read
        # the difference paid back to the customer ("差价退我", "差价返给我"): a whole order
        r"差价(退|还|补|返)(回)?(给)?我|"
        # a sum made good ("那50块补给我", "三十元赔给我"): compensation, not a piece reshipped
        r"([0-9]+|[一两二三四五六七八九十百几]+)(块|元|蚊)(钱)?(补|赔|返)(回)?(给)?我|退差价|补差价|差价|"
        # a bare sum made good ("把那50补给我"): a count of pieces would have its measure word
        r"(?<![0-9])[0-9]{1,5}(补|赔|返)(回)?(给)?我|"
        # the difference in other words ("請退還差額", "差额补给我")
        r"(退|补|返)(还|回)?(给)?(我)?差额|差额(退|还|补|返)(回)?(给)?我|(价格|价钱)差(的)?(钱)?((退|还|补|返)(回)?(给)?我)?|[赔陪]偿|补偿|(赔|补)(回)?(一)?(些|点)?钱|赔我|赔点|赔回|赔[^ ,.!?，。！？]{0,3}费|"
        r"(积分|余额|点数|红包|优惠券|券)(给我|帮我)?补|补(一|1)?(张|个)?(积分|余额|点数|红包|优惠券|券)|"
        # the discount's money is made good, not paid back ("把折扣的钱还我"); so is part of
        # the price ("退我点钱 东西留着", "退一部分"), a discount, a coupon or red packet given
        r"(折扣|优惠|打折|差额) ?(的|那)?(部分)?(钱|金额)|"
        # (Cantonese 退返部分錢, as `normalize` leaves it: 退回部分钱)
        r"退(回)?(我|给我)?(一)?(部分|点儿|点)(钱|款)?|部分退款|打(个|点)?折|弥补|"
        # a gift or part not sent, taken as money instead ("耳机不要了 折现给我199")
        r"折(成|算成)?现(金)?|折(成|算成)钱|"
        # the price of one piece of the order ("退一瓶的钱给我" for the free bottle not sent)
        r"退(我|给我)?(一|两|1|2|半)(个|件|双|瓶|盒|支|只|条|套|包)的(钱|款)|"
        r"(给|发|送)(我)?(个|点|张|些)?(红包|优惠券|代金券|券)|"
        # a sum asked back ("退我30块", "那40退我", "多收的300退给我", Cantonese 退返50蚊俾我
        # as 退回50蚊给我): part of the money, not the order's; money taken twice ("多扣的118
        # 退我") is the refund read below
        r"退(给|回)?(我)?([0-9]{1,5}|[一两二三四五六七八九十百几]+)(块|元|蚊)?(钱)?(?=$| |吧|就|算|好|给我)|"
        r"(?<![扣0-9])(?<!扣的)(?<!扣了)([0-9]{1,5}|[一两二三四五六七八九十百几]+)(块|元|蚊)?(钱)?退(给|回)?我|"
        # half the price back ("退一半钱", "一半的钱退我")
        r"退(我|给我)?(一半(的)?(钱|款|价钱)?|半(的)?(钱|款|价钱|价))|(一)?半(的)?(钱|款)(退|还|返)(给)?我|"
        # compensation asked as a question ("这种情况不该赔吗", "能赔吗", "赔不赔")
        r"(不)?(该|应该|应当)赔(?!(个)?(礼|不是))|(能|可以|会)赔(吗|嘛|么|不)|赔不赔",
    ),
    (
        "refund",
        r"仅退[款宽]|只退[款宽]|退[款宽]|退钱|把钱退|钱退|退回(些)?钱|原路(退|返)(回|还)?|"
        # a measure word between ("就想退个款", "退一下款", "退下钱"): the same refund
        r"退(个|一下|下)[款宽钱]|"
        # "退我" said as an order ("💰退我"): the money; "退我点钱" (compensation) reads first
        r"退(给)?我(?=$|[ 吧啊啦呀!])|"
        # the order called off, asked for: money back, nothing sent back ("订单取消吧"), not
        # the shop's doing ("商家把我订单取消了")
        r"取消(这个|这|那个|那)?(个)?(订单|单子|这单|那单)(?!了)|(订单|单子)(取消|撤销)(?![了的])|"
        r"(帮我|给我)(把)?(这个|这)?(订单|单子)(给)?(取消|撤销)|(?<!给我)(?<!帮我)(退单|撤单)(?!了)|"
        # money given back: "把钱还我", "还我钱", Cantonese 俾返錢我 (给回钱我)
        r"(钱|货款|款项)(还|给)(回)?(给)?我|还(给)?(我)?(回)?钱|给回(我)?(些)?钱|"
        # the money of a piece named by what is wrong with it ("退碎的那个的钱", "退没到那盒的
        # 钱"); a count of pieces ("退一瓶的钱") is compensation, read before
        r"退(还)?(?![货活款宽])[^ ,.!?，。！？]{1,6}?的(钱|款)|"
        # the whole price back ("2399全额退", "全部退款"); the money got back ("就想拿到钱")
        r"全额退(款|钱)?|全部退(款|钱)|(拿|要)(到|回)(我的)?(钱|货款)",
    ),
    (
        "exchange",
        # not a person: "换个活人跟我说", "给我换个客服", "换个会说话的人来" ask for someone
        # else, not another item
        # the size or colour to change to ("换成白的", "换L码的", "换大一号", "调个尺码")
        r"换(成)?(一)?(个|件|双|条)?([0-9a-z]{1,4}(码|号)?(的)?(?![0-9a-z])|[大小](一)?(码|号|点)(的)?)|"
        r"换[货活](?!人)|换(一|1)?(个|件|双|副|部|支|台|瓶|只|盒|套|条)(?![^ ]{0,5}?(人|客服|主管|经理))|换(一|1)?对新|换新|调换|更换|"
        # Cantonese 換過件 / 換返對 ("exchange for another"), as `normalize` leaves them
        r"换(过|回)(一)?(个|件|双|对|台|部|只|盒|套|条)|"
        # the item ordered instead of the one sent ("换回水壶", "换回来")
        r"换回(?!来?了)|"
        r"换成[^ ]{1,5}?色?的|(换|调)(个|一下)?(尺码|码数|码子|尺寸|颜色|大小)|调(个|成)?[大小](一)?(码|号)|"
        # the colour wanted without 成 ("换雾蓝的", "换个黑色的"); not "换了红的", a fact
        rf"换(一)?(个|件|双|条)?[^ 了过来回的]{{0,2}}?({_COLOURS})(色)?的|"
        # the exchanged item asked to be sent ("赶快把换的寄给我"), not a missing piece
        r"(把|将)?换(的|好的|过的)(那)?(个|件|双|台|部|只|条)?(寄|发)|"
        # exchanged with no object, right after a refusal of another ("不用修了 直接换")
        r"直接换(?![^ ]{0,4}(人|客服))|"
        # a bare 换 said as the choice ("哎 还是换吧", "那就换吧", "换吧"): dev16 reads "换" as
        # exchange; not a fact ("还是换了个新的"), a person ("换个客服") or the second of two
        # ("能退吗? 不能就换" keeps the first)
        r"还是换(吧|啦|呗|了吧)?(?=$| )|(?<![^ ])(那就)?换(吧|呗|啦)(?=$| )|"
        # the right one sent instead of the wrong one (Cantonese 寄返對啱嘅俾我 → 寄回对对的给我)
        r"(发|寄)(回)?(给我)?(一|1)?(个|件|双|对|台|部|只|盒|套|条)?(对对|对|正确)的|"
        # sent again in the colour or size ordered ("给我重新发个黑的", "再寄一双42码的",
        # "重新发我买的那个"): the right item for the wrong one, not a missing piece
        r"(重新|再)(发|寄)(给我|我)?(一|1)?(个|件|双|对|台|部|只|盒|套|条)?"
        rf"(({_COLOURS})(色)?的|"
        r"[0-9a-z]{1,3}(码|号)的|[大小](一)?(码|号)的|我(买|要|选|订|下单)的)|"
        # the size or the article wanted instead of the one in hand ("我要L的", "我要大一码
        # 的", "我要我买的那个水壶")
        r"(我)?要(个|件|双|条)?([0-9a-z]{1,4}(码|号)?|[大小](一)?(码|号|点))的(?![0-9a-z])|"
        r"(我)?要(的是)?我(原来)?(买|订|下单|选|拍)的(那)?(个|件|双|台|款)?",
    ),
    (
        "reship",
        r"补[发法]|补寄|重发|重新(发|寄)|再(给我|帮我)?(发|寄)(一|1)?(个|件|份|次)?|补(一|1)?(个|件|份|瓶|盒)|"
        # the missing piece made up ("把杯子补上就行"), not money ("差价补上", "给我补上"
        # after a sum, which compensation reads)
        r"(?<![钱价券额分包我块元蚊0-9])补(上|过来|给我)|"
        # a new one sent ("寄一条新的给我", Cantonese 寄過隻新嘅俾我 → 寄过只新的给我)
        r"(发|寄)(过|多)?(一|1)?(个|件|条|只|双|台|部|份|套|盒|瓶|对)?新的|"
        # what was promised sent over ("把吹风机给我寄来", "给我寄过来"), not a picture or a
        # paper asked of the customer ("把照片发过来"), nor what came ("给我寄来的是坏的")
        r"(把|将)(?![^ ]{0,4}(照片|截图|视频|图|单号|订单|地址|资料|发票))[^ ]{1,8}?(寄|发)((过)?来|给我)(?!的)|"
        r"(给我|帮我)(寄|发)(过)?来(?!的)|"
        # the missing piece made up ("补一下贴膜"), not a detail or money ("补一下照片/差价")
        r"补(一)?下(?!(照片|图|截图|视频|说明|信息|资料|订单|单号|电话|手机号|地址|差价|钱))",
    ),
    (
        "repair",
        # 休 for 修: the pinyin slip ("帮我休一下")
        r"维修|修(一下|好|理|修|一修|吧)|免费修|休(一下|理)|返修|保修|送修|寄修|(能|可以|帮我|给我|拿去)修|"
        r"(寄|送)(回去|回|过去|去)[^ ]{0,3}修|"
        # made to work again ("给我弄好能用就行", Cantonese 整返好 as 整回好), said of the
        # goods, not of something named ("帮我把账号弄好": an account is no repair, dev5 y023)
        r"((?<![^ ])|给我|帮我|你们)(弄|搞|整)(回)?好(?![了没吗])",
    ),
    (
        "apology",
        # an explanation asked of the shop, not the customer's own "我说清楚点/我解释一下"
        r"道(个|一个|声|一声)?歉|(给|要|讨|有)(个|我|我个)?(一个)?(说法|解释|交代)|(?<!我)(说(个)?清楚|解释(一下|清楚))(?!点)|"
        r"(说|讲|道)(一)?(声|句)?(对不起|对不住|对唔住|抱歉|sorry)|赔(个)?(礼|不是)|认(个)?错",
    ),
)
_REMEDY_RE = re.compile("|".join(f"(?P<{code}>{words})" for code, words in _REMEDY_WORDS))
# "不要退款", "不想换了", "别补发": a remedy named only to be refused.
_NEGATED_BEFORE = re.compile(r"(不|别|没|无需|不必)(是|再|要|用|想|想要)?$")
# "退款不要了", Cantonese 退款唔要喇: refused after it is named.
_REFUSED_AFTER = re.compile(r"^(我|的话)?(也)?(不要|免了|不需要)")
# "补发太慢了", "换货太麻烦", "维修要等太久": named as the reason against it, not wished for
# ("不对 还是退款吧 补发太慢了" kept reship as the last remedy named, dialogues_dev16 s035).
_FAULTED_AFTER = re.compile(
    r"^(的话)?(也|还|都)?(实在|真的|真)?(太|好|很|特别|那么|这么)(慢|麻烦|久|费劲|折腾|磨叽|墨迹|耽误事)|"
    r"^(的话)?(要|得)?等(太久|好久|很久|不起|不了)"
)
# Words that make a remedy named in a complaint a wish, not a fact ("我希望能退货退款",
# "麻烦给我补发" against "退款一直没到账", "申请退货五天了").
_WISH = re.compile(
    r"我要|(?<![说不只还])要(?!求)|想|希望|要求|麻烦|(?<!申)请(?!问)|给我|帮我|能不能|可以|直接|还是|改成|就要|"
    r"给(点|些)|必须|(你们|你)得|赶紧|赶快|快点|尽快|"
    # right before the name: "能换个新的不", "给修一下" (not "不给退货", a refusal told)
    r"(?<![不没])(能|给)$|"
    # a condition: "帮我催一下 不行就退款", "尽快寄到 不然退款"
    r"不行|不然|否则|不能(的话)?就|实在不行|"
    # a preference: "优先退货", "最好换新的"
    r"优先|最好|首选"
)
# A remedy accepted, alone or as one of two ("换新或修理都可以", "换一双对的 或者直接退也可以"),
# not asked about ("换货也可以吗").
_ACCEPTED_AFTER = re.compile(r"^[^?]{0,10}?(都|也)(可以|行|成|ok)(?![吗嘛么?])")
# "要求退货被拒了", "我要退款 申请一直不通过": what follows makes the name a past request.
_FACT_AFTER = re.compile(
    r"^(的)?(申请|被|没|不给|不让|一直|还没|还是没|到账|进度|通过|审核|失败|成功|已经|了\d|\d+天|几天)"
)


# Sending the goods back asked about in disbelief ("碎成这样还寄回去？直接退钱"): refused, as
# "不要退货" would be (dialogues_dev14 q052 was filed as 退货退款).
_RHETORICAL_RETURN = re.compile(
    r"还(要|得)?(我)?(再)?(寄回去|退回去|寄回来|退回来|寄回|退货)(吗|嘛|啊|呀)? ?[?？]"
)
_STILL_BEFORE = re.compile(r"还(要|得)?(我)?(再)?$")


def remedies_named(text: str) -> list:
    """Remedies the message names in so many words, in order, leaving out refused ones.

    Each item is (code, start, end) on the normalised text.
    """
    plain = plain_answer(text)
    disbelief = bool(_RHETORICAL_RETURN.search(normalize(text or "")))
    found = []
    for match in _REMEDY_RE.finditer(plain):
        before = plain[max(0, match.start() - 3) : match.start()]
        after = plain[match.end() :]
        if _NEGATED_BEFORE.search(before) or _REFUSED_AFTER.match(after):
            continue
        if _FAULTED_AFTER.match(after):
            continue
        if disbelief and match.lastgroup == "return_refund" and _STILL_BEFORE.search(before):
            continue
        found.append((match.lastgroup, match.start(), match.end(), plain))
    return found


# Money back asked for as such ("仅退款", "只退款"), not as the second half of a return.
_REFUND_ONLY = re.compile(r"仅退[款宽]|只退[款宽]")


def remedy_mentioned(text: str) -> Optional[str]:
    """The remedy an answer to "how would you like this handled?" names last.

    "补发 照片我拍了", "维修太麻烦了 改成退货退款吧", "不要退款 给我补发两个": the answer
    may carry other words the classifier weighs more; the remedy named last (and not refused)
    is the wish. Goods sent back and money back ("东西寄回去 把钱退给我") are one remedy,
    退货退款, whichever half is said last. A remedy added on ("退货退款 还要赔偿", "补发一个
    再给点补偿") is an extra wish (`extra_remedies`), not the one asked for.
    """
    return _chosen_remedy(_main_remedies(remedies_named(text)))


# A second remedy added to the first ("还要赔偿", "另外要赔回些", "顺便道个歉"), not
# replacing it (which "改成", "还是", "算了" would say).
_ADDITIVE = re.compile(
    r"还要|还想|另外|再给|再赔|再补|顺便|同时|而且|并且|外加|加上|也要|也得|还得|以及|额外|(再|也|还)$"
)
# A bare conjunction between the two ("退货并赔偿", "退款和赔偿") adds too, unless both are
# then offered as alternatives ("换货和退款都行").
_BARE_AND = re.compile(r"^(并|和|跟|及|与|加)$")


def _additive(found: list, index: int) -> bool:
    """Whether the remedy at `index` is added on to one named before it."""
    if index == 0:
        return False
    plain = found[index][3]
    between = plain[found[index - 1][2] : found[index][1]].strip()
    if _BARE_AND.match(between):
        return not _FALLBACK_AFTER.match(plain[found[index][2] :])
    return bool(_ADDITIVE.search(between))


def _main_remedies(found: list) -> list:
    """The remedies named, without the ones added on to an earlier one."""
    return [item for index, item in enumerate(found) if not _additive(found, index)]


def extra_remedies(text: str) -> list:
    """Remedies added on to the one asked for ("退货退款 还要赔偿" → ["compensation"]).

    The ticket holds one `desired_remedy`, the one that settles the order; an extra wish
    goes into the description for the agent.
    """
    found = remedies_named(text)
    main = _chosen_remedy(_main_remedies(found))
    return [
        str(item[0])
        for index, item in enumerate(found)
        if _additive(found, index) and item[0] != main
    ]


# A change of mind about the remedy ("还是退款吧", "算了 还是换货 别退了", "改成换货好了"),
# at a question, at the read-back and after filing alike (`bot.intake.after_filing` reads it
# too: one list of words, trial13).
CHANGE_OF_MIND = re.compile(
    r"还是|改成|换成|改为|改一下|改主意|算了|想了想|想了一?下|想想|重新考虑|其实|不要了|"
    # ...not a condition ("要是补发不了就退款": a wish for the agent to read, no change)
    r"(不|别)[^ ]{0,3}了(?!(的话)?就)|"
    # the remedy refused before the one wanted ("不退 换货", Cantonese 唔要退 as 不要退)
    r"(不|别)(要|想)?(退|换|补|修)|"
    r"不是|不对|搞错|弄错|说错|"
    # a bare 改 ("换货改退款", "诉求要改 退款"), what it should be ("应该是补发", "我要的是换货"),
    # and the read-back's own field named ("诉求那里写退货退款", "处理方式：维修")
    r"改|应该是|我要的是|诉求|处理方式|处理方法"
)


# The remedy insisted on as the customer said it before ("我说了要退款", "就是要补发", "我講咗
# 要退款"): when the one kept differs, the customer corrects it (intake9: "我说了要退款" kept
# reship). Not what others said ("客服说过可以换货", "主播说了送赠品"): no wish of the customer's.
_INSISTED = re.compile(r"(?:^|我)(?:都|已经|早就|早)?(?:说|讲|講|說)(?:了|过|過|咗)|就是要|就係要")


def says_change_of_mind(text: str) -> bool:
    """Whether the message says the customer changes (or insists on) the remedy.

    Why one function: the form, the read-back and the ticket after filing had two lists of
    these words that drifted apart ("其实", "不要退" counted after filing only, "应该是",
    "我说了要退款" before it only).
    """
    plain = plain_answer(text)
    return bool(CHANGE_OF_MIND.search(plain) or _INSISTED.search(plain))


def remedy_changed(text: str) -> Optional[str]:
    """The remedy a customer changes to, in so many words, else None.

    Said while another question is open or at the read-back, even in a message the NLU
    reads as a withdrawal ("算了算了 还是换货 别退了" keeps the complaint and changes it).
    A remedy insisted on as said before counts too: it may be the one kept (nothing changes).
    """
    if not says_change_of_mind(text):
        return None
    return remedy_mentioned(plain_answer(text))


# "不要退款", "别补发了": a remedy refused by the words before it (not "没退款", a fact).
_REFUSING_BEFORE = re.compile(r"(不要|不想要|不想|别|不用|不需要)(再)?$")


def withdraws_remedy(text: str, known: Optional[str]) -> bool:
    """Whether the message takes back the known remedy without naming another.

    "退款唔要喇 照寄俾我" (the parcel sent as ordered after all): the refund is no longer
    wanted, and what is wanted instead is none of the spec's codes, so the remedy becomes
    "other" for the agent rather than staying the one refused.
    """
    if not known or remedy_mentioned(text) is not None:
        return False
    plain = plain_answer(text)
    for match in _REMEDY_RE.finditer(plain):
        before = plain[max(0, match.start() - 3) : match.start()]
        refused = _REFUSING_BEFORE.search(before) or _REFUSED_AFTER.match(plain[match.end() :])
        if refused and match.lastgroup == known:
            return True
    return False


# Two remedies offered as alternatives ("要么换新 要么赔钱", "换新或修理都可以", "能退吗? 不能
# 就换"): the first is the wish, the second what the customer would settle for.
_ALTERNATIVE = re.compile(
    r"或者|或是|或|要么|要不|不然|否则|不行|不能(的话)?就|(不|没)(好|成)(的话)?(就|再)|实在不行|"
    # out of stock or not possible ("有货换一个 没货就退", Cantonese 唔得就 as 不得就)
    r"(不|没)(有)?(货|得|到)(的话)?(就|再)"
)
# A second remedy said to do as well ("退货退款吧 换货也行", "换货退款都行"): a fallback, the
# first is the wish.
_FALLBACK_AFTER = re.compile(r"^[^ ?]{0,4}?(也|都)(可以|行|成|ok)(?![吗嘛么?])")
# The one said to be preferred ("退货或者换个颜色都行 优先退货").
_PREFERRED_BEFORE = re.compile(r"(优先|最好(是)?|首选|更想(要)?|倾向(于)?)$")


def _alternatives(found: list) -> bool:
    """Whether the remedies named are offered as alternatives, not one changed to another.

    "维修太麻烦了 改成退货退款吧" changes its mind (the last one counts); "要么换新 要么赔钱"
    offers two, the first wished for; so does "退货退款吧 换货也行", the second a fallback.
    """
    for previous, item in zip(found, found[1:], strict=False):
        between = item[3][previous[2] : item[1]]
        if CHANGE_OF_MIND.search(between):
            return False
        if _ALTERNATIVE.search(between) or _FALLBACK_AFTER.match(item[3][item[2] :]):
            return True
    return False


def _chosen_remedy(found: list) -> Optional[str]:
    """The remedy a message settles on.

    The one said to be preferred, else the first of alternatives, else the one named last
    (`_last_remedy`).
    """
    preferred = [
        item for item in found if _PREFERRED_BEFORE.search(item[3][max(0, item[1] - 4) : item[1]])
    ]
    if preferred:
        return _last_remedy(preferred)
    if len({item[0] for item in found}) > 1 and _alternatives(found):
        return _last_remedy(found[:1])
    return _last_remedy(found)


def remedy_fallbacks(text: str) -> tuple[Optional[str], list]:
    """The remedy a message offering alternatives wishes for, and what it would settle for.

    "要么重新发一个 要么退钱" is filed as 补发 (`_chosen_remedy`); the agent also needs to know
    that money back would do. (None, []) when the message offers no alternatives.
    """
    found = _main_remedies(remedies_named(text))
    if len({item[0] for item in found}) < 2 or not _alternatives(found):
        return None, []
    chosen = _chosen_remedy(found)
    others = [_last_remedy([item]) for item in found]
    return chosen, list(dict.fromkeys(code for code in others if code and code != chosen))


def _last_remedy(found: list) -> Optional[str]:
    """The remedy named last, with a return named before money back read as 退货退款."""
    if not found:
        return None
    code, start, end, plain = found[-1]
    returned = any(item[0] == "return_refund" for item in found)
    if code == "refund" and returned and not _REFUND_ONLY.match(plain[start:end]):
        return "return_refund"
    return str(code)


# The customer named as the one who receives it, at the end of its clause: an imperative
# ("钱退我", "补寄给我吧", Cantonese 俾返錢我 / 賠返啲錢俾我 as 给回钱我 / 赔回些钱给我).
# "就算了" settles only after an object ("钱退回来就算了", "补偿点钱就算了"): right after the
# name ("退款就算了") it as often drops the remedy, so that stays no wish.
_TO_ME_AFTER = re.compile(
    r"^((给)?我(吧|啦|呀|啊|哈|就行|就好|就可以|就得|即可)*|[^ ]{0,2}(吧|就行|就好|就可以|就得|就够了|即可)|[^ ]{1,2}就算(了|啦|喇|咯|罢))( |$)"
)


# What may follow a remedy named as a bare order at the end of a message: the item or a
# count ("换回水壶", "补发一个"), not how the remedy is going ("退款好慢", "退货呢").
_ORDERED_REST = re.compile(r"^[^ ]{0,4}$")
_NOT_AN_ORDER = re.compile(r"[了没不慢久难呢吗嘛啊?]")


def _ordered_last(plain: str, start: int, end: int, clause: str) -> bool:
    """Whether a remedy name is the message's last clause, said as an order.

    "…订单202411191024 换回水壶", "…订单２０２４… 退宽": the customer tells the facts, then
    what to do, without a wish word; the name opens the last clause and only an item or a
    count follows it.
    """
    rest = plain[end:]
    return not clause and bool(_ORDERED_REST.match(rest)) and not _NOT_AN_ORDER.search(rest)


# A clause that is only the remedy (and at most an item or a count), followed by one that
# says no fact or question about it: "退货退款 来回运费也得赔我", "退一部分钱 别跟我扯别的";
# not "退款 一直没到账", "退货 怎么弄". Long names only: "退货"/"补发" alone are as often the
# topic of what follows.
_ORDER_CLAUSE_NAME = 4
_NOT_AN_ORDER_NEXT = re.compile(
    r"[了没不慢久难呢吗嘛?被差]|什么|怎么|为啥|几时|进度|到账|申请|态度"
)


def _ordered_clause(plain: str, start: int, end: int, clause: str) -> bool:
    """Whether a remedy name is said as an order in a clause of its own, mid-message."""
    if clause or end - start < _ORDER_CLAUSE_NAME:
        return False
    return _said_as_order(plain, end)


def _said_as_order(plain: str, end: int, refused: Optional[re.Pattern[str]] = None) -> bool:
    """Whether the words after a remedy name (to `end`) make it an order, a clause following.

    `refused`: what may not follow the name either, besides `_NOT_AN_ORDER`.
    """
    own, _, following = plain[end:].partition(" ")
    following = following.split(" ")[0]
    return (
        bool(_ORDERED_REST.match(own))
        and not _NOT_AN_ORDER.search(own)
        and not (refused and refused.search(own))
        and bool(following)
        and not _NOT_AN_ORDER_NEXT.search(following)
    )


# What may not follow a short remedy name that opens a message as an order: a past or a
# pending request ("换货被拒", "补发的还没到", "退款在处理中").
_NOT_AN_OPENING_ORDER = re.compile(r"[被拒过的在中]")


def _ordered_first(plain: str, start: int, end: int, clause: str) -> bool:
    """Whether a remedy name opens the message as an order, the facts told after it.

    "补发一盒茶叶 订单… 龙井我买了两盒只收到一盒" (dialogues_dev13 n004): the customer says
    what to do first and why after; short names too ("补发", "换货"), which mid-message are
    as often the topic of what follows (`_ordered_clause`), at the very start only with an
    item or a count after them and a next clause that asks nothing about the remedy.
    """
    if start != 0 or clause:
        return False
    return _said_as_order(plain, end, _NOT_AN_OPENING_ORDER)


# The goods given up just before the money is asked back ("不要了 退钱", Cantonese 唔要喇 退錢
# as `normalize` leaves it): the money back is wished for, not told as a fact.
# The words that give the goods up ("不要了", Cantonese 唔要喇 as 不要喇).
GIVE_UP_WORDS = r"不要了|不想要了|不要喇|不要啦|不要咯"
_GIVES_UP_BEFORE = re.compile(rf"({GIVE_UP_WORDS}) ?$")
# The piece the money is for, named just before it ("没到的那瓶退钱", "少的那个退钱").
_PIECE_BEFORE = re.compile(r"的(那|这)?(一)?(个|件|瓶|盒|支|只|条|套|包|双|份|台|部|块)$")
# A complaint that ends by giving the goods up, with no remedy named ("…还不发货 不要了"): the
# money back (which the order's delivery then settles: `bot.intake.money_back`).
# Not when it only gives up on the complaint ("算了 不要了": the rules' withdrawal).
_GIVES_UP_AT_END = re.compile(rf" (我)?(东西|货|这个|这单|这东西)?({GIVE_UP_WORDS})$")
_GIVES_UP_ON_COMPLAINT = re.compile(r"算了|罢了|不弄了|不投诉")


# A form's wish field just before ("期望：同意退货", "买家诉求：取消订单并全额退款"): work
# orders and platform complaint forms pasted into the triage API name the wish by its label.
_WISH_FIELD_BEFORE = re.compile(r"(诉求|期望结果|期望|处理要求|处理意见) [^ ]{0,6}$")


# a closing clause that only settles the photo or the phone question ("冇相", "沒有照片",
# "唔使留電話", "照片晚点发"): it names the evidence or the contact, so it is no fact about
# the remedy named before it
_SETTLES_NAMED = re.compile(r"相|照|图|拍|截|视频|录像|电话|回电|手机|联系|号码|微信")


# a closing clause that is only the order number, labelled or not ("订单DD20241123889",
# "單號202411180305"): it answers the order question, no fact about the remedy before it
_ORDER_NUMBER_CLAUSE = re.compile(r"^(我的)?(订单|单号|单)?(号|编号)?(是|为)?[a-z]{0,4}\d{6,}$")


def _without_closing_settlements(text: str) -> str:
    """The message without its closing clauses that only answer the photo, phone or order question.

    Why: "個杯寄到嚟爛咗 單號… 補寄 冇相 唔使留電話" (trial9, dialogues_dev20) gives every fact
    at once; "補寄" was no order said last any more and the remedy was asked, then filed
    "other". The clauses stay in the message for the evidence and contact questions.
    """
    clauses = plain_answer(text).split(" ")
    while len(clauses) > 1 and _settles_evidence_or_contact(clauses[-1]):
        clauses.pop()
    return " ".join(clauses)


def _settles_evidence_or_contact(clause: str) -> bool:
    """Whether a clause only answers another question: the photo, the phone or the order number.

    Why the order number too (trial11, dialogues_dev22): "四件套一直没到 退款 没截图
    订单DD20241123889" says the remedy, then settles the photo and the order; the remedy was
    no order said last any more and was asked again.
    """
    if _ORDER_NUMBER_CLAUSE.match(clause):
        return True
    return bool(_SETTLES_NAMED.search(clause)) and (
        has_no_evidence(clause) or declines_call(clause) or evidence_coming(clause)
    )


def remedy_wished(text: str) -> Optional[str]:
    """A remedy a complaint asks for in so many words ("我希望能退货退款", "帮我换一个新的").

    Only a name preceded (within its clause) by a wish word, followed by "(给)我" as its
    receiver ("俾返錢我"), said as an order that ends the message ("… 换回水壶"), money back
    right after the goods are given up ("不要了 退钱") or after the piece it is for ("没到的那瓶
    退钱") counts:
    "退款一直没到账" and "申请退货五天了没人理" name a remedy as a fact, not as what the
    customer asks for now.
    """
    text = _without_closing_settlements(text)
    wished = []
    named = [item for item in remedies_named(text) if not _FACT_AFTER.match(item[3][item[2] :])]
    for code, start, end, plain in named:
        # an emoji or a symbol before the name ("🙏换一个") is no word of the clause
        clause = re.sub(r"[^\w]", "", re.split(r"[ ,.!?;:，。！？；：]", plain[:start])[-1])
        if (
            _WISH.search(clause[-8:] if len(clause) > 8 else clause)
            or _TO_ME_AFTER.match(plain[end:])
            or _ACCEPTED_AFTER.match(plain[end:])
            or _ordered_last(plain, start, end, clause)
            or _ordered_clause(plain, start, end, clause)
            or _ordered_first(plain, start, end, clause)
            or _GIVES_UP_BEFORE.search(plain[:start])
            or _WISH_FIELD_BEFORE.search(plain[:start])
            or (_PIECE_BEFORE.search(clause) and _ordered_last(plain, start, end, ""))
        ):
            wished.append((code, start, end, plain))
    chosen = _chosen_remedy(_main_remedies(_with_first_alternative(named, wished)))
    if chosen is None and _gives_up_the_goods(text):
        return "refund"
    return chosen


def remedy_beside_question(text: str) -> Optional[str]:
    """A remedy wished in a clause that asks nothing about how things work.

    "退款要多久啊 我就想赶紧拿到钱", "吃坏肚子谁负责 赔钱": at the remedy question the process
    question is noted for the agent, and the clause beside it still answers the question
    (asked again, the customer only repeats it).
    """
    clauses = plain_answer(text).split(" ")
    rest = [clause for clause in clauses if not asks_about_process(clause)]
    if not rest or len(rest) == len(clauses):
        return None
    return remedy_wished(" ".join(rest))


def _with_first_alternative(named: list, wished: list) -> list:
    """The wished remedies, with one named just before a wished alternative to it.

    "先补发 不行就退款", "退款 不行就换货": the condition makes the second a wish in words, and
    the first, offered before it, is the one wished for (`_alternatives`), wish word or not.
    """
    if not wished:
        return wished
    first_wished = wished[0]
    earlier = [item for item in named if item[2] <= first_wished[1]]
    if not earlier:
        return wished
    offered = earlier[-1]
    if offered[0] != first_wished[0] and _alternatives([offered, first_wished]):
        return [offered, *wished]
    return wished


def _gives_up_the_goods(text: str) -> bool:
    """A complaint that ends by giving the goods up and names no remedy ("…还不发货 不要了")."""
    plain = plain_answer(text)
    return (
        not remedies_named(text)
        and bool(_GIVES_UP_AT_END.search(plain))
        and not _GIVES_UP_ON_COMPLAINT.search(plain)
    )


# What may surround a remedy named as the whole answer: the goods given up ("不要了"), and
# the small words of asking ("我要", "直接", "吧").
_AROUND_A_REMEDY = re.compile(
    rf"{GIVE_UP_WORDS}|退掉|退回去|寄回去|要么|或者|要不然|要不|不然|也|赠品|礼物|"
    r"我|要|想|就|吧|啊|呀|了|啦|直接|给|你们|帮|麻烦|请|还是|那|算了|的|好|可以|行"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# English words that only frame a wish ("I want an exchange please"); any other word of
# three letters or more tells something else ("the zipper arrived broken").
_ENGLISH_WORD = re.compile(r"[a-z]{3,}")
_ENGLISH_FRAME = frozenset(
    "want wanna need would like please pls plz just can could get give the and you "
    "thanks thx instead prefer rather for order number hello this that one new full "
    "money back send".split()
)


def _tells_more_in_english(rest: str) -> bool:
    """Whether the words beside a remedy tell more than a framed wish, in English."""
    words = _ENGLISH_WORD.findall(rest.lower())
    return sum(1 for word in words if word not in _ENGLISH_FRAME) >= 2


def only_names_a_remedy(text: str) -> bool:
    """An answer that names a remedy and says nothing else ("不要了 退钱", "补发吧").

    Why: at the remedy question "不要了 退钱" (read as a complaint) went into the description
    and was met by "这个情况我也记下了" (hand test in the widget): it is the answer to the
    question, not more of what happened.
    """
    rest = words_beside_remedies(text)
    if rest is None:
        return False
    return says_nothing_beside_a_remedy(rest)


def words_beside_remedies(text: str) -> Optional[str]:
    """The answer's words once the remedies it names are taken out; None when it names none."""
    found = remedies_named(text)
    if not found:
        return None
    plain = plain_answer(text)
    rest, last = [], 0
    for _, start, end, _ in found:
        rest.append(plain[last:start])
        last = end
    rest.append(plain[last:])
    return "".join(rest)


def says_nothing_beside_a_remedy(rest: str) -> bool:
    """Whether words beside a remedy are only the small words of asking for it ("我要", "吧")."""
    rest_text = _AROUND_A_REMEDY.sub("", rest)
    return not _CJK.search(rest_text) and not _tells_more_in_english(rest_text)

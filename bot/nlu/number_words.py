"""What the words right before a number in a complaint make of it: order, phone, parcel, other.

Why a module of its own: the vocabulary (order labels in Simplified and Traditional
Chinese, Cantonese and English, the labels of phones, parcels and the many numbers that are
no order) is data that grows with every new way customers write; the spaCy components
(`bot.nlu.number_kinds`, `bot.nlu.number_merger`) only ask `left_word`/`left_context` what
stands before a number.

Words are matched on the normalised text (`bot.nlu.normalize`: Simplified script,
half-width, lower-case), so one entry covers 訂單編號 and 订单编号, ＯＲＤＥＲ and order.
"""

import re
from typing import Dict, List, Optional, Tuple

from bot.nlu.number_shapes import CLOSING_RUN, OPENING_WRAPPERS, unwrapped_start

# What a payment bill calls the shop's own order number (WeChat Pay's 商户单号, Alipay's
# 商户订单号, the merchant's out_trade_no): an order, unlike the payment's 交易单号.
_MERCHANT_ORDER_WORDS = ["商户单号", "商户订单号"]
# Context words, matched on the normalised text (Simplified, half-width, lower-case) right
# before a number, the longest one winning: "售后单号" (not an order) beats "单号".
_ORDER_WORDS = [
    "订单",
    "订单号",
    "订单号码",
    "订单编号",
    "订单编码",
    "订单id",
    # the label as apps print it with a space ("订单 ID：…", "订单 No."); a bare "ID" is other
    *("订单 id", "订单 no", "订单 no."),
    "订单no",
    "订单no.",
    "订单信息",
    "订单流水号",
    "订购单",
    "订购单号",
    "订购编号",
    *_MERCHANT_ORDER_WORDS,
    "单号",
    "单号码",
    "单子",
    "单子号",
    "这单",
    "的单",  # "我的单", "希音的单 GSU1Z8…": whose order it is (ord29)
    "这一单",
    "该订单",
    "这个订单",
    "那个订单",
    "子订单",
    "子订单号",
    "母订单",
    "主订单号",
    "order",
    "orders",  # a link's path: "…/orders/202411235567/detail"
    "order no",
    "order no.",
    "orderno",
    "order id",
    "orderid",
    "order number",
    "order_id",
    "order-id",
    "order sn",  # Shopee's and Lazada's own label, not a serial number
    "ordersn",
    "order code",
    "order ref",
    "order reference",
    # longer than the payment's "ref no." below (ord34): the order's own reference
    *(f"order {ref}{tail}" for ref in ("ref", "reference") for tail in (" no", " no.", " number")),
    "order num",
    "单据号",
    "单据编号",
    "注文番号",  # cross-border shops' Japanese and Korean pages
    "주문번호",
    "order_no",
    "order_sn",
    "order_num",
    "ordernumber",
    "bizorderid",
    "tradeid",
    "trade_id",
    "no",
    "no.",
    # the label typed in pinyin ("dingdan hao: JD5510…"): its "hao" is no letter prefix
    *(
        f"{word}{space}{tail}"
        for word in ("dingdan", "dd")
        for space in ("", " ")
        for tail in ("hao", "haoma", "bianhao")
    ),
    "dingdan",
    # Cantonese: 柯打 is "order"; 張單/個單 "the order (slip)", 嘅 "of" ("張單嘅編號係 …")
    *("柯打", "柯打号", "柯打号码", "柯打编号"),
    *("张单", "个单", "张单号", "呢张单"),
    # the label as a pinyin IME mistypes it: 定单 (ding dan), 丁单, 订丹, 订单好 (hao)
    *(f"{word}{tail}" for word in ("定单", "丁单", "订丹") for tail in ("", "号", "编号", "号码")),
    "订单好",
    *(
        f"{owner}{link}{tail}"
        for owner in ("订单", "张单", "个单", "单子", "柯打")
        for link in ("的", "嘅")
        for tail in ("编号", "号码", "号")
    ),
]
# Where to ring, said with no phone word (ord25): "屋企 2345 6789", "打公司 6234 5678",
# "家里 0571 8823 4567", "my home line 2345 6789, office 3456 7890". They name a phone only of
# a phone's shape: "公司 202411235567 的单子" is an order ("work" and "home" alone are no
# place: "doesn't work, 2024…").
PLACE_WORDS = frozenset(
    {"屋企", "家里", "家中", "公司", "办公室", "单位", "家"}
    | {"office", "home line", "office line", "work line", "home number", "work number"}
)
_PHONE_WORDS = [
    "手机",
    "手机号",
    "手机号码",
    "电话",
    "电话号码",
    "电话号",
    "联系电话",
    "联系方式",
    "联系我",
    "联系",
    "打",
    "打我",
    "拨打",
    "致电",
    "座机",
    "tel",
    # a signature's fax line under the phone (ord32): "Fax: +852 2345 6789"
    *("fax", "传真"),
    "call",
    "收件人电话",
    "手机是",
    # Hong Kong's word for a mobile (手提電話, ord24): "屋企電話 2345 6789，手提 9876 5432"
    *("手提", "手提电话", "手提号码"),
    # where to ring, said with no phone word (ord25): "屋企 2345 6789", "打公司 6234 5678",
    # "家里 0571 8823 4567", "my home line 2345 6789, office 3456 7890"; an order is never
    # introduced by a place ("work" and "home" alone are not: "doesn't work, 2024…")
    *PLACE_WORDS,
]
_TRACKING_WORDS = [
    f"{carrier}{tail}"
    for carrier in (
        "快递",
        "快件",  # a courier's SMS: "您的快件 SF… 已签收", "快件单号"
        "物流",
        "运单",
        "面单",
        "包裹",
        "顺丰",
        "中通",
        "圆通",
        "韵达",
        "申通",
        "邮政",
        "ems",
        "极兔",
        "京东快递",
        "德邦",
        "百世",
        "菜鸟",
        "跨越",
        "优速",
        "安能",
        "宅急送",
        "丰网",
        "众邮",
        "燕文",
        "云途",
        "退货",
        "退货快递",
        "寄回",
        # Taiwan's and Hong Kong's parcel pages: 追蹤號碼, 配送編號, 寄件編號, 貨運單號
        "追踪",
        "配送",
        "寄件",
        "货运",
        "托运",
    )
    for tail in ("", "单", "单号", "号", "号码", "编号", "单号码", "码")
    # the bare verbs/nouns say nothing, and 快递码/退货码 are pick-up codes, not parcels
    if carrier + tail not in ("退货", "寄回", "包裹", "配送", "寄件", "货运", "托运")
    and (tail != "码" or carrier == "追踪")
] + [
    # "寄回的单号", "快递的单号": the parcel's number, said with 的
    f"{carrier}的{tail}"
    for carrier in ("快递", "物流", "包裹", "退货", "寄回", "寄出", "退回", "回寄", "寄过来")
    for tail in ("单", "单号", "单号码", "号码", "运单号")
]
# A courier's or the post's SMS addresses the parcel it speaks of (ord24): "【京东物流】您的包裹
# JD0012… 将由 95311 配送", "【中国邮政】您的邮件 9876… 已投递"; a bare 包裹 says nothing.
_ADDRESSED_PARCEL_WORDS = [
    f"{owner}{what}" for owner in ("您的", "你的") for what in ("包裹", "邮件", "快件")
]
# Cross-border parcels, labelled in English or by the carrier's name.
_ENGLISH_TRACKING_WORDS = [
    *(f"{word}{tail}" for word in ("tracking", "waybill", "awb") for tail in ("", " no", " no.")),
    *("tracking number", "tracking id", "tracking code", "ups", "dhl", "fedex", "usps", "tnt"),
]
# Part of a number is no order to look up: "订单尾号 5567", "前几位是2024112", "末尾是 318876".
_PARTIAL_WORDS = [
    *(
        f"{side}{count}位{tail}"
        for side in ("前", "后", "最后", "末", "尾")
        for count in ("几", "两", *"123456789", *"一二三四五六七八九十")
        for tail in ("", "数", "数字", "号码")
    ),
    *("尾号", "尾数", "末尾", "结尾", "开头"),
]
# A time written without separators ("下单时间：20241125102133") is no order either.
_TIME_WORDS = ["时间", "日期", "时间戳"]
_OTHER_WORDS = [
    *(
        f"{what}{tail}"
        for what in (
            "商品",
            "退款",
            "售后",
            "服务",
            "工单",
            "投诉",
            "支付",
            # a payment's own bill (ord35): "付款单号 1602…", "付款编号 PAY…"; "付款金额" below
            "付款",
            "交易",
            "商户",
            "流水",
            "发票",
            "退换货",
            "换货",
            "维修",
            # other processes' own numbers (dev33): an appeal, an insurance claim, a
            # purchase or stock-in slip
            *("申诉", "理赔", "索赔", "采购", "入库"),
            # other systems' ids for one order, never the order the customer has (ord34):
            # an ERP's 外部单号/渠道单号/三方单号, a shop's 内部单号, a warehouse's 出库单;
            # "外部订单号", "渠道订单号" end in 订单号 and stay orders (the longest word wins)
            *("外部", "渠道", "三方", "第三方", "内部", "商家内部", "出库"),
            "会员",
            "用户",
            "账户",
            "帐户",
            "店铺",
            "直播间",
            # the product a complaint is about, by its page's id: 宝贝ID, 产品编号, 货品号
            "宝贝",
            "产品",
            "货品",
        )
        for tail in ("单号", "编号", "号", "号码", "id", "单", "编码", "名")
        if f"{what}{tail}" not in _MERCHANT_ORDER_WORDS
    ),
    # named with no 号 at all, right before the number (`_NAMED_BEFORE_ONLY`)
    *("流水", "直播间"),
    # an invoice's 发票代码 (10 or 12 digits) beside its 发票号码
    *("发票代码", "开票代码"),
    "邮编",
    "邮政编码",
    "验证码",
    "校验码",
    "qq",
    "qq号",
    "微信",
    "微信号",
    "微讯号",  # Taiwan's phrase for it (OpenCC s2twp writes 微信 so)
    "vx",
    "wx",
    *_PARTIAL_WORDS,
    *_TIME_WORDS,
    "密码",
    "工号",
    # identity papers: the mainland's 身份证, Taiwan's 身分證字號 (a letter and nine digits,
    # shaped like an order), passports and residence permits
    *(
        f"{paper}{tail}"
        for paper in ("身份证", "身分证", "证件", "护照", "居留证", "港澳通行证", "台胞证")
        for tail in ("", "号", "号码", "字号", "编号")
    ),
    "卡",  # 这张卡, 信用卡, 购物卡: a card number, whatever the card
    "卡号",
    "卡密",
    "银行卡",
    "银行卡号",
    "账号",
    "帐号",
    "房间",
    "房间号",
    "货号",
    "型号",
    "批号",
    "批次",
    "批次号",
    "条码",
    "条形码",
    "序列号",
    "sn",
    "sn码",
    "sku",
    # "ID" alone labels a user, a product, a live room…; an order's id is called one
    # ("订单ID", "订单 ID", "order id": longer words, so they win)
    "id",
    # a platform's user id (ord35): "UID 284719305 账号被封了"; "用户ID" is above
    *("uid", "user id", "userid", "user_id"),
    "商品链接",
    # the customer's or a shop's account on a platform, not an order
    *("用户名", "昵称", "账户名", "帐户名"),
    # a company's tax id on an invoice: Taiwan's 統一編號 (8 digits), the mainland's 税号 /
    # 纳税人识别号 / 统一社会信用代码 (18 letters and digits, shaped like an order)
    *("统一编号", "统编", "税号", "纳税人识别号", "识别号", "统一社会信用代码", "信用代码"),
    *("抖音号", "快手号", "小红书号", "旺旺号", "旺旺", "淘宝号", "淘宝账号", "主播号"),
    # the bot's own ticket, quoted back bare ("工单 C20250311-0007 进度呢")
    *("工单", "投诉单"),
    "取件码",
    *("收货码", "签收码", "自提码", "取餐码", "核验码"),
    "提货码",
    "取货码",
    # a pick-up point's codes (ord24): 全家's 取貨代碼, a 驿站's shelf ("货架号 12-3-0456")
    *("取货代码", "取件代码", "提货代码", "取货编号", "货架号", "货架"),
    "取货程式码",  # 代碼 as OpenCC's Taiwan phrasing (s2twp) writes it
    # a promotion's codes (ord23): "红包码 88372291 领不了", "邀请码 …"
    *("红包码", "红包口令", "口令", "福利码", "邀请码", "推荐码", "分享码", "助力码", "抽奖码"),
    # a prize's codes (ord28): "中奖码 778899 没收到奖品"
    *("中奖码", "兑奖码", "领奖码", "开奖码", "奖品码"),
    # a payment's codes (ord35): the code a till scans, the shop's code the customer paid to
    *("付款码", "收款码", "支付码"),
    "核销码",
    "提取码",
    "授权码",
    "卡券号",
    "券号",
    "礼品卡",
    "串号",
    "串码",
    # a device's own number, printed on its body or its box (ord35): "机身号 8612…"
    *(f"{what}{tail}" for what in ("机身", "设备") for tail in ("号", "码", "编号", "号码", "id")),
    "imei",
    "iccid",  # a SIM card's number, 19-20 digits (ord25)
    "meid",
    *("rma", "rma no", "rma no.", "case no", "case no.", "case id", "case number"),
    *("refund id", "refund no", "refund no.", "refund number", "ticket no", "ticket id"),
    # a payment's or a refund's reference, a claim, a return (ord34): "refund ref no. TK…",
    # "The RMA number is RMA…"; "order ref no." is an order word, longer. Not "PO number":
    # Temu's orders are "PO-211-…" (dev19)
    *(f"{ref}{tail}" for ref in ("ref", "reference") for tail in (" no", " no.", " number")),
    "rma number",
    *("claim no", "claim no.", "claim number", "claim id", "return number", "return no."),
    "运费险",
    "运费险单号",
    "保单号",
    "券码",
    # a coupon named by what it is, its code right after (ord30): "优惠券 CP 2024 1123 没用"
    *("优惠券", "代金券", "满减券", "优惠卷", "券"),
    "兑换码",
    "优惠码",
    "优惠券码",
    "激活码",
    "金额",
    "订单金额",
    "实付",
    "实付款",
    "付款金额",
    "总价",
    "合计",
    "价格",
    "运费",
    "客服电话",
    "客服热线",
    "热线",
    # a support ticket or case, in English: "ticket 778291 was closed"
    *(f"{word}{tail}" for word in ("ticket", "case") for tail in (" no", " no.", " id", " number")),
    "ticket",
    # the other codes a customer quotes in English (ord21): "invoice no. INV-2024-…" is no
    # order although it ends in "no.", nor are "coupon code WELCOME2024" and "model no. A2890"
    *(
        f"{word}{tail}"
        for word in ("invoice", "receipt", "coupon", "voucher", "promo", "model", "serial")
        for tail in ("", " no", " no.", " number", " id", " code", " #", "#")
    ),
]
# English words before a number ("my order number is 112-…"), never part of it when a space
# stands between; a shop's prefix when a dash joins them ("订单号 ME-9645-2728-…").
ENGLISH_WORDS = frozenset(
    {"is", "was", "are", "am", "be", "my", "our", "the", "an", "for", "of", "to", "at", "on"}
    | {"in", "me", "it", "its", "and", "or", "has", "had", "with", "from", "by", "this", "that"}
    # words that point at the number after a colon ("this one: 2024…", "here: 2024…")
    | {"one", "here", "below", "yes", "ok", "okay", "hi", "hello", "pls", "plz", "please"}
    # chat words before a number ("thx 2893 7465 1028", ord30): no shop's prefix
    | {"thx", "thanks", "ty", "hey", "dear"}
    # short words a customer types before the number, also in capitals ("NEW 2893…", "MY
    # ORDER NOT 2024…", ord31): a capitalised word is no shop's prefix either
    | {"new", "old", "not", "now", "yet", "got", "get", "buy", "paid", "pay", "why", "how"}
    | {"but", "all", "any", "just", "last", "next", "same", "also", "sent", "lost", "help"}
)
# Letter words that introduce a number ("QQ 3847...", "tel 138...") are not id prefixes.
NOT_PREFIXES = frozenset(
    {"qq", "tel", "no", "id", "rmb", "vx", "wx", "call", "pin", "sms", "sn", "sku", "imei", "ems"}
    | {"code", "ref", "num", "nr", "meid", "iccid", "uid"}
    # where to ring (ord25): "home 3456 7890" is a home phone, no id HOME34567890
    | {"home", "work", "line"}
    # pinyin for "number" after a pinyin label ("dingdan hao 2024…"), never part of it
    | {"hao", "haoma", "shi"}
    | ENGLISH_WORDS
)
# Labels that are a shop's own prefix right after an order word: an order word names no
# WeChat or QQ account and no serial number, so "订单号 wx 8837 2291 0045" is a mini-program's
# WX883722910045 and "苏宁订单号 SN 2024 1123 …" Suning's SN…; alone, "wx 8837…" is WeChat's.
PREFIX_AFTER_ORDER = frozenset({"wx", "vx", "qq", "sn"})
# WeChat's names before a number. A WeChat account given as digits is its mobile or a QQ
# number (5-11), and a customer may give a 12-digit one ("wx 8837 2291 0045 加一下"); a number
# longer than `WECHAT_ACCOUNT_DIGITS` after them is no account but what a mini-program printed.
WECHAT_WORDS = frozenset({"微信", "微信号", "微讯号", "vx", "wx"})
WECHAT_ACCOUNT_DIGITS = 13
# Order words a parcel number is called by too: its shape decides ("单号 SF1402938475611").
PARCEL_OR_ORDER = frozenset({"单号", "单号码", "no", "no."})
# Order words that name an order less surely than 订单号 does: 单号 may be a parcel's, a
# payment bill's 商户单号 the shop's order or not. Of two orders, the one an order word of its
# own names wins ("商户单号 M… 订单号 2411…", ord23).
WEAK_ORDER_WORDS = PARCEL_OR_ORDER | frozenset(_MERCHANT_ORDER_WORDS)
CONTEXT_KINDS: Dict[str, str] = {
    **{word: "order" for word in _ORDER_WORDS},
    **{word: "phone" for word in _PHONE_WORDS},
    **{
        word: "tracking"
        for word in _TRACKING_WORDS + _ENGLISH_TRACKING_WORDS + _ADDRESSED_PARCEL_WORDS
    },
    **{word: "other" for word in _OTHER_WORDS},
}
# What may stand between a context word and its number: spaces, punctuation except the end
# of a sentence, emoji, and a few words ("订单号是：", "单号如下", "订单号我发你"); the
# Cantonese copula 係 (系 once normalised: "單號係 …"), but not the end of 联系 or 关系.
_LEFT_FILLER = re.compile(
    r"(?:[^\w.!?;。]|_|是|为|就是|如下|这个|给你|发你|我发你|发给你|在这里|在这|如图|复制|is|was"
    r"|(?<![a-z])shi"  # 是 typed in pinyin ("dingdan hao shi 1882…")
    # the first part of a number the customer gives in two ("订单号前面是 3847…，后面是 …")
    r"|前面|前半段|前半截|前半部分"
    # the label said again after a slip ("订单号发错了，…，订单号应该是 2024…", ord34)
    r"|应该|应当|其实"
    r"|(?<![a-z])with (?:you|us)"  # "our order no. with you is 2024…" (ord34)
    r"|(?<![联关])系)+$"
)
_CONTEXT_WINDOW = 24
_LONGEST_CONTEXT = max(len(word) for word in CONTEXT_KINDS)


def left_context(text: str, start: int) -> str:
    """Kind of the longest context word right before `start` (fillers skipped), or ""."""
    return word_kind(left_word(text, start))


# A process's bare name labels a number only before a colon, as a page or a list prints it
# ("售后：SH…⏎退款：TK…", ord34); without one it is a word of the sentence ("申请售后 2024…",
# "是售后的问题"), so these are no `CONTEXT_KINDS` words, read only by `left_word`.
_COLON_LABELS = {
    word: "other" for word in ("售后", "退款", "退货", "换货", "申诉", "理赔", "索赔", "投诉", "维修")
}
_COLON_LABEL = re.compile("(" + "|".join(_COLON_LABELS) + r")[ \t]*:[ \t]*$")


def word_kind(word: str) -> str:
    """Kind of a word `left_word` returned: a context word's, or a colon label's."""
    return CONTEXT_KINDS.get(word) or _COLON_LABELS.get(word, "")


def left_word(text: str, start: int) -> str:
    """The longest context word right before `start` (fillers skipped), or "".

    In a pasted table the column's header names the number (`_column_header`), unless a word
    on the number's own line does ("订单号,2024…" under any line with a comma).
    """
    word = _word_before(text, start)
    if word and text.rfind(word, 0, start) > text.rfind("\n", 0, start):
        return word
    header = _column_header(text, start)
    if header is None:
        header = _label_read_by_rows(text, start)
    if header is not None:
        return header if header in CONTEXT_KINDS else ""
    return word


def _word_before(text: str, start: int) -> str:
    """`left_word` without the tables: the words right before `start`."""
    window = text[max(0, start - _CONTEXT_WINDOW) : start]
    filler = _LEFT_FILLER.search(window)
    if filler:
        window = window[: filler.start()]
    best, best_length = "", 0
    for length in range(1, min(len(window), _LONGEST_CONTEXT) + 1):
        kind = CONTEXT_KINDS.get(window[-length:])
        if kind and _ends_longer_word(window, length):
            continue  # "商家 2411…", "国家 …": 家 ends another word, no home phone
        if kind and not (
            # an ASCII context word must not be the end of a longer word ("piano" is not "no")
            window[-length].isascii()
            and window[-length].isalnum()
            and length < len(window)
            and window[-length - 1].isascii()
            and window[-length - 1].isalnum()
        ):
            best, best_length = window[-length:], length
    if not best_length:
        colon = _COLON_LABEL.search(text, max(0, start - _CONTEXT_WINDOW), start)
        return _owned_word(window) or _indexed_word(window) or (colon.group(1) if colon else "")
    if best in _MARKERS:
        named = _word_before(text, max(0, start - _CONTEXT_WINDOW) + len(window) - best_length)
        if CONTEXT_KINDS.get(named) == "order":
            return named  # "订单号码：ID 7730…", "订单号 ID20241123008": the order's marker
    return best


# A marker names what the word before it names ("订单号码：ID 7730…", "订单号 No.ORD-…", ord26);
# alone, "ID" is a user's or a product's.
_MARKERS = frozenset({"id", "no", "no."})


# "一个是快递的 4330…，另一个是订单的 3721…" (ord26): a word of two characters or more, then 的
# ("the parcel's", "the order's"), names the number after it as the word alone would. Not a
# one-character word: "打的 400…" (dialled) and "卡的" (stuck) say nothing of the number.
_OWNED = re.compile(r"的(?:[^\w.!?;。]|_)*$")


def _owned_word(window: str) -> str:
    """The context word before a 的 that ends `window` ("订单的", "快递的"), or ""."""
    owned = _OWNED.search(window)
    if owned is None or owned.start() == 0:
        return ""
    word = _word_before(window[: owned.start()], owned.start())
    return word if len(word) >= 2 and window[: owned.start()].endswith(word) else ""


# One-character words that name a number only standing alone, not as the end of a longer word:
# "家 2345 6789" is a home phone (ord25), "商家 2345…" or "卖家 …" not.
_STANDALONE_ONLY = frozenset({"家"})
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _ends_longer_word(window: str, length: int) -> bool:
    """Whether the word of `length` ending `window` is one of `_STANDALONE_ONLY` not alone.

    Glued to a word ("商家"), or counted ("3 家", "三家": shops, no home).
    """
    if window[-length:] not in _STANDALONE_ONLY:
        return False
    before = window[: len(window) - length].rstrip()
    return bool(_HAN.search(before[-1:]) or _COUNT_BEFORE.search(before))


_COUNT_BEFORE = re.compile(r"(?<![\d\s])\s*\d{1,3}$|^\d{1,3}$")


# A label numbered in a list ("IMEI1: … IMEI2: …", "卡1 …", ord23): the word before the index.
_LABEL_INDEX = re.compile(r"(?<=[a-z\u4e00-\u9fff])[1-9]$")


def _indexed_word(window: str) -> str:
    """The context word before a list's index digit, when it names no order, or "".

    Orders numbered so ("订单1：X 订单2：Y") are read by the merger and `picked_by_counter`.
    """
    if not _LABEL_INDEX.search(window):
        return ""
    word = _word_before(window[:-1], len(window) - 1)
    return word if CONTEXT_KINDS.get(word) in ("other", "tracking", "phone") else ""


# A pasted table's cells: a markdown table's bars, tabs, or commas (CSV), or the semicolons
# of a CSV saved where the comma is the decimal mark ("289…";"88,00", ord32); a markdown
# table's rule ("|---|:---:|") is no row.
_CELL_DELIMITERS = ("|", "\t", ",", ";")
_TABLE_RULE = re.compile(r"[\s|:-]*-[\s|:-]*")
_TABLE_ROWS = 50  # rows looked back for the header
# A header names a column in a word or two (no digits, no colon); a data cell holds the
# number alone, in the separators an id is typed with, maybe in quotes or brackets.
_HEADER = re.compile(r"[^\W\d]{1,12}(?: [^\W\d]{1,12})?")
_ID_CELL = re.compile(r"[0-9a-z]+(?:[ \-_./·][0-9a-z]+)*")


def _cells(line: str, delimiter: str, barred: bool = False) -> List[str]:
    """A row's cells, without the empty ones a markdown row's outer bars make.

    In a table whose rows open and close with a bar (`barred`), words typed before the first
    bar or after the last are no cells: "额 | 订单号 | 金额 |", "| 8810… | 89.00 |！！".
    """
    cells = [cell.strip() for cell in line.split(delimiter)]
    if barred and len(cells) > 2:
        return cells[1:-1]
    if delimiter == "|":
        cells = cells[1:] if cells and not cells[0] else cells
        cells = cells[:-1] if cells and not cells[-1] else cells
    return cells


_WRAPPED_CELL = re.compile(
    "["
    + re.escape("".join(sorted(OPENING_WRAPPERS)))
    + r"\u2600-\u27bf\ufe0f\U0001f000-\U0010ffff]*"
    r"(.*?)" + CLOSING_RUN + "$"
)


def _unwrapped_cell(cell: str) -> str:
    """A data cell without the quotes, brackets or emoji around its number ("「8810…」")."""
    match = _WRAPPED_CELL.fullmatch(cell)
    return match.group(1) if match else cell


def _column_header(text: str, start: int) -> Optional[str]:
    """The header of the column a number starting at `start` stands in, or None.

    "| 订单号 | 金额 |", "|---|---|", "| 881029374456 | 89.00 |" on three lines, or "订单号,金额"
    over "2024…,89.00": the header row above names each column; reading the words right before the number instead
    would cross into the header row and take 金额 for its label. Only for a number that
    opens a cell of a row with as many cells as the table's first row, whose cells are all
    short.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return None
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    before = text[line_start : unwrapped_start(text, start)]
    for delimiter in _CELL_DELIMITERS:
        if delimiter not in line or (before.strip() and before.rstrip()[-1:] != delimiter):
            continue
        header, barred = _header_row(text, line_start, delimiter)
        if header is None:
            continue
        barred = delimiter == "|" and (barred or _is_barred(line))
        # a CSV quotes its header's cells as its data's: "订单号","金额" (ord32)
        cells = [_unwrapped_cell(cell) for cell in _cells(header, delimiter, barred)]
        row = _cells(line, delimiter, barred)
        if len(cells) < 2 or len(cells) != len(row):
            continue
        if not all(_HEADER.fullmatch(cell) for cell in cells):
            continue
        if barred:
            column = before.count(delimiter) - 1
        else:
            column = len(_cells(before + "x", delimiter)) - 1
        if not 0 <= column < len(cells) or not _ID_CELL.fullmatch(_unwrapped_cell(row[column])):
            continue
        return cells[column]
    return None


def _label_read_by_rows(text: str, start: int) -> Optional[str]:
    """The label a phone's OCR put apart from the number opening this line, or None (ord32).

    A screenshot's two columns, labels and values, come out of 微信提取文字 or the album's
    text recognition row by row: "订单编号 下单时间⏎2024… 2024-11-23 14:05" (the labels'
    line, then the values' line: the first value is the first label's), or column by column:
    "订单编号⏎下单时间⏎支付时间⏎2024…⏎2024-11-23 14:05:32⏎…" (as many value lines as label
    lines: the k-th value is the k-th label's). The words right before the number are the
    last label's, a time's or an amount's, and made the order no order.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start : unwrapped_start(text, start)].strip():
        return None
    lines = text.split("\n")
    row = text.count("\n", 0, start)
    above = lines[row - 1].strip().split()
    if (
        len(above) >= 2
        and above[0].rstrip(":") in CONTEXT_KINDS
        and all(_label_cell(cell) for cell in above)
        and len(lines[row].split()) >= 2
    ):
        return _label_cell(above[0])
    values = row
    while values > 0 and any(char.isdigit() for char in lines[values - 1]):
        values -= 1
    labels = values
    while labels > 0 and _label_cell(lines[labels - 1].strip()):
        labels -= 1
    below = row
    while below + 1 < len(lines) and any(char.isdigit() for char in lines[below + 1]):
        below += 1
    count = values - labels
    if count < 2 or below + 1 - values != count:
        return None
    return _label_cell(lines[labels + row - values].strip())


# The nouns a detail page's labels end in ("下单时间", "支付方式", "商品名称"): with the context
# words, what makes a line of a screenshot's label column, not a customer's words ("你好").
_LABEL_NOUNS = (
    *("时间", "日期", "方式", "金额", "编号", "号码", "单号", "状态", "数量", "价格", "名称"),
    *("地址", "备注", "运费", "总价", "实付", "time", "date", "status", "total"),
)


def _label_cell(cell: str) -> str:
    """A label as a screenshot prints it: a context word or a detail page's label noun.

    A word or two, no digits, maybe a colon after; "" for anything else.
    """
    cell = cell.rstrip(":")
    if not _HEADER.fullmatch(cell):
        return ""
    return cell if cell in CONTEXT_KINDS or cell.endswith(_LABEL_NOUNS) else ""


def _is_barred(row: str) -> bool:
    """A markdown row that opens and closes with a bar: "| 订单号 | 金额 |", "|---|---|"."""
    row = row.strip()
    return len(row) > 1 and row[0] == "|" and row[-1] == "|"


def _header_row(text: str, line_start: int, delimiter: str) -> Tuple[Optional[str], bool]:
    """The first row of the table whose row starts at `line_start` (rules skipped), or None.

    And whether a row above opens and closes with a bar: a markdown table (`_cells`).
    """
    header = None
    barred = False
    end = line_start - 1  # the line break before the row
    for _ in range(_TABLE_ROWS):
        if end < 0:
            break
        begin = text.rfind("\n", 0, end) + 1
        row = text[begin:end]
        if delimiter not in row:
            break
        barred = barred or (delimiter == "|" and _is_barred(row))
        if not _TABLE_RULE.fullmatch(row):
            header = row
        end = begin - 1
    return header, barred


# What may stand between a number and a word said of it: "123456 是验证码", "X（为工号）".
_RIGHT_SAID = re.compile(
    r"[\s:,]*[)\]】」》”\"'’]?[\s:,]*\(?(?:这个?|那个?)?(?:是|为|就是)(?:我们?的|我的?|你们的)?"
)


def right_context(text: str, end: int) -> str:
    """Kind of the longest context word said of the number ending at `end`, or "".

    Only after 是/为 ("123456 是验证码吗"): without it the word introduces the next number.
    One-character words are left out ("… 是卡在中转站了" is no card); up to two Chinese
    characters may qualify the word ("… 是会员卡号").
    """
    return CONTEXT_KINDS.get(right_word(text, end), "")


def right_word(text: str, end: int) -> str:
    """The context word said of the number ending at `end` (see `right_context`), or ""."""
    said = _RIGHT_SAID.match(text, end)
    if not said:
        return ""
    for skipped in range(_RIGHT_QUALIFIER + 1):
        position = said.end() + skipped
        if skipped and not _CHINESE.fullmatch(text[position - 1 : position]):
            return ""
        word = _word_at(text, position)
        if word:
            return "" if word in _NAMED_BEFORE_ONLY else word
    return ""


# Places and records, not names of a number, when said after one: "支付流水 2024…" and
# "直播间 88123456" name the number, "3829104756 是在直播间买的" says where it was bought.
_NAMED_BEFORE_ONLY = frozenset({"流水", "直播间"})


_RIGHT_QUALIFIER = 2
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def context_word_at(text: str, position: int) -> str:
    """The longest context word of two or more characters starting at `position`, or ""."""
    return _word_at(text, position)


def _word_at(text: str, position: int) -> str:
    """The longest context word of two or more characters starting at `position`, or ""."""
    for length in range(min(_LONGEST_CONTEXT, len(text) - position), 1, -1):
        word = text[position : position + length]
        following = text[position + length : position + length + 1]
        glued = word[-1].isascii() and following.isascii() and following.isalnum()
        if word in CONTEXT_KINDS and not glued:
            denied = _DENIED.match(text, position + length)
            return "" if denied else word
    return ""


# A label of a number of another kind said of a number an order word introduced: "订单号 X 是
# 售后单号吗", "订单号 X 是快递单号吧": the customer doubts (or corrects) what the number is.
# Only a number's own label (…号, …码, …编号, …id), not a word ("是支付宝付的", "是商品的问题"),
# and with no number after it: "… 是售后单号 Y" names Y.
_NUMBER_LABEL_END = re.compile(r"(?:号|号码|码|编号|单|id|no\.?)$")
_NUMBER_NEXT = re.compile(r"[^\d\n]{0,12}\d{4}")


# Asked, then taken back as a number of another kind: "单号是 X 吗？不对不对这是快递的" (ord23).
_RENAMED = re.compile(
    r"[\s:,]*[吗吧呢]?[\s?,.!。]*(?:[哦噢啊呃嗯]?(?:不对|不是|错了)[\s,.!。]*)+"
    r"(?:这个?|那个?)?(?:是|为)(?:我们?的|我的?|你们的)?"
)


def said_to_be_another_number(text: str, end: int) -> bool:
    """Whether the words after the number ending at `end` call it a parcel or other number."""
    renamed = _RENAMED.match(text, end)
    if renamed and CONTEXT_KINDS.get(_word_at(text, renamed.end())) in ("tracking", "other"):
        return True
    word = right_word(text, end)
    if CONTEXT_KINDS.get(word) not in ("tracking", "other") or not _NUMBER_LABEL_END.search(word):
        return False
    return not _NUMBER_NEXT.match(text, end)


# Asked, then denied: "X 是下单时间吗 不是 是订单号" ("X 是验证码吗？不是订单号吧" denies the order).
_DENIED = re.compile(r"[吗吧呢]?[\s?,.!。]*(?:不是|不对)[\s,.!。]*(?:是|而是)")


# A label in brackets right after a number, the bracket closed at once: "SH2024…（售后单）",
# "4401…(申诉单号)" (dev33). Only a whole bracketed word names the number: "（售后单已提交）"
# says something else.
_BRACKETED = re.compile(r"\s*\(\s*(?:这是|是|为)?")
_BRACKET_CLOSED = re.compile(r"\s*\)")


def bracketed_context(text: str, end: int) -> str:
    """Kind of the context word bracketed right after the number ending at `end`, or ""."""
    opened = _BRACKETED.match(text, end)
    if not opened:
        return ""
    word = _word_at(text, opened.end())
    if not word or not _BRACKET_CLOSED.match(text, opened.end() + len(word)):
        return ""
    return CONTEXT_KINDS.get(word, "")


# Said not to be the order right after it: "4401928837不是订单 这个才是 2024…", "X 唔係訂單號".
_NOT_THE_ORDER = re.compile(
    r"[\s:,]*(?:这个|那个|这|那)?(?:也)?(?:不是|并不是|唔系|不系)(?:我的|我们的)?"
    r"(?:订单|单号|柯打|张单)"
)


def said_not_the_order(text: str, end: int) -> bool:
    """Whether the words right after the number ending at `end` say it is not the order."""
    return bool(_NOT_THE_ORDER.match(text, end))

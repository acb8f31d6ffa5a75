"""Money amounts a customer states in words ("花了5999", "三千多块", "1.2万的包").

The `amount` reason of `bot.triage.severity` compares them with the large-amount threshold.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.nlu.normalize import normalize
from bot.nlu.number_kinds import parse_chinese_number
from bot.triage.severity_amount_spelling import spell_out

# Amounts the customer states ("花了5999", "三千多块的手机", "1.2万的包", "好几千的东西").
# The order's amount is the reliable figure; the customer's words count too, because the
# order may be unknown and a large loss must not wait for it. Only numbers that read as a
# price: a currency sign or unit, a price word before, "买的"/"的" after a magnitude; never a
# bare long number (order and phone numbers).
_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,7}(?:\.\d{1,2})?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]{0,7})"
# a sum in thousands or ten thousands written in Chinese numerals ("两千", "一万二"); empty 2nd group
_CHINESE_THOUSANDS = r"([一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*[千万][零〇一二两三四五六七八九十百千万]*)()"
_MAGNITUDE = r"(万|千|w|k)?"
# Goods a price may follow directly ("笔记本电脑6999，…"): durable things whose name is no
# model number's prefix.
_GOODS = (
    r"电脑|笔记本|手机|冰箱|空调|电视|洗衣机|相机|单反|沙发|床垫|按摩椅|投影仪|平板|手表|钻戒|戒指"
    r"|项链|手镯|包包|自行车|电动车|摩托车|显示器|音响|音箱|烤箱|洗碗机|热水器|净水器|扫地机|吸尘器"
    r"|跑步机|衣柜|羽绒服|大衣|西装|婚纱"
)
# Roughly the number: "两千整的", "两千出头的", "三千左右的", "两千几的".
_ABOUT = r"(?:多|整|出头|左右|来|余|几|\+)?"
# A currency named before the number ("¥2000", "RMB 2,500", "人民币两千").
_CURRENCY = r"(?:[¥$]|rmb|cny|人民币)"
# Words that say a price follows, and what may link them to it ("金额：", "退款的", "实付是").
_PRICE_WORDS = (
    r"(?:花了|付了|付款|实付|支付了|价值|价格|售价|原价|金额|总价|总共|一共|共计|"
    r"买了个|买了台|买的时候|买的|退款|退|扣了|扣款|被扣|损失|损失了|亏了|转了|转账|"
    r"充了|充值|定金|订金|尾款|货款|全款|交了|赔|差价|"
    r"到手价|到手|券后价?|折后价?|成交价|标价|定价|活动价|拍下价|下单价|单价|花|"
    r"这单|那单|这笔|那笔|这一单|加起来|加一起|加在一起|合起来|合计|"
    # the whole order: "整单3000，退了1000"
    r"整单|全单|订单金额|订单总额|订单总价|总额)"
)
_PRICE_LINK = r"(?:的|是|为|:|了)?(?:小|快|将近|接近|差不多|大概|约|近)?"
_MONEY_PATTERNS = [
    re.compile(rf"{_CURRENCY}\s*{_NUMBER}\s*{_MAGNITUDE}"),
    # (蚊 is the Cantonese dollar: "两万三千蚊", "三千几蚊"; not 蚊香 or 蚊子)
    re.compile(
        rf"{_NUMBER}\s*{_MAGNITUDE}\s*[多几]?\s*(?:块|元|圆|rmb|cny|人民币|大洋|蚊(?![香子帐虫]))"
    ),
    re.compile(rf"{_PRICE_WORDS}\s*{_PRICE_LINK}\s*我?\s*{_NUMBER}\s*{_MAGNITUDE}"),
    # "4999的手机": a price before the thing (not a year: "2024的新款"; not the end of an order
    # number written in groups: "订单 2024 1103 8876 的音箱")
    re.compile(
        rf"(?<![\d.])(?<!\d[-\s])(?!(?:19|20)\d\d(?![\d+多]))(\d{{4,6}}(?:\.\d{{1,2}})?)()\s*{_ABOUT}的"
    ),
    re.compile(rf"{_NUMBER}\s*{_MAGNITUDE}\s*{_ABOUT}\s*(?:买的|买来的|买了|入手|拿下|入的)"),
    re.compile(rf"{_NUMBER}\s*(万|千|w|k)\s*{_ABOUT}\s*的"),
    # a price right after the thing, ending its clause: "笔记本电脑6999，屏幕有坏点" (not a
    # year, not a phone's last digits: "尾号6999" names no goods)
    re.compile(
        rf"(?:{_GOODS})\s*(?!(?:19|20)\d\d(?![\d.]))(\d{{4,6}}(?:\.\d{{1,2}})?)()"
        r"(?=\s+(?!\d)|\s*(?:[,。!?;~]|$))"
    ),
    # "一万出头", "3千左右": a sum in thousands, roughly (not "一万多年", "三千左右人")
    re.compile(rf"{_NUMBER}\s*(万|千|w|k)\s*(?:出头|左右)(?!\s*[年人个次天步米字])"),
    re.compile(rf"{_CHINESE_THOUSANDS}\s*(?:出头|左右)(?!\s*[年人个次天步米字])"),
    re.compile(rf"{_CHINESE_THOUSANDS}\s*{_ABOUT}\s*的"),
    # "这个三千多，质量就这？", "3000多的": thousands and more ("三千多人" is caught after)
    re.compile(rf"{_CHINESE_THOUSANDS}\s*(?:多|出头|来)"),
    re.compile(r"(?<![\d.])(\d{4,6})()\s*(?:多|出头|来)"),
    # a sum in ten thousands or thousands ending its clause, after the thing it bought:
    # "沙发1.2万，送来的颜色不对", "这个包一万二 拉链头掉了" (not "粉丝1.2万": `_value`;
    # not a change told by a verb: "积分少了三千", "涨了两千")
    re.compile(r"(?<![\d.了少扣减掉加涨降差])(\d{1,3}(?:\.\d{1,2})?)\s*(万|千)(?=\s|[,。!?;~]|$)"),
    re.compile(rf"(?<![了少扣减掉加涨降差]){_CHINESE_THOUSANDS}(?=\s|[,。!?;~]|$)"),
]
# A sum in Chinese numerals that ends its clause ("花了我两个月工资，三千六"): money only in a
# sentence about spending, not about points ("积分莫名其妙少了两千").
_CLAUSE_FINAL_SUM = re.compile(rf"{_CHINESE_THOUSANDS}(?=\s*(?:[,。!?;~]|$))")
_SPENDING = re.compile(r"花|付|买|价|钱|块|元|损失|亏|赔|值|贵|刷")
_SENTENCE = re.compile(r"[^。!?;\n]+")
# Vague large sums: "好几千", "上万", "几万块".
_VAGUE_AMOUNTS = {
    "好几千": 5000.0,
    "大几千": 7000.0,
    # "几千块", "几千大洋" ("几千公里" counts something else: `_COUNTED_AFTER`)
    "几千": 3000.0,
    "小几千": 3000.0,
    "上千块": 1000.0,
    "上万": 10000.0,
    "几万": 30000.0,
    "好几万": 50000.0,
    "十几万": 100000.0,
    # "五位数的包": a sum of five digits
    "五位数": 10000.0,
    "万把": 10000.0,
    # Cantonese "成万蚊": some ten thousand
    "成万": 10000.0,
    "六位数": 100000.0,
}
# A compound sum in shorthand: "1w2" (12000), "2k5" (2500), "1万5".
_COMPOUND = re.compile(r"(?<![\d.])(\d{1,3})\s*(w|万|k|千)\s*(\d)(?![\d.])")
# A vague number that counts something else: "点赞好几千", "上万人", "几万条评论".
_COUNTED_BEFORE = re.compile(
    r"(?:点赞|赞|粉丝|评论|播放|阅读|浏览|销量|好评|差评|关注|转发|收藏|人数|单量|积分|步数"
    # sales counts: "月销10万+", "已售2万件"
    r"|月销|年销|已售|售出|销售量)"
    r"(?:量|数)?(?:了|有|都|也|就|已经|破|超过|过|好|大|小)*$"
)
# Money that is not the order's: "我一个月工资才三千", "房租都要两千".
_NOT_THE_ORDER = re.compile(
    r"(?:工资|月薪|年薪|收入|薪水|房租|生活费|存款|零花钱|余额"
    # (fifteenth round) what the customer has spent at the shop over time: "累计消费两万多了"
    r"|累计(?:消费|花费|花了|买了)?|总消费|消费总额"
    # (sixteenth round) spent over a period: "今年在你们店陆陆续续花了五千多"
    r"|(?:前前后后|[陆六]{2}续续|这个月|今年|这一年|这些年|这几年)[^,。!?;]{0,8}?(?:消费|花)了?"
    # (seventeenth round) purchases over time: "前前后后买了一万多的东西"
    # (陆 is the financial numeral 六 by then: `_FINANCIAL_NUMERALS`)
    r"|(?:前前后后|[陆六]{2}续续)[^,。!?;]{0,8}?买了?"
    # ... a year's spend, roughly: "一年花了快三万" (not "一年前花三千买的": the item bought a
    # year ago is the order)
    r"|(?:一年(?!前)|半年(?!前)|每年|每个月|每月|这两年|这半年|多年)[^,。!?;]{0,8}?(?:消费|花|买)了?"
    r"(?:快|将近|接近|差不多|大概|近)?"
    # (twenty-second round) several orders added up: "前后买了三次，加起来也有两千多了"
    r"|(?:几|好几|[两三四五六七八九十])(?:次|单|回)[^。!?;]{0,4}?(?:加起来|加在一起|合起来|一共|总共)"
    r"(?:也|都)?(?:有|是)?(?:快|将近|接近|差不多|大概|近)?"
    # ... a record of past spending: "去年消费记录都上万了", "累计消费超过五万元"
    r"|消费记录|(?:累计|总)消费(?:超过|超|过)"
    # ... a parcel insurance's cap: "快递说保价最多赔2000，我这单才180块"
    r"|保价(?:最多|最高|上限)(?:只)?(?:能)?(?:赔|是|为)?"
    # ... someone else's purchase: "我朋友在你家买的电脑花了8000"
    r"|(?:朋友|闺蜜|室友|同事|邻居|同学|亲戚|别人|表[哥姐弟妹]|堂[哥姐弟妹])"
    r"(?![^,。!?;]*?(?:帮我|替我|给我|送我))[^,。!?;]{0,12}?(?:花了|花)"
    # ... the thing an accessory is for: "手机壳是给两千多的手机买的"
    r"|是给)"
    r"(?:才|只有|就|也就|都|都要|是|也才|了)?\s*$"
)
# (fifteenth round) The price of something the customer owns, not the order, when the product
# did not damage it: "我的手机五千多，你们这个二十块的手机壳居然装不上", "我那台三千多的相机用你们
# 的电池，充不进电" (but "…手机被你们的充电器烧坏了" is the loss).
_OWNED_BEFORE = re.compile(
    r"我(?:的|那台|那部|那个|家的|家那台|家那个)(?:(?!订单|单|货|东西|宝贝|商品|包裹|快递)[^,。!?;]){0,6}$"
)
# ... bought in this order after all: "我的冰箱4299买的"
_BOUGHT_AFTER = re.compile(r"[^,。!?;]{0,6}?(?:买|下单|拍|付|花|订)")
_YOURS = re.compile(r"你们(?:的|这个|这款|家的?|店的?)")
# (seventeenth round) An earlier purchase, with this order told apart: "上个月在你们店买电视花了
# 五千，这次买的遥控器电池盖都合不上" (the sum is the earlier order's, not this one's).
_EARLIER_BEFORE = re.compile(
    r"(?:上个月|上次|上回|上一次|上一单|之前|以前|去年|前年|上周|上礼拜|上星期|前段时间|前阵子|前几天)"
    r"[^,。!?;]{0,12}$"
)
_THIS_ORDER_AFTER = re.compile(r"(?:这次|这回|这一次|这单|这一单|今次)(?:买|下单|拍|订|的|收到)")
# (seventeenth round) This order's own price, told with the unit: "我买的是29块的数据线" (a larger
# sum elsewhere is another thing's, unless a loss is told: "…把我三千的手机烧坏了").
_ORDER_PRICE = re.compile(
    rf"(?:我|这次|这回|今次)?(?:买|拍|订|下单)的(?:是|这个|这款|呢个)?\s*{_NUMBER}\s*{_MAGNITUDE}"
    r"\s*[多几]?\s*(?:块|元|蚊)"
)
# (seventeenth round) The priced thing and the shop's product told apart: "手机是六千多买的，配你们
# 这个手机壳…", "家里冰箱一万二买的，你们这个除味剂…", "我部iPhone係九千幾蚊買㗎，你哋張保護貼…".
# The priced thing is the words opening the clause before the number (an owner's words and
# a linking 是 taken off); the shop's product is named with a determiner after 你们/你哋.
_OWNER = re.compile(
    r"^(?:我(?:的|家的?|家里的?|那台|那部|那个|部|架|个|只|张|对|件)|家里的?|屋企(?:嘅|的)?)"
)
_PRICED_THING = re.compile(r"^[\u4e00-\u9fffa-z]{2,8}$")
_PRICED_LINK_AFTER = re.compile(r"(?:是|系|都|要|就|也)+$")
_NOT_A_THING = re.compile(
    r"花|买|付|订单|这单|那单|整单|下单|买单|你们|你哋|这|那|一共|总共|价|钱|块|元|了|充|转|交|退|赔|扣|损|亏|给|到|在|用"
)
_SHOP_PRODUCT = re.compile(
    r"(?:你们|你哋|你们家|你哋间)(?:店)?(?:这个|这款|这件|这台|这只|这张|这条|这双|这套|这瓶|这盒"
    r"|呢个|呢张|呢件|呢部|呢只|呢对|个|张|件|部|只|条|对|瓶|盒|套|嘅|的)"
    r"(?:[\d一二两三四五六七八九十几]+[^,。!?;]{0,4}?的)?([\u4e00-\u9fffa-z]{2,})"
    # (eighteenth round) ... or by what the shop sent, named before any predicate: "你哋寄嚟嘅遙控器
    # 用唔到" (not "你们发来的明明是翻新机": what was sent in place of the priced thing)
    r"|(?:你们|你哋)(?:寄嚟|寄来|发来|送来)(?:嘅|的)(?![^,。!?;]*?[是系])([\u4e00-\u9fffa-z]{2,})"
)
# ... which is no product: the shop's people and services, or its goods in general.
_SERVICE_OR_GOODS = re.compile(
    r"^(?:师傅|客服|快递|物流|售后|安装|店|态度|服务|人|员工|小哥|老板|主播|平台|发货|包装|赠品"
    r"|东西|货|产品|商品|宝贝|质量|做工|品控|说明)"
)
# ... and an accessory of the priced thing is another thing ("手机" and "手机壳").
_ACCESSORY = re.compile(
    r"^(?:壳|膜|套|贴|布|线|架|垫|包|袋|罩|带|盒|座|充电|支架|刷|绳|链|扣|夹|钩|托|配件)"
)
_DAMAGED = re.compile(
    r"坏|烧|碎|报废|损坏|损失|进水|短路|炸|花屏|黑屏|裂|赔|维修|修|划花|刮花|不能用了"
)
# (sixteenth round) A list price, when the price paid is told apart: "原价两千六，券后一千九拿的".
_LIST_PRICE_BEFORE = re.compile(r"(?:原价|标价|划线价|吊牌价|专柜价|市场价|定价)(?:是|为|:)?\s*$")
_PAID_APART = re.compile(r"活动价|到手价|实付|实际付|券后|折后|优惠价|秒杀价|特价")
# (nineteenth round) The price of the shop's other goods: "店里其它的要两万多，我买的是199那款".
_OTHER_GOODS_BEFORE = re.compile(
    r"(?:其它|其他|别的|另外)(?:的|款|几款|型号|那些|贵的)?(?:都|也|就|起码|至少)?(?:要|卖|是)\s*$"
    # (twenty-second round) ... or another platform's: "其他平台同款售价4999元，本店售价1299元"
    r"|(?:其它|其他|别的|别家|隔壁|外面)(?:平台|店|店铺|家|网站|商家)?(?:的)?(?:同款)?"
    r"(?:售价|卖|要|标价|价格)(?:是|为|:)?\s*$"
)
# ... or after it: "三千块的预算", "两千以内的".
_NOT_THE_ORDER_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?(?:的)?(?:预算|以内|以下|工资|月薪|房租)")
_COUNTED_AFTER = re.compile(
    r"\s*(?:人|个|条|次|赞|粉|单|年|公里|步|字|米|件|位|名|户|家|张|页|天|小时|分钟|积分"
    r"|播放|阅读|浏览|点赞|转发|评论|关注|观看)"
)
# A unit price and a count ("每件800，一共买了三件", "500元一台，买了6台"): the order's
# amount is their product.
_UNIT_PRICES = [
    re.compile(
        rf"(?:单价|[每一](?:件|个|台|套|双|盒|瓶|份|条|张|箱))(?:是|要)?\s*{_NUMBER}\s*{_MAGNITUDE}"
    ),
    re.compile(rf"{_NUMBER}\s*{_MAGNITUDE}\s*(?:块|元)?\s*一(?:件|个|台|套|双|盒|瓶|份|条|张|箱)"),
]
_QUANTITY = re.compile(
    r"(?:买了|拍了|下了|订了|一共|共|总共|有)(?:买了|拍了|下了|订了)?\s*"
    r"(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:件|个|台|套|双|盒|瓶|份|条|张|箱)"
)
_MAGNITUDES = {"万": 10_000.0, "千": 1_000.0, "w": 10_000.0, "k": 1_000.0}
# The capital numerals of receipts and invoices ("贰仟伍佰元"), one character for one.
# 俩 is the colloquial 两 ("俩千块").
_FINANCIAL_NUMERALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟萬俩", "一二三四五六七八九十百千万两")
# A number right after a price word may be something else: "充了2000积分", "买的2000g猫砂".
_NOT_MONEY_UNIT = re.compile(
    r"\s*(?:g|克|kg|千克|公斤|斤|毫安|mah|ml|毫升|升|米|cm|mm|km|公里|瓦|积分|分|度|码|寸|英寸"
    r"|帧|像素|转|平|次|天|小时|年|个月|人|张|页|条|颗|粒|片|目(?!前)"
    r"|个|件|单|位|名|户|家|箱|台|步|字|遍|赞|粉|号|楼|层|只|本)"
)
# What may stand between a number and a unit that makes it no price ("三千多人", "2000+条").
_ROUGHLY = frozenset({"", "多", "出头", "来", "左右", "余", "几", "+"})
# Just below the number: "不到两千块", "快两千块的" (the threshold is "at or above").
_BELOW = re.compile(r"(?:快|将近|接近|不到|差点|差一点|小)$")
# ... or said after it: "2000元不到", "两千块未满".
_BELOW_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?(?:不到|未满|差一点|差点)")
# Two sums added up: "一千二加一千五", "1200+1500".
_ADDED = re.compile(rf"{_NUMBER}\s*(?:块|元)?\s*(?:加上?|\+)\s*{_NUMBER}")
# The consumer and city hotlines ("我不会打12315的"): a number to call, not a price, unless a
# currency or unit says so.
_HOTLINES = frozenset({"12315", "12345", "12331", "12358", "12365", "12305", "12369"})
_CURRENCY_NAMED = re.compile(r"[¥$]|块|元|圆|rmb|cny|人民币|蚊")
# (twenty-first round) ... typed with a letter for its first one: "i2315", "l2345".
_LETTER_FOR_ONE = frozenset("il|")


def _hotline(text: str, match: re.Match[str]) -> bool:
    """Whether the matched number is a hotline's, as typed or with a letter for its first 1."""
    number = match.group(1)
    before = text[match.start(1) - 1] if match.start(1) > 0 else ""
    return number in _HOTLINES or (before in _LETTER_FOR_ONE and "1" + number in _HOTLINES)


# (sixth round) Other currencies, at rough yuan rates: the threshold is in yuan, and "台币两千五"
# is some 570 yuan, "300美元" some 2,100. Named right before the number or right after it
# (its magnitude and "多" between). The Hong Kong dollar (蚊, 港币) is read at par, as before.
_FOREIGN_RATES = {
    **dict.fromkeys(("新台币", "台币", "台元", "nt$", "ntd", "twd"), 0.23),
    **dict.fromkeys(("日元", "日币", "日圆", "円", "jpy"), 0.048),
    **dict.fromkeys(("韩元", "韩币", "krw"), 0.0052),
    **dict.fromkeys(("美元", "美金", "usd", "us$"), 7.2),
    **dict.fromkeys(("欧元", "eur"), 7.8),
    **dict.fromkeys(("英镑", "gbp"), 9.1),
}
_FOREIGN = "|".join(re.escape(name) for name in sorted(_FOREIGN_RATES, key=len, reverse=True))
_FOREIGN_BEFORE = re.compile(rf"({_FOREIGN})\s*(?:的|是|了|共)?\s*$")
_FOREIGN_AFTER = re.compile(rf"\s*(?:万|千|w|k)?\s*[多几]?\s*({_FOREIGN})")


def _rate(text: str, number_start: int, number_end: int) -> float:
    """Yuan per unit of the currency named around text[number_start:number_end] (1 for yuan)."""
    named = _FOREIGN_BEFORE.search(text, max(0, number_start - 8), number_start) or (
        _FOREIGN_AFTER.match(text, number_end)
    )
    return _FOREIGN_RATES[named.group(1)] if named else 1.0


def stated_amounts(text: str) -> List[float]:
    """Money amounts (yuan) the text states, as far as simple price phrases tell."""
    normalized = spell_out(normalize(text or "", mainland=False).translate(_FINANCIAL_NUMERALS))
    found: List[float] = []
    for pattern in _MONEY_PATTERNS:
        for match in pattern.finditer(normalized):
            value = _value(match, normalized)
            if value is not None:
                found.append(value)
    found += _clause_final_sums(normalized)
    found += _compound_sums(normalized)
    found += _added_sums(normalized)
    found += _vague_amounts(normalized)
    found += _unit_price_totals(normalized)
    return found


def _compound_sums(text: str) -> List[float]:
    """Shorthand sums with a second digit of a tenth of the magnitude ("1w2" = 12000)."""
    found: List[float] = []
    for match in _COMPOUND.finditer(text):
        if _NOT_MONEY_UNIT.match(text, match.end()):
            continue
        magnitude = _MAGNITUDES[match.group(2)]
        value = int(match.group(1)) * magnitude + int(match.group(3)) * magnitude / 10
        found.append(value * _rate(text, match.start(), match.end()))
    return found


def _added_sums(text: str) -> List[float]:
    """Two sums added up in the message ("一千二加一千五", "1200+1500"), if both are a hundred or more."""
    found: List[float] = []
    for match in _ADDED.finditer(text):
        values = [parse_chinese_number(group.replace(",", "")) for group in match.groups()]
        if all(value is not None and value >= 100 for value in values):
            found.append(sum(value for value in values if value is not None))
    return found


def _clause_final_sums(text: str) -> List[float]:
    """Chinese-numeral sums ending a clause, in sentences about spending (and not points)."""
    found: List[float] = []
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        if not _SPENDING.search(words) or "积分" in words:
            continue
        for match in _CLAUSE_FINAL_SUM.finditer(words):
            value = _value(match, words)
            if value is not None:
                found.append(value)
    return found


def _vague_amounts(text: str) -> List[float]:
    """Vague large sums ("好几千的冰箱", "五位数的包"), unless they count something else."""
    found: List[float] = []
    covered: List[Tuple[int, int]] = []
    # longest first, and a shorter word inside a longer one is the same sum: "粉丝十几万" is
    # one count, not also "几万" (yuan)
    for word, value in sorted(_VAGUE_AMOUNTS.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(re.escape(word), text):
            if any(low <= match.start() and match.end() <= high for low, high in covered):
                continue
            covered.append(match.span())
            counted = _COUNTED_BEFORE.search(text, 0, match.start()) or _COUNTED_AFTER.match(
                text, match.end()
            )
            # (twenty-second round) the customer's spending over time: "去年消费记录都上万了"
            if not counted and not _NOT_THE_ORDER.search(text, 0, match.start()):
                found.append(value)
    return found


def _unit_price_totals(text: str) -> List[float]:
    """Unit price times count ("每件800，一共买了三件"); one, if no count is given ("4999一台")."""
    prices = [
        value
        for pattern in _UNIT_PRICES
        for match in pattern.finditer(text)
        if (value := _value(match, text)) is not None
    ]
    counts = [parse_chinese_number(match.group(1)) for match in _QUANTITY.finditer(text)]
    largest = max((count for count in counts if count is not None), default=1.0)
    return [price * max(largest, 1.0) for price in prices]


# (seventeenth round) A loss the product caused to something else ("把我的手机烧坏了", "被你们的
# 充电器充坏了", "泡坏了地板，修了三千"), not the ordered thing found broken ("杯子碎了").
_LOSS = re.compile(
    r"(?:把|将|被|害|导致|弄|搞|连累|让|害得)[^,。!?;]{0,12}?"
    r"(?:坏|烧|碎|报废|损坏|进水|短路|炸|花屏|黑屏|裂|划花|刮花|泡|不能用)"
    r"|损失|赔|维修|修了|修好|修理|换了个新的|重新买"
)


def tells_loss(text: str) -> bool:
    """Whether the text tells of a loss the product caused (a sum in it may be that loss).

    `bot.triage.severity` counts stated sums only then when the order's own amount is known.
    """
    return bool(_LOSS.search(normalize(text or "", mainland=False)))


def _owned_only(text: str) -> bool:
    """Whether the message names the shop's product apart and tells no damage (`_OWNED_BEFORE`)."""
    return bool(_YOURS.search(text)) and not _DAMAGED.search(text)


def _priced_thing(text: str, number_start: int) -> Optional[str]:
    """The thing a sum is the price of, when the words opening its clause name only it."""
    low = max((text.rfind(mark, 0, number_start) for mark in ",。!?;~ "), default=-1) + 1
    words = _OWNER.sub("", text[low:number_start])
    words = _PRICED_LINK_AFTER.sub("", words)
    if not _PRICED_THING.match(words) or _NOT_A_THING.search(words):
        return None
    return words


def _another_thing(text: str, match: re.Match[str]) -> bool:
    """Whether the sum is the price of something other than the shop's product named apart.

    The shop's product is named with a determiner and no damage is told ("手机是六千多买的，配
    你们这个手机壳怎么孔位都对不上"), or it is an accessory of the priced thing with a smaller
    price of its own ("手机壳三十九块，手机是六千多买的，壳子一装就裂了"). Never when a loss of the
    priced thing is told ("…手机也摔坏了", "把我的手机烧坏了").
    """
    thing = _priced_thing(text, match.start(1))
    if thing is None or _thing_lost(text, thing, match):
        return False
    # beside a product named with a determiner, any damage told may be the priced thing's
    # ("我的手机六千多，用你们的充电器充坏了")
    named = [] if _DAMAGED.search(text) else list(_SHOP_PRODUCT.finditer(text))
    for product in named:
        name = product.group(1) or product.group(2) or ""
        if product.start() <= match.start(1) < product.end() or _SERVICE_OR_GOODS.match(name):
            continue
        if not name.startswith(thing) or _ACCESSORY.match(name[len(thing) :]):
            return True
    return any(
        other.startswith(thing) and _ACCESSORY.match(other[len(thing) :])
        for other in _cheaper_things(text, match)
    )


def _thing_lost(text: str, thing: str, match: re.Match[str]) -> bool:
    """Whether a loss the product caused is told, or damage of `thing` in a clause of its own."""
    if _LOSS.search(text):
        return True
    own = _bounds_of(text, match.start(1))
    for clause in _CLAUSE.finditer(text):
        if clause.span() != own and thing in clause.group(0) and _DAMAGED.search(clause.group(0)):
            return True
    return False


_CLAUSE = re.compile(r"[^,。!?;~]+")


def _bounds_of(text: str, index: int) -> Tuple[int, int]:
    """The span of the clause holding text[index]."""
    for clause in _CLAUSE.finditer(text):
        if clause.start() <= index < clause.end():
            return clause.span()
    return (index, index)


def _cheaper_things(text: str, match: re.Match[str]) -> List[str]:
    """The things priced lower than `match`'s sum in the message ("手机壳三十九块")."""
    value = parse_chinese_number(match.group(1).replace(",", ""))
    things = []
    for pattern in _MONEY_PATTERNS[:2]:
        for other in pattern.finditer(text):
            low = parse_chinese_number(other.group(1).replace(",", ""))
            if other.start(1) == match.start(1) or low is None or value is None or low >= value:
                continue
            named = _priced_thing(text, other.start(1))
            if named:
                things.append(named)
    return things


def _another_order(text: str, match: re.Match[str], number_end: int) -> bool:
    """Whether the sum is an earlier order's, or another thing's beside this order's own price.

    "上个月在你们店买电视花了五千，这次买的遥控器…"; "我买的是29块的数据线，客服却推荐你们3999
    的电视". Never when damage or a loss is told.
    """
    if _DAMAGED.search(text):
        return False
    if _EARLIER_BEFORE.search(text, 0, match.start(1)) and _THIS_ORDER_AFTER.search(
        text, number_end
    ):
        return True
    for price in _ORDER_PRICE.finditer(text):
        if price.start() <= match.start(1) < price.end():
            continue
        if _CLAUSE_OF.search(
            text, min(price.end(), match.start(1)), max(price.start(), match.start(1))
        ):
            return True
    return False


_CLAUSE_OF = re.compile(r"[,。!?;~]")


# (eighteenth round) A purchase only supposed, in a question: "如果我買兩千幾蚊嘅嘢，係咪有分期？",
# "要是买三千多的套餐能不能送货上门" (no order yet; not "如果不退我三千块…": no purchase verb).
_SUPPOSED_PURCHASE_BEFORE = re.compile(
    r"(?:如果|要是|假如|假设|如果係|要係)我?(?:想|要|再)?(?:买|買|订|訂|下单|拍|入)[^,。!?;]{0,4}$"
)
_ASKED = re.compile(r"[?？]|吗|嗎|係咪|系咪|是不是|有没有|有冇|能不能|可不可以|可以吗|点算|怎么")


def _supposed_purchase(text: str, start: int) -> bool:
    """A sum in a purchase only supposed, asked about (`_SUPPOSED_PURCHASE_BEFORE`, `_ASKED`)."""
    if not _SUPPOSED_PURCHASE_BEFORE.search(text, 0, start):
        return False
    end = min((i for i in (text.find(c, start) for c in "。!?;") if i >= 0), default=len(text))
    return bool(_ASKED.search(text, start, min(len(text), end + 1)))


def _value(match: re.Match[str], text: str) -> Optional[float]:
    """The yuan a money pattern's match states, or None when it is no price after all.

    A number that ends the match and goes on with a unit ("2000g", "2000积分", "三千多人") is
    a weight, points or a count, and so is one after a counted thing ("销量2000", "点赞三千
    多"); a salary or the rent is not the order ("工资才三千"); a number with w/k of a hundred or more is watts ("2000w的吹风机"); "快两千" is
    just below two thousand; a hotline's number ("打12315的") is no price without a currency.
    """
    number, magnitude = match.group(1), match.group(2)
    if _hotline(text, match) and not magnitude and not _CURRENCY_NAMED.search(match.group(0)):
        return None
    value = parse_chinese_number(number.replace(",", ""))
    if value is None:
        return None
    number_end = match.end(2) if magnitude else match.end(1)
    roughly = text[number_end : match.end()].strip() in _ROUGHLY
    if roughly and _NOT_MONEY_UNIT.match(text, match.end()):
        return None
    if _COUNTED_BEFORE.search(text, 0, match.start()) or _NOT_THE_ORDER.search(
        text, 0, match.start(1)
    ):
        return None
    if _OTHER_GOODS_BEFORE.search(text, 0, match.start(1)) and not _LOSS.search(text):
        return None
    if _NOT_THE_ORDER_AFTER.match(text, number_end) or _supposed_purchase(text, match.start(1)):
        return None
    if _LIST_PRICE_BEFORE.search(text, 0, match.start(1)) and _PAID_APART.search(text):
        return None
    owned = _OWNED_BEFORE.search(text, 0, match.start(1))
    if owned and not _BOUGHT_AFTER.match(text, number_end) and _owned_only(text):
        return None
    if _another_thing(text, match) or _another_order(text, match, number_end):
        return None
    if magnitude in ("w", "k") and value >= 100:
        return None
    if magnitude and not (number[-1] in "千万" and magnitude == number[-1]):
        value *= _MAGNITUDES[magnitude]
    if _BELOW.search(text, 0, match.start(1)) or _BELOW_AFTER.match(text, number_end):
        value -= 1
    return value * _rate(text, match.start(1), match.end(1))

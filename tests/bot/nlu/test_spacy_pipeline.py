import pytest

from bot.nlu.number_kinds import parse_chinese_number
from bot.nlu.spacy_pipeline import (
    build_pipeline,
    extract,
    one_order,
    primary_order,
)
from tests.bot.nlu.orders import primary


def found(text, label=None, pattern=None):
    return [
        (e["label"], e["value"])
        for e in extract(text, pattern)
        if label is None or e["label"] == label
    ]


def orders(text, pattern=None):
    return [value for _, value in found(text, "ORDER_ID", pattern)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 2024 1123 5567 的杯子碎了", "202411235567"),
        ("４５２１-８８７６-０９１２", "452188760912"),
        ("订单号：２０２４１１２３５５６７", "202411235567"),
        ("訂單號碼 LS-2024-1122-017", "LS20241122017"),
        ("我的单号是 tb-2024-1123-9987", "TB202411239987"),
        ("订单号 LS 2024 1120 001", "LS20241120001"),
        ("yz_20241101_5521 这单的赠品没到", "YZ202411015521"),
        ("订单　２０２４　１１２３　００６６", "202411230066"),
        ("单号是：202411 18 0305 谢谢", "202411180305"),
        ("订单(202411150420)的水杯漏水", "202411150420"),
        ("dd20241123889 这个单什么时候到", "DD20241123889"),
        ("订单15012345678 一直没发货", "15012345678"),
    ],
)
def test_order_numbers_are_found_and_normalised(text, expected):
    assert orders(text) == [expected]


def test_offsets_index_the_original_text():
    text = "訂單號：２０２４ １１２３-５５６７，謝謝"
    (entity,) = [e for e in extract(text) if e["label"] == "ORDER_ID"]
    assert entity["value"] == "202411235567"
    assert text[entity["start"] : entity["end"]] == "２０２４ １１２３-５５６７"
    assert entity["text"] == "２０２４ １１２３-５５６７"


@pytest.mark.parametrize(
    "text",
    [
        "订单号12345",  # too short
        "订单号 20241121123456789012345678",  # too long
        "订单后四位是0066",
        "2024年11月23日买的 杯子碎了",
        "快递单号SF1400223344 显示签收了",
        "邮编100086 东西没到",
        "验证码662839 是这个吗",
        "QQ 384729105 加我说吧",
        "你好",
    ],
)
def test_what_is_not_an_order_number(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, phone",
    [
        ("我电话是13912345678 你们打给我", "13912345678"),
        ("联系电话 139-1234-5678", "13912345678"),
        ("手机 138 1234 5678", "13812345678"),
        ("打 138 0013 8000", "13800138000"),
        ("+86 138 1234 5678", "13812345678"),
        ("手機０９１２３４５６７８", "0912345678"),
        ("座机 010-12345678", "01012345678"),
        ("13800138000是我的手机 不是订单号", "13800138000"),
        # Hong Kong mobiles have eight digits: a phone where the words say so
        ("可以 打 9123 4567 搵我", "91234567"),
        ("電話 6123-4567", "61234567"),
        ("+852 9123 4567", "91234567"),
        ("+886 912 345 678", "0912345678"),
    ],
)
def test_phone_numbers_by_shape_and_context(text, phone):
    assert found(text, "PHONE") == [("PHONE", phone)]
    assert orders(text) == []


def test_context_decides_phone_or_order_for_the_same_number():
    assert found("手机13812345678", "PHONE") == [("PHONE", "13812345678")]
    assert orders("手机13812345678") == []
    assert orders("订单号13812345678") == ["13812345678"]
    assert found("订单号13812345678", "PHONE") == []


def test_eight_digits_without_phone_words_stay_an_order():
    assert orders("訂單91234567") == ["91234567"]
    assert found("訂單91234567", "PHONE") == []


def test_both_numbers_in_one_message():
    text = "订单号202411200012，手机号15800001234，11月15号付的款699元"
    assert found(text) == [
        ("ORDER_ID", "202411200012"),
        ("PHONE", "15800001234"),
        ("DATE", "11月15号"),
        ("MONEY", 699.0),
    ]


@pytest.mark.parametrize(
    "text, amount",
    [
        ("买的时候花了1299块 到现在都没收到", 1299.0),
        ("退款￥328.00还没到账", 328.0),
        ("一共三百八十四元", 384.0),
        ("花了1,299.50元", 1299.5),
        ("两千块钱的东西", 2000.0),
        ("1.2万元的手机", 12000.0),
        ("rmb 99", 99.0),
        ("123456元", 123456.0),
    ],
)
def test_amounts_are_money_and_never_orders(text, amount):
    assert found(text, "MONEY") == [("MONEY", amount)]
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("11月23号买的", "11月23号"),
        ("2024-11-23下单", "2024-11-23"),
        ("2024/11/20 20:41 下的单", "2024/11/20"),
        ("2024年11月23日买的", "2024年11月23日"),
        ("十一月二十三号到的", "十一月二十三号"),
        ("昨天收到的", "昨天"),
        ("前天下的单", "前天"),
        ("上周三买的", "上周三"),
        ("双11买的", "双11"),
        ("昨天收到的貨", "昨天"),
    ],
)
def test_dates_keep_the_text_as_written(text, date):
    assert found(text, "DATE") == [("DATE", date)]
    assert orders(text) == []


def test_house_numbers_are_not_dates():
    assert found("我住3号楼1201室") == []


def test_order_pattern_is_configurable():
    pattern = r"^TB\d{8}$"
    assert orders("订单 tb-1234-5678", pattern) == ["TB12345678"]
    assert orders("订单 2024 1123 5567", pattern) == []
    assert build_pipeline(pattern) is build_pipeline(pattern)


@pytest.mark.parametrize("text", ["", "   ", "😡😡😡", "\x00\xff", "\ud800订单\udcff"])
def test_odd_input_gives_nothing_and_does_not_fail(text):
    assert extract(text) == []


def test_long_text_keeps_offsets():
    text = ("訂單２０２４１１２３５５６７沒到，花了２９９元。" * 500)[:10_000]
    entities = extract(text)
    assert entities
    for entity in entities:
        assert 0 <= entity["start"] < entity["end"] <= len(text)
        assert text[entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.parametrize(
    "numeral, value",
    [
        ("三百八十四", 384),
        ("一千二", 1200),
        ("三万五", 35000),
        ("一百零五", 105),
        ("十五", 15),
        ("两千", 2000),
        ("1.2万", 12000),
        ("八", 8),
    ],
)
def test_chinese_numerals(numeral, value):
    assert parse_chinese_number(numeral) == value


def test_not_a_numeral():
    assert parse_chinese_number("快递") is None
    assert parse_chinese_number("") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号2024.1123.5567", "202411235567"),
        ("订单 2024/1123/5567", "202411235567"),
        ("订单号 4521 - 8876 - 0912", "452188760912"),
        ("订单号 2024😡1123😡5567", "202411235567"),
        ("订单号2️⃣0️⃣2️⃣4️⃣1️⃣1️⃣2️⃣3️⃣", "20241123"),
        ("订单号：2024112\n35567", "202411235567"),
        ("No.202411235567", "202411235567"),
    ],
)
def test_separators_customers_type_between_groups(text, expected):
    assert orders(text) == [expected]


def test_a_whole_number_is_not_glued_to_its_neighbour():
    assert orders("订单号202411235567 13912345678") == ["202411235567"]
    assert found("订单号202411235567 13912345678", "PHONE") == [("PHONE", "13912345678")]
    assert orders("订单202411235567 299元") == ["202411235567"]
    assert orders("订单 2024 1123 5567 299元") == ["202411235567"]


def test_context_after_the_number_and_context_split_by_jieba():
    assert orders("13812345678是订单号") == ["13812345678"]
    assert orders("13912345678 订单号202411235567") == ["202411235567"]
    assert orders("快递单号 YT 7788 9900 1122") == []
    assert orders("顺丰单号 SF1400223344") == []
    assert orders("售后单号 2411230001") == []


def test_dates_and_hotlines_are_not_orders():
    assert orders("20241123 下的单") == []
    assert orders("订单号 20241123") == ["20241123"]
    assert orders("客服电话 400-123-4567") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号二零二四一一二三五五六七", "202411235567"),
        ("订单号 二零二四 一一二三 五五六七 麻烦查下", "202411235567"),
        ("订单号是二洞二四幺幺二三五五六七", "202411235567"),
        ("订单2024一一23五五67 还没到", "202411235567"),
        ("订单号二零二四一一二三五五六七一直没发货", "202411235567"),
        ("订单号②⓪②④①①②③⑤⑤⑥⑦", "202411235567"),
        ("订单号 2 0 2 4 1 1 2 3 5 5 6 7", "202411235567"),
        ("订单号是 二 零 二 四 一 一 二 三 五 五 六 七", "202411235567"),
        ("订单号2024112355O7 没收到", "202411235507"),
        ("JD：202411230098 收到的是坏的", "202411230098"),  # a colon: JD is a label (round 30)
        ("订单号：JD-202411230098", "JD202411230098"),
        ("订单号 2024，1123，5567", "202411235567"),
        ("订单号2024、1123、5567 东西坏了", "202411235567"),
        ("my order number is 202411235567", "202411235567"),
        ("order_id=202411235567", "202411235567"),
        ("订单编号:241123-056789012345678", "241123056789012345678"),
        ("订单号 241126 538207164920371", "241126538207164920371"),  # Pinduoduo, a space
        ("订单号 PDD 241126 538207164920371", "PDD241126538207164920371"),
        ("订单号 692-384-750-192-837-465-1", "6923847501928374651"),  # a dashed one-digit tail
        ("订单号S O横杠二零二四横杠零零一二三四", "SO2024001234"),  # letters spelt one by one
        ("订单号是285,413,097,762", "285413097762"),  # dictation's thousands separators
        ("订单流水号 2412263859017742", "2412263859017742"),
        (
            "交易单号 4200002345202411265012345678\n商户单号 3718452908126532864",
            "3718452908126532864",
        ),
    ],
)
def test_digits_written_other_ways(text, expected):
    assert orders(text) == [expected]


def test_chinese_numeral_offsets_index_the_original_text():
    text = "订单号二零二四一一二三五五六七，谢谢"
    (entity,) = [e for e in extract(text) if e["label"] == "ORDER_ID"]
    assert entity["value"] == "202411235567"
    assert entity["text"] == "二零二四一一二三五五六七"


@pytest.mark.parametrize(
    "text",
    [
        "iPhone15 屏幕有划痕",
        "RTX4090 显卡坏了",
        "买了2件 42码的鞋",
        "SF1400223344 显示已签收 但我没收到",
        "773012345678是快递单号",
        "https://item.jd.com/100012345678.html 这个杯子是坏的",
        "二零二四年十一月二十三日买的杯子",
        "手机幺三八幺二三四五六七八",
        "SN:A1B2C3D4E5F6 这台机器有问题",
        "卡密 ABCD-EFGH-1234-5678 充值失败",  # a key in dashed blocks, letters after the first
        "Windows 密钥 VK7JG-NPHTM-C97JM-9MPGT-3V66T",
        "退到这张卡 6222 0212 3456 7890 123",
        "付了 1,299,000 的定金",  # seven digits in thousands, no order word: not an order
    ],
)
def test_more_numbers_that_are_not_orders(text):
    assert orders(text) == []


def test_a_quantity_is_not_glued_to_an_order_number():
    assert orders("订单号 2024 1123 5567 3个都坏了") == ["202411235567"]


def test_every_order_number_in_order_and_one_primary():
    text = "订单202411235567和202411235568都没到"
    assert orders(text) == ["202411235567", "202411235568"]
    entities = extract(text)
    assert primary_order(entities)["value"] == "202411235567"
    assert [e["value"] for e in one_order(entities) if e["label"] == "ORDER_ID"] == ["202411235567"]
    assert primary_order(extract("你好")) is None


@pytest.mark.parametrize(
    "text, primary",
    [
        ("订单号不是202411235567，是202411235568", "202411235568"),
        ("刚才的202411235567写错了，订单号是202411235568", "202411235568"),
        ("商品 100012345678 有问题 订单号202411235567", "202411235567"),
        ("订单号202411235567 订单号202411235568 都没发货", "202411235567"),
        ("订单号202411235567 哦不对 是202411235568", "202411235568"),
        ("订单号：202411235567\n更正：202411235568", "202411235568"),
        ("订单号 202411235567\n更正一下，订单号是 202411235568", "202411235568"),
        ("订单号 202411235567 改成 202411235568", "202411235568"),
        # a correction in other words: sent or noted wrongly, "no, it is", a digit too few
        ("订单号 202412015566，记错了 是 202412015568", "202412015568"),
        ("訂單 202412015566\n唔好意思 發錯咗 係 202412015568", "202412015568"),
        ("订单号202412015566 噢不是 是202412015568", "202412015568"),
        ("订单号 20241201556 漏打了一位 202412015566", "202412015566"),
        # the later of two, picked after both
        ("单号 202412015566 还是 202412015586 记不清 应该是后边那个", "202412015586"),
        ("订单 202412015566 或者 202412015586，以后面的为准", "202412015586"),
        ("订单 202412015566 或者 202412015586，后面那个是旧的", "202412015566"),
    ],
)
def test_primary_order(text, primary):
    assert primary_order(extract(text))["value"] == primary


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号：1987654321 045", ["1987654321045"]),
        ("訂單編號 3049182756 88 ！", ["304918275688"]),
        # the digits after the space are something else, or no order word introduces them
        # a closing word after the digits keeps the tail since ord22 (test_order_left_items.py)
        ("订单号：1987654321 045 谢谢", ["1987654321045"]),
        ("订单号：1987654321 045 件", ["1987654321"]),
        ("订单号 1987654321 15天了", ["1987654321"]),
        ("订单号 1987654321 3 个", ["1987654321"]),
        ("1987654321 45", ["1987654321"]),
    ],
)
def test_digits_a_stray_space_cut_off_at_the_end_stay_with_the_order(text, expected):
    assert orders(text) == expected


def test_a_retracted_number_alone_is_still_the_order():
    assert [e["value"] for e in one_order(extract("202411235567写错了吗"))] == ["202411235567"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Temu 订单 PO-211-09283746501928374 少了两件", "PO21109283746501928374"),
        ("Temu PO-211-09283746501928374 没到", "PO21109283746501928374"),
        ("订单号 WxMall_2411280931_77 收到的是坏的", "WXMALL241128093177"),
        ("订单号 BJ-SH-2411-2809", "BJSH24112809"),
        ("订单编号 so-2024-abc-1128 颜色发错", "SO2024ABC1128"),
        ("订单号 2024-11-28-0931", "202411280931"),
        ("Order ID：wx_mall_2411280931", "WXMALL2411280931"),
        ("订单号：YZ.2024.1128.0931", "YZ202411280931"),
    ],
)
def test_ids_a_shop_system_prints_in_one_piece(text, expected):
    assert orders(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单No.8823401567 没收到赠品", "8823401567"),
        ("order no.2024112800931", "2024112800931"),
        ("订单号 2024-11-28 下单", None),
    ],
)
def test_a_label_or_a_date_printed_with_the_number_is_not_part_of_it(text, expected):
    assert orders(text) == ([expected] if expected else [])


def test_prose_after_a_dashed_number_does_not_make_it_a_code():
    text = "Amazon order 113-4829301-7765290, the charger arrived broken"
    assert orders(text) == ["11348293017765290"]
    assert orders("ABCD-EFGH-1234-5678 用不了") == []
    assert orders("券码 ABCD-EFGH-1234-5678") == []


@pytest.mark.parametrize(
    "text, parcel",
    [
        ("国际件 EA123456785CN 卡在海关", "EA123456785CN"),
        ("UPS tracking 1Z999AA10123456784 no update", "1Z999AA10123456784"),
        ("UPS 1Z999AA10123456784", "1Z999AA10123456784"),
        ("菜鸟单号 LP00192837465019 一直不动", "LP00192837465019"),
        ("tracking no: 1234567890123", "1234567890123"),
        ("DHL 1234567890 没更新", "1234567890"),
    ],
)
def test_cross_border_parcels_are_tracking_numbers(text, parcel):
    assert ("TRACKING_NO", parcel) in found(text, "TRACKING_NO")
    assert orders(text) == []


def test_a_parcel_beside_the_order_leaves_the_order():
    text = "运单号 EA123456785CN 订单号 2411281093847561"
    assert primary_order(extract(text))["value"] == "2411281093847561"


def test_order_sn_is_an_order_label_not_a_serial_number():
    assert orders("Shopee order SN 241128QWERTY12 parcel empty") == ["241128QWERTY12"]
    assert orders("SN 241128QWERTY12") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("单号: 2024 1128 0093 1", "2024112800931"),
        ("订单号 381 029 384 756 1", "3810293847561"),
        ("订单号 2024 1128 0093 1件没到", "202411280093"),
    ],
)
def test_the_last_digit_of_a_number_typed_in_even_groups(text, expected):
    assert orders(text) == [expected]


def test_an_order_and_a_phone_printed_with_a_slash_stay_two_numbers():
    text = "订单号301234567890/13812345678"
    assert orders(text) == ["301234567890"]
    assert found(text, "PHONE") == [("PHONE", "13812345678")]


@pytest.mark.parametrize(
    "text",
    [
        "2024112814:35 下的单",  # date and hour, minutes after a colon
        "11010519491231002X 这是我身份证",  # resident ID, check digit X
        "310115198512034562 退款退到哪",  # resident ID, check digit 2
    ],
)
def test_a_time_stamp_and_resident_ids_are_not_orders(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 20241128143520", "20241128143520"),
        ("20241128000931 到现在没发货", "20241128000931"),  # a date and a counter: an order
        ("440306199001011235", "440306199001011235"),  # ID-shaped, but the check digit is wrong
        ("202411281435 这单", "202411281435"),
    ],
)
def test_what_only_looks_like_a_time_stamp_or_an_id_card(text, expected):
    assert orders(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 3810293847****9384",
        "订单号 3810293847****",
        "订单号：381029384756...9384",
        "订单号 3810xxxx9384",
        "138xxxx5678 联系我",
    ],
)
def test_a_masked_number_is_no_order(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "订单号**3810293847561029384**",  # bold, not a mask
        "订单号3810293847561029384...怎么还没发货",  # a pause, not hidden digits
    ],
)
def test_asterisks_and_dots_that_hide_nothing(text):
    assert orders(text) == ["3810293847561029384"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("order code: SO2024112800931", "SO2024112800931"),
        ("单据编号：DJ20241128000931", "DJ20241128000931"),
        ("주문번호 20241128000931", "20241128000931"),
        ("注文番号 249-1234567-1234567", "24912345671234567"),
    ],
)
def test_more_order_labels(text, expected):
    assert orders(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["核销码 381029384756", "卡券号 3810293847561029397", "运费险单号 2024112800931"],
)
def test_redemption_codes_and_insurance_numbers_are_not_orders(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("单号 SF1402938475611 三天没动", None),  # 单号 alone: the shape says parcel
        ("我的单号SF1402938475611", None),
        ("单号 3810293847561029384", "3810293847561029384"),
        ("订单 SF1402938475611", "SF1402938475611"),  # called an order: the customer's word
    ],
)
def test_a_parcel_shape_after_the_bare_word_dan_hao(text, expected):
    assert orders(text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "抖音号 dy123456789 关注一下",
        "小红书号 123456789",
        "店铺ID 12345678 这家店",
        "商品编码 6901234567890 扫不出来",
    ],
)
def test_platform_accounts_shops_and_product_codes_are_not_orders(text):
    assert orders(text) == []


def test_an_account_beside_the_order_leaves_the_order():
    assert orders("抖音号 dy123456789 订单编号 6938201746592018375") == ["6938201746592018375"]
    assert orders("订单编码 6938201746592018375") == ["6938201746592018375"]


@pytest.mark.parametrize(
    "text",
    ["付款 2024-11-28T14:35:20+08:00", "买了 100000 个 结果只到了一半", "补发了 2000 件"],
)
def test_iso_times_and_large_quantities_are_not_orders(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 j d 294817365023", "JD294817365023"),
        ("订单号 J D 294817365023", "JD294817365023"),
        ("V X 13812345678", None),  # a label spelt out, then a phone
    ],
)
def test_a_spelt_prefix_before_a_whole_number(text, expected):
    assert orders(text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号JD 301234567890", "JD301234567890"),
        ("订单号：jd 298374650192，洗衣机漏水", "JD298374650192"),
        ("小红书 订单 P 758201938475610293", "P758201938475610293"),
        ("订单号 PO 211 29384756102938475 包裹丢了", "PO21129384756102938475"),
        ("订单号 JD 3012 3456 7890", "JD301234567890"),
        ("單號係JD 301928374657 部機開唔到", "JD301928374657"),
        ("订单号 JD 三零幺九二八三七四六六四", "JD301928374664"),  # voice input
    ],
)
def test_a_letter_prefix_an_order_word_introduces_keeps_its_space(text, expected):
    assert orders(text) == [expected]


def test_a_spaced_prefix_joins_the_number_and_stops_at_it():
    # round thirty's one rule: spaced letters before the digits are the id's, no label needed
    assert orders("JD 301234567890 到了") == ["JD301234567890"]
    assert found("订单号 JD 301234567890 13812345678") == [
        ("ORDER_ID", "JD301234567890"),
        ("PHONE", "13812345678"),
    ]
    assert found("单号 SF 1234567890123", "TRACKING_NO") == [("TRACKING_NO", "SF1234567890123")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My order number is 112-3019283-7465019, the box was empty", "11230192837465019"),
        ("the order for 2031928374650192839 was late", "2031928374650192839"),
    ],
)
def test_english_words_before_a_number_are_no_prefix(text, expected):
    assert orders(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("張單嘅編號係 241130K7HM2P9Y，未收到", "241130K7HM2P9Y"),
        ("订单的编号是 241130K7HM2P9Y", "241130K7HM2P9Y"),
        ("柯打編號 HK2411281930AB", "HK2411281930AB"),
    ],
)
def test_cantonese_order_labels(text, expected):
    assert orders(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "統一編號 12345678 發票抬頭打錯",
        "纳税人识别号 914403001234567890",
        "淘宝会员名 tb12345678 账号被封了",
        "用户名 jd_20241128",
    ],
)
def test_tax_ids_and_account_names_are_not_orders(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 301234567890，JD 301234567891 也没到", ["301234567890", "JD301234567891"]),
        ("订单号 JD 301234567890，JD 301234567891", ["JD301234567890", "JD301234567891"]),
    ],
)
def test_a_comma_before_letters_lists_two_numbers_it_makes_no_code(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text, primary",
    [
        # the one this complaint is about, told from an earlier order
        ("上回那单 6012983745610293847 退掉了 这回的是 6012983745610293874", "6012983745610293874"),
        (
            "两单 4410293847561029384、4410293847561029348 有问题的是 4410293847561029348",
            "4410293847561029348",
        ),
        # vouched for after it
        ("单号 390128475601 不确定 390128475610 这个才是对的", "390128475610"),
        ("订单 390128475601 和 390128475610，以这个为准", "390128475610"),
        # taken back with 这个 / in English
        ("订单号 390128475601 这个号码不对 390128475610", "390128475610"),
        ("order 390128475601 oops typo, 390128475610", "390128475610"),
        ("order 390128475601, my bad, wrong number. should be 390128475610", "390128475610"),
        # a correction makes an order of an id with five or more letters of its own
        ("訂單 250311QK8M2ZPA 寫錯了 是 250311QK8M2ZAP", "250311QK8M2ZAP"),
        # digits swapped, "not this one", marked wrong and right in brackets, sent again
        ("订单 482910375612 打反了 482910375621", "482910375621"),
        ("订单号 482910375612 不是这个 是 482910375621", "482910375621"),
        ("订单 482910375612（错的） 482910375621（对的）", "482910375621"),
        ("订单号 482910375612 我重新发一下 482910375621", "482910375621"),
        # the later one named by position as the one at fault
        ("482910375612 跟 482910375621 两单，后一单没到", "482910375621"),
        ("第一单 482910375612 第二单有问题的是 482910375621", "482910375621"),
    ],
)
def test_which_of_two_orders_a_complaint_files(text, primary):
    assert primary_order(extract(text))["value"] == primary


def test_a_vouching_word_with_a_negation_takes_nothing():
    """ "这个不是对的" after the later number does not make it the one (the first stays)."""
    text = "390128475601 还有 390128475610 这个不是对的"
    assert primary_order(extract(text))["value"] == "390128475601"


@pytest.mark.parametrize(
    "text",
    [
        "1581234567 是我电话 订单还没到",  # a digit short of a mobile, still called a phone
        "幺五八幺二三四五六七八九零 这个是我手机",
    ],
)
def test_a_number_said_to_be_a_phone_is_no_order(text):
    assert orders(text) == []


def test_a_phone_word_after_a_bare_order_introduces_the_next_number():
    assert orders("390128475601 电话15812345678 尽快处理") == ["390128475601"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("that's 390128475601", ["390128475601"]),
        ("it’s 112-9876543-2109876 thanks", ["11298765432109876"]),
    ],
)
def test_the_s_of_an_english_contraction_is_no_prefix(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "身分證字號 F234567890 要填嗎",
        "护照号 EJ1234567 过期了",
        "包裹追蹤編號 TW250311987654",
        "货运单号 660123456789 查不到",
    ],
)
def test_identity_papers_and_parcel_labels_are_no_orders(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "C20250417-0032 处理到哪了",  # the bot's own ticket id, quoted back bare
        "投诉单 C20250417-0032 没人回",
        "发票代码 044031900111 抬头错了",
        "签收码 604218 快递员要",
    ],
)
def test_tickets_invoice_codes_and_receipt_codes_are_no_orders(text):
    assert orders(text) == []


def test_a_number_a_this_order_phrase_follows_is_an_order():
    """ "这张订单" after an id with many letters of its own calls it an order."""
    assert orders("250417ZXQ8K2MW 這張訂單還沒出貨") == ["250417ZXQ8K2MW"]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2411・2388・4756・1023",
        "订单号 2411‧2388‧4756‧1023",
        "订单号 2411 | 2388 | 4756 | 1023",
        "订单号：2411｜2388｜4756｜1023",
        "订单号 2411*2388*4756*1023",
        "单号 2411＊2388＊4756＊1023",
    ],
)
def test_dots_bars_and_stars_between_the_groups_of_an_order(text):
    assert orders(text) == ["2411238847561023"]


@pytest.mark.parametrize(
    "text",
    ["尺寸 120*60*75 太小了", "规格 300*400*500 和描述不符", "颜色 | 尺码 | 2411 | 2388"],
)
def test_stars_and_bars_without_an_order_word_join_nothing(text):
    """A size or a table's columns: "*" and "|" join groups only after an order word."""
    assert orders(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "订单号 24112388\n47561023",
        "订单号 38472619\n50384756201",  # the rest alone is long enough to be a number
        "订单号是38472619 后面是50384756201",
        "订单号前面是 38472619，后面是 50384756201",
        "单号 38472619 后半段 50384756201",
    ],
)
def test_the_rest_of_an_order_on_the_next_line_or_after_houmian(text):
    assert "".join(orders(text)) in ("2411238847561023", "3847261950384756201")
    assert len(orders(text)) == 1


def test_the_rest_on_the_next_line_is_no_mobile_and_needs_an_order_word():
    assert found("订单号 38472619\n13812345678") == [
        ("ORDER_ID", "38472619"),
        ("PHONE", "13812345678"),
    ]
    assert orders("38472619\n50384756201") == ["38472619", "50384756201"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 6928 3746 1520 3948 571", ["6928374615203948571"]),
        ("订单号是 六九二八 三七四六 一五二零 三九四八 五七一", ["6928374615203948571"]),
    ],
)
def test_groups_in_the_rhythm_of_the_order_are_no_phone(text, expected):
    """The last groups read 152 0394 8571 but go on in the order's fours: no phone starts."""
    assert orders(text) == expected


def test_a_phone_in_its_own_rhythm_after_a_grouped_order_stays_a_phone():
    assert found("订单号 2024 1123 5567 138 1234 5678") == [
        ("ORDER_ID", "202411235567"),
        ("PHONE", "13812345678"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2411 2388 4756 1023 2411 2388 4756 1023",
        "订单号 2411 2388 4756 1023，2411 2388 4756 1023",
        "订单号 2411-2388-4756-1023 2411-2388-4756-1023",
        "订单号 24112388 47561023 24112388 47561023",
    ],
)
def test_a_grouped_order_pasted_twice_is_one_order(text):
    assert set(orders(text)) == {"2411238847561023"}


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2817345690123 sorry 是 2817345690124",
        "订单号 2817345690123 不好意思 是 2817345690124",
        "订单号 2817345690123 哦不 应该是 2817345690124",
        "订单号 2817345690123 不不不 是 2817345690124",
        "订单号 2817 3456 90123 啊不 是 2817 3456 90124",
    ],
)
def test_an_apology_or_a_bare_no_before_the_right_order(text):
    assert primary_order(extract(text))["value"] == "2817345690124"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 2817345690123 最后一位是 4 不是 3", "2817345690124"),
        ("订单号 2817345690123 最后一位应该是4，不是3", "2817345690124"),
        ("订单号 2817345690123，最后两位是32不是23", "2817345690132"),
        ("订单号 2817345690123 最后一个数字不是3是4", "2817345690124"),
        ("订单号 2817345690123，尾数应该是4，不是3", "2817345690124"),
        # the digits said to be wrong are not the number's: nothing to amend
        ("订单号 2817345690123 最后一位是 5 不是 9", "2817345690123"),
        ("订单号 2817345690123 最后一位是3没错", "2817345690123"),
    ],
)
def test_a_correction_of_the_last_digits_amends_the_order(text, expected):
    assert primary_order(extract(text))["value"] == expected


@pytest.mark.parametrize(
    "text, phone",
    [
        ("13812345678 是我电话，2817345690123 是订单号", "13812345678"),
        ("13812345678 是我手机号，订单号是 2817345690123", "13812345678"),
        ("2817345690123 是订单号 13812345678 是电话", "13812345678"),
    ],
)
def test_a_label_said_of_the_number_before_does_not_introduce_the_next(text, phone):
    assert orders(text) == ["2817345690123"]
    assert ("PHONE", phone) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "宝贝ID 689123456789 和详情页不一样",
        "直播间 ID 758392016 主播说送赠品",
        "用户ID 12345678 登不上",
    ],
)
def test_a_bare_id_label_is_no_order(text):
    assert orders(text) == []


@pytest.mark.parametrize(
    "text", ["订单 ID：2411238847561023", "订单ID 2411238847561023", "ID 2411238847561023 的订单"]
)
def test_an_id_called_the_order_is_one(text):
    assert orders(text) == ["2411238847561023"]


@pytest.mark.parametrize(
    "text",
    [
        "订单号 2411。2388。4756。1023",  # a Chinese IME's dot
        "订单号 2411——2388——4756——1023",  # a Chinese IME's dash
        "订单号 2411 -- 2388 -- 4756 -- 1023",
        "订单号 2411~~2388~~4756~~1023",
        "订单号 2411•2388•4756•1023",
    ],
)
def test_a_chinese_imes_dots_and_doubled_dashes_between_the_groups(text):
    assert orders(text) == ["2411238847561023"]


def test_a_full_stop_without_an_order_word_ends_a_sentence():
    assert orders("2411238847561023。13812345678") == ["2411238847561023"]
    assert orders("等了 2411。2388 没人管") == []


def test_two_orders_of_one_shape_typed_back_to_back_are_two():
    text = "订单号 2411 2388 4756 1023 2411 2388 4756 1024"
    assert orders(text) == ["2411238847561023", "2411238847561024"]
    assert orders("订单号 2411 2388 4756 1023") == ["2411238847561023"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("下单时间：2024-11-23 15:56:07\n订单号：202411231556070012", "202411231556070012"),
        ("订单号 202411231556070012", "202411231556070012"),
        ("订单号 9912315000487721", "9912315000487721"),
    ],
)
def test_a_user_word_of_digits_does_not_cut_a_number_apart(text, expected):
    # the model's tokenizer loads the project's jieba words ("12315", the consumer hotline)
    # into the one jieba the extractor segments with too
    from bot.nlu.tokenizer import (
        DEFAULT_DICTIONARY_PATH,
        NormalizingJiebaTokenizer,
        _resolve_dictionary_path,
    )

    NormalizingJiebaTokenizer._load_custom_dictionary(
        _resolve_dictionary_path(DEFAULT_DICTIONARY_PATH)
    )
    assert orders(text) == [expected]
    assert orders("我要打12315投诉") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("dingdan hao 202411235567, beizi sui le", "202411235567"),
        ("dingdan hao: 5510293847261", "5510293847261"),
        ("dingdan hao: JD5510293847261", "JD5510293847261"),
        ("dingdan hao: ＪＤ5510293847261", "JD5510293847261"),
        ("dingdanhao：TB202411235567", "TB202411235567"),
        ("dd hao JD5510293847261", "JD5510293847261"),
        ("Dingdan Hao shi 18822734561029", "18822734561029"),
        ("wo de dingdan shi JD5510293847261", "JD5510293847261"),
        ("dingdan bianhao 583920174652", "583920174652"),
    ],
)
def test_an_order_label_typed_in_pinyin(text, expected):
    assert orders(text) == [expected]


def test_a_pinyin_label_without_a_number_is_no_order():
    assert orders("dingdan hao wo wang le") == []
    assert orders("HAO5510293847261") == ["HAO5510293847261"]  # letters glued on stay


@pytest.mark.parametrize(
    "text, expected",
    [
        ("【京东】订单 ＪＤ20241123 5567", "JD202411235567"),
        ("订单 JD12345678 5567", "JD123456785567"),
        ("JD20241123 5567", "JD202411235567"),
    ],
)
def test_a_letter_prefix_does_not_make_the_first_group_a_whole_number(text, expected):
    assert orders(text) == [expected]


def test_a_count_after_a_prefixed_group_is_not_glued_on():
    assert orders("订单 JD20241123 5件坏了") == ["JD20241123"]


# Round ten (bench/order_grammar.py): one case per class the grammar found.
@pytest.mark.parametrize(
    "text, expected",
    [
        # the label after the number, behind a bracket or quote, or pointing back
        ("【９７７12229７1５8】這個訂單\n14449693214", ["977122297158"]),
        ("(26-60792-86738)这个订单～，800-307-1490打不通", ["266079286738"]),
        ("“250611N5RC8D6M”那個單子三天沒人理", ["250611N5RC8D6M"]),
        ("（20240118090066436）是订单号 ， 14207592442", ["20240118090066436"]),
        ("２４０５０７ＸＣＶＡＵＶ３Ｍ 嗰張單\n9w", ["240507XCVAUV3M"]),
        # the labels typed with an IME's typo, and 張單
        ("+8618249885330，订单好为“ｒａ７４３–０３７１”", ["RA7430371"]),
        ("訂丹號  （18l8 6042 839），謝謝", ["18186042839"]),
        ("我張單=(２３０８２３ＣＡ９５ＶＧ２Ｔ)", ["230823CA95VG2T"]),
        # a dash look-alike, and a look-alike digit after a tab
        ("订单號是：Ｈ8725ー0865ー8865😭", ["H872508658865"]),
        ("柯打號碼2O23一0119一2723一8448一11；2千", ["202301192723844811"]),
        ("訂單號 ８８３９\t５７１０\t５４Ｏ８", ["883957105408"]),
    ],
)
def test_round_ten_orders(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what follows a number on the same line or the next is no part of it
        ("我张单是３７０５—９１５９—５２２，RMB536.00", ["37059159522"]),
        ("2022082870667227\n800-226-7283打不通", ["2022082870667227"]),
        ("订丹号：32-78604-17310，800-075-8743打不通", ["327860417310"]),
        ("下单时间 2023-06-23 18:49:48，２３１１１５－９７７９３９４５８９１２６９０是我的订单号", ["231115977939458912690"]),
        ("dingdanhao 222-3074180-1948089😭 ， 2024年4月买的", ["22230741801948089"]),
        ("订单號：【521790—5681—164021—62619—56】", ["52179056811640216261956"]),
        ("手機 162 1944 8710 ， ８86２-2６77-９1６８-４１３8-２３", ["886226779168413823"]),
        ("拼多多訂單號是３６８０一６８４８一３８５１，20240305那天買的", ["368068483851"]),
        ("订单编号为６２6１\t8８１２\t4６l２。 6k", ["626188124612"]),
        ("訂單號：\nnhut807·529·571·431，800-328-2415打不通", ["NHUT807529571431"]),
        ("中通快遞3861202411647\n８１５６ ３５７８ ２９３３ ０６１ 麻煩處理", ["815635782933061"]),
        ("售后单号8288391890340519\n9605 5043 28760", ["9605504328760"]),
        ("https://item.jd.com/935877199060.html！“９０５＿０８９２７＿８９０７” 嗰張單", ["905089278907"]),
        # no order at all
        ("没有单号，800-748-9932打不通", []),
        ("沒有訂單號碼 ， 20240513那天買的", []),
        ("没有订单编号 ， SF4481435795179，谢谢", []),
        ("沒有訂單號碼，RMB6732.00", []),
        ("JT5727809774994，訂單裏7件", []),
        ("YT9169591322629，订单日期2023-01-27", []),
        ("再不處理就投訴到12315，20230811那天買的", []),
    ],
)
def test_round_ten_neighbours_and_no_orders(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # numerals with a quantity after; groups with filler words or ellipses between
        ("单号 七七六五 四三二一 九八，一万五千块买的", "7765432198"),
        ("订单号 3388 然后 2299 然后 1177", "338822991177"),
        ("订单编号 4455，等等，6677，8899", "445566778899"),
        ("单号 7788...9900...1122", "778899001122"),
        # an order in a link's path, and a number right after a link
        ("https://m.shop.cn/orders/771122334455/info?utm_medium=sms", "771122334455"),
        ("https://shop.cn/help 112-3344556-7788990 这个订单", "11233445567788990"),
        # letters after a line break open another id
        ("取件码 552211\nAB778899 这单", "AB778899"),
        # a mini-program's WX prefix printed with the id after an order word; no label then
        ("订单号 wx-5521-7730-1986", "WX552177301986"),
        ("订单 ID-5521-7730-1986", "552177301986"),
    ],
)
def test_round_eleven_shapes(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last digits or a named group corrected after the number
        ("订单号 556677889900 后三位错了 应该是 911", "556677889911"),
        ("订单号 556677889900 最后四位是 1234", "556677881234"),
        ("订单号 556677889900 不对 后两位是 11", "556677889911"),
        ("订单号 5566 7788 9900 第三段是9911不是9900", "556677889911"),
        # taken back, then the right one
        ("订单号 556677889900，呃不是，556677889911", "556677889911"),
        ("order 556677889900 never mind, 556677889911", "556677889911"),
        ("订单号 556677889900 撤回 556677889911", "556677889911"),
        ("订单号 556677889900，哦填错了，以这个为准 556677889911", "556677889911"),
        ("先给的 556677889900 不算 是 556677889911", "556677889911"),
        # called wrong itself and nothing given instead: no order to file
        ("订单号 556677889900 不对 这个不是 等我找找", None),
        ("单号 556677889900 作废", None),
        ("556677889900 是错的，对的我再找找", None),
        # about the goods, a question, or set aside alone: still the order
        ("订单号 556677889900 发错货了", "556677889900"),
        ("556677889900写错了吗", "556677889900"),
        ("订单号 556677889900 没问题吧 怎么还不发货", "556677889900"),
        ("订单 556677889900 退了", "556677889900"),
    ],
)
def test_round_eleven_corrections_and_retractions(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 556677889900 好好的，订单 112233445566 坏了", "112233445566"),
        ("556677889900 已经退掉了 112233445566 还没到", "112233445566"),
        ("556677889900 这个是我朋友的，112233445566 杯子碎了", "112233445566"),
        ("556677889900 和 112233445566，漏发的是后面那个", "112233445566"),
        ("556677889900 和 112233445566 都是我的，碎了的是后面那个", "112233445566"),
        ("556677889900 112233445566 投诉的是第二个", "112233445566"),
        ("556677889900 和 112233445566，碎了的是前面那个", "556677889900"),
        ("单号 556677889900 这个不是我要投诉的，要投诉的是 112233445566", "112233445566"),
        ("订单号 5566 7788 9900 嗯 不是 5566 7788 9911", "556677889911"),
        ("订单号 5566 7788 9900 不是 5566 7788 9911", "556677889900"),  # "not Y": Y taken back
    ],
)
def test_round_eleven_which_of_two_orders(text, expected):
    assert primary(text) == expected


def test_short_numbers_said_in_a_row_are_no_order():
    assert orders("打了400 800 都没人接") == []
    assert orders("订单号 400 800") == ["400800"]  # an order word says what it is


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ellipsis between every group, with a sigh before and after the number
        ("单号…3847…2619…5038…唉", "384726195038"),
        ("订单号……5566……7788……9900……", "556677889900"),
        # a backslash for the slash key, only after an order word
        ("订单 5566\\7788\\9900 到了是坏的", "556677889900"),
        # dictation fillers with 是: "然后是", "接着是"
        ("订单号 5566，然后是7788，接着是9900", "556677889900"),
    ],
)
def test_round_twelve_separators(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号 5566 7788 99…后面几位忘了",
        "订单号 556677889900 后面两位我记不清了",
        "订单号是556677889 剩下几位看不清",
        "订单 5566778899 发错了 这个不是 我再找找",
        "5566\\7788",  # no order word: a backslash joins nothing
    ],
)
def test_round_twelve_numbers_never_filed(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单 556677889900，呃不，556677889911，刚才按错了", "556677889911"),
        ("订单号 556677889900 第五位是8不是7", "556687889900"),
        ("订单号 556677889900 第5位不是7 是8", "556687889900"),
        ("订单号 556677889900 倒数第二位是1不是0", "556677889910"),
        ("订单号 556677889900 第五位是8不是6", "556677889900"),  # the place holds no 6: unchanged
        ("556677889900 556677889911 应该是11结尾那个", "556677889911"),
        ("556677889900 和 556677889911，尾号是11的那个坏了", "556677889911"),
        ("556677889900 和 556677889911 都是我的", "556677889900"),  # nothing chosen: the first
        # what happened next, the goods sent wrong: still the order
        ("订单号 556677889900 后面不知道怎么回事就坏了", "556677889900"),
        ("订单 556677889900 发错了 这个不是我买的颜色", "556677889900"),
    ],
)
def test_round_twelve_corrections_and_choices(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # said in numerals, the rest typed in digits: the space at the switch joins them
        ("订单号 五五六 6778899001 杯子碎了", ["5566778899001"]),
        ("订单号 556 六七七八八九九零零一", ["5566778899001"]),
        # a whole number in numerals, then a mobile: two numbers
        ("订单号 五五六六七七八八九九零零 13812345678", ["556677889900"]),
        # spelt one by one, switching script on every digit or two
        ("订单号 5 5 6 6 七 七 8 8 九 九 0 0", ["556677889900"]),
    ],
)
def test_round_twelve_half_in_numerals(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an English word dashed to the number after an order word is the shop's prefix
        ("订单号 ME-9645-2728-0321-978", ["ME964527280321978"]),
        ("订单 IS-2024-1123-0088 没发货", ["IS202411230088"]),
        # with a space it is English before the number
        ("my order is 112-3456789-1234567", ["11234567891234567"]),
    ],
)
def test_an_english_word_dashed_to_an_order_is_its_prefix(text, expected):
    assert orders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a digit too few or too many, said of the number and not retyped: the customer will
        # give the right one
        "订单号 3391028475 少了一位 我再找找",
        "订单号 20938475611 最后一位多了",
        "订单号3829104756，多打了一位",
        # said after the number to be something else
        "123456 是验证码吗？不是订单号吧",
        "5510293846 是会员卡号",
        "ticket 778291 was closed but my problem is not solved",
        "case id 77829134 is still open",
    ],
)
def test_round_thirteen_numbers_never_filed(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the mistake named, then the right number
        ("订单号 382910475 不对少了一位，是 3829104756", "3829104756"),
        ("订单号 3829104756 少打了一位 38291047561", "38291047561"),
        # an arrow from the wrong number to the right one; the mistake named after it is the
        # earlier number's
        ("订单 1029384756 → 1029384765 打反了", "1029384765"),
        ("订单 1029384756 -> 1029384765", "1029384765"),
        ("订单 1029384756 应该是 1029384765 打错了", "1029384765"),
        # the goods, not the number: still the order
        ("订单号 3829104756 少了一件", "3829104756"),
        ("订单号 3829104756 漏填了地址", "3829104756"),
        ("3829104756 → 已签收 但是没收到", "3829104756"),
        # a word after 是 that is no label
        ("3829104756 是卡在中转站了吗", "3829104756"),
        ("3829104756 是在直播间买的", "3829104756"),
        ("3829104756 是我要退款的订单", "3829104756"),
    ],
)
def test_round_thirteen_corrections(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("旧订单 3391028475 新订单 5510293846 新的这个有问题", "5510293846"),
        ("我老婆的订单 5501928374 我的订单 6601928374 我要投诉的是我的", "6601928374"),
        ("我的订单 3829104756 我妈的订单 5510293846 我妈的有问题", "5510293846"),
        ("大号的订单 3829104756 小号的订单 5510293846 是小号的", "5510293846"),
        # the qualifier said of the one without fault, or not said: the first
        ("新订单 3829104756 旧订单 5510293846 新的没问题", "3829104756"),
        ("新订单 3829104756 旧订单 5510293846", "3829104756"),
        # an earlier order, by when, set aside
        ("这个 5529103847 是上个月的单子，这个月的是 7719203846", "7719203846"),
        ("5529103847 是上周的 没问题", "5529103847"),  # the only one: still the order
    ],
)
def test_round_thirteen_orders_told_apart_by_a_qualifier(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号 202411235567 多了一个充电器 我没买",
        "订单号 202411235567 多了一个东西",
        "订单 202411235567 多了一个 我只买了一个 发了两个",
    ],
)
def test_an_extra_item_in_the_parcel_is_no_extra_digit(text):
    """"多" after an order-length number is no "200多 (about 200)" and "多了一个" no digit too
    many: the goods had one piece too many, the order stays."""
    assert orders(text) == ["202411235567"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("系统说签收了？？ DD20241123889 钱退我！！！", "DD20241123889"),
        ("202411180305 钱退我", "202411180305"),
        ("订单 202411235567 钱什么时候退", "202411235567"),
    ],
)
def test_money_asked_for_after_an_order_is_no_amount(text, expected):
    """"钱" after an order-length number starts the next clause ("钱退我"), as "多" does:
    the order was read as an amount and the bot asked for it again and again
    (dialogues_dev9 v007)."""
    assert orders(text) == [expected]


def test_about_an_amount_and_a_digit_too_many_still_read():
    assert [(e["label"], e["value"]) for e in extract("花了 200 多 块")] == [("MONEY", 200.0)]
    corrected = primary_order(extract("订单号 2024112355670 多了个0 应该是 202411235567"))
    assert corrected is not None and corrected["value"] == "202411235567"
    assert primary_order(extract("订单号 2024112355670 多了一个0")) is None


# --- metamorphic round (ord15): rewrites of a message that must keep its order number


@pytest.mark.parametrize(
    "text, expected",
    [
        # a correction, a choice or a label read past the brackets, quotes and emoji around it
        ("订单号 202411235567 前面那个作废 正确的是 「202411235576」", "202411235576"),
        ("订单号202411235567，不对不对打错了，是“202411235568”", "202411235568"),
        ("订单号：301276548813\n更正：【301276548831】", "301276548831"),
        ("订单 1029384756 → `1029384765` 打反了", "1029384765"),
        ("旧订单 3391028475 新订单 「5510293846」 新的这个有问题", "5510293846"),
        ("我老婆的订单 5501928374 我的订单 👉6601928374🙏 我要投诉的是我的", "6601928374"),
        ("`5510293847` 是订单编号，13812345678 是我电话", "5510293847"),
        ("👉DD88291034🙏 是订单号，YD2291038475 是运单号", "DD88291034"),
        ("@客服小美 `240314PD8UR43X` 这个订单号", "240314PD8UR43X"),
        ("包裹被壓扁了「「２４１０２５Ｈ３Ｍ６ＧＴＮＧ」」這個訂單", "241025H3M6GTNG"),
        # taken back or voided inside quotes too, as without them
        ("不是「202411235567」，是202411200012", "202411200012"),
        # the mistake named after the right one, then ~~ or emoji
        ("订单 1029384756 → 1029384765 打反了~~", "1029384765"),
        ("订单 1029384756 → 1029384765 打反了😭🙏", "1029384765"),
        # the later one chosen, then a clause with a small number
        ("订单 289374615023 289374615028 后面那个是对的，一共付了299元", "289374615028"),
        ("两单 202411235567、202411287781，第二单少发了一件，2024年11月23日买的", "202411287781"),
    ],
)
def test_metamorphic_wrapped_and_followed(text, expected):
    assert primary(text) == expected


def test_metamorphic_words_said_of_a_wrapped_number_still_name_it():
    """Guards: what the words said before the wrapping still holds."""
    assert orders("`13812345678`是订单号") == ["13812345678"]
    assert primary("第一个 202411235567 第二个有问题的是 202411287781") == "202411287781"
    assert orders("「13800138000」是我的手机") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("定单ID 7712003456 退款没到", "7712003456"),
        ("丁单id：6923847501928374651", "6923847501928374651"),
        ("13812345678是定单号", "13812345678"),
        ("订丹流水号 2412263859017742", "2412263859017742"),
        ("旧定单 3391028475 新定单 5510293846 新的这个有问题", "5510293846"),
        ("202411235567 这个定单没问题，202411287781 这个定单杯子碎了", "202411287781"),
        ("订单好 2412263859017742\n更正一下，订单好是 2412263859017724", "2412263859017724"),
    ],
)
def test_metamorphic_label_typos_read_as_the_label(text, expected):
    assert primary(text) == expected


def test_metamorphic_a_label_typo_is_no_label_without_a_number():
    assert orders("订单好像还没发货 电话13812345678") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("單號么么二三四五六七八九零", "11234567890"),
        ("訂單號 2024么么23五五67", "202411235567"),
        ("訂單號 七七八 九九零 么么么 二三四五", "7789901112345"),
        ("訂單號 拐拐八 么二 勾勾 三四五六七", "778129934567"),
        ("亞馬遜訂單號 么么二 槓 么二三四五六七 槓 七六五四三二么", "11212345677654321"),
    ],
)
def test_metamorphic_taiwan_yao_is_one(text, expected):
    assert primary(text) == expected


def test_metamorphic_yao_in_words_stays_a_word():
    assert orders("这么二的客服 订单号 202411235567") == ["202411235567"]
    assert orders("什么1234567啊") != ["11234567"]
    assert found("微訊號 wxid12345678", "ORDER_ID") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last group before a counter is the number's end in its rhythm, no quantity
        ("單號 2024 1123 5567 個杯爛咗", "202411235567"),
        ("訂單編號：5839-2017-4652 件衫穿咗一次就爛", "583920174652"),
        ("📦订单：202·411·235·567 包裹压扁了", "202411235567"),
        ("薯店订单号 P-7123-4509-8765-4321-09 包装破了", "P712345098765432109"),
        ("我張單 20 24 11 19 10 24 個電話係 6123 4567", "202411191024"),
        # a one-letter prefix in quotes is no English contraction
        ("Order ID: 'P 5319 8190 0698 1723 41'", "P531981900698172341"),
    ],
)
def test_metamorphic_grouped_ids(text, expected):
    assert primary(text) == expected


def test_metamorphic_quantities_after_a_grouped_order_stay_quantities():
    assert orders("订单 2024 1123 5567 3 个 都坏了") == ["202411235567"]
    assert orders("it's 112-1234567-1234567") == ["11212345671234567"]


# ------------------------------------------------------------------ round fourteen (dev14)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a colon or plus between the blocks of a number an order word introduces
        ("订单号 9034:5512:7788", "903455127788"),
        ("订单号 2024：1123：0567", "202411230567"),
        ("订单号 2024+1123+7120", "202411237120"),
        # a decimal too large for a price after an order word
        ("订单号：12345678.90", "1234567890"),
        # every 1 typed as l, every 0 as o
        ("订单号 2024ll23o0l5", "202411230015"),
        # a pasted table: the column's header names the number, not the header beside it
        ("| 订单号 | 金额 |\n|---|---|\n| 881029374456 | 89.00 |", "881029374456"),
        ("| 金额 | 订单号 |\n|---|---|\n| 128800 | 881029374456 |", "881029374456"),
        ("你好,我要投诉\n订单号,202411235567", "202411235567"),
        # a mobile-looking stretch inside a run that goes on in the same rhythm
        ("订丹号：830 80569 161 6459 5839 04765", "830805691616459583904765"),
        # a number labelled as no order ends at a comma
        ("取件码 311152 ， 553-001-364-627 这个订单号", "553001364627"),
        # x's inside an id with letters of its own are no mask
        ("訂單編號係《230616D9XXX27C》", "230616D9XXX27C"),
    ],
)
def test_round_fourteen_formats(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单1：38472619 订单2：55102938",  # a list's counter is no block of the number
        "订单 1299.00 元还没退",
        "手机 138xxxx5678",
        "订单号 JD2024xxxx5567",
        "| 金额 | 手机 |\n|---|---|\n| 128800 | 13800138000 |",
    ],
)
def test_round_fourteen_no_new_orders(text):
    assert primary(text) in (None, "38472619")


@pytest.mark.parametrize(
    "text, expected",
    [
        # someone else's order loses to the customer's own
        ("我朋友的订单 202411235567 也有问题 我的是 202411239988", "202411239988"),
        ("我老婆的单号 202411235567，我的 202411239988 没到", "202411239988"),
        # and stays the order when it is the only one: the customer complains for them
        ("我妈的订单 202411235567 一直没发货", "202411235567"),
    ],
)
def test_someone_elses_order_is_set_aside(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["订单号 202411235567 是售后单号吗", "订单号 202411235567 是快递单号吧？"],
)
def test_a_labelled_number_said_to_be_another_number_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text",
    ["订单号 202411235567 是支付宝付的", "订单号 202411235567 是会员卡号 3344556677"],
)
def test_words_after_a_labelled_order_that_are_no_label_keep_it(text):
    assert primary(text) == "202411235567"


def test_the_last_resort_takes_the_one_run_no_rule_reads():
    entities = extract("帮我查下 2024:1123:5567")
    assert [(e["label"], e["value"], e["confidence"]) for e in entities] == [
        ("ORDER_ID", "202411235567", 0.6)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "10:00-12:00 送货",
        "买了100+200+300的东西",
        "我的邮箱 zhang12345678@qq.com 没收到发票",
        "我打了400 800 12315都没用",
        "14:32:05 下的单",
        "RMB8168.00 退给我",
        "帮我查下 2024:1123:5567 和 2024:1123:5568",  # two runs: no guess
    ],
)
def test_the_last_resort_leaves_times_sums_addresses_and_pairs(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号：KXMZQPRT", "KXMZQPRT"),
        ("訂單號：ＫＸＭＺＱＰＲＴ", "KXMZQPRT"),
        ("order no. QWERTYUI 屏幕碎了", "QWERTYUI"),
        # a word after the label, not an id: lower case, a shouted word, too short
        ("订单号 unknown", None),
        ("订单号 PLEASE", None),
        ("订单号：TBD", None),
        # a number found by a rule wins over letters
        ("订单号 ABCDEFGH 不对 是 202411235567", "202411235567"),
    ],
)
def test_capital_letters_after_an_order_label_are_its_id(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an interjection opening the message cannot correct a number before it (ord15's filler
        # rewrite): 不是 takes the first number back
        ("额 不是202411235567，是202411200012", "202411200012"),
        ("嗯 不是 202411235567 是 202411200012", "202411200012"),
        # after a number, "哦不是" still picks the one that follows
        ("订单 202411235567 哦不是 202411200012", "202411200012"),
    ],
)
def test_an_opening_interjection_then_not_takes_the_number_back(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a screen size or a software version is no order (found by ord14)
        ("显示器分辨率 1920x1080 有坏点", None),
        ("app 版本 v3.2.10.1234 闪退", None),
        ("版本号 3.2.10.1234 闪退", None),
        ("订单 202411235567 显示器分辨率 1920x1080 有坏点", "202411235567"),
        # a dotted order number after its label is still the order
        ("订单号 2024.1123.5567", "202411235567"),
    ],
)
def test_a_resolution_or_a_version_is_no_order(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号2️⃣0️⃣2️⃣4️⃣1️⃣1️⃣2️⃣3️⃣5️⃣5️⃣6️⃣7️⃣，付了299元",
        "我的单 2️⃣0️⃣2️⃣4️⃣1️⃣1️⃣2️⃣3️⃣5️⃣5️⃣6️⃣7️⃣ 买了3件",
        "订单号2️⃣0️⃣2️⃣4️⃣1️⃣1️⃣2️⃣3️⃣5️⃣5️⃣6️⃣7️⃣",
    ],
)
def test_keycap_digits_stay_one_order_whatever_number_follows(text):
    assert primary(text) == "202411235567"


@pytest.mark.parametrize(
    "text, expected",
    [
        # round fifteen (ord16): a list's counter names the order the words after the list
        # blame ("订单2少发了", "②少了一件"); a bare quantity ("2件") names none
        ("订单1：202411230001 订单2：202411230002，订单2少发了一件", "202411230002"),
        ("订单①202411230001 订单②202411230002 ②少了一件", "202411230002"),
        ("订单一 298765432101 订单二 298765432102 订单二没到", "298765432102"),
        ("订单1：202411230001 订单2：202411230002，2件都少发了", "202411230001"),
        ("订单1：202411230001\n订单2：202411230002\n订单1的鞋开胶了", "202411230001"),
        # a state shown after each order (bracketed, or as an app lists it) sets it aside
        ("订单1：202411230001（没问题）\n订单2：202411230002（破损）", "202411230002"),
        ("A单：202411230001（正常）B单：202411230002（漏发）", "202411230002"),
        ("1. 202411230001 已收到\n2. 202411230002 未收到", "202411230002"),
        ("订单1：3971234567890123456 已退款\n订单2：3971234567890123457 一直没退", "3971234567890123457"),
        ("第一单202411230001挺好的，第二单202411230002的杯子碎了", "202411230002"),
        # alone, an order so described is still the order
        ("订单号 202411230001 已收到，但是少了一件", "202411230001"),
        ("订单号 202411230001（已退款）", "202411230001"),
        ("订单1：202411230001 订单2：202411230002 订单2的鞋子坏了", "202411230002"),
        ("订单1：202411230001 订单2：202411230002 订单2没有问题", "202411230001"),
        ("202411230001 已经退款了，202411230002 没退", "202411230002"),
        # words said between short dictated groups
        ("订单号是2024，1123，再就是5567", "202411235567"),
        ("订单号2024，1123，还有5567", "202411235567"),
        # a 19-digit order read out in pairs ends in a single digit (found probing)
        ("订单号 69 23 45 67 89 01 23 45 67 8", "6923456789012345678"),
        ("订单号 24 11 23 34 56 78 90 1，付了299", "241123345678901"),
        ("订单号 20 24 11 23 55 67 2件", "202411235567"),
        # a list's counter opens no number cut into groups after it (the metamorphic
        # rewrites of dev15): "2. " at a line's start, "订单2：" before pairs (no time 2:20)
        ("1. 202411230001 已收到\n2. 2024 1123 0002 未收到", "202411230002"),
        ("1、202411230001 已收到\n2、202-411-230-002 未收到", "202411230002"),
        ("订单1：202411230001（没问题）\n订单2：20 24 11 23 00 02（破损）", "202411230002"),
        ("订单1：202411230001 订单2：20·24·11·23·00·02，订单2少发了一件", "202411230002"),
        ("订单号：12 34 56 78 90 12", "123456789012"),
        ("14:35 下的单 订单 202411235567", "202411235567"),
        # a comma ends the number: a counted group after it is a duration or a quantity
        # (grammar seed 45); a typed separator still joins it
        ("丁单号  １６１１\u3000９７５９\u3000６４０６，14天了", "161197596406"),
        ("订单号 1611 9759 6406，12件都坏了", "161197596406"),
        ("订单号 1611-9759-6406-14 件", "16119759640614"),
    ],
)
def test_round_fifteen_which_order_and_dictation(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # only how the number starts: no order to look up (ord16)
        "订单号是202411开头的，后面忘了",
        "订单号 20241123 开头的，后面记不清",
        "单号是3971234打头的",
        # masked with a separator on either side of the x's (found probing)
        "订单号 2024-XXXX-5567",
        "订单号 2024 xxxx 5567",
    ],
)
def test_the_head_of_a_number_or_a_masked_one_is_no_order(text):
    assert primary(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # 日期 after the order labels the date after it, no day of the month (ord18)
        ("订单号 202411 235567 日期11.23", "202411235567"),
        ("订单号 2024 1123 5567 日期11.23", "202411235567"),
        ("订单号：20241123 5567 日期：11月23日", "202411235567"),
        ("订单号 2024 1123 5567 5日到的", "202411235567"),
        # a glued x before a count of pieces is a times sign, not the id's letter
        ("订单号202411231122x2件少了一件", "202411231122"),
        ("订单202411235567X1个", "202411235567"),
        ("订单号202411231122X2", "202411231122X2"),
        # a qualifier of several words is picked by its end, an adverb before the fault
        ("原订单202411231111 换货新订单202411239999 新的还没到", "202411239999"),
        ("老订单202411231111 补发订单202411239999 补发的一直没发货", "202411239999"),
        ("旧订单202411231111 新订单202411239999 新的这个没问题", "202411231111"),
    ],
)
def test_round_sixteen_dates_quantities_and_qualifiers(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["支付流水 2024112322001456 钱扣了单没生成", "直播间 88123456 主播说的半价"],
)
def test_a_payment_serial_or_live_room_named_without_hao_is_no_order(text):
    assert primary(text) is None


def test_a_live_room_word_further_before_still_leaves_the_order():
    assert primary("直播间下的单 202411234702 没发货") == "202411234702"

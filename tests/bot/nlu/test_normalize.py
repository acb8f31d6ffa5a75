import pytest

from bot.nlu.normalize import (
    detect_script,
    fold_digits,
    normalize,
    normalize_digits,
    to_halfwidth,
    to_simplified,
    to_traditional,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("４５２１－８８７６－０９１２", "4521-8876-0912"),
        ("ＤＤ２０２４", "DD2024"),
        ("订单\u3000２０２４", "订单 2024"),
        ("好的！！？", "好的!!?"),
        ("￥３２８", "¥328"),
    ],
)
def test_halfwidth_maps_fullwidth_ascii_one_for_one(text, expected):
    assert to_halfwidth(text) == expected
    assert len(to_halfwidth(text)) == len(text)


def test_simplified_converts_traditional_and_keeps_plain_text():
    assert to_simplified("我的訂單還沒到，氣死了") == "我的订单还没到，气死了"
    assert to_simplified("好的 OK 123 😡") == "好的 OK 123 😡"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "訂單　ＬＳ－２０２４，氣死了😡！！",
        "İstanbul ǅ ﬁ",  # characters whose str.lower() changes the length
        "\x00\xff\ud800",
        "後來的事" * 2500,
    ],
)
def test_normalize_keeps_the_length_so_offsets_map_back(text):
    assert len(normalize(text)) == len(text)
    assert len(normalize(text, lowercase=False)) == len(text)


def test_normalize_gives_traditional_and_fullwidth_the_simplified_form():
    assert normalize("訂單ＡＢ１２，聯繫電話") == "订单ab12,联系电话"
    assert normalize("訂單ＡＢ１２", lowercase=False) == "订单AB12"
    assert normalize("4521–8876\u00a00912") == "4521-8876 0912"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我的訂單還沒到", "hant"),
        ("這個產品壞了，麻煩換貨", "hant"),
        ("我的订单还没到", "hans"),
        ("这个产品坏了，麻烦换货", "hans"),
        ("好的", None),
        ("12345 😡", None),
        ("", None),
        ("\x00\xff", None),
    ],
)
def test_detect_script(text, expected):
    assert detect_script(text) == expected


def test_traditional_uses_taiwan_vocabulary():
    assert to_traditional("请提供订单号") == "請提供訂單號"
    assert to_traditional("视频里的信息") == "影片裡的資訊"
    assert to_traditional("") == ""


def test_traditional_quotes_with_corner_brackets():
    """ux4: the bot's replies said “確認” while the widget's notices say 「…」."""
    assert to_traditional("没有照片的话，回复“没有”就行") == "沒有照片的話，回覆「沒有」就行"


def test_traditional_keeps_online_as_a_predicate():
    """s2twp made "客服同事都不在线" "都不線上" (hand test: the no-agent notice in the widget)."""
    assert to_traditional("这会儿客服同事都不在线，别担心") == "這會兒客服同事都不在線，別擔心"
    assert to_traditional("目前没有客服在线") == "目前沒有客服在線"
    assert to_traditional("客服在线吗？") == "客服在線嗎？"
    assert to_traditional("在线客服") == "線上客服"  # as an attribute, Taiwan's word stays


def test_traditional_keeps_everyday_words_out_of_it_jargon():
    """s2twp's IT phrases made the category question "請選一下問題型別" (a programming "data
    type"; hand test in the widget): a shopper's 类型 is 類型."""
    assert to_traditional("请选一下问题类型：") == "請選一下問題類型："
    assert to_traditional("选最接近的类型就行") == "選最接近的類型就行"


def test_a_reply_is_written_one_way_in_traditional():
    """OpenCC wrote 回复 as 回復 or 回覆 by the words around it, both in one message (hand
    test in the widget); Taiwan writes a reply 回覆."""
    converted = to_traditional("客服会尽快回复您；回复“确认”就提交")
    assert converted == "客服會盡快回覆您；回覆「確認」就提交"


def test_fold_digits_keeps_the_shape_of_numbers():
    assert fold_digits("订单2024-1123 花了299元") == "订单0000-0000 花了000元"
    assert fold_digits("") == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号二零二四一一二三五五六七", "订单号202411235567"),
        ("单号幺幺二三四五六七八九洞", "单号11234567890"),
        ("二〇二四 一一二三 五五六七", "2024 1123 5567"),
        ("二O二四一一二三五五六七", "202411235567"),
        ("二零二四，一一二三，五五六七", "2024，1123，5567"),
        ("2024一一23五五67", "202411235567"),
        ("②⓪②④①①②③⑤⑤⑥⑦", "202411235567"),
        ("❷⓿❷❹❶❶❷❸", "20241123"),
        ("二零二四一一二三五五六七一直没到", "202411235567一直没到"),
        ("二零二四一一二三五五六七零件坏了", "202411235567零件坏了"),
        ("2024112355O7", "202411235507"),
        ("2O24l1235567", "202411235567"),
        ("2024 1123 55I7", "2024 1123 5517"),
        # behind an id's letter prefix, only letters between digits: the prefix stays
        ("SO2O2412O10045", "SO202412010045"),
        ("订单号 wd3O1l98765432 谢谢", "订单号 wd301198765432 谢谢"),
        # spoken dashes and hesitations between the groups of a number (voice input)
        ("二四一一二六杠五三八二零七一六四九二零三七一", "241126-538207164920371"),
        ("二四一一二六 横线 五三八二零七一六四九二零三七一", "241126 -  538207164920371"),
        ("SO横杠二零二四横杠零零一二三四", "SO- 2024- 001234"),
        ("二八五四 嗯 一三零九 七七六二", "2854   1309 7762"),
        ("2854 呃 1309 7762", "2854   1309 7762"),
    ],
)
def test_normalize_digits_spells_long_numbers_in_digits(text, expected):
    assert normalize_digits(text) == expected
    assert len(normalize_digits(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "二零二四年十一月二十三日",  # a date: short runs
        "一一对应，三五天到",
        "我一二三四五六七八九十个人",  # counting, next to a unit
        "① 杯子碎了 ② 没有发票",
        "①202411235567",  # a list mark before a number
        "202411235567一直没到",
        "iphone15 lol 500ml no 202411235567",
        "ls20241122017 dd20241123889",
        "abcde1o234567 lol1234567 sku12o4",  # a prefix of five letters, the prefix, few digits
        "抬杠",  # a spoken dash only between the characters of a number
        "订单号202411235567啊啊啊快点",
        "",
    ],
)
def test_normalize_digits_leaves_words_and_short_numerals(text):
    assert normalize_digits(text) == text


def test_normalize_does_not_spell_digits():
    assert normalize("二零二四一一二三五五六七") == "二零二四一一二三五五六七"


def test_recent_texts_are_converted_once():
    normalize.cache_clear()
    text = "退貨退款，快遞員態度太差了"
    assert normalize(text) == normalize(text) == "退货退款,快递员态度太差了"
    info = normalize.cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert info.maxsize is not None  # bounded: long messages cannot pile up


@pytest.mark.parametrize("dot", ["\u30fb", "\uff65", "\u2027", "\u2219", "\u22c5"])
def test_middle_dots_of_other_scripts_are_the_one_middle_dot(dot):
    """Japanese and Taiwanese IMEs type ・ or ‧ between the groups of a number."""
    text = f"3847{dot}2619"
    assert normalize(text) == "3847\u00b72619"
    assert len(normalize(text)) == len(text)


def test_phrase_variants_of_shared_characters_are_no_simplified_evidence():
    from bot.nlu.normalize import detect_script, script_evidence

    # s2t writes 扣子 as 釦子 and 面条 as 麵條, but 扣 and 面 are Traditional characters too
    assert detect_script("羽絨外套的帽子扣子掉了") == "hant"
    assert script_evidence("扣子掉了") == (0, 0)
    assert script_evidence("面条") == (0, 1)  # 条 still tells
    assert detect_script("这个扣子掉了") == "hans"
    assert detect_script("头发都掉光了") == "hans"
    assert detect_script("發貨太慢") == "hant"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号2024一1123一5567", "订单号2024-1123-5567"),  # the IME's 一 typed as a dash
        ("订单号h8725ー0865ー8865", "订单号h8725-0865-8865"),  # a Japanese IME's long vowel
        ("订单号7O8一723", "订单号708-723"),  # five digits and a look-alike O are six
        ("单号14348046282两天了", "单号14348046282两天了"),
        ("单号143ー4804ー6282两天了", "单号143-4804-6282两天了"),  # 两天 is a word after it
        ("订单号202411235567一直没发货", "订单号202411235567一直没发货"),
        ("2024一一23五五67", "2024112355" + "67"),  # numerals mixed in: 一 is a digit
        ("第12一34页", "第12一34页"),  # too short for an id
    ],
)
def test_dash_lookalikes_between_digit_groups(text, expected):
    assert normalize_digits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2o22\t0216\t9211", "2022\t0216\t9211"),  # a tab between groups
        ("１２Ｏ５\n９７７８\n１３７６", "1205\n9778\n1376"),  # groups over lines
        ("8I6917", "816917"),  # the shortest id: five digits and a look-alike
        ("l2345", "l2345"),  # five characters are no id
    ],
)
def test_letter_typos_across_tabs_and_lines(text, expected):
    assert normalize_digits(normalize(text, lowercase=False)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # filler words between dictated groups: a space each side, invisible marks between
        ("单号 3388 然后 2299", "单号 3388 \u2060\u2060 2299"),
        ("单号 3388,等一下,2299", "单号 3388 \u2060\u2060\u2060 2299"),
        ("单号 三三八八 那个 二二九九", "单号 3388 \u2060\u2060 2299"),
        # a long number on either side is no dictation: the word stays
        ("订单 202411235567 然后 2299", "订单 202411235567 然后 2299"),
        # ellipses between three short groups or more; a masked number keeps its dots
        ("单号 7788...9900...1122", "单号 7788   9900   1122"),
        ("单号 7788……9900……1122", "单号 7788  9900  1122"),
        ("手机 138...5678", "手机 138...5678"),
        ("单号 381029...9384", "单号 381029...9384"),
        # a filler with 是 after it; an ellipsis before the first group and after the last
        ("单号 3388,然后是2299", "单号 3388 \u2060\u2060 2299"),
        ("单号……7788……9900……1122……", "单号……7788  9900  1122……"),
        ("单号 381029……9384……", "单号 381029……9384……"),  # masked: two groups
    ],
)
def test_dictation_fillers_and_ellipses_between_groups(text, expected):
    assert normalize_digits(text) == expected
    assert len(normalize_digits(text)) == len(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the quantity after the last comma is said as a quantity, the number before stays
        ("单号 七七六五,四三二一,九八,一万五千块", "单号 7765,4321,98,一万五千块"),
        ("单号 七七六五 四三二一 九八,三千块", "单号 7765 4321 98,三千块"),
        # one clause next to a unit is all quantity
        ("一二三四五六七八九十个", "一二三四五六七八九十个"),
    ],
)
def test_a_quantity_said_after_a_number_in_numerals_is_left_alone(text, expected):
    assert normalize_digits(text) == expected


def test_a_numeral_inside_a_number_read_in_mixed_digits_is_a_digit_not_a_dash():
    # more digits after the numeral that follows: voice input mixing numerals and digits
    assert normalize_digits("订单号是21一6324五66") == "订单号是2116324566"
    assert normalize_digits("单号143一4804一6282两天了") == "单号143-4804-6282两天了"


@pytest.mark.parametrize(
    "text, expected",
    [
        # said in numerals, the rest typed in digits long enough to pass for a number itself
        ("单号 三三八 8990011223", "单号 338\u20608990011223"),
        ("单号 338 八九九零零一一二二三", "单号 338\u20608990011223"),
        # a short rest is joined by the merger's own rules; a whole head or a mobile stays apart
        ("单号 三三八八 2299", "单号 3388 2299"),
        ("单号 三三八八九九零零一一二二 13812345678", "单号 338899001122 13812345678"),
        ("单号 三三八 13812345678", "单号 338 13812345678"),
        # groups mixing both scripts: the merger's rules
        ("单号 33八8 9九0011223", "单号 3388 990011223"),
    ],
)
def test_a_number_half_in_numerals_is_glued_at_the_switch(text, expected):
    assert normalize_digits(normalize(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("订单号 2024ll23o0l5", "订单号 202411230015"),  # every 1 as l, every 0 as o
        ("lol 2024", "lol 2024"),
        ("o1o1o1", "o1o1o1"),  # as many letters as digits: no number
    ],
)
def test_many_look_alikes_in_a_digit_group(text, expected):
    assert normalize_digits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list's enclosed counter beside ASCII digits is no digit of the number (ord16)
        "订单①202411230001 订单②202411230002 ②少了一件",
        "订单⑴202411230001 订单⑵202411230002 ⑵没到",
        "订单号 202411230002 ❷",
    ],
)
def test_an_enclosed_counter_beside_an_ascii_number_stays(text):
    assert normalize_digits(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        # an id typed in enclosed digits all through is still read (dev8)
        ("②⓪②④①①②③⑤⑤⑥⑦", "202411235567"),
        ("订单号②⓪②④①①②③ 5567", "订单号20241123 5567"),
        # 再就是 between short dictated groups, like 然后是 (ord16)
        ("订单号是2024,1123,再就是5567", "订单号是2024,1123 \u2060\u2060 5567"),
    ],
)
def test_enclosed_digits_and_dictation_fillers_in_a_number(text, expected):
    assert normalize_digits(text) == expected
    assert len(normalize_digits(text)) == len(text)

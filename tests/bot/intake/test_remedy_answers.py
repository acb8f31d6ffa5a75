"""Remedies named indirectly, as customers answer "how would you like this handled?"."""

import pytest

from bot.intake import answers, remedy_answers


@pytest.mark.parametrize(
    "text, remedy",
    [
        # money given back is a refund
        ("把钱还我", "refund"),
        ("还我钱就行", "refund"),
        ("货款还给我", "refund"),
        # money made good while the goods stay: compensation
        ("少打的折扣 那部分钱还给我", "compensation"),
        ("优惠的金额补给我", "compensation"),
        ("赔点钱给我", "compensation"),
        ("退我点钱 鞋子我留下", "compensation"),
        ("退一部分吧", "compensation"),
        ("打个折就算了", "compensation"),
        ("发张优惠券弥补一下", "compensation"),
        # the goods go back
        ("货我退回去 钱打给我", "return_refund"),
        ("走七天无理由退", "return_refund"),
        # sent back to be repaired is a repair, not a return
        ("我寄回去你们修", "repair"),
        ("寄回去维修", "repair"),
        ("帮我送修就好", "repair"),  # dialogues_dev4 w016, once the model stopped naming it
        ("寄修吧", "repair"),
        # an explanation or an apology
        ("要你们说清楚怎么回事", "apology"),
        ("道声抱歉总可以吧", "apology"),
        # the pinyin input method's 活 for 货
        ("退活退款", "return_refund"),
        ("换活", "exchange"),
    ],
)
def test_remedies_named_indirectly(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text", ["钱还没到账", "一直没打折", "对不起 我打错字了", "我说清楚点 是颜色不对", "我解释一下"]
)
def test_no_remedy_in_words_that_only_sound_like_one(text):
    assert remedy_answers.remedy_mentioned(text) is None


def test_money_not_back_yet_is_no_wish():
    assert remedy_answers.remedy_wished("钱还没到账") is None


def test_asking_the_shop_to_look_into_it_leaves_the_remedy_open():
    assert answers.leaves_remedy_open("帮我查一下到底怎么回事")


@pytest.mark.parametrize(
    "text, remedy",
    [
        # the customer named as the receiver makes it a request, as a wish word does
        ("貨一直未寄 俾返錢我啦", "refund"),
        ("遲咗成個禮拜 賠返啲錢俾我", "compensation"),
        ("少了一个配件 补寄给我吧", "reship"),
        # a fact, however it names the customer
        ("退款给我了 可是少了二十", None),
        ("已经退款给我了", None),
        # the photo and phone questions settled after the order (trial9, dialogues_dev20)
        ("個杯寄到嚟爛咗 單號202411235567 補寄 冇相 唔使留電話", "reship"),
        ("耳機右耳沒聲音 訂單202411180305 換貨 沒有照片 不用留電話", "exchange"),
        ("杯子碎了 补发 照片晚点发", "reship"),
        ("退款一直没到账 没有截图", None),
        ("退款 没收到", None),
    ],
)
def test_a_remedy_for_me_in_a_complaint_is_wished(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        # the customer calls the order off: money back, nothing sent back
        ("我不买了 订单取消吧", "refund"),
        ("帮我把这个订单取消", "refund"),
        ("取消订单", "refund"),
        # the shop called it off: a fact, no wish
        ("商家直接把我订单取消了 说没货", None),
        ("订单取消了还没退钱", None),
    ],
)
def test_calling_the_order_off_is_a_refund_only_when_asked_for(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text", ["能不能换个活人跟我说", "换个人跟我说", "给我换个客服", "给我换个会说话的人来"]
)
def test_asking_for_another_person_is_no_exchange(text):
    """dialogues_dev6 z052: a handoff request filed with the remedy "exchange"."""
    assert remedy_answers.remedy_mentioned(text) is None


@pytest.mark.parametrize(
    "text, remedy",
    [
        # the pinyin input method's homophones: 宽 for 款, 陪 for 赔
        ("退宽", "refund"),
        ("只退宽 不退货", "refund"),
        ("退货退宽", "return_refund"),
        ("陪偿我的损失", "compensation"),
        # the item ordered instead of the one sent
        ("换回水壶", "exchange"),
        ("给我换回来", "exchange"),
    ],
)
def test_homophone_slips_and_exchanges_back_name_a_remedy(text, remedy):
    """dialogues_dev8 r050 ('… 退宽') and r056 ('… 换回水壶') lost their remedy."""
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_an_exchange_back_that_happened_is_no_remedy():
    assert remedy_answers.remedy_mentioned("已经换回来了") is None


@pytest.mark.parametrize(
    "text, remedy",
    [
        # facts, then what to do as a bare order ending the message
        ("耳机左边有杂音 订单202411180305 退宽", "refund"),
        ("发错货了 我买的水壶 寄来一个电饭煲 订单202411191024 换回水壶", "exchange"),
        ("快递丢了 订单202411230066 补发一个", "reship"),
        # how the remedy is going, not an order
        ("东西坏了 退款呢", None),
        ("退款好慢", None),
        ("退款一直没到账", None),
        ("订单202411220931 退款还没到", None),
        # not the last clause
        ("退款 五天了", None),
    ],
)
def test_a_remedy_said_as_an_order_at_the_end_is_wished(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        # two offered as alternatives: the first is the wish (dialogues_dev9)
        ("要么换新 要么赔钱", "exchange"),
        ("换新或修理都可以 看你们哪个快", "exchange"),
        ("能退吗? 不能就换货", "return_refund"),
        ("能退吗? 不能就换", "return_refund"),
        ("维修不行的话换新", "repair"),
        # ...unless one is said to be preferred
        ("退货或者换个颜色都行 优先换货", "exchange"),
        # a change of mind is no alternative: the last one counts
        ("维修太麻烦了 改成退货退款吧", "return_refund"),
        ("换货不行 还是退款吧", "refund"),
        # the missing piece made up, not money
        ("把杯子补上就行 不用退", "reship"),
        ("把差价给我补上", "compensation"),
        # the price of one piece: part of the money
        ("算了 不用补寄 直接退一瓶的钱给我", "compensation"),
        # 休 for 修, the pinyin slip
        ("帮我休一下", "repair"),
        # an extra added with 也得
        ("退货退款 来回运费也得赔我", "return_refund"),
    ],
)
def test_alternatives_preferences_and_slips(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        # a condition asks for what it names
        ("手表还没到 物流三天没动了 帮我催一下 不行就退款", "refund"),
        ("羽绒服有污渍 不想退 退一部分钱就好", "compensation"),
        # accepted as one of two
        ("耳机断线 换新或修理都可以 看你们哪个快", "exchange"),
        ("尺码寄错 换一双对的 或者直接退也可以", "exchange"),
        ("水壶底座坏了 要么换新 要么赔钱", "exchange"),
        # a clause of its own that orders it, mid-message
        ("羽绒服跑绒 退货退款 来回运费也得赔我", "return_refund"),
        ("羽绒服掉色 退一部分钱 别跟我扯别的", "compensation"),
    ],
)
def test_remedies_asked_for_in_a_complaint(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "退款 一直没到账",
        "退货退款 快递员态度很差",
        "退货退款 什么时候能到",
        "换货也可以吗",
    ],
)
def test_remedies_only_mentioned_are_no_wish(text):
    assert remedy_answers.remedy_wished(text) is None


def test_can_it_go_back_names_a_return_against_an_exchange_or_as_its_own_clause():
    """ "能退吗? 不能就换": 退 against 换 is the goods going back; so is the bare question as a
    clause of its own ("可以退吗", dialogues_dev12: the delivery then settles refund or
    return); asking whether worn goods may still go back ("穿过的还能退吗") names nothing in
    words and the classifier's reading stands (dialogues_dev7 q020)."""
    assert remedy_answers.remedy_mentioned("能不能退 不行就换个新的") == "return_refund"
    assert remedy_answers.remedy_mentioned("穿过的还能退吗？") is None
    assert remedy_answers.remedy_mentioned("可以退吗") == "return_refund"


@pytest.mark.parametrize(
    "text, remedy",
    [
        # the goods given up, then the money (dialogues_dev10 t036, t046)
        ("台灯颜色跟图片差太多 不要了 退钱 202411180305", "refund"),
        ("部風筒用咗兩日就壞咗 我唔要喇 退錢", "refund"),
        # the piece the money is for ("没到的那瓶退钱", t051)
        ("买了三盒只到了两盒 没到的那盒退钱", "refund"),
        # the promised gift sent over (t009) or the missing piece made up (t030)
        ("说好送的台灯没送 把台灯给我寄过来", "reship"),
        ("说送手机壳 没送 补一下手机壳", "reship"),
        # a complaint ending by giving the goods up: money back (dialogues_dev9 v009)
        ("零食下单一周了还不发货 不要了", "refund"),
    ],
)
def test_money_back_and_gifts_sent_said_plainly_are_wished(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "算了 不要了",  # gives up on the complaint: the rules' withdrawal
        "退款不要了",
        "你们让我把照片发过来 我发了",
        "我补一下照片",
    ],
)
def test_giving_up_on_the_complaint_or_sending_pictures_is_no_remedy(text):
    assert remedy_answers.remedy_wished(text) is None


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("退返部分錢", "compensation"),  # Cantonese: part of the money, the goods kept
        ("补一下差价", "compensation"),
        ("把赠品寄过来吧", "reship"),
    ],
)
def test_part_of_the_money_and_gifts_sent_at_the_remedy_question(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_what_was_sent_is_no_wish_to_send():
    assert remedy_answers.remedy_wished("给我寄来的是坏的") is None
    assert remedy_answers.remedy_mentioned("你们把寄来的那个拿回去") is None


@pytest.mark.parametrize(
    "text, remedy",
    [
        # the difference paid back to the customer, said after the sum
        ("降价了三十 差价返给我", "compensation"),
        # the money of a piece named by what is wrong with it
        ("把坏掉那个的钱退了吧", "refund"),
        ("退没收到那盒的钱", "refund"),
        # a count of pieces stays compensation (the free bottle's value)
        ("退一瓶的钱给我", "compensation"),
        # the colour or size ordered, sent again: the right item for the wrong one
        ("重新寄一件白色的", "exchange"),
        ("再发一双43码的给我", "exchange"),
        ("重新发我买的那个", "exchange"),
        # a new one or a missing one sent again stays a reship
        ("重新发一个", "reship"),
        ("再寄一个新的", "reship"),
        # Cantonese and other ways of saying sorry
        ("叫佢哋講句對唔住", "apology"),
        ("至少赔个不是吧", "apology"),
    ],
)
def test_remedies_said_another_way(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("换货吧 退款也可以", "exchange"),  # the second said to do as well: a fallback
        ("维修 换新的也行", "repair"),
        ("退款算了 还是换货吧", "exchange"),  # a change of mind: the last one
    ],
)
def test_a_second_remedy_said_to_do_as_well_is_a_fallback(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


def test_an_order_ending_in_cantonese_just_that_is_a_wish():
    assert remedy_answers.remedy_wished("部机坏咗 202411191024 整返好佢就得") == "repair"


@pytest.mark.parametrize(
    "text",
    ["你说咋办吧", "你们看该怎么处理", "没啥要求", "只想反馈一下", "按时到就行 别的都不用了"],
)
def test_the_remedy_left_to_the_shop(text):
    assert answers.leaves_remedy_open(text)
    assert not answers.asks_about_process(text)


def test_a_process_question_is_still_one():
    assert answers.asks_about_process("换货的话怎么寄回去")
    assert not answers.leaves_remedy_open("换货的话怎么寄回去")


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("再帮我寄一份吧", "reship"),
        ("缺的那盒补给我", "reship"),
        ("把没到的那件寄给我", "reship"),
        ("换成M码", "exchange"),
        ("换成黑色的", "exchange"),
        ("调个小一号", "exchange"),
        ("不用退了 直接换", "exchange"),
        ("修一修还能用", "repair"),
        ("我就要个说法", "apology"),
        ("原路返回就行", "refund"),
        ("价钱差的钱还给我", "compensation"),
        ("维修退款都行", "repair"),  # both accepted: the first
    ],
)
def test_more_ways_to_name_a_remedy(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize("text", ["给我换个客服", "直接换人来处理", "我换了手机号", "把照片发给我"])
def test_no_remedy_in_a_person_a_detail_or_a_picture(text):
    assert remedy_answers.remedy_mentioned(text) is None


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("龙井少了一盒 先补发 实在不行就退款", "reship"),  # the first offered, before the condition
        ("水壶坏了 维修 不然就换新的", "repair"),
        ("还没发货 帮我催一下 不行就退款", "refund"),  # no remedy before the condition
        ("围巾起球了 给点补偿", "compensation"),
    ],
)
def test_remedy_wished_in_a_complaint(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize("text", ["你们说呢", "还没想好", "不知道", "你们给个方案吧"])
def test_undecided_leaves_the_remedy_open(text):
    assert answers.leaves_remedy_open(text)


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("鞋子小了 换个大一码的 订单123456789", "exchange"),  # the size named: the whole order
        ("水壶不加热 能换台新的不", "exchange"),
        ("茶叶少了一盒 赶快补发", "reship"),
        ("按键坏了 给修一下", "repair"),
        ("快递员骂人 给我个说法", "apology"),
        ("掉色了 赔我点钱就算了", "compensation"),
        ("还没发货 钱退我就算了", "refund"),
        ("耳机坏了 😭换一个", "exchange"),
        ("少了一个 补法一个", "reship"),
    ],
)
def test_remedy_wished_said_as_an_order(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize("text", ["商家不给退货 一直拖", "退款就算了", "说是不能退款"])
def test_no_wish_in_a_refusal_told_or_a_remedy_dropped(text):
    assert remedy_answers.remedy_wished(text) is None


@pytest.mark.parametrize(
    "text, remedy",
    [("诉求那栏写错了 写维修", "repair"), ("换货改退款", "refund"), ("应该是补发", "reship")],
)
def test_remedy_changed_at_the_read_back(text, remedy):
    assert remedy_answers.remedy_changed(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("多付的20块补给我", "compensation"),
        ("那十元返给我", "compensation"),
        ("缺的那瓶补给我", "reship"),
    ],
)
def test_a_sum_made_good_is_compensation_a_piece_is_a_reship(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


# --- remedies that are not a clean keyword (dialogues_dev12) ---------------------------------
@pytest.mark.parametrize(
    "text, remedy",
    [
        # the first of two, the second only when the first cannot be had
        ("有现货就换一双 没货就退款", "exchange"),
        ("能换新就换新 換唔到就退錢", "exchange"),
        ("可以修就修好 不得就换新", "repair"),
        # the question of giving the order up, as a clause of its own
        ("东西还没收到呢 可以退吗", "return_refund"),
        ("那我能退不", "return_refund"),
        # 退 against a refused exchange, the goods fetched, the whole price
        ("不想换了 直接退", "return_refund"),
        ("全额退款 东西你们来拿走", "return_refund"),
        ("全部退款", "refund"),
        ("只想拿回我的钱", "refund"),
        # a sum or half of the price: part of the money
        ("退我二十块就算了", "compensation"),
        ("那25块退给我", "compensation"),
        ("给我退一半的钱就行", "compensation"),
        ("退半价给我", "compensation"),
        # money taken twice is a refund, whatever the sum
        ("重复扣的99退我", "refund"),
        # compensation asked as a question
        ("这样难道不该赔吗", "compensation"),
        ("能赔吗", "compensation"),
        # the size or article wanted instead of the one in hand
        ("我要m码的", "exchange"),
        ("要小一号的", "exchange"),
        ("我要的是我订的那款", "exchange"),
        # made to work again
        ("帮我搞好就行", "repair"),
    ],
)
def test_remedies_that_are_not_a_clean_keyword(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "用过一次了还可以退吗",
        "弄好了吗",
        "能换就换 换不了拉倒",
        "帮我把登录弄好就行",
        "申请都退半个月了",
    ],
)
def test_no_remedy_in_a_question_of_eligibility_or_progress(text):
    assert remedy_answers.remedy_mentioned(text) is None


def test_a_size_wanted_at_the_end_of_a_complaint_is_a_wish():
    assert remedy_answers.remedy_wished("买的s码 寄来的是xl 我要s码的") == "exchange"


def test_a_wrong_item_complaint_ending_in_can_i_return_it_is_a_wish():
    assert remedy_answers.remedy_wished("到现在都没发货 能退吗") == "return_refund"


@pytest.mark.parametrize(
    "text, remedy",
    [("运费谁出啊 反正我要退货", "return_refund"), ("补发要几天能到 赶紧给我补发", "reship")],
)
def test_a_wish_beside_a_process_question(text, remedy):
    assert remedy_answers.remedy_beside_question(text) == remedy


@pytest.mark.parametrize("text", ["退货的话运费谁出", "换货怎么寄回去", "退款多久到账 钱挺急的"])
def test_no_wish_beside_a_process_question_alone(text):
    assert remedy_answers.remedy_beside_question(text) is None


@pytest.mark.parametrize("text", ["不知道", "我也不清楚啊", "唔知", "不晓得 😂", "我 真 不知道呢"])
def test_i_dont_know_at_the_remedy_question_leaves_it_to_the_shop(text):
    """Review: the remedy question and the live host's question each had their own "don't
    know"; one check now serves both, with the wider one's words (唔知, 不晓得…)."""
    assert answers.only_says_dont_know(text)
    assert answers.leaves_remedy_open(text)


def test_not_knowing_how_to_use_it_is_no_dont_know():
    assert not answers.only_says_dont_know("不知道怎么用")


# --- dialogues_dev13: remedies said first, sums, colours, the exchanged item ------------------
@pytest.mark.parametrize(
    "text, remedy",
    [
        # the remedy opens the message as an order, the facts follow (n004)
        ("补发一盒茶叶 订单2026112300123 龙井我买了两盒只收到一盒", "reship"),
        # a sum with the customer as receiver, Cantonese 蚊 for 块 (n017)
        ("個水壺燒水有陣鐵鏽味 訂單202411191024 退返50蚊俾我就算啦 唔使退貨", "compensation"),
        # the colour wanted, without 成 (n026)
        ("发来的颜色不对 我要的雾蓝 给的是白的 换雾蓝的 202411235567", "exchange"),
        # the exchanged item asked to be sent (n042)
        ("趕快把換的寄給我", "exchange"),
        # the difference in other words (n020)
        ("請退還差額", "compensation"),
    ],
)
def test_remedies_wished_as_dev13_customers_say_them(text, remedy):
    assert remedy_answers.remedy_wished(text) == remedy


@pytest.mark.parametrize(
    "text, remedy",
    [
        # a bare sum made good is money, not a piece reshipped (n018)
        ("把那50补给我", "compensation"),
        # the goods fetched by the shop after the money (n051)
        ("全额退款 机器你们自己来拉走", "return_refund"),
    ],
)
def test_remedies_mentioned_as_dev13_customers_say_them(text, remedy):
    assert remedy_answers.remedy_mentioned(text) == remedy


@pytest.mark.parametrize(
    "text",
    [
        "换货被拒了 订单202411220931",  # a past request opening the message
        "补发 什么时候到",  # a question about the remedy
        "退款 到现在还没到",  # how the remedy is going
        "换了红的 还是不行",  # an exchange told as a fact
    ],
)
def test_a_remedy_opening_a_fact_or_a_question_is_no_wish(text):
    assert remedy_answers.remedy_wished(text) is None


def test_an_english_story_with_a_wish_is_more_than_a_remedy():
    """Hand trial 2026-12-01: the English complaint was taken for a bare "exchange" and its
    story was asked for again."""
    from bot.intake.remedy_answers import only_names_a_remedy

    story = "hi, the jacket I ordered arrived with a broken zipper. order 202411200012. I want an exchange"
    assert not only_names_a_remedy(story)
    assert not only_names_a_remedy("the cup arrived cracked, refund")
    for wish in [
        "I want an exchange please",
        "refund pls",
        "I want a refund for order 202411200012",
    ]:
        assert only_names_a_remedy(wish), wish


@pytest.mark.parametrize(
    "text, remedy",
    [
        ("我说了要退款", "refund"),
        ("我都说了退货退款", "return_refund"),
        ("就是要补发", "reship"),
        ("我講咗要退款", "refund"),
        # what others said is no wish of the customer's (intake9)
        ("客服说了给我退款 到现在没退", None),
        ("客服说过可以换货", None),
        ("主播说了买二送一", None),
    ],
)
def test_a_remedy_insisted_on_is_said_in_so_many_words(text, remedy):
    assert remedy_answers.remedy_changed(text) == remedy


@pytest.mark.parametrize(
    "text, only_a_remedy",
    [
        ("要么补发赠品 要么退差价", True),  # lead's hand trial: written into the description
        ("或者退款也行", True),
        ("补发赠品吧", True),
        ("赠品一直没收到 给我补发", False),  # what went wrong, too
    ],
)
def test_alternatives_and_the_gift_are_only_a_remedy(text, only_a_remedy):
    assert remedy_answers.only_names_a_remedy(text) is only_a_remedy


@pytest.mark.parametrize(
    "text, chosen, others",
    [
        ("要么重新发一个 要么退钱", "reship", ["refund"]),
        ("要么補發 要么退錢", "reship", ["refund"]),
        ("换新或修理都可以", "exchange", ["repair"]),
        ("退货或者换个颜色都行 优先退货", "return_refund", ["exchange"]),
        ("维修太麻烦了 改成退货退款吧", None, []),  # a change of mind, no alternative
        ("退货退款 还要赔偿", None, []),  # an extra wish, not a fallback
        ("退款", None, []),
    ],
)
def test_the_remedy_wished_and_the_ones_that_would_also_do(text, chosen, others):
    assert remedy_answers.remedy_fallbacks(text) == (chosen, others)


@pytest.mark.parametrize(
    "text, code",
    [
        ("算了 我也不想吵 就想退个款", "refund"),  # nlu19: read as cancel, the refund unseen
        ("帮我退一下款", "refund"),
        ("退下钱吧", "refund"),
        ("退个货吧", "return_refund"),
    ],
)
def test_a_measure_word_inside_the_remedy_still_names_it(text, code):
    assert remedy_answers.remedy_mentioned(text) == code

from bot.i18n import conversation_script

OPENING = "料理機的蓋子蓋不緊 訂單202411210777 我要換貨"


def test_a_short_simplified_reply_does_not_flip_a_traditional_conversation():
    assert conversation_script(["确认", "不用", OPENING]) == "hant"


def test_a_sentence_in_the_other_script_switches_at_once():
    assert conversation_script(["我还是想改成退货退款，谢谢", OPENING]) == "hans"


def test_script_follows_the_customer_and_defaults_to_simplified():
    assert conversation_script(["好的", "12345"]) == "hans"
    assert conversation_script([]) == "hans"
    assert conversation_script(["對"]) == "hant"
    assert conversation_script(["谢谢", "對的 沒錯"]) == "hant"


def test_written_cantonese_without_other_evidence_is_traditional():
    assert conversation_script(["喂 有冇人呀"]) == "hant"
    assert conversation_script(["我哋嘅订单冇到"]) == "hans"  # 订 says Simplified

"""bot.nlu.romanised: romanised Chinese read as characters, English and order numbers kept."""

import pytest

from bot.nlu.romanised import original_span, romanised_to_hanzi


@pytest.mark.parametrize(
    "typed, read",
    [
        ("zhuan rengong", "转人工"),
        ("zhuanrengong", "转人工"),
        ("zhuǎn réngōng", "转人工"),
        ("ZhuanRengong", "转人工"),
        ("woyaotousu", "我要投诉"),
        ("tui kuan hai mei dao", "退款还没到"),
        ("zrg", "转人工"),
        ("m goi", "谢谢"),
        ("nǚ", "nǚ"),  # a syllable outside the lexicon: the run is not read
    ],
)
def test_romanised_runs_read_as_the_characters_they_spell(typed, read):
    assert romanised_to_hanzi(typed)[0] == read


@pytest.mark.parametrize(
    "text",
    [
        "the cup arrived broken",
        "human please",
        "i want a real person",
        "T恤 有个洞",
        "see pic",
        "订单 DD88231907",
        "JD2024 1123",
        "收到的杯子碎了",
        "你是AI吗",
        "这个charger完全不work",
        "我的邮箱是 li.ming@163.com",
        "微信号 mei_2019",
    ],
)
def test_english_letters_on_numbers_and_chinese_stay_as_typed(text):
    converted, spans = romanised_to_hanzi(text)
    assert converted == text
    assert spans is None  # nothing read: every character stands for itself
    assert original_span(spans, 1, 3) == (1, 3)


def test_only_a_run_that_is_romanised_through_and_through_is_read():
    # "please" is not pinyin, so "tuikuan please" is English with a word of pinyin in it
    assert romanised_to_hanzi("tuikuan please")[0] == "tuikuan please"
    assert romanised_to_hanzi("我要 tuikuan 谢谢")[0] == "我要 退款 谢谢"


def test_a_pinyin_sentence_with_an_unknown_word_is_read_word_by_word():
    text = "fa cuo le wo yao de shi hongse"
    converted, spans = romanised_to_hanzi(text)
    assert converted == "发错了我要的是 hongse"
    assert len(spans) == len(converted)
    assert text[slice(*original_span(spans, len(converted) - 6, len(converted)))] == "hongse"
    # English with a pinyin-looking word or two stays English
    assert romanised_to_hanzi("you can see a man")[0] == "you can see a man"
    assert romanised_to_hanzi("sing a song")[0] == "sing a song"


def test_initials_are_read_only_as_a_whole_word():
    assert romanised_to_hanzi("zrg")[0] == "转人工"
    assert romanised_to_hanzi("wl tai man le")[0] == "物流太慢了"
    assert romanised_to_hanzi("kfrg")[0] == "kfrg"  # two initials in one word: not read


def test_fewest_pieces_prefer_domain_words_over_syllables():
    assert romanised_to_hanzi("huanhuo")[0] == "换货"
    assert romanised_to_hanzi("bufa")[0] == "补发"  # not 不 + 发
    assert romanised_to_hanzi("bu fa le")[0] == "补发了"


def test_every_character_points_at_the_word_it_was_read_from():
    text = "订单 0000 dingdan hao cuo le"
    converted, spans = romanised_to_hanzi(text)
    assert converted == "订单 0000 订单号错了"
    assert len(spans) == len(converted)
    start = converted.index("订单号")
    assert text[slice(*original_span(spans, start, start + 3))] == "dingdan hao"
    assert text[slice(*original_span(spans, start + 3, start + 5))] == "cuo le"
    # characters before the run keep their own one-character spans
    assert spans[:8] == [(i, i + 1) for i in range(8)]


def test_long_runs_are_not_read():
    # a pasted English text or a row of letters: not worth the split, not pinyin anyway
    assert romanised_to_hanzi("a " * 200)[0] == "a " * 200
    assert romanised_to_hanzi("ni hao " * 3)[0] == "你好" * 3 + " "

import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.tokenizer import NormalizingJiebaTokenizer


@pytest.fixture
def dictionary_dir(tmp_path):
    folder = tmp_path / "jieba_dict"
    folder.mkdir()
    return folder


@pytest.fixture
def tokenizer(dictionary_dir, model_storage, resource, execution_context):
    config = {
        **NormalizingJiebaTokenizer.get_default_config(),
        "dictionary_path": str(dictionary_dir),
    }
    return NormalizingJiebaTokenizer.create(config, model_storage, resource, execution_context)


def tokens(tokenizer, text):
    return tokenizer.tokenize(Message(data={"text": text}), "text")


@pytest.mark.parametrize(
    "original, simplified",
    [
        ("我的訂單還沒到，快遞也查不到", "我的订单还没到，快递也查不到"),
        ("訂單號２０２４１１２３５５６７", "订单号202411235567"),
        ("收到的杯子碎了！！給我補發一個", "收到的杯子碎了！！给我补发一个"),
    ],
)
def test_traditional_and_fullwidth_tokenise_like_simplified(tokenizer, original, simplified):
    got = tokens(tokenizer, original)
    expected = tokens(tokenizer, simplified)
    assert [t.text for t in got] == [t.text for t in expected]
    assert [(t.start, t.end) for t in got] == [(t.start, t.end) for t in expected]


def test_offsets_point_into_the_original_text(tokenizer):
    text = "訂單 ＡＢ１２ 沒到"
    got = tokens(tokenizer, text)
    assert [t.text for t in got] == [t.text for t in tokens(tokenizer, "订单 AB12 没到")]
    assert [text[t.start : t.end] for t in got] == ["訂單", "ＡＢ１２", "沒", "到"]


def test_numbers_look_alike_to_the_featurizers(tokenizer):
    assert [t.text for t in tokens(tokenizer, "订单 202411235567")] == [
        t.text for t in tokens(tokenizer, "订单 778122904432")
    ]


def test_numbers_read_out_in_words_look_like_typed_numbers(tokenizer):
    spoken = tokens(tokenizer, "电话 一三九 一二三四 五六七八")
    typed = tokens(tokenizer, "电话 139 1234 5678")
    assert [t.text for t in spoken] == [t.text for t in typed]
    # short runs of numerals are words and quantities, not numbers
    assert "0" not in "".join(t.text for t in tokens(tokenizer, "等了三五天 一一对应"))


@pytest.mark.parametrize("text", ["😡😡😡", "\x00\xff", "好" * 10_000])
def test_odd_input_gives_consistent_tokens(tokenizer, text):
    got = tokens(tokenizer, text)
    assert got
    assert all(0 <= t.start < t.end <= len(text) for t in got)
    assert all(t.text.strip() for t in got)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_text_without_words_gets_one_empty_token(tokenizer, text):
    # featurizers need a token to give the intent classifier a (zero) feature vector
    (token,) = tokens(tokenizer, text)
    assert (token.text, token.start, token.end) == ("", 0, len(text))


def test_processes_training_data_and_messages(tokenizer):
    data = TrainingData([Message(data={"text": "快遞沒到", "intent": "complain"})])
    tokenizer.process_training_data(data)
    from_training = [t.text for t in data.training_examples[0].get("text_tokens")]
    message = Message(data={"text": "快递没到"})
    tokenizer.process([message])
    assert [t.text for t in message.get("text_tokens")] == from_training
    assert from_training[0] == "快递"


def test_user_dictionary_is_persisted_and_loaded(
    dictionary_dir, model_storage, resource, execution_context
):
    (dictionary_dir / "userdict.txt").write_text("补寄一瓶 100 v\n", encoding="utf-8")
    config = {
        **NormalizingJiebaTokenizer.get_default_config(),
        "dictionary_path": str(dictionary_dir),
    }
    trained = NormalizingJiebaTokenizer.create(config, model_storage, resource, execution_context)
    trained.train(TrainingData())
    loaded = NormalizingJiebaTokenizer.load(config, model_storage, resource, execution_context)
    assert "补寄一瓶" in [t.text for t in tokens(loaded, "請補寄一瓶")]
    with model_storage.read_from(resource) as stored:
        assert (stored / "userdict.txt").is_file()


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_empty_or_missing_dictionary_folder_is_fine(
    tmp_path, folder, model_storage, resource, execution_context
):
    path = tmp_path / folder
    if folder == "empty":
        path.mkdir()
    config = {**NormalizingJiebaTokenizer.get_default_config(), "dictionary_path": str(path)}
    component = NormalizingJiebaTokenizer.create(config, model_storage, resource, execution_context)
    component.train(TrainingData())
    loaded = NormalizingJiebaTokenizer.load(config, model_storage, resource, execution_context)
    assert [t.text for t in tokens(loaded, "快遞沒到")][0] == "快递"


def test_default_dictionary_folder_is_the_projects():
    assert NormalizingJiebaTokenizer.get_default_config()["dictionary_path"] == "bot/nlu/jieba_dict"


@pytest.mark.parametrize(
    "shorthand, words",
    [("88", "拜拜"), ("886", "拜拜了"), ("88~", "拜拜~"), ("８８６！", "拜拜了！")],
)
def test_a_message_of_88_reads_as_goodbye(tokenizer, shorthand, words):
    got = tokens(tokenizer, shorthand)
    assert [t.text for t in got] == [t.text for t in tokens(tokenizer, words)]
    assert [(t.start, t.end) for t in got] == [(t.start, t.end) for t in tokens(tokenizer, words)]


@pytest.mark.parametrize("text", ["88888888", "88块", "订单 886", "付了 88"])
def test_88_inside_or_as_a_long_number_stays_a_number(tokenizer, text):
    assert "拜" not in "".join(t.text for t in tokens(tokenizer, text))


@pytest.mark.parametrize(
    "typed, words", [("5", "分"), ("3", "分"), ("1!", "分!"), ("４", "分"), (" 2 ", " 分 ")]
)
def test_a_message_of_one_digit_reads_as_a_score(tokenizer, typed, words):
    got = tokens(tokenizer, typed)
    assert [t.text for t in got] == [t.text for t in tokens(tokenizer, words)]
    assert [(t.start, t.end) for t in got] == [(t.start, t.end) for t in tokens(tokenizer, words)]


@pytest.mark.parametrize("text", ["6", "0", "55", "5分", "3件", "订单 5"])
def test_other_digits_stay_numbers(tokenizer, text):
    assert "".join(t.text for t in tokens(tokenizer, text)).count("分") == text.count("分")


def test_romanised_chinese_tokenises_like_the_characters(tokenizer):
    romanised = tokens(tokenizer, "zhuan rengong 谢谢")
    assert [t.text for t in romanised] == [t.text for t in tokens(tokenizer, "转人工 谢谢")]
    text = "dingdan 2024 1123 fa cuo le"
    got = tokens(tokenizer, text)
    assert "".join(t.text for t in got) == "订单00000000发错了"
    assert text[got[0].start : got[0].end] == "dingdan"
    assert all(0 <= t.start < t.end <= len(text) for t in got)


def test_romanised_reading_can_be_switched_off(
    dictionary_dir, model_storage, resource, execution_context
):
    config = {
        **NormalizingJiebaTokenizer.get_default_config(),
        "dictionary_path": str(dictionary_dir),
        "romanised": False,
    }
    plain = NormalizingJiebaTokenizer.create(config, model_storage, resource, execution_context)
    assert [t.text for t in tokens(plain, "tuikuan")] == ["tuikuan"]


def test_a_user_dictionary_is_given_to_jieba_once_per_process(tmp_path):
    """`rasa train` reads the dictionary twice (trained, then from the model storage); a
    server once. A second load must not shift jieba's scores, or training segments text with
    other scores than the server."""
    import jieba

    words = "投诉接待测试词甲 5\n投诉接待测试词乙\n"
    first, copy = tmp_path / "dict", tmp_path / "storage_copy"
    for folder in (first, copy):
        folder.mkdir()
        (folder / "userdict.txt").write_text(words, encoding="utf-8")

    NormalizingJiebaTokenizer._load_custom_dictionary(str(first))
    jieba.dt.check_initialized()
    total = jieba.dt.total
    NormalizingJiebaTokenizer._load_custom_dictionary(str(copy))
    NormalizingJiebaTokenizer._load_custom_dictionary(str(first))

    assert jieba.dt.total == total
    assert jieba.dt.FREQ["投诉接待测试词甲"] == 5


@pytest.fixture
def glossing(dictionary_dir, model_storage, resource, execution_context):
    config = {
        **NormalizingJiebaTokenizer.get_default_config(),
        "dictionary_path": str(dictionary_dir),
        "english_glosses": True,
    }
    return NormalizingJiebaTokenizer.create(config, model_storage, resource, execution_context)


@pytest.mark.parametrize(
    "mixed, chinese",
    [
        ("这个order的Refund还没到", "这个order的退款还没到"),
        ("收到的wrong size 我要exchange", "收到的发错 我要换货"),
        ("tk了半个月 kf不理人", "退款了半个月 客服不理人"),
    ],
)
def test_english_words_tokenise_like_their_chinese_gloss(glossing, mixed, chinese):
    assert [t.text for t in tokens(glossing, mixed)] == [t.text for t in tokens(glossing, chinese)]


def test_glossed_tokens_point_at_the_english_word_as_typed(glossing):
    text = "我要Refund 快递一直没ship"
    got = tokens(glossing, text)
    assert "".join(t.text for t in got) == "我要退款快递一直没发货"
    refund = next(t for t in got if "退" in t.text)
    assert text[refund.start : refund.end] == "Refund"
    assert all(0 <= t.start < t.end <= len(text) for t in got)


def test_glosses_and_romanised_chinese_read_together(glossing):
    text = "zhuan rengong refund"
    got = tokens(glossing, text)
    assert "".join(t.text for t in got) == "转人工退款"
    assert text[got[-1].start : got[-1].end] == "refund"


def test_english_stays_as_typed_without_the_option(tokenizer):
    assert "refund" in [t.text for t in tokens(tokenizer, "我要refund")]

from bot.triage.lexicon import Lexicon, chars, one_of, words


def lexicon():
    return Lexicon(
        {"legal": ["告你们", "告你", "12315", "工商"], "media": ["曝光"]},
        patterns={
            "blood": [
                [
                    *chars("流"),
                    *chars("了", True),
                    one_of("好很", "?"),
                    *chars("多", True),
                    *chars("血"),
                ]
            ]
        },
        exclusions=["曝光不足", "工商银行"],
        check=lambda label, text: text != "流血",
    )


def test_matches_traditional_through_normalisation():
    assert lexicon().find(["我要曝光，去工商局告你們"]) == {
        "media": ["曝光"],
        "legal": ["工商", "告你们"],
    }


def test_longest_nested_hit_wins():
    assert [m.text for m in lexicon().matches("告你们")] == ["告你们"]


def test_exclusions_drop_hits_inside_them():
    assert lexicon().find(["照片曝光不足", "在工商银行转账"]) == {}


def test_ascii_entries_do_not_match_inside_longer_numbers():
    assert lexicon().find(["订单2024123156"]) == {}
    assert lexicon().find(["打12315投诉"]) == {"legal": ["12315"]}


def test_token_patterns_and_check():
    assert lexicon().find(["流了好多血"]) == {"blood": ["流了好多血"]}
    assert lexicon().find(["流血"]) == {}


def test_offsets_index_the_text():
    text = "先說好，我會曝光"
    (match,) = lexicon().matches(text)
    assert text[match.start : match.end] == "曝光"


def test_words_skips_comments():
    assert words("""
        # a comment
        甲 乙
        丙
    """) == ["甲", "乙", "丙"]


def test_remembered_hits_are_the_same_and_a_new_list_each_time():
    remembering = lexicon()
    texts = ["我要曝光，去工商局告你們", "流了好多血", "", "曝光不足", "我要曝光，去工商局告你們"]
    first = [remembering.matches(text) for text in texts]
    again = [remembering.matches(text) for text in texts]
    assert again == first == [lexicon().matches(text) for text in texts]
    again[0].clear()
    assert remembering.matches(texts[0]) == first[0] != []

import pytest

from bot.nlu.several_problems import first_problem


@pytest.mark.parametrize(
    "text, part",
    [
        ("耳机降噪没效果 而且发票也没开", "耳机降噪没效果"),
        (
            "羽絨外套尺寸寄錯 我買L結果來了M 然後我去問客服 客服超兇",
            "羽绒外套尺寸寄错 我买l结果来了m",
        ),
        # Cantonese 仲有 is normalised to 还有 first
        ("部水煲個掣鬆咗，仲有個蓋閂唔埋", "部水煲个掣松了"),
        ("退款只到了一半，另外客服一直不回", "退款只到了一半"),
        # a bare 还 before another thing wrong with the order (dialogues_dev13 n031)
        ("杯子收到碎了一个 还少发了一个杯垫 订单202411235567", "杯子收到碎了一个"),
    ],
)
def test_the_part_before_an_added_problem(text, part):
    assert first_problem(text) == part


@pytest.mark.parametrize(
    "text",
    [
        "退款只退了一半 打客服电话一直让我等",  # nothing added with a marker
        "然后呢 快递还没到",  # nothing before the marker
        "好 而且快递也慢",  # too little before it to be a problem
        "快递三天没动了 还没到",  # 还 going on about the same problem
        "",
        None,
    ],
)
def test_no_first_problem(text):
    assert first_problem(text) is None


def test_marker_inside_a_word_is_no_clause_start():
    # a marker must start a clause: 还有 inside one ("还有点漏水") adds nothing
    assert first_problem("杯子还有点漏水 快递也慢") is None

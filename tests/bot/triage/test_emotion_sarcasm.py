"""Mock praise and polite threats: anger without a blaming word (bot.triage.emotion_sarcasm)."""

import pytest

from bot.triage.emotion import detect_emotion
from bot.triage.emotion_sarcasm import mock_praise, polite_threat, sarcasm_cues


@pytest.mark.parametrize(
    "text",
    [
        "效率可真高，退款申请交了三周",
        "真贴心啊，又把赠品忘了",
        "服务一流，客服两天不回",
        "好样的，第三回寄错地址",
        "真係一流，冇人理",
        "点个赞👍 划痕都给我安排上了",
    ],
)
def test_praise_belied_by_the_facts_is_mock_praise(text):
    assert mock_praise(text)
    assert detect_emotion([text]).emotion == "angry"


@pytest.mark.parametrize(
    "text",
    [
        "真快，昨天下单今天就到了",
        "客服态度很好，谢谢",
        "包装很到位，一点没压",
        "又坏了，能换一个吗",
        "第二次买了，这次想要蓝色",
        # thanks are left out: letdown sarcasm with 谢谢 is upset in emotion_dev.yml
        "谢谢你们让我多等了一周",
    ],
)
def test_praise_alone_or_a_letdown_alone_is_not(text):
    assert not mock_praise(text)


@pytest.mark.parametrize(
    "text",
    ["麻烦今天回复我，不然我就投诉", "请尽快处理，否则我去消协", "麻煩快啲，唔係我就投訴"],
)
def test_a_complaint_announced_as_the_consequence_is_a_polite_threat(text):
    assert polite_threat(text)
    assert detect_emotion([text]).emotion == "angry"


@pytest.mark.parametrize(
    "text",
    ["请在三天内处理，否则我会申请平台介入", "我要投诉", "不然我换个颜色也行"],
)
def test_a_procedural_step_or_a_plain_complaint_is_not(text):
    assert not polite_threat(text)


def test_cues_are_named_once():
    assert sarcasm_cues(["真是神速，又慢了三天", "不然就投诉"]) == ["mock praise", "polite threat"]
    assert sarcasm_cues(["好的", "谢谢"]) == []

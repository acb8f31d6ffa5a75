"""Severity, sixteenth round (2026-12-02, task sev16): the classes of the rules' false alarms on
bench/data/severity_dev16.yml (urgent words borrowed without an urgent fact), each with urgent
counterparts that keep the same words.

Rules: a harm feared with no modal ("我怕…烫伤"); a harm asked with 会不会 with nothing seen or
caused; what would have happened had the customer not noticed; someone else's incident heard of
with the customer's own item fine; a past hospital stay as a time; 出人命 in anger; 伤口上撒盐;
an injury long past as why this shop was chosen; an authority's building as a landmark; a
platform's arbitration; a job held in the past; hearsay read online; another shop next door; a
threat weighed and found too much trouble, or a relative's stopped; the others' items fine;
spending over a period and a list price as no order amount.

The sentences are written for these tests (classes of dev16's errors, none of its sentences).
"""

import pytest

from bot.triage.severity import assess_severity

THRESHOLD = 2000.0


def reasons(text: str) -> list:
    """The rules' reasons for one message, no order amount."""
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    "text",
    [
        "我怕孩子摸到烫伤，这个水壶外壳太薄了",
        "担心狗狗咬着划伤，这个玩具能换个软的吗",
        "这个香水会不会过敏，还没拆",
        "涂层吃下去会不会中毒？我不敢再用了",
        "要不是我看了一眼日期，这盒酸奶就给老人喝了，还好",
        "新闻里说有人的电动车电池起火了，我这台倒没事，就是续航短",
        "朋友说她那个烫手，我的还没用",
        "去年住院时用过这种尿垫，这次的薄了很多",
        "急死了，要出人命了，客服三天不回",
        "你们这是在伤口上撒盐，退款一拖再拖",
        "前几年那个暖宝宝把我烫伤过，所以才选了你们这款，结果不热",
    ],
)
def test_injury_words_without_an_injury(text: str) -> None:
    assert "injury" not in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "急死了，要出人命了，插座漏电，手被电麻了",
        "朋友说她那个烫手，我的也把手烫伤了",
        "涂了以后脸上红肿，会不会过敏了",
        "我怕它漏电，结果真的漏电了，手被电了一下",
    ],
)
def test_injury_kept(text: str) -> None:
    assert "injury" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "收货地点在法院对面的小区，快递说找不到",
        "我屋企喺消委會旁邊，點解速遞唔送上樓",
        "网上看到有律师讲这种可以退一赔三，是真的吗",
        "隔壁那家被12315投诉过，你们家发货能快点吗",
        "打官司的话太费劲了，我也不想，换个货就行",
        "我爸说要去告你们，被我劝住了",
        "你们平台的仲裁我申请了",
        "我妈以前做过记者，她说你们包装太差",
        "我闺蜜说要是她就去小红书曝光你们，我没那么激进",
    ],
)
def test_threat_words_without_a_threat(text: str) -> None:
    reasons_given = reasons(text)
    assert "legal" not in reasons_given and "media" not in reasons_given


@pytest.mark.parametrize(
    "text, reason",
    [
        ("我已经委托律师了，法院见", "legal"),
        ("我这就去小红书曝光你们", "media"),
        ("再不处理我就去消协", "legal"),
    ],
)
def test_threats_kept(text: str, reason: str) -> None:
    assert reason in reasons(text)


def test_others_fine_is_no_group() -> None:
    assert "group" not in reasons("我和几个同事都买了这款保温杯，他们的都好好的，就我的漏水")
    assert "group" in reasons("我们办公室好几个同事都买了这款保温杯，全都漏水")


@pytest.mark.parametrize(
    "text",
    ["今年在你们店陆陆续续花了五千多，这次的纸巾少了一包", "原价两千六，券后一千九拿的，现在降价了"],
)
def test_no_order_amount(text: str) -> None:
    assert "amount" not in reasons(text)


def test_paid_amount_kept() -> None:
    assert "amount" in reasons("原价三千二，活动价两千五买的，屏幕有坏点")


@pytest.mark.parametrize(
    "text",
    ["衣柜门板掉下来了，当时房间里没人", "保鲜盒的盖子裂了，我们没吃，直接扔了"],
)
def test_nobody_near_or_nobody_ate(text: str) -> None:
    result = assess_severity([text], None, THRESHOLD, [{"injury": 0.95}])
    assert "injury" not in result.reasons


def test_fell_on_someone_kept() -> None:
    assert "injury" in reasons("衣柜门板掉下来砸到我腿上，青了一大块")


def test_part_thrown_out_kept() -> None:
    assert "injury" in reasons("风扇的扇叶飞出来打碎了花瓶，还好当时旁边没人")

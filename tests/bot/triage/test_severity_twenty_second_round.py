"""Twenty-second round (task sev22, severity_dev22: what a careless reader flags).

Precision, one test per narrowed rule: sums that are no order amount (several orders added
up, spending records, a parcel insurance's cap, a friend's purchase, the thing an accessory is
for, another platform's price, a mesh count); a step overtaken by the shop's fix, promised on a
condition that did not come about, dropped by a customer calmed in a note, or only asked about;
comparisons; posting to see how something looks; the news unrelated to the complaint; a star's
look-alike; a job in new media; idioms and names (便宜到犯法, 律师包); a note's negation, joke
or "not for now"; someone said it could be done; other people's copies and the news, with the
customer's own fine; praise shown off; only the customer in a note; a group buy's purchase made
for others; a colleague's batch asked about. Each with an urgent counterpart. None of these
sentences is a dev case.
"""

import pytest

from bot.triage.severity import assess_severity

THRESHOLD = 2000.0


def reasons(text):
    return assess_severity([text], None, THRESHOLD).reasons


@pytest.mark.parametrize(
    ("normal", "urgent", "reason"),
    [
        # amounts that are no order amount
        ("前后下了三单，加起来快三千了，这回的毛巾掉毛", "买了两件，一共两千五，都起球", "amount"),
        ("我的消费记录都上万了，这次的袜子发错颜色", "上万的包，拉链一拉就坏", "amount"),
        ("累计消费超过三万元的老客户，这次要求换个尺码", "这次花了三万元，货不对板", "amount"),
        ("快递说保价最高赔3000，我这个杯子才59", "我保价了3000元，包裹丢了", "amount"),
        (
            "我同事在你们家买的冰箱花了五千，我买的保鲜盒漏水",
            "我朋友帮我买的电视花了六千，屏幕裂了",
            "amount",
        ),
        ("这个支架是给三千多的相机买的，螺丝孔对不上", "这个相机是三千多买的，镜头有霉", "amount"),
        (
            "其他平台同款售价2999元，这里卖899，收到的包装是旧的",
            "这里卖2999元，收到的包装是旧的",
            "amount",
        ),
        ("买的是5000目的抛光膏，发成了800目", "买的是5000块的抛光机，发成了旧的", "amount"),
        # steps overtaken, averted, calmed or only asked about
        (
            "原本打算打12315的，后来你们给我补发了，谢谢",
            "本来想找律师，后来你们退款了，但又扣了我运费，我还是要告",
            "legal",
        ),
        ("要是今天还不退我就去消协，还好刚才退了", "要是今天还不退我就去消协", "legal"),
        (
            "客服记录：顾客称要投诉到市场监管局，经说明后表示理解",
            "客服记录：顾客称要投诉到市场监管局，经说明后仍不接受",
            "legal",
        ),
        ("客户咨询能不能去消协反映一下发货慢的问题", "客户称已经去消协反映了发货慢的问题", "legal"),
        ("顾客问消协的电话，说想了解退货规定", "顾客说已经打了消协的电话", "legal"),
        # comparisons, not steps
        ("律师都没你们能绕，一句话说八遍", "律师我已经找好了", "legal"),
        ("比律师还能说的客服，就是不给退", "找律师来跟你们说，就是不给退是吧", "legal"),
        # names, idioms, posting to show
        ("想发个小红书看看大家觉得这个颜色怎么样", "想发个小红书让大家避雷", "media"),
        (
            "记者采访的那条新闻我刷到了，跟我的事没关系，就想问下发货",
            "我已经约了记者采访，明天就见报",
            "media",
        ),
        ("上热搜的那款网红同款杯子，杯盖漏水", "你们这杯子漏水的事已经上热搜了", "media"),
        ("我是做新媒体的，说话直，你们包装太差", "我是做新媒体的，这事我会曝光", "media"),
        ("便宜到犯法的价格，可惜少了个配件", "你们卖假货是犯法的，我要去举报", "legal"),
        ("这个律师包的肩带断了", "这个包的肩带断了，律师说可以起诉", "legal"),
        # a note's joke, a customer's "not for now", someone said it could be done
        ("备注：顾客说要找记者，随后表示是开玩笑", "备注：顾客说要找记者，不是开玩笑", "media"),
        ("先不考虑打12315，等你们处理", "不考虑和解了，直接起诉", "legal"),
        ("我老爸说这种情况能起诉，我觉得没必要", "我老爸说这种情况能起诉，我们准备起诉", "legal"),
        # other people's copies and the news, the customer's own fine; a note's negation
        ("新闻里有人的暖手宝炸了，我这个目前用着没问题", "我这个暖手宝炸了", "injury"),
        (
            "朋友在别家买的同款卷发棒烫伤过，我想确认下你们的温度",
            "朋友在你们家买的同款卷发棒把我烫伤了",
            "injury",
        ),
        (
            "我表哥说他买的那台漏电，我这个倒是正常",
            "我表哥说他买的那台漏电，我这个也漏电",
            "injury",
        ),
        ("其同事用同款烫到手，本人使用正常", "客户用同款烫到手，已就医", "injury"),
        ("备注：未提及受伤，仅要求退款", "备注：孩子受伤，要求赔偿", "injury"),
        # groups that are not
        ("群里好多人在晒这个包，我的拉链坏了", "群里好多人都说拉链坏了", "group"),
        (
            "客户称好几个邻居也买了，都说挺好，就他这单发错了",
            "客户称好几个邻居也买了，都发错了",
            "group",
        ),
        ("小区团购里我帮同事代买了三份，其中一份漏了", "小区团购里好多人的都漏了", "group"),
        (
            "我邻居说她家那台漏电，我的还没拆，想问是不是同一批",
            "我邻居说她家那台漏电，我的也漏电，是同一批",
            "group",
        ),
    ],
)
def test_a_narrowed_rule_lets_the_normal_case_go_and_keeps_the_urgent_one(normal, urgent, reason):
    assert reasons(normal) == [], normal
    assert reason in reasons(urgent), urgent

"""bench.category_dev: the split is well formed, scored as nlu_eval scores, and never trained on."""

import difflib
from collections import Counter
from pathlib import Path

import pytest

from bench.category_dev import evaluate, load_split, summary
from bench.model_selection import load_examples
from bench.nlu_eval import Example
from bot.nlu.triage_classifier import _prepare
from bot.taxonomy import CATEGORIES, REMEDIES

ROOT = Path(__file__).resolve().parents[2]
# every category development split: each must stay well formed and never trained on
SPLITS = ["category_dev.yml", "category_dev2.yml", "category_dev3.yml"]
# splits on one angle (not every category evenly): never trained on, but not balanced
ANGLE_SPLITS = ["category_dev4.yml", "category_dev5.yml", "category_dev6.yml", "category_dev7.yml",
                 "category_dev8.yml", "category_dev9.yml", "category_dev10.yml",
                 "category_dev12.yml", "category_dev13.yml", "category_dev14.yml",
                 "category_dev15.yml", "category_dev16.yml", "category_dev17.yml",
                 "category_dev18.yml"]


@pytest.fixture(scope="module", params=SPLITS)
def split(request):
    return load_split(ROOT / "bench" / "data" / request.param)


def test_the_split_has_every_category_and_mostly_stated_remedies(split):
    categories = Counter(e.category for e in split)
    assert {e.intent for e in split} == {"complain"}
    assert set(categories) == set(CATEGORIES)
    assert all(25 <= n <= 35 for n in categories.values())
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)
    assert 0.45 <= sum(1 for e in split if e.remedy) / len(split) <= 0.7
    assert len({_prepare(e.text) for e in split}) == len(split)


# category_dev9 was written without reading data/nlu; a few of its plain hard-pair messages (not
# its transit-damage angle) met older training examples by chance ("同一单扣了我两次钱"). They
# are listed, not reworded: a split is never edited after it was run, and new training
# examples still may not come near any other message.
MET_BY_CHANCE = {
    "category_dev9.yml": {
        "退货申请被驳回了 没给理由",
        "主播讲全网最低价 结果别家便宜五十",
        "退款说三天到账 一周了还没收到",
        "退款顯示成功 但銀行卡冇收到",
        "发来的是别人的东西 完全不是我买的",
        "付款失败了 钱却被扣了",
        "同一单扣了我两次钱",
        "选的M码 收到的是XL",
        "三件套只收到两件",
        "颜色发错了 我要的是卡其 给我换",
    },
    # category_dev10 (every category, the hard pairs in plain words): 26 of its 152 met
    # training examples written before it; none of data/nlu's examples added with it did
    "category_dev10.yml": {
        "快递显示签收了 可我压根没拿到 是谁签的",
        "口味发错了 我要原味 收到的是辣的",
        "买了两盒 只到了一盒",
        "颜色发错了 我要的是藏青 给我换过来",
        "少发了一个枕套 给我补上",
        "页面写着防水 下小雨就进水了",
        "退款显示成功 银行卡里没有",
        "取消订单后钱一直没退回来",
        "支付失败钱被扣 退回来",
        "七天无理由退货 卖家不同意",
        "退货寄回去了 商家说没收到不给处理",
        "客服说话阴阳怪气的",
        "客服直接把我拉黑了",
        "客服態度好差",
        "客服态度太恶劣 我要你们道歉",
        "客服骂人 必须给我赔礼道歉",
        "说好的店铺赠品没送",
        "买完第二天就降价了 申请价保被拒",
        "第二件半价没算上",
        "价保不给 退差价",
        "主播说是正品 收到是高仿",
        "直播间说买一送一 只收到一件",
        "主播说是羊绒的 其实是腈纶 退货退款",
        "收不到验证码 登录不了",
        "账号莫名被封 给个解释",
        "发票申请了半个月还没开",
    },
    # category_dev17 / dev18 (written blind in round seventeen): plain wishes and host claims
    # that met older training examples by chance; none of the examples added with them does
    "category_dev17.yml": {
        "客服骂我脑子有病 必须给我道歉",
        "手表走走停停 寄回去给我修好",
        "扣了两次款 多扣的那笔退我",
        "满300减50没给我减 帮我处理一下",
        "刚买完就降价一百 把差价补给我",
        "付款失败钱被扣了 把钱退回来",
        "等咗兩個禮拜都未寄 唔要喇 退錢",
        "耳機沒聲音 麻煩處理 退貨退款",
        "漏咗條線 補返條俾我",
    },
    "category_dev18.yml": {
        "主播说防水 我戴着洗个手就进水了",
        "主播说是全网最低价 我发现别家便宜五十",
        "主播说七天无理由随便退 现在客服说直播款不退",
        "主播说送的那个赠品没收到 给我补发",
        "主播当着几千人说我是来捣乱的",
        "主播说这个锅不粘 煎个蛋就粘得一塌糊涂",
        "主播話係正貨 收到係假貨",
        "主播说是正品 收到一看就是高仿",
        "主播話送嘅贈品冇收到 幫我補寄",
    },
}


@pytest.mark.parametrize("name", SPLITS + ANGLE_SPLITS)
def test_no_training_example_is_close_to_a_split_message(name):
    # the split only measures what data/nlu teaches if none of its messages (or a close
    # paraphrase) is trained on: difflib ratio above 0.75 on the normalised texts
    chance = MET_BY_CHANCE.get(name, set())
    split = load_split(ROOT / "bench" / "data" / name)
    dev = [_prepare(e.text) for e in split if e.text not in chance]
    assert len(dev) == len(split) - len(chance)
    close = []
    for example in load_examples(ROOT / "data" / "nlu"):
        matcher = difflib.SequenceMatcher(None, "", example.key)
        for text in dev:
            matcher.set_seq1(text)
            if (
                matcher.real_quick_ratio() > 0.75
                and matcher.quick_ratio() > 0.75
                and matcher.ratio() > 0.75
            ):
                close.append((example.text, text))
    assert close == []


def parse(intent, category=None, remedy=None, head=None):
    entities = [{"entity": "issue_category", "value": category}] if category else []
    entities += [{"entity": "desired_remedy", "value": remedy}] if remedy else []
    return {
        "intent": {"name": intent},
        "entities": entities,
        "complaint_triage": {"category": {"code": head or category}},
    }


def test_evaluate_counts_a_missing_or_wrong_entity_and_a_false_remedy_as_misses():
    examples = [
        Example("a", "complain", "logistics", "reship"),
        Example("b", "complain", "logistics", None),
        Example("c", "complain", "account", None),
        Example("d", "complain", "account", "apology"),
    ]
    parsed = [
        parse("complain", "logistics", "reship"),
        parse("inform", None, None, head="logistics"),  # no entity: a miss, head right
        parse("complain", "logistics", "refund"),  # wrong category, remedy named for none
        parse("complain", "account", None),  # remedy not found
    ]
    result = evaluate(examples, parsed)
    category, remedy = result["category"], result["remedy"]
    assert category["accuracy"] == 0.5
    assert category["head_accuracy"] == 0.75
    assert category["coverage"] == 0.75
    assert category["intent_complain"] == 0.75
    assert category["per_category"]["logistics"]["precision"] == 0.5
    assert category["per_category"]["account"]["recall"] == 0.5
    assert [(e["text"], e["got"], e["head"]) for e in category["errors"]] == [
        ("b", "(none)", "logistics"),
        ("c", "logistics", "logistics"),
    ]
    assert remedy["accuracy"] == 0.5
    assert remedy["with_remedy"]["accuracy"] == 0.5
    assert remedy["without_remedy"]["accuracy"] == 0.5
    assert dict(result["remedy_confusions"]) == {"(none) -> refund": 1, "apology -> (none)": 1}


def test_the_ninth_split_is_transit_damage_against_defects_in_use():
    split = load_split(ROOT / "bench" / "data" / "category_dev9.yml")
    categories = Counter(e.category for e in split)
    assert len(split) >= 150
    assert categories["logistics"] >= 60 and categories["product_quality"] >= 40
    # the spec's other hard pairs are there too, a few of each
    assert all(categories[c] >= 5 for c in ("wrong_or_missing_item", "not_as_described",
                                            "refund_payment", "after_sales",
                                            "livestream_misleading", "promotion"))


def test_the_twelfth_split_sets_the_hard_pairs_side_by_side():
    split = load_split(ROOT / "bench" / "data" / "category_dev12.yml")
    categories = Counter(e.category for e in split)
    assert set(categories) == set(CATEGORIES) and len(split) == 120
    # each side of the spec's hard pairs at least ten times
    assert all(categories[c] >= 10 for c in ("logistics", "product_quality", "wrong_or_missing_item",
                                             "not_as_described", "refund_payment", "after_sales",
                                             "livestream_misleading", "promotion"))
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)
    # pasted voices: hotline notes, e-mails, work-order fields
    pasted = ("客户", "来电", "邮件", "工单", "【", "投诉内容", "顾客")
    assert sum(any(word in e.text for word in pasted) for e in split) >= 10


def test_the_fourteenth_split_sets_the_hard_pairs_in_tired_regional_voices():
    split = load_split(ROOT / "bench" / "data" / "category_dev14.yml")
    categories = Counter(e.category for e in split)
    assert set(categories) == set(CATEGORIES) and len(split) == 67
    assert all(categories[c] >= 6 for c in ("logistics", "product_quality", "wrong_or_missing_item",
                                            "not_as_described", "refund_payment", "after_sales",
                                            "livestream_misleading", "promotion"))
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)


def test_the_fifteenth_split_weighs_money_evidence_and_chasing():
    split = load_split(ROOT / "bench" / "data" / "category_dev15.yml")
    categories = Counter(e.category for e in split)
    assert set(categories) == set(CATEGORIES) and len(split) == 150
    # its angle: refunds, insured value and price protection, chasing nobody answers
    assert categories["refund_payment"] == 30 and categories["promotion"] == 24
    assert categories["logistics"] == 20 and categories["service_attitude"] == 12
    said = {e.text: (e.category, e.remedy) for e in split}
    assert said["保价两千的货丢了 按保价金额赔给我"] == ("logistics", "compensation")
    assert said["价保被拒 把差价退给我"] == ("promotion", "compensation")
    assert said["截图看下 付款失败但银行卡被扣了199"] == ("refund_payment", None)
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)
    assert sum(1 for e in split if e.remedy) == 49


def test_the_sixteenth_split_is_service_attitude_against_its_boundaries():
    split = load_split(ROOT / "bench" / "data" / "category_dev16.yml")
    categories = Counter(e.category for e in split)
    assert set(categories) == set(CATEGORIES) and len(split) == 221
    # its angle: service attitude told many ways, then its neighbours a few times each
    assert categories["service_attitude"] == 105 and categories["after_sales"] == 27
    assert all(categories[c] >= 10 for c in ("promotion", "refund_payment",
                                             "livestream_misleading", "other", "logistics"))
    said = {e.text: (e.category, e.remedy) for e in split}
    # the decisions of its header: the host's rudeness and review pressure are the shop's
    # service; the host's claims, the courier and the live room's faults are not
    assert said["主播阴阳怪气 说问价的都是穷鬼"] == ("service_attitude", None)
    assert said["确认收货以后店家天天打电话催好评 一天三个"] == ("service_attitude", None)
    assert said["主播说是真皮 收到一摸是PU"] == ("livestream_misleading", None)
    assert said["快递小哥打电话凶我 说爱要不要"] == ("logistics", None)
    assert said["直播间老是卡顿 画面一直转圈"] == ("other", None)
    assert said["以后别再给我打催好评的电话"] == ("service_attitude", "other")
    assert {e.remedy for e in split if e.remedy} <= set(REMEDIES)
    assert sum(1 for e in split if e.remedy) == 41


def test_summary_pools_the_splits_by_their_size():
    results = [
        {"category": {"accuracy": 1.0, "examples": 30}},
        {"category": {"accuracy": 0.5, "examples": 10}},
    ]
    assert summary(results) == {"mean_accuracy": 0.75, "pooled_accuracy": 0.875}

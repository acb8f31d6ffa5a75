import pytest

from bot.nlu.normalize import normalize
from bot.nlu.regional import to_mainland


@pytest.mark.parametrize(
    "text, expected",
    [
        # Cantonese
        ("冇訂單號", "没订单号"),
        ("係呀冇錯", "是呀没错"),
        ("唔使", "不用"),
        ("冇影", "没拍"),
        ("影咗相", "拍了相"),
        ("快啲整好寄返俾我", "快些修好寄回给我"),
        ("整返好佢得唔得", "修好好他行不行"),
        ("你哋係咪玩嘢", "你们是不玩物"),
        ("唔係我簽收嘅", "不是我签收的"),
        ("主播話一星期淡斑 仲話係最後一批", "主播说一星期淡斑 还说是最后一批"),
        ("唔該幫我轉人工", "谢谢帮我转人工"),
        ("個杯有少少花", "个杯有一点划"),  # scratched, not "too few" (少): a wrong item
        ("隻碗有啲花痕", "只碗有点划痕"),
        ("同網上啲相差好遠", "同网上照片差好远"),
        ("退埋貨退埋錢", "也退货也退钱"),  # 埋 after a verb: "as well"
        ("你哋執錯碼俾我", "你们发错码给我"),
        ("執漏咗一件", "漏发了一件"),
        # eighteenth intent split: 啱啱 "just now", 細碼, 揀咗 / 揀嘅, 錯咗 + the thing
        ("啱啱send咗相", "刚刚send了相"),
        ("買嘅係大碼 收到細碼", "买的是大码 收到小码"),
        ("我揀嘅係藍色", "我选的是蓝色"),
        ("揀咗黑色", "选了黑色"),
        ("錯咗碼", "发错码"),
        ("錯咗色呀", "发错色呀"),
        ("錯咗size", "发错size"),
        ("錯咗Size呀", "发错Size呀"),
        # trial9: small talk, 喇 closing a clause, 唔 before 投/等
        ("你食咗飯未", "你吃了饭未"),
        ("寄咗未", "寄了没"),
        ("你係咪機械人", "你是不机器人"),
        ("你哋老細", "你们老板"),
        ("一燒水就跳掣", "一烧水就跳闸"),
        ("唔退喇 唔等喇", "不退了 不等了"),
        ("唔投訴喇", "不投诉了"),
        # nineteenth intent split: tired customers, colour (色水), home, photos later, on duty,
        # money in the account, in the photo, too small to put on, brown, arguing
        ("色水唔同", "颜色不同"),
        ("好攰", "好累"),
        ("返到屋企補影", "返到家里补拍"),
        ("有冇人當值", "有没人值班"),
        ("都未入數", "都未到账"),
        ("件褸相入面係駝色", "件衣照片里是驼色"),
        ("著唔落", "穿不下"),
        ("撳唔郁", "按不动"),
        ("寄咗啡色嚟", "寄了棕色来"),
        ("唔想再嘈", "不想再吵"),
        ("將個箱掟落地", "将个箱扔落地"),
        # Taiwanese
        ("直接退費", "直接退款"),
        ("還沒出貨", "还没发货"),
        ("品質有夠差", "质量真是差"),
        ("客服已讀不回", "客服看了不回"),
        ("帳號的點數不見了", "账号的积分不见了"),
    ],
)
def test_regional_words_read_as_mainland_mandarin(text, expected):
    assert normalize(text, lowercase=False) == expected
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "联系我 系统 关系 一系列",
        "我们的關係很好",  # 係 of 關係 is no copula
        "我要申请仲裁",
        "电影 影响 影片",
        "快递没影了",  # vanished, not "no photo"
        "返现没到 返厂维修",
        "打电话 主播的话术",
        "唔 我想想",  # a hesitation, not "not"
        "咖啡色的杯子 环境很嘈杂",  # 咖啡色 is brown already; 嘈杂 is "noisy"
        "整个都坏了 整理一下",
        "商品质量问题 产品质量差",  # 商品|质量, not 品质
        "一点解释都没有",  # 一点|解释, not 点解 ("why")
        "完成日期写错了",  # 完成|日期, not 成日 ("always")
        "多多少少花了点钱",  # 少少花 of 多多少少 ("more or less") spent
        "先埋单 别埋怨",  # 埋单 ("pay the bill") and 埋怨 follow no verb
        "喇叭坏了 喇嘛庙",  # 喇 closing no clause
        "发错了码 写错了号 说错了颜色",  # a verb before 错了: left as typed
        "挑拣 拣货员",  # 拣 is only read as 选 in 揀咗 / 揀嘅
    ],
)
def test_mandarin_is_left_alone(text):
    simplified = normalize(text, lowercase=False)
    assert to_mainland(simplified, text) == simplified
    assert "是" not in simplified and "还" not in simplified and "不" not in simplified


def test_hong_kong_variant_characters_are_simplified():
    assert normalize("衞生 枱面 衹有") == "卫生 台面 只有"


def test_empty_text():
    assert to_mainland("") == ""


def test_lexicons_can_keep_the_regional_words():
    # the severity lexicon's Cantonese 烧咗 must not become Mandarin 烧了 ("发烧了")
    assert normalize("燒咗", mainland=False) == "烧咗"
    assert normalize("燒咗") == "烧了"

"""The severity trigger words: what the customer writes when a reason holds.

`bot.triage.severity_rules` compiles these into the severity lexicon; the phrases in which a
trigger means something harmless are in `bot.triage.severity_exclusions`. Entries are matched on
normalised text (Simplified script, half-width, lower-case; see `bot.triage.lexicon`), so
Traditional input ("燙傷", "消基會") matches too; Cantonese, pinyin halves ("zhao火", "报jing")
and the IME's homophones ("律湿函", "报井") are listed as such.

Rules favour recall on threats: "我不会去曝光，但..." still counts, because an agent must see
any mention of exposure. A platform named without a threat ("在抖音直播间下的单") does not
count, only the act of posting ("发抖音", "发到网上").
"""

from __future__ import annotations

import itertools
from typing import Dict, Iterable, List, Tuple

from bot.triage.lexicon import words


def combos(*parts: Iterable[str]) -> List[str]:
    """Every phrase made of one piece from each part, in order ("气得" + "住院" ...).

    Phrase families ("气得住院", "气到进医院", ...) are written once as their parts instead of
    one comprehension each; a part that is a string gives its characters.
    """
    return ["".join(pieces) for pieces in itertools.product(*parts)]


_INJURY = words(
    """
    受伤 伤到 弄伤 伤着 割伤 割到 划到手 手被划 划了个口子 划了一道口子 划出血 流血 出血 缝针
    割了个口子 割了一道 割破 划破 划伤 刮伤 刮破 扎伤 扎破 扎到手 刺伤 戳伤 夹伤 夹到手 手指被夹
    烫伤 烫到 烫起 水泡 血泡 烧伤 灼伤 起火 着火 冒火 火花 冒烟 自燃 燃烧 爆炸 炸裂 炸开 炸了
    烫了一个 烫出 烫红 烫破 烫亲 起了泡 大泡 泼了一身 泼到身上 溅到身上 溅到脸上 溅到眼睛 进眼睛
    烧到 烧焦 烧糊 烧黑 短路 鼓包 爆了 爆开
    崩飞 飞出来 砸到 砸伤 砸青 淤青 瘀青 青了一块 青紫 肿了 肿得 红肿
    触电 漏电 被电到 电到我 电到手 被电了 电了一下 麻了一下 电麻
    过敏 疹子 起疹 红疹 又红又痒 又痒又红 红痒 烂脸 毁容 刺痛 起痘 长痘 爆痘 瘙痒 痒得
    中毒 拉肚子 上吐下泻 腹泻 呕吐 噎住 噎到 卡住喉咙 窒息 误吞 误食 吞下 吞进 差点吃下去
    肚子疼 肚子痛 胃疼 胃痛 又吐又拉 吐了好几次 吐了一晚 吐了一夜 吐个不停 吃完就吐 宝宝吐 孩子吐 恶心想吐 头晕 咳嗽 喘不上气 喘不过气 闹肚子 拉稀
    拉了一天 拉了一晚 拉了一夜 拉了好几次 玻璃渣 玻璃碴
    疼得厉害 痛得厉害 疼了一晚 疼了一夜 疼了好几天 疼死了 痛死了
    进医院 住院 医院 急诊 送医 骨折 摔伤 摔倒 跌倒 摔了一跤 摔了个跟头 危险 安全隐患
    我摔地上 我摔在地上 摔到地上了 孩子摔 宝宝摔 老人摔 鼻青脸肿 青一块 紫一块
    烧起来 烧了个洞 烧了一个洞 烧穿 燃起来 着起来 火苗 火星子 冒火星
    煤气味 燃气味 煤气泄漏 燃气泄漏 漏煤气 漏燃气 天然气泄漏 出人命 闹出人命 人命关天
    硌崩 硌断 硌掉 硌到牙 硌牙 牙崩 牙齿崩 崩了一颗牙 崩掉一颗牙 牙硌
    坐塌 塌下来 砸下来 掉下来砸 砸在身上 砸到头 砸头上
    破伤风 伤口 留疤 留下疤 溃烂 化脓 感染了 发炎 起红疙瘩 红疙瘩 风团 荨麻疹
    甲醛超标 甲醛严重超标 有毒物质 毒性 致癌 重金属超标 超标严重 食品安全 食物中毒
    吞下去 吞进肚 咽下去 卡在喉咙 卡喉咙 卡在嗓子 卡嗓子
    跑厕所 次厕所 跑肚 窜稀 蹲了一晚上厕所 点着了 引燃 烧着了 着了火 失火 火灾 烧了起来
    又痒又痛 又痛又痒 又疼又痒 又痒又疼 掉了一大块皮 脸脱皮 皮肤脱皮 手脱皮 破皮 烂皮
    差点出事 险些出事 差点出大事 后果不堪设想
    抽搐 痉挛 抢救 昏迷 休克 晕倒 晕过去 昏过去 就医 看急诊 挂急诊 输液 挂水 打点滴 吊水 洗胃
    # homophone typos of the pinyin input (tang shang); more in `_MISSPELLINGS`
    汤伤
    # bleeding, fever, collapse, a visit to a doctor or a vet
    # (a fever, a racing heart, a headache count only after using it: `INJURY_SENTENCES`)
    鼻血 血流不止 虚脱 看医生 看了医生 去看医生 带去看医生 兽医 包扎
    咬伤 抓伤 扭伤 拉伤 崴脚 闪到腰 扭到腰 呼吸不畅
    # smoke, chemical burns, shocks, blasts
    黑烟 浓烟 冒黑烟 冒浓烟 熏黑 腐蚀 灼烧 电击 麻手 闪爆 爆燃 炸碎
    # Cantonese: 爆咗 (爆了), 烧亲 (烧到), 睇医生 (看医生), 肚痛 (肚子痛)
    爆咗 炸咗 着咗火 起咗火 烧咗 冒咗烟 烧亲 伤亲 整亲 辣亲 割亲 撞亲 跌亲 电亲 夹亲 肚痛
    睇医生 睇咗医生
    # a vehicle out of control; a pet off its food; red spots; a smell of burning insulation
    刹车失灵 刹车不灵 刹车失效 车失控 方向失控
    不吃不喝 精神萎靡 萎靡不振 起红点 长红点 起小红点 冒红点 起疙瘩
    烧胶皮 烧塑料 胶皮味 塑料烧 焦糊 烧化 一氧化碳
    吃坏肚子 吃坏了肚子 血口子 红血丝 激素脸 一直咳 咳个不停 咳得厉害
    口吐白沫 吐白沫 抽筋 不省人事 呼吸急促
    受了伤 受了点伤 受了些伤 医药费 医疗费 药费 看病花 看病的钱 火光 电人 会电人 电手
    烫了一下 烫着了 被烫了
    # a hazard named as such; what it could do ("早晚要摔死人")
    安全问题 安全事故 安全风险 太不安全 很不安全 非常不安全 极不安全 一点都不安全 特别不安全 摔死人 砸死人 电死人 烫死人 烧死人 毒死人 要人命
    # skin broken down ("用了脸就烂了"; not "身上的衣服烂了")
    脸烂了 脸就烂了 脸都烂了 脸全烂了 皮肤烂了 嘴烂了 嘴角烂了
    烤焦 烤糊 爆掉 炸掉 剪到肉 切到手 切到肉 切破 剪破 切伤 剪伤
    扎进肉 刺进肉 嵌进肉 整个人飞出去 人飞出去 人飞了出去 摔出去 被甩出去 甩了出去
    风疹 疹块 喉咙发紧 嗓子发紧 喉咙肿 呼吸困难 焦糊味 烧焦味 焦味
    # a rash by a doctor's name; Cantonese hives (出风癞) and the emergency room (睇急症)
    皮炎 又红又肿 又肿又红 风癞 出风癞 睇急症 急症室
    # skin broken down and weeping, a dermatology visit ("脸上烂了 流黄水 结痂 去皮肤科看了")
    流黄水 流脓 结痂 去皮肤科 看皮肤科 挂皮肤科 皮肤科看 脸上烂了 脸上都烂了 脸上全烂了
    结了一层痂 结了层痂 结了一块痂 结了痂 结了个痂
    # sparks (火星 alone is Mars), a night of coughing, a back that will not straighten,
    # Cantonese red spots, an itchy throat and burnt plugs (燶: burnt)
    冒了火星 冒出火星 有火星 出火星 蹦火星 迸出火星 火星四溅 溅火星 打火星
    咳了一晚 咳了一夜 咳了一整晚 咳了一整夜 咳了好几天 咳了一宿
    出晒红点 出咗红点 出满红点 出了红点 喉咙痕 喉咙好痕
    插头燶 插座燶 插苏燶 电线燶 燶胶味 烧燶咗
    # (twelfth round) Cantonese cuts (𠝹亲, 鎅亲), burnt smell (燶味), a rash (出疹), diarrhoea
    # (肚痾, 屙肚), vomiting (嘔咗); typos of 划伤 / 割到 (滑伤, 隔到手); the fire brigade called;
    # breathing made hard; a bruise told by its size
    𠝹亲 鎅亲 𠝹伤 鎅伤 𠝹到 鎅到 燶味 出疹 肚痾 肚疴 屙肚 呕咗 滑伤 隔到手
    打119 报119 报了119 叫消防 宠物医生 呼吸有点困难 呼吸有些困难 嗓子肿 青了一大块 紫了一大块 青了一片
    # (fifteenth round) a room filled with smoke (not "全是烟味", a smell of tobacco)
    全是烟 满屋烟 满屋子烟 满屋子的烟 一屋子烟 一屋子的烟 都是烟 满屋都是烟
    # (fifteenth round) bruised (磕伤, 碰伤: of fruit or a surface, the goods_hurt veto); the
    # Cantonese cut 鎅亲 written with its homophone 界
    磕伤 碰伤 界亲
    """
)
_LEGAL = words(
    """
    # (追究 alone may be about an agent's manners: `LEGAL_SENTENCES` wants 责任 or 到底)
    律师 起诉 告你们 告你 告到 去告 告他们 打官司 法院 法庭 法律责任
    # (the 315晚会 is CCTV's exposure show: media, not a regulator)
    12315 12345热线 12345市民 打12345 拨打12345 打315 去315
    消协 消费者协会 市场监管 监管局 监管部门 工商 消基会 消保官 消保处 举报 报警 仲裁
    市场监督 监督管理局 市监局 消保会 消保委 消委会 消费者委员会 消费者权益保护 市长热线 政府热线
    律师函 律师信 法律程序 法律途径 法律手段 走法律 诉讼 上诉 告上法庭 派出所 报案 公安
    一二三一五 幺二三幺五 幺二三一五 拨打315 315投诉
    # (eighteenth round) 维权 alone (去维权, 维权到底, 会维权) names no legal step: docs/severity.md
    依法维权 法律维权 维权途径
    违法 犯法 违反消费者 消法 食品安全法 产品质量法
    监管 质监局 质检局 食药监 药监局 食品药品监督 卫健委 卫生局 工信部 网信办 商务局 物价局
    发改委 信访 检察院 提告 告死 告到底 检举 打1950 拨1950 拨打1950 1950申诉 公平会
    报110 打110 法务
    执法 有关部门 相关部门 主管部门 政府部门 职能部门 司法 消费者保护 退一赔三 退一赔十
    # pinyin typos (qi su); more in `_MISSPELLINGS`
    起素
    # a regulator or court by another name: Shenzhen's 消委, the 红盾 (12315) site, a summons;
    # Taiwan's 存證信函 (a lawyer's registered letter), 地檢署, 法扶; Hong Kong's 小額錢債審裁處
    # and 報串 (to lodge an official complaint)
    消委 红盾 立案 传票 开庭 起诉书 法官 法律顾问 法律援助 法援 网警 警察局 警局
    叫警察 找警察 喊警察 打三一五 拨三一五 消费者权益
    存证信函 存证函 地检署 法扶 消保法 小额钱债 报串 消保
    # what a regulator does to a shop: "等着被查吧", "等着被约谈"
    等着被查 被约谈 约谈你们 查封 吊销 行政处罚 立案调查 被罚款 诉诸
    # regulators by a shorter name or by their hotline (food and drugs, prices, quality)
    市监 12331 12358 12365
    市场局 市监所 市场监督所
    # the law as a weapon; financial regulators; the government's message boards
    官司 通过法律 法律武器 法律解决 公证
    质量技术监督 技术监督 监督部门
    # English, as Hong Kong and overseas customers mix it in ("我会找lawyer", "sue你们")
    lawyer sue lawsuit police legal action consumer council
    # the postal regulator (couriers) and its hotline; the government's service platforms
    邮政局 邮政管理局 12305 政务服务 政务平台 政务热线 政府网站 银保监 银监会 金融监管 领导留言板 人民网留言板 市长信箱
    消费者投诉热线 消费者热线 消费者投诉平台
    # (twenty-first round) the police by their economic-crime unit, a Hong Kong station, the
    # force itself; a report lodged in Cantonese; a law firm consulted; a suit filed as a
    # "状子", a court's payment order
    经侦 警署 警方 报咗案 律所 递状子 写状子 状纸 支付令 做了笔录 做笔录 录了口供 录口供 录咗口供
    """
)
_MEDIA = words(
    """
    曝光 媒体 记者 电视台 报社 民生栏目 爆料 发微博 发小红书 发抖音 拍抖音 发朋友圈
    发到网上 发网上 放到网上 传到网上 网上曝光 发帖 发文 上热搜 全网 让所有人 让大家看看
    让大家评评理 挂出来 挂到网上 挂你们 公之于众 dcard ptt 脸书 黑猫投诉
    # 黑猫投诉 (a public complaint site) by its short name, where a complaint is taken
    投诉到黑猫 投诉去黑猫 去黑猫 上黑猫 发黑猫 发到黑猫 到黑猫上 黑猫上投诉 黑猫平台
    抖音上曝 发个朋友圈 晒到网上 避雷 挂朋友圈 挂在朋友圈 挂网上 挂在网上
    上新闻 新闻媒体 找新闻 舆论 po文 po上 po到 公开出来 网友评评理
    暴光 爆光 曝出来 曝出去 揭露 揭发 公开你们 让全网 全网都知道 所有人都知道 让所有人知道
    拍视频曝 发帖子 发个帖 写篇小作文 小作文 爆料公社
    网上说说 网上讲讲 网上评评理 上网曝 po网 po上网 发网路
    融媒体 问政 帮帮团 直播间刷屏 315晚会 扒你们 扒一扒 扒皮 投稿给 投稿到 投稿了
    # an interview, a programme, the whole country told; Hong Kong: 放上網, 俾大家睇
    采访 上节目 做一期节目 做期节目 节目组 全国人民 全世界都知道 让网友 给大家看看
    放上网 放网上 po上网 俾大家睇 畀大家睇 开帖 贴文 晒出来
    让你们火 让你们出名 帮你们出名 让你们红 让你们上新闻 公布出来 公布于众
    # English: "我会post上网", "go viral"
    post上网 post到网上 reporter journalist expose
    拍成视频 拍成短视频 做成视频 做成短视频 剪成视频
    报料 新闻台 新闻热线 传媒 投书 上头条 头条新闻 栏目组 写成文章 发表文章 公开发表 发表出来
    # a video or a live stream of the customer's own about it
    做一期视频 出一期视频 拍一期视频 我就开直播 我要开直播 我会开直播 我去开直播
    # consumer-help TV programmes by name (Zhejiang, Shanghai, Beijing, Hubei, CCTV)
    1818黄金眼 黄金眼栏目 焦点访谈 每周质量报告 消费主张 帮女郎 小莉帮忙 范大姐帮忙 阿六头说新闻
    新闻坊 经视直播 都市现场 第一现场
    """
)
# Trigger words as typed with a pinyin IME in a hurry: one syllable left in pinyin ("zhao火",
# "中du", "报jing", "律shi函"), and for the threats, whole words in pinyin ("baojing", "qisu").
# Whole-word pinyin of the injury words is left out: "qihuo" is 期货, "guomin" 国民.
_PINYIN: Dict[str, Dict[str, Tuple[str, ...]]] = {
    "injury": {
        "着火": ("zhao", "huo"),
        "起火": ("qi", "huo"),
        "中毒": ("zhong", "du"),
        "过敏": ("guo", "min"),
        "爆炸": ("bao", "zha"),
        "烫伤": ("tang", "shang"),
        "触电": ("chu", "dian"),
        "漏电": ("lou", "dian"),
        "受伤": ("shou", "shang"),
        "流血": ("liu", "xue"),
        "骨折": ("gu", "zhe"),
        "住院": ("zhu", "yuan"),
        "冒烟": ("mao", "yan"),
    },
    "legal": {
        "报警": ("bao", "jing"),
        "律师": ("lv", "shi"),
        "起诉": ("qi", "su"),
        "法院": ("fa", "yuan"),
        "消协": ("xiao", "xie"),
        "举报": ("ju", "bao"),
    },
    "media": {
        "曝光": ("bao", "guang"),
        "记者": ("ji", "zhe"),
        "媒体": ("mei", "ti"),
        "热搜": ("re", "sou"),
    },
}
# Homophones the IME offers first: 报井 (报警), 起肃/起塑 (起诉), 律湿/驴师 (律师).
_HOMOPHONES = {
    "injury": [],
    # (twenty-first round) 绿师 (lü shi) for 律师
    "legal": ["报井", "起肃", "起塑", "律湿", "律狮", "驴师", "律诗函", "绿师"],
    # "媒t会对这种事很感兴趣的": the last syllable left as its initial
    "media": ["媒t"],
}


def _misspellings(reason: str) -> List[str]:
    """The pinyin-half spellings (and for threats the whole pinyin) of a reason's key words."""
    found = list(_HOMOPHONES[reason])
    for word, (first, second) in _PINYIN[reason].items():
        found += [first + word[1], word[0] + second]
        if reason != "injury":
            found.append(first + second)
    return found


_GROUP = words(
    """
    不止我一个 不只我一个 不止我 不只我 我们几个 好几个人
    其他买家 别的买家 很多买家 好多买家 买家都 家家都 每家都 维权群 不是个例 不是个别 同一批
    一大片差评 好多差评 很多差评 一堆差评 公司团购 单位团购 小区团购 社区团购
    不光是我 不光我一个 不仅是我 不只是我 不止是我 不是我一个
    不止一个人 不只一个人 评论里都 评价里都 好多评论 很多评价 别人也 其他人也 其他人都
    其他顾客 其他消费者 一大批人 一批人 一群人 上百人 都中招 批量采购
    公司采购 单位采购
    同款都 同款的都 同款也 买同款的 买了同款 同款的人 同一款都 这批货都 这批都 这一批都
    整批 批次都 同批次 同一批次 一整批 好多单都 很多单都
    整个小区 整个社区 整栋楼 全小区 全村
    # buyers acting together, victims in the plural
    联名 联合投诉 一起投诉 一起维权 集体维权 集体诉讼 其他受害者 受害者们 受害者群 一群受害者
    被骗的人 中招的人 同样遭遇 一样的遭遇 同样的遭遇 我不是第一个 不是第一个人 不是第一个买家
    维权联盟 维权团 受害者联盟 多了去了
    不在少数 大有人在 多的是人 不是少数 不是一个两个 不止一两个
    # a defect common to many units: "这个问题很普遍"
    很普遍 普遍问题 普遍存在 通病 共性问题
    # Cantonese: 中晒招 (all got hit)
    中晒招 中招晒 全部中招
    """
) + combos(
    # (nineteenth round) many people, in pinyin: "qun li er shi duo ge ren dou shi zhe yang"
    (
        "ji",
        "hao ji",
        "shi ji",
        "ji shi",
        "er shi",
        "san shi",
        "shi duo",
        "er shi duo",
        "san shi duo",
    ),
    (" ge ren", " ge mai jia", " ge bao ma", " ge jie mei", " ge tong shi", " ge lin ju"),
    (" dou", " ye dou", " ye shi"),
)
# Many people, said without saying they were affected: "很多人都说你们家客服很好" is
# praise. These count for `group` only when their clause also tells of a problem.
_GROUP_WEAK = [
    *("好多人", "很多人", "大家都", "大伙都", "大家也", "大家都说", "大家都反映", "大家都遇到"),
    "群里都",
    # the audience of a live stream: "直播间的家人们都被骗了"
    *("家人们都", "宝宝们都", "直播间的人都", "直播间的家人们都"),
    # "朋友都...", "粉丝们都...": others, affected only if the clause says so ("朋友都别买"
    # is advice, "朋友都没收到" a group)
    *combos(
        ("朋友", "姐妹", "邻居", "同事", "同学", "亲戚", "家长", "宝妈", "粉丝", "网友"),
        ("", "们"),
        ("都",),
    ),
    *(
        "顾客都",
        "客户都",
        "评论区",
        "拼单的都",
        "拼团的都",
        "团购的都",
        "一起买的都",
        "一起下单的都",
        # the others of a shared order or a chat group: "跟我一起拼单的那些人也都没收到",
        # Cantonese "成个群组嘅人都话收唔到货"
        "拼单的那些人也都",
        "拼单的那些人都",
        "拼团的那些人也都",
        "拼团的那些人都",
        "成个群组嘅人都",
        "成个群嘅人都",
        "整个群的人都",
        "全群的人都",
    ),
    # (sixth round) the others' shares too: "邻居们的也碎了", "同事们家的都坏了"
    *combos(
        ("朋友", "邻居", "同事", "同学", "团员", "团友", "街坊", "宝妈", "家长"),
        ("们",),
        ("的", "家的", "那份", "的那份"),
        ("都", "也", "也都"),
    ),
]
# Said of a group, but also of one class or office buying together ("我们班集体订的班服",
# "全公司团的年货"):
# a group complaint only if the sentence tells of a problem.
_GROUP_CONTEXT = [
    "集体",
    # a whole housing estate (Hong Kong 屋苑, 成个屋苑) or building
    *("成个屋苑", "整个屋苑", "全屋苑", "成栋楼", "成座楼", "全栋楼", "整幢楼"),
    # (sixth round) the members of a group buy, one after another: "团员一个个来找我退款",
    # "团友们都来找我，说橙子全烂了" (the problem may come in the next clause)
    *combos(
        ("团员", "团友", "团里的人", "团里的"),
        ("", "们"),
        ("都", "也都", "一个个", "一个接一个", "陆续", "纷纷", "全都"),
    ),
    # Cantonese 成班 ("the whole bunch")
    "成班",
    *combos(
        ("全", "整个"),
        (
            *("公司", "单位", "部门", "班", "校", "厂", "办公室", "楼", "宿舍", "宿舍楼"),
            *("团", "群", "团购群", "直播间"),
        ),
    ),
]
# Where customers post and shop; the media rules add more places people post to.
MAINSTREAM_PLATFORMS = [
    "微博",
    "抖音",
    "快手",
    "小红书",
    "朋友圈",
    "知乎",
    "b站",
    "视频号",
    "公众号",
    "头条",
    "贴吧",
    "豆瓣",
    "网上",
    "直播间",
    "评论区",
    "脸书",
]


def trigger_words() -> Dict[str, List[str]]:
    """The trigger words by lexicon label (misspellings included).

    "group_weak" and "group_context" words count only with a problem around them
    (`bot.triage.severity`); the other labels are reasons on their own.
    """
    return {
        "injury": _INJURY + _misspellings("injury"),
        "legal": _LEGAL + _misspellings("legal"),
        "media": _MEDIA + _misspellings("media"),
        "group": list(_GROUP),
        "group_weak": list(_GROUP_WEAK),
        "group_context": list(_GROUP_CONTEXT),
    }

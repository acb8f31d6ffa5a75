"""Phrases in which a severity trigger means something harmless.

A match of the severity lexicon inside one of these is dropped (`bot.triage.lexicon`): 曝光 in
照片曝光不足, 烫 in 烫头发, 炸 in 气炸了, 工商 in 工商银行, 报警 in 报警器, 三人 in 三人位. Whole
phrase families ("气得住院", "气到进医院", "被气得头晕" ...) are written once as their parts
(`combos`), each with the example that made it necessary.
"""

from __future__ import annotations

from bot.triage.lexicon import words
from bot.triage.severity_words import MAINSTREAM_PLATFORMS, combos

EXCLUSIONS = (
    words(
        """
    # photography: exposure
    曝光不足 曝光过度 曝光度 自动曝光 曝光模式 曝光补偿 曝光时间 长曝光 曝光值
    # hair perm, ironing, anger idioms
    烫头 烫发 烫完头 烫衣 爆炸头 气炸 要炸了 快炸了 心态炸 炸毛 要爆炸了 肺都要爆炸了 肺都炸了 爆炸性 爆炸款
    # other senses of a trigger
    工商银行 多媒体 自媒体号 媒体评测 上过热搜 全网最低 全网最便宜 全网独家 全网首发
    # media as a product: a media player, streaming
    媒体播放 媒体盒子 流媒体 媒体中心 媒体服务器 媒体文件 媒体库
    # media as where an advert was seen: "在媒体上看到的广告说…"
    媒体上看到 媒体上看的 媒体上刷到 媒体上的广告 媒体广告 媒体的广告 媒体投放
    告你一声 发文件 火花塞 危险品
    # (twenty-first round) equipment named after its users; company law, not the judiciary
    # ("我是公司法务": 司法 inside 公司法)
    执法记录仪 执法仪 公司法
    # (twenty-second round) an idiom of praise ("便宜得犯法"); a bag named after its users
    便宜得犯法 便宜到犯法 好看得犯法 好看到犯法 好吃得犯法 好吃到犯法 香得犯法 美得犯法 律师包
    # (sixteenth round) an idiom: "往伤口上撒盐" is making a grievance worse
    伤口上撒盐 伤口撒盐 伤口上撒把盐
    # insurance named after what it covers
    火灾险 火灾保险 意外伤害险 意外险
    # goosebumps
    鸡皮疙瘩
    气炸了 炸了锅 气爆了 火爆了 爆了单 心疼 贴膜起泡 刷爆了
    # selling out: "卖爆了", "抢爆了"
    卖爆了 卖到爆 抢爆了 爆单 销量爆了 爆满
    # exaggeration: "X到爆炸" is "extremely X"; 炸裂 as slang; hurt feelings
    到爆炸 到炸裂 到爆了 太炸裂 真炸裂 好炸裂 很炸裂 有点炸裂 炸裂了吧
    心受伤 心灵受伤 心都受伤 受伤的心 心里受伤 感情受伤 心理受伤
    # a place, not a patient; an advert, a report
    医院上班 医院工作 医院值班 医院附近 医院门口 寄到医院 医院地址 医院食堂
    医院返工 医院做嘢 医院收发室 寄去医院
    广告你 广告你们 报告你 报告你们 告诉你 告诉你们 警告你 警告你们 忠告你们 劝告你们
    # an item that went bad, not a person: "监管" in a shop's own words
    无人监管
    # an alarm that is the product: 报警器, 报警灯, "冰箱一直报警"
    报警器 报警灯 报警声 报警音 报警提示 报警功能 报警系统 报警装置 报警信号 报警代码 报警码
    一直报警 老是报警 总是报警 频繁报警 自动报警 乱报警 误报警 滴滴报警 故障报警
    # comments blowing up, not a device: "评论区都炸了"
    评论区都炸了 评论区炸了 评论炸了 群里炸了 群炸了 网上炸了 评论区都炸 朋友圈炸了
    # a parcel dropped on the floor: "把箱子砸到地上"
    砸到地上 砸在地上 砸到地板 砸在地板 砸到桌上 砸在桌上 砸到车上 砸在车上
    # a hobby, a brand collaboration, a material, a hum: 发烧友, 联名款, 耐腐蚀, 电流声
    发烧友 发烧级 联名款 联名版 联名系列 联名限定 联名礼盒 耐腐蚀 防腐蚀 抗腐蚀
    电流声 电流音 电流麦
    # a hotline note's caller ("来电人：王女士"), not a device that shocks people
    来电人 致电人
    # a company's name: "XX文化传媒有限公司"
    传媒公司 传媒有限 文化传媒 传媒集团 让你们红包
    # someone's trade, not a threat: "我是做自媒体的"
    做自媒体 搞自媒体 干自媒体 自媒体人 自媒体从业 自媒体工作
    心情炸了 心情爆炸 情绪炸了 脑袋炸了 脑子炸了 头都炸了 头要炸了 头炸了 肺炸了 肺要炸了 炸锅
    心态炸了 心态爆炸 心态炸裂 人都炸了 我都炸了 我要炸了 我快炸了
    # slang: "太炸了" is "too loud/flashy"; anger or boredom "suffocates"
    太炸了 好炸啊 也太炸 超炸的 让人窒息 令人窒息 窒息操作 窒息的操作 看得窒息 简直窒息
    # exposure that happened to the shop, told as news ("我看新闻说你们被曝光过")
    被曝光过 之前被曝光 以前被曝光 曾经被曝光 曾被曝光 被媒体曝光过 被报道过 上过新闻 上过电视
    """
    )
    # "拍照效果炸裂", "颜值爆炸": slang for "amazing", said of a quality
    + combos(
        (
            *("效果", "音质", "画质", "颜值", "性能", "音效", "低音", "味道", "口感", "表现"),
            *("拍照", "配置", "颜色", "香味", "气场", "手感", "质感", "演技", "舞台"),
        ),
        ("炸裂", "爆炸", "炸了"),
    )
    # "我的钱包受伤了": money, or feelings, hurt
    + combos(
        ("钱包", "荷包", "钱袋", "余额", "存款", "钱包君", "小心脏", "自尊心"),
        ("受伤", "受到了伤害", "受到伤害", "伤不起", "在流血", "流血", "大出血", "出血"),
    )
    # "每次都说转相关部门", "有关部门在处理": the shop's own departments, not the authorities
    + combos(
        ("转", "转到", "转给", "交给", "反馈给", "提交给", "提交到", "上报给"),
        ("相关部门", "有关部门"),
    )
    + combos(("相关部门", "有关部门"), ("处理", "核实", "跟进", "在处理", "会联系", "审核"))
    # "标的是三人位", "转了四个人": a size, or agents passed through, not buyers
    + combos(
        (*"三四五六七八九十几多", *"3456789"),
        ("人", "个人"),
        ("位", "座", "份", "用", "桌", "床", "间", "餐", "套", "沙发", "帐篷", "装"),
    )
    # agents passed through; seats and beds: "坐三个人都挤"
    + combos(
        ("转了", "换了", "问了", "找了", "转给了", "转接了", "坐", "睡", "住", "装", "容纳"),
        (*"三四五六七八九十几", *"3456789", "好几"),
        ("个人",),
    )
    # "说设备不安全", "账号太不安全了": an account's security, not a hazard
    + combos(
        ("账号", "账户", "设备", "网络", "密码", "支付", "登录", "环境", "信息", "隐私"),
        ("", "太", "很", "非常", "特别", "存在", "有"),
        ("不安全", "安全问题", "安全风险"),
    )
    # "气得我要住院", "气到进医院": anger, not an injury
    + combos(
        (
            *("气得", "气到", "气的", "气得我", "气到我", "气的我", "气得我要", "气得我快"),
            *("气得要", "气得快", "气到要", "气得我都要", "气到我要", "被气得", "被气到", "被气"),
        ),
        ("住院", "进医院", "去医院", "心脏病", "高血压", "犯病", "进急诊", "吐血", "头晕"),
    )
    # "很多人推荐才买的": many people praised it, they were not harmed
    + combos(
        ("好多", "很多", "不少", "许多", "大家"),
        ("人", "买家", "网友", "粉丝", "博主", "朋友", "姐妹", "人家"),
        ("", "都", "都在", "在"),
        ("推荐", "种草", "说好", "好评", "夸", "安利", "抢"),
    )
    + combos(
        ("人家",), ("", "都", "都在", "在"), ("推荐", "种草", "说好", "好评", "夸", "安利", "抢")
    )
    # "转发到朋友圈集赞", "分享到朋友圈": a promotion's conditions, not a threat
    + combos(
        ("转发到", "分享到", "转到", "转发", "分享"),
        ("朋友圈", "微博", "抖音", "小红书", "群里", "微信群"),
    )
    + ["朋友圈集赞", "集赞", "发朋友圈集赞", "发朋友圈领", "发朋友圈送", "发朋友圈截图"]
    # "在抖音上发现这家店", "在直播间发的券": where they shopped, not where they will post
    + combos(
        "在去到上",
        MAINSTREAM_PLATFORMS,
        ("", "上", "里"),
        (
            *("发现", "发货", "发的", "发布的", "发了券", "发券", "发优惠", "发链接", "发红包"),
            *("说的", "说好", "说送", "说包", "说买"),
        ),
    )
    # "我对你们的客服都要过敏了": allergic to a service, a figure of speech
    + combos(
        ("客服", "服务", "态度", "你们", "你们家", "这家店", "套路", "广告", "话术"),
        ("", "都", "都要", "要", "已经", "真的", "快"),
        ("过敏",),
    )
    # "我在法院上班": a workplace or an address, not a threat or a patient
    + combos(
        (
            *("法院", "派出所", "公安局", "检察院", "工商局", "市场监管局", "律所"),
            *("市场监管所", "监管所", "工商所", "警察局", "税务局"),
            *("律师事务所", "电视台", "报社"),
        ),
        (
            *("上班", "工作", "值班", "附近", "门口", "旁边", "对面", "地址", "楼下", "食堂"),
            # Cantonese 返工 / 做嘢 (to work); a mail room
            *("返工", "做嘢", "收发室"),
        ),
    )
    # "心态都炸了", "人直接炸了": a temper blowing up, with an adverb between
    + combos(
        ("心态", "心情", "情绪", "脑袋", "脑子", "头", "肺", "人", "我"),
        ("都", "都要", "快要", "直接", "彻底", "已经", "真的"),
        ("炸了", "炸裂", "爆炸", "爆了"),
    )
    # "炸裂好用", "真的炸裂": slang praise, said before the quality or after an adverb
    + combos(
        ("炸裂", "爆炸"),
        (
            *("好用", "好看", "好吃", "好听", "好闻", "推荐", "划算", "便宜", "香", "美", "帅"),
            *("强", "稳", "舒服", "性价比", "颜值"),
        ),
    )
    + ["真的炸裂", "简直炸裂", "直接炸裂", "绝对炸裂"]
    # "烫伤膏", "过敏药", "止泻药": a remedy named after what it treats, not a symptom
    + combos(
        (
            *("烫伤", "烧伤", "过敏", "抗过敏", "防过敏", "脱敏", "腹泻", "拉肚子", "止泻"),
            *("红肿", "瘙痒", "湿疹", "荨麻疹", "伤口", "刺痛", "头晕", "晕车", "呕吐", "咳嗽"),
        ),
        (
            *("膏", "药", "药膏", "软膏", "乳膏", "喷雾", "贴", "片", "凝胶", "霜", "药水"),
            *("滴眼液", "冲剂", "胶囊", "敷料", "贴布"),
        ),
    )
    # "平台仲裁", "申请淘宝仲裁": the platform's arbitration, not a tribunal (as 平台介入)
    + combos(
        ("平台", "淘宝", "天猫", "京东", "拼多多", "抖音", "小二", "客服", "官方"),
        ("仲裁", "介入仲裁"),
    )
    # a press card or Journalists' Day; a TV advert seen ("电视台播的那个广告")
    + ["记者证", "记者节", "采访本", "电视台播的", "电视台的广告", "电视台广告", "电视台放的"]
    # (fifteenth round) a smell of tobacco, not smoke: "衣服上全是烟味"
    + ["全是烟味", "都是烟味", "满屋烟味", "满屋子烟味", "一屋子烟味", "都是烟头", "全是烟头"]
    # (fifteenth round) a camera bag named after its users ("记者包缺了一个肩带")
    + ["记者包", "记者背包", "记者款"]
    # laughing until it hurts: "笑到肚子疼", "笑得我肚子痛"
    + combos("笑", ("到", "得"), ("", "我", "我的"), ("肚子", "肚皮"), "疼痛")
    # hurt feelings with an adverb: "我心里很受伤", "心好受伤"
    + combos(
        "心",
        ("", "里"),
        ("很", "好", "挺", "太", "真", "真的", "真的很", "特别", "非常", "超", "有点"),
        ("受伤",),
    )
    # "家里三个人各买了一件": one household, not a group of buyers
    + combos(
        # (eleventh round) Cantonese 屋企 (home): "我屋企几个人都用开"
        ("家里", "我家", "全家", "一家", "家人", "家里人", "屋企", "我屋企"),
        # (eleventh round) "我家好几个人都用这款洗发水"
        ("三", "四", "五", "3", "4", "5", "好几", "几"),
        ("个人", "口人", "口"),
    )
    # (eleventh round) a camera's exposure: "相机曝光老是不准", "曝光有点偏高"
    + combos(
        ("曝光",),
        ("", "老是", "总是", "一直", "有点", "经常", "都"),
        ("不准", "不对", "偏高", "偏低", "过度", "不足", "不稳", "有问题"),
    )
    + ["相机曝光", "镜头曝光", "手动曝光", "曝光参数", "曝光锁定", "测光曝光"]
    # (eleventh round) soaked, not a blister: "净水器漏水泡了地板", "纸箱被水泡烂了"
    + combos(("漏", "进", "积", "渗", "被"), ("水泡",))
)

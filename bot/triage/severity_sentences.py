"""Severity rules told as sentence shapes rather than words (regular expressions).

An injury, a threat or a group is often told in a sentence no single word gives away: "拉了
三天" after eating, "被加湿器喷出的热气烫了一下", "贴吧知乎我都去发一遍", "和我一样被坑的人还有
很多". `bot.triage.severity` runs these over the normalised text next to the word lexicon of
`bot.triage.severity_rules`, and checks every hit in its context (`bot.triage.severity_context`).
"""

from __future__ import annotations

import re
from typing import Dict, List

from bot.triage.severity_rules import PLATFORMS

# Injury told in a sentence rather than in one word: something spoiled or with glass in it
# that was eaten, hot liquid on a person, a person who fell, something that came down, a
# part of the body with a symptom, a shock, a near miss, a hazard told as what could happen.
_CLAUSE = r"[^。!?;]"
_BODY = (
    r"(?:脸|嘴|嘴唇|舌头|牙龈|眼睛|眼皮|鼻子|耳朵|脖子|头皮|皮肤|身上|全身|浑身|背上|后背|胳膊|手臂"
    r"|手指|手背|手心|手掌|手上|(?<![a-z])手(?![机表柄环套提工续办动感写])|脚(?![垫本架步])|腿"
    r"|膝盖|屁股|屁屁|肚皮|胸口|下巴|额头|指甲盖?|嘴巴|嘴边|嘴角|脸颊|脸蛋|眼周|眼角"
    # (fourteenth round) "腰上那块皮都烫得发白了" (not 腰带, 腰包, 腰果)
    r"|腰上|腰部|后腰|腰(?![带包果子围封身线])(?=[^。!?;,]{0,4}?皮))"
)
_SYMPTOM = (
    r"(?:红了一?[大小]?[片块圈]|红肿|肿了|肿成|肿得|肿起|脱皮|破皮|掉皮|火辣辣|刺痛|灼痛|发麻|麻麻的"
    r"|出血|流血|烫了|烫红|烫出|起泡|溃烂|发炎|过敏|磕破|磕伤|撞青|撞肿|充血|腐蚀|骨折|淤青"
    r"|脱了一?层皮|看不清|睁不开|红红的|发红|红一圈|一圈红|红血丝|肿了?一?个?大?包"
    # (fourteenth round) skin scalded pale or red: "那块皮都烫得发白了"
    r"|烫得?(?:发白|发红|通红|红红|起泡|脱皮|掉皮)"
    r"|(?:还|很|好|特别|一直|又|巨|超)(?:疼|痛)|(?:疼|痛)得|被?熏得|直流泪|流泪不止"
    r"|被?[^。!?;,]{0,3}?(?:划|割|刮)(?:了一?道|破|伤|了个口子|出血)"
    r"|起了?[好很一几些多片堆个颗块大小红]{0,5}?(?:疙瘩|疹|包|泡|红点|痘|风团)"
    # skin reddened all over, weeping or scabbed: "屁股红成一片", "头皮一直在渗水 结了一层痂"
    r"|红成一?大?片|渗水|渗液|渗血|渗出液|流黄水|结了?一?[层块片个]?痂)"
)
# (twelfth round) Cantonese 我个仔 / 我个女 (my son / daughter)
_WHO = r"(?:我个仔|我个女|孩子|宝宝|小孩|儿子|女儿|老人|人|我)"
# Parts a blow lands on, beyond `_BODY`: "撞到头", "摔到了尾椎骨".
_PART = rf"(?:{_BODY}|头(?![发像条绳])|腰|尾椎骨?|骨头|后脑勺?|牙齿?|鼻梁|眼角)"
_PET = r"(?:猫咪|猫|狗狗|狗|宠物|鸟|仓鼠|兔子|兔兔|乌龟|鹦鹉)"
_HURT = r"(?:划|割|扎|烫|电|砸|夹|噎|呛|烧|刮|戳|伤)"
_HARM = (
    r"(?:呛|噎|吞|烫|电(?:到|着|死)|割|夹(?:到|伤)|砸(?:到|伤|中)|烧|着火|起火|爆炸|炸伤|炸到"
    # "差点冲到马路上", "差点就着了" (not "差点摔坏了手机")
    r"|冲(?:到|出|进)|撞(?:到|上|了|飞|倒)?|飞出|甩出|掉下|摔(?!坏|碎|烂|了手机)|着了|着起来"
    r"|把[^。!?;,]{0,4}?(?:点着|烧着|引燃))"
)
_DISASTER = r"(?:着火|起火|爆炸|触电|漏电|中毒|窒息|误吞|吞下去)"
INJURY_SENTENCES = [
    re.compile(
        rf"(?:过期|变质|发霉|霉变|馊了|长毛|生虫|有虫|异物|玻璃|铁丝|刀片){_CLAUSE}{{0,12}}?"
        r"(?:吃了|喝了|吃下|喝下|吃进|喝进|吃过|喝过|已经吃|已经喝)"
    ),
    re.compile(
        rf"(?:吃了|喝了|吃下|喝下|吃到|喝到|吃出|喝出){_CLAUSE}{{0,8}}?"
        r"(?:过期|变质|发霉|霉变|馊|虫|异物|玻璃|铁丝|钢丝|刀片|针|石子|塑料片)"
    ),
    re.compile(
        rf"(?:热油|滚油|开水|热水|滚水|热汤|热粥|沸水|热茶|热咖啡){_CLAUSE}{{0,8}}?"
        r"(?:泼|洒|溅|倒|喷|浇)(?:到|在|了)"
    ),
    re.compile(
        r"(?:我|人|孩子|宝宝|小孩|老人|我妈|我爸|老公|老婆|他|她|女儿|儿子)(?!的)"
        # the person fell, not their things ("我的手机摔到地上", "我把杯子摔了")
        r"(?:(?!把|手机|东西|快递|包裹|箱子|盒子|杯子|碗|盘子|屏幕)[^。!?;]){0,6}?"
        r"摔(?:在|到|倒在|进)?了?(?:地上|下来|倒|伤|了一跤|沟里|坑里)"
    ),
    re.compile(
        r"(?:孩子|宝宝|小孩|儿子|女儿|老人|我|我妈|我爸)差(?:点|啲|一点)儿?(?:就)?"
        # not anger or tears: "我差点被气死", "气得我差点砸了手机", "差点掉眼泪"
        r"(?:掉(?!眼泪|泪)|摔|被(?!气|骗|坑|忽悠|你们)|烫|砸(?:到|伤|中|在)|噎|吞|电|割|夹|烧|吃|喝"
        r"|出事|飞出|甩出|跌|滚|撞|卡|窒息|淹|溺)"
    ),
    re.compile(
        r"(?:椅子|凳子|床(?![垫单品])|架子|桌子|柜子|梯子|床板|吊灯|灯|镜子|置物架|货架|婴儿车|推车"
        r"|秋千|吊椅|吊床|摇椅|高脚椅|餐椅|护栏|围栏)"
        rf"{_CLAUSE}{{0,6}}?(?:塌了|塌下|坐塌|砸到|砸在|砸伤|掉下来|倒下来)"
    ),
    # a part of the body and what it shows: "嘴唇肿成香肠", "屁股红了一大片", "腿上烫了一片"
    re.compile(rf"{_BODY}[^。!?;,]{{0,6}}?{_SYMPTOM}"),
    # (eighteenth round) a scrape or cut and the part it landed on, Cantonese too: "刮損咗塊面",
    # "划伤了手指" (not "刮花了屏幕": no part of the body follows)
    re.compile(
        r"(?:划|割|刮|𠝹|鎅|界)(?:损|伤|破|亲)(?:咗|了)?(?:我|佢|孩子|宝宝|小孩)?的?"
        rf"(?:{_BODY}|块面|边面|个面)"
    ),
    # a cut, told by its size: "划了我一道口子", "割了孩子一个大口子"
    re.compile(rf"(?:划|割|刮|拉|扎)(?:了|破|开)?{_WHO}?的?[手脸脚腿]?[一几好]*[道个条]大?口子"),
    # an electrical part that smells burnt, crackles or sparks: a fire hazard
    re.compile(
        r"(?:插头|插座|插线板|排插|电线|电源线|充电器|充电线|充电头|电池|线路|开关|电源|变压器"
        r"|充电宝|移动电源|行动电源|电瓶|锂电池|拖线板|接线板)"
        # (twelfth round) not a hazard denied ("电池没鼓包"); burnt or swollen ("拖线板烧了",
        # "行動電源膨脹")
        rf"{_CLAUSE}{{0,12}}?(?<![没不未无])(?:糊味|焦味|噼里啪啦|噼啪|啪啪响|滋滋响|滋啦|打火|发黑"
        r"|熔化|融化|烫手|漏液|鼓包|鼓起|漏电|短路|起火|冒烟|变黑|化了|烧了|烧坏|烧掉|膨胀|胀起|胀大)"
    ),
    # an electric shock to someone: "电到嘴了", "被电得手发麻"
    re.compile(
        r"电(?:到|着)了?(?:我|人|孩子|宝宝|小孩|老人|嘴|手|脚|脸|舌头|身上)|被电(?:了|到|着|得)"
    ),
    # a near miss, whoever it was: "差点被呛到", "差点把孩子烫了" (not "差点砸了手机")
    re.compile(rf"差(?:点|啲|一点)(?:就|儿)?(?:被|把)?(?:车|汽车|电动车)?{_WHO}?{_HARM}"),
    # a hazard told as what could happen: "要是划到孩子怎么办", "万一着火了", "容易割到手"
    re.compile(
        rf"(?:要是|万一|如果|假如|若是|会不会|容易|可能会){_CLAUSE}{{0,12}}?"
        rf"(?:{_HURT}(?:到|伤|着|了)?(?:{_WHO}|眼睛|脸|手|嘴)|{_DISASTER})"
    ),
    # what a child could do with it: "万一孩子把手伸进去怎么办", "要是宝宝放嘴里吞了"
    re.compile(
        rf"(?:要是|万一|如果|假如|若是|会不会|容易){_CLAUSE}{{0,6}}?(?:孩子|宝宝|小孩|婴儿)"
        rf"{_CLAUSE}{{0,8}}?(?:伸进|卡住|夹住|掉进|吞|咬下|误食|放嘴里|塞进嘴)"
    ),
    # blood all over: "满嘴是血", "一手血" (not "牛排里全是血水")
    re.compile(r"(?:满|一)(?:嘴|手|脸|身|头|地)(?:都|全)?是?血(?!水)"),
    # illness by its trips: "跑了十几趟厕所", "一晚上跑了好几次厕所"
    re.compile(r"跑了?[^,。!?;]{0,5}?(?:趟|次|回)厕所"),
    # a blow to a part of the body: "弹到我眼睛", "摔到了尾椎骨", "撞到头"
    # (twelfth round: "打到眼睛", "压到我脚", "夹到我手指")
    re.compile(rf"[摔磕撞碰跌砸弹崩戳扎溅喷打压夹](?:到|在|伤|中|破|进)了?{_WHO}?的?{_PART}"),
    # (twelfth round) current felt on touching it: "金属杆一碰就有点麻麻的"
    re.compile(r"(?:碰|摸|触)[^,。!?;]{0,6}?(?:麻麻的|发麻)"),
    # (twelfth round) a finger or a foot caught: "把女儿的手指夹到了", "脚被夹肿了"
    re.compile(
        r"(?:手指|手掌|指头|脚趾|(?<![a-z])手(?![机表柄环套提工续办动感写])|脚(?![垫本架步]))"
        r"被?夹(?:到|伤|住|肿|破|亲|紫|得|出)"
    ),
    # (twelfth round) a tooth broken: "咬下去崩掉了半颗牙", "门牙磕掉了" (not "磕坏了牙刷")
    re.compile(
        r"(?:崩|磕|硌|撞|摔)(?:掉|断|坏|碎|裂|崩)了?[^,。!?;]{0,4}?牙(?![刷膏签线套])"
        r"|牙齿?(?:都|被)?(?:崩|磕|硌|撞)(?:掉|断|坏|碎|裂|了)"
    ),
    # a pet that died: "狗狗昨天死了", "猫咪没救回来"
    re.compile(
        rf"{_PET}(?:都|也|就|已经|全|居然|竟然|昨天|今天|当天|半夜|第二天|直接)*"
        r"(?:死了|死掉|去世|没了|救不回来|没救回来|没抢救过来)"
    ),
    # a headache, nausea, a fever or a racing heart after using it: "闻了一下午，头疼得不行",
    # "喝了这个奶粉以后…还发烧了" (not "看得我想吐", "孩子发烧了，体温计怎么还没到")
    re.compile(
        r"(?:闻|戴|用|吃|喝|睡|吸|涂|抹|穿)(?:了|完|着|过)[^。!?;]{0,16}?"
        r"(?:头疼|头痛|头晕|恶心|想吐|犯恶心|发烧|发高烧|高烧|低烧|胸闷|心慌|心悸|手抖|咳"
        r"|(?:拉|吐)了?[一两二三四五六七八九十几好\d]+(?:天|次|回|晚|夜)"
        r"|心跳(?:特别|很|好|非常)?(?:快|加速)|(?:嗓子|喉咙)(?:疼|痛|哑)|(?:血糖|血压)(?:飙升|升高|高了)"
        # a body that feels wrong after it: "用了一周了，现在肚子不舒服" (not "戴着不舒服": fit)
        r"|(?:肚子|胃|身体|喉咙|嗓子|心脏|胸口)(?:很|好|特别|一直|有点|都)?不舒服)"
    ),
    # something small in a child's or a pet's mouth: "孩子放进嘴里了", "狗狗吞了"
    re.compile(
        r"(?:孩子|宝宝|小孩|婴儿|儿子|女儿|狗狗?|猫咪?)[^。!?;]{0,6}?"
        r"(?:放进嘴|塞进嘴|放嘴里|塞嘴里|含在嘴里|吃进去|咽下去|吞了|吞下)"
    ),
    # a person caught, burnt or cut by it: "把我儿子夹在里面了", "把手指夹破了"
    re.compile(
        # (not a handle: "门把手卡住了", twelfth round)
        r"(?<![门柜窗车锅壶杯箱])把(?:我|我的)?(?:孩子|宝宝|小孩|儿子|女儿|老人|我妈|我爸|老公|老婆|人|手指?"
        r"|脚|腿|头)"
        r"[^。!?;,]{0,2}?(?:夹|卡|压|砸|烫|电|割|划|扎)(?:在|住|到|伤|了|破|出)"
    ),
    # hurt by it, told in the passive: "被加湿器喷出的热气烫了一下", "被虫子咬了"
    re.compile(r"被[^。!?;,]{0,12}?(?:烫|电|咬)(?:了|到|伤|着|红|得|出)"),
    # a life nearly lost: "差点要了我的命" (not "这价格要了我的命")
    re.compile(r"差(?:点|一点|啲)[^。!?;,]{0,3}?(?:要了?(?:我|他|她|孩子|人)?的?命|没命|送命)"),
    # covered in spots: "用完满脸痘", "满身疹子"
    re.compile(r"满(?:脸|身|手|嘴)[^。!?;,]{0,2}?(?:痘|疹|包|红点|疙瘩|泡)"),
    # a rash without a named part of the body: "起了湿疹", "起了一身疙瘩"
    re.compile(r"起了?[一些好多片身脸红小]{0,4}?(?:疹|疙瘩|风团|红点)"),
    # current in it: "摸着有电", "手一碰就麻"
    re.compile(r"摸[^。!?;,]{0,3}?(?:有电|电人|麻手|发麻)|(?:一碰|碰一下|摸一下|一摸)就麻"),
    # gas leaking: "煤气罐的阀门漏气" (not a tyre or an air bed)
    re.compile(r"(?:煤气|燃气|天然气|液化气|气罐)[^。!?;,]{0,8}?漏"),
    # a head or a limb caught: "宝宝的头卡进去了", "手指夹在门缝里"
    # (twelfth round: not a handle or a faucet, "门把手卡住了", "水龙头卡住了")
    re.compile(
        rf"(?:(?<![门柜窗车锅壶杯箱]把)(?<![扶拉])(?:{_BODY})|(?<![龙插喷接笔枕镜钻探灯])头(?![发像条绳一]))"
        r"(?:被)?(?:卡进|卡在|卡住|夹在|夹住)"
    ),
    # a head that hit something: "小孩头撞到地板"
    re.compile(r"头(?:撞|磕|碰|砸)(?:到|在|了|伤|破)"),
    # injury words with 伤 mistyped as 商 ("割商", "烫商"), not 商家 or 商品 ("摔商品")
    re.compile(r"[割烫划砸摔烧刺扎受炸灼夹]商(?![家品城场户店量标务业人铺])"),
    # a harmful substance found in it: "婴儿辅食里检测出重金属", "查出甲醛超标"
    re.compile(
        r"(?:检测出|检出|查出|检测到|测出)[^。!?;,]{0,6}?"
        r"(?:重金属|甲醛|农药|致癌|有毒|大肠杆菌|沙门氏菌|塑化剂|荧光剂|激素|苏丹红|瘦肉精|铅|汞|镉)"
    ),
    # a remedy taken or prescribed for it: "涂了两天烫伤膏", "医生开了抗过敏药" (the remedy
    # as the product ordered, "过敏药发错规格了", is excluded in the lexicon)
    re.compile(
        r"(?:吃|涂|抹|擦|喷|开|打|输)(?:了|过)[^。!?;,]{0,6}?(?:抗|防)?"
        r"(?:过敏|烫伤|烧伤|止泻|腹泻|消炎)(?:的)?(?:药|膏|喷雾|针)"
    ),
    # too hot to hold: "充电宝烫得拿不住", "烫到不敢摸"
    re.compile(
        r"烫(?:得|到)[^。!?;,]{0,3}?(?:拿不住|握不住|摸不了|碰不了|不敢摸|不敢碰|没法拿|拿不了)"
    ),
    # stuck in a throat, whose throat told between: "卡在我儿子喉咙里"
    re.compile(r"卡(?:在|进)[^。!?;,]{0,4}?(?:喉咙|嗓子|气管)"),
    # someone being sick over and over (not "一直吐槽", nor a cat's hairball "老是吐毛球"):
    # "喝了以后孩子一直吐"
    re.compile(
        r"(?:孩子|宝宝|小孩|儿子|女儿|老人|我妈|我爸|老公|老婆|狗狗|猫咪|我)"
        r"[^。!?;,]{0,3}?(?:一直|不停地?|老是|反复|接连)吐(?!槽|了?口气|了?[一口]?舌头|字|血|毛)"
    ),
    # (thirteenth round) a pet being sick over and over, its name further back, Cantonese 一路 /
    # 成日 and 呕 too: "狗吃了这包肉干以后不停地呕"; not a hairball ("猫一直吐毛球")
    re.compile(
        r"(?:猫|狗|宠物|主子)[^。!?;,]{0,10}?(?:一直|不停地?|老是|反复|接连|一路|成日)[吐呕]"
        r"(?!槽|了?口气|了?[一口]?舌头|字|血|毛)"
    ),
    # a back that will not straighten after a fall: "腰到现在直不起来"
    re.compile(r"腰[^。!?;,]{0,5}?直不起"),
    # smoke out of it: "冒出一股黑烟", "冒了烟" (not a humidifier's white mist)
    re.compile(r"冒(?:了|出|起)(?:一股|一阵|好多|很多|大量)?[黑浓青]?烟"),
    # (sixth round) a smell that makes someone ill: "甲醛味熏得头疼", "熏得我直想吐"
    re.compile(
        r"熏得(?:我|人|孩子|宝宝|全家)?(?:直|都|一直)?(?:头疼|头痛|头晕|恶心|想吐|流眼泪|睁不开眼)"
    ),
]


_ANY_PLATFORM = "(?:" + "|".join(re.escape(platform) for platform in PLATFORMS) + ")"
# (twenty-first round) ... and the public complaint site 黑猫投诉, named first: "黑猫上我已经发了
# 投诉帖" (only in the platform-first shape: 发 before 黑猫 may be a cat's picture).
_POST_PLACE = "(?:" + "|".join(re.escape(place) for place in [*PLATFORMS, "黑猫投诉", "黑猫"]) + ")"
_INFLUENCER = r"(?:测评博主|博主|网红|大v|up主|自媒体)"

# "让更多人知道你们的恶劣行为": everyone told.
_EVERYONE_TOLD = re.compile(
    r"让(?:更多|所有|全部|大家|全世界|全国)[^。!?;,]{0,4}?(?:知道|看到|看看|看清|认清|评评理)"
)

# "在微博上把这件事说清楚": a platform, a few words, then telling it there (not where the
# customer saw, bought or found something).
MEDIA_SENTENCES = [
    # the matter made to trend: "让这事上个热搜你们就老实了", "把你们送上热搜" (not "上次热搜")
    re.compile(r"(?:让|把|给|帮|送)[^,。!?;]{0,10}?上(?:个|一个|一下|一次|回)?热搜"),
    re.compile(
        r"(?:在|去|到|上)(?:"
        + "|".join(re.escape(platform) for platform in PLATFORMS)
        + r")(?:上|里)?(?:(?!看|刷|买|发现|搜|下单|下的单|关注|领|抢)[^。!?;,]){0,6}?"
        r"(?:说清楚|说道说道|讲清楚|讲讲|说说|公开|曝光|揭|评评理|吐槽|避雷|发帖|发文|发视频"
        r"|发个|发条|发一条|发出来|发上去|[做拍录出]个?视频|做一期|开直播"
        r"|直播(?:说|讲|曝|骂|吐槽|揭)|写了?[个篇一条]?(?:回答|文章|帖子|笔记|长文|小作文))"
    ),
    # the platforms first, the act at the end of the clause: "微博我已经发了",
    # "小红书笔记我发了", "贴吧知乎我都去发一遍" (not "抖音上发了优惠券": the act goes on)
    re.compile(
        rf"{_POST_PLACE}(?:[、,和跟及]?{_POST_PLACE})*"
        r"\s?(?:上|里)?的?(?:笔记|视频|帖子|文章|动态|长文|小作文)?(?:我们?)?"
        r"(?:已经|都|也|早就|刚刚?|昨天|今天|要|会|去|准备|打算)*(?:发|挂|曝光|po)"
        r"(?:了|出去了?|上去了?|出来了?|一遍|一下|个遍|一圈|遍)"
        # (nineteenth round) ... and what was posted: "斗音上我发了个开箱，评论区都在骂"
        r"(?:个|一个|条|一条|篇|一篇)?"
        r"(?:视频|帖子?|笔记|开箱|开箱视频|长文|小作文|文章|动态|投诉帖?|投诉单)?"
        r"(?=$|[,。!?;~]|吧|啊|呢|哦)"
    ),
    # several platforms listed, then all of them posted to: "视频号 快手 b站 我全发一遍",
    # "朋友圈 微博 头条 我一个都不会落下 全发" (a list, so not "抖音上都发了优惠券")
    re.compile(
        rf"{_ANY_PLATFORM}(?:[\s、,和跟及]*{_ANY_PLATFORM})+[^。!?;]{{0,14}}?"
        r"(?:全|都|全都|全部|挨个|统统|一个个)(?:给你们)?(?:发|挂|曝光|po)"
        r"(?:一遍|个遍|一圈|遍|了|上去)?(?=$|[,。!?;~\s]|吧|啊|呢|哦)"
    ),
    # the evidence handed to a journalist: "朋友在报社工作，我已经把材料发给她了"
    re.compile(
        r"(?:报社|记者|电视台|媒体|栏目组|新闻)[^。!?;]{0,20}?"
        r"把(?:材料|证据|视频|照片|截图|聊天记录|录音|这件事|这事)[^。!?;,]{0,6}?"
        # (nineteenth round) or to the one just named: "有记者朋友，已经把材料交给对方了"
        r"(?:发给|交给|转给|寄给|给)了?(?:她|他|记者|媒体|报社|电视台|对方|人家|那位|朋友)"
    ),
    # the evidence made public: "别怪我把聊天记录公开" (and "曝不了你们" said in defiance)
    re.compile(
        r"把(?:聊天记录|截图|视频|证据|照片|录音|对话|这件事|这事|你们)[^。!?;,]{0,6}?"
        r"(?:公开|公布|晒出来|发出去|放出来)"
    ),
    re.compile(r"曝(?:不了|得了|一下|一曝|了)?你们"),
    # a post of the customer's, already up: "小红书上已经有我的帖子了"
    re.compile(
        rf"{_ANY_PLATFORM}(?:上|里)?(?:已经|早就)?有我的(?:帖子|笔记|视频|文章|长文|小作文)"
    ),
    # a post, published: "帖子我已经发出去了", "避雷帖发了", "视频已经传到网上了"
    re.compile(
        r"(?:帖子?|笔记|小作文|长文|文章)(?:我们?)?(?:已经|都|也|早就|刚刚?)*(?:发|挂|po)"
        r"(?:了|出去了?|上去了?|出来了?)"
    ),
    # (not "视频传上去了": uploaded to the chat as evidence)
    re.compile(r"视频(?:我们?)?(?:已经|都|也|早就|刚刚?)*(?:发|传|挂|po)(?:到网上|上网|网上)"),
    # a live stream or a video about it: "开直播讲讲你们", "拍个视频曝光", "做个视频专门讲"
    re.compile(
        r"(?:开|做|录|拍|搞|发|出)(?:个|一个|一期|一条|条|场|一场)?(?:直播|视频)"
        r"(?:专门|好好)?"
        r"(?:讲讲|说说|讲一讲|说一说|曝光|骂|揭|吐槽|给大家看|让大家看|让大家评|评评理"
        r"|(?<=专门|好好)[讲说聊])"
    ),
    # a blogger or influencer brought in: "找几个博主", "有个博主联系我了"
    re.compile(
        rf"(?:找|联系|联系了|请|约|私信|认识)(?:了|个|一个|几个|好几个)?{_INFLUENCER}"
        rf"|{_INFLUENCER}(?:已经|都)?(?:联系|私信|找)(?:了)?我"
    ),
    # the customer's own following, and a post: "我是有几十万粉丝的博主，不处理好我就发出来"
    # (not "粉丝价的赠品还没发出来": shipping)
    re.compile(
        r"我(?:是|有|本身是|也是|自己是|自己有)[^。!?;]{0,12}?(?:粉丝|博主|网红|up主|大v|自媒体)"
        r"[^。!?;]{0,20}?(?<![没未])(?:发出来|发出去|发个?视频|曝光|挂出来|发一条|写出来|公开|发到)"
    ),
    # a broadcaster or newspaper contacted: "联系了都市频道的栏目组", "发给当地的晚报" (not
    # "收不到频道", "用报纸包着")
    re.compile(
        r"(?:联系|找|打给|打电话给|打到|投诉到|反映到|爆料给|发给|投给|寄给|上)了?[^。!?;,]{0,6}?"
        r"(?:频道|栏目|电台|晚报|日报|早报|晨报|快报|时报|都市报|商报|报纸|周刊|杂志)"
    ),
    _EVERYONE_TOLD,
    # a story written about it: "她说可以写篇稿子", "让他们发个报道" (not "写个评价")
    re.compile(r"(?:写|发|登|出|做)(?:一?篇|个|一个|条|一条)(?:稿子?|报道|新闻|专题)"),
    # a programme named by its title: "这事我要找《1818黄金眼》", "投给《消费主张》"
    re.compile(
        r"(?:找|上|联系|打给|打去|打俾|打畀|投给|投稿给?|爆料给|报料给|寄给|投诉到|反映到|求助)了?"
        r"(?:一下|下)?《[^》]{1,14}》"
    ),
    # Hong Kong's consumer programme by name, with a verb (东张西望 alone is an idiom)
    re.compile(r"(?:找|上|打去|打俾|打畀|打给|联系|报料|爆料)(?:去|俾|畀|给)?东张西望"),
    # (nineteenth round) ... or the material sent to it: "我send咗俾東張西望"
    re.compile(r"(?:send|寄|发|交|传)咗?(?:俾|畀|给)东张西望"),
    # the customer's own audience told about it: "直播的时候跟我的观众好好讲讲这家店",
    # "同我啲fans讲下" (not "给粉丝看看效果": showing, no telling)
    re.compile(
        r"(?:跟|给|和|向|对|让|同)(?:我的?|我啲|我直播间的?|直播间的?)"
        r"(?:观众|粉丝|读者|关注者|家人们|老铁们?|订阅者|听众|fans|follower)"
        r"[^。!?;,]{0,8}?(?:讲讲|说说|讲一讲|说一说|讲下|讲吓|讲清楚|说清楚|好好[讲说聊]"
        r"|曝光|吐槽|避雷|评评理|揭|扒)"
    ),
    # the shop's official account tagged in a post: "我就上微博 @你们官方"
    re.compile(r"@\s*(?:你们|你家|你哋|贵店|贵司|官方|商家|店家)"),
    # a journalist, mistyped: "找记着来采访" (记着 alone is "remember")
    re.compile(r"(?:找|叫|联系|请)(?:个|几个|了)?记着"),
]

# Many people, in a sentence: "大家拆开都说有虫子", "我们公司一起拼单的都被发错了货",
# "我闺蜜和我妈买的也是一样的问题", "评价，全是说漏水的". Weak: the clause must tell of a
# problem too (`PROBLEM_CUE`).
_GROUP_SENTENCES = [
    # a buyers' group or comments, then what they all say: "买家群里已经炸锅了，都在说收到的是次品"
    re.compile(r"(?:群里|评论区|买家群|评论里)[^。!?;]{0,12}?都(?:在)?(?:说|反映|吐槽|骂|讲)"),
    # the people who bought it: "买过的宝妈们都说"
    re.compile(
        r"买(?:了|过)?(?:这款|这个|同款|这家|这批|这件)?的(?:朋友|同事|邻居|同学|人|姐妹|宝妈|家长"
        r"|网友|买家)们?[^,。!?;]{0,6}?(?:都|全)"
    ),
    re.compile(
        r"(?:大家|群里|买了的人|买过的人|买的人|收到的人|用过的人|用了的人|下单的人|下了单的人"
        r"|拍了的人|付款的人)[^。!?;,\s]{0,6}?都"
    ),
    re.compile(
        r"(?:我们|咱们)(?:一?整个|全|这个|一个)?(?:公司|单位|部门|班|学校|宿舍|寝室|小区|办公室|群|团|楼|村)"
        r"[^。!?;,]{0,12}?(?:都|全|全部)"
    ),
    re.compile(
        r"(?:闺蜜|朋友|同事|邻居|同学|室友|亲戚|别人|其他人|他们|她们|我妈|我爸|我姐|我哥|我弟|我妹"
        r"|婆婆|嫂子|家人)[^。!?;,]{0,4}?买(?:的|了的|了)(?:也|都)"
    ),
    re.compile(
        r"(?:评价|评论|差评|评论区|买家秀|问大家)(?:里|区|区里)?,?"
        r"(?:全是|都是|全都是|一堆|好多|很多|一大堆|清一色)"
    ),
]
# Many people, and the harm, in one sentence shape: "和我一样被坑的人还有很多", "买了的朋友
# 没有一个是好的".
_GROUP_HARMED_SENTENCES = [
    # orders tallied across buyers in a group chat: "群里统计了一下，一共五十六单没发货"
    re.compile(
        r"(?:群里|大家|我们)[^。!?;]{0,12}?(?:统计|接龙|汇总|登记)[^。!?;]{0,12}?(?:一共|总共|共|有)"
        r"(?:[三四五六七八九十百几]+|[1-9]\d+)多?(?:单|个人|人|户|家|位)"
    ),
    re.compile(r"(?:和|跟|像)我(?:一样|这样)(?:被骗|被坑|中招|上当|倒霉|遇到这)"),
    re.compile(
        r"买(?:了|过)?的(?:朋友|同事|邻居|同学|人|姐妹|宝妈|家长|网友|买家)们?"
        r"[^,。!?;]{0,6}?(?:没有一个|没一个)(?:是)?(?:好的|能用|正常)"
    ),
]
# Three or more, in words or digits ("四十", "八十多", "十二", "12"), not one or two.
_MANY = r"(?:[1-9]\d+|[3-9]|(?:[一二两三四五六七八九几]?十|几)[一二三四五六七八九几]?|[三四五六七八九]|百)多?"
# Ten or more: "四十", "八十多", "12".
_TENS = r"(?:[1-9]\d+|(?:[一二两三四五六七八九几]?十|几十)[一二三四五六七八九几]?|[一二两三四五六七八九几]?百)多?"
# (sixth round) A community group buy's sign-up chain, counted: "接龙买的四十份草莓，一半
# 发霉了", "这次接龙的八十多单全部没发货"; people of any trade who bought together, counted: "车队
# 十二个司机一起买的行车记录仪" (司机 and 师傅 alone are also the courier and the installer). The
# sentence must tell of a problem (label "group_context").
_GROUP_BUY_SENTENCES = [
    # (task sev24) people beyond the household each ordering: "親戚朋友各買了一套", "同事们各自
    # 下单的" (not "我和老公各买了一件": the pair and the household are ruled out elsewhere)
    re.compile(
        r"(?:亲戚|朋友|同事|邻居|同学|街坊)(?:们)?[^俩两。!?;,]{0,2}?各(?:自|人)?"
        r"(?:买|下单|下了单|拍|订|团)"
    ),
    re.compile(rf"接龙[^。!?;]{{0,8}}?{_MANY}(?:单|户|家|人|个人|位)"),
    # portions, from ten up and not the customer's own sign-up ("我接龙买了五份")
    re.compile(rf"(?<!我)(?<!我在)接龙[^。!?;]{{0,8}}?{_TENS}(?:份|箱|盒|袋)"),
    re.compile(
        # (not a household: "家里三个人各买了一件")
        r"(?<!家里)(?<!我家)(?<!全家)(?<!一家)(?<!家人)"
        rf"{_MANY}(?:个|位|名)(?:司机|师傅|骑手|老师|护士|医生|保安|保洁|工人|人)[^。!?;,]{{0,4}}?"
        r"(?:一起|都|一块|一同|合伙)(?:买|拼|团|订|下单|下了单)"
    ),
]
# (eleventh round) Households of one estate or building, counted as 家: "我们小区好几家都买了…
# 全都漏水", "帮整个小区团的桶装水，好几家喝完…" (not shops: "问了好几家店", "小区附近好几家超市";
# a word for people or a purchase must follow). The sentence must tell of a problem (label
# "group_context").
_HOUSEHOLD_SENTENCES = [
    re.compile(
        r"(?:小区|楼|单元|村|街坊|邻居|隔壁|左邻右舍|屋苑|大厦)[^。!?;]{0,12}?"
        r"(?:好几|几|[三四五六七八九十]|十几|二十几)家"
        r"(?=都|人|住户|邻居|一起|一齐|也都|全|买|喝|吃|用|收到|反映)"
    ),
]
# An organisation's bulk order gone wrong as a whole: "我们厂里订的三百套工作服，全部尺码不对"
# (a group like 公司采购; not "给全公司买的福利少了三箱", a shortfall in one delivery). The
# sentence must tell of a problem (label "group_context").
_BULK_ORDER_SENTENCES = [
    re.compile(
        r"(?:公司|单位|厂|工厂|学校|部门|车间)里?[^。!?;]{0,4}?(?:订|买|采购|团)的?"
        r"[^。!?;]{0,10}?(?:全部|全都|都|全是|一半|大部分|好多|很多)"
    ),
]
# A legal threat in internet shorthand: pinyin initials ("我就bj了", "等着收lsh"), where
# the context tells them from "bj" for 北京.
LEGAL_SENTENCES = [
    re.compile(
        r"(?:就|要|会|直接|马上|立刻|准备|已经|我)\s*(?:bj|baojing|bao警|报jing)"
        r"(?=$|[了啦吧,。!?\s])"
    ),
    re.compile(r"(?<![a-z])(?:lsh|ls函)(?![a-z])"),
    # pursuing liability: "追究你们的责任" (not "追究客服的态度问题"; not "追究到底", which
    # names no legal step: eighteenth round, docs/severity.md)
    re.compile(r"追究[^。!?;,]{0,8}?责任"),
    # a complaint to a government office: "投诉到区市场监管所", "去物价局告你们" (not a post
    # office, not "告诉我")
    re.compile(
        r"(?:投诉|举报|反映|申诉|告(?!诉))(?:到|给|去)?[^。!?;,]{0,8}?"
        r"(?:(?<!邮)局|监管所|管理所|委员会|政府|街道办)(?![长里面])"
    ),
    # told it is actionable: "律师说这种情况可以告", "完全能起诉你们" (not "可以告诉我")
    re.compile(r"(?:可以|能|能够|就能|照样可以|完全可以|完全能)(?:去)?(?:告|起诉)(?!诉)"),
    # the evidence handed to the authorities: "我会把证据交给相关部门" (not the shop's
    # "转相关部门", an exclusion in the lexicon)
    # (or "材料我会提交给有关部门": the customer's own act)
    re.compile(
        r"(?:把[^。!?;]{0,12}?(?:证据|材料|聊天记录|截图|发票|照片|视频|录音|检测报告)[^。!?;,]{0,4}?"
        r"|我们?(?:会|要|就|将|准备|打算|已经|马上|直接)[^。!?;,]{0,4}?)"
        r"(?:交给|提交给|递交给|寄给|送到|交到|提交到|递到|上交给?|转交给)"
        r"(?:相关|有关|主管|监管|政府|职能|执法)部门"
    ),
    # the police number with a verb: "报给110了", "拨了110"
    re.compile(r"(?:报给?|打给?|拨打?|叫|找)了?\s*110(?!\d)"),
    # 315 as the consumer hotline, with a verb: "投诉到315", "找315" (not "花了315元")
    re.compile(r"(?:投诉到|投诉给|打|去|到|向|找|上|拨打?)\s*315(?![\d晚])|(?<!\d)315见"),
    # (twenty-first round) 12315 read aloud in pinyin ("yao er san yao wu") or typed with a
    # letter for a one ("123I5", "l2315"; not a plain number, which the lexicon knows)
    re.compile(r"(?<![a-z])(?:yao|yi)\s*er\s*san\s*(?:yao|yi)\s*wu(?![a-z])"),
    re.compile(r"(?<![a-z\d])(?:[il|]\s?2\s?3\s?[1il|]|1\s?2\s?3\s?[il|])\s?5(?!\d)"),
    # (twenty-first round) a report to the police with the verb split: "我已经报了警", "报过案",
    # "去报了个警", Cantonese "报咗案" (not 报警器: a word after 警 names a thing)
    re.compile(
        r"报(?:了|过|咗)(?:个|一个|一次)?(?:警|案)(?![察犬车服器灯示告情])"
        r"|报(?:个|一个|一次)(?:警|案)(?![察犬车服器灯示告情])"
    ),
    # a law broken: "违反广告法", "触犯了消费者权益保护法" (not "违反了平台的做法")
    re.compile(r"(?:违反|触犯|违背)了?[^,。!?;]{0,8}?(?<![做方办说看想手写用玩算])法(?![国式子])"),
]
# Sentence rules by label (labels as in the lexicon: "group_weak" needs a problem cue in its
# clause, "group_context" in its sentence).
SENTENCE_RULES: Dict[str, List[re.Pattern[str]]] = {
    "injury": INJURY_SENTENCES,
    "legal": LEGAL_SENTENCES,
    "media": MEDIA_SENTENCES,
    "group_weak": _GROUP_SENTENCES,
    "group": _GROUP_HARMED_SENTENCES,
    "group_context": _BULK_ORDER_SENTENCES + _GROUP_BUY_SENTENCES + _HOUSEHOLD_SENTENCES,
}

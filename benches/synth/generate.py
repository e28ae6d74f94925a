#!/usr/bin/env python3
"""Deterministic synthetic graph-data for sunan-kg's scale benchmark.

    python3 benches/synth/generate.py --entities N --out DIR [--seed 1]

writes DIR/graph-data/ (a folder `sunan-kg check --data DIR/graph-data` accepts) with about N
entities as `check` counts them, and DIR/queries/*.graphql (one GraphQL query per file, using
ids and names that exist in that output). The same arguments give byte-identical output.
Standard library only. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import collections
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL_DATA = REPO / "graph-data"
REAL_QUERIES = REPO / "benches" / "load" / "queries"
# Shared files copied verbatim from the real graph-data. reasons.toml is not among them: the
# loader refuses a reason no relation cites, so the synthetic data writes its own.
COPIED = ["vocabulary.toml", "rules.toml", "readings.toml", "instruments.toml"]

# ---------------------------------------------------------------------------------------------
# Word lists. Every word carries its toneless pinyin (for ids); characters of the stem pool
# were chosen to have one common reading.
# ---------------------------------------------------------------------------------------------

STEM_CHARS = (
    "金jin 鑫xin 瑞rui 泰tai 丰feng 达da 源yuan 恒heng 康kang 博bo 宇yu 宏hong 远yuan 明ming "
    "光guang 新xin 科ke 智zhi 云yun 海hai 天tian 星xing 辰chen 晨chen 阳yang 峰feng 林lin "
    "森sen 河he 江jiang 湖hu 山shan 岳yue 松song 梅mei 兰lan 竹zhu 春chun 秋qiu 东dong "
    "南nan 西xi 安an 平ping 嘉jia 德de 信xin 诚cheng 益yi 润run 泽ze 浩hao 瀚han 卓zhuo "
    "越yue 锦jin 翔xiang 鹏peng 龙long 凤feng 麟lin 祥xiang 福fu 欣xin 悦yue 怡yi 雅ya "
    "青qing 蓝lan 紫zi 银yin 铭ming 晶jing 辉hui 耀yao 腾teng 飞fei 骏jun 驰chi 振zhen "
    "鸿hong 威wei 隆long 昌chang 茂mao 富fu 荣rong 豪hao 杰jie 英ying 伟wei 坤kun 乾qian "
    "元yuan 亨heng 启qi 航hang 帆fan 舟zhou 桥qiao 岭ling 溪xi 泉quan 潮chao 涛tao 波bo "
    "澜lan 清qing 洁jie 静jing 文wen 书shu 琴qin 诗shi 图tu 思si 维wei 迅xun 捷jie 优you "
    "佳jia 美mei 良liang 精jing 微wei 芯xin 磁ci 电dian 能neng 力li 环huan 球qiu 宙zhou "
    "际ji 联lian 众zhong 凯kai 旭xu 昊hao 晟sheng 皓hao 璟jing 琪qi 瑶yao 璐lu 岚lan "
    "枫feng 桐tong 樱ying 菲fei 芳fang 蔚wei 霖lin 霞xia 虹hong 雷lei"
)
PLACE_FIRST = (
    "汀ting 澄cheng 溧li 淮huai 沂yi 濠hao 漳zhang 涟lian 泗si 洮tao 沅yuan 湘xiang 浔xun "
    "澧li 滁chu 颍ying 汝ru 洛luo 汾fen 渭wei 泾jing 淇qi 洹huan 淄zi 潍wei 涪fu 邕yong "
    "郴chen 婺wu 衢qu 瓯ou 歙she 黟yi 岑cen 崇chong 嵩song 巢chao 濮pu 滦luan 蓟ji"
)
PLACE_SECOND = (
    "川chuan 阳yang 城cheng 州zhou 陵ling 安an 平ping 江jiang 浦pu 山shan 水shui 泽ze "
    "原yuan 丘qiu 门men 口kou 湾wan 峪yu 塘tang 桥qiao"
)


def pairs(text: str) -> list[tuple[str, str]]:
    return [(w[0], w[1:]) for w in text.split()]


STEMS = pairs(STEM_CHARS)
STEM_PINYIN = dict(STEMS)
PLACES_A = pairs(PLACE_FIRST)
PLACES_B = pairs(PLACE_SECOND)

PROVINCE = ("汀澜省", "tinglan", "汀澜")

# Fields (mid words) that names of institutes, labs, enterprises … are built with.
FIELDS = [
    ("智能制造", "zhineng-zhizao"), ("先进材料", "xianjin-cailiao"), ("生物医药", "shengwu-yiyao"),
    ("集成电路", "jicheng-dianlu"), ("新能源", "xinnengyuan"), ("工业互联网", "gongye-hulianwang"),
    ("精密机械", "jingmi-jixie"), ("海洋工程", "haiyang-gongcheng"), ("节能环保", "jieneng-huanbao"),
    ("智能网联汽车", "zhineng-wanglian-qiche"), ("医疗器械", "yiliao-qixie"),
    ("人工智能", "rengong-zhineng"), ("大数据", "dashuju"), ("新型显示", "xinxing-xianshi"),
    ("光电", "guangdian"), ("储能", "chuneng"), ("氢能", "qingneng"), ("机器人", "jiqiren"),
    ("高端装备", "gaoduan-zhuangbei"), ("电子信息", "dianzi-xinxi"), ("软件", "ruanjian"),
    ("现代农业", "xiandai-nongye"), ("新材料", "xincailiao"), ("碳纤维", "tanxianwei"),
]

# Per kind: suffixes (zh, pinyin), whether a field word sits before the suffix (probability),
# and how often a city prefix comes first.
KINDS = {
    "Park": dict(suffixes=[("科技园", "kejiyuan"), ("产业园", "chanyeyuan"),
                           ("高新技术产业开发区", "gaoxin-jishu-chanye-kaifaqu"),
                           ("经济开发区", "jingji-kaifaqu"), ("软件园", "ruanjianyuan"),
                           ("创新港", "chuangxingang")], field=0.2, prefix=0.9),
    "ResearchInstitute": dict(suffixes=[("研究院", "yanjiuyuan"), ("技术研究所", "jishu-yanjiusuo"),
                                        ("产业技术研究院", "chanye-jishu-yanjiuyuan")],
                              field=0.9, prefix=0.5),
    "Laboratory": dict(suffixes=[("重点实验室", "zhongdian-shiyanshi"), ("实验室", "shiyanshi"),
                                 ("联合实验室", "lianhe-shiyanshi")], field=1.0, prefix=0.3),
    "InnovationCenter": dict(suffixes=[("技术创新中心", "jishu-chuangxin-zhongxin"),
                                       ("制造业创新中心", "zhizaoye-chuangxin-zhongxin"),
                                       ("工程技术研究中心", "gongcheng-jishu-yanjiu-zhongxin")],
                             field=1.0, prefix=0.3),
    "Platform": dict(suffixes=[("公共服务平台", "gonggong-fuwu-pingtai"),
                               ("技术转移平台", "jishu-zhuanyi-pingtai"),
                               ("创新服务平台", "chuangxin-fuwu-pingtai"),
                               ("技术交易市场", "jishu-jiaoyi-shichang")], field=0.7, prefix=0.4),
    "Incubator": dict(suffixes=[("众创空间", "zhongchuang-kongjian"), ("孵化器", "fuhuaqi"),
                                ("加速器", "jiasuqi"), ("创业孵化基地", "chuangye-fuhua-jidi")],
                      field=0.4, prefix=0.3),
    "Enterprise": dict(suffixes=[("有限公司", "youxian-gongsi"), ("科技有限公司", "keji-youxian-gongsi"),
                                 ("股份有限公司", "gufen-youxian-gongsi"),
                                 ("集团有限公司", "jituan-youxian-gongsi")], field=1.0, prefix=0.8),
    "University": dict(suffixes=[("大学", "daxue"), ("理工学院", "ligong-xueyuan"),
                                 ("职业技术学院", "zhiye-jishu-xueyuan"), ("科技大学", "keji-daxue")],
                       field=0.0, prefix=0.0),
    "Alliance": dict(suffixes=[("产业技术创新联盟", "chanye-jishu-chuangxin-lianmeng"),
                               ("产业联盟", "chanye-lianmeng"), ("创新联合体", "chuangxin-lianheti")],
                     field=1.0, prefix=0.5),
    "Organization": dict(suffixes=[("科技服务协会", "keji-fuwu-xiehui"),
                                   ("创新促进会", "chuangxin-cujinhui"),
                                   ("知识产权服务中心", "zhishi-chanquan-fuwu-zhongxin")],
                         field=0.0, prefix=0.6),
    "Fund": dict(suffixes=[("产业投资基金", "chanye-touzi-jijin"), ("创业投资基金", "chuangye-touzi-jijin"),
                           ("天使投资基金", "tianshi-touzi-jijin"),
                           ("科技成果转化基金", "keji-chengguo-zhuanhua-jijin")], field=0.4, prefix=0.7),
    "FinancialProduct": dict(suffixes=[("贷", "dai"), ("科技贷", "kejidai"), ("人才贷", "rencaidai"),
                                       ("科创保", "kechuangbao")], field=0.0, prefix=0.0),
    "Programme": dict(suffixes=[("人才计划", "rencai-jihua"), ("英才计划", "yingcai-jihua"),
                                ("攻关工程", "gongguan-gongcheng"), ("培育工程", "peiyu-gongcheng"),
                                ("专项行动", "zhuanxiang-xingdong")], field=0.3, prefix=0.5),
    "Policy": dict(suffixes=[("科技创新若干政策", "keji-chuangxin-ruogan-zhengce"),
                             ("实施办法", "shishi-banfa"), ("实施意见", "shishi-yijian"),
                             ("管理办法", "guanli-banfa")], field=0.6, prefix=1.0),
    "Event": dict(suffixes=[("创新创业大赛", "chuangxin-chuangye-dasai"),
                            ("科技成果对接会", "keji-chengguo-duijiehui"),
                            ("产业发展论坛", "chanye-fazhan-luntan"),
                            ("科技活动周", "keji-huodongzhou")], field=0.3, prefix=0.6),
}

# The share of each kind among the named entities a document introduces.
KIND_WEIGHTS = [
    ("Enterprise", 30), ("ResearchInstitute", 8), ("Industry", 7), ("Park", 6), ("Platform", 6),
    ("Incubator", 6), ("Programme", 6), ("Laboratory", 5), ("InnovationCenter", 5), ("Fund", 5),
    ("FinancialProduct", 3), ("Alliance", 3), ("Policy", 3), ("Event", 3), ("University", 2),
    ("Organization", 2),
]

# Top-level industries (broad fields), each with the technology terms of its narrower ones.
TOP_INDUSTRIES = [
    ("新材料产业", "xincailiao-chanye", [("碳纤维", "tanxianwei"), ("石墨烯", "shimoxi"),
                                      ("高分子材料", "gaofenzi-cailiao"), ("特种合金", "tezhong-hejin"),
                                      ("纳米材料", "nami-cailiao")]),
    ("高端装备制造产业", "gaoduan-zhuangbei-zhizao-chanye", [("工业机器人", "gongye-jiqiren"),
                                                    ("数控机床", "shukong-jichuang"),
                                                    ("轨道交通装备", "guidao-jiaotong-zhuangbei"),
                                                    ("航空装备", "hangkong-zhuangbei")]),
    ("生物医药产业", "shengwu-yiyao-chanye", [("创新药", "chuangxinyao"), ("医疗器械", "yiliao-qixie"),
                                          ("生物制品", "shengwu-zhipin"), ("体外诊断", "tiwai-zhenduan")]),
    ("新一代信息技术产业", "xinyidai-xinxi-jishu-chanye", [("集成电路", "jicheng-dianlu"),
                                                   ("新型显示", "xinxing-xianshi"),
                                                   ("物联网", "wulianwang"), ("云计算", "yunjisuan")]),
    ("新能源产业", "xinnengyuan-chanye", [("光伏", "guangfu"), ("风电装备", "fengdian-zhuangbei"),
                                        ("氢能", "qingneng"), ("动力电池", "dongli-dianchi")]),
    ("节能环保产业", "jieneng-huanbao-chanye", [("环保装备", "huanbao-zhuangbei"),
                                            ("资源循环利用", "ziyuan-xunhuan-liyong"),
                                            ("高效节能", "gaoxiao-jieneng")]),
    ("新能源汽车产业", "xinnengyuan-qiche-chanye", [("智能网联汽车", "zhineng-wanglian-qiche"),
                                                ("汽车电子", "qiche-dianzi"),
                                                ("驱动电机", "qudong-dianji")]),
    ("数字经济产业", "shuzi-jingji-chanye", [("人工智能", "rengong-zhineng"), ("大数据", "dashuju"),
                                          ("工业互联网", "gongye-hulianwang"), ("软件", "ruanjian")]),
    ("现代服务业", "xiandai-fuwuye", [("科技服务", "keji-fuwu"), ("检验检测", "jianyan-jiance"),
                                    ("工业设计", "gongye-sheji")]),
    ("现代农业产业", "xiandai-nongye-chanye", [("智慧农业", "zhihui-nongye"), ("种业", "zhongye"),
                                            ("农产品加工", "nongchanpin-jiagong")]),
]

COUNTRIES = [
    ("德国", "deguo"), ("以色列", "yiselie"), ("瑞士", "ruishi"), ("芬兰", "fenlan"),
    ("荷兰", "helan"), ("日本", "riben"), ("韩国", "hanguo"), ("新加坡", "xinjiapo"),
    ("英国", "yingguo"), ("法国", "faguo"), ("瑞典", "ruidian"), ("丹麦", "danmai"),
]

# The bodies of a city and of a district: the relative short form written in documents and
# the pinyin of the id's tail.
CITY_BODIES = [
    ("市政府", "zhengfu"), ("市科技局", "kejiju"), ("市发改委", "fagaiwei"), ("市工信局", "gongxinju"),
    ("市财政局", "caizhengju"), ("市人社局", "renshe-ju"), ("市教育局", "jiaoyuju"),
    ("市商务局", "shangwuju"), ("市金融监管局", "jinrong-jianguanju"),
    ("市市场监管局", "shichang-jianguanju"), ("市自然资源局", "ziran-ziyuanju"),
]
DISTRICT_BODIES = [("区政府", "zhengfu"), ("区科技局", "kejiju"), ("区工信局", "gongxinju")]

DOC_TOPICS = [
    ("科技创新工作要点", "Key Points of Science and Technology Innovation Work"),
    ("创新驱动发展行动方案", "Action Plan for Innovation-Driven Development"),
    ("高新技术产业发展实施方案", "Implementation Plan for High-Tech Industry Development"),
    ("科技创新三年行动计划", "Three-Year Action Plan for Science and Technology Innovation"),
    ("创新型城市建设工作计划", "Work Plan for Building an Innovative City"),
]

SECTION_TITLES = [
    "加强创新载体建设", "培育壮大创新型企业", "集聚高端创新资源", "推动产业创新发展",
    "完善科技金融体系", "深化开放协同创新", "强化科技人才支撑", "优化创新创业生态",
    "提升区域创新能力", "深化科技体制改革", "加快科技成果转化", "强化组织保障",
]

TASK_VERBS = ["加快推进", "持续深化", "大力实施", "着力加强", "积极推动", "全面提升", "统筹推进",
              "切实做好"]
# Task objects: the words, the instrument tool they code as, and the cue within them.
TASK_OBJECTS = [
    ("创新型园区建设", "technology-infrastructure", "园区建设"),
    ("新型研发机构建设", "technology-infrastructure", "研发机构建设"),
    ("创业孵化载体建设", "technology-infrastructure", "孵化载体建设"),
    ("科技金融服务", "finance", "科技金融"),
    ("科技型企业培育", "public-services", "企业培育"),
    ("高层次人才引进", "talent", "人才引进"),
    ("产学研合作", "public-services", "产学研合作"),
    ("知识产权保护", "ip-protection", "知识产权保护"),
    ("科技成果转化服务", "public-services", "成果转化服务"),
    ("国际科技合作", "trade-overseas", "国际科技合作"),
    ("产业关键技术攻关", "funding", "技术攻关"),
    ("科技体制机制改革", "institutional-reform", "体制机制改革"),
    ("研发费用加计扣除政策落实", "tax", "加计扣除"),
    ("首台套示范应用", "demonstration-pilot", "首台套"),
    ("科技服务市场培育", "market-cultivation", "市场培育"),
    ("科技信贷风险补偿", "finance-loans", "科技信贷"),
    ("创业投资发展", "finance-venture-capital", "创业投资"),
    ("科技保险推广", "finance-insurance", "科技保险"),
    ("融资担保体系建设", "finance-guarantees", "融资担保"),
    ("创新产品政府采购", "procurement", "政府采购"),
    ("科技人才培训", "education-training", "人才培训"),
    ("技术标准体系建设", "regulation-standards", "标准体系"),
    ("科技项目资金管理", "funding", "项目资金"),
    ("创新目标考核", "goal-planning", "目标考核"),
    ("科技服务购买", "service-purchase", "服务购买"),
]

# Measures of the synthetic targets (appended to the real indicators.toml).
MEASURES = [
    ("synth-rd-expenditure-share", "全社会研发投入占地区生产总值比重", "R&D expenditure as a share of GDP (synthetic)", "percent", "%", (2.0, 4.0, 2)),
    ("synth-high-tech-enterprises", "高新技术企业数", "High-tech enterprises (synthetic)", "count", "家", (100, 3000, 0)),
    ("synth-new-high-tech-enterprises", "新增高新技术企业数", "New high-tech enterprises (synthetic)", "count", "家", (20, 600, 0)),
    ("synth-tech-smes", "科技型中小企业数", "Technology-based SMEs (synthetic)", "count", "家", (200, 5000, 0)),
    ("synth-invention-patents-per-10000", "万人发明专利拥有量", "Invention patents per 10,000 people (synthetic)", "count", "件", (10, 80, 1)),
    ("synth-high-tech-output-share", "高新技术产业产值占规模以上工业产值比重", "High-tech output share (synthetic)", "percent", "%", (35, 60, 1)),
    ("synth-incubation-area", "新增孵化面积", "New incubation floor area (synthetic)", "area", "万平方米", (2, 30, 0)),
    ("synth-new-rd-institutions", "新增市级以上企业研发机构数", "New enterprise R&D institutions (synthetic)", "count", "家", (5, 120, 0)),
    ("synth-tech-loans", "科技信贷投放额", "Technology loans granted (synthetic)", "money", "亿元", (5, 200, 0)),
    ("synth-talent-introduced", "引进高层次人才数", "High-level talent recruited (synthetic)", "count", "名", (50, 2000, 0)),
    ("synth-technology-contracts", "技术合同成交额", "Turnover of technology contracts (synthetic)", "money", "亿元", (10, 500, 0)),
    ("synth-maker-spaces", "省级以上众创空间数", "Maker spaces at provincial level or above (synthetic)", "count", "家", (3, 60, 0)),
]

REASONS = {
    "synth-relative-body": "a relative body name (「市…」「区…」) in a document of a city or district is that city's or district's body",
    "synth-carrier-in-document-region": "a carrier the region's own document builds, with no other place named, lies in that region",
    "synth-district-of-city": "a district named in a document of its city is part of that city",
    "synth-city-of-province": "a city that follows the province's deployment lies in that province",
    "synth-industry-hierarchy": "curated: the narrower field is named as a branch of the broader one",
}

# How often a mention carries its action role: for the thing a clause introduces, and for a
# thing it names again. The rest are bare mentions. These two set the relations per entity.
ROLE_NEW = 0.45
ROLE_AGAIN = 0.2
# Added to each template's chance that a second thing it names is new rather than named again
# (fewer mentions per entity, fewer links across documents).
NEW_BIAS = 0.5

CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def q(text: str) -> str:
    """A TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Ent:
    __slots__ = ("id", "kind", "name", "alias", "used_alias", "english", "born")

    def __init__(self, id_: str, kind: str, name: str, alias: str | None = None,
                 english: str | None = None):
        self.id = id_
        self.kind = kind
        self.name = name
        self.alias = alias
        self.used_alias = False
        self.english = english
        self.born = -1          # the clause that introduced it


class Region:
    """A city or district with its bodies."""

    def __init__(self, ent: Ent, short: str, py: str, level: str, city: "Region | None"):
        self.ent = ent
        self.short = short          # 汀川 (without 市/区)
        self.py = py
        self.level = level          # "city" or "district"
        self.city = city or self
        self.bodies: list[tuple[str, Ent]] = []    # (short form as written, entity)
        self.districts: list[Region] = []
        self.index = 0
        place = py.capitalize()
        self.english = place if level == "city" else f"{place} District, {city.english}"
        ent.english = f"{self.english} (synthetic)"


class Generator:
    def __init__(self, entities: int, seed: int, out: Path, per_document: int):
        self.target = entities
        self.rng = random.Random(seed)
        self.out = out
        self.data = out / "graph-data"
        self.per_document = per_document
        self.names: set[str] = set()
        self.ids: set[str] = set()
        self.count = collections.Counter()      # entities by kind as check counts them
        self.relations_written = 0
        self.reasons_cited: set[str] = set()
        self.common: list[Ent] = []
        self.common_used: set[str] = set()
        # Per city: kind -> recent entities (bounded), for reuse across documents.
        self.pools: dict[str, dict[str, list[Ent]]] = {}
        self.global_pool: dict[str, list[Ent]] = collections.defaultdict(list)
        self.industry_children: dict[str, list[tuple[str, str]]] = {}
        # Facts for choosing the benchmark queries.
        self.stem_counts = collections.Counter()    # the first two characters of names
        self.park_industry_city = collections.Counter()
        self.relation_degree = collections.Counter()
        self.clause_no = 0
        self.typical: list[Ent] = []    # candidates for the entity the queries look at

    # -- names and ids -----------------------------------------------------------------------

    def new_id(self, parts: list[str]) -> str:
        words = [w for p in parts for w in p.split("-") if w]
        base = ""
        for w in words:
            nxt = f"{base}-{w}" if base else w
            if len(nxt) > 60:
                break
            base = nxt
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def stem(self, length: int) -> tuple[str, str]:
        chars = [self.rng.choice(STEMS) for _ in range(length)]
        return "".join(c for c, _ in chars), "".join(p for _, p in chars)

    def named(self, kind: str, city: Region) -> Ent:
        """A new named entity of `kind` with a unique name (and maybe an alias)."""
        spec = KINDS[kind]
        rng = self.rng
        for attempt in range(64):
            stem, stem_py = self.stem(2 if attempt < 24 else 3)
            field, field_py = rng.choice(FIELDS) if rng.random() < spec["field"] else ("", "")
            suffix, suffix_py = rng.choice(spec["suffixes"])
            prefix = rng.random() < spec["prefix"]
            core = stem + field + suffix
            name = city.short + core if prefix else core
            if name in self.names:
                continue
            alias = None
            if kind == "Enterprise" and field and rng.random() < 0.3:
                alias = stem + field
            elif prefix and rng.random() < 0.25:
                alias = core
            if alias is not None and (alias in self.names or alias == name):
                alias = None
            self.names.add(name)
            if alias:
                self.names.add(alias)
            if kind == "FinancialProduct":
                parts = [stem_py + suffix_py]
            else:
                parts = ([city.py] if prefix else []) + [stem_py, field_py, suffix_py]
            self.stem_counts[name[:2]] += 1
            ent = Ent(self.new_id(parts), kind, name, alias)
            ent.born = self.clause_no
            self.remember(city, ent)
            return ent
        raise RuntimeError(f"no unique name for {kind} after 64 attempts")

    def child_industry(self, parent: Ent, city: Region) -> Ent:
        rng = self.rng
        terms = self.industry_children[parent.id]
        for attempt in range(64):
            term, term_py = rng.choice(terms)
            if attempt < 8 and (term + "产业") not in self.names and parent.id in self.top_ids:
                name, parts = term + "产业", [term_py, "chanye"]
            else:
                stem, stem_py = self.stem(2 if attempt < 40 else 3)
                name, parts = stem + term + "产业", [stem_py, term_py, "chanye"]
            if name in self.names:
                continue
            self.names.add(name)
            ent = Ent(self.new_id(parts), "Industry", name)
            ent.born = self.clause_no
            self.industry_children[ent.id] = [(term, term_py)]
            self.remember(city, ent)
            return ent
        raise RuntimeError("no unique industry name")

    def remember(self, city: Region, ent: Ent, cap: int = 400):
        pool = self.pools.setdefault(city.ent.id, collections.defaultdict(list))[ent.kind]
        if len(pool) < cap:
            pool.append(ent)
        else:
            pool[self.rng.randrange(cap)] = ent
        glob = self.global_pool[ent.kind]
        if len(glob) < 2000:
            glob.append(ent)

    def existing(self, kind: str, city: Region, exclude: tuple = ()) -> Ent | None:
        pool = self.pools.get(city.ent.id, {}).get(kind) or []
        if kind == "University" and (not pool or self.rng.random() < 0.3):
            pool = self.global_pool.get(kind) or pool
        if kind == "Industry" and (not pool or self.rng.random() < 0.2):
            pool = self.tops
        for _ in range(4):
            if not pool:
                return None
            ent = self.rng.choice(pool)
            if ent not in exclude:
                return ent
        return None

    # -- the shared part: province, cities, districts, bodies, countries, top industries ------

    def geography(self, documents: int):
        rng = self.rng
        cities = max(1, -(-documents // 6))
        self.province = Ent(self.new_id([PROVINCE[1]]), "Region", PROVINCE[0],
                            english="Tinglan Province (synthetic)")
        self.names.add(PROVINCE[0])
        self.common.append(self.province)
        place_names = [(a + b, pa + pb) for a, pa in PLACES_A for b, pb in PLACES_B]
        rng.shuffle(place_names)
        if len(place_names) < cities * 5:
            # Three characters once two run out.
            extra = [(a + c + b, pa + pc + pb) for a, pa in PLACES_A for c, pc in STEMS[:40]
                     for b, pb in PLACES_B]
            rng.shuffle(extra)
            place_names += extra
        used = iter(place_names)
        self.cities: list[Region] = []
        for c in range(cities):
            short, py = next(used)
            ent = Ent(self.new_id([py]), "Region", short + "市", english=None)
            self.names.add(ent.name)
            city = Region(ent, short, py, "city", None)
            city.index = c
            self.common.append(ent)
            for body_short, body_py in CITY_BODIES:
                name = short + body_short           # 汀川 + 市科技局
                body = Ent(self.new_id([py, "shi", body_py]), "GovernmentBody", name)
                self.names.add(name)
                city.bodies.append((body_short, body))
                self.common.append(body)
            for _ in range(4):
                dshort, dpy = next(used)
                dent = Ent(self.new_id([py, dpy, "qu"]), "Region", dshort + "区")
                if dent.name in self.names:
                    dent.name = short + dshort + "区"
                self.names.add(dent.name)
                district = Region(dent, dshort, dpy, "district", city)
                self.common.append(dent)
                for body_short, body_py in DISTRICT_BODIES:
                    name = short + "市" + dshort + body_short    # 汀川市澄西 + 区科技局
                    body = Ent(self.new_id([py, dpy, "qu", body_py]), "GovernmentBody", name)
                    self.names.add(name)
                    district.bodies.append((body_short, body))
                    self.common.append(body)
                city.districts.append(district)
            self.cities.append(city)
        self.countries = []
        for name, py in COUNTRIES:
            ent = Ent(self.new_id([py]), "Country", name)
            self.names.add(name)
            self.countries.append(ent)
            self.common.append(ent)
        self.tops = []
        self.top_ids = set()
        for name, py, terms in TOP_INDUSTRIES:
            ent = Ent(self.new_id([py]), "Industry", name)
            self.names.add(name)
            self.industry_children[ent.id] = terms
            self.tops.append(ent)
            self.top_ids.add(ent.id)
            self.common.append(ent)

    def plan(self):
        """Documents and the regions they govern."""
        documents = max(1, round(self.target / self.per_document))
        self.geography(documents)
        # Shared entities that will be mentioned: all of them except bodies of districts no
        # document governs; estimated before the documents so that the total comes out right.
        cities = len(self.cities)
        docs = []
        for i in range(documents):
            city = self.cities[i % cities]
            slot = i // cities
            region = city if slot % 2 == 0 else city.districts[(slot // 2) % len(city.districts)]
            docs.append(region)
        governed = {r.ent.id for r in docs}
        shared = 1 + cities + len(COUNTRIES) + len(TOP_INDUSTRIES)
        for city in self.cities:
            shared += len(city.bodies) + len(city.districts)
            shared += sum(len(d.bodies) for d in city.districts if d.ent.id in governed)
        self.mentioned_bodies = governed
        budget = max(80 * documents, self.target - shared)
        sizes = [budget // documents + (1 if i < budget % documents else 0) for i in range(documents)]
        return list(zip(docs, sizes))

    # -- one document ------------------------------------------------------------------------

    def document(self, number: int, region: Region, size: int):
        rng = self.rng
        city = region.city
        year = 2016 + (number * 7 + city.index) % 9
        month, day = 1 + rng.randrange(12), 1 + rng.randrange(28)
        topic, topic_en = DOC_TOPICS[number % len(DOC_TOPICS)]
        doc_id = self.new_id([region.ent.id, str(year), str(number + 1)])
        title = f"{year}年{region.ent.name}{topic}"
        # Structure.
        sections_n = max(2, round(size / 95))
        tasks_per = [4 + rng.randrange(3) for _ in range(sections_n)]
        tasks_n = sum(tasks_per)
        targets_n = max(1, tasks_n // 3)
        structural = 1 + sections_n + tasks_n + targets_n
        quota_total = max(10, size - structural)
        quotas = self.kind_quotas(quota_total)
        self.count["Document"] += 1
        self.count["Section"] += sections_n
        self.count["Task"] += tasks_n
        self.count["Target"] += targets_n

        issuer_short, issuer = region.bodies[1]     # 市科技局 / 区科技局
        local_bodies = region.bodies
        body_pool = [b for b in local_bodies[1:]]
        if region.level == "district":
            body_pool += city.bodies[1:4]

        new_entities: list[Ent] = []
        remaining = dict(quotas)
        queue = [k for k, n in quotas.items() for _ in range(n)]
        rng.shuffle(queue)

        def fresh(kind: str, make=None) -> Ent:
            remaining[kind] = remaining.get(kind, 0) - 1
            ent = make() if make else self.named(kind, city)
            new_entities.append(ent)
            return ent

        def get(kind: str, p_new: float = 0.5, exclude: tuple = ()) -> Ent:
            if kind == "Country":
                return rng.choice(self.countries)
            if kind == "Industry":
                ent = self.existing("Industry", city, exclude)
                return ent if ent is not None else rng.choice(self.tops)
            if remaining.get(kind, 0) > 0 and rng.random() < min(0.95, p_new + NEW_BIAS):
                return fresh(kind)
            ent = self.existing(kind, city, exclude)
            return ent if ent is not None else fresh(kind)

        clauses = []
        while queue:
            kind = queue.pop()
            if remaining.get(kind, 0) <= 0:
                continue
            clauses.append(self.clause(kind, region, fresh, get))
        # (A kind whose quota the second things of earlier clauses used up is skipped.)

        # Distribute the clauses over the tasks, in order.
        per_task = [[] for _ in range(tasks_n)]
        for i, clause in enumerate(clauses):
            per_task[i * tasks_n // max(1, len(clauses))].append(clause)

        # --- source text and document file, written together ---
        src: list[str] = []
        doc: list[str] = []
        sentences: list[str] = []
        coding: list[str] = []

        issuer_line = issuer.name
        date_text = f"{year}年{month}月{day}日"
        src += [title, "", issuer_line, date_text, ""]
        doc += [f"# Synthetic document {number + 1}: {title}", "", "[document]",
                f"id = {q(doc_id)}", f"source = {q(doc_id + '.txt')}", f"title = {q(title)}",
                f"english_title = {q(f'{topic_en} of {region.english} ({year}, synthetic)')}",
                f"title_quote = {q(title)}", f"issuer = {q(issuer.id)}",
                f"issuer_quote = {q(issuer_line)}",
                f"date = {year:04d}-{month:02d}-{day:02d}", f"region = {q(region.ent.id)}",
                'script = "simplified"', ""]

        # Distribution list: every body of the region (and the city's for a district).
        bodies_listed = list(region.bodies)
        if region.level == "district":
            bodies_listed = list(city.bodies) + bodies_listed
        distribution = "主送:" + "、".join(s for s, _ in bodies_listed)
        src.append(distribution + "。")
        sent = [("", distribution, [(b, None, s, False) for s, b in bodies_listed], [])]
        rels = []
        gov_city = city.bodies[0][1]
        for s, b in city.bodies:
            if b is gov_city:
                rels.append((b, "locatedIn", city.ent, "synth-relative-body"))
            else:
                rels.append((b, "partOf", gov_city, "synth-relative-body"))
        if region.level == "district":
            gov = region.bodies[0][1]
            for s, b in region.bodies:
                if b is gov:
                    rels.append((b, "locatedIn", region.ent, "synth-relative-body"))
                else:
                    rels.append((b, "partOf", gov, "synth-relative-body"))
        sent[0][3].extend(rels)

        opening = f"为深入实施创新驱动发展战略,按照{PROVINCE[0]}部署,结合{region.ent.name}实际,制定本{topic[-2:]}"
        src.append(opening + "。")
        rel_open = [(city.ent, "partOf", self.province, "synth-city-of-province")]
        sent.append(("", opening, [(self.province, None, None, True), (region.ent, "region", None, True)], rel_open))
        districts_text = "统筹" + "、".join(d.ent.name for d in city.districts) + "协同发展"
        src.append(districts_text + "。")
        sent.append(("", districts_text,
                     [(d.ent, "region" if d is region or region.level == "city" else None, None, True)
                      for d in city.districts],
                     [(d.ent, "partOf", city.ent, "synth-district-of-city") for d in city.districts]))
        for ent in [self.province, city.ent] + [d.ent for d in city.districts] + [b for _, b in bodies_listed]:
            self.common_used.add(ent.id)

        sections_toml, tasks_toml, targets_toml = [], [], []
        task_no = 0
        titles = rng.sample([(v, o) for v in TASK_VERBS for o in TASK_OBJECTS],
                            k=min(tasks_n, len(TASK_VERBS) * len(TASK_OBJECTS)))
        target_slots = set(rng.sample(range(tasks_n), k=targets_n))
        target_no = 0
        section_titles = rng.sample(SECTION_TITLES, k=min(sections_n, len(SECTION_TITLES)))
        for s in range(sections_n):
            s_key = str(s + 1)
            s_title = section_titles[s] if s < len(section_titles) else f"{SECTION_TITLES[s % len(SECTION_TITLES)]}(第{s + 1}部分)"
            s_number = chinese_number(s + 1) + "、"
            src.append(f"{s_number}{s_title}")
            sections_toml += ["[[section]]", f"key = {q(s_key)}", f"number = {q(s_number.rstrip('、'))}",
                              f"title = {q(s_title)}", ""]
            for _ in range(tasks_per[s]):
                t_key = str(task_no + 1)
                verb, (obj, tool, cue) = titles[task_no % len(titles)]
                t_title = verb + obj
                if task_no >= len(titles):
                    t_title += f"(第{task_no + 1}项)"
                k = 1 if rng.random() < 0.7 else (2 if rng.random() < 0.85 else 3)
                responsible = rng.sample(body_pool, k=min(k, len(body_pool)))
                resp_quote = "牵头单位:" + "、".join(s_ for s_, _ in responsible)
                parts = [f"{task_no + 1}.{t_title}。"]
                for clause in per_task[task_no]:
                    parts.append(clause[0] + "。")
                    sent.append((t_key,) + clause)
                target_quote = None
                if task_no in target_slots:
                    m_id, m_zh, _, _, unit, (lo, hi, digits) = MEASURES[rng.randrange(len(MEASURES))]
                    value = round(lo + (hi - lo) * rng.random(), digits)
                    if digits == 0:
                        value = int(value)
                    target_year = year + 1 + rng.randrange(3)
                    target_quote = f"到{target_year}年底,{region.ent.name}{m_zh}达到{value}{unit}"
                    parts.append(target_quote + "。")
                    target_no += 1
                    targets_toml += ["[[target]]", f"key = {q('t' + str(target_no))}",
                                     f"indicator = {q(m_zh)}", f"measure = {q(m_id)}",
                                     f"value = {value}", f"unit = {q(unit)}", f"year = {target_year}",
                                     f"region = {q(region.ent.id)}", f"task = {q(t_key)}",
                                     f"quote = {q(target_quote)}", ""]
                parts.append(f"({resp_quote})")
                src.append("".join(parts))
                tasks_toml += ["[[task]]", f"key = {q(t_key)}", f"number = {q(str(task_no + 1))}",
                               f"section = {q(s_key)}", f"title = {q(t_title)}",
                               "responsible = [" + ", ".join(q(b.id) for _, b in responsible) + "]",
                               f"responsible_quote = {q(resp_quote)}", ""]
                coding += ["[[code]]", f"task = {q(t_key)}", f"tool = {q(tool)}", f"cue = {q(cue)}",
                           f"quote = {q(t_title)}", ""]
                if target_quote and tool != "goal-planning":
                    coding += ["[[code]]", f"task = {q(t_key)}", 'tool = "goal-planning"',
                               f"cue = {q('达到')}", f"quote = {q(target_quote)}", ""]
                task_no += 1

        # Sentences: the document-level ones, then per task in text order.
        last_task = None
        for t_key, quote, mentions, relations in sent:
            if t_key != last_task:
                sentences.append(f"# -- task {t_key}" if t_key else "# -- the document as a whole")
                sentences.append("")
                last_task = t_key
            sentences.append("[[sentence]]")
            if t_key:
                sentences.append(f"task = {q(t_key)}")
            sentences.append(f"quote = {q(quote)}")
            for ent, role, written, alias in mentions:
                sentences.append("[[sentence.mention]]")
                sentences.append(f"entity = {q(ent.id)}")
                if written is not None and written != ent.name:
                    sentences.append(f"as = {q(written)}")
                    if not alias:
                        sentences.append("alias = false")
                if role:
                    sentences.append(f"role = {q(role)}")
            for subj, kind, obj, because in relations:
                sentences.append("[[sentence.relation]]")
                sentences.append(f"subject = {q(subj.id)}")
                sentences.append(f"kind = {q(kind)}")
                sentences.append(f"object = {q(obj.id)}")
                if because:
                    sentences.append(f"because = {q(because)}")
                    self.reasons_cited.add(because)
                self.relations_written += 1
                self.relation_degree[subj.id] += 1
                self.relation_degree[obj.id] += 1
            sentences.append("")

        # Write the files.
        (self.data / "sources" / f"{doc_id}.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
        text = "\n".join(doc + ["# ---- sections", ""] + sections_toml + ["# ---- tasks", ""] + tasks_toml
                         + ["# ---- targets", ""] + targets_toml
                         + ["# ---- sentences, in text order", ""] + sentences)
        (self.data / "documents" / f"{doc_id}.toml").write_text(text, encoding="utf-8")
        (self.data / "coding" / f"{doc_id}.toml").write_text(
            f"# Instrument coding of the synthetic document {doc_id}.\ndocument = {q(doc_id)}\n\n"
            + "\n".join(coding), encoding="utf-8")
        ents = [f"# Entities first named by the synthetic document {doc_id}.", ""]
        for ent in new_entities:
            ents += entity_toml(ent)
            self.count[ent.kind] += 1
        (self.data / "entities" / f"{doc_id}.toml").write_text("\n".join(ents), encoding="utf-8")

    def kind_quotas(self, total: int) -> dict[str, int]:
        weight = sum(w for _, w in KIND_WEIGHTS)
        raw = [(k, total * w / weight) for k, w in KIND_WEIGHTS]
        quotas = {k: int(x) for k, x in raw}
        rest = total - sum(quotas.values())
        for k, x in sorted(raw, key=lambda kx: (-(kx[1] - int(kx[1])), kx[0]))[:rest]:
            quotas[k] += 1
        return quotas

    # -- clauses -----------------------------------------------------------------------------

    def form(self, ent: Ent) -> tuple[str, str | None]:
        """How a clause writes an entity: its name, or now and then its alias."""
        if ent.alias and (not ent.used_alias or self.rng.random() < 0.3):
            ent.used_alias = True
            return ent.alias, ent.alias
        return ent.name, None

    def clause(self, kind: str, region: Region, fresh, get):
        """One sentence built around a new entity of `kind`: (quote, mentions, relations).

        A mention is (entity, role, written form or None, alias); a relation is
        (subject, kind, object, reason id or None)."""
        rng = self.rng
        self.clause_no += 1
        r = region.ent
        mentions, relations = [], []
        parts = []

        def w(ent: Ent, role: str | None, text_before: str = "", text_after: str = ""):
            # Many mentions are bare (the provision only names the thing), more so for things
            # named again than for the thing a clause introduces.
            keep = ROLE_NEW if ent.born == self.clause_no else ROLE_AGAIN
            if rng.random() >= keep:
                role = None
            written, alias = self.form(ent)
            parts.append(text_before + written + text_after)
            mentions.append((ent, role, alias, True))
            return written

        def rel(s, k, o, because=None):
            if s is not o:
                relations.append((s, k, o, because))

        def industry(exclude=()):
            return get("Industry", exclude=exclude)

        variant = rng.randrange(3)
        if kind == "Park":
            p = fresh("Park")
            if variant == 0:
                i = industry()
                w(p, "carrier", "推进", "建设,")
                w(i, "industry", "重点发展")
                rel(p, "focusesOn", i)
                self.park_industry_city[(i.id, region.city.ent.id)] += 1
                if len(self.typical) < 500:
                    self.typical.append(p)
            elif variant == 1:
                c = get("Country")
                w(p, "carrier", "建设")
                w(c, "partner", ",深化与", "的科技合作")
                rel(p, "partnerCountry", c)
            else:
                w(p, "carrier", "支持", "创建省级高新技术产业开发区")
            rel(p, "locatedIn", r, "synth-carrier-in-document-region")
        elif kind == "ResearchInstitute":
            ri = fresh("ResearchInstitute")
            if variant == 0:
                u = get("University", 0.3)
                w(u, "partner", "依托")
                w(ri, "carrier", "建设")
                rel(ri, "hostedIn", u)
            elif variant == 1:
                e = get("Enterprise", 0.6)
                w(ri, "carrier", "支持")
                w(e, "beneficiary", "与", "开展联合攻关")
                rel(ri, "cooperatesWith", e)
            else:
                i = industry()
                w(ri, "beneficiary", "引进")
                w(i, "industry", ",聚焦", "开展研发")
                rel(ri, "focusesOn", i)
            rel(ri, "locatedIn", r, "synth-carrier-in-document-region")
        elif kind == "Laboratory":
            lab = fresh("Laboratory")
            if variant < 2:
                e = get("Enterprise", 0.6)
                ri = get("ResearchInstitute", 0.3)
                w(e, "beneficiary", "支持")
                w(ri, "partner", "与")
                w(lab, "carrier", "共建")
                rel(lab, "builtWith", e)
                rel(lab, "builtWith", ri)
            else:
                p = get("Park", 0.2)
                w(p, "region", "在")
                w(lab, "carrier", "布局建设")
                rel(lab, "locatedIn", p)
        elif kind == "InnovationCenter":
            c = fresh("InnovationCenter")
            if variant < 2:
                p = get("Park", 0.2)
                i = industry()
                w(p, "region", "在")
                w(c, "carrier", "布局建设", ",")
                w(i, "industry", "聚焦")
                rel(c, "locatedIn", p)
                rel(c, "focusesOn", i)
            else:
                e = get("Enterprise", 0.6)
                w(e, "beneficiary", "推动")
                w(c, "carrier", "牵头组建")
                rel(e, "manages", c)
        elif kind == "Platform":
            pl = fresh("Platform")
            if variant < 2:
                e1 = get("Enterprise", 0.6)
                e2 = get("Enterprise", 0.6, exclude=(e1,))
                w(pl, "carrier", "建设", ",")
                w(e1, "beneficiary", "为")
                if e2 is not e1:
                    w(e2, "beneficiary", "、")
                    rel(pl, "supports", e2)
                parts.append("等企业提供技术服务")
                rel(pl, "supports", e1)
            else:
                ri = get("ResearchInstitute", 0.3)
                w(ri, "partner", "依托")
                w(pl, "carrier", "搭建")
                rel(pl, "hostedIn", ri)
        elif kind == "Incubator":
            inc = fresh("Incubator")
            if variant < 2:
                p = get("Park", 0.2)
                e = get("Enterprise", 0.6)
                w(inc, "carrier", "推动")
                w(p, "region", "入驻", ",")
                w(e, "beneficiary", "引进", "等初创企业")
                rel(inc, "locatedIn", p)
                rel(e, "hostedIn", inc)
            else:
                u = get("University", 0.3)
                w(u, "partner", "支持")
                w(inc, "carrier", "建设")
                rel(inc, "hostedIn", u)
        elif kind == "Enterprise":
            if variant == 0:
                p = get("Park", 0.2)
                es = [fresh("Enterprise")]
                for _ in range(2):
                    e = get("Enterprise", 0.8, exclude=tuple(es))
                    if e not in es:
                        es.append(e)
                w(p, "region", "支持", "内的")
                for n, e in enumerate(es):
                    w(e, "beneficiary", "、" if n else "")
                    rel(e, "locatedIn", p)
                parts.append("做大做强")
            elif variant == 1:
                i = industry()
                e1 = fresh("Enterprise")
                e2 = get("Enterprise", 0.8, exclude=(e1,))
                w(e1, "beneficiary", "培育")
                if e2 is not e1:
                    w(e2, "beneficiary", "、")
                    rel(e2, "focusesOn", i)
                w(i, "industry", "等", "龙头企业")
                rel(e1, "focusesOn", i)
            else:
                e1 = fresh("Enterprise")
                e2 = get("Enterprise", 0.8, exclude=(e1,))
                w(e1, "beneficiary", "推动")
                if e2 is not e1:
                    w(e2, "beneficiary", "与")
                    rel(e1, "cooperatesWith", e2)
                parts.append("开展产业链协作")
                rel(e1, "locatedIn", r, "synth-carrier-in-document-region")
        elif kind == "University":
            u = fresh("University")
            if variant < 2:
                ri = get("ResearchInstitute", 0.3)
                w(u, "partner", "深化与", "的产学研合作,")
                w(ri, "carrier", "共建")
                rel(ri, "builtWith", u)
            else:
                p = get("Park", 0.2)
                w(u, "partner", "推动")
                w(p, "carrier", "与", "开展合作")
                rel(u, "cooperatesWith", p)
        elif kind == "Alliance":
            a = fresh("Alliance")
            if variant < 2:
                e1 = get("Enterprise", 0.6)
                e2 = get("Enterprise", 0.6, exclude=(e1,))
                w(a, "carrier", "组建", ",")
                w(e1, "beneficiary", "吸纳")
                rel(e1, "memberOf", a)
                if e2 is not e1:
                    w(e2, "beneficiary", "、")
                    rel(e2, "memberOf", a)
                parts.append("等成员单位")
            else:
                i = industry()
                w(a, "carrier", "发挥", "作用,")
                w(i, "industry", "推动", "协同创新")
                rel(a, "focusesOn", i)
        elif kind == "Organization":
            o = fresh("Organization")
            e = get("Enterprise", 0.6)
            w(o, "carrier", "发挥", "作用,")
            w(e, "beneficiary", "服务", "等企业")
            rel(o, "supports", e)
        elif kind == "Fund":
            f = fresh("Fund")
            if variant < 2:
                i = industry()
                w(f, "instrument", "设立", ",")
                w(i, "industry", "重点投向")
                rel(f, "supports", i)
            else:
                e = get("Enterprise", 0.6)
                w(f, "instrument", "发挥", "引导作用,")
                w(e, "beneficiary", "支持", "等企业发展")
                rel(f, "supports", e)
        elif kind == "FinancialProduct":
            fp = fresh("FinancialProduct")
            if variant < 2:
                e = get("Enterprise", 0.6)
                w(fp, "instrument", "推广", ",")
                w(e, "beneficiary", "支持", "等科技型中小企业融资")
                rel(fp, "supports", e)
            else:
                p = get("Park", 0.2)
                w(fp, "instrument", "扩大", "覆盖面,")
                w(p, "region", "服务", "企业")
                rel(fp, "supports", p)
        elif kind == "Programme":
            pr = fresh("Programme")
            if variant < 2:
                e = get("Enterprise", 0.6)
                w(pr, "instrument", "实施", ",")
                w(e, "beneficiary", "支持", "等企业创新发展")
                rel(pr, "supports", e)
            else:
                po = get("Policy", 0.5)
                w(pr, "instrument", "组织实施", ",")
                w(po, "instrument", "贯彻落实")
                rel(pr, "implements", po)
        elif kind == "Policy":
            po = fresh("Policy")
            if variant < 2:
                i = industry()
                w(po, "instrument", "落实", ",")
                w(i, "industry", "加大对", "的支持")
                rel(po, "supports", i)
            else:
                p = get("Park", 0.2)
                w(po, "instrument", "制定", ",")
                w(p, "carrier", "支持", "高质量发展")
                rel(po, "supports", p)
        elif kind == "Event":
            ev = fresh("Event")
            if variant < 2:
                p = get("Park", 0.2)
                w(p, "region", "在")
                w(ev, "instrument", "举办")
                rel(ev, "heldIn", p)
            else:
                u = get("University", 0.3)
                w(ev, "instrument", "举办", ",")
                w(u, "partner", "促进", "科技成果转化")
                rel(ev, "heldIn", r, "synth-carrier-in-document-region")
        elif kind == "Industry":
            parent = get("Industry")
            child = fresh("Industry", lambda: self.child_industry(parent, region.city))
            if variant < 2:
                w(parent, "industry", "大力发展", ",")
                w(child, "industry", "加快培育")
            else:
                w(child, "industry", "推动", "向")
                w(parent, "industry", "", "延伸")
            rel(child, "broader", parent, "synth-industry-hierarchy")
        else:
            raise AssertionError(kind)
        for ent, *_ in mentions:
            if ent.id in self.top_ids or ent.kind == "Country":
                self.common_used.add(ent.id)
        return ("".join(parts), mentions, relations)

    # -- output ------------------------------------------------------------------------------

    def run(self):
        started = time.time()
        if self.data.exists():
            shutil.rmtree(self.data)
        for sub in ["sources", "documents", "entities", "coding"]:
            (self.data / sub).mkdir(parents=True)
        for name in COPIED:
            shutil.copyfile(REAL_DATA / name, self.data / name)
        plan = self.plan()
        for number, (region, size) in enumerate(plan):
            self.document(number, region, size)
            if (number + 1) % 200 == 0:
                print(f"  {number + 1}/{len(plan)} documents, {sum(self.count.values())} entities, "
                      f"{time.time() - started:.0f} s", file=sys.stderr)
        self.write_common()
        self.write_indicators()
        self.write_reasons()
        self.write_queries()
        total = sum(self.count.values())
        print(f"wrote {self.data}: {len(plan)} documents, {total} entities, "
              f"{self.relations_written} hand-written relations, {time.time() - started:.1f} s",
              file=sys.stderr)
        for kind, n in sorted(self.count.items()):
            print(f"  {kind:<20} {n:>8}", file=sys.stderr)

    def write_common(self):
        lines = ["# Entities that several synthetic documents name: the province, cities, districts,",
                 "# their bodies, partner countries and the broad industries.", ""]
        for ent in self.common:
            if ent.id in self.common_used:
                lines += entity_toml(ent)
                self.count[ent.kind] += 1
        (self.data / "entities" / "common.toml").write_text("\n".join(lines), encoding="utf-8")

    def write_indicators(self):
        text = (REAL_DATA / "indicators.toml").read_text(encoding="utf-8")
        extra = ["", "# ---- measures of the synthetic benchmark data", ""]
        for m_id, zh, en, unit_kind, _, _ in MEASURES:
            extra += ["[[measure]]", f"id = {q(m_id)}", f"zh = {q(zh)}", f"en = {q(en)}",
                      f"unit_kind = {q(unit_kind)}",
                      f"definition_en = {q(en + ': a measure of the synthetic scale-benchmark data.')}", ""]
        (self.data / "indicators.toml").write_text(text.rstrip("\n") + "\n" + "\n".join(extra),
                                                   encoding="utf-8")

    def write_reasons(self):
        lines = ["# Inference reasons of the synthetic data (only those some relation cites).", ""]
        for r_id, text in REASONS.items():
            if r_id in self.reasons_cited:
                lines += ["[[reason]]", f"id = {q(r_id)}", f"text = {q(text)}", ""]
        (self.data / "reasons.toml").write_text("\n".join(lines), encoding="utf-8")

    def write_queries(self):
        qdir = self.out / "queries"
        if qdir.exists():
            shutil.rmtree(qdir)
        qdir.mkdir(parents=True)
        # A typical entity: of the first parks that focus on an industry, one that has an alias
        # and the most hand-written relations.
        typical = max(self.typical, key=lambda e: (e.used_alias, self.relation_degree[e.id], e.id))
        (industry_id, city_id), _ = max(self.park_industry_city.items(),
                                        key=lambda kv: (kv[1], kv[0][0], kv[0][1]))
        # The most common start of a name (two characters: a city prefix, or a stem), and the
        # pinyin of a syllable of the most common stem character.
        start, _ = max(self.stem_counts.items(), key=lambda kv: (kv[1], kv[0]))
        stem_chars = collections.Counter(c for name_start in self.stem_counts for c in name_start
                                          if c in STEM_PINYIN)
        syllable = STEM_PINYIN[max(stem_chars.items(), key=lambda kv: (kv[1], kv[0]))[0]]
        queries = {
            "lookup": '{ entity(id: "%s") { name aliases relations(first: 50) { totalCount nodes '
                      '{ kind direction other { id name } evidence { quote document { id } } } } } }'
                      % typical.id,
            "search-prefix": '{ search(text: "%s", first: 10) { matchedName entity { id name kind } } }'
                             % start,
            "search-exact": '{ search(text: "%s", first: 10) { matchedName entity { id name kind } } }'
                            % typical.name,
            "search-pinyin": '{ search(text: "%s", first: 10) { matchedName entity { id name kind } } }'
                             % syllable,
            "neighborhood": '{ neighborhood(ids: ["%s"], hops: 2, limit: 200) { nodes { id kind name } '
                            'edges { source target kind } truncated } }' % typical.id,
            "supporters": '{ supporters(industry: "%s", region: "%s") { entity { id name } '
                          'conceptPath { name } relation { evidence { quote } } } }'
                          % (industry_id, city_id),
        }
        for name, text in queries.items():
            (qdir / f"{name}.graphql").write_text(text + "\n", encoding="utf-8")
        shutil.copyfile(REAL_QUERIES / "statistics.graphql", qdir / "statistics.graphql")


def entity_toml(ent: Ent) -> list[str]:
    lines = ["[[entity]]", f"id = {q(ent.id)}", f"kind = {q(ent.kind)}", f"name = {q(ent.name)}"]
    if ent.english:
        lines += [f"english = {q(ent.english)}", 'english_status = "translation"']
    lines.append("")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, required=True, help="about this many entities")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--entities-per-document", type=int, default=600,
                        help="entities per document, structure included (default 600)")
    args = parser.parse_args(argv)
    if args.entities < 100:
        parser.error("--entities must be at least 100")
    Generator(args.entities, args.seed, args.out, args.entities_per_document).run()


if __name__ == "__main__":
    main()

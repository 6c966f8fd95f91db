#!/usr/bin/env python3
"""Generate a large, valid course catalog (DESIGN.md section 5) for the load benchmark.

The output is deterministic for a given --seed and --courses: the same bytes every run on
every machine (no hash-ordered iteration, no clock). With the default 10,000 courses it is
about 13 MB of CJK-heavy TOML: titles, summaries and multi-line descriptions in Chinese
composed from a vocabulary of Party-education and farming-training phrases, keywords,
audience/roles/season arrays, prerequisites (always earlier courses, so acyclic) and
scheduled sessions within the catalog year.

    python3 gen_catalog.py --courses 10000 --out ../out/catalog-10k
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import os
import random
import shutil
import sys

YEAR = 2026
FILE_COUNT = 20

CATEGORIES = [
    # id, title, summary, id prefix
    ("ideals", "理想信念",
     "党的基本理论、党史国史、革命传统和党性教育，包括红色教育基地现场教学、重温入党誓词、"
     "先进典型学习和新党员集中培训。", "idl"),
    ("discipline", "党章党规党纪",
     "学习党章和《准则》《条例》，落实“三会一课”等组织生活制度，开展党的纪律教育和廉政警示教育。",
     "dsc"),
    ("skills", "专业技能",
     "业务知识和职业技能培训，包括党务工作者培训、电脑与电商技术、创业就业技能、烹饪和乡村旅游等"
     "致富技能。", "skl"),
    ("farming", "农业实用技术",
     "面向农村党员的实用技术培训，包括温室蔬菜、设施农业、特色林果、果木管理、高效养殖和农民专业"
     "合作组织等内容。", "frm"),
    ("policy", "形势政策",
     "围绕党的路线方针政策和形势任务，解读重大决策部署和涉农惠农政策，回应党员普遍关注的热点难点问题。",
     "pol"),
    ("law", "法律法规",
     "民主法制、农村工作政策法规、依法生产经营和权益保障等法律知识，增强党员法治观念和依法办事能力。",
     "law"),
]

# Per category: (title core, ascii slug, keywords, pinyin or None).
TOPICS = {
    "ideals": [
        ("重温入党誓词", "oath", ["入党誓词", "初心", "党性"], "chong wen ru dang shi ci"),
        ("红色教育基地现场教学", "red-base", ["红色教育", "革命传统", "现场教学"], None),
        ("党史专题学习", "party-history", ["党史", "学习教育"], None),
        ("新中国史专题学习", "prc-history", ["国史", "新中国史"], None),
        ("革命传统和优良作风教育", "tradition", ["革命传统", "优良作风"], None),
        ("党的基本理论学习", "basic-theory", ["基本理论", "理论学习"], None),
        ("党性教育专题", "party-spirit", ["党性修养", "党员意识"], None),
        ("身边先进典型事迹学习", "role-models", ["先进典型", "榜样", "示范引领"], None),
        ("新党员入党教育集中培训", "new-members", ["新党员", "入党教育", "集中培训"], None),
        ("社会主义核心价值观教育", "core-values", ["核心价值观", "思想道德"], None),
        ("理想信念教育", "faith", ["理想信念", "宗旨意识"], None),
        ("爱国主义教育基地参观学习", "patriotism", ["爱国主义", "参观学习"], None),
        ("发挥党员先锋模范作用", "vanguard", ["先锋模范", "党员示范"], None),
        ("入党积极分子培训", "activists", ["入党积极分子", "发展党员"], None),
        ("纪念馆参观与党课教育", "memorial", ["纪念馆", "党课"], None),
        ("主题党日学习活动", "theme-day", ["主题党日", "组织生活"], None),
        ("党的群众路线教育", "mass-line", ["群众路线", "联系群众"], None),
        ("全心全意为人民服务宗旨教育", "serve-people", ["宗旨教育", "为人民服务"], None),
        ("党员领导干部讲党课", "leaders-lecture", ["讲党课", "解疑释惑"], None),
        ("观看党员教育电视片", "tv-films", ["电视片", "远程教育"], None),
    ],
    "discipline": [
        ("学习党章", "constitution", ["党章", "党的基本知识"], "xue xi dang zhang"),
        ("《准则》《条例》专题学习", "zhunze-tiaoli", ["准则", "条例", "廉洁自律"], None),
        ("落实“三会一课”制度", "sanhui-yike", ["三会一课", "组织生活"], "san hui yi ke"),
        ("专题组织生活会", "org-life", ["组织生活会", "批评与自我批评"], None),
        ("民主评议党员", "review", ["民主评议", "党员评议"], None),
        ("廉政警示教育", "integrity", ["廉政", "警示教育", "拒腐防变"], None),
        ("党的纪律教育", "discipline-edu", ["党的纪律", "纪律规矩"], None),
        ("作风建设专题学习", "work-style", ["作风建设", "为民务实"], None),
        ("党费收缴使用和管理", "dues", ["党费", "党务规范"], None),
        ("发展党员工作规范", "recruitment", ["发展党员", "工作规范"], None),
        ("党内政治生活若干准则学习", "political-life", ["党内政治生活", "准则"], None),
        ("警示教育基地现场教学", "warning-base", ["警示教育基地", "现场教学"], None),
        ("基层党组织换届选举工作", "election", ["换届选举", "选举程序"], None),
        ("党务公开和村务公开", "openness", ["党务公开", "村务公开"], None),
        ("村务监督委员会工作", "supervision", ["村务监督", "民主管理"], None),
        ("谈心谈话制度", "heart-talk", ["谈心谈话", "思想工作"], None),
        ("党员组织关系转接", "transfer", ["组织关系", "党员管理"], None),
        ("流动党员教育管理", "floating", ["流动党员", "一方隶属"], None),
        ("党支部标准化规范化建设", "branch-standard", ["党支部", "标准化"], None),
        ("党员党性定期分析", "self-analysis", ["党性分析", "对照检查"], None),
    ],
    "skills": [
        ("党务工作者业务培训", "party-affairs", ["党务工作", "业务知识"], None),
        ("基层党组织书记履职能力提升", "secretary-duty", ["书记", "履职能力"], None),
        ("电脑基础操作", "computer", ["电脑", "办公软件"], "dian nao ji chu"),
        ("农村电子商务实务", "ecommerce", ["电商", "网上销售", "物流"], None),
        ("网店开设与日常运营", "online-shop", ["网店", "电商", "运营"], None),
        ("农产品网络直播销售", "livestream", ["直播", "农产品销售"], None),
        ("创业就业技能", "entrepreneurship", ["创业", "就业", "技能培训"], None),
        ("家政服务技能", "housekeeping", ["家政", "就业技能"], None),
        ("乡村旅游与农家乐经营", "rural-tourism", ["乡村旅游", "农家乐"], None),
        ("地方特色烹饪", "cooking", ["烹饪", "厨师", "特色小吃"], "peng ren"),
        ("农产品包装与品牌建设", "branding", ["品牌", "包装", "农产品"], None),
        ("合作社财务管理", "coop-finance", ["财务", "合作社", "会计"], None),
        ("化解社区矛盾纠纷", "mediation", ["矛盾纠纷", "社区", "调解"], None),
        ("联系服务群众工作方法", "serve-masses", ["服务群众", "工作方法"], None),
        ("远程教育站点设备操作与维护", "station-ops", ["远程教育", "站点管理"], None),
        ("智能手机应用与网上办事", "smartphone", ["智能手机", "网上办事"], None),
        ("农村电工技能", "electrician", ["电工", "安全用电"], None),
        ("农机维修技能", "repair", ["农机维修", "技能"], None),
        ("会计基础知识", "accounting", ["会计", "账务"], None),
        ("常用公文写作", "writing", ["公文", "写作"], None),
    ],
    "farming": [
        ("日光温室蔬菜栽培", "greenhouse-veg", ["温室", "蔬菜", "大棚"], "ri guang wen shi"),
        ("设施农业技术", "facility", ["设施农业", "大棚", "温室"], None),
        ("特色林果栽培", "forest-fruit", ["林果", "特色产业"], None),
        ("果树整形修剪与管理", "pruning", ["果树", "修剪", "果木管理"], None),
        ("苹果病虫害综合防治", "apple-pests", ["苹果", "病虫害", "防治"], None),
        ("核桃丰产栽培", "walnut", ["核桃", "丰产"], None),
        ("红枣提质增效", "jujube", ["红枣", "提质增效"], None),
        ("食用菌栽培", "mushroom", ["食用菌", "香菇", "平菇"], None),
        ("生猪健康养殖", "pig", ["生猪", "养殖", "防疫"], None),
        ("肉牛育肥养殖", "cattle", ["肉牛", "育肥", "饲草"], None),
        ("肉羊舍饲养殖", "sheep", ["肉羊", "舍饲", "养殖"], None),
        ("家禽规模养殖", "poultry", ["家禽", "蛋鸡", "肉鸡"], None),
        ("水产健康养殖", "aquaculture", ["水产", "池塘养殖"], None),
        ("测土配方施肥", "soil", ["测土配方", "施肥", "土壤"], None),
        ("节水灌溉技术", "irrigation", ["节水灌溉", "滴灌"], None),
        ("农作物病虫害绿色防控", "green-pest", ["绿色防控", "病虫害"], None),
        ("中药材规范种植", "herbs", ["中药材", "种植"], None),
        ("蔬菜集约化育苗", "seedling", ["育苗", "蔬菜"], None),
        ("农机安全使用与保养", "machinery", ["农机", "安全生产"], None),
        ("秸秆综合利用", "straw", ["秸秆", "综合利用"], None),
        ("农民专业合作社规范经营", "coop", ["合作社", "规范经营"], None),
        ("茶叶栽培与加工", "tea", ["茶叶", "加工"], None),
        ("中华蜜蜂养殖", "bees", ["蜜蜂", "养蜂"], None),
        ("小麦高产栽培", "wheat", ["小麦", "高产"], None),
        ("玉米绿色高产高效", "maize", ["玉米", "绿色高产"], None),
    ],
    "policy": [
        ("中央一号文件解读", "no1-document", ["一号文件", "三农"], None),
        ("乡村振兴政策解读", "revitalization", ["乡村振兴", "政策解读"], None),
        ("涉农惠农政策", "subsidy", ["惠农政策", "补贴"], None),
        ("农村土地承包政策", "land-contract", ["土地承包", "确权"], None),
        ("农村集体产权制度改革", "collective", ["集体产权", "集体经济"], None),
        ("巩固拓展脱贫攻坚成果", "poverty", ["脱贫攻坚", "防止返贫"], None),
        ("生态环境保护政策", "ecology", ["生态环境", "绿色发展"], None),
        ("农村人居环境整治", "environment", ["人居环境", "美丽乡村"], None),
        ("城乡居民社会保障政策", "social-security", ["社会保障", "养老保险"], None),
        ("城乡居民医疗保障政策", "medical", ["医疗保障", "医保"], None),
        ("就业创业扶持政策", "employment", ["就业", "创业扶持"], None),
        ("形势与任务报告", "situation", ["形势任务", "报告会"], None),
        ("全面深化改革专题", "reform", ["深化改革", "改革"], None),
        ("基层社会治理", "governance", ["基层治理", "网格化"], None),
        ("粮食安全与耕地保护", "food-security", ["粮食安全", "耕地保护"], None),
        ("安全生产形势与政策", "safety", ["安全生产", "隐患排查"], None),
        ("防灾减灾与应急管理", "disaster", ["防灾减灾", "应急"], None),
        ("民族团结进步教育", "unity", ["民族团结", "民族政策"], None),
    ],
    "law": [
        ("宪法学习", "constitution-law", ["宪法", "法治观念"], "xian fa xue xi"),
        ("民法典与农村生活", "civil-code", ["民法典", "权益保障"], None),
        ("农村土地承包法", "land-law", ["土地承包法", "承包经营权"], None),
        ("村民委员会组织法", "committee-law", ["村民自治", "村委会"], None),
        ("信访工作法规", "petition", ["信访", "依法信访"], None),
        ("人民调解法", "mediation-law", ["人民调解", "矛盾纠纷"], None),
        ("劳动合同法与务工维权", "labor", ["劳动合同", "务工维权"], None),
        ("农产品质量安全法", "produce-law", ["农产品质量", "安全"], None),
        ("食品安全法", "food-law", ["食品安全", "法律"], None),
        ("环境保护法", "environment-law", ["环境保护", "法律责任"], None),
        ("反家庭暴力法", "domestic", ["反家暴", "家庭"], None),
        ("未成年人保护法", "minors", ["未成年人", "保护"], None),
        ("法律援助与公共法律服务", "legal-aid", ["法律援助", "法律服务"], None),
        ("婚姻家庭法律知识", "family-law", ["婚姻家庭", "继承"], None),
        ("合同与民间借贷纠纷防范", "contracts", ["合同", "借贷纠纷"], None),
        ("防范电信网络诈骗", "fraud", ["电信诈骗", "防骗"], None),
        ("禁毒知识", "anti-drug", ["禁毒", "预防"], None),
        ("消防安全知识", "fire", ["消防", "安全"], None),
    ],
}

# Title shapes by form; "{t}" is the topic.
TITLE_SHAPES = {
    "concentrated": ["{t}", "{t}专题培训班", "{t}集中轮训", "{t}（基础班）", "{t}（提高班）",
                     "{t}专题辅导"],
    "remote": ["{t}远程教育专题", "{t}（远程教育）", "{t}专题讲座", "观看专题片：{t}"],
    "onsite": ["{t}现场教学", "{t}现场观摩", "{t}实地教学", "走进基地：{t}"],
    "mobile": ["{t}送课下乡", "流动课堂：{t}", "{t}进村宣讲"],
    "selfstudy": ["{t}自学读本", "{t}（自学）", "{t}学习资料自学"],
}

FORM_LABELS = {"concentrated": "集中培训", "remote": "远程教育", "onsite": "现场教学",
               "mobile": "流动课堂", "selfstudy": "自学"}
KIND_LABELS = {"required": "必修", "elective": "选修"}
ROLE_LABELS = {"member": "党员", "secretary": "书记", "committee": "班子成员"}
SEASON_LABELS = {"spring": "春训", "winter": "冬训"}
DOMAINS = ["rural", "community", "government", "institution", "soe", "school", "student",
           "private", "social", "retired"]

SUMMARY_LEADS = ["围绕", "聚焦", "结合本地实际开展", "针对基层党员需求安排", "以"]
SUMMARY_MIDDLES = {
    "concentrated": ["采取专题辅导、交流研讨和案例分析相结合的方式",
                     "由党校教师集中授课，安排分组讨论和交流发言",
                     "采用集中学习与分组讨论相结合的方式，坚持理论联系实际"],
    "remote": ["依托党员干部现代远程教育站点组织收看并开展讨论",
               "通过远程教育平台播放专题课件，站点管理员组织学习和考勤",
               "组织党员集中收看远程教育专题节目，看后结合实际交流体会"],
    "onsite": ["安排现场教学、现场观摩和经验交流等环节",
               "在培训基地由讲解员和技术骨干现场讲解、现场示范",
               "组织党员到基地实地参观学习，做到进门是课堂、出门是现场"],
    "mobile": ["由党校教师和技术骨干组成宣讲组深入村组送教上门",
               "开设流动课堂，把课程送到村党员活动室和田间地头",
               "结合送课下乡活动，就近组织党员和群众一起学习"],
    "selfstudy": ["党员按学习计划个人自学，支部定期检查学习笔记",
                  "提供自学读本和学习提纲，党员利用业余时间自学",
                  "党员个人自学为主，支部在组织生活中安排交流"],
}
SUMMARY_GOALS = {
    "ideals": ["引导党员坚定理想信念、增强党性观念", "帮助党员牢记入党初心、践行宗旨意识",
               "教育党员传承红色基因、发扬优良传统", "增强党员的政治意识和先锋模范意识"],
    "discipline": ["引导党员尊崇党章、遵守党规、严守党纪", "推动组织生活制度化、规范化",
                   "增强党员拒腐防变意识和纪律规矩意识", "提高党支部日常管理和党务工作规范化水平"],
    "skills": ["提高党员履职尽责和服务群众的能力", "帮助党员掌握一门实用技能、增加收入",
               "增强党员带头创业和带动就业的本领", "提高基层党务工作者的业务水平"],
    "farming": ["提高农村党员带头致富和带领群众共同致富的能力", "推广适用新技术、新品种，促进提质增效",
                "帮助党员示范户解决生产中的实际问题", "促进本地主导产业规范化、规模化发展"],
    "policy": ["帮助党员准确理解政策、向群众宣传解释政策", "引导党员把思想和行动统一到决策部署上来",
               "回应党员和群众普遍关注的热点难点问题", "增强党员推动改革发展和维护稳定的自觉性"],
    "law": ["增强党员法治观念和依法办事能力", "帮助党员运用法律维护自身和群众合法权益",
            "引导党员带头学法守法用法", "提高党员依法化解矛盾纠纷的能力"],
}

# General search keywords per category, added after the topic's own.
CATEGORY_KEYWORDS = {
    "ideals": ["党性教育", "理想信念", "党员教育", "初心使命", "红色基因", "政治理论"],
    "discipline": ["党规党纪", "组织生活", "党内法规", "支部建设", "纪律教育", "党员管理"],
    "skills": ["实用技能", "就业", "增收", "服务能力", "业务培训", "致富本领"],
    "farming": ["农业技术", "实用技术", "致富", "农村党员", "示范户", "增产增收"],
    "policy": ["形势政策", "政策宣讲", "三农", "决策部署", "热点解读", "惠民政策"],
    "law": ["普法", "法治", "依法办事", "权益保护", "以案释法", "学法用法"],
}
LECTURE_NUMBERS = ["一", "二", "三", "四", "五", "六"]
LIVESTOCK = ["pig", "cattle", "sheep", "poultry", "aquaculture", "bees"]
LECTURE_NOTES = ["", "，讲解要点并现场答疑", "，结合典型案例讲解", "，安排分组讨论",
                 "，联系本地实际讲解", "，由授课教师示范讲解", "，发放学习资料"]
SUBTOPICS = {
    "ideals": ["党的性质、宗旨和奋斗目标", "党的光辉历程和宝贵经验", "革命先辈的理想信念和崇高精神",
               "入党誓词的内容和意义", "共产党员的权利和义务", "身边优秀党员的先进事迹",
               "党员如何在岗位上发挥先锋模范作用", "红色教育基地讲解和实物展陈",
               "社会主义核心价值观的基本内容", "党的优良传统和作风", "新时代党员的责任和担当",
               "学习体会交流和分组讨论"],
    "discipline": ["党章总纲和党的基本理论、基本路线", "党员的权利和义务", "党的组织制度和纪律",
                   "《准则》《条例》重点条款讲解", "“三会一课”的组织程序和记录要求",
                   "组织生活会的准备、召开和整改", "民主评议党员的程序和方法", "典型违纪案例剖析",
                   "党费的计算、收缴和使用", "发展党员的工作程序", "谈心谈话的方法和要求",
                   "对照党章党规进行自我检查"],
    "skills": ["基本概念和操作要领", "常见问题和处理方法", "实际操作演示和分组练习",
               "典型案例分析", "相关政策和扶持措施", "网上开店的注册和商品上架",
               "商品拍照、描述和定价", "客户服务和售后处理", "物流发货和成本核算",
               "安全注意事项和操作规范", "经营管理和风险防范", "学员实操考核和点评"],
    "farming": ["品种选择和茬口安排", "育苗、定植和田间管理", "水肥一体化管理",
                "主要病虫害识别和绿色防控", "整形修剪和花果管理", "采收、分级和贮藏",
                "土壤改良和科学施肥", "设施环境调控和冬季防寒", "生产记录和质量安全",
                "市场行情分析和销售渠道", "党员示范户现场观摩和经验交流"],
    "livestock": ["品种选择和引种注意事项", "圈舍建设和环境控制", "饲料配制和科学饲喂",
                  "常见疫病防控和免疫程序", "繁殖和幼畜幼禽管理", "粪污资源化利用",
                  "生产记录和质量安全", "市场行情分析和销售渠道",
                  "养殖示范户现场观摩和经验交流"],
    "policy": ["文件出台的背景和总体要求", "重点任务和主要政策措施", "与农村群众切身利益相关的条款",
               "政策落实的程序和办理渠道", "本县贯彻落实的具体安排", "群众关心的热点问题解答",
               "典型做法和经验介绍", "党员在政策宣传中的作用", "资金补贴的申请条件和标准",
               "学习讨论和交流发言", "形势分析和任务部署", "联系本村实际谈落实"],
    "law": ["法律的基本原则和主要内容", "与农村生产生活密切相关的条款", "典型案例以案释法",
            "权益受到侵害时的救济途径", "法律援助的申请条件和程序", "合同订立和履行的注意事项",
            "矛盾纠纷的调解和处理", "常见违法行为及法律责任", "证据的收集和保存",
            "党员在普法宣传中的作用", "学法用法交流讨论", "法律知识测试"],
}
ARRANGEMENTS = [
    "课前由党支部发放学习材料，党员提前自学相关内容。",
    "培训结束后进行交流讨论，每名党员撰写一篇学习体会。",
    "考勤由站点管理员登记，学时按实际参加情况计入。",
    "年老体弱和行动不便的党员可由支部安排送学上门。",
    "流动党员可在流入地党组织或通过远程教育站点参加学习。",
    "请参训党员携带笔记本，按时签到，不得无故缺席。",
    "现场教学期间注意交通和人身安全，服从带队人员安排。",
    "课程配套教材和课件在远程教育站点可以查阅和复制。",
    "培训结束后组织简单测试，检验学习效果。",
    "各村党支部负责组织本村党员参加，并做好学习记录。",
    "授课内容联系本地实际，安排一定时间答疑解惑。",
    "缺课的党员应在一个月内通过补学完成本课程。",
    "课程可与主题党日活动结合进行，学时按本课程单独登记。",
    "参训党员应将所学内容向身边群众宣传讲解。",
]
INTRO_LINES = [
    "本课程以党支部为单位组织，分{n}个专题进行：",
    "课程安排如下（共{n}讲）：",
    "本课程由县委党校统一安排师资，内容包括{n}个部分：",
    "课程分{n}个单元，理论讲授与实际操作相结合：",
    "根据党员需求确定教学内容，主要有{n}讲：",
]
INSTRUCTORS = {
    "ideals": ["县委党校", "县委宣传部", "县委党史研究室", "乡镇党校", "县委讲师团", "红色教育基地讲解员"],
    "discipline": ["县纪委", "县委组织部", "县委党校", "乡镇党委", "县直机关工委"],
    "skills": ["县人社局就业服务中心", "县电子商务服务中心", "县委组织部", "县职业技术学校",
               "县文化和旅游局", "县委党校"],
    "farming": ["县农技推广中心", "县畜牧兽医站", "县林业技术推广站", "乡镇农经站",
                "县农业广播电视学校", "县水产技术推广站"],
    "policy": ["县委党校", "县委宣传部", "县农业农村局", "县发展和改革局", "县委讲师团",
               "乡镇党委"],
    "law": ["县司法局", "乡镇司法所", "县人民法院", "县法律援助中心", "县委党校",
            "县公安局"],
}
PROVIDERS = ["县委组织部", "县委党校", "乡镇党委", "县党员干部现代远程教育中心", "县直机关工委",
             "街道党工委", "村（社区）党组织", "县农业广播电视学校", "县教育系统党委"]
PLACES = {
    "concentrated": ["县委党校", "乡镇党校", "县委党校报告厅", "乡镇政府会议室", "社区党群服务中心"],
    "remote": ["村远程教育站点", "社区党群服务中心", "村党员活动室", "县党员干部现代远程教育中心"],
    "onsite": ["红色教育基地", "警示教育基地", "设施农业培训基地", "林果业培训基地",
               "畜牧业培训基地", "党员示范户种植基地", "县电子商务产业园"],
    "mobile": ["村党员活动室", "村文化广场", "社区党群服务中心", "老干部活动中心", "田间地头"],
}
TIMES = ["09:00-12:00", "08:30-17:30", "09:00-13:00", "14:00-16:00", "09:00-11:00",
         "14:30-16:30", "14:00-17:00", "09:30-12:30", "14:30-17:30", "08:30-12:30",
         "15:00-16:30", "09:00-10:30"]
HOURS = [(1, 8), (1.5, 8), (2, 24), (3, 20), (4, 12), (6, 5), (8, 5), (16, 3), (24, 2),
         (0.5, 2), (2.5, 3), (32, 1)]
FORMS = [("concentrated", 35), ("remote", 20), ("onsite", 15), ("mobile", 15), ("selfstudy", 15)]

FALLBACK_RULES = '''\
[year]
start = "01-01"

[[requirement]]
id = "member-annual"
title = "党员年度集中学习培训"
min_hours = 32
forms = ["concentrated", "remote", "onsite", "mobile", "selfstudy"]

[[requirement]]
id = "leader-annual"
title = "基层党组织书记和班子成员年度集中学习培训"
roles = ["secretary", "committee"]
min_hours = 56
min_concentrated = 1
'''


def toml_string(text: str) -> str:
    """A TOML basic string; the vocabulary has no control characters."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_array(items: list[str]) -> str:
    return "[" + ", ".join(toml_string(item) for item in items) + "]"


def weighted(rng: random.Random, pairs):
    total = sum(weight for _, weight in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def format_hours(hours: float) -> str:
    return str(int(hours)) if hours == int(hours) else str(hours)


def session_months(season: list[str] | None) -> list[int]:
    if season == ["winter"]:
        return [1, 2, 11, 12]
    if season == ["spring"]:
        return [2, 3, 4, 5]
    if season:
        return [1, 2, 3, 4, 11, 12]
    return list(range(1, 13))


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.titles_seen: dict[str, int] = {}
        self.ids: dict[str, list[str]] = {}  # by category, in order written

    def title(self, topic: str, form: str) -> str:
        base = self.rng.choice(TITLE_SHAPES[form]).format(t=topic)
        count = self.titles_seen.get(base, 0) + 1
        self.titles_seen[base] = count
        return base if count == 1 else f"{base}（第{count}期）"

    def summary(self, category: str, topic: str, form: str) -> str:
        rng = self.rng
        lead = rng.choice(SUMMARY_LEADS)
        if lead == "以":
            head = f"以{topic}为主要内容"
        else:
            head = f"{lead}{topic}"
        goals = rng.sample(SUMMARY_GOALS[category], 2)
        text = f"{head}，{rng.choice(SUMMARY_MIDDLES[form])}，{goals[0]}，{goals[1]}。"
        if rng.random() < 0.05:
            # An ASCII-quoted phrase, as some curators type it: exercises escapes.
            text += '课程材料中的"学习要点"可在站点复制。'
        return text

    def description(self, subtopics: str) -> list[str]:
        rng = self.rng
        n = rng.randint(2, 5)
        lines = [rng.choice(INTRO_LINES).format(n=LECTURE_NUMBERS[n - 1])]
        for index, sub in enumerate(rng.sample(SUBTOPICS[subtopics], n)):
            end = "。" if index == n - 1 else "；"
            lines.append(f"第{LECTURE_NUMBERS[index]}讲：{sub}{rng.choice(LECTURE_NOTES)}{end}")
        lines.extend(rng.sample(ARRANGEMENTS, rng.randint(2, 6)))
        return lines

    def course(self, category: str, prefix: str, number: int, explicit_category: bool) -> str:
        rng = self.rng
        topic, slug, topic_keywords, pinyin = rng.choice(TOPICS[category])
        form = weighted(rng, FORMS)
        course_id = f"{prefix}-{slug}-{number:05d}"
        out = ["[[course]]", f"id = {toml_string(course_id)}",
               f"title = {toml_string(self.title(topic, form))}"]
        if explicit_category:
            out.append(f"category = {toml_string(category)}")
        hours = weighted(rng, HOURS)
        if form == "concentrated" and hours < 2:
            hours = 2
        line = f"hours = {format_hours(hours)}"
        if rng.random() < 0.04:
            line += "  # 含交流讨论时间"
        out.append(line)
        kind = "required" if rng.random() < 0.3 else "elective"
        out.append(f"kind = {toml_string(KIND_LABELS[kind] if rng.random() < 0.1 else kind)}")
        out.append(f"form = {toml_string(FORM_LABELS[form] if rng.random() < 0.1 else form)}")
        out.append(f"summary = {toml_string(self.summary(category, topic, form))}")
        if rng.random() < 0.95:
            body = "\n".join(self.description("livestock" if slug in LIVESTOCK else category))
            if rng.random() < 0.15:
                out.append(f"description = '''\n{body}\n'''")
            else:
                out.append(f'description = """\n{body}\n"""')
        if rng.random() < 0.8:
            out.append(f"instructor = {toml_string(rng.choice(INSTRUCTORS[category]))}")
        if rng.random() < 0.6:
            out.append(f"provider = {toml_string(rng.choice(PROVIDERS))}")
        if category == "farming":
            audience = ["rural"] if rng.random() < 0.85 else []
        elif rng.random() < 0.45:
            audience = sorted(rng.sample(DOMAINS, rng.randint(1, 3)), key=DOMAINS.index)
        else:
            audience = []
        if audience:
            out.append(f"audience = {toml_array(audience)}")
        roll = rng.random()
        if roll < 0.12:
            roles = ["secretary", "committee"]
        elif roll < 0.16:
            roles = ["secretary"]
        elif roll < 0.2:
            roles = ["member"]
        else:
            roles = []
        if roles:
            if rng.random() < 0.15:
                roles = [ROLE_LABELS[role] for role in roles]
            out.append(f"roles = {toml_array(roles)}")
        keywords = list(topic_keywords)
        extra = [word for word in rng.sample(CATEGORY_KEYWORDS[category], 3) if word not in keywords]
        keywords.extend(extra[: rng.randint(1, 3)])
        out.append(f"keywords = {toml_array(keywords)}")
        if pinyin and rng.random() < 0.5:
            out.append(f"pinyin = {toml_string(pinyin)}")
        season: list[str] = []
        if category == "farming" and rng.random() < 0.6:
            season = [rng.choice(["winter", "spring", "winter"])]
        elif rng.random() < 0.1:
            season = ["spring", "winter"]
        if season:
            written = [SEASON_LABELS[s] for s in season] if rng.random() < 0.1 else season
            out.append(f"season = {toml_array(written)}")
        earlier = self.ids.setdefault(category, [])
        if earlier and rng.random() < 0.15:
            # Only courses already written: prerequisites always exist and never form a cycle.
            window = earlier[-200:]
            prerequisites = rng.sample(window, min(len(window), rng.randint(1, 2)))
            out.append(f"prerequisites = {toml_array(prerequisites)}")
        if form != "selfstudy" and rng.random() < 0.75:
            months = session_months(season or None)
            dates = set()
            for _ in range(rng.randint(1, 4)):
                month = rng.choice(months)
                day = rng.randint(1, calendar.monthrange(YEAR, month)[1])
                dates.add((month, day))
            # At most 8 hours a day (the checker warns past that, W005): a longer course's
            # sessions run over several days, ending within the year. Draws nothing more
            # from the generator, so the rest of the catalog stays as it was.
            days = int(-(-hours // 8))
            for month, day in sorted(dates):
                first = datetime.date(YEAR, month, day)
                last = first + datetime.timedelta(days=days - 1)
                if last.year > YEAR:
                    last = datetime.date(YEAR, 12, 31)
                    first = last - datetime.timedelta(days=days - 1)
                out.append("")
                out.append("[[course.session]]")
                out.append(f"date = {first.isoformat()}")
                if days > 1:
                    out.append(f"end_date = {last.isoformat()}")
                if rng.random() < 0.9:
                    out.append(f"time = {toml_string(rng.choice(TIMES))}")
                out.append(f"place = {toml_string(rng.choice(PLACES[form]))}")
                if rng.random() < 0.7:
                    out.append(f"capacity = {rng.randrange(20, 210, 10)}")
        earlier.append(course_id)
        return "\n".join(out) + "\n"


def catalog_toml(categories) -> str:
    out = ["# 党员教育培训课程目录（基准测试用生成目录，内容由词表组合而成）", "",
           "[catalog]", 'title = "党员教育培训课程目录（基准测试）"', 'issuer = "某县委组织部"',
           f"year = {YEAR}"]
    for order, (cat_id, title, summary, _) in enumerate(categories, start=1):
        out += ["", "[[category]]", f"id = {toml_string(cat_id)}", f"title = {toml_string(title)}",
                f"summary = {toml_string(summary)}", f"order = {order}"]
    return "\n".join(out) + "\n"


def generate(courses: int, out_dir: str, seed: int, rules_source: str | None) -> int:
    gen = Generator(seed)
    courses_dir = os.path.join(out_dir, "courses")
    if os.path.isdir(courses_dir):
        shutil.rmtree(courses_dir)
    os.makedirs(courses_dir)
    file_count = max(1, min(FILE_COUNT, courses))
    # Files by category, round robin, so each category has several files.
    file_categories = [CATEGORIES[index % len(CATEGORIES)] for index in range(file_count)]
    # A category without courses draws a warning: list only those used (all, unless tiny).
    used = [category for category in CATEGORIES if category in file_categories]
    with open(os.path.join(out_dir, "catalog.toml"), "w", encoding="utf-8") as file:
        file.write(catalog_toml(used))
    rules_path = os.path.join(out_dir, "rules.toml")
    if rules_source and os.path.isfile(rules_source):
        shutil.copyfile(rules_source, rules_path)
    else:
        with open(rules_path, "w", encoding="utf-8") as file:
            file.write(FALLBACK_RULES)

    per_file = [courses // file_count + (1 if index < courses % file_count else 0)
                for index in range(file_count)]
    category_file_numbers: dict[str, int] = {}
    number = 0
    for (cat_id, title, _, prefix), count in zip(file_categories, per_file):
        file_number = category_file_numbers.get(cat_id, 0) + 1
        category_file_numbers[cat_id] = file_number
        parts = [f"# {title}（第{file_number}部分）：基准测试生成课程，共{count}门。",
                 f"category = {toml_string(cat_id)}", ""]
        for _ in range(count):
            number += 1
            parts.append(gen.course(cat_id, prefix, number, gen.rng.random() < 0.3))
        name = f"{cat_id}-{file_number:02d}.toml"
        with open(os.path.join(courses_dir, name), "w", encoding="utf-8", newline="\n") as file:
            file.write("\n".join(parts))
    total = 0
    for root, _, files in os.walk(out_dir):
        for name in files:
            if name.endswith(".toml"):
                total += os.path.getsize(os.path.join(root, name))
    return total


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--courses", type=int, default=10_000, help="number of courses")
    parser.add_argument("--out", default=os.path.join(here, "..", "out", "catalog-10k"),
                        help="catalog directory to write (its courses/ is replaced)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    parser.add_argument("--rules", default=os.path.join(here, "..", "..", "data", "rules.toml"),
                        help="rules.toml to copy (a small valid one is written if missing)")
    args = parser.parse_args()
    if args.courses < 1:
        parser.error("--courses must be at least 1")
    total = generate(args.courses, args.out, args.seed, args.rules)
    print(f"{args.out}: {args.courses} courses, {total} bytes ({total / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

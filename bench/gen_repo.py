#!/usr/bin/env python3
"""Generates a disclosure repository for the cross-notice benchmark, deterministically.

Writes into OUT (default build-bench/repo, ignored by git):
  notices/NNNNN.txt  N notices (default 20000), each of its own issuer (a county and an
                     office, all distinct), with 8 to 12 problem items whose measures are
                     drawn clause by clause with their own figures (so two notices share
                     no passage by chance), the shared formulas of the genre (intro,
                     supervision sentence, and in a third of the notices a standard
                     sentence inside a measure, which must stay silent), and
  planted.tsv        the planted copies: copier file, its line, source file, source line,
                     passage length in characters, and whether the passage names the
                     source's unit (1) or not (0), as its text says.
Usage: bench/gen_repo.py [--files N] [--copies K] [--out DIR] [--seed S]
"""
import argparse
import os
import random

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYL = ("青 石 桃 柳 金 银 龙 凤 云 松 梅 兰 竹 菊 江 河 湖 海 山 川 东 西 南 北 安 平 长 宁 丰 泰 "
       "华 兴 新 永 广 德 清 明 和 顺 富 昌 文 武 阳 溪 峰 岭 源 林").split()
OFFICES = ("交通运输局 水利局 教育局 卫生健康局 民政局 财政局 人力资源和社会保障局 自然资源局 "
           "生态环境局 住房和城乡建设局 农业农村局 商务局 文化旅游局 应急管理局 审计局 统计局 "
           "市场监督管理局 医疗保障局 林业局 乡村振兴局 退役军人事务局 司法局 科学技术局 "
           "工业和信息化局 发展和改革局 城市管理局 供销合作社 档案馆 图书馆 融媒体中心").split()
PROBLEMS = ("专项资金管理不规范 工程项目招标程序执行不严 公务用车管理不严 固定资产账实不符 "
            "制度执行不到位 意识形态责任制落实不力 基层党组织建设薄弱 干部队伍建设滞后 "
            "落实中央八项规定精神不严格 内控机制不健全 合同管理不规范 档案管理混乱 "
            "信访办理不及时 安全生产监管不到位 政务公开不及时 民生项目推进缓慢").split()
VERBS = "清理 核查 复核 排查 梳理 规范 修订 完善 建立 健全 督办 约谈 通报 培训 检查 审计".split()
OBJECTS = ("资金拨付记录 合同台账 招标文件 车辆使用记录 资产卡片 会议纪要 审批流程 内控制度 "
           "工作台账 档案资料 项目清单 问题清单 责任清单 整改方案 督查报告 培训计划").split()
RESULTS = ("发现问题{n}个并全部整改到位 追回资金{n}万元 修订制度{n}项 约谈提醒{n}人次 "
           "完成整改{n}项 下发督办通知{n}份 开展专题培训{n}场 清退款项{n}笔").split()
FORMULA = ("坚持把巡察整改作为重要政治任务，以整改实效检验学习成效，做到问题不查清不放过、"
           "整改不到位不放过、群众不满意不放过，切实把巡察成果转化为推动高质量发展的强大动力")


def units(n, rng):
    """n distinct issuers: a two-syllable county and an office."""
    names = set()
    out = []
    while len(out) < n:
        u = rng.choice(SYL) + rng.choice(SYL) + "县" + rng.choice(OFFICES)
        if u not in names:
            names.add(u)
            out.append(u)
    return out


def clause(rng):
    return (rng.choice(["对", "围绕", "针对", "结合"]) + rng.choice(OBJECTS) + "逐项" +
            rng.choice(VERBS) + "，" + rng.choice(RESULTS).format(n=rng.randint(2, 999)))


def measure(unit, rng):
    """A measure of 4 to 6 clauses, opening with the unit's name."""
    return unit + "在" + str(rng.randint(1, 12)) + "月" + "，".join(
        clause(rng) for _ in range(rng.randint(4, 6))) + "。"


def notice(unit, items, rng):
    lines = ["中共%s党组关于县委第%s巡察组巡察反馈意见整改进展情况的通报" % (unit, "一二三四五"[rng.randint(0, 4)]),
             "",
             "根据县委统一部署，2025年4月至5月，县委巡察组对%s党组开展了常规巡察，2025年6月反馈了巡察意见。"
             "按照巡察工作有关要求，现将巡察整改进展情况予以公布。" % unit,
             "",
             "一、巡察反馈问题整改落实情况"]
    for k, (problem, text) in enumerate(items, 1):
        lines.append("%d.关于%s的问题" % (k, problem))
        lines.append("整改情况：" + text)
    lines += ["", "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
              "联系电话：0736-%07d。" % rng.randint(2000000, 8999999),
              "", "中共%s党组" % unit, "2025年9月%d日" % rng.randint(1, 30), ""]
    return lines


def kept_len(s):
    """Characters the linter compares: Han, letters and digits."""
    return sum(1 for c in s if c.isalnum())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--out", default=os.path.join(SRC, "build-bench", "repo"))
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    us = units(a.files, rng)
    docs = []
    for u in us:
        items = [(rng.choice(PROBLEMS), measure(u, rng)) for _ in range(rng.randint(8, 12))]
        if rng.random() < 0.33:
            k = rng.randrange(len(items))
            items[k] = (items[k][0], FORMULA + "。" + items[k][1])
        docs.append(items)
    planted = []
    copiers = rng.sample(range(a.files), a.copies)
    for c in copiers:
        s = rng.randrange(a.files)
        while s == c or s in copiers:
            s = rng.randrange(a.files)
        names = len(planted) % 2 == 1
        si = rng.randrange(len(docs[s]))
        src = docs[s][si][1]
        length = rng.randint(50, 150)
        # A run from the start of the source measure (which names its unit) or from past it.
        start = 0 if names else len(us[s]) + 3
        take, n = "", 0
        for ch in src[start:]:
            take += ch
            n += ch.isalnum()
            if n >= length:
                break
        ci = rng.randrange(len(docs[c]))
        problem, text = docs[c][ci]
        docs[c][ci] = (problem, "另外，" + take + "。" + text)
        # Whether the passage names the source's unit: a run from past the name can still
        # reach it when the source measure opens with the standard sentence.
        planted.append((c, 6 + 2 * ci + 1, s, 6 + 2 * si + 1, kept_len(take), int(us[s] in take)))
    os.makedirs(os.path.join(a.out, "notices"), exist_ok=True)
    for i, u in enumerate(us):
        with open(os.path.join(a.out, "notices", "%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("\n".join(notice(u, docs[i], rng)))
    with open(os.path.join(a.out, "planted.tsv"), "w", encoding="utf-8") as f:
        for c, cl, s, sl, n, names in planted:
            f.write("notices/%05d.txt\t%d\tnotices/%05d.txt\t%d\t%d\t%d\n" % (c, cl, s, sl, n, names))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""bench/audit-corpus/make-corpus.py - (re)generate the labelled audit corpus.

    python3 bench/audit-corpus/make-corpus.py [--caijue build/caijue]
                                              [--extract TOOL] [--list]

For reference and for regeneration only: the case files it writes
(tests/audit/cases/NNN-name.{txt,md,html,docx} and NNN-name.expected) are
committed, and `make test` (tests/audit/run.sh) reads only those, so neither
Python nor this script is needed on CI.

Each case below starts from one of the bases (the seed report, or a report
that `caijue build` makes from a dataset), in one of two forms ("md": the
report.md as written; "txt": a plain-text copy, see corpus.py), applies a few
edits (the slips, and the hand-made changes of phrasing), renders it as
txt/md/html/docx and writes its labels.  A label names the line by a marker
(a piece of text that is on exactly one line of the final text, or
(text, k) for the k-th line holding it); 0 means the whole document.  The
script fails when a marker is missing or ambiguous, so a regenerated report
whose wording moved cannot silently shift a label.

THE COMMITTED CASES were made with the report builder of commit 95dab21:
    git archive 95dab21 | tar -x -C /tmp/head && make -C /tmp/head build/caijue
    python3 bench/audit-corpus/make-corpus.py --caijue /tmp/head/build/caijue
reproduces them byte for byte.  A later builder writes other text; regenerating
with it rewrites the clean cases and every derived case from the new report.md
(and a marker that became ambiguous stops the script).  Check every case that
changes, and the conventions in docs/audit-corpus.md, before committing.  The
corpus does not have to follow the report: it is a fixed set of texts.

--extract TOOL: a program that prints the extracted text of a file as
"N<TAB>line" lines (e.g. a 20-line C program calling cj_text_extract_file);
every html/docx case is then checked to extract to exactly the lines of its
txt form.  --list writes nothing and prints the case list as a Markdown table
(for docs/audit-corpus.md).
"""
import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CASES_DIR = os.path.join(ROOT, "tests", "audit", "cases")
SEED = "/work/shared/seed/000_cb2816d65bca7137.txt"
SEED_COPY = os.path.join(CASES_DIR, "001-seed-2020.txt")

DATASETS = {
    "lizhou": "examples/lizhou-2020.yaml",
    "zys": "tests/audit/datasets/zys-2022.yaml",
    "hjjc": "tests/audit/datasets/hjjc-2020-yuan.yaml",
    "zrzy": "tests/audit/datasets/zrzy-2021-fund.yaml",
    "xczx": "tests/audit/datasets/xczx-2021.yaml",
}

U = "（单位：万元）"


def case(name, base, form, fmt, edits, labels, what):
    return dict(name=name, base=base, form=form, fmt=fmt, edits=edits, labels=labels, what=what)


CASES = [
    # ------------------------------------------------------------ the seed
    case("001-seed-2020", "seed", "txt", "txt", [], [
        ("AUD-SUM-ROUNDING", "2020年本年支出合计797.10万元，其中：基本支出522.26万元"),
        ("AUD-SECTION-GAP", "四、财政拨款收入支出决算总体情况说明"),
        ("AUD-CHANGE-RATE", "财政拨款收入增加514.27万元"),
        ("AUD-REASON-SUM", "财政拨款收入增加514.27万元"),
        ("AUD-SHARE", "占5.19%"),
        ("AUD-SHARE-SUM", "占5.19%"),
        ("AUD-MISLABELED-PCT", "公务用车购置及运行维护费支出决算2.07万元，占34.5%"),
        ("AUD-MISLABELED-PCT", "公务用车购置及运行维护费支出决算2.07万元，占34.5%"),
        ("AUD-SECTION-GAP", "十、其他重要事项的情况说明"),
        ("AUD-COMPLETION", "完成预算的99.73%"),
        ("AUD-SAME-QTY", "开展保密法宣传3次"),
        ("AUD-SECTION-GAP", "2.部门开展绩效评价结果。"),
        ("AUD-OUTDATED-NAME", "医疗卫生和计划生育支出（210）"),
    ], "the real 2020 report (seed) as published; 13 labels, see section 3"),

    # ------------------------------------------------------------ clean reports
    case("002-clean-lizhou-2020", "lizhou", "md", "md", [], [],
         "clean: report.md built from examples/lizhou-2020.yaml"),
    case("003-clean-zys-2022", "zys", "md", "md", [], [],
         "clean: report.md of zys-2022 (2022 names)"),
    case("004-clean-hjjc-2020-yuan", "hjjc", "md", "md", [], [],
         "clean: report.md of hjjc-2020-yuan (dataset in 元, 事业收入, a car bought with no purchase cost last year)"),
    case("005-clean-zrzy-2021-fund", "zrzy", "md", "md", [], [],
         "clean: report.md of zrzy-2021-fund (政府性基金 income and spending, totals above 1亿元)"),
    case("006-clean-xczx-2021", "xczx", "md", "md", [], [],
         "clean: report.md of xczx-2021 (income and spending fall, “上年无此项支出”)"),
    case("007-clean-zys-2022", "zys", "txt", "txt", [], [],
         "clean: plain-text copy of 003 (table rows as TAB-separated cells)"),
    case("008-clean-zrzy-2021-fund", "zrzy", "txt", "html", [], [],
         "clean: HTML copy of 005 (headings, paragraphs, tables)"),
    case("009-clean-xczx-2021", "xczx", "txt", "docx", [], [],
         "clean: DOCX copy of 006"),

    # ------------------------------------------------------------ suspicious but correct
    case("010-ok-rounding-lizhou", "lizhou", "txt", "txt", [
        ("sub", "占89.27%", "占89.3%"), ("sub", "占5.09%", "占5.1%"), ("sub", "占1.55%", "占1.6%"),
        ("sub", "占0.65%", "占0.7%"), ("sub", "占3.44%", "占3.4%"),
        ("sub", "增长87.31%", "增长87.3%", 2),
        ("sub", "占70.89%", "占70.9%"), ("sub", "占29.11%", "占29.1%"),
        ("sub", "公务用车购置及运行维护费支出2.07万元，完成预算34.50%", "公务用车购置及运行维护费支出2.07万元，完成预算34.5%"),
        ("sub", "增长608.33%", "增长608.3%"),
        ("sub", "（2）公务车运行维护项目绩效目标完成情况综述。项目全年预算数6.00万元，执行数为2.07万元，完成预算的34.50%",
         "（2）公务车运行维护项目绩效目标完成情况综述。项目全年预算数6万元，执行数为2.07万元，完成预算的34.5%"),
        ("sub", "支出决算为137.60万元", "支出决算为137.6万元"),
    ], [], "correct: shares at one decimal (the 类 structure sums to 100.1%, inside the rounding envelope), 87.3%, 608.3%, 34.5%, “6万元”, “137.6万元”"),
    case("011-ok-hundred-flat-zys", "zys", "md", "md", [
        ("sub", "占本年支出合计的100.00%", "占本年支出合计的100%"),
        ("sub", "占政府采购支出总额的100.00%", "占政府采购支出总额的100%"),
        ("sub", "编发《利州决策参考》12期。", "编发《利州决策参考》12期，与上年持平。"),
        ("sub", "因公出国（境）经费支出决算与2021年持平。", "因公出国（境）经费支出与上年持平。"),
    ], [], "correct: “占100%” as an integer, two “与上年持平”"),
    case("012-ok-other-total-zys", "zys", "txt", "txt", [
        ("sub", "对附属单位补助支出0.00万元，占0.00%。", "对附属单位补助支出0.00万元，占0.00%。项目支出占本年收入合计的28.63%。"),
        ("sub", "2022年一般公共预算财政拨款支出581.50万元，占本年支出合计的100.00%",
         "2022年一般公共预算财政拨款支出581.50万元，占收入总计的94.66%"),
        ("sub", "占政府采购支出总额的60.78%", "占中小企业合同金额的60.78%"),
        ("sub", "完成预算的97.87%。通过项目实施", "完成年初预算的97.87%。通过项目实施"),
    ], [], "correct: shares of another total named explicitly (占本年收入合计的, 占收入总计的, 占中小企业合同金额的), “完成年初预算的”"),
    case("013-ok-fullwidth-lizhou", "lizhou", "txt", "txt", [
        ("fw", ("2020年本年支出合计797.10万元，其中", 1)),
        ("fw", "2.公务用车购置及运行维护费支出2.07万元"),
        ("sep", "2020年度收入总计1104.25万元"), ("sep", ("2020年本年收入合计1104.25万元", 1)),
        ("sep", "2020年财政拨款收入1104.25万元"),
    ], [], "correct: full-width digits, ．and ％ (２０２０…６５．５２％), thousands separators (1,104.25)"),
    case("014-ok-zero-base-xczx", "xczx", "txt", "html", [
        ("sub", "增加0.96万元，上年无此项支出。", "增加0.96万元，上年为零，不计算增长率。"),
    ], [], "correct (HTML): zero base written as “上年为零，不计算增长率”"),
    case("015-ok-unit-header-zys", "zys", "txt", "txt", [
        ("unitless", "2022年本年支出合计581.50万元。", U),
        ("unitless", "2022年本年收入合计590.00万元，其中", U),
        ("unitless", "2022年本年支出合计581.50万元，其中", U),
    ], [], "correct: three paragraphs start with “（单位：万元）” and write no 万元 after the figures"),
    case("016-ok-yuan-yi-zrzy", "zrzy", "txt", "txt", [
        ("yuan",),
        ("sub", "2021年度收入总计123,443,000.00元，支出总计123,443,000.00元",
         "2021年度收入总计1.23亿元，支出总计1.23亿元"),
    ], [], "correct: every amount converted to 元 (123,443,000.00元), 收入总计 written as “1.23亿元”"),

    # ------------------------------------------------------------ AUD-SHARE / AUD-SHARE-SUM
    case("020-share-struct-zys", "zys", "md", "md", [
        ("sub", "社会保障和就业支出22.80万元，占3.92%", "社会保障和就业支出22.80万元，占3.29%"),
    ], [("AUD-SHARE", "占3.29%"), ("AUD-SHARE-SUM", "占3.29%")],
        "a 类 share transposed (3.92%→3.29%): the share is wrong and the structure sums to 99.37%"),
    case("021-share-single-zys", "zys", "txt", "txt", [
        ("sub", "占政府采购支出总额的60.78%", "占政府采购支出总额的67.80%"),
    ], [("AUD-SHARE", "占政府采购支出总额的67.80%")],
        "小微企业 share of 政府采购支出总额 wrong (60.78%→67.80%); the “其中” list has one part, so no sum check"),
    case("022-share-single-hjjc", "hjjc", "txt", "html", [
        ("sub", "占本年支出合计的100.00%", "占本年支出合计的98.00%"),
    ], [("AUD-SHARE", "占本年支出合计的98.00%")],
        "(HTML) 一般公共预算财政拨款支出 占本年支出合计 100% written 98.00%"),
    case("023-share-lizhou", "lizhou", "txt", "docx", [
        ("sub", "社会保障和就业支出40.57万元，占5.09%", "社会保障和就业支出40.57万元，占5.90%"),
    ], [("AUD-SHARE", "占5.90%"), ("AUD-SHARE-SUM", "占5.90%")],
        "(DOCX) 类 share 5.09%→5.90%, the structure sums to 100.81%"),

    # ------------------------------------------------------------ AUD-CHANGE-RATE
    case("030-change-rate-zys", "zys", "md", "md", [
        ("sub", "本年支出合计增加45.30万元，增长8.45%", "本年支出合计增加45.30万元，增长8.54%"),
    ], [("AUD-CHANGE-RATE", "增长8.54%")], "本年支出合计 growth rate transposed (8.45%→8.54%)"),
    case("031-change-amount-zys", "zys", "txt", "docx", [
        ("sub", "本年支出合计增加45.30万元", "本年支出合计增加43.50万元"),
    ], [("AUD-CHANGE-RATE", "本年支出合计增加43.50万元"), ("AUD-REASON-SUM", "本年支出合计增加43.50万元")],
        "(DOCX) 本年支出合计 change amount wrong (45.30→43.50): disagrees with the rate and with the two reasons (45.30)"),
    case("032-change-rate-hjjc", "hjjc", "txt", "txt", [
        ("sub", "与2019年相比，本年支出合计增加28.47万元，增长9.62%", "本年支出合计比上年增加28.47万元，同比增长6.92%"),
        ("sub", "公务接待费支出决算比2019年减少0.05万元，下降5.49%", "公务接待费支出决算同比减少0.05万元，同比下降5.49%"),
    ], [("AUD-CHANGE-RATE", "同比增长6.92%")], "phrasing “比上年增加”, “同比增长/下降”; 本年支出合计 rate 9.62%→6.92%"),

    # ------------------------------------------------------------ AUD-COMPLETION
    case("040-completion-zys", "zys", "md", "md", [
        ("sub", "完成预算的96.00%。通过项目实施", "完成预算的90.60%。通过项目实施"),
    ], [("AUD-COMPLETION", "完成预算的90.60%")], "project 综述 completion wrong (96.00%→90.60%), budget and execution in the same sentence"),
    case("041-completion-lizhou", "lizhou", "txt", "txt", [
        ("sub", "支出决算为137.60万元，完成预算67.12%", "调整预算为205.00万元，支出决算为137.60万元，完成调整预算的76.12%"),
    ], [("AUD-COMPLETION", "完成调整预算的76.12%")], "a 项 line given its budget (调整预算为205.00万元) and a wrong rate (67.12%→76.12%)"),
    case("042-completion-xczx", "xczx", "txt", "html", [
        ("sub", "执行数为2036.40万元，完成预算的96.97%。通过项目实施", "执行数为2036.40万元，完成预算的96.79%。通过项目实施"),
    ], [("AUD-COMPLETION", "完成预算的96.79%")], "(HTML) project completion 96.97%→96.79%"),

    # ------------------------------------------------------------ AUD-SUM
    case("050-sum-procurement-zys", "zys", "md", "md", [
        ("sub", "政府采购服务支出12.00万元", "政府采购服务支出21.00万元"),
    ], [("AUD-SUM", "政府采购服务支出21.00万元")], "政府采购: 货物+工程+服务 = 39.60 ≠ 总额 30.60 (服务 12.00→21.00)"),
    case("051-sum-reception-count-zys", "zys", "txt", "html", [
        ("sub", "接待上级调研12批次", "接待上级调研13批次"),
    ], [("AUD-SUM", "接待上级调研13批次")], "(HTML) 国内公务接待 18批次, the “具体内容包括” items add up to 19"),
    case("052-sum-basic-hjjc", "hjjc", "txt", "txt", [
        ("sub", "基本支出246.54万元，其中：", "基本支出264.54万元，其中："),
    ], [("AUD-SUM", "基本支出264.54万元，其中：")], "基本支出 total wrong (246.54→264.54); its parts 人员经费 + 公用经费 are on the next two lines"),

    # ------------------------------------------------------------ AUD-SUM-ROUNDING
    case("060-rounding-procurement-zys", "zys", "md", "md", [
        ("sub", "政府采购服务支出12.00万元", "政府采购服务支出12.01万元"),
    ], [("AUD-SUM-ROUNDING", "政府采购服务支出12.01万元")], "政府采购 parts add up to 30.61, total 30.60: off by 0.01, inside the envelope (info)"),
    case("061-rounding-reception-xczx", "xczx", "txt", "docx", [
        ("sub", "接待兄弟县区考察3批次、0.34万元", "接待兄弟县区考察3批次、0.35万元"),
    ], [("AUD-SUM-ROUNDING", "接待兄弟县区考察3批次、0.35万元")], "(DOCX) 国内公务接待 items add up to 0.97, total 0.96 (info)"),

    # ------------------------------------------------------------ AUD-SAME-QTY
    case("070-same-count-zys", "zys", "md", "md", [
        ("sub", "不少于6篇 | 完成专题调研报告8篇", "不少于6篇 | 完成专题调研报告9篇"),
    ], [("AUD-SAME-QTY", "完成专题调研报告9篇")], "专题调研报告: 8篇 in the target table and in 重点工作, 9篇 in the indicator table (the minority)"),
    case("071-same-count-zys", "zys", "txt", "txt", [
        ("sub", "编发《利州决策参考》\t12期\t12期", "编发《利州决策参考》\t12期\t15期"),
    ], [("AUD-SAME-QTY", "编发《利州决策参考》\t12期\t15期")],
        "《利州决策参考》: indicator table actual 15期, project target and 重点工作 12期 (the expected value “12期” is a target, not counted)"),
    case("072-same-amount-zys", "zys", "txt", "html", [
        ("sub", "全年支出36.48万元", "全年支出34.68万元"),
    ], [("AUD-SAME-QTY", "全年支出34.68万元")], "(HTML) evaluation report “全年支出34.68万元”, the project's execution is 36.48 in five other places"),

    # ------------------------------------------------------------ AUD-MISLABELED-PCT
    case("080-mislabeled-completion-zys", "zys", "md", "md", [
        ("sub", "公务用车购置及运行维护费支出决算3.80万元，占73.64%", "公务用车购置及运行维护费支出决算3.80万元，占95.00%"),
    ], [("AUD-MISLABELED-PCT", "占95.00%")], "三公 structure: the vehicle share written as its completion rate (95.00%, stated in the same section)"),
    case("081-mislabeled-total-zys", "zys", "txt", "txt", [
        ("sub", "项目支出168.92万元，占29.05%", "项目支出168.92万元，占27.50%"),
    ], [("AUD-MISLABELED-PCT", "占27.50%")], "项目支出 share computed on 支出总计 614.30 (27.50%) instead of 本年支出合计 581.50 (29.05%)"),
    case("082-mislabeled-lastyear-lizhou", "lizhou", "md", "md", [
        ("subn", "基本支出522.26万元，占65.52%", "基本支出522.26万元，占90.03%", 1),
    ], [("AUD-MISLABELED-PCT", "占90.03%")], "基本支出 share computed on last year's 本年支出合计 580.07 (90.03%)"),

    # ------------------------------------------------------------ AUD-REASON-SUM
    case("090-reason-sum-zys", "zys", "md", "md", [
        ("sub", "培训费减少2.17万元", "培训费减少2.71万元"),
    ], [("AUD-REASON-SUM", "培训费减少2.71万元")], "机关运行经费 fell 4.27万元, the two reasons add up to 2.10 + 2.71 = 4.81"),
    case("091-reason-sum-yuan-hjjc", "hjjc", "txt", "txt", [
        ("yuan",),
        ("sub", "电费增加8,900.00元", "电费增加9,800.00元"),
    ], [("AUD-REASON-SUM", "电费增加9,800.00元")], "whole text in 元; 机关运行经费 rose 14,200.00元, the reasons add up to 15,100.00元"),

    # ------------------------------------------------------------ AUD-ZERO-BASE
    case("100-zero-base-xczx", "xczx", "md", "md", [
        ("sub", "增加0.96万元，上年无此项支出。", "增加0.96万元，增长100.00%。"),
    ], [("AUD-ZERO-BASE", "增加0.96万元，增长100.00%")], "公务接待费 was zero last year (0.96 − 0.96) but a rate “增长100.00%” is written"),
    case("101-zero-base-hjjc", "hjjc", "txt", "html", [
        ("sub", "其中：公务用车购置支出18.50万元。", "其中：公务用车购置支出18.50万元，上年为0万元，增长100%。"),
    ], [("AUD-ZERO-BASE", "上年为0万元，增长100%")], "(HTML) 公务用车购置费 “上年为0万元，增长100%”"),

    # ------------------------------------------------------------ AUD-PCT-SIGN
    case("110-pct-sign-zys", "zys", "md", "md", [
        ("line", "该项目全年预算数38.00万元", "该项目全年预算数38.00万元，执行数为36.48万元，完成预算的96.00。"),
    ], [("AUD-PCT-SIGN", "该项目全年预算数38.00万元")], "“完成预算的96.00” without %"),
    case("111-pct-sign-lizhou", "lizhou", "txt", "txt", [
        ("subn", "基本支出522.26万元，占65.52%", "基本支出522.26万元，占65.52", 1),
    ], [("AUD-PCT-SIGN", ("基本支出522.26万元，占65.52；", 1))], "“占65.52” without % (read as a percentage, the share itself is right)"),

    # ------------------------------------------------------------ AUD-OUTDATED-NAME
    case("120-outdated-kuan-zys", "zys", "md", "md", [
        ("sub", "社会保障和就业支出（类）行政事业单位养老支出（款）", "社会保障和就业支出（类）行政事业单位离退休（款）"),
    ], [("AUD-OUTDATED-NAME", "行政事业单位离退休（款）")], "a 2022 report uses the old name of 20805 (行政事业单位离退休)"),
    case("121-outdated-fupin-xczx", "xczx", "txt", "docx", [
        ("sub", "农林水支出（类）巩固脱贫衔接乡村振兴（款）生产发展（项）", "农林水支出（类）扶贫（款）生产发展（项）"),
    ], [("AUD-OUTDATED-NAME", "扶贫（款）生产发展（项）")], "(DOCX) a 2021 report uses the old name of 21305 (扶贫)"),
    case("122-outdated-class-lizhou", "lizhou", "txt", "txt", [
        ("sub", "卫生健康支出（210）行政事业单位医疗（11）", "医疗卫生与计划生育支出（210）行政事业单位医疗（11）"),
    ], [("AUD-OUTDATED-NAME", "医疗卫生与计划生育支出（210）")], "glossary uses the pre-2019 name of 210 (only the outdated name is reported, not also a code/name mismatch)"),

    # ------------------------------------------------------------ AUD-CODE-NAME
    case("130-code-name-zys", "zys", "md", "md", [
        ("sub", "行政事业单位医疗（11）行政单位医疗（01）", "行政事业单位医疗（11）事业单位医疗（01）"),
    ], [("AUD-CODE-NAME", "事业单位医疗（01）")], "glossary: 2101101 written as 事业单位医疗"),
    case("131-code-name-table-zrzy", "zrzy", "txt", "html", [
        ("subn", "2210201\t住房公积金", "2210201\t提租补贴", 2),
    ], [("AUD-CODE-NAME", "2210201\t提租补贴")], "(HTML) 公开05表 row 2210201 named 提租补贴 (the name of 2210202)"),

    # ------------------------------------------------------------ AUD-SECTION-GAP
    case("140-gap-subsection-zys", "zys", "md", "md", [
        ("sub", "### （二）“三公”经费财政拨款支出决算具体情况说明", "### （三）“三公”经费财政拨款支出决算具体情况说明"),
    ], [("AUD-SECTION-GAP", "（三）“三公”经费财政拨款支出决算具体情况说明")], "under 七、: （一） then （三）"),
    case("141-gap-unnumbered-lizhou", "lizhou", "txt", "txt", [
        ("line", "六、一般公共预算财政拨款基本支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明"),
    ], [("AUD-SECTION-GAP", "七、“三公”经费财政拨款支出决算情况说明")], "heading 六、 lost its number: 五、 then 七、"),
    case("142-gap-repeat-hjjc", "hjjc", "md", "md", [
        ("sub", "## 十、其他重要事项的情况说明", "## 九、其他重要事项的情况说明"),
    ], [("AUD-SECTION-GAP", "九、其他重要事项的情况说明")], "九、 repeated: the last section should be 十、"),

    # ------------------------------------------------------------ AUD-SECTION-MISSING
    case("150-missing-section-zys", "zys", "md", "md", [
        ("del", "## 九、国有资本经营预算财政拨款支出决算情况说明", "## 十、其他重要事项的情况说明"),
        ("sub", "## 十、其他重要事项的情况说明", "## 九、其他重要事项的情况说明"),
    ], [("AUD-SECTION-MISSING", 0)], "section 九 (国有资本经营预算) deleted and 十、 renumbered 九、: one section missing, numbering continuous"),
    case("151-missing-and-gap-hjjc", "hjjc", "txt", "txt", [
        ("del", "六、一般公共预算财政拨款基本支出决算情况说明", "七、“三公”经费财政拨款支出决算情况说明"),
    ], [("AUD-SECTION-MISSING", 0), ("AUD-SECTION-GAP", "七、“三公”经费财政拨款支出决算情况说明")],
        "section 六 (基本支出) deleted without renumbering: a section missing and 五、 then 七、"),

    # ------------------------------------------------------------ AUD-TABLE-MISSING
    case("160-missing-table06-zys", "zys", "md", "md", [
        ("del", "**公开06表", "**公开07表"),
    ], [("AUD-TABLE-MISSING", 0)], "公开06表 missing from the tables"),
    case("161-missing-table09-zrzy", "zrzy", "txt", "html", [
        ("del", "公开09表 国有资本经营预算财政拨款支出决算表", None),
    ], [("AUD-TABLE-MISSING", 0)], "(HTML) 公开09表 (the last table) missing"),

    # ------------------------------------------------------------ two slips, other forms
    case("170-two-slips-lizhou", "lizhou", "md", "md", [
        ("sub", "比2019年增加13.58万元，增长30.62%", "比2019年增加13.58万元，增长36.02%"),
        ("line", "开展保密法宣传3次，开展保密工作检查，开展高考巡考，保障国家秘密不泄露。",
         "开展保密法宣传2次，开展保密工作检查，开展高考巡考，保障国家秘密不泄露。"),
    ], [("AUD-CHANGE-RATE", "增长36.02%"), ("AUD-SAME-QTY", "开展保密法宣传2次")],
        "机关运行经费 rate 30.62%→36.02%; the evaluation report says 保密法宣传2次 (target and indicator tables: 3次)"),
    case("171-two-slips-zrzy", "zrzy", "md", "md", [
        ("sub", "政府性基金预算财政拨款收入8652.40万元，占77.68%", "政府性基金预算财政拨款收入8652.40万元，占76.68%"),
        ("sub", "社会保障和就业支出（208）行政事业单位养老支出（05）", "社会保障和就业支出（208）行政事业单位离退休（05）"),
    ], [("AUD-SHARE", "占76.68%"), ("AUD-SHARE-SUM", "占76.68%"), ("AUD-OUTDATED-NAME", "行政事业单位离退休（05）")],
        "income share 77.68%→76.68%; a 2021 glossary uses the old name of 20805"),
    case("172-fullwidth-slip-zys", "zys", "txt", "txt", [
        ("sub", "项目支出168.92万元，占29.05%", "项目支出168.92万元，占20.95%"),
        ("fw", "2022年本年支出合计581.50万元，其中"),
    ], [("AUD-SHARE", "其中：基本支出"), ("AUD-SHARE-SUM", "其中：基本支出")],
        "full-width spending structure with 项目支出 share 29.05%→２０．９５％"),
    case("174-unit-header-slip-zrzy", "zrzy", "txt", "txt", [
        ("unitless", "2021年本年收入合计11138.70万元，其中", U),
        ("sub", "2021年一般公共预算财政拨款支出2429.10万元，占本年支出合计的21.03%",
         "2021年一般公共预算财政拨款支出2429.10万元，占本年支出合计的21.30%"),
        ("unitless", "占本年支出合计的21.30%", U),
    ], [("AUD-SHARE", "占本年支出合计的21.30%")],
        "two paragraphs start with “（单位：万元）”; 一般公共预算支出 占本年支出合计 21.03%→21.30%"),
]


def base_doc(c, caijue, cache):
    if c["base"] == "seed":
        src = SEED if os.path.exists(SEED) else SEED_COPY
        with open(src, encoding="utf-8") as f:
            return corpus.raw_lines(f.read())
    key = c["base"]
    if key not in cache:
        cache[key] = corpus.build_report(caijue, DATASETS[key], ROOT)
    md = cache[key]
    return corpus.md_lines(md) if c["form"] == "md" else corpus.plain(md)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--caijue", default=os.path.join(ROOT, "build", "caijue"))
    ap.add_argument("--extract", default=None)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    os.makedirs(CASES_DIR, exist_ok=True)
    cache = {}
    bad = 0
    table = ["| case | base | expected (rule line) | what |", "| --- | --- | --- | --- |"]
    for c in CASES:
        lines = corpus.apply_edits(base_doc(c, args.caijue, cache), c["edits"], c["name"])
        labels = corpus.label_lines(lines, c["labels"], c["name"])
        labs = "<br>".join("%s %d" % (r.replace("AUD-", ""), n) for r, n in sorted(labels, key=lambda x: (x[1], x[0])))
        table.append("| %s.%s | %s | %s | %s |" % (c["name"], c["fmt"], c["base"], labs or "none", c["what"]))
        if args.list:
            continue
        path = corpus.write_case(CASES_DIR, c["name"], c["fmt"], lines, labels, c["name"])
        if c["base"] == "seed" and not c["edits"] and os.path.exists(SEED):
            shutil.copyfile(SEED, path)  # byte for byte (it ends without a newline)
        if args.extract and c["fmt"] in ("html", "docx"):
            diffs = corpus.check_extraction(args.extract, path, lines)
            if diffs:
                bad += 1
                print("%s: extracted text differs:\n  %s" % (path, "\n  ".join(diffs[:5])))
        print("%-40s %-5s %d labels" % (c["name"], c["fmt"], len(labels)))
    if args.list:
        print("\n".join(table))
        return 0
    print("%d cases" % len(CASES))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

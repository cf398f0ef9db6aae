/*
 * accounts.h - one budget unit's final accounts for one year, as data.
 *
 * This is the model every reader fills (YAML, XLSX, XLS) and every other
 * module reads (calc, rules, perf, report).  It holds what the unit states:
 * the leaves (each income source, each 项, each economic 款 ...) and, where
 * the unit stated them, its totals ("stated" figures).  Nothing here is
 * trusted: calc/ derives every total from the leaves and rules/ compares
 * each stated total with its derivation.
 *
 * The schema is data: schema.c describes every field once (key, type,
 * Chinese description, example) and the readers, the YAML writer and
 * docs/dataset.md are driven by that table.  A field added here must be
 * added there.
 *
 * Conventions:
 *  - every figure is a struct cj_fig: fen, the source line, and whether it
 *    was present at all (absent is not zero);
 *  - arrays indexed [CJ_CUR] / [CJ_PREV] hold this year and last year;
 *  - all strings are UTF-8, owned by the accounts, freed by
 *    cj_accounts_free().
 */
#ifndef CJ_ACCOUNTS_H
#define CJ_ACCOUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"

enum { CJ_CUR = 0, CJ_PREV = 1, CJ_NYEARS = 2 };

/* Where a value came from: a YAML line, or a workbook cell. */
struct cj_loc {
	unsigned line;  /* 1-based; 0 when unknown */
	char cell[24];  /* "收入!C5" for workbooks; empty for YAML */
};

/* An amount as stated in the input. */
struct cj_fig {
	int64_t fen;
	struct cj_loc loc;
	unsigned char set; /* 0: absent (not the same as zero) */
};

/* A count (persons, vehicles, batches ...). */
struct cj_count {
	int64_t n;
	struct cj_loc loc;
	unsigned char set;
};

/* A stated percentage (e.g. an execution rate typed by the unit), in bp. */
struct cj_rate {
	int64_t bp;    /* 5.09% = 509 */
	int scale;     /* decimals as written: "96.6" -> 1 */
	struct cj_loc loc;
	unsigned char set;
};

/* A piece of text; NULL when absent. */
struct cj_text {
	char *s;
	struct cj_loc loc;
};

/* A list of plain strings. */
struct cj_texts {
	struct cj_text *v;
	size_t n;
};

/* One reason for a change, with the amount it accounts for (optional). */
struct cj_reason {
	struct cj_text text;
	struct cj_fig amount;
	struct cj_loc loc;
};

struct cj_reasons {
	struct cj_reason *v;
	size_t n;
	struct cj_loc loc; /* of the list itself */
};

/* ------------------------------------------------------------ profile */

struct cj_headcount {
	struct cj_text kind;   /* 行政编制, 事业编制, 行政人员 ... */
	struct cj_count count;
	struct cj_loc loc;
};

struct cj_headcounts {
	struct cj_headcount *v;
	size_t n;
};

struct cj_work_item {
	struct cj_text title;
	struct cj_text text;
	struct cj_loc loc;
};

struct cj_work_items {
	struct cj_work_item *v;
	size_t n;
};

struct cj_unit {
	struct cj_text name;        /* 中共广元市利州区委员会办公室 */
	struct cj_text short_name;  /* 区委办公室 */
	struct cj_text level;       /* 一级预算单位 */
	struct cj_text parent;      /* 主管部门, may be absent */
	struct cj_texts functions;  /* 主要职能, one item each */
	struct cj_work_items key_work; /* 重点工作完成情况 */
	struct cj_count sub_admin;      /* 下属行政单位 */
	struct cj_count sub_civil;      /* 下属参照公务员法管理的事业单位 */
	struct cj_count sub_public;     /* 下属其他事业单位 */
	struct cj_text structure_note;  /* further text on 机构设置 */
	struct cj_texts budget_units;   /* 纳入决算编制范围的二级预算单位 */
	struct cj_texts departments;    /* 内设机构 */
	struct cj_text departments_note;/* 议事协调机构, 代管单位 ... */
	struct cj_headcounts authorized; /* 编制 by kind */
	struct cj_count authorized_total; /* stated */
	struct cj_headcounts staff;      /* 实有人员 by kind */
	struct cj_count staff_total;     /* stated */
};

/* ------------------------------------------------------- income, spending */

enum cj_income_src {
	CJ_INC_GENERAL,    /* 一般公共预算财政拨款收入 */
	CJ_INC_GOVFUND,    /* 政府性基金预算财政拨款收入 */
	CJ_INC_STATECAP,   /* 国有资本经营预算财政拨款收入 */
	CJ_INC_SUPERIOR,   /* 上级补助收入 */
	CJ_INC_BUSINESS,   /* 事业收入 */
	CJ_INC_OPERATING,  /* 经营收入 */
	CJ_INC_SUBSIDIARY, /* 附属单位上缴收入 */
	CJ_INC_OTHER,      /* 其他收入 */
	CJ_INC_N
};

struct cj_income_year {
	struct cj_fig src[CJ_INC_N];
	struct cj_fig total;               /* 本年收入合计 (stated) */
	struct cj_fig use_nonfiscal;       /* 使用非财政拨款结余 */
	struct cj_fig opening;             /* 年初结转和结余 */
	struct cj_fig grand_total;         /* 收入总计 (stated) */
};

enum cj_spend_kind {
	CJ_SP_BASIC,      /* 基本支出 */
	CJ_SP_PROJECT,    /* 项目支出 */
	CJ_SP_UPPER,      /* 上缴上级支出 */
	CJ_SP_OPERATING,  /* 经营支出 */
	CJ_SP_SUBSIDY,    /* 对附属单位补助支出 */
	CJ_SP_N
};

struct cj_spending_year {
	struct cj_fig kind[CJ_SP_N];
	struct cj_fig total;          /* 本年支出合计 (stated) */
	struct cj_fig distribution;   /* 结余分配 */
	struct cj_fig closing;        /* 年末结转和结余 */
	struct cj_fig grand_total;    /* 支出总计 (stated) */
};

struct cj_income {
	struct cj_income_year year[CJ_NYEARS];
	struct cj_reasons reasons;    /* why 收入总计 changed */
	struct cj_text note;          /* e.g. （注：数据来源于财决01表） */
};

struct cj_spending {
	struct cj_spending_year year[CJ_NYEARS];
	struct cj_reasons reasons;    /* why 本年支出合计 changed */
	struct cj_text note;
};

/* 财政拨款 (T4): what is not derivable from income and the fund tables. */
struct cj_fiscal_year {
	struct cj_fig opening;        /* 年初财政拨款结转和结余 */
	struct cj_fig closing;        /* 年末财政拨款结转和结余 */
	struct cj_fig income_total;   /* 财政拨款收入 (stated) */
	struct cj_fig spending_total; /* 财政拨款支出 (stated) */
};

struct cj_fiscal {
	struct cj_fiscal_year year[CJ_NYEARS];
	struct cj_reasons income_reasons;
	struct cj_reasons spending_reasons;
	struct cj_text note;
};

/* One row at 项 level of a functional-classification table. */
struct cj_func_item {
	struct cj_text code;     /* 7 digits, e.g. 2013101 */
	struct cj_text name;     /* optional; checked against the code table */
	struct cj_fig budget;    /* 预算数 (年初 or 调整, see budget_basis) */
	struct cj_fig actual;    /* 决算数 = 本年支出 */
	struct cj_fig basic;     /* 基本支出 */
	struct cj_fig project;   /* 项目支出 */
	struct cj_fig opening;   /* fund tables: 年初结转和结余 */
	struct cj_fig income;    /* fund tables: 本年收入 */
	struct cj_fig closing;   /* fund tables: 年末结转和结余 */
	struct cj_reasons reasons; /* why actual differs from budget */
	struct cj_loc loc;
};

struct cj_func_items {
	struct cj_func_item *v;
	size_t n;
};

/* A 类 or 款 subtotal as the unit stated it. */
struct cj_stated_row {
	struct cj_text code;
	struct cj_text name;
	struct cj_fig actual;
	struct cj_fig basic;
	struct cj_fig project;
	struct cj_fig budget;
	struct cj_loc loc;
};

struct cj_stated_rows {
	struct cj_stated_row *v;
	size_t n;
};

/* 一般公共预算财政拨款支出 (T5) and the fund tables (T8, T9). */
struct cj_fund_spending {
	struct cj_func_items items;     /* 项 rows */
	struct cj_stated_rows stated;   /* 类/款 rows as stated, optional */
	struct cj_fig total[CJ_NYEARS]; /* 合计: [CJ_CUR] stated, [CJ_PREV] last year */
	struct cj_fig budget_total;     /* stated 预算 total */
	struct cj_rate stated_rate;     /* stated 完成预算% */
	struct cj_text budget_basis;    /* 年初预算 / 调整预算 */
	struct cj_reasons reasons;      /* why the total changed vs last year */
	struct cj_text none_reason;     /* explanation when the table is empty */
	struct cj_text note;
};

/* Economic 款 of 基本支出 (T6). */
struct cj_econ_item {
	struct cj_text code;   /* 5 digits, e.g. 30101 */
	struct cj_text name;
	struct cj_fig amount;  /* may be absent when only the list is known */
	struct cj_loc loc;
};

struct cj_econ_items {
	struct cj_econ_item *v;
	size_t n;
};

struct cj_basic {
	struct cj_econ_items items;
	struct cj_fig personnel_total; /* 人员经费合计 (stated) */
	struct cj_fig public_total;    /* 公用经费合计 (stated) */
	struct cj_text note;
};

/* ---------------------------------------------------------------- 三公 */

enum cj_sg_item {
	CJ_SG_ABROAD,     /* 因公出国（境）费 */
	CJ_SG_VPURCHASE,  /* 公务用车购置费 */
	CJ_SG_VRUNNING,   /* 公务用车运行维护费 */
	CJ_SG_RECEPTION,  /* 公务接待费 */
	CJ_SG_N
};

struct cj_sg_figs {
	struct cj_fig item[CJ_SG_N];
	struct cj_fig vehicle_total;  /* 公务用车购置及运行维护费 (stated) */
	struct cj_fig total;          /* 合计 (stated) */
};

struct cj_vehicle_kind {
	struct cj_text kind;          /* 轿车, 越野车, 载客汽车 ... / 机要通信用车 ... */
	struct cj_count count;
	struct cj_fig amount;         /* purchase amount, where relevant */
	struct cj_loc loc;
};

struct cj_vehicle_kinds {
	struct cj_vehicle_kind *v;
	size_t n;
};

struct cj_reception_item {
	struct cj_text text;          /* 接待其他外市县参观 */
	struct cj_count batches;
	struct cj_count persons;
	struct cj_fig amount;
	struct cj_loc loc;
};

struct cj_reception_items {
	struct cj_reception_item *v;
	size_t n;
};

struct cj_reception {
	struct cj_count batches;
	struct cj_count persons;
	struct cj_fig amount;         /* stated; must equal the 三公 item */
	struct cj_text use;           /* 主要用于… */
	struct cj_reception_items items;
};

struct cj_sangong {
	struct cj_sg_figs budget;
	struct cj_sg_figs actual;
	struct cj_sg_figs last_year;
	struct cj_text budget_basis;
	struct cj_text note;
	struct cj_reasons budget_reasons;       /* why 合计 actual differs from budget */
	struct cj_reasons item_budget_reasons[CJ_SG_N]; /* per item */
	struct cj_reasons change_reasons[CJ_SG_N];      /* per item, vs last year */
	struct cj_count abroad_groups;
	struct cj_count abroad_persons;
	struct cj_vehicle_kinds bought;
	struct cj_vehicle_kinds held;
	struct cj_count held_total;   /* stated */
	struct cj_text running_use;   /* 主要用于… */
	struct cj_reception domestic;
	struct cj_reception foreign;
};

/* ------------------------------------------------------- other sections */

struct cj_opcost {
	struct cj_fig amount[CJ_NYEARS]; /* 机关运行经费 */
	struct cj_reasons reasons;
};

struct cj_procurement {
	struct cj_fig goods, works, services;
	struct cj_fig total;      /* stated */
	struct cj_fig sme;        /* 授予中小企业合同金额 */
	struct cj_fig small_micro;/* 其中授予小微企业 */
	struct cj_text use;       /* 主要用于… */
};

struct cj_assets {
	struct cj_vehicle_kinds vehicles;  /* by use */
	struct cj_count vehicles_total;    /* stated */
	struct cj_count general_over_50;   /* 单价50万元以上通用设备 台（套） */
	struct cj_count special_over_100;  /* 单价100万元以上专用设备 台（套） */
};

/* ----------------------------------------------------------- 绩效 */

struct cj_indicator {
	struct cj_text level1;    /* 产出指标 / 效益指标 / 满意度指标 (or local names) */
	struct cj_text level2;    /* 数量指标 ... */
	struct cj_text name;      /* 三级指标 */
	struct cj_text expected;  /* 预期指标值 as written */
	struct cj_text actual;    /* 实际完成指标值 as written */
	struct cj_rate weight;    /* 分值 override in points x100 (12.5 -> 1250), optional */
	struct cj_text direction; /* 指标性质 as the form states it: ≥ / ≤ / = / 正向 /
				   * 反向 / 定性; optional (else read from expected) */
	struct cj_text unit;      /* 度量单位 as the form states it, optional */
	struct cj_text outcome;   /* 定性指标完成程度 the unit chose: 达成 / 部分达成 /
				   * 未达成 (DOMAIN.md 3.4), optional */
	struct cj_rate score;     /* 得分 the unit gave, points x100, optional */
	struct cj_text deviation; /* 偏差原因 */
	struct cj_loc loc;
};

struct cj_indicators {
	struct cj_indicator *v;
	size_t n;
};

/* The evaluation report of one project, in the seed's five parts. */
struct cj_eval_report {
	struct cj_text title_name;    /* name used in the report title, if not the project's */
	struct cj_text basics;        /* 一（一） 项目基本情况 */
	struct cj_text content;       /* 项目主要内容 */
	struct cj_text target;        /* 具体绩效目标 */
	struct cj_text declaration;   /* 申报内容与实际相符… */
	struct cj_text method;        /* 自评步骤及方法 */
	struct cj_text approval;      /* 资金申报及批复情况 (prose after the figures) */
	struct cj_text low_rate_reason; /* 资金使用比率低的说明 */
	struct cj_text finance;       /* 项目财务管理情况 */
	struct cj_text organisation;  /* 组织架构及实施流程 */
	struct cj_text management;    /* 项目管理情况 */
	struct cj_text supervision;   /* 项目监管情况 */
	struct cj_text completion;    /* 项目完成情况 */
	struct cj_text benefits;      /* 项目效益情况 */
	struct cj_text conclusion;    /* 评价结论 */
	struct cj_text problems;      /* 存在的问题 */
	struct cj_text suggestions;   /* 相关建议 */
};

struct cj_project {
	struct cj_text name;
	struct cj_fig budget_fiscal;     /* 预算数 其中财政拨款 */
	struct cj_fig budget_other;      /* 其它资金 */
	struct cj_fig budget_total;      /* 预算数 (stated) */
	struct cj_fig exec_fiscal;
	struct cj_fig exec_other;
	struct cj_fig exec_total;        /* 执行数 (stated) */
	struct cj_rate stated_rate;      /* 完成预算% as the text states it */
	struct cj_rate stated_table_rate;/* 资金使用比率 as the table states it */
	struct cj_text goal_expected;
	struct cj_text goal_actual;
	struct cj_indicators indicators;
	struct cj_text achieved;         /* 综述: 通过项目实施… */
	struct cj_text issues;           /* 发现的主要问题 */
	struct cj_text improvements;     /* 下一步改进措施 */
	struct cj_count reverse_method;  /* 反向 scoring: 1 = proportional band, 2 = T/actual */
	struct cj_eval_report report;
	struct cj_loc loc;
};

struct cj_projects {
	struct cj_project *v;
	size_t n;
};

struct cj_dept_eval {
	struct cj_text organisation;     /* (一) 机构组成 */
	struct cj_text budget_management;/* (一) 部门预算管理 */
	struct cj_rate stated_rate;      /* execution rate the text states */
	struct cj_text result_use;       /* (二) 结果应用情况 */
	struct cj_text conclusion;
	struct cj_text problems;
	struct cj_text suggestions;
};

struct cj_performance {
	struct cj_count targets_set;     /* 编制绩效目标的项目数 */
	struct cj_count monitored;       /* 开展绩效监控的项目数 */
	struct cj_count evaluated;       /* 开展自评的项目数 */
	struct cj_text prior_assessment; /* 事前绩效评估 text */
	struct cj_text overall;          /* 部门整体支出自评 summary */
	struct cj_text projects_summary; /* 项目评价 summary */
	struct cj_dept_eval dept;
	struct cj_projects projects;
};

/* -------------------------------------------------------------- glossary */

struct cj_term {
	struct cj_text term;  /* a term, or empty when code is set */
	struct cj_text code;  /* a classification code: name comes from the table */
	struct cj_text text;
	struct cj_loc loc;
};

struct cj_terms {
	struct cj_term *v;
	size_t n;
};

/* ------------------------------------------------------------- the whole */

struct cj_accounts {
	char *source;               /* file name, for messages */
	struct cj_count schema;     /* caijue: 1 */
	struct cj_count year;       /* fiscal year */
	int64_t unit_fen;           /* amount unit of the file: 100 (元) or 1000000 (万元) */
	struct cj_text amount_unit; /* as written: 元 / 万元 */
	struct cj_text codes_file;  /* optional classification table override */
	struct cj_unit unit;
	struct cj_income income;
	struct cj_spending spending;
	struct cj_fiscal fiscal;
	struct cj_fund_spending general;   /* 一般公共预算财政拨款 */
	struct cj_fund_spending govfund;   /* 政府性基金预算财政拨款 */
	struct cj_fund_spending statecap;  /* 国有资本经营预算财政拨款 */
	struct cj_fund_spending other;     /* 非财政拨款资金（事业收入、经营收入、其他收入等）安排的支出 */
	struct cj_basic basic;
	struct cj_sangong sangong;
	struct cj_opcost opcost;
	struct cj_procurement procurement;
	struct cj_assets assets;
	struct cj_performance perf;
	struct cj_terms glossary;
};

/* Allocate an empty accounts record; caller owns, free with cj_accounts_free. */
struct cj_accounts *cj_accounts_new(void);

/* Free everything; NULL is a no-op. */
void cj_accounts_free(struct cj_accounts *a);

#endif

/*
 * schema.c - the table that describes every dataset field (see schema.h).
 *
 * Keys are English snake_case (stable, easy to type, easy to catch when
 * misspelt); descriptions are Chinese, for finance staff.  Order here is
 * the order of docs/dataset.md and of the YAML writer.
 */
#include "schema.h"

#include <string.h>

#include "accounts.h"

#define MONEY(T, m, k, zh, ex) {k, CJ_F_MONEY, offsetof(T, m), NULL, 0, 0, zh, ex, 0}
#define SMONEY(T, m, k, zh, ex) {k, CJ_F_MONEY, offsetof(T, m), NULL, 0, CJ_FF_SIGNED, zh, ex, 0}
#define COUNT(T, m, k, zh, ex) {k, CJ_F_COUNT, offsetof(T, m), NULL, 0, 0, zh, ex, 0}
#define RATE(T, m, k, zh, ex) {k, CJ_F_RATE, offsetof(T, m), NULL, 0, 0, zh, ex, 0}
#define TEXT(T, m, k, zh, ex) {k, CJ_F_TEXT, offsetof(T, m), NULL, 0, 0, zh, ex, 0}
#define RTEXT(T, m, k, zh, ex) {k, CJ_F_TEXT, offsetof(T, m), NULL, 0, CJ_FF_REQUIRED, zh, ex, 0}
#define CODE(T, m, k, zh, ex) {k, CJ_F_CODE, offsetof(T, m), NULL, 0, CJ_FF_REQUIRED, zh, ex, 0}
#define TEXTS(T, m, k, zh, ex) {k, CJ_F_TEXTS, offsetof(T, m), NULL, 0, 0, zh, ex, 0}
#define REASONS(T, m, k, zh) {k, CJ_F_REASONS, offsetof(T, m), NULL, 0, 0, zh, NULL, 0}
#define MAP(T, m, k, sub, zh) {k, CJ_F_MAP, offsetof(T, m), sub, 0, 0, zh, NULL, 0}
/* Every list element struct has a `struct cj_loc loc` (accounts.h). */
#define LIST(T, m, k, sub, ET, zh) \
	{k, CJ_F_LIST, offsetof(T, m), sub, sizeof(ET), 0, zh, NULL, offsetof(ET, loc) + 1}
#define END {NULL, CJ_F_TEXT, 0, NULL, 0, 0, NULL, NULL, 0}

/* ---------------------------------------------------------------- unit */

static const struct cj_field headcount_f[] = {
	{"kind", CJ_F_TEXT, offsetof(struct cj_headcount, kind), NULL, 0, CJ_FF_REQUIRED,
	 "类别（如 行政编制、事业编制、行政人员）", "行政编制", 0},
	{"count", CJ_F_COUNT, offsetof(struct cj_headcount, count), NULL, 0, CJ_FF_REQUIRED,
	 "人数", "21", 0},
	END};

static const struct cj_field work_f[] = {
	TEXT(struct cj_work_item, title, "title", "标题", "夯实政治思想根基"),
	RTEXT(struct cj_work_item, text, "text", "正文", "坚持把学习贯彻……"),
	END};

static const struct cj_field unit_f[] = {
	RTEXT(struct cj_unit, name, "name", "单位全称", "中共广元市利州区委员会办公室"),
	TEXT(struct cj_unit, short_name, "short_name", "简称（正文中使用）", "区委办公室"),
	TEXT(struct cj_unit, level, "level", "预算级次", "一级预算单位"),
	TEXT(struct cj_unit, parent, "parent", "主管部门（可省略）", NULL),
	TEXTS(struct cj_unit, functions, "functions", "主要职能，每条一项（编号自动生成）", NULL),
	LIST(struct cj_unit, key_work, "key_work", work_f, struct cj_work_item,
	     "本年重点工作完成情况，每项一条"),
	COUNT(struct cj_unit, sub_admin, "sub_admin", "下属二级单位中的行政单位个数", "0"),
	COUNT(struct cj_unit, sub_civil, "sub_civil",
	      "下属二级单位中参照公务员法管理的事业单位个数", "0"),
	COUNT(struct cj_unit, sub_public, "sub_public", "下属二级单位中其他事业单位个数", "1"),
	TEXT(struct cj_unit, structure_note, "structure_note", "机构设置的补充说明",
	     "代管正科级参公事业单位2个。"),
	TEXTS(struct cj_unit, budget_units, "budget_units",
	      "纳入本年度部门决算编制范围的二级预算单位（无则留空）", NULL),
	TEXTS(struct cj_unit, departments, "departments", "内设机构（股室）名称", NULL),
	TEXT(struct cj_unit, departments_note, "departments_note",
	     "议事协调机构、代管单位等补充说明", NULL),
	LIST(struct cj_unit, authorized, "authorized", headcount_f, struct cj_headcount,
	     "编制数，按类别"),
	COUNT(struct cj_unit, authorized_total, "authorized_total", "编制总数（填报数，核对用）", "49"),
	LIST(struct cj_unit, staff, "staff", headcount_f, struct cj_headcount, "实有人员，按类别"),
	COUNT(struct cj_unit, staff_total, "staff_total", "实有人员总数（填报数，核对用）", "35"),
	END};

/* ------------------------------------------------------------- income */

static const struct cj_field income_year_f[] = {
	MONEY(struct cj_income_year, src[CJ_INC_GENERAL], "general_budget",
	      "一般公共预算财政拨款收入", "1104.25"),
	MONEY(struct cj_income_year, src[CJ_INC_GOVFUND], "gov_fund", "政府性基金预算财政拨款收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_STATECAP], "state_capital",
	      "国有资本经营预算财政拨款收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_SUPERIOR], "superior", "上级补助收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_BUSINESS], "business", "事业收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_OPERATING], "operating", "经营收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_SUBSIDIARY], "subsidiary", "附属单位上缴收入", "0"),
	MONEY(struct cj_income_year, src[CJ_INC_OTHER], "other", "其他收入", "0"),
	MONEY(struct cj_income_year, total, "total", "本年收入合计（填报数，核对用）", "1104.25"),
	MONEY(struct cj_income_year, use_nonfiscal, "use_nonfiscal_balance",
	      "使用非财政拨款结余（含专用结余）", "0"),
	MONEY(struct cj_income_year, opening, "opening_balance", "年初结转和结余", "0"),
	MONEY(struct cj_income_year, grand_total, "grand_total", "收入总计（填报数，核对用）", "1104.25"),
	END};

static const struct cj_field income_f[] = {
	MAP(struct cj_income, year[CJ_CUR], "this_year", income_year_f, "本年数"),
	MAP(struct cj_income, year[CJ_PREV], "last_year", income_year_f,
	    "上年数（可只填合计或总计）"),
	REASONS(struct cj_income, reasons, "reasons", "收入总计较上年变动的主要原因"),
	TEXT(struct cj_income, note, "note", "附注", "（注：数据来源于财决01表）"),
	END};

static const struct cj_field spending_year_f[] = {
	MONEY(struct cj_spending_year, kind[CJ_SP_BASIC], "basic", "基本支出", "522.26"),
	MONEY(struct cj_spending_year, kind[CJ_SP_PROJECT], "project", "项目支出", "274.84"),
	MONEY(struct cj_spending_year, kind[CJ_SP_UPPER], "upper", "上缴上级支出", "0"),
	MONEY(struct cj_spending_year, kind[CJ_SP_OPERATING], "operating", "经营支出", "0"),
	MONEY(struct cj_spending_year, kind[CJ_SP_SUBSIDY], "subsidy", "对附属单位补助支出", "0"),
	MONEY(struct cj_spending_year, total, "total", "本年支出合计（填报数，核对用）", "797.10"),
	MONEY(struct cj_spending_year, distribution, "distribution", "结余分配", "0"),
	SMONEY(struct cj_spending_year, closing, "closing_balance", "年末结转和结余", "307.15"),
	MONEY(struct cj_spending_year, grand_total, "grand_total", "支出总计（填报数，核对用）", "1104.25"),
	END};

static const struct cj_field spending_f[] = {
	MAP(struct cj_spending, year[CJ_CUR], "this_year", spending_year_f, "本年数"),
	MAP(struct cj_spending, year[CJ_PREV], "last_year", spending_year_f,
	    "上年数（可只填合计）"),
	REASONS(struct cj_spending, reasons, "reasons", "本年支出合计较上年变动的主要原因"),
	TEXT(struct cj_spending, note, "note", "附注", NULL),
	END};

static const struct cj_field fiscal_year_f[] = {
	MONEY(struct cj_fiscal_year, opening, "opening_balance", "年初财政拨款结转和结余", "0"),
	SMONEY(struct cj_fiscal_year, closing, "closing_balance", "年末财政拨款结转和结余", "307.15"),
	MONEY(struct cj_fiscal_year, income_total, "income_total", "财政拨款收入（填报数，核对用）",
	      "1104.25"),
	MONEY(struct cj_fiscal_year, spending_total, "spending_total",
	      "财政拨款支出（填报数，核对用）", "797.10"),
	END};

static const struct cj_field fiscal_f[] = {
	MAP(struct cj_fiscal, year[CJ_CUR], "this_year", fiscal_year_f, "本年数"),
	MAP(struct cj_fiscal, year[CJ_PREV], "last_year", fiscal_year_f, "上年数"),
	REASONS(struct cj_fiscal, income_reasons, "income_reasons", "财政拨款收入较上年变动的主要原因"),
	REASONS(struct cj_fiscal, spending_reasons, "spending_reasons",
		"财政拨款支出较上年变动的主要原因"),
	TEXT(struct cj_fiscal, note, "note", "附注", NULL),
	END};

/* ------------------------------------------------------- fund spending */

static const struct cj_field func_item_f[] = {
	CODE(struct cj_func_item, code, "code", "功能分类科目编码（项级，7位）", "2013101"),
	TEXT(struct cj_func_item, name, "name", "科目名称（可省略；填写时与编码表核对）", "行政运行"),
	MONEY(struct cj_func_item, budget, "budget", "预算数（口径见 budget_basis）", "423.73"),
	MONEY(struct cj_func_item, actual, "actual", "决算数（本年支出）", "441.91"),
	MONEY(struct cj_func_item, basic, "basic", "其中：基本支出", "441.91"),
	MONEY(struct cj_func_item, project, "project", "其中：项目支出", "0"),
	MONEY(struct cj_func_item, opening, "opening_balance", "年初结转和结余（基金表用）", NULL),
	MONEY(struct cj_func_item, income, "income", "本年收入（基金表用）", NULL),
	SMONEY(struct cj_func_item, closing, "closing_balance", "年末结转和结余（基金表用）", NULL),
	REASONS(struct cj_func_item, reasons, "reasons", "决算数与预算数不同的主要原因"),
	END};

static const struct cj_field stated_row_f[] = {
	CODE(struct cj_stated_row, code, "code", "类（3位）或款（5位）编码", "201"),
	TEXT(struct cj_stated_row, name, "name", "名称", "一般公共服务支出"),
	MONEY(struct cj_stated_row, actual, "actual", "决算数（填报数）", "711.54"),
	MONEY(struct cj_stated_row, basic, "basic", "基本支出（填报数）", NULL),
	MONEY(struct cj_stated_row, project, "project", "项目支出（填报数）", NULL),
	MONEY(struct cj_stated_row, budget, "budget", "预算数（填报数）", NULL),
	END};

static const struct cj_field fund_f[] = {
	LIST(struct cj_fund_spending, items, "items", func_item_f, struct cj_func_item,
	     "项级支出明细"),
	LIST(struct cj_fund_spending, stated, "stated", stated_row_f, struct cj_stated_row,
	     "类、款小计（填报数，核对用，可省略）"),
	MONEY(struct cj_fund_spending, total[CJ_CUR], "total", "本年支出合计（填报数，核对用）", "797.10"),
	MONEY(struct cj_fund_spending, total[CJ_PREV], "last_year_total", "上年支出合计", "580.07"),
	MONEY(struct cj_fund_spending, budget_total, "budget_total", "预算数合计（填报数，核对用）", NULL),
	RATE(struct cj_fund_spending, stated_rate, "stated_rate", "文中所写完成预算百分比（核对用）",
	     "72.18"),
	TEXT(struct cj_fund_spending, budget_basis, "budget_basis", "预算数口径：年初预算 或 调整预算",
	     "调整预算"),
	REASONS(struct cj_fund_spending, reasons, "reasons", "支出较上年变动的主要原因"),
	TEXT(struct cj_fund_spending, none_reason, "none_reason", "无此项收支时的说明（空表说明）",
	     "本部门2020年度无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。"),
	TEXT(struct cj_fund_spending, note, "note", "附注", NULL),
	END};

/* --------------------------------------------------------- basic (T6) */

static const struct cj_field econ_item_f[] = {
	CODE(struct cj_econ_item, code, "code", "经济分类款级编码（5位）", "30101"),
	TEXT(struct cj_econ_item, name, "name", "科目名称（可省略）", "基本工资"),
	MONEY(struct cj_econ_item, amount, "amount", "金额（不详时可省略）", NULL),
	END};

static const struct cj_field basic_f[] = {
	LIST(struct cj_basic, items, "items", econ_item_f, struct cj_econ_item,
	     "一般公共预算财政拨款基本支出，按经济分类款级"),
	MONEY(struct cj_basic, personnel_total, "personnel_total", "人员经费合计（填报数）", "464.33"),
	MONEY(struct cj_basic, public_total, "public_total", "公用经费合计（填报数）", "57.93"),
	TEXT(struct cj_basic, note, "note", "附注", NULL),
	END};

/* ---------------------------------------------------------------- 三公 */

static const struct cj_field sg_figs_f[] = {
	MONEY(struct cj_sg_figs, item[CJ_SG_ABROAD], "abroad", "因公出国（境）费", "0"),
	MONEY(struct cj_sg_figs, item[CJ_SG_VPURCHASE], "vehicle_purchase", "公务用车购置费", "0"),
	MONEY(struct cj_sg_figs, item[CJ_SG_VRUNNING], "vehicle_running", "公务用车运行维护费", "2.07"),
	MONEY(struct cj_sg_figs, item[CJ_SG_RECEPTION], "reception", "公务接待费", "0.85"),
	MONEY(struct cj_sg_figs, vehicle_total, "vehicle_total",
	      "公务用车购置及运行维护费小计（填报数）", "2.07"),
	MONEY(struct cj_sg_figs, total, "total", "合计（填报数）", "2.92"),
	END};

static const struct cj_field vehicle_f[] = {
	RTEXT(struct cj_vehicle_kind, kind, "kind", "车型或用途", "轿车"),
	COUNT(struct cj_vehicle_kind, count, "count", "数量（辆）", "1"),
	MONEY(struct cj_vehicle_kind, amount, "amount", "金额", NULL),
	END};

static const struct cj_field reception_item_f[] = {
	RTEXT(struct cj_reception_item, text, "text", "接待内容", "接待其他外市县参观"),
	COUNT(struct cj_reception_item, batches, "batches", "批次", "4"),
	COUNT(struct cj_reception_item, persons, "persons", "人次", NULL),
	MONEY(struct cj_reception_item, amount, "amount", "金额", "0.45"),
	END};

static const struct cj_field reception_f[] = {
	COUNT(struct cj_reception, batches, "batches", "接待批次", "7"),
	COUNT(struct cj_reception, persons, "persons", "接待人次（不包括陪同人员）", "56"),
	MONEY(struct cj_reception, amount, "amount", "支出金额（填报数）", "0.85"),
	TEXT(struct cj_reception, use, "use", "主要用途", "主要用于执行公务接待用餐费等"),
	LIST(struct cj_reception, items, "items", reception_item_f, struct cj_reception_item,
	     "具体内容"),
	END};

static const struct cj_field sangong_f[] = {
	MAP(struct cj_sangong, budget, "budget", sg_figs_f, "预算数"),
	MAP(struct cj_sangong, actual, "actual", sg_figs_f, "决算数"),
	MAP(struct cj_sangong, last_year, "last_year", sg_figs_f, "上年决算数"),
	TEXT(struct cj_sangong, budget_basis, "budget_basis", "预算数口径", "调整预算数"),
	TEXT(struct cj_sangong, note, "note", "附注", NULL),
	REASONS(struct cj_sangong, budget_reasons, "budget_reasons", "决算数与预算数不同的主要原因（合计）"),
	REASONS(struct cj_sangong, item_budget_reasons[CJ_SG_ABROAD], "abroad_budget_reasons",
		"因公出国（境）费决算数与预算数不同的原因"),
	REASONS(struct cj_sangong, item_budget_reasons[CJ_SG_VPURCHASE],
		"vehicle_purchase_budget_reasons", "公务用车购置费决算数与预算数不同的原因"),
	REASONS(struct cj_sangong, item_budget_reasons[CJ_SG_VRUNNING],
		"vehicle_running_budget_reasons", "公务用车运行维护费决算数与预算数不同的原因"),
	REASONS(struct cj_sangong, item_budget_reasons[CJ_SG_RECEPTION], "reception_budget_reasons",
		"公务接待费决算数与预算数不同的原因"),
	REASONS(struct cj_sangong, change_reasons[CJ_SG_ABROAD], "abroad_change_reasons",
		"因公出国（境）费较上年变动的原因"),
	REASONS(struct cj_sangong, change_reasons[CJ_SG_VPURCHASE], "vehicle_purchase_change_reasons",
		"公务用车购置费较上年变动的原因"),
	REASONS(struct cj_sangong, change_reasons[CJ_SG_VRUNNING], "vehicle_running_change_reasons",
		"公务用车运行维护费较上年变动的原因"),
	REASONS(struct cj_sangong, change_reasons[CJ_SG_RECEPTION], "reception_change_reasons",
		"公务接待费较上年变动的原因"),
	COUNT(struct cj_sangong, abroad_groups, "abroad_groups", "因公出国（境）团组数", "0"),
	COUNT(struct cj_sangong, abroad_persons, "abroad_persons", "因公出国（境）人次", "0"),
	LIST(struct cj_sangong, bought, "vehicles_bought", vehicle_f, struct cj_vehicle_kind,
	     "本年购置公务用车，按车型"),
	LIST(struct cj_sangong, held, "vehicles_held", vehicle_f, struct cj_vehicle_kind,
	     "年末公务用车保有量，按车型"),
	COUNT(struct cj_sangong, held_total, "vehicles_held_total", "公务用车保有量合计（填报数）", "1"),
	TEXT(struct cj_sangong, running_use, "running_use", "公务用车运行维护费主要用途", NULL),
	MAP(struct cj_sangong, domestic, "domestic_reception", reception_f, "国内公务接待"),
	MAP(struct cj_sangong, foreign, "foreign_reception", reception_f, "外事接待"),
	END};

/* ------------------------------------------------------ other sections */

static const struct cj_field opcost_f[] = {
	MONEY(struct cj_opcost, amount[CJ_CUR], "this_year", "本年机关运行经费", "57.93"),
	MONEY(struct cj_opcost, amount[CJ_PREV], "last_year", "上年机关运行经费", "44.35"),
	REASONS(struct cj_opcost, reasons, "reasons", "变动的主要原因"),
	END};

static const struct cj_field procurement_f[] = {
	MONEY(struct cj_procurement, goods, "goods", "政府采购货物支出", "133.97"),
	MONEY(struct cj_procurement, works, "works", "政府采购工程支出", "0"),
	MONEY(struct cj_procurement, services, "services", "政府采购服务支出", "0"),
	MONEY(struct cj_procurement, total, "total", "政府采购支出总额（填报数）", "133.97"),
	MONEY(struct cj_procurement, sme, "sme", "授予中小企业合同金额", "0"),
	MONEY(struct cj_procurement, small_micro, "small_micro", "其中：授予小微企业合同金额", "0"),
	TEXT(struct cj_procurement, use, "use", "主要用途", "主要用于涉密会议系统和信创替代工程设备。"),
	END};

static const struct cj_field assets_f[] = {
	LIST(struct cj_assets, vehicles, "vehicles", vehicle_f, struct cj_vehicle_kind,
	     "年末车辆，按用途（主要领导干部用车、机要通信用车……）"),
	COUNT(struct cj_assets, vehicles_total, "vehicles_total", "车辆合计（填报数）", "2"),
	COUNT(struct cj_assets, general_over_50, "general_equipment_over_50",
	      "单价50万元以上通用设备 台（套）", "0"),
	COUNT(struct cj_assets, special_over_100, "special_equipment_over_100",
	      "单价100万元以上专用设备 台（套）", "0"),
	END};

/* ------------------------------------------------------------- 绩效 */

static const struct cj_field indicator_f[] = {
	RTEXT(struct cj_indicator, level1, "level1", "一级指标（产出指标、效益指标、满意度指标）",
	      "产出指标"),
	TEXT(struct cj_indicator, level2, "level2", "二级指标（数量指标、质量指标……）", "数量指标"),
	TEXT(struct cj_indicator, name, "name", "三级指标", "宣传《保密法》2次以上"),
	TEXT(struct cj_indicator, expected, "expected", "预期指标值（年度指标值）", "宣传《保密法》2次以上"),
	TEXT(struct cj_indicator, actual, "actual", "实际完成指标值", "开展保密法宣传3次"),
	RATE(struct cj_indicator, weight, "weight", "分值（可省略，按默认权重分配）", NULL),
	TEXT(struct cj_indicator, direction, "direction",
	     "指标性质：≥（正向）、≤（反向）、=（等于）或 定性（可省略，由预期指标值的文字判断）", "≥"),
	TEXT(struct cj_indicator, unit, "unit", "度量单位（可省略，由指标值的文字判断）", "次"),
	TEXT(struct cj_indicator, outcome, "outcome",
	     "定性指标的完成程度：达成、部分达成 或 未达成（可省略，由实际完成值的文字判断）", NULL),
	RATE(struct cj_indicator, score, "score",
	     "自评得分（可省略，按评分规则计算；定性指标须在所选完成程度的分数区间内）", NULL),
	TEXT(struct cj_indicator, deviation, "deviation", "偏差原因分析及改进措施", NULL),
	END};

static const struct cj_field eval_report_f[] = {
	TEXT(struct cj_eval_report, title_name, "title_name", "报告标题中使用的项目名称（可省略）",
	     "联系重点工作"),
	TEXT(struct cj_eval_report, basics, "basics", "（一）项目基本情况", NULL),
	TEXT(struct cj_eval_report, content, "content", "项目主要内容", NULL),
	TEXT(struct cj_eval_report, target, "target", "项目应实现的具体绩效目标", NULL),
	TEXT(struct cj_eval_report, declaration, "declaration", "申报内容与实际是否相符的说明", NULL),
	TEXT(struct cj_eval_report, method, "method", "（三）项目自评步骤及方法", NULL),
	TEXT(struct cj_eval_report, approval, "approval", "资金申报及批复情况（金额之外的说明）",
	     "按实审核申报、拨付资金。"),
	TEXT(struct cj_eval_report, low_rate_reason, "low_rate_reason", "资金使用比率低的说明", NULL),
	TEXT(struct cj_eval_report, finance, "finance", "（三）项目财务管理情况", NULL),
	TEXT(struct cj_eval_report, organisation, "organisation", "（一）项目组织架构及实施流程", NULL),
	TEXT(struct cj_eval_report, management, "management", "（二）项目管理情况", NULL),
	TEXT(struct cj_eval_report, supervision, "supervision", "（三）项目监管情况", NULL),
	TEXT(struct cj_eval_report, completion, "completion", "（一）项目完成情况", NULL),
	TEXT(struct cj_eval_report, benefits, "benefits", "（二）项目效益情况", NULL),
	TEXT(struct cj_eval_report, conclusion, "conclusion", "（一）评价结论", NULL),
	TEXT(struct cj_eval_report, problems, "problems", "（二）存在的问题", NULL),
	TEXT(struct cj_eval_report, suggestions, "suggestions", "（三）相关建议", NULL),
	END};

static const struct cj_field project_f[] = {
	RTEXT(struct cj_project, name, "name", "项目名称", "高清视频会议系统"),
	MONEY(struct cj_project, budget_fiscal, "budget_fiscal", "全年预算数：其中财政拨款", "57.55"),
	MONEY(struct cj_project, budget_other, "budget_other", "全年预算数：其他资金", "0"),
	MONEY(struct cj_project, budget_total, "budget_total", "全年预算数合计（填报数）", "57.55"),
	MONEY(struct cj_project, exec_fiscal, "exec_fiscal", "全年执行数：其中财政拨款", "55.60"),
	MONEY(struct cj_project, exec_other, "exec_other", "全年执行数：其他资金", "0"),
	MONEY(struct cj_project, exec_total, "exec_total", "全年执行数合计（填报数）", "55.60"),
	RATE(struct cj_project, stated_rate, "stated_rate", "文中所写完成预算百分比（核对用）", "96.61"),
	RATE(struct cj_project, stated_table_rate, "stated_table_rate",
	     "资金使用表中所写比率（核对用）", "96.6"),
	TEXT(struct cj_project, goal_expected, "goal_expected", "年度目标：预期目标", NULL),
	TEXT(struct cj_project, goal_actual, "goal_actual", "年度目标：实际完成目标", NULL),
	LIST(struct cj_project, indicators, "indicators", indicator_f, struct cj_indicator,
	     "绩效指标，每个三级指标一条"),
	TEXT(struct cj_project, achieved, "achieved", "完成情况综述：通过项目实施取得的成效", NULL),
	TEXT(struct cj_project, issues, "issues", "发现的主要问题", NULL),
	TEXT(struct cj_project, improvements, "improvements", "下一步改进措施", NULL),
	COUNT(struct cj_project, reverse_method, "reverse_method",
	      "反向指标计分方法：1 = 比例扣分（默认），2 = 目标值/实际值", "1"),
	MAP(struct cj_project, report, "report", eval_report_f, "项目绩效评价报告的文字部分"),
	END};

static const struct cj_field dept_eval_f[] = {
	TEXT(struct cj_dept_eval, organisation, "organisation", "（一）机构组成", NULL),
	TEXT(struct cj_dept_eval, budget_management, "budget_management", "（一）部门预算管理", NULL),
	RATE(struct cj_dept_eval, stated_rate, "stated_rate", "文中所写全年预算支出完成率（核对用）",
	     "72.18"),
	TEXT(struct cj_dept_eval, result_use, "result_use", "（二）结果应用情况", NULL),
	TEXT(struct cj_dept_eval, conclusion, "conclusion", "（一）评价结论", NULL),
	TEXT(struct cj_dept_eval, problems, "problems", "（二）存在问题", NULL),
	TEXT(struct cj_dept_eval, suggestions, "suggestions", "（三）改进建议", NULL),
	END};

static const struct cj_field perf_f[] = {
	COUNT(struct cj_performance, targets_set, "targets_set", "编制绩效目标的项目个数", "5"),
	COUNT(struct cj_performance, monitored, "monitored", "开展绩效监控的项目个数", "5"),
	COUNT(struct cj_performance, evaluated, "evaluated", "开展绩效自评的项目个数", "5"),
	TEXT(struct cj_performance, prior_assessment, "prior_assessment",
	     "事前绩效评估的对象（如：联系重点工作等项目）", "联系重点工作等项目"),
	TEXT(struct cj_performance, overall, "overall", "部门整体支出绩效自评情况", NULL),
	TEXT(struct cj_performance, projects_summary, "projects_summary", "项目绩效评价情况", NULL),
	MAP(struct cj_performance, dept, "dept_evaluation", dept_eval_f, "部门整体支出绩效评价报告"),
	LIST(struct cj_performance, projects, "projects", project_f, struct cj_project,
	     "项目绩效目标及自评"),
	END};

/* ------------------------------------------------------------ glossary */

static const struct cj_field term_f[] = {
	TEXT(struct cj_term, term, "term", "名词（与 code 二选一）", "财政拨款收入"),
	{"code", CJ_F_CODE, offsetof(struct cj_term, code), NULL, 0, 0,
	 "功能分类编码（名称由编码表生成）", "2013101", 0},
	RTEXT(struct cj_term, text, "text", "解释", "指单位从同级财政部门取得的财政预算资金。"),
	END};

/* ---------------------------------------------------------------- root */

static const struct cj_field root_f[] = {
	{"caijue", CJ_F_COUNT, offsetof(struct cj_accounts, schema), NULL, 0, CJ_FF_REQUIRED,
	 "数据文件格式版本，目前为 1", "1", 0},
	{"year", CJ_F_COUNT, offsetof(struct cj_accounts, year), NULL, 0, CJ_FF_REQUIRED,
	 "决算年度", "2020", 0},
	{"amount_unit", CJ_F_TEXT, offsetof(struct cj_accounts, amount_unit), NULL, 0,
	 CJ_FF_REQUIRED, "本文件所有金额的单位：元 或 万元", "万元", 0},
	TEXT(struct cj_accounts, codes_file, "codes_file",
	     "科目编码表文件（可省略；默认使用 data/ 中的表）", NULL),
	MAP(struct cj_accounts, unit, "unit", unit_f, "单位概况"),
	MAP(struct cj_accounts, income, "income", income_f, "收入（收入支出决算总表、收入决算表）"),
	MAP(struct cj_accounts, spending, "spending", spending_f, "支出（支出决算表）"),
	MAP(struct cj_accounts, fiscal, "fiscal", fiscal_f, "财政拨款收入支出（财政拨款收入支出决算总表）"),
	MAP(struct cj_accounts, general, "general_budget", fund_f, "一般公共预算财政拨款支出"),
	MAP(struct cj_accounts, govfund, "gov_fund", fund_f, "政府性基金预算财政拨款收入支出"),
	MAP(struct cj_accounts, statecap, "state_capital", fund_f, "国有资本经营预算财政拨款支出"),
	MAP(struct cj_accounts, other, "other_funds", fund_f,
	    "非财政拨款资金（事业收入、经营收入、其他收入、上级补助等）安排的支出，按功能分类到项（支出决算表用；"
	    "全部支出都由财政拨款安排时省略）"),
	MAP(struct cj_accounts, basic, "basic_spending", basic_f,
	    "一般公共预算财政拨款基本支出（经济分类）"),
	MAP(struct cj_accounts, sangong, "sangong", sangong_f, "“三公”经费"),
	MAP(struct cj_accounts, opcost, "operating_costs", opcost_f, "机关运行经费"),
	MAP(struct cj_accounts, procurement, "procurement", procurement_f, "政府采购"),
	MAP(struct cj_accounts, assets, "assets", assets_f, "国有资产占有使用"),
	MAP(struct cj_accounts, perf, "performance", perf_f, "预算绩效管理"),
	LIST(struct cj_accounts, glossary, "glossary", term_f, struct cj_term, "名词解释"),
	END};

const struct cj_field *cj_schema_root(void)
{
	return root_f;
}

const struct cj_field *cj_schema_find(const struct cj_field *table, const char *key,
				      size_t key_len)
{
	for (; table->key; table++)
		if (strlen(table->key) == key_len && memcmp(table->key, key, key_len) == 0)
			return table;
	return NULL;
}

const char *cj_schema_type_zh(enum cj_ftype t)
{
	switch (t) {
	case CJ_F_MONEY: return "金额";
	case CJ_F_COUNT: return "整数";
	case CJ_F_RATE: return "百分比";
	case CJ_F_TEXT: return "文字";
	case CJ_F_CODE: return "编码";
	case CJ_F_TEXTS: return "文字列表";
	case CJ_F_REASONS: return "原因列表";
	case CJ_F_MAP: return "分组";
	case CJ_F_LIST: return "列表";
	}
	return "?";
}

/*
 * schema_doc.c - write docs/dataset.md from the schema table.
 *
 * The prose (introduction, rules, the two forms of a reasons list, the
 * closing example) is fixed text here; every table row comes from the
 * schema, in table order.  Paths are written in full (`income.this_year.
 * general_budget`) so that a reader can search for the path an error
 * message names; list elements are written `items[]`.
 *
 * The closing example must stay a valid dataset: tests/unit/test_yaml.c
 * reads it back with the YAML reader.
 */
#include "schema_doc.h"

#include <stdio.h>

#include "schema.h"

static const char intro[] =
	"# 数据文件说明（dataset.yaml）\n"
	"\n"
	"> 本文由 `caijue schema --markdown` 根据程序中的字段表自动生成，请勿手工修改。\n"
	"\n"
	"数据文件是一个 UTF-8 编码的 YAML 文本文件，记录**一个预算单位一个年度**的部门决算："
	"单位概况、收入支出决算表中的数字、各项变动原因等文字说明、“三公”经费、政府采购、"
	"国有资产和预算绩效管理情况。caijue 读取这个文件，核对其中的数字，并生成决算公开报告。"
	"文件可以用记事本、WPS 或任何文本编辑器编辑，保存时请选择 UTF-8 编码。\n"
	"\n"
	"## YAML 基本写法\n"
	"\n"
	"1. 每行写一个「键: 值」，冒号后面要有一个空格，例如 `year: 2020`。\n"
	"2. 用缩进表示层次：下一级字段比上一级多缩进两个空格（只能用空格，不能用 Tab 键）。\n"
	"3. 列表的每一项以「- 」开头，同一列表的各项缩进相同。\n"
	"4. 长段文字写成 `|` 块：键后写 `|`，从下一行起缩进书写，可以换行分段。\n"
	"5. 「#」之后到行尾是注释，读取时忽略。\n"
	"\n"
	"## 填写规则\n"
	"\n"
	"- **金额单位**：所有金额的单位由顶层字段 `amount_unit` 决定（`元` 或 `万元`），"
	"最多两位小数，程序不做舍入；可以写千分位逗号（`1,104.25`）。"
	"除类型中注明“可为负数”的字段外，金额不能为负数。\n"
	"- **空缺不等于 0**：不知道的数字不要填 0，直接省略该字段（或留空）；"
	"填 0 表示这一项确实为零。\n"
	"- **填报数只核对、不采信**：说明中标有“填报数”或“核对用”的字段（合计、小计、总计、"
	"文中所写的百分比等）是单位报表或文稿上写的数。caijue 总是从明细重新计算，"
	"与填报数比较并报告不一致之处；生成的报告始终使用计算结果。这些字段都可以省略。\n"
	"- **字段名必须与本文一致**：拼错或未知的字段会报错（并提示最接近的字段名），"
	"不会被悄悄忽略；同一字段也不能写两次。类型中注明“必填”的字段不能省略。\n"
	"- **文字**一般直接写；含有「: 」「 #」或以 [ { * & ! % @ ` 等符号开头时，"
	"请用英文引号括起来，或写成 `|` 块。数字样子的文字（如 `001`）按原样保留。\n"
	"- **百分比**写成 `96.61` 或 `96.61%`，最多两位小数。\n"
	"- **科目编码**只写数字：支出功能分类项级 7 位（如 `2013101`），"
	"经济分类款级 5 位（如 `30101`）。名称可以省略，由编码表生成。\n"
	"- **列表位置**：本文把列表中的每一项写作 `items[]`；报错信息中的 `items[3]` "
	"表示列表的第 3 项（从 1 数起）。\n"
	"\n"
	"## 原因列表的两种写法\n"
	"\n"
	"类型为“原因列表”的字段（如 `income.reasons`）每项可以只写原因，"
	"也可以写成含 `text`（原因，必填）和 `amount`（该原因涉及的金额，可省略，"
	"可为负数表示减少）的分组，两种写法可以混用：\n"
	"\n"
	"```yaml\n"
	"income:\n"
	"  reasons:\n"
	"    - 新增信创替代工程项目。            # 只写原因\n"
	"    - text: 人员增加，工资福利支出增加。  # 原因和涉及的金额\n"
	"      amount: 45.20\n"
	"```\n"
	"\n"
	"只有一条原因时也可以直接写在键后：`reasons: 新增信创替代工程项目。`\n"
	"\n"
	"报告中，金额写在原因文字之后（“人员增加，工资福利支出增加45.20万元”）；"
	"文字中有 `{金额}` 时，金额写在该处：`text: 增加资本性支出{金额}（包括：…）` "
	"印出“增加资本性支出123.02万元（包括：…）”。金额按绝对值印出，增减由文字说明。\n";

static const char example[] =
	"## 完整示例\n"
	"\n"
	"下面是一个可以直接读取的简短数据文件（节选，未填写的部分按空缺处理）：\n"
	"\n"
	"```yaml\n"
	"# 区委办公室 2020 年度部门决算（节选）\n"
	"caijue: 1\n"
	"year: 2020\n"
	"amount_unit: 万元\n"
	"\n"
	"unit:\n"
	"  name: 中共广元市利州区委员会办公室\n"
	"  short_name: 区委办公室\n"
	"  level: 一级预算单位\n"
	"  functions:\n"
	"    - 负责区委日常工作运转。\n"
	"    - 负责全区保密工作。\n"
	"  authorized:\n"
	"    - kind: 行政编制\n"
	"      count: 21\n"
	"  authorized_total: 21\n"
	"\n"
	"income:\n"
	"  this_year:\n"
	"    general_budget: 1104.25\n"
	"    total: 1104.25        # 填报数：程序会重新计算并核对\n"
	"  last_year:\n"
	"    total: 580.07\n"
	"  reasons:\n"
	"    - 新增信创替代工程项目。\n"
	"    - text: 人员增加，工资福利支出增加。\n"
	"      amount: 45.20\n"
	"\n"
	"spending:\n"
	"  this_year:\n"
	"    basic: 522.26\n"
	"    project: 274.84\n"
	"    total: 797.10\n"
	"\n"
	"general_budget:\n"
	"  budget_basis: 调整预算\n"
	"  items:\n"
	"    - code: 2013101\n"
	"      name: 行政运行\n"
	"      budget: 423.73\n"
	"      actual: 441.91\n"
	"      basic: 441.91\n"
	"      reasons:\n"
	"        - 人员调入，工资福利支出增加。\n"
	"\n"
	"basic_spending:\n"
	"  items:\n"
	"    - code: 30101\n"
	"      name: 基本工资\n"
	"      amount: 120.50\n"
	"\n"
	"sangong:\n"
	"  actual:\n"
	"    vehicle_running: 2.07\n"
	"    reception: 0.85\n"
	"    total: 2.92\n"
	"\n"
	"performance:\n"
	"  projects:\n"
	"    - name: 高清视频会议系统\n"
	"      budget_fiscal: 57.55\n"
	"      exec_fiscal: 55.60\n"
	"      stated_rate: 96.61%\n"
	"      indicators:\n"
	"        - level1: 产出指标\n"
	"          level2: 数量指标\n"
	"          name: 会议系统建设数量\n"
	"          expected: 1套\n"
	"          actual: 1套\n"
	"      report:\n"
	"        conclusion: |\n"
	"          项目按计划完成，资金使用规范。\n"
	"          达到了预期绩效目标。\n"
	"```\n";

/* A table cell: '|' escaped, line breaks as spaces. */
static void put_cell(struct cj_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			cj_buf_puts(b, "\\|");
		else if (*s == '\n' || *s == '\r')
			cj_buf_putc(b, ' ');
		else
			cj_buf_putc(b, *s);
	}
}

static void put_type(struct cj_buf *b, const struct cj_field *f)
{
	cj_buf_puts(b, cj_schema_type_zh(f->type));
	if (f->flags & CJ_FF_REQUIRED)
		cj_buf_puts(b, "，必填");
	if (f->flags & CJ_FF_SIGNED)
		cj_buf_puts(b, "，可为负数");
}

static void put_row(struct cj_buf *b, const char *path, const struct cj_field *f)
{
	cj_buf_printf(b, "| `%s` | ", path);
	put_type(b, f);
	cj_buf_puts(b, " | ");
	put_cell(b, f->zh ? f->zh : "");
	switch (f->type) {
	case CJ_F_LIST: cj_buf_puts(b, "。每项以「- 」开头，字段见下"); break;
	case CJ_F_TEXTS: cj_buf_puts(b, "。每项以「- 」开头；只有一项时可直接写在键后"); break;
	case CJ_F_REASONS: cj_buf_puts(b, "。两种写法见上文「原因列表的两种写法」"); break;
	case CJ_F_MAP:
	case CJ_F_CODE:
	case CJ_F_MONEY:
	case CJ_F_COUNT:
	case CJ_F_RATE:
	case CJ_F_TEXT: break;
	}
	cj_buf_puts(b, " | ");
	if (f->example && f->example[0]) {
		cj_buf_puts(b, "`");
		put_cell(b, f->example);
		cj_buf_puts(b, "`");
	}
	cj_buf_puts(b, " |\n");
}

/* Rows for every field of `tab` under `prefix`, depth first, in table order. */
static void put_rows(struct cj_buf *b, const struct cj_field *tab, const char *prefix)
{
	char path[256];
	const struct cj_field *f;
	int n;

	for (f = tab; f->key; f++) {
		n = snprintf(path, sizeof(path), "%s%s%s%s", prefix, prefix[0] ? "." : "", f->key,
			     f->type == CJ_F_LIST ? "[]" : "");
		if (n < 0 || (size_t)n >= sizeof(path))
			continue; /* cannot happen with our schema; never print a cut path */
		put_row(b, path, f);
		if (f->type == CJ_F_MAP || f->type == CJ_F_LIST)
			put_rows(b, f->sub, path);
	}
}

static void table_head(struct cj_buf *b)
{
	cj_buf_puts(b, "| 字段 | 类型 | 说明 | 示例 |\n|---|---|---|---|\n");
}

enum cj_err cj_schema_markdown(struct cj_buf *out)
{
	const struct cj_field *root = cj_schema_root(), *f;
	char path[128];
	int n;

	cj_buf_puts(out, intro);

	cj_buf_puts(out, "\n## 文件开头的字段\n\n");
	cj_buf_puts(out, "这几个字段写在文件最前面，不缩进。\n\n");
	table_head(out);
	for (f = root; f->key; f++)
		if (f->type != CJ_F_MAP && f->type != CJ_F_LIST)
			put_row(out, f->key, f);

	for (f = root; f->key; f++) {
		if (f->type != CJ_F_MAP && f->type != CJ_F_LIST)
			continue;
		n = snprintf(path, sizeof(path), "%s%s", f->key, f->type == CJ_F_LIST ? "[]" : "");
		if (n < 0 || (size_t)n >= sizeof(path))
			continue;
		cj_buf_printf(out, "\n## `%s`：%s\n\n", path, f->zh ? f->zh : "");
		if (f->type == CJ_F_LIST)
			cj_buf_puts(out, "这是一个列表，每项以「- 」开头，包含下列字段。\n\n");
		table_head(out);
		put_rows(out, f->sub, path);
	}

	cj_buf_puts(out, "\n");
	cj_buf_puts(out, example);
	return cj_buf_err(out);
}

/*
 * cmd_score.c - `caijue score DATASET [--format text|json] [--explain]`:
 * each project's 项目支出绩效自评 (预算执行率, indicator scores, total,
 * grade, deviations).  The library scores and formats every figure
 * (cj_dataset_score); this file only lays the result out.
 *
 * Exit status: 0 when the projects were scored (whatever the scores);
 * 2 on a usage error or a dataset that cannot be read.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"用法: caijue score DATASET [选项]\n"
	"\n"
	"按项目支出绩效自评方法为每个项目评分：预算执行率（10分）、产出指标（50分）、\n"
	"效益指标（30分）、满意度指标（10分；未设时其分值按比例并入产出和效益），\n"
	"得出总分和等级（优 ≥90，良 ≥80，中 ≥60，差 <60），并列出需要说明偏差原因之处。\n"
	"\n"
	"选项:\n"
	"  --format text|json        输出格式（默认 text）\n"
	"  --explain                 逐项说明每个指标如何读取、如何计分\n"
	"  --codes FILE              使用指定的科目编码表（CSV）\n"
	"\n"
	"退出码: 0 评分完成；2 用法错误或数据文件无法读取。\n";

/* ---------------------------------------------------------------- text */

/* s padded with spaces to `width` display columns, on the left or the right. */
static void cell(FILE *out, const char *s, size_t width, int right)
{
	size_t w = cj_display_width(s), i;

	if (!width) /* the last column: no padding */
		right = 0;
	if (right)
		for (i = w; i < width; i++)
			fputc(' ', out);
	fputs(s, out);
	if (!right && width)
		for (i = w; i < width; i++)
			fputc(' ', out);
}

static size_t max_w(size_t w, const char *s)
{
	size_t x = cj_display_width(s);

	return x > w ? x : w;
}

static const char *result_of(const struct cj_score_indicator *x)
{
	if (x->met)
		return "达成";
	return x->qualitative ? x->outcome : "未达到";
}

static void print_summary(FILE *out, const struct cj_scores *sc)
{
	static const char *const head[] = {"项目", "预算数（万元）", "执行数（万元）", "执行率",
					   "执行率得分", "总分", "等级"};
	size_t w[7], i, k, n = cj_scores_count(sc);

	for (k = 0; k < 7; k++)
		w[k] = cj_display_width(head[k]);
	for (i = 0; i < n; i++) {
		const struct cj_score_project *p = cj_scores_project(sc, i);
		w[0] = max_w(w[0], p->name);
		w[1] = max_w(w[1], p->budget);
		w[2] = max_w(w[2], p->exec);
		w[3] = max_w(w[3], p->exec_rate[0] ? p->exec_rate : "—");
		w[4] = max_w(w[4], p->exec_score);
		w[5] = max_w(w[5], p->total);
		w[6] = max_w(w[6], p->grade);
	}
	w[6] = 0;
	for (k = 0; k < 7; k++) {
		cell(out, head[k], w[k], k > 0 && k < 6);
		fputs(k < 6 ? "  " : "\n", out);
	}
	for (i = 0; i < n; i++) {
		const struct cj_score_project *p = cj_scores_project(sc, i);
		const char *v[7];
		v[0] = p->name;
		v[1] = p->budget;
		v[2] = p->exec;
		v[3] = p->exec_rate[0] ? p->exec_rate : "—";
		v[4] = p->exec_score;
		v[5] = p->total;
		v[6] = p->grade;
		for (k = 0; k < 7; k++) {
			cell(out, v[k], w[k], k > 0 && k < 6);
			fputs(k < 6 ? "  " : "\n", out);
		}
	}
}

/* Print a multi-line text with a prefix before each line. */
static void lines(FILE *out, const char *prefix, const char *s)
{
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		fprintf(out, "%s%.*s\n", prefix, (int)len, s);
		s += len + (e ? 1 : 0);
	}
}

static void print_project(FILE *out, const struct cj_score_project *p, size_t no, int explain)
{
	static const char *const head[] = {"一级指标", "三级指标", "分值", "得分", "结果"};
	size_t w[5], i, k;

	fprintf(out, "\n%zu. %s：总分 %s，等级 %s\n", no, p->name, p->total, p->grade);
	for (k = 0; k < 5; k++)
		w[k] = cj_display_width(head[k]);
	w[0] = max_w(w[0], "预算执行率");
	w[2] = max_w(w[2], "10.00");
	w[3] = max_w(w[3], p->exec_score);
	w[2] = max_w(w[2], p->weight_total);
	w[3] = max_w(w[3], p->total);
	for (i = 0; i < p->nindicators; i++) {
		const struct cj_score_indicator *x = &p->indicators[i];
		w[0] = max_w(w[0], x->level);
		w[1] = max_w(w[1], x->name);
		w[2] = max_w(w[2], x->weight);
		w[3] = max_w(w[3], x->score);
	}
	w[4] = 0;
	fputs("  ", out);
	for (k = 0; k < 5; k++) {
		cell(out, head[k], w[k], k == 2 || k == 3);
		fputs(k < 4 ? "  " : "\n", out);
	}
	fputs("  ", out);
	cell(out, "预算执行率", w[0], 0);
	fputs("  ", out);
	cell(out, "", w[1], 0);
	fputs("  ", out);
	cell(out, "10.00", w[2], 1);
	fputs("  ", out);
	cell(out, p->exec_score, w[3], 1);
	fprintf(out, "  %s\n", p->exec_rate[0] ? p->exec_rate : "—");
	for (i = 0; i < p->nindicators; i++) {
		const struct cj_score_indicator *x = &p->indicators[i];
		const char *v[5];
		v[0] = x->level;
		v[1] = x->name;
		v[2] = x->weight;
		v[3] = x->score;
		v[4] = result_of(x);
		fputs("  ", out);
		for (k = 0; k < 5; k++) {
			cell(out, v[k], w[k], k == 2 || k == 3);
			fputs(k < 4 ? "  " : "\n", out);
		}
		if (explain)
			fprintf(out, "      %s\n", x->explain);
	}
	fputs("  ", out);
	cell(out, "合计", w[0] + 2 + w[1], 0);
	fputs("  ", out);
	cell(out, p->weight_total, w[2], 1);
	fputs("  ", out);
	cell(out, p->total, w[3], 1);
	fprintf(out, "  %s\n", p->grade);
	for (i = 0; i < p->ndeviations; i++) {
		const struct cj_score_deviation *dv = &p->deviations[i];
		if (strcmp(dv->kind, "exec") == 0)
			fprintf(out, "  偏差：预算执行率 %s 低于 90%%", p->exec_rate);
		else
			fprintf(out, "  偏差：「%s」未达到年度指标值", dv->subject);
		if (dv->reason[0])
			fprintf(out, "；原因：%s\n", dv->reason);
		else
			fprintf(out, "；未说明原因（%s）\n", dv->field);
	}
	for (i = 0; i < p->nwarnings; i++)
		fprintf(out, "  注意：%s\n", p->warnings[i]);
	if (explain)
		lines(out, "  说明：", p->notes);
}

static void print_text(FILE *out, const struct cj_scores *sc, int explain)
{
	size_t i, n = cj_scores_count(sc);

	fprintf(out, "项目支出绩效自评：%s\n\n", cj_scores_source(sc));
	if (!n) {
		fputs("数据文件中没有项目（performance.projects）。\n", out);
		return;
	}
	print_summary(out, sc);
	for (i = 0; i < n; i++)
		print_project(out, cj_scores_project(sc, i), i + 1, explain);
}

/* ---------------------------------------------------------------- JSON */


/* ", \"key\": " followed by a string */
static void kv_str(FILE *out, const char *key, const char *val, int first)
{
	fprintf(out, "%s\"%s\": ", first ? "" : ", ", key);
	cli_json_str(out, val);
}

/* A formatted decimal ("56.25") as a JSON number; "" as null. */
static void kv_num(FILE *out, const char *key, const char *val)
{
	fprintf(out, ", \"%s\": %s", key, val[0] ? val : "null");
}

static void print_json(FILE *out, const struct cj_scores *sc)
{
	size_t i, k, n = cj_scores_count(sc);

	fputs("{\"tool\": \"caijue\", \"version\": ", out);
	cli_json_str(out, cj_version());
	fputs(", \"file\": ", out);
	cli_json_str(out, cj_scores_source(sc));
	fputs(",\n \"projects\": [", out);
	for (i = 0; i < n; i++) {
		const struct cj_score_project *p = cj_scores_project(sc, i);

		fputs(i ? ",\n  {" : "\n  {", out);
		kv_str(out, "name", p->name, 1);
		fprintf(out, ", \"line\": %u", p->line);
		kv_num(out, "budget", p->budget);
		kv_num(out, "exec", p->exec);
		if (p->exec_rate[0])
			kv_str(out, "exec_rate", p->exec_rate, 0);
		else
			fputs(", \"exec_rate\": null", out);
		kv_num(out, "exec_score", p->exec_score);
		fputs(",\n   \"indicators\": [", out);
		for (k = 0; k < p->nindicators; k++) {
			const struct cj_score_indicator *x = &p->indicators[k];
			fputs(k ? ",\n    {" : "\n    {", out);
			kv_str(out, "level1", x->level1, 1);
			kv_str(out, "level2", x->level2, 0);
			kv_str(out, "name", x->name, 0);
			kv_str(out, "level", x->level, 0);
			kv_str(out, "target", x->target, 0);
			kv_str(out, "actual", x->actual, 0);
			kv_str(out, "target_read", x->target_read, 0);
			kv_str(out, "actual_read", x->actual_read, 0);
			kv_num(out, "weight", x->weight);
			kv_num(out, "score", x->score);
			fprintf(out, ", \"met\": %s, \"qualitative\": %s", x->met ? "true" : "false",
				x->qualitative ? "true" : "false");
			kv_str(out, "outcome", x->outcome, 0);
			kv_str(out, "deviation", x->deviation, 0);
			fprintf(out, ", \"line\": %u", x->line);
			kv_str(out, "explain", x->explain, 0);
			fputc('}', out);
		}
		fputc(']', out);
		kv_num(out, "weight_total", p->weight_total);
		kv_num(out, "total", p->total);
		kv_str(out, "grade", p->grade, 0);
		fputs(",\n   \"deviations\": [", out);
		for (k = 0; k < p->ndeviations; k++) {
			const struct cj_score_deviation *dv = &p->deviations[k];
			fputs(k ? ", {" : "{", out);
			kv_str(out, "kind", dv->kind, 1);
			kv_str(out, "subject", dv->subject, 0);
			if (strcmp(dv->kind, "indicator") == 0)
				fprintf(out, ", \"indicator\": %zu", dv->indicator);
			kv_str(out, "reason", dv->reason, 0);
			kv_str(out, "field", dv->field, 0);
			fprintf(out, ", \"line\": %u}", dv->line);
		}
		fputs("], \"warnings\": [", out);
		for (k = 0; k < p->nwarnings; k++) {
			if (k)
				fputs(", ", out);
			cli_json_str(out, p->warnings[k]);
		}
		fputs("]", out);
		kv_str(out, "notes", p->notes, 0);
		fputc('}', out);
	}
	fputs(n ? "\n ]}\n" : "]}\n", out);
}

/* --------------------------------------------------------------- main */

int cmd_score(int argc, char **argv)
{
	struct cj_load_opts lo;
	struct cj_dataset *ds = NULL;
	struct cj_scores *sc = NULL;
	struct cj_diag d;
	const char *path = NULL, *v;
	int format = FMT_TEXT, explain = 0, i, rc;

	memset(&lo, 0, sizeof(lo));
	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(help, stdout);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--explain") == 0) {
			explain = 1;
			continue;
		}
		if (cli_opt(argc, argv, &i, "--format", &v)) {
			format = cli_parse_format(v);
			if (format < 0)
				return cli_usage("score", "--format 应为 text 或 json");
			continue;
		}
		if (cli_opt(argc, argv, &i, "--codes", &v)) {
			if (!v)
				return cli_usage("score", "--codes 需要一个文件名");
			lo.codes_file = v;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("score", "未知选项「%s」", argv[i]);
		if (path)
			return cli_usage("score", "只能指定一个数据文件");
		path = argv[i];
	}
	if (!path)
		return cli_usage("score", "缺少数据文件");
	cj_diag_init(&d);
	if (cj_dataset_load(path, &lo, &ds, &d))
		return cli_diag(&d);
	if (cj_dataset_score(ds, &sc, &d)) {
		rc = cli_diag(&d);
	} else {
		if (format == FMT_JSON)
			print_json(stdout, sc);
		else
			print_text(stdout, sc, explain);
		rc = CLI_OK;
	}
	cj_scores_free(sc);
	cj_dataset_free(ds);
	return rc;
}

/*
 * context.c - what a figure's own words do not say but its place does:
 *
 *   projects  the annexes of a report describe each project several
 *             times ("（1）乡村振兴专题调研项目绩效目标完成情况综述。项目全年
 *             预算数38.00万元，执行数为36.48万元", its 绩效目标完成情况表, its
 *             绩效评价报告 "项目资金38.00万元。全年支出34.68万元。").  Inside a
 *             project's text a budget (预算数, 项目资金, 资金计划) and an
 *             actual (执行数, 全年支出, 实际支出) get the subject
 *             "项目:<name>|预算" / "项目:<name>|执行", so AUD-SAME-QTY sees
 *             that 34.68 and 36.48 are the same project's spending.
 *   tables    in a table of 绩效指标 (一级/二级/三级指标, 预期指标值,
 *             实际完成指标值) a figure in the 预期 column is a target, not a
 *             fact (marked approximate); a figure alone in its cell takes
 *             its subject from the row's name cell ("编发《利州决策参考》 |
 *             12期 | 15期").
 *
 * A project's name is normalised so that its heading, its table and its
 * summary agree (联系重点工作经费 / 联系重点工作项目…报告: trailing 项目, 经费,
 * 支出 dropped).  The context ends at the next project or at a part
 * heading (第X部分).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

#define NAME_CAP 160

struct ctx {
	char project[NAME_CAP]; /* normalised project name, "" outside projects */
	int target_col, actual_col;
	int in_table;
};

static const char *const actual_words[] = {"执行数", "全年支出", "实际支出", "支出决算",
					   "资金使用", "全年执行数", "实际执行数", "执行金额"};
static const char *const budget_words[] = {"预算数", "项目资金", "资金计划", "全年预算数",
					   "年初预算数", "调整预算数", "预算金额"};

/* Does s[a..b) end with one of list (after spaces, ：, 为, 是)? */
static int ends_word(const char *s, size_t a, size_t b, const char *const *list, size_t n)
{
	size_t k, m;
	int again = 1;

	while (again && b > a) {
		again = 0;
		if (s[b - 1] == ' ' || s[b - 1] == ':') {
			b--;
			again = 1;
		} else if ((m = cj_aud_ends(s + a, b - a, "：")) || (m = cj_aud_ends(s + a, b - a, "为")) ||
			   (m = cj_aud_ends(s + a, b - a, "是"))) {
			b -= m;
			again = 1;
		}
	}
	for (k = 0; k < n; k++)
		if (cj_aud_ends(s + a, b - a, list[k]))
			return 1;
	return 0;
}

/* Normalise a project name into out: subject form, trailing 项目/经费/支出 dropped. */
static void project_name(struct aud_doc *doc, const char *s, size_t len, char *out)
{
	struct cj_buf b;
	size_t n, m;
	int again = 1;

	out[0] = '\0';
	cj_buf_init(&b, 4096);
	cj_aud_subject_norm(s, len, &b);
	if (cj_buf_err(&b)) {
		if (!doc->err)
			doc->err = cj_buf_err(&b);
		cj_buf_release(&b);
		return;
	}
	n = b.len;
	while (again && n) {
		again = 0;
		if ((m = cj_aud_ends(cj_buf_str(&b), n, "项目")) ||
		    (m = cj_aud_ends(cj_buf_str(&b), n, "经费")) ||
		    (m = cj_aud_ends(cj_buf_str(&b), n, "支出"))) {
			n -= m;
			again = 1;
		}
	}
	if (n >= NAME_CAP)
		n = cj_aud_prev(cj_buf_str(&b), NAME_CAP - 1);
	memcpy(out, cj_buf_str(&b), n);
	out[n] = '\0';
	cj_buf_release(&b);
}

/* Find w in s[a..b); returns its offset or (size_t)-1. */
static size_t find(const char *s, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);
	const char *p = s + a, *end = s + b;

	while (p + n <= end) {
		const char *q = memchr(p, w[0], (size_t)(end - p) - n + 1);
		if (!q)
			break;
		if (memcmp(q, w, n) == 0)
			return (size_t)(q - s);
		p = q + 1;
	}
	return (size_t)-1;
}

/* A paragraph that names a project: its heading or its summary. */
static int project_of_para(struct aud_doc *doc, uint32_t p, char *out, int *whole)
{
	const struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, k;

	*whole = 0;
	/* "乡村振兴专题调研项目2022年绩效评价报告" (a title) */
	if (len <= 120 && (k = find(s, 0, len, "绩效评价报告")) != (size_t)-1 &&
	    find(s, 0, len, "。") == (size_t)-1) {
		size_t e = find(s, 0, k, "项目");
		project_name(doc, s, e != (size_t)-1 ? e : k, out);
		if (!out[0] && p > 0) {
			/* the title broken over two lines: "公务车运行维护支出" / "项目2020年…报告" */
			uint32_t q = p;
			while (q > 0 && !doc->paras[q - 1].len)
				q--;
			if (q > 0 && doc->paras[q - 1].len <= 60)
				project_name(doc, doc->paras[q - 1].ptr, doc->paras[q - 1].len, out);
		}
		*whole = 1;
		return out[0] != 0;
	}
	/* "（1）乡村振兴专题调研项目绩效目标完成情况综述。…" (this paragraph only) */
	if ((k = find(s, 0, len > 240 ? 240 : len, "绩效目标完成情况")) != (size_t)-1) {
		size_t e = find(s, 0, k, "项目");
		project_name(doc, s, e != (size_t)-1 ? e : k, out);
		return out[0] != 0;
	}
	/* a table printed one cell per line: "项目名称" then the name */
	{
		size_t a = 0, b = len;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == ':'))
			b--;
		if (cj_aud_ends(s + a, b - a, "："))
			b -= 3;
		if (b - a == 12 && memcmp(s + a, "项目名称", 12) == 0) {
			uint32_t q = p + 1;
			while (q < doc->npara && !doc->paras[q].len)
				q++;
			if (q < doc->npara && doc->paras[q].len <= 90 && !doc->paras[q].table) {
				project_name(doc, doc->paras[q].ptr, doc->paras[q].len, out);
				*whole = 1;
				return out[0] != 0;
			}
		}
	}
	/* "项目名称：乡村振兴专题调研    单位：万元" */
	if ((k = find(s, 0, len, "项目名称：")) != (size_t)-1) {
		size_t a = k + 15, e = a;
		while (e < len && s[e] != ' ' && s[e] != '\t' && !cj_aud_at(s, len, e, "　") &&
		       !cj_aud_at(s, len, e, "单位"))
			e++;
		project_name(doc, s + a, e - a, out);
		*whole = 1;
		return out[0] != 0;
	}
	return 0;
}

/* Give an amount of a project its project subject. */
static void scope(struct aud_doc *doc, struct aud_fig *f, const char *project, int actual)
{
	size_t before = doc->subj.len;

	f->subj = (uint32_t)before;
	cj_buf_puts(&doc->subj, "项目:");
	cj_buf_puts(&doc->subj, project);
	cj_buf_puts(&doc->subj, actual ? "|执行" : "|预算");
	f->subj_len = (uint16_t)(doc->subj.len - before);
	cj_buf_putc(&doc->subj, '\0');
	f->role = actual ? AUD_R_ACTUAL : AUD_R_BUDGET;
	f->flags &= (uint16_t)~AUD_F_GENERIC;
	f->name_len = 0;
	if (cj_buf_err(&doc->subj) && !doc->err)
		doc->err = cj_buf_err(&doc->subj);
}

/* Project amounts read from the words s[a..b) before them. */
static void project_amount(struct aud_doc *doc, struct aud_fig *f, const char *project,
			   const char *s, size_t a, size_t b)
{
	if (!project[0] || f->kind != AUD_AMOUNT || (f->flags & AUD_F_APPROX))
		return;
	if (f->role != AUD_R_AMOUNT && f->role != AUD_R_ACTUAL && f->role != AUD_R_BUDGET)
		return;
	if (ends_word(s, a, b, budget_words, sizeof(budget_words) / sizeof(budget_words[0])))
		scope(doc, f, project, 0);
	else if (ends_word(s, a, b, actual_words, sizeof(actual_words) / sizeof(actual_words[0])))
		scope(doc, f, project, 1);
	else if (f->role == AUD_R_BUDGET && (f->flags & AUD_F_GENERIC))
		scope(doc, f, project, 0);
}

/* --------------------------------------------------------------- tables */

struct cells {
	uint32_t a[64], b[64];
	unsigned n;
};

static void split_cells(const struct aud_para *para, struct cells *c)
{
	const char *s = para->ptr;
	size_t len = para->len, i = 0;
	int md;

	c->n = 0;
	while (i < len && s[i] == ' ')
		i++;
	md = i < len && s[i] == '|';
	if (md)
		i++;
	while (i <= len && c->n < 64) {
		size_t a = i;
		while (i < len && s[i] != '\t' && !(md && s[i] == '|'))
			i++;
		if (md && i == len && a == len)
			break;
		c->a[c->n] = (uint32_t)a;
		c->b[c->n] = (uint32_t)i;
		c->n++;
		i++;
	}
}

static int cell_has(const struct aud_para *para, const struct cells *c, unsigned k, const char *w)
{
	return find(para->ptr, c->a[k], c->b[k], w) != (size_t)-1;
}

static int cell_digits(const struct aud_para *para, const struct cells *c, unsigned k)
{
	uint32_t i;

	for (i = c->a[k]; i < c->b[k]; i++)
		if (para->ptr[i] >= '0' && para->ptr[i] <= '9')
			return 1;
	return 0;
}

/* A cell with text of its own (not only stars, spaces, 一级/二级 labels). */
static int name_cell(const struct aud_para *para, const struct cells *c, unsigned k)
{
	const char *s = para->ptr;
	uint32_t a = c->a[k], b = c->b[k];

	while (a < b && (s[a] == ' ' || s[a] == '*'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '*'))
		b--;
	if (a == b || cell_digits(para, c, k))
		return 0;
	/* the 一级/二级 indicator labels: 产出指标, 数量指标, 社会效益指标 ... */
	if (cj_aud_ends(s + a, b - a, "指标") && b - a <= 21)
		return 0;
	return 1;
}

static void table_row(struct aud_doc *doc, struct ctx *cx, uint32_t p)
{
	const struct aud_para *para = &doc->paras[p];
	struct cells c;
	unsigned k;
	uint32_t fi;

	split_cells(para, &c);
	for (k = 0; k < c.n; k++) {
		if (cell_has(para, &c, k, "预期指标值") || cell_has(para, &c, k, "年度指标值") ||
		    cell_has(para, &c, k, "目标值"))
			cx->target_col = (int)k;
		else if (cell_has(para, &c, k, "实际完成"))
			cx->actual_col = (int)k;
	}
	if (c.n >= 2 && name_cell(para, &c, 0) && cell_has(para, &c, 0, "项目名称")) {
		unsigned j;
		for (j = 1; j < c.n; j++)
			if (name_cell(para, &c, j)) {
				project_name(doc, para->ptr + c.a[j], c.b[j] - c.a[j], cx->project);
				break;
			}
	}
	for (fi = para->fig0; fi < para->fig0 + para->nfig; fi++) {
		struct aud_fig *f = &doc->figs[fi];
		unsigned col = 0, j;
		while (col + 1 < c.n && f->off >= c.b[col])
			col++;
		if (f->kind != AUD_AMOUNT && f->kind != AUD_COUNT && f->kind != AUD_PCT)
			continue;
		if (cx->target_col >= 0 && (int)col == cx->target_col)
			f->flags |= AUD_F_APPROX; /* a target, not a fact */
		{
			/* the cell says what the figure is, unless the figure is alone in it */
			uint32_t q = c.a[col];
			while (q < f->off && (para->ptr[q] == ' ' || para->ptr[q] == '*'))
				q++;
			if (q < f->off && !(f->subj_len == 0 || (f->flags & AUD_F_GENERIC)))
				continue;
		}
		/* the row's name cell: the nearest text cell before this one */
		for (j = col; j-- > 0;)
			if (name_cell(para, &c, j))
				break;
		if (j == (unsigned)-1)
			continue;
		if (f->kind == AUD_AMOUNT) {
			project_amount(doc, f, cx->project, para->ptr, c.a[j], c.b[j]);
		} else if (f->kind == AUD_COUNT) {
			size_t before = doc->subj.len;
			f->subj = (uint32_t)before;
			cj_aud_subject_norm(para->ptr + c.a[j], c.b[j] - c.a[j], &doc->subj);
			cj_buf_putc(&doc->subj, '|');
			f->subj_len = (uint16_t)(doc->subj.len - before);
			cj_buf_putc(&doc->subj, '\0');
			if (cj_aud_subject_generic(aud_subj(doc, f), f->subj_len))
				f->flags |= AUD_F_GENERIC;
			else
				f->flags &= (uint16_t)~AUD_F_GENERIC;
		}
	}
}

/* --------------------------------------------------------------- driver */

/* A part heading "第一部分 …": its number (1..9), 0 when not one. */
static int part_heading(const struct aud_para *para)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
	size_t i = 0;
	int k;

	while (i < para->len && (para->ptr[i] == ' ' || para->ptr[i] == '#' || para->ptr[i] == '*'))
		i++;
	if (!cj_aud_at(para->ptr, para->len, i, "第"))
		return 0;
	for (k = 0; k < 9; k++)
		if (cj_aud_at(para->ptr, para->len, i + 3, cn[k]) &&
		    cj_aud_at(para->ptr, para->len, i + 6, "部分"))
			return k + 1;
	return 0;
}

/*
 * A count in the work summary (第一部分) is one quantity only within its
 * topic: its paragraph and its "一是/二是" clause (docs/audit-corpus.md
 * 6.6: 制发催办通知单 12份 in 巡视整改 and 5份 in 督查 are two activities).
 */
/* Prefix a count's subject with its scope ("§12.3|", "项目:X|"). */
static void scope_count(struct aud_doc *doc, struct aud_fig *f, const char *tag)
{
	size_t before = doc->subj.len;
	char copy[1024];
	uint16_t oldlen = f->subj_len;

	/* copied first: appending may move the buffer the subject lives in */
	if (oldlen > sizeof(copy))
		return;
	memcpy(copy, doc->subj.ptr + f->subj, oldlen);
	cj_buf_puts(&doc->subj, tag);
	cj_buf_put(&doc->subj, copy, oldlen);
	f->subj = (uint32_t)before;
	f->subj_len = (uint16_t)(doc->subj.len - before);
	cj_buf_putc(&doc->subj, '\0');
	if (cj_buf_err(&doc->subj) && !doc->err)
		doc->err = cj_buf_err(&doc->subj);
}

static void topic_scope(struct aud_doc *doc, uint32_t p)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	const struct aud_para *para = &doc->paras[p];
	size_t i = 0, topic = 0;
	uint32_t fi;

	for (fi = para->fig0; fi < para->fig0 + para->nfig; fi++) {
		struct aud_fig *f = &doc->figs[fi];
		unsigned k;
		char tag[48];

		/* one pass over the paragraph: the last "N是" before each figure */
		for (; i + 6 <= f->off; i++)
			for (k = 0; k < 10; k++)
				if (cj_aud_at(para->ptr, f->off, i, cn[k]) &&
				    cj_aud_at(para->ptr, f->off, i + 3, "是"))
					topic = i + 1;
		if (f->kind != AUD_COUNT || !f->subj_len)
			continue;
		snprintf(tag, sizeof(tag), "§%u.%zu|", (unsigned)p, topic);
		scope_count(doc, f, tag);
	}
}

/* Counts inside a project's text compare within the project. */
static void project_counts(struct aud_doc *doc, uint32_t p, const char *project)
{
	const struct aud_para *para = &doc->paras[p];
	uint32_t fi;
	char tag[NAME_CAP + 16];

	if (!project[0])
		return;
	snprintf(tag, sizeof(tag), "项目:%s|", project);
	for (fi = para->fig0; fi < para->fig0 + para->nfig; fi++) {
		struct aud_fig *f = &doc->figs[fi];
		if (f->kind == AUD_COUNT && f->subj_len && !(f->flags & AUD_F_GENERIC))
			scope_count(doc, f, tag);
	}
}

void cj_aud_context(struct aud_doc *doc)
{
	struct ctx cx;
	size_t p;
	int part = 0, k;

	memset(&cx, 0, sizeof(cx));
	cx.target_col = cx.actual_col = -1;
	for (p = 0; p < doc->npara && !doc->err; p++) {
		const struct aud_para *para = &doc->paras[p];
		char here[NAME_CAP];
		int whole;
		uint32_t fi;

		if (para->table) {
			if (!cx.in_table) {
				cx.in_table = 1;
				cx.target_col = cx.actual_col = -1;
			}
			table_row(doc, &cx, (uint32_t)p);
			project_counts(doc, (uint32_t)p, cx.project);
			continue;
		}
		cx.in_table = 0;
		if (!para->len)
			continue;
		if ((k = part_heading(para))) {
			part = k;
			cx.project[0] = '\0';
			continue;
		}
		if (part == 1)
			topic_scope(doc, (uint32_t)p);
		here[0] = '\0';
		if (project_of_para(doc, (uint32_t)p, here, &whole) && whole)
			memcpy(cx.project, here, sizeof(here));
		else if (!here[0])
			memcpy(here, cx.project, sizeof(here));
		for (fi = para->fig0; fi < para->fig0 + para->nfig; fi++) {
			struct aud_fig *f = &doc->figs[fi];
			project_amount(doc, f, here, para->ptr, f->pre, f->off);
		}
		project_counts(doc, (uint32_t)p, here);
	}
}

/*
 * sections.c - the document's skeleton: heading numbering
 * (AUD-SECTION-GAP), the ten sections of 决算情况说明 (AUD-SECTION-MISSING,
 * DOMAIN.md 1.4) and the nine public tables (AUD-TABLE-MISSING, DOMAIN.md
 * 1.2).
 *
 * Numbering levels tracked: 第一部分 (parts), 一、 (sections), （一）
 * (subsections), 1. / 1、 / 1． (numbered paragraphs; Markdown's "1\." too),
 * （1）/(1) (items).  A heading resets the levels below it; a part resets
 * all.  A sequence may restart at 一/1 (an annex repeats the pattern);
 * otherwise each number must be the previous plus one, and the first
 * number under a parent must be 一/1.  A heading without a number between
 * numbered siblings (the seed's "国有资本经营预算支出决算情况说明" between
 * 八、 and 十、) shows as the jump after it.  Only numbers at the start of a
 * line count ("原因是1.…2.…" inside a paragraph does not).  Table rows
 * (Markdown or TAB cells) are never headings, nor are lines that are the
 * row labels of the public tables ("三、国有资本经营预算财政拨款收入", or a
 * PDF's torn "三、卫").
 *
 * Sections and tables are recognised by title keywords (with the variant
 * names of DOMAIN.md); the checks apply only to a document that looks like
 * a 决算 report: at least five of the ten sections, or a mention of the
 * public tables (公开01表, 附表).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"

/* ------------------------------------------------------------- numerals */

static int cn_unit(const char *s, size_t len, size_t i)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int k;

	for (k = 0; k < 10; k++)
		if (cj_aud_at(s, len, i, d[k]))
			return k;
	if (cj_aud_at(s, len, i, "零"))
		return 0;
	return -1;
}

/* A Chinese number 1..99 at s[i]; its value, *n = bytes; 0 when none. */
static int cn_number(const char *s, size_t len, size_t i, size_t *n)
{
	int a = cn_unit(s, len, i), b;

	if (a > 0) {
		if (cj_aud_at(s, len, i + 3, "十")) {
			b = cn_unit(s, len, i + 6);
			if (b > 0) {
				*n = 9;
				return a * 10 + b;
			}
			*n = 6;
			return a * 10;
		}
		*n = 3;
		return a;
	}
	if (cj_aud_at(s, len, i, "十")) {
		b = cn_unit(s, len, i + 3);
		if (b > 0) {
			*n = 6;
			return 10 + b;
		}
		*n = 3;
		return 10;
	}
	return 0;
}

static void cn_text(int v, char *buf, size_t cap)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

	if (v <= 0 || v > 99)
		snprintf(buf, cap, "%d", v);
	else if (v < 10)
		snprintf(buf, cap, "%s", d[v]);
	else if (v < 20)
		snprintf(buf, cap, "十%s", v % 10 ? d[v % 10] : "");
	else
		snprintf(buf, cap, "%s十%s", d[v / 10], v % 10 ? d[v % 10] : "");
}

/* -------------------------------------------------------------- headings */

enum { L_PART, L_SECTION, L_SUB, L_ARABIC, L_ITEM, NLEVELS };

/* The numbering of a heading line: its level and number; 0 when none. */
static int heading(const char *s, size_t len, int *level, size_t *body)
{
	size_t i = 0, n, j;
	int v;

	while (i < len && (s[i] == ' ' || s[i] == '#' || s[i] == '>' || s[i] == '*'))
		i++;
	if (cj_aud_at(s, len, i, "第") && (v = cn_number(s, len, i + 3, &n)) &&
	    cj_aud_at(s, len, i + 3 + n, "部分")) {
		*level = L_PART;
		*body = i + 3 + n + 6;
		return v;
	}
	if ((v = cn_number(s, len, i, &n)) && cj_aud_at(s, len, i + n, "、")) {
		*level = L_SECTION;
		*body = i + n + 3;
		return v;
	}
	/* 1. 2、 3． (and Markdown's escaped "1\.") */
	v = 0;
	n = 0;
	while (i + n < len && s[i + n] >= '0' && s[i + n] <= '9' && n < 3)
		v = v * 10 + (s[i + n] - '0'), n++;
	if (n && v > 0) {
		j = i + n;
		if (j < len && s[j] == '\\')
			j++;
		if (j < len && s[j] == '.')
			j++;
		else if (cj_aud_at(s, len, j, "、") || cj_aud_at(s, len, j, "．"))
			j += 3;
		else
			j = 0;
		if (j && j < len && !(s[j] >= '0' && s[j] <= '9')) {
			*level = L_ARABIC;
			*body = j;
			return v;
		}
	}
	if (cj_aud_at(s, len, i, "（") || (i < len && s[i] == '(')) {
		j = i + (s[i] == '(' ? 1 : 3);
		if ((v = cn_number(s, len, j, &n)) &&
		    (cj_aud_at(s, len, j + n, "）") || (j + n < len && s[j + n] == ')'))) {
			*level = L_SUB;
			*body = j + n + (s[j + n] == ')' ? 1 : 3);
			return v;
		}
		v = 0;
		n = 0;
		while (j + n < len && s[j + n] >= '0' && s[j + n] <= '9' && n < 3)
			v = v * 10 + (s[j + n] - '0'), n++;
		if (n && (cj_aud_at(s, len, j + n, "）") || (j + n < len && s[j + n] == ')'))) {
			*level = L_ITEM;
			*body = j + n + (s[j + n] == ')' ? 1 : 3);
			return v;
		}
	}
	return 0;
}

/*
 * Row labels of the public tables (公开01表, 04表) and 类 names: a line
 * "三、国有资本经营预算财政拨款收入" or a PDF's torn cell "三、卫" is a
 * table row, not a section heading.
 */
static const char *const row_labels[] = {
	"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
	"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
	"上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入",
	"一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
	"文化旅游体育与传媒支出", "文化体育与传媒支出", "社会保障和就业支出", "卫生健康支出",
	"医疗卫生与计划生育支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
	"资源勘探工业信息等支出", "资源勘探信息等支出", "商业服务业等支出", "金融支出",
	"援助其他地区支出", "自然资源海洋气象等支出", "国土海洋气象等支出", "住房保障支出",
	"粮油物资储备支出", "灾害防治及应急管理支出", "其他支出", "债务还本支出", "债务付息支出",
	"债务发行费用支出"};

static int table_label(const char *s, size_t len, size_t body)
{
	size_t n = len - body, k, m;

	while (n > 0 && s[body + n - 1] == ' ')
		n--;
	if (!n || n > 60 || cj_aud_ends(s + body, n, "说明") || cj_aud_ends(s + body, n, "情况") ||
	    cj_aud_ends(s + body, n, "。"))
		return 0;
	for (k = 0; k < sizeof(row_labels) / sizeof(row_labels[0]); k++) {
		m = strlen(row_labels[k]);
		if (memcmp(s + body, row_labels[k], n < m ? n : m) == 0)
			return 1;
	}
	return 0;
}

static void numbering(struct aud_doc *doc)
{
	int last[NLEVELS] = {0, 0, 0, 0, 0};
	size_t p;

	for (p = 0; p < doc->npara && !doc->err; p++) {
		const struct aud_para *para = &doc->paras[p];
		int level, v, l, expect = 0;
		size_t body;
		char st[32], ex[32], line_s[200];

		if (para->table || !para->len || para->ptr[0] == '\t')
			continue;
		v = heading(para->ptr, para->len, &level, &body);
		if (!v)
			continue;
		if (level == L_SECTION && table_label(para->ptr, para->len, body))
			continue;
		if (v != 1) {
			if (last[level] == 0)
				expect = 1;
			else if (v != last[level] + 1)
				expect = last[level] + 1;
		}
		if (expect) {
			size_t n = para->len < sizeof(line_s) - 1 ? para->len : sizeof(line_s) - 1;
			while (n > 0 && ((unsigned char)para->ptr[n] & 0xC0) == 0x80)
				n--;
			memcpy(line_s, para->ptr, n);
			line_s[n] = '\0';
			cn_text(v, st, sizeof(st));
			cn_text(expect, ex, sizeof(ex));
			if (level == L_ITEM) {
				snprintf(st, sizeof(st), "（%d）", v);
				snprintf(ex, sizeof(ex), "（%d）", expect);
			} else if (level == L_ARABIC) {
				snprintf(st, sizeof(st), "%d.", v);
				snprintf(ex, sizeof(ex), "%d.", expect);
			}
			cj_aud_report_line(doc, "AUD-SECTION-GAP", para->line, st, ex, line_s,
					   v == last[level] ? "章节编号“%s”重复，此处应为“%s”"
							    : "章节编号不连续：此处为“%s”，按顺序应为“%s”",
					   st, ex);
		}
		last[level] = v;
		for (l = level + 1; l < NLEVELS; l++)
			last[l] = 0;
	}
}

/* -------------------------------------------------------------- sections */

static int has(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* A title: ends with 说明 or 情况 (a full stop or colon after it allowed). */
static int heading_like(const char *s, size_t n)
{
	size_t m;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	if ((m = cj_aud_ends(s, n, "。")) || (m = cj_aud_ends(s, n, "：")))
		n -= m;
	return cj_aud_ends(s, n, "说明") || cj_aud_ends(s, n, "情况");
}

/* Which of the ten sections a title names (1..10), 0 none. */
static int section_of(const char *s)
{
	if (has(s, "其他重要事项"))
		return 10;
	if (has(s, "三公") && has(s, "决算"))
		return 7;
	if (has(s, "政府性基金") && has(s, "决算"))
		return 8;
	if (has(s, "国有资本经营") && has(s, "决算"))
		return 9;
	if (has(s, "基本支出决算情况"))
		return 6;
	if (has(s, "一般公共预算财政拨款支出决算") && has(s, "情况"))
		return 5;
	if (has(s, "财政拨款收入支出决算总体情况") || has(s, "财政拨款收支决算总体情况"))
		return 4;
	if (has(s, "财政拨款"))
		return 0;
	if (has(s, "收入支出决算总体情况") || has(s, "收支决算总体情况"))
		return 1;
	if (has(s, "收入决算情况"))
		return 2;
	if (has(s, "支出决算情况"))
		return 3;
	return 0;
}

static const char *const section_titles[] = {
	"",
	"收入支出决算总体情况说明",
	"收入决算情况说明",
	"支出决算情况说明",
	"财政拨款收入支出决算总体情况说明",
	"一般公共预算财政拨款支出决算情况说明",
	"一般公共预算财政拨款基本支出决算情况说明",
	"“三公”经费财政拨款支出决算情况说明",
	"政府性基金预算财政拨款收入支出决算情况说明",
	"国有资本经营预算财政拨款支出决算情况说明",
	"其他重要事项的情况说明",
};

/* ---------------------------------------------------------------- tables */

static const char *const table_names[] = {
	"",
	"收入支出决算总表",
	"收入决算表",
	"支出决算表",
	"财政拨款收入支出决算总表",
	"一般公共预算财政拨款支出决算表",
	"一般公共预算财政拨款基本支出决算表",
	"一般公共预算财政拨款“三公”经费支出决算表",
	"政府性基金预算财政拨款收入支出决算表",
	"国有资本经营预算财政拨款支出决算表",
};

/* Does s hold w with no Han character right before it? */
static int has_alone(const char *s, const char *w)
{
	const char *p = s;
	size_t adv;

	while ((p = strstr(p, w)) != NULL) {
		if (p == s)
			return 1;
		{
			/* "公开01表 收入支出决算总表" (spaces are folded away) */
			size_t k = cj_aud_prev(s, (size_t)(p - s));
			if (!cj_aud_is_han(cj_aud_cp(s, (size_t)(p - s), k, &adv)) ||
			    cj_aud_ends(s, (size_t)(p - s), "表"))
				return 1;
		}
		p += strlen(w);
	}
	return 0;
}

/* Which public table a line names (bitmask of 1..9). */
static unsigned tables_in(const char *s)
{
	unsigned m = 0;

	if (!has(s, "表"))
		return 0;
	if (has_alone(s, "收入支出决算总表") || has_alone(s, "收入支出决算表"))
		m |= 1u << 1;
	if (has_alone(s, "收入决算表") || has_alone(s, "收入决算总表"))
		m |= 1u << 2;
	if (has_alone(s, "支出决算表") || has_alone(s, "支出决算总表"))
		m |= 1u << 3;
	if (has_alone(s, "财政拨款收入支出决算总表") || has_alone(s, "财政拨款收入支出决算表"))
		m |= 1u << 4;
	if ((has(s, "一般公共预算财政拨款支出决算表") ||
	     has(s, "一般公共预算财政拨款收入支出决算表")))
		m |= 1u << 5;
	if (has(s, "基本支出决算表") || has(s, "基本支出决算明细表"))
		m |= 1u << 6;
	if (has(s, "三公") && has(s, "决算表"))
		m |= 1u << 7;
	if (has(s, "政府性基金") && has(s, "决算表"))
		m |= 1u << 8;
	if (has(s, "国有资本经营") && has(s, "决算表"))
		m |= 1u << 9;
	return m;
}

/* Does the line mention the public tables (公开01表, 附表)? */
static int mentions_tables(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 9 < len; i++)
		if (cj_aud_at(s, len, i, "公开") && s[i + 6] >= '0' && s[i + 6] <= '9')
			return 1;
	return len < 80 && (has(s, "附表") || has(s, "决算表"));
}

void cj_aud_check_sections(struct aud_doc *doc)
{
	unsigned sections = 0, tables = 0, nsec = 0;
	int tables_mentioned = 0, k;
	size_t p;
	char buf[512];

	numbering(doc);
	for (p = 0; p < doc->npara && !doc->err; p++) {
		const struct aud_para *para = &doc->paras[p];
		size_t n = para->len < sizeof(buf) - 1 ? para->len : sizeof(buf) - 1, i, o = 0;

		if (para->len > 400 || para->table)
			continue; /* a paragraph or a table row, not a title */
		/* fold: drop spaces, quotes, book marks */
		for (i = 0; i < n;) {
			size_t m;
			if (para->ptr[i] == ' ' || para->ptr[i] == '*' || para->ptr[i] == '#') {
				i++;
				continue;
			}
			if ((m = cj_aud_at(para->ptr, n, i, "“")) || (m = cj_aud_at(para->ptr, n, i, "”")) ||
			    (m = cj_aud_at(para->ptr, n, i, "《")) || (m = cj_aud_at(para->ptr, n, i, "》")) ||
			    (m = cj_aud_at(para->ptr, n, i, "\"")))
			{
				i += m;
				continue;
			}
			buf[o++] = para->ptr[i++];
		}
		while (o > 0 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80 &&
		       (o < 3 || ((unsigned char)buf[o - 3] & 0xE0) != 0xE0))
			o--;
		buf[o] = '\0';
		if (!para->table && o <= 180 && heading_like(buf, o)) {
			k = section_of(buf);
			if (k)
				sections |= 1u << k;
		}
		if (mentions_tables(buf, o))
			tables_mentioned = 1;
		if (o <= 200)
			tables |= tables_in(buf);
	}
	for (k = 1; k <= 10; k++)
		if (sections & (1u << k))
			nsec++;
	if (nsec >= 5)
		for (k = 1; k <= 10; k++)
			if (!(sections & (1u << k)))
				cj_aud_report_line(doc, "AUD-SECTION-MISSING", AUD_NONE, "",
						   section_titles[k],
						   "", "决算情况说明缺少“%s”一节", section_titles[k]);
	if (tables_mentioned && tables)
		for (k = 1; k <= 9; k++) {
			if (tables & (1u << k))
				continue;
			if (k == 9 && doc->year && doc->year < 2020)
				continue;
			cj_aud_report_line(doc, "AUD-TABLE-MISSING", AUD_NONE, "", table_names[k], "",
					   "文中有公开表，但缺少“%s”", table_names[k]);
		}
}

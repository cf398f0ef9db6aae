/*
 * checks_names.c - classification names (政府收支分类科目) in the text:
 * names the table gives as valid only before the report's year
 * (AUD-OUTDATED-NAME: 医疗卫生与计划生育支出 in a 2020 report) and names
 * written beside a code that disagree with the table's name for that code
 * and year (AUD-CODE-NAME: "卫生健康支出（210）…（11）…").
 *
 * Where names are looked for (the table lookup is by exact name):
 *   - code chains "名称（201）名称（31）名称（01）" as glossaries write them:
 *     the 2-digit codes continue the chain (201 + 31 = 20131);
 *   - table rows: a cell holding a 3/5/7-digit code and the name cell
 *     after it;
 *   - names before a level marker （类）（款）（项）;
 *   - the subjects of amounts ("医疗卫生与计划生育支出12.39万元").
 * A written name matches the table's when they are equal once 与/和 and
 * bracket forms are folded, when it only lacks the 类's trailing 支出, or
 * when it uses one alternative of a bracket (党委办公厅（室） may be written
 * 党委办公室 or 党委办公厅).  An unknown code is not a finding: the bundled
 * table is partial (docs/classification.md).
 */
#include <stdio.h>
#include <string.h>

#include "../base/utf8.h"
#include "../model/codes.h"
#include "audit.h"

#define NAME_MAX_BYTES 160

/* ------------------------------------------------------------- folding */

/* Fold a name for comparison: drop spaces and '*', ( ) -> （ ）, 与 -> 和. */
static size_t fold_name(const char *s, size_t len, char *out, size_t cap)
{
	size_t i = 0, n = 0, adv;

	while (i < len && n + 4 < cap) {
		if (s[i] == ' ' || s[i] == '*' || s[i] == '\\' || s[i] == '\t') {
			i++;
			continue;
		}
		if (s[i] == '(') {
			memcpy(out + n, "（", 3), n += 3, i++;
			continue;
		}
		if (s[i] == ')') {
			memcpy(out + n, "）", 3), n += 3, i++;
			continue;
		}
		if (cj_aud_at(s, len, i, "与")) {
			memcpy(out + n, "和", 3), n += 3, i += 3;
			continue;
		}
		if (cj_aud_at(s, len, i, "“") || cj_aud_at(s, len, i, "”")) {
			i += 3;
			continue;
		}
		cj_aud_cp(s, len, i, &adv);
		memcpy(out + n, s + i, adv);
		n += adv;
		i += adv;
	}
	out[n] = '\0';
	return n;
}

/*
 * Alternatives of a table name with bracket groups "X（Y）": the group
 * dropped, Y replacing X's last characters, or kept.  Calls back for each.
 */
static int alt_match(const char *name, size_t nlen, const char *w, size_t wlen)
{
	const char *o = NULL, *c = NULL;
	size_t i;

	if (nlen == wlen && memcmp(name, w, wlen) == 0)
		return 1;
	for (i = 0; i + 3 <= nlen; i++)
		if (memcmp(name + i, "（", 3) == 0) {
			o = name + i;
			break;
		}
	if (!o)
		return 0;
	for (i = (size_t)(o - name) + 3; i + 3 <= nlen; i++)
		if (memcmp(name + i, "）", 3) == 0) {
			c = name + i;
			break;
		}
	if (!c) 
		return 0;
	{
		char buf[NAME_MAX_BYTES * 2];
		size_t pre = (size_t)(o - name), ylen = (size_t)(c - o) - 3;
		size_t post = nlen - (size_t)(c + 3 - name), n;
		if (pre + ylen + post >= sizeof(buf))
			return 0;
		/* dropped */
		memcpy(buf, name, pre);
		memcpy(buf + pre, c + 3, post);
		n = pre + post;
		if (alt_match(buf, n, w, wlen))
			return 1;
		/* Y replaces as many characters of X as it has */
		if (pre >= ylen) {
			memcpy(buf, name, pre - ylen);
			memcpy(buf + pre - ylen, o + 3, ylen);
			memcpy(buf + pre, c + 3, post);
			n = pre + post;
			if (alt_match(buf, n, w, wlen))
				return 1;
		}
		/* kept: continue past this group */
		if (wlen >= pre + ylen + 6 && memcmp(w, name, (size_t)(c + 3 - name)) == 0)
			return alt_match(c + 3, post, w + (c + 3 - name), wlen - (size_t)(c + 3 - name));
	}
	return 0;
}

/* Does written name w match table name t? */
static int name_matches(const char *t, const char *w, size_t wlen)
{
	char ft[NAME_MAX_BYTES * 2], fw[NAME_MAX_BYTES * 2 + 8];
	size_t nt = fold_name(t, strlen(t), ft, sizeof(ft));
	size_t nw = fold_name(w, wlen, fw, sizeof(fw) - 8);

	if (alt_match(ft, nt, fw, nw))
		return 1;
	/* 一般公共服务 for 一般公共服务支出 */
	memcpy(fw + nw, "支出", 6);
	fw[nw + 6] = '\0';
	return alt_match(ft, nt, fw, nw + 6);
}

/* -------------------------------------------------------------- lookups */

struct outdated {
	const char *code;
	const char *current;
	int to;
};

/* Is name s[0..len) (as written) a name valid only before `year`? */
static int is_outdated(const struct aud_doc *doc, const char *s, size_t len, struct outdated *o)
{
	char v[4][NAME_MAX_BYTES * 2 + 8];
	size_t n, k, i, nv, vi[4];
	int kind;

	if (!doc->codes || !doc->year || len == 0 || len >= NAME_MAX_BYTES)
		return 0;
	n = fold_name(s, len, v[0], sizeof(v[0]) - 8);
	if (n < 6)
		return 0;
	/* 和 -> 与 variant (the table writes 与), and the 类's 支出 when left out */
	memcpy(v[1], v[0], n + 1);
	for (i = 0; i + 3 <= n; i++)
		if (memcmp(v[1] + i, "和", 3) == 0)
			memcpy(v[1] + i, "与", 3);
	memcpy(v[2], v[0], n);
	memcpy(v[2] + n, "支出", 7);
	memcpy(v[3], v[1], n);
	memcpy(v[3] + n, "支出", 7);
	nv = 0;
	vi[nv++] = 0;
	if (strcmp(v[1], v[0]))
		vi[nv++] = 1;
	if (!cj_aud_ends(v[0], n, "支出")) {
		vi[nv++] = 2;
		if (strcmp(v[1], v[0]))
			vi[nv++] = 3;
	}
	for (k = 0; k < nv; k++)
		for (kind = CJ_CODE_FUNC; kind <= CJ_CODE_ECON; kind++) {
			const char *code, *cur;
			int from, to;
			if (!cj_codes_find_name(doc->codes, (enum cj_code_kind)kind, v[vi[k]], &code,
						&from, &to))
				continue;
			if (!to || to >= doc->year)
				continue;
			cur = cj_codes_name(doc->codes, (enum cj_code_kind)kind, code, doc->year);
			if (!cur || name_matches(cur, s, len))
				continue;
			o->code = code;
			o->current = cur;
			o->to = to;
			return 1;
		}
	return 0;
}

/* Lines already reported for a name (a small ring: the same name is found
 * by several routes on one line). */
struct seen {
	uint32_t line[32];
	uint32_t hash[32];
	unsigned n;
};

static int seen_before(struct seen *sn, uint32_t line, const char *s, size_t len)
{
	uint32_t h = cj_aud_hash(s, len, 0);
	unsigned i;

	for (i = 0; i < sn->n && i < 32; i++)
		if (sn->line[i] == line && sn->hash[i] == h)
			return 1;
	sn->line[sn->n % 32] = line;
	sn->hash[sn->n % 32] = h;
	sn->n++;
	return 0;
}

static void excerpt(const char *s, size_t len, size_t a, size_t b, char *out, size_t cap)
{
	size_t from = a > 60 ? a - 60 : 0, to = b + 60 < len ? b + 60 : len, n;

	while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
		from--;
	while (to < len && ((unsigned char)s[to] & 0xC0) == 0x80)
		to++;
	n = to - from;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, s + from, n);
	while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80 &&
	       (n < 3 || ((unsigned char)out[n - 3] & 0xE0) != 0xE0))
		n--;
	out[n] = '\0';
}

static void report_outdated(struct aud_doc *doc, struct seen *sn, uint32_t p, size_t a, size_t b)
{
	const struct aud_para *para = &doc->paras[p];
	struct outdated o;
	char name[NAME_MAX_BYTES + 1], ex[300];
	uint32_t line;

	if (b <= a || b - a >= NAME_MAX_BYTES || !is_outdated(doc, para->ptr + a, b - a, &o))
		return;
	line = cj_aud_line_of(doc, p, (uint32_t)a);
	if (seen_before(sn, line, para->ptr + a, b - a))
		return;
	memcpy(name, para->ptr + a, b - a);
	name[b - a] = '\0';
	excerpt(para->ptr, para->len, a, b, ex, sizeof(ex));
	cj_aud_report_line(doc, "AUD-OUTDATED-NAME", line, name, o.current, ex,
			   "“%s”是%d年及以前的科目名称，%d年应为“%s”（%s）", name, o.to, doc->year,
			   o.current, o.code);
}

/* A name written beside code `code`: compare with the table. */
static void check_code_name(struct aud_doc *doc, struct seen *sn, uint32_t p, const char *code,
			    size_t a, size_t b)
{
	const struct aud_para *para = &doc->paras[p];
	enum cj_code_kind kind = code[0] == '2' ? CJ_CODE_FUNC : CJ_CODE_ECON;
	const char *cur;
	char name[NAME_MAX_BYTES + 1], ex[300];
	struct outdated o;
	uint32_t line;

	while (a < b && (para->ptr[a] == ' ' || para->ptr[a] == '*'))
		a++;
	/* a PDF cell may run into the next: "行政事业单位医疗 12.39" */
	while (b > a && (para->ptr[b - 1] == ' ' || para->ptr[b - 1] == '*' ||
			 (para->ptr[b - 1] >= '0' && para->ptr[b - 1] <= '9') ||
			 para->ptr[b - 1] == '.' || para->ptr[b - 1] == ','))
		b--;
	if (b <= a || b - a >= NAME_MAX_BYTES || !doc->codes || !doc->year)
		return;
	if (code[0] != '2' && code[0] != '3')
		return;
	cur = cj_codes_name(doc->codes, kind, code, doc->year);
	if (!cur || name_matches(cur, para->ptr + a, b - a))
		return;
	/* a PDF table cell wrapped onto the next line: "机关事业单位基本养老保险" / "缴费" */
	if (doc->text->kind == CJ_TEXT_PDF && b - a >= 12 && strlen(cur) > b - a &&
	    memcmp(cur, para->ptr + a, b - a) == 0)
		return;
	if (is_outdated(doc, para->ptr + a, b - a, &o)) {
		report_outdated(doc, sn, p, a, b);
		return;
	}
	/* a name of the table at all?  Otherwise it may be a sentence, not a name */
	{
		const char *c2;
		int from, to, k2;
		char fw[NAME_MAX_BYTES * 2];
		size_t nw = fold_name(para->ptr + a, b - a, fw, sizeof(fw));
		(void)nw;
		for (k2 = CJ_CODE_FUNC; k2 <= CJ_CODE_ECON; k2++)
			if (cj_codes_find_name(doc->codes, (enum cj_code_kind)k2, fw, &c2, &from, &to))
				break;
		if (k2 > CJ_CODE_ECON && cj_utf8_nchars(para->ptr + a, b - a) > 24)
			return;
	}
	line = cj_aud_line_of(doc, p, (uint32_t)a);
	if (seen_before(sn, line, para->ptr + a, b - a))
		return;
	memcpy(name, para->ptr + a, b - a);
	name[b - a] = '\0';
	excerpt(para->ptr, para->len, a, b, ex, sizeof(ex));
	cj_aud_report_line(doc, "AUD-CODE-NAME", line, name, cur, ex,
			   "编码%s在%d年的科目名称是“%s”，此处写作“%s”", code, doc->year, cur, name);
}

/* ------------------------------------------------------------- scanning */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does a bracket group (类)/(款)/(项)/(项99)/(201) end just before s[i]? */
static int marker_before(const char *s, size_t i)
{
	size_t k = i, n;

	if ((n = cj_aud_ends(s, k, "）")))
		k -= n;
	else if (k > 0 && s[k - 1] == ')')
		k--;
	else
		return 0;
	while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	if (cj_aud_ends(s, k, "类") || cj_aud_ends(s, k, "款") || cj_aud_ends(s, k, "项"))
		k -= 3;
	return cj_aud_ends(s, k, "（") || (k > 0 && s[k - 1] == '(');
}

/*
 * Start of the name that ends at b: back over Han characters and short
 * bracketed parts of names (党委办公厅（室）), stopping at a level marker or
 * a bracketed code, at punctuation and at numbering.
 */
static size_t name_start(const char *s, size_t lo, size_t b)
{
	size_t i = b, adv;

	while (i > lo) {
		size_t k = cj_aud_prev(s, i);
		uint32_t cp = cj_aud_cp(s, b, k, &adv);
		if (marker_before(s, i))
			break;
		if (!cj_aud_is_han(cp) && cp != 0xFF08 && cp != 0xFF09 && cp != '(' && cp != ')' &&
		    cp != 0x201C && cp != 0x201D)
			break;
		if (b - k > NAME_MAX_BYTES - 4)
			break;
		i = k;
	}
	/* a bracket left over at the start is not part of the name */
	while (i < b && (cj_aud_at(s, b, i, "）") || s[i] == ')' || cj_aud_at(s, b, i, "（") ||
			 s[i] == '('))
		i += (s[i] == ')' || s[i] == '(') ? 1 : 3;
	return i;
}

/* Code chains and level markers in one paragraph. */
static void chains(struct aud_doc *doc, struct seen *sn, uint32_t p)
{
	const struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0, prev_end = 0, adv;
	char code[16];
	size_t clen = 0;

	while (i < len && !doc->err) {
		size_t open = 0, j, d;
		/* to the next bracket: "（" is EF BC 88 */
		while (i < len && s[i] != '(' && (unsigned char)s[i] != 0xEF)
			i++;
		if (i >= len)
			break;
		if (cj_aud_at(s, len, i, "（"))
			open = 3;
		else if (s[i] == '(')
			open = 1;
		if (!open) {
			cj_aud_cp(s, len, i, &adv);
			i += adv;
			continue;
		}
		j = i + open;
		d = 0;
		while (j < len && is_digit(s[j]))
			j++, d++;
		if (d && (cj_aud_at(s, len, j, "）") || (j < len && s[j] == ')'))) {
			size_t close = j + (s[j] == ')' ? 1 : 3), a;
			int cont = clen && prev_end && i >= prev_end && i - prev_end <= 90;
			/* the text between the previous group and this one is the name */
			if (cont) {
				size_t q;
				for (q = prev_end; q < i; q += adv) {
					uint32_t cp = cj_aud_cp(s, len, q, &adv);
					if (!cj_aud_is_han(cp) && cp != 0xFF08 && cp != 0xFF09)
						cont = 0;
				}
			}
			a = cont ? prev_end : name_start(s, 0, i);
			if (d == 3 && (s[i + open] == '2' || s[i + open] == '3')) {
				memcpy(code, s + i + open, 3);
				clen = 3;
			} else if (d == 2 && cont && (clen == 3 || clen == 5)) {
				memcpy(code + clen, s + i + open, 2);
				clen += 2;
			} else if ((d == 5 || d == 7) && (s[i + open] == '2' || s[i + open] == '3')) {
				memcpy(code, s + i + open, d);
				clen = d;
			} else {
				clen = 0;
			}
			if (clen) {
				code[clen] = '\0';
				check_code_name(doc, sn, p, code, a, i);
				prev_end = close;
			} else {
				prev_end = 0;
			}
			i = close;
			continue;
		}
		/* （类）（款）（项）: the name before may be an outdated one */
		if (cj_aud_at(s, len, i + open, "类") || cj_aud_at(s, len, i + open, "款") ||
		    cj_aud_at(s, len, i + open, "项")) {
			size_t a = name_start(s, 0, i);
			report_outdated(doc, sn, p, a, i);
		}
		i += open;
	}
}

/* Table rows: a code cell followed by a name cell. */
static void table_row(struct aud_doc *doc, struct seen *sn, uint32_t p)
{
	const struct aud_para *para = &doc->paras[p];
	const char *s = para->ptr;
	size_t len = para->len, i = 0, cs[64], ce[64], nc = 0, k;

	/* cells */
	while (i <= len && nc < 64) {
		size_t a = i;
		while (i < len && s[i] != '\t' && s[i] != '|')
			i++;
		cs[nc] = a;
		ce[nc] = i;
		nc++;
		i++;
	}
	for (k = 0; k + 1 < nc; k++) {
		size_t a = cs[k], b = ce[k], d = 0, q;
		char code[16];
		while (a < b && (s[a] == ' ' || s[a] == '*'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '*'))
			b--;
		for (q = a; q < b && is_digit(s[q]); q++)
			d++;
		if (q != b || (d != 3 && d != 5 && d != 7) || (s[a] != '2' && s[a] != '3'))
			continue;
		memcpy(code, s + a, d);
		code[d] = '\0';
		check_code_name(doc, sn, p, code, cs[k + 1], ce[k + 1]);
	}
	for (k = 0; k < nc; k++) {
		size_t a = cs[k], b = ce[k];
		while (a < b && (s[a] == ' ' || s[a] == '*'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '*'))
			b--;
		/* classification names in cells: 一、一般公共服务支出 of 公开01表 */
		if (!cj_aud_ends(s, b, "支出"))
			continue;
		while (a < b) {
			size_t adv;
			if (cj_aud_is_han(cj_aud_cp(s, b, a, &adv)))
				break;
			a += adv;
		}
		if (cj_aud_at(s, b, a + 3, "、"))
			a += 6;
		report_outdated(doc, sn, p, a, b);
	}
}

void cj_aud_check_names(struct aud_doc *doc)
{
	struct seen sn;
	size_t p, k;

	if (!doc->codes || !doc->year)
		return;
	memset(&sn, 0, sizeof(sn));
	for (p = 0; p < doc->npara && !doc->err; p++) {
		if (doc->paras[p].table)
			table_row(doc, &sn, (uint32_t)p);
		else
			chains(doc, &sn, (uint32_t)p);
	}
	/* subjects of amounts: "医疗卫生与计划生育支出12.39万元" */
	for (k = 0; k < doc->nfig && !doc->err; k++) {
		const struct aud_fig *f = &doc->figs[k];
		const struct aud_para *para;
		size_t a, b;
		if (f->kind != AUD_AMOUNT || (f->flags & AUD_F_TABLE))
			continue;
		para = &doc->paras[f->para];
		b = f->off;
		while (b > f->clause && para->ptr[b - 1] == ' ')
			b--;
		if (!cj_aud_ends(para->ptr, b, "支出"))
			continue; /* 类 and 项 names; a 款 name comes with its marker */
		a = name_start(para->ptr, f->clause, b);
		report_outdated(doc, &sn, f->para, a, b);
	}
}

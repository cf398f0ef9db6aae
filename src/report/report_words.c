/*
 * report_words.c - the phrases every section is made of: amounts in 万元,
 * percentages, 增加/减少 wording, reason lists, numbering, and paragraphs
 * cut from the dataset's multi-line texts.
 *
 * Formatting only: a sign is dropped by skipping the '-' of the formatted
 * text, never by negating a figure.
 */
#include "report_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/alloc.h"
#include "../base/money.h"

void cj_report_fail(struct cj_rp *rp, enum cj_err e)
{
	if (e && !rp->err)
		rp->err = e;
}

/* ------------------------------------------------------------- numbers */

void cj_report_wan(struct cj_buf *b, int64_t fen)
{
	char s[48];

	cj_wan(fen, s, sizeof(s));
	cj_buf_puts(b, s);
}

/* An amount without its minus sign (for 增加/减少 wording). */
static void wan_abs(struct cj_buf *b, int64_t fen)
{
	char s[48];

	cj_wan(fen, s, sizeof(s));
	cj_buf_puts(b, s[0] == '-' ? s + 1 : s);
}

void cj_report_amt(struct cj_buf *b, int64_t fen)
{
	cj_report_wan(b, fen);
	cj_buf_puts(b, "万元");
}

void cj_report_pct(struct cj_buf *b, int64_t bp)
{
	char s[48];

	cj_pct_format(bp, s, sizeof(s));
	cj_buf_puts(b, s);
}

static void pct_abs(struct cj_buf *b, int64_t bp)
{
	char s[48];

	cj_pct_format(bp, s, sizeof(s));
	cj_buf_puts(b, s[0] == '-' ? s + 1 : s);
}

void cj_report_count(struct cj_buf *b, int64_t n)
{
	cj_buf_printf(b, "%lld", (long long)n);
}

const char *cj_report_cn(int n, char *buf, size_t cap)
{
	static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

	if (n < 1 || n > 99)
		snprintf(buf, cap, "%d", n);
	else if (n < 10)
		snprintf(buf, cap, "%s", digit[n]);
	else if (n < 20)
		snprintf(buf, cap, "十%s", digit[n % 10]);
	else
		snprintf(buf, cap, "%s十%s", digit[n / 10], digit[n % 10]);
	return buf;
}

void cj_report_prev_year(struct cj_buf *b, const struct cj_rp *rp)
{
	/* a calendar label, not a figure */
	cj_buf_printf(b, "%d年", rp->year - 1);
}

/* ---------------------------------------------------------------- text */

/* UTF-8 sequences trimmed at the end of a clause or sentence. */
static const char *const space_tail[] = {" ", "\t", "\n", "\r", "\xe3\x80\x80" /* 　 */, NULL};
static const char *const punct_tail[] = {"。", "；", "，", "、", "：", ";", ",", ":", ".", NULL};
static const char *const stop_tail[] = {"。", "！", "？", "……", NULL};
static const char *const soft_tail[] = {"；", "，", "、", "：", ";", ",", ":", NULL};

/* Length of the suffix of s[0..len) matching one of `set`, 0 if none. */
static size_t tail_match(const char *s, size_t len, const char *const *set)
{
	size_t i;

	for (i = 0; set[i]; i++) {
		size_t k = strlen(set[i]);
		if (k <= len && memcmp(s + len - k, set[i], k) == 0)
			return k;
	}
	return 0;
}

static size_t trim_len(const char *s, size_t len, const char *const *set)
{
	size_t k = len ? tail_match(s, len, set) : 0;

	while (k) {
		len -= k;
		k = len ? tail_match(s, len, set) : 0;
	}
	return len;
}

static const char *skip_lead_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

void cj_report_clause(struct cj_buf *b, const char *text)
{
	size_t len, prev;

	if (!text)
		return;
	text = skip_lead_space(text);
	len = strlen(text);
	do {
		prev = len;
		len = trim_len(text, len, space_tail);
		len = trim_len(text, len, punct_tail);
	} while (len != prev);
	cj_buf_put(b, text, len);
}

void cj_report_sentence(struct cj_buf *b, const char *text)
{
	size_t len, k;

	if (!text)
		return;
	text = skip_lead_space(text);
	len = trim_len(text, strlen(text), space_tail);
	if (!len)
		return;
	if (tail_match(text, len, stop_tail)) {
		cj_buf_put(b, text, len);
		return;
	}
	k = tail_match(text, len, soft_tail);
	cj_buf_put(b, text, len - k);
	cj_buf_puts(b, "。");
}

int cj_report_has(const struct cj_text *t)
{
	const char *s;

	if (!t || !t->s)
		return 0;
	for (s = t->s; *s;) {
		if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else
			return 1;
	}
	return 0;
}

void cj_report_vehicles(struct cj_buf *b, const struct cj_vehicle_kinds *v, int with_amount)
{
	size_t i, k = 0;

	for (i = 0; i < v->n; i++) {
		const struct cj_vehicle_kind *x = &v->v[i];
		if (!x->count.set && !(with_amount && x->amount.set))
			continue;
		cj_buf_puts(b, k++ ? (with_amount ? "，" : "、") : "，其中：");
		cj_report_clause(b, x->kind.s);
		if (x->count.set) {
			cj_report_count(b, x->count.n);
			cj_buf_puts(b, "辆");
		}
		if (with_amount && x->amount.set) {
			cj_buf_puts(b, x->count.set ? "、金额" : "金额");
			cj_report_amt(b, x->amount.fen);
		}
	}
}

/* ------------------------------------------------------------- changes */

int cj_report_change(struct cj_buf *b, const struct cj_rp *rp, const struct cj_chg *c,
		     const char *noun, const char *kind, enum cj_chg_style style)
{
	int up;

	if (!c->has_delta)
		return 0;
	if (c->delta == 0) {
		cj_buf_puts(b, noun);
		cj_buf_puts(b, "与");
		cj_report_prev_year(b, rp);
		cj_buf_puts(b, "持平");
		return 1;
	}
	up = c->delta > 0;
	if (style == CJ_CHG_WITH) {
		cj_buf_puts(b, "与");
		cj_report_prev_year(b, rp);
		cj_buf_puts(b, "相比，");
		cj_buf_puts(b, noun);
	} else {
		cj_buf_puts(b, noun);
		cj_buf_puts(b, "比");
		cj_report_prev_year(b, rp);
	}
	cj_buf_puts(b, up ? "增加" : "减少");
	wan_abs(b, c->delta);
	cj_buf_puts(b, "万元");
	if (c->has_rate) {
		cj_buf_puts(b, up ? "，增长" : "，下降");
		pct_abs(b, c->rate_bp);
	} else {
		cj_buf_puts(b, "，上年无此项");
		cj_buf_puts(b, kind ? kind : "");
	}
	return 1;
}

/* ------------------------------------------------------------- reasons */

static int reason_present(const struct cj_reason *r)
{
	return cj_report_has(&r->text) || r->amount.set;
}

/*
 * One reason: its text, and its amount where the text puts the marker
 * {金额} (so "增加资本性支出{金额}（包括：…）" reads naturally), else after
 * the text.  The text says 增加/减少; the amount is its size.
 */
static void reason_clause(struct cj_buf *b, const struct cj_reason *x)
{
	static const char mark[] = "{金额}";
	const char *t = x->text.s, *m = t ? strstr(t, mark) : NULL;

	if (!m) {
		cj_report_clause(b, t);
		if (x->amount.set) {
			wan_abs(b, x->amount.fen);
			cj_buf_puts(b, "万元");
		}
		return;
	}
	cj_buf_put(b, skip_lead_space(t), (size_t)(m - skip_lead_space(t)));
	if (x->amount.set) {
		wan_abs(b, x->amount.fen);
		cj_buf_puts(b, "万元");
	}
	cj_report_clause(b, m + sizeof(mark) - 1);
}

int cj_report_reasons_n(struct cj_buf *b, const struct cj_reasons *const *r, size_t nr,
			const char *lead)
{
	size_t i, j, n = 0, k = 0;

	for (j = 0; j < nr; j++)
		for (i = 0; i < r[j]->n; i++)
			n += (size_t)reason_present(&r[j]->v[i]);
	if (!n)
		return 0;
	cj_buf_puts(b, lead);
	if (n > 1)
		cj_buf_puts(b, "：");
	for (j = 0; j < nr; j++)
		for (i = 0; i < r[j]->n; i++) {
			const struct cj_reason *x = &r[j]->v[i];
			if (!reason_present(x))
				continue;
			if (k)
				cj_buf_puts(b, "；");
			k++;
			if (n > 1)
				cj_buf_printf(b, "%zu.", k);
			reason_clause(b, x);
		}
	cj_buf_puts(b, "。");
	return 1;
}

int cj_report_reasons(struct cj_buf *b, const struct cj_reasons *r, const char *lead)
{
	return cj_report_reasons_n(b, &r, 1, lead);
}

/* ----------------------------------------------------------- emitting */

/* kind: 0 paragraph, 1 note, >= 2 heading of level kind - 1 */
static void flush_as(struct cj_rp *rp, int kind)
{
	if (rp->b.err) {
		cj_report_fail(rp, rp->b.err);
	} else if (rp->b.len) {
		if (kind == 0)
			cj_doc_para(rp->doc, cj_buf_str(&rp->b));
		else if (kind == 1)
			cj_doc_note(rp->doc, cj_buf_str(&rp->b));
		else
			cj_doc_heading(rp->doc, kind - 1, cj_buf_str(&rp->b));
	}
	cj_buf_reset(&rp->b);
}

void cj_report_flush(struct cj_rp *rp)
{
	flush_as(rp, 0);
}

void cj_report_flush_note(struct cj_rp *rp)
{
	flush_as(rp, 1);
}

void cj_report_note(struct cj_rp *rp, const struct cj_text *t)
{
	if (!cj_report_has(t))
		return;
	/* a note is usually written in parentheses; keep its own closing */
	cj_report_clause(&rp->b, t->s);
	cj_report_flush_note(rp);
}

void cj_report_flush_heading(struct cj_rp *rp, int level)
{
	flush_as(rp, level + 1);
}

void cj_report_heading(struct cj_rp *rp, int level, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		cj_report_fail(rp, CJ_ERR_USAGE);
		return;
	}
	s = cj_malloc((size_t)n + 1);
	if (!s) {
		cj_report_fail(rp, CJ_ERR_NOMEM);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	cj_doc_heading(rp->doc, level, s);
	cj_free(s);
}

void cj_report_paras(struct cj_rp *rp, const char *prefix, const struct cj_text *t)
{
	const char *p, *nl;
	int first = 1;

	if (!cj_report_has(t))
		return;
	for (p = t->s; *p; p = nl ? nl + 1 : p + strlen(p)) {
		const char *line = skip_lead_space(p);
		size_t len;

		nl = strchr(p, '\n');
		if (nl && line > nl)
			line = nl; /* a blank line */
		len = trim_len(line, (size_t)((nl ? nl : p + strlen(p)) - line), space_tail);
		if (!len)
			continue;
		if (first && prefix)
			cj_buf_puts(&rp->b, prefix);
		first = 0;
		cj_buf_put(&rp->b, line, len);
		cj_report_flush(rp);
	}
}

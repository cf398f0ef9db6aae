/*
 * yaml_write.c - struct cj_accounts -> dataset.yaml, by the schema (see
 * yaml_write.h).
 *
 * Quoting is decided per string by rules that err on the side of quotes:
 * plain only for a single line with no YAML indicator at its start, no
 * ": " or " #" inside, no surrounding blanks, no character libyaml takes
 * for a line break, and nothing the reader takes for null (~, null);
 * a `|` block for several lines (or a long paragraph in a text field) that
 * start and end with text and have no blank-only line and no CR; double
 * quotes otherwise.
 */
#include "yaml_write.h"

#include <stdio.h>
#include <string.h>

#include "../base/money.h"
#include "../in/wb_model.h"
#include "../model/schema.h"

#define LONG_TEXT 120 /* bytes: a longer single-line text field is written as a | block */

struct yw {
	struct cj_buf *b;
	int64_t unit_fen;
	int dash;  /* the next line starts with "- " in place of its last two spaces */
};

struct any_list {
	void *v;
	size_t n;
};

/* ============================================================ strings */

/*
 * Length of a character at s that libyaml treats as a line break, a BOM or
 * a non-printable character (C1 controls, U+FFFE, U+FFFF), else 0.
 */
static size_t odd_break(const unsigned char *s, size_t left)
{
	if (left >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) /* NEL and C1 */
		return 2;
	if (left >= 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] >= 0xBE)
		return 3; /* U+FFFE, U+FFFF */
	if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
		return 3; /* LS, PS */
	if (left >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3; /* BOM */
	return 0;
}

static int has_odd(const char *s, size_t len, int allow_lf)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' && allow_lf)
			continue;
		if (c < 0x20 || c == 0x7F || odd_break((const unsigned char *)s + i, len - i))
			return 1;
	}
	return 0;
}

static int plain_ok(const char *s)
{
	size_t len = strlen(s);
	unsigned char c0 = (unsigned char)s[0], cl;

	if (len == 0 || has_odd(s, len, 0))
		return 0;
	cl = (unsigned char)s[len - 1];
	if (c0 == ' ' || cl == ' ' || cl == ':')
		return 0;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", c0))
		return 0;
	if (strstr(s, ": ") || strstr(s, " #"))
		return 0;
	if (!strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
		return 0;
	return 1;
}

static int literal_ok(const char *s, int long_block)
{
	size_t len = strlen(s), i, bol = 0;

	if (!strchr(s, '\n') && !(long_block && len > LONG_TEXT))
		return 0;
	if (has_odd(s, len, 1))
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n')
		return 0;
	if (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n')
		return 0;
	/* no line of blanks only (their spaces would be taken for indentation) */
	for (i = 0; i <= len; i++) {
		if (i == len || s[i] == '\n') {
			size_t k;
			int blank = i > bol;
			for (k = bol; k < i; k++)
				if (s[k] != ' ' && s[k] != '\t')
					blank = 0;
			if (blank)
				return 0;
			bol = i + 1;
		}
	}
	return 1;
}

static void put_quoted(struct yw *w, const char *s)
{
	size_t len = strlen(s), i, n;

	cj_buf_putc(w->b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': cj_buf_puts(w->b, "\\\""); continue;
		case '\\': cj_buf_puts(w->b, "\\\\"); continue;
		case '\n': cj_buf_puts(w->b, "\\n"); continue;
		case '\t': cj_buf_puts(w->b, "\\t"); continue;
		case '\r': cj_buf_puts(w->b, "\\r"); continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7F) {
			cj_buf_printf(w->b, "\\x%02X", c);
			continue;
		}
		n = odd_break((const unsigned char *)s + i, len - i);
		if (n == 2) {
			cj_buf_printf(w->b, "\\x%02X", (unsigned char)s[i + 1]);
			i++;
			continue;
		}
		if (n == 3) {
			cj_buf_printf(w->b, "\\u%04X",
				      ((unsigned)(unsigned char)s[i] & 0x0F) << 12 |
					      ((unsigned)(unsigned char)s[i + 1] & 0x3F) << 6 |
					      ((unsigned)(unsigned char)s[i + 2] & 0x3F));
			i += 2;
			continue;
		}
		cj_buf_putc(w->b, (char)c);
	}
	cj_buf_putc(w->b, '"');
}

/*
 * A text value after "key: " or "- "; `indent` is the column of its block
 * content.  `long_block`: a long single line is a block too (prose fields).
 */
static void put_text(struct yw *w, const char *s, int indent, int long_block)
{
	const char *p;

	if (literal_ok(s, long_block)) {
		cj_buf_putc(w->b, '|');
		for (p = s; *p;) {
			const char *nl = strchr(p, '\n');
			size_t n = nl ? (size_t)(nl - p) : strlen(p);
			cj_buf_putc(w->b, '\n');
			if (n)
				cj_buf_printf(w->b, "%*s%.*s", indent, "", (int)n, p);
			p += n + (nl ? 1 : 0);
			if (!nl)
				break;
		}
	} else if (plain_ok(s)) {
		cj_buf_puts(w->b, s);
	} else {
		put_quoted(w, s);
	}
}

/* ============================================================= fields */

static void line_start(struct yw *w, int indent)
{
	if (w->dash) {
		cj_buf_printf(w->b, "%*s- ", indent - 2, "");
		w->dash = 0;
	} else {
		cj_buf_printf(w->b, "%*s", indent, "");
	}
}

static void put_money(struct yw *w, int64_t fen)
{
	char buf[48];

	if (fen % (w->unit_fen / 100) == 0) {
		cj_money_format(fen, w->unit_fen, 2, 0, buf, sizeof(buf));
		cj_buf_puts(w->b, buf);
	} else {
		cj_money_format(fen, CJ_FEN_PER_YUAN, 2, 0, buf, sizeof(buf));
		cj_buf_printf(w->b, "%s元", buf);
	}
}

static void put_rate(struct yw *w, const struct cj_rate *rt)
{
	static const int64_t div[] = {100, 10, 1};
	struct cj_dec x;
	char buf[48];
	int sc = rt->scale >= 0 && rt->scale <= 2 ? rt->scale : 2;

	x.v = rt->bp / div[sc];
	x.scale = sc;
	if (x.v * div[sc] != rt->bp) { /* a rate finer than its scale: keep all of it */
		x.v = rt->bp;
		x.scale = 2;
	}
	cj_dec_format(x, buf, sizeof(buf));
	cj_buf_puts(w->b, buf);
}

/* The value of a scalar field (after "key: "). */
static void put_scalar(struct yw *w, const struct cj_field *f, const char *p, int indent)
{
	switch (f->type) {
	case CJ_F_MONEY: put_money(w, ((const struct cj_fig *)(const void *)p)->fen); break;
	case CJ_F_COUNT:
		cj_buf_printf(w->b, "%lld", (long long)((const struct cj_count *)(const void *)p)->n);
		break;
	case CJ_F_RATE: put_rate(w, (const struct cj_rate *)(const void *)p); break;
	case CJ_F_CODE: put_quoted(w, ((const struct cj_text *)(const void *)p)->s); break;
	case CJ_F_TEXT: put_text(w, ((const struct cj_text *)(const void *)p)->s, indent + 2, 1); break;
	default: break;
	}
}

static int is_scalar(enum cj_ftype t)
{
	return t == CJ_F_MONEY || t == CJ_F_COUNT || t == CJ_F_RATE || t == CJ_F_TEXT ||
	       t == CJ_F_CODE;
}

static void write_fields(struct yw *w, const struct cj_field *tab, const char *base, int indent,
			 int root);

/* Whether field f of the struct at base has anything to write. */
static int has_value(const struct cj_field *f, const char *p)
{
	if (is_scalar(f->type))
		return cj_wb_scalar_set(f, p);
	if (f->type == CJ_F_MAP)
		return cj_wb_map_present(f->sub, p);
	return ((const struct any_list *)(const void *)p)->n > 0;
}

static void write_field(struct yw *w, const struct cj_field *f, const char *base, int indent)
{
	const char *p = base + f->off;
	size_t i;

	if (!has_value(f, p))
		return;
	line_start(w, indent);
	cj_buf_printf(w->b, "%s:", f->key);
	switch (f->type) {
	case CJ_F_MAP:
		cj_buf_putc(w->b, '\n');
		write_fields(w, f->sub, p, indent + 2, 0);
		return;
	case CJ_F_TEXTS: {
		const struct cj_texts *t = (const struct cj_texts *)(const void *)p;
		cj_buf_putc(w->b, '\n');
		for (i = 0; i < t->n; i++) {
			cj_buf_printf(w->b, "%*s- ", indent + 2, "");
			put_text(w, t->v[i].s ? t->v[i].s : "", indent + 4, 0);
			cj_buf_putc(w->b, '\n');
		}
		return;
	}
	case CJ_F_REASONS: {
		const struct cj_reasons *r = (const struct cj_reasons *)(const void *)p;
		cj_buf_putc(w->b, '\n');
		for (i = 0; i < r->n; i++) {
			const struct cj_reason *one = &r->v[i];
			const char *txt = one->text.s ? one->text.s : "";
			cj_buf_printf(w->b, "%*s- ", indent + 2, "");
			if (!one->amount.set) {
				put_text(w, txt, indent + 4, 0);
				cj_buf_putc(w->b, '\n');
				continue;
			}
			cj_buf_puts(w->b, "text: ");
			put_text(w, txt, indent + 6, 0);
			cj_buf_printf(w->b, "\n%*samount: ", indent + 4, "");
			put_money(w, one->amount.fen);
			cj_buf_putc(w->b, '\n');
		}
		return;
	}
	case CJ_F_LIST: {
		const struct any_list *l = (const struct any_list *)(const void *)p;
		cj_buf_putc(w->b, '\n');
		for (i = 0; i < l->n; i++) {
			const char *elem = (const char *)l->v + i * f->elem_size;
			if (!cj_wb_map_present(f->sub, elem)) {
				cj_buf_printf(w->b, "%*s- {}\n", indent + 2, "");
				continue;
			}
			w->dash = 1;
			write_fields(w, f->sub, elem, indent + 4, 0);
		}
		return;
	}
	default:
		cj_buf_putc(w->b, ' ');
		put_scalar(w, f, p, indent);
		cj_buf_putc(w->b, '\n');
		return;
	}
}

static void write_fields(struct yw *w, const struct cj_field *tab, const char *base, int indent,
			 int root)
{
	for (; tab->key; tab++) {
		if (root && !is_scalar(tab->type) && has_value(tab, base + tab->off))
			cj_buf_printf(w->b, "\n# ============================== %s\n", tab->zh);
		write_field(w, tab, base, indent);
	}
}

enum cj_err cj_yaml_write(const struct cj_accounts *a, struct cj_buf *out)
{
	struct yw w;

	if (!a || !out)
		return CJ_ERR_USAGE;
	if (a->unit_fen != CJ_FEN_PER_YUAN && a->unit_fen != CJ_FEN_PER_WAN)
		return CJ_ERR_USAGE;
	memset(&w, 0, sizeof(w));
	w.b = out;
	w.unit_fen = a->unit_fen;
	cj_buf_puts(out, "# caijue 数据集（由 caijue convert 生成）。字段说明见 docs/dataset.md。\n"
			 "# 金额单位见 amount_unit，至多两位小数；编码写成带引号的字符串。\n");
	write_fields(&w, cj_schema_root(), (const char *)a, 0, 1);
	return cj_buf_err(out);
}

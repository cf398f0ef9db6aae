/*
 * md.c - doc -> Markdown (see md.h).
 *
 * Blocks are separated by one blank line; every block ends with a
 * newline.  Text always goes through md_text(), never straight into the
 * buffer, so document text cannot turn into markup.
 */
#include "md.h"

#include <stdio.h>
#include <string.h>

#include "../base/utf8.h"

/* ---------------------------------------------------------------- text */

enum md_mode {
	MD_PARA,  /* paragraph: line-start markers escaped, newline = hard break */
	MD_QUOTE, /* blockquote line: as MD_PARA, continued with "> " */
	MD_HEAD,  /* heading: newline = space */
	MD_CELL   /* table cell: newline = <br> */
};

static const char *str(const char *s)
{
	return s ? s : "";
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Append s escaped for `mode`. */
static void md_text(struct cj_buf *b, const char *s, enum md_mode mode)
{
	size_t i = 0, len = strlen(s), adv, j;
	int bol = mode == MD_PARA || mode == MD_QUOTE; /* at a line start */
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' || c == '\n') {
			i += (c == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
			if (mode == MD_HEAD)
				cj_buf_putc(b, ' ');
			else if (mode == MD_CELL)
				cj_buf_puts(b, "<br>");
			else
				cj_buf_puts(b, mode == MD_QUOTE ? "\\\n> " : "\\\n");
			bol = mode == MD_PARA || mode == MD_QUOTE;
			continue;
		}
		if (bol) {
			if (c == ' ' || c == '\t') {
				i++; /* leading blanks: four would make a code block */
				continue;
			}
			bol = 0;
			if (c == '-' || c == '+' || c == '=') {
				cj_buf_putc(b, '\\');
			} else if (is_digit(c)) {
				/* "1." or "1)" would start an ordered list. */
				for (j = i; j < len && is_digit((unsigned char)s[j]); j++)
					;
				if (j < len && (s[j] == '.' || s[j] == ')')) {
					cj_buf_put(b, s + i, j - i);
					cj_buf_putc(b, '\\');
					cj_buf_putc(b, s[j]);
					i = j + 1;
					continue;
				}
			}
		}
		if (c >= 0x80) {
			cp = cj_utf8_decode(s + i, len - i, &adv);
			if (cp == 0xFFFD)
				cj_buf_puts(b, "\xEF\xBF\xBD");
			else if (!((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF))
				cj_buf_put(b, s + i, adv);
			i += adv;
			continue;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7F) {
			i++; /* controls XML forbids are no better in Markdown */
			continue;
		}
		if (strchr("\\`*_[]<>&|~#", c))
			cj_buf_putc(b, '\\');
		cj_buf_putc(b, (char)c);
		i++;
	}
}

/* A file-name component as a URL path segment: bytes outside [A-Za-z0-9._-] as %XX. */
static void url_part(struct cj_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '.' ||
		    c == '_' || c == '-') {
			cj_buf_putc(b, (char)c);
		} else {
			cj_buf_putc(b, '%');
			cj_buf_putc(b, hex[c >> 4]);
			cj_buf_putc(b, hex[c & 15]);
		}
	}
}

/* ---------------------------------------------------------------- tables */

/*
 * The cell whose span covers (r, c), searching rows r0..r; (r, c) itself
 * when it is not covered; NULL when no span covers it (malformed table).
 */
static const struct cj_cell *anchor_of(const struct cj_table *t, size_t r, size_t c, size_t r0)
{
	size_t rr = r + 1, cc;

	while (rr-- > r0) {
		for (cc = c + 1; cc-- > 0;) {
			const struct cj_cell *a = &t->cells[rr * t->ncols + cc];

			if (!a->colspan || !a->rowspan)
				continue;
			if (rr + a->rowspan > r && cc + a->colspan > c)
				return a;
		}
	}
	return NULL;
}

/* One header cell per column: the header rows' texts joined with " / ". */
static void header_row(struct cj_buf *b, const struct cj_table *t, size_t hr)
{
	size_t r, c;

	for (c = 0; c < t->ncols; c++) {
		const char *prev = NULL;

		cj_buf_puts(b, "| ");
		for (r = 0; r < hr; r++) {
			const struct cj_cell *a = anchor_of(t, r, c, 0);
			const char *s = a ? str(a->text) : "";

			if (!*s || (prev && strcmp(prev, s) == 0))
				continue;
			if (prev)
				cj_buf_puts(b, " / ");
			md_text(b, s, MD_CELL);
			prev = s;
		}
		cj_buf_putc(b, ' ');
	}
	cj_buf_puts(b, "|\n");
}

/* Delimiter row: right-aligned where every body cell is an amount or right-aligned. */
static void delim_row(struct cj_buf *b, const struct cj_table *t, size_t hr)
{
	size_t r, c;

	for (c = 0; c < t->ncols; c++) {
		int n = 0, right = 0, centre = 0;

		for (r = hr; r < t->nrows; r++) {
			const struct cj_cell *cl = &t->cells[r * t->ncols + c];

			if (!cl->colspan || !cl->rowspan || !cl->text || !*cl->text)
				continue;
			n++;
			if (cl->is_amount || cl->align == CJ_AL_RIGHT)
				right++;
			else if (cl->align == CJ_AL_CENTER)
				centre++;
		}
		if (n && right == n)
			cj_buf_puts(b, "| ---: ");
		else if (n && centre == n)
			cj_buf_puts(b, "| :---: ");
		else
			cj_buf_puts(b, "| --- ");
	}
	cj_buf_puts(b, "|\n");
}

static void body_rows(struct cj_buf *b, const struct cj_table *t, size_t hr)
{
	size_t r, c;

	for (r = hr; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const struct cj_cell *cl = &t->cells[r * t->ncols + c];
			int bold = cl->bold && cl->text && *cl->text;

			cj_buf_puts(b, "| ");
			if (cl->colspan && cl->rowspan) {
				if (bold)
					cj_buf_puts(b, "**");
				md_text(b, str(cl->text), MD_CELL);
				if (bold)
					cj_buf_puts(b, "**");
			}
			cj_buf_putc(b, ' ');
		}
		cj_buf_puts(b, "|\n");
	}
}

static enum cj_err table(struct cj_buf *b, const struct cj_table *t)
{
	size_t hr;
	int titled = 0;

	if (!t || (t->nrows && t->ncols && !t->cells))
		return CJ_ERR_USAGE;
	if ((t->number && *t->number) || (t->title && *t->title)) {
		cj_buf_puts(b, "**");
		if (t->number && *t->number) {
			md_text(b, t->number, MD_HEAD);
			if (t->title && *t->title)
				cj_buf_putc(b, ' ');
		}
		md_text(b, str(t->title), MD_HEAD);
		cj_buf_puts(b, "**\n");
		titled = 1;
	}
	if (t->unit_line && *t->unit_line) {
		if (titled)
			cj_buf_putc(b, '\n');
		md_text(b, t->unit_line, MD_PARA);
		cj_buf_putc(b, '\n');
		titled = 1;
	}
	if (t->nrows && t->ncols) {
		hr = t->header_rows < t->nrows ? t->header_rows : t->nrows;
		if (titled)
			cj_buf_putc(b, '\n');
		header_row(b, t, hr);
		delim_row(b, t, hr);
		body_rows(b, t, hr);
		titled = 1;
	}
	if (t->note && *t->note) {
		if (titled)
			cj_buf_putc(b, '\n');
		cj_buf_puts(b, "> ");
		md_text(b, t->note, MD_QUOTE);
		cj_buf_putc(b, '\n');
	}
	return CJ_OK;
}

/* ---------------------------------------------------------------- charts */

static void chart_unit(struct cj_buf *b, const struct cj_chart *c)
{
	if (!c->unit || !*c->unit)
		return;
	cj_buf_puts(b, "单位：");
	md_text(b, c->unit, MD_HEAD);
	cj_buf_puts(b, "\n\n");
}

static enum cj_err chart(struct cj_buf *b, const struct cj_chart *c)
{
	int pie;
	size_t i, s, ncols;

	if (!c || !c->cats || !c->series || !c->value_labels)
		return CJ_ERR_USAGE;
	pie = c->kind == CJ_CHART_PIE;
	if (pie && (!c->share_labels || c->nseries < 1))
		return CJ_ERR_USAGE;
	cj_buf_puts(b, "![");
	md_text(b, str(c->caption), MD_HEAD);
	cj_buf_puts(b, "](charts/");
	url_part(b, str(c->id));
	cj_buf_puts(b, ".svg)\n");
	if (!c->ncats)
		return CJ_OK;
	cj_buf_putc(b, '\n');
	chart_unit(b, c);

	/* Head: 项目, one column per series (a pie: its one series), 占比. */
	ncols = pie ? 1 : c->nseries;
	cj_buf_puts(b, "| 项目 ");
	for (s = 0; s < ncols; s++) {
		const char *name = str(c->series[s]);

		cj_buf_puts(b, "| ");
		md_text(b, pie && !*name ? "金额" : name, MD_CELL);
		cj_buf_putc(b, ' ');
	}
	if (pie)
		cj_buf_puts(b, "| 占比 ");
	cj_buf_puts(b, "|\n| --- ");
	for (s = 0; s < ncols + (size_t)pie; s++)
		cj_buf_puts(b, "| ---: ");
	cj_buf_puts(b, "|\n");
	for (i = 0; i < c->ncats; i++) {
		cj_buf_puts(b, "| ");
		md_text(b, str(c->cats[i]), MD_CELL);
		cj_buf_putc(b, ' ');
		for (s = 0; s < ncols; s++) {
			cj_buf_puts(b, "| ");
			md_text(b, str(c->value_labels[s * c->ncats + i]), MD_CELL);
			cj_buf_putc(b, ' ');
		}
		if (pie) {
			cj_buf_puts(b, "| ");
			md_text(b, str(c->share_labels[i]), MD_CELL);
			cj_buf_putc(b, ' ');
		}
		cj_buf_puts(b, "|\n");
	}
	return CJ_OK;
}

/* ---------------------------------------------------------------- doc */

enum cj_err cj_md_render(const struct cj_doc *doc, struct cj_buf *out)
{
	static const char hashes[] = "####";
	enum cj_err e = CJ_OK;
	size_t i;

	if (!doc || !out)
		return CJ_ERR_USAGE;
	if (doc->err)
		return doc->err;
	cj_buf_puts(out, "# ");
	md_text(out, str(doc->title), MD_HEAD);
	cj_buf_putc(out, '\n');
	for (i = 0; i < doc->n && !e && !cj_buf_err(out); i++) {
		const struct cj_node *nd = &doc->nodes[i];
		int level;

		if (nd->kind == CJ_N_PAGEBREAK)
			continue;
		cj_buf_putc(out, '\n');
		switch (nd->kind) {
		case CJ_N_HEADING:
			level = nd->level < 1 ? 1 : nd->level > 4 ? 4 : nd->level;
			cj_buf_put(out, hashes, (size_t)level);
			cj_buf_putc(out, ' ');
			md_text(out, str(nd->text), MD_HEAD);
			cj_buf_putc(out, '\n');
			break;
		case CJ_N_PARA:
			md_text(out, str(nd->text), MD_PARA);
			cj_buf_putc(out, '\n');
			break;
		case CJ_N_NOTE:
			cj_buf_puts(out, "> ");
			md_text(out, str(nd->text), MD_QUOTE);
			cj_buf_putc(out, '\n');
			break;
		case CJ_N_TABLE:
			e = table(out, nd->table);
			break;
		case CJ_N_CHART:
			e = chart(out, nd->chart);
			break;
		default:
			e = CJ_ERR_USAGE;
			break;
		}
	}
	if (e)
		return e;
	return cj_buf_err(out);
}

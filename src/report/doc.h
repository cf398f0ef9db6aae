/*
 * doc.h - the document tree: what report/ builds and every renderer in
 * out/ draws (HTML, Markdown, SVG charts now; DOCX, PDF, XLSX later).
 *
 * A renderer never computes a figure or words a sentence: everything a
 * reader sees is already text in this tree (amounts formatted by
 * base/money.h from calc/ figures).  Charts are data (kind, title,
 * categories, series of fen values, and the share labels from calc/), so
 * SVG, cairo and native XLSX charts draw the same chart value.
 *
 * Ownership: a struct cj_doc owns every node, string, table and chart;
 * cj_doc_free() frees all.  Builders use an internal arena-free API of
 * _add functions that copy their strings.
 */
#ifndef CJ_DOC_H
#define CJ_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "../base/err.h"

enum cj_node_kind {
	CJ_N_HEADING,  /* level 1: 第一部分 …; 2: 一、…; 3: （一）…; 4: 1.… */
	CJ_N_PARA,     /* a paragraph of body text */
	CJ_N_NOTE,     /* a small-print note, e.g. （注：数据来源于财决01表） */
	CJ_N_TABLE,
	CJ_N_CHART,
	CJ_N_PAGEBREAK /* a hint for paged renderers (DOCX, PDF) */
};

enum cj_align { CJ_AL_LEFT, CJ_AL_CENTER, CJ_AL_RIGHT };

struct cj_cell {
	char *text;            /* owned; "" for an empty cell */
	unsigned short colspan; /* >= 1; 0 marks a cell covered by a span */
	unsigned short rowspan; /* >= 1; 0 marks a cell covered by a span */
	unsigned char align;   /* enum cj_align */
	unsigned char bold;
	unsigned char is_amount; /* a money figure: renderers may use a number format */
	int64_t fen;           /* the amount, when is_amount */
};

struct cj_table {
	char *id;          /* stable id, e.g. "t1" … "t9", "perf-1" */
	char *number;      /* 公开01表, may be "" */
	char *title;       /* 收入支出决算总表 */
	char *unit_line;   /* 编制单位：… 单位：万元 (may be "") */
	size_t ncols, nrows;
	size_t header_rows; /* the first header_rows rows repeat on each page */
	struct cj_cell *cells; /* nrows * ncols, row-major */
	unsigned char *col_width; /* ncols relative widths (1..20) */
	char *note;        /* text under the table, may be "" (e.g. empty-table statement) */
	enum cj_err err;   /* sticky: first failure while filling */
};

enum cj_chart_kind {
	CJ_CHART_BARS, /* grouped bars: categories × series (e.g. 收入总计/支出总计 × 2019/2020) */
	CJ_CHART_PIE   /* one series; slices with share labels */
};

struct cj_chart {
	char *id;          /* file stem: "chart1-totals" … */
	enum cj_chart_kind kind;
	char *title;       /* 收、支决算总计变动情况图 */
	char *caption;     /* （图1：收、支决算总计变动情况图） */
	char *unit;        /* 万元 */
	size_t ncats;      /* categories (bars: x groups; pie: slices) */
	char **cats;       /* owned labels */
	size_t nseries;    /* bars: series (years); pie: 1 */
	char **series;     /* owned series names ("2019年", "2020年") */
	int64_t *values;   /* nseries * ncats, fen, series-major */
	char **value_labels; /* nseries * ncats, formatted ("1104.25") */
	char **share_labels; /* pie: ncats labels ("89.27%"); NULL for bars */
	enum cj_err err;   /* sticky: first failure while filling */
};

struct cj_node {
	enum cj_node_kind kind;
	int level;          /* headings */
	char *text;         /* headings, paragraphs, notes */
	struct cj_table *table;
	struct cj_chart *chart;
};

struct cj_doc {
	char *title;        /* 中共广元市利州区委员会办公室2020年度部门决算 */
	char *author;       /* the unit */
	int year;
	struct cj_node *nodes;
	size_t n, cap;
	enum cj_err err;    /* sticky: first failure while building */
};

struct cj_doc *cj_doc_new(const char *title, const char *author, int year);
void cj_doc_free(struct cj_doc *doc);

/* Append nodes; strings are copied.  On failure doc->err is set and later calls do nothing. */
void cj_doc_heading(struct cj_doc *doc, int level, const char *text);
void cj_doc_para(struct cj_doc *doc, const char *text);
void cj_doc_note(struct cj_doc *doc, const char *text);
void cj_doc_pagebreak(struct cj_doc *doc);

/* Tables: create, fill cells, then attach (the doc takes ownership). */
struct cj_table *cj_table_new(const char *id, const char *number, const char *title,
			      const char *unit_line, size_t nrows, size_t ncols, size_t header_rows);
void cj_table_free(struct cj_table *t);
/* Set a cell's text (copied); returns the cell or NULL on failure. */
struct cj_cell *cj_table_set(struct cj_table *t, size_t row, size_t col, const char *text,
			     enum cj_align align);
/* Set an amount cell: text formatted in 万元 with two decimals, right-aligned. */
struct cj_cell *cj_table_amount(struct cj_table *t, size_t row, size_t col, int64_t fen);
/* Merge a block; covered cells get colspan/rowspan 0. */
void cj_table_span(struct cj_table *t, size_t row, size_t col, size_t rowspan, size_t colspan);
void cj_table_set_note(struct cj_table *t, const char *note);
void cj_doc_table(struct cj_doc *doc, struct cj_table *t);

struct cj_chart *cj_chart_new(const char *id, enum cj_chart_kind kind, const char *title,
			      const char *caption, const char *unit, size_t ncats, size_t nseries);
void cj_chart_free(struct cj_chart *c);
void cj_chart_set_cat(struct cj_chart *c, size_t i, const char *label);
void cj_chart_set_series(struct cj_chart *c, size_t s, const char *name);
/* Set a value (fen); its label is formatted in 万元 with two decimals. */
void cj_chart_set_value(struct cj_chart *c, size_t s, size_t i, int64_t fen);
/* Pie: the share label of slice i from a bp value computed by calc/. */
void cj_chart_set_share(struct cj_chart *c, size_t i, int64_t bp);
void cj_doc_chart(struct cj_doc *doc, struct cj_chart *c);

#endif

/*
 * pdf_int.h - private to pdf.c and pdf_table.c: the page state of the
 * PDF renderer, its text styles, and the few calls the table module
 * needs from the flow module.
 *
 * Coordinates are PDF points (1/72 in), origin at the top left of the
 * page, y downwards (cairo's user space).
 */
#ifndef CJ_PDF_INT_H
#define CJ_PDF_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

#define PDF_MM (72.0 / 25.4)

/* Text styles: face, size, line pitch, alignment, spacing (pdf.c styles[]). */
enum pdf_style {
	ST_TITLE,     /* the document title */
	ST_H1,        /* 第一部分 … */
	ST_H2,        /* 一、… */
	ST_H3,        /* （一）… */
	ST_H4,        /* 1.… */
	ST_BODY,      /* paragraphs */
	ST_NOTE,      /* small print: notes, table notes */
	ST_CAPTION,   /* chart captions */
	ST_TBL_TITLE, /* a table's title */
	ST_TBL_SMALL, /* a table's number and unit line */
	ST_TBL,       /* table cells */
	ST_TBL_BOLD,  /* bold table cells */
	ST_PAGENO,    /* the page number */
	ST_N
};

struct pdf_style_def {
	int face;          /* index into pdf.c faces[] */
	double size;       /* pt */
	double pitch;      /* baseline to baseline, pt (0 for table cells: natural) */
	int bold;          /* bold whatever the face */
	PangoAlignment align;
	double indent;     /* first-line indent, em */
	double before;     /* space above, pt (dropped at the top of a page) */
	double after;      /* space below, pt */
	int justify;       /* justified lines (except each paragraph's last) */
	int emph;          /* a title or heading: the face's fallback weight applies */
	int balance;       /* centred lines of equal length when the text wraps */
};

extern const struct pdf_style_def cj_pdf_styles[ST_N];

struct pdf_tlay; /* pdf_table.c: a laid-out table */

struct pdf {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoContext *pc;        /* from cr, set up for print */
	PangoLayout *lay;        /* reused by every text block and cell */
	PangoLayout *flay;       /* the footer's: a page can end while `lay` is being placed */
	PangoFontDescription *fd[ST_N];
	struct cj_buf scratch;   /* cleaned text */
	struct cj_buf *out;

	int page;                /* pages begun so far (the open page's number) */
	int open;                /* a page is begun and not yet shown */
	int fresh;               /* the open page has nothing drawn on it */
	int landscape;           /* orientation of the open page */
	double pw, ph;           /* its size */
	double x0, x1, y0, y1;   /* its text block */
	double y;                /* top of the next block */

	int outline[4];          /* outline id of the last heading of levels 1..3 (0: none) */

	const struct cj_table *cache_t; /* the table laid out in cache */
	struct pdf_tlay *cache;

	enum cj_err err;         /* sticky: first failure */
};

/* Fail: keep the first error. */
void cj_pdf_fail(struct pdf *p, enum cj_err e);

/*
 * Make sure a page of the orientation is open, with `h` points left in
 * its text block; otherwise start a new page (unless the open page is
 * still fresh: then it only takes the orientation).
 */
void cj_pdf_need(struct pdf *p, double h, int landscape);

/* Show the open page (footer included) and start a new one of the orientation. */
void cj_pdf_new_page(struct pdf *p, int landscape);

/* Set the layout for style st at `width` with cleaned text; 0 on failure. */
int cj_pdf_lay(struct pdf *p, const char *text, enum pdf_style st, PangoAlignment al,
	       double width, int wrap_char);

/* Height of a text block (lines x pitch, without the space around it). */
double cj_pdf_text_height(struct pdf *p, const char *text, enum pdf_style st,
			  PangoAlignment al);

/*
 * Flow a text block at p->y in the text block of the open page, across
 * pages when `split`; space before (unless the page is fresh) and after.
 */
void cj_pdf_text(struct pdf *p, const char *text, enum pdf_style st, PangoAlignment al,
		 int split);

/* pdf_table.c: draw a table (title, header repeated on each page, note). */
void cj_pdf_table(struct pdf *p, const struct cj_table *t);

/*
 * pdf_table.c: the least height the table needs where it starts (title,
 * header rows, first unbreakable group of rows); 0 when the table will
 * start a page of another orientation anyway.  Lays the table out and
 * keeps it in p->cache for cj_pdf_table().
 */
double cj_pdf_table_start(struct pdf *p, const struct cj_table *t);

/* pdf_table.c: free the cached layout. */
void cj_pdf_table_cache_free(struct pdf *p);

#endif

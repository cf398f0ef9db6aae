/*
 * docx_int.h - private interface between the DOCX renderer's files:
 * docx.c (package, body, charts), docx_styles.c (styles, fonts,
 * settings) and docx_table.c (tables).
 *
 * Everything here writes WordprocessingML through a struct cj_xmlw, so
 * text is escaped in one place; the writers keep the schema's element
 * order (Word refuses a document whose pPr/rPr children are out of
 * order).
 */
#ifndef CJ_DOCX_INT_H
#define CJ_DOCX_INT_H

#include "../report/doc.h"
#include "xmlw.h"

/*
 * Page geometry in twips (1/20 pt; 1 mm = 56.69 twips): A4 and the
 * margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right
 * 26 mm).
 */
#define CJ_DOCX_PAGE_W 11906
#define CJ_DOCX_PAGE_H 16838
#define CJ_DOCX_MARGIN_TOP 2098
#define CJ_DOCX_MARGIN_BOTTOM 1984
#define CJ_DOCX_MARGIN_LEFT 1587
#define CJ_DOCX_MARGIN_RIGHT 1474
#define CJ_DOCX_HEADER 851  /* 15 mm from the top edge */
/* Footer 23 mm from the bottom edge: the page number's top about 7 mm under the text block. */
#define CJ_DOCX_FOOTER 1304
#define CJ_DOCX_TEXT_W (CJ_DOCX_PAGE_W - CJ_DOCX_MARGIN_LEFT - CJ_DOCX_MARGIN_RIGHT)

/* Body line pitch: 22 lines of 三号 text on the 225 mm high text block (GB/T 9704). */
#define CJ_DOCX_LINE 579
/* Space between a table and the paragraph after it: half a line. */
#define CJ_DOCX_GAP (CJ_DOCX_LINE / 2)

/* Table text size (half-points): 10 pt, and 9 pt for tables of CJ_DOCX_WIDE_COLS columns or more. */
#define CJ_DOCX_TABLE_SZ 20
#define CJ_DOCX_TABLE_SZ_SMALL 18
#define CJ_DOCX_WIDE_COLS 8

/* <name w:val="val"/> */
void cj_docx_val(struct cj_xmlw *w, const char *name, const char *val);
/* <name w:val="123"/> */
void cj_docx_ival(struct cj_xmlw *w, const char *name, long long val);

/*
 * The runs of `text`: one w:r, its w:t split at line breaks (w:br) and
 * tabs (w:tab); bold adds w:b.  Nothing for an empty text.
 */
void cj_docx_runs(struct cj_xmlw *w, const char *text, int bold);

/*
 * A paragraph of style `style` (a w:styleId, NULL: Normal), optionally
 * with its own alignment `jc` (NULL: the style's) and space before
 * (`before` twips; 0: the style's), holding `text` (may be NULL).
 */
void cj_docx_para(struct cj_xmlw *w, const char *style, const char *jc, int before,
		  const char *text, int bold);

/* word/styles.xml, word/fontTable.xml, word/settings.xml (whole parts). */
void cj_docx_styles_part(struct cj_xmlw *w);
void cj_docx_fonts_part(struct cj_xmlw *w);
void cj_docx_settings_part(struct cj_xmlw *w);

/*
 * A table of the tree: its number, title and unit line as paragraphs,
 * the w:tbl, then its note.  *after_table is 1 on entry when the last
 * body element written was a w:tbl (an empty paragraph then keeps two
 * tables apart), and is set to 1 when this one ends with its w:tbl.
 * Returns CJ_ERR_USAGE for a malformed table, else CJ_OK (the writer
 * keeps its own error).
 */
enum cj_err cj_docx_table(struct cj_xmlw *w, const struct cj_table *t, int *after_table);

/*
 * The data of a chart as a small table under its caption, as md.c does,
 * so every figure of the chart is also text: "单位：" and the unit, then
 * 项目 and one column per series (a pie: its series, or 金额, and 占比),
 * a row per category with the value (and share) labels.  *after_table as
 * above.  Returns CJ_ERR_USAGE for a chart that is not filled,
 * CJ_ERR_NOMEM, else CJ_OK.
 */
enum cj_err cj_docx_chart_table(struct cj_xmlw *w, const struct cj_chart *c, int *after_table);

#endif

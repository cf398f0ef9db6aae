/*
 * chart_cairo.h - a chart of the document tree drawn on a cairo context,
 * with its labels set by pango; the drawing behind PNG charts (png.h) and
 * the vector charts of the PDF report (pdf.h).
 *
 * The design is svg.h's, element for element, because the layout is
 * one piece of code for both (chart_geom.h): a 640-unit wide canvas on
 * a white background, the bold title at the top, grouped bars with value
 * labels, grid lines and round-number ticks, the unit line, category
 * labels (smaller, then slanted, when they do not fit), a legend in
 * centred rows; pies with leader lines to "category share" labels and a
 * legend of every category with its share label; a grey 无数据 disc when
 * nothing is positive.  The Office palette and the font stack ("Noto Sans
 * CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif") are the same.
 * One difference: text widths are measured with pango instead of being
 * estimated from display columns, so legends and slanted labels fit the
 * glyphs actually drawn; the geometry may therefore differ from the SVG
 * by a few units.
 *
 * Every label comes from the chart, the axis ticks from chart_geom.c.
 * This file turns the layout into cairo paths and pango text; it never
 * computes a share.
 *
 * Text goes through cj_cairo_set_text(), which drops what pango would
 * warn about (invalid UTF-8, control characters), so the library never
 * writes to stderr.
 */
#ifndef CJ_CHART_CAIRO_H
#define CJ_CHART_CAIRO_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

#define CJ_CHART_CAIRO_WIDTH 640.0 /* chart units; the SVG's pixels (CJ_CHART_WIDTH) */

/*
 * Height of the chart in chart units (its width is CJ_CHART_CAIRO_WIDTH).
 * Returns CJ_OK, CJ_ERR_USAGE for a chart that is not filled (a NULL
 * label array), CJ_ERR_NOMEM.  *height is set only on success.
 */
enum cj_err cj_chart_cairo_height(const struct cj_chart *c, double *height);

/*
 * Draw the chart with its top-left corner at the origin of `cr`'s user
 * space, one chart unit per user unit: scale `cr` first to fit.  The
 * state of `cr` (source, font, path, transformation) is saved and
 * restored.  Returns CJ_OK, CJ_ERR_USAGE (unfilled chart, NULL cr),
 * CJ_ERR_NOMEM (ours or cairo's), CJ_ERR_IO for any other cairo error
 * status of `cr` after drawing.
 *
 *     double h;
 *     if (cj_chart_cairo_height(c, &h) == CJ_OK) {
 *         cairo_save(cr);
 *         cairo_translate(cr, x, y);
 *         cairo_scale(cr, w / CJ_CHART_CAIRO_WIDTH, w / CJ_CHART_CAIRO_WIDTH);
 *         e = cj_chart_cairo_draw(c, cr);
 *         cairo_restore(cr);
 *     }
 */
enum cj_err cj_chart_cairo_draw(const struct cj_chart *c, cairo_t *cr);

/* ------------------------------------------------ shared with pdf.c */

/*
 * Prepare a pango context for print: 72 dpi (a font size in points is
 * that many user units), no hinting of glyph shapes or metrics (so a
 * measurement holds at any scale and on any surface), language zh-cn
 * (glyph variants and line breaking for Simplified Chinese).
 */
void cj_cairo_context_setup(PangoContext *pc);

/*
 * Append `s` (NULL: "") to `out` cleaned for pango and cairo: invalid
 * UTF-8 becomes U+FFFD, CR LF and CR become LF (kept only when `keep_nl`,
 * else a space), TAB a space, other C0/C1 controls and U+FFFE/U+FFFF are
 * dropped.  Returns out's sticky error (CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE).
 */
enum cj_err cj_cairo_clean(struct cj_buf *out, const char *s, int keep_nl);

/*
 * Set `s` as the text of `lay` after cleaning it (cj_cairo_clean) in
 * `scratch`, which is reset first.  Returns scratch's error; on error the
 * layout's text is "".
 */
enum cj_err cj_cairo_set_text(PangoLayout *lay, const char *s, int keep_nl,
			      struct cj_buf *scratch);

/* Map a cairo status to our error: NO_MEMORY -> NOMEM, others -> IO. */
enum cj_err cj_cairo_err(cairo_status_t st);

#endif

/*
 * png.h - a chart of the document tree as a PNG image, drawn with cairo
 * and pango (chart_cairo.h): the same design as the SVG charts, for
 * formats that embed raster images (DOCX).
 *
 * The image is width_px wide and as tall as the chart needs at that
 * scale (a chart is 640 units wide; 1280 px gives a sharp image at the
 * width of an A4 text block).  Opaque RGB on white, no alpha.  Output is
 * deterministic for a given chart, width and set of installed fonts.
 */
#ifndef CJ_PNG_H
#define CJ_PNG_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

#define CJ_PNG_MAX_WIDTH 8192 /* px; also the limit of the height */

/*
 * Append the PNG bytes of the chart to `out`.  Returns CJ_OK,
 * CJ_ERR_USAGE (NULL argument, chart not filled, width_px < 16 or
 * > CJ_PNG_MAX_WIDTH), CJ_ERR_TOO_LARGE (the chart would be taller than
 * CJ_PNG_MAX_WIDTH px, or past out's cap), CJ_ERR_NOMEM, CJ_ERR_IO (any
 * other cairo failure).  On error `out` may hold a partial image.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_chart_png(chart, 1280, &b) == CJ_OK)
 *         zip_add("word/media/chart1.png", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_chart_png(const struct cj_chart *c, int width_px, struct cj_buf *out);

#endif

/*
 * svg.h - a chart of the document tree as a standalone SVG document.
 *
 * Bars: grouped bars, one group per category and one colour per series,
 * a value label above each bar (below it for a negative value), a
 * baseline at zero, horizontal grid lines and axis ticks at round numbers
 * of the chart unit, the unit line ("单位：万元"), the title and a legend.
 * Pies: one slice per category with a leader line to "category share",
 * and a legend of every category with its share label; zero (and
 * negative) values draw no slice but stay in the legend ("0.00%"); when no
 * value is positive, a grey disc says 无数据.
 *
 * Every label comes from the chart: categories, series names, value
 * labels, share labels, title, unit.  The layout, and the round numbers
 * of the value axis (formatted with cj_money_format() in 万元, the unit
 * doc.h gives every chart value label), come from chart_geom.h, which the
 * PNG and PDF charts (chart_cairo.h) share; text widths are estimated
 * from display columns (half an em per column).  Geometry is in tenths
 * of a pixel printed with integer formatting, so output is
 * byte-identical across runs and locales.
 *
 * The document is 640 wide (viewBox "0 0 640 H"; H depends on the chart),
 * font-family "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",
 * sans-serif, and uses no ids, so several charts can be inlined in one
 * HTML page.
 */
#ifndef CJ_SVG_H
#define CJ_SVG_H

#include "../base/buf.h"
#include "../base/err.h"
#include "../report/doc.h"

#define CJ_SVG_WIDTH 640

/*
 * Append the chart as an SVG document (XML declaration, then <svg>) to
 * `out`.  Returns CJ_OK, CJ_ERR_NOMEM, CJ_ERR_TOO_LARGE (past out's cap),
 * or CJ_ERR_USAGE for a chart that is not filled (a NULL label array).
 * On error `out` holds a partial document and its sticky error.
 *
 *     struct cj_buf b;
 *     cj_buf_init(&b, 0);
 *     if (cj_svg_chart(chart, &b) == CJ_OK)
 *         write_file("charts/chart1-totals.svg", b.ptr, b.len);
 *     cj_buf_release(&b);
 */
enum cj_err cj_svg_chart(const struct cj_chart *c, struct cj_buf *out);

#endif

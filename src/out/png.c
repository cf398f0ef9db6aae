/*
 * png.c - chart -> PNG (see png.h): an RGB24 image surface scaled so
 * the 640-unit chart fills width_px, written with
 * cairo_surface_write_to_png_stream() into the caller's buffer.
 */
#include "png.h"

#include <cairo.h>
#include <math.h>

#include "chart_cairo.h"

/*
 * cairo's write callback.  A failure is kept in the buffer's sticky
 * error and never reported to cairo: cairo 1.16 can crash finishing a
 * PDF surface whose stream failed, so it writes on into a buffer that
 * ignores it, and the caller checks the buffer once at the end.
 */
static cairo_status_t put(void *closure, const unsigned char *data, unsigned int len)
{
	cj_buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

enum cj_err cj_chart_png(const struct cj_chart *c, int width_px, struct cj_buf *out)
{
	cairo_surface_t *surf = NULL;
	cairo_t *cr = NULL;
	cairo_status_t st;
	double h, scale, hpx;
	enum cj_err e;

	if (!c || !out || width_px < 16 || width_px > CJ_PNG_MAX_WIDTH)
		return CJ_ERR_USAGE;
	e = cj_chart_cairo_height(c, &h);
	if (e)
		return e;
	scale = (double)width_px / CJ_CHART_CAIRO_WIDTH;
	hpx = ceil(h * scale);
	if (hpx > CJ_PNG_MAX_WIDTH)
		return CJ_ERR_TOO_LARGE;
	surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, hpx < 1 ? 1 : (int)hpx);
	e = cj_cairo_err(cairo_surface_status(surf));
	if (e)
		goto out;
	cr = cairo_create(surf);
	e = cj_cairo_err(cairo_status(cr));
	if (e)
		goto out;
	cairo_set_source_rgb(cr, 1, 1, 1); /* under the chart's own white, for the rounded-up row */
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	e = cj_chart_cairo_draw(c, cr);
	if (e)
		goto out;
	cairo_surface_flush(surf);
	st = cairo_surface_write_to_png_stream(surf, put, out);
	e = cj_buf_err(out);
	if (!e)
		e = cj_cairo_err(st);
out:
	if (cr)
		cairo_destroy(cr);
	cairo_surface_destroy(surf);
	return e;
}

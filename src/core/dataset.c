/*
 * dataset.c - the public facade (include/caijue.h): load a dataset, check
 * it, build its report.  It only wires modules together: reading (in/),
 * code tables (model/codes), derived figures (calc/), rules (rules/), the
 * document tree (report/) and the renderers (out/).  The CLI and the web
 * server call these functions and nothing below them.
 */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/fsio.h"
#include "calc/calc.h"
#include "core/dataset_int.h"
#include "in/xls_read.h"
#include "in/xlsx_read.h"
#include "in/yaml_read.h"
#include "model/accounts.h"
#include "model/codes.h"
#include "model/schema_doc.h"
#include "out/docx.h"
#include "out/html.h"
#include "out/md.h"
#include "out/pdf.h"
#include "out/svg.h"
#include "out/xlsx.h"
#include "report/doc.h"
#include "report/report.h"
#include "rules/rules.h"


const char *cj_version(void)
{
	return CJ_VERSION;
}


/* A codes_file named in a dataset is relative to the dataset's directory. */
static char *resolve_near(const char *dataset_path, const char *rel)
{
	const char *slash = strrchr(dataset_path, '/');
	size_t dlen, rlen = strlen(rel);
	char *p;

	if (rel[0] == '/' || !slash)
		return cj_strdup(rel);
	dlen = (size_t)(slash - dataset_path) + 1;
	p = cj_malloc(dlen + rlen + 1);
	if (!p)
		return NULL;
	memcpy(p, dataset_path, dlen);
	memcpy(p + dlen, rel, rlen + 1);
	return p;
}

static enum cj_err load_codes(const char *path, const struct cj_load_opts *opts,
			      const struct cj_accounts *a, struct cj_codes **out,
			      struct cj_diag *d)
{
	enum cj_err e;
	char *p;

	if (opts && opts->codes_file)
		return cj_codes_load(opts->codes_file, out, d);
	if (a->codes_file.s && a->codes_file.s[0]) {
		p = resolve_near(path, a->codes_file.s);
		if (!p)
			return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		e = cj_codes_load(p, out, d);
		cj_free(p);
		return e;
	}
	return cj_codes_default(out, d);
}

enum cj_err cj_dataset_load(const char *path, const struct cj_load_opts *opts,
			    struct cj_dataset **out, struct cj_diag *d)
{
	struct cj_dataset *ds;
	enum cj_err e;

	if (!cj_path_has_suffix(path, ".yaml") && !cj_path_has_suffix(path, ".yml") &&
	    !cj_path_has_suffix(path, ".xlsx") && !cj_path_has_suffix(path, ".xls"))
		return cj_fail_at(d, CJ_ERR_USAGE, path, 0,
				  "无法识别的数据文件类型（应为 .yaml、.yml、.xlsx 或 .xls（Excel 工作簿））");
	ds = cj_calloc(1, sizeof(*ds));
	if (!ds)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	if (cj_path_has_suffix(path, ".xlsx"))
		e = cj_xlsx_read_file(path, &ds->a, d);
	else if (cj_path_has_suffix(path, ".xls"))
		e = cj_xls_read_file(path, &ds->a, d);
	else
		e = cj_yaml_read_file(path, &ds->a, d);
	if (!e)
		e = load_codes(path, opts, ds->a, &ds->codes, d);
	if (!e)
		e = cj_calc(ds->a, ds->codes, &ds->f, d);
	if (e) {
		cj_diag_locate(d, path, 0);
		cj_dataset_free(ds);
		return e;
	}
	*out = ds;
	return CJ_OK;
}

void cj_dataset_free(struct cj_dataset *ds)
{
	if (!ds)
		return;
	cj_figures_free(ds->f);
	cj_codes_free(ds->codes);
	cj_accounts_free(ds->a);
	cj_free(ds);
}

enum cj_err cj_dataset_check(const struct cj_dataset *ds, const struct cj_check_opts *opts,
			     struct cj_findings *out)
{
	enum cj_err e = cj_check(ds->a, ds->f, ds->codes, opts, out);

	cj_findings_sort(out);
	return e ? e : out->err;
}

/* ------------------------------------------------------------------ build */

/* One rendered output, held in memory until every output is ready. */
struct pending {
	char *path;
	char *data;
	size_t len;
};

struct outputs {
	struct pending *v;
	size_t n, cap;
};

static enum cj_err add_output(struct outputs *o, const char *dir, const char *name,
			      struct cj_buf *b, struct cj_diag *d)
{
	size_t dl = strlen(dir), nl = strlen(name);
	struct pending p;

	if (cj_buf_err(b))
		return cj_fail(d, cj_buf_err(b), "生成「%s」失败：%s", name, cj_strerror(cj_buf_err(b)));
	if (o->n == o->cap) {
		size_t ncap = o->cap ? o->cap * 2 : 16;
		struct pending *nv = cj_realloc(o->v, ncap * sizeof(*nv));
		if (!nv)
			return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		o->v = nv;
		o->cap = ncap;
	}
	p.path = cj_malloc(dl + nl + 2);
	if (!p.path)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	memcpy(p.path, dir, dl);
	p.path[dl] = '/';
	memcpy(p.path + dl + 1, name, nl + 1);
	p.data = cj_buf_detach(b, &p.len);
	if (!p.data) {
		cj_free(p.path);
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	}
	o->v[o->n++] = p;
	return CJ_OK;
}

static void free_outputs(struct outputs *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		cj_free(o->v[i].path);
		cj_free(o->v[i].data);
	}
	cj_free(o->v);
}

static enum cj_err render_all(const struct cj_doc *doc, const char *dir, unsigned formats,
			      struct outputs *o, struct cj_diag *d)
{
	struct cj_buf b;
	enum cj_err e = CJ_OK;
	size_t i;

	cj_buf_init(&b, 0);
	if (formats & CJ_OUT_HTML) {
		cj_buf_reset(&b);
		e = cj_html_render(doc, &b);
		if (e)
			goto out_err;
		e = add_output(o, dir, "report.html", &b, d);
		if (e)
			goto out;
	}
	if (formats & CJ_OUT_MD) {
		cj_buf_reset(&b);
		e = cj_md_render(doc, &b);
		if (e)
			goto out_err;
		e = add_output(o, dir, "report.md", &b, d);
		if (e)
			goto out;
	}
	if (formats & CJ_OUT_DOCX) {
		cj_buf_reset(&b);
		e = cj_docx_render(doc, &b);
		if (e)
			goto out_err;
		e = add_output(o, dir, "report.docx", &b, d);
		if (e)
			goto out;
	}
	if (formats & CJ_OUT_PDF) {
		cj_buf_reset(&b);
		e = cj_pdf_render(doc, &b);
		if (e)
			goto out_err;
		e = add_output(o, dir, "report.pdf", &b, d);
		if (e)
			goto out;
	}
	if (formats & CJ_OUT_CHARTS) {
		for (i = 0; i < doc->n; i++) {
			char name[128];
			const struct cj_chart *c = doc->nodes[i].chart;
			if (doc->nodes[i].kind != CJ_N_CHART || !c)
				continue;
			cj_buf_reset(&b);
			e = cj_svg_chart(c, &b);
			if (e)
				goto out_err;
			snprintf(name, sizeof(name), "charts/%s.svg", c->id);
			e = add_output(o, dir, name, &b, d);
			if (e)
				goto out;
		}
	}
	if (formats & CJ_OUT_XLSX) {
		cj_buf_reset(&b);
		e = cj_xlsx_tables_buf(doc, NULL, &b, d);
		if (e)
			goto out;
		e = add_output(o, dir, "tables.xlsx", &b, d);
		if (e)
			goto out;
	}
	goto out;
out_err:
	e = cj_fail(d, e, "渲染报告失败：%s", cj_strerror(e));
out:
	cj_buf_release(&b);
	return e;
}

enum cj_err cj_dataset_build(const struct cj_dataset *ds, const char *dir, unsigned formats,
			     size_t *written, struct cj_diag *d)
{
	struct cj_doc *doc = NULL;
	struct outputs o = {NULL, 0, 0};
	enum cj_err e;
	size_t i;
	char *charts = NULL;

	e = cj_report_build(ds->a, ds->f, ds->codes, &doc, d);
	if (e)
		goto out;
	/* render everything in memory first: a failure writes nothing */
	e = render_all(doc, dir, formats, &o, d);
	if (e)
		goto out;
	e = cj_mkdir_p(dir, d);
	if (e)
		goto out;
	if (formats & CJ_OUT_CHARTS) {
		size_t dl = strlen(dir);
		charts = cj_malloc(dl + 8);
		if (!charts) {
			e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
			goto out;
		}
		memcpy(charts, dir, dl);
		memcpy(charts + dl, "/charts", 8);
		e = cj_mkdir_p(charts, d);
		if (e)
			goto out;
	}
	for (i = 0; i < o.n; i++) {
		e = cj_file_write_atomic(o.v[i].path, o.v[i].data, o.v[i].len, d);
		if (e)
			goto out;
	}
	if (written)
		*written = o.n;
out:
	cj_free(charts);
	free_outputs(&o);
	cj_doc_free(doc);
	return e;
}

/* -------------------------------------------------------------- reference */

char *cj_rules_doc(void)
{
	struct cj_buf b;

	cj_buf_init(&b, 0);
	if (cj_rules_markdown(&b)) {
		cj_buf_release(&b);
		return NULL;
	}
	return cj_buf_detach(&b, NULL);
}

char *cj_schema_doc(void)
{
	struct cj_buf b;

	cj_buf_init(&b, 0);
	if (cj_schema_markdown(&b)) {
		cj_buf_release(&b);
		return NULL;
	}
	return cj_buf_detach(&b, NULL);
}

size_t cj_rules_count(void)
{
	const struct cj_rule *r = cj_rules_catalogue();
	size_t n = 0;

	while (r[n].id)
		n++;
	return n;
}

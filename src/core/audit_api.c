/*
 * audit_api.c - the public face of the auditor (include/caijue.h, audit
 * block): a session holding the options, the code table and the coverage;
 * each file is extracted (src/text) and audited (src/audit).
 *
 * It adds no logic of its own: reading and extraction errors come from
 * src/text with their messages; findings come from src/audit.
 */
#include <string.h>

#include "../audit/audit.h"
#include "../base/alloc.h"
#include "../model/codes.h"
#include "../text/extract.h"
#include "caijue.h"

struct cj_audit {
	struct cj_audit_opts opts;
	struct cj_codes *codes;
	struct aud_coverage cov;
	struct aud_untied *untied;
	size_t nuntied, capuntied;
	int last_year;
};

enum cj_err cj_audit_new(const struct cj_audit_opts *opts, struct cj_audit **out,
			 struct cj_diag *d)
{
	struct cj_audit *au;
	enum cj_err e;

	if (!out)
		return cj_fail(d, CJ_ERR_USAGE, "参数无效");
	au = cj_calloc(1, sizeof(*au));
	if (!au)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	if (opts)
		au->opts = *opts;
	au->opts.codes_file = NULL; /* not kept: the caller's string */
	if (opts && opts->codes_file)
		e = cj_codes_load(opts->codes_file, &au->codes, d);
	else
		e = cj_codes_default(&au->codes, d);
	if (e) {
		cj_free(au);
		return e;
	}
	*out = au;
	return CJ_OK;
}

void cj_audit_free(struct cj_audit *au)
{
	if (!au)
		return;
	cj_codes_free(au->codes);
	cj_aud_untied_free(au->untied, au->nuntied);
	cj_free(au);
}

static enum cj_err run(struct cj_audit *au, struct cj_textdoc *t, const char *name,
		       struct cj_findings *out, struct cj_diag *d)
{
	size_t before = out->n, nuntied = au->nuntied;
	struct aud_coverage cov;
	enum cj_err e;

	memset(&cov, 0, sizeof(cov));
	e = cj_aud_run(t, name, au->codes, au->opts.year, au->opts.explain, out, &cov,
		       &au->untied, &au->nuntied, &au->capuntied, &au->last_year);
	if (e) {
		/* leave the outputs as they were */
		while (out->n > before) {
			struct cj_finding *f = &out->v[--out->n];
			cj_free(f->file);
			cj_free(f->message);
			cj_free(f->stated);
			cj_free(f->expected);
			cj_free(f->excerpt);
		}
		out->err = CJ_OK;
		if (au->nuntied > nuntied) {
			while (au->nuntied > nuntied) {
				struct aud_untied *u = &au->untied[--au->nuntied];
				cj_free(u->file);
				cj_free(u->figure);
				cj_free(u->excerpt);
			}
		}
		return cj_fail_at(d, e, name, 0, "审核时内存不足");
	}
	au->cov.figures += cov.figures;
	au->cov.claims += cov.claims;
	au->cov.checked += cov.checked;
	au->cov.untied += cov.untied;
	return CJ_OK;
}

enum cj_err cj_audit_mem(struct cj_audit *au, const char *data, size_t len, const char *name,
			 struct cj_findings *out, struct cj_diag *d)
{
	struct cj_textdoc *t = NULL;
	enum cj_err e;

	if (!au || !out)
		return cj_fail(d, CJ_ERR_USAGE, "参数无效");
	if (out->err)
		return out->err;
	e = cj_text_extract_mem(data, len, name, &t, d);
	if (e)
		return e;
	e = run(au, t, name ? name : "", out, d);
	cj_textdoc_free(t);
	return e;
}

enum cj_err cj_audit_file(struct cj_audit *au, const char *path, struct cj_findings *out,
			  struct cj_diag *d)
{
	struct cj_textdoc *t = NULL;
	enum cj_err e;

	if (!au || !out || !path)
		return cj_fail(d, CJ_ERR_USAGE, "参数无效");
	if (out->err)
		return out->err;
	e = cj_text_extract_file(path, &t, d);
	if (e)
		return e;
	e = run(au, t, path, out, d);
	cj_textdoc_free(t);
	return e;
}

void cj_audit_get_coverage(const struct cj_audit *au, struct cj_audit_coverage *out)
{
	memset(out, 0, sizeof(*out));
	if (!au)
		return;
	out->figures = au->cov.figures;
	out->claims = au->cov.claims;
	out->checked = au->cov.checked;
	out->untied = au->cov.untied;
}

int cj_audit_last_year(const struct cj_audit *au)
{
	return au ? au->last_year : 0;
}

size_t cj_audit_untied_count(const struct cj_audit *au)
{
	return au ? au->nuntied : 0;
}

int cj_audit_untied(const struct cj_audit *au, size_t i, struct cj_audit_untied *out)
{
	if (!au || i >= au->nuntied)
		return 0;
	out->file = au->untied[i].file;
	out->line = au->untied[i].line;
	out->page = au->untied[i].page;
	out->figure = au->untied[i].figure;
	out->excerpt = au->untied[i].excerpt;
	return 1;
}

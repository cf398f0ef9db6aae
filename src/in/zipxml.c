/*
 * zipxml.c - XML parts of an untrusted zip archive, with limits (see
 * zipxml.h).
 *
 * Memory stays bounded: the archive is the caller's buffer, an entry is
 * inflated 64 KiB at a time straight into expat, and expat allocates
 * through cj_malloc (so allocation-failure tests reach it).  The byte
 * count of every inflated entry is added to a running total that may not
 * pass CJ_ZX_MAX_TOTAL, whatever the central directory claims.
 */
#include "zipxml.h"

#include <expat.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "../base/alloc.h"
#include "../base/utf8.h"

#define CHUNK ((size_t)64 << 10)

struct cj_zx {
	zip_t *zip;
	const char *file;     /* for messages */
	uint64_t inflated;    /* bytes inflated so far, all entries */
	XML_Parser parser;    /* during cj_zx_parse */
	/* the parse in progress */
	const struct cj_zx_handler *h;
	void *ud;
	enum cj_err herr;     /* first handler error, or a limit */
	int depth;
	const char *part;
	struct cj_diag *d;
};

/* ================================================================ open */

enum cj_err cj_zx_open(const void *buf, size_t len, const char *file, struct cj_zx **out,
		       struct cj_diag *d)
{
	struct cj_zx *z;
	zip_source_t *src;
	zip_error_t zerr;
	zip_int64_t n, i;
	zip_stat_t st;
	uint64_t total = 0;

	z = cj_calloc(1, sizeof(*z));
	if (!z)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	z->file = file ? file : "";
	zip_error_init(&zerr);
	src = zip_source_buffer_create(len ? buf : "", len, 0, &zerr);
	if (!src) {
		zip_error_fini(&zerr);
		cj_free(z);
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	}
	z->zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (!z->zip) {
		zip_source_free(src);
		zip_error_fini(&zerr);
		cj_free(z);
		return cj_fail(d, CJ_ERR_PARSE,
			       "不是有效的 XLSX 文件（无法按 zip 格式打开）；"
			       "请确认文件是 Excel 2007 及以后的 .xlsx 格式");
	}
	zip_error_fini(&zerr);

	n = zip_get_num_entries(z->zip, 0);
	if (n < 0 || n > CJ_ZX_MAX_ENTRIES) {
		cj_zx_close(z);
		return cj_fail(d, CJ_ERR_TOO_LARGE, "XLSX 文件中的条目过多（%lld 个，最多 %d 个）",
			       (long long)n, CJ_ZX_MAX_ENTRIES);
	}
	for (i = 0; i < n; i++) {
		zip_stat_init(&st);
		if (zip_stat_index(z->zip, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
			cj_zx_close(z);
			return cj_fail(d, CJ_ERR_PARSE, "XLSX 文件的 zip 目录已损坏");
		}
		if (st.size > CJ_ZX_MAX_TOTAL || total + st.size > CJ_ZX_MAX_TOTAL) {
			cj_zx_close(z);
			return cj_fail(d, CJ_ERR_TOO_LARGE,
				       "XLSX 文件解压后超过 %llu MiB，拒绝读取（可能是“zip 炸弹”）",
				       (unsigned long long)(CJ_ZX_MAX_TOTAL >> 20));
		}
		total += st.size;
		if (st.size > CJ_ZX_RATIO_MIN_SIZE &&
		    st.size / (st.comp_size ? st.comp_size : 1) > CJ_ZX_MAX_RATIO) {
			/* st.name belongs to the archive (and may be any bytes): copy, then close */
			const char *nm = (st.valid & ZIP_STAT_NAME) && st.name ? st.name : "?";
			size_t nl = strlen(nm);
			if (nl > 64)
				nl = cj_utf8_clip(nm, 64);
			if (!cj_utf8_validate(nm, nl, NULL)) {
				nm = "?";
				nl = 1;
			}
			cj_fail(d, CJ_ERR_TOO_LARGE,
				"XLSX 文件中的「%.*s」压缩比过高（超过 %d 倍），拒绝读取（可能是“zip 炸弹”）",
				(int)nl, nm, CJ_ZX_MAX_RATIO);
			cj_zx_close(z);
			return CJ_ERR_TOO_LARGE;
		}
	}
	*out = z;
	return CJ_OK;
}

void cj_zx_close(struct cj_zx *z)
{
	if (!z)
		return;
	if (z->zip)
		zip_discard(z->zip);
	cj_free(z);
}

int cj_zx_has(const struct cj_zx *z, const char *name)
{
	return zip_name_locate(z->zip, name, ZIP_FL_NOCASE) >= 0;
}

unsigned long cj_zx_line(const struct cj_zx *z)
{
	return z->parser ? (unsigned long)XML_GetCurrentLineNumber(z->parser) : 0;
}

/* ================================================================= XML */

static const char *local_name(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static void stop(struct cj_zx *z, enum cj_err e)
{
	if (!z->herr)
		z->herr = e;
	XML_StopParser(z->parser, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct cj_zx *z = ud;
	const char *loc[64 + 1];
	enum cj_err e;
	size_t i;

	if (z->herr)
		return;
	if (++z->depth > CJ_ZX_MAX_DEPTH) {
		stop(z, cj_fail(z->d, CJ_ERR_TOO_LARGE, "「%s」的 XML 嵌套过深（超过 %d 层，第 %lu 行）",
				z->part, CJ_ZX_MAX_DEPTH, cj_zx_line(z)));
		return;
	}
	if (!z->h->start)
		return;
	/* strip prefixes; OOXML elements have few attributes, more are dropped */
	for (i = 0; attrs[i] && attrs[i + 1] && i + 2 < sizeof(loc) / sizeof(loc[0]); i += 2) {
		loc[i] = local_name(attrs[i]);
		loc[i + 1] = attrs[i + 1];
	}
	loc[i] = NULL;
	e = z->h->start(z->ud, local_name(name), loc);
	if (e)
		stop(z, e);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct cj_zx *z = ud;
	enum cj_err e;

	if (z->herr)
		return;
	z->depth--;
	if (!z->h->end)
		return;
	e = z->h->end(z->ud, local_name(name));
	if (e)
		stop(z, e);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct cj_zx *z = ud;
	enum cj_err e;

	if (z->herr || !z->h->text || len <= 0)
		return;
	e = z->h->text(z->ud, s, (size_t)len);
	if (e)
		stop(z, e);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	struct cj_zx *z = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	stop(z, cj_fail(z->d, CJ_ERR_PARSE, "「%s」含有 DOCTYPE 声明，XLSX 文件不应有，拒绝读取",
			z->part));
}

static void *xml_malloc(size_t n)
{
	return cj_malloc(n);
}

static void *xml_realloc(void *p, size_t n)
{
	return cj_realloc(p, n);
}

static void xml_free(void *p)
{
	cj_free(p);
}

enum cj_err cj_zx_parse(struct cj_zx *z, const char *name, const struct cj_zx_handler *h,
			void *ud, struct cj_diag *d)
{
	static const XML_Memory_Handling_Suite mm = {xml_malloc, xml_realloc, xml_free};
	zip_int64_t idx;
	zip_stat_t st;
	zip_file_t *zf = NULL;
	char *buf = NULL;
	uint64_t got = 0;
	zip_int64_t n;
	enum cj_err e = CJ_OK;
	int final = 0;

	idx = zip_name_locate(z->zip, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return CJ_ERR_NOTFOUND;
	zip_stat_init(&st);
	if (zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return cj_fail(d, CJ_ERR_PARSE, "XLSX 文件中的「%s」无法读取", name);
	zf = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0);
	if (!zf)
		return cj_fail(d, CJ_ERR_PARSE,
			       "XLSX 文件中的「%s」无法解压（文件损坏、加密或使用了不支持的压缩方法）",
			       name);
	buf = cj_malloc(CHUNK);
	z->parser = XML_ParserCreate_MM(NULL, &mm, NULL);
	if (!buf || !z->parser) {
		e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
		goto out;
	}
	z->h = h;
	z->ud = ud;
	z->herr = CJ_OK;
	z->depth = 0;
	z->part = name;
	z->d = d;
	XML_SetUserData(z->parser, z);
	XML_SetElementHandler(z->parser, on_start, on_end);
	XML_SetCharacterDataHandler(z->parser, on_text);
	XML_SetStartDoctypeDeclHandler(z->parser, on_doctype);

	while (!final) {
		n = zip_fread(zf, buf, CHUNK);
		if (n < 0) {
			e = cj_fail(d, CJ_ERR_PARSE, "XLSX 文件中的「%s」解压失败（文件已损坏）", name);
			goto out;
		}
		final = n == 0;
		got += (uint64_t)n;
		z->inflated += (uint64_t)n;
		if (got > st.size || z->inflated > CJ_ZX_MAX_TOTAL) {
			e = cj_fail(d, CJ_ERR_TOO_LARGE,
				    "XLSX 文件中的「%s」解压后超出声明的大小或总量上限（%llu MiB），拒绝读取",
				    name, (unsigned long long)(CJ_ZX_MAX_TOTAL >> 20));
			goto out;
		}
		if (XML_Parse(z->parser, buf, (int)n, final) != XML_STATUS_OK) {
			if (z->herr) {
				e = z->herr;
			} else if (XML_GetErrorCode(z->parser) == XML_ERROR_NO_MEMORY) {
				e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
			} else {
				e = cj_fail(d, CJ_ERR_PARSE, "「%s」不是格式正确的 XML（第 %lu 行：%s）",
					    name, (unsigned long)XML_GetErrorLineNumber(z->parser),
					    XML_ErrorString(XML_GetErrorCode(z->parser)));
			}
			goto out;
		}
	}
out:
	if (z->parser)
		XML_ParserFree(z->parser);
	z->parser = NULL;
	z->h = NULL;
	z->d = NULL;
	cj_free(buf);
	zip_fclose(zf);
	return e;
}

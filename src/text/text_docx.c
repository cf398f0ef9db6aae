/*
 * text_docx.c - the body text of a DOCX (word/document.xml) as lines (the
 * rules are in extract.h, under DOCX).
 *
 * A DOCX is untrusted input, so before anything is inflated:
 *   - the zip's end-of-central-directory record is read here and more than
 *     max_entries entries refused, so libzip never allocates an entry table
 *     for a hostile count;
 *   - every entry's declared size and compression ratio are checked (a zip
 *     bomb is refused however it is arranged in the package);
 *   - word/document.xml is inflated in 64 KiB chunks straight into expat,
 *     counting bytes, so a size that lies in the headers cannot make us
 *     hold more than one chunk;
 *   - expat's memory comes from cj_malloc (the allocation-failure tests
 *     reach it), element nesting is capped, and a DTD is refused, so no
 *     entity tricks are possible.
 * libzip's own allocations are not counted by the failure hook.
 *
 * Not extracted: headers, footers, footnotes, endnotes, comments,
 * automatic list numbers (numbering.xml), hidden-text formatting, fields'
 * cached values other than their runs' text.
 */
#include <expat.h>
#include <stdint.h>
#include <string.h>
#include <zip.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "text_private.h"

#define DOC_PART "word/document.xml"
#define CHUNK ((size_t)64 << 10)
#define MAX_TABLES 64
#define NS_SEP ' '

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

enum el {
	EL_OTHER,
	EL_P,        /* w:p paragraph */
	EL_R,        /* w:r run */
	EL_T,        /* w:t text */
	EL_TAB,      /* w:tab, w:ptab (in a run) */
	EL_BR,       /* w:br, w:cr (in a run) */
	EL_HYPHEN,   /* w:noBreakHyphen */
	EL_TBL,      /* w:tbl */
	EL_TR,       /* w:tr */
	EL_TC,       /* w:tc */
	EL_FALLBACK  /* mc:Fallback: a second rendering of the same content */
};

struct table {
	unsigned cells;
	unsigned char in_row, in_cell;
};

struct docx {
	struct cj_text_builder *tb;
	XML_Parser p;
	unsigned char stack[CJ_TEXT_DEPTH_CAP]; /* enum el of the open elements */
	unsigned depth, max_depth;
	unsigned skip;          /* depth of the open mc:Fallback, 0 if none */
	unsigned pdepth;        /* open w:p (text boxes nest them) */
	int space;              /* a separating space is pending */
	struct table tables[MAX_TABLES];
	unsigned ntables, lost_tables;
	unsigned cells_open;    /* tracked tables with an open cell */
	enum cj_err err;        /* why a handler stopped the parser */
	int dtd;                /* the stop was for a DTD (else nesting) */
};

/* ============================================================== output */

static void put_text(struct docx *dx, const char *s, size_t len)
{
	size_t i, run = 0;

	if (dx->space) {
		char last = cj_text_last(dx->tb);

		dx->space = 0;
		if (last && last != '\t')
			cj_text_put(dx->tb, " ", 1);
	}
	if (!dx->cells_open) {
		cj_text_put(dx->tb, s, len);
		return;
	}
	for (i = 0; i < len; i++) { /* a TAB inside a cell would shift the columns */
		if (s[i] != '\t')
			continue;
		cj_text_put(dx->tb, s + run, i - run);
		cj_text_put(dx->tb, " ", 1);
		run = i + 1;
	}
	cj_text_put(dx->tb, s + run, len - run);
}

static void close_cell(struct docx *dx, struct table *t)
{
	if (t->in_cell) {
		t->in_cell = 0;
		dx->cells_open--;
	}
}

/* One line per row, even when its cells are empty. */
static void end_row(struct docx *dx, struct table *t)
{
	close_cell(dx, t);
	if (!t->in_row)
		return;
	t->in_row = 0;
	if (dx->cells_open) {
		dx->space = 1;
	} else {
		dx->space = 0;
		cj_text_end_line(dx->tb);
	}
}

static void start_cell(struct docx *dx, struct table *t)
{
	if (!t->in_row) {
		t->in_row = 1;
		t->cells = 0;
	}
	close_cell(dx, t);
	if (dx->cells_open) {
		if (t->cells)
			dx->space = 1;
	} else {
		dx->space = 0;
		if (t->cells)
			cj_text_put(dx->tb, "\t", 1);
	}
	t->cells++;
	t->in_cell = 1;
	dx->cells_open++;
}

/* ============================================================= handlers */

static enum el classify(const char *name)
{
	static const struct {
		const char *local;
		enum el el;
	} w[] = {
		{"p", EL_P},     {"r", EL_R},     {"t", EL_T},       {"tab", EL_TAB},
		{"ptab", EL_TAB}, {"br", EL_BR},  {"cr", EL_BR},     {"noBreakHyphen", EL_HYPHEN},
		{"tbl", EL_TBL}, {"tr", EL_TR},   {"tc", EL_TC},
	};
	const char *sep = strrchr(name, NS_SEP), *local;
	size_t ulen, i;

	if (!sep)
		return EL_OTHER;
	ulen = (size_t)(sep - name);
	local = sep + 1;
	if (ulen == sizeof(MC_NS) - 1 && !memcmp(name, MC_NS, ulen))
		return strcmp(local, "Fallback") ? EL_OTHER : EL_FALLBACK;
	if (!((ulen == sizeof(W_NS) - 1 && !memcmp(name, W_NS, ulen)) ||
	      (ulen == sizeof(W_NS_STRICT) - 1 && !memcmp(name, W_NS_STRICT, ulen))))
		return EL_OTHER;
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (!strcmp(local, w[i].local))
			return w[i].el;
	return EL_OTHER;
}

static void stop(struct docx *dx, enum cj_err e)
{
	if (!dx->err)
		dx->err = e;
	XML_StopParser(dx->p, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct docx *dx = ud;
	enum el el, parent;
	struct table *t;

	(void)atts;
	if (dx->err)
		return;
	if (dx->depth >= dx->max_depth) {
		stop(dx, CJ_ERR_TOO_LARGE);
		return;
	}
	el = classify(name);
	parent = dx->depth ? (enum el)dx->stack[dx->depth - 1] : EL_OTHER;
	dx->stack[dx->depth++] = (unsigned char)el;
	if (dx->skip)
		return;
	t = dx->ntables ? &dx->tables[dx->ntables - 1] : NULL;
	switch (el) {
	case EL_FALLBACK:
		dx->skip = dx->depth;
		break;
	case EL_P:
		dx->pdepth++;
		break;
	case EL_TBL:
		if (dx->lost_tables || dx->ntables == MAX_TABLES) {
			dx->lost_tables++;
			break;
		}
		memset(&dx->tables[dx->ntables++], 0, sizeof(dx->tables[0]));
		break;
	case EL_TR:
		if (t && !dx->lost_tables) {
			end_row(dx, t);
			t->in_row = 1;
			t->cells = 0;
		}
		break;
	case EL_TC:
		if (t && !dx->lost_tables)
			start_cell(dx, t);
		break;
	case EL_TAB:
		if (parent != EL_R)
			break; /* w:tabs/w:tab in paragraph properties are tab stops */
		if (dx->cells_open) {
			dx->space = 1;
		} else {
			dx->space = 0;
			cj_text_put(dx->tb, "\t", 1);
		}
		break;
	case EL_BR:
		if (parent != EL_R)
			break;
		if (dx->cells_open) {
			dx->space = 1;
		} else {
			dx->space = 0;
			cj_text_end_line(dx->tb);
		}
		break;
	case EL_HYPHEN:
		if (parent == EL_R)
			put_text(dx, "-", 1);
		break;
	default:
		break;
	}
	if (dx->tb->err)
		stop(dx, dx->tb->err);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct docx *dx = ud;
	enum el el;
	struct table *t;

	(void)name;
	if (dx->err || !dx->depth)
		return;
	el = (enum el)dx->stack[--dx->depth];
	if (dx->skip) {
		if (dx->depth + 1 == dx->skip)
			dx->skip = 0;
		return;
	}
	t = dx->ntables ? &dx->tables[dx->ntables - 1] : NULL;
	switch (el) {
	case EL_P:
		if (dx->pdepth)
			dx->pdepth--;
		if (dx->cells_open || dx->pdepth) {
			dx->space = 1; /* a paragraph in a cell or a text box */
		} else {
			dx->space = 0;
			cj_text_end_line(dx->tb);
		}
		break;
	case EL_TR:
		if (t && !dx->lost_tables)
			end_row(dx, t);
		break;
	case EL_TC:
		if (t && !dx->lost_tables)
			close_cell(dx, t);
		break;
	case EL_TBL:
		if (dx->lost_tables) {
			dx->lost_tables--;
		} else if (t) {
			end_row(dx, t);
			dx->ntables--;
		}
		break;
	default:
		break;
	}
	if (dx->tb->err)
		stop(dx, dx->tb->err);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct docx *dx = ud;

	if (dx->err || dx->skip || !dx->depth || dx->stack[dx->depth - 1] != EL_T || len <= 0)
		return;
	put_text(dx, s, (size_t)len);
	if (dx->tb->err)
		stop(dx, dx->tb->err);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	struct docx *dx = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	dx->dtd = 1;
	stop(dx, CJ_ERR_PARSE);
}

/* ================================================================= zip */

static uint32_t rd16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

static uint64_t rd64(const unsigned char *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/*
 * The entry count of the end-of-central-directory record (zip64 aware),
 * or UINT64_MAX when there is no such record (libzip will say why).
 */
static uint64_t eocd_entries(const unsigned char *s, size_t len)
{
	size_t i, lo;

	if (len < 22)
		return UINT64_MAX;
	lo = len > 22 + 65535 ? len - 22 - 65535 : 0;
	for (i = len - 22 + 1; i-- > lo;) {
		uint64_t n;

		if (rd32(s + i) != 0x06054b50)
			continue;
		n = rd16(s + i + 10);
		if (n == 0xFFFF && i >= 20 && rd32(s + i - 20) == 0x07064b50) {
			uint64_t off = rd64(s + i - 20 + 8);

			if (len >= 56 && off <= len - 56 && rd32(s + off) == 0x06064b50)
				n = rd64(s + off + 32);
		}
		return n;
	}
	return UINT64_MAX;
}

/* A printable name for an entry in messages. */
static const char *entry_label(const char *name)
{
	size_t len = name ? strlen(name) : 0;

	if (!len || len > 120 || !cj_utf8_validate(name, len, NULL))
		return "（无法显示的条目名）";
	return name;
}

/* Check the declared sizes of every entry. */
static enum cj_err check_entries(zip_t *za, const char *name, struct cj_diag *d)
{
	const struct cj_text_limits *l = cj_text_limits();
	zip_int64_t n = zip_get_num_entries(za, 0), i;
	zip_stat_t st;

	if (n < 0 || (uint64_t)n > l->max_entries)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
				  "DOCX 中的条目过多（%lld 个，上限 %zu 个）", (long long)n,
				  l->max_entries);
	for (i = 0; i < n; i++) {
		if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) != 0)
			return cj_fail_at(d, CJ_ERR_PARSE, name, 0, "无法读取 DOCX 的第 %lld 个条目",
					  (long long)i + 1);
		if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
			continue;
		if (st.size > l->max_entry)
			return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
					  "DOCX 中的 %s 解压后过大（%llu 字节，上限 %zu 字节）",
					  entry_label(st.name), (unsigned long long)st.size,
					  l->max_entry);
		if (st.size > l->ratio_min &&
		    (st.comp_size == 0 || st.size / st.comp_size > l->max_ratio))
			return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
					  "DOCX 中的 %s 压缩比过高（超过 %u:1），疑似 ZIP 炸弹",
					  entry_label(st.name), l->max_ratio);
	}
	return CJ_OK;
}

/* Stream the entry `idx` (declared size `size`) through expat. */
static enum cj_err parse_part(struct docx *dx, zip_t *za, zip_uint64_t idx, zip_uint64_t size,
			      const char *name, struct cj_diag *d)
{
	static const XML_Memory_Handling_Suite mm = {cj_malloc, cj_realloc, cj_free};
	const struct cj_text_limits *l = cj_text_limits();
	zip_file_t *zf = NULL;
	char *chunk = NULL;
	uint64_t total = 0;
	enum cj_err e = CJ_OK;
	enum XML_Status st = XML_STATUS_OK;
	int last = 0;

	dx->p = XML_ParserCreate_MM(NULL, &mm, (const XML_Char[]){NS_SEP, 0});
	chunk = cj_malloc(CHUNK);
	if (!dx->p || !chunk) {
		e = cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
		goto out;
	}
	XML_SetUserData(dx->p, dx);
	XML_SetElementHandler(dx->p, on_start, on_end);
	XML_SetCharacterDataHandler(dx->p, on_text);
	XML_SetStartDoctypeDeclHandler(dx->p, on_doctype);
	zf = zip_fopen_index(za, idx, 0);
	if (!zf) {
		zip_error_t *ze = zip_get_error(za);
		int code = zip_error_code_zip(ze);

		if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
		    code == ZIP_ER_ENCRNOTSUPP)
			e = cj_fail_at(d, CJ_ERR_UNSUPPORTED, name, 0, "DOCX 已加密，无法读取");
		else
			e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "无法读取 %s：%s", DOC_PART,
				       zip_error_strerror(ze));
		goto out;
	}
	while (!last) {
		zip_int64_t got = zip_fread(zf, chunk, CHUNK);

		if (got < 0) {
			e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "读取 %s 失败：%s", DOC_PART,
				       zip_error_strerror(zip_file_get_error(zf)));
			goto out;
		}
		total += (uint64_t)got;
		if (total > size || total > l->max_entry) {
			e = cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
				       "%s 解压后超过声明的大小，疑似 ZIP 炸弹", DOC_PART);
			goto out;
		}
		last = got == 0;
		st = XML_Parse(dx->p, chunk, (int)got, last);
		if (st != XML_STATUS_OK)
			break;
	}
	if (st == XML_STATUS_OK)
		goto out;
	if (dx->tb->err) {
		e = cj_text_builder_fail(dx->tb, name, d);
	} else if (dx->err == CJ_ERR_TOO_LARGE) {
		e = cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0, "%s 的元素嵌套超过 %u 层", DOC_PART,
			       dx->max_depth);
	} else if (dx->dtd) {
		e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "%s 含有 DTD（DOCX 中不应出现）", DOC_PART);
	} else if (XML_GetErrorCode(dx->p) == XML_ERROR_NO_MEMORY) {
		e = cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
	} else {
		e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "%s 第 %lu 行第 %lu 列：XML 格式错误（%s）",
			       DOC_PART, (unsigned long)XML_GetCurrentLineNumber(dx->p),
			       (unsigned long)XML_GetCurrentColumnNumber(dx->p) + 1,
			       XML_ErrorString(XML_GetErrorCode(dx->p)));
	}
out:
	if (zf)
		zip_fclose(zf);
	if (dx->p)
		XML_ParserFree(dx->p);
	dx->p = NULL;
	cj_free(chunk);
	return e;
}

enum cj_err cj_text_docx(struct cj_text_builder *tb, const char *data, size_t len,
			 const char *name, struct cj_diag *d)
{
	const struct cj_text_limits *l = cj_text_limits();
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *za = NULL;
	zip_int64_t idx;
	zip_stat_t st;
	struct docx *dx = NULL;
	uint64_t n;
	enum cj_err e = CJ_OK;

	zip_error_init(&ze);
	if (len >= 4 && !memcmp(data, "\xD0\xCF\x11\xE0", 4))
		return cj_fail_at(d, CJ_ERR_UNSUPPORTED, name, 0,
				  "这是 OLE 复合文档（旧版 .doc 或加密的 .docx），不支持；"
				  "请另存为未加密的 .docx");
	n = eocd_entries((const unsigned char *)data, len);
	if (n != UINT64_MAX && n > l->max_entries)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, name, 0,
				  "DOCX 中的条目过多（%llu 个，上限 %zu 个）", (unsigned long long)n,
				  l->max_entries);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		e = cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
		goto out;
	}
	za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!za) {
		zip_source_free(src);
		e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "不是有效的 DOCX 文件（ZIP 结构错误：%s）",
			       zip_error_strerror(&ze));
		goto out;
	}
	e = check_entries(za, name, d);
	if (e)
		goto out;
	idx = zip_name_locate(za, DOC_PART, ZIP_FL_NOCASE);
	if (idx < 0) {
		e = cj_fail_at(d, CJ_ERR_NOTFOUND, name, 0,
			       "DOCX 中缺少 %s（不是 Word 文档？）", DOC_PART);
		goto out;
	}
	if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		e = cj_fail_at(d, CJ_ERR_PARSE, name, 0, "无法读取 %s 的大小", DOC_PART);
		goto out;
	}
	dx = cj_calloc(1, sizeof(*dx));
	if (!dx) {
		e = cj_fail_at(d, CJ_ERR_NOMEM, name, 0, "内存不足");
		goto out;
	}
	dx->tb = tb;
	dx->max_depth = l->max_depth;
	e = parse_part(dx, za, (zip_uint64_t)idx, st.size, name, d);
out:
	cj_free(dx);
	if (za)
		zip_discard(za);
	zip_error_fini(&ze);
	return e;
}

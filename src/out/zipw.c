/*
 * zipw.c - deterministic zip writer over libzip (see zipw.h).
 *
 * Entries live in our own memory (cj_malloc) until the archive is
 * finished; libzip then reads them through buffer sources that do not
 * own the data, writes the archive into an in-memory source (or a file)
 * and we copy the bytes out.  libzip allocates with malloc(), so only
 * our half of the work is reached by the failure-injection hook; a
 * libzip failure is mapped to CJ_ERR_NOMEM or CJ_ERR_IO.
 *
 * Invariants: entries[0..n) have distinct valid names; every entry's
 * data is owned by the archive (NULL when empty).
 */
#include "zipw.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "../base/alloc.h"
#include "../base/fsio.h"
#include "../base/utf8.h"

#define DEFLATE_LEVEL 6

struct zentry {
	char *name;     /* owned */
	char *data;     /* owned; NULL when len is 0 */
	size_t len;
	enum cj_zip_method method;
};

struct cj_zipw {
	struct zentry *entries;
	size_t n, cap;
	long long epoch;  /* the timestamp of every entry */
	enum cj_err err;  /* sticky: first failure */
};

/* ------------------------------------------------------------ time */

int cj_zip_source_date(long long *epoch)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;
	size_t i;

	if (!s || !*s)
		return 0;
	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 18)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*epoch = v;
	return 1;
}

/* DOS date and time (UTC) of `epoch`, clamped to 1980..2107. */
static void dos_time(long long epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	static const long long min = 315532800LL;  /* 1980-01-01T00:00:00Z */
	static const long long max = 4354819198LL; /* 2107-12-31T23:59:58Z */
	struct tm tm;
	time_t t;

	if (epoch < min)
		epoch = min;
	if (epoch > max)
		epoch = max;
	t = (time_t)epoch;
	if (sizeof(time_t) < 8 && (long long)t != epoch)
		t = (time_t)min; /* a 32-bit time_t cannot hold it */
	memset(&tm, 0, sizeof(tm));
	if (!gmtime_r(&t, &tm)) {
		*dtime = 0;
		*ddate = (1 << 5) | 1;
		return;
	}
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* ------------------------------------------------------------ entries */

struct cj_zipw *cj_zipw_new(void)
{
	struct cj_zipw *z = cj_calloc(1, sizeof(*z));
	long long e;

	if (!z)
		return NULL;
	z->epoch = cj_zip_source_date(&e) ? e : 315532800LL;
	return z;
}

void cj_zipw_free(struct cj_zipw *z)
{
	size_t i;

	if (!z)
		return;
	for (i = 0; i < z->n; i++) {
		cj_free(z->entries[i].name);
		cj_free(z->entries[i].data);
	}
	cj_free(z->entries);
	cj_free(z);
}

void cj_zipw_set_time(struct cj_zipw *z, long long epoch)
{
	if (z)
		z->epoch = epoch;
}

enum cj_err cj_zipw_err(const struct cj_zipw *z)
{
	return z ? z->err : CJ_ERR_USAGE;
}

/* 1 if `name` is an acceptable entry name (see zipw.h). */
static int name_ok(const char *name)
{
	size_t len, i, start = 0, bad;

	if (!name || !*name)
		return 0;
	len = strlen(name);
	if (len >= CJ_ZIPW_NAME_MAX || name[0] == '/' || !cj_utf8_validate(name, len, &bad))
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && name[i] == '\\')
			return 0;
		if (i < len && name[i] != '/')
			continue;
		/* component name[start..i) */
		if (i == start)
			return 0;
		if ((i - start == 1 && name[start] == '.') ||
		    (i - start == 2 && name[start] == '.' && name[start + 1] == '.'))
			return 0;
		start = i + 1;
	}
	return 1;
}

/* Record a new entry owning `data`; on failure frees `data`. */
static enum cj_err add_owned(struct cj_zipw *z, const char *name, char *data, size_t len,
			     enum cj_zip_method method)
{
	struct zentry *ze;
	size_t i;
	char *nm;

	if (z->err)
		goto fail;
	if (!name_ok(name) || (method != CJ_ZIP_DEFLATE && method != CJ_ZIP_STORE)) {
		z->err = CJ_ERR_USAGE;
		goto fail;
	}
	for (i = 0; i < z->n; i++) {
		if (strcmp(z->entries[i].name, name) == 0) {
			z->err = CJ_ERR_USAGE;
			goto fail;
		}
	}
	if (z->n >= CJ_ZIPW_MAX_ENTRIES) {
		z->err = CJ_ERR_TOO_LARGE;
		goto fail;
	}
	if (z->n == z->cap) {
		size_t ncap = z->cap ? z->cap * 2 : 16;
		struct zentry *ne = cj_realloc(z->entries, ncap * sizeof(*ne));

		if (!ne) {
			z->err = CJ_ERR_NOMEM;
			goto fail;
		}
		z->entries = ne;
		z->cap = ncap;
	}
	nm = cj_strdup(name);
	if (!nm) {
		z->err = CJ_ERR_NOMEM;
		goto fail;
	}
	ze = &z->entries[z->n++];
	ze->name = nm;
	ze->data = data;
	ze->len = len;
	ze->method = method;
	return CJ_OK;
fail:
	cj_free(data);
	return z->err;
}

enum cj_err cj_zipw_add(struct cj_zipw *z, const char *name, const void *data, size_t len,
			enum cj_zip_method method)
{
	char *copy = NULL;

	if (!z)
		return CJ_ERR_USAGE;
	if (z->err)
		return z->err;
	if (len && !data) {
		z->err = CJ_ERR_USAGE;
		return z->err;
	}
	if (len) {
		copy = cj_malloc(len);
		if (!copy) {
			z->err = CJ_ERR_NOMEM;
			return z->err;
		}
		memcpy(copy, data, len);
	}
	return add_owned(z, name, copy, len, method);
}

enum cj_err cj_zipw_add_buf(struct cj_zipw *z, const char *name, struct cj_buf *b,
			    enum cj_zip_method method)
{
	char *data = NULL;
	size_t len = 0;

	if (!z || !b) {
		if (b)
			cj_buf_release(b);
		if (z && !z->err)
			z->err = CJ_ERR_USAGE;
		return z ? z->err : CJ_ERR_USAGE;
	}
	if (!z->err && b->err)
		z->err = b->err;
	if (z->err) {
		cj_buf_release(b);
		return z->err;
	}
	if (b->len) {
		data = cj_buf_detach(b, &len);
		if (!data) {
			cj_buf_release(b);
			z->err = CJ_ERR_NOMEM;
			return z->err;
		}
	}
	cj_buf_release(b);
	return add_owned(z, name, data, len, method);
}

/* ------------------------------------------------------------ writing */

static enum cj_err map_zip_error(int code)
{
	return code == ZIP_ER_MEMORY ? CJ_ERR_NOMEM : CJ_ERR_IO;
}

/* Add every entry to an open archive; returns CJ_OK or the mapped error. */
static enum cj_err fill(const struct cj_zipw *z, zip_t *za)
{
	zip_uint16_t dtime, ddate;
	size_t i;

	dos_time(z->epoch, &dtime, &ddate);
	for (i = 0; i < z->n; i++) {
		const struct zentry *ze = &z->entries[i];
		zip_source_t *src = zip_source_buffer(za, ze->data, ze->len, 0);
		zip_int64_t idx;

		if (!src)
			return map_zip_error(zip_error_code_zip(zip_get_error(za)));
		idx = zip_file_add(za, ze->name, src, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(src);
			return map_zip_error(zip_error_code_zip(zip_get_error(za)));
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx,
					     ze->method == CJ_ZIP_STORE ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
					     ze->method == CJ_ZIP_STORE ? 0 : DEFLATE_LEVEL) < 0 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0)
			return map_zip_error(zip_error_code_zip(zip_get_error(za)));
	}
	return CJ_OK;
}

/* The 22-byte end-of-central-directory record of an archive with no entries. */
static const unsigned char empty_zip[22] = {0x50, 0x4b, 0x05, 0x06};

/* Copy the whole content of a (closed, kept) libzip source into out. */
static enum cj_err read_source(zip_source_t *src, struct cj_buf *out)
{
	char chunk[16384];
	zip_int64_t n;
	enum cj_err e = CJ_OK;

	if (zip_source_open(src) < 0)
		return map_zip_error(zip_error_code_zip(zip_source_error(src)));
	while ((n = zip_source_read(src, chunk, sizeof(chunk))) > 0) {
		e = cj_buf_put(out, chunk, (size_t)n);
		if (e)
			break;
	}
	if (!e && n < 0)
		e = map_zip_error(zip_error_code_zip(zip_source_error(src)));
	zip_source_close(src);
	return e;
}

enum cj_err cj_zipw_finish(struct cj_zipw *z, struct cj_buf *out)
{
	zip_source_t *src = NULL;
	zip_error_t ze;
	zip_t *za = NULL;
	enum cj_err e;

	if (!z || !out)
		return CJ_ERR_USAGE;
	if (z->err)
		return z->err;
	if (z->n == 0)
		return cj_buf_put(out, empty_zip, sizeof(empty_zip));

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src) {
		e = map_zip_error(zip_error_code_zip(&ze));
		goto out;
	}
	zip_source_keep(src); /* survive zip_close() so we can read the result */
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		e = map_zip_error(zip_error_code_zip(&ze));
		goto out;
	}
	e = fill(z, za);
	if (e)
		goto out;
	if (zip_close(za) < 0) {
		e = map_zip_error(zip_error_code_zip(zip_get_error(za)));
		goto out;
	}
	za = NULL;
	e = read_source(src, out);
out:
	if (za)
		zip_discard(za);
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	return e;
}

enum cj_err cj_zipw_write_file(struct cj_zipw *z, const char *path, struct cj_diag *d)
{
	zip_t *za;
	int code = 0;
	enum cj_err e;

	if (!z || !path || !*path)
		return cj_fail(d, CJ_ERR_USAGE, "无法写入 zip 文件：参数无效");
	if (z->err)
		return cj_fail(d, z->err, "无法写入 zip 文件 %s：%s", path, cj_strerror(z->err));
	if (z->n == 0)
		return cj_file_write_atomic(path, empty_zip, sizeof(empty_zip), d);
	za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
	if (!za)
		return cj_fail(d, map_zip_error(code), "无法创建 zip 文件 %s", path);
	e = fill(z, za);
	if (e) {
		zip_discard(za);
		return cj_fail(d, e, "无法写入 zip 文件 %s", path);
	}
	if (zip_close(za) < 0) {
		e = map_zip_error(zip_error_code_zip(zip_get_error(za)));
		zip_discard(za);
		return cj_fail(d, e, "无法写入 zip 文件 %s", path);
	}
	return CJ_OK;
}

/*
 * fuzz_xlsx.c - libFuzzer target for the XLSX workbook reader.
 *
 * Two input forms, so that mutations reach every layer:
 *  - bytes starting with "PK": a zip archive, read as it is (exercises the
 *    zip layer and its limits; mutated entries fail their CRC, so the
 *    layout code is rarely reached this way);
 *  - anything else: a list of parts, each introduced by a line
 *        @@ part/name.xml
 *    and followed by its content; the target stores them in a zip built in
 *    memory (no compression, correct CRCs) and reads that, so mutations of
 *    the XML reach the sheet parser and the layout reader.
 *
 * Contract checked: on success a record comes back with a valid unit, and
 * it survives YAML: written, read back, written again, the same bytes; on
 * failure *out is untouched, d.code is the error, the message is valid
 * UTF-8 and names the file.  Leaks are caught by ASan at exit.  Inputs are
 * capped at 1 MiB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "in/xlsx_read.h"
#include "in/yaml_read.h"
#include "model/accounts.h"
#include "out/yaml_write.h"

#define MAX_INPUT ((size_t)1 << 20)
#define MAX_PARTS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Build a stored zip from "@@ name\n" parts; caller frees *out. 0 on failure. */
static int build_zip(const char *s, size_t len, void **out, size_t *out_len)
{
	zip_source_t *src;
	zip_t *z;
	zip_stat_t st;
	zip_error_t err;
	size_t i = 0, nparts = 0;
	char *buf = NULL;
	int ok = 0;

	zip_error_init(&err);
	src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		goto done;
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!z) {
		zip_source_free(src);
		goto done;
	}
	while (i + 3 <= len && nparts < MAX_PARTS) {
		size_t name_end, body, next;
		char name[128];
		zip_source_t *ps;
		zip_int64_t idx;

		if (memcmp(s + i, "@@ ", 3) != 0) {
			i++;
			continue;
		}
		for (name_end = i + 3; name_end < len && s[name_end] != '\n'; name_end++)
			;
		body = name_end < len ? name_end + 1 : len;
		for (next = body; next + 4 <= len && memcmp(s + next, "\n@@ ", 4) != 0; next++)
			;
		if (next + 4 > len)
			next = len;
		if (name_end - (i + 3) == 0 || name_end - (i + 3) >= sizeof(name)) {
			i = next;
			continue;
		}
		memcpy(name, s + i + 3, name_end - (i + 3));
		name[name_end - (i + 3)] = '\0';
		ps = zip_source_buffer(z, s + body, next - body, 0);
		if (!ps)
			break;
		idx = zip_file_add(z, name, ps, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
		if (idx < 0)
			zip_source_free(ps);
		else
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		nparts++;
		i = next + 1;
	}
	if (zip_close(z) != 0) {
		zip_discard(z);
		zip_source_free(src);
		goto done;
	}
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
		zip_source_free(src);
		goto done;
	}
	buf = malloc(st.size ? st.size : 1);
	if (buf && zip_source_read(src, buf, st.size) == (zip_int64_t)st.size) {
		*out = buf;
		*out_len = st.size;
		buf = NULL;
		ok = 1;
	}
	zip_source_close(src);
	zip_source_free(src);
	free(buf);
done:
	zip_error_fini(&err);
	return ok;
}

static void check_yaml(const struct cj_accounts *a)
{
	struct cj_buf y1, y2;
	struct cj_accounts *b = NULL;
	struct cj_diag d;

	cj_buf_init(&y1, 0);
	cj_buf_init(&y2, 0);
	if (cj_yaml_write(a, &y1) != CJ_OK)
		abort();
	cj_diag_init(&d);
	if (cj_yaml_read(y1.ptr, y1.len, "fuzz.yaml", &b, &d) != CJ_OK)
		abort(); /* what the workbook reader accepts, the YAML reader accepts */
	if (cj_yaml_write(b, &y2) != CJ_OK || y1.len != y2.len || memcmp(y1.ptr, y2.ptr, y1.len))
		abort();
	cj_accounts_free(b);
	cj_buf_release(&y1);
	cj_buf_release(&y2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	void *zipped = NULL;
	const void *in = data;
	size_t in_len = size;
	enum cj_err e;

	if (size > MAX_INPUT)
		return 0;
	if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
		if (!build_zip((const char *)data, size, &zipped, &in_len))
			return 0;
		in = zipped;
	}
	cj_diag_init(&d);
	e = cj_xlsx_read(in, in_len, "fuzz.xlsx", &a, &d);
	if (e == CJ_OK) {
		if (!a || (a->unit_fen != 100 && a->unit_fen != 1000000))
			abort();
		check_yaml(a);
	} else {
		if (a)
			abort();
		if (!cj_utf8_validate(d.msg, strlen(d.msg), NULL) || d.code != e || !d.msg[0])
			abort();
		if (!cj_utf8_validate(d.cell, strlen(d.cell), NULL))
			abort();
		if (e != CJ_ERR_NOMEM && strcmp(d.file, "fuzz.xlsx") != 0)
			abort();
	}
	cj_accounts_free(a);
	free(zipped);
	return 0;
}

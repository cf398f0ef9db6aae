/*
 * fuzz_xls.c - libFuzzer target for the .xls path (FreeXL, then the
 * workbook layout reader).
 *
 * FreeXL reads from a path only, so each input is written to one
 * temporary file (created once per process, rewritten for each input).
 * Contract checked as for fuzz_xlsx.c: on success a record with a valid
 * unit; on failure *out untouched, d.code the error, a valid UTF-8
 * message naming the file.  Inputs are capped at 1 MiB.
 *
 * FreeXL is not built with the sanitizers: a memory error inside it shows
 * as a crash (SEGV) only, not as an ASan report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/utf8.h"
#include "in/xls_read.h"
#include "model/accounts.h"

#define MAX_INPUT ((size_t)1 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char g_path[64];

static void remove_temp(void)
{
	if (g_path[0])
		unlink(g_path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	enum cj_err e;
	FILE *fp;

	if (size > MAX_INPUT)
		return 0;
	if (!g_path[0]) {
		int fd;
		snprintf(g_path, sizeof(g_path), "/tmp/fuzz-xls-XXXXXX");
		fd = mkstemp(g_path);
		if (fd < 0)
			abort();
		close(fd);
		atexit(remove_temp);
	}
	fp = fopen(g_path, "wb");
	if (!fp)
		abort();
	if (size && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	cj_diag_init(&d);
	e = cj_xls_read_file(g_path, &a, &d);
	if (e == CJ_OK) {
		if (!a || (a->unit_fen != 100 && a->unit_fen != 1000000))
			abort();
	} else {
		if (a)
			abort();
		if (!cj_utf8_validate(d.msg, strlen(d.msg), NULL) || d.code != e || !d.msg[0])
			abort();
		if (e != CJ_ERR_NOMEM && strcmp(d.file, g_path) != 0)
			abort();
	}
	cj_accounts_free(a);
	return 0;
}

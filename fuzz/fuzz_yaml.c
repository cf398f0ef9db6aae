/*
 * fuzz_yaml.c - libFuzzer target for the YAML dataset reader.
 *
 * Feeds arbitrary bytes to cj_yaml_read and checks its contract: on
 * success a record comes back, on failure *out is untouched, the message is
 * valid UTF-8 and names a line (except when memory ran out).  Leaks are
 * caught by ASan at exit.  Inputs are capped at 1 MiB.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "in/yaml_read.h"
#include "model/accounts.h"

#define MAX_INPUT ((size_t)1 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cj_accounts *a = NULL;
	struct cj_diag d;
	enum cj_err e;

	if (size > MAX_INPUT)
		return 0;
	cj_diag_init(&d);
	e = cj_yaml_read((const char *)data, size, "fuzz.yaml", &a, &d);
	if (e == CJ_OK) {
		if (!a || a->unit_fen <= 0)
			abort();
	} else {
		if (a)
			abort();
		if (!cj_utf8_validate(d.msg, strlen(d.msg), NULL) || d.code != e)
			abort();
		if (e != CJ_ERR_NOMEM && d.line == 0)
			abort();
	}
	cj_accounts_free(a);
	return 0;
}

/*
 * replay.c - a main() for the libFuzzer targets, so `make test` replays
 * every corpus file with an ordinary compiler (SQLite fuzzcheck style).
 * Exits non-zero if a target crashes (the sanitizers abort) — otherwise 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *buf = NULL;
		size_t n = 0, cap = 0, got;

		if (!fp)
			continue;
		for (;;) {
			if (n == cap) {
				unsigned char *nb;
				cap = cap ? cap * 2 : 4096;
				nb = realloc(buf, cap);
				if (!nb)
					return 1;
				buf = nb;
			}
			got = fread(buf + n, 1, cap - n, fp);
			if (!got)
				break;
			n += got;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	return 0;
}

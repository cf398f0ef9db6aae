/*
 * embed.c - build tool: turn a data file into a C array.
 *
 *     embed SYMBOL < data/classification.csv > build/gen/codes_csv.c
 *
 * Defines `const char SYMBOL[]` (NUL-terminated) and `const size_t
 * SYMBOL_len`.  Used so the binary carries its default tables and works
 * from any directory.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	int c;
	unsigned long n = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: embed SYMBOL < FILE > OUT.c\n");
		return 2;
	}
	printf("#include <stddef.h>\nextern const char %s[];\nextern const size_t %s_len;\n",
	       argv[1], argv[1]);
	printf("const char %s[] = {", argv[1]);
	while ((c = getchar()) != EOF) {
		printf("%s%d", n == 0 ? "\n" : (n % 20 ? "," : ",\n"), c > 127 ? c - 256 : c);
		n++;
	}
	printf("%s0};\nconst size_t %s_len = %lu;\n", n ? "," : "", argv[1], n);
	return 0;
}

/*
 * runner.h - a tiny test runner (after redis testhelp.h, cmark harness.c).
 *
 * A test is a function declared with TEST(name); it registers itself, so a
 * new tests/unit/test_*.c file needs no central list.  Checks record file
 * and line and print what was got and what was expected.  The runner ends
 * with "N passed, N failed" and exits non-zero when any check failed.
 *
 *     TEST(money_parse_grouped) {
 *         int64_t fen;
 *         CHECK_EQ_INT(cj_money_parse("1,104.25", 8, CJ_FEN_PER_WAN, &fen, NULL), CJ_OK);
 *         CHECK_EQ_INT(fen, 1104250000);
 *     }
 *
 * Run a subset with: unit-tests NAME-PREFIX
 */
#ifndef CJ_TEST_RUNNER_H
#define CJ_TEST_RUNNER_H

#include <stdint.h>
#include <string.h>

typedef void (*cj_test_fn)(void);

void cj_test_register(const char *name, cj_test_fn fn);
void cj_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cj_test_pass(void);

#define TEST(name)                                                      \
	static void test_##name(void);                                  \
	__attribute__((constructor)) static void reg_##name(void)       \
	{                                                               \
		cj_test_register(#name, test_##name);                   \
	}                                                               \
	static void test_##name(void)

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (cond)                                                    \
			cj_test_pass();                                      \
		else                                                         \
			cj_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond); \
	} while (0)

#define CHECK_EQ_INT(got, want)                                                   \
	do {                                                                      \
		long long g_ = (long long)(got), w_ = (long long)(want);          \
		if (g_ == w_)                                                     \
			cj_test_pass();                                           \
		else                                                              \
			cj_test_fail(__FILE__, __LINE__, "%s: got %lld, want %lld", \
				     #got, g_, w_);                               \
	} while (0)

#define CHECK_STR(got, want)                                                        \
	do {                                                                        \
		const char *g_ = (got), *w_ = (want);                               \
		if (g_ && w_ && strcmp(g_, w_) == 0)                                \
			cj_test_pass();                                             \
		else                                                                \
			cj_test_fail(__FILE__, __LINE__, "%s: got \"%s\", want \"%s\"", \
				     #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");   \
	} while (0)

#define CHECK_CONTAINS(hay, needle)                                                 \
	do {                                                                        \
		const char *h_ = (hay), *n_ = (needle);                             \
		if (h_ && n_ && strstr(h_, n_))                                     \
			cj_test_pass();                                             \
		else                                                                \
			cj_test_fail(__FILE__, __LINE__, "%s: \"%s\" does not contain \"%s\"", \
				     #hay, h_ ? h_ : "(null)", n_ ? n_ : "(null)");   \
	} while (0)

/* Path of the source tree root (tests run from it). */
#define CJ_TEST_ROOT "."

#endif

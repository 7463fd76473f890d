/* Tiny unit-test helper: CHECK prints "PASS: name" or "FAIL: name (file:line)"; tests/run.sh
 * counts them and prints the final "N passed, N failed". */
#ifndef SOHOA_CHECK_H
#define SOHOA_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed;

#define CHECK(cond, name)                                                                   \
	do {                                                                                \
		if (cond) {                                                                 \
			printf("PASS: %s\n", (name));                                       \
		} else {                                                                    \
			printf("FAIL: %s (%s:%d)\n", (name), __FILE__, __LINE__);           \
			check_failed = 1;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_STR(got, want, name)                                                          \
	do {                                                                                \
		const char *g_ = (got), *w_ = (want);                                       \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                      \
			printf("PASS: %s\n", (name));                                       \
		} else {                                                                    \
			printf("FAIL: %s (%s:%d): got \"%s\", want \"%s\"\n", (name), __FILE__, \
			       __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");           \
			check_failed = 1;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_DONE() (fflush(stdout), check_failed)

#endif

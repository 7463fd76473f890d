/* What the score tests share: an extractor's rows for lines, checked for a row count and for
 * strings present and absent. Include after check.h, text-fixture.h and extract-fixture.h. */
#ifndef SOHOA_TEST_ROWS_FIXTURE_H
#define SOHOA_TEST_ROWS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One check named name: extractor kind's CSV of lines has nrows rows (-1: any number), each
 * string of want (NULL-ended, or NULL) and none of unwanted; prints the CSV when it fails. */
static inline void expect_rows(sohoa_ctx *ctx, const char *kind, const char *const *lines, size_t n, int nrows,
			       const char *const *want, const char *const *unwanted, const char *name)
{
	sohoa_text *t = text_of_lines(lines, n);
	char *csv = run_ex(ctx, kind, t);
	sohoa_text_free(t);
	int ok = nrows < 0 || count_rows(csv) == (size_t)nrows;
	for (size_t i = 0; want && want[i]; i++)
		ok = ok && strstr(csv, want[i]) != NULL;
	for (size_t i = 0; unwanted && unwanted[i]; i++)
		ok = ok && strstr(csv, unwanted[i]) == NULL;
	CHECK(ok, name);
	if (!ok)
		printf("    %s got:\n%s\n", kind, csv);
	free(csv);
}

#endif

/* What the responsibilities tests share: the CSV rows the extractor gives for a text of lines,
 * and checks on them. Include after check.h. */
#ifndef SOHOA_TEST_RESP_FIXTURE_H
#define SOHOA_TEST_RESP_FIXTURE_H

#include "../../extract/extract-int.h"
#include "text-fixture.h"

#include <stdio.h>
#include <string.h>

/* A context with default options, or NULL after printing "FAIL: context". */
static inline sohoa_ctx *resp_ctx_new(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	if (!ctx)
		printf("FAIL: context\n");
	return ctx;
}

/* The responsibilities CSV of lines (no header), or "(error)"; the caller frees it. */
static inline char *rows_of(sohoa_ctx *ctx, const char *const *lines, size_t n)
{
	sohoa_text *t = text_of_lines(lines, n);
	sohoa_buf out = {0};
	const sohoa_extractor *ex = sohoa_extractor_find("responsibilities");
	char *csv;
	if (!ex || ex->run(ctx, NULL, t, &out) != SOHOA_OK) {
		sohoa_buf_free(&out);
		csv = sohoa_strdup("(error)");
	} else {
		csv = out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
	}
	sohoa_text_free(t);
	return csv;
}

/* CHECK that csv holds s; prints what it holds when not. */
static inline int has(const char *csv, const char *s, const char *name)
{
	int ok = strstr(csv, s) != NULL;
	CHECK(ok, name);
	if (!ok)
		printf("    want: %s\n    got:\n%s\n", s, csv);
	return ok;
}

/* How many times s stands in csv. */
static inline size_t count(const char *csv, const char *s)
{
	size_t n = 0;
	for (const char *p = csv; (p = strstr(p, s)) != NULL; p += strlen(s))
		n++;
	return n;
}

#endif

/* What the scores and schemes tests share: an extractor's CSV for a text, its row count, and
 * array literals for lines and wanted strings. Include after text-fixture.h. */
#ifndef SOHOA_TEST_EXTRACT_FIXTURE_H
#define SOHOA_TEST_EXTRACT_FIXTURE_H

#include "../../extract/extract-int.h"

/* The CSV (no header) extractor name gives for t, or "(error)"; the caller frees it. */
static inline char *run_ex(sohoa_ctx *ctx, const char *name, const sohoa_text *t)
{
	sohoa_buf out = {0};
	const sohoa_extractor *ex = sohoa_extractor_find(name);
	if (!ex || ex->run(ctx, NULL, t, &out) != SOHOA_OK) {
		sohoa_buf_free(&out);
		return sohoa_strdup("(error)");
	}
	return out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
}

/* The rows of csv (its line ends). */
static inline size_t count_rows(const char *csv)
{
	size_t n = 0;
	for (const char *p = csv; *p; p++)
		n += *p == '\n';
	return n;
}

#define LINES(...) ((const char *const[]){__VA_ARGS__})
#define N(...) (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define WANT(...) ((const char *const[]){__VA_ARGS__, NULL})

#endif

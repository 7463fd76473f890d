/* libFuzzer target: bytes as a text file (UTF-8, UTF-16 with BOM, 8-bit). Every line of a
 * UTF-8 document must be valid UTF-8, and lines never hold '\n' or '\f'. */
#include "../../ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx && !(ctx = sohoa_ctx_new(NULL)))
		abort();
	sohoa_doc *doc = NULL;
	if (sohoa_doc_from_text(ctx, "fuzz", (const char *)data, size, &doc) != SOHOA_OK)
		return 0;
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		int utf8 = p->encoding && !strcmp(p->encoding, "utf-8");
		for (size_t j = 0; j < p->nlines; j++) {
			const char *t = p->lines[j].text;
			if (!t || strchr(t, '\n') || strchr(t, '\f'))
				abort();
			if (utf8 && !sohoa_utf8_valid(t, strlen(t)))
				abort();
		}
	}
	sohoa_buf out = {0};
	if (sohoa_doc_write_text(ctx, doc, &out) != SOHOA_OK)
		abort();
	sohoa_buf_free(&out);
	sohoa_doc_free(doc);
	return 0;
}

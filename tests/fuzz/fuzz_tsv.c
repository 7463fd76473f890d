/* libFuzzer target: bytes through the TSV reader (`sohoa normalize --tsv`); a document read must
 * write back as TSV and read again to the same lines. */
#include "../../ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx && !(ctx = sohoa_ctx_new(NULL)))
		abort();
	sohoa_doc *doc = NULL, *again = NULL;
	if (sohoa_doc_read_tsv(ctx, "fuzz", (const char *)data, size, &doc) != SOHOA_OK)
		return 0;
	sohoa_buf tsv = {0};
	if (sohoa_doc_write_tsv(ctx, doc, &tsv) != SOHOA_OK)
		abort();
	if (sohoa_doc_read_tsv(ctx, "fuzz", tsv.data, tsv.len, &again) == SOHOA_OK) {
		size_t a = 0, b = 0;
		for (size_t i = 0; i < doc->npages; i++)
			a += doc->pages[i].nlines;
		for (size_t i = 0; i < again->npages; i++)
			b += again->pages[i].nlines;
		if (a != b)
			abort(); /* the writer lost or made up lines */
	}
	sohoa_buf_free(&tsv);
	sohoa_doc_free(again);
	sohoa_doc_free(doc);
	return 0;
}

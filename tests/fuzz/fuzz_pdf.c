/* libFuzzer target for the PDF adapter (ingest/pdf.c through sohoa_ingest): bytes as a .pdf file,
 * text layer only (--ocr never). Properties: no crash, and a document read has pages numbered
 * within its page count, lines valid UTF-8. */
#include "../../ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	static char path[64];
	if (!ctx) {
		sohoa_options opt;
		sohoa_options_init(&opt);
		opt.ocr = SOHOA_OCR_NEVER;
		opt.jobs = 1;
		opt.verbosity = -1;
		opt.max_pages = 50;
		if (!(ctx = sohoa_ctx_new(&opt)))
			abort();
		snprintf(path, sizeof path, "/tmp/sohoa-fuzz-pdf-%ld.pdf", (long)getpid());
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	sohoa_doc *doc = NULL;
	if (sohoa_ingest(ctx, path, &doc) == SOHOA_OK) {
		for (size_t p = 0; p < doc->npages; p++) {
			const sohoa_page *pg = &doc->pages[p];
			if (pg->number < 1 || (doc->page_count > 0 && pg->number > doc->page_count))
				abort();
			for (size_t j = 0; j < pg->nlines; j++)
				if (pg->lines[j].text && !sohoa_utf8_valid(pg->lines[j].text, strlen(pg->lines[j].text)))
					abort();
		}
	}
	sohoa_clear_error(ctx);
	sohoa_doc_free(doc);
	unlink(path);
	return 0;
}

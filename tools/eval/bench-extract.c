/* bench-extract FILE... : pages per second of ingest, normalize and the five extractors, each
 * timed on its own in one process (the document is read once, then each stage is repeated).
 * Prints one line per stage over all files. Used by bench/extract.sh. */
#include "../../extract/extract.h"
#include "../../ingest/ingest.h"
#include "../../normalize/normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int reps = getenv("REPS") ? atoi(getenv("REPS")) : 5;
	if (reps < 1)
		reps = 1;
	sohoa_options opt;
	sohoa_options_init(&opt);
	opt.jobs = 1;
	opt.ocr = SOHOA_OCR_NEVER;
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	double t_ingest = 0, t_norm = 0, t_extract = 0, t_each[16] = {0};
	long pages = 0;
	for (int a = 1; a < argc; a++) {
		sohoa_doc *doc = NULL;
		sohoa_text *text = NULL;
		double t0 = now();
		for (int r = 0; r < reps; r++) {
			sohoa_doc_free(doc);
			doc = NULL;
			if (sohoa_ingest(ctx, argv[a], &doc) != SOHOA_OK) {
				fprintf(stderr, "bench-extract: %s\n", sohoa_errmsg(ctx));
				return 1;
			}
		}
		double t1 = now();
		for (int r = 0; r < reps; r++) {
			sohoa_text_free(text);
			text = NULL;
			if (sohoa_normalize_doc(ctx, doc, &text) != SOHOA_OK) {
				fprintf(stderr, "bench-extract: %s\n", sohoa_errmsg(ctx));
				return 1;
			}
		}
		double t2 = now();
		for (int r = 0; r < reps; r++) {
			const sohoa_extractor *const *ex = sohoa_extractors();
			for (size_t i = 0; ex[i]; i++) {
				double te = now();
				sohoa_buf out = {0};
				if (ex[i]->run(ctx, doc, text, &out) != SOHOA_OK) {
					fprintf(stderr, "bench-extract: %s: %s\n", ex[i]->name, sohoa_errmsg(ctx));
					return 1;
				}
				sohoa_buf_free(&out);
				if (i < 16)
					t_each[i] += now() - te;
			}
		}
		double t3 = now();
		t_ingest += t1 - t0;
		t_norm += t2 - t1;
		t_extract += t3 - t2;
		pages += (long)doc->npages * reps;
		sohoa_text_free(text);
		sohoa_doc_free(doc);
	}
	if (pages == 0)
		return 1;
	printf("ingest    %8.1f pages/s\n", pages / t_ingest);
	printf("normalize %8.1f pages/s\n", pages / t_norm);
	printf("extract   %8.1f pages/s (five extractors)\n", pages / t_extract);
	for (size_t i = 0; sohoa_extractors()[i] && i < 16; i++)
		printf("  %-16s %8.1f pages/s\n", sohoa_extractors()[i]->name, pages / t_each[i]);
	printf("extract/ingest speed ratio %.2f (> 1: extraction is not the bottleneck)\n",
	       (pages / t_extract) / (pages / t_ingest));
	sohoa_ctx_free(ctx);
	return 0;
}

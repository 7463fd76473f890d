/* bench-normalize FILE [REPEAT]: time the normalize stage alone (sohoa_normalize_doc with
 * restoration off) on a text file already read into a document, best of REPEAT runs (default 3).
 * Prints "bytes wall_s cpu_s" so bench/normalize.sh can compute MB/s; reading the file and
 * ingest's line splitting are outside the timed part. */
#include "../../core/sohoa.h"
#include "../../ingest/ingest.h"
#include "../../normalize/normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-normalize FILE [REPEAT]\n");
		return 2;
	}
	int repeat = argc > 2 ? atoi(argv[2]) : 3;
	sohoa_options opt;
	sohoa_options_init(&opt);
	opt.restore = SOHOA_RESTORE_OFF;
	opt.jobs = 1;
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	char *data = NULL;
	size_t len = 0;
	sohoa_doc *doc = NULL;
	if (!ctx || sohoa_file_read(ctx, argv[1], &data, &len) != SOHOA_OK ||
	    sohoa_doc_from_text(ctx, argv[1], data, len, &doc) != SOHOA_OK) {
		fprintf(stderr, "bench-normalize: %s\n", ctx ? sohoa_errmsg(ctx) : "out of memory");
		return 1;
	}
	double best_wall = 1e9, best_cpu = 1e9;
	for (int r = 0; r < (repeat > 0 ? repeat : 1); r++) {
		double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_THREAD_CPUTIME_ID);
		sohoa_text *t = NULL;
		if (sohoa_normalize_doc(ctx, doc, &t) != SOHOA_OK) {
			fprintf(stderr, "bench-normalize: %s\n", sohoa_errmsg(ctx));
			return 1;
		}
		double w = seconds(CLOCK_MONOTONIC) - w0, c = seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
		sohoa_text_free(t);
		best_wall = w < best_wall ? w : best_wall;
		best_cpu = c < best_cpu ? c : best_cpu;
	}
	printf("%zu %.4f %.4f\n", len, best_wall, best_cpu);
	sohoa_doc_free(doc);
	free(data);
	sohoa_ctx_free(ctx);
	return 0;
}

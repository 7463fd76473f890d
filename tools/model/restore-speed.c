/* restore-speed: in-process speed of diacritic restoration (strip), without the CLI's reading and
 * normalizing: the files are NFC-normalized and stripped of marks once, then restored whole with
 * sohoa_restore(STRIP) ROUNDS times; prints syllables per second of this thread's CPU time for
 * the best round and the median (the machine is shared: the least disturbed round is the closest
 * to the truth, the median says how noisy it was). --paragraphs: each line is a paragraph,
 * restored 32 at a time with sohoa_restore_many as the normalize stage does (default: the whole
 * text as one paragraph with sohoa_restore).
 * Usage: restore-speed [--model FILE] [--rounds N] [--paragraphs] FILE... */
#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/icu.h"
#include "../../core/sohoa.h"
#include "../../restore/lm.h"
#include "../../restore/restore.h"
#include "../../core/viet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	const char *model = NULL;
	int rounds = 6, a = 1, paras = 0;
	for (; a < argc; a++) {
		if (strcmp(argv[a], "--model") == 0 && a + 1 < argc)
			model = argv[++a];
		else if (strcmp(argv[a], "--rounds") == 0 && a + 1 < argc)
			rounds = atoi(argv[++a]);
		else if (strcmp(argv[a], "--paragraphs") == 0)
			paras = 1;
		else
			break;
	}
	if (a >= argc || rounds < 1 || rounds > 1000) {
		fprintf(stderr, "usage: restore-speed [--model FILE] [--rounds N] [--paragraphs] FILE...\n");
		return 2;
	}
	sohoa_options o;
	sohoa_options_init(&o);
	o.model_path = model;
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	if (!ctx)
		return 1;
	sohoa_buf in = {0};
	for (; a < argc; a++) {
		char *data;
		size_t n;
		sohoa_buf nfc = {0};
		if (sohoa_file_read(ctx, argv[a], &data, &n) || sohoa_icu_nfc(ctx, data, n, &nfc)) {
			fprintf(stderr, "restore-speed: %s\n", sohoa_errmsg(ctx));
			return 1;
		}
		free(data);
		if (sohoa_viet_strip(nfc.data, nfc.len, &in) || sohoa_buf_append(&in, "\n", 1))
			return 1;
		sohoa_buf_free(&nfc);
	}
	/* syllables: letter runs, as syl-accuracy counts them */
	size_t syl = 0;
	for (size_t i = 0; i < in.len;) {
		int kind;
		size_t e = sohoa_lm_token(in.data, in.len, i, &kind);
		syl += kind == LM_TOK_WORD;
		i = e > i ? e : i + 1;
	}
	double *t = calloc((size_t)rounds, sizeof *t);
	if (!t)
		return 1;
	/* the paragraphs: lines, or the whole text */
	size_t np = 0, cap = 0, lcap = 0;
	const char **ptr = NULL;
	size_t *len = NULL;
	for (size_t i = 0; i < in.len;) {
		size_t e = i;
		while (paras && e < in.len && in.data[e] != '\n')
			e++;
		if (!paras)
			e = in.len;
		if (SOHOA_GROW(ptr, np + 1, cap) || SOHOA_GROW(len, np + 1, lcap))
			return 1;
		ptr[np] = in.data + i;
		len[np++] = e - i;
		i = e + 1;
	}
	enum { BATCH = 32 };
	sohoa_buf outs[BATCH];
	sohoa_restore_mode modes[BATCH];
	for (int k = 0; k < BATCH; k++) {
		outs[k] = (sohoa_buf){0};
		modes[k] = SOHOA_RESTORE_STRIP;
	}
	/* one warm-up round loads the model and touches its pages */
	for (int r = 0; r <= rounds; r++) {
		double t0 = cpu_now();
		for (size_t k = 0; k < np; k += BATCH) {
			size_t cnt = np - k < BATCH ? np - k : BATCH;
			for (size_t j = 0; j < cnt; j++)
				outs[j].len = 0;
			if (sohoa_restore_many(ctx, modes, ptr + k, len + k, cnt, outs)) {
				fprintf(stderr, "restore-speed: %s\n", sohoa_errmsg(ctx));
				return 1;
			}
		}
		if (r > 0)
			t[r - 1] = cpu_now() - t0;
	}

	qsort(t, (size_t)rounds, sizeof *t, dbl_cmp);
	double best = t[0] > 1e-9 ? t[0] : 1e-9, med = t[rounds / 2] > 1e-9 ? t[rounds / 2] : 1e-9;
	printf("syllables %zu rounds %d best %.0f syl/s median %.0f syl/s (CPU of one thread)\n", syl, rounds,
	       (double)syl / best, (double)syl / med);
	free(t);
	free(ptr);
	free(len);
	for (int k = 0; k < BATCH; k++)
		sohoa_buf_free(&outs[k]);
	sohoa_buf_free(&in);
	sohoa_ctx_free(ctx);
	return 0;
}

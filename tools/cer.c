/* cer: character error rate of an OCR output against the truth text.
 *
 *   build/tools/cer [--raw] TRUTH OUTPUT      (either file may be '-' for stdin)
 *
 * Prints one line "CER ERRORS CHARS": CER = ERRORS / CHARS, ERRORS the Levenshtein distance over
 * Unicode code points, CHARS the truth's length in code points. Before comparing, both texts are
 * put in NFC (skip with --raw) and every run of white space (spaces, tabs, newlines, form feeds,
 * no-break and other Unicode spaces) becomes one space, with none at either end, so line breaks
 * and page breaks do not count. Exit 0, or 2 on bad usage / unreadable files.
 * Example: cer samples/x.txt out/x.txt | awk '{print $1}'
 * Other tools can #define CER_NO_MAIN and #include this file to use cer_compare(). */
#include "../core/icu.h"
#include "../core/sohoa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cer_is_space(uint32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
	       c == 0x3000 || c == 0xFEFF;
}

/* Decode s[0..n) into a new array of code points with white space folded; -1 out of memory. */
static int cer_fold(const char *s, size_t n, uint32_t **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	uint32_t *cp = malloc((n + 1) * sizeof *cp);
	if (!cp)
		return -1;
	size_t k = 0;
	int space = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(s + i, n - i, &c);
		if (cer_is_space(c)) {
			space = 1;
			continue;
		}
		if (space && k > 0)
			cp[k++] = ' ';
		space = 0;
		cp[k++] = c;
	}
	*out = cp;
	*count = k;
	return 0;
}

/* Levenshtein distance over code points, two rows; (size_t)-1 when out of memory. */
static size_t cer_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t *prev = malloc((nb + 1) * sizeof *prev), *cur = malloc((nb + 1) * sizeof *cur);
	if (!prev || !cur) {
		free(prev);
		free(cur);
		return (size_t)-1;
	}
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			cur[j] = best;
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[nb];
	free(prev);
	free(cur);
	return d;
}

/* Compare truth and output (UTF-8). Sets *errors and *chars; returns the CER (errors / chars,
 * or errors when the truth is empty), or -1 on error (message in ctx). nfc: normalize first.
 * (unused: an including tool may want only the folding and edit distance.) */
__attribute__((unused)) static double cer_compare(sohoa_ctx *ctx, const char *truth, size_t tn, const char *output, size_t on, int nfc,
			  size_t *errors, size_t *chars)
{
	*errors = *chars = 0;
	sohoa_buf bt = {0}, bo = {0};
	if (nfc) {
		if (sohoa_icu_nfc(ctx, truth, tn, &bt) != SOHOA_OK || sohoa_icu_nfc(ctx, output, on, &bo) != SOHOA_OK) {
			sohoa_buf_free(&bt);
			sohoa_buf_free(&bo);
			return -1;
		}
		truth = bt.data ? bt.data : "", tn = bt.len;
		output = bo.data ? bo.data : "", on = bo.len;
	}
	uint32_t *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;
	double rate = -1;
	if (cer_fold(truth, tn, &a, &na) || cer_fold(output, on, &b, &nb)) {
		sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	} else {
		size_t d = cer_distance(a, na, b, nb);
		if (d == (size_t)-1) {
			sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		} else {
			*errors = d;
			*chars = na;
			rate = na ? (double)d / (double)na : (double)d;
		}
	}
	free(a);
	free(b);
	sohoa_buf_free(&bt);
	sohoa_buf_free(&bo);
	return rate;
}

#ifndef CER_NO_MAIN
static int read_input(sohoa_ctx *ctx, const char *path, char **data, size_t *len)
{
	if (strcmp(path, "-"))
		return sohoa_file_read(ctx, path, data, len) == SOHOA_OK ? 0 : -1;
	sohoa_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		if (sohoa_buf_append(&b, chunk, n)) {
			sohoa_buf_free(&b);
			return -1;
		}
	*len = b.len;
	*data = b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
	return *data ? 0 : -1;
}

int main(int argc, char **argv)
{
	int nfc = 1, i = 1;
	if (i < argc && !strcmp(argv[i], "--raw"))
		nfc = 0, i++;
	if (argc - i != 2 || (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
		fprintf(stderr, "usage: cer [--raw] TRUTH OUTPUT\n"
				"prints \"CER ERRORS CHARS\" (Levenshtein over code points, NFC, white space folded)\n");
		return 2;
	}
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	char *t = NULL, *o = NULL;
	size_t tn = 0, on = 0;
	int rc = 2;
	if (!ctx)
		return 2;
	if (read_input(ctx, argv[i], &t, &tn) || read_input(ctx, argv[i + 1], &o, &on)) {
		fprintf(stderr, "cer: %s\n", ctx->errmsg[0] ? sohoa_errmsg(ctx) : "cannot read input");
	} else {
		size_t errors, chars;
		double rate = cer_compare(ctx, t, tn, o, on, nfc, &errors, &chars);
		if (rate < 0) {
			fprintf(stderr, "cer: %s\n", sohoa_errmsg(ctx));
		} else {
			printf("%.4f %zu %zu\n", rate, errors, chars);
			rc = 0;
		}
	}
	free(t);
	free(o);
	sohoa_ctx_free(ctx);
	return rc;
}
#endif

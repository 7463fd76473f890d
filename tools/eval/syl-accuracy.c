/* syl-accuracy: score restored text against a gold text, for bench/restore.sh.
 *   syl-accuracy [-c] [-l] GOLD HYP   syllable accuracy: the share of gold words exactly right after
 *                                     a word-level Levenshtein alignment (words compared by the
 *                                     canonical key sohoa_viet_key: tone style and, unless -c,
 *                                     case do not count; edge punctuation is ignored; a word is a
 *                                     whitespace token with at least one letter). -l lists the
 *                                     misread gold words as "gold<TAB>got" lines (compared forms).
 *   syl-accuracy -C GOLD HYP          character error rate: code point edit distance / gold length,
 *                                     whitespace runs (and line breaks) counted as one space.
 *   syl-accuracy -s [FILE]            strip all diacritics (sohoa_viet_strip) to stdout.
 *   syl-accuracy -L [MODEL]           time sohoa_model_load (NULL: the shipped model), best of 7:
 *                                     "load_ms W cpu_ms C" (wall and process CPU milliseconds).
 *   syl-accuracy -r TABLE GOLD INPUT  channel recall: of the gold words the INPUT has wrong, the
 *                                     share whose reading (input word -> gold word, both keyed)
 *                                     is a row of TABLE (observed<TAB>intended<TAB>count).
 * Prints one line: "units N correct C accuracy P" or "chars N edits E cer P". Alignment is banded
 * around the diagonal (reflowed lines and dropped words are fine; whole dropped pages are not). */
#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/viet.h"
#include "../../restore/restore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct words {
	char **key;  /* compared form */
	char **text; /* as written, for -l */
	size_t n, cap, tcap;
} words;

static void words_split(const char *s, size_t n, int keep_case, words *w)
{
	size_t i = 0, start, end;
	sohoa_buf key = {0};
	while (words_next(s, n, &i, &start, &end, NULL)) {
		key.len = 0;
		if (keep_case) {
			/* Canonical tone placement, case kept: key each letter run then restore case. */
			sohoa_buf low = {0};
			sohoa_viet_key(s + start, end - start, &low);
			size_t a = start, b = 0;
			while (a < end && b < low.len) {
				uint32_t c1, c2, plain;
				int tone, up;
				size_t k1 = sohoa_utf8_decode(s + a, end - a, &c1), k2 = sohoa_utf8_decode(low.data + b, low.len - b, &c2);
				if (!k1 || !k2)
					break;
				if (sohoa_viet_letter(c1, &plain, &tone, &up) && up && sohoa_viet_letter(c2, &plain, &tone, &up))
					c2 = sohoa_viet_compose(plain, tone, 1);
				char u[4];
				sohoa_buf_append(&key, u, sohoa_utf8_encode(c2, u));
				a += k1, b += k2;
			}
			sohoa_buf_free(&low);
		} else {
			sohoa_viet_key(s + start, end - start, &key);
		}
		if (SOHOA_GROW(w->key, w->n + 1, w->cap) || SOHOA_GROW(w->text, w->n + 1, w->tcap))
			die("out of memory");
		w->key[w->n] = xstrdup(key.data ? key.data : "");
		w->text[w->n] = sohoa_strndup(s + start, end - start);
		w->n++;
	}
	sohoa_buf_free(&key);
}

/* Banded Levenshtein over two sequences, returning the number of matched (equal) pairs on an
 * optimal path, preferring matches among paths of equal cost. eq(i, j) compares a[i] with b[j].
 * If trace is given, trace[i] gets the index in b matched to gold item i, or -1 (needs full path:
 * kept per band cell as one byte). */
typedef int (*eq_fn)(const void *a, size_t i, const void *b, size_t j);

typedef struct cell {
	int cost, match;
} cell;

static int better(cell x, cell y)
{
	return x.cost < y.cost || (x.cost == y.cost && x.match > y.match);
}

static cell band_align(const void *a, size_t na, const void *b, size_t nb, eq_fn eq, long *trace)
{
	/* Band half-width: covers the length difference plus slack. */
	long diff = (long)na - (long)nb;
	if (diff < 0)
		diff = -diff;
	long B = diff + 300;
	if (B > 1500)
		B = 1500; /* texts that far apart in length score badly anyway; keep the time bounded */
	long W = 2 * B + 1;
	cell *prev = malloc(W * sizeof(cell)), *cur = malloc(W * sizeof(cell));
	unsigned char *op = trace ? malloc((na + 1) * (size_t)W) : NULL;
	if (!prev || !cur || (trace && !op))
		die("out of memory");
	const cell INF = {1 << 29, 0};
	/* Row i covers j in [c(i) - B, c(i) + B] with c(i) = i * nb / na. */
#define CENTER(i) ((long)(na ? (double)(i) * (double)nb / (double)na : 0))
	for (long k = 0; k < W; k++) {
		long j = CENTER(0) - B + k;
		prev[k] = (j >= 0 && j <= (long)nb) ? (cell){(int)j, 0} : INF;
		if (op)
			op[k] = 'D';
	}
	for (size_t i = 1; i <= na; i++) {
		long c = CENTER(i), pc = CENTER(i - 1);
		for (long k = 0; k < W; k++) {
			long j = c - B + k;
			cell best = INF;
			unsigned char o = 0;
			if (j < 0 || j > (long)nb) {
				cur[k] = INF;
				continue;
			}
			/* from (i-1, j): gold item dropped */
			long pk = j - (pc - B);
			if (pk >= 0 && pk < W && prev[pk].cost < INF.cost) {
				cell t = {prev[pk].cost + 1, prev[pk].match};
				if (better(t, best))
					best = t, o = 'G';
			}
			/* from (i-1, j-1): pair */
			pk = j - 1 - (pc - B);
			if (j >= 1 && pk >= 0 && pk < W && prev[pk].cost < INF.cost) {
				int e = eq(a, i - 1, b, (size_t)j - 1);
				cell t = {prev[pk].cost + !e, prev[pk].match + e};
				if (better(t, best))
					best = t, o = e ? 'M' : 'S';
			}
			/* from (i, j-1): extra hypothesis item */
			if (k >= 1 && cur[k - 1].cost < INF.cost) {
				cell t = {cur[k - 1].cost + 1, cur[k - 1].match};
				if (better(t, best))
					best = t, o = 'H';
			}
			if (j == 0 && o == 0) {
				best = (cell){(int)i, 0};
				o = 'G';
			}
			cur[k] = best;
			if (op)
				op[i * (size_t)W + (size_t)k] = o;
		}
		cell *t = prev;
		prev = cur, cur = t;
	}
	long kk = (long)nb - (CENTER(na) - B);
	cell r = (kk >= 0 && kk < W) ? prev[kk] : INF;
	if (trace && r.cost < INF.cost) {
		long i = (long)na, j = (long)nb;
		for (size_t x = 0; x < na; x++)
			trace[x] = -1;
		while (i > 0) {
			long k = j - (CENTER(i) - B);
			unsigned char o = op[(size_t)i * (size_t)W + (size_t)k];
			if (o == 'M' || o == 'S') {
				trace[i - 1] = o == 'M' ? -2 : j - 1; /* -2: matched */
				i--, j--;
			} else if (o == 'G')
				i--;
			else
				j--;
		}
	}
	free(prev), free(cur), free(op);
	return r;
#undef CENTER
}

static int word_eq(const void *a, size_t i, const void *b, size_t j)
{
	const words *x = a, *y = b;
	return strcmp(x->key[i], y->key[j]) == 0;
}

static int cp_eq(const void *a, size_t i, const void *b, size_t j)
{
	return ((const uint32_t *)a)[i] == ((const uint32_t *)b)[j];
}

static double now_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Time loading the model, in process: what a user waits for before the first syllable. */
static int time_load(const char *path)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	if (!ctx)
		die("out of memory");
	double best_wall = -1, best_cpu = -1;
	for (int k = 0; k < 7; k++) {
		sohoa_model *m = NULL;
		double w0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
		sohoa_status st = sohoa_model_load(ctx, path, &m);
		double w = now_ms(CLOCK_MONOTONIC) - w0, c = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (st != SOHOA_OK) {
			fprintf(stderr, "syl-accuracy: %s\n", sohoa_errmsg(ctx));
			sohoa_ctx_free(ctx);
			return 1;
		}
		sohoa_model_free(m);
		if (best_wall < 0 || w < best_wall)
			best_wall = w;
		if (best_cpu < 0 || c < best_cpu)
			best_cpu = c;
	}
	printf("load_ms %.2f cpu_ms %.2f\n", best_wall, best_cpu);
	sohoa_ctx_free(ctx);
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Rows "key(observed)\tkey(intended)" of a channel table, sorted for bsearch. */
static char **load_table(const char *path, size_t *bytes, size_t *n)
{
	char *t = tool_read(path, bytes);
	size_t cap = 0;
	char **rows = NULL;
	*n = 0;
	for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
		char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		if (!tab1 || !tab2)
			continue;
		sohoa_buf k = {0};
		sohoa_viet_key(line, (size_t)(tab1 - line), &k);
		sohoa_buf_puts(&k, "\t");
		sohoa_viet_key(tab1 + 1, (size_t)(tab2 - tab1 - 1), &k);
		if (SOHOA_GROW(rows, *n + 1, cap))
			die("out of memory");
		rows[(*n)++] = sohoa_buf_steal(&k);
	}
	free(t);
	qsort(rows, *n, sizeof(char *), str_cmp);
	return rows;
}

int main(int argc, char **argv)
{
	int keep_case = 0, list = 0, cer = 0, strip = 0, i = 1;
	const char *table = NULL;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-c"))
			keep_case = 1;
		else if (!strcmp(argv[i], "-l"))
			list = 1;
		else if (!strcmp(argv[i], "-C"))
			cer = 1;
		else if (!strcmp(argv[i], "-s"))
			strip = 1;
		else if (!strcmp(argv[i], "-L"))
			return time_load(i + 1 < argc ? argv[i + 1] : NULL);
		else if (!strcmp(argv[i], "-r") && i + 1 < argc)
			table = argv[++i];
		else
			die("unknown option %s", argv[i]);
	}
	if (strip) {
		size_t n;
		char *s = tool_read(i < argc ? argv[i] : "-", &n);
		sohoa_buf out = {0};
		if (sohoa_viet_strip(s, n, &out))
			die("out of memory");
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
		free(s);
		sohoa_buf_free(&out);
		return 0;
	}
	if (argc - i != 2)
		die("usage: syl-accuracy [-c] [-l] GOLD HYP | -C GOLD HYP | -r TABLE GOLD INPUT | -s [FILE]");
	size_t ng, nh;
	char *g = tool_read(argv[i], &ng), *h = tool_read(argv[i + 1], &nh);
	if (cer) {
		size_t a, b;
		uint32_t *ga = tool_cps(g, ng, words_is_space, &a), *ha = tool_cps(h, nh, words_is_space, &b);
		cell r = band_align(ga, a, ha, b, cp_eq, NULL);
		printf("chars %zu edits %d cer %.4f\n", a, r.cost, a ? (double)r.cost / (double)a : 0.0);
		free(ga), free(ha);
	} else {
		words gw = {0}, hw = {0};
		words_split(g, ng, keep_case, &gw);
		words_split(h, nh, keep_case, &hw);
		long *trace = list || table ? malloc((gw.n + 1) * sizeof(long)) : NULL;
		cell r = band_align(&gw, gw.n, &hw, hw.n, word_eq, trace);
		if (trace && table) {
			size_t nt, nrows = 0;
			char **rows = load_table(table, &nt, &nrows);
			long wrong = 0, found = 0;
			sohoa_buf k = {0};
			for (size_t x = 0; x < gw.n; x++) {
				if (trace[x] < 0)
					continue; /* matched, or nothing read for it */
				wrong++;
				k.len = 0;
				sohoa_buf_printf(&k, "%s\t%s", hw.key[trace[x]], gw.key[x]);
				found += bsearch(&k.data, rows, nrows, sizeof(char *), str_cmp) != NULL;
			}
			printf("misread %ld in-table %ld recall %.4f\n", wrong, found, wrong ? (double)found / (double)wrong : 0.0);
			sohoa_buf_free(&k);
			for (size_t x = 0; x < nrows; x++)
				free(rows[x]);
			free(rows);
			free(trace);
			return 0;
		}
		if (trace) {
			for (size_t x = 0; x < gw.n; x++)
				if (trace[x] != -2)
					printf("%s\t%s\n", gw.key[x], trace[x] >= 0 ? hw.key[trace[x]] : "");
			free(trace);
		}
		printf("units %zu correct %d accuracy %.4f\n", gw.n, r.match, gw.n ? (double)r.match / (double)gw.n : 0.0);
		for (size_t x = 0; x < gw.n; x++)
			free(gw.key[x]), free(gw.text[x]);
		for (size_t x = 0; x < hw.n; x++)
			free(hw.key[x]), free(hw.text[x]);
		free(gw.key), free(gw.text), free(hw.key), free(hw.text);
	}
	free(g), free(h);
	return 0;
}

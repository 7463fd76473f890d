/* restore-eval: measure diacritic restoration (strip) on text the model was not built from:
 * each line of the given files is NFC-normalized, stripped of all marks, restored with
 * sohoa_restore(STRIP) and compared word by word with the original (canonical keys, so tone
 * placement style and case do not count). Also reports model load time and syllables/s on one
 * thread. --errors N lists the first N errors, --why counts them by cause (see why_wrong), --names
 * TSV the accuracy on words inside names of a list (the gazetteer: proper nouns, agencies).
 * Usage: restore-eval [--model FILE] [--list FILE --root DIR] [--lines] [--errors N] [--why]
 *        [--names TSV] [FILE...] */
#include "../lib/tool.h"
#include "../../core/array.h"
#include "../../core/icu.h"
#include "../../core/sohoa.h"
#include "../../restore/restore-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this thread: the machine is shared, wall time would measure the neighbours. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Why a word came out wrong (--why): the gold form is not a Vietnamese syllable (foreign names,
 * symbols), its key has no id in the model (vocabulary cut), it has an id but is past the
 * candidates the decoder looks at, or it was a candidate and the model chose another: then
 * split by whether the gold word is capitalized (proper nouns, headings) or not. */
enum { WHY_FOREIGN, WHY_OOV, WHY_CUT, WHY_CAP, WHY_LOWER, WHY_N };
static const char *const why_name[WHY_N] = {"foreign", "oov", "cut", "cap", "lower"};

typedef struct stats {
	size_t words, right, viet, viet_right;
	size_t why[WHY_N];
	double secs;
	int errors_left;
	const sohoa_model *m;
	sohoa_buf tmp;
	/* --names: words inside a listed name (gazetteer phrase) and how many came out right */
	char **names;      /* hash set of phrases as word keys joined by one space */
	size_t names_cap;
	size_t name_words, name_right;
} stats;

#define NAME_MAXWORDS 10

static int names_has(const stats *st, const char *k, size_t n)
{
	if (!st->names_cap)
		return 0;
	size_t j = sohoa_lm_hash_str(k, n) & (st->names_cap - 1);
	for (; st->names[j]; j = (j + 1) & (st->names_cap - 1))
		if (strlen(st->names[j]) == n && memcmp(st->names[j], k, n) == 0)
			return 1;
	return 0;
}

/* The word keys of s[0..n) joined by single spaces into out (punctuation left out). */
static void word_keys(const char *s, size_t n, sohoa_buf *out)
{
	out->len = 0;
	for (size_t i = 0; i < n;) {
		int kind;
		size_t e = sohoa_lm_token(s, n, i, &kind);
		if (kind == LM_TOK_WORD) {
			if (out->len)
				sohoa_buf_append(out, " ", 1);
			sohoa_viet_key(s + i, e - i, out);
		}
		i = e;
	}
}

/* Load the phrases of a gazetteer TSV (phrase<TAB>count, # comments) with at least two words. */
static int names_load(sohoa_ctx *ctx, stats *st, const char *path)
{
	char *d;
	size_t n, count = 0;
	if (sohoa_file_read(ctx, path, &d, &n))
		return -1;
	for (size_t i = 0; i < n; i++)
		count += d[i] == '\n';
	st->names_cap = 16;
	while (st->names_cap < count * 2 + 2)
		st->names_cap *= 2;
	st->names = calloc(st->names_cap, sizeof *st->names);
	sohoa_buf k = {0};
	for (size_t i = 0; st->names && i < n;) {
		size_t e = i, t;
		while (e < n && d[e] != '\n')
			e++;
		for (t = i; t < e && d[t] != '\t'; t++)
			;
		word_keys(d + i, t - i, &k);
		if (d[i] != '#' && k.len && memchr(k.data, ' ', k.len) && !names_has(st, k.data, k.len)) {
			size_t j = sohoa_lm_hash_str(k.data, k.len) & (st->names_cap - 1);
			while (st->names[j])
				j = (j + 1) & (st->names_cap - 1);
			st->names[j] = sohoa_strndup(k.data, k.len);
		}
		i = e + 1;
	}
	sohoa_buf_free(&k);
	free(d);
	return st->names ? 0 : -1;
}

static int is_cap(const char *s, size_t n)
{
	uint32_t cp, plain;
	int tone, upper;
	sohoa_utf8_decode(s, n, &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && upper;
}

static int why_wrong(stats *st, const char *gold, size_t n, const sohoa_buf *key)
{
	if (!sohoa_viet_syllable(gold, n))
		return WHY_FOREIGN;
	int id = sohoa_lm_id(st->m, key->data, key->len);
	if (id == LM_UNK)
		return WHY_OOV;
	st->tmp.len = 0;
	sohoa_viet_strip(key->data, key->len, &st->tmp);
	size_t nc = 0;
	const uint16_t *c = sohoa_lm_cands(st->m, st->tmp.data, st->tmp.len, &nc);
	/* as candidates.c takes them for the strip job: most frequent first, none e^7 rarer than the first */
	size_t r = 0, k = 0;
	for (; k < nc && c[k] != id; k++)
		r += !(k > 0 && st->m->uni[c[k]].logp < st->m->uni[c[0]].logp - 7000);
	if (k == nc || r >= RESTORE_MAXC || (k > 0 && st->m->uni[id].logp < st->m->uni[c[0]].logp - 7000))
		return WHY_CUT;
	return is_cap(gold, n) ? WHY_CAP : WHY_LOWER;
}

static void compare(const char *gold, size_t gn, const char *got, size_t on, stats *st)
{
	size_t i = 0, j = 0;
	sohoa_buf a = {0}, b = {0}, keys = {0};
	/* the gold words' keys (for --names): start offsets in keys and right/wrong */
	size_t nw = 0, capw = 0, capo = 0, *kst = NULL;
	uint8_t *okw = NULL;
	while (i < gn && j < on) {
		int ka, kb;
		size_t ie = sohoa_lm_token(gold, gn, i, &ka);
		size_t je = sohoa_lm_token(got, on, j, &kb);
		if (ka == LM_TOK_WORD && kb == LM_TOK_WORD) {
			a.len = b.len = 0;
			sohoa_viet_key(gold + i, ie - i, &a);
			sohoa_viet_key(got + j, je - j, &b);
			int ok = a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
			int viet = sohoa_viet_syllable(gold + i, ie - i);
			st->words++;
			st->right += ok;
			st->viet += viet;
			st->viet_right += viet && ok;
			if (st->names_cap) {
				if (SOHOA_GROW(kst, nw + 2, capw) || SOHOA_GROW(okw, nw + 1, capo))
					die("out of memory");
				if (keys.len)
					sohoa_buf_append(&keys, " ", 1);
				kst[nw] = keys.len;
				okw[nw++] = (uint8_t)ok;
				sohoa_buf_append(&keys, a.data, a.len);
			}
			int why = ok ? -1 : why_wrong(st, gold + i, ie - i, &a);
			if (why >= 0)
				st->why[why]++;
			if (!ok && st->errors_left > 0) {
				st->errors_left--;
				size_t c0 = j > 30 ? j - 30 : 0, c1 = je + 30 < on ? je + 30 : on;
				printf("  %-7s %.*s -> %.*s   | %.*s\n", why_name[why], (int)(ie - i), gold + i, (int)(je - j), got + j,
				       (int)(c1 - c0), got + c0);
			}
		}
		i = ie;
		j = je;
	}
	/* words covered by a listed name (spans of 2..NAME_MAXWORDS words) */
	if (nw) {
		kst[nw] = keys.len + 1;
		uint8_t *in = calloc(nw, 1);
		for (size_t w = 0; in && w < nw; w++)
			for (size_t l = 2; l <= NAME_MAXWORDS && w + l <= nw; l++)
				if (names_has(st, keys.data + kst[w], kst[w + l] - 1 - kst[w]))
					memset(in + w, 1, l);
		for (size_t w = 0; in && w < nw; w++) {
			st->name_words += in[w];
			st->name_right += in[w] && okw[w];
		}
		free(in);
	}
	free(kst);
	free(okw);
	sohoa_buf_free(&keys);
	sohoa_buf_free(&a);
	sohoa_buf_free(&b);
}

/* 1: restore a whole file at once, as the pipeline restores reflowed paragraphs (the seeds break
 * lines mid-sentence); 0 (--lines): line by line. */
static int whole_file = 1;

static int eval_file(sohoa_ctx *ctx, const char *path, stats *st)
{
	char *data;
	size_t n;
	if (sohoa_file_read(ctx, path, &data, &n))
		return -1;
	sohoa_buf nfc = {0}, in = {0}, out = {0};
	if (sohoa_icu_nfc(ctx, data, n, &nfc)) {
		free(data);
		return -1;
	}
	free(data);
	/* U+00D0 -> U+0110 as the builder does */
	for (size_t i = 0; i + 1 < nfc.len; i++)
		if ((unsigned char)nfc.data[i] == 0xC3 && (unsigned char)nfc.data[i + 1] == 0x90) {
			nfc.data[i] = (char)0xC4;
		}
	size_t i = 0;
	while (i < nfc.len) {
		size_t e = i;
		while (e < nfc.len && (whole_file || nfc.data[e] != '\n'))
			e++;
		in.len = out.len = 0;
		sohoa_viet_strip(nfc.data + i, e - i, &in);
		if (in.len) {
			double t0 = now();
			if (sohoa_restore(ctx, SOHOA_RESTORE_STRIP, in.data, in.len, &out))
				return -1;
			st->secs += now() - t0;
			compare(nfc.data + i, e - i, out.data ? out.data : "", out.len, st);
		}
		i = e + 1;
	}
	sohoa_buf_free(&nfc);
	sohoa_buf_free(&in);
	sohoa_buf_free(&out);
	return 0;
}

int main(int argc, char **argv)
{
	const char *model = NULL, *list = NULL, *root = ".";
	int errors = 0, why = 0;
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	stats st = {0};
	int a = 1;
	for (; a < argc; a++) {
		if (strcmp(argv[a], "--model") == 0 && a + 1 < argc)
			model = argv[++a];
		else if (strcmp(argv[a], "--list") == 0 && a + 1 < argc)
			list = argv[++a];
		else if (strcmp(argv[a], "--root") == 0 && a + 1 < argc)
			root = argv[++a];
		else if (strcmp(argv[a], "--lines") == 0)
			whole_file = 0;
		else if (strcmp(argv[a], "--errors") == 0 && a + 1 < argc)
			errors = atoi(argv[++a]);
		else if (strcmp(argv[a], "--why") == 0)
			why = 1;
		else if (strcmp(argv[a], "--names") == 0 && a + 1 < argc) {
			if (names_load(ctx, &st, argv[++a])) {
				fprintf(stderr, "restore-eval: %s\n", sohoa_errmsg(ctx));
				return 1;
			}
		}
		else
			break;
	}
	st.errors_left = errors;
	struct timespec w0, w1;
	clock_gettime(CLOCK_MONOTONIC, &w0);
	sohoa_model *m;
	if (sohoa_model_load(ctx, model, &m)) {
		fprintf(stderr, "restore-eval: %s\n", sohoa_errmsg(ctx));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &w1);
	double load_ms = (double)(w1.tv_sec - w0.tv_sec) * 1e3 + (double)(w1.tv_nsec - w0.tv_nsec) / 1e6;
	ctx->model = m;
	st.m = m;
	size_t files = 0;
	if (list) {
		char *d;
		size_t n;
		if (sohoa_file_read(ctx, list, &d, &n)) {
			fprintf(stderr, "restore-eval: %s\n", sohoa_errmsg(ctx));
			return 1;
		}
		char *save = NULL;
		for (char *line = strtok_r(d, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			if (line[0] == '#' || !line[0])
				continue;
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", root, line);
			if (eval_file(ctx, p, &st) == 0)
				files++;
		}
		free(d);
	}
	for (; a < argc; a++)
		if (eval_file(ctx, argv[a], &st) == 0)
			files++;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("files %zu words %zu accuracy %.2f%% (Vietnamese syllables %zu: %.2f%%) speed %.0f words/s (CPU) "
	       "load %.2f ms peak RSS %ld MB\n",
	       files, st.words, st.words ? 100.0 * st.right / st.words : 0, st.viet,
	       st.viet ? 100.0 * st.viet_right / st.viet : 0, st.secs > 0 ? st.words / st.secs : 0, load_ms,
	       ru.ru_maxrss / 1024);
	if (why) {
		size_t wrong = st.words - st.right;
		printf("errors %zu:", wrong);
		for (int w = 0; w < WHY_N; w++)
			printf(" %s %zu (%.2f%% of words)", why_name[w], st.why[w], st.words ? 100.0 * st.why[w] / st.words : 0);
		printf("\n");
	}
	if (st.names_cap)
		printf("words inside names of the list: %zu, accuracy %.2f%%\n", st.name_words,
		       st.name_words ? 100.0 * st.name_right / st.name_words : 0);
	for (size_t i = 0; i < st.names_cap; i++)
		free(st.names[i]);
	free(st.names);
	sohoa_buf_free(&st.tmp);
	sohoa_ctx_free(ctx);
	return 0;
}

/* lm-build: estimate the syllable trigram model (interpolated modified Kneser-Ney) from text,
 * prune it to a byte budget and serialize it in the mapped format of lm.h. Used by
 * tools/build-model.c and by the unit tests, which build a tiny model in memory. */
#include "lm.h"
#include "../core/viet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- a string -> (count, id) map with an arena --- */

typedef struct sentry {
	uint64_t hash;
	uint32_t off;   /* into arena, 0 = empty slot */
	uint32_t len;
	uint64_t count;
	int32_t id;     /* vocabulary id or -1 */
} sentry;

typedef struct smap {
	sentry *e;
	size_t cap, n;
	char *arena;
	size_t alen, acap;
} smap;

static int smap_grow(smap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 1024;
	sentry *ne = calloc(ncap, sizeof *ne);
	if (!ne)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->e[i].off)
			continue;
		size_t j = m->e[i].hash & (ncap - 1);
		while (ne[j].off)
			j = (j + 1) & (ncap - 1);
		ne[j] = m->e[i];
	}
	free(m->e);
	m->e = ne;
	m->cap = ncap;
	return 0;
}

static sentry *smap_get(smap *m, const char *s, size_t n, int create)
{
	if (create && (m->n + 1) * 10 > m->cap * 6 && smap_grow(m))
		return NULL;
	if (!m->cap)
		return NULL;
	uint64_t h = sohoa_lm_hash_str(s, n);
	size_t j = h & (m->cap - 1);
	while (m->e[j].off) {
		sentry *e = &m->e[j];
		if (e->hash == h && e->len == n && memcmp(m->arena + e->off, s, n) == 0)
			return e;
		j = (j + 1) & (m->cap - 1);
	}
	if (!create)
		return NULL;
	if (m->alen + n + 1 > m->acap) {
		size_t ncap = m->acap ? m->acap * 2 : 65536;
		while (ncap < m->alen + n + 1)
			ncap *= 2;
		char *na = realloc(m->arena, ncap);
		if (!na)
			return NULL;
		m->arena = na;
		m->acap = ncap;
		if (!m->alen)
			m->alen = 1; /* offset 0 means empty */
	}
	sentry *e = &m->e[j];
	e->hash = h;
	e->off = (uint32_t)m->alen;
	e->len = (uint32_t)n;
	e->count = 0;
	e->id = -1;
	memcpy(m->arena + m->alen, s, n);
	m->arena[m->alen + n] = 0;
	m->alen += n + 1;
	m->n++;
	return e;
}

static void smap_free(smap *m)
{
	free(m->e);
	free(m->arena);
	memset(m, 0, sizeof *m);
}

/* --- a uint64 -> value map (keys stored +1 so 0 marks an empty slot) --- */

typedef struct nval {
	uint64_t c;     /* weighted count */
	uint64_t raw;   /* for bigrams: sum of trigram counts */
	uint32_t n[4];  /* context stats: continuations with count 1, 2, 3+; [3] all types */
	float nw[3];    /* context stats: the same, each continuation counted as weighted/unweighted */
	float logp, bow;
	uint32_t seen;  /* n-grams: times seen, unweighted (c counts each time with its text's weight) */
} nval;

typedef struct nmap {
	uint64_t *k;
	nval *v;
	size_t cap, n;
} nmap;

static int nmap_grow(nmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 1 << 16;
	uint64_t *nk = calloc(ncap, sizeof *nk);
	nval *nv = malloc(ncap * sizeof *nv);
	if (!nk || !nv) {
		free(nk);
		free(nv);
		return -1;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->k[i])
			continue;
		size_t j = sohoa_lm_mix(m->k[i]) & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->k[i];
		nv[j] = m->v[i];
	}
	free(m->k);
	free(m->v);
	m->k = nk;
	m->v = nv;
	m->cap = ncap;
	return 0;
}

static nval *nmap_get(nmap *m, uint64_t key, int create)
{
	if (create && (m->n + 1) * 10 > m->cap * 6 && nmap_grow(m))
		return NULL;
	if (!m->cap)
		return NULL;
	uint64_t k1 = key + 1;
	size_t j = sohoa_lm_mix(k1) & (m->cap - 1);
	while (m->k[j]) {
		if (m->k[j] == k1)
			return &m->v[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (!create)
		return NULL;
	m->k[j] = k1;
	memset(&m->v[j], 0, sizeof m->v[j]);
	m->n++;
	return &m->v[j];
}

static void nmap_free(nmap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* --- the builder --- */

typedef struct chan_entry { char *obs; int id; double count; } chan_entry;
typedef struct chr_entry { char obs[12], intended[12]; double count; } chr_entry;

struct sohoa_lmb {
	smap words;        /* key -> count (pass 1), id after sohoa_lmb_vocab */
	char **vocab;      /* id -> key (borrowed from words.arena) */
	uint64_t *vcount;  /* id -> pass-1 count */
	uint64_t *title_count, *lower_count; /* id -> (weighted) uses not at a sentence start, by case */
	uint32_t nvocab;
	nmap tri;          /* (a,b,c) -> count */
	uint64_t ntokens;
	chan_entry *chan;
	size_t nchan, capchan;
	chr_entry *chr;
	size_t nchr, capchr;
	char **gaz;
	size_t ngaz, capgaz;
	sohoa_buf tmp;
};

sohoa_lmb *sohoa_lmb_new(void)
{
	return calloc(1, sizeof(sohoa_lmb));
}

void sohoa_lmb_free(sohoa_lmb *b)
{
	if (!b)
		return;
	smap_free(&b->words);
	free(b->vocab);
	free(b->vcount);
	free(b->title_count);
	free(b->lower_count);
	nmap_free(&b->tri);
	for (size_t i = 0; i < b->nchan; i++)
		free(b->chan[i].obs);
	free(b->chan);
	free(b->chr);
	for (size_t i = 0; i < b->ngaz; i++)
		free(b->gaz[i]);
	free(b->gaz);
	sohoa_buf_free(&b->tmp);
	free(b);
}

#define WORD_MAXBYTES 40

/* The key of token s[0..n) of the given kind into b->tmp; returns 0, or -1 to skip the token. */
static int token_key(sohoa_lmb *b, const char *s, size_t n, int kind)
{
	b->tmp.len = 0;
	if (kind == LM_TOK_NUM)
		return sohoa_buf_puts(&b->tmp, "<num>");
	if (kind == LM_TOK_WORD) {
		if (n > WORD_MAXBYTES)
			return sohoa_buf_puts(&b->tmp, "<unk>");
		return sohoa_viet_key(s, n, &b->tmp);
	}
	return sohoa_buf_append(&b->tmp, s, n);
}

int sohoa_lmb_count_words(sohoa_lmb *b, const char *text, size_t n, int weight)
{
	size_t i = 0;
	while (i < n) {
		int kind;
		size_t j = sohoa_lm_token(text, n, i, &kind);
		if (kind == LM_TOK_WORD || kind == LM_TOK_PUNCT) {
			if (token_key(b, text + i, j - i, kind))
				return -1;
			sentry *e = smap_get(&b->words, b->tmp.data, b->tmp.len, 1);
			if (!e)
				return -1;
			e->count += (uint64_t)weight;
		}
		i = j;
	}
	return 0;
}

int sohoa_lmb_add_lexicon(sohoa_lmb *b, const char *word, size_t n, int count)
{
	size_t i = 0;
	while (i < n) {
		int kind;
		size_t j = sohoa_lm_token(word, n, i, &kind);
		if (kind == LM_TOK_WORD) {
			if (token_key(b, word + i, j - i, kind))
				return -1;
			sentry *e = smap_get(&b->words, b->tmp.data, b->tmp.len, 1);
			if (!e)
				return -1;
			e->count += (uint64_t)count;
		}
		i = j;
	}
	return 0;
}

static int cmp_count_desc(const void *x, const void *y)
{
	const sentry *a = *(const sentry *const *)x, *c = *(const sentry *const *)y;
	if (a->count != c->count)
		return a->count < c->count ? 1 : -1;
	/* ties: byte order, so the build is deterministic */
	return 0;
}

static const char *smap_str(const smap *m, const sentry *e)
{
	return m->arena + e->off;
}

static const smap *cmp_map;
static int cmp_count_desc_str(const void *x, const void *y)
{
	int r = cmp_count_desc(x, y);
	if (r)
		return r;
	const sentry *a = *(const sentry *const *)x, *c = *(const sentry *const *)y;
	return strcmp(smap_str(cmp_map, a), smap_str(cmp_map, c));
}

int sohoa_lmb_vocab(sohoa_lmb *b, const sohoa_lmb_options *opt)
{
	int min_count = opt && opt->min_count ? opt->min_count : 2;
	sentry **all = malloc((b->words.n + 1) * sizeof *all);
	if (!all)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < b->words.cap; i++)
		if (b->words.e[i].off && b->words.e[i].count >= (uint64_t)min_count)
			all[k++] = &b->words.e[i];
	cmp_map = &b->words;
	qsort(all, k, sizeof *all, cmp_count_desc_str);
	static const char *const fixed[LM_NFIXED] = {"<unk>", "<s>", "</s>", "<num>"};
	size_t nv = LM_NFIXED;
	for (size_t i = 0; i < k && nv < LM_MAXVOCAB; i++) {
		const char *s = smap_str(&b->words, all[i]);
		int special = 0;
		for (int f = 0; f < LM_NFIXED; f++)
			special |= strcmp(s, fixed[f]) == 0;
		if (!special)
			nv++;
	}
	b->vocab = calloc(nv, sizeof *b->vocab);
	b->vcount = calloc(nv, sizeof *b->vcount);
	b->title_count = calloc(nv, sizeof *b->title_count);
	b->lower_count = calloc(nv, sizeof *b->lower_count);
	if (!b->vocab || !b->vcount || !b->title_count || !b->lower_count) {
		free(all);
		return -1;
	}
	for (int f = 0; f < LM_NFIXED; f++) {
		sentry *e = smap_get(&b->words, fixed[f], strlen(fixed[f]), 1);
		if (!e) {
			free(all);
			return -1;
		}
		e->id = f;
	}
	/* smap_get may have grown the table: re-collect the pointers. */
	k = 0;
	for (size_t i = 0; i < b->words.cap; i++)
		if (b->words.e[i].off && b->words.e[i].count >= (uint64_t)min_count)
			all[k++] = &b->words.e[i];
	qsort(all, k, sizeof *all, cmp_count_desc_str);
	for (int f = 0; f < LM_NFIXED; f++)
		b->vocab[f] = b->words.arena + smap_get(&b->words, fixed[f], strlen(fixed[f]), 0)->off;
	uint32_t id = LM_NFIXED;
	for (size_t i = 0; i < k && id < nv; i++) {
		if (all[i]->id >= 0 && all[i]->id < LM_NFIXED)
			continue;
		all[i]->id = (int32_t)id;
		b->vocab[id] = b->words.arena + all[i]->off;
		b->vcount[id] = all[i]->count;
		id++;
	}
	b->nvocab = id;
	free(all);
	return 0;
}

static int token_id(sohoa_lmb *b, const char *s, size_t n, int kind)
{
	if (kind == LM_TOK_NUM)
		return LM_NUM;
	if (token_key(b, s, n, kind))
		return -1;
	sentry *e = smap_get(&b->words, b->tmp.data, b->tmp.len, 0);
	return e && e->id >= 0 ? e->id : LM_UNK;
}

static int add_tri(sohoa_lmb *b, int x, int y, int z, int weight)
{
	nval *v = nmap_get(&b->tri, (uint64_t)x << 32 | (uint64_t)y << 16 | (uint64_t)z, 1);
	if (!v)
		return -1;
	v->c += (uint64_t)weight;
	v->seen++;
	return 0;
}

int sohoa_lmb_count_ngrams(sohoa_lmb *b, const char *text, size_t n, int weight)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && text[e] != '\n')
			e++;
		/* one line = one sentence: <s> <s> w1 .. wn </s> */
		int x = LM_BOS, y = LM_BOS, any = 0, starts = 1;
		size_t p = i;
		while (p < e) {
			int kind;
			size_t q = sohoa_lm_token(text, e, p, &kind);
			if (kind != LM_TOK_SPACE) {
				int z = token_id(b, text + p, q - p, kind);
				if (z < 0 || add_tri(b, x, y, z, weight))
					return -1;
				if (kind == LM_TOK_WORD && z >= LM_NFIXED && !starts) {
					int shape = sohoa_lm_case_shape(text + p, q - p);
					if (shape >= 0)
						(shape ? b->title_count : b->lower_count)[z] += (uint64_t)weight;
				}
				starts = sohoa_lm_sentence_start(text + p, q - p, kind);
				b->ntokens += (uint64_t)weight;
				x = y;
				y = z;
				any = 1;
			}
			p = q;
		}
		if (any && add_tri(b, x, y, LM_EOS, weight))
			return -1;
		i = e + 1;
	}
	return 0;
}

/* --- channel and gazetteer input --- */

static char *dup_lower_key(const char *s, size_t n)
{
	sohoa_buf k = {0};
	if (sohoa_viet_key(s, n, &k)) {
		sohoa_buf_free(&k);
		return NULL;
	}
	if (!k.data)
		return sohoa_strdup("");
	return sohoa_buf_steal(&k);
}

/* Split one TSV line into 3 fields; returns 1 if it has them. */
static int tsv3(const char *s, size_t n, const char **f, size_t *fl)
{
	int k = 0;
	size_t st = 0;
	for (size_t i = 0; i <= n && k < 3; i++) {
		if (i == n || s[i] == '\t') {
			f[k] = s + st;
			fl[k] = i - st;
			k++;
			st = i + 1;
		}
	}
	return k == 3;
}

int sohoa_lmb_channel_tokens(sohoa_lmb *b, const char *tsv, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && tsv[e] != '\n')
			e++;
		size_t le = e > i && tsv[e - 1] == '\r' ? e - 1 : e;
		const char *f[3];
		size_t fl[3];
		if (le > i && tsv[i] != '#' && tsv3(tsv + i, le - i, f, fl) && fl[0] && fl[1]) {
			double c = strtod(f[2], NULL);
			int id = token_id(b, f[1], fl[1], LM_TOK_WORD);
			char *obs = dup_lower_key(f[0], fl[0]);
			if (!obs)
				return -1;
			if (id < LM_NFIXED || c <= 0 || strlen(obs) > WORD_MAXBYTES) {
				free(obs);
			} else {
				if (b->nchan == b->capchan) {
					size_t nc = b->capchan ? b->capchan * 2 : 256;
					chan_entry *ne = realloc(b->chan, nc * sizeof *ne);
					if (!ne) {
						free(obs);
						return -1;
					}
					b->chan = ne;
					b->capchan = nc;
				}
				b->chan[b->nchan++] = (chan_entry){obs, id, c};
			}
		}
		i = e + 1;
	}
	return 0;
}

int sohoa_lmb_channel_chars(sohoa_lmb *b, const char *tsv, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && tsv[e] != '\n')
			e++;
		size_t le = e > i && tsv[e - 1] == '\r' ? e - 1 : e;
		const char *f[3];
		size_t fl[3];
		if (le > i && tsv[i] != '#' && tsv3(tsv + i, le - i, f, fl) && fl[0] && fl[0] < 12 && fl[1] < 12) {
			double c = strtod(f[2], NULL);
			if (c > 0) {
				if (b->nchr == b->capchr) {
					size_t nc = b->capchr ? b->capchr * 2 : 64;
					chr_entry *ne = realloc(b->chr, nc * sizeof *ne);
					if (!ne)
						return -1;
					b->chr = ne;
					b->capchr = nc;
				}
				chr_entry *ce = &b->chr[b->nchr++];
				memset(ce, 0, sizeof *ce);
				memcpy(ce->obs, f[0], fl[0]);
				memcpy(ce->intended, f[1], fl[1]);
				ce->count = c;
			}
		}
		i = e + 1;
	}
	return 0;
}

/* Gazetteer phrases are kept in the model; given after sohoa_lmb_vocab, their n-grams also count
 * as training text, GAZ_WEIGHT times and inside the phrase only (no sentence ends), so that the
 * decoder prefers the names ("tỉnh Lai Châu", "Sở Y tế") through the n-grams. */
#define GAZ_WEIGHT 3 /* measured: 0, 3 and 10 give the same accuracy, on names too (they are frequent) */

static int count_phrase(sohoa_lmb *b, const char *s, size_t n, int weight)
{
	int x = LM_UNK, y = -1;
	size_t p = 0;
	while (p < n) {
		int kind;
		size_t q = sohoa_lm_token(s, n, p, &kind);
		if (kind != LM_TOK_SPACE) {
			int z = token_id(b, s + p, q - p, kind);
			if (z < 0)
				return -1;
			if (y >= 0 && add_tri(b, x, y, z, weight))
				return -1;
			if (y >= 0)
				x = y;
			y = z;
		}
		p = q;
	}
	return 0;
}

int sohoa_lmb_gazetteer(sohoa_lmb *b, const char *phrase, size_t n)
{
	if (b->nvocab && count_phrase(b, phrase, n, GAZ_WEIGHT))
		return -1;
	if (b->ngaz == b->capgaz) {
		size_t nc = b->capgaz ? b->capgaz * 2 : 256;
		char **ng = realloc(b->gaz, nc * sizeof *ng);
		if (!ng)
			return -1;
		b->gaz = ng;
		b->capgaz = nc;
	}
	char *k = dup_lower_key(phrase, n);
	if (!k)
		return -1;
	b->gaz[b->ngaz++] = k;
	return 0;
}

/* --- estimation --- */

typedef struct discount { double d[4]; } discount; /* d[1], d[2], d[3] for counts 1, 2, 3+ */

static discount discounts(const uint64_t nc[5])
{
	discount D = {{0, 0.5, 1.0, 1.5}};
	if (nc[1] && nc[2] && nc[3] && nc[4]) {
		double Y = (double)nc[1] / ((double)nc[1] + 2.0 * (double)nc[2]);
		D.d[1] = 1 - 2 * Y * (double)nc[2] / (double)nc[1];
		D.d[2] = 2 - 3 * Y * (double)nc[3] / (double)nc[2];
		D.d[3] = 3 - 4 * Y * (double)nc[4] / (double)nc[3];
		for (int i = 1; i <= 3; i++)
			if (!(D.d[i] > 0.05) || D.d[i] > i)
				D.d[i] = 0.5 * i;
	}
	return D;
}

/* The discount of an n-gram with weighted count c seen r times: the discount of r, scaled by the
 * n-gram's average weight, so that counting a text k times changes no probability (domain text
 * is weighted up without turning its singletons into "seen three times"). */
static double disc(const discount *D, uint64_t c, uint64_t r)
{
	double d = D->d[r >= 3 ? 3 : r] * (double)c / (double)r;
	return d < (double)c ? d : (double)c * 0.5;
}

static void ctx_add(nval *v, uint64_t c, uint64_t r)
{
	int k = r >= 3 ? 2 : (int)r - 1;
	v->c += c;
	v->n[k]++;
	v->nw[k] += (float)((double)c / (double)r);
	v->n[3]++;
}

static double ctx_gamma(const nval *v, const discount *D)
{
	if (!v || !v->c)
		return 1.0;
	double g = (D->d[1] * v->nw[0] + D->d[2] * v->nw[1] + D->d[3] * v->nw[2]) / (double)v->c;
	return g > 1.0 ? 1.0 : (g < 1e-9 ? 1e-9 : g);
}

/* ln p as -q/100 in 12 bits (down to -40.95). */
static uint32_t q12(double lnp)
{
	long q = lrint(-lnp * 100);
	return (uint32_t)(q < 0 ? 0 : q > 4095 ? 4095 : q);
}

static int16_t q16(double lnp)
{
	double v = lnp * SOHOA_LM_SCALE;
	if (v < SOHOA_LM_FLOOR)
		v = SOHOA_LM_FLOOR;
	if (v > 0)
		v = 0;
	return (int16_t)lrint(v);
}

#define KEY_A(k) ((int)((k) >> 32 & 0xffff))
#define KEY_B(k) ((int)((k) >> 16 & 0xffff))
#define KEY_C(k) ((int)((k) & 0xffff))

/* Histogram threshold: the smallest score s such that at most cap items have score >= s. */
/* How much a bigram's use as a trigram context counts in its pruning score (per count). */
static double bigram_ctx_weight = 0.0;
/* Measured on held-out text and the seeds: 30 loses 0.3% (real rare forms go); 100, 300, 1000
 * and off are within 0.05% of each other, but from 300 up "chuyên đổi" comes back and "chuyen doi
 * so" is restored "chuyên đổi số" (tests/e2e/restore.sh). */
#define TYPO_RATIO 100

static double score_threshold(const float *score, size_t n, size_t cap)
{
	if (n <= cap)
		return -1.0;
	enum { NB = 8192 };
	static uint64_t hist[NB];
	memset(hist, 0, sizeof hist);
	/* bins on log2(score) from 2^-40 .. 2^40 */
	for (size_t i = 0; i < n; i++) {
		double l = score[i] > 0 ? log2(score[i]) : -40;
		int bin = (int)((l + 40) * (NB / 80.0));
		bin = bin < 0 ? 0 : bin >= NB ? NB - 1 : bin;
		hist[bin]++;
	}
	uint64_t acc = 0;
	for (int bin = NB - 1; bin >= 0; bin--) {
		if (acc + hist[bin] > cap)
			return exp2((bin + 1) / (NB / 80.0) - 40);
		acc += hist[bin];
	}
	return -1.0;
}

static size_t align8(size_t x)
{
	return (x + 7) & ~(size_t)7;
}

static int buf_pad(sohoa_buf *out)
{
	static const char zero[8] = {0};
	size_t p = align8(out->len) - out->len;
	return p ? sohoa_buf_append(out, zero, p) : 0;
}

static uint32_t slots_for(size_t n, double load)
{
	size_t s = (size_t)((double)n / load) + 1;
	return (uint32_t)(s < 16 ? 16 : s);
}

static int strip_lower(const char *s, sohoa_buf *out)
{
	size_t n = strlen(s);
	size_t st = out->len;
	if (sohoa_viet_strip(s, n, out))
		return -1;
	for (size_t i = st; i < out->len; i++)
		if (out->data[i] >= 'A' && out->data[i] <= 'Z')
			out->data[i] = (char)(out->data[i] + 32);
	return 0;
}

static int is_word_id(const sohoa_lmb *b, uint32_t id)
{
	uint32_t cp;
	const char *s = b->vocab[id];
	if (id < LM_NFIXED || !*s)
		return 0;
	sohoa_utf8_decode(s, strlen(s), &cp);
	return sohoa_lm_is_letter(cp);
}

typedef struct grp { uint32_t str; uint32_t first; uint32_t n; } grp;

static const sohoa_lmb *sort_b;
static int cmp_id_count(const void *x, const void *y)
{
	uint16_t a = *(const uint16_t *)x, c = *(const uint16_t *)y;
	if (sort_b->vcount[a] != sort_b->vcount[c])
		return sort_b->vcount[a] < sort_b->vcount[c] ? 1 : -1;
	return a < c ? -1 : a > c;
}

/* The case section (lm.h case_off): per id, ln P(Title | word) and ln P(lower | word) from the
 * counts of uses not at a sentence start, smoothed towards the rate over all words (a word seen
 * a few times keeps near that rate). NULL when out of memory. */
static int8_t *case_section(const sohoa_lmb *b)
{
	const double alpha = 2.0;
	uint32_t V = b->nvocab;
	int8_t *c = calloc((size_t)V * 2 + 8, 1);
	if (!c)
		return NULL;
	double title = 0, all = 0;
	for (uint32_t id = LM_NFIXED; id < V; id++) {
		title += (double)b->title_count[id];
		all += (double)(b->title_count[id] + b->lower_count[id]);
	}
	double prior = all > 0 ? title / all : 0.5;
	if (prior < 0.01)
		prior = 0.01;
	if (prior > 0.99)
		prior = 0.99;
	for (uint32_t id = LM_NFIXED; id < V; id++) {
		double t = (double)b->title_count[id], l = (double)b->lower_count[id];
		double pt = (t + alpha * prior) / (t + l + alpha), pl = (l + alpha * (1 - prior)) / (t + l + alpha);
		double qt = floor(log(pt) * SOHOA_LM_CASE_UNIT + 0.5), ql = floor(log(pl) * SOHOA_LM_CASE_UNIT + 0.5);
		c[2 * id] = (int8_t)(qt < -127 ? -127 : qt);
		c[2 * id + 1] = (int8_t)(ql < -127 ? -127 : ql);
	}
	return c;
}

/* One estimation and layout. The budget is split from an estimate of the fixed sections, less
 * slack (bytes the estimate is known to overshoot by); *all_kept is set when nothing was pruned. */
static int write_model(sohoa_lmb *b, const sohoa_lmb_options *opt, long slack, const uint8_t digest[32],
		       sohoa_buf *out, char *msg, size_t msgsize, int *all_kept)
{
	int rc = -1;
	size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : 25000000;
	uint32_t V = b->nvocab;
	nmap ctx3 = {0}, bi = {0};
	double *p1 = NULL;
	nval *ctx2 = NULL;
	float *score = NULL;
	uint64_t *keep_bi = NULL, *keep_tri = NULL;
	float *keep_tri_p = NULL;
	sohoa_buf blob = {0};
	uint32_t *word_off = NULL;
	sohoa_lm_uni *uni = NULL;
	uint16_t *vhash = NULL;
	uint32_t *ghash = NULL;
	grp *groups = NULL;
	uint16_t *cands = NULL;
	uint16_t *gnum = NULL; /* the gof section: each id's candidate group */
	sohoa_lm_bigram *btab = NULL;
	uint32_t *ttab = NULL;
	msg[0] = 0;
	if (!V) {
		snprintf(msg, msgsize, "no vocabulary");
		return -1;
	}

	/* Trigram level: context stats per (a,b); continuation counts of (b,c). */
	uint64_t nc3[5] = {0}, nc2[5] = {0};
	for (size_t i = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		uint64_t key = b->tri.k[i] - 1, c = b->tri.v[i].c, r = b->tri.v[i].seen;
		if (r <= 4)
			nc3[r]++;
		nval *cv = nmap_get(&ctx3, key >> 16, 1);
		nval *bv = nmap_get(&bi, key & 0xffffffffULL, 1);
		if (!cv || !bv)
			goto nomem;
		ctx_add(cv, c, r);
		/* <s> has no left context: counts, not continuation counts */
		bv->c += KEY_B(key) == LM_BOS ? c : 1;
		bv->seen += KEY_B(key) == LM_BOS ? (uint32_t)r : 1;
		bv->raw += c;
	}
	discount D3 = discounts(nc3);
	/* Bigram level: context stats per b; continuation counts of c. */
	ctx2 = calloc(V, sizeof *ctx2);
	p1 = calloc(V, sizeof *p1);
	if (!ctx2 || !p1)
		goto nomem;
	double cc1_total = 0;
	for (size_t i = 0; i < bi.cap; i++) {
		if (!bi.k[i])
			continue;
		uint64_t key = bi.k[i] - 1, c = bi.v[i].c, r = bi.v[i].seen;
		if (r <= 4)
			nc2[r]++;
		ctx_add(&ctx2[KEY_B(key)], c, r);
		p1[KEY_C(key)] += 1;
		cc1_total += 1;
	}
	discount D2 = discounts(nc2);
	/* (<s>,<s>) is a trigram context but never a bigram: keep an entry for its backoff weight. */
	{
		nval *v = nmap_get(&bi, (uint64_t)LM_BOS << 16 | LM_BOS, 1);
		if (!v)
			goto nomem;
	}
	/* Unigram: continuation counts, smoothed toward uniform. */
	for (uint32_t c = 0; c < V; c++)
		p1[c] = (p1[c] + 0.5) / (cc1_total + 0.5 * V);
	p1[LM_BOS] = 1e-9;
	/* Typos: a bigram whose stripped form has a sibling TYPO_RATIO times more frequent ("chuyên
	 * đổi" beside "chuyển đổi") is noise for restoration; it is not stored (so neither are its
	 * trigrams), and restoring falls back to the words' other evidence. */
	nmap sib = {0};
	uint32_t *gid = malloc(V * sizeof *gid);
	if (!gid)
		goto nomem;
	{
		smap gm = {0};
		sohoa_buf sb = {0};
		uint32_t ng = 0;
		for (uint32_t id = 0; id < V; id++) {
			gid[id] = 0x100000u + id;
			sb.len = 0;
			if (!is_word_id(b, id) || strip_lower(b->vocab[id], &sb) || !sb.data)
				continue;
			sentry *e = smap_get(&gm, sb.data, sb.len, 1);
			if (!e)
				break;
			if (e->id < 0)
				e->id = (int32_t)ng++;
			gid[id] = (uint32_t)e->id;
		}
		smap_free(&gm);
		sohoa_buf_free(&sb);
	}
	for (size_t i = 0; i < bi.cap; i++) {
		if (!bi.k[i])
			continue;
		uint64_t key = bi.k[i] - 1;
		nval *sv = nmap_get(&sib, (uint64_t)gid[KEY_B(key)] << 21 | gid[KEY_C(key)], 1);
		if (!sv) {
			free(gid);
			nmap_free(&sib);
			goto nomem;
		}
		if (bi.v[i].raw > sv->c)
			sv->c = bi.v[i].raw;
	}
	/* Bigram probabilities and bigram pruning by raw frequency. */
	size_t nbi = 0;
	score = malloc((bi.n + 1) * sizeof *score);
	if (!score) {
		free(gid);
		nmap_free(&sib);
		goto nomem;
	}
	for (size_t i = 0; i < bi.cap; i++) {
		if (!bi.k[i])
			continue;
		uint64_t key = bi.k[i] - 1;
		int x = KEY_B(key), y = KEY_C(key);
		nval *v = &bi.v[i];
		const nval *cx = &ctx2[x];
		v->bow = (float)log(ctx_gamma(nmap_get(&ctx3, key, 0), &D3));
		if (!v->c) { /* the (<s>,<s>) context entry */
			v->logp = (float)log(ctx_gamma(cx, &D2) * p1[y]);
			v->raw = 1;
			score[nbi++] = 1e30f;
			continue;
		}
		double g2 = ctx_gamma(cx, &D2);
		double p = (v->c - disc(&D2, v->c, v->seen)) / (double)cx->c + g2 * p1[y];
		v->logp = (float)log(p);
		/* what dropping it would cost: its count times how far backoff would be off; contexts
		 * of trigrams get the trigram mass they carry too */
		double loss = (double)v->raw * fabs(log(p) - log(g2 * p1[y]));
		nval *cv = nmap_get(&ctx3, key, 0);
		if (cv)
			loss += bigram_ctx_weight * (double)cv->c;
		nval *sv = nmap_get(&sib, (uint64_t)gid[x] << 21 | gid[y], 0);
		int typo = sv && v->raw * TYPO_RATIO < sv->c;
		score[nbi++] = (x == LM_UNK || y == LM_UNK || typo) ? 0 : (float)loss + 1e-6f;
	}
	free(gid);
	nmap_free(&sib);
	/* Budget: fixed sections ~ V*40 bytes, bigrams 8/0.75 each, trigrams 4/0.75 each. */
	size_t fixed_bytes = (size_t)V * 50 + 65536 * 8 + b->nchan * 40 + b->ngaz * 40 + 4096;
	if (slack > 0)
		fixed_bytes = (size_t)slack < fixed_bytes / 2 ? fixed_bytes - (size_t)slack : fixed_bytes / 2;
	else
		fixed_bytes += (size_t)-slack;
	if (fixed_bytes >= max_bytes) {
		snprintf(msg, msgsize, "budget of %zu bytes too small", max_bytes);
		goto fail;
	}
	size_t avail = max_bytes - fixed_bytes;
	size_t max_bi = opt && opt->max_bigrams ? opt->max_bigrams : (size_t)(avail * 0.5 / (8 / 0.75));
	double bthr = score_threshold(score, nbi, max_bi);
	size_t kb = 0;
	keep_bi = malloc((nbi < max_bi ? nbi : max_bi) * sizeof *keep_bi + 8);
	if (!keep_bi)
		goto nomem;
	for (size_t i = 0, s = 0; i < bi.cap; i++) {
		if (!bi.k[i])
			continue;
		float sc = score[s++];
		if (sc > 0 && sc >= bthr && kb < max_bi) {
			keep_bi[kb++] = bi.k[i] - 1;
		} else {
			bi.v[i].raw = 0; /* marks "pruned" */
		}
	}
	/* What the bigrams take: their table at load 0.75 and, as in version 2, a Bloom filter of
	 * 16 bits a bigram (a power of two). Version 3 has no filter: its bytes, less the group
	 * numbers', make the table sparser (load about 0.64), so that the file has the size and the
	 * n-grams that version 2 had. */
	unsigned bloom_lg = 10;
	while (((size_t)8 << bloom_lg) * 8 < kb * 16 && bloom_lg < 24)
		bloom_lg++;
	size_t used = (size_t)(kb * 8 / 0.75) + ((size_t)8 << bloom_lg);
	size_t max_tri = used < avail ? (size_t)((avail - used) / (4 / 0.75)) : 0;
	/* Trigram probabilities; score = count * |ln P3 - ln(gamma P2)|. */
	free(score);
	score = malloc((b->tri.n + 1) * sizeof *score);
	if (!score)
		goto nomem;
	size_t ntri = 0;
	for (size_t i = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		uint64_t key = b->tri.k[i] - 1, c = b->tri.v[i].c, r = b->tri.v[i].seen;
		nval *cv = nmap_get(&ctx3, key >> 16, 0);
		nval *bv = nmap_get(&bi, key & 0xffffffffULL, 0);
		nval *ab = nmap_get(&bi, key >> 16, 0);
		double g = ctx_gamma(cv, &D3);
		double p2 = exp(bv->logp);
		double p = (c - disc(&D3, c, r)) / (double)cv->c + g * p2;
		b->tri.v[i].logp = (float)log(p);
		int usable = KEY_A(key) != LM_UNK && KEY_B(key) != LM_UNK && KEY_C(key) != LM_UNK &&
			     ab && ab->raw && bv->raw;
		score[ntri++] = usable ? (float)((double)c * fabs(log(p) - log(g * p2))) + 1e-6f : 0;
	}
	double tthr = score_threshold(score, ntri, max_tri);
	size_t kt = 0;
	keep_tri = malloc(((ntri < max_tri ? ntri : max_tri) + 1) * sizeof *keep_tri);
	keep_tri_p = malloc(((ntri < max_tri ? ntri : max_tri) + 1) * sizeof *keep_tri_p);
	if (!keep_tri || !keep_tri_p)
		goto nomem;
	for (size_t i = 0, s = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		float sc = score[s++];
		if (sc > 0 && sc >= tthr && kt < max_tri) {
			keep_tri[kt] = b->tri.k[i] - 1;
			keep_tri_p[kt] = b->tri.v[i].logp;
			kt++;
		}
	}

	/* --- serialize --- */
	sohoa_lm_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, SOHOA_LM_MAGIC, 8);
	h.version = SOHOA_LM_VERSION;
	h.order = 3;
	if (digest)
		memcpy(h.digest, digest, 32);
	h.nvocab = V;
	h.ntokens = b->ntokens;
	/* strings */
	if (sohoa_buf_append(&blob, "", 1))
		goto nomem;
	word_off = malloc(V * sizeof *word_off);
	uni = malloc(V * sizeof *uni);
	if (!word_off || !uni)
		goto nomem;
	for (uint32_t id = 0; id < V; id++) {
		word_off[id] = (uint32_t)blob.len;
		if (sohoa_buf_append(&blob, b->vocab[id], strlen(b->vocab[id]) + 1))
			goto nomem;
		uni[id].logp = q16(log(p1[id]));
		uni[id].bow = q16(log(ctx_gamma(&ctx2[id], &D2)));
	}
	uni[LM_BOS].logp = SOHOA_LM_FLOOR;
	h.vhash_slots = slots_for(V, 0.5);
	vhash = calloc(h.vhash_slots, sizeof *vhash);
	if (!vhash)
		goto nomem;
	for (uint32_t id = 0; id < V; id++) {
		const char *w = b->vocab[id];
		uint32_t j = sohoa_lm_range(sohoa_lm_hash_str(w, strlen(w)), h.vhash_slots);
		while (vhash[j])
			j = j + 1 == h.vhash_slots ? 0 : j + 1;
		vhash[j] = (uint16_t)(id + 1);
	}
	/* candidate groups by stripped form */
	{
		smap gm = {0};
		sohoa_buf sb = {0};
		uint32_t *gof = calloc(V, sizeof *gof);
		size_t ng = 0;
		int ok = gof != NULL;
		groups = calloc(V, sizeof *groups);
		cands = calloc(V + 1, sizeof *cands);
		ok = ok && groups && cands;
		for (uint32_t id = 0; ok && id < V; id++) {
			if (!is_word_id(b, id))
				continue;
			sb.len = 0;
			if (strip_lower(b->vocab[id], &sb) || !sb.data) {
				ok = 0;
				break;
			}
			sentry *e = smap_get(&gm, sb.data, sb.len, 1);
			if (!e) {
				ok = 0;
				break;
			}
			if (e->id < 0) {
				e->id = (int32_t)ng;
				groups[ng].str = (uint32_t)blob.len;
				if (sohoa_buf_append(&blob, sb.data, sb.len + 1))
					ok = 0;
				ng++;
			}
			groups[e->id].n++;
			gof[id] = (uint32_t)e->id + 1;
		}
		/* lay out candidates group by group */
		uint32_t pos = 0;
		for (size_t g = 0; ok && g < ng; g++) {
			groups[g].first = pos;
			pos += groups[g].n;
			groups[g].n = 0;
		}
		for (uint32_t id = 0; ok && id < V; id++)
			if (gof[id]) {
				grp *g = &groups[gof[id] - 1];
				cands[g->first + g->n++] = (uint16_t)id;
			}
		sort_b = b;
		for (size_t g = 0; ok && g < ng; g++)
			qsort(cands + groups[g].first, groups[g].n, sizeof *cands, cmp_id_count);
		h.ngroups = (uint32_t)ng;
		h.ghash_slots = slots_for(ng, 0.5);
		ghash = ok ? calloc(h.ghash_slots, sizeof *ghash) : NULL;
		for (size_t g = 0; ghash && g < ng; g++) {
			const char *w = blob.data + groups[g].str;
			uint32_t j = sohoa_lm_range(sohoa_lm_hash_str(w, strlen(w)), h.ghash_slots);
			while (ghash[j])
				j = j + 1 == h.ghash_slots ? 0 : j + 1;
			ghash[j] = (uint32_t)g + 1;
		}
		/* group numbers: the group, or one of its own after them for an id in none */
		gnum = ok ? calloc(V + 1, sizeof *gnum) : NULL;
		size_t ngof = ng;
		for (uint32_t id = 0; gnum && id < V; id++)
			gnum[id] = (uint16_t)(gof[id] ? gof[id] - 1 : ngof++);
		h.ngof = ngof;
		smap_free(&gm);
		sohoa_buf_free(&sb);
		free(gof);
		if (!gnum)
			goto nomem;
		if (!ghash)
			goto nomem;
	}
	/* bigram and trigram tables */
	h.nbigrams = kb;
	h.bigram_slots = slots_for(kb, 0.75);
	{
		size_t filter = (size_t)8 << bloom_lg, gof_bytes = ((size_t)V * 2 + 7) & ~(size_t)7;
		if (filter > gof_bytes)
			h.bigram_slots += (uint32_t)((filter - gof_bytes) / 8);
	}
	btab = calloc(h.bigram_slots, sizeof *btab);
	if (!btab)
		goto nomem;
	for (size_t i = 0; i < kb; i++) {
		uint32_t key = (uint32_t)keep_bi[i];
		nval *v = nmap_get(&bi, keep_bi[i], 0);
		uint32_t j = sohoa_lm_range(sohoa_lm_bigram_hash((int)(key >> 16), gnum[key & 0xffff]), h.bigram_slots);
		while (btab[j].key)
			j = j + 1 == h.bigram_slots ? 0 : j + 1;
		btab[j].key = key;
		btab[j].val = q12(v->logp) | (uint32_t)q12(v->bow) << 12;
	}
	h.ntrigrams = kt;
	h.trigram_slots = slots_for(kt, 0.75);
	ttab = calloc(h.trigram_slots, sizeof *ttab);
	if (!ttab)
		goto nomem;
	for (size_t i = 0; i < kt; i++) {
		uint64_t hh = sohoa_lm_trigram_hash(KEY_A(keep_tri[i]), KEY_B(keep_tri[i]), gnum[KEY_C(keep_tri[i])]);
		uint32_t fp = sohoa_lm_trigram_fp(hh, KEY_C(keep_tri[i]));
		uint32_t j = sohoa_lm_range(hh, h.trigram_slots);
		while (ttab[j])
			j = j + 1 == h.trigram_slots ? 0 : j + 1;
		long q = lrint(-keep_tri_p[i] * 10);
		ttab[j] = fp << 8 | (uint32_t)(q < 0 ? 0 : q > 255 ? 255 : q);
		/* mark the first word in the bigram entry of (b,c) */
		uint32_t bkey = (uint32_t)(keep_tri[i] & 0xffffffffULL);
		uint32_t bj = sohoa_lm_range(sohoa_lm_bigram_hash((int)(bkey >> 16), gnum[bkey & 0xffff]), h.bigram_slots);
		while (btab[bj].key && btab[bj].key != bkey)
			bj = bj + 1 == h.bigram_slots ? 0 : bj + 1;
		if (btab[bj].key == bkey)
			btab[bj].val |= (uint32_t)1 << (24 + sohoa_lm_sigbit(KEY_A(keep_tri[i])));
	}
	/* channel tokens: ln P(observed | intended) */
	sohoa_lm_chan_tok *ctok = NULL;
	uint32_t *cthash = NULL;
	sohoa_lm_chan_cand *clist = NULL;
	size_t nct = 0;
	{
		double *tot = calloc(V, sizeof *tot);
		smap cm = {0};
		ctok = calloc(b->nchan + 1, sizeof *ctok);
		clist = calloc(b->nchan + 1, sizeof *clist);
		int ok = tot && ctok && clist;
		for (size_t i = 0; ok && i < b->nchan; i++)
			tot[b->chan[i].id] += b->chan[i].count;
		/* group entries by observed string, in input order */
		uint32_t *cnt = calloc(b->nchan + 1, sizeof *cnt);
		uint32_t *which = calloc(b->nchan + 1, sizeof *which);
		ok = ok && cnt && which;
		for (size_t i = 0; ok && i < b->nchan; i++) {
			sentry *e = smap_get(&cm, b->chan[i].obs, strlen(b->chan[i].obs), 1);
			if (!e) {
				ok = 0;
				break;
			}
			if (e->id < 0) {
				e->id = (int32_t)nct;
				ctok[nct].str = (uint32_t)blob.len;
				if (sohoa_buf_append(&blob, b->chan[i].obs, strlen(b->chan[i].obs) + 1))
					ok = 0;
				nct++;
			}
			which[i] = (uint32_t)e->id;
			cnt[e->id]++;
		}
		uint32_t pos = 0;
		for (size_t t = 0; ok && t < nct; t++) {
			ctok[t].list = pos;
			pos += cnt[t];
		}
		for (size_t i = 0; ok && i < b->nchan; i++) {
			sohoa_lm_chan_tok *t = &ctok[which[i]];
			clist[t->list + t->n].id = (uint16_t)b->chan[i].id;
			clist[t->list + t->n].logp = q16(log(b->chan[i].count / tot[b->chan[i].id]));
			t->n++;
		}
		h.nchan_tok = (uint32_t)nct;
		h.chan_tok_slots = nct ? slots_for(nct, 0.5) : 0;
		cthash = ok ? calloc(h.chan_tok_slots + 1, sizeof *cthash) : NULL;
		for (size_t t = 0; cthash && t < nct; t++) {
			const char *w = blob.data + ctok[t].str;
			uint32_t j = sohoa_lm_range(sohoa_lm_hash_str(w, strlen(w)), h.chan_tok_slots);
			while (cthash[j])
				j = j + 1 == h.chan_tok_slots ? 0 : j + 1;
			cthash[j] = (uint32_t)t + 1;
		}
		free(tot);
		free(cnt);
		free(which);
		smap_free(&cm);
		if (!cthash) {
			free(ctok);
			free(clist);
			goto nomem;
		}
	}
	/* channel chars: ln P(observed | intended) within each intended string */
	sohoa_lm_chan_chr *cchr = calloc(b->nchr + 1, sizeof *cchr);
	uint32_t *gz = calloc(b->ngaz + 1, sizeof *gz);
	if (!cchr || !gz) {
		free(cchr);
		free(gz);
		free(ctok);
		free(clist);
		free(cthash);
		goto nomem;
	}
	for (size_t i = 0; i < b->nchr; i++) {
		double tot = 0;
		for (size_t j = 0; j < b->nchr; j++)
			if (strcmp(b->chr[i].intended, b->chr[j].intended) == 0)
				tot += b->chr[j].count;
		memcpy(cchr[i].obs, b->chr[i].obs, 12);
		memcpy(cchr[i].intended, b->chr[i].intended, 12);
		cchr[i].logp = (int32_t)lrint(log(b->chr[i].count / tot) * SOHOA_LM_SCALE);
	}
	h.nchan_chr = (uint32_t)b->nchr;
	for (size_t i = 0; i < b->ngaz; i++) {
		gz[i] = (uint32_t)blob.len;
		if (sohoa_buf_append(&blob, b->gaz[i], strlen(b->gaz[i]) + 1))
			break;
	}
	h.ngaz = (uint32_t)b->ngaz;
	/* layout */
	out->len = 0;
	int bad = sohoa_buf_append(out, (const char *)&h, sizeof h);
#define SECTION(field, ptr, bytes)                                                        \
	do {                                                                              \
		bad = bad || buf_pad(out);                                                \
		h.field = out->len;                                                       \
		bad = bad || ((bytes) != 0 && sohoa_buf_append(out, (const char *)(ptr), (bytes))); \
	} while (0)
	SECTION(str_off, blob.data, blob.len);
	SECTION(word_off, word_off, (size_t)V * 4);
	SECTION(uni_off, uni, (size_t)V * sizeof *uni);
	SECTION(vhash_off, vhash, (size_t)h.vhash_slots * 2);
	{
		sohoa_lm_group *lg = calloc(h.ngroups + 1, sizeof *lg);
		bad = bad || !lg;
		for (uint32_t g = 0; lg && g < h.ngroups; g++)
			lg[g] = (sohoa_lm_group){groups[g].str, groups[g].first, groups[g].n};
		SECTION(group_off, lg, (size_t)h.ngroups * sizeof *lg);
		free(lg);
	}
	SECTION(ghash_off, ghash, (size_t)h.ghash_slots * 4);
	SECTION(cand_off, cands, (size_t)V * 2);
	SECTION(bigram_off, btab, h.bigram_slots * sizeof *btab);
	SECTION(trigram_off, ttab, h.trigram_slots * 4);
	SECTION(chan_tok_off, ctok, nct * sizeof *ctok);
	SECTION(chan_tok_hash_off, cthash, (size_t)h.chan_tok_slots * 4);
	SECTION(chan_list_off, clist, b->nchan * sizeof *clist);
	SECTION(chan_chr_off, cchr, b->nchr * sizeof *cchr);
	SECTION(gaz_off, gz, b->ngaz * 4);
	SECTION(gof_off, gnum, (size_t)V * 2);
	int8_t *casep = case_section(b);
	bad = bad || !casep;
	SECTION(case_off, casep, (size_t)V * 2);
	free(casep);
	bad = bad || buf_pad(out);
#undef SECTION
	free(ctok);
	free(clist);
	free(cthash);
	free(cchr);
	free(gz);
	if (bad)
		goto nomem;
	h.file_size = out->len;
	memcpy(out->data, &h, sizeof h);
	*all_kept = kb == nbi && kt == ntri;
	snprintf(msg, msgsize,
		 "vocab %u, groups %u, bigrams %zu of %zu, trigrams %zu of %zu, channel %zu tokens %zu chars, "
		 "gazetteer %zu, %zu bytes; D3 %.2f %.2f %.2f D2 %.2f %.2f %.2f",
		 V, h.ngroups, kb, nbi, kt, ntri, nct, b->nchr, b->ngaz, out->len, D3.d[1], D3.d[2], D3.d[3],
		 D2.d[1], D2.d[2], D2.d[3]);
	rc = 0;
	goto fail;
nomem:
	snprintf(msg, msgsize, "out of memory");
fail:
	nmap_free(&ctx3);
	nmap_free(&bi);
	free(p1);
	free(ctx2);
	free(score);
	free(keep_bi);
	free(keep_tri);
	free(keep_tri_p);
	sohoa_buf_free(&blob);
	free(word_off);
	free(uni);
	free(vhash);
	free(ghash);
	free(groups);
	free(cands);
	free(gnum);
	free(btab);
	free(ttab);
	return rc;
}

int sohoa_lmb_write(sohoa_lmb *b, const sohoa_lmb_options *opt, const uint8_t digest[32], sohoa_buf *out,
		    char *msg, size_t msgsize)
{
	/* The fixed sections are estimated before they are laid out; rebuild with the estimate
	 * corrected until the file fills the budget to within 64 KB (one or two more passes). */
	size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : 25000000;
	long slack = 0;
	for (int pass = 0;; pass++) {
		int all_kept = 0;
		if (write_model(b, opt, slack, digest, out, msg, msgsize, &all_kept))
			return -1;
		long spare = (long)max_bytes - (long)out->len;
		if (all_kept && spare >= 0)
			return 0;
		if ((spare >= 0 && spare < 65536) || pass == 3)
			break;
		slack += spare - 32768;
	}
	if (out->len > max_bytes) {
		snprintf(msg, msgsize, "model of %zu bytes over the budget of %zu", out->len, max_bytes);
		return -1;
	}
	return 0;
}

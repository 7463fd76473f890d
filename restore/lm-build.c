/* lm-build: the model builder's counts (see lm.h): the vocabulary, the n-grams with their
 * weights, the case of words inside sentences, the channel tables and the gazetteer; the maps
 * that hold them (lm-int.h). lm-estimate.c and lm-write.c make the model from them. Used by
 * tools/model/build-model.c and by the unit tests, which build a tiny model in memory. */
#include "lm-int.h"
#include "../core/array.h"
#include "../core/viet.h"

#include <stdlib.h>
#include <string.h>

/* --- a string -> (count, id) map with an arena --- */

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

sentry *lmb_smap_get(smap *m, const char *s, size_t n, int create)
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
	if (!m->alen)
		m->alen = 1; /* offset 0 means empty */
	if (SOHOA_GROW(m->arena, m->alen + n + 1, m->acap))
		return NULL;
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

void lmb_smap_free(smap *m)
{
	free(m->e);
	free(m->arena);
	memset(m, 0, sizeof *m);
}

/* --- a uint64 -> value map (keys stored +1 so 0 marks an empty slot) --- */

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

nval *lmb_nmap_get(nmap *m, uint64_t key, int create)
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

void lmb_nmap_free(nmap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* --- the builder --- */

sohoa_lmb *sohoa_lmb_new(void)
{
	return calloc(1, sizeof(sohoa_lmb));
}

void sohoa_lmb_free(sohoa_lmb *b)
{
	if (!b)
		return;
	lmb_smap_free(&b->words);
	free(b->vocab);
	free(b->vcount);
	free(b->title_count);
	free(b->lower_count);
	lmb_nmap_free(&b->tri);
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

/* Count the words (and with punct, the punctuation) of text[0..n) weight times each. */
static int count_tokens(sohoa_lmb *b, const char *text, size_t n, int weight, int punct)
{
	size_t i = 0;
	while (i < n) {
		int kind;
		size_t j = sohoa_lm_token(text, n, i, &kind);
		if (kind == LM_TOK_WORD || (punct && kind == LM_TOK_PUNCT)) {
			if (token_key(b, text + i, j - i, kind))
				return -1;
			sentry *e = lmb_smap_get(&b->words, b->tmp.data, b->tmp.len, 1);
			if (!e)
				return -1;
			e->count += (uint64_t)weight;
		}
		i = j;
	}
	return 0;
}

int sohoa_lmb_count_words(sohoa_lmb *b, const char *text, size_t n, int weight)
{
	return count_tokens(b, text, n, weight, 1);
}

int sohoa_lmb_add_lexicon(sohoa_lmb *b, const char *word, size_t n, int count)
{
	return count_tokens(b, word, n, count, 0);
}

static int cmp_count_desc(const void *x, const void *y)
{
	const sentry *a = *(const sentry *const *)x, *c = *(const sentry *const *)y;
	if (a->count != c->count)
		return a->count < c->count ? 1 : -1;
	/* ties: byte order, so the build is deterministic */
	return 0;
}

const char *lmb_smap_str(const smap *m, const sentry *e)
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
	return strcmp(lmb_smap_str(cmp_map, a), lmb_smap_str(cmp_map, c));
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
		const char *s = lmb_smap_str(&b->words, all[i]);
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
		sentry *e = lmb_smap_get(&b->words, fixed[f], strlen(fixed[f]), 1);
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
		b->vocab[f] = b->words.arena + lmb_smap_get(&b->words, fixed[f], strlen(fixed[f]), 0)->off;
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
	sentry *e = lmb_smap_get(&b->words, b->tmp.data, b->tmp.len, 0);
	return e && e->id >= 0 ? e->id : LM_UNK;
}

static int add_tri(sohoa_lmb *b, int x, int y, int z, int weight)
{
	nval *v = lmb_nmap_get(&b->tri, (uint64_t)x << 32 | (uint64_t)y << 16 | (uint64_t)z, 1);
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

/* Call row for each line of tsv[0..n) with three tab-separated fields (not empty, not a # comment):
 * f[k] its fields, fl[k] their lengths. Stops at the first row that returns -1, and returns it. */
static int tsv_rows(sohoa_lmb *b, const char *tsv, size_t n,
		    int (*row)(sohoa_lmb *b, const char **f, const size_t *fl))
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && tsv[e] != '\n')
			e++;
		size_t le = e > i && tsv[e - 1] == '\r' ? e - 1 : e;
		const char *f[3];
		size_t fl[3];
		if (le > i && tsv[i] != '#' && tsv3(tsv + i, le - i, f, fl) && row(b, f, fl))
			return -1;
		i = e + 1;
	}
	return 0;
}

/* observed, intended syllable, count */
static int channel_token_row(sohoa_lmb *b, const char **f, const size_t *fl)
{
	if (!fl[0] || !fl[1])
		return 0;
	double c = strtod(f[2], NULL);
	int id = token_id(b, f[1], fl[1], LM_TOK_WORD);
	char *obs = dup_lower_key(f[0], fl[0]);
	if (!obs)
		return -1;
	if (id < LM_NFIXED || c <= 0 || strlen(obs) > WORD_MAXBYTES) {
		free(obs);
		return 0;
	}
	if (SOHOA_GROW(b->chan, b->nchan + 1, b->capchan)) {
		free(obs);
		return -1;
	}
	b->chan[b->nchan++] = (chan_entry){obs, id, c};
	return 0;
}

int sohoa_lmb_channel_tokens(sohoa_lmb *b, const char *tsv, size_t n)
{
	return tsv_rows(b, tsv, n, channel_token_row);
}

/* observed, intended substring (under 12 bytes each), count */
static int channel_char_row(sohoa_lmb *b, const char **f, const size_t *fl)
{
	if (!fl[0] || fl[0] >= 12 || fl[1] >= 12)
		return 0;
	double c = strtod(f[2], NULL);
	if (c <= 0)
		return 0;
	if (SOHOA_GROW(b->chr, b->nchr + 1, b->capchr))
		return -1;
	chr_entry *ce = &b->chr[b->nchr++];
	memset(ce, 0, sizeof *ce);
	memcpy(ce->obs, f[0], fl[0]);
	memcpy(ce->intended, f[1], fl[1]);
	ce->count = c;
	return 0;
}

int sohoa_lmb_channel_chars(sohoa_lmb *b, const char *tsv, size_t n)
{
	return tsv_rows(b, tsv, n, channel_char_row);
}

/* Gazetteer phrases are kept in the model; given after sohoa_lmb_vocab, their n-grams also count
 * as training text, GAZ_WEIGHT times and inside the phrase only (no sentence ends), so that the
 * decoder prefers the names ("tỉnh Lai Châu", "Sở Y tế") through the n-grams. */
#define GAZ_WEIGHT 3

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
	if (SOHOA_GROW(b->gaz, b->ngaz + 1, b->capgaz))
		return -1;
	char *k = dup_lower_key(phrase, n);
	if (!k)
		return -1;
	b->gaz[b->ngaz++] = k;
	return 0;
}


/* adapt: the eng-OCR channel adapted to the batch being restored (restore.h sohoa_channel_*,
 * restore-int.h restore_adapt_*). Counts which word each observed token was read as by the
 * exploring decode, and turns the counts into the readings the final decode uses in place of the
 * shipped ones: P(token | word) = LAMBDA * count(token, word) / count(word) + (1 - LAMBDA) *
 * the shipped P, for the pairs the batch saw often enough. */
#include "restore-int.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define LAMBDA 0.7       /* weight of the batch's counts against the shipped channel */
#define MIN_LETTERS 2    /* times a token of letters must be read as a word to be learned */
#define MIN_SYMBOLS 3    /* the same for a token with digits or symbols ("18" for lệ) */
#define NONE UINT32_MAX

typedef struct ad_key {
	uint32_t str, len;  /* the token's key in strs */
	uint32_t first;     /* its first pair, NONE: none */
	uint8_t symbols;    /* it has a character that is not a letter */
	uint8_t touched;    /* counted since its readings were built */
	uint8_t nread;
	sohoa_lm_chan_cand read[RESTORE_MAXC]; /* the learned readings; nread 0: the shipped ones */
} ad_key;

typedef struct ad_pair {
	uint32_t key, next, n; /* next: the key's next pair */
	uint16_t id;
} ad_pair;

struct sohoa_channel {
	pthread_rwlock_t lock;
	int learning;
	const sohoa_model *m; /* bound to */
	sohoa_buf strs;       /* the keys' text */
	ad_key *keys;
	size_t nkeys, capkeys;
	uint32_t *khash; /* index + 1 */
	size_t kslots;
	ad_pair *pairs;
	size_t npairs, cappairs;
	uint32_t *phash;
	size_t pslots;
	uint32_t *nword; /* per id: times read */
	uint8_t *canon;  /* per id: 0 not known yet, 1 its key is a canonical word, 2 not (junk) */
	size_t nvocab;
	uint32_t *last;  /* the pairs the latest count added to, once per reading */
	size_t nlast, caplast;
	uint32_t *symkeys; /* the keys with a digit or symbol */
	size_t nsym, capsym;
	restore_adapt_chr chr[ADAPT_MAXCHR]; /* what their learned readings say each one stands for */
	size_t nchr;
	sohoa_buf pending; /* a loaded file, read at bind */
};

sohoa_channel *sohoa_channel_new(void)
{
	sohoa_channel *ch = calloc(1, sizeof *ch);
	if (!ch)
		return NULL;
	if (pthread_rwlock_init(&ch->lock, NULL)) {
		free(ch);
		return NULL;
	}
	ch->learning = 1;
	return ch;
}

void sohoa_channel_free(sohoa_channel *ch)
{
	if (!ch)
		return;
	pthread_rwlock_destroy(&ch->lock);
	sohoa_buf_free(&ch->strs);
	sohoa_buf_free(&ch->pending);
	free(ch->keys);
	free(ch->khash);
	free(ch->pairs);
	free(ch->phash);
	free(ch->nword);
	free(ch->canon);
	free(ch->last);
	free(ch->symkeys);
	free(ch);
}

int restore_adapt_learning(const sohoa_channel *ch)
{
	return ch->learning;
}

void restore_adapt_lock(const sohoa_channel *ch)
{
	pthread_rwlock_rdlock(&((sohoa_channel *)ch)->lock);
}

void restore_adapt_unlock(const sohoa_channel *ch)
{
	pthread_rwlock_unlock(&((sohoa_channel *)ch)->lock);
}

/* --- the two hash tables --- */

static uint32_t pair_hash(uint32_t key, uint16_t id)
{
	return (uint32_t)sohoa_lm_mix((uint64_t)key << 16 | id);
}

/* The key k's slot in ch->khash for s[0..n) (empty slot when absent). */
static size_t key_slot(const sohoa_channel *ch, const char *s, size_t n)
{
	size_t i = sohoa_lm_hash_str(s, n) & (ch->kslots - 1);
	for (;;) {
		uint32_t k = ch->khash[i];
		if (!k)
			return i;
		const ad_key *e = &ch->keys[k - 1];
		if (e->len == n && memcmp(ch->strs.data + e->str, s, n) == 0)
			return i;
		i = (i + 1) & (ch->kslots - 1);
	}
}

static size_t pair_slot(const sohoa_channel *ch, uint32_t key, uint16_t id)
{
	size_t i = pair_hash(key, id) & (ch->pslots - 1);
	for (;;) {
		uint32_t k = ch->phash[i];
		if (!k || (ch->pairs[k - 1].key == key && ch->pairs[k - 1].id == id))
			return i;
		i = (i + 1) & (ch->pslots - 1);
	}
}

/* arr (of *cap elements of size bytes) with room for need elements: itself, or grown to twice
 * *cap (first elements when empty). NULL when out of memory (arr and *cap unchanged). */
static void *grow_array(void *arr, size_t *cap, size_t need, size_t first, size_t size)
{
	if (need <= *cap)
		return arr;
	size_t n = *cap ? *cap * 2 : first;
	void *a = realloc(arr, n * size);
	if (a)
		*cap = n;
	return a;
}

/* A new empty hash table replacing *table when need entries would fill more than half of its
 * *slots (doubled, or first when empty): 1 when the caller must rehash into it, 0 when there is
 * room, -1 when out of memory. */
static int grow_table(uint32_t **table, size_t *slots, size_t need, size_t first)
{
	if (2 * need <= *slots)
		return 0;
	size_t n = *slots ? *slots * 2 : first;
	uint32_t *h = calloc(n, sizeof *h);
	if (!h)
		return -1;
	free(*table);
	*table = h;
	*slots = n;
	return 1;
}

/* Make room for one more key and one more pair (the tables at most half full). */
static int reserve(sohoa_channel *ch)
{
	ad_key *keys = grow_array(ch->keys, &ch->capkeys, ch->nkeys + 1, 1024, sizeof *ch->keys);
	if (!keys)
		return -1;
	ch->keys = keys;
	ad_pair *pairs = grow_array(ch->pairs, &ch->cappairs, ch->npairs + 1, 2048, sizeof *ch->pairs);
	if (!pairs)
		return -1;
	ch->pairs = pairs;
	int kgrew = grow_table(&ch->khash, &ch->kslots, ch->nkeys + 1, 2048);
	if (kgrew < 0)
		return -1;
	for (size_t k = 0; kgrew && k < ch->nkeys; k++)
		ch->khash[key_slot(ch, ch->strs.data + ch->keys[k].str, ch->keys[k].len)] = (uint32_t)k + 1;
	int pgrew = grow_table(&ch->phash, &ch->pslots, ch->npairs + 1, 4096);
	if (pgrew < 0)
		return -1;
	for (size_t p = 0; pgrew && p < ch->npairs; p++)
		ch->phash[pair_slot(ch, ch->pairs[p].key, ch->pairs[p].id)] = (uint32_t)p + 1;
	return 0;
}

/* 1 if the key s[0..n) has a character that is not a letter. */
static int has_symbols(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
			return 1;
	}
	return 0;
}

/* Add n readings of the token key s[0..len) as id (its pair's index into *at when at); -1 when
 * out of memory. */
static int add_count(sohoa_channel *ch, const char *s, size_t len, int id, uint32_t n, uint32_t *at)
{
	if (reserve(ch))
		return -1;
	size_t ks = key_slot(ch, s, len);
	uint32_t key = ch->khash[ks];
	if (!key) {
		ad_key *e = &ch->keys[ch->nkeys];
		memset(e, 0, sizeof *e);
		e->str = (uint32_t)ch->strs.len;
		e->len = (uint32_t)len;
		e->first = NONE;
		e->symbols = (uint8_t)has_symbols(s, len);
		if (sohoa_buf_append(&ch->strs, s, len))
			return -1;
		key = (uint32_t)++ch->nkeys;
		ch->khash[ks] = key;
		if (e->symbols) {
			if (ch->nsym == ch->capsym) {
				size_t cap = ch->capsym ? ch->capsym * 2 : 256;
				uint32_t *k = realloc(ch->symkeys, cap * sizeof *k);
				if (!k)
					return -1;
				ch->symkeys = k;
				ch->capsym = cap;
			}
			ch->symkeys[ch->nsym++] = key - 1;
		}
	}
	ad_key *e = &ch->keys[key - 1];
	size_t ps = pair_slot(ch, key - 1, (uint16_t)id);
	if (!ch->phash[ps]) {
		ad_pair *p = &ch->pairs[ch->npairs];
		*p = (ad_pair){key - 1, e->first, 0, (uint16_t)id};
		e->first = (uint32_t)ch->npairs++;
		ch->phash[ps] = (uint32_t)ch->npairs;
	}
	ch->pairs[ch->phash[ps] - 1].n += n;
	if (at)
		*at = ch->phash[ps] - 1;
	e->touched = 1;
	if ((size_t)id < ch->nvocab)
		ch->nword[id] += n;
	return 0;
}

/* --- the M step --- */

static int cand_cmp(const void *a, const void *b)
{
	const sohoa_lm_chan_cand *x = a, *y = b;
	return (y->logp > x->logp) - (y->logp < x->logp);
}

/* Rebuild key e's readings from its counts and the shipped channel. */
static void build_key(sohoa_channel *ch, ad_key *e)
{
	const sohoa_model *m = ch->m;
	uint32_t min = e->symbols ? MIN_SYMBOLS : MIN_LETTERS;
	sohoa_lm_chan_cand c[64];
	double pr[64];
	size_t nc = 0, nlearned = 0;
	for (uint32_t p = e->first; p != NONE; p = ch->pairs[p].next) {
		const ad_pair *x = &ch->pairs[p];
		if (x->n < min || x->id < LM_NFIXED || nc == 64 || !ch->nword[x->id])
			continue;
		c[nc].id = x->id;
		pr[nc++] = LAMBDA * x->n / ch->nword[x->id];
		nlearned++;
	}
	e->touched = 0;
	e->nread = 0;
	if (!nlearned)
		return; /* no repeated evidence: the shipped readings stand */
	size_t nship;
	const sohoa_lm_chan_cand *s = sohoa_lm_chan(m, ch->strs.data + e->str, e->len, &nship);
	for (size_t k = 0; k < nship; k++) {
		double ps = (1 - LAMBDA) * exp((double)s[k].logp / SOHOA_LM_SCALE);
		size_t j = 0;
		while (j < nc && c[j].id != s[k].id)
			j++;
		if (j < nc) {
			pr[j] += ps;
		} else if (nc < 64) {
			c[nc].id = s[k].id;
			pr[nc++] = ps;
		}
	}
	for (size_t k = 0; k < nc; k++) {
		double lp = log(pr[k]) * SOHOA_LM_SCALE;
		c[k].logp = (int16_t)(lp < -32000 ? -32000 : lp > 0 ? 0 : lround(lp));
	}
	qsort(c, nc, sizeof c[0], cand_cmp);
	e->nread = (uint8_t)(nc < RESTORE_MAXC ? nc : RESTORE_MAXC);
	memcpy(e->read, c, e->nread * sizeof c[0]);
}

/* Count the digits and symbols of key e that its learned reading id spells with a letter, one
 * for one ("1&" lệ: 1 -> l, & -> ệ), n times, into the table of (observed, letter) pairs. */
static void count_chars(sohoa_channel *ch, const ad_key *e, int id, uint32_t n, uint32_t *keys_of)
{
	const char *t = ch->strs.data + e->str, *w = sohoa_lm_word(ch->m, id);
	size_t tn = e->len, wn = strlen(w), i = 0, j = 0;
	uint32_t tc[PROPOSE_CPS], wc[PROPOSE_CPS];
	int nt = 0, nw = 0;
	while (i < tn && nt < PROPOSE_CPS)
		i += sohoa_utf8_decode(t + i, tn - i, &tc[nt++]);
	while (j < wn && nw < PROPOSE_CPS)
		j += sohoa_utf8_decode(w + j, wn - j, &wc[nw++]);
	if (i < tn || j < wn || nt != nw)
		return;
	for (int k = 0; k < nt; k++) {
		uint32_t plain;
		int tone, upper;
		if (sohoa_viet_letter(tc[k], &plain, &tone, &upper) || !sohoa_viet_letter(wc[k], &plain, &tone, &upper))
			continue;
		size_t c = 0;
		while (c < ch->nchr && (ch->chr[c].obs != tc[k] || ch->chr[c].letter != wc[k]))
			c++;
		if (c == ch->nchr) {
			if (c == ADAPT_MAXCHR)
				continue;
			ch->chr[c] = (restore_adapt_chr){tc[k], wc[k], 0};
			keys_of[c] = 0;
			ch->nchr++;
		}
		ch->chr[c].n += n;
		keys_of[c]++;
	}
}

/* The character readings, from the learned readings of every key with a digit or symbol: the
 * pairs that at least two of them show, MIN_SYMBOLS times in all. */
static void build_chars(sohoa_channel *ch)
{
	uint32_t keys_of[ADAPT_MAXCHR];
	ch->nchr = 0;
	for (size_t s = 0; s < ch->nsym; s++) {
		const ad_key *e = &ch->keys[ch->symkeys[s]];
		for (uint32_t p = e->first; p != NONE; p = ch->pairs[p].next)
			if (ch->pairs[p].n >= MIN_SYMBOLS && ch->canon[ch->pairs[p].id] == 1)
				count_chars(ch, e, ch->pairs[p].id, ch->pairs[p].n, keys_of);
	}
	size_t kept = 0;
	for (size_t c = 0; c < ch->nchr; c++)
		if (keys_of[c] >= 2 && ch->chr[c].n >= MIN_SYMBOLS)
			ch->chr[kept++] = ch->chr[c];
	ch->nchr = kept;
}

/* The M step over the keys counted since the last one (all: every key). */
static void build(sohoa_channel *ch, int all)
{
	for (size_t k = 0; k < ch->nkeys; k++)
		if (all || ch->keys[k].touched)
			build_key(ch, &ch->keys[k]);
	build_chars(ch);
}

size_t restore_adapt_chars(const sohoa_channel *ch, const restore_adapt_chr **chr)
{
	*chr = ch->chr;
	return ch->nchr;
}

size_t restore_adapt_find(const sohoa_channel *ch, const char *key, size_t n, sohoa_lm_chan_cand *out, size_t max)
{
	if (!ch->kslots)
		return 0;
	uint32_t k = ch->khash[key_slot(ch, key, n)];
	if (!k)
		return 0;
	const ad_key *e = &ch->keys[k - 1];
	size_t c = e->nread < max ? e->nread : max;
	memcpy(out, e->read, c * sizeof *out);
	return c;
}

/* --- binding, counting, files --- */

/* Read the lines of a saved channel (ch->pending) into the counts. */
static int read_pending(sohoa_channel *ch)
{
	if (!ch->pending.data) /* no saved channel: nothing to read */
		return 0;
	const char *s = ch->pending.data, *end = s + ch->pending.len;
	while (s && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *t1 = memchr(s, '\t', (size_t)(e - s));
		const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(e - t1 - 1)) : NULL;
		if (t2) {
			unsigned long n = strtoul(t2 + 1, NULL, 10);
			int id = sohoa_lm_id(ch->m, t1 + 1, (size_t)(t2 - t1 - 1));
			if (id >= LM_NFIXED && n && n < UINT32_MAX) {
				if (t1 - s == 1 && *s == '*')
					ch->nword[id] = (uint32_t)n;
				else {
					uint32_t keep = ch->nword[id]; /* the "*" rows say the totals */
					if (add_count(ch, s, (size_t)(t1 - s), id, (uint32_t)n, NULL))
						return -1;
					ch->nword[id] = keep;
				}
			}
		}
		s = nl ? nl + 1 : NULL;
	}
	sohoa_buf_free(&ch->pending);
	return 0;
}

int restore_adapt_bind(sohoa_channel *ch, const sohoa_model *m)
{
	int rc = 0;
	pthread_rwlock_wrlock(&ch->lock);
	if (!ch->m) {
		ch->m = m;
		ch->nvocab = m->h->nvocab;
		ch->nword = calloc(ch->nvocab ? ch->nvocab : 1, sizeof *ch->nword);
		ch->canon = calloc(ch->nvocab ? ch->nvocab : 1, 1);
		rc = !ch->nword || !ch->canon || read_pending(ch) ? -1 : 0;
		if (!rc)
			build(ch, 1);
	}
	pthread_rwlock_unlock(&ch->lock);
	return rc;
}

/* 1 if the model's word id is written as its own key and is a syllable or plain lowercase
 * letters (not junk of the training text such as "Ìý"). */
static int canonical(sohoa_channel *ch, int id, sohoa_buf *tmp)
{
	if (!ch->canon[id]) {
		const char *w = sohoa_lm_word(ch->m, id);
		size_t n = strlen(w);
		tmp->len = 0;
		int ascii = n > 0;
		for (size_t i = 0; i < n; i++)
			ascii &= w[i] >= 'a' && w[i] <= 'z';
		ch->canon[id] = sohoa_viet_key(w, n, tmp) == 0 && tmp->len == n && memcmp(tmp->data, w, n) == 0 &&
					(ascii || sohoa_viet_syllable(w, n))
				? 1
				: 2;
	}
	return ch->canon[id] == 1;
}

/* Take back the counts of the latest count. */
static void undo_last(sohoa_channel *ch)
{
	for (size_t k = 0; k < ch->nlast; k++) {
		ad_pair *p = &ch->pairs[ch->last[k]];
		p->n--;
		ch->nword[p->id]--;
		ch->keys[p->key].touched = 1;
	}
	ch->nlast = 0;
}

int restore_adapt_count(sohoa_channel *ch, const sohoa_model *m, const restore_vocab *v, const char *const *texts,
			const sohoa_restore_mode *modes, int again)
{
	sohoa_buf key = {0};
	int rc = 0;
	pthread_rwlock_wrlock(&ch->lock);
	if (again)
		undo_last(ch);
	ch->nlast = 0;
	for (size_t i = 0; i < v->n && !rc; i++) {
		const restore_reading *r = &v->rd[i];
		if (r->id < LM_NFIXED || r->w.out_e == UINT32_MAX || modes[r->para] != SOHOA_RESTORE_OCR ||
		    r->w.in_e <= r->w.in_s || (size_t)r->id >= ch->nvocab || !canonical(ch, r->id, &key))
			continue;
		key.len = 0;
		if (sohoa_viet_key(texts[r->para] + r->w.in_s, r->w.in_e - r->w.in_s, &key) || !key.len)
			continue;
		if (ch->nlast == ch->caplast) {
			size_t cap = ch->caplast ? ch->caplast * 2 : 4096;
			uint32_t *l = realloc(ch->last, cap * sizeof *l);
			if (!l) {
				rc = -1;
				break;
			}
			ch->last = l;
			ch->caplast = cap;
		}
		rc = add_count(ch, key.data, key.len, r->id, 1, &ch->last[ch->nlast]);
		ch->nlast += !rc;
	}
	if (!rc)
		build(ch, 0);
	(void)m;
	pthread_rwlock_unlock(&ch->lock);
	sohoa_buf_free(&key);
	return rc;
}

sohoa_status sohoa_channel_load(sohoa_ctx *ctx, const char *path, sohoa_channel **out)
{
	*out = NULL;
	sohoa_channel *ch = sohoa_channel_new();
	if (!ch)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	char *data;
	size_t len;
	sohoa_status st = sohoa_file_read(ctx, path, &data, &len);
	if (st != SOHOA_OK) {
		sohoa_channel_free(ch);
		return st;
	}
	int rc = sohoa_buf_append(&ch->pending, data, len);
	free(data);
	if (rc) {
		sohoa_channel_free(ch);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	ch->learning = 0;
	*out = ch;
	return SOHOA_OK;
}

sohoa_status sohoa_channel_save(sohoa_ctx *ctx, const sohoa_channel *ch, const char *path)
{
	sohoa_buf b = {0};
	int rc = 0;
	restore_adapt_lock(ch);
	if (ch->m) {
		for (size_t p = 0; p < ch->npairs && !rc; p++) {
			const ad_pair *x = &ch->pairs[p];
			const ad_key *e = &ch->keys[x->key];
			rc = sohoa_buf_append(&b, ch->strs.data + e->str, e->len) ||
			     sohoa_buf_printf(&b, "\t%s\t%u\n", sohoa_lm_word(ch->m, x->id), x->n);
		}
		for (size_t id = LM_NFIXED; id < ch->nvocab && !rc; id++)
			if (ch->nword[id])
				rc = sohoa_buf_printf(&b, "*\t%s\t%u\n", sohoa_lm_word(ch->m, (int)id), ch->nword[id]);
	} else if (ch->pending.len) { /* loaded and never used: as it was */
		rc = sohoa_buf_append(&b, ch->pending.data, ch->pending.len);
	}
	restore_adapt_unlock(ch);
	sohoa_status st = rc ? sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory") : sohoa_file_write_atomic(ctx, path, b.data ? b.data : "", b.len);
	sohoa_buf_free(&b);
	return st;
}

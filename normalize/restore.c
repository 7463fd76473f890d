/* restore: diacritic restoration (job 1, text typed without marks), eng-OCR correction (job 2)
 * and Vietnamese-OCR tone fixes (job 3) with the syllable trigram model of lm.c: tokenize,
 * generate candidates per word (candidates.c), beam Viterbi over the paragraph, copy everything
 * that is not a word (numbers, codes, URLs, punctuation, spaces) through, carry case over. */
#include "restore.h"
#include "candidates.h"
#include "lm.h"
#include "viet.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define BEAM 6
#define PRUNE_STATE 7000 /* drop paths e^7 less likely than the best */

typedef struct state {
	int32_t score;
	uint16_t x, y;  /* ids of the previous and this position */
	int16_t back;   /* state index at the previous position, -1 at the start */
	int16_t bow;    /* backoff weight of the context (x, y) */
	uint8_t c;      /* candidate index at this position */
} state;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

/* The model of ctx: loaded on first use into the main context, shared by workers. */
static sohoa_status get_model(sohoa_ctx *ctx, const sohoa_model **m)
{
	*m = NULL;
	if (ctx->model) {
		*m = ctx->model;
		return SOHOA_OK;
	}
	sohoa_ctx *owner = ctx;
	while (owner->parent)
		owner = (sohoa_ctx *)owner->parent; /* the main context owns the model */
	pthread_mutex_lock(&load_lock);
	sohoa_status st = SOHOA_OK;
	if (!owner->model) {
		sohoa_model *loaded = NULL;
		st = sohoa_model_load(ctx, ctx->opt.model_path, &loaded);
		owner->model = loaded;
	}
	ctx->model = owner->model;
	pthread_mutex_unlock(&load_lock);
	*m = ctx->model;
	return st;
}

/* --- detection --- */

sohoa_restore_mode sohoa_restore_detect(const char *s, size_t n)
{
	size_t words = 0, marked = 0, invalid = 0, mixed = 0, i = 0;
	while (i < n) {
		/* one whitespace-separated chunk */
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		size_t st = i;
		while (i < n && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		if (st == i)
			break;
		restore_chunk_stats cs;
		if (restore_is_address(s + st, i - st))
			continue;
		restore_chunk_classify(s + st, i - st, &cs);
		words += (size_t)cs.words;
		marked += (size_t)cs.marked;
		invalid += (size_t)cs.invalid;
		mixed += (size_t)cs.mixed;
	}
	/* Vietnamese marks about three syllables in four; eng OCR keeps a few of them (é, ô). */
	if (words == 0)
		return SOHOA_RESTORE_OFF;
	if (mixed * 100 >= words * 5 && marked * 100 < words * 60)
		return SOHOA_RESTORE_OCR;
	if (marked * 100 >= words * 45)
		return SOHOA_RESTORE_OFF;
	if (marked * 100 < words * 3 && !mixed && invalid * 100 < words * 10)
		return SOHOA_RESTORE_STRIP;
	if (words < 4 && !mixed && !invalid) /* too short to tell: marks mean it was typed with them */
		return marked ? SOHOA_RESTORE_OFF : SOHOA_RESTORE_STRIP;
	return SOHOA_RESTORE_OCR;
}

/* --- decoding --- */

static int state_cmp(const void *a, const void *b)
{
	int32_t x = ((const state *)a)->score, y = ((const state *)b)->score;
	return (x < y) - (x > y);
}

/* Viterbi with a beam over the positions; writes the chosen candidate index per position.
 * Scores follow sohoa_lm_score, unrolled so that each (y,z) bigram is probed once per position,
 * a trigram only when its bigram suffix is stored (the builder keeps no other), and the
 * context's backoff weight rides along in the state. */
static void decode(const sohoa_model *m, const restore_pos *pos, size_t np, state *st, uint8_t *choice)
{
	state *prev = st;
	int nprev = 1;
	prev[0] = (state){0, LM_BOS, LM_BOS, -1, 0, 0};
	const sohoa_lm_bigram *bh = sohoa_lm_bigram_find(m, LM_BOS, LM_BOS);
	prev[0].bow = (int16_t)(bh ? sohoa_lm_bi_bow(bh) : 0);
	state cand[BEAM * RESTORE_MAXC];
	int16_t bi_lp[BEAM][RESTORE_MAXC], bi_bow[BEAM][RESTORE_MAXC];
	const sohoa_lm_bigram *bi_e[BEAM][RESTORE_MAXC];
	uint8_t bi_ok[BEAM][RESTORE_MAXC];
	uint16_t ys[BEAM];
	int yof[BEAM];
	for (size_t p = 0; p < np; p++) {
		const restore_pos *ps = &pos[p];
		state *cur = st + (p + 1) * BEAM;
		/* bigram probes per distinct previous word */
		int ny = 0;
		for (int si = 0; si < nprev; si++) {
			int y = prev[si].y, k;
			for (k = 0; k < ny; k++)
				if (ys[k] == y)
					break;
			if (k == ny) {
				ys[ny] = (uint16_t)y;
				for (int c = 0; c < ps->n; c++) {
					int lp = 0, bw = 0, ok = 0;
					if (y != LM_UNK && ps->cand[c] != LM_UNK) {
						const sohoa_lm_bigram *b = sohoa_lm_bigram_maybe(m, y, ps->cand[c])
										   ? sohoa_lm_bigram_find(m, y, ps->cand[c])
										   : NULL;
						ok = b != NULL;
						lp = b ? sohoa_lm_bi_logp(b) : 0;
						bw = b ? sohoa_lm_bi_bow(b) : 0;
						bi_e[ny][c] = b;
					}
					bi_ok[ny][c] = (uint8_t)ok;
					bi_lp[ny][c] = (int16_t)lp;
					bi_bow[ny][c] = (int16_t)bw;
				}
				ny++;
			}
			yof[si] = k;
		}
		int ncand = 0;
		for (int si = 0; si < nprev; si++) {
			const state *s = &prev[si];
			int y = s->y;
			for (int c = 0; c < ps->n; c++) {
				int z = ps->cand[c], lp;
				int yi = yof[si], b = bi_ok[yi][c];
				if (b) {
					int found = s->x != LM_UNK && sohoa_lm_bi_may_extend(bi_e[yi][c], s->x) &&
						    sohoa_lm_trigram_find(m, s->x, y, z, &lp);
					if (!found)
						lp = s->bow + bi_lp[yi][c];
				} else if (y == LM_UNK || z == LM_UNK) {
					lp = m->uni[z].logp;
				} else {
					lp = s->bow + m->uni[y].bow + m->uni[z].logp;
				}
				int32_t sc = s->score + lp + ps->chan[c];
				int k;
				for (k = 0; k < ncand; k++)
					if (cand[k].y == z && cand[k].x == y)
						break;
				if (k == ncand || sc > cand[k].score) {
					cand[k] = (state){sc, (uint16_t)y, (uint16_t)z, (int16_t)si, (int16_t)(b ? bi_bow[yi][c] : 0), (uint8_t)c};
					if (k == ncand)
						ncand++;
				}
			}
		}
		/* keep the best BEAM within PRUNE_STATE of the best */
		int keep = 0;
		int32_t top = INT32_MIN;
		for (int k = 0; k < ncand; k++)
			if (cand[k].score > top)
				top = cand[k].score;
		for (int k = 0; k < ncand; k++)
			if (cand[k].score >= top - PRUNE_STATE)
				cand[keep++] = cand[k];
		if (keep > BEAM) {
			qsort(cand, (size_t)keep, sizeof *cand, state_cmp);
			keep = BEAM;
		}
		for (int k = 0; k < keep; k++) {
			cur[k] = cand[k];
			cur[k].score -= top; /* keep the numbers small on long paragraphs */
		}
		prev = cur;
		nprev = keep;
	}
	/* end of sentence */
	int best = 0;
	int32_t bs = INT32_MIN;
	for (int si = 0; si < nprev; si++) {
		int32_t sc = prev[si].score + sohoa_lm_score(m, prev[si].x, prev[si].y, LM_EOS);
		if (sc > bs) {
			bs = sc;
			best = si;
		}
	}
	for (size_t p = np; p > 0; p--) {
		const state *s = &st[p * BEAM + best];
		choice[p - 1] = s->c;
		best = s->back;
	}
}

/* Scratch kept per thread so that a paragraph costs no allocation once warm. */
typedef struct scratch {
	restore_pos *pos;
	restore_item *items;
	state *st;
	uint8_t *choice;
	size_t cap_pos, cap_items;
	sohoa_buf tmp;
} scratch;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
	scratch *w = p;
	if (!w)
		return;
	free(w->pos);
	free(w->items);
	free(w->st);
	free(w->choice);
	sohoa_buf_free(&w->tmp);
	free(w);
}

static void scratch_key_make(void)
{
	pthread_key_create(&scratch_key, scratch_free);
}

/* This thread's scratch, freed when the thread ends. */
static scratch *scratch_get(void)
{
	pthread_once(&scratch_once, scratch_key_make);
	scratch *w = pthread_getspecific(scratch_key);
	if (!w) {
		w = calloc(1, sizeof *w);
		if (w && pthread_setspecific(scratch_key, w)) {
			free(w);
			w = NULL;
		}
	}
	return w;
}

static int scratch_reserve(scratch *w, size_t npos, size_t nitems)
{
	if (npos > w->cap_pos) {
		size_t nc = npos + npos / 2 + 64;
		restore_pos *np = realloc(w->pos, nc * sizeof *np);
		state *ns = np ? realloc(w->st, (nc + 1) * BEAM * sizeof *ns) : NULL;
		if (ns)
			w->st = ns;
		uint8_t *nch = ns ? realloc(w->choice, nc) : NULL;
		if (np)
			w->pos = np;
		if (!np || !ns || !nch)
			return -1;
		w->choice = nch;
		w->cap_pos = nc;
	}
	if (nitems > w->cap_items) {
		size_t nc = nitems + nitems / 2 + 64;
		restore_item *ni = realloc(w->items, nc * sizeof *ni);
		if (!ni)
			return -1;
		w->items = ni;
		w->cap_items = nc;
	}
	return 0;
}

/* Longest stretch decoded at once; the context restarts after it (bounds the scratch). */
#define MAX_SPAN 4096

sohoa_status sohoa_restore(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *s, size_t n, sohoa_buf *out)
{
	if (mode == SOHOA_RESTORE_AUTO)
		mode = sohoa_restore_detect(s, n);
	if (mode == SOHOA_RESTORE_OFF || n == 0) {
		if (restore_append_valid(out, s, n))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		return SOHOA_OK;
	}
	const sohoa_model *m;
	sohoa_status st = get_model(ctx, &m);
	if (st)
		return st;
	scratch *w = scratch_get();
	if (!w)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	size_t i = 0;
	while (i < n) {
		/* tokenize up to MAX_SPAN positions */
		if (scratch_reserve(w, MAX_SPAN + 8, 2 * MAX_SPAN + 16))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		size_t np = 0, ni = 0;
		size_t end = restore_tokenize(m, mode, s, n, i, w->items, &ni, 2 * MAX_SPAN, w->pos, &np, MAX_SPAN, &w->tmp);
		if (np)
			decode(m, w->pos, np, w->st, w->choice);
		if (restore_emit(m, mode, s, w->items, ni, w->pos, w->choice, out, &w->tmp))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		if (end <= i)
			break;
		i = end;
	}
	return SOHOA_OK;
}

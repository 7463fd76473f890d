/* restore: the decoder of the three jobs, diacritic restoration (strip: text typed without
 * marks), eng-OCR correction (ocr) and Vietnamese-OCR fixes (vie), with the syllable trigram
 * model of lm.c: tokenize, generate candidates per word (candidates.c), beam Viterbi over the
 * paragraph, copy everything that is not a word (numbers, codes, URLs, punctuation, spaces)
 * through, carry case over. */
#include "restore-int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define BEAM 6
#define PRUNE_STATE 7000 /* drop paths e^7 less likely than the best */

typedef struct state {
	int32_t score;
	uint16_t x, y;  /* ids of the previous and this position */
	int16_t back;   /* state index at the previous position, -1 at the start */
	int16_t bow;    /* backoff weight of the context (x, y) */
	uint8_t c;      /* candidate index at this position */
} state;

/* What the way back needs of a state: its candidate and its state at the previous position (-1
 * at the start). Kept apart from the states, of which only two positions' are alive, so that a
 * span's trace is a few bytes a position and stays in cache. */
typedef struct step {
	uint8_t c;
	int8_t back;
} step;

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

/* The counts sohoa_restore_detect decides on. */
static void detect_counts(const char *s, size_t n, size_t *wordsp, size_t *markedp, size_t *invalidp,
			  size_t *mixedp)
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
	*wordsp = words, *markedp = marked, *invalidp = invalid, *mixedp = mixed;
}

void sohoa_restore_count_marks(const char *s, size_t n, size_t *words, size_t *marked)
{
	size_t invalid, mixed;
	detect_counts(s, n, words, marked, &invalid, &mixed);
}

sohoa_restore_mode sohoa_restore_detect(const char *s, size_t n)
{
	size_t words, marked, invalid, mixed;
	detect_counts(s, n, &words, &marked, &invalid, &mixed);
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

/* The BEAM best of a[0..n) into a[0..BEAM), best first, equal scores in their order: the head of
 * a stable sort by score, kept in a small sorted array rather than sorting all n (up to BEAM *
 * RESTORE_MAXC). */
static void state_top(state *a, int n)
{
	state t[BEAM];
	int nt = 0;
	for (int i = 0; i < n; i++) {
		if (nt == BEAM && a[i].score <= t[BEAM - 1].score)
			continue;
		int j = nt < BEAM ? nt++ : BEAM - 1;
		while (j > 0 && t[j - 1].score < a[i].score) {
			t[j] = t[j - 1];
			j--;
		}
		t[j] = a[i];
	}
	memcpy(a, t, sizeof t);
}

#define NO_SLOT UINT32_MAX

/* The bigram facts of one position: val of (ys[k], cand c) where bit c of pres[k] is set (the
 * bigram is stored), nothing where it is not. The candidates fall in ngr candidate groups (one
 * for the strip and vie jobs); the bigrams of one context word and one group all lie from one
 * home slot of the table to the next empty one (sohoa_lm_bigram_home), so each (word, group)
 * costs one or two cache lines, asked for by bigram_request and read by bigram_resolve a lane
 * phase later. */
typedef struct bigrams {
	uint32_t val[BEAM][RESTORE_MAXC];
	uint16_t pres[BEAM];
	uint32_t home[BEAM][RESTORE_MAXC]; /* by group index; NO_SLOT: nothing to search */
	uint16_t grp[RESTORE_MAXC];        /* the groups */
	uint16_t cid[16];                  /* the candidate ids (past ps->n: stale, masked off) */
	uint8_t cg[RESTORE_MAXC];          /* each candidate's group index */
	uint8_t cfirst[RESTORE_MAXC];      /* the first candidate with the same id (dups only) */
	int ngr, dups;                     /* dups: some id is a candidate twice */
} bigrams;

/* Start fetching the home slots of the position's (context word, group) pairs, all of them before
 * any is read, so that their misses overlap. */
static void bigram_request(const sohoa_model *m, const uint16_t *ys, int ny, const restore_pos *ps, bigrams *bg)
{
	int ngr = 0;
	memcpy(bg->cid, ps->cand, sizeof ps->cand); /* a fixed size: no call, no rep movs */
	/* one candidate, or one group's (distinct ids): nothing to find out */
	int known = ps->n == 1 || (ps->n > 1 && ps->one_group);
	if (known) {
		bg->grp[ngr++] = (uint16_t)sohoa_lm_gof(m, ps->cand[0]);
		memset(bg->cg, 0, sizeof bg->cg); /* a fixed size: no call */
		for (int c = 0; c < ps->n; c++)
			sohoa_lm_prefetch(&m->uni[ps->cand[c]]); /* read by score_states */
	}
	for (int c = 0; !known && c < ps->n; c++) {
		unsigned g = sohoa_lm_gof(m, ps->cand[c]);
		sohoa_lm_prefetch(&m->uni[ps->cand[c]]); /* read by score_states */
		int j = 0;
		while (j < ngr && bg->grp[j] != g)
			j++;
		if (j == ngr)
			bg->grp[ngr++] = (uint16_t)g;
		bg->cg[c] = (uint8_t)j;
	}
	bg->ngr = ngr;
	/* an id twice (eng-OCR may list one under two readings)? not in one group; else a 256-bit
	 * filter of the ids' low bytes says no for most positions, and where two share a byte, the
	 * ids are compared */
	uint64_t seen[4] = {0, 0, 0, 0};
	unsigned maybe = 0;
	for (int c = 0; !known && c < ps->n; c++) {
		unsigned h = ps->cand[c] & 255;
		maybe |= (unsigned)(seen[h >> 6] >> (h & 63)) & 1;
		seen[h >> 6] |= 1ull << (h & 63);
	}
	bg->dups = 0;
	for (int c = 0; maybe && c < ps->n; c++) {
		int f = c;
		for (int e = 0; e < c; e++)
			if (ps->cand[e] == ps->cand[c]) {
				f = e;
				break;
			}
		bg->cfirst[c] = (uint8_t)f;
		bg->dups |= f != c;
	}
	for (int k = 0; k < ny; k++)
		for (int j = 0; j < ngr; j++) {
			bg->home[k][j] = NO_SLOT;
			if (ys[k] == LM_UNK)
				continue;
			bg->home[k][j] = sohoa_lm_bigram_home(m, ys[k], bg->grp[j]);
			sohoa_lm_bigram_prefetch(m, bg->home[k][j]);
		}
}

_Static_assert(RESTORE_MAXC <= 16, "a position's candidates fit one 16-bit mask");

/* Bit c set where candidate c of bg is the id z. */
static inline unsigned cand_mask(const bigrams *bg, int n, unsigned z)
{
#if defined(__SSE2__)
	__m128i x = _mm_set1_epi16((short)z);
	__m128i lo = _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)bg->cid), x);
	__m128i hi = _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i *)(bg->cid + 8)), x);
	return (unsigned)_mm_movemask_epi8(_mm_packs_epi16(lo, hi)) & ((1u << n) - 1);
#else
	unsigned mask = 0;
	for (int c = 0; c < n; c++)
		mask |= (unsigned)(bg->cid[c] == z) << c;
	return mask;
#endif
}

/* The position's bigram answers: each home's run read once, to the first empty slot. */
static void bigram_resolve(const sohoa_model *m, const uint16_t *ys, int ny, const restore_pos *ps, bigrams *bg)
{
	uint64_t slots = m->h->bigram_slots;
	for (int k = 0; k < ny; k++) {
		unsigned pres = 0;
		for (int j = 0; j < bg->ngr; j++) {
			uint32_t i = bg->home[k][j];
			if (i == NO_SLOT)
				continue;
			uint32_t y = ys[k];
			for (;;) {
				const sohoa_lm_bigram *e = &m->bigram[i];
				uint32_t key = e->key;
				if (!key)
					break;
				if (key >> 16 == y) {
					unsigned hit = cand_mask(bg, ps->n, key & 0xffff);
					pres |= hit;
					for (; hit; hit &= hit - 1)
						bg->val[k][__builtin_ctz(hit)] = e->val;
				}
				if (++i == slots)
					i = 0;
			}
		}
		bg->pres[k] = (uint16_t)pres;
	}
}

/* The distinct previous words of the states, and each state's index among them. */
static int distinct_ys(const state *prev, int nprev, uint16_t *ys, int *yof)
{
	int ny = 0;
	for (int si = 0; si < nprev; si++) {
		int k;
		for (k = 0; k < ny; k++)
			if (ys[k] == prev[si].y)
				break;
		if (k == ny)
			ys[ny++] = prev[si].y;
		yof[si] = k;
	}
	return ny;
}

#ifdef RESTORE_CHECK
#include <stdio.h>
/* Built with -DRESTORE_CHECK, the decoder compares every score it computes with the model's
 * lookups (sohoa_lm_score, with the trigram asked only where the decoder may use one) and aborts
 * on a difference: a check for changes to the speed machinery, too slow to ship
 * (tests/unit/test_restore_check.c builds this file so). restore_checks counts the checks. */
static unsigned long restore_checks;
static void check_score(const sohoa_model *m, const state *s, int y, int z, int lp)
{
	int ref, tl;
	restore_checks++;
	const sohoa_lm_bigram *rb = y != LM_UNK && z != LM_UNK ? sohoa_lm_bigram_find(m, y, z) : NULL;
	const sohoa_lm_bigram *ra = s->x != LM_UNK && y != LM_UNK ? sohoa_lm_bigram_find(m, s->x, y) : NULL;
	if (rb && s->x != LM_UNK && sohoa_lm_bi_may_extend(rb, s->x) && sohoa_lm_trigram_find(m, s->x, y, z, &tl))
		ref = tl;
	else if (s->x == LM_UNK || y == LM_UNK || z == LM_UNK)
		ref = sohoa_lm_score2(m, y, z);
	else
		ref = (ra ? sohoa_lm_bi_bow(ra) : 0) + sohoa_lm_score2(m, y, z);
	if (lp != ref || (ra && z != LM_UNK && sohoa_lm_bi_bow(ra) != s->bow)) {
		fprintf(stderr, "restore check: score of %d %d %d is %d, the model says %d\n", s->x, y, z, lp, ref);
		abort();
	}
}
#endif

/* Viterbi with a beam over the positions of one span, as a machine that advances one position per
 * two calls, so that several spans (paragraphs) can be decoded in turn: the memory a span asks for
 * in one call arrives while the other spans run. Scores follow sohoa_lm_score, unrolled so that
 * the bigrams of each context word and candidate group are read once per position (one home
 * run), a trigram only when its bigram suffix is stored and marks the context word (the builder
 * keeps no other), and the context's backoff weight rides along in the state. Phase 0 reads the position's bigrams (requested at the end of the previous
 * position) and requests its trigrams; phase 1 reads those, scores, prunes the beam and requests
 * the next position's bigrams. */
typedef struct decoder {
	const restore_pos *pos;
	size_t np, p;
	state row[2][BEAM]; /* the states of the previous position and the current one, in turn */
	step *bt;           /* (np + 1) * BEAM: the way back */
	state *prev;
	int nprev, ny, phase;
	uint16_t ys[BEAM];
	int yof[BEAM];
	bigrams bg;
	uint32_t tri_slot[BEAM][RESTORE_MAXC], tri_fp[BEAM][RESTORE_MAXC]; /* where bit c of tmask[si] */
	uint16_t tmask[BEAM];   /* per state: bit c set when it asks a trigram for candidate c */
	uint16_t trimask[BEAM]; /* per context word: the union of its states' tmask */
} decoder;

static void dec_start(const sohoa_model *m, decoder *d, const restore_pos *pos,
		      size_t np, step *bt)
{
	state *st = d->row[0];
	d->pos = pos;
	d->np = np;
	d->p = 0;
	d->bt = bt;
	d->prev = st;
	d->nprev = 1;
	d->phase = 0;
	st[0] = (state){0, LM_BOS, LM_BOS, -1, 0, 0};
	const sohoa_lm_bigram *bh = sohoa_lm_bigram_find(m, LM_BOS, LM_BOS);
	st[0].bow = (int16_t)(bh ? sohoa_lm_bi_bow(bh) : 0);
	d->ny = distinct_ys(d->prev, d->nprev, d->ys, d->yof);
	if (np)
		bigram_request(m, d->ys, d->ny, &pos[0], &d->bg);
}

#ifdef RESTORE_CHECK
/* The new states as the decoder computed them before score_states: every state with every
 * candidate, in order; must equal score_states' answer. */
static void check_states(const sohoa_model *m, const decoder *d, const restore_pos *ps, const state *got, int ngot)
{
	const state *prev = d->prev;
	int nprev = d->nprev;
	state cand[BEAM * RESTORE_MAXC];
	int8_t kidx[BEAM][RESTORE_MAXC];
	uint8_t cfirst[RESTORE_MAXC];
	/* equal candidate ids share one new state */
	for (int c = 0; c < ps->n; c++) {
		int f = c;
		for (int e = 0; e < c; e++)
			if (ps->cand[e] == ps->cand[c]) {
				f = e;
				break;
			}
		cfirst[c] = (uint8_t)f;
		if (ps->n > 1 && ps->one_group &&
		    (f != c || sohoa_lm_gof(m, ps->cand[c]) != sohoa_lm_gof(m, ps->cand[0]))) {
			fprintf(stderr, "restore check: position %zu says its ids are one group's, id %d is not\n",
				d->p, ps->cand[c]);
			abort();
		}
	}
	for (int k = 0; k < d->ny; k++)
		for (int c = 0; c < ps->n; c++)
			kidx[k][c] = -1;
	int ncand = 0;
	for (int si = 0; si < nprev; si++) {
		const state *s = &prev[si];
		int y = s->y, yi = d->yof[si];
		for (int c = 0; c < ps->n; c++) {
			int z = ps->cand[c], lp, bw = 0;
			sohoa_lm_bigram b = {0, d->bg.val[yi][c]};
			if (d->bg.pres[yi] >> c & 1) {
				if (!(d->tmask[si] >> c & 1) ||
				    !sohoa_lm_trigram_at(m, d->tri_slot[si][c], d->tri_fp[si][c], &lp))
					lp = s->bow + sohoa_lm_bi_logp(&b);
				bw = sohoa_lm_bi_bow(&b);
			} else if (y == LM_UNK || z == LM_UNK) {
				lp = m->uni[z].logp;
			} else {
				lp = s->bow + m->uni[y].bow + m->uni[z].logp;
			}
			check_score(m, s, y, z, lp);
			int32_t sc = s->score + lp + ps->chan[c];
			int8_t *kp = &kidx[yi][cfirst[c]];
			if (*kp < 0 || sc > cand[*kp].score) {
				if (*kp < 0)
					*kp = (int8_t)ncand++;
				cand[*kp] = (state){sc, (uint16_t)y, (uint16_t)z, (int16_t)si, (int16_t)bw, (uint8_t)c};
			}
		}
	}
	/* both as the beam keeps them: within PRUNE_STATE of the best */
	int32_t top = INT32_MIN;
	for (int k = 0; k < ncand; k++)
		if (cand[k].score > top)
			top = cand[k].score;
	int nr = 0, ng = 0;
	for (int k = 0; k < ncand; k++)
		if (cand[k].score >= top - PRUNE_STATE)
			cand[nr++] = cand[k];
	state kept[BEAM * RESTORE_MAXC];
	for (int k = 0; k < ngot; k++)
		if (got[k].score >= top - PRUNE_STATE)
			kept[ng++] = got[k];
	int same = nr == ng;
	for (int k = 0; same && k < nr; k++)
		same = cand[k].score == kept[k].score && cand[k].x == kept[k].x && cand[k].y == kept[k].y &&
		       cand[k].back == kept[k].back && cand[k].bow == kept[k].bow && cand[k].c == kept[k].c;
	if (!same) {
		fprintf(stderr, "restore check: new states differ at position %zu\n", d->p);
		abort();
	}
}
#endif

/* The new states of position d->p, one per (context word, candidate id), each from its best
 * previous state: the first in order of the best score, as a loop over every state and candidate
 * gives, computed per context word (the state with the best score + backoff weight serves every
 * candidate the trigram table does not answer) rather than per state. Returns their number, the
 * best score in *best. */
static inline __attribute__((always_inline)) int score_states_as(const sohoa_model *m, const decoder *d,
								     const restore_pos *ps, state *cand, int32_t *best,
								     const int dups)
{
	const state *prev = d->prev;
	const bigrams *bg = &d->bg;
	int nprev = d->nprev, ny = d->ny, n = ps->n;
	int32_t bv[BEAM], bs[BEAM];
	int bvi[BEAM], bsi[BEAM];
	for (int k = 0; k < ny; k++)
		bvi[k] = -1;
	for (int si = 0; si < nprev; si++) {
		const state *s = &prev[si];
		int k = d->yof[si];
		int32_t v = s->score + s->bow;
		if (bvi[k] < 0) {
			bv[k] = v;
			bs[k] = s->score;
			bvi[k] = bsi[k] = si;
			continue;
		}
		if (v > bv[k]) {
			bv[k] = v;
			bvi[k] = si;
		}
		if (s->score > bs[k]) {
			bs[k] = s->score;
			bsi[k] = si;
		}
	}
	int32_t ulp[RESTORE_MAXC]; /* each candidate's unigram ln P plus its channel score */
	unsigned zunk = 0;         /* bit c: candidate c is LM_UNK */
	for (int c = 0; c < n; c++) {
		ulp[c] = m->uni[ps->cand[c]].logp + ps->chan[c];
		zunk |= (unsigned)(ps->cand[c] == LM_UNK) << c;
	}
	int ncand = 0;
	int32_t top = INT32_MIN;
	int8_t at[RESTORE_MAXC]; /* with repeated ids: the new state of each id's first candidate */
	for (int k = 0; k < ny; k++) {
		int y = d->ys[k];
		unsigned pres = bg->pres[k], tri = d->trimask[k];
		int32_t unseen = bv[k] + (y == LM_UNK ? 0 : m->uni[y].bow); /* + ulp: bigram not stored */
		unsigned unk = y == LM_UNK ? ~0u : zunk; /* bit c: no bigram context, the unigram alone */
		for (int c = 0; c < n; c++) {
			int z = ps->cand[c], si, bw;
			int32_t sc;
			if (!(tri >> c & 1)) {
				/* selects, not branches: which case holds is data the predictor cannot learn
				 * (bg->val[k][c] is stale where the bigram is not stored, and unused) */
				sohoa_lm_bigram b = {0, bg->val[k][c]};
				int have = pres >> c & 1, alone = unk >> c & 1;
				int32_t seen = bv[k] + sohoa_lm_bi_logp(&b) + ps->chan[c];
				int32_t back = (alone ? bs[k] : unseen) + ulp[c];
				sc = have ? seen : back;
				si = have || !alone ? bvi[k] : bsi[k];
				bw = have ? sohoa_lm_bi_bow(&b) : 0;
			} else {
				/* a trigram may answer for some states: each state of this word in turn */
				sohoa_lm_bigram b = {0, bg->val[k][c]};
				bw = sohoa_lm_bi_bow(&b);
				si = -1;
				sc = 0;
				for (int sj = 0; sj < nprev; sj++) {
					if (d->yof[sj] != k)
						continue;
					const state *s = &prev[sj];
					int lp;
					if (!(d->tmask[sj] >> c & 1) ||
					    !sohoa_lm_trigram_at(m, d->tri_slot[sj][c], d->tri_fp[sj][c], &lp))
						lp = s->bow + sohoa_lm_bi_logp(&b);
					if (si < 0 || s->score + lp > sc) {
						sc = s->score + lp;
						si = sj;
					}
				}
				sc += ps->chan[c];
			}
			if (sc > top)
				top = sc;
			state ns = {sc, (uint16_t)y, (uint16_t)z, (int16_t)si, (int16_t)bw, (uint8_t)c};
			if (!dups) {
				cand[ncand] = ns; /* kept unless pruned for certain: top only grows */
				ncand += sc >= top - PRUNE_STATE;
				continue;
			}
			int f = bg->cfirst[c];
			if (f == c) {
				at[c] = (int8_t)ncand;
				cand[ncand++] = ns;
			} else if (sc > cand[at[f]].score || (sc == cand[at[f]].score && si < cand[at[f]].back)) {
				cand[at[f]] = ns;
			}
		}
	}
	*best = top;
	return ncand;
}

/* score_states_as, compiled apart for the positions with and without a repeated id. */
static int score_states(const sohoa_model *m, const decoder *d, const restore_pos *ps, state *cand, int32_t *best)
{
	return d->bg.dups ? score_states_as(m, d, ps, cand, best, 1) : score_states_as(m, d, ps, cand, best, 0);
}

/* 1 when position ps has one candidate and the previous position one state: then the position's
 * one new state does not depend on its score (the scores are kept relative to the best). */
static inline int single(const decoder *d, const restore_pos *ps)
{
	return d->nprev == 1 && ps->n == 1;
}

/* One phase of position d->p; returns 1 once every position is decoded. */
static int dec_step(const sohoa_model *m, decoder *d)
{
	if (d->p >= d->np)
		return 1;
	const restore_pos *ps = &d->pos[d->p];
	const state *prev = d->prev;
	int nprev = d->nprev;
	if (d->phase == 0) {
		bigram_resolve(m, d->ys, d->ny, ps, &d->bg);
		/* trigram slots: one home per state and group, fetched together, read in phase 1 */
		memset(d->trimask, 0, sizeof d->trimask); /* a fixed size: no call */
#ifndef RESTORE_CHECK /* the check build sets them up still: it scores the position in full too */
		if (single(d, ps)) {
			d->phase = 1;
			return 0;
		}
#endif
		for (int si = 0; si < nprev; si++) {
			const state *s = &prev[si];
			int yi = d->yof[si];
			uint64_t th[RESTORE_MAXC];
			unsigned have = 0; /* bit j: th[j] computed */
			unsigned tri = 0;
			for (unsigned left = s->x == LM_UNK ? 0 : d->bg.pres[yi]; left; left &= left - 1) {
				int c = __builtin_ctz(left);
				sohoa_lm_bigram b = {0, d->bg.val[yi][c]};
				if (!sohoa_lm_bi_may_extend(&b, s->x))
					continue;
				tri |= 1u << c;
				int j = d->bg.cg[c];
				if (!(have >> j & 1)) {
					th[j] = sohoa_lm_trigram_hash(s->x, s->y, d->bg.grp[j]);
					have |= 1u << j;
					sohoa_lm_trigram_prefetch(m, sohoa_lm_trigram_home(m, th[j]));
				}
				d->tri_slot[si][c] = sohoa_lm_trigram_home(m, th[j]);
				d->tri_fp[si][c] = sohoa_lm_trigram_fp(th[j], ps->cand[c]);
			}
			d->tmask[si] = (uint16_t)tri;
			d->trimask[yi] |= (uint16_t)tri;
		}
		d->phase = 1;
		return 0;
	}
	state cand[BEAM * RESTORE_MAXC];
	int32_t top;
	int ncand;
	if (single(d, ps)) {
		/* one state goes on, its score made 0 below whatever it was: only the context's
		 * backoff weight is needed, not the trigrams */
		sohoa_lm_bigram b = {0, d->bg.val[0][0]};
		int bw = d->bg.pres[0] & 1 ? sohoa_lm_bi_bow(&b) : 0;
		cand[0] = (state){0, d->ys[0], ps->cand[0], 0, (int16_t)bw, 0};
		top = 0;
		ncand = 1;
#ifdef RESTORE_CHECK
		state full[BEAM * RESTORE_MAXC];
		int32_t ftop;
		int nfull = score_states(m, d, ps, full, &ftop);
		check_states(m, d, ps, full, nfull);
		full[0].score -= ftop;
		if (nfull != 1 || full[0].score != 0 || full[0].x != cand[0].x || full[0].y != cand[0].y ||
		    full[0].back != cand[0].back || full[0].bow != cand[0].bow || full[0].c != cand[0].c) {
			fprintf(stderr, "restore check: the one state differs at position %zu\n", d->p);
			abort();
		}
#endif
	} else {
		ncand = score_states(m, d, ps, cand, &top);
#ifdef RESTORE_CHECK
		check_states(m, d, ps, cand, ncand);
#endif
	}
	/* keep the best BEAM within PRUNE_STATE of the best */
	int keep = 0;
	for (int k = 0; k < ncand; k++)
		if (cand[k].score >= top - PRUNE_STATE)
			cand[keep++] = cand[k];
	if (keep > BEAM) {
		state_top(cand, keep);
		keep = BEAM;
	}
	state *cur = d->row[(d->p + 1) & 1];
	step *bt = d->bt + (d->p + 1) * BEAM;
	for (int k = 0; k < keep; k++) {
		cur[k] = cand[k];
		cur[k].score -= top; /* keep the numbers small on long paragraphs */
		bt[k] = (step){cand[k].c, (int8_t)cand[k].back};
	}
	d->prev = cur;
	d->nprev = keep;
	d->ny = distinct_ys(cur, keep, d->ys, d->yof);
	d->phase = 0;
	if (++d->p < d->np) {
		bigram_request(m, d->ys, d->ny, &d->pos[d->p], &d->bg);
		return 0;
	}
	return 1;
}

/* End of sentence and the way back: the chosen candidate index per position. */
static void dec_finish(const sohoa_model *m, const decoder *d, uint8_t *choice)
{
	int best = 0;
	int32_t bs = INT32_MIN;
	for (int si = 0; si < d->nprev; si++) {
		int32_t sc = d->prev[si].score + sohoa_lm_score(m, d->prev[si].x, d->prev[si].y, LM_EOS);
		if (sc > bs) {
			bs = sc;
			best = si;
		}
	}
	for (size_t p = d->np; p > 0; p--) {
		const step *s = &d->bt[p * BEAM + best];
		choice[p - 1] = s->c;
		best = s->back;
	}
}

/* Longest stretch decoded at once; the context restarts after it (bounds the scratch). */
#define MAX_SPAN 4096
/* Paragraphs decoded in turn by one thread (see decoder). */
#ifndef LANES
#define LANES 4
#endif

/* One lane: a paragraph being restored, one span at a time, with its own buffers. */
typedef struct lane {
	restore_pos *pos;
	restore_item *items;
	step *bt;
	uint8_t *choice;
	restore_wrote *wrote;
	sohoa_buf tmp;
	decoder d;
	/* the paragraph */
	const char *s;
	size_t n, i, end, ni;
	sohoa_restore_mode mode;
	sohoa_buf *out;
	size_t para; /* its index among the paragraphs restored together */
	size_t np;   /* positions of the span */
	int busy;
} lane;

/* Scratch kept per thread so that a paragraph costs no allocation once warm. */
typedef struct scratch {
	lane lanes[LANES];
	restore_vocab vocab;
} scratch;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
	scratch *w = p;
	if (!w)
		return;
	for (int k = 0; k < LANES; k++) {
		lane *l = &w->lanes[k];
		free(l->pos);
		free(l->items);
		free(l->bt);
		free(l->choice);
		free(l->wrote);
		sohoa_buf_free(&l->tmp);
	}
	restore_vocab_free(&w->vocab);
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

static int lane_reserve(lane *l)
{
	if (l->pos)
		return 0;
	l->pos = malloc((MAX_SPAN + 8) * sizeof *l->pos);
	l->bt = malloc((MAX_SPAN + 9) * BEAM * sizeof *l->bt);
	l->choice = malloc(MAX_SPAN + 8);
	l->items = malloc((2 * MAX_SPAN + 16) * sizeof *l->items);
	l->wrote = malloc((MAX_SPAN + 8) * sizeof *l->wrote);
	if (l->pos && l->bt && l->choice && l->items && l->wrote)
		return 0;
	free(l->pos);
	free(l->bt);
	free(l->choice);
	free(l->items);
	free(l->wrote);
	l->pos = NULL;
	l->bt = NULL;
	l->choice = NULL;
	l->items = NULL;
	l->wrote = NULL;
	return -1;
}

/* Tokenize the lane's next span and start decoding it. */
static void lane_span(const sohoa_model *m, const restore_adapt *ad, lane *l)
{
	size_t np = 0;
	l->ni = 0;
	l->end = restore_tokenize(m, ad, l->mode, l->s, l->n, l->i, l->items, &l->ni, 2 * MAX_SPAN, l->pos, &np, MAX_SPAN,
				  &l->tmp);
	l->np = np;
	dec_start(m, &l->d, l->pos, np, l->bt);
}

sohoa_status sohoa_restore(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *s, size_t n, sohoa_buf *out)
{
	return sohoa_restore_many(ctx, &mode, &s, &n, 1, out);
}

/* Decode the paragraphs k < count with todo[k] set, the lanes filled in turn, with the channel
 * ad says (NULL: the shipped one); each span's readings are kept in w->vocab. */
static sohoa_status restore_pass(sohoa_ctx *ctx, const sohoa_model *m, const restore_adapt *ad, scratch *w,
				 const sohoa_restore_mode *modes,
				 const char *const *texts, const size_t *lens, size_t count, const uint8_t *todo,
				 sohoa_tone_style style, sohoa_buf *outs)
{
	size_t next = 0;
	int busy = 0;
	for (int j = 0; j < LANES; j++)
		w->lanes[j].busy = 0;
	for (;;) {
		/* fill the free lanes with the next paragraphs */
		while (next < count && busy < LANES) {
			size_t k = next++;
			if (!todo[k])
				continue;
			lane *l = NULL;
			for (int j = 0; j < LANES && !l; j++)
				if (!w->lanes[j].busy)
					l = &w->lanes[j];
			if (lane_reserve(l))
				return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			l->s = texts[k];
			l->n = lens[k];
			l->i = 0;
			l->mode = modes[k];
			l->out = &outs[k];
			l->para = k;
			l->busy = 1;
			busy++;
			lane_span(m, ad, l);
		}
		if (!busy)
			return SOHOA_OK;
		/* one phase of each busy lane; a finished span is written out and the next one started */
		for (int j = 0; j < LANES; j++) {
			lane *l = &w->lanes[j];
			if (!l->busy || !dec_step(m, &l->d))
				continue;
			dec_finish(m, &l->d, l->choice);
			if (restore_emit_where(m, l->s, l->items, l->ni, l->pos, l->np, l->choice, style, l->out, l->wrote) ||
			    restore_vocab_note(&w->vocab, l->para, l->pos, l->np, l->choice, l->wrote))
				return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			if (sohoa_interrupted(ctx)) /* a span is done: the interrupt flag or deadline */
				return sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "interrupted");
			if (l->end > l->i && l->end < l->n) {
				l->i = l->end;
				lane_span(m, ad, l);
			} else {
				l->busy = 0;
				busy--;
			}
		}
	}
}

/* The E and M steps of the channel adaptation (restore.h sohoa_channel): the eng-OCR paragraphs
 * decoded exploring, their readings counted into ctx->channel, which rebuilds its readings; the
 * outputs and readings of this pass are then forgotten. One round: the proposals come from the
 * context, not from the channel, and a second exploring pass with the readings the first
 * learned found the same words on seed 001 and the rendered eng-OCR samples (docs/model.md). */
#define ADAPT_ROUNDS 1 /* E steps over the same paragraphs; see adapt_count */
static sohoa_status adapt_count(sohoa_ctx *ctx, const sohoa_model *m, scratch *w, const sohoa_restore_mode *job,
				const char *const *texts, const size_t *lens, size_t count, const uint8_t *todo,
				sohoa_tone_style style, sohoa_buf *outs, const size_t *start)
{
	uint8_t *ocr = malloc(count);
	if (!ocr)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t k = 0; k < count; k++)
		ocr[k] = todo[k] && job[k] == SOHOA_RESTORE_OCR;
	restore_adapt ad = {ctx->channel, 1};
	sohoa_status st = SOHOA_OK;
	for (int round = 0; round < ADAPT_ROUNDS && st == SOHOA_OK; round++) {
		restore_adapt_lock(ctx->channel);
		st = restore_pass(ctx, m, &ad, w, job, texts, lens, count, ocr, style, outs);
		restore_adapt_unlock(ctx->channel);
		if (st == SOHOA_OK && restore_adapt_count(ctx->channel, m, &w->vocab, texts, job, round > 0))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		for (size_t k = 0; k < count; k++)
			if (ocr[k])
				outs[k].len = start[k];
		restore_vocab_clear(&w->vocab, m);
	}
	free(ocr);
	return st;
}

sohoa_status sohoa_restore_many(sohoa_ctx *ctx, const sohoa_restore_mode *modes, const char *const *texts,
				const size_t *lens, size_t count, sohoa_buf *outs)
{
	const sohoa_model *m = NULL;
	scratch *w = NULL;
	int votes = 0;
	/* the words the model writes take the style of the marked words of the paragraphs given; with
	 * none to tell (stripped text), the model's own, the old style */
	for (size_t k = 0; k < count; k++)
		votes += restore_style_votes(texts[k], lens[k]);
	sohoa_tone_style style = votes > 0 ? SOHOA_TONE_NEW : SOHOA_TONE_OLD;
	/* the jobs; the paragraphs without one are copied */
	size_t *start = malloc((count ? count : 1) * (sizeof *start + sizeof(sohoa_restore_mode) + 1));
	if (!start)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_restore_mode *job = (sohoa_restore_mode *)(start + count);
	uint8_t *todo = (uint8_t *)(job + count);
	sohoa_status st = SOHOA_OK;
	size_t nwork = 0, nocr = 0;
	for (size_t k = 0; k < count && st == SOHOA_OK; k++) {
		job[k] = modes[k] == SOHOA_RESTORE_AUTO ? sohoa_restore_detect(texts[k], lens[k]) : modes[k];
		start[k] = outs[k].len;
		todo[k] = job[k] != SOHOA_RESTORE_OFF && lens[k] > 0;
		nwork += todo[k];
		nocr += todo[k] && job[k] == SOHOA_RESTORE_OCR;
		if (!todo[k] && restore_append_valid(&outs[k], texts[k], lens[k]))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	if (st == SOHOA_OK && nwork) {
		if ((st = get_model(ctx, &m)) == SOHOA_OK && (!(w = scratch_get()) || restore_vocab_start(&w->vocab)))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		restore_adapt ad = {ctx->channel, 0};
		int adapt = st == SOHOA_OK && ctx->channel && nocr;
		if (adapt && restore_adapt_bind(ctx->channel, m))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		if (adapt && st == SOHOA_OK && restore_adapt_learning(ctx->channel))
			st = adapt_count(ctx, m, w, job, texts, lens, count, todo, style, outs, start);
		/* decode; then the readings the paragraphs' own vocabulary disputes are looked at again */
		if (adapt)
			restore_adapt_lock(ctx->channel);
		if (st == SOHOA_OK)
			st = restore_pass(ctx, m, adapt ? &ad : NULL, w, job, texts, lens, count, todo, style, outs);
		if (st == SOHOA_OK)
			st = restore_vocab_apply(&w->vocab, ctx, m, texts, start, count, style, outs);
		if (adapt)
			restore_adapt_unlock(ctx->channel);
		if (w)
			restore_vocab_clear(&w->vocab, m);
	}
	free(start);
	return st;
}

/* docvocab: a document's own vocabulary as evidence. The decoder's readings of the paragraphs
 * restored together are counted per candidate group (the words of one stripped form); where one
 * form won a group clearly (DOC_SHARE per cent of at least DOC_MIN readings), each reading of that
 * group otherwise is looked at again in its context: it turns to the winner when the trigrams
 * around it, the channel and a bonus for the winner say so. A name, place or word the document
 * writes one way in clear contexts so wins its ambiguous repeats ("xã" after "các", "tỉnh"
 * before a name); context still decides. The second look costs a few trigram lookups per
 * disputed word, not a second decoding. */
#include "restore-int.h"

#include <stdlib.h>
#include <string.h>

#define DOC_MIN 3      /* readings of a group before its winner counts */
#define DOC_SHARE 60   /* per cent of them the winner must have */
#define DOC_BONUS 2000 /* ln-score * SCALE given to the winner */
#define NIDS 65536     /* ids and group numbers are 16-bit */
#define DOC_MAXREAD (1u << 18) /* readings kept per call; past them no second look */

int restore_vocab_start(restore_vocab *v)
{
	if (!v->count) {
		v->count = calloc(NIDS, sizeof *v->count);
		v->gtot = calloc(NIDS, sizeof *v->gtot);
		v->gtop = calloc(NIDS, sizeof *v->gtop);
		v->gbest = calloc(NIDS, sizeof *v->gbest);
		if (!v->count || !v->gtot || !v->gtop || !v->gbest) {
			restore_vocab_free(v);
			return -1;
		}
	}
	v->n = v->npos = 0;
	v->full = 0;
	return 0;
}

void restore_vocab_free(restore_vocab *v)
{
	free(v->count);
	free(v->gtot);
	free(v->gtop);
	free(v->gbest);
	free(v->rd);
	free(v->pos);
	free(v->order);
	memset(v, 0, sizeof *v);
}

int restore_vocab_note(restore_vocab *v, size_t para, const restore_pos *pos, size_t np, const uint8_t *choice,
		       const restore_wrote *wrote)
{
	if (v->full)
		return 0;
	if (v->n + np + 1 > DOC_MAXREAD) {
		v->full = 1; /* too much text at once: the first reading stands */
		return 0;
	}
	if (v->n + np + 1 > v->cap) {
		size_t cap = (v->n + np + 1) * 2 + 1024;
		restore_reading *r = realloc(v->rd, cap * sizeof *r);
		if (!r)
			return -1;
		v->rd = r;
		restore_pos *p = realloc(v->pos, cap * sizeof *p);
		if (!p)
			return -1;
		v->pos = p;
		v->cap = cap;
	}
	for (size_t p = 0; p < np; p++) {
		restore_reading *r = &v->rd[v->n++];
		uint16_t z = pos[p].n ? pos[p].cand[choice[p]] : LM_UNK;
		*r = (restore_reading){.para = (uint32_t)para, .id = z, .pos = UINT32_MAX, .w = wrote[p]};
		if (pos[p].n < 2 || wrote[p].out_e == UINT32_MAX)
			continue; /* nothing was chosen, or not written as a word */
		r->pos = (uint32_t)v->npos;
		v->pos[v->npos++] = pos[p];
		if (v->count[z] < UINT16_MAX)
			v->count[z]++;
	}
	/* a span's end: the context starts again */
	v->rd[v->n++] = (restore_reading){.para = (uint32_t)para, .id = LM_BOS, .pos = UINT32_MAX};
	return 0;
}

/* Each group's total and winner, from the words read. */
static void tally(restore_vocab *v, const sohoa_model *m)
{
	for (size_t i = 0; i < v->n; i++) {
		const restore_reading *r = &v->rd[i];
		if (r->pos == UINT32_MAX || !v->count[r->id])
			continue;
		unsigned g = sohoa_lm_gof(m, r->id);
		uint32_t t = (uint32_t)v->gtot[g] + v->count[r->id];
		v->gtot[g] = (uint16_t)(t < UINT16_MAX ? t : UINT16_MAX);
		if (v->count[r->id] > v->gtop[g]) {
			v->gtop[g] = v->count[r->id];
			v->gbest[g] = r->id;
		}
		v->count[r->id] = 0; /* added once; the readings keep the ids */
	}
}

/* The candidate index of the winner that disputes reading r (-1: none). */
static int disputed(const restore_vocab *v, const sohoa_model *m, const restore_reading *r)
{
	if (r->pos == UINT32_MAX)
		return -1;
	unsigned g = sohoa_lm_gof(m, r->id);
	if (v->gtot[g] < DOC_MIN || v->gtop[g] * 100 < v->gtot[g] * DOC_SHARE || v->gbest[g] == r->id)
		return -1;
	const restore_pos *ps = &v->pos[r->pos];
	for (int c = 0; c < ps->n; c++)
		if (ps->cand[c] == v->gbest[g])
			return c;
	return -1;
}

/* The id of the reading k places from a (LM_BOS before the paragraph or a span's start, LM_EOS
 * after it), in paragraph order. */
static int id_at(const restore_vocab *v, const size_t *ord, size_t lo, size_t hi, size_t a, int k)
{
	size_t i = a;
	for (; k < 0; k++) {
		if (i == lo || v->rd[ord[i - 1]].id == LM_BOS)
			return LM_BOS;
		i--;
	}
	for (; k > 0; k--) {
		if (i + 1 >= hi || v->rd[ord[i + 1]].id == LM_BOS)
			return LM_EOS;
		i++;
	}
	return v->rd[ord[i]].id;
}

/* ln-score of the trigrams that see position a holding id z. */
static int32_t around(const sohoa_model *m, const restore_vocab *v, const size_t *ord, size_t lo, size_t hi,
		      size_t a, int z)
{
	int x = id_at(v, ord, lo, hi, a, -2), y = id_at(v, ord, lo, hi, a, -1);
	int n1 = id_at(v, ord, lo, hi, a, 1);
	int32_t s = sohoa_lm_score(m, x, y, z);
	s += sohoa_lm_score(m, y, z, n1);
	if (n1 != LM_EOS)
		s += sohoa_lm_score(m, z, n1, id_at(v, ord, lo, hi, a, 2));
	return s;
}

/* Start fetching what around(m, v, ord, lo, hi, a, z) reads. */
static void around_prefetch(const sohoa_model *m, const restore_vocab *v, const size_t *ord, size_t lo, size_t hi,
			    size_t a, int z)
{
	int x = id_at(v, ord, lo, hi, a, -2), y = id_at(v, ord, lo, hi, a, -1);
	int n1 = id_at(v, ord, lo, hi, a, 1);
	sohoa_lm_score_prefetch(m, x, y, z);
	sohoa_lm_score_prefetch(m, y, z, n1);
	if (n1 != LM_EOS)
		sohoa_lm_score_prefetch(m, z, n1, id_at(v, ord, lo, hi, a, 2));
}

/* Disputed readings looked up ahead of the one being decided (their misses overlap). */
#define DOC_AHEAD 8

sohoa_status restore_vocab_apply(restore_vocab *v, sohoa_ctx *ctx, const sohoa_model *m, const char *const *texts,
				 const size_t *start, size_t count, sohoa_tone_style style, sohoa_buf *outs)
{
	if (v->full || !v->npos)
		return SOHOA_OK;
	tally(v, m);
	/* the readings of each paragraph together, in order: counting sort by paragraph */
	size_t *ord = realloc(v->order, (v->n + count + 1) * sizeof *ord);
	if (!ord)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	v->order = ord;
	size_t *off = ord + v->n;
	memset(off, 0, (count + 1) * sizeof *off);
	for (size_t i = 0; i < v->n; i++)
		off[v->rd[i].para + 1]++;
	for (size_t k = 0; k < count; k++)
		off[k + 1] += off[k];
	for (size_t i = 0; i < v->n; i++)
		ord[off[v->rd[i].para]++] = i;
	for (size_t k = count; k > 0; k--)
		off[k] = off[k - 1];
	off[0] = 0;
	sohoa_buf nb = {0};
	for (size_t k = 0; k < count; k++) {
		size_t lo = off[k], hi = off[k + 1];
		int changed = 0;
		/* the disputed readings in order, found DOC_AHEAD ahead of the one decided so that their
		 * lookups are under way (a reading's dispute depends on its own id only, and an id
		 * changes only when its reading is decided) */
		size_t ring_a[DOC_AHEAD];
		int ring_f[DOC_AHEAD], head = 0, nring = 0;
		size_t scan = lo;
		for (;;) {
			for (; scan < hi && nring < DOC_AHEAD; scan++) {
				const restore_reading *q = &v->rd[ord[scan]];
				int fq = disputed(v, m, q);
				if (fq < 0)
					continue;
				around_prefetch(m, v, ord, lo, hi, scan, v->pos[q->pos].cand[fq]);
				around_prefetch(m, v, ord, lo, hi, scan, q->id);
				ring_a[(head + nring) % DOC_AHEAD] = scan;
				ring_f[(head + nring) % DOC_AHEAD] = fq;
				nring++;
			}
			if (!nring)
				break;
			size_t a = ring_a[head];
			int f = ring_f[head];
			head = (head + 1) % DOC_AHEAD;
			nring--;
			restore_reading *r = &v->rd[ord[a]];
			const restore_pos *ps = &v->pos[r->pos];
			int c = 0;
			while (c < ps->n && ps->cand[c] != r->id)
				c++;
			if (c == ps->n)
				continue;
			int32_t gain = ps->chan[f] + DOC_BONUS - ps->chan[c] + around(m, v, ord, lo, hi, a, ps->cand[f]) -
				       around(m, v, ord, lo, hi, a, r->id);
			if (gain > 0) {
				r->id = ps->cand[f];
				r->w.keep0 = r->w.keep0 && f == 0 ? 2 : r->w.keep0 ? 3 : 0; /* 2: copy, 3: write */
				changed = 1;
				r->flip = 1;
			}
		}
		if (!changed)
			continue;
		/* the paragraph's text again, the turned words rewritten */
		nb.len = 0;
		const char *o = outs[k].data;
		size_t at = start[k];
		for (size_t a = lo; a < hi; a++) {
			restore_reading *r = &v->rd[ord[a]];
			if (!r->flip)
				continue;
			r->flip = 0;
			if (sohoa_buf_append(&nb, o + at, r->w.out_s - at))
				goto nomem;
			const char *s = texts[k] + r->w.in_s;
			size_t n = r->w.in_e - r->w.in_s;
			if (r->w.keep0 == 2 ? restore_append_valid(&nb, s, n)
					    : restore_put_word(sohoa_lm_word(m, r->id), s, n, style, &nb))
				goto nomem;
			at = r->w.out_e;
		}
		if (sohoa_buf_append(&nb, o + at, outs[k].len - at))
			goto nomem;
		outs[k].len = start[k];
		if (sohoa_buf_append(&outs[k], nb.data, nb.len))
			goto nomem;
	}
	sohoa_buf_free(&nb);
	return SOHOA_OK;
nomem:
	sohoa_buf_free(&nb);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}

void restore_vocab_clear(restore_vocab *v, const sohoa_model *m)
{
	for (size_t i = 0; i < v->n; i++) {
		const restore_reading *r = &v->rd[i];
		if (r->pos == UINT32_MAX)
			continue;
		unsigned g = sohoa_lm_gof(m, r->id);
		v->count[r->id] = 0;
		v->gtot[g] = v->gtop[g] = v->gbest[g] = 0;
	}
	v->n = v->npos = 0;
	v->full = 0;
}

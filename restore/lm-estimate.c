/* lm-estimate: the model's probabilities from the builder's counts (interpolated modified
 * Kneser-Ney, discounts scaled by each n-gram's average weight) and their pruning to the byte
 * budget: bigrams by what dropping them would cost, typos out; trigrams in what the bigrams
 * leave. See lm-int.h. */
#include "lm-int.h"
#include "../core/viet.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bigram whose form without marks has a sibling TYPO_RATIO times more frequent ("chuyên đổi"
 * beside "chuyển đổi") is noise for restoration: it is not stored (so neither are its trigrams),
 * and restoring falls back to the words' other evidence. */
#define TYPO_RATIO 100

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

/* An n-gram of weighted count c seen r times: into its context's statistics v and the counts of
 * counts nc (seen 1..4 times) that the discounts come from. */
static void ctx_add(nval *v, uint64_t c, uint64_t r, uint64_t nc[5])
{
	int k = r >= 3 ? 2 : (int)r - 1;
	if (r <= 4)
		nc[r]++;
	v->c += c;
	v->n[k]++;
	v->nw[k] += (float)((double)c / (double)r);
	v->n[3]++;
}

double lmb_ctx_gamma(const nval *v, const discount *D)
{
	if (!v || !v->c)
		return 1.0;
	double g = (D->d[1] * v->nw[0] + D->d[2] * v->nw[1] + D->d[3] * v->nw[2]) / (double)v->c;
	return g > 1.0 ? 1.0 : (g < 1e-9 ? 1e-9 : g);
}

/* Histogram threshold: the smallest score s such that at most cap items have score >= s. */
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

int lmb_strip_lower(const char *s, sohoa_buf *out)
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

int lmb_is_word_id(const sohoa_lmb *b, uint32_t id)
{
	uint32_t cp;
	const char *s = b->vocab[id];
	if (id < LM_NFIXED || !*s)
		return 0;
	sohoa_utf8_decode(s, strlen(s), &cp);
	return sohoa_lm_is_letter(cp);
}

/* The candidate groups: each word id's lowercase form without marks, numbered in the order of
 * the ids that first have them. */
static int group_ids(lmw *w)
{
	smap gm = {0};
	sohoa_buf sb = {0};
	int rc = 0;
	w->gof = calloc(w->V + 1, sizeof *w->gof);
	if (!w->gof)
		return -1;
	for (uint32_t id = 0; id < w->V; id++) {
		if (!lmb_is_word_id(w->b, id))
			continue;
		sb.len = 0;
		sentry *e = lmb_strip_lower(w->b->vocab[id], &sb) || !sb.data ? NULL : lmb_smap_get(&gm, sb.data, sb.len, 1);
		if (!e) {
			rc = -1;
			break;
		}
		if (e->id < 0)
			e->id = (int32_t)w->ngroups++;
		w->gof[id] = (uint32_t)e->id + 1;
	}
	lmb_smap_free(&gm);
	sohoa_buf_free(&sb);
	return rc;
}

/* The statistics of trigram key's context (a,b) and of its suffix bigram (b,c), made with create;
 * 0 if either is missing. */
static int tri_parts(lmw *w, uint64_t key, int create, nval **cv, nval **bv)
{
	*cv = lmb_nmap_get(&w->ctx3, key >> 16, create);
	*bv = lmb_nmap_get(&w->bi, key & 0xffffffffULL, create);
	return *cv && *bv;
}

/* Context statistics and discounts: trigram contexts (a,b) and the continuation counts of the
 * bigrams (b,c); bigram contexts b and the continuation counts of the unigrams; the unigram
 * smoothed toward uniform. */
static int estimate_contexts(lmw *w)
{
	sohoa_lmb *b = w->b;
	uint32_t V = w->V;
	uint64_t nc3[5] = {0}, nc2[5] = {0};
	for (size_t i = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		uint64_t key = b->tri.k[i] - 1, c = b->tri.v[i].c, r = b->tri.v[i].seen;
		nval *cv, *bv;
		if (!tri_parts(w, key, 1, &cv, &bv))
			return -1;
		ctx_add(cv, c, r, nc3);
		/* <s> has no left context: counts, not continuation counts */
		bv->c += LMB_KEY_B(key) == LM_BOS ? c : 1;
		bv->seen += LMB_KEY_B(key) == LM_BOS ? (uint32_t)r : 1;
		bv->raw += c;
	}
	w->D3 = discounts(nc3);
	w->ctx2 = calloc(V, sizeof *w->ctx2);
	w->p1 = calloc(V, sizeof *w->p1);
	if (!w->ctx2 || !w->p1)
		return -1;
	double cc1_total = 0;
	for (size_t i = 0; i < w->bi.cap; i++) {
		if (!w->bi.k[i])
			continue;
		uint64_t key = w->bi.k[i] - 1, c = w->bi.v[i].c, r = w->bi.v[i].seen;
		ctx_add(&w->ctx2[LMB_KEY_B(key)], c, r, nc2);
		w->p1[LMB_KEY_C(key)] += 1;
		cc1_total += 1;
	}
	w->D2 = discounts(nc2);
	/* (<s>,<s>) is a trigram context but never a bigram: keep an entry for its backoff weight. */
	if (!lmb_nmap_get(&w->bi, (uint64_t)LM_BOS << 16 | LM_BOS, 1))
		return -1;
	for (uint32_t c = 0; c < V; c++)
		w->p1[c] = (w->p1[c] + 0.5) / (cc1_total + 0.5 * V);
	w->p1[LM_BOS] = 1e-9;
	return 0;
}

/* The group of id for the typo test; an id in none has a number of its own. */
static uint64_t typo_group(const lmw *w, int id)
{
	return w->gof[id] ? w->gof[id] - 1 : 0x100000u + (uint32_t)id;
}

/* For each pair of groups, the raw count of its most frequent bigram (TYPO_RATIO). */
static int sibling_counts(lmw *w, nmap *sib)
{
	for (size_t i = 0; i < w->bi.cap; i++) {
		if (!w->bi.k[i])
			continue;
		uint64_t key = w->bi.k[i] - 1;
		nval *sv = lmb_nmap_get(sib, typo_group(w, LMB_KEY_B(key)) << 21 | typo_group(w, LMB_KEY_C(key)), 1);
		if (!sv)
			return -1;
		if (w->bi.v[i].raw > sv->c)
			sv->c = w->bi.v[i].raw;
	}
	return 0;
}

/* Bigram probabilities and backoff weights, and each bigram's pruning score (score[0..w->nbi),
 * in table order): its raw count times how far backoff would be off without it; 0 for typos and
 * bigrams of <unk>, which are never kept; the (<s>,<s>) context entry always is. */
static int estimate_bigrams(lmw *w, float *score)
{
	nmap sib = {0};
	if (sibling_counts(w, &sib)) {
		lmb_nmap_free(&sib);
		return -1;
	}
	w->nbi = 0;
	for (size_t i = 0; i < w->bi.cap; i++) {
		if (!w->bi.k[i])
			continue;
		uint64_t key = w->bi.k[i] - 1;
		int x = LMB_KEY_B(key), y = LMB_KEY_C(key);
		nval *v = &w->bi.v[i];
		const nval *cx = &w->ctx2[x];
		v->bow = (float)log(lmb_ctx_gamma(lmb_nmap_get(&w->ctx3, key, 0), &w->D3));
		if (!v->c) { /* the (<s>,<s>) context entry */
			v->logp = (float)log(lmb_ctx_gamma(cx, &w->D2) * w->p1[y]);
			v->raw = 1;
			score[w->nbi++] = 1e30f;
			continue;
		}
		double g2 = lmb_ctx_gamma(cx, &w->D2);
		double p = (v->c - disc(&w->D2, v->c, v->seen)) / (double)cx->c + g2 * w->p1[y];
		v->logp = (float)log(p);
		double loss = (double)v->raw * fabs(log(p) - log(g2 * w->p1[y]));
		nval *sv = lmb_nmap_get(&sib, typo_group(w, x) << 21 | typo_group(w, y), 0);
		int typo = sv && v->raw * TYPO_RATIO < sv->c;
		score[w->nbi++] = (x == LM_UNK || y == LM_UNK || typo) ? 0 : (float)loss + 1e-6f;
	}
	lmb_nmap_free(&sib);
	return 0;
}

/* Keep the bigrams of the best scores, as many as the budget gives them; *max_tri gets what is
 * left for the trigrams. The fixed sections are estimated (~V*50 bytes), less slack. */
static int prune_bigrams(lmw *w, const sohoa_lmb_options *opt, long slack, const float *score, size_t *max_tri,
			 char *msg, size_t msgsize)
{
	sohoa_lmb *b = w->b;
	size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : 25000000;
	/* Budget: fixed sections ~ V*50 bytes, bigrams 8/0.75 each, trigrams 4/0.75 each. */
	size_t fixed_bytes = (size_t)w->V * 50 + 65536 * 8 + b->nchan * 40 + b->ngaz * 40 + 4096;
	if (slack > 0)
		fixed_bytes = (size_t)slack < fixed_bytes / 2 ? fixed_bytes - (size_t)slack : fixed_bytes / 2;
	else
		fixed_bytes += (size_t)-slack;
	if (fixed_bytes >= max_bytes) {
		snprintf(msg, msgsize, "budget of %zu bytes too small", max_bytes);
		return -1;
	}
	size_t avail = max_bytes - fixed_bytes, nbi = w->nbi;
	size_t max_bi = opt && opt->max_bigrams ? opt->max_bigrams : (size_t)(avail * 0.5 / (8 / 0.75));
	double bthr = score_threshold(score, nbi, max_bi);
	w->kb = 0;
	w->keep_bi = malloc((nbi < max_bi ? nbi : max_bi) * sizeof *w->keep_bi + 8);
	if (!w->keep_bi) {
		snprintf(msg, msgsize, "out of memory");
		return -1;
	}
	for (size_t i = 0, s = 0; i < w->bi.cap; i++) {
		if (!w->bi.k[i])
			continue;
		float sc = score[s++];
		if (sc > 0 && sc >= bthr && w->kb < max_bi)
			w->keep_bi[w->kb++] = w->bi.k[i] - 1;
		else
			w->bi.v[i].raw = 0; /* marks "pruned" */
	}
	/* What the bigrams take: their table at load 0.75 and, as in version 2, a Bloom filter of
	 * 16 bits a bigram (a power of two). Version 3 has no filter: its bytes, less the group
	 * numbers', make the table sparser (load about 0.64), so that the file has the size and the
	 * n-grams that version 2 had. */
	w->bloom_lg = 10;
	while (((size_t)8 << w->bloom_lg) * 8 < w->kb * 16 && w->bloom_lg < 24)
		w->bloom_lg++;
	size_t used = (size_t)(w->kb * 8 / 0.75) + ((size_t)8 << w->bloom_lg);
	*max_tri = used < avail ? (size_t)((avail - used) / (4 / 0.75)) : 0;
	return 0;
}

/* Trigram probabilities; keep the trigrams of the best scores (count * |ln P3 - ln(gamma P2)|)
 * whose bigrams are kept, at most max_tri. */
static int estimate_trigrams(lmw *w, size_t max_tri, float *score)
{
	sohoa_lmb *b = w->b;
	w->ntri = 0;
	for (size_t i = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		uint64_t key = b->tri.k[i] - 1, c = b->tri.v[i].c, r = b->tri.v[i].seen;
		nval *cv, *bv, *ab = lmb_nmap_get(&w->bi, key >> 16, 0);
		tri_parts(w, key, 0, &cv, &bv);
		double g = lmb_ctx_gamma(cv, &w->D3);
		double p2 = exp(bv->logp);
		double p = (c - disc(&w->D3, c, r)) / (double)cv->c + g * p2;
		b->tri.v[i].logp = (float)log(p);
		int usable = LMB_KEY_A(key) != LM_UNK && LMB_KEY_B(key) != LM_UNK && LMB_KEY_C(key) != LM_UNK && ab &&
			     ab->raw && bv->raw;
		score[w->ntri++] = usable ? (float)((double)c * fabs(log(p) - log(g * p2))) + 1e-6f : 0;
	}
	size_t ntri = w->ntri;
	double tthr = score_threshold(score, ntri, max_tri);
	w->kt = 0;
	w->keep_tri = malloc(((ntri < max_tri ? ntri : max_tri) + 1) * sizeof *w->keep_tri);
	w->keep_tri_p = malloc(((ntri < max_tri ? ntri : max_tri) + 1) * sizeof *w->keep_tri_p);
	if (!w->keep_tri || !w->keep_tri_p)
		return -1;
	for (size_t i = 0, s = 0; i < b->tri.cap; i++) {
		if (!b->tri.k[i])
			continue;
		float sc = score[s++];
		if (sc > 0 && sc >= tthr && w->kt < max_tri) {
			w->keep_tri[w->kt] = b->tri.k[i] - 1;
			w->keep_tri_p[w->kt] = b->tri.v[i].logp;
			w->kt++;
		}
	}
	return 0;
}

int lmb_estimate(lmw *w, const sohoa_lmb_options *opt, long slack, char *msg, size_t msgsize)
{
	size_t max_tri = 0;
	msg[0] = 0;
	if (group_ids(w) || estimate_contexts(w))
		goto nomem;
	float *score = malloc((w->bi.n + 1) * sizeof *score);
	if (!score || estimate_bigrams(w, score)) {
		free(score);
		goto nomem;
	}
	int bad = prune_bigrams(w, opt, slack, score, &max_tri, msg, msgsize);
	free(score);
	if (bad)
		return -1;
	score = malloc((w->b->tri.n + 1) * sizeof *score);
	if (!score || estimate_trigrams(w, max_tri, score)) {
		free(score);
		goto nomem;
	}
	free(score);
	return 0;
nomem:
	snprintf(msg, msgsize, "out of memory");
	return -1;
}

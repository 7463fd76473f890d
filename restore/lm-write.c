/* lm-write: the model laid out in the mapped format of lm.h from the estimates of lm-estimate.c
 * (strings, unigrams, candidate groups, the n-gram tables homed by group, channel tables,
 * gazetteer, case section), and sohoa_lmb_write, which repeats estimation and layout until the
 * file fills its byte budget. See lm-int.h. */
#include "lm-int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ln p as -q/100 in 12 bits (down to -40.95). */
static uint32_t q12(double lnp)
{
	long q = lrint(-lnp * 100);
	return (uint32_t)(q < 0 ? 0 : q > 4095 ? 4095 : q);
}

/* ln p * SCALE in 16 bits, clamped to [SOHOA_LM_FLOOR, 0]. */
static int16_t q16(double lnp)
{
	double v = lnp * SOHOA_LM_SCALE;
	if (v < SOHOA_LM_FLOOR)
		v = SOHOA_LM_FLOOR;
	if (v > 0)
		v = 0;
	return (int16_t)lrint(v);
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

/* Put string key t of an open-addressing table tab (slots 32-bit, or 16-bit with tab16) at the
 * first free slot from its home: value + 1. */
static void hash_put(uint32_t *tab, uint16_t *tab16, uint32_t slots, const char *key, uint32_t value)
{
	uint32_t j = sohoa_lm_range(sohoa_lm_hash_str(key, strlen(key)), slots);
	while (tab ? tab[j] : tab16[j])
		j = j + 1 == slots ? 0 : j + 1;
	if (tab)
		tab[j] = value + 1;
	else
		tab16[j] = (uint16_t)(value + 1);
}

/* The strings' blob (first the keys), each id's offset in it, the unigrams and the key -> id hash. */
static int lay_words(lmw *w)
{
	sohoa_lmb *b = w->b;
	uint32_t V = w->V;
	if (sohoa_buf_append(&w->blob, "", 1))
		return -1;
	w->word_off = malloc(V * sizeof *w->word_off);
	w->uni = malloc(V * sizeof *w->uni);
	if (!w->word_off || !w->uni)
		return -1;
	for (uint32_t id = 0; id < V; id++) {
		w->word_off[id] = (uint32_t)w->blob.len;
		if (sohoa_buf_append(&w->blob, b->vocab[id], strlen(b->vocab[id]) + 1))
			return -1;
		w->uni[id].logp = q16(log(w->p1[id]));
		w->uni[id].bow = q16(log(lmb_ctx_gamma(&w->ctx2[id], &w->D2)));
	}
	w->uni[LM_BOS].logp = SOHOA_LM_FLOOR;
	w->h.vhash_slots = slots_for(V, 0.5);
	w->vhash = calloc(w->h.vhash_slots, sizeof *w->vhash);
	if (!w->vhash)
		return -1;
	for (uint32_t id = 0; id < V; id++)
		hash_put(NULL, w->vhash, w->h.vhash_slots, b->vocab[id], id);
	return 0;
}

static const sohoa_lmb *sort_b;
static int cmp_id_count(const void *x, const void *y)
{
	uint16_t a = *(const uint16_t *)x, c = *(const uint16_t *)y;
	if (sort_b->vcount[a] != sort_b->vcount[c])
		return sort_b->vcount[a] < sort_b->vcount[c] ? 1 : -1;
	return a < c ? -1 : a > c;
}

/* The candidate groups (their forms in the blob, the ids of each, most frequent first), the
 * form -> group hash, and the gof section: each id's group, or a number of its own after them. */
static int lay_groups(lmw *w)
{
	uint32_t V = w->V, ng = w->ngroups;
	sohoa_buf sb = {0};
	w->groups = calloc(V, sizeof *w->groups);
	w->cands = calloc(V + 1, sizeof *w->cands);
	if (!w->groups || !w->cands)
		return -1;
	for (uint32_t id = 0, next = 0; id < V; id++) {
		if (!w->gof[id])
			continue;
		/* Every word's form is made in turn, and a group's first word's form goes into the
		 * blob with the byte after it. A form that strips to nothing (a lone combining mark)
		 * writes no NUL there: that group's string is the byte the previous form left in sb,
		 * run into the next string. The file keeps that quirk byte for byte. */
		sb.len = 0;
		if (lmb_strip_lower(w->b->vocab[id], &sb) || !sb.data) {
			sohoa_buf_free(&sb);
			return -1;
		}
		sohoa_lm_group *g = &w->groups[w->gof[id] - 1];
		if (w->gof[id] - 1 == next) { /* the group's first id: its form into the blob */
			next++;
			g->str = (uint32_t)w->blob.len;
			if (sohoa_buf_append(&w->blob, sb.data, sb.len + 1)) {
				sohoa_buf_free(&sb);
				return -1;
			}
		}
		g->n++;
	}
	sohoa_buf_free(&sb);
	/* lay out candidates group by group */
	uint32_t pos = 0;
	for (uint32_t g = 0; g < ng; g++) {
		w->groups[g].cand = pos;
		pos += w->groups[g].n;
		w->groups[g].n = 0;
	}
	for (uint32_t id = 0; id < V; id++)
		if (w->gof[id]) {
			sohoa_lm_group *g = &w->groups[w->gof[id] - 1];
			w->cands[g->cand + g->n++] = (uint16_t)id;
		}
	sort_b = w->b;
	for (uint32_t g = 0; g < ng; g++)
		qsort(w->cands + w->groups[g].cand, w->groups[g].n, sizeof *w->cands, cmp_id_count);
	w->h.ngroups = ng;
	w->h.ghash_slots = slots_for(ng, 0.5);
	w->ghash = calloc(w->h.ghash_slots, sizeof *w->ghash);
	w->gnum = calloc(V + 1, sizeof *w->gnum);
	if (!w->ghash || !w->gnum)
		return -1;
	for (uint32_t g = 0; g < ng; g++)
		hash_put(w->ghash, NULL, w->h.ghash_slots, w->blob.data + w->groups[g].str, g);
	size_t ngof = ng;
	for (uint32_t id = 0; id < V; id++)
		w->gnum[id] = (uint16_t)(w->gof[id] ? w->gof[id] - 1 : ngof++);
	w->h.ngof = ngof;
	return 0;
}

/* The kept bigrams and trigrams in their tables, homed by the last word's group; each trigram
 * marks its first word in the bigram entry of its suffix (sohoa_lm_bi_may_extend). */
static int lay_ngrams(lmw *w)
{
	sohoa_lm_header *h = &w->h;
	h->nbigrams = w->kb;
	h->bigram_slots = slots_for(w->kb, 0.75);
	size_t filter = (size_t)8 << w->bloom_lg, gof_bytes = ((size_t)w->V * 2 + 7) & ~(size_t)7;
	if (filter > gof_bytes)
		h->bigram_slots += (uint32_t)((filter - gof_bytes) / 8);
	w->btab = calloc(h->bigram_slots, sizeof *w->btab);
	if (!w->btab)
		return -1;
	for (size_t i = 0; i < w->kb; i++) {
		uint32_t key = (uint32_t)w->keep_bi[i];
		nval *v = lmb_nmap_get(&w->bi, w->keep_bi[i], 0);
		uint32_t j = sohoa_lm_range(sohoa_lm_bigram_hash((int)(key >> 16), w->gnum[key & 0xffff]), h->bigram_slots);
		while (w->btab[j].key)
			j = j + 1 == h->bigram_slots ? 0 : j + 1;
		w->btab[j].key = key;
		w->btab[j].val = q12(v->logp) | (uint32_t)q12(v->bow) << 12;
	}
	h->ntrigrams = w->kt;
	h->trigram_slots = slots_for(w->kt, 0.75);
	w->ttab = calloc(h->trigram_slots, sizeof *w->ttab);
	if (!w->ttab)
		return -1;
	for (size_t i = 0; i < w->kt; i++) {
		uint64_t t = w->keep_tri[i];
		uint64_t hh = sohoa_lm_trigram_hash(LMB_KEY_A(t), LMB_KEY_B(t), w->gnum[LMB_KEY_C(t)]);
		uint32_t fp = sohoa_lm_trigram_fp(hh, LMB_KEY_C(t));
		uint32_t j = sohoa_lm_range(hh, h->trigram_slots);
		while (w->ttab[j])
			j = j + 1 == h->trigram_slots ? 0 : j + 1;
		long q = lrint(-w->keep_tri_p[i] * 10);
		w->ttab[j] = fp << 8 | (uint32_t)(q < 0 ? 0 : q > 255 ? 255 : q);
		/* mark the first word in the bigram entry of (b,c) */
		uint32_t bkey = (uint32_t)(t & 0xffffffffULL);
		uint32_t bj = sohoa_lm_range(sohoa_lm_bigram_hash((int)(bkey >> 16), w->gnum[bkey & 0xffff]),
					     h->bigram_slots);
		while (w->btab[bj].key && w->btab[bj].key != bkey)
			bj = bj + 1 == h->bigram_slots ? 0 : bj + 1;
		if (w->btab[bj].key == bkey)
			w->btab[bj].val |= (uint32_t)1 << (24 + sohoa_lm_sigbit(LMB_KEY_A(t)));
	}
	return 0;
}

/* The token channel: the observed tokens (in input order, their strings in the blob), each with
 * its readings ln P(observed | intended), and the observed -> token hash. */
static int lay_channel_tokens(lmw *w)
{
	sohoa_lmb *b = w->b;
	smap cm = {0};
	size_t nct = 0;
	double *tot = calloc(w->V, sizeof *tot);
	uint32_t *cnt = calloc(b->nchan + 1, sizeof *cnt), *which = calloc(b->nchan + 1, sizeof *which);
	w->ctok = calloc(b->nchan + 1, sizeof *w->ctok);
	w->clist = calloc(b->nchan + 1, sizeof *w->clist);
	int ok = tot && cnt && which && w->ctok && w->clist;
	for (size_t i = 0; ok && i < b->nchan; i++)
		tot[b->chan[i].id] += b->chan[i].count;
	/* group entries by observed string, in input order */
	for (size_t i = 0; ok && i < b->nchan; i++) {
		sentry *e = lmb_smap_get(&cm, b->chan[i].obs, strlen(b->chan[i].obs), 1);
		if (!e) {
			ok = 0;
			break;
		}
		if (e->id < 0) {
			e->id = (int32_t)nct;
			w->ctok[nct].str = (uint32_t)w->blob.len;
			if (sohoa_buf_append(&w->blob, b->chan[i].obs, strlen(b->chan[i].obs) + 1))
				ok = 0;
			nct++;
		}
		which[i] = (uint32_t)e->id;
		cnt[e->id]++;
	}
	uint32_t pos = 0;
	for (size_t t = 0; ok && t < nct; t++) {
		w->ctok[t].list = pos;
		pos += cnt[t];
	}
	for (size_t i = 0; ok && i < b->nchan; i++) {
		sohoa_lm_chan_tok *t = &w->ctok[which[i]];
		w->clist[t->list + t->n].id = (uint16_t)b->chan[i].id;
		w->clist[t->list + t->n].logp = q16(log(b->chan[i].count / tot[b->chan[i].id]));
		t->n++;
	}
	w->h.nchan_tok = (uint32_t)nct;
	w->h.chan_tok_slots = nct ? slots_for(nct, 0.5) : 0;
	w->cthash = ok ? calloc(w->h.chan_tok_slots + 1, sizeof *w->cthash) : NULL;
	for (size_t t = 0; w->cthash && t < nct; t++)
		hash_put(w->cthash, NULL, w->h.chan_tok_slots, w->blob.data + w->ctok[t].str, (uint32_t)t);
	free(tot);
	free(cnt);
	free(which);
	lmb_smap_free(&cm);
	return w->cthash ? 0 : -1;
}

/* The character channel (ln P(observed | intended) within each intended string) and the
 * gazetteer phrases (their keys in the blob). */
static int lay_channel_chars(lmw *w)
{
	sohoa_lmb *b = w->b;
	w->cchr = calloc(b->nchr + 1, sizeof *w->cchr);
	w->gz = calloc(b->ngaz + 1, sizeof *w->gz);
	if (!w->cchr || !w->gz)
		return -1;
	for (size_t i = 0; i < b->nchr; i++) {
		double tot = 0;
		for (size_t j = 0; j < b->nchr; j++)
			if (strcmp(b->chr[i].intended, b->chr[j].intended) == 0)
				tot += b->chr[j].count;
		memcpy(w->cchr[i].obs, b->chr[i].obs, 12);
		memcpy(w->cchr[i].intended, b->chr[i].intended, 12);
		w->cchr[i].logp = (int32_t)lrint(log(b->chr[i].count / tot) * SOHOA_LM_SCALE);
	}
	w->h.nchan_chr = (uint32_t)b->nchr;
	for (size_t i = 0; i < b->ngaz; i++) {
		w->gz[i] = (uint32_t)w->blob.len;
		if (sohoa_buf_append(&w->blob, b->gaz[i], strlen(b->gaz[i]) + 1))
			break;
	}
	w->h.ngaz = (uint32_t)b->ngaz;
	return 0;
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

/* Append bytes to out at the next 8-byte boundary; their offset goes to *off. */
static int section(sohoa_buf *out, uint64_t *off, const void *data, size_t bytes)
{
	if (buf_pad(out))
		return -1;
	*off = out->len;
	return bytes && sohoa_buf_append(out, data, bytes) ? -1 : 0;
}

/* The file: the header, then each section 8-byte aligned, in the order of lm.h. */
static int lay_file(lmw *w, sohoa_buf *out)
{
	sohoa_lm_header *h = &w->h;
	sohoa_lmb *b = w->b;
	size_t V = w->V;
	w->casep = case_section(b);
	out->len = 0;
	int bad = !w->casep || sohoa_buf_append(out, (const char *)h, sizeof *h);
	bad = bad || section(out, &h->str_off, w->blob.data, w->blob.len);
	bad = bad || section(out, &h->word_off, w->word_off, V * 4);
	bad = bad || section(out, &h->uni_off, w->uni, V * sizeof *w->uni);
	bad = bad || section(out, &h->vhash_off, w->vhash, (size_t)h->vhash_slots * 2);
	bad = bad || section(out, &h->group_off, w->groups, (size_t)h->ngroups * sizeof *w->groups);
	bad = bad || section(out, &h->ghash_off, w->ghash, (size_t)h->ghash_slots * 4);
	bad = bad || section(out, &h->cand_off, w->cands, V * 2);
	bad = bad || section(out, &h->bigram_off, w->btab, h->bigram_slots * sizeof *w->btab);
	bad = bad || section(out, &h->trigram_off, w->ttab, h->trigram_slots * 4);
	bad = bad || section(out, &h->chan_tok_off, w->ctok, h->nchan_tok * sizeof *w->ctok);
	bad = bad || section(out, &h->chan_tok_hash_off, w->cthash, (size_t)h->chan_tok_slots * 4);
	bad = bad || section(out, &h->chan_list_off, w->clist, b->nchan * sizeof *w->clist);
	bad = bad || section(out, &h->chan_chr_off, w->cchr, b->nchr * sizeof *w->cchr);
	bad = bad || section(out, &h->gaz_off, w->gz, b->ngaz * 4);
	bad = bad || section(out, &h->gof_off, w->gnum, V * 2);
	bad = bad || section(out, &h->case_off, w->casep, V * 2);
	bad = bad || buf_pad(out);
	if (bad)
		return -1;
	h->file_size = out->len;
	memcpy(out->data, h, sizeof *h);
	return 0;
}

void lmw_free(lmw *w)
{
	void *arrays[] = {w->gof, w->p1, w->ctx2, w->keep_bi, w->keep_tri, w->keep_tri_p, w->word_off, w->uni,
			  w->vhash, w->groups, w->cands, w->ghash, w->gnum, w->btab, w->ttab, w->ctok, w->cthash,
			  w->clist, w->cchr, w->gz, w->casep};
	for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
		free(arrays[i]);
	lmb_nmap_free(&w->ctx3);
	lmb_nmap_free(&w->bi);
	sohoa_buf_free(&w->blob);
}

/* One estimation and layout. The budget is split from an estimate of the fixed sections, less
 * slack (bytes the estimate is known to overshoot by); *all_kept is set when nothing was pruned. */
static int write_model(sohoa_lmb *b, const sohoa_lmb_options *opt, long slack, const uint8_t digest[32],
		       sohoa_buf *out, char *msg, size_t msgsize, int *all_kept)
{
	lmw w = {.b = b, .V = b->nvocab};
	memset(&w.h, 0, sizeof w.h); /* the header is written whole: no stray bytes */
	if (!w.V) {
		snprintf(msg, msgsize, "no vocabulary");
		return -1;
	}
	int rc = lmb_estimate(&w, opt, slack, msg, msgsize);
	if (rc == 0) {
		sohoa_lm_header *h = &w.h;
		memcpy(h->magic, SOHOA_LM_MAGIC, 8);
		h->version = SOHOA_LM_VERSION;
		h->order = 3;
		if (digest)
			memcpy(h->digest, digest, 32);
		h->nvocab = w.V;
		h->ntokens = b->ntokens;
		rc = lay_words(&w) || lay_groups(&w) || lay_ngrams(&w) || lay_channel_tokens(&w) ||
		     lay_channel_chars(&w) || lay_file(&w, out) ? -1 : 0;
		if (rc)
			snprintf(msg, msgsize, "out of memory");
	}
	if (rc == 0) {
		*all_kept = w.kb == w.nbi && w.kt == w.ntri;
		snprintf(msg, msgsize,
			 "vocab %u, groups %u, bigrams %zu of %zu, trigrams %zu of %zu, channel %u tokens %zu chars, "
			 "gazetteer %zu, %zu bytes; D3 %.2f %.2f %.2f D2 %.2f %.2f %.2f",
			 w.V, w.h.ngroups, w.kb, w.nbi, w.kt, w.ntri, w.h.nchan_tok, b->nchr, b->ngaz, out->len,
			 w.D3.d[1], w.D3.d[2], w.D3.d[3], w.D2.d[1], w.D2.d[2], w.D2.d[3]);
	}
	lmw_free(&w);
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

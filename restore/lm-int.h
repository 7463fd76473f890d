/* lm-int.h: what the model builder's files share, private to them: lm-build.c (the counts:
 * vocabulary, n-grams, channel and gazetteer input), lm-estimate.c (interpolated modified
 * Kneser-Ney estimation and pruning to the byte budget) and lm-write.c (the layout of lm.h's
 * format, and sohoa_lmb_write). */
#ifndef SOHOA_LM_INT_H
#define SOHOA_LM_INT_H

#include "lm.h"

/* --- a string -> (count, id) map with an arena (lm-build.c) --- */

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

/* The entry of s[0..n); with create, a new one (count 0, id -1) when it is absent. NULL when absent
 * (without create) or out of memory. Creating may move the entries: earlier pointers go stale. */
sentry *lmb_smap_get(smap *m, const char *s, size_t n, int create);
const char *lmb_smap_str(const smap *m, const sentry *e);
void lmb_smap_free(smap *m);

/* --- a uint64 -> value map, keys stored +1 so that 0 marks an empty slot (lm-build.c) --- */

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

/* The value of key; with create, a new zeroed one when it is absent. NULL when absent (without
 * create) or out of memory. Creating may move the values. */
nval *lmb_nmap_get(nmap *m, uint64_t key, int create);
void lmb_nmap_free(nmap *m);

/* An n-gram key a<<32 | b<<16 | c and its words. */
#define LMB_KEY_A(k) ((int)((k) >> 32 & 0xffff))
#define LMB_KEY_B(k) ((int)((k) >> 16 & 0xffff))
#define LMB_KEY_C(k) ((int)((k) & 0xffff))

/* --- the builder (lm-build.c) --- */

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

/* --- one estimation (lm-estimate.c) and its layout (lm-write.c) --- */

typedef struct discount { double d[4]; } discount; /* d[1], d[2], d[3] for counts 1, 2, 3+ */

/* One pass of sohoa_lmb_write: the estimates, what pruning kept, and the sections laid out. */
typedef struct lmw {
	sohoa_lmb *b;
	uint32_t V;          /* vocabulary size */
	/* candidate groups: the lowercase form without marks of each word id (lm-estimate.c) */
	uint32_t *gof;       /* id -> its group + 1, 0 for ids that are no words */
	uint32_t ngroups;
	/* estimates (lm-estimate.c) */
	nmap ctx3, bi;       /* trigram contexts (a,b) and bigrams (b,c), keyed as (a,b,0) >> 16 */
	nval *ctx2;          /* bigram contexts b */
	double *p1;          /* unigram continuation probabilities */
	discount D3, D2;
	size_t nbi, ntri;    /* bigrams and trigrams estimated */
	uint64_t *keep_bi;   /* the kb bigrams kept (keys) */
	size_t kb;
	uint64_t *keep_tri;  /* the kt trigrams kept (keys, ln P) */
	float *keep_tri_p;
	size_t kt;
	unsigned bloom_lg;   /* log2 of the filter version 2 had, which sizes the bigram table */
	/* layout (lm-write.c) */
	sohoa_lm_header h;
	sohoa_buf blob;
	uint32_t *word_off;
	sohoa_lm_uni *uni;
	uint16_t *vhash;
	sohoa_lm_group *groups;
	uint16_t *cands;
	uint32_t *ghash;
	uint16_t *gnum;      /* the gof section: each id's candidate group */
	sohoa_lm_bigram *btab;
	uint32_t *ttab;
	sohoa_lm_chan_tok *ctok;
	uint32_t *cthash;
	sohoa_lm_chan_cand *clist;
	sohoa_lm_chan_chr *cchr;
	uint32_t *gz;
	int8_t *casep;
} lmw;

/* Estimate the model of w->b (set w->b and w->V first) and prune it to opt's byte budget, the
 * fixed sections' estimate corrected by slack. 0, or -1 with the reason in msg. */
int lmb_estimate(lmw *w, const sohoa_lmb_options *opt, long slack, char *msg, size_t msgsize);
/* 1 if id's key is a word (starts with a letter): not a fixed id, a number or punctuation. */
int lmb_is_word_id(const sohoa_lmb *b, uint32_t id);
/* The key s without marks, lowercase, appended to out; -1 when out of memory. */
int lmb_strip_lower(const char *s, sohoa_buf *out);
/* The backoff weight gamma of a context (1 for none). */
double lmb_ctx_gamma(const nval *v, const discount *D);
/* Free everything w holds (not w->b). */
void lmw_free(lmw *w);

#endif

/* lm: the syllable trigram language model behind diacritic restoration — its file format (one
 * memory-mapped file, all offsets relative, nothing parsed at load), the lookups the decoder uses,
 * the tokenizer that the builder and the decoder share, and the builder (lm-build.c,
 * lm-estimate.c, lm-write.c).
 * Private to restore/: other stages use restore.h; the model tools (tools/model/) and the unit
 * tests include it, as SQLite's tests include its internals. */
#ifndef SOHOA_LM_H
#define SOHOA_LM_H

#include "../core/sohoa.h"

#define SOHOA_LM_MAGIC "SOHOALM\x1a"
#define SOHOA_LM_VERSION 3
#define SOHOA_LM_SCALE 1000   /* log-probs are stored as round(ln p * SCALE) in int16 */
#define SOHOA_LM_FLOOR (-32000)

/* Fixed ids. Every other id is a word key (lowercase, old-style tone), a punctuation mark or an
 * acronym, most frequent first. Ids fit in 16 bits. */
enum { LM_UNK = 0, LM_BOS = 1, LM_EOS = 2, LM_NUM = 3, LM_NFIXED = 4, LM_MAXVOCAB = 65535 };

/* The file starts with this header; every *_off is a byte offset from the start of the file,
 * 8-byte aligned. Hash tables use linear probing over n slots, index = fastrange(hash, n).
 * Version 3: the n-gram tables are homed by the last word's candidate group (gof), so that the
 * candidates of one position after one context are found in one or two cache lines; no Bloom
 * filter (its bytes went to a sparser bigram table). */
typedef struct sohoa_lm_header {
	char magic[8];
	uint32_t version;
	uint32_t order;
	uint64_t file_size;
	uint8_t digest[32];       /* sha256 of the training file list with sizes */
	uint32_t nvocab;          /* ids 0..nvocab-1 */
	uint32_t ngroups;         /* distinct stripped forms */
	uint64_t nbigrams, ntrigrams;      /* stored n-grams */
	uint64_t bigram_slots, trigram_slots;
	uint32_t vhash_slots, ghash_slots;
	uint32_t nchan_tok, chan_tok_slots, nchan_chr, ngaz;
	uint64_t ntokens;         /* training tokens (weighted) */
	uint64_t str_off;         /* char blob: NUL-terminated strings */
	uint64_t word_off;        /* uint32[nvocab]: offset of each id's key in the blob */
	uint64_t uni_off;         /* sohoa_lm_uni[nvocab] */
	uint64_t vhash_off;       /* uint16[vhash_slots]: id+1, 0 empty; key string -> id */
	uint64_t group_off;       /* sohoa_lm_group[ngroups] */
	uint64_t ghash_off;       /* uint32[ghash_slots]: group+1, 0 empty; stripped form -> group */
	uint64_t cand_off;        /* uint16[]: ids of each group, most frequent first */
	uint64_t bigram_off;      /* sohoa_lm_bigram[bigram_slots], homed by sohoa_lm_bigram_home */
	uint64_t trigram_off;     /* uint32[trigram_slots]: fingerprint<<8 | q, ln P = -q/10; 0 empty;
	                           * homed by sohoa_lm_trigram_home, fingerprint sohoa_lm_trigram_fp */
	uint64_t chan_tok_off;    /* sohoa_lm_chan_tok[nchan_tok] */
	uint64_t chan_tok_hash_off; /* uint32[chan_tok_slots]: index+1 */
	uint64_t chan_list_off;   /* sohoa_lm_chan_cand[] */
	uint64_t chan_chr_off;    /* sohoa_lm_chan_chr[nchan_chr] */
	uint64_t gaz_off;         /* uint32[ngaz]: offsets of gazetteer phrases (keys) in the blob */
	uint64_t gof_off;         /* uint16[nvocab]: each id's candidate group (sohoa_lm_gof) */
	uint64_t ngof;            /* group numbers used: ngroups, then one per id in no group */
	uint64_t case_off;        /* int8[2 * nvocab]: per id, ln P(Title case | word) and ln P(lower case |
	                           * word) for words not at a sentence start, as q/20 (q <= 0); 0: none */
	uint64_t reserved[5];
} sohoa_lm_header;

typedef struct sohoa_lm_uni { int16_t logp, bow; } sohoa_lm_uni;
typedef struct sohoa_lm_group { uint32_t str; uint32_t cand; uint32_t n; } sohoa_lm_group;
/* A bigram: key b<<16|c; val: ln P(c|b) and the backoff weight of the trigram context (b,c),
 * each as -q/100 in 12 bits, and 8 bits marking which first words x (by a 3-bit hash) have a
 * stored trigram (x,b,c), so that most trigram probes are skipped. */
typedef struct sohoa_lm_bigram { uint32_t key; uint32_t val; } sohoa_lm_bigram;
static inline int sohoa_lm_bi_logp(const sohoa_lm_bigram *e) { return -(int)(e->val & 0xfff) * (SOHOA_LM_SCALE / 100); }
static inline int sohoa_lm_bi_bow(const sohoa_lm_bigram *e) { return -(int)(e->val >> 12 & 0xfff) * (SOHOA_LM_SCALE / 100); }
static inline unsigned sohoa_lm_sigbit(int x) { return (unsigned)((uint32_t)x * 0x9E3779B1u) >> 29; }
/* 0 if no trigram (x,b,c) is stored, given the bigram entry e of (b,c). */
static inline int sohoa_lm_bi_may_extend(const sohoa_lm_bigram *e, int x) { return (int)(e->val >> (24 + sohoa_lm_sigbit(x)) & 1); }
/* Channel: an observed eng-OCR token (lowercase) and the syllables it stood for. */
typedef struct sohoa_lm_chan_tok { uint32_t str; uint32_t list; uint32_t n; } sohoa_lm_chan_tok;
typedef struct sohoa_lm_chan_cand { uint16_t id; int16_t logp; } sohoa_lm_chan_cand;
/* Channel: substring confusion observed -> intended (UTF-8, NUL-padded), ln P(observed | intended). */
typedef struct sohoa_lm_chan_chr { char obs[12]; char intended[12]; int32_t logp; } sohoa_lm_chan_chr;

/* The loaded model: the mapping and pointers into it. */
struct sohoa_model {
	void *map;
	size_t size;
	const sohoa_lm_header *h;
	const char *str;
	const uint32_t *word;
	const sohoa_lm_uni *uni;
	const uint16_t *vhash;
	const sohoa_lm_group *group;
	const uint32_t *ghash;
	const uint16_t *cand;
	const sohoa_lm_bigram *bigram;
	const uint32_t *trigram;
	const sohoa_lm_chan_tok *chan_tok;
	const uint32_t *chan_tok_hash;
	const sohoa_lm_chan_cand *chan_list;
	const sohoa_lm_chan_chr *chan_chr;
	const uint32_t *gaz;
	const uint16_t *gof;
	const int8_t *casep; /* see case_off; NULL: the model has no case section */
	int owned;  /* 1: map is malloc'd (built in memory), 0: mmap */
	/* Derived at load from the one-character channel entries (a few hundred): observed code
	 * point given intended code point -> ln P * SCALE. */
	uint64_t *chan1_key;
	int32_t *chan1_logp;
	uint32_t chan1_slots;
	uint64_t serial; /* distinct for every model opened in this process: caches of lookups key on it */
};

/* ln P(the word is written with this case | word id) * SCALE, for a word that does not start a
 * sentence: title 1 for "Sở", 0 for "sở". 0 when the model has no case section. */
#define SOHOA_LM_CASE_UNIT 20
static inline int sohoa_lm_case_cost(const sohoa_model *m, int id, int title)
{
	return m->casep ? m->casep[2 * id + !title] * (SOHOA_LM_SCALE / SOHOA_LM_CASE_UNIT) : 0;
}

#define SOHOA_LM_CHAN_FLOOR (-7000) /* ln P(observed | intended) of a pair the channel never saw */
/* ln P(observed cp | intended cp) * SCALE from the character channel; FLOOR when unseen, 0 when
 * the model has no character channel and the two are equal. */
int sohoa_lm_chan1(const sohoa_model *m, uint32_t obs, uint32_t intended);

/* Hashes shared by the builder and the lookups. */
uint64_t sohoa_lm_hash_str(const char *s, size_t n);
static inline uint64_t sohoa_lm_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}
static inline uint32_t sohoa_lm_range(uint64_t h, uint64_t n)
{
	return (uint32_t)(((h >> 32) * n) >> 32);
}

/* Map a model already in memory (data[0..n), e.g. built by a test); data must outlive the model
 * and be 8-byte aligned. */
sohoa_status sohoa_model_from_memory(sohoa_ctx *ctx, const void *data, size_t n, sohoa_model **model);

/* Lookups. Ids are 0..nvocab-1; LM_UNK when not found. */
int sohoa_lm_id(const sohoa_model *m, const char *key, size_t n);
const char *sohoa_lm_word(const sohoa_model *m, int id);
/* The ids whose key strips to s[0..n) (lowercase ASCII letters), most frequent first. */
const uint16_t *sohoa_lm_cands(const sohoa_model *m, const char *s, size_t n, size_t *count);
/* ln P(c | a, b) * SCALE with backoff; a or b may be LM_UNK (context then shortens). */
int sohoa_lm_score(const sohoa_model *m, int a, int b, int c);
/* ln P(c | b) * SCALE and the unigram. */
int sohoa_lm_score2(const sohoa_model *m, int b, int c);
/* The candidate group of id: the group of its stripped form (sohoa_lm_cands), or, for an id in
 * none (punctuation, fixed ids), a number of its own after the groups. */
static inline unsigned sohoa_lm_gof(const sohoa_model *m, int id)
{
	return m->gof[id];
}

/* Where the search for the stored bigrams (b, c), c of group g, starts: all of them lie from
 * there to the next empty slot, so one context and one position's candidates cost one or two
 * cache lines, however many candidates there are. */
static inline uint64_t sohoa_lm_bigram_hash(int b, unsigned g)
{
	return sohoa_lm_mix((uint64_t)b << 16 | g);
}
static inline uint32_t sohoa_lm_bigram_home(const sohoa_model *m, int b, unsigned g)
{
	return sohoa_lm_range(sohoa_lm_bigram_hash(b, g), m->h->bigram_slots);
}
/* The stored bigram (b,c) searched from slot i (its home), or NULL. */
static inline const sohoa_lm_bigram *sohoa_lm_bigram_at(const sohoa_model *m, uint32_t i, int b, int c)
{
	uint32_t key = (uint32_t)b << 16 | (uint32_t)c;
	uint64_t slots = m->h->bigram_slots;
	for (;;) {
		const sohoa_lm_bigram *e = &m->bigram[i];
		if (e->key == key)
			return e;
		if (!e->key)
			return NULL;
		if (++i == slots)
			i = 0;
	}
}
/* The stored bigram (b,c) or NULL; its bow is the backoff weight of the trigram context (b,c). */
static inline const sohoa_lm_bigram *sohoa_lm_bigram_find(const sohoa_model *m, int b, int c)
{
	return sohoa_lm_bigram_at(m, sohoa_lm_bigram_home(m, b, sohoa_lm_gof(m, c)), b, c);
}
/* Trigrams (a, b, c) with c of group g start their search at one home; h, from
 * sohoa_lm_trigram_hash, gives the home and, with c, the 24-bit fingerprint (distinct for the
 * words of one context, never 0). */
static inline uint64_t sohoa_lm_trigram_hash(int a, int b, unsigned g)
{
	return sohoa_lm_mix((uint64_t)a << 32 | (uint64_t)b << 16 | g);
}
static inline uint32_t sohoa_lm_trigram_home(const sohoa_model *m, uint64_t h)
{
	return sohoa_lm_range(h, m->h->trigram_slots);
}
static inline uint32_t sohoa_lm_trigram_fp(uint64_t h, int c)
{
	return (((uint32_t)h + (uint32_t)c * 0x3C6EF362u) & 0xffffff) | 1;
}
/* The trigram with fingerprint fp searched from slot i: its ln P * SCALE into *logp; 0 if not
 * stored. */
static inline int sohoa_lm_trigram_at(const sohoa_model *m, uint32_t i, uint32_t fp, int *logp)
{
	uint64_t slots = m->h->trigram_slots;
	for (;;) {
		uint32_t e = m->trigram[i];
		if (!e)
			return 0;
		if (e >> 8 == fp) {
			*logp = -(int)(e & 0xff) * (SOHOA_LM_SCALE / 10);
			return 1;
		}
		if (++i == slots)
			i = 0;
	}
}
/* The stored trigram's ln P * SCALE into *logp; 0 if not stored. */
static inline int sohoa_lm_trigram_find(const sohoa_model *m, int a, int b, int c, int *logp)
{
	uint64_t h = sohoa_lm_trigram_hash(a, b, sohoa_lm_gof(m, c));
	return sohoa_lm_trigram_at(m, sohoa_lm_trigram_home(m, h), sohoa_lm_trigram_fp(h, c), logp);
}
/* Start fetching the cache line of p. GCC 12 drops a __builtin_prefetch whose address comes
 * from loads nothing else uses (the candidate group of a word, here), so x86 gets the
 * instruction itself. */
static inline void sohoa_lm_prefetch(const void *p)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ __volatile__("prefetcht0 %0" : : "m"(*(const char *)p));
#else
	__builtin_prefetch(p);
#endif
}
/* Start fetching the run of the bigram table from slot i, and of the trigram table: the line
 * of its first slot and the one eight slots on (a bigram run holds about a dozen 8-byte slots, a
 * trigram run about eight 4-byte ones, so both often cross a line). */
static inline void sohoa_lm_bigram_prefetch(const sohoa_model *m, uint32_t i)
{
	sohoa_lm_prefetch(&m->bigram[i]);
	if ((uint64_t)i + 8 < m->h->bigram_slots)
		sohoa_lm_prefetch(&m->bigram[i + 8]);
}
static inline void sohoa_lm_trigram_prefetch(const sohoa_model *m, uint32_t i)
{
	sohoa_lm_prefetch(&m->trigram[i]);
	if ((uint64_t)i + 8 < m->h->trigram_slots)
		sohoa_lm_prefetch(&m->trigram[i + 8]);
}
/* Start fetching the table slots sohoa_lm_score(m, a, b, c) reads first (a hint: results do not
 * change), so that several lookups' misses overlap. */
static inline void sohoa_lm_score_prefetch(const sohoa_model *m, int a, int b, int c)
{
	unsigned g = sohoa_lm_gof(m, c);
	if (b == LM_UNK || c == LM_UNK)
		return;
	sohoa_lm_bigram_prefetch(m, sohoa_lm_bigram_home(m, b, g));
	if (a == LM_UNK)
		return;
	sohoa_lm_trigram_prefetch(m, sohoa_lm_trigram_home(m, sohoa_lm_trigram_hash(a, b, g)));
	sohoa_lm_bigram_prefetch(m, sohoa_lm_bigram_home(m, a, sohoa_lm_gof(m, b)));
}
/* The channel entries for an observed token (lowercase), or NULL. */
const sohoa_lm_chan_cand *sohoa_lm_chan(const sohoa_model *m, const char *obs, size_t n, size_t *count);


/* Tokenizer: the kind and end of the token starting at s[i]. Words are maximal runs of letters
 * (with combining marks), numbers runs of ASCII digits, spaces runs of white space; any other
 * code point is one PUNCT token. */
enum { LM_TOK_SPACE, LM_TOK_WORD, LM_TOK_NUM, LM_TOK_PUNCT };
size_t sohoa_lm_token(const char *s, size_t n, size_t i, int *kind);
/* 1 if a word after the non-space token s[0..n) of the given kind starts a sentence (its capital
 * says nothing): after . ! ? : ; and list marks and quotes (- + * • – — “ " ' …); 0 after a word,
 * a number, a comma, a bracket or a slash. Line starts are sentence starts too. */
int sohoa_lm_sentence_start(const char *s, size_t n, int kind);
/* 1: s[0..n) is Title case ("Sở"), 0: lower case ("sở"), -1: anything else (caps, mixed). */
int sohoa_lm_case_shape(const char *s, size_t n);
int sohoa_lm_is_letter(uint32_t cp);

/* Builder (lm-build.c; sohoa_lmb_write in lm-write.c): add training text, then write the model. */
typedef struct sohoa_lmb sohoa_lmb;
typedef struct sohoa_lmb_options {
	size_t max_bytes;      /* size budget of the file; 0: 25,000,000 */
	size_t max_bigrams;    /* 0: a share of the budget */
	int min_count;         /* smallest weighted count for a vocabulary entry; 0: 2 */
} sohoa_lmb_options;
sohoa_lmb *sohoa_lmb_new(void);
void sohoa_lmb_free(sohoa_lmb *b);
/* Pass 1 (vocabulary): count the words of NFC text. Pass 2 (n-grams) after sohoa_lmb_vocab. */
int sohoa_lmb_count_words(sohoa_lmb *b, const char *text, size_t n, int weight);
/* Add a lexicon word (e.g. a word list entry) with a small count so it gets an id. */
int sohoa_lmb_add_lexicon(sohoa_lmb *b, const char *word, size_t n, int count);
int sohoa_lmb_vocab(sohoa_lmb *b, const sohoa_lmb_options *opt);
/* Also counts, for each word not at a sentence start (see sohoa_lm_sentence_start), whether it is
 * written Title or lower case: the model's case section. */
int sohoa_lmb_count_ngrams(sohoa_lmb *b, const char *text, size_t n, int weight);
/* Channel entries (observed\tintended\tcount lines) and gazetteer phrases, before writing. */
int sohoa_lmb_channel_tokens(sohoa_lmb *b, const char *tsv, size_t n);
int sohoa_lmb_channel_chars(sohoa_lmb *b, const char *tsv, size_t n);
int sohoa_lmb_gazetteer(sohoa_lmb *b, const char *phrase, size_t n);
/* Estimate (interpolated modified Kneser-Ney), prune to the budget and serialize into out. */
int sohoa_lmb_write(sohoa_lmb *b, const sohoa_lmb_options *opt, const uint8_t digest[32], sohoa_buf *out,
		    char *msg, size_t msgsize);

#endif

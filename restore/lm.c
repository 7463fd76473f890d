/* lm: load the memory-mapped language model (format in lm.h) and answer the decoder's lookups:
 * word ids, candidate lists by stripped form, trigram scores with backoff, channel entries. */
#include "lm.h"
#include "restore.h"
#include "../core/viet.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

uint64_t sohoa_lm_hash_str(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return sohoa_lm_mix(h);
}

int sohoa_lm_is_letter(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	if (cp >= 0x300 && cp < 0x370)
		return 1; /* combining marks stay inside their word */
	if (sohoa_viet_letter(cp, &plain, &tone, &upper))
		return 1;
	return cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7;
}

static int is_space(uint32_t cp)
{
	return cp <= 0x20 || cp == 0x7F || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
}

size_t sohoa_lm_token(const char *s, size_t n, size_t i, int *kind)
{
	uint32_t cp = (unsigned char)s[i];
	size_t k = cp < 0x80 ? 1 : sohoa_utf8_decode(s + i, n - i, &cp);
	size_t j = i + k;
	if (cp >= '0' && cp <= '9') {
		*kind = LM_TOK_NUM;
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		return j;
	}
	int word = cp < 0x80 ? (cp | 32) >= 'a' && (cp | 32) <= 'z' : sohoa_lm_is_letter(cp) && !(cp >= 0x300 && cp < 0x370);
	int space = !word && is_space(cp);
	if (!word && !space) {
		*kind = LM_TOK_PUNCT;
		return j;
	}
	*kind = word ? LM_TOK_WORD : LM_TOK_SPACE;
	while (j < n) {
		unsigned char b = (unsigned char)s[j];
		if (b < 0x80) { /* ASCII, most of any text: no decoding */
			if (word ? ((b | 32) < 'a' || (b | 32) > 'z') : !(b <= 0x20 || b == 0x7F))
				break;
			j++;
			continue;
		}
		k = sohoa_utf8_decode(s + j, n - j, &cp);
		if (word ? !sohoa_lm_is_letter(cp) : !is_space(cp))
			break;
		j += k;
	}
	return j;
}

/* --- loading --- */

static uint64_t chan1_pack(uint32_t obs, uint32_t intended)
{
	return ((uint64_t)obs << 32 | intended) + 1;
}

/* The one-code-point entries of the character channel, in a small hash. */
static sohoa_status chan1_build(sohoa_ctx *ctx, sohoa_model *m)
{
	uint32_t n = m->h->nchan_chr, slots = 16;
	while (slots < 2 * n + 2)
		slots *= 2;
	m->chan1_key = calloc(slots, sizeof *m->chan1_key);
	m->chan1_logp = calloc(slots, sizeof *m->chan1_logp);
	if (!m->chan1_key || !m->chan1_logp)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	m->chan1_slots = slots;
	for (uint32_t k = 0; k < n; k++) {
		const sohoa_lm_chan_chr *e = &m->chan_chr[k];
		size_t ol = strnlen(e->obs, sizeof e->obs), il = strnlen(e->intended, sizeof e->intended);
		uint32_t o, t;
		if (!ol || !il || sohoa_utf8_decode(e->obs, ol, &o) != ol || sohoa_utf8_decode(e->intended, il, &t) != il)
			continue;
		uint64_t key = chan1_pack(o, t);
		uint32_t j = (uint32_t)sohoa_lm_mix(key) & (slots - 1);
		while (m->chan1_key[j] && m->chan1_key[j] != key)
			j = (j + 1) & (slots - 1);
		m->chan1_key[j] = key;
		m->chan1_logp[j] = e->logp;
	}
	return SOHOA_OK;
}

int sohoa_lm_chan1(const sohoa_model *m, uint32_t obs, uint32_t intended)
{
	if (!m->h->nchan_chr)
		return obs == intended ? 0 : SOHOA_LM_CHAN_FLOOR;
	uint64_t key = chan1_pack(obs, intended);
	uint32_t j = (uint32_t)sohoa_lm_mix(key) & (m->chan1_slots - 1);
	while (m->chan1_key[j]) {
		if (m->chan1_key[j] == key)
			return m->chan1_logp[j];
		j = (j + 1) & (m->chan1_slots - 1);
	}
	return SOHOA_LM_CHAN_FLOOR;
}

int sohoa_lm_sentence_start(const char *s, size_t n, int kind)
{
	if (kind != LM_TOK_PUNCT)
		return 0;
	if (n == 1)
		return s[0] && strchr(".!?:;-+*\"'", s[0]) != NULL;
	uint32_t cp;
	sohoa_utf8_decode(s, n, &cp);
	return cp == 0x2013 || cp == 0x2014 || cp == 0x2022 || cp == 0x201C || cp == 0x2026;
}

int sohoa_lm_case_shape(const char *s, size_t n)
{
	int shape = -1;
	for (size_t i = 0; i < n;) {
		uint32_t cp, plain;
		int tone, upper;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) { /* ASCII: its letters are a-z, A-Z */
			if ((b | 32) < 'a' || (b | 32) > 'z')
				return -1;
			upper = b < 'a';
			i++;
		} else {
			i += sohoa_utf8_decode(s + i, n - i, &cp);
			if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
				return -1;
		}
		if (shape < 0)
			shape = upper;
		else if (upper)
			return -1;
	}
	return shape;
}

/* Each section's offset and length; 0 for the two whose length the header does not give (the
 * string blob and the channel lists). */
enum { NSEC = 16 };
static void sections(const sohoa_lm_header *h, uint64_t off[NSEC], uint64_t bytes[NSEC])
{
	const uint64_t o[NSEC] = {h->str_off,   h->word_off,       h->uni_off,          h->vhash_off,
				  h->group_off, h->ghash_off,      h->cand_off,         h->bigram_off,
				  h->trigram_off, h->chan_tok_off, h->chan_tok_hash_off, h->chan_list_off,
				  h->chan_chr_off, h->gaz_off,     h->gof_off,          h->case_off};
	const uint64_t b[NSEC] = {0,
				  (uint64_t)h->nvocab * 4,
				  (uint64_t)h->nvocab * sizeof(sohoa_lm_uni),
				  (uint64_t)h->vhash_slots * 2,
				  (uint64_t)h->ngroups * sizeof(sohoa_lm_group),
				  (uint64_t)h->ghash_slots * 4,
				  (uint64_t)h->nvocab * 2,
				  h->bigram_slots * sizeof(sohoa_lm_bigram),
				  h->trigram_slots * 4,
				  (uint64_t)h->nchan_tok * sizeof(sohoa_lm_chan_tok),
				  (uint64_t)h->chan_tok_slots * 4,
				  0,
				  (uint64_t)h->nchan_chr * sizeof(sohoa_lm_chan_chr),
				  (uint64_t)h->ngaz * 4,
				  (uint64_t)h->nvocab * 2,
				  h->case_off ? (uint64_t)h->nvocab * 2 : 0};
	memcpy(off, o, sizeof o);
	memcpy(bytes, b, sizeof b);
}

/* The end of the section at off whose length the header does not give: the start of the next
 * section that has bytes (empty ones share their offset with the one after), or the file's end. */
static uint64_t section_end(const sohoa_lm_header *h, uint64_t size, uint64_t off)
{
	uint64_t o[NSEC], b[NSEC], end = size;
	sections(h, o, b);
	for (size_t i = 0; i < NSEC; i++)
		if ((o[i] > off || (o[i] == off && b[i])) && o[i] < end)
			end = o[i];
	return end;
}

/* Every entry a lookup follows: string offsets inside the NUL-terminated blob, ids below nvocab,
 * table values naming an entry, candidate and channel lists inside their sections, an empty slot
 * in the n-gram tables (their probes stop only there). The n-gram entries themselves are only
 * compared, never followed. NULL, or what is wrong. */
static const char *entries_bad(const sohoa_model *m)
{
	const sohoa_lm_header *h = m->h;
	uint32_t V = h->nvocab;
	uint64_t nstr = section_end(h, m->size, h->str_off) - h->str_off;
	if (!nstr || m->str[nstr - 1])
		return "the string table does not end with a NUL";
	for (uint32_t i = 0; i < V; i++)
		if (m->word[i] >= nstr)
			return "a word's offset lies past the string table";
	for (uint32_t i = 0; i < h->vhash_slots; i++)
		if (m->vhash[i] > V)
			return "the word hash names no word";
	if (h->ngof < h->ngroups || h->ngof > (uint64_t)LM_MAXVOCAB + 1)
		return "the group count is inconsistent";
	for (uint32_t i = 0; i < V; i++) {
		if (m->cand[i] >= V)
			return "a candidate list names no word";
		if (m->gof[i] >= h->ngof)
			return "a word's group is out of range";
	}
	for (uint32_t i = 0; i < h->ngroups; i++) {
		const sohoa_lm_group *g = &m->group[i];
		if (g->str >= nstr)
			return "a group's offset lies past the string table";
		if (g->cand > V || g->n > V - g->cand)
			return "a group's candidates lie outside their list";
	}
	for (uint32_t i = 0; i < h->ghash_slots; i++)
		if (m->ghash[i] > h->ngroups)
			return "the group hash names no group";
	if (h->bigram_slots > UINT32_MAX || h->trigram_slots > UINT32_MAX)
		return "an n-gram table is too large";
	uint64_t i = 0;
	while (i < h->bigram_slots && m->bigram[i].key)
		i++;
	if (i == h->bigram_slots)
		return "the bigram table has no empty slot";
	for (i = 0; i < h->trigram_slots && m->trigram[i];)
		i++;
	if (i == h->trigram_slots)
		return "the trigram table has no empty slot";
	uint64_t nlist = (section_end(h, m->size, h->chan_list_off) - h->chan_list_off) / sizeof *m->chan_list;
	for (uint64_t k = 0; k < nlist; k++)
		if (m->chan_list[k].id >= V)
			return "a channel entry names no word";
	for (uint32_t k = 0; k < h->nchan_tok; k++) {
		const sohoa_lm_chan_tok *t = &m->chan_tok[k];
		if (t->str >= nstr)
			return "a channel token's offset lies past the string table";
		if (t->list > nlist || t->n > nlist - t->list)
			return "a channel token's entries lie outside their list";
	}
	for (uint32_t k = 0; k < h->chan_tok_slots; k++)
		if (m->chan_tok_hash[k] > h->nchan_tok)
			return "the channel hash names no token";
	for (uint32_t k = 0; k < h->ngaz; k++)
		if (m->gaz[k] >= nstr)
			return "a gazetteer offset lies past the string table";
	return NULL;
}

static sohoa_status model_check(sohoa_ctx *ctx, sohoa_model *m, const char *name)
{
	const sohoa_lm_header *h = m->map;
	if (m->size < sizeof *h || memcmp(h->magic, SOHOA_LM_MAGIC, 8) != 0)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is not a sohoa language model", name);
	if (h->version != SOHOA_LM_VERSION)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT,
				   "'%s' has model format version %u, this sohoa reads version %u (rebuild with 'make model')",
				   name, h->version, SOHOA_LM_VERSION);
	if (h->file_size != m->size || h->nvocab < LM_NFIXED || h->nvocab > LM_MAXVOCAB + 1)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is truncated or corrupt", name);
	/* Every section must lie inside the file. */
	uint64_t off[NSEC], bytes[NSEC];
	sections(h, off, bytes);
	bytes[0] = 1; /* the blob has at least its empty string */
	for (size_t i = 0; i < NSEC; i++)
		if (off[i] > m->size || bytes[i] > m->size - off[i] || off[i] % 8) /* the writer aligns to 8 */
			return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is truncated or corrupt", name);
	if (!h->vhash_slots || !h->ghash_slots || !h->bigram_slots || !h->trigram_slots || !h->gof_off)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is truncated or corrupt", name);
	const char *base = m->map;
	m->h = h;
	m->str = base + h->str_off;
	m->word = (const uint32_t *)(base + h->word_off);
	m->uni = (const sohoa_lm_uni *)(base + h->uni_off);
	m->vhash = (const uint16_t *)(base + h->vhash_off);
	m->group = (const sohoa_lm_group *)(base + h->group_off);
	m->ghash = (const uint32_t *)(base + h->ghash_off);
	m->cand = (const uint16_t *)(base + h->cand_off);
	m->bigram = (const sohoa_lm_bigram *)(base + h->bigram_off);
	m->trigram = (const uint32_t *)(base + h->trigram_off);
	m->chan_tok = (const sohoa_lm_chan_tok *)(base + h->chan_tok_off);
	m->chan_tok_hash = (const uint32_t *)(base + h->chan_tok_hash_off);
	m->chan_list = (const sohoa_lm_chan_cand *)(base + h->chan_list_off);
	m->chan_chr = (const sohoa_lm_chan_chr *)(base + h->chan_chr_off);
	m->gaz = (const uint32_t *)(base + h->gaz_off);
	m->gof = (const uint16_t *)(base + h->gof_off);
	m->casep = h->case_off ? (const int8_t *)(base + h->case_off) : NULL;
	const char *why = entries_bad(m);
	if (why)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "model '%s' is corrupt: %s", name, why);
	static uint64_t serials;
	m->serial = __atomic_add_fetch(&serials, 1, __ATOMIC_RELAXED);
	return chan1_build(ctx, m);
}

sohoa_status sohoa_model_from_memory(sohoa_ctx *ctx, const void *data, size_t n, sohoa_model **model)
{
	*model = NULL;
	sohoa_model *m = calloc(1, sizeof *m);
	if (!m)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	m->map = (void *)data;
	m->size = n;
	m->owned = 1;
	sohoa_status st = model_check(ctx, m, "(memory)");
	if (st) {
		sohoa_model_free(m);
		return st;
	}
	*model = m;
	return SOHOA_OK;
}

static sohoa_status map_file(sohoa_ctx *ctx, const char *path, sohoa_model **model)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return sohoa_error(ctx, errno == ENOENT ? SOHOA_ERR_MISSING : SOHOA_ERR_IO,
				   "cannot open language model '%s': %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || st.st_size <= 0) {
		close(fd);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "language model '%s' is empty or unreadable", path);
	}
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p != MAP_FAILED)
		madvise(p, (size_t)st.st_size, MADV_WILLNEED); /* read ahead now, without waiting */
	if (p == MAP_FAILED)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot map language model '%s': %s", path, strerror(errno));
	sohoa_model *m = calloc(1, sizeof *m);
	if (!m) {
		munmap(p, (size_t)st.st_size);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	m->map = p;
	m->size = (size_t)st.st_size;
	sohoa_status s = model_check(ctx, m, path);
	if (s) {
		sohoa_model_free(m);
		return s;
	}
	*model = m;
	return SOHOA_OK;
}

sohoa_status sohoa_model_load(sohoa_ctx *ctx, const char *path, sohoa_model **model)
{
	*model = NULL;
	if (path)
		return map_file(ctx, path, model);
	char found[PATH_MAX];
	sohoa_status st = sohoa_data_find(ctx, "sohoa-lm.bin", found, sizeof found);
	return st != SOHOA_OK ? st : map_file(ctx, found, model);
}

/* Unmaps the file (or forgets the borrowed memory) and frees the handle. */
void sohoa_model_free(sohoa_model *model)
{
	if (!model)
		return;
	if (!model->owned && model->map)
		munmap(model->map, model->size);
	free(model->chan1_key);
	free(model->chan1_logp);
	free(model);
}

/* --- lookups --- */

const char *sohoa_lm_word(const sohoa_model *m, int id)
{
	if (id < 0 || (uint32_t)id >= m->h->nvocab)
		return "";
	return m->str + m->word[id];
}

/* The strings of the three hashed tables: entry v - 1 of each. */
static const char *word_str(const sohoa_model *m, uint32_t v)
{
	return m->str + m->word[v - 1];
}

static const char *group_str(const sohoa_model *m, uint32_t v)
{
	return m->str + m->group[v - 1].str;
}

static const char *chan_str(const sohoa_model *m, uint32_t v)
{
	return m->str + m->chan_tok[v - 1].str;
}

/* strncmp(w, s, n) == 0 && w[n] == 0, without the call: the keys are a few bytes. */
static inline int key_eq(const char *w, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (w[i] != s[i])
			return 0;
		if (!w[i])
			break;
	}
	return w[n] == 0;
}

/* The entry (index + 1) of the string s[0..n) of hash h in a table of slots entries (16-bit
 * entries, or 32-bit with wide), linear probing from the home of h; 0 when absent. str_of gives
 * an entry's string. Inlined: each lookup gets its own loop. */
static inline __attribute__((always_inline)) uint32_t probe(const sohoa_model *m, const void *tab, int wide,
							    uint32_t slots, uint64_t h, const char *s, size_t n,
							    const char *(*str_of)(const sohoa_model *, uint32_t))
{
	uint32_t i = sohoa_lm_range(h, slots);
	for (uint32_t k = 0; k < slots; k++) {
		uint32_t v = wide ? ((const uint32_t *)tab)[i] : ((const uint16_t *)tab)[i];
		if (!v)
			return 0;
		const char *w = str_of(m, v);
		if (key_eq(w, s, n))
			return v;
		if (++i == slots)
			i = 0;
	}
	return 0;
}

int sohoa_lm_id(const sohoa_model *m, const char *key, size_t n)
{
	uint32_t v = probe(m, m->vhash, 0, m->h->vhash_slots, sohoa_lm_hash_str(key, n), key, n, word_str);
	return v ? (int)v - 1 : LM_UNK;
}

/* The groups last found by this thread, by hash: a few thousand stripped forms make most of any
 * text, and a hit skips the probes into the group hash and table (the string is still compared). */
#define GCACHE_BITS 12
static _Thread_local struct {
	uint64_t serial;
	uint32_t group[1u << GCACHE_BITS]; /* group + 1, 0 empty */
} gcache;

const uint16_t *sohoa_lm_cands(const sohoa_model *m, const char *s, size_t n, size_t *count)
{
	*count = 0;
	uint64_t h = sohoa_lm_hash_str(s, n);
	if (gcache.serial != m->serial) {
		memset(gcache.group, 0, sizeof gcache.group);
		gcache.serial = m->serial;
	}
	uint32_t *gc = &gcache.group[h & ((1u << GCACHE_BITS) - 1)], v = *gc;
	if (v) { /* the common case: the cache has it */
		const char *w = group_str(m, v);
		if (!key_eq(w, s, n))
			v = 0;
	}
	if (!v) {
		if (!(v = probe(m, m->ghash, 1, m->h->ghash_slots, h, s, n, group_str)))
			return NULL;
		*gc = v;
	}
	const sohoa_lm_group *g = &m->group[v - 1];
	*count = g->n;
	return m->cand + g->cand;
}

int sohoa_lm_score2(const sohoa_model *m, int b, int c)
{
	if (b != LM_UNK && c != LM_UNK) {
		const sohoa_lm_bigram *e = sohoa_lm_bigram_find(m, b, c);
		if (e)
			return sohoa_lm_bi_logp(e);
	}
	int s = m->uni[c].logp;
	if (b != LM_UNK && c != LM_UNK)
		s += m->uni[b].bow;
	return s;
}

int sohoa_lm_score(const sohoa_model *m, int a, int b, int c)
{
	if (a != LM_UNK && b != LM_UNK && c != LM_UNK) {
		int lp;
		if (sohoa_lm_trigram_find(m, a, b, c, &lp))
			return lp;
		const sohoa_lm_bigram *ctx = sohoa_lm_bigram_find(m, a, b);
		return (ctx ? sohoa_lm_bi_bow(ctx) : 0) + sohoa_lm_score2(m, b, c);
	}
	return sohoa_lm_score2(m, b, c);
}

const sohoa_lm_chan_cand *sohoa_lm_chan(const sohoa_model *m, const char *obs, size_t n, size_t *count)
{
	*count = 0;
	uint32_t slots = m->h->chan_tok_slots;
	uint32_t v = slots ? probe(m, m->chan_tok_hash, 1, slots, sohoa_lm_hash_str(obs, n), obs, n, chan_str) : 0;
	if (!v)
		return NULL;
	const sohoa_lm_chan_tok *t = &m->chan_tok[v - 1];
	*count = t->n;
	return m->chan_list + t->list;
}

/* candidates: a paragraph cut into the decoder's positions, the candidates of the strip and vie
 * jobs (the eng-OCR job's are in candidates-ocr.c), and the chosen forms written back with the
 * input's case; see restore-int.h. */
#include "restore-int.h"
#include "ocrfix-vie.h"
#include "../core/govname.h"

#include <stdint.h>
#include <string.h>

#define GROUP_MAXC 10     /* strip and vie: candidates per word (eng-OCR fills all RESTORE_MAXC) */
/* vie: ln P(the Vietnamese OCR printed this | the page had that), so that only confident changes
 * win. Confusions the learned table (ocrfix-vie.h) has no count for cost VIE_TONE or VIE_MOD:
 * chosen on scanned training pages the table was not learned from, the most cautious of the
 * prices that correct the most, as clean text read as OCR then changes least. */
#define VIE_TONE (-6500)  /* same letters, another tone ("thế" for "thể") */
#define VIE_MOD (-8000)   /* another vowel mark too ("ngây" for "ngày", "Số" for "Sở") */
/* A word in capitals read without any mark ("TRUYEN", "THUE", "UY"): letterheads in bold capitals
 * lose their marks where body text keeps them. Chosen on training-corpus lines in capitals with
 * the marks of 18% of the words taken off: every price from -3000 to -6000 puts back 92% of
 * them; on held-out lines in capitals the vie job changes no more words than before from -4000
 * on; the middle of those. */
#define VIE_CAPS_MARK (-4500)
/* Learned confusions ("chỉ" printed for "chi" 48 times in 72) cost at least this: a count from a
 * few dozen pages is rough, and a cell cut mid-word ("Chỉ" | "thị") leaves the model little
 * context; the most cautious of the caps that correct the most. */
#define VIE_LEARNED_MAX (-2500)
#define SPLIT_MIN (-9000)  /* vie splits a glued word only where ln P(second | first) beats this */
#define SPLIT_MARGIN 3000  /* and a glued form the model knows only where the pair is e^3 likelier */

static int is_modified(uint32_t plain)
{
	return plain == 0x103 || plain == 0xE2 || plain == 0xEA || plain == 0xF4 || plain == 0x1A1 ||
	       plain == 0x1B0 || plain == 0x111;
}

int restore_letters(const char *s, size_t n, wletters *w)
{
	w->n = w->marked = w->upper_n = 0;
	size_t i = 0;
	while (i < n) {
		if (w->n == RESTORE_WORD_MAX)
			return 0;
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			plain = 0;
			tone = 0;
			upper = 0;
			w->marked = 1; /* some other letter (é of a foreign word, combining mark) */
		}
		w->cp[w->n] = cp;
		w->plain[w->n] = plain;
		w->tone[w->n] = (uint8_t)tone;
		w->upper[w->n] = (uint8_t)upper;
		w->marked |= tone != 0 || is_modified(plain);
		w->upper_n += upper;
		w->n++;
	}
	return 1;
}

/* The lowercase base letters (a-z) of w into b[0..w->n), NUL-terminated; 0 if some letter has no
 * ASCII base. */
static int base_letters(const wletters *w, char b[RESTORE_WORD_MAX + 1])
{
	for (int i = 0; i < w->n; i++) {
		uint32_t c = sohoa_viet_base(w->cp[i]);
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c < 'a' || c > 'z')
			return 0;
		b[i] = (char)c;
	}
	b[w->n] = 0;
	return 1;
}

int restore_stripped(const wletters *w, sohoa_buf *tmp)
{
	char b[RESTORE_WORD_MAX + 1];
	tmp->len = 0;
	return base_letters(w, b) && sohoa_buf_append(tmp, b, (size_t)w->n) == 0;
}

int restore_key_id(const sohoa_model *m, const char *s, size_t n, sohoa_buf *tmp)
{
	tmp->len = 0;
	if (sohoa_viet_key(s, n, tmp) || !tmp->data)
		return LM_UNK;
	return sohoa_lm_id(m, tmp->data, tmp->len);
}

/* The vie job's learned channel: ln P(the vie OCR prints observed | intended) * SCALE for the
 * confusions tools/learn-vie-channel.sh counted (ocrfix-vie.h), or INT32_MIN. */
static int vie_learned(const char *observed, const char *intended)
{
	size_t lo = 0, hi = sizeof vie_channel / sizeof vie_channel[0] - 1; /* the last is a sentinel */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(vie_channel[mid].observed, observed) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; vie_channel[lo].intended[0] && strcmp(vie_channel[lo].observed, observed) == 0; lo++)
		if (strcmp(vie_channel[lo].intended, intended) == 0)
			return vie_channel[lo].logp;
	return INT32_MIN;
}

/* Same letters, tone aside: key of candidate id vs the input letters. */
static int same_toneless(const sohoa_model *m, int id, const wletters *w)
{
	const char *k = sohoa_lm_word(m, id);
	size_t kn = strlen(k), i = 0;
	for (int j = 0; j < w->n; j++) {
		if (i >= kn)
			return 0;
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(k + i, kn - i, &cp);
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || plain != w->plain[j])
			return 0;
	}
	return i == kn;
}

int restore_skeleton_ok(const wletters *w)
{
	char b[RESTORE_WORD_MAX + 1];
	if (!base_letters(w, b))
		return 0;
	int n = w->n;
	static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
					     "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""};
	static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
	for (size_t o = 0; o < sizeof onsets / sizeof onsets[0]; o++) {
		size_t ol = strlen(onsets[o]);
		if (strncmp(b, onsets[o], ol) != 0)
			continue;
		int v = (int)ol;
		while (v < n && strchr("aeiouy", b[v]))
			v++;
		int nv = v - (int)ol;
		if ((nv < 1 && !(ol == 2 && b[0] == 'g' && b[1] == 'i')) || nv > 3)
			continue;
		for (size_t f = 0; f < sizeof finals / sizeof finals[0]; f++)
			if (strcmp(b + v, finals[f]) == 0)
				return 1;
	}
	return 0;
}

void restore_chunk_classify(const char *s, size_t n, restore_chunk_stats *cs)
{
	memset(cs, 0, sizeof *cs);
	int has_letter = 0, has_odd = 0, has_slash = 0;
	size_t cps = 0, i = 0;
	while (i < n) {
		int kind;
		size_t j = sohoa_lm_token(s, n, i, &kind);
		cps++;
		if (kind == LM_TOK_WORD) {
			wletters w;
			has_letter = 1;
			if (!restore_letters(s + i, j - i, &w)) {
				cs->words++;
				cs->invalid++;
			} else if (w.n >= 2 && w.upper_n >= 2 && !w.marked && !restore_skeleton_ok(&w)) {
				/* an acronym (UBND, TTg): says nothing about marks */
			} else if (w.n == 1 && !w.marked) {
				/* a list letter or an initial */
			} else {
				cs->words++;
				cs->marked += w.marked;
				if (!restore_skeleton_ok(&w))
					cs->invalid++;
			}
		} else if (kind == LM_TOK_NUM) {
			if (i > 0 && j < n)
				has_odd = 1; /* a digit inside the chunk */
			else
				has_odd |= 2;
		} else if (kind == LM_TOK_PUNCT) {
			uint32_t c;
			sohoa_utf8_decode(s + i, j - i, &c);
			/* symbols an eng OCR prints for marked letters ("x&", "S¢", "v@i"); quotes and
			 * ellipses are punctuation */
			int sym = (c < 0x80 && strchr("&@#$%*|!?~^=+<>\\[]{}", (int)c)) || c == 0xA2 || c == 0xA3 ||
				  c == 0xA5 || c == 0xA7 || c == 0xA9 || c == 0xAE || c == 0xB0;
			if (c == '/' || c == '-')
				has_slash = 1;
			else if (i > 0 && j < n && sym)
				has_odd = 1;
		}
		i = j;
	}
	if (has_letter && has_odd && !has_slash && cps <= 8)
		cs->mixed = 1;
}

int restore_push_item(restore_item *items, size_t *ni, size_t max, size_t s, size_t e, int32_t pos, int how)
{
	if (*ni >= max)
		return -1;
	items[(*ni)++] = (restore_item){(uint32_t)s, (uint32_t)e, pos, (uint8_t)how, 0};
	return 0;
}

int restore_is_address(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/')
			return 1;
	if (n > 4 && (memcmp(s, "www.", 4) == 0 || memcmp(s, "WWW.", 4) == 0))
		return 1;
	const char *at = memchr(s, '@', n);
	return at && at > s && memchr(at, '.', n - (size_t)(at - s)) != NULL;
}

/* Add candidate id at channel cost chan to p (the caller checks there is room). */
static inline void pos_add(restore_pos *p, uint16_t id, int32_t chan)
{
	p->cand[p->n] = id;
	p->chan[p->n] = chan;
	p->n++;
}

/* The end of a word's candidates in p: their number, *how set to RESTORE_WORD when there are
 * any (0: copy the word). */
static inline int cands_done(const restore_pos *p, int *how)
{
	if (!p->n)
		return 0;
	*how = RESTORE_WORD;
	return p->n;
}

/* The group of the stripped form b[0..bn) (lowercase a-z), the rare ones pruned, at most maxc:
 * candidates at no cost, or with lv (the word's letters, lowercase) at the character channel's
 * cost of reading them so (eng-OCR word by word). Returns their number (0: copy the word). */
static inline __attribute__((always_inline)) int group_cands(const sohoa_model *m, const char *b, size_t bn,
							       const uint32_t *lv, int nv, int maxc, restore_pos *p,
							       int *how)
{
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, b, bn, &nc);
	if (!nc)
		return restore_pos_one(p, LM_UNK);
	p->one_group = !p->n; /* one group's candidates only */
	int top = m->uni[c[0]].logp;
	for (size_t k = 0; k < nc && p->n < maxc; k++) {
		int32_t cost = 0;
		if (k > 0 && m->uni[c[k]].logp < top - RESTORE_PRUNE)
			continue;
		if (lv && !restore_chan_cost(m, c[k], lv, nv, 0, &cost))
			continue;
		pos_add(p, c[k], cost);
	}
	return cands_done(p, how);
}

/* strip: the candidates of the lowercase ASCII words last seen by this thread, by their letters
 * (zero-padded: the length is implied). A text's vocabulary repeats even where its sentences do
 * not, and a word's group costs a hash of its letters, the group cache's string compare and the
 * unigram of every candidate (the prune), most of them misses. n: the candidates, 0 for a word
 * in no group; key[0] 0: empty. */
#define MEMO_BITS 11
#define MEMO_KEY 16
typedef struct memo_entry {
	uint64_t key[MEMO_KEY / 8];
	uint16_t cand[GROUP_MAXC];
	uint8_t n;
} memo_entry;
static _Thread_local struct {
	uint64_t serial;
	memo_entry e[1u << MEMO_BITS];
} memo;

/* strip: group_cands of the lowercase ASCII word low[0..n), n < MEMO_KEY, remembered in memo
 * (low is zero-padded to MEMO_KEY bytes by the caller). */
static int strip_cands(const sohoa_model *m, const char *low, size_t n, restore_pos *p, int *how)
{
	uint64_t k0, k1;
	memcpy(&k0, low, 8);
	memcpy(&k1, low + 8, 8);
	if (memo.serial != m->serial) {
		memset(memo.e, 0, sizeof memo.e);
		memo.serial = m->serial;
	}
	memo_entry *e = &memo.e[sohoa_lm_mix(k0 ^ k1 * 0x9E3779B97F4A7C15ULL) >> (64 - MEMO_BITS)];
	if (e->key[0] != k0 || e->key[1] != k1) {
		p->n = 0;
		group_cands(m, low, n, NULL, 0, GROUP_MAXC, p, how);
		e->key[0] = k0;
		e->key[1] = k1;
		e->n = p->n == 1 && p->cand[0] == LM_UNK ? 0 : p->n; /* no group: LM_UNK copied */
		memcpy(e->cand, p->cand, sizeof e->cand);
		return p->n;
	}
	memcpy(p->cand, e->cand, sizeof e->cand); /* a fixed size: a few moves */
	memset(p->chan, 0, sizeof p->chan);
	p->one_group = 1; /* one group (group_cands) */
	if (!e->n)
		return restore_pos_one(p, LM_UNK);
	p->n = e->n;
	*how = RESTORE_WORD;
	return p->n;
}

/* vie: a word in capitals that is no syllable because a vowel came out twice, once with its tone
 * ("NGAÀI" for NGÃI): the syllables of its letters with one of the two left out, at VIE_MOD. An
 * acronym ("SGDĐT") has no tone and no such vowel: 0 (copy it). */
static int doubled_vowel_cands(const sohoa_model *m, const wletters *w, restore_pos *p, int *how, sohoa_buf *tmp)
{
	int at = -1;
	for (int i = 0; i + 1 < w->n && at < 0; i++)
		if (w->plain[i] && sohoa_viet_is_vowel(w->plain[i]) && sohoa_viet_is_vowel(w->plain[i + 1]) &&
		    sohoa_viet_base(w->plain[i]) == sohoa_viet_base(w->plain[i + 1]) && (w->tone[i] || w->tone[i + 1]))
			at = i;
	if (at < 0)
		return 0;
	wletters v = *w;
	for (int i = at; i + 1 < v.n; i++) {
		v.cp[i] = v.cp[i + 1];
		v.plain[i] = v.plain[i + 1];
	}
	v.n--;
	if (!restore_skeleton_ok(&v) || !restore_stripped(&v, tmp))
		return 0;
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
	p->n = 0;
	int top = nc ? m->uni[c[0]].logp : 0;
	for (size_t k = 0; k < nc && p->n < GROUP_MAXC; k++) {
		const char *ck = sohoa_lm_word(m, c[k]);
		if (m->uni[c[k]].logp < top - RESTORE_PRUNE || !sohoa_viet_syllable(ck, strlen(ck)))
			continue;
		pos_add(p, c[k], VIE_MOD);
	}
	return cands_done(p, how);
}

/* vie: a marked word w (s[0..n)), or a word of a line in capitals that could be a syllable, keeps its form
 * at no cost if the model knows it, or becomes another of its group at the price of the OCR's
 * tone or mark confusion (learned, or VIE_TONE / VIE_MOD; VIE_CAPS_MARK for capitals read without
 * marks). Acronyms ("SGDĐT", "UBND") are left to ocrfix.c. Returns the number of candidates (0:
 * copy the word). */
static int vie_cands(const sohoa_model *m, const char *s, size_t n, const wletters *w, int caps_line, restore_pos *p,
		     int *how, sohoa_buf *tmp)
{
	int caps = w->n > 1 && w->upper_n == w->n;
	if (caps && w->marked && !sohoa_viet_syllable(s, n))
		return doubled_vowel_cands(m, w, p, how, tmp);
	if (caps && !w->marked && !restore_skeleton_ok(w))
		return 0; /* an acronym ("SGDĐT"): its Đ is no mark to take off (ocrfix.c fixes acronyms) */
	/* unmarked words may be right too: leave them to the strip job; but in a line in capitals
	 * they are the marks the OCR lost (in a sentence in lowercase a word in capitals is an
	 * acronym: "thuế VAT") */
	if (!w->marked && w->n > 1 && !(caps && caps_line))
		return 0;

	int self = restore_key_id(m, s, n, tmp);
	char obs[64] = "";
	if (tmp->data && tmp->len < sizeof obs) {
		memcpy(obs, tmp->data, tmp->len);
		obs[tmp->len] = 0;
	}
	if (!restore_stripped(w, tmp))
		return 0;
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
	p->n = 0;
	if (self != LM_UNK) /* a word the model knows: keeping it costs nothing */
		restore_pos_one(p, self);
	int top = nc ? m->uni[c[0]].logp : 0;
	for (size_t k = 0; k < nc && p->n < GROUP_MAXC; k++) {
		if (c[k] == self || m->uni[c[k]].logp < top - RESTORE_PRUNE)
			continue;
		const char *ck = sohoa_lm_word(m, c[k]);
		if (self == LM_UNK && !sohoa_viet_syllable(ck, strlen(ck)))
			continue; /* OCR junk ("ởđi") is no foreign word ("odi") */
		p->cand[p->n] = c[k];
		int32_t cost = !w->marked ? VIE_CAPS_MARK : same_toneless(m, c[k], w) ? VIE_TONE : VIE_MOD;
		int learned = vie_learned(obs, sohoa_lm_word(m, c[k]));
		if (learned > VIE_LEARNED_MAX)
			learned = VIE_LEARNED_MAX;
		p->chan[p->n] = learned > cost ? learned : cost;
		p->n++;
	}
	if (!p->n)
		return 0;
	/* unknown to the model (e.g. "nầng"): one of the others, with the input's case */
	*how = self != LM_UNK ? RESTORE_KEEP0 : RESTORE_WORD;
	return p->n;
}

/* A word's case shape not found yet (sohoa_lm_case_shape gives -1, 0 or 1). */
#define SHAPE_UNKNOWN (-2)

/* Candidates for one word under the job; returns the number set in p (0: copy the word). *shape:
 * the word's case shape where it was found on the way, else SHAPE_UNKNOWN. */
static int word_cands(const sohoa_model *m, sohoa_restore_mode mode, const char *s, size_t n, int caps_line,
		      restore_pos *p, int *how, int *shape, sohoa_buf *tmp)
{
	wletters w;
	*how = RESTORE_COPY;
	*shape = SHAPE_UNKNOWN;
	p->n = 0;
	p->one_group = 0; /* group_cands and strip_cands know better */
	if (mode == SOHOA_RESTORE_STRIP && n < 40) {
		/* the common case, plain ASCII letters: look the lowercase form up directly, its case
		 * shape (sohoa_lm_case_shape) found on the way */
		char low[40] = {0};
		size_t i = 0;
		unsigned up = 0; /* bit 0: the first letter is a capital; bit 1: a later one is */
		for (; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c >= 'A' && c <= 'Z') {
				c = (unsigned char)(c + 32);
				up |= i ? 2u : 1u;
			} else if (c < 'a' || c > 'z') {
				break;
			}
			low[i] = (char)c;
		}
		if (i == n) {
			*shape = n && !(up & 2) ? (int)(up & 1) : -1;
			if (n && n < MEMO_KEY)
				return strip_cands(m, low, n, p, how);
			return group_cands(m, low, n, NULL, 0, GROUP_MAXC, p, how);
		}
	}
	if (!restore_letters(s, n, &w))
		return 0;
	if (mode == SOHOA_RESTORE_VIE)
		return vie_cands(m, s, n, &w, caps_line, p, how, tmp);
	if (mode == SOHOA_RESTORE_STRIP && w.marked) /* already carries marks: keep it, as context */
		return restore_pos_one(p, restore_key_id(m, s, n, tmp));
	if (!restore_stripped(&w, tmp))
		return 0;
	if (mode != SOHOA_RESTORE_OCR)
		return group_cands(m, tmp->data, tmp->len, NULL, 0, GROUP_MAXC, p, how);
	uint32_t lv[RESTORE_WORD_MAX];
	for (int j = 0; j < w.n; j++)
		lv[j] = restore_lower_cp(w.cp[j]);
	return group_cands(m, tmp->data, tmp->len, lv, w.n, RESTORE_MAXC, p, how);
}

/* vie: a marked word that is no syllable, made of two known syllables the model has seen
 * together ("trợpháp", "đơnvị": a space the OCR lost), becomes the two with a space between, each
 * with its vie candidates. Returns 1 if it split s[a..b). */
static int vie_split(const sohoa_model *m, const char *s, size_t a, size_t b, restore_item *items, size_t *ni,
		     size_t maxitems, restore_pos *pos, size_t *np, sohoa_buf *tmp)
{
	wletters w;
	if (b - a < 4 || !restore_letters(s + a, b - a, &w) || !w.marked || sohoa_viet_syllable(s + a, b - a))
		return 0;
	/* a known glued form (the corpus has its typos too) is kept unless the pair is far likelier */
	int whole = restore_key_id(m, s + a, b - a, tmp);
	size_t best_at = 0;
	int best = SPLIT_MIN, floor = whole == LM_UNK ? INT32_MIN : m->uni[whole].logp + SPLIT_MARGIN;
	for (size_t k = a + 1; k < b; k++) {
		if (((unsigned char)s[k] & 0xC0) == 0x80)
			continue;
		if (!sohoa_viet_syllable(s + a, k - a) || !sohoa_viet_syllable(s + k, b - k))
			continue;
		int l = restore_key_id(m, s + a, k - a, tmp), r = restore_key_id(m, s + k, b - k, tmp);
		if (l == LM_UNK || r == LM_UNK)
			continue;
		int sc = sohoa_lm_score2(m, l, r);
		if (sc > best && m->uni[l].logp + sc > floor) {
			best = sc;
			best_at = k;
		}
	}
	if (!best_at)
		return 0;
	size_t cut[3] = {a, best_at, b};
	for (int h = 0; h < 2; h++) {
		restore_pos *p = &pos[*np];
		int how = RESTORE_COPY;
		int shape;
		if (!word_cands(m, SOHOA_RESTORE_VIE, s + cut[h], cut[h + 1] - cut[h], 0, p, &how, &shape, tmp)) {
			p->cand[0] = (uint16_t)restore_key_id(m, s + cut[h], cut[h + 1] - cut[h], tmp);
			p->chan[0] = 0;
			p->n = 1;
			how = RESTORE_COPY;
		}
		restore_push_item(items, ni, maxitems, cut[h], cut[h + 1], (int32_t)(*np)++, how);
		if (h == 0)
			restore_push_item(items, ni, maxitems, cut[1], cut[1], -1, RESTORE_SPACE);
	}
	return 1;
}

/* strip: a capital inside a sentence is evidence for the forms the corpus writes capitalized
 * ("Sở" of "Sở Y tế" over "số"), a lower-case word against forms mostly seen in names ("Nội"):
 * each candidate's channel score gets ln P(case | candidate) from the model's case section. */
static void add_case_costs(const sohoa_model *m, const char *s, size_t n, int shape, restore_pos *p)
{
	if (p->n < 2 || !m->casep)
		return;
	if (shape == SHAPE_UNKNOWN)
		shape = sohoa_lm_case_shape(s, n);
	if (shape < 0)
		return;
	for (int k = 0; k < p->n; k++)
		if (p->cand[k] != LM_UNK)
			p->chan[k] += sohoa_lm_case_cost(m, p->cand[k], shape);
}

/* The tokenizer's state over one span (restore_tokenize). */
typedef struct tokenizer {
	const sohoa_model *m;
	const restore_adapt *ad;
	sohoa_restore_mode mode;
	const char *s;
	size_t n;
	restore_item *items;
	size_t *ni, maxitems;
	restore_pos *pos;
	size_t *np, maxpos;
	sohoa_buf *tmp;
	ocrfix_edit ed[OCRFIX_MAX]; /* vie: the edits of the current chunk, the next one at ke */
	size_t ned, ke, chunk_s, chunk_e;
	int drop_space;     /* a dropped chunk began the paragraph: its following space goes too */
	int sentence_start; /* the next word's capital says nothing about it */
	int chunk_start;    /* the next token starts a white-space chunk */
	int caps_line;      /* the paragraph has no lowercase letter (a letterhead, a title) */
} tokenizer;

/* 1 if s[0..n) has two letters or more and none in lowercase. */
static int caps_text(const char *s, size_t n)
{
	int up = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			if (!upper)
				return 0;
			up++;
		}
	}
	return up >= 2;
}

/* vie: apply the edit x that ocrfix.c found in this chunk. */
static void apply_edit(tokenizer *t, const ocrfix_edit *x)
{
	if (x->how == OCRFIX_WORD) {
		restore_pos_one(&t->pos[*t->np], x->id);
		restore_push_item(t->items, t->ni, t->maxitems, x->s, x->e, (int32_t)(*t->np)++, RESTORE_WORD);
		return;
	}
	if (x->how == OCRFIX_ONE) {
		restore_push_item(t->items, t->ni, t->maxitems, x->s, x->e, -1, RESTORE_ONE);
		return;
	}
	if (x->how == OCRFIX_DIGITS) {
		restore_push_item(t->items, t->ni, t->maxitems, x->s, x->e, -1, RESTORE_DIGITS);
		return;
	}
	if (x->how == OCRFIX_ACRONYM) {
		if (!restore_push_item(t->items, t->ni, t->maxitems, x->s, x->e, -1, RESTORE_ACRONYM))
			t->items[*t->ni - 1].arg = (uint16_t)x->id;
		return;
	}
	restore_push_item(t->items, t->ni, t->maxitems, x->s, x->e, -1, RESTORE_DROP);
	if (x->how == OCRFIX_SPACE)
		restore_push_item(t->items, t->ni, t->maxitems, x->e, x->e, -1, RESTORE_SPACE);
	/* a whole chunk of debris takes one space with it, so no double or edge space is left */
	if (x->how == OCRFIX_DROP && x->s == t->chunk_s && x->e == t->chunk_e) {
		restore_item *prev = *t->ni >= 2 ? &t->items[*t->ni - 2] : NULL;
		if (prev && prev->how == RESTORE_COPY && prev->pos < 0 && prev->e == x->s) {
			if (!memchr(t->s + prev->s, '\n', prev->e - prev->s))
				prev->how = RESTORE_DROP;
		} else {
			t->drop_space = 1;
		}
	}
}

/* A white-space chunk starts at i: an address is copied whole, the vie job asks ocrfix.c for the
 * chunk's edits, the eng-OCR job reads the chunk as one token. Returns where the tokenizer goes
 * on: i to go on token by token (or, vie, to apply the edit found at i), else past the chunk. */
static size_t chunk_begin(tokenizer *t, size_t i)
{
	/* the chunk's end, and whether it could be an address ("://", "www.", '@'): most are not */
	const char *s = t->s;
	size_t ce = i;
	int maybe = s[i] == 'w' || s[i] == 'W';
	for (; ce < t->n && !(s[ce] == ' ' || s[ce] == '\t' || s[ce] == '\n' || s[ce] == '\r'); ce++)
		maybe |= s[ce] == ':' || s[ce] == '@';
	if (maybe && restore_is_address(s + i, ce - i)) {
		restore_pos_one(&t->pos[*t->np], LM_UNK);
		restore_push_item(t->items, t->ni, t->maxitems, i, ce, (int32_t)(*t->np)++, RESTORE_COPY);
		return ce;
	}
	if (t->mode == SOHOA_RESTORE_VIE) {
		t->ned = ocrfix_chunk(t->m, t->s, t->n, i, ce, t->ed, t->tmp);
		t->ke = 0;
		t->chunk_s = i;
		t->chunk_e = ce;
		return i;
	}
	/* eng-OCR works on whole chunks: "v4i", "S¢" are one word */
	if (t->mode == SOHOA_RESTORE_OCR && ce - i < 64 && *t->np + (ce - i) + 2 <= t->maxpos &&
	    *t->ni + (ce - i) + 2 <= t->maxitems &&
	    restore_ocr_chunk(t->m, t->ad, t->s, i, ce, t->items, t->ni, t->maxitems, t->pos, t->np, t->tmp))
		return ce;
	return i;
}

/* The token s[i..j) of the given kind (not space) as one position. */
static void token_position(tokenizer *t, size_t i, size_t j, int kind)
{
	const char *s = t->s;
	restore_pos *p = &t->pos[*t->np];
	int how = RESTORE_COPY, shape;
	restore_pos_one(p, LM_UNK);
	if (kind == LM_TOK_NUM) {
		p->cand[0] = LM_NUM;
	} else if (kind == LM_TOK_PUNCT) {
		p->cand[0] = (uint16_t)sohoa_lm_id(t->m, s + i, j - i);
	} else if (!word_cands(t->m, t->mode, s + i, j - i, t->caps_line, p, &how, &shape, t->tmp)) {
		restore_pos_one(p, restore_key_id(t->m, s + i, j - i, t->tmp));
		how = RESTORE_COPY;
	} else if (t->mode == SOHOA_RESTORE_STRIP && !t->sentence_start) {
		add_case_costs(t->m, s + i, j - i, shape, p);
	}
	restore_push_item(t->items, t->ni, t->maxitems, i, j, (int32_t)(*t->np)++, how);
	t->sentence_start = sohoa_lm_sentence_start(s + i, j - i, kind);
}

size_t restore_tokenize(const sohoa_model *m, const restore_adapt *ad, sohoa_restore_mode mode, const char *s,
			size_t n, size_t start, restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos,
			size_t *np, size_t maxpos, sohoa_buf *tmp)
{
	tokenizer t; /* set field by field: t.ed is written before it is read, and a span is short */
	t.m = m, t.ad = ad, t.mode = mode, t.s = s, t.n = n, t.tmp = tmp;
	t.items = items, t.ni = ni, t.maxitems = maxitems, t.pos = pos, t.np = np, t.maxpos = maxpos;
	t.ned = t.ke = t.chunk_s = t.chunk_e = 0;
	t.drop_space = 0, t.sentence_start = 1, t.chunk_start = 1;
	t.caps_line = mode == SOHOA_RESTORE_VIE && caps_text(s, n);
	*ni = *np = 0;
	size_t i = start;
	while (i < n) {
		if (*np + 2 > maxpos || *ni + 3 > maxitems)
			break;
		while (t.ke < t.ned && t.ed[t.ke].s < i) /* inside a word another rule took whole */
			t.ke++;
		if (t.ke < t.ned && t.ed[t.ke].s == i) {
			const ocrfix_edit *x = &t.ed[t.ke++];
			apply_edit(&t, x);
			i = x->e;
			continue;
		}
		int kind;
		size_t j = sohoa_lm_token(s, n, i, &kind);
		if (t.ke < t.ned && t.ed[t.ke].s > i && t.ed[t.ke].s < j)
			j = t.ed[t.ke].s; /* an edit inside the token ("UBTVQH|I|3"): the token ends there */
		if (kind == LM_TOK_SPACE) {
			int nl = 0; /* a space is a byte or two: no call */
			for (size_t k = i; k < j; k++)
				nl |= s[k] == '\n';
			restore_push_item(items, ni, maxitems, i, j, -1, t.drop_space && !nl ? RESTORE_DROP : RESTORE_COPY);
			t.drop_space = 0;
			t.sentence_start |= nl;
			t.chunk_start = 1;
			i = j;
			continue;
		}
		if (t.chunk_start) {
			t.chunk_start = 0;
			size_t k = chunk_begin(&t, i);
			if (k != i) { /* the chunk is done */
				i = k;
				continue;
			}
			if (t.ned && t.ed[0].s == i)
				continue; /* the edit at the chunk's start is applied above */
		}
		if (mode == SOHOA_RESTORE_VIE && kind == LM_TOK_WORD && *np + 3 <= maxpos && *ni + 4 <= maxitems &&
		    vie_split(m, s, i, j, items, ni, maxitems, pos, np, tmp)) {
			i = j;
			continue;
		}
		token_position(&t, i, j, kind);
		i = j;
	}
	return i;
}

/* sohoa_buf_append, inline where out has room (a word or a space at a time). */
static inline int buf_add(sohoa_buf *out, const char *s, size_t n)
{
	if (out->cap - out->len <= n)
		return sohoa_buf_append(out, s, n);
	memcpy(out->data + out->len, s, n);
	out->len += n;
	out->data[out->len] = 0;
	return 0;
}

/* Write key (lowercase) with the case of the input word s[0..n): letter by letter when the
 * lengths agree, else ALL CAPS / Title / lower by the input's pattern. */
static int put_cased(const char *key, const char *s, size_t n, sohoa_buf *out)
{
	size_t i0 = 0;
	while (i0 < n && (unsigned char)s[i0] < 0x80 && !(s[i0] >= 'A' && s[i0] <= 'Z'))
		i0++;
	if (i0 == n) /* lowercase ASCII in (the common case): the key as it is */
		return buf_add(out, key, strlen(key));
	/* the case of each input letter: read off its byte where the word is ASCII letters (the
	 * strip job's), else as restore_letters finds it */
	uint8_t upn[RESTORE_WORD_MAX];
	int ok = 1, nin = 0, nup = 0;
	while ((size_t)nin < n && nin < RESTORE_WORD_MAX && (unsigned)((s[nin] | 32) - 'a') < 26) {
		upn[nin] = s[nin] <= 'Z';
		nup += upn[nin++];
	}
	if ((size_t)nin < n) {
		wletters in;
		ok = restore_letters(s, n, &in);
		nin = in.n;
		nup = in.upper_n;
		memcpy(upn, in.upper, (size_t)in.n);
	}
	size_t kn = strlen(key), i = 0;
	int j = 0, nk = 0;
	for (size_t t = 0; t < kn; nk++)
		t += sohoa_utf8_decode(key + t, kn - t, &(uint32_t){0});
	int by_letter = ok && nk == nin;
	int all_caps = ok && nup == nin && nin > 0;
	while (i < kn) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(key + i, kn - i, &cp);
		int up = by_letter ? upn[j] : all_caps ? 1 : (j == 0 && ok && nin && upn[0]);
		if (up && sohoa_viet_letter(cp, &plain, &tone, &upper))
			cp = sohoa_viet_compose(plain, tone, 1);
		char u[4];
		size_t k = sohoa_utf8_encode(cp, u);
		if (buf_add(out, u, k))
			return -1;
		j++;
	}
	return 0;
}

int restore_append_valid(sohoa_buf *out, const char *s, size_t n)
{
	size_t a = 0;
	while (a < n && (unsigned char)s[a] < 0x80)
		a++;
	if (a == n || sohoa_utf8_valid(s, n))
		return buf_add(out, s, n);
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		char u[4];
		size_t m = sohoa_utf8_encode(cp, u);
		if (sohoa_buf_append(out, u, m))
			return -1;
		i += k;
	}
	return 0;
}

int restore_put_word(const char *key, const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out)
{
	size_t from = out->len;
	if (put_cased(key, s, n, out))
		return -1;
	if (style != SOHOA_TONE_NEW || out->len - from > 4 * RESTORE_WORD_MAX)
		return 0;
	char w[4 * RESTORE_WORD_MAX];
	size_t wn = out->len - from;
	memcpy(w, out->data + from, wn);
	out->len = from;
	return sohoa_viet_restyle(w, wn, style, out);
}

int restore_emit(const sohoa_model *m, const char *s, const restore_item *items, size_t ni, const restore_pos *pos,
		 const uint8_t *choice, sohoa_tone_style style, sohoa_buf *out)
{
	return restore_emit_where(m, s, items, ni, pos, 0, choice, style, out, NULL);
}

int restore_emit_where(const sohoa_model *m, const char *s, const restore_item *items, size_t ni,
		       const restore_pos *pos, size_t np, const uint8_t *choice, sohoa_tone_style style, sohoa_buf *out,
		       restore_wrote *wrote)
{
	for (size_t p = 0; wrote && p < np; p++)
		wrote[p].out_s = wrote[p].out_e = UINT32_MAX;
	for (size_t k = 0; k < ni; k++) {
		const restore_item *it = &items[k];
		int c = it->pos >= 0 ? choice[it->pos] : 0;
		if (it->how == RESTORE_DROP)
			continue;
		if (it->how == RESTORE_SPACE || it->how == RESTORE_ONE) {
			if (sohoa_buf_puts(out, it->how == RESTORE_ONE ? "1" : " "))
				return -1;
			continue;
		}
		if (it->how == RESTORE_DIGITS) {
			for (uint32_t i = it->s; i < it->e; i++) {
				char d = s[i] == 'O' || s[i] == 'o' ? '0' : s[i] == 'I' || s[i] == 'l' || s[i] == '|' ? '1' : s[i];
				if (sohoa_buf_append(out, &d, 1))
					return -1;
			}
			continue;
		}
		if (it->how == RESTORE_ACRONYM) {
			if (sohoa_buf_puts(out, sohoa_gov_acronyms[it->arg]))
				return -1;
			continue;
		}
		if (it->how == RESTORE_COPY) {
			if (restore_append_valid(out, s + it->s, it->e - it->s))
				return -1;
			continue;
		}
		size_t from = out->len;
		if (it->how == RESTORE_KEEP0 && c == 0 ? restore_append_valid(out, s + it->s, it->e - it->s)
						       : restore_put_word(sohoa_lm_word(m, pos[it->pos].cand[c]),
									  s + it->s, it->e - it->s, style, out))
			return -1;
		if (wrote && (size_t)it->pos < np && from < UINT32_MAX && out->len < UINT32_MAX)
			wrote[it->pos] = (restore_wrote){(uint32_t)from, (uint32_t)out->len, it->s, it->e,
							 it->how == RESTORE_KEEP0};
	}
	return 0;
}

/* candidates: positions, candidate syllables and case for the restorer; see candidates.h. */
#include "candidates.h"
#include "lm.h"
#include "ocrfix.h"
#include "ocrfix-vie.h"
#include "restore.h"
#include "../core/viet.h"

#include <stdint.h>
#include <string.h>

#define PRUNE 7000        /* drop candidates e^7 rarer (unigram) than the most frequent one */
#define GROUP_MAXC 10     /* jobs 1 and 3: candidates per word (job 2 fills all RESTORE_MAXC) */
/* Job 3: ln P(Vietnamese OCR printed this | the page had that), so only confident changes win. */
/* Confusions the learned table (ocrfix-vie.h) has no count for. Chosen on scanned training pages
 * the table was not learned from (tools/learn-vie-channel.sh documents 9-16, table of 1-8: 474
 * errors before job 3): every price from -4500/-6000 to -6500/-8000 leaves 263-264, none 324;
 * the most cautious of the best is kept, as clean text read as OCR then changes least (held-out
 * corpus text: 699 words changed at -4500/-6000, 353 at these). */
#define VIE_TONE (-6500)  /* same letters, another tone ("thế" for "thể") */
#define VIE_MOD (-8000)   /* another vowel mark too ("ngây" for "ngày", "Số" for "Sở") */
/* Learned confusions ("chỉ" printed for "chi" 48 times in 72) cost at least this: a count from a
 * few dozen pages is rough, and a cell cut mid-word ("Chỉ" | "thị") leaves the model little
 * context. On the same held-apart pages caps from -1000 to -2500 correct as much (263-264),
 * -4000 less (269), no table 271: the most cautious of the best is kept. */
#define VIE_LEARNED_MAX (-2500)
#define WORD_MAX 48
#define SPLIT_MIN (-9000)  /* job 3 splits a glued word only where ln P(second | first) beats this */
#define SPLIT_MARGIN 3000  /* and a glued form the model knows only where the pair is e^3 likelier */

/* Letters of a word: code points, plain letter and tone per position (plain 0: not Vietnamese). */
typedef struct wletters {
	uint32_t cp[WORD_MAX];
	uint32_t plain[WORD_MAX];
	uint8_t tone[WORD_MAX], upper[WORD_MAX];
	int n;
	int marked;  /* any tone or modifier or đ */
	int upper_n; /* letters in upper case */
} wletters;

static int is_modified(uint32_t plain)
{
	return plain == 0x103 || plain == 0xE2 || plain == 0xEA || plain == 0xF4 || plain == 0x1A1 ||
	       plain == 0x1B0 || plain == 0x111;
}

/* Decode s[0..n) into letters; returns 0 if it does not fit or holds non-letters. */
static int letters(const char *s, size_t n, wletters *w)
{
	w->n = w->marked = w->upper_n = 0;
	size_t i = 0;
	while (i < n) {
		if (w->n == WORD_MAX)
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

/* Lowercase base letters (a-z) of w into tmp; 0 if some letter has no ASCII base. */
static int stripped(const wletters *w, sohoa_buf *tmp)
{
	tmp->len = 0;
	for (int i = 0; i < w->n; i++) {
		uint32_t b = sohoa_viet_base(w->cp[i]);
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (b < 'a' || b > 'z')
			return 0;
		char c = (char)b;
		if (sohoa_buf_append(tmp, &c, 1))
			return 0;
	}
	return 1;
}

static int key_id(const sohoa_model *m, const char *s, size_t n, sohoa_buf *tmp)
{
	tmp->len = 0;
	if (sohoa_viet_key(s, n, tmp) || !tmp->data)
		return LM_UNK;
	return sohoa_lm_id(m, tmp->data, tmp->len);
}

/* Job 3's learned channel: ln P(the vie OCR prints observed | intended) * SCALE for the
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

/* 1 if the base letters of w could spell a Vietnamese syllable with some marks: onset, one to
 * three vowels, a final consonant. Stripped text passes; "dugc", "clia", "thir" do not. */
static int skeleton_ok(const wletters *w)
{
	char b[WORD_MAX + 1];
	int n = 0;
	for (int i = 0; i < w->n; i++) {
		uint32_t c = sohoa_viet_base(w->cp[i]);
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c < 'a' || c > 'z')
			return 0;
		b[n++] = (char)c;
	}
	b[n] = 0;
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
			if (!letters(s + i, j - i, &w)) {
				cs->words++;
				cs->invalid++;
			} else if (w.n >= 2 && w.upper_n >= 2 && !w.marked && !skeleton_ok(&w)) {
				/* an acronym (UBND, TTg): says nothing about marks */
			} else if (w.n == 1 && !w.marked) {
				/* a list letter or an initial */
			} else {
				cs->words++;
				cs->marked += w.marked;
				if (!skeleton_ok(&w))
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

static int push_item(restore_item *items, size_t *ni, size_t max, size_t s, size_t e, int32_t pos, int how)
{
	if (*ni >= max)
		return -1;
	items[(*ni)++] = (restore_item){(uint32_t)s, (uint32_t)e, pos, (uint8_t)how};
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

static size_t chunk_end(const char *s, size_t n, size_t i)
{
	while (i < n && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

static uint32_t lower_cp(uint32_t cp);
static int chan_cost(const sohoa_model *m, int id, const uint32_t *v, int nv, uint64_t fixed, int32_t *cost);

/* Candidates for one word under the job; returns the number set in p (0: copy the word). */
static int word_cands(const sohoa_model *m, sohoa_restore_mode mode, const char *s, size_t n, restore_pos *p,
		      int *how, sohoa_buf *tmp)
{
	wletters w;
	*how = RESTORE_COPY;
	p->n = 0;
	if (mode == SOHOA_RESTORE_STRIP && n < 40) {
		/* the common case, plain ASCII letters: look the lowercase form up directly */
		char low[40];
		size_t i = 0;
		for (; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			else if (c < 'a' || c > 'z')
				break;
			low[i] = (char)c;
		}
		if (i == n) {
			size_t nc;
			const uint16_t *c = sohoa_lm_cands(m, low, n, &nc);
			if (!nc) {
				p->cand[0] = LM_UNK;
				p->chan[0] = 0;
				p->n = 1;
				return 1;
			}
			int top = m->uni[c[0]].logp;
			for (size_t k = 0; k < nc && p->n < GROUP_MAXC; k++) {
				if (k > 0 && m->uni[c[k]].logp < top - PRUNE)
					continue;
				p->cand[p->n] = c[k];
				p->chan[p->n] = 0;
				p->n++;
			}
			*how = RESTORE_WORD;
			return p->n;
		}
	}
	if (!letters(s, n, &w))
		return 0;
	if (mode == SOHOA_RESTORE_VIE) {
		if (!w.marked && w.n > 1) /* unmarked words may be right too: leave them to job 1 */
			return 0;
		int self = key_id(m, s, n, tmp);
		char obs[64] = "";
		if (tmp->data && tmp->len < sizeof obs) {
			memcpy(obs, tmp->data, tmp->len);
			obs[tmp->len] = 0;
		}
		if (!stripped(&w, tmp))
			return 0;
		size_t nc;
		const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
		p->n = 0;
		if (self != LM_UNK) { /* a word the model knows: keeping it costs nothing */
			p->cand[0] = (uint16_t)self;
			p->chan[0] = 0;
			p->n = 1;
		}
		int top = nc ? m->uni[c[0]].logp : 0;
		for (size_t k = 0; k < nc && p->n < GROUP_MAXC; k++) {
			if (c[k] == self || m->uni[c[k]].logp < top - PRUNE)
				continue;
			const char *ck = sohoa_lm_word(m, c[k]);
			if (self == LM_UNK && !sohoa_viet_syllable(ck, strlen(ck)))
				continue; /* OCR junk ("ởđi") is no foreign word ("odi") */
			p->cand[p->n] = c[k];
			int32_t cost = same_toneless(m, c[k], &w) ? VIE_TONE : VIE_MOD;
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
	if (mode == SOHOA_RESTORE_STRIP && w.marked) {
		/* already carries marks: keep it, but let it be context */
		p->cand[0] = (uint16_t)key_id(m, s, n, tmp);
		p->chan[0] = 0;
		p->n = 1;
		return 1;
	}
	if (!stripped(&w, tmp))
		return 0;
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
	if (!nc) {
		p->cand[0] = LM_UNK;
		p->chan[0] = 0;
		p->n = 1;
		return 1;
	}
	int top = m->uni[c[0]].logp;
	uint32_t lv[WORD_MAX];
	for (int j = 0; j < w.n; j++)
		lv[j] = lower_cp(w.cp[j]);
	int maxc = mode == SOHOA_RESTORE_OCR ? RESTORE_MAXC : GROUP_MAXC;
	for (size_t k = 0; k < nc && p->n < maxc; k++) {
		int32_t cost = 0;
		if (k > 0 && m->uni[c[k]].logp < top - PRUNE)
			continue;
		if (mode == SOHOA_RESTORE_OCR && !chan_cost(m, c[k], lv, w.n, 0, &cost))
			continue;
		p->cand[p->n] = c[k];
		p->chan[p->n] = cost;
		p->n++;
	}
	if (!p->n)
		return 0;
	*how = RESTORE_WORD;
	return p->n;
}

/* --- job 2: eng-OCR tokens --- */

static int peel_char(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '{' ||
	       cp == '}' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == '!' || cp == '?' ||
	       cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0xAB || cp == 0xBB ||
	       cp == 0x2026 || cp == '-' || cp == '*' || cp == '|' || cp == '_' || cp == 0x2014 || cp == 0x2013;
}

/* Add candidate id with channel score sc to p, keeping the better score of a duplicate; when p is
 * full the candidate of lowest rank (channel + unigram + bonus) makes room. */
static void add_cand_r(restore_pos *p, int id, int32_t sc, int32_t *rank, const sohoa_model *m, int32_t bonus)
{
	if (id < LM_NFIXED)
		return;
	int32_t r = sc + m->uni[id].logp + bonus;
	for (int k = 0; k < p->n; k++)
		if (p->cand[k] == id) {
			if (sc > p->chan[k])
				p->chan[k] = sc;
			if (r > rank[k])
				rank[k] = r;
			return;
		}
	if (p->n < RESTORE_MAXC) {
		p->cand[p->n] = (uint16_t)id;
		p->chan[p->n] = sc;
		rank[p->n] = r;
		p->n++;
		return;
	}
	int worst = 0;
	for (int k = 1; k < p->n; k++)
		if (rank[k] < rank[worst])
			worst = k;
	if (r > rank[worst]) {
		p->cand[worst] = (uint16_t)id;
		p->chan[worst] = sc;
		rank[worst] = r;
	}
}

static void add_cand(restore_pos *p, int id, int32_t sc, int32_t *rank, const sohoa_model *m)
{
	add_cand_r(p, id, sc, rank, m, 0);
}

/* Lowercase code point (Vietnamese letters keep their marks; others unchanged). */
static uint32_t lower_cp(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (sohoa_viet_letter(cp, &plain, &tone, &upper) && upper)
		return sohoa_viet_compose(plain, tone, 0);
	return cp;
}

#define OTHER_MARK (-3000)

/* ln P(variant | candidate id) under the character channel, position by position; positions
 * in fixed (a bit mask) came from a substring confusion already paid for. 1 if aligned. */
static int chan_cost(const sohoa_model *m, int id, const uint32_t *v, int nv, uint64_t fixed, int32_t *cost)
{
	const char *k = sohoa_lm_word(m, id);
	size_t kn = strlen(k), i = 0;
	int32_t c = 0;
	for (int j = 0; j < nv; j++) {
		if (i >= kn)
			return 0;
		uint32_t cp;
		i += sohoa_utf8_decode(k + i, kn - i, &cp);
		if (j < 64 && (fixed >> j & 1)) {
			/* from a learned confusion: that letter, or (less likely) the same letter with
			 * other marks than the confusion said */
			if (cp != v[j]) {
				if (sohoa_viet_base(cp) != sohoa_viet_base(v[j]))
					return 0;
				c += OTHER_MARK;
			}
			continue;
		}
		c += sohoa_lm_chan1(m, v[j], cp);
	}
	if (i != kn)
		return 0;
	*cost = c;
	return 1;
}

/* Candidates of one reading v[0..n) of the token: the group of its stripped form, scored by the
 * character channel, plus base (the cost of the confusions that made this reading). */
static void add_group(const sohoa_model *m, const char *v, size_t n, uint64_t fixed, int32_t base, restore_pos *p,
		      int32_t *rank, sohoa_buf *tmp)
{
	wletters w;
	if (!letters(v, n, &w) || !stripped(&w, tmp))
		return;
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
	if (!nc)
		return;
	uint32_t lv[WORD_MAX];
	for (int j = 0; j < w.n; j++)
		lv[j] = lower_cp(w.cp[j]);
	int top = m->uni[c[0]].logp;
	for (size_t k = 0; k < nc; k++) {
		int32_t cost;
		if (k > 0 && m->uni[c[k]].logp < top - PRUNE)
			continue;
		if (chan_cost(m, c[k], lv, w.n, fixed, &cost))
			add_cand(p, c[k], base + cost, rank, m);
	}
}

/* 1 if the confusion changes more than marks (those the group lookup already covers). */
static int useful_confusion(const sohoa_lm_chan_chr *e, size_t ol, size_t il)
{
	if (ol == il && memcmp(e->obs, e->intended, ol) == 0)
		return 0;
	uint32_t o, t;
	if (sohoa_utf8_decode(e->obs, ol, &o) == ol && sohoa_utf8_decode(e->intended, il, &t) == il) {
		uint32_t bo = sohoa_viet_base(lower_cp(o)), bt = sohoa_viet_base(t);
		if (bo == bt)
			return 0;
	}
	return e->logp > -7000; /* rarer confusions cost more than they find */
}

#define MAX_SINGLE 64
#define PER_POS 12 /* single confusions tried at one position */
#define MAX_DOUBLE 48
#define DOUBLE_MIN (-11000) /* two confusions together must be likelier than this */

typedef struct variant {
	char v[64];
	size_t n;
	uint64_t fixed;
	int32_t cost;
	size_t after; /* byte offset after the confusion, where a second one may start */
} variant;

/* Bit mask of the code points of v[0..n) that lie in bytes [a, b). */
static uint64_t cp_mask(const char *v, size_t n, size_t a, size_t b)
{
	uint64_t mask = 0;
	int j = 0;
	for (size_t i = 0; i < n && j < 64; j++) {
		if (i >= a && i < b)
			mask |= (uint64_t)1 << j;
		uint32_t cp;
		i += sohoa_utf8_decode(v + i, n - i, &cp);
	}
	return mask;
}

/* Apply confusion e at byte i of t[0..n) into out; 0 if it does not fit. */
static int confuse(const char *t, size_t n, size_t i, const sohoa_lm_chan_chr *e, size_t ol, size_t il, variant *out)
{
	if (n - ol + il >= sizeof out->v)
		return 0;
	memcpy(out->v, t, i);
	memcpy(out->v + i, e->intended, il);
	memcpy(out->v + i + il, t + i + ol, n - i - ol);
	out->n = n - ol + il;
	out->after = i + il;
	return 1;
}

/* Readings of token t[0..n) (lowercased) under one confusion of the channel, then two. */
static void add_variants(const sohoa_model *m, const char *t, size_t n, restore_pos *p, int32_t *rank,
			 sohoa_buf *tmp)
{
	uint32_t nchr = m->h->nchan_chr;
	variant one[MAX_SINGLE];
	int n1 = 0, n2 = 0;
	for (size_t i = 0; i < n && n1 < MAX_SINGLE; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		int at_i = 0; /* each position gets its share: "d" has dozens of readings, "é" too */
		for (uint32_t k = 0; k < nchr && n1 < MAX_SINGLE && at_i < PER_POS; k++) {
			const sohoa_lm_chan_chr *e = &m->chan_chr[k];
			size_t ol = strnlen(e->obs, sizeof e->obs), il = strnlen(e->intended, sizeof e->intended);
			if (!ol || i + ol > n || memcmp(t + i, e->obs, ol) != 0 || !useful_confusion(e, ol, il))
				continue;
			variant *v = &one[n1];
			if (!confuse(t, n, i, e, ol, il, v))
				continue;
			v->fixed = cp_mask(v->v, v->n, i, i + il);
			v->cost = e->logp;
			n1++;
			at_i++;
			add_group(m, v->v, v->n, v->fixed, v->cost, p, rank, tmp);
		}
	}
	for (int a = 0; a < n1 && n2 < MAX_DOUBLE; a++) {
		const variant *v1 = &one[a];
		for (size_t j = v1->after; j < v1->n && n2 < MAX_DOUBLE; j++) {
			if (((unsigned char)v1->v[j] & 0xC0) == 0x80)
				continue;
			for (uint32_t k = 0; k < nchr && n2 < MAX_DOUBLE; k++) {
				const sohoa_lm_chan_chr *f = &m->chan_chr[k];
				size_t ol = strnlen(f->obs, sizeof f->obs), il = strnlen(f->intended, sizeof f->intended);
				if (!ol || j + ol > v1->n || memcmp(v1->v + j, f->obs, ol) != 0 ||
				    v1->cost + f->logp < DOUBLE_MIN || !useful_confusion(f, ol, il))
					continue;
				variant v2;
				if (!confuse(v1->v, v1->n, j, f, ol, il, &v2))
					continue;
				n2++;
				/* the first confusion lies before j, so its code points keep their place */
				add_group(m, v2.v, v2.n, v1->fixed | cp_mask(v2.v, v2.n, j, j + il), v1->cost + f->logp, p, rank,
					  tmp);
			}
		}
	}
}

#define TOKEN_FIRST (-2300) /* token readings likelier than 1 in 10 keep their place */
#define ACRONYM_KEEP (-3000) /* ln P(an acronym is printed as it is read) */
#define EDIT_COST (-6500) /* one edit the channel tables do not explain */

/* Candidates one edit (delete, substitute, insert a letter) away from the stripped token b[0..n):
 * for junk the learned confusions do not reach ("sb" for số, "cch" for cách). */
static void add_edits(const sohoa_model *m, const char *b, size_t n, restore_pos *p, int32_t *rank)
{
	char e[40];
	if (n + 2 > sizeof e)
		return;
	for (size_t i = 0; i <= n; i++) {
		for (int op = 0; op < 3; op++) {
			if (op < 2 && i == n)
				continue;
			for (char c = 'a'; c <= 'z'; c++) {
				size_t en;
				if (op == 0) { /* delete b[i] */
					if (c != 'a')
						break;
					memcpy(e, b, i);
					memcpy(e + i, b + i + 1, n - i - 1);
					en = n - 1;
				} else if (op == 1) { /* substitute */
					if (c == b[i])
						continue;
					memcpy(e, b, n);
					e[i] = c;
					en = n;
				} else { /* insert before b[i] */
					memcpy(e, b, i);
					e[i] = c;
					memcpy(e + i + 1, b + i, n - i);
					en = n + 1;
				}
				if (!en)
					continue;
				size_t nc;
				const uint16_t *cs = sohoa_lm_cands(m, e, en, &nc);
				for (size_t k = 0; k < nc && k < 4; k++)
					add_cand(p, cs[k], EDIT_COST, rank, m);
			}
		}
	}
}

/* A run of symbols inside a token ("v6&i", "c6") often stands for one marked vowel the channel
 * has no entry for: try each vowel there, at the cost of an unexplained edit. */
static void add_wildcards(const sohoa_model *m, const char *t, size_t n, restore_pos *p, int32_t *rank)
{
	char b[32];
	size_t bn = 0, run = (size_t)-1;
	int runs = 0, letters_n = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(t + i, n - i, &cp);
		uint32_t base = sohoa_viet_base(cp);
		if (base >= 'A' && base <= 'Z')
			base += 32;
		if (bn + 2 >= sizeof b)
			return;
		if (base >= 'a' && base <= 'z') {
			b[bn++] = (char)base;
			letters_n++;
		} else if (cp == '\'' || cp == 0x2019 || cp == '.' || cp == ',') {
			return; /* punctuation, not a letter read wrong */
		} else if (!bn || run != bn - 1 || b[bn - 1] != '?') {
			run = bn;
			b[bn++] = '?';
			runs++;
		}
		i += k;
	}
	if (runs != 1 || !letters_n)
		return;
	static const char vowels[] = "aeiouy";
	for (int v = 0; v < 6; v++) {
		b[run] = vowels[v];
		size_t nc;
		const uint16_t *cs = sohoa_lm_cands(m, b, bn, &nc);
		for (size_t k = 0; k < nc && k < 4; k++)
			add_cand(p, cs[k], EDIT_COST, rank, m);
	}
}

/* A token no reading explains well, with one character too many ("chitfc", "dudgc": a stray stroke
 * read as a letter): each form with one character left out, looked up among the learned token
 * readings ("chitc" -> chức), at the cost of an unexplained edit. */
static void add_deletions(const sohoa_model *m, const char *t, size_t n, restore_pos *p, int32_t *rank,
			  sohoa_buf *tmp)
{
	char d[128];
	if (n < 3 || n >= sizeof d)
		return;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(t + i, n - i, &cp);
		memcpy(d, t, i);
		memcpy(d + i, t + i + k, n - i - k);
		size_t dn = n - k, nch;
		tmp->len = 0;
		if (sohoa_viet_key(d, dn, tmp) == 0 && tmp->data) {
			const sohoa_lm_chan_cand *ch = sohoa_lm_chan(m, tmp->data, tmp->len, &nch);
			for (size_t c = 0; c < nch; c++)
				add_cand(p, ch[c].id, ch[c].logp + EDIT_COST, rank, m);
		}
		i += k;
	}
}

/* Job 2 candidates for a token (no spaces, outer punctuation peeled). Returns how. */
static int ocr_cands(const sohoa_model *m, const char *t, size_t n, restore_pos *p, sohoa_buf *tmp)
{
	int32_t rank[RESTORE_MAXC];
	int digits = 1;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || ((t[i] == ',' || t[i] == '.') && i > 0 && i + 1 < n)))
			digits = 0;
	p->n = 0;
	if (digits) { /* a number, unless the channel says it is a word ("6" = ở) */
		p->cand[0] = LM_NUM;
		p->chan[0] = 0;
		rank[0] = 0;
		p->n = 1;
	}
	tmp->len = 0;
	if (sohoa_viet_key(t, n, tmp) == 0 && tmp->data) {
		size_t nch;
		const sohoa_lm_chan_cand *ch = sohoa_lm_chan(m, tmp->data, tmp->len, &nch);
		/* learned readings of this very token rank first: context, not the unigram, decides
		 * between "theo dõi" and "đối với" */
		for (size_t k = 0; k < nch; k++)
			add_cand_r(p, ch[k].id, ch[k].logp, rank, m, ch[k].logp > TOKEN_FIRST ? 1000000 : 0);
	}
	if (digits)
		return p->n > 1 ? RESTORE_KEEP0 : RESTORE_COPY;
	/* An all-caps token of plain letters that no syllable spells (PAPI, SIPAS) is an acronym
	 * unless the channel explains it well as a misread syllable ("HQI" for HỘI). */
	wletters orig;
	int acronym = 0;
	if (!p->n && letters(t, n, &orig) && orig.n >= 2 && orig.upper_n == orig.n && !orig.marked &&
	    stripped(&orig, tmp)) {
		size_t ng = 0;
		acronym = !sohoa_lm_cands(m, tmp->data, tmp->len, &ng) || !ng;
	}
	char low[128];
	size_t ln = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += sohoa_utf8_decode(t + i, n - i, &cp);
		char u[4];
		size_t k = sohoa_utf8_encode(lower_cp(cp), u);
		if (ln + k >= sizeof low)
			break;
		memcpy(low + ln, u, k);
		ln += k;
	}
	wletters self;
	if (letters(low, ln, &self) && self.marked) { /* already good Vietnamese: reading it so costs nothing */
		int id = key_id(m, low, ln, tmp);
		if (id != LM_UNK)
			add_cand(p, id, 0, rank, m);
	}
	add_group(m, low, ln, 0, 0, p, rank, tmp);
	add_variants(m, low, ln, p, rank, tmp);
	add_wildcards(m, low, ln, p, rank);
	wletters w;
	size_t ngroup = 0;
	int caps = letters(t, n, &orig) && orig.n >= 2 && orig.upper_n == orig.n; /* acronyms stay */
	if (!caps && letters(low, ln, &w) && stripped(&w, tmp) && tmp->len < 24 &&
	    (!skeleton_ok(&w) || !sohoa_lm_cands(m, tmp->data, tmp->len, &ngroup))) {
		char b[24];
		size_t bn = tmp->len;
		memcpy(b, tmp->data, bn);
		add_edits(m, b, bn, p, rank);
	}
	int32_t best = INT32_MIN;
	for (int k = 0; k < p->n; k++)
		if (p->chan[k] > best)
			best = p->chan[k];
	if (!acronym && best < EDIT_COST / 2)
		add_deletions(m, low, ln, p, rank, tmp);
	if (!p->n) {
		p->cand[0] = (uint16_t)key_id(m, t, n, tmp);
		p->chan[0] = 0;
		p->n = 1;
		return RESTORE_COPY;
	}
	if (acronym) { /* kept as it is (candidate 0) unless context wants a misread syllable */
		if (p->n == RESTORE_MAXC)
			p->n--;
		memmove(p->cand + 1, p->cand, p->n * sizeof p->cand[0]);
		memmove(p->chan + 1, p->chan, p->n * sizeof p->chan[0]);
		p->cand[0] = (uint16_t)key_id(m, t, n, tmp);
		p->chan[0] = ACRONYM_KEEP;
		p->n++;
		return RESTORE_KEEP0;
	}
	return RESTORE_WORD;
}

/* One chunk in job 2: outer punctuation as its own positions, the core as one token; codes
 * (with '/' or an inner '-') are restored piece by piece like job 1. Returns 0 to fall back. */
static int ocr_chunk(const sohoa_model *m, const char *s, size_t cs, size_t ce, restore_item *items, size_t *ni,
		     size_t maxitems, restore_pos *pos, size_t *np, sohoa_buf *tmp)
{
	size_t a = cs, b = ce;
	uint32_t cp;
	while (a < b) {
		size_t k = sohoa_utf8_decode(s + a, b - a, &cp);
		if (!peel_char(cp))
			break;
		a += k;
	}
	while (b > a) {
		size_t k = 1;
		while (k < b - a && k < 4 && ((unsigned char)s[b - k] & 0xC0) == 0x80)
			k++;
		sohoa_utf8_decode(s + b - k, k, &cp);
		if (!peel_char(cp))
			break;
		b -= k;
	}
	if (a == b || memchr(s + a, '/', b - a) || memchr(s + a + 1, '-', b - a - 1 > 0 ? b - a - 1 : 0))
		return 0;
	for (size_t i = a + 1; i + 1 < b; i++) /* "tri,theo": words glued by punctuation */
		if (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '.' || s[i] == '(' || s[i] == ')')
			return 0;
	/* An apostrophe right after the word, with none before it, is what is left of a tone mark
	 * ("sử’", "Sé'"): dropped. */
	size_t drop_at = (size_t)-1;
	if (b < ce && a == cs) {
		uint32_t q;
		size_t k = sohoa_utf8_decode(s + b, ce - b, &q);
		if ((q == '\'' || q == 0x2019) && (b + k == ce || peel_char((uint32_t)(unsigned char)s[b + k])))
			drop_at = b;
	}
	for (size_t i = cs; i < a;) {
		size_t k = sohoa_utf8_decode(s + i, a - i, &cp);
		restore_pos *p = &pos[*np];
		p->cand[0] = (uint16_t)sohoa_lm_id(m, s + i, k);
		p->chan[0] = 0;
		p->n = 1;
		push_item(items, ni, maxitems, i, i + k, (int32_t)(*np)++, RESTORE_COPY);
		i += k;
	}
	restore_pos *p = &pos[*np];
	int how = ocr_cands(m, s + a, b - a, p, tmp);
	push_item(items, ni, maxitems, a, b, (int32_t)(*np)++, how);
	for (size_t i = b; i < ce;) {
		size_t k = sohoa_utf8_decode(s + i, ce - i, &cp);
		if (i == drop_at) {
			push_item(items, ni, maxitems, i, i + k, -1, RESTORE_DROP);
			i += k;
			continue;
		}
		restore_pos *q = &pos[*np];
		q->cand[0] = (uint16_t)sohoa_lm_id(m, s + i, k);
		q->chan[0] = 0;
		q->n = 1;
		push_item(items, ni, maxitems, i, i + k, (int32_t)(*np)++, RESTORE_COPY);
		i += k;
	}
	return 1;
}

/* Job 3: a marked word that is no syllable, made of two known syllables the model has seen
 * together ("trợpháp", "đơnvị": a space the OCR lost), becomes the two with a space between, each
 * with its job 3 candidates. Returns 1 if it split s[a..b). */
static int vie_split(const sohoa_model *m, const char *s, size_t a, size_t b, restore_item *items, size_t *ni,
		     size_t maxitems, restore_pos *pos, size_t *np, sohoa_buf *tmp)
{
	wletters w;
	if (b - a < 4 || !letters(s + a, b - a, &w) || !w.marked || sohoa_viet_syllable(s + a, b - a))
		return 0;
	/* a known glued form (the corpus has its typos too) is kept unless the pair is far likelier */
	int whole = key_id(m, s + a, b - a, tmp);
	size_t best_at = 0;
	int best = SPLIT_MIN, floor = whole == LM_UNK ? INT32_MIN : m->uni[whole].logp + SPLIT_MARGIN;
	for (size_t k = a + 1; k < b; k++) {
		if (((unsigned char)s[k] & 0xC0) == 0x80)
			continue;
		if (!sohoa_viet_syllable(s + a, k - a) || !sohoa_viet_syllable(s + k, b - k))
			continue;
		int l = key_id(m, s + a, k - a, tmp), r = key_id(m, s + k, b - k, tmp);
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
		if (!word_cands(m, SOHOA_RESTORE_VIE, s + cut[h], cut[h + 1] - cut[h], p, &how, tmp)) {
			p->cand[0] = (uint16_t)key_id(m, s + cut[h], cut[h + 1] - cut[h], tmp);
			p->chan[0] = 0;
			p->n = 1;
			how = RESTORE_COPY;
		}
		push_item(items, ni, maxitems, cut[h], cut[h + 1], (int32_t)(*np)++, how);
		if (h == 0)
			push_item(items, ni, maxitems, cut[1], cut[1], -1, RESTORE_SPACE);
	}
	return 1;
}

/* Job 1: a capital inside a sentence is evidence for the forms the corpus writes capitalized
 * ("Sở" of "Sở Y tế" over "số"), a lower-case word against forms mostly seen in names ("Nội"):
 * each candidate's channel score gets ln P(case | candidate) from the model's case section. */
static void add_case_costs(const sohoa_model *m, const char *s, size_t n, restore_pos *p)
{
	if (p->n < 2 || !m->casep)
		return;
	int shape = sohoa_lm_case_shape(s, n);
	if (shape < 0)
		return;
	for (int k = 0; k < p->n; k++)
		if (p->cand[k] != LM_UNK)
			p->chan[k] += sohoa_lm_case_cost(m, p->cand[k], shape);
}

size_t restore_tokenize(const sohoa_model *m, sohoa_restore_mode mode, const char *s, size_t n, size_t start,
			restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos, size_t *np, size_t maxpos,
			sohoa_buf *tmp)
{
	*ni = *np = 0;
	size_t i = start;
	int chunk_start = 1;
	ocrfix_edit ed[OCRFIX_MAX];
	size_t ned = 0, ke = 0, chunk_s = 0, chunk_e = 0;
	int drop_space = 0; /* a dropped chunk began the paragraph: its following space goes too */
	int sentence_start = 1; /* the next word's capital says nothing about it */
	while (i < n) {
		if (*np + 2 > maxpos || *ni + 3 > maxitems)
			break;
		while (ke < ned && ed[ke].s < i) /* inside a word another rule took whole */
			ke++;
		if (ke < ned && ed[ke].s == i) { /* job 3: an OCR error ocrfix.c found in this chunk */
			const ocrfix_edit *x = &ed[ke++];
			if (x->how == OCRFIX_WORD) {
				restore_pos *p = &pos[*np];
				p->cand[0] = (uint16_t)x->id;
				p->chan[0] = 0;
				p->n = 1;
				push_item(items, ni, maxitems, x->s, x->e, (int32_t)(*np)++, RESTORE_WORD);
			} else if (x->how == OCRFIX_ONE) {
				push_item(items, ni, maxitems, x->s, x->e, -1, RESTORE_ONE);
			} else {
				push_item(items, ni, maxitems, x->s, x->e, -1, RESTORE_DROP);
				if (x->how == OCRFIX_SPACE)
					push_item(items, ni, maxitems, x->e, x->e, -1, RESTORE_SPACE);
				/* a whole chunk of debris takes one space with it, so no double or edge space
				 * is left */
				if (x->how == OCRFIX_DROP && x->s == chunk_s && x->e == chunk_e) {
					restore_item *prev = *ni >= 2 ? &items[*ni - 2] : NULL;
					if (prev && prev->how == RESTORE_COPY && prev->pos < 0 && prev->e == x->s) {
						if (!memchr(s + prev->s, '\n', prev->e - prev->s))
							prev->how = RESTORE_DROP;
					}
					else
						drop_space = 1;
				}
			}
			i = x->e;
			continue;
		}
		int kind;
		size_t j = sohoa_lm_token(s, n, i, &kind);
		if (ke < ned && ed[ke].s > i && ed[ke].s < j)
			j = ed[ke].s; /* an edit inside the token ("UBTVQH|I|3"): the token ends there */
		if (kind == LM_TOK_SPACE) {
			push_item(items, ni, maxitems, i, j, -1,
				  drop_space && !memchr(s + i, '\n', j - i) ? RESTORE_DROP : RESTORE_COPY);
			drop_space = 0;
			if (memchr(s + i, '\n', j - i))
				sentence_start = 1;
			chunk_start = 1;
			i = j;
			continue;
		}
		if (chunk_start) {
			chunk_start = 0;
			size_t ce = chunk_end(s, n, i);
			if (restore_is_address(s + i, ce - i)) {
				restore_pos *p = &pos[*np];
				p->cand[0] = LM_UNK;
				p->chan[0] = 0;
				p->n = 1;
				push_item(items, ni, maxitems, i, ce, (int32_t)(*np)++, RESTORE_COPY);
				i = ce;
				continue;
			}
			if (mode == SOHOA_RESTORE_VIE) {
				ned = ocrfix_chunk(m, s, n, i, ce, ed, tmp);
				ke = 0;
				chunk_s = i;
				chunk_e = ce;
				if (ned && ed[0].s == i)
					continue; /* the edit at the chunk's start is applied above */
			}
			/* job 2 works on whole chunks: "v4i", "S¢" are one word */
			if (mode == SOHOA_RESTORE_OCR && ce - i < 64 && *np + (ce - i) + 2 <= maxpos &&
			    *ni + (ce - i) + 2 <= maxitems &&
			    ocr_chunk(m, s, i, ce, items, ni, maxitems, pos, np, tmp)) {
				i = ce;
				continue;
			}
		}
		if (mode == SOHOA_RESTORE_VIE && kind == LM_TOK_WORD && *np + 3 <= maxpos && *ni + 4 <= maxitems &&
		    vie_split(m, s, i, j, items, ni, maxitems, pos, np, tmp)) {
			i = j;
			continue;
		}
		restore_pos *p = &pos[*np];
		p->n = 1;
		p->chan[0] = 0;
		int how = RESTORE_COPY;
		if (kind == LM_TOK_NUM) {
			p->cand[0] = LM_NUM;
		} else if (kind == LM_TOK_PUNCT) {
			p->cand[0] = (uint16_t)sohoa_lm_id(m, s + i, j - i);
		} else if (!word_cands(m, mode, s + i, j - i, p, &how, tmp)) {
			p->cand[0] = (uint16_t)key_id(m, s + i, j - i, tmp);
			p->n = 1;
			how = RESTORE_COPY;
		} else if (mode == SOHOA_RESTORE_STRIP && !sentence_start) {
			add_case_costs(m, s + i, j - i, p);
		}
		push_item(items, ni, maxitems, i, j, (int32_t)(*np)++, how);
		sentence_start = sohoa_lm_sentence_start(s + i, j - i, kind);
		i = j;
	}
	return i;
}

/* Write key (lowercase) with the case of the input word s[0..n): letter by letter when the
 * lengths agree, else ALL CAPS / Title / lower by the input's pattern. */
static int put_cased(const char *key, const char *s, size_t n, sohoa_buf *out)
{
	size_t i0 = 0;
	while (i0 < n && (unsigned char)s[i0] < 0x80 && !(s[i0] >= 'A' && s[i0] <= 'Z'))
		i0++;
	if (i0 == n) /* lowercase ASCII in (the common case): the key as it is */
		return sohoa_buf_puts(out, key);
	wletters in;
	int ok = letters(s, n, &in);
	size_t kn = strlen(key), i = 0;
	int j = 0, nk = 0;
	for (size_t t = 0; t < kn; nk++)
		t += sohoa_utf8_decode(key + t, kn - t, &(uint32_t){0});
	int by_letter = ok && nk == in.n;
	int all_caps = ok && in.upper_n == in.n && in.n > 0;
	while (i < kn) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(key + i, kn - i, &cp);
		int up = by_letter ? in.upper[j] : all_caps ? 1 : (j == 0 && ok && in.n && in.upper[0]);
		if (up && sohoa_viet_letter(cp, &plain, &tone, &upper))
			cp = sohoa_viet_compose(plain, tone, 1);
		char u[4];
		size_t k = sohoa_utf8_encode(cp, u);
		if (sohoa_buf_append(out, u, k))
			return -1;
		j++;
	}
	return 0;
}

int restore_append_valid(sohoa_buf *out, const char *s, size_t n)
{
	if (sohoa_utf8_valid(s, n))
		return sohoa_buf_append(out, s, n);
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

int restore_emit(const sohoa_model *m, sohoa_restore_mode mode, const char *s, const restore_item *items,
		 size_t ni, const restore_pos *pos, const uint8_t *choice, sohoa_buf *out, sohoa_buf *tmp)
{
	(void)mode;
	(void)tmp;
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
		if (it->how == RESTORE_COPY || (it->how == RESTORE_KEEP0 && c == 0)) {
			if (restore_append_valid(out, s + it->s, it->e - it->s))
				return -1;
			continue;
		}
		const char *key = sohoa_lm_word(m, pos[it->pos].cand[c]);
		if (put_cased(key, s + it->s, it->e - it->s, out))
			return -1;
	}
	return 0;
}

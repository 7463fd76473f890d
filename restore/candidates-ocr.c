/* candidates-ocr: the eng-OCR job's candidates (text a non-Vietnamese OCR read: "Quyét dinh s6",
 * "v4i", "dugc"): each token's readings under the learned channel (whole tokens, substring
 * confusions, one unexplained edit), scored by ln P(observed | candidate); see restore-int.h. */
#include "restore-int.h"

#include <stdint.h>
#include <string.h>

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

#define OTHER_MARK (-3000)

int restore_chan_cost(const sohoa_model *m, int id, const uint32_t *v, int nv, uint64_t fixed, int32_t *cost)
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
	if (!restore_letters(v, n, &w) || !restore_stripped(&w, tmp))
		return;
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, tmp->data, tmp->len, &nc);
	if (!nc)
		return;
	uint32_t lv[RESTORE_WORD_MAX];
	for (int j = 0; j < w.n; j++)
		lv[j] = restore_lower_cp(w.cp[j]);
	int top = m->uni[c[0]].logp;
	for (size_t k = 0; k < nc; k++) {
		int32_t cost;
		if (k > 0 && m->uni[c[k]].logp < top - RESTORE_PRUNE)
			continue;
		if (restore_chan_cost(m, c[k], lv, w.n, fixed, &cost))
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
		uint32_t bo = sohoa_viet_base(restore_lower_cp(o)), bt = sohoa_viet_base(t);
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

#define PROPOSE_PREV 6   /* readings of the preceding position that rank the proposals */

/* The E step's proposals (restore_adapt explore) for the token low[0..ln) with one or two digits
 * or symbols among at most PROPOSE_CPS characters ("18", "1&", "v4i"): the words spelled with
 * a letter in each of their places, at the cost of a new confusion, the likeliest after the
 * preceding position's readings (prev, NULL at a span's start) making the cut. Whether a digit
 * stands for a letter is then for the batch's counts to say. */
static void add_proposals(const sohoa_model *m, const char *low, size_t ln, const restore_pos *prev, restore_pos *p,
			  int32_t *rank)
{
	wletters w;
	if (!restore_letters(low, ln, &w) || w.n > PROPOSE_CPS)
		return;
	char b[PROPOSE_CPS + 1];
	int slot[2], ns = 0;
	for (int j = 0; j < w.n; j++) {
		uint32_t base = sohoa_viet_base(w.cp[j]);
		if (w.plain[j] && base >= 'a' && base <= 'z') {
			b[j] = (char)base;
			continue;
		}
		if (ns == 2 || w.plain[j] || peel_char(w.cp[j]) || w.cp[j] == '/' || w.cp[j] < 0x21)
			return; /* a letter of another alphabet, punctuation, or too many to guess */
		slot[ns++] = j;
	}
	if (!ns)
		return;
	int combos = ns == 1 ? 26 : 26 * 26;
	for (int c = 0; c < combos; c++) {
		b[slot[0]] = (char)('a' + c % 26);
		if (ns == 2)
			b[slot[1]] = (char)('a' + c / 26);
		size_t nc;
		const uint16_t *cs = sohoa_lm_cands(m, b, (size_t)w.n, &nc);
		for (size_t k = 0; k < nc && k < 3; k++) {
			int id = cs[k], ctx = m->uni[id].logp;
			for (int q = 0; prev && q < prev->n && q < PROPOSE_PREV; q++) {
				int sc = sohoa_lm_score2(m, prev->cand[q], id);
				if (sc > ctx)
					ctx = sc;
			}
			add_cand_r(p, id, RESTORE_EXPLORE_NEW, rank, m, ctx - m->uni[id].logp);
		}
	}
}

/* The readings of token t[0..n) with one or two of its digits or symbols read as the letters the
 * batch learned they stand for (restore_adapt_chars), at RESTORE_ADAPT_CHR each. */
static void add_learned_chars(const sohoa_model *m, const sohoa_channel *ch, const char *t, size_t n, restore_pos *p,
			      int32_t *rank, sohoa_buf *tmp)
{
	const restore_adapt_chr *chr;
	size_t nchr = restore_adapt_chars(ch, &chr);
	if (!nchr)
		return;
	variant one[MAX_SINGLE];
	int n1 = 0;
	for (size_t i = 0; i < n && n1 < MAX_SINGLE; i++) {
		if (((unsigned char)t[i] & 0xC0) == 0x80)
			continue;
		uint32_t cp;
		size_t ol = sohoa_utf8_decode(t + i, n - i, &cp);
		for (size_t k = 0; k < nchr && n1 < MAX_SINGLE; k++) {
			if (chr[k].obs != cp)
				continue;
			char u[4];
			size_t il = sohoa_utf8_encode(chr[k].letter, u);
			sohoa_lm_chan_chr e = {{0}, {0}, RESTORE_ADAPT_CHR};
			memcpy(e.obs, t + i, ol);
			memcpy(e.intended, u, il);
			variant *v = &one[n1];
			if (!confuse(t, n, i, &e, ol, il, v))
				continue;
			v->fixed = cp_mask(v->v, v->n, i, i + il);
			v->cost = RESTORE_ADAPT_CHR;
			n1++;
			add_group(m, v->v, v->n, v->fixed, v->cost, p, rank, tmp);
		}
	}
	for (int a = 0; a < n1; a++) { /* a second one after the first */
		const variant *v1 = &one[a];
		for (size_t j = v1->after; j < v1->n; j++) {
			if (((unsigned char)v1->v[j] & 0xC0) == 0x80)
				continue;
			uint32_t cp;
			size_t ol = sohoa_utf8_decode(v1->v + j, v1->n - j, &cp);
			for (size_t k = 0; k < nchr; k++) {
				if (chr[k].obs != cp)
					continue;
				char u[4];
				size_t il = sohoa_utf8_encode(chr[k].letter, u);
				sohoa_lm_chan_chr e = {{0}, {0}, RESTORE_ADAPT_CHR};
				memcpy(e.obs, v1->v + j, ol);
				memcpy(e.intended, u, il);
				variant v2;
				if (!confuse(v1->v, v1->n, j, &e, ol, il, &v2))
					continue;
				add_group(m, v2.v, v2.n, v1->fixed | cp_mask(v2.v, v2.n, j, j + il), 2 * RESTORE_ADAPT_CHR, p,
					  rank, tmp);
			}
		}
	}
}

/* The lowercase of t[0..n) into low (size cap), its length returned. */
static size_t lower_token(const char *t, size_t n, char *low, size_t cap)
{
	size_t ln = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += sohoa_utf8_decode(t + i, n - i, &cp);
		char u[4];
		size_t k = sohoa_utf8_encode(restore_lower_cp(cp), u);
		if (ln + k >= cap)
			break;
		memcpy(low + ln, u, k);
		ln += k;
	}
	return ln;
}

/* eng-OCR candidates for a token (no spaces, outer punctuation peeled), with the channel ad says
 * (NULL: the shipped one) and the preceding position prev (NULL: none). Returns how. */
static int ocr_cands(const sohoa_model *m, const restore_adapt *ad, const restore_pos *prev, const char *t, size_t n,
		     restore_pos *p, sohoa_buf *tmp)
{
	int32_t rank[RESTORE_MAXC];
	char low[128];
	size_t ln = 0, nown = 0;
	int digits = 1;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || ((t[i] == ',' || t[i] == '.') && i > 0 && i + 1 < n)))
			digits = 0;
	p->n = 0;
	p->one_group = 0; /* one id may come under two readings */
	if (digits) { /* a number, unless the channel says it is a word ("6" = ở) */
		restore_pos_one(p, LM_NUM);
		rank[0] = 0;
	}
	tmp->len = 0;
	if (sohoa_viet_key(t, n, tmp) == 0 && tmp->data) {
		size_t nch;
		const sohoa_lm_chan_cand *ch = sohoa_lm_chan(m, tmp->data, tmp->len, &nch);
		sohoa_lm_chan_cand own[RESTORE_MAXC];
		nown = ad && ad->ch ? restore_adapt_find(ad->ch, tmp->data, tmp->len, own, RESTORE_MAXC) : 0;
		if (nown) { /* the batch's own readings of this token, the shipped ones interpolated in */
			ch = own;
			nch = nown;
		}
		/* learned readings of this very token rank first: context, not the unigram, decides
		 * between "theo dõi" and "đối với" */
		for (size_t k = 0; k < nch; k++)
			add_cand_r(p, ch[k].id, ch[k].logp, rank, m, ch[k].logp > TOKEN_FIRST ? 1000000 : 0);
	}
	int exploring = ad && ad->explore;
	if (exploring)
		ln = lower_token(t, n, low, sizeof low);
	if (digits) {
		if (exploring)
			add_proposals(m, low, ln, prev, p, rank);
		return p->n > 1 ? RESTORE_KEEP0 : RESTORE_COPY;
	}
	/* An all-caps token of plain letters that no syllable spells (PAPI, SIPAS) is an acronym
	 * unless the channel explains it well as a misread syllable ("HQI" for HỘI). */
	wletters orig;
	int acronym = 0;
	if (!p->n && restore_letters(t, n, &orig) && orig.n >= 2 && orig.upper_n == orig.n && !orig.marked &&
	    restore_stripped(&orig, tmp)) {
		size_t ng = 0;
		acronym = !sohoa_lm_cands(m, tmp->data, tmp->len, &ng) || !ng;
	}
	if (!exploring)
		ln = lower_token(t, n, low, sizeof low);
	wletters self;
	if (restore_letters(low, ln, &self) && self.marked) { /* already good Vietnamese: reading it so costs nothing */
		int id = restore_key_id(m, low, ln, tmp);
		if (id != LM_UNK)
			add_cand(p, id, 0, rank, m);
	}
	add_group(m, low, ln, 0, 0, p, rank, tmp);
	add_variants(m, low, ln, p, rank, tmp);
	if (ad && ad->ch && !ad->explore && !nown)
		add_learned_chars(m, ad->ch, low, ln, p, rank, tmp);
	add_wildcards(m, low, ln, p, rank);
	wletters w;
	size_t ngroup = 0;
	int caps = restore_letters(t, n, &orig) && orig.n >= 2 && orig.upper_n == orig.n; /* acronyms stay */
	if (!caps && restore_letters(low, ln, &w) && restore_stripped(&w, tmp) && tmp->len < 24 &&
	    (!restore_skeleton_ok(&w) || !sohoa_lm_cands(m, tmp->data, tmp->len, &ngroup))) {
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
	if (exploring && !acronym)
		add_proposals(m, low, ln, prev, p, rank);
	if (!p->n) {
		restore_pos_one(p, restore_key_id(m, t, n, tmp));
		return RESTORE_COPY;
	}
	if (acronym) { /* kept as it is (candidate 0) unless context wants a misread syllable */
		if (p->n == RESTORE_MAXC)
			p->n--;
		memmove(p->cand + 1, p->cand, p->n * sizeof p->cand[0]);
		memmove(p->chan + 1, p->chan, p->n * sizeof p->chan[0]);
		p->cand[0] = (uint16_t)restore_key_id(m, t, n, tmp);
		p->chan[0] = ACRONYM_KEEP;
		p->n++;
		return RESTORE_KEEP0;
	}
	return RESTORE_WORD;
}

int restore_ocr_chunk(const sohoa_model *m, const restore_adapt *ad, const char *s, size_t cs, size_t ce,
		      restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos, size_t *np, sohoa_buf *tmp)
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
	for (size_t i = cs; i < ce;) {
		size_t k = sohoa_utf8_decode(s + i, (i < a ? a : ce) - i, &cp);
		if (i == a) { /* the core: one token */
			int how = ocr_cands(m, ad, *np ? &pos[*np - 1] : NULL, s + a, b - a, &pos[*np], tmp);
			restore_push_item(items, ni, maxitems, a, b, (int32_t)(*np)++, how);
			i = b;
		} else if (i == drop_at) {
			restore_push_item(items, ni, maxitems, i, i + k, -1, RESTORE_DROP);
			i += k;
		} else { /* outer punctuation, one position a character */
			restore_pos_one(&pos[*np], sohoa_lm_id(m, s + i, k));
			restore_push_item(items, ni, maxitems, i, i + k, (int32_t)(*np)++, RESTORE_COPY);
			i += k;
		}
	}
	return 1;
}

/* ocrfix: the rules of the vie job's OCR post-correction and their check with the language model; see
 * restore-int.h. A rule's cost is ln P(the OCR made that error) * SCALE: the rewrite is kept where the
 * model, over the chunk and two tokens of context on each side, prefers it by more than that. */
#include "restore-int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define TOK_MAX 48
#define COST_DOUBLE (-3000)  /* a letter printed once read twice ("QĐĐ"), or twice read once ("THC") */
#define COST_EDIT (-7000)    /* any other one-letter slip in an acronym */
#define COST_ROMAN (-4000)   /* "II" read as "H" in a Roman numeral (serifs touching) */
#define COST_STUTTER (-3000) /* a code part's first letter read twice with a symbol between */
#define COST_GLUED (-3000)   /* a speck between a number and a word read as a period, space lost */
#define COST_HYPHEN (-5000)  /* a speck between a word and a number read as a hyphen */
/* A period before a lower-case word: a line's end can be a real sentence's end whose next line
 * the document lost. On the training pages every price from -3000 to -4000 corrects as much
 * (237 -> 222 errors; -5000 to -8000: 223): the more cautious is kept. */
#define COST_END_PERIOD (-4000)
#define ACRONYM_MIN_UNI (-13500) /* acronyms the model knows well enough to correct to */
#define ACRONYM_MARGIN 3000      /* and the best correction beats any other by e^3 */

typedef struct tok {
	uint32_t s, e;
	int id, kind;
} tok;

typedef struct fix {
	const sohoa_model *m;
	const char *s;
	size_t n, cs, ce;
	int left[2], right[2], nright; /* context ids: BOS at the paragraph start, EOS at its end */
	tok t[TOK_MAX];
	int nt;
	int base;  /* model score of the chunk as it is */
	int ready; /* context and base found */
	sohoa_buf *tmp;
	ocrfix_edit *ed;
	size_t ned;
} fix;

/* Symbols no Vietnamese text uses: what the OCR prints for specks and stroke fragments. Currency
 * signs (¢ £ ¥) and ordinals (º) are left out: text about money and foreign names has them. */
static int never_vie(uint32_t c)
{
	switch (c) {
	case 0xA1: case 0xA6: case 0xA8: case 0xAC: case 0xAF: case 0xB4: case 0xB8: case 0xBF: case 0x2C6:
	case 0x2DC: case 0x2020: case 0x2021: case 0x2039: case 0x203A: case 0x201A: case 0x201E: case 0x2044:
		return 1;
	}
	return 0;
}

/* Symbols that appear in text, but in a stamp's or a signature's debris several at once. */
static int stamp_sym(uint32_t c)
{
	return c && c < 0x80 && strchr("<>*^~|\\=#@`{}", (int)c) != NULL;
}

static int is_bracket_or_quote(uint32_t c)
{
	return (c && c < 0x80 && strchr("()[]{}\"'", (int)c)) || c == 0x201C || c == 0x201D || c == 0x2018 ||
	       c == 0x2019 || c == 0xAB || c == 0xBB;
}

static int letter_upper(uint32_t c, int *upper)
{
	uint32_t plain;
	int tone;
	*upper = 0;
	if (sohoa_viet_letter(c, &plain, &tone, upper))
		return 1;
	return sohoa_lm_is_letter(c);
}

static int tok_id(const sohoa_model *m, const char *s, size_t a, size_t b, int kind, sohoa_buf *tmp)
{
	if (kind == LM_TOK_NUM)
		return LM_NUM;
	if (kind == LM_TOK_PUNCT)
		return sohoa_lm_id(m, s + a, b - a);
	tmp->len = 0;
	if (sohoa_viet_key(s + a, b - a, tmp) || !tmp->data)
		return LM_UNK;
	return sohoa_lm_id(m, tmp->data, tmp->len);
}

static void context(fix *f)
{
	f->left[0] = f->left[1] = LM_BOS;
	size_t a = f->cs > 96 ? f->cs - 96 : 0;
	while (a < f->cs && ((unsigned char)f->s[a] & 0xC0) == 0x80)
		a++;
	for (size_t i = a; i < f->cs;) {
		int kind;
		size_t j = sohoa_lm_token(f->s, f->cs, i, &kind);
		if (kind != LM_TOK_SPACE) {
			f->left[0] = f->left[1];
			f->left[1] = tok_id(f->m, f->s, i, j, kind, f->tmp);
		}
		i = j;
	}
	f->nright = 0;
	for (size_t i = f->ce; i < f->n && f->nright < 2;) {
		int kind;
		size_t j = sohoa_lm_token(f->s, f->n, i, &kind);
		if (kind != LM_TOK_SPACE)
			f->right[f->nright++] = tok_id(f->m, f->s, i, j, kind, f->tmp);
		i = j;
	}
	if (f->nright < 2)
		f->right[f->nright++] = LM_EOS;
}

/* Model score of the chunk with tokens [from, to) replaced by rep[0..nrep), in context (found on
 * first use: most chunks never ask). */
static int score_with(fix *f, int from, int to, const int *rep, int nrep)
{
	if (!f->ready) {
		f->ready = 1;
		context(f);
		f->base = score_with(f, 0, 0, NULL, 0);
	}
	int ids[TOK_MAX + 8], k = 0;
	ids[k++] = f->left[0];
	ids[k++] = f->left[1];
	for (int i = 0; i < f->nt; i++) {
		if (i == from)
			for (int r = 0; r < nrep; r++)
				ids[k++] = rep[r];
		if (i < from || i >= to)
			ids[k++] = f->t[i].id;
	}
	if (from == f->nt)
		for (int r = 0; r < nrep; r++)
			ids[k++] = rep[r];
	for (int r = 0; r < f->nright; r++)
		ids[k++] = f->right[r];
	int sc = 0;
	for (int i = 2; i < k; i++)
		sc += sohoa_lm_score(f->m, ids[i - 2], ids[i - 1], ids[i]);
	return sc;
}

static int add_edit(fix *f, size_t s, size_t e, int how, int id)
{
	if (f->ned >= OCRFIX_MAX)
		return 0;
	for (size_t k = 0; k < f->ned; k++)
		if (s < f->ed[k].e && f->ed[k].s < e)
			return 0;
	f->ed[f->ned++] = (ocrfix_edit){(uint32_t)s, (uint32_t)e, id, (uint8_t)how};
	return 1;
}

/* Keep a rewrite of tokens [from, to) where the model's gain beats the rule's cost. */
static void check(fix *f, int from, int to, const int *rep, int nrep, int32_t cost, size_t s, size_t e, int how,
		  int id)
{
	int sc = score_with(f, from, to, rep, nrep);
	if (sc + cost > f->base)
		add_edit(f, s, e, how, id);
}

static int tok_is(const fix *f, int k, const char *punct)
{
	return k >= 0 && k < f->nt && f->t[k].kind == LM_TOK_PUNCT && f->t[k].e - f->t[k].s == strlen(punct) &&
	       memcmp(f->s + f->t[k].s, punct, strlen(punct)) == 0;
}

/* Letters of word token k as lowercase plain code points (no tones), with upper-case count;
 * 0 if it has a tone, a letter Vietnamese does not use, or more than max letters. */
static int word_plain(const fix *f, int k, uint32_t *out, int max, int *nup)
{
	const tok *t = &f->t[k];
	int nl = 0;
	*nup = 0;
	for (size_t i = t->s; i < t->e;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(f->s + i, t->e - i, &cp);
		if (nl == max || !sohoa_viet_letter(cp, &plain, &tone, &upper) || tone)
			return 0;
		out[nl++] = plain;
		*nup += upper;
	}
	return nl;
}

static int first_upper(const fix *f, int k)
{
	uint32_t cp;
	int up;
	sohoa_utf8_decode(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &cp);
	return letter_upper(cp, &up) && up;
}

static int has_upper(const fix *f, int k)
{
	for (size_t i = f->t[k].s; i < f->t[k].e;) {
		uint32_t cp;
		int up;
		i += sohoa_utf8_decode(f->s + i, f->t[k].e - i, &cp);
		if (letter_upper(cp, &up) && up)
			return 1;
	}
	return 0;
}

static int is_syllable(const fix *f, int k)
{
	return sohoa_viet_syllable(f->s + f->t[k].s, f->t[k].e - f->t[k].s);
}

/* 1 if word token k carries a Vietnamese mark (a tone, a modified vowel or đ). */
static int marked_word(const fix *f, int k)
{
	for (size_t i = f->t[k].s; i < f->t[k].e;) {
		uint32_t cp, plain;
		int tone, up;
		i += sohoa_utf8_decode(f->s + i, f->t[k].e - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &up) &&
		    (tone || plain == 0x111 || plain == 0x103 || plain == 0xE2 || plain == 0xEA || plain == 0xF4 ||
		     plain == 0x1A1 || plain == 0x1B0))
			return 1;
	}
	return 0;
}

/* Lower-case letters followed by a capital inside the chunk ("CóGcS": two; "iPhone", "TTg": at
 * most one). */
static int case_flips(const fix *f)
{
	int flips = 0, prev_lower = 0;
	for (size_t i = f->cs; i < f->ce;) {
		uint32_t cp;
		int up;
		i += sohoa_utf8_decode(f->s + i, f->ce - i, &cp);
		if (!letter_upper(cp, &up))
			continue;
		flips += up && prev_lower;
		prev_lower = !up;
	}
	return flips;
}

/* Stamp, signature and speck debris: a chunk without digits, with at most one letter, holding a
 * symbol no Vietnamese text uses or three stamp symbols of two kinds or more (">x”>*⁄"), or with
 * letters whose case flips twice or more and a symbol of another script's text (£ ® ©:
 * "CóGcS£s®-"); and a paragraph that is nothing but one bracket or quote chunk (")"). */
static int rule_debris(fix *f)
{
	int letters = 0, digits = 0, never = 0, stamp = 0, kinds = 0, brackets = 0, others = 0, foreign = 0;
	uint32_t seen[8];
	for (size_t i = f->cs; i < f->ce;) {
		uint32_t cp;
		int up;
		i += sohoa_utf8_decode(f->s + i, f->ce - i, &cp);
		if (cp >= '0' && cp <= '9') {
			digits++;
		} else if (letter_upper(cp, &up)) {
			letters++;
		} else {
			never += never_vie(cp);
			stamp += stamp_sym(cp);
			foreign += never_vie(cp) || cp == 0xA2 || cp == 0xA3 || cp == 0xA5 || cp == 0xA9 || cp == 0xAE ||
				   cp == 0xA7 || cp == 0x20AC;
			if (is_bracket_or_quote(cp))
				brackets++;
			else
				others++;
			if (!never_vie(cp) && !stamp_sym(cp))
				continue;
			int k = 0;
			while (k < kinds && seen[k] != cp)
				k++;
			if (k == kinds && kinds < 8)
				seen[kinds++] = cp;
		}
	}
	if (!digits && letters <= 1 && (never || (stamp >= 3 && kinds >= 2)))
		return add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
	if (!digits && letters >= 2 && foreign && case_flips(f) >= 2)
		return add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
	if (!digits && !letters && !others && brackets) {
		for (size_t i = 0; i < f->n; i++)
			if ((i < f->cs || i >= f->ce) && !(f->s[i] == ' ' || f->s[i] == '\t' || f->s[i] == '\n' ||
							    f->s[i] == '\r'))
				return 0;
		return add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
	}
	return 0;
}

/* A symbol no Vietnamese text uses, at the edge of a word ("¡Năm"): a speck, dropped. */
static void rule_edges(fix *f)
{
	for (int k = 0; k < f->nt && f->t[k].kind == LM_TOK_PUNCT; k++) {
		uint32_t cp;
		sohoa_utf8_decode(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &cp);
		if (!never_vie(cp))
			break;
		if (k + 1 < f->nt && f->t[k + 1].kind == LM_TOK_WORD)
			add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
	}
	for (int k = f->nt - 1; k > 0 && f->t[k].kind == LM_TOK_PUNCT; k--) {
		uint32_t cp;
		sohoa_utf8_decode(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &cp);
		if (!never_vie(cp))
			break;
		if (f->t[k - 1].kind == LM_TOK_WORD)
			add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
	}
}

/* Roman numeral headings at a paragraph start: "II" with touching serifs reads as "H" ("HI." for
 * "III."). */
static void rule_roman(fix *f)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
					    "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
	if (f->nt < 2 || f->t[0].kind != LM_TOK_WORD || !(tok_is(f, 1, ".") || tok_is(f, 1, ")")))
		return;
	for (size_t i = 0; i < f->cs; i++) /* at the paragraph's start */
		if (!(f->s[i] == ' ' || f->s[i] == '\t' || f->s[i] == '\n' || f->s[i] == '\r'))
			return;
	char v[24];
	size_t vn = 0;
	int h = 0;
	for (size_t i = f->t[0].s; i < f->t[0].e; i++) {
		char c = f->s[i];
		if (vn + 2 >= sizeof v || !strchr("IVXH", c) || !c)
			return;
		if (c == 'H') {
			v[vn++] = 'i';
			v[vn++] = 'i';
			h++;
		} else {
			v[vn++] = (char)(c + 32);
		}
	}
	if (!h)
		return;
	v[vn] = 0;
	for (size_t r = 0; r < sizeof roman / sizeof roman[0]; r++)
		if (strcmp(v, roman[r]) == 0) {
			int id = sohoa_lm_id(f->m, v, vn);
			if (id >= LM_NFIXED)
				check(f, 0, 1, &id, 1, COST_ROMAN, f->t[0].s, f->t[0].e, OCRFIX_WORD, id);
			return;
		}
}

/* An all-caps word that is no syllable and that the model does not know (an acronym, a code
 * part) with one letter read twice, dropped or misread: the acronym one edit away that the model
 * knows well and that the context prefers, clearly, over the word and over any other such
 * acronym. A word the model knows is left alone, even where another acronym fits the context
 * far better: the model knows recent administrative acronyms badly (CCHC is rarer in it than
 * CHC, THC commoner than TTHC), so the context cannot tell a real acronym from a misread one.
 * Roman numerals are left alone too (VII and VIII differ by a letter and both are right). */
static void rule_acronym(fix *f, int k)
{
	uint32_t w[12];
	int nup;
	int nl = word_plain(f, k, w, 10, &nup);
	if (nl < 2 || nup != nl || is_syllable(f, k))
		return;
	int roman = 1;
	for (int i = 0; i < nl; i++)
		roman &= w[i] < 0x80 && strchr("ivxlcdm", (int)w[i]) != NULL;
	if (roman)
		return;
	int known = f->t[k].id >= LM_NFIXED;
	if (known)
		return;
	static const uint32_t alpha[] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
					 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0x111};
	const int na = (int)(sizeof alpha / sizeof alpha[0]);
	int best = INT_MIN, second = INT_MIN, best_id = -1;
	for (int op = 0; op < 3; op++)
		for (int i = 0; i <= nl; i++)
			for (int a = 0; a < (op == 0 ? 1 : na); a++) {
				uint32_t v[12];
				int vn = 0;
				int32_t cost = COST_EDIT;
				if (op == 0) { /* delete letter i */
					if (i == nl)
						continue;
					if ((i > 0 && w[i - 1] == w[i]) || (i + 1 < nl && w[i + 1] == w[i]))
						cost = COST_DOUBLE;
					for (int j = 0; j < nl; j++)
						if (j != i)
							v[vn++] = w[j];
				} else if (op == 1) { /* substitute letter i */
					if (i == nl || alpha[a] == w[i])
						continue;
					memcpy(v, w, nl * sizeof w[0]);
					v[i] = alpha[a];
					vn = nl;
				} else { /* insert before letter i */
					if ((i > 0 && w[i - 1] == alpha[a]) || (i < nl && w[i] == alpha[a])) {
						if (i > 0 && w[i - 1] == alpha[a])
							continue; /* the same word as inserting after that letter */
						cost = COST_DOUBLE;
					}
					for (int j = 0; j < i; j++)
						v[vn++] = w[j];
					v[vn++] = alpha[a];
					for (int j = i; j < nl; j++)
						v[vn++] = w[j];
				}
				char key[64];
				size_t kn = 0;
				for (int j = 0; j < vn; j++)
					kn += sohoa_utf8_encode(v[j], key + kn);
				if (sohoa_viet_syllable(key, kn))
					continue;
				int id = sohoa_lm_id(f->m, key, kn);
				if (id < LM_NFIXED || id == f->t[k].id || f->m->uni[id].logp < ACRONYM_MIN_UNI)
					continue;
				int sc = score_with(f, k, k + 1, &id, 1);
				int gain = sc + cost - f->base;
				if (id == best_id) {
					if (gain > best)
						best = gain;
				} else if (gain > best) {
					second = best;
					best = gain;
					best_id = id;
				} else if (gain > second) {
					second = gain;
				}
			}
	if (best_id >= 0 && best > 0 && (second == INT_MIN || best - second >= ACRONYM_MARGIN))
		add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_WORD, best_id);
}

/* The document types' codes of Decree 30/2020/ND-CP (appendix III) and the older ones still in
 * use (NĐ, TT, TTLT, CV), as a document number writes them after its "/". */
static const char *const doc_types[] = {
	"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ",
	"CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT", "TTLT", "CV", "KL", "TCT",
};

/* Edit distance of a[0..na) and b[0..nb) (code points, at most 16 each) in the OCR's terms: a
 * letter read twice or two alike read once costs 1, as does Đ read D or T read I (a stroke
 * lost); any other edit 3. */
static int ocr_distance(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	int d[17][17];
	d[0][0] = 0;
	for (int i = 1; i <= na; i++)
		d[i][0] = d[i - 1][0] + ((i > 1 && a[i - 2] == a[i - 1]) || (i < na && a[i] == a[i - 1]) ? 1 : 3);
	for (int j = 1; j <= nb; j++)
		d[0][j] = d[0][j - 1] + ((j > 1 && b[j - 2] == b[j - 1]) || (j < nb && b[j] == b[j - 1]) ? 1 : 3);
	for (int i = 1; i <= na; i++)
		for (int j = 1; j <= nb; j++) {
			uint32_t x = a[i - 1], y = b[j - 1];
			int sub = x == y ? 0 :
				  ((x == 'd' && y == 0x111) || (x == 0x111 && y == 'd') || (x == 'i' && y == 't') ||
				   (x == 't' && y == 'i')) ? 1 : 3;
			int del = (i > 1 && a[i - 2] == x) || (i < na && a[i] == x) ? 1 : 3;
			int ins = (j > 1 && b[j - 2] == y) || (j < nb && b[j] == y) ? 1 : 3;
			int v = d[i - 1][j - 1] + sub;
			if (d[i - 1][j] + del < v)
				v = d[i - 1][j] + del;
			if (d[i][j - 1] + ins < v)
				v = d[i][j - 1] + ins;
			d[i][j] = v;
		}
	return d[na][nb];
}

/* The document-type part of a document number ("88/QĐĐ-UBND", "/K-UBND" with the number left
 * blank for the clerk): a word there that is no document type, one doubled, lost or stroke-less
 * letter from exactly one type ("QĐĐ", "ND", "TIr"), is that type. The slot is certain and the list closed, so no model
 * is asked. */
static int rule_doc_type(fix *f, int k)
{
	if (k < 1 || !tok_is(f, k - 1, "/") || !(k == 1 || f->t[k - 2].kind == LM_TOK_NUM) ||
	    !(k + 1 == f->nt || tok_is(f, k + 1, "-")))
		return 0;
	uint32_t w[16];
	int nup, nl = word_plain(f, k, w, 16, &nup);
	if (nl < 1 || nup == 0)
		return 0;
	int found = -1;
	for (size_t d = 0; d < sizeof doc_types / sizeof doc_types[0]; d++) {
		uint32_t t[16];
		int nt = 0;
		const char *c = doc_types[d];
		size_t cn = strlen(c);
		for (size_t i = 0; i < cn && nt < 16;) {
			uint32_t cp, plain;
			int tone, upper;
			i += sohoa_utf8_decode(c + i, cn - i, &cp);
			sohoa_viet_letter(cp, &plain, &tone, &upper);
			t[nt++] = plain;
		}
		int dist = ocr_distance(w, nl, t, nt);
		if (dist == 0)
			return 0;
		if (dist == 1) {
			if (found >= 0)
				return 0;
			found = (int)d;
		}
	}
	if (found < 0)
		return 0;
	f->tmp->len = 0;
	int id = tok_id(f->m, doc_types[found], 0, strlen(doc_types[found]), LM_TOK_WORD, f->tmp);
	return id >= LM_NFIXED && add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_WORD, id);
}

/* A document code's part with its first letter read twice and a symbol between ("K&KH-UBND"). */
static void rule_stutter(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 2].kind != LM_TOK_WORD ||
	    !(tok_is(f, k + 1, "&") || tok_is(f, k + 1, ".") || tok_is(f, k + 1, ",") || tok_is(f, k + 1, "'")))
		return;
	uint32_t a[4], b[12];
	int nua, nub;
	if (word_plain(f, k, a, 1, &nua) != 1 || !nua || word_plain(f, k + 2, b, 10, &nub) < 2 || !nub || a[0] != b[0])
		return;
	int code = 0;
	for (int i = 0; i < f->nt; i++)
		code |= tok_is(f, i, "/") || tok_is(f, i, "-");
	if (code)
		check(f, k, k + 2, NULL, 0, COST_STUTTER, f->t[k].s, f->t[k + 1].e, OCRFIX_DROP, 0);
}

/* A number and a lower-case word joined by a period ("14/3/2025.của"): a speck where a space was. */
static void rule_glued(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_NUM || !tok_is(f, k + 1, ".") || f->t[k + 2].kind != LM_TOK_WORD ||
	    first_upper(f, k + 2) || f->t[k + 2].e - f->t[k + 2].s < 2 || !is_syllable(f, k + 2) ||
	    f->t[k + 2].id < LM_NFIXED)
		return;
	check(f, k + 1, k + 2, NULL, 0, COST_GLUED, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* A period glued before a Vietnamese word at a chunk's start (".người", ".Ban"): a speck. Words
 * in lower case without marks (".com", ".vn") are file and domain names. */
static void rule_lead_period(fix *f)
{
	if (f->nt < 2 || !tok_is(f, 0, ".") || f->t[1].kind != LM_TOK_WORD || !is_syllable(f, 1) ||
	    !(marked_word(f, 1) || first_upper(f, 1)))
		return;
	check(f, 0, 1, NULL, 0, COST_GLUED, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}

/* A marked Vietnamese syllable and a number with no space between ("số23/2023", "2021của"): the
 * OCR lost the space; Vietnamese always writes one there. Units and formulas (m2, CO2) carry no
 * marks; a number right after a word is a footnote mark ("nghiệp1.") unless a code or a date
 * goes on after it. */
static void rule_glued_number(fix *f, int k)
{
	if (k + 1 >= f->nt)
		return;
	int a = f->t[k].kind, b = f->t[k + 1].kind;
	int w = a == LM_TOK_WORD && b == LM_TOK_NUM ? k : a == LM_TOK_NUM && b == LM_TOK_WORD ? k + 1 : -1;
	if (w < 0 || !is_syllable(f, w) || !marked_word(f, w))
		return;
	if (w == k && !tok_is(f, k + 2, "/")) /* "nghiệp1.": a footnote mark, not a lost space */
		return;
	if (w == k + 1 && f->t[k].e - f->t[k].s < 2) /* "1én": an l read as 1, not a lost space */
		return;
	add_edit(f, f->t[k + 1].s, f->t[k + 1].s, OCRFIX_SPACE, 0);
}

/* Periods a speck made: ".." after a word or a number (an ellipsis has three; a period is never
 * doubled); "." where a space was, right after ":", ";", "," or "-" and before a word
 * ("Texas:.Menefee"); "." between two Vietnamese words with no space ("hủy.giá", "tháng.1") where
 * the model prefers them apart ("v.v." and domain names have no marked syllable of two letters or
 * more). */
static void rule_speck_period(fix *f, int k)
{
	if (!tok_is(f, k, "."))
		return;
	int prev_punct = k > 0 && f->t[k - 1].kind == LM_TOK_PUNCT;
	if (k > 0 && !prev_punct && tok_is(f, k + 1, ".") && !tok_is(f, k + 2, ".")) {
		add_edit(f, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_DROP, 0);
		return;
	}
	if (prev_punct && k + 1 < f->nt && f->t[k + 1].kind == LM_TOK_WORD &&
	    (tok_is(f, k - 1, ":") || tok_is(f, k - 1, ";") || tok_is(f, k - 1, ",") || tok_is(f, k - 1, "-"))) {
		add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_SPACE, 0);
		return;
	}
	if (k < 1 || k + 1 >= f->nt || f->t[k - 1].kind != LM_TOK_WORD || f->t[k - 1].e - f->t[k - 1].s < 2 ||
	    !is_syllable(f, k - 1) || f->t[k - 1].id < LM_NFIXED)
		return;
	const tok *b = &f->t[k + 1];
	if (b->kind == LM_TOK_WORD) {
		if (b->e - b->s < 2 || first_upper(f, k + 1) || !is_syllable(f, k + 1) || b->id < LM_NFIXED ||
		    !(marked_word(f, k - 1) || marked_word(f, k + 1)))
			return;
	} else if (b->kind != LM_TOK_NUM || !marked_word(f, k - 1) || tok_is(f, k + 2, ".")) {
		return;
	}
	check(f, k, k + 1, NULL, 0, COST_GLUED, f->t[k].s, f->t[k].e, OCRFIX_SPACE, 0);
}

/* A colon or an apostrophe glued between two Vietnamese words, the second in lower case
 * ("luật:lao", "sao'hồ"): a speck where the space was, where the model prefers the words without
 * it. A colon is always followed by a space in Vietnamese; times and norms ("10:30") have digits;
 * before a capital ("Thân:Tề") a real colon more likely lost its space. */
static void rule_glued_mark(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 2].kind != LM_TOK_WORD ||
	    !(tok_is(f, k + 1, ":") || tok_is(f, k + 1, "'")) || !is_syllable(f, k) || !is_syllable(f, k + 2) ||
	    f->t[k].id < LM_NFIXED || f->t[k + 2].id < LM_NFIXED || !(marked_word(f, k) || marked_word(f, k + 2)) ||
	    first_upper(f, k + 2))
		return;
	check(f, k + 1, k + 2, NULL, 0, COST_GLUED, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* A period glued before a list letter at a chunk's start (".a)"): a speck. */
static void rule_list_period(fix *f)
{
	if (f->nt == 3 && tok_is(f, 0, ".") && f->t[1].kind == LM_TOK_WORD && f->t[1].e - f->t[1].s == 1 &&
	    tok_is(f, 2, ")"))
		add_edit(f, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}

/* A period after a Vietnamese word followed, past the space, by a lower-case Vietnamese word
 * ("làm việc. ở nước ngoài", a speck at a line's end once lines are joined): no Vietnamese
 * sentence starts in lower case. Abbreviations ("v.v.", "TP.") are one letter or capitals; list
 * items ("a)") are one letter; the model must prefer the words run on. */
static void rule_end_period(fix *f)
{
	int k = f->nt - 1;
	if (k < 1 || !tok_is(f, k, ".") || f->t[k - 1].kind != LM_TOK_WORD || f->t[k - 1].e - f->t[k - 1].s < 2 ||
	    has_upper(f, k - 1) || !is_syllable(f, k - 1) || f->t[k - 1].id < LM_NFIXED || (k >= 2 && tok_is(f, k - 2, ".")))
		return;
	size_t i = f->ce;
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i == f->ce || i == f->n)
		return;
	int kind;
	size_t j = sohoa_lm_token(f->s, f->n, i, &kind);
	if (kind != LM_TOK_WORD || j - i < 2 || (j < f->n && f->s[j] == ')'))
		return;
	uint32_t cp;
	int up;
	sohoa_utf8_decode(f->s + i, j - i, &cp);
	if (!letter_upper(cp, &up) || up || !sohoa_viet_syllable(f->s + i, j - i))
		return;
	check(f, k, k + 1, NULL, 0, COST_END_PERIOD, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
}

/* ø is no Vietnamese letter: the OCR prints it for g and for o in some fonts ("ø)" for the list
 * item "g)", "Laø" for "Lao"). A word with one ø becomes the syllable (or list letter) the model
 * knows and prefers in context; foreign names ("Søren") spell no syllable either way and stay. */
static void rule_slashed_o(fix *f, int k)
{
	const tok *t = &f->t[k];
	if (t->kind != LM_TOK_WORD || t->e - t->s > 40)
		return;
	char v[48];
	size_t at = 0, n = 0;
	for (size_t i = t->s; i < t->e;) {
		uint32_t cp;
		size_t l = sohoa_utf8_decode(f->s + i, t->e - i, &cp);
		if (cp == 0xF8 || cp == 0xD8) {
			if (at)
				return; /* two: too far from a syllable */
			at = n + 1;
		}
		memcpy(v + n, f->s + i, l);
		n += l;
		i += l;
	}
	if (!at || (n <= 2 && !(tok_is(f, k + 1, ")") || tok_is(f, k + 1, ","))))
		return; /* alone, ø is a list letter only before ")" or "," (linguists' "ø/-a" is null) */
	int best_gain = INT_MIN, best_id = -1;
	static const char repl[] = "go";
	for (int r = 0; r < (n <= 2 ? 1 : 2); r++) { /* alone: the list letter g (the training pages:
						      * 3 of 3), never o, which the model cannot tell */
		char w[48];
		memcpy(w, v, at - 1);
		w[at - 1] = repl[r];
		memcpy(w + at, v + at + 1, n - at - 1);
		size_t wn = n - 1;
		if (wn > 1 && !sohoa_viet_syllable(w, wn))
			continue;
		int id = tok_id(f->m, w, 0, wn, LM_TOK_WORD, f->tmp);
		if (id < LM_NFIXED)
			continue;
		int sc = score_with(f, k, k + 1, &id, 1);
		int gain = sc + COST_GLUED - f->base;
		if (gain > best_gain) {
			best_gain = gain;
			best_id = id;
		}
	}
	if (best_id >= 0 && best_gain > 0)
		add_edit(f, t->s, t->e, OCRFIX_WORD, best_id);
}

/* A comma glued between two words ("l,m", "việc,rõ"): Vietnamese always writes a space after a
 * comma (numbers, "2,5", have digits). */
static void rule_comma_space(fix *f, int k)
{
	if (k + 2 < f->nt && f->t[k].kind == LM_TOK_WORD && tok_is(f, k + 1, ",") && f->t[k + 2].kind == LM_TOK_WORD &&
	    (is_syllable(f, k) || f->t[k].e - f->t[k].s == 1) && (is_syllable(f, k + 2) || f->t[k + 2].e - f->t[k + 2].s == 1))
		add_edit(f, f->t[k + 2].s, f->t[k + 2].s, OCRFIX_SPACE, 0);
}

/* Two different marks ending a chunk (";:", ";.", ":;", ":."): no Vietnamese clause ends so; the
 * second is a speck. */
static void rule_double_mark(fix *f)
{
	int k = f->nt - 1;
	if (k < 1 || f->t[k - 1].e != f->t[k].s || !(tok_is(f, k - 1, ";") || tok_is(f, k - 1, ":")) ||
	    !(tok_is(f, k, ".") || tok_is(f, k, ":") || tok_is(f, k, ";")) || tok_is(f, k, f->s[f->t[k - 1].s] == ';' ? ";" : ":"))
		return;
	add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
}

/* A code part the model knows with an I between it and its number ("QHI15", "UBTVQHI3" for
 * QH15, UBTVQH13): the OCR read the digit 1 as I, or as I1. The term numbers these codes carry
 * have two digits: before one digit the I is that 1, before two it is one too many. */
static void rule_code_one(fix *f, int k)
{
	if (k + 1 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 1].kind != LM_TOK_NUM)
		return;
	uint32_t w[16];
	int nup, nl = word_plain(f, k, w, 16, &nup);
	if (nl < 3 || nup != nl || w[nl - 1] != 'i' || is_syllable(f, k))
		return;
	int code = 0;
	for (int i = 0; i < f->nt; i++)
		code |= tok_is(f, i, "/") || tok_is(f, i, "-");
	if (!code)
		return;
	int id = tok_id(f->m, f->s, f->t[k].s, f->t[k].e - 1, LM_TOK_WORD, f->tmp);
	int self = f->t[k].id;
	if (id < LM_NFIXED || f->m->uni[id].logp < ACRONYM_MIN_UNI ||
	    (self >= LM_NFIXED && f->m->uni[self].logp > f->m->uni[id].logp - 1000))
		return;
	size_t digits = f->t[k + 1].e - f->t[k + 1].s;
	if (digits == 1)
		add_edit(f, f->t[k].e - 1, f->t[k].e, OCRFIX_ONE, 0);
	else if (digits == 2)
		add_edit(f, f->t[k].e - 1, f->t[k].e, OCRFIX_DROP, 0);
}

/* A marked syllable joined to a number by a hyphen the model does not expect ("số-63/2025",
 * "năm-2021"): a speck where the space was. */
static void rule_hyphen_number(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || !tok_is(f, k + 1, "-") || f->t[k + 2].kind != LM_TOK_NUM ||
	    !is_syllable(f, k) || !marked_word(f, k) || f->t[k].id < LM_NFIXED)
		return;
	check(f, k + 1, k + 2, NULL, 0, COST_HYPHEN, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* ",." ends no Vietnamese clause: one mark is a speck. The period goes when the sentence goes on
 * in lower case, the comma when the paragraph ends or a capital follows. */
static void rule_comma_period(fix *f)
{
	int k = f->nt - 2;
	if (k < 1 || !tok_is(f, k, ",") || !tok_is(f, k + 1, ".") || f->t[k - 1].kind == LM_TOK_PUNCT)
		return;
	size_t i = f->ce;
	while (i < f->n && (f->s[i] == ' ' || f->s[i] == '\t' || f->s[i] == '\n' || f->s[i] == '\r'))
		i++;
	if (i == f->n) {
		add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
		return;
	}
	uint32_t cp;
	int up;
	sohoa_utf8_decode(f->s + i, f->n - i, &cp);
	if (letter_upper(cp, &up))
		add_edit(f, up ? f->t[k].s : f->t[k + 1].s, up ? f->t[k].e : f->t[k + 1].e, OCRFIX_DROP, 0);
}

/* A straight apostrophe before a Vietnamese word, with no other apostrophe or quote in the
 * paragraph ("'Các", "'hóa"): Vietnamese elides nothing, so it is a speck, not a quote. */
static void rule_apostrophe(fix *f)
{
	if (f->nt < 2 || !tok_is(f, 0, "'") || f->t[1].kind != LM_TOK_WORD || !is_syllable(f, 1) ||
	    !(first_upper(f, 1) || marked_word(f, 1)))
		return;
	for (size_t i = 0; i < f->n; i++)
		if (i != f->t[0].s && (f->s[i] == '\'' || f->s[i] == '"'))
			return;
	for (size_t i = 0; i + 2 < f->n; i++) /* ‘ ’ “ ” */
		if ((unsigned char)f->s[i] == 0xE2 && (unsigned char)f->s[i + 1] == 0x80 &&
		    (unsigned char)f->s[i + 2] >= 0x98 && (unsigned char)f->s[i + 2] <= 0x9D)
			return;
	add_edit(f, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}

static int by_start(const void *a, const void *b)
{
	const ocrfix_edit *x = a, *y = b;
	return (x->s > y->s) - (x->s < y->s);
}

size_t ocrfix_chunk(const sohoa_model *m, const char *s, size_t n, size_t cs, size_t ce, ocrfix_edit *ed,
		    sohoa_buf *tmp)
{
	fix f = {.m = m, .s = s, .n = n, .cs = cs, .ce = ce, .tmp = tmp, .ed = ed};
	if (rule_debris(&f))
		return f.ned;
	int words = 0, nonword = 0;
	for (size_t i = cs; i < ce;) {
		int kind;
		size_t j = sohoa_lm_token(s, ce, i, &kind);
		if (f.nt == TOK_MAX)
			return 0;
		f.t[f.nt++] = (tok){(uint32_t)i, (uint32_t)j, tok_id(m, s, i, j, kind, tmp), kind};
		words += kind == LM_TOK_WORD;
		nonword += kind != LM_TOK_WORD;
		i = j;
	}
	/* a lone lower-case word, the most common chunk, has nothing these rules fix */
	if (!nonword && (words != 1 || !has_upper(&f, 0)))
		return 0;
	rule_edges(&f);
	rule_roman(&f);
	rule_apostrophe(&f);
	rule_comma_period(&f);
	rule_lead_period(&f);
	rule_list_period(&f);
	rule_end_period(&f);
	rule_double_mark(&f);
	for (int k = 0; k < f.nt; k++) {
		rule_stutter(&f, k);
		rule_glued(&f, k);
		rule_glued_number(&f, k);
		rule_speck_period(&f, k);
		rule_code_one(&f, k);
		rule_glued_mark(&f, k);
		rule_slashed_o(&f, k);
		rule_comma_space(&f, k);
		rule_hyphen_number(&f, k);
		if (f.t[k].kind == LM_TOK_WORD && !rule_doc_type(&f, k))
			rule_acronym(&f, k);
	}
	if (f.ned > 1)
		qsort(ed, f.ned, sizeof *ed, by_start);
	return f.ned;
}

/* ocrfix-codes: the vie job's OCR rules for codes and acronyms (see ocrfix-int.h): Roman numeral
 * headings, all-caps words one slip from an acronym the model knows, the document-type part of a
 * document number, a code part's first letter read twice, the digit 1 read as I. */
#include "ocrfix-int.h"
#include "../core/doctype.h"
#include "../core/govname.h"

#include <limits.h>
#include <string.h>

#define COST_DOUBLE (-3000)  /* a letter printed once read twice ("QĐĐ"), or twice read once ("THC") */
#define COST_EDIT (-7000)    /* any other one-letter slip in an acronym */
#define COST_ROMAN (-4000)   /* "II" read as "H" in a Roman numeral (serifs touching) */
#define COST_STUTTER (-3000) /* a code part's first letter read twice with a symbol between */
#define ACRONYM_MIN_UNI (-13500) /* acronyms the model knows well enough to correct to */
#define ACRONYM_MARGIN 3000      /* and the best correction beats any other by e^3 */

/* Roman numeral headings at a paragraph start: "II" with touching serifs reads as "H" ("HI." for
 * "III."). */
void ocrfix_rule_roman(fix *f)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
					    "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
	if (f->nt < 2 || f->t[0].kind != LM_TOK_WORD || !ocrfix_tok_in(f, 1, ".)"))
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
				ocrfix_check(f, 0, 1, &id, 1, COST_ROMAN, f->t[0].s, f->t[0].e, OCRFIX_WORD, id);
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
static void acronym(fix *f, int k)
{
	uint32_t w[12];
	int nup;
	int nl = ocrfix_word_plain(f, k, w, 10, &nup);
	if (nl < 2 || nup != nl || ocrfix_is_syllable(f, k))
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
					if (i == nl || alpha[a] == w[i] || (w[i] == 0x111 && alpha[a] == 'd'))
						continue; /* the OCR loses Đ's bar, it does not add one: Đ stays */
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
				int sc = ocrfix_score(f, k, k + 1, &id, 1);
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
		ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_WORD, best_id);
}

/* 1 if letter i of s[0..n) stands beside one alike: a letter read twice, or two alike read once. */
static int doubled(const uint32_t *s, int n, int i)
{
	return (i > 0 && s[i - 1] == s[i]) || (i + 1 < n && s[i + 1] == s[i]);
}

/* Edit distance of a[0..na) and b[0..nb) (code points, at most 16 each; 1000 when longer) in the
 * OCR's terms: deleting or inserting a doubled letter and a substitution lost(x, y) says is a lost
 * stroke cost 1; any other edit costs other. */
static int ocr_weighted_distance(const uint32_t *a, int na, const uint32_t *b, int nb, int other,
				 int (*lost)(uint32_t x, uint32_t y))
{
	int d[17][17];
	if (na > 16 || nb > 16)
		return 1000;
	d[0][0] = 0;
	for (int i = 1; i <= na; i++)
		d[i][0] = d[i - 1][0] + (doubled(a, na, i - 1) ? 1 : other);
	for (int j = 1; j <= nb; j++)
		d[0][j] = d[0][j - 1] + (doubled(b, nb, j - 1) ? 1 : other);
	for (int i = 1; i <= na; i++)
		for (int j = 1; j <= nb; j++) {
			uint32_t x = a[i - 1], y = b[j - 1];
			int sub = x == y ? 0 : lost(x, y) ? 1 : other;
			int v = d[i - 1][j - 1] + sub;
			if (d[i - 1][j] + (doubled(a, na, i - 1) ? 1 : other) < v)
				v = d[i - 1][j] + (doubled(a, na, i - 1) ? 1 : other);
			if (d[i][j - 1] + (doubled(b, nb, j - 1) ? 1 : other) < v)
				v = d[i][j - 1] + (doubled(b, nb, j - 1) ? 1 : other);
			d[i][j] = v;
		}
	return d[na][nb];
}

/* đ and d, t and i (lowercase), either way: a stroke lost or added. */
static int stroke_either(uint32_t x, uint32_t y)
{
	return (x == 'd' && y == 0x111) || (x == 0x111 && y == 'd') || (x == 'i' && y == 't') || (x == 't' && y == 'i');
}

/* Edit distance of a[0..na) and b[0..nb) (code points, at most 16 each) in the OCR's terms: a
 * letter read twice or two alike read once costs 1, as does Đ read D or T read I (a stroke
 * lost); any other edit 3. */
static int ocr_distance(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	return ocr_weighted_distance(a, na, b, nb, 3, stroke_either);
}

/* The document-type part of a document number ("88/QĐĐ-UBND", "/K-UBND" with the number left
 * blank for the clerk): a word there that is no type's code but one doubled, lost or stroke-less
 * letter from exactly one ("QĐĐ", "ND", "TIr"), is that code: the codes of core/doctype.c marked
 * SOHOA_DOCTYPE_SLOT (Decree 30's and older ones still in use). The slot is certain and the list
 * closed, so no model is asked. */
static int doc_type(fix *f, int k)
{
	if (k < 1 || !ocrfix_tok_is(f, k - 1, "/") || !(k == 1 || f->t[k - 2].kind == LM_TOK_NUM) ||
	    !(k + 1 == f->nt || ocrfix_tok_is(f, k + 1, "-")))
		return 0;
	uint32_t w[16];
	int nup, nl = ocrfix_word_plain(f, k, w, 16, &nup);
	if (nl < 1 || nup == 0)
		return 0;
	const char *found = NULL;
	for (size_t d = 0; d < sohoa_ndoctypes; d++) {
		if (!(sohoa_doctypes[d].flags & SOHOA_DOCTYPE_SLOT))
			continue;
		uint32_t t[16];
		int nt = 0;
		const char *c = sohoa_doctypes[d].code;
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
			if (found)
				return 0;
			found = c;
		}
	}
	if (!found)
		return 0;
	f->tmp->len = 0;
	int id = ocrfix_tok_id(f->m, found, 0, strlen(found), LM_TOK_WORD, f->tmp);
	return id >= LM_NFIXED && ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_WORD, id);
}

/* A document code's part with its first letter read twice and a symbol between ("K&KH-UBND"). */
void ocrfix_rule_stutter(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 2].kind != LM_TOK_WORD ||
	    !ocrfix_tok_in(f, k + 1, "&.,'"))
		return;
	uint32_t a[4], b[12];
	int nua, nub;
	if (ocrfix_word_plain(f, k, a, 1, &nua) != 1 || !nua || ocrfix_word_plain(f, k + 2, b, 10, &nub) < 2 || !nub ||
	    a[0] != b[0])
		return;
	if (ocrfix_has_code_mark(f))
		ocrfix_check(f, k, k + 2, NULL, 0, COST_STUTTER, f->t[k].s, f->t[k + 1].e, OCRFIX_DROP, 0);
}

/* A code part the model knows with an I between it and its number ("QHI15", "UBTVQHI3" for
 * QH15, UBTVQH13): the OCR read the digit 1 as I, or as I1. The term numbers these codes carry
 * have two digits: before one digit the I is that 1, before two it is one too many. */
void ocrfix_rule_code_one(fix *f, int k)
{
	if (k + 1 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 1].kind != LM_TOK_NUM)
		return;
	uint32_t w[16];
	int nup, nl = ocrfix_word_plain(f, k, w, 16, &nup);
	if (nl < 3 || nup != nl || w[nl - 1] != 'i' || ocrfix_is_syllable(f, k))
		return;
	if (!ocrfix_has_code_mark(f))
		return;
	int id = ocrfix_tok_id(f->m, f->s, f->t[k].s, f->t[k].e - 1, LM_TOK_WORD, f->tmp);
	int self = f->t[k].id;
	if (id < LM_NFIXED || f->m->uni[id].logp < ACRONYM_MIN_UNI ||
	    (self >= LM_NFIXED && f->m->uni[self].logp > f->m->uni[id].logp - 1000))
		return;
	size_t digits = f->t[k + 1].e - f->t[k + 1].s;
	if (digits == 1)
		ocrfix_add_edit(f, f->t[k].e - 1, f->t[k].e, OCRFIX_ONE, 0);
	else if (digits == 2)
		ocrfix_add_edit(f, f->t[k].e - 1, f->t[k].e, OCRFIX_DROP, 0);
}

/* The code points of s[a..b) with letters in capitals (Đ kept, marks kept), into out (at most
 * max); their number, or -1 if there are more. *letters counts the letters, *lower_end is set when
 * only the last letter is lowercase ("TTg"), *other when a letter is lowercase elsewhere or has a
 * tone. */
static int fold_caps(const char *s, size_t a, size_t b, uint32_t *out, int max, int *letters, int *lower_end, int *other)
{
	int n = 0, last_lower = 0;
	*letters = *lower_end = *other = 0;
	for (size_t i = a; i < b;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, b - i, &cp);
		if (n == max)
			return -1;
		if (sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			if (tone)
				*other = 1;
			if (last_lower)
				*other = 1;
			last_lower = !upper;
			cp = sohoa_viet_compose(plain, 0, 1);
			(*letters)++;
		} else if (cp != '&' && cp != '-' && cp != '.') {
			return -1;
		}
		out[n++] = cp;
	}
	*lower_end = last_lower;
	return n;
}

/* D printed for Đ (the bar lost) and I for T. */
static int stroke_lost(uint32_t x, uint32_t y)
{
	return (x == 'D' && y == 0x110) || (x == 'I' && y == 'T');
}

/* The OCR's edit distance from what it printed, a[0..na), to acronym b[0..nb), in half edits: a
 * letter printed twice or read once where it is doubled, D read for Đ (the bar lost) and I for T
 * cost 1; any other edit 2. */
static int acronym_distance(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	return ocr_weighted_distance(a, na, b, nb, 2, stroke_lost);
}

/* An acronym of the administration (core/govname.c) that the OCR misread: a word in capitals (or
 * capitals and a last small letter, "TTEg") of three letters or more, no syllable and no such
 * acronym itself, one slip (two half-edits; three for five letters or more) from exactly one of
 * them, and nearer to it by a half-edit at least than to any other ("THC", "TEHC", "TINHC" for
 * TTHC, "TTEg" for TTg, "GĐĐ" for GĐ, "GD&ĐĐT" for GD&ĐT, "SGDDT" for SGDĐT). The model knows
 * these acronyms too rarely to tell them from their misreadings; a word it knows far better than
 * the acronym (e^3) is left alone. Returns 1 if it added the edit. */
static int domain_acronym(fix *f, int k)
{
	if (k >= 2 && ocrfix_tok_is(f, k - 1, "&") && f->t[k - 2].kind == LM_TOK_WORD && f->t[k - 1].s == f->t[k - 2].e &&
	    f->t[k].s == f->t[k - 1].e)
		return 0; /* the second half of "GD&ĐĐT": read with the first */
	int last = k;
	if (k + 2 < f->nt && ocrfix_tok_is(f, k + 1, "&") && f->t[k + 2].kind == LM_TOK_WORD &&
	    f->t[k + 1].s == f->t[k].e && f->t[k + 2].s == f->t[k + 1].e)
		last = k + 2;
	if ((last + 1 < f->nt && f->t[last + 1].kind == LM_TOK_NUM && f->t[last + 1].s == f->t[last].e) ||
	    (k > 0 && f->t[k - 1].kind == LM_TOK_NUM && f->t[k - 1].e == f->t[k].s))
		return 0; /* glued to a number ("UBTVQHI3"): a code's I for 1 (ocrfix_rule_code_one) */
	uint32_t w[16];
	int letters, lower_end, other;
	int nw = fold_caps(f->s, f->t[k].s, f->t[last].e, w, 16, &letters, &lower_end, &other);
	if (nw < 0 || letters < 3 || other)
		return 0;
	wletters wl;
	if (last == k && restore_letters(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &wl) && !lower_end &&
	    restore_skeleton_ok(&wl))
		return 0; /* a syllable in capitals ("TINH"): the tone candidates' business */
	sohoa_nearest near = {-1, 1000, 1000};
	for (int a = 0; sohoa_gov_acronyms[a]; a++) {
		const char *e = sohoa_gov_acronyms[a];
		size_t el = strlen(e);
		if (el == f->t[last].e - f->t[k].s && !memcmp(e, f->s + f->t[k].s, el))
			return 0; /* printed right */
		uint32_t v[16];
		int vl, vlow, vother;
		int nv = fold_caps(e, 0, el, v, 16, &vl, &vlow, &vother);
		if (nv < 0 || (vl < 3 && f->t[k].id >= LM_NFIXED))
			continue; /* two letters say little: "CPA", "BBC" are no CP, BC ("GĐĐ" is GĐ) */
		sohoa_nearest_add(&near, a, acronym_distance(w, nw, v, nv));
	}
	if (near.best < 0 || near.bestd == 0 || near.bestd > (letters >= 5 ? 3 : 2) || near.second - near.bestd < 1)
		return 0;
	const char *e = sohoa_gov_acronyms[near.best];
	f->tmp->len = 0;
	int id = ocrfix_tok_id(f->m, e, 0, strlen(e), LM_TOK_WORD, f->tmp);
	if (last == k && f->t[k].id >= LM_NFIXED) {
		/* a word the model knows is some other acronym ("DVD", "ATV") unless the slip is one the
		 * OCR makes all the time (a doubled letter, Đ's bar) and the model knows it no better */
		if (near.bestd > 1 || (id >= LM_NFIXED && f->m->uni[f->t[k].id].logp > f->m->uni[id].logp + 3000))
			return 0;
	}
	if (near.bestd > 1) {
		/* any other slip: a word of four letters or more the model has never seen, read for an
		 * acronym of four letters or more ("TEHC", "TINHC" for TTHC); else only where the context
		 * wants the acronym ("TTEg" in "QĐ-TTEg"), as for the acronyms the model knows (acronym) */
		int tl = 0;
		for (const char *c = e; *c; c++)
			tl += (*c & 0xC0) != 0x80 && *c != '&' && *c != '-' && *c != '.';
		if (last == k && f->t[k].id < LM_NFIXED && letters >= 4 && tl >= 4)
			return ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_ACRONYM, near.best);
		if (last != k || id < LM_NFIXED || tl < 3)
			return 0;
		size_t before = f->ned;
		ocrfix_check(f, k, k + 1, &id, 1, COST_EDIT, f->t[k].s, f->t[k].e, OCRFIX_ACRONYM, near.best);
		return f->ned > before;
	}
	return ocrfix_add_edit(f, f->t[k].s, f->t[last].e, OCRFIX_ACRONYM, near.best);
}

/* A digit among the letters of a word where the OCR read a letter: "g1ao" (giao), "kh0ng": the
 * word with i for 1 or o for 0 is a syllable the model knows, and the word with the digit is
 * no number or code. */
void ocrfix_rule_digit_letter(fix *f, int k)
{
	if (k < 1 || k + 1 >= f->nt || f->t[k].kind != LM_TOK_NUM || f->t[k].e - f->t[k].s != 1 ||
	    f->t[k - 1].kind != LM_TOK_WORD || f->t[k + 1].kind != LM_TOK_WORD || f->t[k - 1].e != f->t[k].s ||
	    f->t[k].e != f->t[k + 1].s)
		return;
	char d = f->s[f->t[k].s];
	if (d != '1' && d != '0')
		return;
	char word[96];
	size_t a = f->t[k].s - f->t[k - 1].s, b = f->t[k + 1].e - f->t[k + 1].s;
	if (a + b + 2 > sizeof word)
		return;
	memcpy(word, f->s + f->t[k - 1].s, a);
	word[a] = d == '1' ? 'i' : 'o';
	memcpy(word + a + 1, f->s + f->t[k + 1].s, b);
	word[a + 1 + b] = 0;
	if (!sohoa_viet_syllable(word, a + 1 + b))
		return;
	int id = ocrfix_tok_id(f->m, word, 0, a + 1 + b, LM_TOK_WORD, f->tmp);
	if (id >= LM_NFIXED)
		ocrfix_add_edit(f, f->t[k - 1].s, f->t[k + 1].e, OCRFIX_WORD, id);
}

static int lookalike_digit(char c)
{
	return c == 'O' || c == 'o' || c == 'I' || c == 'l' || c == '|';
}

/* The word before byte cs of s, as its key ("ngày", "số"), into out (cap bytes). */
static void word_before(const fix *f, char *out, size_t cap)
{
	size_t e = f->cs;
	while (e > 0 && f->s[e - 1] == ' ')
		e--;
	while (e > 0 && f->s[e - 1] == ':')
		e--;
	size_t b = e;
	while (b > 0 && f->s[b - 1] != ' ')
		b--;
	f->tmp->len = 0;
	out[0] = 0;
	if (b < e && !sohoa_viet_key(f->s + b, e - b, f->tmp) && f->tmp->data)
		snprintf(out, cap, "%.*s", (int)f->tmp->len, f->tmp->data);
}

/* Printed digits the OCR read as letters in a number: O for 0, I or l for 1 ("2O24", "9O%",
 * "ngày I5", "Số: I2/UBND", "1O/O3/2O24"). A part of the chunk between '/' and '-' made of
 * digits, those letters and a decimal mark, with a digit, is a number when it has more digits
 * than letters, or is followed by '%', or comes after ngày, tháng, năm or số, or every part
 * between the chunk's '/' is one ("khí O2" stays). */
void ocrfix_rule_digits(fix *f)
{
	size_t a = f->cs, e = f->ce;
	while (a < e && f->s[a] == '(')
		a++;
	int pct = 0;
	while (e > a && strchr(".,;:)%", f->s[e - 1])) {
		pct |= f->s[e - 1] == '%';
		e--;
	}
	char before[32];
	int keyword = -1, parts = 0, numeric = 0;
	for (size_t p = a; p < e; parts++) { /* a date "1O/O3/2O24": every part a number */
		size_t q = p;
		int digits = 0, other = 0;
		for (; q < e && f->s[q] != '/'; q++)
			digits += f->s[q] >= '0' && f->s[q] <= '9', other += !(f->s[q] >= '0' && f->s[q] <= '9') &&
									 !lookalike_digit(f->s[q]);
		numeric += digits && !other;
		p = q < e ? q + 1 : q;
	}
	int date = parts >= 2 && numeric == parts;
	for (size_t p = a; p < e;) {
		size_t q = p;
		int digits = 0, looks = 0, other = 0;
		while (q < e && f->s[q] != '/' && f->s[q] != '-') {
			char c = f->s[q];
			if (c >= '0' && c <= '9')
				digits++;
			else if (lookalike_digit(c))
				looks++;
			else if (c != ',' && c != '.')
				other++;
			q++;
		}
		if (!other && digits && looks) {
			if (keyword < 0) {
				word_before(f, before, sizeof before);
				keyword = !strcmp(before, "ngày") || !strcmp(before, "tháng") || !strcmp(before, "năm") ||
					  !strcmp(before, "số");
			}
			if (digits > looks || (q == e && pct) || (p == a && keyword) || date)
				ocrfix_add_edit(f, p, q, OCRFIX_DIGITS, 0);
		}
		p = q < e ? q + 1 : q;
	}
}

/* "số I, 2, 3": an I (or l) alone before ", 2" is the 1 of a list of numbers. */
void ocrfix_rule_list_one(fix *f)
{
	if (f->nt < 1 || f->nt > 2 || f->t[0].kind != LM_TOK_WORD || f->t[0].e - f->t[0].s != 1 ||
	    (f->s[f->t[0].s] != 'I' && f->s[f->t[0].s] != 'l') || (f->nt == 2 && !ocrfix_tok_is(f, 1, ",")))
		return;
	size_t i = f->ce;
	if (f->nt == 1) { /* "I , 2" */
		while (i < f->n && f->s[i] == ' ')
			i++;
		if (i >= f->n || f->s[i] != ',')
			return;
		i++;
	}
	while (i < f->n && f->s[i] == ' ')
		i++;
	if (i < f->n && f->s[i] == '2' && (i + 1 == f->n || !(f->s[i + 1] >= '0' && f->s[i + 1] <= '9')))
		ocrfix_add_edit(f, f->t[0].s, f->t[0].e, OCRFIX_ONE, 0);
}

/* A word is a document type's code one slip off (doc_type), or an acronym of the administration
 * misread (domain_acronym), or, failing those, an acronym the model knows one slip off
 * (acronym). */
void ocrfix_rule_code_word(fix *f, int k)
{
	if (f->t[k].kind == LM_TOK_WORD && !doc_type(f, k) && !domain_acronym(f, k))
		acronym(f, k);
}

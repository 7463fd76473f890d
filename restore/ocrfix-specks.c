/* ocrfix-specks: the vie job's OCR rules for specks and lost spaces (see ocrfix-int.h): periods,
 * colons, commas, apostrophes and hyphens that a speck of the scan made or that the OCR glued to
 * a word, spaces lost between a word and a number, ø read for g or o. */
#include "ocrfix-int.h"

#include <limits.h>
#include <string.h>

#define COST_GLUED (-3000)   /* a speck between a number and a word read as a period, space lost */
#define COST_HYPHEN (-5000)  /* a speck between a word and a number read as a hyphen */
/* A period before a lower-case word: a line's end can be a real sentence's end whose next line
 * the document lost. The more cautious of the prices that correct as much on the training pages. */
#define COST_END_PERIOD (-4000)

/* A number and a lower-case word joined by a period ("14/3/2025.của"): a speck where a space was. */
void ocrfix_rule_glued(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_NUM || !ocrfix_tok_is(f, k + 1, ".") ||
	    f->t[k + 2].kind != LM_TOK_WORD ||
	    ocrfix_first_upper(f, k + 2) || f->t[k + 2].e - f->t[k + 2].s < 2 || !ocrfix_is_syllable(f, k + 2) ||
	    f->t[k + 2].id < LM_NFIXED)
		return;
	ocrfix_check(f, k + 1, k + 2, NULL, 0, COST_GLUED, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* A period glued before a Vietnamese word at a chunk's start (".người", ".Ban"): a speck. Words
 * in lower case without marks (".com", ".vn") are file and domain names. */
void ocrfix_rule_lead_period(fix *f)
{
	if (f->nt < 2 || !ocrfix_tok_is(f, 0, ".") || f->t[1].kind != LM_TOK_WORD || !ocrfix_is_syllable(f, 1) ||
	    !(ocrfix_marked_word(f, 1) || ocrfix_first_upper(f, 1)))
		return;
	ocrfix_check(f, 0, 1, NULL, 0, COST_GLUED, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}

/* A marked Vietnamese syllable and a number with no space between ("số23/2023", "2021của"): the
 * OCR lost the space; Vietnamese always writes one there. Units and formulas (m2, CO2) carry no
 * marks; a number right after a word is a footnote mark ("nghiệp1.") unless a code or a date
 * goes on after it. */
void ocrfix_rule_glued_number(fix *f, int k)
{
	if (k + 1 >= f->nt)
		return;
	int a = f->t[k].kind, b = f->t[k + 1].kind;
	int w = a == LM_TOK_WORD && b == LM_TOK_NUM ? k : a == LM_TOK_NUM && b == LM_TOK_WORD ? k + 1 : -1;
	if (w < 0 || !ocrfix_is_syllable(f, w) || !ocrfix_marked_word(f, w))
		return;
	if (w == k && !ocrfix_tok_is(f, k + 2, "/")) /* "nghiệp1.": a footnote mark, not a lost space */
		return;
	if (w == k + 1 && f->t[k].e - f->t[k].s < 2) /* "1én": an l read as 1, not a lost space */
		return;
	ocrfix_add_edit(f, f->t[k + 1].s, f->t[k + 1].s, OCRFIX_SPACE, 0);
}

/* Periods a speck made: ".." after a word or a number (an ellipsis has three; a period is never
 * doubled); "." where a space was, right after ":", ";", "," or "-" and before a word
 * ("Texas:.Menefee"); "." between two Vietnamese words with no space ("hủy.giá", "tháng.1") where
 * the model prefers them apart ("v.v." and domain names have no marked syllable of two letters or
 * more). */
void ocrfix_rule_speck_period(fix *f, int k)
{
	if (!ocrfix_tok_is(f, k, "."))
		return;
	int prev_punct = k > 0 && f->t[k - 1].kind == LM_TOK_PUNCT;
	if (k > 0 && !prev_punct && ocrfix_tok_is(f, k + 1, ".") && !ocrfix_tok_is(f, k + 2, ".")) {
		ocrfix_add_edit(f, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_DROP, 0);
		return;
	}
	if (prev_punct && k + 1 < f->nt && f->t[k + 1].kind == LM_TOK_WORD && ocrfix_tok_in(f, k - 1, ":;,-")) {
		ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_SPACE, 0);
		return;
	}
	if (k < 1 || k + 1 >= f->nt || f->t[k - 1].kind != LM_TOK_WORD || f->t[k - 1].e - f->t[k - 1].s < 2 ||
	    !ocrfix_is_syllable(f, k - 1) || f->t[k - 1].id < LM_NFIXED)
		return;
	const ocrfix_tok *b = &f->t[k + 1];
	if (b->kind == LM_TOK_WORD) {
		if (b->e - b->s < 2 || ocrfix_first_upper(f, k + 1) || !ocrfix_is_syllable(f, k + 1) ||
		    b->id < LM_NFIXED ||
		    !(ocrfix_marked_word(f, k - 1) || ocrfix_marked_word(f, k + 1)))
			return;
	} else if (b->kind != LM_TOK_NUM || !ocrfix_marked_word(f, k - 1) || ocrfix_tok_is(f, k + 2, ".")) {
		return;
	}
	ocrfix_check(f, k, k + 1, NULL, 0, COST_GLUED, f->t[k].s, f->t[k].e, OCRFIX_SPACE, 0);
}

/* A colon or an apostrophe glued between two Vietnamese words, the second in lower case
 * ("luật:lao", "sao'hồ"): a speck where the space was, where the model prefers the words without
 * it. A colon is always followed by a space in Vietnamese; times and norms ("10:30") have digits;
 * before a capital ("Thân:Tề") a real colon more likely lost its space. */
void ocrfix_rule_glued_mark(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || f->t[k + 2].kind != LM_TOK_WORD ||
	    !ocrfix_tok_in(f, k + 1, ":'") || !ocrfix_is_syllable(f, k) || !ocrfix_is_syllable(f, k + 2) ||
	    f->t[k].id < LM_NFIXED || f->t[k + 2].id < LM_NFIXED ||
	    !(ocrfix_marked_word(f, k) || ocrfix_marked_word(f, k + 2)) ||
	    ocrfix_first_upper(f, k + 2))
		return;
	ocrfix_check(f, k + 1, k + 2, NULL, 0, COST_GLUED, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* A period glued before a list letter at a chunk's start (".a)"): a speck. */
void ocrfix_rule_list_period(fix *f)
{
	if (f->nt == 3 && ocrfix_tok_is(f, 0, ".") && f->t[1].kind == LM_TOK_WORD && f->t[1].e - f->t[1].s == 1 &&
	    ocrfix_tok_is(f, 2, ")"))
		ocrfix_add_edit(f, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}

/* A period after a Vietnamese word followed, past the space, by a lower-case Vietnamese word
 * ("làm việc. ở nước ngoài", a speck at a line's end once lines are joined): no Vietnamese
 * sentence starts in lower case. Abbreviations ("v.v.", "TP.") are one letter or capitals; list
 * items ("a)") are one letter; the model must prefer the words run on. */
void ocrfix_rule_end_period(fix *f)
{
	int k = f->nt - 1;
	if (k < 1 || !ocrfix_tok_is(f, k, ".") || f->t[k - 1].kind != LM_TOK_WORD || f->t[k - 1].e - f->t[k - 1].s < 2 ||
	    ocrfix_has_upper(f, k - 1) || !ocrfix_is_syllable(f, k - 1) || f->t[k - 1].id < LM_NFIXED ||
	    (k >= 2 && ocrfix_tok_is(f, k - 2, ".")))
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
	if (!ocrfix_letter_upper(cp, &up) || up || !sohoa_viet_syllable(f->s + i, j - i))
		return;
	ocrfix_check(f, k, k + 1, NULL, 0, COST_END_PERIOD, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
}

/* ø is no Vietnamese letter: the OCR prints it for g and for o in some fonts ("ø)" for the list
 * item "g)", "Laø" for "Lao"). A word with one ø becomes the syllable (or list letter) the model
 * knows and prefers in context; foreign names ("Søren") spell no syllable either way and stay. */
void ocrfix_rule_slashed_o(fix *f, int k)
{
	const ocrfix_tok *t = &f->t[k];
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
	if (!at || (n <= 2 && !ocrfix_tok_in(f, k + 1, "),")))
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
		int id = ocrfix_tok_id(f->m, w, 0, wn, LM_TOK_WORD, f->tmp);
		if (id < LM_NFIXED)
			continue;
		int sc = ocrfix_score(f, k, k + 1, &id, 1);
		int gain = sc + COST_GLUED - f->base;
		if (gain > best_gain) {
			best_gain = gain;
			best_id = id;
		}
	}
	if (best_id >= 0 && best_gain > 0)
		ocrfix_add_edit(f, t->s, t->e, OCRFIX_WORD, best_id);
}

/* A comma glued between two words ("l,m", "việc,rõ"): Vietnamese always writes a space after a
 * comma (numbers, "2,5", have digits). */
void ocrfix_rule_comma_space(fix *f, int k)
{
	if (k + 2 < f->nt && f->t[k].kind == LM_TOK_WORD && ocrfix_tok_is(f, k + 1, ",") &&
	    f->t[k + 2].kind == LM_TOK_WORD && (ocrfix_is_syllable(f, k) || f->t[k].e - f->t[k].s == 1) &&
	    (ocrfix_is_syllable(f, k + 2) || f->t[k + 2].e - f->t[k + 2].s == 1))
		ocrfix_add_edit(f, f->t[k + 2].s, f->t[k + 2].s, OCRFIX_SPACE, 0);
}

/* Two different marks ending a chunk (";:", ";.", ":;", ":."): no Vietnamese clause ends so; the
 * second is a speck. */
void ocrfix_rule_double_mark(fix *f)
{
	int k = f->nt - 1;
	if (k < 1 || f->t[k - 1].e != f->t[k].s || !ocrfix_tok_in(f, k - 1, ";:") ||
	    !ocrfix_tok_in(f, k, ".:;") || ocrfix_tok_is(f, k, f->s[f->t[k - 1].s] == ';' ? ";" : ":"))
		return;
	ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
}

/* A marked syllable joined to a number by a hyphen the model does not expect ("số-63/2025",
 * "năm-2021"): a speck where the space was. */
void ocrfix_rule_hyphen_number(fix *f, int k)
{
	if (k + 2 >= f->nt || f->t[k].kind != LM_TOK_WORD || !ocrfix_tok_is(f, k + 1, "-") ||
	    f->t[k + 2].kind != LM_TOK_NUM ||
	    !ocrfix_is_syllable(f, k) || !ocrfix_marked_word(f, k) || f->t[k].id < LM_NFIXED)
		return;
	ocrfix_check(f, k + 1, k + 2, NULL, 0, COST_HYPHEN, f->t[k + 1].s, f->t[k + 1].e, OCRFIX_SPACE, 0);
}

/* ",." ends no Vietnamese clause: one mark is a speck. The period goes when the sentence goes on
 * in lower case, the comma when the paragraph ends or a capital follows. */
void ocrfix_rule_comma_period(fix *f)
{
	int k = f->nt - 2;
	if (k < 1 || !ocrfix_tok_is(f, k, ",") || !ocrfix_tok_is(f, k + 1, ".") || f->t[k - 1].kind == LM_TOK_PUNCT)
		return;
	size_t i = f->ce;
	while (i < f->n && (f->s[i] == ' ' || f->s[i] == '\t' || f->s[i] == '\n' || f->s[i] == '\r'))
		i++;
	if (i == f->n) {
		ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
		return;
	}
	uint32_t cp;
	int up;
	sohoa_utf8_decode(f->s + i, f->n - i, &cp);
	if (ocrfix_letter_upper(cp, &up))
		ocrfix_add_edit(f, up ? f->t[k].s : f->t[k + 1].s, up ? f->t[k].e : f->t[k + 1].e, OCRFIX_DROP, 0);
}

/* A straight apostrophe before a Vietnamese word, with no other apostrophe or quote in the
 * paragraph ("'Các", "'hóa"): Vietnamese elides nothing, so it is a speck, not a quote. */
void ocrfix_rule_apostrophe(fix *f)
{
	if (f->nt < 2 || !ocrfix_tok_is(f, 0, "'") || f->t[1].kind != LM_TOK_WORD || !ocrfix_is_syllable(f, 1) ||
	    !(ocrfix_first_upper(f, 1) || ocrfix_marked_word(f, 1)))
		return;
	for (size_t i = 0; i < f->n; i++)
		if (i != f->t[0].s && (f->s[i] == '\'' || f->s[i] == '"'))
			return;
	for (size_t i = 0; i + 2 < f->n; i++) /* ‘ ’ “ ” */
		if ((unsigned char)f->s[i] == 0xE2 && (unsigned char)f->s[i + 1] == 0x80 &&
		    (unsigned char)f->s[i + 2] >= 0x98 && (unsigned char)f->s[i + 2] <= 0x9D)
			return;
	ocrfix_add_edit(f, f->t[0].s, f->t[0].e, OCRFIX_DROP, 0);
}


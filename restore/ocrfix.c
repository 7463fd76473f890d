/* ocrfix: the vie job's OCR post-correction beyond tone marks (see restore-int.h): the chunk's
 * tokens and context, the model check the rules share, the debris rules, and the order in which
 * the rules of ocrfix-codes.c and ocrfix-specks.c run (see ocrfix-int.h). */
#include "ocrfix-int.h"

#include <stdlib.h>
#include <string.h>

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

int ocrfix_letter_upper(uint32_t c, int *upper)
{
	uint32_t plain;
	int tone;
	*upper = 0;
	if (sohoa_viet_letter(c, &plain, &tone, upper))
		return 1;
	return sohoa_lm_is_letter(c);
}

int ocrfix_tok_id(const sohoa_model *m, const char *s, size_t a, size_t b, int kind, sohoa_buf *tmp)
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
			f->left[1] = ocrfix_tok_id(f->m, f->s, i, j, kind, f->tmp);
		}
		i = j;
	}
	f->nright = 0;
	for (size_t i = f->ce; i < f->n && f->nright < 2;) {
		int kind;
		size_t j = sohoa_lm_token(f->s, f->n, i, &kind);
		if (kind != LM_TOK_SPACE)
			f->right[f->nright++] = ocrfix_tok_id(f->m, f->s, i, j, kind, f->tmp);
		i = j;
	}
	if (f->nright < 2)
		f->right[f->nright++] = LM_EOS;
}

/* Model score of the chunk with tokens [from, to) replaced by rep[0..nrep), in context (found on
 * first use: most chunks never ask). */
int ocrfix_score(fix *f, int from, int to, const int *rep, int nrep)
{
	if (!f->ready) {
		f->ready = 1;
		context(f);
		f->base = ocrfix_score(f, 0, 0, NULL, 0);
	}
	int ids[OCRFIX_TOK_MAX + 8], k = 0;
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

int ocrfix_add_edit(fix *f, size_t s, size_t e, int how, int id)
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
void ocrfix_check(fix *f, int from, int to, const int *rep, int nrep, int32_t cost, size_t s, size_t e, int how,
		  int id)
{
	int sc = ocrfix_score(f, from, to, rep, nrep);
	if (sc + cost > f->base)
		ocrfix_add_edit(f, s, e, how, id);
}

int ocrfix_tok_is(const fix *f, int k, const char *punct)
{
	return k >= 0 && k < f->nt && f->t[k].kind == LM_TOK_PUNCT && f->t[k].e - f->t[k].s == strlen(punct) &&
	       memcmp(f->s + f->t[k].s, punct, strlen(punct)) == 0;
}

int ocrfix_tok_in(const fix *f, int k, const char *set)
{
	return k >= 0 && k < f->nt && f->t[k].kind == LM_TOK_PUNCT && f->t[k].e - f->t[k].s == 1 && f->s[f->t[k].s] &&
	       strchr(set, f->s[f->t[k].s]) != NULL;
}

int ocrfix_has_code_mark(const fix *f)
{
	for (int i = 0; i < f->nt; i++)
		if (ocrfix_tok_in(f, i, "/-"))
			return 1;
	return 0;
}

/* Letters of word token k as lowercase plain code points (no tones), with upper-case count;
 * 0 if it has a tone, a letter Vietnamese does not use, or more than max letters. */
int ocrfix_word_plain(const fix *f, int k, uint32_t *out, int max, int *nup)
{
	const ocrfix_tok *t = &f->t[k];
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

int ocrfix_first_upper(const fix *f, int k)
{
	uint32_t cp;
	int up;
	sohoa_utf8_decode(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &cp);
	return ocrfix_letter_upper(cp, &up) && up;
}

int ocrfix_has_upper(const fix *f, int k)
{
	for (size_t i = f->t[k].s; i < f->t[k].e;) {
		uint32_t cp;
		int up;
		i += sohoa_utf8_decode(f->s + i, f->t[k].e - i, &cp);
		if (ocrfix_letter_upper(cp, &up) && up)
			return 1;
	}
	return 0;
}

int ocrfix_is_syllable(const fix *f, int k)
{
	return sohoa_viet_syllable(f->s + f->t[k].s, f->t[k].e - f->t[k].s);
}

/* 1 if word token k carries a Vietnamese mark (a tone, a modified vowel or đ). */
int ocrfix_marked_word(const fix *f, int k)
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
		if (!ocrfix_letter_upper(cp, &up))
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
		} else if (ocrfix_letter_upper(cp, &up)) {
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
		return ocrfix_add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
	if (!digits && letters >= 2 && foreign && case_flips(f) >= 2)
		return ocrfix_add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
	if (!digits && !letters && !others && brackets) {
		for (size_t i = 0; i < f->n; i++)
			if ((i < f->cs || i >= f->ce) && !(f->s[i] == ' ' || f->s[i] == '\t' || f->s[i] == '\n' ||
							    f->s[i] == '\r'))
				return 0;
		return ocrfix_add_edit(f, f->cs, f->ce, OCRFIX_DROP, 0);
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
			ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
	}
	for (int k = f->nt - 1; k > 0 && f->t[k].kind == LM_TOK_PUNCT; k--) {
		uint32_t cp;
		sohoa_utf8_decode(f->s + f->t[k].s, f->t[k].e - f->t[k].s, &cp);
		if (!never_vie(cp))
			break;
		if (f->t[k - 1].kind == LM_TOK_WORD)
			ocrfix_add_edit(f, f->t[k].s, f->t[k].e, OCRFIX_DROP, 0);
	}
}

/* The rules after rule_edges, in order: an edit that overlaps one found before is not added. */
static void (*const chunk_rules[])(fix *f) = {
	ocrfix_rule_roman, ocrfix_rule_apostrophe, ocrfix_rule_comma_period, ocrfix_rule_lead_period,
	ocrfix_rule_list_period, ocrfix_rule_end_period, ocrfix_rule_double_mark, ocrfix_rule_list_one,
	ocrfix_rule_digits,
};
/* ... then, token by token, these. */
static void (*const token_rules[])(fix *f, int k) = {
	ocrfix_rule_stutter, ocrfix_rule_glued, ocrfix_rule_glued_number, ocrfix_rule_speck_period,
	ocrfix_rule_code_one, ocrfix_rule_glued_mark, ocrfix_rule_slashed_o, ocrfix_rule_comma_space,
	ocrfix_rule_hyphen_number, ocrfix_rule_code_word, ocrfix_rule_digit_letter,
};

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
		if (f.nt == OCRFIX_TOK_MAX)
			return 0;
		f.t[f.nt++] = (ocrfix_tok){(uint32_t)i, (uint32_t)j, ocrfix_tok_id(m, s, i, j, kind, tmp), kind};
		words += kind == LM_TOK_WORD;
		nonword += kind != LM_TOK_WORD;
		i = j;
	}
	/* a lone lower-case word, the most common chunk, has nothing these rules fix */
	if (!nonword && (words != 1 || !ocrfix_has_upper(&f, 0)))
		return 0;
	rule_edges(&f);
	for (size_t r = 0; r < sizeof chunk_rules / sizeof *chunk_rules; r++)
		chunk_rules[r](&f);
	for (int k = 0; k < f.nt; k++)
		for (size_t r = 0; r < sizeof token_rules / sizeof *token_rules; r++)
			token_rules[r](&f, k);
	if (f.ned > 1)
		qsort(ed, f.ned, sizeof *ed, by_start);
	return f.ned;
}


/* ocrfix-int.h: the state of one chunk and the helpers that the vie job's OCR rules share, private
 * to ocrfix.c (the state, the helpers, the rule order), ocrfix-codes.c (acronyms, document codes,
 * Roman numerals) and ocrfix-specks.c (specks read as punctuation, lost spaces). A rule's cost is
 * ln P(the OCR made that error) * SCALE: a rewrite is kept where the model, over the chunk and two
 * tokens of context on each side, prefers it by more than that; a rule that is certain adds its
 * edit without asking. */
#ifndef SOHOA_OCRFIX_INT_H
#define SOHOA_OCRFIX_INT_H

#include "restore-int.h"

#define OCRFIX_TOK_MAX 48

/* One token of the chunk: bytes of the paragraph, its model id (ocrfix_tok_id) and kind. */
typedef struct ocrfix_tok {
	uint32_t s, e;
	int id, kind;
} ocrfix_tok;

/* One chunk s[cs..ce) of the paragraph s[0..n) and the edits found so far. */
typedef struct fix {
	const sohoa_model *m;
	const char *s;
	size_t n, cs, ce;
	int left[2], right[2], nright; /* context ids: BOS at the paragraph start, EOS at its end */
	ocrfix_tok t[OCRFIX_TOK_MAX];
	int nt;
	int base;  /* model score of the chunk as it is */
	int ready; /* context and base found */
	sohoa_buf *tmp;
	ocrfix_edit *ed;
	size_t ned;
} fix;

/* The model id of s[a..b), a token of the given kind (words by their key); tmp is scratch. */
int ocrfix_tok_id(const sohoa_model *m, const char *s, size_t a, size_t b, int kind, sohoa_buf *tmp);
/* Model score of the chunk with tokens [from, to) replaced by rep[0..nrep), in context. */
int ocrfix_score(fix *f, int from, int to, const int *rep, int nrep);
/* Add an edit of s..e unless it overlaps one already found or the list is full; 1 if added. */
int ocrfix_add_edit(fix *f, size_t s, size_t e, int how, int id);
/* Add the edit s..e (how, id) if the chunk with tokens [from, to) replaced by rep[0..nrep)
 * scores better than the chunk as it is by more than the rule's cost (cost < 0). */
void ocrfix_check(fix *f, int from, int to, const int *rep, int nrep, int32_t cost, size_t s, size_t e, int how,
		  int id);

/* Token k is the punctuation mark punct. */
int ocrfix_tok_is(const fix *f, int k, const char *punct);
/* Token k is one of the one-byte punctuation marks in set ("&.,'"). */
int ocrfix_tok_in(const fix *f, int k, const char *set);
/* The chunk holds a '/' or a '-' (a document code, a date). */
int ocrfix_has_code_mark(const fix *f);
/* Letters of word token k as lowercase plain code points (no tones) into out, the upper-case
 * ones counted in *nup; 0 if it has a tone, a letter Vietnamese does not use, or more than max
 * letters. */
int ocrfix_word_plain(const fix *f, int k, uint32_t *out, int max, int *nup);
/* 1 if c is a letter (of Vietnamese or not), its case in *upper. */
int ocrfix_letter_upper(uint32_t c, int *upper);
int ocrfix_first_upper(const fix *f, int k); /* word token k starts with a capital */
int ocrfix_has_upper(const fix *f, int k);   /* ... holds a capital */
int ocrfix_is_syllable(const fix *f, int k); /* ... is a Vietnamese syllable */
int ocrfix_marked_word(const fix *f, int k); /* ... carries a mark (a tone, a modified vowel or đ) */

/* The rules, in the order ocrfix.c applies them: each looks at the chunk (f) or at its token k
 * and adds the edits it finds. */
void ocrfix_rule_roman(fix *f);
void ocrfix_rule_apostrophe(fix *f);
void ocrfix_rule_comma_period(fix *f);
void ocrfix_rule_lead_period(fix *f);
void ocrfix_rule_list_period(fix *f);
void ocrfix_rule_end_period(fix *f);
void ocrfix_rule_double_mark(fix *f);
void ocrfix_rule_stutter(fix *f, int k);
void ocrfix_rule_glued(fix *f, int k);
void ocrfix_rule_glued_number(fix *f, int k);
void ocrfix_rule_speck_period(fix *f, int k);
void ocrfix_rule_code_one(fix *f, int k);
void ocrfix_rule_glued_mark(fix *f, int k);
void ocrfix_rule_slashed_o(fix *f, int k);
void ocrfix_rule_comma_space(fix *f, int k);
void ocrfix_rule_hyphen_number(fix *f, int k);
void ocrfix_rule_code_word(fix *f, int k);
void ocrfix_rule_digit_letter(fix *f, int k);
void ocrfix_rule_list_one(fix *f);
void ocrfix_rule_digits(fix *f);

#endif

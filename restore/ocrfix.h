/* ocrfix: job 3's correction of Vietnamese OCR output beyond tone marks — what the OCR gets
 * wrong around the words: stamp and speck debris, symbols no Vietnamese text uses, doubled or
 * dropped letters in acronyms and document codes, "II" read as "H" in Roman numerals, specks read
 * as punctuation. Each rule proposes a rewrite of one white-space chunk that a known OCR failure
 * explains; a rewrite is kept where the rule is certain, or where the language model prefers it
 * in the chunk's context by more than the rule's cost. Private to restore/candidates.c. */
#ifndef SOHOA_OCRFIX_H
#define SOHOA_OCRFIX_H

#include "../core/sohoa.h"

enum { OCRFIX_DROP, OCRFIX_SPACE, OCRFIX_WORD, OCRFIX_ONE };
typedef struct ocrfix_edit {
	uint32_t s, e; /* bytes of the paragraph, on token boundaries */
	int32_t id;    /* WORD: the model id whose key is written instead, in the input's case */
	uint8_t how;   /* DROP: leave s..e out; SPACE: one space instead of s..e; WORD: id's key;
	                * ONE: the digit 1 instead of s..e */
} ocrfix_edit;

#define OCRFIX_MAX 16

/* The edits (at most OCRFIX_MAX) of the chunk s[cs..ce) of the paragraph s[0..n): in byte order,
 * not overlapping, inside the chunk. Returns their number; 0 leaves the chunk as it is. tmp is
 * scratch. */
size_t ocrfix_chunk(const sohoa_model *m, const char *s, size_t n, size_t cs, size_t ce, ocrfix_edit *ed,
		    sohoa_buf *tmp);

#endif

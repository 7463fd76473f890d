/* candidates: cut a paragraph into the decoder's positions and give each word its candidate
 * syllables with channel scores (job 1: same letters with any marks; job 2: the eng-OCR channel;
 * job 3: same letters with another tone), then write the chosen forms back with the input's case.
 * Private to restore/restore.c. */
#ifndef SOHOA_CANDIDATES_H
#define SOHOA_CANDIDATES_H

#include "../core/sohoa.h"

#define RESTORE_MAXC 14

/* One decoder position: candidate ids (model ids) and ln P(observed | candidate) * SCALE. */
typedef struct restore_pos {
	uint16_t cand[RESTORE_MAXC];
	int32_t chan[RESTORE_MAXC];
	uint8_t n;
} restore_pos;

/* One piece of the input: copied as it is, or replaced by its position's chosen candidate. */
enum { RESTORE_COPY, RESTORE_WORD, RESTORE_KEEP0, RESTORE_DROP, RESTORE_SPACE, RESTORE_ONE };
typedef struct restore_item {
	uint32_t s, e;   /* bytes of the input */
	int32_t pos;     /* decoder position or -1 */
	uint8_t how;     /* COPY; WORD: the candidate with the input's case; KEEP0: copy if candidate 0
	                  * won; DROP: leave out (OCR debris); SPACE: a space the input lacks (two
	                  * syllables the OCR glued: "trợpháp"); ONE: the digit 1 instead of the
	                  * input (an I the OCR read for it in a code: "UBTVQHI3") */
} restore_item;

/* Per-chunk evidence for sohoa_restore_detect. */
typedef struct restore_chunk_stats {
	int words;    /* letter runs */
	int marked;   /* letter runs with Vietnamese marks */
	int invalid;  /* lowercase letter runs that are not Vietnamese syllables */
	int mixed;    /* letters mixed with digits or symbols inside one chunk */
} restore_chunk_stats;
void restore_chunk_classify(const char *s, size_t n, restore_chunk_stats *cs);
/* 1 if the chunk s[0..n) is a URL or an e-mail address (passed through as it is). */
int restore_is_address(const char *s, size_t n);

/* Tokenize s[start..n) into items and positions (at most maxitems / maxpos); returns the offset
 * where it stopped (n at the end). tmp is scratch. */
size_t restore_tokenize(const sohoa_model *m, sohoa_restore_mode mode, const char *s, size_t n, size_t start,
			restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos, size_t *np, size_t maxpos,
			sohoa_buf *tmp);
/* Append the items with the chosen candidates (choice[pos]) to out; -1 when out of memory. */
int restore_emit(const sohoa_model *m, sohoa_restore_mode mode, const char *s, const restore_item *items,
		 size_t ni, const restore_pos *pos, const uint8_t *choice, sohoa_buf *out, sohoa_buf *tmp);

/* Append s[0..n) to out with invalid UTF-8 replaced by U+FFFD; -1 when out of memory. */
int restore_append_valid(sohoa_buf *out, const char *s, size_t n);

#endif

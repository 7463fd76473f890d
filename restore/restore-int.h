/* restore-int.h: what the files of restore/ share, private to the folder (tools/ and the unit
 * tests may include it, as SQLite's tests include its internals; no other stage does). The
 * decoder (restore.c) has candidates.c cut a paragraph into positions, each with its candidate
 * syllables and their channel scores, decodes them with the model, and has candidates.c write the
 * chosen forms back with the input's case. Candidates by job: strip (text typed without marks:
 * the same letters with any marks), eng-OCR (candidates-ocr.c: the readings the learned confusion
 * channel explains) and vie (Vietnamese OCR: the same letters with another tone, and the rewrites
 * of ocrfix*.c around the words). */
#ifndef SOHOA_RESTORE_INT_H
#define SOHOA_RESTORE_INT_H


#include "lm.h"
#include "restore.h"
#include "../core/viet.h"

/* --- the eng-OCR channel adapted to the batch (adapt.c) --- */

/* How the eng-OCR job reads tokens: ch NULL, the shipped channel; else the readings ch learned
 * replace the shipped ones of the tokens it has evidence for; with explore (the E step's
 * decoding) letters are proposed for the digits and symbols of short tokens where the preceding
 * word wants them, else the digits and symbols the batch learned stand for letters are tried. */
typedef struct restore_adapt {
	const sohoa_channel *ch;
	int explore;
} restore_adapt;

/* The learned readings of the token whose key is key[0..n) (at most max, into out): 0 when ch has
 * none for it (the shipped ones stand). The caller holds the read lock (restore_adapt_lock). */
size_t restore_adapt_find(const sohoa_channel *ch, const char *key, size_t n, sohoa_lm_chan_cand *out, size_t max);
/* A digit or symbol the batch read for a letter in several words ("1" for l in "1&" lệ, "1y"
 * lý), n times in all: the final decode tries it in the tokens it has no learned reading for, at
 * RESTORE_ADAPT_CHR each. */
typedef struct restore_adapt_chr {
	uint32_t obs, letter, n;
} restore_adapt_chr;
#define ADAPT_MAXCHR 256
#define RESTORE_ADAPT_CHR (-2300)
#define PROPOSE_CPS 6 /* characters of a token the E step proposes letters in */
/* ch's character readings (*chr borrowed, valid while the read lock is held). */
size_t restore_adapt_chars(const sohoa_channel *ch, const restore_adapt_chr **chr);
/* The E step's ln P of a proposed reading. */
#define RESTORE_EXPLORE_NEW (-4000)
/* Bind ch to the model (a loaded file's words to ids; the learned readings built); -1 when out of
 * memory. Idempotent. */
int restore_adapt_bind(sohoa_channel *ch, const sohoa_model *m);
/* 1 when ch learns from what it decodes (sohoa_channel_new), 0 when fixed (loaded). */
int restore_adapt_learning(const sohoa_channel *ch);
/* The E step's count: the words the exploring decode chose for the eng-OCR tokens of the readings
 * v (paragraph k's text texts[k]), added to ch (again: in place of the latest count's, a later
 * round over the same paragraphs); then the M step: ch's learned readings rebuilt from all counts
 * so far. -1 when out of memory. Takes the write lock. */
struct restore_vocab;
int restore_adapt_count(sohoa_channel *ch, const sohoa_model *m, const struct restore_vocab *v,
			const char *const *texts, const sohoa_restore_mode *modes, int again);
/* The read lock over ch's learned readings, held while a pass decodes with them. */
void restore_adapt_lock(const sohoa_channel *ch);
void restore_adapt_unlock(const sohoa_channel *ch);

/* --- positions and items (candidates.c, candidates-ocr.c) --- */

#define RESTORE_MAXC 14

/* One decoder position: candidate ids (model ids) and ln P(observed | candidate) * SCALE.
 * one_group: 1 when its writer knows the candidates are of one candidate group (sohoa_lm_cands:
 * distinct ids, one sohoa_lm_gof), 0 when they may not be (the decoder finds out); read only
 * where n > 1, so every writer of more than one candidate sets it. */
typedef struct restore_pos {
	uint16_t cand[RESTORE_MAXC];
	int32_t chan[RESTORE_MAXC];
	uint8_t n;
	uint8_t one_group;
} restore_pos;

/* One piece of the input: copied as it is, or replaced by its position's chosen candidate. */
enum { RESTORE_COPY, RESTORE_WORD, RESTORE_KEEP0, RESTORE_DROP, RESTORE_SPACE, RESTORE_ONE, RESTORE_ACRONYM,
       RESTORE_DIGITS };
typedef struct restore_item {
	uint32_t s, e;   /* bytes of the input */
	int32_t pos;     /* decoder position or -1 */
	uint8_t how;     /* COPY; WORD: the candidate with the input's case; KEEP0: copy if candidate 0
	                  * won; DROP: leave out (OCR debris); SPACE: a space the input lacks (two
	                  * syllables the OCR glued: "trợpháp"); ONE: the digit 1 instead of the
	                  * input (an I the OCR read for it in a code: "UBTVQHI3"); ACRONYM: the
	                  * acronym sohoa_gov_acronyms[arg] instead of the input ("TEHC": TTHC);
	                  * DIGITS: the input with O read for 0 and I, l for 1 ("2O24") */
	uint16_t arg;
} restore_item;

/* Where restore_emit wrote a position's word: out bytes [out_s, out_e) (UINT32_MAX: not written
 * as a word), from input bytes [in_s, in_e); keep0 when candidate 0 means the input copied. */
typedef struct restore_wrote {
	uint32_t out_s, out_e, in_s, in_e;
	uint8_t keep0;
} restore_wrote;

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
size_t restore_tokenize(const sohoa_model *m, const restore_adapt *ad, sohoa_restore_mode mode, const char *s,
			size_t n, size_t start, restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos,
			size_t *np, size_t maxpos, sohoa_buf *tmp);
/* Append the items with the chosen candidates (choice[pos]) to out, the words the model writes
 * (its keys, old style) in the tone style given (NEW re-places their marks; OLD and KEEP leave
 * them); -1 when out of memory. */
int restore_emit(const sohoa_model *m, const char *s, const restore_item *items, size_t ni, const restore_pos *pos,
		 const uint8_t *choice, sohoa_tone_style style, sohoa_buf *out);
/* restore_emit, also saying where each position's word went: wrote[p] for p < np (set for every
 * position). */
int restore_emit_where(const sohoa_model *m, const char *s, const restore_item *items, size_t ni,
		       const restore_pos *pos, size_t np, const uint8_t *choice, sohoa_tone_style style, sohoa_buf *out,
		       restore_wrote *wrote);
/* Write the model's key with the case of the input word s[0..n) in the tone style given (NEW
 * re-places the mark; the keys are old style) to out; -1 when out of memory. */
int restore_put_word(const char *key, const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out);

/* The tone style votes of the marked words of s[0..n) (style.c): +1 for each word marked the new
 * way ("hoà, khoẻ, thuỷ"), -1 for each marked the old way ("hòa, khỏe, thủy"); words whose
 * mark sits the same in both styles count nothing. */
int restore_style_votes(const char *s, size_t n);

/* Append s[0..n) to out with invalid UTF-8 replaced by U+FFFD; -1 when out of memory. */
int restore_append_valid(sohoa_buf *out, const char *s, size_t n);

/* Make p a position of one candidate, id, at no cost (a word copied that is context); returns 1. */
static inline int restore_pos_one(restore_pos *p, int id)
{
	p->cand[0] = (uint16_t)id;
	p->chan[0] = 0;
	p->n = 1;
	return 1;
}

/* Append an item; -1 (nothing appended) when items holds max already. */
int restore_push_item(restore_item *items, size_t *ni, size_t max, size_t s, size_t e, int32_t pos, int how);

/* The eng-OCR job's handling of one white-space chunk s[cs..ce) (candidates-ocr.c): outer
 * punctuation as positions of their own, the core as one token with the channel's readings.
 * Returns 0 (nothing added) for chunks it leaves to the word-by-word path: codes with '/' or an
 * inner '-', words glued by punctuation. */
int restore_ocr_chunk(const sohoa_model *m, const restore_adapt *ad, const char *s, size_t cs, size_t ce,
		      restore_item *items, size_t *ni, size_t maxitems, restore_pos *pos, size_t *np, sohoa_buf *tmp);

/* --- a document's own vocabulary (docvocab.c) --- */

/* One position as the first pass read it. */
typedef struct restore_reading {
	uint32_t para; /* its paragraph */
	uint32_t pos;  /* its candidates in restore_vocab.pos; UINT32_MAX: none to choose from */
	uint16_t id;   /* the id chosen; LM_BOS marks the end of a span (the context restarts) */
	uint8_t flip;  /* scratch of restore_vocab_apply */
	restore_wrote w;
} restore_reading;

/* The readings of the paragraphs restored together, and their counts per id and group. */
typedef struct restore_vocab {
	uint16_t *count;               /* per id: times read */
	uint16_t *gtot, *gtop, *gbest; /* per group: readings, the winner's readings, the winner */
	restore_reading *rd;           /* n readings, in the order read */
	restore_pos *pos;              /* npos: the candidates of the readings with a choice */
	size_t n, npos, cap;
	size_t *order;                 /* scratch of restore_vocab_apply */
	int full;                      /* too many readings: no second look */
} restore_vocab;

/* Make v ready for a first pass; -1 when out of memory. */
int restore_vocab_start(restore_vocab *v);
void restore_vocab_free(restore_vocab *v);
/* Keep the readings of a decoded span of paragraph para: its positions, the choices and where
 * restore_emit wrote each; -1 when out of memory. */
int restore_vocab_note(restore_vocab *v, size_t para, const restore_pos *pos, size_t np, const uint8_t *choice,
		       const restore_wrote *wrote);
/* The second look: the readings a clear winner of their group disputes turn to it where their
 * context, channel and the bonus say so, and the words turned are rewritten in outs[k] (paragraph
 * k of texts, its output from byte start[k]) in the tone style given. */
sohoa_status restore_vocab_apply(restore_vocab *v, sohoa_ctx *ctx, const sohoa_model *m, const char *const *texts,
				 const size_t *start, size_t count, sohoa_tone_style style, sohoa_buf *outs);
/* Forget the readings (ready for the next start). */
void restore_vocab_clear(restore_vocab *v, const sohoa_model *m);

/* --- the letters of a word (candidates.c) --- */

#define RESTORE_WORD_MAX 48
/* Candidates e^7 rarer (unigram) than the most frequent of their group are left out. */
#define RESTORE_PRUNE 7000

/* Letters of a word: code points, plain letter and tone per position (plain 0: not Vietnamese). */
typedef struct wletters {
	uint32_t cp[RESTORE_WORD_MAX];
	uint32_t plain[RESTORE_WORD_MAX];
	uint8_t tone[RESTORE_WORD_MAX], upper[RESTORE_WORD_MAX];
	int n;
	int marked;  /* any tone or modifier or đ */
	int upper_n; /* letters in upper case */
} wletters;

/* Decode s[0..n) into w; 0 if it does not fit (more than RESTORE_WORD_MAX code points). */
int restore_letters(const char *s, size_t n, wletters *w);
/* The lowercase base letters (a-z) of w into tmp; 0 if some letter has no ASCII base. */
int restore_stripped(const wletters *w, sohoa_buf *tmp);
/* The model id of the word s[0..n) under its key, LM_UNK if none; tmp is scratch. */
int restore_key_id(const sohoa_model *m, const char *s, size_t n, sohoa_buf *tmp);
/* 1 if the base letters of w could spell a Vietnamese syllable with some marks: onset, one to
 * three vowels, a final consonant. Stripped text passes; "dugc", "clia", "thir" do not. */
int restore_skeleton_ok(const wletters *w);

/* Lowercase code point (Vietnamese letters keep their marks; others unchanged). */
static inline uint32_t restore_lower_cp(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (sohoa_viet_letter(cp, &plain, &tone, &upper) && upper)
		return sohoa_viet_compose(plain, tone, 0);
	return cp;
}

/* ln P(the letters v[0..nv) | candidate id) * SCALE under the character channel, position by
 * position, into *cost; positions in fixed (a bit mask) came from a substring confusion already
 * paid for. 0 if the candidate does not line up with v letter for letter (candidates-ocr.c). */
int restore_chan_cost(const sohoa_model *m, int id, const uint32_t *v, int nv, uint64_t fixed, int32_t *cost);

/* --- the vie job's OCR corrections beyond tone marks (ocrfix*.c, ocrfix-int.h) --- */

/* What the OCR gets wrong around the words: stamp and speck debris, symbols no Vietnamese text
 * uses, doubled or dropped letters in acronyms and document codes, "II" read as "H" in Roman
 * numerals, specks read as punctuation. Each rule proposes a rewrite of one white-space chunk
 * that a known OCR failure explains; a rewrite is kept where the rule is certain, or where the
 * language model prefers it in the chunk's context by more than the rule's cost. */
enum { OCRFIX_DROP, OCRFIX_SPACE, OCRFIX_WORD, OCRFIX_ONE, OCRFIX_ACRONYM, OCRFIX_DIGITS };
typedef struct ocrfix_edit {
	uint32_t s, e; /* bytes of the paragraph, on token boundaries */
	int32_t id;    /* WORD: the model id whose key is written instead, in the input's case */
	uint8_t how;   /* DROP: leave s..e out; SPACE: one space instead of s..e; WORD: id's key;
	                * ONE: the digit 1 instead of s..e; ACRONYM: sohoa_gov_acronyms[id];
	                * DIGITS: s..e with its O, o as 0 and I, l, | as 1 */
} ocrfix_edit;

#define OCRFIX_MAX 16

/* The edits (at most OCRFIX_MAX) of the chunk s[cs..ce) of the paragraph s[0..n): in byte order,
 * not overlapping, inside the chunk. Returns their number; 0 leaves the chunk as it is. tmp is
 * scratch. */
size_t ocrfix_chunk(const sohoa_model *m, const char *s, size_t n, size_t cs, size_t ce, ocrfix_edit *ed,
		    sohoa_buf *tmp);

#endif

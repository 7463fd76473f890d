/* viet: Vietnamese letters and syllables without ICU — decompose a letter into its plain letter,
 * tone and case; place tone marks (old/new style); and the canonical syllable key that the
 * restorer and the extractors share so that "hòa" and "hoà" count as one syllable. */
#ifndef SOHOA_VIET_H
#define SOHOA_VIET_H

#include "sohoa.h"

/* Tones in the order the tables use. */
enum { VIET_TONE_NONE, VIET_TONE_GRAVE, VIET_TONE_ACUTE, VIET_TONE_HOOK, VIET_TONE_TILDE, VIET_TONE_DOT };

/* If cp is a Latin letter used in Vietnamese (a-z, đ, and the 12 vowels with their 5 tones, in
 * either case), set *plain to the lowercase letter without tone but with its modifier (e.g. 'ấ' ->
 * 'â', 'Đ' -> 'đ'), *tone and *upper, and return 1; otherwise return 0 (outputs untouched). */
int sohoa_viet_letter(uint32_t cp, uint32_t *plain, int *tone, int *upper);
/* Compose plain (lowercase, with modifier) + tone + case; returns 0 if no such letter. */
uint32_t sohoa_viet_compose(uint32_t plain, int tone, int upper);
/* The ASCII letter under cp with case kept ('Ấ' -> 'A', 'đ' -> 'd'), or cp itself. */
uint32_t sohoa_viet_base(uint32_t cp);
/* 1 if plain (lowercase, no tone) is one of the 12 vowel letters. */
int sohoa_viet_is_vowel(uint32_t plain);

/* Re-place the tone mark of every syllable in s[0..n) in the given style and append to out.
 * KEEP copies the text. Words that are not Vietnamese syllables are copied unchanged. */
int sohoa_viet_restyle(const char *s, size_t n, sohoa_tone_style style, sohoa_buf *out);

/* The canonical key of a word: lowercase, tone placed in the old style. Appends to out.
 * Two spellings of one syllable ("Hoà", "hòa") give the same key. Non-letters pass through. */
int sohoa_viet_key(const char *s, size_t n, sohoa_buf *out);

/* 1 if s[0..n) is one well-formed Vietnamese syllable in either case and either tone style
 * (onset, vowel nucleus, final consonant, and a stop final only with the acute or dot tone), else 0.
 * Used to score decodings and to decide whether a word hyphenated across a line break rejoins. */
int sohoa_viet_syllable(const char *s, size_t n);

/* Fully strip diacritics (tones and modifiers, đ -> d), keeping case. Appends to out. */
int sohoa_viet_strip(const char *s, size_t n, sohoa_buf *out);

#endif

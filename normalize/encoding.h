/* encoding: legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI, VISCII, VPS, Windows-1258) — tables,
 * decoding to UTF-8, encoding back (for tests and tools), detection by font name and by statistics.
 * Pure C, no ICU: Windows-1258 is decoded here only for detection; the driver converts it with ICU. */
#ifndef SOHOA_ENCODING_H
#define SOHOA_ENCODING_H

#include "../core/sohoa.h"

typedef enum sohoa_enc {
	SOHOA_ENC_UNICODE,     /* already Unicode: nothing to convert */
	SOHOA_ENC_TCVN3,       /* TCVN 5712:1993 VN3 (".VnTime" fonts) */
	SOHOA_ENC_TCVN3_UPPER, /* the same codes drawn with the capital "...H" fonts (".VnTimeH") */
	SOHOA_ENC_VNI,         /* VNI-Windows: letter + mark byte pairs */
	SOHOA_ENC_VISCII,
	SOHOA_ENC_VPS,
	SOHOA_ENC_CP1258,      /* Windows-1258: base letters + combining tone bytes */
	SOHOA_ENC_CP1252,      /* Western: bytes that are not Vietnamese at all */
	SOHOA_ENC_COUNT
} sohoa_enc;

/* One table row (generated into encoding-tables.c from data/encodings/NAME.tsv): the legacy bytes
 * b0 (and b1 for two-byte VNI sequences, else 0) and the Unicode code point they stand for. */
typedef struct sohoa_enc_row {
	uint8_t b0, b1;
	uint16_t cp;
} sohoa_enc_row;

/* Lowercase names: "unicode", "tcvn3", "tcvn3-upper", "vni", "viscii", "vps", "cp1258", "cp1252". */
const char *sohoa_enc_name(sohoa_enc enc);
/* The encoding a name stands for, accepting common aliases ("abc", "windows-1258", ...);
 * SOHOA_ENC_COUNT when unknown. */
sohoa_enc sohoa_enc_from_name(const char *name);
/* The encoding that a font name reveals (".VnTime", "ABCDEF+.VnTimeH,Bold", "VNI-Times", "VPS Times",
 * "VISCII ..."), or SOHOA_ENC_UNICODE when the name says nothing. */
sohoa_enc sohoa_enc_from_font(const char *font);

/* Decode legacy bytes s[0..n) to UTF-8 appended to out (NFC except Windows-1258 and TCVN3's
 * combining bytes, which give base + combining mark: compose afterwards). Bytes a table does
 * not define decode as Windows-1252. Returns 0, or -1 when out of memory. */
int sohoa_enc_decode(sohoa_enc enc, const unsigned char *s, size_t n, sohoa_buf *out);
/* Encode NFC UTF-8 into enc, appending bytes to out; characters enc cannot hold become '?'.
 * Returns the number of such characters, or -1 when out of memory. TCVN3_UPPER writes
 * capitals as the lowercase codes, as the "H" fonts expect. */
long sohoa_enc_encode(sohoa_enc enc, const char *s, size_t n, sohoa_buf *out);

/* Text that was read through a Windows-1252/Latin-1 font encoding (a PDF font with legacy codes)
 * back to its bytes. Returns 0, or 1 when a character is outside Windows-1252/Latin-1 (then the
 * text is real Unicode and out holds garbage), -1 when out of memory. */
int sohoa_enc_unmask(const char *s, size_t n, sohoa_buf *out);

/* How Vietnamese UTF-8 text looks: +2 per word with a non-ASCII letter that is a Vietnamese
 * syllable, -1 per such word that is not, -1 per control or replacement character. *good and
 * *bad (either may be NULL) get the two word counts. */
long sohoa_enc_score(const char *s, size_t n, long *good, long *bad);

/* Guess the encoding of 8-bit bytes (up to the first 64 KiB are looked at) by decoding with every
 * candidate and scoring the result; a winner needs at least 80% of its non-ASCII words to be
 * syllables. Returns SOHOA_ENC_CP1252 when no candidate looks Vietnamese;
 * *score (may be NULL) gets the winner's score. */
sohoa_enc sohoa_enc_detect(const unsigned char *s, size_t n, long *score);

#endif

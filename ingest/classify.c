/* classify: is a page's text layer usable, or should OCR read the page? Measures the text (bad
 * characters, letters, word shapes, Vietnamese marks, legacy-encoding patterns) and the image
 * coverage, and names the reason. The thresholds are shares, not counts tied to any document. */
#include "classify.h"
#include "../core/sohoa.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define LITTLE_TEXT 200        /* chars: fewer than this over a full-page image is a stale OCR layer */
#define FULL_PAGE_IMAGE 0.80f  /* image covers this share of the page */
#define BAD_SHARE 0.05         /* U+FFFD, controls, private use */
#define ODD_SHARE 0.30         /* neither letter, digit, space nor common punctuation */
#define LEGACY_SHARE 0.12      /* words with TCVN3/VNI patterns, no legacy font name */
#define LEGACY_FONT_SHARE 0.03 /* the same with a legacy font name on the page */
#define MIN_WORDS 25           /* below this, word statistics decide nothing */
#define VIET_SHAPE_SHARE 0.60  /* words shaped like Vietnamese syllables */
#define MARKED_SHARE 0.50      /* fewer marked syllables than this is "without diacritics" */

/* The ASCII letter under a Vietnamese letter (lowercase), 0 if cp is not one. *marked is set when
 * cp carries a diacritic (or is đ). */
static int viet_base(uint32_t cp, int *marked)
{
	*marked = 0;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return (int)(cp - 'A' + 'a');
		return cp >= 'a' && cp <= 'z' ? (int)cp : 0;
	}
	*marked = 1;
	if (cp >= 0xC0 && cp <= 0xFF) {
		static const char l1[] = "aaaaaaaceeeeiiii" "dnooooo ouuuuy  " "aaaaaaaceeeeiiii" "dnooooo ouuuuy y";
		char c = l1[cp - 0xC0];
		return c == ' ' ? (*marked = 0) : c;
	}
	switch (cp) {
	case 0x102: case 0x103: return 'a';
	case 0x110: case 0x111: return 'd';
	case 0x128: case 0x129: return 'i';
	case 0x168: case 0x169: return 'u';
	case 0x1A0: case 0x1A1: return 'o';
	case 0x1AF: case 0x1B0: return 'u';
	}
	if (cp >= 0x1EA0 && cp <= 0x1EB7) return 'a';
	if (cp >= 0x1EB8 && cp <= 0x1EC7) return 'e';
	if (cp >= 0x1EC8 && cp <= 0x1ECB) return 'i';
	if (cp >= 0x1ECC && cp <= 0x1EE3) return 'o';
	if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'u';
	if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'y';
	*marked = 0;
	return 0;
}

static int is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* 1 if w (lowercase ASCII) has the shape onset + 1..3 vowels + coda of a Vietnamese syllable. */
static int viet_shape(const char *w, size_t n)
{
	static const char *const onsets[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
					     "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
					     "v", "x", "", NULL};
	static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL};
	if (n == 0 || n > 7)
		return 0;
	for (size_t o = 0; onsets[o]; o++) {
		size_t ol = strlen(onsets[o]);
		if (ol > n || memcmp(w, onsets[o], ol))
			continue;
		size_t v = ol;
		while (v < n && is_vowel(w[v]))
			v++;
		size_t nv = v - ol;
		if (nv == 0 && !(ol == 2 && !memcmp(w, "gi", 2))) /* "gì", "gìn": the i is the vowel */
			continue;
		if (nv > 3)
			continue;
		for (size_t c = 0; codas[c]; c++)
			if (strlen(codas[c]) == n - v && !memcmp(w + v, codas[c], n - v))
				return 1;
	}
	return 0;
}

static int is_bad(uint32_t cp)
{
	if (cp == 0xFFFD || cp == 0xFFFE || cp == 0xFFFF || cp == 0x7F)
		return 1;
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f';
	if (cp >= 0x80 && cp < 0xA0)
		return 1;
	return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

/* TCVN3 read as Latin-1 puts symbols in the middle of words: "c¸c", "®Þnh", "c«ng". */
static int tcvn_sign(uint32_t cp)
{
	return cp >= 0xA1 && cp <= 0xBF && cp != 0xB0 && cp != 0xA7 && cp != 0xBA;
}

/* VNI read as Latin-1 uses Latin-1 letters that Vietnamese never has: "Vieät", "ñöôïc". TCVN3
 * uses a few of them too (Þ, ×); the symbol count above tells them apart. */
static int vni_sign(uint32_t cp)
{
	static const uint32_t s[] = {0xC4, 0xC5, 0xC6, 0xC7, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1, 0xD6, 0xD8, 0xDB,
				     0xDC, 0xDE, 0xE4, 0xE5, 0xE6, 0xE7, 0xEB, 0xEE, 0xEF, 0xF0, 0xF1, 0xF6,
				     0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		if (s[i] == cp)
			return 1;
	return 0;
}

static int ascii_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Which legacy encoding a font name says, or NULL: ".VnTime", ".VnArialH" (TCVN3), "VNI-Times". */
static const char *font_legacy(const char *name)
{
	if (!name)
		return NULL;
	const char *plus = strchr(name, '+');
	if (plus && plus - name == 6)
		name = plus + 1;
	if (!strncasecmp(name, ".vn", 3) || !strncasecmp(name, "vn3-", 4) || !strncasecmp(name, "abc", 3))
		return "tcvn3";
	if (!strncasecmp(name, "vni-", 4) || !strncasecmp(name, "vni ", 4) || !strncasecmp(name, "vni_", 4))
		return "vni";
	return NULL;
}

static void verdict(ingest_verdict *v, ingest_text_kind kind, const char *enc)
{
	v->kind = kind;
	v->usable = kind == INGEST_TEXT_OK || kind == INGEST_TEXT_LEGACY;
	v->encoding = enc;
}

/* The counts of v over the text s[0..n), in one pass over words (runs of non-space
 * characters); returns the count of odd characters (symbols, dingbats, stray ASCII). */
static size_t count_text(const char *s, size_t n, ingest_verdict *v)
{
	size_t odd = 0;
	char w[16];
	size_t wl = 0, wletters = 0;
	int wmarked = 0, wascii_ok = 1, wtcvn = 0, wvni = 0;
	uint32_t prev = ' ';
	for (size_t i = 0; i <= n;) {
		uint32_t cp = ' ';
		size_t used = 1;
		if (i < n)
			used = sohoa_utf8_decode(s + i, n - i, &cp);
		int space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0;
		if (space) {
			if (wletters) {
				v->words++;
				if (wascii_ok && wl == wletters && viet_shape(w, wl)) {
					v->viet_words++;
					if (wmarked)
						v->marked_words++;
				}
				v->tcvn_words += wtcvn > 0;
				v->vni_words += wvni > 0;
			}
			wl = wletters = 0;
			wmarked = wtcvn = wvni = 0;
			wascii_ok = 1;
			prev = ' ';
			i += used;
			continue;
		}
		v->chars++;
		int marked = 0, base = viet_base(cp, &marked);
		int combining = cp >= 0x300 && cp <= 0x36F;
		if (is_bad(cp)) {
			v->bad++;
		} else if (base || combining) {
			v->letters += !combining;
			if (combining) {
				wmarked = 1;
			} else {
				wmarked |= marked;
				wletters++;
				if (wl < sizeof w)
					w[wl++] = (char)base;
				else
					wascii_ok = 0;
			}
		} else if (cp >= 0x80 && (cp < 0x2000 || cp > 0x206F) && !(cp >= 0xA0 && cp <= 0x24F)) {
			/* letters of other scripts count as letters; symbols and dingbats as odd */
			if ((cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1FFF)) {
				v->letters++;
				wletters++;
				wascii_ok = 0;
			} else {
				odd++;
			}
		} else if (cp >= 0xA0 && cp <= 0x24F) {
			/* Latin-1 symbols and non-Vietnamese Latin letters: legacy-encoding candidates */
			if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) {
				v->letters++;
				wletters++;
			} else {
				odd += cp != 0xA9 && cp != 0xAB && cp != 0xBB && cp != 0xB0 && cp != 0xA7;
			}
			wascii_ok = 0;
		} else if (cp < 0x80 && !(cp >= '0' && cp <= '9') && !strchr(".,;:!?()[]{}\"'-/%&*+=<>_#@$|\\~^`", (int)cp)) {
			odd++;
		}
		/* legacy patterns: the sign next to an ASCII letter inside the word */
		if (tcvn_sign(cp) && (ascii_letter(prev) || (i + used < n && ascii_letter((uint8_t)s[i + used]))))
			wtcvn++;
		if (vni_sign(cp) && (ascii_letter(prev) || (i + used < n && ascii_letter((uint8_t)s[i + used]))))
			wvni++;
		prev = cp;
		i += used;
	}
	return odd;
}

/* The verdict from the counts in v, odd characters among them, and the page's fonts and
 * image. */
static void decide(const ingest_page_info *in, size_t odd, ingest_verdict *v)
{
	const char *font_enc = NULL, *font_name = NULL;
	for (size_t i = 0; i < in->nfonts && !font_enc; i++)
		if ((font_enc = font_legacy(in->fonts[i])))
			font_name = in->fonts[i];

	if (v->chars == 0) {
		verdict(v, INGEST_TEXT_NONE, NULL);
		snprintf(v->reason, sizeof v->reason, "no text layer");
		return;
	}
	if (in->image_cover >= FULL_PAGE_IMAGE && v->chars < LITTLE_TEXT) {
		verdict(v, INGEST_TEXT_SCAN_LAYER, NULL);
		snprintf(v->reason, sizeof v->reason, "little text over a full-page image (%zu characters)", v->chars);
		return;
	}
	double words = v->words ? (double)v->words : 1;
	size_t legacy_words = v->tcvn_words > v->vni_words ? v->tcvn_words : v->vni_words;
	double legacy = legacy_words / words;
	if (v->words && (legacy >= LEGACY_SHARE || (font_enc && legacy >= LEGACY_FONT_SHARE))) {
		const char *enc = v->tcvn_words >= v->vni_words ? "tcvn3" : "vni";
		if (font_enc && legacy < LEGACY_SHARE)
			enc = font_enc;
		verdict(v, INGEST_TEXT_LEGACY, enc);
		snprintf(v->reason, sizeof v->reason, "legacy %s text (%.0f%% of words)%s%.60s", enc, 100 * legacy,
			 font_name ? ", font " : "", font_name ? font_name : "");
		return;
	}
	double bad = (double)v->bad / (double)v->chars;
	if (bad >= BAD_SHARE) {
		verdict(v, INGEST_TEXT_GARBAGE, NULL);
		snprintf(v->reason, sizeof v->reason, "garbage text (%.0f%% bad characters)", 100 * bad);
		return;
	}
	double oddshare = (double)odd / (double)v->chars;
	if (v->chars >= 40 && oddshare >= ODD_SHARE) {
		verdict(v, INGEST_TEXT_GARBAGE, NULL);
		snprintf(v->reason, sizeof v->reason, "garbage text (%.0f%% symbols)", 100 * oddshare);
		return;
	}
	if (v->chars >= 200 && v->letters > 20 * (v->words + 1)) {
		verdict(v, INGEST_TEXT_GARBAGE, NULL);
		snprintf(v->reason, sizeof v->reason, "garbage text (%.0f letters a word)", (double)v->letters / words);
		return;
	}
	if (in->image_cover >= FULL_PAGE_IMAGE && v->words >= MIN_WORDS && v->viet_words < VIET_SHAPE_SHARE * v->words) {
		verdict(v, INGEST_TEXT_SCAN_LAYER, NULL);
		snprintf(v->reason, sizeof v->reason, "an OCR layer over a full-page image, %.0f%% of its words Vietnamese",
			 100.0 * v->viet_words / words);
		return;
	}
	if (v->words >= MIN_WORDS && v->viet_words >= VIET_SHAPE_SHARE * v->words &&
	    v->marked_words < MARKED_SHARE * v->viet_words) {
		verdict(v, INGEST_TEXT_NO_MARKS, NULL);
		snprintf(v->reason, sizeof v->reason, "vietnamese without diacritics (%.0f%% of syllables marked)",
			 100.0 * v->marked_words / (double)v->viet_words);
		return;
	}
	verdict(v, INGEST_TEXT_OK, NULL);
	snprintf(v->reason, sizeof v->reason, "text layer ok");
}

void ingest_classify(const ingest_page_info *in, ingest_verdict *v)
{
	memset(v, 0, sizeof *v);
	size_t odd = count_text(in->text ? in->text : "", in->text ? in->len : 0, v);
	decide(in, odd, v);
}

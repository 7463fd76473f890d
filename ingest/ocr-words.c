/* OCR words judged by their characters: letters and digits, speckle words, edge junk. Plain C
 * (no Tesseract, no Leptonica), shared by the OCR adapter (ocr.c). */
#include "ocr-int.h"

#include "../core/sohoa.h"

#include <stdint.h>
#include <string.h>

/* A letter or digit of any script (Latin with Vietnamese, Greek, Cyrillic, CJK...), as opposed
 * to punctuation, symbols, modifier letters like U+02C6 and combining marks. */
int ocr_is_wordish(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return 0;
	if (c <= 0x24F || (c >= 0x370 && c <= 0x1FFF && !(c >= 0x2B0 && c <= 0x36F)))
		return 1;
	return c >= 0x3040 && !(c >= 0xFE00 && c <= 0xFE6F) && !(c >= 0xFF00 && c <= 0xFF20);
}

/* Speckles and rule fragments that Tesseract reads as words: white space only, or no letter or
 * digit at all with a low confidence or a box far smaller than any character of its line (w and
 * h relative to the line's height). A confident "-" (a list bullet) stays. */
int ocr_is_noise(const ocr_tuning *t, const char *w, float conf, float w_rel, float h_rel)
{
	size_t n = strlen(w);
	int wordish = 0, blank = 1;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(w + i, n - i, &c);
		if (c != ' ' && c != '\t' && c != 0xA0)
			blank = 0;
		if (ocr_is_wordish(c))
			wordish = 1;
	}
	return blank || (!wordish && (conf < t->noise_conf || (w_rel < t->noise_rel && h_rel < t->noise_rel)));
}

/* Characters that Vietnamese print never has at the edge of a word but that table rules, specks
 * and underlines give at the edge of OCR words: '|' '_' '~' '^' '`' and the spacing circumflex and
 * tilde (U+02C6, U+02DC). */
static int is_edge_junk(uint32_t c)
{
	return c == '|' || c == '_' || c == '~' || c == '^' || c == '`' || c == 0x2C6 || c == 0x2DC;
}

/* Trim edge junk from the UTF-8 word w in place (it may become empty). */
void ocr_trim_junk(char *w)
{
	size_t n = strlen(w), a = n, b = n; /* keep w[a..b): first to last character not junk */
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t k = sohoa_utf8_decode(w + i, n - i, &c);
		if (!is_edge_junk(c)) {
			if (a == n)
				a = i;
			b = i + k;
		}
		i += k;
	}
	memmove(w, w + a, b - a);
	w[b - a] = '\0';
}

/* Unicode cleanup of one line: look-alike letters that OCR engines and PDF producers emit, odd
 * spaces and invisible characters, ligatures, marks split from their letter, then NFC (through
 * core/icu.h, only when the line may not be NFC already). Real content is left alone. */
#include "normalize-int.h"
#include "../core/icu.h"

#include <string.h>

/* Cyrillic and Greek letters that look like Latin ones; mapped only inside words that also hold
 * Latin letters, so Russian or Greek words stay as they are. */
static uint32_t homoglyph(uint32_t cp)
{
	switch (cp) {
	case 0x0430: return 'a'; case 0x0435: return 'e'; case 0x043E: return 'o'; case 0x0440: return 'p';
	case 0x0441: return 'c'; case 0x0443: return 'y'; case 0x0445: return 'x'; case 0x0456: return 'i';
	case 0x0458: return 'j'; case 0x0455: return 's'; case 0x04BB: return 'h'; case 0x0452: return 0x111;
	case 0x0410: return 'A'; case 0x0412: return 'B'; case 0x0415: return 'E'; case 0x041A: return 'K';
	case 0x041C: return 'M'; case 0x041D: return 'H'; case 0x041E: return 'O'; case 0x0420: return 'P';
	case 0x0421: return 'C'; case 0x0422: return 'T'; case 0x0425: return 'X'; case 0x0406: return 'I';
	case 0x0408: return 'J'; case 0x0405: return 'S'; case 0x0423: return 'Y';
	case 0x03BF: return 'o'; case 0x03B1: return 'a'; case 0x03BD: return 'v'; case 0x03B9: return 'i';
	case 0x0391: return 'A'; case 0x0392: return 'B'; case 0x0395: return 'E'; case 0x0396: return 'Z';
	case 0x0397: return 'H'; case 0x0399: return 'I'; case 0x039A: return 'K'; case 0x039C: return 'M';
	case 0x039D: return 'N'; case 0x039F: return 'O'; case 0x03A1: return 'P'; case 0x03A4: return 'T';
	case 0x03A5: return 'Y'; case 0x03A7: return 'X';
	}
	return 0;
}

static int is_latin_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp < 0x1F00);
}

static int is_letterish(uint32_t cp)
{
	return is_latin_letter(cp) || (cp >= 0x370 && cp < 0x530) || (cp >= 0x300 && cp < 0x370);
}

/* Characters whose NFC form is themselves whatever follows them — ASCII aside, the Latin blocks
 * and the punctuation we keep — so a line made only of them needs no ICU call. */
static int nfc_stable(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2010 && cp < 0x20D0);
}

static int put(sohoa_buf *out, uint32_t cp)
{
	char u[4];
	return sohoa_buf_append(out, u, sohoa_utf8_encode(cp, u));
}

/* The end of the run of letters (and marks) that starts at s[i] (i itself when s[i] is none);
 * *mixed tells whether the run holds Latin letters and other ones that all have a Latin look-alike. */
static size_t letter_run(const char *s, size_t n, size_t i, int *mixed)
{
	int latin = 0, foreign = 0, mappable = 1;
	while (i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + i, n - i, &cp);
		if (!is_letterish(cp))
			break;
		if (is_latin_letter(cp))
			latin = 1;
		else if (cp >= 0x370) {
			foreign = 1;
			mappable &= homoglyph(cp) != 0;
		}
		i += k;
	}
	*mixed = latin && foreign && mappable;
	return i;
}

/* Map homoglyphs inside mixed words of s[0..n), appending to out. */
static int fix_homoglyphs(const char *s, size_t n, sohoa_buf *out)
{
	for (size_t i = 0; i < n;) {
		int mixed;
		size_t j = letter_run(s, n, i, &mixed);
		if (j == i) { /* not a letter: copied */
			uint32_t cp;
			j = i + sohoa_utf8_decode(s + i, n - i, &cp);
			if (sohoa_buf_append(out, s + i, j - i))
				return -1;
		} else if (!mixed) {
			if (sohoa_buf_append(out, s + i, j - i))
				return -1;
		} else {
			for (size_t p = i; p < j;) {
				uint32_t cp;
				p += sohoa_utf8_decode(s + p, j - p, &cp);
				uint32_t h = cp >= 0x370 ? homoglyph(cp) : 0;
				if (put(out, h ? h : cp))
					return -1;
			}
		}
		i = j;
	}
	return 0;
}

/* Decode one code point; two- and three-byte forms inline (the Vietnamese letters), the rest and
 * anything malformed through sohoa_utf8_decode. */
static inline size_t decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && (u[0] & 0xE0) == 0xC0 && u[0] >= 0xC2 && (u[1] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	if (n >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		uint32_t c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	return sohoa_utf8_decode(s, n, cp);
}

/* Code points copied as they are: NFC-stable and not one of the characters we map. */
static inline int plain_cp(uint32_t cp)
{
	if (cp >= 0xA1 && cp < 0x300)
		return cp != 0xAD && cp != 0xD0 && cp != 0xF0 && cp != 0x189 && cp != 0x256;
	return (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2012 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E);
}

/* Combining marks that NFC left standing after a letter: a mark no letter composes with there,
 * which for Vietnamese is a second tone the OCR stacked on one ("ĐIỆ̣N": Ệ and a dot below).
 * Removed from out[from..], so that no stray mark reaches the output. */
static void drop_stray_marks(sohoa_buf *out, size_t from)
{
	size_t w = from;
	uint32_t prev = 0;
	for (size_t i = from; i < out->len;) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(out->data + i, out->len - i, &cp);
		if (cp >= 0x300 && cp < 0x370 && is_latin_letter(prev)) {
			i += k;
			continue;
		}
		memmove(out->data + w, out->data + i, k);
		w += k;
		i += k;
		prev = cp;
	}
	out->len = w;
	if (out->data)
		out->data[w] = 0;
}

sohoa_status norm_unicode_line(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out, sohoa_buf *tmp)
{
	/* ASCII fast path: only controls to drop. */
	size_t i = 0;
	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	if (i == n)
		return sohoa_buf_append(out, s, n) ? sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory") : SOHOA_OK;

	tmp->len = 0;
	int need_nfc = 0, foreign = 0;
	/* The end of the content, so that a soft hyphen there (a hyphenation point) is kept. */
	size_t end = n;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	size_t run = 0; /* start of the bytes copied unchanged */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			k = decode(s + i, n - i, &cp);
			if (plain_cp(cp) && !(k == 1)) {
				i += k;
				continue;
			}
		} else {
			cp = c;
			k = 1;
		}
		if (i > run && sohoa_buf_append(tmp, s + run, i - run))
			goto nomem;
		i += k;
		run = i;
		if (cp < 0x80) {
			if (cp == '\t' && sohoa_buf_append(tmp, "\t", 1))
				goto nomem;
			continue; /* other controls go */
		}
		if (k == 1 && cp == 0xFFFD) { /* a byte that is not UTF-8: U+FFFD */
			if (put(tmp, cp))
				goto nomem;
			continue;
		}
		uint32_t r = cp;
		switch (cp) {
		case 0x00A0: case 0x2007: case 0x202F: case 0x205F: case 0x3000: r = ' '; break;
		case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: r = 0; break;
		case 0x00AD: r = i >= end ? 0xAD : 0; break; /* soft hyphen: keep only at the line end */
		case 0x00D0: case 0x0189: r = 0x110; break;  /* Ð (eth), Ɖ (African D) -> Đ */
		case 0x00F0: case 0x0256: r = 0x111; break;  /* ð, ɖ -> đ */
		case 0x2010: case 0x2011: r = '-'; break;
		case 0xFB00: r = 0; if (sohoa_buf_puts(tmp, "ff")) goto nomem; break;
		case 0xFB01: r = 0; if (sohoa_buf_puts(tmp, "fi")) goto nomem; break;
		case 0xFB02: r = 0; if (sohoa_buf_puts(tmp, "fl")) goto nomem; break;
		case 0xFB03: r = 0; if (sohoa_buf_puts(tmp, "ffi")) goto nomem; break;
		case 0xFB04: r = 0; if (sohoa_buf_puts(tmp, "ffl")) goto nomem; break;
		case 0xFB05: case 0xFB06: r = 0; if (sohoa_buf_puts(tmp, "st")) goto nomem; break;
		default:
			if (cp >= 0x80 && cp < 0xA0)
				r = 0; /* C1 controls */
			else if (cp >= 0x2000 && cp <= 0x200A)
				r = ' ';
		}
		if (!r)
			continue;
		if (r >= 0x300 && r < 0x370) {
			/* A mark split from its letter by a space: "a ̀" -> "à". */
			if (tmp->len >= 2 && tmp->data[tmp->len - 1] == ' ' && tmp->data[tmp->len - 2] != ' ')
				tmp->len--;
			need_nfc = 1;
		}
		if (r >= 0x370 && r < 0x530 && homoglyph(r))
			foreign = 1;
		if (!nfc_stable(r))
			need_nfc = 1;
		if (put(tmp, r))
			goto nomem;
	}
	if (i > run && sohoa_buf_append(tmp, s + run, i - run))
		goto nomem;
	const char *t = tmp->data ? tmp->data : "";
	size_t tn = tmp->len;
	sohoa_buf hg = {0};
	if (foreign) {
		if (fix_homoglyphs(t, tn, &hg)) {
			sohoa_buf_free(&hg);
			goto nomem;
		}
		t = hg.data;
		tn = hg.len;
	}
	sohoa_status st = SOHOA_OK;
	size_t from = out->len;
	if (need_nfc && !sohoa_icu_is_nfc(t, tn))
		st = sohoa_icu_nfc(ctx, t, tn, out);
	else if (sohoa_buf_append(out, t, tn))
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_buf_free(&hg);
	if (st == SOHOA_OK && need_nfc)
		drop_stray_marks(out, from);
	return st;
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}

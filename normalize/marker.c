/* marker: the one place that knows what a line of a Vietnamese administrative document starts
 * with — a heading number ("I.", "1.2.", "a)", "Điều 5.") or a bullet ("-", "+", "•") — read two
 * ways: the block reading for reflow (layout.c) and the outline reading for the extractors' section
 * tree (extract/rules.c). See normalize.h for both contracts. */
#include "normalize-int.h"
#include "../core/viet.h"

#include <ctype.h>
#include <string.h>

int norm_letter_case(uint32_t cp)
{
	uint32_t plain;
	int tone, upper;
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z' ? -1 : cp >= 'A' && cp <= 'Z' ? 1 : 0;
	if (sohoa_viet_letter(cp, &plain, &tone, &upper))
		return upper ? 1 : -1;
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
		return 1;
	if ((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F))
		return -1;
	return 0;
}

/* The Vietnamese letters of s[0..n) and, in *lower, how many are lowercase; with stop, the count
 * ends at the first lowercase letter. */
static size_t count_letters(const char *s, size_t n, size_t *lower, int stop)
{
	size_t letters = 0, low = 0, i = 0;
	while (i < n) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (sohoa_viet_letter(cp, &plain, &tone, &upper)) {
			letters++;
			if (!upper) {
				low++;
				if (stop)
					break;
			}
		}
	}
	*lower = low;
	return letters;
}

size_t sohoa_letters(const char *s, size_t n, size_t *lower)
{
	size_t low;
	size_t letters = count_letters(s, n, &low, 0);
	if (lower)
		*lower = low;
	return letters;
}

int sohoa_caps(const char *s, size_t n)
{
	size_t lower;
	return count_letters(s, n, &lower, 1) >= 2 && lower == 0;
}

/* ---- the pieces both readings are made of ---- */

/* The end of the run of Roman numeral letters (from `letters`) at s[b..n). OCR reads the I of "II"
 * as l ("Il."): an 'l' continues a run that starts with 'I'; *ocr_l says whether one did. */
static size_t roman_run(const char *s, size_t n, size_t b, const char *letters, int *ocr_l)
{
	size_t r = b;
	*ocr_l = 0;
	while (r < n && s[r] && (strchr(letters, s[r]) || (s[r] == 'l' && r > b && s[b] == 'I'))) {
		*ocr_l |= s[r] == 'l';
		r++;
	}
	return r;
}

/* 1 for the ASCII bullet marks "-", "+", "*" (which are also signs: what follows decides), 2 for
 * the typographic ones ("•", "–", "—", "·", "▪", "►", "○", "●", "◦", Symbol's U+F0B7), else 0. */
static int bullet_glyph(uint32_t cp)
{
	switch (cp) {
	case '-': case '+': case '*':
		return 1;
	case 0x2022: case 0x2013: case 0x2014: case 0xB7: case 0x25AA: case 0x25BA: case 0x25CB: case 0x25CF:
	case 0x25E6: case 0xF0B7:
		return 2;
	}
	return 0;
}

/* A single letter closed by ')' or '.' and a space at s[i..n): its code point in *cp and its byte
 * length, or 0. */
static size_t letter_mark(const char *s, size_t n, size_t i, uint32_t *cp, char *close)
{
	if (i >= n)
		return 0;
	size_t used = sohoa_utf8_decode(s + i, n - i, cp);
	if (i + used + 1 >= n || (s[i + used] != ')' && s[i + used] != '.') || s[i + used + 1] != ' ')
		return 0;
	*close = s[i + used];
	return used;
}

/* ---- the block reading ---- */

/* "Điều 5", "CHƯƠNG II", "Mục 1", "Phần I": a word of the legal outline, then a number. */
static int article_at(const char *s, size_t n)
{
	static const char *const words[] = {"Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN"};
	unsigned char f = n ? (unsigned char)s[0] : 0;
	if (f != 'C' && f != 'M' && f != 'P' && f != 0xC4)
		return 0;
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = strlen(words[w]);
		if (n > k && !strncmp(s, words[w], k) && s[k] == ' ' && k + 1 < n &&
		    (isdigit((unsigned char)s[k + 1]) || (s[k + 1] && strchr("IVXLC", s[k + 1]))))
			return 1;
	}
	return 0;
}

/* "1.", "1.1.", "1. 1.", "1.2", "1)" followed by a space: NUMBER; a group of four or more digits
 * (a year, an amount): FIGURE; else NONE. */
static sohoa_marker_kind number_block(const char *s, size_t n)
{
	size_t i = 0;
	int groups = 0, dotted = 0;
	while (i < n && isdigit((unsigned char)s[i])) {
		size_t d = i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i - d > 3)
			return SOHOA_MARK_FIGURE;
		groups++;
		if (i < n && (s[i] == '.' || s[i] == ')')) {
			dotted = 1;
			if (s[i] == ')') {
				i++;
				break;
			}
			i++;
			if (i + 1 < n && s[i] == ' ' && isdigit((unsigned char)s[i + 1]))
				i++; /* "1. 1." */
		} else {
			break;
		}
	}
	if (groups > 0 && i < n && s[i] == ' ' && dotted && (s[i - 1] == '.' || s[i - 1] == ')' || groups > 1))
		return SOHOA_MARK_NUMBER;
	return SOHOA_MARK_NONE;
}

sohoa_marker_kind sohoa_marker_block(const char *s, size_t n)
{
	if (!n)
		return SOHOA_MARK_NONE;
	if (article_at(s, n))
		return SOHOA_MARK_ARTICLE;
	int ocr_l;
	size_t r = roman_run(s, n, 0, "IVXLC", &ocr_l);
	if (r > 0 && r + 1 < n && (s[r] == '.' || s[r] == ')') && s[r + 1] == ' ')
		return SOHOA_MARK_ROMAN;
	/* "A." / "a)" / "đ)": any cased letter before ')', a capital before '.' */
	uint32_t cp;
	char close;
	if (letter_mark(s, n, 0, &cp, &close)) {
		int lc = norm_letter_case(cp);
		if (lc && (close == ')' || lc > 0))
			return SOHOA_MARK_LETTER;
	}
	/* "(1)", "(a)", "(12b)" */
	if (s[0] == '(') {
		size_t j = 1;
		while (j < n && j < 6 && (isdigit((unsigned char)s[j]) || islower((unsigned char)s[j])))
			j++;
		if (j > 1 && j + 1 < n && s[j] == ')' && s[j + 1] == ' ')
			return isdigit((unsigned char)s[1]) ? SOHOA_MARK_NUMBER : SOHOA_MARK_LETTER;
	}
	sohoa_marker_kind k = number_block(s, n);
	if (k != SOHOA_MARK_NONE)
		return k;
	size_t i = 0;
	uint32_t b = norm_cp_at(s, n, &i);
	int g = bullet_glyph(b);
	if (g == 2)
		return SOHOA_MARK_BULLET;
	if (g == 1 && i < n) { /* a sign unless a space or a capital follows: "- Nội dung", "-Nội dung" */
		uint32_t nx = norm_cp_at(s, n, &i);
		if (nx == ' ' || norm_letter_case(nx) > 0)
			return SOHOA_MARK_BULLET;
	}
	return SOHOA_MARK_NONE;
}

/* ---- the outline reading ---- */

/* Roman numerals, at most five letters of I, V, X (the outline's parts): "II. Title" or "II) 1…"
 * (after '.' or ')' anything but a lowercase letter), "III TITLE IN CAPITALS" (no dot: the rest in
 * capitals), and "IV" alone on its line (two letters or more; the title follows on the next line).
 * OCR's "Il." counts only with its dot. Returns 1 and fills m, else 0. */
static int roman_outline(const char *s, size_t n, size_t b, sohoa_marker *m)
{
	int ocr_l;
	size_t r = roman_run(s, n, b, "IVX", &ocr_l);
	if (r == b || r - b > 5)
		return 0;
	char rom[8];
	for (size_t k = b; k < r; k++)
		rom[k - b] = s[k] == 'l' ? 'I' : s[k];
	rom[r - b] = 0;
	if (!ocr_l && r - b >= 2) { /* alone: "IV" / "CHỈ SỐ …" on the next line */
		size_t t = r;
		while (t < n && (s[t] == ' ' || s[t] == '\t' || s[t] == '.'))
			t++;
		if (t >= n) {
			memcpy(m->id, rom, r - b + 1);
			m->title = n;
			return 1;
		}
	}
	if (ocr_l && !(r < n && s[r] == '.' && s[b] == 'I'))
		return 0;
	int dot = r < n && (s[r] == '.' || s[r] == ')');
	size_t t = r + (size_t)dot;
	if (t >= n || s[t] != ' ')
		return 0;
	while (t < n && s[t] == ' ')
		t++;
	if (t >= n || (dot ? islower((unsigned char)s[t]) : !sohoa_caps(s + t, n - t)))
		return 0;
	uint32_t cp, plain;
	int tone, upper = 0;
	sohoa_utf8_decode(s + t, n - t, &cp);
	if (!isdigit((unsigned char)s[t]) && !(sohoa_viet_letter(cp, &plain, &tone, &upper) && upper))
		return 0;
	memcpy(m->id, rom, r - b + 1);
	m->title = t;
	return 1;
}

/* Arabic numbers of one or two digits a part: "1.", "1.2.", "1. 1.", "2)", "1.7.2 Title", and a
 * table code of two parts or more alone on its line ("1.6": the title follows). A number in a title
 * ("1.5%", "1. 2024") is none. Returns 1 and fills m, else 0. */
static int number_outline(const char *s, size_t n, size_t i, sohoa_marker *m)
{
	char buf[32];
	size_t bl = 0, j = i;
	int p = 0, ended = 0;
	for (;;) {
		size_t d = j;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		if (j - d == 0 || j - d > 2 || bl + (j - d) + 2 >= sizeof buf)
			return 0;
		if (p)
			buf[bl++] = '.';
		memcpy(buf + bl, s + d, j - d);
		bl += j - d;
		p++;
		if (j < n && s[j] == ')') {
			j++;
			ended = 1;
			break;
		}
		if (j < n && s[j] == '.') {
			size_t k = j + 1;
			if (k < n && s[k] == ' ')
				k++;
			if (k < n && isdigit((unsigned char)s[k])) {
				/* "1. 1." or "1.2": another part unless it is a number in a title */
				size_t e = k;
				while (e < n && isdigit((unsigned char)s[e]))
					e++;
				if (e - k <= 2 && (e >= n || s[e] == '.' || s[e] == ' ' || s[e] == ')')) {
					j = k;
					continue;
				}
			}
			j++;
			ended = 1;
		}
		break;
	}
	if ((!ended && p < 2) || (j < n && s[j] != ' ' && s[j] != '\t'))
		return 0;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j >= n && p >= 2 && !ended) /* a table code alone on its line ("1.6"): title below */
		j = n;
	else if (j >= n || s[j] == '%' || isdigit((unsigned char)s[j]))
		return 0;
	buf[bl] = 0;
	memcpy(m->id, buf, bl + 1);
	m->parts = p;
	m->title = j;
	return 1;
}

/* "-", "+", "*" before a space or tab; "•" before anything; "–", "—" before a space. */
static int bullet_outline(const char *s, size_t n, size_t i, sohoa_marker *m)
{
	uint32_t cp;
	size_t k = i;
	if (i >= n)
		return 0;
	k += sohoa_utf8_decode(s + i, n - i, &cp);
	int g = bullet_glyph(cp);
	if (!(g == 1 && k < n && (s[k] == ' ' || s[k] == '\t')) && cp != 0x2022 &&
	    !((cp == 0x2013 || cp == 0x2014) && k < n && s[k] == ' '))
		return 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	m->title = k;
	return 1;
}

sohoa_marker_kind sohoa_marker_outline(const char *s, size_t n, sohoa_marker *m)
{
	memset(m, 0, sizeof *m);
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (roman_outline(s, n, i, m))
		return m->kind = SOHOA_MARK_ROMAN;
	if (i < n && isdigit((unsigned char)s[i]))
		return m->kind = number_outline(s, n, i, m) ? SOHOA_MARK_NUMBER : SOHOA_MARK_NONE;
	/* "a)", "đ)" */
	uint32_t cp;
	char close;
	size_t used = letter_mark(s, n, i, &cp, &close);
	if (used && close == ')' && ((cp >= 'a' && cp <= 'z') || cp == 0x111)) {
		memcpy(m->id, s + i, used);
		m->id[used] = 0;
		size_t t = i + used + 1;
		while (t < n && s[t] == ' ')
			t++;
		m->title = t;
		return m->kind = SOHOA_MARK_LETTER;
	}
	if (bullet_outline(s, n, i, m))
		return m->kind = SOHOA_MARK_BULLET;
	m->title = 0;
	return SOHOA_MARK_NONE;
}

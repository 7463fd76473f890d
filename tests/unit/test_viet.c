/* Unit tests for core/viet.c: letters, tone placement styles and the canonical key. */
#include "../../core/viet.h"
#include "check.h"

#include <stdlib.h>

static char *run(int (*fn)(const char *, size_t, sohoa_buf *), const char *s)
{
	sohoa_buf b = {0};
	fn(s, strlen(s), &b);
	return sohoa_buf_steal(&b);
}

static int restyle_old(const char *s, size_t n, sohoa_buf *b) { return sohoa_viet_restyle(s, n, SOHOA_TONE_OLD, b); }
static int restyle_new(const char *s, size_t n, sohoa_buf *b) { return sohoa_viet_restyle(s, n, SOHOA_TONE_NEW, b); }

static void expect(int (*fn)(const char *, size_t, sohoa_buf *), const char *in, const char *want, const char *name)
{
	char *got = run(fn, in);
	CHECK_STR(got, want, name);
	free(got);
}

/* Build a word from ASCII-ish parts: letters, with the tone on the letter at index pos (plain
 * vowels given as code points). */
static void build(char *out, const uint32_t *plain, int len, int pos, int tone, int upper)
{
	size_t k = 0;
	for (int i = 0; i < len; i++)
		k += sohoa_utf8_encode(sohoa_viet_compose(plain[i], i == pos ? tone : 0, upper), out + k);
	out[k] = 0;
}

/* Every tone on every two-vowel nucleus whose placement differs between styles (oa, oe, uy), open
 * and closed, lower and upper case, plus qu/gi initials whose u/i is not the nucleus. */
static void tone_pairs(void)
{
	static const struct { uint32_t w[5]; int len, old_pos, new_pos; const char *what; } cases[] = {
		{{'h', 'o', 'a'}, 3, 1, 2, "hoa"},
		{{'k', 'h', 'o', 'e'}, 4, 2, 3, "khoe"},
		{{'t', 'h', 'u', 'y'}, 4, 2, 3, "thuy"},
		{{'u', 'y'}, 2, 0, 1, "uy"},
		{{'o', 'a'}, 2, 0, 1, "oa"},
		{{'h', 'o', 'a', 'n'}, 4, 2, 2, "hoan (closed)"},
		{{'x', 'o', 'e', 'n'}, 4, 2, 2, "xoen (closed)"},
		{{'h', 'u', 'y', 'n', 'h'}, 5, 2, 2, "huynh (closed)"},
		{{'q', 'u', 'y'}, 3, 2, 2, "quy (qu initial)"},
		{{'q', 'u', 'a'}, 3, 2, 2, "qua (qu initial)"},
		{{'q', 'u', 'y', 'n', 'h'}, 5, 2, 2, "quynh (qu initial, closed)"},
		{{'g', 'i', 'a'}, 3, 2, 2, "gia (gi initial)"},
		{{'g', 'i', 'o', 'i'}, 4, 2, 2, "gioi (gi initial)"},
	};
	int all = 0, ok_new = 0, ok_old = 0, ok_key = 0;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
		for (int tone = 1; tone <= 5; tone++)
			for (int up = 0; up < 2; up++) {
				char old_form[64], new_form[64], label[160];
				build(old_form, cases[c].w, cases[c].len, cases[c].old_pos, tone, up);
				build(new_form, cases[c].w, cases[c].len, cases[c].new_pos, tone, up);
				char *n = run(restyle_new, old_form), *o = run(restyle_old, new_form);
				char *k1 = run(sohoa_viet_key, old_form), *k2 = run(sohoa_viet_key, new_form);
				all++;
				ok_new += !strcmp(n, new_form);
				ok_old += !strcmp(o, old_form);
				ok_key += !strcmp(k1, k2);
				if (strcmp(n, new_form) || strcmp(o, old_form) || strcmp(k1, k2)) {
					snprintf(label, sizeof label, "tone pair %s tone %d%s: %s <-> %s", cases[c].what, tone,
						 up ? " upper" : "", old_form, new_form);
					CHECK_STR(n, new_form, label);
					CHECK_STR(o, old_form, label);
					CHECK_STR(k1, k2, label);
				}
				free(n);
				free(o);
				free(k1);
				free(k2);
			}
	char label[128];
	snprintf(label, sizeof label, "old -> new style on %d tone pairs", all);
	CHECK(ok_new == all, label);
	snprintf(label, sizeof label, "new -> old style on %d tone pairs", all);
	CHECK(ok_old == all, label);
	snprintf(label, sizeof label, "one key for both styles on %d tone pairs", all);
	CHECK(ok_key == all, label);
}

int main(void)
{
	uint32_t plain;
	int tone, upper;
	CHECK(sohoa_viet_letter(0x1EA5, &plain, &tone, &upper) && plain == 0xE2 && tone == VIET_TONE_ACUTE && !upper,
	      "ấ is â with acute");
	CHECK(sohoa_viet_letter(0x110, &plain, &tone, &upper) && plain == 0x111 && upper, "Đ is upper đ");
	CHECK(!sohoa_viet_letter(0xD0, &plain, &tone, &upper), "Ð (eth) is not a Vietnamese letter");
	CHECK(sohoa_viet_compose(0x1A1, VIET_TONE_DOT, 1) == 0x1EE2, "compose Ợ");

	/* All 134 letters with a diacritic decompose and compose back. */
	int letters = 0, roundtrip = 0;
	for (uint32_t cp = 0xC0; cp < 0x1F00; cp++) {
		if (sohoa_viet_letter(cp, &plain, &tone, &upper) && (tone || plain > 0x7F)) {
			letters++;
			roundtrip += sohoa_viet_compose(plain, tone, upper) == cp;
		}
	}
	CHECK(letters == 134, "134 Vietnamese letters with diacritics");
	CHECK(roundtrip == 134, "every letter composes back");

	expect(restyle_new, "hòa thủy khỏe ủy", "hoà thuỷ khoẻ uỷ", "new style oa/uy/oe");
	expect(restyle_old, "hoà thuỷ khoẻ uỷ", "hòa thủy khỏe ủy", "old style oa/uy/oe");
	expect(restyle_new, "hoàn thuyền quý giá Hòa", "hoàn thuyền quý giá Hoà", "closed syllables and qu/gi unchanged");
	expect(restyle_old, "người được nước", "người được nước", "ươ keeps tone on ơ");
	expect(sohoa_viet_key, "Hoà", "hòa", "key folds case and style");
	expect(sohoa_viet_key, "THUỶ", "thủy", "key of caps new style");
	expect(sohoa_viet_key, "PAR INDEX", "par index", "key of non-Vietnamese words");
	expect(sohoa_viet_strip, "Độc lập - Tự do - Hạnh phúc", "Doc lap - Tu do - Hanh phuc", "strip");
	tone_pairs();
	expect(sohoa_viet_key, "HÒA Hoà hoà hòa", "hòa hòa hòa hòa", "key: all four spellings of hoà agree");
	return CHECK_DONE();
}

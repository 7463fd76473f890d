/* Unit tests for normalize/viet.c: letters, tone placement styles and the canonical key. */
#include "../../normalize/viet.h"
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
	return CHECK_DONE();
}

/* style: the tone-mark style of a text's own marked words (old "hòa, khỏe, thủy" or new "hoà,
 * khoẻ, thuỷ"), so that restored words are written the way the document writes the others. Only
 * the open syllables of two vowels oa, oe, uy (not after q) place the tone differently; every
 * other word is no evidence. */
#include "restore-int.h"

#include <string.h>

/* Vote of the letter run s[0..n): +1 new style, -1 old, 0 none. */
static int run_vote(const char *s, size_t n)
{
	wletters w;
	if (!restore_letters(s, n, &w))
		return 0;
	int end = w.n;
	while (end > 0 && !w.plain[end - 1]) /* a closing quote or dash glued to the word */
		end--;
	int i = end - 2;
	if (i < 0)
		return 0;
	uint32_t a = w.plain[i], b = w.plain[i + 1];
	if (!((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')))
		return 0;
	if (i > 0 && (w.plain[i - 1] == 0 || w.plain[i - 1] == 'q' || sohoa_viet_is_vowel(w.plain[i - 1])))
		return 0; /* "quý" (u of the onset), "ngoài"-like runs of three vowels, foreign letters */
	if (w.tone[i] && !w.tone[i + 1])
		return -1;
	if (w.tone[i + 1] && !w.tone[i])
		return 1;
	return 0;
}

static int letter_or_high(unsigned char c)
{
	return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u;
}

int restore_style_votes(const char *s, size_t n)
{
	int votes = 0;
	size_t i = 0, done = 0; /* bytes before done are counted */
	for (;;) {
		/* the next non-ASCII byte, eight bytes at a time: stripped text has few */
		for (uint64_t w; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
		}
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
		if (i >= n)
			return votes;
		/* the run of letters around it */
		size_t st = i, e = i;
		while (st > done && letter_or_high((unsigned char)s[st - 1]))
			st--;
		while (e < n && letter_or_high((unsigned char)s[e]))
			e++;
		if (e - st <= 4 * RESTORE_WORD_MAX)
			votes += run_vote(s + st, e - st);
		i = done = e;
	}
}

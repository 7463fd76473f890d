/* words: what syl-accuracy and cer-flex -w count as a word, in one place so that the two scores
 * split text the same way; see tool.h. */
#include "tool.h"
#include "../../core/viet.h"

#include <string.h>

int words_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0;
}

int words_is_letter(uint32_t cp)
{
	uint32_t plain;
	int tone, up;
	return sohoa_viet_letter(cp, &plain, &tone, &up);
}

static int edge_punct(char c)
{
	return c && strchr(",.;:!?()[]{}\"'`*", c) != NULL;
}

int words_next(const char *s, size_t n, size_t *i, size_t *start, size_t *end, size_t *line)
{
	while (*i < n) {
		uint32_t cp;
		size_t k = sohoa_utf8_decode(s + *i, n - *i, &cp);
		if (words_is_space(cp)) {
			if (line)
				*line += cp == '\n';
			*i += k;
			continue;
		}
		size_t a = *i, b = *i;
		int letters = 0;
		while (b < n) {
			k = sohoa_utf8_decode(s + b, n - b, &cp);
			if (words_is_space(cp))
				break;
			letters |= words_is_letter(cp);
			b += k;
		}
		*i = b;
		if (!letters)
			continue;
		while (a < b && edge_punct(s[a]))
			a++;
		while (b > a && edge_punct(s[b - 1]))
			b--;
		*start = a;
		*end = b;
		return 1;
	}
	return 0;
}

/* words.h: what syl-accuracy and cer-flex -w count as a word's characters, in one place so the
 * two scores split text the same way. Header-only, for tools/ programs. */
#ifndef SOHOA_TOOLS_WORDS_H
#define SOHOA_TOOLS_WORDS_H

#include <stdint.h>

#include "../core/viet.h"

/* 1 for the white space that separates words (ASCII space and controls, NBSP). */
static inline int words_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0;
}

/* 1 for a letter of Vietnamese (with or without marks, either case). */
static inline int words_is_letter(uint32_t cp)
{
	uint32_t plain;
	int tone, up;
	return sohoa_viet_letter(cp, &plain, &tone, &up);
}

#endif

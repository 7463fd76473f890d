/* Texts for the extractor tests: what normalize would hand an extractor, made from string arrays. */
#ifndef SOHOA_TEST_TEXT_FIXTURE_H
#define SOHOA_TEST_TEXT_FIXTURE_H

#include <stdlib.h>

/* A text of one line per element of lines[] (page 1, lines numbered from 1); the caller frees it
 * with sohoa_text_free. */
static sohoa_text *text_of_lines(const char *const *lines, size_t n)
{
	sohoa_text *t = calloc(1, sizeof *t);
	t->doc = sohoa_strdup("t");
	t->lines = calloc(n, sizeof *t->lines);
	for (size_t i = 0; i < n; i++) {
		t->lines[i].text = sohoa_strdup(lines[i]);
		t->lines[i].page = t->lines[i].page_end = 1;
		t->lines[i].line = t->lines[i].line_end = (int)i + 1;
	}
	t->nlines = n;
	return t;
}

#endif

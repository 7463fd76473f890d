/* textdist: syllable error rate of an OCR output against the truth, for bench/ocr-quality.sh.
 *
 *   build/tools/textdist TRUTH OUTPUT
 *
 * Prints one line "SER ERRORS SYLLABLES": ERRORS is the Levenshtein distance between the two
 * texts as sequences of white-space-separated tokens (a Vietnamese syllable is one token), each
 * token compared byte for byte (diacritics, case and punctuation count), SYLLABLES the number of
 * tokens in the truth. Line and page breaks do not count. Exit 0, or 2 on bad usage or an
 * unreadable file. The character error rate is tools/cer's job. */
#include "../lib/tool.h"
#include "../../core/array.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *text;     /* the file, tokens NUL-terminated in place */
	char **tok;
	size_t n, cap;
} tokens;

static int is_space_at(const char *p)
{
	/* ASCII white space and the no-break space (C2 A0) separate tokens */
	return strchr(" \t\r\n\f\v", *p) || ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0);
}

static void tokens_read(tokens *t, const char *path)
{
	memset(t, 0, sizeof *t);
	t->text = tool_read(path, NULL);
	for (char *p = t->text; *p;) {
		while (*p && is_space_at(p))
			p += (unsigned char)*p == 0xC2 ? 2 : 1;
		if (!*p)
			break;
		if (SOHOA_GROW(t->tok, t->n + 1, t->cap))
			die("out of memory");
		t->tok[t->n++] = p;
		while (*p && !is_space_at(p))
			p++;
		if (*p) {
			int two = (unsigned char)*p == 0xC2;
			*p = 0;
			p += two ? 2 : 1;
		}
	}
}

static double tok_cost(const void *arg, size_t i, size_t j)
{
	const tokens *const *ab = arg;
	return strcmp(ab[0]->tok[i], ab[1]->tok[j]) != 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: textdist TRUTH OUTPUT\n");
		return 2;
	}
	tokens a, b;
	tokens_read(&a, argv[1]);
	tokens_read(&b, argv[2]);
	const tokens *ab[2] = {&a, &b};
	align_spec spec = {tok_cost, ab, 1, 0};
	size_t d = (size_t)align_run(&spec, a.n, b.n, NULL);
	printf("%.6f %zu %zu\n", a.n ? (double)d / (double)a.n : (b.n ? 1.0 : 0.0), d, a.n);
	free(a.text);
	free(a.tok);
	free(b.text);
	free(b.tok);
	return 0;
}

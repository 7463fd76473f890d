/* textdist: syllable error rate of an OCR output against the truth, for bench/ocr-quality.sh.
 *
 *   build/tools/textdist TRUTH OUTPUT
 *
 * Prints one line "SER ERRORS SYLLABLES": ERRORS is the Levenshtein distance between the two
 * texts as sequences of white-space-separated tokens (a Vietnamese syllable is one token), each
 * token compared byte for byte (diacritics, case and punctuation count), SYLLABLES the number of
 * tokens in the truth. Line and page breaks do not count. Exit 0, or 2 on bad usage or an
 * unreadable file. The character error rate is tools/cer's job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *text;     /* the file, tokens NUL-terminated in place */
	char **tok;
	size_t n;
} tokens;

static int tokens_read(tokens *t, const char *path)
{
	memset(t, 0, sizeof *t);
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 16, len = 0, k;
	t->text = malloc(cap + 1);
	while (t->text && (k = fread(t->text + len, 1, cap - len, f)) > 0) {
		len += k;
		if (len == cap) {
			char *nt = realloc(t->text, 2 * cap + 1);
			if (!nt) {
				free(t->text);
				t->text = NULL;
				break;
			}
			t->text = nt;
			cap *= 2;
		}
	}
	fclose(f);
	if (!t->text)
		return -1;
	t->text[len] = 0;
	size_t tcap = 1024;
	t->tok = malloc(tcap * sizeof *t->tok);
	if (!t->tok)
		return -1;
	for (char *p = t->text; *p;) {
		/* ASCII white space and the no-break space (C2 A0) separate tokens */
		while (*p && (strchr(" \t\r\n\f\v", *p) || ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)))
			p += (unsigned char)*p == 0xC2 ? 2 : 1;
		if (!*p)
			break;
		if (t->n == tcap) {
			char **nt = realloc(t->tok, 2 * tcap * sizeof *t->tok);
			if (!nt)
				return -1;
			t->tok = nt;
			tcap *= 2;
		}
		t->tok[t->n++] = p;
		while (*p && !strchr(" \t\r\n\f\v", *p) && !((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0))
			p++;
		if (*p) {
			int two = (unsigned char)*p == 0xC2;
			*p = 0;
			p += two ? 2 : 1;
		}
	}
	return 0;
}

/* Token-level Levenshtein distance, two rows. */
static size_t distance(const tokens *a, const tokens *b)
{
	size_t *prev = malloc((b->n + 1) * sizeof *prev), *cur = malloc((b->n + 1) * sizeof *cur);
	if (!prev || !cur) {
		fprintf(stderr, "textdist: out of memory\n");
		exit(2);
	}
	for (size_t j = 0; j <= b->n; j++)
		prev[j] = j;
	for (size_t i = 1; i <= a->n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= b->n; j++) {
			size_t sub = prev[j - 1] + (strcmp(a->tok[i - 1], b->tok[j - 1]) != 0);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[b->n];
	free(prev);
	free(cur);
	return d;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: textdist TRUTH OUTPUT\n");
		return 2;
	}
	tokens a, b;
	if (tokens_read(&a, argv[1]) != 0 || tokens_read(&b, argv[2]) != 0) {
		fprintf(stderr, "textdist: cannot read '%s' or '%s'\n", argv[1], argv[2]);
		return 2;
	}
	size_t d = distance(&a, &b);
	printf("%.6f %zu %zu\n", a.n ? (double)d / (double)a.n : (b.n ? 1.0 : 0.0), d, a.n);
	free(a.text);
	free(a.tok);
	free(b.text);
	free(b.tok);
	return 0;
}

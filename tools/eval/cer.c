/* cer: character error rate of an OCR output against the truth text.
 *
 *   build/tools/cer [--raw] TRUTH OUTPUT      (either file may be '-' for stdin)
 *
 * Prints one line "CER ERRORS CHARS": CER = ERRORS / CHARS, ERRORS the Levenshtein distance over
 * Unicode code points, CHARS the truth's length in code points. Before comparing, both texts are
 * put in NFC (skip with --raw) and every run of white space (spaces, tabs, newlines, form feeds,
 * no-break and other Unicode spaces) becomes one space, with none at either end, so line breaks
 * and page breaks do not count. Exit 0, or 2 on bad usage / unreadable files.
 * Example: cer samples/x.txt out/x.txt | awk '{print $1}'. The measure is tools/lib's cer_compare. */
#include "../lib/tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	int nfc = 1, i = 1;
	if (i < argc && !strcmp(argv[i], "--raw"))
		nfc = 0, i++;
	if (argc - i != 2 || (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
		fprintf(stderr, "usage: cer [--raw] TRUTH OUTPUT\n"
				"prints \"CER ERRORS CHARS\" (Levenshtein over code points, NFC, white space folded)\n");
		return 2;
	}
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	if (!ctx)
		return 2;
	size_t tn, on, errors, chars;
	char *t = tool_read(argv[i], &tn), *o = tool_read(argv[i + 1], &on);
	double rate = cer_compare(ctx, t, tn, o, on, nfc, &errors, &chars);
	if (rate < 0)
		die("%s", sohoa_errmsg(ctx));
	printf("%.4f %zu %zu\n", rate, errors, chars);
	free(t);
	free(o);
	sohoa_ctx_free(ctx);
	return 0;
}

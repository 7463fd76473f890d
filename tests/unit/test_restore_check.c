/* The decoder built with -DRESTORE_CHECK (restore/restore.c compiled into this program, in
 * place of the library's copy): every score it computes is compared with the model's own lookups
 * and its new states with a plain loop over every state and candidate; a difference aborts. Runs
 * the shipped model over the committed samples under each job, so the check code is exercised
 * and the speed machinery's shortcuts are verified on real text. */
#define RESTORE_CHECK 1
#include "../../restore/restore.c"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	sohoa_buf b = {0};
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		sohoa_buf_append(&b, chunk, k);
	fclose(f);
	*n = b.len;
	return b.data;
}

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	o.model_path = "data/sohoa-lm.bin";
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	static const struct { const char *path; sohoa_restore_mode mode; } in[] = {
		{"samples/s000-stripped.txt", SOHOA_RESTORE_STRIP},
		{"samples/s003-stripped.txt", SOHOA_RESTORE_STRIP},
		{"samples/s001-real-engocr.txt", SOHOA_RESTORE_OCR},
		{"samples/s002-born-engocr.txt", SOHOA_RESTORE_OCR},
		{"samples/s000-born.truth.txt", SOHOA_RESTORE_VIE},
		{"samples/s004-stripped.txt", SOHOA_RESTORE_AUTO},
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		size_t n = 0;
		char *text = slurp(in[i].path, &n);
		char name[200];
		snprintf(name, sizeof name, "restore check build: %s read", in[i].path);
		CHECK(text != NULL, name);
		if (!text)
			continue;
		sohoa_buf out = {0};
		unsigned long before = restore_checks;
		sohoa_status st = sohoa_restore(ctx, in[i].mode, text, n, &out);
		printf("    %s: %lu scores checked\n", in[i].path, restore_checks - before);
		snprintf(name, sizeof name, "restore check build: %s: scores and states agree with the model's lookups",
			 in[i].path);
		CHECK(st == SOHOA_OK && out.len > 0 && restore_checks > before, name);
		sohoa_buf_free(&out);
		free(text);
	}
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

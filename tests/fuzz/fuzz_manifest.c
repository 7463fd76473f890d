/* libFuzzer target: bytes as a batch manifest (OUTDIR/manifest.tsv is read back on every run).
 * What is read must write back and read again to the very same text. */
#include "../../core/manifest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx && !(ctx = sohoa_ctx_new(NULL)))
		abort();
	sohoa_manifest *m = NULL, *again = NULL;
	if (sohoa_manifest_read(ctx, "fuzz", (const char *)data, size, &m) != SOHOA_OK)
		return 0;
	sohoa_buf one = {0}, two = {0};
	if (sohoa_manifest_write(m, &one) ||
	    sohoa_manifest_read(ctx, "fuzz", one.data, one.len, &again) != SOHOA_OK ||
	    again->nbad || again->n != m->n || sohoa_manifest_write(again, &two) || one.len != two.len ||
	    memcmp(one.data, two.data, one.len))
		abort(); /* not a fixed point: the writer and the reader disagree */
	for (size_t i = 0; i < m->n; i++)
		if (sohoa_manifest_find(m, m->entries[i].path) != &m->entries[i])
			abort(); /* entries must stay sorted and unique */
	sohoa_buf_free(&one);
	sohoa_buf_free(&two);
	sohoa_manifest_free(again);
	sohoa_manifest_free(m);
	return 0;
}

/* libFuzzer target: arbitrary bytes through every restoration job with the shipped model; the
 * output must be valid UTF-8 and nothing may crash. The first byte picks the job. */
#include "../../core/sohoa.h"
#include "../../restore/restore.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx) {
		sohoa_options o;
		sohoa_options_init(&o);
		ctx = sohoa_ctx_new(&o);
	}
	if (size == 0)
		return 0;
	static const sohoa_restore_mode modes[] = {SOHOA_RESTORE_AUTO, SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR,
						   SOHOA_RESTORE_VIE, SOHOA_RESTORE_OFF};
	sohoa_restore_mode mode = modes[data[0] % 5];
	sohoa_buf out = {0};
	if (sohoa_restore(ctx, mode, (const char *)data + 1, size - 1, &out) == SOHOA_OK && out.len &&
	    !sohoa_utf8_valid(out.data, out.len))
		abort();
	sohoa_buf_free(&out);
	return 0;
}

/* libFuzzer target: bytes as an image file through ingest/image.c (Leptonica, libpng, libjpeg):
 * page count, then every page (up to 4) decoded under a small pixel limit. No OCR (too slow to fuzz).
 * A decoded page must respect the limit and be a well-formed gray or RGB raster. */
#include "../../ingest/ingest-int.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx) {
		sohoa_options opt;
		sohoa_options_init(&opt);
		opt.max_pixels = 4000000;
		if (!(ctx = sohoa_ctx_new(&opt)))
			abort();
	}
	int n = 0;
	if (ingest_image_count(ctx, "fuzz", data, size, &n) != SOHOA_OK)
		return 0;
	if (n < 1)
		abort();
	for (int i = 0; i < n && i < 4; i++) {
		ingest_raster r;
		if (ingest_image_read(ctx, "fuzz", data, size, i, &r) != SOHOA_OK)
			continue;
		if (!r.samples || r.w <= 0 || r.h <= 0 || (int64_t)r.w * r.h > ctx->opt.max_pixels ||
		    (r.n != 1 && r.n != 3) || r.stride != r.w * r.n || r.dpi <= 0)
			abort();
		volatile unsigned char last = r.samples[(size_t)r.stride * (size_t)(r.h - 1) + (size_t)r.stride - 1];
		(void)last;
		free(r.samples);
	}
	return 0;
}

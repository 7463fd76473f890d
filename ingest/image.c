/* Images (PNG, JPEG, TIFF, PNM) through Leptonica and OCR (placeholder until the OCR adapter lands). */
#include "ingest-int.h"

#include <string.h>

static int image_recognize(const char *path, const unsigned char *head, size_t n)
{
	(void)path;
	if (n >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8))
		return 1;
	if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
		return 1;
	if (n >= 4 && (!memcmp(head, "II*\0", 4) || !memcmp(head, "MM\0*", 4)))
		return 1;
	if (n >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6' && (head[2] == '\n' || head[2] == ' '))
		return 1;
	return 0;
}

static sohoa_status image_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	(void)doc;
	return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s': image input is not built yet", path);
}

const ingest_handler ingest_image_handler = {"image", image_recognize, image_open};

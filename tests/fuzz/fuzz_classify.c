/* libFuzzer target: page classification (--ocr auto's decision) over arbitrary text-layer bytes
 * and font names. The first byte sets the image cover, the second how many NUL-separated font
 * names follow; the rest is the text. The verdict must be self-consistent. */
#include "../../ingest/classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	ingest_page_info info;
	memset(&info, 0, sizeof info);
	info.image_cover = data[0] / 255.0f;
	size_t want = data[1] % 4, pos = 2;
	char *names[4] = {NULL};
	const char *fonts[4];
	while (info.nfonts < want && pos < size) {
		const uint8_t *nul = memchr(data + pos, 0, size - pos);
		size_t n = nul ? (size_t)(nul - (data + pos)) : size - pos;
		if (!(names[info.nfonts] = malloc(n + 1)))
			abort();
		memcpy(names[info.nfonts], data + pos, n);
		names[info.nfonts][n] = 0;
		fonts[info.nfonts] = names[info.nfonts];
		info.nfonts++;
		pos += n + (nul != NULL);
	}
	info.fonts = fonts;
	/* an exact-size copy of the text so reads past its end are caught */
	size_t len = size - pos;
	char *text = len ? malloc(len) : NULL;
	if (len && !text)
		abort();
	if (len)
		memcpy(text, data + pos, len);
	info.text = text;
	info.len = len;
	ingest_verdict v;
	ingest_classify(&info, &v);
	if (v.usable != (v.kind == INGEST_TEXT_OK || v.kind == INGEST_TEXT_LEGACY))
		abort();
	if ((v.encoding != NULL) != (v.kind == INGEST_TEXT_LEGACY))
		abort();
	if (!memchr(v.reason, 0, sizeof v.reason))
		abort();
	free(text);
	for (size_t i = 0; i < info.nfonts; i++)
		free(names[i]);
	return 0;
}

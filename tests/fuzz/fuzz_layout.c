/* libFuzzer target: reading order and mark joining (ingest/layout.c) over arbitrary glyphs. Every
 * 8 bytes make one glyph: code point class, x, y, width, height, size, frag step. */
#include "../../ingest/ingest-int.h"
#include "../../ingest/layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t cps[] = {'a', 'e', ' ', 'T', 0x301, 0x300, 0xB4, 0x60, 0x2DC, '~', 0xEA, 0x1EC7,
				       '1', '.', 0xFFFD, 0x323, 0xA0, 'o', 0x2C6, '^'};
	size_t n = size / 8;
	ingest_glyph *g = calloc(n ? n : 1, sizeof *g);
	int frag = 0;
	for (size_t i = 0; i < n; i++) {
		const uint8_t *d = data + 8 * i;
		frag += d[6] & 1;
		float x = d[1] * 3.0f, y = d[2] * 4.0f, w = (d[3] % 16) * 0.7f, h = (d[4] % 32) * 0.5f;
		if (d[7] & 0x80) /* sometimes inverted or huge boxes */
			w = -w, h = (d[7] & 0x40) ? 1e6f : h;
		g[i] = (ingest_glyph){cps[d[0] % (sizeof cps / sizeof *cps)], x, y, x + w, y + h, (float)(d[5] % 40),
				      (d[7] & 1) ? "ABCDEF+Font" : NULL, frag};
	}
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	sohoa_doc doc;
	memset(&doc, 0, sizeof doc);
	sohoa_page *p = ingest_page_add(&doc, 1);
	if (p && ingest_layout(ctx, g, n, p) == SOHOA_OK) {
		size_t words = 0;
		for (size_t k = 0; k < p->nlines; k++) {
			if (!p->lines[k].text || !sohoa_utf8_valid(p->lines[k].text, strlen(p->lines[k].text)))
				abort();
			words += p->lines[k].nwords;
		}
		if (words > n)
			abort(); /* no word without a glyph */
	}
	for (size_t k = 0; k < doc.npages; k++)
		ingest_page_clear(&doc.pages[k]);
	free(doc.pages);
	sohoa_ctx_free(ctx);
	free(g);
	return 0;
}

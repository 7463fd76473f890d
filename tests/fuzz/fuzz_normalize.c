/* libFuzzer target for the normalize stage. The first byte picks options (tone style, a font name
 * or page encoding hint put on every line, which legacy table to exercise directly); the rest is
 * a text file. Properties checked: every output line is valid UTF-8 without '\n' or '\f', its
 * page/line range lies inside the source, and the encoding functions survive any bytes. */
#include "../../normalize/encoding.h"
#include "../../normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fonts[] = {NULL, ".VnTime", "ABCDEF+.VnTimeH,Bold", "VNI-Times", "VPS Times", "Arial"};
static const char *const hints[] = {NULL, "tcvn3", "vni", "viscii", "vps", "cp1258", "8bit", "utf-8"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sohoa_ctx *ctx;
	if (!ctx) {
		sohoa_options opt;
		sohoa_options_init(&opt);
		opt.restore = SOHOA_RESTORE_OFF;
		opt.verbosity = -1;
		if (!(ctx = sohoa_ctx_new(&opt)))
			abort();
	}
	if (size == 0)
		return 0;
	uint8_t sel = data[0];
	data++;
	size--;
	ctx->opt.tone = (sohoa_tone_style)(sel % 3);

	/* The encoding layer on raw bytes. */
	sohoa_enc enc = (sohoa_enc)((sel >> 2) % SOHOA_ENC_COUNT);
	sohoa_buf b = {0}, e = {0};
	if (sohoa_enc_decode(enc, data, size, &b) || !sohoa_utf8_valid(b.data ? b.data : "", b.len))
		abort();
	size_t en = b.len < 512 ? b.len : 512; /* encoding searches tables: keep it short */
	while (en > 0 && en < b.len && ((unsigned char)b.data[en] & 0xC0) == 0x80)
		en--;
	if (sohoa_enc_encode(enc, b.data ? b.data : "", en, &e) < 0)
		abort();
	sohoa_enc_detect(data, size, NULL);
	e.len = 0;
	sohoa_enc_unmask((const char *)data, size, &e);
	sohoa_buf_free(&b);
	sohoa_buf_free(&e);

	/* The whole stage on the bytes as a text file, with hints as ingest would set them. */
	sohoa_doc *doc = NULL;
	if (sohoa_doc_from_text(ctx, "fuzz", (const char *)data, size, &doc) != SOHOA_OK)
		return 0;
	const char *font = fonts[(sel >> 5) % 6];
	const char *hint = hints[(sel >> 3) % 8];
	for (size_t p = 0; p < doc->npages; p++) {
		if (hint && strcmp(doc->pages[p].encoding ? doc->pages[p].encoding : "", "8bit")) {
			free(doc->pages[p].encoding);
			doc->pages[p].encoding = sohoa_strdup(hint);
		}
		for (size_t i = 0; font && i < doc->pages[p].nlines; i++)
			doc->pages[p].lines[i].font = sohoa_strdup(font);
		/* Half the inputs get boxes as a PDF page would: indents, ragged ends, gaps. */
		for (size_t i = 0; (sel & 0x80) && i < doc->pages[p].nlines; i++) {
			sohoa_line *l = &doc->pages[p].lines[i];
			size_t n = strlen(l->text);
			unsigned h = n ? (unsigned char)l->text[0] + 7u * (unsigned char)l->text[n - 1] : 0;
			l->x0 = 85.0f + (float)(h % 5) * 14.0f;
			l->x1 = l->x0 + (float)(n % 97) * 5.5f;
			l->y0 = 50.0f + (float)i * 16.0f + (float)(h % 3) * 20.0f;
			l->y1 = l->y0 + (h % 11 ? 15.0f : 0.0f);
		}
	}
	sohoa_text *t = NULL;
	if (sohoa_normalize_doc(ctx, doc, &t) != SOHOA_OK) {
		sohoa_doc_free(doc);
		return 0;
	}
	for (size_t i = 0; i < t->nlines; i++) {
		const sohoa_tline *l = &t->lines[i];
		if (!l->text || strchr(l->text, '\n') || strchr(l->text, '\f') || !sohoa_utf8_valid(l->text, strlen(l->text)))
			abort();
		if (l->page < doc->pages[0].number || l->page_end < l->page ||
		    l->page_end > doc->pages[doc->npages - 1].number || l->line < 1 ||
		    (l->page_end == l->page && l->line_end < l->line))
			abort();
	}
	sohoa_buf out = {0};
	if (sohoa_text_write(ctx, t, &out) != SOHOA_OK)
		abort();
	sohoa_buf_free(&out);
	sohoa_text_free(t);
	sohoa_doc_free(doc);
	return 0;
}

/* libFuzzer target for the extract stage. The first byte picks the shape: bit 0 gives every line a
 * box (as a PDF would, with x from the bytes, so the table rebuild runs), bit 1 joins pairs of
 * lines into one reflowed line, bit 2 makes one long line of them (below); the rest is a text
 * file, given to the extractors as read (no normalize). Properties checked: every extractor succeeds, its output is valid UTF-8 when the
 * input was, and every CSV record has as many fields as the header. */
#include "../../extract/extract.h"
#include "../../ingest/ingest.h"
#include "../../normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fields of each RFC 4180 record in s[0..n); -1 when a record has a different count than want. */
static int check_csv(const char *s, size_t n, int want)
{
	size_t i = 0;
	while (i < n) {
		int fields = 1, quoted = 0;
		while (i < n) {
			char c = s[i++];
			if (quoted) {
				if (c == '"') {
					if (i < n && s[i] == '"')
						i++;
					else
						quoted = 0;
				}
			} else if (c == '"')
				quoted = 1;
			else if (c == ',')
				fields++;
			else if (c == '\r' && i < n && s[i] == '\n') {
				i++;
				break;
			}
		}
		if (quoted || fields != want)
			return -1;
	}
	return 0;
}

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
	if (size == 0 || size > 200000)
		return 0;
	uint8_t sel = data[0];
	data++;
	size--;
	/* bit 2: the bytes, newlines made spaces, repeated into one 128 KB line (every extractor must
	 * be linear in line length: run with -timeout, a quadratic one is a failure) */
	uint8_t *tiled = NULL;
	if ((sel & 4) && size) {
		size_t n = 128 * 1024;
		if (!(tiled = malloc(n)))
			abort();
		for (size_t i = 0; i < n; i++)
		{
			uint8_t c = data[i % size];
			tiled[i] = c == '\n' || c == '\r' || c == '\f' ? ' ' : c;
		}
		data = tiled;
		size = n;
	}
	sohoa_doc *doc = NULL;
	sohoa_status dst = sohoa_doc_from_text(ctx, "fuzz", (const char *)data, size, &doc);
	if (dst != SOHOA_OK) {
		free(tiled);
		return 0;
	}
	/* boxes: one row of cells per line, x from the line's first byte */
	if (sel & 1)
		for (size_t p = 0; p < doc->npages; p++) {
			doc->pages[p].source = SOHOA_SRC_PDF;
			for (size_t j = 0; j < doc->pages[p].nlines; j++) {
				sohoa_line *l = &doc->pages[p].lines[j];
				unsigned char b = l->text && l->text[0] ? (unsigned char)l->text[0] : 0;
				l->x0 = 40.0f + (float)(b % 8) * 90.0f;
				l->x1 = l->x0 + 80.0f;
				l->y0 = 40.0f + (float)(j / 3) * 14.4f;
				l->y1 = l->y0 + 13.3f;
			}
		}
	/* the text as normalize's placeholder gives it (one line per source line, bytes as read), so
	 * that this target tests the extractors alone, on any bytes */
	sohoa_text *text = calloc(1, sizeof *text);
	size_t total = 0;
	for (size_t p = 0; p < doc->npages; p++)
		total += doc->pages[p].nlines;
	if (!text || !(text->lines = calloc(total + 1, sizeof *text->lines)) || !(text->doc = sohoa_strdup("fuzz")))
		abort();
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t j = 0; j < doc->pages[p].nlines; j++) {
			const sohoa_line *l = &doc->pages[p].lines[j];
			sohoa_tline *t = &text->lines[text->nlines++];
			t->text = sohoa_strdup(l->text ? l->text : "");
			t->page = t->page_end = l->page;
			t->line = t->line_end = l->line;
		}
	int valid = sohoa_utf8_valid((const char *)data, size);
	/* reflowed: join each pair of lines as a paragraph */
	if ((sel & 2) && text->nlines > 1) {
		size_t w = 0;
		for (size_t i = 0; i < text->nlines; i += 2, w++) {
			sohoa_tline t = text->lines[i];
			if (i + 1 < text->nlines) {
				size_t a = strlen(t.text), b = strlen(text->lines[i + 1].text);
				char *j = malloc(a + b + 2);
				if (!j)
					abort();
				memcpy(j, t.text, a);
				j[a] = ' ';
				memcpy(j + a + 1, text->lines[i + 1].text, b + 1);
				free(t.text);
				free(text->lines[i + 1].text);
				t.text = j;
				t.page_end = text->lines[i + 1].page_end;
				t.line_end = text->lines[i + 1].line_end;
			}
			text->lines[w] = t;
		}
		text->nlines = w;
	}
	const sohoa_extractor *const *ex = sohoa_extractors();
	for (size_t i = 0; ex[i]; i++) {
		sohoa_buf out = {0};
		if (ex[i]->run(ctx, doc, text, &out) != SOHOA_OK)
			abort();
		int cols = 0;
		while (ex[i]->columns[cols])
			cols++;
		if (out.len && ((valid && !sohoa_utf8_valid(out.data, out.len)) || check_csv(out.data, out.len, cols)))
			abort();
		sohoa_buf_free(&out);
	}
	sohoa_text_free(text);
	sohoa_doc_free(doc);
	free(tiled);
	return 0;
}

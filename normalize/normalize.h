/* normalize: from what ingest read to clean NFC Vietnamese text with a map back to the source,
 * including diacritic restoration (restore.h) when the text lost its marks. */
#ifndef SOHOA_NORMALIZE_H
#define SOHOA_NORMALIZE_H

#include "../core/sohoa.h"
#include "../ingest/ingest.h"

/* One output line (a paragraph, heading, list item or table row after reflow). */
typedef struct sohoa_tline {
	char *text;       /* normalized UTF-8, no '\n' */
	int page;         /* source page of the first source line (1-based) */
	int line;         /* source line number within that page (1-based) */
	int page_end;     /* source page/line of the last source line joined into this one */
	int line_end;
	int restored;     /* 1 when restoration changed this line */
} sohoa_tline;

typedef struct sohoa_text {
	char *doc;        /* document name */
	sohoa_tline *lines;
	size_t nlines;
	const char *restore_mode; /* what restoration did overall: "off", "strip", "ocr", "vie", "mixed" */
} sohoa_text;

/* Normalize a whole document (encodings, Unicode, tone style, layout, restoration as set in
 * ctx->opt). Returns a new text the caller frees with sohoa_text_free. */
sohoa_status sohoa_normalize_doc(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_text **text);
void sohoa_text_free(sohoa_text *text);

/* Write the text, one line per tline, '\f' where the source page changes between lines. */
sohoa_status sohoa_text_write(sohoa_ctx *ctx, const sohoa_text *text, sohoa_buf *out);

#endif

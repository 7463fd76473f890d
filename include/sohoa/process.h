/* The document pipeline: one call reads a document (PDF, image or text file; text or TSV in
 * memory), normalizes it into clean Unicode Vietnamese (restoring diacritics where they were lost)
 * and runs the extractors over it, under the context's options. What it finds is handed to the
 * caller's callbacks: the text, its lines with their source position, and the rows.
 *
 * Rows come in kinds, one per extractor; a kind is a table with fixed columns (the CSV files of
 * `sohoa run` hold the same rows, one file per kind):
 *   scores            figures the text reports: scores, ranks, targets, changes ("đạt 85,97 điểm")
 *   criteria          the heading tree of evaluation criteria, with their scores
 *   responsibilities  tasks with the unit in charge, partners, output and deadline
 *   documents         one row per document: type, number, issuer, date, title, signer, ...
 *   references        the other documents it cites ("Quyết định số 608/QĐ-UBND ...")
 * sohoa_row_kinds and sohoa_row_columns list them; sohoa(1) documents every column. */
#ifndef SOHOA_PROCESS_H
#define SOHOA_PROCESS_H

#include <stddef.h>

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One extracted row. Everything is borrowed for the duration of the callback. */
typedef struct sohoa_row {
	const char *kind;            /* the extractor: "scores", "criteria", ... */
	size_t ncells;
	const char *const *columns;  /* ncells column names, as sohoa_row_columns(kind) */
	const char *const *cells;    /* ncells values, UTF-8, "" when empty */
} sohoa_row;

/* One line of the normalized text (a paragraph, heading, list item or table row after reflow;
 * table cells are separated by tabs). Borrowed for the duration of the callback. */
typedef struct sohoa_text_line {
	const char *text;            /* UTF-8, NFC, no newline */
	int page, line;              /* source page and line of its first source line, from 1 */
	int page_end, line_end;      /* and of its last */
	int restored;                /* 1 when diacritic restoration changed it */
} sohoa_text_line;

/* What to hand back, and to whom. Each callback returns 0 to go on; anything else stops the
 * call, which then returns SOHOA_ERR_INTERRUPTED. A NULL callback is not called; with row NULL
 * no extractor runs. Callbacks are called only once the whole document is done, in this order:
 * text, each line, each row (kind by kind in the order of sohoa_row_kinds, rows in document
 * order). */
typedef struct sohoa_handler {
	void *user;                  /* passed to every callback */
	/* The whole text: lines joined by '\n', a form feed '\f' where the source page changes. */
	int (*text)(void *user, const char *text, size_t len);
	int (*line)(void *user, const sohoa_text_line *line);
	int (*row)(void *user, const sohoa_row *row);
	const char *only;            /* run this kind's extractor only; NULL: all */
} sohoa_handler;

/* What one document gave. */
typedef struct sohoa_summary {
	int pages;                   /* pages read */
	int ocr_pages;               /* of which OCRed */
	int failed_pages;            /* pages that could not be read (the others still count) */
	char first_error[512];       /* "page N: why" of the first failed page, "" when none */
} sohoa_summary;

/* Process the file at path: a PDF, a PNG/JPEG/TIFF/PNM image, or a text file (UTF-8, UTF-16 with
 * a BOM; text in the legacy TCVN3, VNI, VISCII or VPS encodings is recognized). Page decisions and page errors go to the log.
 * Returns SOHOA_OK when the document was read, even if some pages failed (sum says how many);
 * an error status when it could not be read at all, is over options.max_pages, was interrupted
 * or a callback stopped it (then no callback has been called, or not all). sum may be NULL; it
 * is filled as far as the document was read, also when a later step fails. */
SOHOA_API sohoa_status sohoa_process_file(sohoa_ctx *ctx, const char *path, const sohoa_handler *h,
					  sohoa_summary *sum);

typedef enum sohoa_input_format {
	SOHOA_INPUT_TEXT,            /* plain text, as a text file would be read */
	SOHOA_INPUT_TSV              /* the TSV of `sohoa ingest --format tsv`: lines with positions */
} sohoa_input_format;

/* The same for a document in memory, data[0..len) in the given format; name names it in
 * messages. */
SOHOA_API sohoa_status sohoa_process_buffer(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
					    sohoa_input_format format, const sohoa_handler *h,
					    sohoa_summary *sum);

/* The kinds of rows, NULL-terminated, in the order rows are handed out. Static. */
SOHOA_API const char *const *sohoa_row_kinds(void);
/* The columns of a kind, NULL-terminated; NULL for an unknown kind. Static. */
SOHOA_API const char *const *sohoa_row_columns(const char *kind);

#ifdef __cplusplus
}
#endif

#endif

/* extract: rule-based extractors that turn normalized text into CSV rows with provenance. */
#ifndef SOHOA_EXTRACT_H
#define SOHOA_EXTRACT_H

#include "../core/sohoa.h"
#include "../ingest/ingest.h"
#include "../normalize/normalize.h"

/* An extractor: a name (also the CSV file name, "scores" -> scores.csv), its header, and run,
 * which appends rows (RFC 4180 CSV, no header) to out. doc may be NULL when only text is known. */
typedef struct sohoa_extractor {
	const char *name;
	const char *const *columns;
	sohoa_status (*run)(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out);
} sohoa_extractor;

/* The table of all extractors, NULL-terminated. */
const sohoa_extractor *const *sohoa_extractors(void);
const sohoa_extractor *sohoa_extractor_find(const char *name);

/* What a document says it is, as the documents extractor reads it (its documents.csv fields of
 * those names): new strings, NULL where the row's field is empty. */
typedef struct sohoa_doc_fields {
	char *type, *number, *issuer, *date, *title;
} sohoa_doc_fields;
/* Read *f from text (and doc, may be NULL); free it with sohoa_doc_fields_free, also on error. */
sohoa_status sohoa_doc_fields_read(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_doc_fields *f);
void sohoa_doc_fields_free(sohoa_doc_fields *f);

/* Append one CSV record of n cells (RFC 4180, as the extractors write: quoted only when needed,
 * CRLF at the end) to out, each cell made safe for spreadsheets: a cell that begins with '=',
 * '+', '-', '@', TAB or CR and is longer than one character and not a plain number gets a "'"
 * in front; bytes that are not valid UTF-8 are written as \xHH. 0, or -1 when out of memory. */
int sohoa_csv_row(sohoa_buf *out, const char *const *cells, size_t n);

#endif

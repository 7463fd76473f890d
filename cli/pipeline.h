/* The stages chained for one document (CLI-internal). */
#ifndef SOHOA_PIPELINE_H
#define SOHOA_PIPELINE_H

#include "../extract/extract.h"
#include "../ingest/ingest.h"
#include "../normalize/normalize.h"

/* Read path ("-" for standard input) into a document: TSV when tsv, text for stdin, else ingest. */
sohoa_status pipeline_read(sohoa_ctx *ctx, const char *path, int tsv, sohoa_doc **doc);
/* Log each page's decision (-v) and each page's error (always). */
void pipeline_log_pages(sohoa_ctx *ctx, const sohoa_doc *doc);
/* 1 if any page of doc failed. */
int pipeline_doc_failed(const sohoa_doc *doc);
/* Run every extractor (or only one) appending rows to rows[i] for extractor i. */
sohoa_status pipeline_extract(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
			      const sohoa_extractor *only, sohoa_buf rows[]);
/* Append the CSV header line of ex. */
int pipeline_csv_header(const sohoa_extractor *ex, sohoa_buf *out);

#define PIPELINE_MAX_EXTRACTORS 32

/* What one document gave. */
typedef struct pipeline_result {
	int pages;        /* pages read */
	int ocr_pages;    /* of which OCRed */
	int failed_pages; /* pages with an error (the document still has outputs) */
	char first_error[512]; /* the first failed page's message, "" when none */
} pipeline_result;

/* Every stage over one file: txt receives the normalized text, rows[i] extractor i's CSV rows
 * (rows has PIPELINE_MAX_EXTRACTORS slots). Honours ctx->opt limits (max_pages is checked here
 * as well as in ingest). SOHOA_ERR_INTERRUPTED when ctx was interrupted during the document. */
sohoa_status pipeline_document(sohoa_ctx *ctx, const char *path, sohoa_buf *txt, sohoa_buf rows[],
			       pipeline_result *res);

#endif

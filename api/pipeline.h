/* The document pipeline's helpers that the sohoa program uses beside the public API
 * (include/sohoa/process.h); internal, not installed. */
#ifndef SOHOA_PIPELINE_H
#define SOHOA_PIPELINE_H

#include "../ingest/ingest.h"

/* Log each page's decision (at INFO) and each failed page (at WARN), naming the document. */
void sohoa_doc_log_pages(sohoa_ctx *ctx, const sohoa_doc *doc);
/* The number of pages of doc that failed. */
int sohoa_doc_failed_pages(const sohoa_doc *doc);

/* The eng-OCR channel of ctx's options (adapt, channel_path; api/channel.c): made or read by the
 * main context on first use and set in ctx; SOHOA_OK and nothing set when the options ask for
 * none. */
sohoa_status sohoa_ctx_channel(sohoa_ctx *ctx);

/* Row provenance (provenance.c): the columns line_source, line_confidence and line_box that
 * follow an extractor's own in every kind whose rows have page and line. */
struct sohoa_extractor;
#define SOHOA_PROV_COLUMNS 3
/* The extractor's columns with the three appended (static), or NULL when its rows have no line. */
const char *const *sohoa_prov_columns(const struct sohoa_extractor *ex);
/* The three cells of a row of ex whose cells are cells (its own columns), from doc's line; each
 * "" when the row names no line doc has. */
void sohoa_prov_cells(const sohoa_doc *doc, const struct sohoa_extractor *ex, const char *const *cells,
		      char buf[SOHOA_PROV_COLUMNS][64]);
/* The line of doc at page number and line number (both from 1), or NULL. */
const sohoa_line *sohoa_doc_line(const sohoa_doc *doc, int page, int line);

#endif

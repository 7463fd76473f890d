/* The document pipeline's helpers that the sohoa program uses beside the public API
 * (include/sohoa/process.h); internal, not installed. */
#ifndef SOHOA_PIPELINE_H
#define SOHOA_PIPELINE_H

#include "../ingest/ingest.h"

/* Log each page's decision (at INFO) and each failed page (at WARN), naming the document. */
void sohoa_doc_log_pages(sohoa_ctx *ctx, const sohoa_doc *doc);
/* The number of pages of doc that failed. */
int sohoa_doc_failed_pages(const sohoa_doc *doc);

#endif

/* The archive outputs of sohoa run: --pdf (OUTDIR/<key>.pdf, the searchable PDF of each PDF or
 * image input, output/output.h) and --review (OUTDIR/review/: index.html with every row of the
 * run beside the crop of the line it came from, and one page per document, <key>.html, with its
 * crops in <key>/). Both are made from the document the pipeline already read and normalized
 * (the context's doc_done hook), under the document's share of --jobs; each is written through
 * OUTDIR/.sohoa/tmp and renamed, so a killed run leaves none half written. */
#ifndef SOHOA_BATCH_ARCHIVE_H
#define SOHOA_BATCH_ARCHIVE_H

#include "batch.h"

/* One row kept for the review page (the cells copied; kind and columns are static). */
typedef struct batch_row {
	const char *kind;
	const char *const *columns;
	size_t ncells;
	char **cells;
} batch_row;

/* One document's archive work: set ctx->doc_done = batch_archive_done, doc_done_user = this. */
typedef struct batch_archive {
	const cli_args *a;
	const char *outdir;
	const char *key;
	batch_row *rows;      /* with --review: the document's rows, as handed out */
	size_t nrows, cap;
	int nomem;
} batch_archive;

/* Keep a copy of row when --review is on. 0, or -1 out of memory. */
int batch_archive_row(batch_archive *x, const sohoa_row *row);
void batch_archive_free(batch_archive *x);
/* The doc_done hook: write the PDF (--pdf, PDF and image inputs) and the review page (--review). */
sohoa_status batch_archive_done(void *user, sohoa_ctx *ctx, const struct sohoa_doc *doc,
				const struct sohoa_text *text);
/* 1 when the archive outputs the options ask for of the input at path with key exist. */
int batch_archive_exist(const cli_args *a, const char *outdir, const char *path, const char *key);
/* Remove a document's archive outputs (a failed or renamed document). */
void batch_archive_remove(const char *outdir, const char *key);
/* Write OUTDIR/review/index.html from the review parts of the entries of m that are ok or
 * partial, in path order. */
sohoa_status batch_review_index(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m);

/* batch_review.c: the review page of one document, and its part of the index (rows only). */
sohoa_status batch_review_doc(sohoa_ctx *ctx, const batch_archive *x, const struct sohoa_doc *doc);
/* Paths: the document's page, its crops folder, its part of the index. */
void batch_review_page_path(char *buf, size_t n, const char *outdir, const char *key);
void batch_review_part_path(char *buf, size_t n, const char *outdir, const char *key);
/* The page head and foot (style and script) shared by the index and the document pages. */
int batch_review_head(sohoa_buf *b, const char *title);
int batch_review_foot(sohoa_buf *b);

#endif

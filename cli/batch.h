/* Batch runs (sohoa run, sohoa merge): input walking, the output folder's layout, progress.
 *
 * Each document has a key, unique within the output folder: its path below the folder given (its
 * file name when given by name), extension kept; a key taken already gets ~2, ~3 before its
 * extension. The key is the doc column of every row it gives.
 * OUTDIR layout: <key>.txt per document, <extractor>.csv assembled from every finished document
 * in path order, manifest.tsv (core/manifest.h, its output column is the key), and .sohoa/ for
 * internals and as the marker of an output folder: rows/<key>.rows (one document's CSV rows per
 * extractor), tmp/ (files being written; cleared at the start of a run), lock. */
#ifndef SOHOA_BATCH_H
#define SOHOA_BATCH_H

#include "../core/manifest.h"
#include "cli.h"

#include <stdio.h>

/* One input file: path as walked (the sort order) and its key (the name of its outputs). */
typedef struct batch_input {
	char *path;
	char *name;
} batch_input;

typedef struct batch_inputs {
	batch_input *items;
	size_t n, cap;
} batch_inputs;

/* Walk a->inputs (folders with a->recursive, filtered by a->includes/excludes, skipping dot
 * files, the folder outdir, output folders of earlier runs (said with -v) and directory loops),
 * sort by path and give each a unique key. Problems are printed; returns the count of them (walk
 * errors), or -1 out of memory. */
int batch_collect(const cli_args *a, const char *outdir, batch_inputs *out);
void batch_inputs_free(batch_inputs *in);
/* sohoa run after option parsing (batch.c); returns the exit status. */
int batch_run(const cli_args *a, sohoa_ctx *ctx);
/* Parse "K/N" (1 <= K <= N). 0 on success. */
int batch_parse_shard(const char *s, size_t *k, size_t *n);

/* Output folder helpers (batch_out.c). */
/* mkdir -p of dir and the parents of path components; 0 or -1 with errno. */
int batch_mkdirs(const char *dir);
/* Lock OUTDIR/.sohoa/lock (creating .sohoa/, rows/, tmp/ and clearing tmp/). Refuses a folder
 * that is neither empty nor an output folder (no .sohoa/): it holds someone else's files. Returns
 * the lock fd, or -1 after printing why. */
int batch_outdir_open(const char *outdir);
/* Paths of a document's outputs. */
void batch_txt_path(char *buf, size_t n, const char *outdir, const char *name);
void batch_rows_path(char *buf, size_t n, const char *outdir, const char *name);
/* Write data to dest through OUTDIR/.sohoa/tmp and rename (parents created). On failure errno
 * says why; batch_clash(errno) tells a clash of names (that document only) from a folder that
 * cannot be written at all. */
sohoa_status batch_write_atomic(sohoa_ctx *ctx, const char *outdir, const char *dest, const char *data,
				size_t len);
/* 1 when errno err means dest's name clashes with what is there (a folder where the file goes, a
 * file where a folder goes, a name too long), not that the output folder is unwritable. */
int batch_clash(int err);
/* Copy src to dest atomically (streaming). */
sohoa_status batch_copy_atomic(sohoa_ctx *ctx, const char *outdir, const char *src, const char *dest);
/* Serialize rows[i] of each extractor into the .rows format. */
int batch_rows_format(const sohoa_buf rows[], sohoa_buf *out);
/* Find extractor name's rows in the .rows file data[0..len) (read whole, NUL after it); -1 when
 * the file is malformed, 0 with *n == 0 and *p == NULL when absent (an extractor added since: the
 * document is redone on the next run). Exposed for tests/fuzz/fuzz_rows.c. */
int batch_rows_section(const char *data, size_t len, const char *name, const char **p, size_t *n);
/* Write OUTDIR/<extractor>.csv for each extractor from the rows files of entries that are ok or
 * partial, in manifest (path) order. Memory: one document's rows at a time. Missing rows files
 * are reported and counted in *missing. */
sohoa_status batch_assemble(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m, size_t *missing);
/* Write the whole manifest atomically to OUTDIR/manifest.tsv. */
sohoa_status batch_manifest_save(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m);
void batch_manifest_path(char *buf, size_t n, const char *outdir);

/* Progress on stderr (progress.c): a status line redrawn about once a second when enabled. */
typedef struct progress progress;
progress *progress_new(int enabled, size_t ndocs, int64_t nbytes);
void progress_free(progress *p);
void progress_doc_start(progress *p, const char *path);
/* A document finished (or was skipped: pages count as done but not toward pages/s). */
void progress_doc_end(progress *p, const char *path, int64_t bytes, int pages, int skipped);
/* Print "sohoa: <message>" on its own line without garbling the status line. */
void progress_message(progress *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Run fn(arg) with the status line cleared (for log output from other code). */
void progress_around(progress *p, void (*fn)(void *arg), void *arg);

#endif

/* The batch manifest: one row per input document saying what a run did with it, so a later run
 * can skip finished documents and redo failed or changed ones.
 *
 * On disk it is UTF-8 TSV: the line "# sohoa manifest 1", a column header, then one row per
 * document: path size mtime_ns sha256 options status pages ocr_pages output message. Fields
 * escape backslash, tab, CR and LF as \\ \t \r \n. Rows may repeat a path (a run appends rows as
 * documents finish): the last complete row wins, and a final line without its newline (a write cut
 * short by a crash) is ignored. */
#ifndef SOHOA_MANIFEST_H
#define SOHOA_MANIFEST_H

#include "sohoa.h"

typedef enum sohoa_doc_state {
	SOHOA_DOC_TODO,        /* planned, not done: no outputs */
	SOHOA_DOC_OK,          /* every page read; outputs complete */
	SOHOA_DOC_PARTIAL,     /* outputs complete but some pages failed (redone on the next run) */
	SOHOA_DOC_FAILED,      /* the document could not be read; no outputs */
	SOHOA_DOC_INTERRUPTED, /* stopped by a signal; no outputs */
} sohoa_doc_state;

typedef struct sohoa_manifest_entry {
	char *path;            /* the input as walked (the sort key of every output) */
	int64_t size;
	int64_t mtime_ns;
	char sha256[65];       /* "" when not computed */
	char options[17];      /* digest of the options that change outputs */
	sohoa_doc_state state;
	int pages, ocr_pages;
	char *output;          /* output name below OUTDIR, without extension */
	char *message;         /* why it failed, or "" */
} sohoa_manifest_entry;

typedef struct sohoa_manifest {
	sohoa_manifest_entry *entries; /* sorted by path (strcmp), unique */
	size_t n, cap;
	size_t nbad;           /* rows skipped as malformed when read */
} sohoa_manifest;

sohoa_manifest *sohoa_manifest_new(void);
void sohoa_manifest_free(sohoa_manifest *m);
/* Parse manifest text (name is for messages). SOHOA_ERR_FORMAT when the first line is not the
 * manifest header; malformed rows are skipped and counted in nbad. */
sohoa_status sohoa_manifest_read(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				 sohoa_manifest **m);
/* Read the manifest file at path; a missing file gives an empty manifest. */
sohoa_status sohoa_manifest_load(sohoa_ctx *ctx, const char *path, sohoa_manifest **m);
/* The entry for path, or NULL (borrowed; valid until the next put). */
sohoa_manifest_entry *sohoa_manifest_find(const sohoa_manifest *m, const char *path);
/* Insert or replace the entry for e->path with a copy of e. -1 when out of memory. */
int sohoa_manifest_put(sohoa_manifest *m, const sohoa_manifest_entry *e);
/* Append the header lines / one row to out. -1 when out of memory. */
int sohoa_manifest_write_header(sohoa_buf *out);
int sohoa_manifest_write_entry(const sohoa_manifest_entry *e, sohoa_buf *out);
/* The whole manifest (header and every row in path order). */
int sohoa_manifest_write(const sohoa_manifest *m, sohoa_buf *out);

const char *sohoa_doc_state_name(sohoa_doc_state s);

#endif

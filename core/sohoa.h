/* The library's internal core, included by every stage: the public API (include/sohoa/), the
 * full context behind its opaque type, error and log helpers, and the small helpers (growable
 * buffers, files, UTF-8, threads) that all stages share. Nothing here but the public headers is
 * installed.
 *
 * Ownership, stated once for the whole project: a function named *_new, *_open, *_load or *_read
 * returns something the caller releases with the matching *_free; *_free(NULL) does nothing.
 * Every other function returns borrowed pointers that stay valid until their owner is freed.
 * Output parameters are set to NULL/0 before anything can fail. */
#ifndef SOHOA_CORE_H
#define SOHOA_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../include/sohoa/sohoa.h"

/* Option ranges that sohoa_ctx_set_options checks (and the CLI states in its messages). */
#define SOHOA_DPI_MIN 50
#define SOHOA_DPI_MAX 1200

typedef struct sohoa_model sohoa_model; /* the restoration language model (restore/) */
typedef struct sohoa_channel sohoa_channel; /* the eng-OCR channel adapted to a batch (restore/) */

/* The context: options, the last error, the log sink and long-lived handles. One per thread:
 * worker threads use sohoa_ctx_new_worker, which shares options, log and handles but has its own
 * error slot. */
struct sohoa_doc;  /* ingest/ingest.h */
struct sohoa_text; /* normalize/normalize.h */

struct sohoa_ctx {
	sohoa_options opt;
	sohoa_log_fn log;
	void *log_user;
	sohoa_status status;    /* last error */
	char errmsg[1024];      /* last error message, "" when none */
	const struct sohoa_ctx *parent; /* NULL for the main context */
	sohoa_model *model;     /* loaded on first use; owned by the main context */
	volatile int *interrupted; /* set by the CLI's signal handler; may be NULL */
	char *model_found;      /* the path sohoa_model_info_get found, owned */
	double doc_start;       /* the document's deadline (sohoa_deadline_*): when it started, */
	int doc_pages;          /* and its pages so far; doc_start 0 = no deadline */
	/* Internal, for the sohoa program: called by the pipeline (api/pipeline.c) with ctx once a
	 * document's outputs went to the handler, with the document and its normalized text (both
	 * freed after); a status other than SOHOA_OK fails the document. NULL: not called. */
	sohoa_status (*doc_done)(void *user, struct sohoa_ctx *ctx, const struct sohoa_doc *doc,
				 const struct sohoa_text *text);
	void *doc_done_user;
	sohoa_channel *channel; /* eng-OCR channel of opt.adapt/channel_path, made on first use (api/channel.c)
				 * and owned by the main context; NULL: the shipped one */
};

/* A context for a worker thread: parent's options, log, interrupt flag and model, its own error
 * slot. Free it before the parent. */
sohoa_ctx *sohoa_ctx_new_worker(const sohoa_ctx *parent);

/* Record an error in ctx and return code, so callers write `return sohoa_error(ctx, ...)`.
 * Messages: lowercase, no full stop, the file (and page) named. */
sohoa_status sohoa_error(sohoa_ctx *ctx, sohoa_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void sohoa_clear_error(sohoa_ctx *ctx);

/* Send a message to the context's log sink (nothing printed by the library itself). */
void sohoa_log(const sohoa_ctx *ctx, sohoa_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* 1 when the work under ctx should stop: the interrupt flag is set, or the deadline of the
 * document that ctx (or a context it is a worker of) processes has passed. Checked at stage, page
 * and line-loop boundaries; nothing is killed. */
int sohoa_interrupted(const sohoa_ctx *ctx);

/* The document deadline: opt.page_timeout_s seconds for each page of the document (at least one),
 * counted from sohoa_deadline_start, over every stage. _pages(n) gives it n pages once they are
 * known (the PDF and image readers call it, before starting workers; a text file has one page
 * here, whatever its form feeds); _passed says whether ctx or a parent is over it; _stop ends
 * it. */
void sohoa_deadline_start(sohoa_ctx *ctx);
void sohoa_deadline_pages(sohoa_ctx *ctx, size_t npages);
int sohoa_deadline_passed(const sohoa_ctx *ctx);
void sohoa_deadline_stop(sohoa_ctx *ctx);

/* Growable byte buffer, always NUL-terminated. */
typedef struct sohoa_buf {
	char *data;
	size_t len, cap;
} sohoa_buf;
int sohoa_buf_reserve(sohoa_buf *b, size_t extra); /* 0 on success, -1 out of memory */
int sohoa_buf_append(sohoa_buf *b, const char *s, size_t n);
int sohoa_buf_puts(sohoa_buf *b, const char *s);
int sohoa_buf_printf(sohoa_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sohoa_buf_free(sohoa_buf *b); /* frees data, leaves an empty buffer */
char *sohoa_buf_steal(sohoa_buf *b); /* returns data (caller frees), leaves an empty buffer */

char *sohoa_strdup(const char *s);
char *sohoa_strndup(const char *s, size_t n);

/* Read a whole file into memory (NUL-terminated). Caller frees *data. */
sohoa_status sohoa_file_read(sohoa_ctx *ctx, const char *path, char **data, size_t *len);
/* The same for an open stream (standard input), up to its end; name is for messages. */
sohoa_status sohoa_stream_read(sohoa_ctx *ctx, FILE *f, const char *name, char **data, size_t *len);
/* Write data to path atomically: a temporary file in the same folder, fsync, rename. */
sohoa_status sohoa_file_write_atomic(sohoa_ctx *ctx, const char *path, const char *data, size_t len);

/* Parse a page selection like "1-3,7,10-" into a predicate; 1-based pages. NULL spec = all. */
int sohoa_pages_valid(const char *spec);
int sohoa_page_selected(const char *spec, int page);

int sohoa_online_cores(void);

/* Find the shipped data file name (e.g. "sohoa-lm.bin") and write its path into path[0..n):
 * beside the library or program in a source tree (build/ -> data/), under the prefix it is
 * installed in (lib/ or bin/ -> share/sohoa/), or in SOHOA_DATADIR, the share/sohoa of the
 * PREFIX it was built for. SOHOA_ERR_MISSING, naming the places looked in, when not found. */
sohoa_status sohoa_data_find(sohoa_ctx *ctx, const char *name, char *path, size_t n);

/* UTF-8: decode one code point from s[0..n) into *cp and return the bytes used (>= 1 when n > 0);
 * invalid or truncated sequences give U+FFFD and consume one byte. Encode returns bytes written. */
size_t sohoa_utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t sohoa_utf8_encode(uint32_t cp, char out[4]);
int sohoa_utf8_valid(const char *s, size_t n);

/* Run fn(arg, worker, i) for i in [0, n) on up to jobs threads (the caller's thread included).
 * worker is 0..jobs-1 and stable within a thread, so callers keep per-worker state in an array
 * (one Tesseract instance, one cloned MuPDF context). Returns when all are done. Items are
 * handed out in order; fn must be thread-safe across workers. */
void sohoa_parallel_for(int jobs, size_t n, void (*fn)(void *arg, int worker, size_t i), void *arg);

#endif

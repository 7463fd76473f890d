/* sohoa: the public core of the library — status codes, the context that every call takes first,
 * logging, and the small helpers (growable buffers, files) that all stages share.
 *
 * Ownership, stated once for the whole project: a function named *_new, *_open, *_load or *_read
 * returns something the caller releases with the matching *_free; *_free(NULL) does nothing.
 * Every other function returns borrowed pointers that stay valid until their owner is freed.
 * Output parameters are set to NULL/0 before anything can fail. */
#ifndef SOHOA_H
#define SOHOA_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define SOHOA_VERSION "0.1.0"

typedef enum sohoa_status {
	SOHOA_OK = 0,
	SOHOA_ERR_IO,          /* cannot open, read or write a file */
	SOHOA_ERR_FORMAT,      /* input is corrupt or not what its name says */
	SOHOA_ERR_UNSUPPORTED, /* a valid input we cannot handle (yet) */
	SOHOA_ERR_LIMIT,       /* over a configured limit: pixels, pages, time */
	SOHOA_ERR_NOMEM,
	SOHOA_ERR_PASSWORD,    /* encrypted and no (right) password */
	SOHOA_ERR_MISSING,     /* a run-time dependency is missing (traineddata, model file) */
	SOHOA_ERR_TIMEOUT,
	SOHOA_ERR_USAGE,       /* bad arguments from the caller */
	SOHOA_ERR_INTERRUPTED, /* stopped by a signal */
	SOHOA_ERR_INTERNAL
} sohoa_status;

typedef enum sohoa_ocr_mode { SOHOA_OCR_AUTO, SOHOA_OCR_ALWAYS, SOHOA_OCR_NEVER } sohoa_ocr_mode;
typedef enum sohoa_tone_style { SOHOA_TONE_KEEP, SOHOA_TONE_OLD, SOHOA_TONE_NEW } sohoa_tone_style;
typedef enum sohoa_restore_mode {
	SOHOA_RESTORE_AUTO, SOHOA_RESTORE_OFF, SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR, SOHOA_RESTORE_VIE
} sohoa_restore_mode;

typedef enum sohoa_log_level { SOHOA_LOG_ERROR, SOHOA_LOG_WARN, SOHOA_LOG_INFO, SOHOA_LOG_DEBUG } sohoa_log_level;

/* Everything a user can set. Filled with defaults by sohoa_options_init. Strings are borrowed. */
typedef struct sohoa_options {
	const char *lang;       /* Tesseract languages, default "vie" */
	const char *tessdata;   /* NULL: Tesseract's default */
	int dpi;                /* render resolution for OCR, default 300 */
	sohoa_ocr_mode ocr;
	int jobs;               /* worker threads, default: online cores */
	const char *pages;      /* page selection "1-3,7" or NULL for all */
	const char *password;   /* for encrypted PDFs, or NULL */
	int verbosity;          /* -1 quiet, 0 normal, 1 -v, 2 -vv */
	sohoa_tone_style tone;
	sohoa_restore_mode restore;
	const char *model_path; /* language model, NULL: the shipped one */
	int page_timeout_s;     /* per-page OCR deadline, default 180 */
	int64_t max_pixels;     /* largest image/page raster we accept, default 300M */
	int max_pages;          /* most pages per document, default 10000 */
} sohoa_options;

typedef void (*sohoa_log_fn)(void *user, sohoa_log_level level, const char *message);

typedef struct sohoa_model sohoa_model; /* the restoration language model (restore/) */

/* The context: options, the last error, the log sink and long-lived handles. One per thread:
 * worker threads use sohoa_ctx_new_worker, which shares options, log and handles but has its own
 * error slot. */
typedef struct sohoa_ctx {
	sohoa_options opt;
	sohoa_log_fn log;
	void *log_user;
	sohoa_status status;    /* last error */
	char errmsg[1024];      /* last error message, "" when none */
	const struct sohoa_ctx *parent; /* NULL for the main context */
	sohoa_model *model;     /* loaded on first use; owned by the main context */
	volatile int *interrupted; /* set by the CLI's signal handler; may be NULL */
} sohoa_ctx;

void sohoa_options_init(sohoa_options *opt);
sohoa_ctx *sohoa_ctx_new(const sohoa_options *opt);
sohoa_ctx *sohoa_ctx_new_worker(const sohoa_ctx *parent);
void sohoa_ctx_free(sohoa_ctx *ctx);

/* Record an error in ctx and return code, so callers write `return sohoa_error(ctx, ...)`.
 * Messages: lowercase, no full stop, the file (and page) named. */
sohoa_status sohoa_error(sohoa_ctx *ctx, sohoa_status code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
const char *sohoa_errmsg(const sohoa_ctx *ctx);
const char *sohoa_status_str(sohoa_status code);
void sohoa_clear_error(sohoa_ctx *ctx);

/* Send a message to the context's log sink (nothing printed by the library itself). */
void sohoa_log(const sohoa_ctx *ctx, sohoa_log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sohoa_interrupted(const sohoa_ctx *ctx);

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
/* Write data to path atomically: a temporary file in the same folder, fsync, rename. */
sohoa_status sohoa_file_write_atomic(sohoa_ctx *ctx, const char *path, const char *data, size_t len);

/* Parse a page selection like "1-3,7,10-" into a predicate; 1-based pages. NULL spec = all. */
int sohoa_pages_valid(const char *spec);
int sohoa_page_selected(const char *spec, int page);

int sohoa_online_cores(void);

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

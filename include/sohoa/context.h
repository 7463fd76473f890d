/* The context every sohoa call takes first: options, the last error, the log sink and the
 * interrupt flag; and the process-wide setup (sohoa_global_init).
 *
 * Ownership, stated once for the whole library: a function named *_new returns something the
 * caller releases with the matching *_free, and *_free(NULL) does nothing. Strings and arrays a
 * call hands out are borrowed: valid until the call returns (callbacks) or the context is freed.
 *
 * Threads: one context per thread. A context runs its own worker threads (sohoa_options.jobs). */
#ifndef SOHOA_CONTEXT_H
#define SOHOA_CONTEXT_H

#include <stdint.h>

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

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
	SOHOA_ERR_INTERRUPTED, /* stopped by the interrupt flag (a signal), or by a callback */
	SOHOA_ERR_INTERNAL
} sohoa_status;

typedef enum sohoa_ocr_mode { SOHOA_OCR_AUTO, SOHOA_OCR_ALWAYS, SOHOA_OCR_NEVER } sohoa_ocr_mode;
typedef enum sohoa_tone_style { SOHOA_TONE_KEEP, SOHOA_TONE_OLD, SOHOA_TONE_NEW } sohoa_tone_style;
/* Diacritic restoration: AUTO decides per paragraph; STRIP restores text whose marks were
 * stripped, OCR text read by an English OCR (eng-OCR), VIE corrects Vietnamese OCR output. */
typedef enum sohoa_restore_mode {
	SOHOA_RESTORE_AUTO, SOHOA_RESTORE_OFF, SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR, SOHOA_RESTORE_VIE
} sohoa_restore_mode;

typedef enum sohoa_log_level { SOHOA_LOG_ERROR, SOHOA_LOG_WARN, SOHOA_LOG_INFO, SOHOA_LOG_DEBUG } sohoa_log_level;

/* Everything a caller can set; sohoa_options_init fills in the defaults. Strings are borrowed:
 * they must outlive the contexts made with them. (Fields may be added in a later minor version:
 * always start from sohoa_options_init.) */
typedef struct sohoa_options {
	const char *lang;       /* Tesseract languages, default "vie" */
	const char *tessdata;   /* folder of *.traineddata; NULL: Tesseract's default */
	int dpi;                /* render resolution for OCR, default 300 */
	sohoa_ocr_mode ocr;     /* default AUTO: OCR the pages whose text layer is unusable */
	int jobs;               /* worker threads, default: online cores */
	const char *pages;      /* page selection "1-3,7,10-", or NULL for all */
	const char *password;   /* for encrypted PDFs, or NULL */
	int verbosity;          /* -1 errors only, 0 also warnings, 1 page decisions, 2 debug */
	sohoa_tone_style tone;  /* default KEEP */
	sohoa_restore_mode restore; /* default AUTO */
	const char *model_path; /* language model file; NULL: the shipped one (see sohoa_model_info) */
	int page_timeout_s;     /* per-page deadline (a document: times its pages, all stages), default 180 */
	int64_t max_pixels;     /* largest image/page raster accepted, default 300,000,000 */
	int max_pages;          /* most pages per document, default 10000 */
	/* The eng-OCR channel adapted to the batch (restoration of text read by an English OCR; see
	 * sohoa_ctx_save_channel). adapt 1: learn it from the documents the context restores, call
	 * after call (default 0: the shipped channel). channel_path: a channel file that
	 * sohoa_ctx_save_channel wrote, used as it is (nothing is learned, adapt or not); NULL: none.
	 * Either takes effect only if the context has not made its channel yet. */
	int adapt;
	const char *channel_path;
} sohoa_options;

/* The opaque context. */
typedef struct sohoa_ctx sohoa_ctx;

/* A log sink: message is one line without its newline. Called from worker threads too, so it
 * must be thread-safe. Messages above the context's verbosity are not sent. */
typedef void (*sohoa_log_fn)(void *user, sohoa_log_level level, const char *message);

/* Process-wide setup, as curl_global_init: call sohoa_global_init once, before any other sohoa
 * call and before the program starts threads; sohoa_global_cleanup once at the end. They are
 * not thread-safe. Everything sohoa changes for the whole process is done here and nowhere else
 * (today: the OCR engine's once-per-process setup, such as silencing Leptonica's messages on
 * stderr). Calls nest: only the last cleanup of as many as there were inits undoes the setup.
 * flags: SOHOA_GLOBAL_DEFAULT. */
#define SOHOA_GLOBAL_DEFAULT 0L
SOHOA_API sohoa_status sohoa_global_init(long flags);
SOHOA_API void sohoa_global_cleanup(void);

SOHOA_API void sohoa_options_init(sohoa_options *opt);
/* A new context with a copy of opt (NULL: the defaults), no log sink and no interrupt flag.
 * NULL when out of memory or when opt fails the checks of sohoa_ctx_set_options. */
SOHOA_API sohoa_ctx *sohoa_ctx_new(const sohoa_options *opt);
SOHOA_API void sohoa_ctx_free(sohoa_ctx *ctx);
/* Replace the context's options with a copy of opt. SOHOA_ERR_USAGE, the message naming the
 * field, and nothing changed when a value is out of range: lang NULL, dpi outside 50..1200, jobs,
 * page_timeout_s, max_pixels or max_pages below 1, a page list that does not parse. A new
 * model_path takes effect only if the context has not loaded a model yet. */
SOHOA_API sohoa_status sohoa_ctx_set_options(sohoa_ctx *ctx, const sohoa_options *opt);
SOHOA_API const sohoa_options *sohoa_ctx_options(const sohoa_ctx *ctx);
/* Send log messages to fn(user, ...); NULL fn: drop them (the default). */
SOHOA_API void sohoa_ctx_set_log(sohoa_ctx *ctx, sohoa_log_fn fn, void *user);
/* While *flag is non-zero, work stops at the next page or document and calls return
 * SOHOA_ERR_INTERRUPTED. flag may be set from a signal handler; NULL: no flag. */
SOHOA_API void sohoa_ctx_set_interrupt(sohoa_ctx *ctx, volatile int *flag);

/* The last error's message ("cannot open 'x.pdf': No such file or directory"), or the status
 * text when there is none. Borrowed from ctx. */
SOHOA_API const char *sohoa_errmsg(const sohoa_ctx *ctx);
/* "ok", "input/output error", ... for a status code. */
SOHOA_API const char *sohoa_status_str(sohoa_status code);

/* The language model a context uses: where it was found and what it is. */
typedef struct sohoa_model_info {
	const char *path;       /* borrowed from ctx */
	unsigned format;        /* file format version */
	uint64_t size;          /* bytes */
	char digest[17];        /* first 16 hex digits of the training set's sha256 */
} sohoa_model_info;
/* Find and load the model (options.model_path, else the shipped one: next to the program in a
 * source tree, or under the installed prefix's share/sohoa) and describe it.
 * SOHOA_ERR_MISSING when there is none, SOHOA_ERR_FORMAT when it is not a model sohoa reads. */
SOHOA_API sohoa_status sohoa_model_info_get(sohoa_ctx *ctx, sohoa_model_info *info);

/* Write the eng-OCR channel the context learned (options.adapt) or read (options.channel_path) to
 * path, atomically, for a later context's options.channel_path: TSV rows "token, word, count".
 * The context and its worker threads share one channel; sohoa_ctx_free frees it. Learning happens
 * as documents are restored, so save after the last. SOHOA_ERR_USAGE when the options ask for no
 * channel; SOHOA_ERR_IO when channel_path cannot be read or path written. */
SOHOA_API sohoa_status sohoa_ctx_save_channel(sohoa_ctx *ctx, const char *path);

#ifdef __cplusplus
}
#endif

#endif

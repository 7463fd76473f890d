/* The context: defaults, per-thread error slots and the log sink. */
#include "sohoa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void sohoa_model_free(sohoa_model *model); /* normalize/, weak fallback below */

void sohoa_options_init(sohoa_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->lang = "vie";
	opt->dpi = 300;
	opt->ocr = SOHOA_OCR_AUTO;
	opt->jobs = sohoa_online_cores();
	opt->tone = SOHOA_TONE_KEEP;
	opt->restore = SOHOA_RESTORE_AUTO;
	opt->page_timeout_s = 180;
	opt->max_pixels = 300000000;
	opt->max_pages = 10000;
}

sohoa_ctx *sohoa_ctx_new(const sohoa_options *opt)
{
	sohoa_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	if (opt)
		ctx->opt = *opt;
	else
		sohoa_options_init(&ctx->opt);
	return ctx;
}

sohoa_ctx *sohoa_ctx_new_worker(const sohoa_ctx *parent)
{
	sohoa_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	ctx->opt = parent->opt;
	ctx->log = parent->log;
	ctx->log_user = parent->log_user;
	ctx->model = parent->model;
	ctx->interrupted = parent->interrupted;
	ctx->parent = parent;
	return ctx;
}

void sohoa_ctx_free(sohoa_ctx *ctx)
{
	if (!ctx)
		return;
	if (!ctx->parent)
		sohoa_model_free(ctx->model);
	free(ctx);
}

static const char *const status_text[] = {
	[SOHOA_OK] = "ok",
	[SOHOA_ERR_IO] = "input/output error",
	[SOHOA_ERR_FORMAT] = "bad format",
	[SOHOA_ERR_UNSUPPORTED] = "unsupported",
	[SOHOA_ERR_LIMIT] = "over a limit",
	[SOHOA_ERR_NOMEM] = "out of memory",
	[SOHOA_ERR_PASSWORD] = "password required",
	[SOHOA_ERR_MISSING] = "missing dependency",
	[SOHOA_ERR_TIMEOUT] = "timed out",
	[SOHOA_ERR_USAGE] = "usage error",
	[SOHOA_ERR_INTERRUPTED] = "interrupted",
	[SOHOA_ERR_INTERNAL] = "internal error",
};

const char *sohoa_status_str(sohoa_status code)
{
	if ((unsigned)code < sizeof status_text / sizeof status_text[0] && status_text[code])
		return status_text[code];
	return "unknown error";
}

sohoa_status sohoa_error(sohoa_ctx *ctx, sohoa_status code, const char *fmt, ...)
{
	if (!ctx)
		return code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
	va_end(ap);
	ctx->status = code;
	return code;
}

const char *sohoa_errmsg(const sohoa_ctx *ctx)
{
	if (!ctx)
		return "no context";
	if (ctx->errmsg[0])
		return ctx->errmsg;
	return sohoa_status_str(ctx->status);
}

void sohoa_clear_error(sohoa_ctx *ctx)
{
	ctx->status = SOHOA_OK;
	ctx->errmsg[0] = 0;
}

void sohoa_log(const sohoa_ctx *ctx, sohoa_log_level level, const char *fmt, ...)
{
	if (!ctx || !ctx->log)
		return;
	if ((int)level > ctx->opt.verbosity + 1) /* verbosity 0 shows errors and warnings */
		return;
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ctx->log(ctx->log_user, level, msg);
}

int sohoa_interrupted(const sohoa_ctx *ctx)
{
	return ctx && ctx->interrupted && *ctx->interrupted;
}

int sohoa_online_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

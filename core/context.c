/* The context: defaults and checks of the options, per-thread error slots, the log sink and the
 * interrupt flag. */
#include "sohoa.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void sohoa_model_free(sohoa_model *model); /* restore/lm.c: the main context owns the model */
void sohoa_channel_free(sohoa_channel *ch); /* restore/adapt.c: and the channel */

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

/* The checks of sohoa_ctx_set_options: 0, or -1 with the error set in ctx (which may be NULL). */
static int options_check(sohoa_ctx *ctx, const sohoa_options *o)
{
	const char *bad = !o->lang ? "lang is NULL"
		: o->dpi < SOHOA_DPI_MIN || o->dpi > SOHOA_DPI_MAX ? "dpi is outside 50..1200"
		: o->jobs < 1 ? "jobs is below 1"
		: !sohoa_pages_valid(o->pages) ? "pages is not a page list like 1-3,7"
		: o->page_timeout_s < 1 ? "page_timeout_s is below 1"
		: o->max_pixels < 1 ? "max_pixels is below 1"
		: o->max_pages < 1 ? "max_pages is below 1" : NULL;
	if (!bad)
		return 0;
	sohoa_error(ctx, SOHOA_ERR_USAGE, "bad options: %s", bad);
	return -1;
}

sohoa_ctx *sohoa_ctx_new(const sohoa_options *opt)
{
	if (opt && options_check(NULL, opt))
		return NULL;
	sohoa_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	if (opt)
		ctx->opt = *opt;
	else
		sohoa_options_init(&ctx->opt);
	return ctx;
}

sohoa_status sohoa_ctx_set_options(sohoa_ctx *ctx, const sohoa_options *opt)
{
	if (options_check(ctx, opt))
		return SOHOA_ERR_USAGE;
	ctx->opt = *opt;
	return SOHOA_OK;
}

const sohoa_options *sohoa_ctx_options(const sohoa_ctx *ctx)
{
	return &ctx->opt;
}

void sohoa_ctx_set_log(sohoa_ctx *ctx, sohoa_log_fn fn, void *user)
{
	ctx->log = fn;
	ctx->log_user = user;
}

void sohoa_ctx_set_interrupt(sohoa_ctx *ctx, volatile int *flag)
{
	ctx->interrupted = flag;
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
	ctx->channel = parent->channel;
	ctx->interrupted = parent->interrupted;
	ctx->parent = parent;
	return ctx;
}

void sohoa_ctx_free(sohoa_ctx *ctx)
{
	if (!ctx)
		return;
	if (!ctx->parent) {
		sohoa_model_free(ctx->model);
		sohoa_channel_free(ctx->channel);
	}
	free(ctx->model_found);
	free(ctx);
}

/* Indexed by sohoa_status. */
static const char *const status_text[] = {
	"ok", "input/output error", "bad format", "unsupported", "over a limit", "out of memory",
	"password required", "missing dependency", "timed out", "usage error", "interrupted",
	"internal error",
};
_Static_assert(sizeof status_text / sizeof status_text[0] == SOHOA_ERR_INTERNAL + 1,
	       "one text per status");

const char *sohoa_status_str(sohoa_status code)
{
	if ((unsigned)code < sizeof status_text / sizeof status_text[0])
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

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void sohoa_deadline_start(sohoa_ctx *ctx)
{
	ctx->doc_start = now_s();
	ctx->doc_pages = 1;
}

void sohoa_deadline_pages(sohoa_ctx *ctx, size_t npages)
{
	for (; ctx; ctx = (sohoa_ctx *)ctx->parent) /* the context that holds the deadline */
		if (ctx->doc_start > 0) {
			ctx->doc_pages = npages > 1 ? (npages < 1000000 ? (int)npages : 1000000) : 1;
			return;
		}
}

int sohoa_deadline_passed(const sohoa_ctx *ctx)
{
	for (; ctx; ctx = ctx->parent)
		if (ctx->doc_start > 0)
			return now_s() > ctx->doc_start + (double)ctx->opt.page_timeout_s * ctx->doc_pages;
	return 0;
}

void sohoa_deadline_stop(sohoa_ctx *ctx)
{
	ctx->doc_start = 0;
	ctx->doc_pages = 0;
}

int sohoa_interrupted(const sohoa_ctx *ctx)
{
	return ctx && ((ctx->interrupted && *ctx->interrupted) || sohoa_deadline_passed(ctx));
}

int sohoa_online_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

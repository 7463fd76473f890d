/* The eng-OCR channel adapted to the batch, from the public options (include/sohoa/context.h
 * adapt, channel_path; restore/restore.h sohoa_channel): made once by the main context, shared
 * by its workers, saved on request. */
#include "pipeline.h"
#include "../restore/restore.h"

#include <pthread.h>

static pthread_mutex_t channel_lock = PTHREAD_MUTEX_INITIALIZER;

sohoa_status sohoa_ctx_channel(sohoa_ctx *ctx)
{
	if (ctx->channel || (!ctx->opt.adapt && !ctx->opt.channel_path))
		return SOHOA_OK;
	sohoa_ctx *owner = ctx;
	while (owner->parent)
		owner = (sohoa_ctx *)owner->parent; /* the main context owns the channel */
	sohoa_status st = SOHOA_OK;
	pthread_mutex_lock(&channel_lock);
	if (!owner->channel) {
		if (ctx->opt.channel_path)
			st = sohoa_channel_load(ctx, ctx->opt.channel_path, &owner->channel);
		else if (!(owner->channel = sohoa_channel_new()))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	ctx->channel = owner->channel;
	pthread_mutex_unlock(&channel_lock);
	return st;
}

sohoa_status sohoa_ctx_save_channel(sohoa_ctx *ctx, const char *path)
{
	if (!path)
		return sohoa_error(ctx, SOHOA_ERR_USAGE, "no path to save the channel to");
	sohoa_status st = sohoa_ctx_channel(ctx);
	if (st != SOHOA_OK)
		return st;
	if (!ctx->channel)
		return sohoa_error(ctx, SOHOA_ERR_USAGE, "no channel to save: the options set neither adapt nor channel_path");
	return sohoa_channel_save(ctx, ctx->channel, path);
}

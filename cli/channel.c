/* The eng-OCR channel adapted to the batch (--adapt, --channel FILE), through the public options
 * (sohoa_options adapt, channel_path; sohoa_ctx_save_channel): read before a command runs,
 * written after it. */
#include "cli.h"
#include "../api/pipeline.h"

#include <stdio.h>
#include <unistd.h>

/* Where the channel is kept: --channel FILE, or for run --adapt OUTDIR/channel.tsv; into path
 * (size cap); 0 when nowhere. */
static int channel_path(const cli_args *a, int run, char *path, size_t cap)
{
	if (a->channel)
		return snprintf(path, cap, "%s", a->channel) < (int)cap;
	if (run && a->adapt && a->output)
		return snprintf(path, cap, "%s/channel.tsv", a->output) < (int)cap;
	return 0;
}

int cli_channel_open(const cli_args *a, int run, sohoa_ctx *ctx)
{
	static char path[4096]; /* borrowed by the context's options */
	int kept = channel_path(a, run, path, sizeof path);
	if (!a->adapt && !kept)
		return 0;
	sohoa_options opt = *sohoa_ctx_options(ctx);
	opt.adapt = a->adapt;
	/* a channel kept already (a resumed or sharded run, a saved one) is used as it is */
	opt.channel_path = kept && (!a->adapt || access(path, F_OK) == 0) ? path : NULL;
	if (sohoa_ctx_set_options(ctx, &opt) != SOHOA_OK || sohoa_ctx_channel(ctx) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return -1;
	}
	return 0;
}

int cli_channel_close(const cli_args *a, int run, sohoa_ctx *ctx)
{
	char path[4096];
	if (a->adapt && channel_path(a, run, path, sizeof path) && access(path, F_OK) != 0 &&
	    sohoa_ctx_save_channel(ctx, path) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return -1;
	}
	return 0;
}

/* The eng-OCR channel adapted to the batch (--adapt, --channel FILE; restore.h sohoa_channel):
 * made or read before a command runs, written after it. */
#include "cli.h"
#include "../restore/restore.h"

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
	char path[4096];
	int kept = channel_path(a, run, path, sizeof path);
	if (!a->adapt && !kept)
		return 0;
	sohoa_channel *ch = NULL;
	/* a channel kept already (a resumed or sharded run, a saved one) is used as it is */
	if (kept && (!a->adapt || access(path, F_OK) == 0)) {
		if (sohoa_channel_load(ctx, path, &ch) != SOHOA_OK) {
			cli_error("%s", sohoa_errmsg(ctx));
			return -1;
		}
	} else if (!(ch = sohoa_channel_new())) {
		cli_error("out of memory");
		return -1;
	}
	ctx->channel = ch;
	return 0;
}

int cli_channel_close(const cli_args *a, int run, sohoa_ctx *ctx)
{
	sohoa_channel *ch = ctx->channel;
	char path[4096];
	int rc = 0;
	ctx->channel = NULL;
	if (ch && a->adapt && channel_path(a, run, path, sizeof path) && access(path, F_OK) != 0 &&
	    sohoa_channel_save(ctx, ch, path) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		rc = -1;
	}
	sohoa_channel_free(ch);
	return rc;
}

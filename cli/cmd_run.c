/* sohoa run INPUT... -o OUTDIR: the whole pipeline over files and folders (see batch.c). */
#include "batch.h"

int cmd_run(const cli_args *a, sohoa_ctx *ctx)
{
	size_t k, n;
	if (a->shard && batch_parse_shard(a->shard, &k, &n)) {
		cli_error("--shard wants K/N with 1 <= K <= N, not '%s'", a->shard);
		return EXIT_USAGE;
	}
	return batch_run(a, ctx);
}

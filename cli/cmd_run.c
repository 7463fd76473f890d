/* sohoa run INPUT... -o OUTDIR: the whole pipeline over files and folders (see batch.c). */
#include "batch.h"

#include <string.h>

int cmd_run(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[3], argc, argv, CLI_OCR | CLI_NORM | CLI_OUT | CLI_BATCH, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs < 1 || !a.output || !*a.output) {
		cli_error("run wants INPUT... and -o OUTDIR (try 'sohoa run --help')");
		return EXIT_USAGE;
	}
	size_t k, n;
	if (a.shard && batch_parse_shard(a.shard, &k, &n)) {
		cli_error("--shard wants K/N with 1 <= K <= N, not '%s'", a.shard);
		return EXIT_USAGE;
	}
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	int status = batch_run(&a, ctx);
	sohoa_ctx_free(ctx);
	return status;
}

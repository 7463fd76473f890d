/* sohoa merge OUTDIR... -o MERGED (placeholder until the batch work lands). */
#include "cli.h"

int cmd_merge(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[4], argc, argv, CLI_OUT, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	cli_error("merge is not built yet");
	return EXIT_USAGE;
}

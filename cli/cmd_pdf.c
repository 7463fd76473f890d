/* sohoa pdf IN OUT.pdf: the searchable PDF of one PDF or image; IN or OUT may be - (standard
 * input or output). */
#include "cli.h"
#include "../output/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_pdf(const cli_args *a, sohoa_ctx *ctx)
{
	const char *in = a->inputs[0], *out = a->inputs[1];
	char tmp[4096] = "";
	if (!strcmp(out, "-")) {
		if (isatty(1)) {
			cli_error("pdf: will not write a PDF to a terminal; give OUT.pdf or redirect standard output");
			return EXIT_USAGE;
		}
		int fd = cli_temp_file(tmp, sizeof tmp, "pdf");
		if (fd < 0) {
			cli_error("cannot create '%s': %s", tmp, strerror(errno));
			return EXIT_INPUT;
		}
		close(fd);
		out = tmp;
	}
	sohoa_pdf_report rep;
	int status = EXIT_OK;
	if ((!strcmp(in, "-") && cli_stdin_file(ctx, &in) != SOHOA_OK) || sohoa_pdf_file(ctx, in, out, &rep) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	} else {
		status = rep.failed ? EXIT_INPUT : EXIT_OK; /* the file is written, without some layers */
		char *data = NULL;
		size_t len = 0;
		if (*tmp && sohoa_file_read(ctx, tmp, &data, &len) != SOHOA_OK) {
			cli_error("%s", sohoa_errmsg(ctx));
			status = EXIT_INPUT;
		} else if (*tmp && cli_write_output(ctx, NULL, data, len)) {
			status = EXIT_INPUT;
		}
		free(data);
	}
	if (*tmp)
		unlink(tmp);
	return status;
}

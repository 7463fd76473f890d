/* sohoa pdf IN OUT.pdf: the searchable PDF of one PDF or image. */
#include "cli.h"
#include "../output/output.h"

int cmd_pdf(const cli_args *a, sohoa_ctx *ctx)
{
	sohoa_pdf_report rep;
	if (sohoa_pdf_file(ctx, a->inputs[0], a->inputs[1], &rep) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return EXIT_INPUT;
	}
	return rep.failed ? EXIT_INPUT : EXIT_OK; /* the file is written, without some layers */
}

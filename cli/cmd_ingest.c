/* sohoa ingest FILE: text or TSV with positions. */
#include "cli.h"
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

int cmd_ingest(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[0], argc, argv, CLI_OCR | CLI_OUT | CLI_FORMAT, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs != 1) {
		cli_error("ingest wants exactly one FILE (try 'sohoa ingest --help')");
		return EXIT_USAGE;
	}
	int tsv = 0;
	if (a.format && !(tsv = !strcmp(a.format, "tsv")) && strcmp(a.format, "text")) {
		cli_error("--format wants text or tsv, not '%s'", a.format);
		return EXIT_USAGE;
	}
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	sohoa_doc *doc = NULL;
	sohoa_buf out = {0};
	int status = EXIT_OK;
	if (sohoa_ingest(ctx, a.inputs[0], &doc) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto done;
	}
	pipeline_log_pages(ctx, doc);
	if (pipeline_doc_failed(doc))
		status = EXIT_INPUT;
	if ((tsv ? sohoa_doc_write_tsv(ctx, doc, &out) : sohoa_doc_write_text(ctx, doc, &out)) != SOHOA_OK ||
	    cli_write_output(ctx, a.output, out.data ? out.data : "", out.len)) {
		if (ctx->status != SOHOA_OK)
			cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
done:
	sohoa_buf_free(&out);
	sohoa_doc_free(doc);
	sohoa_ctx_free(ctx);
	return status;
}

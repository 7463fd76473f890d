/* sohoa ingest FILE: text or TSV with positions. */
#include "cli.h"
#include "../api/pipeline.h"

#include <string.h>

int cmd_ingest(const cli_args *a, sohoa_ctx *ctx)
{
	int tsv = 0;
	if (a->format && !(tsv = !strcmp(a->format, "tsv")) && strcmp(a->format, "text")) {
		cli_error("--format wants text or tsv, not '%s'", a->format);
		return EXIT_USAGE;
	}
	sohoa_doc *doc = NULL;
	sohoa_buf out = {0};
	int status = EXIT_OK;
	if (sohoa_ingest(ctx, a->inputs[0], &doc) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return EXIT_INPUT;
	}
	sohoa_doc_log_pages(ctx, doc);
	if (sohoa_doc_failed_pages(doc))
		status = EXIT_INPUT;
	if ((tsv ? sohoa_doc_write_tsv(ctx, doc, &out) : sohoa_doc_write_text(ctx, doc, &out)) != SOHOA_OK ||
	    cli_write_output(ctx, a->output, out.data ? out.data : "", out.len)) {
		if (ctx->status != SOHOA_OK)
			cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	sohoa_buf_free(&out);
	sohoa_doc_free(doc);
	return status;
}

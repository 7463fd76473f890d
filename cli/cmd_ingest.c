/* sohoa ingest FILE|-: text or TSV with positions. */
#include "cli.h"
#include "../api/pipeline.h"
#include "../output/output.h"

#include <string.h>

int cmd_ingest(const cli_args *a, sohoa_ctx *ctx)
{
	/* the writers of each --format */
	static const struct {
		const char *name;
		sohoa_status (*write)(sohoa_ctx *, const sohoa_doc *, sohoa_buf *);
	} formats[] = {
		{"text", sohoa_doc_write_text}, {"tsv", sohoa_doc_write_tsv},
		{"hocr", sohoa_doc_write_hocr}, {"alto", sohoa_doc_write_alto},
	};
	size_t f = 0;
	while (a->format && f < sizeof formats / sizeof formats[0] && strcmp(a->format, formats[f].name))
		f++;
	if (f == sizeof formats / sizeof formats[0]) {
		cli_error("--format wants text, tsv, hocr or alto, not '%s'", a->format);
		return EXIT_USAGE;
	}
	sohoa_doc *doc = NULL;
	sohoa_buf out = {0};
	int status = EXIT_OK;
	const char *input = a->inputs[0];
	if ((!strcmp(input, "-") && cli_stdin_file(ctx, &input) != SOHOA_OK) || sohoa_ingest(ctx, input, &doc) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return EXIT_INPUT;
	}
	sohoa_doc_log_pages(ctx, doc);
	if (sohoa_doc_failed_pages(doc))
		status = EXIT_INPUT;
	if (formats[f].write(ctx, doc, &out) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	} else if (cli_write_output(ctx, a->output, out.data ? out.data : "", out.len)) {
		status = EXIT_INPUT; /* it said why */
	}
	sohoa_buf_free(&out);
	sohoa_doc_free(doc);
	return status;
}

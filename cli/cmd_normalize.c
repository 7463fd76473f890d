/* sohoa normalize [FILE|-]: clean Unicode Vietnamese text. */
#include "cli.h"
#include "pipeline.h"

#include <string.h>

int cmd_normalize(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[1], argc, argv, CLI_OCR | CLI_NORM | CLI_OUT | CLI_FORMAT, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs > 1) {
		cli_error("normalize takes one FILE or - (try 'sohoa normalize --help')");
		return EXIT_USAGE;
	}
	int tsv_out = 0;
	if (a.format && !(tsv_out = !strcmp(a.format, "tsv")) && strcmp(a.format, "text")) {
		cli_error("--format wants text or tsv, not '%s'", a.format);
		return EXIT_USAGE;
	}
	const char *input = a.ninputs ? a.inputs[0] : "-";
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	sohoa_doc *doc = NULL;
	sohoa_text *text = NULL;
	sohoa_buf out = {0};
	int status = EXIT_OK;
	if (pipeline_read(ctx, input, a.tsv_input, &doc) != SOHOA_OK ||
	    sohoa_normalize_doc(ctx, doc, &text) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto done;
	}
	if (pipeline_doc_failed(doc))
		status = EXIT_INPUT;
	sohoa_status st = SOHOA_OK;
	if (tsv_out) {
		if (sohoa_buf_puts(&out, "page\tline\tpage_end\tline_end\ttext\n"))
			st = SOHOA_ERR_NOMEM;
		for (size_t i = 0; st == SOHOA_OK && i < text->nlines; i++) {
			const sohoa_tline *l = &text->lines[i];
			size_t start = out.len;
			if (sohoa_buf_printf(&out, "%d\t%d\t%d\t%d\t%s\n", l->page, l->line, l->page_end,
					     l->line_end, l->text))
				st = SOHOA_ERR_NOMEM;
			/* Table rows keep their tabs in text output; in TSV they would make columns. */
			for (size_t k = out.len - 1 - strlen(l->text); st == SOHOA_OK && k < out.len - 1; k++)
				if (out.data[k] == '\t' && k >= start)
					out.data[k] = ' ';
		}
	} else {
		st = sohoa_text_write(ctx, text, &out);
	}
	if (st != SOHOA_OK || cli_write_output(ctx, a.output, out.data ? out.data : "", out.len))
		status = EXIT_INPUT;
done:
	sohoa_buf_free(&out);
	sohoa_text_free(text);
	sohoa_doc_free(doc);
	sohoa_ctx_free(ctx);
	return status;
}

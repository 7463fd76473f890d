/* sohoa normalize [FILE|-]: clean Unicode Vietnamese text. */
#include "cli.h"

#include <string.h>

/* The handler's line callback for --format tsv: one row per line with its source lines. */
static int tsv_line(void *user, const sohoa_text_line *l)
{
	sohoa_buf *out = user;
	if (sohoa_buf_printf(out, "%d\t%d\t%d\t%d\t", l->page, l->line, l->page_end, l->line_end))
		return 1;
	size_t text = out->len;
	if (sohoa_buf_puts(out, l->text) || sohoa_buf_puts(out, "\n"))
		return 1;
	/* Table rows keep their tabs in text output; in TSV they would make columns. */
	for (size_t k = text; k < out->len - 1; k++)
		if (out->data[k] == '\t')
			out->data[k] = ' ';
	return 0;
}

static int whole_text(void *user, const char *text, size_t len)
{
	return sohoa_buf_append(user, text, len) != 0;
}

int cmd_normalize(const cli_args *a, sohoa_ctx *ctx)
{
	int tsv_out = 0;
	if (a->format && !(tsv_out = !strcmp(a->format, "tsv")) && strcmp(a->format, "text")) {
		cli_error("--format wants text or tsv, not '%s'", a->format);
		return EXIT_USAGE;
	}
	const char *input = a->ninputs ? a->inputs[0] : "-";
	sohoa_buf out = {0};
	sohoa_handler h = {.user = &out};
	if (tsv_out)
		h.line = tsv_line;
	else
		h.text = whole_text;
	sohoa_summary sum;
	int status = EXIT_OK;
	if (tsv_out && sohoa_buf_puts(&out, "page\tline\tpage_end\tline_end\ttext\n")) {
		cli_error("out of memory");
		status = EXIT_INPUT;
	} else if (cli_process(ctx, input, a->tsv_input, &h, &sum) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	} else {
		if (sum.failed_pages)
			status = EXIT_INPUT;
		if (cli_write_output(ctx, a->output, out.data ? out.data : "", out.len))
			status = EXIT_INPUT;
	}
	sohoa_buf_free(&out);
	return status;
}

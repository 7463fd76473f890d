/* The CLI's side of the document pipeline: which input to read, and rows turned into CSV through
 * the extractors' writer (extract/csv.c), so the files are what the extractors wrote. */
#include "cli.h"
#include "../extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_out_text(void *out, const char *text, size_t len)
{
	cli_out *o = out;
	if (sohoa_buf_append(&o->text, text, len)) {
		o->nomem = 1;
		return 1;
	}
	return 0;
}

int cli_out_row(void *out, const sohoa_row *row)
{
	cli_out *r = out;
	const char *const *kinds = sohoa_row_kinds();
	size_t k = 0;
	while (kinds[k] && strcmp(kinds[k], row->kind))
		k++;
	if (k >= CLI_MAX_KINDS || !kinds[k] || sohoa_csv_row(&r->csv[k], row->cells, row->ncells)) {
		r->nomem = 1;
		return 1;
	}
	return 0;
}

void cli_out_free(cli_out *out)
{
	sohoa_buf_free(&out->text);
	for (size_t k = 0; k < CLI_MAX_KINDS; k++)
		sohoa_buf_free(&out->csv[k]);
}

int cli_csv_bom;

int cli_csv_header(const char *kind, sohoa_buf *out)
{
	if (cli_csv_bom && sohoa_buf_append(out, "\xEF\xBB\xBF", 3))
		return -1;
	const char *const *cols = sohoa_row_columns(kind);
	size_t n = 0;
	while (cols && cols[n])
		n++;
	return sohoa_csv_row(out, cols, n);
}

sohoa_status cli_process(sohoa_ctx *ctx, const char *input, int tsv, const sohoa_handler *h, sohoa_summary *sum)
{
	int in_stdin = !strcmp(input, "-");
	if (sum)
		memset(sum, 0, sizeof *sum);
	if (!in_stdin && !tsv)
		return sohoa_process_file(ctx, input, h, sum);
	char *data = NULL;
	size_t len = 0;
	sohoa_status st = in_stdin ? sohoa_stream_read(ctx, stdin, "stdin", &data, &len)
				   : sohoa_file_read(ctx, input, &data, &len);
	if (st == SOHOA_OK)
		st = sohoa_process_buffer(ctx, in_stdin ? "stdin" : input, data, len,
					  tsv ? SOHOA_INPUT_TSV : SOHOA_INPUT_TEXT, h, sum);
	free(data);
	return st;
}

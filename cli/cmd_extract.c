/* sohoa extract FILE|-: the CSV files of one document, written atomically (OUTDIR/KIND.csv,
 * ./KIND.csv, or standard output with --only and no -o or -o -). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int cmd_extract(const cli_args *a, sohoa_ctx *ctx)
{
	if (a->only && !sohoa_row_columns(a->only)) {
		cli_error("--only: no extractor named '%s'", a->only);
		return EXIT_USAGE;
	}
	int to_stdout = a->output && !strcmp(a->output, "-");
	if (to_stdout && !a->only) {
		cli_error("extract -o - writes one CSV to standard output: add --only KIND");
		return EXIT_USAGE;
	}
	cli_out rows;
	memset(&rows, 0, sizeof rows);
	sohoa_handler h = {.user = &rows, .row = cli_out_row, .only = a->only};
	sohoa_summary sum;
	int status = EXIT_OK;
	if (cli_process(ctx, a->inputs[0], a->tsv_input, &h, &sum) != SOHOA_OK) {
		cli_error("%s", rows.nomem ? "out of memory" : sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto done;
	}
	if (sum.failed_pages)
		status = EXIT_INPUT;
	struct stat dir;
	if (a->output && !to_stdout && mkdir(a->output, 0777) &&
	    (errno != EEXIST || stat(a->output, &dir) != 0 || !S_ISDIR(dir.st_mode))) {
		if (errno == EEXIST)
			cli_error("cannot write into '%s': not a folder", a->output);
		else
			cli_error("cannot create '%s': %s", a->output, strerror(errno));
		status = EXIT_INPUT;
		goto done;
	}
	const char *const *kinds = sohoa_row_kinds();
	for (size_t i = 0; kinds[i]; i++) {
		if (a->only && strcmp(a->only, kinds[i]))
			continue;
		sohoa_buf csv = {0};
		int nomem = cli_csv_header(kinds[i], &csv) ||
			    sohoa_buf_append(&csv, rows.csv[i].data ? rows.csv[i].data : "", rows.csv[i].len);
		/* OUTDIR/KIND.csv; without -o: ./KIND.csv, or standard output for --only; -o -: stdout */
		char path[4096];
		const char *dest = NULL;
		if (a->output)
			snprintf(path, sizeof path, "%s/%s.csv", a->output, kinds[i]);
		else
			snprintf(path, sizeof path, "%s.csv", kinds[i]);
		if ((a->output && !to_stdout) || !a->only)
			dest = path;
		if (nomem)
			cli_error("out of memory");
		int failed = nomem || cli_write_output(ctx, dest, csv.data, csv.len);
		sohoa_buf_free(&csv);
		if (failed) { /* one message: the next files would fail the same way */
			status = EXIT_INPUT;
			break;
		}
	}
done:
	cli_out_free(&rows);
	return status;
}

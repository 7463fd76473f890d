/* sohoa extract FILE: the CSV files of one document, written atomically (OUTDIR/KIND.csv, ./KIND.csv,
 * or standard output with --only and no -o). */
#include "cli.h"
#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int cmd_extract(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[2], argc, argv, CLI_OCR | CLI_NORM | CLI_OUT | CLI_ONLY, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs != 1) {
		cli_error("extract wants exactly one FILE (try 'sohoa extract --help')");
		return EXIT_USAGE;
	}
	const sohoa_extractor *only = NULL;
	if (a.only && !(only = sohoa_extractor_find(a.only))) {
		cli_error("--only: no extractor named '%s'", a.only);
		return EXIT_USAGE;
	}
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	const sohoa_extractor *const *ex = sohoa_extractors();
	size_t nex = 0;
	while (ex[nex])
		nex++;
	sohoa_buf rows[16] = {{0}};
	sohoa_doc *doc = NULL;
	sohoa_text *text = NULL;
	int status = EXIT_OK;
	if (pipeline_read(ctx, a.inputs[0], a.tsv_input, &doc) != SOHOA_OK ||
	    sohoa_normalize_doc(ctx, doc, &text) != SOHOA_OK ||
	    pipeline_extract(ctx, doc, text, only, rows) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
		goto done;
	}
	if (pipeline_doc_failed(doc))
		status = EXIT_INPUT;
	if (a.output && mkdir(a.output, 0777) && errno != EEXIST) {
		cli_error("cannot create '%s': %s", a.output, strerror(errno));
		status = EXIT_INPUT;
		goto done;
	}
	for (size_t i = 0; i < nex; i++) {
		if (only && only != ex[i])
			continue;
		sohoa_buf csv = {0};
		pipeline_csv_header(ex[i], &csv);
		sohoa_buf_append(&csv, rows[i].data ? rows[i].data : "", rows[i].len);
		/* OUTDIR/KIND.csv; without -o: ./KIND.csv, or standard output for --only */
		char path[4096];
		const char *dest = NULL;
		if (a.output)
			snprintf(path, sizeof path, "%s/%s.csv", a.output, ex[i]->name);
		else
			snprintf(path, sizeof path, "%s.csv", ex[i]->name);
		if (a.output || !only)
			dest = path;
		if (cli_write_output(ctx, dest, csv.data, csv.len))
			status = EXIT_INPUT;
		sohoa_buf_free(&csv);
	}
done:
	for (size_t i = 0; i < 16; i++)
		sohoa_buf_free(&rows[i]);
	sohoa_text_free(text);
	sohoa_doc_free(doc);
	sohoa_ctx_free(ctx);
	return status;
}

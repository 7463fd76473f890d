/* sohoa run INPUT... -o OUTDIR: every stage over every input (simple sequential driver; the batch
 * work replaces it with the parallel, resumable one). */
#include "cli.h"
#include "pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct path_list {
	char **items;
	size_t n, cap;
} path_list;

static int list_add(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **it = realloc(l->items, cap * sizeof *it);
		if (!it)
			return -1;
		l->items = it;
		l->cap = cap;
	}
	return (l->items[l->n++] = sohoa_strdup(p)) ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add path, or the files below it when it is a folder and recursive is set. */
static int walk(const char *path, int recursive, int depth, path_list *out)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return list_add(out, path);
	if (!recursive || depth > 64) {
		cli_error("'%s' is a directory (use --recursive)", path);
		return 1;
	}
	DIR *d = opendir(path);
	if (!d) {
		cli_error("cannot open '%s': %s", path, strerror(errno));
		return 1;
	}
	int failed = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char child[4096];
		snprintf(child, sizeof child, "%s/%s", path, e->d_name);
		int r = walk(child, recursive, depth + 1, out);
		if (r < 0) {
			closedir(d);
			return r;
		}
		failed |= r;
	}
	closedir(d);
	return failed;
}

int cmd_run(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cli_commands[3], argc, argv, CLI_OCR | CLI_NORM | CLI_OUT | CLI_BATCH, &a);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (a.ninputs < 1 || !a.output) {
		cli_error("run wants INPUT... and -o OUTDIR (try 'sohoa run --help')");
		return EXIT_USAGE;
	}
	if (mkdir(a.output, 0777) != 0 && errno != EEXIST) {
		cli_error("cannot create '%s': %s", a.output, strerror(errno));
		return EXIT_INPUT;
	}
	sohoa_ctx *ctx = cli_ctx_new(&a);
	if (!ctx)
		return EXIT_INPUT;
	cli_install_signals();
	int status = EXIT_OK;
	path_list files = {0};
	for (int i = 0; i < a.ninputs; i++) {
		int r = walk(a.inputs[i], a.recursive, 0, &files);
		if (r < 0) {
			cli_error("out of memory");
			return EXIT_INPUT;
		}
		if (r)
			status = EXIT_INPUT;
	}
	qsort(files.items, files.n, sizeof *files.items, cmp_str);
	const sohoa_extractor *const *ex = sohoa_extractors();
	size_t nex = 0;
	while (ex[nex])
		nex++;
	sohoa_buf rows[16] = {{0}};
	size_t ok = 0, failed = 0;
	for (size_t i = 0; i < files.n && !cli_interrupted; i++) {
		sohoa_doc *doc = NULL;
		sohoa_text *text = NULL;
		sohoa_buf txt = {0};
		sohoa_clear_error(ctx);
		if (pipeline_read(ctx, files.items[i], 0, &doc) != SOHOA_OK ||
		    sohoa_normalize_doc(ctx, doc, &text) != SOHOA_OK ||
		    sohoa_text_write(ctx, text, &txt) != SOHOA_OK) {
			cli_error("%s", sohoa_errmsg(ctx));
			failed++;
		} else {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s.txt", a.output, doc->name);
			sohoa_buf docrows[16] = {{0}};
			if (cli_write_output(ctx, path, txt.data ? txt.data : "", txt.len) ||
			    pipeline_extract(ctx, doc, text, NULL, docrows) != SOHOA_OK) {
				if (ctx->status)
					cli_error("%s", sohoa_errmsg(ctx));
				failed++;
			} else {
				for (size_t k = 0; k < nex; k++)
					sohoa_buf_append(&rows[k], docrows[k].data ? docrows[k].data : "", docrows[k].len);
				if (pipeline_doc_failed(doc))
					failed++;
				else
					ok++;
			}
			for (size_t k = 0; k < 16; k++)
				sohoa_buf_free(&docrows[k]);
		}
		sohoa_buf_free(&txt);
		sohoa_text_free(text);
		sohoa_doc_free(doc);
	}
	for (size_t k = 0; k < nex; k++) {
		sohoa_buf csv = {0};
		pipeline_csv_header(ex[k], &csv);
		sohoa_buf_append(&csv, rows[k].data ? rows[k].data : "", rows[k].len);
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.csv", a.output, ex[k]->name);
		if (cli_write_output(ctx, path, csv.data, csv.len))
			status = EXIT_INPUT;
		sohoa_buf_free(&csv);
		sohoa_buf_free(&rows[k]);
	}
	if (a.opt.verbosity >= 0)
		fprintf(stderr, "sohoa: %zu documents ok, %zu failed\n", ok, failed);
	if (failed || cli_interrupted)
		status = EXIT_INPUT;
	for (size_t i = 0; i < files.n; i++)
		free(files.items[i]);
	free(files.items);
	sohoa_ctx_free(ctx);
	return status;
}

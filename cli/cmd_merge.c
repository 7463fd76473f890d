/* sohoa merge OUTDIR... -o MERGED: join the output folders of sharded runs into one folder, as if
 * one run had done every document: texts and rows copied, one manifest, CSVs in path order. */
#include "batch.h"

#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int same_dir(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The eng-OCR channel of run --adapt (OUTDIR/channel.tsv): the first input's that has one is
 * the merged folder's. -1 when it cannot be copied. */
static int merge_channel(sohoa_ctx *ctx, const cli_args *a)
{
	char path[PATH_MAX];
	for (int i = 0; i < a->ninputs; i++) {
		char *data;
		size_t len;
		snprintf(path, sizeof path, "%s/channel.tsv", a->inputs[i]);
		if (access(path, F_OK) != 0)
			continue;
		if (sohoa_file_read(ctx, path, &data, &len) != SOHOA_OK)
			return -1;
		snprintf(path, sizeof path, "%s/channel.tsv", a->output);
		sohoa_status st = sohoa_file_write_atomic(ctx, path, data, len);
		free(data);
		return st == SOHOA_OK ? 0 : -1;
	}
	return 0;
}

int cmd_merge(const cli_args *a, sohoa_ctx *ctx)
{
	if (batch_mkdirs(a->output)) {
		cli_error("cannot create '%s': %s", a->output, strerror(errno));
		return EXIT_INPUT;
	}
	for (int i = 0; i < a->ninputs; i++)
		if (same_dir(a->inputs[i], a->output)) {
			cli_error("'%s' is both an input and the output", a->output);
			return EXIT_USAGE;
		}
	int lockfd = batch_outdir_open(a->output);
	if (lockfd < 0)
		return EXIT_INPUT;
	int status = EXIT_OK;
	size_t ndocs = 0, nok = 0, nfail = 0;
	sohoa_manifest *merged = sohoa_manifest_new();
	char options[17] = "";
	if (!merged)
		goto nomem;
	for (int i = 0; i < a->ninputs; i++) {
		char mpath[PATH_MAX];
		batch_manifest_path(mpath, sizeof mpath, a->inputs[i]);
		if (access(mpath, F_OK) != 0) {
			cli_error("'%s' has no manifest.tsv: not a 'sohoa run' output folder", a->inputs[i]);
			status = EXIT_INPUT;
			continue;
		}
		sohoa_manifest *m;
		if (sohoa_manifest_load(ctx, mpath, &m) != SOHOA_OK) {
			cli_error("%s", sohoa_errmsg(ctx));
			status = EXIT_INPUT;
			continue;
		}
		for (size_t j = 0; j < m->n && !cli_interrupted; j++) {
			sohoa_manifest_entry *e = &m->entries[j];
			const sohoa_manifest_entry *have = sohoa_manifest_find(merged, e->path);
			if (have) {
				/* the same document in two folders: keep a finished one */
				if (have->state == SOHOA_DOC_OK || e->state != SOHOA_DOC_OK)
					continue;
			}
			for (size_t k = 0; k < merged->n; k++)
				if (!strcmp(merged->entries[k].output, e->output) && strcmp(merged->entries[k].path, e->path)) {
					cli_error("'%s' and '%s' both write '%s': were the shards run on the same inputs?",
						  merged->entries[k].path, e->path, e->output);
					status = EXIT_INPUT;
					goto next_entry;
				}
			if (*options && strcmp(options, e->options))
				cli_error("'%s' was done with other options than the documents before it", e->path);
			if (e->state == SOHOA_DOC_OK || e->state == SOHOA_DOC_PARTIAL) {
				char src[PATH_MAX], dst[PATH_MAX];
				batch_txt_path(src, sizeof src, a->inputs[i], e->output);
				batch_txt_path(dst, sizeof dst, a->output, e->output);
				sohoa_status st = batch_copy_atomic(ctx, a->output, src, dst);
				if (st == SOHOA_OK) {
					batch_rows_path(src, sizeof src, a->inputs[i], e->output);
					batch_rows_path(dst, sizeof dst, a->output, e->output);
					st = batch_copy_atomic(ctx, a->output, src, dst);
				}
				if (st != SOHOA_OK) {
					cli_error("%s", sohoa_errmsg(ctx));
					e->state = SOHOA_DOC_TODO;
					status = EXIT_INPUT;
				}
			}
			if (sohoa_manifest_put(merged, e)) {
				sohoa_manifest_free(m);
				goto nomem;
			}
			if (!*options)
				memcpy(options, e->options, sizeof options);
next_entry:;
		}
		sohoa_manifest_free(m);
	}
	if (cli_interrupted) {
		cli_error("interrupted");
		status = EXIT_INPUT;
		goto out;
	}
	for (size_t k = 0; k < merged->n; k++) {
		ndocs++;
		if (merged->entries[k].state == SOHOA_DOC_OK)
			nok++;
		else
			nfail++;
	}
	size_t missing = 0;
	if (batch_manifest_save(ctx, a->output, merged) != SOHOA_OK ||
	    batch_assemble(ctx, a->output, merged, &missing) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	if (status == EXIT_OK && merge_channel(ctx, a)) {
		cli_error("%s", sohoa_errmsg(ctx));
		status = EXIT_INPUT;
	}
	if (missing || nfail)
		status = EXIT_INPUT;
	if (a->opt.verbosity >= 0)
		fprintf(stderr, "sohoa: merged %zu documents (%zu ok, %zu not ok) into '%s'\n", ndocs, nok, nfail, a->output);
	goto out;
nomem:
	cli_error("out of memory");
	status = EXIT_INPUT;
out:
	sohoa_manifest_free(merged);
	close(lockfd);
	return status;
}

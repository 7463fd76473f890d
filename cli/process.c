/* The CLI's side of the document pipeline: which input to read, and rows turned into CSV through
 * the extractors' writer (extract/csv.c), so the files are what the extractors wrote. */
#include "cli.h"
#include "../extract/extract.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int cli_temp_file(char *path, size_t size, const char *what)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/sohoa-%s-XXXXXX", dir && *dir ? dir : "/tmp", what);
	return mkstemp(path);
}

sohoa_status cli_stdin_file(sohoa_ctx *ctx, const char **path)
{
	*path = "/dev/stdin";
	struct stat st;
	if (fstat(0, &st) != 0)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot read standard input: %s", strerror(errno));
	if (S_ISREG(st.st_mode))
		return SOHOA_OK;
	char tmp[4096];
	int fd = cli_temp_file(tmp, sizeof tmp, "stdin");
	if (fd < 0)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot create '%s' for standard input: %s", tmp, strerror(errno));
	unlink(tmp); /* gone when closed, also after a crash */
	static char buf[1 << 16];
	sohoa_status rc = SOHOA_OK;
	for (;;) {
		ssize_t n = read(0, buf, sizeof buf);
		if (n == 0)
			break;
		if (n < 0 && errno == EINTR && !cli_interrupted)
			continue;
		if (n < 0) {
			rc = cli_interrupted ? sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "interrupted reading standard input")
					     : sohoa_error(ctx, SOHOA_ERR_IO, "cannot read standard input: %s", strerror(errno));
			break;
		}
		for (ssize_t off = 0; off < n && rc == SOHOA_OK;) {
			ssize_t w = write(fd, buf + off, (size_t)(n - off));
			if (w < 0 && errno != EINTR)
				rc = sohoa_error(ctx, SOHOA_ERR_IO, "cannot copy standard input to '%s': %s", tmp, strerror(errno));
			off += w > 0 ? w : 0;
		}
		if (rc != SOHOA_OK)
			break;
	}
	if (rc == SOHOA_OK && (lseek(fd, 0, SEEK_SET) != 0 || dup2(fd, 0) < 0))
		rc = sohoa_error(ctx, SOHOA_ERR_IO, "cannot read standard input: %s", strerror(errno));
	close(fd);
	return rc;
}

sohoa_status cli_process(sohoa_ctx *ctx, const char *input, int tsv, const sohoa_handler *h, sohoa_summary *sum)
{
	int in_stdin = !strcmp(input, "-");
	if (sum)
		memset(sum, 0, sizeof *sum);
	if (in_stdin && !tsv) {
		sohoa_status st = cli_stdin_file(ctx, &input);
		return st == SOHOA_OK ? sohoa_process_file(ctx, input, h, sum) : st;
	}
	if (!tsv)
		return sohoa_process_file(ctx, input, h, sum);
	char *data = NULL;
	size_t len = 0;
	sohoa_status st = in_stdin ? sohoa_stream_read(ctx, stdin, "stdin", &data, &len)
				   : sohoa_file_read(ctx, input, &data, &len);
	if (st == SOHOA_OK)
		st = sohoa_process_buffer(ctx, in_stdin ? "stdin" : input, data, len, SOHOA_INPUT_TSV, h, sum);
	free(data);
	return st;
}

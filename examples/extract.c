/* extract: print each score row of a document (PDF, image or text file): first the column
 * names, then one line per row, cells separated by tabs (a tab, newline or backslash inside a
 * cell is written \t, \n or \\). The rows of `sohoa extract`'s scores.csv, through the library's
 * public API and without CSV.
 *
 *	cc extract.c $(pkg-config --cflags --libs sohoa) -o extract
 *	./extract report.pdf */
#include <sohoa/sohoa.h>

#include <stdio.h>

static void put_cell(const char *s)
{
	for (; *s; s++) {
		if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*s);
	}
}

static void put_line(const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			putchar('\t');
		put_cell(cells[i]);
	}
	putchar('\n');
}

static int print_row(void *user, const sohoa_row *row)
{
	(void)user;
	put_line(row->cells, row->ncells);
	return 0;
}

static void log_stderr(void *user, sohoa_log_level level, const char *message)
{
	(void)user;
	(void)level;
	fprintf(stderr, "extract: %s\n", message);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: extract FILE\n");
		return 2;
	}
	if (sohoa_global_init(SOHOA_GLOBAL_DEFAULT) != SOHOA_OK)
		return 1;
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	if (!ctx) {
		fprintf(stderr, "extract: out of memory\n");
		return 1;
	}
	sohoa_ctx_set_log(ctx, log_stderr, NULL);
	const char *const *columns = sohoa_row_columns("scores");
	size_t ncolumns = 0;
	while (columns[ncolumns])
		ncolumns++;
	put_line(columns, ncolumns);
	sohoa_handler h = {.row = print_row, .only = "scores"};
	sohoa_summary sum;
	sohoa_status st = sohoa_process_file(ctx, argv[1], &h, &sum);
	if (st != SOHOA_OK)
		fprintf(stderr, "extract: %s\n", sohoa_errmsg(ctx));
	else if (sum.failed_pages)
		fprintf(stderr, "extract: %d of %d pages could not be read (%s)\n", sum.failed_pages, sum.pages,
			sum.first_error);
	sohoa_ctx_free(ctx);
	sohoa_global_cleanup();
	return st == SOHOA_OK && !sum.failed_pages && fflush(stdout) == 0 ? 0 : 1;
}

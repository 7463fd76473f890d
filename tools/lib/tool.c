/* tool: failing and reading for the programs under tools/; see tool.h. */
#include "tool.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tool_exit_status = 2;

void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(tool_exit_status);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *d = sohoa_strdup(s);
	if (!d)
		die("out of memory");
	return d;
}

char *tool_read(const char *path, size_t *n)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		die("cannot open '%s': %s", path, strerror(errno));
	sohoa_buf b = {0};
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (sohoa_buf_append(&b, chunk, k))
			die("out of memory");
	int bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad)
		die("cannot read '%s'", path);
	if (n)
		*n = b.len;
	return b.data ? sohoa_buf_steal(&b) : xstrdup("");
}

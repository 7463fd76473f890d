/* Buffers, strings, whole-file reads and atomic writes, page selections. */
#include "sohoa.h"
#include "array.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sohoa_buf_reserve(sohoa_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - 1 - b->len)
		return -1;
	return SOHOA_GROW(b->data, b->len + extra + 1, b->cap);
}

int sohoa_grow(void *arrp, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap < 16 ? 16 : *cap + *cap / 2;
	if (ncap < need)
		ncap = need;
	if (elem && ncap > SIZE_MAX / elem)
		return -1;
	void *old;
	memcpy(&old, arrp, sizeof old);
	void *p = realloc(old, ncap * elem);
	if (!p)
		return -1;
	memcpy(arrp, &p, sizeof p);
	*cap = ncap;
	return 0;
}

int sohoa_buf_append(sohoa_buf *b, const char *s, size_t n)
{
	if (sohoa_buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
	return 0;
}

int sohoa_buf_puts(sohoa_buf *b, const char *s)
{
	return sohoa_buf_append(b, s, strlen(s));
}

int sohoa_buf_printf(sohoa_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || sohoa_buf_reserve(b, (size_t)n))
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void sohoa_buf_free(sohoa_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *sohoa_buf_steal(sohoa_buf *b)
{
	char *p = b->data;
	if (!p)
		p = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

char *sohoa_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *sohoa_strdup(const char *s)
{
	return s ? sohoa_strndup(s, strlen(s)) : NULL;
}

sohoa_status sohoa_stream_read(sohoa_ctx *ctx, FILE *f, const char *name, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	sohoa_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (sohoa_buf_append(&b, chunk, n)) {
			sohoa_buf_free(&b);
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", name);
		}
	}
	if (ferror(f)) {
		int saved = errno;
		sohoa_buf_free(&b);
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot read '%s': %s", name, strerror(saved));
	}
	*len = b.len;
	*data = sohoa_buf_steal(&b);
	return SOHOA_OK;
}

sohoa_status sohoa_file_read(sohoa_ctx *ctx, const char *path, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot read '%s': is a directory", path);
	}
	sohoa_status rc = sohoa_stream_read(ctx, f, path, data, len);
	fclose(f);
	return rc;
}

/* Write all of data to fd; 0 or an errno. */
static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return errno;
		off += (size_t)w;
	}
	return 0;
}

sohoa_status sohoa_file_write_atomic(sohoa_ctx *ctx, const char *path, const char *data, size_t len)
{
	/* a device, pipe or socket (-o /dev/null, a named pipe) is written in place: renaming a
	 * temporary file onto it would replace the device with a plain file */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		int fd = open(path, O_WRONLY);
		if (fd < 0)
			return sohoa_error(ctx, SOHOA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
		int err = write_all(fd, data, len);
		if (close(fd) != 0 && !err)
			err = errno;
		return err ? sohoa_error(ctx, SOHOA_ERR_IO, "cannot write '%s': %s", path, strerror(err)) : SOHOA_OK;
	}
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp)
		return sohoa_error(ctx, SOHOA_ERR_IO, "path too long: '%s'", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot create '%s': %s", tmp, strerror(errno));
	int err = write_all(fd, data, len);
	if (err) {
		close(fd);
		unlink(tmp);
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot write '%s': %s", path, strerror(err));
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		int saved = errno;
		unlink(tmp);
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot write '%s': %s", path, strerror(saved));
	}
	if (rename(tmp, path) != 0) {
		int saved = errno;
		unlink(tmp);
		return sohoa_error(ctx, SOHOA_ERR_IO, "cannot rename onto '%s': %s", path, strerror(saved));
	}
	return SOHOA_OK;
}

/* Walk "a-b,c,d-" ranges; returns 1 if page is in one, -1 on a syntax error. */
static int pages_walk(const char *spec, int page)
{
	const char *p = spec;
	int hit = 0;
	while (*p) {
		char *end;
		long lo = 1, hi;
		if (*p != '-') {
			lo = strtol(p, &end, 10);
			if (end == p || lo < 1)
				return -1;
			p = end;
		}
		hi = lo;
		if (*p == '-') {
			p++;
			if (*p >= '0' && *p <= '9') {
				hi = strtol(p, &end, 10);
				p = end;
			} else {
				hi = INT_MAX;
			}
			if (hi < lo)
				return -1;
		}
		if (page >= lo && page <= hi)
			hit = 1;
		if (*p == ',')
			p++;
		else if (*p)
			return -1;
	}
	return hit;
}

int sohoa_pages_valid(const char *spec)
{
	return !spec || (*spec && pages_walk(spec, 1) >= 0);
}

int sohoa_page_selected(const char *spec, int page)
{
	return !spec || pages_walk(spec, page) == 1;
}

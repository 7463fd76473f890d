/* The batch manifest: a TSV journal of documents and what became of them (see manifest.h). */
#include "manifest.h"
#include "array.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_MAGIC "# sohoa manifest 1"
#define MANIFEST_COLUMNS "path\tsize\tmtime_ns\tsha256\toptions\tstatus\tpages\tocr_pages\toutput\tmessage"
#define NFIELDS 10

static const char *const state_names[] = {"todo", "ok", "partial", "failed", "interrupted"};

const char *sohoa_doc_state_name(sohoa_doc_state s)
{
	return (unsigned)s < sizeof state_names / sizeof state_names[0] ? state_names[s] : "?";
}

sohoa_manifest *sohoa_manifest_new(void)
{
	return calloc(1, sizeof(sohoa_manifest));
}

static void entry_clear(sohoa_manifest_entry *e)
{
	free(e->path);
	free(e->output);
	free(e->message);
}

void sohoa_manifest_free(sohoa_manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		entry_clear(&m->entries[i]);
	free(m->entries);
	free(m);
}

/* Index of path, or of where it would go (with *found 0). */
static size_t locate(const sohoa_manifest *m, const char *path, int *found)
{
	size_t lo = 0, hi = m->n;
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->entries[mid].path, path);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

sohoa_manifest_entry *sohoa_manifest_find(const sohoa_manifest *m, const char *path)
{
	int found;
	size_t i = locate(m, path, &found);
	return found ? &m->entries[i] : NULL;
}

int sohoa_manifest_put(sohoa_manifest *m, const sohoa_manifest_entry *e)
{
	sohoa_manifest_entry copy = *e;
	copy.path = sohoa_strdup(e->path);
	copy.output = sohoa_strdup(e->output ? e->output : "");
	copy.message = sohoa_strdup(e->message ? e->message : "");
	if (!copy.path || !copy.output || !copy.message) {
		entry_clear(&copy);
		return -1;
	}
	int found;
	size_t i = locate(m, e->path, &found);
	if (found) {
		entry_clear(&m->entries[i]);
		m->entries[i] = copy;
		return 0;
	}
	if (SOHOA_GROW(m->entries, m->n + 1, m->cap)) {
		entry_clear(&copy);
		return -1;
	}
	memmove(&m->entries[i + 1], &m->entries[i], (m->n - i) * sizeof *m->entries);
	m->entries[i] = copy;
	m->n++;
	return 0;
}

/* Undo the escapes in place; returns -1 on an unknown escape. */
static int unescape(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		switch (*++r) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default: return -1;
		}
	}
	*w = 0;
	return 0;
}

static int put_escaped(sohoa_buf *out, const char *s)
{
	for (; s && *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;
		if (esc ? sohoa_buf_puts(out, esc) : sohoa_buf_append(out, s, 1))
			return -1;
	}
	return 0;
}

static int parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == 0;
}

/* Parse one row (modified in place) into e (borrowing its strings); -1 when malformed. */
static int parse_row(char *row, sohoa_manifest_entry *e)
{
	char *f[NFIELDS];
	int n = 0;
	f[n++] = row;
	for (char *s = row; *s; s++)
		if (*s == '\t') {
			if (n == NFIELDS)
				return -1;
			*s = 0;
			f[n++] = s + 1;
		}
	if (n != NFIELDS)
		return -1;
	for (int i = 0; i < NFIELDS; i++)
		if (unescape(f[i]))
			return -1;
	memset(e, 0, sizeof *e);
	int64_t v;
	if (!*f[0])
		return -1;
	e->path = f[0];
	if (parse_i64(f[1], 0, INT64_MAX, &e->size) || parse_i64(f[2], INT64_MIN, INT64_MAX, &e->mtime_ns))
		return -1;
	size_t hl = strlen(f[3]);
	if ((hl != 0 && hl != 64) || !is_hex(f[3], hl) || strlen(f[4]) != 16 || !is_hex(f[4], 16))
		return -1;
	memcpy(e->sha256, f[3], hl + 1);
	memcpy(e->options, f[4], 17);
	int state = -1;
	for (int i = 0; i < (int)(sizeof state_names / sizeof state_names[0]); i++)
		if (!strcmp(f[5], state_names[i]))
			state = i;
	if (state < 0)
		return -1;
	e->state = (sohoa_doc_state)state;
	if (parse_i64(f[6], 0, 100000000, &v))
		return -1;
	e->pages = (int)v;
	if (parse_i64(f[7], 0, 100000000, &v))
		return -1;
	e->ocr_pages = (int)v;
	e->output = f[8];
	e->message = f[9];
	return 0;
}

sohoa_status sohoa_manifest_read(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				 sohoa_manifest **out)
{
	*out = NULL;
	size_t ml = strlen(MANIFEST_MAGIC);
	if (len < ml + 1 || memcmp(data, MANIFEST_MAGIC, ml) || (data[ml] != '\n' && data[ml] != '\r'))
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is not a sohoa manifest", name);
	sohoa_manifest *m = sohoa_manifest_new();
	char *row = NULL;
	if (!m)
		goto nomem;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		if (!nl)
			break; /* a row cut short: ignored */
		size_t rl = (size_t)(nl - (data + i));
		if (rl && data[i + rl - 1] == '\r')
			rl--;
		int columns = rl == strlen(MANIFEST_COLUMNS) && !memcmp(data + i, MANIFEST_COLUMNS, rl);
		if (rl && i > 0 && !columns) {
			sohoa_manifest_entry e;
			if (memchr(data + i, 0, rl)) {
				m->nbad++;
			} else {
				if (!(row = sohoa_strndup(data + i, rl)))
					goto nomem;
				if (parse_row(row, &e) != 0)
					m->nbad++;
				else if (sohoa_manifest_put(m, &e))
					goto nomem;
				free(row);
				row = NULL;
			}
		}
		i = (size_t)(nl - data) + 1;
	}
	*out = m;
	return SOHOA_OK;
nomem:
	free(row);
	sohoa_manifest_free(m);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", name);
}

sohoa_status sohoa_manifest_load(sohoa_ctx *ctx, const char *path, sohoa_manifest **out)
{
	*out = NULL;
	char *data;
	size_t len;
	FILE *probe = fopen(path, "rb");
	if (!probe && errno == ENOENT) {
		if (!(*out = sohoa_manifest_new()))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		return SOHOA_OK;
	}
	if (probe)
		fclose(probe);
	sohoa_status st = sohoa_file_read(ctx, path, &data, &len);
	if (st != SOHOA_OK)
		return st;
	st = sohoa_manifest_read(ctx, path, data, len, out);
	free(data);
	return st;
}

int sohoa_manifest_write_header(sohoa_buf *out)
{
	return sohoa_buf_puts(out, MANIFEST_MAGIC "\n" MANIFEST_COLUMNS "\n");
}

int sohoa_manifest_write_entry(const sohoa_manifest_entry *e, sohoa_buf *out)
{
	if (put_escaped(out, e->path) ||
	    sohoa_buf_printf(out, "\t%lld\t%lld\t%s\t%s\t%s\t%d\t%d\t", (long long)e->size, (long long)e->mtime_ns,
			     e->sha256, e->options, sohoa_doc_state_name(e->state), e->pages, e->ocr_pages) ||
	    put_escaped(out, e->output) || sohoa_buf_puts(out, "\t") || put_escaped(out, e->message) ||
	    sohoa_buf_puts(out, "\n"))
		return -1;
	return 0;
}

int sohoa_manifest_write(const sohoa_manifest *m, sohoa_buf *out)
{
	if (sohoa_manifest_write_header(out))
		return -1;
	for (size_t i = 0; i < m->n; i++)
		if (sohoa_manifest_write_entry(&m->entries[i], out))
			return -1;
	return 0;
}

/* sohoa run --pdf and --review: the hook that writes them from the document the pipeline read,
 * whether they exist (resuming), and the review index. */
#include "batch_archive.h"
#include "../core/array.h"
#include "../output/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int batch_archive_row(batch_archive *x, const sohoa_row *row)
{
	if (!x->a->review)
		return 0;
	if (SOHOA_GROW(x->rows, x->nrows + 1, x->cap))
		goto nomem;
	batch_row *r = &x->rows[x->nrows];
	r->kind = row->kind;
	r->columns = sohoa_row_columns(row->kind);
	r->ncells = row->ncells;
	if (!r->columns || !(r->cells = calloc(row->ncells ? row->ncells : 1, sizeof *r->cells)))
		goto nomem;
	x->nrows++;
	for (size_t i = 0; i < row->ncells; i++)
		if (!(r->cells[i] = sohoa_strdup(row->cells[i])))
			goto nomem;
	return 0;
nomem:
	x->nomem = 1;
	return -1;
}

void batch_archive_free(batch_archive *x)
{
	for (size_t i = 0; i < x->nrows; i++) {
		for (size_t c = 0; c < x->rows[i].ncells; c++)
			free(x->rows[i].cells[c]);
		free(x->rows[i].cells);
	}
	free(x->rows);
	x->rows = NULL;
	x->nrows = x->cap = 0;
}

static void pdf_path(char *buf, size_t n, const char *outdir, const char *key)
{
	snprintf(buf, n, "%s/%s.pdf", outdir, key);
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* 1 when the file at path starts like a PDF or an image that ingest reads as pages. */
static int paged_file(const char *path)
{
	unsigned char h[8] = {0};
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, h, sizeof h);
	close(fd);
	if (n < 4)
		return 0;
	return !memcmp(h, "%PDF", 4) || !memcmp(h, "\x89PNG", 4) || (h[0] == 0xff && h[1] == 0xd8) ||
	       !memcmp(h, "II*\0", 4) || !memcmp(h, "MM\0*", 4) ||
	       (h[0] == 'P' && h[1] >= '1' && h[1] <= '7' && (h[2] == '\n' || h[2] == ' ' || h[2] == '\r'));
}

int batch_archive_exist(const cli_args *a, const char *outdir, const char *path, const char *key)
{
	char p[PATH_MAX];
	if (a->pdf && paged_file(path)) {
		pdf_path(p, sizeof p, outdir, key);
		if (!file_exists(p))
			return 0;
	}
	if (a->review) {
		batch_review_page_path(p, sizeof p, outdir, key);
		if (!file_exists(p))
			return 0;
		batch_review_part_path(p, sizeof p, outdir, key);
		if (!file_exists(p))
			return 0;
	}
	return 1;
}

void batch_archive_remove(const char *outdir, const char *key)
{
	char p[PATH_MAX];
	pdf_path(p, sizeof p, outdir, key);
	unlink(p);
	batch_review_page_path(p, sizeof p, outdir, key);
	unlink(p);
	batch_review_part_path(p, sizeof p, outdir, key);
	unlink(p);
}

static atomic_uint pdf_counter;

/* The searchable PDF of doc: written by sohoa_pdf_write into .sohoa/tmp, renamed onto
 * OUTDIR/<key>.pdf. */
static sohoa_status write_pdf(sohoa_ctx *ctx, const batch_archive *x, const sohoa_doc *doc, const sohoa_text *text)
{
	char tmp[PATH_MAX], dest[PATH_MAX];
	snprintf(tmp, sizeof tmp, "%s/.sohoa/tmp/%ld.%u.pdf", x->outdir, (long)getpid(),
		 atomic_fetch_add(&pdf_counter, 1));
	pdf_path(dest, sizeof dest, x->outdir, x->key);
	sohoa_pdf_meta meta;
	sohoa_buf store = {0};
	sohoa_pdf_report rep;
	memset(&rep, 0, sizeof rep);
	sohoa_status st = sohoa_pdf_meta_get(ctx, doc, text, &meta, &store);
	if (st == SOHOA_OK)
		st = sohoa_pdf_write(ctx, doc, text, &meta, tmp, &rep);
	sohoa_buf_free(&store);
	if (st != SOHOA_OK) {
		unlink(tmp);
		return st;
	}
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", dest);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	if ((slash && batch_mkdirs(dir)) || rename(tmp, dest)) {
		int e = errno;
		unlink(tmp);
		st = sohoa_error(ctx, SOHOA_ERR_IO, "cannot write '%s': %s", dest, strerror(e));
		errno = e;
		return st;
	}
	if (rep.pdfa)
		sohoa_log(ctx, SOHOA_LOG_INFO, "'%s': PDF/A-2b, %d of %d pages given a text layer", dest, rep.layered,
			  rep.pages);
	else
		sohoa_log(ctx, SOHOA_LOG_INFO, "'%s': plain PDF, not PDF/A: %s", dest, rep.not_pdfa);
	return SOHOA_OK;
}

sohoa_status batch_archive_done(void *user, sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text)
{
	batch_archive *x = user;
	if (x->nomem)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	int paged = doc->kind && (!strcmp(doc->kind, "pdf") || !strcmp(doc->kind, "image"));
	sohoa_status st = SOHOA_OK;
	if (x->a->pdf && paged) {
		if (sohoa_interrupted(ctx))
			return sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", doc->path);
		if ((st = write_pdf(ctx, x, doc, text)) != SOHOA_OK)
			return st;
	}
	if (x->a->review) {
		if (sohoa_interrupted(ctx))
			return sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", doc->path);
		st = batch_review_doc(ctx, x, doc);
	}
	return st;
}

sohoa_status batch_review_index(sohoa_ctx *ctx, const char *outdir, const sohoa_manifest *m)
{
	sohoa_buf b = {0};
	char path[PATH_MAX];
	size_t docs = 0;
	int bad = batch_review_head(&b, "sohoa review");
	for (size_t i = 0; i < m->n && !bad; i++) {
		const sohoa_manifest_entry *e = &m->entries[i];
		if (e->state != SOHOA_DOC_OK && e->state != SOHOA_DOC_PARTIAL)
			continue;
		batch_review_part_path(path, sizeof path, outdir, e->output);
		char *part = NULL;
		size_t len = 0;
		if (sohoa_file_read(ctx, path, &part, &len) != SOHOA_OK) {
			cli_error("%s (run again to remake it)", sohoa_errmsg(ctx));
			continue;
		}
		bad = sohoa_buf_append(&b, part, len);
		free(part);
		docs++;
	}
	bad = bad || sohoa_buf_printf(&b, "</tbody></table>\n<p class=foot>%zu documents.</p>\n", docs) ||
	      batch_review_foot(&b);
	if (bad) {
		sohoa_buf_free(&b);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	snprintf(path, sizeof path, "%s/review/index.html", outdir);
	sohoa_status st = batch_write_atomic(ctx, outdir, path, b.data, b.len);
	sohoa_buf_free(&b);
	return st;
}

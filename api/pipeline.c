/* The document pipeline (include/sohoa/process.h): one document through ingest, normalize and
 * the extractors under the context's options; its text, lines and rows handed to the caller's
 * callbacks once the whole document is done. */
#include "pipeline.h"
#include "../extract/extract.h"
#include "../normalize/normalize.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXTRACTORS 32

void sohoa_doc_log_pages(sohoa_ctx *ctx, const sohoa_doc *doc)
{
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		if (p->status != SOHOA_OK)
			sohoa_log(ctx, SOHOA_LOG_WARN, "%s: page %d: %s", doc->path, p->number,
				  p->error ? p->error : sohoa_status_str(p->status));
		else
			sohoa_log(ctx, SOHOA_LOG_INFO, "%s: page %d: %s (%s, %zu lines)", doc->path, p->number,
				  p->decision ? p->decision : "", sohoa_source_name(p->source), p->nlines);
	}
}

int sohoa_doc_failed_pages(const sohoa_doc *doc)
{
	int n = 0;
	for (size_t i = 0; i < doc->npages; i++)
		n += doc->pages[i].status != SOHOA_OK;
	return n;
}

static const char *kinds[MAX_EXTRACTORS + 1];
static pthread_once_t kinds_once = PTHREAD_ONCE_INIT;

static void kinds_init(void)
{
	const sohoa_extractor *const *ex = sohoa_extractors();
	for (size_t i = 0; ex[i] && i < MAX_EXTRACTORS; i++)
		kinds[i] = ex[i]->name;
}

const char *const *sohoa_row_kinds(void)
{
	pthread_once(&kinds_once, kinds_init);
	return kinds;
}

const char *const *sohoa_row_columns(const char *kind)
{
	const sohoa_extractor *ex = kind ? sohoa_extractor_find(kind) : NULL;
	const char *const *prov = ex ? sohoa_prov_columns(ex) : NULL;
	return prov ? prov : ex ? ex->columns : NULL;
}

static void summarize(const sohoa_doc *doc, sohoa_summary *sum)
{
	sum->pages = (int)doc->npages;
	sum->ocr_pages = doc->ocr_pages;
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		if (p->status == SOHOA_OK)
			continue;
		if (!sum->failed_pages++)
			snprintf(sum->first_error, sizeof sum->first_error, "page %d: %s", p->number,
				 p->error ? p->error : sohoa_status_str(p->status));
	}
}

/* Hand the CSV records the extractor ex wrote (RFC 4180 as extract/csv.c writes them: a field is
 * quoted when it holds a comma, quote, CR, LF or edge spaces; records end with CRLF) to h->row as
 * cells. 1 when the callback said stop, -1 when the text is not ncolumns fields a record. */
static int hand_rows(const sohoa_doc *doc, const sohoa_extractor *ex, const sohoa_buf *csv, const sohoa_handler *h,
		     sohoa_buf *vals)
{
	size_t ncols = 0;
	while (ex->columns[ncols])
		ncols++;
	const char *cells[64 + SOHOA_PROV_COLUMNS];
	size_t off[64];
	char prov[SOHOA_PROV_COLUMNS][64];
	const char *const *pcols = sohoa_prov_columns(ex);
	if (ncols > 64)
		return -1;
	const char *s = csv->data;
	size_t n = csv->len, i = 0;
	while (i < n) {
		size_t k = 0;
		vals->len = 0;
		for (int more = 1; more;) {
			if (k == ncols)
				return -1;
			off[k++] = vals->len;
			if (s[i] == '"') { /* quoted: up to the lone closing quote, "" standing for " */
				for (i++;; i++) {
					if (i >= n)
						return -1;
					if (s[i] == '"' && !(i + 1 < n && s[i + 1] == '"'))
						break;
					i += s[i] == '"';
					if (sohoa_buf_append(vals, &s[i], 1))
						return -1;
				}
				i++;
			} else {
				size_t b = i;
				while (i < n && s[i] != ',' && s[i] != '\r')
					i++;
				if (sohoa_buf_append(vals, s + b, i - b))
					return -1;
			}
			if (sohoa_buf_append(vals, "", 1))
				return -1;
			if (i < n && s[i] == ',')
				i++;
			else if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
				i += 2, more = 0;
			else
				return -1;
		}
		if (k != ncols)
			return -1;
		for (size_t c = 0; c < ncols; c++)
			cells[c] = vals->data + off[c];
		sohoa_row row = {ex->name, ncols, ex->columns, cells};
		if (pcols) { /* the source line's provenance after the extractor's own columns */
			sohoa_prov_cells(doc, ex, cells, prov);
			for (size_t c = 0; c < SOHOA_PROV_COLUMNS; c++)
				cells[ncols + c] = prov[c];
			row.ncells = ncols + SOHOA_PROV_COLUMNS;
			row.columns = pcols;
		}
		if (h->row(h->user, &row))
			return 1;
	}
	return 0;
}

/* The normalized text and each extractor's rows of one document, made before anything is handed
 * out, so that an interrupted or failed document gives the caller nothing. */
typedef struct doc_out {
	sohoa_text *text;
	sohoa_buf whole;
	sohoa_buf rows[MAX_EXTRACTORS];
} doc_out;

static sohoa_status make_outputs(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_handler *h, doc_out *out)
{
	sohoa_status st = sohoa_normalize_doc(ctx, doc, &out->text);
	if (st != SOHOA_OK)
		return st;
	if (h->text && (st = sohoa_text_write(ctx, out->text, &out->whole)) != SOHOA_OK)
		return st;
	if (!h->row)
		return SOHOA_OK;
	const sohoa_extractor *only = NULL;
	if (h->only && !(only = sohoa_extractor_find(h->only)))
		return sohoa_error(ctx, SOHOA_ERR_USAGE, "no extractor named '%s'", h->only);
	const sohoa_extractor *const *ex = sohoa_extractors();
	for (size_t i = 0; ex[i] && i < MAX_EXTRACTORS; i++) {
		if (sohoa_interrupted(ctx))
			return sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "interrupted");
		if ((!only || only == ex[i]) && (st = ex[i]->run(ctx, doc, out->text, &out->rows[i])) != SOHOA_OK)
			return st;
	}
	return SOHOA_OK;
}

static sohoa_status hand_out(sohoa_ctx *ctx, const char *name, const sohoa_doc *doc, const doc_out *out,
			     const sohoa_handler *h)
{
	if (h->text && h->text(h->user, out->whole.data ? out->whole.data : "", out->whole.len))
		goto stopped;
	for (size_t i = 0; h->line && i < out->text->nlines; i++) {
		const sohoa_tline *l = &out->text->lines[i];
		sohoa_text_line line = {l->text, l->page, l->line, l->page_end, l->line_end, l->restored};
		if (h->line(h->user, &line))
			goto stopped;
	}
	const sohoa_extractor *const *ex = sohoa_extractors();
	sohoa_buf vals = {0};
	int rc = 0;
	for (size_t i = 0; h->row && ex[i] && i < MAX_EXTRACTORS && !rc; i++)
		rc = hand_rows(doc, ex[i], &out->rows[i], h, &vals);
	sohoa_buf_free(&vals);
	if (rc < 0)
		return sohoa_error(ctx, SOHOA_ERR_INTERNAL, "'%s': an extractor wrote a malformed row", name);
	if (rc > 0)
		goto stopped;
	return SOHOA_OK;
stopped:
	return sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': stopped by the caller", name);
}

/* Everything after reading: the limits, the summary, the outputs, the callbacks. */
static sohoa_status process_doc(sohoa_ctx *ctx, const char *name, const sohoa_doc *doc, const sohoa_handler *h,
				sohoa_summary *sum)
{
	if (ctx->opt.max_pages > 0 && doc->npages > (size_t)ctx->opt.max_pages)
		return sohoa_error(ctx, SOHOA_ERR_LIMIT, "'%s' has %zu pages, more than --max-pages %d", name,
				   doc->npages, ctx->opt.max_pages);
	summarize(doc, sum);
	doc_out out;
	memset(&out, 0, sizeof out);
	sohoa_status st = make_outputs(ctx, doc, h, &out);
	if (st == SOHOA_OK && sohoa_interrupted(ctx))
		st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", name);
	if (st == SOHOA_OK)
		st = hand_out(ctx, name, doc, &out, h);
	if (st == SOHOA_OK && ctx->doc_done)
		st = ctx->doc_done(ctx->doc_done_user, ctx, doc, out.text);
	sohoa_text_free(out.text);
	sohoa_buf_free(&out.whole);
	for (size_t i = 0; i < MAX_EXTRACTORS; i++)
		sohoa_buf_free(&out.rows[i]);
	return st;
}

/* The end of a document's deadline (core/sohoa.h): a document that stopped because it ran over
 * fails with one line naming it; one stopped by the interrupt flag keeps its status. */
static sohoa_status deadline_end(sohoa_ctx *ctx, const char *name, sohoa_status st)
{
	int late = st != SOHOA_OK && sohoa_deadline_passed(ctx) && !(ctx->interrupted && *ctx->interrupted);
	int pages = ctx->doc_pages;
	sohoa_deadline_stop(ctx);
	if (!late)
		return st;
	return sohoa_error(ctx, SOHOA_ERR_TIMEOUT, "'%s': not done within its deadline of %lld s (--timeout %d s a page, %d page%s)",
			   name, (long long)ctx->opt.page_timeout_s * pages, ctx->opt.page_timeout_s, pages, pages == 1 ? "" : "s");
}

sohoa_status sohoa_process_file(sohoa_ctx *ctx, const char *path, const sohoa_handler *h, sohoa_summary *sum)
{
	sohoa_summary unused;
	sum = sum ? sum : &unused;
	memset(sum, 0, sizeof *sum);
	sohoa_doc *doc = NULL;
	sohoa_status st = sohoa_ctx_channel(ctx);
	if (st != SOHOA_OK)
		return st;
	sohoa_deadline_start(ctx);
	st = sohoa_ingest(ctx, path, &doc);
	if (st != SOHOA_OK)
		return deadline_end(ctx, path, st);
	if (sohoa_interrupted(ctx))
		st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", path);
	else {
		sohoa_doc_log_pages(ctx, doc);
		st = process_doc(ctx, path, doc, h, sum);
	}
	sohoa_doc_free(doc);
	return deadline_end(ctx, path, st);
}

sohoa_status sohoa_process_buffer(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				  sohoa_input_format format, const sohoa_handler *h, sohoa_summary *sum)
{
	sohoa_summary unused;
	sum = sum ? sum : &unused;
	memset(sum, 0, sizeof *sum);
	sohoa_doc *doc = NULL;
	sohoa_status st = sohoa_ctx_channel(ctx);
	if (st != SOHOA_OK)
		return st;
	sohoa_deadline_start(ctx);
	st = format == SOHOA_INPUT_TSV ? sohoa_doc_read_tsv(ctx, name, data, len, &doc)
				       : sohoa_doc_from_text(ctx, name, data, len, &doc);
	if (st != SOHOA_OK)
		return deadline_end(ctx, name, st);
	st = process_doc(ctx, name, doc, h, sum);
	sohoa_doc_free(doc);
	return deadline_end(ctx, name, st);
}

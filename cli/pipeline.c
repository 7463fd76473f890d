/* The stages chained for one document, shared by the normalize, extract and run commands. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pipeline_log_pages(sohoa_ctx *ctx, const sohoa_doc *doc)
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

int pipeline_doc_failed(const sohoa_doc *doc)
{
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].status != SOHOA_OK)
			return 1;
	return 0;
}

sohoa_status pipeline_read(sohoa_ctx *ctx, const char *path, int tsv, sohoa_doc **doc)
{
	*doc = NULL;
	if (!strcmp(path, "-") || tsv) {
		char *data = NULL;
		size_t len = 0;
		sohoa_status st;
		if (!strcmp(path, "-")) {
			sohoa_buf b = {0};
			char chunk[65536];
			size_t n;
			while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
				if (sohoa_buf_append(&b, chunk, n))
					return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			len = b.len;
			data = sohoa_buf_steal(&b);
		} else if ((st = sohoa_file_read(ctx, path, &data, &len)) != SOHOA_OK) {
			return st;
		}
		const char *name = strcmp(path, "-") ? path : "stdin";
		st = tsv ? sohoa_doc_read_tsv(ctx, name, data, len, doc) : sohoa_doc_from_text(ctx, name, data, len, doc);
		free(data);
		return st;
	}
	sohoa_status st = sohoa_ingest(ctx, path, doc);
	if (st == SOHOA_OK)
		pipeline_log_pages(ctx, *doc);
	return st;
}

sohoa_status pipeline_extract(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
			      const sohoa_extractor *only, sohoa_buf rows[])
{
	const sohoa_extractor *const *ex = sohoa_extractors();
	for (size_t i = 0; ex[i]; i++) {
		if (only && only != ex[i])
			continue;
		sohoa_status st = ex[i]->run(ctx, doc, text, &rows[i]);
		if (st != SOHOA_OK)
			return st;
	}
	return SOHOA_OK;
}

int pipeline_csv_header(const sohoa_extractor *ex, sohoa_buf *out)
{
	for (size_t c = 0; ex->columns[c]; c++)
		if (sohoa_buf_puts(out, c ? "," : "") || sohoa_buf_puts(out, ex->columns[c]))
			return -1;
	return sohoa_buf_puts(out, "\r\n");
}

sohoa_status pipeline_document(sohoa_ctx *ctx, const char *path, sohoa_buf *txt, sohoa_buf rows[],
			       pipeline_result *res)
{
	memset(res, 0, sizeof *res);
	sohoa_doc *doc = NULL;
	sohoa_text *text = NULL;
	sohoa_status st = pipeline_read(ctx, path, 0, &doc);
	if (st != SOHOA_OK)
		goto done;
	if (ctx->opt.max_pages > 0 && doc->npages > (size_t)ctx->opt.max_pages) {
		st = sohoa_error(ctx, SOHOA_ERR_LIMIT, "'%s' has %zu pages, more than --max-pages %d", path,
				 doc->npages, ctx->opt.max_pages);
		goto done;
	}
	res->pages = (int)doc->npages;
	res->ocr_pages = doc->ocr_pages;
	for (size_t i = 0; i < doc->npages; i++) {
		const sohoa_page *p = &doc->pages[i];
		if (p->status == SOHOA_OK)
			continue;
		if (!res->failed_pages++)
			snprintf(res->first_error, sizeof res->first_error, "page %d: %s", p->number,
				 p->error ? p->error : sohoa_status_str(p->status));
	}
	if ((st = sohoa_normalize_doc(ctx, doc, &text)) != SOHOA_OK ||
	    (st = sohoa_text_write(ctx, text, txt)) != SOHOA_OK ||
	    (st = pipeline_extract(ctx, doc, text, NULL, rows)) != SOHOA_OK)
		goto done;
	if (sohoa_interrupted(ctx))
		st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "'%s': interrupted", path);
done:
	sohoa_text_free(text);
	sohoa_doc_free(doc);
	return st;
}

/* Images (PNG, JPEG, TIFF incl. multi-page, PNM): each image page is decoded and read by OCR, pages
 * in parallel with one OCR engine per worker. Decoding lives in the Leptonica adapter (ocr.c). */
#include "ingest-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int image_recognize(const char *path, const unsigned char *head, size_t n)
{
	(void)path;
	if (n >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8))
		return 1;
	if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
		return 1;
	if (n >= 4 && (!memcmp(head, "II*\0", 4) || !memcmp(head, "MM\0*", 4)))
		return 1;
	if (n >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6' &&
	    (head[2] == '\n' || head[2] == ' ' || head[2] == '\r' || head[2] == '\t'))
		return 1;
	return 0;
}

typedef struct image_job {
	sohoa_ctx *ctx;
	const char *path;
	const unsigned char *data;
	size_t len;
	sohoa_doc *doc;
	ingest_ocr **ocr;     /* one engine per worker, created on first use */
	sohoa_ctx **wctx;     /* one error slot per worker */
} image_job;

static void page_fail(sohoa_page *page, sohoa_status st, const char *msg)
{
	ingest_page_clear(page);
	page->status = st;
	free(page->error);
	page->error = sohoa_strdup(msg);
}

static void image_page(void *arg, int worker, size_t i)
{
	image_job *job = arg;
	sohoa_page *page = &job->doc->pages[i];
	sohoa_ctx *ctx = job->wctx[worker];
	if (!ctx) {
		page_fail(page, SOHOA_ERR_NOMEM, "out of memory");
		return;
	}
	if (sohoa_interrupted(ctx)) {
		page_fail(page, SOHOA_ERR_INTERRUPTED, "interrupted");
		return;
	}
	sohoa_clear_error(ctx);
	if (!job->ocr[worker] && ingest_ocr_new(ctx, &job->ocr[worker]) != SOHOA_OK) {
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
		return;
	}
	ingest_raster r;
	if (ingest_image_read(ctx, job->path, job->data, job->len, page->number - 1, &r) != SOHOA_OK) {
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
		return;
	}
	page->width = (float)(r.w * 72.0 / r.dpi);
	page->height = (float)(r.h * 72.0 / r.dpi);
	if (ingest_ocr_raster(ctx, job->ocr[worker], &r, page) != SOHOA_OK)
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
	free(r.samples);
}

static sohoa_status image_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	if (ctx->opt.ocr == SOHOA_OCR_NEVER)
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s' is an image and --ocr never is set", path);
	char *data = NULL;
	size_t len = 0;
	sohoa_status st = sohoa_file_read(ctx, path, &data, &len);
	if (st != SOHOA_OK)
		return st;
	const unsigned char *bytes = (const unsigned char *)data;
	int n = 0;
	image_job job = {ctx, path, bytes, len, doc, NULL, NULL};
	int jobs = 0;
	if ((st = ingest_image_count(ctx, path, bytes, len, &n)) != SOHOA_OK)
		goto done;
	doc->page_count = n;
	if (n > ctx->opt.max_pages) {
		st = sohoa_error(ctx, SOHOA_ERR_LIMIT, "'%s' has %d pages, over the limit of %d", path, n,
				 ctx->opt.max_pages);
		goto done;
	}
	for (int p = 1; p <= n; p++) {
		if (!sohoa_page_selected(ctx->opt.pages, p))
			continue;
		sohoa_page *page = ingest_page_add(doc, p);
		if (!page) {
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
			goto done;
		}
		page->source = SOHOA_SRC_OCR;
		page->decision = sohoa_strdup("image");
	}
	if (doc->npages == 0)
		goto done;
	jobs = ctx->opt.jobs > 0 ? ctx->opt.jobs : 1;
	if ((size_t)jobs > doc->npages)
		jobs = (int)doc->npages;
	job.ocr = calloc((size_t)jobs, sizeof *job.ocr);
	job.wctx = calloc((size_t)jobs, sizeof *job.wctx);
	if (!job.ocr || !job.wctx) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
		goto done;
	}
	/* The first engine is made here so a missing traineddata is one error for the file. */
	if ((st = ingest_ocr_new(ctx, &job.ocr[0])) != SOHOA_OK) {
		char msg[sizeof ctx->errmsg];
		snprintf(msg, sizeof msg, "%s", sohoa_errmsg(ctx));
		sohoa_error(ctx, st, "'%s': %s", path, msg);
		goto done;
	}
	for (int w = 0; w < jobs; w++)
		job.wctx[w] = sohoa_ctx_new_worker(ctx);
	sohoa_parallel_for(jobs, doc->npages, image_page, &job);
	/* A one-page image that cannot be read is a failed file, not a failed page. */
	if (doc->npages == 1 && n == 1 && doc->pages[0].status != SOHOA_OK &&
	    doc->pages[0].status != SOHOA_ERR_TIMEOUT && doc->pages[0].status != SOHOA_ERR_INTERRUPTED) {
		st = doc->pages[0].status;
		const char *msg = doc->pages[0].error ? doc->pages[0].error : sohoa_status_str(st);
		if (!strncmp(msg, "'", 1))
			sohoa_error(ctx, st, "%s", msg);
		else
			sohoa_error(ctx, st, "'%s': %s", path, msg);
	}
done:
	if (job.ocr)
		for (int w = 0; w < jobs; w++)
			ingest_ocr_free(job.ocr[w]);
	if (job.wctx)
		for (int w = 0; w < jobs; w++)
			sohoa_ctx_free(job.wctx[w]);
	free(job.ocr);
	free(job.wctx);
	free(data);
	return st;
}

const ingest_handler ingest_image_handler = {"image", image_recognize, image_open};

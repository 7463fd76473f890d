/* pdf: the MuPDF adapter, the only file that includes mupdf/fitz.h. Opens a PDF (with repair and
 * password), reads each selected page's structured text into positioned lines (layout.c), decides
 * whether the text layer is usable (classify.c) and renders pages that need OCR straight into
 * memory for the OCR adapter. Text layers are read on the calling thread (they are cheap); the
 * pages that need OCR run in parallel with one cloned fz_context, one fz_document and one OCR
 * engine per worker. fz_try/fz_catch never leave this file. */
#include "ingest-int.h"
#include "classify.h"
#include "layout.h"
#include "stamp.h"
#include "../core/array.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MIN_IMAGE_COVER 0.10f /* a page whose images cover less than this has nothing to OCR */
#define DRAWN_TEXT_PATHS 200  /* filled paths on a page without text or image: text drawn as outlines */

/* A device that only counts filled paths (text converted to curves draws one per glyph). */
typedef struct path_counter {
	fz_device super;
	int fills;
} path_counter;

static void count_fill(fz_context *fz, fz_device *dev, const fz_path *path, int even_odd, fz_matrix ctm,
		       fz_colorspace *cs, const float *color, float alpha, fz_color_params cp)
{
	(void)fz, (void)path, (void)even_odd, (void)ctm, (void)cs, (void)color, (void)alpha, (void)cp;
	((path_counter *)dev)->fills++;
}

/* How many filled paths the page draws; 0 when it cannot be run. */
static int count_fills(fz_context *fz, fz_page *pg)
{
	path_counter *dev = NULL;
	int n = 0;
	fz_var(dev);
	fz_var(n);
	fz_try(fz) {
		dev = (path_counter *)fz_new_device_of_size(fz, sizeof *dev);
		dev->super.fill_path = count_fill;
		fz_run_page(fz, pg, &dev->super, fz_identity, NULL);
		fz_close_device(fz, &dev->super);
		n = dev->fills;
	}
	fz_always(fz) {
		fz_drop_device(fz, dev ? &dev->super : NULL);
	}
	fz_catch(fz) {
		n = 0;
	}
	return n;
}

/* Where one fz_context's warnings go. */
typedef struct pdf_sink {
	sohoa_ctx *ctx;
	int repaired;             /* MuPDF rebuilt a broken cross-reference table */
} pdf_sink;

typedef struct pdf_worker {
	fz_context *fz;           /* the base context for worker 0, a clone for the others */
	fz_document *doc;         /* this worker's own handle on the file */
	sohoa_ctx *ctx;           /* this worker's error slot */
	pdf_sink sink;
	int open_tried;
	sohoa_status open_status;
	char *open_error;
	ingest_ocr *ocr;          /* created on the first page that needs OCR */
	int ocr_tried;
	sohoa_status ocr_status;
	char *ocr_error;
} pdf_worker;

typedef struct pdf_run {
	sohoa_ctx *ctx;
	const char *path;
	sohoa_doc *doc;
	pdf_worker *w;
	size_t *ocr_pages;        /* indices into doc->pages that need OCR */
	size_t nocr;
} pdf_run;

static void pdf_lock(void *user, int lock)
{
	pthread_mutex_lock(&((pthread_mutex_t *)user)[lock]);
}

static void pdf_unlock(void *user, int lock)
{
	pthread_mutex_unlock(&((pthread_mutex_t *)user)[lock]);
}

/* MuPDF reports warnings (repairs, broken objects) through callbacks that print by default:
 * route them to our log instead. */
static void pdf_warning(void *user, const char *message)
{
	pdf_sink *s = user;
	if (strstr(message, "repair"))
		s->repaired = 1;
	sohoa_log(s->ctx, SOHOA_LOG_DEBUG, "mupdf: %s", message);
}

static void pdf_quiet(fz_context *fz, pdf_sink *sink)
{
	fz_set_warning_callback(fz, pdf_warning, sink);
	fz_set_error_callback(fz, pdf_warning, sink);
}

/* "%PDF-" and a version digit at offset 0, or a ".pdf" name. */
static int pdf_recognize(const char *path, const unsigned char *head, size_t n)
{
	if (n >= 6 && !memcmp(head, "%PDF-", 5) && head[5] >= '1' && head[5] <= '9')
		return 1;
	size_t pl = strlen(path);
	/* a .pdf that is not one still comes here, to be told so */
	return pl > 4 && !strcasecmp(path + pl - 4, ".pdf");
}

/* 1 if the file has "%PDF-" in its first 1024 bytes (where readers accept it). */
static int has_pdf_header(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	unsigned char head[1024];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	for (size_t i = 0; i + 5 <= n; i++)
		if (!memcmp(head + i, "%PDF-", 5))
			return 1;
	return 0;
}

/* Open path with fz into *out, authenticating with ctx->opt.password when the file is encrypted.
 * MuPDF repairs a broken cross-reference table by itself while opening. */
static sohoa_status open_doc(sohoa_ctx *ctx, fz_context *fz, const char *path, fz_document **out)
{
	*out = NULL;
	fz_document *d = NULL;
	fz_stream *stm = NULL;
	int needs = 0, authed = 0;
	fz_var(d);
	fz_var(stm);
	fz_var(needs);
	fz_var(authed);
	fz_try(fz) {
		stm = fz_open_file(fz, path);
		/* the PDF parser directly: no other document handlers (and their libraries) linked */
		d = &pdf_open_document_with_stream(fz, stm)->super;
		needs = fz_needs_password(fz, d);
		if (needs && ctx->opt.password)
			authed = fz_authenticate_password(fz, d, ctx->opt.password);
	}
	fz_always(fz) {
		fz_drop_stream(fz, stm);
	}
	fz_catch(fz) {
		fz_drop_document(fz, d);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "cannot open '%s': %s", path, fz_caught_message(fz));
	}
	if (needs && !authed) {
		fz_drop_document(fz, d);
		if (!ctx->opt.password)
			return sohoa_error(ctx, SOHOA_ERR_PASSWORD, "'%s' is encrypted: give --password", path);
		return sohoa_error(ctx, SOHOA_ERR_PASSWORD, "'%s': wrong password", path);
	}
	*out = d;
	return SOHOA_OK;
}

/* Glyphs of a page, grown as MuPDF hands them out. */
typedef struct glyph_list {
	ingest_glyph *g;
	size_t n, cap;
	const char *fonts[32];
	size_t nfonts;
} glyph_list;

static int glyph_push(glyph_list *l, const ingest_glyph *g)
{
	if (SOHOA_GROW(l->g, l->n + 1, l->cap))
		return -1;
	l->g[l->n++] = *g;
	if (g->font && l->nfonts < sizeof l->fonts / sizeof *l->fonts) {
		for (size_t i = 0; i < l->nfonts; i++)
			if (l->fonts[i] == g->font || !strcmp(l->fonts[i], g->font))
				return 0;
		l->fonts[l->nfonts++] = g->font;
	}
	return 0;
}

/* Walk the structured text: glyphs with boxes relative to the page's top-left appended to out,
 * one fragment per MuPDF line (numbered on from out's last); and the share of the page under
 * images added to *image_cover. Returns -1 when out of memory. */
static int collect(fz_context *fz, fz_stext_page *tp, fz_rect pb, glyph_list *out, float *image_cover)
{
	float area = (pb.x1 - pb.x0) * (pb.y1 - pb.y0), cover = *image_cover;
	int frag = out->n ? out->g[out->n - 1].frag + 1 : 0;
	for (fz_stext_block *b = tp->first_block; b; b = b->next) {
		if (b->type == FZ_STEXT_BLOCK_IMAGE) {
			fz_rect r = fz_intersect_rect(b->bbox, pb);
			if (!fz_is_empty_rect(r) && area > 0)
				cover += (r.x1 - r.x0) * (r.y1 - r.y0) / area;
			continue;
		}
		if (b->type != FZ_STEXT_BLOCK_TEXT)
			continue;
		for (fz_stext_line *ln = b->u.t.first_line; ln; ln = ln->next, frag++)
			for (fz_stext_char *ch = ln->first_char; ch; ch = ch->next) {
				fz_rect r = fz_rect_from_quad(ch->quad);
				ingest_glyph g = {
					(uint32_t)ch->c, r.x0 - pb.x0, r.y0 - pb.y0, r.x1 - pb.x0, r.y1 - pb.y0,
					ch->size, ch->font ? fz_font_name(fz, ch->font) : NULL, frag,
				};
				if (glyph_push(out, &g))
					return -1;
			}
	}
	*image_cover = cover > 1 ? 1 : cover;
	return 0;
}

/* Structured text of what run draws of the page (fz_run_page_contents, or the annotations).
 * Throws. */
typedef void (*page_runner)(fz_context *, fz_page *, fz_device *, fz_matrix, fz_cookie *);

static fz_stext_page *page_stext(fz_context *fz, fz_page *pg, fz_rect pb, page_runner run)
{
	fz_stext_options so = {FZ_STEXT_PRESERVE_IMAGES | FZ_STEXT_MEDIABOX_CLIP, 1};
	fz_stext_page *tp = fz_new_stext_page(fz, pb);
	fz_device *dev = NULL;
	fz_var(dev);
	fz_try(fz) {
		dev = fz_new_stext_device(fz, tp, &so);
		run(fz, pg, dev, fz_identity, NULL);
		fz_close_device(fz, dev);
	}
	fz_always(fz) {
		fz_drop_device(fz, dev);
	}
	fz_catch(fz) {
		fz_drop_stext_page(fz, tp);
		fz_rethrow(fz);
	}
	return tp;
}

/* The annotations of a page as drawn: markup annotations (stamps, free text) and form widgets,
 * those hidden from view left out (a page_runner). */
static void run_annots(fz_context *fz, fz_page *pg, fz_device *dev, fz_matrix m, fz_cookie *cookie)
{
	fz_run_page_annots(fz, pg, dev, m, cookie);
	fz_run_page_widgets(fz, pg, dev, m, cookie);
}

/* The annotations' structured text, or NULL when they cannot be run (a broken appearance
 * stream costs its text, not the page). */
static fz_stext_page *annots_stext(fz_context *fz, fz_page *pg, fz_rect pb)
{
	fz_stext_page *ta = NULL;
	fz_var(ta);
	fz_try(fz) {
		ta = page_stext(fz, pg, pb, run_annots);
	}
	fz_catch(fz) {
		ta = NULL;
	}
	return ta;
}

static void page_fail(sohoa_page *page, sohoa_status st, const char *msg)
{
	ingest_page_clear(page);
	page->status = st;
	free(page->error);
	page->error = sohoa_strdup(msg && *msg ? ingest_page_reason(msg, page->number) : sohoa_status_str(st));
}

static void set_decision(sohoa_page *page, const char *reason, const char *action)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s%s", reason, action ? action : "");
	free(page->decision);
	page->decision = sohoa_strdup(buf);
}

/* The text of the page's lines joined by '\n', for the classifier; own: without its stamp lines
 * (an inbox stamp read by a scanner's OCR layer, text under a note). */
static char *page_text(const sohoa_page *page, int own, size_t *len)
{
	sohoa_buf b = {0};
	for (size_t i = 0; i < page->nlines; i++)
		if (!(own && page->lines[i].source == SOHOA_SRC_STAMP) &&
		    (sohoa_buf_puts(&b, page->lines[i].text ? page->lines[i].text : "") || sohoa_buf_puts(&b, "\n"))) {
			sohoa_buf_free(&b);
			return NULL;
		}
	*len = b.len;
	return b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
}

/* Render at most this many pixels of a page: a 4000 pt page at 300 dpi would be 280 million
 * (1.7 GB with the OCR's copies); this keeps a page's peak memory under about 1 GB. */
#define PAGE_PIXEL_BUDGET 40000000.0

/* ctx->opt.dpi, or the highest lower one (not below SOHOA_DPI_MIN) that keeps the page box pb
 * within PAGE_PIXEL_BUDGET; a lower one is logged (-v). */
static int render_dpi(pdf_run *run, fz_rect pb, int number)
{
	int dpi = run->ctx->opt.dpi > 0 ? run->ctx->opt.dpi : 300;
	double w = (double)(pb.x1 - pb.x0) / 72.0, h = (double)(pb.y1 - pb.y0) / 72.0; /* inches */
	if (!(w > 0 && h > 0) || w * h * dpi * dpi <= PAGE_PIXEL_BUDGET)
		return dpi;
	int lower = (int)sqrt(PAGE_PIXEL_BUDGET / (w * h));
	lower = lower < SOHOA_DPI_MIN ? SOHOA_DPI_MIN : lower;
	if (lower >= dpi)
		return dpi;
	sohoa_log(run->ctx, SOHOA_LOG_INFO, "%s: page %d: %.0fx%.0f pt is a huge page: rendered at %d dpi, not %d",
		  run->path, number, w * 72, h * 72, lower, dpi);
	return lower;
}

/* Render the page in colour at ctx->opt.dpi (lower for a huge page) and OCR it into page. Colour, not gray: the OCR
 * adapter's gray conversion turns a red stamp and a blue signature white, which a gray rendering
 * has already made into dark rings and strokes over the signer's lines. */
static sohoa_status mark_notes(sohoa_ctx *ctx, fz_context *fz, fz_page *pg, fz_rect pb, sohoa_page *page);
static size_t note_boxes(fz_context *fz, fz_page *pg, fz_rect pb, float (*box)[4], size_t max);

static sohoa_status ocr_page(pdf_run *run, pdf_worker *w, fz_page *pg, fz_rect pb, sohoa_page *page)
{
	sohoa_ctx *ctx = w->ctx;
	int dpi = render_dpi(run, pb, page->number);
	float zoom = dpi / 72.0f;
	fz_matrix m = fz_scale(zoom, zoom);
	fz_irect ib = fz_round_rect(fz_transform_rect(pb, m));
	int64_t pw = ib.x1 - ib.x0, ph = ib.y1 - ib.y0;
	if (pw <= 0 || ph <= 0)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "empty page box");
	if (ctx->opt.max_pixels > 0 && pw * ph > ctx->opt.max_pixels)
		return sohoa_error(ctx, SOHOA_ERR_LIMIT,
				   "%lldx%lld pixels at %d dpi is over the limit of %lld pixels (--max-pixels)",
				   (long long)pw, (long long)ph, dpi, (long long)ctx->opt.max_pixels);
	if (!w->ocr_tried) {
		w->ocr_tried = 1;
		w->ocr_status = ingest_ocr_new(ctx, &w->ocr);
		if (w->ocr_status != SOHOA_OK)
			w->ocr_error = sohoa_strdup(sohoa_errmsg(ctx));
	}
	if (!w->ocr)
		return sohoa_error(ctx, w->ocr_status ? w->ocr_status : SOHOA_ERR_INTERNAL, "%s",
				   w->ocr_error ? w->ocr_error : "no OCR engine");
	fz_pixmap *pix = NULL;
	fz_var(pix);
	fz_try(w->fz) {
		pix = fz_new_pixmap_from_page(w->fz, pg, m, fz_device_rgb(w->fz), 0);
	}
	fz_catch(w->fz) {
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "cannot render: %s", fz_caught_message(w->fz));
	}
	float notes[16][4]; /* laid out apart from the text, so they do not break its columns */
	size_t nnotes = note_boxes(w->fz, pg, pb, notes, 16);
	ingest_raster r = {
		fz_pixmap_samples(w->fz, pix), fz_pixmap_width(w->fz, pix), fz_pixmap_height(w->fz, pix),
		fz_pixmap_components(w->fz, pix), (int)fz_pixmap_stride(w->fz, pix), dpi,
		(const float (*)[4])notes, nnotes,
	};
	ingest_page_clear(page);
	page->source = SOHOA_SRC_OCR;
	sohoa_status st = ingest_ocr_raster(ctx, w->ocr, &r, page);
	if (st == SOHOA_OK)
		st = mark_notes(ctx, w->fz, pg, pb, page);
	fz_drop_pixmap(w->fz, pix);
	(void)run;
	return st;
}

/* Read one page's text layer into page, classify it and set its decision; *need_ocr says whether
 * the mode and the verdict send it to OCR. */
static sohoa_status text_page(pdf_worker *w, sohoa_page *page, int *need_ocr)
{
	sohoa_ctx *ctx = w->ctx;
	fz_context *fz = w->fz;
	fz_page *pg = NULL;
	fz_stext_page *tp = NULL, *ta = NULL; /* the contents' and the annotations' */
	glyph_list gl = {0};
	float cover = 0;
	fz_rect pb = fz_empty_rect;
	int nomem = 0;
	size_t nc = 0; /* glyphs of the contents; the annotations' follow */
	*need_ocr = 0;
	fz_var(pg);
	fz_var(tp);
	fz_var(ta);
	fz_var(cover);
	fz_var(nomem);
	fz_var(pb);
	fz_var(gl);
	fz_var(nc);
	fz_try(fz) {
		pg = fz_load_page(fz, w->doc, page->number - 1);
		pb = fz_bound_page(fz, pg);
		tp = page_stext(fz, pg, pb, fz_run_page_contents);
		nomem = collect(fz, tp, pb, &gl, &cover);
		if (!nomem)
			ta = annots_stext(fz, pg, pb);
		nc = gl.n;
		if (ta && !nomem)
			nomem = collect(fz, ta, pb, &gl, &cover);
	}
	fz_catch(fz) {
		fz_drop_stext_page(fz, ta);
		fz_drop_stext_page(fz, tp);
		fz_drop_page(fz, pg);
		free(gl.g);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "cannot read page: %s", fz_caught_message(fz));
	}
	page->width = pb.x1 - pb.x0;
	page->height = pb.y1 - pb.y0;
	page->source = SOHOA_SRC_PDF;
	char *text = NULL, *own_text = NULL;
	size_t tlen = 0, own_len = 0;
	sohoa_status st = nomem ? sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory") : SOHOA_OK;
	/* the page's own text is what its contents draw, stamp lines aside: an e-signature
	 * widget's text over a scanned page is no text layer of the scan */
	if (st == SOHOA_OK && gl.n > nc) {
		sohoa_page own = {.number = page->number, .width = page->width, .height = page->height,
				  .source = SOHOA_SRC_PDF};
		st = ingest_layout(ctx, gl.g, nc, &own);
		if (st == SOHOA_OK)
			st = mark_notes(ctx, fz, pg, pb, &own);
		if (st == SOHOA_OK && !(own_text = page_text(&own, 1, &own_len)))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		ingest_page_clear(&own);
		if (st == SOHOA_OK && ingest_splice_annots(&gl.g, &gl.cap, gl.n, nc))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	if (st == SOHOA_OK)
		st = ingest_layout(ctx, gl.g, gl.n, page);
	if (st == SOHOA_OK)
		st = mark_notes(ctx, fz, pg, pb, page);
	if (st == SOHOA_OK && !own_text && !(own_text = page_text(page, 1, &own_len)))
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	if (st == SOHOA_OK && !(text = page_text(page, 0, &tlen)))
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	/* the whole text judged as it reads; a text it would keep is kept only if the page's own
	 * text would be kept too */
	ingest_verdict v;
	if (st == SOHOA_OK) {
		ingest_page_info info = {text, tlen, gl.fonts, gl.nfonts, cover};
		ingest_classify(&info, &v);
		if (v.usable && (own_len != tlen || memcmp(own_text, text, tlen))) {
			ingest_verdict ov;
			info.text = own_text, info.len = own_len;
			ingest_classify(&info, &ov);
			if (!ov.usable)
				v = ov;
		}
	}
	free(text);
	free(own_text);
	/* no text, no image, but many filled shapes: text converted to outlines is an image too */
	int drawn = 0;
	if (st == SOHOA_OK && ctx->opt.ocr == SOHOA_OCR_AUTO && v.kind == INGEST_TEXT_NONE &&
	    cover < MIN_IMAGE_COVER && (drawn = count_fills(fz, pg)) >= DRAWN_TEXT_PATHS) {
		size_t l = strlen(v.reason);
		snprintf(v.reason + l, sizeof v.reason - l, ", %d filled shapes", drawn);
	}
	/* fonts are borrowed from the stext pages: done with them now */
	fz_drop_stext_page(fz, ta);
	fz_drop_stext_page(fz, tp);
	fz_drop_page(fz, pg);
	free(gl.g);
	if (st != SOHOA_OK)
		return st;
	int has_image = cover >= MIN_IMAGE_COVER || drawn >= DRAWN_TEXT_PATHS, ocr = 0;
	switch (ctx->opt.ocr) {
	case SOHOA_OCR_ALWAYS:
		ocr = 1;
		set_decision(page, v.reason, "; ocr forced");
		break;
	case SOHOA_OCR_NEVER:
		set_decision(page, v.reason, v.usable ? NULL : "; ocr off, text kept");
		break;
	case SOHOA_OCR_AUTO:
		/* garbage glyphs still draw the right shapes: render them; the other verdicts need a
		 * page image, else the text is what there is */
		ocr = !v.usable && (has_image || v.kind == INGEST_TEXT_GARBAGE);
		set_decision(page, v.reason, v.usable ? NULL : ocr ? "; ocr" : "; no image to ocr, text kept");
		break;
	}
	if (v.encoding && !ocr) {
		free(page->encoding);
		page->encoding = sohoa_strdup(v.encoding);
	}
	*need_ocr = ocr;
	return SOHOA_OK;
}

/* Worker body for the OCR pass: item i of run->ocr_pages. Each worker opens the file once with
 * its own context. */
static void run_ocr(void *arg, int worker, size_t i)
{
	pdf_run *run = arg;
	pdf_worker *w = &run->w[worker];
	sohoa_page *page = &run->doc->pages[run->ocr_pages[i]];
	if (sohoa_interrupted(run->ctx)) {
		page_fail(page, SOHOA_ERR_INTERRUPTED, "interrupted");
		return;
	}
	if (!w->open_tried) {
		w->open_tried = 1;
		w->open_status = open_doc(w->ctx, w->fz, run->path, &w->doc);
		if (w->open_status != SOHOA_OK)
			w->open_error = sohoa_strdup(sohoa_errmsg(w->ctx));
	}
	if (!w->doc) {
		page_fail(page, w->open_status, w->open_error);
		return;
	}
	sohoa_clear_error(w->ctx);
	fz_page *pg = NULL;
	fz_rect pb = fz_empty_rect;
	fz_var(pg);
	fz_var(pb);
	fz_try(w->fz) {
		pg = fz_load_page(w->fz, w->doc, page->number - 1);
		pb = fz_bound_page(w->fz, pg);
	}
	fz_catch(w->fz) {
		fz_drop_page(w->fz, pg);
		page_fail(page, SOHOA_ERR_FORMAT, fz_caught_message(w->fz));
		return;
	}
	sohoa_status st = ocr_page(run, w, pg, pb, page);
	fz_drop_page(w->fz, pg);
	if (st != SOHOA_OK)
		page_fail(page, st, sohoa_errmsg(w->ctx));
}

/* Count the pages of d, check the limits and add the pages --pages selects to doc. */
static sohoa_status select_pages(sohoa_ctx *ctx, fz_context *fz, fz_document *d, const char *path, sohoa_doc *doc)
{
	int count = 0;
	fz_var(count);
	fz_try(fz) {
		count = fz_count_pages(fz, d);
	}
	fz_catch(fz) {
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': cannot count pages: %s", path, fz_caught_message(fz));
	}
	if (count <= 0)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' has no pages", path);
	if (ctx->opt.max_pages > 0 && count > ctx->opt.max_pages)
		return sohoa_error(ctx, SOHOA_ERR_LIMIT, "'%s' has %d pages, over the limit of %d (--max-pages)", path,
				   count, ctx->opt.max_pages);
	doc->page_count = count;
	sohoa_deadline_pages(ctx, (size_t)count); /* --timeout: the document's pages set its deadline */
	for (int p = 1; p <= count; p++)
		if (sohoa_page_selected(ctx->opt.pages, p) && !ingest_page_add(doc, p))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
	if (doc->npages == 0)
		return sohoa_error(ctx, SOHOA_ERR_USAGE, "'%s': --pages %s selects none of its %d pages", path,
				   ctx->opt.pages, count);
	return SOHOA_OK;
}

/* Pass 1 with worker w0 (this thread): each page's text layer and verdict. The indices of the
 * pages that need OCR go to ocr_pages; returns their count. */
static size_t text_pass(sohoa_ctx *ctx, pdf_worker *w0, sohoa_doc *doc, size_t *ocr_pages)
{
	size_t nocr = 0;
	for (size_t i = 0; i < doc->npages; i++) {
		sohoa_page *page = &doc->pages[i];
		if (sohoa_interrupted(ctx)) {
			page_fail(page, SOHOA_ERR_INTERRUPTED, "interrupted");
			continue;
		}
		int need = 0;
		sohoa_clear_error(w0->ctx);
		sohoa_status pst = text_page(w0, page, &need);
		if (pst != SOHOA_OK)
			page_fail(page, pst, sohoa_errmsg(w0->ctx));
		else if (need)
			ocr_pages[nocr++] = i;
	}
	return nocr;
}

/* Workers w[have..jobs) with an error slot and a clone of fz each; returns how many workers there
 * are now (fewer when memory runs out). */
static int add_workers(sohoa_ctx *ctx, fz_context *fz, pdf_worker *w, int have, int jobs)
{
	for (; have < jobs; have++) {
		pdf_worker *k = &w[have];
		k->ctx = sohoa_ctx_new_worker(ctx);
		k->fz = fz_clone_context(fz);
		if (!k->ctx || !k->fz) {
			sohoa_ctx_free(k->ctx);
			if (k->fz)
				fz_drop_context(k->fz);
			k->ctx = NULL;
			k->fz = NULL;
			break;
		}
		k->sink.ctx = k->ctx;
		pdf_quiet(k->fz, &k->sink);
	}
	return have;
}

static sohoa_status pdf_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	if (!has_pdf_header(path))
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is not a PDF (no %%PDF- header)", path);
	pthread_mutex_t locks[FZ_LOCK_MAX];
	for (int i = 0; i < FZ_LOCK_MAX; i++)
		pthread_mutex_init(&locks[i], NULL);
	fz_locks_context lc = {locks, pdf_lock, pdf_unlock};
	sohoa_status st = SOHOA_OK;
	fz_context *fz = fz_new_context(NULL, &lc, FZ_STORE_DEFAULT);
	pdf_worker *w = NULL;
	int nworkers = 0;
	if (!fz) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "cannot create a MuPDF context");
		goto out;
	}
	pdf_sink sink = {ctx, 0};
	pdf_quiet(fz, &sink);
	fz_document *d = NULL;
	if ((st = open_doc(ctx, fz, path, &d)) != SOHOA_OK)
		goto out;
	if (sink.repaired)
		sohoa_log(ctx, SOHOA_LOG_WARN, "'%s' is damaged: repaired, pages may be missing text", path);
	if ((st = select_pages(ctx, fz, d, path, doc)) != SOHOA_OK) {
		fz_drop_document(fz, d);
		goto out;
	}

	/* Pass 1, on this thread: every page's text layer and verdict (cheap; a born-digital file
	 * needs nothing more, so it opens once and starts no threads). */
	size_t *ocr_pages = calloc(doc->npages, sizeof *ocr_pages);
	w = calloc((size_t)(ctx->opt.jobs > 1 ? ctx->opt.jobs : 1), sizeof *w);
	if (!w || !ocr_pages || !(w[0].ctx = sohoa_ctx_new_worker(ctx))) {
		free(ocr_pages);
		fz_drop_document(fz, d);
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		goto out;
	}
	nworkers = 1;
	w[0].fz = fz;
	w[0].doc = d;
	w[0].open_tried = 1;
	w[0].sink.ctx = w[0].ctx;
	size_t nocr = text_pass(ctx, &w[0], doc, ocr_pages);

	/* Pass 2: the pages that need OCR, on up to --jobs workers. Worker 0 is this thread with the
	 * base context and the open document; the others get clones (made here, before any thread
	 * starts) and open their own document. */
	int jobs = ctx->opt.jobs > 0 ? ctx->opt.jobs : 1;
	if ((size_t)jobs > nocr)
		jobs = nocr ? (int)nocr : 1;
	nworkers = add_workers(ctx, fz, w, nworkers, jobs);
	if (nocr) {
		pdf_run run = {ctx, path, doc, w, ocr_pages, nocr};
		sohoa_parallel_for(nworkers, nocr, run_ocr, &run);
	}
	free(ocr_pages);

out:
	for (int i = nworkers - 1; i >= 0; i--) {
		if (w[i].ocr)
			ingest_ocr_free(w[i].ocr);
		fz_drop_document(w[i].fz, w[i].doc);
		free(w[i].open_error);
		free(w[i].ocr_error);
		sohoa_ctx_free(w[i].ctx);
		if (i)
			fz_drop_context(w[i].fz);
	}
	free(w);
	fz_drop_context(fz);
	for (int i = 0; i < FZ_LOCK_MAX; i++)
		pthread_mutex_destroy(&locks[i]);
	return st;
}

const ingest_handler ingest_pdf_handler = {"pdf", pdf_recognize, pdf_open};

const char *sohoa_pdf_mupdf_version(void) { return FZ_VERSION; }

/* Notes put on the page as annotations after it was made (typewriter or free text: a routing
 * note; rubber stamps) hold no text of the document: the lines under them become stamp lines
 * (stamp.h), and so do lines worded as an inbox stamp (a scanner's OCR layer reads the stamp
 * too). Signature widgets are not notes: e-signing writes the number and day there. A page OCR
 * turned upright has boxes no longer in the PDF's frame: its annotations are left alone. */
static sohoa_status mark_notes(sohoa_ctx *ctx, fz_context *fz, fz_page *pg, fz_rect pb, sohoa_page *page)
{
	float box[16][4];
	ingest_region r[16];
	ingest_stamp_words(page);
	if (page->decision && strstr(page->decision, "turned"))
		return SOHOA_OK;
	size_t n = note_boxes(fz, pg, pb, box, 16);
	for (size_t i = 0; i < n; i++)
		r[i] = (ingest_region){box[i][0], box[i][1], box[i][2], box[i][3], 0};
	return n ? ingest_stamp_regions(ctx, page, r, n) : SOHOA_OK;
}

/* The boxes of the page's notes (free text and stamp annotations), {x0, y0, x1, y1} in points
 * from the page box's top-left: up to max, how many. */
static size_t note_boxes(fz_context *fz, fz_page *pg, fz_rect pb, float (*box)[4], size_t max)
{
	size_t n = 0;
	pdf_page *pp = pdf_page_from_fz_page(fz, pg);
	if (!pp)
		return 0;
	fz_var(n);
	fz_try(fz) {
		for (pdf_annot *a = pdf_first_annot(fz, pp); a && n < max; a = pdf_next_annot(fz, a)) {
			enum pdf_annot_type t = pdf_annot_type(fz, a);
			if (t != PDF_ANNOT_FREE_TEXT && t != PDF_ANNOT_STAMP)
				continue;
			fz_rect b = pdf_bound_annot(fz, a);
			box[n][0] = b.x0 - pb.x0, box[n][1] = b.y0 - pb.y0;
			box[n][2] = b.x1 - pb.x0, box[n][3] = b.y1 - pb.y0;
			n++;
		}
	}
	fz_catch(fz) {
		/* a broken annotation: the notes found so far */
	}
	return n;
}

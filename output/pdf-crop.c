/* pdf-crop: regions of a document's pages rendered to small greyscale PNG files (the review pages'
 * crops), with MuPDF. PDF pages are drawn as displayed; image files (TIFF and PNM pages by index)
 * are drawn onto the page as ingest sized it, so the boxes ingest measured fall where they were. */
#include "pdf-int.h"

#include <string.h>

#define CROP_MAX_PX 2000 /* longest side of a crop in pixels; the zoom drops to fit */

static void crop_sink(void *user, const char *message)
{
	sohoa_log(user, SOHOA_LOG_DEBUG, "mupdf: %s", message);
}

static long page_index(const sohoa_doc *doc, int number)
{
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].number == number)
			return (long)i;
	return -1;
}

/* The image of page index (0-based) of an image file held in data. Throws. */
static fz_image *file_image(fz_context *fz, fz_buffer *data, int index)
{
	unsigned char *d = NULL;
	size_t len = fz_buffer_storage(fz, data, &d);
	fz_pixmap *pix = NULL;
	if (len >= 4 && (!memcmp(d, "II*\0", 4) || !memcmp(d, "MM\0*", 4)))
		pix = fz_load_tiff_subimage(fz, d, len, index);
	else if (len >= 2 && d[0] == 'P' && d[1] >= '1' && d[1] <= '7')
		pix = fz_load_pnm_subimage(fz, d, len, index);
	if (!pix)
		return fz_new_image_from_buffer(fz, data);
	fz_image *im = NULL;
	fz_try(fz)
		im = fz_new_image_from_pixmap(fz, pix, NULL);
	fz_always(fz)
		fz_drop_pixmap(fz, pix);
	fz_catch(fz)
		fz_rethrow(fz);
	return im;
}

/* Render the region r (points of the page as displayed, whose box is bounds) of pdf page pg, or
 * of image im drawn over bounds, at zoom into a PNG at path. Throws. */
static void render(fz_context *fz, fz_page *pg, fz_image *im, fz_rect bounds, fz_rect r, float zoom, const char *path)
{
	float side = fz_max(r.x1 - r.x0, r.y1 - r.y0) * zoom;
	if (side > CROP_MAX_PX)
		zoom *= CROP_MAX_PX / side;
	fz_matrix ctm = fz_scale(zoom, zoom);
	fz_irect ir = fz_round_rect(fz_transform_rect(r, ctm));
	fz_pixmap *pix = NULL;
	fz_device *dev = NULL;
	fz_var(pix), fz_var(dev);
	fz_try(fz) {
		pix = fz_new_pixmap_with_bbox(fz, fz_device_gray(fz), ir, NULL, 0);
		fz_clear_pixmap_with_value(fz, pix, 255);
		dev = fz_new_draw_device(fz, fz_identity, pix);
		if (pg) {
			fz_run_page(fz, pg, dev, ctm, NULL);
		} else {
			fz_matrix m = fz_concat(fz_make_matrix(bounds.x1 - bounds.x0, 0, 0, bounds.y1 - bounds.y0,
							       bounds.x0, bounds.y0), ctm);
			fz_fill_image(fz, dev, im, m, 1, fz_default_color_params);
		}
		fz_close_device(fz, dev);
		fz_save_pixmap_as_png(fz, pix, path);
	}
	fz_always(fz) {
		fz_drop_device(fz, dev);
		fz_drop_pixmap(fz, pix);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* The crops of one page (doc page index p): c[0..n) all name it. Throws. */
static void page_crops(sohoa_ctx *ctx, fz_context *fz, pdf_document *pdf, fz_buffer *data, const sohoa_doc *doc,
		       long p, const sohoa_crop *c, size_t n, float zoom)
{
	const sohoa_page *page = &doc->pages[p];
	fz_page *pg = NULL;
	fz_image *im = NULL;
	fz_var(pg), fz_var(im);
	fz_try(fz) {
		float w, h;
		out_page_stored_size(page, &w, &h);
		fz_rect bounds;
		if (pdf) {
			pg = fz_load_page(fz, &pdf->super, page->number - 1);
			bounds = fz_bound_page(fz, pg);
		} else {
			im = file_image(fz, data, page->number - 1);
			bounds = fz_make_rect(0, 0, w, h);
		}
		float sx = w > 0 ? (bounds.x1 - bounds.x0) / w : 1, sy = h > 0 ? (bounds.y1 - bounds.y0) / h : 1;
		int turns = out_page_turns(page);
		for (size_t i = 0; i < n; i++) {
			float b[4];
			out_box_stored(turns, w, h, c[i].box, b);
			fz_rect r = fz_make_rect(bounds.x0 + b[0] * sx, bounds.y0 + b[1] * sy, bounds.x0 + b[2] * sx,
						 bounds.y0 + b[3] * sy);
			r = fz_intersect_rect(r, bounds);
			if (fz_is_empty_rect(r))
				fz_throw(fz, FZ_ERROR_GENERIC, "page %d: crop outside the page", page->number);
			render(fz, pg, im, bounds, r, zoom, c[i].path);
		}
	}
	fz_always(fz) {
		fz_drop_page(fz, pg);
		fz_drop_image(fz, im);
	}
	fz_catch(fz)
		fz_rethrow(fz);
	(void)ctx;
}

sohoa_status sohoa_crops_render(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_crop *crops, size_t n, float zoom)
{
	if (!doc->kind || (strcmp(doc->kind, "pdf") && strcmp(doc->kind, "image")))
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s': a text file has no pages to crop", doc->path);
	for (size_t i = 0; i < n; i++)
		if (page_index(doc, crops[i].page) < 0)
			return sohoa_error(ctx, SOHOA_ERR_USAGE, "'%s': no page %d to crop", doc->path, crops[i].page);
	if (!n)
		return SOHOA_OK;
	fz_context *fz = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!fz)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "cannot create a MuPDF context");
	fz_set_warning_callback(fz, crop_sink, ctx);
	fz_set_error_callback(fz, crop_sink, ctx);
	sohoa_status st = SOHOA_OK;
	pdf_document *pdf = NULL;
	fz_buffer *data = NULL;
	fz_var(pdf), fz_var(data);
	fz_try(fz) {
		if (!strcmp(doc->kind, "pdf")) {
			pdf = pdf_open_document(fz, doc->path);
			if (pdf_needs_password(fz, pdf) &&
			    !(ctx->opt.password && pdf_authenticate_password(fz, pdf, ctx->opt.password)))
				fz_throw(fz, FZ_ERROR_GENERIC, ctx->opt.password ? "wrong password" : "encrypted: give --password");
		} else {
			data = fz_read_file(fz, doc->path);
		}
		/* crops of one page together: each page loaded once */
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;
			while (j < n && crops[j].page == crops[i].page)
				j++;
			page_crops(ctx, fz, pdf, data, doc, page_index(doc, crops[i].page), crops + i, j - i, zoom);
			i = j;
		}
	}
	fz_always(fz) {
		pdf_drop_document(fz, pdf);
		fz_drop_buffer(fz, data);
	}
	fz_catch(fz)
		st = sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': cannot render a crop: %s", doc->path, fz_caught_message(fz));
	fz_drop_context(fz);
	return st;
}

/* pdf-image.c: the pages of an image input (the MuPDF writer adapter, pdf.c): the image passed
 * through as coded (image.c) or stored again losslessly, and the text layer. */
#include "pdf-int.h"

#include <string.h>

/* ---- pages of an image input ---- */

static pdf_obj *image_stream(writer *w, const out_image *img)
{
	fz_context *fz = w->fz;
	pdf_obj *d = pdf_new_dict(fz, w->pdf, 10), *ref = NULL;
	fz_buffer *buf = NULL;
	fz_var(buf);
	fz_try(fz) {
		static const char *const spaces[] = {NULL, "DeviceGray", NULL, "DeviceRGB", "DeviceCMYK"};
		pdf_dict_put(fz, d, PDF_NAME(Type), PDF_NAME(XObject));
		pdf_dict_put(fz, d, PDF_NAME(Subtype), PDF_NAME(Image));
		pdf_dict_put_int(fz, d, PDF_NAME(Width), img->width);
		pdf_dict_put_int(fz, d, PDF_NAME(Height), img->height);
		pdf_dict_put_int(fz, d, PDF_NAME(BitsPerComponent), img->bpc);
		if (img->indexed) {
			pdf_obj *cs = pdf_dict_put_array(fz, d, PDF_NAME(ColorSpace), 4);
			pdf_array_push(fz, cs, PDF_NAME(Indexed));
			pdf_array_push(fz, cs, PDF_NAME(DeviceRGB));
			pdf_array_push_int(fz, cs, img->indexed - 1);
			pdf_array_push_drop(fz, cs, pdf_new_string(fz, (const char *)img->palette, 3 * (size_t)img->indexed));
		} else {
			pdf_dict_put_name(fz, d, PDF_NAME(ColorSpace), spaces[img->colors]);
		}
		if (img->invert) {
			pdf_obj *dec = pdf_dict_put_array(fz, d, PDF_NAME(Decode), 8);
			for (int i = 0; i < img->colors; i++)
				pdf_array_push_int(fz, dec, 1), pdf_array_push_int(fz, dec, 0);
		}
		pdf_obj *parms = NULL;
		switch (img->filter) {
		case OUT_FILTER_DCT:
			pdf_dict_put(fz, d, PDF_NAME(Filter), PDF_NAME(DCTDecode));
			break;
		case OUT_FILTER_FLATE:
			pdf_dict_put(fz, d, PDF_NAME(Filter), PDF_NAME(FlateDecode));
			if (img->predictor > 1) {
				parms = pdf_dict_put_dict(fz, d, PDF_NAME(DecodeParms), 4);
				pdf_dict_put_int(fz, parms, PDF_NAME(Predictor), img->predictor);
				pdf_dict_put_int(fz, parms, PDF_NAME(Colors), img->indexed ? 1 : img->colors);
				pdf_dict_put_int(fz, parms, PDF_NAME(BitsPerComponent), img->bpc);
				pdf_dict_put_int(fz, parms, PDF_NAME(Columns), img->width);
			}
			break;
		case OUT_FILTER_CCITT:
			pdf_dict_put(fz, d, PDF_NAME(Filter), PDF_NAME(CCITTFaxDecode));
			parms = pdf_dict_put_dict(fz, d, PDF_NAME(DecodeParms), 3);
			pdf_dict_put_int(fz, parms, PDF_NAME(K), -1);
			pdf_dict_put_int(fz, parms, PDF_NAME(Columns), img->width);
			pdf_dict_put_int(fz, parms, PDF_NAME(Rows), img->height);
			break;
		case OUT_FILTER_RUNLENGTH:
			pdf_dict_put(fz, d, PDF_NAME(Filter), PDF_NAME(RunLengthDecode));
			break;
		case OUT_FILTER_NONE:
			break;
		}
		buf = fz_new_buffer_from_copied_data(fz, img->data, img->len);
		ref = pdf_add_stream(fz, w->pdf, buf, d, 1);
	}
	fz_always(fz) {
		fz_drop_buffer(fz, buf);
		pdf_drop_obj(fz, d);
	}
	fz_catch(fz)
		fz_rethrow(fz);
	return ref;
}

/* Deflate the stream ref (and its soft mask) when MuPDF's image writer left it unfiltered: the
 * file is saved without MuPDF's own compression, which would touch the input's streams too. */
static void deflate_plain(writer *w, pdf_obj *ref)
{
	fz_context *fz = w->fz;
	if (!ref || !pdf_is_stream(fz, ref) || pdf_dict_get(fz, ref, PDF_NAME(Filter)))
		return;
	fz_buffer *raw = pdf_load_raw_stream(fz, ref), *buf = NULL;
	fz_var(buf);
	fz_try(fz) {
		unsigned char *d;
		size_t n = fz_buffer_storage(fz, raw, &d), clen = 0;
		unsigned char *c = fz_new_deflated_data(fz, &clen, d, n, FZ_DEFLATE_BEST);
		buf = fz_new_buffer_from_data(fz, c, clen);
		pdf_update_stream(fz, w->pdf, ref, buf, 1);
		pdf_dict_put(fz, ref, PDF_NAME(Filter), PDF_NAME(FlateDecode));
		pdf_dict_del(fz, ref, PDF_NAME(DecodeParms));
	}
	fz_always(fz) {
		fz_drop_buffer(fz, raw);
		fz_drop_buffer(fz, buf);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* Decode image index of data and store it again (lossless, MuPDF's own image writer). */
static pdf_obj *image_decoded(writer *w, const unsigned char *data, size_t len, int index, int *pw, int *ph,
			      float *dpi)
{
	fz_context *fz = w->fz;
	fz_buffer *buf = NULL;
	fz_pixmap *pix = NULL;
	fz_image *im = NULL;
	pdf_obj *ref = NULL;
	fz_var(buf), fz_var(pix), fz_var(im), fz_var(ref);
	fz_try(fz) {
		if (len >= 4 && (!memcmp(data, "II*\0", 4) || !memcmp(data, "MM\0*", 4)))
			pix = fz_load_tiff_subimage(fz, data, len, index);
		else if (len >= 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '7')
			pix = fz_load_pnm_subimage(fz, data, len, index);
		if (pix) {
			im = fz_new_image_from_pixmap(fz, pix, NULL);
		} else {
			buf = fz_new_buffer_from_shared_data(fz, data, len);
			im = fz_new_image_from_buffer(fz, buf);
		}
		int xr = 0, yr = 0;
		fz_image_resolution(im, &xr, &yr);
		*pw = im->w, *ph = im->h, *dpi = (float)xr;
		ref = pdf_add_image(fz, w->pdf, im);
		deflate_plain(w, ref);
		deflate_plain(w, pdf_dict_get(fz, ref, PDF_NAME(SMask)));
	}
	fz_always(fz) {
		fz_drop_image(fz, im);
		fz_drop_pixmap(fz, pix);
		fz_drop_buffer(fz, buf);
	}
	fz_catch(fz)
		fz_rethrow(fz);
	return ref;
}

/* Page index (0-based) of an image file: the image, and the layer if ingest read it. */
void pdfw_image_page(writer *w, const unsigned char *data, size_t len, int index, sohoa_buf *content)
{
	fz_context *fz = w->fz;
	out_image img;
	if (out_image_read(data, len, index, &img))
		pdfw_throw_nomem(w);
	pdf_obj *im = NULL, *res = NULL, *page = NULL;
	fz_buffer *draw = NULL;
	fz_var(im), fz_var(res), fz_var(page), fz_var(draw);
	fz_try(fz) {
		int pw = img.width, ph = img.height;
		float dpi = img.xdpi;
		if (img.filter != OUT_FILTER_NONE) {
			im = image_stream(w, &img);
			w->rep->images_kept++;
			if (img.colors == 4)
				pdfw_no_pdfa(w, "page %d is a CMYK image", index + 1);
		} else {
			im = image_decoded(w, data, len, index, &pw, &ph, &dpi);
			w->rep->images_recoded++;
			sohoa_log(w->ctx, SOHOA_LOG_INFO, "%s: page %d: image stored again, losslessly (%s)", w->doc->path,
				  index + 1, img.why ? img.why : "a format PDF cannot carry");
		}
		const long p = pdfw_doc_page(w->doc, index + 1);
		const sohoa_page *pg = p >= 0 ? &w->doc->pages[p] : NULL;
		float W, H;
		if (pg && pg->status == SOHOA_OK && pg->width > 0 && pg->height > 0) {
			out_page_stored_size(pg, &W, &H); /* the size ingest gave the OCR boxes */
		} else {
			if (dpi <= 0)
				dpi = (float)(w->ctx->opt.dpi > 0 ? w->ctx->opt.dpi : 300);
			W = pw * 72.0f / dpi, H = ph * 72.0f / dpi;
		}
		res = pdf_new_dict(fz, w->pdf, 2);
		pdf_obj *xo = pdf_dict_put_dict(fz, res, PDF_NAME(XObject), 1);
		pdf_dict_puts(fz, xo, "Im0", im);
		w->tmp.len = 0;
		if (sohoa_buf_printf(&w->tmp, "q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q\n", W, H))
			pdfw_throw_nomem(w);
		draw = fz_new_buffer_from_copied_data(fz, (const unsigned char *)w->tmp.data, w->tmp.len);
		page = pdf_add_page(fz, w->pdf, fz_make_rect(0, 0, W, H), 0, res, draw);
		if (pg && pg->status == SOHOA_OK && pg->source == SOHOA_SRC_OCR) {
			float u[6], m[6];
			out_upright_to_stored(out_page_turns(pg), W, H, u);
			/* the stored page, y down, to user space, y up */
			m[0] = u[0], m[1] = -u[1], m[2] = u[2], m[3] = -u[3], m[4] = u[4], m[5] = H - u[5];
			if (!w->font)
				pdfw_make_font(w);
			size_t runs = pdfw_layer_content(w, (size_t)p, m, "SohoaGL", content);
			if (runs)
				pdfw_add_layer(w, page, "SohoaGL", content->data, content->len);
			w->rep->layered += runs > 0;
			sohoa_log(w->ctx, SOHOA_LOG_INFO, "%s: page %d: text layer of %zu words", w->doc->path, index + 1, runs);
		}
		pdf_insert_page(fz, w->pdf, -1, page);
	}
	fz_always(fz) {
		out_image_clear(&img);
		pdf_drop_obj(fz, im), pdf_drop_obj(fz, res), pdf_drop_obj(fz, page);
		fz_drop_buffer(fz, draw);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* pdf: the MuPDF writer adapter — the searchable PDF. With ingest/pdf.c (the reader) it is one of
 * the two files that include MuPDF; all of sohoa's PDF writing is here. fz_try/fz_catch never
 * leave this file.
 *
 * A PDF input is opened and its pages kept as they are: each page that ingest read by OCR gets a
 * second content stream, the text layer (layer.c), appended after its own in q/Q, and the
 * glyphless font (font.c) in its resources; its old invisible text (an English OCR layer, seed
 * 001's kind) is removed first with MuPDF's content filter. No other page or stream changes:
 * streams are copied as they were coded. An image input becomes a new PDF with one page per
 * image, the image's coded data passed through (image.c) or, where PDF cannot carry it,
 * decoded and stored again losslessly. Then the PDF/A-2b parts — output intent (an sRGB profile
 * from Debian's icc-profiles-free or ghostscript), XMP with the document's metadata, Info to
 * match — when the input has nothing PDF/A forbids; the file is written to a temporary name in
 * the target's folder and renamed. */
#include "output-int.h"
#include "../core/array.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* sRGB profiles Debian installs: ghostscript's (2.5 kB), icc-profiles-free's (7 kB; both come
 * with ocrmypdf), colord's. */
static const char *const srgb_paths[] = {
	"/usr/share/color/icc/ghostscript/srgb.icc",
	"/usr/share/color/icc/sRGB.icc",
	"/usr/share/color/icc/colord/sRGB.icc",
	NULL,
};

typedef struct writer {
	sohoa_ctx *ctx;
	fz_context *fz;
	pdf_document *pdf;
	const sohoa_doc *doc;
	const out_layer *layer;
	sohoa_pdf_report *rep;
	pdf_obj *font;          /* the layer's Type0 font (indirect), made on first use */
	pdf_obj *tounicode;     /* its ToUnicode stream, written at the end */
	pdf_obj *q;             /* a stream "q", shared by the pages given a layer */
	unsigned char rows[32]; /* UTF-16 high bytes the layers use */
	char why[256];          /* the first thing that rules PDF/A out, "" when none */
	int *seen;              /* object numbers the PDF/A check has visited */
	size_t nseen, seen_cap;
	int oi_components;      /* components of the input's own PDF/A output intent, 0 when none */
	sohoa_buf tmp;
} writer;

static void no_pdfa(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void no_pdfa(writer *w, const char *fmt, ...)
{
	if (w->why[0])
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->why, sizeof w->why, fmt, ap);
	va_end(ap);
}

static void warn_sink(void *user, const char *message)
{
	sohoa_log(user, SOHOA_LOG_DEBUG, "mupdf: %s", message);
}

/* ---- streams and objects ---- */

/* A new stream of data[0..len) compressed with deflate; dict (borrowed, may be NULL) gets
 * /Filter /FlateDecode. Returns a new indirect reference. */
static pdf_obj *add_flate(writer *w, const void *data, size_t len, pdf_obj *dict)
{
	fz_context *fz = w->fz;
	size_t clen = 0;
	unsigned char *c = fz_new_deflated_data(fz, &clen, data, len, FZ_DEFLATE_BEST);
	fz_buffer *buf = fz_new_buffer_from_data(fz, c, clen);
	pdf_obj *d = dict ? pdf_keep_obj(fz, dict) : NULL, *ref = NULL;
	fz_var(d);
	fz_try(fz) {
		if (!d)
			d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put(fz, d, PDF_NAME(Filter), PDF_NAME(FlateDecode));
		ref = pdf_add_stream(fz, w->pdf, buf, d, 1);
	}
	fz_always(fz) {
		pdf_drop_obj(fz, d);
		fz_drop_buffer(fz, buf);
	}
	fz_catch(fz)
		fz_rethrow(fz);
	return ref;
}

/* A new uncompressed stream of data[0..len). */
static pdf_obj *add_plain(writer *w, const void *data, size_t len, pdf_obj *dict)
{
	fz_buffer *buf = fz_new_buffer_from_copied_data(w->fz, data, len);
	pdf_obj *ref = NULL;
	fz_try(w->fz)
		ref = pdf_add_stream(w->fz, w->pdf, buf, dict, 0);
	fz_always(w->fz)
		fz_drop_buffer(w->fz, buf);
	fz_catch(w->fz)
		fz_rethrow(w->fz);
	return ref;
}

static void throw_nomem(writer *w)
{
	fz_throw(w->fz, FZ_ERROR_GENERIC, "out of memory");
}

/* The glyphless Type0 font (font.c), made once. */
static void make_font(writer *w)
{
	fz_context *fz = w->fz;
	sohoa_buf prog = {0}, map = {0};
	pdf_obj *d = NULL, *ff = NULL, *cmap = NULL, *fd = NULL, *cid = NULL, *arr = NULL;
	fz_var(d), fz_var(ff), fz_var(cmap), fz_var(fd), fz_var(cid), fz_var(arr);
	fz_try(fz) {
		if (out_font_program(&prog) || out_font_cid_to_gid(&map))
			throw_nomem(w);
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put_int(fz, d, PDF_NAME(Length1), (int64_t)prog.len);
		ff = add_flate(w, prog.data, prog.len, d);
		cmap = add_flate(w, map.data, map.len, NULL);
		fd = pdf_add_new_dict(fz, w->pdf, 12);
		pdf_dict_put(fz, fd, PDF_NAME(Type), PDF_NAME(FontDescriptor));
		pdf_dict_put_name(fz, fd, PDF_NAME(FontName), "SohoaGlyphless");
		pdf_dict_put_int(fz, fd, PDF_NAME(Flags), 4); /* symbolic: outside the standard Latin set */
		pdf_dict_put_rect(fz, fd, PDF_NAME(FontBBox), fz_make_rect(0, -200, OUT_FONT_WIDTH, 800));
		pdf_dict_put_int(fz, fd, PDF_NAME(ItalicAngle), 0);
		pdf_dict_put_int(fz, fd, PDF_NAME(Ascent), 800);
		pdf_dict_put_int(fz, fd, PDF_NAME(Descent), -200);
		pdf_dict_put_int(fz, fd, PDF_NAME(CapHeight), 800);
		pdf_dict_put_int(fz, fd, PDF_NAME(StemV), 80);
		pdf_dict_put(fz, fd, PDF_NAME(FontFile2), ff);
		cid = pdf_add_new_dict(fz, w->pdf, 8);
		pdf_dict_put(fz, cid, PDF_NAME(Type), PDF_NAME(Font));
		pdf_dict_put(fz, cid, PDF_NAME(Subtype), PDF_NAME(CIDFontType2));
		pdf_dict_put_name(fz, cid, PDF_NAME(BaseFont), "SohoaGlyphless");
		pdf_obj *si = pdf_dict_put_dict(fz, cid, PDF_NAME(CIDSystemInfo), 3);
		pdf_dict_put_string(fz, si, PDF_NAME(Registry), "Adobe", 5);
		pdf_dict_put_string(fz, si, PDF_NAME(Ordering), "Identity", 8);
		pdf_dict_put_int(fz, si, PDF_NAME(Supplement), 0);
		pdf_dict_put(fz, cid, PDF_NAME(FontDescriptor), fd);
		pdf_dict_put_int(fz, cid, PDF_NAME(DW), OUT_FONT_WIDTH);
		pdf_dict_put(fz, cid, PDF_NAME(CIDToGIDMap), cmap);
		w->tounicode = add_plain(w, "", 0, NULL);
		w->font = pdf_add_new_dict(fz, w->pdf, 6);
		pdf_dict_put(fz, w->font, PDF_NAME(Type), PDF_NAME(Font));
		pdf_dict_put(fz, w->font, PDF_NAME(Subtype), PDF_NAME(Type0));
		pdf_dict_put_name(fz, w->font, PDF_NAME(BaseFont), "SohoaGlyphless");
		pdf_dict_put(fz, w->font, PDF_NAME(Encoding), PDF_NAME(Identity_H));
		arr = pdf_dict_put_array(fz, w->font, PDF_NAME(DescendantFonts), 1);
		pdf_array_push(fz, arr, cid);
		pdf_dict_put(fz, w->font, PDF_NAME(ToUnicode), w->tounicode);
		w->q = add_plain(w, "q\n", 2, NULL);
	}
	fz_always(fz) {
		sohoa_buf_free(&prog);
		sohoa_buf_free(&map);
		pdf_drop_obj(fz, d), pdf_drop_obj(fz, ff), pdf_drop_obj(fz, cmap);
		pdf_drop_obj(fz, fd), pdf_drop_obj(fz, cid);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* The ToUnicode map for the code units the layers used. */
static void finish_font(writer *w)
{
	if (!w->tounicode)
		return;
	w->tmp.len = 0;
	if (out_font_to_unicode(w->rows, &w->tmp))
		throw_nomem(w);
	fz_context *fz = w->fz;
	size_t clen = 0;
	unsigned char *c = fz_new_deflated_data(fz, &clen, (const unsigned char *)w->tmp.data, w->tmp.len, FZ_DEFLATE_BEST);
	fz_buffer *buf = fz_new_buffer_from_data(fz, c, clen);
	fz_try(fz) {
		pdf_update_stream(fz, w->pdf, w->tounicode, buf, 1);
		pdf_dict_put(fz, w->tounicode, PDF_NAME(Filter), PDF_NAME(FlateDecode));
	}
	fz_always(fz)
		fz_drop_buffer(fz, buf);
	fz_catch(fz)
		fz_rethrow(fz);
}

/* A font resource name not yet in fonts (borrowed, may be NULL). */
static void font_name(writer *w, pdf_obj *fonts, char name[32])
{
	snprintf(name, 32, "SohoaGL");
	for (int i = 1; fonts && pdf_dict_gets(w->fz, fonts, name) && i < 1000; i++)
		snprintf(name, 32, "SohoaGL%d", i);
}

/* Give page (a page dictionary) the text layer content[0..len) drawn in font name: its own
 * contents in q/Q, then the layer; resources copied so nothing shared with other pages changes. */
static void add_layer(writer *w, pdf_obj *page, const char *name, const char *content, size_t len)
{
	fz_context *fz = w->fz;
	pdf_obj *res = pdf_dict_get_inheritable(fz, page, PDF_NAME(Resources));
	pdf_obj *nres = NULL, *nfonts = NULL, *arr = NULL, *layer = NULL;
	fz_var(nres), fz_var(nfonts), fz_var(arr), fz_var(layer);
	fz_try(fz) {
		nres = res ? pdf_copy_dict(fz, res) : pdf_new_dict(fz, w->pdf, 2);
		pdf_obj *fonts = pdf_dict_get(fz, nres, PDF_NAME(Font));
		nfonts = fonts ? pdf_copy_dict(fz, fonts) : pdf_new_dict(fz, w->pdf, 1);
		pdf_dict_puts(fz, nfonts, name, w->font);
		pdf_dict_put(fz, nres, PDF_NAME(Font), nfonts);
		w->tmp.len = 0;
		if (sohoa_buf_puts(&w->tmp, "Q\n") || sohoa_buf_append(&w->tmp, content, len))
			throw_nomem(w);
		layer = add_flate(w, w->tmp.data, w->tmp.len, NULL);
		pdf_obj *old = pdf_dict_get(fz, page, PDF_NAME(Contents));
		arr = pdf_new_array(fz, w->pdf, 4);
		pdf_array_push(fz, arr, w->q);
		if (pdf_is_array(fz, old))
			for (int i = 0, n = pdf_array_len(fz, old); i < n; i++)
				pdf_array_push(fz, arr, pdf_array_get(fz, old, i));
		else if (old)
			pdf_array_push(fz, arr, old);
		pdf_array_push(fz, arr, layer);
		pdf_dict_put(fz, page, PDF_NAME(Contents), arr);
		pdf_dict_put(fz, page, PDF_NAME(Resources), nres);
	}
	fz_always(fz) {
		pdf_drop_obj(fz, nres), pdf_drop_obj(fz, nfonts), pdf_drop_obj(fz, arr), pdf_drop_obj(fz, layer);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* ---- what a page draws ---- */

/* A device that counts glyphs drawn and glyphs invisible (render mode 3), keeps where the
 * invisible ones start (device space), and notes CMYK colour. */
typedef struct page_survey {
	fz_device super;
	int visible, invisible, cmyk;
	fz_point *at;
	size_t nat, cap;
	int nomem;
} page_survey;

static int count_glyphs(const fz_text *text)
{
	int n = 0;
	for (const fz_text_span *s = text ? text->head : NULL; s; s = s->next)
		n += s->len;
	return n;
}

static void note_cs(page_survey *s, fz_colorspace *cs)
{
	if (cs && fz_colorspace_is_cmyk(NULL, cs))
		s->cmyk = 1;
}

static void sv_fill_text(fz_context *fz, fz_device *d, const fz_text *t, fz_matrix m, fz_colorspace *cs,
			 const float *c, float a, fz_color_params cp)
{
	(void)fz, (void)m, (void)c, (void)a, (void)cp;
	((page_survey *)d)->visible += count_glyphs(t);
	note_cs((page_survey *)d, cs);
}

static void sv_stroke_text(fz_context *fz, fz_device *d, const fz_text *t, const fz_stroke_state *st, fz_matrix m,
			   fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
	(void)st;
	sv_fill_text(fz, d, t, m, cs, c, a, cp);
}

static void sv_clip_text(fz_context *fz, fz_device *d, const fz_text *t, fz_matrix m, fz_rect r)
{
	(void)fz, (void)m, (void)r;
	((page_survey *)d)->visible += count_glyphs(t);
}

static void sv_clip_stroke_text(fz_context *fz, fz_device *d, const fz_text *t, const fz_stroke_state *st,
				fz_matrix m, fz_rect r)
{
	(void)st;
	sv_clip_text(fz, d, t, m, r);
}

static void sv_ignore_text(fz_context *fz, fz_device *d, const fz_text *t, fz_matrix m)
{
	(void)fz;
	page_survey *s = (page_survey *)d;
	for (const fz_text_span *sp = t->head; sp; sp = sp->next)
		for (int i = 0; i < sp->len; i++) {
			if (SOHOA_GROW(s->at, s->nat + 1, s->cap)) {
				s->nomem = 1;
				return;
			}
			s->at[s->nat++] = fz_transform_point(fz_make_point(sp->items[i].x, sp->items[i].y), m);
			s->invisible++;
		}
}

static void sv_fill_path(fz_context *fz, fz_device *d, const fz_path *p, int eo, fz_matrix m, fz_colorspace *cs,
			 const float *c, float a, fz_color_params cp)
{
	(void)fz, (void)p, (void)eo, (void)m, (void)c, (void)a, (void)cp;
	note_cs((page_survey *)d, cs);
}

static void sv_stroke_path(fz_context *fz, fz_device *d, const fz_path *p, const fz_stroke_state *st, fz_matrix m,
			   fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
	(void)fz, (void)p, (void)st, (void)m, (void)c, (void)a, (void)cp;
	note_cs((page_survey *)d, cs);
}

static void sv_fill_image(fz_context *fz, fz_device *d, fz_image *img, fz_matrix m, float a, fz_color_params cp)
{
	(void)fz, (void)m, (void)a, (void)cp;
	note_cs((page_survey *)d, img ? img->colorspace : NULL);
}

static void sv_fill_image_mask(fz_context *fz, fz_device *d, fz_image *img, fz_matrix m, fz_colorspace *cs,
			       const float *c, float a, fz_color_params cp)
{
	(void)fz, (void)img, (void)m, (void)c, (void)a, (void)cp;
	note_cs((page_survey *)d, cs);
}

static void sv_fill_shade(fz_context *fz, fz_device *d, fz_shade *sh, fz_matrix m, float a, fz_color_params cp)
{
	(void)fz, (void)m, (void)a, (void)cp;
	note_cs((page_survey *)d, sh ? sh->colorspace : NULL);
}

/* Run the page's contents through the survey device (device space of its page transform). */
static void survey(fz_context *fz, pdf_page *pg, page_survey *out)
{
	page_survey *s = NULL;
	fz_var(s);
	fz_try(fz) {
		s = (page_survey *)fz_new_device_of_size(fz, sizeof *s);
		s->super.fill_text = sv_fill_text;
		s->super.stroke_text = sv_stroke_text;
		s->super.clip_text = sv_clip_text;
		s->super.clip_stroke_text = sv_clip_stroke_text;
		s->super.ignore_text = sv_ignore_text;
		s->super.fill_path = sv_fill_path;
		s->super.stroke_path = sv_stroke_path;
		s->super.fill_image = sv_fill_image;
		s->super.fill_image_mask = sv_fill_image_mask;
		s->super.fill_shade = sv_fill_shade;
		fz_run_page_contents(fz, &pg->super, &s->super, fz_identity, NULL);
		fz_close_device(fz, &s->super);
		*out = *s;
		s->at = NULL; /* moved to out */
	}
	fz_always(fz) {
		if (s)
			free(s->at);
		fz_drop_device(fz, s ? &s->super : NULL);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* The filter's state: which glyphs to drop. */
typedef struct text_drop {
	const page_survey *inv; /* NULL: drop every glyph (the page draws no visible text) */
	fz_matrix page_ctm;
	int dropped;
} text_drop;

static int drop_text(fz_context *fz, void *opaque, int *ucs, int n, fz_matrix trm, fz_matrix ctm, fz_rect bbox)
{
	(void)fz, (void)ucs, (void)n, (void)bbox;
	text_drop *t = opaque;
	if (!t->inv) {
		t->dropped++;
		return 1;
	}
	fz_point p = fz_transform_point(fz_transform_point(fz_make_point(trm.e, trm.f), ctm), t->page_ctm);
	for (size_t i = 0; i < t->inv->nat; i++)
		if (fabsf(t->inv->at[i].x - p.x) < 0.05f && fabsf(t->inv->at[i].y - p.y) < 0.05f) {
			t->dropped++;
			return 1;
		}
	return 0;
}

/* Remove page's invisible text; the survey s says what is there. */
static int remove_invisible(writer *w, pdf_page *pg, const page_survey *s)
{
	fz_rect mb;
	text_drop t = {s->visible ? s : NULL, fz_identity, 0};
	pdf_page_transform(w->fz, pg, &mb, &t.page_ctm);
	pdf_filter_options opt = {&t, NULL, drop_text, NULL, NULL, 1, 1, 1, 0};
	pdf_filter_page_contents(w->fz, w->pdf, pg, &opt);
	return t.dropped;
}

/* ---- pages of a PDF input ---- */

/* The index in doc of the page numbered number, or -1 when ingest did not read it. */
static long doc_page(const sohoa_doc *doc, int number)
{
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].number == number)
			return (long)i;
	return -1;
}

/* The layer of doc page index p on a page whose upright-to-user map is m, into w->tmp. Returns the
 * runs written. */
static size_t layer_content(writer *w, size_t p, const float m[6], const char *name, sohoa_buf *out)
{
	size_t runs = 0;
	out->len = 0;
	if (out_layer_page(w->ctx, w->layer, p, m, name, w->rows, out, &runs) != SOHOA_OK)
		fz_throw(w->fz, FZ_ERROR_GENERIC, "%s", sohoa_errmsg(w->ctx));
	return runs;
}

/* m = the upright page (y up) to PDF user space, for a page whose device box is pb under ctm. */
static void upright_to_user(const sohoa_page *page, fz_rect pb, fz_matrix ctm, float m[6])
{
	float u[6];
	out_upright_to_stored(out_page_turns(page), pb.x1 - pb.x0, pb.y1 - pb.y0, u);
	fz_matrix a = {u[0], u[1], u[2], u[3], u[4] + pb.x0, u[5] + pb.y0};
	fz_matrix r = fz_concat(a, fz_invert_matrix(ctm));
	m[0] = r.a, m[1] = r.b, m[2] = r.c, m[3] = r.d, m[4] = r.e, m[5] = r.f;
}

/* Survey page pg of a PDF input (number is 1-based) and, when ingest read it by OCR, give it
 * the text layer. Throws on errors. */
static void pdf_page_layer(writer *w, pdf_page *pg, int number, sohoa_buf *content, page_survey *s)
{
	fz_context *fz = w->fz;
	const long p = doc_page(w->doc, number);
	const sohoa_page *page = p >= 0 ? &w->doc->pages[p] : NULL;
	survey(fz, pg, s);
	if (s->nomem)
		throw_nomem(w);
	if (s->cmyk && w->oi_components != 4)
		no_pdfa(w, "page %d uses CMYK colour", number);
	if (!page || page->status != SOHOA_OK || page->source != SOHOA_SRC_OCR)
		return;
	/* a page whose own text is good and visible keeps it alone (--ocr always) */
	if (page->decision && !strncmp(page->decision, "text layer ok", 13) && s->visible)
		return;
	int removed = s->invisible ? remove_invisible(w, pg, s) : 0;
	fz_rect mb;
	fz_matrix ctm;
	pdf_page_transform(fz, pg, &mb, &ctm);
	float m[6];
	upright_to_user(page, fz_transform_rect(mb, ctm), ctm, m);
	char name[32];
	font_name(w, pdf_dict_get(fz, pdf_dict_get_inheritable(fz, pg->obj, PDF_NAME(Resources)), PDF_NAME(Font)), name);
	if (!w->font)
		make_font(w);
	size_t runs = layer_content(w, (size_t)p, m, name, content);
	if (runs)
		add_layer(w, pg->obj, name, content->data, content->len);
	w->rep->layered += runs > 0;
	w->rep->replaced += removed > 0;
	w->rep->kept_visible += runs > 0 && s->visible > 0;
	sohoa_log(w->ctx, SOHOA_LOG_INFO, "%s: page %d: text layer of %zu words%s%s", w->doc->path, number, runs,
		  removed ? ", old invisible text removed" : "", s->visible ? ", the page's visible text kept" : "");
}

/* One page of a PDF input; a page that fails keeps no layer, and the document goes on. */
static void pdf_input_page(writer *w, int number, sohoa_buf *content)
{
	fz_context *fz = w->fz;
	pdf_page *pg = NULL;
	page_survey s;
	memset(&s, 0, sizeof s);
	fz_var(pg);
	fz_try(fz) {
		pg = pdf_load_page(fz, w->pdf, number - 1);
		pdf_page_layer(w, pg, number, content, &s);
	}
	fz_always(fz) {
		free(s.at);
		fz_drop_page(fz, pg ? &pg->super : NULL);
	}
	fz_catch(fz) {
		sohoa_log(w->ctx, SOHOA_LOG_WARN, "%s: page %d: no text layer: %s", w->doc->path, number,
			  fz_caught_message(fz));
		no_pdfa(w, "page %d could not be read", number);
		w->rep->failed++;
	}
}

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
static void image_input_page(writer *w, const unsigned char *data, size_t len, int index, sohoa_buf *content)
{
	fz_context *fz = w->fz;
	out_image img;
	if (out_image_read(data, len, index, &img))
		throw_nomem(w);
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
				no_pdfa(w, "page %d is a CMYK image", index + 1);
		} else {
			im = image_decoded(w, data, len, index, &pw, &ph, &dpi);
			w->rep->images_recoded++;
			sohoa_log(w->ctx, SOHOA_LOG_INFO, "%s: page %d: image stored again, losslessly (%s)", w->doc->path,
				  index + 1, img.why ? img.why : "a format PDF cannot carry");
		}
		const long p = doc_page(w->doc, index + 1);
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
			throw_nomem(w);
		draw = fz_new_buffer_from_copied_data(fz, (const unsigned char *)w->tmp.data, w->tmp.len);
		page = pdf_add_page(fz, w->pdf, fz_make_rect(0, 0, W, H), 0, res, draw);
		if (pg && pg->status == SOHOA_OK && pg->source == SOHOA_SRC_OCR) {
			float u[6], m[6];
			out_upright_to_stored(out_page_turns(pg), W, H, u);
			/* the stored page, y down, to user space, y up */
			m[0] = u[0], m[1] = -u[1], m[2] = u[2], m[3] = -u[3], m[4] = u[4], m[5] = H - u[5];
			if (!w->font)
				make_font(w);
			size_t runs = layer_content(w, (size_t)p, m, "SohoaGL", content);
			if (runs)
				add_layer(w, page, "SohoaGL", content->data, content->len);
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

/* ---- PDF/A ---- */

static int seen(writer *w, pdf_obj *obj)
{
	int num = pdf_to_num(w->fz, obj);
	if (num <= 0)
		return 0;
	for (size_t i = 0; i < w->nseen; i++)
		if (w->seen[i] == num)
			return 1;
	if (SOHOA_GROW(w->seen, w->nseen + 1, w->seen_cap))
		throw_nomem(w);
	w->seen[w->nseen++] = num;
	return 0;
}

static int has_name(fz_context *fz, pdf_obj *obj, pdf_obj *name, int depth)
{
	if (depth > 4 || !obj)
		return 0;
	if (pdf_is_name(fz, obj))
		return pdf_name_eq(fz, obj, name);
	if (pdf_is_array(fz, obj))
		for (int i = 0, n = pdf_array_len(fz, obj); i < n; i++)
			if (has_name(fz, pdf_array_get(fz, obj, i), name, depth + 1))
				return 1;
	return 0;
}

static void check_resources(writer *w, pdf_obj *res, int depth);

static void check_font(writer *w, pdf_obj *font, int depth)
{
	fz_context *fz = w->fz;
	if (seen(w, font))
		return;
	pdf_obj *sub = pdf_dict_get(fz, font, PDF_NAME(Subtype));
	if (pdf_name_eq(fz, sub, PDF_NAME(Type3))) {
		check_resources(w, pdf_dict_get(fz, font, PDF_NAME(Resources)), depth + 1);
		return;
	}
	pdf_obj *f = pdf_name_eq(fz, sub, PDF_NAME(Type0)) ?
		     pdf_array_get(fz, pdf_dict_get(fz, font, PDF_NAME(DescendantFonts)), 0) : font;
	pdf_obj *fd = pdf_dict_get(fz, f, PDF_NAME(FontDescriptor));
	if (!pdf_dict_get(fz, fd, PDF_NAME(FontFile)) && !pdf_dict_get(fz, fd, PDF_NAME(FontFile2)) &&
	    !pdf_dict_get(fz, fd, PDF_NAME(FontFile3)))
		no_pdfa(w, "font %s is not embedded", pdf_to_name(fz, pdf_dict_get(fz, font, PDF_NAME(BaseFont))));
}

static void check_stream_filters(writer *w, pdf_obj *s, const char *what)
{
	fz_context *fz = w->fz;
	pdf_obj *f = pdf_dict_get(fz, s, PDF_NAME(Filter));
	if (has_name(fz, f, PDF_NAME(LZWDecode), 0) || has_name(fz, f, PDF_NAME(LZW), 0))
		no_pdfa(w, "%s is LZW-compressed", what);
	if (has_name(fz, f, PDF_NAME(Crypt), 0) || pdf_dict_get(fz, s, PDF_NAME(F)))
		no_pdfa(w, "%s uses a Crypt filter or an external file", what);
}

static void check_colorspace(writer *w, pdf_obj *cs, const char *what)
{
	if (w->oi_components != 4 && (has_name(w->fz, cs, PDF_NAME(DeviceCMYK), 0) ||
				      has_name(w->fz, pdf_array_get(w->fz, cs, 2), PDF_NAME(DeviceCMYK), 0)))
		no_pdfa(w, "%s uses CMYK colour", what);
}

static void check_xobject(writer *w, pdf_obj *xo, int depth)
{
	fz_context *fz = w->fz;
	if (seen(w, xo))
		return;
	pdf_obj *sub = pdf_dict_get(fz, xo, PDF_NAME(Subtype));
	if (pdf_name_eq(fz, sub, PDF_NAME(Image))) {
		if (pdf_dict_get_bool(fz, xo, PDF_NAME(Interpolate)))
			no_pdfa(w, "an image asks for interpolation");
		if (pdf_dict_gets(fz, xo, "Alternates") || pdf_dict_gets(fz, xo, "OPI"))
			no_pdfa(w, "an image has alternates or OPI");
		check_stream_filters(w, xo, "an image");
		check_colorspace(w, pdf_dict_get(fz, xo, PDF_NAME(ColorSpace)), "an image");
		pdf_obj *sm = pdf_dict_get(fz, xo, PDF_NAME(SMask));
		if (sm)
			check_stream_filters(w, sm, "an image mask");
	} else if (pdf_name_eq(fz, sub, PDF_NAME(Form))) {
		if (pdf_name_eq(fz, pdf_dict_get(fz, xo, PDF_NAME(Subtype2)), PDF_NAME(PS)) ||
		    pdf_dict_get(fz, xo, PDF_NAME(PS)) || pdf_dict_gets(fz, xo, "OPI") ||
		    pdf_dict_get(fz, xo, PDF_NAME(Ref)))
			no_pdfa(w, "a form is PostScript, OPI or a reference");
		check_stream_filters(w, xo, "a form");
		check_resources(w, pdf_dict_get(fz, xo, PDF_NAME(Resources)), depth + 1);
	} else {
		no_pdfa(w, "a PostScript or unknown XObject");
	}
}

static void check_resources(writer *w, pdf_obj *res, int depth)
{
	fz_context *fz = w->fz;
	if (!res || depth > 16 || seen(w, res))
		return;
	pdf_obj *d;
	if ((d = pdf_dict_get(fz, res, PDF_NAME(Font))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			check_font(w, pdf_dict_get_val(fz, d, i), depth);
	if ((d = pdf_dict_get(fz, res, PDF_NAME(XObject))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			check_xobject(w, pdf_dict_get_val(fz, d, i), depth);
	if ((d = pdf_dict_get(fz, res, PDF_NAME(ColorSpace))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			check_colorspace(w, pdf_dict_get_val(fz, d, i), "a colour space resource");
	if ((d = pdf_dict_get(fz, res, PDF_NAME(ExtGState))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++) {
			pdf_obj *gs = pdf_dict_get_val(fz, d, i), *tr = pdf_dict_get(fz, gs, PDF_NAME(TR)),
				*tr2 = pdf_dict_get(fz, gs, PDF_NAME(TR2));
			if ((tr && !pdf_name_eq(fz, tr, PDF_NAME(Identity))) ||
			    (tr2 && !pdf_name_eq(fz, tr2, PDF_NAME(Default))) || pdf_dict_gets(fz, gs, "HTP"))
				no_pdfa(w, "a graphics state sets a transfer function or halftone origin");
		}
	if ((d = pdf_dict_get(fz, res, PDF_NAME(Pattern))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			check_resources(w, pdf_dict_get(fz, pdf_dict_get_val(fz, d, i), PDF_NAME(Resources)), depth + 1);
}

static void check_annots(writer *w, pdf_obj *page, int number)
{
	fz_context *fz = w->fz;
	pdf_obj *annots = pdf_dict_get(fz, page, PDF_NAME(Annots));
	for (int i = 0, n = pdf_array_len(fz, annots); i < n; i++) {
		pdf_obj *a = pdf_array_get(fz, annots, i), *sub = pdf_dict_get(fz, a, PDF_NAME(Subtype));
		const char *s = pdf_to_name(fz, sub);
		if (!strcmp(s, "Popup"))
			continue;
		if (!strcmp(s, "3D") || !strcmp(s, "Sound") || !strcmp(s, "Screen") || !strcmp(s, "Movie") ||
		    !strcmp(s, "FileAttachment") || !strcmp(s, "RichMedia")) {
			no_pdfa(w, "page %d has a %s annotation", number, s);
			continue;
		}
		int f = pdf_dict_get_int(fz, a, PDF_NAME(F));
		if (!(f & 4) || (f & (1 | 2 | 32)))
			no_pdfa(w, "page %d has an annotation not marked for printing", number);
		if (strcmp(s, "Link") && !pdf_dict_getp(fz, a, "AP/N"))
			no_pdfa(w, "page %d has an annotation without an appearance", number);
		pdf_obj *act = pdf_dict_get(fz, a, PDF_NAME(A));
		const char *as = pdf_to_name(fz, pdf_dict_get(fz, act, PDF_NAME(S)));
		if (act && strcmp(as, "GoTo") && strcmp(as, "GoToR") && strcmp(as, "URI") && strcmp(as, "Named") &&
		    strcmp(as, "SubmitForm"))
			no_pdfa(w, "page %d has a %s action", number, as);
		check_resources(w, pdf_dict_get(fz, pdf_dict_getp(fz, a, "AP/N"), PDF_NAME(Resources)), 1);
	}
}

/* What in the document rules out PDF/A-2b (into w->why): the catalog's and pages' actions,
 * scripts, attachments, forms and optional content; encryption; fonts not embedded; LZW; images
 * that interpolate; PostScript; transfer functions; CMYK without a CMYK output intent;
 * annotations hidden from print or without appearance. A structural check, not a validator. */
static void check_pdfa(writer *w)
{
	fz_context *fz = w->fz;
	pdf_obj *trailer = pdf_trailer(fz, w->pdf), *root = pdf_dict_get(fz, trailer, PDF_NAME(Root));
	if (pdf_dict_get(fz, trailer, PDF_NAME(Encrypt)))
		no_pdfa(w, "the input is encrypted");
	if (pdf_version(fz, w->pdf) > 17)
		no_pdfa(w, "the input is PDF %d.%d", pdf_version(fz, w->pdf) / 10, pdf_version(fz, w->pdf) % 10);
	if (pdf_dict_get(fz, root, PDF_NAME(AA)) || pdf_dict_getp(fz, root, "Names/JavaScript") ||
	    pdf_name_eq(fz, pdf_dict_getp(fz, root, "OpenAction/S"), PDF_NAME(JavaScript)))
		no_pdfa(w, "the document has scripts or automatic actions");
	if (pdf_dict_getp(fz, root, "Names/EmbeddedFiles") || pdf_dict_get(fz, root, PDF_NAME(Collection)))
		no_pdfa(w, "the document has attached files");
	if (pdf_dict_getp(fz, root, "AcroForm/XFA") || pdf_to_bool(fz, pdf_dict_getp(fz, root, "AcroForm/NeedAppearances")))
		no_pdfa(w, "the document has an XFA form or fields without appearances");
	if (pdf_dict_get(fz, root, PDF_NAME(OCProperties)))
		no_pdfa(w, "the document has optional content");
	for (int i = 0, n = pdf_count_pages(fz, w->pdf); i < n && !w->why[0]; i++) {
		pdf_obj *page = pdf_lookup_page_obj(fz, w->pdf, i);
		if (pdf_dict_get(fz, page, PDF_NAME(AA)))
			no_pdfa(w, "page %d has automatic actions", i + 1);
		check_resources(w, pdf_dict_get_inheritable(fz, page, PDF_NAME(Resources)), 0);
		check_annots(w, page, i + 1);
	}
}

/* The input's own PDF/A output intent (kept), else ours with an sRGB profile; 0 when neither. */
static int output_intent(writer *w)
{
	fz_context *fz = w->fz;
	pdf_obj *root = pdf_dict_get(fz, pdf_trailer(fz, w->pdf), PDF_NAME(Root));
	pdf_obj *ois = pdf_dict_get(fz, root, PDF_NAME(OutputIntents));
	for (int i = 0, n = pdf_array_len(fz, ois); i < n; i++) {
		pdf_obj *oi = pdf_array_get(fz, ois, i);
		if (!strcmp(pdf_to_name(fz, pdf_dict_get(fz, oi, PDF_NAME(S))), "GTS_PDFA1") &&
		    pdf_dict_get(fz, oi, PDF_NAME(DestOutputProfile)))
			return 1;
	}
	char *icc = NULL;
	size_t len = 0;
	const char *found = NULL;
	for (const char *const *p = srgb_paths; *p && !found; p++)
		if (access(*p, R_OK) == 0 && sohoa_file_read(w->ctx, *p, &icc, &len) == SOHOA_OK && len > 128 &&
		    !memcmp(icc + 36, "acsp", 4) && !memcmp(icc + 16, "RGB ", 4))
			found = *p;
		else
			free(icc), icc = NULL;
	sohoa_clear_error(w->ctx);
	if (!found) {
		no_pdfa(w, "no sRGB ICC profile found (install icc-profiles-free)");
		return 0;
	}
	pdf_obj *d = NULL, *prof = NULL, *oi = NULL;
	fz_var(d), fz_var(prof), fz_var(oi);
	fz_try(fz) {
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put_int(fz, d, PDF_NAME(N), 3);
		prof = add_flate(w, icc, len, d);
		oi = pdf_add_new_dict(fz, w->pdf, 6);
		pdf_dict_put(fz, oi, PDF_NAME(Type), PDF_NAME(OutputIntent));
		pdf_dict_put_name(fz, oi, PDF_NAME(S), "GTS_PDFA1");
		pdf_dict_put_text_string(fz, oi, PDF_NAME(OutputConditionIdentifier), "sRGB IEC61966-2.1");
		pdf_dict_put_text_string(fz, oi, PDF_NAME(Info), "sRGB IEC61966-2.1");
		pdf_dict_puts_drop(fz, oi, "RegistryName", pdf_new_text_string(fz, "http://www.color.org"));
		pdf_dict_put(fz, oi, PDF_NAME(DestOutputProfile), prof);
		if (!ois)
			ois = pdf_dict_put_array(fz, root, PDF_NAME(OutputIntents), 1);
		pdf_array_push(fz, ois, oi);
	}
	fz_always(fz) {
		free(icc);
		pdf_drop_obj(fz, d), pdf_drop_obj(fz, prof), pdf_drop_obj(fz, oi);
	}
	fz_catch(fz)
		fz_rethrow(fz);
	return 1;
}

/* Components of the input's PDF/A output intent profile, 0 when it has none. */
static int input_oi_components(fz_context *fz, pdf_document *pdf)
{
	pdf_obj *ois = pdf_dict_getp(fz, pdf_trailer(fz, pdf), "Root/OutputIntents");
	for (int i = 0, n = pdf_array_len(fz, ois); i < n; i++) {
		pdf_obj *oi = pdf_array_get(fz, ois, i);
		if (!strcmp(pdf_to_name(fz, pdf_dict_get(fz, oi, PDF_NAME(S))), "GTS_PDFA1"))
			return pdf_dict_get_int(fz, pdf_dict_get(fz, oi, PDF_NAME(DestOutputProfile)), PDF_NAME(N));
	}
	return 0;
}

/* The trailer's file identifier (PDF/A wants one; MuPDF keeps an input's, makes none): a digest
 * of the input's name, the time and the page count, twice. */
static void file_id(writer *w, const char *now)
{
	fz_context *fz = w->fz;
	pdf_obj *trailer = pdf_trailer(fz, w->pdf);
	if (pdf_array_len(fz, pdf_dict_get(fz, trailer, PDF_NAME(ID))) == 2)
		return;
	fz_md5 md5;
	unsigned char digest[16];
	char pages[32];
	snprintf(pages, sizeof pages, "%d %ld", w->rep->pages, (long)getpid());
	fz_md5_init(&md5);
	fz_md5_update(&md5, (const unsigned char *)w->doc->path, strlen(w->doc->path));
	fz_md5_update(&md5, (const unsigned char *)now, strlen(now));
	fz_md5_update(&md5, (const unsigned char *)pages, strlen(pages));
	fz_md5_final(&md5, digest);
	pdf_obj *id = pdf_dict_put_array(fz, trailer, PDF_NAME(ID), 2);
	pdf_array_push_drop(fz, id, pdf_new_string(fz, (const char *)digest, 16));
	pdf_array_push_drop(fz, id, pdf_new_string(fz, (const char *)digest, 16));
}

/* XMP and an Info dictionary that says the same. */
static void metadata(writer *w, const sohoa_pdf_meta *meta, int pdfa)
{
	fz_context *fz = w->fz;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	char now[40], pdfdate[40], producer[80];
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
	strftime(pdfdate, sizeof pdfdate, "D:%Y%m%d%H%M%S+00'00'", &tm);
	snprintf(producer, sizeof producer, "sohoa %s (MuPDF %s)", sohoa_version(), FZ_VERSION);
	w->tmp.len = 0;
	if (out_xmp(meta, producer, now, pdfa, &w->tmp))
		throw_nomem(w);
	pdf_obj *root = pdf_dict_get(fz, pdf_trailer(fz, w->pdf), PDF_NAME(Root));
	pdf_obj *d = NULL, *xmp = NULL, *info = NULL;
	fz_var(d), fz_var(xmp), fz_var(info);
	fz_try(fz) {
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put(fz, d, PDF_NAME(Type), PDF_NAME(Metadata));
		pdf_dict_put(fz, d, PDF_NAME(Subtype), PDF_NAME(XML));
		xmp = add_plain(w, w->tmp.data, w->tmp.len, d); /* XMP stays readable as it is */
		pdf_dict_put(fz, root, PDF_NAME(Metadata), xmp);
		info = pdf_add_new_dict(fz, w->pdf, 6);
		if (meta && meta->title && *meta->title)
			pdf_dict_put_text_string(fz, info, PDF_NAME(Title), meta->title);
		if (meta && meta->issuer && *meta->issuer)
			pdf_dict_put_text_string(fz, info, PDF_NAME(Author), meta->issuer);
		pdf_dict_put_text_string(fz, info, PDF_NAME(Creator), producer);
		pdf_dict_put_text_string(fz, info, PDF_NAME(Producer), producer);
		pdf_dict_put_string(fz, info, PDF_NAME(CreationDate), pdfdate, strlen(pdfdate));
		pdf_dict_put_string(fz, info, PDF_NAME(ModDate), pdfdate, strlen(pdfdate));
		pdf_dict_put(fz, pdf_trailer(fz, w->pdf), PDF_NAME(Info), info);
		file_id(w, now);
	}
	fz_always(fz) {
		pdf_drop_obj(fz, d), pdf_drop_obj(fz, xmp), pdf_drop_obj(fz, info);
	}
	fz_catch(fz)
		fz_rethrow(fz);
}

/* ---- the whole file ---- */

static pdf_document *open_input(writer *w)
{
	fz_context *fz = w->fz;
	pdf_document *pdf = pdf_open_document(fz, w->doc->path);
	if (pdf_needs_password(fz, pdf) &&
	    !(w->ctx->opt.password && pdf_authenticate_password(fz, pdf, w->ctx->opt.password))) {
		pdf_drop_document(fz, pdf);
		fz_throw(fz, FZ_ERROR_GENERIC, w->ctx->opt.password ? "wrong password" : "encrypted: give --password");
	}
	return pdf;
}

/* Save to a temporary file beside path, flush it to disk, rename it onto path. */
static sohoa_status save(writer *w, const char *path, int encrypted)
{
	fz_context *fz = w->fz;
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp)
		return sohoa_error(w->ctx, SOHOA_ERR_IO, "path too long: '%s'", path);
	pdf_write_options o = pdf_default_write_options;
	o.do_garbage = 1;          /* drop what the layers replaced */
	o.do_compress = 0;         /* streams as they were: ours are compressed already, XMP stays plain */
	o.do_compress_images = 0;
	o.do_compress_fonts = 0;
	o.do_encrypt = encrypted ? PDF_ENCRYPT_KEEP : PDF_ENCRYPT_NONE;
	fz_try(fz)
		pdf_save_document(fz, w->pdf, tmp, &o);
	fz_catch(fz) {
		unlink(tmp);
		return sohoa_error(w->ctx, SOHOA_ERR_IO, "cannot write '%s': %s", path, fz_caught_message(fz));
	}
	int fd = open(tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		return sohoa_error(w->ctx, SOHOA_ERR_IO, "cannot write '%s': %s", path, strerror(e));
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return sohoa_error(w->ctx, SOHOA_ERR_IO, "cannot rename onto '%s': %s", path, strerror(e));
	}
	return SOHOA_OK;
}

/* Everything but the saving: the pages, the font's map, the PDF/A parts. Throws on errors. */
static void build(writer *w, const unsigned char *data, size_t len, const sohoa_pdf_meta *meta, sohoa_buf *content,
		  int *encrypted, int *pdfa)
{
	fz_context *fz = w->fz;
	const sohoa_doc *doc = w->doc;
	int n;
	if (!data) {
		w->pdf = open_input(w);
		*encrypted = pdf_dict_get(fz, pdf_trailer(fz, w->pdf), PDF_NAME(Encrypt)) != NULL;
		if (pdf_was_repaired(fz, w->pdf))
			no_pdfa(w, "the input was damaged and repaired");
		w->oi_components = input_oi_components(fz, w->pdf);
		n = pdf_count_pages(fz, w->pdf);
		for (int i = 1; i <= n; i++) {
			if (sohoa_interrupted(w->ctx))
				fz_throw(fz, FZ_ERROR_GENERIC, "interrupted");
			pdf_input_page(w, i, content);
		}
	} else {
		w->pdf = pdf_create_document(fz);
		n = out_image_count(data, len);
		if (n <= 0)
			n = doc->page_count > 0 ? doc->page_count : 1;
		for (int i = 0; i < n; i++) {
			if (sohoa_interrupted(w->ctx))
				fz_throw(fz, FZ_ERROR_GENERIC, "interrupted");
			image_input_page(w, data, len, i, content);
		}
	}
	w->rep->pages = n;
	for (size_t i = 0; i < doc->npages; i++)
		w->rep->failed += doc->pages[i].status != SOHOA_OK;
	finish_font(w);
	check_pdfa(w);
	int oi = !w->why[0] && output_intent(w);
	*pdfa = oi && !w->why[0];
	metadata(w, meta, *pdfa);
}

/* build, its MuPDF errors turned into a status. */
static sohoa_status build_caught(writer *w, const unsigned char *data, size_t len, const sohoa_pdf_meta *meta,
				 sohoa_buf *content, int *encrypted, int *pdfa)
{
	fz_context *fz = w->fz;
	fz_try(fz)
		build(w, data, len, meta, content, encrypted, pdfa);
	fz_catch(fz) {
		const char *msg = fz_caught_message(fz);
		return sohoa_error(w->ctx, !strcmp(msg, "out of memory") ? SOHOA_ERR_NOMEM :
					   !strcmp(msg, "interrupted") ? SOHOA_ERR_INTERRUPTED : SOHOA_ERR_FORMAT,
				   "'%s': cannot make the PDF: %s", w->doc->path, msg);
	}
	return SOHOA_OK;
}

sohoa_status sohoa_pdf_write(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
			     const sohoa_pdf_meta *meta, const char *path, sohoa_pdf_report *report)
{
	sohoa_pdf_report unused, *const rep = report ? report : &unused;
	memset(rep, 0, sizeof *rep);
	int is_pdf = doc->kind && !strcmp(doc->kind, "pdf"), is_image = doc->kind && !strcmp(doc->kind, "image");
	if (!is_pdf && !is_image)
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s': a searchable PDF needs a PDF or an image, not a %s file",
				   doc->path, doc->kind ? doc->kind : "text");
	char *data = NULL;
	size_t len = 0;
	if (is_image && sohoa_file_read(ctx, doc->path, &data, &len) != SOHOA_OK)
		return ctx->status;
	out_layer *layer = NULL;
	sohoa_status st = out_layer_new(ctx, doc, text, &layer);
	if (st != SOHOA_OK) {
		free(data);
		return st;
	}
	fz_context *fz = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!fz) {
		out_layer_free(layer);
		free(data);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "cannot create a MuPDF context");
	}
	fz_set_warning_callback(fz, warn_sink, ctx);
	fz_set_error_callback(fz, warn_sink, ctx);
	writer w = {.ctx = ctx, .fz = fz, .doc = doc, .layer = layer, .rep = rep};
	sohoa_buf content = {0};
	int encrypted = 0, pdfa = 0;
	st = build_caught(&w, (const unsigned char *)data, len, meta, &content, &encrypted, &pdfa);
	if (st == SOHOA_OK)
		st = save(&w, path, encrypted);
	if (st == SOHOA_OK) {
		rep->pdfa = pdfa;
		snprintf(rep->not_pdfa, sizeof rep->not_pdfa, "%s", pdfa ? "" : w.why);
		if (pdfa)
			sohoa_log(ctx, SOHOA_LOG_INFO, "%s: wrote %s: PDF/A-2b, %d of %d pages with a text layer", doc->path,
				  path, rep->layered, rep->pages);
		else
			sohoa_log(ctx, SOHOA_LOG_INFO, "%s: wrote %s: plain PDF, not PDF/A: %s; %d of %d pages with a text layer",
				  doc->path, path, w.why, rep->layered, rep->pages);
	}
	pdf_drop_obj(fz, w.font);
	pdf_drop_obj(fz, w.tounicode);
	pdf_drop_obj(fz, w.q);
	pdf_drop_document(fz, w.pdf);
	fz_drop_context(fz);
	free(w.seen);
	sohoa_buf_free(&w.tmp);
	sohoa_buf_free(&content);
	out_layer_free(layer);
	free(data);
	return st;
}

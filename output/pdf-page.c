/* pdf-page.c: the pages of a PDF input (the MuPDF writer adapter, pdf.c): what a page draws,
 * its old invisible text removed, the text layer added. */
#include "pdf-int.h"
#include "../core/array.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
	const long p = pdfw_doc_page(w->doc, number);
	const sohoa_page *page = p >= 0 ? &w->doc->pages[p] : NULL;
	survey(fz, pg, s);
	if (s->nomem)
		pdfw_throw_nomem(w);
	if (s->cmyk && w->oi_components != 4)
		pdfw_no_pdfa(w, "page %d uses CMYK colour", number);
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
	pdfw_font_name(w, pdf_dict_get(fz, pdf_dict_get_inheritable(fz, pg->obj, PDF_NAME(Resources)), PDF_NAME(Font)), name);
	if (!w->font)
		pdfw_make_font(w);
	size_t runs = pdfw_layer_content(w, (size_t)p, m, name, content);
	if (runs)
		pdfw_add_layer(w, pg->obj, name, content->data, content->len);
	w->rep->layered += runs > 0;
	w->rep->replaced += removed > 0;
	w->rep->kept_visible += runs > 0 && s->visible > 0;
	sohoa_log(w->ctx, SOHOA_LOG_INFO, "%s: page %d: text layer of %zu words%s%s", w->doc->path, number, runs,
		  removed ? ", old invisible text removed" : "", s->visible ? ", the page's visible text kept" : "");
}

/* One page of a PDF input; a page that fails keeps no layer, and the document goes on. */
void pdfw_input_page(writer *w, int number, sohoa_buf *content)
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
		pdfw_no_pdfa(w, "page %d could not be read", number);
		w->rep->failed++;
	}
}

/* pdf-pdfa.c: the PDF/A-2b parts (the MuPDF writer adapter, pdf.c): what rules PDF/A out, the
 * output intent, XMP and Info metadata, the file identifier. */
#include "pdf-int.h"
#include "../core/array.h"

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
		pdfw_throw_nomem(w);
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

/* The Subtype of obj (PDF_NULL when it has none) the first time the check comes to obj; NULL
 * after. */
static pdf_obj *first_visit(writer *w, pdf_obj *obj)
{
	if (seen(w, obj))
		return NULL;
	pdf_obj *sub = pdf_dict_get(w->fz, obj, PDF_NAME(Subtype));
	return sub ? sub : PDF_NULL;
}

/* A font, first visited, its Subtype sub. */
static void check_font(writer *w, pdf_obj *font, pdf_obj *sub, int depth)
{
	fz_context *fz = w->fz;
	if (pdf_name_eq(fz, sub, PDF_NAME(Type3))) {
		check_resources(w, pdf_dict_get(fz, font, PDF_NAME(Resources)), depth + 1);
		return;
	}
	pdf_obj *f = pdf_name_eq(fz, sub, PDF_NAME(Type0)) ?
		     pdf_array_get(fz, pdf_dict_get(fz, font, PDF_NAME(DescendantFonts)), 0) : font;
	pdf_obj *fd = pdf_dict_get(fz, f, PDF_NAME(FontDescriptor));
	if (!pdf_dict_get(fz, fd, PDF_NAME(FontFile)) && !pdf_dict_get(fz, fd, PDF_NAME(FontFile2)) &&
	    !pdf_dict_get(fz, fd, PDF_NAME(FontFile3)))
		pdfw_no_pdfa(w, "font %s is not embedded", pdf_to_name(fz, pdf_dict_get(fz, font, PDF_NAME(BaseFont))));
}

static void check_stream_filters(writer *w, pdf_obj *s, const char *what)
{
	fz_context *fz = w->fz;
	pdf_obj *f = pdf_dict_get(fz, s, PDF_NAME(Filter));
	if (has_name(fz, f, PDF_NAME(LZWDecode), 0) || has_name(fz, f, PDF_NAME(LZW), 0))
		pdfw_no_pdfa(w, "%s is LZW-compressed", what);
	if (has_name(fz, f, PDF_NAME(Crypt), 0) || pdf_dict_get(fz, s, PDF_NAME(F)))
		pdfw_no_pdfa(w, "%s uses a Crypt filter or an external file", what);
}

static void check_colorspace(writer *w, pdf_obj *cs, const char *what)
{
	if (w->oi_components != 4 && (has_name(w->fz, cs, PDF_NAME(DeviceCMYK), 0) ||
				      has_name(w->fz, pdf_array_get(w->fz, cs, 2), PDF_NAME(DeviceCMYK), 0)))
		pdfw_no_pdfa(w, "%s uses CMYK colour", what);
}

/* An XObject, first visited, its Subtype sub. */
static void check_xobject(writer *w, pdf_obj *xo, pdf_obj *sub, int depth)
{
	fz_context *fz = w->fz;
	if (pdf_name_eq(fz, sub, PDF_NAME(Image))) {
		if (pdf_dict_get_bool(fz, xo, PDF_NAME(Interpolate)))
			pdfw_no_pdfa(w, "an image asks for interpolation");
		if (pdf_dict_gets(fz, xo, "Alternates") || pdf_dict_gets(fz, xo, "OPI"))
			pdfw_no_pdfa(w, "an image has alternates or OPI");
		check_stream_filters(w, xo, "an image");
		check_colorspace(w, pdf_dict_get(fz, xo, PDF_NAME(ColorSpace)), "an image");
		pdf_obj *sm = pdf_dict_get(fz, xo, PDF_NAME(SMask));
		if (sm)
			check_stream_filters(w, sm, "an image mask");
	} else if (pdf_name_eq(fz, sub, PDF_NAME(Form))) {
		if (pdf_name_eq(fz, pdf_dict_get(fz, xo, PDF_NAME(Subtype2)), PDF_NAME(PS)) ||
		    pdf_dict_get(fz, xo, PDF_NAME(PS)) || pdf_dict_gets(fz, xo, "OPI") ||
		    pdf_dict_get(fz, xo, PDF_NAME(Ref)))
			pdfw_no_pdfa(w, "a form is PostScript, OPI or a reference");
		check_stream_filters(w, xo, "a form");
		check_resources(w, pdf_dict_get(fz, xo, PDF_NAME(Resources)), depth + 1);
	} else {
		pdfw_no_pdfa(w, "a PostScript or unknown XObject");
	}
}

static void check_resources(writer *w, pdf_obj *res, int depth)
{
	fz_context *fz = w->fz;
	if (!res || depth > 16 || seen(w, res))
		return;
	pdf_obj *d, *sub;
	if ((d = pdf_dict_get(fz, res, PDF_NAME(Font))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			if ((sub = first_visit(w, pdf_dict_get_val(fz, d, i))))
				check_font(w, pdf_dict_get_val(fz, d, i), sub, depth);
	if ((d = pdf_dict_get(fz, res, PDF_NAME(XObject))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			if ((sub = first_visit(w, pdf_dict_get_val(fz, d, i))))
				check_xobject(w, pdf_dict_get_val(fz, d, i), sub, depth);
	if ((d = pdf_dict_get(fz, res, PDF_NAME(ColorSpace))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++)
			check_colorspace(w, pdf_dict_get_val(fz, d, i), "a colour space resource");
	if ((d = pdf_dict_get(fz, res, PDF_NAME(ExtGState))))
		for (int i = 0, n = pdf_dict_len(fz, d); i < n; i++) {
			pdf_obj *gs = pdf_dict_get_val(fz, d, i), *tr = pdf_dict_get(fz, gs, PDF_NAME(TR)),
				*tr2 = pdf_dict_get(fz, gs, PDF_NAME(TR2));
			if ((tr && !pdf_name_eq(fz, tr, PDF_NAME(Identity))) ||
			    (tr2 && !pdf_name_eq(fz, tr2, PDF_NAME(Default))) || pdf_dict_gets(fz, gs, "HTP"))
				pdfw_no_pdfa(w, "a graphics state sets a transfer function or halftone origin");
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
			pdfw_no_pdfa(w, "page %d has a %s annotation", number, s);
			continue;
		}
		int f = pdf_dict_get_int(fz, a, PDF_NAME(F));
		if (!(f & 4) || (f & (1 | 2 | 32)))
			pdfw_no_pdfa(w, "page %d has an annotation not marked for printing", number);
		if (strcmp(s, "Link") && !pdf_dict_getp(fz, a, "AP/N"))
			pdfw_no_pdfa(w, "page %d has an annotation without an appearance", number);
		pdf_obj *act = pdf_dict_get(fz, a, PDF_NAME(A));
		const char *as = pdf_to_name(fz, pdf_dict_get(fz, act, PDF_NAME(S)));
		if (act && strcmp(as, "GoTo") && strcmp(as, "GoToR") && strcmp(as, "URI") && strcmp(as, "Named") &&
		    strcmp(as, "SubmitForm"))
			pdfw_no_pdfa(w, "page %d has a %s action", number, as);
		check_resources(w, pdf_dict_get(fz, pdf_dict_getp(fz, a, "AP/N"), PDF_NAME(Resources)), 1);
	}
}

/* What in the document rules out PDF/A-2b (into w->why): the catalog's and pages' actions,
 * scripts, attachments, forms and optional content; encryption; fonts not embedded; LZW; images
 * that interpolate; PostScript; transfer functions; CMYK without a CMYK output intent;
 * annotations hidden from print or without appearance. A structural check, not a validator. */
void pdfw_check_pdfa(writer *w)
{
	fz_context *fz = w->fz;
	pdf_obj *trailer = pdf_trailer(fz, w->pdf), *root = pdf_dict_get(fz, trailer, PDF_NAME(Root));
	if (pdf_dict_get(fz, trailer, PDF_NAME(Encrypt)))
		pdfw_no_pdfa(w, "the input is encrypted");
	if (pdf_version(fz, w->pdf) > 17)
		pdfw_no_pdfa(w, "the input is PDF %d.%d", pdf_version(fz, w->pdf) / 10, pdf_version(fz, w->pdf) % 10);
	if (pdf_dict_get(fz, root, PDF_NAME(AA)) || pdf_dict_getp(fz, root, "Names/JavaScript") ||
	    pdf_name_eq(fz, pdf_dict_getp(fz, root, "OpenAction/S"), PDF_NAME(JavaScript)))
		pdfw_no_pdfa(w, "the document has scripts or automatic actions");
	if (pdf_dict_getp(fz, root, "Names/EmbeddedFiles") || pdf_dict_get(fz, root, PDF_NAME(Collection)))
		pdfw_no_pdfa(w, "the document has attached files");
	if (pdf_dict_getp(fz, root, "AcroForm/XFA") || pdf_to_bool(fz, pdf_dict_getp(fz, root, "AcroForm/NeedAppearances")))
		pdfw_no_pdfa(w, "the document has an XFA form or fields without appearances");
	if (pdf_dict_get(fz, root, PDF_NAME(OCProperties)))
		pdfw_no_pdfa(w, "the document has optional content");
	for (int i = 0, n = pdf_count_pages(fz, w->pdf); i < n && !w->why[0]; i++) {
		pdf_obj *page = pdf_lookup_page_obj(fz, w->pdf, i);
		if (pdf_dict_get(fz, page, PDF_NAME(AA)))
			pdfw_no_pdfa(w, "page %d has automatic actions", i + 1);
		check_resources(w, pdf_dict_get_inheritable(fz, page, PDF_NAME(Resources)), 0);
		check_annots(w, page, i + 1);
	}
}

/* The input's own PDF/A output intent (kept), else ours with an sRGB profile; 0 when neither. */
int pdfw_output_intent(writer *w)
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
		pdfw_no_pdfa(w, "no sRGB ICC profile found (install icc-profiles-free)");
		return 0;
	}
	pdf_obj *d = NULL, *prof = NULL, *oi = NULL;
	fz_var(d), fz_var(prof), fz_var(oi);
	fz_try(fz) {
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put_int(fz, d, PDF_NAME(N), 3);
		prof = pdfw_add_flate(w, icc, len, d);
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
int pdfw_input_oi_components(fz_context *fz, pdf_document *pdf)
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
void pdfw_metadata(writer *w, const sohoa_pdf_meta *meta, int pdfa)
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
		pdfw_throw_nomem(w);
	pdf_obj *root = pdf_dict_get(fz, pdf_trailer(fz, w->pdf), PDF_NAME(Root));
	pdf_obj *d = NULL, *xmp = NULL, *info = NULL;
	fz_var(d), fz_var(xmp), fz_var(info);
	fz_try(fz) {
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put(fz, d, PDF_NAME(Type), PDF_NAME(Metadata));
		pdf_dict_put(fz, d, PDF_NAME(Subtype), PDF_NAME(XML));
		xmp = pdfw_add_plain(w, w->tmp.data, w->tmp.len, d); /* XMP stays readable as it is */
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

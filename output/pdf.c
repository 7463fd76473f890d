/* pdf: the MuPDF writer adapter — the searchable PDF. It is this file and pdf-page.c,
 * pdf-image.c and pdf-pdfa.c (pdf-int.h between them); with ingest/pdf.c (the reader) they are
 * the files that include MuPDF, and all of sohoa's PDF writing is in them. fz_try/fz_catch never
 * leave them: sohoa_pdf_write turns MuPDF's errors into a status.
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
#include "pdf-int.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void pdfw_no_pdfa(writer *w, const char *fmt, ...)
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
pdf_obj *pdfw_add_flate(writer *w, const void *data, size_t len, pdf_obj *dict)
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
pdf_obj *pdfw_add_plain(writer *w, const void *data, size_t len, pdf_obj *dict)
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

void pdfw_throw_nomem(writer *w)
{
	fz_throw(w->fz, FZ_ERROR_GENERIC, "out of memory");
}

/* The glyphless Type0 font (font.c), made once. */
void pdfw_make_font(writer *w)
{
	fz_context *fz = w->fz;
	sohoa_buf prog = {0}, map = {0};
	pdf_obj *d = NULL, *ff = NULL, *cmap = NULL, *fd = NULL, *cid = NULL, *arr = NULL;
	fz_var(d), fz_var(ff), fz_var(cmap), fz_var(fd), fz_var(cid), fz_var(arr);
	fz_try(fz) {
		if (out_font_program(&prog) || out_font_cid_to_gid(&map))
			pdfw_throw_nomem(w);
		d = pdf_new_dict(fz, w->pdf, 2);
		pdf_dict_put_int(fz, d, PDF_NAME(Length1), (int64_t)prog.len);
		ff = pdfw_add_flate(w, prog.data, prog.len, d);
		cmap = pdfw_add_flate(w, map.data, map.len, NULL);
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
		w->tounicode = pdfw_add_plain(w, "", 0, NULL);
		w->font = pdf_add_new_dict(fz, w->pdf, 6);
		pdf_dict_put(fz, w->font, PDF_NAME(Type), PDF_NAME(Font));
		pdf_dict_put(fz, w->font, PDF_NAME(Subtype), PDF_NAME(Type0));
		pdf_dict_put_name(fz, w->font, PDF_NAME(BaseFont), "SohoaGlyphless");
		pdf_dict_put(fz, w->font, PDF_NAME(Encoding), PDF_NAME(Identity_H));
		arr = pdf_dict_put_array(fz, w->font, PDF_NAME(DescendantFonts), 1);
		pdf_array_push(fz, arr, cid);
		pdf_dict_put(fz, w->font, PDF_NAME(ToUnicode), w->tounicode);
		w->q = pdfw_add_plain(w, "q\n", 2, NULL);
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
		pdfw_throw_nomem(w);
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
void pdfw_font_name(writer *w, pdf_obj *fonts, char name[32])
{
	snprintf(name, 32, "SohoaGL");
	for (int i = 1; fonts && pdf_dict_gets(w->fz, fonts, name) && i < 1000; i++)
		snprintf(name, 32, "SohoaGL%d", i);
}

/* Give page (a page dictionary) the text layer content[0..len) drawn in font name: its own
 * contents in q/Q, then the layer; resources copied so nothing shared with other pages changes. */
void pdfw_add_layer(writer *w, pdf_obj *page, const char *name, const char *content, size_t len)
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
			pdfw_throw_nomem(w);
		layer = pdfw_add_flate(w, w->tmp.data, w->tmp.len, NULL);
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

/* The index in doc of the page numbered number, or -1 when ingest did not read it. */
long pdfw_doc_page(const sohoa_doc *doc, int number)
{
	for (size_t i = 0; i < doc->npages; i++)
		if (doc->pages[i].number == number)
			return (long)i;
	return -1;
}

/* The layer of doc page index p on a page whose upright-to-user map is m, into w->tmp. Returns the
 * runs written. */
size_t pdfw_layer_content(writer *w, size_t p, const float m[6], const char *name, sohoa_buf *out)
{
	size_t runs = 0;
	out->len = 0;
	if (out_layer_page(w->ctx, w->layer, p, m, name, w->rows, out, &runs) != SOHOA_OK)
		fz_throw(w->fz, FZ_ERROR_GENERIC, "%s", sohoa_errmsg(w->ctx));
	return runs;
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

/* Save to a temporary file beside path, flush it to disk, rename it onto path. A path that is a
 * device or a pipe (/dev/stdout, /dev/null) gets the bytes copied in from a temporary file under
 * TMPDIR instead: a rename would replace the device with a plain file. */
static sohoa_status save(writer *w, const char *path, int encrypted)
{
	fz_context *fz = w->fz;
	char tmp[PATH_MAX];
	struct stat st;
	int device = stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
	const char *tmpdir = getenv("TMPDIR");
	int n = device ? snprintf(tmp, sizeof tmp, "%s/sohoa-pdf.%ld", tmpdir && *tmpdir ? tmpdir : "/tmp", (long)getpid())
		       : snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	if (n >= (int)sizeof tmp)
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
	if (device) {
		char *data = NULL;
		size_t len = 0;
		sohoa_status st2 = sohoa_file_read(w->ctx, tmp, &data, &len);
		unlink(tmp);
		if (st2 == SOHOA_OK)
			st2 = sohoa_file_write_atomic(w->ctx, path, data, len);
		free(data);
		return st2;
	}
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
			pdfw_no_pdfa(w, "the input was damaged and repaired");
		w->oi_components = pdfw_input_oi_components(fz, w->pdf);
		n = pdf_count_pages(fz, w->pdf);
		for (int i = 1; i <= n; i++) {
			if (sohoa_interrupted(w->ctx))
				fz_throw(fz, FZ_ERROR_GENERIC, "interrupted");
			pdfw_input_page(w, i, content);
		}
	} else {
		w->pdf = pdf_create_document(fz);
		n = out_image_count(data, len);
		if (n <= 0)
			n = doc->page_count > 0 ? doc->page_count : 1;
		for (int i = 0; i < n; i++) {
			if (sohoa_interrupted(w->ctx))
				fz_throw(fz, FZ_ERROR_GENERIC, "interrupted");
			pdfw_image_page(w, data, len, i, content);
		}
	}
	w->rep->pages = n;
	for (size_t i = 0; i < doc->npages; i++)
		w->rep->failed += doc->pages[i].status != SOHOA_OK;
	finish_font(w);
	pdfw_check_pdfa(w);
	int oi = !w->why[0] && pdfw_output_intent(w);
	*pdfa = oi && !w->why[0];
	pdfw_metadata(w, meta, *pdfa);
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

/* pdf-int.h: between the files of the MuPDF writer adapter (output/pdf*.c, private to them):
 * pdf.c (streams, the font, the text layer, the whole file), pdf-page.c (the pages of a PDF
 * input), pdf-image.c (the pages of an image input), pdf-pdfa.c (the PDF/A-2b check, output
 * intent and metadata), and pdf-crop.c (page regions drawn to PNG for the review page, apart from
 * the writer). They are the only files in output/ that include MuPDF; the functions
 * here throw MuPDF errors, which pdf.c turns into a status. */
#ifndef SOHOA_PDF_INT_H
#define SOHOA_PDF_INT_H

#include "output-int.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

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

/* ---- pdf.c ---- */

/* Note the first reason the file cannot be PDF/A (w->why); later ones are dropped. */
void pdfw_no_pdfa(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pdfw_throw_nomem(writer *w);
/* A new stream of data[0..len) compressed with deflate; dict (borrowed, may be NULL) gets
 * /Filter /FlateDecode. Returns a new indirect reference. */
pdf_obj *pdfw_add_flate(writer *w, const void *data, size_t len, pdf_obj *dict);
/* A new uncompressed stream of data[0..len). */
pdf_obj *pdfw_add_plain(writer *w, const void *data, size_t len, pdf_obj *dict);
/* The glyphless Type0 font (font.c), made once (w->font). */
void pdfw_make_font(writer *w);
/* A font resource name not yet in fonts (borrowed, may be NULL). */
void pdfw_font_name(writer *w, pdf_obj *fonts, char name[32]);
/* Give page (a page dictionary) the text layer content[0..len) drawn in font name. */
void pdfw_add_layer(writer *w, pdf_obj *page, const char *name, const char *content, size_t len);
/* The index in doc of the page numbered number, or -1 when ingest did not read it. */
long pdfw_doc_page(const sohoa_doc *doc, int number);
/* The layer of doc page index p on a page whose upright-to-user map is m, into out. Returns the
 * runs written. */
size_t pdfw_layer_content(writer *w, size_t p, const float m[6], const char *name, sohoa_buf *out);

/* ---- pdf-page.c ---- */

/* One page of a PDF input (number is 1-based); a page that fails keeps no layer, and the
 * document goes on. */
void pdfw_input_page(writer *w, int number, sohoa_buf *content);

/* ---- pdf-image.c ---- */

/* Page index (0-based) of an image file: the image, and the layer if ingest read it. */
void pdfw_image_page(writer *w, const unsigned char *data, size_t len, int index, sohoa_buf *content);

/* ---- pdf-pdfa.c ---- */

/* What in the document rules out PDF/A-2b (into w->why). */
void pdfw_check_pdfa(writer *w);
/* The input's own PDF/A output intent (kept), else ours with an sRGB profile; 0 when neither. */
int pdfw_output_intent(writer *w);
/* Components of the input's PDF/A output intent profile, 0 when it has none. */
int pdfw_input_oi_components(fz_context *fz, pdf_document *pdf);
/* XMP and an Info dictionary that says the same, and the file identifier. */
void pdfw_metadata(writer *w, const sohoa_pdf_meta *meta, int pdfa);

#endif

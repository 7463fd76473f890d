/* Private to output/: page geometry, image pass-through, the glyphless font, the text layer and
 * the XMP packet. Only pdf*.c (the MuPDF writer adapter, pdf-int.h) include MuPDF; everything here
 * is plain C. */
#ifndef SOHOA_OUTPUT_INT_H
#define SOHOA_OUTPUT_INT_H

#include "output.h"

/* ---- page.c: where a page's boxes are ----
 * ingest gives boxes in points from the top-left of the upright page: the page as stored (a PDF
 * page as displayed, with its /Rotate and CropBox, or an image file as scanned) turned clockwise
 * by the quarter turns that OCR needed to read it. */

/* The clockwise quarter turns (0..3) OCR gave page, from its decision ("turned 90 degrees to
 * upright"). */
int out_page_turns(const sohoa_page *page);
/* The page's size as stored, in points (its upright size turned back). */
void out_page_stored_size(const sohoa_page *page, float *w, float *h);
/* Map box b (x0 y0 x1 y1) of the upright page to the page as stored, w x h points, into out. */
void out_box_stored(int turns, float w, float h, const float b[4], float out[4]);
/* The affine map [a b c d e f] (x' = a x + c y + e, y' = b x + d y + f) from the upright page with
 * its origin at the bottom-left and y up, to the stored page with its origin at the top-left and
 * y down (both in points). */
void out_upright_to_stored(int turns, float w, float h, float m[6]);

/* ---- image.c: image files put into a PDF as they are coded ---- */
typedef enum out_filter {
	OUT_FILTER_NONE,      /* cannot pass through: decode and store again (why says why) */
	OUT_FILTER_DCT,       /* JPEG: the whole file */
	OUT_FILTER_FLATE,     /* deflate data (a PNG's IDAT, a TIFF's deflate strip), predictor below */
	OUT_FILTER_CCITT,     /* CCITT group 4 (TIFF compression 4), one strip */
	OUT_FILTER_RUNLENGTH, /* PackBits (TIFF compression 32773): PDF's RunLengthDecode */
} out_filter;

typedef struct out_image {
	out_filter filter;
	int width, height;    /* pixels */
	int bpc;              /* bits per component */
	int colors;           /* 1 gray, 3 RGB, 4 CMYK: the components of a pixel (of the palette's
				 entries when indexed) */
	int indexed;          /* palette entries (1..256), 0 when not a palette image */
	unsigned char palette[768]; /* RGB entries when indexed */
	int invert;           /* 1: /Decode [1 0 ...] (TIFF WhiteIsZero gray, Adobe CMYK JPEG) */
	int predictor;        /* FLATE: 15 (PNG rows), 2 (TIFF differencing) or 1 */
	float xdpi, ydpi;     /* the resolution the file states, 0 when it states none */
	const unsigned char *data; /* the coded bytes, borrowed from the file when they are one piece */
	size_t len;
	unsigned char *owned; /* or owned here (PNG: the IDAT chunks joined; TIFF: the strips) */
	const char *why;      /* FILTER_NONE: why (static text) */
} out_image;

/* Images in the file (TIFF: its pages; PNG, JPEG: 1); 0 when not an image this reads. */
int out_image_count(const unsigned char *data, size_t len);
/* Describe image index (0-based) of data[0..len) for pass-through. 0 with img filled (FILTER_NONE
 * and img->why when it must be decoded instead), -1 when out of memory. */
int out_image_read(const unsigned char *data, size_t len, int index, out_image *img);
void out_image_clear(out_image *img);

/* ---- font.c: the text layer's font ----
 * A TrueType font with two empty glyphs, each 500/1000 em wide (ascent 800, descent -200): a Type0
 * font with Identity-H encoding whose CIDs are the UTF-16 code units of the text, all drawn by
 * glyph 1, and a ToUnicode map back, as Tesseract's PDF renderer does. Invisible (render mode 3),
 * it only carries the text for search and copy. */
#define OUT_FONT_WIDTH 500    /* glyph advance, 1/1000 em */
/* The font program, appended to out. -1 when out of memory. */
int out_font_program(sohoa_buf *out);
/* The CIDToGIDMap stream data (every CID to glyph 1). -1 when out of memory. */
int out_font_cid_to_gid(sohoa_buf *out);
/* The ToUnicode CMap: each CID to the same UTF-16 code unit, for the rows (high bytes) set in the
 * bitmap rows[32]. -1 when out of memory. */
int out_font_to_unicode(const unsigned char rows[32], sohoa_buf *out);

/* ---- layer.c: the restored text on the OCR words ---- */
typedef struct out_layer out_layer;
/* Map text's lines back onto doc's source lines and words (see layer.c). text may be NULL: the
 * words' own text is used. */
sohoa_status out_layer_new(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, out_layer **layer);
void out_layer_free(out_layer *layer);
/* What one word or run of the layer says, for tests: the text placed on word w of line l of page
 * index p (NULL when none), and whether that line is spread over its box. */
const char *out_layer_word(const out_layer *layer, size_t p, size_t l, size_t w, int *spread);
/* Append the content stream of page index p's text layer to out: "q m cm BT 3 Tr ... ET Q", in
 * font resource font, where m maps the upright page (points, origin bottom-left, y up) to the
 * PDF page's user space. Sets the bits of the UTF-16 high bytes used in rows[32]; *runs gets the
 * number of text runs written (0: nothing appended). */
sohoa_status out_layer_page(sohoa_ctx *ctx, const out_layer *layer, size_t p, const float m[6], const char *font,
			    unsigned char rows[32], sohoa_buf *out, size_t *runs);

/* ---- xmp.c: metadata ---- */
/* The XMP packet: pdfaid part 2 conformance B when pdfa, Dublin Core title, creator (issuer),
 * identifier (number), date, type; the producer and the time of writing (ISO 8601). */
int out_xmp(const sohoa_pdf_meta *meta, const char *producer, const char *now, int pdfa, sohoa_buf *out);

/* ---- xml helpers (ocrxml.c) ---- */
/* Append s[0..n) escaped for XML text and attributes (&, <, >, ", '; control characters dropped). */
int out_xml_escape(sohoa_buf *out, const char *s, size_t n);

#endif

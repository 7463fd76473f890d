/* Private to ingest/: the input-kind table and helpers shared by the handlers. */
#ifndef SOHOA_INGEST_INT_H
#define SOHOA_INGEST_INT_H

#include "ingest.h"

/* An input kind: recognize looks at the first bytes (and the name) and returns 1 if it is
 * this kind; open reads the file into a new document. */
typedef struct ingest_handler {
	const char *name;
	int (*recognize)(const char *path, const unsigned char *head, size_t n);
	sohoa_status (*open)(sohoa_ctx *ctx, const char *path, sohoa_doc *doc);
} ingest_handler;

extern const ingest_handler ingest_pdf_handler;   /* pdf.c */
extern const ingest_handler ingest_image_handler; /* image.c */
extern const ingest_handler ingest_text_handler;  /* text.c */
/* text.c: 1 if path ends in ".txt" or ".text" (any case): text is preferred to magic. */
int ingest_text_named(const char *path);
/* 1 when path's extension names an image (jpg jpeg png tif tiff pnm pgm ppm pbm bmp gif webp jp2, any
 * case): such a file is never read as text; bytes that are not that image fail as an image. */
int ingest_image_named(const char *path);

/* Fills doc from data, a NUL-terminated copy of len bytes that the parser owns (frees). */
typedef sohoa_status (*ingest_parse_fn)(sohoa_ctx *ctx, const char *name, char *data, size_t len, sohoa_doc *doc);
/* A new document (path and name both name; kind) filled by parse from a copy of data[0..len).
 * On error *out is NULL and the status is parse's, or SOHOA_ERR_NOMEM. */
sohoa_status ingest_doc_parse(sohoa_ctx *ctx, const char *name, const char *kind, const char *data, size_t len,
			      ingest_parse_fn parse, sohoa_doc **out);
/* Append a new empty page / line to a document; NULL when out of memory. */
sohoa_page *ingest_page_add(sohoa_doc *doc, int number);
sohoa_line *ingest_line_add(sohoa_page *page);
void ingest_page_clear(sohoa_page *page);
/* msg past a leading "page N: " or "'FILE': page N: " naming this page (N its number): the
 * reason alone, for page->error, which the messages prefix with the file and page themselves. */
const char *ingest_page_reason(const char *msg, int number);


/* A page raster in memory, rows top-down. n is 1 (gray) or 3 (RGB); stride in bytes. */
typedef struct ingest_raster {
	unsigned char *samples;
	int w, h, n, stride;
	int dpi;
	const float (*notes)[4]; /* notes put on the page (a PDF's free-text and stamp annotations):
				    {x0, y0, x1, y1} in points of the raster's page, or NULL */
	size_t nnotes;
} ingest_raster;

/* ocr.c — the OCR adapter (Tesseract in ocr.c, Leptonica page preparation in ocr-prep.c). One
 * engine per worker thread. */
typedef struct ingest_ocr ingest_ocr;
/* Create an engine for ctx->opt.lang/tessdata; SOHOA_ERR_MISSING names the package when the
 * traineddata is missing. */
sohoa_status ingest_ocr_new(sohoa_ctx *ctx, ingest_ocr **ocr);
void ingest_ocr_free(ingest_ocr *ocr);
/* Preprocess and read one raster into page (lines with boxes in points, words, confidences;
 * source OCR). Honours ctx->opt.page_timeout_s. */
sohoa_status ingest_ocr_raster(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, sohoa_page *page);

/* Image files through Leptonica (image.c). Count the pages of an image in memory (TIFF: its
 * directories; others 1); SOHOA_ERR_FORMAT names path when it is not a readable image. */
sohoa_status ingest_image_count(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
				int *npages);
/* Decode page index (0-based) into a new raster, gray or RGB (caller frees r->samples), checking
 * ctx->opt.max_pixels from the header first (SOHOA_ERR_LIMIT); r->dpi from the file or --dpi. */
sohoa_status ingest_image_read(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
			       int index, ingest_raster *r);

#endif

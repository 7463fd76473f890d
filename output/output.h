/* output: archive formats made from what ingest read and normalize restored: the searchable PDF
 * (the original pages with an invisible text layer of the restored Vietnamese, PDF/A-2b where the
 * input allows it) and hOCR and ALTO (ingest's page, block, line and word boxes). */
#ifndef SOHOA_OUTPUT_H
#define SOHOA_OUTPUT_H

#include "../core/sohoa.h"
#include "../ingest/ingest.h"
#include "../normalize/normalize.h"

/* The document's metadata for the PDF's XMP packet and Info dictionary. Strings are borrowed,
 * UTF-8; NULL or "" when unknown. */
typedef struct sohoa_pdf_meta {
	const char *title;    /* the title (trích yếu) */
	const char *number;   /* "209/BC-SYT" */
	const char *issuer;   /* "SỞ Y TẾ" */
	const char *date;     /* "2025-05-12" */
	const char *type;     /* "Kế hoạch" */
} sohoa_pdf_meta;

/* What sohoa_pdf_write did, for -v and the batch's manifest. */
typedef struct sohoa_pdf_report {
	int pages;            /* pages in the output */
	int layered;          /* pages given a text layer */
	int replaced;         /* of those, pages whose old invisible text was removed */
	int kept_visible;     /* of those, pages that keep visible text of their own beside the layer */
	int images_kept;      /* image files: pages whose image went in as it was coded */
	int images_recoded;   /* image files: pages decoded and stored again, losslessly */
	int failed;           /* pages that went in without the layer they needed: ingest could
				 not read them, or the layer could not be made (logged) */
	int pdfa;             /* 1: written as PDF/A-2b */
	char not_pdfa[256];   /* when pdfa is 0: why (names the page or object) */
} sohoa_pdf_report;

/* Fill *meta from the documents extractor's fields for doc and text (sohoa_doc_fields_read;
 * "" where a field is empty). The strings live in *store, which the caller frees with
 * sohoa_buf_free once done with meta. */
sohoa_status sohoa_pdf_meta_get(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
				sohoa_pdf_meta *meta, sohoa_buf *store);

/* Write the searchable PDF of doc (a PDF or an image file that sohoa_ingest read) to path,
 * atomically (a temporary file in the same folder, renamed when complete). The original pages go
 * in untouched: born-digital pages as they are, images as they were coded (JPEG as DCT, a TIFF's
 * G4 as CCITT, a PNG's deflate data as it is). Each page that doc read by OCR gets an invisible
 * text layer: text's restored lines mapped back onto the OCR words, word by word where the counts
 * agree, spread over the line's box where they do not; an old invisible text layer on such a page
 * is removed. PDF/A-2b when the input allows it (report->pdfa, else report->not_pdfa says why).
 * meta may be NULL (no title in the metadata); report may be NULL. Errors name path or the page:
 * SOHOA_ERR_UNSUPPORTED for text inputs, SOHOA_ERR_IO, SOHOA_ERR_FORMAT, SOHOA_ERR_NOMEM. */
sohoa_status sohoa_pdf_write(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text,
			     const sohoa_pdf_meta *meta, const char *path, sohoa_pdf_report *report);

/* The whole job for one file: ingest in_path under ctx's options, normalize, read the metadata,
 * write out_path. Pages that could not be read are logged and go in without a layer
 * (report->failed counts them). */
sohoa_status sohoa_pdf_file(sohoa_ctx *ctx, const char *in_path, const char *out_path,
			    sohoa_pdf_report *report);

/* hOCR 1.2 (XHTML 1.0 Transitional) and ALTO v4.4 of what ingest read: per page its blocks (lines
 * grouped by position), lines and words with their boxes in pixels of the page as stored (images
 * at their own resolution, PDF pages at ctx->opt.dpi) and OCR confidences. Appended to out.
 * SOHOA_ERR_UNSUPPORTED for text inputs, which have no positions. */
sohoa_status sohoa_doc_write_hocr(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out);
sohoa_status sohoa_doc_write_alto(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out);

/* One region to render: a page (its number, as in doc), a box in points of the upright page as
 * ingest measured it (x0 y0 x1 y1 from the top-left), and the PNG file to write. */
typedef struct sohoa_crop {
	int page;
	float box[4];
	const char *path;
} sohoa_crop;

/* Render each crop of doc (a PDF or an image file that sohoa_ingest read; doc->path is read
 * again) in grey at zoom pixels per point (the longest side at most 2000 pixels) to its PNG
 * file (pdf-crop.c). Crops of one page should be adjacent: each run of them loads the page once.
 * SOHOA_ERR_UNSUPPORTED for text inputs, SOHOA_ERR_FORMAT naming the file when MuPDF cannot. */
sohoa_status sohoa_crops_render(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_crop *crops, size_t n, float zoom);

#endif

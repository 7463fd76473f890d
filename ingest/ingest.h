/* ingest: turn a file (PDF, image, text) into pages of positioned lines with provenance.
 * The document model defined here is what every later stage reads. */
#ifndef SOHOA_INGEST_H
#define SOHOA_INGEST_H

#include "../core/sohoa.h"

/* Where a line came from. STAMP is a line's source only (never a page's): text of an inbox stamp,
 * a seal or a note added on the page (ingest/stamp.h), read from the page but kept out of the body
 * text and the metadata by normalize/ and extract/; the TSV shows it as "stamp". */
typedef enum sohoa_source { SOHOA_SRC_PDF, SOHOA_SRC_OCR, SOHOA_SRC_TEXT, SOHOA_SRC_STAMP } sohoa_source;

/* One word with its box (kept for OCR lines and PDF lines alike; tables are rebuilt from them). */
typedef struct sohoa_word {
	char *text;               /* UTF-8 */
	float x0, y0, x1, y1;     /* points (1/72 in) from the page's top-left; text files: 0 */
	float confidence;         /* 0..100 for OCR, -1 otherwise */
} sohoa_word;

typedef struct sohoa_line {
	int page;                 /* 1-based */
	int line;                 /* 1-based within the page, in reading order */
	float x0, y0, x1, y1;     /* box in points from the page's top-left */
	sohoa_source source;
	float confidence;         /* mean OCR word confidence 0..100, -1 for pdf/text */
	char *text;               /* UTF-8 as read; normalize/ cleans it */
	char *font;               /* first font name on the line (PDF), or NULL */
	float font_size;          /* points, 0 when unknown */
	sohoa_word *words;
	size_t nwords;
} sohoa_line;

typedef struct sohoa_page {
	int number;               /* 1-based page number in the document */
	float width, height;      /* points */
	sohoa_source source;      /* where the lines came from */
	char *decision;           /* why, for -v and the TSV. PDF pages: the verdict on the text layer
				   ("text layer ok", "no text layer" (", N filled shapes" when
				   text was drawn as curves), "little text over a full-page
				   image (N characters)", "garbage text (N% bad characters)",
				   "legacy tcvn3 text (N% of words)", "vietnamese without diacritics
				   (N% of syllables marked)") and what was done ("; ocr", "; no image
				   to ocr, text kept", "; ocr forced", "; ocr off, text kept") */
	char *encoding;           /* encoding hint for normalize/ ("utf-8", "tcvn3", "vni", ...) or NULL */
	sohoa_status status;      /* SOHOA_OK, or why this page has no lines */
	char *error;              /* message when status != OK, else NULL */
	sohoa_line *lines;
	size_t nlines;
	float skew;               /* OCR pages: degrees the image was turned clockwise to deskew it
				   before reading; boxes are in the page as scanned (turn them by
				   skew about the page centre to level them, as tables need). 0 else */
	size_t lines_cap;         /* room in lines, kept by ingest_line_add (a page built by
				   hand has 0 and is not appended to) */
} sohoa_page;

typedef struct sohoa_doc {
	char *path;               /* as given */
	char *name;               /* file name, extension kept: the <doc> of outputs */
	char *kind;               /* "pdf", "image", "text" */
	int page_count;           /* pages in the file (before --pages selection) */
	sohoa_page *pages;        /* the selected pages, in order */
	size_t npages;
	int ocr_pages;            /* pages whose text came from OCR */
	size_t pages_cap;         /* room in pages, kept by ingest_page_add */
} sohoa_doc;

/* Read path into a new document. Returns SOHOA_OK with *doc set even when single pages failed
 * (their status/error say why); an error status and *doc == NULL when the file as a whole cannot
 * be read. Uses ctx->opt (ocr mode, dpi, pages, jobs, password, limits). */
sohoa_status sohoa_ingest(sohoa_ctx *ctx, const char *path, sohoa_doc **doc);
void sohoa_doc_free(sohoa_doc *doc);
/* Versions of the libraries behind ingest (sohoa --version): Tesseract and Leptonica as loaded,
 * MuPDF as built in. Static strings; not thread-safe (api/version.c calls them once). */
const char *sohoa_ocr_tesseract_version(void);
const char *sohoa_ocr_leptonica_version(void);
const char *sohoa_pdf_mupdf_version(void);

/* Write the document as text: lines joined by '\n', pages separated by '\f' (like pdftotext). */
sohoa_status sohoa_doc_write_text(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out);
/* Write the document as TSV, one row per line with a header:
 * page line x0 y0 x1 y1 source confidence decision text */
sohoa_status sohoa_doc_write_tsv(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *out);
/* Read TSV written by sohoa_doc_write_tsv back into a document (for `normalize --tsv`). */
sohoa_status sohoa_doc_read_tsv(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				sohoa_doc **doc);

/* Build a document from text in memory (UTF-8, UTF-16 with BOM, or 8-bit passed on), as if it
 * were a text file named name. */
sohoa_status sohoa_doc_from_text(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				 sohoa_doc **doc);

const char *sohoa_source_name(sohoa_source src);

/* Process-wide settings of the OCR libraries, made once (later calls do nothing; thread-safe):
 * Leptonica's message severity and stderr handler (silent: library code never prints), and the
 * OpenMP runtime Tesseract uses looked up so each OCR call can hold Tesseract's teams to one
 * thread on the calling thread only. sohoa_global_init calls it; the OCR adapter also calls it
 * before its first engine or image, for programs that did not. No environment variable is set
 * and no symbol of another library is interposed. */
void sohoa_ingest_global_init(void);

#endif

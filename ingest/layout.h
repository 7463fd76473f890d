/* layout: private to ingest/. Turns positioned glyphs (as a PDF text layer gives them) into the
 * lines of a page in reading order, with loose diacritic glyphs joined back onto their letters.
 * Pure C (no MuPDF) so that the rules can be unit-tested with hand-made glyphs. */
#ifndef SOHOA_INGEST_LAYOUT_H
#define SOHOA_INGEST_LAYOUT_H

#include "ingest.h"

/* One glyph. Boxes are in points from the page's top-left. Glyphs that share frag come from one
 * run of text that the PDF library already put on one line (MuPDF's stext line). */
typedef struct ingest_glyph {
	uint32_t c;            /* Unicode; ' ' for spaces */
	float x0, y0, x1, y1;  /* glyph box */
	float size;            /* font size in points */
	const char *font;      /* font name, borrowed (may carry a subset prefix "ABCDEF+") */
	int frag;              /* source run; runs are contiguous in the array */
} ingest_glyph;

/* Append the lines of glyphs g[0..n) to page (ingest_line_add) in reading order: rows top to
 * bottom, pieces of a row left to right, and a block of rows split by one vertical gutter (a
 * letterhead: issuer left, motto right; "Nơi nhận" beside the signer) read left column first.
 * Pieces of text on one row become one line unless a gap of 0.6 em or more (and twice the run's
 * usual word gap, so justified lines hold together) separates them, as between table cells. Loose
 * marks are joined onto the letter under them and the line composed (NFC). Each line gets its
 * text, words with boxes, first font name (subset prefix removed) and size, and a box. Returns
 * SOHOA_ERR_NOMEM only. */
sohoa_status ingest_layout(sohoa_ctx *ctx, const ingest_glyph *g, size_t n, sohoa_page *page);

/* 1 if c is a combining mark, or a spacing accent that PDFs draw over a letter for Vietnamese
 * tones (U+00B4, U+0060, U+02DC, ...); *combining gets the combining form (or c). */
int ingest_layout_mark(uint32_t c, uint32_t *combining);

/* annots.c: annotation text drawn into a gap of a content line (an e-signing system's widgets
 * write the number into "Số:      /QĐ-UBND" and the day into "ngày    tháng 11") joins that
 * line: each word (or space) of the annotation glyphs g[nc..n) of *glyphs whose middle lies
 * within a content run of g[0..nc) and whose height overlaps it by half is moved into that run
 * before the first glyph right of its middle, and takes its frag; the rest stay after the
 * content. *glyphs is replaced (n glyphs, *cap set). -1 when out of memory (unchanged). */
int ingest_splice_annots(ingest_glyph **glyphs, size_t *cap, size_t n, size_t nc);

#endif

/* stamp: private to ingest/. Finds the lines of a page that are not the document's text but
 * something put on the page after it was written (an inbox stamp "CÔNG VĂN ĐẾN", "ĐẾN Số: ...
 * Ngày: ... Chuyển: ...", a typed routing note, a seal's text) and gives them the source
 * SOHOA_SRC_STAMP, so that normalize/ and extract/ leave them out. Pure C on lines and boxes: the
 * regions come from the pixels (ocr-prep.c: closed frames) or from the PDF (notes drawn as
 * annotations). */
#ifndef SOHOA_INGEST_STAMP_H
#define SOHOA_INGEST_STAMP_H

#include "ingest.h"

/* A framed box with more lines than this is a boxed paragraph of the document (a note, a
 * summary), not a stamp: inbox stamps hold a heading and three or four fields. */
#define STAMP_FRAME_LINES 6

/* A part of a page known to hold a stamp or a note, in points from the page's top-left. */
typedef struct ingest_region {
	float x0, y0, x1, y1;
	int max_lines;        /* more lines than this in it: a boxed paragraph of the document, not
				 a stamp, and nothing is marked; 0: no limit */
} ingest_region;

/* Mark the lines of page that lie in one of r[0..n): a line whose words all have their centre
 * inside becomes a stamp line; a line with only some words inside (OCR read a note beside the
 * subject as one line) is split: those words move to a new stamp line at the end of the page and
 * the line keeps the others (text, box and confidence recomputed). Returns SOHOA_ERR_NOMEM only. */
sohoa_status ingest_stamp_regions(sohoa_ctx *ctx, sohoa_page *page, const ingest_region *r, size_t n);

/* Mark the lines of page that read as an inbox stamp whatever their place: "CÔNG VĂN ĐẾN" in capitals; a line
 * that starts with the capital word "ĐẾN" and holds a "Số:", "Ngày:" or "Giờ:" field; one that
 * starts with "Chuyển:" or "Lưu hồ sơ số"; one with both "Giờ:" and "Ngày:". The document's own
 * "Số: 12/QĐ-UBND" and "ngày 5 tháng 3" lines match none of these. */
void ingest_stamp_words(sohoa_page *page);

/* The lines of an OCR page in closed frames box[0..n) ({x0, y0, x1, y1}, points; ocr-prep.c finds
 * them) that hold at most a stamp's few lines, then ingest_stamp_words, then the lines of an
 * e-signature stamp printed on the page (the signing system's "Ký bởi: ..." or "Người ký: ...", "Cơ quan: ...
 * Thời gian ký: ..." block and its time stamp "05.02.2025 08:09:28", "+07:00": a clock time with
 * seconds, which a document's own text never gives). Only on OCR pages: in a born-digital
 * PDF that text is the document's own layer, which extract/ reads the number and day from.
 * Returns SOHOA_ERR_NOMEM only. */
sohoa_status ingest_stamp_frames(sohoa_ctx *ctx, sohoa_page *page, const float (*box)[4], size_t n);

#endif

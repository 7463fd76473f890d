/* normalize/ internals shared by the stage's files (encoding.c, unicode.c, layout.c, normalize.c);
 * nothing outside normalize/ includes this. */
#ifndef SOHOA_NORMALIZE_INT_H
#define SOHOA_NORMALIZE_INT_H

#include "normalize.h"

/* Clean one line (look-alikes, spaces, invisible characters, ligatures, split marks, NFC), appending
 * the result to out. tmp is scratch space the caller keeps between calls. */
sohoa_status norm_unicode_line(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out, sohoa_buf *tmp);

/* A cleaned source line, its text at buf[off..off+len) with outer spaces trimmed. */
typedef struct norm_line {
	size_t off, len;
	int page, line;      /* source page (1-based) and line within it */
	int page_index;      /* 0-based index of the page in the document */
	float x0, y0, x1, y1; /* box in points from the page's top-left, all 0 when unknown */
	int blank;           /* 1: nothing left after cleaning */
	int drop;            /* 1: running header, footer or page number */
	int kind;            /* layout's class of the line */
} norm_line;

/* A paragraph after reflow: text at buf[off..off+len) in layout's output buffer, made of the
 * source lines first..last (indices into the norm_line array, blank and dropped ones skipped). */
typedef struct norm_para {
	size_t off, len;
	size_t first, last;
} norm_para;

/* Mark running headers, footers and page numbers (drop = 1) on documents of several pages. */
void norm_layout_drop_furniture(const char *buf, norm_line *lines, size_t n, int npages);
/* Join lines into paragraphs (see layout.c for the rules), appending their text to out and the
 * paragraphs to *paras (*nparas of them, caller frees). */
sohoa_status norm_layout_reflow(sohoa_ctx *ctx, const char *buf, norm_line *lines, size_t n, sohoa_buf *out,
				norm_para **paras, size_t *nparas);

/* marker.c: the letter case of cp — 1 upper, -1 lower, 0 not a cased letter (Latin with Vietnamese
 * and Latin-1, Greek, Cyrillic). */
int norm_letter_case(uint32_t cp);

/* The code point at s[*i..n), *i moved past it. */
static inline uint32_t norm_cp_at(const char *s, size_t n, size_t *i)
{
	uint32_t cp;
	*i += sohoa_utf8_decode(s + *i, n - *i, &cp);
	return cp;
}

#endif

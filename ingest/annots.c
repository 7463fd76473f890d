/* Annotation text spliced into the content line it is drawn into (e-signature widgets).
 * Plain C on glyphs, used by the PDF adapter (pdf.c). */
#include "layout.h"

#include <math.h>
#include <stdlib.h>

/* Box of the visible glyphs g[a..b); 0 when there are none. */
static int run_box(const ingest_glyph *g, size_t a, size_t b, float *x0, float *y0, float *x1, float *y1)
{
	int any = 0;
	for (size_t i = a; i < b; i++) {
		if (g[i].c == ' ' || g[i].x1 <= g[i].x0)
			continue;
		if (!any || g[i].x0 < *x0)
			*x0 = g[i].x0;
		if (!any || g[i].y0 < *y0)
			*y0 = g[i].y0;
		if (!any || g[i].x1 > *x1)
			*x1 = g[i].x1;
		if (!any || g[i].y1 > *y1)
			*y1 = g[i].y1;
		any = 1;
	}
	return any;
}

int ingest_splice_annots(ingest_glyph **glyphs, size_t *cap, size_t n, size_t nc)
{
	ingest_glyph *g = *glyphs, *out = NULL;
	size_t *at = malloc((n - nc + 1) * sizeof *at); /* per annotation glyph: where */
	int *fr = malloc((n - nc + 1) * sizeof *fr);                /* and the frag it joins */
	if (!at || !fr) {
		free(at);
		free(fr);
		return -1;
	}
	for (size_t a = nc; a < n;) {
		size_t b = a + 1; /* a word: the run up to a space (the widget may span content words) */
		while (b < n && g[b].frag == g[a].frag && g[b].c != ' ' && g[b - 1].c != ' ')
			b++;
		float ax0 = 0, ay0 = 0, ax1 = 0, ay1 = 0, cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;
		size_t where = (size_t)-1;
		int frag = g[a].frag;
		if (run_box(g, a, b, &ax0, &ay0, &ax1, &ay1)) {
			float mid = (ax0 + ax1) / 2;
			for (size_t c = 0; c < nc && where == (size_t)-1;) {
				size_t e = c;
				while (e < nc && g[e].frag == g[c].frag)
					e++;
				if (run_box(g, c, e, &cx0, &cy0, &cx1, &cy1) && mid > cx0 && mid < cx1) {
					float ov = fminf(ay1, cy1) - fmaxf(ay0, cy0);
					float h = fminf(ay1 - ay0, cy1 - cy0);
					if (h > 0 && ov >= h / 2) {
						where = e, frag = g[c].frag;
						for (size_t i = c; i < e; i++)
							if ((g[i].x0 + g[i].x1) / 2 > mid) {
								where = i;
								break;
							}
					}
				}
				c = e;
			}
		}
		for (size_t i = a; i < b; i++)
			at[i - nc] = where, fr[i - nc] = frag;
		a = b;
	}
	if (!(out = malloc(n * sizeof *out))) {
		free(at);
		free(fr);
		return -1;
	}
	size_t k = 0;
	for (size_t c = 0; c <= nc; c++) {
		for (size_t i = nc; i < n; i++)
			if (at[i - nc] == c) {
				out[k] = g[i];
				out[k++].frag = fr[i - nc];
			}
		if (c < nc)
			out[k++] = g[c];
	}
	for (size_t i = nc; i < n; i++)
		if (at[i - nc] == (size_t)-1)
			out[k++] = g[i];
	free(at);
	free(fr);
	free(*glyphs);
	*glyphs = out;
	*cap = n;
	return 0;
}

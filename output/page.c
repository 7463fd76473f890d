/* page: where a page's boxes are. ingest reports boxes in the upright page (the page as stored,
 * turned clockwise by the quarter turns OCR needed); the PDF, hOCR and ALTO writers place them on
 * the page as stored. */
#include "output-int.h"

#include <stdlib.h>
#include <string.h>

int out_page_turns(const sohoa_page *page)
{
	/* the OCR adapter appends "turned N degrees to upright" to the page's decision */
	const char *d = page->decision, *t;
	while (d && (t = strstr(d, "turned ")) != NULL) {
		char *end;
		long deg = strtol(t + 7, &end, 10);
		if (end != t + 7 && !strncmp(end, " degrees to upright", 19) && deg % 90 == 0 && deg > 0 && deg < 360)
			return (int)(deg / 90);
		d = t + 7;
	}
	return 0;
}

void out_page_stored_size(const sohoa_page *page, float *w, float *h)
{
	int odd = out_page_turns(page) % 2;
	*w = odd ? page->height : page->width;
	*h = odd ? page->width : page->height;
}

void out_box_stored(int turns, float w, float h, const float b[4], float out[4])
{
	switch (turns & 3) {
	case 1: /* stored (x, y) went to upright (h - y, x) */
		out[0] = b[1], out[1] = h - b[2], out[2] = b[3], out[3] = h - b[0];
		break;
	case 2: /* (x, y) went to (w - x, h - y) */
		out[0] = w - b[2], out[1] = h - b[3], out[2] = w - b[0], out[3] = h - b[1];
		break;
	case 3: /* (x, y) went to (y, w - x) */
		out[0] = w - b[3], out[1] = b[0], out[2] = w - b[1], out[3] = b[2];
		break;
	default:
		memcpy(out, b, 4 * sizeof *out);
	}
}

/* r = first then second, for maps x' = a x + c y + e, y' = b x + d y + f. */
static void concat(const float l[6], const float r[6], float m[6])
{
	float t[6] = {
		l[0] * r[0] + l[1] * r[2], l[0] * r[1] + l[1] * r[3],
		l[2] * r[0] + l[3] * r[2], l[2] * r[1] + l[3] * r[3],
		l[4] * r[0] + l[5] * r[2] + r[4], l[4] * r[1] + l[5] * r[3] + r[5],
	};
	memcpy(m, t, sizeof t);
}

void out_upright_to_stored(int turns, float w, float h, float m[6])
{
	int q = turns & 3;
	float hu = q % 2 ? w : h;
	const float flip[6] = {1, 0, 0, -1, 0, hu}; /* y up from the bottom to y down from the top */
	float back[6];                              /* the upright page turned back to the stored one */
	switch (q) {
	case 1: { const float t[6] = {0, -1, 1, 0, 0, h}; memcpy(back, t, sizeof t); break; }
	case 2: { const float t[6] = {-1, 0, 0, -1, w, h}; memcpy(back, t, sizeof t); break; }
	case 3: { const float t[6] = {0, 1, -1, 0, w, 0}; memcpy(back, t, sizeof t); break; }
	default: { const float t[6] = {1, 0, 0, 1, 0, 0}; memcpy(back, t, sizeof t); }
	}
	concat(flip, back, m);
}

/* The page left gray (ingest/ocr-prep.c, ocr_prep_page with OCR_INK_GRAY), the third reading of a
 * page still read with low confidence (ocr.c): in a blurred photo enlarged four times the thin
 * strokes are much lighter than the thick ones, and one threshold over the page (like Sauvola)
 * drops them, so a letter is left as bare stems; the gray page keeps them for Tesseract's own
 * binarization. Leptonica is used here only to look at the result. */
#include "../../ingest/ocr-int.h"
#include "check.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>

enum { W = 1200, H = 900, DPI = 300, STEM = 12, BAR = 4, STEP = 120 };

/* The gray (or ink bit) at the middle of every light bar of the page as prepared with ink:
 * the largest value over the bars, and the depth of the result. */
static unsigned bars(unsigned char *g, ocr_ink ink, int *depth)
{
	ingest_raster r = {g, W, H, 1, W, DPI, NULL, 0};
	ocr_scale sc;
	ocr_geom geom;
	struct Pix *gray = ocr_prep_gray(&ocr_tuning_default, &r, &sc);
	struct Pix *pix = gray ? ocr_prep_page(&ocr_tuning_default, gray, sc.dpi, 0, ink, NULL, NULL, &geom) : NULL;
	unsigned most = 0;
	*depth = pix && pixGetWidth(pix) == W && pixGetHeight(pix) == H ? pixGetDepth(pix) : 0;
	for (int row = 0; *depth && row < 6; row++)
		for (int x = 100; x + STEP < 1100; x += STEP) {
			l_uint32 v = 0;
			pixGetPixel(pix, x + STEP / 2, 100 + STEP * row + STEP / 4, &v);
			most = v > most ? v : most;
		}
	ocr_prep_free(&pix);
	ocr_prep_free(&gray);
	return most;
}

int main(void)
{
	ocr_prep_global_init();
	unsigned char *g = malloc((size_t)W * H);
	if (!g)
		return 1;
	/* gray paper (200), rows of letters like "H": two dark stems (100) joined by a light bar (170) */
	memset(g, 200, (size_t)W * H);
	for (int row = 0; row < 6; row++)
		for (int x = 100; x + STEP < 1100; x += STEP) {
			int y0 = 100 + STEP * row;
			for (int y = y0; y < y0 + STEP / 2; y++) {
				memset(g + (size_t)y * W + x + 20, 100, STEM);
				memset(g + (size_t)y * W + x + STEP - 20 - STEM, 100, STEM);
			}
			for (int y = y0 + STEP / 4 - BAR / 2; y < y0 + STEP / 4 + BAR / 2; y++)
				memset(g + (size_t)y * W + x + 20 + STEM, 170, STEP - 40 - 2 * STEM);
		}
	int depth = 0;
	unsigned v = bars(g, OCR_INK_OTSU, &depth);
	CHECK(depth == 1 && v == 0, "one threshold drops the light bars (the case the gray reading is for)");
	v = bars(g, OCR_INK_GRAY, &depth);
	CHECK(depth == 8, "OCR_INK_GRAY leaves the page gray");
	CHECK(depth == 8 && v < 190, "the light bars stay darker than the paper");
	free(g);
	return CHECK_DONE();
}

/* The page binarized by one threshold (ingest/ocr-prep.c, ocr_prep_page with OCR_INK_OTSU), the
 * second reading of a page read with low confidence (ocr.c): Sauvola's small window hollows
 * thick, low-contrast strokes (a low-resolution page image enlarged four times), one Otsu
 * threshold over the page keeps them whole. Leptonica is used here only to look at the result. */
#include "../../ingest/ocr-int.h"
#include "check.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>

enum { W = 1200, H = 900, DPI = 300, STROKE = 24, STEP = 120 };

/* 1 if the centre of every stroke of the page binarized (globally or not) is ink */
static int centres_inked(unsigned char *g, ocr_ink ink)
{
	ingest_raster r = {g, W, H, 1, W, DPI, NULL, 0};
	ocr_scale sc;
	ocr_geom geom;
	struct Pix *gray = ocr_prep_gray(&ocr_tuning_default, &r, &sc);
	struct Pix *bin = gray ? ocr_prep_page(&ocr_tuning_default, gray, sc.dpi, 0, ink, NULL, NULL, &geom) : NULL;
	int all = bin && pixGetDepth(bin) == 1 && pixGetWidth(bin) == W && pixGetHeight(bin) == H;
	for (int row = 0; all && row < 6; row++)
		for (int x = 100; all && x + STROKE < 1000; x += STEP) {
			l_uint32 v = 0;
			pixGetPixel(bin, x + STROKE / 2, 100 + STEP * row + STROKE, &v);
			all = v == 1;
		}
	ocr_prep_free(&bin);
	ocr_prep_free(&gray);
	return all;
}

int main(void)
{
	ocr_prep_global_init();
	unsigned char *g = malloc((size_t)W * H);
	if (!g)
		return 1;
	/* gray paper (200) with rows of thick strokes (bars 24 pixels wide, 48 high) in gray ink (120) */
	memset(g, 200, (size_t)W * H);
	for (int row = 0; row < 6; row++)
		for (int x = 100; x + STROKE < 1000; x += STEP)
			for (int y = 100 + STEP * row; y < 100 + STEP * row + 2 * STROKE; y++)
				memset(g + (size_t)y * W + x, 120, STROKE);
	CHECK(!centres_inked(g, OCR_INK_LOCAL), "Sauvola hollows thick low-contrast strokes (the case the second reading is for)");
	CHECK(centres_inked(g, OCR_INK_OTSU), "one threshold over the page keeps them whole");
	free(g);
	return CHECK_DONE();
}

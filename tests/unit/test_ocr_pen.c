/* Pen strokes out of the image Tesseract reads the words on (ingest/ocr-prep.c, ocr_prep_read):
 * a signature's loops in black ink are found by their shape on the prepared page; a page of
 * print (letters, words, parentheses) has none and is read as it is. Only pages with coloured
 * ink are read so (ocr.c): ocr_prep_gray tells them (ocr_scale.colour). */
#include "../../ingest/ocr-int.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { W = 1200, H = 900, DPI = 300 };

static void dot(unsigned char *g, int x, int y, int r)
{
	for (int dy = -r; dy <= r; dy++)
		for (int dx = -r; dx <= r; dx++)
			if (x + dx >= 0 && x + dx < W && y + dy >= 0 && y + dy < H)
				g[(y + dy) * W + x + dx] = 0;
}

/* rows of letter-sized blocks (words) and a parenthesis (a thin arc 70 pixels high) per row */
static void print(unsigned char *g)
{
	for (int row = 0; row < 6; row++) {
		int y = 100 + 60 * row;
		for (int x = 100; x < 1000; x += 32)
			if ((x / 32) % 6 != 5)
				for (int yy = y; yy < y + 30; yy++)
					for (int xx = x; xx < x + 22; xx++)
						g[yy * W + xx] = 0;
		for (int k = 0; k <= 70; k++)
			dot(g, 70 + (int)(14 * sin(k * M_PI / 70)), y - 15 + k, 1);
	}
}

static int strokes_found(unsigned char *g)
{
	ingest_raster r = {g, W, H, 1, W, DPI, NULL, 0};
	ocr_scale sc;
	ocr_geom geom;
	struct Pix *gray = ocr_prep_gray(&ocr_tuning_default, &r, &sc);
	struct Pix *bin = gray ? ocr_prep_page(&ocr_tuning_default, gray, sc.dpi, 0, OCR_INK_LOCAL, NULL, NULL, &geom) : NULL;
	struct Pix *read = bin ? ocr_prep_read(&ocr_tuning_default, bin, sc.dpi) : NULL;
	int found = read != NULL;
	ocr_prep_free(&read);
	ocr_prep_free(&bin);
	ocr_prep_free(&gray);
	return found;
}

int main(void)
{
	ocr_prep_global_init();
	unsigned char *g = malloc((size_t)W * H);
	if (!g)
		return 1;
	memset(g, 255, (size_t)W * H);
	print(g);
	CHECK(!strokes_found(g), "print, parentheses included, has no pen stroke");

	/* a signature: loops 2 pixels wide across 2 inches, under the print */
	for (int k = 0; k < 4000; k++) {
		double a = k / 4000.0;
		dot(g, 300 + (int)(600 * a + 50 * sin(a * 9 * M_PI)), 700 + (int)(60 * cos(a * 9 * M_PI)), 1);
	}
	CHECK(strokes_found(g), "a signature's loops are a pen stroke");

	/* colour: none on a gray page, a red seal's worth on an RGB one */
	ocr_scale sc;
	ingest_raster r = {g, W, H, 1, W, DPI, NULL, 0};
	struct Pix *gray = ocr_prep_gray(&ocr_tuning_default, &r, &sc);
	CHECK(gray && !sc.colour, "a gray page has no coloured ink");
	ocr_prep_free(&gray);
	unsigned char *rgb = malloc((size_t)W * H * 3);
	if (!rgb)
		return 1;
	for (size_t i = 0; i < (size_t)W * H; i++)
		rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = g[i];
	ingest_raster c = {rgb, W, H, 3, 3 * W, DPI, NULL, 0};
	gray = ocr_prep_gray(&ocr_tuning_default, &c, &sc);
	CHECK(gray && !sc.colour, "an RGB page in black ink has no coloured ink");
	ocr_prep_free(&gray);
	for (int y = 500; y < 560; y++)
		for (int x = 1000; x < 1060; x++)
			rgb[3 * ((size_t)y * W + x) + 1] = rgb[3 * ((size_t)y * W + x) + 2] = 40, rgb[3 * ((size_t)y * W + x)] = 220;
	gray = ocr_prep_gray(&ocr_tuning_default, &c, &sc);
	CHECK(gray && sc.colour, "a red seal is coloured ink");
	ocr_prep_free(&gray);
	free(rgb);
	free(g);
	return CHECK_DONE();
}

/* Closed frames of inbox stamps on a page (ingest/ocr-prep.c, ocr_prep_frames): the frame is
 * found by its sides, not by the box of the ink joined to it, so a letter of the text or a stroke
 * of handwriting touching the frame does not hide it; a side broken by a third is no frame (a
 * page's red seal ring and pen strokes make such shapes); a table's grid is not a stamp. */
#include "../../ingest/ocr-int.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W 1000
#define H 1000

static void fill(unsigned char *g, int x0, int y0, int x1, int y1)
{
	for (int y = y0; y < y1; y++)
		memset(g + (size_t)y * W + x0, 0, (size_t)(x1 - x0));
}

/* a frame's four sides, 3 pixels thick, around x0..x1, y0..y1 */
static void frame(unsigned char *g, int x0, int y0, int x1, int y1)
{
	fill(g, x0, y0, x1, y0 + 3);
	fill(g, x0, y1 - 3, x1, y1);
	fill(g, x0, y0, x0 + 3, y1);
	fill(g, x1 - 3, y0, x1, y1);
}

/* white over the side x0..x0+3 of rows y..y+len: gaps in a worn side */
static void gap_v(unsigned char *g, int x0, int y, int len)
{
	for (int k = y; k < y + len; k++)
		memset(g + (size_t)k * W + x0, 255, 3);
}

static int find(unsigned char *g, float (*box)[4])
{
	ingest_raster r = {g, W, H, 1, W, 72, NULL, 0};
	return ocr_prep_frames(&r, 0, W, H, box, 8);
}

static int near(const float *b, float x0, float y0, float x1, float y1)
{
	return fabsf(b[0] - x0) <= 4 && fabsf(b[1] - y0) <= 4 && fabsf(b[2] - x1) <= 4 && fabsf(b[3] - y1) <= 4;
}

int main(void)
{
	ocr_prep_global_init();
	unsigned char *g = malloc((size_t)W * H);
	if (!g)
		return 1;
	float box[8][4];

	/* a stamp: its frame, the rule under its heading, a few words inside */
	memset(g, 255, (size_t)W * H);
	frame(g, 100, 200, 400, 300);
	fill(g, 100, 230, 400, 232);
	fill(g, 120, 210, 380, 222);
	fill(g, 130, 250, 300, 262);
	int n = find(g, box);
	CHECK(n == 1 && near(box[0], 100, 200, 400, 300), "a stamp's frame is found");

	/* a letter of the title touching the frame's right side from outside, handwriting crossing
	 * its bottom: the ink joined to the frame reaches beyond it, the frame is where its sides are */
	fill(g, 398, 240, 440, 262);
	fill(g, 300, 290, 330, 340);
	n = find(g, box);
	CHECK(n == 1 && near(box[0], 100, 200, 400, 300), "text touching a frame does not hide it");

	/* a worn left side: a third of it missing (its pieces joined to the top, the heading's rule
	 * and the bottom) */
	gap_v(g, 100, 205, 20);
	gap_v(g, 100, 255, 15);
	n = find(g, box);
	CHECK(n == 0, "one side a third broken: not a frame");

	/* the right side broken as much: two sides open, not a frame */
	gap_v(g, 397, 205, 20);
	gap_v(g, 397, 255, 15);
	n = find(g, box);
	CHECK(n == 0, "two sides a third broken: not a frame");

	/* a table's grid: rules down the inside */
	memset(g, 255, (size_t)W * H);
	frame(g, 100, 200, 400, 300);
	fill(g, 200, 200, 203, 300);
	fill(g, 300, 200, 303, 300);
	n = find(g, box);
	CHECK(n == 0, "a table's grid is not a stamp");

	free(g);
	return check_failed;
}

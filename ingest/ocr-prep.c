/* ocr-prep: the Leptonica page preparation of the OCR adapter. A page raster becomes the image
 * Tesseract reads: gray with red stamps and pen strokes turned white and coloured type dark,
 * small text enlarged, background normalized, turned upright, deskewed, binarized, ruling lines
 * and specks removed, and that page without its pen strokes to read the words on. Also the
 * geometry of the words read (boxes widened to their ink, glyphs for the layout). With image.c,
 * the only files that include leptonica/allheaders.h. */
#include "ocr-int.h"
#include "layout.h"

#include <leptonica/allheaders.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void lept_quiet(const char *msg)
{
	(void)msg; /* library code never prints */
}

void ocr_prep_global_init(void)
{
	setMsgSeverity(L_SEVERITY_NONE);
	leptSetStderrHandler(lept_quiet);
}

void ocr_prep_free(PIX **pix)
{
	pixDestroy(pix);
}

/* ---- gray conversion ---- */

/* Gray value of an RGB pixel for OCR: the brightest channel, so saturated colour (red stamps,
 * blue signatures over the signer's name) turns light while black and gray print stays dark; and
 * red also gains its chroma (brightest minus darkest channel), which turns a stamp's red white
 * even where blur and JPEG left it darker than the paper, while black text printed under the
 * stamp (dark in every channel) stays dark. Blue gets no such push: a ballpoint's blue is as dark
 * as navy print (0,0,127), which must stay readable; long blue strokes go by their shape instead
 * (colour_strokes). */
static inline unsigned rgb_gray(const unsigned char *p)
{
	unsigned mx = p[0] > p[1] ? p[0] : p[1], mn = p[0] < p[1] ? p[0] : p[1];
	mx = mx > p[2] ? mx : p[2], mn = mn < p[2] ? mn : p[2];
	if (p[0] == mx)
		return mx + (mx - mn) > 255 ? 255 : mx + (mx - mn);
	return mx;
}

/* Pen strokes: the pieces of mask (strongly coloured ink other than red) at least
 * 1/stroke_div inch long either way that fill under stroke_fill of their box turn white in gray,
 * with a pixel around them: a signature's loops. Coloured print keeps its letters and words,
 * which fill more of their box (navy print must stay: see rgb_gray). */
static void colour_strokes(const ocr_tuning *t, PIX *mask, PIX *gray, int dpi)
{
	int big = dpi / t->stroke_div;
	PIX *large = pixSelectBySize(mask, big, big, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
	PIX *strokes = large ? pixSelectByAreaFraction(large, t->stroke_fill, 8, L_SELECT_IF_LT, NULL) : NULL;
	PIX *wide = strokes ? pixDilateBrick(NULL, strokes, 3, 3) : NULL;
	if (wide)
		pixSetMasked(gray, wide, 255);
	pixDestroy(&large);
	pixDestroy(&strokes);
	pixDestroy(&wide);
}

/* Coloured type: printed text in blue or another non-red colour (an e-signature block, "Ký bởi:
 * ... Thời gian ký: ...", a coloured heading) is not a pen stroke and must read like black print,
 * although rgb_gray made it light. Told by shape, not hue: its pieces of mask, without the
 * hairlines (a 2x2 opening: the colour fringes a scanner leaves along black print), are
 * letter-sized (under 1/stroke_div inch high and type_word_len times that wide, for letters that
 * touch; at least 1/type_min_div high) and stand in rows (closed along the row by 1/type_gap_div
 * inch they make bands type_row_ratio times as wide as high or more), where a signature is one
 * long stroke and handwritten digits stand two or three together. The coloured ink within those
 * rows, extended along their line over gaps of 3/type_gap_div inch ("Thời gian:  21.11.2025"),
 * and 1/type_min_div inch above and below (dots, accents), with a pixel around it, takes the
 * raster's darkest channel in gray. r is RGB, of gray's size. */
static void colour_type(const ocr_tuning *t, PIX *mask, PIX *gray, const ingest_raster *r, int dpi)
{
	int big = dpi / t->stroke_div, low = dpi / t->type_min_div > 2 ? dpi / t->type_min_div : 2;
	int gap = dpi / t->type_gap_div > 1 ? dpi / t->type_gap_div : 1;
	PIX *solid = pixOpenBrick(NULL, mask, 2, 2);
	PIX *small = solid ? pixSelectBySize(solid, t->type_word_len * big, big, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LT,
					     NULL) : NULL;
	PIX *letters = small ? pixSelectBySize(small, 0, low, 8, L_SELECT_HEIGHT, L_SELECT_IF_GTE, NULL) : NULL;
	PIX *runs = letters ? pixCloseBrick(NULL, letters, gap, 1) : NULL;
	PIX *rows = runs ? pixSelectByWidthHeightRatio(runs, t->type_row_ratio, 8, L_SELECT_IF_GTE, NULL) : NULL;
	PIX *near = rows ? pixCloseBrick(NULL, letters, 3 * gap, 1) : NULL;
	PIX *line = near ? pixSeedfillBinary(NULL, rows, near, 8) : NULL;
	PIX *band = line ? pixDilateBrick(NULL, line, 1, 2 * low + 1) : NULL;
	PIX *type = band ? pixAnd(NULL, mask, band) : NULL;
	PIX *wide = type ? pixDilateBrick(NULL, type, 3, 3) : NULL;
	if (wide) {
		l_uint32 *gd = pixGetData(gray), *wd = pixGetData(wide);
		int gwpl = pixGetWpl(gray), wwpl = pixGetWpl(wide);
		for (int y = 0; y < r->h; y++) {
			const l_uint32 *wl = wd + (size_t)y * (size_t)wwpl;
			l_uint32 *gl = gd + (size_t)y * (size_t)gwpl;
			const unsigned char *row = r->samples + (size_t)y * (size_t)r->stride;
			for (int x = 0; x < r->w; x++) {
				if (!GET_DATA_BIT(wl, x))
					continue;
				const unsigned char *p = row + 3 * (size_t)x;
				unsigned mn = p[0] < p[1] ? p[0] : p[1];
				mn = mn < p[2] ? mn : p[2];
				if (mn < GET_DATA_BYTE(gl, x))
					SET_DATA_BYTE(gl, x, mn);
			}
		}
	}
	pixDestroy(&solid);
	pixDestroy(&small);
	pixDestroy(&letters);
	pixDestroy(&runs);
	pixDestroy(&rows);
	pixDestroy(&near);
	pixDestroy(&line);
	pixDestroy(&band);
	pixDestroy(&type);
	pixDestroy(&wide);
}

/* The gray under which the darkest share of hist's pixels (total of them) lie; 256 when none. */
static int gray_level(NUMA *hist, l_float32 total, float share)
{
	l_float32 seen = 0, count = 0;
	int g = 0;
	for (; g < 256; g++) {
		if (numaGetFValue(hist, g, &count) == 0)
			seen += count;
		if (seen >= total * share)
			break;
	}
	return g;
}

/* norm, a background-normalized page (background near 200), with faint ink made dark: when its
 * darkest t->faint_share of pixels (so few that a sparse page's ink still fills them) are all
 * lighter than t->faint_ink, the grays from the level of the darkest t->faint_map_share (where
 * the body of the ink sits) to the background are stretched to 0..255; else norm is returned as
 * it is. Sauvola and a plain threshold both lose ink that never gets darker than mid-gray. Takes
 * norm; NULL only when norm is NULL. */
static PIX *stretch_faint(const ocr_tuning *t, PIX *norm)
{
	NUMA *hist = norm ? pixGetGrayHistogram(norm, 1) : NULL;
	l_float32 total = 0;
	int dark = 0, body = 0;
	if (hist && numaGetSum(hist, &total) == 0) {
		dark = gray_level(hist, total, t->faint_share);
		body = gray_level(hist, total, t->faint_map_share);
	}
	numaDestroy(&hist);
	if (dark <= t->faint_ink || body >= 190)
		return norm;
	PIX *stretched = pixGammaTRC(NULL, norm, 1.0f, body, 200);
	if (!stretched)
		return norm;
	pixDestroy(&norm);
	return stretched;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

/* The height of the page's letters in pixels of gray: the 3rd quartile of the heights of the
 * letter-like components that stand in words (at least 3 pixels high, at most 3 times as wide as high, under 1/30
 * of the page) of a thresholded copy, which is about the height of a letter with an ascender
 * (loose tone marks and dots are the low quarter). Large pages are measured at half size. 0 when
 * the page has fewer than min_comps such components. */
static int letter_height(const ocr_tuning *t, PIX *gray)
{
	int half = pixGetWidth(gray) > 1600 && pixGetHeight(gray) > 1600;
	PIX *small = half ? pixScaleAreaMap2(gray) : pixClone(gray);
	PIX *norm = small ? stretch_faint(t, pixBackgroundNormSimple(small, NULL, NULL)) : NULL;
	PIX *ink = norm ? pixThresholdToBinary(norm, 150) : NULL;
	/* letters stand in words: ink joined across gaps of a few pixels into runs at least twice as
	 * wide as high; specks of dust alone stay out */
	PIX *joined = ink ? pixCloseBrick(NULL, ink, 7, 1) : NULL;
	PIX *runs = joined ? pixSelectByWidthHeightRatio(joined, 2.0f, 8, L_SELECT_IF_GTE, NULL) : NULL;
	PIX *bin = runs ? pixAnd(NULL, ink, runs) : NULL;
	pixDestroy(&ink);
	pixDestroy(&joined);
	pixDestroy(&runs);
	BOXA *boxes = bin ? pixConnCompBB(bin, 8) : NULL;
	int n = boxes ? boxaGetCount(boxes) : 0, m = 0, hq = 0;
	int *h = n ? malloc((size_t)n * sizeof *h) : NULL;
	int ph = bin ? pixGetHeight(bin) : 0;
	for (int i = 0; h && i < n; i++) {
		l_int32 x, y, bw, bh;
		if (boxaGetBoxGeometry(boxes, i, &x, &y, &bw, &bh) == 0 && bh >= 3 && bw <= 3 * bh && bh < ph / 30)
			h[m++] = bh;
	}
	if (h && m >= t->text_min_comps) {
		qsort(h, (size_t)m, sizeof *h, cmp_int);
		hq = h[3 * m / 4] * (half ? 2 : 1);
	}
	free(h);
	boxaDestroy(&boxes);
	pixDestroy(&bin);
	pixDestroy(&norm);
	pixDestroy(&small);
	return hq;
}

/* The factor by which a gray page was enlarged by repeating pixels along direction (dx, dy) (1, 0
 * along rows, 0, 1 down columns): a page image of 100 ppi in a PDF rendered at 300 dpi comes in
 * blocks of 3x3 equal pixels, whose stair-stepped letters, blown up three times, bound to lose
 * strokes in Sauvola and read worse than bare Tesseract did. In a repeated raster the gray
 * changes only every k pixels: k (2..6) when at least 9 in 10 of the gaps between one change
 * and the next along a line (every 4th line, at least 1000 gaps) are multiples of k; 1 otherwise
 * (a scan at its own resolution, a 1-bit page). Gaps, not positions: a zoom a hair off 3 (829
 * pixels to 2484) slips a block now and then. */
static int repeat_factor(PIX *gray, int dx, int dy)
{
	enum { KMAX = 6 };
	int w = pixGetWidth(gray), h = pixGetHeight(gray), wpl = pixGetWpl(gray);
	l_uint32 *data = pixGetData(gray);
	long whole[KMAX + 1] = {0}, n = 0;
	int lines = dx ? h : w, len = dx ? w : h;
	for (int i = 0; i < lines; i += 4)
		for (int j = 1, last = -1; j < len; j++) {
			int x = dx ? j : i, y = dx ? i : j;
			l_uint32 *line = data + (size_t)y * (size_t)wpl, *prev = data + (size_t)(y - dy) * (size_t)wpl;
			if (GET_DATA_BYTE(line, x) == GET_DATA_BYTE(prev, x - dx))
				continue;
			if (last >= 0) {
				n++;
				for (int k = 2; k <= KMAX; k++)
					whole[k] += (j - last) % k == 0;
			}
			last = j;
		}
	if (n < 1000)
		return 1;
	for (int k = KMAX; k >= 2; k--)
		if (whole[k] * 10 >= n * 9)
			return k;
	return 1;
}

PIX *ocr_prep_gray(const ocr_tuning *t, const ingest_raster *r, ocr_scale *sc)
{
	int dpi = r->dpi > 0 ? r->dpi : 300;
	*sc = (ocr_scale){1.0f, dpi, 0, 1};
	if (!r->samples || r->w <= 0 || r->h <= 0 || (r->n != 1 && r->n != 3))
		return NULL;
	PIX *pix = pixCreate(r->w, r->h, 8);
	if (!pix)
		return NULL;
	/* the non-red coloured ink, for colour_strokes */
	PIX *mask = r->n == 3 ? pixCreate(r->w, r->h, 1) : NULL;
	l_uint32 *data = pixGetData(pix), *md = mask ? pixGetData(mask) : NULL;
	int wpl = pixGetWpl(pix), mwpl = mask ? pixGetWpl(mask) : 0, coloured = 0;
	long chroma = 0;
	for (int y = 0; y < r->h; y++) {
		const unsigned char *s = r->samples + (size_t)y * (size_t)r->stride;
		l_uint32 *line = data + (size_t)y * (size_t)wpl;
		if (r->n == 1) {
			for (int x = 0; x < r->w; x++)
				SET_DATA_BYTE(line, x, s[x]);
			continue;
		}
		for (int x = 0; x < r->w; x++, s += 3) {
			SET_DATA_BYTE(line, x, rgb_gray(s));
			int mx = s[0] > s[1] ? s[0] : s[1], mn = s[0] < s[1] ? s[0] : s[1];
			mx = mx > s[2] ? mx : s[2], mn = mn < s[2] ? mn : s[2];
			chroma += mx - mn >= t->stroke_chroma;
			if (md && mx - mn >= t->stroke_chroma && s[0] != mx) { /* red went white in rgb_gray already */
				SET_DATA_BIT(md + (size_t)y * (size_t)mwpl, x);
				coloured = 1;
			}
		}
	}
	sc->colour = chroma >= (long)(dpi / 10) * (dpi / 10);
	/* letters under text_small_px high (a page photo, a scan under ~200 dpi, an image with no
	 * resolution taken as 300 dpi): the text's own resolution says how big a pen stroke is, and
	 * the page is enlarged so its letters are text_px high, as at 300 dpi */
	int hq = letter_height(t, pix);
	if (hq > 0 && hq < t->text_small_px)
		sc->dpi = 300 * hq / t->text_px;
	if (coloured) {
		colour_type(t, mask, pix, r, sc->dpi);
		colour_strokes(t, mask, pix, sc->dpi);
	}
	pixDestroy(&mask);
	/* a raster enlarged by repeating pixels (kx by ky) goes back to its own pixels first, whose
	 * letters are then enlarged smoothly to text_px high, not past the raster's size */
	int kx = hq > 0 ? repeat_factor(pix, 1, 0) : 1, ky = hq > 0 ? repeat_factor(pix, 0, 1) : 1;
	float down = 1.0f, most = sqrtf((float)t->text_max_pixels / ((float)r->w * (float)r->h));
	if (kx > 1 && kx == ky) {
		PIX *own = pixScaleBySampling(pix, 1.0f / (float)kx, 1.0f / (float)kx);
		if (own) {
			pixDestroy(&pix);
			pix = own;
			sc->repeat = kx;
			down = 1.0f / (float)kx;
			hq /= kx;
			sc->dpi /= kx;
			most *= (float)kx;
		}
	}
	float up = 1.0f;
	if (hq > 0 && (hq < t->text_small_px || down < 1.0f)) {
		up = fminf(fminf((float)t->text_px / (float)hq, t->text_max_scale), most);
		up = down < 1.0f ? fminf(up, 1.0f / down) : up;
		up = up < 1.0f ? 1.0f : up;
		sc->dpi = down < 1.0f && hq >= t->text_small_px ? sc->dpi : 300 * hq / t->text_px;
	}
	sc->scale = down * up;
	if (up > 1.0f) {
		PIX *big = pixScaleGrayLI(pix, up, up);
		if (big) {
			pixDestroy(&pix);
			pix = big;
			sc->dpi = (int)lroundf((float)sc->dpi * up);
		} else {
			sc->scale = down;
		}
	}
	pixSetResolution(pix, sc->dpi, sc->dpi);
	return pix;
}

/* ---- orientation and skew ---- */

/* Which clockwise quarter turns bring the text upright. Leptonica's ascender/descender count
 * (fast, on a copy near 150 dpi) settles the common case of an upright page; when it is not
 * sure, osd (Tesseract) decides, and Leptonica's guess is the fallback. *sure is 0 when neither
 * Leptonica said upright nor osd answered with at least osd_sure_conf. */
static int detect_quads(const ocr_tuning *t, PIX *pixb, int dpi, ocr_osd_fn osd, void *arg, int *sure)
{
	PIX *small = dpi >= 250 ? pixReduceRankBinaryCascade(pixb, 1, 0, 0, 0) : pixClone(pixb);
	l_float32 upconf = 0, leftconf = 0;
	l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
	if (small && pixOrientDetect(small, &upconf, &leftconf, 0, 0) == 0)
		makeOrientDecision(upconf, leftconf, 0.0f, 0.0f, &orient, 0);
	pixDestroy(&small);
	*sure = 1;
	if (orient == L_TEXT_ORIENT_UP)
		return 0;
	float conf = 0;
	int q = osd(arg, pixb, dpi, &conf);
	*sure = q >= 0 && conf >= t->osd_sure_conf;
	if (q >= 0)
		return q;
	switch (orient) {
	case L_TEXT_ORIENT_LEFT: return 1;
	case L_TEXT_ORIENT_DOWN: return 2;
	case L_TEXT_ORIENT_RIGHT: return 3;
	default: return 0;
	}
}

/* The page's skew in degrees (the clockwise turn pixRotate gives to level it), or 0 when too
 * small or when it cannot be told. Measured on a thresholded copy without the specks and salt
 * noise of a dusty scan (components under 1/skew_speck_div inch either way): on a sparse page
 * (a signature page of a few lines) they drown the text lines and Leptonica's confidence falls
 * under the bar, so the page went to Tesseract still skewed and its lines ran into each other. */
static float find_skew(const ocr_tuning *t, PIX *norm, int dpi)
{
	PIX *bin = pixThresholdToBinary(norm, 130);
	if (!bin)
		return 0;
	int min = dpi / t->skew_speck_div > 2 ? dpi / t->skew_speck_div : 2;
	PIX *big = pixSelectBySize(bin, min, min, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
	if (big) {
		pixDestroy(&bin);
		bin = big;
	}
	l_float32 angle = 0, conf = 0;
	/* Leptonica's deskew defaults: sweep +-7 degrees at 1/4 size, binary search at 1/2 */
	int bad = pixFindSkewSweepAndSearch(bin, &angle, &conf, 4, 2, 7.0f, 1.0f, 0.01f) != 0;
	pixDestroy(&bin);
	if (bad || conf < t->skew_min_conf || fabsf(angle) < t->skew_min_deg)
		return 0;
	return angle;
}

/* Background normalization, orientation (quads clockwise quarter turns, or detected when
 * negative) and deskew: the gray page upright and level, g filled. NULL when out of memory. */
static PIX *level_page(const ocr_tuning *t, PIX *pixg, int dpi, int quads, ocr_osd_fn osd, void *arg,
		       ocr_geom *g)
{
	g->quads = quads > 0 ? quads % 4 : 0, g->angle = 0, g->sure = 1;
	PIX *norm = pixBackgroundNormSimple(pixg, NULL, NULL);
	norm = norm ? stretch_faint(t, norm) : pixClone(pixg);
	/* a plain threshold is enough to count ascenders on the normalized page (background ~200)
	 * and costs a tenth of Sauvola */
	PIX *pixb = quads < 0 ? pixThresholdToBinary(norm, 150) : NULL;
	if (pixb) {
		g->quads = detect_quads(t, pixb, dpi, osd, arg, &g->sure);
		pixDestroy(&pixb);
	}
	if (g->quads) {
		PIX *rot = pixRotateOrth(norm, g->quads);
		if (rot) {
			pixDestroy(&norm);
			norm = rot;
		} else {
			g->quads = 0;
		}
	}
	g->rw = pixGetWidth(norm), g->rh = pixGetHeight(norm);
	float angle = find_skew(t, norm, dpi);
	if (angle != 0) {
		PIX *desk = pixRotate(norm, (l_float32)(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
		if (desk) {
			g->angle = angle;
			pixDestroy(&norm);
			norm = desk;
		}
	}
	return norm;
}

void ocr_prep_box(const ocr_geom *g, double dpi, double l, double t, double r, double b, float *x0, float *y0,
		  float *x1, float *y1)
{
	double px[4] = {l, r, l, r}, py[4] = {t, t, b, b};
	double minx = 1e30, miny = 1e30, maxx = -1e30, maxy = -1e30;
	double a = -g->angle * M_PI / 180.0, cx = g->rw / 2.0, cy = g->rh / 2.0;
	for (int i = 0; i < 4; i++) { /* undo the clockwise deskew about the centre */
		double dx = px[i] - cx, dy = py[i] - cy;
		double x = cx + dx * cos(a) - dy * sin(a), y = cy + dx * sin(a) + dy * cos(a);
		minx = fmin(minx, x), maxx = fmax(maxx, x);
		miny = fmin(miny, y), maxy = fmax(maxy, y);
	}
	minx = fmax(0, minx), miny = fmax(0, miny);
	maxx = fmin(g->rw, maxx), maxy = fmin(g->rh, maxy);
	double k = 72.0 / dpi;
	*x0 = (float)(minx * k), *y0 = (float)(miny * k);
	*x1 = (float)(maxx * k), *y1 = (float)(maxy * k);
}

/* ---- binarization and cleaning ---- */

/* Sauvola in tiles of at most sauvola_tile pixels a side; a fixed threshold if that fails. */
static PIX *binarize(const ocr_tuning *t, PIX *gray)
{
	PIX *pixb = NULL;
	int w = pixGetWidth(gray), h = pixGetHeight(gray);
	int nx = (w + t->sauvola_tile - 1) / t->sauvola_tile, ny = (h + t->sauvola_tile - 1) / t->sauvola_tile;
	if (pixSauvolaBinarizeTiled(gray, t->sauvola_half_window, t->sauvola_k, nx, ny, NULL, &pixb) != 0)
		return pixConvertTo1(gray, 160);
	return pixb;
}

/* One Otsu threshold over the whole page; a fixed threshold if that fails. Sauvola's small window
 * hollows thick, low-contrast strokes (a low-resolution page image enlarged four times). */
static PIX *binarize_global(PIX *gray)
{
	PIX *pixb = NULL;
	if (pixOtsuAdaptiveThreshold(gray, pixGetWidth(gray), pixGetHeight(gray), 0, 0, 0.1f, NULL, &pixb) != 0)
		return pixConvertTo1(gray, 160);
	return pixb;
}

/* Remove ruling lines (table rules, long underlines) from a binarized page: runs of ink at least
 * 1/rule_div of the page's short side long, horizontal or vertical (opened with a one-pixel-thick
 * brick), widened by a pixel to take their ragged edges. Tesseract reads a rule touching a word as
 * '|', '[' or '{' glued to it ("Trước [ngày", "Theo Kế {hoạch"). NULL when the page is too small
 * or memory runs out. */
static PIX *remove_rules(const ocr_tuning *t, PIX *bin)
{
	int w = pixGetWidth(bin), h = pixGetHeight(bin);
	int len = (w < h ? w : h) / t->rule_div;
	if (len < 40)
		return NULL;
	PIX *hor = pixOpenBrick(NULL, bin, len, 1);
	PIX *ver = pixOpenBrick(NULL, bin, 1, len);
	PIX *rules = hor && ver ? pixOr(NULL, hor, ver) : NULL;
	PIX *mask = rules ? pixDilateBrick(NULL, rules, 3, 3) : NULL;
	PIX *out = mask ? pixSubtract(NULL, bin, mask) : NULL;
	pixDestroy(&hor);
	pixDestroy(&ver);
	pixDestroy(&rules);
	pixDestroy(&mask);
	return out;
}

/* Remove isolated specks from a binarized page: components under 1/speck_div inch both ways
 * (salt noise, dust) farther than 1/speck_reach_div inch from any larger ink. Tesseract reads
 * such specks as stray '.', ',' or accents, and between columns they join the columns' lines.
 * Marks of the text (dots, tone marks, commas) sit within that distance of their letters and
 * stay. NULL when out of memory. */
static PIX *despeckle(const ocr_tuning *t, PIX *bin, int dpi)
{
	int size = dpi / t->speck_div > 2 ? dpi / t->speck_div : 2;
	int reach = dpi / t->speck_reach_div > 3 ? dpi / t->speck_reach_div : 3;
	PIX *small = pixSelectBySize(bin, size, size, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LT, NULL);
	PIX *big = small ? pixSubtract(NULL, bin, small) : NULL;
	PIX *near = big ? pixDilateBrick(NULL, big, 2 * reach + 1, 2 * reach + 1) : NULL;
	PIX *seed = near ? pixAnd(NULL, small, near) : NULL;
	PIX *keep = seed ? pixSeedfillBinary(NULL, seed, small, 8) : NULL;
	PIX *drop = keep ? pixSubtract(NULL, small, keep) : NULL;
	PIX *out = drop ? pixSubtract(NULL, bin, drop) : NULL;
	pixDestroy(&small);
	pixDestroy(&big);
	pixDestroy(&near);
	pixDestroy(&seed);
	pixDestroy(&keep);
	pixDestroy(&drop);
	return out;
}

PIX *ocr_prep_read(const ocr_tuning *t, PIX *bin, int dpi)
{
	if (pixGetDepth(bin) != 1)
		return NULL;
	int big = dpi / t->pen_div;
	PIX *large = pixSelectBySize(bin, big, big, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
	PIX *strokes = large ? pixSelectByAreaFraction(large, t->stroke_fill, 8, L_SELECT_IF_LT, NULL) : NULL;
	l_int32 none = 1;
	if (strokes)
		pixZero(strokes, &none);
	PIX *wide = strokes && !none ? pixDilateBrick(NULL, strokes, 3, 3) : NULL;
	PIX *read = wide ? pixSubtract(NULL, bin, wide) : NULL;
	if (read)
		pixCopyResolution(read, bin);
	pixDestroy(&large);
	pixDestroy(&strokes);
	pixDestroy(&wide);
	return read;
}

/* *pix replaced by clean when there is one. */
static void replace(PIX **pix, PIX *clean)
{
	if (clean) {
		pixDestroy(pix);
		*pix = clean;
	}
}

PIX *ocr_prep_page(const ocr_tuning *t, PIX *pixg, int dpi, int quads, ocr_ink ink, ocr_osd_fn osd, void *arg,
		   ocr_geom *g)
{
	PIX *norm = level_page(t, pixg, dpi, quads, osd, arg, g);
	if (!norm)
		return NULL;
	pixSetResolution(norm, dpi, dpi);
	if (ink == OCR_INK_GRAY)
		return norm;
	PIX *bin = ink == OCR_INK_OTSU ? binarize_global(norm) : binarize(t, norm);
	if (!bin)
		return norm;
	pixDestroy(&norm);
	replace(&bin, remove_rules(t, bin));
	replace(&bin, despeckle(t, bin, dpi));
	pixSetResolution(bin, dpi, dpi);
	return bin;
}

/* ---- words ---- */

static int column_ink(l_uint32 *data, int wpl, int x, int t, int b)
{
	for (int y = t; y < b; y++)
		if (GET_DATA_BIT(data + (size_t)y * (size_t)wpl, x))
			return 1;
	return 0;
}

/* Tesseract's LSTM gives word boxes only roughly: a 'Y' of 35 pixels boxed in 18, so "Sở Y tế"
 * showed a gap wide enough for the layout to split the line there. Each word's left and right
 * edges are moved out over ink columns of bin (1 bpp) within the word's rows, up to half a line
 * height and never past the middle of the gap to its neighbour on the line. */
void ocr_prep_snap_words(PIX *bin, ocr_word *w, size_t n)
{
	if (!bin || pixGetDepth(bin) != 1)
		return;
	int iw = pixGetWidth(bin), ih = pixGetHeight(bin), wpl = pixGetWpl(bin);
	l_uint32 *data = pixGetData(bin);
	for (size_t i = 0; i < n; i++) {
		int lim = (w[i].lh > 0 ? w[i].lh : w[i].b - w[i].t) / 2;
		int t = w[i].t > 0 ? w[i].t : 0, b = w[i].b < ih ? w[i].b : ih; /* rows t..b-1 */
		int lo = w[i].l - lim, hi = w[i].r + lim;
		if (i > 0 && w[i - 1].line == w[i].line && w[i - 1].r <= w[i].l)
			lo = lo > (w[i - 1].r + w[i].l) / 2 ? lo : (w[i - 1].r + w[i].l) / 2;
		if (i + 1 < n && w[i + 1].line == w[i].line && w[i].r <= w[i + 1].l)
			hi = hi < (w[i].r + w[i + 1].l) / 2 ? hi : (w[i].r + w[i + 1].l) / 2;
		lo = lo > 0 ? lo : 0, hi = hi < iw - 1 ? hi : iw - 1;
		if (t >= b)
			continue;
		int l = w[i].l, r = w[i].r; /* columns l..r-1 */
		while (l - 1 >= lo && column_ink(data, wpl, l - 1, t, b))
			l--;
		while (r < hi && column_ink(data, wpl, r, t, b))
			r++;
		w[i].l = l, w[i].r = r;
	}
}

/* ---- stamp frames ---- */

/* 1 if bit (x, y) of a 1 bpp image is ink. */
static int ink_at(const l_uint32 *data, int wpl, int x, int y)
{
	return GET_DATA_BIT(data + (size_t)y * (size_t)wpl, x) != 0;
}

/* The index of the largest of a[lo..hi). */
static int peak(const int *a, int lo, int hi)
{
	int best = lo;
	for (int i = lo; i < hi; i++)
		if (a[i] > a[best])
			best = i;
	return best;
}

/* 1 if the component mask m (1 bpp, its bounding box) holds a closed rectangular frame, and its
 * sides in f {x0, y0, x1, y1} (pixels of m): each side on the row or column of most ink in the
 * outer third of m (a letter of the text or a stroke of handwriting touching the frame widens
 * m's box but not the frame), ink along nine tenths of each side, the inside almost empty, no
 * rule down the inside (the grid of a table) and at most one across it (the rule under a
 * stamp's heading). */
static int is_frame(PIX *m, int f[4])
{
	int w = pixGetWidth(m), h = pixGetHeight(m), wpl = pixGetWpl(m);
	const l_uint32 *d = pixGetData(m);
	int *row = calloc((size_t)h, sizeof *row), *col = calloc((size_t)w, sizeof *col);
	if (!row || !col || w < 3 || h < 3) {
		free(row), free(col);
		return 0;
	}
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			if (ink_at(d, wpl, x, y))
				row[y]++, col[x]++;
	int x0 = peak(col, 0, w / 3), x1 = peak(col, w - w / 3, w);
	int y0 = peak(row, 0, h / 3), y1 = peak(row, h - h / 3, h);
	free(row), free(col);
	int fw = x1 - x0 + 1, fh = y1 - y0 + 1;
	int t = (fw < fh ? fw : fh) / 12;
	t = t < 2 ? 2 : t;
	if (fw <= 4 * t || fh <= 4 * t)
		return 0;
	int side[4] = {0, 0, 0, 0}; /* top, bottom, left, right: ink within t/2 of the side's line */
	for (int x = x0; x <= x1; x++) {
		int top = 0, bot = 0;
		for (int y = -t / 2; y <= t / 2 && !(top && bot); y++) {
			top |= y0 + y >= 0 && y0 + y < h && ink_at(d, wpl, x, y0 + y);
			bot |= y1 + y >= 0 && y1 + y < h && ink_at(d, wpl, x, y1 + y);
		}
		side[0] += top, side[1] += bot;
	}
	for (int y = y0; y <= y1; y++) {
		int lft = 0, rgt = 0;
		for (int x = -t / 2; x <= t / 2 && !(lft && rgt); x++) {
			lft |= x0 + x >= 0 && x0 + x < w && ink_at(d, wpl, x0 + x, y);
			rgt |= x1 + x >= 0 && x1 + x < w && ink_at(d, wpl, x1 + x, y);
		}
		side[2] += lft, side[3] += rgt;
	}
	for (int i = 0; i < 4; i++)
		if (side[i] * 10 < (i < 2 ? fw : fh) * 9)
			return 0;
	/* the inside: t in from each side */
	long fill = 0;
	int iw = fw - 2 * t, ih = fh - 2 * t, across = 0, in_rule = 0;
	for (int y = y0 + t; y <= y1 - t; y++) {
		int run = 0;
		for (int x = x0 + t; x <= x1 - t; x++)
			run += ink_at(d, wpl, x, y);
		fill += run;
		int rule = run * 10 >= iw * 8;
		across += rule && !in_rule;
		in_rule = rule;
	}
	if (across > 1 || fill * 6 > (long)iw * ih)
		return 0;
	for (int x = x0 + t; x <= x1 - t; x++) {
		int run = 0;
		for (int y = y0 + t; y <= y1 - t; y++)
			run += ink_at(d, wpl, x, y);
		if (run * 10 >= ih * 8)
			return 0;
	}
	f[0] = x0, f[1] = y0, f[2] = x1 + 1, f[3] = y1 + 1;
	return 1;
}

/* The raster's darkest channel: ink of any colour (black print, a violet or blue stamp's frame,
 * which the OCR's gray turns light or removes as a pen stroke) stays dark. */
static PIX *darkest_gray(const ingest_raster *r)
{
	if (!r->samples || r->w <= 0 || r->h <= 0 || (r->n != 1 && r->n != 3))
		return NULL;
	PIX *pix = pixCreate(r->w, r->h, 8);
	if (!pix)
		return NULL;
	l_uint32 *data = pixGetData(pix);
	int wpl = pixGetWpl(pix);
	for (int y = 0; y < r->h; y++) {
		const unsigned char *s = r->samples + (size_t)y * (size_t)r->stride;
		l_uint32 *line = data + (size_t)y * (size_t)wpl;
		for (int x = 0; x < r->w; x++, s += r->n) {
			unsigned v = s[0];
			if (r->n == 3) {
				v = v < s[1] ? v : s[1];
				v = v < s[2] ? v : s[2];
			}
			SET_DATA_BYTE(line, x, v);
		}
	}
	return pix;
}

int ocr_prep_frames(const ingest_raster *r, int quads, float page_w, float page_h, float (*box)[4], int max)
{
	if (max <= 0)
		return 0;
	PIX *g8 = darkest_gray(r);
	PIX *bin = g8 ? pixConvertTo1(g8, 160) : NULL;
	pixDestroy(&g8);
	if (!bin)
		return 0;
	int W = pixGetWidth(bin), H = pixGetHeight(bin), side = W < H ? W : H;
	PIX *big = pixSelectBySize(bin, side / 12, side / 60, 8, L_SELECT_IF_BOTH, L_SELECT_IF_GTE, NULL);
	pixDestroy(&bin);
	PIXA *pixa = NULL;
	BOXA *boxa = big ? pixConnComp(big, &pixa, 8) : NULL;
	pixDestroy(&big);
	/* points per pixel of the upright page */
	double kx = page_w / (quads % 2 ? H : W), ky = page_h / (quads % 2 ? W : H);
	int n = 0, nb = boxa ? boxaGetCount(boxa) : 0;
	for (int i = 0; i < nb && n < max; i++) {
		l_int32 x, y, w, h;
		if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) != 0 || w > side / 2 || h > side / 3)
			continue;
		PIX *m = pixaGetPix(pixa, i, L_CLONE);
		int f[4];
		int frame = m && is_frame(m, f);
		pixDestroy(&m);
		if (!frame)
			continue;
		/* the frame in the upright page: quads clockwise quarter turns */
		double x0 = x + f[0], y0 = y + f[1], x1 = x + f[2], y1 = y + f[3], u0, v0, u1, v1;
		switch (quads & 3) {
		case 1: u0 = H - y1, v0 = x0, u1 = H - y0, v1 = x1; break;
		case 2: u0 = W - x1, v0 = H - y1, u1 = W - x0, v1 = H - y0; break;
		case 3: u0 = y0, v0 = W - x1, u1 = y1, v1 = W - x0; break;
		default: u0 = x0, v0 = y0, u1 = x1, v1 = y1; break;
		}
		box[n][0] = (float)(u0 * kx), box[n][1] = (float)(v0 * ky);
		box[n][2] = (float)(u1 * kx), box[n][3] = (float)(v1 * ky);
		n++;
	}
	pixaDestroy(&pixa);
	boxaDestroy(&boxa);
	return n;
}

/* The page's body text size in pixels: the median height of Tesseract's lines over 1.3 (line
 * boxes span accents and descenders), one vote per line; 0 when unknown. */
float ocr_words_em(const ocr_word *w, size_t n)
{
	int *h = malloc((n + 1) * sizeof *h);
	size_t m = 0;
	if (!h)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i].lh > 0 && (i == 0 || w[i].line != w[i - 1].line))
			h[m++] = w[i].lh;
	qsort(h, m, sizeof *h, cmp_int);
	float em = m ? h[m / 2] / 1.3f : 0;
	free(h);
	return em;
}

/* The words as glyphs for ingest_layout (points, k points per pixel): one fragment per
 * Tesseract line, its letters spread evenly over each word, a space at each word break. Word
 * boxes run from the line's baseline by the page's text size em, so every word of a size sits
 * in boxes of one height and rows of a table line up whatever their letters and accents
 * (Tesseract's own boxes when em or the baseline is unknown). gl and cps have room for every
 * character and word break; returns the glyph count. */
size_t ocr_words_to_glyphs(const ocr_word *w, size_t nw, double k, float em, ingest_glyph *gl, uint32_t *cps)
{
	size_t ng = 0;
	for (size_t i = 0; i < nw; i++) {
		const ocr_word *x = &w[i];
		/* Tesseract's line box spans accents and descenders: about 1.3 em */
		float size = (float)(fmax(x->lh, x->b - x->t) * k / 1.3);
		float y0 = (float)(x->t * k), y1 = (float)(x->b * k);
		if (em > 0 && x->base >= 0) {
			y0 = (float)((x->base - 0.95f * em) * k);
			y1 = (float)((x->base + 0.3f * em) * k);
		}
		if (i > 0 && w[i - 1].line == x->line) { /* Tesseract's word break, even where boxes touch */
			int a = w[i - 1].r < x->l ? w[i - 1].r : x->l, b = w[i - 1].r < x->l ? x->l : w[i - 1].r;
			gl[ng++] = (ingest_glyph){' ', (float)(a * k), y0, (float)(b * k), y1, size, NULL, x->line};
		}
		size_t len = strlen(x->text), nc = 0;
		for (size_t j = 0; j < len;)
			j += sohoa_utf8_decode(x->text + j, len - j, &cps[nc++]);
		for (size_t c = 0; c < nc; c++) {
			double a = x->l + (double)(x->r - x->l) * c / nc, b = x->l + (double)(x->r - x->l) * (c + 1) / nc;
			gl[ng++] = (ingest_glyph){cps[c], (float)(a * k), y0, (float)(b * k), y1, size, NULL, x->line};
		}
	}
	return ng;
}

/* ---- stamps and notes ---- */

/* 1 if the centre of word x (prepared image pixels) lies in box b (points, upright page) widened
 * by a point, as stamp.c takes it. */
static int word_in_box(const ocr_geom *g, double dpi, const ocr_word *x, const float *b)
{
	float x0, y0, x1, y1;
	ocr_prep_box(g, dpi, x->l, x->t, x->r, x->b, &x0, &y0, &x1, &y1);
	float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
	return cx >= b[0] - 1 && cx <= b[2] + 1 && cy >= b[1] - 1 && cy <= b[3] + 1;
}

size_t ocr_prep_split_notes(const ocr_geom *g, double dpi, const ocr_notes *notes, ocr_word *w, size_t n)
{
	unsigned char *in = n ? calloc(n, 1) : NULL;
	ocr_word *tmp = n ? malloc(n * sizeof *tmp) : NULL;
	size_t out = 0;
	if (!in || !tmp) {
		free(in);
		free(tmp);
		return n; /* out of memory: every word stays with the text */
	}
	for (int k = 0; k < notes->n; k++) {
		/* the box's lines: Tesseract's line numbers of its words, which come in line order */
		int lines = 0, last = -1;
		for (size_t i = 0; i < n; i++)
			if (word_in_box(g, dpi, &w[i], notes->box[k]) && w[i].line != last)
				lines++, last = w[i].line;
		if (!lines || (notes->max_lines[k] > 0 && lines > notes->max_lines[k]))
			continue;
		for (size_t i = 0; i < n; i++)
			in[i] |= word_in_box(g, dpi, &w[i], notes->box[k]);
	}
	for (size_t i = 0; i < n; i++)
		if (!in[i])
			tmp[out++] = w[i];
	size_t rest = out;
	for (size_t i = 0; i < n; i++)
		if (in[i])
			tmp[rest++] = w[i];
	memcpy(w, tmp, n * sizeof *w);
	free(in);
	free(tmp);
	return out;
}

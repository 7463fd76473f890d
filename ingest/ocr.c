/* The Tesseract + Leptonica adapter: page rasters and image files in, positioned OCR lines out.
 * The only file that includes tesseract/capi.h and leptonica/allheaders.h. */
#include "ingest-int.h"
#include "layout.h"

#include <stdbool.h> /* capi.h uses bool */

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Give Tesseract the Sauvola-binarized page (0) or the background-normalized gray page (1).
 * Measured on the prose of the scanned samples (s000 clean/typical/hard, s002; 9332 characters of
 * truth, page images via pdfimages), two runs against two versions of the truth: binarized 290 and
 * 386 errors, normalized gray with Tesseract's Otsu 358 and 453; in the first run also gray with
 * Tesseract's Sauvola 359, raw gray 360, Leptonica Otsu in Tesseract 394. On the clean fixtures
 * gray was 2-5 errors better; the samples decide. */
#ifndef OCR_FEED_GRAY
#define OCR_FEED_GRAY 0
#endif

struct ingest_ocr {
	TessBaseAPI *api;
	TessBaseAPI *osd;   /* orientation detection, made on first need; NULL if unavailable */
	int osd_failed;     /* osd.traineddata could not be loaded: do not retry */
	char *datapath;     /* for the OSD engine, or NULL */
};

/* Tesseract's OpenMP teams. libgomp reads OMP_THREAD_LIMIT once, when it is loaded before main,
 * so setenv here is too late for this process, and Tesseract asks for teams of 4 with explicit
 * num_threads clauses that omp_set_num_threads cannot lower. With several pages read at once
 * those teams only fight over the cores (measured: 5x slower on 2 cores). So the two entry points
 * Tesseract calls are interposed here and start teams of one, unless the user set
 * OMP_THREAD_LIMIT in the environment, which libgomp then applies itself. */
typedef void (*gomp_parallel_fn)(void (*)(void *), void *, unsigned, unsigned);
typedef void (*gomp_sections_fn)(void (*)(void *), void *, unsigned, unsigned, unsigned);
static int omp_user_limit; /* the user set OMP_THREAD_LIMIT before the program started */
static gomp_parallel_fn gomp_parallel_real;
static gomp_sections_fn gomp_sections_real;

/* Runs before main (one thread, and before any setenv in the program could pass for the user's
 * choice): note the environment and find libgomp's entry points. */
__attribute__((constructor)) static void omp_interpose_init(void)
{
	omp_user_limit = getenv("OMP_THREAD_LIMIT") != NULL;
	gomp_parallel_real = (gomp_parallel_fn)dlsym(RTLD_NEXT, "GOMP_parallel");
	gomp_sections_real = (gomp_sections_fn)dlsym(RTLD_NEXT, "GOMP_parallel_sections");
}

static unsigned omp_team_size(unsigned asked)
{
	return omp_user_limit ? asked : 1;
}

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags);
void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags)
{
	if (gomp_parallel_real)
		gomp_parallel_real(fn, data, omp_team_size(num_threads), flags);
	else
		fn(data);
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
			    unsigned flags);
void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
			    unsigned flags)
{
	if (gomp_sections_real)
		gomp_sections_real(fn, data, omp_team_size(num_threads), count, flags);
}

static pthread_once_t ocr_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t ocr_init_lock = PTHREAD_MUTEX_INITIALIZER;

static void lept_quiet(const char *msg)
{
	(void)msg; /* library code never prints */
}

static void ocr_global_init(void)
{
	/* Page-level parallelism beats Tesseract's OpenMP threads on this hardware; the user may
	 * still override it from the environment. Must happen before the first engine. */
	setenv("OMP_THREAD_LIMIT", "1", 0);
	setMsgSeverity(L_SEVERITY_NONE);
	leptSetStderrHandler(lept_quiet);
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder Tesseract will search, when we can tell without asking it; NULL when it uses its
 * compiled-in default. */
static const char *tessdata_dir(const sohoa_ctx *ctx)
{
	if (ctx->opt.tessdata && *ctx->opt.tessdata)
		return ctx->opt.tessdata;
	const char *env = getenv("TESSDATA_PREFIX");
	return env && *env ? env : NULL;
}

/* Name the Debian package that installs a Tesseract language: chi_sim -> tesseract-ocr-chi-sim. */
static void lang_package(const char *lang, size_t n, char *out, size_t cap)
{
	size_t k = (size_t)snprintf(out, cap, "tesseract-ocr-");
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		out[k++] = lang[i] == '_' ? '-' : (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
	out[k < cap ? k : cap - 1] = '\0';
}

static sohoa_status missing_lang(sohoa_ctx *ctx, const char *lang, size_t n, const char *dir)
{
	char pkg[96];
	lang_package(lang, n, pkg, sizeof pkg);
	if (dir)
		return sohoa_error(ctx, SOHOA_ERR_MISSING,
				   "Tesseract language data '%.*s' not found in %s (install the Debian package %s)",
				   (int)n, lang, dir, pkg);
	return sohoa_error(ctx, SOHOA_ERR_MISSING,
			   "Tesseract language data '%.*s' not found (install the Debian package %s)", (int)n,
			   lang, pkg);
}

/* Check each language of "vie+eng" in dir before Tesseract tries (and prints its own error). */
static sohoa_status check_langs(sohoa_ctx *ctx, const char *langs, const char *dir)
{
	for (const char *p = langs; *p;) {
		size_t n = strcspn(p, "+");
		if (n == 0 || n > 64)
			return sohoa_error(ctx, SOHOA_ERR_USAGE, "bad --lang '%s'", langs);
		char path[4200];
		snprintf(path, sizeof path, "%s/%.*s.traineddata", dir, (int)n, p);
		if (!file_exists(path))
			return missing_lang(ctx, p, n, dir);
		p += n;
		if (*p == '+')
			p++;
	}
	return SOHOA_OK;
}

sohoa_status ingest_ocr_new(sohoa_ctx *ctx, ingest_ocr **out)
{
	*out = NULL;
	pthread_once(&ocr_once, ocr_global_init);
	const char *lang = ctx->opt.lang && *ctx->opt.lang ? ctx->opt.lang : "vie";
	const char *dir = tessdata_dir(ctx);
	if (dir) {
		sohoa_status st = check_langs(ctx, lang, dir);
		if (st != SOHOA_OK)
			return st;
	}
	ingest_ocr *ocr = calloc(1, sizeof *ocr);
	if (!ocr || !(ocr->api = TessBaseAPICreate())) {
		free(ocr);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory creating the OCR engine");
	}
	/* debug_file silences Tesseract's chatter ("Detected N diacritics", ...) on stderr. */
	char *names[] = {(char *)"debug_file"};
	char *values[] = {(char *)"/dev/null"};
	pthread_mutex_lock(&ocr_init_lock);
	int rc = TessBaseAPIInit4(ocr->api, dir, lang, OEM_DEFAULT, NULL, 0, names, values, 1, 0);
	pthread_mutex_unlock(&ocr_init_lock);
	if (rc != 0) {
		ingest_ocr_free(ocr);
		if (dir) { /* the files are there (checked above) but Tesseract refused them */
			char pkg[96] = "tesseract-ocr-<lang>";
			if (!strchr(lang, '+'))
				lang_package(lang, strlen(lang), pkg, sizeof pkg);
			return sohoa_error(ctx, SOHOA_ERR_MISSING,
					   "Tesseract cannot load language data '%s' from %s (corrupt or wrong version? "
					   "reinstall %s)", lang, dir, pkg);
		}
		if (!strchr(lang, '+'))
			return missing_lang(ctx, lang, strlen(lang), dir);
		return sohoa_error(ctx, SOHOA_ERR_MISSING,
				   "cannot load Tesseract language data '%s' (install tesseract-ocr-<lang> for each)",
				   lang);
	}
	TessBaseAPISetPageSegMode(ocr->api, PSM_AUTO);
	ocr->datapath = dir ? sohoa_strdup(dir) : NULL;
	*out = ocr;
	return SOHOA_OK;
}

void ingest_ocr_free(ingest_ocr *ocr)
{
	if (!ocr)
		return;
	if (ocr->api) {
		TessBaseAPIEnd(ocr->api);
		TessBaseAPIDelete(ocr->api);
	}
	if (ocr->osd) {
		TessBaseAPIEnd(ocr->osd);
		TessBaseAPIDelete(ocr->osd);
	}
	free(ocr->datapath);
	free(ocr);
}

/* Drop low-confidence words without a letter or digit (measured in the commit that added it). */
#ifndef OCR_DROP_NOISE
#define OCR_DROP_NOISE 1
#endif

/* ---- raster <-> PIX ---- */

/* Gray value of an RGB pixel for OCR. OCR_COLOR_GRAY 0: luminance. 1: the brightest channel, so
 * saturated colour (red stamps, blue signatures over the signer's name) turns light while black
 * and gray print stays dark. 2: as 1, and red also gains its chroma (brightest minus darkest
 * channel), which turns a stamp's red white even where blur and JPEG left it darker than the
 * paper, while black text printed under the stamp (dark in every channel) stays dark. Blue gets
 * no such push: a ballpoint's blue is as dark as navy print (0,0,127), which must stay readable;
 * long blue strokes go by their shape instead (colour_strokes). */
#ifndef OCR_COLOR_GRAY
#define OCR_COLOR_GRAY 2
#endif
static inline unsigned rgb_gray(const unsigned char *p)
{
	unsigned mx = p[0] > p[1] ? p[0] : p[1], mn = p[0] < p[1] ? p[0] : p[1];
	mx = mx > p[2] ? mx : p[2], mn = mn < p[2] ? mn : p[2];
	if (OCR_COLOR_GRAY == 2 && p[0] == mx)
		return mx + (mx - mn) > 255 ? 255 : mx + (mx - mn);
	if (OCR_COLOR_GRAY >= 1)
		return mx;
	return (77u * p[0] + 150u * p[1] + 29u * p[2]) >> 8;
}

/* Pen strokes: strongly coloured ink other than red (chroma at least 48) in connected pieces at
 * least a sixth of an inch long that fill under a fifth of their box turns white in gray, with a
 * pixel around it: a signature's loops. Coloured print keeps its letters and words, which fill
 * more of their box (navy print must stay: see rgb_gray). Measured on the signature pages of the
 * s000 scans (errors hard/typical/clean-200dpi, everything else on): without 33/12/8, with 10/5/5;
 * pieces a quarter inch both ways and any fill: 33/12/8; a third of an inch either way and any
 * fill: 10/9/5 but navy words of touching letters would go too. */
#ifndef OCR_COLOR_STROKES
#define OCR_COLOR_STROKES 1
#endif
#ifndef OCR_STROKE_FILL
#define OCR_STROKE_FILL 0.2f
#endif
#ifndef OCR_STROKE_DIV
#define OCR_STROKE_DIV 6
#endif
static void colour_strokes(PIX *mask, PIX *gray, int dpi)
{
	int big = dpi / OCR_STROKE_DIV;
	PIX *large = pixSelectBySize(mask, big, big, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
	PIX *strokes = large ? pixSelectByAreaFraction(large, OCR_STROKE_FILL, 8, L_SELECT_IF_LT, NULL) : NULL;
	PIX *wide = strokes ? pixDilateBrick(NULL, strokes, 3, 3) : NULL;
	if (wide)
		pixSetMasked(gray, wide, 255);
	pixDestroy(&large);
	pixDestroy(&strokes);
	pixDestroy(&wide);
}

/* An 8 bpp gray PIX from a gray or RGB raster, without temporary files. */
static PIX *pix_from_raster(const ingest_raster *r)
{
	if (!r->samples || r->w <= 0 || r->h <= 0 || (r->n != 1 && r->n != 3))
		return NULL;
	PIX *pix = pixCreate(r->w, r->h, 8);
	if (!pix)
		return NULL;
	/* the non-red coloured ink, for colour_strokes */
	PIX *mask = OCR_COLOR_STROKES && r->n == 3 ? pixCreate(r->w, r->h, 1) : NULL;
	l_uint32 *data = pixGetData(pix), *md = mask ? pixGetData(mask) : NULL;
	int wpl = pixGetWpl(pix), mwpl = mask ? pixGetWpl(mask) : 0, coloured = 0;
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
			if (md && mx - mn >= 48 && s[0] != mx) { /* red went white in rgb_gray already */
				SET_DATA_BIT(md + (size_t)y * (size_t)mwpl, x);
				coloured = 1;
			}
		}
	}
	int dpi = r->dpi > 0 ? r->dpi : 300;
	if (coloured)
		colour_strokes(mask, pix, dpi);
	pixDestroy(&mask);
	pixSetResolution(pix, dpi, dpi);
	return pix;
}

/* Copy an 8 bpp gray or 32 bpp RGB PIX into a new raster (samples malloc'd; n 1 or 3). */
static int raster_from_pix(PIX *pix, ingest_raster *r)
{
	int w = pixGetWidth(pix), h = pixGetHeight(pix), n = pixGetDepth(pix) == 32 ? 3 : 1;
	unsigned char *s = malloc((size_t)w * (size_t)h * (size_t)n);
	if (!s)
		return -1;
	l_uint32 *data = pixGetData(pix);
	int wpl = pixGetWpl(pix);
	for (int y = 0; y < h; y++) {
		l_uint32 *line = data + (size_t)y * (size_t)wpl;
		unsigned char *d = s + (size_t)y * (size_t)w * (size_t)n;
		if (n == 1) {
			for (int x = 0; x < w; x++)
				d[x] = (unsigned char)GET_DATA_BYTE(line, x);
		} else {
			for (int x = 0; x < w; x++, d += 3) {
				l_int32 rv, gv, bv;
				extractRGBValues(line[x], &rv, &gv, &bv);
				d[0] = (unsigned char)rv, d[1] = (unsigned char)gv, d[2] = (unsigned char)bv;
			}
		}
	}
	r->samples = s;
	r->w = w;
	r->h = h;
	r->n = n;
	r->stride = w * n;
	return 0;
}

/* ---- preprocessing ---- */

/* What preprocessing did to the page. Boxes are reported in the upright page (the raster after
 * the quarter turns, which readers and table rebuilding want) with the deskew undone. */
typedef struct ocr_geom {
	int quads;       /* clockwise quarter turns applied (0..3) */
	float angle;     /* deskew rotation applied after that, degrees, clockwise positive */
	int rw, rh;      /* size after the quarter turns */
} ocr_geom;

/* A box of the deskewed image back to the upright page, in points. */
static void geom_box(const ocr_geom *g, int dpi, double l, double t, double r, double b, float *x0, float *y0,
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

/* Tesseract's orientation detection (osd.traineddata) on a binarized page: clockwise quarter
 * turns that make the text upright, or -1 when it cannot tell. */
static int osd_quads(ingest_ocr *ocr, PIX *pixb, int dpi)
{
	if (!ocr->osd && !ocr->osd_failed) {
		const char *dir = ocr->datapath;
		char path[4200];
		snprintf(path, sizeof path, "%s/osd.traineddata", dir ? dir : "");
		char *names[] = {(char *)"debug_file"};
		char *values[] = {(char *)"/dev/null"};
		TessBaseAPI *api = (!dir || file_exists(path)) ? TessBaseAPICreate() : NULL;
		pthread_mutex_lock(&ocr_init_lock);
		int rc = api ? TessBaseAPIInit4(api, dir, "osd", OEM_TESSERACT_ONLY, NULL, 0, names, values, 1, 0) : -1;
		pthread_mutex_unlock(&ocr_init_lock);
		if (rc != 0) {
			if (api)
				TessBaseAPIDelete(api);
			ocr->osd_failed = 1;
			return -1;
		}
		TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY);
		ocr->osd = api;
	}
	if (!ocr->osd)
		return -1;
	TessBaseAPISetImage2(ocr->osd, pixb);
	TessBaseAPISetSourceResolution(ocr->osd, dpi);
	int deg = 0;
	float conf = 0, sconf = 0;
	const char *script = NULL;
	int ok = TessBaseAPIDetectOrientationScript(ocr->osd, &deg, &conf, &script, &sconf);
	TessBaseAPIClear(ocr->osd);
	if (!ok || conf < 2.0f) /* too few letters to tell: leave the page as it is */
		return -1;
	/* deg is how far the page is turned; turning it (360 - deg) clockwise undoes that */
	return ((360 - deg) % 360) / 90;
}

/* Which clockwise quarter turns bring the text upright. Leptonica's ascender/descender count
 * (fast, on a copy near 150 dpi) settles the common case of an upright page; when it is not
 * sure, Tesseract's OSD decides, and Leptonica's guess is the fallback. */
static int detect_quads(ingest_ocr *ocr, PIX *pixb, int dpi)
{
	PIX *small = dpi >= 250 ? pixReduceRankBinaryCascade(pixb, 1, 0, 0, 0) : pixClone(pixb);
	l_float32 upconf = 0, leftconf = 0;
	l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
	if (small && pixOrientDetect(small, &upconf, &leftconf, 0, 0) == 0)
		makeOrientDecision(upconf, leftconf, 0.0f, 0.0f, &orient, 0);
	pixDestroy(&small);
	if (orient == L_TEXT_ORIENT_UP)
		return 0;
	int q = osd_quads(ocr, pixb, dpi);
	if (q >= 0)
		return q;
	switch (orient) {
	case L_TEXT_ORIENT_LEFT: return 1;
	case L_TEXT_ORIENT_DOWN: return 2;
	case L_TEXT_ORIENT_RIGHT: return 3;
	default: return 0;
	}
}

static PIX *binarize(PIX *gray)
{
	PIX *pixb = NULL;
	int w = pixGetWidth(gray), h = pixGetHeight(gray);
	/* Sauvola in tiles of at most ~1000 px a side, window 25. k swept on the scanned samples
	 * (errors in 10695 truth characters): 0.25 1125, 0.35 1152, 0.40 1065, 0.45 1099, 0.50 1132;
	 * the fixtures and the two page-image samples read the same at 0.35-0.45 */
	int nx = (w + 999) / 1000, ny = (h + 999) / 1000;
	if (pixSauvolaBinarizeTiled(gray, 12, 0.40f, nx, ny, NULL, &pixb) != 0)
		return pixConvertTo1(gray, 160);
	return pixb;
}

/* Remove ruling lines (table rules, long underlines) from a binarized page before Tesseract reads
 * it: runs of ink at least 1/OCR_RULE_DIV of the page's short side long, horizontal or vertical
 * (opened with a one-pixel-thick brick), widened by a pixel to take their ragged edges. Tesseract
 * reads a rule touching a word as '|', '[' or '{' glued to it ("Trước [ngày", "Theo Kế {hoạch").
 * Measured (same run; table cells exact after pairing rows by text, tests/e2e/ocr_table_eval.py,
 * on s004-scan-typical + s003-scan-typical-p14; CER from bench/ocr-quality.sh):
 *   kept      39/54 cells, table-page CER 50.45%, prose CER unchanged
 *   DIV 10    40/54 cells, 50.36%, prose unchanged          <- used
 *   DIV 20    40/54 cells, 49.26%, prose unchanged, but a speck became a spurious s004 row, and
 *             before table.c accepted "PHỐIHỢP" it lost the whole s004 table (Tesseract's word
 *             spacing shifts once the cell walls are gone)
 *   DIV 6     32/54 cells.
 * A small gain that moves Tesseract's segmentation: OCR_REMOVE_RULES 0 turns it off. */
#ifndef OCR_REMOVE_RULES
#define OCR_REMOVE_RULES 1
#endif
#ifndef OCR_RULE_DIV
#define OCR_RULE_DIV 10
#endif
static PIX *remove_rules(PIX *bin)
{
	int w = pixGetWidth(bin), h = pixGetHeight(bin);
	int len = (w < h ? w : h) / OCR_RULE_DIV;
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

/* Remove isolated specks from a binarized page: components under 1/40 inch both ways (salt noise,
 * dust) farther than 1/25 inch from any larger ink. Tesseract reads such specks as stray '.', ','
 * or accents, and between columns they join the columns' lines. Marks of the text (dots, tone
 * marks, commas) sit within that distance of their letters and stay. Measured (bench/ocr-quality.sh
 * CER, committed samples, everything before it on): hard 4.08% -> 1.01%, typical 0.63% -> 0.50%,
 * turned 2.60% -> 2.29%, clean 0.42% same, table pages 50.36% -> 50.45%. NULL when out of memory. */
#ifndef OCR_DESPECKLE
#define OCR_DESPECKLE 1
#endif
static PIX *despeckle(PIX *bin, int dpi)
{
	int size = dpi / 40 > 2 ? dpi / 40 : 2, reach = dpi / 25 > 3 ? dpi / 25 : 3;
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

/* The page's skew in degrees (the clockwise turn pixRotate gives to level it), or 0 when under
 * 0.1 degrees or cannot be told. Measured on a thresholded copy without the specks and salt noise
 * of a dusty scan (components under 1/30 inch either way): on a sparse page (a signature page of a
 * few lines) they drown the text lines and Leptonica's confidence falls under its bar of 3, so the
 * page went to Tesseract still skewed by 2.8 degrees and its lines ran into each other. */
#ifndef OCR_SKEW_DESPECKLE
#define OCR_SKEW_DESPECKLE 1
#endif
static float find_skew(PIX *norm, int dpi)
{
	PIX *bin = pixThresholdToBinary(norm, 130);
	if (!bin)
		return 0;
	if (OCR_SKEW_DESPECKLE) {
		int min = dpi / 30 > 2 ? dpi / 30 : 2;
		PIX *big = pixSelectBySize(bin, min, min, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
		if (big) {
			pixDestroy(&bin);
			bin = big;
		}
	}
	l_float32 angle = 0, conf = 0;
	/* Leptonica's deskew defaults: sweep +-7 degrees at 1/4 size, binary search at 1/2 */
	int bad = pixFindSkewSweepAndSearch(bin, &angle, &conf, 4, 2, 7.0f, 1.0f, 0.01f) != 0;
	pixDestroy(&bin);
	if (bad || conf < 3.0f || fabsf(angle) < 0.1f)
		return 0;
	return angle;
}

/* Background normalization, orientation, deskew, binarization. Returns the image for Tesseract
 * (gray or binary, see OCR_FEED_GRAY) and fills geom. */
static PIX *preprocess(ingest_ocr *ocr, PIX *pixg, int dpi, ocr_geom *g)
{
	g->quads = 0, g->angle = 0;
	PIX *norm = pixBackgroundNormSimple(pixg, NULL, NULL);
	if (!norm)
		norm = pixClone(pixg);
	/* a plain threshold is enough to count ascenders on the normalized page (background ~200)
	 * and costs a tenth of Sauvola */
	PIX *pixb = pixThresholdToBinary(norm, 150);
	if (pixb) {
		g->quads = detect_quads(ocr, pixb, dpi);
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
	float angle = find_skew(norm, dpi);
	if (angle != 0) {
		PIX *desk = pixRotate(norm, (l_float32)(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
		if (desk) {
			g->angle = angle;
			pixDestroy(&norm);
			norm = desk;
		}
	}
	pixSetResolution(norm, dpi, dpi);
	if (OCR_FEED_GRAY)
		return norm;
	PIX *bin = binarize(norm);
	if (!bin)
		return norm;
	pixDestroy(&norm);
	if (OCR_REMOVE_RULES) {
		PIX *clean = remove_rules(bin);
		if (clean) {
			pixDestroy(&bin);
			bin = clean;
		}
	}
	if (OCR_DESPECKLE) {
		PIX *clean = despeckle(bin, dpi);
		if (clean) {
			pixDestroy(&bin);
			bin = clean;
		}
	}
	pixSetResolution(bin, dpi, dpi);
	return bin;
}

/* ---- recognition ---- */

static bool ocr_cancel(void *user, int words)
{
	(void)words;
	return sohoa_interrupted((const sohoa_ctx *)user) != 0;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A letter or digit of any script (Latin with Vietnamese, Greek, Cyrillic, CJK...), as opposed
 * to punctuation, symbols, modifier letters like U+02C6 and combining marks. */
static int is_wordish(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)
		return 0;
	if (c <= 0x24F || (c >= 0x370 && c <= 0x1FFF && !(c >= 0x2B0 && c <= 0x36F)))
		return 1;
	return c >= 0x3040 && !(c >= 0xFE00 && c <= 0xFE6F) && !(c >= 0xFF00 && c <= 0xFF20);
}

/* Speckles and rule fragments that Tesseract reads as words: white space only, or no letter or
 * digit at all with a low confidence or a box far smaller than any character of its line (w and
 * h relative to the line's height). A confident "-" (a list bullet) stays. */
static int is_noise(const char *w, float conf, float w_rel, float h_rel)
{
	size_t n = strlen(w);
	int wordish = 0, blank = 1;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(w + i, n - i, &c);
		if (c != ' ' && c != '\t' && c != 0xA0)
			blank = 0;
		if (is_wordish(c))
			wordish = 1;
	}
	return blank || (OCR_DROP_NOISE && !wordish && (conf < 60.0f || (w_rel < 0.15f && h_rel < 0.15f)));
}

/* Word boxes from the line's baseline and the page's text size (1), so every word of a size sits
 * in boxes of one height and rows of a table line up whatever their letters and accents; or
 * Tesseract's ink boxes (0), whose tops move with capitals and stacked Vietnamese marks. */
#ifndef OCR_BASELINE_BOXES
#define OCR_BASELINE_BOXES 1
#endif

/* One word as Tesseract read it, box in pixels of the deskewed image. */
typedef struct ocr_word {
	char *text;
	int l, t, r, b;
	float conf;
	int line;    /* Tesseract's text line */
	int lh;      /* that line's height in pixels */
	float base;  /* that line's baseline under the word's centre, or -1 if unknown */
} ocr_word;

static void words_free(ocr_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		TessDeleteText(w[i].text);
	free(w);
}

/* Characters that Vietnamese print never has at the edge of a word but that table rules, specks
 * and underlines give at the edge of OCR words: '|' '_' '~' '^' '`' and the spacing circumflex and
 * tilde (U+02C6, U+02DC). */
static int is_edge_junk(uint32_t c)
{
	return c == '|' || c == '_' || c == '~' || c == '^' || c == '`' || c == 0x2C6 || c == 0x2DC;
}

/* Trim edge junk from w in place (it may become empty). */
static void trim_junk(char *w)
{
	size_t n = strlen(w), a = 0, b = n;
	while (a < b) {
		uint32_t c;
		size_t k = sohoa_utf8_decode(w + a, b - a, &c);
		if (!is_edge_junk(c))
			break;
		a += k;
	}
	while (b > a) {
		size_t k = 1;
		while (k < b - a && k < 4 && ((unsigned char)w[b - k] & 0xC0) == 0x80)
			k++;
		uint32_t c;
		sohoa_utf8_decode(w + b - k, k, &c);
		if (!is_edge_junk(c))
			break;
		b -= k;
	}
	memmove(w, w + a, b - a);
	w[b - a] = '\0';
}

/* The words of the page from the result iterator, noise dropped. -1 when out of memory. */
static int collect_words(TessBaseAPI *api, ocr_word **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	if (!it)
		return 0; /* nothing recognized */
	const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
	ocr_word *w = NULL;
	size_t n = 0, cap = 0;
	int line = -1, lh = 0, failed = 0, has_base = 0, bx1 = 0, by1 = 0, bx2 = 0, by2 = 0;
	do {
		if (line < 0 || TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE)) {
			int l, t, r, b;
			line++;
			lh = TessPageIteratorBoundingBox(pit, RIL_TEXTLINE, &l, &t, &r, &b) ? b - t : 0;
			has_base = TessPageIteratorBaseline(pit, RIL_TEXTLINE, &bx1, &by1, &bx2, &by2);
		}
		char *text = TessResultIteratorGetUTF8Text(it, RIL_WORD);
		if (!text)
			continue;
		float conf = TessResultIteratorConfidence(it, RIL_WORD);
		if (OCR_DROP_NOISE)
			trim_junk(text);
		ocr_word x = {text, 0, 0, 0, 0, conf, line, lh, -1};
		if (!TessPageIteratorBoundingBox(pit, RIL_WORD, &x.l, &x.t, &x.r, &x.b) || x.r <= x.l ||
		    x.b <= x.t || is_noise(text, conf, (float)(x.r - x.l) / fmaxf(lh, 1), (float)(x.b - x.t) / fmaxf(lh, 1))) {
			TessDeleteText(text);
			continue;
		}
		if (has_base) {
			float cx = (x.l + x.r) / 2.0f;
			x.base = bx2 != bx1 ? by1 + (float)(by2 - by1) * (cx - bx1) / (float)(bx2 - bx1) : (float)by1;
		}
		if (n == cap) {
			ocr_word *nw = realloc(w, (cap = cap ? 2 * cap : 256) * sizeof *w);
			if (!nw) {
				TessDeleteText(text);
				failed = 1;
				break;
			}
			w = nw;
		}
		w[n++] = x;
	} while (TessResultIteratorNext(it, RIL_WORD));
	TessResultIteratorDelete(it);
	if (failed) {
		words_free(w, n);
		return -1;
	}
	*out = w;
	*count = n;
	return 0;
}

/* Tesseract sometimes joins two columns into one text line (the "Nơi nhận" list beside the
 * signer's title on a signature page, a table row): it fits one baseline to both, and the piece
 * that baseline does not fit is misread with a low confidence ("SửNộivụ" for "Sở Nội vụ"). Such
 * a piece (words set off from the rest of their line by a gap of over OCR_PIECE_GAP line heights,
 * mean confidence under OCR_PIECE_CONF) is read again alone as one line, and its words are
 * replaced when the new reading is more confident; at most OCR_PIECE_MAX pieces a page. With
 * the page despeckled this is rare: committed samples hard 1.01% -> 0.92%, the rest the same;
 * every page of every sample (make samples FULL=1) clean 0.30% -> 0.29%, typical 0.35% -> 0.34%,
 * hard 0.49% -> 0.48%. */
#ifndef OCR_REREAD_PIECES
#define OCR_REREAD_PIECES 1
#endif
#ifndef OCR_PIECE_GAP
#define OCR_PIECE_GAP 2.0f
#endif
#ifndef OCR_PIECE_CONF
#define OCR_PIECE_CONF 60.0f
#endif
#ifndef OCR_PIECE_MAX
#define OCR_PIECE_MAX 24
#endif

static float mean_conf(const ocr_word *w, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += w[i].conf;
	return n ? (float)(s / (double)n) : 0;
}

/* Append n words to out (growing it); the texts move. -1 when out of memory. */
static int words_append(ocr_word **out, size_t *n, size_t *cap, const ocr_word *w, size_t k)
{
	if (*n + k > *cap) {
		size_t nc = *cap ? *cap : 64;
		while (nc < *n + k)
			nc *= 2;
		ocr_word *nw = realloc(*out, nc * sizeof *nw);
		if (!nw)
			return -1;
		*out = nw, *cap = nc;
	}
	memcpy(*out + *n, w, k * sizeof *w);
	*n += k;
	return 0;
}

/* Read again the low-confidence pieces of joined lines (see OCR_PIECE_GAP) in the image set in
 * api (iw x ih pixels); *pw and *pn are replaced. Leaves api in PSM_AUTO with no results. -1 when
 * out of memory (the words are then freed). */
static int reread_pieces(const sohoa_ctx *ctx, TessBaseAPI *api, int iw, int ih, ocr_word **pw, size_t *pn)
{
	ocr_word *w = *pw, *out = NULL;
	size_t n = *pn, no = 0, cap = 0;
	int next_line = 0, tries = 0, failed = 0, touched = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i].line >= next_line)
			next_line = w[i].line + 1;
	for (size_t a = 0; a < n && !failed;) {
		size_t e = a;
		while (e < n && w[e].line == w[a].line)
			e++;
		float lh = (float)(w[a].lh > 0 ? w[a].lh : 1);
		int split = 0;
		for (size_t i = a + 1; i < e; i++)
			if (w[i].l - w[i - 1].r > OCR_PIECE_GAP * lh)
				split = 1;
		for (size_t s = a; s < e && !failed;) {
			size_t t = s + 1;
			while (t < e && w[t].l - w[t - 1].r <= OCR_PIECE_GAP * lh)
				t++;
			float conf = mean_conf(w + s, t - s);
			ocr_word *nw = NULL;
			size_t nn = 0;
			int take = 0;
			if (split && conf < OCR_PIECE_CONF && tries < OCR_PIECE_MAX && !sohoa_interrupted(ctx)) {
				int l = w[s].l, r = w[t - 1].r, top = w[s].t, b = w[s].b;
				for (size_t i = s; i < t; i++)
					top = w[i].t < top ? w[i].t : top, b = w[i].b > b ? w[i].b : b;
				int px = (int)(0.3f * lh), py = (int)(0.15f * lh);
				l = l - px > 0 ? l - px : 0, top = top - py > 0 ? top - py : 0;
				r = r + px < iw ? r + px : iw, b = b + py < ih ? b + py : ih;
				tries++, touched = 1;
				TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
				TessBaseAPISetRectangle(api, l, top, r - l, b - top);
				if (r > l && b > top && TessBaseAPIRecognize(api, NULL) == 0 && collect_words(api, &nw, &nn) != 0)
					failed = 1;
				/* a piece read as nothing was a speck unless its reading was fair */
				take = !failed && (nn ? mean_conf(nw, nn) > conf : conf < 20.0f);
			}
			if (take) {
				for (size_t i = 0; i < nn; i++)
					nw[i].line = next_line;
				next_line++;
				for (size_t i = s; i < t; i++)
					TessDeleteText(w[i].text), w[i].text = NULL;
				if (words_append(&out, &no, &cap, nw, nn) != 0) {
					failed = 1;
					words_free(nw, nn);
				} else {
					free(nw); /* the texts moved to out */
				}
			} else {
				words_free(nw, nn);
				failed = failed || words_append(&out, &no, &cap, w + s, t - s) != 0;
				for (size_t i = s; i < t && !failed; i++)
					w[i].text = NULL; /* moved */
			}
			s = t;
		}
		a = e;
	}
	if (touched) {
		TessBaseAPISetPageSegMode(api, PSM_AUTO);
		TessBaseAPIClear(api);
	}
	words_free(w, n); /* what was not moved */
	if (failed) {
		words_free(out, no);
		*pw = NULL, *pn = 0;
		return -1;
	}
	*pw = out, *pn = no;
	return 0;
}

/* Tesseract's LSTM gives word boxes only roughly: a 'Y' of 35 pixels boxed in 18, so "Sở Y tế"
 * showed a gap wide enough for the layout to split the line there. Each word's left and right
 * edges are moved out over ink columns of the binarized page (bin, 1 bpp) within the word's rows,
 * up to half a line height and never past the middle of the gap to its neighbour on the line.
 * Measured: the 180-degree page of s004-scan-typical 2.29% -> 0.36% CER, the other committed
 * samples the same. */
#ifndef OCR_SNAP_WORDS
#define OCR_SNAP_WORDS 1
#endif
static int column_ink(l_uint32 *data, int wpl, int x, int t, int b)
{
	for (int y = t; y < b; y++)
		if (GET_DATA_BIT(data + (size_t)y * (size_t)wpl, x))
			return 1;
	return 0;
}

static void snap_words(PIX *bin, ocr_word *w, size_t n)
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

static float overlap(float a0, float a1, float b0, float b1)
{
	float o = fminf(a1, b1) - fmaxf(a0, b0);
	return o > 0 ? o : 0;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

/* The page's body text size in pixels: the median height of Tesseract's lines over 1.3 (line
 * boxes span accents and descenders), one vote per line; 0 when unknown. */
static float median_em(const ocr_word *w, size_t n)
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

/* Lines of page from the OCR words. The words go through the same layout as a PDF text layer
 * (ingest/layout.h), one fragment per Tesseract line with its letters spread evenly over each
 * word, so OCR and PDF pages share one reading order: rows top down, a letterhead or a signature
 * block beside "Nơi nhận" read column by column, table cells split at wide gaps. Then each word
 * gets back the confidence of the Tesseract word it came from, each line the mean, and boxes go
 * from the deskewed image to the upright page. */
static sohoa_status read_results(sohoa_ctx *ctx, TessBaseAPI *api, PIX *pix, const ocr_geom *g, int dpi,
				 sohoa_page *page)
{
	ocr_word *w = NULL;
	size_t nw = 0;
	if (collect_words(api, &w, &nw) != 0 || (OCR_REREAD_PIECES && reread_pieces(ctx, api, g->rw, g->rh, &w, &nw) != 0))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory reading OCR results", page->number);
	if (nw == 0)
		return SOHOA_OK;
	if (OCR_SNAP_WORDS)
		snap_words(pix, w, nw);
	double k = 72.0 / dpi;
	size_t cap = 0;
	for (size_t i = 0; i < nw; i++)
		cap += strlen(w[i].text) + 1;
	float em = median_em(w, nw);
	ingest_glyph *gl = malloc(cap * sizeof *gl);
	uint32_t *cps = malloc(cap * sizeof *cps);
	size_t ng = 0, first = page->nlines;
	sohoa_status st = SOHOA_OK;
	if (!gl || !cps) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory reading OCR results", page->number);
		goto done;
	}
	for (size_t i = 0; i < nw; i++) {
		const ocr_word *x = &w[i];
		/* Tesseract's line box spans accents and descenders: about 1.3 em */
		float size = (float)(fmax(x->lh, x->b - x->t) * k / 1.3);
		float y0 = (float)(x->t * k), y1 = (float)(x->b * k);
		if (OCR_BASELINE_BOXES && em > 0 && x->base >= 0) {
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
	if ((st = ingest_layout(ctx, gl, ng, page)) != SOHOA_OK)
		goto done;
	for (size_t li = first; li < page->nlines; li++) {
		sohoa_line *l = &page->lines[li];
		free(l->font);
		l->font = NULL;
		l->font_size = 0;
		l->source = SOHOA_SRC_OCR;
		double sum = 0;
		for (size_t j = 0; j < l->nwords; j++) {
			sohoa_word *o = &l->words[j];
			float best = 0, conf = 0;
			for (size_t i = 0; i < nw; i++) { /* the Tesseract word it overlaps most */
				float a = overlap(o->x0, o->x1, (float)(w[i].l * k), (float)(w[i].r * k)) *
					  overlap(o->y0, o->y1, (float)(w[i].t * k), (float)(w[i].b * k));
				if (a > best)
					best = a, conf = w[i].conf;
			}
			o->confidence = conf;
			sum += conf;
			geom_box(g, dpi, o->x0 / k, o->y0 / k, o->x1 / k, o->y1 / k, &o->x0, &o->y0, &o->x1, &o->y1);
		}
		l->confidence = l->nwords ? (float)(sum / (double)l->nwords) : 0;
		geom_box(g, dpi, l->x0 / k, l->y0 / k, l->x1 / k, l->y1 / k, &l->x0, &l->y0, &l->x1, &l->y1);
	}
done:
	free(gl);
	free(cps);
	words_free(w, nw);
	return st;
}

sohoa_status ingest_ocr_raster(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, sohoa_page *page)
{
	int dpi = r->dpi > 0 ? r->dpi : 300;
	page->source = SOHOA_SRC_OCR;
	if (page->width <= 0 || page->height <= 0) {
		page->width = (float)(r->w * 72.0 / dpi);
		page->height = (float)(r->h * 72.0 / dpi);
	}
	PIX *pixg = pix_from_raster(r);
	if (!pixg)
		return sohoa_error(ctx, r->samples && r->w > 0 && r->h > 0 ? SOHOA_ERR_NOMEM : SOHOA_ERR_INTERNAL,
				   "page %d: cannot make an image of %dx%d pixels for OCR", page->number, r->w, r->h);
	double start = now_s();
	ocr_geom g;
	PIX *pix = preprocess(ocr, pixg, dpi, &g);
	pixDestroy(&pixg);
	if (!pix)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory preprocessing", page->number);
	if (g.quads) { /* the page as read is upright: size and decision say so */
		if (g.quads % 2) {
			float t = page->width;
			page->width = page->height, page->height = t;
		}
		char *d = NULL;
		if (asprintf(&d, "%s%sturned %d degrees to upright", page->decision ? page->decision : "",
			     page->decision ? ", " : "", g.quads * 90) >= 0) {
			free(page->decision);
			page->decision = d;
		}
	}

	TessBaseAPI *api = ocr->api;
	TessBaseAPISetImage2(api, pix);
	TessBaseAPISetSourceResolution(api, dpi);
	ETEXT_DESC *monitor = TessMonitorCreate();
	int timeout_s = ctx->opt.page_timeout_s > 0 ? ctx->opt.page_timeout_s : 180;
	double left_ms = timeout_s * 1000.0 - (now_s() - start) * 1000.0;
	if (monitor) {
		TessMonitorSetCancelFunc(monitor, ocr_cancel);
		TessMonitorSetCancelThis(monitor, ctx);
		TessMonitorSetDeadlineMSecs(monitor, left_ms > 1 ? (int)left_ms : 1);
	}
	int rc = TessBaseAPIRecognize(api, monitor);
	double took = now_s() - start;
	sohoa_status st = SOHOA_OK;
	if (sohoa_interrupted(ctx))
		st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "page %d: OCR interrupted", page->number);
	else if (took >= timeout_s)
		st = sohoa_error(ctx, SOHOA_ERR_TIMEOUT, "page %d: OCR ran over %d s", page->number, timeout_s);
	else if (rc != 0)
		st = sohoa_error(ctx, SOHOA_ERR_INTERNAL, "page %d: Tesseract could not read the page", page->number);
	else
		st = read_results(ctx, api, pix, &g, dpi, page);
	if (st == SOHOA_OK)
		page->skew = g.angle;
	if (st != SOHOA_OK)
		ingest_page_clear(page);
	TessBaseAPIClear(api);
	TessMonitorDelete(monitor);
	pixDestroy(&pix);
	return st;
}

/* ---- image files ---- */

static int image_format(const unsigned char *data, size_t len)
{
	l_int32 format = IFF_UNKNOWN;
	if (len < 12 || findFileFormatBuffer(data, &format) != 0)
		return IFF_UNKNOWN;
	return format;
}

static int is_tiff(int format)
{
	return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE ||
	       format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_LZW ||
	       format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

/* 1 if a PNG or JPEG lacks its end marker: decoding it would have libpng/libjpeg complain on
 * stderr, so it is refused before. */
static int truncated(int format, const unsigned char *data, size_t len)
{
	size_t tail = len < 1024 ? len : 1024;
	if (format == IFF_PNG)
		return !memmem(data + len - tail, tail, "IEND", 4);
	if (format == IFF_JFIF_JPEG)
		return !memmem(data + len - tail, tail, "\xFF\xD9", 2);
	return 0;
}

/* Width and height from a PNG IHDR or a PNM header, read here because Leptonica will not report
 * sizes it refuses to hold. 1 when found. */
static int raw_size(const unsigned char *d, size_t n, uint64_t *w, uint64_t *h)
{
	*w = *h = 0;
	if (n >= 24 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8) && !memcmp(d + 12, "IHDR", 4)) {
		*w = (uint64_t)d[16] << 24 | (uint64_t)d[17] << 16 | (uint64_t)d[18] << 8 | d[19];
		*h = (uint64_t)d[20] << 24 | (uint64_t)d[21] << 16 | (uint64_t)d[22] << 8 | d[23];
		return 1;
	}
	if (n < 3 || d[0] != 'P' || d[1] < '1' || d[1] > '6')
		return 0;
	uint64_t v[2] = {0, 0};
	size_t i = 2;
	for (int k = 0; k < 2; k++) {
		while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n' || d[i] == '#'))
			if (d[i++] == '#')
				while (i < n && d[i] != '\n')
					i++;
		if (i >= n || d[i] < '0' || d[i] > '9')
			return 0;
		while (i < n && d[i] >= '0' && d[i] <= '9' && v[k] < (1ull << 40))
			v[k] = v[k] * 10 + (uint64_t)(d[i++] - '0');
	}
	*w = v[0], *h = v[1];
	return 1;
}

sohoa_status ingest_image_count(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
				int *npages)
{
	*npages = 0;
	pthread_once(&ocr_once, ocr_global_init);
	int format = image_format(data, len);
	if (format == IFF_UNKNOWN)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s' is not a readable image", path);
	if (is_tiff(format)) {
		FILE *f = fopenReadFromMemory(data, len);
		l_int32 n = 0;
		int bad = !f || tiffGetCount(f, &n) != 0 || n < 1;
		if (f)
			fclose(f);
		if (bad)
			return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': corrupt TIFF", path);
		*npages = n;
		return SOHOA_OK;
	}
	l_int32 fmt, w, h, bps, spp, cmap;
	if (truncated(format, data, len)) /* before libjpeg/libpng can complain on stderr */
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': truncated image", path);
	if (pixReadHeaderMem(data, len, &fmt, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 || h <= 0) {
		/* Leptonica refuses sizes it cannot hold: say that it is the size */
		uint64_t rw, rh;
		if (raw_size(data, len, &rw, &rh) && rw && rh && (double)rw * (double)rh > (double)ctx->opt.max_pixels)
			return sohoa_error(ctx, SOHOA_ERR_LIMIT,
					   "'%s' is %llux%llu pixels, over the limit of %lld (--max-pixels)", path,
					   (unsigned long long)rw, (unsigned long long)rh, (long long)ctx->opt.max_pixels);
		if (raw_size(data, len, &rw, &rh) && (!rw || !rh))
			return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': image has no pixels (%llux%llu)", path,
					   (unsigned long long)rw, (unsigned long long)rh);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': corrupt or unsupported image", path);
	}
	*npages = 1;
	return SOHOA_OK;
}

/* The resolution to use: the file's, unless missing or implausible for a page (a 72 dpi tag on a
 * 2480 px scan would make a page 34 inches wide). */
static int image_dpi(const sohoa_ctx *ctx, int res, int w, int h)
{
	int fallback = ctx->opt.dpi > 0 ? ctx->opt.dpi : 300;
	if (res < 50 || res > 2400)
		return fallback;
	if ((double)(w < h ? w : h) / res > 17.0)
		return fallback;
	return res;
}

sohoa_status ingest_image_read(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
			       int index, ingest_raster *r)
{
	memset(r, 0, sizeof *r);
	int format = image_format(data, len);
	l_int32 w = 0, h = 0, bps, spp, res = 0, cmap, fmt;
	int ok;
	if (is_tiff(format))
		ok = readHeaderMemTiff(data, len, index, &w, &h, &bps, &spp, &res, &cmap, &fmt) == 0;
	else
		ok = index == 0 && pixReadHeaderMem(data, len, &fmt, &w, &h, &bps, &spp, &cmap) == 0;
	if (!ok || w <= 0 || h <= 0)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': page %d: corrupt image header", path, index + 1);
	if ((int64_t)w * h > ctx->opt.max_pixels)
		return sohoa_error(ctx, SOHOA_ERR_LIMIT,
				   "'%s': page %d is %dx%d pixels, over the limit of %lld (--max-pixels)", path,
				   index + 1, w, h, (long long)ctx->opt.max_pixels);
	if (truncated(format, data, len))
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': truncated image", path);
	PIX *pix = is_tiff(format) ? pixReadMemTiff(data, len, index) : pixReadMem(data, len);
	if (!pix)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': page %d: corrupt image data", path, index + 1);
	if (!res)
		res = pixGetXRes(pix);
	/* colour stays colour (the gray conversion for OCR is rgb_gray's); the rest becomes 8 bpp */
	PIX *gray = NULL;
	int d = pixGetDepth(pix);
	if (pixGetColormap(pix))
		gray = pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC);
	else if (d == 8 || d == 32)
		gray = pixClone(pix);
	else
		gray = pixConvertTo8(pix, 0);
	if (gray && pixGetDepth(gray) != 8 && pixGetDepth(gray) != 32) {
		PIX *g8 = pixConvertTo8(gray, 0);
		pixDestroy(&gray);
		gray = g8;
	}
	pixDestroy(&pix);
	if (!gray || raster_from_pix(gray, r) != 0) {
		pixDestroy(&gray);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "'%s': page %d: out of memory decoding", path, index + 1);
	}
	pixDestroy(&gray);
	r->dpi = image_dpi(ctx, res, r->w, r->h);
	return SOHOA_OK;
}

const char *sohoa_ocr_tesseract_version(void) { return TessVersion(); }

const char *sohoa_ocr_leptonica_version(void)
{
	static char v[32];
	char *s = getLeptonicaVersion(); /* "leptonica-1.82.0" */
	snprintf(v, sizeof v, "%s", !s ? "?" : strncmp(s, "leptonica-", 10) ? s : s + 10);
	lept_free(s);
	return v;
}

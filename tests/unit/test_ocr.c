/* The OCR adapter: text close to the truth (by character error rate, never byte for byte), boxes
 * in page points with deskew and rotation undone, confidences, errors for missing language data,
 * pixel limits and the per-page deadline. Run from the repository root (fixtures are read from
 * tests/fixtures/ocr, made by tests/fixtures/ocr/make.py). */
#include "../../ingest/ingest-int.h"
#include "check.h"

#include "../../tools/lib/tool.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#define FIX "tests/fixtures/ocr/"

static char *slurp(sohoa_ctx *ctx, const char *path, size_t *len)
{
	char *data = NULL;
	if (sohoa_file_read(ctx, path, &data, len) != SOHOA_OK) {
		printf("cannot read %s: %s\n", path, sohoa_errmsg(ctx));
		return NULL;
	}
	return data;
}

static int read_image(sohoa_ctx *ctx, const char *path, int index, ingest_raster *r)
{
	size_t len = 0;
	char *data = slurp(ctx, path, &len);
	if (!data)
		return -1;
	sohoa_status st = ingest_image_read(ctx, path, (const unsigned char *)data, len, index, r);
	free(data);
	return st == SOHOA_OK ? 0 : -1;
}

static char *page_text(const sohoa_page *page)
{
	sohoa_buf b = {0};
	for (size_t i = 0; i < page->nlines; i++) {
		sohoa_buf_puts(&b, page->lines[i].text ? page->lines[i].text : "");
		sohoa_buf_puts(&b, "\n");
	}
	return b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
}

/* CER of the page against a truth file; prints it; 1 on failure to compute. */
static double page_cer(sohoa_ctx *ctx, const sohoa_page *page, const char *truth_path)
{
	size_t tn = 0, errors = 0, chars = 0;
	char *truth = slurp(ctx, truth_path, &tn);
	char *text = page_text(page);
	double rate = truth ? cer_compare(ctx, truth, tn, text, strlen(text), 1, &errors, &chars) : -1;
	printf("# %s: CER %.4f (%zu/%zu), %zu lines\n", truth_path, rate, errors, chars, page->nlines);
	free(truth);
	free(text);
	return rate < 0 ? 1 : rate;
}

static int boxes_inside(const sohoa_page *page)
{
	for (size_t i = 0; i < page->nlines; i++) {
		const sohoa_line *l = &page->lines[i];
		if (!(l->x0 >= 0 && l->y0 >= 0 && l->x1 <= page->width + 0.5f && l->y1 <= page->height + 0.5f &&
		      l->x0 < l->x1 && l->y0 < l->y1))
			return 0;
		for (size_t k = 0; k < l->nwords; k++) {
			const sohoa_word *w = &l->words[k];
			/* words sit in their line, give or take the deskew rounding */
			if (w->x0 < l->x0 - 2 || w->x1 > l->x1 + 2 || w->y0 < l->y0 - 6 || w->y1 > l->y1 + 6)
				return 0;
		}
	}
	return page->nlines > 0;
}

static int lines_top_down(const sohoa_page *page)
{
	for (size_t i = 1; i < page->nlines; i++)
		if (page->lines[i].y0 + page->lines[i].y1 <= page->lines[i - 1].y0 + page->lines[i - 1].y1)
			return 0;
	return 1;
}

static void test_clean_page(sohoa_ctx *ctx, ingest_ocr *ocr)
{
	ingest_raster r;
	CHECK(read_image(ctx, FIX "scan200.png", 0, &r) == 0, "png decodes");
	CHECK(r.n == 1 && r.w == 1654 && r.dpi == 200, "png is 8-bit gray at its 200 dpi");
	sohoa_page page = {.number = 1};
	sohoa_status st = ingest_ocr_raster(ctx, ocr, &r, &page);
	CHECK(st == SOHOA_OK, "ocr of a scanned page succeeds");
	if (st != SOHOA_OK)
		printf("# %s\n", sohoa_errmsg(ctx));
	CHECK(page_cer(ctx, &page, FIX "scan200.txt") < 0.02, "scanned page CER under 2%");
	CHECK(page.source == SOHOA_SRC_OCR && page.nlines >= 20 && page.lines[0].source == SOHOA_SRC_OCR,
	      "lines come from OCR");
	CHECK(fabsf(page.width - 1654 * 72.0f / 200) < 0.5f, "page width in points from the dpi");
	CHECK(boxes_inside(&page), "line and word boxes inside the page");
	CHECK(lines_top_down(&page), "lines in reading order");
	int conf_ok = page.nlines > 0;
	for (size_t i = 0; i < page.nlines; i++) {
		const sohoa_line *l = &page.lines[i];
		double sum = 0;
		for (size_t k = 0; k < l->nwords; k++)
			sum += l->words[k].confidence;
		if (!l->nwords || l->confidence <= 0 || l->confidence > 100 ||
		    fabs(sum / (double)l->nwords - l->confidence) > 0.01)
			conf_ok = 0;
	}
	CHECK(conf_ok, "line confidence is the mean word confidence, in 0..100");
	/* The fixture was turned 1.2 degrees counter-clockwise: in page coordinates a full line rises
	 * to the right by about its width * tan(1.2 deg). Deskew boxes mapped back must show that. */
	const sohoa_line *l = &page.lines[1];
	if (l->nwords >= 4) {
		const sohoa_word *a = &l->words[0], *b = &l->words[l->nwords - 1];
		double rise = (a->y0 + a->y1) / 2 - (b->y0 + b->y1) / 2;
		double want = ((b->x0 + b->x1) / 2 - (a->x0 + a->x1) / 2) * tan(1.2 * M_PI / 180);
		printf("# line 2 rises %.1f pt, the page's skew says %.1f pt\n", rise, want);
		CHECK(rise > 0.5 * want && rise < 1.5 * want, "boxes are in page coordinates (deskew undone)");
	} else {
		CHECK(0, "boxes are in page coordinates (deskew undone)");
	}
	ingest_page_clear(&page);
	free(page.decision); /* ingest_page_clear leaves the decision to the page's owner */
	free(r.samples);
}

/* Pages scanned on their side or upside down: read upright, and reported as the upright page
 * (width and height swapped for a quarter turn), lines top down. */
static void test_rotated(sohoa_ctx *ctx, ingest_ocr *ocr, const char *file, const char *name, int quarter)
{
	ingest_raster r;
	sohoa_page page = {.number = 1};
	int ok = read_image(ctx, file, 0, &r) == 0 && ingest_ocr_raster(ctx, ocr, &r, &page) == SOHOA_OK;
	char n[128];
	snprintf(n, sizeof n, "%s page comes out readable", name);
	CHECK(ok && page_cer(ctx, &page, FIX "rot.txt") < 0.03, n);
	snprintf(n, sizeof n, "%s page boxes in the upright page, top down", name);
	float w = r.w * 72.0f / r.dpi, h = r.h * 72.0f / r.dpi;
	CHECK(ok && boxes_inside(&page) && lines_top_down(&page) &&
		      fabsf(page.width - (quarter ? h : w)) < 0.5f && fabsf(page.height - (quarter ? w : h)) < 0.5f,
	      n);
	snprintf(n, sizeof n, "%s page: the decision says it was turned", name);
	CHECK(ok && page.decision && strstr(page.decision, quarter ? "turned 90" : "turned 180"), n);
	ingest_page_clear(&page);
	free(page.decision); /* ingest_page_clear leaves the decision to the page's owner */
	if (ok)
		free(r.samples);
}

/* An RGB raster (what the PDF side renders) reads like its gray original. */
static void test_rgb(sohoa_ctx *ctx, ingest_ocr *ocr)
{
	ingest_raster g;
	if (read_image(ctx, FIX "strip.pbm", 0, &g) != 0) {
		CHECK(0, "pbm decodes");
		return;
	}
	CHECK(g.n == 1, "pbm decodes");
	ingest_raster rgb = g;
	rgb.n = 3;
	rgb.stride = g.w * 3 + 5; /* a padded stride, as renderers may give */
	rgb.samples = calloc((size_t)rgb.stride, (size_t)g.h);
	for (int y = 0; y < g.h && rgb.samples; y++)
		for (int x = 0; x < g.w; x++) {
			unsigned char v = g.samples[(size_t)y * (size_t)g.stride + (size_t)x];
			unsigned char *p = rgb.samples + (size_t)y * (size_t)rgb.stride + (size_t)x * 3;
			p[0] = v, p[1] = v, p[2] = (unsigned char)(v / 2 + 127); /* a yellowish paper */
			/* a red stamp over a third of the lines, the black print still on top */
			if (v > 128 && x > g.w / 3 && x < g.w * 2 / 3)
				p[0] = 210, p[1] = 40, p[2] = 50;
		}
	sohoa_page page = {.number = 3};
	sohoa_status st = rgb.samples ? ingest_ocr_raster(ctx, ocr, &rgb, &page) : SOHOA_ERR_NOMEM;
	CHECK(st == SOHOA_OK && page_cer(ctx, &page, FIX "strip.txt") < 0.02, "rgb raster with padded stride and a red stamp reads");
	CHECK(page.nlines == 3 && page.lines[0].page == 3, "lines carry their page number");
	ingest_page_clear(&page);
	free(page.decision); /* ingest_page_clear leaves the decision to the page's owner */
	free(rgb.samples);
	free(g.samples);
}

static void test_timeout(sohoa_ctx *ctx, ingest_ocr *ocr)
{
	ingest_raster r;
	if (read_image(ctx, FIX "scan200.png", 0, &r) != 0) {
		CHECK(0, "deadline: fixture");
		return;
	}
	/* six copies of the page one under another: far more than a second of recognition */
	ingest_raster big = r;
	big.h = r.h * 6;
	big.samples = malloc((size_t)big.stride * (size_t)big.h);
	for (int k = 0; big.samples && k < 6; k++)
		memcpy(big.samples + (size_t)k * (size_t)r.h * (size_t)r.stride, r.samples,
		       (size_t)r.h * (size_t)r.stride);
	int saved = ctx->opt.page_timeout_s;
	ctx->opt.page_timeout_s = 1;
	sohoa_page page = {.number = 7};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	sohoa_status st = big.samples ? ingest_ocr_raster(ctx, ocr, &big, &page) : SOHOA_ERR_NOMEM;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double took = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("# deadline 1 s: status %s after %.1f s: %s\n", sohoa_status_str(st), took, sohoa_errmsg(ctx));
	CHECK(st == SOHOA_ERR_TIMEOUT, "page over the deadline gives ERR_TIMEOUT");
	CHECK(strstr(sohoa_errmsg(ctx), "page 7: OCR ran over 1 s") != NULL, "timeout message names the page");
	CHECK(page.nlines == 0, "a timed-out page has no half-read lines");
	ctx->opt.page_timeout_s = saved;
	/* the engine is still usable afterwards */
	sohoa_page again = {.number = 1};
	r.h = r.h / 4; /* the top quarter: a few lines */
	CHECK(ingest_ocr_raster(ctx, ocr, &r, &again) == SOHOA_OK && again.nlines >= 3,
	      "engine reads the next page after a timeout");
	ingest_page_clear(&again);
	free(again.decision); /* ingest_page_clear leaves the decision to the page's owner */
	ingest_page_clear(&page);
	free(page.decision); /* ingest_page_clear leaves the decision to the page's owner */
	free(big.samples);
	free(r.samples);
}

static void test_missing(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	opt.tessdata = "/nonexistent";
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	ingest_ocr *ocr = (ingest_ocr *)1;
	sohoa_status st = ingest_ocr_new(ctx, &ocr);
	CHECK(st == SOHOA_ERR_MISSING && ocr == NULL, "missing traineddata gives ERR_MISSING");
	CHECK(strstr(sohoa_errmsg(ctx), "tesseract-ocr-vie") != NULL, "the error names the package");
	opt.tessdata = "tests/fixtures/ocr"; /* a folder without any traineddata */
	opt.lang = "vie+chi_sim";
	sohoa_ctx_free(ctx);
	ctx = sohoa_ctx_new(&opt);
	st = ingest_ocr_new(ctx, &ocr);
	CHECK(st == SOHOA_ERR_MISSING && strstr(sohoa_errmsg(ctx), "tesseract-ocr-vie"), "fake tessdata folder");
	sohoa_ctx_free(ctx);
	/* a present language next to a missing one names the missing one */
	opt.tessdata = NULL;
	const char *env = getenv("TESSDATA_PREFIX");
	if (!env) {
		setenv("TESSDATA_PREFIX", "/usr/share/tesseract-ocr/5/tessdata", 1);
		ctx = sohoa_ctx_new(&opt);
		st = ingest_ocr_new(ctx, &ocr);
		CHECK(st == SOHOA_ERR_MISSING && strstr(sohoa_errmsg(ctx), "tesseract-ocr-chi-sim"),
		      "the missing one of two languages is named");
		ingest_ocr_free(ocr);
		sohoa_ctx_free(ctx);
		unsetenv("TESSDATA_PREFIX");
	}
}

static void test_limits(sohoa_ctx *ctx)
{
	ingest_raster r;
	int64_t saved = ctx->opt.max_pixels;
	ctx->opt.max_pixels = 1000000; /* the 200 dpi page is 1654 x 1568 */
	int rc = read_image(ctx, FIX "scan200.png", 0, &r);
	CHECK(rc != 0 && ctx->status == SOHOA_ERR_LIMIT && strstr(sohoa_errmsg(ctx), "scan200.png"),
	      "image over max_pixels gives ERR_LIMIT naming the file");
	ctx->opt.max_pixels = saved;
	size_t len;
	char *data = slurp(ctx, FIX "multi.tif", &len);
	int n = 0;
	CHECK(data && ingest_image_count(ctx, "multi.tif", (unsigned char *)data, len, &n) == SOHOA_OK && n == 2,
	      "multi-page tiff counts 2 pages");
	sohoa_status st = data ? ingest_image_read(ctx, "multi.tif", (unsigned char *)data, len, 1, &r) : SOHOA_ERR_IO;
	CHECK(st == SOHOA_OK && r.n == 1 && r.dpi == 200, "tiff page 2 decodes");
	if (st == SOHOA_OK)
		free(r.samples);
	/* a truncated PNG: the header is fine, the data is not */
	size_t plen;
	char *png = slurp(ctx, FIX "scan200.png", &plen);
	sohoa_clear_error(ctx);
	CHECK(png && ingest_image_read(ctx, "cut.png", (unsigned char *)png, plen / 3, 0, &r) == SOHOA_ERR_FORMAT &&
		      strstr(sohoa_errmsg(ctx), "cut.png"),
	      "truncated png is a format error naming the file");
	CHECK(png && ingest_image_count(ctx, "junk.png", (unsigned char *)"\x89PNG\r\n\x1a\nnot really", 18, &n) ==
			     SOHOA_ERR_FORMAT,
	      "garbage after a png signature is a format error");
	free(png);
	free(data);
}

static void test_cer(sohoa_ctx *ctx)
{
	size_t e, c;
	CHECK(fabs(cer_compare(ctx, "abc", 3, "abd", 3, 1, &e, &c) - 1.0 / 3) < 1e-9 && e == 1 && c == 3,
	      "cer: one substitution in three");
	CHECK(cer_compare(ctx, " a  b\n\fc ", 9, "a b c", 5, 1, &e, &c) == 0, "cer: white space folded");
	CHECK(cer_compare(ctx, "Vi\xe1\xbb\x87t", 6, "Vie\xcc\xa3\xcc\x82t", 8, 1, &e, &c) == 0 &&
		      cer_compare(ctx, "Vi\xe1\xbb\x87t", 6, "Vie\xcc\xa3\xcc\x82t", 8, 0, &e, &c) > 0,
	      "cer: NFC unless raw");
	CHECK(cer_compare(ctx, "\xe1\xbb\x87", 3, "e", 1, 1, &e, &c) == 1.0 && c == 1, "cer counts code points");
}

/* Threads of this process (from /proc), or -1. */
static int thread_count(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	int n = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	if (f)
		fclose(f);
	return n;
}

int main(void)
{
	int omp_env = getenv("OMP_THREAD_LIMIT") != NULL; /* the user's, before the engine sets it */
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	test_cer(ctx);
	test_missing();
	test_limits(ctx);
	ingest_ocr *ocr = NULL;
	sohoa_status st = ingest_ocr_new(ctx, &ocr);
	CHECK(st == SOHOA_OK, "engine for vie");
	if (st != SOHOA_OK) {
		printf("# %s\n", sohoa_errmsg(ctx));
		return 1;
	}
	test_clean_page(ctx, ocr);
	/* Tesseract's OpenMP teams of 4 would leave idle pool threads behind */
	if (!omp_env)
		CHECK(thread_count() == 1, "Tesseract ran without OpenMP threads");
	test_rotated(ctx, ocr, FIX "rot90.png", "90-degree", 1);
	test_rotated(ctx, ocr, FIX "rot180.png", "180-degree", 0);
	test_rgb(ctx, ocr);
	test_timeout(ctx, ocr);
	ingest_ocr_free(ocr);
	ingest_ocr_free(NULL);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

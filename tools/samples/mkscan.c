/* mkscan: the scan simulator. Turns a clean page image (rendered from a born-digital PDF) into a
 * printed-and-scanned one with seeded, repeatable degradations on Leptonica: a red round stamp
 * and a pen signature over the signature block, uneven illumination and paper tone, a small skew,
 * blur, salt-and-pepper noise, speckle, JPEG compression, and optionally a page turned 90/180°.
 *
 *   mkscan [--level clean|typical|hard] [--seed N] [--stamp X,Y,R] [--turn 0|90|180|270]
 *          [--gray | --bitonal] [--dpi D] IN.png OUT.{jpg,png,tif}
 *
 * --bitonal thresholds to 1 bit like a fax-mode scanner (TIFF is then G4-compressed).
 * X, Y, R are pixels of the input image. The same arguments give the same output bytes: the
 * random numbers come from our own generator (splitmix64), never rand(). Prints the parameters
 * drawn, one line, on stdout (for the manifest). */
#include "../lib/tool.h"

#include <leptonica/allheaders.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	uint64_t s;
} prng;

static uint64_t prng_next(prng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Uniform in [a, b). */
static double prng_uniform(prng *r, double a, double b)
{
	return a + (b - a) * (double)(prng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int prng_int(prng *r, int n)
{
	return (int)(prng_next(r) % (uint64_t)n);
}

typedef struct {
	const char *name;
	double skew_min, skew_max;  /* degrees, sign drawn */
	double light_min, light_max; /* darkening across the page, 0..1 */
	double tone;                 /* paper tone depth (yellow-grey), 0..1 */
	int blur;                    /* passes of a 3x3 box blur */
	double salt;                 /* flipped pixels per pixel */
	int speckles;                /* dark specks per A4 page at 300 dpi */
	int q_min, q_max;            /* JPEG quality */
} level;

static const level levels[] = {
	{"clean", 0.3, 0.3, 0.00, 0.03, 0.00, 0, 0.0, 0, 85, 85},
	{"typical", 0.5, 1.5, 0.08, 0.18, 0.04, 1, 0.0004, 250, 65, 80},
	{"hard", 1.5, 3.0, 0.20, 0.32, 0.08, 1, 0.0015, 900, 50, 60},
};

static int clamp255(double v)
{
	return v < 0 ? 0 : v > 255 ? 255 : (int)(v + 0.5);
}

/* Multiply pixel (x, y) of a 32 bpp image by ink colour (r, g, b) with opacity a. */
static void ink(PIX *pix, int x, int y, int r, int g, int b, double a)
{
	l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix);
	if (x < 0 || y < 0 || x >= w || y >= h)
		return;
	l_uint32 *line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
	l_int32 pr, pg, pb;
	extractRGBValues(line[x], &pr, &pg, &pb);
	pr = clamp255(pr * (1 - a + a * r / 255.0));
	pg = clamp255(pg * (1 - a + a * g / 255.0));
	pb = clamp255(pb * (1 - a + a * b / 255.0));
	composeRGBPixel(pr, pg, pb, &line[x]);
}

/* A round office stamp: two rings, a band of short strokes between them where the lettering
 * goes, a five-pointed star; red ink, a little patchy. */
static void draw_stamp(PIX *pix, prng *rnd, double cx, double cy, double R)
{
	double t = R * 0.045, r2 = R * 0.74, star = R * 0.28;
	double rot = prng_uniform(rnd, 0, 2 * M_PI);
	int x0 = (int)(cx - R - 2), x1 = (int)(cx + R + 2), y0 = (int)(cy - R - 2), y1 = (int)(cy + R + 2);
	for (int y = y0; y <= y1; y++)
		for (int x = x0; x <= x1; x++) {
			double dx = x - cx, dy = y - cy, d = sqrt(dx * dx + dy * dy);
			double ang = atan2(dy, dx) + rot;
			int on = 0;
			if (fabs(d - (R - t)) < t || fabs(d - r2) < t * 0.6)
				on = 1;
			/* lettering band: 40 strokes radial, with gaps */
			double band = (d - r2) / (R - r2);
			if (band > 0.25 && band < 0.75) {
				double k = fmod(ang / (2 * M_PI) * 44 + 100, 1.0);
				if (k < 0.35 && fmod(ang / (2 * M_PI) * 44 + 100, 11.0) > 1.0)
					on = 1;
			}
			/* the star */
			if (d < star) {
				double a = fmod(ang + 100 * M_PI, 2 * M_PI / 5) - M_PI / 5;
				double lim = star * (0.45 + 0.55 * (1 - fabs(a) / (M_PI / 5)));
				if (d < lim * 0.85)
					on = 1;
			}
			if (on)
				ink(pix, x, y, 205, 30, 45, 0.80 + 0.15 * sin(x * 0.05 + y * 0.031));
		}
}

/* A pen signature: a few loops drawn as short line segments in blue. */
static void draw_signature(PIX *pix, prng *rnd, double cx, double cy, double w)
{
	double ph = prng_uniform(rnd, 0, 6.28), f = prng_uniform(rnd, 2.5, 4.0);
	double px = cx - w / 2, py = cy;
	int steps = 160, width = (int)(w / 120) + 2;
	for (int i = 1; i <= steps; i++) {
		double s = (double)i / steps;
		double x = cx - w / 2 + w * s + w * 0.06 * sin(s * f * 6.28 * 2 + ph);
		double y = cy + w * 0.12 * sin(s * f * 6.28 + ph) * (1 - s * 0.6) - w * 0.1 * s;
		pixRenderLineArb(pix, (int)px, (int)py, (int)x, (int)y, width, 30, 50, 160);
		px = x, py = y;
	}
}

/* Uneven light and paper tone: a linear falloff in a random direction plus a vignette. */
static void illuminate(PIX *pix, prng *rnd, double depth, double tone)
{
	l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
	double gx = prng_uniform(rnd, -1, 1), gy = prng_uniform(rnd, -1, 1);
	double norm = fabs(gx) + fabs(gy) + 1e-9;
	l_uint32 *data = pixGetData(pix);
	for (l_int32 y = 0; y < h; y++) {
		l_uint32 *line = data + (size_t)y * wpl;
		double v = (double)y / h;
		for (l_int32 x = 0; x < w; x++) {
			double u = (double)x / w;
			double lin = ((gx > 0 ? u : 1 - u) * fabs(gx) + (gy > 0 ? v : 1 - v) * fabs(gy)) / norm;
			double vig = (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5);
			double f = 1 - depth * (0.7 * lin + 0.6 * vig);
			l_int32 r, g, b;
			extractRGBValues(line[x], &r, &g, &b);
			composeRGBPixel(clamp255(r * f * (1 - tone * 0.2)), clamp255(g * f * (1 - tone * 0.4)),
					clamp255(b * f * (1 - tone)), &line[x]);
		}
	}
}

static void salt_pepper(PIX *pix, prng *rnd, double density)
{
	l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
	long n = (long)(density * w * h);
	l_uint32 *data = pixGetData(pix);
	for (long i = 0; i < n; i++) {
		int x = prng_int(rnd, w), y = prng_int(rnd, h);
		int v = prng_int(rnd, 2) ? 20 + prng_int(rnd, 60) : 235 + prng_int(rnd, 20);
		composeRGBPixel(v, v, v, data + (size_t)y * wpl + x);
	}
}

static void speckle(PIX *pix, prng *rnd, int count, double scale)
{
	l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix);
	for (int i = 0; i < count; i++) {
		double cx = prng_uniform(rnd, 0, w), cy = prng_uniform(rnd, 0, h);
		double r = prng_uniform(rnd, 0.6, 2.2) * scale;
		int g = 40 + prng_int(rnd, 100);
		for (int y = (int)(cy - r); y <= (int)(cy + r); y++)
			for (int x = (int)(cx - r); x <= (int)(cx + r); x++)
				if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
					ink(pix, x, y, g, g, g, 1.0);
	}
}

int main(int argc, char **argv)
{
	tool_exit_status = 1;
	const char *lname = "typical", *in = NULL, *out = NULL;
	unsigned long long seed = 1;
	double sx = -1, sy = -1, sr = 0;
	int turn = 0, gray = 0, bitonal = 0, dpi = 300;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--level") && i + 1 < argc)
			lname = argv[++i];
		else if (!strcmp(a, "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(a, "--stamp") && i + 1 < argc) {
			if (sscanf(argv[++i], "%lf,%lf,%lf", &sx, &sy, &sr) != 3)
				die("--stamp wants X,Y,R: %s", argv[i]);
		} else if (!strcmp(a, "--turn") && i + 1 < argc)
			turn = atoi(argv[++i]);
		else if (!strcmp(a, "--dpi") && i + 1 < argc)
			dpi = atoi(argv[++i]);
		else if (!strcmp(a, "--gray"))
			gray = 1;
		else if (!strcmp(a, "--bitonal"))
			bitonal = gray = 1;
		else if (a[0] == '-' && a[1] == '-')
			die("unknown option: %s", a);
		else if (!in)
			in = a;
		else if (!out)
			out = a;
		else
			die("too many arguments: %s", a);
	}
	if (!in || !out)
		die("usage: mkscan [--level clean|typical|hard] [--seed N] [--stamp X,Y,R] [--turn 0|90|180|270] [--gray|--bitonal] [--dpi D] IN.png OUT.jpg|png|tif");
	const level *L = NULL;
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
		if (!strcmp(levels[i].name, lname))
			L = &levels[i];
	if (!L)
		die("unknown level: %s", lname);
	if (turn % 90 != 0)
		die("--turn wants 0, 90, 180 or 270");

	setMsgSeverity(L_SEVERITY_NONE);
	PIX *src = pixRead(in);
	if (!src)
		die("cannot read: %s", in);
	PIX *pix = pixConvertTo32(src);
	pixDestroy(&src);
	if (!pix)
		die("cannot convert to RGB: %s", in);

	prng rnd = {seed * 0x2545F4914F6CDD1Dull + 12345};
	double skew = prng_uniform(&rnd, L->skew_min, L->skew_max) * (prng_int(&rnd, 2) ? 1 : -1);
	double light = prng_uniform(&rnd, L->light_min, L->light_max);
	int quality = L->q_min + prng_int(&rnd, L->q_max - L->q_min + 1);
	double scale = dpi / 300.0;

	if (sr > 0) {
		draw_signature(pix, &rnd, sx + sr * 1.2, sy - sr * 0.1, sr * 1.6);
		draw_stamp(pix, &rnd, sx, sy, sr);
	}
	if (light > 0 || L->tone > 0)
		illuminate(pix, &rnd, light, L->tone);
	PIX *rot = pixRotate(pix, (float)(skew * M_PI / 180), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
	pixDestroy(&pix);
	pix = rot;
	for (int b = 0; b < L->blur && pix; b++) {
		PIX *bl = pixBlockconv(pix, 1, 1);
		pixDestroy(&pix);
		pix = bl;
	}
	if (!pix)
		die("degradation failed: %s", in);
	if (L->salt > 0)
		salt_pepper(pix, &rnd, L->salt);
	if (L->speckles > 0) {
		double area = (double)pixGetWidth(pix) * pixGetHeight(pix) / (2480.0 * 3508.0 * scale * scale);
		speckle(pix, &rnd, (int)(L->speckles * area), scale);
	}
	if (gray) {
		PIX *g = pixConvertRGBToLuminance(pix);
		pixDestroy(&pix);
		pix = g;
	}
	if (bitonal) {
		PIX *b = pixConvertTo1(pix, 150);
		pixDestroy(&pix);
		pix = b;
	}
	if (!pix)
		die("conversion failed: %s", in);
	if (turn) {
		PIX *t = pixRotateOrth(pix, (turn / 90) % 4);
		pixDestroy(&pix);
		pix = t;
	}
	pixSetResolution(pix, dpi, dpi);

	const char *ext = strrchr(out, '.');
	l_ok bad;
	if (ext && (!strcmp(ext, ".jpg") || !strcmp(ext, ".jpeg")))
		bad = pixWriteJpeg(out, pix, quality, 0);
	else if (ext && (!strcmp(ext, ".tif") || !strcmp(ext, ".tiff")))
		bad = pixWriteTiff(out, pix, bitonal ? IFF_TIFF_G4 : IFF_TIFF_LZW, "w");
	else
		bad = pixWrite(out, pix, IFF_PNG);
	pixDestroy(&pix);
	if (bad)
		die("cannot write: %s", out);
	printf("level=%s seed=%llu skew=%.2f light=%.2f jpeg=%d turn=%d stamp=%s dpi=%d\n", L->name,
	       seed, skew, light, quality, turn, sr > 0 ? "yes" : "no", dpi);
	return 0;
}

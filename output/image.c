/* image: read just enough of a PNG, JPEG or TIFF to put its coded data into a PDF as it is —
 * JPEG as DCT, a PNG's deflate data with its row predictors, a TIFF's G4 strip as CCITT, its
 * PackBits as RunLength and a single deflate strip as Flate — so the page image is the scanner's
 * own bytes. What PDF cannot carry that way (transparency, interlacing, LZW, JPEG-in-TIFF,
 * several deflate strips, ...) is marked FILTER_NONE with the reason; pdf.c then decodes it and
 * stores it again, losslessly. */
#include "output-int.h"

#include <stdlib.h>
#include <string.h>

void out_image_clear(out_image *img)
{
	free(img->owned);
	memset(img, 0, sizeof *img);
}

static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static int is_png(const unsigned char *d, size_t n) { return n >= 8 && !memcmp(d, "\x89PNG\r\n\x1a\n", 8); }
static int is_jpeg(const unsigned char *d, size_t n) { return n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF; }
static int is_tiff(const unsigned char *d, size_t n)
{
	return n >= 8 && (!memcmp(d, "II*\0", 4) || !memcmp(d, "MM\0*", 4));
}

static int none(out_image *img, const char *why)
{
	img->filter = OUT_FILTER_NONE;
	img->why = why;
	return 0;
}

/* ---- PNG ---- */
static int png_read(const unsigned char *d, size_t n, out_image *img)
{
	size_t i = 8, idat_bytes = 0, nidat = 0;
	int ctype = -1, interlace = 0, trns = 0;
	const unsigned char *one = NULL;
	/* first pass: the header chunks and the size of the image data */
	while (i + 12 <= n) {
		uint32_t len = be32(d + i);
		const unsigned char *type = d + i + 4, *body = d + i + 8;
		if (len > n - i - 12)
			return none(img, "truncated PNG");
		if (!memcmp(type, "IHDR", 4) && len >= 13) {
			img->width = (int)be32(body), img->height = (int)be32(body + 4);
			img->bpc = body[8], ctype = body[9], interlace = body[12];
		} else if (!memcmp(type, "PLTE", 4) && len % 3 == 0 && len <= 768) {
			img->indexed = (int)(len / 3);
			memcpy(img->palette, body, len);
		} else if (!memcmp(type, "tRNS", 4)) {
			trns = 1;
		} else if (!memcmp(type, "pHYs", 4) && len >= 9 && body[8] == 1) {
			img->xdpi = (float)(be32(body) * 0.0254), img->ydpi = (float)(be32(body + 4) * 0.0254);
		} else if (!memcmp(type, "IDAT", 4)) {
			idat_bytes += len, nidat++, one = body;
		} else if (!memcmp(type, "IEND", 4)) {
			break;
		}
		i += 12 + len;
	}
	if (ctype < 0 || img->width <= 0 || img->height <= 0 || !nidat)
		return none(img, "not a readable PNG");
	if (interlace)
		return none(img, "interlaced PNG");
	if (trns || ctype == 4 || ctype == 6)
		return none(img, "PNG with transparency");
	if (ctype == 0)
		img->colors = 1, img->indexed = 0;
	else if (ctype == 2 && (img->bpc == 8 || img->bpc == 16))
		img->colors = 3, img->indexed = 0;
	else if (ctype == 3 && img->indexed && img->bpc <= 8)
		img->colors = 3;
	else
		return none(img, "PNG of an unusual colour type");
	img->filter = OUT_FILTER_FLATE;
	img->predictor = 15;
	if (nidat == 1) {
		img->data = one, img->len = idat_bytes;
		return 0;
	}
	if (!(img->owned = malloc(idat_bytes)))
		return -1;
	for (i = 8; i + 12 <= n;) { /* the IDAT chunks joined: one deflate stream */
		uint32_t len = be32(d + i);
		if (!memcmp(d + i + 4, "IDAT", 4)) {
			memcpy(img->owned + img->len, d + i + 8, len);
			img->len += len;
		}
		i += 12 + len;
	}
	img->data = img->owned;
	return 0;
}

/* ---- JPEG ---- */
static int jpeg_read(const unsigned char *d, size_t n, out_image *img)
{
	size_t i = 2;
	int adobe = 0, sof = 0;
	while (i + 4 <= n) {
		if (d[i] != 0xFF)
			return none(img, "not a readable JPEG");
		unsigned m = d[i + 1];
		if (m == 0xFF) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
			i += 2;
			continue;
		}
		if (m == 0xD9 || m == 0xDA)
			break;
		unsigned len = be16(d + i + 2);
		const unsigned char *body = d + i + 4;
		if (len < 2 || len > n - i - 2)
			return none(img, "truncated JPEG");
		if (m == 0xE0 && len >= 14 && !memcmp(body, "JFIF\0", 5)) {
			unsigned units = body[7], xd = be16(body + 8), yd = be16(body + 10);
			if (units == 1)
				img->xdpi = (float)xd, img->ydpi = (float)yd;
			else if (units == 2)
				img->xdpi = xd * 2.54f, img->ydpi = yd * 2.54f;
		} else if (m == 0xEE && len >= 7 && !memcmp(body, "Adobe", 5)) {
			adobe = 1;
		} else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && len >= 8) {
			if (m > 0xC2)
				return none(img, "lossless or arithmetic-coded JPEG");
			if (body[0] != 8)
				return none(img, "JPEG with 12-bit samples");
			img->height = (int)be16(body + 1), img->width = (int)be16(body + 3);
			img->colors = body[5];
			sof = 1;
		}
		i += 2 + len;
	}
	if (!sof || img->width <= 0 || img->height <= 0)
		return none(img, "not a readable JPEG");
	if (img->colors != 1 && img->colors != 3 && img->colors != 4)
		return none(img, "JPEG with an unusual number of components");
	img->bpc = 8;
	img->invert = img->colors == 4 && adobe; /* Adobe's CMYK JPEGs are stored inverted */
	img->filter = OUT_FILTER_DCT;
	img->data = d, img->len = n;
	return 0;
}

/* ---- TIFF ---- */
typedef struct tiff {
	const unsigned char *d;
	size_t n;
	int le;
} tiff;

static unsigned t16(const tiff *t, size_t at)
{
	if (at + 2 > t->n)
		return 0;
	const unsigned char *p = t->d + at;
	return t->le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static uint32_t t32(const tiff *t, size_t at)
{
	if (at + 4 > t->n)
		return 0;
	const unsigned char *p = t->d + at;
	return t->le ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 : be32(p);
}

/* Value k of a SHORT or LONG field whose 12-byte entry is at e. */
static uint32_t field_value(const tiff *t, size_t e, uint32_t k)
{
	unsigned type = t16(t, e + 2);
	uint32_t count = t32(t, e + 4);
	if (k >= count)
		return 0;
	size_t size = type == 3 ? 2 : 4;
	size_t at = count * size <= 4 ? e + 8 : t32(t, e + 8);
	at += k * size;
	return type == 3 ? t16(t, at) : t32(t, at);
}

static float field_rational(const tiff *t, size_t e)
{
	if (t16(t, e + 2) != 5)
		return (float)field_value(t, e, 0);
	size_t at = t32(t, e + 8);
	uint32_t num = t32(t, at), den = t32(t, at + 4);
	return den ? (float)num / (float)den : 0;
}

/* The offset of IFD index, 0 when there is none. */
static size_t tiff_ifd(const tiff *t, int index)
{
	size_t off = t32(t, 4);
	for (int i = 0; off && i < index && i < 100000; i++) {
		unsigned cnt = t16(t, off);
		off = t32(t, off + 2 + 12 * (size_t)cnt);
	}
	return off + 2 <= t->n ? off : 0;
}

static int tiff_read(const unsigned char *d, size_t n, int index, out_image *img)
{
	tiff t = {d, n, d[0] == 'I'};
	size_t ifd = tiff_ifd(&t, index);
	if (!ifd)
		return none(img, "no such TIFF page");
	unsigned cnt = t16(&t, ifd);
	uint32_t comp = 1, photo = 0, spp = 1, fill = 1, planar = 1, predictor = 1, unit = 2, extra = 0, t6 = 0;
	size_t offs = 0, sizes = 0;
	uint32_t nstrips = 0, nsizes = 0;
	float xres = 0, yres = 0;
	img->bpc = 1;
	for (unsigned i = 0; i < cnt; i++) {
		size_t e = ifd + 2 + 12 * (size_t)i;
		if (e + 12 > n)
			return none(img, "truncated TIFF");
		switch (t16(&t, e)) {
		case 256: img->width = (int)field_value(&t, e, 0); break;
		case 257: img->height = (int)field_value(&t, e, 0); break;
		case 258: img->bpc = (int)field_value(&t, e, 0); break;
		case 259: comp = field_value(&t, e, 0); break;
		case 262: photo = field_value(&t, e, 0); break;
		case 266: fill = field_value(&t, e, 0); break;
		case 273: offs = e, nstrips = t32(&t, e + 4); break;
		case 277: spp = field_value(&t, e, 0); break;
		case 279: sizes = e, nsizes = t32(&t, e + 4); break;
		case 282: xres = field_rational(&t, e); break;
		case 283: yres = field_rational(&t, e); break;
		case 284: planar = field_value(&t, e, 0); break;
		case 293: t6 = field_value(&t, e, 0); break;
		case 296: unit = field_value(&t, e, 0); break;
		case 317: predictor = field_value(&t, e, 0); break;
		case 338: extra = t32(&t, e + 4); break;
		}
	}
	if (unit == 2 || unit == 3) {
		float k = unit == 3 ? 2.54f : 1.0f;
		img->xdpi = xres * k, img->ydpi = yres * k;
	}
	if (img->width <= 0 || img->height <= 0 || !offs || !nstrips || nstrips != nsizes)
		return none(img, "not a readable TIFF page");
	if (extra || (spp != 1 && spp != 3) || planar != 1 || fill != 1)
		return none(img, "TIFF with alpha, separate planes or reversed bit order");
	if (photo > 2)
		return none(img, "TIFF with a palette or an unusual colour model");
	img->colors = (int)spp;
	if ((photo == 2) != (spp == 3))
		return none(img, "TIFF whose colour model and samples disagree");
	if (img->bpc != 1 && img->bpc != 8)
		return none(img, "TIFF with other than 1 or 8 bits a sample");
	/* the strips, in one piece when they are one */
	uint64_t total = 0;
	for (uint32_t s = 0; s < nstrips; s++) {
		uint32_t o = field_value(&t, offs, s), z = field_value(&t, sizes, s);
		if ((uint64_t)o + z > n)
			return none(img, "truncated TIFF");
		total += z;
	}
	switch (comp) {
	case 4: /* CCITT G4 as faxes store it: WhiteIsZero, one strip */
		if (img->bpc != 1 || spp != 1 || nstrips != 1 || (t6 & 2) || photo != 0)
			return none(img, "TIFF G4 in several strips or BlackIsZero");
		img->filter = OUT_FILTER_CCITT;
		break;
	case 32773: /* PackBits is PDF's RunLengthDecode, row by row, so strips join */
		img->filter = OUT_FILTER_RUNLENGTH;
		img->invert = photo == 0;
		break;
	case 8:
	case 32946:
		if (nstrips != 1 || (predictor != 1 && predictor != 2))
			return none(img, "TIFF deflate in several strips");
		img->filter = OUT_FILTER_FLATE;
		img->predictor = (int)predictor;
		img->invert = photo == 0;
		break;
	default:
		return none(img, comp == 1 ? "uncompressed TIFF" : comp == 5 ? "TIFF LZW (not allowed in PDF/A)" :
			   "TIFF compression PDF cannot carry");
	}
	if (nstrips == 1) {
		img->data = d + field_value(&t, offs, 0), img->len = field_value(&t, sizes, 0);
		return 0;
	}
	if (!(img->owned = malloc(total ? (size_t)total : 1)))
		return -1;
	for (uint32_t s = 0; s < nstrips; s++) {
		uint32_t o = field_value(&t, offs, s), z = field_value(&t, sizes, s);
		memcpy(img->owned + img->len, d + o, z);
		img->len += z;
	}
	img->data = img->owned;
	return 0;
}

int out_image_count(const unsigned char *data, size_t len)
{
	if (is_png(data, len) || is_jpeg(data, len))
		return 1;
	if (!is_tiff(data, len))
		return 0;
	tiff t = {data, len, data[0] == 'I'};
	int k = 0;
	for (size_t off = t32(&t, 4); off && off + 2 <= len && k < 100000; k++)
		off = t32(&t, off + 2 + 12 * (size_t)t16(&t, off));
	return k;
}

int out_image_read(const unsigned char *data, size_t len, int index, out_image *img)
{
	memset(img, 0, sizeof *img);
	if (is_png(data, len))
		return index ? none(img, "no such page") : png_read(data, len, img);
	if (is_jpeg(data, len))
		return index ? none(img, "no such page") : jpeg_read(data, len, img);
	if (is_tiff(data, len))
		return tiff_read(data, len, index, img);
	return none(img, "not a PNG, JPEG or TIFF");
}

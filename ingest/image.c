/* Images (PNG, JPEG, TIFF incl. multi-page, PNM): each image page is decoded through Leptonica
 * (PNG through libpng, quietly) and read by OCR, pages in parallel with one OCR engine per worker.
 * With ocr-prep.c, the only files that include leptonica/allheaders.h; the only one that includes
 * png.h. */
#include "ingest-int.h"

#include <leptonica/allheaders.h>
#include <png.h>
#include <jpeglib.h>
#include <setjmp.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int pnm_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* 1 if head[0..n) starts as a PNM header does: "P1".."P6", then the width and the height as
 * numbers, each after white space and any "#" comment lines ("P1 is a line" is not one). */
static int pnm_header(const unsigned char *head, size_t n)
{
	if (n < 3 || head[0] != 'P' || head[1] < '1' || head[1] > '6')
		return 0;
	size_t i = 2;
	for (int field = 0; field < 2; field++) {
		size_t sp = i;
		while (i < n && (pnm_space(head[i]) || head[i] == '#')) {
			if (head[i] == '#')
				while (i < n && head[i] != '\n')
					i++;
			else
				i++;
		}
		size_t digits = i;
		while (i < n && head[i] >= '0' && head[i] <= '9')
			i++;
		if (i == sp || (!pnm_space(head[sp]) && head[sp] != '#') || i == digits || i >= n || !pnm_space(head[i]))
			return 0;
	}
	return 1;
}

static int image_recognize(const char *path, const unsigned char *head, size_t n)
{
	(void)path;
	if (n >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8))
		return 1;
	if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
		return 1;
	if (n >= 4 && (!memcmp(head, "II*\0", 4) || !memcmp(head, "MM\0*", 4)))
		return 1;
	return pnm_header(head, n);
}

int ingest_image_named(const char *path)
{
	static const char *const ext[] = {"jpg", "jpeg", "png", "tif", "tiff", "pnm", "pgm",
					  "ppm", "pbm", "bmp", "gif", "webp", "jp2", NULL};
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return 0;
	for (size_t i = 0; ext[i]; i++)
		if (!strcasecmp(dot + 1, ext[i]))
			return 1;
	return 0;
}

/* ---- decoding ---- */

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

/* The resolution in a PNG's pHYs chunk (before the image data), in dots per inch; 0 when none. */
static int png_dpi(const unsigned char *d, size_t n)
{
	for (size_t i = 8; i + 8 <= n;) {
		uint32_t len = (uint32_t)d[i] << 24 | (uint32_t)d[i + 1] << 16 | (uint32_t)d[i + 2] << 8 | d[i + 3];
		const unsigned char *type = d + i + 4, *body = d + i + 8;
		if (!memcmp(type, "IDAT", 4) || len > n - i - 8)
			break;
		if (!memcmp(type, "pHYs", 4) && len == 9 && body[8] == 1) { /* pixels per metre */
			uint32_t ppm = (uint32_t)body[0] << 24 | (uint32_t)body[1] << 16 | (uint32_t)body[2] << 8 | body[3];
			return (int)(ppm * 0.0254 + 0.5);
		}
		i += 12 + (size_t)len;
	}
	return 0;
}

/* A PNG into r through libpng's simplified API, which keeps its warnings and errors to itself
 * (Leptonica's PNG reader lets libpng print them on stderr). Gray and palette-gray become 8-bit
 * gray, anything with colour 8-bit RGB; transparency is laid on white, 16-bit samples are cut
 * to 8. r->dpi is the file's, 0 when it has none. SOHOA_ERR_FORMAT with libpng's reason. */
static sohoa_status png_read(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
			     ingest_raster *r)
{
	png_image img;
	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&img, data, len))
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': corrupt PNG (%s)", path, img.message);
	int color = (img.format & PNG_FORMAT_FLAG_COLOR) != 0;
	img.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
	unsigned char *s = malloc(PNG_IMAGE_SIZE(img));
	if (!s) {
		png_image_free(&img);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "'%s': out of memory decoding", path);
	}
	png_color white = {255, 255, 255};
	if (!png_image_finish_read(&img, &white, s, 0, NULL)) {
		free(s);
		png_image_free(&img);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': corrupt PNG (%s)", path, img.message);
	}
	r->samples = s;
	r->w = (int)img.width;
	r->h = (int)img.height;
	r->n = color ? 3 : 1;
	r->stride = r->w * r->n;
	r->dpi = png_dpi(data, len);
	return SOHOA_OK;
}

/* libjpeg's error manager that keeps its messages to itself (Leptonica's JPEG reader lets libjpeg
 * print warnings on stderr): an error jumps back with its text in msg, a warning (corrupt data
 * that libjpeg fills in) is counted by libjpeg and not printed. */
typedef struct jpeg_quiet {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
	char msg[JMSG_LENGTH_MAX];
} jpeg_quiet;

static void jpeg_quiet_exit(j_common_ptr c)
{
	jpeg_quiet *q = (jpeg_quiet *)c->err;
	q->mgr.format_message(c, q->msg);
	longjmp(q->jump, 1);
}

static void jpeg_quiet_output(j_common_ptr c)
{
	(void)c;
}

/* A JPEG's header (r->samples NULL) or whole image into r through libjpeg: gray stays 8-bit gray,
 * anything else becomes 8-bit RGB (Adobe CMYK undone on white). r->dpi is the file's, 0 when it
 * has none. SOHOA_ERR_FORMAT with libjpeg's reason. */
static sohoa_status jpeg_read(sohoa_ctx *ctx, const char *path, const unsigned char *data, size_t len,
			      int header_only, ingest_raster *r)
{
	struct jpeg_decompress_struct cinfo;
	jpeg_quiet q;
	unsigned char *volatile s = NULL;
	unsigned char *volatile row = NULL;
	memset(r, 0, sizeof *r);
	cinfo.err = jpeg_std_error(&q.mgr);
	q.mgr.error_exit = jpeg_quiet_exit;
	q.mgr.output_message = jpeg_quiet_output;
	q.msg[0] = 0;
	if (setjmp(q.jump)) {
		jpeg_destroy_decompress(&cinfo);
		free(s);
		free(row);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': corrupt JPEG (%s)", path, q.msg);
	}
	jpeg_create_decompress(&cinfo);
	jpeg_mem_src(&cinfo, data, (unsigned long)len);
	jpeg_read_header(&cinfo, TRUE);
	int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
	cinfo.out_color_space = cinfo.num_components == 1 ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
	r->w = (int)cinfo.image_width;
	r->h = (int)cinfo.image_height;
	r->n = cinfo.num_components == 1 ? 1 : 3;
	r->stride = r->w * r->n;
	r->dpi = cinfo.density_unit == 1 ? cinfo.X_density
		 : cinfo.density_unit == 2 ? (int)(cinfo.X_density * 2.54 + 0.5) : 0;
	if (header_only || r->w <= 0 || r->h <= 0 || (int64_t)r->w * r->h > ctx->opt.max_pixels) {
		jpeg_destroy_decompress(&cinfo);
		return SOHOA_OK;
	}
	jpeg_start_decompress(&cinfo);
	s = malloc((size_t)r->stride * (size_t)r->h);
	row = malloc((size_t)cinfo.output_width * (size_t)cinfo.output_components);
	if (!s || !row) {
		jpeg_destroy_decompress(&cinfo);
		free(s);
		free(row);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "'%s': out of memory decoding", path);
	}
	while (cinfo.output_scanline < cinfo.output_height) {
		unsigned char *out = s + (size_t)cinfo.output_scanline * (size_t)r->stride;
		JSAMPROW rows[1] = {cmyk ? row : out};
		jpeg_read_scanlines(&cinfo, rows, 1);
		for (int x = 0; cmyk && x < r->w; x++) { /* Adobe writes CMYK inverted */
			unsigned k = row[4 * x + 3];
			for (int c = 0; c < 3; c++)
				out[3 * x + c] = (unsigned char)(row[4 * x + c] * k / 255);
		}
	}
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	free(row);
	r->samples = s;
	return SOHOA_OK;
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
	sohoa_ingest_global_init(); /* Leptonica quiet, if the program did not */
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
	if (format == IFF_JFIF_JPEG) {
		ingest_raster r;
		sohoa_status st = jpeg_read(ctx, path, data, len, 1, &r);
		if (st != SOHOA_OK)
			return st;
		if (r.w <= 0 || r.h <= 0)
			return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': image has no pixels (%dx%d)", path, r.w, r.h);
		*npages = 1;
		return SOHOA_OK;
	}
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
	if (format == IFF_JFIF_JPEG) {
		ingest_raster hr = {0};
		ok = index == 0 && jpeg_read(ctx, path, data, len, 1, &hr) == SOHOA_OK;
		w = hr.w;
		h = hr.h;
	} else if (is_tiff(format))
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
	if (format == IFF_PNG || format == IFF_JFIF_JPEG) {
		sohoa_status st = format == IFF_PNG ? png_read(ctx, path, data, len, r)
						    : jpeg_read(ctx, path, data, len, 0, r);
		if (st == SOHOA_OK)
			r->dpi = image_dpi(ctx, r->dpi, r->w, r->h);
		return st;
	}
	PIX *pix = is_tiff(format) ? pixReadMemTiff(data, len, index) : pixReadMem(data, len);
	if (!pix)
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': page %d: corrupt image data", path, index + 1);
	if (!res)
		res = pixGetXRes(pix);
	/* colour stays colour (ocr-prep.c makes the gray for OCR); the rest becomes 8 bpp */
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

/* ---- the handler ---- */

typedef struct image_job {
	sohoa_ctx *ctx;
	const char *path;
	const unsigned char *data;
	size_t len;
	sohoa_doc *doc;
	ingest_ocr **ocr;     /* one engine per worker, created on first use */
	sohoa_ctx **wctx;     /* one error slot per worker */
} image_job;

static void page_fail(sohoa_page *page, sohoa_status st, const char *msg)
{
	ingest_page_clear(page);
	page->status = st;
	free(page->error);
	page->error = sohoa_strdup(ingest_page_reason(msg, page->number));
}

static void image_page(void *arg, int worker, size_t i)
{
	image_job *job = arg;
	sohoa_page *page = &job->doc->pages[i];
	sohoa_ctx *ctx = job->wctx[worker];
	if (!ctx) {
		page_fail(page, SOHOA_ERR_NOMEM, "out of memory");
		return;
	}
	if (sohoa_interrupted(ctx)) {
		page_fail(page, SOHOA_ERR_INTERRUPTED, "interrupted");
		return;
	}
	sohoa_clear_error(ctx);
	if (!job->ocr[worker] && ingest_ocr_new(ctx, &job->ocr[worker]) != SOHOA_OK) {
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
		return;
	}
	ingest_raster r;
	if (ingest_image_read(ctx, job->path, job->data, job->len, page->number - 1, &r) != SOHOA_OK) {
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
		return;
	}
	page->width = (float)(r.w * 72.0 / r.dpi);
	page->height = (float)(r.h * 72.0 / r.dpi);
	if (ingest_ocr_raster(ctx, job->ocr[worker], &r, page) != SOHOA_OK)
		page_fail(page, ctx->status, sohoa_errmsg(ctx));
	free(r.samples);
}

/* Also opens a file named as an image (ingest_image_named) whose bytes have no image signature:
 * that fails here, as an image. */
static sohoa_status image_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	char *data = NULL;
	size_t len = 0;
	sohoa_status st = sohoa_file_read(ctx, path, &data, &len);
	if (st != SOHOA_OK)
		return st;
	const unsigned char *bytes = (const unsigned char *)data;
	if (!image_recognize(path, bytes, len < 1024 ? len : 1024)) {
		free(data);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "cannot read image '%s': not a JPEG, PNG, TIFF or PNM file",
				   path);
	}
	if (ctx->opt.ocr == SOHOA_OCR_NEVER) {
		free(data);
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s' is an image and --ocr never is set", path);
	}
	int n = 0;
	image_job job = {ctx, path, bytes, len, doc, NULL, NULL};
	int jobs = 0;
	if ((st = ingest_image_count(ctx, path, bytes, len, &n)) != SOHOA_OK)
		goto done;
	doc->page_count = n;
	sohoa_deadline_pages(ctx, (size_t)n); /* --timeout: the image's pages set its deadline */
	if (n > ctx->opt.max_pages) {
		st = sohoa_error(ctx, SOHOA_ERR_LIMIT, "'%s' has %d pages, over the limit of %d", path, n,
				 ctx->opt.max_pages);
		goto done;
	}
	for (int p = 1; p <= n; p++) {
		if (!sohoa_page_selected(ctx->opt.pages, p))
			continue;
		sohoa_page *page = ingest_page_add(doc, p);
		if (!page) {
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
			goto done;
		}
		page->source = SOHOA_SRC_OCR;
		page->decision = sohoa_strdup("image");
	}
	if (doc->npages == 0)
		goto done;
	jobs = ctx->opt.jobs > 0 ? ctx->opt.jobs : 1;
	if ((size_t)jobs > doc->npages)
		jobs = (int)doc->npages;
	job.ocr = calloc((size_t)jobs, sizeof *job.ocr);
	job.wctx = calloc((size_t)jobs, sizeof *job.wctx);
	if (!job.ocr || !job.wctx) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
		goto done;
	}
	/* The first engine is made here so a missing traineddata is one error for the file. */
	if ((st = ingest_ocr_new(ctx, &job.ocr[0])) != SOHOA_OK) {
		char msg[sizeof ctx->errmsg];
		snprintf(msg, sizeof msg, "%s", sohoa_errmsg(ctx));
		sohoa_error(ctx, st, "'%s': %s", path, msg);
		goto done;
	}
	for (int w = 0; w < jobs; w++)
		job.wctx[w] = sohoa_ctx_new_worker(ctx);
	sohoa_parallel_for(jobs, doc->npages, image_page, &job);
	/* A one-page image that cannot be read is a failed file, not a failed page. */
	if (doc->npages == 1 && n == 1 && doc->pages[0].status != SOHOA_OK &&
	    doc->pages[0].status != SOHOA_ERR_TIMEOUT && doc->pages[0].status != SOHOA_ERR_INTERRUPTED) {
		st = doc->pages[0].status;
		const char *msg = doc->pages[0].error ? doc->pages[0].error : sohoa_status_str(st);
		if (!strncmp(msg, "'", 1))
			sohoa_error(ctx, st, "%s", msg);
		else
			sohoa_error(ctx, st, "'%s': %s", path, msg);
	}
done:
	if (job.ocr)
		for (int w = 0; w < jobs; w++)
			ingest_ocr_free(job.ocr[w]);
	if (job.wctx)
		for (int w = 0; w < jobs; w++)
			sohoa_ctx_free(job.wctx[w]);
	free(job.ocr);
	free(job.wctx);
	free(data);
	return st;
}

const ingest_handler ingest_image_handler = {"image", image_recognize, image_open};

const char *sohoa_ocr_leptonica_version(void)
{
	static char v[32];
	char *s = getLeptonicaVersion(); /* "leptonica-1.82.0" */
	snprintf(v, sizeof v, "%s", !s ? "?" : strncmp(s, "leptonica-", 10) ? s : s + 10);
	lept_free(s);
	return v;
}

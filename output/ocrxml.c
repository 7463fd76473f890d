/* ocrxml: hOCR and ALTO of what ingest read, for archives and digital libraries. Both describe
 * each page's blocks, lines and words with boxes in pixels of the page as stored: an image file
 * at its own size, a PDF page rendered at --dpi; a page OCR had to turn is described as stored,
 * its text's angle given (hOCR textangle, ALTO ROTATION, counterclockwise degrees). sohoa reads
 * no block structure, so blocks here are runs of lines that follow each other closely in reading
 * order and overlap horizontally. */
#include "output-int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int out_xml_escape(sohoa_buf *out, const char *s, size_t n)
{
	int r = 0;
	for (size_t i = 0; i < n && !r;) {
		size_t b = i;
		while (i < n && s[i] != '&' && s[i] != '<' && s[i] != '>' && s[i] != '"' && s[i] != '\'' &&
		       !((unsigned char)s[i] < 0x20 && s[i] != '\t'))
			i++;
		r = sohoa_buf_append(out, s + b, i - b);
		if (i >= n || r)
			break;
		switch (s[i++]) {
		case '&': r = sohoa_buf_puts(out, "&amp;"); break;
		case '<': r = sohoa_buf_puts(out, "&lt;"); break;
		case '>': r = sohoa_buf_puts(out, "&gt;"); break;
		case '"': r = sohoa_buf_puts(out, "&quot;"); break;
		case '\'': r = sohoa_buf_puts(out, "&apos;"); break;
		default: break; /* control characters are not allowed in XML 1.0 */
		}
	}
	return r ? -1 : 0;
}

/* One page's frame: how its upright boxes become stored pixels. */
typedef struct frame {
	int turns;
	float w, h;          /* stored size, points */
	double scale;        /* pixels a point */
	long pw, ph;         /* stored size, pixels */
} frame;

static void frame_box(const frame *f, float x0, float y0, float x1, float y1, long px[4])
{
	float b[4] = {x0, y0, x1, y1}, s[4];
	out_box_stored(f->turns, f->w, f->h, b, s);
	px[0] = lround(s[0] * f->scale), px[1] = lround(s[1] * f->scale);
	px[2] = lround(s[2] * f->scale), px[3] = lround(s[3] * f->scale);
	if (px[2] < px[0])
		px[2] = px[0];
	if (px[3] < px[1])
		px[3] = px[1];
}

/* The frames of doc's pages. For images the scale comes from the file's pixel size; for PDFs
 * from --dpi. */
static sohoa_status frames_new(sohoa_ctx *ctx, const sohoa_doc *doc, frame **out)
{
	*out = NULL;
	if (!doc->kind || (strcmp(doc->kind, "pdf") && strcmp(doc->kind, "image")))
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "'%s': hOCR and ALTO need page positions, which a %s file has not",
				   doc->path, doc->kind ? doc->kind : "text");
	frame *f = calloc(doc->npages ? doc->npages : 1, sizeof *f);
	if (!f)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	int dpi = ctx->opt.dpi > 0 ? ctx->opt.dpi : 300;
	char *data = NULL;
	size_t len = 0;
	if (!strcmp(doc->kind, "image") && sohoa_file_read(ctx, doc->path, &data, &len) != SOHOA_OK) {
		free(f);
		return ctx->status;
	}
	for (size_t p = 0; p < doc->npages; p++) {
		const sohoa_page *pg = &doc->pages[p];
		f[p].turns = out_page_turns(pg);
		out_page_stored_size(pg, &f[p].w, &f[p].h);
		f[p].scale = dpi / 72.0;
		if (data) {
			out_image img;
			if (out_image_read((const unsigned char *)data, len, pg->number - 1, &img) == 0 && img.width > 0) {
				if (f[p].w > 0)
					f[p].scale = img.width / f[p].w;
				f[p].pw = img.width, f[p].ph = img.height;
			}
			out_image_clear(&img);
		}
		if (!f[p].pw)
			f[p].pw = lround(f[p].w * f[p].scale), f[p].ph = lround(f[p].h * f[p].scale);
	}
	free(data);
	*out = f;
	return SOHOA_OK;
}

/* Blocks: [start, end) line ranges of a page. */
static size_t next_block(const sohoa_page *pg, size_t start)
{
	size_t i = start + 1;
	float bx0 = pg->lines[start].x0, bx1 = pg->lines[start].x1;
	for (; i < pg->nlines; i++) {
		const sohoa_line *a = &pg->lines[i - 1], *b = &pg->lines[i];
		float h = fmaxf(a->y1 - a->y0, b->y1 - b->y0);
		if (b->y0 - a->y1 > 0.8f * h || b->y0 < a->y0 - 0.5f * h || b->x0 > bx1 || b->x1 < bx0)
			break;
		bx0 = fminf(bx0, b->x0), bx1 = fmaxf(bx1, b->x1);
	}
	return i;
}

/* The box of lines [a, b) of pg, in the frame's pixels. */
static void block_px(const frame *f, const sohoa_page *pg, size_t a, size_t b, long px[4])
{
	float box[4] = {1e30f, 1e30f, -1e30f, -1e30f};
	for (size_t i = a; i < b; i++) {
		const sohoa_line *l = &pg->lines[i];
		box[0] = fminf(box[0], l->x0), box[1] = fminf(box[1], l->y0);
		box[2] = fmaxf(box[2], l->x1), box[3] = fmaxf(box[3], l->y1);
	}
	frame_box(f, box[0], box[1], box[2], box[3], px);
}

/* Append word text s (may be NULL) escaped. */
static int put_text(sohoa_buf *o, const char *s)
{
	return out_xml_escape(o, s ? s : "", s ? strlen(s) : 0);
}

/* The words of a line; a line without words is one word of its own text and box. */
static size_t line_words(const sohoa_line *l, const sohoa_word **w, sohoa_word *alone)
{
	if (l->nwords) {
		*w = l->words;
		return l->nwords;
	}
	*alone = (sohoa_word){l->text, l->x0, l->y0, l->x1, l->y1, l->confidence};
	*w = alone;
	return l->text && *l->text;
}

/* One page's walk for a writer: its blocks, lines and words in reading order with their boxes in
 * stored pixels, handed to the writer's callbacks (each nonzero when out of memory); line_end and
 * block_end close a line and a block. Ids count from 1 on each page. */
typedef struct walk {
	sohoa_buf *o;
	const frame *f;
	int page;            /* the page's number */
	int nb, nl, nw;      /* blocks, lines, words so far on the page */
	int skip_empty;      /* leave out a block without words */
	int (*block)(struct walk *k, const long px[4]);
	int (*line)(struct walk *k, const long px[4]);
	/* word w[j] (w[j - 1] is the one before it on its line) */
	int (*word)(struct walk *k, const sohoa_word *w, size_t j, const long px[4]);
	const char *line_end, *block_end;
} walk;

/* Walk page pg: nonzero when out of memory. */
static int walk_page(walk *k, const sohoa_page *pg)
{
	int r = 0;
	for (size_t a = 0, b; a < pg->nlines && !r; a = b) {
		b = next_block(pg, a);
		size_t words = 0;
		for (size_t i = a; i < b; i++) {
			const sohoa_word *w;
			sohoa_word alone;
			words += line_words(&pg->lines[i], &w, &alone);
		}
		if (!words && k->skip_empty)
			continue;
		long px[4];
		block_px(k->f, pg, a, b, px);
		k->nb++;
		r |= k->block(k, px);
		for (size_t i = a; i < b && !r; i++) {
			const sohoa_line *l = &pg->lines[i];
			const sohoa_word *w;
			sohoa_word alone;
			size_t n = line_words(l, &w, &alone);
			if (!n)
				continue;
			frame_box(k->f, l->x0, l->y0, l->x1, l->y1, px);
			k->nl++;
			r |= k->line(k, px);
			for (size_t j = 0; j < n; j++) {
				frame_box(k->f, w[j].x0, w[j].y0, w[j].x1, w[j].y1, px);
				k->nw++;
				r |= k->word(k, w, j, px);
			}
			r |= sohoa_buf_puts(k->o, k->line_end);
		}
		r |= sohoa_buf_puts(k->o, k->block_end);
	}
	return r;
}

/* A format: its head, each page's opening (after the walk's counters are set) and end, its tail,
 * and the walk's callbacks (walk.skip_empty, block, line, word, line_end, block_end). Each
 * callback returns nonzero when out of memory. */
typedef struct xml_format {
	const char *what;    /* "hOCR", for the error */
	int (*head)(sohoa_buf *o, const sohoa_doc *doc);
	int (*page)(walk *k, const sohoa_doc *doc, const sohoa_page *pg);
	const char *page_end, *tail;
	walk walk;
} xml_format;

/* Append the document in format x to o. */
static sohoa_status write_xml(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *o, const xml_format *x)
{
	frame *fr;
	sohoa_status st = frames_new(ctx, doc, &fr);
	if (st != SOHOA_OK)
		return st;
	int r = x->head(o, doc);
	for (size_t p = 0; p < doc->npages && !r; p++) {
		walk k = x->walk;
		k.o = o, k.f = &fr[p], k.page = doc->pages[p].number;
		r |= x->page(&k, doc, &doc->pages[p]);
		r |= walk_page(&k, &doc->pages[p]);
		r |= sohoa_buf_puts(o, x->page_end);
	}
	r |= sohoa_buf_puts(o, x->tail);
	free(fr);
	return r ? sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing %s of '%s'", x->what, doc->path) : SOHOA_OK;
}

/* ---- hOCR ---- */

static int hocr_bbox(sohoa_buf *o, const long b[4])
{
	return sohoa_buf_printf(o, "bbox %ld %ld %ld %ld", b[0], b[1], b[2], b[3]);
}

static int hocr_block(walk *k, const long px[4])
{
	sohoa_buf *o = k->o;
	int r = sohoa_buf_printf(o, " <div class=\"ocr_carea\" id=\"block_%d_%d\" title=\"", k->page, k->nb);
	r |= hocr_bbox(o, px);
	r |= sohoa_buf_printf(o, "\">\n  <p class=\"ocr_par\" id=\"par_%d_%d\" lang=\"vie\" title=\"", k->page, k->nb);
	r |= hocr_bbox(o, px);
	return r | sohoa_buf_puts(o, "\">\n");
}

static int hocr_line(walk *k, const long px[4])
{
	sohoa_buf *o = k->o;
	int r = sohoa_buf_printf(o, "   <span class=\"ocr_line\" id=\"line_%d_%d\" title=\"", k->page, k->nl);
	r |= hocr_bbox(o, px);
	if (k->f->turns)
		r |= sohoa_buf_printf(o, "; textangle %d", 90 * k->f->turns);
	return r | sohoa_buf_puts(o, "\">");
}

static int hocr_word(walk *k, const sohoa_word *w, size_t j, const long px[4])
{
	sohoa_buf *o = k->o;
	int r = sohoa_buf_printf(o, "%s<span class=\"ocrx_word\" id=\"word_%d_%d\" title=\"", j ? " " : "", k->page, k->nw);
	r |= hocr_bbox(o, px);
	if (w[j].confidence >= 0)
		r |= sohoa_buf_printf(o, "; x_wconf %ld", lround(w[j].confidence));
	r |= sohoa_buf_puts(o, "\">");
	r |= put_text(o, w[j].text);
	return r | sohoa_buf_puts(o, "</span>");
}

static int hocr_head(sohoa_buf *o, const sohoa_doc *doc)
{
	int r = sohoa_buf_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				  "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
				  "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
				  "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"vi\" lang=\"vi\">\n<head>\n<title>");
	r |= put_text(o, doc->name);
	r |= sohoa_buf_printf(o, "</title>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
				 "<meta name=\"ocr-system\" content=\"sohoa %s\"/>\n"
				 "<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf\"/>\n"
				 "<meta name=\"ocr-number-of-pages\" content=\"%zu\"/>\n</head>\n<body>\n",
			      sohoa_version(), doc->npages);
	return r;
}

static int hocr_page(walk *k, const sohoa_doc *doc, const sohoa_page *pg)
{
	sohoa_buf *o = k->o;
	const frame *f = k->f;
	int n = pg->number;
	int r = sohoa_buf_printf(o, "<div class=\"ocr_page\" id=\"page_%d\" title=\"", n);
	if (!strcmp(doc->kind, "image")) {
		r |= sohoa_buf_puts(o, "image &quot;");
		r |= out_xml_escape(o, doc->path, strlen(doc->path));
		r |= sohoa_buf_puts(o, "&quot;; ");
	}
	r |= sohoa_buf_printf(o, "bbox 0 0 %ld %ld; ppageno %d; scan_res %ld %ld\">\n", f->pw, f->ph, n - 1,
			      lround(f->scale * 72), lround(f->scale * 72));
	return r;
}

static const xml_format hocr = {
	"hOCR", hocr_head, hocr_page, "</div>\n", "</body>\n</html>\n",
	{.block = hocr_block, .line = hocr_line, .word = hocr_word, .line_end = "</span>\n",
	 .block_end = "  </p>\n </div>\n"},
};

sohoa_status sohoa_doc_write_hocr(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *o)
{
	return write_xml(ctx, doc, o, &hocr);
}

/* ---- ALTO ---- */

static int alto_pos(sohoa_buf *o, const long b[4])
{
	return sohoa_buf_printf(o, " HPOS=\"%ld\" VPOS=\"%ld\" WIDTH=\"%ld\" HEIGHT=\"%ld\"", b[0], b[1], b[2] - b[0],
				b[3] - b[1]);
}

/* A confidence 0..100 as ALTO's 0..1 with two decimals, whatever the C locale. */
static int alto_conf(sohoa_buf *o, const char *attr, float c)
{
	long k = lround(c);
	if (k < 0)
		return 0;
	if (k > 100)
		k = 100;
	return sohoa_buf_printf(o, " %s=\"%ld.%02ld\"", attr, k / 100, k % 100);
}

static int alto_block(walk *k, const long px[4])
{
	int r = sohoa_buf_printf(k->o, "<TextBlock ID=\"block_%d_%d\"", k->page, k->nb);
	r |= alto_pos(k->o, px);
	if (k->f->turns)
		r |= sohoa_buf_printf(k->o, " ROTATION=\"%d\"", 90 * k->f->turns);
	return r | sohoa_buf_puts(k->o, ">\n");
}

static int alto_line(walk *k, const long px[4])
{
	int r = sohoa_buf_printf(k->o, "<TextLine ID=\"line_%d_%d\"", k->page, k->nl);
	r |= alto_pos(k->o, px);
	return r | sohoa_buf_puts(k->o, ">\n");
}

static int alto_word(walk *k, const sohoa_word *w, size_t j, const long px[4])
{
	sohoa_buf *o = k->o;
	int r = 0;
	if (j) { /* the space between the words */
		long sp[4];
		float g0 = w[j - 1].x1, g1 = fmaxf(g0, w[j].x0);
		frame_box(k->f, g0, fminf(w[j - 1].y0, w[j].y0), g1, fmaxf(w[j - 1].y1, w[j].y1), sp);
		r |= sohoa_buf_puts(o, "<SP");
		r |= alto_pos(o, sp);
		r |= sohoa_buf_puts(o, "/>\n");
	}
	r |= sohoa_buf_printf(o, "<String ID=\"string_%d_%d\" CONTENT=\"", k->page, k->nw);
	r |= put_text(o, w[j].text);
	r |= sohoa_buf_puts(o, "\"");
	r |= alto_pos(o, px);
	if (w[j].confidence >= 0)
		r |= alto_conf(o, "WC", w[j].confidence);
	return r | sohoa_buf_puts(o, "/>\n");
}

static int alto_head(sohoa_buf *o, const sohoa_doc *doc)
{
	int r = sohoa_buf_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				  "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\" "
				  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
				  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
				  "xsi:schemaLocation=\"http://www.loc.gov/standards/alto/ns-v4# "
				  "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd\" SCHEMAVERSION=\"4.4\">\n"
				  "<Description>\n<MeasurementUnit>pixel</MeasurementUnit>\n"
				  "<sourceImageInformation><fileName>");
	r |= out_xml_escape(o, doc->path, strlen(doc->path));
	r |= sohoa_buf_printf(o, "</fileName></sourceImageInformation>\n<Processing ID=\"sohoa\"><processingSoftware>"
				 "<softwareName>sohoa</softwareName><softwareVersion>%s</softwareVersion>"
				 "</processingSoftware></Processing>\n</Description>\n<Layout>\n", sohoa_version());
	return r;
}

static int alto_page(walk *k, const sohoa_doc *doc, const sohoa_page *pg)
{
	(void)doc;
	sohoa_buf *o = k->o;
	const frame *f = k->f;
	int n = pg->number;
	double csum = 0;
	size_t cn = 0;
	for (size_t i = 0; i < pg->nlines; i++)
		for (size_t j = 0; j < pg->lines[i].nwords; j++)
			if (pg->lines[i].words[j].confidence >= 0)
				csum += pg->lines[i].words[j].confidence, cn++;
	int r = sohoa_buf_printf(o, "<Page ID=\"page_%d\" PHYSICAL_IMG_NR=\"%d\" WIDTH=\"%ld\" HEIGHT=\"%ld\"", n, n,
				 f->pw, f->ph);
	if (cn)
		r |= alto_conf(o, "PC", (float)(csum / (double)cn));
	r |= sohoa_buf_printf(o, ">\n<PrintSpace HPOS=\"0\" VPOS=\"0\" WIDTH=\"%ld\" HEIGHT=\"%ld\">\n", f->pw, f->ph);
	return r;
}

static const xml_format alto = {
	"ALTO", alto_head, alto_page, "</PrintSpace>\n</Page>\n", "</Layout>\n</alto>\n",
	{.skip_empty = 1, .block = alto_block, .line = alto_line, .word = alto_word, .line_end = "</TextLine>\n",
	 .block_end = "</TextBlock>\n"},
};

sohoa_status sohoa_doc_write_alto(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_buf *o)
{
	return write_xml(ctx, doc, o, &alto);
}

/* output/ without MuPDF: page geometry of turned pages, the glyphless font's tables, the ToUnicode
 * map, image headers for pass-through, and the restored text mapped back onto OCR words (word by
 * word, spread over a line, hyphen rejoins, furniture and noise lines) with its content stream. */
#include "../../output/output-int.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static void test_geometry(void)
{
	/* a 100 x 200 stored page; a box near its top-left corner */
	const float w = 100, h = 200, box[4] = {10, 20, 30, 25};
	for (int q = 0; q < 4; q++) {
		/* turn the stored box clockwise q times by hand, as OCR turns the image */
		float u[4] = {box[0], box[1], box[2], box[3]}, cw = w, ch = h;
		for (int k = 0; k < q; k++) { /* (x, y) in cw x ch -> (ch - y, x) in ch x cw */
			float t[4] = {ch - u[3], u[0], ch - u[1], u[2]};
			memcpy(u, t, sizeof t);
			float s = cw;
			cw = ch, ch = s;
		}
		float back[4];
		out_box_stored(q, w, h, u, back);
		char name[64];
		snprintf(name, sizeof name, "box turned %d times maps back", q);
		CHECK(fabsf(back[0] - box[0]) < 1e-3 && fabsf(back[1] - box[1]) < 1e-3 && fabsf(back[2] - box[2]) < 1e-3 &&
		      fabsf(back[3] - box[3]) < 1e-3, name);
		/* the matrix: the upright box's corner (x0, y1) in y-up coordinates lands on a corner of
		 * the stored box */
		float m[6];
		out_upright_to_stored(q, w, h, m);
		float ux = u[0], uy = ch - u[3];
		float sx = m[0] * ux + m[2] * uy + m[4], sy = m[1] * ux + m[3] * uy + m[5];
		int corner = (fabsf(sx - box[0]) < 1e-3 || fabsf(sx - box[2]) < 1e-3) &&
			     (fabsf(sy - box[1]) < 1e-3 || fabsf(sy - box[3]) < 1e-3);
		snprintf(name, sizeof name, "matrix for %d turns hits the stored box", q);
		CHECK(corner, name);
	}
	char d270[] = "no text layer; ocr, turned 270 degrees to upright", dimg[] = "image";
	sohoa_page p = {.decision = d270, .width = 200, .height = 100};
	float sw, sh;
	out_page_stored_size(&p, &sw, &sh);
	CHECK(out_page_turns(&p) == 3 && sw == 100 && sh == 200, "turns and stored size from the decision");
	sohoa_page q0 = {.decision = dimg};
	CHECK(out_page_turns(&q0) == 0, "no turn without the words");
}

static void test_font(void)
{
	sohoa_buf b = {0};
	CHECK(out_font_program(&b) == 0 && b.len > 12, "font program made");
	const unsigned char *f = (const unsigned char *)b.data;
	unsigned n = (unsigned)f[4] << 8 | f[5];
	int sorted = 1, sums = 1, inside = 1;
	uint32_t total = 0;
	for (size_t i = 0; i < b.len; i += 4)
		total += be32(f + i); /* the file is padded to 4 bytes */
	for (unsigned i = 0; i < n; i++) {
		const unsigned char *e = f + 12 + 16 * i;
		uint32_t off = be32(e + 8), len = be32(e + 12), sum = 0;
		if (i && memcmp(e - 16, e, 4) >= 0)
			sorted = 0;
		if (off + len > b.len) {
			inside = 0;
			break;
		}
		for (uint32_t k = 0; k < len; k += 4) {
			uint32_t wd = 0;
			for (int j = 0; j < 4; j++)
				wd = wd << 8 | (k + j < len ? f[off + k + j] : 0);
			sum += wd;
		}
		if (!memcmp(e, "head", 4))
			sum -= be32(f + off + 8); /* the table's checksum leaves checkSumAdjustment out */
		if (sum != be32(e + 4))
			sums = 0;
	}
	CHECK(n == 10 && sorted && inside, "ten tables, sorted, inside the file");
	CHECK(sums, "table checksums");
	CHECK(total == 0xB1B0AFBAu, "whole-font checksum");
	sohoa_buf_free(&b);

	unsigned char rows[32] = {0};
	rows[0] |= 1;            /* U+00xx */
	rows[0x1E >> 3] |= 1 << (0x1E & 7); /* U+1Exx */
	CHECK(out_font_to_unicode(rows, &b) == 0, "ToUnicode made");
	CHECK(b.data && strstr(b.data, "2 beginbfrange\n<0000> <00FF> <0000>\n<1E00> <1EFF> <1E00>\nendbfrange"),
	      "ToUnicode maps the rows used, and only those");
	sohoa_buf_free(&b);
	CHECK(out_font_cid_to_gid(&b) == 0 && b.len == 131072 && b.data[0] == 0 && b.data[1] == 1 &&
	      b.data[131070] == 0 && b.data[131071] == 1, "every CID to glyph 1");
	sohoa_buf_free(&b);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *d = malloc(n > 0 ? (size_t)n : 1);
	*len = d ? fread(d, 1, (size_t)n, f) : 0;
	fclose(f);
	return d;
}

static void test_images(void)
{
	size_t len;
	out_image img;
	unsigned char *d = slurp("samples/s002-scan-clean-p1.png", &len);
	CHECK(d && out_image_count(d, len) == 1 && out_image_read(d, len, 0, &img) == 0, "PNG read");
	CHECK(img.filter == OUT_FILTER_FLATE && img.predictor == 15 && img.width == 1654 && img.height == 2339 &&
	      img.colors == 1 && img.bpc == 8 && fabsf(img.xdpi - 200) < 0.5f, "PNG passes as deflate with its row predictors");
	out_image_clear(&img);
	free(d);
	d = slurp("samples/s003-scan-typical-p14.tif", &len);
	CHECK(d && out_image_count(d, len) == 1 && out_image_read(d, len, 0, &img) == 0, "TIFF read");
	CHECK(img.filter == OUT_FILTER_CCITT && img.width == 3508 && img.height == 2481 && img.bpc == 1 &&
	      fabsf(img.xdpi - 300) < 0.5f && img.len > 40000 && img.len < len, "TIFF G4 passes as CCITT, one strip");
	out_image_clear(&img);
	CHECK(d && out_image_read(d, len, 1, &img) == 0 && img.filter == OUT_FILTER_NONE, "no second TIFF page");
	out_image_clear(&img);
	free(d);
	/* a JPEG made here: SOI, JFIF 150 dpi, SOF0 3 components 40x30, EOI */
	static const unsigned char jpg[] = {
		0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 150, 0, 150, 0, 0,
		0xFF, 0xC0, 0, 17, 8, 0, 30, 0, 40, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9,
	};
	CHECK(out_image_read(jpg, sizeof jpg, 0, &img) == 0 && img.filter == OUT_FILTER_DCT && img.width == 40 &&
	      img.height == 30 && img.colors == 3 && img.xdpi == 150 && img.data == jpg && img.len == sizeof jpg,
	      "JPEG passes whole as DCT");
	out_image_clear(&img);
	static const unsigned char prog12[] = {0xFF, 0xD8, 0xFF, 0xC3, 0, 11, 8, 0, 30, 0, 40, 1, 1, 0x11, 0, 0xFF, 0xD9};
	CHECK(out_image_read(prog12, sizeof prog12, 0, &img) == 0 && img.filter == OUT_FILTER_NONE && img.why,
	      "lossless JPEG is decoded instead");
	out_image_clear(&img);
}

/* A line of OCR words w[] (boxes side by side from x, 10 points a letter) at height y. */
static void add_line(sohoa_page *pg, int number, float y, const char *const *w, float conf)
{
	sohoa_line *l = &pg->lines[pg->nlines++];
	memset(l, 0, sizeof *l);
	l->page = pg->number, l->line = number, l->source = SOHOA_SRC_OCR, l->confidence = conf;
	size_t n = 0;
	while (w[n])
		n++;
	l->words = calloc(n, sizeof *l->words);
	l->nwords = n;
	float x = 50;
	for (size_t i = 0; i < n; i++) {
		float len = 0;
		for (const char *s = w[i]; *s; s++)
			len += (*s & 0xC0) != 0x80;
		l->words[i] = (sohoa_word){strdup(w[i]), x, y, x + 10 * len, y + 14, conf};
		x += 10 * len + 8;
	}
	l->x0 = 50, l->y0 = y, l->x1 = x - 8, l->y1 = y + 14;
	l->text = strdup(w[0]);
}

static void test_layer(void)
{
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	sohoa_line lines[8];
	sohoa_page page = {.number = 1, .width = 600, .height = 800, .source = SOHOA_SRC_OCR, .lines = lines};
	sohoa_page *pg = &page;
	char path[] = "x.pdf", name[] = "x", kind[] = "pdf";
	sohoa_doc doc = {.path = path, .name = name, .kind = kind, .pages = pg, .npages = 1};
	static const char *const l1[] = {"Cuc", "Thong", "ke", NULL}, *const l2[] = {"tinh", "Lai", "Chau,", NULL};
	static const char *const l3[] = {"chat", "luo-", NULL}, *const l4[] = {"ng", "tot.", NULL};
	static const char *const l5[] = {"diem,dat", "95%", NULL}, *const l6[] = {"2", NULL};
	static const char *const l7[] = {">x*", NULL};
	add_line(pg, 1, 100, l1, 90);
	add_line(pg, 2, 120, l2, 90);
	add_line(pg, 3, 140, l3, 90);
	add_line(pg, 4, 160, l4, 90);
	add_line(pg, 5, 180, l5, 90);
	add_line(pg, 6, 780, l6, 90);
	add_line(pg, 7, 700, l7, 20);
	char t1[] = "Cục Thống kê tỉnh Lai Châu,", t2[] = "chất lượng tốt.", t3[] = "điểm, đạt 95%";
	sohoa_tline tl[] = {{t1, 1, 1, 1, 2, 1}, {t2, 1, 3, 1, 4, 1}, {t3, 1, 5, 1, 5, 1}};
	sohoa_text text = {name, tl, 3, "vie"};
	out_layer *layer = NULL;
	CHECK(out_layer_new(ctx, &doc, &text, &layer) == SOHOA_OK && layer, "layer mapped");
	int spread = -1;
	const char *w = out_layer_word(layer, 0, 0, 0, &spread);
	CHECK_STR(w, "Cục", "restored word on its OCR word");
	CHECK(spread == 0, "equal counts: word by word");
	CHECK_STR(out_layer_word(layer, 0, 1, 2, NULL), "Châu,", "a paragraph's second line gets its words");
	CHECK_STR(out_layer_word(layer, 0, 2, 1, &spread), "lượng", "a syllable rejoined over a hyphen goes on its first half");
	CHECK(spread == 0, "the hyphen's line stays word by word");
	w = out_layer_word(layer, 0, 3, 0, &spread);
	CHECK(w == NULL && spread == 1, "the line with the hyphen's second half is spread");
	CHECK_STR(out_layer_word(layer, 0, 3, 1, NULL), "tốt.", "and keeps its other word");
	w = out_layer_word(layer, 0, 4, 0, &spread);
	CHECK(w && !strcmp(w, "điểm, đạt") && spread == 1, "a word normalize split: the line is spread");
	CHECK_STR(out_layer_word(layer, 0, 5, 0, NULL), "2", "a page number no paragraph has keeps its OCR text");
	CHECK(out_layer_word(layer, 0, 6, 0, NULL) == NULL, "a low-confidence line normalize left out is noise");

	unsigned char rows[32] = {0};
	sohoa_buf out = {0};
	size_t runs = 0;
	const float id[6] = {1, 0, 0, 1, 0, 0};
	CHECK(out_layer_page(ctx, layer, 0, id, "F9", rows, &out, &runs) == SOHOA_OK && out.data, "content stream made");
	/* 3 + 3 word runs, 2 (hyphen line), 1 spread over its line of 2 tokens: "tốt." alone, 3 for
	 * "điểm, đạt 95%", 1 page number */
	CHECK(runs == 3 + 3 + 2 + 1 + 3 + 1, "one run a word");
	CHECK(out.data && strstr(out.data, "BT\n3 Tr\n") && strstr(out.data, "ET\nQ\n"), "invisible text");
	CHECK(out.data && strstr(out.data, "<00431EE500630020> Tj"), "Cục in UTF-16 with the space after it");
	CHECK(out.data && strstr(out.data, "/F9 "), "the font named");
	CHECK((rows[0] & 1) && (rows[0x1E >> 3] & (1 << (0x1E & 7))) && (rows[0] & 2), "rows used: 00, 01, 1E");
	/* every Tz positive and finite */
	int tz_ok = 1;
	for (const char *s = out.data; s && (s = strstr(s, " Tz")); s++) {
		const char *b = s;
		while (b > out.data && b[-1] != ' ')
			b--;
		double v = atof(b);
		tz_ok &= v > 1 && v < 10000;
	}
	CHECK(tz_ok, "horizontal scaling sane");
	sohoa_buf_free(&out);
	out_layer_free(layer);
	/* words without a text: the OCR's own words */
	CHECK(out_layer_new(ctx, &doc, NULL, &layer) == SOHOA_OK, "layer without text");
	CHECK_STR(out_layer_word(layer, 0, 0, 0, NULL), "Cuc", "OCR text as read");
	out_layer_free(layer);
	for (size_t i = 0; i < pg->nlines; i++) {
		for (size_t k = 0; k < pg->lines[i].nwords; k++)
			free(pg->lines[i].words[k].text);
		free(pg->lines[i].words);
		free(pg->lines[i].text);
	}
	sohoa_ctx_free(ctx);
}

static void test_xmp(void)
{
	sohoa_buf b = {0};
	sohoa_pdf_meta m = {"Kế hoạch <cải> \"cách\" & X", "209/BC-SYT", "SỞ Y TẾ", "2025-05-12", "Kế hoạch"};
	CHECK(out_xmp(&m, "sohoa", "2025-01-01T00:00:00+00:00", 1, &b) == 0, "XMP made");
	CHECK(b.data && strstr(b.data, "<pdfaid:part>2</pdfaid:part>") && strstr(b.data, "<pdfaid:conformance>B<"),
	      "PDF/A-2b identification");
	CHECK(b.data && strstr(b.data, "Kế hoạch &lt;cải&gt; &quot;cách&quot; &amp; X"), "title escaped");
	CHECK(b.data && strstr(b.data, "<dc:identifier>209/BC-SYT</dc:identifier>") &&
	      strstr(b.data, "<rdf:li>2025-05-12</rdf:li>"), "number and date");
	sohoa_buf_free(&b);
	m.date = "ngày 12";
	CHECK(out_xmp(&m, "sohoa", "2025-01-01T00:00:00+00:00", 0, &b) == 0 && !strstr(b.data, "dc:date") &&
	      !strstr(b.data, "pdfaid"), "no date that is not one; no PDF/A claim for a plain PDF");
	sohoa_buf_free(&b);
}

int main(void)
{
	test_geometry();
	test_font();
	test_images();
	test_layer();
	test_xmp();
	return CHECK_DONE();
}

/* mkfixtures OUTDIR: the small PDFs the ingest tests read, made with MuPDF so that every glyph's
 * position is known: a born-digital document with a two-column letterhead, a table, a signature
 * block and diacritics drawn as separate glyphs (with the text it must read back as), the same
 * document encrypted, a scan with a stale OCR layer, and broken files (zero pages, truncated,
 * corrupt, not a PDF at all). Run by tests/e2e/ingest_pdf.sh and ingest_bad.sh into a scratch
 * folder, so nothing binary is committed. A tool, not the library: it may include MuPDF. */
#include "../lib/tool.h"
#include "../../normalize/encoding.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
#define PAGE_W 595.0f
#define PAGE_H 842.0f

typedef struct fx {
	fz_context *ctx;
	fz_font *font;
	FILE *truth;      /* expected text, NULL when not wanted */
	int strip;        /* draw text without diacritics (the stale OCR layer) */
} fx;

/* The advance of s at size, for centering. */
static float text_width(fx *f, const char *s, float size)
{
	float w = 0;
	while (*s) {
		int c;
		s += fz_chartorune(&c, s);
		w += fz_advance_glyph(f->ctx, f->font, fz_encode_character(f->ctx, f->font, c), 0) * size;
	}
	return w;
}

/* ASCII skeleton of Vietnamese text: what an OCR engine without Vietnamese tends to leave. */
static void strip_marks(const char *s, char *out, size_t cap)
{
	static const char *const groups[] = {
		"aàáảãạăằắẳẵặâầấẩẫậ", "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "eèéẻẽẹêềếểễệ", "EÈÉẺẼẸÊỀẾỂỄỆ", "iìíỉĩị",
		"IÌÍỈĨỊ", "oòóỏõọôồốổỗộơờớởỡợ", "OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "uùúủũụưừứửữự", "UÙÚỦŨỤƯỪỨỬỮỰ",
		"yỳýỷỹỵ", "YỲÝỶỸỴ", "dđ", "DĐ", NULL};
	size_t o = 0;
	while (*s && o + 1 < cap) {
		int c;
		int n = fz_chartorune(&c, s);
		char rep = 0;
		for (int g = 0; groups[g] && !rep; g++) {
			const char *p = groups[g];
			while (*p) {
				int d;
				p += fz_chartorune(&d, p);
				if (d == c) {
					rep = groups[g][0];
					break;
				}
			}
		}
		if (rep)
			out[o++] = rep;
		else
			for (int k = 0; k < n && o + 1 < cap; k++)
				out[o++] = s[k];
		s += n;
	}
	out[o] = 0;
}

/* Draw s with its left end at x and baseline at y (points from the top-left); record it as one
 * line of the expected text. center: x is the middle instead. */
static void draw(fx *f, fz_device *dev, float x, float y, float size, const char *s, int center)
{
	char buf[1024];
	if (f->strip) {
		strip_marks(s, buf, sizeof buf);
		s = buf;
	}
	if (center)
		x -= text_width(f, s, size) / 2;
	fz_text *t = fz_new_text(f->ctx);
	fz_show_string(f->ctx, t, f->font, fz_make_matrix(size, 0, 0, -size, x, y), s, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	float black = 0;
	fz_fill_text(f->ctx, dev, t, fz_identity, fz_device_gray(f->ctx), &black, 1, fz_default_color_params);
	fz_drop_text(f->ctx, t);
	if (f->truth)
		fprintf(f->truth, "%s\n", s);
}

/* Draw one glyph of c at (x, y) without recording it. */
static void glyph(fx *f, fz_device *dev, float x, float y, float size, int c)
{
	fz_text *t = fz_new_text(f->ctx);
	int gid = fz_encode_character(f->ctx, f->font, c);
	fz_show_glyph(f->ctx, t, f->font, fz_make_matrix(size, 0, 0, -size, x, y), gid, c, 0, 0, FZ_BIDI_LTR,
		      FZ_LANG_UNSET);
	float black = 0;
	fz_fill_text(f->ctx, dev, t, fz_identity, fz_device_gray(f->ctx), &black, 1, fz_default_color_params);
	fz_drop_text(f->ctx, t);
}

/* A word whose marks are drawn as their own glyphs: prefix, then base letter with a mark glyph
 * centred over it, then the rest. The expected text is the composed word. */
static void loose(fx *f, fz_device *dev, float x, float y, float size, const char *pre, int base, int mark,
		  const char *post, const char *composed)
{
	fz_text *t = fz_new_text(f->ctx);
	fz_matrix m = fz_show_string(f->ctx, t, f->font, fz_make_matrix(size, 0, 0, -size, x, y), pre, 0, 0,
				     FZ_BIDI_LTR, FZ_LANG_UNSET);
	float bx = m.e;
	char b[8] = {0};
	fz_runetochar(b, base);
	m = fz_show_string(f->ctx, t, f->font, m, b, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	float bw = m.e - bx;
	fz_show_string(f->ctx, t, f->font, m, post, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	float black = 0;
	fz_fill_text(f->ctx, dev, t, fz_identity, fz_device_gray(f->ctx), &black, 1, fz_default_color_params);
	fz_drop_text(f->ctx, t);
	/* the mark: spacing accents are centred over the letter and raised; combining marks sit at
	 * the letter's origin (their outlines already stand over the previous glyph) */
	int gid = fz_encode_character(f->ctx, f->font, mark);
	float mw = fz_advance_glyph(f->ctx, f->font, gid, 0) * size;
	if (mark >= 0x300 && mark < 0x370)
		glyph(f, dev, bx + bw, y, size, mark);
	else
		glyph(f, dev, bx + (bw - mw) / 2, y - 0.25f * size, size, mark);
	if (f->truth)
		fprintf(f->truth, "%s\n", composed);
}

static void page_letterhead(fx *f, fz_device *dev)
{
	float L = 150, R = 420;
	draw(f, dev, L, 60, 12, "UBND TỈNH AN BÌNH", 1);
	draw(f, dev, L, 76, 12, "SỞ GIÁO DỤC", 1);
	draw(f, dev, L, 100, 12, "Số: 15/KH-SGD", 1);
	draw(f, dev, R, 60, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1);
	draw(f, dev, R, 76, 12, "Độc lập - Tự do - Hạnh phúc", 1);
	draw(f, dev, R, 100, 12, "An Bình, ngày 02 tháng 3 năm 2024", 1);
	draw(f, dev, PAGE_W / 2, 140, 14, "KẾ HOẠCH", 1);
	draw(f, dev, PAGE_W / 2, 158, 13, "Nâng cao chất lượng dịch vụ công năm 2024", 1);
	draw(f, dev, 72, 190, 12, "Thực hiện chương trình công tác năm 2024, Sở ban hành kế hoạch như sau:", 0);
	draw(f, dev, 72, 206, 12, "1. Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền.", 0);
	draw(f, dev, 72, 222, 12, "2. Công khai kết quả giải quyết hồ sơ trên cổng dịch vụ công.", 0);
}

static void page_body(fx *f, fz_device *dev)
{
	page_letterhead(f, dev);
	if (!f->strip) {
		loose(f, dev, 72, 246, 12, "K", 0x00EA, 0x0301, "t quả", "Kết quả"); /* ế = ê + combining acute */
		loose(f, dev, 72, 262, 12, "Giải quyết nhanh c", 'a', 0x00B4, "c hồ sơ", "Giải quyết nhanh các hồ sơ");
	}
	/* a table: three cells a row, far apart */
	const char *cells[3][3] = {{"STT", "Nội dung", "Thời gian"},
				   {"1", "Rà soát thủ tục", "Quý II"},
				   {"2", "Khảo sát sự hài lòng", "Quý IV"}};
	for (int r = 0; r < 3; r++) {
		draw(f, dev, 72, 300 + 16 * r, 12, cells[r][0], 0);
		draw(f, dev, 150, 300 + 16 * r, 12, cells[r][1], 0);
		draw(f, dev, 420, 300 + 16 * r, 12, cells[r][2], 0);
	}
	/* the signature block: recipients left, signer right, the name well below */
	draw(f, dev, 72, 420, 11, "Nơi nhận:", 0);
	draw(f, dev, 72, 434, 11, "- Như trên;", 0);
	draw(f, dev, 72, 448, 11, "- Lưu: VT.", 0);
	draw(f, dev, 440, 420, 12, "GIÁM ĐỐC", 1);
	draw(f, dev, 440, 480, 12, "Nguyễn Văn An", 1);
}

static void begin(fx *f, fz_document_writer *w, fz_device **dev)
{
	*dev = fz_begin_page(f->ctx, w, fz_make_rect(0, 0, PAGE_W, PAGE_H));
}

/* born.pdf (3 pages) and its expected text; options go to the PDF writer (encryption). */
static void make_born(fx *f, const char *path, const char *truth, const char *options)
{
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, options);
	f->truth = truth ? fopen(truth, "w") : NULL;
	fz_device *dev;
	begin(f, w, &dev);
	page_body(f, dev);
	fz_end_page(f->ctx, w);
	for (int p = 2; p <= 3; p++) {
		if (f->truth)
			fputc('\f', f->truth);
		begin(f, w, &dev);
		char s[64];
		snprintf(s, sizeof s, "Trang %d: phụ lục số %d", p, p - 1);
		draw(f, dev, 72, 80, 12, s, 0);
		draw(f, dev, 72, 96, 12, "Đề nghị các đơn vị báo cáo trước ngày 15 hằng tháng.", 0);
		fz_end_page(f->ctx, w);
	}
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	if (f->truth)
		fclose(f->truth);
	f->truth = NULL;
}

/* scanlayer.pdf: page 1 of born.pdf as a 100 dpi gray image covering the page, with the same text
 * drawn under it without diacritics, as an OCR engine without Vietnamese leaves it. */
static void make_scanlayer(fx *f, const char *born, const char *path)
{
	pdf_document *src = pdf_open_document(f->ctx, born);
	fz_page *pg = fz_load_page(f->ctx, &src->super, 0);
	fz_pixmap *pix = fz_new_pixmap_from_page(f->ctx, pg, fz_scale(100 / 72.0f, 100 / 72.0f),
						 fz_device_gray(f->ctx), 0);
	fz_image *img = fz_new_image_from_pixmap(f->ctx, pix, NULL);
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, "compress");
	fz_device *dev;
	begin(f, w, &dev);
	f->strip = 1;
	page_body(f, dev);
	f->strip = 0;
	fz_fill_image(f->ctx, dev, img, fz_make_matrix(PAGE_W, 0, 0, PAGE_H, 0, 0), 1, fz_default_color_params);
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	fz_drop_image(f->ctx, img);
	fz_drop_pixmap(f->ctx, pix);
	fz_drop_page(f->ctx, pg);
	pdf_drop_document(f->ctx, src);
}

static int rename_font(const char *path, const char *from, const char *to);

/* legacy.pdf: Vietnamese in TCVN3 bytes drawn with a font named ".VnTime" whose codes read as
 * Latin-1, as old Word documents printed to PDF do; the truth is the Unicode text. */
static void make_legacy(fx *f, const char *path, const char *truth)
{
	static const char *const lines[] = {
		"Sở Nội vụ tỉnh ban hành kế hoạch cải cách hành chính năm 2024.",
		"Các sở, ban, ngành thực hiện nghiêm túc chế độ báo cáo định kỳ.",
		"Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục.",
		NULL};
	fz_font *vn = fz_new_font_from_file(f->ctx, ".VnTime", FONT, 0, 0);
	fz_font *keep = f->font;
	FILE *t = fopen(truth, "w");
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, "decompress");
	fz_device *dev;
	begin(f, w, &dev);
	f->font = vn;
	for (int i = 0; lines[i]; i++) {
		sohoa_buf bytes = {0}, latin = {0};
		sohoa_enc_encode(SOHOA_ENC_TCVN3, lines[i], strlen(lines[i]), &bytes);
		for (size_t k = 0; k < bytes.len; k++) {
			char e[4];
			sohoa_buf_append(&latin, e, sohoa_utf8_encode((uint8_t)bytes.data[k], e));
		}
		draw(f, dev, 72, 100 + 16 * i, 12, latin.data ? latin.data : "", 0);
		if (t)
			fprintf(t, "%s\n", lines[i]);
		sohoa_buf_free(&bytes);
		sohoa_buf_free(&latin);
	}
	f->font = keep;
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	fz_drop_font(f->ctx, vn);
	if (t)
		fclose(t);
	/* the writer names the font after the file's own name: call it what old documents use */
	if (rename_font(path, "LiberationSerif", ".VnTime-Regular"))
		fz_throw(f->ctx, FZ_ERROR_GENERIC, "cannot rename the font in %s", path);
}

static int write_bytes(const char *path, const void *data, size_t n)
{
	FILE *o = fopen(path, "wb");
	if (!o)
		return -1;
	size_t k = fwrite(data, 1, n, o);
	return fclose(o) || k != n ? -1 : 0;
}

/* Replace every from by to (same length) in an uncompressed PDF, in place. */
static int rename_font(const char *path, const char *from, const char *to)
{
	size_t n, k = strlen(from);
	if (strlen(to) != k)
		return -1;
	char *buf = tool_read(path, &n);
	int changed = 0;
	for (char *p = buf; (p = memmem(p, n - (size_t)(p - buf), from, k)); p += k, changed++)
		memcpy(p, to, k);
	int rc = changed ? write_bytes(path, buf, n) : -1;
	free(buf);
	return rc;
}

/* Point every ToUnicode destination of an uncompressed PDF at the private-use area, in place
 * (same length, so the cross-reference table stays right). */
static int break_tounicode(const char *path)
{
	size_t n;
	char *buf = tool_read(path, &n);
	int changed = 0;
	for (char *p = buf; (p = memmem(p, n - (size_t)(p - buf), "beginbf", 7));) {
		char *end = memmem(p, n - (size_t)(p - buf), "endbf", 5);
		if (!end)
			break;
		for (char *l = p; l < end; l++) {
			/* the last <hhhh> token of each line is the destination */
			if (*l != '\n')
				continue;
			char *e = memchr(l + 1, '\n', (size_t)(end - l - 1));
			if (!e)
				break;
			char *lt = NULL;
			for (char *k = l + 1; k < e; k++)
				if (*k == '<')
					lt = k;
			if (lt && e - lt >= 6 && lt[5] == '>') {
				lt[1] = 'E', lt[2] = '0';
				changed++;
			}
		}
		p = end;
	}
	int rc = changed ? write_bytes(path, buf, n) : -1;
	free(buf);
	return rc;
}

/* garbage.pdf: readable glyphs whose text layer says private-use code points (a font with a
 * broken ToUnicode map). The truth is what the glyphs show. */
static void make_garbage(fx *f, const char *path, const char *truth)
{
	static const char *const lines[] = {"Trang 2: phụ lục số 1", "Đề nghị các đơn vị báo cáo đúng hạn.", NULL};
	FILE *t = fopen(truth, "w");
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, "decompress");
	fz_device *dev;
	begin(f, w, &dev);
	for (int i = 0; lines[i]; i++) {
		fz_text *tx = fz_new_text(f->ctx);
		fz_matrix m = fz_make_matrix(16, 0, 0, -16, 72, 100 + 24 * i);
		for (const char *s = lines[i]; *s;) {
			int c;
			s += fz_chartorune(&c, s);
			int gid = fz_encode_character(f->ctx, f->font, c);
			fz_show_glyph(f->ctx, tx, f->font, m, gid, 0xE000 + (c & 0xFF), 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
			m.e += fz_advance_glyph(f->ctx, f->font, gid, 0) * 16;
		}
		float black = 0;
		fz_fill_text(f->ctx, dev, tx, fz_identity, fz_device_gray(f->ctx), &black, 1, fz_default_color_params);
		fz_drop_text(f->ctx, tx);
		if (t)
			fprintf(t, "%s\n", lines[i]);
	}
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	if (t)
		fclose(t);
	if (break_tounicode(path))
		fz_throw(f->ctx, FZ_ERROR_GENERIC, "no ToUnicode map to break in %s", path);
}

/* Line s drawn as filled glyph outlines, size points high, from (x, y). */
static void outline_line(fx *f, fz_device *dev, const char *s, float size, float x, float y)
{
	float black = 0;
	while (*s) {
		int c;
		s += fz_chartorune(&c, s);
		int gid = fz_encode_character(f->ctx, f->font, c);
		fz_path *p = fz_outline_glyph(f->ctx, f->font, gid, fz_make_matrix(size, 0, 0, -size, x, y));
		if (p) {
			fz_fill_path(f->ctx, dev, p, 0, fz_identity, fz_device_gray(f->ctx), &black, 1,
				     fz_default_color_params);
			fz_drop_path(f->ctx, p);
		}
		x += fz_advance_glyph(f->ctx, f->font, gid, 0) * size;
	}
}

/* outlined.pdf: text converted to curves (no text layer, no image), as some printers save it. */
static void make_outlined(fx *f, const char *path)
{
	static const char *const lines[] = {"Trang 2: phụ lục số 1", "Đề nghị các đơn vị báo cáo đúng hạn.", NULL};
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, "compress");
	fz_device *dev;
	begin(f, w, &dev);
	for (int i = 0; lines[i]; i++)
		outline_line(f, dev, lines[i], 16, 72, (float)(100 + 24 * i));
	/* more lines so that the page carries as many shapes as a real page of text */
	for (int k = 0; k < 12; k++)
		for (int i = 0; lines[i]; i++)
			outline_line(f, dev, lines[i], 12, 72, (float)(200 + 40 * k + 18 * i));
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
}

static void make_empty(fx *f, const char *path)
{
	pdf_document *d = pdf_create_document(f->ctx);
	pdf_write_options o = pdf_default_write_options;
	pdf_save_document(f->ctx, d, path, &o);
	pdf_drop_document(f->ctx, d);
}


/* The first part of src (a download cut short). share > 0: that share of the bytes; share 0: up
 * to its last cross-reference table, so every object is there and only the index is lost. */
static int make_truncated(const char *src, const char *path, double share)
{
	size_t n;
	char *buf = tool_read(src, &n);
	size_t cut = (size_t)(n * share);
	if (share == 0)
		for (size_t k = n; k-- > 5;)
			if (!memcmp(buf + k, "\nxref", 5)) {
				cut = k + 1;
				break;
			}
	int rc = write_bytes(path, buf, cut);
	free(buf);
	return rc;
}

static int make_corrupt(const char *path)
{
	char buf[4096];
	unsigned x = 12345;
	strcpy(buf, "%PDF-1.7\n");
	for (size_t k = strlen(buf); k < sizeof buf; k++) {
		x = x * 1103515245u + 12345u;
		buf[k] = (char)(x >> 16);
	}
	return write_bytes(path, buf, sizeof buf);
}

/* Stamp ink: violet, as inbox stamps are often inked. */
static const float VIOLET[3] = {0.3f, 0.1f, 0.45f};

/* A closed frame in stamp ink, stroked with width lw. */
static void frame(fx *f, fz_device *dev, float x0, float y0, float x1, float y1, float lw)
{
	fz_path *path = fz_new_path(f->ctx);
	fz_rectto(f->ctx, path, x0, y0, x1, y1);
	fz_stroke_state *ss = fz_new_stroke_state(f->ctx);
	ss->linewidth = lw;
	fz_stroke_path(f->ctx, dev, path, ss, fz_identity, fz_device_rgb(f->ctx), VIOLET, 1, fz_default_color_params);
	fz_drop_stroke_state(f->ctx, ss);
	fz_drop_path(f->ctx, path);
}

/* s in stamp ink centred on x, baseline y, not recorded in the expected text. */
static void stamp_text(fx *f, fz_device *dev, float x, float y, float size, const char *s)
{
	x -= text_width(f, s, size) / 2;
	fz_text *t = fz_new_text(f->ctx);
	fz_show_string(f->ctx, t, f->font, fz_make_matrix(size, 0, 0, -size, x, y), s, 0, 0, FZ_BIDI_LTR, FZ_LANG_UNSET);
	fz_fill_text(f->ctx, dev, t, fz_identity, fz_device_rgb(f->ctx), VIOLET, 1, fz_default_color_params);
	fz_drop_text(f->ctx, t);
}

/* stamp.pdf: a scanned page (200 dpi colour image, no text layer) whose letterhead has an inbox
 * stamp in violet ink under the number: a closed frame around three short lines that say nothing
 * a stamp's wording would (only the frame tells), and the expected text of the page without them
 * in truth.
 * notes.pdf: the born letterhead page with a typed note put on it as a free-text annotation (a
 * routing note), whose text is "Phòng KHTC theo dõi, báo cáo kết quả". */
static void make_stamp(fx *f, const char *path, const char *truth, const char *notes)
{
	fz_display_list *list = fz_new_display_list(f->ctx, fz_make_rect(0, 0, PAGE_W, PAGE_H));
	fz_device *dev = fz_new_list_device(f->ctx, list);
	f->truth = fopen(truth, "w");
	page_letterhead(f, dev);
	frame(f, dev, 70, 110, 172, 166, 1.2f);
	stamp_text(f, dev, 121, 124, 9, "TRUNG TÂM LƯU TRỮ");
	stamp_text(f, dev, 121, 140, 9, "Tiếp nhận lần 12");
	stamp_text(f, dev, 121, 156, 9, "Hồ sơ 41 quyển 3");
	draw(f, dev, 72, 260, 12, "3. Báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2024.", 0);
	if (f->truth)
		fclose(f->truth);
	f->truth = NULL;
	fz_close_device(f->ctx, dev);
	fz_drop_device(f->ctx, dev);
	fz_pixmap *pix = fz_new_pixmap_from_display_list(f->ctx, list, fz_scale(200 / 72.0f, 200 / 72.0f),
							 fz_device_rgb(f->ctx), 0);
	fz_image *img = fz_new_image_from_pixmap(f->ctx, pix, NULL);
	fz_document_writer *w = fz_new_pdf_writer(f->ctx, path, "compress");
	begin(f, w, &dev);
	fz_fill_image(f->ctx, dev, img, fz_make_matrix(PAGE_W, 0, 0, PAGE_H, 0, 0), 1, fz_default_color_params);
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	fz_drop_image(f->ctx, img);
	fz_drop_pixmap(f->ctx, pix);
	fz_drop_display_list(f->ctx, list);

	/* the note: a born page, then a free-text annotation added and saved */
	w = fz_new_pdf_writer(f->ctx, notes, "compress");
	begin(f, w, &dev);
	page_letterhead(f, dev);
	fz_end_page(f->ctx, w);
	fz_close_document_writer(f->ctx, w);
	fz_drop_document_writer(f->ctx, w);
	pdf_document *doc = pdf_open_document(f->ctx, notes);
	pdf_page *pg = pdf_load_page(f->ctx, doc, 0);
	pdf_annot *a = pdf_create_annot(f->ctx, pg, PDF_ANNOT_FREE_TEXT);
	pdf_set_annot_rect(f->ctx, a, fz_make_rect(300, 232, 560, 248));
	pdf_set_annot_contents(f->ctx, a, "Phòng KHTC theo dõi, báo cáo kết quả");
	float black[1] = {0};
	pdf_set_annot_default_appearance(f->ctx, a, "Helv", 9, 1, black);
	pdf_update_annot(f->ctx, a);
	pdf_drop_annot(f->ctx, a);
	fz_drop_page(f->ctx, &pg->super);
	pdf_write_options opts = pdf_default_write_options;
	pdf_save_document(f->ctx, doc, notes, &opts);
	pdf_drop_document(f->ctx, doc);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkfixtures OUTDIR\n");
		return 2;
	}
	tool_exit_status = 1;
	char p[4096], q[4096];
	fx f = {0};
	f.ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (!f.ctx)
		return 1;
	int rc = 0;
	fz_try(f.ctx) {
		f.font = fz_new_font_from_file(f.ctx, NULL, FONT, 0, 0);
		snprintf(p, sizeof p, "%s/born.pdf", argv[1]);
		snprintf(q, sizeof q, "%s/born.truth.txt", argv[1]);
		make_born(&f, p, q, "compress");
		snprintf(q, sizeof q, "%s/encrypted.pdf", argv[1]);
		make_born(&f, q, NULL, "encrypt=aes-128,user-password=secret,owner-password=boss");
		snprintf(q, sizeof q, "%s/scanlayer.pdf", argv[1]);
		make_scanlayer(&f, p, q);
		char r[4096];
		snprintf(q, sizeof q, "%s/legacy.pdf", argv[1]);
		snprintf(r, sizeof r, "%s/legacy.truth.txt", argv[1]);
		make_legacy(&f, q, r);
		snprintf(q, sizeof q, "%s/garbage.pdf", argv[1]);
		snprintf(r, sizeof r, "%s/garbage.truth.txt", argv[1]);
		make_garbage(&f, q, r);
		snprintf(q, sizeof q, "%s/stamp.pdf", argv[1]);
		snprintf(r, sizeof r, "%s/stamp.truth.txt", argv[1]);
		char n[4096];
		snprintf(n, sizeof n, "%s/notes.pdf", argv[1]);
		make_stamp(&f, q, r, n);
		snprintf(q, sizeof q, "%s/outlined.pdf", argv[1]);
		make_outlined(&f, q);
		snprintf(q, sizeof q, "%s/empty.pdf", argv[1]);
		make_empty(&f, q);
		snprintf(q, sizeof q, "%s/truncated.pdf", argv[1]);
		if (make_truncated(p, q, 0))
			fz_throw(f.ctx, FZ_ERROR_GENERIC, "cannot write %s", q);
		snprintf(q, sizeof q, "%s/half.pdf", argv[1]);
		if (make_truncated(p, q, 0.5))
			fz_throw(f.ctx, FZ_ERROR_GENERIC, "cannot write %s", q);
		snprintf(q, sizeof q, "%s/corrupt.pdf", argv[1]);
		if (make_corrupt(q))
			fz_throw(f.ctx, FZ_ERROR_GENERIC, "cannot write %s", q);
		snprintf(q, sizeof q, "%s/notpdf.pdf", argv[1]);
		const char *txt = "This is a plain text note, saved with the wrong name.\n";
		if (write_bytes(q, txt, strlen(txt)))
			fz_throw(f.ctx, FZ_ERROR_GENERIC, "cannot write %s", q);
	}
	fz_catch(f.ctx) {
		fprintf(stderr, "mkfixtures: %s\n", fz_caught_message(f.ctx));
		rc = 1;
	}
	fz_drop_font(f.ctx, f.font);
	fz_drop_context(f.ctx);
	return rc;
}

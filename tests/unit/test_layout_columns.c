/* Reading order of two-column blocks (ingest/layout.c) on hand-placed glyphs, as OCR words or a
 * text layer give them: a letterhead whose number and date rows have blanks left for handwriting,
 * the salutation under a letterhead, a "Nơi nhận" list beside a signature block whose rows do
 * not line up, and what must stay row by row: one paragraph line with a wide gap, a numbered
 * list's numbers beside its items, a table's rows of cells under a two-piece header. */
#include "../../ingest/ingest-int.h"
#include "../../ingest/layout.h"
#include "check.h"

#include <stdlib.h>

typedef struct glyphs {
	ingest_glyph g[2048];
	size_t n;
	int frag;
} glyphs;

/* Lay s out from x on baseline y, size 12: every glyph 6 points wide, one fragment. */
static void put(glyphs *gs, const char *s, float x, float y)
{
	gs->frag++;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(s + i, n - i, &c);
		gs->g[gs->n++] = (ingest_glyph){c, x, y - 9.6f, x + 6, y + 2.4f, 12, NULL, gs->frag};
		x += 6;
	}
}

/* The page's lines joined by '|'. */
static char *layout(sohoa_ctx *ctx, glyphs *gs)
{
	sohoa_doc doc;
	memset(&doc, 0, sizeof doc);
	sohoa_page *p = ingest_page_add(&doc, 1);
	sohoa_buf b = {0};
	if (p && ingest_layout(ctx, gs->g, gs->n, p) == SOHOA_OK)
		for (size_t i = 0; i < p->nlines; i++)
			if ((i && sohoa_buf_puts(&b, "|")) || sohoa_buf_puts(&b, p->lines[i].text))
				break;
	for (size_t i = 0; i < doc.npages; i++) {
		ingest_page_clear(&doc.pages[i]);
		free(doc.pages[i].decision);
	}
	free(doc.pages);
	memset(gs, 0, sizeof *gs);
	return b.data ? sohoa_buf_steal(&b) : sohoa_strdup("");
}

int main(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	static glyphs gs;
	char *s;

	/* Letterhead: the number's and the date's rows have a blank for the handwritten number and
	 * day, so each side holds two pieces there; then a subject line on the left only. */
	put(&gs, "UBND TỈNH PHÚ THỌ", 60, 60);
	put(&gs, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60);
	put(&gs, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 40, 76);
	put(&gs, "Độc lập - Tự do", 330, 76);
	put(&gs, "Số:", 60, 100);
	put(&gs, "/STTTT-CNTT", 120, 100);
	put(&gs, "Phú Thọ, ngày", 300, 100);
	put(&gs, "tháng 12 năm 2011", 400, 100);
	put(&gs, "V/v đăng ký danh sách", 40, 116);
	put(&gs, "Kính gửi: các đơn vị trực thuộc", 150, 140);
	s = layout(ctx, &gs);
	CHECK_STR(s, "UBND TỈNH PHÚ THỌ|SỞ THÔNG TIN VÀ TRUYỀN THÔNG|Số:|/STTTT-CNTT|V/v đăng ký danh sách|"
		  "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do|Phú Thọ, ngày|tháng 12 năm 2011|"
		  "Kính gửi: các đơn vị trực thuộc",
		  "letterhead: blanks for handwriting keep the left column first");
	free(s);

	/* The salutation under the letterhead, on the left but set off by more white than the
	 * letterhead's rows: read after both columns. */
	put(&gs, "UBND TỈNH PHÚ THỌ", 60, 60);
	put(&gs, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60);
	put(&gs, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 40, 76);
	put(&gs, "Độc lập - Tự do", 330, 76);
	put(&gs, "Số: 12/STTTT-CNTT", 60, 100);
	put(&gs, "Phú Thọ, ngày 5 tháng 12 năm 2011", 300, 100);
	put(&gs, "V/v đăng ký danh sách", 40, 116);
	put(&gs, "Kính gửi:", 100, 150);
	put(&gs, "- Các đơn vị trực thuộc sở;", 170, 166);
	s = layout(ctx, &gs);
	CHECK_STR(s, "UBND TỈNH PHÚ THỌ|SỞ THÔNG TIN VÀ TRUYỀN THÔNG|Số: 12/STTTT-CNTT|V/v đăng ký danh sách|"
		  "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do|Phú Thọ, ngày 5 tháng 12 năm 2011|Kính gửi:|"
		  "- Các đơn vị trực thuộc sở;",
		  "letterhead: the salutation set off below it comes after the motto column");
	free(s);

	/* Signature block beside "Nơi nhận", their rows not lined up. */
	put(&gs, "Vậy sở Thông tin và Truyền thông gửi các đơn vị biết và tham gia.", 40, 400);
	put(&gs, "KT. GIÁM ĐỐC", 350, 430);
	put(&gs, "PHÓ GIÁM ĐỐC", 350, 446);
	put(&gs, "Nơi nhận:", 40, 460);
	put(&gs, "- Như trên;", 40, 474);
	put(&gs, "- Lưu: VT.", 40, 488);
	put(&gs, "Nguyễn Hữu Việt", 345, 520);
	s = layout(ctx, &gs);
	CHECK_STR(s, "Vậy sở Thông tin và Truyền thông gửi các đơn vị biết và tham gia.|Nơi nhận:|- Như trên;|"
		  "- Lưu: VT.|KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC|Nguyễn Hữu Việt",
		  "signature: the recipients' list first, then the signer's rows");
	free(s);

	/* One line of a paragraph with a gap of about an em ("rà soát… về"): no column. */
	put(&gs, "- Báo cáo công tác chuẩn bị, rà soát…", 60, 200);
	put(&gs, "về Sở Giáo dục và Đào", 296, 200);
	put(&gs, "tạo trước 14 giờ ngày 29/7/2020.", 40, 214);
	put(&gs, "b) Hiệu trưởng các trường trung học phổ thông, giám đốc", 60, 228);
	s = layout(ctx, &gs);
	CHECK_STR(s, "- Báo cáo công tác chuẩn bị, rà soát…|về Sở Giáo dục và Đào|tạo trước 14 giờ ngày 29/7/2020.|"
		  "b) Hiệu trưởng các trường trung học phổ thông, giám đốc",
		  "paragraph: a line with a wide gap is read row by row");
	free(s);

	/* A numbered list with a hanging indent: the numbers are no column beside the items. */
	put(&gs, "1.", 40, 300);
	put(&gs, "Cho phép sinh viên được mang balô", 70, 300);
	put(&gs, "chỗ ngồi của mình trong phòng thi.", 70, 314);
	put(&gs, "2.", 40, 328);
	put(&gs, "Phòng Đào tạo Đại học thực hiện", 70, 328);
	put(&gs, "trạng mất cắp trong phòng thi.", 70, 342);
	s = layout(ctx, &gs);
	CHECK_STR(s, "1.|Cho phép sinh viên được mang balô|chỗ ngồi của mình trong phòng thi.|2.|"
		  "Phòng Đào tạo Đại học thực hiện|trạng mất cắp trong phòng thi.",
		  "list: each number stays before its item");
	free(s);

	/* A table under a two-piece header: its rows of cells stay rows. */
	put(&gs, "Họ và tên", 40, 300);
	put(&gs, "Điểm", 300, 300);
	put(&gs, "1", 40, 314);
	put(&gs, "Nguyễn Văn An", 80, 314);
	put(&gs, "8.5", 300, 314);
	put(&gs, "Đạt", 360, 314);
	put(&gs, "2", 40, 328);
	put(&gs, "Trần Thị Bình", 80, 328);
	put(&gs, "9.0", 300, 328);
	put(&gs, "Giỏi", 360, 328);
	s = layout(ctx, &gs);
	CHECK_STR(s, "Họ và tên|Điểm|1|Nguyễn Văn An|8.5|Đạt|2|Trần Thị Bình|9.0|Giỏi", "table: rows of cells stay rows");
	free(s);

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

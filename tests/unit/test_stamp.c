/* Stamp lines (ingest/stamp.c) on hand-made pages: the wording of inbox stamps against the
 * document's own number and date lines, and regions that take whole lines or split one. */
#include "../../ingest/ingest-int.h"
#include "../../ingest/stamp.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

/* Append a line of words to page: words separated by single spaces, each 30 points wide with
 * a 5-point gap, from x on the row y..y+12. */
static void add_line(sohoa_page *page, const char *text, float x, float y, sohoa_source src)
{
	sohoa_line *l = ingest_line_add(page);
	l->source = src;
	l->text = sohoa_strdup(text);
	l->confidence = src == SOHOA_SRC_OCR ? 90 : -1;
	char *copy = sohoa_strdup(text), *save = NULL;
	size_t n = 0;
	for (const char *p = text; *p; p++)
		n += *p == ' ';
	l->words = calloc(n + 1, sizeof *l->words);
	l->x0 = x, l->y0 = y, l->y1 = y + 12;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		sohoa_word *o = &l->words[l->nwords++];
		o->text = sohoa_strdup(w);
		o->x0 = x, o->x1 = x + 30, o->y0 = y, o->y1 = y + 12;
		o->confidence = l->confidence;
		l->x1 = x + 30;
		x += 35;
	}
	free(copy);
}

static int is_stamp(const sohoa_page *p, size_t i)
{
	return i < p->nlines && p->lines[i].source == SOHOA_SRC_STAMP;
}

static void test_words(void)
{
	static const struct {
		const char *text;
		int stamp;
	} cases[] = {
		{"ĐẾN Số: 1523 Ngày: 29/3/21", 1},
		{"ĐẾN Giờ: ...", 1},
		{"CÔNG VĂN ĐẾN", 1},
		{"Chuyển: Phòng TC", 1},
		{"Lưu hồ sơ số: 12", 1},
		{"Giờ: 9 Ngày: 12/5", 1},
		{"Số: 12/QĐ-UBND", 0},
		{"Hà Nội, ngày 26 tháng 3 năm 2021", 0},
		{"ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050", 0},
		{"đến ngày: 31/12/2024 các đơn vị báo cáo", 0},
		{"xử lý công văn đến của các đơn vị", 0},
		{"chuyển giao nhiệm vụ cho các đơn vị", 0},
	};
	sohoa_page page = {.number = 1, .source = SOHOA_SRC_OCR};
	size_t n = sizeof cases / sizeof *cases;
	for (size_t i = 0; i < n; i++)
		add_line(&page, cases[i].text, 70, 20 + 14 * (float)i, SOHOA_SRC_OCR);
	ingest_stamp_words(&page);
	for (size_t i = 0; i < n; i++) {
		char name[160];
		snprintf(name, sizeof name, "stamp wording: \"%s\" %s", cases[i].text,
			 cases[i].stamp ? "is a stamp line" : "is the document's");
		CHECK(is_stamp(&page, i) == cases[i].stamp, name);
	}
	ingest_page_clear(&page);
}

static void test_regions(sohoa_ctx *ctx)
{
	sohoa_page page = {.number = 1, .source = SOHOA_SRC_OCR};
	add_line(&page, "V/v bảo đảm 1. Phòng", 70, 100, SOHOA_SRC_OCR); /* words at 70, 105, 140, 175 */
	add_line(&page, "trong dịp", 70, 114, SOHOA_SRC_OCR);
	add_line(&page, "2. Công đoàn", 140, 128, SOHOA_SRC_OCR);
	ingest_region note = {138, 98, 400, 145, 0};
	CHECK(ingest_stamp_regions(ctx, &page, &note, 1) == SOHOA_OK, "regions: marking succeeds");
	CHECK(page.nlines == 4, "regions: the joined line is split in two");
	CHECK_STR(page.lines[0].text, "V/v bảo", "regions: the subject keeps its own words");
	CHECK(page.lines[0].source == SOHOA_SRC_OCR && page.lines[0].x1 <= 136 && page.lines[0].nwords == 2,
	      "regions: its box and words shrink to them");
	CHECK(!is_stamp(&page, 1), "regions: a line outside stays");
	CHECK(is_stamp(&page, 2), "regions: a line inside becomes a stamp line");
	CHECK(page.nlines == 4 && is_stamp(&page, 3), "regions: the words inside make a stamp line at the end");
	if (page.nlines == 4) {
		CHECK_STR(page.lines[3].text, "đảm 1. Phòng", "regions: the stamp line reads its words");
		CHECK(page.lines[3].line == 4 && page.lines[3].x0 >= 140, "regions: numbered last, boxed to its words");
	}
	ingest_page_clear(&page);

	/* a frame with more lines than a stamp holds is a boxed paragraph */
	for (int i = 0; i < 8; i++)
		add_line(&page, "Ghi chú dòng", 70, 20 + 14 * (float)i, SOHOA_SRC_OCR);
	ingest_region box = {60, 15, 300, 140, 6};
	CHECK(ingest_stamp_regions(ctx, &page, &box, 1) == SOHOA_OK, "regions: a full box succeeds");
	int any = 0;
	for (size_t i = 0; i < page.nlines; i++)
		any |= is_stamp(&page, i);
	CHECK(!any, "regions: a box with more lines than max_lines marks nothing");
	ingest_page_clear(&page);
}

/* An e-signature stamp printed at the top of a scanned page (the signing centre's name, e-mail
 * and time stamp; the "Ký bởi / Cơ quan / Thời gian ký" block) and the letterhead, the motto and
 * the date under it: only the stamp's lines become stamp lines, and only on an OCR page's
 * ingest_stamp_frames. */
static void test_esign(sohoa_ctx *ctx)
{
	sohoa_page page = {.number = 1, .source = SOHOA_SRC_OCR};
	add_line(&page, "TRUNG TÂM CÔNG", 330, 10, SOHOA_SRC_OCR);            /* 0 */
	add_line(&page, "BÁO VÀ TIN", 330, 21, SOHOA_SRC_OCR);                /* 1 */
	add_line(&page, "ttcbth@quangngai.gov.vn", 330, 32, SOHOA_SRC_OCR);   /* 2 */
	add_line(&page, "05.02.2025 08:09:28", 330, 43, SOHOA_SRC_OCR);       /* 3 */
	add_line(&page, "+07:00", 330, 54, SOHOA_SRC_OCR);                    /* 4 */
	add_line(&page, "Kỹ bởi: Ủy ban nhân dân", 480, 4, SOHOA_SRC_OCR);    /* 5: misread "Ký" */
	add_line(&page, "Thời gian ký: 04/02/2025 16:42:36", 480, 16, SOHOA_SRC_OCR); /* 6 */
	add_line(&page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 330, 66, SOHOA_SRC_OCR); /* 7: the motto, close under */
	add_line(&page, "Quảng Ngãi, ngày 04 tháng 02 năm 2025", 330, 90, SOHOA_SRC_OCR); /* 8 */
	add_line(&page, "ỦY BAN NHÂN DÂN", 70, 66, SOHOA_SRC_OCR);            /* 9 */
	add_line(&page, "Cuộc họp lúc 14:30 ngày 5 tháng 3 tại hội trường", 70, 200, SOHOA_SRC_OCR); /* 10 */
	/* 11: the government portal's label, read run into its e-mail, far from the time stamp */
	add_line(&page, "Email: ttdt@chinhphu.vnNgười ký: CỔNG THÔNG TIN ĐIỆN TỬ", 200, 300, SOHOA_SRC_OCR);
	CHECK(ingest_stamp_frames(ctx, &page, NULL, 0) == SOHOA_OK, "esign: marking succeeds");
	for (size_t i = 0; i <= 6; i++) {
		char name[64];
		snprintf(name, sizeof name, "esign: stamp line %zu marked", i);
		CHECK(is_stamp(&page, i), name);
	}
	CHECK(!is_stamp(&page, 7), "esign: the motto under the stamp stays");
	CHECK(!is_stamp(&page, 8) && !is_stamp(&page, 9), "esign: the date and the letterhead stay");
	CHECK(!is_stamp(&page, 10), "esign: a time of day in prose stays");
	CHECK(is_stamp(&page, 11), "esign: a \"Người ký:\" label is the stamp's");
	ingest_page_clear(&page);
	/* a born-digital page's own e-signature text goes through ingest_stamp_words only: kept */
	add_line(&page, "Thời gian ký: 04/02/2025 16:42:36", 480, 16, SOHOA_SRC_PDF);
	ingest_stamp_words(&page);
	CHECK(!is_stamp(&page, 0), "esign: a born-digital page keeps its signing time");
	ingest_page_clear(&page);
}

int main(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	if (!ctx) {
		printf("FAIL: context\n");
		return 1;
	}
	test_words();
	test_regions(ctx);
	test_esign(ctx);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

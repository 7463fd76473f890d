/* Unit tests of documents.csv: the field checkers of extract/docfields.c on readings OCR makes of
 * letterheads and signature blocks, and the extractor on small made-up documents (flattened
 * letterheads, split dates, blank and unreadable numbers, OCR words of low confidence). */
#include "../../extract/docmeta.h"
#include "../../extract/extract-int.h"
#include "../../core/govname.h"
#include "check.h"
#include "text-fixture.h"

#include <stdlib.h>
#include <string.h>

static void check_fix(char *(*fn)(const char *), const char *in, const char *want)
{
	char *got = fn(in);
	char name[256];
	snprintf(name, sizeof name, "'%s' reads as '%s'", in, want ? want : "(nothing)");
	if (want)
		CHECK_STR(got, want, name);
	else
		CHECK(!got, name);
	free(got);
}

static char *role_plain(const char *s)
{
	return docf_role(s, NULL);
}

/* A document of lines on page 1 (source source, every word's confidence conf) and its text, one
 * text line per source line. */
static sohoa_doc *make_doc(const char *const *lines, size_t n, sohoa_source source, float conf)
{
	sohoa_doc *d = calloc(1, sizeof *d);
	d->name = sohoa_strdup("t");
	d->path = sohoa_strdup("-");
	d->page_count = 1;
	d->npages = 1;
	d->pages = calloc(1, sizeof *d->pages);
	sohoa_page *p = &d->pages[0];
	p->number = 1;
	p->source = source;
	p->nlines = n;
	p->lines = calloc(n, sizeof *p->lines);
	for (size_t i = 0; i < n; i++) {
		sohoa_line *l = &p->lines[i];
		l->page = 1;
		l->line = (int)i + 1;
		l->source = source;
		l->confidence = source == SOHOA_SRC_OCR ? conf : -1;
		l->text = sohoa_strdup(lines[i]);
		/* words split at spaces */
		char *c = sohoa_strdup(lines[i]);
		for (char *w = strtok(c, " "); w; w = strtok(NULL, " ")) {
			l->words = realloc(l->words, (l->nwords + 1) * sizeof *l->words);
			l->words[l->nwords++] = (sohoa_word){sohoa_strdup(w), 0, 0, 0, 0, l->confidence};
		}
		free(c);
	}
	if (source == SOHOA_SRC_OCR)
		d->ocr_pages = 1;
	return d;
}

/* The fields of the one row documents.csv gets for lines: row[column] (RFC 4180 unquoted). */
typedef struct row {
	char f[20][512];
} row;

static int field_index(const char *name)
{
	const sohoa_extractor *ex = sohoa_extractor_find("documents");
	for (int i = 0; ex && ex->columns[i]; i++)
		if (!strcmp(ex->columns[i], name))
			return i;
	return -1;
}

/* make_doc with each line's box set from boxes (x0 y0 x1 y1 per line), or none when NULL. */
static sohoa_doc *boxed_doc(const char *const *lines, const float (*boxes)[4], size_t n, sohoa_source source,
			    float conf)
{
	sohoa_doc *d = make_doc(lines, n, source, conf);
	for (size_t i = 0; boxes && i < n; i++) {
		sohoa_line *l = &d->pages[0].lines[i];
		l->x0 = boxes[i][0];
		l->y0 = boxes[i][1];
		l->x1 = boxes[i][2];
		l->y1 = boxes[i][3];
	}
	return d;
}

/* The first row documents.csv gets for document d and text t into r (RFC 4180 unquoted); frees
 * d and t. */
static void extract_row(sohoa_ctx *ctx, sohoa_doc *d, sohoa_text *t, row *r)
{
	memset(r, 0, sizeof *r);
	sohoa_buf out = {0};
	const sohoa_extractor *ex = sohoa_extractor_find("documents");
	if (ex && ex->run(ctx, d, t, &out) == SOHOA_OK && out.data) {
		int k = 0, q = 0;
		size_t j = 0;
		for (const char *p = out.data; *p && *p != '\r' && k < 20; p++) {
			if (q) {
				if (*p == '"' && p[1] == '"')
					r->f[k][j < 511 ? j++ : j] = '"', p++;
				else if (*p == '"')
					q = 0;
				else if (j < 511)
					r->f[k][j++] = *p;
			} else if (*p == '"') {
				q = 1;
			} else if (*p == ',') {
				k++;
				j = 0;
			} else if (j < 511) {
				r->f[k][j++] = *p;
			}
		}
	}
	sohoa_buf_free(&out);
	sohoa_text_free(t);
	sohoa_doc_free(d);
}

/* The documents row of lines (boxes: x0 y0 x1 y1 per line, or NULL for none) into r. */
static void run_doc_boxed(sohoa_ctx *ctx, const char *const *lines, const float (*boxes)[4], size_t n,
			  sohoa_source source, float conf, row *r)
{
	extract_row(ctx, boxed_doc(lines, boxes, n, source, conf), text_of_lines(lines, n), r);
}

/* As run_doc_boxed, with text line join and the next one run together into one text line (normalize
 * reflowing a title printed on two lines). */
static void run_doc_joined(sohoa_ctx *ctx, const char *const *lines, const float (*boxes)[4], size_t n, size_t join,
			   row *r)
{
	const char *tl[64];
	char joined[1024];
	size_t m = 0;
	for (size_t i = 0; i < n && m < 64; i++) {
		if (i == join) {
			snprintf(joined, sizeof joined, "%s %s", lines[i], lines[i + 1]);
			tl[m++] = joined;
			i++;
		} else {
			tl[m++] = lines[i];
		}
	}
	sohoa_text *t = text_of_lines(tl, m);
	for (size_t i = 0; i < m; i++) {
		int src = (int)(i <= join ? i : i + 1) + 1;
		t->lines[i].line = src;
		t->lines[i].line_end = src + (i == join);
	}
	extract_row(ctx, boxed_doc(lines, boxes, n, SOHOA_SRC_OCR, 90), t, r);
}

static void run_doc(sohoa_ctx *ctx, const char *const *lines, size_t n, sohoa_source source, float conf, row *r)
{
	run_doc_boxed(ctx, lines, NULL, n, source, conf, r);
}

static const char *F(const row *r, const char *col)
{
	int i = field_index(col);
	return i >= 0 ? r->f[i] : "(no column)";
}

int main(void)
{
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);

	/* words of a line that begins with spaces: w[0] is the copy the caller frees */
	{
		char *w[DOCF_MAXW];
		int n = 0;
		CHECK(docf_words("   CHỦ TỊCH  UBND", w, DOCF_MAXW, &n) == 3, "three words past leading spaces");
		if (n) {
			CHECK_STR(w[0], "CHỦ", "the first word starts the copy");
			CHECK_STR(w[2], "UBND", "the last word");
			free(w[0]);
		}
	}

	/* issuers: letterhead readings corrected to the one name a small slip reaches, junk left out */
	check_fix(docf_issuer, "ỦY BAN NHÂN DÂN TĨNH PHU THỌ", "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ");
	check_fix(docf_issuer, "SƠ THO ÔNG TIN VÀ TRUYEN THÔNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG");
	check_fix(docf_issuer, "SỞ GIÁO DỤC VÀ BẢO TẠO.", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
	check_fix(docf_issuer, "UY BAN NHÂN DÂN TINH QUANG NGAÀI", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
	check_fix(docf_issuer, "CỤC THUE", "CỤC THUẾ");
	check_fix(docf_issuer, "UỶ BAN NHÂN DÂN TỈNH BẮC NINH", "UỶ BAN NHÂN DÂN TỈNH BẮC NINH");
	check_fix(docf_issuer, "TRƯỜNG THPT PHƯỚC BỬU", "TRƯỜNG THPT PHƯỚC BỬU");
	check_fix(docf_issuer, "UBND HUYỆN MƯỜNG TÈ", "UBND HUYỆN MƯỜNG TÈ");
	check_fix(docf_issuer, "VĂN PHÒNG CHÍNH PHỦ", "VĂN PHÒNG CHÍNH PHỦ");
	check_fix(docf_issuer, "/CT-CS", NULL);
	check_fix(docf_issuer, "CB-GV-NV;", NULL);
	check_fix(docf_issuer, "CHỦ NGHĨA VIỆT NAM", NULL);
	check_fix(docf_issuer, "KT. GIÁM ĐỐC", NULL);
	check_fix(docf_issuer, "DN G0, .C............", NULL);
	check_fix(docf_issuer, "SỞ Y TẾ X7#Q", NULL);
	check_fix(docf_issuer, "SỞ TƯ", NULL); /* no department is of that */
	check_fix(docf_issuer, "SỞ GD&ĐT TP.HCM", "SỞ GD&ĐT TP.HCM");
	check_fix(docf_issuer, "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI");
	check_fix(docf_issuer, "ĐẠI HỌC QUỐC GIA TP. HỒ CHÍ MINH", "ĐẠI HỌC QUỐC GIA TP. HỒ CHÍ MINH");

	/* roles */
	check_fix(role_plain, "PHÓ CHỦ TỊCH®", "PHÓ CHỦ TỊCH");
	check_fix(role_plain, "FT? FRƯỞNG BAN", NULL);
	check_fix(role_plain, "CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG");
	check_fix(role_plain, "PHÓ HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG");
	check_fix(role_plain, "GIÁM DC", "GIÁM ĐỐC");
	check_fix(role_plain, "LÌ", NULL);
	{
		char *r = docf_role("2 GIÁM ĐỐC", "GIÁM ĐỐC");
		CHECK_STR(r, "PHÓ GIÁM ĐỐC", "under KT. GIÁM ĐỐC the deputy signs: '2 GIÁM ĐỐC' is PHÓ GIÁM ĐỐC");
		free(r);
	}

	/* places */
	check_fix(docf_place, "Cuo Bằng", "Cao Bằng");
	check_fix(docf_place, "Thành phô Hồ Chí Minh", "Thành phố Hồ Chí Minh");
	check_fix(docf_place, "Thành Phố Hồ Chí Minh", "Thành Phố Hồ Chí Minh");
	check_fix(docf_place, "Tp.Hồ Chí Minh", "Tp.Hồ Chí Minh");
	check_fix(docf_place, "Mường Tè", "Mường Tè");
	check_fix(docf_place, "Xy%z Q7", NULL);
	check_fix(docf_place, "Hà Nai", NULL); /* Hà Nam or Hà Nội */
	check_fix(docf_issuer, "UBND TỈNH BÌNH BINH", NULL); /* Bình Định or Ninh Bình */
	check_fix(docf_issuer, "UBND THÀNH PHỐ VIỆT TRÌ", "UBND THÀNH PHỐ VIỆT TRÌ");
	check_fix(docf_issuer, "UBND TỈNH MƯỜNG TÈ", NULL); /* no province */

	/* names */
	CHECK(docf_name("Nguyễn Văn Hiếu"), "a name with a family name");
	CHECK(!docf_name("Nguyên Xân Hiểu"), "'Nguyên' is no family name");
	CHECK(!docf_name("Trần"), "one word is no name");
	CHECK(docf_given_name_doubtful("Trần Hoàng Tuần"), "'Tuần' beside the common 'Tuấn' is doubtful");
	CHECK(!docf_given_name_doubtful("Trần Hoàng Tuấn"), "a common given name is no doubt");
	CHECK(!docf_given_name_doubtful("Nguyễn Văn Đệ"), "a rarer given name of the text is no doubt");
	CHECK(!docf_given_name_doubtful("Lê Trung Chinh"), "'Chinh' is a given name of the text");
	CHECK(docf_given_name_doubtful("Lê Trung Chỉnh"), "'Chỉnh' beside 'Chính' (31 names) is doubtful");
	CHECK(docf_given_name_doubtful("Nguyễn Đình Thuân"), "'Thuân' beside 'Thuận' (16 names) is doubtful");
	CHECK(!docf_given_name_doubtful("Nguyễn Văn Xyzq"), "no variant of it is common: no doubt");
	CHECK(docf_given_name_doubtful("Trần Phước Hiên"), "'Hiên' (4 names) beside 'Hiền' (24) is doubtful");
	CHECK(!docf_given_name_doubtful("Nguyễn Văn Hòa"), "'Hòa' counts its spelling 'Hoà' too: no doubt");
	CHECK(!docf_given_name_doubtful("Nguyễn Văn Tuân"), "'Tuân' (10 names) is a name of its own");
	check_fix(docf_name_fixed, "Đăng Văn Minh", "Đặng Văn Minh");
	check_fix(docf_name_fixed, "Nguyên Văn An", "Nguyễn Văn An");
	check_fix(docf_name_fixed, "Đặng Văn Minh", NULL);  /* a name already */
	check_fix(docf_name_fixed, "Luơng Văn An", NULL);   /* Lương or Lường */
	check_fix(docf_name_fixed, "Xyz Văn An", NULL);     /* no family name has its letters */
	check_fix(docf_name_fixed, "Đăng Q7 Minh", NULL);   /* the rest is no name */

	/* digits */
	char d[16];
	CHECK(docf_digits("I3", 2, d, sizeof d) && !strcmp(d, "13"), "'I3' is 13");
	CHECK(docf_digits("2O", 2, d, sizeof d) && !strcmp(d, "20"), "'2O' is 20");
	CHECK(!docf_digits("IŠ", strlen("IŠ"), d, sizeof d), "'IŠ' is not read");
	CHECK(!docf_digits("0Ÿ", strlen("0Ÿ"), d, sizeof d), "'0Ÿ' is not read");
	CHECK(!docf_digits("Ô", strlen("Ô"), d, sizeof d), "a lone look-alike is not read");

	/* skeleton distance */
	CHECK(sohoa_gov_nearest(sohoa_gov_provinces, "Cuo Bằng", strlen("Cuo Bằng"), 0, NULL) >= 0,
	      "a province one slip away is found");
	CHECK(sohoa_gov_nearest(sohoa_gov_provinces, "Hà Nai", strlen("Hà Nai"), 0, NULL) < 0,
	      "two provinces one slip away: none is certain");

	row r;
	/* a decision whose letterhead's two columns were flattened, motto broken over lines, date
	 * over two lines, the authority line under the title */
	static const char *const dec[] = {
		"ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "Số: 12/QĐ-UBND", "Cần Thơ, ngày 21", "tháng 11 năm 2025",
		"QUYẾT ĐỊNH", "BAN HÀNH QUY CHẾ THỬ NGHIỆM", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
		"Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành quy chế.",
		"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
	};
	run_doc(ctx, dec, sizeof dec / sizeof *dec, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "type"), "Quyết định", "decision: type");
	CHECK_STR(F(&r, "number"), "12/QĐ-UBND", "decision: number");
	CHECK_STR(F(&r, "date"), "2025-11-21", "decision: date over two lines");
	CHECK_STR(F(&r, "issuer"), "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "decision: issuer, motto out");
	CHECK_STR(F(&r, "place"), "Cần Thơ", "decision: place");
	CHECK_STR(F(&r, "title"), "BAN HÀNH QUY CHẾ THỬ NGHIỆM", "decision: the title stops at the authority line");
	CHECK_STR(F(&r, "signer"), "Nguyễn Văn An", "decision: signer");
	CHECK_STR(F(&r, "signer_role"), "CHỦ TỊCH", "decision: role");

	/* a telegram read by OCR: its type line under the date, an inbox stamp in capitals (one letter
	 * misread in case) under its subject */
	static const char *const tel[] = {
		"THỦ TƯỚNG CHÍNH PHỦ", "Số: /CĐ-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày tháng 4 năm 2025", "CÔNG ĐIỆN",
		"Về việc tăng cường phòng chống thiên tai mùa mưa bão", "CỔNG THÔNG TIn ĐIỆN TỬ CHÍNH PHỦ",
		"ĐẾN Giờ: Ngày:", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Các Bộ trưởng;",
	};
	run_doc(ctx, tel, sizeof tel / sizeof *tel, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "type"), "Công điện", "telegram: its type line");
	CHECK_STR(F(&r, "issuer"), "THỦ TƯỚNG CHÍNH PHỦ", "telegram: the type line is no part of the issuer");
	CHECK_STR(F(&r, "title"), "Về việc tăng cường phòng chống thiên tai mùa mưa bão",
		  "telegram: the title stops at a line in capitals with a letter misread in case");

	/* a letter: no type line, a V/v subject, KT. over a role the OCR broke */
	static const char *const cv[] = {
		"UBND TỈNH LAI CHÂU", "SỞ Y TẾ", "Số: 209/SYT-VP", "V/v thử nghiệm hệ thống",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Lai Châu, ngày 05 tháng 3 năm 2024", "Kính gửi: Các đơn vị.", "Sở Y tế đề nghị các đơn vị thực hiện.",
		"KT. GIÁM ĐỐC", "2 GIÁM ĐỐC", "Trần Văn Bình",
	};
	run_doc(ctx, cv, sizeof cv / sizeof *cv, SOHOA_SRC_OCR, 95, &r);
	CHECK_STR(F(&r, "type"), "Công văn", "letter: a V/v subject and a number of no type is a Công văn");
	CHECK_STR(F(&r, "number"), "209/SYT-VP", "letter: number");
	CHECK_STR(F(&r, "issuer"), "SỞ Y TẾ", "letter: issuer");
	CHECK_STR(F(&r, "parent_issuer"), "UBND TỈNH LAI CHÂU", "letter: parent");
	CHECK_STR(F(&r, "date"), "2024-03-05", "letter: date");
	CHECK_STR(F(&r, "title"), "V/v thử nghiệm hệ thống", "letter: title");
	CHECK_STR(F(&r, "signer_role"), "PHÓ GIÁM ĐỐC", "letter: role under KT.");
	CHECK_STR(F(&r, "signer"), "Trần Văn Bình", "letter: signer");

	/* the same read with low confidence: number, date and name are left out, not guessed */
	run_doc(ctx, cv, sizeof cv / sizeof *cv, SOHOA_SRC_OCR, 45, &r);
	CHECK_STR(F(&r, "number"), "", "low-confidence digits: no number");
	CHECK_STR(F(&r, "date"), "", "low-confidence digits: no date");
	CHECK_STR(F(&r, "signer"), "", "low-confidence name: no signer");
	CHECK_STR(F(&r, "issuer"), "SỞ Y TẾ", "low confidence: the issuer is still checked and kept");

	/* a number glued to its label, read with low confidence: the word's confidence counts */
	static const char *const gluedlow[] = {
		"SỞ Y TẾ", "Số:19 /SYT-VP", "Lai Châu, ngày 05 tháng 3 năm 2024", "V/v thử nghiệm", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, gluedlow, sizeof gluedlow / sizeof *gluedlow, SOHOA_SRC_OCR, 45, &r);
	CHECK_STR(F(&r, "number"), "", "digits glued to the label, low confidence: no number");

	/* junk in the number and date slots, a junk letterhead */
	static const char *const junk[] = {
		"/CT-CS", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: ⁄‡6/CT-UBND",
		"Hà Nội, ngày 0Ÿ tháng # năm 2024", "CHỈ THỊ", "Về việc thử", "Căn cứ luật.",
	};
	run_doc(ctx, junk, sizeof junk / sizeof *junk, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "number"), "", "junk digits: no number");
	CHECK_STR(F(&r, "date"), "", "junk day and month: no date");
	CHECK_STR(F(&r, "issuer"), "", "junk letterhead: no issuer");
	CHECK_STR(F(&r, "type"), "Chỉ thị", "junk: the type line still counts");
	CHECK_STR(F(&r, "place"), "Hà Nội", "junk: the place still counts");

	/* a handwritten day read as a digit and a symbol glued to tháng */
	static const char *const symday[] = {
		"UBND TỈNH THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/QĐ-UBND",
		"Thử, ngày 2¿tháng", "01 năm 2013", "QUYẾT ĐỊNH", "Về việc thử", "Căn cứ luật.",
	};
	run_doc(ctx, symday, sizeof symday / sizeof *symday, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "date"), "", "a day with a symbol glued to tháng: no date");

	/* what OCR glues and splits: "S6:" for Số, "26háng", digits placed apart, a blank number */
	static const char *const glued[] = {
		"UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ GIÁO DỤC VÀ BẢO TẠO.", "S6:1906 /SGDĐT-CTrTT",
		"Đà Nẵng, ngày 26háng 7 năm 2020", "V/v khẩn trương", "Kính gửi: các trường.",
	};
	run_doc(ctx, glued, sizeof glued / sizeof *glued, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "1906/SGDĐT-CTrTT", "'S6:' is the label Số:");
	CHECK_STR(F(&r, "date"), "2020-07-26", "'26háng' is 26 tháng");
	CHECK_STR(F(&r, "issuer"), "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "a sector one letter off is corrected");
	static const char *const ngaydigits[] = {
		"THỦ TƯỚNG CHÍNH PHỦ", "Số: 12/TTg-CĐS", "V/v thử nghiệm", "Hà Nội, ngày30", "tháng 4 năm 2026",
		"Kính gửi: các Bộ.",
	};
	run_doc(ctx, ngaydigits, sizeof ngaydigits / sizeof *ngaydigits, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "date"), "2026-04-30", "'ngày30' split from its month: the day glued to ngày");
	run_doc(ctx, ngaydigits, sizeof ngaydigits / sizeof *ngaydigits, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "date"), "", "'ngày30' on a scan: a day filled in, not read for certain");
	CHECK_STR(F(&r, "place"), "Hà Nội", "'ngày30' on a scan: the place still counts");
	static const char *const apart[] = {
		"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: /KHLT-SGDĐT-TCGD 90", "Thành Phố Hồ Chí Minh, ngày 03 tháng năm 2025 10",
		"KẾ HOẠCH", "Tổ chức hội thi",
	};
	run_doc(ctx, apart, sizeof apart / sizeof *apart, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "number"), "90/KHLT-SGDĐT-TCGD", "digits placed after the code fill the number");
	CHECK_STR(F(&r, "date"), "2025-10-03", "a month placed after the year fills its slot");
	CHECK_STR(F(&r, "place"), "Thành Phố Hồ Chí Minh", "the place keeps its unit");
	static const char *const blank[] = {
		"SỞ Y TẾ", "Số:         /KH-SYT", "Lai Châu, ngày     tháng 9 năm 2020", "KẾ HOẠCH", "Cải cách hành chính",
	};
	run_doc(ctx, blank, sizeof blank / sizeof *blank, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "", "a number not filled in is empty");
	CHECK_STR(F(&r, "date"), "", "a date without its day is empty");
	CHECK_STR(F(&r, "type"), "Kế hoạch", "blank number: type from the type line");

	/* a flattened letterhead: the place and date on the number's line; a rank before the name;
	 * a citation's date in the grounds is not the document's */
	static const char *const flat[] = {
		"CÔNG AN THÀNH PHỐ ĐÀ NẴNG", "PHÒNG AN NINH CHÍNH TRỊ NỘI BỘ",
		"Số: 12 /ANCTNB Đà Nẵng, ngày 3 tháng 4 năm 2018", "V/v thử nghiệm", "Kính gửi: các đơn vị",
		"Nội dung.", "TRƯỞNG PHÒNG", "Trung tá Ngô Văn Công",
	};
	run_doc(ctx, flat, sizeof flat / sizeof *flat, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "12/ANCTNB", "flattened: the number stops before the place");
	CHECK_STR(F(&r, "date"), "2018-04-03", "flattened: the date after the number");
	CHECK_STR(F(&r, "place"), "Đà Nẵng", "flattened: the place after the number");
	CHECK_STR(F(&r, "signer"), "Ngô Văn Công", "a rank before the name is no part of it");
	CHECK_STR(F(&r, "parent_issuer"), "CÔNG AN THÀNH PHỐ ĐÀ NẴNG", "police: the parent body");
	static const char *const cite[] = {
		"SỞ Y TẾ", "Số: 12/KH-SYT", "KẾ HOẠCH", "Thử nghiệm",
		"Căn cứ Nghị định số 30/2020/NĐ-CP, ngày 05 tháng 3 năm 2020 của Chính phủ;",
	};
	run_doc(ctx, cite, sizeof cite / sizeof *cite, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "date"), "", "a cited document's date is not the document's");


	/* a number whose digits read as "4/3": digits after the first '/' are a year or nothing */
	static const char *const slashed[] = {
		"SỞ Y TẾ", "Số: 4/3 /SYT-VP", "Lai Châu, ngày 05 tháng 3 năm 2024", "V/v thử nghiệm", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, slashed, sizeof slashed / sizeof *slashed, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "", "'4/3/SYT-VP' is no number");
	static const char *const zero[] = {
		"SỞ Y TẾ", "Số: ô0 /SYT-VP", "Lai Châu, ngày 05 tháng 3 năm 2024", "V/v thử nghiệm", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, zero, sizeof zero / sizeof *zero, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "", "'ô0' reads as 00: no number is 0");
	static const char *const yearly[] = {
		"CHÍNH PHỦ", "Số: 15/2021/NĐ-CP", "Hà Nội, ngày 3 tháng 2 năm 2011", "NGHỊ ĐỊNH", "Quy định thử nghiệm",
	};
	run_doc(ctx, yearly, sizeof yearly / sizeof *yearly, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "15/2021/NĐ-CP", "a number with its year");
	CHECK_STR(F(&r, "date"), "2021-02-03", "the date's year one digit off the number's year is the number's");

	/* a year later than this year: the one year the text cites one digit off it, else nothing */
	static const char *const future[] = {
		"SỞ Y TẾ", "Số: 19/SYT-VP", "Lai Châu, ngày 26 tháng 7 năm 2090", "V/v phòng chống dịch",
		"Kính gửi: các đơn vị.", "Thực hiện Công văn số 48/UBND-VX ngày 20/7/2020 của UBND tỉnh,",
	};
	run_doc(ctx, future, sizeof future / sizeof *future, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "date"), "2020-07-26", "a future year read for the cited year one digit off");
	run_doc(ctx, future, 5, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "date"), "", "a future year and no year cited: no date");
	CHECK_STR(F(&r, "place"), "Lai Châu", "a future year: the place still counts");

	/* specks beside a title read as lines; a title made of specks */
	static const char *const specks[] = {
		"SỞ Y TẾ", "Số: 21/SYT-VP", "V/v bảo đảm an toàn giao thông", "Ầ", "1", "% * ,'1%",
		"trong dịp nghỉ hè", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, specks, sizeof specks / sizeof *specks, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "V/v bảo đảm an toàn giao thông trong dịp nghỉ hè", "speck lines are no part of the title");
	static const char *const junkt[] = {"SỞ Y TẾ", "THÔNG BÁO", "A 1 % * ,'1%", "Căn cứ luật."};
	run_doc(ctx, junkt, sizeof junkt / sizeof *junkt, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "", "a title of marks is no title");

	/* "Về việc" with its first word misread */
	static const char *const opener[] = {"SỞ Y TẾ", "Số: 9/TB-SYT", "THÔNG BÁO", "và việc giới thiệu chữ ký", "Căn cứ luật."};
	run_doc(ctx, opener, sizeof opener / sizeof *opener, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc giới thiệu chữ ký", "'và việc' opening a title is 'Về việc'");

	/* "V/v" as OCR reads it; a title with a misread word; a rank's tone misread, a long role */
	static const char *const vw[] = {
		"CÔNG AN TỈNH LAI CHÂU", "PHÒNG AN NINH NỘI BỘ", "Số: 15/CV-PA83", "v/w thông báo hoạt động",
		"Lai Châu, ngày 26 tháng 4 năm 2018", "Kính gửi: các đơn vị.", "Nội dung.", "PHÓ TRƯỞNG PHÒNG PHỤ TRÁCH",
		"Trung tả Ngô Văn Công",
	};
	run_doc(ctx, vw, sizeof vw / sizeof *vw, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "V/v thông báo hoạt động", "'v/w' opens a V/v subject");
	CHECK_STR(F(&r, "signer"), "Ngô Văn Công", "a rank with its tone misread is no part of the name");
	CHECK_STR(F(&r, "signer_role"), "PHÓ TRƯỞNG PHÒNG PHỤ TRÁCH", "a role of five words");
	static const char *const khn[] = {
		"SỞ Y TẾ", "Số: 16/SYT-VP", "V/v khn trương phòng chống dịch", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, khn, sizeof khn / sizeof *khn, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "", "an OCR title with a word that is no syllable is left out");
	static const char *const inv[] = {
		"SỞ Y TẾ", "Số: 17/SYT-VP", "V¿v khẩn trương phòng chống dịch", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, inv, sizeof inv / sizeof *inv, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "V/v khẩn trương phòng chống dịch", "'V¿v' opens a V/v subject");

	/* a text layer's Title-case words under a role line are no signer unless they are a name */
	static const char *const notname[] = {
		"SỞ Y TẾ", "Số: 18/KH-SYT", "Lai Châu, ngày 3 tháng 4 năm 2022", "KẾ HOẠCH", "Thử nghiệm",
		"Căn cứ luật.", "GIÁM ĐỐC", "Năm N",
	};
	run_doc(ctx, notname, sizeof notname / sizeof *notname, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "signer"), "", "'Năm N' is no person's name");
	CHECK_STR(F(&r, "signer_role"), "GIÁM ĐỐC", "no name: the role still counts");

	/* a subject in parentheses that reflow joined to the body's first sentence */
	static const char *const paren[] = {
		"TRƯỜNG ĐẠI HỌC Y", "Số: 7/TB-ĐHY", "THÔNG BÁO",
		"(V/v Tăng cường kiểm tra) Hiện nay nhà trường đã nhận được nhiều ý kiến của người học", "về việc này.",
	};
	run_doc(ctx, paren, sizeof paren / sizeof *paren, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "title"), "(V/v Tăng cường kiểm tra)", "a title in parentheses ends where they close");

	/* the body's first paragraph below the title with a gap, no cue word */
	static const char *const gap[] = {
		"TRƯỜNG ĐẠI HỌC Y", "Số: 8/TB-ĐHY", "THÔNG BÁO", "Về lịch nghỉ học",
		"Nhà trường thông báo lịch nghỉ học của sinh viên", "trong học kỳ hai như sau.",
	};
	static const float gapbox[][4] = {
		{60, 50, 200, 62}, {60, 70, 200, 82}, {250, 110, 350, 122}, {240, 124, 360, 136},
		{80, 170, 520, 182}, {60, 186, 520, 198},
	};
	run_doc_boxed(ctx, gap, gapbox, sizeof gap / sizeof *gap, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về lịch nghỉ học", "a title ends where a gap opens below it");
	/* tall boxes of a scan that overlap line to line: the gap below the title is less than a
	 * line's height, more than three quarters of it */
	static const char *const tight[] = {
		"TRƯỜNG ĐẠI HỌC Y", "Số: 9/CT-ĐHY", "CHỈ THỊ", "Về việc tăng cường công tác phòng cháy",
		"trong tình hình mới", "Trong thời gian qua, công tác phòng cháy của trường đã có", "kết quả tốt.",
	};
	static const float tightbox[][4] = {
		{60, 50, 200, 62}, {60, 70, 200, 82}, {280, 142, 337, 159}, {119, 156, 498, 179},
		{159, 173, 458, 194}, {118, 212, 535, 235}, {83, 228, 535, 251},
	};
	run_doc_boxed(ctx, tight, tightbox, sizeof tight / sizeof *tight, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc tăng cường công tác phòng cháy trong tình hình mới",
		  "a title ends where a gap of most of a line opens below it");

	/* a day that is no digits glued to "tháng": no date, the place still counts */
	static const char *const gluedday[] = {
		"SỞ Y TẾ", "Số: 22/SYT-VP", "Lai Châu, ngày AÂtháng 10 năm 2023", "V/v thử nghiệm", "Kính gửi: các đơn vị.",
	};
	run_doc(ctx, gluedday, sizeof gluedday / sizeof *gluedday, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "date"), "", "a day of junk glued to tháng: no date");
	CHECK_STR(F(&r, "place"), "Lai Châu", "a day of junk glued to tháng: the place");

	/* no place-and-date line: the e-signature stamp's day, when every stamp gives the same */
	static const char *const stamped[] = {
		"Số: 31/QĐ-UBND", "Thời gian ký: 2024-05-13T14:41:57+07:00", "DANH MỤC CÔNG VIỆC", "Công việc", "Điểm",
		"Thời gian ký: 2024-05-14T08:00:00+07:00",
	};
	run_doc(ctx, stamped, 5, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "date"), "2024-05-13", "no date line: the signing stamp's date");
	run_doc(ctx, stamped, 6, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "date"), "", "stamps of two days: no date");

	/* an annex: the number of the decision it comes with is no type of its own */
	static const char *const annex[] = {
		"Số: 31/QĐ-UBND", "DANH MỤC CÔNG VIỆC CHUNG", "(Ban hành kèm theo Quyết định số 31/QĐ-UBND của UBND tỉnh)",
		"Công việc", "Điểm",
	};
	run_doc(ctx, annex, sizeof annex / sizeof *annex, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "type"), "", "an annex takes no type from its decision's number");
	CHECK_STR(F(&r, "number"), "31/QĐ-UBND", "an annex: the number still counts");

	/* the Youth Union's title where the national motto stands; two signature columns */
	static const char *const union_[] = {
		"ĐOÀN TRƯỜNG THPT AN PHÚ", "ĐOÀN TNCS HỒ CHÍ MINH", "Số: 5/TTr-ĐTN", "An Giang, ngày 3 tháng 4 năm 2024",
		"TỜ TRÌNH", "V/v hỗ trợ học sinh", "Kính gửi: Ban đại diện cha mẹ học sinh.", "Đề nghị hỗ trợ.",
		"BAN ĐẠI DIỆN CHA MẸ HỌC SINH", "BÍ THƯ ĐOÀN TRƯỜNG", "Lê Văn Tám", "Phạm Thị Lan",
	};
	static const float unionbox[][4] = {
		{50, 50, 250, 62}, {330, 50, 520, 62}, {80, 80, 200, 92}, {300, 80, 520, 92}, {270, 120, 340, 132},
		{200, 140, 400, 152}, {80, 170, 500, 182}, {80, 190, 300, 202},
		{60, 400, 250, 412}, {360, 400, 520, 412}, {90, 480, 200, 492}, {390, 480, 500, 492},
	};
	run_doc_boxed(ctx, union_, unionbox, sizeof union_ / sizeof *union_, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "issuer"), "ĐOÀN TRƯỜNG THPT AN PHÚ", "the Youth Union's title is no issuer");
	CHECK_STR(F(&r, "signer"), "Phạm Thị Lan", "the signer is the name under the role's column");
	CHECK_STR(F(&r, "signer_role"), "BÍ THƯ ĐOÀN TRƯỜNG", "two columns: the issuer's role");

	/* an inbox stamp's text in capitals read between the type line and the subject */
	static const char *const stamped_title[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 07/CT-UBND", "Quảng Ngãi, ngày 20 tháng 3 năm 2018", "CHỈ THỊ",
		"i TRƯNG TA CÔNG BAO a-TiN HỌC Q.NGÀI", "Về việc tăng cường công tác thi hành án hành chính",
		"Căn cứ Luật Tố tụng hành chính năm 2015;",
	};
	run_doc(ctx, stamped_title, sizeof stamped_title / sizeof *stamped_title, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc tăng cường công tác thi hành án hành chính",
		  "a line in capitals before 'Về việc' is no part of the title");
	static const char *const caps_title[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 07/QĐ-UBND", "Quảng Ngãi, ngày 20 tháng 3 năm 2018", "QUYẾT ĐỊNH",
		"VỀ VIỆC BAN HÀNH QUY CHẾ", "LÀM VIỆC CỦA ỦY BAN", "Căn cứ Luật Tổ chức chính quyền địa phương;",
	};
	run_doc(ctx, caps_title, sizeof caps_title / sizeof *caps_title, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN", "a title in capitals stays whole");

	/* a title printed on three lines, the first two reflowed into one text line: the third is no
	 * paragraph after a gap */
	static const char *const reflowed[] = {
		"ỦY BAN NHÂN DÂN", "Số: 11/TB-UBND", "Quảng Ngãi, ngày 8 tháng 01 năm 2025", "THÔNG BÁO",
		"Kết luận của Phó Chủ tịch tại cuộc họp nghe", "báo cáo về tình hình cổ phần hóa Công ty TNHH",
		"MTV Xây dựng trong thời gian qua", "Ngày 03/01/2025, Phó Chủ tịch chủ trì họp.",
	};
	static const float reflowbox[][4] = {
		{117, 72, 239, 87}, {119, 118, 237, 133}, {303, 118, 539, 133}, {276, 153, 361, 168},
		{121, 169, 516, 184}, {117, 185, 521, 200}, {122, 201, 516, 216}, {120, 260, 520, 275},
	};
	run_doc_joined(ctx, reflowed, reflowbox, sizeof reflowed / sizeof *reflowed, 4, &r);
	CHECK_STR(F(&r, "title"),
		  "Kết luận của Phó Chủ tịch tại cuộc họp nghe báo cáo về tình hình cổ phần hóa Công ty TNHH MTV Xây "
		  "dựng trong thời gian qua",
		  "a reflowed title line ends at its last source line: the next line goes on");

	/* the Party's title broken over two lines beside the issuer */
	static const char *const party[] = {
		"BAN CHẤP HÀNH", "TRUNG ƯƠNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "ĐẢNG CỘNG SẢN", "VIỆT NAM",
		"Số: 1147-QĐ/BTGDVTW", "Hà Nội, ngày 01 tháng 12 năm 2025", "QUYẾT ĐỊNH", "BAN HÀNH QUY CHẾ BỒI DƯỠNG",
		"Căn cứ Điều lệ Đảng;",
	};
	run_doc(ctx, party, sizeof party / sizeof *party, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "issuer"), "BAN TUYÊN GIÁO VÀ DÂN VẬN", "the Party's title on two lines is no part of the issuer");

	/* a letterhead flattened with its number on one line */
	static const char *const flatno[] = {
		"CHÍNH PHỦ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc", "NGHỊ ĐỊNH",
		"Quy định về tuyển dụng công chức", "Căn cứ Luật Tổ chức Chính phủ;",
	};
	run_doc(ctx, flatno, sizeof flatno / sizeof *flatno, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "issuer"), "CHÍNH PHỦ", "the name before 'Số:' on the letterhead's line");
	CHECK_STR(F(&r, "number"), "170/2025/NĐ-CP", "'Số:' after the letterhead's name");
	static const char *const prose_no[] = {
		"Căn cứ Luật số 22/2008/QH12;", "Ông Nguyễn Văn An Số: 12/QĐ-UBND", "KẾ HOẠCH", "Triển khai",
	};
	run_doc(ctx, prose_no, sizeof prose_no / sizeof *prose_no, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "number"), "", "'Số:' after words in sentence case is no number line");

	/* a telegram: its sender line gives the issuer and ends the title */
	static const char *const telegram[] = {
		"CÔNG ĐIỆN", "VỀ TẬP TRUNG ƯU TIÊN GIỮ VỮNG ỔN ĐỊNH KINH TẾ VĨ MÔ THỦ TƯỚNG CHÍNH PHỦ điện:",
		"- Bộ trưởng, Thủ trưởng cơ quan ngang Bộ;", "Từ đầu năm 2025 đến nay, Chính phủ đã chỉ đạo.", "Nơi nhận:",
		"- Như trên;", "THỦ TƯỚNG", "Phạm Minh Chính",
	};
	run_doc(ctx, telegram, sizeof telegram / sizeof *telegram, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "issuer"), "THỦ TƯỚNG CHÍNH PHỦ", "a telegram's sender is its issuer");
	CHECK_STR(F(&r, "title"), "VỀ TẬP TRUNG ƯU TIÊN GIỮ VỮNG ỔN ĐỊNH KINH TẾ VĨ MÔ", "the title ends before the sender");
	CHECK_STR(F(&r, "signer_role"), "THỦ TƯỚNG", "THỦ TƯỚNG signs");
	CHECK_STR(F(&r, "signer"), "Phạm Minh Chính", "the Prime Minister's name");
	static const char *const not_sender[] = {
		"CÔNG ĐIỆN", "VỀ PHÒNG CHỐNG BÃO", "XYZ QWE RTY điện:", "Từ đầu năm 2025 đến nay, bão đã gây thiệt hại.",
	};
	run_doc(ctx, not_sender, sizeof not_sender / sizeof *not_sender, SOHOA_SRC_TEXT, -1, &r);
	CHECK_STR(F(&r, "issuer"), "", "capitals before 'điện:' that name no body are no sender");

	/* a title word OCR misread into another syllable, the body saying it right in the same place */
	static const char *const titleword[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 01/CT-UBND", "Quảng Ngãi, ngày 4 tháng 01 năm 2021", "CHỈ THỊ",
		"Về việc triển khai sử dụng hứa đơn điện tử", "Căn cứ Nghị định số 123/2020/NĐ-CP quy định về hóa đơn;",
		"Các tổ chức phải chuyển sang sử dụng hóa đơn điện tử trong giao dịch.",
		"Trên địa bàn tỉnh có 1.846 tổ chức sử dụng hóa đơn điện tử.",
	};
	size_t ntw = sizeof titleword / sizeof *titleword;
	run_doc(ctx, titleword, ntw, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc triển khai sử dụng hóa đơn điện tử", "the body says 'sử dụng hóa đơn' twice");
	run_doc(ctx, titleword, ntw - 1, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc triển khai sử dụng hứa đơn điện tử", "once is not enough");
	run_doc(ctx, titleword, ntw, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "title"), "Về việc triển khai sử dụng hứa đơn điện tử", "a text layer's title is as printed");

	/* a title's province misread: set as the gazetteer writes the document's province */
	static const char *const titleplace[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 01/CT-UBND", "Quảng Ngãi, ngày 4 tháng 01 năm 2021", "CHỈ THỊ",
		"Về việc triển khai sử dụng hóa đơn điện tử", "trên địa bàn tính năng Ngãi", "Căn cứ Nghị định số 123/2020/NĐ-CP;",
	};
	size_t ntp = sizeof titleplace / sizeof *titleplace;
	run_doc(ctx, titleplace, ntp, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc triển khai sử dụng hóa đơn điện tử trên địa bàn tỉnh Quảng Ngãi",
		  "'tính năng Ngãi' under a letterhead of Quảng Ngãi");
	static const char *const titleplace2[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 99/QĐ-UBND", "Quảng Ngãi, ngày 16 tháng 01 năm 2025",
		"QUYẾT ĐỊNH", "Về việc khen thưởng an toàn giao thông tỉnh Quảng Nøãi năm 2024", "Căn cứ Luật;",
	};
	run_doc(ctx, titleplace2, sizeof titleplace2 / sizeof *titleplace2, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "Về việc khen thưởng an toàn giao thông tỉnh Quảng Ngãi năm 2024",
		  "'Nøãi': as near Nam as Ngãi by its letters, nearer Ngãi by its marks");
	static const char *const titleplace3[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 5/CV-UBND", "Quảng Ngãi, ngày 16 tháng 01 năm 2025",
		"V/v hợp tác với tỉnh Quảng Nam, tính năng mới", "Căn cứ Luật;",
	};
	run_doc(ctx, titleplace3, sizeof titleplace3 / sizeof *titleplace3, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "title"), "V/v hợp tác với tỉnh Quảng Nam, tính năng mới",
		  "another province read right and words near no province stay");
	{
		sohoa_buf b = {0};
		char *w[DOCF_MAXW];
		int n = 0, p = docf_province_at_end("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
		CHECK(p >= 0, "the letterhead's province");
		docf_words("tỉnh Quảng Ngãi năm 2024", w, DOCF_MAXW, &n);
		CHECK(docf_province_words(&b, w, n, p) == 0 && !b.len, "read right already: nothing to set");
		free(w[0]);
		docf_words("TĨNH QUẢNG NGAI,", w, DOCF_MAXW, &n);
		CHECK(docf_province_words(&b, w, n, p) == 3, "a title in capitals");
		CHECK_STR(b.data, "TỈNH QUẢNG NGÃI,", "in capitals, its comma kept");
		free(w[0]);
		sohoa_buf_free(&b);
		CHECK(docf_province_at_end("Mường Tè") < 0, "no province");
	}

	/* the letterhead of a Công văn (no type line) names a role's words: no signing block */
	static const char *const lhrole[] = {
		"THỦ TƯỚNG CHÍNH PHỦ", "Số: 464/TTg-CĐS", "Hà Nội, ngày 30 tháng 4 năm 2026",
		"V/v triển khai các Nghị quyết", "Kính gửi: Các bộ, cơ quan ngang bộ.", "Thủ tướng Chính phủ có ý kiến như sau:",
		"Nơi nhận:", "- Như trên;",
	};
	run_doc(ctx, lhrole, sizeof lhrole / sizeof *lhrole, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "signer_role"), "", "the letterhead is no signature block");
	CHECK_STR(F(&r, "issuer"), "THỦ TƯỚNG CHÍNH PHỦ", "it is the issuer");

	/* a web page's header pushes the type line past the first 40 lines: it still ends the
	 * letterhead */
	{
		const char *web[60];
		size_t nweb = 0;
		while (nweb < 42)
			web[nweb++] = "Đang tải văn bản, nội dung được cập nhật hằng ngày.";
		web[nweb++] = "THỦ TƯỚNG CHÍNH PHỦ";
		web[nweb++] = "Số: 227/CĐ-TTg";
		web[nweb++] = "Hà Nội, ngày 23 tháng 11 năm 2025";
		web[nweb++] = "CÔNG ĐIỆN";
		web[nweb++] = "V/V TẬP TRUNG KHẮC PHỤC HẬU QUẢ MƯA LŨ";
		web[nweb++] = "THỦ TƯỚNG CHÍNH PHỦ điện:";
		web[nweb++] = "- Bộ trưởng, Thủ trưởng cơ quan ngang bộ;";
		run_doc(ctx, web, nweb, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "THỦ TƯỚNG CHÍNH PHỦ", "the type line is no part of the letterhead's body");
	}

	/* a given name OCR read one mark from a common one: no signer */
	static const char *const tuan[] = {
		"ỦY BAN NHÂN DÂN", "Số: 23/BC-UBND", "Quảng Ngãi, ngày 23 tháng 01 năm 2025", "BÁO CÁO",
		"Tình hình cải cách hành chính", "Căn cứ kết quả;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Hoàng Tuần",
	};
	run_doc(ctx, tuan, sizeof tuan / sizeof *tuan, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "signer"), "", "OCR's 'Tuần' is no certain name");
	CHECK_STR(F(&r, "signer_role"), "PHÓ CHỦ TỊCH", "the role still counts");
	run_doc(ctx, tuan, sizeof tuan / sizeof *tuan, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer"), "Trần Hoàng Tuần", "a text layer's name is as typed");

	/* a joint signature page: two blocks side by side; the issuer's leads */
	static const char *const joint[] = {
		"ỦY BAN NHÂN DÂN", "XÃ LƯƠNG MINH", "Số: 16/KH-UBND", "Lương Minh, ngày 5 tháng 1 năm 2026",
		"KẾ HOẠCH", "Thực hiện công tác bầu cử", "Căn cứ Luật Bầu cử;", "Nơi nhận:",
		"TM. BAN THƯỜNG TRỰC", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "CHỦ TỊCH", "Lê Văn Tám", "Đỗ Thị Vân",
	};
	static const float jointbox[][4] = {
		{60, 50, 260, 62}, {100, 64, 220, 76}, {90, 90, 210, 102}, {300, 90, 520, 102},
		{270, 130, 340, 142}, {200, 144, 400, 156}, {80, 170, 500, 182}, {80, 400, 140, 412},
		{60, 430, 250, 442}, {330, 430, 500, 442}, {120, 444, 190, 456}, {380, 444, 450, 456},
		{110, 520, 200, 532}, {370, 520, 460, 532},
	};
	run_doc_boxed(ctx, joint, jointbox, sizeof joint / sizeof *joint, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer"), "Đỗ Thị Vân", "joint blocks: the one signing for the issuer leads");
	CHECK_STR(F(&r, "signer_role"), "CHỦ TỊCH", "joint blocks: the issuer's block's role");
	/* the same page of a body the letterhead does not name: the left block leads */
	static const char *const joint2[] = {
		"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 90/KHLT-SGDĐT", "Hà Nội, ngày 3 tháng 10 năm 2025", "KẾ HOẠCH",
		"Tổ chức chương trình hướng nghiệp", "Căn cứ Luật Giáo dục;", "Nơi nhận:",
		"TRƯỜNG ĐẠI HỌC AN GIANG", "TẠP CHÍ GIÁO DỤC", "HIỆU TRƯỞNG", "TỔNG BIÊN TẬP", "LÌ", "Trần Văn Bình",
		"Nguyễn Thành Tú",
	};
	static const float joint2box[][4] = {
		{60, 50, 260, 62}, {90, 90, 210, 102}, {300, 90, 520, 102}, {270, 130, 340, 142},
		{200, 144, 400, 156}, {80, 170, 500, 182}, {80, 400, 140, 412},
		{60, 430, 250, 442}, {340, 430, 490, 442}, {110, 444, 200, 456}, {360, 460, 470, 472}, {150, 490, 156, 500},
		{110, 520, 200, 532}, {370, 520, 460, 532},
	};
	run_doc_boxed(ctx, joint2, joint2box, sizeof joint2 / sizeof *joint2, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer"), "Trần Văn Bình", "joint blocks naming no issuer: the left one leads");
	CHECK_STR(F(&r, "signer_role"), "HIỆU TRƯỞNG", "joint blocks: the left block's role, not the right one's");

	/* a joint page whose left role OCR read as two lines side by side ("GIÁM" and "ĐỐC"): the left
	 * block still leads, its role read across the two */
	static const char *const joint3[] = {
		"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 90/KHLT-SGDĐT", "Hà Nội, ngày 3 tháng 10 năm 2025", "KẾ HOẠCH",
		"Tổ chức chương trình hướng nghiệp", "Căn cứ Luật Giáo dục;", "Nơi nhận:",
		"SỞ GIÁO DỤC VÀ ĐXO TẠO", "GIÁM", "ĐỌC...", "TẠP CHÍ GIÁO DỤC", "TỔNG BIÊN TẬP", "Trần Văn Bình",
		"Nguyễn Thành Tú",
	};
	static const float joint3box[][4] = {
		{60, 50, 260, 62}, {90, 90, 210, 102}, {300, 90, 520, 102}, {270, 130, 340, 142},
		{200, 144, 400, 156}, {80, 170, 500, 182}, {80, 400, 140, 412},
		{60, 430, 250, 442}, {110, 444, 150, 456}, {160, 444, 210, 456}, {340, 430, 490, 442},
		{360, 446, 470, 458}, {110, 520, 200, 532}, {370, 520, 460, 532},
	};
	run_doc_boxed(ctx, joint3, joint3box, sizeof joint3 / sizeof *joint3, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer"), "Trần Văn Bình", "a role split in two: the left block still leads");
	CHECK_STR(F(&r, "signer_role"), "GIÁM ĐỐC", "a role split in two is read across its two lines");

	/* digits read unsure in the blank left apart from the printed code: a handwritten number */
	static const char *const hand[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 2", "/CT-UBND", "Quảng Ngãi, ngày 05 tháng 4 năm 2020",
		"CHỈ THỊ", "Về việc nộp thuế điện tử", "Thực hiện Quyết định;",
	};
	static const float handbox[][4] = {
		{100, 50, 220, 62}, {100, 64, 220, 76}, {100, 90, 130, 102}, {160, 90, 220, 102},
		{300, 90, 520, 102}, {270, 130, 340, 142}, {200, 144, 400, 156}, {80, 170, 500, 182},
	};
	/* v 0: apart, the day written by hand too (read unsure); 1: apart, the day printed; 2: the
	 * digits printed against the code */
	for (int v = 0; v < 3; v++) {
		float b[8][4];
		memcpy(b, handbox, sizeof b);
		if (v == 2)
			b[3][0] = 131, b[3][2] = 191;
		sohoa_doc *hd = boxed_doc(hand, b, 8, SOHOA_SRC_OCR, 95);
		for (size_t i = 0; i < 8; i++) { /* each word's box: its share of the line's */
			sohoa_line *l = &hd->pages[0].lines[i];
			float x = l->x0, w = (l->x1 - l->x0) / (float)strlen(l->text);
			for (size_t k = 0; k < l->nwords; k++) {
				sohoa_word *wd = &l->words[k];
				wd->x0 = x;
				wd->x1 = x + w * (float)strlen(wd->text);
				wd->y0 = l->y0;
				wd->y1 = l->y1;
				x = wd->x1 + w;
			}
		}
		hd->pages[0].lines[2].words[1].confidence = 65;
		if (v == 0)
			hd->pages[0].lines[4].words[3].confidence = 50; /* "05" of the date */
		extract_row(ctx, hd, text_of_lines(hand, 8), &r);
		static const char *const what[] = {
			"unsure digits apart from the code, a handwritten day: no number",
			"unsure digits apart from the code under a printed day stay",
			"the same digits against the code stay",
		};
		CHECK_STR(F(&r, "number"), v == 0 ? "" : "2/CT-UBND", what[v]);
		CHECK_STR(F(&r, "date"), v == 0 ? "" : "2020-04-05", "the date with its day's confidence");
	}

	/* a council's chair who holds another post: the role signed in is the first under the block */
	static const char *const council[] = {
		"SỞ NỘI VỤ TỈNH AN GIANG", "HỘI ĐỒNG THI TUYỂN", "Số: 12/BC-HĐTT", "An Giang, ngày 2 tháng 3 năm 2026",
		"BÁO CÁO", "Kết quả thi tuyển", "Căn cứ Luật Viên chức;", "TM. HỘI ĐỒNG", "CHỦ TỊCH",
		"GIÁM ĐỐC SỞ NỘI VỤ", "Võ Thanh Hà",
	};
	run_doc(ctx, council, sizeof council / sizeof *council, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer_role"), "CHỦ TỊCH", "another post under the role is not the role");
	CHECK_STR(F(&r, "signer"), "Võ Thanh Hà", "the name under both posts signs");
	/* a deputy under TM. and KT. lines: the role line after the prefixes */
	static const char *const deputy[] = {
		"ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 12/BC-UBND", "An Giang, ngày 2 tháng 3 năm 2026",
		"BÁO CÁO", "Kết quả thi tuyển", "Căn cứ Luật Viên chức;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
		"PHÓ CHỦ TỊCH", "Võ Thanh Hà",
	};
	run_doc(ctx, deputy, sizeof deputy / sizeof *deputy, SOHOA_SRC_OCR, 90, &r);
	CHECK_STR(F(&r, "signer_role"), "PHÓ CHỦ TỊCH", "a role after TM. and KT. lines is the role");
	/* a KT. line wrapped over two: the deputy's role under it */
	static const char *const wrapped[] = {
		"VĂN PHÒNG CHÍNH PHỦ", "Số: 12/TB-VPCP", "Hà Nội, ngày 2 tháng 3 năm 2026", "THÔNG BÁO",
		"Kết luận của Phó Thủ tướng", "Văn phòng Chính phủ thông báo.", "KT. BỘ TRƯỞNG,", "CHỦ NHIỆM",
		"PHÓ CHỦ NHIỆM", "Võ Thanh Hà",
	};
	run_doc(ctx, wrapped, sizeof wrapped / sizeof *wrapped, SOHOA_SRC_PDF, -1, &r);
	CHECK_STR(F(&r, "signer_role"), "PHÓ CHỦ NHIỆM", "a KT. title over two lines: the deputy's role");

	/* the signer's name far below the role, the "Nơi nhận" list in the other column between */
	{
		const char *far_name[32];
		float far_box[32][4];
		size_t k = 0;
		static const char *const head[] = {
			"ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 7/CT-UBND", "An Giang, ngày 2 tháng 3 năm 2026",
			"CHỈ THỊ", "Về việc phòng chống bão", "Các sở thực hiện nghiêm./.",
		};
		for (size_t i = 0; i < sizeof head / sizeof *head; i++, k++) {
			far_name[k] = head[i];
			far_box[k][0] = 80, far_box[k][1] = 50 + 14 * (float)i, far_box[k][2] = 500, far_box[k][3] = 62 + 14 * (float)i;
		}
		far_name[k] = "CHỦ TỊCH";
		far_box[k][0] = 400, far_box[k][1] = 300, far_box[k][2] = 480, far_box[k][3] = 312;
		k++;
		far_name[k] = "Nơi nhận:";
		far_box[k][0] = 80, far_box[k][1] = 306, far_box[k][2] = 140, far_box[k][3] = 318;
		k++;
		static const char *const list[] = {
			"- Văn phòng Chính phủ;", "- Thường trực Tỉnh ủy;", "- Các sở, ban ngành;", "- Công an tỉnh;",
			"- Thanh tra tỉnh;", "- Báo An Giang;", "- Đài Phát thanh tỉnh;", "- Kho bạc tỉnh;",
			"- UBND các huyện;", "- Lưu: VT.",
		};
		for (size_t i = 0; i < sizeof list / sizeof *list; i++, k++) {
			far_name[k] = list[i];
			far_box[k][0] = 80, far_box[k][1] = 320 + 12 * (float)i, far_box[k][2] = 250, far_box[k][3] = 331 + 12 * (float)i;
		}
		far_name[k] = "Lê Văn Tám";
		far_box[k][0] = 400, far_box[k][1] = 420, far_box[k][2] = 480, far_box[k][3] = 432;
		k++;
		run_doc_boxed(ctx, far_name, (const float(*)[4])far_box, k, SOHOA_SRC_OCR, 90, &r);
		CHECK_STR(F(&r, "signer"), "Lê Văn Tám", "the recipients' column does not count toward the block's lines");
		CHECK_STR(F(&r, "signer_role"), "CHỦ TỊCH", "the role above the far name");
		/* the role line lost: the name alone on the last line, under the recipients */
		far_name[7] = "- Sở Y tế;";
		far_box[7][0] = 80, far_box[7][2] = 250;
		run_doc_boxed(ctx, far_name, (const float(*)[4])far_box, k, SOHOA_SRC_OCR, 90, &r);
		CHECK_STR(F(&r, "signer"), "Lê Văn Tám", "no block: the name on the last line signs");
		CHECK_STR(F(&r, "signer_role"), "", "no block: no role");
		run_doc_boxed(ctx, far_name, (const float(*)[4])far_box, k, SOHOA_SRC_OCR, 70, &r);
		CHECK_STR(F(&r, "signer"), "", "no block: a last line read unsure is no signer");
		/* the name not last: a line after it (an annex's text) */
		far_name[k] = "Phụ lục kèm theo";
		far_box[k][0] = 80, far_box[k][1] = 440, far_box[k][2] = 250, far_box[k][3] = 452;
		run_doc_boxed(ctx, far_name, (const float(*)[4])far_box, k + 1, SOHOA_SRC_OCR, 90, &r);
		CHECK_STR(F(&r, "signer"), "", "no block: a name that is not the last line is no signer");
	}

	/* no letterhead (a text copied from a web page): the issuer an authority line under the
	 * title names, the date the closing sentence of adoption gives; a cited date, a deadline, a
	 * body acting in the text are none */
	{
		static const char *const plain[] = {
			"Nghị quyết về phát triển thương mại tỉnh hà nam đến năm 2020",
			"Hội đồng nhân dân tỉnh hà nam",
			"Căn cứ Luật tổ chức Hội đồng nhân dân ngày 26 tháng 11 năm 2003;",
			"Điều 1. Bộ Công Thương ban hành văn bản hướng dẫn trước ngày 30 tháng 6 năm 2010.",
			"Nghị quyết này đã được Hội đồng nhân dân tỉnh thông qua ngày 9 tháng 12 năm 2009.",
		};
		run_doc(ctx, plain, sizeof plain / sizeof *plain, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM", "no letterhead: the authority line under the title");
		CHECK_STR(F(&r, "date"), "2009-12-09", "no letterhead: the sentence of adoption dates it");
		static const char *const minister[] = {
			"Thông tư về thử nghiệm giống lúa", "Bộ trưởng bộ nông nghiệp và phát triển nông thôn",
			"Căn cứ Nghị định số 01/2008/NĐ-CP ngày 03/01/2008 của Chính phủ;",
			"Thực hiện Chỉ thị số 5/CT-TTg ngày 2 tháng 3 năm 2009 của Thủ tướng Chính phủ;",
			"Thông tư này có hiệu lực sau 45 ngày kể từ ngày 1 tháng 4 năm 2010.",
		};
		run_doc(ctx, minister, sizeof minister / sizeof *minister, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "no letterhead: the minister's line names the ministry");
		CHECK_STR(F(&r, "date"), "", "no letterhead: a cited date or a date of effect is no issue date");
		static const char *const notice[] = {
			"Thông báo kết luận của Bộ trưởng tại hội nghị",
			"Ngày 3 tháng 2 năm 2010, Bộ trưởng đã chủ trì hội nghị.",
			"Bộ Nội vụ ban hành văn bản hướng dẫn.",
			"Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện.",
		};
		run_doc(ctx, notice, sizeof notice / sizeof *notice, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "VĂN PHÒNG CHÍNH PHỦ", "no letterhead: the body that gives notice");
		CHECK_STR(F(&r, "date"), "", "no letterhead: the meeting's date is no issue date");
		static const char *const acting[] = {
			"Chỉ thị về việc chấn chỉnh công tác văn thư", "Trong thời gian qua Bộ Nội vụ ban hành nhiều văn bản.",
			"Chỉ thị này được phổ biến đến ngày 5 tháng 5 năm 2010.",
		};
		run_doc(ctx, acting, sizeof acting / sizeof *acting, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "", "no letterhead: a body acting in a sentence is no issuer");
		static const char *const rule[] = {
			"NGHỊ ĐỊNH", "Quy định chi tiết về quản lý vật liệu", "Căn cứ Luật Tổ chức Chính phủ;",
		};
		run_doc(ctx, rule, sizeof rule / sizeof *rule, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "", "no letterhead: the title's line is no issuer ('Quy' is not 'QUỸ')");
		static const char *const fixed[] = {
			"Nghị quyết về thử nghiệm", "Hội đồng nhân dan tỉnh hà nam", "Căn cứ Luật Tổ chức chính quyền địa phương;",
		};
		run_doc(ctx, fixed, sizeof fixed / sizeof *fixed, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "issuer"), "", "no letterhead: a name the text misspells is not corrected into one");
		CHECK_STR(F(&r, "date"), "", "no letterhead: a date not of adoption is none");
	}

	/* a title stops at the body's sentence of the day ("Sáng ngày 1 tháng 3 năm 2024, tại …"), on
	 * a line of its own or run into the title's line; a holiday ("Ngày 27/7", no year) is the
	 * title's; a place-and-date line without its comma stops it too, a title's line in capitals
	 * that ends with a date does not */
	{
		static const char *const day_line[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 12/TB-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "THÔNG BÁO",
			"Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc", "với huyện Kim Bảng",
			"Sáng ngày 1 tháng 3 năm 2024, tại trụ sở UBND huyện, Chủ tịch UBND tỉnh chủ trì họp.",
			"Tham dự có các sở, ngành.",
		};
		run_doc(ctx, day_line, sizeof day_line / sizeof *day_line, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kim Bảng",
			  "title: stops at a line that tells the meeting's day");
		static const char *const day_run[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 12/TB-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "THÔNG BÁO",
			("Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kim Bảng Ngày 1/3/2024, tại trụ sở "
			 "UBND huyện, Chủ tịch UBND tỉnh chủ trì họp."),
		};
		run_doc(ctx, day_run, sizeof day_run / sizeof *day_run, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với huyện Kim Bảng",
			  "title: cut where the day's sentence was run into its line");
		static const char *const holiday[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 30/KH-UBND", "Hà Nam, ngày 05 tháng 7 năm 2024", "KẾ HOẠCH",
			"Tổ chức các hoạt động kỷ niệm Ngày 27/7 năm 2024", "Căn cứ Luật Thi đua;",
		};
		run_doc(ctx, holiday, sizeof holiday / sizeof *holiday, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "Tổ chức các hoạt động kỷ niệm Ngày 27/7 năm 2024",
			  "title: a holiday's day (no whole date, no comma) is no sentence of the day");
		static const char *const place_date[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 31/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số năm 2024",
			"Thành phố Phủ Lý ngày 05 tháng 3 năm 2024", "Các sở thực hiện",
		};
		run_doc(ctx, place_date, sizeof place_date / sizeof *place_date, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "Chuyển đổi số năm 2024", "title: stops at a place-and-date line without its comma");
		static const char *const caps_date[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 32/KH-UBND", "KẾ HOẠCH", "TỔ CHỨC HỘI NGHỊ",
			"NGÀY 05 THÁNG 3 NĂM 2024", "Căn cứ Luật Thi đua;",
		};
		run_doc(ctx, caps_date, sizeof caps_date / sizeof *caps_date, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "TỔ CHỨC HỘI NGHỊ NGÀY 05 THÁNG 3 NĂM 2024",
			  "title: a line in capitals that ends with a date is the title's");
		static const char *const paren_on[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 22/TTr-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "TỜ TRÌNH",
			"Về việc giao dự toán năm 2025 cho Sở Dân tộc", "(sau khi HĐND tỉnh đổi tên cơ quan)",
			"(Dự thảo)", "Kính gửi: Hội đồng nhân dân tỉnh.",
		};
		run_doc(ctx, paren_on, sizeof paren_on / sizeof *paren_on, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "title"), "Về việc giao dự toán năm 2025 cho Sở Dân tộc (sau khi HĐND tỉnh đổi tên cơ quan)",
			  "title: goes on with a parenthesis in lowercase, stops at one that opens with a capital");
	}

	/* the signature block: the document's, not a draft's sent with it; a role line under the
	 * block's line, the "Nơi nhận" list read in between, is the other post its holder signs with;
	 * the "(Đã ký)" mark is no role and no name */
	{
		static const char *const draft[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"Số: 09/TTr-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "TỜ TRÌNH", "Về việc ban hành nghị quyết về phí",
			"Kính gửi: Hội đồng nhân dân tỉnh.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
			"Trần Văn Bình", "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Số: /2024/NQ-HĐND", "NGHỊ QUYẾT", "Quy định mức thu phí", "Điều 1. Phạm vi điều chỉnh.", "CHỦ TỊCH",
			"Nguyễn Thị Lan",
		};
		run_doc(ctx, draft, sizeof draft / sizeof *draft, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "signer"), "Trần Văn Bình", "signature: the document's block, not the draft's under it");
		CHECK_STR(F(&r, "signer_role"), "PHÓ CHỦ TỊCH", "signature: the deputy's role of the document's block");
		static const char *const posts[] = {
			"BAN CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI TỈNH HÀ NAM", "Số: 04/QĐ-BCĐ", "Hà Nam, ngày 05 tháng 3 năm 2024",
			"QUYẾT ĐỊNH", "Về việc kiện toàn tổ giúp việc", "Căn cứ Luật Phòng chống thiên tai;",
			"Điều 1. Kiện toàn tổ giúp việc.", "Nơi nhận:", "TRƯỞNG BAN", "- Như Điều 1;", "CHỦ TỊCH UBND TỈNH",
			"- Lưu: VT.", "Lê Văn Hùng",
		};
		run_doc(ctx, posts, sizeof posts / sizeof *posts, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "signer_role"), "TRƯỞNG BAN", "signature: the role signed in, not the other post under it");
		CHECK_STR(F(&r, "signer"), "Lê Văn Hùng", "signature: the holder of both posts signs");
		static const char *const signed_mark[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 21/KH-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "KẾ HOẠCH",
			"Chuyển đổi số năm 2024", "Căn cứ Quyết định số 12/QĐ-UBND;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
			"(ĐÃ KÝ)", "Phạm Quốc Huy",
		};
		run_doc(ctx, signed_mark, sizeof signed_mark / sizeof *signed_mark, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "signer_role"), "CHỦ TỊCH", "signature: '(ĐÃ KÝ)' under the role is no role");
		CHECK_STR(F(&r, "signer"), "Phạm Quốc Huy", "signature: the name under '(ĐÃ KÝ)'");
		static const char *const signed_name[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 22/KH-UBND", "Hà Nam, ngày 05 tháng 3 năm 2024", "KẾ HOẠCH",
			"Chuyển đổi số năm 2024", "Căn cứ Quyết định số 12/QĐ-UBND;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
			"Đã ký: Phạm Quốc Huy",
		};
		run_doc(ctx, signed_name, sizeof signed_name / sizeof *signed_name, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "signer"), "Phạm Quốc Huy", "signature: the name after 'Đã ký:'");
	}

	/* joint documents: their own types, by the type line or by the number's code ("TTLT" read
	 * with a '.' for its '-') */
	{
		static const char *const ttlt[] = {
			"BỘ TÀI CHÍNH", "Số: 03/2019/TTLT-BTC-BNV", "Hà Nội, ngày 05 tháng 3 năm 2019", "THÔNG TƯ LIÊN TỊCH",
			"Hướng dẫn quản lý kinh phí bồi dưỡng cán bộ", "Căn cứ Luật Ngân sách nhà nước;",
		};
		run_doc(ctx, ttlt, sizeof ttlt / sizeof *ttlt, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "type"), "Thông tư liên tịch", "joint circular: its type line");
		CHECK_STR(F(&r, "title"), "Hướng dẫn quản lý kinh phí bồi dưỡng cán bộ", "joint circular: the title under it");
		static const char *const nqlt[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 07/NQLT-UBND-MTTQ", "Hà Nam, ngày 05 tháng 3 năm 2023",
			"NGHỊ QUYẾT LIÊN TỊCH", "Về phối hợp vận động nhân dân xây dựng nông thôn mới",
			"Căn cứ Luật Mặt trận Tổ quốc Việt Nam;",
		};
		run_doc(ctx, nqlt, sizeof nqlt / sizeof *nqlt, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "type"), "Nghị quyết liên tịch", "joint resolution: its type line");
		CHECK_STR(F(&r, "title"), "Về phối hợp vận động nhân dân xây dựng nông thôn mới", "joint resolution: title");
		static const char *const by_code[] = {
			"BỘ TÀI CHÍNH", "Số: 03/2019/TTLT.BTC-BNV", "Hà Nội, ngày 05 tháng 3 năm 2019",
			"Căn cứ Luật Ngân sách nhà nước;",
		};
		run_doc(ctx, by_code, sizeof by_code / sizeof *by_code, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "number"), "03/2019/TTLT-BTC-BNV", "joint circular: the '.' after the type's code is its '-'");
		CHECK_STR(F(&r, "type"), "Thông tư liên tịch", "joint circular: the type by the number's code");
		static const char *const nqlt_code[] = {
			"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Số: 08/NQLT-UBND-MTTQ", "Hà Nam, ngày 05 tháng 3 năm 2023",
			"Căn cứ Luật Mặt trận Tổ quốc Việt Nam;",
		};
		run_doc(ctx, nqlt_code, sizeof nqlt_code / sizeof *nqlt_code, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "type"), "Nghị quyết liên tịch", "joint resolution: the type by the number's code");
		static const char *const dotted[] = {
			"TRƯỜNG THPT PHAN BỘI CHÂU", "Số: 15/THPT.PB", "Hà Nam, ngày 05 tháng 3 năm 2023",
			"V/v tổ chức thi", "Kính gửi: các tổ.",
		};
		run_doc(ctx, dotted, sizeof dotted / sizeof *dotted, SOHOA_SRC_TEXT, -1, &r);
		CHECK_STR(F(&r, "number"), "15/THPT.PB", "a code whose first part is no type keeps its '.'");
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

/* Unit tests for the normalize stage: Unicode cleanup and NFC edge cases, legacy encodings through
 * the driver (8-bit files, font names, Latin-1 disguised text), header/footer removal on a
 * multi-page document built here, hyphen rejoining, and reflow on the seed documents (headings
 * and list items must keep their own lines). */
#include "../../normalize/normalize.h"
#include "../../normalize/encoding.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>

static sohoa_ctx *ctx;

/* Normalize text (as a text file would arrive) and return the output text, lines joined by '\n'. */
static char *norm(const char *data, size_t n, sohoa_text **keep)
{
	sohoa_doc *doc = NULL;
	sohoa_text *t = NULL;
	sohoa_buf out = {0};
	if (sohoa_doc_from_text(ctx, "t", data, n, &doc) != SOHOA_OK || sohoa_normalize_doc(ctx, doc, &t) != SOHOA_OK) {
		printf("# error: %s\n", sohoa_errmsg(ctx));
		sohoa_doc_free(doc);
		return sohoa_strdup("(error)");
	}
	for (size_t i = 0; i < t->nlines; i++) {
		sohoa_buf_puts(&out, t->lines[i].text);
		if (i + 1 < t->nlines)
			sohoa_buf_puts(&out, "\n");
	}
	if (keep)
		*keep = t;
	else
		sohoa_text_free(t);
	sohoa_doc_free(doc);
	return out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
}

static void expect(const char *in, const char *want, const char *name)
{
	char *got = norm(in, strlen(in), NULL);
	CHECK_STR(got, want, name);
	free(got);
}

static void unicode_cases(void)
{
	expect("Vie\xcc\x82\xcc\xa3t Nam", "Việt Nam", "NFC composes base + circumflex + dot");
	expect("Vi\xe1\xba\xb9\xcc\x82t", "Việt", "NFC: ẹ + combining circumflex is ệ");
	expect("hoa \xcc\x80n", "hoàn", "a mark split from its letter by a space rejoins");
	expect("ĐIỆ\xcc\xa3N LỰC", "ĐIỆN LỰC", "a second tone stacked on a letter is dropped");
	expect("đie\xcc\x82\xcc\xa3\xcc\xa3n", "điện", "a mark NFC cannot compose goes");
	expect("\xc3\x90\xe1\xbb\x99" "c l\xe1\xba\xadp, \xc3\xb0i", "Độc lập, đi", "Ð (eth) and ð become Đ đ");
	expect("Hà\xc2\xa0Nội\xe2\x80\x8b, ng\xc2\xad" "ày", "Hà Nội, ngày", "NBSP, zero-width space, soft hyphen");
	expect("\xef\xac\x81le \xef\xac\x82ow", "file flow", "ligatures");
	expect("V\xd1\x96\xe1\xbb\x87t v\xd0\xb0 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
	       "Việt va Москва", "Cyrillic look-alikes inside Latin words only");
	expect("\xef\xbb\xbfq\xe2\x80\x91" "a\x01" "b", "q-ab", "BOM, non-breaking hyphen, control characters");
	expect("V\xce\xbf \xce\xbb\xcf\x8c\xce\xb3\xce\xbf\xcf\x82", "Vo λόγος", "Greek omicron inside a Latin word; Greek words stay");
	expect("Pure ASCII line", "Pure ASCII line", "ASCII passes through");
	expect("\xe1\xbb\xa6y ban", "Ủy ban", "NFC text passes through");
	expect("Kelvin \xe2\x84\xaa", "Kelvin K", "NFC singleton (Kelvin sign)");
}

static void encoding_cases(void)
{
	/* A text file in TCVN3 arrives as 8-bit bytes. */
	const char *tcvn3 = "C\xe9ng h\xdf" "a x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam\n"
			    "\xa7\xe9" "c l\xcbp - T\xf9 do - H\xb9nh ph\xf3" "c\n";
	char *got = norm(tcvn3, strlen(tcvn3), NULL);
	CHECK_STR(got, "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", "8-bit TCVN3 file");
	free(got);
	const char *vni = "Co\xe4ng ho\xf8" "a xa\xf5 ho\xe4i chu\xfb ngh\xf3" "a Vie\xe4t Nam\n";
	got = norm(vni, strlen(vni), NULL);
	CHECK_STR(got, "Cộng hòa xã hội chủ nghĩa Việt Nam", "8-bit VNI file");
	free(got);
	const char *cp1258 = "C\xf4\xf2ng ho\xcc" "a xa\xde" " h\xf4\xf2i chu\xd2 nghi\xde" "a Vi\xea\xf2t Nam\n";
	got = norm(cp1258, strlen(cp1258), NULL);
	CHECK_STR(got, "Cộng hòa xã hội chủ nghĩa Việt Nam", "8-bit Windows-1258 file (ICU, then NFC)");
	free(got);

	/* TCVN3 read through a Latin-1 font and saved as UTF-8, no font name: statistics find it. */
	sohoa_buf u = {0};
	sohoa_enc_decode(SOHOA_ENC_CP1252, (const unsigned char *)tcvn3, strlen(tcvn3), &u);
	got = norm(u.data, u.len, NULL);
	CHECK_STR(got, "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", "TCVN3 disguised as Latin-1 UTF-8");
	free(got);
	sohoa_buf_free(&u);

	/* A PDF page whose font names say .VnTime / .VnTimeH: converted by font. */
	sohoa_doc doc = {0};
	sohoa_page page = {0};
	sohoa_line lines[2] = {{0}};
	sohoa_buf a = {0}, b = {0};
	sohoa_enc_decode(SOHOA_ENC_CP1252, (const unsigned char *)"c\xe9ng h\xdf" "a", 8, &a);
	sohoa_enc_decode(SOHOA_ENC_CP1252, (const unsigned char *)"vi\xd6" "c l\xb5m", 8, &b);
	lines[0] = (sohoa_line){.page = 1, .line = 1, .text = a.data, .font = (char *)"ABCDEF+.VnTimeH", .confidence = -1};
	lines[1] = (sohoa_line){.page = 1, .line = 2, .text = b.data, .font = (char *)".VnTime", .confidence = -1};
	page = (sohoa_page){.number = 1, .source = SOHOA_SRC_PDF, .lines = lines, .nlines = 2};
	doc = (sohoa_doc){.name = (char *)"pdf", .pages = &page, .npages = 1};
	sohoa_text *t = NULL;
	CHECK(sohoa_normalize_doc(ctx, &doc, &t) == SOHOA_OK && t && t->nlines == 2, "font-named page normalizes");
	if (t && t->nlines == 2) {
		CHECK_STR(t->lines[0].text, "CỘNG HÒA", ".VnTimeH line comes out in capitals");
		CHECK_STR(t->lines[1].text, "việc làm", ".VnTime line converted");
	}
	sohoa_text_free(t);
	sohoa_buf_free(&a);
	sohoa_buf_free(&b);

	/* Text that is neither: Latin-1 French stays as it is. */
	expect("Le café est très bon, garçon.", "Le café est très bon, garçon.", "Western Latin-1 text is left alone");
}

/* Four pages with a running header, a page-number footer and a paragraph across a page break. */
static void furniture_cases(void)
{
	sohoa_buf in = {0};
	for (int p = 1; p <= 4; p++) {
		/* The header as OCR reads it: punctuation and spacing vary from page to page. */
		sohoa_buf_printf(&in, "SỞ Y TẾ TỈNH LAI CHÂU%sKẾ HOẠCH CẢI CÁCH HÀNH CHÍNH %d%s\n", p % 2 ? " - " : " . ",
				 2021, p == 3 ? "." : "");
		sohoa_buf_printf(&in, "%d. Nội dung số %d của kế hoạch\n", p, p);
		sohoa_buf_printf(&in, "Tăng cường công tác chỉ đạo điều hành và kiểm tra việc thực hiện của các đơn\n");
		sohoa_buf_printf(&in, "vị trực thuộc trong năm, báo cáo kết quả định kỳ theo quy định của tỉnh và\n");
		static const char *const words[] = {"", "một", "hai", "ba", "bốn"};
		sohoa_buf_printf(&in, "của ngành trong quý %s.\n", words[p]);
		sohoa_buf_printf(&in, "- %d -\n", p);
		if (p < 4)
			sohoa_buf_puts(&in, "\f");
	}
	sohoa_text *t = NULL;
	char *got = norm(in.data, in.len, &t);
	CHECK(!strstr(got, "SỞ Y TẾ TỈNH LAI CHÂU"), "running header removed");
	CHECK(!strstr(got, "- 3 -") && !strstr(got, "- 1 -"), "page number footers removed");
	CHECK(strstr(got, "3. Nội dung số 3 của kế hoạch\nTăng cường") != NULL, "numbered heading keeps its line");
	CHECK(strstr(got, "các đơn vị trực thuộc trong năm, báo cáo kết quả định kỳ theo quy định của tỉnh và của ngành trong quý hai.") != NULL,
	      "paragraph lines joined");
	int ok = t && t->nlines == 8;
	if (ok)
		for (size_t i = 0; i < t->nlines; i++)
			ok &= t->lines[i].page == (int)i / 2 + 1 && t->lines[i].line == (i % 2 ? 3 : 2) &&
			      t->lines[i].page_end == t->lines[i].page && t->lines[i].line_end == (i % 2 ? 5 : 2);
	CHECK(ok, "every output line maps to its source page and lines");
	sohoa_text_free(t);
	free(got);
	sohoa_buf_free(&in);

	/* A letterhead an annex repeats (pages 1 and 3 of 3): kept on the first page only. */
	const char *annex = "SỞ Y TẾ TỈNH LAI CHÂU\nCông văn gửi các đơn vị trong tỉnh về việc tiêm chủng.\n"
			    "\fCác đơn vị báo cáo kết quả trước ngày 15 hằng tháng cho sở.\nNơi nhận\n"
			    "\fSỞ Y TẾ TỈNH LAI CHÂU\nPHỤ LỤC\n";
	got = norm(annex, strlen(annex), NULL);
	const char *first = strstr(got, "SỞ Y TẾ TỈNH LAI CHÂU");
	CHECK(first == got, "a letterhead some page lacks stays on the first page");
	CHECK(first && !strstr(first + 1, "SỞ Y TẾ TỈNH LAI CHÂU"), "the annex's repeat of it is still left out");
	free(got);

	/* Body lines that differ only in their numbers are not running headers. */
	const char *cites = "ỦY BAN NHÂN DÂN TỈNH SỐ 2\n"
			    "Căn cứ Quyết định số 102/QĐ-UBND ngày 03/4/2024 của UBND tỉnh Lai Châu;\n"
			    "\fTrang hai: Nghị định số 2/2020/NĐ-CP ngày 12/3/2020 của Chính phủ.\n"
			    "Căn cứ Quyết định số 7/QĐ-UBND ngày 01/01/2024 của UBND tỉnh Lai Châu;\n";
	got = norm(cites, strlen(cites), NULL);
	CHECK(strstr(got, "102/QĐ-UBND") && strstr(got, "7/QĐ-UBND"), "citations differing in numbers are kept");
	free(got);

	/* A sentence that runs across a page break: each part stays on its page, and the text has
	 * its form feed between them. */
	const char *two = "Một câu dài được viết ra để chạy qua hết dòng này và sang tận trang sau của văn\n"
			  "\fbản, rồi kết thúc ở đây.\n";
	got = norm(two, strlen(two), &t);
	CHECK(t && t->nlines == 2 && t->lines[0].page == 1 && t->lines[0].page_end == 1 && t->lines[1].page == 2 &&
	      t->lines[1].page_end == 2 && t->lines[1].line == 1,
	      "paragraph across pages: one line on each page");
	sohoa_buf w = {0};
	CHECK(t && sohoa_text_write(ctx, t, &w) == SOHOA_OK && w.data && strstr(w.data, "của văn\n\fbản, rồi"),
	      "paragraph across pages: the text has its form feed there");
	sohoa_buf_free(&w);
	sohoa_text_free(t);
	free(got);
}

static void hyphen_cases(void)
{
	expect("Công tác quản lý nhà nước về y tế và phát triển công nghi-\nệp dược trong tỉnh năm nay.",
	       "Công tác quản lý nhà nước về y tế và phát triển công nghiệp dược trong tỉnh năm nay.",
	       "hyphen across a line break rejoins a syllable");
	expect("Triển khai thực hiện cải cách hành chính tại cơ quan và các đơn vị trong toàn ngà\xc2\xad\nnh y tế của tỉnh.",
	       "Triển khai thực hiện cải cách hành chính tại cơ quan và các đơn vị trong toàn ngành y tế của tỉnh.",
	       "soft hyphen at a line end joins the halves");
	expect("Xây dựng cơ sở y tế theo tiêu chí xanh, sạch, đẹp và an toàn cho người bệnh Xanh-\nsạch ở mọi nơi.",
	       "Xây dựng cơ sở y tế theo tiêu chí xanh, sạch, đẹp và an toàn cho người bệnh Xanh-sạch ở mọi nơi.",
	       "hyphen kept when the joined word is not a syllable");
}

/* A PDF-like page with boxes: a right-column letterhead, justified paragraphs with an indented first
 * line, a short last line, and a block after a vertical gap. */
static void geometry_cases(void)
{
	static const struct { float x0, y0, x1, y1; const char *text; } rows[] = {
		{277, 57, 528, 70, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{323, 71, 482, 86, "Độc lập - Tự do - Hạnh phúc"},
		{313, 96, 492, 110, "Lai Châu, ngày 12 tháng 5 năm 2025"},
		{113, 130, 538, 145, "Căn cứ Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu phê duyệt"},
		{85, 146, 538, 161, "và công bố Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành tỉnh; Sở Y tế"},
		{85, 163, 538, 178, "xây dựng Kế hoạch cải thiện và nâng cao chỉ số cải cách hành chính năm 2025 như sau."},
		{113, 179, 538, 194, "Thực hiện Kế hoạch số 2039/KH-UBND ngày 12/5/2025 của UBND tỉnh về cải thiện và"},
		{85, 196, 538, 211, "nâng cao Chỉ số cải cách hành chính, Sở Y tế ban hành kế hoạch triển khai thực hiện"},
		{85, 212, 538, 227, "Kế hoạch số 2039/KH-UBND trong toàn ngành y tế của tỉnh năm 2025 với các nội dung"},
		{85, 290, 538, 305, "Nơi nhận bản kế hoạch này gồm các phòng chức năng và đơn vị thuộc Sở Y tế tỉnh Lai"},
		{85, 306, 300, 321, "Châu."},
	};
	enum { N = sizeof rows / sizeof rows[0] };
	sohoa_line lines[N];
	memset(lines, 0, sizeof lines);
	for (int i = 0; i < N; i++)
		lines[i] = (sohoa_line){.page = 1, .line = i + 1, .x0 = rows[i].x0, .y0 = rows[i].y0, .x1 = rows[i].x1,
					.y1 = rows[i].y1, .source = SOHOA_SRC_PDF, .confidence = -1, .text = (char *)rows[i].text};
	sohoa_page page = {.number = 1, .width = 595, .height = 842, .source = SOHOA_SRC_PDF, .lines = lines, .nlines = N};
	sohoa_doc doc = {.name = (char *)"geom", .pages = &page, .npages = 1};
	sohoa_text *t = NULL;
	if (sohoa_normalize_doc(ctx, &doc, &t) != SOHOA_OK) {
		CHECK(0, "geometry page normalizes");
		return;
	}
	static const int first[] = {1, 2, 3, 4, 7, 10}, last[] = {1, 2, 3, 6, 9, 11};
	char label[160];
	snprintf(label, sizeof label, "boxes: letterhead lines apart, paragraphs by indent and gap (%zu lines)", t->nlines);
	int ok = t->nlines == 6;
	for (size_t i = 0; ok && i < 6; i++)
		ok = t->lines[i].line == first[i] && t->lines[i].line_end == last[i];
	CHECK(ok, label);
	if (!ok)
		for (size_t i = 0; i < t->nlines; i++)
			printf("#   %d-%d %s\n", t->lines[i].line, t->lines[i].line_end, t->lines[i].text);
	sohoa_text_free(t);
}

/* Every seed line that starts with a heading or list mark must start an output line. */
static void seed_case(const char *path)
{
	char *data = NULL;
	size_t len = 0;
	char label[1024];
	if (sohoa_file_read(ctx, path, &data, &len) != SOHOA_OK) {
		snprintf(label, sizeof label, "seed %s readable", path);
		CHECK(0, label);
		return;
	}
	sohoa_doc *doc = NULL;
	sohoa_text *t = NULL;
	sohoa_doc_from_text(ctx, path, data, len, &doc);
	if (!doc || sohoa_normalize_doc(ctx, doc, &t) != SOHOA_OK) {
		snprintf(label, sizeof label, "seed %s normalizes", path);
		CHECK(0, label);
		sohoa_doc_free(doc);
		free(data);
		return;
	}
	int marks = 0, kept = 0, nonblank = 0;
	const sohoa_page *pg = &doc->pages[0];
	for (size_t i = 0; i < pg->nlines; i++) {
		const char *s = pg->lines[i].text;
		while (*s == ' ')
			s++;
		if (*s)
			nonblank++;
		int mark = !strncmp(s, "- ", 2) || !strncmp(s, "+ ", 2) || !strncmp(s, "I. ", 3) || !strncmp(s, "II. ", 4) ||
			   !strncmp(s, "III. ", 5) || !strncmp(s, "IV. ", 4) ||
			   (s[0] >= '1' && s[0] <= '9' && (s[1] == '.' || (s[1] >= '0' && s[1] <= '9' && s[2] == '.')) &&
			    s[strcspn(s, " ") - 1] == '.') ||
			   (s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ');
		if (!mark)
			continue;
		marks++;
		int found = 0;
		for (size_t j = 0; j < t->nlines && !found; j++)
			found = t->lines[j].page == pg->lines[i].page && t->lines[j].line == pg->lines[i].line;
		if (!found)
			printf("# %s line %d lost its own line: %.60s\n", path, pg->lines[i].line, s);
		kept += found;
	}
	snprintf(label, sizeof label, "%s: %d of %d heading/list lines start an output line", path, kept, marks);
	CHECK(marks > 5 && kept == marks, label);
	snprintf(label, sizeof label, "%s: reflow joined lines (%zu paragraphs from %d lines)", path, t->nlines, nonblank);
	CHECK(t->nlines * 10 < (size_t)nonblank * 7, label);
	sohoa_text_free(t);
	sohoa_doc_free(doc);
	free(data);
}

int main(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	opt.restore = SOHOA_RESTORE_OFF;
	ctx = sohoa_ctx_new(&opt);
	unicode_cases();
	encoding_cases();
	furniture_cases();
	hyphen_cases();
	geometry_cases();
	const char *seeds = getenv("SOHOA_SEEDS") ? getenv("SOHOA_SEEDS") : "tests/fixtures/seeds";
	static const char *const names[] = {"000_ac338c270c618966.txt", "001_7d83b6641bb4e2b0.txt",
					    "002_e2b6afa7f8475de5.txt", "003_cb8fb6ae9e24c1df.txt",
					    "004_40c9436ed25258f3.txt"};
	for (size_t i = 0; i < 5; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", seeds, names[i]);
		seed_case(path);
	}
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

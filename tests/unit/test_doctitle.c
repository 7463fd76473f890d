/* Unit tests of documents.csv's type and title (extract/documents-title.c) on made-up texts: a
 * type written in running text when there is no letterhead ("Chỉ thị về việc …", "THÔNG BÁO Kết
 * luận …", a type run into its title), the sentences and citations that only start with a type
 * word, markdown's marks around a type line, a title line that ends with a linking word, and a
 * title word OCR marked wrong that the body says right. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"

#include <stdlib.h>
#include <string.h>

/* A document of lines on page 1 read from source (OCR words of confidence 90) and its text. */
static sohoa_doc *make_doc(const char *const *lines, size_t n, sohoa_source source)
{
	sohoa_doc *d = calloc(1, sizeof *d);
	d->name = sohoa_strdup("t");
	d->path = sohoa_strdup("-");
	d->page_count = d->npages = 1;
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
		l->confidence = source == SOHOA_SRC_OCR ? 90 : -1;
		l->text = sohoa_strdup(lines[i]);
	}
	d->ocr_pages = source == SOHOA_SRC_OCR;
	return d;
}

/* The type and title documents.csv reads in lines: checked against want_type and want_title
 * (NULL: empty), named by what. */
static void check_doc(sohoa_ctx *ctx, const char *const *lines, size_t n, sohoa_source source,
		      const char *want_type, const char *want_title, const char *what)
{
	sohoa_doc *d = make_doc(lines, n, source);
	sohoa_text *t = text_of_lines(lines, n);
	sohoa_doc_fields f;
	char name[256];
	CHECK(sohoa_doc_fields_read(ctx, d, t, &f) == SOHOA_OK, what);
	snprintf(name, sizeof name, "%s: type", what);
	if (want_type)
		CHECK_STR(f.type, want_type, name);
	else
		CHECK(!f.type, name);
	snprintf(name, sizeof name, "%s: title", what);
	if (want_title)
		CHECK_STR(f.title, want_title, name);
	else
		CHECK(!f.title, name);
	sohoa_doc_fields_free(&f);
	sohoa_text_free(t);
	sohoa_doc_free(d);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

int main(void)
{
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);

	/* no letterhead: the type opens the first line, the title after it */
	const char *directive[] = {"Chỉ thị về việc tăng cường quản lý chợ đầu mối năm 2031",
				   "Thời gian qua, công tác quản lý chợ trên địa bàn đã có chuyển biến.",
				   "Để khắc phục tồn tại, Chủ tịch yêu cầu các sở thực hiện tốt các nội dung sau:"};
	check_doc(ctx, directive, N(directive), SOHOA_SRC_TEXT, "Chỉ thị",
		  "Về việc tăng cường quản lý chợ đầu mối năm 2031", "a directive's first line");

	/* the type in capitals, its title in sentence case on the same line */
	const char *notice[] = {"THÔNG BÁO Kết luận của Giám đốc Sở tại buổi làm việc với huyện Đông Sơn",
				"Ngày 12 tháng 3, Giám đốc Sở đã làm việc với huyện.", "Sau khi nghe báo cáo, Giám đốc kết luận:"};
	check_doc(ctx, notice, N(notice), SOHOA_SRC_TEXT, "Thông báo",
		  "Kết luận của Giám đốc Sở tại buổi làm việc với huyện Đông Sơn", "a notice's type and title on one line");

	/* a title wrapped onto a line that goes on in lowercase; the body's sentence is not taken */
	const char *report[] = {"Báo cáo tình hình thực hiện nhiệm vụ quý III", "và phương hướng quý IV năm 2031",
				"Trong quý, Sở đã hoàn thành các nhiệm vụ được giao."};
	check_doc(ctx, report, N(report), SOHOA_SRC_TEXT, "Báo cáo",
		  "Tình hình thực hiện nhiệm vụ quý III và phương hướng quý IV năm 2031", "a report's wrapped title");

	/* the body's first sentence under a title in sentence case: not the title's */
	const char *opener[] = {"KẾ HOẠCH", "Tình hình thực hiện các chỉ tiêu phát triển nông thôn mới",
				"của huyện trong năm 2031",
				"Thực hiện Thông báo số 12/TB-UBND ngày 03/3/2031 về kết luận của Chủ tịch",
				"Ủy ban nhân dân tỉnh, Sở báo cáo như sau:"};
	check_doc(ctx, opener, N(opener), SOHOA_SRC_TEXT, "Kế hoạch",
		  "Tình hình thực hiện các chỉ tiêu phát triển nông thôn mới của huyện trong năm 2031",
		  "'Thực hiện …' under a title starts the body");
	/* a body of a place in sentence case under the title, or run into the title's line */
	const char *place[] = {"NGHỊ QUYẾT", "Về phát triển cây chè trên địa bàn tỉnh đến năm 2031",
			       "Hội đồng nhân dân tỉnh Yên Bái", "Khoá XV, kỳ họp thứ 9",
			       "Căn cứ Luật Tổ chức chính quyền địa phương;"};
	check_doc(ctx, place, N(place), SOHOA_SRC_TEXT, "Nghị quyết",
		  "Về phát triển cây chè trên địa bàn tỉnh đến năm 2031", "the body of a place under the title");
	const char *runon[] = {"Nghị quyết về phát triển cây chè trên địa bàn tỉnh đến năm 2031 Hội đồng nhân dân tỉnh Yên Bái",
			       "Khoá XV, kỳ họp thứ 9", "Căn cứ Luật Tổ chức chính quyền địa phương;"};
	check_doc(ctx, runon, N(runon), SOHOA_SRC_TEXT, "Nghị quyết",
		  "Về phát triển cây chè trên địa bàn tỉnh đến năm 2031", "the body of a place run into the title");
	const char *listed[] = {"Quyết định về quy chế phối hợp giữa các sở, Ủy ban nhân dân huyện và thành phố",
				"Căn cứ Luật Tổ chức chính quyền địa phương;"};
	check_doc(ctx, listed, N(listed), SOHOA_SRC_TEXT, "Quyết định",
		  "Về quy chế phối hợp giữa các sở, Ủy ban nhân dân huyện và thành phố",
		  "a body of a place listed in the title stays");

	/* the type in capitals run into its title */
	const char *glued[] = {"NGHỊ ĐỊNHQuy định mức phí thẩm định hồ sơ cấp phép bay",
			       "Căn cứ Luật Hàng không dân dụng;", "Chính phủ ban hành Nghị định này."};
	check_doc(ctx, glued, N(glued), SOHOA_SRC_TEXT, "Nghị định", "Quy định mức phí thẩm định hồ sơ cấp phép bay",
		  "a type run into its title");

	/* sentences and citations that start with a type word are no type line */
	const char *effect[] = {"Quyết định này có hiệu lực kể từ ngày ký", "Các đơn vị chịu trách nhiệm thi hành."};
	check_doc(ctx, effect, N(effect), SOHOA_SRC_TEXT, NULL, NULL, "'Quyết định này …'");
	const char *cited[] = {"Chỉ thị số 08/CT-UBND về việc phòng chống cháy rừng mùa khô",
			       "Ủy ban yêu cầu các xã triển khai ngay."};
	check_doc(ctx, cited, N(cited), SOHOA_SRC_TEXT, NULL, NULL, "a cited directive");
	const char *question[] = {"Nghị quyết về phát triển du lịch cộng đồng còn hiệu lực không?",
				  "Bài viết trả lời câu hỏi của bạn đọc."};
	check_doc(ctx, question, N(question), SOHOA_SRC_TEXT, NULL, NULL, "a question");
	const char *sentences[] = {"Nghị quyết về sáp nhập các xã có hiệu lực từ hôm nay. Theo đó, tỉnh còn 40 xã.",
				   "Người dân cần lưu ý thủ tục mới."};
	check_doc(ctx, sentences, N(sentences), SOHOA_SRC_TEXT, NULL, NULL, "two sentences");
	const char *carry_out[] = {"Thực hiện Chỉ thị số 12/CT-UBND ngày 3/2/2031 của Ủy ban nhân dân tỉnh,",
				   "Sở hướng dẫn các đơn vị như sau:"};
	check_doc(ctx, carry_out, N(carry_out), SOHOA_SRC_TEXT, NULL, NULL, "'Thực hiện Chỉ thị số …'");
	/* "Quy định" names rules in any text: only in capitals is it a type */
	const char *rules[] = {"Quy định về tách thửa đất ở nông thôn", "Người dân được tách thửa khi đủ điều kiện."};
	check_doc(ctx, rules, N(rules), SOHOA_SRC_TEXT, NULL, NULL, "'Quy định về …' in sentence case");
	/* far down the text, a type in sentence case is a heading of the body */
	const char *late[] = {"Tin tức", "Cập nhật lúc 8 giờ", "Chuyên mục pháp luật",
			      "Chỉ thị về việc tăng cường quản lý chợ đầu mối", "Nội dung chính của văn bản."};
	check_doc(ctx, late, N(late), SOHOA_SRC_TEXT, NULL, NULL, "a type on the fourth line");
	/* the enacting line "QUYẾT ĐỊNH:" is no type line */
	const char *enact[] = {"Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Ban hành quy chế."};
	check_doc(ctx, enact, N(enact), SOHOA_SRC_TEXT, NULL, NULL, "'QUYẾT ĐỊNH:'");

	/* markdown's marks around the type line and the title; the body's cue in italics ends it */
	const char *md[] = {"**KẾ HOẠCH**", "**Tổ chức hội thi tin học trẻ năm 2031**", "*Căn cứ Luật Giáo dục;*",
			    "Sở xây dựng kế hoạch như sau."};
	check_doc(ctx, md, N(md), SOHOA_SRC_TEXT, "Kế hoạch", "Tổ chức hội thi tin học trẻ năm 2031",
		  "a type line in markdown");

	/* a type line wrapped over two lines; a line in capitals opening with "QUY ĐỊNH" is the title */
	const char *wrapped[] = {"**NGHỊ", "QUYẾT**", "QUY ĐỊNH VỀ MỨC THU PHÍ THAM QUAN BẢO TÀNG TỈNH",
				 "*Căn cứ Luật Phí và lệ phí;*", "Hội đồng nhân dân tỉnh quyết nghị:"};
	check_doc(ctx, wrapped, N(wrapped), SOHOA_SRC_TEXT, "Nghị quyết", "QUY ĐỊNH VỀ MỨC THU PHÍ THAM QUAN BẢO TÀNG TỈNH",
		  "a type line wrapped over two lines");
	const char *rule_caps[] = {"QUY ĐỊNH VỀ MỨC THU PHÍ THAM QUAN BẢO TÀNG TỈNH", "Căn cứ Luật Phí và lệ phí;"};
	check_doc(ctx, rule_caps, N(rule_caps), SOHOA_SRC_TEXT, NULL, NULL, "'QUY ĐỊNH VỀ …' in capitals alone");
	/* a title's line that starts with "SƠ" is no number line; the grounds in italics run into the
	 * title's last line end it */
	const char *so[] = {"THÔNG TƯ", "QUY ĐỊNH VỀ THÀNH PHẦN HỒ", "SƠ ĐĂNG KÝ TÀU CÁ VÀ THUYỀN VIÊN *Căn",
			    "cứ Luật Thủy sản;*", "Bộ trưởng ban hành Thông tư."};
	check_doc(ctx, so, N(so), SOHOA_SRC_TEXT, "Thông tư", "QUY ĐỊNH VỀ THÀNH PHẦN HỒ SƠ ĐĂNG KÝ TÀU CÁ VÀ THUYỀN VIÊN",
		  "a title line starting with SƠ");
	/* a telegram's sender in bold ends its title */
	const char *sender[] = {"**CÔNG ĐIỆN**", "VỀ CHỦ ĐỘNG ỨNG PHÓ BÃO SỐ 9", "**THỦ TƯỚNG CHÍNH PHỦ ***điện:* |",
				"- Ủy ban nhân dân các tỉnh ven biển;"};
	check_doc(ctx, sender, N(sender), SOHOA_SRC_TEXT, "Công điện", "VỀ CHỦ ĐỘNG ỨNG PHÓ BÃO SỐ 9",
		  "a sender in bold ends a telegram's title");
	/* a rule under the title is no part of it */
	const char *rule[] = {"NGHỊ QUYẾT", "Về việc đặt tên đường trên địa bàn thị trấn ----------",
			      "Căn cứ Luật Tổ chức chính quyền địa phương;"};
	check_doc(ctx, rule, N(rule), SOHOA_SRC_TEXT, "Nghị quyết", "Về việc đặt tên đường trên địa bàn thị trấn",
		  "a rule after the title");

	/* a title line ending with "CỦA" goes on over a line that names an official */
	const char *linked[] = {"KẾ HOẠCH", "THỰC HIỆN CHỈ THỊ SỐ 05/CT-UBND CỦA",
				"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ PHÒNG CHỐNG DỊCH BỆNH",
				"Thực hiện Chỉ thị số 05/CT-UBND, Sở ban hành kế hoạch."};
	check_doc(ctx, linked, N(linked), SOHOA_SRC_TEXT, "Kế hoạch",
		  "THỰC HIỆN CHỈ THỊ SỐ 05/CT-UBND CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VỀ PHÒNG CHỐNG DỊCH BỆNH",
		  "a title line ending with CỦA");

	/* an OCR title word with a wrong mark, which the body writes right beside the same word */
	const char *slip[] = {"CHỈ THỊ", "Về việc tăng cường quản lý đôi với hộ kinh doanh",
			      "Căn cứ Luật Quản lý thuế;", "Thời gian qua, việc quản lý đối với hộ kinh doanh còn hạn chế.",
			      "Cơ quan thuế tăng cường kiểm tra đối với hộ kinh doanh cá thể.",
			      "Ủy ban nhân dân xã thực hiện quản lý đối với các chợ."};
	check_doc(ctx, slip, N(slip), SOHOA_SRC_OCR, "Chỉ thị", "Về việc tăng cường quản lý đối với hộ kinh doanh",
		  "a title word the body writes otherwise");
	/* a long title keeps its end when a word of it is set right */
	char longt[1024] = "Về việc tăng cường quản lý đôi với hộ kinh doanh", wantl[1024];
	for (int k = 0; k < 8; k++)
		strcat(longt, " và các cơ sở sản xuất nhỏ");
	strcat(longt, " trên địa bàn tỉnh");
	snprintf(wantl, sizeof wantl, "Về việc tăng cường quản lý đối%s", strstr(longt, " với hộ"));
	const char *longdoc[] = {"CHỈ THỊ", longt, "Căn cứ Luật Quản lý thuế;",
				 "Thời gian qua, việc quản lý đối với hộ kinh doanh còn hạn chế.",
				 "Cơ quan thuế tăng cường kiểm tra đối với hộ kinh doanh cá thể."};
	check_doc(ctx, longdoc, N(longdoc), SOHOA_SRC_OCR, "Chỉ thị", wantl, "a title of 60 words set right keeps its end");

	/* not when the body writes the title's word too, about as often */
	const char *both[] = {"CHỈ THỊ", "Về việc tăng cường quản lý đôi với hộ kinh doanh",
			      "Căn cứ Luật Quản lý thuế;", "Cơ quan thuế kiểm tra đối với hộ kinh doanh cá thể.",
			      "Xã kiểm tra đối với các chợ.", "Việc quản lý đôi với chợ đêm còn lỏng lẻo."};
	check_doc(ctx, both, N(both), SOHOA_SRC_OCR, "Chỉ thị", "Về việc tăng cường quản lý đôi với hộ kinh doanh",
		  "a title word the body writes both ways");

	/* OCR's speck before the title and the opener's space lost */
	const char *glued_opener[] = {"CHỈ THỊ", ",Vêviệc tăng cường phòng cháy rừng mùa khô", "Căn cứ Luật Lâm nghiệp;"};
	check_doc(ctx, glued_opener, N(glued_opener), SOHOA_SRC_OCR, "Chỉ thị",
		  "Về việc tăng cường phòng cháy rừng mùa khô", "',Vêviệc …' read by OCR");

	/* a digit OCR read for its look-alike letter inside a word; codes keep theirs */
	const char *lookalike[] = {"Số: 15/SGDĐT-GDTrH", "V/v đánh g1á công tác phòng chống H1N1 năm 2031",
				   "Kính gửi: Các trường trung học phổ thông"};
	check_doc(ctx, lookalike, N(lookalike), SOHOA_SRC_OCR, "Công văn",
		  "V/v đánh giá công tác phòng chống H1N1 năm 2031", "'g1á' read by OCR");
	const char *lookalike2[] = {"Số: 16/SGDĐT-GDTrH", "V/v đánh g1á thực trạng phòng học bộ môn",
				    "Kính gửi: Các trường trung học phổ thông"};
	check_doc(ctx, lookalike2, N(lookalike2), SOHOA_SRC_OCR, "Công văn", "V/v đánh giá thực trạng phòng học bộ môn",
		  "'g1á' with no other digit in the title");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

/* Unit tests of responsibilities.csv on text split into words ("a ) Bộ X", "2 ." alone): a unit
 * named alone after its mark or under a number alone on its line leads the bullets or the task
 * paragraphs below it; items a reflowed paragraph joined; and duties stated in sentences ("Các
 * địa phương phải …"). Written for this test. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "resp-fixture.h"

#include <stdlib.h>
#include <string.h>

int main(void)
{
	sohoa_ctx *ctx = resp_ctx_new();
	if (!ctx)
		return 1;

	{
		static const char *const l[] = {
			"2 .",
			"Các nhiệm vụ cần làm ngay",
			"a ) Bộ Tài chính",
			"- Chủ trì , phối hợp với Bộ Nội vụ hướng dẫn lập dự toán trước ngày 15 tháng 3 năm 2026 ;",
			"- Bố trí kinh phí cho các địa phương .",
			"b ) Bộ Y tế",
			"Chủ trì , phối hợp với các cơ quan liên quan rà soát danh mục thuốc .",
			"c ) Đề nghị Hội Chữ thập đỏ Việt Nam",
			"Vận động hội viên tham gia hiến máu .",
			"3 .",
			"Sở Xây dựng :",
			"- Kiểm tra chất lượng công trình .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Bộ Tài chính,Bộ Nội vụ,,2026-03-15,,1,4,unit",
		    "spaced: a lettered unit alone over bullets, cooperating and deadline from the bullet");
		has(csv, "Bộ Tài chính,,,,,1,5,unit", "spaced: its second bullet");
		has(csv, "Bộ Y tế,các cơ quan liên quan,,,,1,7,unit",
		    "spaced: a unit alone over a paragraph that starts with a task's verb");
		has(csv, "Hội Chữ thập đỏ Việt Nam,,,,,1,9,unit", "spaced: 'Đề nghị' before the unit's name");
		has(csv, "Sở Xây dựng,,,,,1,12,unit", "spaced: a unit with its colon under a number alone");
		CHECK(count(csv, "\r\n") == 5, "spaced: five rows");
		free(csv);
	}

	/* a name that goes on to say what the unit does is not a name alone; a line that names no
	 * unit over bullets gives none */
	{
		static const char *const l[] = {
			"1 .",
			"Kết quả đạt được",
			"- Hoàn thành 12 công trình .",
			"2 .",
			"Ban hành kế hoạch năm :",
			"- Rà soát các văn bản .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, "\r\n") == 0, "spaced: no unit, no row");
		if (count(csv, "\r\n"))
			printf("    got:\n%s\n", csv);
		free(csv);
	}
	/* duties: a unit named first that must do something ("phải", "cần", "có trách nhiệm") or does
	 * a task by a deadline; not a description, a passive, a name that holds "cần", nor what is
	 * required under "Yêu cầu" */
	{
		static const char *const l[] = {
			"1. Mục đích, yêu cầu",
			"- Các sở, ngành phải bám sát nội dung Kế hoạch.",
			"2. Nhiệm vụ cụ thể",
			"Các địa phương phải báo cáo kết quả về Sở Nội vụ.",
			"Văn phòng Sở có trách nhiệm tổng hợp ý kiến góp ý.",
			"Sở Công Thương tổng hợp danh mục dự án trong quý II năm 2026.",
			"Các nhiệm vụ cần được bố trí đủ kinh phí.",
			"Cục Hậu cần , Bộ Quốc phòng tổ chức hội nghị.",
			"Bộ Văn hóa chịu trách nhiệm về các bảo tàng quốc gia.",
			"Các thửa đất phải bảo đảm diện tích tối thiểu.",
			"Bố trí cán bộ phải công tâm, khách quan.",
			"Các trường hợp phải trưng cầu giám định.",
			"Ban Chỉ đạo trao đổi thông tin cần thiết với các cơ quan.",
			"Các phương tiện cần thường xuyên kiểm tra, bảo dưỡng.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Các địa phương,,,,,1,4,prose", "duties: 'phải' after the unit");
		has(csv, "Văn phòng Sở,,,,,1,5,prose", "duties: 'có trách nhiệm' after the unit");
		has(csv, "Sở Công Thương,,,quý II năm 2026,,1,6,prose", "duties: a task with its deadline");
		CHECK(count(csv, "\r\n") == 3, "duties: three rows, none under 'Yêu cầu', for a passive, a name, a description, no unit");
		if (count(csv, "\r\n") != 3)
			printf("    got:\n%s\n", csv);
		free(csv);
	}
	/* a notice of conclusions named by its title: a unit named first and asked ("tiếp tục …") */
	{
		static const char *const l[] = {
			"Thông báo kết luận của Bộ trưởng tại hội nghị sơ kết công tác quý I .",
			"Sau khi nghe báo cáo , Bộ trưởng kết luận như sau :",
			"Cục Đường bộ tiếp tục rà soát các dự án chậm tiến độ .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Cục Đường bộ,,,,,1,3,prose", "conclusions: the notice's title makes its units asked");
		free(csv);
		static const char *const r[] = {
			"Báo cáo kết quả công tác quý I .",
			"Cục Đường bộ tiếp tục rà soát các dự án chậm tiến độ .",
		};
		csv = rows_of(ctx, r, sizeof r / sizeof *r);
		CHECK(count(csv, "\r\n") == 0, "conclusions: not in a report");
		free(csv);
	}

	/* a paragraph the normalize stage joined over its items ("… : a ) Sở …. b ) Sở …") is read
	 * item by item */
	{
		static const char *const l[] = {
			"Giao nhiệm vụ như sau : a ) Sở Y tế chủ trì , phối hợp với Sở Tài chính rà soát danh mục thuốc . "
			"b ) Sở Nội vụ chủ trì tổng hợp kết quả thi đua .",
		};
		sohoa_text *t = text_of_lines(l, 1);
		t->lines[0].line_end = 3; /* reflowed from three source lines */
		sohoa_buf out = {0};
		const sohoa_extractor *ex = sohoa_extractor_find("responsibilities");
		CHECK(ex && ex->run(ctx, NULL, t, &out) == SOHOA_OK, "joined items: extractor runs");
		const char *csv = out.data ? out.data : "";
		has(csv, "Sở Y tế,Sở Tài chính,", "joined items: the first item's lead and cooperating unit");
		has(csv, "Sở Nội vụ,,", "joined items: the second item's lead");
		CHECK(count(csv, "\r\n") == 2, "joined items: two rows");
		sohoa_buf_free(&out);
		sohoa_text_free(t);
	}
	/* a unit named after an opening clause ("Căn cứ …, Sở X …"), a unit, its colon and its task
	 * under a number alone; not what a unit did after such a clause */
	{
		static const char *const l[] = {
			"I. Phân công thực hiện",
			"1 .",
			"Cục Thống kê : phối hợp với Sở Nội vụ công bố số liệu thống kê năm 2025 .",
			"II. Tiến độ thực hiện",
			"Căn cứ hướng dẫn của Bộ Tài chính , Sở Tài chính nghiên cứu xây dựng khung dự toán trong tháng 3/2026 .",
			"Căn cứ kết quả năm 2025 , Sở Y tế đã hoàn thành kế hoạch trong tháng 3/2026 .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Cục Thống kê,Sở Nội vụ,,,,1,3,unit", "spaced: a unit, its colon, its task under a number alone");
		has(csv, "Sở Tài chính,,,tháng 3/2026,,1,5,prose", "spaced: a unit named after an opening clause");
		CHECK(count(csv, "Sở Y tế") == 0, "spaced: what a unit did after an opening clause is no task");
		CHECK(count(csv, "\r\n") == 2, "spaced: two rows after clauses and colons");
		if (count(csv, "\r\n") != 2)
			printf("    got:\n%s\n", csv);
		free(csv);
	}

	/* a notice of conclusions: "tham mưu" asks the unit named first; a meeting is no unit */
	{
		static const char *const l[] = {
			"Thông báo kết luận của Bộ trưởng tại hội nghị tổng kết công tác năm 2025 .",
			"Sau khi nghe báo cáo , Bộ trưởng kết luận như sau :",
			"Hội nghị triển khai công tác năm 2026 được tổ chức thành công .",
			"Cục Đường bộ tham mưu cho Bộ rà soát quy hoạch các tuyến quốc lộ .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Cục Đường bộ,,,,,1,4,prose", "conclusions: 'tham mưu' asks");
		CHECK(count(csv, "\r\n") == 1, "conclusions: a meeting is no unit");
		if (count(csv, "\r\n") != 1)
			printf("    got:\n%s\n", csv);
		free(csv);
	}

	/* after a condition only a duty is a task; under requirements none is */
	{
		static const char *const l[] = {
			"Trường hợp hàng hóa bị ách tắc , Sở Công Thương chủ trì giải tỏa hàng hóa tại cửa khẩu .",
			"Khi trình hồ sơ , Thủ trưởng các sở , ngành phải thực hiện đầy đủ các nội dung đã quy định .",
			"2. Yêu cầu",
			"Căn cứ nhiệm vụ trong Kế hoạch , các đơn vị liên quan theo chức năng , nhiệm vụ xây dựng phương án .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "\"Thủ trưởng các sở , ngành\",,,,,1,2,prose", "condition: a duty after it is a task");
		CHECK(count(csv, "\r\n") == 1, "condition: no rule after 'Trường hợp', nothing under requirements");
		if (count(csv, "\r\n") != 1)
			printf("    got:\n%s\n", csv);
		free(csv);
	}

	/* the same after a unit named alone over its bullets, outside unit sections */
	{
		static const char *const l[] = {
			"1 .",
			"Sở Tài chính :",
			"- Bố trí kinh phí cho các địa phương .",
			"2 .",
			"Cục Thuế : phối hợp với Sở Tài chính thu ngân sách đúng hạn .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Sở Tài chính,,,,,1,3,unit", "colon item: the unit alone over its bullet");
		has(csv, "Cục Thuế,Sở Tài chính,,,,1,5,prose", "colon item: the next item's unit, colon and task");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

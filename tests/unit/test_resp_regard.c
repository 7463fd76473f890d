/* Unit tests of responsibilities.csv on units asked in prose outside unit sections
 * (responsibilities-sections.c, responsibilities-units.c): "Đối với <unit>:" over plain
 * paragraphs (a paragraph is a task when it says what is to be done, not when it explains), a
 * ministry's department ("- Vụ X:") over its '+' items, a report's request ("Kiến nghị: Ban X kính
 * đề xuất UBND huyện:") over its bullets, a list of units longer than twenty words after a number
 * alone, and a start month as a deadline ("bắt đầu thực hiện từ tháng 01/2027"). Texts written for
 * this test. */
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

	/* "Đối với <unit>:" over paragraphs; a department over '+' items */
	{
		static const char *const l[] = {
			"Kết luận buổi làm việc, Giám đốc Sở đã chỉ đạo:",
			"1 . Đối với các huyện ven biển :",
			"Công tác phòng chống thiên tai phải được triển khai ngay từ đầu mùa mưa .",
			"Khi có bão , các xã phải báo cáo ngay về huyện .",
			"Việc xây dựng đê bao đã được thực hiện ở nhiều nơi , những nơi khác thấy cần thiết thì lập hồ sơ .",
			"Các địa phương cần rà soát hệ thống đê bao trong tháng 6 năm 2027 .",
			"2 . Đối với các đơn vị thuộc Sở :",
			"- Vụ Kế hoạch Tài chính :",
			"+ Phối hợp với Văn phòng Sở lập dự toán kinh phí phòng chống thiên tai ;",
			"+ Hướng dẫn các huyện thanh quyết toán kinh phí .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",các huyện ven biển,,,,,1,3,prose", "regard: a paragraph saying what must be done");
		has(csv, ",các huyện ven biển,,,tháng 6 năm 2027,,1,6,prose", "regard: its deadline, the lead the heading's");
		CHECK(!strstr(csv, ",các huyện ven biển,,,,,1,4,"), "regard: a paragraph that opens with a condition is no task of it");
		CHECK(!strstr(csv, ",1,5,"), "regard: a paragraph that reports is no task");
		has(csv, ",Vụ Kế hoạch Tài chính,Văn phòng Sở,,,,1,9,prose", "department: its first item");
		has(csv, ",Vụ Kế hoạch Tài chính,,,,,1,10,prose", "department: its second item");
		CHECK(count(csv, ",các huyện ven biển,") == 2, "regard: two rows of the regarded unit");
		CHECK(count(csv, ",Vụ Kế hoạch Tài chính,") == 2, "department: two rows");
		free(csv);
	}

	/* "Đối với" what names no unit gives no rows */
	{
		static const char *const l[] = {
			"1. Đối với hồ sơ nộp trực tuyến:",
			"Hồ sơ phải được tiếp nhận trong ngày làm việc.",
			"Cán bộ tiếp nhận cần kiểm tra tính hợp lệ của hồ sơ.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(!strstr(csv, ",prose"), "regard: no unit, no rows");
		free(csv);
	}

	/* a report's request over its bullets, and a start month as its deadline */
	{
		static const char *const l[] = {
			"I. KẾT QUẢ THỰC HIỆN",
			"Ban Quản lý đã hoàn thành các nhiệm vụ được giao.",
			"II. KIẾN NGHỊ",
			"1. Kiến nghị, đề xuất: Ban Quản lý kính đề xuất UBND huyện:",
			"- Chỉ đạo các xã hoàn thành giải phóng mặt bằng dự án đường trục.",
			"- Hỗ trợ kinh phí duy tu công trình hằng năm, bắt đầu thực hiện từ tháng 01/2027.",
			"Trên đây là báo cáo của Ban Quản lý.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",UBND huyện,,,,,1,5,prose", "request: the unit asked, its first bullet");
		has(csv, ",UBND huyện,,,tháng 01/2027,,1,6,prose", "request: a start month is the deadline");
		CHECK(!strstr(csv, "Ban Quản lý,"), "request: the unit that asks is no lead");
		CHECK(count(csv, ",prose") == 2, "request: two rows");
		free(csv);
	}

	/* a list of units longer than twenty words, named alone after a number alone */
	{
		static const char *const l[] = {
			"Để phong trào thi đua đạt kết quả , Chủ tịch Ủy ban nhân dân tỉnh chỉ thị :",
			"1 .",
			("Thủ trưởng các sở , ban , ngành , cơ quan , đơn vị , Chủ tịch Ủy ban nhân dân các huyện , thị xã , "
			 "Giám đốc các doanh nghiệp nhà nước thuộc tỉnh , Chủ tịch Hội đồng quản trị các công ty :"),
			"a ) Xây dựng kế hoạch phát động phong trào thi đua của đơn vị mình .",
			"b ) Tổ chức sơ kết , tổng kết phong trào thi đua .",
			"2 .",
			"Sở Tài chính bố trí kinh phí khen thưởng .",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"Thủ trưởng các sở , ban , ngành , cơ quan , đơn vị , Chủ tịch Ủy ban nhân dân các huyện , thị xã , "
			 "Giám đốc các doanh nghiệp nhà nước thuộc tỉnh , Chủ tịch Hội đồng quản trị các công ty\",,,,,1,4,prose",
		    "long list: its first lettered item");
		CHECK(count(csv, "Chủ tịch Hội đồng quản trị các công ty\",") == 2, "long list: both items");
		free(csv);
	}

	/* a deadline's start month needs its year: "từ tháng 3" is no deadline */
	{
		static const char *const l[] = {
			"Giao Sở Nội vụ tổng hợp kết quả chấm điểm từ tháng 3 đến nay, báo cáo UBND tỉnh.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Nội vụ,,,,", "start month: no year, no deadline");
		free(csv);
	}
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

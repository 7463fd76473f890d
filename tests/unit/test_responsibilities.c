/* Unit tests of responsibilities.csv on small plans written for this test: labelled rows per
 * task, lead and cooperating units in sentences, unit sections whose title or unit name runs over
 * two lines, the recipients list, and deadlines. */
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

	/* labels: one row per task, the unit name finished on the next line, the deadline as written */
	{
		static const char *const l[] = {
			"III. NHIỆM VỤ, GIẢI PHÁP",
			"1. Nâng cao năng lực",
			"- Tổ chức tập huấn kỹ năng.",
			"Đơn vị chủ trì: Sở Tư",
			"pháp.",
			"Đơn vị phối hợp: Các cơ quan, đơn vị liên quan.",
			"Thời gian thực hiện: Thường xuyên.",
			"- Ra mắt trợ lý pháp luật.",
			"Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.",
			"Thời gian thực hiện: Trước ngày 15/12/2025.",
			"2. Truyền thông",
			"- Cơ quan thực hiện: Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở, ban, ngành Thành phố.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Sở Tư pháp,\"Các cơ quan, đơn vị liên quan\",,Thường xuyên,,1,4,prose",
		    "labels: lead finished on the next line, cooperating, deadline as written");
		has(csv, "Sở Khoa học và Công nghệ,,,2025-12-15,,1,9,prose",
		    "labels: a second task under one heading is its own row, a full date as ISO");
		has(csv, "Sở Văn hóa và Thể thao,\"các sở, ban, ngành Thành phố\",,,,1,12,prose",
		    "labels: 'X chủ trì, phối hợp với Y' splits into lead and cooperating");
		CHECK(count(csv, "\r\n") == 3, "labels: three rows");
		free(csv);
	}

	/* unit section: its title on two lines, a heading that is a task sentence, a unit name on
	 * two lines, cooperating units in a bullet, the recipients list after the last paragraph */
	{
		static const char *const l[] = {
			"V. TỔ CHỨC",
			"THỰC HIỆN",
			"1. Sở Tài chính chủ trì, phối hợp với các cơ quan, đơn vị liên quan bố trí kinh phí.",
			"2. Sở Nội vụ (Cơ quan thường trực):",
			"- Phối hợp với Sở Y tế thẩm định hồ sơ khen thưởng.",
			"- Theo dõi, tổng hợp báo cáo kết quả.",
			"3. Đề nghị Ủy ban Mặt trận",
			"Tổ quốc Việt Nam tỉnh",
			"- Tham gia phối hợp triển khai Kế hoạch.",
			"Nơi nhận:",
			"- Sở Y tế;",
			"- Lưu: VT.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Sở Tài chính,\"các cơ quan, đơn vị liên quan\",,,,1,3,unit",
		    "units: title on two lines; a heading sentence gives lead and cooperating");
		has(csv, "Sở Nội vụ,Sở Y tế,,,,1,5,unit", "units: lead without its parenthesis, cooperating from the bullet");
		has(csv, "Sở Nội vụ,,,,,1,6,unit", "units: second bullet of the unit");
		has(csv, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,,,,,1,9,unit",
		    "units: unit name on two lines, without 'Đề nghị'");
		CHECK(!strstr(csv, "Lưu") && count(csv, "\r\n") == 4, "units: the recipients give no row");
		free(csv);
	}

	/* sentences outside unit sections: "Giao …" and "… theo chức năng nhiệm vụ …" */
	{
		static const char *const l[] = {
			"1. Về kiến nghị xây dựng hệ thống dữ liệu:",
			"Giao Bộ Tài chính, Bộ Công Thương theo chức năng, nhiệm vụ chủ trì, phối hợp với các Bộ, cơ",
			"quan liên quan nghiên cứu, xử lý kiến nghị trong tháng 11 năm 2025.",
			"2. Về tổ chức bộ máy:",
			"Bộ Nội vụ theo chức năng nhiệm vụ được giao nghiên cứu, xử lý kiến nghị của tỉnh.",
			"3. Về đánh giá:",
			"Sở Y tế đã hoàn thành việc đánh giá năm 2024.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "\"Bộ Tài chính, Bộ Công Thương\",\"các Bộ, cơ quan liên quan\",,tháng 11 năm 2025,,1,2,prose",
		    "sentences: 'Giao' with two ministries, cooperating, deadline, over two lines");
		has(csv, "Bộ Nội vụ,,,,,1,5,prose", "sentences: a unit 'theo chức năng nhiệm vụ'");
		CHECK(count(csv, "\r\n") == 2, "sentences: a report of what a unit did gives no row");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

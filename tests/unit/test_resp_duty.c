/* Unit tests of responsibilities.csv on tasks given in prose outside unit sections
 * (responsibilities-sections.c): a remedy's label after the shortcoming it remedies ("Giải pháp
 * khắc phục: Giao Trung tâm X …"), a unit given a duty over the numbered items below it ("Thủ
 * trưởng các sở …; Chủ tịch … có trách nhiệm:" / "1." / "Quan tâm …"), an item heading that asks
 * a unit by its name alone over bullets ("a) Giao Sở Nội vụ:"), in a section of units a number
 * alone over "Giao Sở X có nhiệm vụ:" and its lettered items, a unit asked after a conclusion to
 * work with others or act soon ("Trung tâm X phối hợp với …", "Chi cục Y sớm …"), and what is no
 * task there: a role ("Là đại diện …") and the opener's next bullet. Texts written for this test. */
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

	/* a remedy's label: the unit it asks, its task and deadline, not the adverb after the name */
	{
		static const char *const l[] = {
			"II. TỒN TẠI VÀ GIẢI PHÁP",
			"1. Công tác chỉ đạo, điều hành",
			"a) Tỉnh chưa tổ chức đủ số cuộc đối thoại với doanh nghiệp theo kế hoạch năm.",
			"Giải pháp khắc phục: Giao Trung tâm Hỗ trợ doanh nghiệp tỉnh tham mưu UBND tỉnh tổ chức hội nghị "
			"đối thoại, hoàn thành trong tháng 12/2026.",
			"b) Tỷ lệ hồ sơ giải quyết đúng hẹn chưa đạt chỉ tiêu đề ra.",
			"Giải pháp khắc phục: Giao Văn phòng UBND tỉnh định kỳ hằng tuần báo cáo lãnh đạo tỉnh tình hình "
			"giải quyết hồ sơ.",
			"c) Một số nội dung chưa được cập nhật.",
			"Nguyên nhân: Sở Xây dựng đã cập nhật chậm.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Trung tâm Hỗ trợ doanh nghiệp tỉnh,,,tháng 12/2026,,1,4,prose",
		    "remedy: the unit asked after the label, its deadline and line");
		has(csv, ",định kỳ hằng tuần báo cáo lãnh đạo tỉnh tình hình giải quyết hồ sơ.,Văn phòng UBND tỉnh,,,,,1,6,prose",
		    "remedy: the unit's name stops before what it does periodically");
		CHECK(!strstr(csv, "Sở Xây dựng"), "remedy: a cause's label asks no unit");
		CHECK(count(csv, ",prose") == 2, "remedy: two rows");
		free(csv);
	}

	/* a duty over numbered items whose numbers stand alone on their lines */
	{
		static const char *const l[] = {
			"I. NÂNG CAO CHẤT LƯỢNG VĂN BẢN",
			"Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện có trách nhiệm:",
			"1.",
			"Quan tâm chỉ đạo công tác soạn thảo văn bản của cơ quan mình.",
			"2.",
			"Báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 15/12/2026.",
			"II. KIỂM TRA VĂN BẢN",
			"Công tác kiểm tra văn bản được thực hiện thường xuyên.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Quan tâm chỉ đạo công tác soạn thảo văn bản của cơ quan mình.,"
			 "\"Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện\",,,,,1,4,prose",
		    "duty: the first item under its number is the units' task");
		has(csv, "Báo cáo kết quả thực hiện về Sở Tư pháp trước ngày 15/12/2026.,"
			 "\"Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện\",,,2026-12-15,,1,6,prose",
		    "duty: the second item, its deadline (\"Báo cáo\" names no newspaper)");
		CHECK(count(csv, "\r\n") == 2, "duty: the next section's paragraph is no item");
		free(csv);
	}

	/* an item heading that asks a unit by its name alone over bullets */
	{
		static const char *const l[] = {
			"IV. ĐỀ XUẤT, KIẾN NGHỊ",
			"1. Đánh giá chung",
			"Các chỉ số thành phần đều tăng so với năm trước.",
			"2. Nhiệm vụ, giải pháp cụ thể",
			"a) Giao Sở Nội vụ:",
			"- Chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh tự đánh giá chỉ số cải cách hành chính hằng tháng.",
			"- Thường xuyên theo dõi, đôn đốc các cơ quan cập nhật kết quả lên phần mềm.",
			"b) Giao Văn phòng UBND tỉnh:",
			"- Tham mưu Chủ tịch UBND tỉnh ban hành quy chế phối hợp, hoàn thành trong tháng 12/2026.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Nội vụ,Sở Tài chính,,,,1,6,prose", "asked alone: the first bullet, its cooperating unit");
		has(csv, "\"Thường xuyên theo dõi, đôn đốc các cơ quan cập nhật kết quả lên phần mềm.\",Sở Nội vụ,,,,,1,7,prose",
		    "asked alone: the second bullet is the same unit's");
		has(csv, ",Văn phòng UBND tỉnh,,,tháng 12/2026,,1,9,prose", "asked alone: the next item heading's unit");
		CHECK(count(csv, "\r\n") == 3, "asked alone: three rows");
		free(csv);
	}

	/* in a section of units, a number alone over a unit asked with its duty, over lettered items */
	{
		static const char *const l[] = {
			"III. TỔ CHỨC THỰC HIỆN",
			"1.",
			"Giao Sở Văn hóa (Phòng Thi đua) có nhiệm vụ:",
			"a) Phối hợp với Sở Tài chính hướng dẫn các đơn vị tổ chức phong trào thi đua.",
			"b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2026.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Văn hóa (Phòng Thi đua),Sở Tài chính,,,,1,4,", "units: the first lettered item, its lead and cooperating unit");
		has(csv, ",Sở Văn hóa (Phòng Thi đua),,,2026-12-20,,1,5,", "units: the second lettered item and its deadline");
		CHECK(count(csv, "\r\n") == 2, "units: two rows");
		free(csv);
	}

	/* after a conclusion, a unit that is to work with others or to act soon is asked */
	{
		static const char *const l[] = {
			"THÔNG BÁO",
			"Kết luận của Phó Giám đốc Sở tại cuộc họp về vụ lúa Đông Xuân",
			"Kết luận cuộc họp, Phó Giám đốc Sở đã chỉ đạo:",
			"- Trung tâm Khuyến nông tỉnh phối hợp với các huyện tăng cường tập huấn cho nông dân.",
			"- Chi cục Trồng trọt sớm ban hành hướng dẫn khung lịch thời vụ.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Trung tâm Khuyến nông tỉnh,các huyện,,,,1,4,prose", "conclusion: a unit asked to work with others");
		has(csv, ",Chi cục Trồng trọt,,,,,1,5,prose", "conclusion: a unit asked to act soon");
		free(csv);
	}

	/* no task: a role under a name alone, and the opener's next bullet */
	{
		static const char *const l[] = {
			"Điều 5. Nhiệm vụ, quyền hạn",
			"a) Giám đốc Quỹ:",
			"- Là đại diện pháp nhân của Quỹ trong các quan hệ pháp lý.",
			"b) Kế toán trưởng:",
			"- Được ký các chứng từ kế toán theo quy định.",
			"Điều 6. Kê khai tài sản",
			"- Thủ trưởng các cơ quan, đơn vị có trách nhiệm:",
			"+ Tổ chức tuyên truyền, phổ biến quy định về kê khai tài sản.",
			"- Việc bàn giao bản kê khai thực hiện theo quy định.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(!strstr(csv, "Là đại diện") && !strstr(csv, "Được ký"), "no task: a role or a right");
		has(csv, "\"Tổ chức tuyên truyền, phổ biến quy định về kê khai tài sản.\",\"Thủ trưởng các cơ quan, đơn vị\",",
		    "no task: the item below the duty is one");
		CHECK(!strstr(csv, "Việc bàn giao"), "no task: the duty's next bullet");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

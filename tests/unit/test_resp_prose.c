/* Unit tests of responsibilities.csv on task plans whose lines are cut short (responsibilities.c):
 * a task heading whose title runs on to the next line ("5. Xây dựng Nghị định của" / "Chính phủ
 * …"), a task or unit number alone on its line with the title or unit below, a lead label whose
 * value is a sentence, a unit heading "Đề nghị: X" whose name starts after the colon, a task bullet
 * "- Trên cơ sở …", tasks under a heading that names no unit, "Đề nghị Thường trực …" asked in a
 * sentence, a topic that asks a second unit after a ';', and a task paragraph that names its unit
 * again on its first line. Texts written for this test. */
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

	/* a task heading whose title goes on to the next line, after a word that cannot end it */
	{
		static const char *const l[] = {
			"II. NHIỆM VỤ CỤ THỂ",
			"1. Xây dựng Quyết định của",
			"Ủy ban nhân dân tỉnh về quản lý chợ đầu mối",
			"- Cơ quan chủ trì: Sở Công",
			"Thương.",
			"- Cơ quan phối hợp: Sở Tài chính.",
			"- Thời gian thực hiện: năm 2026.",
			"2. Kiểm tra việc thi hành",
			"- Cơ quan chủ trì: Sở Tư pháp.",
			"- Thời gian thực hiện: hằng năm.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "II.1,Xây dựng Quyết định của Ủy ban nhân dân tỉnh về quản lý chợ đầu mối,Sở Công Thương,Sở Tài chính,",
		    "wrapped title: the title's second line is part of the task");
		has(csv, "II.2,Kiểm tra việc thi hành,Sở Tư pháp,", "wrapped title: a title followed by a label stays whole");
		CHECK(count(csv, ",prose\r\n") == 2, "wrapped title: two rows");
		free(csv);
	}

	/* the task number alone on its line, the title on the next */
	{
		static const char *const l[] = {
			"II. NỘI DUNG",
			"1.",
			"Tuyên truyền, phổ biến nội dung Luật đến người dân",
			"- Cơ quan thực hiện: Sở Tư pháp.",
			"- Thời gian thực hiện: Quý I năm 2026.",
			"2.",
			"Rà soát văn bản quy phạm pháp luật",
			"- Cơ quan chủ trì: Sở Nội vụ.",
			"- Cơ quan phối hợp: Các sở, ngành.",
			"- Thời gian thực hiện: năm 2026.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "II.1,\"Tuyên truyền, phổ biến nội dung Luật đến người dân\",Sở Tư pháp,",
		    "number alone: the first task, its title from the next line");
		has(csv, "II.2,Rà soát văn bản quy phạm pháp luật,Sở Nội vụ,\"Các sở, ngành\",", "number alone: the second task");
		free(csv);
	}

	/* a lead label whose value says what the units do: the names are the leads */
	{
		static const char *const l[] = {
			"II. NHIỆM VỤ",
			"1. Rà soát quy định về chợ",
			"- Cơ quan thực hiện: Sở Công Thương tiến hành rà soát các quyết định về chợ còn hiệu lực; Ủy ban",
			"nhân dân các xã rà soát các văn bản do mình ban hành.",
			"- Thời gian thực hiện: năm 2026.",
			"2. Phổ biến quy định mới",
			"- Cơ quan thực hiện: Sở Tư pháp; Sở Công Thương và các sở, ngành có liên quan.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "II.1,Rà soát quy định về chợ,Sở Công Thương; Ủy ban nhân dân các xã,,,năm 2026,",
		    "lead sentence: the units named at the start of each clause");
		has(csv, "II.2,Phổ biến quy định mới,\"Sở Tư pháp; Sở Công Thương và các sở, ngành có liên quan\",",
		    "lead sentence: a list of names stays whole");
		free(csv);
	}

	/* a unit heading that asks a unit named after a colon */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Công Thương",
			"a) Hướng dẫn các chợ thực hiện Kế hoạch này.",
			"b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
			"2. Đề nghị: Hội Nông",
			"dân tỉnh, Liên minh Hợp tác xã tỉnh",
			"a) Tuyên truyền, vận động hội viên tham gia bán hàng trên sàn thương mại điện tử.",
			"b) Tổng hợp kiến nghị của hội viên, gửi Sở Công Thương.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "\"Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh\",,", "request with colon: the unit after the colon is the lead");
		CHECK(count(csv, ",unit\r\n") == 4, "request with colon: four rows");
		free(csv);
	}

	/* a unit's task bullet that starts "Trên cơ sở …" is a task, a closing paragraph so starting is not */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Tài chính",
			"- Trên cơ sở đề xuất của các sở, tổng hợp, tham mưu bố trí kinh phí thực hiện Kế hoạch.",
			"- Hướng dẫn thanh quyết toán kinh phí theo quy định.",
			"2. Các doanh nghiệp",
			"- Trên cơ sở định hướng của tỉnh, đầu tư hạ tầng tại các cụm công nghiệp.",
			"Trên cơ sở Kế hoạch này, các đơn vị chủ động triển khai thực hiện.",
			"3. Ủy ban nhân dân các xã",
			"Trên cơ sở Kế hoạch này, xây dựng kế hoạch của xã, báo cáo kết quả trước ngày 15/11/2026.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "IV.1-1,\"Trên cơ sở đề xuất của các sở, tổng hợp, tham mưu bố trí kinh phí thực hiện Kế hoạch.\",Sở Tài chính,",
		    "grounds bullet: the first task of the unit");
		has(csv, "IV.1-2,Hướng dẫn thanh quyết toán kinh phí theo quy định.,Sở Tài chính,", "grounds bullet: the task after it");
		has(csv, "IV.2-1,\"Trên cơ sở định hướng của tỉnh, đầu tư hạ tầng tại các cụm công nghiệp.\",Các doanh nghiệp,",
		    "grounds bullet: the second unit's task");
		has(csv, "IV.3-1,\"Trên cơ sở Kế hoạch này, xây dựng kế hoạch của xã, báo cáo kết quả trước ngày 15/11/2026.\",Ủy ban nhân dân các xã,,,2026-11-15,",
		    "grounds paragraph right under the unit's heading: a task");
		CHECK(count(csv, ",unit\r\n") == 4, "grounds bullet: the closing paragraph is no task");
		free(csv);
	}

	/* unit headings whose number stands alone, and a heading that names no unit */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Y tế",
			"- Hướng dẫn các cơ sở khám bệnh triển khai Kế hoạch.",
			"2.",
			"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh",
			"- Bảo đảm an ninh trật tự tại các điểm tiêm chủng.",
			"3. Chế độ thông tin, báo cáo",
			"- Sở Y tế tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 hằng tháng.",
			"- Trường hợp chậm báo cáo, đơn vị giải trình với Ủy ban nhân dân tỉnh.",
			"b) Sở Tài chính bố trí kinh phí cho các đợt tiêm chủng.",
			"4.",
			"Kinh phí thực hiện",
			"- Kinh phí từ ngân sách nhà nước.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "IV.2-1,Bảo đảm an ninh trật tự tại các điểm tiêm chủng.,\"Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh\",",
		    "number alone: the unit named on the next line");
		has(csv, "IV.3-1,\"Sở Y tế tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 hằng tháng.\",Sở Y tế,",
		    "no unit heading: a task that starts with its unit");
		has(csv, "IV.3-2,b) Sở Tài chính bố trí kinh phí cho các đợt tiêm chủng.,Sở Tài chính,",
		    "no unit heading: a lettered item that starts with its unit");
		CHECK(!strstr(csv, "Trường hợp chậm"), "no unit heading: a sentence that starts with no unit is no task");
		CHECK(!strstr(csv, "Kinh phí từ"), "number alone: a heading that names no unit has no tasks");
		CHECK(count(csv, ",unit\r\n") == 4, "number alone: four rows");
		free(csv);
	}

	/* a sentence that asks a unit ("Đề nghị Thường trực Huyện ủy tập trung …") outside unit sections */
	{
		static const char *const l[] = {
			"II. NHIỆM VỤ THỜI GIAN TỚI",
			"Đề nghị Thường trực Huyện ủy tập trung lãnh đạo, chỉ đạo hoàn thành các chỉ tiêu năm 2026.",
			"Thường trực tổng hợp ý kiến của các thành viên trong tháng 12.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Thường trực Huyện ủy,", "request: the standing committee asked is the lead");
		CHECK(count(csv, "\r\n") == 1, "request: \"Thường trực tổng hợp …\" names no unit");
		free(csv);
	}

	/* a topic whose sentence asks two units, the second after a ';' */
	{
		static const char *const l[] = {
			"III. Ý KIẾN VỀ CÁC KIẾN NGHỊ",
			"1. Về đầu tư trạm y tế xã: đề nghị Sở Y tế rà soát nhu cầu, hoàn thành trong tháng 3 năm 2026; Sở Tài chính bố trí vốn cho các trạm y tế được duyệt.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "\"rà soát nhu cầu, hoàn thành trong tháng 3 năm 2026\",Sở Y tế,", "topic: the first unit's task ends at the ';'");
		has(csv, "bố trí vốn cho các trạm y tế được duyệt.,Sở Tài chính,", "topic: the unit after the ';' has its own task");
		CHECK(count(csv, "\r\n") == 2, "topic: two rows");
		free(csv);
	}

	/* a unit's task paragraph whose first line names the unit again */
	{
		static const char *const l[] = {
			"V. TỔ CHỨC THỰC HIỆN",
			"",
			"1. Sở",
			"Nội vụ",
			"",
			"Sở Nội vụ chủ",
			"trì tổ chức tập huấn cho cán bộ, công chức.",
			"",
			"2. Trung",
			"tâm Dữ liệu Thành phố",
			"",
			"Trung tâm Dữ liệu",
			"Thành phố chủ trì, phối hợp với Công an Thành phố bảo đảm",
			"an toàn hệ thống; chủ trì xây dựng kế hoạch bảo trì.",
			"",
			"3. Các sở",
			"ngành liên quan",
			"",
			"- Cung cấp dữ liệu chuyên ngành.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "V.2-1,\"Trung tâm Dữ liệu Thành phố chủ trì, phối hợp với Công an Thành phố bảo đảm an toàn hệ thống; "
			 "chủ trì xây dựng kế hoạch bảo trì.\",Trung tâm Dữ liệu Thành phố,",
		    "restated unit: the task's first line is the task's, the lead the heading's name");
		has(csv, "Cung cấp dữ liệu chuyên ngành.,Các sở ngành liên quan,", "restated unit: a name cut at the line end still runs on");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

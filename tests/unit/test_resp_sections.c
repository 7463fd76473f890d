/* Unit tests of responsibilities.csv on sections and topics (responsibilities.c): a top section
 * whose numbered headings name units is read as one whatever its title, and one whose headings
 * only start with "Các" is not; in a conclusion notice, the unit after a topic ("2. Về kiến
 * nghị …: Bộ X khẩn trương …") is given the task, not a unit said to have done something. Texts
 * written for this test. */
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

	/* headings that name units under a title the unit readers do not know */
	{
		static const char *const l[] = {
			"II. CÁC VIỆC CỤ THỂ",
			"1. Sở Giáo dục và Đào tạo",
			"a) Tổ chức ngày hội đọc sách trong các trường học.",
			"b) Phối hợp với Sở Văn hóa rà soát thư viện trường học.",
			"2. Ủy ban nhân dân các xã, phường",
			"a) Bố trí điểm đọc sách tại nhà văn hóa.",
			"III. KINH PHÍ",
			"Kinh phí từ ngân sách nhà nước.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Tổ chức ngày hội đọc sách trong các trường học.,Sở Giáo dục và Đào tạo,", "units: first task of the first unit");
		has(csv, "Sở Giáo dục và Đào tạo,Sở Văn hóa", "units: the unit's second task, with its cooperating unit");
		has(csv, "Bố trí điểm đọc sách tại nhà văn hóa.,\"Ủy ban nhân dân các xã, phường\",", "units: the second unit");
		CHECK(count(csv, ",unit\r\n") == 3, "units: three rows, none from the budget section");
		free(csv);
	}

	/* headings that start with "Các" but name steps, not units */
	{
		static const char *const l[] = {
			"IV. PHƯƠNG PHÁP",
			"1. Các bước chuẩn bị",
			"a) Lập danh sách đơn vị được khảo sát.",
			"2. Các bước khảo sát",
			"a) Gửi phiếu khảo sát.",
			"3. Tổng hợp",
			"a) Viết báo cáo.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, ",unit\r\n") == 0, "steps: headings 'Các bước …' name no unit");
		free(csv);
	}

	/* topics of a conclusion notice */
	{
		static const char *const l[] = {
			"III. VỀ CÁC ĐỀ XUẤT CỦA THÀNH PHỐ",
			"1. Về đề xuất mở rộng bến xe phía Bắc: Bộ Xây dựng khẩn trương rà soát quy hoạch, báo",
			"cáo Thủ tướng Chính phủ trước ngày 15 tháng 3 năm 2026.",
			"2. Về đề xuất hỗ trợ vốn cho kè sông:",
			"Ủy ban nhân dân thành phố tiếp tục hoàn thiện hồ sơ dự án, gửi Bộ Tài chính.",
			"Bộ Tài chính đã bố trí vốn năm 2025 cho dự án.",
			"3. Về đề xuất sửa quy định về phí: tăng mức thu, bổ sung đối tượng: giao Bộ Tài chính chủ trì",
			"nghiên cứu, báo cáo Chính phủ trong tháng 6 năm 2026.",
			"Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Bộ Xây dựng,,,2026-03-15,,1,2,prose", "topics: the unit after the topic's colon, a deadline in words as ISO");
		has(csv, "Ủy ban nhân dân thành phố,,,,,1,5,prose", "topics: a paragraph under a topic heading");
		has(csv, "Bộ Tài chính,,,tháng 6 năm 2026,,1,7,prose", "topics: the unit after the topic's last colon");
		CHECK(count(csv, "\r\n") == 3, "topics: what a unit did and the closing notice give no row");
		free(csv);
	}

	/* a topic with two units, one after an opening clause; deadlines per sentence */
	{
		static const char *const l[] = {
			"II. VỀ CÁC ĐỀ XUẤT",
			("1. Về cảng cá: với vai trò là chủ đầu tư, Tổng công ty Thủy sản chủ động làm việc với các nhà đầu tư. "
			 "Để chọn vị trí, Ủy ban nhân dân tỉnh phối hợp với các cơ quan liên quan rà soát quy hoạch trong tháng "
			 "9 năm 2026."),
			("2. Về đường ven biển: giao Bộ Xây dựng chủ trì xem xét. Đối với nội dung vượt thẩm quyền, báo cáo cấp "
			 "có thẩm quyền trước ngày 30/10/2026."),
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "chủ động làm việc với các nhà đầu tư.,Tổng công ty Thủy sản,,,,,1,2,prose",
		    "two units: the first after an opening clause, without the next sentence's deadline");
		has(csv, "Ủy ban nhân dân tỉnh,các cơ quan liên quan,,tháng 9 năm 2026,,1,2,prose",
		    "two units: the second sentence's unit after 'Để …,'");
		has(csv, "Bộ Xây dựng,,,2026-10-30,,1,3,prose", "two units: a later sentence without a unit gives its deadline");
		CHECK(count(csv, "\r\n") == 3, "two units: three rows");
		free(csv);
	}

	/* a telegram: numbered items that name units from the start, no Roman sections */
	{
		static const char *const l[] = {
			"Thủ tướng Chính phủ yêu cầu các cơ quan thực hiện ngay các việc sau:",
			"1. Bộ Công Thương chủ trì, phối hợp với các địa phương:",
			"a) Bảo đảm cung ứng xăng dầu cho vùng bị cô lập.",
			"b) Kiểm tra giá hàng hóa thiết yếu trước ngày 20/12/2026.",
			"2. Chủ tịch Ủy ban nhân dân các tỉnh: Sơn La,",
			"Lai Châu, Điện Biên:",
			"a) Tổ chức sơ tán dân khỏi vùng nguy hiểm.",
			"3. Văn phòng Chính phủ theo dõi, đôn đốc thực hiện Công điện này.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "a) Bảo đảm cung ứng xăng dầu cho vùng bị cô lập.,Bộ Công Thương,các địa phương,,,,1,3,unit",
		    "telegram: the unit of the item, its cooperating units from the item's sentence");
		has(csv, "Bộ Công Thương,các địa phương,,2026-12-20,,1,4,unit", "telegram: the item's second task");
		has(csv, "a) Tổ chức sơ tán dân khỏi vùng nguy hiểm.,Chủ tịch Ủy ban nhân dân các tỉnh,,,,,1,7,unit",
		    "telegram: places listed after the unit's colon are no task");
		has(csv, "Văn phòng Chính phủ,,,,,1,8,unit", "telegram: an item that is a sentence is a task");
		CHECK(count(csv, "\r\n") == 4, "telegram: four rows");
		free(csv);
	}


	/* a telegram whose items group their tasks: a lettered title over "(1)", "(2)" sub-items, an
	 * item whose "(" was lost ("3)") among them, a long unit name over lettered items, a name ending
	 * with a colon, and requests to persons by title */
	{
		static const char *const l[] = {
			"1. Bộ Giáo dục và Đào tạo",
			"a) Nâng cao chất lượng dạy ngoại ngữ",
			"(1) Rà soát chương trình tiếng Anh lớp 10; báo cáo trong tháng 9 năm 2026.",
			"(2) Phối hợp với Bộ Tài chính bố trí kinh phí mua thiết bị nghe nhìn.",
			"3) Tổ chức tập huấn giáo viên tại các huyện miền núi.",
			"b) Tổng kết năm học, gửi Chính phủ trước ngày 20 tháng 8 năm 2026.",
			"2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
			"a) Bảo đảm đủ phòng học cho học sinh vào lớp 1.",
			"b) Kiểm tra việc thu các khoản đầu năm học.",
			"c) Ủy ban nhân dân các huyện miền núi cần bố trí nhà ở cho giáo viên.",
			"3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh:",
			"a) Chỉ đạo quyết liệt các nhiệm vụ nêu tại Công điện này.",
			"Giao Phó Thủ tướng Lê Văn An trực tiếp xử lý các vướng mắc phát sinh.",
			"4. Giao các Phó Thủ tướng theo lĩnh vực được phân công kiểm tra việc thực hiện.",
			"5. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Công điện này./.",
			"Nơi nhận:",
			"- Như trên;",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Bộ Giáo dục và Đào tạo,,,tháng 9 năm 2026,,1,3,unit", "groups: the first sub-item, its deadline");
		has(csv, "Bộ Giáo dục và Đào tạo,Bộ Tài chính,,,,1,4,unit", "groups: the second sub-item, its cooperating unit");
		CHECK(count(csv, ",1,2,unit") == 0, "groups: the lettered title over sub-items is no task");
		has(csv, "3) Tổ chức tập huấn giáo viên tại các huyện miền núi.,Bộ Giáo dục và Đào tạo,,,,,1,5,unit",
		    "groups: an item numbered out of sequence stays with its unit");
		has(csv, "Bộ Giáo dục và Đào tạo,,,2026-08-20,,1,6,unit", "groups: the next lettered item without sub-items");
		has(csv, "\"Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\",,,,,1,8,unit",
		    "groups: a long unit name over lettered items leads them");
		CHECK(count(csv, "\"Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\"") == 2,
		      "groups: the long unit's two tasks");
		has(csv, ",Ủy ban nhân dân các huyện miền núi,,,,,1,10,unit", "groups: an item whose people's committee does it is theirs");
		has(csv, "Chủ tịch Ủy ban nhân dân các tỉnh\",,,,,1,12,unit", "groups: a unit name ending with a colon");
		has(csv, ",Phó Thủ tướng Lê Văn An,,,,,1,13,unit", "groups: a request to a person by title is that person's");
		has(csv, ",các Phó Thủ tướng,,,,,1,14,unit", "groups: 'Giao các …' in lower case");
		has(csv, ",Văn phòng Chính phủ,,,,,1,15,unit", "groups: the last item");
		CHECK(count(csv, "\r\n") == 11, "groups: eleven rows");
		free(csv);
	}


	/* a unit item whose task follows its colon, and units named in a list after "các Bộ:" */
	{
		static const char *const l[] = {
			"1. Bộ Công Thương",
			"a) Mở rộng thị trường xuất khẩu gạo.",
			("2. Các Tổng công ty nhà nước, doanh nghiệp xuất khẩu: xây dựng kế hoạch sản xuất quý IV; tăng cường "
			 "xúc tiến thương mại."),
			"3. Văn phòng Chính phủ theo dõi việc thực hiện./.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",xây dựng kế hoạch sản xuất quý IV; tăng cường xúc tiến thương mại.,\"Các Tổng công ty nhà nước, "
			 "doanh nghiệp xuất khẩu\",,,,,1,3,unit",
		    "colon: the unit's task after its colon");
		CHECK(count(csv, "\r\n") == 3, "colon: three rows");
		free(csv);
		static const char *const l2[] = {
			("Giao các Bộ: Công Thương, Nông nghiệp và Môi trường chủ trì tổ chức hội nghị xúc tiến thương mại trong "
			 "tháng 11 năm 2026."),
		};
		csv = rows_of(ctx, l2, 1);
		has(csv, ",\"các Bộ: Công Thương, Nông nghiệp và Môi trường\",,,tháng 11 năm 2026,,1,1,prose",
		    "list: the units named after 'các Bộ:' up to what they are asked");
		free(csv);
		static const char *const l3[] = {
			("Giao các Bộ, cơ quan liên quan và các Tập đoàn: Dầu khí Việt Nam, Điện lực Việt Nam chủ trì rà soát "
			 "quy hoạch kho chứa trong tháng 12 năm 2026."),
		};
		csv = rows_of(ctx, l3, 1);
		has(csv, ",\"các Bộ, cơ quan liên quan và các Tập đoàn: Dầu khí Việt Nam, Điện lực Việt Nam\",,,tháng 12 năm 2026,",
		    "list: a list after 'liên quan và các Tập đoàn:'");
		free(csv);
	}


	/* a numbered item of a unit section that names its units after an opening clause */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Nội vụ chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch.",
			"2. Căn cứ Kế hoạch này, các sở, ngành xây dựng kế hoạch của đơn vị, gửi Sở Nội vụ trước ngày 15/3/2026.",
			"3. Căn cứ tình hình thực tế, kinh phí được bố trí trong dự toán hằng năm.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"các sở, ngành\",,,2026-03-15,,1,3,unit", "opening clause: the units after 'Căn cứ …,'");
		CHECK(count(csv, "\r\n") == 2, "opening clause: no row for an item that names no unit after its clause");
		free(csv);
	}


	/* a unit's first task that opens with a clause and breaks off at a line end is no part of the
	 * unit's name */
	{
		static const char *const l[] = {
			"V. TỔ CHỨC THỰC HIỆN",
			"1. Các sở, ban, ngành",
			"Căn cứ chức năng, nhiệm vụ được giao, phối hợp với Sở",
			"Tài chính rà soát định mức chi cho hoạt động thư viện.",
			"2. Ủy ban nhân dân các xã",
			"Bố trí phòng đọc tại nhà văn hóa.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"Các sở, ban, ngành\",Sở Tài chính,,,,1,3,unit", "first task: the unit's name alone, the task's cooperating unit");
		CHECK(count(csv, "\r\n") == 2, "first task: two rows");
		free(csv);
	}


	/* telegram items "Unit: Task", ministers of listed ministries, a closing request to all */
	{
		static const char *const l[] = {
			"1. Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế:",
			"a) Chỉ đạo lực lượng tại chỗ hỗ trợ người dân sơ tán.",
			"b) Báo cáo tình hình về Văn phòng Chính phủ trước 15 giờ hằng ngày.",
			"2. Bộ Xây dựng: Khẩn trương khắc phục các đoạn đường bị sạt lở, bảo đảm thông xe.",
			"Bộ Công Thương: Chỉ đạo bảo đảm cung ứng điện cho vùng lũ.",
			"3. Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát tình hình, báo cáo Thủ tướng.",
			"Yêu cầu các Bộ, ngành, địa phương nghiêm túc thực hiện Công điện này./.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế\",,,,,1,2,unit", "unit: task: the ministers of the listed ministries");
		has(csv, ",\"Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế\",,,,,1,3,unit", "unit: task: their second task");
		has(csv, ",\"Khẩn trương khắc phục các đoạn đường bị sạt lở, bảo đảm thông xe.\",Bộ Xây dựng,,,,,1,4,unit",
		    "unit: task: the task after the colon, in capitals");
		has(csv, ",Bộ Công Thương,,,,,1,5,unit", "unit: task: a paragraph 'Unit: Task' is that unit's");
		has(csv, ",Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia,,,,,1,6,unit", "unit: task: 'Ban chỉ đạo' is a name");
		CHECK(count(csv, "\r\n") == 5, "unit: task: five rows, none for the closing request to all");
		free(csv);
	}


	/* a deadline that comes back every year, without a year of its own */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Nội vụ",
			"- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/11 hằng năm.",
			"- Theo dõi việc thực hiện trước ngày 20/11 của các đơn vị.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Nội vụ,,,trước ngày 20/11 hằng năm,,1,3,unit", "every year: the day and 'hằng năm' as written");
		has(csv, ",Sở Nội vụ,,,,,1,4,unit", "every year: a day without a year or 'hằng năm' is no deadline");
		free(csv);
	}

	/* an hour before the day of a deadline */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Tư pháp",
			"- Gửi danh sách đại biểu về Sở Nội vụ trước 9 giờ ngày 05 tháng 3 năm 2026.",
			"- Gửi báo cáo về Sở Nội vụ trước 16 giờ 30 phút, ngày 12/3/2026 để tổng hợp.",
			"- Xác nhận qua thư điện tử trước 10h, ngày 20/3/2026.",
			"- Chuẩn bị tài liệu trước 8 giờ 15/3 để phát.",
			"- Gửi văn bản cử người về Sở Nội vụ chậm nhất là ngày 20 tháng 3 năm 2026.",
			"- Nộp hồ sơ chậm nhất ngày 25/3/2026.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Tư pháp,,,2026-03-05,,1,3,unit", "hour: 'trước 9 giờ ngày …' in words as ISO");
		has(csv, ",Sở Tư pháp,,,2026-03-12,,1,4,unit", "hour: hour, minutes and a comma before the day");
		has(csv, ",Sở Tư pháp,,,2026-03-20,,1,5,unit", "hour: '10h' before the day");
		has(csv, ",Sở Tư pháp,,,,,1,6,unit", "hour: a day without a year is no deadline");
		has(csv, ",Sở Tư pháp,,,2026-03-20,,1,7,unit", "latest: 'chậm nhất là ngày …' in words as ISO");
		has(csv, ",Sở Tư pháp,,,2026-03-25,,1,8,unit", "latest: 'chậm nhất ngày …'");
		free(csv);
	}

	/* items whose unit attends a meeting or sends someone: the verb ends the unit's name */
	{
		static const char *const l[] = {
			"Sở Nội vụ trân trọng đề nghị:",
			"1. Sở Tài chính: Chuẩn bị tài liệu phát tại Hội nghị.",
			"2. Các sở, ban, ngành dự Hội nghị đúng thành phần được mời; xác nhận trước 9 giờ ngày 02/4/2026.",
			"3. Các huyện, thị xã cử 01 cán bộ làm đầu mối theo dõi việc thực hiện.",
			"4. Ủy ban nhân dân các xã tham dự buổi làm việc với Đoàn kiểm tra của tỉnh.",
			"5. Ban Quản lý dự án Giao thông tỉnh hoàn thành hồ sơ.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"Các sở, ban, ngành\",,,2026-04-02,,1,3,unit", "attend: 'dự Hội nghị' ends the units' names");
		has(csv, ",\"Các huyện, thị xã\",,,,,1,4,unit", "attend: 'cử 01 cán bộ' ends the units' names");
		has(csv, ",Ủy ban nhân dân các xã,,,,,1,5,unit", "attend: 'tham dự' ends the unit's name");
		has(csv, ",Ban Quản lý dự án Giao thông tỉnh,,,,,1,6,unit", "attend: 'dự án' in a name is no verb");
		free(csv);
	}

	/* a letter that guides units: a unit named first with what it is asked to do has a task; the
	 * same sentences in a report say what was done */
	{
		static const char *const l[] = {
			"V/v hướng dẫn chấm điểm Chỉ số năm 2026",
			"Kính gửi: Các sở, ban, ngành tỉnh.",
			"1. Về tự chấm điểm",
			"Căn cứ kết quả thực tế đạt được, các sở, ngành triển khai tự chấm điểm đối với từng tiêu chí.",
			"Các sở, ngành rà soát và gửi kết quả chấm điểm về Sở Nội vụ qua phần mềm.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",\"các sở, ngành\",,,,,1,4,prose", "guide: the units after the opening clause");
		has(csv, ",\"Các sở, ngành\",,,,,1,5,prose", "guide: the units named first");
		CHECK(count(csv, "\r\n") == 2, "guide: two rows");
		free(csv);
		static const char *const r[] = {
			"V/v báo cáo kết quả chấm điểm Chỉ số năm 2026",
			"Kính gửi: Bộ Nội vụ.",
			"1. Về tự chấm điểm",
			"Căn cứ kết quả thực tế đạt được, các sở, ngành triển khai tự chấm điểm đối với từng tiêu chí.",
			"Các sở, ngành rà soát và gửi kết quả chấm điểm về Sở Nội vụ qua phần mềm.",
		};
		csv = rows_of(ctx, r, sizeof r / sizeof *r);
		CHECK(count(csv, "\r\n") == 0, "guide: a report's sentences give no row");
		free(csv);
	}

	/* under "Tổ chức thực hiện", a sentence that asks units in lower case over the items below it */
	{
		static const char *const l[] = {
			"3. Tổ chức thực hiện",
			"Để việc chấm điểm bảo đảm tiến độ, chất lượng, hiệu quả, Sở Nội vụ đề nghị các sở, ngành quan tâm,",
			"chỉ đạo thực hiện một số nội dung sau:",
			"- Chỉ đạo các đơn vị trực thuộc tổng hợp đầy đủ số liệu thống kê.",
			"- Quan tâm bố trí kinh phí cho các đơn vị thực hiện.",
			"Trên đây là hướng dẫn của Sở Nội vụ, đề nghị các sở, ngành phản ánh vướng mắc về Sở Nội vụ.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Chỉ đạo các đơn vị trực thuộc tổng hợp đầy đủ số liệu thống kê.,\"các sở, ngành\",,,,,1,4,unit",
		    "asked: the first item, the units asked");
		has(csv, "Quan tâm bố trí kinh phí cho các đơn vị thực hiện.,\"các sở, ngành\",,,,,1,5,unit", "asked: the second item");
		CHECK(count(csv, "\r\n") == 2, "asked: two rows, none for the closing request");
		free(csv);
	}


	/* articles: the next article ends the open unit's tasks, and its own units open theirs */
	{
		static const char *const l[] = {
			"IV. TỔ CHỨC THỰC HIỆN",
			"1. Sở Xây dựng",
			"a) Hướng dẫn hồ sơ cấp phép xây dựng trên cổng dịch vụ công.",
			"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
			"Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, "\r\n") == 1 && count(csv, "Điều") == 0, "articles: the closing articles are no tasks");
		free(csv);
		static const char *const l2[] = {
			"II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN",
			"Điều 4. Trách nhiệm cấp giấy phép",
			"1. Sở Xây dựng cấp giấy phép cho công trình cấp I.",
			"2. Ủy ban nhân dân cấp xã xem xét cấp giấy phép cho nhà ở riêng lẻ.",
			"Điều 5. Trách nhiệm kiểm tra",
			"1. Sở Xây dựng kiểm tra công trình cấp I.",
			"2. Ủy ban nhân dân cấp xã kiểm tra nhà ở riêng lẻ.",
		};
		csv = rows_of(ctx, l2, sizeof l2 / sizeof *l2);
		has(csv, "Sở Xây dựng kiểm tra công trình cấp I.,Sở Xây dựng,,,,,1,6,unit", "articles: the next article's units");
		CHECK(count(csv, "\r\n") == 4 && count(csv, "Trách nhiệm") == 0, "articles: four rows, no article title as a task");
		free(csv);
	}


	/* a group lettered "đ)" over its sub-items */
	{
		static const char *const l[] = {
			"1. Sở Y tế",
			"đ) Phòng chống dịch bệnh mùa mưa",
			"(1) Phun hóa chất tại các điểm ngập úng.",
			"(2) Cấp phát thuốc cho trạm y tế xã.",
			"2. Sở Nội vụ",
			"a) Tổng hợp kết quả thi đua.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, "\r\n") == 3 && count(csv, ",1,2,unit") == 0, "group đ): its sub-items are the tasks");
		free(csv);
	}

	/* a telegram's numbered paragraphs that name a unit over its bullets, outside unit sections */
	{
		static const char *const l[] = {
			"Thủ tướng Chính phủ chỉ đạo như sau:",
			"(1) Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan:",
			"- Rà soát nguồn cung xăng dầu trong quý IV.",
			"Báo cáo kết quả hằng tháng.",
			"- Kiểm tra các cửa hàng bán lẻ trước ngày 30/11/2025.",
			"(2) Các Bộ, cơ quan, địa phương theo chức năng, nhiệm vụ được giao:",
			"- Theo dõi sát giá cả thị trường.",
			"- Bộ Tài chính khẩn trương hướng dẫn kê khai giá mới.",
			"Xem chi tiết tại trang thông tin điện tử.",
			"Bài viết liên quan:",
			"- Giá xăng dầu hôm nay.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Rà soát nguồn cung xăng dầu trong quý IV. Báo cáo kết quả hằng tháng.,Bộ Công Thương,các cơ quan liên quan,",
		    "list: a bullet under '(1) Bộ X chủ trì …:', the paragraph after it goes on");
		has(csv, "Kiểm tra các cửa hàng bán lẻ trước ngày 30/11/2025.,Bộ Công Thương,các cơ quan liên quan,,2025-11-30,",
		    "list: the second bullet, its deadline");
		has(csv, "Theo dõi sát giá cả thị trường.,\"Các Bộ, cơ quan, địa phương\",", "list: '(2) Các Bộ … theo chức năng …:'");
		has(csv, ",Bộ Tài chính,", "list: a bullet that names its own unit");
		CHECK(count(csv, "\r\n") == 4, "list: four rows, none after the paragraph that ends the list");
		free(csv);
	}

	/* a telegram's numbered paragraphs that ask their unit in one sentence */
	{
		static const char *const l[] = {
			"Thủ tướng Chính phủ yêu cầu:",
			"(1) Thanh tra Chính phủ khẩn trương tổ chức thanh tra hoạt động kinh doanh xăng dầu.",
			"(2) Các Tập đoàn kinh tế, Tổng công ty nhà nước phát huy vai trò dẫn dắt thị trường.",
			"(3) Bộ Công Thương đã hoàn thành việc rà soát nguồn cung trong quý III.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Thanh tra Chính phủ,", "numbered: '(1) Thanh tra Chính phủ khẩn trương …'");
		has(csv, ",\"Các Tập đoàn kinh tế, Tổng công ty nhà nước\",", "numbered: '(2) Các Tập đoàn … phát huy …'");
		CHECK(count(csv, "\r\n") == 2, "numbered: what a unit has done is no task");
		free(csv);
	}

	/* a unit named with the places it covers, going on, over bullets */
	{
		static const char *const l[] = {
			"Thủ tướng Chính phủ yêu cầu:",
			("Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế và Đà Nẵng tiếp tục chỉ đạo các "
			 "lực lượng tại chỗ, trong đó tập trung một số nhiệm vụ sau:"),
			"- Sơ tán người dân khỏi vùng sạt lở.",
			"- Sửa chữa trường học trước ngày 15/12/2025.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "Sơ tán người dân khỏi vùng sạt lở.,\"Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế và Đà Nẵng\",",
		    "places: the unit's name takes the places after its colon");
		has(csv, ",2025-12-15,", "places: the second bullet, its deadline");
		free(csv);
	}

	/* a telegram: the summary before its first numbered unit is read as prose (a unit over
	 * bullets); a unit heading whose own long sentence ends with a colon is a task too, and so
	 * is each item under it; a short "Bộ X chủ trì:" is not */
	{
		static const char *const l[] = {
			"Thủ tướng Chính phủ yêu cầu:",
			"Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai tiếp tục phân công nhiệm vụ cụ thể cho từng đồng chí trong Thường vụ xuống tận phường, xã, bám sát cơ sở để nắm tình hình, tập trung chỉ đạo, trong đó tập trung một số nhiệm vụ sau:",
			"- Sơ tán người dân khỏi vùng sạt lở.",
			"- Sửa chữa trường học trước ngày 15/12/2025.",
			"Thủ tướng Chính phủ yêu cầu:",
			"1. Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai tiếp tục phân công nhiệm vụ cụ thể cho từng đồng chí trong Thường vụ xuống tận phường, xã, bám sát cơ sở để nắm tình hình, tập trung chỉ đạo, trong đó tập trung một số nhiệm vụ sau:",
			"(1) Huy động lực lượng tiếp cận các hộ dân bị cô lập.",
			"(2) Bố trí chỗ ở tạm cho Nhân dân.",
			"2. Bộ trưởng Bộ Tài chính chủ trì:",
			"(1) Hoàn thiện dự thảo Nghị quyết của Chính phủ.",
			"3. Bộ trưởng Bộ Y tế chỉ đạo các địa phương khôi phục các cơ sở y tế.",
			"4. Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các ngân hàng triển khai các chính sách tín dụng.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, "Sơ tán người dân khỏi vùng sạt lở.,\"Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai\",") == 1,
		      "summary: a bullet of the unit named before the first numbered unit");
		CHECK(count(csv, "tiếp tục phân công nhiệm vụ cụ thể") == 2, "summary: the unit's own task, in the summary and under 1.");
		has(csv, "(2) Bố trí chỗ ở tạm cho Nhân dân.,\"Bí thư tỉnh ủy và Chủ tịch", "summary: the items under the heading");
		CHECK(count(csv, "Bộ trưởng Bộ Tài chính") == 1, "summary: a short heading over its items is no task of its own");
		has(csv, ",Thống đốc Ngân hàng Nhà nước Việt Nam,", "summary: a governor heads a unit");
		CHECK(count(csv, "\r\n") == 9, "summary: nine rows");
		free(csv);
	}

	/* a unit heading that lists companies after a colon, one name cut by a line starting "- "
	 * (the rest of "Công nghiệp - Viễn thông Quân đội"), in a conclusion's numbered topics */
	{
		static const char *const l[] = {
			"III. KẾT LUẬN",
			"9. Về hạ tầng viễn thông: giao Bộ Khoa học và Công nghệ hướng dẫn các Tập đoàn triển khai thực hiện.",
			"10. Các Bộ, cơ quan liên quan và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn thông Việt Nam, Công nghiệp",
			"- Viễn thông Quân đội theo chức năng, nhiệm vụ và thẩm quyền, phối hợp chặt chẽ với Tỉnh xử lý các kiến nghị.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "\"Các Bộ, cơ quan liên quan và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội\",Tỉnh,",
		    "companies: the whole list is the lead, the line after the dash goes on the heading");
		CHECK(strstr(csv, ",Viễn thông Quân đội,") == NULL, "companies: no unit named by the half of a name");
		free(csv);
	}

	/* a scanned conclusion: items "(1). Bộ X" alone over bullets, "(2). Bộ Y chủ trì …", and
	 * list items whose dash the scan lost (a paragraph that starts with a task's verb) */
	{
		static const char *const l[] = {
			"b) Các nhiệm vụ cụ thể",
			"(1). Bộ Kế hoạch và Đầu tư",
			"- Phối hợp với Bộ Tài chính theo dõi sát tiến độ giải ngân vốn đầu tư công.",
			"Tổng hợp đầy đủ đề xuất, kiến nghị của các bộ, cơ quan, địa phương.",
			"(2). Bộ Xây dựng phối hợp với Bộ Giao thông vận tải theo dõi sát thị trường vật liệu xây dựng.",
			"(3). Ủy ban nhân dân các tỉnh, thành phố",
			"- Tập trung đẩy mạnh công tác giải phóng mặt bằng.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "giải ngân vốn đầu tư công.,Bộ Kế hoạch và Đầu tư,Bộ Tài chính,", "scan: the bullet of \"(1). Bộ X\"");
		has(csv, "\"Tổng hợp đầy đủ đề xuất, kiến nghị của các bộ, cơ quan, địa phương.\",Bộ Kế hoạch và Đầu tư,", "scan: an item whose dash was lost");
		has(csv, ",Bộ Xây dựng,Bộ Giao thông", "scan: \"(2). Bộ Xây dựng phối hợp …\"");
		has(csv, "Tập trung đẩy mạnh công tác giải phóng mặt bằng.,\"Ủy ban nhân dân các tỉnh, thành phố\",", "scan: the bullet of \"(3). Ủy ban …\"");
		CHECK(count(csv, "\r\n") == 4, "scan: four rows");
		free(csv);
	}

	/* a news report of conclusions: after "Kết luận …", the unit a leader asks ("Thủ tướng chỉ
	 * đạo Bộ X …", "đề nghị các doanh nghiệp …"), a unit named first with what it is asked to do,
	 * and the paragraphs right after that start with a task's verb and end their sentence; not
	 * before the conclusion, not a subheading without a period, not a unit that "đã" did */
	{
		static const char *const l[] = {
			"Bộ Xây dựng rà soát các dự án bất động sản trong quý I.",
			"Kết luận hội nghị, Thủ tướng Chính phủ đánh giá cao các ý kiến của các đại biểu.",
			"Nghiên cứu tích hợp quy định về thủ tục đầu tư thành một nghị định",
			"Người đứng đầu Chính phủ chỉ đạo Bộ Xây dựng phối hợp với các địa phương kiểm tra các dự án còn khó khăn.",
			"Khẩn trương xây dựng các nghị quyết của Chính phủ khi được ban hành;",
			"Rà soát các dự án có dấu hiệu vi phạm",
			"Bộ Tài chính khẩn trương nghiên cứu ban hành chính sách đánh thuế bất động sản không sử dụng.",
			"Bộ Công an đã xử lý nhiều vụ việc vi phạm.",
			"Thủ tướng đề nghị các doanh nghiệp chủ động rà soát, tái cấu trúc danh mục dự án đầu tư.",
		};
		/* the text normalize reflowed: one paragraph per line */
		sohoa_text *t = text_of_lines(l, sizeof l / sizeof *l);
		for (size_t i = 0; i < t->nlines; i++)
			t->lines[i].line_end = t->lines[i].line + 1;
		sohoa_buf out = {0};
		const sohoa_extractor *ex = sohoa_extractor_find("responsibilities");
		CHECK(ex && ex->run(ctx, NULL, t, &out) == SOHOA_OK, "conclusions: extracted");
		char *csv = out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
		sohoa_text_free(t);
		has(csv, "kiểm tra các dự án còn khó khăn.,Bộ Xây dựng,các địa phương,", "conclusions: the unit the leader asks");
		has(csv, "Khẩn trương xây dựng các nghị quyết của Chính phủ khi được ban hành;,Bộ Xây dựng,", "conclusions: the paragraph after goes on");
		has(csv, ",Bộ Tài chính,", "conclusions: a unit named first with what it is asked");
		has(csv, ",các doanh nghiệp,", "conclusions: \"đề nghị các doanh nghiệp\"");
		CHECK(strstr(csv, "trong quý I") == NULL, "conclusions: nothing before the conclusion");
		CHECK(strstr(csv, "Rà soát các dự án có dấu hiệu") == NULL, "conclusions: no subheading");
		CHECK(strstr(csv, "Bộ Công an") == NULL, "conclusions: not what a unit did");
		CHECK(count(csv, "\r\n") == 4, "conclusions: four rows");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

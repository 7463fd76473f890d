/* Unit tests of scoring schemes (schemes.csv) and of what scores.csv leaves out or names: small
 * texts written for these tests, each a statement kind the grammar must read one way. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"
#include "extract-fixture.h"

#include <stdlib.h>
#include <string.h>

/* Run extractor kind on lines; every string of want must be in its CSV, and it must have nrows
 * rows (-1: any number). */
static void expect(sohoa_ctx *ctx, const char *kind, const char *const *lines, size_t n, int nrows,
		   const char *const *want, const char *name)
{
	sohoa_text *t = text_of_lines(lines, n);
	char *csv = run_ex(ctx, kind, t);
	int ok = nrows < 0 || count_rows(csv) == (size_t)nrows;
	for (size_t i = 0; want && want[i]; i++)
		ok = ok && strstr(csv, want[i]) != NULL;
	CHECK(ok, name);
	if (!ok)
		printf("    %s got:\n%s\n", kind, csv);
	free(csv);
	sohoa_text_free(t);
}

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);

	/* columns: both carry a confidence */
	{
		const sohoa_extractor *s = sohoa_extractor_find("schemes"), *c = sohoa_extractor_find("scores");
		int n = 0, last_conf = 0;
		for (; s && s->columns[n]; n++)
			;
		CHECK(s && n == 10 && !strcmp(s->columns[1], "kind") && !strcmp(s->columns[9], "confidence"),
		      "schemes: columns doc,kind,criterion,max,points,condition,page,line,text,confidence");
		for (n = 0; c && c->columns[n]; n++)
			last_conf = !strcmp(c->columns[n], "confidence");
		CHECK(last_conf, "scores: confidence is the last column");
	}

	/* a criterion's maximum in parentheses after its heading; no score */
	const char *const *crit = LINES("1. Công tác tuyên truyền, phổ biến (15 điểm).");
	expect(ctx, "schemes", crit, 1, 1, WANT("t,criterion,\"Công tác tuyên truyền, phổ biến\",15,,,1,1,"),
	       "schemes: (15 điểm) is the heading's maximum");
	expect(ctx, "scores", crit, 1, 0, NULL, "scores: (15 điểm) of a heading is no score");
	expect(ctx, "criteria", crit, 1, 1, WANT("t,1,,1,\"Công tác tuyên truyền, phổ biến (15 điểm)\",,15,1,1"),
	       "criteria: the heading carries the scheme's maximum");

	/* caps and their kind from the label */
	expect(ctx, "schemes", LINES("3. Điểm thưởng: tối đa 05 điểm.", "4. Điểm trừ: tối đa (04 điểm)."), 2, 2,
	       WANT("t,bonus,Điểm thưởng,5,,,1,1,", "t,penalty,Điểm trừ,4,,,1,2,"),
	       "schemes: a capped bonus and penalty, kind from the label");

	/* rules: points under a condition; the thresholds are conditions, not scores */
	const char *const *bonus = LINES("Đạt từ 80 - 90% cộng 01 điểm; trên 90% cộng 02 điểm.");
	expect(ctx, "schemes", bonus, 1, 2, WANT("t,bonus,,,1,Đạt từ 80 - 90%,", "t,bonus,,,2,trên 90%,"),
	       "schemes: cộng N điểm under a threshold is a bonus rule");
	expect(ctx, "scores", bonus, 1, 0, NULL, "scores: the thresholds of a bonus rule are no targets");
	expect(ctx, "schemes", LINES("Mỗi báo cáo chậm hạn bị trừ 0,5 điểm."), 1, 1,
	       WANT("t,penalty,,,0.5,Mỗi báo cáo chậm hạn,"), "schemes: bị trừ N điểm is a penalty rule");
	/* a deduction naming what loses the points between its verb and the figure */
	const char *const *deduct = LINES("b) Người nộp hồ sơ thực hiện hành vi quy định tại khoản 2 Điều này bị trừ điểm "
					  "thẻ thành viên 03 điểm;",
					  "c) Thực hiện hành vi quy định tại khoản 4 Điều này còn bị trừ điểm thẻ thành viên "
					  "(khi vượt trên 20% hạn mức) 05 điểm.");
	expect(ctx, "schemes", deduct, 2, 2,
	       WANT("t,penalty,trừ điểm thẻ thành viên,,3,", "t,penalty,trừ điểm thẻ thành viên (khi vượt trên 20% hạn mức),,5,"),
	       "schemes: bị trừ điểm X N điểm is a penalty rule");
	expect(ctx, "scores", deduct, 2, 0, NULL, "scores: a deduction and its threshold are no scores");
	expect(ctx, "schemes", LINES("Thẻ không bị trừ điểm trong 6 tháng kể từ ngày bị trừ điểm lần cuối thì được khôi phục "
				     "đủ 20 điểm."),
	       1, 0, NULL, "schemes: points restored after thì are no deduction");
	/* a test's scale ending its sentence; a marking's granularity states no criterion */
	expect(ctx, "schemes",
	       LINES("Bài thi viết được chấm theo thang điểm 20.",
		     "Đáp án phải có thang điểm chi tiết, tối thiểu là 0,5 điểm và tối đa là 1 điểm (thang điểm 20)."),
	       2, 1, WANT("t,criterion,Bài thi viết,20,,,1,1,"),
	       "schemes: thang điểm N. is a scale, thang điểm chi tiết no criterion");
	/* the thresholds of a punished act are no measurements; a result in a report stays one */
	expect(ctx, "scores",
	       LINES("3. Phạt tiền từ 1.000.000 đồng đến 2.000.000 đồng đối với một trong các hành vi vi phạm sau đây:",
		     "a) Bán hàng vượt giá niêm yết trên 5% đến 15%;",
		     "b) Thực hiện hành vi quy định tại khoản 1 Điều này trong trường hợp kho chứa vượt trên 40% sức chứa.",
		     "4. Phạt tiền đến 20% giá trị hàng hóa vi phạm đối với tổ chức tái phạm."),
	       4, 0, NULL, "scores: the thresholds and rates of a sanction are no scores");
	expect(ctx, "scores",
	       LINES("Kết quả thanh tra:", "a) Tỷ lệ cơ sở vi phạm năm 2024 giảm 12% so với năm 2023;"), 2, 1,
	       WANT(",change,"), "scores: a change in a report's list is still a fact");
	expect(ctx, "schemes",
	       LINES("a) Diện tích tự nhiên: từ 100 km2 trở xuống được tính 10 điểm; trên 100 km2 thì cứ thêm 20 km2 "
		     "được tính thêm 0,5 điểm, nhưng tối đa không quá 20 điểm;"),
	       1, 3,
	       WANT("t,criterion,Diện tích tự nhiên,,10,từ 100 km2 trở xuống,", "t,criterion,Diện tích tự nhiên,,0.5,cứ thêm 20 km2,",
		    "t,criterion,Diện tích tự nhiên,20,,"),
	       "schemes: được tính (thêm) N điểm rules and their cap under a label");
	expect(ctx, "schemes", LINES("Mỗi lớp học được mở cho 1 điểm."), 1, 1, WANT("t,criterion,,,1,Mỗi lớp học được mở,"),
	       "schemes: mỗi … cho N điểm is a rule");

	/* a rule's criterion: the indicator its own words name, not the group heading above it */
	expect(ctx, "schemes",
	       LINES("2. Hạ tầng:", "b) Tỷ lệ hộ dùng điện lưới từ 80% trở xuống được tính 2 điểm; trên 80% thì cứ thêm 5% "
				    "được tính thêm 0,5 điểm.",
		     "c) Có từ 15% đến 25% diện tích là rừng phòng hộ được tính 1 điểm.",
		     "d) Tỷ lệ dân số đô thị có điện từ 90% trở lên được tính 3 điểm."),
	       4, 4,
	       WANT("t,criterion,Tỷ lệ hộ dùng điện lưới,,2,", "t,criterion,Tỷ lệ hộ dùng điện lưới,,0.5,",
		    "t,criterion,diện tích là rừng phòng hộ,,1,", "t,criterion,Tỷ lệ dân số đô thị có điện,,3,"),
	       "schemes: a rule's criterion is the indicator it names before its condition");
	expect(ctx, "schemes", LINES("**3. Độ che phủ rừng** từ 40% trở xuống được tính 2 điểm."), 1, 1,
	       WANT("t,criterion,Độ che phủ rừng,,2,"), "schemes: a rule's indicator without its emphasis marks");
	expect(ctx, "schemes", LINES("4. Yếu tố khác:", "c) Có khu bảo tồn biển được", "UNESCO ghi danh được tính 2 điểm."), 3, 1,
	       WANT("t,criterion,khu bảo tồn biển được UNESCO ghi danh,,2,"),
	       "schemes: a heading line ending in được goes on in the next line");
	/* a bonus rule named by its own words carries the label of its section */
	expect(ctx, "schemes",
	       LINES("Điều 5. Điểm thưởng trong đánh giá", "1. Đơn vị có tỷ lệ hồ sơ trực tuyến đạt từ 95% trở lên thì được cộng 3 điểm."),
	       2, 1, WANT("t,bonus,Điểm thưởng: tỷ lệ hồ sơ trực tuyến,,3,"), "schemes: a bonus rule's indicator under its label");
	/* points given at a threshold on an amount are a rule, a result by a date is not */
	const char *const *step = LINES("- Đến 40.000 người được 6 điểm;", "- Trên 40.000 người, được thêm 2 điểm.");
	expect(ctx, "schemes", step, 2, 2, WANT("t,criterion,,,6,", "t,criterion,,,2,"),
	       "schemes: được N điểm up to a threshold is a rule");
	expect(ctx, "scores", step, 2, 0, NULL, "scores: points up to a threshold are no scores");
	expect(ctx, "schemes", LINES("Tính đến 30/6/2025, Sở Xây dựng được 86 điểm."), 1, 0, NULL,
	       "schemes: được N điểm by a date is a result");
	expect(ctx, "schemes",
	       LINES("e) Tỷ lệ hồ sơ được số hóa trên tổng số hồ sơ tiếp nhận từ 60% trở xuống được tính 2 điểm."), 1, 1,
	       WANT("t,criterion,Tỷ lệ hồ sơ được số hóa,,2,"), "schemes: a rate's denominator is no part of its indicator");
	/* a rule for a kind of unit: the unit and the heading that names the criterion */
	expect(ctx, "schemes",
	       LINES("1. Quy mô dân số:", "a) Huyện từ 50.000 người trở xuống được tính 5 điểm;",
		     "b) Huyện miền núi có điểm du lịch được tính 2 điểm."),
	       3, 2, WANT("t,criterion,Huyện: Quy mô dân số,,5,", "t,criterion,Huyện miền núi có điểm du lịch,,2,"),
	       "schemes: a unit before its condition takes the heading's criterion");
	/* a band named by the class it puts units in */
	expect(ctx, "schemes",
	       LINES("Điều 3. Khung điểm xếp hạng", "2. Đơn vị được phân loại B khi có tổng số điểm từ 50 điểm đến dưới 70 điểm."),
	       2, 1, WANT("t,band,loại B,70,50,"), "schemes: a band named by phân loại B");

	expect(ctx, "schemes",
	       LINES("Điều 6. Xếp loại công chức", "2. Hoàn thành tốt nhiệm vụ",
		     "Được xếp loại nếu không đạt tiêu chí xếp loại chất lượng quy định tại khoản 1 và có tổng số điểm từ 70 "
		     "điểm trở lên."),
	       3, 1, WANT("t,band,Hoàn thành tốt nhiệm vụ,,70,"), "schemes: xếp loại chất lượng names no class");

	/* "criterion: N điểm" items of a scheme, the scale in a label, a capped bonus, a penalty per case */
	const char *const *labelled = LINES("IV. TIÊU CHUẨN, THANG ĐIỂM", "1. Thang điểm: 100 điểm, trong đó:",
					    "- Tổ chức phát động phong trào: 20 điểm.", "- Công tác tuyên truyền: 80 điểm.",
					    "2. Điểm thưởng: đơn vị có mô hình mới được cộng 5 điểm (tối đa không quá 10 điểm).",
					    "3. Điểm trừ: đơn vị chậm gửi báo cáo trừ 2 điểm/lần.");
	expect(ctx, "schemes", labelled, 6, 6,
	       WANT("t,criterion,Thang điểm,100,,,1,2,", "t,criterion,Tổ chức phát động phong trào,20,,,1,3,",
		    "t,criterion,Công tác tuyên truyền,80,,,1,4,", "t,bonus,Điểm thưởng,,5,đơn vị có mô hình mới,1,5,",
		    "t,bonus,Điểm thưởng,10,,,1,5,", "t,penalty,Điểm trừ,,2,đơn vị chậm gửi báo cáo,1,6,"),
	       "schemes: criterion: N điểm items, a scale, a capped bonus, a penalty");
	expect(ctx, "scores", labelled, 6, 0, NULL, "scores: a scheme's items are no scores");

	/* not rows: the granularity of marking, a negated rule; and no score either */
	const char *const *grain = LINES("Cho điểm lẻ đến 0,25 điểm; không có nội dung nào chấm 0 điểm.");
	expect(ctx, "schemes", grain, 1, 0, NULL, "schemes: điểm lẻ and a negated rule are not rows");
	expect(ctx, "scores", grain, 1, 0, NULL, "scores: điểm lẻ is no score");

	/* bands under a classification article */
	const char *const *bands = LINES("Điều 7. Xếp loại", "1. Loại A: đạt từ 90 điểm trở lên.",
					 "2. Loại B: từ 70 điểm đến dưới 90 điểm; trong đó có ít nhất 50% nội dung đạt.",
					 "3. Loại C: dưới 70 điểm.");
	expect(ctx, "schemes", bands, 4, 3,
	       WANT("t,band,Loại A,,90,", "t,band,Loại B,90,70,", "t,band,Loại C,70,,"),
	       "schemes: bands with their bounds and names");
	expect(ctx, "scores", bands, 4, 0, NULL, "scores: a band's bounds and conditions are no scores");

	/* a points table: header, row numbers, titles, points cells */
	expect(ctx, "schemes",
	       LINES("STT", "", "", "Nội dung", "", "", "Điểm tối đa", "", "", "Ghi chú", "", "", "1", "", "", "Tổ chức hội nghị",
		     "", "", "10", "", "", "Có biên bản.", "", "", "2", "", "", "Điểm cộng", "", "", "5", "", "", "Vượt kế hoạch.", "",
		     "", "3", "", "", "Tổng cộng", "", "", "15"),
	       43, 3, WANT("t,criterion,Tổ chức hội nghị,10,,,1,19,", "t,bonus,Điểm cộng,5,,,1,31,", "t,criterion,Tổng cộng,15,"),
	       "schemes: a points table's rows, a bonus row, the total");

	/* a result in points is a score, not a scheme */
	const char *const *result = LINES("Sở Tư pháp đạt được 85 điểm, xếp thứ 3/20 sở, ngành.");
	expect(ctx, "schemes", result, 1, 0, NULL, "schemes: đạt được 85 điểm is a result");
	expect(ctx, "scores", result, 1, 2, WANT(",Sở Tư pháp,score,=,85,,điểm,", ",Sở Tư pháp,rank,=,,,,,3,20,"),
	       "scores: a result in points and its rank");

	/* statements that are not facts */
	expect(ctx, "scores", LINES("Tỷ lệ hoàn thành = Số việc xong / Số việc giao x 100%."), 1, 0, NULL,
	       "scores: a formula is no fact");
	expect(ctx, "scores",
	       LINES("Tỷ lệ hộ có nước sạch đạt 90%.", "3 Khoản này được bổ sung theo Thông tư số 05/2023/TT-BNV, tỷ lệ 30%."),
	       2, 1, WANT(",Tỷ lệ hộ có nước sạch,score,=,90,"), "scores: a footnote states no fact");
	expect(ctx, "scores", LINES("Đối với xã có tỷ lệ dưới 40% thì có thể điều chỉnh kế hoạch."), 1, 0, NULL,
	       "scores: a condition is no fact");
	expect(ctx, "scores", LINES("Xét tặng Bằng khen không quá 15% tổng số tập thể."), 1, 0, NULL,
	       "scores: an award quota is no fact");
	expect(ctx, "scores", LINES("Toàn tỉnh còn 25 điểm ngập úng."), 1, 0, NULL, "scores: điểm counting places is no score");
	expect(ctx, "scores", LINES("Năm 2025: 30%."), 1, 0, NULL, "scores: a figure with no noun phrase is dropped");

	/* subjects */
	expect(ctx, "scores", LINES("(2) 95% số hộ gia đình được sử dụng nước sạch;"), 1, 1,
	       WANT(",tỷ lệ hộ gia đình được sử dụng nước sạch,"), "scores: a clause-initial percentage names the rate");
	expect(ctx, "scores", LINES("Thu ngân sách 6 tháng ước đạt 1.200 tỷ đồng, bằng 55,2% dự toán năm."), 1, 1,
	       WANT(",Thu ngân sách 6 tháng so với dự toán năm,score,=,55.2,"), "scores: a ratio names its reference");
	expect(ctx, "scores", LINES("Tỷ lệ giải ngân đạt 60%, cao hơn so với bình quân cả nước (45%)."), 1, 2,
	       WANT(",Tỷ lệ giải ngân,score,=,60,", ",Tỷ lệ giải ngân bình quân cả nước,score,=,45,"),
	       "scores: a value in parentheses after so với is the comparator's");
	expect(ctx, "scores", LINES("Phấn đấu tỷ lệ hộ nghèo giảm xuống dưới 2% vào năm 2026."), 1, 1,
	       WANT(",tỷ lệ hộ nghèo,target,<,2,,%,,,,,,2026,"), "scores: the year after the figure, op from dưới");
	expect(ctx, "scores", LINES("Chỉ số năng lực cạnh tranh đạt 68,5 điểm, vượt kịch bản đề ra, xếp thứ 12/63."), 1, 2,
	       WANT(",Chỉ số năng lực cạnh tranh,rank,=,,,,,12,63,"), "scores: a rank after a verb phrase takes the row's subject");
	expect(ctx, "scores", LINES("Hoàn thành 100% các nhiệm vụ được giao trước ngày 15/12/2025."), 1, 1,
	       WANT(",các nhiệm vụ được giao,target,"), "scores: an action's object; a deadline makes a target");

	/* each value its own row: a change after a share of the plan, a change naming its own object */
	expect(ctx, "scores", LINES("Số thuê bao cáp quang đạt 85% kế hoạch, tăng 4% so với cùng kỳ."), 1, 2,
	       WANT(",score,=,85,,%,,,,,", ",change,=,,,,,,,4,%,"), "scores: a change after a share of the plan is its own row");
	expect(ctx, "scores", LINES("Tỷ lệ trẻ em được tiêm chủng đạt 95%; giảm 30% số ca mắc sởi."), 1, 2,
	       WANT(",score,=,95,", ",số ca mắc sởi,"), "scores: a change naming its own object is its own row");
	/* subjects: the comparator of the indicator before, a second ratio joined by và, past an appraisal */
	expect(ctx, "scores", LINES("Doanh thu bán lẻ tăng 11,2% (bình quân cả nước tăng 8,1%)."), 1, 2,
	       WANT(",Doanh thu bán lẻ bình quân cả nước,change,"), "scores: a comparator's value names the indicator before");
	expect(ctx, "scores", LINES("Thu nội địa 9 tháng đạt 91,5% dự toán Trung ương giao và 80,2% dự toán tỉnh giao."), 1, 2,
	       WANT(",Thu nội địa 9 tháng so với dự toán tỉnh giao,score,=,80.2,"), "scores: a second ratio joined by và");
	expect(ctx, "scores", LINES("Du lịch phục hồi tích cực, lượng khách quốc tế tăng 21,4% so cùng kỳ."), 1, 1,
	       WANT(",lượng khách quốc tế,change,"), "scores: the measured phrase starts past an appraisal clause");
	expect(ctx, "scores",
	       LINES("Bộ máy mới vận hành bảo đảm thông suốt, hiệu quả (thủ tục trực tuyến đạt tỷ lệ 88,2%)."), 1, 1,
	       WANT(",thủ tục trực tuyến,score,=,88.2,"), "scores: a result in parentheses is no target");

	/* a goal's own value and a range: two bounds of one indicator */
	expect(ctx, "scores",
	       LINES("Tỉnh quyết tâm đạt mục tiêu tăng trưởng kinh tế 9% trong năm 2026 và góp phần đạt mục tiêu thu hút "
		     "đầu tư từ 11 - 12% của vùng."),
	       1, 3,
	       WANT(",tăng trưởng kinh tế,target,=,9,", ",thu hút đầu tư,target,>=,11,", ",thu hút đầu tư,target,<=,12,"),
	       "scores: a goal's own value, a range as two bounds");

	/* a rank and what it ranks; a rate of change named before its figure */
	expect(ctx, "scores", LINES("Năm 2025 tỉnh xếp thứ 9 cả nước về Chỉ số năng lực cạnh tranh cấp tỉnh."), 1, 1,
	       WANT(",Chỉ số năng lực cạnh tranh cấp tỉnh,rank,=,,,,,9,,"), "scores: a rank names what it ranks after về");
	expect(ctx, "scores", LINES("Xuất khẩu nông sản tăng 14,2%, cao hơn so với mức tăng cả nước là 7,5%."), 1, 2,
	       WANT(",Xuất khẩu nông sản cả nước,change,=,,,,,,,7.5,%,"), "scores: a rate of change named before its figure");

	/* ranks without a total: among the whole country, within a leading group */
	expect(ctx, "scores", LINES("Năm 2024 tỉnh Bình An xếp thứ 7 cả nước về Chỉ số hài lòng."), 1, 1,
	       WANT(",rank,=,,,,,7,,"), "scores: xếp thứ N cả nước is a rank");
	expect(ctx, "scores", LINES("Thu ngân sách năm 2024 thuộc nhóm 15 tỉnh có số thu cao nhất."), 1, 1,
	       WANT(",rank,<=,,,,,15,,"), "scores: thuộc nhóm N tỉnh is a rank of at most N");


	/* criteria and eligibility conditions bound a figure without measuring anything */
	expect(ctx, "scores", LINES("Ấp khó khăn là ấp có từ 30% hộ nghèo trở lên sinh sống."), 1, 0, NULL,
	       "scores: a definition's threshold is no fact");
	expect(ctx, "scores",
	       LINES("Trường được công nhận đạt chuẩn khi đáp ứng ít nhất 02 trong 03 tiêu chí sau đây:",
		     "- Có dưới 5% học sinh bỏ học giữa năm;", "- Tỷ lệ giáo viên đạt chuẩn trình độ từ 95% trở lên;",
		     "- Tỷ lệ phòng học kiên cố trên 80%."),
	       4, 0, NULL, "scores: the items of a list of criteria are no facts");
	expect(ctx, "scores",
	       LINES("Nhóm đối tượng 2:", "- Con của người bị suy giảm khả năng lao động dưới 61%;",
		     "- Con của người khuyết tật nặng từ 81% trở lên."),
	       3, 0, NULL, "scores: an eligibility group's bounds are no facts");
	expect(ctx, "scores",
	       LINES("3. Chỉ tiêu cụ thể đến năm 2030", "a) Phấn đấu 100% nhóm đối tượng yếu thế được trợ giúp kịp thời.",
		     "b) Trên 70% người lao động nông thôn được tập huấn nghề."),
	       3, 2, WANT(",target,>,70,"), "scores: targets after a sibling item naming a target group stay");
	expect(ctx, "scores",
	       LINES("Các chỉ tiêu chủ yếu:", "- Trên 90% hộ dân được dùng nước sạch;",
		     "- Tỷ lệ xã có trạm y tế đạt chuẩn từ 95% trở lên."),
	       3, 2, NULL, "scores: a list of targets is no list of criteria");
	/* an examination's marking: a scale, a pass mark, a mark per question */
	expect(ctx, "scores", LINES("Mỗi câu hỏi trả lời đúng được 2 điểm, tối đa không quá 20 điểm."), 1, 0, NULL,
	       "scores: a mark per question is no score");
	expect(ctx, "scores",
	       LINES("Bài thi được chấm theo thang điểm 10; thí sinh đạt từ 5 điểm trở lên được xét công nhận."), 1, 0,
	       NULL, "scores: an exam's scale and pass mark are no scores");
	expect(ctx, "scores", LINES("Chỉ số hài lòng của người dân đối với dịch vụ y tế đạt 82,5 điểm."), 1, 1,
	       WANT(",score,=,82.5,"), "scores: a unit's result in điểm stays");

	/* an owner's or a beneficiary's share is a norm, not a measurement */
	expect(ctx, "scores", LINES("Công ty là doanh nghiệp với 100% vốn điều lệ do Nhà nước nắm giữ."), 1, 0, NULL,
	       "scores: an ownership share is no fact");
	expect(ctx, "scores", LINES("Thu tiền cho thuê đất (ngân sách xã hưởng 100%)."), 1, 0, NULL,
	       "scores: a budget's share of a revenue is no fact");

	/* an appendix listing goals holds targets; one reporting results holds results */
	expect(ctx, "scores",
	       LINES("PHỤ LỤC I", "CÁC CHỈ TIÊU PHÁT TRIỂN HẠ TẦNG SỐ", "",
		     "Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng đạt 90%."),
	       4, 1, WANT(",target,=,90,"), "scores: figures of an appendix of goals are targets");
	expect(ctx, "scores",
	       LINES("PHỤ LỤC", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024", "",
		     "Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng đạt 90%."),
	       4, 1, WANT(",score,=,90,"), "scores: figures of an appendix of results are results");

	/* a goal section three levels up still makes its figures targets */
	expect(ctx, "scores",
	       LINES("II. CHỈ TIÊU ĐẾN NĂM 2030", "1. Sản phẩm chủ lực", "a) Nông sản chế biến",
		     "- Tỷ lệ nông sản được chế biến sâu đạt 40%."),
	       4, 1, WANT(",target,=,40,"), "scores: a goal section above two sub-levels makes targets");

	/* a line that ends with a comparison sign goes on with its figure */
	expect(ctx, "scores",
	       LINES("1. Mục tiêu cụ thể", "a) Đến hết năm 2027: Có ≥", "40% hợp tác xã ứng dụng thương mại điện tử."), 3, 1,
	       WANT(",target,>=,40,,%,,,,,,2027,"), "scores: a bound at the end of the line before is the figure's");

	/* a rate a regulation sets, and a funding condition */
	expect(ctx, "scores",
	       LINES("Trong 3 năm đầu, mức trích lập quỹ dự phòng bằng 2%, các năm sau bằng 1% tính trên tổng dư nợ cho vay."),
	       1, 0, NULL, "scores: rates a regulation sets are no facts");
	expect(ctx, "scores",
	       LINES("Dự án được xem xét hỗ trợ với điều kiện chủ đầu tư có vốn đối ứng ít nhất 30% tổng mức đầu tư."), 1, 0,
	       NULL, "scores: a funding condition is no target");
	expect(ctx, "scores", LINES("3. Điều kiện được vay vốn", "Hộ gia đình có thu nhập thấp hơn 60% mức bình quân."), 2, 0,
	       NULL, "scores: a bound under a heading of conditions is no fact");

	/* "được bảo đảm" states a state reached: the changes of the same sentence stay results */
	expect(ctx, "scores",
	       LINES("Trong 9 tháng, an sinh xã hội được bảo đảm; doanh thu du lịch đạt 50 tỷ đồng, tăng 12,5% so với cùng kỳ."),
	       1, 1, WANT(",change,=,,,,,,,12.5,%,"), "scores: a passive \"được bảo đảm\" is no target cue");
	expect(ctx, "scores", LINES("Bảo đảm 95% hồ sơ được giải quyết đúng hạn."), 1, 1, WANT(",target,=,95,"),
	       "scores: an active \"Bảo đảm\" still makes a target");

	/* the present state in a plan: a section of the current state, or "hiện nay" */
	expect(ctx, "scores",
	       LINES("KẾ HOẠCH", "Phát triển chợ nông thôn", "1. Thực trạng", "Tỷ lệ xã có chợ đạt chuẩn chiếm 41,5%.",
		     "2. Mục tiêu", "Tỷ lệ xã có chợ đạt chuẩn đạt 60%."),
	       6, 2, WANT(",score,=,41.5,", ",target,=,60,"), "scores: a plan's current-state section gives results");
	expect(ctx, "scores", LINES("KẾ HOẠCH", "Hiện nay, tỷ lệ hộ dùng nước sạch đạt 72%."), 2, 1, WANT(",score,=,72,"),
	       "scores: \"hiện nay\" in a plan gives a result");

	/* a requirement for a right ("phải … mới được") is a condition, not a goal */
	expect(ctx, "scores",
	       LINES("KẾ HOẠCH", "Vận động viên phải có mặt tối thiểu 90% số buổi tập mới được đăng ký thi đấu."), 2, 0, NULL,
	       "scores: \"phải … mới được\" is a condition");

	/* a decision that issues rules is a normative document: its rates are norms */
	expect(ctx, "scores",
	       LINES("QUYẾT ĐỊNH", "BAN", "HÀNH QUY CHẾ LÀM VIỆC CỦA THƯ VIỆN TỈNH",
		     "Nhân viên thư viện phải dành tối thiểu 30% thời gian cho phục vụ bạn đọc.",
		     "Viên chức có con nhỏ được giảm 10% định mức."),
	       5, 0, NULL, "scores: the rates of a decision issuing rules are norms");
	expect(ctx, "scores",
	       LINES("QUYẾT ĐỊNH", "PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN THƯ VIỆN TỈNH",
		     "Phấn đấu 80% trường học có thư viện đạt chuẩn."),
	       3, 1, WANT(",target,=,80,"), "scores: a decision approving a plan keeps its targets");

	/* bands listed in one sentence, each clause naming its class after its range ("cận" = just below) */
	const char *const *listed =
		LINES("3. Xếp loại học viên: điểm từ 6 đến cận 8: đạt loại Khá; điểm từ 8 đến 10: đạt loại Giỏi.");
	expect(ctx, "schemes", listed, 1, 2, WANT(",band,loại Khá,8,6,", ",band,loại Giỏi,10,8,"),
	       "schemes: one band per clause when each names its class after its range");
	expect(ctx, "scores", listed, 1, 0, NULL, "scores: the bounds of listed bands are no scores");
	/* the bands on the article line itself: its number is no part of the label */
	const char *const *article =
		LINES("Điều 4. Xếp loại: từ 85 điểm trở lên xếp loại Giỏi; từ 70 điểm đến dưới 85 điểm xếp loại Khá.");
	expect(ctx, "schemes", article, 1, 2, WANT(",band,loại Giỏi,,85,", ",band,loại Khá,85,70,"),
	       "schemes: bands on an article line \"Điều 4. Xếp loại: …\"");
	expect(ctx, "scores", article, 1, 0, NULL, "scores: bands on an article line are no targets");
	expect(ctx, "schemes",
	       LINES("Loại tốt: đạt từ 85 điểm đến dưới 95 điểm; có ít nhất 3 tiêu chí đạt trên 8 điểm."), 1, 1,
	       WANT(",band,Loại tốt,95,85,"), "schemes: a clause that names no class of its own is a condition");

	/* a pass mark under an article on who passes */
	expect(ctx, "schemes",
	       LINES("Điều 7. Xác định người trúng tuyển kỳ sát hạch", "",
		     "1. Người dự sát hạch có điểm bài thi đạt từ 60 điểm trở lên."),
	       3, 1, WANT(",band,Điều 7. Xác định người trúng tuyển kỳ sát hạch,,60,"),
	       "schemes: a pass mark under \"trúng tuyển\" is a band");

	/* a scale without unit in prose gives its criterion's maximum, in a document that defines a scheme */
	const char *const *scale =
		LINES("1. Bài kiểm tra được chấm điểm theo thang điểm 20; điểm cộng tối đa 2 điểm.",
		      "2. Nếu thi cả hai phần thì tổng điểm hai phần được quy đổi về thang điểm 100 theo tỷ lệ 60% và 40%.");
	expect(ctx, "schemes", scale, 2, 3,
	       WANT(",criterion,Bài kiểm tra,20,,", ",criterion,tổng điểm hai phần,100,,"),
	       "schemes: \"thang điểm 20\" in prose is a criterion's maximum");
	expect(ctx, "schemes", LINES("Học sinh lớp 6 học theo thang điểm 10 của Bộ."), 1, 0, NULL,
	       "schemes: a scale outside a scheme document gives no row");

	/* a pass mark and a fail mark in one sentence are two bands */
	const char *const *passfail =
		LINES("2. Điểm kiểm tra là điểm trung bình của hai giám khảo. Bài kiểm tra đạt từ 6 điểm trở lên, "
		      "chưa đạt khi dưới 6 điểm.");
	expect(ctx, "schemes", passfail, 1, 2, WANT(",band,đạt,,6,", ",band,chưa đạt,6,,"),
	       "schemes: \"đạt từ … trở lên, chưa đạt khi dưới …\" gives a pass and a fail band");
	expect(ctx, "scores", passfail, 1, 0, NULL, "scores: pass and fail marks are no scores");
	expect(ctx, "schemes", LINES("Năm 2024 tỉnh đạt 80 điểm, không đạt mục tiêu đề ra."), 1, 0, NULL,
	       "schemes: \"không đạt\" without a mark below sets no band");

	/* a plan's type line in markdown emphasis still makes its figures targets; a result compared
	 * with its plan or the year before, or estimated ("ước đạt"), stays a result */
	expect(ctx, "scores", LINES("**KẾ HOẠCH**", "Trên 85% hộ gia đình được dùng nước sạch."), 2, 1, WANT(",target,>,85,"),
	       "scores: \"**KẾ HOẠCH**\" is a plan's type line");
	expect(ctx, "scores",
	       LINES("KẾ HOẠCH", "Thu ngân sách năm 2025 đạt 3.100 tỷ đồng, bằng 98,5% kế hoạch.",
		     "Sản lượng lúa ước đạt 92%."),
	       3, 2, WANT(",score,=,98.5,", ",score,=,92,"), "scores: results in a plan compared with the plan stay results");

	/* in a plan dated 2025, a figure of 2024 is a result, one of 2026 a target */
	expect(ctx, "scores",
	       LINES("Hà Giang, ngày 12 tháng 3 năm 2025", "KẾ HOẠCH",
		     "Năm 2024 tỷ lệ trường đạt chuẩn quốc gia đạt 71,5%.",
		     "Chỉ số PAPI năm 2024 giảm 2 bậc so với năm 2023.",
		     "Năm 2026 tỷ lệ trường đạt chuẩn quốc gia đạt 80%."),
	       5, 3, WANT(",score,=,71.5,", ",change,=,,,,,,,-2,bậc,", ",target,=,80,"),
	       "scores: a plan's figures of a year before its date are results");

	/* a pass mark without its unit, in a clause about marks, is a band; a bound of anything else is not */
	{
		const char *const *pass = LINES("Điều 7. Điều kiện đạt yêu cầu",
						"1. Đạt yêu cầu của mỗi bài thi: Điểm của bài thi đó phải đạt từ 6 trở lên.");
		expect(ctx, "schemes", pass, 2, 1, WANT("t,band,Đạt yêu cầu của mỗi bài thi,,6,"),
		       "schemes: \"Điểm … phải đạt từ 6 trở lên\" under a pass label is a band");
		expect(ctx, "scores", pass, 2, 0, NULL, "scores: a pass mark without its unit is no score");
		expect(ctx, "schemes", LINES("Đạt yêu cầu của hồ sơ: số bản sao phải từ 3 trở lên."), 1, 0, NULL,
		       "schemes: a bound that is no mark is no band");
	}

	/* a rule glossing a result: "(trường hợp … thì tiêu chí này đạt 0 điểm)" scores the criterion the
	 * sentence is about; the result before it stays a score, a topic "Về … thì" is no rule */
	{
		const char *const *gloss = LINES("1. Về thủ tục hành chính",
						 "a) Tỷ lệ hồ sơ trả đúng hạn của cấp huyện chỉ đạt 91% (trường hợp dưới 93% thì "
						 "tiêu chí này đạt 0 điểm).",
						 "b) Việc niêm yết quy trình còn thiếu (hơn 20% chưa niêm yết; theo hướng dẫn, chỉ "
						 "cần một quy trình chưa niêm yết thì điểm đánh giá tiêu chí này là 0 điểm).");
		expect(ctx, "schemes", gloss, 3, 2,
		       WANT("t,criterion,Tỷ lệ hồ sơ trả đúng hạn của cấp huyện,,0,trường hợp dưới 93%,1,2,",
			    "t,criterion,niêm yết quy trình,,0,"),
		       "schemes: … thì tiêu chí này đạt 0 điểm is a rule of the sentence's criterion");
		expect(ctx, "scores", gloss, 3, 2, WANT(",score,=,91,", ",score,>,20,"),
		       "scores: the result a rule glosses stays a score, the rule's points are none");
		expect(ctx, "schemes", LINES("c) Về tiêu chí thông tin thì tỉnh đạt 8 điểm."), 1, 0, NULL,
		       "schemes: a topic before thì states a result, no rule");
		expect(ctx, "schemes", LINES("2. Đối thoại với người dân", "a) Không tổ chức đối thoại thì điểm đánh giá là 0 điểm."),
		       2, 1, WANT("t,criterion,Đối thoại với người dân,,0,Không tổ chức đối thoại,1,2,"),
		       "schemes: a heading that is a thì rule scores the heading above it");
	}

	/* a scale stated with "là" and its parts "N/M" under a scale's title: maxima, no scores; a part
	 * outside such a title is not read as one */
	{
		const char *const *scale_is = LINES("1. Chỉ số đánh giá cấp sở", "a) Thang điểm:",
						 "- Thang điểm đánh giá của Chỉ số chuyển đổi số là 100.",
						 "- Điểm đánh giá qua khảo sát người dân là 25,50/100.", "2. Chỉ số đánh giá cấp xã",
						 "a) Thang điểm đánh giá:", "- Thang điểm đánh giá là 90.",
						 "- Điểm qua khảo sát là 30/90 điểm.");
		expect(ctx, "schemes", scale_is, 8, 4,
		       WANT("t,criterion,Chỉ số chuyển đổi số,100,,,1,3,", "t,criterion,Điểm đánh giá qua khảo sát người dân,25.5,,,1,4,",
			    "t,criterion,Chỉ số đánh giá cấp xã,90,,,1,7,", "t,criterion,Điểm qua khảo sát,30,,,1,8,"),
		       "schemes: thang điểm … là N and a part N/M under a scale's title are maxima");
		expect(ctx, "scores", scale_is, 8, 0, NULL, "scores: a scale's maxima are no scores");
		expect(ctx, "criteria", scale_is, 8, -1, WANT("t,2,,1,Chỉ số đánh giá cấp xã,,90,1,5"),
		       "criteria: a heading carries the maximum of the scale under it");
		expect(ctx, "schemes", LINES("3. Kết quả đánh giá", "- Điểm qua khảo sát là 28/90 điểm."), 2, 0, NULL,
		       "schemes: a part N/M outside a scale's title is no maximum");
	}

	/* items of a scheme in prose: a cap after a heading's criterion, a rule's condition after its
	 * points, the cap of a bonus in a mixed section, classes before their ranges, bulleted bands */
	{
		const char *const *prose = LINES("Điều 2. Tiêu chí chấm điểm", "1. Các tiêu chí:",
						 "a) Công tác phát triển đảng viên, tối đa 15 điểm.", "2. Điểm thưởng và điểm trừ:",
						 "- Cộng 2 điểm cho mỗi mô hình được nhân rộng, tối đa không quá 6 điểm;",
						 "- Trừ 0,5 điểm/văn bản gửi quá hạn;",
						 "- Trường hợp không nộp hồ sơ thì tiêu chí này được 0 điểm.", "Điều 3. Xếp loại",
						 "- Vững mạnh: từ 85 điểm trở lên;", "- Khá: từ 70 đến dưới 85 điểm.",
						 "Đối với chi bộ: loại I từ 90 điểm trở lên; loại II từ 60 điểm đến dưới 90 điểm.");
		expect(ctx, "schemes", prose, 11, 9,
		       WANT("t,criterion,Công tác phát triển đảng viên,15,,,1,3,",
			    "t,bonus,Điểm thưởng và điểm trừ,,2,mỗi mô hình được nhân rộng,1,5,",
			    "t,bonus,Điểm thưởng và điểm trừ,6,,,1,5,", "t,penalty,Điểm thưởng và điểm trừ,,0.5,văn bản gửi quá hạn,1,6,",
			    ",,0,Trường hợp không nộp hồ sơ,1,7,", "t,band,Vững mạnh,,85,", "t,band,Khá,85,70,",
			    "t,band,loại I,,90,", "t,band,loại II,90,60,"),
		       "schemes: prose caps, conditions after points, bonus caps, bands by bullet and by class");
		expect(ctx, "scores", prose, 11, 0, NULL, "scores: a scheme in prose gives no scores");
		expect(ctx, "schemes",
		       LINES("Thí sinh không ký tên khi ra khỏi phòng thi thì điểm bài thi được xác định là 0 điểm."), 1, 1,
		       WANT(",khi ra khỏi phòng thi,"), "schemes: a condition keeps its last word thi (exam), drops thì");
	}

	/* an item "d) X 10 điểm." among a scheme's criteria is a maximum, not a target; under a title
	 * of results it is left to scores */
	{
		const char *const *items = LINES("QUY ĐỊNH", "Điều 2. Tiêu chí chấm điểm", "1. Công tác tham mưu 30 điểm.",
						 "2. Công tác phối hợp 20 điểm.", "Điều 3. Xếp loại theo tổng số điểm",
						 "1. Loại tốt: từ 90 điểm trở lên.");
		expect(ctx, "schemes", items, 6, 3,
		       WANT("t,criterion,Công tác tham mưu,30,,,1,3,", "t,criterion,Công tác phối hợp,20,,,1,4,"),
		       "schemes: an item ending with N điểm under criteria is a maximum");
		expect(ctx, "scores", items, 6, 0, NULL, "scores: a criterion's maximum in an item is no target");
		expect(ctx, "schemes",
		       LINES("QUY ĐỊNH", "Điều 2. Tiêu chí chấm điểm", "1. Thang điểm: 100 điểm.", "Điều 5. Kết quả chấm điểm năm 2025",
			     "1. Sở Công Thương 86 điểm."),
		       5, 1, WANT("t,criterion,Thang điểm,100,"), "schemes: an item under a title of results is no maximum");
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

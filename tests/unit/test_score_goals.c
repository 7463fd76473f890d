/* Unit tests of what makes a figure of scores.csv a target, a result or no fact at all, and of
 * the subjects of goal lists: titles of a word-segmented text ("2 . Mục tiêu cụ thể ."), list
 * items "a ) Phấn đấu đạt …", parts "(trong đó …)", a share of a sum of money, a rank among the
 * first, a qualifier "về …" after a figure. Small texts written for these tests. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"
#include "extract-fixture.h"
#include "rows-fixture.h"

#include <stdlib.h>
#include <string.h>

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);

	/* titles the outline does not mark, as a word-segmented corpus writes them */
	expect_rows(ctx, "scores",
	       LINES("Nghị quyết về phát triển nông nghiệp tỉnh bình an đến năm 2025", "I . quan điểm phát triển",
		     "- Phát triển nông nghiệp bền vững , gắn với thị trường .", "Ii. mục tiêu phát triển",
		     "1 . Mục tiêu chung .", "- Xây dựng nền nông nghiệp hiện đại .", "2 . Mục tiêu cụ thể .",
		     "- Giá trị sản xuất nông nghiệp tăng bình quân 4,5 % / năm giai đoạn 2021 - 2025 .",
		     "Iii. định hướng", "- Năng suất lúa năm 2020 đạt 95 % so với năm 2019 ."),
	       10, 2, WANT(",Giá trị sản xuất nông nghiệp,target,", ",score,=,95,"), WANT(",score,=,4.5,", ",change,"),
	       "scores: a goal title written \"2 . Mục tiêu cụ thể .\" makes its items targets");
	/* a list item "a ) " of a word-segmented text, "Phấn đấu đạt" before the indicator */
	expect_rows(ctx, "scores", LINES("Thông báo kết luận .", "a ) Phấn đấu đạt tỷ lệ hồ sơ trực tuyến năm 2021 đạt 73 % ."), 2, 1,
	       WANT(",tỷ lệ hồ sơ trực tuyến năm 2021,target,=,73,"), NULL,
	       "scores: \"a ) Phấn đấu đạt X đạt N%\": X is the subject of a target");
	/* "(trong đó … đạt …)" is a part of the figure before, of its kind */
	expect_rows(ctx, "scores",
	       LINES("Thông báo kết luận .",
		     "b ) Phấn đấu tỷ lệ lao động qua đào tạo đạt 65 % ( trong đó đào tạo nghề đạt 45 % ) ."),
	       2, 2, WANT(",target,=,65,", ",\"tỷ lệ lao động qua đào tạo, trong đó đào tạo nghề\",target,=,45,"), WANT(",score,"),
	       "scores: a part \"(trong đó … đạt N%)\" of a target is a target");
	/* a reference "so với chỉ tiêu …" closed before the next figure sets no goal; "về …" after a
	 * figure qualifies the indicator before */
	expect_rows(ctx, "scores",
	       LINES("Thông báo kết luận hội nghị tổng kết .",
		     "Tỷ lệ giải quyết hồ sơ đúng hạn khá cao , đạt 92,5 % về số hồ sơ ( vượt 4,5 % so với chỉ tiêu "
		     "tỉnh giao ) và 88,2 % về thời gian ( vượt 3,2 % so với chỉ tiêu tỉnh giao ) ."),
	       2, 4,
	       WANT(",Tỷ lệ giải quyết hồ sơ đúng hạn,score,=,92.5,", ",Tỷ lệ giải quyết hồ sơ đúng hạn về số hồ sơ,change,",
		    ",Tỷ lệ giải quyết hồ sơ đúng hạn về thời gian,score,=,88.2,",
		    ",Tỷ lệ giải quyết hồ sơ đúng hạn về thời gian,change,"),
	       WANT(",target,", ",về số hồ sơ,", ",tỷ lệ về thời gian,"),
	       "scores: \"về …\" after a figure qualifies the indicator; \"so với chỉ tiêu\" is a reference");
	/* the share a sum of money forms of a need is no indicator's level */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo quy hoạch .",
		     "Giai đoạn 2021 - 2025 , nhu cầu vốn đầu tư cho hạ tầng du lịch khoảng 1.200 tỷ đồng , chiếm "
		     "khoảng 25 % tổng nhu cầu vốn của ngành .",
		     "Kinh tế số chiếm 12 % GRDP của tỉnh ."),
	       3, 1, WANT(",Kinh tế số,score,=,12,"), WANT(",25,"), "scores: a share of a sum of money needed is no score");
	/* one of the first N: a rank of at most N, what they were first to do its subject */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo kết quả .", "Sở Nội vụ là 01 trong 05 đơn vị đầu tiên hoàn thành việc số hoá hồ sơ lưu trữ ."),
	       2, 1, WANT(",hoàn thành việc số hoá hồ sơ lưu trữ,rank,<=,,,,,5,"), NULL,
	       "scores: \"là 01 trong 05 đơn vị đầu tiên …\" is a rank of at most 5");
	expect_rows(ctx, "scores", LINES("Báo cáo kết quả .", "Năm 2020 , tỉnh là 1 trong 8 tỉnh được chọn làm thí điểm ."), 2, 0,
	       NULL, NULL, "scores: \"là 1 trong 8 tỉnh được chọn\" is one of a set, no rank");
	/* a period "tính từ ngày … đến …" and "có N" before a count are no part of the subject */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo tình hình tháng 3 .",
		     "+ Công tác tiếp dân : tính từ ngày 01/03/2021 đến 31/03/2021 có 45 lượt người đến trụ sở tiếp dân "
		     "của Sở , giảm 20 % so với tháng trước ."),
	       2, 1, WANT(",số lượt người đến trụ sở tiếp dân của Sở so với tháng trước,change,"), NULL,
	       "scores: \"tính từ ngày … đến …, có 45 …\": the count's noun is the subject");
	/* an action ending its clause with a percentage: the rate of what it acts on, counted before */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo tình hình tháng 3 .",
		     "+ Công tác tiếp nhận hồ sơ : trong tháng Sở đã tiếp nhận 120 hồ sơ và đã giải quyết 100 % ."),
	       2, 1, WANT(",tỷ lệ hồ sơ đã giải quyết,score,=,100,"), NULL,
	       "scores: \"tiếp nhận 120 hồ sơ và đã giải quyết 100%\": the rate of the files dealt with");
	/* a long phrase that opens with a rate is an indicator, not a name with a figure */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo tình hình .", "- Tỷ lệ hộ nghèo dưới 3 % ; tỷ lệ thu gom chất thải rắn đô thị 90 % ."), 2, 2,
	       WANT(",tỷ lệ thu gom chất thải rắn đô thị,score,=,90,"), NULL,
	       "scores: \"tỷ lệ thu gom chất thải rắn đô thị 90%\" names its indicator");
	/* "(tỷ lệ N%)" after a count: the rate of what was counted; a measure word alone is no subject */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo kết quả .", "Xã có 1.200 hộ tham gia bảo hiểm y tế ( tỷ lệ 85 % ) .",
		     "Hiện tại là khoảng 19 % ."),
	       3, 1, WANT(",tỷ lệ hộ tham gia bảo hiểm y tế,score,=,85,"), WANT(",Hiện tại,"),
	       "scores: \"1.200 hộ … (tỷ lệ 85%)\" is the rate of the households; \"Hiện tại\" names nothing");
	/* the shares of a capital's sources are no indicators */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo dự án .", "Trong đó : vốn chủ sở hữu 1.300 tỷ đồng ( chiếm 15 % ) ; vốn vay 7.500 tỷ đồng ( chiếm 85 % ) ."),
	       2, 0, NULL, NULL, "scores: the shares of a capital's sources are no scores");
	/* parameters of a plan, degrees of disability: norms, no scores */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo thông tin .",
		     "Đất công viên : tổng diện tích là 2.000 m2 , mật độ xây dựng tối đa là 30 % , tầng cao tối đa 3 tầng .",
		     "+ Con của bệnh binh mất sức lao động 81 % trở lên ;"),
	       3, 0, NULL, NULL, "scores: a planning parameter and a degree of disability are norms");
	/* a goal named as a reference ("xấp xỉ mục tiêu …") or reached ("đã hoàn thành mục tiêu") sets
	 * no goal for the results around it; its own value in parentheses is a target */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo thông tin .",
		     "Trong 6 tháng đầu năm 2008 , kinh tế tăng trưởng 20,03 % , xấp xỉ mục tiêu kế hoạch cả năm ( 20,5 % ) "
		     "; giá trị sản xuất công nghiệp tăng trên 23,53 % .",
		     "Đến cuối năm 2012 , thành phố đã hoàn thành mục tiêu bảo hiểm y tế toàn dân , với 91,6 % dân số "
		     "tham gia bảo hiểm y tế ."),
	       3, 4,
	       WANT(",score,=,20.03,", ",kế hoạch cả năm,target,=,20.5,", ",giá trị sản xuất công nghiệp,change,",
		    ",score,=,91.6,"),
	       WANT(",target,=,91.6,"), "scores: a goal named as a reference or reached makes no targets");
	/* an adverbial "Trên cơ sở …," before the indicator is no part of it */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo thông tin .",
		     "Trên cơ sở số liệu ước tính được cơ quan thống kê công bố , tổng sản phẩm trên địa bàn tỉnh ước tăng "
		     "7,5 % so với cùng kỳ năm trước ."),
	       2, 1, WANT(",tổng sản phẩm trên địa bàn tỉnh"), WANT(",Trên cơ sở"), "scores: \"Trên cơ sở …,\" is trimmed");
	/* what a survey shows is the subject, not the survey */
	expect_rows(ctx, "scores",
	       LINES("Báo cáo thông tin .", "Kết quả khảo sát năm 2020 cho thấy diện tích rừng ngập mặn bị suy thoái là 35 % ."), 2,
	       1, WANT(",diện tích rừng ngập mặn bị suy thoái,score,=,35,"), NULL,
	       "scores: \"… cho thấy X là N%\": X is the subject");
	/* "Dự kiến … phấn đấu" are cue words, not the subject */
	expect_rows(ctx, "scores",
	       LINES("Thông báo kết luận .", "+ Dự kiến trong năm 2022 phấn đấu giải ngân tăng 10-15 % so với năm 2021 ."), 2,
	       2, WANT(",giải ngân so với năm 2021,target,>=,10,"), WANT(",Dự kiến"), "scores: \"Dự kiến\" is no part of a subject");
	/* "Đến năm Y" a few years after the document's date sets a goal; "Tính đến năm Y" and a year
	 * far after the date (a date line of an old text) do not */
	expect_rows(ctx, "scores",
	       LINES("NGHỊ QUYẾT", "Bình An, ngày 12 tháng 10 năm 2016 .", "Tính đến năm 2020 , tỷ lệ hộ nghèo chiếm 8,5 % dân số .",
		     "Đến năm 2020 toàn tỉnh có 5.000 ha , trong đó 70 % diện tích chè an toàn .",
		     "Đến năm 2040 toàn tỉnh có 9.000 ha , trong đó 60 % diện tích chè hữu cơ ."),
	       5, 3, WANT(",tỷ lệ hộ nghèo,score,=,8.5,", ",tỷ lệ diện tích chè an toàn,target,=,70,", ",score,=,60,"),
	       WANT(",target,=,8.5,", ",target,=,60,"), "scores: \"Đến năm Y\" soon after the document's date makes a target");

	/* a pass mark: what reaching it qualifies for */
	expect_rows(ctx, "schemes",
	       LINES("Thông tư về giải thưởng sáng tạo nhà nông .", "Điều 2 . Nguyên tắc xét tặng",
		     "1 . Giải thưởng được xét tặng hai năm một lần .",
		     "2 . Các sản phẩm được Hội đồng chấm điểm bình quân đạt từ 75 điểm trở lên mới đủ điều kiện để "
		     "được đề nghị trao giải ."),
	       4, 1, WANT(",band,", ",,75,"), NULL, "schemes: \"từ 75 điểm trở lên mới đủ điều kiện\" is a pass mark");
	expect_rows(ctx, "schemes",
	       LINES("Báo cáo kết quả .", "Sản phẩm đạt 80 điểm trở lên trong cuộc thi năm trước ."), 2, 0, NULL, NULL,
	       "schemes: a result \"N điểm trở lên\" with nothing it qualifies for is no band");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

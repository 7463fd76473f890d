/* Unit tests of the subjects of scores.csv: what a figure measures when a place is named with it,
 * when a range is bounded, when a change has a period of its own, when an action measures its
 * object. Small texts written for these tests. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"
#include "extract-fixture.h"
#include "rows-fixture.h"

#include <stdlib.h>
#include <string.h>

/* The scores of lines: nrows rows (-1: any number), each string of want in the CSV, none of
 * unwanted. */
static void expect(sohoa_ctx *ctx, const char *const *lines, size_t n, int nrows, const char *const *want,
		   const char *const *unwanted, const char *name)
{
	expect_rows(ctx, "scores", lines, n, nrows, want, unwanted, name);
}

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);

	/* places listed with their figures: the unit measured, the indicator is still the subject */
	expect(ctx, LINES("Tỷ lệ giải ngân vốn đầu tư công đạt 45,2% (trong đó Thanh Hóa 70,5%, Nghệ An 61,3%)."), 1, 3,
	       WANT(",Tỷ lệ giải ngân vốn đầu tư công,score,=,45.2,", ",Tỷ lệ giải ngân vốn đầu tư công của Thanh Hóa,score,=,70.5,",
		    ",Tỷ lệ giải ngân vốn đầu tư công của Nghệ An,score,=,61.3,"),
	       WANT(",Thanh Hóa,", ",Nghệ An,"), "scores: a place in parentheses is measured by the indicator before it");
	expect(ctx, LINES("Tỷ lệ hộ nghèo còn 2,1% (tỉnh Gia Lai 3,4%)."), 1, 2,
	       WANT(",Tỷ lệ hộ nghèo của tỉnh Gia Lai,score,=,3.4,"), WANT(",tỉnh Gia Lai,"),
	       "scores: a unit word and a place name are a place");
	expect(ctx, LINES("Trong đó: Thanh Hóa 70,5%, Nghệ An 61,3%."), 1, 0, NULL, NULL,
	       "scores: places with figures and no indicator are no rows");
	/* a capitalized indicator or an acronym is no place */
	expect(ctx, LINES("Trong năm 2025, GRDP tăng 7,2%."), 1, 1, WANT(",GRDP,"), NULL,
	       "scores: an acronym is no place");

	/* ranges give both bounds, the bound word no part of the subject */
	expect(ctx, LINES("Doanh thu du lịch tăng bình quân 05 - 06%/năm."), 1, 2,
	       WANT(",Doanh thu du lịch,score,>=,5,", ",Doanh thu du lịch,score,<=,6,"), NULL,
	       "scores: a range after \"tăng bình quân\" has two bounds");
	expect(ctx, LINES("Phấn đấu tốc độ tăng năng suất lao động từ 6 - 7%."), 1, 2,
	       WANT(",tốc độ tăng năng suất lao động,target,>=,6,", ",tốc độ tăng năng suất lao động,target,<=,7,"),
	       WANT("động từ,"), "scores: \"từ\" before a range is no part of the subject");

	/* a change with a period of its own after a figure of another period */
	expect(ctx, LINES("Kim ngạch xuất khẩu Quý II đạt 7,5%, 6 tháng đầu năm tăng 9,1%."), 1, 2,
	       WANT(",Kim ngạch xuất khẩu Quý II,score,=,7.5,", ",Kim ngạch xuất khẩu 6 tháng đầu năm,change,"), NULL,
	       "scores: a change with its own period takes it instead of the row before's");
	expect(ctx, LINES("Chỉ số sản xuất công nghiệp tháng 10 đạt 5,1%, lũy kế 10 tháng tăng 8,4%."), 1, 2,
	       WANT(",Chỉ số sản xuất công nghiệp lũy kế 10 tháng,change,"), NULL,
	       "scores: a cumulative period replaces a month");

	/* an action and its object: the subject says both, without the clause describing the object */
	expect(ctx, LINES("Các sở, ngành quyết tâm giải ngân 100% kế hoạch vốn năm 2026 đã được Ủy ban nhân dân tỉnh giao."), 1, 1,
	       WANT(",giải ngân kế hoạch vốn năm 2026,"), NULL, "scores: an action stays with its object");
	expect(ctx, LINES("Các xã số hóa 80% hồ sơ hộ tịch."), 1, 1, WANT(",số hóa hồ sơ hộ tịch,score,=,80,"), NULL,
	       "scores: \"số hóa\" measures what it digitizes");
	expect(ctx, LINES("Kinh tế tư nhân đóng góp khoảng 50 - 55% GDP, khoảng 30% tổng vốn đầu tư xã hội."), 1, -1,
	       WANT(",đóng góp GDP,score,>=,50,", ",đóng góp GDP,score,<=,55,"), WANT("GDP, khoảng 30% tổng vốn đầu tư xã hội\","),
	       "scores: the object of a range ends before the next figure's bound word");
	/* the doer before "đã" is no part of what is measured */
	expect(ctx, LINES("Đến nay, huyện đã giải ngân được 1.200 tỷ đồng, tương đương 61,5% kế hoạch vốn."), 1, 1,
	       WANT(",giải ngân so với kế hoạch vốn,score,=,61.5,"), NULL,
	       "scores: \"tương đương\" links a ratio; the doer before \"đã\" is left out");
	expect(ctx, LINES("Phấn đấu hoàn thành 100% các chỉ tiêu được giao."), 1, 1, WANT(",các chỉ tiêu được giao,"),
	       WANT("hoàn thành các"), "scores: completing counts what is completed, which names it");

	/* after a row, the next subject starts past "và" or a comma, never the comma of a number */
	expect(ctx,
	       LINES("Quý III, sản lượng lúa đạt 20,6 nghìn tấn, tăng 3,2% và sản lượng ngô đạt 10,8 nghìn tấn, tăng 1,7%."),
	       1, 2, WANT(",sản lượng lúa,change,", ",sản lượng ngô,change,"), WANT(",8 nghìn tấn,change,"),
	       "scores: the comma of \"10,8\" does not start a subject");

	/* a subject read after its figure ends before the bound word of the next figure */
	expect(ctx, LINES("Phấn đấu tập huấn cho 100% giáo viên mầm non và trên 60% cha mẹ trẻ."), 1, 2,
	       WANT(",giáo viên mầm non,target,=,100,", "cha mẹ trẻ,target,>,60,"), WANT("và trên,"),
	       "scores: \"và trên 60%\" is no part of the subject before it");

	/* "12/63." ends its sentence: the change of the next one is its own row, not the rank's */
	expect(ctx, LINES("Năm 2024 Chỉ số hài lòng của tỉnh xếp thứ 21/34. Chỉ số PCI năm 2024 tăng 4 bậc so với năm 2023."),
	       1, 2, WANT(",rank,=,,,,,21,34,,,", "Chỉ số PCI năm 2024,change,=,,,,,,,4,bậc,"), NULL,
	       "scores: a rank's total ends its sentence; the next sentence's rise is a row of its own");

	/* a range whose bounds both carry their unit is one range: lower and upper bound, one subject */
	expect(ctx, LINES("Phấn đấu tỷ lệ lao động qua đào tạo đạt 70%-75%."), 1, 2,
	       WANT("tỷ lệ lao động qua đào tạo,target,>=,70,", "tỷ lệ lao động qua đào tạo,target,<=,75,"),
	       WANT("75% tỷ lệ", "75%,target"), "scores: \"70%-75%\" is a range");

	/* a list's lead that sets goals makes its items targets, of the year it names */
	expect(ctx, LINES("Mục tiêu cụ thể đến năm 2030 như sau:", "- Tỷ lệ hộ dân dùng nước sạch đạt 95%.",
			  "- Tỷ lệ che phủ rừng ổn định ở mức 45%."),
	       3, 2, WANT("hộ dân dùng nước sạch,target,=,95,", "2030,", "che phủ rừng ổn định,target,=,45,"),
	       WANT(",score,"), "scores: the items of a list whose lead sets goals are targets of its year");
	expect(ctx, LINES("Kết quả thực hiện các mục tiêu năm 2024 như sau:", "- Tỷ lệ hộ dân dùng nước sạch đạt 95%."), 2,
	       1, WANT(",score,=,95,"), WANT(",target,"), "scores: the items of a lead reporting results stay results");
	/* a task verb governing its figure makes it a target, unless "đã" says it is done */
	expect(ctx, LINES("- Chỉ đạo các đơn vị rà soát hồ sơ và đẩy mạnh giải ngân 100% vốn được giao."), 1, 1,
	       WANT(",target,=,100,"), NULL, "scores: \"đẩy mạnh giải ngân 100%\" is a target");
	expect(ctx, LINES("Các đơn vị đã đẩy mạnh giải ngân 100% vốn được giao."), 1, 1, WANT(",score,=,100,"), NULL,
	       "scores: \"đã đẩy mạnh giải ngân 100%\" is a result");

	/* words before a figure that are a clause cut out name nothing: the row is dropped, not given
	 * the heading's or the sentence's phrase */
	expect(ctx, LINES("Thời điểm đó xã đang có hơn 40% hộ nghèo."), 1, 0, NULL, NULL,
	       "scores: \"… xã đang có hơn 40%\" has no subject (it ends with \"đang\")");
	expect(ctx, LINES("Sau khi sáp nhập, con số này là 35 người, chỉ chiếm 7,5%."), 1, 0, NULL, NULL,
	       "scores: \"con số này\" points elsewhere; \"Sau khi …\" opens a clause");
	/* reference marks after a full stop end the sentence: the next one's words are its own */
	expect(ctx, LINES("Năm 2020 tỷ lệ biết chữ của tỉnh đạt 95%.[12] Tỷ lệ hộ nghèo giảm còn 3,5%."), 1, 2,
	       WANT("tỷ lệ biết chữ của tỉnh,score,=,95,", ",Tỷ lệ hộ nghèo,score,=,3.5,"), WANT("[12] Tỷ"),
	       "scores: \".[12]\" ends a sentence");
	/* a threshold and the relief it brings are a regulation's, not measurements */
	expect(ctx, LINES("+ Thiệt hại từ 30% đến dưới 50%, giảm thuế 70%;", "+ Thiệt hại từ 50% trở lên, miễn thuế 100%."), 2,
	       0, NULL, NULL, "scores: \"Thiệt hại từ 30% …, giảm thuế 70%\" states no fact");

	/* "vượt 10,5% so với dự toán" is by how much the result passes its reference */
	expect(ctx, LINES("Thu nội địa ước vượt 10,5% so với dự toán."), 1, 1,
	       WANT(",Thu nội địa,change,=,,,,,,,10.5,%,"), WANT(",score,", "vượt,"),
	       "scores: \"vượt 10,5% so với dự toán\" is a change against the reference");

	/* "12 chỉ tiêu" counts things: no goal is set */
	expect(ctx, LINES("Đợt kiểm tra phát hiện 12 chỉ tiêu chưa đạt, chiếm 30% tổng số chỉ tiêu."), 1, 1, WANT(",score,=,30,"),
	       WANT(",target,"), "scores: a count of \"chỉ tiêu\" is no goal");

	/* the rates of a benefit listed under its lead are norms */
	expect(ctx, LINES("1. Người làm ca đêm được trả lương như sau:", "a) Ca đêm ngày thường, ít nhất bằng 130%;",
			  "b) Ca đêm ngày lễ, ít nhất bằng 390%."),
	       3, 0, NULL, NULL, "scores: \"ít nhất bằng 130%\" under \"… được trả lương như sau:\" is a norm");

	/* conditions: a comparison sign, a rule's consequence "thì bị/được", a definition "là … được trên" */
	expect(ctx, LINES("Các sườn đồi có độ dốc lớn (i>25%) không san lấp."), 1, 0, NULL, NULL,
	       "scores: \"(i>25%)\" is a condition");
	expect(ctx, LINES("Theo đó, người chở hàng vượt trọng tải từ 30% đến 50% thì bị trừ 4 điểm."), 1, 0, NULL, NULL,
	       "scores: a figure before \"thì bị …\" is a rule's condition");
	expect(ctx, LINES("Người được công nhận là người được trên 60% thành viên tán thành."), 1, 0, NULL, NULL,
	       "scores: \"là người được trên 60%\" defines, it measures nothing");

	/* a subject is a noun phrase: markup, a verb of its own, a sum or a count of its own, or the
	 * tail of an aside leave the row out */
	expect(ctx, LINES("| Số người đi bầu | 99,35% |"), 1, 0, NULL, NULL, "scores: a table cell's bars are no subject");
	expect(ctx, LINES("*6.4. *Hàng năm, số vụ phạm tội về ma túy được phát hiện tăng trên 03%."), 1, 0, NULL, NULL,
	       "scores: emphasis marks around a list number are no subject");
	expect(ctx, LINES("Thu từ hoạt động xổ số kiến thiết *(kể cả xổ số điện toán)* ước vượt 18,72% so với dự toán."), 1, 1,
	       WANT(",change,"), NULL, "scores: an emphasized aside keeps its row");
	expect(ctx,
	       LINES("Công nghiệp quốc doanh chiếm tỉ trọng ngày càng lớn trong giá trị sản lượng công nghiệp (từ 41,7% lên "
		     "66,6%)."),
	       1, 0, NULL, NULL, "scores: \"X chiếm tỉ trọng …\" is a clause, no subject");
	expect(ctx, LINES("Cơ cấu ít nhất 35% đại biểu là phụ nữ, 10% người dưới 40 tuổi,..., thì đó là chỉ tiêu phấn đấu."), 1,
	       1, WANT(",đại biểu là phụ nữ,"), WANT(",tỷ lệ người dưới"), "scores: \"…, thì đó là …\" is a clause, no subject");
	expect(ctx, LINES("Thu nội địa 11.080 tỷ đồng, vượt 10,22% so dự toán."), 1, 1, WANT(",Thu nội địa,change,"), NULL,
	       "scores: the sum a subject holds is cut from it");
	expect(ctx, LINES("Chi sự nghiệp giáo dục 5.627,152 tỷ đồng, ước đạt 92,44% dự toán."), 1, 1,
	       WANT(",Chi sự nghiệp giáo dục so với dự toán,score,=,92.44,"), NULL,
	       "scores: \"5.627,152 tỷ đồng\" is cut from the subject, its reference kept");
	expect(ctx, LINES("Năm 2024, tổng thu từ khách du lịch đạt khoảng 840 nghìn tỷ đồng, tăng 24%."), 1, 1,
	       WANT(",tổng thu từ khách du lịch,change,"), NULL, "scores: \"đạt khoảng\" goes with the sum it leads to");
	expect(ctx,
	       LINES("Kinh tế tập thể tiếp tục phát triển, đã thành lập mới 50 hợp tác xã, 02 Liên hiệp Hợp tác xã, đạt 100% "
		     "kế hoạch."),
	       1, 1, WANT(",số Liên hiệp Hợp tác xã so với kế hoạch,score,=,100,"), NULL,
	       "scores: a count a subject starts with names the number of what follows");
	expect(ctx, LINES("Có 4 nhiệm kỳ Quốc hội gần đây, tỷ lệ đại biểu là người dân tộc thiểu số đạt 15,6%."), 1, -1, NULL,
	       WANT(",4 nhiệm kỳ", ",số nhiệm kỳ"), "scores: a count before another phrase is no subject");
	expect(ctx,
	       LINES("Bài thi môn Tin học (tuyển tối đa 50% chỉ tiêu) hoặc bài thi môn Toán (tuyển tối thiểu 40% chỉ "
		     "tiêu)."),
	       1, 1, WANT(",Bài thi môn Tin học,"), WANT(",chỉ tiêu)"), "scores: the tail of an aside is no subject");
	/* a part counted of a total: the total's noun up to its qualifier, then the part's own words */
	expect(ctx,
	       LINES("Sở đã tiếp nhận 200 hồ sơ đăng ký kinh doanh của doanh nghiệp, trong đó có 150 hồ sơ đăng ký trực "
		     "tuyến, đạt tỷ lệ 75%."),
	       1, 1, WANT(",tỷ lệ hồ sơ đăng ký kinh doanh trực tuyến,score,=,75,"), WANT("của doanh nghiệp trực"),
	       "scores: a count-based rate names the total's noun and the part's qualifier");
	expect(ctx, LINES("Sở đã tiếp nhận 200 hồ sơ, trong đó có 150 hồ sơ nộp trực tuyến, đạt tỷ lệ 75%."), 1, 1,
	       WANT(",tỷ lệ hồ sơ nộp trực tuyến,score,=,75,"), NULL,
	       "scores: a total with no words beyond the part's head leaves the part's noun");
	/* a self-assessed result under a lead that names the index: the index is what is measured */
	expect(ctx,
	       LINES("1. Báo cáo tự đánh giá các tiêu chí Chỉ số hài lòng về sự phục vụ hành chính năm 2024 của huyện "
		     "Bình An (gửi kèm theo), trong đó:",
		     "- Kết quả tự đánh giá của huyện đạt: 40,5/45 điểm (chỉ số 90%)."),
	       2, 2,
	       WANT(",kết quả tự đánh giá Chỉ số hài lòng về sự phục vụ hành chính năm 2024 của huyện Bình An,score,=,40.5,45,",
		    ",chỉ số tự đánh giá Chỉ số hài lòng về sự phục vụ hành chính năm 2024 của huyện Bình An,score,=,90,"),
	       NULL, "scores: a self-assessed result takes the index its list's lead names");
	expect(ctx, LINES("Kết quả tự đánh giá của huyện đạt 40,5/45 điểm."), 1, 1,
	       WANT(",tự đánh giá của huyện,score,=,40.5,45,"), WANT("Chỉ số"),
	       "scores: with no lead naming an index, a self-assessed result keeps its own subject");
	/* adverbial phrases are all there is before a figure: it opens its clause, a rate of what follows */
	expect(ctx, LINES("Theo kết quả đánh giá trên Cổng, tính đến ngày 20/11/2024, 95% cơ quan xếp loại Tốt."), 1, 1,
	       WANT(",tỷ lệ cơ quan xếp loại Tốt,score,=,95,"), WANT(",,Theo"),
	       "scores: \"Theo …, tính đến …, N% X\": the rate of X");
	expect(ctx, LINES("Như vậy, đến nay các kiến nghị của cử tri đã được trả lời, chiếm 96%."), 1, 1,
	       WANT(",score,=,96,"), NULL, "scores: a clause after an adverbial still names the figure before it");
	/* a percentage opening a parenthesis after the fraction that makes it: the rate of what is counted */
	expect(ctx,
	       LINES("Đến nay, huyện đã hoàn thành 18/24 công trình đề ra (đạt 75% kế hoạch, các công trình còn lại "
		     "đang thi công)."),
	       1, 1, WANT(",tỷ lệ công trình đề ra,score,=,75,"), NULL,
	       "scores: \"18/24 công trình (đạt 75% kế hoạch\": the rate of the works counted");
	expect(ctx, LINES("Đến nay, huyện đã hoàn thành 18/24 công trình đề ra (đạt 60% kế hoạch vốn)."), 1, -1, NULL,
	       WANT(",tỷ lệ công trình đề ra,"), "scores: a percentage the fraction does not make is not its rate");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

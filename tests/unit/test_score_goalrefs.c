/* Unit tests of figures measured against a goal in a report: a goal named only as "chỉ tiêu
 * (đề ra)" takes the indicator it is set for; a part that says the level is reached ("hiện đạt",
 * "chỉ đạt") is a result even after a goal's words; a list item's own sentences are no section
 * title; a rate after a count ("42/139 cơ quan, đạt tỷ lệ 30%"); an index a label names before a
 * colon ("… (sau đây gọi tắt là Bộ chỉ số 123): …"); "danh mục thủ tục" is no charge ("mức
 * thu"). Small texts written for these tests. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"
#include "extract-fixture.h"
#include "rows-fixture.h"

#include <stdlib.h>
#include <string.h>

/* The scores CSV of lines: nrows rows (-1: any number), each string of want in it, none of
 * unwanted. */
static void expect(sohoa_ctx *ctx, const char *const *lines, size_t n, int nrows, const char *const *want,
		   const char *const *unwanted, const char *name)
{
	expect_rows(ctx, "scores", lines, n, nrows, want, unwanted, name);
}

#define HEAD "UBND TỈNH BẮC NAM", "Số: 12/BC-SNV                 Bắc Nam, ngày 10 tháng 11 năm 2025", "BÁO CÁO", \
	     "Kết quả thực hiện các chỉ số năm 2025", "I. KẾT QUẢ", "1. Về cải cách hành chính"

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);

	expect(ctx, LINES(HEAD, "a) Tỷ lệ văn bản điện tử có ký số đạt 91,2% (chỉ tiêu đề ra là tối thiểu 95%)."), 7, 2,
	       WANT(",Tỷ lệ văn bản điện tử có ký số,score,=,91.2,", ",Tỷ lệ văn bản điện tử có ký số,target,>=,95,"),
	       WANT(",chỉ tiêu"), "scores: \"(chỉ tiêu đề ra là …)\" is the goal of the indicator before; a list item's "
				 "own words are no goal title");
	expect(ctx,
	       LINES(HEAD, "b) Tỷ lệ hồ sơ nộp trực tuyến của tỉnh chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 90%, "
			   "hiện đạt 85,5%). Trong đó, tỷ lệ hồ sơ nộp trực tuyến cấp xã chỉ đạt 80%."),
	       7, 3,
	       WANT(",Tỷ lệ hồ sơ nộp trực tuyến của tỉnh,target,>=,90,", ",Tỷ lệ hồ sơ nộp trực tuyến của tỉnh,score,=,85.5,",
		    ",tỷ lệ hồ sơ nộp trực tuyến cấp xã,score,=,80,"),
	       WANT(",Tỷ lệ hồ sơ nộp trực tuyến của tỉnh chưa", ",chỉ tiêu,", ",target,>=,85.5,"),
	       "scores: \"chỉ tiêu tối thiểu N%, hiện đạt M%\": the goal of the sentence's indicator, and its result");
	expect(ctx, LINES(HEAD, "c) Tỷ lệ hồ sơ thanh toán phí trực tuyến còn thấp, chỉ đạt 45,5% (chỉ tiêu đề ra trong năm 2025 là 60%)."),
	       7, 2, WANT(",Tỷ lệ hồ sơ thanh toán phí trực tuyến,score,=,45.5,", ",Tỷ lệ hồ sơ thanh toán phí trực tuyến,target,=,60,"),
	       WANT(",chỉ tiêu"), "scores: \"còn thấp, chỉ đạt N%\" is a result");
	/* a goal with no indicator named anywhere in its sentence is dropped, not made a row */
	expect(ctx, LINES(HEAD, "d) Chỉ tiêu đề ra là 70%."), 7, 0, NULL, NULL,
	       "scores: a goal that names no indicator gives no row");
	expect(ctx,
	       LINES(HEAD, "e) Công tác thanh tra đã hoàn thành kế hoạch, theo đó, đã thanh tra 21/70 trường học, cơ sở "
			   "y tế, đạt tỷ lệ 30% (chỉ tiêu đề ra là tối thiểu 25%)."),
	       7, 2, WANT(",\"tỷ lệ trường học, cơ sở y tế\",score,=,30,", ",\"tỷ lệ trường học, cơ sở y tế\",target,>=,25,"),
	       NULL, "scores: \"N/M X, đạt tỷ lệ P%\" is the rate of X");
	expect(ctx,
	       LINES(HEAD, "g) Sở đã ban hành 120 quyết định công bố danh mục thủ tục hành chính, trong đó có 90 quyết "
			   "định ban hành đúng hạn, đạt tỷ lệ 75%."),
	       7, 1, WANT(",tỷ lệ quyết định ban hành đúng hạn,score,=,75,"), NULL,
	       "scores: \"danh mục thủ tục\" is no charge: its rate is a result");
	/* "thực hiện đạt", "chứng chỉ đạt" are no "hiện đạt", "chỉ đạt": in a plan, still targets */
	expect(ctx,
	       LINES("UBND TỈNH BẮC NAM", "KẾ HOẠCH", "Phát triển nhân lực năm 2026", "I. MỤC TIÊU",
		     "1. Năm 2026, tỷ lệ giải ngân vốn, kế hoạch thực hiện đạt 95%.",
		     "2. Tỷ lệ lao động có bằng cấp, chứng chỉ đạt 35%."),
	       6, 2, WANT(",target,=,95,", ",target,=,35,"), WANT(",score,"),
	       "scores: \"thực hiện đạt\", \"chứng chỉ đạt\" do not say a level is reached");
	/* a plan's range of its own beside a figure: no plain indicator, no row */
	expect(ctx,
	       LINES(HEAD, "k) Tổng sản phẩm trong tỉnh ước tăng 9,5% (kế hoạch 8,5-8,7%)."), 7, -1, NULL,
	       WANT(",kế hoạch", ",\"Tổng sản phẩm trong tỉnh ước tăng"), "scores: \"(kế hoạch 8,5-8,7%)\" names no indicator");
	/* a count of events ("lượt") names no population whose rate it is */
	expect(ctx,
	       LINES(HEAD, "l) Các bệnh viện khám 4.000 lượt người, trong đó bệnh viện tư khám 1.000 lượt người, chiếm tỷ lệ 25%."),
	       7, -1, NULL, WANT(",tỷ lệ lượt người,"), "scores: a count of events names no rate");
	/* a plan completed that names only itself: the activity the sentence opens with is planned
	 * ("văn bản" is no "vẫn", which would end the phrase) */
	expect(ctx,
	       LINES(HEAD, "m) Việc rà soát văn bản quy phạm pháp luật đã hoàn thành 90% kế hoạch đề ra."), 7, 1,
	       WANT(",tỷ lệ hoàn thành kế hoạch rà soát văn bản quy phạm pháp luật,score,=,90,"), WANT(",kế hoạch đề ra,"),
	       "scores: \"Việc X đã hoàn thành N% kế hoạch đề ra\" is the rate of completion of the plan of X");
	/* a doer, not an activity: no plan named */
	expect(ctx, LINES(HEAD, "n) Sở Nội vụ đã hoàn thành 100% kế hoạch đề ra."), 7, -1, NULL,
	       WANT(",tỷ lệ hoàn thành kế hoạch Sở"), "scores: a doer's plan completed names no activity");
	/* a place the sentence opens with is no indicator */
	expect(ctx, LINES(HEAD, "o) Đà Nẵng cũng là địa phương có tỷ lệ đô thị hóa cao nhất cả nước: 87,2%."), 7, -1, NULL,
	       WANT(",Đà Nẵng,", ",Đà Nẵng cũng,"), "scores: a place alone opening the sentence is no subject");
	/* "chưa đạt chỉ tiêu (mới đạt N%)": the part that says the level is reached is looked for in
	 * the figure's own clause, not back across the parenthesis into the goal's words */
	expect(ctx,
	       LINES(HEAD, "p) Công tác tài chính công được 2,5/8,5 điểm, trong đó: việc công khai ngân sách chưa đầy "
			   "đủ (theo Quyết định số 12/QĐ-UBND, số 13/QĐ-UBND của tỉnh); thực hiện tăng thu sự "
			   "nghiệp của các đơn vị chưa đạt chỉ tiêu (mới đạt 42,85/50%)."),
	       7, 2, WANT(",thực hiện tăng thu sự nghiệp của các đơn vị,score,=,42.85,50,"), WANT(",target,"),
	       "scores: \"chưa đạt chỉ tiêu (mới đạt N%)\" is a result");
	/* a count that does not make the rate of its total names no rate */
	expect(ctx,
	       LINES(HEAD, "g) Sở đã ban hành 120 văn bản, trong đó có 50 văn bản ban hành đúng hạn, đạt tỷ lệ 75%."), 7,
	       -1, NULL, WANT(",tỷ lệ văn bản ban hành đúng hạn,"), "scores: a count whose share is not the rate names none");
	expect(ctx,
	       LINES(HEAD, "h) Bộ chỉ số đánh giá chất lượng phục vụ người dân ban hành tại Quyết định số 123/QĐ-TTg ngày "
			   "02/3/2023 (sau đây gọi tắt là Bộ chỉ số 123): Số liệu, chỉ số được cập nhật theo thời gian "
			   "thực, tính đến ngày 15/10/2025, tỉnh Bắc Nam đạt 85,12/100 điểm, xếp hạng 9/34 tỉnh thành."),
	       7, 2, WANT(",Bộ chỉ số 123 của tỉnh Bắc Nam,score,=,85.12,100,", ",Bộ chỉ số 123 của tỉnh Bắc Nam,rank,"),
	       WANT(",\"Số liệu"), "scores: the index a label names before the colon, by its short name, of the place");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

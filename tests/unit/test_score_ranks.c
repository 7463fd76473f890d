/* Unit tests of the ranks of scores.csv: the forms a rank takes in reports of governance indices
 * ("xếp thứ 20/63", "đứng thứ 5 cả nước", "xếp thứ 5;" in an enumeration of sub-indices, "dẫn đầu
 * cả nước", "thứ 91 trong số 178"), a change of rank (bậc, hạng), the index as the subject of both
 * its score and its rank, and the numbers that are no rank (counts, dates, articles, sets). Small
 * texts written for these tests. */
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

	/* the index named in the sentence is the subject of its score and of its rank */
	expect(ctx, LINES("Chỉ số PAPI năm 2024 của tỉnh đạt 42,5 điểm, xếp thứ 20/63 tỉnh, thành phố."), 1, 2,
	       WANT(",Chỉ số PAPI năm 2024 của tỉnh,score,=,42.5,,điểm,", ",Chỉ số PAPI năm 2024 của tỉnh,rank,=,,,,,20,63,"),
	       NULL, "ranks: the index is the subject of its score and its rank");

	/* sub-indices in an enumeration: each its score and its rank, the rank without a total */
	expect(ctx,
	       LINES("Trong đó: Chỉ số thành phần Cải cách thủ tục hành chính đạt 12,5 điểm, xếp thứ 5; Chỉ số thành "
		     "phần Cải cách tổ chức bộ máy đạt 8,2 điểm, xếp thứ 30."),
	       1, 4,
	       WANT(",Chỉ số thành phần Cải cách thủ tục hành chính,rank,=,,,,,5,,",
		    ",Chỉ số thành phần Cải cách tổ chức bộ máy,rank,=,,,,,30,,"),
	       NULL, "ranks: \"xếp thứ N\" closing a sub-index's clause is its rank");

	/* a change of rank, alone or after a rank or a score, is one value of the row before or its own */
	expect(ctx, LINES("Năm 2024, Chỉ số PCI của tỉnh tăng 8 bậc so với năm 2023."), 1, 1,
	       WANT(",Chỉ số PCI của tỉnh", ",change,=,,,,,,,8,bậc,2024"), NULL, "ranks: a change in bậc alone is a change row");
	expect(ctx, LINES("Chỉ số PAR INDEX năm 2024 của tỉnh xếp hạng 45/63, giảm 5 bậc so với năm 2023."), 1, 1,
	       WANT(",rank,=,,,,,45,63,-5,bậc,"), NULL, "ranks: a change in bậc after a rank stays with it");

	/* ranks without a total, said among whom; the first of all */
	expect(ctx, LINES("Năm 2024, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh đứng thứ 5 cả nước."), 1, 1,
	       WANT(",Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh,rank,=,,,,,5,,,,2024"), NULL,
	       "ranks: \"đứng thứ N cả nước\"");
	expect(ctx, LINES("Chỉ số chuyển đổi số (DTI) năm 2024 của tỉnh dẫn đầu cả nước."), 1, 1,
	       WANT(",Chỉ số chuyển đổi số (DTI) năm 2024 của tỉnh,rank,=,,,,,1,,"), NULL,
	       "ranks: \"dẫn đầu cả nước\" is the first rank");
	expect(ctx, LINES("Tỉnh nằm trong nhóm dẫn đầu cả nước về thu hút đầu tư năm 2024."), 1, 0, NULL, NULL,
	       "ranks: a group of leaders is no first rank");
	expect(ctx, LINES("Năm 2024, tỉnh nằm trong số 10 tỉnh, thành phố dẫn đầu cả nước về số giải."), 1, -1, NULL,
	       WANT(",rank,=,,,,,1,"), "ranks: a group of leaders named over a comma is no first rank");
	expect(ctx, LINES("Năm 2008, Việt Nam đứng thứ 91 trong số 178 nền kinh tế về môi trường kinh doanh."), 1, 1,
	       WANT(",rank,=,,,,,91,178,"), NULL, "ranks: \"thứ N trong số M\" has M as its total");
	expect(ctx, LINES("Chỉ số tính cạnh tranh du lịch năm 2007 xếp hạng 6 trên 124 quốc gia."), 1, 1,
	       WANT(",Chỉ số tính cạnh tranh du lịch năm 2007,rank,=,,,,,6,124,"), NULL,
	       "ranks: \"xếp hạng N trên M\" has M as its total");

	/* what a rank is about, after "về": up to the clause's end or whom it follows */
	expect(ctx, LINES("Năm 2018, tỉnh xếp thứ 63 về GRDP bình quân đầu người, đứng thứ 58 về tốc độ tăng trưởng GRDP."), 1, 2,
	       WANT(",GRDP bình quân đầu người,rank,=,,,,,63,", ",tốc độ tăng trưởng GRDP,rank,=,,,,,58,"), NULL,
	       "ranks: \"về X\" names what is ranked, \"độ\" no stop");
	expect(ctx, LINES("Năm 2018, tỉnh đông thứ 26 về số dân với 21,5 triệu dân."), 1, 1, WANT(",số dân,rank,=,,,,,26,"),
	       NULL, "ranks: \"với\" ends what is ranked");

	/* a labelled amount: the label is ranked */
	expect(ctx, LINES("Năm 2025, tỉnh có diện tích: 5.939 km², xếp thứ 28; dân số: 4.370.046 người, xếp thứ 7."), 1, 2,
	       WANT(",diện tích,rank,=,,,,,28,", ",dân số,rank,=,,,,,7,"), WANT("số người"),
	       "ranks: the label of an amount is what is ranked");

	/* an index named in an opening phrase ranks or scores the place after it */
	expect(ctx, LINES("Trong bảng xếp hạng Chỉ số PCI năm 2011, tỉnh Lào Cai xếp ở vị trí thứ 1/63 tỉnh thành."), 1, 1,
	       WANT(",Chỉ số PCI năm 2011 của tỉnh Lào Cai,rank,=,,,,,1,63,,,2011"), NULL,
	       "ranks: the index of an opening phrase, of the place ranked");
	expect(ctx, LINES("Về chỉ số phát triển con người (HDI), Trung Quốc đạt 0,752 điểm."), 1, 1,
	       WANT(",chỉ số phát triển con người (HDI) của Trung Quốc,score,=,0.752,"), NULL,
	       "ranks: the index of an opening phrase, of the place scored");
	/* the verb of a group is no part of what is ranked; a place ending in "Nam" keeps it */
	expect(ctx, LINES("Năm 2024, Việt Nam nằm trong nhóm 5 nước dẫn đầu khu vực ASEAN."), 1, 1,
	       WANT(",Việt Nam,rank,<=,,,,,5,,,,2024"), NULL, "ranks: \"nằm trong nhóm\" is the rank's verb");
	expect(ctx, LINES("Năm 2021, Quảng Nam trong nhóm 9 tỉnh có tốc độ tăng trưởng cao nhất."), 1, 1,
	       WANT(",Quảng Nam,rank,<=,,,,,9,"), NULL, "ranks: \"Nam\" of a place is no verb");

	/* numbers that are no rank */
	expect(ctx, LINES("Có 11/15 đơn vị và 1/2 số xã hoàn thành trước ngày 15/3/2024 theo Điều 5 của Quyết định số 12/2024/QĐ-UBND."),
	       1, 0, NULL, NULL, "ranks: counts, dates and articles are no ranks");
	expect(ctx, LINES("Khách sạn được xếp hạng 3 sao năm 2020, các đơn vị xếp thứ tự 1, 2, 3 theo lần thứ 5."), 1, 0, NULL,
	       NULL, "ranks: a class and an order of listing are no ranks");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

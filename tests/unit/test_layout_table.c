/* Unit tests of tables laid out in columns with spaces (extract/layout.c), shares of a count
 * (extract/scores-shares.c), parts of a scale (extract/schemes-parts.c) and bands in percentages
 * (extract/schemes-pctbands.c): made-up texts as `pdftotext -layout` writes them, read through
 * ingest and normalize as a text file would be. */
#include "../../extract/extract-int.h"
#include "../../normalize/normalize.h"
#include "check.h"
#include "extract-fixture.h"

#include <stdlib.h>
#include <string.h>

static sohoa_ctx *ctx;

/* The CSV rows (no header) extractor kind writes for text data; "(error)" on failure. */
static char *extract(const char *kind, const char *data)
{
	sohoa_doc *doc = NULL;
	sohoa_text *t = NULL;
	sohoa_buf out = {0};
	const sohoa_extractor *ex = sohoa_extractor_find(kind);
	if (!ex || sohoa_doc_from_text(ctx, "t.txt", data, strlen(data), &doc) != SOHOA_OK ||
	    sohoa_normalize_doc(ctx, doc, &t) != SOHOA_OK || ex->run(ctx, doc, t, &out) != SOHOA_OK) {
		printf("# error: %s\n", sohoa_errmsg(ctx));
		sohoa_text_free(t);
		sohoa_doc_free(doc);
		sohoa_buf_free(&out);
		return sohoa_strdup("(error)");
	}
	sohoa_text_free(t);
	sohoa_doc_free(doc);
	return out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
}

/* Every string of want is in the CSV of kind for data, which has nrows rows (-1: any), and no
 * string of unwanted is. */
static void expect(const char *kind, const char *data, int nrows, const char *const *want,
		   const char *const *unwanted, const char *name)
{
	char *csv = extract(kind, data);
	int ok = nrows < 0 || count_rows(csv) == (size_t)nrows;
	for (size_t i = 0; want && want[i]; i++)
		ok = ok && strstr(csv, want[i]) != NULL;
	for (size_t i = 0; unwanted && unwanted[i]; i++)
		ok = ok && !strstr(csv, unwanted[i]);
	CHECK(ok, name);
	if (!ok)
		printf("    %s got:\n%s\n", kind, csv);
	free(csv);
}

/* A results table: a title, a header whose names are stacked over lines, one-line rows, names
 * wrapped around their row's figures, a row of the mean. */
static const char results[] =
	"      Bảng tổng hợp kết quả chấm điểm công tác văn thư lưu trữ năm 2024 của các\n"
	"phòng chuyên môn như sau:\n"
	"                                       Điểm                   Điểm\n"
	"                                                  Điểm\n"
	" TT             Đơn vị                chuẩn                  thẩm       Tỷ lệ\n"
	"                                                  tự chấm\n"
	"                                                              định\n"
	"  1    Phòng Nội vụ                    40,00      38,50      36,00     90,00%\n"
	"  2    Phòng Văn hóa                   40,00      35,00      30,00     75,00%\n"
	"       Phòng Tài nguyên và Môi\n"
	"  3                                    38,00      30,00      28,50     75,00%\n"
	"       trường\n"
	"  4 Văn phòng HĐND và UBND             40,00      40,00      39,00     97,50%\n"
	"                         Tỷ lệ bình quân                               84,38%\n"
	"\n"
	"      Các phòng còn lại sẽ được chấm điểm trong đợt hai của năm 2025 theo kế hoạch.\n";

/* A criteria table: maxima in a column, rules in the criteria's guidance. */
static const char criteria[] =
	"                        HƯỚNG DẪN CHẤM ĐIỂM CÔNG TÁC THI ĐUA\n"
	"\n"
	"                                                                      Điểm        Điểm\n"
	"STT              Nội dung tiêu chí và cách chấm                                   tự chấm\n"
	"                                                                      tối đa\n"
	" 1    CÔNG TÁC TỔ CHỨC PHONG TRÀO                                     12,0\n"
	"\n"
	"1.1   Ban hành kế hoạch phát động phong trào thi đua                   4,0\n"
	"      trong năm\n"
	"      Kế hoạch gửi đúng hạn và đủ nội dung.\n"
	"      - Ban hành đúng hạn thì điểm đánh giá là 4.\n"
	"      - Ban hành chậm dưới 15 ngày thì điểm đánh giá là 2.\n"
	"      - Không ban hành thì điểm đánh giá là 0.\n"
	"1.2   Tổ chức sơ kết, tổng kết phong trào                              8,0\n"
	"      - Tổ chức đủ 02 hội nghị thì điểm đánh giá là 8.\n"
	"      - Tổ chức 01 hội nghị thì điểm đánh giá là 4.\n";

/* A table of counts over totals: each row's percentage under its count, its name wrapped around
 * its row number. */
static const char ratios[] =
	"      Kết quả tiếp nhận hồ sơ qua dịch vụ bưu chính như sau:\n"
	"                                                        Số lượng hồ sơ\n"
	" TT                 Tên thủ tục                        qua bưu chính/Tổng\n"
	"                                                          số hồ sơ\n"
	"       Cấp đổi giấy phép lái xe do ngành giao\n"
	"  1    thông vận tải cấp                                   450/900\n"
	"       (mã thủ tục: 1.002804)                               (50,0%)\n"
	"\n"
	"       Đăng ký khai sinh cho trẻ em                         120/480\n"
	"  2\n"
	"       (mã thủ tục: 1.001193)                               (25%)\n"
	"      Các thủ tục còn lại chưa triển khai tiếp nhận qua dịch vụ bưu chính công ích.\n";

/* Shares of a count: the share is a result, the thresholds describing what is counted are none;
 * a share that is not N/M's is left to the sentence rules. */
static const char shares[] =
	"      Kết quả kiểm tra hồ sơ lưu trữ của các xã năm 2024:\n"
	"      - Có 6/8 xã có hồ sơ đạt từ 90% trở lên, chiếm tỷ lệ 75,00%;\n"
	"      - Có 2/8 xã có hồ sơ đạt dưới 90%, chiếm 25%.\n"
	"      - Có 3/8 xã đã số hóa hồ sơ, chiếm tỷ lệ 40%.\n";

/* Parts of a scale: each part's maximum is a criterion, no score. */
static const char parts[] =
	"      Bộ tiêu chí gồm 02 phần, tổng thang điểm là 100 điểm:\n"
	"      - Phần thứ nhất: Đánh giá qua hồ sơ, tài liệu kiểm chứng. Điểm tối đa là 80/100 điểm.\n"
	"      - Phần thứ hai: Đánh giá qua kiểm tra thực tế (tại đơn vị). Điểm tối đa là\n"
	"20/100 điểm.\n";

/* Bands in percentages under band labels. */
static const char pct_bands[] =
	"      Kết quả được xếp thành 03 loại như sau:\n"
	"      - Xếp loại Xuất sắc: Có tỷ lệ hoàn thành đạt từ 90% trở lên.\n"
	"      - Xếp loại Đạt: Có tỷ lệ hoàn thành từ 70% đến dưới 90%.\n"
	"      - Xếp loại Chưa đạt: Có tỷ lệ hoàn thành dưới 70%.\n";

/* Levels in percentages, named without a colon; a rate named "Mức" is no level. */
static const char levels[] =
	"      Kết quả được chia thành 03 mức:\n"
	"      + Mức CAO tương ứng với kết quả Chỉ số ABC đạt từ 85% trở lên;\n"
	"      + Mức VỪA tương ứng với kết quả Chỉ số ABC đạt từ 60% - dưới 85%;\n"
	"      + Mức THẤP tương ứng với kết quả Chỉ số ABC đạt dưới 60%.\n"
	"      Mức hỗ trợ đạt từ 40% trở lên so với năm trước.\n";

/* Regions side by side: each region's columns ("Điểm số", "Thứ hạng") under its name above; the
 * rows' names, centred on their figures, open right under the header or after a blank. */
static const char grouped[] =
	"      Kết quả các chỉ số thành phần của ba vùng như sau:\n"
	"                               Vùng Một             Vùng Hai            Vùng Ba\n"
	"  STT        Nội dung        Điểm   Chỉ    Thứ     Điểm   Chỉ   Thứ    Điểm   Chỉ   Thứ\n"
	"                              số    số     hạng     số    số    hạng    số    số    hạng\n"
	"          Chi phí đăng ký\n"
	"    1                        6,10           41     7,20           12   8,30            3\n"
	"          kinh doanh\n"
	"          Tiếp cận mặt\n"
	"    2     bằng sản xuất      5,40           52     6,50           27   6,60           21\n"
	"          kinh doanh\n"
	"\n"
	"          Chỉ số chung       61,20           33     70,15           9   72,00           4\n"
	"\n"
	"      Các chỉ số còn lại được phân tích ở phần sau của báo cáo này.\n";

/* Districts down the side, indices side by side: a score (over its scale) and a rank (over the
 * number ranked) of each index for each district, the kind of unit from the column's name. */
static const char districts[] =
	"      Các chỉ số của ba huyện trong năm 2023 như sau:\n"
	"\n"
	"      Huyện            ABX Index                QTC\n"
	"     (trước\n"
	"                                 Thứ                    Thứ\n"
	"    sáp nhập)    Điểm số                  Chỉ số\n"
	"                                 hạng                   hạng\n"
	"      Hồng\n"
	"                 71,5/100       12/40     88,2%         5/40\n"
	"      Sơn\n"
	"      Lam\n"
	"                 65,0/100       30/40     79,9%        21/40\n"
	"      Giang\n"
	"\n"
	"      Các huyện còn lại chưa có kết quả của năm 2023.\n";

/* Fields side by side for units down the side: each field's scale, points and rank; the maxima
 * and the row of their sums are no scores. */
static const char fields[] =
	"      Điểm các lĩnh vực của hai đơn vị trong năm 2024 như sau:\n"
	"\n"
	"                        Cải cách thể chế           Cải cách tài chính\n"
	"   STT   Đơn vị        Thang    Điểm     Xếp       Thang    Điểm     Xếp\n"
	"                       điểm     đạt      hạng      điểm     đạt      hạng\n"
	"    1    Sở Tư pháp      10     8,50       2         12    11,00       1\n"
	"    2    Sở Nội vụ       10     9,25       1         12     9,00       2\n"
	"         Tổng cộng       20                          24\n"
	"\n"
	"      Các đơn vị còn lại được chấm điểm trong đợt sau.\n";

/* Points beside a rank column: the rank's cells are not the points', each is a rank by the points. */
static const char ranked[] =
	"      Kết quả chấm điểm của các đơn vị năm 2024:\n"
	" TT           Đơn vị                  Điểm số        Thứ hạng      Tỷ lệ (%)\n"
	"  1    Phòng Kinh tế                   45,50              2          91,00\n"
	"  2    Phòng Y tế                      40,00              5          80,00\n"
	"\n"
	"      Các đơn vị còn lại được chấm điểm trong đợt sau theo kế hoạch.\n";

/* A table of counts: no column of points or percentages, so not read here. */
static const char counts[] =
	"STT        Loại hồ sơ                  Số lượng        Ghi chú\n"
	" 1    Hồ sơ đăng ký mới                   120            đủ\n"
	" 2    Hồ sơ gia hạn                        85            đủ\n";

/* A criteria table whose cases carry their points after a colon or in a rule, without bullets,
 * one wrapped over two lines, one around its row's number and maximum; a figure above its
 * criterion's maximum is no case of it, a line opening in lower case opens no rule. */
static const char colon_cases[] =
	"STT         Lĩnh vực/Tiêu chí                                      Điểm        Điểm\n"
	"                                                                   tối đa      tự chấm\n"
	"1.     CÔNG TÁC THÔNG TIN CƠ SỞ                                    3.00\n"
	"1.1.   Cập nhật bản tin của phường                                 1.00\n"
	"       Cập nhật đủ các số bản tin trong quý: 1\n"
	"       Cập nhật thiếu một trong các số bản tin\n"
	"       theo kế hoạch của phường: 0.5\n"
	"1.2.   Trả lời ý kiến của hộ gia đình                              2.00\n"
	"       Số ý kiến được trả lời trong tháng: 25\n"
	"       Không trả lời ý kiến nào: 0\n"
	"       Nếu có ý kiến chưa trả lời thì điểm đánh giá là 0.5.\n"
	"       số ý kiến còn lại thì điểm đánh giá là 1\n"
	"\n"
	"       Giải quyết ý kiến của tổ dân phố.\n"
	"       - Trả lời đủ, đúng hạn các ý kiến thì điểm đánh giá là\n"
	"1.3.                                                               1.50\n"
	"       1.5.\n"
	"2.     CÔNG TÁC KHÁC                                               1.00\n";

int main(void)
{
	sohoa_options o;
	sohoa_options_init(&o);
	o.restore = SOHOA_RESTORE_OFF;
	ctx = sohoa_ctx_new(&o);

	expect("scores", results, 13,
	       WANT(",1,8,", "điểm tự chấm công tác văn thư lưu trữ của Phòng Nội vụ,score,=,38.5,40,điểm",
		    "điểm thẩm định công tác văn thư lưu trữ của Phòng Nội vụ,score,=,36,40,điểm",
		    "tỷ lệ công tác văn thư lưu trữ của Phòng Nội vụ,score,=,90,,%",
		    "điểm thẩm định công tác văn thư lưu trữ của Phòng Tài nguyên và Môi trường,score,=,28.5,38,điểm",
		    ",1,11,", "tỷ lệ công tác văn thư lưu trữ của Văn phòng HĐND và UBND,score,=,97.5,,%",
		    "tỷ lệ bình quân về công tác văn thư lưu trữ,score,=,84.38,,%"),
	       WANT("chuẩn công tác", ",1,10,", ",1,12,"), "results table: a row per figure measured, named by column and unit");
	expect("schemes", results, 0, NULL, NULL, "results table: its column of maxima is no scheme");

	expect("schemes", criteria, 8,
	       WANT("criterion,CÔNG TÁC TỔ CHỨC PHONG TRÀO,12,,,1,6,",
		    "criterion,Ban hành kế hoạch phát động phong trào thi đua trong năm,4,,,1,8,",
		    "criterion,Ban hành kế hoạch phát động phong trào thi đua trong năm,,2,Ban hành chậm dưới 15 ngày,1,12,",
		    "criterion,Ban hành kế hoạch phát động phong trào thi đua trong năm,,0,Không ban hành,1,13,",
		    "criterion,\"Tổ chức sơ kết, tổng kết phong trào\",8,,,1,14,",
		    "criterion,\"Tổ chức sơ kết, tổng kết phong trào\",,4,Tổ chức 01 hội nghị,1,16,"),
	       NULL, "criteria table: maxima and the rules of each criterion");
	expect("scores", criteria, 0, NULL, NULL, "criteria table: its conditions are no scores");
	expect("schemes", colon_cases, 10,
	       WANT("criterion,Cập nhật bản tin của phường,,1,Cập nhật đủ các số bản tin trong quý,1,5,",
		    "criterion,Cập nhật bản tin của phường,,0.5,Cập nhật thiếu một trong các số bản tin theo kế hoạch của "
		    "phường,1,7,",
		    "criterion,Trả lời ý kiến của hộ gia đình,,0,Không trả lời ý kiến nào,1,10,",
		    "criterion,Trả lời ý kiến của hộ gia đình,,0.5,Nếu có ý kiến chưa trả lời,1,11,",
		    "criterion,Giải quyết ý kiến của tổ dân phố,,1.5,\"Trả lời đủ, đúng hạn các ý kiến\",1,17,"),
	       WANT(",25,"), "criteria table: cases closed by their points after a colon, not above the maximum");

	expect("scores", ratios, 2,
	       WANT(",1,7,", "tỷ lệ hồ sơ qua bưu chính trên tổng số hồ sơ cấp đổi giấy phép lái xe do ngành giao "
			     "thông vận tải cấp,score,=,50,,%",
		    ",1,11,", "tỷ lệ hồ sơ qua bưu chính trên tổng số hồ sơ đăng ký khai sinh cho trẻ em,score,=,25,,%"),
	       NULL, "counts over totals: the rate of each row, named by column and row");
	expect("scores", shares, -1,
	       WANT(",1,2,", "tỷ lệ xã có hồ sơ đạt từ 90% trở lên,score,=,75,,%", ",1,3,",
		    "tỷ lệ xã có hồ sơ đạt dưới 90%,score,=,25,,%"),
	       WANT(",90,", "tỷ lệ xã đã số hóa hồ sơ"), "shares of a count: results, their thresholds none");
	expect("schemes", parts, -1,
	       WANT("criterion,\"Phần thứ nhất: Đánh giá qua hồ sơ, tài liệu kiểm chứng\",80,,,1,2,",
		    "criterion,Phần thứ hai: Đánh giá qua kiểm tra thực tế,20,,,1,4,"),
	       NULL, "parts of a scale: each part's maximum is a criterion");
	expect("scores", parts, 0, NULL, NULL, "parts of a scale are no scores");
	expect("schemes", pct_bands, 3,
	       WANT("band,Xuất sắc,,90,Có tỷ lệ hoàn thành đạt từ 90% trở lên,1,2,",
		    "band,Đạt,90,70,Có tỷ lệ hoàn thành từ 70% đến dưới 90%,1,3,",
		    "band,Chưa đạt,70,,Có tỷ lệ hoàn thành dưới 70%,1,4,"),
	       NULL, "bands in percentages under band labels");
	expect("scores", pct_bands, 0, NULL, NULL, "bands in percentages are no scores");
	expect("schemes", levels, 3,
	       WANT("band,CAO,,85,tương ứng với kết quả Chỉ số ABC đạt từ 85% trở lên,1,2,",
		    "band,VỪA,85,60,tương ứng với kết quả Chỉ số ABC đạt từ 60% - dưới 85%,1,3,",
		    "band,THẤP,60,,tương ứng với kết quả Chỉ số ABC đạt dưới 60%,1,4,"),
	       WANT("hỗ trợ"), "levels in percentages named without a colon; a rate is no level");
	expect("scores", levels, -1, NULL, WANT(",85,", ",60,", "Mức CAO", "Mức THẤP"),
	       "levels in percentages are no scores");
	expect("scores", grouped, 18,
	       WANT(",1,6,,chỉ số thành phần Chi phí đăng ký kinh doanh của Vùng Một,score,=,6.1,,điểm,",
		    ",1,6,,chỉ số thành phần Chi phí đăng ký kinh doanh của Vùng Một,rank,=,,,,,41,",
		    ",1,6,,chỉ số thành phần Chi phí đăng ký kinh doanh của Vùng Ba,rank,=,,,,,3,",
		    ",1,9,,chỉ số thành phần Tiếp cận mặt bằng sản xuất kinh doanh của Vùng Hai,score,=,6.5,,điểm,",
		    ",1,9,,chỉ số thành phần Tiếp cận mặt bằng sản xuất kinh doanh của Vùng Hai,rank,=,,,,,27,",
		    ",1,12,,Chỉ số chung của Vùng Ba,score,=,72,,điểm,", ",1,12,,Chỉ số chung của Vùng Hai,rank,=,,,,,9,"),
	       WANT("Nội dung", "hạng của", "kinh doanh Tiếp cận"),
	       "regions' columns side by side: a score and a rank per region and row");
	expect("scores", districts, 8,
	       WANT(",1,9,,chỉ số ABX Index của huyện Hồng Sơn (trước sáp nhập),score,=,71.5,100,điểm,",
		    ",1,9,,chỉ số ABX Index của huyện Hồng Sơn (trước sáp nhập),rank,=,,,,,12,40,",
		    ",1,9,,chỉ số QTC của huyện Hồng Sơn (trước sáp nhập),score,=,88.2,,%,",
		    ",1,9,,chỉ số QTC của huyện Hồng Sơn (trước sáp nhập),rank,=,,,,,5,40,",
		    ",1,12,,chỉ số ABX Index của huyện Lam Giang (trước sáp nhập),score,=,65,100,điểm,",
		    ",1,12,,chỉ số QTC của huyện Lam Giang (trước sáp nhập),rank,=,,,,,21,40,"),
	       WANT("Thứ hạng", ",40,,điểm"), "districts by indices: a score and a rank per district and index");
	expect("scores", fields, 8,
	       WANT(",1,6,,Cải cách thể chế của Sở Tư pháp,score,=,8.5,10,điểm,",
		    ",1,6,,Cải cách thể chế của Sở Tư pháp,rank,=,,,,,2,",
		    ",1,7,,Cải cách tài chính của Sở Nội vụ,score,=,9,12,điểm,",
		    ",1,7,,Cải cách tài chính của Sở Nội vụ,rank,=,,,,,2,"),
	       WANT("Tổng cộng", "score,=,10,", "score,=,12,"), "fields by units: points over their field's scale, ranks");
	expect("scores", ranked, 6,
	       WANT("Phòng Kinh tế,score,=,45.5,", "Phòng Y tế,score,=,80,,%", "Phòng Kinh tế,rank,=,,,,,2,",
		    "Phòng Y tế,rank,=,,,,,5,"),
	       WANT("score,=,2,", "score,=,5,"), "a rank column's cells are ranks, not the next column's figures");
	expect("scores", counts, 0, NULL, NULL, "a table of counts gives no scores");
	expect("schemes", counts, 0, NULL, NULL, "a table of counts gives no scheme");

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

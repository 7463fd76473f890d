/* Unit tests of the flattened-table reader of responsibilities.csv (responsibilities-table.c) on
 * tables written for this test: one cell per paragraph (cells apart by a blank line, rows by two,
 * wrapped cells, a group row, a missing cell, a header repeated, a merged task over two units, the
 * table's end), one cell per line (a lead cell that goes on past the unit's name), prose that
 * only looks like a header, and a line of dots for rows left out. */
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

	/* one cell per paragraph */
	{
		static const char *const l[] = {
			"PHỤ LỤC",                                                     /* 1 */
			"CÁC VIỆC CẦN LÀM NĂM 2026",                                   /* 2 */
			"",
			"STT", /* 4 */
			"",
			"Nội dung công",
			"việc",
			"",
			"Đơn vị chủ trì", /* 9 */
			"",
			"Đơn vị phối hợp",
			"",
			"Thời hạn",
			"",
			"Sản phẩm", /* 15 */
			"",
			"",
			"I", /* 18 */
			"",
			"CÔNG TÁC CHUẨN BỊ",
			"",
			"",
			"1", /* 23 */
			"",
			"Lập danh sách các điểm cầu họp",
			"trực tuyến ở cấp xã",
			"",
			"Sở Khoa học và Công nghệ",
			"",
			"Ủy ban nhân dân các xã, phường", /* 30 */
			"",
			"Trước ngày 20/01/2026",
			"",
			"Danh sách điểm cầu",
			"",
			"",
			"2", /* 37 */
			"",
			"Sửa quy chế tiếp nhận hồ sơ",
			"",
			"Văn phòng Ủy ban nhân dân tỉnh", /* 41 */
			"",
			"Quý II/2026",
			"",
			"Quy chế sửa đổi",
			"",
			"",
			"STT", /* 48: the header again, on a new page */
			"",
			"Nội dung công việc",
			"",
			"Đơn vị chủ trì",
			"",
			"Đơn vị phối hợp",
			"",
			"Thời hạn",
			"",
			"Sản phẩm",
			"",
			"",
			"3", /* 61 */
			"",
			"Mua sắm máy quét cho bộ phận một cửa",
			"",
			"Sở Tài chính",
			"",
			"Các sở, ngành",
			"",
			"Năm 2026",
			"",
			"Máy quét",
			"",
			"",
			"Ủy ban nhân dân các xã, phường", /* 74: a second lead under the same task */
			"",
			"Sở Tài chính",
			"",
			"",
			"Nơi nhận:", /* 79 */
			"- Như trên;",
			"Sở Y tế chủ trì, phối hợp với các đơn vị tổng hợp kết quả.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv,
		    "t,1,Lập danh sách các điểm cầu họp trực tuyến ở cấp xã,Sở Khoa học và Công nghệ,"
		    "\"Ủy ban nhân dân các xã, phường\",Danh sách điểm cầu,2026-01-20,,1,23,table",
		    "paragraphs: a wrapped task joined, every column in place, a full date as ISO");
		has(csv, "t,2,Sửa quy chế tiếp nhận hồ sơ,Văn phòng Ủy ban nhân dân tỉnh,,Quy chế sửa đổi,Quý II/2026,,1,37,table",
		    "paragraphs: a missing cooperating cell is left empty, the deadline is not taken for it");
		has(csv, "t,3,Mua sắm máy quét cho bộ phận một cửa,Sở Tài chính,\"Các sở, ngành\",Máy quét,Năm 2026,,1,61,table",
		    "paragraphs: the header repeated on a new page is skipped");
		has(csv, "t,3,Mua sắm máy quét cho bộ phận một cửa,\"Ủy ban nhân dân các xã, phường\",Sở Tài chính,,,,1,61,table",
		    "paragraphs: units under a merged task cell are a row of their own");
		CHECK(count(csv, ",table") == 4, "paragraphs: four rows, none for the group 'I' or the header");
		CHECK(count(csv, "\r\n") == 5, "paragraphs: the sentence after the table is read as prose, no other rows");
		CHECK(!strstr(csv, "Nội dung") && !strstr(csv, "CÔNG TÁC"), "paragraphs: header and group are no tasks");
		free(csv);
	}

	/* one cell per line, a wrapped cell going on in lowercase */
	{
		static const char *const l[] = {
			"TT",
			"Nhiệm vụ",
			"Cơ quan chủ trì",
			"Cơ quan phối hợp",
			"Thời gian hoàn thành",
			"1",
			"Tổ chức cuộc thi tìm hiểu pháp luật",
			"cho đoàn viên thanh niên", /* 8 */
			"Tỉnh đoàn",
			"Sở Tư pháp",
			"Tháng 9/2026",
			"2",
			"Rà soát thủ tục hành chính nội bộ",
			"Sở Nội vụ",
			"Các sở, ban, ngành",
			"Hằng quý",
			"3",
			"Cập nhật danh mục vị trí việc làm",
			"Sở Nội vụ chủ trì hướng dẫn, tổng hợp",
			"Các sở, ban, ngành",
			"Năm 2026",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "t,1,Tổ chức cuộc thi tìm hiểu pháp luật cho đoàn viên thanh niên,Tỉnh đoàn,Sở Tư pháp,,Tháng 9/2026,,1,6,table",
		    "lines: one cell per line, a lowercase line continues the cell");
		has(csv, "t,2,Rà soát thủ tục hành chính nội bộ,Sở Nội vụ,\"Các sở, ban, ngành\",,Hằng quý,,1,12,table",
		    "lines: a row between rows");
		has(csv, "t,3,Cập nhật danh mục vị trí việc làm,Sở Nội vụ,\"Các sở, ban, ngành\",,Năm 2026,,1,17,table",
		    "lines: a lead cell saying what the unit does gives the unit's name; the last row ends with the text");
		CHECK(count(csv, ",table") == 3, "lines: three rows");
		free(csv);
	}

	/* short lines that name columns inside prose are no table */
	{
		static const char *const l[] = {
			"3. Phân công",
			"",
			"Cơ quan chủ trì",
			"",
			"Sở Công Thương chủ trì theo dõi việc thực hiện kế hoạch.",
			"",
			"Cơ quan phối hợp",
			"",
			"Các sở, ngành theo chức năng, nhiệm vụ.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		CHECK(count(csv, ",table") == 0, "prose: two headings between sentences are no table header");
		free(csv);
	}


	/* a shortened table: a line of dots stands for rows left out, and the numbering starts again
	 * after it */
	{
		static const char *const l[] = {
			"STT", "", "Nội dung", "", "Cơ quan chủ trì", "", "Cơ quan phối hợp", "", "Thời hạn", "", "",
			"1", "", "Lắp camera tại các nút giao", "", "Sở Xây dựng", "", "Công an tỉnh", "", "Năm 2026", "", "",
			"2", "", "Sơn lại vạch kẻ đường", "", "Sở Xây dựng", "", "Ủy ban nhân dân các xã", "", "Quý III/2026", "", "",
			"\xE2\x80\xA6..................", "", /* 34 */
			"2", "", "Kiểm tra tải trọng xe trên quốc lộ", "", "Công an tỉnh", "", "Sở Xây dựng", "", "Thường xuyên", "", "",
			"3", "", "Tuyên truyền an toàn giao thông trong trường học", "", "Sở Giáo dục và Đào tạo", "", "Tỉnh đoàn", "",
			"Hằng năm",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, "t,2,Sơn lại vạch kẻ đường,Sở Xây dựng,Ủy ban nhân dân các xã,,Quý III/2026,,1,23,table",
		    "elision: the row before the dots ends there");
		has(csv, "t,2,Kiểm tra tải trọng xe trên quốc lộ,Công an tỉnh,Sở Xây dựng,,Thường xuyên,,1,36,table",
		    "elision: the table goes on after the dots, its numbering started again");
		has(csv, "t,3,Tuyên truyền an toàn giao thông trong trường học,Sở Giáo dục và Đào tạo,Tỉnh đoàn,,Hằng năm,,1,47,table",
		    "elision: the rows after it");
		CHECK(count(csv, ",table") == 4, "elision: four rows, none for the dots");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

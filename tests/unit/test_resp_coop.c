/* Unit tests of the lead and cooperating units read from task sentences (responsibilities-units.c):
 * a Sở or Bộ named by its whole sector, lower-case words, hyphen and comma included ("Bộ Giao thông
 * vận tải", "Sở Lao động - Thương binh và Xã hội"); a name that ends before "tổ chức" or a task verb
 * ("đánh giá", "ứng dụng") yet keeps "tổ chức" after a comma; "chủ trì cùng X" asking X to
 * cooperate. Texts written for this test. */
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

	/* whole sector names, as cooperating units and as leads */
	{
		static const char *const l[] = {
			"III. TỔ CHỨC THỰC HIỆN",
			"1. Sở Xây dựng chủ trì, phối hợp với Bộ Giao thông vận tải thực hiện rà soát mạng lưới đường bộ.",
			"2. Sở Nội vụ chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội tổ chức tập huấn cho cán bộ.",
			"3. Bộ Giao thông vận tải chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch bảo trì.",
			"4. Sở Y tế chủ trì, phối hợp với Bộ Giao thông vận tải và các địa phương thực hiện kiểm tra.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Xây dựng,Bộ Giao thông vận tải,", "sector: lower-case words of a ministry's sector kept");
		has(csv, ",Sở Nội vụ,Sở Lao động - Thương binh và Xã hội,", "sector: a hyphen and 'và' inside the sector kept");
		has(csv, ",Bộ Giao thông vận tải,Sở Tài chính,", "sector: the lead's whole name too");
		has(csv, ",Sở Y tế,Bộ Giao thông vận tải và các địa phương,", "sector: other units after the name kept");
		free(csv);
	}

	/* where a name ends: before "tổ chức" and task verbs, not after a comma */
	{
		static const char *const l[] = {
			"III. TỔ CHỨC THỰC HIỆN",
			"1. Sở Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các xã, phường tổ chức tuyên truyền pháp luật.",
			"2. Sở Y tế chủ trì, phối hợp với các cơ quan, tổ chức có liên quan thực hiện kiểm tra.",
			"3. Sở Công Thương chủ trì, phối hợp với Ngân hàng Nhà nước Việt Nam ứng dụng công nghệ trong thanh toán.",
			"4. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan, địa phương đánh giá nguyên nhân ngập lụt.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Tư pháp,\"Ủy ban nhân dân các xã, phường\",", "end: the name stops before 'tổ chức' (a task)");
		has(csv, ",Sở Y tế,\"các cơ quan, tổ chức có liên quan\",", "end: 'tổ chức' after a comma is a unit");
		has(csv, ",Sở Công Thương,Ngân hàng Nhà nước Việt Nam,", "end: the name stops before 'ứng dụng'");
		has(csv, ",Sở Nông nghiệp và Môi trường,\"các cơ quan, địa phương\",", "end: the name stops before 'đánh giá'");
		free(csv);
	}

	/* "chủ trì cùng X": X cooperates; "cùng" elsewhere asks nobody */
	{
		static const char *const l[] = {
			"III. TỔ CHỨC THỰC HIỆN",
			"1. Sở Nông nghiệp và Môi trường chủ trì cùng Bộ Tài chính rà soát các quy định về đất đai.",
			"2. Sở Tài chính chủ trì, cùng với các sở, ngành liên quan xây dựng dự toán.",
			"3. Sở Tư pháp cùng Sở Nội vụ kiểm tra việc thi hành pháp luật.",
		};
		char *csv = rows_of(ctx, l, sizeof l / sizeof *l);
		has(csv, ",Sở Nông nghiệp và Môi trường,Bộ Tài chính,", "cùng: the unit after 'chủ trì cùng' cooperates");
		has(csv, ",Sở Tài chính,\"các sở, ngành liên quan\",", "cùng: 'chủ trì, cùng với' too");
		CHECK(!strstr(csv, ",Sở Nội vụ,"), "cùng: not without 'chủ trì' before it");
		free(csv);
	}

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

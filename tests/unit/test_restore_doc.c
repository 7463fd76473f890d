/* What a document's own text tells restoration (issue 15), on the shipped model: the tone style
 * of its marked words (hoà or hòa) for the words restoration writes, and its own vocabulary (a
 * form read clearly in some paragraphs wins an ambiguous repeat in another, where the context
 * allows it). One FAIL when data/sohoa-lm.bin is missing. */
#include "../../core/viet.h"
#include "check.h"
#include "shipped-model.h"

/* Restore the count paragraphs together with one job; the results joined by " | " (static). */
static const char *together(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *const *paras, size_t count)
{
	static char res[4096];
	sohoa_restore_mode modes[16];
	size_t lens[16];
	sohoa_buf outs[16];
	for (size_t k = 0; k < count; k++) {
		modes[k] = mode;
		lens[k] = strlen(paras[k]);
		outs[k] = (sohoa_buf){0};
	}
	res[0] = 0;
	if (sohoa_restore_many(ctx, modes, paras, lens, count, outs) == SOHOA_OK)
		for (size_t k = 0; k < count; k++)
			snprintf(res + strlen(res), sizeof res - strlen(res), "%s%s", k ? " | " : "",
				 outs[k].data ? outs[k].data : "");
	for (size_t k = 0; k < count; k++)
		sohoa_buf_free(&outs[k]);
	return res;
}

int main(void)
{
	sohoa_model *m;
	sohoa_ctx *ctx = shipped_model(&m);

	/* tone style: the restored words follow the paragraph's marked ones; none: the old style */
	const char *newer[] = {"Hoà bình, thuỷ lợi và sức khoẻ; hoa hoc va thuy san"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_STRIP, newer, 1), "Hoà bình, thuỷ lợi và sức khoẻ; hoá học và thuỷ sản",
		  "style: new-style marks, restored words new style");
	const char *older[] = {"Hòa bình, thủy lợi và sức khỏe; hoa hoc va thuy san"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_STRIP, older, 1), "Hòa bình, thủy lợi và sức khỏe; hóa học và thủy sản",
		  "style: old-style marks, restored words old style");
	const char *none[] = {"Hoa binh, hoa hoc va thuy san, suc khoe"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_STRIP, none, 1), "Hòa bình, hóa học và thủy sản, sức khỏe",
		  "style: nothing marked, the model's old style");
	const char *split[] = {"Quý vị, hoà bình", "hoa hoc va thuy san"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_OCR, split, 2), "Quý vị, hoà bình | hoá học và thuỷ sản",
		  "style: the marks of one paragraph set the style of those restored with it; quý is no evidence");

	/* vocabulary: "cac phuong" alone reads "các phương"; in a document of wards, "các phường",
	 * while "phuong an" (a plan) keeps its own reading */
	const char *alone[] = {"UBND cac phuong tren dia ban quan"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_STRIP, alone, 1), "UBND các phương trên địa bàn quận",
		  "vocabulary: alone, the model's reading");
	const char *doc[] = {"Uy ban nhan dan phuong Tan Dinh", "phuong Tan Dinh va phuong Da Kao",
			     "Chu tich phuong Tan Dinh", "UBND cac phuong tren dia ban quan", "xay dung phuong an"};
	CHECK_STR(together(ctx, SOHOA_RESTORE_STRIP, doc, 5),
		  "Ủy ban nhân dân phường Tân Dĩnh | phường Tân Dĩnh và phường Đa Kao | Chủ tịch phường Tân Dĩnh | "
		  "UBND các phường trên địa bàn quận | xây dựng phương án",
		  "vocabulary: the document's clear reading wins the ambiguous repeat, context still decides");

	ctx->model = NULL;
	sohoa_model_free(m);
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}

/* Decoder tests on a tiny model built here from a few sentences: strip (text without marks), vie
 * (tone fixes only when sure), eng-OCR channel entries, case, pass-through classes, detection, and
 * UTF-8 safety. */
#include "../../restore/lm.h"
#include "../../restore/restore.h"
#include "check.h"

#include <stdlib.h>

static const char *const corpus[] = {
	"Ủy ban nhân dân tỉnh Lai Châu ban hành quyết định số 608/QĐ-UBND ngày 02/4/2025.",
	"Căn cứ quyết định của Ủy ban nhân dân tỉnh về chuyển đổi số.",
	"Sở Y tế thực hiện kế hoạch cải cách hành chính năm 2025.",
	"Sở Y tế báo cáo kết quả thực hiện chuyển đổi số với Ủy ban nhân dân tỉnh.",
	"Các cơ quan thực hiện nhiệm vụ để nâng cao chất lượng phục vụ người dân.",
	"Người dân hài lòng với sự phục vụ của cơ quan hành chính nhà nước.",
	"Có thể thực hiện ở cơ sở, có thể báo cáo ở tỉnh.",
	"Cán bộ ở xã và ở tỉnh tham gia thực hiện kế hoạch.",
	"Ban chỉ đạo chuyển đổi số của tỉnh họp về công tác cải cách hành chính.",
	"Thông tin chi tiết xem tại https://laichau.gov.vn hoặc gửi thư tới sotyt@laichau.gov.vn.",
	"Dân số của tỉnh tăng, số người dân hài lòng tăng.",
	"Bé đi học ở trường, bé về nhà ở xóm.",
};

static sohoa_buf model_bytes;

static sohoa_model *tiny_model(void)
{
	sohoa_lmb *b = sohoa_lmb_new();
	size_t n = sizeof corpus / sizeof corpus[0];
	for (int rep = 0; rep < 3; rep++)
		for (size_t i = 0; i < n; i++)
			sohoa_lmb_count_words(b, corpus[i], strlen(corpus[i]), 1);
	/* wrong-tone words the model must know exist (they compete as candidates) */
	sohoa_lmb_add_lexicon(b, "thế thể số sổ sở", strlen("thế thể số sổ sở"), 2);
	sohoa_lmb_options opt = {.max_bytes = 2000000, .min_count = 1};
	sohoa_lmb_vocab(b, &opt);
	for (int rep = 0; rep < 3; rep++)
		for (size_t i = 0; i < n; i++)
			sohoa_lmb_count_ngrams(b, corpus[i], strlen(corpus[i]), 1);
	const char *chan = "s6\tsố\t5\n6\tở\t4\nv4i\tvới\t3\nbad line\n";
	sohoa_lmb_channel_tokens(b, chan, strlen(chan));
	const char *chr = "w\tư\t10\n4\tớ\t3\n";
	sohoa_lmb_channel_chars(b, chr, strlen(chr));
	char msg[256];
	uint8_t digest[32] = {1};
	int rc = sohoa_lmb_write(b, &opt, digest, &model_bytes, msg, sizeof msg);
	sohoa_lmb_free(b);
	CHECK(rc == 0, "tiny model builds");
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	sohoa_model *m = NULL;
	sohoa_status st = sohoa_model_from_memory(ctx, model_bytes.data, model_bytes.len, &m);
	CHECK(st == SOHOA_OK && m, "tiny model maps");
	sohoa_ctx_free(ctx);
	return m;
}

static sohoa_ctx *ctx_with(sohoa_model *m)
{
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	ctx->model = m;
	return ctx;
}

static char *run(sohoa_ctx *ctx, sohoa_restore_mode mode, const char *s)
{
	static sohoa_buf out;
	out.len = 0;
	if (sohoa_restore(ctx, mode, s, strlen(s), &out))
		return NULL;
	return out.data ? out.data : (char *)"";
}

int main(void)
{
	sohoa_model *m = tiny_model();
	if (!m)
		return CHECK_DONE() | 1;
	sohoa_ctx *ctx = ctx_with(m);

	/* lookups */
	CHECK(sohoa_lm_id(m, "tỉnh", strlen("tỉnh")) > LM_NUM, "lm id of a known word");
	CHECK(sohoa_lm_id(m, "xyzzy", 5) == LM_UNK, "lm id of an unknown word");
	size_t nc;
	const uint16_t *c = sohoa_lm_cands(m, "so", 2, &nc);
	CHECK(c && nc >= 3, "candidates of 'so'");
	CHECK(sohoa_lm_score(m, sohoa_lm_id(m, "nhân", 6), sohoa_lm_id(m, "dân", 4), sohoa_lm_id(m, "tỉnh", 6)) >
		      sohoa_lm_score(m, sohoa_lm_id(m, "nhân", 6), sohoa_lm_id(m, "dân", 4), sohoa_lm_id(m, "sở", 4)),
	      "trigram prefers the seen continuation");

	/* strip */
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "Uy ban nhan dan tinh Lai Chau"), "Ủy ban nhân dân tỉnh Lai Châu",
		  "strip: title case kept");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "UY BAN NHAN DAN TINH"), "ỦY BAN NHÂN DÂN TỈNH", "strip: all caps kept");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "chuyen doi so"), "chuyển đổi số", "strip: chuyển đổi số");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "So Y te thuc hien ke hoach"), "Sở Y tế thực hiện kế hoạch",
		  "strip: Sở Y tế");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "quyet dinh so 608/QD-UBND ngay 02/4/2025"),
		  "quyết định số 608/QĐ-UBND ngày 02/4/2025", "strip: document code and date");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "xem tai https://laichau.gov.vn/so-y-te hoac sotyt@laichau.gov.vn"),
		  "xem tại https://laichau.gov.vn/so-y-te hoặc sotyt@laichau.gov.vn", "strip: URL and e-mail pass through");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "Sở Y te thuc hien"), "Sở Y tế thực hiện", "strip: marked words kept");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, "  qwrtz   ban  "), "  qwrtz   ban  ", "strip: unknown words and spaces kept");
	CHECK_STR(run(ctx, SOHOA_RESTORE_STRIP, ""), "", "strip: empty");

	/* vie: change a tone only when the model is sure */
	CHECK_STR(run(ctx, SOHOA_RESTORE_VIE, "Có thế thực hiện ở cơ sở"), "Có thể thực hiện ở cơ sở",
		  "vie: thế -> thể in context");
	CHECK_STR(run(ctx, SOHOA_RESTORE_VIE, "Sở Y tế thực hiện kế hoạch"), "Sở Y tế thực hiện kế hoạch",
		  "vie: right text unchanged");

	/* eng-OCR (ocr): channel tokens and mark-tolerant candidates */
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "S6 nguoi dan hai long tang"), "Số người dân hài lòng tăng",
		  "ocr: S6 -> Số from the channel");
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "Can bo 6 xa va 6 tinh"), "Cán bộ ở xã và ở tỉnh", "ocr: lone 6 -> ở");
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "hai long v4i su phuc vu"), "hài lòng với sự phục vụ", "ocr: v4i -> với");
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "Quyét dinh s6 608/QD-UBND"), "Quyết định số 608/QĐ-UBND",
		  "ocr: marks read wrong");

	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "hai long v&i su phuc vu"), "hài lòng với sự phục vụ",
		  "ocr: a symbol the channel does not know stands for a vowel");
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "S6' nguoi dan hai long"), "Số người dân hài lòng",
		  "ocr: apostrophe left of a tone mark dropped");
	CHECK_STR(run(ctx, SOHOA_RESTORE_OCR, "Sở Y tế thực hiện kế hoạch"), "Sở Y tế thực hiện kế hoạch",
		  "ocr: words already right stay");

	/* detection */
	const char *list = "b) Trách nhiệm thực hiện";
	CHECK(sohoa_restore_detect(list, strlen(list)) == SOHOA_RESTORE_OFF, "detect: list item is good Vietnamese");
	const char *url = "https://thuvienphapluat.vn/van-ban/bo-may-hanh-chinh/nghi-dinh-29-2012-nd-cp.aspx";
	CHECK(sohoa_restore_detect(url, strlen(url)) == SOHOA_RESTORE_OFF, "detect: a URL alone is left alone");
	const char *acr = "Kế hoạch của UBND tỉnh về CCHC và TTHC";
	CHECK(sohoa_restore_detect(acr, strlen(acr)) == SOHOA_RESTORE_OFF, "detect: acronyms do not count as unmarked");
	const char *plain = "Uy ban nhan dan tinh Lai Chau ban hanh quyet dinh ve chuyen doi so";
	CHECK(sohoa_restore_detect(plain, strlen(plain)) == SOHOA_RESTORE_STRIP, "detect: stripped text");
	const char *good = "Ủy ban nhân dân tỉnh Lai Châu ban hành quyết định về chuyển đổi số";
	CHECK(sohoa_restore_detect(good, strlen(good)) == SOHOA_RESTORE_OFF, "detect: good Vietnamese");
	const char *ocr = "S6: 209 /BC-SYT Lai Chdu, ngay 26 thang 5 nam 2025 Cian ctt Quyét dinh sb 608/QD-UBND v4i dugc";
	CHECK(sohoa_restore_detect(ocr, strlen(ocr)) == SOHOA_RESTORE_OCR, "detect: eng OCR text");
	CHECK(sohoa_restore_detect("", 0) == SOHOA_RESTORE_OFF, "detect: empty");

	/* any bytes in, valid UTF-8 out */
	const char bad[] = "ng\xc6\xb0\xe1\xbb\x9di \xff\xfe d\xe2n \xc3";
	sohoa_restore_mode modes[] = {SOHOA_RESTORE_STRIP, SOHOA_RESTORE_OCR, SOHOA_RESTORE_VIE, SOHOA_RESTORE_AUTO,
				      SOHOA_RESTORE_OFF};
	int valid = 1;
	for (int k = 0; k < 5; k++) {
		sohoa_buf out = {0};
		if (sohoa_restore(ctx, modes[k], bad, sizeof bad - 1, &out) ||
		    (out.len && !sohoa_utf8_valid(out.data, out.len)))
			valid = 0;
		sohoa_buf_free(&out);
	}
	CHECK(valid, "invalid UTF-8 in, valid UTF-8 out");

	/* a long paragraph (more than one decoding span) keeps every byte it does not restore */
	sohoa_buf big = {0}, out = {0};
	for (int k = 0; k < 3000; k++)
		sohoa_buf_puts(&big, "so y te thuc hien ke hoach, ");
	int ok = sohoa_restore(ctx, SOHOA_RESTORE_STRIP, big.data, big.len, &out) == SOHOA_OK;
	CHECK(ok && out.len > big.len && strncmp(out.data, "sở y tế thực hiện kế hoạch, ", strlen("sở y tế thực hiện kế hoạch, ")) == 0,
	      "long paragraph restored");
	sohoa_buf_free(&big);
	sohoa_buf_free(&out);

	/* a corrupt model is refused with a clear error */
	sohoa_buf copy = {0};
	sohoa_buf_append(&copy, model_bytes.data, model_bytes.len);
	((sohoa_lm_header *)copy.data)->version = 999;
	sohoa_model *m2 = NULL;
	CHECK(sohoa_model_from_memory(ctx, copy.data, copy.len, &m2) == SOHOA_ERR_FORMAT && !m2 &&
		      strstr(sohoa_errmsg(ctx), "version 999"),
	      "wrong format version refused");
	sohoa_buf_free(&copy);

	ctx->model = NULL;
	sohoa_ctx_free(ctx);
	sohoa_model_free(m);
	sohoa_buf_free(&model_bytes);
	return CHECK_DONE();
}

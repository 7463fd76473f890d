/* Page classification (ingest/classify.c): which text layers are kept and which go to OCR.
 * The texts are written in the style of the seed documents, not copied from them; the stripped
 * and legacy variants are made from them with the library's own converters. */
#include "../../ingest/classify.h"
#include "../../normalize/encoding.h"
#include "../../core/viet.h"
#include "check.h"

#include <stdlib.h>

static const char *const good =
	"Căn cứ Quyết định số 512/QĐ-UBND ngày 03/5/2024 của Ủy ban nhân dân tỉnh về việc phê duyệt "
	"kết quả đánh giá Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành tỉnh.\n"
	"Sở Y tế xây dựng kế hoạch cải thiện, nâng cao chất lượng phục vụ người dân và doanh nghiệp; "
	"tăng cường trách nhiệm của người đứng đầu các phòng chức năng, đơn vị trực thuộc.\n"
	"Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hành chính nhà nước, thực hiện "
	"dịch vụ công trực tuyến toàn trình và công khai thủ tục hành chính.\n";

/* What an OCR engine without Vietnamese makes of such text: most marks gone, a few misread. */
static const char *const mangled =
	"Can cu Quyét dinh sb 512/QD-UBND ngay 03/5/2024 cua Uy ban nhan dan tinh vé viéc phe duyét\n"
	"két qua danh gia Chi so cai cach hanh chinh nim 2023 cua cac sé, ban, nganh tinh.\n"
	"So Y té xay dung ké hoach cai thién, nang cao chat luong phuc vu nguoi dan va doanh nghiép;\n"
	"tang cuong trach nhiém cua nguoi dung dau cac phong chic nang, don vi truc thudc.\n";

static void classify(const char *text, float cover, const char *const *fonts, size_t nfonts, ingest_verdict *v)
{
	ingest_page_info in = {text, text ? strlen(text) : 0, fonts, nfonts, cover};
	ingest_classify(&in, v);
}

/* Bytes of a legacy encoding as a PDF font with a Latin-1 encoding hands them out. */
static char *as_latin1(sohoa_enc enc, const char *text)
{
	sohoa_buf bytes = {0}, out = {0};
	sohoa_enc_encode(enc, text, strlen(text), &bytes);
	for (size_t i = 0; i < bytes.len; i++) {
		char e[4];
		sohoa_buf_append(&out, e, sohoa_utf8_encode((uint8_t)bytes.data[i], e));
	}
	sohoa_buf_free(&bytes);
	return sohoa_buf_steal(&out);
}

int main(void)
{
	ingest_verdict v;

	classify(good, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_OK && v.usable, "vietnamese text layer is kept");
	CHECK_STR(v.reason, "text layer ok", "reason for a good layer");

	classify(good, 0.95f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_OK, "a full text layer over a page image is kept when it is good");

	classify("", 0.95f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_NONE && !v.usable, "empty page: no text layer");
	classify(" \n \n", 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_NONE, "whitespace only: no text layer");

	classify("Trang 3\n", 0.97f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_SCAN_LAYER && !v.usable, "a page number over a full-page scan");
	classify("Trang 3\n", 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_OK, "the same short text without an image is kept");

	sohoa_buf stripped = {0};
	sohoa_viet_strip(good, strlen(good), &stripped);
	classify(stripped.data, 0.9f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_NO_MARKS && !v.usable, "vietnamese stripped of its marks");
	CHECK(strstr(v.reason, "without diacritics") != NULL, "reason names the missing diacritics");
	sohoa_buf_free(&stripped);

	classify(mangled, 0.9f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_NO_MARKS, "OCR layer read without vie (seed 001 style)");
	CHECK(v.marked_words * 5 < v.viet_words, "mangled layer: few marked syllables");

	const char *english = "The committee reviewed the annual report and approved the budget for the "
			      "next fiscal year after a long discussion about staffing, procurement, training "
			      "and the maintenance of public buildings in every district of the province.";
	classify(english, 0.5f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_OK, "english text is not taken for vietnamese without marks");

	/* an old OCR layer of a scan that reads as junk (an English engine on a Vietnamese page: most
	 * words no Vietnamese syllable) is read again; the same words without the page image stay */
	const char *junk_layer = "Trrurrlol{c crriNrrpn0 coxc uol xA nor cro xcui.c vqr NAM DQc l$p Tr do Ilgnh "
				 "phrfic S5 3N CD-TTg Ha NAi nCdy t0 tluing ndm cONGDTpN Vd viEc thric dAy phrit "
				 "tri6n du lich bAo dArn thgc hiQn t6c dO tdng trudng kinh t6 hai con s6 Trong thoi "
				 "gian qua trOn co sd bdm sdt chi dao cria BO Chinh tri vA phdt tri6n";
	classify(junk_layer, 0.95f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_SCAN_LAYER && !v.usable, "a junk OCR layer over a full-page scan is read again");
	CHECK(strstr(v.reason, "OCR layer over a full-page image") != NULL, "reason names the OCR layer");
	classify(junk_layer, 0.2f, NULL, 0, &v);
	CHECK(v.kind != INGEST_TEXT_SCAN_LAYER, "the same text without a page image is not a scan layer");

	sohoa_buf bad = {0};
	for (int i = 0; i < 30; i++)
		sohoa_buf_puts(&bad, i % 3 ? "ab\xEF\xBF\xBD " : "\xEF\xBF\xBD\xEF\xBF\xBD ");
	classify(bad.data, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_GARBAGE && !v.usable, "replacement characters are garbage");
	sohoa_buf_free(&bad);
	for (int i = 0; i < 40; i++)
		sohoa_buf_puts(&bad, "\xEE\x80\x81\xEE\x80\x82x ");
	classify(bad.data, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_GARBAGE, "private-use characters are garbage");
	sohoa_buf_free(&bad);
	for (int i = 0; i < 30; i++)
		sohoa_buf_puts(&bad, "\xE2\x96\xA0\xE2\x97\x8F\xE2\x96\xB2 ");
	classify(bad.data, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_GARBAGE, "symbol soup is garbage");
	sohoa_buf_free(&bad);
	for (int i = 0; i < 30; i++)
		sohoa_buf_puts(&bad, "qwrtzpsdfghjklxcvbnm");
	classify(bad.data, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_GARBAGE, "letters without word breaks are garbage");
	sohoa_buf_free(&bad);

	char *tcvn = as_latin1(SOHOA_ENC_TCVN3, good);
	classify(tcvn, 0, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_LEGACY && v.usable, "TCVN3 bytes through a Latin-1 font");
	CHECK_STR(v.encoding, "tcvn3", "TCVN3 encoding named");
	const char *vnfont[] = {"BCDEFG+.VnTime"};
	classify(tcvn, 0, vnfont, 1, &v);
	CHECK(strstr(v.reason, ".VnTime") != NULL, "legacy reason names the font");
	free(tcvn);

	char *vni = as_latin1(SOHOA_ENC_VNI, good);
	classify(vni, 0.9f, NULL, 0, &v);
	CHECK(v.kind == INGEST_TEXT_LEGACY && v.usable, "VNI bytes through a Latin-1 font are kept, not OCR'd");
	CHECK_STR(v.encoding, "vni", "VNI encoding named");
	free(vni);

	const char *vnifont[] = {"VNI-Times"};
	classify(good, 0, vnifont, 1, &v);
	CHECK(v.kind == INGEST_TEXT_OK, "a legacy font name over real Unicode text is fine");

	return CHECK_DONE();
}

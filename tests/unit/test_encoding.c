/* Unit tests for normalize/encoding.c: every legacy table round-trips all 134 Vietnamese letters
 * with a diacritic, font names map to encodings, and detection finds the encoding of real text
 * encoded with our own tables. */
#include "../../normalize/encoding.h"
#include "../../core/viet.h"
#include "check.h"

#include <stdlib.h>

/* The 134 letters: every code point viet.c knows with a tone or a modifier (or đ). */
static size_t all_letters(int upper_wanted, char *out)
{
	size_t n = 0;
	for (uint32_t cp = 0xC0; cp < 0x1F00; cp++) {
		uint32_t plain;
		int tone, upper;
		if (sohoa_viet_letter(cp, &plain, &tone, &upper) && (tone || plain > 0x7F) && upper == upper_wanted)
			n += sohoa_utf8_encode(cp, out + n);
	}
	out[n] = 0;
	return n;
}

static int count_cps(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Encode s with enc, decode the bytes back and compare. */
static void round_trip(sohoa_enc enc, const char *s, const char *name)
{
	sohoa_buf bytes = {0}, back = {0};
	long bad = sohoa_enc_encode(enc, s, strlen(s), &bytes);
	sohoa_enc_decode(enc, (const unsigned char *)bytes.data, bytes.len, &back);
	char label[128];
	snprintf(label, sizeof label, "%s: every letter encodable", name);
	CHECK(bad == 0, label);
	snprintf(label, sizeof label, "%s: round trip", name);
	CHECK_STR(back.data, s, label);
	sohoa_buf_free(&bytes);
	sohoa_buf_free(&back);
}

static const char sample[] =
	"Căn cứ Quyết định số 608/QĐ-UBND ngày 02/4/2025 của Ủy ban nhân dân tỉnh về việc phê duyệt và "
	"công bố Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành tỉnh; nâng cao chất lượng "
	"dịch vụ công, tăng cường trách nhiệm của người đứng đầu cơ quan trong việc triển khai nhiệm vụ "
	"cải cách hành chính; khắc phục những tồn tại, hạn chế, bất cập trong quá trình thực hiện.";

static void detect_one(sohoa_enc enc)
{
	sohoa_buf bytes = {0};
	sohoa_enc_encode(enc, sample, strlen(sample), &bytes);
	long score;
	sohoa_enc got = sohoa_enc_detect((const unsigned char *)bytes.data, bytes.len, &score);
	char label[128];
	snprintf(label, sizeof label, "detect %s (got %s, score %ld)", sohoa_enc_name(enc), sohoa_enc_name(got), score);
	CHECK(got == enc, label);
	sohoa_buf_free(&bytes);
}

int main(void)
{
	char lower[512], upper[512];
	all_letters(0, lower);
	all_letters(1, upper);
	CHECK(count_cps(lower) == 67 && count_cps(upper) == 67, "67 lower and 67 upper letters");

	round_trip(SOHOA_ENC_TCVN3, lower, "tcvn3 lower");
	round_trip(SOHOA_ENC_TCVN3_UPPER, upper, "tcvn3 upper via H fonts");
	round_trip(SOHOA_ENC_VNI, lower, "vni lower");
	round_trip(SOHOA_ENC_VNI, upper, "vni upper");
	round_trip(SOHOA_ENC_VISCII, lower, "viscii lower");
	round_trip(SOHOA_ENC_VISCII, upper, "viscii upper");
	round_trip(SOHOA_ENC_VPS, lower, "vps lower");
	round_trip(SOHOA_ENC_VPS, upper, "vps upper");
	round_trip(SOHOA_ENC_TCVN3, "Ă Â Ê Ô Ơ Ư Đ", "tcvn3 plain capitals");

	/* Known bytes from the published charts, independent of our encoder. */
	sohoa_buf b = {0};
	sohoa_enc_decode(SOHOA_ENC_TCVN3, (const unsigned char *)"C\xab" "ng h\xdf" "a", 8, &b);
	CHECK_STR(b.data, "Công hòa", "tcvn3 chart bytes");
	b.len = 0;
	sohoa_enc_decode(SOHOA_ENC_VNI, (const unsigned char *)"Vie\xe4t Nam", 10, &b);
	CHECK_STR(b.data, "Việt Nam", "vni chart bytes");
	b.len = 0;
	sohoa_enc_decode(SOHOA_ENC_VNI, (const unsigned char *)"VIE\xc4T NAM \xd1" "A\xd9", 14, &b);
	CHECK_STR(b.data, "VIỆT NAM ĐÁ", "vni capitals");
	b.len = 0;
	sohoa_enc_decode(SOHOA_ENC_TCVN3_UPPER, (const unsigned char *)"c\xe9ng h\xdf" "a", 8, &b);
	CHECK_STR(b.data, "CỘNG HÒA", "tcvn3 H font draws capitals");
	b.len = 0;
	sohoa_enc_decode(SOHOA_ENC_VISCII, (const unsigned char *)"Vi\xae" "t", 4, &b);
	CHECK_STR(b.data, "Việt", "viscii chart bytes");
	b.len = 0;
	sohoa_enc_decode(SOHOA_ENC_VPS, (const unsigned char *)"\x96\x97\x98\x99\x12", 5, &b);
	CHECK_STR(b.data, "ỐỒỔỖỘ", "vps chart bytes, Ỗ at 0x99");
	sohoa_buf_free(&b);

	CHECK(sohoa_enc_from_font(".VnTime") == SOHOA_ENC_TCVN3, "font .VnTime");
	CHECK(sohoa_enc_from_font("ABCDEF+.VnTimeH,Bold") == SOHOA_ENC_TCVN3_UPPER, "font .VnTimeH subset bold");
	CHECK(sohoa_enc_from_font(".VnArial NarrowH") == SOHOA_ENC_TCVN3, "font name with space: family before it");
	CHECK(sohoa_enc_from_font("VNI-Times") == SOHOA_ENC_VNI, "font VNI-Times");
	CHECK(sohoa_enc_from_font("TimesNewRomanPSMT") == SOHOA_ENC_UNICODE, "font Times: no hint");
	CHECK(sohoa_enc_from_font(NULL) == SOHOA_ENC_UNICODE, "no font");
	CHECK(sohoa_enc_from_name("windows-1258") == SOHOA_ENC_CP1258 && sohoa_enc_from_name("x") == SOHOA_ENC_COUNT,
	      "names and aliases");

	detect_one(SOHOA_ENC_TCVN3);
	detect_one(SOHOA_ENC_VNI);
	detect_one(SOHOA_ENC_VISCII);
	detect_one(SOHOA_ENC_VPS);
	long sc;
	const char *western = "Der schöne Fluß fließt über die Brücke; café, naïve façade.";
	CHECK(sohoa_enc_detect((const unsigned char *)western, strlen(western), &sc) == SOHOA_ENC_CP1252 || sc < 4,
	      "western text is not taken for Vietnamese");

	/* Unmask: text read through a Latin-1 font goes back to its bytes; real Unicode refuses. */
	sohoa_buf m = {0};
	CHECK(sohoa_enc_unmask("C\xc2\xab" "ng", 5, &m) == 0 && m.len == 4 && (unsigned char)m.data[1] == 0xAB,
	      "unmask latin-1");
	m.len = 0;
	CHECK(sohoa_enc_unmask("Việt", strlen("Việt"), &m) == 1, "unmask refuses real Unicode");
	sohoa_buf_free(&m);

	CHECK(sohoa_viet_syllable("nghiêng", strlen("nghiêng")), "syllable nghiêng");
	CHECK(sohoa_viet_syllable("Quyết", strlen("Quyết")), "syllable Quyết");
	CHECK(sohoa_viet_syllable("gì", strlen("gì")), "syllable gì");
	CHECK(!sohoa_viet_syllable("schön", strlen("schön")), "not a syllable: schön");
	CHECK(!sohoa_viet_syllable("hàt", strlen("hàt")), "stop final needs acute or dot");
	return CHECK_DONE();
}

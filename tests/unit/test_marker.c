/* Unit tests of the heading/bullet classifier (normalize/marker.c): its two readings on the line
 * starts that Vietnamese administrative documents use, and the lines that must not count. */
#include "../../normalize/normalize.h"
#include "check.h"

#include <stdio.h>
#include <string.h>

static const char *kind_name(sohoa_marker_kind k)
{
	static const char *const names[] = {"none", "roman", "number", "letter", "article", "bullet", "figure"};
	return k <= SOHOA_MARK_FIGURE ? names[k] : "?";
}

/* Lines and their block reading. */
static const struct {
	const char *line;
	sohoa_marker_kind want;
} blocks[] = {
	/* numbered items and headings of every kind */
	{"Điều 5. Phạm vi điều chỉnh", SOHOA_MARK_ARTICLE},
	{"CHƯƠNG II", SOHOA_MARK_ARTICLE},
	{"Mục 1 QUY ĐỊNH CHUNG", SOHOA_MARK_ARTICLE},
	{"Phần I", SOHOA_MARK_ARTICLE},
	{"II. MỤC TIÊU", SOHOA_MARK_ROMAN},
	{"IV) nhiệm vụ", SOHOA_MARK_ROMAN},
	{"Il. Nhiệm vụ", SOHOA_MARK_ROMAN},
	{"a) Tổ chức thực hiện", SOHOA_MARK_LETTER},
	{"đ) Báo cáo", SOHOA_MARK_LETTER},
	{"A. PHẦN CHUNG", SOHOA_MARK_LETTER},
	{"(a) nội dung", SOHOA_MARK_LETTER},
	{"(1) nội dung", SOHOA_MARK_NUMBER},
	{"1. Mục đích", SOHOA_MARK_NUMBER},
	{"1.2. Yêu cầu", SOHOA_MARK_NUMBER},
	{"1. 1. Yêu cầu", SOHOA_MARK_NUMBER},
	{"1.2 Yêu cầu", SOHOA_MARK_NUMBER},
	{"2) Sở Nội vụ", SOHOA_MARK_NUMBER},
	{"123. Nội dung", SOHOA_MARK_NUMBER},
	{"- Nội dung", SOHOA_MARK_BULLET},
	{"-Nội dung", SOHOA_MARK_BULLET},
	{"+ nội dung", SOHOA_MARK_BULLET},
	{"• nội dung", SOHOA_MARK_BULLET},
	{"–nội dung", SOHOA_MARK_BULLET},
	{"▪ nội dung", SOHOA_MARK_BULLET},
	/* what is not a marker */
	{"2023 là năm", SOHOA_MARK_FIGURE},
	{"1.2345 đồng", SOHOA_MARK_FIGURE},
	{"1 nội dung", SOHOA_MARK_NONE},
	{"1.5% tỷ lệ", SOHOA_MARK_NONE},
	{"-5 độ", SOHOA_MARK_NONE},
	{"-nội dung", SOHOA_MARK_NONE},
	{"Điều chỉnh kế hoạch", SOHOA_MARK_NONE},
	{"II.Nội dung", SOHOA_MARK_NONE},
	{"a.b", SOHOA_MARK_NONE},
	{"Việc tổ chức", SOHOA_MARK_NONE},
	{"", SOHOA_MARK_NONE},
	{"一 丨 丶", SOHOA_MARK_NONE}, /* U+4E00: its low byte is 0, not a bullet */
	{"Ī Nội dung", SOHOA_MARK_NONE}, /* U+012A: its low byte is '*' */
};

/* Lines and their outline reading: kind, id, parts, and the title it points at ("" when the kind
 * is NONE, NULL when the title is on the next line: m.title == strlen(line)). */
static const struct {
	const char *line;
	sohoa_marker_kind want;
	const char *id;
	int parts;
	const char *title;
} outlines[] = {
	/* Roman numerals */
	{"II. MỤC TIÊU", SOHOA_MARK_ROMAN, "II", 0, "MỤC TIÊU"},
	{"  III) 1 nội dung", SOHOA_MARK_ROMAN, "III", 0, "1 nội dung"},
	{"III NHIỆM VỤ", SOHOA_MARK_ROMAN, "III", 0, "NHIỆM VỤ"},
	{"IV", SOHOA_MARK_ROMAN, "IV", 0, NULL},
	{"IV.", SOHOA_MARK_ROMAN, "IV", 0, NULL},
	{"Il. Nhiệm vụ", SOHOA_MARK_ROMAN, "II", 0, "Nhiệm vụ"},
	{"I. Mục đích", SOHOA_MARK_ROMAN, "I", 0, "Mục đích"},
	{"I", SOHOA_MARK_NONE, "", 0, ""},
	{"Il NHIỆM VỤ", SOHOA_MARK_NONE, "", 0, ""},
	{"II. nhiệm vụ", SOHOA_MARK_NONE, "", 0, ""},
	{"III Nhiệm vụ", SOHOA_MARK_NONE, "", 0, ""},
	{"VIIII. NỘI DUNG", SOHOA_MARK_ROMAN, "VIIII", 0, "NỘI DUNG"},
	{"VIIIII. NỘI DUNG", SOHOA_MARK_NONE, "", 0, ""},
	{"C. Nội dung", SOHOA_MARK_NONE, "", 0, ""},
	/* numbers */
	{"1. Mục đích", SOHOA_MARK_NUMBER, "1", 1, "Mục đích"},
	{"1.2. Yêu cầu", SOHOA_MARK_NUMBER, "1.2", 2, "Yêu cầu"},
	{"1. 2. Yêu cầu", SOHOA_MARK_NUMBER, "1.2", 2, "Yêu cầu"},
	{"1.7.2 Tỷ lệ", SOHOA_MARK_NUMBER, "1.7.2", 3, "Tỷ lệ"},
	{"2) Sở Nội vụ", SOHOA_MARK_NUMBER, "2", 1, "Sở Nội vụ"},
	{"1.6", SOHOA_MARK_NUMBER, "1.6", 2, NULL},
	{"1.", SOHOA_MARK_NONE, "", 0, ""},
	{"1 Mục đích", SOHOA_MARK_NONE, "", 0, ""},
	{"1.5% tỷ lệ", SOHOA_MARK_NONE, "", 0, ""},
	{"1. 2024 là năm", SOHOA_MARK_NONE, "", 0, ""},
	{"123. Nội dung", SOHOA_MARK_NONE, "", 0, ""},
	{"1.123 Nội dung", SOHOA_MARK_NONE, "", 0, ""},
	/* letters and bullets */
	{"a) Tổ chức", SOHOA_MARK_LETTER, "a", 0, "Tổ chức"},
	{"đ)  Báo cáo", SOHOA_MARK_LETTER, "đ", 0, "Báo cáo"},
	{"A. PHẦN CHUNG", SOHOA_MARK_NONE, "", 0, ""},
	{"a. Tổ chức", SOHOA_MARK_NONE, "", 0, ""},
	{"- Nội dung", SOHOA_MARK_BULLET, "", 0, "Nội dung"},
	{"*\tnội dung", SOHOA_MARK_BULLET, "", 0, "nội dung"},
	{"•nội dung", SOHOA_MARK_BULLET, "", 0, "nội dung"},
	{"– nội dung", SOHOA_MARK_BULLET, "", 0, "nội dung"},
	{"–nội dung", SOHOA_MARK_NONE, "", 0, ""},
	{"-Nội dung", SOHOA_MARK_NONE, "", 0, ""},
	{"▪ nội dung", SOHOA_MARK_NONE, "", 0, ""},
	{"Điều 5. Phạm vi", SOHOA_MARK_NONE, "", 0, ""},
};

int main(void)
{
	char name[200], got[160], want[160];
	for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++) {
		const char *s = blocks[i].line;
		snprintf(name, sizeof name, "block \"%s\" is %s", s, kind_name(blocks[i].want));
		CHECK_STR(kind_name(sohoa_marker_block(s, strlen(s))), kind_name(blocks[i].want), name);
	}
	for (size_t i = 0; i < sizeof outlines / sizeof *outlines; i++) {
		const char *s = outlines[i].line;
		size_t n = strlen(s);
		sohoa_marker m;
		sohoa_marker_kind k = sohoa_marker_outline(s, n, &m);
		snprintf(name, sizeof name, "outline \"%s\"", s);
		snprintf(got, sizeof got, "%s id=%s parts=%d title=%s", kind_name(k), m.id, m.parts,
			 k == SOHOA_MARK_NONE ? "" : m.title >= n ? "(next line)" : s + m.title);
		snprintf(want, sizeof want, "%s id=%s parts=%d title=%s", kind_name(outlines[i].want), outlines[i].id,
			 outlines[i].parts, outlines[i].title ? outlines[i].title : "(next line)");
		CHECK_STR(got, want, name);
		CHECK(k == m.kind, "outline returns m->kind");
	}

	/* neither reading looks past n */
	CHECK(sohoa_marker_block("1. Mục", 2) == SOHOA_MARK_NONE, "block reading stops at n");
	sohoa_marker m;
	CHECK(sohoa_marker_outline("1. Mục", 2, &m) == SOHOA_MARK_NONE, "outline reading stops at n");
	CHECK(sohoa_marker_outline("1.6 Mục", 3, &m) == SOHOA_MARK_NUMBER && m.title == 3, "a number cut at n is alone");

	/* case counts */
	size_t lower = 9;
	CHECK(sohoa_letters("Lai Châu, 2025", strlen("Lai Châu, 2025"), &lower) == 7 && lower == 5,
	      "letters counts Vietnamese letters");
	CHECK(sohoa_caps("ỦY BAN NHÂN DÂN", strlen("ỦY BAN NHÂN DÂN")), "caps: a line in capitals");
	CHECK(!sohoa_caps("ỦY BAN nhân dân", strlen("ỦY BAN nhân dân")), "caps: a lowercase letter");
	CHECK(!sohoa_caps("A 1", 3), "caps: one letter is not enough");
	return CHECK_DONE();
}

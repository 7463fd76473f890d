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

/* The block reading of s is want. */
static void block(const char *s, sohoa_marker_kind want)
{
	char name[160];
	snprintf(name, sizeof name, "block \"%s\" is %s", s, kind_name(want));
	CHECK_STR(kind_name(sohoa_marker_block(s, strlen(s))), kind_name(want), name);
}

/* The outline reading of s: its kind, id, parts and the title it points at ("" when the kind is
 * NONE, NULL when the title is on the next line: m.title == strlen(s)). */
static void outline(const char *s, sohoa_marker_kind want, const char *id, int parts, const char *title)
{
	sohoa_marker m;
	char name[200], got[160], exp[160];
	size_t n = strlen(s);
	sohoa_marker_kind k = sohoa_marker_outline(s, n, &m);
	snprintf(name, sizeof name, "outline \"%s\"", s);
	snprintf(got, sizeof got, "%s id=%s parts=%d title=%s", kind_name(k), m.id, m.parts,
		 k == SOHOA_MARK_NONE ? "" : m.title >= n ? "(next line)" : s + m.title);
	snprintf(exp, sizeof exp, "%s id=%s parts=%d title=%s", kind_name(want), id, parts, title ? title : "(next line)");
	CHECK_STR(got, exp, name);
	CHECK(k == m.kind, "outline returns m->kind");
}

int main(void)
{
	/* block reading: numbered items and headings of every kind */
	block("Điều 5. Phạm vi điều chỉnh", SOHOA_MARK_ARTICLE);
	block("CHƯƠNG II", SOHOA_MARK_ARTICLE);
	block("Mục 1 QUY ĐỊNH CHUNG", SOHOA_MARK_ARTICLE);
	block("Phần I", SOHOA_MARK_ARTICLE);
	block("II. MỤC TIÊU", SOHOA_MARK_ROMAN);
	block("IV) nhiệm vụ", SOHOA_MARK_ROMAN);
	block("Il. Nhiệm vụ", SOHOA_MARK_ROMAN);
	block("a) Tổ chức thực hiện", SOHOA_MARK_LETTER);
	block("đ) Báo cáo", SOHOA_MARK_LETTER);
	block("A. PHẦN CHUNG", SOHOA_MARK_LETTER);
	block("(a) nội dung", SOHOA_MARK_LETTER);
	block("(1) nội dung", SOHOA_MARK_NUMBER);
	block("1. Mục đích", SOHOA_MARK_NUMBER);
	block("1.2. Yêu cầu", SOHOA_MARK_NUMBER);
	block("1. 1. Yêu cầu", SOHOA_MARK_NUMBER);
	block("1.2 Yêu cầu", SOHOA_MARK_NUMBER);
	block("2) Sở Nội vụ", SOHOA_MARK_NUMBER);
	block("123. Nội dung", SOHOA_MARK_NUMBER);
	block("- Nội dung", SOHOA_MARK_BULLET);
	block("-Nội dung", SOHOA_MARK_BULLET);
	block("+ nội dung", SOHOA_MARK_BULLET);
	block("• nội dung", SOHOA_MARK_BULLET);
	block("–nội dung", SOHOA_MARK_BULLET);
	block("▪ nội dung", SOHOA_MARK_BULLET);
	/* block reading: what is not a marker */
	block("2023 là năm", SOHOA_MARK_FIGURE);
	block("1.2345 đồng", SOHOA_MARK_FIGURE);
	block("1 nội dung", SOHOA_MARK_NONE);
	block("1.5% tỷ lệ", SOHOA_MARK_NONE);
	block("-5 độ", SOHOA_MARK_NONE);
	block("-nội dung", SOHOA_MARK_NONE);
	block("Điều chỉnh kế hoạch", SOHOA_MARK_NONE);
	block("II.Nội dung", SOHOA_MARK_NONE);
	block("a.b", SOHOA_MARK_NONE);
	block("Việc tổ chức", SOHOA_MARK_NONE);
	block("", SOHOA_MARK_NONE);
	block("一 丨 丶", SOHOA_MARK_NONE); /* U+4E00: its low byte is 0, not a bullet */
	block("Ī Nội dung", SOHOA_MARK_NONE); /* U+012A: its low byte is '*' */

	/* outline reading: Roman numerals */
	outline("II. MỤC TIÊU", SOHOA_MARK_ROMAN, "II", 0, "MỤC TIÊU");
	outline("  III) 1 nội dung", SOHOA_MARK_ROMAN, "III", 0, "1 nội dung");
	outline("III NHIỆM VỤ", SOHOA_MARK_ROMAN, "III", 0, "NHIỆM VỤ");
	outline("IV", SOHOA_MARK_ROMAN, "IV", 0, NULL);
	outline("IV.", SOHOA_MARK_ROMAN, "IV", 0, NULL);
	outline("Il. Nhiệm vụ", SOHOA_MARK_ROMAN, "II", 0, "Nhiệm vụ");
	outline("I. Mục đích", SOHOA_MARK_ROMAN, "I", 0, "Mục đích");
	outline("I", SOHOA_MARK_NONE, "", 0, "");
	outline("Il NHIỆM VỤ", SOHOA_MARK_NONE, "", 0, "");
	outline("II. nhiệm vụ", SOHOA_MARK_NONE, "", 0, "");
	outline("III Nhiệm vụ", SOHOA_MARK_NONE, "", 0, "");
	outline("VIIII. NỘI DUNG", SOHOA_MARK_ROMAN, "VIIII", 0, "NỘI DUNG");
	outline("VIIIII. NỘI DUNG", SOHOA_MARK_NONE, "", 0, "");
	outline("C. Nội dung", SOHOA_MARK_NONE, "", 0, "");
	/* numbers */
	outline("1. Mục đích", SOHOA_MARK_NUMBER, "1", 1, "Mục đích");
	outline("1.2. Yêu cầu", SOHOA_MARK_NUMBER, "1.2", 2, "Yêu cầu");
	outline("1. 2. Yêu cầu", SOHOA_MARK_NUMBER, "1.2", 2, "Yêu cầu");
	outline("1.7.2 Tỷ lệ", SOHOA_MARK_NUMBER, "1.7.2", 3, "Tỷ lệ");
	outline("2) Sở Nội vụ", SOHOA_MARK_NUMBER, "2", 1, "Sở Nội vụ");
	outline("1.6", SOHOA_MARK_NUMBER, "1.6", 2, NULL);
	outline("1.", SOHOA_MARK_NONE, "", 0, "");
	outline("1 Mục đích", SOHOA_MARK_NONE, "", 0, "");
	outline("1.5% tỷ lệ", SOHOA_MARK_NONE, "", 0, "");
	outline("1. 2024 là năm", SOHOA_MARK_NONE, "", 0, "");
	outline("123. Nội dung", SOHOA_MARK_NONE, "", 0, "");
	outline("1.123 Nội dung", SOHOA_MARK_NONE, "", 0, "");
	/* letters and bullets */
	outline("a) Tổ chức", SOHOA_MARK_LETTER, "a", 0, "Tổ chức");
	outline("đ)  Báo cáo", SOHOA_MARK_LETTER, "đ", 0, "Báo cáo");
	outline("A. PHẦN CHUNG", SOHOA_MARK_NONE, "", 0, "");
	outline("a. Tổ chức", SOHOA_MARK_NONE, "", 0, "");
	outline("- Nội dung", SOHOA_MARK_BULLET, "", 0, "Nội dung");
	outline("*\tnội dung", SOHOA_MARK_BULLET, "", 0, "nội dung");
	outline("•nội dung", SOHOA_MARK_BULLET, "", 0, "nội dung");
	outline("– nội dung", SOHOA_MARK_BULLET, "", 0, "nội dung");
	outline("–nội dung", SOHOA_MARK_NONE, "", 0, "");
	outline("-Nội dung", SOHOA_MARK_NONE, "", 0, "");
	outline("▪ nội dung", SOHOA_MARK_NONE, "", 0, "");
	outline("Điều 5. Phạm vi", SOHOA_MARK_NONE, "", 0, "");
	/* neither reading looks past n */
	CHECK(sohoa_marker_block("1. Mục", 2) == SOHOA_MARK_NONE, "block reading stops at n");
	sohoa_marker m;
	CHECK(sohoa_marker_outline("1. Mục", 2, &m) == SOHOA_MARK_NONE, "outline reading stops at n");
	CHECK(sohoa_marker_outline("1.6 Mục", 3, &m) == SOHOA_MARK_NUMBER && m.title == 3, "a number cut at n is alone");

	/* case counts */
	size_t lower = 9;
	CHECK(sohoa_letters("Lai Châu, 2025", strlen("Lai Châu, 2025"), &lower) == 7 && lower == 5, "letters counts Vietnamese letters");
	CHECK(sohoa_caps("ỦY BAN NHÂN DÂN", strlen("ỦY BAN NHÂN DÂN")), "caps: a line in capitals");
	CHECK(!sohoa_caps("ỦY BAN nhân dân", strlen("ỦY BAN nhân dân")), "caps: a lowercase letter");
	CHECK(!sohoa_caps("A 1", 3), "caps: one letter is not enough");
	return CHECK_DONE();
}

/* docmeta.h: between documents.c (where each field of documents.csv is on the page) and
 * docfields.c (what each field can be: the issuer's name against the closed lists of
 * core/govname.h, a signing role, a place, a person's name, the digits of a number or a date).
 * Private to those two files. A checker returns the field corrected to the one value a small,
 * certain edit reaches, or NULL when the reading is not such a value (the field stays empty). */
#ifndef SOHOA_DOCMETA_H
#define SOHOA_DOCMETA_H

#include "../core/sohoa.h"

#include <stddef.h>

/* At most this many words are looked at in one field. */
#define DOCF_MAXW 48

/* The words of s (split at spaces), as pointers into a copy the caller frees with free(w[0])
 * when *n > 0. Returns *n. */
int docf_words(const char *s, char **w, int max, int *n);

/* The head of an issuer's name (core/govname.h sohoa_gov_heads) that words w[0..n) start with,
 * read within its allowance: its index, *used set to the words it took; -1 if none. The longest
 * head that fits wins. */
int docf_head(char *const *w, int n, int *used);

/* An issuing body's name as a letterhead prints it, checked and corrected: a head, then what the
 * head's kind wants (a unit and a province, a sector, a name of valid words). A new string in
 * capitals, or NULL when s is no such name. */
char *docf_issuer(const char *s);

/* A signing role ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC SỞ Y TẾ") as read under a signature block, checked
 * against the roles of Decree 30; kt is the role of a "KT." line above it ("GIÁM ĐỐC" of
 * "KT. GIÁM ĐỐC": the deputy signs, so the role is "PHÓ GIÁM ĐỐC") or NULL. A new string or NULL. */
char *docf_role(const char *s, const char *kt);

/* The place of a place-and-date line ("Hà Nội", "Thành phố Hồ Chí Minh", "Cuo Bằng" -> "Cao
 * Bằng"): a province corrected within its allowance; another place kept when its words are
 * Vietnamese syllables. A new string or NULL. */
char *docf_place(const char *s);

/* The province (index into core/govname.h sohoa_gov_provinces) whose name s ends with, by its
 * letters without marks ("Quảng Ngãi", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"); the longest that
 * fits, -1 if none. */
int docf_province_at_end(const char *s);

/* Words w[0..n) of a text that read a unit and province p (an index as above) with slips
 * ("tính năng Ngãi" for "tỉnh Quảng Ngãi"): the unit word at most one letter from "tỉnh" or
 * "thành phố", the next words within the province's allowance and nearer to p than to any
 * other province. The phrase as the gazetteer writes it, in the words' case, is appended to b
 * (punctuation after the last word kept) and the number of words it takes returned; 0 when
 * the words are no such reading or read the phrase right already. */
int docf_province_words(sohoa_buf *b, char *const *w, int n, int p);

/* 1 if s is a person's name as a signature block prints it: two to five Title-case syllables,
 * the first a Vietnamese family name (core/govname.h). */
int docf_name(const char *s);

/* A person's name whose family name OCR read with other marks ("Đăng Văn Minh"): the name with
 * the one family name of core/govname.h that has the same letters ("Đặng Văn Minh"), when the
 * rest is a name (docf_name). A new string, or NULL when s is a name already, no family name or
 * two have its letters ("Luơng": Lương or Lường). */
char *docf_name_fixed(const char *s);

/* A variant of a given name at least this many names of the training text have is common
 * (1 in about 570 of its 8553 names: "Thuận" 16, "Chính" 31). */
#define DOCF_GIVEN_COMMON 15

/* A given name fewer names than this have is rare (the table keeps those of 3 or more: "Hiên" 4,
 * mostly syllables of other words caught as names; "Đệ" 8 is a name). */
#define DOCF_GIVEN_RARE 5

/* 1 when the given name (last word) of name s is one no or fewer than DOCF_GIVEN_RARE names of
 * the training text end with (extract/docnames.h, tools/model/name-syllables.py) while a
 * variant one mark away is common ("Tuần" beside "Tuấn", 62 names; "Thuân" beside "Thuận",
 * "Chỉnh" beside "Chính", "Hiên" (4) beside "Hiền" (24)): OCR likely misread it, and which
 * variant was meant is not certain, so the name is no field. 0 otherwise. */
int docf_given_name_doubtful(const char *s);

/* s after a military rank or an academic title before a name ("Trung tá Ngô Văn Công",
 * "PGS.TS. Lê Văn An"), or s. */
const char *docf_after_rank(const char *s);

/* The digits the token s[0..n) is, with the look-alikes OCR prints for printed digits mapped
 * where that is certain (O and its marked forms for 0, I and l for 1) into out (cap bytes);
 * 1 when every character is a digit or such a look-alike and one at least is a digit or the
 * token is one or two characters long, else 0. */
int docf_digits(const char *s, size_t n, char *out, size_t cap);

#endif

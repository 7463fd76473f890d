/* responsibilities-int.h: what responsibilities.c takes from responsibilities-units.c (private
 * to extract/): unit names, cooperating units and deadlines read from sentences. */
#ifndef SOHOA_RESPONSIBILITIES_INT_H
#define SOHOA_RESPONSIBILITIES_INT_H

#include "extract-int.h"

/* 1 when the letter at key offset k of st is a capital in the text. */
int rs_upper_at(const ex_stmt *st, size_t k);
/* Where the unit name starting at key offset kb ends (before ke): a proper name ("Sở Văn hóa và
 * Thể thao", "Bộ Tài chính, Bộ Công Thương") ends after its last capitalized word; any name
 * before what the unit is asked to do ("chủ trì", "thực hiện", "theo chức năng", …), after
 * "liên quan", or at '.', ';', ':'. A parenthesis after the name is kept when paren. */
size_t rs_unit_end(const ex_stmt *st, size_t kb, size_t ke, int paren);
/* Key offset past "Giao" or "Đề nghị" (and spaces) at k, else past spaces. */
size_t rs_skip_request(const ex_stmt *st, size_t k);
/* The units asked to cooperate in key [kb, ke) ("phối hợp với Y …"), NULL when none. Caller frees. */
char *rs_coop_in(const ex_stmt *st, size_t kb, size_t ke);
/* 1 when key offset k (after "Giao"/"Đề nghị") starts a unit's name followed by what it is asked to
 * do (at least three words); the name is key [*b, *e). */
int rs_unit_sentence(const ex_stmt *st, size_t k, size_t *b, size_t *e);
/* The deadline a sentence states: "trước ngày 15/12/2025" as ISO, "trong tháng 11 năm 2025",
 * "trước quý II/2025" as written; NULL when none is certain. Caller frees. */
char *rs_deadline_of(const ex_stmt *st);

#endif

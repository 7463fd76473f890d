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
/* Key offset past "Giao" or "Đề nghị" (and spaces, and a colon after it) at k, else past spaces. */
size_t rs_skip_request(const ex_stmt *st, size_t k);
/* The units asked to cooperate in key [kb, ke) ("phối hợp với Y …"), NULL when none. Caller frees. */
char *rs_coop_in(const ex_stmt *st, size_t kb, size_t ke);
/* 1 when key offset k (after "Giao"/"Đề nghị") starts a unit's name followed by what it is asked to
 * do (at least three words); the name is key [*b, *e). */
int rs_unit_sentence(const ex_stmt *st, size_t k, size_t *b, size_t *e);
/* The deadline a sentence states: "trước ngày 15/12/2025" or "trước ngày 31 tháng 12 năm 2025" as
 * ISO, "trong tháng 11 năm 2025", "trước quý II/2025" as written; NULL when none is certain. Reads
 * only key[0..keylen) (st may be a part of a statement). Caller frees. */
char *rs_deadline_of(const ex_stmt *st);
/* 1 when key[0..n) starts with a unit's first words ("Sở", "Bộ", "Các sở", "UBND", "Trung tâm", …),
 * after any bullet. */
int rs_names_unit(const char *key, size_t n);
/* Where a table lies in the source: from page/line to page_end/line_end. */
typedef struct rs_span {
	int page, line, page_end, line_end;
} rs_span;
typedef struct rs_spans {
	rs_span *v;
	size_t n, cap;
} rs_spans;
/* 1 when source page/line lies in one of the spans. */
int rs_in_spans(const rs_spans *s, int page, int line);
/* Rows of the task tables that reach the text flattened, one cell per paragraph or per line
 * (responsibilities-table.c): header cells then rows opened by their number; source "table".
 * Where each table that gave rows lies is appended to spans. */
sohoa_status rs_flat_tables(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out, rs_spans *spans);

#endif

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

/* ---- between responsibilities.c (labelled prose, the extractor) and
 * responsibilities-sections.c (unit sections) ---- */

/* One row being gathered. */
typedef struct resp {
	char task_id[64];
	char *task, *lead, *coop, *output, *deadline, *budget, *monitor;
	int page, line;
	const char *source;
} resp;

/* Where rows go: out, but none from inside a table read as a table (skip). */
typedef struct rs_sink {
	sohoa_buf *out;
	const char *doc;
	const rs_spans *skip;
} rs_sink;

/* The task the labelled lines below a heading belong to: its id and title. */
typedef struct prose_task {
	char id[64];
	char *title;
} prose_task;

/* Free r's strings and empty it. */
void rs_clear(resp *r);
/* Write r when it has what a row needs (have) and lies outside the tables, and clear it either
 * way. */
sohoa_status rs_flush(sohoa_ctx *ctx, const rs_sink *sk, resp *r, int have);
/* 1 when statement st starts with a bullet ("- ", "+ ", "* "). */
int rs_starts_bullet(const ex_stmt *st);
/* 1 when one of words stands as a word in st's key at or after from. */
int rs_has_word(const ex_stmt *st, size_t from, const char *const *words);
/* 1 when st's key (past bullets) starts with one of words. */
int rs_starts_with_word(const ex_stmt *st, const char *const *words);
/* 1 when statement sm ends a sentence or clause (its last character is '.', ';', ':' or '!'). */
int rs_ends_clause(const ex_stmt *sm);
/* 1 when statement sm is only a heading number ("3.", "3.1.") on its line. */
int rs_number_alone(const ex_stmt *sm);
/* Set t to the task of heading statement s (see responsibilities.c); returns the statement the
 * title ends at. lab is the labelled-line pattern. */
size_t rs_task_of(const ex_doc *ed, size_t s, sohoa_regex *lab, prose_task *t);
/* Rows from unit sections ("III. TRÁCH NHIỆM …", "IV. TỔ CHỨC THỰC HIỆN": one heading per unit
 * and its tasks), sentences that give a unit a task, and conclusion notices' topics. */
sohoa_status rs_unit_rows(sohoa_ctx *ctx, const ex_doc *ed, const rs_sink *sk);

#endif

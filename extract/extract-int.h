/* extract-int.h: what the extractors share (private to extract/): the CSV row writer (csv.c),
 * Vietnamese numbers and dates and the words of keys (rules.c), statements rebuilt from text
 * lines with a diacritic-free key to match rules on, heading/section tracking (normalize's
 * outline reading) and source line lookup (stmts.c), and the tables rebuilt from positions
 * (table.c). */
#ifndef SOHOA_EXTRACT_INT_H
#define SOHOA_EXTRACT_INT_H

#include "../core/icu.h"
#include "extract.h"

/* ---- csv.c: the libcsv adapter ---- */

/* One CSV row being built: fields are appended one by one, then ended. */
typedef struct ex_row {
	sohoa_buf *out;
	int nfields;
	int failed;
	int safe;     /* 1: cells made safe for spreadsheets (sohoa_csv_row); ex_row_begin sets 0 */
} ex_row;
void ex_row_begin(ex_row *r, sohoa_buf *out);
void ex_field(ex_row *r, const char *s);           /* NULL or "" gives an empty field */
void ex_field_n(ex_row *r, const char *s, size_t n);
void ex_field_int(ex_row *r, long v, int present); /* empty if !present */
void ex_field_num(ex_row *r, double v, int present); /* dot decimal, shortest form; empty if !present */
/* End the row with CRLF; returns SOHOA_OK or records out-of-memory in ctx. */
sohoa_status ex_row_end(ex_row *r, sohoa_ctx *ctx);

/* ---- rules.c: numbers, dates, text ---- */

/* Parse a Vietnamese number at s[0..n): "8,41" -> 8.41, "01" -> 1, "1.234,5" -> 1234.5,
 * "6,5" -> 6.5, "100" -> 100. A lone dot followed by three digits is a thousands separator.
 * Returns 1 and sets *v, or 0 when s does not start with a digit. *used gets the bytes read. */
int ex_parse_number(const char *s, size_t n, double *v, size_t *used);
/* "Trước ngày 30/11/2023" -> "2023-11-30" into iso (11 bytes); also "ngày 26 tháng 5 năm 2025".
 * Returns 1 only when the text names exactly one full date (day, month and year). */
int ex_parse_date(const char *s, size_t n, char iso[11]);
/* Normalize "dd/mm/yyyy" found at s into iso; 1 on success. */
int ex_date_dmy(int d, int m, int y, char iso[11]);

/* Trim spaces and the punctuation in chars from both ends of s[*b..*e). */
void ex_trim(const char *s, size_t *b, size_t *e, const char *chars);
/* Copy s[b..e) with runs of white space collapsed to one space, trimmed. Caller frees. */
char *ex_clean(const char *s, size_t b, size_t e);
/* The letters of s when each character is a letter without a tone mark (đ is one) or an ASCII
 * character of skip: their number, *upper of them capitals; -1 when another character is in s. */
int ex_plain_letters(const char *s, const char *skip, int *upper);

/* ---- stmts.c: statements ---- */

/* A statement: one or more text lines joined with single spaces. key is its matching form:
 * the canonical key of sohoa_viet_key (lowercase, one tone style) with every diacritic removed
 * (đ -> d), one ASCII byte per letter, so rules are case-, tone-style- and (for text that lost
 * its marks) diacritic-insensitive; kmap[k] is the byte offset in text of key byte k. */
typedef struct ex_stmt {
	char *text;
	size_t len;
	char *key;
	size_t keylen;
	size_t *kmap;          /* keylen + 1 entries */
	size_t first, last;    /* tline indices */
	size_t *starts;        /* text offset where each tline starts (last - first + 1 entries) */
	char section[64];      /* numbering path of the enclosing headings, e.g. "II.3" */
	int heading;           /* 1 when this statement is itself a heading */
	int level;             /* heading level (1 = Roman numeral) */
	char id[32];           /* heading number as written, normalized ("1.1", "II", "a") */
	size_t title_off;      /* text offset where the heading's title starts */
	size_t title_key;      /* the same in key */
} ex_stmt;

typedef struct ex_doc {
	const sohoa_doc *doc;   /* may be NULL */
	const sohoa_text *text;
	ex_stmt *stmts;
	size_t nstmts;
	const char *name;      /* document name */
	sohoa_text *split;     /* owned: text with its paragraphs split at marks (stmts.c), or NULL */
} ex_doc;

/* Split text into statements (joining lines that continue a sentence, as the reflow of the
 * normalize stage would; already-reflowed text passes through) and track headings. */
sohoa_status ex_doc_build(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, ex_doc *ed);
void ex_doc_free(ex_doc *ed);
/* An extractor's run over statements: build the statements of text (ex_doc_build), call fn on
 * them, free them; fn's status, or the build's. */
sohoa_status ex_over_stmts(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out,
			   sohoa_status (*fn)(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out));
/* The source lines text line t was made from, in order: start with *p = *j = 0 (page and line
 * indices into doc) and call until NULL; *page (may be NULL) gets the line's page. doc may be
 * NULL: no lines. Stamp lines (normalize left them out) are not among them. */
const sohoa_line *ex_source_next(const sohoa_doc *doc, const sohoa_tline *t, size_t *p, size_t *j,
				 const sohoa_page **page);
/* The source page and line of text offset off in statement st. When a text line spans several
 * source lines (reflowed), the source line whose text contains needle is chosen, within the
 * first EX_LOCATE_MAX bytes of the text line (past them, its first source line). */
#define EX_LOCATE_MAX 20000
void ex_locate(const ex_doc *ed, const ex_stmt *st, size_t off, const char *needle, int *page, int *line);
/* The figure at key offset at of statement st as a row shows it: the sentences from the one
 * holding at to the one holding end, cleaned (caller frees; NULL when out of memory), and its
 * source page and line (ex_locate with the figure as written, its digits and the separators in
 * seps, ",." or ",./", as the needle). */
char *ex_figure_context(const ex_doc *ed, const ex_stmt *st, size_t at, size_t end, const char *seps, int *page,
			int *line);
/* 1 when the line of statement st holding text offset off is a footnote: a small number, then a
 * capitalized word, and words that amend or explain ("3 Điểm này được sửa đổi …"), or such a line
 * low on its page in a smaller size. Footnotes state no facts. */
int ex_footnote(const ex_doc *ed, const ex_stmt *st, size_t off);

/* ---- rules.c: keys and their words ---- */

/* Build the key form of s[0..n) (see ex_stmt); caller frees *key and *kmap. */
int ex_key(const char *s, size_t n, char **key, size_t *keylen, size_t **kmap);

/* A compiled rule pattern over keys; NULL on error (ctx has the message). */
sohoa_regex *ex_regex(sohoa_ctx *ctx, const char *pattern);
/* Find in st->key from kstart; groups as sohoa_regex_find (key offsets). */
int ex_find(sohoa_regex *re, const ex_stmt *st, size_t kstart, long *g, int ng);
/* 1 if word w (a key, lowercase ASCII) stands in key[0..keylen) at offset at: the same bytes, at
 * word boundaries on both sides. */
int ex_word_at(const char *key, size_t keylen, size_t at, const char *w);
/* 1 if one of the words of the NULL-ended list ws stands at key offset at (ex_word_at). */
int ex_starts_any(const char *key, size_t keylen, size_t at, const char *const *ws);
/* 1 if one of the words ws / the word w stands anywhere in key[b..e) (and ends by e). */
int ex_has_any(const char *key, size_t b, size_t e, const char *const *ws);
int ex_has_word(const char *key, size_t b, size_t e, const char *w);
/* 1 if key[b..e) ends with word w (a word boundary before it, none skipped after); *wb gets
 * where w starts. */
int ex_ends_with(const char *key, size_t b, size_t e, const char *w, size_t *wb);
/* How many words (runs of letters and digits) key[b..e) holds. */
size_t ex_words_in(const char *key, size_t b, size_t e);
/* Key offset p moved past spaces, not beyond e. */
size_t ex_skip_sp(const char *key, size_t p, size_t e);
/* The number at key offset at (ex_parse_number), 0 when none. */
double ex_num_at(const char *key, size_t at);

/* Sentences and clauses of a key: 1 if key[i] is a '.' that ends a sentence (not the dot of a
 * heading number "1. 1." nor of a one-letter abbreviation); where the clause holding key offset
 * at starts (after the last ';', ':', sentence end or unclosed '(', not before limit); where the
 * sentence holding at ends (after its dot) and starts. A sentence or clause reaches at most
 * EX_SENTENCE_MAX key bytes either side of at, so that the rules on a line without full stops stay
 * linear in its length. */
#define EX_SENTENCE_MAX 2000
int ex_sentence_dot(const char *key, size_t keylen, size_t i);
size_t ex_clause_start(const char *key, size_t limit, size_t at);
size_t ex_sentence_end(const char *key, size_t keylen, size_t at);
size_t ex_sentence_start(const char *key, size_t at);
/* 1 when the words of statement st at key offset k are w as spelled (lowercase, old tone style,
 * sohoa_viet_key): "mỗi" and not "mới", "cộng" and not "công", whose keys are one. In text
 * without any marks only a w without marks can match (by its key). */
int ex_spelled_at(const ex_stmt *st, size_t k, const char *w);
/* 1 when "điểm" ending at key offset e counts places rather than points ("40 điểm ngập", "10
 * điểm trường"): a content word follows it. */
int ex_counts_places(const char *key, size_t keylen, size_t e);

/* The extractors, one file each (the table in extract.c). */
extern const sohoa_extractor ex_scores, ex_criteria, ex_responsibilities, ex_documents, ex_references,
	ex_schemes;

/* Scores of a document (used by criteria for the score of a heading). */
typedef struct ex_score {
	size_t stmt;
	char section[64];
	double value, max;
	int has_value, has_max;
	char unit[16];
} ex_score;
sohoa_status ex_scores_collect(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out, ex_score **list, size_t *n);
/* One row of scores.csv as its writers give it: a number is written when its has_ flag is set,
 * rank, rank_of and year when > 0; NULL strings are empty cells. */
typedef struct {
	int page, line;
	const char *section, *subject, *kind, *op, *unit, *change_unit, *text, *confidence;
	double value, max, percent, change;
	int has_value, has_max, has_percent, has_change;
	long rank, rank_of, year;
} ex_score_out;
/* Append row r of document ed to out (scores.csv's columns, in order). */
sohoa_status ex_score_write(sohoa_ctx *ctx, const ex_doc *ed, const ex_score_out *r, sohoa_buf *out);
struct ex_scheme_set;
/* The same with the document's scheme already read (schemes.c), so it is not read twice. */
sohoa_status ex_scores_collect_with(sohoa_ctx *ctx, const ex_doc *ed, const struct ex_scheme_set *sch,
				    sohoa_buf *out, ex_score **list, size_t *n);

/* ---- schemes.c: how units are scored ---- */

/* A statement of a scoring scheme: a criterion's maximum or a rule giving points under a
 * condition (criterion), extra points (bonus), points taken off (penalty), or a classification
 * band (band: points = lower bound, max = upper bound). */
typedef enum { EX_SCH_CRITERION, EX_SCH_BONUS, EX_SCH_PENALTY, EX_SCH_BAND } ex_scheme_kind;
typedef struct ex_scheme {
	ex_scheme_kind kind;
	size_t stmt;            /* the statement holding the figure */
	size_t at;              /* key offset of the figure in it */
	double max, points;
	int has_max, has_points;
	size_t crit_stmt;       /* the heading or table row naming the criterion, or EX_NONE */
	char *criterion;        /* owned; may be NULL */
	char *condition;        /* owned; may be NULL */
	double confidence;      /* 0..1 */
} ex_scheme;
#define EX_NONE ((size_t)-1)
/* A key span of a statement whose figures belong to a scheme (thresholds, conditions), not to
 * the measurements of scores.csv. */
typedef struct ex_span {
	size_t stmt, b, e;
} ex_span;
typedef struct ex_scheme_set {
	ex_scheme *rows;
	size_t n, cap;
	ex_span *spans;
	size_t nspans, spancap;
} ex_scheme_set;
/* The scheme statements of a document, in statement order, and the spans they own. */
sohoa_status ex_schemes_collect(sohoa_ctx *ctx, const ex_doc *ed, ex_scheme_set *out);
void ex_schemes_free(ex_scheme_set *s);
/* 1 when key offset at of statement stmt lies in a span of s. */
int ex_schemes_owns(const ex_scheme_set *s, size_t stmt, size_t at);

/* ---- table.c: tables rebuilt from positions (documents with line boxes only) ---- */

/* Append the table's responsibilities.csv rows to out. */
sohoa_status ex_table_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out);
/* Append the table's numbering (groups, "1.7.2" codes) as criteria.csv rows to out. */
sohoa_status ex_table_criteria(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out);
/* The first page of a table rebuilt from positions, or 0. */
int ex_table_page(const ex_doc *ed);

/* ---- scores-shares.c: "Có 11/15 đơn vị …, chiếm tỷ lệ 73,33%" ---- */

/* 1 when key offset keyoff of statement stmt lies in a share clause: "có N/M <what>, chiếm (tỷ
 * lệ) P%" where P is the share N/M makes. */
int ex_shares_owns(const ex_doc *ed, size_t stmt, size_t keyoff);
/* Append a scores.csv row for each share clause of statement stmt: P, a result, the rate of
 * <what> ("tỷ lệ đơn vị có kết quả đạt từ 80% trở lên"). */
sohoa_status ex_shares_scores(sohoa_ctx *ctx, const ex_doc *ed, size_t stmt, sohoa_buf *out);

/* ---- table-layout.c: tables laid out in columns with spaces (pdftotext -layout text) ---- */

typedef struct ex_ltables ex_ltables;
/* The layout tables of ed (a header naming a row number column and a column of points or
 * percentages, then rows of figures); *out is the caller's to free with ex_ltables_free. */
sohoa_status ex_ltables_read(sohoa_ctx *ctx, const ex_doc *ed, ex_ltables **out);
void ex_ltables_free(ex_ltables *lt);
/* 1 when the figure at key offset keyoff of statement stmt is a cell of a layout table of lt. */
int ex_ltables_owns(const ex_ltables *lt, const ex_doc *ed, size_t stmt, size_t keyoff);
/* Append a scores.csv row for each figure of a points or percentage column of lt's tables: the
 * column's measure, the table's topic and the row's unit name as subject. */
sohoa_status ex_ltables_scores(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, sohoa_buf *out);
/* Append a schemes.csv row for each criterion of lt's criteria tables (a column of maxima, no
 * figures measured): its maximum, and each rule of its guidance "- <condition> thì điểm đánh giá
 * là X" (points X under the condition). */
sohoa_status ex_ltables_schemes(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, sohoa_buf *out);

#endif

/* scores-int.h: what the parts of the scores extractor share (private to scores*.c): the figures
 * found in a statement and the rows made of them. scores.c finds the figures and writes the
 * rows; scores-class.c tells which state facts and of what kind; scores-subject.c names what a
 * figure measures from the phrases scores-phrase.c cuts. Offsets are into a statement's key. */
#ifndef SOHOA_SCORES_INT_H
#define SOHOA_SCORES_INT_H

#include "extract-int.h"

/* A figure of a statement: a value in điểm or % ("8,41/10 điểm"), a rank ("thứ 15/16"), a change
 * ("giảm 01 bậc"). */
typedef enum { EV_FIG, EV_RANK, EV_CHANGE } ev_kind;
typedef struct score_ev {
	ev_kind kind;
	size_t b, e;       /* key span of the whole match */
	size_t nb;         /* key offset of the (first) number */
	double v1, v2;
	int has2;
	char unit[16];
	int sign;          /* change: +1 / -1 */
	int top;           /* rank: a group of the first v1 ("thuộc nhóm 10"), a rank of at most v1 */
	int range;         /* figure: 1 the lower, 2 the upper bound of a range ("từ 8,3 - 8,5%") */
} score_ev;

/* How a row's subject was found. */
enum { SUBJ_OWN, SUBJ_AFTER, SUBJ_RATIO, SUBJ_LAST, SUBJ_SENTENCE, SUBJ_CELL, SUBJ_HEADING };

/* A row of scores.csv being made. */
typedef struct score_row {
	size_t stmt;
	size_t at, end;    /* key offsets: the figure, and the end of the row's last part */
	char *subject;     /* owned */
	char *measured;    /* owned: what the figure measures, without its reference */
	int subj_src;      /* how the subject was found (SUBJ_*) */
	int cue;           /* the kind was read from the words (not from the document's type) */
	size_t sstart;     /* key offset where the row's sentence starts */
	const char *kind;
	const char *op;
	double value, max, percent, change;
	int has_value, has_max, has_percent, has_change, has_rank;
	long rank, rank_of;
	char unit[16], change_unit[16];
	int year;
	int range;         /* the row of a range's lower bound (1) or upper bound (2) */
} score_row;

/* ---- scores-class.c: facts and kinds ---- */

/* The type of a document, read from its type line: a plan (figures are targets unless they
 * report a result), a report, a normative document (figures are norms unless a goal or result). */
typedef struct score_doctype {
	int plan, report, normative;
	int year;          /* the year of the document's date line ("…, ngày 20 tháng 11 năm 2025"), 0 if none */
} score_doctype;
void score_doctype_of(const ex_doc *ed, score_doctype *dt);
/* Why figure e of statement si states no fact (0 when it does): it belongs to a scoring scheme
 * (sch), a footnote, a formula, a condition or an award quota, it is a norm, or its "điểm"
 * counts places. */
int score_not_a_fact(const ex_doc *ed, size_t si, const score_ev *e, const ex_scheme_set *sch);
/* Set the kind (target or score) of row r of figure e in statement si (its clause from cstart,
 * its sentence from sstart), whether its words said so (cue), its bound (op) and year. 0 when
 * the row is a norm of a normative document: the caller drops it. */
int score_classify(const ex_doc *ed, size_t si, const score_doctype *dt, const score_ev *e, size_t cstart,
		   size_t sstart, score_row *r);

/* ---- scores-phrase.c: phrases ---- */

/* Trim from key[*b..*e) the verbs and comparison words a subject ends with, and the cue words,
 * list marks and quotes it starts with (score_trim_subject); with time expressions and list
 * numbers too, and the verb of a target before its indicator (score_trim_all). */
void score_trim_subject(const char *key, size_t *b, size_t *e);
void score_trim_all(const char *key, size_t *b, size_t *e);
/* The subject read after a figure, from key offset from: up to a stop word or punctuation, or a
 * quoted name. Sets the key span [*b, *e). */
void score_subject_after(const char *key, size_t keylen, size_t from, size_t *b, size_t *e);
/* The noun phrase and its predicate after a figure (from key offset from): up to the clause's
 * end, a time or purpose phrase, or a comma before another predicate. Sets the key span; *quoted
 * when it is a quoted name. */
void score_clause_after(const ex_stmt *st, size_t from, size_t *b, size_t *e, int *quoted);
/* The measured phrase of key[b..*e) (a clause before a figure): *e moves to the first predicate
 * verb followed by an amount, if any. */
void score_measured_part(const char *key, size_t b, size_t *e);
/* The noun phrase statement st's sentence starts with (from sb, before limit): 1 with its key
 * span in *b, *e when it has two words or more, is no label and reads as a noun phrase. */
int score_sentence_np(const ex_stmt *st, size_t sb, size_t limit, size_t *b, size_t *e);
/* 1 when a label that names no indicator ("Kết quả", "Trong đó") starts at key offset at. */
int score_generic_label(const char *key, size_t keylen, size_t at);
/* 1 when key[b..e) of statement st reads as a noun phrase: no function word or verb first, two
 * words or one of two capitals or more, Vietnamese words. */
int score_np_ok(const ex_stmt *st, size_t b, size_t e);
/* 1 when key[b..e) of st is a clause cut out rather than a phrase: it opens with a discourse
 * word ("Thế nhưng", "Ví dụ"), ends with one that leaves it open or points elsewhere ("đang",
 * "khi", "này", "họ"), holds a sentence end or a reported clause ("cho biết", "rằng"). */
int score_np_broken(const ex_stmt *st, size_t b, size_t e);
/* Subject text s made a noun phrase, as a new string (caller frees), or NULL when it cannot be:
 * markup left in it ("| Số người đi bầu |", "*6.4. *Hàng năm"), a verb of its own predicate ("…
 * chiếm tỉ trọng …"), the tail of an aside ("chỉ tiêu) hoặc …"). The topic before "thì", a sum
 * it holds ("thu nội địa 11.080 tỷ đồng" -> "thu nội địa") are cut; a count it starts with
 * names the number of what follows ("59 dự án …" -> "số dự án …"). */
char *score_subject_fix(const char *s);
/* Key offset e moved back past spaces, '(' and the words ws (any of them, again and again), not
 * before b: "đạt trên 90%" from the figure back to "đạt". */
size_t score_back_over(const char *key, size_t b, size_t e, const char *const *ws);
/* Where the words of a sentence start in key[sb..b): past bullets and list numbers. */
size_t score_list_start(const char *key, size_t sb, size_t b);
/* The end of word w at key offset p (before e), else 0; the end of a year 1990-2100 at p, else 0. */
size_t score_word_end(const char *key, size_t p, size_t e, const char *w);
size_t score_year_end(const char *key, size_t p, size_t e);
/* The text of statement st between key offsets b and e, spaces collapsed, asides in parentheses
 * left out when drop_parens; NULL when empty. Caller frees. */
char *score_span_text(const ex_stmt *st, size_t b, size_t e, int drop_parens);
/* a, sep and b joined into a new string (caller frees); NULL when out of memory. */
char *score_join3(const char *a, const char *sep, const char *b);

/* 1 when key[b..e) of st is a place's proper name alone, two to five capitalized words, or one
 * after "tỉnh", "thành phố" …: "Quảng Trị", "tỉnh Huế" (not "GRDP", not "Tỷ lệ giải ngân"). */
int score_place_name(const ex_stmt *st, size_t b, size_t e);
/* A copy of subject text s without the period it ends with ("… tỉnh Quý III" -> "… tỉnh"; "…
 * 9 tháng năm 2025" likewise); s itself when it ends with none. NULL when out of memory. */
char *score_drop_period(const char *s);

/* ---- scores-subject.c: subjects ---- */

/* 1 when figure e (in the clause from cstart) is a rate of change named before it ("so với mức
 * tăng cả nước là 9,2%"): *sign -1 for a fall; the words between the rate and the figure in
 * [*wb, *we). */
int score_rate_of_change(const ex_stmt *st, size_t cstart, const score_ev *e, int *sign, size_t *wb, size_t *we);

/* Set the subject of row r, of figure e in statement si (its clause from cstart, its sentence
 * from sstart; last is the row before in the statement, in the same sentence when same_sentence).
 * 0 when no noun phrase names what the figure measures (the row is dropped). */
int score_subject_of(const ex_doc *ed, size_t si, const score_ev *e, const score_row *last, int same_sentence,
		     size_t cstart, size_t sstart, score_row *r);

#endif

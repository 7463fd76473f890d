/* schemes-int.h: what the parts of the schemes extractor share (private to schemes*.c): the
 * document context the grammar builds in, and the helpers each part calls. schemes.c holds the
 * context, the rows and the extractor; schemes-tables.c points tables; schemes-bands.c
 * classification bands; schemes-grammar.c the statements' words. */
#ifndef SOHOA_SCHEMES_INT_H
#define SOHOA_SCHEMES_INT_H

#include "extract-int.h"

/* What the grammar knows of each statement beyond its own words. */
typedef struct stmt_info {
	size_t title;      /* table: the statement naming the criterion of its row, or EX_NONE */
	int table;         /* inside a points table */
	int group;         /* table: kind of its group (bonus/penalty from a title), else -1 */
	int bare;          /* the statement is a bare number (a table cell) */
	int band;          /* the statement states a band */
	int bctx;          /* scheme_band_context, once read: 0 unknown, 1 no, 2 yes */
	int banded;        /* a title with bands under it (or in it) */
} stmt_info;

/* A document being read for its scheme: info[] has one entry a statement; rows go to out. */
typedef struct sch_doc {
	const ex_doc *ed;
	stmt_info *info;
	ex_scheme_set *out;
	int scheme_doc;    /* the document defines a scheme (several cues) */
	sohoa_regex *pts, *range, *above, *below;
	sohoa_regex *above_bare; /* "đạt từ 5 trở lên": a bound without unit (a mark when "điểm" leads) */
} sch_doc;

/* ---- schemes.c: helpers over statements ---- */

/* 1 if key[b..e) ends with word w, spaces, '(' and ':' before e skipped; *wb gets where w starts. */
int scheme_ends_word(const char *key, size_t b, size_t e, const char *w, size_t *wb);
/* The text of statement st between key offsets b and e, cleaned; NULL when empty. Caller frees. */
char *scheme_text_of(const ex_stmt *st, size_t b, size_t e);
/* Key offset where statement st's own words start: past its heading number ("5.1", "a)"). */
size_t scheme_body_start(const ex_stmt *st);
/* The label of a statement "Loại tốt: …", "3. Điểm thưởng: Tối đa …": its words before a colon
 * (or before " là " for a band), when they are few. Sets the key span; 0 when none. */
int scheme_label_span(const ex_stmt *st, int band, size_t *b, size_t *e);
/* The nearest title statement before s (a heading of a lower level than s's own, when s is a
 * heading, or an article line "Điều 6. …"), within 60 statements; EX_NONE when none. */
size_t scheme_title_before(const ex_doc *ed, size_t s);
/* EX_SCH_BONUS or EX_SCH_PENALTY from words in key[b..e), else -1. */
int scheme_kind_from_words(const char *key, size_t b, size_t e);

/* ---- schemes.c: rows ---- */

/* Add key [b, e) of statement stmt to the spans o owns (joined with the last when they touch). */
sohoa_status scheme_add_span(sohoa_ctx *ctx, ex_scheme_set *o, size_t stmt, size_t b, size_t e);
/* The criterion a statement's rule belongs to: its table row's title, its own label, the heading
 * it is under; *cs gets the statement naming it (EX_NONE when none). Caller frees; NULL when none. */
char *scheme_criterion_of(const sch_doc *sd, size_t s, size_t *cs);
/* Add the row of a scheme figure at key offset at of statement s: kind (ex_scheme_kind), max and
 * points (NULL when absent), criterion (taken over; NULL: found by scheme_criterion_of) named by
 * statement crit_stmt, condition (taken over, may be NULL), confidence conf (lowered when no
 * criterion is found or the document defines no scheme). */
sohoa_status scheme_emit(sohoa_ctx *ctx, sch_doc *sd, size_t s, size_t at, int kind, const double *max,
			 const double *points, char *criterion, size_t crit_stmt, char *condition, double conf);

/* ---- the parts ---- */

/* schemes-tables.c: read the points tables of the document into rows and info[] (the title,
 * group and cells of each table row). */
sohoa_status scheme_read_tables(sohoa_ctx *ctx, sch_doc *sd);
/* schemes-bands.c: 1 when statement s is in a classification (labelled as a band, or under a
 * title naming one), read once; the band rows of statement s, *is_band set when it states one. */
int scheme_band_context(sch_doc *sd, size_t s);
sohoa_status scheme_bands(sohoa_ctx *ctx, sch_doc *sd, size_t s, int *is_band);
/* schemes-grammar.c: the rows and owned spans statement s states in words. */
sohoa_status scheme_grammar(sohoa_ctx *ctx, sch_doc *sd, size_t s);
/* schemes-parts.c: the rows and owned spans of the parts of a scale statement s states ("Điểm tối
 * đa là 75/100 điểm": a criterion with max 75). */
sohoa_status scheme_parts(sohoa_ctx *ctx, sch_doc *sd, size_t s);
/* schemes-pctbands.c: the band statement s states in percentages under a band label ("Xếp loại
 * Tốt: … từ 80% trở lên"), with its span; none when s already states a band. */
sohoa_status scheme_pct_bands(sohoa_ctx *ctx, sch_doc *sd, size_t s);

#endif

/* criteria.csv: the heading tree of a document — Roman numerals, "1.", "1.1.", "1. 1.", "a)",
 * table codes "1.7.2" — with the score where the text reports one for the heading's criterion and
 * its maximum from the scoring scheme (schemes.c), else from the score ("8,41/10 điểm"). */
#include "extract-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "id", "parent", "level", "title", "score", "max", "page", "line", NULL};

/* The title: the heading's text up to its first sentence end, colon or semicolon. */
static char *title_of(const ex_stmt *st)
{
	size_t b = st->title_off, e = b;
	while (e < st->len) {
		char c = st->text[e];
		if (c == ':' || c == ';')
			break;
		if (c == '.' && (e + 1 >= st->len || st->text[e + 1] == ' '))
			break;
		e++;
	}
	if (e - b > 200) { /* a long numbered paragraph: cut at a word boundary */
		e = b + 200;
		while (e > b && st->text[e] != ' ')
			e--;
	}
	return ex_clean(st->text, b, e);
}

/* The first score with a maximum stated in the section of the heading at statement s (scores
 * are in statement order), or NULL. */
static const ex_score *heading_score(const ex_score *scores, size_t n, size_t s, const char *section)
{
	for (size_t i = 0; i < n; i++)
		if (scores[i].stmt >= s && scores[i].has_max && !strcmp(scores[i].section, section))
			return &scores[i];
	return NULL;
}

/* The maximum the scheme gives the criterion of heading statement s: a criterion, bonus or
 * penalty row whose criterion is that heading ("1. Tổ chức bộ máy (10 điểm)", a points table's
 * cell after it). 1 and *max when there is one. */
static int scheme_max(const ex_scheme_set *sch, size_t s, double *max)
{
	for (size_t i = 0; i < sch->n; i++) {
		const ex_scheme *r = &sch->rows[i];
		if (r->crit_stmt == s && r->has_max && r->kind != EX_SCH_BAND) {
			*max = r->max;
			return 1;
		}
	}
	return 0;
}

/* The criteria.csv row of heading sm: its section path as id, the path's parent and depth, its
 * title, its score (sc may be NULL), its maximum (the scheme's when has_smax, else the score's)
 * and its first source line tl. */
static sohoa_status write_heading(sohoa_ctx *ctx, const ex_doc *ed, const ex_stmt *sm, const ex_score *sc,
				  int has_smax, double smax, const sohoa_tline *tl, sohoa_buf *out)
{
	char parent[64];
	snprintf(parent, sizeof parent, "%s", sm->section);
	char *dot = strrchr(parent, '.');
	if (dot)
		*dot = 0;
	else
		parent[0] = 0;
	int level = 1;
	for (const char *p = sm->section; *p; p++)
		level += *p == '.';
	char *title = title_of(sm);
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, ed->name);
	ex_field(&row, sm->section);
	ex_field(&row, parent);
	ex_field_int(&row, level, 1);
	ex_field(&row, title);
	ex_field_num(&row, sc ? sc->value : 0, sc != NULL);
	ex_field_num(&row, has_smax ? smax : sc ? sc->max : 0, has_smax || sc != NULL);
	ex_field_int(&row, tl->page, 1);
	ex_field_int(&row, tl->line, 1);
	free(title);
	return ex_row_end(&row, ctx);
}

/* The headings in order (those of a table rebuilt from positions come from the rebuild), then
 * the table's numbering ("1.7.2"). */
static sohoa_status criteria(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	const sohoa_text *text = ed->text;
	ex_score *scores = NULL;
	size_t nscores = 0;
	ex_scheme_set sch = {0};
	sohoa_status st = ex_schemes_collect(ctx, ed, &sch);
	if (st == SOHOA_OK)
		st = ex_scores_collect_with(ctx, ed, &sch, NULL, &scores, &nscores);
	int table_page = ex_table_page(ed);
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (!sm->heading || (table_page && text->lines[sm->first].page >= table_page))
			continue;
		double smax = 0;
		int has_smax = scheme_max(&sch, s, &smax);
		st = write_heading(ctx, ed, sm, heading_score(scores, nscores, s, sm->section), has_smax, smax,
				   &text->lines[sm->first], out);
	}
	ex_schemes_free(&sch);
	if (st == SOHOA_OK)
		st = ex_table_criteria(ctx, ed, out);
	free(scores);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, criteria);
}

const sohoa_extractor ex_criteria = {"criteria", columns, run};

/* schemes-tables: the points tables of a scheme — a header row with a points column, then rows
 * of a title, its points cell and the cells of its guidance. */
#include "schemes-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when statement sm is a points column's header cell: "ĐIỂM CHUẨN", "Mức điểm theo yêu cầu",
 * "Điểm tối đa", "Thang điểm", "Điểm" — not the self-assessed or achieved score, nor a place or a
 * time ("Địa điểm", "Thời điểm"). */
static int points_header(const ex_stmt *sm)
{
	if (sm->heading || strpbrk(sm->key, "0123456789") || ex_words_in(sm->key, 0, sm->keylen) > 6)
		return 0;
	static const char *const names[] = {"diem chuan", "diem toi da", "thang diem", "muc diem", "khung diem",
					    "so diem toi da", "diem so toi da", NULL};
	static const char *const not_max[] = {"tu cham", "dat duoc", "danh gia", "huong dan", "cham diem", "ghi chu",
					      "minh chung", "thuc te", "ket qua", "cham", "dia diem", "thoi diem",
					      "quan diem", "dac diem", "uu diem", "khuyet diem", "trong diem", NULL};
	size_t b = strspn(sm->key, " "), e = sm->keylen;
	while (e > b && strchr(" .:", sm->key[e - 1]))
		e--;
	int named = ex_has_any(sm->key, b, e, names) || (e - b == 4 && !strncmp(sm->key + b, "diem", 4));
	return named && !ex_has_any(sm->key, b, e, not_max) && scheme_kind_from_words(sm->key, b, e) < 0;
}

/* 1 when sm is a bare cell: a number ("20", "3,5"), a row number ("1", "5.1", "II", "a)"). */
static int bare_cell(const ex_stmt *sm, int *is_number, double *v)
{
	const char *k = sm->key;
	size_t i = strspn(k, " "), e = sm->keylen;
	/* "5 a)": a points cell and the next row's number, joined by the reflow */
	if (e >= 4 && k[e - 1] == ')' && isalpha((unsigned char)k[e - 2]) && k[e - 3] == ' ' && isdigit((unsigned char)k[e - 4]))
		e -= 3;
	while (e > i && strchr(" .)", k[e - 1]))
		e--;
	if (e <= i)
		return 0;
	size_t j = i;
	while (j < e && (isdigit((unsigned char)k[j]) || k[j] == ',' || k[j] == '.'))
		j++;
	if (j == e && isdigit((unsigned char)k[i])) {
		size_t used;
		ex_parse_number(k + i, e - i, v, &used);
		/* "5.1" is a row number, "3,5" a value */
		*is_number = !memchr(k + i, '.', e - i) || used == e - i;
		return 1;
	}
	j = i;
	while (j < e && strchr("ivxlc", k[j]))
		j++;
	if (j == e && e - i <= 4) {
		*is_number = 0;
		return 1;
	}
	if ((e - i == 1 && isalpha((unsigned char)k[i])) || (k[i] == '(' && k[e - 1] == ')' && e - i <= 4)) {
		*is_number = 0;
		return 1;
	}
	return 0;
}

/* 1 when sm starts with a numbering path the outline did not take for a heading ("2.4.Tủ sách"). */
static int numbered(const ex_stmt *sm)
{
	const char *k = sm->key + strspn(sm->key, " ");
	size_t i = 0;
	int dots = 0;
	while (isdigit((unsigned char)k[i])) {
		while (isdigit((unsigned char)k[i]))
			i++;
		if (k[i] != '.')
			break;
		dots++;
		i++;
	}
	return dots >= 2 && isalpha((unsigned char)k[i]);
}

/* 1 when sm is a totals row's title ("Tổng cộng", "Cộng", "Tổng số"). */
static int total_title(const ex_stmt *sm)
{
	size_t i = strspn(sm->key, " ");
	return ex_words_in(sm->key, 0, sm->keylen) <= 3 &&
	       (ex_word_at(sm->key, sm->keylen, i, "tong cong") || ex_word_at(sm->key, sm->keylen, i, "tong so") ||
		ex_word_at(sm->key, sm->keylen, i, "tong") || ex_word_at(sm->key, sm->keylen, i, "cong"));
}

/* Read the points tables of the document: after a header row with a points column, a row is a
 * title (a numbered heading, the text after a row number, a totals row) followed by its points
 * cell and the cells of its guidance. Each title with a points cell gives a criterion row (bonus
 * or penalty when it or its group's title says so); info[] records each statement's row title. */
sohoa_status scheme_read_tables(sohoa_ctx *ctx, sch_doc *sd)
{
	const ex_doc *ed = sd->ed;
	sohoa_status st = SOHOA_OK;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		int rowno = 0;
		double v0;
		if (!points_header(&ed->stmts[s]) || (s > 0 && bare_cell(&ed->stmts[s - 1], &rowno, &v0)))
			continue;
		/* the other header cells: short statements without figures */
		size_t r = s + 1;
		while (r < ed->nstmts && r < s + 6 && !ed->stmts[r].heading &&
		       !strpbrk(ed->stmts[r].key, "0123456789") && ex_words_in(ed->stmts[r].key, 0, ed->stmts[r].keylen) <= 6 &&
		       !bare_cell(&ed->stmts[r], &rowno, &v0))
			r++;
		/* a table has its points cells soon after its header */
		size_t look = r;
		int cell = 0;
		while (look < ed->nstmts && look < r + 16 && !cell) {
			cell = bare_cell(&ed->stmts[look], &rowno, &v0) && rowno;
			look++;
		}
		if (!cell)
			continue;
		size_t title = EX_NONE, last_bare = r;
		int after_rowno = 1, have_points = 0, group = -1;
		int prev_title = 0; /* the statement before continues the title */
		for (; r < ed->nstmts && r < last_bare + 10; r++) {
			const ex_stmt *sm = &ed->stmts[r];
			int is_number = 0;
			double v = 0;
			sd->info[r].table = 1;
			if (points_header(sm) && !prev_title && !(r > 0 && bare_cell(&ed->stmts[r - 1], &is_number, &v)))
				break;
			if (bare_cell(sm, &is_number, &v)) {
				sd->info[r].bare = 1;
				sd->info[r].title = title;
				last_bare = r;
				if (prev_title && is_number && title != EX_NONE && !have_points && v <= 1000) {
					/* the points cell of the row titled by `title` */
					int kind = group >= 0 ? group : EX_SCH_CRITERION;
					size_t cs;
					char *crit = scheme_criterion_of(sd, r, &cs);
					st = scheme_emit(ctx, sd, r, strspn(sm->key, " "), kind, &v, NULL, crit, cs, NULL, 0.9);
					have_points = 1;
					prev_title = 0;
					after_rowno = sm->key[sm->keylen - 1] == ')'; /* "5 a)" */
					continue;
				}
				/* a row number: a new row (a top-level one ends the group) */
				after_rowno = 1;
				if (!memchr(sm->key, '.', sm->keylen) || !is_number)
					group = -1;
				prev_title = 0;
				continue;
			}
			int new_row = sm->heading || after_rowno || total_title(sm) || numbered(sm);
			if (new_row) {
				title = r;
				have_points = 0;
				prev_title = 1;
				int k = scheme_kind_from_words(sm->key, 0, sm->keylen < 120 ? sm->keylen : 120);
				if (k >= 0)
					group = k;
				else if (!sm->heading || !strchr(sm->id, '.'))
					group = sm->heading ? -1 : group;
			} else if (!(prev_title && (islower((unsigned char)sm->text[0]) ||
						    (sohoa_caps(sm->text, sm->len) && sohoa_caps(ed->stmts[r - 1].text, ed->stmts[r - 1].len))))) {
				prev_title = 0; /* guidance */
			}
			after_rowno = 0;
			sd->info[r].title = title;
			sd->info[r].group = group;
		}
		s = r > s ? r - 1 : s;
	}
	return st;
}

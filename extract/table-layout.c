/* table-layout.c: tables of text laid out in columns with spaces (`pdftotext -layout`, aligned plain
 * text). A header block ("STT | Đơn vị | Điểm chuẩn tối đa | Điểm tự đánh giá | Chỉ số", each
 * name stacked over several lines) names the columns; the number cells under it are read by
 * column, so a row's figures get their column's measure and the row's name (scores.csv). Names
 * over groups of columns ("PAR Index" over "Điểm số | Thứ hạng", a province over its columns) make
 * each cell a score or rank of the row and its group. A table whose only figures are maxima is a
 * criteria table: its rows and the rules of their guidance are scheme criteria (schemes.csv). */
#include "extract-int.h"
#include "../core/array.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column roles: text, row number, the row's name, maxima, points, percentages, a count over
 * a total ("Số lượng hồ sơ đã hỗ trợ/Tổng số hồ sơ", cells "862/1.266 (68,1%)"), and ranks
 * ("Thứ hạng", cells "54" or "54/63"). */
enum { LT_TEXT, LT_STT, LT_LABEL, LT_MAX, LT_POINTS, LT_PERCENT, LT_RATIO, LT_RANK };
enum { LT_MAXCOLS = 12, LT_MAXCELLS = 24 };

/* A cell of a line: text between runs of two spaces or more; bytes [b, e) of the line, character
 * columns [c0, c1). */
typedef struct lt_cell {
	size_t b, e;
	int c0, c1;
} lt_cell;

typedef struct lt_col {
	int c0, c1;
	int role;
	char name[160];
	char group[120]; /* the name over its group of columns ("Lâm Đồng", "PAR Index"), or "" */
} lt_col;

typedef struct lt_table {
	lt_col cols[LT_MAXCOLS];
	int ncols;
	size_t first, last;     /* the data lines, indices into ex_ltables.lines */
	char topic[200];        /* what the table measures, from its title ("công tác chỉ đạo điều hành") */
	int year;
	int grouped;            /* its columns of figures are in groups under names */
	int rows_units;         /* grouped: rows name units (tỉnh, đơn vị) measured by the groups; else
				 * rows name measures (chỉ số thành phần) of the units over the groups */
} lt_table;

struct ex_ltables {
	const sohoa_line **lines; /* the document's lines in order, stamps left out */
	int *pages;               /* page number of each */
	size_t nlines;
	lt_table *t;
	size_t n, cap;
};

static int blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* The cells of line s, at most LT_MAXCELLS. */
static int cells_of(const char *s, lt_cell *c)
{
	int n = 0, col = 0;
	size_t i = 0;
	while (s[i] && n < LT_MAXCELLS) {
		while (s[i] == ' ' || s[i] == '\t') {
			i++;
			col++;
		}
		if (!s[i])
			break;
		c[n].b = i;
		c[n].c0 = col;
		size_t last = i;
		int lastcol = col;
		while (s[i]) {
			if ((s[i] == ' ' && (s[i + 1] == ' ' || s[i + 1] == '\t' || !s[i + 1])) || s[i] == '\t')
				break;
			if (((unsigned char)s[i] & 0xC0) != 0x80)
				col++;
			i++;
			if (s[i - 1] != ' ') {
				last = i;
				lastcol = col;
			}
		}
		c[n].e = last;
		c[n].c1 = lastcol;
		n++;
	}
	return n;
}

/* 1 when s[b..e) is a number cell: "74,00", "95,27%", "14,5", "0". */
static int num_cell(const char *s, size_t b, size_t e, double *v, int *pct)
{
	size_t used = 0;
	if (e > b && s[e - 1] == '%') {
		*pct = 1;
		e--;
	} else {
		*pct = 0;
	}
	if (e <= b || e - b > 12 || !ex_parse_number(s + b, e - b, v, &used) || used != e - b)
		return 0;
	for (size_t i = b; i < e; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != ',' && s[i] != '.')
			return 0;
	return 1;
}

/* 1 when s[b..e) is a figure over its total: "83,1/100", "62/63"; the figure in *v, the total
 * in *of. */
static int frac_cell(const char *s, size_t b, size_t e, double *v, double *of)
{
	size_t m = b;
	while (m < e && s[m] != '/')
		m++;
	int pct;
	return m > b && m + 1 < e && num_cell(s, b, m, v, &pct) && !pct && num_cell(s, m + 1, e, of, &pct) && !pct &&
	       *of > 0 && *v <= *of;
}

/* 1 when role r is a column of figures read by column. */
static int fig_role(int r)
{
	return r == LT_MAX || r == LT_POINTS || r == LT_PERCENT || r == LT_RANK;
}

/* 1 when s[b..e) is a row number: "1", "12", "1.1", "1.1.1", "II", "a)". */
static int stt_cell(const char *s, size_t b, size_t e)
{
	if (e > b && (s[e - 1] == '.' || s[e - 1] == ')'))
		e--;
	if (e <= b || e - b > 8)
		return 0;
	int digits = 1, roman = 1;
	for (size_t i = b; i < e; i++) {
		digits &= isdigit((unsigned char)s[i]) || (s[i] == '.' && i > b);
		roman &= strchr("IVX", s[i]) != NULL;
	}
	return digits || roman || (e - b == 1 && islower((unsigned char)s[b]));
}

static size_t words_of(const char *s, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t i = b; i < e; i++)
		n += s[i] != ' ' && (i == b || s[i - 1] == ' ');
	return n;
}

/* The key (diacritic-free, lowercase) of s[b..e) into out (size cap). */
static void key_of(const char *s, size_t b, size_t e, char *out, size_t cap)
{
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	out[0] = 0;
	if (!ex_key(s + b, e - b, &k, &kl, &km))
		snprintf(out, cap, "%.*s", (int)kl, k);
	free(k);
	free(km);
}

/* s[0..n) in lowercase into out (size cap); 0 when out of memory. */
static int lower_into(sohoa_ctx *ctx, const char *s, size_t n, char *out, size_t cap)
{
	sohoa_buf b = {0};
	int ok = sohoa_icu_lower(ctx, s, n, &b) == SOHOA_OK;
	if (ok)
		snprintf(out, cap, "%.*s", (int)b.len, b.data ? b.data : "");
	sohoa_buf_free(&b);
	return ok;
}

static int has(const char *key, const char *w)
{
	return ex_has_word(key, 0, strlen(key), w);
}

/* The role of a column from its name. */
static int role_of(const char *name)
{
	char k[200];
	key_of(name, 0, strlen(name), k, sizeof k);
	if (!strcmp(k, "stt") || !strcmp(k, "tt") || !strcmp(k, "so tt"))
		return LT_STT;
	if (has(k, "dia diem"))
		return LT_TEXT;
	if (!strcmp(k, "thu hang") || !strcmp(k, "xep hang") || !strcmp(k, "hang"))
		return LT_RANK;
	if (has(k, "diem") && (has(k, "toi da") || has(k, "chuan") || has(k, "thang diem")))
		return LT_MAX;
	if (has(k, "diem"))
		return LT_POINTS;
	if (has(k, "chi so") || has(k, "ty le") || strstr(k, "(%)"))
		return LT_PERCENT;
	if (strchr(k, '/') && (!strncmp(k, "so luong ", 9) || !strncmp(k, "tong so ", 8)))
		return LT_RATIO;
	return LT_TEXT;
}

/* 1 when line s can be part of a header block: short cells, no number cell. */
static int header_line(const char *s)
{
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c);
	if (n == 0)
		return 0;
	for (int i = 0; i < n; i++) {
		double v;
		int pct;
		if (num_cell(s, c[i].b, c[i].e, &v, &pct) || words_of(s, c[i].b, c[i].e) > 8 || strchr(":;", s[c[i].e - 1]))
			return 0;
	}
	return 1;
}

static int stt_line(const char *s)
{
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c);
	for (int i = 0; i < n && i < 2; i++) {
		char k[16];
		if (c[i].e - c[i].b > 8)
			continue;
		key_of(s, c[i].b, c[i].e, k, sizeof k);
		if (!strcmp(k, "stt") || !strcmp(k, "tt"))
			return 1;
	}
	return 0;
}

static int col_of_role(const lt_table *t, int role)
{
	for (int k = 0; k < t->ncols; k++)
		if (t->cols[k].role == role)
			return k;
	return -1;
}

/* Read the header block lines[hb..he] into t's columns, named and given roles, left to right;
 * 0 when a name heads several columns or names overlap. */
static int read_cols(const ex_ltables *lt, size_t hb, size_t he, lt_table *t)
{
	struct frag {
		int c0, c1, line, col;
		const char *s;
		size_t b, e;
	} f[64];
	int nf = 0;
	for (size_t i = hb; i <= he; i++) {
		const char *s = lt->lines[i]->text;
		lt_cell c[LT_MAXCELLS];
		int n = cells_of(s, c);
		for (int j = 0; j < n && nf < 64; j++)
			f[nf++] = (struct frag){c[j].c0, c[j].c1, (int)(i - hb), -1, s, c[j].b, c[j].e};
	}
	/* a fragment over two or more fragments of a line below it heads a group of columns
	 * ("Lâm Đồng" over its "Điểm số", "Chỉ số", "Thứ hạng"): which group a column is in is not
	 * read, so such a table is not mapped */
	for (int i = 0; i < nf; i++)
		for (int j = 0; j < nf; j++) {
			int under = 0;
			for (int k = j; k < nf && f[k].line == f[j].line; k++)
				under += f[k].line > f[i].line && f[k].c0 < f[i].c1 && f[i].c0 < f[k].c1;
			if (under >= 2)
				return 0;
			while (j + 1 < nf && f[j + 1].line == f[j].line)
				j++;
		}
	/* fragments whose columns overlap are one column's name */
	t->ncols = 0;
	for (int i = 0; i < nf; i++) {
		int into = -1;
		for (int k = 0; k < t->ncols; k++)
			if (f[i].c0 < t->cols[k].c1 && t->cols[k].c0 < f[i].c1) {
				into = k;
				break;
			}
		if (into < 0) {
			if (t->ncols == LT_MAXCOLS)
				return 0;
			into = t->ncols++;
			t->cols[into] = (lt_col){f[i].c0, f[i].c1, LT_TEXT, "", ""};
		}
		f[i].col = into;
		if (f[i].c0 < t->cols[into].c0)
			t->cols[into].c0 = f[i].c0;
		if (f[i].c1 > t->cols[into].c1)
			t->cols[into].c1 = f[i].c1;
	}
	/* a fragment that widened a column may now overlap another: such a header is not read */
	for (int a = 0; a < t->ncols; a++)
		for (int b = a + 1; b < t->ncols; b++)
			if (t->cols[a].c0 < t->cols[b].c1 && t->cols[b].c0 < t->cols[a].c1)
				return 0;
	/* names top-down (fragments are in line order, then left to right) */
	for (int i = 0; i < nf; i++) {
		lt_col *c = &t->cols[f[i].col];
		size_t l = strlen(c->name);
		snprintf(c->name + l, sizeof c->name - l, "%s%.*s", l ? " " : "", (int)(f[i].e - f[i].b), f[i].s + f[i].b);
	}
	/* columns left to right */
	for (int a = 1; a < t->ncols; a++)
		for (int b = a; b > 0 && t->cols[b].c0 < t->cols[b - 1].c0; b--) {
			lt_col x = t->cols[b];
			t->cols[b] = t->cols[b - 1];
			t->cols[b - 1] = x;
		}
	for (int k = 0; k < t->ncols; k++)
		t->cols[k].role = role_of(t->cols[k].name);
	return 1;
}

/* Give the column after the row number, or the first column of a table without one, the role
 * of the rows' names (when it is text). */
static void set_label(lt_table *t)
{
	int k = col_of_role(t, LT_STT) + 1;
	if (k < t->ncols && t->cols[k].role == LT_TEXT)
		t->cols[k].role = LT_LABEL;
}

/* 1 when the key of a column of row names says the rows are units ("Tỉnh", "Đơn vị"), 0 when
 * they are measures ("Nội dung", "Chỉ số thành phần"), -1 when it says neither. */
static int names_units(const char *name)
{
	char k[200];
	key_of(name, 0, strlen(name), k, sizeof k);
	static const char *const units[] = {"tinh", "don vi", "dia phuong", "co quan", "huyen", "xa", "phuong",
					    "thanh pho", "bo nganh", "so nganh", NULL};
	static const char *const measures[] = {"noi dung", "chi so", "tieu chi", "chi tieu", "linh vuc", NULL};
	int u = 0, m = 0;
	for (int i = 0; units[i]; i++)
		u |= has(k, units[i]);
	for (int i = 0; measures[i]; i++)
		m |= has(k, measures[i]);
	return u == m ? -1 : u;
}

/* Read a header block whose top line names groups of columns ("Lâm Đồng" over "Điểm số | Chỉ số
 * | Thứ hạng", "PAR Index" over "Điểm số | Thứ hạng"): the lines below name the columns; the
 * columns of figures fall into as many runs of equal length as the top line has names over
 * them, each run under its name, ranks at the same places in each run. A top-line name over a
 * text column only is the start of that column's name ("Tỉnh" over "(trước sắp xếp)"). 1 when
 * so read with a column of row names that says whether its rows are units or measures. */
static int read_groups(const ex_ltables *lt, size_t hb, size_t he, lt_table *t)
{
	if (he <= hb || !read_cols(lt, hb + 1, he, t))
		return 0;
	const char *s = lt->lines[hb]->text;
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c), g[LT_MAXCELLS], ng = 0, figs[LT_MAXCOLS], nf = 0;
	for (int k = 0; k < t->ncols; k++)
		if (fig_role(t->cols[k].role))
			figs[nf++] = k;
	if (!nf)
		return 0;
	for (int i = 0; i < n; i++) {
		int over_fig = 0, over_text = -1;
		for (int k = 0; k < t->ncols; k++)
			if (c[i].c0 < t->cols[k].c1 && t->cols[k].c0 < c[i].c1) {
				if (fig_role(t->cols[k].role))
					over_fig = 1;
				else
					over_text = k;
			}
		if (!over_fig && over_text >= 0) {
			lt_col *col = &t->cols[over_text];
			char name[160];
			snprintf(name, sizeof name, "%.*s %s", (int)(c[i].e - c[i].b), s + c[i].b, col->name);
			memcpy(col->name, name, sizeof name);
			col->role = role_of(col->name);
			continue;
		}
		if (c[i].c1 <= t->cols[figs[0]].c0)
			return 0; /* a name left of the figures over no column */
		char name[160];
		snprintf(name, sizeof name, "%.*s", (int)(c[i].e - c[i].b), s + c[i].b);
		if (role_of(name) != LT_TEXT)
			return 0; /* "Điểm", "Chỉ số": a column's name, not a group's */
		g[ng++] = i;
	}
	if (ng < 2 || nf % ng || nf / ng < 2)
		return 0;
	int run = nf / ng;
	for (int j = 0; j < ng; j++) {
		const lt_col *a = &t->cols[figs[j * run]], *z = &t->cols[figs[j * run + run - 1]];
		int mid = (c[g[j]].c0 + c[g[j]].c1) / 2;
		if (mid < a->c0 - 3 || mid > z->c1 + 3)
			return 0;
		for (int q = 0; q < run; q++) {
			lt_col *col = &t->cols[figs[j * run + q]];
			if ((col->role == LT_RANK) != (t->cols[figs[q]].role == LT_RANK))
				return 0;
			snprintf(col->group, sizeof col->group, "%.*s", (int)(c[g[j]].e - c[g[j]].b), s + c[g[j]].b);
		}
	}
	/* the columns of a group have names of their own */
	for (int a = 0; a < nf; a++)
		for (int b = a + 1; b < nf && b / run == a / run; b++) {
			char ka[200], kb[200];
			key_of(t->cols[figs[a]].name, 0, strlen(t->cols[figs[a]].name), ka, sizeof ka);
			key_of(t->cols[figs[b]].name, 0, strlen(t->cols[figs[b]].name), kb, sizeof kb);
			if (!strcmp(ka, kb))
				return 0;
		}
	set_label(t);
	int lk = col_of_role(t, LT_LABEL);
	if (lk < 0 || lk > figs[0] || (t->rows_units = names_units(t->cols[lk].name)) < 0)
		return 0;
	t->grouped = 1;
	return 1;
}

/* Read the header block lines[hb..he] into t's columns; 1 when it names a numbered table with
 * a column of points or percentages, or (grouped, when need_groups) a table whose top line
 * names groups of columns (read_groups). */
static int read_header(const ex_ltables *lt, size_t hb, size_t he, int need_groups, lt_table *t)
{
	if (read_groups(lt, hb, he, t))
		return 1;
	memset(t, 0, sizeof *t);
	if (need_groups || !read_cols(lt, hb, he, t))
		return 0;
	set_label(t);
	int stt = 0, measure = 0;
	for (int k = 0; k < t->ncols; k++) {
		stt |= t->cols[k].role == LT_STT;
		measure |= t->cols[k].role == LT_POINTS || t->cols[k].role == LT_PERCENT || t->cols[k].role == LT_RATIO;
	}
	/* two columns of figures under one name ("Điểm số" under each of three provinces) are told
	 * apart only by the names over their groups (read_groups): without them the table is not
	 * mapped */
	for (int a = 0; a < t->ncols; a++)
		for (int b = a + 1; b < t->ncols; b++) {
			char ka[200], kb[200];
			if (t->cols[a].role < LT_MAX || t->cols[b].role < LT_MAX)
				continue;
			key_of(t->cols[a].name, 0, strlen(t->cols[a].name), ka, sizeof ka);
			key_of(t->cols[b].name, 0, strlen(t->cols[b].name), kb, sizeof kb);
			if (!strcmp(ka, kb))
				return 0;
		}
	return stt && measure && t->ncols >= 3;
}

/* The column of a number cell: the nearest column of figures (its centre within 10 characters);
 * -1 when a text column's centre is nearer still ("Thứ hạng" beside "Điểm số"): the cell is that
 * column's, not a measure's. */
static int num_col(const lt_table *t, const lt_cell *c)
{
	int best = -1, bd = 11;
	for (int k = 0; k < t->ncols; k++) {
		int r = t->cols[k].role;
		if (r == LT_TEXT && abs((c->c0 + c->c1) - (t->cols[k].c0 + t->cols[k].c1)) / 2 < bd) {
			bd = abs((c->c0 + c->c1) - (t->cols[k].c0 + t->cols[k].c1)) / 2;
			best = -1;
		}
		if (!fig_role(r))
			continue;
		int d = abs((c->c0 + c->c1) - (t->cols[k].c0 + t->cols[k].c1)) / 2;
		if (d < bd) {
			bd = d;
			best = k;
		}
	}
	return best;
}

/* A data line read: its STT cell, label text cells and number cells by column. */
typedef struct lt_row {
	int stt;                 /* has a row number */
	size_t lb, le;           /* the label's bytes (first to last text cell), lb == le when none */
	int nnum;
	double v[LT_MAXCOLS];
	int has[LT_MAXCOLS], pct[LT_MAXCOLS];
	double of[LT_MAXCOLS];   /* the total of a figure over one ("62/63"), 0 when none */
	size_t nb[LT_MAXCOLS], ne[LT_MAXCOLS];
	int wide;                /* a text cell reaching into the columns of figures: prose */
	int has_ratio;           /* a count over a total's percentage "(68,1%)" in the LT_RATIO column */
	double ratio;
	size_t rb, re;           /* its bytes */
} lt_row;

/* 1 when s[b..e) ends with a percentage in parentheses, "(68,1%)" or "862/1.266 (68,1%)": its
 * value and the bytes of the number. */
static int paren_pct(const char *s, size_t b, size_t e, double *v, size_t *nb, size_t *ne)
{
	if (e < b + 4 || s[e - 1] != ')' || s[e - 2] != '%')
		return 0;
	size_t o = e - 2;
	while (o > b && s[o - 1] != '(')
		o--;
	if (o == b || s[o - 1] != '(' || (o - 1 > b && s[o - 2] != ' '))
		return 0;
	int pct;
	if (!num_cell(s, o, e - 1, v, &pct) || !pct || *v > 100)
		return 0;
	*nb = o;
	*ne = e - 2;
	return 1;
}

static void read_row(const lt_table *t, const char *s, lt_row *r)
{
	memset(r, 0, sizeof *r);
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c);
	int first_num = t->ncols;
	for (int k = 0; k < t->ncols; k++)
		if (t->cols[k].role >= LT_MAX) {
			first_num = k;
			break;
		}
	int stt_col = col_of_role(t, LT_STT), ratio_col = col_of_role(t, LT_RATIO);
	/* as many number cells as columns of figures: one each, in order (pdftotext shifts a page's
	 * cells away from its header's) */
	int fig_cols = 0, fig_cells = 0, in_order[LT_MAXCOLS], next = 0, text_between = 0;
	for (int k = 0; k < t->ncols; k++)
		if (fig_role(t->cols[k].role))
			in_order[fig_cols++] = k;
	/* a text column between columns of figures ("Thứ hạng" not read as a measure) may hold
	 * number cells too: then the cells are not dealt out in order */
	for (int k = fig_cols ? in_order[0] + 1 : t->ncols; fig_cols && k < in_order[fig_cols - 1]; k++)
		text_between |= t->cols[k].role == LT_TEXT;
	/* a figure over its total ("62/63") where no column counts over totals */
	int fracs = ratio_col < 0;
	for (int i = 0; i < n; i++) {
		double v, of;
		int pct;
		fig_cells += (num_cell(s, c[i].b, c[i].e, &v, &pct) || (fracs && frac_cell(s, c[i].b, c[i].e, &v, &of))) &&
			     !(i == 0 && stt_col >= 0 && c[i].c1 <= t->cols[stt_col].c1 + 3);
	}
	for (int i = 0; i < n; i++) {
		double v, of = 0;
		int pct = 0;
		if (i == 0 && stt_col >= 0 && c[i].c1 <= t->cols[stt_col].c1 + 3 && stt_cell(s, c[i].b, c[i].e)) {
			r->stt = 1;
			continue;
		}
		size_t sp = c[i].b;
		while (sp < c[i].e && s[sp] != ' ')
			sp++;
		const unsigned char *nx = (const unsigned char *)s + sp + 1;
		if (i == 0 && stt_col >= 0 && c[i].c0 <= t->cols[stt_col].c1 && sp < c[i].e && stt_cell(s, c[i].b, sp) &&
		    (sp - c[i].b >= 3 || isupper(nx[0]) || (nx[0] == 0xC4 && nx[1] == 0x90))) {
			/* "1.1.1 và thời gian …", "1 Sở Tư pháp": a row number one space before its
			 * cell's text */
			r->stt = 1;
			c[i].c0 += (int)(sp + 1 - c[i].b);
			c[i].b = sp + 1;
		}
		if (num_cell(s, c[i].b, c[i].e, &v, &pct) || (fracs && frac_cell(s, c[i].b, c[i].e, &v, &of))) {
			int k = fig_cells == fig_cols && !text_between ? in_order[next++] : num_col(t, &c[i]);
			if (k >= 0 && !r->has[k]) {
				r->has[k] = 1;
				r->v[k] = v;
				r->of[k] = of;
				r->pct[k] = pct;
				r->nb[k] = c[i].b;
				r->ne[k] = c[i].e;
				r->nnum++;
				continue;
			}
		}
		if (ratio_col >= 0 && !r->has_ratio && c[i].c0 >= t->cols[ratio_col].c0 - 4 &&
		    paren_pct(s, c[i].b, c[i].e, &r->ratio, &r->rb, &r->re)) {
			r->has_ratio = 1;
			continue;
		}
		if (first_num < t->ncols && c[i].c1 > t->cols[first_num].c0 + 2 && c[i].c0 < t->cols[first_num].c0)
			r->wide = 1;
		if (r->nnum || (first_num < t->ncols && c[i].c0 >= t->cols[first_num].c0 - 2))
			continue; /* text after the figures: another column */
		if (r->lb == r->le)
			r->lb = c[i].b;
		r->le = c[i].e;
	}
}

/* The title before a header: the nearest line above (within 12 lines, after the previous table)
 * opening with "Kết quả", "Bảng" or "Tổng hợp", and the lines after it up to the header. Sets
 * t->topic (what is measured, "thực hiện nhiệm vụ CCHC") and t->year. */
static void read_topic(sohoa_ctx *ctx, const ex_ltables *lt, size_t stop, size_t hb, lt_table *t)
{
	t->topic[0] = 0;
	t->year = 0;
	size_t from = hb;
	for (size_t i = hb; i > stop && hb - i < 12; i--) {
		const char *s = lt->lines[i - 1]->text;
		size_t b = 0;
		while (s[b] == ' ')
			b++;
		char k[32];
		key_of(s, b, strlen(s), k, sizeof k);
		if (!strncmp(k, "ket qua ", 8) || !strncmp(k, "bang ", 5) || !strncmp(k, "tong hop ", 9)) {
			from = i - 1;
			break;
		}
	}
	if (from == hb)
		return;
	char text[600] = "";
	for (size_t i = from; i < hb; i++) {
		const char *s = lt->lines[i]->text;
		if (blank(s) || (i > from && sohoa_marker_block(s + strspn(s, " "), strlen(s + strspn(s, " "))) != SOHOA_MARK_NONE))
			break;
		char *c = ex_clean(s, 0, strlen(s));
		if (!c)
			return;
		size_t l = strlen(text);
		snprintf(text + l, sizeof text - l, "%s%s", l ? " " : "", c);
		free(c);
	}
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (ex_key(text, strlen(text), &k, &kl, &km))
		return;
	static const char *const lead[] = {"ket qua", "danh gia", "tham dinh", "xep loai", "cham diem", "chung",
					   "doi voi", "cac", "tieu chi", "thuoc", "ve", "bang", "tong hop", "cua", NULL};
	size_t p = 0;
	for (int moved = 1; moved;) {
		moved = 0;
		p = ex_skip_sp(k, p, kl);
		for (int i = 0; lead[i]; i++)
			if (ex_word_at(k, kl, p, lead[i])) {
				p += strlen(lead[i]);
				moved = 1;
				break;
			}
	}
	size_t e = p;
	while (e < kl && !strchr(":,;(", k[e]) && !ex_word_at(k, kl, e, "nam") && !ex_word_at(k, kl, e, "cua") &&
	       !ex_word_at(k, kl, e, "nhu sau") && !ex_word_at(k, kl, e, "tai") && !ex_word_at(k, kl, e, "theo"))
		e++;
	for (size_t y = e; y + 9 <= kl; y++)
		if (ex_word_at(k, kl, y, "nam") && isdigit((unsigned char)k[y + 4])) {
			int yr = atoi(k + y + 4);
			if (yr >= 1990 && yr <= 2100)
				t->year = yr;
			break;
		}
	while (e > p && k[e - 1] == ' ')
		e--;
	if (e > p && ex_words_in(k, p, e) >= 2) {
		size_t tb = km[p], te = km[e];
		int lower = 0;
		for (size_t i = tb; i < te; i++)
			lower |= islower((unsigned char)text[i]);
		/* a title in capitals is written in lowercase (its letters, multi-byte ones too) */
		if (!lower)
			lower_into(ctx, text + tb, te - tb, t->topic, sizeof t->topic);
		else
			snprintf(t->topic, sizeof t->topic, "%.*s", (int)(te - tb), text + tb);
	}
	free(k);
	free(km);
}

void ex_ltables_free(ex_ltables *lt)
{
	if (!lt)
		return;
	free(lt->lines);
	free(lt->pages);
	free(lt->t);
	free(lt);
}

/* 1 when data line i ends the table: prose across the columns, or another header. */
static int ends_table(const ex_ltables *lt, const lt_table *t, size_t i)
{
	const char *s = lt->lines[i]->text;
	if (stt_line(s))
		return 1;
	lt_row r;
	read_row(t, s, &r);
	return r.wide && !r.nnum;
}

/* 1 when the first letter of s is a capital ("Tính", "Đắk"). */
static int capital_first(sohoa_ctx *ctx, const char *s)
{
	size_t l = *s ? 1 : 0;
	while (s[l] && ((unsigned char)s[l] & 0xC0) == 0x80)
		l++;
	char low[8] = "";
	return l && l < sizeof low && (isalpha((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC3) &&
	       lower_into(ctx, s, l, low, sizeof low) && strncmp(low, s, l) != 0;
}

/* 1 when line s may open a row's name: its text left of t's columns of figures, opening with a
 * capital. */
static int opens_name(sohoa_ctx *ctx, const lt_table *t, const char *s)
{
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c), first = t->ncols;
	for (int k = 0; k < t->ncols && first == t->ncols; k++)
		if (fig_role(t->cols[k].role))
			first = k;
	if (!n || first == t->ncols || c[n - 1].c1 > t->cols[first].c0)
		return 0;
	return capital_first(ctx, s + c[0].b);
}

/* 1 when every cell of line s lies under column col. */
static int cells_under(const lt_col *col, const char *s)
{
	lt_cell c[LT_MAXCELLS];
	int n = cells_of(s, c);
	for (int i = 0; i < n; i++)
		if (c[i].c1 <= col->c0 - 3 || c[i].c0 >= col->c1 + 3)
			return 0;
	return n > 0;
}

sohoa_status ex_ltables_read(sohoa_ctx *ctx, const ex_doc *ed, ex_ltables **out)
{
	*out = NULL;
	ex_ltables *lt = calloc(1, sizeof *lt);
	if (!lt)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	*out = lt;
	const sohoa_doc *doc = ed->doc;
	size_t n = 0;
	for (size_t p = 0; doc && p < doc->npages; p++)
		n += doc->pages[p].nlines;
	if (!n)
		return SOHOA_OK;
	lt->lines = malloc(n * sizeof *lt->lines);
	lt->pages = malloc(n * sizeof *lt->pages);
	if (!lt->lines || !lt->pages)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t j = 0; j < doc->pages[p].nlines; j++) {
			const sohoa_line *l = &doc->pages[p].lines[j];
			if (l->source == SOHOA_SRC_STAMP || !l->text)
				continue;
			lt->pages[lt->nlines] = doc->pages[p].number;
			lt->lines[lt->nlines++] = l;
		}
	size_t after = 0; /* lines before this belong to a table already read */
	for (size_t i = 0; i < lt->nlines; i++) {
		if (i < after || !header_line(lt->lines[i]->text))
			continue;
		/* a header block has a row-number column's name, or its top line names groups of
		 * columns */
		int numbered = stt_line(lt->lines[i]->text);
		if (!numbered && i > after && !blank(lt->lines[i - 1]->text) && header_line(lt->lines[i - 1]->text))
			continue;
		size_t hb = i, he = i;
		while (numbered && hb > after && i - hb < 4 && !blank(lt->lines[hb - 1]->text) &&
		       header_line(lt->lines[hb - 1]->text) && lt->pages[hb - 1] == lt->pages[i])
			hb--;
		while (he + 1 < lt->nlines && he - i < 4 && !blank(lt->lines[he + 1]->text) &&
		       header_line(lt->lines[he + 1]->text) && !stt_line(lt->lines[he + 1]->text))
			he++;
		lt_table t;
		memset(&t, 0, sizeof t);
		int read = read_header(lt, hb, he, !numbered, &t);
		/* the first row's name may open right under the header ("Tính minh bạch" under
		 * "Nội dung"): the header's last line is that name when the header reads without it
		 * and the line lies under its column of names */
		if (he > i) {
			lt_table u;
			memset(&u, 0, sizeof u);
			int lk;
			if (read_header(lt, hb, he - 1, !numbered, &u) && (lk = col_of_role(&u, LT_LABEL)) >= 0 &&
			    opens_name(ctx, &u, lt->lines[he]->text) && cells_under(&u.cols[lk], lt->lines[he]->text)) {
				t = u;
				he--;
				read = 1;
			}
		}
		if (!read)
			continue;
		t.first = he + 1;
		size_t j = he + 1, blanks = 0, rows = 0;
		for (; j < lt->nlines; j++) {
			const char *s = lt->lines[j]->text;
			if (blank(s)) {
				if (++blanks >= 3)
					break;
				continue;
			}
			blanks = 0;
			if (ends_table(lt, &t, j)) {
				/* another header: its lines above its STT line are not this table's */
				if (stt_line(s))
					for (size_t k = 0; k < 4 && j > t.first && header_line(lt->lines[j - 1]->text) &&
							   !blank(lt->lines[j - 1]->text); k++)
						j--;
				break;
			}
			lt_row r;
			read_row(&t, s, &r);
			rows += r.nnum > 0 || r.has_ratio;
		}
		t.last = j; /* exclusive */
		after = j;
		/* one row is enough where each row's percentage is written as such ("(68,1%)") */
		if (rows < 2 && !(rows == 1 && col_of_role(&t, LT_RATIO) >= 0))
			continue;
		read_topic(ctx, lt, lt->n ? lt->t[lt->n - 1].last : 0, hb, &t);
		/* a header repeated over a page break continues the table above: its title */
		if (!t.topic[0] && lt->n) {
			const lt_table *prev = &lt->t[lt->n - 1];
			int only_breaks = 1;
			for (size_t k = prev->last; k < hb && only_breaks; k++) {
				const char *s = lt->lines[k]->text;
				lt_cell c[LT_MAXCELLS];
				double v;
				int pct;
				int nc = cells_of(s, c);
				only_breaks = nc == 0 || (nc == 1 && num_cell(s, c[0].b, c[0].e, &v, &pct) && !pct);
			}
			if (only_breaks) {
				memcpy(t.topic, prev->topic, sizeof t.topic);
				t.year = prev->year;
			}
		}
		if (SOHOA_GROW(lt->t, lt->n + 1, lt->cap))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		lt->t[lt->n++] = t;
	}
	return SOHOA_OK;
}

/* The index in lt->lines of source line l, or (size_t)-1. */
static size_t line_index(const ex_ltables *lt, const sohoa_line *l)
{
	for (size_t i = 0; i < lt->nlines; i++)
		if (lt->lines[i] == l)
			return i;
	return (size_t)-1;
}

int ex_ltables_owns(const ex_ltables *lt, const ex_doc *ed, size_t stmt, size_t keyoff)
{
	if (!lt || !lt->n)
		return 0;
	const ex_stmt *st = &ed->stmts[stmt];
	size_t off = st->kmap[keyoff < st->keylen ? keyoff : st->keylen];
	size_t i = 0;
	while (i < st->last - st->first && st->starts[i + 1] <= off)
		i++;
	const sohoa_tline *tl = &ed->text->lines[st->first + i];
	size_t nl = 0;
	while (off + nl < st->len && (isdigit((unsigned char)st->text[off + nl]) || st->text[off + nl] == ',' ||
				      st->text[off + nl] == '.'))
		nl++;
	while (nl && !isdigit((unsigned char)st->text[off + nl - 1]))
		nl--;
	if (!nl || nl > 30)
		return 0;
	char needle[32];
	snprintf(needle, sizeof needle, "%.*s", (int)nl, st->text + off);
	size_t p = 0, j = 0;
	for (const sohoa_line *l; (l = ex_source_next(ed->doc, tl, &p, &j, NULL));) {
		if (!strstr(l->text, needle))
			continue;
		size_t x = line_index(lt, l);
		for (size_t k = 0; k < lt->n && x != (size_t)-1; k++)
			if (x >= lt->t[k].first && x < lt->t[k].last)
				return 1;
	}
	return 0;
}

/* The section of the statement holding source line l, or "". */
static const char *section_of(const ex_doc *ed, int page, int line)
{
	for (size_t s = 0; s < ed->nstmts; s++) {
		const ex_stmt *st = &ed->stmts[s];
		const sohoa_tline *a = &ed->text->lines[st->first], *b = &ed->text->lines[st->last];
		if ((a->page < page || (a->page == page && a->line <= line)) &&
		    (b->page_end > page || (b->page_end == page && b->line_end >= line)))
			return st->section;
	}
	return "";
}

/* The label text of line i, or NULL (caller frees). */
static char *label_text(const ex_ltables *lt, const lt_table *t, size_t i)
{
	lt_row r;
	read_row(t, lt->lines[i]->text, &r);
	return r.lb == r.le ? NULL : ex_clean(lt->lines[i]->text, r.lb, r.le);
}

/* Append the label text of line i (its cells left of the figures) to buf. */
static void add_label(const ex_ltables *lt, const lt_table *t, size_t i, char *buf, size_t cap)
{
	lt_row r;
	read_row(t, lt->lines[i]->text, &r);
	if (r.lb == r.le)
		return;
	char *c = ex_clean(lt->lines[i]->text, r.lb, r.le);
	if (!c)
		return;
	size_t l = strlen(buf);
	snprintf(buf + l, cap - l, "%s%s", l ? " " : "", c);
	free(c);
}

/* 1 when line i holds label text only (a wrapped unit name). */
static int label_only(const ex_ltables *lt, const lt_table *t, size_t i)
{
	if (blank(lt->lines[i]->text))
		return 0;
	lt_row r;
	read_row(t, lt->lines[i]->text, &r);
	return !r.stt && !r.nnum && !r.has_ratio && r.lb != r.le && !r.wide;
}

static sohoa_status write_cell(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, const lt_table *t, size_t i,
			       const lt_row *r, int k, const char *label, int summary, sohoa_buf *out)
{
	const lt_col *c = &t->cols[k];
	int rank = c->role == LT_RANK;
	if (rank) {
		/* a rank by what the row's points (or percentage) measure */
		int pk = col_of_role(t, LT_POINTS) >= 0 ? col_of_role(t, LT_POINTS) : col_of_role(t, LT_PERCENT);
		double v = r->v[k];
		if (pk < 0 || !r->has[pk] || v < 1 || v != (double)(long)v || r->pct[k] || (r->of[k] > 0 && v > r->of[k]))
			return SOHOA_OK;
		c = &t->cols[pk];
	}
	const char *unit = r->pct[k] ? "%" : c->role == LT_POINTS ? "điểm" : "%";
	char low[200];
	if (!lower_into(ctx, c->name, strlen(c->name), low, sizeof low))
		return ctx->status;
	char subject[600];
	if (summary)
		snprintf(subject, sizeof subject, "%s%s%s", label, t->topic[0] ? " về " : "", t->topic);
	else
		snprintf(subject, sizeof subject, "%s%s%s của %s", low, t->topic[0] ? " " : "", t->topic, label);
	if (summary && isupper((unsigned char)subject[0]) && !isupper((unsigned char)subject[1]))
		subject[0] = (char)tolower((unsigned char)subject[0]); /* "Chỉ số cao nhất": a label */
	int mk = col_of_role(t, LT_MAX);
	int has_max = c->role == LT_POINTS && mk >= 0 && r->has[mk];
	char text[600] = "";
	snprintf(text, sizeof text, "%s", label);
	for (int q = 0; q < t->ncols; q++)
		if (r->has[q]) {
			size_t l = strlen(text);
			snprintf(text + l, sizeof text - l, " %.*s", (int)(r->ne[q] - r->nb[q]),
				 lt->lines[i]->text + r->nb[q]);
		}
	ex_score_out o = {.page = lt->pages[i], .line = (int)lt->lines[i]->line,
			  .section = section_of(ed, lt->pages[i], lt->lines[i]->line), .subject = subject,
			  .kind = "score", .op = "=", .unit = unit, .text = text,
			  .confidence = t->topic[0] ? "0.80" : "0.70", .value = r->v[k], .has_value = 1,
			  .max = has_max ? r->v[mk] : 0, .has_max = has_max, .year = t->year};
	if (rank)
		o = (ex_score_out){.page = o.page, .line = o.line, .section = o.section, .subject = subject, .kind = "rank",
				   .op = "=", .text = text, .confidence = o.confidence, .rank = (long)r->v[k],
				   .rank_of = (long)r->of[k], .year = t->year};
	return ex_score_write(ctx, ed, &o, out);
}

/* 1 when s opens with a word of two capitals or more in ASCII ("PAR Index", "SIPAS", "PCI"). */
static int acronym_first(const char *s)
{
	size_t n = 0;
	while (isupper((unsigned char)s[n]))
		n++;
	return n >= 2 && (!s[n] || s[n] == ' ');
}

/* The unit of a row named label under column col into out (size cap): the label after the kind
 * of unit the column's name gives, with its note ("Tỉnh (trước sắp xếp)" over "Lâm Đồng":
 * "tỉnh Lâm Đồng (trước sắp xếp)"); the label alone when the name gives no kind. */
static void unit_name(sohoa_ctx *ctx, const lt_col *col, const char *label, char *out, size_t cap)
{
	static const char *const kinds[] = {"tinh", "huyen", "quan", "thi xa", "thanh pho", "xa", "phuong", NULL};
	snprintf(out, cap, "%s", label);
	const char *paren = strchr(col->name, '(');
	size_t kn = paren ? (size_t)(paren - col->name) : strlen(col->name);
	while (kn && col->name[kn - 1] == ' ')
		kn--;
	char k[64], lk[200], kind[64];
	key_of(col->name, 0, kn, k, sizeof k);
	key_of(label, 0, strlen(label), lk, sizeof lk);
	int known = 0;
	for (int i = 0; kinds[i] && !known; i++)
		known = !strcmp(k, kinds[i]);
	if (!known || !strncmp(lk, k, strlen(k)) || !lower_into(ctx, col->name, kn, kind, sizeof kind))
		return;
	const char *close = paren ? strchr(paren, ')') : NULL;
	if (close)
		snprintf(out, cap, "%s %s %.*s", kind, label, (int)(close + 1 - paren), paren);
	else
		snprintf(out, cap, "%s %s", kind, label);
}

/* The figure in column k of row line i of a grouped table: a score (points, percentage) or a
 * rank of what the group and the row name together, the measure named by one of them and the
 * unit by the other ("chỉ số thành phần Chi phí gia nhập thị trường của Lâm Đồng", "chỉ số PAR
 * Index của Lâm Đồng"). */
static sohoa_status write_group_cell(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, const lt_table *t,
				     size_t i, const lt_row *r, int k, const char *label, int summary, sohoa_buf *out)
{
	const lt_col *c = &t->cols[k];
	int rank = c->role == LT_RANK;
	double v = r->v[k];
	if (rank ? v < 1 || v != (double)(long)v || r->pct[k] || (r->of[k] > 0 && v > r->of[k])
		 : (c->role == LT_PERCENT && !r->pct[k] && r->of[k] > 0) || ((r->pct[k] || c->role == LT_PERCENT) && v > 100))
		return SOHOA_OK; /* no rank, or no percentage */
	const char *measure = t->rows_units ? c->group : label, *topic = summary ? "" : t->topic;
	if (!topic[0] && acronym_first(measure))
		topic = "chỉ số"; /* "PAR Index", "SIPAS": an index's name */
	char unit[400];
	if (t->rows_units)
		unit_name(ctx, &t->cols[col_of_role(t, LT_LABEL)], label, unit, sizeof unit);
	else
		snprintf(unit, sizeof unit, "%s", c->group);
	char subject[900];
	snprintf(subject, sizeof subject, "%s%s%s của %s", topic, topic[0] ? " " : "", measure, unit);
	char text[600] = "";
	snprintf(text, sizeof text, "%s", label);
	for (int q = 0; q < t->ncols; q++)
		if (r->has[q]) {
			size_t l = strlen(text);
			snprintf(text + l, sizeof text - l, " %.*s", (int)(r->ne[q] - r->nb[q]), lt->lines[i]->text + r->nb[q]);
		}
	ex_score_out o = {.page = lt->pages[i], .line = (int)lt->lines[i]->line,
			  .section = section_of(ed, lt->pages[i], lt->lines[i]->line), .subject = subject,
			  .kind = rank ? "rank" : "score", .op = "=", .text = text,
			  .confidence = t->topic[0] ? "0.80" : "0.70", .year = t->year};
	if (rank) {
		o.rank = (long)v;
		o.rank_of = (long)r->of[k];
	} else {
		o.value = v;
		o.has_value = 1;
		o.unit = r->pct[k] || c->role == LT_PERCENT ? "%" : "điểm";
		o.max = r->of[k];
		o.has_max = r->of[k] > 0;
		/* points under their group's column of maxima ("Thang điểm") */
		for (int q = 0; q < t->ncols && !o.has_max && c->role == LT_POINTS; q++)
			if (t->cols[q].role == LT_MAX && r->has[q] && !strcmp(t->cols[q].group, c->group)) {
				o.max = r->v[q];
				o.has_max = 1;
			}
	}
	return ex_score_write(ctx, ed, &o, out);
}

/* A copy of s[0..n) with its first letter in lowercase into out (size cap); 0 when out of memory. */
static int lower_first(sohoa_ctx *ctx, const char *s, size_t n, char *out, size_t cap)
{
	size_t l = n ? 1 : 0;
	while (l < n && ((unsigned char)s[l] & 0xC0) == 0x80)
		l++;
	if (!lower_into(ctx, s, l, out, cap))
		return 0;
	size_t o = strlen(out);
	snprintf(out + o, cap - o, "%.*s", (int)(n - l), s + l);
	return 1;
}

/* The rows of a table of counts over totals: each row's percentage "(68,1%)", the rate of what
 * the column counts over its total for the row's name. */
static sohoa_status ratio_rows(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, const lt_table *t,
			       sohoa_buf *out)
{
	const lt_col *c = &t->cols[col_of_role(t, LT_RATIO)];
	/* "Số lượng hồ sơ đã hỗ trợ/Tổng số hồ sơ" -> "tỷ lệ hồ sơ đã hỗ trợ trên tổng số hồ sơ" */
	char measure[240] = "tỷ lệ ";
	const char *name = c->name, *slash = strchr(name, '/');
	char k[200];
	key_of(name, 0, strlen(name), k, sizeof k);
	if (!strncmp(k, "so luong ", 9))
		for (int words = 0; words < 2 && strchr(name, ' ') && strchr(name, ' ') < slash; words++)
			name = strchr(name, ' ') + 1;
	size_t l = strlen(measure), nl = (size_t)(slash - name);
	while (nl && name[nl - 1] == ' ')
		nl--;
	if (!lower_first(ctx, name, nl, measure + l, sizeof measure - l))
		return ctx->status;
	l = strlen(measure);
	snprintf(measure + l, sizeof measure - l, " trên ");
	l = strlen(measure);
	if (!lower_first(ctx, slash + 1, strlen(slash + 1), measure + l, sizeof measure - l))
		return ctx->status;
	sohoa_status st = SOHOA_OK;
	size_t done = (size_t)-1; /* the row number line already given its rate */
	for (size_t i = t->first; i < t->last && st == SOHOA_OK; i++) {
		lt_row r, sr;
		read_row(t, lt->lines[i]->text, &r);
		if (!r.has_ratio)
			continue;
		/* its row number: on its line, or the nearest line above or below */
		size_t s = (size_t)-1;
		const long order[] = {0, -1, 1, -2};
		for (int o = 0; o < 4 && s == (size_t)-1; o++) {
			long q = (long)i + order[o];
			if (q < (long)t->first || q >= (long)t->last)
				continue;
			read_row(t, lt->lines[q]->text, &sr);
			if (sr.stt)
				s = (size_t)q;
		}
		if (s == (size_t)-1 || s == done)
			continue;
		done = s;
		/* its name: from the nearest line above that opens one (a capital first) */
		size_t from = s;
		for (size_t q = s + 1; q > t->first && s + 1 - q < 30; q--) {
			const char *text = lt->lines[q - 1]->text;
			if (blank(text) || (q - 1 != s && (read_row(t, text, &sr), sr.stt)))
				break;
			char *lb = label_text(lt, t, q - 1);
			char low[8] = "";
			size_t fl = lb ? 1 : 0;
			while (lb && lb[fl] && ((unsigned char)lb[fl] & 0xC0) == 0x80)
				fl++;
			int opens = lb && (isalpha((unsigned char)lb[0]) || (unsigned char)lb[0] >= 0xC3) &&
				    lower_into(ctx, lb, fl, low, sizeof low) && strncmp(low, lb, fl) != 0;
			free(lb);
			if (opens) {
				from = q - 1;
				break;
			}
		}
		char label[400] = "";
		for (size_t q = from; q < t->last && words_of(label, 0, strlen(label)) < 14; q++) {
			if (blank(lt->lines[q]->text) || (q > s && (read_row(t, lt->lines[q]->text, &sr), sr.stt)))
				break;
			add_label(lt, t, q, label, sizeof label);
		}
		char *paren = strchr(label, '(');
		if (paren)
			*paren = 0;
		size_t n = strlen(label), w = 0;
		for (size_t b = 0; b < n; b++)
			if (label[b] == ' ' && ++w == 14)
				n = b;
		while (n && strchr(" ,;:.", label[n - 1]))
			n--;
		label[n] = 0;
		if (words_of(label, 0, n) < 2)
			continue;
		char subject[700], named[400];
		if (!lower_first(ctx, label, n, named, sizeof named))
			return ctx->status;
		snprintf(subject, sizeof subject, "%s %s", measure, named);
		char text[600];
		snprintf(text, sizeof text, "%s (%.*s%%)", label, (int)(r.re - r.rb), lt->lines[i]->text + r.rb);
		ex_score_out o = {.page = lt->pages[i], .line = (int)lt->lines[i]->line,
				  .section = section_of(ed, lt->pages[i], lt->lines[i]->line), .subject = subject,
				  .kind = "score", .op = "=", .unit = "%", .text = text, .confidence = "0.80",
				  .value = r.ratio, .has_value = 1, .year = t->year};
		st = ex_score_write(ctx, ed, &o, out);
	}
	return st;
}

/* 1 when the names of t's rows are centred on their rows' lines (a name's first lines above its
 * row number and figures): a line of name only comes before the first row's line. */
static int names_centered(const ex_ltables *lt, const lt_table *t)
{
	int no_stt = col_of_role(t, LT_STT) < 0;
	for (size_t i = t->first; i < t->last; i++) {
		lt_row r;
		read_row(t, lt->lines[i]->text, &r);
		if (r.stt || (no_stt && r.nnum))
			return 0;
		if (label_only(lt, t, i))
			return 1;
	}
	return 0;
}

sohoa_status ex_ltables_scores(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, sohoa_buf *out)
{
	sohoa_status st = SOHOA_OK;
	for (size_t ti = 0; lt && ti < lt->n && st == SOHOA_OK; ti++) {
		const lt_table *t = &lt->t[ti];
		if (col_of_role(t, LT_LABEL) < 0)
			continue;
		if (col_of_role(t, LT_RATIO) >= 0) {
			st = ratio_rows(ctx, ed, lt, t, out);
			continue;
		}
		size_t prev = t->first; /* the first line after the row before */
		int centered = names_centered(lt, t);
		for (size_t i = t->first; i < t->last && st == SOHOA_OK; i++) {
			lt_row r;
			read_row(t, lt->lines[i]->text, &r);
			if (!r.nnum)
				continue;
			int measured = 0;
			for (int k = 0; k < t->ncols; k++)
				measured |= r.has[k] && (t->cols[k].role == LT_POINTS || t->cols[k].role == LT_PERCENT ||
							 (t->grouped && t->cols[k].role == LT_RANK));
			if (!measured) {
				prev = i + 1;
				continue;
			}
			char label[400] = "";
			/* in a table without row numbers each line of figures is a row */
			int numbered = r.stt || col_of_role(t, LT_STT) < 0;
			int summary = !numbered;
			size_t up = i;
			while (centered && numbered && up > prev && label_only(lt, t, up - 1))
				up--;
			if (up < i) {
				/* a name centred on its row's line: as many lines below as above */
				size_t b = i;
				while (b + 1 < t->last && b - i < i - up && label_only(lt, t, b + 1))
					b++;
				for (size_t q = up; q <= b; q++)
					add_label(lt, t, q, label, sizeof label);
				prev = b + 1;
			} else if (r.lb != r.le) {
				add_label(lt, t, i, label, sizeof label);
			} else if (numbered) {
				/* a wrapped name around its row's line: the label lines above since the row
				 * before (the lower half when that row's name wrapped too) and those below
				 * up to the next row (the upper half when its name wrapped too) */
				size_t a = i;
				while (a > prev && label_only(lt, t, a - 1))
					a--;
				size_t b = i;
				while (b + 1 < t->last && label_only(lt, t, b + 1))
					b++;
				size_t nb = b - i;
				if (b + 1 < t->last) {
					lt_row nx;
					read_row(t, lt->lines[b + 1]->text, &nx);
					if ((nx.stt || (col_of_role(t, LT_STT) < 0 && nx.nnum)) && nx.lb == nx.le)
						nb = (b - i) / 2;
				}
				for (size_t q = a; q < i; q++)
					add_label(lt, t, q, label, sizeof label);
				for (size_t q = i + 1; q <= i + nb; q++)
					add_label(lt, t, q, label, sizeof label);
				prev = i + nb + 1;
			}
			if (up == i && (r.lb != r.le || !numbered))
				prev = i + 1;
			if (up == i && r.lb != r.le && numbered && !centered) {
				/* a name wrapped below its row's line, when the next row has its own */
				size_t b = i;
				while (b + 1 < t->last && label_only(lt, t, b + 1))
					b++;
				lt_row nx;
				if (b > i && b + 1 < t->last) {
					read_row(t, lt->lines[b + 1]->text, &nx);
					if (nx.lb != nx.le || !nx.stt) {
						for (size_t q = i + 1; q <= b; q++)
							add_label(lt, t, q, label, sizeof label);
						prev = b + 1;
					}
				}
			}
			char lk[32];
			key_of(label, 0, strlen(label), lk, sizeof lk);
			if (!label[0] || words_of(label, 0, strlen(label)) < (summary ? 2u : 1u) ||
			    isdigit((unsigned char)label[0]) || (summary && (!strncmp(lk, "tong cong", 9) ||
									  !strncmp(lk, "cong", 4))))
				continue; /* a sum of the rows' figures measures nothing */
			for (int k = 0; k < t->ncols && st == SOHOA_OK; k++)
				if (r.has[k] && t->grouped && (t->cols[k].role == LT_POINTS || t->cols[k].role == LT_PERCENT ||
							       t->cols[k].role == LT_RANK))
					st = write_group_cell(ctx, ed, lt, t, i, &r, k, label, summary, out);
				else if (r.has[k] && (t->cols[k].role == LT_POINTS || t->cols[k].role == LT_PERCENT ||
						      t->cols[k].role == LT_RANK))
					st = write_cell(ctx, ed, lt, t, i, &r, k, label, summary, out);
		}
	}
	return st;
}

/* 1 when the table whose data starts at line first goes on from table prev: only page breaks
 * (blank lines, page numbers) and its header lie between them. */
static int continues(const ex_ltables *lt, const lt_table *prev, size_t first)
{
	for (size_t k = prev->last; k < first; k++) {
		const char *s = lt->lines[k]->text;
		lt_cell c[LT_MAXCELLS];
		double v;
		int pct;
		int nc = cells_of(s, c);
		if (!(nc == 0 || (nc == 1 && num_cell(s, c[0].b, c[0].e, &v, &pct) && !pct) || header_line(s)))
			return 0;
	}
	return lt->pages[first] != lt->pages[prev->first];
}

/* ---- criteria tables: a column of maxima, no figures measured ---- */

/* 1 when t gives criteria and their maxima: a column of maxima with figures, none measured. */
static int criteria_table(const ex_ltables *lt, const lt_table *t)
{
	int mk = col_of_role(t, LT_MAX), maxima = 0;
	if (mk < 0)
		return 0;
	for (size_t i = t->first; i < t->last; i++) {
		lt_row r;
		read_row(t, lt->lines[i]->text, &r);
		for (int k = 0; k < t->ncols; k++)
			if (r.has[k] && (t->cols[k].role == LT_POINTS || t->cols[k].role == LT_PERCENT))
				return 0;
		maxima += r.stt && r.has[mk];
	}
	return maxima >= 2;
}

/* 1 when label text s opens a cell: a capital first, not a bullet and not a field label
 * ("Yêu cầu: …", a colon after at most three words). */
static int opens_cell(const char *s)
{
	if (!s || (!isupper((unsigned char)s[0]) && (unsigned char)s[0] < 0xC0))
		return 0;
	const char *colon = strchr(s, ':');
	return !colon || words_of(s, 0, (size_t)(colon - s)) > 3;
}

/* The first line of the cell of the criterion on row line ri (the row line before is pi): the
 * label lines above it, over gaps that the cell goes on after. */
static size_t cell_top(const ex_ltables *lt, const lt_table *t, size_t pi, size_t ri)
{
	size_t top = ri;
	int gap = 0;
	char *own = label_text(lt, t, ri);
	int opens_here = opens_cell(own);
	free(own);
	if (opens_here)
		return ri; /* "1.3  Công tác kiểm tra CCHC  1,5" */
	for (size_t q = ri; q > pi + 1; q--) {
		char *c = label_text(lt, t, q - 1);
		if (!c) {
			gap = 1;
			continue;
		}
		size_t cl = strlen(c);
		if ((gap || (cl && (c[cl - 1] == '.' || c[cl - 1] == ':'))) && top != ri) {
			char *tc = label_text(lt, t, top);
			int opens = opens_cell(tc);
			free(tc);
			if (opens) {
				free(c);
				break;
			}
		}
		lt_row r;
		read_row(t, lt->lines[q - 1]->text, &r);
		free(c);
		if (r.stt)
			break;
		top = q - 1;
		gap = 0;
	}
	/* the cell starts at its first line opening one: not at a rule of the criterion above */
	for (; top < ri; top++) {
		char *tc = label_text(lt, t, top);
		int opens = opens_cell(tc);
		free(tc);
		if (opens)
			break;
	}
	return top;
}

/* The name of the criterion whose cell starts at line top and whose row line is ri: its first
 * sentence (the row's own label and the lines under it when the cell starts there). */
static void criterion_name(const ex_ltables *lt, const lt_table *t, size_t top, size_t ri, size_t end, char *name,
			   size_t cap)
{
	name[0] = 0;
	for (size_t q = top; q < end; q++) {
		char *c = label_text(lt, t, q);
		if (!c)
			break;
		int bullet = c[0] == '-' || c[0] == '+';
		if (q > ri && (bullet || opens_cell(c))) {
			free(c);
			break;
		}
		size_t l = strlen(name);
		snprintf(name + l, cap - l, "%s%s", l ? " " : "", c);
		free(c);
		char *dot = strstr(name, ". ");
		if (dot || (name[0] && name[strlen(name) - 1] == '.')) {
			if (dot)
				*dot = 0;
			break;
		}
	}
	size_t l = strlen(name);
	while (l && strchr(".:; ", name[l - 1]))
		name[--l] = 0;
}

static sohoa_status write_scheme(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, size_t i, const char *name,
				 double max, int has_max, double points, int has_points, const char *cond,
				 const char *text, const char *conf, sohoa_buf *out)
{
	ex_row w;
	ex_row_begin(&w, out);
	ex_field(&w, ed->name);
	ex_field(&w, "criterion");
	ex_field(&w, name[0] ? name : NULL);
	ex_field_num(&w, max, has_max);
	ex_field_num(&w, points, has_points);
	ex_field(&w, cond);
	ex_field_int(&w, lt->pages[i], 1);
	ex_field_int(&w, lt->lines[i]->line, 1);
	ex_field(&w, text);
	ex_field(&w, conf);
	return ex_row_end(&w, ctx);
}

static int row_line(const ex_ltables *lt, const lt_table *t, size_t i, int mk);

/* A rule of a criterion's guidance ("- <condition> thì điểm đánh giá là X") starting on label
 * line q: written with the criterion name; *next gets the line after it. A row line without a
 * label in it (mk the column of maxima) is stepped over. A rule without a bullet (plain) ends
 * before a row line or a line opening with a capital. */
static sohoa_status rule_at(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, const lt_table *t, size_t q,
			    const char *name, int plain, int mk, size_t *next, sohoa_buf *out)
{
	char text[1200] = "";
	size_t starts[16], lines[16];
	int n = 0;
	size_t e = q;
	for (; e < t->last && n < 16; e++) {
		char *c = label_text(lt, t, e);
		if (!c && e > q && row_line(lt, t, e, mk))
			continue; /* the row's number and maximum beside the rule's middle line */
		if (!c || (e > q && (c[0] == '-' || c[0] == '+')) ||
		    (plain && (e > q ? row_line(lt, t, e, mk) || capital_first(ctx, c) : !capital_first(ctx, c)))) {
			free(c);
			break;
		}
		size_t l = strlen(text);
		starts[n] = l + (l ? 1 : 0);
		lines[n++] = e;
		snprintf(text + l, sizeof text - l, "%s%s", l ? " " : "", c);
		free(c);
		if (strchr(".;", text[strlen(text) - 1])) {
			e++;
			break;
		}
	}
	*next = e > q ? e : q + 1;
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (ex_key(text, strlen(text), &k, &kl, &km))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_status st = SOHOA_OK;
	/* "thì" then, within five words, "điểm" and "là N" closing the rule */
	for (size_t p = 0; p + 4 < kl; p++) {
		if (!ex_word_at(k, kl, p, "thi"))
			continue;
		size_t d = ex_skip_sp(k, p + 3, kl), w = 0;
		while (d < kl && w < 5 && !ex_word_at(k, kl, d, "diem")) {
			while (d < kl && k[d] != ' ')
				d++;
			d = ex_skip_sp(k, d, kl);
			w++;
		}
		if (!ex_word_at(k, kl, d, "diem"))
			continue;
		size_t la = d + 4;
		while (la < kl && !ex_word_at(k, kl, la, "la") && la < d + 30)
			la++;
		if (!ex_word_at(k, kl, la, "la"))
			break;
		size_t nb = ex_skip_sp(k, la + 2, kl), used = 0;
		double v;
		if (nb >= kl || !ex_parse_number(text + km[nb], strlen(text) - km[nb], &v, &used))
			break;
		const char *rest = text + km[nb] + used;
		while (*rest == '.' || *rest == ';' || *rest == ' ')
			rest++;
		if (*rest)
			break; /* "là 1 trong …": not the rule's points */
		size_t cb = 0;
		while (text[cb] == '-' || text[cb] == '+' || text[cb] == ' ')
			cb++;
		char *cond = ex_clean(text, cb, km[p]);
		int li = 0;
		while (li + 1 < n && starts[li + 1] <= km[nb])
			li++;
		st = write_scheme(ctx, ed, lt, lines[li], name, 0, 0, v, 1, cond, text + cb, "0.80", out);
		free(cond);
		break;
	}
	free(k);
	free(km);
	return st;
}

/* 1 when line i is a row of its table: a row number or a maximum in it. */
static int row_line(const ex_ltables *lt, const lt_table *t, size_t i, int mk)
{
	lt_row r;
	read_row(t, lt->lines[i]->text, &r);
	return r.stt || r.has[mk];
}

/* A case of a criterion's guidance stated without a bullet and closed by its points after a colon
 * ("Có 2 sáng kiến hoặc giải pháp mới: 1", "Thực hiện không đầy đủ … thời hạn" then "gửi báo cáo:
 * 0"), starting on label line q with a capital: its lines go on while they open in lower case.
 * Points above the criterion's maximum max are no case of it. Written with the criterion name;
 * *next gets the line after it (q + 1 when q opens no case). */
static sohoa_status colon_case_at(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, const lt_table *t, size_t q,
				  int mk, const char *name, double max, size_t *next, sohoa_buf *out)
{
	char text[1200] = "";
	size_t e = q;
	*next = q + 1;
	for (; e < t->last && e < q + 5; e++) {
		if (e > q && row_line(lt, t, e, mk))
			break;
		char *c = label_text(lt, t, e);
		if (!c || (e > q && capital_first(ctx, c)) || (e == q && !capital_first(ctx, c))) {
			free(c);
			break;
		}
		size_t l = strlen(text);
		snprintf(text + l, sizeof text - l, "%s%s", l ? " " : "", c);
		free(c);
	}
	if (e == q)
		return SOHOA_OK;
	/* the text ends in ": N" */
	size_t n = strlen(text), b;
	while (n && strchr(" .;", text[n - 1]))
		n--;
	b = n;
	while (b && (isdigit((unsigned char)text[b - 1]) || text[b - 1] == ',' || text[b - 1] == '.'))
		b--;
	size_t c = b;
	while (c && text[c - 1] == ' ')
		c--;
	double v;
	size_t used = 0;
	if (b == n || !isdigit((unsigned char)text[b]) || !c || text[c - 1] != ':' || words_of(text, 0, c - 1) < 3 ||
	    !ex_parse_number(text + b, n - b, &v, &used) || used != n - b || v > max + 1e-9)
		return SOHOA_OK;
	*next = e;
	char *cond = ex_clean(text, 0, c - 1);
	sohoa_status st = write_scheme(ctx, ed, lt, e - 1, name, 0, 0, v, 1, cond, text, "0.80", out);
	free(cond);
	return st;
}

sohoa_status ex_ltables_schemes(sohoa_ctx *ctx, const ex_doc *ed, const ex_ltables *lt, sohoa_buf *out)
{
	sohoa_status st = SOHOA_OK;
	char carry[240] = ""; /* the last criterion of the table before, when this one goes on from it */
	for (size_t ti = 0; lt && ti < lt->n && st == SOHOA_OK; ti++) {
		const lt_table *t = &lt->t[ti];
		if (!criteria_table(lt, t)) {
			carry[0] = 0;
			continue;
		}
		if (ti > 0 && !continues(lt, &lt->t[ti - 1], t->first))
			carry[0] = 0;
		int mk = col_of_role(t, LT_MAX);
		/* the rows, their cells' first lines and names */
		size_t rows[256], tops[256];
		char names[256][240];
		size_t nr = 0, prev = t->first - 1;
		for (size_t i = t->first; i < t->last && nr < 256; i++) {
			lt_row r;
			read_row(t, lt->lines[i]->text, &r);
			if (!r.stt || !r.has[mk])
				continue;
			rows[nr] = i;
			tops[nr] = cell_top(lt, t, prev, i);
			nr++;
			prev = i;
		}
		for (size_t x = 0; x < nr; x++) {
			size_t end = x + 1 < nr ? tops[x + 1] : t->last;
			criterion_name(lt, t, tops[x], rows[x], end, names[x], sizeof names[x]);
		}
		/* a table going on over a page break: the criterion of the rules before its first row
		 * is the last of the table before */
		for (size_t x = 0; x < nr && st == SOHOA_OK; x++) {
			lt_row r;
			read_row(t, lt->lines[rows[x]]->text, &r);
			char text[300];
			snprintf(text, sizeof text, "%.240s %.*s", names[x], (int)(r.ne[mk] - r.nb[mk]),
				 lt->lines[rows[x]]->text + r.nb[mk]);
			st = write_scheme(ctx, ed, lt, rows[x], names[x], r.v[mk], 1, 0, 0, NULL, text, "0.90", out);
		}
		for (size_t q = t->first; q < t->last && st == SOHOA_OK;) {
			char *c = label_text(lt, t, q);
			int bullet = c && (c[0] == '-' || c[0] == '+');
			free(c);
			size_t x = nr;
			while (x > 0 && tops[x - 1] > q)
				x--;
			size_t next = q + 1;
			if (!bullet) {
				/* a case without a bullet, under its criterion's row line */
				if (x > 0 && q > rows[x - 1] && !row_line(lt, t, q, mk)) {
					lt_row r;
					read_row(t, lt->lines[rows[x - 1]]->text, &r);
					size_t len = out->len;
					st = colon_case_at(ctx, ed, lt, t, q, mk, names[x - 1], r.v[mk], &next, out);
					/* "Nếu tỷ lệ b/a <0.8 thì điểm đánh giá là 0" */
					size_t after = q + 1;
					if (st == SOHOA_OK && out->len == len)
						st = rule_at(ctx, ed, lt, t, q, names[x - 1], 1, mk, &after, out);
					if (out->len > len && after > next)
						next = after;
				}
				q = next;
				continue;
			}
			if (x > 0 || carry[0])
				st = rule_at(ctx, ed, lt, t, q, x > 0 ? names[x - 1] : carry, 0, mk, &next, out);
			q = next;
		}
		if (nr)
			memcpy(carry, names[nr - 1], sizeof carry);
	}
	return st;
}

/* table: responsibilities from tables rebuilt from the positions ingest keeps (PDF line boxes;
 * OCR lines with boxes). A table is found by its header row ("CHỦ TRÌ" beside "PHỐI HỢP");
 * columns are the left edges its cells share, rows start where a cell starts that does not
 * continue the line above it (cells wrap at a steady pitch, rows are separated by padding and
 * rules), the header repeated on later pages is skipped, group rows that hold only the first
 * cell become the group of the rows under them, a first cell left blank repeats the one above
 * (merged cells), and a row whose number is blank at the top of a page continues the row before.
 * Text without positions gives no table rows. */
#include "extract-int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_NONE, COL_ID, COL_TASK, COL_OUTPUT, COL_LEAD, COL_COOP, COL_DEADLINE, COL_BUDGET, COL_NOTE };

/* Header words (key) and the column they name; the first match in this order wins. */
static const struct {
	const char *key;
	int col;
} header_words[] = {
	{"chu tri", COL_LEAD}, {"phoi hop", COL_COOP}, {"thoi gian", COL_DEADLINE}, {"thoi han", COL_DEADLINE},
	{"kinh phi", COL_BUDGET}, {"ghi chu", COL_NOTE}, {"san pham", COL_OUTPUT}, {"ket qua", COL_OUTPUT},
	{"nhiem vu", COL_TASK}, {"noi dung", COL_TASK}, {"stt", COL_ID}, {"tt", COL_ID},
};

enum { MAXCOL = 12 };

typedef struct tline {
	const sohoa_line *l;
	int page;
	int col;
	int row;      /* row index within the page, -1 header */
} tline;

typedef struct trow {
	sohoa_buf cell[MAXCOL];
	int page, line;   /* source of the first line */
	int ncells;       /* non-empty cells */
	int new_page;     /* the row is the first on a new page */
} trow;

static int line_has(const sohoa_line *l, const char *w)
{
	char *key = NULL;
	size_t kl = 0, *km = NULL;
	if (!l->text || ex_key(l->text, strlen(l->text), &key, &kl, &km))
		return 0;
	/* OCR may read a header of two words as one ("PHỐIHỢP"): try w without its spaces too */
	char joined[64];
	size_t jn = 0;
	for (const char *c = w; *c && jn + 1 < sizeof joined; c++)
		if (*c != ' ')
			joined[jn++] = *c;
	joined[jn] = 0;
	int found = 0;
	for (size_t i = 0; i < kl && !found; i++)
		found = ex_word_at(key, kl, i, w) || (strchr(w, ' ') && ex_word_at(key, kl, i, joined));
	free(key);
	free(km);
	return found;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

/* The header's top on a page: a line with "chủ trì" and, at the same height, one with "phối hợp". */
static int header_top(const sohoa_page *pg, float *top)
{
	if (pg->source == SOHOA_SRC_TEXT)
		return 0; /* no positions */
	for (size_t i = 0; i < pg->nlines; i++) {
		if (pg->lines[i].y1 <= pg->lines[i].y0 || !line_has(&pg->lines[i], "chu tri"))
			continue;
		for (size_t j = 0; j < pg->nlines; j++)
			if (j != i && fabsf(pg->lines[j].y0 - pg->lines[i].y0) < 3 && line_has(&pg->lines[j], "phoi hop")) {
				*top = pg->lines[i].y0 < pg->lines[j].y0 ? pg->lines[i].y0 : pg->lines[j].y0;
				return 1;
			}
	}
	return 0;
}

/* 1 if line l continues a line of the same column one pitch above it (lines of tl on its page). */
static int continues(const tline *tl, size_t n, int page, const sohoa_line *l, const float *lefts, int ncol,
		     float pitch, float ytop)
{
	for (size_t j = 0; j < n; j++) {
		const sohoa_line *o = tl[j].l;
		if (tl[j].page != page || o == l || o->y0 < ytop - 1)
			continue;
		float d = l->y0 - o->y0;
		if (d < pitch - 2.5f || d > pitch + 2.5f)
			continue;
		/* same column: left edges in one column band */
		int cl = -1, co = -1;
		for (int c = 0; c < ncol; c++) {
			if (l->x0 >= lefts[c] - 3)
				cl = c;
			if (o->x0 >= lefts[c] - 3)
				co = c;
		}
		if (cl == co)
			return 1;
	}
	return 0;
}

static void append_cell(sohoa_buf *b, const char *t)
{
	size_t s = 0, e = strlen(t);
	ex_trim(t, &s, &e, NULL);
	if (e <= s)
		return;
	if (b->len)
		sohoa_buf_puts(b, " ");
	sohoa_buf_append(b, t + s, e - s);
}

static int cmp_tline(const void *a, const void *b)
{
	const tline *x = a, *y = b;
	if (x->l->y0 < y->l->y0 - 1)
		return -1;
	if (x->l->y0 > y->l->y0 + 1)
		return 1;
	return x->l->x0 < y->l->x0 ? -1 : x->l->x0 > y->l->x0;
}

/* Where the rows go: responsibilities rows, or criteria rows (the table's numbering under its
 * groups, for criteria.csv). */
typedef struct tsink {
	sohoa_buf *out;
	int criteria;
	char group[512], subgroup[512];
	char prev[96];  /* last criteria id written, not to repeat a merged task */
	char prev_task[160];
} tsink;

/* The numeral that starts a group row ("IV CHỈ SỐ …" -> "IV"), or "". */
static void group_numeral(const char *g, char out[16])
{
	size_t k = 0;
	while (g[k] && strchr("IVX", g[k]) && k < 15)
		k++;
	memcpy(out, g, k);
	out[k] = 0;
}

static sohoa_status write_criterion(sohoa_ctx *ctx, const ex_doc *ed, tsink *sk, const char *id, const char *title,
				    int page, int line)
{
	char full[96], parent[96], rom[16];
	group_numeral(sk->group, rom);
	if (rom[0] && strcmp(id, rom))
		snprintf(full, sizeof full, "%s.%s", rom, id);
	else
		snprintf(full, sizeof full, "%s", id);
	if (!full[0] || !strcmp(full, sk->prev))
		return SOHOA_OK;
	snprintf(sk->prev, sizeof sk->prev, "%s", full);
	snprintf(parent, sizeof parent, "%s", full);
	char *dot = strrchr(parent, '.');
	if (dot)
		*dot = 0;
	else
		parent[0] = 0;
	int level = 1;
	for (const char *q = full; *q; q++)
		level += *q == '.';
	/* the title without its number ("1.3 …", "IV …") */
	const char *t = title ? title : "";
	size_t k = strspn(t, "0123456789.");
	if (!k) {
		k = strspn(t, "IVX");
		if (t[k] != ' ' && t[k] != '.')
			k = 0;
	}
	t += k;
	t += strspn(t, ". ");
	ex_row row;
	ex_row_begin(&row, sk->out);
	ex_field(&row, ed->name);
	ex_field(&row, full);
	ex_field(&row, parent);
	ex_field_int(&row, level, 1);
	ex_field(&row, t);
	ex_field(&row, NULL);
	ex_field(&row, NULL);
	ex_field_int(&row, page, 1);
	ex_field_int(&row, line, 1);
	return ex_row_end(&row, ctx);
}

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const trow *r, const int *colkind, int ncol,
			      tsink *sk)
{
	sohoa_buf *out = sk->out;
	const char *v[COL_NOTE + 1] = {0};
	for (int c = 0; c < ncol; c++)
		if (colkind[c] && r->cell[c].len && !v[colkind[c]])
			v[colkind[c]] = r->cell[c].data;
	/* the id: the number column, else the leading number of the output or the task */
	char id[32] = "";
	if (v[COL_ID])
		snprintf(id, sizeof id, "%s", v[COL_ID]);
	else {
		const char *src = v[COL_OUTPUT] && v[COL_OUTPUT][0] >= '0' && v[COL_OUTPUT][0] <= '9' ? v[COL_OUTPUT] : v[COL_TASK];
		size_t k = 0;
		while (src && k + 1 < sizeof id && ((src[k] >= '0' && src[k] <= '9') || src[k] == '.'))
			k++;
		if (src && k) {
			memcpy(id, src, k);
			id[k] = 0;
			while (k && id[k - 1] == '.')
				id[--k] = 0;
		}
	}
	if (sk->criteria) {
		int from_output = !v[COL_ID] && v[COL_OUTPUT] && v[COL_OUTPUT][0] >= '0' && v[COL_OUTPUT][0] <= '9';
		if (from_output && v[COL_TASK]) { /* the task above its products: "1." then "1.1." */
			char tid[32] = "";
			size_t k = strspn(v[COL_TASK], "0123456789.");
			if (k && k < sizeof tid) {
				memcpy(tid, v[COL_TASK], k);
				while (k && tid[k - 1] == '.')
					k--;
				tid[k] = 0;
				char key[160];
				snprintf(key, sizeof key, "%.60s|%.90s", sk->group, tid);
				if (strcmp(key, sk->prev_task)) {
					snprintf(sk->prev_task, sizeof sk->prev_task, "%s", key);
					sohoa_status st = write_criterion(ctx, ed, sk, tid, v[COL_TASK], r->page, r->line);
					if (st != SOHOA_OK)
						return st;
				}
			}
		}
		return write_criterion(ctx, ed, sk, id, from_output ? v[COL_OUTPUT] : v[COL_TASK], r->page, r->line);
	}
	char iso[11] = "";
	const char *deadline = v[COL_DEADLINE];
	if (deadline && ex_parse_date(deadline, strlen(deadline), iso))
		deadline = iso;
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, ed->name);
	ex_field(&row, id);
	ex_field(&row, v[COL_TASK]);
	ex_field(&row, v[COL_LEAD]);
	ex_field(&row, v[COL_COOP]);
	ex_field(&row, v[COL_OUTPUT]);
	ex_field(&row, deadline);
	ex_field(&row, v[COL_BUDGET]);
	ex_field_int(&row, r->page, 1);
	ex_field_int(&row, r->line, 1);
	ex_field(&row, "table");
	return ex_row_end(&row, ctx);
}

static void row_clear(trow *r)
{
	for (int c = 0; c < MAXCOL; c++)
		sohoa_buf_free(&r->cell[c]);
	memset(r, 0, sizeof *r);
}

static int col_of_kind(const int *colkind, int ncol, int kind)
{
	for (int c = 0; c < ncol; c++)
		if (colkind[c] == kind)
			return c;
	return -1;
}

/* A row is complete: a group row becomes the group; a row at the top of a page whose number is
 * blank continues the row before; a blank first cell repeats the one above (merged cell). The
 * row before is written when the next one is known not to continue it. */
static sohoa_status finish_row(sohoa_ctx *ctx, const ex_doc *ed, trow *cur, const int *colkind, int ncol,
			       tsink *sk, trow *last)
{
	sohoa_status st = SOHOA_OK;
	char *group = sk->group, *subgroup = sk->subgroup;
	int idc = col_of_kind(colkind, ncol, COL_ID);
	if (cur->ncells == 1 && cur->cell[0].len && colkind[0] != COL_NOTE) {
		const char *g = cur->cell[0].data;
		if (sk->criteria && last->page) { /* keep the order of the table */
			st = write_row(ctx, ed, last, colkind, ncol, sk);
			row_clear(last);
		}
		/* "I NHÓM …", "II. Cải cách …": a group; "2 Cạnh tranh bình đẳng": a subgroup */
		if (g[0] == 'I' || g[0] == 'V' || g[0] == 'X') {
			snprintf(group, 512, "%s", g);
			subgroup[0] = 0;
			char rom[16];
			group_numeral(g, rom);
			if (sk->criteria && rom[0] && st == SOHOA_OK)
				st = write_criterion(ctx, ed, sk, rom, g, cur->page, cur->line);
		} else {
			snprintf(subgroup, 512, "%s", g);
			size_t k = strspn(g, "0123456789.");
			if (sk->criteria && k && st == SOHOA_OK) {
				char id[32];
				snprintf(id, sizeof id, "%.*s", (int)(k < 31 ? k : 31), g);
				while (strlen(id) && id[strlen(id) - 1] == '.')
					id[strlen(id) - 1] = 0;
				st = write_criterion(ctx, ed, sk, id, g, cur->page, cur->line);
			}
		}
		row_clear(cur);
		return st;
	}
	if (cur->new_page && last->page && idc >= 0 && !cur->cell[idc].len) {
		for (int c = 0; c < MAXCOL; c++)
			if (cur->cell[c].len) {
				if (!last->cell[c].len)
					last->ncells++;
				append_cell(&last->cell[c], cur->cell[c].data);
			}
		row_clear(cur);
		return SOHOA_OK;
	}
	if (last->page) {
		st = write_row(ctx, ed, last, colkind, ncol, sk);
		/* a merged first cell: keep it for the next row */
		int tc = col_of_kind(colkind, ncol, COL_TASK);
		if (tc >= 0 && idc < 0 && !cur->cell[tc].len && last->cell[tc].len) {
			append_cell(&cur->cell[tc], last->cell[tc].data);
			cur->ncells++;
		}
		row_clear(last);
	}
	/* a numbered subgroup over a row without a number gives it the number ("2 Cạnh tranh …") */
	if (idc >= 0 && !cur->cell[idc].len && subgroup[0] >= '0' && subgroup[0] <= '9') {
		size_t k = strspn(subgroup, "0123456789.");
		sohoa_buf_append(&cur->cell[idc], subgroup, k);
		cur->ncells++;
	}
	*last = *cur;
	memset(cur, 0, sizeof *cur);
	return st;
}

/* A box of a page read at a skew, levelled: turned by skew degrees clockwise about the page centre,
 * and shrunk back from the bounding box of the turned box to the box itself. */
static void level_box(const sohoa_page *pg, float *x0, float *y0, float *x1, float *y1)
{
	double a = pg->skew * M_PI / 180.0, c = cos(a), s = sin(a), cx = pg->width / 2.0, cy = pg->height / 2.0;
	double mx = (*x0 + *x1) / 2.0 - cx, my = (*y0 + *y1) / 2.0 - cy;
	double nx = cx + mx * c - my * s, ny = cy + mx * s + my * c;
	double W = *x1 - *x0, H = *y1 - *y0, as = fabs(s), d = c * c - as * as;
	double w = d > 0.5 ? (W * c - H * as) / d : W, h = d > 0.5 ? (H * c - W * as) / d : H;
	if (w <= 0 || h <= 0)
		w = W, h = H;
	*x0 = (float)(nx - w / 2), *x1 = (float)(nx + w / 2);
	*y0 = (float)(ny - h / 2), *y1 = (float)(ny + h / 2);
}

/* Copies of the document's pages whose OCR skew (sohoa_page.skew) is undone: lines and words
 * levelled, so a column's left edge and a row's top are straight. Pages without skew share
 * their lines. NULL when out of memory. */
static sohoa_page *level_pages(const sohoa_doc *doc)
{
	sohoa_page *pg = calloc(doc->npages + 1, sizeof *pg);
	for (size_t p = 0; pg && p < doc->npages; p++) {
		const sohoa_page *src = &doc->pages[p];
		pg[p] = *src;
		if (src->skew == 0 || !src->nlines)
			continue;
		pg[p].lines = calloc(src->nlines, sizeof *pg[p].lines);
		if (!pg[p].lines) {
			pg[p].skew = 0, pg[p].nlines = 0;
			continue;
		}
		for (size_t i = 0; i < src->nlines; i++) {
			sohoa_line *l = &pg[p].lines[i];
			*l = src->lines[i];
			level_box(src, &l->x0, &l->y0, &l->x1, &l->y1);
			l->words = src->lines[i].nwords ? calloc(src->lines[i].nwords, sizeof *l->words) : NULL;
			if (!l->words) {
				l->nwords = 0;
				continue;
			}
			for (size_t w = 0; w < l->nwords; w++) {
				l->words[w] = src->lines[i].words[w];
				level_box(src, &l->words[w].x0, &l->words[w].y0, &l->words[w].x1, &l->words[w].y1);
			}
		}
	}
	return pg;
}

static void level_free(sohoa_page *pg, size_t n)
{
	for (size_t p = 0; pg && p < n; p++)
		if (pg[p].skew != 0) {
			for (size_t i = 0; i < pg[p].nlines; i++)
				free(pg[p].lines[i].words);
			free(pg[p].lines);
		}
	free(pg);
}

/* A table being rebuilt from the (levelled) pages of a document. */
typedef struct table {
	const sohoa_doc *doc;
	size_t p0;            /* the page of the header */
	float tops[4096];     /* per page from p0: the top of its header, 0 when it has none */
	size_t npages;
	tline *tl;            /* the table's lines (some split where ingest joined cells) */
	size_t n;
	float lefts[MAXCOL];  /* column left edges */
	int ncol;
	float pitch;          /* the usual step from a line to the next in a cell */
	sohoa_line *virt;     /* lines made by splitting joined cells (their text is owned) */
	size_t nv;
	int colkind[MAXCOL];  /* COL_* named by the header */
} table;

static void table_free(table *t)
{
	for (size_t k = 0; k < t->nv; k++)
		free(t->virt[k].text);
	free(t->virt);
	free(t->tl);
}

/* The table's lines: from the header down on page p0 (header top top0), all of each later page
 * (from its repeated header's top, if any). */
static sohoa_status table_lines(sohoa_ctx *ctx, table *t, float top0)
{
	const sohoa_doc *doc = t->doc;
	size_t cap = 0;
	for (size_t p = t->p0; p < doc->npages; p++)
		cap += doc->pages[p].nlines;
	if (!(t->tl = calloc(cap + 1, sizeof *t->tl)))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t p = t->p0; p < doc->npages && t->npages < 4096; p++) {
		float top = p == t->p0 ? top0 : 0;
		if (p > t->p0 && !header_top(&doc->pages[p], &top))
			top = 0; /* no repeated header: the table goes on from the page top */
		t->tops[t->npages++] = top;
		for (size_t j = 0; j < doc->pages[p].nlines; j++) {
			const sohoa_line *l = &doc->pages[p].lines[j];
			if (l->y0 < top - 1 || !l->text || !l->text[0])
				continue;
			t->tl[t->n].l = l;
			t->tl[t->n].page = (int)p;
			t->n++;
		}
	}
	return SOHOA_OK;
}

static float page_top(const table *t, int page)
{
	return t->tops[page - (int)t->p0];
}

/* The header band of each page (row -1): the header row and the lines wrapped under its cells. */
static void mark_header_band(table *t)
{
	tline *tl = t->tl;
	for (size_t i = 0; i < t->n; i++) {
		float top = page_top(t, tl[i].page);
		tl[i].row = (top > 0 || tl[i].page == (int)t->p0) && tl[i].l->y0 <= top + 2 ? -1 : 0;
	}
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < t->n; i++) {
			if (tl[i].row == -1)
				continue;
			for (size_t j = 0; j < t->n; j++) {
				const sohoa_line *h = tl[j].l, *l = tl[i].l;
				float hh = h->y1 - h->y0, d = l->y0 - h->y0;
				if (tl[j].row != -1 || tl[j].page != tl[i].page || d < 0.8f * hh || d > 1.3f * hh ||
				    l->x1 < h->x0 || l->x0 > h->x1)
					continue;
				tl[i].row = -1;
				changed = 1;
				break;
			}
		}
	}
}

/* Column left edges: clusters (3 points wide) of the left edges of body lines, of three lines or
 * more each. */
static sohoa_status find_columns(sohoa_ctx *ctx, table *t)
{
	float *xs = calloc(t->n + 1, sizeof *xs);
	if (!xs)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	size_t nx = 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->tl[i].row != -1)
			xs[nx++] = t->tl[i].l->x0;
	qsort(xs, nx, sizeof *xs, cmp_float);
	t->ncol = 0;
	for (size_t i = 0; i < nx;) {
		size_t j = i;
		while (j + 1 < nx && xs[j + 1] - xs[j] < 3)
			j++;
		if (j - i + 1 >= 3 && t->ncol < MAXCOL)
			t->lefts[t->ncol++] = xs[i];
		i = j + 1;
	}
	free(xs);
	return SOHOA_OK;
}

/* The pitch: the most common step (in half points) from a body line to the next one below it
 * in its column; 14 when there is none. */
static float find_pitch(const table *t)
{
	const tline *tl = t->tl;
	int hist[400] = {0};
	for (size_t i = 0; i < t->n; i++) {
		if (tl[i].row == -1)
			continue;
		float best = 1e9f;
		for (size_t j = 0; j < t->n; j++) {
			float d = tl[j].l->y0 - tl[i].l->y0;
			if (tl[j].row != -1 && tl[j].page == tl[i].page && fabsf(tl[j].l->x0 - tl[i].l->x0) < 3 && d > 1 && d < best)
				best = d;
		}
		if (best < 100)
			hist[(int)(best * 2 + 0.5f)]++;
	}
	int bi = 0;
	for (int k = 1; k < 400; k++)
		if (hist[k] > hist[bi])
			bi = k;
	return bi ? bi / 2.0f : 14;
}

/* A line the ingest joined across cells ("Phòng Nghiệp" + "Văn phòng Sở" on one baseline) is
 * split at a wide gap between words where a column starts, into lines of t->virt. */
static sohoa_status split_joined_cells(sohoa_ctx *ctx, table *t)
{
	size_t nwords = 0;
	for (size_t i = 0; i < t->n; i++)
		nwords += t->tl[i].l->nwords;
	t->virt = calloc(nwords + 1, sizeof *t->virt);
	tline *tl2 = calloc(t->n + nwords + 1, sizeof *tl2);
	if (!t->virt || !tl2) {
		free(tl2);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	size_t n2 = 0;
	for (size_t i = 0; i < t->n; i++) {
		const sohoa_line *l = t->tl[i].l;
		size_t cut[MAXCOL + 1], ncut = 0;
		cut[ncut++] = 0;
		for (size_t w = 1; w < l->nwords && t->tl[i].row != -1 && ncut < MAXCOL; w++) {
			float gap = l->words[w].x0 - l->words[w - 1].x1;
			for (int c = 1; c < t->ncol; c++)
				if (gap > 5 && fabsf(l->words[w].x0 - t->lefts[c]) < 3)
					cut[ncut++] = w;
		}
		if (ncut == 1) {
			tl2[n2++] = t->tl[i];
			continue;
		}
		cut[ncut] = l->nwords;
		for (size_t k = 0; k < ncut; k++) {
			sohoa_line *v = &t->virt[t->nv++];
			*v = *l;
			v->words = NULL;
			v->nwords = 0;
			v->x0 = l->words[cut[k]].x0;
			v->x1 = l->words[cut[k + 1] - 1].x1;
			sohoa_buf b = {0};
			for (size_t w = cut[k]; w < cut[k + 1]; w++) {
				if (b.len)
					sohoa_buf_puts(&b, " ");
				sohoa_buf_puts(&b, l->words[w].text ? l->words[w].text : "");
			}
			v->text = b.data ? b.data : sohoa_strdup("");
			tl2[n2] = t->tl[i];
			tl2[n2++].l = v;
		}
	}
	free(t->tl);
	t->tl = tl2;
	t->n = n2;
	return SOHOA_OK;
}

/* Each line's column (the last left edge at or left of it, 3 points of slack), then the lines in
 * reading order: page by page, top to bottom, left to right. */
static void order_lines(table *t)
{
	tline *tl = t->tl;
	for (size_t i = 0; i < t->n; i++) {
		tl[i].col = 0;
		for (int c = 0; c < t->ncol; c++)
			if (tl[i].l->x0 >= t->lefts[c] - 3)
				tl[i].col = c;
	}
	qsort(tl, t->n, sizeof *tl, cmp_tline);
	/* stable by page: cmp_tline sorts by y only, so sort pages first */
	tline *sorted = calloc(t->n + 1, sizeof *sorted);
	size_t k = 0;
	for (size_t pi = 0; pi < t->npages && sorted; pi++)
		for (size_t i = 0; i < t->n; i++)
			if ((size_t)tl[i].page == t->p0 + pi)
				sorted[k++] = tl[i];
	if (sorted) {
		memcpy(tl, sorted, t->n * sizeof *tl);
		free(sorted);
	}
}

/* The header band of the page whose lines start at tl[i]: its bottom. On the first page, the
 * band's text, gathered per column (by each line's centre) into head, names the columns. */
static float header_band(const table *t, size_t i, sohoa_buf *head)
{
	const tline *tl = t->tl;
	float top = page_top(t, tl[i].page);
	float bottom = top - 1;
	if (!(top > 0 || tl[i].page == (int)t->p0))
		return bottom;
	float y = top;
	for (size_t j = i; j < t->n && tl[j].page == tl[i].page; j++) {
		const sohoa_line *h = tl[j].l;
		if (h->y0 > y + t->pitch + 2.5f)
			break;
		if (h->y0 > y + 2 && !continues(tl, t->n, tl[j].page, h, t->lefts, t->ncol, t->pitch, top))
			continue;
		if (head) {
			int c = tl[j].col;
			float cx = (h->x0 + h->x1) / 2;
			for (int k = 0; k < t->ncol; k++)
				if (cx >= t->lefts[k] - 3)
					c = k;
			if (head[c].len)
				sohoa_buf_puts(&head[c], " ");
			sohoa_buf_puts(&head[c], h->text);
		}
		if (h->y0 > y)
			y = h->y0;
		bottom = h->y1;
	}
	return bottom;
}

/* The kind of each column from its header text: the first header word it holds (header_words
 * order). */
static void name_columns(table *t, const sohoa_buf *head)
{
	for (int c = 0; c < t->ncol; c++) {
		if (!head[c].data)
			continue;
		for (size_t w = 0; w < sizeof header_words / sizeof *header_words && !t->colkind[c]; w++) {
			sohoa_line fake = {0};
			fake.text = head[c].data;
			if (line_has(&fake, header_words[w].key))
				t->colkind[c] = header_words[w].col;
		}
	}
}

/* The rows: below each page's header band, a row starts with a cell that does not continue the
 * line above it and lies below the row's top (or on a new page); cells gather their lines. Rows
 * go to finish_row as they complete. */
static sohoa_status build_rows(sohoa_ctx *ctx, const ex_doc *ed, table *t, tsink *sk)
{
	sohoa_status st = SOHOA_OK;
	sohoa_buf head[MAXCOL] = {{0}};
	trow cur = {0}, last = {0};
	int have = 0, prev_page = -1, header_done = 0;
	float row_top = 0, hdr_bottom = 0;
	for (size_t i = 0; i < t->n && st == SOHOA_OK; i++) {
		const sohoa_line *l = t->tl[i].l;
		const sohoa_page *pg = &t->doc->pages[t->tl[i].page];
		if (t->tl[i].page != prev_page) {
			prev_page = t->tl[i].page;
			hdr_bottom = header_band(t, i, header_done ? NULL : head);
			if (!header_done) {
				header_done = 1;
				name_columns(t, head);
			}
		}
		if (l->y0 < hdr_bottom - 1)
			continue;
		int starts = !continues(t->tl, t->n, t->tl[i].page, l, t->lefts, t->ncol, t->pitch, hdr_bottom);
		/* a new row: a cell that starts below the current row's top, or on a new page */
		if (starts && (!have || l->y0 > row_top + 2 || pg->number != cur.page)) {
			int new_page = have && pg->number != cur.page;
			if (have)
				st = finish_row(ctx, ed, &cur, t->colkind, t->ncol, sk, &last);
			have = 1;
			row_top = l->y0;
			cur.page = pg->number;
			cur.line = l->line;
			cur.new_page = new_page;
		}
		sohoa_buf *cell = &cur.cell[t->tl[i].col];
		if (!cell->len)
			cur.ncells++;
		append_cell(cell, l->text);
	}
	if (st == SOHOA_OK && have)
		st = finish_row(ctx, ed, &cur, t->colkind, t->ncol, sk, &last);
	if (st == SOHOA_OK && last.page)
		st = write_row(ctx, ed, &last, t->colkind, t->ncol, sk);
	row_clear(&cur);
	row_clear(&last);
	for (int c = 0; c < MAXCOL; c++)
		sohoa_buf_free(&head[c]);
	return st;
}

/* The table of the (levelled) document: found by its header row, its lines gathered, columns
 * and pitch measured, joined cells split, lines ordered, then rows built. No header, no rows. */
static sohoa_status rebuild_pages(sohoa_ctx *ctx, const ex_doc *ed, const sohoa_doc *doc, tsink *sk)
{
	table *t = calloc(1, sizeof *t);
	if (!t)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	t->doc = doc;
	float top0 = 0;
	while (t->p0 < doc->npages && !header_top(&doc->pages[t->p0], &top0))
		t->p0++;
	sohoa_status st = SOHOA_OK;
	if (t->p0 < doc->npages && (st = table_lines(ctx, t, top0)) == SOHOA_OK) {
		mark_header_band(t);
		if ((st = find_columns(ctx, t)) == SOHOA_OK) {
			t->pitch = find_pitch(t);
			if ((st = split_joined_cells(ctx, t)) == SOHOA_OK) {
				order_lines(t);
				st = build_rows(ctx, ed, t, sk);
			}
		}
	}
	table_free(t);
	free(t);
	return st;
}

static sohoa_status rebuild(sohoa_ctx *ctx, const ex_doc *ed, tsink *sk)
{
	if (!ed->doc)
		return SOHOA_OK;
	sohoa_doc lev = *ed->doc;
	if (!(lev.pages = level_pages(ed->doc)))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_status st = rebuild_pages(ctx, ed, &lev, sk);
	level_free(lev.pages, lev.npages);
	return st;
}

sohoa_status ex_table_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	tsink sk = {.out = out, .criteria = 0};
	return rebuild(ctx, ed, &sk);
}

sohoa_status ex_table_criteria(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	tsink sk = {.out = out, .criteria = 1};
	return rebuild(ctx, ed, &sk);
}

int ex_table_page(const ex_doc *ed)
{
	float top;
	if (ed->doc)
		for (size_t p = 0; p < ed->doc->npages; p++)
			if (header_top(&ed->doc->pages[p], &top))
				return ed->doc->pages[p].number;
	return 0;
}

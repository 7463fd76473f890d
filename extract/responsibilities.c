/* responsibilities.csv: who does what by when. Four sources: labelled prose ("Phòng/đơn vị chủ
 * trì: …", "… phối hợp: …", "Thời gian thực hiện: …" under a task: this file), unit sections and
 * sentences that give a unit a task (responsibilities-sections.c; names and deadlines in
 * sentences: responsibilities-units.c), tables that reach the text flattened
 * (responsibilities-table.c) and tables rebuilt from positions (table.c). */
#include "responsibilities-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "task_id", "task", "lead", "cooperating", "output", "deadline",
				      "budget", "page", "line", "source", NULL};

/* A labelled line: "<label with chủ trì or phối hợp>: <units>". */
static const char *const label_re =
	"^\\s*[-+]?\\s*([^:]{0,60}?\\b(chu tri|phoi hop|theo doi|thuc hien|thoi gian|thoi han)\\b[^:]{0,40}):\\s*(.*?)\\s*[.;]?\\s*$";


void rs_clear(resp *r)
{
	char **owned[] = {&r->task, &r->lead, &r->coop, &r->output, &r->deadline, &r->budget, &r->monitor};
	for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
		free(*owned[i]);
	memset(r, 0, sizeof *r);
}

static sohoa_status resp_write(sohoa_ctx *ctx, const char *docname, const resp *r, sohoa_buf *out)
{
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, docname);
	ex_field(&row, r->task_id);
	ex_field(&row, r->task);
	ex_field(&row, r->lead ? r->lead : r->monitor);
	ex_field(&row, r->coop);
	ex_field(&row, r->output);
	ex_field(&row, r->deadline);
	ex_field(&row, r->budget);
	ex_field_int(&row, r->page, r->page > 0);
	ex_field_int(&row, r->line, r->line > 0);
	ex_field(&row, r->source);
	return ex_row_end(&row, ctx);
}

/* Write r when it has what a row needs (have) and lies outside the tables, and clear it either
 * way. */
sohoa_status rs_flush(sohoa_ctx *ctx, const rs_sink *sk, resp *r, int have)
{
	have = have && !rs_in_spans(sk->skip, r->page, r->line);
	sohoa_status st = have ? resp_write(ctx, sk->doc, r, sk->out) : SOHOA_OK;
	rs_clear(r);
	return st;
}

/* Append s to *dst, separated by "; ". */
static void join(char **dst, const char *s)
{
	if (!s || !*s)
		return;
	if (!*dst) {
		*dst = sohoa_strdup(s);
		return;
	}
	size_t n = strlen(*dst) + strlen(s) + 3;
	char *j = malloc(n);
	if (!j)
		return;
	snprintf(j, n, "%s; %s", *dst, s);
	free(*dst);
	*dst = j;
}

/* The title of a heading statement (up to the first sentence end or colon; a unit heading may
 * list several units separated by ';'). */
static char *heading_title(const ex_stmt *st, int units)
{
	size_t b = st->title_off, e = b;
	while (e < st->len && st->text[e] != ':' && (units || st->text[e] != ';') &&
	       !(st->text[e] == '.' && (e + 1 >= st->len || st->text[e + 1] == ' ')))
		e++;
	return ex_clean(st->text, b, e);
}

int rs_starts_bullet(const ex_stmt *st)
{
	size_t i = strspn(st->key, " ");
	return (st->key[i] == '-' || st->key[i] == '+' || st->key[i] == '*') && st->key[i + 1] == ' ';
}

int rs_has_word(const ex_stmt *st, size_t from, const char *const *words)
{
	for (size_t i = from; i < st->keylen; i++)
		for (int w = 0; words[w]; w++)
			if (ex_word_at(st->key, st->keylen, i, words[w]))
				return 1;
	return 0;
}

int rs_starts_with_word(const ex_stmt *st, const char *const *words)
{
	size_t i = strspn(st->key, " -+");
	for (int w = 0; words[w]; w++)
		if (ex_word_at(st->key, st->keylen, i, words[w]))
			return 1;
	return 0;
}

/* 1 when the label key [b, e) names who: "Phòng/đơn vị …", "Cơ quan …", "Đơn vị chủ trì" (not
 * "Theo dõi thi hành …"). */
static int names_unit(const ex_stmt *sm, long b, long e)
{
	static const char *const who[] = {"don vi", "phong", "co quan", "bo phan", "phong/don vi", NULL};
	for (long k = b; k < e; k++)
		for (int w = 0; who[w]; w++)
			if (ex_word_at(sm->key, (size_t)e, (size_t)k, who[w]))
				return 1;
	return 0;
}

enum { L_NONE, L_LEAD, L_COOP, L_MONITOR, L_DEADLINE };

/* What a labelled line gives, from its label key [b, e) and its first keyword at w: the deadline
 * ("Thời gian thực hiện: …"), the lead ("Đơn vị chủ trì: …", "Cơ quan thực hiện: …"), the
 * cooperating units, who monitors; L_NONE for a label that names no unit ("Theo dõi thi hành"). */
static int label_kind(const ex_stmt *sm, long b, long e, long w)
{
	size_t s0 = strspn(sm->key, " -+");
	const char *kw = sm->key + w;
	if (!strncmp(kw, "thoi", 4))
		return (size_t)w == s0 ? L_DEADLINE : L_NONE;
	int unit = names_unit(sm, b, e), first = (size_t)w == s0;
	if (*kw == 'c')
		return unit || first ? L_LEAD : L_NONE;
	if (*kw == 'p')
		return unit || first ? L_COOP : L_NONE;
	if (!strncmp(kw, "theo", 4))
		return unit ? L_MONITOR : L_NONE;
	return unit ? L_LEAD : L_NONE; /* "thực hiện" */
}

/* 1 when statement sm ends a sentence or clause (its last character is '.', ';', ':' or '!'). */
int rs_ends_clause(const ex_stmt *sm)
{
	size_t e = sm->keylen;
	while (e > 0 && sm->key[e - 1] == ' ')
		e--;
	return e > 0 && strchr(".;:!", sm->key[e - 1]);
}


/* Start row cur at statement sm, key offset k (page, line, the task t when there is one). */
static void prose_begin(const ex_doc *ed, resp *cur, const ex_stmt *sm, size_t k, const prose_task *t)
{
	if (cur->page)
		return;
	int page, line;
	ex_locate(ed, sm, sm->kmap[k], NULL, &page, &line);
	cur->page = page;
	cur->line = line;
	cur->source = "prose";
	if (t->title) {
		snprintf(cur->task_id, sizeof cur->task_id, "%s", t->id);
		cur->task = sohoa_strdup(t->title);
	}
}

/* 1 when statement sm is only a heading number ("3.", "3.1.", "3 .") on its line: the task's title
 * is on the next line. */
int rs_number_alone(const ex_stmt *sm)
{
	size_t i = strspn(sm->key, " "), n = 0;
	while (i < sm->keylen && (isdigit((unsigned char)sm->key[i]) || sm->key[i] == '.' ||
				  (sm->key[i] == ' ' && sm->key[i + 1] == '.'))) /* "3 ." in text split into words */
		i++, n++;
	return n > 0 && isdigit((unsigned char)sm->key[strspn(sm->key, " ")]) && i + strspn(sm->key + i, " ") >= sm->keylen;
}

/* 1 when statement nx may go on with a task's title cut at the line end: no heading, bullet,
 * label or closing sentence, and short. */
static int title_goes_on(const ex_stmt *nx, sohoa_regex *lab)
{
	long g[8];
	return !nx->heading && !rs_starts_bullet(nx) && nx->len < 240 && !rs_ends_clause(nx) &&
	       ex_find(lab, nx, 0, g, 4) != 1;
}

/* Set t to the task of heading statement s (a task number alone on its line takes the next line as
 * its title; a title that does not end a clause goes on to a short next line, "5. Xây dựng Nghị
 * định của" / "Chính phủ"); returns the statement the title ends at. */
size_t rs_task_of(const ex_doc *ed, size_t s, sohoa_regex *lab, prose_task *t)
{
	const ex_stmt *sm = &ed->stmts[s];
	free(t->title);
	t->title = NULL;
	if (!sm->heading) { /* a number alone: the id under the enclosing Roman section, if any */
		size_t b = strspn(sm->key, " "), e = sm->keylen;
		while (e > b && strchr(" .", sm->key[e - 1]))
			e--;
		int root = (int)strcspn(sm->section, ".");
		if (strspn(sm->section, "IVXLC") < (size_t)root || root > 40)
			root = 0;
		snprintf(t->id, sizeof t->id, "%.*s%s%.*s", root, sm->section, root ? "." : "", (int)(e - b < 20 ? e - b : 20),
			 sm->key + b);
		if (s + 1 >= ed->nstmts || ed->stmts[s + 1].heading || rs_starts_bullet(&ed->stmts[s + 1]))
			return s;
		long g[8];
		if (lab && ex_find(lab, &ed->stmts[s + 1], 0, g, 4) == 1)
			return s;
		t->title = ex_clean(ed->stmts[s + 1].text, 0, ed->stmts[s + 1].len);
		return s + 1;
	}
	snprintf(t->id, sizeof t->id, "%s", sm->section);
	t->title = heading_title(sm, 0);
	if (!t->title || rs_ends_clause(sm) || s + 1 >= ed->nstmts || !title_goes_on(&ed->stmts[s + 1], lab))
		return s;
	char *more = ex_clean(ed->stmts[s + 1].text, 0, ed->stmts[s + 1].len);
	size_t n = strlen(t->title) + (more ? strlen(more) : 0) + 2;
	char *j = more ? malloc(n) : NULL;
	if (!j) {
		free(more);
		return s;
	}
	snprintf(j, n, "%s %s", t->title, more);
	free(more);
	free(t->title);
	t->title = j;
	return s + 1;
}

/* Lead and cooperating units of key [b, e) of sm: "Sở X chủ trì, phối hợp với Y …" gives X and Y;
 * a bullet naming a unit that does something ("+ Sở Xây dựng đăng tải …") gives that unit; else
 * the whole text is the lead when whole (a label's value). */
static void units_of(const ex_stmt *sm, size_t b, size_t e, int whole, resp *cur)
{
	for (size_t k = b; k < e; k++)
		if (ex_word_at(sm->key, e, k, "chu tri")) {
			size_t q = k;
			while (q > b && strchr(" ,", sm->key[q - 1]))
				q--;
			if (q > b) {
				char *l = ex_clean(sm->text, sm->kmap[b], sm->kmap[q]);
				join(&cur->lead, l);
				free(l);
			}
			char *c = rs_coop_in(sm, k, e);
			join(&cur->coop, c);
			free(c);
			return;
		}
	size_t ub, ue;
	if (!whole && rs_unit_sentence(sm, b, &ub, &ue)) {
		char *l = ex_clean(sm->text, sm->kmap[ub], sm->kmap[ue]);
		join(&cur->lead, l);
		free(l);
		char *c = rs_coop_in(sm, ue, e);
		join(&cur->coop, c);
		free(c);
	} else if (whole) {
		char *l = ex_clean(sm->text, sm->kmap[b], sm->kmap[e]);
		join(&cur->lead, l);
		free(l);
	}
}

/* A lead label's value v that goes on to say what the units do ("Sở X tiến hành rà soát …; các sở,
 * ngành rà soát …") becomes the units' names, one per clause that starts with a name ("Sở X"); a
 * list of names stays as it is. Takes v, returns the value to use. */
static char *value_units(char *v)
{
	ex_stmt w = {0};
	w.text = v;
	w.len = strlen(v);
	if (ex_key(w.text, w.len, &w.key, &w.keylen, &w.kmap) != 0)
		return v;
	char *names = NULL;
	for (size_t q = 0; q < w.keylen;) {
		size_t b, e, end = q;
		while (end < w.keylen && w.key[end] != ';')
			end++;
		if (rs_unit_sentence(&w, q, &b, &e)) {
			char *n = ex_clean(w.text, w.kmap[b], w.kmap[e]);
			join(&names, n);
			free(n);
		} else if (q == 0) {
			break; /* the value does not start with a unit given a task: a list of names */
		}
		q = end + (end < w.keylen);
	}
	free(w.key);
	free(w.kmap);
	if (!names)
		return v;
	free(v);
	return names;
}

/* Prose: labelled lines ("Phòng/đơn vị chủ trì: …", "… phối hợp: …", "Thời gian thực hiện: …")
 * grouped into rows: a new row at each task heading and when a lead comes after the cooperating
 * units or the deadline (the task's labels are done); several leads in a row share one. A lead label with no value ("Cơ quan thực hiện:") is followed by one bullet
 * per unit. The heading gives the task and its id. */
static sohoa_status prose_rows(sohoa_ctx *ctx, const ex_doc *ed, const rs_sink *sk)
{
	sohoa_regex *lab = ex_regex(ctx, label_re);
	if (!lab)
		return ctx->status;
	sohoa_status st = SOHOA_OK;
	resp cur = {0};
	prose_task task = {0};
	int unit_bullets = 0;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if ((sm->heading && !strchr("abcdefghđ", sm->id[0] ? sm->id[0] : '?')) || rs_number_alone(sm)) {
			st = rs_flush(ctx, sk, &cur, cur.lead || cur.coop || cur.monitor);
			s = rs_task_of(ed, s, lab, &task);
			unit_bullets = 0;
			continue;
		}
		long g[8];
		if (ex_find(lab, sm, 0, g, 4) != 1) {
			if (unit_bullets && rs_starts_bullet(sm)) {
				st = rs_flush(ctx, sk, &cur, cur.lead || cur.coop || cur.monitor);
				size_t b = strspn(sm->key, " -+*");
				prose_begin(ed, &cur, sm, b, &task);
				units_of(sm, b, sm->keylen, 0, &cur);
				char *d = rs_deadline_of(sm);
				join(&cur.deadline, d);
				free(d);
			} else {
				unit_bullets = 0;
			}
			continue;
		}
		unit_bullets = 0;
		int kind = label_kind(sm, g[2], g[3], g[4]);
		if (kind == L_NONE)
			continue;
		/* the value, with the lines that finish it (a unit name cut at a line end) */
		char *val = ex_clean(sm->text, sm->kmap[g[6]], sm->kmap[g[7]]);
		const ex_stmt *ls = sm;
		for (int more = 0; more < 2 && !rs_ends_clause(sm) && s + 1 < ed->nstmts; more++) {
			const ex_stmt *nx = &ed->stmts[s + 1];
			long g2[8];
			if (nx->heading || rs_starts_bullet(nx) || ex_find(lab, nx, 0, g2, 4) == 1 || !val)
				break;
			char *t = ex_clean(nx->text, 0, nx->len);
			size_t n = strlen(val) + (t ? strlen(t) : 0) + 2;
			char *j = malloc(n);
			if (j && t)
				snprintf(j, n, "%s %s", val, t);
			free(t);
			if (!j)
				break;
			free(val);
			val = j;
			sm = nx;
			s++;
		}
		if (val) {
			size_t l = strlen(val);
			while (l && strchr(".;", val[l - 1]))
				val[--l] = 0;
		}
		if (kind == L_DEADLINE) {
			if (cur.deadline)
				st = rs_flush(ctx, sk, &cur, cur.lead || cur.coop || cur.monitor);
			char iso[11];
			if (val && ex_parse_date(val, strlen(val), iso)) {
				free(val);
				val = sohoa_strdup(iso);
			}
			if (val && *val)
				cur.deadline = val;
			else
				free(val);
			continue;
		}
		if ((kind == L_LEAD && (cur.coop || cur.deadline)) || (kind == L_COOP && cur.coop && cur.deadline))
			st = rs_flush(ctx, sk, &cur, cur.lead || cur.coop || cur.monitor);
		prose_begin(ed, &cur, ls, (size_t)g[6], &task);
		if (kind == L_LEAD && val && *val)
			val = value_units(val);
		if (kind == L_LEAD && (!val || !*val))
			unit_bullets = 1;
		else if (kind == L_LEAD && ex_has_word(ls->key, (size_t)g[6], (size_t)g[7], "chu tri"))
			units_of(ls, (size_t)g[6], (size_t)g[7], 1, &cur);
		else
			join(kind == L_LEAD ? &cur.lead : kind == L_MONITOR ? &cur.monitor : &cur.coop, val);
		free(val);
	}
	sohoa_regex_free(lab);
	free(task.title);
	if (st == SOHOA_OK)
		return rs_flush(ctx, sk, &cur, cur.lead || cur.coop);
	rs_clear(&cur);
	return st;
}

/* Rows from labelled prose, then unit sections, then a table rebuilt from positions. */
/* The flattened tables are read first so that the prose and unit readers leave their cells alone;
 * their rows come last. */
static sohoa_status responsibilities(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	sohoa_buf flat = {0};
	rs_spans spans = {0};
	rs_sink sk = {out, ed->name, &spans};
	sohoa_status st = rs_flat_tables(ctx, ed, &flat, &spans);
	if (st == SOHOA_OK)
		st = prose_rows(ctx, ed, &sk);
	if (st == SOHOA_OK)
		st = rs_unit_rows(ctx, ed, &sk);
	if (st == SOHOA_OK)
		st = ex_table_rows(ctx, ed, out);
	if (st == SOHOA_OK && flat.len && sohoa_buf_append(out, flat.data, flat.len))
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	sohoa_buf_free(&flat);
	free(spans.v);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, responsibilities);
}

const sohoa_extractor ex_responsibilities = {"responsibilities", columns, run};

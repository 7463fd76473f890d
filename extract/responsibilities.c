/* responsibilities.csv: who does what by when. Three sources: labelled prose ("Phòng/đơn vị chủ
 * trì: …", "… phối hợp: …" under a task heading), unit sections ("III. TRÁCH NHIỆM …" / "IV. TỔ
 * CHỨC THỰC HIỆN" with one heading per unit and its bullets), and tables rebuilt from positions
 * (table.c). */
#include "extract-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "task_id", "task", "lead", "cooperating", "output", "deadline",
				      "budget", "page", "line", "source", NULL};

/* A labelled line: "<label with chủ trì or phối hợp>: <units>". */
static const char *const label_re = "^\\s*[-+]?\\s*([^:]{0,60}?\\b(chu tri|phoi hop|theo doi)\\b[^:]{0,40}):\\s*(\\S.*?)\\s*[.;]?\\s*$";
/* Section titles that hold one heading per unit. */
static const char *const unit_sections[] = {"trach nhiem", "to chuc thuc hien", "phan cong", NULL};
/* Statements that end a unit section (closing paragraph, recipients). */
static const char *const unit_stop[] = {"tren day", "tren co so", "noi nhan", "trong qua trinh", NULL};

typedef struct resp {
	char task_id[64];
	char *task, *lead, *coop, *output, *deadline, *budget, *monitor;
	int page, line;
	const char *source;
} resp;

static void resp_clear(resp *r)
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

/* Write r when it has what a row needs (have), and clear it either way. */
static sohoa_status resp_flush(sohoa_ctx *ctx, const char *docname, resp *r, int have, sohoa_buf *out)
{
	sohoa_status st = have ? resp_write(ctx, docname, r, out) : SOHOA_OK;
	resp_clear(r);
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

/* The deadline of a text: "trước ngày 15/12/2025" as an ISO date; NULL when none is certain. */
static char *deadline_of(const ex_stmt *st)
{
	const char *p = strstr(st->key, "truoc ngay");
	if (!p)
		p = strstr(st->key, "truoc");
	if (!p)
		return NULL;
	size_t b = st->kmap[(size_t)(p - st->key)];
	size_t e = b;
	/* the date right after */
	size_t k = (size_t)(p - st->key) + 5;
	while (k < st->keylen && !isdigit((unsigned char)st->key[k]) && k < (size_t)(p - st->key) + 16)
		k++;
	while (k < st->keylen && (isdigit((unsigned char)st->key[k]) || st->key[k] == '/'))
		k++;
	e = st->kmap[k];
	char iso[11];
	if (ex_parse_date(st->text + b, e - b, iso))
		return sohoa_strdup(iso);
	return NULL;
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

static int starts_bullet_key(const ex_stmt *st)
{
	size_t i = strspn(st->key, " ");
	return (st->key[i] == '-' || st->key[i] == '+' || st->key[i] == '*') && st->key[i + 1] == ' ';
}

static int has_word(const ex_stmt *st, size_t from, const char *const *words)
{
	for (size_t i = from; i < st->keylen; i++)
		for (int w = 0; words[w]; w++)
			if (ex_word_at(st->key, st->keylen, i, words[w]))
				return 1;
	return 0;
}

static int starts_with_word(const ex_stmt *st, const char *const *words)
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

/* Prose: labelled lines ("Phòng/đơn vị chủ trì: …", "… phối hợp: …") grouped into one row per task
 * heading, the heading giving the task and its id. */
static sohoa_status prose_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	sohoa_regex *lab = ex_regex(ctx, label_re);
	if (!lab)
		return ctx->status;
	sohoa_status st = SOHOA_OK;
	resp cur = {0};
	const ex_stmt *task_heading = NULL;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (sm->heading && !strchr("abcdefghđ", sm->id[0] ? sm->id[0] : '?')) {
			st = resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop || cur.monitor, out);
			task_heading = sm;
			continue;
		}
		long g[8];
		if (ex_find(lab, sm, 0, g, 4) != 1)
			continue;
		if (!names_unit(sm, g[2], g[3]) && ((size_t)g[4] != strspn(sm->key, " -+") || sm->key[g[4]] == 't'))
			continue;
		char *val = ex_clean(sm->text, sm->kmap[g[6]], sm->kmap[g[7]]);
		if (val) {
			size_t l = strlen(val);
			while (l && strchr(".;", val[l - 1]))
				val[--l] = 0;
		}
		int lead = sm->key[g[4]] == 'c', monitor = sm->key[g[4]] == 't';
		if (!cur.page) {
			int page, line;
			ex_locate(ed, sm, sm->kmap[g[6]], NULL, &page, &line);
			cur.page = page;
			cur.line = line;
			cur.source = "prose";
			if (task_heading) {
				snprintf(cur.task_id, sizeof cur.task_id, "%s", task_heading->section);
				cur.task = heading_title(task_heading, 0);
			}
		}
		join(lead ? &cur.lead : monitor ? &cur.monitor : &cur.coop, val);
		free(val);
	}
	sohoa_regex_free(lab);
	if (st == SOHOA_OK)
		return resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop, out);
	resp_clear(&cur);
	return st;
}

/* 1 when the unit heading at statement s lists its tasks as bullets (before the next heading). */
static int lists_bullets(const ex_doc *ed, size_t s)
{
	for (size_t k = s + 1; k < ed->nstmts && !ed->stmts[k].heading; k++)
		if (starts_bullet_key(&ed->stmts[k]))
			return 1;
	return 0;
}

/* Where a closing sentence or the recipients list ("Trên đây …", "Nơi nhận") run into statement sm
 * (reflowed text): the text offset to cut at, *stop set when there is one; else sm->len. */
static size_t stop_cut(const ex_stmt *sm, int *stop)
{
	size_t cut = sm->len;
	*stop = 0;
	for (int c = 0; unit_stop[c]; c++) {
		const char *p = sm->key;
		while ((p = strstr(p + 1, unit_stop[c])) != NULL) {
			size_t at = (size_t)(p - sm->key);
			size_t q = at;
			while (q > 0 && sm->key[q - 1] == ' ')
				q--;
			if (q > 0 && (sm->key[q - 1] == '.' || sm->key[q - 1] == ';') && sm->kmap[at] < cut) {
				cut = sm->kmap[at];
				*stop = 1;
			}
		}
	}
	return cut;
}

/* A line that goes on the open bullet task: its text t appended to the task, its deadline taken
 * when the task has none. */
static void continue_task(resp *cur, const ex_stmt *sm, const char *t)
{
	size_t n = strlen(cur->task) + strlen(t) + 2;
	char *j = malloc(n);
	if (j) {
		snprintf(j, n, "%s %s", cur->task, t);
		free(cur->task);
		cur->task = j;
	}
	char *d = deadline_of(sm);
	if (d && !cur->deadline)
		cur->deadline = d;
	else
		free(d);
}

/* A new task of unit heading `unit`, the nbul-th: text t (its bullet mark dropped), statement sm. */
static void start_task(const ex_doc *ed, resp *cur, const ex_stmt *unit, int nbul, const ex_stmt *sm, const char *t)
{
	snprintf(cur->task_id, sizeof cur->task_id, "%.48s-%d", unit->section, nbul);
	const char *p = t;
	if ((*p == '-' || *p == '+' || *p == '*') && p[1] == ' ')
		p += 2;
	cur->task = sohoa_strdup(p);
	cur->lead = heading_title(unit, 1);
	cur->deadline = deadline_of(sm);
	int page, line;
	ex_locate(ed, sm, 0, NULL, &page, &line);
	cur->page = page;
	cur->line = line;
	cur->source = "unit";
}

/* Unit sections: under a top heading such as "III. TRÁCH NHIỆM …", each unit heading ("2) Sở Nội
 * vụ") leads the tasks below it, one row per bullet (or per paragraph in reflowed text), until a
 * closing statement. */
static sohoa_status unit_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	const sohoa_text *text = ed->text;
	sohoa_status st = SOHOA_OK;
	int reflowed = 0;
	for (size_t i = 0; i < text->nlines && !reflowed; i++)
		reflowed = text->lines[i].line_end > text->lines[i].line || text->lines[i].page_end > text->lines[i].page;
	resp cur = {0};
	int in_units = 0, stopped = 0;
	const ex_stmt *unit = NULL;
	int nbul = 0, unit_has_bullets = 0, cur_bullet = 0;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (sm->heading && sm->level == 1 && !strchr(sm->section, '.')) {
			in_units = has_word(sm, sm->title_key, unit_sections);
			unit = NULL;
			continue;
		}
		if (!in_units)
			continue;
		if (sm->heading && !strchr("abcdefghđ", sm->id[0])) {
			st = resp_flush(ctx, ed->name, &cur, cur.task != NULL, out);
			unit = sm;
			nbul = 0;
			stopped = 0;
			unit_has_bullets = lists_bullets(ed, s);
			continue;
		}
		if (!unit || stopped)
			continue;
		if (starts_with_word(sm, unit_stop)) {
			st = resp_flush(ctx, ed->name, &cur, cur.task != NULL, out);
			stopped = 1;
			continue;
		}
		if (!strncmp(sm->key + strspn(sm->key, " "), "http", 4) || !strncmp(sm->key + strspn(sm->key, " "), "www.", 4))
			continue; /* a web address (footnote) */
		int bullet = starts_bullet_key(sm), stop_after;
		size_t cut = stop_cut(sm, &stop_after);
		char *t = ex_clean(sm->text, 0, cut);
		if (!t)
			break;
		/* in reflowed text a line is a paragraph: a new line without a bullet is a new task */
		int new_para = reflowed && sm->starts[0] == 0 && sm->first > 0 && (ed->stmts[s - 1].last < sm->first);
		if (unit_has_bullets && !bullet && cur.task && cur_bullet && !new_para) {
			continue_task(&cur, sm, t);
		} else {
			st = resp_flush(ctx, ed->name, &cur, cur.task != NULL, out);
			start_task(ed, &cur, unit, ++nbul, sm, t);
			cur_bullet = bullet;
		}
		free(t);
		stopped = stop_after;
	}
	if (st == SOHOA_OK)
		return resp_flush(ctx, ed->name, &cur, cur.task != NULL, out);
	resp_clear(&cur);
	return st;
}

/* Rows from labelled prose, then unit sections, then a table rebuilt from positions. */
static sohoa_status responsibilities(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	sohoa_status st = prose_rows(ctx, ed, out);
	if (st == SOHOA_OK)
		st = unit_rows(ctx, ed, out);
	return st == SOHOA_OK ? ex_table_rows(ctx, ed, out) : st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, responsibilities);
}

const sohoa_extractor ex_responsibilities = {"responsibilities", columns, run};

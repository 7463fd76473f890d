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
static const char *const label_re =
	"^\\s*[-+]?\\s*([^:]{0,60}?\\b(chu tri|phoi hop|theo doi|thuc hien|thoi gian|thoi han)\\b[^:]{0,40}):\\s*(.*?)\\s*[.;]?\\s*$";
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

/* A month or quarter after "trong"/"trước"/"xong"/"cuối" in st ("trong tháng 11 năm 2025", "trước
 * quý II/2025"), as written; NULL when none names its year. */
static char *period_of(const ex_stmt *st)
{
	static const char *const before[] = {"trong", "truoc", "xong", "cuoi", NULL};
	static const char *const unit[] = {"thang", "quy", NULL};
	const char *key = st->key;
	for (size_t k = 0; k < st->keylen; k++) {
		size_t w = 0;
		for (int i = 0; before[i] && !w; i++)
			if (ex_word_at(key, st->keylen, k, before[i]))
				w = strlen(before[i]);
		if (!w)
			continue;
		size_t u = ex_skip_sp(key, k + w, st->keylen);
		if (!ex_starts_any(key, st->keylen, u, unit))
			continue;
		size_t e = u;
		while (e < st->keylen && isalpha((unsigned char)key[e]))
			e++;
		/* the number and what follows it: "11 năm 2025", "II/2025", "12/2025", "2025" */
		int year = 0;
		for (int part = 0; part < 3; part++) {
			size_t q = ex_skip_sp(key, e, st->keylen);
			if (part == 1 && ex_word_at(key, st->keylen, q, "nam"))
				q = ex_skip_sp(key, q + 3, st->keylen);
			else if (part == 1 && key[q] == '/')
				q++;
			else if (part > 0)
				break;
			size_t n = q;
			while (n < st->keylen && (isdigit((unsigned char)key[n]) || strchr("ivx", key[n])))
				n++;
			if (n == q || (n < st->keylen && isalpha((unsigned char)key[n])))
				break;
			year |= n - q == 4 && isdigit((unsigned char)key[q]);
			e = n;
		}
		if (year)
			return ex_clean(st->text, st->kmap[u], st->kmap[e]);
	}
	return NULL;
}

/* The deadline of a text: "trước ngày 15/12/2025" as an ISO date, else a month or
 * quarter (period_of); NULL when none is certain. */
static char *deadline_of(const ex_stmt *st)
{
	const char *p = strstr(st->key, "truoc ngay");
	if (!p)
		p = strstr(st->key, "truoc");
	if (!p)
		return period_of(st);
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
	return period_of(st);
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

/* 1 when the letter at text offset off is a capital (ASCII, Latin-1, Đ Ă Ĩ Ũ Ơ Ư, and the even code
 * points of U+1EA0..U+1EF9, the Vietnamese capitals with a tone). */
static int upper_at(const ex_stmt *st, size_t k)
{
	const unsigned char *t = (const unsigned char *)st->text + st->kmap[k];
	unsigned cp = t[0];
	if (cp < 0x80)
		return isupper((int)cp) != 0;
	if ((cp & 0xe0) == 0xc0)
		cp = ((cp & 0x1fu) << 6) | (t[1] & 0x3fu);
	else if ((cp & 0xf0) == 0xe0)
		cp = ((cp & 0x0fu) << 12) | ((t[1] & 0x3fu) << 6) | (t[2] & 0x3fu);
	else
		return 0;
	if (cp >= 0xc0 && cp <= 0xdd)
		return 1;
	if (cp == 0x110 || cp == 0x102 || cp == 0x128 || cp == 0x168 || cp == 0x1a0 || cp == 0x1af)
		return 1;
	return cp >= 0x1ea0 && cp <= 0x1ef9 && cp % 2 == 0;
}

/* Words that start a unit's name ("Sở Y tế", "Các Bộ", "UBND các xã"). */
static const char *const unit_first[] = {"so", "bo", "cac", "ubnd", "uy ban", "ban", "van phong", "cong an",
					 "thu truong", "nguoi dung dau", "bao", "dai", "trung tam", "hoi", "lien doan",
					 "doan", "tinh doan", "ngan hang", "chi cuc", "cuc", "kho bac", "toa an",
					 "vien", "hoi dong", "mat tran", "bo chi huy", "phong", "don vi", "co quan",
					 "truong", NULL};
/* Words, in lower case, that end a unit's name in a sentence: what the unit is asked to do ("Sở
 * Tài chính chủ trì", "… thực hiện", "… theo chức năng"). */
static const char *const unit_end_words[] = {
	"chu tri", "phoi hop", "theo", "thuc hien", "trien khai", "tuyen truyen", "thong nhat", "huong dan",
	"bo tri", "nghien cuu", "tham muu", "ra soat", "xay dung", "kiem tra", "bao cao", "de xuat", "tong hop",
	"xu ly", "don doc", "hoan thanh", "ban hanh", "cap nhat", "dam bao", "bao dam", "tien hanh", "tham dinh",
	"van dong", "chi dao", "tang cuong", "kien toan", "day manh", "phat dong", "xem xet", "giai quyet",
	"trinh", "lap", "de", "nham", "trong", "co trach nhiem", "chiu trach nhiem", "khan truong", "chu dong",
	"tiep tuc", "uu tien", "can cu", "duy tri", "tham gia", "quan tam", "tich cuc", NULL};

/* Where the unit name starting at key offset kb ends (before ke): before the first lower-case
 * word of unit_end_words, after "liên quan", at '.', ';' or ':'; a parenthesis is kept when paren
 * (else the name ends before it). Trailing spaces and commas are left out. */
static size_t unit_end(const ex_stmt *st, size_t kb, size_t ke, int paren)
{
	const char *key = st->key;
	size_t k = kb;
	int depth = 0;
	for (; k < ke; k++) {
		char c = key[k];
		if (c == '(') {
			if (!paren)
				break;
			depth++;
		} else if (c == ')') {
			depth -= depth > 0;
		} else if (depth) {
			continue;
		} else if (c == '.' || c == ';' || c == ':') {
			break;
		} else if (k > kb && isalnum((unsigned char)c) && !isalnum((unsigned char)key[k - 1])) {
			if (ex_word_at(key, ke, k, "lien quan")) {
				k += 9;
				break;
			}
			if (!upper_at(st, k) && ex_starts_any(key, ke, k, unit_end_words))
				break;
		}
	}
	while (k > kb && (key[k - 1] == ' ' || key[k - 1] == ','))
		k--;
	return k;
}

/* Key offset past a request word that may open a unit ("Giao Sở X", "Đề nghị Ủy ban …"). */
static size_t skip_request(const ex_stmt *st, size_t k)
{
	k = ex_skip_sp(st->key, k, st->keylen);
	if (ex_word_at(st->key, st->keylen, k, "giao"))
		return ex_skip_sp(st->key, k + 4, st->keylen);
	if (ex_word_at(st->key, st->keylen, k, "de nghi"))
		return ex_skip_sp(st->key, k + 7, st->keylen);
	return k;
}

/* The units asked to cooperate in key [kb, ke): after "phối hợp với" (or "phối hợp" and a
 * capitalized name or "các"), up to what they do. NULL when none. */
static char *coop_in(const ex_stmt *st, size_t kb, size_t ke)
{
	for (size_t k = kb; k < ke; k++) {
		if (!ex_word_at(st->key, ke, k, "phoi hop"))
			continue;
		size_t u = ex_skip_sp(st->key, k + 8, ke);
		if (ex_word_at(st->key, ke, u, "chat che"))
			u = ex_skip_sp(st->key, u + 8, ke);
		if (ex_word_at(st->key, ke, u, "voi"))
			u = ex_skip_sp(st->key, u + 3, ke);
		else if (u >= ke || !(upper_at(st, u) || ex_word_at(st->key, ke, u, "cac")))
			continue;
		if (u >= ke || !isalnum((unsigned char)st->key[u]))
			continue;
		size_t e = unit_end(st, u, ke, 1);
		if (e > u)
			return ex_clean(st->text, st->kmap[u], st->kmap[e]);
	}
	return NULL;
}

/* A unit named at key offset k (after "Giao"/"Đề nghị") that is asked to do something: its name's
 * end in *e (the rest of the statement says what). 0 when k does not start a unit's name or the
 * name takes the whole rest. */
static int unit_sentence(const ex_stmt *st, size_t k, size_t *b, size_t *e)
{
	k = skip_request(st, k);
	if (k >= st->keylen || !upper_at(st, k) || !ex_starts_any(st->key, st->keylen, k, unit_first))
		return 0;
	*b = k;
	*e = unit_end(st, k, st->keylen, 0);
	size_t r = ex_skip_sp(st->key, *e, st->keylen);
	return *e > k && ex_words_in(st->key, *e, st->keylen) >= 3 && ex_words_in(st->key, k, *e) <= 30 &&
	       isalpha((unsigned char)st->key[r]);
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
static int ends_clause(const ex_stmt *sm)
{
	size_t e = sm->keylen;
	while (e > 0 && sm->key[e - 1] == ' ')
		e--;
	return e > 0 && strchr(".;:!", sm->key[e - 1]);
}

/* Start row cur at statement sm, key offset k (page, line, the task from the heading). */
static void prose_begin(const ex_doc *ed, resp *cur, const ex_stmt *sm, size_t k, const ex_stmt *task_heading)
{
	if (cur->page)
		return;
	int page, line;
	ex_locate(ed, sm, sm->kmap[k], NULL, &page, &line);
	cur->page = page;
	cur->line = line;
	cur->source = "prose";
	if (task_heading) {
		snprintf(cur->task_id, sizeof cur->task_id, "%s", task_heading->section);
		cur->task = heading_title(task_heading, 0);
	}
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
			char *c = coop_in(sm, k, e);
			join(&cur->coop, c);
			free(c);
			return;
		}
	size_t ub, ue;
	if (!whole && unit_sentence(sm, b, &ub, &ue)) {
		char *l = ex_clean(sm->text, sm->kmap[ub], sm->kmap[ue]);
		join(&cur->lead, l);
		free(l);
		char *c = coop_in(sm, ue, e);
		join(&cur->coop, c);
		free(c);
	} else if (whole) {
		char *l = ex_clean(sm->text, sm->kmap[b], sm->kmap[e]);
		join(&cur->lead, l);
		free(l);
	}
}

/* Prose: labelled lines ("Phòng/đơn vị chủ trì: …", "… phối hợp: …", "Thời gian thực hiện: …")
 * grouped into rows: a new row at each task heading and when a lead comes after the cooperating
 * units or the deadline (the task's labels are done); several leads in a row share one. A lead label with no value ("Cơ quan thực hiện:") is followed by one bullet
 * per unit. The heading gives the task and its id. */
static sohoa_status prose_rows(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	sohoa_regex *lab = ex_regex(ctx, label_re);
	if (!lab)
		return ctx->status;
	sohoa_status st = SOHOA_OK;
	resp cur = {0};
	const ex_stmt *task_heading = NULL;
	int unit_bullets = 0;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (sm->heading && !strchr("abcdefghđ", sm->id[0] ? sm->id[0] : '?')) {
			st = resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop || cur.monitor, out);
			task_heading = sm;
			unit_bullets = 0;
			continue;
		}
		long g[8];
		if (ex_find(lab, sm, 0, g, 4) != 1) {
			if (unit_bullets && starts_bullet_key(sm)) {
				st = resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop || cur.monitor, out);
				size_t b = strspn(sm->key, " -+*");
				prose_begin(ed, &cur, sm, b, task_heading);
				units_of(sm, b, sm->keylen, 0, &cur);
				char *d = deadline_of(sm);
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
		for (int more = 0; more < 2 && !ends_clause(sm) && s + 1 < ed->nstmts; more++) {
			const ex_stmt *nx = &ed->stmts[s + 1];
			long g2[8];
			if (nx->heading || starts_bullet_key(nx) || ex_find(lab, nx, 0, g2, 4) == 1 || !val)
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
				st = resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop || cur.monitor, out);
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
			st = resp_flush(ctx, ed->name, &cur, cur.lead || cur.coop || cur.monitor, out);
		prose_begin(ed, &cur, ls, (size_t)g[6], task_heading);
		if (kind == L_LEAD && (!val || !*val))
			unit_bullets = 1;
		else if (kind == L_LEAD && ex_has_word(ls->key, (size_t)g[6], (size_t)g[7], "chu tri"))
			units_of(ls, (size_t)g[6], (size_t)g[7], 1, &cur);
		else
			join(kind == L_LEAD ? &cur.lead : kind == L_MONITOR ? &cur.monitor : &cur.coop, val);
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

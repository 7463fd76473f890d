/* responsibilities-table: task tables that reach us flattened, one cell per paragraph (cells apart
 * by blank lines, a wrapped cell's lines together) or one cell per line: the header cells ("STT",
 * "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm", …) one
 * after another, then the rows, each opened by its number cell. */
#include "responsibilities-int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"

enum { K_NONE, K_ID, K_TASK, K_LEAD, K_COOP, K_DEADLINE, K_OUTPUT, K_BUDGET, K_NOTE, K_COUNT };
enum { MAXCOLS = 12 };

/* One cell: a paragraph (para mode) or a line (line mode), its key, where it starts, and the
 * blank lines before it. */
typedef struct fcell {
	char *text, *key;
	size_t keylen;
	int page, line, line_end; /* line_end: its last line, on page */
	int blanks;
	int words;
} fcell;

typedef struct fcells {
	fcell *v;
	size_t n, cap;
} fcells;

/* A source line: text (borrowed), where it is, 1 when blank. */
typedef struct fline {
	const char *text;
	int page, line, blank;
} fline;

static void cells_free(fcells *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->v[i].text);
		free(cs->v[i].key);
	}
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

static int blank_text(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* 1 when s starts with a lowercase letter (a wrapped line going on): ASCII or a multibyte letter
 * whose key is lowercase and whose text is not a capital. */
static int starts_lower(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	size_t n = 1, low = 0;
	while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return sohoa_letters(s, n, &low) == 1 && low == 1;
}

static size_t count_words(const char *key, size_t n)
{
	return ex_words_in(key, 0, n);
}

/* Close the cell gathered in b (if any) into cs. */
static sohoa_status cell_close(sohoa_ctx *ctx, fcells *cs, sohoa_buf *b, int page, int line, int line_end,
			       int blanks)
{
	if (!b->len)
		return SOHOA_OK;
	char *t = ex_clean(b->data, 0, b->len);
	sohoa_buf_free(b);
	if (!t || SOHOA_GROW(cs->v, cs->n + 1, cs->cap)) {
		free(t);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	fcell *c = &cs->v[cs->n];
	memset(c, 0, sizeof *c);
	c->text = t;
	size_t *km = NULL;
	if (ex_key(t, strlen(t), &c->key, &c->keylen, &km)) {
		free(t);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	free(km);
	c->page = page;
	c->line = line;
	c->line_end = line_end;
	c->blanks = blanks;
	c->words = (int)count_words(c->key, c->keylen);
	cs->n++;
	return SOHOA_OK;
}

/* The cells of lines: by_line 0 makes a cell of each run of non-blank lines; by_line 1 a cell of
 * each line, a line starting in lowercase going on with the cell above. */
static sohoa_status cells_of(sohoa_ctx *ctx, const fline *ls, size_t n, int by_line, fcells *cs)
{
	sohoa_buf b = {0};
	int page = 0, line = 0, end = 0, blanks = 0, pending = 0;
	sohoa_status st = SOHOA_OK;
	for (size_t i = 0; i < n && st == SOHOA_OK; i++) {
		if (ls[i].blank) {
			st = cell_close(ctx, cs, &b, page, line, end, pending);
			if (b.len == 0 && st == SOHOA_OK) {
				if (page)
					blanks++;
			}
			continue;
		}
		int join = b.len && (!by_line || starts_lower(ls[i].text));
		if (!join) {
			st = cell_close(ctx, cs, &b, page, line, end, pending);
			page = ls[i].page;
			line = ls[i].line;
			pending = blanks;
			blanks = 0;
		}
		end = ls[i].line;
		if (st == SOHOA_OK && ((b.len && sohoa_buf_append(&b, " ", 1)) || sohoa_buf_puts(&b, ls[i].text)))
			st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	if (st == SOHOA_OK)
		st = cell_close(ctx, cs, &b, page, line, end, pending);
	sohoa_buf_free(&b);
	return st;
}

static int has(const fcell *c, const char *w)
{
	return ex_has_word(c->key, 0, c->keylen, w);
}

static int key_is(const fcell *c, const char *w)
{
	size_t b = 0, e = c->keylen;
	ex_trim(c->key, &b, &e, ".:");
	return e - b == strlen(w) && !strncmp(c->key + b, w, e - b);
}

/* The column a header cell names, K_NONE when it names none or several. A header cell is short
 * and is not a sentence. */
static int header_kind(const fcell *c)
{
	if (c->words == 0 || c->words > 9 || strchr(c->text, ':'))
		return K_NONE;
	if (key_is(c, "stt") || key_is(c, "tt") || key_is(c, "so tt") || key_is(c, "so thu tu"))
		return K_ID;
	static const struct {
		const char *w;
		int kind;
	} words[] = {
		{"chu tri", K_LEAD},     {"phoi hop", K_COOP},       {"thoi gian", K_DEADLINE}, {"thoi han", K_DEADLINE},
		{"tien do", K_DEADLINE}, {"kinh phi", K_BUDGET},     {"nguon von", K_BUDGET},   {"ghi chu", K_NOTE},
		{"san pham", K_OUTPUT},  {"ket qua", K_OUTPUT},      {"hinh thuc", K_OUTPUT},   {"nhiem vu", K_TASK},
		{"noi dung", K_TASK},    {"chi tieu", K_TASK},       {"cong viec", K_TASK},     {"hoat dong", K_TASK},
		{"giai phap", K_TASK},   {"de an", K_TASK},
	};
	int kind = K_NONE;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (has(c, words[i].w)) {
			if (kind != K_NONE && kind != words[i].kind)
				return K_NONE; /* two headers run together ("HOÀN THÀNH CHỦ TRÌ PHỐI HỢP") */
			kind = words[i].kind;
		}
	if (kind != K_NONE)
		return kind;
	/* "Cơ quan thực hiện", "Đơn vị thực hiện": the unit that does the task */
	if ((has(c, "co quan") || has(c, "don vi")) && (has(c, "thuc hien") || has(c, "trach nhiem")))
		return K_LEAD;
	return K_NONE;
}

/* The number of a row: "1", "2.", "1.2", "II", "III.", "A" standing alone, or a group's
 * numeral before its title ("II. HOÀN THIỆN …"). *roman is set for Roman numerals and letters
 * (groups); *num gets an Arabic number's first part. Returns the id's length in text, 0 if the
 * cell does not open a row. */
static size_t row_id(const fcell *c, int *roman, int *num, int *alone)
{
	const char *s = c->text;
	size_t k = 0;
	*roman = 0;
	*num = -1;
	if (isdigit((unsigned char)s[0])) {
		*num = atoi(s);
		while (isdigit((unsigned char)s[k]) || (s[k] == '.' && isdigit((unsigned char)s[k + 1])))
			k++;
		if (k > 8)
			return 0;
	} else if (strchr("IVXLC", s[0])) {
		while (s[k] && strchr("IVXLC", s[k]))
			k++;
		*roman = 1;
	} else if (s[0] >= 'A' && s[0] <= 'Z') {
		k = 1;
		*roman = 1;
	} else {
		return 0;
	}
	size_t idlen = k;
	if (s[k] == '.' || s[k] == ')')
		k++;
	*alone = s[k] == 0;
	if (*alone)
		return idlen;
	/* a group's title after its numeral: a Roman numeral or letter, then a space */
	if (*roman && k > idlen && s[k] == ' ')
		return idlen;
	if (*roman && idlen > 1 && s[k] == ' ')
		return idlen;
	return 0;
}

/* A header: three cells or more that name columns, one of them the lead unit's, apart by at most
 * two blank lines (by_line: by none). A header opened by "STT" runs to the first row's number
 * cell, a short cell naming no column (or one named before) being a column kept aside; any other
 * header ends at its first cell naming no column anew. Returns the column count, 0 if none. */
static int header_at(const fcells *cs, size_t i, int by_line, int *kinds)
{
	int n = 0, seen[K_COUNT] = {0}, numbered = header_kind(&cs->v[i]) == K_ID, closed = !numbered;
	for (size_t j = i; j < cs->n && n < MAXCOLS; j++) {
		const fcell *c = &cs->v[j];
		int roman, num, alone;
		if (numbered && j > i && row_id(c, &roman, &num, &alone)) {
			closed = 1;
			break;
		}
		if (j > i && (by_line ? c->blanks != 0 : c->blanks > 2))
			break;
		int k = header_kind(c);
		if (k == K_NONE || seen[k] || (k == K_ID && j > i)) {
			if (!numbered || k == K_ID || c->words == 0 || c->words > 9 || strchr(c->text, ':'))
				break;
			k = K_NONE;
		}
		seen[k] = 1;
		kinds[n++] = k;
	}
	if (!closed || n < 3 || !seen[K_LEAD])
		return 0;
	return n;
}

/* 1 when the cell names when the task is due. */
static int deadline_like(const fcell *c)
{
	if (c->words > 30)
		return 0;
	static const char *const w[] = {"quy", "thang", "nam", "thuong xuyen", "hang nam", "hang quy", "hang thang",
					"dinh ky", "truoc ngay", "giai doan", "lien tuc", "tuan", "ngay", NULL};
	if (ex_has_any(c->key, 0, c->keylen, w))
		return 1;
	for (size_t i = 0; i + 4 <= c->keylen; i++)
		if (c->key[i] == '2' && c->key[i + 1] == '0' && isdigit((unsigned char)c->key[i + 2]) &&
		    isdigit((unsigned char)c->key[i + 3]))
			return 1;
	return 0;
}

int rs_names_unit(const char *key, size_t n)
{
	static const char *const w[] = {
		"so",        "bo",         "uy ban",     "ubnd",      "ban",       "van phong",  "cong an",    "bo chi huy",
		"cuc",       "chi cuc",    "phong",      "trung tam", "thanh tra", "dai",        "bao",        "hoi",
		"doan",      "lien doan",  "mat tran",   "tinh doan", "thanh doan", "kho bac",   "ngan hang",  "bao hiem",
		"toa an",    "vien",       "co quan",    "don vi",    "tap doan",  "tong cong ty", "cong ty",  "truong",
		"hoc vien",  "dai hoc",    "chinh phu",  "thu tuong", "hdnd",      "hoi dong",   "tinh uy",    "thanh uy",
		"dang uy",   "bo tu lenh", "ubmttq",     "bhxh",      "kbnn",      "nhnn",       "bch",        "ubmt",
		"vp",        "tct",        "lien minh",  "quan khu",  "tong cuc",  "trung uong", "lien hiep", "chu tich",   "bo truong", "thu truong",
		"hiep hoi",  "thue",       "chi nhanh",  "nguoi dung dau", "giam doc", "doanh nghiep", "dien luc", "buu dien",
		"bi thu",    "pho thu tuong", "chanh van phong", NULL};
	/* what "Các" names a unit by ("Các sở, ngành", "Các địa phương"), besides the words above */
	static const char *const many[] = {"nganh", "dia phuong", "doanh nghiep", "xa", "phuong", "huyen", "tinh",
					   "to chuc", "hiep hoi", "chu dau tu", "thanh vien", "co so", NULL};
	size_t k = 0;
	while (k < n && strchr("-+* ", key[k]))
		k++;
	if (ex_word_at(key, n, k, "truong hop")) /* "Trường hợp …" (in case) names no school */
		return 0;
	if (ex_word_at(key, n, k, "cac")) {
		k = ex_skip_sp(key, k + 3, n);
		return ex_starts_any(key, n, k, w) || ex_starts_any(key, n, k, many);
	}
	return ex_starts_any(key, n, k, w);
}

/* 1 when the cell starts with a unit's name ("Sở …", "Các sở, ngành …", "UBND …"). */
static int unit_like(const fcell *c)
{
	return c->words <= 40 && rs_names_unit(c->key, c->keylen);
}

/* 1 when the cell is a line of dots ("….........."): rows left out of a shortened table, which goes
 * on after it (its numbering may start again). A single "…" or "-" is an empty cell. */
static int elision(const fcell *c)
{
	size_t n = 0;
	for (const char *p = c->text; *p; p++) {
		if (*p == '.')
			n++;
		else if (!strncmp(p, "\xE2\x80\xA6", 3))
			n += 3, p += 2;
		else if (*p != ' ')
			return 0;
	}
	return n >= 5;
}

/* 1 when the cell ends the table: the recipients, an appendix title, a signature block ("TM. ỦY
 * BAN NHÂN DÂN", "KT. CHỦ TỊCH"). */
static int ends_table(const fcell *c)
{
	static const char *const w[] = {"noi nhan", "phu luc", NULL}, *const sign[] = {"tm", "kt", NULL};
	return ex_starts_any(c->key, c->keylen, 0, w) || (c->words <= 12 && ex_starts_any(c->key, c->keylen, 0, sign) &&
							    sohoa_caps(c->text, strlen(c->text)));
}

/* The unit's name in a lead cell that goes on to say what the unit does ("Sở Khoa học và Công nghệ
 * thúc đẩy, theo dõi …", "Sở X chủ trì hướng dẫn …"), as a new string; NULL when the cell is only
 * names (or out of memory). */
static char *lead_name(const char *text)
{
	static const char *const does[] = {"chu tri", "thuc hien", "phoi hop", "theo doi", "thuc day", "huong dan",
					   "tong hop", "bao cao", "voi", NULL};
	ex_stmt st = {0};
	st.text = (char *)text;
	st.len = strlen(text);
	if (ex_key(text, st.len, &st.key, &st.keylen, &st.kmap))
		return NULL;
	char *name = NULL;
	size_t b = 0;
	while (b < st.keylen && strchr("-+* ", st.key[b]))
		b++;
	size_t e = rs_unit_end(&st, b, st.keylen, 1), after = ex_skip_sp(st.key, e, st.keylen);
	/* not a name that says how the units are chosen ("Các đơn vị được giao thực hiện …") */
	if (e > b && after < st.keylen && ex_starts_any(st.key, st.keylen, after, does) && !rs_upper_at(&st, after) &&
	    !ex_has_word(st.key, b, e, "duoc"))
		name = ex_clean(text, st.kmap[b], st.kmap[e]);
	free(st.key);
	free(st.kmap);
	return name;
}

typedef struct ftable {
	const ex_doc *ed;
	const fcells *cs;
	int kinds[MAXCOLS];
	int ncol, idcol, base; /* columns, the number column (-1: none), blank lines between cells */
	char *prev_lead, *prev_task; /* of the row above */
	int rows;                    /* rows written */
} ftable;

/* Write the row of cells [b, e) (after its number cell id) to out. Columns before the lead's go
 * to the task's (wrapped paragraphs join it), the lead is the first cell naming a unit, the cells
 * after it fill the columns after the lead's in order, skipping a column that cannot hold the
 * cell (a date is no cooperating unit) and the columns extra blank lines say are empty. A row
 * without a lead cell repeats the lead above (a merged cell) when it is short of cells. cont: the
 * cells go on a row whose task spans them (a merged cell), from its lead on. *has_lead says
 * whether the row had a lead. */
static sohoa_status write_row(sohoa_ctx *ctx, ftable *t, const fcell *id, size_t b, size_t e, int cont,
			      sohoa_buf *out, int *has_lead)
{
	*has_lead = 0;
	const fcells *cs = t->cs;
	int cols[MAXCOLS], nc = 0, lead_at = -1;
	for (int c = 0; c < t->ncol; c++)
		if (c != t->idcol) {
			if (t->kinds[c] == K_LEAD)
				lead_at = nc;
			cols[nc++] = t->kinds[c];
		}
	sohoa_buf val[K_COUNT] = {{0}};
	size_t m = e - b, p = (size_t)-1;
	if (cont)
		p = m && unit_like(&cs->v[b]) ? 0 : (size_t)-1;
	else if (lead_at >= 0 && (size_t)lead_at < m && ((m == (size_t)nc && t->idcol >= 0) || unit_like(&cs->v[b + lead_at])))
		p = (size_t)lead_at;
	else
		for (size_t k = lead_at > 0 ? 1 : 0; k < m; k++)
			if (unit_like(&cs->v[b + k])) {
				p = k;
				break;
			}
	const char *inherited = NULL;
	if (p == (size_t)-1) {
		if (!cont && t->prev_lead && m >= 2 && m < (size_t)nc) {
			inherited = t->prev_lead;
			p = (size_t)lead_at; /* the cells from here go after the lead */
		} else {
			return SOHOA_OK;
		}
	}
	/* before the lead: one cell per column, the rest joined to the first of them (the task) */
	size_t before = p;
	size_t extra = before > (size_t)lead_at ? before - (size_t)lead_at : 0;
	for (size_t k = 0; k < before && lead_at > 0; k++) {
		size_t c = k <= extra ? 0 : k - extra;
		sohoa_buf *v = &val[cols[c]];
		if ((v->len && sohoa_buf_append(v, " ", 1)) || sohoa_buf_puts(v, cs->v[b + k].text))
			goto nomem;
	}
	if (cont && t->prev_task && sohoa_buf_puts(&val[K_TASK], t->prev_task))
		goto nomem;
	if (inherited) {
		if (sohoa_buf_puts(&val[K_LEAD], inherited))
			goto nomem;
	} else {
		if (sohoa_buf_puts(&val[K_LEAD], cs->v[b + p].text))
			goto nomem;
		p++;
	}
	int c = lead_at + 1;
	for (size_t k = p; k < m; k++) {
		const fcell *v = &cs->v[b + k];
		if (k > p && t->base >= 0 && v->blanks > t->base)
			c += v->blanks - t->base;
		while (c < nc - 1) {
			int skip = 0;
			if (cols[c] == K_COOP && deadline_like(v) && !unit_like(v))
				skip = 1;
			if (cols[c] == K_DEADLINE && !deadline_like(v) && m - k <= (size_t)(nc - c - 1))
				skip = 1;
			if (!skip)
				break;
			c++;
		}
		int kind = cols[c < nc ? c : nc - 1];
		if (kind == K_LEAD || kind == K_NONE)
			kind = K_NOTE;
		sohoa_buf *bv = &val[kind];
		if ((bv->len && sohoa_buf_append(bv, " ", 1)) || sohoa_buf_puts(bv, v->text))
			goto nomem;
		c++;
	}
	sohoa_status st = SOHOA_OK;
	*has_lead = val[K_LEAD].len > 0;
	if (val[K_LEAD].len) {
		free(t->prev_lead);
		t->prev_lead = sohoa_strdup(val[K_LEAD].data);
	}
	if (val[K_TASK].len && !cont) {
		free(t->prev_task);
		t->prev_task = sohoa_strdup(val[K_TASK].data);
	}
	if (val[K_LEAD].len && val[K_TASK].len) {
		char tid[32] = "", iso[11] = "";
		snprintf(tid, sizeof tid, "%s", id ? id->text : "");
		size_t n = strlen(tid);
		while (n && (tid[n - 1] == '.' || tid[n - 1] == ')'))
			tid[--n] = 0;
		const char *deadline = val[K_DEADLINE].data;
		char *name = lead_name(val[K_LEAD].data);
		if (deadline && ex_parse_date(deadline, strlen(deadline), iso))
			deadline = iso;
		const fcell *at = id ? id : &cs->v[b];
		ex_row row;
		ex_row_begin(&row, out);
		ex_field(&row, t->ed->name);
		ex_field(&row, tid);
		ex_field(&row, val[K_TASK].data);
		ex_field(&row, name ? name : val[K_LEAD].data);
		ex_field(&row, val[K_COOP].data);
		ex_field(&row, val[K_OUTPUT].data);
		ex_field(&row, deadline);
		ex_field(&row, val[K_BUDGET].data);
		ex_field_int(&row, at->page, 1);
		ex_field_int(&row, at->line, 1);
		ex_field(&row, "table");
		st = ex_row_end(&row, ctx);
		free(name);
		t->rows++;
	}
	for (int k = 0; k < K_COUNT; k++)
		sohoa_buf_free(&val[k]);
	return st;
nomem:
	for (int k = 0; k < K_COUNT; k++)
		sohoa_buf_free(&val[k]);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}

/* 1 when cell i opens the next row: a number cell that follows the last number (or starts again
 * at 1, or numbers a sub-item "1.2"), or a group's numeral. */
static int opens_row(const fcells *cs, size_t i, int last)
{
	int roman, num, alone;
	size_t l = row_id(&cs->v[i], &roman, &num, &alone);
	if (!l)
		return 0;
	if (roman)
		return 1;
	if (!alone)
		return 0;
	return num == last + 1 || num == 1 || strchr(cs->v[i].text, '.') != NULL;
}

/* The blank lines that part the cells of a row, most often: -1 when the cells are not apart by
 * blank lines at all (line mode). */
static int usual_blanks(const fcells *cs, size_t from, size_t to)
{
	int count[4] = {0};
	for (size_t i = from; i < to; i++)
		if (cs->v[i].blanks < 4)
			count[cs->v[i].blanks]++;
	int best = 0;
	for (int k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return best;
}

/* The rows of the table whose header (ncol cells) starts at h; returns the cell after the table. */
static size_t read_table(sohoa_ctx *ctx, ftable *t, size_t h, int by_line, sohoa_buf *out, sohoa_status *st)
{
	const fcells *cs = t->cs;
	size_t i = h + (size_t)t->ncol;
	t->idcol = -1;
	for (int c = 0; c < t->ncol; c++)
		if (t->kinds[c] == K_ID)
			t->idcol = c;
	t->base = by_line ? -1 : usual_blanks(cs, i, cs->n < i + 40 ? cs->n : i + 40);
	int last = 0;
	while (i < cs->n && *st == SOHOA_OK) {
		int kinds[MAXCOLS];
		/* the header repeated (on a new page, or under a group without its number column) */
		int nh = header_at(cs, i, by_line, kinds);
		if (nh == t->ncol || (nh == t->ncol - 1 && t->idcol >= 0)) {
			i += (size_t)nh;
			continue;
		}
		if (ends_table(&cs->v[i]))
			break;
		if (elision(&cs->v[i])) {
			i++;
			continue;
		}
		const fcell *id = NULL;
		if (t->idcol >= 0) {
			int roman, num, alone;
			if (!row_id(&cs->v[i], &roman, &num, &alone))
				break;
			id = &cs->v[i];
			if (!roman && alone)
				last = num;
			i++;
		}
		size_t b = i, want = (size_t)t->ncol - (t->idcol >= 0 ? 1 : 0);
		int ended = 0;
		while (i < cs->n) {
			if (ends_table(&cs->v[i]) || elision(&cs->v[i]) || (t->idcol >= 0 && opens_row(cs, i, last)) ||
			    header_at(cs, i, by_line, kinds))
				break;
			if (t->idcol < 0 && i - b == want)
				break;
			if (i - b >= want) { /* full: more cells only when the next row or the end follows soon */
				size_t k = i;
				while (k < cs->n && k < i + want && !opens_row(cs, k, last) && !ends_table(&cs->v[k]) &&
				       !elision(&cs->v[k]))
					k++;
				if (k == i + want) {
					ended = 1;
					break;
				}
			}
			i++;
		}
		int roman = 0, num, alone = 1, lead = 1;
		if (id)
			row_id(id, &roman, &num, &alone);
		/* a group ("I" over its title, or "II. TITLE") gives no row; cells after a full row that
		 * start with a unit past a wider gap are rows of their own under the same task */
		if (!(id && roman && i - b <= 1) && i > b && (alone || !roman)) {
			size_t rb = b, e = b + 1;
			for (int cont = 0; rb < i && *st == SOHOA_OK; cont = 1, rb = e++) {
				while (e < i && !(e - rb >= (cont ? 1 : want) && t->base >= 0 && cs->v[e].blanks > t->base &&
						  unit_like(&cs->v[e])))
					e++;
				*st = write_row(ctx, t, id, rb, e, cont, out, cont ? &(int){0} : &lead);
			}
		}
		if (ended || (t->idcol < 0 && (i - b < want || !lead)))
			break;
	}
	return i;
}

/* Tables of the cells of ls, read as paragraphs or (by_line) as lines. */
static sohoa_status tables_in(sohoa_ctx *ctx, const ex_doc *ed, const fline *ls, size_t n, int by_line,
			      sohoa_buf *out, rs_spans *spans)
{
	fcells cs = {0};
	sohoa_status st = cells_of(ctx, ls, n, by_line, &cs);
	for (size_t i = 0; i < cs.n && st == SOHOA_OK;) {
		ftable t = {.ed = ed, .cs = &cs};
		t.ncol = header_at(&cs, i, by_line, t.kinds);
		if (!t.ncol) {
			i++;
			continue;
		}
		size_t h = i;
		i = read_table(ctx, &t, i, by_line, out, &st);
		if (st == SOHOA_OK && t.rows && spans && i > h) {
			if (SOHOA_GROW(spans->v, spans->n + 1, spans->cap))
				st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
			else
				spans->v[spans->n++] = (rs_span){cs.v[h].page, cs.v[h].line, cs.v[i - 1].page, cs.v[i - 1].line_end};
		}
		free(t.prev_lead);
		free(t.prev_task);
	}
	cells_free(&cs);
	return st;
}

int rs_in_spans(const rs_spans *s, int page, int line)
{
	for (size_t i = 0; s && i < s->n; i++) {
		const rs_span *p = &s->v[i];
		if ((page > p->page || (page == p->page && line >= p->line)) &&
		    (page < p->page_end || (page == p->page_end && line <= p->line_end)))
			return 1;
	}
	return 0;
}

sohoa_status rs_flat_tables(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out, rs_spans *spans)
{
	fline *ls = NULL;
	size_t n = 0, cap = 0;
	sohoa_status st = SOHOA_OK;
	if (ed->doc) { /* the source lines of text pages, blank ones too */
		for (size_t p = 0; p < ed->doc->npages; p++) {
			const sohoa_page *pg = &ed->doc->pages[p];
			if (pg->source != SOHOA_SRC_TEXT)
				continue;
			for (size_t j = 0; j < pg->nlines; j++) {
				if (SOHOA_GROW(ls, n + 1, cap)) {
					free(ls);
					return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
				}
				const sohoa_line *l = &pg->lines[j];
				ls[n++] = (fline){l->text ? l->text : "", pg->number, l->line,
						  !l->text || blank_text(l->text)};
			}
		}
	} else if (ed->text) { /* text lines; a gap in the line numbers is a blank line */
		const sohoa_text *tx = ed->text;
		for (size_t j = 0; j < tx->nlines; j++) {
			const sohoa_tline *tl = &tx->lines[j];
			int gap = j && tl->page == tx->lines[j - 1].page_end ? tl->line - tx->lines[j - 1].line_end - 1 : 0;
			gap = gap < 0 ? 0 : gap > 3 ? 3 : gap; /* more than three blank lines say no more */
			for (int g = 0; g <= gap; g++) {
				if (SOHOA_GROW(ls, n + 1, cap)) {
					free(ls);
					return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
				}
				ls[n++] = g < gap ? (fline){"", tl->page, tl->line - gap + g, 1}
						  : (fline){tl->text, tl->page, tl->line, blank_text(tl->text)};
			}
		}
	}
	if (n) {
		st = tables_in(ctx, ed, ls, n, 0, out, spans);
		if (st == SOHOA_OK)
			st = tables_in(ctx, ed, ls, n, 1, out, spans);
	}
	free(ls);
	return st;
}

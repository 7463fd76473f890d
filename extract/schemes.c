/* schemes.csv: how a document scores units — a criterion's maximum ("(10 điểm)", a points
 * table's "ĐIỂM CHUẨN" cell, "tối đa 03 điểm"), rules that give points under a condition ("Từ 88 -
 * 90% cộng 02 điểm", "mỗi loại cho 1 điểm", "được tính thêm 0,5 điểm"), bonus and penalty points,
 * and classification bands ("đạt từ 85 điểm đến dưới 95 điểm"). The grammar works on the
 * statement key (extract-int.h) and on the shape of points tables; scores.c asks which figures
 * it owns, so a scheme statement never becomes a measurement. */
#include "extract-int.h"

#include "../core/array.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "kind", "criterion", "max", "points", "condition",
				      "page", "line", "text", "confidence", NULL};

static const char *const kind_names[] = {"criterion", "bonus", "penalty", "band"};

/* A figure in points: "10 điểm", "0,5 điểm", "03 điểm". */
#define NUM "(\\d+(?:[.,]\\d+)*)"
static const char *const pts_re = "(?<![\\p{L}\\d.,/])" NUM "\\s*diem(?![a-z])";
/* A band's range: "từ 85 điểm đến dưới 95 điểm", "trên 90 điểm đến 100 điểm", "từ 70 đến 84,5"
 * (the unit may be left out after "tổng số điểm"), "từ 95 điểm trở lên", "dưới 75 điểm". */
static const char *const range_re =
	"\\b(?:(?:dat\\s+)?(tu|tren)\\s+)" NUM "\\s*(?:diem\\s*)?(?:den|-)\\s*(duoi\\s+)?" NUM
	"(?:\\s*diem)?(?![\\d.,]*\\s*%)";
static const char *const above_re = "\\b(?:(?:dat\\s+)?(?:tu|tren|dat)\\s+)?" NUM "\\s*diem\\s+(?:tro\\s+len|tro\\s+xuong)";
static const char *const below_re = "\\b(duoi|toi da|khong qua)\\s+" NUM "\\s*diem(?![a-z])";

/* Words whose section or label makes points extra (bonus) or taken off (penalty). */
static const char *const bonus_words[] = {"diem thuong", "diem cong", "cong diem", "thuong diem",
					  "diem uu tien", "cong them", NULL};
static const char *const penalty_words[] = {"diem tru", "tru diem", "bi tru", NULL};
/* Words of a heading or label that make its section a classification. */
static const char *const band_context[] = {"xep loai", "phan loai", "xep hang", "loai tot", "loai kha",
					   "hoan thanh xuat sac", "hoan thanh tot", "khong hoan thanh",
					   "hoan thanh nhiem vu", "muc xep", NULL};
/* Band labels: a label made of one of these ("Tốt:", "Chưa đạt:") or starting with one of the
 * next ("Loại tốt:", "Hoàn thành xuất sắc:", "loại I là", "Hạng 1:"). */
static const char *const band_names[] = {"tot", "kha", "dat", "chua dat", "trung binh", "yeu", "kem", "xuat sac",
					 "gioi", NULL};
static const char *const band_heads[] = {"loai", "hoan thanh", "khong hoan thanh", "xep loai", "muc xep loai",
					 "hang", "muc hoan thanh", NULL};
/* Verbs that give points under a condition. */
static const char *const rule_verbs[] = {"cong them", "cong truc tiep", "cong", "tru di", "tru them", "tru",
					 "cham", "tinh them", "tinh", "cho", "thuong", "tuong ung voi",
					 "tuong ung", "duoc", NULL};
/* Words that make "được N điểm" a rule rather than a result. */
static const char *const cond_words[] = {"moi", "cu", "neu", "thi", "khi", "truong hop", "doi voi", NULL};
/* Totals: "tổng số điểm chuẩn … là 100 điểm", "thang điểm 100", "Tổng cộng". */
static const char *const total_words[] = {"tong so diem chuan", "tong so diem toi da", "tong diem toi da",
					  "tong so diem cac tieu chi", "tong diem chuan", "diem chuan",
					  "thang diem", "tong cong", NULL};

/* ---- small helpers over keys ---- */

static int has_word(const char *key, size_t b, size_t e, const char *w)
{
	for (size_t i = b; i < e; i++)
		if (ex_word_at(key, e, i, w))
			return 1;
	return 0;
}

static int has_any(const char *key, size_t b, size_t e, const char *const *ws)
{
	for (int i = 0; ws[i]; i++)
		if (has_word(key, b, e, ws[i]))
			return 1;
	return 0;
}

/* 1 if key[b..e) ends with word w (spaces before e skipped); *wb gets where w starts. */
static int ends_word(const char *key, size_t b, size_t e, const char *w, size_t *wb)
{
	while (e > b && strchr(" (:", key[e - 1]))
		e--;
	size_t wl = strlen(w);
	if (e < b + wl || strncmp(key + e - wl, w, wl))
		return 0;
	if (e - wl > b && isalnum((unsigned char)key[e - wl - 1]))
		return 0;
	*wb = e - wl;
	return 1;
}

static double num_at(const char *key, size_t at)
{
	double v = 0;
	size_t used = 0;
	ex_parse_number(key + at, strlen(key + at), &v, &used);
	return v;
}

static size_t words_in(const char *key, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t i = b; i < e; i++)
		if (isalnum((unsigned char)key[i]) && (i == b || !isalnum((unsigned char)key[i - 1])))
			n++;
	return n;
}

/* The text of statement st between key offsets b and e, cleaned; NULL when empty. */
static char *text_of(const ex_stmt *st, size_t b, size_t e)
{
	if (e > st->keylen)
		e = st->keylen;
	if (b >= e)
		return NULL;
	size_t tb = st->kmap[b], te = st->kmap[e];
	ex_trim(st->text, &tb, &te, ",;:-.(+");
	while (te > tb && st->text[te - 1] == '(')
		te--;
	if (te <= tb)
		return NULL;
	char *s = ex_clean(st->text, tb, te);
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

/* Key offset where statement st's own words start: past its heading number ("5.1", "a)"). */
static size_t body_start(const ex_stmt *st)
{
	size_t b = st->heading ? st->title_key : 0;
	while (b < st->keylen && st->key[b] == ' ')
		b++;
	return b;
}

/* The label of a statement "Loại tốt: …", "3. Điểm thưởng: Tối đa …": its words before a colon
 * (or before " là " for a band), when they are few. Sets the key span; 0 when none. */
static int label_span(const ex_stmt *st, int band, size_t *b, size_t *e)
{
	size_t s = body_start(st);
	for (size_t i = s; i < st->keylen && i < s + 90; i++) {
		if (st->key[i] == ':' || (band && ex_word_at(st->key, st->keylen, i, "la") && i > s)) {
			if (i > s && words_in(st->key, s, i) <= 8) {
				*b = s;
				*e = i;
				return 1;
			}
			return 0;
		}
		if (strchr(";.(", st->key[i]) && ex_sentence_dot(st->key, st->keylen, i))
			return 0;
	}
	return 0;
}

/* The condition words whose key is shared with other words, as spelled: "moi" is "mỗi" (each), not
 * "mới" (new); "cu" is "cứ" (for every), not "cũ". */
static int spelled(const ex_stmt *sm, size_t at, const char *w)
{
	if (!strcmp(w, "moi"))
		return ex_spelled_at(sm, at, "mỗi");
	if (!strcmp(w, "cu"))
		return ex_spelled_at(sm, at, "cứ");
	return 1;
}

static int starts_any(const char *key, size_t keylen, size_t at, const char *const *ws)
{
	for (int i = 0; ws[i]; i++)
		if (ex_word_at(key, keylen, at, ws[i]))
			return 1;
	return 0;
}

/* 1 when key[b..e) is a band's label. */
static int band_label(const char *key, size_t b, size_t e)
{
	while (b < e && key[b] == ' ')
		b++;
	while (e > b && strchr(" :", key[e - 1]))
		e--;
	for (int i = 0; band_names[i]; i++)
		if (e - b == strlen(band_names[i]) && !strncmp(key + b, band_names[i], e - b))
			return 1;
	return starts_any(key, e, b, band_heads);
}

/* Past bullets and list numbers at the start of key[b..e) ("- ", "a) ", "(2) "). */
static size_t list_start_key(const char *key, size_t b, size_t e)
{
	while (b < e && strchr(" -+*", key[b]))
		b++;
	size_t d = b + (b < e && key[b] == '(');
	size_t j = d;
	while (j < e && (isdigit((unsigned char)key[j]) || (j == d && isalpha((unsigned char)key[j]))))
		j++;
	if (j > d && j < e && strchr(".)", key[j]) && j + 1 < e && key[j + 1] == ' ')
		b = j + 2;
	while (b < e && key[b] == ' ')
		b++;
	return b;
}

/* ---- document context ---- */

/* What the grammar knows of each statement beyond its own words. */
typedef struct stmt_info {
	size_t title;      /* table: the statement naming the criterion of its row, or EX_NONE */
	int table;         /* inside a points table */
	int group;         /* table: kind of its group (bonus/penalty from a title), else -1 */
	int bare;          /* the statement is a bare number (a table cell) */
	int band;          /* the statement states a band */
	int bctx;          /* in_band_context, once read: 0 unknown, 1 no, 2 yes */
	int banded;        /* a title with bands under it (or in it) */
} stmt_info;

typedef struct sch_doc {
	const ex_doc *ed;
	stmt_info *info;
	ex_scheme_set *out;
	int scheme_doc;    /* the document defines a scheme (several cues) */
	sohoa_regex *pts, *range, *above, *below;
} sch_doc;

/* 1 if statement s is an article line ("Điều 6. Xếp loại hằng năm") or a heading. */
static int is_title_stmt(const ex_stmt *sm)
{
	return sm->heading || (ex_word_at(sm->key, sm->keylen, strspn(sm->key, " "), "dieu") &&
			       isdigit((unsigned char)sm->key[strspn(sm->key, " ") + 5]));
}

/* The nearest title statement before s (a heading of a lower level than s's own, when s is a
 * heading, or an article line), within 60 statements; EX_NONE when none. */
static size_t title_before(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	for (size_t h = s; h-- > 0 && s - h <= 60;) {
		const ex_stmt *hs = &ed->stmts[h];
		if (!is_title_stmt(hs))
			continue;
		if (sm->heading && hs->heading && hs->level >= sm->level)
			continue;
		return h;
	}
	return EX_NONE;
}

/* 1 when statement s is labelled as a band ("Loại tốt: …") or the titles above it (two levels)
 * name a classification ("Điều 6. Xếp loại hằng năm", not "Kết quả xếp loại"). */
static int in_band_context(const ex_doc *ed, size_t s)
{
	const ex_stmt *sm = &ed->stmts[s];
	size_t lb, le;
	if (label_span(sm, 1, &lb, &le) && band_label(sm->key, lb, le))
		return 1;
	size_t t = title_before(ed, s);
	for (int up = 0; up < 2 && t != EX_NONE; up++) {
		const ex_stmt *ts = &ed->stmts[t];
		size_t e = ts->keylen < 200 ? ts->keylen : 200;
		if (has_any(ts->key, 0, e, band_context) && !has_word(ts->key, 0, e, "ket qua"))
			return 1;
		t = title_before(ed, t);
	}
	return 0;
}

/* in_band_context of statement s, read once. */
static int band_context_of(sch_doc *sd, size_t s)
{
	if (!sd->info[s].bctx)
		sd->info[s].bctx = 1 + in_band_context(sd->ed, s);
	return sd->info[s].bctx == 2;
}

/* Bonus or penalty from words in key[b..e), else -1. */
static int kind_from_words(const char *key, size_t b, size_t e)
{
	if (has_any(key, b, e, penalty_words))
		return EX_SCH_PENALTY;
	if (has_any(key, b, e, bonus_words))
		return EX_SCH_BONUS;
	return -1;
}

/* ---- rows ---- */

static sohoa_status add_span(sohoa_ctx *ctx, ex_scheme_set *o, size_t stmt, size_t b, size_t e)
{
	if (o->nspans && o->spans[o->nspans - 1].stmt == stmt && o->spans[o->nspans - 1].e >= b) {
		ex_span *l = &o->spans[o->nspans - 1];
		if (b < l->b)
			l->b = b;
		if (e > l->e)
			l->e = e;
		return SOHOA_OK;
	}
	if (SOHOA_GROW(o->spans, o->nspans + 1, o->spancap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	o->spans[o->nspans++] = (ex_span){stmt, b, e};
	return SOHOA_OK;
}

/* Append a row; criterion and condition are taken over (freed on failure). */
static sohoa_status add_row(sohoa_ctx *ctx, ex_scheme_set *o, const ex_scheme *r)
{
	if (SOHOA_GROW(o->rows, o->n + 1, o->cap)) {
		free(r->criterion);
		free(r->condition);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	}
	o->rows[o->n++] = *r;
	return SOHOA_OK;
}

/* 1 when a rule that gives points starts at key offset i of st ("được cộng trực tiếp 05 điểm"). */
static int rule_verb_at(const ex_stmt *st, size_t i)
{
	static const char *const verbs[] = {"duoc cong", "bi tru", "cong", "tru", "duoc tinh", "cham", NULL};
	for (int v = 0; verbs[v]; v++) {
		if (!ex_word_at(st->key, st->keylen, i, verbs[v]))
			continue;
		size_t j = i + strlen(verbs[v]);
		for (int w = 0; w < 4 && j < st->keylen; w++) {
			while (j < st->keylen && st->key[j] == ' ')
				j++;
			if (isdigit((unsigned char)st->key[j]))
				return 1;
			while (j < st->keylen && isalpha((unsigned char)st->key[j]))
				j++;
		}
	}
	return 0;
}

/* 1 when a rule giving points starts somewhere in st. */
static int rule_in(const ex_stmt *st)
{
	for (size_t i = 0; i < st->keylen; i++)
		if ((i == 0 || st->key[i - 1] == ' ') && rule_verb_at(st, i))
			return 1;
	return 0;
}

/* The criterion a statement's rule belongs to: its table row's title, its own label, the heading
 * it is under; *cs gets the statement. Caller frees. */
static char *criterion_of(const sch_doc *sd, size_t s, size_t *cs)
{
	const ex_doc *ed = sd->ed;
	size_t t = sd->info[s].title;
	*cs = EX_NONE;
	if (t == EX_NONE) {
		size_t lb, le;
		const ex_stmt *sm = &ed->stmts[s];
		if (label_span(sm, 0, &lb, &le)) {
			*cs = s;
			return text_of(sm, lb, le);
		}
		/* a heading that is itself the rule ("a) Tỷ lệ … từ 90% trở lên được tính 40 điểm") belongs to
		 * the criterion of the section it is in */
		t = sm->heading && !rule_in(sm) ? s : title_before(ed, s);
	}
	if (t == EX_NONE)
		return NULL;
	*cs = t;
	const ex_stmt *ts = &ed->stmts[t];
	size_t b = body_start(ts), e = b;
	if (ex_word_at(ts->key, ts->keylen, b, "dieu") && isdigit((unsigned char)ts->key[b + 5])) { /* "Điều 5. …" */
		e = b + 5;
		while (e < ts->keylen && (isdigit((unsigned char)ts->key[e]) || strchr(". ", ts->key[e])))
			e++;
		b = e;
	}
	/* up to the first sentence end, colon, parenthesis or rule verb */
	for (e = b; e < ts->keylen; e++) {
		if (ts->key[e] == '(') { /* "(bao gồm người được ủy quyền nhận thay)" stays; "(10 điểm)" ends it */
			const char *close = memchr(ts->key + e, ')', ts->keylen - e);
			if (close && !memmem(ts->key + e, (size_t)(close - ts->key) - e, "diem", 4) &&
			    (size_t)(close - ts->key) + 1 < ts->keylen) {
				e = (size_t)(close - ts->key);
				continue;
			}
			break;
		}
		if (strchr(":;", ts->key[e]) || ex_sentence_dot(ts->key, ts->keylen, e))
			break;
		if (e > b && rule_verb_at(ts, e))
			break;
	}
	/* a table row's title may go on in the next statement (a wrapped cell) */
	char *c = text_of(ts, b, e);
	if (e >= ts->keylen && t + 1 < ed->nstmts && sd->info[t + 1].title == t && !sd->info[t + 1].bare &&
	    t + 1 != s && ed->stmts[t + 1].key[0] && islower((unsigned char)ed->stmts[t + 1].text[0])) {
		const ex_stmt *ns = &ed->stmts[t + 1];
		size_t ne = 0;
		while (ne < ns->keylen && !strchr(":;(", ns->key[ne]) && !ex_sentence_dot(ns->key, ns->keylen, ne))
			ne++;
		char *more = text_of(ns, 0, ne);
		if (c && more) {
			char *j = malloc(strlen(c) + strlen(more) + 2);
			if (j)
				sprintf(j, "%s %s", c, more);
			free(c);
			c = j;
		}
		free(more);
	}
	return c;
}

/* The row of a scheme figure at key [at, end) of statement s with kind, maximum and points, its
 * criterion (given, or found) and condition; conf is its confidence. */
static sohoa_status emit(sohoa_ctx *ctx, sch_doc *sd, size_t s, size_t at, int kind, const double *max,
			 const double *points, char *criterion, size_t crit_stmt, char *condition, double conf)
{
	ex_scheme r = {0};
	r.kind = (ex_scheme_kind)kind;
	r.stmt = s;
	r.at = at;
	if (max) {
		r.max = *max;
		r.has_max = 1;
	}
	if (points) {
		r.points = *points;
		r.has_points = 1;
	}
	r.criterion = criterion;
	r.crit_stmt = crit_stmt;
	r.condition = condition;
	if (!criterion) {
		r.criterion = criterion_of(sd, s, &r.crit_stmt);
		if (!r.criterion)
			conf *= 0.8;
	}
	if (!sd->scheme_doc)
		conf *= 0.7;
	r.confidence = conf;
	return add_row(ctx, sd->out, &r);
}

/* ---- points tables ---- */

/* 1 when statement sm is a points column's header cell: "ĐIỂM CHUẨN", "Mức điểm theo yêu cầu",
 * "Điểm tối đa", "Thang điểm", "Điểm" — not the self-assessed or achieved score, nor a place or a
 * time ("Địa điểm", "Thời điểm"). */
static int points_header(const ex_stmt *sm)
{
	if (sm->heading || strpbrk(sm->key, "0123456789") || words_in(sm->key, 0, sm->keylen) > 6)
		return 0;
	static const char *const names[] = {"diem chuan", "diem toi da", "thang diem", "muc diem", "khung diem",
					    "so diem toi da", "diem so toi da", NULL};
	static const char *const not_max[] = {"tu cham", "dat duoc", "danh gia", "huong dan", "cham diem", "ghi chu",
					      "minh chung", "thuc te", "ket qua", "cham", "dia diem", "thoi diem",
					      "quan diem", "dac diem", "uu diem", "khuyet diem", "trong diem", NULL};
	size_t b = strspn(sm->key, " "), e = sm->keylen;
	while (e > b && strchr(" .:", sm->key[e - 1]))
		e--;
	int named = has_any(sm->key, b, e, names) || (e - b == 4 && !strncmp(sm->key + b, "diem", 4));
	return named && !has_any(sm->key, b, e, not_max) && kind_from_words(sm->key, b, e) < 0;
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
	return words_in(sm->key, 0, sm->keylen) <= 3 &&
	       (ex_word_at(sm->key, sm->keylen, i, "tong cong") || ex_word_at(sm->key, sm->keylen, i, "tong so") ||
		ex_word_at(sm->key, sm->keylen, i, "tong") || ex_word_at(sm->key, sm->keylen, i, "cong"));
}

/* Read the points tables of the document: after a header row with a points column, a row is a
 * title (a numbered heading, the text after a row number, a totals row) followed by its points
 * cell and the cells of its guidance. Each title with a points cell gives a criterion row (bonus
 * or penalty when it or its group's title says so); info[] records each statement's row title. */
static sohoa_status read_tables(sohoa_ctx *ctx, sch_doc *sd)
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
		       !strpbrk(ed->stmts[r].key, "0123456789") && words_in(ed->stmts[r].key, 0, ed->stmts[r].keylen) <= 6 &&
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
					char *crit = criterion_of(sd, r, &cs);
					st = emit(ctx, sd, r, strspn(sm->key, " "), kind, &v, NULL, crit, cs, NULL, 0.9);
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
				int k = kind_from_words(sm->key, 0, sm->keylen < 120 ? sm->keylen : 120);
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

/* ---- the grammar over statements ---- */

/* The band rows of statement s (in a classification): each clause's range of points. Returns 1
 * when the statement is a band statement (all its figures are conditions). */
static sohoa_status bands_of(sohoa_ctx *ctx, sch_doc *sd, size_t s, int *is_band)
{
	const ex_doc *ed = sd->ed;
	const ex_stmt *sm = &ed->stmts[s];
	const char *key = sm->key;
	*is_band = 0;
	long g[10];
	size_t pos = body_start(sm);
	sohoa_status st = SOHOA_OK;
	size_t lb = 0, le = 0;
	int labelled = label_span(sm, 1, &lb, &le) && band_label(key, lb, le);
	while (pos < sm->keylen && st == SOHOA_OK) {
		/* the first band figure from pos: a range, "N điểm trở lên", "dưới N điểm" */
		size_t at = sm->keylen, end = 0;
		double lo = 0, hi = 0;
		int has_lo = 0, has_hi = 0;
		if (ex_find(sd->range, sm, pos, g, 5) == 1) {
			/* a range without units needs "điểm" before it in its clause ("Tổng số điểm … từ 85 đến 100") */
			size_t cb = ex_clause_start(key, 0, (size_t)g[0]);
			int unit = memmem(key + g[0], (size_t)(g[1] - g[0]), "diem", 4) != NULL ||
				   has_word(key, cb, (size_t)g[0], "diem");
			if (unit) {
				at = (size_t)g[0];
				end = (size_t)g[1];
				lo = num_at(key, (size_t)g[4]);
				hi = num_at(key, (size_t)g[8]);
				has_lo = has_hi = 1;
			}
		}
		if (ex_find(sd->above, sm, pos, g, 2) == 1 && (size_t)g[0] < at) {
			at = (size_t)g[0];
			end = (size_t)g[1];
			lo = num_at(key, (size_t)g[2]);
			has_lo = 1;
			has_hi = 0;
			if (memmem(key + g[0], (size_t)(g[1] - g[0]), "tro xuong", 9)) {
				hi = lo;
				has_hi = 1;
				has_lo = 0;
			}
		}
		if (ex_find(sd->below, sm, pos, g, 3) == 1 && (size_t)g[0] < at && key[g[2]] == 'd') {
			at = (size_t)g[0];
			end = (size_t)g[1];
			hi = num_at(key, (size_t)g[4]);
			has_hi = 1;
			has_lo = 0;
		}
		if (at >= sm->keylen)
			break;
		/* "không có tiêu chí nào … chấm 0 điểm" is a condition, not a band */
		size_t cb = ex_clause_start(key, 0, at);
		if (has_word(key, cb, at, "khong co") && has_word(key, cb, at, "nao")) {
			pos = end;
			continue;
		}
		char *name = NULL;
		size_t cs = s;
		/* the clause's own label ("loại II: …", "loại II là …") else the statement's, else the title's */
		size_t clb = cb, cle = at;
		while (clb < cle && key[clb] == ' ')
			clb++;
		size_t j = clb;
		while (j < cle && key[j] != ':' && !ex_word_at(key, cle, j, "la"))
			j++;
		if (j < cle && j > clb && words_in(key, clb, j) <= 6 && band_label(key, clb, j))
			name = text_of(sm, clb, j);
		else if (labelled)
			name = text_of(sm, lb, le);
		else {
			size_t t = title_before(ed, s);
			if (t != EX_NONE) {
				const ex_stmt *ts = &ed->stmts[t];
				size_t tb = body_start(ts), te = tb;
				while (te < ts->keylen && !strchr(":;(", ts->key[te]) && !ex_sentence_dot(ts->key, ts->keylen, te))
					te++;
				name = text_of(ts, tb, te);
				cs = t;
			}
		}
		/* the condition: from the range to the end of the statement's first sentence */
		size_t ce = ex_sentence_end(key, sm->keylen, at);
		char *cond = text_of(sm, at, ce);
		double conf = labelled || name ? 0.9 : 0.75;
		st = emit(ctx, sd, s, at, EX_SCH_BAND, has_hi ? &hi : NULL, has_lo ? &lo : NULL,
			  name ? name : sohoa_strdup(""), cs, cond, conf);
		*is_band = 1;
		/* one band per sentence */
		pos = ce > end ? ce : end;
	}
	return st;
}

/* 1 when key [b, e) of sm holds a condition word (cond_words, as spelled). */
static int has_cond(const ex_stmt *sm, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		for (int w = 0; cond_words[w]; w++)
			if (ex_word_at(sm->key, e, i, cond_words[w]) && spelled(sm, i, cond_words[w]))
				return 1;
	return 0;
}

/* What kind of scheme figure the points figure at key [nb, ne) of statement sm is, from the
 * words before it in its clause. */
typedef enum { F_NONE, F_CAP, F_RULE, F_PAREN, F_TOTAL, F_MUTE, F_LABEL } fig_kind;

static fig_kind classify(const sch_doc *sd, const ex_stmt *sm, size_t cb, size_t nb, size_t ne, size_t *vb,
			 const char **verb)
{
	const char *key = sm->key;
	size_t wb;
	*vb = nb;
	*verb = NULL;
	/* "(10 điểm)", "(tối đa 10 điểm)" closing right after the figure */
	size_t a = ne;
	while (a < sm->keylen && key[a] == ' ')
		a++;
	size_t p = nb;
	while (p > 0 && key[p - 1] == ' ')
		p--;
	if (a < sm->keylen && key[a] == ')') {
		size_t q = p;
		if (ends_word(key, cb, p, "toi da", &wb))
			q = wb;
		while (q > 0 && key[q - 1] == ' ')
			q--;
		if (q > 0 && key[q - 1] == '(') {
			*vb = q - 1;
			return F_PAREN;
		}
	}
	static const char *const caps[] = {"toi da khong qua", "toi da khong vuot qua", "khong vuot qua", "toi da",
					   "khong qua", NULL};
	for (int i = 0; caps[i]; i++)
		if (ends_word(key, cb, nb, caps[i], &wb)) {
			*vb = wb;
			return F_CAP;
		}
	for (int i = 0; rule_verbs[i]; i++) {
		if (!ends_word(key, cb, nb, rule_verbs[i], &wb))
			continue;
		size_t w2;
		if (!strcmp(rule_verbs[i], "cong") && ends_word(key, cb, wb, "tong", &w2)) {
			*vb = w2;
			return F_TOTAL; /* "Tổng cộng 100 điểm" */
		}
		if (!strcmp(rule_verbs[i], "duoc")) {
			/* "đạt được 85 điểm" reports a result; "mỗi …, được 1 điểm" is a rule */
			if (ends_word(key, cb, wb, "dat", &w2) || !has_cond(sm, cb, wb))
				return F_NONE;
		}
		if (ends_word(key, cb, wb, "khong", &w2))
			return F_MUTE;
		/* "cho điểm lẻ đến 0,5 điểm": the granularity of marking */
		*vb = wb;
		if (!ends_word(key, cb, wb, "duoc", vb) && !ends_word(key, cb, wb, "bi", vb))
			*vb = wb;
		*verb = rule_verbs[i];
		return F_RULE;
	}
	if (has_word(key, cb, nb, "diem le"))
		return F_MUTE;
	/* "- Công tác tuyên truyền: 20 điểm." in a scheme: a criterion and its maximum */
	size_t c = nb;
	while (c > 0 && key[c - 1] == ' ')
		c--;
	size_t after = a;
	if (c > 0 && key[c - 1] == ':' && c - 1 >= cb - 1 && (after >= sm->keylen || strchr(".;,", key[after])) &&
	    (sd->scheme_doc || sd->info[sm - sd->ed->stmts].table)) {
		*vb = c - 1;
		return F_LABEL;
	}
	/* "Thang điểm bài thi viết: 100 điểm": the label before the clause's colon counts */
	size_t lb = cb;
	while (lb > 0 && key[lb - 1] == ' ')
		lb--;
	if (lb > 0 && key[lb - 1] == ':')
		lb = ex_clause_start(key, 0, lb - 1);
	else
		lb = cb;
	for (int i = 0; total_words[i]; i++)
		if (has_word(key, lb, nb, total_words[i]) && !has_word(key, lb, nb, "dat duoc")) {
			*vb = nb;
			return F_TOTAL;
		}
	(void)sd;
	return F_NONE;
}

/* The criterion named before a figure ("điểm trừ tối đa 03 điểm" -> "điểm trừ", "tổng số điểm
 * chuẩn các tiêu chí là 100 điểm" -> that phrase): the clause's words before the verb, cut at a
 * relation word, when they name points; else NULL. */
static char *points_name(const ex_stmt *sm, size_t cb, size_t vb)
{
	const char *key = sm->key;
	size_t b = cb;
	while (b < vb && strchr(" ,", key[b]))
		b++;
	/* "Mỗi tiêu chí có thang điểm cụ thể, tổng số điểm …": the last part that names points */
	for (size_t i = vb; i-- > b;)
		if (key[i] == ',' && i + 1 < vb) {
			size_t k = i + 1;
			while (k < vb && key[k] == ' ')
				k++;
			if (ex_word_at(key, vb, k, "diem") || ex_word_at(key, vb, k, "tong") || ex_word_at(key, vb, k, "thang"))
				b = k;
			break;
		}
	if (!(ex_word_at(key, vb, b, "diem") || ex_word_at(key, vb, b, "tong") || ex_word_at(key, vb, b, "thang")))
		return NULL;
	size_t e = vb;
	static const char *const cut[] = {"can cu", "theo", "duoc", "neu", "khi", "doi voi", "la", "bang", NULL};
	for (size_t i = b + 4; i < vb; i++)
		if (starts_any(key, vb, i, cut) && (i == 0 || key[i - 1] == ' ')) {
			e = i;
			break;
		}
	return text_of(sm, b, e);
}

/* The condition of a rule: the clause's words before the verb, from the last condition word
 * ("mỗi", "nếu", "từ", …) or after the previous rule of the sentence. */
static char *condition_of(const ex_stmt *sm, size_t cb, size_t vb)
{
	const char *key = sm->key;
	size_t b = cb, last_end = 0;
	static const char *const starts[] = {"moi", "neu", "cu", "khi", "truong hop", NULL};
	for (size_t i = cb; i < vb; i++)
		for (int w = 0; starts[w]; w++)
			if (ex_word_at(key, vb, i, starts[w]) && spelled(sm, i, starts[w]) && i > last_end + 1) {
				b = i;
				last_end = i + strlen(starts[w]);
				break;
			}
	size_t e = vb;
	while (e > b && key[e - 1] == ' ')
		e--;
	size_t wb;
	if (ends_word(key, b, e, "thi", &wb))
		e = wb;
	if (ex_word_at(key, e, b, "neu"))
		b += 3;
	return text_of(sm, b, e);
}

/* The scheme rows of statement s found by its words. */
static sohoa_status grammar_of(sohoa_ctx *ctx, sch_doc *sd, size_t s)
{
	const ex_doc *ed = sd->ed;
	const ex_stmt *sm = &ed->stmts[s];
	const char *key = sm->key;
	sohoa_status st = SOHOA_OK;
	if (sd->info[s].band)
		return add_span(ctx, sd->out, s, 0, sm->keylen);
	/* the other figures of a classification with bands are its conditions ("d) 100% cơ quan …
	 * được đánh giá hoàn thành nhiệm vụ"); its rules are still rules */
	if (!sd->info[s].table && band_context_of(sd, s)) {
		size_t t = title_before(ed, s);
		int banded = 0;
		for (int up = 0; up < 2 && t != EX_NONE && !banded; up++, t = title_before(ed, t))
			banded = sd->info[t].banded;
		if (banded && (st = add_span(ctx, sd->out, s, 0, sm->keylen)) != SOHOA_OK)
			return st;
	}
	long g[4];
	size_t pos = 0, prev_end = 0;
	int prev_kind = -1; /* the kind of the sentence's rule before: its cap is of that kind */
	while (st == SOHOA_OK && ex_find(sd->pts, sm, pos, g, 2) == 1) {
		size_t nb = (size_t)g[2], ne = (size_t)g[1];
		pos = ne;
		if (ex_counts_places(key, sm->keylen, ne))
			continue;
		size_t cb = ex_clause_start(key, body_start(sm), nb);
		size_t ssb = ex_sentence_start(key, nb);
		if (prev_end > cb && prev_end >= ssb) {
			/* after the previous rule of the sentence: past its comma */
			const char *c = memchr(key + prev_end, ',', nb - prev_end);
			cb = c ? (size_t)(c - key) + 1 : prev_end;
		}
		size_t vb;
		const char *verb;
		fig_kind fk = classify(sd, sm, cb, nb, ne, &vb, &verb);
		if (fk == F_NONE)
			continue;
		size_t se = ex_sentence_end(key, sm->keylen, nb);
		if ((st = add_span(ctx, sd->out, s, ssb, se)) != SOHOA_OK)
			break;
		prev_end = ne;
		if (fk == F_MUTE)
			continue;
		/* "không có tiêu chí nào … chấm 0 điểm": a condition of something else */
		if (has_word(key, cb, nb, "khong co") && has_word(key, cb, nb, "nao"))
			continue;
		double v = num_at(key, nb);
		int ctxkind = -1;
		size_t lb, le;
		if (label_span(sm, 0, &lb, &le))
			ctxkind = kind_from_words(key, lb, le);
		if (ctxkind < 0)
			ctxkind = kind_from_words(key, cb, vb);
		if (ctxkind < 0 && sd->info[s].group >= 0 && sd->info[s].table)
			ctxkind = sd->info[s].group;
		if (ctxkind < 0) {
			size_t t = title_before(ed, s); /* the section it is in ("5. Điểm cộng"), not its own words */
			if (t != EX_NONE)
				ctxkind = kind_from_words(ed->stmts[t].key, 0, ed->stmts[t].keylen < 160 ? ed->stmts[t].keylen : 160);
		}
		if (fk == F_LABEL) {
			int kind = ctxkind >= 0 ? ctxkind : EX_SCH_CRITERION;
			size_t nb0 = list_start_key(key, ex_clause_start(key, body_start(sm), vb), vb);
			char *crit = text_of(sm, nb0, vb);
			st = emit(ctx, sd, s, nb, kind, &v, NULL, crit, crit ? s : EX_NONE, NULL, 0.85);
		} else if (fk == F_PAREN || fk == F_TOTAL) {
			int kind = ctxkind >= 0 ? ctxkind : EX_SCH_CRITERION;
			char *crit = NULL;
			size_t cs = EX_NONE;
			if (fk == F_TOTAL)
				crit = points_name(sm, cb, vb);
			if (!crit && fk == F_PAREN && (sm->heading || sd->info[s].title == EX_NONE)) {
				/* the heading or sentence the parenthesis closes */
				size_t b = cb == vb + 1 ? ex_clause_start(key, body_start(sm), vb) : cb;
				if (ex_word_at(key, vb, b, "dieu") && isdigit((unsigned char)key[b + 5])) {
					b += 5;
					while (b < vb && (isdigit((unsigned char)key[b]) || strchr(". ", key[b])))
						b++;
				}
				crit = text_of(sm, b, vb);
				cs = sm->heading ? s : EX_NONE;
				size_t wb2;
				if (crit && ends_word(key, b, vb, "toi da", &wb2)) { /* "Điểm thưởng: Tối đa (03 điểm)" */
					free(crit);
					crit = NULL;
				}
			}
			/* "(10 điểm)" in a sentence of a document that defines no scheme may be a result */
			if (fk == F_PAREN && !sm->heading && !sd->scheme_doc && sd->info[s].title == EX_NONE) {
				free(crit);
				continue;
			}
			st = emit(ctx, sd, s, nb, kind, &v, NULL, crit, crit ? cs : EX_NONE, NULL, fk == F_PAREN ? 0.95 : 0.9);
		} else if (fk == F_CAP) {
			int kind = ctxkind >= 0 ? ctxkind : prev_kind >= 0 && prev_end > ssb ? prev_kind : EX_SCH_CRITERION;
			char *crit = points_name(sm, cb, vb);
			char *cond = NULL;
			if (!crit) {
				size_t b = cb;
				while (b < vb && strchr(" ,", key[b]))
					b++;
				size_t lb2, le2;
				if (label_span(sm, 0, &lb2, &le2) && b <= le2 + 2) /* "3. Điểm thưởng: Tối đa (03 điểm)" */
					cond = NULL;
				else
					cond = text_of(sm, b, vb);
			}
			st = emit(ctx, sd, s, nb, kind, &v, NULL, crit, crit ? s : EX_NONE, cond, 0.9);
		} else {
			int kind = !strncmp(verb, "cong", 4) || !strcmp(verb, "thuong") ? EX_SCH_BONUS
				   : !strncmp(verb, "tru", 3)                            ? EX_SCH_PENALTY
				   : ctxkind >= 0                                        ? ctxkind
											 : EX_SCH_CRITERION;
			char *cond = condition_of(sm, cb, vb);
			double conf = !strcmp(verb, "duoc") || !strcmp(verb, "cho") ? 0.8 : 0.9;
			st = emit(ctx, sd, s, nb, kind, NULL, &v, NULL, EX_NONE, cond, conf);
			prev_kind = kind;
		}
	}
	/* a points table's "Tỷ lệ đạt từ 95% trở lên: 2,5": a condition and its points, no unit */
	if (st == SOHOA_OK && sd->info[s].table && sd->info[s].title != EX_NONE && sd->info[s].title != s &&
	    !sd->info[s].bare) {
		size_t e = sm->keylen;
		while (e > 0 && strchr(" .;", key[e - 1]))
			e--;
		size_t b = e;
		while (b > 0 && (isdigit((unsigned char)key[b - 1]) || key[b - 1] == ','))
			b--;
		size_t c = b;
		while (c > 0 && key[c - 1] == ' ')
			c--;
		if (b < e && c > 0 && key[c - 1] == ':' && isdigit((unsigned char)key[b])) {
			double v = num_at(key, b);
			size_t cb = ex_clause_start(key, 0, c - 1);
			char *cond = text_of(sm, cb, c - 1);
			int kind = sd->info[s].group >= 0 ? sd->info[s].group : EX_SCH_CRITERION;
			st = emit(ctx, sd, s, b, kind, NULL, &v, NULL, EX_NONE, cond, 0.8);
		}
	}
	return st;
}

/* Table rows whose first rule gives the row's full points ("5.3 …" with points 5 and "Nếu đạt
 * 100% cộng 05 điểm") state one fact: the rule carries the maximum. A rule repeated in a row
 * with a condition inside the other's is one rule. */
static void merge_rows(ex_scheme_set *o)
{
	size_t w = 0;
	for (size_t i = 0; i < o->n; i++) {
		ex_scheme *r = &o->rows[i];
		int drop = 0;
		for (size_t j = 0; j < w && !drop; j++) {
			ex_scheme *q = &o->rows[j];
			if (q->crit_stmt == EX_NONE || q->crit_stmt != r->crit_stmt || q->kind != r->kind)
				continue;
			if (r->has_points && !r->has_max && q->has_max && !q->has_points && q->max == r->points) {
				/* the first rule after the maximum of its row */
				int first = 1;
				for (size_t k = j + 1; k < w; k++)
					if (o->rows[k].crit_stmt == r->crit_stmt && o->rows[k].has_points)
						first = 0;
				if (first) {
					q->points = r->points;
					q->has_points = 1;
					free(q->condition);
					q->condition = r->condition;
					r->condition = NULL;
					drop = 1;
				}
			} else if (r->has_points && q->has_points && q->points == r->points && q->condition && r->condition) {
				char *a = NULL, *b = NULL, *ka, *kb;
				size_t la, lb2, *ma, *mb;
				if (!ex_key(q->condition, strlen(q->condition), &a, &la, &ma) &&
				    !ex_key(r->condition, strlen(r->condition), &b, &lb2, &mb)) {
					ka = a;
					kb = b;
					drop = strstr(ka, kb) != NULL || strstr(kb, ka) != NULL;
					free(mb);
				}
				free(ma);
				free(a);
				free(b);
			}
		}
		if (drop) {
			free(r->criterion);
			free(r->condition);
			continue;
		}
		o->rows[w++] = *r;
	}
	o->n = w;
}

/* Same, for a table row whose points cell comes after the rule in its title ("5.1 … được cộng
 * trực tiếp 05 điểm" then "5"): the maximum goes onto the rule. */
static void merge_title_rules(ex_scheme_set *o)
{
	size_t w = 0;
	for (size_t i = 0; i < o->n; i++) {
		ex_scheme *r = &o->rows[i];
		if (r->has_max && !r->has_points && r->crit_stmt != EX_NONE) {
			int merged = 0;
			for (size_t j = 0; j < w && !merged; j++) {
				ex_scheme *q = &o->rows[j];
				if (q->stmt == r->crit_stmt && q->has_points && !q->has_max && q->points == r->max &&
				    q->kind == r->kind) {
					q->max = r->max;
					q->has_max = 1;
					if (!q->criterion) {
						q->criterion = r->criterion;
						r->criterion = NULL;
					}
					q->crit_stmt = r->crit_stmt;
					merged = 1;
				}
			}
			if (merged) {
				free(r->criterion);
				free(r->condition);
				continue;
			}
		}
		o->rows[w++] = *r;
	}
	o->n = w;
}

static int cmp_rows(const void *a, const void *b)
{
	const ex_scheme *x = a, *y = b;
	if (x->stmt != y->stmt)
		return x->stmt < y->stmt ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* 1 when the document defines a scheme: two scheme cues or more among its statements. */
static int count_cues(const ex_doc *ed)
{
	static const char *const cues[] = {"thang diem", "diem chuan", "diem thuong", "diem tru", "diem cong",
					   "cong diem", "tru diem", "cham diem", "tinh diem", "toi da", "xep loai",
					   "phan loai", NULL};
	int n = 0;
	for (size_t s = 0; s < ed->nstmts && n < 3; s++)
		for (int c = 0; cues[c]; c++)
			if (strstr(ed->stmts[s].key, cues[c]) && strstr(ed->stmts[s].key, "diem"))
				n++;
	return n >= 2;
}

sohoa_status ex_schemes_collect(sohoa_ctx *ctx, const ex_doc *ed, ex_scheme_set *out)
{
	memset(out, 0, sizeof *out);
	sch_doc sd = {.ed = ed, .out = out};
	sohoa_status st = SOHOA_OK;
	sd.pts = ex_regex(ctx, pts_re);
	sd.range = ex_regex(ctx, range_re);
	sd.above = ex_regex(ctx, above_re);
	sd.below = ex_regex(ctx, below_re);
	sd.info = calloc(ed->nstmts ? ed->nstmts : 1, sizeof *sd.info);
	if (!sd.pts || !sd.range || !sd.above || !sd.below) {
		st = ctx->status;
		goto done;
	}
	if (!sd.info) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		goto done;
	}
	for (size_t s = 0; s < ed->nstmts; s++) {
		sd.info[s].title = EX_NONE;
		sd.info[s].group = -1;
	}
	sd.scheme_doc = count_cues(ed);
	st = read_tables(ctx, &sd);
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		if (sd.info[s].bare || !strpbrk(ed->stmts[s].key, "0123456789") || !band_context_of(&sd, s))
			continue;
		st = bands_of(ctx, &sd, s, &sd.info[s].band);
		if (sd.info[s].band) {
			size_t t = title_before(ed, s);
			sd.info[s].banded = 1;
			if (t != EX_NONE)
				sd.info[t].banded = 1;
		}
	}
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (sd.info[s].table && !sd.info[s].bare)
			st = add_span(ctx, out, s, 0, sm->keylen); /* a points table's cells are conditions */
		if (st == SOHOA_OK && !sd.info[s].bare && strpbrk(sm->key, "0123456789") && !ex_footnote(ed, sm, 0))
			st = grammar_of(ctx, &sd, s);
	}
	if (st == SOHOA_OK && out->n > 1) {
		qsort(out->rows, out->n, sizeof *out->rows, cmp_rows);
		merge_title_rules(out);
		merge_rows(out);
	}
done:
	free(sd.info);
	sohoa_regex_free(sd.pts);
	sohoa_regex_free(sd.range);
	sohoa_regex_free(sd.above);
	sohoa_regex_free(sd.below);
	if (st != SOHOA_OK)
		ex_schemes_free(out);
	return st;
}

void ex_schemes_free(ex_scheme_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->rows[i].criterion);
		free(s->rows[i].condition);
	}
	free(s->rows);
	free(s->spans);
	memset(s, 0, sizeof *s);
}

int ex_schemes_owns(const ex_scheme_set *s, size_t stmt, size_t at)
{
	for (size_t i = 0; i < s->nspans; i++)
		if (s->spans[i].stmt == stmt && at >= s->spans[i].b && at < s->spans[i].e)
			return 1;
	return 0;
}

/* ---- schemes.csv ---- */

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const ex_scheme *r, sohoa_buf *out)
{
	const ex_stmt *st = &ed->stmts[r->stmt];
	size_t sb = ex_sentence_start(st->key, r->at), se = ex_sentence_end(st->key, st->keylen, r->at);
	char *sentence = ex_clean(st->text, st->kmap[sb], st->kmap[se]);
	size_t ne = r->at;
	while (ne < st->keylen && (isdigit((unsigned char)st->key[ne]) || st->key[ne] == ',' || st->key[ne] == '.'))
		ne++;
	while (ne > r->at && !isdigit((unsigned char)st->key[ne - 1]))
		ne--;
	char needle[64];
	snprintf(needle, sizeof needle, "%.*s", (int)(st->kmap[ne] - st->kmap[r->at]), st->text + st->kmap[r->at]);
	int page, line;
	ex_locate(ed, st, st->kmap[r->at], needle, &page, &line);
	char conf[16];
	snprintf(conf, sizeof conf, "%.2f", r->confidence);
	ex_row w;
	ex_row_begin(&w, out);
	ex_field(&w, ed->name);
	ex_field(&w, kind_names[r->kind]);
	ex_field(&w, r->criterion);
	ex_field_num(&w, r->max, r->has_max);
	ex_field_num(&w, r->points, r->has_points);
	ex_field(&w, r->condition);
	ex_field_int(&w, page, 1);
	ex_field_int(&w, line, 1);
	ex_field(&w, sentence);
	ex_field(&w, conf);
	free(sentence);
	return ex_row_end(&w, ctx);
}

static sohoa_status schemes(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	ex_scheme_set sc;
	sohoa_status st = ex_schemes_collect(ctx, ed, &sc);
	for (size_t i = 0; i < sc.n && st == SOHOA_OK; i++)
		st = write_row(ctx, ed, &sc.rows[i], out);
	ex_schemes_free(&sc);
	return st;
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, schemes);
}

const sohoa_extractor ex_schemes = {"schemes", columns, run};
